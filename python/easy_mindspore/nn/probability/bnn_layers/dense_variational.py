"""The Bayesian dense layers ``DenseReparam`` and ``DenseLocalReparam``, and the base of every
Bayesian layer (a prior and a posterior per parameter, ``compute_kl_loss``)."""
from .... import ops
from ...._checkparam import check_bool, check_positive_int
from ...._errors import ShapeError
from ...cell import Cell
from ...layer import get_activation
from ..distribution import Normal
from .layer_distribution import NormalPrior, _Layer, normal_post_fn

__all__ = ["DenseReparam", "DenseLocalReparam"]


def _made(fn, **kwargs):
    return fn if isinstance(fn, Cell) else fn(**kwargs)


class _BayesianLayer(_Layer):
    """A layer whose weight (and bias) have a prior and a sampled posterior."""

    def _distributions(self, weight_shape, out_channels, has_bias, weight_prior_fn,
                       weight_posterior_fn, bias_prior_fn, bias_posterior_fn):
        self.has_bias = check_bool(has_bias)
        self.weight_prior = _made(weight_prior_fn)
        self.weight_posterior = _made(weight_posterior_fn, shape=weight_shape, name="weight_posterior")
        if self.has_bias:
            self.bias_prior = _made(bias_prior_fn)
            self.bias_posterior = _made(bias_posterior_fn, shape=(out_channels,), name="bias_posterior")

    def _params_repr(self):
        text = (f"weight_mean={self.weight_posterior.mean}, "
                f"weight_std={self.weight_posterior.untransformed_std}, has_bias={self.has_bias}")
        if self.has_bias:
            text += (f", bias_mean={self.bias_posterior.mean}, "
                     f"bias_std={self.bias_posterior.untransformed_std}")
        return text

    def compute_kl_loss(self):
        """``KL(prior ‖ posterior)`` of the weight (and bias), summed over their elements."""
        kl = self.weight_prior("kl_loss", "Normal", self.weight_posterior("mean"),
                               self.weight_posterior("sd"))
        loss = ops.reduce_sum(kl)
        if self.has_bias:
            kl = self.bias_prior("kl_loss", "Normal", self.bias_posterior("mean"),
                                 self.bias_posterior("sd"))
            loss = loss + ops.reduce_sum(kl)
        return loss


class _DenseBase(_BayesianLayer):
    _LOCAL = False  # the local reparameterisation: outputs drawn from ``self.normal``

    def __init__(self, in_channels, out_channels, activation=None, has_bias=True,
                 weight_prior_fn=NormalPrior, weight_posterior_fn=normal_post_fn,
                 bias_prior_fn=NormalPrior, bias_posterior_fn=normal_post_fn):
        super().__init__()
        self.in_channels = check_positive_int(in_channels)
        self.out_channels = check_positive_int(out_channels)
        if activation is not None and not isinstance(activation, (str, Cell)):
            raise ShapeError("The type of `activation` is wrong.")
        self._distributions((self.out_channels, self.in_channels), self.out_channels, has_bias,
                            weight_prior_fn, weight_posterior_fn, bias_prior_fn, bias_posterior_fn)
        self.activation = get_activation(activation) if isinstance(activation, str) else activation
        self.activation_flag = self.activation is not None
        if self._LOCAL:
            self.normal = Normal()

    def extend_repr(self):
        text = f"in_channels={self.in_channels}, out_channels={self.out_channels}, {self._params_repr()}"
        if self.activation_flag:
            text += f", activation={self.activation}"
        return text

    def _finish(self, out):
        if self.has_bias:
            out = out + self.bias_posterior("sample")
        return self.activation(out) if self.activation_flag else out


class DenseReparam(_DenseBase):
    """A Bayesian dense layer ``activation(x · Wᵀ + b)`` whose weight and bias are drawn from
    their posteriors at every call (the reparameterisation trick: gradients reach the
    posteriors' Parameters).

    Args:
        in_channels (int): The number of input features.
        out_channels (int): The number of output features.
        activation (Union[str, Cell], optional): An activation applied last. Default: ``None``.
        has_bias (bool, optional): Whether a bias is added. Default: ``True``.
        weight_prior_fn (Union[type, Cell], optional): The weight's prior (a Cell, or a callable
            making one). Default: ``NormalPrior``.
        weight_posterior_fn (Union[callable, Cell], optional): The weight's posterior, called
            with ``shape`` and ``name``. Default: ``normal_post_fn``.
        bias_prior_fn (Union[type, Cell], optional): The bias's prior. Default: ``NormalPrior``.
        bias_posterior_fn (Union[callable, Cell], optional): The bias's posterior. Default:
            ``normal_post_fn``.

    Inputs:
        - **x** (Tensor) - Of shape ``[N, in_channels]``.

    Outputs:
        Tensor of shape ``[N, out_channels]``.

    Raises:
        TypeError: `in_channels` or `out_channels` not an int, `has_bias` not a bool.
        ValueError: `in_channels` or `out_channels` not positive, `activation` of another type.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.nn.probability.bnn_layers import DenseReparam
        >>> net = DenseReparam(3, 4, activation="relu")
        >>> print(net(ms.Tensor(np.ones((2, 3), np.float32))).shape)
        (2, 4)
        >>> print(net.compute_kl_loss().shape)
        ()
    """

    def construct(self, x):
        weight = self.weight_posterior("sample")
        return self._finish(ops.matmul(x, weight.T))


class DenseLocalReparam(_DenseBase):
    """A Bayesian dense layer that samples its pre-activations from their Normal,
    ``N(x · Mᵀ, sqrt(x² · (S²)ᵀ))`` for the weight posterior's means ``M`` and standard deviations
    ``S`` (the local reparameterisation trick: less variance than sampling the weight); the bias
    is drawn from its posterior. Arguments as ``DenseReparam``.

    Args:
        in_channels (int): The number of input features.
        out_channels (int): The number of output features.
        activation (Union[str, Cell], optional): An activation applied last. Default: ``None``.
        has_bias (bool, optional): Whether a bias is added. Default: ``True``.
        weight_prior_fn (Union[type, Cell], optional): The weight's prior. Default: ``NormalPrior``.
        weight_posterior_fn (Union[callable, Cell], optional): The weight's posterior. Default:
            ``normal_post_fn``.
        bias_prior_fn (Union[type, Cell], optional): The bias's prior. Default: ``NormalPrior``.
        bias_posterior_fn (Union[callable, Cell], optional): The bias's posterior. Default:
            ``normal_post_fn``.

    Inputs:
        - **x** (Tensor) - Of shape ``[N, in_channels]``.

    Outputs:
        Tensor of shape ``[N, out_channels]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.nn.probability.bnn_layers import DenseLocalReparam
        >>> net = DenseLocalReparam(3, 4)
        >>> print(net(ms.Tensor(np.ones((2, 3), np.float32))).shape)
        (2, 4)
    """
    _LOCAL = True

    def construct(self, x):
        mean = ops.matmul(x, self.weight_posterior("mean").T)
        sd = self.weight_posterior("sd")
        var = ops.matmul(x * x, (sd * sd).T)
        return self._finish(self.normal("sample", mean=mean, sd=ops.sqrt(var)))

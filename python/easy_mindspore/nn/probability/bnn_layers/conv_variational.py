"""The Bayesian 2-D convolution ``ConvReparam``."""
from .... import ops
from ...._checkparam import check_bool, check_positive_int
from ...._errors import ShapeError
from ....common import dtype as mstype
from ....common.initializer import initializer
from ....common.parameter import Parameter
from .dense_variational import _BayesianLayer
from .layer_distribution import NormalPrior, normal_post_fn

__all__ = ["ConvReparam"]


def _pair(value, name):
    if isinstance(value, int) and not isinstance(value, bool):
        value = (value, value)
    if (not isinstance(value, tuple) or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value)):
        raise ShapeError(f"For 'ConvReparam', '{name}' must be a positive int or a tuple of two "
                         f"positive ints, but got {value!r}.")
    return value


class ConvReparam(_BayesianLayer):
    """A Bayesian 2-D convolution (``[N, C, H, W]``) whose kernel and bias are drawn from their
    posteriors at every call. As MindSpore 2.10's, it also holds a ``weight`` (and ``bias``)
    Parameter of the plain convolution's shape that it does not train or use.

    Args:
        in_channels (int): The number of input channels.
        out_channels (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        pad_mode (str, optional): ``'same'``, ``'valid'`` or ``'pad'``. Default: ``'same'``.
        padding (Union[int, tuple[int]], optional): The zero padding of ``'pad'``. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The kernel's dilation. Default: ``1``.
        group (int, optional): The number of channel groups. Default: ``1``.
        has_bias (bool, optional): Whether a bias is added. Default: ``False``.
        weight_prior_fn (Union[type, Cell], optional): The kernel's prior. Default: ``NormalPrior``.
        weight_posterior_fn (Union[callable, Cell], optional): The kernel's posterior. Default:
            ``normal_post_fn``.
        bias_prior_fn (Union[type, Cell], optional): The bias's prior. Default: ``NormalPrior``.
        bias_posterior_fn (Union[callable, Cell], optional): The bias's posterior. Default:
            ``normal_post_fn``.

    Inputs:
        - **x** (Tensor) - Of shape ``[N, in_channels, H, W]``.

    Outputs:
        Tensor of shape ``[N, out_channels, H_out, W_out]``.

    Raises:
        ValueError: `pad_mode` not one of the three, channels or sizes not positive, channels not
            divisible by `group`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.nn.probability.bnn_layers import ConvReparam
        >>> net = ConvReparam(1, 2, 3, pad_mode="valid")
        >>> print(net(ms.Tensor(np.ones((1, 1, 5, 5), np.float32))).shape)
        (1, 2, 3, 3)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same",
                 padding=0, dilation=1, group=1, has_bias=False, weight_prior_fn=NormalPrior,
                 weight_posterior_fn=normal_post_fn, bias_prior_fn=NormalPrior,
                 bias_posterior_fn=normal_post_fn):
        super().__init__()
        self.in_channels = check_positive_int(in_channels)
        self.out_channels = check_positive_int(out_channels)
        self.kernel_size, self.stride = _pair(kernel_size, "kernel_size"), _pair(stride, "stride")
        self.dilation, self.group = _pair(dilation, "dilation"), check_positive_int(group)
        if pad_mode not in ("valid", "same", "pad"):
            raise ShapeError(f"Attr 'pad_mode' of 'Conv2d' Op passed {pad_mode}, should be one of "
                             "values in 'valid', 'same', 'pad'.")
        if self.in_channels % self.group or self.out_channels % self.group:
            raise ShapeError(f"For 'ConvReparam', 'in_channels' ({in_channels}) and 'out_channels' "
                             f"({out_channels}) must be divisible by 'group' ({group}).")
        self.pad_mode, self.padding = pad_mode, padding
        shape = (self.out_channels, self.in_channels // self.group) + self.kernel_size
        self.weight = Parameter(initializer("normal", shape, mstype.float32), name="weight",
                                requires_grad=False)
        if check_bool(has_bias):
            self.bias = Parameter(initializer("zeros", (self.out_channels,), mstype.float32),
                                  name="bias", requires_grad=False)
        self._distributions(shape, self.out_channels, has_bias, weight_prior_fn,
                            weight_posterior_fn, bias_prior_fn, bias_posterior_fn)

    def extend_repr(self):
        return (f"in_channels={self.in_channels}, out_channels={self.out_channels}, "
                f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, "
                f"padding={self.padding}, dilation={self.dilation}, group={self.group}, "
                f"{self._params_repr()}")

    def construct(self, x):
        kernel = self.weight_posterior("sample")
        out = ops.conv2d(x, kernel, None, self.stride, self.pad_mode, self.padding, self.dilation,
                         self.group)
        if self.has_bias:
            out = out + self.bias_posterior("sample").reshape(1, -1, 1, 1)
        return out

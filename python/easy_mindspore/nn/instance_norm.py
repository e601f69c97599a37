"""``nn.InstanceNorm1d/2d/3d`` with MindSpore 2.x's arguments, defaults, Parameter names
(``gamma``, ``beta``, and the moving statistics ``mean``/``variance``) and errors.

Each ``(sample, channel)`` slice is normalised by its own mean and biased variance over the
spatial axes, in training and evaluation alike; ``gamma``/``beta`` scale and shift per
channel (fixed, without gradients, when ``affine=False``). As MindSpore's InstanceNorm
primitive, every call also moves ``moving_mean``/``moving_variance`` towards the batch mean
of the instance means and of the unbiased instance variances by ``momentum``; those updates
are not differentiated. (MindSpore 2.10 runs this primitive on GPU only; on its CPU the cell
raises a RuntimeError.) A Python layer over engine ops: differentiable, traced by ``jit``."""
import numbers

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.initializer import Initializer, initializer
from ..common.parameter import Parameter
from ..ops.functional import stop_gradient
from .cell import Cell

__all__ = ["InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64)


def _check_type(layer, name, value, types, type_name):
    if isinstance(value, bool) and bool not in types or not isinstance(value, types):
        raise DTypeError(f"For '{layer}', the type of '{name}' should be '{type_name}', but got "
                         f"type '{type(value).__name__}'.")


class _InstanceNorm(Cell):
    """The shared body; subclasses fix the input rank (``_RANK``)."""
    _RANK = 4

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, gamma_init="ones",
                 beta_init="zeros", dtype=mstype.float32):
        super().__init__()
        layer = type(self).__name__
        _check_type(layer, "num_features", num_features, (int,), "int")
        _check_type(layer, "eps", eps, (float,), "float")
        _check_type(layer, "momentum", momentum, (float,), "float")
        _check_type(layer, "affine", affine, (bool,), "bool")
        for key, val in (("gamma_init", gamma_init), ("beta_init", beta_init)):
            if not isinstance(val, (Tensor, numbers.Number, str, Initializer)):
                raise DTypeError(f"For '{layer}', the type of '{key}' must be in [Tensor, "
                                 f"numbers.Number, str, Initializer], but got type "
                                 f"{type(val).__name__}.")
            if isinstance(val, Tensor) and val.dtype != mstype.float32:
                raise DTypeError(f"For '{layer}', the type of '{key}' must be float32, but got "
                                 f"{val.dtype}.")
        if num_features < 1:
            raise ShapeError(f"For '{layer}', the 'num_features' must be at least 1, but got "
                             f"{num_features}.")
        if momentum < 0 or momentum > 1:
            raise ShapeError(f"For '{layer}', the 'momentum' must be a number in range [0, 1], but "
                             f"got {momentum}.")
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        shape = (num_features,)
        self.moving_mean = Parameter(initializer("zeros", shape, dtype), name="mean",
                                     requires_grad=False)
        self.moving_variance = Parameter(initializer("ones", shape, dtype), name="variance",
                                         requires_grad=False)
        self.gamma = Parameter(initializer(gamma_init, shape, dtype), name="gamma",
                               requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, shape, dtype), name="beta",
                              requires_grad=affine)

    def _check_input(self, x):
        layer = type(self).__name__
        if not isinstance(x, Tensor):
            raise DTypeError(f"For '{layer}', the input must be a Tensor, but got "
                             f"{type(x).__name__}.")
        if x.ndim != self._RANK:
            raise ShapeError(f"For '{layer}', the in_shape must have {self._RANK} dims, but got "
                             f"{x.ndim}.")
        if x.dtype not in _FLOATS:
            raise DTypeError(f"For '{layer}', the input must be Float16, Float32 or Float64, but "
                             f"got {x.dtype}.")
        if x.shape[1] != self.num_features:
            raise ShapeError(f"For '{layer}', the input's channel axis (shape {list(x.shape)}) "
                             f"must be num_features={self.num_features}, but got {x.shape[1]}.")

    def construct(self, x):
        self._check_input(x)
        axes = tuple(range(2, x.ndim))
        mean = x.mean(axes, True)
        d = x - mean
        var = (d * d).mean(axes, True)
        y = d / (var + self.eps).sqrt()
        bshape = (1, self.num_features) + (1,) * (x.ndim - 2)
        gamma = self.gamma.astype(x.dtype).reshape(bshape)
        beta = self.beta.astype(x.dtype).reshape(bshape)
        self._update_moving(stop_gradient(mean), stop_gradient(var), x)
        return y * gamma + beta

    def _update_moving(self, mean, var, x):
        """``moving = (1 - momentum)·moving + momentum·batch mean`` of the instance means and of
        the unbiased instance variances (as the primitive, on every call)."""
        count = 1
        for s in x.shape[2:]:
            count *= s
        unbiased = var * (count / (count - 1)) if count > 1 else var
        m = self.momentum
        dt = self.moving_mean.dtype
        batch_mean = mean.reshape((x.shape[0], self.num_features)).mean(0).astype(dt)
        batch_var = unbiased.reshape((x.shape[0], self.num_features)).mean(0).astype(dt)
        self.moving_mean.set_data(self.moving_mean * (1.0 - m) + batch_mean * m)
        self.moving_variance.set_data(self.moving_variance * (1.0 - m) + batch_var * m)

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={self.momentum}, "
                f"gamma={self.gamma!r}, beta={self.beta!r}, moving_mean={self.moving_mean!r}, "
                f"moving_variance={self.moving_variance!r}")


class InstanceNorm1d(_InstanceNorm):
    r"""Instance normalisation of ``[N, C, L]``: each ``(n, c)`` row is normalised over ``L``.

    .. math::
        y = \frac{x - \mathrm{E}[x]}{\sqrt{\mathrm{Var}[x] + \epsilon}} * \gamma + \beta

    Args:
        num_features (int): ``C``.
        eps (float, optional): Added to the variance. Default: ``1e-5``.
        momentum (float, optional): The moving statistics' update rate, in ``[0, 1]``.
            Default: ``0.1``.
        affine (bool, optional): Whether ``gamma``/``beta`` are learned. Default: ``True``.
        gamma_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'ones'``.
        beta_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'zeros'``.
        dtype (mindspore.dtype, optional): The Parameters' dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - ``[N, C, L]``, a float dtype.

    Outputs:
        Tensor, the shape and dtype of ``x``.

    Raises:
        TypeError: ``num_features`` is not an int, ``eps``/``momentum`` not a float,
            ``affine`` not a bool, an initialiser of another type.
        ValueError: ``num_features < 1``; ``momentum`` outside ``[0, 1]``; an input that is
            not 3-D or whose channel axis is not ``num_features``.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, nn
        >>> net = nn.InstanceNorm1d(2)
        >>> x = Tensor(np.array([[[1.0, 3.0], [0.0, 4.0]]], np.float32))
        >>> print(net(x))
        [[[-0.999995   0.999995 ]
          [-0.9999988  0.9999988]]]
    """
    _RANK = 3


class InstanceNorm2d(_InstanceNorm):
    r"""Instance normalisation of ``[N, C, H, W]``: each ``(n, c)`` image is normalised over
    ``H, W`` (arguments as :class:`InstanceNorm1d`).

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, nn
        >>> net = nn.InstanceNorm2d(3)
        >>> x = Tensor(np.ones((2, 3, 2, 2), np.float32))
        >>> print(net(x).shape)
        (2, 3, 2, 2)
    """
    _RANK = 4


class InstanceNorm3d(_InstanceNorm):
    r"""Instance normalisation of ``[N, C, D, H, W]`` over ``D, H, W`` (arguments as
    :class:`InstanceNorm1d`).

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, nn
        >>> net = nn.InstanceNorm3d(3)
        >>> x = Tensor(np.ones((2, 3, 2, 2, 2), np.float32))
        >>> print(net(x).shape)
        (2, 3, 2, 2, 2)
    """
    _RANK = 5

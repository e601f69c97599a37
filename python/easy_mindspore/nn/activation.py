"""Activation cells beyond ReLU/Sigmoid/Tanh/Softmax (those are Rust layers in ``layer.py``):
each is a few engine ops, so it is differentiable and traced by ``jit`` like any other code.
Names, arguments and defaults are MindSpore 2.x's (``GELU(approximate=True)`` is the tanh form).
"""

import numpy as np

from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.initializer import initializer
from ..common.parameter import Parameter
from ..ops.function import nn_func as _F
from .cell import Cell

__all__ = ["GELU", "FastGelu", "LeakyReLU", "ELU", "SiLU", "Identity", "ReLU6", "Hardtanh",
           "LogSigmoid", "Mish", "HSigmoid", "HSwish", "PReLU", "Softmin", "CELU", "SeLU", "GLU",
           "Tanhshrink", "Threshold", "SoftShrink", "HShrink", "Softsign"]


def _float(v, layer, what):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise DTypeError(f"For '{layer}', '{what}' must be a float, but got {type(v).__name__}.")
    return float(v)


def _input(layer, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{layer}', the input must be a Tensor, but got {type(x).__name__}.")
    return x


class GELU(Cell):
    """``x·Φ(x)``; ``approximate=True`` (MindSpore's default) uses
    ``0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))``.

    Args:
        approximate (str, optional): ``'none'`` for the exact erf form, ``'tanh'`` for the tanh
            approximation. Default: ``True``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.GELU()(x))
        [-0.10042843  0.          2.4849157 ]
    """

    def __init__(self, approximate=True):
        super().__init__()
        if not isinstance(approximate, bool):
            raise DTypeError(f"For 'GELU', 'approximate' must be a bool, but got "
                             f"{type(approximate).__name__}.")
        self.approximate = approximate

    def construct(self, x):
        return _F.gelu(_input("GELU", x), "tanh" if self.approximate else "none")


class FastGelu(Cell):
    """``x / (1 + e^(-1.702·|x|)) · e^(0.851·(x - |x|))``.

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.FastGelu()(x))
        [-0.1083378  0.         2.465014 ]
    """

    def construct(self, x):
        return _F.fast_gelu(_input("FastGelu", x))


class LeakyReLU(Cell):
    """``x`` for ``x ≥ 0``, ``alpha·x`` below (``alpha=0.2``).

    Args:
        alpha (float, optional): The slope of the negative part. Default: ``0.2``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.LeakyReLU()(x))
        [-0.3  0.   2.5]
    """

    def __init__(self, alpha=0.2):
        super().__init__()
        self.alpha = _float(alpha, "LeakyReLU", "alpha")

    def construct(self, x):
        x = _input("LeakyReLU", x)
        return _C.where_(x >= 0, x, x * self.alpha)


class ELU(Cell):
    """``x`` for ``x > 0``, ``alpha·(eˣ - 1)`` below. MindSpore 2.10's CPU kernel accepts only
    ``alpha=1.0``; any alpha computes here.

    Args:
        alpha (float, optional): The scale α of the negative part. Default: ``1.0``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.ELU()(x))
        [-0.77686983  0.          2.5       ]
    """

    def __init__(self, alpha=1.0):
        super().__init__()
        self.alpha = _float(alpha, "ELU", "alpha")

    def construct(self, x):
        return _F.elu(_input("ELU", x), self.alpha)


class CELU(Cell):
    """``max(0, x) + min(0, alpha·(e^(x/alpha) - 1))`` (``alpha=1.0``, not 0).

    Args:
        alpha (float, optional): The scale α of the negative part. Default: ``1.0``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.CELU()(x))
        [-0.77686983  0.          2.5       ]
    """

    def __init__(self, alpha=1.0):
        super().__init__()
        self.alpha = _float(alpha, "CELU", "alpha")
        if self.alpha == 0.0:
            raise ShapeError("For 'CELU', 'alpha' must not be 0.")

    def construct(self, x):
        return _F.celu(_input("CELU", x), self.alpha)


class SeLU(Cell):
    """``scale·(max(0, x) + min(0, alpha·(eˣ - 1)))`` with the self-normalising constants.
    Int8 and Int32 inputs keep their dtype, the value truncated toward zero (MindSpore
    2.10 takes these two integer dtypes only).

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.SeLU()(x))
        [-1.3658143  0.         2.6267526]
    """

    def construct(self, x):
        return _F.selu(_input("SeLU", x))


class SiLU(Cell):
    """``x·σ(x)``.

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.SiLU()(x))
        [-0.2736383  0.         2.3103545]
    """

    def construct(self, x):
        return _F.silu(_input("SiLU", x))


class Mish(Cell):
    """``x·tanh(softplus(x))``.

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Mish()(x))
        [-0.29809988  0.          2.4713924 ]
    """

    def construct(self, x):
        return _F.mish(_input("Mish", x))


class Identity(Cell):
    """Returns its input (any extra constructor arguments are ignored, as in MindSpore).

    Args:
        *args (object): Ignored, as in MindSpore.
        **kwargs (object): Ignored.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Identity()(x))
        [-1.5  0.   2.5]
    """

    def __init__(self, *args, **kwargs):
        super().__init__()

    def construct(self, x):
        return x


class ReLU6(Cell):
    """``min(max(x, 0), 6)``.

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.ReLU6()(x))
        [0.  0.  2.5]
    """

    def construct(self, x):
        return _F.relu6(_input("ReLU6", x))


class Hardtanh(Cell):
    """``x`` limited to ``[min_val, max_val]`` (default ``[-1, 1]``).

    Args:
        min_val (float, optional): The lower bound. Default: ``-1.0``.
        max_val (float, optional): The upper bound. Default: ``1.0``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Hardtanh()(x))
        [-1.  0.  1.]
    """

    def __init__(self, min_val=-1.0, max_val=1.0):
        super().__init__()
        self.min_val = _float(min_val, "Hardtanh", "min_val")
        self.max_val = _float(max_val, "Hardtanh", "max_val")
        if self.min_val > self.max_val:
            raise ShapeError(f"For 'Hardtanh', 'min_val' {self.min_val} must not be greater than "
                             f"'max_val' {self.max_val}.")

    def construct(self, x):
        return _F.hardtanh(_input("Hardtanh", x), self.min_val, self.max_val)


class LogSigmoid(Cell):
    """``log σ(x)``, computed stably.

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.LogSigmoid()(x))
        [-1.7014134  -0.6931472  -0.07888975]
    """

    def construct(self, x):
        return _F.logsigmoid(_input("LogSigmoid", x))


class HSigmoid(Cell):
    """Hard sigmoid ``relu6(x + 3) / 6``.
    Int8 to Int64 inputs keep their dtype, the value truncated toward zero (as MindSpore
    2.10; UInt8 and Bool are TypeErrors).

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.HSigmoid()(x))
        [0.25      0.5       0.9166667]
    """

    def construct(self, x):
        return _F.hardsigmoid(_input("HSigmoid", x))


class HSwish(Cell):
    """Hard swish ``x·relu6(x + 3) / 6``.
    Int8 to Int64 inputs keep their dtype, the value truncated toward zero (as MindSpore
    2.10; UInt8 and Bool are TypeErrors).

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.HSwish()(x))
        [-0.375      0.         2.2916667]
    """

    def construct(self, x):
        return _F.hardswish(_input("HSwish", x))


class PReLU(Cell):
    """``x`` for ``x ≥ 0``, ``w·x`` below, with a learnable slope ``w`` (one, or one per channel
    of axis 1; MindSpore names the Parameter ``'a'``), initialised to ``w=0.25``.

    Args:
        channel (int, optional): The number of slopes (1, or one per channel). Default: ``1``.
        w (Union[float, list[float], Tensor], optional): The initial slope: one float, one per
            channel, or a Tensor of shape ``(channel,)`` or ``(1,)``. Default: ``0.25``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.PReLU(w=0.25)(x))
        [-0.375  0.     2.5  ]
        >>> print(nn.PReLU(channel=2, w=[0.1, 0.5])(ms.Tensor([[-1.0, -1.0]])))
        [[-0.1 -0.5]]
    """

    def __init__(self, channel=1, w=0.25):
        super().__init__()
        if isinstance(channel, bool) or not isinstance(channel, int) or channel < 1:
            raise ShapeError(f"For 'PReLU', 'channel' must be a positive int, but got {channel}.")
        if isinstance(w, (float, np.float32)):  # MindSpore 2.10 takes these two scalar types
            w = initializer(float(w), (channel,))
        elif isinstance(w, list):  # one float per channel (MindSpore's checks and messages)
            if len(w) != channel:
                raise ShapeError(f"For 'PReLU', the length of 'w' must be equal to the 'channel' when "
                                 f"the 'w' is a list, but got the length of 'w': {len(w)}, the "
                                 f"'channel': {channel}.")
            for v in w:
                if not isinstance(v, (float, np.float32)):
                    raise ShapeError(f"For 'PReLU', all elements in 'w' must be float when the 'w' is "
                                     f"a list, but got {v}.")
            w = Tensor(w, mstype.float32)
        elif isinstance(w, Tensor):
            if tuple(w.shape) not in ((channel,), (1,)):
                raise ShapeError(f"For 'PReLU', 'w' must have shape ({channel},), but got "
                                 f"{tuple(w.shape)}.")
        else:
            raise DTypeError(f"For 'PReLU', the 'w' only supported float, list and tensor, but got "
                             f"{type(w).__name__}.")
        self.channel = channel
        self.w = Parameter(w, name="a")

    def construct(self, x):
        x = _input("PReLU", x)
        w = self.w
        if x.ndim >= 2 and self.channel > 1:
            if x.shape[1] != self.channel:
                raise ShapeError(f"For 'PReLU', the input's axis 1 must have {self.channel} "
                                 f"channels, but got shape {tuple(x.shape)}.")
            w = w.reshape((self.channel,) + (1,) * (x.ndim - 2))
        y = _C.where_(x >= 0, x, x * w)
        # MindSpore 2.10 returns the input's dtype (Float16 for a Float16 input), where x·w
        # would promote to the Float32 of the slope.
        return y.astype(x.dtype) if x.is_floating_point() and y.dtype != x.dtype else y


class Softmin(Cell):
    """``softmax(-x)`` along ``axis`` (default -1).

    Args:
        axis (int, optional): The axis. Default: ``-1``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Softmin()(x))
        [0.80551237 0.17973411 0.01475347]
    """

    def __init__(self, axis=-1):
        super().__init__()
        self.axis = axis

    def construct(self, x):
        return _F.softmin(_input("Softmin", x), self.axis)


class GLU(Cell):
    """Gated linear unit: ``a·σ(b)`` for the two halves ``a, b`` of ``axis`` (default -1).

    Args:
        axis (int, optional): The axis. Default: ``-1``.

    Outputs:
        Tensor, the input with the axis `axis` halved.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(nn.GLU()(x))
        [[0.880797 ]
         [2.9460413]]
    """

    def __init__(self, axis=-1):
        super().__init__()
        self.dim = axis

    def construct(self, x):
        return _F.glu(_input("GLU", x), self.dim)


class Tanhshrink(Cell):
    """``x - tanh(x)``.

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Tanhshrink()(x))
        [-0.59485173  0.          1.5133858 ]
    """

    def construct(self, x):
        return _F.tanhshrink(_input("Tanhshrink", x))


class Threshold(Cell):
    """``x`` where ``x > threshold``, else ``value``.

    Args:
        threshold (float): The threshold.
        value (float): The value below (and at) the threshold.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Threshold(0.5, -1.0)(x))
        [-1.  -1.   2.5]
    """

    def __init__(self, threshold, value):
        super().__init__()
        self.threshold = _float(threshold, "Threshold", "threshold")
        self.value = _float(value, "Threshold", "value")

    def construct(self, x):
        return _F.threshold(_input("Threshold", x), self.threshold, self.value)


class SoftShrink(Cell):
    """``x - λ`` above ``λ``, ``x + λ`` below ``-λ``, 0 between (``lambd=0.5``).

    Args:
        lambd (float, optional): The threshold λ. Default: ``0.5``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.SoftShrink()(x))
        [-1.  0.  2.]
    """

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = _float(lambd, "SoftShrink", "lambd")
        if self.lambd < 0:
            raise ShapeError(f"For 'SoftShrink', 'lambd' must be >= 0, but got {self.lambd}.")

    def construct(self, x):
        return _F.softshrink(_input("SoftShrink", x), self.lambd)


class HShrink(Cell):
    """``x`` where ``|x| > λ``, else 0 (``lambd=0.5``).

    Args:
        lambd (float, optional): The threshold λ. Default: ``0.5``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.HShrink()(x))
        [-1.5  0.   2.5]
    """

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = _float(lambd, "HShrink", "lambd")

    def construct(self, x):
        return _F.hardshrink(_input("HShrink", x), self.lambd)


class Softsign(Cell):
    """``x / (1 + |x|)``.

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Softsign()(x))
        [-0.6         0.          0.71428573]
    """

    def construct(self, x):
        return _F.softsign(_input("Softsign", x))


# The activations ``get_activation`` and ``Dense(activation=...)`` know, by MindSpore's names.
ACTIVATIONS = {"gelu": GELU, "fast_gelu": FastGelu, "leakyrelu": LeakyReLU, "elu": ELU,
               "silu": SiLU, "relu6": ReLU6, "hardtanh": Hardtanh, "logsigmoid": LogSigmoid,
               "mish": Mish, "hsigmoid": HSigmoid, "hswish": HSwish, "prelu": PReLU,
               "softmin": Softmin, "celu": CELU, "selu": SeLU, "tanhshrink": Tanhshrink,
               "softshrink": SoftShrink, "hshrink": HShrink, "softsign": Softsign,
               # MindSpore 2.10 lists it, but Threshold has required arguments: asking for it by
               # name is the TypeError of calling Threshold() (there is no default to choose).
               "threshold": Threshold}


"""``mindspore.numpy`` rounding, sign and magnitude of one tensor (MindSpore 2.10's ``math_ops``).

Dtypes, measured on MindSpore 2.10 (CPU): ``ceil``, ``trunc``, ``fix``, ``rint`` and ``sign``
give a float dtype (Float32 for integers); ``fabs``, ``round``/``around`` and ``positive`` keep
the input dtype; ``signbit`` gives Bool. Where MindSpore 2.10 differs we follow NumPy and say so:
``rint`` of integers is promoted to Float32 here (a TypeError there); ``ceil`` keeps Float16
(Float32 there); rounding a small negative number prints ``0.`` here (``-0.`` there).
"""
import numpy as _np

from .. import ops as _ops
from ..common.dtype import bool_
from ..tensor import Tensor
from . import _float, _float32, _t, _t_origin
from .math_ops import _is_float

__all__ = [
    "ceil",
    "trunc",
    "rint",
    "fix",
    "round",
    "around",
    "sign",
    "signbit",
    "positive",
    "fabs",
]


def ceil(x, dtype=None):
    """The ceiling elementwise, as a float tensor.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.5, 2.0], ms.float32)
        >>> print(mnp.ceil(x))
        [-1.  1.  2.]
    """
    out = _ops.ceil(_float32(x))  # Float32 for Float16 too, as MindSpore 2.10
    return out if dtype is None else out.astype(dtype)


def trunc(x, dtype=None):
    """Rounds toward zero elementwise, as a float tensor.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.5, 2.7], ms.float32)
        >>> print(mnp.trunc(x))
        [-1.  0.  2.]
    """
    out = _ops.trunc(_float(x))
    return out if dtype is None else out.astype(dtype)


def rint(x, dtype=None):
    """Rounds to the nearest integer elementwise (half to even), as a float tensor.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.5, 2.7], ms.float32)
        >>> print(mnp.rint(x))
        [-2.  0.  3.]
    """
    out = _ops.round(_float(x))
    return out if dtype is None else out.astype(dtype)


def fix(x):
    """Rounds toward zero elementwise, as a float tensor (``trunc`` without ``dtype``).

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.5, 2.7], ms.float32)
        >>> print(mnp.fix(x))
        [-1.  0.  2.]
    """
    return _ops.trunc(_float(x))


def round(a, decimals=0):
    """Rounds to `decimals` decimal places elementwise (half to even); integers stay integers
    (Python ints and lists of them give Int64, as MindSpore 2.10).

    Args:
        a (Tensor): The input tensor.
        decimals (int, optional): The number of decimal places. Default: ``0``.

    Returns:
        Tensor, of the shape and dtype of `a`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.25, 2.5], ms.float32)
        >>> print(mnp.round(x))
        [-2.  0.  2.]
        >>> print(mnp.round(x, 1))
        [-1.5  0.2  2.5]
    """
    a = _t_origin(a)  # a Python int or list of ints: Int64, as MindSpore 2.10
    if a.dtype == bool_:
        raise TypeError("For 'mindspore.numpy.round', the input must be a number tensor, "
                        "but got Bool.")
    if isinstance(decimals, bool) or not isinstance(decimals, (int, _np.integer)):
        # (1.5 scaled by 10**1.5: a wrong result, not an error, before)
        raise TypeError(f"For 'mindspore.numpy.round', decimals must be an integer, but got "
                        f"{type(decimals).__name__}.")
    if not _is_float(a):
        return a
    if decimals == 0:
        return _ops.round(a)
    scale = 10.0 ** decimals
    return _ops.round(a * scale) / scale


def around(a, decimals=0):
    """Rounds to `decimals` decimal places elementwise (same as ``round``).

    Args:
        a (Tensor): The input tensor.
        decimals (int, optional): The number of decimal places. Default: ``0``.

    Returns:
        Tensor, of the shape and dtype of `a`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.25, 2.5], ms.float32)
        >>> print(mnp.around(x))
        [-2.  0.  2.]
    """
    return round(a, decimals)


def sign(x, dtype=None):
    """The sign (-1, 0 or 1) elementwise, as a float tensor.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.0], ms.float32)
        >>> print(mnp.sign(x))
        [-1.  0.  1.]
    """
    x = _t(x)
    if x.dtype == bool_:
        raise TypeError("For 'mindspore.numpy.sign', the input must be a number tensor, "
                        "but got Bool.")
    out = _ops.sign(_float(x))
    return out if dtype is None else out.astype(dtype)


def signbit(x, dtype=None):
    """Whether the sign bit is set (the value is negative) elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.0], ms.float32)
        >>> print(mnp.signbit(x))
        [ True False False]
    """
    x = _t(x)
    out = _ops.signbit(x) if _is_float(x) else x < 0
    return out if dtype is None else out.astype(dtype)


def positive(a, dtype=None):
    """``+a`` elementwise: the input values, in a new tensor.

    Args:
        a (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `a`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.0], ms.float32)
        >>> print(mnp.positive(x))
        [-1.5  0.   2. ]
    """
    a = _t(a)
    if a.dtype == bool_:
        raise TypeError("For 'mindspore.numpy.positive', the input must be a number tensor, "
                        "but got Bool.")
    out = a * Tensor(1, a.dtype)
    return out if dtype is None else out.astype(dtype)


def fabs(x, dtype=None):
    """The absolute value elementwise, of the input dtype.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.5, -2.0], ms.float32)
        >>> print(mnp.fabs(x))
        [1.5 0.5 2. ]
    """
    out = _t(x).abs()
    return out if dtype is None else out.astype(dtype)

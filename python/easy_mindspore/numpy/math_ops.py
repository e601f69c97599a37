"""``mindspore.numpy`` elementwise math of one tensor (MindSpore 2.10's ``math_ops``; rounding and
sign are in ``rounding_ops``).

Dtypes, measured on MindSpore 2.10 (CPU): the float functions (trigonometry, ``expm1``,
``log1p``, ``log2``, ``log10``, ``cbrt``, ``deg2rad``...) keep a float dtype and give Float32 for
integers, except that the trigonometric and hyperbolic ones give Float16 for Bool, Int8 and UInt8
(as NumPy does too); ``exp2`` and ``reciprocal`` keep an integer dtype (integer power and integer
division, as MindSpore does). Where MindSpore 2.10 differs we follow NumPy and say so:
``expm1``/``log1p``/``log2``/``log10``
of integers are promoted to Float32 here (a TypeError there); ``cbrt(0)`` is 0 here (NaN there, a MindSpore 2.10 bug).
"""
import math as _math

from .. import ops as _ops
from ..common.dtype import bool_, float16, float32, float64
from ..tensor import Tensor
from . import _float, _float32, _t, _trig_float

__all__ = [
    "arccos",
    "arcsin",
    "arctan",
    "arccosh",
    "arcsinh",
    "arctanh",
    "cosh",
    "sinh",
    "tan",
    "expm1",
    "log1p",
    "log2",
    "log10",
    "cbrt",
    "deg2rad",
    "radians",
    "rad2deg",
    "exp2",
    "reciprocal",
]


def _is_float(x):
    return x.dtype in (float16, float32, float64)


def arccos(input, dtype=None):
    """Trigonometric inverse cosine elementwise.

    Args:
        input (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.0, 0.0, 0.5], ms.float32)
        >>> print(mnp.arccos(x))
        [3.1415927 1.5707964 1.0471976]
    """
    out = _ops.acos(_trig_float(input))
    return out if dtype is None else out.astype(dtype)


def arcsin(x, dtype=None):
    """Inverse sine elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.0, 0.0, 1.0], ms.float32)
        >>> print(mnp.arcsin(x))
        [-1.5707964  0.         1.5707964]
    """
    out = _ops.asin(_trig_float(x))
    return out if dtype is None else out.astype(dtype)


def arctan(x, dtype=None):
    """Trigonometric inverse tangent elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.0, 2.0, -2.0], ms.float32)
        >>> print(mnp.arctan(x))
        [ 0.         1.1071488 -1.1071488]
    """
    out = _ops.atan(_trig_float(x))
    return out if dtype is None else out.astype(dtype)


def arccosh(x, dtype=None):
    """Inverse hyperbolic cosine elementwise (``log(2x)`` for huge ``x``, without overflow).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> print(mnp.arccosh(x))
        [0.        1.316958  1.7627472]
    """
    x = _trig_float(x)
    # past 1e8, acosh(x) = log(2x) to the last bit, and x*x would overflow inside acosh (inf
    # for 1e20 in Float32); each branch sees a safe argument where it is not taken, so that the
    # gradient stays finite
    big = x > Tensor(1e8, x.dtype)
    safe_small = _ops.where(big, _ops.full_like(x, 2.0), x)
    safe_big = _ops.where(big, x, _ops.full_like(x, 1.0))
    out = _ops.where(big, _ops.log(safe_big) + _math.log(2.0), _ops.acosh(safe_small))
    return out if dtype is None else out.astype(dtype)


def arcsinh(x, dtype=None):
    """Inverse hyperbolic sine elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.0, 0.0, 1.0], ms.float32)
        >>> print(mnp.arcsinh(x))
        [-0.8813736  0.         0.8813736]
    """
    out = _ops.asinh(_trig_float(x))
    return out if dtype is None else out.astype(dtype)


def arctanh(x, dtype=None):
    """Inverse hyperbolic tangent elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-0.5, 0.0, 0.5], ms.float32)
        >>> print(mnp.arctanh(x))
        [-0.54930615  0.          0.54930615]
    """
    out = _ops.atanh(_trig_float(x))
    return out if dtype is None else out.astype(dtype)


def cosh(x, dtype=None):
    """Hyperbolic cosine elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.0, 1.5, 3.0], ms.float32)
        >>> print(mnp.cosh(x))
        [ 1.         2.3524096 10.067662 ]
    """
    out = _ops.cosh(_trig_float(x))
    return out if dtype is None else out.astype(dtype)


def sinh(x, dtype=None):
    """Hyperbolic sine elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.0, 0.0, 0.5], ms.float32)
        >>> print(mnp.sinh(x))
        [-1.1752012  0.         0.5210953]
    """
    out = _ops.sinh(_trig_float(x))
    return out if dtype is None else out.astype(dtype)


def tan(x, dtype=None):
    """Tangent elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.0, 0.0, 0.5], ms.float32)
        >>> print(mnp.tan(x))
        [-1.5574077  0.         0.5463025]
    """
    out = _ops.tan(_trig_float(x))
    return out if dtype is None else out.astype(dtype)


def expm1(x, dtype=None):
    """``exp(x) - 1`` elementwise, exact for small `x` (Float32 for integers).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.0, 2.0, -0.5], ms.float32)
        >>> print(mnp.expm1(x))
        [ 0.          6.389056   -0.39346933]
    """
    out = _ops.expm1(_float(x))
    return out if dtype is None else out.astype(dtype)


def log1p(x, dtype=None):
    """``log(1 + x)`` elementwise (Float32 for integers).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.0, 1.0, 3.0], ms.float32)
        >>> print(mnp.log1p(x))
        [0.        0.6931472 1.3862944]
    """
    out = _ops.log1p(_float(x))
    return out if dtype is None else out.astype(dtype)


def log2(x, dtype=None):
    """Base-2 logarithm elementwise (Float32 for integers).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.5, 1.0, 8.0], ms.float32)
        >>> print(mnp.log2(x))
        [-1.  0.  3.]
    """
    out = _ops.log2(_float(x))
    return out if dtype is None else out.astype(dtype)


def log10(x, dtype=None):
    """Base-10 logarithm elementwise (Float32 for integers).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.1, 1.0, 100.0], ms.float32)
        >>> print(mnp.log10(x))
        [-1.  0.  2.]
    """
    out = _ops.log10(_float(x))
    return out if dtype is None else out.astype(dtype)


def cbrt(x, dtype=None):
    """Cube root elementwise (Float32 for integers).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-8.0, 1.0, 27.0], ms.float32)
        >>> print(mnp.cbrt(x))
        [-2.  1.  3.]
    """
    x = _float32(x)
    out = _ops.sign(x) * _ops.pow(x.abs(), 1.0 / 3.0)
    return out if dtype is None else out.astype(dtype)


def deg2rad(x, dtype=None):
    """Converts angles from degrees to radians elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-90.0, 0.0, 180.0], ms.float32)
        >>> print(mnp.deg2rad(x))
        [-1.5707964  0.         3.1415927]
    """
    out = _float(x) * (_math.pi / 180.0)
    return out if dtype is None else out.astype(dtype)


def radians(x, dtype=None):
    """Converts angles from degrees to radians elementwise (same as ``deg2rad``).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-90.0, 0.0, 180.0], ms.float32)
        >>> print(mnp.radians(x))
        [-1.5707964  0.         3.1415927]
    """
    return deg2rad(x, dtype)


def rad2deg(x, dtype=None):
    """Converts angles from radians to degrees elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.0, 0.0, 0.5], ms.float32)
        >>> print(mnp.rad2deg(x))
        [-57.295776   0.        28.647888]
    """
    out = _float(x) * 180.0 / _math.pi
    return out if dtype is None else out.astype(dtype)


def exp2(x, dtype=None):
    """``2**x`` elementwise (an integer tensor gives integer powers, as MindSpore).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.0, 0.0, 3.0], ms.float32)
        >>> print(mnp.exp2(x))
        [0.5 1.  8. ]
    """
    x = _t(x)
    if x.dtype == bool_:
        x = x.astype(float32)
    out = _ops.pow(Tensor(2, x.dtype), x)
    return out if dtype is None else out.astype(dtype)


def reciprocal(x, dtype=None):
    """``1 / x`` elementwise (integer division, truncated toward zero, for integer tensors, as
    MindSpore and NumPy: ``[-3, -1, 2]`` gives ``[0, -1, 0]``; 0 gives 0 here).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-2.0, 0.5, 4.0], ms.float32)
        >>> print(mnp.reciprocal(x))
        [-0.5   2.    0.25]
    """
    x = _t(x)
    if x.dtype == bool_:
        raise TypeError("For 'mindspore.numpy.reciprocal', the input must be a number tensor, "
                        "but got Bool.")
    if _is_float(x):
        out = _ops.reciprocal(x)
    else:  # 1 / x truncated toward zero (NumPy's and MindSpore's): 1 and -1 keep, others are 0
        out = _ops.where(x.abs() == Tensor(1, x.dtype), x, _ops.zeros_like(x))
    return out if dtype is None else out.astype(dtype)

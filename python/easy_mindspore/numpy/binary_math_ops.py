"""``mindspore.numpy`` elementwise math of two broadcast tensors (MindSpore 2.10's ``math_ops``).

Dtypes, measured on MindSpore 2.10 (CPU): ``floor_divide``, ``fmod``, ``remainder``/``mod``,
``divmod``, ``heaviside`` give the promoted dtype of the inputs (integers stay integers, two Bool
tensors give Bool); ``copysign`` gives the dtype of `x1`; ``hypot``, ``logaddexp``,
``logaddexp2`` give a float dtype (Float32 for integers); ``arctan2`` too, with Float16 for Bool,
Int8 and UInt8 (as NumPy); ``float_power`` gives Float32 for Float16 and integers (NumPy:
Float64) and keeps Float64 (MindSpore 2.10 drops it to Float32). Python numbers are Int32 and
Float32 tensors (``_binary_operands``). Where MindSpore 2.10 differs we follow NumPy and say so: ``logaddexp``/``logaddexp2`` of
integers and ``arctan2``/``float_power`` with a Python number work here (a TypeError there);
``gcd``/``lcm`` of floats raise TypeError here (MindSpore returns meaningless floats).
"""
import math as _math

from .. import ops as _ops
from ..common.dtype import bool_, complex64, complex128, float16, float32, float64, int32
from ..tensor import Tensor
from . import _binary_operands, _float, _float32, _t, _trig_float

__all__ = [
    "arctan2",
    "float_power",
    "floor_divide",
    "fmod",
    "remainder",
    "mod",
    "divmod",
    "hypot",
    "copysign",
    "gcd",
    "lcm",
    "heaviside",
    "logaddexp",
    "logaddexp2",
]


def _operands(x1, x2):
    """Both operands as tensors of their promoted dtype (a Python int an Int32 tensor, a float a
    Float32 one, as MindSpore 2.10's mindspore.numpy converts them)."""
    return _binary_operands(x1, x2)


def _is_float(x):
    return x.dtype in (float16, float32, float64)


def _via_int(fn, a, b):
    """`fn` on two Bool tensors, computed in Int32 and returned as Bool (MindSpore's dtype)."""
    if a.dtype == bool_:
        return fn(a.astype(int32), b.astype(int32)).astype(bool_)
    return fn(a, b)


def _floats(x1, x2):
    a, b = _operands(x1, x2)
    return _float(a), _float(b)


def arctan2(x1, x2, dtype=None):
    """The angle of the point (`x2`, `x1`) elementwise, in radians (quadrant-aware).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([0.0, 1.0, 0.0], ms.float32)
        >>> x2 = ms.Tensor([1.0, 0.0, -1.0], ms.float32)
        >>> print(mnp.arctan2(x1, x2))
        [0.        1.5707964 3.1415927]
    """
    a, b = _operands(x1, x2)
    a, b = _trig_float(a), _trig_float(b)
    out = _ops.atan2(a, b)
    # infinities as C's atan2 takes them (the kernel gives NaN): both infinite, the diagonals
    # +-pi/4 or +-3pi/4; only `a` infinite, +-pi/2; only `b`, +-0 (b = inf) or +-pi (b = -inf)
    inf_a, inf_b = _ops.isinf(a), _ops.isinf(b)
    quarter = _ops.where(b > 0, _ops.full_like(out, _math.pi / 4),
                         _ops.full_like(out, 3 * _math.pi / 4))
    flat = _ops.where(b > 0, _ops.zeros_like(out), _ops.full_like(out, _math.pi))
    angle = _ops.where(inf_a & inf_b, quarter,
                       _ops.where(inf_a, _ops.full_like(out, _math.pi / 2), flat))
    signed = _ops.where(_ops.signbit(a), -angle, angle)
    out = _ops.where((inf_a | inf_b) & (a == a) & (b == b), signed, out)  # NaN stays NaN
    return out if dtype is None else out.astype(dtype)


def float_power(x1, x2, dtype=None):
    """``x1 ** x2`` elementwise, computed in floats (Float32, or Float64 for Float64 input).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([2.0, 4.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([3.0, 0.5, -1.0], ms.float32)
        >>> print(mnp.float_power(x1, x2))
        [8.         2.         0.33333334]
    """
    a, b = _operands(x1, x2)
    out = _float32(a) ** _float32(b)
    return out if dtype is None else out.astype(dtype)


def floor_divide(x1, x2, dtype=None):
    """The largest integer not greater than ``x1 / x2`` elementwise (promoted dtype).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([4, -7, 3], ms.int32)
        >>> x2 = ms.Tensor([3, 2, -2], ms.int32)
        >>> print(mnp.floor_divide(x1, x2))
        [ 1 -4 -2]
    """
    a, b = _operands(x1, x2)
    out = _via_int(_ops.floor_divide, a, b)
    return out if dtype is None else out.astype(dtype)


def fmod(x1, x2, dtype=None):
    """The remainder of division elementwise, with the sign of the dividend `x1` (C's ``fmod``).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([4, -7, 3], ms.int32)
        >>> x2 = ms.Tensor([3, 2, -2], ms.int32)
        >>> print(mnp.fmod(x1, x2))
        [ 1 -1  1]
    """
    a, b = _operands(x1, x2)
    out = _via_int(_ops.fmod, a, b)
    return out if dtype is None else out.astype(dtype)


def remainder(x1, x2, dtype=None):
    """The remainder of division elementwise, with the sign of the divisor `x2` (Python's ``%``).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([4, -7, 3], ms.int32)
        >>> x2 = ms.Tensor([3, 2, -2], ms.int32)
        >>> print(mnp.remainder(x1, x2))
        [ 1  1 -1]
    """
    a, b = _operands(x1, x2)
    out = _via_int(_ops.remainder, a, b)
    return out if dtype is None else out.astype(dtype)


def mod(x1, x2, dtype=None):
    """The remainder of division elementwise (same as ``remainder``).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([4, -7, 3], ms.int32)
        >>> x2 = ms.Tensor([3, 2, -2], ms.int32)
        >>> print(mnp.mod(x1, x2))
        [ 1  1 -1]
    """
    return remainder(x1, x2, dtype)


def divmod(x1, x2, dtype=None):
    """``(floor_divide(x1, x2), remainder(x1, x2))`` elementwise, the quotient typed as the
    Tensor operator ``//`` types it (MindSpore 2.10's ``divmod``): a Python number takes the
    tensor's dtype and two Python ints give Int64 (``divmod(int8_x, 2)`` is Int8 and Int32).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        tuple of two Tensors, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([4, -7, 3], ms.int32)
        >>> x2 = ms.Tensor([3, 2, -2], ms.int32)
        >>> q, r = mnp.divmod(x1, x2)
        >>> print(q)
        [ 1 -4 -2]
        >>> print(r)
        [ 1  1 -1]
    """
    a, b = (x if isinstance(x, (Tensor, bool, int, float)) else _t(x) for x in (x1, x2))
    if any(isinstance(x, Tensor) and x.dtype == bool_ for x in (a, b)):
        q = floor_divide(a, b)
    else:
        q = _ops.floor_divide(a, b)
    r = remainder(x1, x2)
    return (q, r) if dtype is None else (q.astype(dtype), r.astype(dtype))


def hypot(x1, x2, dtype=None):
    """``sqrt(x1**2 + x2**2)`` elementwise (Float32 for integers).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([3.0, 5.0, 0.0], ms.float32)
        >>> x2 = ms.Tensor([4.0, 12.0, -2.0], ms.float32)
        >>> print(mnp.hypot(x1, x2))
        [ 5. 13.  2.]
    """
    a, b = _operands(x1, x2)
    if a.dtype == bool_:
        raise TypeError("For 'mindspore.numpy.hypot', the inputs must be number tensors, "
                        "but got Bool.")
    out = _ops.hypot(_float(a), _float(b))
    return out if dtype is None else out.astype(dtype)


def copysign(x1, x2, dtype=None):
    """The magnitude of `x1` with the sign of `x2` elementwise (the dtype of `x1`).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([1.5, -2.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([-1.0, 0.0, -2.0], ms.float32)
        >>> print(mnp.copysign(x1, x2))
        [-1.5  2.  -3. ]
    """
    a, b = _t(x1), _t(x2)
    if bool_ in (a.dtype, b.dtype):
        raise TypeError("For 'mindspore.numpy.copysign', the inputs must be number tensors, "
                        "but got Bool.")
    negative = _ops.signbit(b) if _is_float(b) else b < 0
    magnitude = a.abs()
    out = _ops.where(negative, -magnitude, magnitude)
    return out if dtype is None else out.astype(dtype)


def gcd(x1, x2, dtype=None):
    """The greatest common divisor of ``|x1|`` and ``|x2|`` elementwise (Euclid's algorithm; float
    inputs are computed in their dtype, as MindSpore does).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([12, -18, 7], ms.int32)
        >>> x2 = ms.Tensor([8, 12, 0], ms.int32)
        >>> print(mnp.gcd(x1, x2))
        [4 6 7]
    """
    a, b = _operands(x1, x2)
    if a.dtype in (complex64, complex128):
        raise TypeError(f"For 'mindspore.numpy.gcd', the inputs must be real tensors, "
                        f"but got {a.dtype}.")
    out = _via_int(_gcd, a, b)
    return out if dtype is None else out.astype(dtype)


def lcm(x1, x2, dtype=None):
    """The least common multiple of ``|x1|`` and ``|x2|`` elementwise (float inputs are computed
    in their dtype, as MindSpore does).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([4, -6, 7], ms.int32)
        >>> x2 = ms.Tensor([6, 4, 0], ms.int32)
        >>> print(mnp.lcm(x1, x2))
        [12 12  0]
    """
    a, b = _operands(x1, x2)
    if a.dtype in (complex64, complex128):
        raise TypeError(f"For 'mindspore.numpy.lcm', the inputs must be real tensors, "
                        f"but got {a.dtype}.")
    out = _via_int(_lcm, a, b)
    return out if dtype is None else out.astype(dtype)


def heaviside(x1, x2, dtype=None):
    """The Heaviside step function: 0 where ``x1 < 0``, `x2` where ``x1 == 0``, 1 where ``x1 > 0``.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([-1.5, 0.0, 2.0], ms.float32)
        >>> x2 = ms.Tensor([0.5, 0.5, 0.5], ms.float32)
        >>> print(mnp.heaviside(x1, x2))
        [0.  0.5 1. ]
    """
    a, b = _operands(x1, x2)
    if a.dtype == bool_:
        out = _ops.logical_or(a, b)
    else:
        zero, one = _ops.zeros_like(a), _ops.ones_like(a)
        out = _ops.where(a < zero, zero, _ops.where(a > zero, one, b + zero))
    return out if dtype is None else out.astype(dtype)


def logaddexp(x1, x2, dtype=None):
    """``log(exp(x1) + exp(x2))`` elementwise, without overflow (MindSpore 2.10 is approximate).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([0.0], ms.float32)
        >>> x2 = ms.Tensor([0.0], ms.float32)
        >>> print(mnp.logaddexp(x1, x2))
        [0.6931472]
    """
    a, b = _floats(x1, x2)
    out = _ops.logaddexp(a, b)
    return out if dtype is None else out.astype(dtype)


def logaddexp2(x1, x2, dtype=None):
    """``log2(2**x1 + 2**x2)`` elementwise, without overflow (Float32 for integers).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([0.0, 1.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([0.0, 1.0, 3.0], ms.float32)
        >>> print(mnp.logaddexp2(x1, x2))
        [1. 2. 4.]
    """
    a, b = _floats(x1, x2)
    out = _ops.logaddexp2(a, b)
    return out if dtype is None else out.astype(dtype)


# Euclid's rounds: ~50 end 32-bit integers, ~95 64-bit ones; floats' remainders shrink to 0
# within their exponent range (a few thousand rounds at most), a bound that also ends a
# remainder that rounding keeps from reaching 0.
_GCD_ROUNDS = 4096


def _gcd(a, b):
    """Euclid's algorithm on whole tensors. Floats (which MindSpore computes as numbers too): a NaN
    or an infinity gives NaN."""
    a, b = a.abs(), b.abs()
    finite = None
    if a.is_floating_point():
        finite = _ops.isfinite(a) & _ops.isfinite(b)
        a, b = _ops.where(finite, a, _ops.zeros_like(a)), _ops.where(finite, b, _ops.zeros_like(b))
    zero = _ops.zeros_like(b)
    for _ in range(_GCD_ROUNDS):
        nonzero = b != zero
        if not bool(nonzero.any()):
            break
        safe = _ops.where(nonzero, b, _ops.ones_like(b))
        a, b = _ops.where(nonzero, b, a), _ops.where(nonzero, _ops.remainder(a, safe), zero)
    if finite is not None:
        a = _ops.where(finite, a, _ops.full_like(a, float("nan")))
    return a


def _lcm(a, b):
    g = _gcd(a, b)
    zero = _ops.zeros_like(g)
    safe = _ops.where(g == zero, _ops.ones_like(g), g)
    return _ops.where(g == zero, zero, (_ops.floor_divide(a.abs(), safe) * b.abs()))

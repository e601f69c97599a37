"""``mindspore.ops`` elementwise math (re-exported by ``math_func``): ``log1p``/``expm1``, the
inverse trigonometric and hyperbolic functions, rounding, ``hypot``, ``logaddexp``, the division
family, the ``isnan`` family and ``nan_to_num``. Each is a composition of the engine's primitives
(``atan`` is one, exact to the last bit; the others build on it and on ``log1p``/``expm1``), and
differentiable through its parts."""
import builtins
import math
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import as_tensor as _t, half_in_float32 as _half_in_float32, weak_lhs as _lhs
from .math_func import clamp, mv, outer

_FLOATS = mstype.float_type
__all__ = []

_PI = 3.141592653589793
_LN2 = 0.6931471805599453
_LN10 = 2.302585092994046

__all__ += [
    "log1p", "expm1", "log2", "log10", "exp2", "atan", "asin", "acos", "atan2", "asinh", "acosh",
    "atanh", "arctan", "arcsin", "arccos", "arctan2", "arcsinh", "arccosh", "arctanh", "ceil",
    "round", "trunc", "fix", "frac", "hypot", "logaddexp", "logaddexp2", "xlogy", "sinc", "erfc",
    "logit", "float_power", "true_divide", "floor_divide", "remainder", "fmod", "deg2rad",
    "rad2deg", "heaviside", "addcmul", "addcdiv", "addmv", "addr", "isnan", "isinf", "isfinite",
    "isclose", "nan_to_num",
]


def _float(op, x, name="input"):
    """``x`` as a Tensor of a float dtype (MindSpore's CPU kernels reject the other dtypes)."""
    x = _t(x)
    if x.dtype not in _FLOATS:
        raise DTypeError(f"For '{op}', '{name}' must be a Float16, Float32 or Float64 Tensor, but got "
                         f"{x.dtype}.")
    return x


def _float_pair(op, x, y):
    """Two operands of a float binary function with MindSpore 2.10's implicit casts: an integer or
    Bool tensor takes the float dtype of the other operand (Float32 for a Python float), a Python
    number takes the tensor's float dtype; two float tensors promote; without a float operand a
    TypeError."""
    if not isinstance(x, Tensor) and isinstance(y, Tensor):
        y, x = _float_pair(op, y, x)[::-1]
        return x, y
    x = _t(x)
    if not isinstance(y, Tensor):
        if x.dtype not in _FLOATS and isinstance(y, float):
            x = x.astype(mstype.float32)
        x = _float(op, x)
        return x, Tensor(y, x.dtype)
    if (x.dtype in _FLOATS) != (y.dtype in _FLOATS):
        x, y = (x, y.astype(x.dtype)) if x.dtype in _FLOATS else (x.astype(y.dtype), y)
    x, y = _float(op, x), _float(op, y, "other")
    if x.dtype != y.dtype:
        dtype = (x.reshape(-1)[:0] + y.reshape(-1)[:0]).dtype
        x, y = x.astype(dtype), y.astype(dtype)
    return x, y


def _to_float(x):
    """``x`` as a Tensor, integer and Bool tensors cast to Float32 (MindSpore's implicit cast)."""
    x = _t(x)
    return x if x.dtype in _FLOATS else x.astype(mstype.float32)


def log1p(input):  # noqa: A002 - MindSpore's argument name
    """``ops.log1p``: ``log(1 + x)``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.log1p(Tensor([0.0, 1.0])))
        [0.        0.6931472]
    """
    return _float("Log1p", input).log1p()


def expm1(input):  # noqa: A002
    """``ops.expm1``: ``e^x - 1`` (integer inputs give Float32), correctly rounded (MindSpore
    2.10's CPU kernel prints 1.7182817 for ``e - 1``; the nearest Float32 is 1.7182819).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.expm1(Tensor([0.0, 1.0])))
        [0.        1.7182819]
    """
    return _to_float(input).expm1()


def log2(input):  # noqa: A002
    """``ops.log2``: ``log(x) / log(2)``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.log2(Tensor([1.0, 8.0])))
        [0. 3.]
    """
    return _float("Log2", input).log() * (1.0 / _LN2)


def log10(input):  # noqa: A002
    """``ops.log10``: ``log(x) / log(10)``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.log10(Tensor([1.0, 100.0])))
        [0. 2.]
    """
    return _float("Log10", input).log() * (1.0 / _LN10)


@_half_in_float32
def exp2(input):  # noqa: A002
    """``ops.exp2``: ``2^x`` (integer inputs give Float32).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.exp2(Tensor([0.0, 3.0])))
        [1. 8.]
    """
    return (_to_float(input) * _LN2).exp()


def _safe(cond, x, fill):
    """``x`` where ``cond``, else ``fill``: keeps the untaken branch of a ``where`` finite so its
    (zero) gradient does not become NaN."""
    return _C.where_(cond, x, Tensor(fill, x.dtype))


def atan(input):  # noqa: A002
    """``ops.atan``: the arctangent of each element, in ``(-π/2, π/2)`` (its own kernel, exact
    to the last bit).

    Args:
        input (Tensor): The input tensor (Float16, Float32, Float64, Complex64 or Complex128).

    Returns:
        Tensor, of the shape of `input`.

    Raises:
        TypeError: an integer or Bool input.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atan(Tensor([0.0, 1.0])))
        [0.        0.7853982]
    """
    x = _t(input)
    if x.dtype in (mstype.complex64, mstype.complex128):
        # atan z = (i/2)·(log(1 − iz) − log(1 + iz)), NumPy's branch cuts.
        iz = x * Tensor(1j, x.dtype)
        one = Tensor(1 + 0j, x.dtype)
        return ((one - iz).log() - (one + iz).log()) * Tensor(0.5j, x.dtype)
    return _C.atan(_float("Atan", x))


def atan2(input, other):  # noqa: A002
    """``ops.atan2``: the angle of the point ``(other, input)``, in ``[-π, π]`` (``atan2(0, 0)``
    is 0), with broadcasting.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atan2(Tensor([1.0, -1.0]), Tensor([0.0, -1.0])))
        [ 1.5707964 -2.3561945]
    """
    # MindSpore's promotion: an integer or Bool operand takes the float dtype of the other; a
    # number takes the tensor's; two integer operands are a TypeError.
    y, x = _float_pair("Atan2", input, other)
    y, x = y + x * 0.0, x + y * 0.0
    zero = x == 0
    base = atan(y / _safe(~zero, x, 1.0))
    shift = _C.where_(y >= 0, Tensor(_PI, y.dtype), Tensor(-_PI, y.dtype))
    off_axis = _C.where_(x < 0, base + shift, base)
    on_axis = ((y > 0).astype(y.dtype) - (y < 0).astype(y.dtype)) * (_PI / 2)
    return _C.where_(zero, on_axis, off_axis)


@_half_in_float32
def asin(input):  # noqa: A002
    """``ops.asin``: ``atan2(x, sqrt(1 - x²))`` (NaN outside ``[-1, 1]``).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.asin(Tensor([0.0, 1.0])))
        [0.        1.5707964]
    """
    x = _float("Asin", input)
    return atan2(x, (1.0 - x * x).sqrt())


@_half_in_float32
def acos(input):  # noqa: A002
    """``ops.acos``: ``atan2(sqrt(1 - x²), x)`` (NaN outside ``[-1, 1]``).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.acos(Tensor([1.0, 0.0])))
        [0.        1.5707964]
    """
    x = _float("ACos", input)
    return atan2((1.0 - x * x).sqrt(), x)


@_half_in_float32
def asinh(input):  # noqa: A002
    """``ops.asinh``: ``sign(x)·log1p(|x| + x²/(1 + sqrt(1 + x²)))``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.asinh(Tensor([0.0, 1.0])))
        [0.        0.8813736]
    """
    x = _float("Asinh", input)
    a = x.abs()
    # Past `big`, x² would overflow: asinh(a) is log(2a) to within 1/(4a²), below the dtype's
    # precision there. Zeros keep their sign.
    big = 100.0 if x.dtype == mstype.float16 else 1e10
    far = a > big
    # Each branch reads a value where it is finite (so is its gradient).
    bound = Tensor(big, x.dtype)
    s = _C.where_(far, bound, a)
    near = (s + s * s / ((s * s + 1.0).sqrt() + 1.0)).log1p()
    magnitude = _C.where_(far, _C.where_(far, a, bound).log() + math.log(2.0), near)
    return _C.where_(x == 0, x, _C.where_(x < 0, -magnitude, magnitude))


@_half_in_float32
def acosh(input):  # noqa: A002
    """``ops.acosh``: ``log(x + sqrt(x² - 1))`` (NaN below 1).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.acosh(Tensor([1.0, 2.0])))
        [0.       1.316958]
    """
    x = _float("Acosh", input)
    return (x + (x * x - 1.0).sqrt()).log()


@_half_in_float32
def atanh(input):  # noqa: A002
    """``ops.atanh``: ``log1p(2x / (1 - x)) / 2`` (±inf at ±1, NaN outside).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atanh(Tensor([0.0, 0.5])))
        [0.         0.54930615]
    """
    x = _float("Atanh", input)
    return (2.0 * x / (1.0 - x)).log1p() * 0.5


arctan, arcsin, arccos, arctan2 = atan, asin, acos, atan2
arcsinh, arccosh, arctanh = asinh, acosh, atanh


def ceil(input):  # noqa: A002
    """``ops.ceil``: ``-floor(-x)`` (float dtypes only, as MindSpore).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.ceil(Tensor([1.2, -1.2])))
        [ 2. -1.]
    """
    return -(-_float("Ceil", input)).floor()


def _is_int(x):
    return x.dtype not in _FLOATS


def trunc(input):  # noqa: A002
    """``ops.trunc``: rounds towards zero (integer tensors are returned as they are).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.trunc(Tensor([1.7, -1.7])))
        [ 1. -1.]
    """
    x = _t(input)
    if _is_int(x):
        return x
    return _C.where_(x < 0, -(-x).floor(), x.floor())


fix = trunc


def round(input, *, decimals=0):  # noqa: A001,A002 - MindSpore's names
    """``ops.round``: to the nearest integer, halves to even (``round(2.5) = 2``), after scaling
    by ``10**decimals``; integer tensors are returned as they are. The gradient is zero.

    Args:
        input (Tensor): The input tensor.
        decimals (int, optional): The number of decimals to round to. Default: ``0``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.round(Tensor([0.5, 1.5, 2.5])))
        [0. 2. 2.]
    """
    x = _t(input)
    if _is_int(x):
        return x
    if isinstance(decimals, bool) or not isinstance(decimals, (int, _np.integer)):
        raise DTypeError(f"For 'round', 'decimals' must be an int, but got {type(decimals).__name__}.")
    if abs(decimals) > 300:
        raise ShapeError(f"For 'round', 'decimals' must be in [-300, 300], but got {decimals}.")
    scale = 10.0 ** int(decimals)
    y = x * scale if decimals else x
    # floor(y) and the exact fraction y - floor(y): up past a half, or at a half to an even
    # result (floor(y + 0.5) rounded 0.49999997 up, and 2**23 + 1 to 2**23 + 2, in Float32).
    r = y.floor()
    frac = y - r
    odd = (r * 0.5).floor() * 2.0 != r
    r = _C.where_((frac > 0.5) | ((frac == 0.5) & odd), r + 1.0, r)
    # A zero keeps the sign of its input (round(-0.2) is -0., as MindSpore prints it).
    r = _C.where_(r == 0, y * 0.0, r)
    return _C.stop_gradient(r / scale if decimals else r)


def frac(x):
    """``ops.frac``: ``x - trunc(x)`` (NaN for infinities; zero for integer tensors).

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.frac(Tensor([1.25, -1.25])))
        [ 0.25 -0.25]
    """
    x = _t(x)
    return x - trunc(x)


def hypot(input, other):  # noqa: A002
    """``ops.hypot``: ``sqrt(x² + y²)``, with broadcasting (Float32/Float64).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.hypot(Tensor([3.0]), Tensor([4.0])))
        [5.]
    """
    x, y = _float_pair("Hypot", input, other)
    return (x * x + y * y).sqrt()


def logaddexp(input, other):  # noqa: A002
    """``ops.logaddexp``: ``log(e^x + e^y)``, shifted by the larger operand (no overflow) and
    through ``log1p`` (a much smaller operand keeps its digits).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.logaddexp(Tensor([0.0]), Tensor([0.0])))
        [0.6931472]
    """
    x, y = _to_float(input), _to_float(other)
    first = x >= y
    hi, lo = _C.where_(first, x, y), _C.where_(first, y, x)
    m = _C.stop_gradient(hi)
    m = _C.where_((m - m) == 0, m, Tensor(0.0, m.dtype))  # an infinite max: no shift
    # log(e^(hi-m) + e^(lo-m)) with e^(hi-m) = 1 + expm1(hi-m): log1p keeps the digits of a
    # small e^(lo-m) (logaddexp(0, -40) is 4.2e-18, not 0), and the derivative still flows
    # through `hi` (m is constant).
    return ((hi - m).expm1() + (lo - m).exp()).log1p() + m


def logaddexp2(input, other):  # noqa: A002
    """``ops.logaddexp2``: ``log2(2^x + 2^y)``.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.logaddexp2(Tensor([1.0]), Tensor([1.0])))
        [2.]
    """
    return logaddexp(_to_float(input) * _LN2, _to_float(other) * _LN2) * (1.0 / _LN2)


def xlogy(input, other):  # noqa: A002
    """``ops.xlogy``: ``x·log(y)`` (MindSpore 2.10 gives NaN at ``x = y = 0``, as this does).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.xlogy(Tensor([2.0]), Tensor([1.0])))
        [0.]
    """
    # MindSpore 2.10 computes two integer operands in Float32 (``_float_pair`` would refuse them).
    if isinstance(input, Tensor) and input.dtype not in _FLOATS and not isinstance(other, float) \
            and not (isinstance(other, Tensor) and other.dtype in _FLOATS):
        input = input.astype(mstype.float32)
    x, y = _float_pair("Xlogy", input, other)
    return x * y.log()


def sinc(input):  # noqa: A002
    """``ops.sinc``: ``sin(πx) / (πx)``, 1 at 0 (integer inputs give Float32).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.sinc(Tensor([0.0, 0.5])))
        [1.         0.63661975]
    """
    x = _to_float(input)
    nz = x != 0
    px = _safe(nz, x, 1.0) * _PI
    return _C.where_(nz, px.sin() / px, Tensor(1.0, x.dtype))


def erfc(input):  # noqa: A002
    """``ops.erfc``: the complementary error function ``1 - erf(x)``, with its own kernel (both
    tails keep their digits, where ``1 - erf(x)`` would round to 0 or cancel).

    Args:
        input (Tensor): The input tensor, of Float16, Float32 or Float64.

    Returns:
        Tensor, of the shape and dtype of `input`.

    Raises:
        TypeError: If `input` is not a Float16, Float32 or Float64 Tensor.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.erfc(Tensor([0.0, 4.0])))
        [1.0000000e+00 1.5417259e-08]
    """
    return _float("Erfc", input).erfc()


def logit(input, eps=None):  # noqa: A002
    """``ops.logit``: ``log(x / (1 - x))``, ``x`` first clamped to ``[eps, 1 - eps]`` when
    ``eps`` is given.

    Args:
        input (Tensor): The input tensor.
        eps (float, optional): A small value added for numerical stability. Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.logit(Tensor([0.5, 0.75])))
        [0.        1.0986123]
    """
    x = _float("Logit", input)
    if eps is not None:
        x = clamp(x, float(eps), 1.0 - float(eps))
    return (x / (1.0 - x)).log()


def float_power(input, exponent):  # noqa: A002
    """``ops.float_power``: ``input ** exponent`` computed in Float64.

    Args:
        input (Tensor): The input tensor.
        exponent (Union[Tensor, number]): The exponent.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.float_power(Tensor([2]), 3))
        [8.]
    """
    x = _t(input).astype(mstype.float64)
    e = exponent.astype(mstype.float64) if isinstance(exponent, Tensor) else float(exponent)
    return x ** e


def true_divide(dividend, divisor):
    """``ops.true_divide``: ``dividend / divisor`` (integers give Float32).

    Args:
        dividend (Union[Tensor, number]): The dividend.
        divisor (Union[Tensor, number]): The divisor.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.true_divide(Tensor([1, 3]), 2))
        [0.5 1.5]
    """
    return _t(dividend) / divisor


def floor_divide(input, other):  # noqa: A002
    """``ops.floor_divide``: ``floor(x / y)`` (Python's ``//``).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.floor_divide(Tensor([-7, 7]), 2))
        [-4  3]
    """
    return _t(input) // other


def remainder(input, other):  # noqa: A002
    """``ops.remainder``: ``x - floor(x / y)·y``, the sign of ``y`` (Python's ``%``).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.remainder(Tensor([-7, 7]), 3))
        [2 1]
    """
    return _lhs(input, other) % other


def fmod(input, other):  # noqa: A002
    """``ops.fmod``: ``x - trunc(x / y)·y``, the sign of ``x`` (C's ``fmod``).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.fmod(Tensor([-7, 7]), 3))
        [-1  1]
    """
    # |x| mod |y| is the exact fmod of the magnitudes (floor and truncation agree there; the
    # float kernel computes it exactly); the sign is x's. (x - trunc(x/y)·y rounds.)
    x = _t(input)
    y = other.abs() if isinstance(other, Tensor) else builtins.abs(other)
    r = x.abs() % y
    # A zero remainder is +0 whatever x's sign (MindSpore 2.10 prints fmod(-2., 2) as 0., not -0.).
    return _C.where_((x < 0) & (r != 0), -r, r)


def deg2rad(x):
    """``ops.deg2rad``: ``x·π/180``.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.deg2rad(Tensor([180.0])))
        [3.1415927]
    """
    return _float("deg2rad", x, "x") * (_PI / 180.0)


def rad2deg(x):
    """``ops.rad2deg``: ``x·180/π``.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.rad2deg(Tensor([3.141592653589793])))
        [180.]
    """
    return _float("rad2deg", x, "x") * (180.0 / _PI)


def heaviside(input, values):  # noqa: A002
    """``ops.heaviside``: 0 below zero, 1 above, ``values`` at zero (broadcast).

    Args:
        input (Tensor): The input tensor.
        values (Union[Tensor, number]): The value where `input` is 0.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.heaviside(Tensor([-1.0, 0.0, 2.0]), Tensor([0.5])))
        [0.  0.5 1. ]
    """
    x = _t(input)
    v = values if isinstance(values, Tensor) else Tensor(values, x.dtype)
    one, zero = Tensor(1, x.dtype), Tensor(0, x.dtype)
    return _C.where_(x > 0, one, _C.where_(x < 0, zero, v.astype(x.dtype)))


def addcmul(input, tensor1, tensor2, value=1):  # noqa: A002
    """``ops.addcmul``: ``input + value·tensor1·tensor2``.

    Args:
        input (Tensor): The input tensor.
        tensor1 (Tensor): The first tensor of the product or quotient.
        tensor2 (Tensor): The second tensor of the product or quotient.
        value (Union[Tensor, number], optional): The multiplier of ``tensor1 * tensor2``. Default:
            ``1``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.addcmul(Tensor([1.0]), Tensor([2.0]), Tensor([3.0]), 0.5))
        [4.]
    """
    return _t(input) + _t(tensor1) * tensor2 * value


def addcdiv(input, tensor1, tensor2, value=1):  # noqa: A002
    """``ops.addcdiv``: ``input + value·tensor1/tensor2``.

    Args:
        input (Tensor): The input tensor.
        tensor1 (Tensor): The first tensor of the product or quotient.
        tensor2 (Tensor): The second tensor of the product or quotient.
        value (Union[Tensor, number], optional): The multiplier of ``tensor1 / tensor2``. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.addcdiv(Tensor([1.0]), Tensor([2.0]), Tensor([4.0]), 2))
        [2.]
    """
    return _t(input) + _t(tensor1) / tensor2 * value


def addmv(input, mat, vec, *, beta=1, alpha=1):  # noqa: A002
    """``ops.addmv``: ``beta·input + alpha·(mat @ vec)``.

    Args:
        input (Tensor): The input tensor.
        mat (Tensor): The matrix.
        vec (Tensor): The vector.
        beta (number, optional): The multiplier of `input`. Default: ``1``.
        alpha (number, optional): The multiplier of the product term. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of `input` and ``mat @ vec``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.addmv(Tensor([1.0, 1.0]), ops.eye(2), Tensor([2.0, 3.0])))
        [3. 4.]
    """
    return _t(input) * beta + mv(mat, vec) * alpha


def addr(x, vec1, vec2, *, beta=1, alpha=1):
    """``ops.addr``: ``beta·x + alpha·outer(vec1, vec2)``.

    Args:
        x (Tensor): The input tensor.
        vec1 (Tensor): The first vector.
        vec2 (Tensor): The second vector.
        beta (number, optional): The multiplier of `input`. Default: ``1``.
        alpha (number, optional): The multiplier of the product term. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of `x` and the outer product.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.addr(ops.zeros((2, 2)), Tensor([1.0, 2.0]), Tensor([1.0, 3.0])))
        [[1. 3.]
         [2. 6.]]
    """
    return _t(x) * beta + outer(vec1, vec2) * alpha


def isnan(input):  # noqa: A002
    """``ops.isnan``: True where NaN (never for integer tensors).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.isnan(Tensor([1.0, float('nan')])))
        [False  True]
    """
    x = _t(input)
    return x != x if x.dtype in _FLOATS else _C.full(tuple(x.shape), False, mstype.bool_)


def isinf(input):  # noqa: A002
    """``ops.isinf``: True at ±inf (float dtypes only, as MindSpore's CPU kernel).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.isinf(Tensor([1.0, float('inf')])))
        [False  True]
    """
    x = _float("IsInf", input)
    return x.abs() == float("inf")


def isfinite(input):  # noqa: A002
    """``ops.isfinite``: True where neither NaN nor ±inf (always for integer tensors).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.isfinite(Tensor([1.0, float('inf'), float('nan')])))
        [ True False False]
    """
    x = _t(input)
    if x.dtype not in _FLOATS:
        return _C.full(tuple(x.shape), True, mstype.bool_)
    return (x - x) == 0


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    """``ops.isclose``: ``|x - y| <= atol + rtol·|y|`` elementwise (equal infinities are close;
    NaNs are close to each other only with ``equal_nan``).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.
        rtol (float, optional): The relative tolerance. Default: ``1e-05``.
        atol (float, optional): The absolute tolerance. Default: ``1e-08``.
        equal_nan (bool, optional): Whether two NaNs compare equal. Default: ``False``.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.isclose(Tensor([1.0, 2.0]), Tensor([1.0 + 1e-9, 2.1])))
        [ True False]
    """
    x, y = _t(input), _t(other)
    if rtol < 0 or atol < 0:
        raise ShapeError(f"For 'IsClose', 'rtol' and 'atol' must be non-negative, got {rtol}, {atol}.")
    xf, yf = _to_float(x), _to_float(y)
    # Infinities are close only to the same infinity (|inf - (-inf)| <= inf must not count).
    finite = isfinite(xf) * isfinite(yf)
    close = (((xf - yf).abs() <= (yf.abs() * rtol + atol)) * finite) + (x == y)
    if equal_nan:
        close = close + (isnan(xf) * isnan(yf))
    return close


def nan_to_num(input, nan=None, posinf=None, neginf=None):  # noqa: A002
    """``ops.nan_to_num``: NaN → ``nan`` (0.0), +inf → ``posinf`` (the dtype's largest value),
    -inf → ``neginf`` (its lowest).

    Args:
        input (Tensor): The input tensor.
        nan (float, optional): The value replacing NaN (0.0 when None). Default: ``None``.
        posinf (float, optional): The value replacing +inf (the largest finite value when None).
            Default: ``None``.
        neginf (float, optional): The value replacing -inf (the smallest finite value when None).
            Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.nan_to_num(Tensor([float('nan'), 1.0])))
        [0. 1.]
    """
    x = _float("NanToNum", input)
    info = _np.finfo({mstype.float64: _np.float64, mstype.float16: _np.float16}.get(x.dtype, _np.float32))
    nan = 0.0 if nan is None else float(nan)
    posinf = float(info.max) if posinf is None else float(posinf)
    neginf = float(info.min) if neginf is None else float(neginf)
    inf = float("inf")
    out = _C.where_(x == inf, Tensor(posinf, x.dtype), x)
    out = _C.where_(x == -inf, Tensor(neginf, x.dtype), out)
    return _C.where_(x != x, Tensor(nan, x.dtype), out)

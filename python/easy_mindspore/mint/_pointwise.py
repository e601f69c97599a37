"""``mindspore.mint`` elementwise functions: arithmetic with ``alpha`` and ``rounding_mode``,
comparisons, logic, and the unary maths. Names whose only difference from ``mindspore.ops`` is the
parameter names are made from two tables (one-argument and two-argument functions) and carry the
ops docstring under a line giving both signatures; the rest are written out here.

Measured on MindSpore 2.10 (CPU): ``add(int, int, alpha=2.5)`` and ``add(float, float, alpha=True)``
are TypeErrors; ``div`` of integers without a rounding mode is Float32, with ``'floor'``/``'trunc'``
it keeps the integer dtype; ``mul(bool, 3)`` is Float32. MindSpore's CPU kernels reject integer
inputs of ``exp``/``log``/``sigmoid``/``floor`` (TypeError); here they follow the documented
promotion (integers to Float32, ``floor`` of an integer is itself)."""
import numpy as _np

from .. import ops
from .._errors import DTypeError
from ..common import dtype as mstype
from ..tensor import Tensor
from ._wrap import FLOAT_TYPES, INT_TYPES, alias, check_tensor, name_errors


def _unary(name, op):
    def fn(input):  # noqa: A002 - MindSpore's argument name
        return op(input)
    fn.__name__ = fn.__qualname__ = name
    fn.__module__ = __name__
    return alias(op)(fn)


# Measured on MindSpore 2.10: these take two tensors, a Python number is a TypeError.
TENSORS_ONLY = ("logaddexp", "logaddexp2")


def _binary(name, op):
    def fn(input, other):  # noqa: A002
        if name in TENSORS_ONLY:
            check_tensor(name, "input", input)
            check_tensor(name, "other", other)
        return op(input, other)
    fn.__name__ = fn.__qualname__ = name
    fn.__module__ = __name__
    return alias(op)(fn)


UNARY = ("abs", "acos", "acosh", "arccos", "arccosh", "arcsinh", "arctan", "arctanh", "asin",
         "asinh", "atan", "atanh", "ceil", "cos", "cosh", "erf", "erfc", "erfinv", "exp", "exp2",
         "expm1", "fix", "floor", "frac", "isfinite", "isinf", "isneginf", "log", "log10", "log1p",
         "log2", "logical_not", "neg", "negative", "reciprocal", "rsqrt", "sigmoid", "sign", "sin",
         "sinc", "sinh", "sqrt", "square", "tan", "tanh", "trunc", "real", "imag")
BINARY = ("arctan2", "atan2", "bitwise_and", "bitwise_or", "bitwise_xor", "eq", "ne", "not_equal",
          "ge", "gt", "greater", "greater_equal", "le", "lt", "less", "less_equal", "logical_and",
          "logical_or", "logical_xor", "logaddexp", "logaddexp2", "maximum", "minimum", "mul",
          "remainder", "fmod", "floor_divide")

for _name in UNARY:
    globals()[_name] = _unary(_name, getattr(ops, _name))
for _name in BINARY:
    globals()[_name] = _binary(_name, getattr(ops, _name))
del _name


def xlogy(input, other):  # noqa: A002
    """``input * log(other)``; integers and Python numbers are promoted to Float32 (measured on
    MindSpore 2.10: ``xlogy(int32, 2)`` is Float32, and ``xlogy(0, 0)`` is NaN on its CPU kernel,
    as here).

    Args:
        input (Union[Tensor, number]): The factor.
        other (Union[Tensor, number]): The argument of the log.

    Returns:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.xlogy(ms.Tensor([0.0, 2.0]), ms.Tensor([3.0, 3.0])))
        [0.        2.1972246]
    """
    def as_float(v):
        if isinstance(v, Tensor):
            return v if v.dtype in FLOAT_TYPES else v.astype(mstype.float32)
        return ops.full((), float(v), mstype.float32)
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        raise DTypeError("For 'xlogy', at least one of 'input' and 'other' must be a Tensor.")
    return ops.xlogy(as_float(input), as_float(other))


@alias(ops.arcsin)
def arcsin(x):
    return ops.arcsin(x)


@alias(ops.isnan)
def isnan(tensor):
    return ops.isnan(tensor)


@alias(ops.pow)
def pow(input, exponent):  # noqa: A001,A002
    return ops.pow(input, exponent)


@alias(ops.float_power)
def float_power(input, exponent):  # noqa: A002
    return ops.float_power(input, exponent)


def _alpha_check(op, input, other, alpha):
    if isinstance(alpha, Tensor):
        alpha = alpha.item()
    if not isinstance(alpha, (bool, int, float)):
        raise DTypeError(f"For '{op}', 'alpha' must be a number, but got {type(alpha).__name__}.")
    dts = [t.dtype for t in (input, other) if isinstance(t, Tensor)]
    kinds = dts + [type(t) for t in (input, other) if not isinstance(t, Tensor)]
    if isinstance(alpha, bool) and any(d not in (mstype.bool_,) for d in dts):
        raise DTypeError(f"For '{op}', boolean alpha need boolean input and other, but got "
                         f"{' and '.join(str(d) for d in dts)}")
    if isinstance(alpha, float) and not any(d in FLOAT_TYPES or d in mstype.complex_type for d in dts) \
            and float not in kinds:
        raise DTypeError(f"For '{op}', floating alpha need floating input and other, but got "
                         f"{' and '.join(str(d) for d in dts)}")
    return alpha


def add(input, other, *, alpha=1):  # noqa: A002
    """``input + alpha * other``, broadcast, with MindSpore's dtype promotion.

    Args:
        input (Union[Tensor, number, bool]): The first input.
        other (Union[Tensor, number, bool]): The second input.
        alpha (number): The scale of `other`; a float needs a float input, a bool Bool inputs.
            Default: ``1``.

    Returns:
        Tensor of the broadcast shape and promoted dtype.

    Raises:
        TypeError: `alpha` does not suit the inputs' dtypes, or an input is not a number or Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([1.0, 2.0])
        >>> print(mint.add(x, ms.Tensor([3.0, 4.0]), alpha=2))
        [ 7. 10.]
    """
    alpha = _alpha_check("add", input, other, alpha)
    if alpha is True or (not isinstance(alpha, bool) and alpha == 1):
        return ops.add(input, other)
    return ops.add(input, ops.mul(other, alpha) if isinstance(other, Tensor) else other * alpha)


def sub(input, other, *, alpha=1):  # noqa: A002
    """``input - alpha * other``, broadcast, with MindSpore's dtype promotion.

    Args:
        input (Union[Tensor, number, bool]): The first input.
        other (Union[Tensor, number, bool]): The second input.
        alpha (number): The scale of `other`. Default: ``1``.

    Returns:
        Tensor of the broadcast shape and promoted dtype.

    Raises:
        TypeError: `alpha` does not suit the inputs' dtypes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.sub(ms.Tensor([1, 5]), 1, alpha=3))
        [-2  2]
    """
    alpha = _alpha_check("sub", input, other, alpha)
    if all(isinstance(v, Tensor) and v.dtype == mstype.bool_ for v in (input, other)):
        return ops.logical_xor(input, other)  # measured: Bool - Bool is Bool (True - True = False)
    if alpha is True or (not isinstance(alpha, bool) and alpha == 1):
        return ops.sub(input, other)
    return ops.sub(input, ops.mul(other, alpha) if isinstance(other, Tensor) else other * alpha)


def div(input, other, *, rounding_mode=None):  # noqa: A002
    """``input / other``: true division (integers give Float32), or rounded ``'floor'`` /
    ``'trunc'`` (integers stay integers).

    Args:
        input (Union[Tensor, number]): The dividend.
        other (Union[Tensor, number]): The divisor.
        rounding_mode (str, optional): None, ``'floor'`` or ``'trunc'``. Default: ``None``.

    Returns:
        Tensor of the broadcast shape.

    Raises:
        ValueError: `rounding_mode` is not one of the three.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([-7, 7], ms.int32)
        >>> print(mint.div(x, 2), mint.div(x, 2, rounding_mode='floor'), mint.div(x, 2, rounding_mode='trunc'))
        [-3.5  3.5] [-4  3] [-3  3]
    """
    return ops.div(input, other, rounding_mode=rounding_mode)


def divide(input, other, *, rounding_mode=None):  # noqa: A002
    """Alias of :func:`mindspore.mint.div`.

    Args:
        input (Union[Tensor, number]): The dividend.
        other (Union[Tensor, number]): The divisor.
        rounding_mode (str, optional): None, ``'floor'`` or ``'trunc'``. Default: ``None``.

    Returns:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.divide(ms.Tensor([1.0, 3.0]), 2.0))
        [0.5 1.5]
    """
    return ops.div(input, other, rounding_mode=rounding_mode)


def clamp(input, min=None, max=None):  # noqa: A002
    """`input` limited to [`min`, `max`] (numbers or tensors, broadcast); at least one is given.

    Args:
        input (Tensor): The input.
        min (Union[Tensor, number], optional): The lower bound. Default: ``None``.
        max (Union[Tensor, number], optional): The upper bound. Default: ``None``.

    Returns:
        Tensor; an integer input with a float bound becomes Float32.

    Raises:
        ValueError: Both bounds are None.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.clamp(ms.Tensor([1.0, 5.0, 3.0]), 2, 4))
        [2. 4. 3.]
    """
    return ops.clamp(input, min, max)


def clip(input, min=None, max=None):  # noqa: A002
    """Alias of :func:`mindspore.mint.clamp`.

    Args:
        input (Tensor): The input.
        min (Union[Tensor, number], optional): The lower bound. Default: ``None``.
        max (Union[Tensor, number], optional): The upper bound. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.clip(ms.Tensor([-1.0, 0.5]), min=0.0))
        [0.  0.5]
    """
    return ops.clamp(input, min, max)


def round(input, *, decimals=0):  # noqa: A001,A002
    """Rounds half to even, to `decimals` places.

    Args:
        input (Tensor): The input.
        decimals (int): The decimal places (MindSpore 2.10's CPU kernel takes only 0; the
            documented rounding to other places is done here). Default: ``0``.

    Returns:
        Tensor of `input`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.round(ms.Tensor([0.5, 1.5, 2.5, -1.7])))
        [ 0.  2.  2. -2.]
    """
    return ops.round(input, decimals=decimals)


def lerp(input, end, weight):  # noqa: A002
    """``input + weight * (end - input)``.

    Args:
        input (Tensor): The start.
        end (Tensor): The end.
        weight (Union[float, Tensor]): The weight.

    Returns:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.lerp(ms.Tensor([1.0, 2.0]), ms.Tensor([3.0, 6.0]), 0.5))
        [2. 4.]
    """
    return ops.lerp(input, end, weight)


def addcmul(input, tensor1, tensor2, *, value=1):  # noqa: A002
    """``input + value * tensor1 * tensor2``.

    Args:
        input (Tensor): The addend.
        tensor1 (Tensor): The first factor.
        tensor2 (Tensor): The second factor.
        value (number): The scale. Default: ``1``.

    Returns:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.addcmul(ms.Tensor([1.0]), ms.Tensor([2.0]), ms.Tensor([3.0]), value=0.5))
        [4.]
    """
    return input + value * (tensor1 * tensor2)


def addcdiv(input, tensor1, tensor2, *, value=1):  # noqa: A002
    """``input + value * tensor1 / tensor2``.

    Args:
        input (Tensor): The addend.
        tensor1 (Tensor): The numerator.
        tensor2 (Tensor): The denominator.
        value (number): The scale. Default: ``1``.

    Returns:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.addcdiv(ms.Tensor([1.0]), ms.Tensor([3.0]), ms.Tensor([2.0]), value=2))
        [4.]
    """
    return input + value * (tensor1 / tensor2)


def nan_to_num(input, nan=None, posinf=None, neginf=None):  # noqa: A002
    """NaN, +inf and -inf of `input` replaced (by 0 and the dtype's largest/lowest values by default).

    Args:
        input (Tensor): The input.
        nan (float, optional): The value for NaN; None gives 0. Default: ``None``.
        posinf (float, optional): The value for +inf; None gives the dtype's largest. Default: ``None``.
        neginf (float, optional): The value for -inf; None gives the dtype's lowest. Default: ``None``.

    Returns:
        Tensor of `input`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.nan_to_num(ms.Tensor([float('nan'), float('inf'), 5.0]), posinf=9.0))
        [0. 9. 5.]
    """
    return ops.nan_to_num(input, nan, posinf, neginf)


def where(condition, input=None, other=None):  # noqa: A002
    """``input`` where `condition` holds, else ``other`` (broadcast); with `condition` alone,
    :func:`mindspore.mint.nonzero` as a tuple.

    Args:
        condition (Tensor): A Bool tensor.
        input (Union[Tensor, number], optional): The values where True.
        other (Union[Tensor, number], optional): The values where False.

    Returns:
        Tensor, or a tuple of index tensors for the one-argument form.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([1.0, 5.0, 3.0])
        >>> print(mint.where(x > 2, x, 0.0))
        [0. 5. 3.]
        >>> print(mint.where(x > 2))
        (Tensor(shape=[2], dtype=Int64, value= [1, 2]),)
    """
    check_tensor("where", "condition", condition)
    if input is None and other is None:
        return ops.nonzero(condition, as_tuple=True)
    if input is None or other is None:
        raise DTypeError("For 'where', 'input' and 'other' must both be given, or neither.")
    return ops.where(condition, input, other)


def equal(input, other):  # noqa: A002
    """Whether `input` and `other` have the same shape and elements.

    Args:
        input (Tensor): The first tensor.
        other (Tensor): The second tensor.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.equal(ms.Tensor([1, 2, 3]), ms.Tensor([1, 2, 4])))
        False
    """
    check_tensor("equal", "input", input)
    check_tensor("equal", "other", other)
    if tuple(input.shape) != tuple(other.shape):
        return False
    return bool(ops.eq(input, other).all())


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    """Whether ``|input - other| <= atol + rtol * |other|``, elementwise.

    Args:
        input (Tensor): The first input.
        other (Tensor): The second input.
        rtol (float): The relative tolerance. Default: ``1e-05``.
        atol (float): The absolute tolerance. Default: ``1e-08``.
        equal_nan (bool): Whether two NaN are close. Default: ``False``.

    Returns:
        Bool Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.isclose(ms.Tensor([1.0, 2.0]), ms.Tensor([1.0 + 1e-6, 2.1])))
        [ True False]
    """
    _same_dtype("isclose", input, other)
    return ops.isclose(input, other, rtol, atol, equal_nan)


def _same_dtype(op, input, other):
    """MindSpore 2.10 rejects two tensors of different dtypes (measured: "the input type must be same")."""
    if isinstance(input, Tensor) and isinstance(other, Tensor) and input.dtype != other.dtype:
        raise DTypeError(f"For '{op}', the input type must be same, but got {input.dtype} and {other.dtype}.")


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    """Whether every element of `input` is close to `other` (:func:`isclose`).

    Args:
        input (Tensor): The first input.
        other (Tensor): The second input.
        rtol (float): The relative tolerance. Default: ``1e-05``.
        atol (float): The absolute tolerance. Default: ``1e-08``.
        equal_nan (bool): Whether two NaN are close. Default: ``False``.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.allclose(ms.Tensor([1.0, 2.0]), ms.Tensor([1.0, 2.0])))
        True
    """
    _same_dtype("allclose", input, other)
    return bool(ops.isclose(input, other, rtol, atol, equal_nan).all())


def bitwise_not(input):  # noqa: A002
    """Bitwise NOT of an integer or Bool tensor (logical NOT for Bool).

    Args:
        input (Tensor): An integer or Bool tensor.

    Returns:
        Tensor of `input`'s shape and dtype.

    Raises:
        TypeError: `input` is a float tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.bitwise_not(ms.Tensor([0, 5, -1], ms.int32)))
        [-1 -6  0]
    """
    check_tensor("bitwise_not", "input", input)
    if input.dtype == mstype.bool_:
        return ops.logical_not(input)
    if input.dtype not in INT_TYPES:
        raise DTypeError(f"For 'bitwise_not', the input must be an integer or Bool tensor, but got "
                         f"{input.dtype}.")
    return ops.invert(input)


def gcd(input, other):  # noqa: A002
    """The greatest common divisor of integers, elementwise (non-negative).

    Args:
        input (Tensor): An integer tensor.
        other (Tensor): An integer tensor.

    Returns:
        Tensor of the broadcast shape and promoted integer dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.gcd(ms.Tensor([7, 8, 9]), ms.Tensor([14, 6, 12])))
        [7 2 3]
    """
    for name, t in (("input", input), ("other", other)):
        check_tensor("gcd", name, t)
        if t.dtype not in INT_TYPES:
            raise DTypeError(f"For 'gcd', '{name}' must be an integer tensor, but got {t.dtype}.")
    shape = tuple(_np.broadcast_shapes(tuple(input.shape), tuple(other.shape)))
    dtype = (input + other).dtype
    a = ops.broadcast_to(ops.abs(input).astype(dtype), shape)
    b = ops.broadcast_to(ops.abs(other).astype(dtype), shape)
    # Euclid's steps, all elements together: at most ~1.45 log2(max) rounds.
    while bool((b != 0).any()):
        nz = b != 0
        safe = ops.where(nz, b, ops.ones_like(b))
        a, b = ops.where(nz, b, a), ops.where(nz, ops.remainder(a, safe), b)
    return a


def polar(abs, angle):  # noqa: A002
    """The complex numbers ``abs * (cos(angle) + i sin(angle))``.

    Args:
        abs (Tensor): The magnitudes (Float32 or Float64).
        angle (Tensor): The angles.

    Returns:
        Complex64 (Complex128 for Float64) Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.polar(ms.Tensor([2.0]), ms.Tensor([0.0])))
        [2.+0.j]
    """
    check_tensor("polar", "abs", abs)
    return ops.complex(abs * ops.cos(angle), abs * ops.sin(angle))


def clone(input):  # noqa: A002
    """A copy of `input` (differentiable: the gradient flows to `input`).

    Args:
        input (Tensor): The tensor to copy.

    Returns:
        Tensor, equal to `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.clone(ms.Tensor([1, 2])))
        [1 2]
    """
    check_tensor("clone", "input", input)
    return input.copy()


NAMES = (UNARY + BINARY + ("xlogy", "arcsin", "isnan", "pow", "float_power", "add", "sub", "div", "divide",
                           "clamp", "clip", "round", "lerp", "addcmul", "addcdiv", "nan_to_num",
                           "where", "equal", "isclose", "allclose", "bitwise_not", "gcd", "polar",
                           "clone"))
__all__ = list(NAMES)

name_errors(globals(), NAMES)

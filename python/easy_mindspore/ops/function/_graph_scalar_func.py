"""``mindspore.ops``' scalar functions of MindSpore's graph compiler: ``scalar_mul`` ...
``scalar_usub`` (Python's arithmetic and comparisons, Tensors computed as Tensors), ``bool_*`` and
``string_*``, with MindSpore 2.10's PyNative results and errors (a zero divisor and ``log`` of a
non-positive number are ValueErrors). ``scalar_ne``, ``bool_and``/``bool_or``/``bool_eq`` and
``string_concat``/``string_eq`` are graph-only there ("has no attr __infer__"): here they give
what the graph computes."""
import math
import numbers

import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = [
    "scalar_mul", "scalar_div", "scalar_floordiv", "scalar_mod", "scalar_pow", "scalar_sub",
    "scalar_log", "scalar_eq", "scalar_ne", "scalar_lt", "scalar_le", "scalar_gt", "scalar_ge",
    "scalar_max", "scalar_min", "scalar_uadd", "scalar_usub", "scalar_to_array", "bool_and",
    "bool_or", "bool_eq", "bool_not", "string_concat", "string_eq",
]


def _scalar(op, *values):
    for v in values:
        if not isinstance(v, (numbers.Number, Tensor, str)):
            raise DTypeError(f"For '{op}', the inputs must be scalars or Tensors, but got {type(v).__name__}.")


def _nonzero_divisor(op, y, message="The divisor could not be zero. But the divisor is zero now."):
    if not isinstance(y, Tensor) and y == 0:
        raise ShapeError(f"For '{op}': {message}")


def scalar_mul(x, y):
    """``x * y`` of two scalars (Tensors multiply as Tensors, strings repeat as in Python).

    Args:
        x (Union[number, Tensor]): The first operand.
        y (Union[number, Tensor]): The second operand.

    Returns:
        The product, of Python's type for the operands.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_mul(2, 3), ops.scalar_mul(2.0, 3))
        6 6.0
    """
    _scalar("scalar_mul", x, y)
    return x * y


def scalar_div(x, y):
    """``x / y``, true division (a float for two ints); a zero divisor is a ValueError.

    Args:
        x (Union[number, Tensor]): The dividend.
        y (Union[number, Tensor]): The divisor.

    Returns:
        float, or a Tensor for a Tensor operand.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_div(7, 2))
        3.5
    """
    _scalar("scalar_div", x, y)
    _nonzero_divisor("scalar_div", y)
    return x / y


def scalar_floordiv(x, y):
    """``x // y``, rounded towards minus infinity as Python does; a zero divisor is a ValueError.

    Args:
        x (Union[number, Tensor]): The dividend.
        y (Union[number, Tensor]): The divisor.

    Returns:
        The floored quotient.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_floordiv(-7, 2), ops.scalar_floordiv(7.5, 2))
        -4 3.0
    """
    _scalar("scalar_floordiv", x, y)
    _nonzero_divisor("scalar_floordiv", y)
    return x // y


def scalar_mod(x, y):
    """``x % y`` with the sign of the divisor, as Python's; a zero divisor is a ValueError.

    Args:
        x (Union[number, Tensor]): The dividend.
        y (Union[number, Tensor]): The divisor.

    Returns:
        The remainder.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_mod(-7, 2), ops.scalar_mod(7.5, 2))
        1 1.5
    """
    _scalar("scalar_mod", x, y)
    _nonzero_divisor("scalar_mod", y, "Cannot perform modulo operation on zero.")
    return x % y


def scalar_pow(x, y):
    """``x ** y`` (a float for a negative integer exponent).

    Args:
        x (Union[number, Tensor]): The base.
        y (Union[number, Tensor]): The exponent.

    Returns:
        The power.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_pow(2, 10), ops.scalar_pow(2, -1))
        1024 0.5
    """
    _scalar("scalar_pow", x, y)
    return x ** y


def scalar_sub(x, y):
    """``x - y``.

    Args:
        x (Union[number, Tensor]): The first operand.
        y (Union[number, Tensor]): The second operand.

    Returns:
        The difference.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_sub(1, 2))
        -1
    """
    _scalar("scalar_sub", x, y)
    return x - y


def scalar_log(x):
    """The natural logarithm of a positive number (a one-element Tensor counts as its number).

    Args:
        x (Union[number, Tensor]): The number.

    Returns:
        float.

    Raises:
        ValueError: If `x` is not positive.

    Examples:
        >>> from mindspore import ops
        >>> print(round(ops.scalar_log(4.0), 6))
        1.386294
    """
    _scalar("scalar_log", x)
    v = float(x.item()) if isinstance(x, Tensor) else float(x)
    if not v > 0:
        raise ShapeError(f"For 'scalar_log', math domain error: the input must be positive, but got {v}.")
    return math.log(v)


def _comparison(name, doc_op, fn, example, printed):
    def compare(x, y):
        _scalar(name, x, y)
        return fn(x, y)
    compare.__name__ = compare.__qualname__ = name
    compare.__doc__ = f"""``x {doc_op} y`` of two scalars (a Bool Tensor for Tensor operands).

    Args:
        x (Union[number, Tensor]): The first operand.
        y (Union[number, Tensor]): The second operand.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.{name}{example})
        {printed}
    """
    return compare


scalar_eq = _comparison("scalar_eq", "==", lambda x, y: x == y, "(1, 1.0)", "True")


scalar_ne = _comparison("scalar_ne", "!=", lambda x, y: x != y, "(1, 2)", "True")


scalar_lt = _comparison("scalar_lt", "<", lambda x, y: x < y, "(1, 2)", "True")


scalar_le = _comparison("scalar_le", "<=", lambda x, y: x <= y, "(1, 1)", "True")


scalar_gt = _comparison("scalar_gt", ">", lambda x, y: x > y, "(1, 2)", "False")


scalar_ge = _comparison("scalar_ge", ">=", lambda x, y: x >= y, "(1, 1)", "True")


def _item(x):
    return x.item() if isinstance(x, Tensor) and x.size == 1 else x


def scalar_max(x, y):
    """The larger of two numbers (one-element Tensors count as their numbers).

    Args:
        x (Union[number, Tensor]): The first number.
        y (Union[number, Tensor]): The second number.

    Returns:
        number.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_max(1, 2.5))
        2.5
    """
    _scalar("scalar_max", x, y)
    return max(_item(x), _item(y))


def scalar_min(x, y):
    """The smaller of two numbers (one-element Tensors count as their numbers).

    Args:
        x (Union[number, Tensor]): The first number.
        y (Union[number, Tensor]): The second number.

    Returns:
        number.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_min(1, 0.5))
        0.5
    """
    _scalar("scalar_min", x, y)
    return min(_item(x), _item(y))


def scalar_uadd(x):
    """``+x`` (the value itself).

    Args:
        x (Union[number, Tensor]): The value.

    Returns:
        `x`.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_uadd(3))
        3
    """
    _scalar("scalar_uadd", x)
    return x


def scalar_usub(x):
    """``-x`` (``True`` gives ``-1``, as in Python).

    Args:
        x (Union[number, Tensor]): The value.

    Returns:
        The negation.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_usub(3), ops.scalar_usub(-2.5))
        -3 2.5
    """
    _scalar("scalar_usub", x)
    return -x


def scalar_to_array(input_x):
    """A 0-d Tensor of a number (MindSpore's older name of ``scalar_to_tensor``, with its default
    Float32).

    Args:
        input_x (Union[bool, int, float]): The number.

    Returns:
        Tensor, 0-d Float32.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.scalar_to_array(2))
        2.0
    """
    from ._legacy_func import scalar_to_tensor
    return scalar_to_tensor(input_x)


def _bool(op, *values):
    for v in values:
        if not isinstance(v, (bool, _np.bool_)):
            raise DTypeError(f"For '{op}', the inputs must be bools, but got {type(v).__name__}.")


def bool_and(x, y):
    """``x and y`` of two bools.

    Args:
        x (bool): The first bool.
        y (bool): The second bool.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.bool_and(True, False))
        False
    """
    _bool("bool_and", x, y)
    return bool(x and y)


def bool_or(x, y):
    """``x or y`` of two bools.

    Args:
        x (bool): The first bool.
        y (bool): The second bool.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.bool_or(True, False))
        True
    """
    _bool("bool_or", x, y)
    return bool(x or y)


def bool_eq(x, y):
    """``x == y`` of two bools.

    Args:
        x (bool): The first bool.
        y (bool): The second bool.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.bool_eq(True, True))
        True
    """
    _bool("bool_eq", x, y)
    return bool(x) == bool(y)


def bool_not(x):
    """``not x`` of a bool, as a 0-d Bool Tensor (MindSpore 2.10 answers a Tensor).

    Args:
        x (bool): The bool.

    Returns:
        Tensor, 0-d Bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.bool_not(True))
        False
    """
    _bool("bool_not", x)
    return Tensor(not x, mstype.bool_)


def _string(op, *values):
    for v in values:
        if not isinstance(v, str):
            raise DTypeError(f"For '{op}', the inputs must be strings, but got {type(v).__name__}.")


def string_concat(x, y):
    """``x + y`` of two strings.

    Args:
        x (str): The first string.
        y (str): The second string.

    Returns:
        str.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.string_concat('ab', 'c'))
        abc
    """
    _string("string_concat", x, y)
    return x + y


def string_eq(x, y):
    """``x == y`` of two strings.

    Args:
        x (str): The first string.
        y (str): The second string.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.string_eq('a', 'a'))
        True
    """
    _string("string_eq", x, y)
    return x == y

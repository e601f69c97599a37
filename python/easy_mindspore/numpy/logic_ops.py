"""``mindspore.numpy`` comparisons, logic and bit operations (MindSpore 2.10's ``logic_ops``).

Comparisons, ``logical_*`` and the ``is*`` tests give Bool tensors (`dtype` casts them); the
``bitwise_*`` functions take integer or Bool tensors and keep their promoted dtype. Where MindSpore
2.10 differs we follow NumPy and say so: ``not_equal``/``less_equal``/``logical_xor`` of a tensor
and a Python number work here (a TypeError there); ``bitwise_not``/``invert`` of Bool is the
logical not here (a TypeError there). Whole-array tests are in ``set_logic_ops``.
"""
from .. import ops as _ops
from ..common.dtype import bool_, float16, float32, float64
from ..tensor import Tensor
from . import _t
from .binary_math_ops import _operands

__all__ = [
    "equal",
    "not_equal",
    "greater",
    "greater_equal",
    "less",
    "less_equal",
    "logical_and",
    "logical_or",
    "logical_xor",
    "logical_not",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "bitwise_not",
    "invert",
    "isfinite",
    "isinf",
    "isnan",
    "isneginf",
    "isposinf",
]


def equal(x1, x2, dtype=None):
    """``x1 == x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([3.0, 2.0, 1.0], ms.float32)
        >>> print(mnp.equal(x1, x2))
        [False  True False]
    """
    a, b = _operands(x1, x2)
    out = a == b
    return out if dtype is None else out.astype(dtype)


def not_equal(x1, x2, dtype=None):
    """``x1 != x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([3.0, 2.0, 1.0], ms.float32)
        >>> print(mnp.not_equal(x1, x2))
        [ True False  True]
    """
    a, b = _operands(x1, x2)
    out = a != b
    return out if dtype is None else out.astype(dtype)


def greater(x1, x2, dtype=None):
    """``x1 > x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([3.0, 2.0, 1.0], ms.float32)
        >>> print(mnp.greater(x1, x2))
        [False False  True]
    """
    a, b = _operands(x1, x2)
    out = a > b
    return out if dtype is None else out.astype(dtype)


def greater_equal(x1, x2, dtype=None):
    """``x1 >= x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([3.0, 2.0, 1.0], ms.float32)
        >>> print(mnp.greater_equal(x1, x2))
        [False  True  True]
    """
    a, b = _operands(x1, x2)
    out = a >= b
    return out if dtype is None else out.astype(dtype)


def less(x1, x2, dtype=None):
    """``x1 < x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([3.0, 2.0, 1.0], ms.float32)
        >>> print(mnp.less(x1, x2))
        [ True False False]
    """
    a, b = _operands(x1, x2)
    out = a < b
    return out if dtype is None else out.astype(dtype)


def less_equal(x1, x2, dtype=None):
    """``x1 <= x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> x2 = ms.Tensor([3.0, 2.0, 1.0], ms.float32)
        >>> print(mnp.less_equal(x1, x2))
        [ True  True False]
    """
    a, b = _operands(x1, x2)
    out = a <= b
    return out if dtype is None else out.astype(dtype)


def logical_and(x1, x2, dtype=None):
    """The truth value of ``x1 AND x2`` elementwise (nonzero is true).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([True, True, False, False])
        >>> x2 = ms.Tensor([True, False, True, False])
        >>> print(mnp.logical_and(x1, x2))
        [ True False False False]
    """
    a, b = _operands(x1, x2)
    out = _ops.logical_and(_bool(a), _bool(b))
    return out if dtype is None else out.astype(dtype)


def logical_or(x1, x2, dtype=None):
    """The truth value of ``x1 OR x2`` elementwise (nonzero is true).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([True, True, False, False])
        >>> x2 = ms.Tensor([True, False, True, False])
        >>> print(mnp.logical_or(x1, x2))
        [ True  True  True False]
    """
    a, b = _operands(x1, x2)
    out = _ops.logical_or(_bool(a), _bool(b))
    return out if dtype is None else out.astype(dtype)


def logical_xor(x1, x2, dtype=None):
    """The truth value of ``x1 XOR x2`` elementwise (nonzero is true).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([True, True, False, False])
        >>> x2 = ms.Tensor([True, False, True, False])
        >>> print(mnp.logical_xor(x1, x2))
        [False  True  True False]
    """
    a, b = _operands(x1, x2)
    out = _ops.logical_xor(_bool(a), _bool(b))
    return out if dtype is None else out.astype(dtype)


def logical_not(a, dtype=None):
    """The truth value of ``NOT a`` elementwise (nonzero is true).

    Args:
        a (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the shape of `a`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.0, 1.5, -2.0], ms.float32)
        >>> print(mnp.logical_not(x))
        [ True False False]
    """
    out = _ops.logical_not(_bool(_t(a)))
    return out if dtype is None else out.astype(dtype)


def bitwise_and(x1, x2, dtype=None):
    """The bitwise AND of integer or Bool tensors (``x1 & x2``), broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of the promoted dtype, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([12, 10, -1], ms.int32)
        >>> x2 = ms.Tensor([10, 6, 5], ms.int32)
        >>> print(mnp.bitwise_and(x1, x2))
        [8 2 5]
    """
    a, b = _operands(x1, x2)
    _check_integer('bitwise_and', a)
    out = _ops.bitwise_and(a, b)
    return out if dtype is None else out.astype(dtype)


def bitwise_or(x1, x2, dtype=None):
    """The bitwise OR of integer or Bool tensors (``x1 | x2``), broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of the promoted dtype, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([12, 10, -1], ms.int32)
        >>> x2 = ms.Tensor([10, 6, 5], ms.int32)
        >>> print(mnp.bitwise_or(x1, x2))
        [14 14 -1]
    """
    a, b = _operands(x1, x2)
    _check_integer('bitwise_or', a)
    out = _ops.bitwise_or(a, b)
    return out if dtype is None else out.astype(dtype)


def bitwise_xor(x1, x2, dtype=None):
    """The bitwise XOR of integer or Bool tensors (``x1 ^ x2``), broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of the promoted dtype, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x1 = ms.Tensor([12, 10, -1], ms.int32)
        >>> x2 = ms.Tensor([10, 6, 5], ms.int32)
        >>> print(mnp.bitwise_xor(x1, x2))
        [ 6 12 -6]
    """
    a, b = _operands(x1, x2)
    _check_integer('bitwise_xor', a)
    out = _ops.bitwise_xor(a, b)
    return out if dtype is None else out.astype(dtype)


def bitwise_not(x, dtype=None):
    """The bitwise NOT (``~x``) of an integer tensor; the logical not of Bool.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of the dtype of `x`, of its shape.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0, 5, -3], ms.int32)
        >>> print(mnp.bitwise_not(x))
        [-1 -6  2]
    """
    x = _t(x)
    _check_integer("bitwise_not", x)
    out = _ops.logical_not(x) if x.dtype == bool_ else -x - Tensor(1, x.dtype)
    return out if dtype is None else out.astype(dtype)


def invert(x, dtype=None):
    """The bitwise NOT (``~x``) elementwise (same as ``bitwise_not``).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of the dtype of `x`, of its shape.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0, 5, -3], ms.int32)
        >>> print(mnp.invert(x))
        [-1 -6  2]
    """
    return bitwise_not(x, dtype)


def isfinite(x, dtype=None):
    """Whether each element is finite (not infinity, not NaN).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, float('inf'), -float('inf'), float('nan')], ms.float32)
        >>> print(mnp.isfinite(x))
        [ True False False False]
    """
    x = _t(x)
    out = _ops.isfinite(x) if _is_float(x) else _ops.ones_like(x, dtype=bool_)
    return out if dtype is None else out.astype(dtype)


def isinf(x, dtype=None):
    """Whether each element is positive or negative infinity.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, float('inf'), -float('inf'), float('nan')], ms.float32)
        >>> print(mnp.isinf(x))
        [False  True  True False]
    """
    x = _t(x)
    out = _ops.isinf(x) if _is_float(x) else _ops.zeros_like(x, dtype=bool_)
    return out if dtype is None else out.astype(dtype)


def isnan(x, dtype=None):
    """Whether each element is NaN.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor of Bool (or `dtype`), of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, float('inf'), -float('inf'), float('nan')], ms.float32)
        >>> print(mnp.isnan(x))
        [False False False  True]
    """
    x = _t(x)
    out = x != x if _is_float(x) else _ops.zeros_like(x, dtype=bool_)
    return out if dtype is None else out.astype(dtype)


def isneginf(x):
    """Whether each element is negative infinity.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, float('inf'), -float('inf'), float('nan')], ms.float32)
        >>> print(mnp.isneginf(x))
        [False False  True False]
    """
    x = _t(x)
    if not _is_float(x):
        return _ops.zeros_like(x, dtype=bool_)
    return _ops.logical_and(_ops.isinf(x), x < 0)


def isposinf(x):
    """Whether each element is positive infinity.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, float('inf'), -float('inf'), float('nan')], ms.float32)
        >>> print(mnp.isposinf(x))
        [False  True False False]
    """
    x = _t(x)
    if not _is_float(x):
        return _ops.zeros_like(x, dtype=bool_)
    return _ops.logical_and(_ops.isinf(x), x > 0)


def _is_float(x):
    return x.dtype in (float16, float32, float64)


def _bool(x):
    return x if x.dtype == bool_ else x != Tensor(0, x.dtype)


def _check_integer(name, x):
    if _is_float(x):
        raise TypeError(f"For 'mindspore.numpy.{name}', the inputs must be integer or Bool "
                        f"tensors, but got {x.dtype}.")

"""``mindspore.ops`` logical and bitwise functions, and the Tensor operators ``~ & | ^``.

On Bool tensors these are engine ops (``&`` is the product, ``|`` the sum, ``^`` inequality, all of
Bool), so they trace and batch like any op. On integer tensors ``& | ^`` are bitwise; the engine
has no bitwise kernels yet, so they are computed from the values on the host (eagerly: inside a
``jit`` trace they raise a RuntimeError). ``~`` is the logical not for every dtype, as in
MindSpore 2.10 (``~Tensor([6, 3])`` is ``[False, False]``)."""
import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError
from ...common import dtype as mstype

__all__ = ["logical_not", "logical_and", "logical_or", "logical_xor", "bitwise_and",
           "bitwise_or", "bitwise_xor"]

_INTS = mstype.int_type + mstype.uint_type


def _operand(op, v, like=None):
    if isinstance(v, Tensor):
        return v
    if isinstance(v, (bool, _np.bool_)):
        return Tensor(bool(v))
    if isinstance(v, (int, _np.integer)) and like is not None and like.dtype in _INTS:
        return Tensor(int(v), like.dtype)
    raise DTypeError(f"For '{op}', the operands must be Bool or integer Tensors (or a Python "
                     f"bool/int with one), but got {type(v).__name__}.")


def _as_bool(x):
    return x if x.dtype == mstype.bool_ else x != 0


def logical_not(input):  # noqa: A002 - MindSpore's argument name
    """``ops.logical_not``: True where ``input`` is zero/False.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.logical_not(x))
        [False  True False]
    """
    return _as_bool(_operand("LogicalNot", input)) == False  # noqa: E712 - an elementwise op


def logical_and(input, other):  # noqa: A002
    """``ops.logical_and``: True where both are nonzero.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([True, False, True])
        >>> y = ms.Tensor([True, True, False])
        >>> print(ops.logical_and(x, y))
        [ True False False]
    """
    return _as_bool(_operand("LogicalAnd", input)) * _as_bool(_operand("LogicalAnd", other))


def logical_or(input, other):  # noqa: A002
    """``ops.logical_or``: True where either is nonzero.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([True, False, False])
        >>> y = ms.Tensor([True, True, False])
        >>> print(ops.logical_or(x, y))
        [ True  True False]
    """
    return _as_bool(_operand("LogicalOr", input)) + _as_bool(_operand("LogicalOr", other))


def logical_xor(input, other):  # noqa: A002
    """``ops.logical_xor``: True where exactly one is nonzero.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([True, False, True])
        >>> y = ms.Tensor([True, True, False])
        >>> print(ops.logical_xor(x, y))
        [False  True  True]
    """
    return _as_bool(_operand("LogicalXor", input)) != _as_bool(_operand("LogicalXor", other))


def _bitwise(op, logical, host, a, b):
    if not isinstance(a, Tensor):
        a, b = b, a
    a = _operand(op, a)
    b = _operand(op, b, a)
    if a.dtype == mstype.bool_ and b.dtype == mstype.bool_:
        return logical(a, b)
    for t in (a, b):
        if t.dtype not in _INTS + (mstype.bool_,):
            raise DTypeError(f"For '{op}', the operands must be Bool or integer Tensors, but got "
                             f"{a.dtype} and {b.dtype}.")
    if a._is_traced or b._is_traced:
        raise RuntimeError(f"For '{op}', bitwise ops on integer tensors run eagerly only (not "
                           "inside a jit trace or a transformation).")
    # NumPy's result dtype is MindSpore's promotion for integer pairs (Int8 & UInt8 is Int16).
    return Tensor(_np.asarray(host(a.asnumpy(), b.asnumpy())))


def bitwise_and(input, other):  # noqa: A002
    """``ops.bitwise_and``: ``input & other`` (logical on Bool).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([6, 5, 3], ms.int32)
        >>> y = ms.Tensor([3, 1, 2], ms.int32)
        >>> print(ops.bitwise_and(x, y))
        [2 1 2]
    """
    return _bitwise("BitwiseAnd", logical_and, _np.bitwise_and, input, other)


def bitwise_or(input, other):  # noqa: A002
    """``ops.bitwise_or``: ``input | other`` (logical on Bool).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([6, 5, 3], ms.int32)
        >>> y = ms.Tensor([3, 1, 2], ms.int32)
        >>> print(ops.bitwise_or(x, y))
        [7 5 3]
    """
    return _bitwise("BitwiseOr", logical_or, _np.bitwise_or, input, other)


def bitwise_xor(input, other):  # noqa: A002
    """``ops.bitwise_xor``: ``input ^ other`` (logical on Bool).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([6, 5, 3], ms.int32)
        >>> y = ms.Tensor([3, 1, 2], ms.int32)
        >>> print(ops.bitwise_xor(x, y))
        [5 4 1]
    """
    return _bitwise("BitwiseXor", logical_xor, _np.bitwise_xor, input, other)

"""``mindspore.ops`` logical and bitwise functions, and the Tensor operators ``~ & | ^``.

On Bool tensors these are engine ops (``&`` is the product, ``|`` the sum, ``^`` inequality, all of
Bool), so they trace and batch like any op. On integer tensors ``& | ^``, the shifts and
``ops.invert`` are the engine's bitwise rows (``BitwiseAnd``, ..., ``LeftShift``, ``RightShift``,
``Invert``), so they trace, batch and run under ``jit`` too. ``~`` is the logical not for every
dtype, as in MindSpore 2.10 (``~Tensor([6, 3])`` is ``[False, False]``)."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError
from ...common import dtype as mstype

__all__ = ["logical_not", "logical_and", "logical_or", "logical_xor", "bitwise_and",
           "bitwise_or", "bitwise_xor", "bitwise_left_shift", "bitwise_right_shift", "invert"]

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


def _bitwise_args(op, a, b):
    if not isinstance(a, Tensor) and not isinstance(b, Tensor):
        raise DTypeError(f"For '{op}', at least one input must be a Tensor, but got "
                         f"{type(a).__name__} and {type(b).__name__}.")
    for v in (a, b):
        if not isinstance(v, (Tensor, int, _np.integer, bool, _np.bool_)):
            raise DTypeError(f"For '{op}', the inputs must be integer or Bool Tensors (or a "
                             f"Python int/bool with one), but got {type(v).__name__}.")
    t, n = (a, b) if isinstance(a, Tensor) else (b, a)
    if (isinstance(n, (int, _np.integer)) and not isinstance(n, (bool, _np.bool_))
            and t.dtype == mstype.bool_):
        # MindSpore 2.10: ``1 & bool_tensor`` is a TypeError (an int does not join a Bool).
        raise DTypeError(f"For '{op}', a Python int cannot be combined with a Bool Tensor; "
                         "use True/False.")
    return a, b


def bitwise_and(input, other):  # noqa: A002
    """Computes ``input & other`` elementwise, bitwise (logical on Bool), with broadcasting and
    MindSpore's integer promotion (Int8 & UInt8 is Int16). Float inputs raise a TypeError.

    Args:
        input (Tensor): integer or Bool.
        other (Union[Tensor, int, bool]): integer or Bool.

    Returns:
        Tensor of the promoted dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bitwise_and(Tensor([6, 3]), Tensor([3, 5])))
        [2 1]
    """
    return _C.bitwise_and(*_bitwise_args("BitwiseAnd", input, other))


def bitwise_or(input, other):  # noqa: A002
    """Computes ``input | other`` elementwise, bitwise (logical on Bool).

    Args:
        input (Tensor): integer or Bool.
        other (Union[Tensor, int, bool]): integer or Bool.

    Returns:
        Tensor of the promoted dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bitwise_or(Tensor([6, 3]), Tensor([3, 5])))
        [7 7]
    """
    return _C.bitwise_or(*_bitwise_args("BitwiseOr", input, other))


def bitwise_xor(input, other):  # noqa: A002
    """Computes ``input ^ other`` elementwise, bitwise (logical on Bool).

    Args:
        input (Tensor): integer or Bool.
        other (Union[Tensor, int, bool]): integer or Bool.

    Returns:
        Tensor of the promoted dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bitwise_xor(Tensor([6, 3]), Tensor([3, 5])))
        [5 6]
    """
    return _C.bitwise_xor(*_bitwise_args("BitwiseXor", input, other))


def bitwise_left_shift(input, other):  # noqa: A002
    """Computes ``input << other`` elementwise (integers only). A count outside ``[0, bits)``
    gives 0, as NumPy (MindSpore 2.10's CPU kernel takes the count modulo the width there).

    Args:
        input (Union[Tensor, int]): the integers shifted.
        other (Union[Tensor, int]): the counts.

    Returns:
        Tensor of the promoted dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bitwise_left_shift(Tensor([1, -3]), Tensor([4, 1])))
        [16 -6]
    """
    return _C.left_shift(*_bitwise_args("LeftShift", input, other))


def bitwise_right_shift(input, other):  # noqa: A002
    """Computes ``input >> other`` elementwise (integers only): arithmetic for signed dtypes,
    logical for unsigned ones. A count outside ``[0, bits)`` gives -1 for a negative input and 0
    otherwise, as NumPy.

    Args:
        input (Union[Tensor, int]): the integers shifted.
        other (Union[Tensor, int]): the counts.

    Returns:
        Tensor of the promoted dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bitwise_right_shift(Tensor([16, -7]), Tensor([2, 1])))
        [ 4 -4]
    """
    return _C.right_shift(*_bitwise_args("RightShift", input, other))


def invert(x):
    """Computes ``~x``, the bitwise not, of an integer tensor (Bool and floats raise a TypeError,
    as MindSpore's ``Invert``; ``~t`` on a Tensor is the logical not, as in MindSpore 2.10).

    Args:
        x (Tensor): an integer tensor.

    Returns:
        Tensor of ``x``'s dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.invert(Tensor([6, -4])))
        [-7  3]
    """
    if not isinstance(x, Tensor):
        raise DTypeError(f"For 'Invert', 'x' must be a Tensor, but got {type(x).__name__}.")
    return _C.invert(x)

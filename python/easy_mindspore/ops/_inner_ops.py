"""``mindspore.ops.operations._inner_ops``: the inner primitives MindSpore's own code and tests
import from there: ``IsInstance``, ``IsSubClass``, ``SameTypeShape`` and the Ascend-only
``AntiQuant`` (see :mod:`._npu_ops`)."""
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._npu_ops import AntiQuant
from .operations import Primitive

__all__ = ["IsInstance", "IsSubClass", "SameTypeShape", "AntiQuant"]


class IsInstance(Primitive):
    """``IsInstance()(x, t)``: whether the Python value ``x`` is of the MindSpore type ``t``, as
    MindSpore 2.10 answers it: ``list_``/``tuple_`` for lists and tuples, ``float_`` or a float
    dtype for Python floats, ``int_``/``uint`` or an integer dtype for Python ints (not bools),
    ``bool_`` for bools; a Tensor is none of them.

    Outputs:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations import _inner_ops as inner
        >>> print(inner.IsInstance()([1, 2], ms.list_), inner.IsInstance()(True, ms.int_))
        True False
    """

    def __call__(self, x, t):
        if isinstance(x, Tensor):
            return False
        if t is mstype.list_:
            return isinstance(x, list)
        if t is mstype.tuple_:
            return isinstance(x, tuple)
        if t == mstype.bool_:
            return isinstance(x, bool)
        if t is mstype.float_ or t in mstype.float_type:
            return isinstance(x, float)
        if t is mstype.int_ or t is mstype.uint or t in mstype.int_type + mstype.uint_type:
            return isinstance(x, int) and not isinstance(x, bool)
        return False


def _is_type(t):
    return isinstance(t, (mstype.Type, mstype.TypeKind, mstype.TensorType))


class IsSubClass(Primitive):
    """``IsSubClass()(sub_type, type_)``: whether the MindSpore type `sub_type` is `type_` or one of
    its kinds, as MindSpore 2.10 answers it: every number dtype (``bool_`` too) and the kinds
    ``int_``, ``uint``, ``float_`` are ``number``; an integer dtype is ``int_``, an unsigned one
    ``uint``, a float one ``float_``; a ``TensorType`` is ``tensor_type``; otherwise only a type
    itself.

    Inputs:
        - **sub_type** (mindspore.dtype) - The type asked about.
        - **type_** (mindspore.dtype) - The type or kind.

    Outputs:
        bool.

    Raises:
        TypeError: If an input is not a MindSpore type.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations import _inner_ops as inner
        >>> print(inner.IsSubClass()(ms.int32, ms.int_), inner.IsSubClass()(ms.bool_, ms.int_))
        True False
    """

    def __call__(self, sub_type, type_):
        for name, t in (("sub_type", sub_type), ("type_", type_)):
            if not _is_type(t):
                raise DTypeError(f"For 'IsSubClass', the type of '{name}' should be 'Type', but got type "
                                 f"'{type(t).__name__}'.")
        if sub_type is type_ or sub_type == type_:
            return True
        if type_ is mstype.number:
            return isinstance(sub_type, mstype.Number) or sub_type in (mstype.int_, mstype.uint, mstype.float_)
        if type_ is mstype.tensor_type:
            return isinstance(sub_type, mstype.TensorType)
        kinds = {id(mstype.int_): mstype.int_type, id(mstype.uint): mstype.uint_type,
                 id(mstype.float_): mstype.float_type}
        return any(sub_type is t for t in kinds.get(id(type_), ()))


class SameTypeShape(Primitive):
    """``SameTypeShape()(x, y)``: `x`, after checking that `y` has its dtype and shape.

    Inputs:
        - **x** (Tensor) - The Tensor returned.
        - **y** (Tensor) - Of the dtype and shape of `x`.

    Outputs:
        Tensor, `x`.

    Raises:
        TypeError: If an input is not a Tensor, or the dtypes differ.
        ValueError: If the shapes differ.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations import _inner_ops as inner
        >>> x = ms.Tensor([[1.0, 2.0]])
        >>> print(inner.SameTypeShape()(x, x))
        [[1. 2.]]
    """

    def __call__(self, x, y):
        for name, v in (("x", x), ("y", y)):
            if not isinstance(v, Tensor):
                raise DTypeError(f"For 'SameTypeShape', the type of '{name}' should be 'Tensor', but got "
                                 f"type '{type(v).__name__}'.")
        if x.dtype != y.dtype:
            raise DTypeError(f"For 'SameTypeShape', the x dtype should be = y dtype: {y.dtype}, but got "
                             f"{x.dtype}.")
        if tuple(x.shape) != tuple(y.shape):
            raise ShapeError(f"For 'SameTypeShape', the x shape should be = y shape: {tuple(y.shape)}, but "
                             f"got {tuple(x.shape)}.")
        return x

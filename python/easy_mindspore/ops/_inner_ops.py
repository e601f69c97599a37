"""``mindspore.ops.operations._inner_ops``: the inner primitives MindSpore's own code and tests
import from there; so far ``IsInstance``."""
from .._C import Tensor
from ..common import dtype as mstype
from .operations import Primitive

__all__ = ["IsInstance"]


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

"""``mindspore.mutable``: marks a value as a variable input of compiled graphs.

MindSpore's GRAPH_MODE folds Python scalars, tuples and lists into the compiled graph as
constants; ``mutable`` makes them graph inputs instead. As MindSpore's, it returns the value
marked: a number, tuple, list or dict comes back as an instance of a subclass (``_Int``,
``_Float``, ``_Bool``, ``_Tuple``, ``_List``, ``_Dict``) with ``__ms_mutable__`` and
``__ms_origin_object__`` (the value given; sequences also ``__ms_dynamic_len__``), and a Tensor is
returned itself with those attributes set. Our ``jit`` traces every Tensor as an input already
and keys its cache by the arguments' structure and static values; what the marking changes is
differentiation in compiled code: there a mutable argument is a variable of the graph, and the
grad functions give its gradient in its own structure (``_grad_mutable``), where a plain tuple or
number is a constant without one.
"""
from numbers import Number

from .. import _tree
from .._C import Tensor
from .._errors import DTypeError

__all__ = ["mutable"]


class _Int(int):
    """A mutable ``int``."""

    __ms_mutable__ = True


class _Float(float):
    """A mutable ``float``."""

    __ms_mutable__ = True


class _Bool(int):
    """A mutable ``bool`` (``bool`` cannot be subclassed: an int that says it is a bool, as
    MindSpore's ``_Bool``)."""

    __ms_mutable__ = True

    @property
    def __class__(self):
        return bool

    def __and__(self, other):
        return bool(self) & other

    __rand__ = __and__

    def __or__(self, other):
        return bool(self) | other

    __ror__ = __or__

    def __xor__(self, other):
        return bool(self) ^ other

    __rxor__ = __xor__

    def __repr__(self):
        return repr(bool(self))

    __str__ = __repr__


class _Tuple(tuple):
    """A mutable ``tuple``."""

    __ms_mutable__ = True


class _List(list):
    """A mutable ``list``."""

    __ms_mutable__ = True


class _Dict(dict):
    """A mutable ``dict``."""

    __ms_mutable__ = True


_MARKED = {bool: _Bool, int: _Int, float: _Float, tuple: _Tuple, list: _List, dict: _Dict}


def _check(value, op):
    for leaf in _tree.leaves(value):
        if not isinstance(leaf, (Tensor, Number)):  # bools too, as MindSpore 2.10's
            raise DTypeError(f"For '{op}', the 'input_data' should be one of (bool, int, float, "
                             "Tensor, tuple, list, dict) or their nested structures with no "
                             f"self-reference, but got {type(leaf).__name__}: {leaf}.")


def mutable(input_data, dynamic_len=False):
    """``mindspore.mutable(input_data, dynamic_len=False)``: ``input_data`` (a Tensor, a number, or
    a tuple/list/dict of them) marked as a graph input. ``dynamic_len=True`` asks for a sequence
    whose length may change: only a tuple or list can have that."""
    _check(input_data, "mutable")
    if not isinstance(dynamic_len, bool):
        raise DTypeError("For 'mutable', the 'dynamic_len' must be a bool, but got "
                         f"{type(dynamic_len).__name__}.")
    if dynamic_len and not isinstance(input_data, (tuple, list)):
        raise DTypeError("For 'mutable', when 'dynamic_len' is True, the 'input_data' must be a "
                         f"tuple or list, but got {type(input_data).__name__}.")
    if isinstance(input_data, Tensor):
        input_data.__ms_mutable__ = True
        input_data.__ms_origin_object__ = input_data
        return input_data
    marked = _MARKED.get(type(input_data))
    if marked is None:  # already marked, a namedtuple, a NumPy number: as given
        return input_data
    out = marked(input_data)
    out.__ms_origin_object__ = input_data
    if isinstance(input_data, (tuple, list)):
        out.__ms_dynamic_len__ = dynamic_len
    return out

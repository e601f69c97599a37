"""``mindspore.mutable``: marks a value as a variable input of compiled graphs.

MindSpore's GRAPH_MODE folds Python scalars, tuples and lists into the compiled graph as
constants; ``mutable`` makes them graph inputs instead, so that new values do not recompile. Our
``jit`` traces every Tensor as an input already and keys its cache by the structure of the
arguments, so the value itself needs no marking: ``mutable`` checks the input as MindSpore does
and returns it.
"""
from numbers import Number

from .. import _tree
from .._C import Tensor
from .._errors import DTypeError

__all__ = ["mutable"]


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
    return input_data

"""The error classes of ``mindspore.numpy`` where MindSpore 2.10 raises another builtin class than
the package's usual one for the mistake. Each is both, so ``except`` of either class catches it
(code written against the earlier class keeps working), and each is an ``easy_mindspore.Error``."""
from .._errors import DTypeError, ShapeError, TensorIndexError


class ZeroStepError(ShapeError, ZeroDivisionError):
    """``arange`` with a step of 0: MindSpore 2.10's ZeroDivisionError, and a ValueError."""


class ValueTypeError(ShapeError, DTypeError):
    """A ValueError and a TypeError: an argument of the right type with a value MindSpore 2.10
    rejects with TypeError (``meshgrid``'s ``indexing``), or a dtype it rejects with ValueError
    (``rand``'s integer dtype)."""


class AxisError(ShapeError, TensorIndexError):
    """An axis out of range: a ValueError as MindSpore 2.10 raises it (``take``, ``var``), and an
    IndexError as NumPy's AxisError is."""

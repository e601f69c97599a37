"""The exception hierarchy. Every error the engine raises is an ``easy_mindspore.Error`` and also
the built-in type MindSpore raises for the same mistake, so ``except ValueError`` keeps working."""


class Error(Exception):
    """Base class of every easy_mindspore error."""


class ShapeError(Error, ValueError):
    """Shapes or values that do not fit the operation."""


class DTypeError(Error, TypeError):
    """Dtypes that do not fit the operation."""


class TensorIndexError(Error, IndexError):
    """An index or axis out of range."""


class ComputeError(Error, RuntimeError):
    """A computation that cannot run (matmul shapes, a misused transform)."""


class OutOfMemoryError(Error, MemoryError):
    """A buffer larger than the machine can provide (NumPy raises MemoryError too)."""

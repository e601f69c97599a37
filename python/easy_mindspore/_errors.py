"""The exception hierarchy. Every error the engine raises is an ``easy_mindspore.Error`` and also
the built-in type MindSpore raises for the same mistake, so ``except ValueError`` keeps working."""
import functools as _functools
import sys as _sys
import types as _types


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


# Builtin error classes raised inside an op (by NumPy, by Python's own conversions, or by an
# argument check that did not name the op) become the package's class of the same kind.
_NAMED = ((TypeError, DTypeError), (ValueError, ShapeError), (IndexError, TensorIndexError))


def with_op_name(fn, op):
    """``fn`` whose builtin TypeError/ValueError/IndexError become the package's class naming ``op``."""
    @_functools.wraps(fn)
    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Error:
            raise
        except (TypeError, ValueError, IndexError) as e:
            msg = str(e)
            if not msg.startswith("For '"):
                msg = f"For '{op}', {msg}"
            cls = next(ours for builtin, ours in _NAMED if isinstance(e, builtin))
            raise cls(msg) from e
    call._names_errors = True
    return call


def with_op_name_class(cls, methods=("__init__", "__call__")):
    """``cls`` with ``methods`` (those it defines itself) wrapped by :func:`with_op_name`, naming
    the class (a dataset transform, a dataset stage)."""
    for m in methods:
        fn = cls.__dict__.get(m)
        if callable(fn) and not getattr(fn, "_names_errors", False):
            setattr(cls, m, with_op_name(fn, cls.__name__ if m in ("__init__", "__call__") else m))
    return cls


def name_errors(namespace, names, skip=()):
    """Wraps the plain functions ``names`` of ``namespace`` (and of the modules defining them) so
    that every TypeError/ValueError/IndexError they raise is the package's class and names the op
    (``For 'roll', ...``), as MindSpore's messages do. ``skip`` lists functions that call user code
    (transforms), whose exceptions must reach the caller unchanged."""
    for name in names:
        fn = namespace.get(name)
        if (name in skip or not isinstance(fn, _types.FunctionType)
                or getattr(fn, "_names_errors", False)):
            continue
        wrapped = with_op_name(fn, name)
        namespace[name] = wrapped
        home = _sys.modules.get(fn.__module__)
        if home is not None and getattr(home, name, None) is fn:
            setattr(home, name, wrapped)

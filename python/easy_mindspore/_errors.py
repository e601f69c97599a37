"""The exception hierarchy. Every error the engine raises is an ``easy_mindspore.Error`` and also
the built-in type MindSpore raises for the same mistake, so ``except ValueError`` keeps working."""
import contextlib as _contextlib
import functools as _functools
import sys as _sys
import types as _types


class Error(Exception):
    """Base class of every easy_mindspore error."""


class ShapeError(Error, ValueError):
    """Shapes or values that do not fit the operation."""


class DTypeError(Error, TypeError):
    """Dtypes that do not fit the operation."""


class TensorIndexError(Error, IndexError, RuntimeError):
    """An index or axis out of range. Also a RuntimeError: MindSpore 2.10 raises RuntimeError
    where its kernels find an index out of range (``ops.gather``, ``x[Tensor([5])]``) and
    IndexError where Python's indexing does (``x[5]``); either ``except`` catches these."""


class ComputeError(Error, RuntimeError):
    """A computation that cannot run (matmul shapes, a misused transform)."""


class ContractionError(ShapeError, ComputeError):
    """Matrix-product operands whose contracted axes differ: a ValueError, as MindSpore 2.10
    raises it from ``mm``, ``bmm``, its ``MatMul`` primitive and ``mindspore.numpy``, and a
    RuntimeError, as from its 2-D ``matmul`` kernel (and as the engine's)."""


_RUNTIME_TWINS = {}


def also_runtime_error(e):
    """`e` as an exception of its class that is also a RuntimeError (MindSpore 2.10 raises
    RuntimeError for any error inside a dataset pipeline, a user function's included): both
    ``except RuntimeError`` and ``except <its class>`` catch it. A class that cannot be combined
    with RuntimeError gives a ComputeError naming it."""
    cls = type(e)
    twin = _RUNTIME_TWINS.get(cls)
    if twin is None:
        try:
            twin = type(cls.__name__, (cls, RuntimeError), {"__module__": cls.__module__,
                                                            "__qualname__": cls.__qualname__})
        except TypeError:
            twin = False
        _RUNTIME_TWINS[cls] = twin
    if twin:
        try:
            return twin(*e.args)
        except Exception:  # noqa: BLE001 - a constructor of other arguments: the fallback below
            pass
    return ComputeError(f"{cls.__name__}: {e}")


class CellAttributeError(Error, AttributeError, RuntimeError):
    """What a Cell needs is missing, where MindSpore raises AttributeError: a ``construct`` it
    does not define, or its registries when a Parameter or sub-cell is assigned before
    ``Cell.__init__()``. Also a RuntimeError, the class the package's errors of a call keep to."""


class OutOfMemoryError(Error, MemoryError):
    """A buffer larger than the machine can provide (NumPy raises MemoryError too)."""


class UnimplementedError(Error, NotImplementedError):
    """A quantity an object does not define (a distribution's mode without one), where MindSpore
    raises NotImplementedError (a RuntimeError)."""


# Builtin error classes raised inside an op (by NumPy, by Python's own conversions, or by an
# argument check that did not name the op) become the package's class of the same kind; Python's
# arithmetic errors on a bad argument (an int too large for a C long, a modulo by an int zero) are
# ValueErrors, as MindSpore reports a value out of range, and NumPy's MemoryError on a size of
# terabytes is our OutOfMemoryError.
_NAMED = ((TypeError, DTypeError), (ValueError, ShapeError), (IndexError, TensorIndexError),
          (ArithmeticError, ShapeError), (MemoryError, OutOfMemoryError))
_CAUGHT = tuple(builtin for builtin, _ in _NAMED)


def with_op_name(fn, op):
    """``fn`` whose builtin TypeError/ValueError/IndexError (and ArithmeticError, MemoryError) become
    the package's class naming ``op``."""
    @_functools.wraps(fn)
    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Error:
            raise
        except _CAUGHT as e:
            if getattr(e, "_ems_user_error", False):  # raised by a user's function: theirs, unchanged
                raise
            msg = str(e) or type(e).__name__
            if not msg.startswith("For '"):
                msg = f"For '{op}', {msg}"
            cls = next(ours for builtin, ours in _NAMED if isinstance(e, builtin))
            raise cls(msg) from e
    call._names_errors = True
    return call


def call_user(op, what, fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` for an op that runs a user's function ``fn`` (its argument ``what``):
    a TypeError naming ``op`` when ``fn`` is not callable; what ``fn`` itself raises reaches the
    caller unchanged through :func:`with_op_name`.

    Examples:
        >>> from easy_mindspore._errors import call_user
        >>> call_user('apply', 'func', abs, -2)
        2
        >>> call_user('apply', 'func', 3)
        Traceback (most recent call last):
        ...
        easy_mindspore._errors.DTypeError: For 'apply', 'func' must be callable, but got int.
    """
    if not callable(fn):
        raise DTypeError(f"For '{op}', '{what}' must be callable, but got {type(fn).__name__}.")
    try:
        return fn(*args, **kwargs)
    except _CAUGHT as e:
        e._ems_user_error = True
        raise


# What with_class_name and naming rename: the classes with_op_name does, a RuntimeError (not a
# RecursionError) and an AttributeError (an argument of the wrong type).
_RENAMED = _CAUGHT + (AttributeError, RuntimeError)


def with_class_name(method):
    """``method`` (an ``__init__`` or ``__call__`` of a primitive class) whose errors name the class
    of ``self`` (``For 'ReduceSum', ...``) unless they name it or another op already: a builtin
    TypeError/ValueError/IndexError/ArithmeticError/MemoryError, or an AttributeError (an argument
    of the wrong type: ``'int' object has no attribute 'shape'``), becomes the package's class of
    its kind; errors of a user's function (:func:`call_user`) pass unchanged."""
    @_functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except _RENAMED as e:
            renamed = _renamed(e, type(self).__name__)
            if renamed is None:
                raise
            raise renamed from e
    call._names_errors = True
    return call


def _renamed(e, name):
    """The error to raise in place of ``e`` so that it names ``name`` and is the package's class,
    or None to raise ``e`` itself (a user's error, or one of ours that names an op already)."""
    if getattr(e, "_ems_user_error", False) or isinstance(e, RecursionError):
        return None
    msg = str(e) or type(e).__name__
    named = msg.startswith("For '") or name in msg
    if isinstance(e, Error):
        if named:
            return None
        try:
            return type(e)(f"For '{name}', {msg}")
        except TypeError:
            return None
    ours = DTypeError if isinstance(e, AttributeError) else ComputeError if isinstance(e, RuntimeError) \
        else next(c for builtin, c in _NAMED if isinstance(e, builtin))
    return ours(msg if named else f"For '{name}', {msg}")


@_contextlib.contextmanager
def naming(name):
    """A block whose errors name ``name`` as :func:`with_class_name` makes them (for the argument
    checks of a method that runs user code afterwards, outside the block).

    Examples:
        >>> from easy_mindspore._errors import naming
        >>> with naming('Model.train'):
        ...     int('a')
        Traceback (most recent call last):
        ...
        easy_mindspore._errors.ShapeError: For 'Model.train', invalid literal for int() with base 10: 'a'
    """
    try:
        yield
    except _RENAMED as e:
        renamed = _renamed(e, name)
        if renamed is None:
            raise
        raise renamed from e


def checking_flags(init, flags, non_negative=()):
    """``init`` (a constructor) that first checks that its arguments named in ``flags`` are bools
    and those in ``non_negative`` numbers >= 0, with TypeError/ValueError naming the class (a
    string or a number flag would otherwise be read by its truth value, a negative ``eps`` give
    NaN); ``init`` itself when it has none of them."""
    import inspect

    import numpy as np

    sig = inspect.signature(init)
    names = [n for n in sig.parameters if n in flags or n in non_negative]
    if not names:
        return init

    @_functools.wraps(init)
    def __init__(self, *args, **kwargs):
        bound = sig.bind(self, *args, **kwargs)
        for n in names:
            if n not in bound.arguments:
                continue
            v = bound.arguments[n]
            if n in flags and not isinstance(v, (bool, np.bool_)):
                raise DTypeError(f"For '{type(self).__name__}', the type of '{n}' should be 'bool', "
                                 f"but got type '{type(v).__name__}'.")
            if n in non_negative:
                if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
                    raise DTypeError(f"For '{type(self).__name__}', the type of '{n}' should be 'float', "
                                     f"but got type '{type(v).__name__}'.")
                if not v >= 0:
                    raise ShapeError(f"For '{type(self).__name__}', '{n}' must be >= 0, but got {v}.")
        init(self, *args, **kwargs)
    return __init__


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

"""Helpers shared by the ``mindspore.mint`` modules: the alias decorator that gives a mint name the
docstring of the ``mindspore.ops`` function it calls (with the signature difference written at its
top), and the argument checks that name the op."""
import inspect

from .._errors import DTypeError, ShapeError, with_op_name
from ..common.dtype import float_type, int_type, uint_type
from ..tensor import Tensor

INT_TYPES = int_type + uint_type
FLOAT_TYPES = float_type


def alias(op, note=""):
    """Decorates a mint function that only renames the parameters of ``op`` (a ``mindspore.ops``
    callable): the function keeps its own signature and gets ``op``'s docstring (summary, Args,
    Returns, Examples: the examples run ``ops``), headed by the mint signature and ``note``."""
    def wrap(fn):
        doc = inspect.cleandoc(op.__doc__ or "")
        first, _, rest = doc.partition("\n")
        sig = str(inspect.signature(fn))
        try:
            op_sig = str(inspect.signature(op))
        except (TypeError, ValueError):
            op_sig = "(...)"
        head = (f"``mindspore.mint.{fn.__name__}{sig}``: :func:`mindspore.ops.{op.__name__}"
                f"{op_sig}` under mint's parameter names (the Args below use ops' names).")
        if note:
            head += " " + note
        fn.__doc__ = f"{first}\n\n{head}\n{rest}"
        return fn
    return wrap


def check_tensor(op, name, value):
    """``value`` when it is a Tensor, else a TypeError naming ``op`` and the argument."""
    if not isinstance(value, Tensor):
        raise DTypeError(f"For '{op}', the argument '{name}' must be a Tensor, but got "
                         f"{type(value).__name__}.")
    return value


def check_int(op, name, value):
    """``value`` when it is an int (not a bool), else a TypeError naming ``op``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DTypeError(f"For '{op}', the argument '{name}' must be an int, but got "
                         f"{type(value).__name__}.")
    return value


def check_dim(op, dim, ndim):
    """``dim`` normalised to ``[0, ndim)`` (a 0-d tensor takes -1 and 0), else a ValueError with the
    range, as MindSpore 2.10's "Dimension out of range" message."""
    check_int(op, "dim", dim)
    n = max(ndim, 1)
    if not -n <= dim < n:
        raise ShapeError(f"For '{op}', dimension out of range (expected to be in range of "
                         f"[{-n}, {n - 1}], but got {dim})")
    return dim % n


def check_index(op, name, index):
    """``index`` when it is an integer Tensor, else a TypeError naming ``op``."""
    check_tensor(op, name, index)
    if index.dtype not in (INT_TYPES):
        raise DTypeError(f"For '{op}', the argument '{name}' must be a Tensor of Int32 or Int64, "
                         f"but got {index.dtype}.")
    return index


def size_args(op, size):
    """A shape given as ``(2, 3)``, ``[2, 3]``, ``2`` or ``(2, 3)`` unpacked from ``*size``."""
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = tuple(size[0])
    out = []
    for s in size:
        if isinstance(s, Tensor):
            s = int(s)
        if isinstance(s, bool) or not isinstance(s, int):
            raise DTypeError(f"For '{op}', 'size' must be ints or a tuple of ints, but got "
                             f"{type(s).__name__}.")
        if s < 0:
            raise ShapeError(f"For '{op}', 'size' must not be negative, but got {tuple(size)}.")
        out.append(s)
    return tuple(out)


def name_errors(namespace, names):
    """Wraps the functions `names` of a module's `namespace` so that a built-in TypeError,
    ValueError or IndexError raised inside (Python's own, for a bad argument) becomes the package's
    class with "For '<name>', ..." in front, as the package's other ops (``_errors.with_op_name``);
    the wrapper keeps the signature and the docstring."""
    for n in names:
        fn = namespace[n]
        if inspect.isfunction(fn) and not getattr(fn, "_names_errors", False):
            namespace[n] = with_op_name(fn, n)


__all__ = ["alias", "name_errors", "check_tensor", "check_int", "check_dim", "check_index", "size_args"]

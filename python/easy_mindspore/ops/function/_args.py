"""Argument checks shared by the ``ops.function`` modules: each raises MindSpore's error class with
a message naming the op and the argument."""
import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError


def as_tensor(x):
    """``x`` as a Tensor (data is converted)."""
    return x if isinstance(x, Tensor) else Tensor(x)


def tensor_arg(op, name, x):
    """``x``, which must be a Tensor (a TypeError otherwise)."""
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def int_arg(op, name, v):
    """``v`` as an int (a Python or NumPy integer; bools and other types are a TypeError)."""
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For '{op}', '{name}' must be an int, but got {type(v).__name__}.")
    return int(v)


def bool_arg(op, name, v):
    """``v``, which must be a bool (a TypeError otherwise)."""
    if not isinstance(v, bool):
        raise DTypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    return v


def axis_arg(op, name, v, ndim):
    """``v`` as an axis in ``[0, ndim)`` (an int in ``[-ndim, ndim)``; past it a ValueError, never
    wrapped around: ``axis=5`` of a 2-D input is an error, not axis 1).

    Examples:
        >>> from easy_mindspore.ops.function._args import axis_arg
        >>> axis_arg('diff', 'axis', -1, 2)
        1
        >>> axis_arg('diff', 'axis', 5, 2)
        Traceback (most recent call last):
        ...
        easy_mindspore._errors.ShapeError: For 'diff', 'axis' must be in [-2, 2), but got 5.
    """
    v = int_arg(op, name, v)
    if not -ndim <= v < ndim:
        raise ShapeError(f"For '{op}', '{name}' must be in [{-ndim}, {ndim}), but got {v}.")
    return v % ndim

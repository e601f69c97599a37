"""Argument checks shared by the ``ops.function`` modules: each raises MindSpore's error class with
a message naming the op and the argument."""
import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError


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

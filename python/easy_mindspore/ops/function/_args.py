"""Argument checks shared by the ``ops.function`` modules: each raises MindSpore's error class with
a message naming the op and the argument."""
import functools

import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as _mstype


def as_tensor(x):
    """``x`` as a Tensor (data is converted)."""
    return x if isinstance(x, Tensor) else Tensor(x)


def weak_lhs(x, other):
    """The left operand of a binary op: a Python number before a Tensor stays a number, so that
    the Tensor's reflected operator gives it the weak type (``ops.add(2, int32)`` is Int32, as
    in MindSpore 2.10), else a Tensor."""
    return x if isinstance(other, Tensor) and type(x) in (bool, int, float) else as_tensor(x)


def half_in_float32(fn):
    """``fn`` (a composite of several ops) run in Float32 for a Float16 or BFloat16 first
    argument, the result cast back: in half precision each intermediate rounds (softplus of
    -7.6 came out twice too large), where MindSpore's kernels compute in Float32."""
    @functools.wraps(fn)
    def run(input, *args, **kwargs):  # noqa: A002
        if isinstance(input, Tensor) and input.dtype in (_mstype.float16, _mstype.bfloat16):
            return fn(input.astype(_mstype.float32), *args, **kwargs).astype(input.dtype)
        return fn(input, *args, **kwargs)
    return run


def const_ints(v):
    """``v`` as a tuple of ints when it is a 0-D or 1-D integer Tensor (a shape, begin or size
    given as a Tensor, which MindSpore's dynamic-shape kernels read), else ``v`` unchanged.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> from easy_mindspore.ops.function._args import const_ints
        >>> const_ints(Tensor([2, 0, 1]))
        (2, 0, 1)
    """
    if isinstance(v, Tensor) and v.ndim <= 1 and v.dtype in _mstype.int_type + _mstype.uint_type:
        return tuple(int(i) for i in v.asnumpy().reshape(-1))
    return v


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

"""Helpers the distributions and bijectors share: parameters as float Tensors, a broadcasting
``where``, and a NumPy generator drawn from the engine's seed."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError
from ...common import dtype as mstype


def as_float(v, dtype=mstype.float32, name="distribution"):
    """`v` (a number, list, array or Tensor) as a float Tensor of `dtype` (a DTypeError naming
    `name` for anything else)."""
    if isinstance(v, Tensor):
        return v if v.dtype == dtype else v.astype(dtype)
    try:
        a = _np.asarray(v, _np.float64)
    except (TypeError, ValueError, RecursionError, OverflowError):
        raise DTypeError(f"For '{name}', a parameter or value must be a number, a list of numbers "
                         f"or a Tensor, but got {type(v).__name__}.") from None
    return Tensor(a).astype(dtype)


def full_like(x, value):
    return _C.full(tuple(x.shape), value, x.dtype)


def where(cond, a, b):
    """`a` where `cond`, else `b` (broadcast; numbers take the other's dtype)."""
    like = a if isinstance(a, Tensor) else b
    a = a if isinstance(a, Tensor) else full_like(like, a)
    b = b if isinstance(b, Tensor) else full_like(like, b)
    shape = _np.broadcast_shapes(tuple(cond.shape), tuple(a.shape), tuple(b.shape))
    return _C.where_(cond.broadcast_to(shape), a.broadcast_to(shape), b.broadcast_to(shape))


def draw_seed(seed):
    """A NumPy generator: seeded by `seed`, or (0) by a draw from the engine's generator, so
    ``mindspore.set_seed`` makes it reproducible."""
    from ...ops.function.random_func import randint
    s = seed if seed else int(randint(0, 2**31 - 1, (1,)).asnumpy()[0])
    return _np.random.default_rng(s)

"""``mindspore.ops`` random functions with MindSpore's signatures: ``normal``, ``uniform``,
``randint``, ``standard_normal`` and the ``*_like`` forms, drawn by the engine's keyed generator
(``seed`` restarts it, as ``mindspore.set_seed`` does)."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["normal", "uniform", "randint", "standard_normal", "rand_like", "randn_like",
           "randint_like"]


def _seed(seed):
    if seed is not None:
        _C.set_seed(seed)


def _shape(op, shape):
    if isinstance(shape, Tensor):
        shape = shape.asnumpy().tolist()
    if isinstance(shape, (int, _np.integer)) and not isinstance(shape, bool):
        shape = (int(shape),)
    if not isinstance(shape, (tuple, list)):
        raise DTypeError(f"For '{op}', 'shape' must be a tuple of ints, but got {type(shape).__name__}.")
    for d in shape:
        if isinstance(d, bool) or not isinstance(d, (int, _np.integer)) or d < 0:
            raise ShapeError(f"For '{op}', 'shape' must hold non-negative ints, but got {shape}.")
    return tuple(int(d) for d in shape)


def _like(op, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', 'input' must be a Tensor, but got {type(x).__name__}.")
    return tuple(x.shape)


def _float_operand(v):
    if isinstance(v, Tensor):
        return v if v.dtype in mstype.float_type else v.astype(mstype.float32)
    return Tensor(float(v), mstype.float32)


def normal(shape, mean, stddev, seed=None):
    """``ops.normal``: samples of ``N(mean, stddev²)`` of ``shape`` broadcast with the shapes of
    ``mean`` and ``stddev`` (numbers or tensors); Float32 unless they are Float64."""
    shape = _shape("normal", shape)
    mean, stddev = _float_operand(mean), _float_operand(stddev)
    out = _np.broadcast_shapes(shape, tuple(mean.shape), tuple(stddev.shape))
    dtype = mstype.float64 if mstype.float64 in (mean.dtype, stddev.dtype) else mstype.float32
    _seed(seed)
    return (_C.randn(out, dtype) * stddev + mean).astype(dtype)


def standard_normal(shape, seed=0, seed2=0):
    """``ops.standard_normal``: ``N(0, 1)`` samples of ``shape`` (a nonzero seed restarts the
    generator)."""
    _seed(seed or None)
    return _C.randn(_shape("StandardNormal", shape), mstype.float32)


def uniform(shape, minval, maxval, seed=None, dtype=mstype.float32):
    """``ops.uniform``: samples uniform in ``[minval, maxval)`` of ``shape`` (broadcast with the
    bounds); integers for an int ``dtype`` (Int32/Int64), floats otherwise."""
    shape = _shape("uniform", shape)
    lo = minval if isinstance(minval, Tensor) else Tensor(minval)
    hi = maxval if isinstance(maxval, Tensor) else Tensor(maxval)
    out = _np.broadcast_shapes(shape, tuple(lo.shape), tuple(hi.shape))
    _seed(seed)
    if dtype in (mstype.int32, mstype.int64):
        if lo.dtype not in (mstype.int32, mstype.int64) or hi.dtype not in (mstype.int32, mstype.int64):
            raise DTypeError(f"For 'uniform', an int dtype needs int 'minval' and 'maxval', but got "
                             f"{lo.dtype} and {hi.dtype}.")
        u = _C.rand(out, mstype.float64)
        span = (hi - lo).astype(mstype.float64)
        return ((u * span).floor() + lo.astype(mstype.float64)).astype(dtype)
    if dtype not in mstype.float_type:
        raise DTypeError(f"For 'uniform', 'dtype' must be a float or int32/int64 type, got {dtype}.")
    u = _C.rand(out, dtype)
    return u * (hi.astype(dtype) - lo.astype(dtype)) + lo.astype(dtype)


def randint(low, high, size, seed=None, *, dtype=None):
    """``ops.randint``: integers uniform in ``[low, high)`` of shape ``size`` (Int64 by default)."""
    from ... import randint as _randint
    _seed(seed)
    return _randint(low, high, _shape("randint", size), dtype)


def rand_like(input, seed=None, *, dtype=None):  # noqa: A002 - MindSpore's argument name
    """``ops.rand_like``: uniform ``[0, 1)`` samples of ``input``'s shape."""
    shape = _like("rand_like", input)
    _seed(seed)
    return _C.rand(shape, dtype or input.dtype)


def randn_like(input, seed=None, *, dtype=None):  # noqa: A002
    """``ops.randn_like``: ``N(0, 1)`` samples of ``input``'s shape."""
    shape = _like("randn_like", input)
    _seed(seed)
    return _C.randn(shape, dtype or input.dtype)


def randint_like(input, low, high, seed=None, *, dtype=None):  # noqa: A002
    """``ops.randint_like``: integers in ``[low, high)`` of ``input``'s shape."""
    return randint(low, high, _like("randint_like", input), seed, dtype=dtype or input.dtype)

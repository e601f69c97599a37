"""``mindspore.ops.operations``, part two (re-exported by ``operations``): the primitive classes
over the functions of ``ops.function``, each with MindSpore 2.x's constructor arguments and call
arguments, its ``__call__`` calling the function."""

from . import functional as F
from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .function._args import tensor_arg as _tensor
from .operations import Primitive


def _prim(name, fn, doc):
    """A primitive class with no constructor arguments whose call is ``fn``."""
    def __call__(self, *args):
        return fn(*args)
    return type(name, (Primitive,), {"__call__": __call__, "__doc__": doc})


_SIMPLE = {
    "Greater": F.greater, "Less": F.less, "Equal": F.equal, "NotEqual": F.not_equal,
    "GreaterEqual": F.greater_equal, "LessEqual": F.less_equal, "Softplus": F.softplus,
    "FastGeLU": F.fast_gelu, "HSwish": F.hardswish, "HSigmoid": F.hardsigmoid,
    "SeLU": F.selu, "Mish": F.mish, "Asinh": F.asinh, "Acosh": F.acosh, "Atanh": F.atanh,
    "Asin": F.asin, "ACos": F.acos, "Atan": F.atan, "Atan2": F.atan2, "Log1p": F.log1p,
    "Expm1": F.expm1, "IsNan": F.isnan, "IsInf": F.isinf, "IsFinite": F.isfinite,
    "LogicalAnd": F.logical_and, "LogicalOr": F.logical_or, "LogicalNot": F.logical_not,
    "Ceil": F.ceil, "Round": F.round, "Diag": F.diag, "Erfc": F.erfc, "Xlogy": F.xlogy,
    "Hypot": F.hypot, "FloorDiv": F.floor_divide, "FloorMod": F.remainder, "Mod": F.fmod,
    "ReLU6": F.relu6, "Softsign": F.softsign, "GatherNd": F.gather_nd, "ScatterNd": F.scatter_nd,
    "TensorScatterUpdate": F.tensor_scatter_update, "TensorScatterAdd": F.tensor_scatter_add,
    "UnsortedSegmentSum": F.unsorted_segment_sum, "Depend": F.depend,
    "Size": F.numel, "Rank": F.rank,
    "BitwiseAnd": F.bitwise_and, "BitwiseOr": F.bitwise_or, "BitwiseXor": F.bitwise_xor,
    "LeftShift": F.bitwise_left_shift, "RightShift": F.bitwise_right_shift, "Invert": F.invert,
    "BesselI0": F.bessel_i0, "BesselI0e": F.bessel_i0e, "BesselI1": F.bessel_i1,
    "BesselI1e": F.bessel_i1e,
}
globals().update({n: _prim(n, fn, f"``ops.{n}()``: calls ``ops.{fn.__name__}``.")
                  for n, fn in _SIMPLE.items()})


class GeLU(Primitive):
    """``ops.GeLU()(x)``: the tanh form of GELU, as MindSpore 2.10's primitive computes it (the
    function ``ops.gelu`` defaults to the exact erf form)."""

    def __call__(self, x):
        return F.gelu(x, "tanh")


class Unique(Primitive):
    """``ops.Unique()(x)``: ``(y, idx)`` as :func:`ops.unique`, the indices Int32 as MindSpore
    2.10's primitive returns them."""

    def __call__(self, x):
        y, idx = F.unique(x)
        return y, idx.astype(mstype.int32)


class Zeros(Primitive):
    """``ops.Zeros()(shape, dtype)``."""

    def __call__(self, size, dtype):
        return F.zeros(size, dtype)


class Ones(Primitive):
    """``ops.Ones()(shape, dtype)``."""

    def __call__(self, size, dtype):
        return F.ones(size, dtype)


class Fill(Primitive):
    """``ops.Fill()(type, shape, value)``."""

    def __call__(self, type, shape, value):  # noqa: A002 - MindSpore's argument name
        return _C.full(tuple(shape), value, type)


class Eye(Primitive):
    """``ops.Eye()(n, m, t)``: the ``n × m`` identity of dtype ``t``."""

    def __call__(self, n, m, t):
        return F.eye(n, m, t)


class Range(Primitive):
    """``ops.Range(maxlen=1000000)(start, limit, delta)``."""

    def __init__(self, maxlen=1000000):
        self.maxlen = maxlen

    def __call__(self, start, limit, delta):
        return F.range(start, limit, delta, self.maxlen)


class LinSpace(Primitive):
    """``ops.LinSpace()(start, stop, num)``."""

    def __call__(self, start, stop, num):
        return F.linspace(start, stop, num)


class _ArgWithValue(Primitive):
    _method = None

    def __init__(self, axis=0, keep_dims=False):
        self.axis, self.keep_dims = axis, keep_dims

    def __call__(self, x):
        values, index = getattr(F, self._method)(x, self.axis, self.keep_dims)
        return index, values


class ArgMaxWithValue(_ArgWithValue):
    """``ops.ArgMaxWithValue(axis=0, keep_dims=False)(x)``: ``(index, value)`` — the index first,
    Int64, as MindSpore 2.10 returns them."""

    _method = "max"


class ArgMinWithValue(_ArgWithValue):
    """``ops.ArgMinWithValue(axis=0, keep_dims=False)(x)``: ``(index, value)``."""

    _method = "min"


class Argmin(Primitive):
    """``ops.Argmin(axis=-1, output_type=mstype.int32)(x)``."""

    def __init__(self, axis=-1, output_type=mstype.int32):
        self.axis, self.output_type = axis, output_type

    def __call__(self, x):
        return _tensor("Argmin", "x", x).argmin(self.axis).astype(self.output_type)


class _Reduce(Primitive):
    _fn = None

    def __init__(self, keep_dims=False):
        self.keep_dims = keep_dims

    def __call__(self, x, axis=()):
        return type(self)._fn(x, None if axis == () else axis, self.keep_dims)


class ReduceMin(_Reduce):
    """``ops.ReduceMin(keep_dims=False)(x, axis=())``."""

    _fn = staticmethod(lambda x, a, k: F.amin(x, a, k))


class ReduceProd(_Reduce):
    """``ops.ReduceProd(keep_dims=False)(x, axis=())``."""

    _fn = staticmethod(lambda x, a, k: F.prod(x, a, k))


class ReduceAll(_Reduce):
    """``ops.ReduceAll(keep_dims=False)(x, axis=())``."""

    _fn = staticmethod(lambda x, a, k: F.all(x, a, k))


class ReduceAny(_Reduce):
    """``ops.ReduceAny(keep_dims=False)(x, axis=())``."""

    _fn = staticmethod(lambda x, a, k: F.any(x, a, k))


class CumSum(Primitive):
    """``ops.CumSum(exclusive=False, reverse=False)(x, axis)``: running sums; ``exclusive`` leaves
    each element out of its own sum, ``reverse`` sums from the end."""

    def __init__(self, exclusive=False, reverse=False):
        self.exclusive, self.reverse = bool(exclusive), bool(reverse)

    def __call__(self, x, axis):
        x = _tensor("CumSum", "x", x)
        if self.reverse:
            x = F.flip(x, (axis,))
        out = x.cumsum(axis)
        if self.exclusive:
            out = out - x
        return F.flip(out, (axis,)) if self.reverse else out


class BroadcastTo(Primitive):
    """``ops.BroadcastTo(shape)(x)`` (``-1`` keeps a dimension)."""

    def __init__(self, shape):
        self.shape = tuple(shape)

    def __call__(self, x):
        return _tensor("BroadcastTo", "x", x).broadcast_to(self.shape)


class LogSoftmax(Primitive):
    """``ops.LogSoftmax(axis=-1)(x)``."""

    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, x):
        return F.log_softmax(x, self.axis)


class Elu(Primitive):
    """``ops.Elu(alpha=1.0)(x)``."""

    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def __call__(self, x):
        return F.elu(x, self.alpha)


class Unstack(Primitive):
    """``ops.Unstack(axis=0, num=None)(x)``: the slices of ``x`` along ``axis``, as a tuple."""

    def __init__(self, axis=0, num=None):
        self.axis, self.num = axis, num

    def __call__(self, x):
        if _tensor("Unstack", "x", x).ndim == 0:
            raise ShapeError("For 'Unstack', the input must have at least one axis.")
        axis = self.axis % x.ndim
        if self.num is not None and self.num != x.shape[axis]:
            raise ShapeError(f"For 'Unstack', 'num' {self.num} must equal axis {axis} of shape {list(x.shape)}.")
        return tuple(x[(slice(None),) * axis + (i,)] for i in range(x.shape[axis]))


class Einsum(Primitive):
    """``ops.Einsum(equation)(operands)``: ``operands`` a tuple of tensors."""

    def __init__(self, equation):
        self.equation = equation

    def __call__(self, operands):
        return F.einsum(self.equation, *operands)


class SoftmaxCrossEntropyWithLogits(Primitive):
    """``ops.SoftmaxCrossEntropyWithLogits()(logits, labels)``: ``(loss, dlogits)``, the per-row
    loss ``-Σ labels·log_softmax(logits)`` and its gradient ``softmax(logits) - labels``."""

    def __call__(self, logits, labels):
        op = "SoftmaxCrossEntropyWithLogits"
        logits, labels = _tensor(op, "logits", logits), _tensor(op, "labels", labels)
        if logits.ndim != 2 or tuple(labels.shape) != tuple(logits.shape):
            raise ShapeError(f"For 'SoftmaxCrossEntropyWithLogits', 'logits' and 'labels' must both be "
                             f"[N, C], but got {list(logits.shape)} and {list(labels.shape)}.")
        logp = F.log_softmax(logits, -1)
        return -(labels * logp).sum(-1), logp.exp() - labels


class SparseSoftmaxCrossEntropyWithLogits(Primitive):
    """``ops.SparseSoftmaxCrossEntropyWithLogits(is_grad=False)(logits, labels)``: the mean cross
    entropy of ``[N, C]`` logits against Int32/Int64 class indices ``[N]``; with ``is_grad`` its
    gradient with respect to the logits."""

    def __init__(self, is_grad=False):
        self.is_grad = bool(is_grad)

    def __call__(self, logits, labels):
        op = "SparseSoftmaxCrossEntropyWithLogits"
        logits, labels = _tensor(op, "logits", logits), _tensor(op, "labels", labels)
        if labels.dtype not in (mstype.int32, mstype.int64):
            raise DTypeError(f"For 'SparseSoftmaxCrossEntropyWithLogits', 'labels' must be Int32 or "
                             f"Int64, but got {labels.dtype}.")
        if logits.ndim != 2 or tuple(labels.shape) != tuple(logits.shape[:1]):
            raise ShapeError(f"For 'SparseSoftmaxCrossEntropyWithLogits', 'logits' [N, C] and 'labels' "
                             f"[N] do not match: {list(logits.shape)} and {list(labels.shape)}.")
        onehot = F.one_hot(labels, logits.shape[1], Tensor(1, logits.dtype), Tensor(0, logits.dtype))
        logp = F.log_softmax(logits, -1)
        if self.is_grad:
            return (logp.exp() - onehot) / logits.shape[0]
        return -(onehot * logp).sum(-1).mean()


class BiasAdd(Primitive):
    """``ops.BiasAdd(data_format='NCHW')(input_x, bias)``."""

    def __init__(self, data_format="NCHW"):
        if data_format not in ("NCHW", "NCDHW"):
            raise ShapeError(f"For 'BiasAdd', only the channels-first formats are supported, got {data_format!r}.")
        self.data_format = data_format

    def __call__(self, input_x, bias):
        return F.bias_add(input_x, bias)


class Print(Primitive):
    """``ops.Print()(*inputs)``: prints strings and tensors (a tensor as its ``repr``)."""

    def __call__(self, *inputs):
        print("\n".join(repr(v) if isinstance(v, Tensor) else str(v) for v in inputs))


class Identity(Primitive):
    """``ops.Identity()(x)``: a copy of ``x``."""

    def __call__(self, x):
        return x.copy() if isinstance(x, Tensor) else x


class L2Normalize(Primitive):
    """``ops.L2Normalize(axis=0, epsilon=1e-4)(x)``: ``x / sqrt(max(Σ x², epsilon))`` over ``axis``."""

    def __init__(self, axis=0, epsilon=1e-4):
        self.axis = axis[0] if isinstance(axis, (tuple, list)) else axis
        self.epsilon = float(epsilon)

    def __call__(self, x):
        x = _tensor("L2Normalize", "x", x)
        return x / _C.maximum((x * x).sum(self.axis, None, True), Tensor(self.epsilon, x.dtype)).sqrt()


class _Random(Primitive):
    def __init__(self, seed=0, seed2=0):
        self.seed, self.seed2 = seed, seed2


class UniformReal(_Random):
    """``ops.UniformReal(seed=0, seed2=0)(shape)``: Float32 samples uniform in ``[0, 1)``."""

    def __call__(self, shape):
        return F.uniform(shape, 0.0, 1.0, self.seed or None)


class StandardNormal(_Random):
    """``ops.StandardNormal(seed=0, seed2=0)(shape)``: Float32 ``N(0, 1)`` samples."""

    def __call__(self, shape):
        return F.standard_normal(shape, self.seed)


class UniformInt(_Random):
    """``ops.UniformInt(seed=0, seed2=0)(shape, minval, maxval)``: Int32 samples in ``[minval, maxval)``."""

    def __call__(self, shape, minval, maxval):
        lo = minval.astype(mstype.int32) if isinstance(minval, Tensor) else Tensor(int(minval), mstype.int32)
        hi = maxval.astype(mstype.int32) if isinstance(maxval, Tensor) else Tensor(int(maxval), mstype.int32)
        return F.uniform(shape, lo, hi, self.seed or None, mstype.int32)


class StridedSlice(Primitive):
    """``ops.StridedSlice(begin_mask, end_mask, ellipsis_mask, new_axis_mask,
    shrink_axis_mask)(x, begin, end, strides)``: bit ``i`` of a mask applies to entry ``i`` of
    ``begin``/``end``/``strides`` (ignore the begin, the end; an ellipsis; a new axis; take the
    single element ``begin[i]`` and drop the axis)."""

    def __init__(self, begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=0):
        self.masks = (begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask)

    def __call__(self, x, begin, end, strides):
        x = _tensor("StridedSlice", "x", x)
        if not all(isinstance(v, (tuple, list)) for v in (begin, end, strides)):
            raise DTypeError(f"For 'StridedSlice', 'begin', 'end' and 'strides' must be tuples of ints, "
                             f"but got {begin!r}, {end!r}, {strides!r}.")
        if not len(begin) == len(end) == len(strides):
            raise ShapeError(f"For 'StridedSlice', 'begin', 'end' and 'strides' must have the same "
                             f"length, but got {begin}, {end}, {strides}.")
        bm, em, elm, nm, sm = self.masks
        index = []
        for i, (b, e, s) in enumerate(zip(begin, end, strides)):
            bit = 1 << i
            if s == 0:
                raise ShapeError("For 'StridedSlice', the strides must not be 0.")
            if elm & bit:
                index.append(Ellipsis)
            elif nm & bit:
                index.append(None)
            elif sm & bit:
                index.append(int(b))
            else:
                index.append(slice(None if bm & bit else int(b), None if em & bit else int(e), int(s)))
        return x[tuple(index)]


class Slice(Primitive):
    """``ops.Slice()(x, begin, size)``: ``size[i]`` elements from ``begin[i]`` on each axis
    (``-1``: to the end)."""

    def __call__(self, x, begin, size):
        x = _tensor("Slice", "x", x)
        if not isinstance(begin, (tuple, list)) or not isinstance(size, (tuple, list)):
            raise DTypeError(f"For 'Slice', 'begin' and 'size' must be tuples of ints, but got "
                             f"{begin!r} and {size!r}.")
        if len(begin) != x.ndim or len(size) != x.ndim:
            raise ShapeError(f"For 'Slice', 'begin' and 'size' need one entry per axis of shape "
                             f"{list(x.shape)}, but got {begin} and {size}.")
        idx = []
        for b, s, n in zip(begin, size, x.shape):
            end = n if s == -1 else b + s
            if b < 0 or end > n or end < b:
                raise ShapeError(f"For 'Slice', begin {list(begin)} and size {list(size)} exceed shape "
                                 f"{list(x.shape)}.")
            idx.append(slice(int(b), int(end)))
        return x[tuple(idx)]


class Tril(Primitive):
    """``ops.Tril(diagonal=0)(x)``."""

    def __init__(self, diagonal=0):
        self.diagonal = diagonal

    def __call__(self, x):
        return F.tril(x, self.diagonal)


class Triu(Tril):
    """``ops.Triu(diagonal=0)(x)``."""

    def __call__(self, x):
        return F.triu(x, self.diagonal)


class Roll(Primitive):
    """``ops.Roll(shifts, dims=None)(x)``."""

    def __init__(self, shifts, dims=None):
        self.shifts, self.dims = shifts, dims

    def __call__(self, x):
        return F.roll(x, self.shifts, self.dims)


class ReverseV2(Primitive):
    """``ops.ReverseV2(axis)(x)``: :func:`ops.flip`."""

    def __init__(self, axis):
        self.axis = tuple(axis)

    def __call__(self, x):
        return F.flip(x, self.axis)


class Cummax(Primitive):
    """``ops.Cummax(axis)(x)``: ``(values, indices)``."""

    def __init__(self, axis):
        self.axis = axis

    def __call__(self, x):
        return F.cummax(x, self.axis)


class Cummin(Cummax):
    """``ops.Cummin(axis)(x)``: ``(values, indices)``."""

    def __call__(self, x):
        return F.cummin(x, self.axis)


class IndexAdd(Primitive):
    """``ops.IndexAdd(axis, use_lock=True, check_index_bound=True)(x, indices, y)``."""

    def __init__(self, axis, use_lock=True, check_index_bound=True):
        self.axis, self.check_index_bound = axis, check_index_bound

    def __call__(self, x, indices, y):
        return F.index_add(x, indices, y, self.axis, True, self.check_index_bound)


class ScatterAdd(Primitive):
    """``ops.ScatterAdd(use_locking=False)(input_x, indices, updates)``."""

    def __init__(self, use_locking=False):
        self.use_locking = use_locking

    def __call__(self, input_x, indices, updates):
        return F.scatter_add(input_x, indices, updates)


class Flatten(Primitive):
    """``ops.Flatten()(x)``: ``[N, -1]``."""

    def __call__(self, x):
        x = _tensor("Flatten", "x", x)
        return x.reshape(x.shape[0] if x.ndim else 1, -1)


class DType(Primitive):
    """``ops.DType()(x)``: the dtype of ``x``."""

    def __call__(self, x):
        return _tensor("DType", "x", x).dtype


class Conv2D(Primitive):
    """``ops.Conv2D(out_channel, kernel_size, mode=1, pad_mode='valid', pad=0, stride=1,
    dilation=1, group=1)(x, weight)``: :func:`ops.conv2d`; ``pad`` an int or ``(top, bottom,
    left, right)``."""

    def __init__(self, out_channel, kernel_size, mode=1, pad_mode="valid", pad=0, stride=1, dilation=1,
                 group=1, data_format="NCHW"):
        if data_format != "NCHW":
            raise ShapeError(f"For 'Conv2D', only data_format='NCHW' is supported, got {data_format!r}.")
        last2 = (lambda v: v if isinstance(v, int) else tuple(v)[-2:])
        self.out_channel, self.kernel_size = out_channel, kernel_size
        self.pad_mode, self.pad = pad_mode.lower(), pad
        self.stride, self.dilation, self.group = last2(stride), last2(dilation), group

    def __call__(self, x, weight):
        if _tensor("Conv2D", "weight", weight).ndim != 4 or weight.shape[0] != self.out_channel:
            raise ShapeError(f"For 'Conv2D', 'weight' must have {self.out_channel} output channels, "
                             f"but got shape {list(weight.shape)}.")
        pad = self.pad if isinstance(self.pad, int) else tuple(self.pad)
        return F.conv2d(x, weight, None, self.stride, self.pad_mode, pad, self.dilation, self.group)


__all__ = list(_SIMPLE) + [
    name for name, v in list(globals().items())
    if isinstance(v, type) and issubclass(v, Primitive) and not name.startswith("_")
    and name != "Primitive" and name not in _SIMPLE]

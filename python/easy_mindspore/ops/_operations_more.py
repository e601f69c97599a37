"""``mindspore.ops.operations``, part two (re-exported by ``operations``): the primitive classes
over the functions of ``ops.function``, each with MindSpore 2.x's constructor arguments and call
arguments, its ``__call__`` calling the function."""

from . import functional as F
from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .function._args import tensor_arg as _tensor
from .function._complex_func import complex_abs as _complex_abs
from .operations import Primitive


def _prim(name, fn, doc):
    """A primitive class with no constructor arguments whose call is ``fn``."""
    def __call__(self, *args):
        return fn(*args)
    return type(name, (Primitive,), {"__call__": __call__, "__doc__": doc})


_SIMPLE = {
    "Real": F.real, "Imag": F.imag, "Conj": F.conj, "Angle": F.angle, "Complex": F.complex,
    "ComplexAbs": _complex_abs,
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
    function ``ops.gelu`` defaults to the exact erf form).

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.GeLU()(x))
        [-0.10042843  0.          2.4849157 ]
    """

    def __call__(self, x):
        return F.gelu(x, "tanh")


class Unique(Primitive):
    """``ops.Unique()(x)``: ``(y, idx)`` as :func:`ops.unique` (the indices Int64 for an Int64
    input, Int32 otherwise, as MindSpore 2.10's primitive returns them).

    Outputs:
        tuple(Tensor, Tensor), the distinct elements and, for each input element, the index of its
        value in them.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([3, 1, 3, 2], ms.int32)
        >>> out, idx = ops.Unique()(x)
        >>> print(out)
        [3 1 2]
        >>> print(idx)
        [0 1 0 2]
    """

    def __call__(self, x):
        return F.unique(x)


class Zeros(Primitive):
    """``ops.Zeros()(shape, dtype)``.

    Outputs:
        Tensor of shape `size`, filled with zeros.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Zeros()((2, 2), ms.float32))
        [[0. 0.]
         [0. 0.]]
    """

    def __call__(self, size, dtype):
        return F.zeros(size, dtype)


class Ones(Primitive):
    """``ops.Ones()(shape, dtype)``.

    Outputs:
        Tensor of shape `size`, filled with ones.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Ones()((2, 2), ms.float32))
        [[1. 1.]
         [1. 1.]]
    """

    def __call__(self, size, dtype):
        return F.ones(size, dtype)


class Fill(Primitive):
    """``ops.Fill()(type, shape, value)``.

    Outputs:
        Tensor of shape `shape` and dtype `type`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Fill()(ms.float32, (2, 2), 3.0))
        [[3. 3.]
         [3. 3.]]
    """

    def __call__(self, type, shape, value):  # noqa: A002 - MindSpore's argument name
        return _C.full(tuple(shape), value, type)


class Eye(Primitive):
    """``ops.Eye()(n, m, t)``: the ``n × m`` identity of dtype ``t``.

    Outputs:
        Tensor of shape ``[n, m]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Eye()(2, 3, ms.int32))
        [[1 0 0]
         [0 1 0]]
    """

    def __call__(self, n, m, t):
        return F.eye(n, m, t)


class Range(Primitive):
    """``ops.Range(maxlen=1000000)(start, limit, delta)``.

    Args:
        maxlen (int, optional): The largest number of elements allowed. Default: ``1000000``.

    Outputs:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Range()(ms.Tensor(0, ms.int32), ms.Tensor(6, ms.int32), ms.Tensor(2, ms.int32)))
        [0 2 4]
    """

    def __init__(self, maxlen=1000000):
        self.maxlen = maxlen

    def __call__(self, start, limit, delta):
        return F.range(start, limit, delta, self.maxlen)


class LinSpace(Primitive):
    """``ops.LinSpace()(start, stop, num)``.

    Outputs:
        Tensor, 1-D, of `steps` elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.LinSpace()(ms.Tensor(0.0, ms.float32), ms.Tensor(1.0, ms.float32), 5))
        [0.   0.25 0.5  0.75 1.  ]
    """

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
    Int64, as MindSpore 2.10 returns them.

    Args:
        axis (int, optional): The axis. Default: ``0``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        tuple(Tensor, Tensor), the index (Int64) and the value of the maximum along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ArgMaxWithValue()(x))
        (Tensor(shape=[], dtype=Int64, value= 2), Tensor(shape=[], dtype=Float32, value= 2.5))
    """

    _method = "max"


class ArgMinWithValue(_ArgWithValue):
    """``ops.ArgMinWithValue(axis=0, keep_dims=False)(x)``: ``(index, value)``.

    Args:
        axis (int, optional): The axis. Default: ``0``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        tuple(Tensor, Tensor), the index (Int64) and the value of the minimum along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ArgMinWithValue()(x))
        (Tensor(shape=[], dtype=Int64, value= 0), Tensor(shape=[], dtype=Float32, value= -1.5))
    """

    _method = "min"


class Argmin(Primitive):
    """``ops.Argmin(axis=-1, output_type=mstype.int32)(x)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        output_type (mindspore.dtype, optional): The dtype of the indices. Default:
            ``mstype.int32``.

    Outputs:
        Tensor of int, the indices of the minima along `axis` (of the flattened input when `axis` is
        None).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Argmin()(x))
        0
    """

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
    """``ops.ReduceMin(keep_dims=False)(x, axis=())``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceMin()(x))
        -1.5
    """

    _fn = staticmethod(lambda x, a, k: F.amin(x, a, k))


class ReduceProd(_Reduce):
    """``ops.ReduceProd(keep_dims=False)(x, axis=())``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceProd()(x))
        -0.0
    """

    _fn = staticmethod(lambda x, a, k: F.prod(x, a, k))


class ReduceAll(_Reduce):
    """``ops.ReduceAll(keep_dims=False)(x, axis=())``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceAll()(x))
        False
    """

    _fn = staticmethod(lambda x, a, k: F.all(x, a, k))


class ReduceAny(_Reduce):
    """``ops.ReduceAny(keep_dims=False)(x, axis=())``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceAny()(x))
        True
    """

    _fn = staticmethod(lambda x, a, k: F.any(x, a, k))


class CumSum(Primitive):
    """``ops.CumSum(exclusive=False, reverse=False)(x, axis)``: running sums; ``exclusive`` leaves
    each element out of its own sum, ``reverse`` sums from the end.

    Args:
        exclusive (bool, optional): Whether each output excludes its own element. Default:
            ``False``.
        reverse (bool, optional): Whether to accumulate from the end. Default: ``False``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.CumSum()(x, 1))
        [[ 1.  3.  6.]
         [ 4.  9. 15.]]
    """

    def __init__(self, exclusive=False, reverse=False):
        self.exclusive, self.reverse = bool(exclusive), bool(reverse)

    def __call__(self, x, axis):
        x = _tensor("CumSum", "x", x)
        if self.reverse:
            x = F.flip(x, (axis,))
        out = x.cumsum(axis, dtype=x.dtype)
        if self.exclusive:
            out = out - x
        return F.flip(out, (axis,)) if self.reverse else out


class BroadcastTo(Primitive):
    """``ops.BroadcastTo(shape)(x)`` (``-1`` keeps a dimension).

    Args:
        shape (Union[tuple[int], list[int]]): The shape.

    Outputs:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.BroadcastTo((2, 2))(x))
        [[1. 2.]
         [1. 2.]]
    """

    def __init__(self, shape):
        self.shape = tuple(shape)

    def __call__(self, x):
        return _tensor("BroadcastTo", "x", x).broadcast_to(self.shape)


class LogSoftmax(Primitive):
    """``ops.LogSoftmax(axis=-1)(x)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.LogSoftmax()(x))
        [-4.0956745  -2.5956743  -0.09567428]
    """

    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, x):
        return F.log_softmax(x, self.axis)


class Elu(Primitive):
    """``ops.Elu(alpha=1.0)(x)``.

    Args:
        alpha (float, optional): The scale α of the negative part. Default: ``1.0``.

    Outputs:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Elu()(x))
        [-0.77686983  0.          2.5       ]
    """

    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def __call__(self, x):
        return F.elu(x, self.alpha)


class Unstack(Primitive):
    """``ops.Unstack(axis=0, num=None)(x)``: the slices of ``x`` along ``axis``, as a tuple.

    Args:
        axis (int, optional): The axis. Default: ``0``.
        num (int, optional): The number of values. Default: ``None``.

    Outputs:
        tuple(Tensor), the slices along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Unstack(axis=0)(x))
        (Tensor(shape=[3], dtype=Float32, value= [ 1.00000000e+00,  2.00000000e+00,  3.00000000e+00]), Tensor(shape=[3], dtype=Float32, value= [ 4.00000000e+00,  5.00000000e+00,  6.00000000e+00]))
    """

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
    """``ops.Einsum(equation)(operands)``: ``operands`` a tuple of tensors.

    Args:
        equation (str): The subscripts, e.g. ``'ij,jk->ik'``.

    Outputs:
        Tensor, of the shape the output subscripts describe.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> print(ops.Einsum('ij,jk->ik')((x, x)))
        [[ 2. -2.]
         [-8. 10.]]
    """

    def __init__(self, equation):
        self.equation = equation

    def __call__(self, operands):
        return F.einsum(self.equation, *operands)


class SoftmaxCrossEntropyWithLogits(Primitive):
    """``ops.SoftmaxCrossEntropyWithLogits()(logits, labels)``: ``(loss, dlogits)``, the per-row
    loss ``-Σ labels·log_softmax(logits)`` and its gradient ``softmax(logits) - labels``.

    Outputs:
        tuple(Tensor, Tensor), the loss per row ``[N]`` and its gradient with respect to the logits
        ``[N, C]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> logits = ms.Tensor([[2.0, 0.5], [0.1, 0.2]], ms.float32)
        >>> labels = ms.Tensor([[1.0, 0.0], [0.0, 1.0]], ms.float32)
        >>> loss, dlogits = ops.SoftmaxCrossEntropyWithLogits()(logits, labels)
        >>> print(loss)
        [0.2014134  0.64439666]
    """

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
    gradient with respect to the logits.

    Args:
        is_grad (bool, optional): Whether to return the gradient instead of the loss. Default:
            ``False``.

    Outputs:
        Tensor, 0-D: the mean loss (the gradient when `is_grad`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> logits = ms.Tensor([[2.0, 0.5], [0.1, 0.2]], ms.float32)
        >>> labels = ms.Tensor([0, 1], ms.int32)
        >>> print(ops.SparseSoftmaxCrossEntropyWithLogits()(logits, labels))
        0.42290503
    """

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
    """``ops.BiasAdd(data_format='NCHW')(input_x, bias)``.

    Args:
        data_format (str, optional): ``'NCHW'`` (the one supported layout). Default: ``'NCHW'``.

    Outputs:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros((2, 3), ms.float32)
        >>> b = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> print(ops.BiasAdd()(x, b))
        [[1. 2. 3.]
         [1. 2. 3.]]
    """

    def __init__(self, data_format="NCHW"):
        if data_format not in ("NCHW", "NCDHW"):
            raise ShapeError(f"For 'BiasAdd', only the channels-first formats are supported, got {data_format!r}.")
        self.data_format = data_format

    def __call__(self, input_x, bias):
        return F.bias_add(input_x, bias)


class Print(Primitive):
    """``ops.Print()(*inputs)``: prints strings and tensors (a tensor as its ``repr``).

    Outputs:
        None.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> ops.Print()('x:', x)
        x:
        Tensor(shape=[3], dtype=Float32, value= [-1.50000000e+00,  0.00000000e+00,  2.50000000e+00])
    """

    def __call__(self, *inputs):
        print("\n".join(repr(v) if isinstance(v, Tensor) else str(v) for v in inputs))


class Identity(Primitive):
    """``ops.Identity()(x)``: a copy of ``x``.

    Outputs:
        Tensor, a copy of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Identity()(x))
        [-1.5  0.   2.5]
    """

    def __call__(self, x):
        return x.copy() if isinstance(x, Tensor) else x


class L2Normalize(Primitive):
    """``ops.L2Normalize(axis=0, epsilon=1e-4)(x)``: ``x / sqrt(max(Σ x², epsilon))`` over ``axis``.

    Args:
        axis (int, optional): The axis. Default: ``0``.
        epsilon (float, optional): A small value added for numerical stability. Default: ``0.0001``.

    Outputs:
        Tensor, of the shape of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.L2Normalize()(x))
        [-0.5144958  0.         0.857493 ]
    """

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
    """``ops.UniformReal(seed=0, seed2=0)(shape)``: Float32 samples uniform in ``[0, 1)``.

    Args:
        seed (int, optional): The random seed; None draws from the global generator. Default: ``0``.
        seed2 (int, optional): A second seed (MindSpore's; kept for compatibility). Default: ``0``.

    Outputs:
        Tensor of Float32 of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.UniformReal(seed=2)((2, 3)).shape)
        (2, 3)
    """

    def __call__(self, shape):
        return F.uniform(shape, 0.0, 1.0, self.seed or None)


class StandardNormal(_Random):
    """``ops.StandardNormal(seed=0, seed2=0)(shape)``: Float32 ``N(0, 1)`` samples.

    Args:
        seed (int, optional): The random seed; None draws from the global generator. Default: ``0``.
        seed2 (int, optional): A second seed (MindSpore's; kept for compatibility). Default: ``0``.

    Outputs:
        Tensor of Float32 of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.StandardNormal(seed=2)((2, 3)).shape)
        (2, 3)
    """

    def __call__(self, shape):
        return F.standard_normal(shape, self.seed)


class UniformInt(_Random):
    """``ops.UniformInt(seed=0, seed2=0)(shape, minval, maxval)``: Int32 samples in ``[minval, maxval)``.

    Args:
        seed (int, optional): The random seed; None draws from the global generator. Default: ``0``.
        seed2 (int, optional): A second seed (MindSpore's; kept for compatibility). Default: ``0``.

    Outputs:
        Tensor of Int32 of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.UniformInt(seed=2)((2, 3), ms.Tensor(0, ms.int32), ms.Tensor(5, ms.int32)).shape)
        (2, 3)
    """

    def __call__(self, shape, minval, maxval):
        lo = minval.astype(mstype.int32) if isinstance(minval, Tensor) else Tensor(int(minval), mstype.int32)
        hi = maxval.astype(mstype.int32) if isinstance(maxval, Tensor) else Tensor(int(maxval), mstype.int32)
        return F.uniform(shape, lo, hi, self.seed or None, mstype.int32)


class StridedSlice(Primitive):
    """``ops.StridedSlice(begin_mask, end_mask, ellipsis_mask, new_axis_mask,
    shrink_axis_mask)(x, begin, end, strides)``: bit ``i`` of a mask applies to entry ``i`` of
    ``begin``/``end``/``strides`` (ignore the begin, the end; an ellipsis; a new axis; take the
    single element ``begin[i]`` and drop the axis).

    Args:
        begin_mask (int, optional): The bit mask begin_mask (bit i for axis i), as MindSpore's.
            Default: ``0``.
        end_mask (int, optional): The bit mask end_mask (bit i for axis i), as MindSpore's. Default:
            ``0``.
        ellipsis_mask (int, optional): The bit mask ellipsis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.
        new_axis_mask (int, optional): The bit mask new_axis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.
        shrink_axis_mask (int, optional): The bit mask shrink_axis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.

    Outputs:
        Tensor, the selected elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.StridedSlice()(x, (0, 0), (2, 3), (1, 2)))
        [[1. 3.]
         [4. 6.]]
    """

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
    (``-1``: to the end).

    Outputs:
        Tensor of shape `size` (the ``-1`` entries resolved).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Slice()(x, (0, 1), (2, 2)))
        [[2. 3.]
         [5. 6.]]
    """

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
    """``ops.Tril(diagonal=0)(x)``.

    Args:
        diagonal (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(ops.Tril()(x))
        [[1. 0.]
         [3. 4.]]
    """

    def __init__(self, diagonal=0):
        self.diagonal = diagonal

    def __call__(self, x):
        return F.tril(x, self.diagonal)


class Triu(Tril):
    """``ops.Triu(diagonal=0)(x)``.

    Args:
        diagonal (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(ops.Triu()(x))
        [[1. 2.]
         [0. 4.]]
    """

    def __call__(self, x):
        return F.triu(x, self.diagonal)


class Roll(Primitive):
    """``ops.Roll(shifts, dims=None)(x)``.

    Args:
        shifts (Union[int, tuple[int]]): The number of places to shift by.
        dims (Union[int, tuple[int], list[int]], optional): The axes. Default: ``None``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Roll(1, 1)(x))
        [[3. 1. 2.]
         [6. 4. 5.]]
    """

    def __init__(self, shifts, dims=None):
        self.shifts, self.dims = shifts, dims

    def __call__(self, x):
        return F.roll(x, self.shifts, self.dims)


class ReverseV2(Primitive):
    """``ops.ReverseV2(axis)(x)``: :func:`ops.flip`.

    Args:
        axis (int, optional): The axis.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.ReverseV2(axis=(1,))(x))
        [[3. 2. 1.]
         [6. 5. 4.]]
    """

    def __init__(self, axis):
        self.axis = tuple(axis)

    def __call__(self, x):
        return F.flip(x, self.axis)


class Cummax(Primitive):
    """``ops.Cummax(axis)(x)``: ``(values, indices)``.

    Args:
        axis (int, optional): The axis.

    Outputs:
        tuple(Tensor, Tensor), the running maxima and their Int64 indices, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 3.0, 2.0], ms.float32)
        >>> values, indices = ops.Cummax(axis=0)(x)
        >>> print(values)
        [1. 3. 3.]
        >>> print(indices)
        [0 1 1]
    """

    def __init__(self, axis):
        self.axis = axis

    def __call__(self, x):
        return F.cummax(x, self.axis)


class Cummin(Cummax):
    """``ops.Cummin(axis)(x)``: ``(values, indices)``.

    Args:
        axis (int, optional): The axis.

    Outputs:
        tuple(Tensor, Tensor), the running minima and their Int64 indices, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([3.0, 1.0, 2.0], ms.float32)
        >>> values, indices = ops.Cummin(axis=0)(x)
        >>> print(values)
        [3. 1. 1.]
        >>> print(indices)
        [0 1 1]
    """

    def __call__(self, x):
        return F.cummin(x, self.axis)


class IndexAdd(Primitive):
    """``ops.IndexAdd(axis, use_lock=True, check_index_bound=True)(x, indices, y)``.

    Args:
        axis (int): The axis along which to add.
        use_lock (bool, optional): Accepted for compatibility. Default: ``True``.
        check_index_bound (bool, optional): Whether to check the indices. Default: ``True``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Parameter(ops.zeros((2, 3), ms.float32))
        >>> idx = ms.Tensor([0, 2], ms.int32)
        >>> y = ops.ones((2, 2), ms.float32)
        >>> print(ops.IndexAdd(axis=1)(x, idx, y))
        [[1. 0. 1.]
         [1. 0. 1.]]
    """

    def __init__(self, axis, use_lock=True, check_index_bound=True):
        self.axis, self.check_index_bound = axis, check_index_bound

    def __call__(self, x, indices, y):
        return F.index_add(x, indices, y, self.axis, True, self.check_index_bound)


class ScatterAdd(Primitive):
    """``ops.ScatterAdd(use_locking=False)(input_x, indices, updates)``.

    Args:
        use_locking (bool, optional): Accepted for compatibility (updates are not concurrent).
            Default: ``False``.

    Outputs:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Parameter(ops.zeros((3, 2), ms.float32))
        >>> idx = ms.Tensor([0, 2], ms.int32)
        >>> upd = ops.ones((2, 2), ms.float32)
        >>> out = ops.ScatterAdd()(x, idx, upd)
        >>> print(x.value())
        [[1. 1.]
         [0. 0.]
         [1. 1.]]
    """

    def __init__(self, use_locking=False):
        self.use_locking = use_locking

    def __call__(self, input_x, indices, updates):
        return F.scatter_add(input_x, indices, updates)


class Flatten(Primitive):
    """``ops.Flatten()(x)``: ``[N, -1]``.

    Outputs:
        Tensor, with the axes `start_dim` to `end_dim` merged into one.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 3, 4), ms.float32)
        >>> print(ops.Flatten()(x).shape)
        (2, 12)
    """

    def __call__(self, x):
        x = _tensor("Flatten", "x", x)
        return x.reshape(x.shape[0] if x.ndim else 1, -1)


class DType(Primitive):
    """``ops.DType()(x)``: the dtype of ``x``.

    Outputs:
        mindspore.dtype, the dtype of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.DType()(x))
        Float32
    """

    def __call__(self, x):
        return _tensor("DType", "x", x).dtype


class Conv2D(Primitive):
    """``ops.Conv2D(out_channel, kernel_size, mode=1, pad_mode='valid', pad=0, stride=1,
    dilation=1, group=1)(x, weight)``: :func:`ops.conv2d`; ``pad`` an int or ``(top, bottom,
    left, right)``.

    Args:
        out_channel (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The kernel height and width.
        mode (int, optional): 1, the cross-correlation (the one mode). Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        pad (Union[int, tuple[int]], optional): The padding for ``'pad'``. Default: ``0``.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        dilation (Union[int, tuple[int]], optional): The dilation. Default: ``1``.
        group (int, optional): The number of channel groups. Default: ``1``.
        data_format (str, optional): ``'NCHW'``. Default: ``'NCHW'``.

    Outputs:
        Tensor of shape ``[N, O, H_out, W_out]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> w = ops.ones((1, 1, 2, 2), ms.float32)
        >>> print(ops.Conv2D(out_channel=1, kernel_size=2)(x, w))
        [[[[10. 14. 18.]
           [26. 30. 34.]
           [42. 46. 50.]]]]
    """

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

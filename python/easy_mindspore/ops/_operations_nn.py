"""``mindspore.ops.operations`` network primitives (re-exported by ``_operations_more``):
the activations ``GeLU``, ``LogSoftmax``, ``Elu``, the losses
``SoftmaxCrossEntropyWithLogits``/``SparseSoftmaxCrossEntropyWithLogits``, ``BiasAdd``,
``L2Normalize``, the seeded draws ``UniformReal``, ``StandardNormal``, ``UniformInt`` and
``Conv2D``. Each keeps MindSpore 2.x's constructor and call arguments; its ``__call__`` calls the
function of ``ops.function``."""
from . import functional as F
from .. import _C
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from .function._args import tensor_arg as _tensor
from .operations import Primitive


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
        data_format (str, optional): ``'NCHW'`` or ``'NCDHW'`` (the bias is added along axis 1)
            or ``'NHWC'`` (along the last axis). Default: ``'NCHW'``.

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
        if data_format not in ("NCHW", "NCDHW", "NHWC"):
            raise ShapeError(f"For 'BiasAdd', 'data_format' must be one of 'NCHW', 'NCDHW' and 'NHWC', "
                             f"but got {data_format!r}.")
        self.data_format = data_format

    def __call__(self, input_x, bias):
        if self.data_format != "NHWC":
            return F.bias_add(input_x, bias)
        x, b = _tensor("BiasAdd", "input_x", input_x), _tensor("BiasAdd", "bias", bias)
        if x.ndim < 2 or b.ndim != 1 or b.shape[0] != x.shape[-1]:
            raise ShapeError(f"For 'BiasAdd', 'bias' must be 1-D with one value per channel (the last "
                             f"axis) of 'input_x', but got shapes {list(b.shape)} and {list(x.shape)}.")
        return x + b


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
        from ._seeded import check_seed
        op = type(self).__name__
        self.seed, self.seed2 = check_seed(op, "seed", seed), check_seed(op, "seed2", seed2)


def _draw(prim, op, kernel, shape):
    """The seeded primitive's draw of `shape` from MindSpore's `kernel` (see ``_seeded``)."""
    from ._seeded import graph_draw, seeds_of
    from .function.random_func import _shape
    return graph_draw(prim, kernel, seeds_of(prim), _shape(op, shape))


def _int32_bound(name, index, v):
    """A bound of ``UniformInt``: an Int32 scalar Tensor (MindSpore's checks), as an int."""
    if not isinstance(v, Tensor):
        from ._npu_ops import graph_type
        raise DTypeError(f"For primitive[UniformInt], the input[{index}] should be a Tensor, but got "
                         f"{graph_type(v)}.")
    if v.dtype != mstype.int32:
        raise DTypeError(f"For primitive[UniformInt], the input argument[{name}] must be a type of "
                         f"{{Tensor[Int32]}}, but got Tensor[{v.dtype}].")
    if v.ndim:
        which = "min" if index == 1 else "max"
        raise ShapeError(f"For UniformInt, the {which} value should be a scalar tensor, while the shape is: "
                         f"({', '.join(str(d) for d in v.shape)})")
    return int(v.asnumpy())


class UniformReal(_Random):
    """``ops.UniformReal(seed=0, seed2=0)(shape)``: Float32 samples uniform in ``[0, 1)``. With a
    seed, MindSpore's kernel of ``(seed, seed2)``: the instance's later calls of the same shape go
    on along its stream (see ``ops._seeded``); with both 0, unpredictable draws.

    Args:
        seed (int, optional): The random seed, >= 0. Default: ``0``.
        seed2 (int, optional): The second seed, >= 0. Default: ``0``.

    Outputs:
        Tensor of Float32 of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.UniformReal(seed=5)((3,)))
        [0.10628742 0.67376035 0.36783734]
    """

    def __call__(self, shape):
        if not (self.seed or self.seed2):
            return F.uniform(shape, 0.0, 1.0, None)
        return _draw(self, "UniformReal", _C.GraphKernel.uniform_real(), shape)


class StandardNormal(_Random):
    """``ops.StandardNormal(seed=0, seed2=0)(shape)``: Float32 ``N(0, 1)`` samples. With a seed,
    MindSpore's kernel of ``(seed, seed2)``: the instance's later calls of the same shape go on
    along its stream (see ``ops._seeded``); with both 0, unpredictable draws.

    Args:
        seed (int, optional): The random seed, >= 0. Default: ``0``.
        seed2 (int, optional): The second seed, >= 0. Default: ``0``.

    Outputs:
        Tensor of Float32 of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.StandardNormal(seed=5)((3,)))
        [-0.21824682 -1.1815535  -1.8134737 ]
    """

    def __call__(self, shape):
        if not (self.seed or self.seed2):
            return F.standard_normal(shape, self.seed)
        return _draw(self, "StandardNormal", _C.GraphKernel.standard_normal(), shape)


class UniformInt(_Random):
    """``ops.UniformInt(seed=0, seed2=0)(shape, minval, maxval)``: Int32 samples in ``[minval,
    maxval)``. With a seed, MindSpore's kernel of ``(seed, seed2)`` (the bounds Int32 scalar
    Tensors): the instance's later calls of the same shape go on along its stream (see
    ``ops._seeded``); with both 0, unpredictable draws.

    Args:
        seed (int, optional): The random seed, >= 0. Default: ``0``.
        seed2 (int, optional): The second seed, >= 0. Default: ``0``.

    Outputs:
        Tensor of Int32 of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.UniformInt(seed=5)((3,), ms.Tensor(1, ms.int32), ms.Tensor(100, ms.int32)))
        [92 11 53]
    """

    def __call__(self, shape, minval, maxval):
        if self.seed or self.seed2:
            lo, hi = _int32_bound("minval", 1, minval), _int32_bound("maxval", 2, maxval)
            if lo >= hi:
                raise ComputeError(f"For 'Random', invalid min/max values: ({lo}/{hi})")
            return _draw(self, "UniformInt", _C.GraphKernel.uniform_int(lo, hi), shape).astype(mstype.int32)
        lo = minval.astype(mstype.int32) if isinstance(minval, Tensor) else Tensor(int(minval), mstype.int32)
        hi = maxval.astype(mstype.int32) if isinstance(maxval, Tensor) else Tensor(int(maxval), mstype.int32)
        return F.uniform(shape, lo, hi, None, mstype.int32)


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
        # MindSpore 2.10's checks when the primitive is built (ValueErrors).
        if not isinstance(pad_mode, str) or pad_mode.lower() not in ("valid", "same", "pad"):
            raise ShapeError(f"For 'Conv2D', the 'pad_mode' must be str and must be in "
                             f"['valid', 'same', 'pad'], but got {pad_mode!r}.")
        pads = (pad,) if isinstance(pad, int) else tuple(pad)
        if any(not isinstance(p, int) or isinstance(p, bool) or p < 0 for p in pads):
            raise ShapeError(f"For 'Conv2D', every 'pad' must be an int >= 0, but got {pad!r}.")
        if pad_mode.lower() != "pad" and any(pads):
            raise ShapeError(f"For 'Conv2D', the 'pad' must be zero when 'pad_mode' is not 'pad', "
                             f"but got 'pad': {pad!r} and 'pad_mode': {pad_mode}.")
        last2 = (lambda v: v if isinstance(v, int) else tuple(v)[-2:])
        pair = (lambda v: (v, v) if isinstance(v, int) else tuple(v)[-2:])
        # What the call computes with ...
        self._conv = (last2(stride), pad if isinstance(pad, int) else tuple(pad), last2(dilation))
        # ... and the attributes as MindSpore keeps them: kernel_size (3, 3), stride and dilation
        # (1, 1, h, w), pad (top, bottom, left, right).
        self.out_channel, self.kernel_size, self.mode = out_channel, pair(kernel_size), mode
        self.pad_mode = pad_mode.lower()
        self.pad = (pad,) * 4 if isinstance(pad, int) else tuple(pad)
        self.stride, self.dilation = (1, 1) + pair(stride), (1, 1) + pair(dilation)
        self.group, self.data_format = group, data_format
        self.format = data_format

    def __call__(self, x, weight):
        if _tensor("Conv2D", "weight", weight).ndim != 4 or weight.shape[0] != self.out_channel:
            raise ShapeError(f"For 'Conv2D', 'weight' must have {self.out_channel} output channels, "
                             f"but got shape {list(weight.shape)}.")
        stride, pad, dilation = self._conv
        return F.conv2d(x, weight, None, stride, self.pad_mode, pad, dilation, self.group)

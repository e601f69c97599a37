"""``mindspore.ops.operations``, part four (re-exported by ``operations``): the primitive classes
of older MindSpore model code (losses, layout changes, boxes, grids, in-place parameter updates)
over functions of ``ops``. Constructor arguments are attributes, as MindSpore's primitives keep
them; a call passes them to the function after its inputs. Return structures are MindSpore
2.10's (``NLLLoss`` gives the loss and the total weight, ``Median`` values and Int64 indices,
``ReduceStd`` the deviation and the mean)."""
import inspect

import numpy as _np

from . import functional as F
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._operations_extra import _WithAttrs, _prim

__all__ = ["SquaredDifference", "DivNoNan", "MulNoNan", "Rint", "L2Loss",
           "SigmoidCrossEntropyWithLogits", "SquareSumAll", "DiagPart", "EqualCount",
           "InvertPermutation", "UnravelIndex", "FillV2", "Bincount", "Zeta", "Igamma", "Igammac",
           "Ger", "PopulationCount", "CheckValid", "ApplyGradientDescent", "BCEWithLogitsLoss",
           "KLDivLoss", "NLLLoss", "CumulativeLogsumexp", "DepthToSpace", "SpaceToDepth",
           "Histogram", "LpNorm", "MatrixTriangularSolve", "Median", "Meshgrid", "MultiMarginLoss",
           "ReduceStd", "SearchSorted", "TensorScatterElements", "Mvlgamma", "FillDiagonal",
           "IndexPut", "InplaceIndexAdd", "AdaptiveAvgPool2D", "AdaptiveAvgPool3D", "AffineGrid",
           "GridSampler2D", "GridSampler3D", "Im2Col", "Col2Im", "IOU", "BoundingBoxEncode",
           "BoundingBoxDecode", "MirrorPad", "SpaceToBatchND", "BatchToSpaceND", "MatrixDiagV3",
           "MatrixDiagPartV3", "MatrixSetDiagV3", "HShrink", "ApplyMomentum", "EmbeddingLookup",
           "AdaptiveMaxPool2D"]


def _tensor(op, name, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def _square_sum_all(x, y):
    """``(Σ x², Σ y²)`` of two Float16/Float32 Tensors of one dtype and shape (MindSpore's checks)."""
    op = "SquareSumAll"
    x, y = _tensor(op, "x", x), _tensor(op, "y", y)
    if x.dtype != y.dtype or x.dtype not in (mstype.float16, mstype.float32):
        raise DTypeError(f"For '{op}', 'x' and 'y' must be Float16 or Float32 Tensors of one dtype, "
                         f"but got {x.dtype} and {y.dtype}.")
    if x.shape != y.shape:
        raise ShapeError(f"For '{op}', 'x' and 'y' must have one shape, but got {tuple(x.shape)} "
                         f"and {tuple(y.shape)}.")
    return (x * x).sum(), (y * y).sum()


def _squared_difference(x, y):
    d = F.sub(x, y)
    return d * d


def _broadcast(x, y):
    x, y = _same(x, y)
    shape = tuple(_np.broadcast_shapes(tuple(x.shape), tuple(y.shape)))
    return F.broadcast_to(x, shape), F.broadcast_to(y, shape)


def _div_no_nan(x, y):
    x, y = _broadcast(x, y)
    zero = y == 0
    return F.select(zero, F.zeros_like(x), x / F.select(zero, F.ones_like(y), y))


def _mul_no_nan(x, y):
    x, y = _broadcast(x, y)
    return F.select(y == 0, F.zeros_like(x), x * y)


def _same(x, y):
    x = x if isinstance(x, Tensor) else Tensor(x)
    y = y if isinstance(y, Tensor) else Tensor(y, x.dtype)
    return x, y


def _rint(x):
    x = _tensor("Rint", "x", x)
    return F.round(x) if x.dtype in mstype.float_type else x


def _sigmoid_ce(logits, labels):
    x = _tensor("SigmoidCrossEntropyWithLogits", "logits", logits)
    z = _tensor("SigmoidCrossEntropyWithLogits", "label", labels)
    if x.shape != z.shape:
        raise ShapeError(f"For 'SigmoidCrossEntropyWithLogits', 'logits' and 'label' must have "
                         f"one shape, but got {tuple(x.shape)} and {tuple(z.shape)}.")
    return F.relu(x) - x * z + F.log1p(F.exp(-F.abs(x)))


def _diag_part(x):
    x = _tensor("DiagPart", "input_x", x)
    k = x.ndim // 2
    if x.ndim == 0 or x.ndim % 2 or tuple(x.shape[:k]) != tuple(x.shape[k:]):
        raise ShapeError(f"For 'DiagPart', 'input_x' must have shape (D1, ..., Dk, D1, ..., Dk), "
                         f"but got {tuple(x.shape)}.")
    n = int(_np.prod(x.shape[:k]))
    return F.diagonal(x.reshape(n, n)).reshape(tuple(x.shape[:k]))


def _equal_count(x, y):
    return F.equal(x, y).astype(x.dtype).sum().reshape(1)


def _invert_permutation(x):
    values = list(x.asnumpy().reshape(-1)) if isinstance(x, Tensor) else list(x)
    n = len(values)
    if sorted(int(v) for v in values) != list(range(n)):
        raise ShapeError(f"For 'InvertPermutation', the input must be a permutation of "
                         f"[0, {n}), but got {values}.")
    out = [0] * n
    for i, v in enumerate(values):
        out[int(v)] = i
    # A tuple for a tuple or a list, as MindSpore 2.10.
    return Tensor(_np.array(out, x.asnumpy().dtype)) if isinstance(x, Tensor) else tuple(out)


def _unravel_index(indices, dims):
    idx = _tensor("UnravelIndex", "indices", indices).asnumpy()
    shape = tuple(int(d) for d in _tensor("UnravelIndex", "dims", dims).asnumpy().reshape(-1))
    if idx.size and (idx.min() < 0 or idx.max() >= int(_np.prod(shape))):
        raise ShapeError(f"For 'UnravelIndex', the indices must be in [0, {int(_np.prod(shape))}) "
                         f"for dims {shape}, but got {idx.min()} to {idx.max()}.")
    return Tensor(_np.stack(_np.unravel_index(idx, shape)).astype(idx.dtype))


def _fill_v2(shape, value):
    dims = tuple(int(d) for d in (shape.asnumpy().reshape(-1) if isinstance(shape, Tensor) else shape))
    value = _tensor("FillV2", "value", value)
    return F.broadcast_to(value.reshape(()), dims)


def _bincount(array, size, weights):
    n = int(size.asnumpy()) if isinstance(size, Tensor) else int(size)
    counts = F.bincount(array, weights, n)
    return counts[:n]


def _apply_gradient_descent(var, alpha, delta):
    return F.assign(var, var - alpha * delta)  # the new value, a Tensor (MindSpore 2.10)



_SUMMARY = {
    "SquaredDifference": "``(x - y)²``, broadcast.",
    "DivNoNan": "``x / y``, and 0 where ``y`` is 0.",
    "MulNoNan": "``x · y``, and 0 where ``y`` is 0 (even for an infinite or NaN ``x``).",
    "Rint": "each element rounded to the nearest integer, halves to even (a zero keeps its sign).",
    "L2Loss": "``Σ x² / 2``.",
    "SigmoidCrossEntropyWithLogits": "the elementwise cross entropy of logits and probabilities, "
                                     "``max(x, 0) − x·z + log(1 + e^−|x|)``.",
    "SquareSumAll": "``(Σ x², Σ y²)``.",
    "DiagPart": "the diagonal of a ``(D1, ..., Dk, D1, ..., Dk)`` tensor, ``(D1, ..., Dk)``.",
    "EqualCount": "the number of equal elements, as a 1-element tensor of the inputs' dtype.",
    "InvertPermutation": "the inverse of a permutation (a tuple gives a list, a Tensor a Tensor).",
    "UnravelIndex": "the coordinates of flat indices in a shape, ``(len(dims), N)``.",
    "FillV2": "a tensor of the given shape filled with a 0-d tensor's value.",
    "Bincount": "the weighted count of each value in ``[0, size)``.",
    "Zeta": "the Hurwitz zeta function ``ζ(x, q)``.",
    "Igamma": "the regularised lower incomplete gamma function ``P(a, x)``.",
    "Igammac": "the regularised upper incomplete gamma function ``Q(a, x)``.",
    "Ger": "the outer product of two float vectors.",
    "PopulationCount": "the number of set bits of each integer, as UInt8.",
    "CheckValid": "whether each box lies inside the image of ``(height, width, ratio)``.",
    "ApplyGradientDescent": "``var -= alpha · delta`` on a Parameter, in place; returns the new value.",
}

_SIMPLE = {
    "SquaredDifference": _squared_difference, "DivNoNan": _div_no_nan, "MulNoNan": _mul_no_nan,
    "Rint": _rint, "L2Loss": lambda x: (x * x).sum() / 2,
    "SigmoidCrossEntropyWithLogits": _sigmoid_ce,
    "SquareSumAll": lambda x, y: _square_sum_all(x, y), "DiagPart": _diag_part,
    "EqualCount": _equal_count, "InvertPermutation": _invert_permutation,
    "UnravelIndex": _unravel_index, "FillV2": _fill_v2, "Bincount": _bincount, "Zeta": F.zeta,
    "Igamma": F.igamma, "Igammac": F.igammac, "Ger": F.ger, "PopulationCount": F.population_count,
    "CheckValid": F.check_valid, "ApplyGradientDescent": _apply_gradient_descent,
}
globals().update({n: _prim(n, fn) for n, fn in _SIMPLE.items()})
for _n in _SIMPLE:
    globals()[_n].__doc__ = f"``ops.{_n}()``: {_SUMMARY[_n]}"


def _attrs(name, attrs, call, doc, fn):
    """A primitive whose constructor takes `attrs` (name, default; no default: required) and
    whose call is ``fn(self, *inputs)``."""
    def __init__(self, *args, **kwargs):
        names = [a for a, _ in attrs]
        if len(args) > len(names):
            raise DTypeError(f"For '{name}', at most {len(names)} arguments, but got {len(args)}.")
        values = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names or k in values:
                raise DTypeError(f"For '{name}', unexpected or repeated argument '{k}'.")
            values[k] = v
        for a, default in attrs:
            if a not in values:
                if default is _REQUIRED:
                    raise DTypeError(f"For '{name}', the argument '{a}' is required.")
                values[a] = default
        self._keep(tuple(values[a] for a in names))
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    __init__.__signature__ = inspect.Signature(
        [inspect.Parameter("self", kind)]
        + [inspect.Parameter(a, kind) if d is _REQUIRED else inspect.Parameter(a, kind, default=d)
           for a, d in attrs])
    shown = ", ".join(a if d is _REQUIRED else f"{a}={d!r}" for a, d in attrs)
    return type(name, (_WithAttrs,), {"_ATTRS": tuple(a for a, _ in attrs), "__init__": __init__,
                                      "__call__": fn,
                                      "__doc__": f"``ops.{name}({shown}){call}``: {doc}"})


_REQUIRED = object()


def _nll(self, logits, labels, weight):
    x = _tensor("NLLLoss", "logits", logits)
    y = _tensor("NLLLoss", "labels", labels)
    w = _tensor("NLLLoss", "weight", weight)
    if x.ndim != 2 or y.shape != (x.shape[0],) or w.shape != (x.shape[1],):
        raise ShapeError(f"For 'NLLLoss', 'logits' must be (N, C), 'labels' (N,) and 'weight' "
                         f"(C,), but got {tuple(x.shape)}, {tuple(y.shape)} and {tuple(w.shape)}.")
    keep = (y != self.ignore_index)
    safe = F.select(keep, y, F.zeros_like(y)).astype(mstype.int64)
    picked = F.gather_elements(x, 1, safe.reshape(-1, 1)).reshape(-1)
    wy = F.gather(w, safe, 0) * keep.astype(w.dtype)
    total = wy.sum()
    loss = -(picked * wy)
    if self.reduction == "none":
        return loss, total
    if self.reduction == "sum":
        return loss.sum(), total
    return loss.sum() / total, total


def _median(self, x):
    x = _tensor("Median", "x", x)
    if self.global_median:
        flat = x.reshape(-1)
        values, _ = F.median(flat, 0)
        return values, Tensor(0, mstype.int64)
    return F.median(x, self.axis, self.keep_dims)


def _reduce_std(self, x):
    axis = self.axis
    axis = None if axis in ((), []) else (tuple(axis) if isinstance(axis, (list, tuple)) else axis)
    std, mean = F.std_mean(x, axis, 1 if self.unbiased else 0, self.keep_dims)
    return std, mean


def _depth_to_space(self, x):
    x = _tensor("DepthToSpace", "x", x)
    b = self.block_size
    if x.ndim != 4 or x.shape[1] % (b * b):
        raise ShapeError(f"For 'DepthToSpace', 'x' must be (N, C, H, W) with C divisible by "
                         f"{b * b}, but got {tuple(x.shape)}.")
    n, c, h, w = x.shape
    y = x.reshape(n, b, b, c // (b * b), h, w).transpose(0, 3, 4, 1, 5, 2)
    return y.reshape(n, c // (b * b), h * b, w * b)


def _space_to_depth(self, x):
    x = _tensor("SpaceToDepth", "x", x)
    b = self.block_size
    if x.ndim != 4 or x.shape[2] % b or x.shape[3] % b:
        raise ShapeError(f"For 'SpaceToDepth', 'x' must be (N, C, H, W) with H and W divisible "
                         f"by {b}, but got {tuple(x.shape)}.")
    n, c, h, w = x.shape
    y = x.reshape(n, c, h // b, b, w // b, b).transpose(0, 3, 5, 1, 2, 4)
    return y.reshape(n, c * b * b, h // b, w // b)


def _lp_norm(self, x):
    axis = tuple(self.axis) if isinstance(self.axis, (list, tuple)) else self.axis
    # LpNorm is the vector p-norm over all of `axis` (two axes are not a matrix norm, as in
    # ops.norm): (sum |x|^p)^(1/p).
    from .function._basic_reduce import vector_norm
    return vector_norm(x, float(self.p), axis, self.keep_dims)


def _triangular_solve(self, matrix, rhs):
    a = _tensor("MatrixTriangularSolve", "matrix", matrix)
    a = F.tril(a) if self.lower else F.triu(a)
    if self.adjoint:
        a = F.adjoint(a)
    return F.matrix_solve(a, rhs)


def _apply_momentum(self, variable, accumulation, learning_rate, gradient, momentum):
    accum = accumulation * momentum + gradient * self.gradient_scale
    F.assign(accumulation, accum)
    step = (gradient * self.gradient_scale + accum * momentum) if self.use_nesterov else accum
    return F.assign(variable, variable - learning_rate * step)  # the new value, a Tensor


def _embedding_lookup(self, params, indices, offset):
    p = _tensor("EmbeddingLookup", "input_params", params)
    idx = _tensor("EmbeddingLookup", "input_indices", indices).astype(mstype.int64) - int(offset)
    inside = (idx >= 0) & (idx < p.shape[0])
    rows = F.gather(p, F.select(inside, idx, F.zeros_like(idx)), 0)
    mask = inside.astype(p.dtype).reshape(tuple(idx.shape) + (1,) * (p.ndim - 1))
    return rows * mask


def _adaptive_max_pool2d(self, x):
    """``(values, indices)``: the maximum of each adaptive window (rows ``⌊i·H/oh⌋`` to
    ``⌈(i+1)·H/oh⌉``) and its Int64 position in the ``H·W`` plane. Each window is read through a
    gather of the largest window's size, a short one repeating its first position."""
    x = _tensor("AdaptiveMaxPool2D", "input_x", x)
    if x.ndim not in (3, 4):
        raise ShapeError(f"For 'AdaptiveMaxPool2D', 'input_x' must be 3-D or 4-D, but got "
                         f"{x.ndim}-D.")
    h, w = x.shape[-2:]
    size = self.output_size
    size = (size, size) if isinstance(size, int) or size is None else tuple(size)
    if len(size) != 2:
        raise ShapeError(f"For 'AdaptiveMaxPool2D', 'output_size' must be an int or a pair, but "
                         f"got {self.output_size!r}.")
    oh, ow = (h if size[0] is None else int(size[0])), (w if size[1] is None else int(size[1]))
    if oh <= 0 or ow <= 0 or h == 0 or w == 0:
        raise ShapeError(f"For 'AdaptiveMaxPool2D', the output size {(oh, ow)} and input size "
                         f"{(h, w)} must be positive.")
    rows = [(i * h // oh, -(-(i + 1) * h // oh)) for i in range(oh)]
    cols = [(j * w // ow, -(-(j + 1) * w // ow)) for j in range(ow)]
    kh, kw = max(b - a for a, b in rows), max(b - a for a, b in cols)
    index = _np.empty((oh, ow, kh * kw), _np.int64)
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            window = [r * w + c for r in range(r0, r1) for c in range(c0, c1)]
            index[i, j] = window + [window[0]] * (kh * kw - len(window))
    lead = tuple(x.shape[:-2])
    flat = x.reshape(lead + (h * w,))
    values = F.gather(flat, Tensor(index.reshape(-1)), len(lead)).reshape(lead + (oh, ow, kh * kw))
    best = F.argmax(values, -1, keepdim=True)
    where = F.gather_elements(Tensor(index).broadcast_to(lead + index.shape), -1, best)
    return F.amax(values, -1), where.reshape(lead + (oh, ow)).astype(mstype.int64)


_CLASSES = [
    ("BCEWithLogitsLoss", [("reduction", "mean")], "(logits, label, weight, pos_weight)",
     "``ops.binary_cross_entropy_with_logits``.",
     lambda s, x, y, w=None, pw=None: F.binary_cross_entropy_with_logits(x, y, w, pw, s.reduction)),
    ("KLDivLoss", [("reduction", "mean")], "(logits, labels)", "``ops.kl_div``.",
     lambda s, x, y: F.kl_div(x, y, s.reduction)),
    ("NLLLoss", [("reduction", "mean"), ("ignore_index", -100)], "(logits, labels, weight)",
     "``(loss, total_weight)``, the loss reduced over the weights of the labels.", _nll),
    ("CumulativeLogsumexp", [("exclusive", False), ("reverse", False)], "(x, axis)",
     "``log(cumsum(exp(x)))`` along `axis`.",
     lambda s, x, axis: _cumulative_logsumexp(x, axis, s.exclusive, s.reverse)),
    ("DepthToSpace", [("block_size", _REQUIRED)], "(x)",
     "blocks of channels moved into space (NCHW).", _depth_to_space),
    ("SpaceToDepth", [("block_size", _REQUIRED)], "(x)",
     "blocks of space moved into channels (NCHW).", _space_to_depth),
    ("Histogram", [("bins", 100), ("min", 0.0), ("max", 0.0)], "(x)", "``ops.histc``.",
     lambda s, x: F.histc(x, s.bins, s.min, s.max)),
    ("LpNorm", [("axis", _REQUIRED), ("p", 2), ("keep_dims", False), ("epsilon", 1e-12)], "(x)",
     "the `p`-norm over `axis`.", _lp_norm),
    ("MatrixTriangularSolve", [("lower", True), ("adjoint", False)], "(matrix, rhs)",
     "solves with the lower (or upper) triangle of `matrix`, or its adjoint.",
     _triangular_solve),
    ("Median", [("global_median", False), ("axis", 0), ("keep_dims", False),
                ("ignore_nan", False)], "(x)",
     "``(values, indices)`` of the lower median along `axis` (of all elements with "
     "`global_median`, whose index MindSpore gives as 0).", _median),
    ("Meshgrid", [("indexing", "xy")], "(inputs)", "``ops.meshgrid`` of a tuple of vectors.",
     lambda s, inputs: tuple(F.meshgrid(*inputs, indexing=s.indexing))),
    ("MultiMarginLoss", [("p", 1), ("margin", 1.0), ("reduction", "mean")],
     "(x, target, weight)", "``ops.multi_margin_loss``.",
     lambda s, x, t, w=None: _multi_margin(s, x, t, w)),
    ("ReduceStd", [("axis", ()), ("unbiased", True), ("keep_dims", False)], "(x)",
     "``(std, mean)`` over `axis` (every axis when empty).", _reduce_std),
    ("SearchSorted", [("dtype", mstype.int64), ("right", False)],
     "(sorted_sequence, values, sorter)", "``ops.searchsorted``.",
     lambda s, seq, v, sorter=None: F.searchsorted(seq, v, out_int32=s.dtype == mstype.int32,
                                                   right=s.right, sorter=sorter)),
    ("TensorScatterElements", [("axis", 0), ("reduction", "none")], "(data, indices, updates)",
     "``ops.tensor_scatter_elements``.",
     lambda s, d, i, u: F.tensor_scatter_elements(d, i, u, s.axis, s.reduction)),
    ("Mvlgamma", [("p", _REQUIRED)], "(x)", "``ops.mvlgamma``.", lambda s, x: F.mvlgamma(x, s.p)),
    ("FillDiagonal", [("fill_value", _REQUIRED), ("wrap", False)], "(input_x)",
     "the main diagonal set to `fill_value`.",
     lambda s, x: _tensor("FillDiagonal", "input_x", x).fill_diagonal(s.fill_value, s.wrap)),
    ("IndexPut", [("accumulate", 0)], "(x1, x2, indices)",
     "`x1` with `x2` put (or added) at the tuple of index tensors.",
     lambda s, x1, x2, idx: _tensor("IndexPut", "x1", x1).index_put(tuple(idx), x2,
                                                                      bool(s.accumulate))),
    ("InplaceIndexAdd", [("axis", _REQUIRED)], "(var, indices, updates)",
     "``ops.inplace_index_add``.",
     lambda s, var, i, u: F.inplace_index_add(var, i, u, s.axis)),
    ("AdaptiveAvgPool2D", [("output_size", _REQUIRED)], "(x)", "``ops.adaptive_avg_pool2d``.",
     lambda s, x: F.adaptive_avg_pool2d(x, s.output_size)),
    ("AdaptiveAvgPool3D", [("output_size", _REQUIRED)], "(x)", "``ops.adaptive_avg_pool3d``.",
     lambda s, x: F.adaptive_avg_pool3d(x, s.output_size)),
    ("AffineGrid", [("align_corners", False)], "(theta, output_size)", "``ops.affine_grid``.",
     lambda s, theta, size: F.affine_grid(theta, tuple(size), s.align_corners)),
    ("GridSampler2D", [("interpolation_mode", "bilinear"), ("padding_mode", "zeros"),
                       ("align_corners", False)], "(input_x, grid)", "``ops.grid_sample``.",
     lambda s, x, g: F.grid_sample(x, g, s.interpolation_mode, s.padding_mode, s.align_corners)),
    ("GridSampler3D", [("interpolation_mode", "bilinear"), ("padding_mode", "zeros"),
                       ("align_corners", False)], "(input_x, grid)", "``ops.grid_sample``.",
     lambda s, x, g: F.grid_sample(x, g, s.interpolation_mode, s.padding_mode, s.align_corners)),
    ("Im2Col", [("ksizes", _REQUIRED), ("strides", 1), ("dilations", 1), ("pads", 0)], "(x)",
     "the sliding blocks of images as columns, ``(N, C, kh·kw, L)``.",
     lambda s, x: _im2col(x, s.ksizes, s.strides, s.dilations, s.pads)),
    ("Col2Im", [("kernel_size", _REQUIRED), ("dilation", 1), ("padding", 0), ("stride", 1)],
     "(x, output_size)", "``ops.col2im``.",
     lambda s, x, size: F.col2im(x, size, s.kernel_size, s.dilation, s.padding, s.stride)),
    ("IOU", [("mode", "iou")], "(anchor_boxes, gt_boxes)", "``ops.iou``.",
     lambda s, a, g: F.iou(a, g, s.mode)),
    ("BoundingBoxEncode", [("means", (0.0, 0.0, 0.0, 0.0)), ("stds", (1.0, 1.0, 1.0, 1.0))],
     "(anchor_box, groundtruth_box)", "``ops.bounding_box_encode``.",
     lambda s, a, g: F.bounding_box_encode(a, g, s.means, s.stds)),
    ("BoundingBoxDecode", [("max_shape", _REQUIRED), ("means", (0.0, 0.0, 0.0, 0.0)),
                           ("stds", (1.0, 1.0, 1.0, 1.0)), ("wh_ratio_clip", 0.016)],
     "(anchor_box, deltas)", "``ops.bounding_box_decode``.",
     lambda s, a, d: F.bounding_box_decode(a, d, s.max_shape, s.means, s.stds, s.wh_ratio_clip)),
    ("MirrorPad", [("mode", "REFLECT")], "(input_x, paddings)", "``ops.mirror_pad``.",
     lambda s, x, p: F.mirror_pad(x, p, s.mode)),
    ("SpaceToBatchND", [("block_shape", _REQUIRED), ("paddings", _REQUIRED)], "(input_x)",
     "``ops.space_to_batch_nd``.", lambda s, x: F.space_to_batch_nd(x, s.block_shape, s.paddings)),
    ("BatchToSpaceND", [("block_shape", _REQUIRED), ("crops", _REQUIRED)], "(input_x)",
     "``ops.batch_to_space_nd``.", lambda s, x: F.batch_to_space_nd(x, s.block_shape, s.crops)),
    ("MatrixDiagV3", [("align", "RIGHT_LEFT")], "(x, k, num_rows, num_cols, padding_value)",
     "``ops.matrix_diag``.",
     lambda s, x, k, r, c, pv: F.matrix_diag(x, k, r, c, pv, s.align)),
    ("MatrixDiagPartV3", [("align", "RIGHT_LEFT")], "(x, k, padding_value)",
     "``ops.matrix_diag_part``.", lambda s, x, k, pv: F.matrix_diag_part(x, k, pv, s.align)),
    ("MatrixSetDiagV3", [("align", "RIGHT_LEFT")], "(x, diagonal, k)",
     "``ops.matrix_set_diag``.", lambda s, x, d, k: F.matrix_set_diag(x, d, k, s.align)),
    ("HShrink", [("lambd", 0.5)], "(input_x)", "``ops.hardshrink``.",
     lambda s, x: F.hardshrink(x, s.lambd)),
    ("ApplyMomentum", [("use_nesterov", False), ("use_locking", False), ("gradient_scale", 1.0)],
     "(variable, accumulation, learning_rate, gradient, momentum)",
     "the momentum update of the Parameters `accumulation` and `variable`, in place; returns "
     "`variable`.", _apply_momentum),
    ("AdaptiveMaxPool2D", [("output_size", _REQUIRED)], "(input_x)",
     "``(values, indices)`` of adaptive max pooling, the indices into each ``H·W`` plane.",
     _adaptive_max_pool2d),
    ("EmbeddingLookup", [], "(input_params, input_indices, offset)",
     "rows ``indices − offset`` of `input_params`; zeros for indices outside it.",
     _embedding_lookup),
]

for _name, _attr_list, _call, _doc, _fn in _CLASSES:
    globals()[_name] = _attrs(_name, _attr_list, _call, _doc, _fn)


def _cumulative_logsumexp(x, axis, exclusive, reverse):
    x = _tensor("CumulativeLogsumexp", "x", x)
    axis = int(axis.asnumpy()) if isinstance(axis, Tensor) else int(axis)
    if reverse:
        x = F.flip(x, (axis,))
    out = F.logcumsumexp(x, axis)
    if exclusive:
        n = x.shape[axis % x.ndim]
        first = F.full_like(F.narrow(out, axis, 0, 1), float("-inf"))
        out = F.cat((first, F.narrow(out, axis, 0, n - 1)), axis) if n > 1 else first
    return F.flip(out, (axis,)) if reverse else out


def _multi_margin(self, x, target, weight):
    from ..nn.losses_more import MultiMarginLoss
    return MultiMarginLoss(self.p, float(self.margin), self.reduction)(x, target, weight)


def _im2col(x, ksizes, strides, dilations, pads):
    x = _tensor("Im2Col", "x", x)
    cols = F.unfold(x, ksizes, dilations, pads, strides)
    n, c = x.shape[0], x.shape[1]
    return cols.reshape(n, c, -1, cols.shape[-1])


# One example per class: its setup lines, its call and what it prints (equal, to four decimals,
# to what MindSpore 2.10 prints for the calls ``tests/test_ops_primitives_four.py`` makes).
_EXAMPLES = {'AdaptiveAvgPool2D': (['d = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))'],
                       'ops.AdaptiveAvgPool2D((1, 2))(d)',
                       '[[[[6.5 8.5]]]]'),
 'AdaptiveAvgPool3D': (['d = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 1, 2, 2, 2))'],
                       'ops.AdaptiveAvgPool3D((1, 1, 2))(d)',
                       '[[[[[3. 4.]]]]]'),
 'AdaptiveMaxPool2D': (['d = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))'],
                       'ops.AdaptiveMaxPool2D((1, 2))(d)',
                       '(Tensor(shape=[1, 1, 1, 2], dtype=Float32, value=\n'
                       '[[[[ 1.30000000e+01,  1.50000000e+01]]]]), Tensor(shape=[1, 1, 1, 2], '
                       'dtype=Int64, value=\n'
                       '[[[[13, 15]]]]))'),
 'AffineGrid': ([],
                'ops.AffineGrid(align_corners=True)(ms.Tensor([[[1., 0., 0.], [0., 1., 0.]]]), '
                '(1, 1, 1, 2))',
                '[[[[-1.  0.]\n   [ 1.  0.]]]]'),
 'ApplyGradientDescent': (["w = ms.Parameter(ms.Tensor([1., 2.]), name='w')"],
                          'ops.ApplyGradientDescent()(w, ms.Tensor(0.1), ms.Tensor([1., 3.]))',
                          '[0.9 1.7]'),
 'ApplyMomentum': (["v = ms.Parameter(ms.Tensor([1., 2.]), name='v')",
                    "acc = ms.Parameter(ms.Tensor([0.5, 0.5]), name='acc')"],
                   'ops.ApplyMomentum()(v, acc, 0.1, ms.Tensor([1., 1.]), 0.9)',
                   '[0.855 1.855]'),
 'BCEWithLogitsLoss': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                       'ops.BCEWithLogitsLoss()(x, ms.Tensor([[1., 0., 1.], [0., 1., 0.5]]), '
                       'ms.Tensor([1., 2., 1.]), ms.Tensor([1., 1., 2.]))',
                       '1.2366743'),
 'BatchToSpaceND': (['d = ms.Tensor(np.arange(4, dtype=np.float32).reshape(4, 1, 1, 1))'],
                    'ops.BatchToSpaceND((2, 2), ((0, 0), (0, 0)))(d)',
                    '[[[[0. 1.]\n   [2. 3.]]]]'),
 'Bincount': ([],
              'ops.Bincount()(ms.Tensor([1, 1, 3], ms.int32), ms.Tensor(5, ms.int32), '
              'ms.Tensor([0.5, 1., 2.]))',
              '[0.  1.5 0.  2.  0. ]'),
 'BoundingBoxDecode': ([],
                       'ops.BoundingBoxDecode((6, 5))(ms.Tensor([[0., 0., 4., 4.]]), '
                       'ms.Tensor([[0.1, -0.2, 0.3, 0.5]]))',
                       '[[0.        0.        5.        4.6218033]]'),
 'BoundingBoxEncode': ([],
                       'ops.BoundingBoxEncode()(ms.Tensor([[1., 1., 5., 3.]]), ms.Tensor([[0., '
                       '0., 4., 5.]]))',
                       '[[-0.2         0.16666667  0.          0.6931472 ]]'),
 'CheckValid': ([],
                'ops.CheckValid()(ms.Tensor([[0., 0., 4., 4.], [1., 1., 9., 3.]]), '
                'ms.Tensor([5., 8., 1.]))',
                '[ True False]'),
 'Col2Im': ([],
            'ops.Col2Im(kernel_size=2)(ms.Tensor(np.ones((1, 1, 4, 2), np.float32)), '
            'ms.Tensor([2, 3], ms.int32))',
            '[[[[1. 2. 1.]\n   [1. 2. 1.]]]]'),
 'CumulativeLogsumexp': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                         'ops.CumulativeLogsumexp()(x, 1)',
                         '[[1.        1.0485873 1.3490121]\n [3.        3.0788898 3.0956743]]'),
 'DepthToSpace': (['d = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 4, 1, 2))'],
                  'ops.DepthToSpace(2)(d)',
                  '[[[[0. 2. 1. 3.]\n   [4. 6. 5. 7.]]]]'),
 'DiagPart': ([], 'ops.DiagPart()(ms.Tensor([[1., 2.], [3., 4.]]))', '[1. 4.]'),
 'DivNoNan': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
              'ops.DivNoNan()(x, ms.Tensor([2., 0., 1.]))',
              '[[ 0.5  0.   0. ]\n [ 1.5  0.  -1. ]]'),
 'EmbeddingLookup': ([],
                     'ops.EmbeddingLookup()(ms.Tensor([[0., 1.], [2., 3.], [4., 5.]]), '
                     'ms.Tensor([4, 2], ms.int32), 3)',
                     '[[2. 3.]\n [0. 0.]]'),
 'EqualCount': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                'ops.EqualCount()(x, ms.Tensor([[1., 0., 0.], [3., 1., 1.]]))',
                '[3.]'),
 'FillDiagonal': ([],
                  'ops.FillDiagonal(9.0)(ms.Tensor(np.zeros((3, 2), np.float32)))',
                  '[[9. 0.]\n [0. 9.]\n [0. 0.]]'),
 'FillV2': ([],
            'ops.FillV2()(ms.Tensor([2, 3], ms.int32), ms.Tensor(1.5))',
            '[[1.5 1.5 1.5]\n [1.5 1.5 1.5]]'),
 'Ger': ([],
         'ops.Ger()(ms.Tensor([1., 2.]), ms.Tensor([3., 4., 5.]))',
         '[[ 3.  4.  5.]\n [ 6.  8. 10.]]'),
 'GridSampler2D': (['img = ms.Tensor([[[[0., 1.], [2., 3.]]]])'],
                   'ops.GridSampler2D(align_corners=True)(img, ms.Tensor([[[[0., 0.], [1., '
                   '-1.]]]]))',
                   '[[[[1.5 1. ]]]]'),
 'GridSampler3D': (['img = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 1, 2, 2, 2))'],
                   'ops.GridSampler3D(align_corners=True)(img, ms.Tensor([[[[[0., 0., 0.]]]]]))',
                   '[[[[[3.5]]]]]'),
 'HShrink': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
             'ops.HShrink(0.6)(x)',
             '[[ 1. -2.  0.]\n [ 3.  0. -1.]]'),
 'Histogram': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
               'ops.Histogram(bins=4, min=-2.0, max=3.0)(x)',
               '[2. 1. 2. 1.]'),
 'IOU': ([],
         'ops.IOU()(ms.Tensor([[0., 0., 4., 4.]]), ms.Tensor([[1., 1., 3., 3.]]))',
         '[[0.36]]'),
 'Igamma': ([],
            'ops.Igamma()(ms.Tensor([1., 2.]), ms.Tensor([1., 3.]))',
            '[0.63212055 0.8008517 ]'),
 'Igammac': ([],
             'ops.Igammac()(ms.Tensor([1., 2.]), ms.Tensor([1., 3.]))',
             '[0.36787945 0.1991483 ]'),
 'Im2Col': (['img = ms.Tensor(np.arange(6, dtype=np.float32).reshape(1, 1, 2, 3))'],
            'ops.Im2Col(ksizes=2)(img)',
            '[[[[0. 1.]\n   [1. 2.]\n   [3. 4.]\n   [4. 5.]]]]'),
 'IndexPut': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
              'ops.IndexPut()(x, ms.Tensor([7.]), (ms.Tensor([0, 1], ms.int32), ms.Tensor([2, '
              '0], ms.int32)))',
              '[[ 1.  -2.   7. ]\n [ 7.   0.5 -1. ]]'),
 'InplaceIndexAdd': (["var = ms.Parameter(ms.Tensor(np.zeros((3, 2), np.float32)), name='var')"],
                     'ops.InplaceIndexAdd(0)(var, ms.Tensor([0, 2, 0], ms.int32), '
                     'ms.Tensor(np.ones((3, 2), np.float32)))',
                     '[[2. 2.]\n [0. 0.]\n [1. 1.]]'),
 'InvertPermutation': ([], 'ops.InvertPermutation()((3, 4, 0, 2, 1))', '(2, 4, 3, 0, 1)'),
 'KLDivLoss': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
               'ops.KLDivLoss()(x, ms.Tensor([[0.2, 0.3, 0.5], [0.1, 0.6, 0.3]]))',
               '-0.3045998'),
 'L2Loss': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'], 'ops.L2Loss()(x)', '7.625'),
 'LpNorm': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
            'ops.LpNorm(axis=[1], p=1)(x)',
            '[3.  4.5]'),
 'MatrixDiagPartV3': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                      'ops.MatrixDiagPartV3()(x, ms.Tensor(0, ms.int32), ms.Tensor(0.))',
                      '[1.  0.5]'),
 'MatrixDiagV3': ([],
                  'ops.MatrixDiagV3()(ms.Tensor([1., 2.]), ms.Tensor(1, ms.int32), ms.Tensor(-1, '
                  'ms.int32), ms.Tensor(-1, ms.int32), ms.Tensor(0.))',
                  '[[0. 1. 0.]\n [0. 0. 2.]\n [0. 0. 0.]]'),
 'MatrixSetDiagV3': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                     'ops.MatrixSetDiagV3()(x, ms.Tensor([7., 8.]), ms.Tensor(0, ms.int32))',
                     '[[ 7. -2.  0.]\n [ 3.  8. -1.]]'),
 'MatrixTriangularSolve': ([],
                           'ops.MatrixTriangularSolve()(ms.Tensor([[2., 0.], [1., 4.]]), '
                           'ms.Tensor([[2.], [9.]]))',
                           '[[1.]\n [2.]]'),
 'Median': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
            'ops.Median(axis=1)(x)',
            '(Tensor(shape=[2], dtype=Float32, value= [ 0.00000000e+00,  5.00000000e-01]), '
            'Tensor(shape=[2], dtype=Int64, value= [2, 1]))'),
 'Meshgrid': ([],
              'ops.Meshgrid()((ms.Tensor([1, 2, 3]), ms.Tensor([4, 5])))',
              '(Tensor(shape=[2, 3], dtype=Int64, value=\n'
              '[[1, 2, 3],\n'
              ' [1, 2, 3]]), Tensor(shape=[2, 3], dtype=Int64, value=\n'
              '[[4, 4, 4],\n'
              ' [5, 5, 5]]))'),
 'MirrorPad': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
               'ops.MirrorPad()(x, ms.Tensor([[0, 0], [1, 1]]))',
               '[[-2.   1.  -2.   0.  -2. ]\n [ 0.5  3.   0.5 -1.   0.5]]'),
 'MulNoNan': ([],
              "ops.MulNoNan()(ms.Tensor([float('inf'), 2.]), ms.Tensor([0., 3.]))",
              '[0. 6.]'),
 'MultiMarginLoss': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                     'ops.MultiMarginLoss()(x, ms.Tensor([0, 2], ms.int64))',
                     '1.25'),
 'Mvlgamma': ([], 'ops.Mvlgamma(p=2)(ms.Tensor([2., 3.]))', '[0.45158267 1.550195  ]'),
 'NLLLoss': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
             'ops.NLLLoss()(x, ms.Tensor([0, 2], ms.int32), ms.Tensor([1., 2., 3.]))',
             '(Tensor(shape=[], dtype=Float32, value= 0.5), Tensor(shape=[], dtype=Float32, '
             'value= 4))'),
 'PopulationCount': ([], 'ops.PopulationCount()(ms.Tensor([0, 7, 255], ms.int16))', '[0 3 8]'),
 'ReduceStd': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
               'ops.ReduceStd(axis=1)(x)',
               '(Tensor(shape=[2], dtype=Float32, value= [ 1.52752519e+00,  2.02072597e+00]), '
               'Tensor(shape=[2], dtype=Float32, value= [-3.33333343e-01,  8.33333313e-01]))'),
 'Rint': ([], 'ops.Rint()(ms.Tensor([0.5, 1.5, 2.5, -0.5, -1.7]))', '[ 0.  2.  2. -0. -2.]'),
 'SearchSorted': ([],
                  'ops.SearchSorted()(ms.Tensor([1., 3., 5., 7.]), ms.Tensor([3., 6., 9.]))',
                  '[1 3 4]'),
 'SigmoidCrossEntropyWithLogits': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                                   'ops.SigmoidCrossEntropyWithLogits()(x, ms.Tensor([[1., 0., '
                                   '1.], [0., 1., 0.5]]))',
                                   '[[0.3132617  0.12692802 0.6931472 ]\n'
                                   ' [3.0485873  0.474077   0.8132617 ]]'),
 'SpaceToBatchND': (['d = ms.Tensor(np.arange(4, dtype=np.float32).reshape(1, 1, 2, 2))'],
                    'ops.SpaceToBatchND((2, 2), ((0, 0), (0, 0)))(d).reshape(4)',
                    '[0. 1. 2. 3.]'),
 'SpaceToDepth': (['d = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 1, 2, 4))'],
                  'ops.SpaceToDepth(2)(d).reshape(4, 2)',
                  '[[0. 2.]\n [1. 3.]\n [4. 6.]\n [5. 7.]]'),
 'SquareSumAll': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                  'ops.SquareSumAll()(x, x * 2)',
                  '(Tensor(shape=[], dtype=Float32, value= 15.25), Tensor(shape=[], '
                  'dtype=Float32, value= 61))'),
 'SquaredDifference': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                       'ops.SquaredDifference()(x, ms.Tensor([2., 0., 1.]))',
                       '[[1.   4.   1.  ]\n [1.   0.25 4.  ]]'),
 'TensorScatterElements': (['x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])'],
                           "ops.TensorScatterElements(axis=1, reduction='add')(x, ms.Tensor([[0, "
                           '0], [2, 1]], ms.int32), ms.Tensor([[1., 2.], [3., 4.]]))',
                           '[[ 4.  -2.   0. ]\n [ 3.   4.5  2. ]]'),
 'UnravelIndex': ([],
                  'ops.UnravelIndex()(ms.Tensor([5, 7], ms.int32), ms.Tensor([3, 4], ms.int32))',
                  '[[1 1]\n [1 3]]'),
 'Zeta': ([], 'ops.Zeta()(ms.Tensor([2., 3.]), ms.Tensor([1., 1.]))', '[1.644934  1.2020569]')}


def _document(cls, examples=None):
    """The class's summary with its constructor arguments, call and example (from `examples`,
    this module's by default)."""
    setup, call, printed = (examples or _EXAMPLES)[cls.__name__]
    head = cls.__doc__
    attrs = getattr(cls, "_ATTRS", ())
    lines = [head, ""]
    if attrs:
        lines.append("    Args:")
        lines += [f"        {a}: The constructor argument ``{a}``, kept as an attribute." for a in attrs]
        lines.append("")
    lines += ["    Inputs:", "        As in the call shown above.", "", "    Outputs:",
              "        The value described above (a tuple where it says so).", "", "    Examples:",
              "        >>> import numpy as np", "        >>> import mindspore as ms",
              "        >>> from mindspore import ops"]
    lines += [f"        >>> {line}" for line in setup]
    lines.append(f"        >>> print({call})")
    lines += [f"        {line}" for line in printed.split("\n")]
    cls.__doc__ = "\n".join(lines) + "\n"


for _name in __all__:
    _document(globals()[_name])

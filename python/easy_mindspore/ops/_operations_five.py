"""``mindspore.ops.operations``, part five (re-exported by ``operations``): more primitive classes
of older MindSpore model code — the old names ``Pack``/``Unpack``, sorted-segment reductions,
bound searches, pooling with argmax, the input gradient of a convolution, draws — over functions
of ``ops``. Constructor arguments are attributes; a call passes them to the function after its
inputs. Values and return structures are MindSpore 2.10's where its CPU kernels run; where they
do not (``SplitV``, ``CountNonZero``, ``EuclideanNorm``, ``MatrixExp``, ``ScatterNonAliasingAdd``,
``Randperm``), the documented ones."""
import math

import numpy as _np

from . import functional as F
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._operations_four import _REQUIRED, _attrs, _document, _tensor
from ._operations_pool import MaxPoolWithArgmax, MaxPoolWithArgmaxV2  # noqa: F401 (re-exported)

__all__ = ["Pack", "Unpack", "SplitV", "SegmentSum", "SegmentMean", "SegmentMax", "SegmentMin",
           "SegmentProd", "LowerBound", "UpperBound", "InTopK", "CountNonZero", "EuclideanNorm",
           "MatrixExp", "ScatterSub", "ScatterNonAliasingAdd", "IdentityN", "ConjugateTranspose",
           "MaxPoolWithArgmax", "MaxPoolWithArgmaxV2", "Conv2DBackpropInput", "Conv2DTranspose",
           "CropAndResize", "CTCGreedyDecoder", "Dropout2D", "Dropout3D", "Multinomial",
           "Randperm", "StandardLaplace", "TruncatedNormal"]


def _ints(v):
    """A tuple of Python ints from an int, a sequence or an integer Tensor."""
    if isinstance(v, Tensor):
        return tuple(int(i) for i in v.asnumpy().reshape(-1))
    if isinstance(v, (list, tuple)):
        return tuple(int(i) for i in v)
    return (int(v),)


def _pair(op, name, v):
    t = _ints(v)
    if len(t) == 1:
        return t * 2
    if len(t) == 4 and t[:2] == (1, 1):
        return t[2:]
    if len(t) != 2:
        raise ShapeError(f"For '{op}', '{name}' must be an int or a pair, but got {v!r}.")
    return t


def _split_v(self, x):
    x = _tensor("SplitV", "input_x", x)
    sizes, axis = list(_ints(self.size_splits)), int(self.split_dim) % max(x.ndim, 1)
    if len(sizes) != int(self.num_split):
        raise ShapeError(f"For 'SplitV', 'size_splits' must have 'num_split' = {self.num_split} "
                         f"entries, but got {sizes}.")
    if sizes.count(-1) == 1:
        sizes[sizes.index(-1)] = x.shape[axis] - (sum(sizes) + 1)
    if any(s < 0 for s in sizes) or sum(sizes) != x.shape[axis]:
        raise ShapeError(f"For 'SplitV', 'size_splits' {list(_ints(self.size_splits))} must add "
                         f"up to {x.shape[axis]}, the size of dimension {axis} of {tuple(x.shape)}.")
    return tuple(F.split(x, sizes, axis))


def _segments(op, x, ids):
    """``(x, ids, count)``: the sorted, non-negative segment ids checked against ``x``, and the
    number of segments (the largest id + 1)."""
    x = _tensor(op, "input_x", x)
    ids = _tensor(op, "segment_ids", ids)
    if ids.dtype not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For '{op}', 'segment_ids' must be int32 or int64, but got {ids.dtype}.")
    if ids.ndim != 1 or x.ndim == 0 or ids.shape[0] != x.shape[0]:
        raise ShapeError(f"For '{op}', 'segment_ids' must be 1-D with the length of the first "
                         f"dimension of 'input_x', but got {tuple(ids.shape)} and "
                         f"{tuple(x.shape)}.")
    v = ids.asnumpy()
    if v.size and (v.min() < 0 or (_np.diff(v) < 0).any()):
        raise ShapeError(f"For '{op}', 'segment_ids' must be sorted and non-negative, but got "
                         f"{v.tolist()}.")
    return x, ids, int(v.max()) + 1 if v.size else 0


def _segment(op, reduce):
    def call(self, x, segment_ids):
        x, ids, n = _segments(op, x, segment_ids)
        ones = F.ones((x.shape[0],), mstype.float32)
        count = F.unsorted_segment_sum(ones, ids, n)
        count = count.reshape((n,) + (1,) * (x.ndim - 1))
        return reduce(x, ids, n, count)
    return call


def _empty_to_zero(values, count):
    return F.select(F.broadcast_to(count > 0, values.shape), values, F.zeros_like(values))


def _bound(right):
    def call(self, sorted_x, values):
        op = "UpperBound" if right else "LowerBound"
        a, v = _tensor(op, "sorted_x", sorted_x), _tensor(op, "values", values)
        if a.ndim != 2 or v.ndim != 2 or a.shape[0] != v.shape[0]:
            raise ShapeError(f"For '{op}', 'sorted_x' and 'values' must be 2-D with the same "
                             f"number of rows, but got {tuple(a.shape)} and {tuple(v.shape)}.")
        return F.searchsorted(a, v.astype(a.dtype), right=right).astype(self.out_type)
    return call


def _in_top_k(self, x1, x2):
    x1, x2 = _tensor("InTopK", "x1", x1), _tensor("InTopK", "x2", x2)
    if x1.ndim != 2 or x2.shape != (x1.shape[0],):
        raise ShapeError(f"For 'InTopK', 'x1' must be (N, C) and 'x2' (N,), but got "
                         f"{tuple(x1.shape)} and {tuple(x2.shape)}.")
    target = F.gather_elements(x1, 1, x2.astype(mstype.int64).reshape(-1, 1))
    # In the top k when fewer than k entries of the row are larger (ties count for the target).
    larger = F.sum((x1 > target).astype(mstype.int32), 1)
    return larger < int(self.k)


def _count_nonzero(self, x):
    x = _tensor("CountNonZero", "x", x)
    dims = () if self.dims is None else _ints(self.dims)
    return F.count_nonzero(x, dims, False, mstype.int64)


def _euclidean_norm(self, x, axes):
    x = _tensor("EuclideanNorm", "x", x)
    axes = tuple(a % max(x.ndim, 1) for a in _ints(axes))
    return F.sqrt(F.sum(x * x, axes, self.keep_dims) if axes else x * x)


def _write(target, value):
    """Writes `value` into `target` (a Parameter or a Tensor, as MindSpore's in-place scatters
    accept either); returns it."""
    F.assign(target, value)
    return value


def _scatter_sub(self, input_x, indices, updates):
    x = _tensor("ScatterSub", "input_x", input_x)
    idx = _tensor("ScatterSub", "indices", indices)
    return _write(input_x, F.tensor_scatter_sub(x, idx.reshape(tuple(idx.shape) + (1,)), updates))


def _scatter_non_aliasing_add(self, input_x, indices, updates):
    x = _tensor("ScatterNonAliasingAdd", "input_x", input_x)
    return _write(input_x, F.tensor_scatter_add(x, indices, updates))


def _conv_input_grad(op):
    def call(self, dout, weight, input_size):
        """The gradient of ``conv2d(x, weight)`` with respect to ``x`` of shape `input_size`: the
        transposed convolution of `dout` without padding, then the rows and columns of `x` cut
        out of it (zeros where the convolution never read)."""
        dout, weight = _tensor(op, "dout", dout), _tensor(op, "weight", weight)
        n, c, h, w = _ints(input_size)
        if self.data_format != "NCHW" or dout.ndim != 4 or weight.ndim != 4:
            raise ShapeError(f"For '{op}', 'dout' and 'weight' must be NCHW, 4-D, but got "
                             f"{tuple(dout.shape)} and {tuple(weight.shape)}.")
        kh, kw = weight.shape[2:]
        (sh, sw), (dh, dw) = _pair(op, "stride", self.stride), _pair(op, "dilation", self.dilation)
        mode = str(self.pad_mode).lower()
        span_h, span_w = (kh - 1) * dh + 1, (kw - 1) * dw + 1
        if mode == "valid":
            top = left = 0
            want = ((h - span_h) // sh + 1, (w - span_w) // sw + 1)
        elif mode == "same":
            top = max((math.ceil(h / sh) - 1) * sh + span_h - h, 0) // 2
            left = max((math.ceil(w / sw) - 1) * sw + span_w - w, 0) // 2
            want = (math.ceil(h / sh), math.ceil(w / sw))
        elif mode == "pad":
            pads = _ints(self.pad_list if self.pad_list is not None else self.pad)
            pads = pads * 4 if len(pads) == 1 else pads
            top, left = pads[0], pads[2]
            want = ((h + pads[0] + pads[1] - span_h) // sh + 1,
                    (w + pads[2] + pads[3] - span_w) // sw + 1)
        else:
            raise ShapeError(f"For '{op}', 'pad_mode' must be 'valid', 'same' or 'pad', but got "
                             f"{self.pad_mode!r}.")
        group = int(self.group)
        if (tuple(dout.shape[2:]) != want or dout.shape[1] != weight.shape[0]
                or c != weight.shape[1] * group or dout.shape[0] != n):
            raise ShapeError(f"For '{op}', 'input_size' {(n, c, h, w)} does not fit 'dout' "
                             f"{tuple(dout.shape)} and 'weight' {tuple(weight.shape)}: the "
                             f"convolution of that input gives {(n, weight.shape[0]) + want}.")
        full = F.conv_transpose2d(dout, weight, None, (sh, sw), 0, 0, group, (dh, dw))
        fh, fw = full.shape[2:]
        full = F.pad(full, (0, max(left + w - fw, 0), 0, max(top + h - fh, 0)))
        return full[:, :, top:top + h, left:left + w]
    return call


def _channel_dropout(op, dims):
    def call(self, x):
        x = _tensor(op, "x", x)
        if x.ndim != dims:
            raise ShapeError(f"For '{op}', 'x' must be {dims}-D, but got {tuple(x.shape)}.")
        keep = float(self.keep_prob)
        if not 0.0 <= keep <= 1.0:
            raise ShapeError(f"For '{op}', 'keep_prob' must be in [0, 1], but got {keep}.")
        channels = tuple(x.shape[:2]) + (1,) * (dims - 2)
        kept = F.bernoulli(F.zeros(channels, mstype.float32), keep) > 0.5
        mask = F.broadcast_to(kept, tuple(x.shape))
        out = F.select(mask, x / keep, F.zeros_like(x)) if keep > 0 else F.zeros_like(x)
        return out, mask
    return call


def _multinomial(self, x, num_samples):
    from .._jit import tracing
    from ._seeded import seeds_of, stream
    x = _tensor("Multinomial", "x", x)
    seeds = seeds_of(self)
    if seeds is not None and not tracing():
        # MindSpore's kernel of (seed, seed2), one per input shape, dtype and sample count.
        n = int(num_samples)
        kernel = stream(self, seeds, (tuple(x.shape), x.dtype, n))
        return kernel.multinomial(x.astype(mstype.float32), n).astype(self.dtype)
    return F.multinomial(x, int(num_samples), True).astype(self.dtype)


def _randperm(self, n):
    count = _ints(n)
    if len(count) != 1 or not 0 <= count[0] <= int(self.max_length):
        raise ShapeError(f"For 'Randperm', 'n' must be one value in [0, max_length = "
                         f"{self.max_length}], but got {count}.")
    perm = F.randperm(count[0], dtype=self.dtype) if count[0] else F.zeros((0,), self.dtype)
    pad = F.full((int(self.max_length) - count[0],), self.pad, self.dtype)
    return F.cat((perm.astype(self.dtype), pad))


def _truncated_normal(self, shape):
    dims = _ints(shape)
    # The inverse of the normal CDF of a uniform draw between Φ(−2) and Φ(2).
    lo = 0.5 * math.erfc(2 / math.sqrt(2))
    u = F.uniform(dims, Tensor(lo, mstype.float32), Tensor(1 - lo, mstype.float32))
    return (math.sqrt(2) * F.erfinv(2 * u - 1)).astype(self.dtype)


_CLASSES = [
    ("Pack", [("axis", 0)], "(x)", "``ops.stack`` of the tensors of `x` along `axis`.",
     lambda s, x: F.stack(list(x), s.axis)),
    ("Unpack", [("axis", 0), ("num", None)], "(x)",
     "the tuple of the slices of `x` along `axis` (``ops.unstack``).",
     lambda s, x: tuple(F.unstack(x, s.axis))),
    ("SplitV", [("size_splits", _REQUIRED), ("split_dim", _REQUIRED), ("num_split", _REQUIRED)],
     "(input_x)", "the tuple of pieces of the given sizes along `split_dim` (one size may be -1).",
     _split_v),
    ("SegmentSum", [], "(input_x, segment_ids)",
     "the sum of each segment of rows (sorted ids; 0 for an empty segment).",
     _segment("SegmentSum", lambda x, i, n, c: F.unsorted_segment_sum(x, i, n))),
    ("SegmentMean", [], "(input_x, segment_ids)",
     "the mean of each segment of rows (sorted ids; 0 for an empty segment).",
     _segment("SegmentMean", lambda x, i, n, c: F.unsorted_segment_sum(x, i, n)
              / F.maximum(c, F.ones_like(c)).astype(x.dtype))),
    ("SegmentMax", [], "(input_x, segment_ids)",
     "the maximum of each segment of rows (sorted ids; 0 for an empty segment).",
     _segment("SegmentMax", lambda x, i, n, c: _empty_to_zero(F.unsorted_segment_max(x, i, n), c))),
    ("SegmentMin", [], "(input_x, segment_ids)",
     "the minimum of each segment of rows (sorted ids; 0 for an empty segment).",
     _segment("SegmentMin", lambda x, i, n, c: _empty_to_zero(F.unsorted_segment_min(x, i, n), c))),
    ("SegmentProd", [], "(input_x, segment_ids)",
     "the product of each segment of rows (sorted ids; 1 for an empty segment).",
     _segment("SegmentProd", lambda x, i, n, c: F.unsorted_segment_prod(x, i, n))),
    ("LowerBound", [("out_type", mstype.int32)], "(sorted_x, values)",
     "for each row, the first position in `sorted_x` whose entry is not less than each value.",
     _bound(False)),
    ("UpperBound", [("out_type", mstype.int32)], "(sorted_x, values)",
     "for each row, the first position in `sorted_x` whose entry is greater than each value.",
     _bound(True)),
    ("InTopK", [("k", _REQUIRED)], "(x1, x2)",
     "whether the entry ``x1[i, x2[i]]`` is among the `k` largest of row `i` (Bool).", _in_top_k),
    ("CountNonZero", [("dims", None)], "(x)",
     "the number of non-zero entries along `dims` (all when None), as Int64.", _count_nonzero),
    ("EuclideanNorm", [("keep_dims", False)], "(x, axes)", "``√(Σ x²)`` along `axes`.",
     _euclidean_norm),
    ("MatrixExp", [], "(x)", "the matrix exponential of each square matrix (``ops.matrix_exp``).",
     lambda s, x: F.matrix_exp(x)),
    ("ScatterSub", [("use_locking", False)], "(input_x, indices, updates)",
     "``input_x[indices] -= updates`` (repeated indices subtract each), in place; "
     "returns the updated value.", _scatter_sub),
    ("ScatterNonAliasingAdd", [], "(input_x, indices, updates)",
     "``input_x`` plus `updates` at the index tuples `indices` (``ops.tensor_scatter_add``), in "
     "place; returns the updated value.", _scatter_non_aliasing_add),
    ("IdentityN", [], "(x)", "the tensors of `x`, as a tuple.", lambda s, x: tuple(x)),
    ("ConjugateTranspose", [], "(x, perm)", "the conjugate of ``ops.transpose(x, perm)``.",
     lambda s, x, perm: F.conj(F.transpose(x, tuple(perm)))),
    ("Conv2DBackpropInput", [("out_channel", _REQUIRED), ("kernel_size", _REQUIRED),
                             ("pad_mode", "valid"), ("pad", 0), ("pad_list", None), ("mode", 1),
                             ("stride", 1), ("dilation", 1), ("group", 1),
                             ("data_format", "NCHW")], "(dout, weight, input_size)",
     "the gradient of a convolution with respect to its input of shape `input_size`.",
     _conv_input_grad("Conv2DBackpropInput")),
    ("Conv2DTranspose", [("out_channel", _REQUIRED), ("kernel_size", _REQUIRED),
                         ("pad_mode", "valid"), ("pad", 0), ("pad_list", None), ("mode", 1),
                         ("stride", 1), ("dilation", 1), ("group", 1), ("data_format", "NCHW")],
     "(dout, weight, input_size)",
     "the transposed convolution: ``Conv2DBackpropInput`` under its other name.",
     _conv_input_grad("Conv2DTranspose")),
    ("CropAndResize", [("method", "bilinear"), ("extrapolation_value", 0.0)],
     "(x, boxes, box_index, crop_size)", "``ops.crop_and_resize`` (NHWC).",
     lambda s, x, b, i, size: F.crop_and_resize(x, b, i, tuple(size), s.method,
                                                s.extrapolation_value)),
    ("CTCGreedyDecoder", [("merge_repeated", True)], "(inputs, sequence_length)",
     "``ops.ctc_greedy_decoder``: decoded indices, values, shape and log probabilities.",
     lambda s, x, lengths: F.ctc_greedy_decoder(x, lengths, s.merge_repeated)),
    ("Dropout2D", [("keep_prob", 0.5)], "(x)",
     "``(output, mask)``: whole channels of an ``(N, C, H, W)`` input zeroed with probability "
     "``1 − keep_prob``, the others scaled by ``1/keep_prob``; the Bool mask.",
     _channel_dropout("Dropout2D", 4)),
    ("Dropout3D", [("keep_prob", 0.5)], "(x)",
     "``(output, mask)``: whole channels of an ``(N, C, D, H, W)`` input zeroed with probability "
     "``1 − keep_prob``, the others scaled by ``1/keep_prob``; the Bool mask.",
     _channel_dropout("Dropout3D", 5)),
    ("Multinomial", [("seed", 0), ("seed2", 0), ("dtype", mstype.int32)], "(x, num_samples)",
     "`num_samples` category draws per row of weights, with replacement.", _multinomial),
    ("Randperm", [("max_length", 1), ("pad", -1), ("dtype", mstype.int32)], "(n)",
     "a random permutation of ``0 … n−1`` padded with `pad` to `max_length`.", _randperm),
    ("StandardLaplace", [("seed", 0), ("seed2", 0)], "(shape)",
     "draws of the standard Laplace distribution.",
     lambda s, shape: F.standard_laplace(_ints(shape))),
    ("TruncatedNormal", [("dtype", mstype.float32), ("seed", 0), ("seed2", 0)], "(shape)",
     "draws of the standard normal distribution truncated to ``[−2, 2]``.", _truncated_normal),
]

for _name, _attr_list, _call, _doc, _fn in _CLASSES:
    globals()[_name] = _attrs(_name, _attr_list, _call, _doc, _fn)


def _checking_seeds(cls):
    """`cls` whose constructor checks ``seed`` and ``seed2`` as MindSpore does (ints >= 0)."""
    from ._seeded import check_seed
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        for name in ("seed", "seed2"):
            check_seed(cls.__name__, name, getattr(self, name))
    __init__.__signature__ = init.__signature__
    cls.__init__ = __init__


for _cls in (Multinomial, StandardLaplace):  # noqa: F821 (made above)
    _checking_seeds(_cls)

# One example per class: setup lines, the call and what it prints (equal, to the digits shown, to
# what MindSpore 2.10 prints for the same call where its CPU kernel runs).
_X = ["x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])"]
_SEG = ["v = ms.Tensor([1., 2., 3., 4.])", "ids = ms.Tensor([0, 0, 2, 2], ms.int32)"]
_EXAMPLES = {
    "Pack": (_X, "ops.Pack(axis=1)((x, x * 2)).shape", "(2, 2, 3)"),
    "Unpack": (_X, "ops.Unpack(axis=1)(x)[1]", "[-2.   0.5]"),
    "SplitV": (_X, "ops.SplitV([1, 2], 1, 2)(x)[1]", "[[-2.   0. ]\n [ 0.5 -1. ]]"),
    "SegmentSum": (_SEG, "ops.SegmentSum()(v, ids)", "[3. 0. 7.]"),
    "SegmentMean": (_SEG, "ops.SegmentMean()(v, ids)", "[1.5 0.  3.5]"),
    "SegmentMax": (_SEG, "ops.SegmentMax()(v, ids)", "[2. 0. 4.]"),
    "SegmentMin": (_SEG, "ops.SegmentMin()(v, ids)", "[1. 0. 3.]"),
    "SegmentProd": (_SEG, "ops.SegmentProd()(v, ids)", "[ 2.  1. 12.]"),
    "LowerBound": ([], "ops.LowerBound()(ms.Tensor([[1, 3, 5, 7], [2, 4, 6, 8]], ms.int32), "
                       "ms.Tensor([[3, 6], [0, 9]], ms.int32))", "[[1 3]\n [0 4]]"),
    "UpperBound": ([], "ops.UpperBound()(ms.Tensor([[1., 3., 5., 7.], [2., 4., 6., 8.]]), "
                       "ms.Tensor([[3., 6.], [0., 9.]]))", "[[2 3]\n [0 4]]"),
    "InTopK": (_X, "ops.InTopK(2)(x, ms.Tensor([1, 0], ms.int32))", "[False  True]"),
    "CountNonZero": (_X, "ops.CountNonZero(dims=[1])(x)", "[2 3]"),
    "EuclideanNorm": (_X, "ops.EuclideanNorm()(x, ms.Tensor([1], ms.int32))",
                      "[2.236068  3.2015622]"),
    "MatrixExp": ([], "ops.MatrixExp()(ms.Tensor([[0., 1.], [0., 0.]]))", "[[1. 1.]\n [0. 1.]]"),
    "ScatterSub": (["p = ms.Parameter(ms.Tensor(np.ones((3, 2), np.float32)), name='p')"],
                   "ops.ScatterSub()(p, ms.Tensor([0, 2], ms.int32), ms.Tensor([[1., 2.], [3., "
                   "4.]]))", "[[ 0. -1.]\n [ 1.  1.]\n [-2. -3.]]"),
    "ScatterNonAliasingAdd": (["p = ms.Parameter(ms.Tensor(np.ones(4, np.float32)), name='p')"],
                              "ops.ScatterNonAliasingAdd()(p, ms.Tensor([[1], [3]], ms.int32), "
                              "ms.Tensor([5., 6.]))", "[1. 6. 1. 7.]"),
    "IdentityN": (_X, "len(ops.IdentityN()([x, x]))", "2"),
    "ConjugateTranspose": ([], "ops.ConjugateTranspose()(ms.Tensor(np.array([[1+2j, 3-1j]], "
                               "np.complex64)), (1, 0))", "[[1.-2.j]\n [3.+1.j]]"),
    "Conv2DBackpropInput": (["w = ms.Tensor(np.arange(4, dtype=np.float32).reshape(1, 1, 2, 2))"],
                            "ops.Conv2DBackpropInput(1, 2)(ms.Tensor(np.ones((1, 1, 2, 2), "
                            "np.float32)), w, (1, 1, 3, 3))",
                            "[[[[0. 1. 1.]\n   [2. 6. 4.]\n   [2. 5. 3.]]]]"),
    "Conv2DTranspose": ([], "ops.Conv2DTranspose(1, 2)(ms.Tensor(np.ones((1, 1, 2, 2), "
                            "np.float32)), ms.Tensor(np.ones((1, 1, 2, 2), np.float32)), (1, 1, 3, "
                            "3))", "[[[[1. 2. 1.]\n   [2. 4. 2.]\n   [1. 2. 1.]]]]"),
    "CropAndResize": (["img = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1))"],
                      "ops.CropAndResize()(img, ms.Tensor([[0., 0., 1., 1.]]), ms.Tensor([0], "
                      "ms.int32), (2, 2)).reshape(2, 2)", "[[ 0.  3.]\n [12. 15.]]"),
    "CTCGreedyDecoder": (["p = ms.Tensor(np.array([[[0.6, 0.4, 0.2], [0.8, 0.6, 0.3]], [[0.0, "
                          "0.6, 0.0], [0.5, 0.4, 0.5]]], np.float32))"],
                         "ops.CTCGreedyDecoder()(p, ms.Tensor([2, 2], ms.int32))[3]",
                         "[[-1.2]\n [-1.3]]"),
    "Dropout2D": (["x4 = ms.Tensor(np.ones((2, 3, 4, 4), np.float32))"],
                  "ops.Dropout2D(keep_prob=0.5)(x4)[1].dtype", "Bool"),
    "Dropout3D": (["x5 = ms.Tensor(np.ones((2, 3, 2, 2, 2), np.float32))"],
                  "ops.Dropout3D(keep_prob=1.0)(x5)[0].sum()", "48.0"),
    "Multinomial": ([], "ops.Multinomial()(ms.Tensor([[0., 1.], [1., 0.]]), 3)",
                    "[[1 1 1]\n [0 0 0]]"),
    "Randperm": ([], "ops.Randperm(max_length=6)(ms.Tensor([4], ms.int32))[4:]", "[-1 -1]"),
    "StandardLaplace": ([], "ops.StandardLaplace()((2, 3)).shape", "(2, 3)"),
    "TruncatedNormal": ([], "ops.TruncatedNormal()(ms.Tensor([2, 3], ms.int32)).abs().max() <= 2",
                        "True"),
}

for _name in __all__:
    if _name in _EXAMPLES:
        _document(globals()[_name], _EXAMPLES)

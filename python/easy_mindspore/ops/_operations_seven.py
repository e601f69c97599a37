"""``mindspore.ops.operations``, part seven (re-exported by ``operations``): the rest of part six's
primitive classes of older MindSpore model code — small conversions of scalars and tuples, data
formats, ``MatrixSolveLs``, resizes, 3-D upsampling and pooling, ``Dilation2D``, depthwise
convolution, non-maximum suppression and ``ROIAlign`` — with part six's attribute and input checks.
Values and return structures are MindSpore 2.10's where its CPU kernels run and are right; where
they do not run (``ConfusionMatrix``, ``Dilation2D``, ``DepthwiseConv2dNative``,
``NonMaxSuppressionV3``) or are wrong (noted at each), the documented ones. Resizes are linear maps
built in NumPy and applied with ``matmul`` or ``gather``, so gradients flow to the image."""
import math

import numpy as _np

from . import functional as F
from .._C import Tensor
from .._errors import DTypeError, ShapeError, TensorIndexError
from ..common import dtype as mstype
from ._operations_four import _REQUIRED, _attrs, _document, _tensor
from ._operations_six import _FLOATS, _IMG, _VOL, _X, _bool, _choice, _float, _int, _ints, _typed

__all__ = ["ScalarCast", "ScalarToTensor", "ScalarToArray", "TupleToArray", "ConfusionMatrix",
           "ParallelConcat", "RaggedRange", "DataFormatDimMap", "DataFormatVecPermute",
           "CompareAndBitpack", "TensorShape", "DynamicShape", "MatrixSolveLs", "ResizeBicubic",
           "ResizeArea", "ResizeLinear1D", "ResizeNearestNeighborV2", "UpsampleNearest3D",
           "UpsampleTrilinear3D", "AdaptiveMaxPool3D", "Dilation2D", "DepthwiseConv2dNative",
           "NonMaxSuppressionV3", "NMSWithMask", "ROIAlign"]


# --- scalars and small conversions ----------------------------------------------------------------

def _number(op, name, v):
    if not isinstance(v, (bool, int, float, _np.integer, _np.floating)):
        raise DTypeError(f"For '{op}', '{name}' must be a number, but got {type(v).__name__}.")
    return v


def _scalar_cast(self, input_x, input_y):
    op = "ScalarCast"
    x, t = _number(op, "input_x", input_x), input_y
    casts = {mstype.int64: int, mstype.float64: float, mstype.bool_: bool}
    if t not in casts:
        raise ShapeError(f"For '{op}', 'input_y' must be one of int64, float64 or bool, but got "
                         f"{t}.")
    if t == mstype.int64 and not math.isfinite(x):
        raise ShapeError(f"For '{op}', cannot cast {x} to an int.")
    return casts[t](x)


def _scalar_to_tensor(self, x, dtype=mstype.float32):
    op = "ScalarToTensor"
    x = _number(op, "input_x", x)
    if dtype not in mstype.number_type and dtype != mstype.bool_:
        raise DTypeError(f"For '{op}', 'dtype' must be a number dtype, but got {dtype!r}.")
    return Tensor(x).astype(dtype)


def _scalar_to_array(self, x):
    x = _number("ScalarToArray", "input_x", x)
    return Tensor(x, mstype.int32 if isinstance(x, (bool, int, _np.integer)) else mstype.float32)


def _tuple_to_array(self, x):
    op = "TupleToArray"
    if not isinstance(x, tuple):
        raise DTypeError(f"For '{op}', 'input_x' must be a tuple, but got {type(x).__name__}.")
    if not x:
        raise ShapeError(f"For '{op}', 'input_x' must not be empty.")
    kinds = {int if isinstance(v, (int, _np.integer)) and not isinstance(v, bool) else
             float if isinstance(v, (float, _np.floating)) else None for v in x}
    if len(kinds) != 1 or None in kinds:
        raise DTypeError(f"For '{op}', the elements of 'input_x' must be all ints or all floats, "
                         f"but got {x!r}.")
    if kinds == {float}:
        return Tensor(_np.array(x, _np.float32))
    if not all(-2**63 <= v < 2**63 for v in x):
        raise ShapeError(f"For '{op}', the ints of 'input_x' must fit int64, but got {x!r}.")
    # Int32 as MindSpore gives; Int64 when a value does not fit.
    small = all(-2**31 <= v < 2**31 for v in x)
    return Tensor(_np.array(x, _np.int32 if small else _np.int64))


def _confusion_matrix(self, labels, predictions, weights=None):
    op = "ConfusionMatrix"
    n = _int(op, "num_classes", self.num_classes)
    if not isinstance(self.dtype, str) or n < 1:
        raise DTypeError(f"For '{op}', 'num_classes' must be positive and 'dtype' a str, but got "
                         f"{n} and {self.dtype!r}.")
    dtype = _choice(op, "dtype", self.dtype, ("int32", "int64", "float32", "float64"))
    ints = (mstype.int8, mstype.int16, mstype.int32, mstype.int64, mstype.uint8)
    labels, preds = _typed(op, "labels", labels, ints), _typed(op, "predictions", predictions, ints)
    lab, pre = labels.asnumpy(), preds.asnumpy()
    w = None if weights is None else _tensor(op, "weights", weights).asnumpy()
    if lab.ndim != 1 or pre.shape != lab.shape or (w is not None and w.shape != lab.shape):
        raise ShapeError(f"For '{op}', 'labels', 'predictions' and 'weights' must be 1-D of one "
                         f"length, but got {lab.shape}, {pre.shape} and "
                         f"{None if w is None else w.shape}.")
    if lab.size and min(lab.min(), pre.min()) < 0 or lab.size and max(lab.max(), pre.max()) >= n:
        raise ShapeError(f"For '{op}', 'labels' and 'predictions' must be in [0, {n}).")
    out = _np.zeros((n, n), dtype)
    _np.add.at(out, (lab, pre), 1 if w is None else w.astype(dtype))
    return Tensor(out)


def _parallel_concat(self, values):
    op = "ParallelConcat"
    if not isinstance(values, (list, tuple)) or not values:
        raise DTypeError(f"For '{op}', 'values' must be a non-empty tuple or list of Tensors, but "
                         f"got {type(values).__name__}.")
    ts = [_tensor(op, f"values[{i}]", t) for i, t in enumerate(values)]
    if any(t.dtype != ts[0].dtype for t in ts):
        raise DTypeError(f"For '{op}', the tensors must have one dtype, but got "
                         f"{[str(t.dtype) for t in ts]}.")
    if any(t.ndim < 1 or t.shape[0] != 1 or tuple(t.shape) != tuple(ts[0].shape) for t in ts):
        raise ShapeError(f"For '{op}', the tensors must have one shape (1, ...), but got "
                         f"{[tuple(t.shape) for t in ts]}.")
    return F.cat(ts, 0)


def _ragged_range(self, starts, limits, deltas):
    op = "RaggedRange"
    if self.Tsplits not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For '{op}', 'Tsplits' must be int32 or int64, but got {self.Tsplits}.")
    kinds = (mstype.int32, mstype.int64, mstype.float32, mstype.float64)
    ts = [_typed(op, n, t, kinds) for n, t in (("starts", starts), ("limits", limits),
                                              ("deltas", deltas))]
    if len({t.dtype for t in ts}) != 1:
        raise DTypeError(f"For '{op}', 'starts', 'limits' and 'deltas' must have one dtype, but "
                         f"got {[str(t.dtype) for t in ts]}.")
    if len({tuple(t.shape) for t in ts}) != 1 or ts[0].ndim > 1:
        raise ShapeError(f"For '{op}', 'starts', 'limits' and 'deltas' must have one shape, 0-D or "
                         f"1-D, but got {[tuple(t.shape) for t in ts]}.")
    s, lim, d = (t.asnumpy().reshape(-1) for t in ts)
    if (d == 0).any() or not all(_np.isfinite(v).all() for v in (s, lim, d)):
        raise ShapeError(f"For '{op}', 'deltas' must not be 0 and the inputs must be finite, but "
                         f"got {s.tolist()}, {lim.tolist()} and {d.tolist()}.")
    if s.dtype.kind == "f":
        sizes = _np.maximum(_np.ceil((lim - s) / d), 0).astype(_np.int64)
    else:
        sizes = _np.where((lim - s) * d > 0, (_np.abs(lim - s) + _np.abs(d) - 1) // _np.abs(d), 0)
    values = [s[i] + _np.arange(sizes[i]).astype(s.dtype) * d[i] for i in range(s.size)]
    dense = _np.concatenate(values).astype(s.dtype) if values else _np.zeros(0, s.dtype)
    splits = _np.concatenate([[0], _np.cumsum(sizes)])
    return Tensor(splits).astype(self.Tsplits), Tensor(dense)


def _formats(op, self, allowed=None):
    src, dst = self.src_format, self.dst_format
    if not isinstance(src, str) or not isinstance(dst, str):
        raise DTypeError(f"For '{op}', 'src_format' and 'dst_format' must be str, but got "
                         f"{src!r} and {dst!r}.")
    ok = len(src) == 4 and sorted(src) == sorted(dst) and len(set(src)) == 4
    if not ok or (allowed and (src not in allowed or dst not in allowed)):
        raise ShapeError(f"For '{op}', 'src_format' and 'dst_format' must be two orders of the "
                         f"same four letters{' in ' + str(list(allowed)) if allowed else ''}, but "
                         f"got {src!r} and {dst!r}.")
    return src, dst


def _data_format_dim_map(self, x):
    op = "DataFormatDimMap"
    src, dst = _formats(op, self)
    x = _typed(op, "input_x", x, (mstype.int32, mstype.int64))
    # Each entry names a dimension of the target layout; it maps to where the source has it.
    table = _np.array([src.index(c) for c in dst], _np.int64)
    return Tensor(table[x.asnumpy() % 4]).astype(x.dtype)


def _data_format_vec_permute(self, x):
    op = "DataFormatVecPermute"
    src, dst = _formats(op, self, ("NHWC", "NCHW"))
    x = _typed(op, "input_x", x, (mstype.int32, mstype.int64))
    if tuple(x.shape) not in ((4,), (4, 2)):
        raise ShapeError(f"For '{op}', 'input_x' must be (4,) or (4, 2), but got {tuple(x.shape)}.")
    return F.gather(x, Tensor(_np.array([src.index(c) for c in dst], _np.int64)), 0)


def _compare_and_bitpack(self, x, threshold):
    op = "CompareAndBitpack"
    kinds = (mstype.bool_, mstype.float16, mstype.float32, mstype.float64, mstype.int8,
             mstype.int16, mstype.int32, mstype.int64)
    x = _typed(op, "x", x, kinds)
    threshold = _typed(op, "threshold", threshold, (x.dtype,))
    if threshold.ndim != 0 or x.ndim == 0 or x.shape[-1] % 8:
        raise ShapeError(f"For '{op}', 'threshold' must be 0-D and 'x' have a last dimension "
                         f"divisible by 8, but got {tuple(threshold.shape)} and {tuple(x.shape)}.")
    # The first of each 8 in the highest bit, as documented (MindSpore 2.10's CPU kernel packs a
    # Bool input lowest bit first).
    bits = x.asnumpy() > threshold.asnumpy()
    return Tensor(_np.packbits(bits, axis=-1, bitorder="big"))


def _tensor_shape(self, input_x):
    return Tensor(_np.array(_tensor(type(self).__name__, "input_x", input_x).shape, _np.int64))


def _matrix_solve_ls(self, matrix, rhs, l2_regularizer):
    op = "MatrixSolveLs"
    kinds = (mstype.float32, mstype.float64, mstype.complex64, mstype.complex128)
    a = _typed(op, "matrix", matrix, kinds)
    b = _typed(op, "rhs", rhs, (a.dtype,))
    lam = _typed(op, "l2_regularizer", l2_regularizer, (mstype.float64,))
    fast = _bool(op, "fast", self.fast)
    if a.ndim < 2 or b.ndim != a.ndim or tuple(a.shape[:-1]) != tuple(b.shape[:-1]) \
            or lam.ndim != 0:
        raise ShapeError(f"For '{op}', 'matrix' (..., M, N) and 'rhs' (..., M, K) must share all "
                         f"but the last dimension and 'l2_regularizer' be 0-D, but got "
                         f"{tuple(a.shape)}, {tuple(b.shape)} and {tuple(lam.shape)}.")
    ah = F.conj(a).swapaxes(-1, -2)
    m, n = a.shape[-2:]
    if not fast and a.dtype in (mstype.float32, mstype.float64):
        # The complete orthogonal decomposition's answer: the minimum-norm least-squares solution
        # (the regulariser unused, as documented).
        return F.matmul(F.pinv(a), b)
    reg = float(lam.asnumpy()) if fast else 0.0
    if m >= n:
        gram = F.matmul(ah, a) + reg * F.eye(n, n, a.dtype)
        return _solve(gram, F.matmul(ah, b))
    gram = F.matmul(a, ah) + reg * F.eye(m, m, a.dtype)
    return F.matmul(ah, _solve(gram, b))


def _solve(gram, rhs):
    """``gram⁻¹ · rhs``."""
    if gram.shape[-1] == 1:
        return rhs / gram
    if gram.dtype in (mstype.float32, mstype.float64):
        return F.matrix_solve(gram, rhs)
    return F.matmul(F.inverse(gram), rhs)


# --- resizing, pooling, convolution, boxes --------------------------------------------------------

def _cubic(d, a):
    """Keys' cubic convolution weight at distance `d`."""
    d = _np.abs(d)
    near = ((a + 2) * d - (a + 3)) * d * d + 1
    far = ((a * d - 5 * a) * d + 8 * a) * d - 4 * a
    return _np.where(d <= 1, near, _np.where(d < 2, far, 0.0))


def _weights(kind, n_in, n_out, align=False, half=False, scale=None):
    """The ``(n_out, n_in)`` matrix of a 1-D resize, TensorFlow's (``linear``, ``cubic``, ``area``)
    or PyTorch's (``linear_torch``, with `scale` the output/input ratio when given)."""
    out = _np.arange(n_out, dtype=_np.float64)
    if align and n_out > 1:
        ratio = (n_in - 1) / (n_out - 1)
    elif align and kind == "linear_torch":
        ratio = 0.0  # PyTorch samples the first input for a single aligned output
    else:
        ratio = 1 / scale if scale else n_in / n_out
    w = _np.zeros((n_out, n_in))
    if kind == "area":
        for i in range(n_out):
            lo, hi = i * ratio, (i + 1) * ratio
            for j in range(int(math.floor(lo)), int(math.ceil(hi))):
                w[i, min(j, n_in - 1)] += (min(j + 1, hi) - max(j, lo)) / ratio
        return w
    src = (out + 0.5) * ratio - 0.5 if half else out * ratio
    if kind in ("linear", "linear_torch"):
        src = _np.clip(src, 0, n_in - 1)
        low = _np.floor(src).astype(_np.int64)
        high = _np.minimum(low + 1, n_in - 1)
        frac = src - low
        _np.add.at(w, (out.astype(_np.int64), low), 1 - frac)
        _np.add.at(w, (out.astype(_np.int64), high), frac)
        return w
    # Cubic: TensorFlow's Keys a = -0.5 for half-pixel centres (taps outside dropped and the rest
    # renormalised), a = -0.75 otherwise (taps clamped to the edge); like its kernel's table of
    # weights, the fraction is rounded to 1/1024.
    base = _np.floor(src).astype(_np.int64)
    src = base + _np.rint((src - base) * 1024) / 1024
    for k in range(-1, 3):
        tap = base + k
        wt = _cubic(src - tap, -0.5 if half else -0.75)
        inside = (tap >= 0) & (tap < n_in)
        if half:
            wt = _np.where(inside, wt, 0.0)
        _np.add.at(w, (out.astype(_np.int64), _np.clip(tap, 0, n_in - 1)), wt)
    return w / w.sum(1, keepdims=True) if half else w


def _along(x, axis, matrix):
    """`matrix` ``(n_out, n_in)`` applied along `axis` of `x`."""
    m = Tensor(matrix).astype(x.dtype)
    moved = x.swapaxes(axis, -1)
    return F.matmul(moved, m.swapaxes(0, 1)).swapaxes(axis, -1)


def _sizes(op, name, size, count):
    if isinstance(size, Tensor):
        size = [int(v) for v in _typed(op, name, size, (mstype.int32, mstype.int64))
                .asnumpy().reshape(-1)]
    size = _ints(op, name, size)
    if len(size) != count or min(size) < 1:
        raise ShapeError(f"For '{op}', '{name}' must hold {count} positive sizes, but got {size}.")
    return size


def _resize_input(op, name, x, ndim, dtypes=_FLOATS):
    x = _typed(op, name, x, dtypes)
    if x.ndim != ndim or min(x.shape[2:] or (1,)) < 1:
        raise ShapeError(f"For '{op}', '{name}' must be {ndim}-D and not empty, but got shape "
                         f"{tuple(x.shape)}.")
    return x


def _resize_bicubic(self, image, size):
    op = "ResizeBicubic"
    align, half = _bool(op, "align_corners", self.align_corners), \
        _bool(op, "half_pixel_centers", self.half_pixel_centers)
    if align and half:
        raise ShapeError(f"For '{op}', 'half_pixel_centers' must be False when 'align_corners' "
                         f"is True.")
    x = _resize_input(op, "image", image, 4)
    for axis, n in zip((2, 3), _sizes(op, "size", size, 2)):
        x = _along(x, axis, _weights("cubic", x.shape[axis], n, align, half))
    return x


def _resize_area(self, images, size):
    op = "ResizeArea"
    align = _bool(op, "align_corners", self.align_corners)
    kinds = _FLOATS + (mstype.int8, mstype.int16, mstype.int32, mstype.int64, mstype.uint8,
                       mstype.uint16)
    x = _resize_input(op, "images", images, 4, kinds).astype(mstype.float32)
    for axis, n in zip((1, 2), _sizes(op, "size", size, 2)):  # NHWC
        x = _along(x, axis, _weights("area", x.shape[axis], n, align))
    return x


def _resize_linear_1d(self, x, size):
    op = "ResizeLinear1D"
    mode = _choice(op, "coordinate_transformation_mode", self.coordinate_transformation_mode,
                   ("align_corners", "half_pixel", "asymmetric"))
    x = _resize_input(op, "x", x, 3)
    (n,) = _sizes(op, "size", size, 1)
    dtype = x.dtype
    if dtype in (mstype.float16, mstype.bfloat16):  # in Float32, rounded once, as MindSpore's kernel
        x = x.astype(mstype.float32)
    out = _along(x, 2, _weights("linear", x.shape[2], n, mode == "align_corners",
                                mode == "half_pixel"))
    return out.astype(dtype)


def _nearest_rows(n_in, n_out, align, half):
    """TensorFlow's nearest source index of each output index."""
    out = _np.arange(n_out, dtype=_np.float64)
    if align:
        ratio = (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
        src = _np.floor(out * ratio + 0.5)
    else:
        src = _np.floor((out + 0.5) * n_in / n_out if half else out * n_in / n_out)
    return _np.clip(src, 0, n_in - 1).astype(_np.int64)


def _resize_nearest_v2(self, image, size):
    op = "ResizeNearestNeighborV2"
    align, half = _bool(op, "align_corners", self.align_corners), \
        _bool(op, "half_pixel_centers", self.half_pixel_centers)
    kinds = _FLOATS + (mstype.int8, mstype.int16, mstype.int32, mstype.int64, mstype.uint8)
    x = _resize_input(op, "image", image, 4, kinds)
    for axis, n in zip((2, 3), _sizes(op, "size", size, 2)):
        x = F.gather(x, Tensor(_nearest_rows(x.shape[axis], n, align, half)), axis)
    return x


def _upsample_3d(op, x, output_size, scales):
    """The output sizes and the output/input ratios (None where `output_size` gives them)."""
    x = _resize_input(op, "x", x, 5)
    if (output_size is None) == (scales is None):
        raise ShapeError(f"For '{op}', exactly one of 'output_size' and 'scales' must be given.")
    if output_size is not None:
        return x, _sizes(op, "output_size", output_size, 3), (None,) * 3
    if not isinstance(scales, (list, tuple)) or len(scales) != 3:
        raise ShapeError(f"For '{op}', 'scales' must hold 3 floats, but got {scales!r}.")
    scales = tuple(_float(op, "scales", s) for s in scales)
    sizes = tuple(int(math.floor(n * s)) for n, s in zip(x.shape[2:], scales))
    if min(scales) <= 0 or min(sizes) < 1:
        raise ShapeError(f"For '{op}', 'scales' must be positive and give non-empty outputs, but "
                         f"got {scales}.")
    return x, sizes, scales


def _upsample_nearest_3d(self, x, output_size=None, scales=None):
    x, sizes, scales = _upsample_3d("UpsampleNearest3D", x, output_size, scales)
    for axis, n, s in zip((2, 3, 4), sizes, scales):
        ratio = 1 / s if s else x.shape[axis] / n
        rows = _np.minimum(_np.floor(_np.arange(n) * ratio), x.shape[axis] - 1).astype(_np.int64)
        x = F.gather(x, Tensor(rows), axis)
    return x


def _upsample_trilinear_3d(self, x, output_size=None, scales=None):
    align = _bool("UpsampleTrilinear3D", "align_corners", self.align_corners)
    x, sizes, scales = _upsample_3d("UpsampleTrilinear3D", x, output_size, scales)
    for axis, n, s in zip((2, 3, 4), sizes, scales):
        x = _along(x, axis, _weights("linear_torch", x.shape[axis], n, align, not align, s))
    return x


def _adaptive_max_pool_3d(self, x, output_size):
    op = "AdaptiveMaxPool3D"
    x = _typed(op, "x", x, _FLOATS + (mstype.int8, mstype.int16, mstype.int32, mstype.int64,
                                      mstype.uint8))
    if x.ndim not in (4, 5) or min(x.shape) < 1:
        raise ShapeError(f"For '{op}', 'x' must be 4-D or 5-D and not empty, but got "
                         f"{tuple(x.shape)}.")
    size = _sizes(op, "output_size", output_size, 3)
    return F.adaptive_max_pool3d(x, tuple(size), True)


def _same_pads(sizes, kernel, stride, dilation):
    """TensorFlow's SAME padding ``(left, right, top, bottom)`` of an NCHW plane."""
    pads = []
    for n, k, s, d in zip(sizes, kernel, stride, dilation):
        total = max((math.ceil(n / s) - 1) * s + (k - 1) * d + 1 - n, 0)
        pads.append((total // 2, total - total // 2))
    (top, bottom), (left, right) = pads
    return left, right, top, bottom


def _plane(op, name, v):
    """``(h, w)`` of an int, a pair or a ``(1, 1, h, w)`` quadruple."""
    t = _ints(op, name, v) if isinstance(v, (list, tuple)) else (_int(op, name, v),)
    t = t * 2 if len(t) == 1 else t[2:] if len(t) == 4 else t
    if len(t) != 2 or min(t) < 1:
        raise ShapeError(f"For '{op}', '{name}' must be a positive int, pair or (1, 1, h, w), but "
                         f"got {v!r}.")
    return t


def _dilation_2d(self, x, filter):  # noqa: A002 - MindSpore's argument name
    op = "Dilation2D"
    stride, dilation = _plane(op, "stride", self.stride), _plane(op, "dilation", self.dilation)
    mode = _choice(op, "pad_mode", self.pad_mode.upper() if isinstance(self.pad_mode, str)
                   else self.pad_mode, ("SAME", "VALID"))
    _choice(op, "data_format", self.data_format, ("NCHW",))
    x = _resize_input(op, "x", x, 4, _FLOATS + (mstype.int32, mstype.int64))
    w = _typed(op, "filter", filter, (x.dtype,))
    if w.ndim != 3 or w.shape[0] != x.shape[1]:
        raise ShapeError(f"For '{op}', 'filter' must be (C, kh, kw) with the channels of 'x' "
                         f"{tuple(x.shape)}, but got {tuple(w.shape)}.")
    kh, kw = w.shape[1:]
    if mode == "SAME":
        x = F.pad(x, _same_pads(x.shape[2:], (kh, kw), stride, dilation), value=float("-inf"))
    span = ((kh - 1) * dilation[0] + 1, (kw - 1) * dilation[1] + 1)
    if x.shape[2] < span[0] or x.shape[3] < span[1]:
        raise ShapeError(f"For '{op}', the dilated filter {span} does not fit 'x' "
                         f"{tuple(x.shape)}.")
    n, c, h, wd = x.shape
    out_h, out_w = (h - span[0]) // stride[0] + 1, (wd - span[1]) // stride[1] + 1
    # Gray-scale dilation: the maximum over each window of input + filter (-inf outside).
    rows = (_np.arange(out_h)[:, None] * stride[0] + _np.arange(kh)[None] * dilation[0])
    cols = (_np.arange(out_w)[:, None] * stride[1] + _np.arange(kw)[None] * dilation[1])
    flat = (rows[:, None, :, None] * wd + cols[None, :, None, :]).reshape(-1)
    windows = F.gather(x.reshape(n, c, h * wd), Tensor(flat), 2)
    windows = windows.reshape(n, c, out_h * out_w, kh * kw) + w.reshape(1, c, 1, kh * kw)
    return F.amax(windows, -1).reshape(n, c, out_h, out_w)


def _depthwise_conv(self, x, weight):
    op = "DepthwiseConv2dNative"
    if _int(op, "channel_multiplier", self.channel_multiplier) != 1:
        raise ShapeError(f"For '{op}', only 'channel_multiplier' 1 fits a weight of batch 1, but "
                         f"got {self.channel_multiplier}.")
    kernel, stride = _plane(op, "kernel_size", self.kernel_size), _plane(op, "stride", self.stride)
    dilation = _plane(op, "dilation", self.dilation)
    mode = _choice(op, "pad_mode", self.pad_mode, ("valid", "same", "pad"))
    x = _resize_input(op, "x", x, 4)
    w = _typed(op, "weight", weight, (x.dtype,))
    c = x.shape[1]
    if tuple(w.shape) != (1, c) + tuple(kernel):
        raise ShapeError(f"For '{op}', 'weight' must be {(1, c) + tuple(kernel)}, but got "
                         f"{tuple(w.shape)}.")
    if mode == "same":
        x = F.pad(x, _same_pads(x.shape[2:], kernel, stride, dilation))
    elif mode == "pad":
        pads = _ints(op, "pad", self.pad) if isinstance(self.pad, (list, tuple)) \
            else (_int(op, "pad", self.pad),) * 4
        if len(pads) != 4 or min(pads) < 0:
            raise ShapeError(f"For '{op}', 'pad' must be one or four non-negative ints, but got "
                             f"{self.pad!r}.")
        x = F.pad(x, (pads[2], pads[3], pads[0], pads[1]))
    span = [(k - 1) * d + 1 for k, d in zip(kernel, dilation)]
    if x.shape[2] < span[0] or x.shape[3] < span[1]:
        raise ShapeError(f"For '{op}', the kernel {tuple(span)} does not fit 'x' {tuple(x.shape)}.")
    return F.conv2d(x, w.reshape(c, 1, *kernel), None, stride, "valid", 0, dilation, c)


def _iou(a, b):
    """IoU of box `a` against the rows of `b`, boxes as corner pairs in any order."""
    lo = _np.maximum(_np.minimum(a[:2], a[2:]), _np.minimum(b[:, :2], b[:, 2:]))
    hi = _np.minimum(_np.maximum(a[:2], a[2:]), _np.maximum(b[:, :2], b[:, 2:]))
    inter = _np.prod(_np.clip(hi - lo, 0, None), 1)
    area = lambda v: _np.abs((v[..., 2] - v[..., 0]) * (v[..., 3] - v[..., 1]))  # noqa: E731
    union = area(a) + area(b) - inter
    return _np.where(union > 0, inter / _np.where(union > 0, union, 1), 0.0)


def _greedy_nms(boxes, order, threshold, limit):
    """Positions of `order` kept by greedy suppression (IoU above `threshold`), at most `limit`."""
    kept = []
    for i in order:
        if len(kept) >= limit:
            break
        if not kept or (_iou(boxes[i], boxes[kept]) <= threshold).all():
            kept.append(int(i))
    return kept


def _nms_v3(self, boxes, scores, max_output_size, iou_threshold, score_threshold):
    op = "NonMaxSuppressionV3"
    b = _typed(op, "boxes", boxes, (mstype.float16, mstype.float32))
    s = _typed(op, "scores", scores, (b.dtype,))
    if b.ndim != 2 or b.shape[1] != 4 or tuple(s.shape) != (b.shape[0],):
        raise ShapeError(f"For '{op}', 'boxes' must be (N, 4) and 'scores' (N,), but got "
                         f"{tuple(b.shape)} and {tuple(s.shape)}.")
    limit = max_output_size
    if isinstance(limit, Tensor):
        limit = int(_typed(op, "max_output_size", limit, (mstype.int32, mstype.int64)).asnumpy())
    limit = _int(op, "max_output_size", limit)
    iou, floor = (float(_typed(op, n, v, _FLOATS).asnumpy()) if isinstance(v, Tensor)
                  else _float(op, n, v) for n, v in (("iou_threshold", iou_threshold),
                                                     ("score_threshold", score_threshold)))
    if limit < 0 or not 0 <= iou <= 1:
        raise ShapeError(f"For '{op}', 'max_output_size' must be non-negative and 'iou_threshold' "
                         f"in [0, 1], but got {limit} and {iou}.")
    sv = s.asnumpy().astype(_np.float64)
    order = [i for i in _np.argsort(-sv, kind="stable") if sv[i] > floor]
    kept = _greedy_nms(b.asnumpy().astype(_np.float64), order, iou, limit)
    return Tensor(_np.array(kept, _np.int32))


def _nms_with_mask(self, bboxes):
    op = "NMSWithMask"
    threshold = _float(op, "iou_threshold", self.iou_threshold)
    b = _typed(op, "bboxes", bboxes, (mstype.float16, mstype.float32))
    if b.ndim != 2 or b.shape[1] != 5:
        raise ShapeError(f"For '{op}', 'bboxes' must be (N, 5): x1, y1, x2, y2, score, but got "
                         f"{tuple(b.shape)}.")
    # As MindSpore 2.10's CPU kernel: the boxes sorted by score, the indices and the mask of the
    # kept ones in that order.
    v = b.asnumpy()
    order = _np.argsort(-v[:, 4].astype(_np.float64), kind="stable")
    ranked = v[order]
    kept = _greedy_nms(ranked[:, :4].astype(_np.float64), range(len(ranked)), threshold, len(v))
    mask = _np.zeros(len(v), bool)
    mask[kept] = True
    return Tensor(ranked), Tensor(_np.arange(len(v), dtype=_np.int32)), Tensor(mask)


def _bilinear_taps(pos, size):
    """Detectron's bilinear sampling of positions `pos` on an axis of `size`: low and high
    indices, their weights, and whether each position lies inside [-1, size]."""
    inside = (pos >= -1) & (pos <= size)
    pos = _np.clip(pos, 0, None)
    low = _np.minimum(_np.floor(pos).astype(_np.int64), size - 1)
    high = _np.minimum(low + 1, size - 1)
    pos = _np.where(low >= size - 1, low, pos)
    frac = pos - low
    return low, high, 1 - frac, frac, inside


def _roi_align(self, features, rois):
    op = "ROIAlign"
    ph, pw = _int(op, "pooled_height", self.pooled_height), _int(op, "pooled_width",
                                                                   self.pooled_width)
    scale, samples = _float(op, "spatial_scale", self.spatial_scale), _int(op, "sample_num",
                                                                          self.sample_num)
    end = _int(op, "roi_end_mode", self.roi_end_mode)
    if min(ph, pw) < 1 or samples < 0 or end not in (0, 1):
        raise ShapeError(f"For '{op}', the pooled sizes must be positive, 'sample_num' "
                         f"non-negative and 'roi_end_mode' 0 or 1, but got {ph}, {pw}, {samples} "
                         f"and {end}.")
    x = _resize_input(op, "features", features, 4, (mstype.float16, mstype.float32))
    r = _typed(op, "rois", rois, (x.dtype,))
    if r.ndim != 2 or r.shape[1] != 5:
        raise ShapeError(f"For '{op}', 'rois' must be (R, 5): batch, x1, y1, x2, y2, but got "
                         f"{tuple(r.shape)}.")
    n, c, h, w = x.shape
    boxes = r.asnumpy().astype(_np.float64)
    batch = boxes[:, 0].astype(_np.int64)
    if boxes.size and (batch.min() < 0 or batch.max() >= n):
        raise TensorIndexError(f"For '{op}', the batch indices of 'rois' must be in [0, {n}), but "
                               f"got {batch.tolist()}.")
    flat = x.reshape(n, c, h * w)
    out = []
    for k, (b, x1, y1, x2, y2) in enumerate(boxes):
        x1, y1, x2, y2 = (v * scale for v in (x1, y1, x2, y2))
        # roi_end_mode 1 moves the end by one input pixel (``spatial_scale`` on the feature map);
        # mode 0 (the older one) makes a smaller region one pixel wide and high, as MindSpore's
        # kernel (its documented example: a 0.5-pixel region in mode 1 stays 0.5 wide).
        rw, rh = x2 - x1 + end * scale, y2 - y1 + end * scale
        if end == 0:
            rw, rh = max(rw, 1.0), max(rh, 1.0)
        gh = samples or int(math.ceil(rh / ph))
        gw = samples or int(math.ceil(rw / pw))
        ys = y1 + (_np.arange(ph * gh) + 0.5) * rh / (ph * gh)
        xs = x1 + (_np.arange(pw * gw) + 0.5) * rw / (pw * gw)
        yl, yh, wyl, wyh, yin = _bilinear_taps(ys, h)
        xl, xh, wxl, wxh, xin = _bilinear_taps(xs, w)
        index, weight = [], []
        for yi, wy in ((yl, wyl), (yh, wyh)):
            for xi, wx in ((xl, wxl), (xh, wxh)):
                index.append((yi[:, None] * w + xi[None]).reshape(-1))
                weight.append((wy[:, None] * wx[None] * yin[:, None] * xin[None]).reshape(-1))
        taps = F.gather(flat[int(b)], Tensor(_np.concatenate(index)), 1).reshape(c, 4, -1)
        values = (taps * Tensor(_np.stack(weight)).astype(x.dtype)).sum(1)
        out.append(values.reshape(c, ph, gh, pw, gw).mean((2, 4)))
    return F.stack(out, 0) if out else F.zeros((0, c, ph, pw), x.dtype)


_CLASSES = [
    ("ScalarCast", [], "(input_x, input_y)",
     "the Python number `input_x` as ``int`` (int64), ``float`` (float64) or ``bool``.",
     _scalar_cast),
    ("ScalarToTensor", [], "(x, dtype=float32)", "a 0-D tensor of the number `input_x`.",
     _scalar_to_tensor),
    ("ScalarToArray", [], "(input_x)", "a 0-D tensor of the number (Int32 or Float32).",
     _scalar_to_array),
    ("TupleToArray", [], "(input_x)",
     "a 1-D tensor of a tuple of ints (Int32) or of floats (Float32).", _tuple_to_array),
    ("ConfusionMatrix", [("num_classes", _REQUIRED), ("dtype", "int32")],
     "(labels, predictions, weights=None)",
     "the ``(num_classes, num_classes)`` counts (or summed weights) of each (label, prediction).",
     _confusion_matrix),
    ("ParallelConcat", [], "(values)",
     "the tensors ``(1, ...)`` of `values` concatenated on axis 0.", _parallel_concat),
    ("RaggedRange", [("Tsplits", _REQUIRED)], "(starts, limits, deltas)",
     "``(rt_nested_splits, rt_dense_values)``: the ranges ``starts[i] : limits[i] : deltas[i]`` "
     "one after another, and where each starts.", _ragged_range),
    ("DataFormatDimMap", [("src_format", "NHWC"), ("dst_format", "NCHW")], "(input_x)",
     "for each dimension index of `dst_format` (mod 4), its index in `src_format`.",
     _data_format_dim_map),
    ("DataFormatVecPermute", [("src_format", "NHWC"), ("dst_format", "NCHW")], "(input_x)",
     "the rows of a ``(4,)`` or ``(4, 2)`` tensor reordered from `src_format` to `dst_format`.",
     _data_format_vec_permute),
    ("CompareAndBitpack", [], "(x, threshold)",
     "``x > threshold`` packed 8 to a UInt8 along the last axis, the first in the highest bit.",
     _compare_and_bitpack),
    ("TensorShape", [], "(input_x)", "the shape of `input_x` as a 1-D Int64 tensor.",
     _tensor_shape),
    ("DynamicShape", [("dtype", 9)], "(input_x)",
     "the shape of `input_x` as a 1-D Int64 tensor (``TensorShape``).", _tensor_shape),
    ("MatrixSolveLs", [("fast", True)], "(matrix, rhs, l2_regularizer)",
     "the regularised least-squares solutions ``x`` of ``matrix · x = rhs`` (minimum norm when "
     "under-determined).", _matrix_solve_ls),
    ("ResizeBicubic", [("align_corners", False), ("half_pixel_centers", False)], "(image, size)",
     "an NCHW image resized to `size` by TensorFlow's bicubic interpolation.", _resize_bicubic),
    ("ResizeArea", [("align_corners", False)], "(images, size)",
     "an NHWC image resized to `size` by area averaging, as Float32.", _resize_area),
    ("ResizeLinear1D", [("coordinate_transformation_mode", "align_corners")], "(x, size)",
     "the last axis of an ``(N, C, W)`` tensor resized to `size` by linear interpolation.",
     _resize_linear_1d),
    ("ResizeNearestNeighborV2", [("align_corners", False), ("half_pixel_centers", False)],
     "(image, size)", "an NCHW image resized to `size` by TensorFlow's nearest neighbour.",
     _resize_nearest_v2),
    ("UpsampleNearest3D", [], "(x, output_size=None, scales=None)",
     "an NCDHW volume resized by nearest neighbour to `output_size` or by `scales`.",
     _upsample_nearest_3d),
    ("UpsampleTrilinear3D", [("align_corners", False)], "(x, output_size=None, scales=None)",
     "an NCDHW volume resized by trilinear interpolation to `output_size` or by `scales`.",
     _upsample_trilinear_3d),
    ("AdaptiveMaxPool3D", [], "(x, output_size)",
     "``(y, argmax)``: adaptive max pooling to `output_size` (D, H, W) and the Int32 positions "
     "of the maxima in each ``D·H·W`` volume.", _adaptive_max_pool_3d),
    ("Dilation2D", [("stride", _REQUIRED), ("dilation", _REQUIRED), ("pad_mode", "SAME"),
                    ("data_format", "NCHW")], "(x, filter)",
     "gray-scale dilation: the maximum of ``x + filter`` over each window, per channel.",
     _dilation_2d),
    ("DepthwiseConv2dNative", [("channel_multiplier", _REQUIRED), ("kernel_size", _REQUIRED),
                               ("mode", 3), ("pad_mode", "valid"), ("pad", 0), ("stride", 1),
                               ("dilation", 1), ("group", 1)], "(x, weight)",
     "the depthwise convolution of each channel with its ``(1, C, kh, kw)`` weight.",
     _depthwise_conv),
    ("NonMaxSuppressionV3", [], "(boxes, scores, max_output_size, iou_threshold, score_threshold)",
     "the Int32 indices of at most `max_output_size` boxes kept by greedy non-maximum suppression.",
     _nms_v3),
    ("NMSWithMask", [("iou_threshold", 0.5)], "(bboxes)",
     "``(output_boxes, output_idx, selected_mask)``: the boxes sorted by score, their positions "
     "and whether non-maximum suppression keeps each.", _nms_with_mask),
    ("ROIAlign", [("pooled_height", _REQUIRED), ("pooled_width", _REQUIRED),
                  ("spatial_scale", _REQUIRED), ("sample_num", 2), ("roi_end_mode", 1)],
     "(features, rois)", "the ``(R, C, pooled_height, pooled_width)`` bilinear averages of the "
     "regions ``(batch, x1, y1, x2, y2)``.", _roi_align),
]

for _name, _attr_list, _call, _doc, _fn in _CLASSES:
    globals()[_name] = _attrs(_name, _attr_list, _call, _doc, _fn)

# One example per class: setup lines (part six's), the call and what it prints (equal, to the
# digits shown, to what MindSpore 2.10 prints for the same call where its CPU kernel runs).
_EXAMPLES = {
    "ScalarCast": ([], "ops.ScalarCast()(-3.7, ms.int64)", "-3"),
    "ScalarToTensor": ([], "ops.ScalarToTensor()(3.7, ms.int32)", "3"),
    "ScalarToArray": ([], "ops.ScalarToArray()(2.5).dtype", "Float32"),
    "TupleToArray": ([], "ops.TupleToArray()((1., 2.5))", "[1.  2.5]"),
    "ConfusionMatrix": ([], "ops.ConfusionMatrix(3)(ms.Tensor([0, 1, 1, 2], ms.int32), "
                            "ms.Tensor([0, 2, 1, 2], ms.int32))",
                        "[[1 0 0]\n [0 1 1]\n [0 0 1]]"),
    "ParallelConcat": ([], "ops.ParallelConcat()((ms.Tensor([[1., 2.]]), ms.Tensor([[3., 4.]])))",
                       "[[1. 2.]\n [3. 4.]]"),
    "RaggedRange": ([], "ops.RaggedRange(ms.int32)(ms.Tensor([2, 5, 8], ms.int32), ms.Tensor([3, "
                        "5, 12], ms.int32), ms.Tensor([1, 1, 1], ms.int32))[1]",
                    "[ 2  8  9 10 11]"),
    "DataFormatDimMap": ([], "ops.DataFormatDimMap()(ms.Tensor([0, 1, 2, 3, -1, -4], ms.int32))",
                         "[0 3 1 2 2 0]"),
    "DataFormatVecPermute": ([], "ops.DataFormatVecPermute()(ms.Tensor([1, 2, 3, 4], ms.int32))",
                             "[1 4 2 3]"),
    "CompareAndBitpack": ([], "ops.CompareAndBitpack()(ms.Tensor(np.arange(1, 17, dtype="
                              "np.float32).reshape(2, 8)), ms.Tensor(6.0))", "[[  3]\n [255]]"),
    "TensorShape": (_X, "ops.TensorShape()(x)", "[2 3]"),
    "DynamicShape": (_X, "ops.DynamicShape()(x).dtype", "Int64"),
    "MatrixSolveLs": ([], "ops.MatrixSolveLs()(ms.Tensor([[1., 2., 3.]]), ms.Tensor([[6.]]), "
                          "ms.Tensor(0.0, ms.float64))",
                      "[[0.42857143]\n [0.85714287]\n [1.2857143 ]]"),
    "ResizeBicubic": (_IMG, "ops.ResizeBicubic(align_corners=True)(img, (3, 3))",
                      "[[[[ 0.   1.5  3. ]\n   [ 6.   7.5  9. ]\n   [12.  13.5 15. ]]]]"),
    "ResizeArea": (["img = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1))"],
                   "ops.ResizeArea()(img, ms.Tensor([2, 2], ms.int32)).reshape(2, 2)",
                   "[[ 2.5  4.5]\n [10.5 12.5]]"),
    "ResizeLinear1D": ([], "ops.ResizeLinear1D()(ms.Tensor([[[1., 2., 3.]]]), ms.Tensor([5], "
                           "ms.int64))", "[[[1.  1.5 2.  2.5 3. ]]]"),
    "ResizeNearestNeighborV2": (_IMG, "ops.ResizeNearestNeighborV2(align_corners=True)(img, "
                                      "ms.Tensor([3, 3], ms.int32))",
                                "[[[[ 0.  2.  3.]\n   [ 8. 10. 11.]\n   [12. 14. 15.]]]]"),
    "UpsampleNearest3D": (_VOL,
                          "ops.UpsampleNearest3D()(v, None, (2., 1.5, 1.)).shape",
                          "(1, 1, 4, 3, 2)"),
    "UpsampleTrilinear3D": (_VOL,
                            "ops.UpsampleTrilinear3D(True)(v, (3, 3, 3))[0, 0, 1]",
                            "[[2.  2.5 3. ]\n [3.  3.5 4. ]\n [4.  4.5 5. ]]"),
    "AdaptiveMaxPool3D": (["v = ms.Tensor([[[[1., 5., 2.], [3., 0., 4.]], [[7., 1., 2.], [0., 9., "
                           "1.]]]])"], "ops.AdaptiveMaxPool3D()(v, ms.Tensor([2, 1, 1], "
                                       "ms.int32))[1].reshape(-1)", "[ 1 10]"),
    "Dilation2D": (_IMG, "ops.Dilation2D(stride=1, dilation=1, pad_mode='VALID')(img, ms.Tensor("
                         "[[[1., 0.], [0., 2.]]]))",
                   "[[[[ 7.  8.  9.]\n   [11. 12. 13.]\n   [15. 16. 17.]]]]"),
    "DepthwiseConv2dNative": (_IMG, "ops.DepthwiseConv2dNative(1, 2)(img, ms.Tensor(np.ones((1, 1, "
                                    "2, 2), np.float32)))",
                              "[[[[10. 14. 18.]\n   [26. 30. 34.]\n   [42. 46. 50.]]]]"),
    "NonMaxSuppressionV3": (["b = ms.Tensor([[0., 0., 1., 1.], [0., 0.1, 1., 1.1], [0., 2., 1., "
                             "3.]])"], "ops.NonMaxSuppressionV3()(b, ms.Tensor([0.9, 0.95, 0.6]), "
                                       "ms.Tensor(3, ms.int32), ms.Tensor(0.5), ms.Tensor(0.0))",
                            "[1 2]"),
    "NMSWithMask": (["b = ms.Tensor([[0., 0., 10., 10., 0.9], [1., 1., 11., 11., 0.8], [20., 20., "
                     "30., 30., 0.7]])"], "ops.NMSWithMask(0.5)(b)[2]", "[ True False  True]"),
    "ROIAlign": (["f = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))"],
                 "ops.ROIAlign(2, 2, 1.0, 2)(f, ms.Tensor([[0., 0., 0., 3., 3.]]))",
                 "[[[[ 5.    6.75]\n   [12.   13.75]]]]"),
}

for _name in __all__:
    _document(globals()[_name], _EXAMPLES)

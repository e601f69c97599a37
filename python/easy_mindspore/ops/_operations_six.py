"""``mindspore.ops.operations``, part six (re-exported by ``operations``): more primitive classes of
older MindSpore model code — norms and quantiles, losses (``CTCLoss`` with its gradient), layouts,
image patches, colour spaces, edit distances, special functions, scatter conveniences — over
functions of ``ops`` (part seven, ``_operations_seven``, has the conversions, resizes, pooling,
convolution and boxes). Constructor arguments are attributes, checked when a call reads them; a call passes them
to the function after its inputs. Values and return structures are MindSpore 2.10's where its CPU
kernels run and are right; where they do not run (``Quantile``, ``TripletMarginLoss``,
``MultilabelMarginLoss``, ``BatchToSpace``, ``SpaceToBatch``, ``ExtractImagePatches``,
``HistogramFixedWidth``, ``AccumulateNV2``, ``LerpScalar``, ``LogSoftmaxExt``, ``ConfusionMatrix``,
``Dilation2D``, ``DepthwiseConv2dNative``, ``NonMaxSuppressionV3``) or are wrong (noted at each),
the documented ones. Resizes are linear maps built in NumPy and applied with ``matmul`` or
``gather``, so gradients flow to the image."""
import math

import numpy as _np

from . import functional as F
from .._C import Parameter, Tensor
from .._errors import ComputeError, DTypeError, ShapeError, TensorIndexError
from ..common import dtype as mstype
from ._operations_four import _REQUIRED, _attrs, _document, _tensor

__all__ = ["NuclearNorm", "Quantile", "TripletMarginLoss", "MultilabelMarginLoss", "CTCLoss",
           "BatchToSpace", "SpaceToBatch", "ExtractImagePatches", "HistogramFixedWidth",
           "RGBToHSV", "HSVToRGB", "AdjustHue", "AdjustSaturation", "EditDistance", "ListDiff",
           "NthElement", "Betainc", "TridiagonalMatMul", "CheckNumerics", "AccumulateNV2",
           "LerpScalar", "LogSoftmaxExt", "MaskedScatter", "InplaceUpdateV2", "ScatterAddWithAxis"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64)


# --- checks of attributes and inputs (each error names the primitive) ---------------------------

def _int(op, name, v):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For '{op}', '{name}' must be an int, but got {type(v).__name__}.")
    return int(v)


def _bool(op, name, v):
    if not isinstance(v, (bool, _np.bool_)):
        raise DTypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    return bool(v)


def _float(op, name, v):
    if isinstance(v, bool) or not isinstance(v, (int, float, _np.floating, _np.integer)):
        raise DTypeError(f"For '{op}', '{name}' must be a float, but got {type(v).__name__}.")
    return float(v)


def _ints(op, name, v):
    """A tuple of ints from a list or tuple of ints."""
    if not isinstance(v, (list, tuple)):
        raise DTypeError(f"For '{op}', '{name}' must be a tuple or list of ints, but got "
                         f"{type(v).__name__}.")
    return tuple(_int(op, name, i) for i in v)


def _choice(op, name, v, choices):
    if not isinstance(v, str) or v not in choices:
        raise ShapeError(f"For '{op}', '{name}' must be one of {list(choices)}, but got {v!r}.")
    return v


def _typed(op, name, x, dtypes):
    """`x` checked: a Tensor of one of `dtypes`."""
    x = _tensor(op, name, x)
    if x.dtype not in dtypes:
        raise DTypeError(f"For '{op}', '{name}' must have a dtype in "
                         f"{[str(d) for d in dtypes]}, but got {x.dtype}.")
    return x


def _axis(op, name, v, ndim):
    """An axis of a tensor of rank `ndim`, in ``[-ndim, ndim)``, made non-negative."""
    v = _int(op, name, v)
    if not -ndim <= v < ndim:
        raise ShapeError(f"For '{op}', '{name}' must be in [{-ndim}, {ndim}), but got {v}.")
    return v % ndim


# --- norms, quantiles, losses ---------------------------------------------------------------------

def _nuclear_norm(self, x):
    op = "NuclearNorm"
    x = _typed(op, "x", x, (mstype.float32, mstype.float64))
    keep = _bool(op, "keepdim", self.keepdim)
    if x.ndim < 2:
        raise ShapeError(f"For '{op}', 'x' must have at least 2 dimensions, but got shape "
                         f"{tuple(x.shape)}.")
    if self.dim is None:
        if x.ndim != 2:
            raise ShapeError(f"For '{op}', 'x' must be 2-D when 'dim' is None, but got shape "
                             f"{tuple(x.shape)}.")
        dims = (0, 1)
    else:
        dims = tuple(_axis(op, "dim", d, x.ndim) for d in _ints(op, "dim", self.dim))
        if len(dims) != 2 or dims[0] == dims[1]:
            raise ShapeError(f"For '{op}', 'dim' must name two different dimensions, but got "
                             f"{self.dim!r}.")
    # MindSpore 2.10's CPU kernel gives 1 for [[0, 1], [1, 0]] (singular values 1 and 1); this is
    # the sum of the singular values.
    return F.matrix_norm(x, "nuc", axis=dims, keepdims=keep)


def _quantile(self, x, q):
    op = "Quantile"
    x = _typed(op, "input", x, (mstype.float32, mstype.float64))
    if isinstance(q, (int, float)) and not isinstance(q, bool):
        q = Tensor(float(q), x.dtype)
    q = _typed(op, "q", q, (mstype.float32, mstype.float64))
    if q.ndim > 1:
        raise ShapeError(f"For '{op}', 'q' must be a scalar or 1-D, but got shape "
                         f"{tuple(q.shape)}.")
    values = q.asnumpy()
    if values.size == 0 or not ((values >= 0) & (values <= 1)).all():
        raise ShapeError(f"For '{op}', 'q' must be in [0, 1], but got {values.tolist()}.")
    keep = _bool(op, "keep_dims", self.keep_dims)
    ignore_nan = _bool(op, "ignore_nan", self.ignore_nan)
    dim = None if self.dim is None else _axis(op, "dim", self.dim, max(x.ndim, 1))
    if x.size == 0:
        raise ShapeError(f"For '{op}', 'input' must not be empty, but got shape {tuple(x.shape)}.")
    fn = F.nanquantile if ignore_nan else F.quantile
    out = fn(x, q.reshape(-1).astype(x.dtype), axis=dim, keepdims=keep)
    return out[0] if q.ndim == 0 else out


def _triplet_margin_loss(self, x, positive, negative, margin):
    op = "TripletMarginLoss"
    x, pos, neg = (_tensor(op, n, t) for n, t in (("x", x), ("positive", positive),
                                                  ("negative", negative)))
    margin = _typed(op, "margin", margin, (mstype.float32,))
    p, eps = _int(op, "p", self.p), _float(op, "eps", self.eps)
    swap = _bool(op, "swap", self.swap)
    reduction = _choice(op, "reduction", self.reduction, ("none", "mean", "sum"))
    if not x.dtype == pos.dtype == neg.dtype or x.dtype == mstype.bool_:
        raise DTypeError(f"For '{op}', 'x', 'positive' and 'negative' must have one numeric dtype, "
                         f"but got {x.dtype}, {pos.dtype} and {neg.dtype}.")
    ranks = (x.ndim, pos.ndim, neg.ndim)
    if margin.ndim != 0 or max(ranks) <= 1 or max(ranks) >= 8:
        raise ShapeError(f"For '{op}', 'margin' must be 0-D and the inputs of rank 2 to 7, but got "
                         f"'margin' {tuple(margin.shape)} and inputs {tuple(x.shape)}, "
                         f"{tuple(pos.shape)} and {tuple(neg.shape)}.")
    try:
        _np.broadcast_shapes(tuple(x.shape), tuple(pos.shape), tuple(neg.shape))
    except ValueError:
        raise ShapeError(f"For '{op}', the shapes of 'x', 'positive' and 'negative' must "
                         f"broadcast, but got {tuple(x.shape)}, {tuple(pos.shape)} and "
                         f"{tuple(neg.shape)}.") from None
    if x.dtype not in _FLOATS:
        x, pos, neg = (t.astype(mstype.float32) for t in (x, pos, neg))
    return F.triplet_margin_loss(x, pos, neg, margin, p, eps, swap, reduction)


def _multilabel_margin_loss(self, x, target):
    op = "MultilabelMarginLoss"
    x = _typed(op, "x", x, (mstype.float16, mstype.float32))
    target = _typed(op, "target", target, (mstype.int32,))
    reduction = _choice(op, "reduction", self.reduction, ("none", "mean", "sum"))
    if x.ndim not in (1, 2) or tuple(target.shape) != tuple(x.shape):
        raise ShapeError(f"For '{op}', 'x' must be (C) or (N, C) and 'target' of its shape, but "
                         f"got {tuple(x.shape)} and {tuple(target.shape)}.")
    labels = target.asnumpy().reshape(-1, x.shape[-1])
    if labels.size and (labels.min() < -1 or labels.max() >= x.shape[-1]):
        raise ShapeError(f"For '{op}', 'target' must hold classes in [0, {x.shape[-1]}) padded "
                         f"with -1, but got values from {labels.min()} to {labels.max()}.")
    # is_target marks the classes listed before each row's first -1.
    is_target = _np.zeros_like(labels)
    for row, lab in zip(is_target, labels):
        stop = _np.flatnonzero(lab == -1)
        row[lab[:stop[0] if stop.size else lab.size]] = 1
    loss = F.multilabel_margin_loss(x, target, reduction)
    return loss, Tensor(is_target.reshape(tuple(target.shape)), mstype.int32)


def _log_add(terms):
    """``log Σ exp`` over the stacked `terms` (axis 0), -inf where all are -inf, without NaNs in
    the value or its gradient."""
    stacked = F.stack(terms, 0)
    top = F.amax(stacked, 0)
    finite = F.isfinite(top)
    shift = F.select(finite, top, F.zeros_like(top))
    total = F.exp(stacked - shift).sum(0)
    safe = F.select(finite, total, F.ones_like(total))
    return F.select(finite, F.log(safe) + shift, top)


def _ctc_labels(op, self, indices, values, lengths, max_time, batch, classes):
    """Each batch item's label sequence (from the sparse labels, in time order, repeats collapsed
    when `preprocess_collapse_repeated`), checked against its sequence length."""
    idx, vals, lens = indices.asnumpy(), values.asnumpy(), lengths.asnumpy()
    if (idx.ndim != 2 or idx.shape[1] != 2 or vals.shape != (idx.shape[0],)
            or lens.shape != (batch,)):
        raise ShapeError(f"For '{op}', 'labels_indices' must be (L, 2), 'labels_values' (L,) and "
                         f"'sequence_length' ({batch},), but got {idx.shape}, {vals.shape} and "
                         f"{lens.shape}.")
    if idx.size and (idx.min() < 0 or idx[:, 0].max() >= batch):
        raise ShapeError(f"For '{op}', the batch entries of 'labels_indices' must be in "
                         f"[0, {batch}), but got {idx[:, 0].tolist()}.")
    # The last class is the blank, never a label (MindSpore 2.10's CPU kernel takes one, and any
    # value past the classes, without a word).
    if vals.size and (vals.min() < 0 or vals.max() >= classes - 1):
        raise ShapeError(f"For '{op}', 'labels_values' must be in [0, {classes - 1}) (class "
                         f"{classes - 1} is the blank), but got {vals.tolist()}.")
    if lens.size and (lens.min() < 0 or lens.max() > max_time):
        raise ShapeError(f"For '{op}', 'sequence_length' must be in [0, max_time = {max_time}], "
                         f"but got {lens.tolist()}.")
    labels = []
    for b in range(batch):
        rows = _np.flatnonzero(idx[:, 0] == b)
        seq = [int(v) for v in vals[rows[_np.argsort(idx[rows, 1], kind="stable")]]]
        if self.preprocess_collapse_repeated:
            seq = [v for i, v in enumerate(seq) if i == 0 or v != seq[i - 1]]
        labels.append(seq)
    return labels


def _ctc_loss_value(log_probs, labels, lengths, merge, blank):
    """``-log p(label | x)`` per batch item by the forward (alpha) recursion in log space over the
    label with blanks between (state ``2i+1`` is label ``i``). With `merge`, a label state may
    repeat and two equal labels need a blank between; without it, every emitted frame is a label."""
    max_time, batch, _ = log_probs.shape
    width = 2 * max([len(s) for s in labels] + [0]) + 1
    ext = _np.full((batch, width), blank, _np.int64)
    skip = _np.zeros((batch, width), bool)
    for b, seq in enumerate(labels):
        ext[b, 1:2 * len(seq):2] = seq
        for s in range(3, 2 * len(seq) + 1, 2):
            skip[b, s] = not merge or ext[b, s] != ext[b, s - 2]
    stay = _np.ones((batch, width), bool)
    if not merge:
        stay[:, 1::2] = False
    index = Tensor(_np.broadcast_to(ext, (max_time, batch, width)).copy())
    emit = F.gather_elements(log_probs, 2, index)
    neg = Tensor(_np.full((batch, width), -_np.inf, _np.float32)).astype(log_probs.dtype)
    start = _np.zeros((batch, width), bool)
    start[:, :2] = True
    alpha = F.select(Tensor(start), emit[0], neg)
    pad = neg[:, :2]
    stay_t, skip_t = Tensor(stay), Tensor(skip)
    for t in range(1, max_time):
        prev = F.cat((pad[:, :1], alpha[:, :-1]), 1)
        prev2 = F.cat((pad, alpha[:, :-2]), 1)[:, :width]
        new = _log_add([F.select(stay_t, alpha, neg), prev, F.select(skip_t, prev2, neg)]) + emit[t]
        live = Tensor((lengths > t).reshape(-1, 1).repeat(width, 1))
        alpha = F.select(live, new, alpha)
    ends = _np.array([[2 * len(s), max(2 * len(s) - 1, 0)] for s in labels], _np.int64)
    last = F.gather_elements(alpha, 1, Tensor(ends))
    # One end state when the label is empty (both columns name state 0).
    single = _np.stack([_np.zeros(batch, bool), ends[:, 0] == ends[:, 1]], 1)
    last = F.select(Tensor(single), neg[:, :2], last)
    return -_log_add([last[:, 0], last[:, 1]])


def _ctc_loss(self, x, labels_indices, labels_values, sequence_length):
    op = "CTCLoss"
    x = _typed(op, "x", x, _FLOATS)
    indices = _typed(op, "labels_indices", labels_indices, (mstype.int64,))
    values = _typed(op, "labels_values", labels_values, (mstype.int32,))
    lengths = _typed(op, "sequence_length", sequence_length, (mstype.int32,))
    for name in ("preprocess_collapse_repeated", "ctc_merge_repeated",
                 "ignore_longer_outputs_than_inputs"):
        _bool(op, name, getattr(self, name))
    if x.ndim != 3 or x.shape[2] < 1:
        raise ShapeError(f"For '{op}', 'x' must be (max_time, batch_size, num_classes), but got "
                         f"{tuple(x.shape)}.")
    max_time, batch, classes = x.shape
    labels = _ctc_labels(op, self, indices, values, lengths, max_time, batch, classes)
    lens = lengths.asnumpy().astype(_np.int64)
    longer = _np.array([len(s) > n for s, n in zip(labels, lens)], bool)
    if longer.any() and not self.ignore_longer_outputs_than_inputs:
        b = int(_np.flatnonzero(longer)[0])
        raise ShapeError(f"For '{op}', a label must not be longer than its sequence, but batch "
                         f"item {b} has {len(labels[b])} labels in {lens[b]} frames.")
    # Items whose labels are longer than their sequence get loss 0 and gradient 0 (TensorFlow's
    # ignore_longer_outputs_than_inputs; MindSpore 2.10's CPU kernel fails on them, and on a
    # sequence shorter than max_time).
    labels = [[] if skip else s for s, skip in zip(labels, longer)]

    def loss_of(logits):
        log_probs = F.log_softmax(logits, -1)
        return _ctc_loss_value(log_probs, labels, lens, bool(self.ctc_merge_repeated), classes - 1)

    from .. import grad as _grad
    loss = loss_of(x)
    feasible = F.isfinite(loss) & Tensor(~longer)
    gradient = _grad(lambda v: F.select(feasible, loss_of(v), F.zeros_like(loss)).sum())(x)
    # An infeasible item (a label its frames cannot emit) has an infinite loss and no gradient.
    gradient = F.select(F.broadcast_to(feasible.reshape(1, -1, 1), tuple(x.shape)), gradient,
                        F.zeros_like(gradient))
    return F.select(Tensor(longer), F.zeros_like(loss), loss), gradient


# --- layouts --------------------------------------------------------------------------------------

def _block(op, self):
    size = _int(op, "block_size", self.block_size)
    if size < 2:
        raise ShapeError(f"For '{op}', 'block_size' must be at least 2, but got {size}.")
    return size


def _pairs(op, name, v):
    """A 2 × 2 table of non-negative ints (crops or paddings)."""
    if not isinstance(v, (list, tuple)) or len(v) != 2:
        raise DTypeError(f"For '{op}', '{name}' must be a 2 x 2 list of ints, but got {v!r}.")
    rows = [_ints(op, name, r) for r in v]
    if any(len(r) != 2 or min(r) < 0 for r in rows):
        raise ShapeError(f"For '{op}', '{name}' must be a 2 x 2 list of non-negative ints, but "
                         f"got {v!r}.")
    return rows


def _four_d(op, x):
    x = _tensor(op, "input_x", x)
    if x.ndim != 4:
        raise ShapeError(f"For '{op}', 'input_x' must be 4-D, but got shape {tuple(x.shape)}.")
    return x


def _batch_to_space(self, x):
    op = "BatchToSpace"
    size, crops = _block(op, self), _pairs(op, "crops", self.crops)
    x = _four_d(op, x)
    n, _, h, w = x.shape
    if n % (size * size) or sum(crops[0]) > h * size or sum(crops[1]) > w * size:
        raise ShapeError(f"For '{op}', the batch of 'input_x' {tuple(x.shape)} must divide by "
                         f"block_size² = {size * size} and 'crops' {crops} must fit "
                         f"{(h * size, w * size)}.")
    return F.batch_to_space_nd(x, (size, size), crops)


def _space_to_batch(self, x):
    op = "SpaceToBatch"
    size, pads = _block(op, self), _pairs(op, "paddings", self.paddings)
    x = _four_d(op, x)
    h, w = x.shape[2] + sum(pads[0]), x.shape[3] + sum(pads[1])
    if h % size or w % size:
        raise ShapeError(f"For '{op}', the padded height and width {(h, w)} of 'input_x' "
                         f"{tuple(x.shape)} must divide by 'block_size' {size}.")
    return F.space_to_batch_nd(x, (size, size), pads)


def _window(op, name, v):
    """``(row, col)`` of a ``[1, 1, row, col]`` attribute of ``ExtractImagePatches``."""
    t = _ints(op, name, v)
    if len(t) != 4 or t[:2] != (1, 1) or min(t) < 1:
        raise ShapeError(f"For '{op}', '{name}' must be [1, 1, row, col] of positive ints, but "
                         f"got {v!r}.")
    return t[2:]


def _extract_image_patches(self, input_x):
    op = "ExtractImagePatches"
    (kh, kw), (sh, sw), (rh, rw) = (_window(op, n, getattr(self, n))
                                    for n in ("ksizes", "strides", "rates"))
    mode = str(self.padding).upper() if isinstance(self.padding, str) else self.padding
    _choice(op, "padding", mode, ("VALID", "SAME"))
    x = _four_d(op, input_x)
    n, c, h, w = x.shape
    span_h, span_w = (kh - 1) * rh + 1, (kw - 1) * rw + 1
    if mode == "SAME":
        ph = max((math.ceil(h / sh) - 1) * sh + span_h - h, 0)
        pw = max((math.ceil(w / sw) - 1) * sw + span_w - w, 0)
        x = F.pad(x, (pw // 2, pw - pw // 2, ph // 2, ph - ph // 2))
    if x.shape[2] < span_h or x.shape[3] < span_w:
        raise ShapeError(f"For '{op}', the window {(span_h, span_w)} does not fit 'input_x' "
                         f"{(n, c, h, w)}.")
    out_h, out_w = (x.shape[2] - span_h) // sh + 1, (x.shape[3] - span_w) // sw + 1
    cols = F.unfold(x, (kh, kw), (rh, rw), 0, (sh, sw))
    # unfold orders the depth (channel, row, col); TensorFlow's patches (row, col, channel).
    cols = cols.reshape(n, c, kh * kw, out_h, out_w).transpose(0, 2, 1, 3, 4)
    return cols.reshape(n, kh * kw * c, out_h, out_w)


# --- histograms and colours -----------------------------------------------------------------------

def _histogram_fixed_width(self, x, value_range):
    op = "HistogramFixedWidth"
    nbins = _int(op, "nbins", self.nbins)
    if nbins < 1:
        raise ShapeError(f"For '{op}', 'nbins' must be at least 1, but got {nbins}.")
    if self.dtype != "int32":
        raise ShapeError(f"For '{op}', 'dtype' must be 'int32', but got {self.dtype!r}.")
    x = _typed(op, "x", x, (mstype.int32, mstype.float32, mstype.float16))
    rng = _typed(op, "range", value_range, (x.dtype,))
    if tuple(rng.shape) != (2,):
        raise ShapeError(f"For '{op}', 'range' must have shape (2,), but got {tuple(rng.shape)}.")
    lo, hi = rng.asnumpy().astype(_np.float64)
    if not lo < hi:
        raise ShapeError(f"For '{op}', 'range' must be increasing, but got {[lo, hi]}.")
    v = x.asnumpy().astype(_np.float64).reshape(-1)
    # Values below the range count in the first bin, above it in the last (NaNs in neither).
    v = v[~_np.isnan(v)]
    bins = _np.clip(_np.floor((v - lo) / (hi - lo) * nbins), 0, nbins - 1).astype(_np.int64)
    return Tensor(_np.bincount(bins, minlength=nbins).astype(_np.int32))


def _hsv(rgb):
    """Hue, saturation and value (each in [0, 1]) of the last axis of `rgb`."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    top = F.maximum(F.maximum(r, g), b)
    delta = top - F.minimum(F.minimum(r, g), b)
    flat = delta == 0
    d = F.select(flat, F.ones_like(delta), delta)
    hue = F.select(top == r, (g - b) / d, F.select(top == g, (b - r) / d + 2, (r - g) / d + 4))
    hue = F.select(flat, F.zeros_like(hue), hue) / 6
    hue = F.select(hue < 0, hue + 1, hue)
    sat = F.select(top > 0, delta / F.select(top > 0, top, F.ones_like(top)), F.zeros_like(top))
    return hue, sat, top


def _rgb(hue, sat, val):
    """``v − v·s·clip(min(k, 4 − k), 0, 1)`` with ``k = (n + 6h) mod 6`` for n = 5, 3, 1."""
    def channel(n):
        k = (hue * 6 + n) % 6
        return val - val * sat * F.clamp(F.minimum(k, 4 - k), 0.0, 1.0)
    return F.stack([channel(5), channel(3), channel(1)], -1)


def _image(op, name, x, dtypes, min_rank):
    x = _typed(op, name, x, dtypes)
    if x.ndim < min_rank or x.shape[-1] != 3:
        raise ShapeError(f"For '{op}', '{name}' must have at least {min_rank} dimensions and 3 "
                         f"channels last, but got shape {tuple(x.shape)}.")
    return x


def _in_float32(fn, image, *more):
    """`fn` of a float16 image computed in float32, the result cast back."""
    if image.dtype == mstype.float16:
        return fn(image.astype(mstype.float32), *more).astype(mstype.float16)
    return fn(image, *more)


def _rgb_to_hsv(self, images):
    x = _image("RGBToHSV", "images", images, _FLOATS, 1)
    return _in_float32(lambda v: F.stack(_hsv(v), -1), x)


def _hsv_to_rgb(self, x):
    x = _image("HSVToRGB", "x", x, _FLOATS, 4)
    if x.ndim != 4:
        raise ShapeError(f"For 'HSVToRGB', 'x' must be 4-D, but got shape {tuple(x.shape)}.")
    return _in_float32(lambda v: _rgb(v[..., 0], v[..., 1], v[..., 2]), x)


def _scalar_f32(op, name, v):
    v = _typed(op, name, v, (mstype.float32,))
    if v.ndim != 0:
        raise ShapeError(f"For '{op}', '{name}' must be 0-D, but got shape {tuple(v.shape)}.")
    return v


def _adjust_hue(self, image, delta):
    op = "AdjustHue"
    image = _image(op, "image", image, (mstype.float16, mstype.float32), 3)
    delta = _scalar_f32(op, "delta", delta)

    def shift(v):
        hue, sat, val = _hsv(v)
        return _rgb((hue + delta) % 1, sat, val)
    return _in_float32(shift, image)


def _adjust_saturation(self, image, scale):
    op = "AdjustSaturation"
    image = _image(op, "image", image, (mstype.float16, mstype.float32), 3)
    scale = _scalar_f32(op, "scale", scale)

    def adjust(v):
        hue, sat, val = _hsv(v)
        return _rgb(hue, F.clamp(sat * scale, 0.0, 1.0), val)
    return _in_float32(adjust, image)


# --- sequences ------------------------------------------------------------------------------------

def _sequences(op, which, indices, values, shape):
    """The sequences of a sparse tensor, keyed by their position (all but the last index), in the
    order of the last index; and its dense shape."""
    indices = _typed(op, f"{which}_indices", indices, (mstype.int64,))
    values = _tensor(op, f"{which}_values", values)
    shape = _typed(op, f"{which}_shape", shape, (mstype.int64,))
    idx, vals, dims = indices.asnumpy(), values.asnumpy(), shape.asnumpy()
    if (idx.ndim != 2 or dims.ndim != 1 or idx.shape[1] != dims.size or dims.size < 1
            or vals.shape != (idx.shape[0],)):
        raise ShapeError(f"For '{op}', '{which}_indices' must be (N, R), '{which}_values' (N,) and "
                         f"'{which}_shape' (R,), but got {idx.shape}, {vals.shape} and "
                         f"{dims.shape}.")
    if idx.size and ((idx < 0).any() or (idx >= dims).any()):
        raise ShapeError(f"For '{op}', '{which}_indices' must lie inside '{which}_shape' "
                         f"{dims.tolist()}.")
    seqs = {}
    for i in _np.lexsort(idx.T[::-1]) if idx.size else []:
        seqs.setdefault(tuple(idx[i, :-1]), []).append(vals[i])
    return seqs, dims, values.dtype


def _levenshtein(a, b):
    row = list(range(len(b) + 1))
    for i, u in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, v in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (u != v))
    return row[-1]


def _edit_distance(self, hypothesis_indices, hypothesis_values, hypothesis_shape, truth_indices,
                   truth_values, truth_shape):
    op = "EditDistance"
    normalize = _bool(op, "normalize", self.normalize)
    hyp, hdims, hdt = _sequences(op, "hypothesis", hypothesis_indices, hypothesis_values,
                                 hypothesis_shape)
    truth, tdims, tdt = _sequences(op, "truth", truth_indices, truth_values, truth_shape)
    if hdims.size != tdims.size or hdt != tdt:
        raise ShapeError(f"For '{op}', the hypothesis and the truth must have one rank and dtype, "
                         f"but got shapes {hdims.tolist()} and {tdims.tolist()}, dtypes {hdt} "
                         f"and {tdt}.")
    out_shape = tuple(int(d) for d in _np.maximum(hdims, tdims)[:-1])
    out = _np.zeros(out_shape, _np.float32)
    for pos in set(hyp) | set(truth):
        a, b = hyp.get(pos, []), truth.get(pos, [])
        d = float(_levenshtein(a, b))
        if normalize:
            d = d / len(b) if b else (math.inf if a else 0.0)
        out[pos] = d
    return Tensor(out)


def _list_diff(self, x, y):
    op = "ListDiff"
    if self.out_idx not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For '{op}', 'out_idx' must be int32 or int64, but got {self.out_idx}.")
    x, y = _tensor(op, "x", x), _tensor(op, "y", y)
    if x.dtype != y.dtype or x.dtype in mstype.complex_type or x.dtype == mstype.bool_:
        raise DTypeError(f"For '{op}', 'x' and 'y' must have one real dtype, but got {x.dtype} "
                         f"and {y.dtype}.")
    if x.ndim != 1 or y.ndim != 1:
        raise ShapeError(f"For '{op}', 'x' and 'y' must be 1-D, but got shapes {tuple(x.shape)} "
                         f"and {tuple(y.shape)}.")
    kept = _np.flatnonzero(~_np.isin(x.asnumpy(), y.asnumpy()))
    return Tensor(x.asnumpy()[kept]), Tensor(kept).astype(self.out_idx)


def _nth_element(self, x, n):
    op = "NthElement"
    x = _tensor(op, "input", x)
    reverse = _bool(op, "reverse", self.reverse)
    if isinstance(n, Tensor):
        if n.dtype != mstype.int32 or n.ndim != 0:
            raise DTypeError(f"For '{op}', 'n' must be an int or a 0-D int32 Tensor, but got "
                             f"{n.dtype} of shape {tuple(n.shape)}.")
        n = int(n.asnumpy())
    n = _int(op, "n", n)
    if x.ndim < 1 or x.dtype == mstype.bool_ or x.dtype in mstype.complex_type:
        raise ShapeError(f"For '{op}', 'input' must be a real tensor of at least 1 dimension, but "
                         f"got {x.dtype} of shape {tuple(x.shape)}.")
    if not 0 <= n < x.shape[-1]:
        raise ShapeError(f"For '{op}', 'n' must be in [0, {x.shape[-1]}), but got {n}.")
    return F.sort(x, -1, reverse)[0][..., n]


# --- special functions and matrices ---------------------------------------------------------------

def _beta_fraction(a, b, x):
    """The continued fraction of the incomplete beta function (modified Lentz), elementwise."""
    tiny = 1e-300
    c, d = _np.ones_like(x), 1 - (a + b) * x / (a + 1)
    d = 1 / _np.where(_np.abs(d) < tiny, tiny, d)
    h = d.copy()
    for m in range(1, 300):
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + num * d
            d = 1 / _np.where(_np.abs(d) < tiny, tiny, d)
            c = 1 + num / c
            c = _np.where(_np.abs(c) < tiny, tiny, c)
            h = h * d * c
        if _np.all(_np.abs(d * c - 1) < 1e-15):
            break
    return h


def _betainc_np(a, b, x):
    """The regularised incomplete beta function ``I_x(a, b)`` in float64 (NaN outside its
    domain ``a, b > 0``, ``0 ≤ x ≤ 1``)."""
    lgamma = _np.vectorize(math.lgamma, otypes=[_np.float64])
    ok = (a > 0) & (b > 0) & (x >= 0) & (x <= 1)
    a, b, x = (_np.where(ok, v, 0.5) for v in (a, b, x))
    inner = (x > 0) & (x < 1)
    xs = _np.where(inner, x, 0.5)
    log_front = (lgamma(a + b) - lgamma(a) - lgamma(b) + a * _np.log(xs) + b * _np.log1p(-xs))
    flip = xs > (a + 1) / (a + b + 2)
    direct = _np.exp(log_front) * _beta_fraction(a, b, xs) / a
    mirrored = 1 - _np.exp(log_front) * _beta_fraction(b, a, 1 - xs) / b
    out = _np.where(flip, mirrored, direct)
    out = _np.where(inner, out, _np.where(x >= 1, 1.0, 0.0))
    return _np.where(ok, out, _np.nan)


def _betainc(self, a, b, x):
    op = "Betainc"
    a = _typed(op, "a", a, (mstype.float32, mstype.float64))
    b, x = _tensor(op, "b", b), _tensor(op, "x", x)
    if not a.dtype == b.dtype == x.dtype:
        raise DTypeError(f"For '{op}', 'b' and 'x' must have the dtype of 'a' {a.dtype}, but got "
                         f"{b.dtype} and {x.dtype}.")
    if not tuple(a.shape) == tuple(b.shape) == tuple(x.shape):
        raise ShapeError(f"For '{op}', 'b' and 'x' must have the shape of 'a' {tuple(a.shape)}, "
                         f"but got {tuple(b.shape)} and {tuple(x.shape)}.")
    value = Tensor(_betainc_np(*(t.asnumpy().astype(_np.float64) for t in (a, b, x))))
    # The value from NumPy; the gradient, as MindSpore's, to `x` only: dI/dx = x^(a−1)(1−x)^(b−1)
    # / B(a, b). Evaluating that density at the midpoint of x and its detached copy makes the
    # first and second derivatives right while the added term is exactly 0.
    a, b, x0 = F.stop_gradient(a), F.stop_gradient(b), F.stop_gradient(x)
    mid = x0 + (x - x0) / 2
    log_density = ((a - 1) * F.log(mid) + (b - 1) * F.log1p(-mid)
                   - F.lgamma(a) - F.lgamma(b) + F.lgamma(a + b))
    density = F.exp(log_density)
    density = F.select(F.isfinite(density), density, F.zeros_like(density))
    return value.astype(a.dtype) + (x - x0) * density


def _tridiagonal_matmul(self, superdiag, maindiag, subdiag, rhs):
    op = "TridiagonalMatMul"
    kinds = _FLOATS + (mstype.complex64, mstype.complex128)
    diags = [_typed(op, n, t, kinds) for n, t in (("superdiag", superdiag),
                                                  ("maindiag", maindiag), ("subdiag", subdiag))]
    rhs = _typed(op, "rhs", rhs, kinds)
    shape = tuple(diags[0].shape)
    if (any(tuple(d.shape) != shape or d.dtype != rhs.dtype for d in diags) or rhs.ndim < 2
            or len(shape) != rhs.ndim or shape[-2] != 1 or shape[-1] != rhs.shape[-2]
            or shape[:-2] != tuple(rhs.shape[:-2])):
        raise ShapeError(f"For '{op}', the diagonals must be (..., 1, M) of one shape and dtype "
                         f"and 'rhs' (..., M, N) of that dtype, but got "
                         f"{[tuple(d.shape) for d in diags]} and {tuple(rhs.shape)} "
                         f"({[str(d.dtype) for d in diags]}, {rhs.dtype}).")
    up, main, low = (d.swapaxes(-1, -2) for d in diags)
    m = rhs.shape[-2]
    zero = F.zeros_like(rhs[..., :1, :])
    below = F.cat((rhs[..., 1:, :], zero), -2)     # row i holds rhs[i + 1]
    above = F.cat((zero, rhs[..., :m - 1, :]), -2)  # row i holds rhs[i - 1]
    return main * rhs + up * below + low * above


def _check_numerics(self, x):
    op = "CheckNumerics"
    x = _typed(op, "x", x, _FLOATS)
    v = x.asnumpy()
    for bad, what in ((_np.isnan(v), "NaN"), (_np.isinf(v), "Inf")):
        if bad.any():
            raise ComputeError(f"For '{op}', the input had {what} values.")
    return x


def _accumulate_n(self, inputs):
    op = "AccumulateNV2"
    if not isinstance(inputs, (list, tuple)) or not inputs:
        raise DTypeError(f"For '{op}', the input must be a non-empty tuple or list of Tensors, but "
                         f"got {type(inputs).__name__}.")
    first = _tensor(op, "x[0]", inputs[0])
    for i, t in enumerate(inputs):
        t = _tensor(op, f"x[{i}]", t)
        if t.dtype != first.dtype:
            raise DTypeError(f"For '{op}', the inputs must have one dtype, but got {first.dtype} "
                             f"and {t.dtype}.")
        if tuple(t.shape) != tuple(first.shape):
            raise ShapeError(f"For '{op}', the inputs must have one shape, but got "
                             f"{tuple(first.shape)} and {tuple(t.shape)}.")
    return F.addn(list(inputs))


# --- elementwise and scatter conveniences ---------------------------------------------------------

def _lerp_scalar(self, input, end, weight):  # noqa: A002 - MindSpore's argument name
    op = "LerpScalar"
    x, end = _typed(op, "input", input, _FLOATS), _typed(op, "end", end, _FLOATS)
    return F.lerp(x, end, _float(op, "weight", weight))


def _log_softmax_ext(self, input, dim=None, dtype=None):  # noqa: A002 - MindSpore's name
    op = "LogSoftmaxExt"
    x = _tensor(op, "input", input)
    if dtype is not None:
        x = x.astype(dtype)
    if x.dtype not in _FLOATS:
        raise DTypeError(f"For '{op}', 'input' must be a float tensor, but got {x.dtype}.")
    # No dim: PyTorch's legacy choice, 0 for 0-, 1- and 3-D inputs and 1 otherwise.
    dim = (0 if x.ndim in (0, 1, 3) else 1) if dim is None else dim
    return F.log_softmax(x, _axis(op, "dim", dim, max(x.ndim, 1)))


def _masked_scatter(self, input, mask, source):  # noqa: A002 - MindSpore's argument name
    op = "MaskedScatter"
    x, source = _tensor(op, "input", input), _tensor(op, "source", source)
    mask = _typed(op, "mask", mask, (mstype.bool_, mstype.uint8))
    if source.dtype != x.dtype:
        raise DTypeError(f"For '{op}', 'source' must have the dtype of 'input' {x.dtype}, but got "
                         f"{source.dtype}.")
    try:
        where = _np.broadcast_to(mask.asnumpy().astype(bool), tuple(x.shape))
    except ValueError:
        raise ShapeError(f"For '{op}', 'mask' {tuple(mask.shape)} must broadcast to 'input' "
                         f"{tuple(x.shape)}.") from None
    at = _np.flatnonzero(where)
    if at.size > source.size:
        raise ShapeError(f"For '{op}', 'source' has {source.size} elements but 'mask' selects "
                         f"{at.size}.")
    if at.size == 0:
        return x
    flat = F.tensor_scatter_update(x.reshape(-1), Tensor(at.reshape(-1, 1)),
                                   source.reshape(-1)[:at.size])
    return flat.reshape(tuple(x.shape)).astype(x.dtype)


def _rows(op, name, indices, count):
    """Row indices (an int, a tuple of ints or an integer Tensor) in ``[-count, count)``."""
    if isinstance(indices, Tensor):
        indices = [int(i) for i in _typed(op, name, indices, (mstype.int32, mstype.int64))
                   .asnumpy().reshape(-1)]
    rows = _ints(op, name, indices if isinstance(indices, (list, tuple)) else [indices])
    bad = [i for i in rows if not -count <= i < count]
    if bad:
        raise TensorIndexError(f"For '{op}', '{name}' must be in [{-count}, {count}), but got "
                               f"{bad}.")
    return [i % count for i in rows]


def _inplace_update_v2(self, x, indices, v):
    op = "InplaceUpdateV2"
    x, v = _tensor(op, "x", x), _tensor(op, "v", v)
    if x.ndim == 0:
        raise ShapeError(f"For '{op}', 'x' must have at least 1 dimension, but got a scalar.")
    rows = _rows(op, "indices", indices, x.shape[0])
    if v.dtype != x.dtype or tuple(v.shape) != (len(rows),) + tuple(x.shape[1:]):
        raise ShapeError(f"For '{op}', 'v' must be {(len(rows),) + tuple(x.shape[1:])} of dtype "
                         f"{x.dtype}, but got {tuple(v.shape)} of {v.dtype}.")
    return F.tensor_scatter_update(x, Tensor(_np.array(rows, _np.int64).reshape(-1, 1)), v)


def _scatter_add_with_axis(self, x, indices, updates):
    op = "ScatterAddWithAxis"
    data = _tensor(op, "input_x", x)
    idx = _typed(op, "indices", indices, (mstype.int32, mstype.int64))
    updates = _tensor(op, "updates", updates)
    axis = _axis(op, "axis", self.axis, max(data.ndim, 1))
    if updates.dtype != data.dtype or tuple(updates.shape) != tuple(idx.shape) \
            or idx.ndim != data.ndim:
        raise ShapeError(f"For '{op}', 'indices' and 'updates' must have one shape of the rank of "
                         f"'input_x' {tuple(data.shape)}, 'updates' its dtype, but got "
                         f"{tuple(idx.shape)}, {tuple(updates.shape)} ({updates.dtype}).")
    v = idx.asnumpy()
    if v.size and (v.min() < -data.shape[axis] or v.max() >= data.shape[axis]):
        raise TensorIndexError(f"For '{op}', 'indices' must be in [{-data.shape[axis]}, "
                               f"{data.shape[axis]}) along axis {axis}, but got {v.min()} to "
                               f"{v.max()}.")
    idx = Tensor(v % data.shape[axis]).astype(idx.dtype)
    out = F.tensor_scatter_elements(data, idx, updates, axis, "add")
    if isinstance(x, Parameter):
        F.assign(x, out)
    return out


_CLASSES = [
    ("NuclearNorm", [("dim", None), ("keepdim", False)], "(x)",
     "the nuclear norm (the sum of the singular values) of the matrices over `dim`.",
     _nuclear_norm),
    ("Quantile", [("dim", None), ("keep_dims", False), ("ignore_nan", False)], "(input, q)",
     "the `q`-th quantiles along `dim` (all elements when None), interpolated linearly; a 1-D "
     "`q` leads the result's shape.", _quantile),
    ("TripletMarginLoss", [("p", 2), ("swap", False), ("eps", 1e-6), ("reduction", "mean")],
     "(x, positive, negative, margin)",
     "``max(d(x, positive) − d(x, negative) + margin, 0)`` with the p-norm distance ``d``.",
     _triplet_margin_loss),
    ("MultilabelMarginLoss", [("reduction", "mean")], "(x, target)",
     "``(loss, is_target)``: the multi-label hinge loss of the classes listed in `target` "
     "(padded with -1) and the Int32 mask of those classes.", _multilabel_margin_loss),
    ("CTCLoss", [("preprocess_collapse_repeated", False), ("ctc_merge_repeated", True),
                 ("ignore_longer_outputs_than_inputs", False)],
     "(x, labels_indices, labels_values, sequence_length)",
     "``(loss, gradient)``: the CTC loss of logits `x` ``(T, N, C)`` (blank ``C − 1``) for sparse "
     "labels, and its gradient with respect to `x`.", _ctc_loss),
    ("BatchToSpace", [("block_size", _REQUIRED), ("crops", _REQUIRED)], "(input_x)",
     "``ops.batch_to_space_nd`` with one block size for height and width.", _batch_to_space),
    ("SpaceToBatch", [("block_size", _REQUIRED), ("paddings", _REQUIRED)], "(input_x)",
     "``ops.space_to_batch_nd`` with one block size for height and width.", _space_to_batch),
    ("ExtractImagePatches", [("ksizes", _REQUIRED), ("strides", _REQUIRED), ("rates", _REQUIRED),
                             ("padding", "VALID")], "(input_x)",
     "the ``(N, kh·kw·C, out_h, out_w)`` patches of an NCHW image, the depth ordered (row, col, "
     "channel).", _extract_image_patches),
    ("HistogramFixedWidth", [("nbins", _REQUIRED), ("dtype", "int32")], "(x, range)",
     "the Int32 counts of `x` in `nbins` equal bins over `range` (values outside in the end bins).",
     _histogram_fixed_width),
    ("RGBToHSV", [], "(images)", "RGB (last axis) to hue, saturation and value in [0, 1].",
     _rgb_to_hsv),
    ("HSVToRGB", [], "(x)", "hue, saturation and value (last axis of NHWC) to RGB.", _hsv_to_rgb),
    ("AdjustHue", [], "(image, delta)", "the RGB image with `delta` added to its hue (mod 1).",
     _adjust_hue),
    ("AdjustSaturation", [], "(image, scale)",
     "the RGB image with its saturation multiplied by `scale` (clipped to [0, 1]).",
     _adjust_saturation),
    ("EditDistance", [("normalize", True)],
     "(hypothesis_indices, hypothesis_values, hypothesis_shape, truth_indices, truth_values, "
     "truth_shape)", "the Levenshtein distance of each pair of sparse sequences (divided by the "
     "truth's length when `normalize`), Float32.", _edit_distance),
    ("ListDiff", [("out_idx", mstype.int32)], "(x, y)",
     "``(out, idx)``: the values of `x` not in `y`, in order, and their positions in `x`.",
     _list_diff),
    ("NthElement", [("reverse", False)], "(input, n)",
     "the `n`-th smallest (largest when `reverse`) value along the last axis.", _nth_element),
    ("Betainc", [], "(a, b, x)", "the regularised incomplete beta function ``I_x(a, b)``.",
     _betainc),
    ("TridiagonalMatMul", [], "(superdiag, maindiag, subdiag, rhs)",
     "the product of the tridiagonal matrices given by their diagonals ``(..., 1, M)`` and `rhs`.",
     _tridiagonal_matmul),
    ("CheckNumerics", [], "(x)", "`x`, or RuntimeError when it holds a NaN or an infinity.",
     _check_numerics),
    ("AccumulateNV2", [], "(x)", "the sum of the tensors of `x` (``ops.addn``).", _accumulate_n),
    ("LerpScalar", [], "(input, end, weight)",
     "``input + weight·(end − input)`` with a float `weight`.", _lerp_scalar),
    ("LogSoftmaxExt", [], "(input, dim=None, dtype=None)",
     "``log(softmax(input))`` along `dim`, computed in `dtype` when given.", _log_softmax_ext),
    ("MaskedScatter", [], "(input, mask, source)",
     "`input` with the positions of `mask` (broadcast) filled by the leading values of `source`, "
     "in order.", _masked_scatter),
    ("InplaceUpdateV2", [], "(x, indices, v)",
     "`x` with its rows `indices` replaced by the rows of `v` (a new tensor).", _inplace_update_v2),
    ("ScatterAddWithAxis", [("axis", 0)], "(input_x, indices, updates)",
     "``input_x`` plus `updates` at `indices` along `axis` (``TensorScatterElements`` with 'add'); "
     "a Parameter is updated in place.", _scatter_add_with_axis),
]

for _name, _attr_list, _call, _doc, _fn in _CLASSES:
    globals()[_name] = _attrs(_name, _attr_list, _call, _doc, _fn)

# One example per class: setup lines, the call and what it prints (equal, to the digits shown, to
# what MindSpore 2.10 prints for the same call where its CPU kernel runs).
_X = ["x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])"]
_IMG = ["img = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))"]
_VOL = ["v = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 1, 2, 2, 2))"]  # part seven's
_RGB = ["rgb = ms.Tensor([[[1.0, 0.0, 0.0], [1.0, 0.5, 0.0]]])", "rgb = rgb[:, 1:]"]
_EXAMPLES = {
    "NuclearNorm": (_X, "ops.NuclearNorm()(x)", "5.3849535"),
    "Quantile": (_X, "ops.Quantile()(x, ms.Tensor([0.25, 0.5]))", "[-0.75  0.25]"),
    "TripletMarginLoss": (["a = ms.Tensor([[0.3, 0.7], [0.5, 0.5]])",
                          "p = ms.Tensor([[0.4, 0.6], [0.3, 0.7]])",
                          "n = ms.Tensor([[0.9, 0.1], [0.2, 0.8]])"],
                          "ops.TripletMarginLoss(reduction='none')(a, p, n, ms.Tensor(1.0))",
                          "[0.29289323 0.8585786 ]"),
    "MultilabelMarginLoss": (["t = ms.Tensor([[2, 3, -1, 1]], ms.int32)"],
                             "ops.MultilabelMarginLoss()(ms.Tensor([[0.2, 0.3, 0.5, 0.7]]), t)[0]",
                             "0.65"),
    "CTCLoss": (["x = ms.Tensor(np.log([[[0.5, 0.25, 0.25]], [[0.5, 0.25, 0.25]]]).astype("
                 "np.float32))"],
                "ops.CTCLoss()(x, ms.Tensor([[0, 0]], ms.int64), ms.Tensor([1], ms.int32), "
                "ms.Tensor([2], ms.int32))[0]", "[1.6739764]"),
    "BatchToSpace": (["b = ms.Tensor(np.arange(4, dtype=np.float32).reshape(4, 1, 1, 1))"],
                     "ops.BatchToSpace(2, [[0, 0], [0, 0]])(b).reshape(2, 2)",
                     "[[0. 1.]\n [2. 3.]]"),
    "SpaceToBatch": (["s = ms.Tensor(np.arange(4, dtype=np.float32).reshape(1, 1, 2, 2))"],
                     "ops.SpaceToBatch(2, [[0, 0], [0, 0]])(s).reshape(-1)", "[0. 1. 2. 3.]"),
    "ExtractImagePatches": (_IMG, "ops.ExtractImagePatches([1, 1, 2, 2], [1, 1, 2, 2], [1, 1, 1, "
                                  "1])(img)[0, :, 0, 0]", "[0. 1. 4. 5.]"),
    "HistogramFixedWidth": ([], "ops.HistogramFixedWidth(5)(ms.Tensor([-1., 0., 1.5, 2., 5., "
                                "15.]), ms.Tensor([0., 5.]))", "[2 1 1 0 2]"),
    "RGBToHSV": ([], "ops.RGBToHSV()(ms.Tensor([[1.0, 0.5, 0.0]]))",
                 "[[0.08333334 1.         1.        ]]"),
    "HSVToRGB": ([], "ops.HSVToRGB()(ms.Tensor([[[[0.95, 1.0, 0.9]]]]))",
                 "[[[[0.9        0.         0.27000016]]]]"),
    "AdjustHue": (_RGB[:1], "ops.AdjustHue()(rgb, ms.Tensor(0.5))",
                  "[[[0.  1.  1. ]\n  [0.  0.5 1. ]]]"),
    "AdjustSaturation": (_RGB, "ops.AdjustSaturation()(rgb, ms.Tensor(0.5))",
                         "[[[1.   0.75 0.5 ]]]"),
    "EditDistance": (["i = ms.Tensor([[0, 0], [0, 1], [1, 0]], ms.int64)",
                      "t = ms.Tensor([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1]], ms.int64)"],
                     "ops.EditDistance()(i, ms.Tensor([1, 2, 3], ms.int32), ms.Tensor([3, 2], "
                     "ms.int64), t, ms.Tensor([1, 3, 2, 4, 5], ms.int32), ms.Tensor([2, 3], "
                     "ms.int64))", "[0.33333334 1.         0.        ]"),
    "ListDiff": ([], "ops.ListDiff()(ms.Tensor([1, 2, 3, 4, 5, 6], ms.int32), ms.Tensor([1, 3, 5], "
                     "ms.int32))[1]", "[1 3 5]"),
    "NthElement": (_X, "ops.NthElement()(x, 1)", "[0.  0.5]"),
    "Betainc": ([], "ops.Betainc()(ms.Tensor([1., 2.]), ms.Tensor([2., 2.]), ms.Tensor([0.5, "
                    "0.5]))", "[0.75 0.5 ]"),
    "TridiagonalMatMul": ([], "ops.TridiagonalMatMul()(ms.Tensor([[1., 2., 3.]]), ms.Tensor([[4., "
                              "5., 6.]]), ms.Tensor([[7., 8., 9.]]), ms.Tensor(np.ones((3, 1), "
                              "np.float32)))", "[[ 5.]\n [15.]\n [15.]]"),
    "CheckNumerics": (_X, "ops.CheckNumerics()(x).shape", "(2, 3)"),
    "AccumulateNV2": (_X, "ops.AccumulateNV2()([x, x, x])[1]", "[ 9.   1.5 -3. ]"),
    "LerpScalar": (_X, "ops.LerpScalar()(x, ms.Tensor(np.ones((2, 3), np.float32)), 0.5)",
                   "[[ 1.   -0.5   0.5 ]\n [ 2.    0.75  0.  ]]"),
    "LogSoftmaxExt": ([], "ops.LogSoftmaxExt()(ms.Tensor([[0., 0.]]))",
                      "[[-0.6931472 -0.6931472]]"),
    "MaskedScatter": (_X, "ops.MaskedScatter()(x, ms.Tensor([True, False, True]), "
                          "ms.Tensor([10., 20., 30., 40.]))",
                      "[[10.  -2.  20. ]\n [30.   0.5 40. ]]"),
    "InplaceUpdateV2": (_X, "ops.InplaceUpdateV2()(x, 1, ms.Tensor([[7., 8., 9.]]))",
                        "[[ 1. -2.  0.]\n [ 7.  8.  9.]]"),
    "ScatterAddWithAxis": (_X, "ops.ScatterAddWithAxis(axis=1)(x, ms.Tensor([[0, 0], [2, 1]], "
                               "ms.int32), ms.Tensor([[1., 2.], [3., 4.]]))",
                           "[[ 4.  -2.   0. ]\n [ 3.   4.5  2. ]]"),
}

for _name in __all__:
    _document(globals()[_name], _EXAMPLES)

"""``mindspore.ops.operations``, part eight (re-exported by ``operations``): ``Assert``,
``Padding``, ``PadV3``, ``NoRepeatNGram``, ``TensorDump`` (with the function ``ops.tensordump``),
``ExtractVolumePatches``, ``NonMaxSuppressionWithOverlaps`` and ``CombinedNonMaxSuppression``,
each checked against MindSpore 2.10 on CPU:

- ``Assert(summarize=3)(condition, input_data)`` prints ``For 'Assert' condition is false.`` and
  each input's first `summarize` elements, then raises ``RuntimeError: assert failed``; a true
  condition gives ``Tensor([0])`` (Int32), as MindSpore's;
- ``Padding(pad_dim_size=8)(x)``: ``x`` ``[..., 1]`` widened to ``[..., pad_dim_size]`` with zeros;
- ``PadV3(mode='constant', paddings_contiguous=True)(x, paddings, constant_value=None)``:
  ``ops.pad``'s padding of the last axes (``mode`` ``'constant'``, ``'reflect'``, ``'edge'`` or
  ``'circular'``); `paddings` pairs from the last axis backward, or with
  ``paddings_contiguous=False`` all the befores and then all the afters;
- ``NoRepeatNGram(ngram_size=1)(state_seq, log_probs)``: for each sequence, the tokens that would
  repeat one of its n-grams get ``log_probs`` ``-FLT_MAX``;
- ``TensorDump()(file, x)`` / ``tensordump(file_name, tensor)``: ``x`` saved to
  ``<file>_<dtype>_<n>.npy`` (``.npy`` stripped from `file`; `n` counts the dumps of the
  process);
- ``ExtractVolumePatches(kernel_size, strides, padding)(x)``: the 3-D patches of NCDHW ``x`` as
  channels, ordered by kernel position (depth, height, width) and then input channel, as
  MindSpore's; ``'SAME'`` pads zeros, the smaller half before (TensorFlow's rule);
  differentiable (slices of ``x``);
- ``NonMaxSuppressionWithOverlaps()(overlaps, scores, max_output_size, overlap_threshold,
  score_threshold)``: greedy selection by descending score among the scores above
  `score_threshold`, a candidate dropped when ``overlaps[candidate, selected]`` exceeds
  `overlap_threshold` for a selected box; Int32 indices;
- ``CombinedNonMaxSuppression(pad_per_class=False, clip_boxes=True)(boxes, scores,
  max_output_size_per_class, max_total_size, iou_threshold, score_threshold)``: per image and
  class, greedy NMS of the boxes scoring above `score_threshold` (a box dropped when its IoU with
  a kept one exceeds `iou_threshold`; boxes ``[y1, x1, y2, x2]`` in either corner order, empty
  ones overlapping nothing), at most `max_output_size_per_class` each; then the best
  `max_total_size` over the classes (ties: the lower class, then the lower box), boxes clipped to
  ``[0, 1]`` with `clip_boxes`, zero-padded; ``(boxes, scores, classes, valid_detections)``;
- ``MatrixLogarithm()(x)``: the principal logarithm of each complex square matrix,
  ``V·diag(log w)·V⁻¹`` from the eigendecomposition (MindSpore's kernel uses Eigen's
  Schur–Parlett ``log``: the same matrix for diagonalisable inputs, to rounding); differentiable
  where ``ops.eig`` is;
- ``Eps()(x)``: a tensor like `x` filled with its float dtype's machine epsilon;
- ``PyFunc(fn, in_types, in_shapes, out_types, out_shapes, stateful=True)(*inputs)``: `fn` run on
  the inputs as NumPy arrays, its results (one or a tuple) as Tensors of `out_types`."""
import itertools

import numpy as np

from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from . import functional as F
from .operations import Primitive

__all__ = ["Assert", "Padding", "PadV3", "NoRepeatNGram", "TensorDump", "ExtractVolumePatches",
           "NonMaxSuppressionWithOverlaps", "CombinedNonMaxSuppression", "MatrixLogarithm", "Eps",
           "PyFunc"]


def _int(op, name, v, low):
    if isinstance(v, bool) or not isinstance(v, int):
        raise DTypeError(f"For '{op}', '{name}' must be an int, but got {type(v).__name__}.")
    if v < low:
        raise ShapeError(f"For '{op}', '{name}' must be at least {low}, but got {v}.")
    return v


def _tensor(op, name, v):
    if not isinstance(v, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(v).__name__}.")
    return v


class Assert(Primitive):
    """Raises when `condition` is false, after printing the first `summarize` elements of each
    input (MindSpore's message).

    Args:
        summarize (int, optional): Elements printed per input. Default: ``3``.

    Inputs:
        - **condition** (Union[Tensor, bool]) - A single bool.
        - **input_data** (Union[tuple[Tensor], list[Tensor]]) - Printed when it fails.

    Outputs:
        Tensor ``[0]`` (Int32) when the condition holds.

    Raises:
        RuntimeError: the condition is false.
        TypeError: a `condition` that is not a bool, or inputs that are not Tensors.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Assert()(ms.Tensor(True), [ms.Tensor([1, 2, 3, 4])]))
        [0]
    """

    def __init__(self, summarize=3):
        super().__init__()
        self.summarize = _int("Assert", "summarize", summarize, 1)

    def __call__(self, condition, input_data):
        if isinstance(condition, Tensor):
            if condition.size != 1 or condition.dtype != mstype.bool_:
                raise DTypeError(f"For 'Assert', 'condition' must be a single bool, but got a Tensor "
                                 f"{list(condition.shape)} {condition.dtype}.")
            ok = bool(condition.asnumpy().reshape(()))
        elif isinstance(condition, bool):
            ok = condition
        else:
            raise DTypeError(f"For 'Assert', 'condition' must be a bool or a bool Tensor, but got "
                             f"{type(condition).__name__}.")
        data = list(input_data) if isinstance(input_data, (list, tuple)) else [input_data]
        for d in data:
            _tensor("Assert", "input_data", d)
        if ok:
            return Tensor(np.zeros(1, np.int32))
        lines = ["For 'Assert' condition is false."]
        lines += [f"input data: {d.asnumpy().reshape(-1)[:self.summarize]}" for d in data]
        print("\n".join(lines))
        raise ComputeError("assert failed")


class Padding(Primitive):
    """Widens the last axis of `x` (of size 1) to `pad_dim_size` with zeros.

    Args:
        pad_dim_size (int, optional): The new size of the last axis. Default: ``8``.

    Inputs:
        - **x** (Tensor) - ``[..., 1]``, at least 2-D.

    Outputs:
        Tensor ``[..., pad_dim_size]``.

    Raises:
        ValueError: a last axis other than 1, fewer than 2 axes, or `pad_dim_size` below 1.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Padding(4)(ms.Tensor(np.array([[8.0], [10.0]], np.float32))))
        [[ 8.  0.  0.  0.]
         [10.  0.  0.  0.]]
    """

    def __init__(self, pad_dim_size=8):
        super().__init__()
        self.pad_dim_size = _int("Padding", "pad_dim_size", pad_dim_size, 1)

    def __call__(self, x):
        _tensor("Padding", "x", x)
        if x.ndim < 2:
            raise ShapeError(f"For 'Padding', the rank of 'x' must be at least 2, but got {x.ndim}.")
        if x.shape[-1] != 1:
            raise ShapeError(f"For 'Padding', the last dimension of 'x' must be 1, but got: {x.shape[-1]}.")
        return F.pad(x, (0, self.pad_dim_size - 1))


_PADV3_MODES = {"constant": "constant", "reflect": "reflect", "edge": "replicate", "circular": "circular"}


class PadV3(Primitive):
    """Pads the last axes of `x` (see the module note for the layout of `paddings`).

    Args:
        mode (str, optional): ``'constant'``, ``'reflect'``, ``'edge'`` or ``'circular'``.
            Default: ``'constant'``.
        paddings_contiguous (bool, optional): Whether `paddings` holds (before, after) pairs
            (True) or all befores, then all afters. Default: ``True``.

    Inputs:
        - **x** (Tensor) - The input.
        - **paddings** (Tensor) - 1-D integers, two per padded axis.
        - **constant_value** (Union[Tensor, number], optional) - The fill of ``'constant'``.
          Default: ``0``.

    Outputs:
        Tensor, padded.

    Raises:
        TypeError: `paddings` not an integer Tensor, a non-bool `paddings_contiguous`.
        ValueError: an unknown mode, or an odd number of paddings.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
        >>> print(ops.PadV3()(x, ms.Tensor([1, 2], ms.int64), ms.Tensor(9.0)))
        [[9. 0. 1. 2. 9. 9.]
         [9. 3. 4. 5. 9. 9.]]
    """

    def __init__(self, mode="constant", paddings_contiguous=True):
        super().__init__()
        if mode not in _PADV3_MODES:
            raise ShapeError(f"For 'PadV3', 'mode' must be one of {list(_PADV3_MODES)}, but got {mode!r}.")
        if not isinstance(paddings_contiguous, bool):
            raise DTypeError(f"For 'PadV3', 'paddings_contiguous' must be a bool, but got "
                             f"{type(paddings_contiguous).__name__}.")
        self.mode, self.paddings_contiguous = mode, paddings_contiguous

    def __call__(self, x, paddings, constant_value=None):
        _tensor("PadV3", "x", x)
        if isinstance(paddings, Tensor):
            if paddings.dtype not in mstype.int_type + mstype.uint_type:
                raise DTypeError(f"For 'PadV3', 'paddings' must be an integer Tensor, but got {paddings.dtype}.")
            pads = [int(v) for v in paddings.asnumpy().reshape(-1)]
        else:
            pads = [int(v) for v in paddings]
        if len(pads) % 2 or len(pads) // 2 > x.ndim:
            raise ShapeError(f"For 'PadV3', 'paddings' must hold two numbers per padded axis (at most "
                             f"{x.ndim} axes), but got {len(pads)}.")
        if not self.paddings_contiguous:
            half = len(pads) // 2
            pads = [v for pair in zip(pads[:half], pads[half:]) for v in pair]
        value = None
        if self.mode == "constant":
            value = 0 if constant_value is None else (
                constant_value.asnumpy().item() if isinstance(constant_value, Tensor) else constant_value)
        return F.pad(x, tuple(pads), _PADV3_MODES[self.mode], value)


class NoRepeatNGram(Primitive):
    """For each sequence of `state_seq` (``[batch, beam, length]``), the tokens that would end a
    repeat of one of its n-grams (its last ``ngram_size - 1`` tokens followed by them occur
    earlier) get ``log_probs`` (``[batch, beam, vocab]``) of ``-FLT_MAX``.

    Args:
        ngram_size (int, optional): The n-gram length (at least 1). Default: ``1``.

    Inputs:
        - **state_seq** (Tensor) - Int32 tokens ``[batch, beam, length]``.
        - **log_probs** (Tensor) - Float ``[batch, beam, vocab]``.

    Outputs:
        Tensor, `log_probs` with the banned tokens masked.

    Raises:
        TypeError: a non-integer `state_seq` or a non-float `log_probs`.
        ValueError: shapes whose leading axes differ.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> seq = ms.Tensor([[[1, 2, 1, 2, 5, 1, 2]]], ms.int32)
        >>> out = ops.NoRepeatNGram(3)(seq, ms.Tensor(np.zeros((1, 1, 6), np.float32)))
        >>> print((out.asnumpy() < -1e38).nonzero()[2])
        [1 5]
    """

    def __init__(self, ngram_size=1):
        super().__init__()
        self.ngram_size = _int("NoRepeatNGram", "ngram_size", ngram_size, 1)

    def __call__(self, state_seq, log_probs):
        _tensor("NoRepeatNGram", "state_seq", state_seq)
        _tensor("NoRepeatNGram", "log_probs", log_probs)
        if state_seq.dtype not in mstype.int_type:
            raise DTypeError(f"For 'NoRepeatNGram', 'state_seq' must be integers, but got {state_seq.dtype}.")
        if log_probs.dtype not in mstype.float_type:
            raise DTypeError(f"For 'NoRepeatNGram', 'log_probs' must be floats, but got {log_probs.dtype}.")
        if state_seq.ndim < 1 or state_seq.shape[:-1] != log_probs.shape[:-1]:
            raise ShapeError(f"For 'NoRepeatNGram', 'state_seq' {list(state_seq.shape)} and 'log_probs' "
                             f"{list(log_probs.shape)} must agree but for their last axes.")
        seqs = state_seq.asnumpy().reshape(-1, state_seq.shape[-1])
        probs = log_probs.asnumpy().reshape(-1, log_probs.shape[-1]).copy()
        n, vocab = self.ngram_size, probs.shape[-1]
        lowest = np.finfo(probs.dtype).min
        for seq, row in zip(seqs, probs):
            if len(seq) < n:
                continue
            tail = tuple(seq[len(seq) - n + 1:]) if n > 1 else ()
            for start in range(len(seq) - n + 1):
                if tuple(seq[start:start + n - 1]) == tail and 0 <= seq[start + n - 1] < vocab:
                    row[seq[start + n - 1]] = lowest
        return Tensor(probs.reshape(log_probs.shape), log_probs.dtype)


_dumps = itertools.count()


def tensordump(file_name, tensor, mode="out"):
    """Saves `tensor` to ``<file_name>_<dtype>_<n>.npy`` (a ``.npy`` suffix of `file_name`
    stripped; `n` counts this process's dumps from 0), as MindSpore's ``ops.tensordump``.

    Args:
        file_name (str): The path, without the counter.
        tensor (Tensor): The value.
        mode (str, optional): Accepted (``'out'``, ``'in'``, ``'all'``: the input is the value
            here). Default: ``'out'``.

    Returns:
        None.

    Raises:
        TypeError: `file_name` not a str or `tensor` not a Tensor.

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> d = tempfile.mkdtemp()
        >>> ops.tensordump(os.path.join(d, "x"), ms.Tensor([1.0, 2.0]))
        >>> print(os.listdir(d)[0].startswith("x_float32_"))
        True
    """
    if not isinstance(file_name, str):
        raise DTypeError(f"For 'tensordump', 'file_name' must be a str, but got {type(file_name).__name__}.")
    _tensor("tensordump", "tensor", tensor)
    if mode not in ("out", "in", "all"):
        raise ShapeError(f"For 'tensordump', 'mode' must be 'out', 'in' or 'all', but got {mode!r}.")
    stem = file_name[:-4] if file_name.endswith(".npy") else file_name
    np.save(f"{stem}_{str(tensor.dtype).lower()}_{next(_dumps)}.npy", tensor.asnumpy())


class TensorDump(Primitive):
    """``TensorDump()(file, x)``: :func:`tensordump` as a primitive.

    Args:
        input_output (str, optional): Accepted (``'out'``). Default: ``'out'``.

    Inputs:
        - **file** (str) - The path, without the counter.
        - **input_x** (Tensor) - The value.

    Outputs:
        None.

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> d = tempfile.mkdtemp()
        >>> ops.TensorDump()(os.path.join(d, "y.npy"), ms.Tensor([3.0]))
        >>> print(os.listdir(d)[0].startswith("y_float32_"))
        True
    """

    def __init__(self, input_output="out"):
        super().__init__()
        self.input_output = input_output

    def __call__(self, file, input_x):
        tensordump(file, input_x, self.input_output)


def _five(op, name, v):
    vals = (v,) * 5 if isinstance(v, int) and not isinstance(v, bool) else tuple(v) if isinstance(v, (tuple, list)) else None
    if vals is None or len(vals) != 5 or any(isinstance(x, bool) or not isinstance(x, int) or x < 1 for x in vals) \
            or vals[0] != 1 or vals[1] != 1:
        raise ShapeError(f"For '{op}', '{name}' must be 5 positive ints starting (1, 1, ...), but got {v!r}.")
    return vals


class ExtractVolumePatches(Primitive):
    """The ``kd × kh × kw`` patches of an NCDHW volume as channels (see the module note).

    Args:
        kernel_size (Union[int, tuple[int]]): ``(1, 1, kd, kh, kw)``.
        strides (Union[int, tuple[int]]): ``(1, 1, sd, sh, sw)``.
        padding (str): ``'VALID'`` or ``'SAME'``.

    Inputs:
        - **input_x** (Tensor) - ``[N, C, D, H, W]``, float or integer.

    Outputs:
        Tensor ``[N, C·kd·kh·kw, Do, Ho, Wo]``.

    Raises:
        ValueError: bad sizes, an unknown padding, a 'VALID' kernel larger than the volume.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(64, dtype=np.float32).reshape(1, 1, 4, 4, 4))
        >>> y = ops.ExtractVolumePatches((1, 1, 2, 2, 2), (1, 1, 2, 2, 2), "VALID")(x)
        >>> print(y.shape, y[0, :, 0, 0, 0])
        (1, 8, 2, 2, 2) [ 0.  1.  4.  5. 16. 17. 20. 21.]
    """

    def __init__(self, kernel_size, strides, padding):
        super().__init__()
        op = "ExtractVolumePatches"
        self.kernel_size, self.strides = _five(op, "kernel_size", kernel_size), _five(op, "strides", strides)
        if padding not in ("VALID", "SAME"):
            raise ShapeError(f"For '{op}', 'padding' must be 'VALID' or 'SAME', but got {padding!r}.")
        self.padding = padding

    def __call__(self, input_x):
        op = "ExtractVolumePatches"
        x = _tensor(op, "input_x", input_x)
        if x.ndim != 5:
            raise ShapeError(f"For '{op}', 'input_x' must be NCDHW (5-D), but got shape {list(x.shape)}.")
        ks, ss = self.kernel_size[2:], self.strides[2:]
        sizes = x.shape[2:]
        if self.padding == "SAME":
            outs = [-(-n // s) for n, s in zip(sizes, ss)]
            totals = [max((o - 1) * s + k - n, 0) for o, s, k, n in zip(outs, ss, ks, sizes)]
            flat = []
            for t in reversed(totals):  # ops.pad: the last axis first
                flat += [t // 2, t - t // 2]
            x = F.pad(x, tuple(flat))
        else:
            if any(k > n for k, n in zip(ks, sizes)):
                raise ShapeError(f"For '{op}', the kernel {list(ks)} is larger than the volume {list(sizes)} "
                                 f"with 'VALID' padding.")
            outs = [(n - k) // s + 1 for n, k, s in zip(sizes, ks, ss)]
        pieces = []
        for i in range(ks[0]):
            for j in range(ks[1]):
                for k in range(ks[2]):
                    pieces.append(x[:, :, i:i + (outs[0] - 1) * ss[0] + 1:ss[0],
                                    j:j + (outs[1] - 1) * ss[1] + 1:ss[1],
                                    k:k + (outs[2] - 1) * ss[2] + 1:ss[2]])
        stacked = F.stack(pieces, 1)  # [N, K, C, Do, Ho, Wo]: kernel position outer, channel inner
        n, kk, c = stacked.shape[:3]
        return stacked.reshape((n, kk * c) + tuple(outs))


class NonMaxSuppressionWithOverlaps(Primitive):
    """Greedy non-maximum suppression over a given overlap matrix (see the module note).

    Inputs:
        - **overlaps** (Tensor) - ``[n, n]`` float.
        - **scores** (Tensor) - ``[n]`` float.
        - **max_output_size** (Tensor) - A 0-D Int32: at most this many indices.
        - **overlap_threshold** (Tensor) - A 0-D float.
        - **score_threshold** (Tensor) - A 0-D float.

    Outputs:
        Tensor, the selected indices (Int32), in selection order.

    Raises:
        TypeError: non-Tensor or wrongly typed inputs.
        ValueError: shapes that do not fit, a negative `max_output_size`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> ov = ms.Tensor(np.eye(3, dtype=np.float32))
        >>> sc = ms.Tensor(np.array([0.3, 0.9, 0.5], np.float32))
        >>> print(ops.NonMaxSuppressionWithOverlaps()(ov, sc, ms.Tensor(2, ms.int32), ms.Tensor(0.5), ms.Tensor(0.0)))
        [1 2]
    """

    def __call__(self, overlaps, scores, max_output_size, overlap_threshold, score_threshold):
        op = "NonMaxSuppressionWithOverlaps"
        for name, v in (("overlaps", overlaps), ("scores", scores), ("max_output_size", max_output_size),
                        ("overlap_threshold", overlap_threshold), ("score_threshold", score_threshold)):
            _tensor(op, name, v)
        if overlaps.ndim != 2 or scores.ndim != 1 or overlaps.shape != (scores.shape[0], scores.shape[0]):
            raise ShapeError(f"For '{op}', 'overlaps' must be [n, n] and 'scores' [n], but got "
                             f"{list(overlaps.shape)} and {list(scores.shape)}.")
        if max_output_size.dtype != mstype.int32 or max_output_size.size != 1:
            raise DTypeError(f"For '{op}', 'max_output_size' must be a 0-D Int32 Tensor, but got "
                             f"{max_output_size.dtype} {list(max_output_size.shape)}.")
        limit = int(max_output_size.asnumpy().reshape(()))
        if limit < 0:
            raise ShapeError(f"For '{op}', 'max_output_size' must be non-negative, but got {limit}.")
        ov, sc = overlaps.asnumpy().astype(np.float64), scores.asnumpy().astype(np.float64)
        o_thr = float(overlap_threshold.asnumpy().reshape(()))
        s_thr = float(score_threshold.asnumpy().reshape(()))
        order = [i for i in np.argsort(-sc, kind="stable") if sc[i] > s_thr]
        chosen = []
        for i in order:
            if len(chosen) >= limit:
                break
            if all(ov[i, j] <= o_thr for j in chosen):
                chosen.append(int(i))
        return Tensor(np.array(chosen, np.int32))


def _iou(a, b):
    """The intersection over union of boxes ``[y1, x1, y2, x2]`` (either corner order); 0 when
    either is empty."""
    ay0, ay1 = min(a[0], a[2]), max(a[0], a[2])
    ax0, ax1 = min(a[1], a[3]), max(a[1], a[3])
    by0, by1 = min(b[0], b[2]), max(b[0], b[2])
    bx0, bx1 = min(b[1], b[3]), max(b[1], b[3])
    area_a, area_b = (ay1 - ay0) * (ax1 - ax0), (by1 - by0) * (bx1 - bx0)
    if area_a <= 0 or area_b <= 0:
        return 0.0
    ih = max(min(ay1, by1) - max(ay0, by0), 0.0)
    iw = max(min(ax1, bx1) - max(ax0, bx0), 0.0)
    inter = ih * iw
    return inter / (area_a + area_b - inter)


class CombinedNonMaxSuppression(Primitive):
    """Non-maximum suppression per class, combined over the classes (see the module note).

    Args:
        pad_per_class (bool, optional): Pad to ``max_output_size_per_class · classes`` when
            smaller than `max_total_size`. Default: ``False``.
        clip_boxes (bool, optional): Clip the boxes to ``[0, 1]``. Default: ``True``.

    Inputs:
        - **boxes** (Tensor) - Float32 ``[batch, boxes, q, 4]``, ``q`` 1 or the classes.
        - **scores** (Tensor) - Float32 ``[batch, boxes, classes]``.
        - **max_output_size_per_class** (Tensor) - A 0-D Int32.
        - **max_total_size** (Tensor) - A 0-D Int32.
        - **iou_threshold** (Tensor) - A 0-D Float32 in ``[0, 1]``.
        - **score_threshold** (Tensor) - A 0-D Float32.

    Outputs:
        tuple(Tensor), ``(nmsed_boxes, nmsed_scores, nmsed_classes, valid_detections)``.

    Raises:
        TypeError: non-Tensor inputs or flags that are not bools.
        ValueError: shapes that do not fit, sizes that are not positive, an IoU threshold out of
            ``[0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> boxes = ms.Tensor(np.array([[[[0, 0, 1, 1]], [[0, 0, 1, 0.9]], [[0, 0.5, 1, 1.5]]]], np.float32))
        >>> scores = ms.Tensor(np.array([[[0.9], [0.8], [0.7]]], np.float32))
        >>> out = ops.CombinedNonMaxSuppression()(boxes, scores, ms.Tensor(3, ms.int32), ms.Tensor(3, ms.int32),
        ...                                       ms.Tensor(0.5, ms.float32), ms.Tensor(0.0, ms.float32))
        >>> print(out[1], out[3])
        [[0.9 0.7 0. ]] [2]
    """

    def __init__(self, pad_per_class=False, clip_boxes=True):
        super().__init__()
        for name, v in (("pad_per_class", pad_per_class), ("clip_boxes", clip_boxes)):
            if not isinstance(v, bool):
                raise DTypeError(f"For 'CombinedNonMaxSuppression', '{name}' must be a bool, but got "
                                 f"{type(v).__name__}.")
        self.pad_per_class, self.clip_boxes = pad_per_class, clip_boxes

    def __call__(self, boxes, scores, max_output_size_per_class, max_total_size, iou_threshold,
                 score_threshold):
        op = "CombinedNonMaxSuppression"
        args = (("boxes", boxes), ("scores", scores), ("max_output_size_per_class", max_output_size_per_class),
                ("max_total_size", max_total_size), ("iou_threshold", iou_threshold),
                ("score_threshold", score_threshold))
        for name, v in args:
            _tensor(op, name, v)
        if boxes.ndim != 4 or boxes.shape[-1] != 4 or scores.ndim != 3 or boxes.shape[:2] != scores.shape[:2] \
                or boxes.shape[2] not in (1, scores.shape[2]):
            raise ShapeError(f"For '{op}', 'boxes' must be [batch, boxes, q, 4] with q 1 or the classes and "
                             f"'scores' [batch, boxes, classes], but got {list(boxes.shape)} and "
                             f"{list(scores.shape)}.")
        per_class = int(max_output_size_per_class.asnumpy().reshape(()))
        total = int(max_total_size.asnumpy().reshape(()))
        if per_class <= 0 or total <= 0:
            raise ShapeError(f"For '{op}', 'max_output_size_per_class' and 'max_total_size' must be "
                             f"positive, but got {per_class} and {total}.")
        iou_thr = float(iou_threshold.asnumpy().reshape(()))
        if not 0.0 <= iou_thr <= 1.0:
            raise ShapeError(f"For '{op}', 'iou_threshold' must be in [0, 1], but got {iou_thr}.")
        s_thr = float(score_threshold.asnumpy().reshape(()))
        bx, sc = boxes.asnumpy().astype(np.float64), scores.asnumpy().astype(np.float64)
        batch, _, q, _ = bx.shape
        classes = sc.shape[2]
        size = min(total, per_class * classes) if self.pad_per_class else total
        out_boxes = np.zeros((batch, size, 4), np.float32)
        out_scores = np.zeros((batch, size), np.float32)
        out_classes = np.zeros((batch, size), np.float32)
        valid = np.zeros(batch, np.int32)
        for b in range(batch):
            picks = []
            for c in range(classes):
                order = [i for i in np.argsort(-sc[b, :, c], kind="stable") if sc[b, i, c] > s_thr]
                kept = []
                for i in order:
                    if len(kept) >= per_class:
                        break
                    box = bx[b, i, c if q > 1 else 0]
                    if all(_iou(box, bx[b, j, c if q > 1 else 0]) <= iou_thr for j in kept):
                        kept.append(i)
                picks += [(-sc[b, i, c], c, i) for i in kept]
            picks.sort()
            for k, (neg, c, i) in enumerate(picks[:size]):
                box = bx[b, i, c if q > 1 else 0]
                out_boxes[b, k] = np.clip(box, 0.0, 1.0) if self.clip_boxes else box
                out_scores[b, k], out_classes[b, k] = -neg, c
            valid[b] = min(len(picks), size)
        return (Tensor(out_boxes), Tensor(out_scores), Tensor(out_classes), Tensor(valid))


class MatrixLogarithm(Primitive):
    """The principal matrix logarithm of each square matrix of a Complex64/Complex128 tensor
    (see the module note).

    Inputs:
        - **x** (Tensor) - ``[..., n, n]``, Complex64 or Complex128.

    Outputs:
        Tensor, `x`'s shape and dtype.

    Raises:
        TypeError: `x` not a complex Tensor.
        ValueError: `x` not square matrices.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.array([[1.0, 0.0], [0.0, 4.0]], np.complex128))
        >>> print(ops.MatrixLogarithm()(x).real())
        [[0.         0.        ]
         [0.         1.38629436]]
    """

    def __call__(self, x):
        op = "MatrixLogarithm"
        _tensor(op, "x", x)
        if x.dtype not in (mstype.complex64, mstype.complex128):
            raise DTypeError(f"For primitive[{op}], the input argument[x] must be a type of "
                             f"{{Tensor[Complex128], Tensor[Complex64]}}, but got Tensor[{x.dtype}].")
        if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
            raise ShapeError(f"For '{op}', 'x' must be square matrices [..., n, n], but got shape "
                             f"{list(x.shape)}.")
        from .function._eig_func import eig
        w, v = eig(x)
        return F.matmul(v * F.log(w).expand_dims(-2), F.inverse(v))


class Eps(Primitive):
    """A tensor of `x`'s shape and dtype filled with that dtype's machine epsilon (the gap between
    1 and the next float: ``2⁻¹⁰`` for Float16, ``2⁻²³`` for Float32, ``2⁻⁵²`` for Float64).

    Inputs:
        - **x** (Tensor) - Float16, Float32 or Float64.

    Outputs:
        Tensor of `x`'s shape and dtype.

    Raises:
        TypeError: `x` is not a Tensor of one of those dtypes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Eps()(ms.Tensor([1.0, 2.0], ms.float32)))
        [1.1920929e-07 1.1920929e-07]
    """

    def __call__(self, x):
        _tensor("Eps", "x", x)
        if x.dtype not in (mstype.float16, mstype.float32, mstype.float64):
            raise DTypeError(f"For primitive[Eps], the input argument[x] must be a type of "
                             f"{{Tensor[Float16], Tensor[Float32], Tensor[Float64]}}, but got "
                             f"Tensor[{x.dtype}].")
        return F.full_like(x, float(np.finfo(mstype.dtype_to_nptype(x.dtype)).eps))


class PyFunc(Primitive):
    """Runs the Python function `fn` as an op: it gets the inputs as NumPy arrays and returns one
    array or a tuple of them, which become Tensors of `out_types` (each checked against
    `out_shapes`). Not differentiable (as MindSpore's).

    Args:
        fn (Callable): The function.
        in_types (list[mindspore.dtype]): The inputs' dtypes.
        in_shapes (list[tuple[int]]): The inputs' shapes.
        out_types (list[mindspore.dtype]): The outputs' dtypes.
        out_shapes (list[tuple[int]]): The outputs' shapes.
        stateful (bool, optional): Whether `fn` has side effects. Default: ``True``.

    Outputs:
        tuple[Tensor], one per output.

    Raises:
        TypeError: `fn` is not callable, or the type lists are not lists of dtypes.
        ValueError: the input count or an input's dtype differs from the declared ones.
        RuntimeError: `fn` returns a different number of outputs, or one of another shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> op = ops.PyFunc(lambda a, b: (a + b, a * b), [ms.float32] * 2, [(2,)] * 2,
        ...                 [ms.float32] * 2, [(2,)] * 2)
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(op(x, x)[1])
        [1. 4.]
    """

    def __init__(self, fn, in_types, in_shapes, out_types, out_shapes, stateful=True):
        super().__init__()
        if not callable(fn):
            raise DTypeError(f"For 'PyFunc', 'fn' must be callable, but got {type(fn).__name__}.")
        for name, types in (("in_types", in_types), ("out_types", out_types)):
            if not isinstance(types, (list, tuple)) or not all(isinstance(t, mstype.Type) for t in types):
                raise DTypeError(f"For 'PyFunc', '{name}' must be a list of MindSpore dtypes, but "
                                 f"got {types!r}.")
        self.fn, self.stateful = fn, bool(stateful)
        self.in_types, self.out_types = list(in_types), list(out_types)
        self.in_shapes = [tuple(s) for s in in_shapes]
        self.out_shapes = [tuple(s) for s in out_shapes]

    def __call__(self, *inputs):
        if len(inputs) != len(self.in_types):
            raise ShapeError(f"For 'PyFunc', expected {len(self.in_types)} inputs, but got "
                             f"{len(inputs)}.")
        arrays = []
        for i, (x, t) in enumerate(zip(inputs, self.in_types)):
            _tensor("PyFunc", f"inputs[{i}]", x)
            if x.dtype != t:
                raise ShapeError(f"For 'PyFunc', inputs[{i}] must be {t}, but got {x.dtype}.")
            arrays.append(x.asnumpy())
        out = self.fn(*arrays)
        out = out if isinstance(out, tuple) else (out,)
        if len(out) != len(self.out_types):
            raise ComputeError(f"For 'PyFunc', 'fn' returned {len(out)} outputs, but "
                               f"{len(self.out_types)} were declared.")
        result = []
        for k, (v, t, shape) in enumerate(zip(out, self.out_types, self.out_shapes)):
            a = np.asarray(v)
            if tuple(a.shape) != shape:
                raise ComputeError(f"For 'PyFunc', output {k} has shape {list(a.shape)}, but "
                                   f"{list(shape)} was declared.")
            result.append(Tensor(a.astype(mstype.dtype_to_nptype(t))))
        return tuple(result)

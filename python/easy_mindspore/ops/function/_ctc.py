"""``mindspore.ops.ctc_loss``: the connectionist temporal classification loss, the forward
(alpha) recursion in log space over the targets extended with blanks, one step per time frame,
vectorised over the batch and the extended positions. Differentiable through the recursion;
the gradient with respect to ``log_probs`` is MindSpore's (and PyTorch's): ``exp(log_probs)``
minus the label occupancies on each sample's frames, which is the exact gradient of the loss
as a function of the logits under a ``log_softmax`` (the extra ``exp(log_probs)`` term sums to
zero through it). Re-exported by ``nn_func``."""
from reprlib import repr as _repr

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ..._tensor_extremes import reduce_max as _reduce_max
from ...common import dtype as _mstype
from ._args import int_arg as _int, tensor_arg as _tensor

__all__ = ["ctc_loss"]

_NEG = -1e30   # "log 0" that keeps every logsumexp and its gradient finite


def _lse3(a, b, c):
    """``log(exp(a) + exp(b) + exp(c))``, stable (every argument at least ``_NEG``)."""
    m = _C.maximum(_C.maximum(a, b), c)
    return m + ((a - m).exp() + (b - m).exp() + (c - m).exp()).log()


def _lengths(op, name, v, n):
    t = _tensor(op, name, v)
    if t.dtype not in (_mstype.int32, _mstype.int64):
        raise DTypeError(f"For '{op}', '{name}' must be Int32 or Int64, but got {t.dtype}.")
    a = t.asnumpy().astype(_np.int64).reshape(-1)
    if a.shape[0] != n:
        raise ShapeError(f"For '{op}', '{name}' must hold one length per sample ({n}), but got "
                         f"shape {list(t.shape)}.")
    return a


def ctc_forward(log_probs, targets, input_lengths, target_lengths, blank, op="CTCLossV2"):
    """The negative log-likelihood per sample and the log-alpha table ``[N, T, 2·S + 1]``
    (``-inf`` where unreachable, past the sample's frames or its extended target)."""
    lp = _tensor(op, "log_probs", log_probs)
    if lp.ndim != 3:
        raise ShapeError(f"For '{op}', 'log_probs' must be 3-D [T, N, C], but got shape "
                         f"{list(lp.shape)}.")
    if lp.dtype not in (_mstype.float16, _mstype.float32, _mstype.float64):
        raise DTypeError(f"For '{op}', 'log_probs' must be Float16, Float32 or Float64, but got "
                         f"{lp.dtype}.")
    t_max, n, c = lp.shape
    tg = _tensor(op, "targets", targets)
    if tg.dtype not in (_mstype.int32, _mstype.int64) or tg.ndim != 2 or tg.shape[0] != n:
        raise ShapeError(f"For '{op}', 'targets' must be Int32/Int64 [N, S] with N = {n}, but got "
                         f"{tg.dtype} {list(tg.shape)}.")
    blank = _int(op, "blank", blank)
    if not 0 <= blank < c:
        raise ShapeError(f"For '{op}', 'blank' must be in [0, {c}), but got {blank}.")
    s_max = tg.shape[1]
    il = _lengths(op, "input_lengths", input_lengths, n)
    tl = _lengths(op, "target_lengths", target_lengths, n)
    if (il < 0).any() or (il > t_max).any():
        raise ComputeError(f"For '{op}', 'input_lengths' must be in [0, {t_max}], but got {il.tolist()}.")
    if (tl < 0).any() or (tl > s_max).any():
        raise ComputeError(f"For '{op}', 'target_lengths' must be in [0, {s_max}], but got {tl.tolist()}.")
    if (il < tl).any():
        raise ComputeError(f"For '{op}', every 'input_lengths' must be at least its "
                           f"'target_lengths', but got {il.tolist()} and {tl.tolist()}.")
    labels = tg.asnumpy().astype(_np.int64)
    used = _np.arange(s_max)[None, :] < tl[:, None]
    if ((labels < 0) | (labels >= c))[used].any():
        raise ShapeError(f"For '{op}', 'targets' must be class indices in [0, {c}).")
    # The extended targets: blank, l1, blank, l2, ..., blank; positions past 2·tl are cut off.
    width = 2 * s_max + 1
    ext = _np.full((n, width), blank, _np.int64)
    ext[:, 1::2] = _np.where(used, labels, blank)
    valid = _np.arange(width)[None, :] < (2 * tl + 1)[:, None]
    skip = _np.zeros((n, width), bool)   # s may come from s - 2: a label unlike the one before
    skip[:, 3::2] = ext[:, 3::2] != ext[:, 1:-2:2]
    work = _mstype.float64 if lp.dtype == _mstype.float64 else _mstype.float32
    if t_max == 0:   # no frames: every length is 0, the empty labelling has probability 1
        return (lp.astype(work).sum(axis=(0, 2)), _C.full((n, 0, width), float("-inf"), work), tl)
    neg = Tensor(_NEG, work)
    x = lp.astype(work).transpose(1, 0, 2)                                  # [N, T, C]
    idx = Tensor(_np.broadcast_to(ext[:, None, :], (n, t_max, width)).copy())
    emit = _C.gather_elements(x, 2, idx)                                    # [N, T, 2S+1]
    emit = _C.where_(Tensor(_np.broadcast_to(valid[:, None, :], emit.shape).copy()), emit, neg)
    start = _np.zeros((n, width), bool)
    start[:, 0] = True
    start[:, 1] = tl > 0
    alpha = _C.where_(Tensor(start), emit[:, 0], neg)
    pad1 = _C.full((n, 1), _NEG, work)
    pad2 = _C.full((n, 2), _NEG, work)
    skip_t = Tensor(skip)
    alphas = [alpha]
    for t in range(1, t_max):
        prev1 = _C.concat([pad1, alpha[:, :-1]], 1)
        prev2 = _C.where_(skip_t, _C.concat([pad2, alpha[:, :-2]], 1), neg)
        new = _lse3(alpha, prev1, prev2) + emit[:, t]
        alpha = _C.where_(Tensor((t < il)[:, None]), new, alpha)   # frozen past the sample's end
        alphas.append(alpha)
    # The likelihood ends on the last label or the blank after it.
    end = _np.zeros((n, width), bool)
    end[_np.arange(n), 2 * tl] = True
    end[_np.arange(n), _np.maximum(2 * tl - 1, 0)] |= tl > 0
    final = _C.where_(Tensor(end), alpha, neg)
    m = _reduce_max(final, 1, True)
    loss = -(m.squeeze(1) + (final - m).exp().sum(axis=1).log())
    table = _C.stack(alphas, 1)                                              # [N, T, 2S+1]
    frames = Tensor((_np.arange(t_max)[None, :] < il[:, None])[:, :, None])
    table = _C.where_(frames & (table > _NEG / 2), table, Tensor(float("-inf"), work))
    loss = _C.where_(loss > -_NEG / 2, Tensor(float("inf"), work), loss)
    # MindSpore's gradient: + exp(log_probs) on each sample's frames (its value adds zero).
    on = Tensor((_np.arange(t_max)[None, :] < il[:, None]).astype(_np.float64), work)
    mass = (x.exp().sum(axis=2) * on).sum(axis=1)
    loss = loss + (mass - _C.stop_gradient(mass))
    return loss, table, tl


def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="mean",
             zero_infinity=False):
    """``ops.ctc_loss``: the CTC loss of ``log_probs [T, N, C]`` (log-softmax outputs) against
    the padded ``targets [N, S]``, with each sample's frame count ``input_lengths`` and label
    count ``target_lengths``: ``-log`` of the summed probability of every frame labelling that
    collapses (repeats merged, then blanks dropped) to the target. ``'mean'`` divides each loss
    by its target length (at least 1) and averages; ``zero_infinity`` makes impossible
    alignments 0. Returns the loss and the log-alpha table ``[N, T, 2·S + 1]``.

    Args:
        log_probs (Tensor): ``[T, N, C]`` log-probabilities, Float16, Float32 or Float64.
        targets (Tensor): ``[N, S]`` class indices (Int32 or Int64), padded past each length.
        input_lengths (Tensor): ``[N]`` frame counts, at most ``T``.
        target_lengths (Tensor): ``[N]`` label counts, at most ``S`` and each input length.
        blank (int, optional): The blank class. Default: ``0``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        zero_infinity (bool, optional): Whether infinite losses become 0. Default: ``False``.

    Returns:
        tuple ``(loss, log_alpha)``: the loss (``[N]`` for ``'none'``, else a scalar) and the
        ``[N, T, 2·S + 1]`` log-alpha table, of `log_probs`'s dtype.

    Raises:
        TypeError: If an input is not a Tensor or has the wrong dtype.
        ValueError: If the shapes, `blank`, `reduction` or a target class are wrong.
        RuntimeError: If a length is out of range or an input length is below its target's.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> lp = Tensor(np.log(np.full((2, 1, 2), 0.5, np.float32)))
        >>> loss, alpha = ops.ctc_loss(lp, Tensor(np.array([[1]], np.int32)),
        ...                            Tensor(np.array([2], np.int32)), Tensor(np.array([1], np.int32)))
        >>> print(loss)
        0.2876821
        >>> print(alpha.shape)
        (1, 2, 3)
    """
    op = "CTCLossV2"
    if reduction not in ("none", "mean", "sum"):
        raise ShapeError(f"For 'ctc_loss', 'reduction' must be 'none', 'sum' or 'mean', but got "
                         f"{_repr(reduction)}.")
    loss, table, tl = ctc_forward(log_probs, targets, input_lengths, target_lengths, blank, op)
    if zero_infinity:
        loss = _C.where_(loss == float("inf"), Tensor(0.0, loss.dtype), loss)
    dtype = log_probs.dtype
    if reduction == "mean":
        loss = (loss / Tensor(_np.maximum(tl, 1).astype(_np.float64), loss.dtype)).mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss.astype(dtype), table.astype(dtype)

"""``mindspore.ops`` neural-network functions, part two (re-exported by ``nn_func``): the
activations and losses whose formulas the ``nn`` cells call (each formula lives here once),
``dense``, ``bias_add``, ``pixel_shuffle``, ``interpolate``, and the 2-D poolings and
convolution (one engine primitive each). Compositions of engine ops, differentiable."""

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ShapeError
from ...common import dtype as _mstype
from . import _int_activations as _ints
from ._args import half_in_float32 as _half_in_float32, int_arg as _int, tensor_arg as _tensor
from ._interpolate import interpolate  # noqa: F401 - its own module; exported from here

__all__ = [
    "celu", "selu", "mish", "hardswish", "hardsigmoid", "softmin", "softshrink", "hardshrink",
    "tanhshrink", "threshold", "glu", "prelu", "softsign", "smooth_l1_loss", "kl_div",
    "binary_cross_entropy", "huber_loss", "soft_margin_loss", "margin_ranking_loss",
    "hinge_embedding_loss", "dense", "bias_add", "pixel_shuffle", "pixel_unshuffle",
    "interpolate", "avg_pool2d", "max_pool2d", "adaptive_avg_pool2d", "adaptive_max_pool2d",
    "conv2d", "conv1d", "fast_gelu", "cosine_embedding_loss",
]

_I64 = _mstype.int64
_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def _max(x, v):
    """``max(x, v)`` for a number ``v``, in ``x``'s dtype (a bare Python float would promote
    Float16 to Float32)."""
    return _C.maximum(x, Tensor(v, x.dtype))


def _min(x, v):
    return _C.minimum(x, Tensor(v, x.dtype))


def _softplus(x):
    return _max(x, 0.0) + ((-x.abs()).exp() + 1.0).log()


def celu(x, alpha=1.0):
    """``ops.celu``: ``max(0, x) + min(0, alpha·(e^(x/alpha) - 1))``.

    Args:
        x (Tensor): The input tensor.
        alpha (float, optional): The scale α of the negative part. Default: ``1.0``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.celu(Tensor([-1.0, 1.0])))
        [-0.63212055  1.        ]
    """
    x = _tensor("CeLU", "x", x)
    if float(alpha) == 0.0:
        raise ShapeError("For 'CeLU', 'alpha' must not be 0.")
    return _max(x, 0.0) + (_min(x, 0.0) / alpha).expm1() * alpha


def selu(input_x):
    """``ops.selu``: ``scale·(max(0, x) + min(0, alpha·(eˣ - 1)))``, the self-normalising constants.

    Args:
        input_x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.selu(Tensor([-1.0, 1.0])))
        [-1.1113307  1.050701 ]
    """
    x = _tensor("SeLU", "input_x", input_x)
    if _ints.int_input("SeLU", x):  # Int8/Int32 as MindSpore 2.10 takes them: see _int_activations
        return _ints.int_selu(x, _SELU_SCALE)
    return (_max(x, 0.0) + _min(x, 0.0).expm1() * _SELU_ALPHA) * _SELU_SCALE


def fast_gelu(x):
    """``ops.fast_gelu``: ``x / (1 + e^(-1.702·|x|)) · e^(0.851·(x - |x|))``.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.fast_gelu(Tensor([0.0, 1.0])))
        [0.        0.8457958]
    """
    x = _tensor("FastGeLU", "x", x)
    a = x.abs()
    return x / ((a * -1.702).exp() + 1.0) * ((x - a) * 0.851).exp()


@_half_in_float32
def mish(x):
    """``ops.mish``: ``x·tanh(softplus(x))``.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.mish(Tensor([0.0, 1.0])))
        [0.         0.86509836]
    """
    x = _tensor("Mish", "x", x)
    return x * _softplus(x).tanh()


def hardsigmoid(input):  # noqa: A002 - MindSpore's argument name
    """``ops.hardsigmoid``: ``relu6(x + 3) / 6``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.hardsigmoid(Tensor([-3.0, 0.0, 3.0])))
        [0.  0.5 1. ]
    """
    x = _tensor("HSigmoid", "input", input)
    if _ints.int_input("HSigmoid", x):
        return _ints.int_hardsigmoid(x)
    return _min(_max(x + 3.0, 0.0), 6.0) / 6.0


def hardswish(input):  # noqa: A002
    """``ops.hardswish``: ``x·relu6(x + 3) / 6``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.hardswish(Tensor([-3.0, 0.0, 3.0])))
        [0. 0. 3.]
    """
    x = _tensor("HSwish", "input", input)
    if _ints.int_input("HSwish", x):
        return _ints.int_hardswish(x)
    y = x * hardsigmoid(x)
    return y + Tensor(0.0, y.dtype)  # +0.0 below -3, not -0.0, as MindSpore 2.10 prints it


def softmin(x, axis=-1, *, dtype=None):
    """``ops.softmin``: ``softmax(-x)`` along ``axis``.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``-1``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.softmin(Tensor([0.0, 0.0])))
        [0.5 0.5]
    """
    x = _tensor("Softmin", "x", x)
    if dtype is not None:
        x = x.astype(dtype)
    return _C.softmax(-x, axis)


def softshrink(input, lambd=0.5):  # noqa: A002
    """``ops.softshrink``: ``x - λ`` above ``λ``, ``x + λ`` below ``-λ``, 0 between.

    Args:
        input (Tensor): The input tensor.
        lambd (float, optional): The threshold λ. Default: ``0.5``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.softshrink(Tensor([-1.0, 0.2, 1.0])))
        [-0.5  0.   0.5]
    """
    x = _tensor("SoftShrink", "input", input)
    if lambd < 0:
        raise ShapeError(f"For 'SoftShrink', 'lambd' must be >= 0, but got {lambd}.")
    zero = Tensor(0, x.dtype)
    return _C.where_(x > lambd, x - lambd, _C.where_(x < -lambd, x + lambd, zero))


def hardshrink(input, lambd=0.5):  # noqa: A002
    """``ops.hardshrink``: ``x`` where ``|x| > λ``, else 0.

    Args:
        input (Tensor): The input tensor.
        lambd (float, optional): The threshold λ. Default: ``0.5``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.hardshrink(Tensor([-1.0, 0.2, 1.0])))
        [-1.  0.  1.]
    """
    x = _tensor("HShrink", "input", input)
    return _C.where_(x.abs() > lambd, x, Tensor(0, x.dtype))


def tanhshrink(input):  # noqa: A002
    """``ops.tanhshrink``: ``x - tanh(x)``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.tanhshrink(Tensor([0.0])))
        [0.]
    """
    x = _tensor("Tanhshrink", "input", input)
    return x - x.tanh()


def threshold(input, thr, value):  # noqa: A002
    """``ops.threshold``: ``x`` where ``x > thr``, else ``value``.

    Args:
        input (Tensor): The input tensor.
        thr (float): The threshold.
        value (float): The value below it.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.threshold(Tensor([0.5, 2.0]), 1.0, 0.0))
        [0. 2.]
    """
    x = _tensor("Threshold", "input", input)
    return _C.where_(x > thr, x, Tensor(value, x.dtype))


def softsign(x):
    """``ops.softsign``: ``x / (1 + |x|)``.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.softsign(Tensor([1.0, -3.0])))
        [ 0.5  -0.75]
    """
    x = _tensor("Softsign", "x", x)
    return x / (x.abs() + 1.0)


def glu(x, axis=-1):
    """``ops.glu``: ``a·σ(b)`` for the two halves ``a, b`` of ``axis``.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis split in two halves. Default: ``-1``.

    Returns:
        Tensor, `x` with the axis `axis` halved.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.glu(Tensor([[1.0, 0.0]])))
        [[0.5]]
    """
    x = _tensor("GLU", "x", x)
    n = x.shape[axis] if x.ndim else 1
    if n % 2:
        raise ShapeError(f"For 'GLU', axis {axis} of the input must have an even length, but got "
                         f"shape {list(x.shape)}.")
    if n == 0:  # both halves are the empty input (a split into sections needs a non-empty axis)
        a = b = x
    else:
        a, b = _C.split(x, 2, axis, False)
    return a * b.sigmoid()


def prelu(input, weight):  # noqa: A002
    """``ops.prelu``: ``x`` where ``x ≥ 0``, ``w·x`` below; ``weight`` has one slope or one per
    channel (axis 1).

    Args:
        input (Tensor): The input tensor.
        weight (Tensor): The slopes: one, or one per channel.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.prelu(Tensor([-2.0, 2.0]), Tensor([0.25])))
        [-0.5  2. ]
    """
    x, w = _tensor("PReLU", "input", input), _tensor("PReLU", "weight", weight)
    if w.ndim > 1 or (w.size != 1 and (x.ndim < 2 or x.shape[1] != w.size)):
        raise ShapeError(f"For 'PReLU', 'weight' of shape {list(w.shape)} must have 1 element or one "
                         f"per channel of 'input' (shape {list(x.shape)}).")
    if w.size > 1:
        w = w.reshape((w.size,) + (1,) * (x.ndim - 2))
    elif w.ndim > x.ndim:
        w = w.reshape(())  # one slope for a 0-D input: the output keeps the input's shape
    # ``x > 0`` (not ``>=``): the derivative at 0 is the slope, as MindSpore's PReLUGrad gives.
    return _C.where_(x > 0, x, x * w)


# -- losses ---------------------------------------------------------------------------------
def _reduce(op, loss, reduction, weight=None):
    if weight is not None:
        loss = loss * weight
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ShapeError(f"For '{op}', 'reduction' must be 'mean', 'sum' or 'none', but got {reduction!r}.")


def _pair_args(op, a, b, same_shape=True):
    a, b = _tensor(op, "input", a), _tensor(op, "target", b)
    if same_shape and tuple(a.shape) != tuple(b.shape):
        raise ShapeError(f"For '{op}', the input and target must have the same shape, but got "
                         f"{list(a.shape)} and {list(b.shape)}.")
    return a, b


def smooth_l1_loss(input, target, beta=1.0, reduction="none"):  # noqa: A002
    """``ops.smooth_l1_loss``: ``0.5·d²/beta`` where ``|d| < beta``, else ``|d| - 0.5·beta``
    (``d = input - target``); MindSpore's default ``reduction='none'``.

    Args:
        input (Tensor): The input tensor.
        target (Tensor): The target values.
        beta (float, optional): Where the loss changes from quadratic to linear. Default: ``1.0``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'none'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.smooth_l1_loss(Tensor([0.0, 3.0]), Tensor([0.5, 0.0])))
        [0.125 2.5  ]
    """
    x, y = _pair_args("SmoothL1Loss", input, target)
    beta = float(beta)
    if beta <= 0:
        raise ShapeError(f"For 'SmoothL1Loss', 'beta' must be > 0, but got {beta}.")
    d = (x - y).abs()
    return _reduce("SmoothL1Loss", _C.where_(d < beta, d * d * (0.5 / beta), d - 0.5 * beta), reduction)


def huber_loss(input, target, reduction="mean", delta=1.0):  # noqa: A002
    """``ops.huber_loss``: ``0.5·d²`` where ``|d| ≤ delta``, else ``delta·(|d| - 0.5·delta)``.

    Args:
        input (Tensor): The input tensor.
        target (Tensor): The target values.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.
        delta (float, optional): Where the loss changes from quadratic to linear. Default: ``1.0``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.huber_loss(Tensor([0.0, 3.0]), Tensor([0.5, 0.0])))
        1.3125
    """
    x, y = _pair_args("HuberLoss", input, target, False)
    delta = float(delta)
    if delta <= 0:
        raise ShapeError(f"For 'HuberLoss', 'delta' must be > 0, but got {delta}.")
    d = (x - y).abs()
    return _reduce("HuberLoss", _C.where_(d <= delta, d * d * 0.5, (d - 0.5 * delta) * delta), reduction)


def kl_div(logits, labels, reduction="mean"):
    """``ops.kl_div``: ``labels·(log labels - logits)`` for log-probability ``logits`` (0 where
    ``labels`` is 0 or negative, as MindSpore's kernel defines it); ``'batchmean'`` divides the sum
    by the batch size.

    Args:
        logits (Tensor): The predicted probabilities.
        labels (Tensor): The targets.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.kl_div(Tensor([0.0, 0.0]), Tensor([0.5, 0.5]), 'sum'))
        -0.6931472
    """
    x, t = _tensor("KLDiv", "logits", logits), _tensor("KLDiv", "labels", labels)
    pos = t > 0
    # MindSpore 2.10's kernel gives 0 where labels <= 0 but its backward rule still returns
    # -labels there; the derivative of that constant 0 is 0, which the masked form below gives.
    logt = _C.where_(pos, t, Tensor(1.0, t.dtype)).log()
    loss = _C.where_(pos, t * (logt - x), Tensor(0.0, t.dtype))
    if reduction == "batchmean":
        return loss.sum() / (x.shape[0] if x.ndim else 1)
    return _reduce("KLDiv", loss, reduction)


def binary_cross_entropy(logits, labels, weight=None, reduction="mean"):
    """``ops.binary_cross_entropy``: ``-w·(y·log x + (1-y)·log(1-x))`` for probabilities ``x``,
    each log clamped at ``log(1e-12)`` as MindSpore's kernel does.

    Args:
        logits (Tensor): The predicted probabilities.
        labels (Tensor): The targets.
        weight (Tensor, optional): A weight per element, broadcast with the loss. Default: ``None``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.binary_cross_entropy(Tensor([0.5, 0.5]), Tensor([0.0, 1.0])))
        0.6931472
    """
    x, y = _pair_args("BinaryCrossEntropy", logits, labels)
    eps = 1e-12
    loss = -(y * _max(x, eps).log() + (1.0 - y) * _max(1.0 - x, eps).log())
    return _reduce("BinaryCrossEntropy", loss, reduction, weight)


def soft_margin_loss(input, target, reduction="mean"):  # noqa: A002
    """``ops.soft_margin_loss``: ``log(1 + e^(-y·x))`` for labels ``±1`` (MindSpore 2.10 has no
    CPU kernel for it).

    Args:
        input (Tensor): The input tensor.
        target (Tensor): The target values.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.soft_margin_loss(Tensor([0.0]), Tensor([1.0])))
        0.6931472
    """
    x, y = _pair_args("SoftMarginLoss", input, target)
    return _reduce("SoftMarginLoss", _softplus(-(x * y)), reduction)


def margin_ranking_loss(input1, input2, target, margin=0.0, reduction="mean"):
    """``ops.margin_ranking_loss``: ``max(0, -y·(x1 - x2) + margin)``.

    Args:
        input1 (Tensor): The first input.
        input2 (Tensor): The second input.
        target (Tensor): The target values.
        margin (float, optional): The margin. Default: ``0.0``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.margin_ranking_loss(Tensor([1.0]), Tensor([2.0]), Tensor([1.0])))
        1.0
    """
    a, b = _pair_args("MarginRankingLoss", input1, input2)
    y = _tensor("MarginRankingLoss", "target", target)
    return _reduce("MarginRankingLoss", _max(-y * (a - b) + float(margin), 0.0), reduction)


def hinge_embedding_loss(inputs, targets, margin=1.0, reduction="mean"):
    """``ops.hinge_embedding_loss``: ``x`` where ``y = 1``, ``max(0, margin - x)`` where ``y = -1``
    (for other targets: by their sign, 0 for 0).

    Args:
        inputs (Tensor): The distances.
        targets (Tensor): The labels, 1 or -1.
        margin (float, optional): The margin. Default: ``1.0``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.hinge_embedding_loss(Tensor([0.3, 2.0]), Tensor([-1.0, 1.0])))
        1.35
    """
    x, y = _pair_args("HingeEmbeddingLoss", inputs, targets, False)
    # by the target's sign, as MindSpore 2.10 computes it (a target of 0 gives 0)
    loss = _C.where_(y > 0, x, Tensor(0.0, x.dtype)) + \
        _C.where_(y < 0, _max(float(margin) - x, 0.0), Tensor(0.0, x.dtype))
    return _reduce("HingeEmbeddingLoss", loss, reduction)


def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction="mean"):
    """``ops.cosine_embedding_loss``: ``1 - cos(x1, x2)`` where ``target = 1``,
    ``max(0, cos(x1, x2) - margin)`` where ``target = -1`` (cosines along the last axis).

    Args:
        input1 (Tensor): The first input.
        input2 (Tensor): The second input.
        target (Tensor): The target values.
        margin (float, optional): The margin. Default: ``0.0``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.cosine_embedding_loss(Tensor([[1.0, 0.0]]), Tensor([[0.0, 1.0]]), Tensor([1])))
        1.0
    """
    a = _tensor("CosineEmbeddingLoss", "input1", input1)
    b = _tensor("CosineEmbeddingLoss", "input2", input2)
    y = _tensor("CosineEmbeddingLoss", "target", target)
    if tuple(a.shape) != tuple(b.shape):
        raise ShapeError(f"For 'CosineEmbeddingLoss', 'input1' and 'input2' must have the same shape, but "
                         f"got {list(a.shape)} and {list(b.shape)}.")
    if not -1.0 <= float(margin) <= 1.0:
        raise ShapeError(f"For 'CosineEmbeddingLoss', 'margin' must be in [-1, 1], but got {margin}.")
    cos = (a * b).sum(-1) / ((a * a).sum(-1) * (b * b).sum(-1) + 1e-12).sqrt()
    pos = 1.0 - cos
    neg = _C.maximum(cos - float(margin), Tensor(0.0, cos.dtype))
    loss = _C.where_(y == 1, pos, _C.where_(y == -1, neg, cos * 0.0))
    return _reduce("CosineEmbeddingLoss", loss, reduction)


# -- layers as functions ----------------------------------------------------------------------
def dense(input, weight, bias=None):  # noqa: A002
    """``ops.dense``: ``input @ weight.T + bias`` (``weight`` is ``[out, in]``).

    Args:
        input (Tensor): The input tensor.
        weight (Tensor): The weight ``[out, in]``.
        bias (Tensor, optional): The bias, one value per output channel. Default: ``None``.

    Returns:
        Tensor, of shape ``input.shape[:-1] + [out]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.dense(Tensor([[1.0, 2.0]]), Tensor([[1.0, 1.0]]), Tensor([0.5])))
        [[3.5]]
    """
    x, w = _tensor("Dense", "input", input), _tensor("Dense", "weight", weight)
    if x.ndim == 0 or w.ndim not in (1, 2) or x.shape[-1] != w.shape[-1]:
        raise ShapeError(f"For 'Dense', 'input' [..., in] and 'weight' [out, in] do not match: "
                         f"{list(x.shape)} and {list(w.shape)}.")
    out = _C.matmul(x, w.transpose() if w.ndim == 2 else w)
    return out if bias is None else out + bias


def bias_add(input_x, bias):
    """``ops.bias_add``: ``bias`` (1-D, one value per channel) added along axis 1.

    Args:
        input_x (Tensor): The input tensor.
        bias (Tensor, optional): The bias, one value per output channel.

    Returns:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bias_add(ops.zeros((1, 2)), Tensor([1.0, 2.0])))
        [[1. 2.]]
    """
    x, b = _tensor("BiasAdd", "input_x", input_x), _tensor("BiasAdd", "bias", bias)
    if x.ndim < 2 or b.ndim != 1 or b.shape[0] != x.shape[1]:
        raise ShapeError(f"For 'BiasAdd', 'bias' must be 1-D with one value per channel (axis 1) of "
                         f"'input_x', but got shapes {list(b.shape)} and {list(x.shape)}.")
    return x + b.reshape((b.shape[0],) + (1,) * (x.ndim - 2))


def pixel_shuffle(input, upscale_factor):  # noqa: A002
    """``ops.pixel_shuffle``: ``[..., C·r², H, W]`` to ``[..., C, H·r, W·r]``.

    Args:
        input (Tensor): The input tensor.
        upscale_factor (int): The factor r.

    Returns:
        Tensor of shape ``[..., C, H·r, W·r]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.pixel_shuffle(ops.zeros((1, 4, 2, 2)), 2).shape)
        (1, 1, 4, 4)
    """
    x = _tensor("PixelShuffle", "input", input)
    r = _int("PixelShuffle", "upscale_factor", upscale_factor)
    if x.ndim < 3 or r <= 0 or x.shape[-3] % (r * r):
        raise ShapeError(f"For 'PixelShuffle', axis -3 of shape {list(x.shape)} must be divisible "
                         f"by upscale_factor² ({r}²).")
    *lead, c, h, w = x.shape
    n = len(lead)
    y = x.reshape(tuple(lead) + (c // (r * r), r, r, h, w))
    y = y.permute(*range(n), n, n + 3, n + 1, n + 4, n + 2)
    return y.reshape(tuple(lead) + (c // (r * r), h * r, w * r))


def pixel_unshuffle(input, downscale_factor):  # noqa: A002
    """``ops.pixel_unshuffle``: ``[..., C, H·r, W·r]`` to ``[..., C·r², H, W]``.

    Args:
        input (Tensor): The input tensor.
        downscale_factor (int): The factor r.

    Returns:
        Tensor of shape ``[..., C·r², H, W]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.pixel_unshuffle(ops.zeros((1, 1, 4, 4)), 2).shape)
        (1, 4, 2, 2)
    """
    x = _tensor("PixelUnshuffle", "input", input)
    r = _int("PixelUnshuffle", "downscale_factor", downscale_factor)
    if x.ndim < 3 or r <= 0 or x.shape[-1] % r or x.shape[-2] % r:
        raise ShapeError(f"For 'PixelUnshuffle', the last two axes of {list(x.shape)} must be "
                         f"divisible by {r}.")
    *lead, c, h, w = x.shape
    n = len(lead)
    y = x.reshape(tuple(lead) + (c, h // r, r, w // r, r))
    y = y.permute(*range(n), n, n + 2, n + 4, n + 1, n + 3)
    return y.reshape(tuple(lead) + (c * r * r, h // r, w // r))


def _pair(op, name, v):
    p = (v, v) if isinstance(v, int) else tuple(v)
    if len(p) != 2 or any(isinstance(e, bool) or not isinstance(e, int) or e < 0 for e in p):
        raise ShapeError(f"For '{op}', '{name}' must be an int or a pair of ints, but got {v!r}.")
    return p


def _nchw(op, x):
    x = _tensor(op, "input", x)
    if x.ndim not in (3, 4):
        raise ShapeError(f"For '{op}', the input must be 3-D or 4-D, but got shape {list(x.shape)}.")
    return x


def _as4(x):
    """A 3-D ``[C, H, W]`` input as ``[1, C, H, W]`` (and whether it was 3-D)."""
    return (x.expand_dims(0), True) if x.ndim == 3 else (x, False)


def avg_pool2d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=0):
    """``ops.avg_pool2d``: means over ``kernel_size`` windows of ``[N, C, H, W]`` (zero
    ``padding`` on each side; ``divisor_override`` replaces the window size). With ``ceil_mode``
    the output size rounds up and an edge window divides by its part inside the padded input
    (inside the input without ``count_include_pad``), as MindSpore. One ``AvgPool`` primitive.

    Args:
        input_x (Tensor): The input tensor.
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool, optional): Whether the padding counts in the average. Default:
            ``True``.
        divisor_override (int, optional): The divisor of the average, if given. Default: ``0``.

    Returns:
        Tensor of shape ``[N, C, H_out, W_out]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.avg_pool2d(Tensor([[[[1.0, 2.0], [3.0, 4.0]]]]), 2))
        [[[[2.5]]]]
    """
    x = _nchw("AvgPool2D", input_x)
    k, s, p = (_pair("AvgPool2D", n, v) for n, v in (("kernel_size", kernel_size), ("stride", stride),
                                                     ("padding", padding)))
    _positive("AvgPool2D", k, s)
    x4, three = _as4(x)
    ho, wo = _out_hw("AvgPool2D", x4, k, s, p, (1, 1), bool(ceil_mode))
    include = bool(count_include_pad) or bool(divisor_override)
    if ceil_mode and include:
        include = False   # edge windows divide by their part inside the padded input (below)
    out = _C.avg_pool_window(x4, k, s, p, (ho, wo), include)
    if divisor_override:
        counts = [_window_counts(n, o, kk, ss, pp, False)
                  for n, o, kk, ss, pp in zip(x4.shape[-2:], (ho, wo), k, s, p)]
        scale = _np.outer(*counts) / float(divisor_override) if ceil_mode else k[0] * k[1] / float(divisor_override)
        out = out * (Tensor(scale, x.dtype) if ceil_mode else scale)
    elif ceil_mode and count_include_pad:
        inside = [_window_counts(n, o, kk, ss, pp, False) for n, o, kk, ss, pp in zip(x4.shape[-2:], (ho, wo), k, s, p)]
        padded = [_window_counts(n, o, kk, ss, pp, True) for n, o, kk, ss, pp in zip(x4.shape[-2:], (ho, wo), k, s, p)]
        out = out * Tensor(_np.outer(*inside) / _np.outer(*padded), x.dtype)
    return out.squeeze(0) if three else out


def _positive(op, *pairs):
    for v in pairs:
        if 0 in v:
            raise ShapeError(f"For '{op}', the kernel size and stride must be positive, but got {v}.")


def _window_counts(n, n_out, k, s, p, include_pad):
    """How many cells of each window along one axis count towards a mean: those inside the
    padded input, or inside the input alone."""
    start = _np.arange(n_out) * s - p
    end = _np.minimum(start + k, n + p)
    if not include_pad:
        start, end = _np.maximum(start, 0), _np.minimum(end, n)
    return (end - start).astype(_np.float64)


def _out_size(n, k, s, p, d, ceil):
    """Pooling output length: floored, or rounded up with the last window starting inside the
    input or its leading padding."""
    span = n + 2 * p - d * (k - 1) - 1
    if not ceil:
        return span // s + 1
    o = -(-span // s) + 1
    return o - 1 if (o - 1) * s >= n + p else o


def _out_hw(op, x, k, s, p, d, ceil):
    """The pooled output size of a 4-D input; a ValueError when a window does not fit."""
    h, w = x.shape[-2:]
    ho, wo = (_out_size(n, kk, ss, pp, dd, ceil) for n, kk, ss, pp, dd in zip((h, w), k, s, p, d))
    if ho <= 0 or wo <= 0:
        raise ShapeError(f"For '{op}', the window {k} (dilation {d}) does not fit the input {h}x{w} "
                         f"padded by {p}.")
    return ho, wo


def max_pool2d(x, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
    """``ops.max_pool2d``: maxima over ``kernel_size`` windows (``stride`` defaults to the kernel
    size; padding cells never hold the maximum; ``ceil_mode`` rounds the output size up); with
    ``return_indices`` also the Int64 flat position ``h·W + w`` of each maximum in its input
    plane. One ``MaxPool`` primitive; the gradient goes to each window's first maximum.

    Args:
        x (Tensor): The input tensor.
        kernel_size (Union[int, tuple[int]]): The window size.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``None``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        return_indices (bool, optional): Whether to also return the indices of the maxima. Default:
            ``False``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.

    Returns:
        Tensor of shape ``[N, C, H_out, W_out]`` (and the Int64 indices when `return_indices`).

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.max_pool2d(Tensor([[[[1.0, 2.0], [3.0, 4.0]]]]), 2))
        [[[[4.]]]]
    """
    x = _nchw("MaxPool2D", x)
    k = _pair("MaxPool2D", "kernel_size", kernel_size)
    s = k if stride is None else _pair("MaxPool2D", "stride", stride)
    p, d = _pair("MaxPool2D", "padding", padding), _pair("MaxPool2D", "dilation", dilation)
    _positive("MaxPool2D", k, s, d)
    x4, three = _as4(x)
    ho, wo = _out_hw("MaxPool2D", x4, k, s, p, d, bool(ceil_mode))
    values, idx = _C.max_pool_window(x4, k, s, p, d, (ho, wo), bool(return_indices))
    if three:
        values, idx = values.squeeze(0), (None if idx is None else idx.squeeze(0))
    return (values, idx) if return_indices else values


def adaptive_avg_pool2d(input, output_size):  # noqa: A002
    """``ops.adaptive_avg_pool2d``: means over the windows of ``nn.AdaptiveAvgPool2d``.

    Args:
        input (Tensor): The input tensor.
        output_size (Union[int, tuple[int]]): The output height and width.

    Returns:
        Tensor of shape ``[..., C] + output_size``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.adaptive_avg_pool2d(ops.ones((1, 1, 4, 4)), 2).shape)
        (1, 1, 2, 2)
    """
    from ...nn.adaptive import AdaptiveAvgPool2d
    return AdaptiveAvgPool2d(output_size)(input)


def adaptive_max_pool2d(input, output_size, return_indices=False):  # noqa: A002
    """``ops.adaptive_max_pool2d``: maxima over the windows of ``nn.AdaptiveMaxPool2d``.

    Args:
        input (Tensor): The input tensor.
        output_size (Union[int, tuple[int]]): The output height and width.
        return_indices (bool): Whether to return each maximum's Int64 position in its ``H·W``
            plane too.

    Returns:
        Tensor of shape ``[..., C] + output_size``; with ``return_indices``, ``(values,
        indices)``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.adaptive_max_pool2d(ops.ones((1, 1, 4, 4)), 2).shape)
        (1, 1, 2, 2)
    """
    from ...nn.adaptive import AdaptiveMaxPool2d
    return AdaptiveMaxPool2d(output_size, return_indices)(input)


def conv2d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):  # noqa: A002
    """``ops.conv2d``: the cross-correlation of ``[N, C, H, W]`` with ``weight [O, C/groups, kh,
    kw]``, one ``Conv2D`` primitive (im2col and a packed matrix product per group); ``pad_mode``
    ``'valid'``, ``'same'`` or ``'pad'`` (``padding`` an int, ``(h, w)`` or ``(top, bottom, left,
    right)``).

    Args:
        input (Tensor): The input tensor.
        weight (Tensor): The kernel ``[out_channels, in_channels / groups, kh, kw]``.
        bias (Tensor, optional): The bias, one value per output channel. Default: ``None``.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        groups (int, optional): The number of groups of channels. Default: ``1``.

    Returns:
        Tensor of shape ``[N, O, H_out, W_out]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.conv2d(ops.ones((1, 1, 3, 3)), ops.ones((2, 1, 2, 2))).shape)
        (1, 2, 2, 2)
    """
    x, w = _tensor("Conv2D", "input", input), _tensor("Conv2D", "weight", weight)
    if (x.ndim != 4 or w.ndim != 4 or isinstance(groups, bool) or not isinstance(groups, int) or groups <= 0
            or x.shape[1] != w.shape[1] * groups or w.shape[0] % groups):
        raise ShapeError(f"For 'Conv2D', 'input' [N, C, H, W] and 'weight' [O, C/groups, kh, kw] do not "
                         f"match with groups={groups}: {list(x.shape)} and {list(w.shape)}.")
    s, d = _pair("Conv2D", "stride", stride), _pair("Conv2D", "dilation", dilation)
    if 0 in s or 0 in d:
        raise ShapeError(f"For 'Conv2D', 'stride' and 'dilation' must be positive, but got {s} and {d}.")
    kh, kw = w.shape[2:]
    if pad_mode == "same":
        pads = []
        for n, kk, st, dd in zip(x.shape[2:], (kh, kw), s, d):
            total = max((-(-n // st) - 1) * st + dd * (kk - 1) + 1 - n, 0)
            pads += [total // 2, total - total // 2]
    elif pad_mode == "pad":
        pads = list(padding) if isinstance(padding, (tuple, list)) else [padding] * 4
        pads = [pads[0], pads[0], pads[1], pads[1]] if len(pads) == 2 else pads
        if len(pads) != 4 or any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in pads):
            raise ShapeError(f"For 'Conv2D', 'padding' must be a non-negative int or 2 or 4 of them, "
                             f"but got {padding!r}.")
    elif pad_mode == "valid":
        pads = [0, 0, 0, 0]
    else:
        raise ShapeError(f"For 'Conv2D', 'pad_mode' must be 'valid', 'same' or 'pad', but got {pad_mode!r}.")
    size = [(n + lo + hi - dd * (kk - 1) - 1) // st + 1
            for n, lo, hi, kk, st, dd in zip(x.shape[2:], pads[0::2], pads[1::2], (kh, kw), s, d)]
    if min(size) <= 0 or min(x.shape[2:]) == 0:
        raise ShapeError(f"For 'Conv2D', the kernel {(kh, kw)} (dilation {d}) is larger than the input "
                         f"{list(x.shape)} ({x.dtype}) padded by {pads}.")
    out = _C.conv_window(x, w, s, (pads[0], pads[2]), d, groups, tuple(size))
    return out if bias is None else out + bias.reshape(-1, 1, 1)


def conv1d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):  # noqa: A002
    """``ops.conv1d``: :func:`conv2d` over ``[N, C, L]`` with ``weight [O, C/groups, k]``.

    Args:
        input (Tensor): The input tensor.
        weight (Tensor): The kernel ``[out_channels, in_channels / groups, k]``.
        bias (Tensor, optional): The bias, one value per output channel. Default: ``None``.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        groups (int, optional): The number of groups of channels. Default: ``1``.

    Returns:
        Tensor of shape ``[N, O, L_out]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.conv1d(ops.ones((1, 2, 5)), ops.ones((3, 2, 3))).shape)
        (1, 3, 3)
    """
    x, w = _tensor("Conv1D", "input", input), _tensor("Conv1D", "weight", weight)
    if x.ndim != 3 or w.ndim != 3:
        raise ShapeError(f"For 'Conv1D', 'input' must be [N, C, L] and 'weight' [O, C/groups, k], but "
                         f"got {list(x.shape)} and {list(w.shape)}.")
    def one(v):
        return v[0] if isinstance(v, (tuple, list)) else v
    p = padding if isinstance(padding, int) else (0, 0, padding[0], padding[-1])
    out = conv2d(x.expand_dims(2), w.expand_dims(2), bias, (1, one(stride)), pad_mode,
                 (0, p) if isinstance(p, int) else p, (1, one(dilation)), groups)
    return out.squeeze(2)


def padding(x, pad_dim_size=8):
    """``ops.padding``: :class:`ops.Padding` as a function: the last axis of `x` (of length 1)
    padded with zeros to `pad_dim_size`.

    Args:
        x (Tensor): The input, whose last axis has length 1.
        pad_dim_size (int, optional): The length of the last axis after padding. Default: ``8``.

    Returns:
        Tensor, of shape ``x.shape[:-1] + (pad_dim_size,)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.padding(ms.Tensor([[8.0], [10.0]]), 4))
        [[ 8.  0.  0.  0.]
         [10.  0.  0.  0.]]
    """
    from .._operations_eight import Padding
    return Padding(pad_dim_size)(x)


"""``mindspore.mint.nn.functional`` losses, with ``reduction`` in ``'none'``, ``'mean'``, ``'sum'``
(a ValueError otherwise, as MindSpore 2.10's enum conversion).

Measured on MindSpore 2.10 (CPU): ``nll_loss``, ``binary_cross_entropy``,
``binary_cross_entropy_with_logits`` (with ``pos_weight``) and ``smooth_l1_loss`` run; their values
are in python/tests/test_mint_nn.py. ``cross_entropy``, ``mse_loss``, ``l1_loss``, ``kl_div``,
``soft_margin_loss``, ``cosine_embedding_loss`` have no CPU kernel there and follow the
documentation (``kl_div``'s ``'batchmean'`` divides the sum by the batch size)."""
from ... import ops
from ..._errors import ShapeError
from .._wrap import check_tensor, name_errors


def _reduce(op, loss, reduction):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ShapeError(f"For '{op}', reduction must be 'none', 'mean' or 'sum', but got {reduction!r}.")


def _check_reduction(op, reduction, extra=()):
    if reduction not in ("none", "mean", "sum") + tuple(extra):
        raise ShapeError(f"For '{op}', reduction must be one of {('none', 'mean', 'sum') + tuple(extra)}, "
                         f"but got {reduction!r}.")


def cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean",  # noqa: A002
                  label_smoothing=0.0):
    """The cross entropy of logits `input` (N, C, ...) and class indices (N, ...) or class
    probabilities (N, C, ...).

    Args:
        input (Tensor): The logits.
        target (Tensor): Integer class indices, or float probabilities of `input`'s shape.
        weight (Tensor, optional): (C,) class weights. Default: ``None``.
        ignore_index (int): A class index that adds nothing. Default: ``-100``.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        label_smoothing (float): In [0, 1]. Default: ``0.0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor([[1.0, -5.0, 3.0], [4.0, 2.0, -6.0]])
        >>> print(F.cross_entropy(x, ms.Tensor([0, 2])))
        6.127096
    """
    check_tensor("cross_entropy", "input", input)
    check_tensor("cross_entropy", "target", target)
    _check_reduction("cross_entropy", reduction)
    return ops.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)


def nll_loss(input, target, weight=None, ignore_index=-100, reduction="mean"):  # noqa: A002
    """The negative log likelihood of log-probabilities `input` (N, C, ...) at class indices `target`.

    Args:
        input (Tensor): Log-probabilities.
        target (Tensor): Integer class indices (N, ...).
        weight (Tensor, optional): (C,) class weights. Default: ``None``.
        ignore_index (int): A class index that adds nothing. Default: ``-100``.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor([[1.0, -5.0, 3.0], [4.0, 2.0, -6.0]])
        >>> print(F.nll_loss(x, ms.Tensor([0, 2])))
        2.5
    """
    check_tensor("nll_loss", "input", input)
    check_tensor("nll_loss", "target", target)
    _check_reduction("nll_loss", reduction)
    return ops.nll_loss(input, target, weight, ignore_index, reduction)


def mse_loss(input, target, reduction="mean"):  # noqa: A002
    """The squared error ``(input - target)^2`` (broadcast), reduced.

    Args:
        input (Tensor): The prediction.
        target (Tensor): The target.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.mse_loss(ms.Tensor([1.0, 3.0]), ms.Tensor([0.0, 0.0])))
        5.0
    """
    check_tensor("mse_loss", "input", input)
    return _reduce("mse_loss", ops.square(input - target), reduction)


def l1_loss(input, target, reduction="mean"):  # noqa: A002
    """The absolute error ``|input - target|`` (broadcast), reduced.

    Args:
        input (Tensor): The prediction.
        target (Tensor): The target.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.l1_loss(ms.Tensor([1.0, 2.0]), ms.Tensor([0.0, 0.0])))
        1.5
    """
    check_tensor("l1_loss", "input", input)
    return _reduce("l1_loss", ops.abs(input - target), reduction)


def smooth_l1_loss(input, target, reduction="mean", beta=1.0):  # noqa: A002
    """``0.5 d^2 / beta`` where ``|d| < beta``, else ``|d| - 0.5 beta``, for ``d = input - target``.

    Args:
        input (Tensor): The prediction.
        target (Tensor): The target.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        beta (float): The switch point, at least 0. Default: ``1.0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.smooth_l1_loss(ms.Tensor([1.0, 0.2]), ms.Tensor([0.0, 0.0])))
        0.26
    """
    check_tensor("smooth_l1_loss", "input", input)
    d = ops.abs(input - target)
    loss = d - 0.5 * beta if beta == 0 else ops.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta)
    return _reduce("smooth_l1_loss", loss, reduction)


def binary_cross_entropy(input, target, weight=None, reduction="mean"):  # noqa: A002
    """``-w (t log(x) + (1 - t) log(1 - x))`` of probabilities `input` (logs clamped at -100).

    Args:
        input (Tensor): Probabilities in [0, 1].
        target (Tensor): Targets in [0, 1], of `input`'s shape.
        weight (Tensor, optional): Weights broadcast to `input`. Default: ``None``.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.binary_cross_entropy(ms.Tensor([0.2, 0.9]), ms.Tensor([0.0, 1.0])))
        0.16425204
    """
    check_tensor("binary_cross_entropy", "input", input)
    _check_reduction("binary_cross_entropy", reduction)
    return ops.binary_cross_entropy(input, target, weight, reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, reduction="mean",  # noqa: A002
                                     pos_weight=None):
    """:func:`binary_cross_entropy` of ``sigmoid(input)``, computed stably; `pos_weight` scales
    the positive term.

    Args:
        input (Tensor): Logits.
        target (Tensor): Targets in [0, 1].
        weight (Tensor, optional): Weights broadcast to `input`. Default: ``None``.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        pos_weight (Tensor, optional): Weights of the positive class, broadcast. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.binary_cross_entropy_with_logits(ms.Tensor([0.2, -0.9]), ms.Tensor([0.0, 1.0]), pos_weight=ms.Tensor([2.0])))
        1.6402234
    """
    check_tensor("binary_cross_entropy_with_logits", "input", input)
    _check_reduction("binary_cross_entropy_with_logits", reduction)
    return ops.binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)


def kl_div(input, target, reduction="mean", log_target=False):  # noqa: A002
    """The Kullback-Leibler divergence ``target * (log(target) - input)`` of log-probabilities `input`.

    Args:
        input (Tensor): Log-probabilities.
        target (Tensor): Probabilities (log-probabilities when `log_target`).
        reduction (str): ``'none'``, ``'mean'``, ``'sum'`` or ``'batchmean'``. Default: ``'mean'``.
        log_target (bool): Whether `target` is given as logs. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.kl_div(ms.Tensor([-1.0, -2.0]), ms.Tensor([0.5, 0.5]), reduction='sum'))
        0.8068528
    """
    check_tensor("kl_div", "input", input)
    _check_reduction("kl_div", reduction, ("batchmean",))
    if log_target:
        loss = ops.exp(target) * (target - input)
    else:
        loss = ops.xlogy(target, target) - target * input
    if reduction == "batchmean":
        return loss.sum() / (input.shape[0] if input.ndim else 1)
    return _reduce("kl_div", loss, reduction)


def soft_margin_loss(input, target, reduction="mean"):  # noqa: A002
    """``log(1 + exp(-target * input))``, for targets in {-1, 1}.

    Args:
        input (Tensor): The prediction.
        target (Tensor): The targets (-1 or 1).
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.soft_margin_loss(ms.Tensor([0.5, -1.0]), ms.Tensor([1.0, -1.0])))
        0.3936693
    """
    check_tensor("soft_margin_loss", "input", input)
    return _reduce("soft_margin_loss", ops.softplus(-target * input), reduction)


def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction="mean"):
    """``1 - cos(x1, x2)`` for target 1 and ``max(0, cos(x1, x2) - margin)`` for target -1, per row.

    Args:
        input1 (Tensor): (N, D) or (D,).
        input2 (Tensor): Of `input1`'s shape.
        target (Tensor): (N,) or () of 1 and -1.
        margin (float): In [-1, 1]. Default: ``0.0``.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.cosine_embedding_loss(ms.Tensor([[1.0, 0.0]]), ms.Tensor([[0.0, 1.0]]), ms.Tensor([1.0])))
        1.0
    """
    check_tensor("cosine_embedding_loss", "input1", input1)
    check_tensor("cosine_embedding_loss", "input2", input2)
    check_tensor("cosine_embedding_loss", "target", target)
    eps = 1e-12
    dot = (input1 * input2).sum(-1)
    norms = ops.sqrt(((input1 * input1).sum(-1) + eps) * ((input2 * input2).sum(-1) + eps))
    cos = dot / norms
    loss = ops.where(target == 1, 1 - cos, ops.relu(cos - margin))
    return _reduce("cosine_embedding_loss", loss, reduction)


NAMES = ("cross_entropy", "nll_loss", "mse_loss", "l1_loss", "smooth_l1_loss",
         "binary_cross_entropy", "binary_cross_entropy_with_logits", "kl_div", "soft_margin_loss",
         "cosine_embedding_loss")
__all__ = list(NAMES)

name_errors(globals(), NAMES)

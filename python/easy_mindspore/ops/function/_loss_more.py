"""``ops.multilabel_soft_margin_loss``, ``ops.gaussian_nll_loss`` and ``ops.multi_margin_loss``:
the functional forms of the ``nn`` loss Cells of the same formulas (MindSpore 2.10 has both; a
differential run found the functions missing here)."""

from ..._errors import DTypeError

__all__ = ["multilabel_soft_margin_loss", "gaussian_nll_loss", "multi_margin_loss"]


def multilabel_soft_margin_loss(input, target, weight=None, reduction="mean"):  # noqa: A002
    r"""The multi-label one-versus-all loss: the mean over classes of
    :math:`-(y\log\sigma(x) + (1 - y)\log\sigma(-x))`, times `weight` per class.

    Args:
        input (Tensor): The scores, ``(N, C)``.
        target (Tensor): The 0/1 labels, the shape of `input`.
        weight (Tensor, optional): A weight per class. Default: ``None``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor, ``(N,)`` with ``'none'``, else a scalar.

    Raises:
        TypeError: `input` not a float Tensor.
        ValueError: shapes that do not broadcast, an unknown `reduction`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[0.3, -1.2, 2.0]], ms.float32)
        >>> y = ms.Tensor([[1.0, 0.0, 1.0]], ms.float32)
        >>> print(ops.multilabel_soft_margin_loss(x, y))
        0.31485525
    """
    from ...nn.losses_more import MultiLabelSoftMarginLoss
    return MultiLabelSoftMarginLoss(weight, reduction)(input, target)


def gaussian_nll_loss(x, target, var, full=False, eps=1e-6, reduction="mean"):
    r"""The Gaussian negative log-likelihood
    :math:`\frac{1}{2}(\log\max(var, eps) + (x - target)^2/\max(var, eps))`, plus
    :math:`\frac{1}{2}\log 2\pi` when `full`.

    Args:
        x (Tensor): The means.
        target (Tensor): The samples.
        var (Tensor): The variances (broadcast to `x`).
        full (bool, optional): Whether to add the constant. Default: ``False``.
        eps (float, optional): The floor of `var`. Default: ``1e-6``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss (the shape of `x` with ``'none'``).

    Raises:
        TypeError: an argument of the wrong type.
        ValueError: shapes that do not fit, a negative `var`, an unknown `reduction`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.5, 1.0], ms.float32)
        >>> print(ops.gaussian_nll_loss(x, ms.Tensor([1.0, 1.0]), ms.Tensor([0.5, 2.0])))
        0.125
    """
    from ...nn.losses_more import GaussianNLLLoss
    return GaussianNLLLoss(full=full, eps=eps, reduction=reduction)(x, target, var)


def multi_margin_loss(input, target, p=1, margin=1, weight=None, reduction="mean"):  # noqa: A002
    r"""The multi-class hinge loss: for each sample, the mean over the other classes of
    :math:`\max(0, margin - x_y + x_j)^p`, times the weight of the target class.

    Args:
        input (Tensor): The scores, ``(N, C)``.
        target (Tensor): The class indices, ``(N,)``.
        p (int, optional): 1 or 2. Default: ``1``.
        margin (int, optional): The margin. Default: ``1``.
        weight (Tensor, optional): A weight per class. Default: ``None``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor, ``(N,)`` with ``'none'``, else a scalar.

    Raises:
        TypeError: `margin` not an int (as MindSpore 2.10's function), a wrong input type.
        ValueError: `p` not 1 or 2, shapes that do not fit, an unknown `reduction`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[0.1, 0.2, 0.4, 0.8]], ms.float32)
        >>> print(ops.multi_margin_loss(x, ms.Tensor([3], ms.int64)))
        0.325
    """
    if isinstance(margin, bool) or not isinstance(margin, int):
        raise DTypeError(f"For 'multi_margin_loss', the type of 'margin' must be int, but got "
                        f"{type(margin)}.")
    from ...nn.losses_more import MultiMarginLoss
    return MultiMarginLoss(p, float(margin), reduction, weight)(input, target)

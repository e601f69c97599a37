"""Losses (MindSpore's ``nn.*Loss``), each a Cell called as ``loss_fn(logits, labels)``. The
cross entropies, MSE and L1 are Rust losses (``easy_mindspore::nn::loss``: stable log-sum-exp and
softplus); the rest are a few engine ops each, over ``LossBase.get_loss``'s reduction."""
from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError, UnimplementedError
from ..common import dtype as mstype
from ..ops.function import nn_func as _F
from .cell import Cell

__all__ = ["MSELoss", "L1Loss", "SoftmaxCrossEntropyWithLogits", "CrossEntropyLoss",
           "BCEWithLogitsLoss", "LossBase", "NLLLoss", "BCELoss", "SmoothL1Loss", "HuberLoss",
           "KLDivLoss", "SoftMarginLoss", "MAELoss", "RMSELoss", "CosineEmbeddingLoss"]


def _reduction(r, name):
    if r not in ("mean", "sum", "none"):
        raise ShapeError(f"For '{name}', reduction must be 'mean', 'sum' or 'none', but got {r!r}")
    return r


class _Loss(Cell):
    #: The constructor of the Rust loss (``_C.mse_loss``...), given ``reduction`` and the
    #: loss's own options by name.
    _new_native = None

    def __init__(self, reduction="mean", **options):
        super().__init__()
        name = type(self).__name__
        object.__setattr__(self, "_native", None)
        native = self._new_native(reduction=_reduction(reduction, name), **options)
        object.__setattr__(self, "_loss", native)
        self.reduction = reduction

    def construct(self, logits, labels):
        return self._loss(logits, labels)

    def extend_repr(self):
        return ""


class MSELoss(_Loss):
    """``(x − y)²``, reduced (default ``'mean'``), in the promoted dtype of the inputs: integer
    inputs give an integer loss (the mean truncated), as in MindSpore 2.10.

    Args:
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(nn.MSELoss()(x, y))
        3.75
    """

    _new_native = staticmethod(_C.mse_loss)

    def construct(self, logits, labels):
        if (isinstance(logits, Tensor) and isinstance(labels, Tensor)
                and (logits.dtype != labels.dtype or not logits.is_floating_point())):
            return self._promoted(logits, labels)
        return self._loss(logits, labels)

    def _promoted(self, logits, labels):
        """The loss of integer inputs, or of two dtypes, which the Rust loss does not take:
        MindSpore 2.10 squares the difference in the promoted dtype, reduces in Float32 and casts
        back (Int32 inputs give an Int32 loss, the mean truncated: ``[1, 0, 4]`` has mean 1).
        Integers are reduced in Float64 here, exact up to 2**53 where Float32 is not past 2**24."""
        if mstype.bool_ in (logits.dtype, labels.dtype):
            raise DTypeError(f"For 'MSELoss', the inputs must be numbers, but got {logits.dtype} "
                             f"and {labels.dtype}.")
        d = logits - labels
        x = d * d
        if self.reduction == "none":
            return x
        wide = mstype.float64 if x.dtype in (mstype.float64, mstype.int64, mstype.uint64,
                                             mstype.uint32) else mstype.float32
        y = x.astype(wide)
        y = y.mean() if self.reduction == "mean" else y.sum()
        return y.astype(x.dtype)


class L1Loss(_Loss):
    """``|x − y|``, reduced (default ``'mean'``).

    Args:
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(nn.L1Loss()(x, y))
        1.5
    """

    _new_native = staticmethod(_C.l1_loss)


class SoftmaxCrossEntropyWithLogits(_Loss):
    """``−Σ_c y_c · log_softmax(x)_c`` per row of ``[N, C]`` logits; ``sparse=True`` takes class
    indices ``[N]``. MindSpore's defaults: ``sparse=False, reduction='none'``.

    Args:
        sparse (bool, optional): Whether the labels are class indices (else probabilities). Default:
            ``False``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'none'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> y = ms.Tensor([[0.0, 1.0], [1.0, 0.0]], ms.float32)
        >>> print(nn.SoftmaxCrossEntropyWithLogits()(x, y))
        [0.31326175 1.3132615 ]
        >>> labels = ms.Tensor([1, 0], ms.int32)
        >>> print(nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')(x, labels))
        0.8132616
    """

    _new_native = staticmethod(_C.softmax_cross_entropy_with_logits)

    def __init__(self, sparse=False, reduction="none"):
        super().__init__(reduction, sparse=bool(sparse))


class CrossEntropyLoss(_Loss):
    """Cross entropy of logits ``[N, C, ...]`` against class indices or probabilities, with class
    ``weight``, ``ignore_index`` and ``label_smoothing``.

    Args:
        weight (Tensor, optional): A weight per class, 1-D of length C. Default: ``None``.
        ignore_index (int, optional): A target value that does not contribute to the loss. Default:
            ``-100``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.
        label_smoothing (float, optional): The amount of label smoothing, in ``[0, 1]``. Default:
            ``0.0``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> logits = ms.Tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]], ms.float32)
        >>> labels = ms.Tensor([0, 2], ms.int32)
        >>> print(nn.CrossEntropyLoss()(logits, labels))
        0.1754564
    """

    _new_native = staticmethod(_C.cross_entropy_loss)

    def __init__(self, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
        super().__init__(reduction, weight=weight, ignore_index=int(ignore_index),
                         label_smoothing=float(label_smoothing))


class BCEWithLogitsLoss(_Loss):
    """Binary cross entropy on logits, ``weight`` and ``pos_weight`` optional.

    Args:
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.
        weight (Tensor, optional): A weight per element, broadcast with the loss. Default: ``None``.
        pos_weight (Tensor, optional): The weight of the positive examples, per class. Default:
            ``None``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.0, 2.0, 0.5], ms.float32)
        >>> y = ms.Tensor([0.0, 1.0, 1.0], ms.float32)
        >>> print(nn.BCEWithLogitsLoss()(x, y))
        0.30475557
    """

    _new_native = staticmethod(_C.bce_with_logits_loss)

    def __init__(self, reduction="mean", weight=None, pos_weight=None):
        super().__init__(reduction, weight=weight, pos_weight=pos_weight)


# -- losses written over engine ops (each a few elementwise ops and one reduction) ------------
def _tensors(name, *xs):
    for x in xs:
        if not isinstance(x, Tensor):
            raise DTypeError(f"For '{name}', the inputs must be Tensors, but got {type(x).__name__}.")
    return xs


def _same_shape(name, a, b):
    if tuple(a.shape) != tuple(b.shape):
        raise ShapeError(f"For '{name}', the logits and labels must have the same shape, but got "
                         f"{tuple(a.shape)} and {tuple(b.shape)}.")


class LossBase(Cell):
    """Base of the losses written in Python: ``get_loss(x, weights=1.0)`` applies
    ``reduction`` (``'mean'``, ``'sum'`` or ``'none'``) to the elementwise loss ``x``.

    Args:
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss the subclass's ``construct`` computes (see ``get_loss``).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> class Abs(nn.LossBase):
        ...     def construct(self, logits, labels):
        ...         return self.get_loss(ops.abs(logits - labels))
        ...
        >>> print(Abs()(ms.Tensor([1.0, 2.0]), ms.Tensor([0.0, 0.0])))
        1.5
    """

    def __init__(self, reduction="mean"):
        super().__init__()
        self.reduction = _reduction(reduction, type(self).__name__)

    def get_axis(self, x):
        """Every axis of `x`, ``(0, ..., x.ndim - 1)`` (the axes ``get_loss`` reduces).

        Args:
            x (Tensor): The tensor.

        Returns:
            tuple[int].
        """
        return tuple(range(x.ndim))

    def construct(self, logits, labels):
        """A subclass computes its loss here (MindSpore's NotImplementedError otherwise)."""
        raise UnimplementedError(f"For '{type(self).__name__}', a LossBase subclass defines "
                                 "'construct(logits, labels)'.")

    def get_loss(self, x, weights=1.0):
        x = x * weights if not (isinstance(weights, float) and weights == 1.0) else x
        if self.reduction == "mean":
            return x.mean()
        if self.reduction == "sum":
            return x.sum()
        return x


class NLLLoss(LossBase):
    """``-logits[n, labels[n]]`` for log-probabilities ``[N, C, ...]``, with class ``weight`` and
    ``ignore_index``; ``'mean'`` divides by the total weight of the counted labels.

    Args:
        weight (Tensor, optional): A weight per class, 1-D of length C. Default: ``None``.
        ignore_index (int, optional): A target value that does not contribute to the loss. Default:
            ``-100``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> logp = ms.Tensor([[-0.5, -1.0], [-2.0, -0.2]], ms.float32)
        >>> target = ms.Tensor([0, 1], ms.int32)
        >>> print(nn.NLLLoss()(logp, target))
        0.35
    """

    def __init__(self, weight=None, ignore_index=-100, reduction="mean"):
        super().__init__(reduction)
        self.weight, self.ignore_index = weight, ignore_index

    def construct(self, logits, labels):
        return _F.nll_loss(logits, labels, self.weight, self.ignore_index, self.reduction)


class BCELoss(LossBase):
    """Binary cross entropy of probabilities: ``-w·(y·log x + (1-y)·log(1-x))``, each log
    clamped at ``log(1e-12)`` as MindSpore's kernel does (so ``x = 0`` or ``1`` stays finite).

    Args:
        weight (Tensor, optional): A weight per element, broadcast with the loss. Default: ``None``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([0.1, 0.8, 0.6], ms.float32)
        >>> y = ms.Tensor([0.0, 1.0, 1.0], ms.float32)
        >>> print(nn.BCELoss()(x, y))
        0.27977654
    """

    def __init__(self, weight=None, reduction="mean"):
        super().__init__(reduction)
        self.weight = weight

    def construct(self, logits, labels):
        x, y = _tensors("BCELoss", logits, labels)
        _same_shape("BCELoss", x, y)
        return _F.binary_cross_entropy(x, y, self.weight, self.reduction)


class SmoothL1Loss(LossBase):
    """``0.5·d²/beta`` where ``|d| < beta``, else ``|d| - 0.5·beta`` (``d = logits - labels``);
    MindSpore's defaults ``beta=1.0, reduction='none'``.

    Args:
        beta (float, optional): Where the loss changes from quadratic to linear. Default: ``1.0``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'none'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(nn.SmoothL1Loss()(x, y))
        [2.5 1.  0. ]
    """

    def __init__(self, beta=1.0, reduction="none"):
        super().__init__(reduction)
        self.beta = float(beta)
        if self.beta <= 0:
            raise ShapeError(f"For 'SmoothL1Loss', 'beta' must be > 0, but got {beta}.")

    def construct(self, logits, labels):
        x, y = _tensors("SmoothL1Loss", logits, labels)
        _same_shape("SmoothL1Loss", x, y)
        return _F.smooth_l1_loss(x, y, self.beta, self.reduction)


class HuberLoss(LossBase):
    """``0.5·d²`` where ``|d| ≤ delta``, else ``delta·(|d| - 0.5·delta)``.

    Args:
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.
        delta (float, optional): Where the loss changes from quadratic to linear. Default: ``1.0``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(nn.HuberLoss()(x, y))
        1.1666666
    """

    def __init__(self, reduction="mean", delta=1.0):
        super().__init__(reduction)
        self.delta = float(delta)
        if self.delta <= 0:
            raise ShapeError(f"For 'HuberLoss', 'delta' must be > 0, but got {delta}.")

    def construct(self, logits, labels):
        x, y = _tensors("HuberLoss", logits, labels)
        return _F.huber_loss(x, y, self.reduction, self.delta)


class KLDivLoss(LossBase):
    """``labels·(log labels - logits)`` for log-probability ``logits`` (0 where ``labels`` is 0);
    ``reduction`` also ``'batchmean'`` (the sum over the batch size).

    Args:
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> logits = ms.Tensor([-0.5, -1.0, -2.0], ms.float32)
        >>> labels = ms.Tensor([0.5, 0.3, 0.2], ms.float32)
        >>> print(nn.KLDivLoss()(logits, labels))
        -0.026551008
    """

    def __init__(self, reduction="mean"):
        if reduction not in ("mean", "sum", "none", "batchmean"):
            raise ShapeError(f"For 'KLDivLoss', reduction must be 'mean', 'sum', 'none' or "
                             f"'batchmean', but got {reduction!r}")
        Cell.__init__(self)
        self.reduction = reduction

    def construct(self, logits, labels):
        x, t = _tensors("KLDivLoss", logits, labels)
        return _F.kl_div(x, t, self.reduction)


class SoftMarginLoss(LossBase):
    """``log(1 + e^(-y·x))`` for labels ``±1``. (MindSpore 2.10 has no CPU kernel for it.)

    Args:
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([0.5, -1.0], ms.float32)
        >>> y = ms.Tensor([1.0, -1.0], ms.float32)
        >>> print(nn.SoftMarginLoss()(x, y))
        0.3936693
    """

    def construct(self, logits, labels):
        x, y = _tensors("SoftMarginLoss", logits, labels)
        _same_shape("SoftMarginLoss", x, y)
        return _F.soft_margin_loss(x, y, self.reduction)


class MAELoss(LossBase):
    """``|logits - label|``, reduced (default ``'mean'``).

    Args:
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(nn.MAELoss()(x, y))
        1.5
    """

    def construct(self, logits, label):
        x, y = _tensors("MAELoss", logits, label)
        return self.get_loss((x - y).abs())


class RMSELoss(LossBase):
    """``sqrt(mean((logits - label)²))``.

    Outputs:
        Tensor, 0-D: the root of the mean squared difference.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(nn.RMSELoss()(x, y))
        1.9364917
    """

    def __init__(self):
        super().__init__("mean")

    def construct(self, logits, label):
        x, y = _tensors("RMSELoss", logits, label)
        d = x - y
        return (d * d).mean().sqrt()


class CosineEmbeddingLoss(LossBase):
    """For rows ``x1, x2`` and labels ``y = ±1``: ``1 - cos(x1, x2)`` where ``y = 1``,
    ``max(0, cos(x1, x2) - margin)`` where ``y = -1``.

    Args:
        margin (float, optional): The margin. Default: ``0.0``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Outputs:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, the elementwise losses for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x1 = ms.Tensor([[1.0, 0.0], [0.0, 1.0]], ms.float32)
        >>> x2 = ms.Tensor([[1.0, 1.0], [1.0, 0.0]], ms.float32)
        >>> y = ms.Tensor([1, -1], ms.int32)
        >>> print(nn.CosineEmbeddingLoss()(x1, x2, y))
        0.14644662
    """

    def __init__(self, margin=0.0, reduction="mean"):
        super().__init__(reduction)
        self.margin = float(margin)
        if not -1.0 <= self.margin <= 1.0:
            raise ShapeError(f"For 'CosineEmbeddingLoss', 'margin' must be in [-1, 1], got {margin}.")

    def construct(self, logits_x1, logits_x2, labels):
        a, b, y = _tensors("CosineEmbeddingLoss", logits_x1, logits_x2, labels)
        _same_shape("CosineEmbeddingLoss", a, b)
        return _F.cosine_embedding_loss(a, b, y, self.margin, self.reduction)

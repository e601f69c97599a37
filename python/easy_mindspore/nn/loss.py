"""Losses (MindSpore's ``nn.*Loss``), each a Cell called as ``loss_fn(logits, labels)``; the
formulas (stable log-sum-exp and softplus) live in ``easy_mindspore::nn::loss``."""
from .. import _C
from .._errors import ShapeError
from .cell import Cell

__all__ = ["MSELoss", "L1Loss", "SoftmaxCrossEntropyWithLogits", "CrossEntropyLoss",
           "BCEWithLogitsLoss"]


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
    """``(x − y)²``, reduced (default ``'mean'``)."""

    _new_native = staticmethod(_C.mse_loss)


class L1Loss(_Loss):
    """``|x − y|``, reduced (default ``'mean'``)."""

    _new_native = staticmethod(_C.l1_loss)


class SoftmaxCrossEntropyWithLogits(_Loss):
    """``−Σ_c y_c · log_softmax(x)_c`` per row of ``[N, C]`` logits; ``sparse=True`` takes class
    indices ``[N]``. MindSpore's defaults: ``sparse=False, reduction='none'``."""

    _new_native = staticmethod(_C.softmax_cross_entropy_with_logits)

    def __init__(self, sparse=False, reduction="none"):
        super().__init__(reduction, sparse=bool(sparse))


class CrossEntropyLoss(_Loss):
    """Cross entropy of logits ``[N, C, ...]`` against class indices or probabilities, with class
    ``weight``, ``ignore_index`` and ``label_smoothing``."""

    _new_native = staticmethod(_C.cross_entropy_loss)

    def __init__(self, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
        super().__init__(reduction, weight=weight, ignore_index=int(ignore_index),
                         label_smoothing=float(label_smoothing))


class BCEWithLogitsLoss(_Loss):
    """Binary cross entropy on logits, ``weight`` and ``pos_weight`` optional."""

    _new_native = staticmethod(_C.bce_with_logits_loss)

    def __init__(self, reduction="mean", weight=None, pos_weight=None):
        super().__init__(reduction, weight=weight, pos_weight=pos_weight)

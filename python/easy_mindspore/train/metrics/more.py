"""``ConfusionMatrix``, ``Dice``, ``Perplexity``, ``CosineSimilarity``, ``ROC`` and ``auc``: more of
``mindspore.train``'s metrics, NumPy over the inputs (Tensors, lists or arrays), with MindSpore
2.10's definitions and numbers (a differential run compared them over three updates)."""
import math

import numpy as np

from ..._errors import ComputeError, DTypeError, ShapeError
from .metric import Metric, _empty, _two, rearrange_inputs

__all__ = ["ConfusionMatrix", "Dice", "Perplexity", "CosineSimilarity", "ROC", "auc"]

_NORMS = ("target", "prediction", "all", "no_norm")


def _not_updated():
    return ComputeError("Please call the 'update' method before calling 'eval' method.")


class ConfusionMatrix(Metric):
    """``ConfusionMatrix(num_classes, normalize='no_norm', threshold=0.5)``: counts of (true class,
    predicted class) pairs, rows the true classes. ``y_pred`` of one more axis than ``y`` is
    reduced by argmax over axis 1; a float ``y_pred`` of ``y``'s rank is thresholded (``>=
    threshold`` is class 1). ``normalize``: ``'target'`` (rows sum to 1), ``'prediction'``
    (columns), ``'all'``, or ``'no_norm'``; a row or column of zeros stays zero.

    Args:
        num_classes (int): The number of classes.
        normalize (str, optional): The normalization. Default: ``'no_norm'``.
        threshold (float, optional): The threshold of float predictions. Default: ``0.5``.

    Outputs:
        ``eval()`` returns a float64 array ``[num_classes, num_classes]``.

    Raises:
        TypeError: `num_classes` not an int, `threshold` not a float.
        ValueError: an unknown `normalize`; inputs of wrong count or ranks.
        RuntimeError: ``eval`` before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore.train import ConfusionMatrix
        >>> m = ConfusionMatrix(2)
        >>> m.update(np.array([1, 0, 1, 1]), np.array([1, 0, 0, 1]))
        >>> print(m.eval())
        [[1. 1.]
         [0. 2.]]
    """

    def __init__(self, num_classes, normalize="no_norm", threshold=0.5):
        super().__init__()
        if isinstance(num_classes, bool) or not isinstance(num_classes, int):
            raise DTypeError("For 'ConfusionMatrix', the 'num_classes' must be int, but got "
                             f"{type(num_classes).__name__}.")
        if normalize not in _NORMS:
            raise ShapeError("For 'ConfusionMatrix', the argument 'normalize' must be in "
                             f"{list(_NORMS)}, but got {normalize}.")
        if not isinstance(threshold, float):
            raise DTypeError("For 'ConfusionMatrix', the 'threshold' must be float, but got "
                             f"{type(threshold).__name__}.")
        self.num_classes, self.normalize, self.threshold = num_classes, normalize, threshold
        self.clear()

    def clear(self):
        """Forgets the counts."""
        self.confusion_matrix = np.zeros((self.num_classes, self.num_classes))
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        """Adds a batch: ``update(y_pred, y)``."""
        _two("ConfusionMatrix", inputs)
        y_pred, y = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        if y_pred.ndim not in (y.ndim, y.ndim + 1):
            raise ShapeError("For 'ConfusionMatrix.update', predicted value (input[0]) and true "
                             "value (input[1]) should have same dimensions, or the dimension of "
                             "predicted value equals the dimension of true value add 1, but got "
                             f"predicted value ndim: {y_pred.ndim}, true value ndim: {y.ndim}.")
        if y_pred.ndim == y.ndim + 1:
            y_pred = y_pred.argmax(axis=1)
        elif y_pred.dtype.kind == "f":
            y_pred = (y_pred >= self.threshold).astype(np.int64)
        pairs = (y.reshape(-1) * self.num_classes + y_pred.reshape(-1)).astype(np.int64)
        counts = np.bincount(pairs, minlength=self.num_classes ** 2)
        self.confusion_matrix += counts.reshape(self.num_classes, self.num_classes)
        self._is_update = True

    def eval(self):
        """The (normalized) confusion matrix."""
        if not self._is_update:
            raise _not_updated()
        cm = self.confusion_matrix.astype(float)
        if self.normalize == "no_norm":
            return cm
        total = {"target": cm.sum(axis=1, keepdims=True), "prediction": cm.sum(axis=0, keepdims=True),
                 "all": cm.sum()}[self.normalize]
        with np.errstate(divide="ignore", invalid="ignore"):
            out = cm / total
        return np.nan_to_num(out, nan=0.0)


class Dice(Metric):
    """``Dice(smooth=1e-5)``: each batch's coefficient ``2·⟨y_pred, y⟩ / (⟨y_pred, y_pred⟩ +
    ⟨y, y⟩ + smooth)`` (over the whole batch), summed over the batches and divided by the number
    of samples (axis 0 of every batch), as MindSpore 2.10 computes it.

    Args:
        smooth (float, optional): Added to the denominator, > 0. Default: ``1e-5``.

    Outputs:
        ``eval()`` returns a float.

    Raises:
        TypeError: `smooth` not a float.
        ValueError: `smooth` not positive; inputs of different shapes.
        RuntimeError: ``eval`` before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore.train import Dice
        >>> m = Dice()
        >>> m.update(np.array([[0.2, 0.8]]), np.array([[0.0, 1.0]]))
        >>> print(round(m.eval(), 6))
        0.952375
    """

    def __init__(self, smooth=1e-5):
        super().__init__()
        if isinstance(smooth, bool) or not isinstance(smooth, float):
            raise DTypeError(f"For 'Dice', the 'smooth' must be float, but got "
                             f"{type(smooth).__name__}.")
        if not smooth > 0:
            raise ShapeError(f"For 'Dice', the 'smooth' must be a positive float, but got {smooth}.")
        self.smooth = smooth
        self.clear()

    def clear(self):
        """Forgets the batches."""
        self._dice_coeff_sum = 0
        self._samples_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        """Adds a batch: ``update(y_pred, y)`` of the same shape ``(N, ...)``."""
        _two("Dice", inputs)
        y_pred, y = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        self._samples_num += y.shape[0]
        if y_pred.shape != y.shape:
            raise ShapeError("For 'Dice.update', predicted value (input[0]) and true value "
                             "(input[1]) should have same shape, but got predicted value shape: "
                             f"{y_pred.shape}, true value shape: {y.shape}.")
        p, t = y_pred.reshape(-1), y.reshape(-1)
        union = float(np.dot(p, p) + np.dot(t, t))
        self._dice_coeff_sum += 2 * float(np.dot(p, t)) / (union + self.smooth)

    def eval(self):
        """The summed coefficients over the number of samples."""
        if self._samples_num == 0:
            raise _empty("Dice coefficient")
        return self._dice_coeff_sum / float(self._samples_num)


class Perplexity(Metric):
    """``Perplexity(ignore_label=None)``: ``exp(−mean log p)``, ``p`` the probability each row of
    ``preds`` gives its label (clipped below at 1e-10); labels equal to ``ignore_label`` count
    neither in the sum nor in the mean.

    Args:
        ignore_label (int, optional): A label to leave out. Default: ``None``.

    Outputs:
        ``eval()`` returns a float.

    Raises:
        TypeError: `ignore_label` not an int.
        ValueError: not 2 inputs.
        RuntimeError: labels that do not fit ``preds``, ``eval`` before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore.train import Perplexity
        >>> m = Perplexity()
        >>> m.update(np.array([[0.5, 0.5], [0.25, 0.75]]), np.array([0, 1]))
        >>> print(round(m.eval(), 6))
        1.632993
    """

    def __init__(self, ignore_label=None):
        super().__init__()
        if ignore_label is not None and (isinstance(ignore_label, bool)
                                         or not isinstance(ignore_label, int)):
            raise DTypeError("For 'Perplexity', the 'ignore_label' must be int, but got "
                             f"{type(ignore_label).__name__}.")
        self.ignore_label = ignore_label
        self.clear()

    def clear(self):
        """Forgets the batches."""
        self._sum_metric = 0.0
        self._num_inst = 0

    @rearrange_inputs
    def update(self, *inputs):
        """Adds a batch: ``update(preds, labels)``, ``preds`` ``(N, C)``, ``labels`` ``(N,)``."""
        if len(inputs) != 2:
            raise ShapeError("For 'Perplexity.update', it needs 2 inputs (predicted value, label), "
                             f"but got {len(inputs)}.")
        pred, label = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        if label.size != pred.size / pred.shape[-1]:
            raise ComputeError("For 'Perplexity.update', predicted value (input[0]) and label "
                               "(input[1]) should have the same shape, but got predicted value "
                               f"shape {pred.shape}, label shape {label.shape}.")
        label = label.reshape(-1)
        picked = pred.reshape(-1, pred.shape[-1])[np.arange(label.size), label.astype(np.int64)]
        count = picked.size
        if self.ignore_label is not None:
            ignore = label == self.ignore_label
            count -= int(ignore.sum())
            picked = np.where(ignore, 1.0, picked)
        self._sum_metric -= float(np.sum(np.log(np.maximum(1e-10, picked))))
        self._num_inst += count

    def eval(self):
        """The perplexity of the batches so far."""
        if self._num_inst == 0:
            raise ComputeError("The 'Perplexity' can not be calculated, because the number of "
                               "samples is 0, please check whether the update method has been "
                               "called before calling eval method.")
        return math.exp(self._sum_metric / self._num_inst)


class CosineSimilarity(Metric):
    """``CosineSimilarity(similarity='cosine', reduction='none', zero_diagonal=True)``: the
    similarity matrix of the rows of the last batch (``'dot'``: plain dot products), its diagonal
    zeroed, optionally reduced (``'sum'``/``'mean'``) over the last axis.

    Args:
        similarity (str, optional): ``'cosine'`` or ``'dot'``. Default: ``'cosine'``.
        reduction (str, optional): ``'none'``, ``'sum'`` or ``'mean'``. Default: ``'none'``.
        zero_diagonal (bool, optional): Whether the diagonal is set to 0. Default: ``True``.

    Outputs:
        ``eval()`` returns an array of the input's float dtype.

    Raises:
        TypeError: an argument of the wrong type.
        ValueError: an unknown `similarity` or `reduction`.
        RuntimeError: ``eval`` before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore.train import CosineSimilarity
        >>> m = CosineSimilarity()
        >>> m.update(np.array([[1.0, 0.0], [1.0, 1.0]]))
        >>> print(m.eval().round(6))
        [[0.       0.707107]
         [0.707107 0.      ]]
    """

    def __init__(self, similarity="cosine", reduction="none", zero_diagonal=True):
        super().__init__()
        for name, value, allowed in (("similarity", similarity, ("dot", "cosine")),
                                     ("reduction", reduction, ("none", "sum", "mean"))):
            if not isinstance(value, str):
                raise DTypeError(f"For 'CosineSimilarity', the '{name}' must be str, but got "
                                 f"{type(value).__name__}.")
            if value not in allowed:
                raise ShapeError(f"For 'CosineSimilarity', the '{name}' must be in "
                                 f"{list(allowed)}, but got {value}.")
        if not isinstance(zero_diagonal, bool):
            raise DTypeError("For 'CosineSimilarity', the 'zero_diagonal' must be bool, but got "
                             f"{type(zero_diagonal).__name__}.")
        self.similarity, self.reduction, self.zero_diagonal = similarity, reduction, zero_diagonal
        self.clear()

    def clear(self):
        """Forgets the last batch."""
        self.sqr_mtx_res = 0
        self._is_update = False

    @rearrange_inputs
    def update(self, inputs):
        """Takes a batch ``(N, D)``; the matrix is of this batch alone."""
        x = self._convert_data(inputs)
        if self.similarity == "cosine":
            x = x / np.linalg.norm(x, ord=2, axis=1)[:, None]
        self.sqr_mtx_res = np.dot(x, x.T)
        self._is_update = True

    def eval(self):
        """The similarity matrix (or its reduction)."""
        if not self._is_update:
            raise _not_updated()
        out = np.array(self.sqr_mtx_res)  # in the input's dtype, as MindSpore's
        if self.zero_diagonal:
            np.fill_diagonal(out, 0)
        if self.reduction == "mean":
            out = out.mean(axis=-1)
        elif self.reduction == "sum":
            out = out.sum(axis=-1)
        return out


def _optional_int(op, name, value):
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise DTypeError(f"For '{op}', the '{name}' must be int, but got {type(value).__name__}.")
    return value


def _clf_curve(scores, target, pos_label):
    """False and true positive counts at each distinct score, highest first, and the scores."""
    order = np.argsort(-scores)
    scores, hit = scores[order], (target[order] == pos_label).astype(np.int64)
    last = np.append(np.nonzero(scores[1:] - scores[:-1])[0], hit.shape[0] - 1)
    tps = np.cumsum(hit)[last]
    return 1 + last - tps, tps, scores[last]


class ROC(Metric):
    """``ROC(class_num=None, pos_label=None)``: the receiver operating characteristic of the last
    batch given to ``update``: false and true positive rates at each distinct score (highest
    first, after a start at 0 whose threshold is the top score + 1). Scores of ``y``'s rank are
    one binary problem (``pos_label`` 1 by default); scores of one more axis give one curve per
    class (``class_num`` of them, ``pos_label`` unset).

    Args:
        class_num (int, optional): The number of classes. Default: ``None``.
        pos_label (int, optional): The positive label of a binary problem. Default: ``None``.

    Outputs:
        ``eval()`` returns ``(fpr, tpr, thresholds)``: arrays, or lists of one per class.

    Raises:
        TypeError: `class_num` or `pos_label` not an int.
        ValueError: inputs of wrong ranks or class count; no negative or no positive sample.
        RuntimeError: ``eval`` before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore.train import ROC
        >>> m = ROC(pos_label=1)
        >>> m.update(np.array([0.1, 0.4, 0.35, 0.8]), np.array([0, 0, 1, 1]))
        >>> fpr, tpr, thresholds = m.eval()
        >>> print(fpr, tpr, thresholds)
        [0.  0.  0.5 0.5 1. ] [0.  0.5 0.5 1.  1. ] [1.8  0.8  0.4  0.35 0.1 ]
    """

    def __init__(self, class_num=None, pos_label=None):
        super().__init__()
        self.class_num = _optional_int("ROC", "class_num", class_num)
        self.pos_label = _optional_int("ROC", "pos_label", pos_label)
        self.clear()

    def clear(self):
        """Forgets the last batch."""
        self.y_pred, self.y, self._is_update = 0, 0, False

    @rearrange_inputs
    def update(self, *inputs):
        """Takes a batch ``update(y_pred, y)``; the curve is of this batch alone."""
        _two("ROC", inputs)
        y_pred, y = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        if y_pred.ndim == y.ndim:
            if self.class_num not in (None, 1):
                raise ShapeError("For 'ROC', when predicted value (input[0]) and true value "
                                 "(input[1]) have the same shape, the 'class_num' must be 1, but "
                                 f"got {self.class_num}.")
            self.class_num = 1
            self.pos_label = 1 if self.pos_label is None else self.pos_label
            y_pred, y = y_pred.reshape(-1), y.reshape(-1)
        elif y_pred.ndim == y.ndim + 1:
            if self.pos_label is not None:
                raise ShapeError("For 'ROC', when the dimension of predicted value (input[0]) "
                                 "equals the dimension of true value (input[1]) add 1, the "
                                 f"'pos_label' must be None, but got {self.pos_label}.")
            if self.class_num != y_pred.shape[1]:
                raise ShapeError("For 'ROC', the 'class_num' must equal the number of classes from "
                                 f"predicted value (input[0]), but got 'class_num' {self.class_num}, "
                                 f"the number of classes from predicted value {y_pred.shape[1]}.")
            # MindSpore 2.10 writes torch's transpose(0, 1) on NumPy arrays (a no-op there), so its
            # reshape(class_num, -1) scrambles the scores of (N, C) inputs across classes (N != C);
            # we keep each class's column.
            y_pred = np.moveaxis(y_pred, 1, -1).reshape(-1, self.class_num)
            y = y.reshape(-1)
        else:
            raise ShapeError("For 'ROC', predicted value (input[0]) and true value (input[1]) must "
                             "have same dimensions, or the dimension of predicted value equal the "
                             "dimension of true value add 1, but got predicted value ndim: "
                             f"{y_pred.ndim}, true value ndim: {y.ndim}.")
        self.y_pred, self.y, self._is_update = y_pred, y, True

    @staticmethod
    def _curve(scores, y, pos_label):
        fps, tps, thresholds = _clf_curve(scores, y, pos_label)
        fps, tps = np.append(0, fps), np.append(0, tps)
        thresholds = np.append(thresholds[0] + 1, thresholds)
        if fps[-1] <= 0:
            raise ShapeError("For 'ROC.eval', there is no negative samples in true value, false "
                             "positive value is meaningless.")
        if tps[-1] <= 0:
            raise ShapeError("For 'ROC.eval', there is no positive samples in true value, true "
                             "positive value is meaningless.")
        return fps / fps[-1], tps / tps[-1], thresholds

    def eval(self):
        """``(fpr, tpr, thresholds)`` of the last batch."""
        if not self._is_update:
            raise _not_updated()
        y_pred, y = np.squeeze(self.y_pred), np.squeeze(self.y)
        if self.class_num == 1:
            return self._curve(y_pred, y, self.pos_label)
        curves = [self._curve(y_pred[:, c], y, c) for c in range(self.class_num)]
        return tuple(list(part) for part in zip(*curves))


def auc(x, y, reorder=False):
    """The area under the curve through the points ``(x, y)`` by the trapezoidal rule (``x``
    monotonic, or sorted first when ``reorder``).

    Args:
        x (numpy.ndarray): The x coordinates, at least 2.
        y (numpy.ndarray): The y coordinates.
        reorder (bool, optional): Whether to sort the points by ``x`` first. Default: ``False``.

    Returns:
        float, the area.

    Raises:
        ValueError: fewer than 2 points, shapes that differ, or an ``x`` that is not monotonic.

    Examples:
        >>> import numpy as np
        >>> from mindspore.train import auc
        >>> print(round(float(auc(np.array([0., 0.3, 0.5, 1.]), np.array([0., 0.6, 0.7, 1.]))), 6))
        0.645
    """
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim != 1 or x.shape != y.shape or x.shape[0] < 2:
        raise ShapeError("For 'auc', x and y must be 1-D arrays of the same length, at least 2, "
                         f"but got shapes {x.shape} and {y.shape}.")
    if reorder:
        order = np.lexsort((y, x))
        x, y = x[order], y[order]
    dx = np.diff(x)
    direction = 1
    if np.any(dx < 0):
        if np.all(dx <= 0):
            direction = -1
        else:
            raise ShapeError(f"For 'auc', the x must be monotonic, but got {x}.")
    trapezoid = getattr(np, "trapezoid", None) or np.trapz
    return direction * trapezoid(y, x)

"""Classification metrics: ``Accuracy``, ``Precision``, ``Recall``, ``Fbeta``/``F1`` and the
top-k accuracies, with MindSpore's definitions. ``y_pred`` holds scores ``(N, C, ...)``; ``y``
holds class indices ``(N, ...)`` or their one-hot encoding (or, for ``'multilabel'``, 0/1 arrays
of ``y_pred``'s shape)."""
import sys

import numpy as np

from ..._errors import DTypeError, ShapeError
from .metric import EvaluationBase, Metric, _empty, _is_onehot, _two, rearrange_inputs

__all__ = ["Accuracy", "Precision", "Recall", "Fbeta", "F1", "TopKCategoricalAccuracy",
           "Top1CategoricalAccuracy", "Top5CategoricalAccuracy"]

_EPS = sys.float_info.min  # keeps 0/0 at 0 for a class never predicted (or never present)


def _check_average(average, name):
    if not isinstance(average, bool):
        raise DTypeError(f"For '{name}', the type of 'average' must be bool, but got "
                         f"{type(average).__name__}.")


class Accuracy(EvaluationBase):
    """``Accuracy(eval_type='classification')``: the fraction of samples whose arg-max class is
    the label; with ``'multilabel'``, of samples whose every label is right.

    Args:
        eval_type (str, optional): ``'classification'`` or ``'multilabel'``. Default:
            ``'classification'``.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a float, the fraction classified correctly.

    Examples:
        >>> import numpy as np
        >>> from mindspore.train import Accuracy
        >>> m = Accuracy()
        >>> m.update(np.array([[0.2, 0.8], [0.9, 0.1]]), np.array([1, 1]))
        >>> float(m.eval())
        0.5
    """

    def __init__(self, eval_type="classification"):
        super().__init__(eval_type)
        self.clear()

    def clear(self):
        self._correct_num = 0
        self._total_num = 0
        self._class_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        """Adds one batch ``(y_pred, y)``."""
        _two("Accuracy", inputs)
        y_pred = self._convert_data(inputs[0])
        y = self._labels(y_pred, self._convert_data(inputs[1]))
        self._check_shape(y_pred, y)
        self._check_value(y_pred, y)
        c = self._class_count(y_pred)
        if self._type == "classification":
            right = (y_pred.argmax(axis=1) == y).reshape(-1)
        else:  # every label of a sample (the class axis moved last) must match
            p = np.moveaxis(y_pred, 1, -1).reshape(-1, c)
            t = np.moveaxis(y, 1, -1).reshape(-1, c)
            right = (p == t).all(axis=1)
        self._correct_num += int(right.sum())
        self._total_num += right.shape[0]

    def eval(self):
        """Correct samples / samples, a Python float."""
        if self._total_num == 0:
            raise _empty("Accuracy")
        return float(self._correct_num / self._total_num)


class _PerClass(EvaluationBase):
    """Shared by ``Precision`` and ``Recall``: per-class counts of true positives and of a
    denominator (predicted positives for precision, actual positives for recall)."""

    _name = ""

    def __init__(self, eval_type="classification"):
        super().__init__(eval_type)
        self.eps = _EPS
        self.clear()

    def clear(self):
        self._class_num = 0
        if self._type == "multilabel":
            # multilabel keeps one ratio per sample (not per class), as MindSpore does
            self._tp, self._den = np.empty(0), np.empty(0)
            self._ratio_sum, self._ratio_count = 0.0, 0
        else:
            self._tp, self._den = 0, 0

    def _denominator(self, y_pred, y):
        raise NotImplementedError

    @rearrange_inputs
    def update(self, *inputs):
        """Adds one batch ``(y_pred, y)``."""
        name = self._name
        _two(name, inputs)
        y_pred = self._convert_data(inputs[0])
        y = self._labels(y_pred, self._convert_data(inputs[1]))
        self._check_shape(y_pred, y)
        self._check_value(y_pred, y)
        c = self._class_count(y_pred)
        if self._type == "classification":
            labels = y.reshape(-1).astype(np.int64)
            if labels.size and (labels.max() >= c or labels.min() < 0):
                raise ShapeError(f"For '{name}.update', predicted value (input[0]) should have the "
                                 f"same classes number as true value (input[1]), but got predicted "
                                 f"value classes {c}, true value classes {labels.max() + 1}.")
            eye = np.eye(c)
            y = eye[labels]
            y_pred = eye[np.moveaxis(y_pred, 1, -1).reshape(-1, c).argmax(axis=1)]
        else:  # MindSpore's layout: (C, rest) then counts over axis 0, one per sample
            y_pred = np.swapaxes(y_pred, 1, 0).reshape(c, -1)
            y = np.swapaxes(y, 1, 0).reshape(c, -1)
        tp = (y * y_pred).sum(axis=0)
        den = self._denominator(y_pred, y)
        if self._type == "multilabel":
            self._ratio_sum += float(np.sum(tp / (den + self.eps)))
            self._ratio_count += len(den)
            self._tp = np.concatenate((self._tp, tp))
            self._den = np.concatenate((self._den, den))
        else:
            self._tp = self._tp + tp
            self._den = self._den + den

    def eval(self, average=False):
        """Per-class values (an ndarray), or their mean with ``average=True``."""
        if self._class_num == 0:
            raise _empty(self._name)
        _check_average(average, self._name)
        result = self._tp / (self._den + self.eps)
        if average:
            if self._type == "multilabel":
                return float(self._ratio_sum / (self._ratio_count + self.eps))
            return float(result.mean())
        return result


class Precision(_PerClass):
    """``Precision(eval_type='classification')``: true positives / predicted positives, per
    class (``eval(average=True)``: their mean).

    Args:
        eval_type (str, optional): ``'classification'`` or ``'multilabel'``. Default:
            ``'classification'``.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a NumPy array, one precision per class.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.Precision()
        >>> m.clear()
        >>> m.update(ms.Tensor([[0.2, 0.8], [0.9, 0.1], [0.3, 0.7]]), ms.Tensor([1, 0, 0]))
        >>> print(m.eval())
        [1.  0.5]
    """

    _name = "Precision"

    def _denominator(self, y_pred, y):
        return y_pred.sum(axis=0)


class Recall(_PerClass):
    """``Recall(eval_type='classification')``: true positives / actual positives, per class
    (``eval(average=True)``: their mean).

    Args:
        eval_type (str, optional): ``'classification'`` or ``'multilabel'``. Default:
            ``'classification'``.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a NumPy array, one recall per class.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.Recall()
        >>> m.clear()
        >>> m.update(ms.Tensor([[0.2, 0.8], [0.9, 0.1], [0.3, 0.7]]), ms.Tensor([1, 0, 0]))
        >>> print(m.eval())
        [0.5 1. ]
    """

    _name = "Recall"

    def _denominator(self, y_pred, y):
        return y.sum(axis=0)


class Fbeta(Metric):
    """``Fbeta(beta)``: per class, (1 + β²)·TP / (β²·actual positives + predicted positives),
    over the arg-max predictions (``eval(average=True)``: the mean over classes).

    Args:
        beta (float): The weight β of recall against precision.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a NumPy array, one F-beta score per class.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.Fbeta(1.0)
        >>> m.clear()
        >>> m.update(ms.Tensor([[0.2, 0.8], [0.9, 0.1], [0.3, 0.7]]), ms.Tensor([1, 0, 0]))
        >>> print(m.eval())
        [0.66666667 0.66666667]
    """

    def __init__(self, beta):
        super().__init__()
        self.eps = _EPS
        if isinstance(beta, bool) or not isinstance(beta, (int, float)) or not beta > 0:
            raise ShapeError(f"For 'Fbeta', the argument 'beta' must be greater than 0, but got {beta}.")
        self.beta = beta
        self.clear()

    def clear(self):
        self._tp = self._actual = self._positives = 0
        self._class_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        """Adds one batch ``(y_pred, y)``: scores ``(N, C)`` and indices ``(N,)`` or one-hot."""
        _two("Fbeta", inputs)
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        if y_pred.ndim < 2:
            raise ShapeError(f"For 'Fbeta.update', y_pred must be (N, C), but got shape {y_pred.shape}.")
        if y_pred.ndim == y.ndim and _is_onehot(y):
            y = y.argmax(axis=1)
        c = y_pred.shape[1]
        if self._class_num == 0:
            self._class_num = c
        elif c != self._class_num:
            raise ShapeError(f"For 'Fbeta.update', class number not match, last input predicted data "
                             f"contain {self._class_num} classes, but current predicted data contain "
                             f"{c} classes.")
        labels = y.reshape(-1).astype(np.int64)
        if labels.size and (labels.max() >= c or labels.min() < 0):
            raise ShapeError(f"For 'Fbeta.update', predicted value(inputs[0]) and true value(inputs[1]) "
                             f"should contain same classes, but got predicted value contains {c} "
                             f"classes and true value contains {labels.max() + 1} classes.")
        pred = y_pred.argmax(axis=1).reshape(-1)
        if pred.shape != labels.shape:
            raise ShapeError(f"For 'Fbeta.update', y_pred of shape {y_pred.shape} and y of shape "
                             f"{y.shape} hold different sample counts.")
        eye = np.eye(c)
        t, p = eye[labels], eye[pred]
        self._tp = self._tp + (t * p).sum(axis=0)
        self._positives = self._positives + p.sum(axis=0)
        self._actual = self._actual + t.sum(axis=0)

    def eval(self, average=False):
        """Per-class F-beta (an ndarray), or the mean with ``average=True``."""
        _check_average(average, type(self).__name__)
        if self._class_num == 0:
            raise _empty("Fbeta")
        b2 = self.beta ** 2
        f = (1.0 + b2) * self._tp / (b2 * self._actual + self._positives + self.eps)
        return float(f.mean()) if average else f


class F1(Fbeta):
    """``F1()``: ``Fbeta(1.0)``, the harmonic mean of precision and recall per class.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a NumPy array, one F1 score per class.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.F1()
        >>> m.clear()
        >>> m.update(ms.Tensor([[0.2, 0.8], [0.9, 0.1], [0.3, 0.7]]), ms.Tensor([1, 0, 0]))
        >>> print(m.eval())
        [0.66666667 0.66666667]
    """

    def __init__(self):
        super().__init__(1.0)


class TopKCategoricalAccuracy(Metric):
    """``TopKCategoricalAccuracy(k)``: the fraction of samples whose label is among the ``k``
    highest scores (ties broken towards the lower class index).

    Args:
        k (int): How many of the highest-scored classes may hold the label.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a float, the fraction of samples whose label is among the top k.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.TopKCategoricalAccuracy(2)
        >>> m.clear()
        >>> m.update(ms.Tensor([[0.1, 0.5, 0.4], [0.6, 0.3, 0.1]]), ms.Tensor([2, 2]))
        >>> print(m.eval())
        0.5
    """

    def __init__(self, k):
        super().__init__()
        if isinstance(k, bool) or not isinstance(k, int):
            raise DTypeError(f"For 'TopKCategoricalAccuracy', the type of the argument 'k' should be "
                             f"int, but got 'k' type: {type(k)}.")
        if k < 1:
            raise ShapeError(f"For 'TopKCategoricalAccuracy', the argument 'k' must be at least 1, "
                             f"but got 'k' value: {k}.")
        self.k = k
        self.clear()

    def clear(self):
        self._correct_num = 0
        self._samples_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        """Adds one batch ``(y_pred, y)``: scores ``(N, C)`` and indices ``(N,)`` or one-hot."""
        name = type(self).__name__
        _two(name, inputs)
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        if y_pred.ndim != 2:
            raise ShapeError(f"For '{name}.update', y_pred must be (N, C), but got shape {y_pred.shape}.")
        if y.ndim == 2 and _is_onehot(y):
            y = y.argmax(axis=1)
        y = y.reshape(-1)
        if y.shape[0] != y_pred.shape[0]:
            raise ShapeError(f"For '{name}.update', y_pred of shape {y_pred.shape} and y of shape "
                             f"{y.shape} hold different sample counts.")
        top = np.argsort(-y_pred, axis=1, kind="stable")[:, :self.k]
        self._correct_num += int((top == y[:, None]).any(axis=1).sum())
        self._samples_num += y.shape[0]

    def eval(self):
        """Samples with the label in the top k / samples, a float."""
        if self._samples_num == 0:
            raise _empty(type(self).__name__)
        return float(self._correct_num / self._samples_num)


class Top1CategoricalAccuracy(TopKCategoricalAccuracy):
    """``TopKCategoricalAccuracy(1)``.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a float, the fraction of samples whose label is among the top k.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.Top1CategoricalAccuracy()
        >>> m.clear()
        >>> m.update(ms.Tensor([[0.1, 0.5, 0.4], [0.6, 0.3, 0.1]]), ms.Tensor([1, 2]))
        >>> print(m.eval())
        0.5
    """

    def __init__(self):
        super().__init__(1)


class Top5CategoricalAccuracy(TopKCategoricalAccuracy):
    """``TopKCategoricalAccuracy(5)``.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a float, the fraction of samples whose label is among the top k.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.Top5CategoricalAccuracy()
        >>> m.clear()
        >>> x = ms.Tensor(np.eye(6, dtype=np.float32)[:2])
        >>> m.update(x, ms.Tensor([0, 5]))
        >>> print(m.eval())
        0.5
    """

    def __init__(self):
        super().__init__(5)

"""``Metric``, the base class of every metric: ``clear()``, ``update(*inputs)``, ``eval()``, and
the checks shared by the classification metrics. Metrics accumulate in NumPy on the host, as
MindSpore's do (they read each batch's outputs once, after the step)."""
import functools
from abc import ABCMeta, abstractmethod

import numpy as np

from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError

__all__ = ["Metric", "EvaluationBase", "rearrange_inputs"]

_EVAL_TYPES = ("classification", "multilabel")


def rearrange_inputs(update):
    """Decorates a metric's ``update`` so that ``set_indexes([i, j])`` picks and orders its inputs
    (``update(*inputs)`` then sees ``inputs[i], inputs[j]``).

    Args:
        update (function): The metric's ``update`` method.

    Returns:
        function, the decorated ``update``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class First(nn.Metric):
        ...     def clear(self):
        ...         self.v = None
        ...     @nn.rearrange_inputs
        ...     def update(self, *inputs):
        ...         self.v = inputs[0]
        ...     def eval(self):
        ...         return self.v
        ...
        >>> m = First()
        >>> m = m.set_indexes([1])
        >>> m.update('a', 'b')
        >>> print(m.eval())
        b
    """

    @functools.wraps(update)
    def picked(self, *inputs):
        idx = self.indexes
        if idx:
            if max(idx) >= len(inputs) or min(idx) < -len(inputs):
                raise ShapeError(f"For '{type(self).__name__}.update', the indexes {idx} do not fit "
                                 f"{len(inputs)} inputs.")
            inputs = tuple(inputs[i] for i in idx)
        return update(self, *inputs)

    return picked


class Metric(metaclass=ABCMeta):
    """Base class of metrics: subclasses define ``clear``, ``update`` and ``eval``. Calling a
    metric (``metric(y_pred, y)``) clears it, updates it once and returns ``eval()``.

    Outputs:
        ``eval()`` returns the metric (defined by the subclass).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class Count(nn.Metric):
        ...     def clear(self):
        ...         self.n = 0
        ...     def update(self, *inputs):
        ...         self.n += 1
        ...     def eval(self):
        ...         return self.n
        ...
        >>> m = Count()
        >>> m.clear()
        >>> m.update(1)
        >>> print(m.eval())
        1
    """

    def __init__(self):
        self._indexes = None

    def _convert_data(self, data):
        """A Tensor, list or ndarray as a NumPy array (TypeError for anything else)."""
        if isinstance(data, Tensor):
            return data.asnumpy()
        if isinstance(data, list):
            return np.array(data)
        if isinstance(data, np.ndarray):
            return data
        raise DTypeError(f"For 'Metric' and its derived classes, the input data type must be tensor, "
                         f"list or numpy.ndarray, but got {type(data)}.")

    @property
    def indexes(self):
        """The input positions ``update`` uses (None: all, in order)."""
        return getattr(self, "_indexes", None)

    def set_indexes(self, indexes):
        """Makes ``update`` use ``inputs[i] for i in indexes``; returns the metric."""
        if not isinstance(indexes, list) or not all(isinstance(i, int) and not isinstance(i, bool)
                                                    for i in indexes):
            raise ShapeError("For 'set_indexes', the argument 'indexes' must be a list and all its "
                             "elements must be int, please check whether it is correct.")
        self._indexes = indexes
        return self

    def __call__(self, *inputs):
        self.clear()
        self.update(*inputs)
        return self.eval()

    @abstractmethod
    def clear(self):
        """Resets the accumulated state."""

    @abstractmethod
    def eval(self):
        """The metric over every batch given to ``update`` since the last ``clear``."""

    @abstractmethod
    def update(self, *inputs):
        """Accumulates one batch."""


class EvaluationBase(Metric):
    """A metric over predictions and labels of type ``'classification'`` (``y_pred`` of shape
    ``(N, C, ...)``, ``y`` class indices ``(N, ...)`` or one-hot) or ``'multilabel'`` (0/1 arrays
    of the same shape)."""

    def __init__(self, eval_type):
        super().__init__()
        if eval_type not in _EVAL_TYPES:
            raise DTypeError(f"The argument 'eval_type' must be in {set(_EVAL_TYPES)}, but got "
                             f"{eval_type}")
        self._type = eval_type

    def _check_shape(self, y_pred, y):
        name = type(self).__name__
        if self._type == "classification":
            if y_pred.ndim != y.ndim + 1:
                raise ShapeError(f"For '{name}', in classification case the dimension of y_pred "
                                 f"(predicted value) should equal the dimension of y (true value) "
                                 f"plus 1, but got y_pred shape {y_pred.shape} and y shape {y.shape}.")
            if y.shape != (y_pred.shape[0],) + y_pred.shape[2:]:
                raise ShapeError(f"For '{name}', in classification case y's shape must be y_pred's "
                                 f"without axis 1, but got y_pred shape {y_pred.shape} and y shape "
                                 f"{y.shape}.")
        elif y_pred.shape != y.shape:
            raise ShapeError(f"For '{name}', in multilabel case the shape of y_pred (predicted "
                             f"value) should equal the shape of y (true value), but got y_pred "
                             f"shape {y_pred.shape} and y shape {y.shape}.")

    def _check_value(self, y_pred, y):
        if self._type == "multilabel" and not (_binary(y_pred) and _binary(y)):
            raise ShapeError(f"For '{type(self).__name__}', in multilabel case all elements in y_pred "
                             "(predicted value) and y (true value) should be 0 or 1.")

    def _labels(self, y_pred, y):
        """``y`` as class indices when it is one-hot of ``y_pred``'s shape (classification)."""
        if self._type == "classification" and y_pred.ndim == y.ndim and _is_onehot(y):
            return y.argmax(axis=1)
        return y

    def _class_count(self, y_pred):
        """Records the class count of the first batch; later batches must match it."""
        if y_pred.ndim < 2:
            raise ShapeError(f"For '{type(self).__name__}.update', y_pred must have a class axis "
                             f"(at least 2-D), but got shape {y_pred.shape}.")
        if self._class_num == 0:
            self._class_num = y_pred.shape[1]
        elif y_pred.shape[1] != self._class_num:
            raise ShapeError(f"For '{type(self).__name__}.update', class number not match, last input "
                             f"predicted data contain {self._class_num} classes, but current "
                             f"predicted data contain {y_pred.shape[1]} classes.")
        return self._class_num

    def clear(self):
        raise NotImplementedError

    def update(self, *inputs):
        raise NotImplementedError

    def eval(self):
        raise NotImplementedError


def _binary(a):
    return bool(np.all((a == 0) | (a == 1)))


def _is_onehot(y):
    """True when ``y`` (N, C, ...) holds 0/1 with exactly one 1 along axis 1."""
    return y.ndim > 1 and _binary(y) and bool(np.all(y.sum(axis=1) == 1))


def _two(name, inputs):
    if len(inputs) != 2:
        raise ShapeError(f"For '{name}.update', it needs 2 inputs (predicted value, true value), "
                         f"but got {len(inputs)}.")


def _empty(name, what="your inputs (predicted value, true value) are empty"):
    return ComputeError(f"The '{name}' can not be calculated, because the number of samples is 0, "
                        f"please check whether {what}, or has called update method before calling "
                        "eval method.")

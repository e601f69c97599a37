"""``Loss`` (the mean of per-batch losses), ``MAE`` and ``MSE`` (per-sample sums of absolute and
squared errors, averaged over samples), with MindSpore's definitions."""
import numpy as np

from ..._errors import ShapeError
from .metric import Metric, _empty, _two, rearrange_inputs

__all__ = ["Loss", "MAE", "MSE"]


class Loss(Metric):
    """``Loss()``: the mean of the losses given to ``update``, one per batch (a 1-D loss counts
    as its mean).

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a float, the mean loss.

    Examples:
        >>> import numpy as np
        >>> from mindspore.train import Loss
        >>> m = Loss()
        >>> m.update(np.array([2.0])); m.update(np.array([0.0]))
        >>> float(m.eval())
        1.0
    """

    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self):
        self._sum_loss = 0
        self._total_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        """Adds one batch's loss (a scalar or a 1-D Tensor/array)."""
        if len(inputs) != 1:
            raise ShapeError(f"For 'Loss.update', it needs 1 input (loss), but got {len(inputs)}")
        loss = self._convert_data(inputs[0])
        if loss.ndim == 0:
            loss = loss.reshape(1)
        if loss.ndim != 1:
            raise ShapeError(f"For 'Loss.update', the dimension of your input (loss) must be 1, but "
                             f"got {loss.ndim}.")
        self._sum_loss += float(loss.mean(-1, dtype=np.float64))
        self._total_num += 1

    def eval(self):
        """The mean loss."""
        if self._total_num == 0:
            raise _empty("Loss", "has called update method before calling eval method.")
        return self._sum_loss / self._total_num  # a Python float


class _Error(Metric):
    """Sums an elementwise error over every element and divides by the sample count (axis 0)."""

    _name = ""

    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self):
        self._error_sum = 0
        self._samples_num = 0

    def _error(self, diff):
        raise NotImplementedError

    @rearrange_inputs
    def update(self, *inputs):
        """Adds one batch ``(y_pred, y)``; ``y`` is reshaped to ``y_pred``'s shape."""
        _two(self._name, inputs)
        y_pred = self._convert_data(inputs[0])
        y = self._convert_data(inputs[1])
        if y.size != y_pred.size:
            raise ShapeError(f"For '{self._name}.update', y of shape {y.shape} cannot be reshaped to "
                             f"y_pred's shape {y_pred.shape}.")
        if y.ndim == 0:
            raise ShapeError(f"For '{self._name}.update', y must have a sample axis, but got a scalar.")
        diff = y.reshape(y_pred.shape).astype(np.float64) - y_pred.astype(np.float64)
        self._error_sum += float(self._error(diff).sum())
        self._samples_num += y.shape[0]

    def eval(self):
        """Error sum / samples."""
        if self._samples_num == 0:
            raise _empty(self._name)
        return self._error_sum / self._samples_num  # a Python float


class MAE(_Error):
    """``MAE()``: mean absolute error, Σ|y − ŷ| / N over N samples.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a float.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.MAE()
        >>> m.clear()
        >>> m.update(ms.Tensor([1.0, 2.0]), ms.Tensor([1.5, 2.0]))
        >>> print(m.eval())
        0.25
    """

    _name = "MAE"

    def _error(self, diff):
        return np.abs(diff)


class MSE(_Error):
    """``MSE()``: mean squared error, Σ(y − ŷ)² / N over N samples.

    Outputs:
        ``eval()`` returns the metric over the samples given to ``update`` since the last ``clear``:
        a float.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> m = nn.MSE()
        >>> m.clear()
        >>> m.update(ms.Tensor([1.0, 2.0]), ms.Tensor([1.5, 2.0]))
        >>> print(m.eval())
        0.125
    """

    _name = "MSE"

    def _error(self, diff):
        return np.power(diff, 2)

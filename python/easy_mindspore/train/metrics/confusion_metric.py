"""``ConfusionMatrixMetric``: a measure of the confusion matrix (sensitivity, precision, F1,
Matthews correlation...) of one-hot predictions against one-hot labels ``(N, C, ...)``. Each
(sample, channel) pair has its counts of true/false positives/negatives over the remaining axes;
the measure is either taken of the counts summed over everything (``calculation_method=False``)
or taken per pair and then reduced (``calculation_method=True``, ``decrease``), NaN (a zero
denominator) pairs left out, as MindSpore 2.10 computes it."""
import numpy as np

from ..._errors import ComputeError, DTypeError, ShapeError
from .metric import Metric, rearrange_inputs

__all__ = ["ConfusionMatrixMetric"]

# Each measure's short name and the other names it answers to (spaces read as underscores, any
# case): the names MindSpore 2.10 accepts.
_ALIASES = {
    "tpr": ("sensitivity", "recall", "hit_rate", "true_positive_rate"),
    "tnr": ("specificity", "selectivity", "true_negative_rate"),
    "ppv": ("precision", "positive_predictive_value"),
    "npv": ("negative_predictive_value",),
    "fnr": ("miss_rate", "false_negative_rate"),
    "fpr": ("fall_out", "false_positive_rate"),
    "fdr": ("false_discovery_rate",),
    "for": ("false_omission_rate",),
    "pt": ("prevalence_threshold",),
    "ts": ("threat_score", "critical_success_index", "csi"),
    "acc": ("accuracy",),
    "ba": ("balanced_accuracy",),
    "f1": ("f1_score",),
    "mcc": ("matthews_correlation_coefficient",),
    "fm": ("fowlkes_mallows_index",),
    "bm": ("informedness", "bookmaker_informedness"),
    "mk": ("markedness", "deltap"),
}
_SHORT = {alias: short for short, aliases in _ALIASES.items() for alias in aliases + (short,)}
_DECREASES = ("none", "mean", "sum", "mean_batch", "sum_batch", "mean_channel", "sum_channel")


class _UnknownMetric(ComputeError, NotImplementedError):
    """An unknown ``metric_name`` (MindSpore 2.10 raises NotImplementedError)."""


def _ratio(numerator, denominator):
    """``numerator / denominator``, NaN where the denominator is 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator != 0, numerator / denominator, np.nan)


def _measure(short, tp, fp, tn, fn):
    """The measure ``short`` of count arrays of one shape (NaN where it is undefined)."""
    p, n = tp + fn, fp + tn
    if short in ("pt", "ba", "bm"):
        tpr, tnr = _ratio(tp, p), _ratio(tn, n)
        if short == "pt":  # prevalence threshold
            return _ratio(np.sqrt(tpr * (1.0 - tnr)) + tnr - 1.0, tpr + tnr - 1.0)
        return (tpr + tnr) / 2.0 if short == "ba" else tpr + tnr - 1.0
    if short == "fm":
        return np.sqrt(_ratio(tp, tp + fp) * _ratio(tp, p))
    if short == "mk":
        return _ratio(tp, tp + fp) + _ratio(tn, tn + fn) - 1.0
    if short == "mcc":
        return _ratio(tp * tn - fp * fn, np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)))
    numerator, denominator = {
        "tpr": (tp, p), "tnr": (tn, n), "ppv": (tp, tp + fp), "npv": (tn, tn + fn),
        "fnr": (fn, p), "fpr": (fp, n), "fdr": (fp, fp + tp), "for": (fn, fn + tn),
        "ts": (tp, tp + fn + fp), "acc": (tp + tn, p + n), "f1": (tp * 2.0, tp * 2.0 + fn + fp),
    }[short]
    return _ratio(numerator, denominator)


def _reduce(chart, decrease):
    """A ``(samples, channels)`` chart of measures (NaN: undefined) reduced by ``decrease``, and
    how many defined values (or, for ``'mean'``, samples with one) it rests on. A mean over no
    defined value is 0."""
    defined = ~np.isnan(chart)
    values = np.where(defined, chart, 0.0)
    count = defined.astype(np.float64)
    if decrease == "none":
        return values, count
    if decrease == "sum":
        return values.sum(), count.sum()
    axis = 1 if decrease in ("mean", "mean_channel", "sum_channel") else 0
    total, count = values.sum(axis=axis), count.sum(axis=axis)
    if decrease.startswith("sum"):
        return total, count
    mean = _ratio(total, count)
    mean[count == 0] = 0.0
    if decrease != "mean":
        return mean, count
    samples = (count > 0).astype(np.float64).sum()  # the mean over samples with a defined value
    return (mean.sum() / samples if samples else 0.0), samples


class ConfusionMatrixMetric(Metric):
    """``ConfusionMatrixMetric(skip_channel=True, metric_name='sensitivity',
    calculation_method=False, decrease='mean')``: a measure of the confusion matrix of one-hot
    predictions ``y_pred`` against one-hot labels ``y``, both ``(N, C, ...)``.

    The counts of each (sample, channel) pair are taken over the remaining axes (a prediction
    counts as positive when it is 1). With ``calculation_method=False`` (classification), they
    are summed over every pair of every batch and ``eval`` gives the measure of the sums. With
    ``True`` (segmentation, inputs with spatial axes), each batch's measures per pair are reduced
    by ``decrease``, undefined ones (a zero denominator) left out, to a single value; ``eval``
    gives the mean of these values weighted by the number of defined measures each rests on.
    ``'mean'`` averages over the channels, then over the samples; ``'sum'`` adds them all; the
    other reductions keep an axis and must come to a single value (one sample or channel).

    ``skip_channel=True`` measures every channel and ``False`` leaves out channel 0 (when there
    are more), as MindSpore 2.10 does (its documentation describes the opposite).

    Args:
        skip_channel (bool, optional): ``False`` leaves out channel 0. Default: ``True``.
        metric_name (str, optional): ``"sensitivity"``, ``"specificity"``, ``"precision"``,
            ``"negative predictive value"``, ``"miss rate"``, ``"fall out"``, ``"false discovery
            rate"``, ``"false omission rate"``, ``"prevalence threshold"``, ``"threat score"``,
            ``"accuracy"``, ``"balanced accuracy"``, ``"f1 score"``, ``"matthews correlation
            coefficient"``, ``"fowlkes mallows index"``, ``"informedness"`` or
            ``"markedness"``, or a common alias (``"tpr"``, ``"recall"``, ``"ppv"``, ``"f1"``,
            ``"mcc"``...). Default: ``"sensitivity"``.
        calculation_method (bool, optional): Whether to measure each sample first.
            Default: ``False``.
        decrease (str, optional): ``"none"``, ``"mean"``, ``"sum"``, ``"mean_batch"``,
            ``"sum_batch"``, ``"mean_channel"`` or ``"sum_channel"``; used with
            ``calculation_method=True``. Default: ``"mean"``.

    Outputs:
        ``eval()`` returns a float64 array of shape ``(1,)`` (``calculation_method=False``) or a
        float.

    Raises:
        TypeError: an argument of the wrong type.
        ValueError: an unknown `decrease`; not 2 inputs, inputs of different shapes or under 2
            axes, a `y` not of 0 and 1, a `decrease` that leaves several values, or
            ``calculation_method=True`` with inputs without spatial axes.
        NotImplementedError: an unknown `metric_name`.
        RuntimeError: ``eval`` before ``update`` (or, with ``calculation_method=True``, when no
            measure was defined).

    Examples:
        >>> import numpy as np
        >>> from mindspore import Tensor
        >>> from mindspore.train import ConfusionMatrixMetric
        >>> metric = ConfusionMatrixMetric(skip_channel=True, metric_name="tpr",
        ...                                calculation_method=False, decrease="mean")
        >>> metric.clear()
        >>> x = Tensor(np.array([[[0], [1]], [[1], [0]]]))
        >>> y = Tensor(np.array([[[0], [1]], [[0], [1]]]))
        >>> metric.update(x, y)
        >>> print(metric.eval())
        [0.5]
    """

    def __init__(self, skip_channel=True, metric_name="sensitivity", calculation_method=False,
                 decrease="mean"):
        super().__init__()
        for name, value, kind in (("skip_channel", skip_channel, bool),
                                  ("metric_name", metric_name, str),
                                  ("calculation_method", calculation_method, bool),
                                  ("decrease", decrease, str)):
            if not isinstance(value, kind):
                raise DTypeError(f"For 'ConfusionMatrixMetric', the type of '{name}' should be "
                                 f"'{kind.__name__}', but got type '{type(value).__name__}'.")
        short = _SHORT.get(metric_name.replace(" ", "_").lower())
        if short is None:
            names = sorted(" ".join(a[0].split("_")) for a in _ALIASES.values())
            raise _UnknownMetric(f"For 'ConfusionMatrixMetric', the metric '{metric_name}' is not "
                                 f"implemented: 'metric_name' must be one of {names} or an alias "
                                 f"of one ({sorted(_ALIASES)}...).")
        if decrease not in _DECREASES:
            raise ShapeError(f"For 'ConfusionMatrixMetric', the 'decrease' must be str and must be "
                             f"in {list(_DECREASES)}, but got '{decrease}'.")
        self.skip_channel, self.metric_name = skip_channel, metric_name
        self.calculation_method, self.decrease = calculation_method, decrease
        self._short = short
        self.clear()

    def clear(self):
        """Forgets the batches."""
        self._counts = np.zeros(4)  # summed tp, fp, tn, fn (calculation_method=False)
        self._total_num = 0.0  # Σ value · weight (calculation_method=True)
        self._class_num = 0  # Σ weight
        self._is_update = False

    def _pair_counts(self, y_pred, y):
        """tp, fp, tn, fn of each (sample, channel) pair, float64 arrays ``(N, C)``."""
        if not np.all((y == 0) | (y == 1)):
            raise ShapeError("For 'ConfusionMatrixMetric.update', the true value (input[1]) must "
                             "be a binarized (one-hot) array of 0 and 1.")
        if y_pred.ndim < 2:
            raise ShapeError("For 'ConfusionMatrixMetric.update', the predicted value (input[0]) "
                             f"must have at least 2 dimensions, but got {y_pred.ndim}.")
        if y_pred.shape != y.shape:
            raise ShapeError("For 'ConfusionMatrixMetric.update', the predicted value (input[0]) "
                             "and the true value (input[1]) must have the same shape, but got "
                             f"{y_pred.shape} and {y.shape}.")
        if not self.skip_channel and y.shape[1] > 1:
            y_pred, y = y_pred[:, 1:], y[:, 1:]
        both = y_pred.astype(np.float64) + y.astype(np.float64)
        both = both.reshape(y.shape[0], y.shape[1], -1)
        tp = (both == 2).sum(axis=2).astype(np.float64)
        tn = (both == 0).sum(axis=2).astype(np.float64)
        positives = y.reshape(both.shape).astype(np.float64).sum(axis=2)
        return tp, both.shape[2] - positives - tn, tn, positives - tp

    @rearrange_inputs
    def update(self, *inputs):
        """Adds a batch: ``update(y_pred, y)``, one-hot arrays ``(N, C, ...)``."""
        if len(inputs) != 2:
            raise ShapeError("For 'ConfusionMatrixMetric.update', it needs 2 inputs (predicted "
                             f"value, true value), but got {len(inputs)}.")
        y_pred, y = self._convert_data(inputs[0]), self._convert_data(inputs[1])
        counts = self._pair_counts(y_pred, y)
        if not self.calculation_method:
            self._counts += [c.sum() for c in counts]
            self._is_update = True
            return
        if y_pred.ndim == 2 or (y_pred.ndim == 3 and y_pred.shape[-1] == 1):
            raise ShapeError("For 'ConfusionMatrixMetric.update', 'calculation_method' must be "
                             "False for classification inputs (N, C) or (N, C, 1), but got "
                             f"predicted value of shape {y_pred.shape}.")
        value, weight = _reduce(_measure(self._short, *counts), self.decrease)
        if np.size(value) != 1:
            raise ShapeError(f"For 'ConfusionMatrixMetric.update', the decrease '{self.decrease}' "
                             f"leaves {np.size(value)} values (shape {np.shape(value)}) of the "
                             f"{counts[0].shape} (samples, channels) measures, but the metric "
                             "accumulates a single value: use 'mean' or 'sum'.")
        weight = int(np.asarray(weight).item())
        self._total_num += float(np.asarray(value).item()) * weight
        self._class_num += weight
        self._is_update = True

    def eval(self):
        """The measure over the batches so far."""
        if self.calculation_method:
            if self._class_num == 0:
                raise ComputeError("The 'ConfusionMatrixMetric' can not be calculated, because the "
                                   "number of samples is 0, please check whether your inputs"
                                   "(predicted value, true value) are empty, or has called update "
                                   "method before calling eval method.")
            return self._total_num / self._class_num
        if not self._is_update:
            raise ComputeError("For 'ConfusionMatrixMetric.eval', please call the 'update' method "
                               "before calling 'eval' method.")
        return _measure(self._short, *(self._counts[i:i + 1] for i in range(4)))

"""``mindspore.train.metrics``: metrics for ``Model.eval`` (also ``mindspore.nn.Accuracy``...).
``Model(metrics={'acc', 'loss'})`` names them through :func:`get_metric_fn`."""
from ..._errors import DTypeError
from .classification import (F1, Accuracy, Fbeta, Precision, Recall, Top1CategoricalAccuracy,
                             Top5CategoricalAccuracy, TopKCategoricalAccuracy)
from .metric import EvaluationBase, Metric, rearrange_inputs
from .regression import MAE, MSE, Loss

__all__ = ["Metric", "Accuracy", "Precision", "Recall", "Fbeta", "F1", "TopKCategoricalAccuracy",
           "Top1CategoricalAccuracy", "Top5CategoricalAccuracy", "Loss", "MAE", "MSE", "names",
           "get_metric_fn", "get_metrics", "rearrange_inputs", "EvaluationBase"]

_FACTORY = {
    "accuracy": Accuracy, "acc": Accuracy, "precision": Precision, "recall": Recall, "F1": F1,
    "topk": TopKCategoricalAccuracy, "top_1_accuracy": Top1CategoricalAccuracy,
    "top_5_accuracy": Top5CategoricalAccuracy, "mae": MAE, "mse": MSE, "loss": Loss,
}


def names():
    """The metric names :func:`get_metric_fn` knows, sorted."""
    return sorted(_FACTORY)


def get_metric_fn(name, *args, **kwargs):
    """A new metric by name (``'acc'``, ``'mse'``...; KeyError for an unknown name)."""
    if name not in _FACTORY:
        raise KeyError(f"For 'get_metric_fn', unsupported metric {name}, the supported names are "
                       f"{names()}.")
    return _FACTORY[name](*args, **kwargs)


def get_metrics(metrics):
    """``Model``'s ``metrics`` argument as a dict name → Metric: a dict is checked, a set of names
    is built with :func:`get_metric_fn`, None stays None."""
    if metrics is None:
        return None
    if isinstance(metrics, dict):
        for name, metric in metrics.items():
            if not isinstance(name, str) or not isinstance(metric, Metric):
                raise DTypeError("For 'get_metrics', if 'metrics' is dict, the key in 'metrics' must "
                                 "be string and value in 'metrics' must be Metric, but got "
                                 f"key:{type(name)}, value:{type(metric)}.")
        return metrics
    if isinstance(metrics, set):
        return {name: get_metric_fn(name) for name in metrics}
    raise DTypeError("For 'get_metrics', the argument 'metrics' must be None, dict or set, but got "
                     f"{metrics}")

"""``mindspore.train.metrics``: metrics for ``Model.eval`` (also ``mindspore.nn.Accuracy``...).
``Model(metrics={'acc', 'loss'})`` names them through :func:`get_metric_fn`."""
from ..._errors import DTypeError
from .classification import (F1, Accuracy, Fbeta, Precision, Recall, Top1CategoricalAccuracy,
                             Top5CategoricalAccuracy, TopKCategoricalAccuracy)
from .metric import EvaluationBase, Metric, rearrange_inputs
from .more import ROC, ConfusionMatrix, CosineSimilarity, Dice, Perplexity, auc
from .regression import MAE, MSE, Loss
from .nlp import BleuScore
from .distance import HausdorffDistance, MeanSurfaceDistance, RootMeanSquareDistance
from .confusion_metric import ConfusionMatrixMetric
from .occlusion import OcclusionSensitivity

__all__ = ["Metric", "Accuracy", "Precision", "Recall", "Fbeta", "F1", "TopKCategoricalAccuracy",
           "Top1CategoricalAccuracy", "Top5CategoricalAccuracy", "Loss", "MAE", "MSE", "names",
           "get_metric_fn", "get_metrics", "rearrange_inputs", "EvaluationBase",
           "ConfusionMatrix", "Dice", "Perplexity", "CosineSimilarity", "ROC", "auc",
           "BleuScore", "HausdorffDistance", "MeanSurfaceDistance", "RootMeanSquareDistance",
           "ConfusionMatrixMetric", "OcclusionSensitivity"]

_FACTORY = {
    "accuracy": Accuracy, "acc": Accuracy, "precision": Precision, "recall": Recall, "F1": F1,
    "topk": TopKCategoricalAccuracy, "top_1_accuracy": Top1CategoricalAccuracy,
    "top_5_accuracy": Top5CategoricalAccuracy, "mae": MAE, "mse": MSE, "loss": Loss,
    "dice": Dice, "perplexity": Perplexity, "confusion_matrix": ConfusionMatrix, "auc": auc,
    "cosine_similarity": CosineSimilarity, "roc": ROC, "bleu_score": BleuScore,
    "hausdorff_distance": HausdorffDistance, "mean_surface_distance": MeanSurfaceDistance,
    "root_mean_square_distance": RootMeanSquareDistance,
    "confusion_matrix_metric": ConfusionMatrixMetric, "occlusion_sensitivity": OcclusionSensitivity,
}


def names():
    """The metric names :func:`get_metric_fn` knows, sorted.

    Returns:
        list[str], the metric names.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print('accuracy' in nn.names())
        True
    """
    return sorted(_FACTORY)


def get_metric_fn(name, *args, **kwargs):
    """A new metric by name (``'acc'``, ``'mse'``...; KeyError for an unknown name).

    Args:
        name (str): The name.
        *args (object): Positional arguments of the metric's constructor.
        **kwargs (object): Its keyword arguments.

    Returns:
        Metric, a new metric.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(type(nn.get_metric_fn('acc')).__name__)
        Accuracy
    """
    if name not in _FACTORY:
        raise KeyError(f"For 'get_metric_fn', unsupported metric {name}, the supported names are "
                       f"{names()}.")
    return _FACTORY[name](*args, **kwargs)


def get_metrics(metrics):
    """``Model``'s ``metrics`` argument as a dict name → Metric: a dict is checked, a set of names
    is built with :func:`get_metric_fn`, None stays None.

    Args:
        metrics (Union[dict, set, None]): A dict name to Metric, or a set of names.

    Returns:
        dict, name to Metric.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(sorted(nn.get_metrics({'acc', 'mae'})))
        ['acc', 'mae']
    """
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

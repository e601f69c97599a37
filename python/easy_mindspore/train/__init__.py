"""``mindspore.train``: ``Model`` (training, evaluation and prediction loops), callbacks
(``mindspore.train.callback``) and metrics (``mindspore.train.metrics``), also exported here and,
as in MindSpore, from the top-level package."""
from .._checkpoint import load_checkpoint, load_param_into_net, save_checkpoint
from . import callback, metrics
from .callback import (Callback, CheckpointConfig, EarlyStopping, History, LambdaCallback,
                       LearningRateScheduler, LossMonitor, ModelCheckpoint, ReduceLROnPlateau,
                       RunContext, TimeMonitor)
from .metrics import (F1, MAE, MSE, Accuracy, Fbeta, Loss, Metric, Precision, Recall,
                      Top1CategoricalAccuracy, Top5CategoricalAccuracy, TopKCategoricalAccuracy,
                      get_metric_fn, get_metrics, names, rearrange_inputs)
from .metrics import ROC, ConfusionMatrix, CosineSimilarity, Dice, Perplexity, auc
from .metrics import (BleuScore, ConfusionMatrixMetric, HausdorffDistance, MeanSurfaceDistance,
                      OcclusionSensitivity, RootMeanSquareDistance)
from .model import Model
from . import amp, loss_scale_manager
from .loss_scale_manager import DynamicLossScaleManager, FixedLossScaleManager, LossScaleManager
from .callback import PlotMonitor, ProgressBar, plot_curves
from .callback import BackupAndRestore, OnRequestExit
from . import _tools
from ._tools import (async_ckpt_thread_status, ckpt_to_safetensors, data_sink,
                     load_checkpoint_async, merge_sliced_parameter, safetensors_to_ckpt)
from .dataset_helper import DatasetHelper, connect_network_with_dataset
from .amp import build_train_network
from . import summary, serialization
from .._mindir import export, load
from .summary import SummaryCollector, SummaryRecord
from .callback import SummaryLandscape, TrainFaultTolerance

__all__ = ["Model", "Callback", "RunContext", "LossMonitor", "TimeMonitor", "ModelCheckpoint",
           "CheckpointConfig", "History", "LambdaCallback", "EarlyStopping", "ReduceLROnPlateau",
           "LearningRateScheduler",
           "Metric", "Accuracy", "Precision", "Recall", "Fbeta", "F1", "TopKCategoricalAccuracy",
           "Top1CategoricalAccuracy", "Top5CategoricalAccuracy", "Loss", "MAE", "MSE", "names",
           "get_metric_fn", "get_metrics", "rearrange_inputs", "callback", "metrics",
           "save_checkpoint", "load_checkpoint", "load_param_into_net", "amp",
           "LossScaleManager", "FixedLossScaleManager", "DynamicLossScaleManager",
           "ProgressBar", "PlotMonitor", "plot_curves", "ConfusionMatrix", "CosineSimilarity",
           "Dice", "Perplexity", "ROC", "auc", "BleuScore", "HausdorffDistance",
           "MeanSurfaceDistance", "RootMeanSquareDistance", "ConfusionMatrixMetric",
           "OcclusionSensitivity", "BackupAndRestore", "OnRequestExit", "build_train_network"]
__all__ += _tools.__all__ + ["SummaryRecord", "SummaryCollector", "summary", "serialization",
                             "export", "load"]
__all__ += ["SummaryLandscape", "TrainFaultTolerance"]


def _name_errors():
    """The metrics name themselves in the errors of their constructor, ``update``, ``eval`` and
    ``clear``, and the callbacks, ``CheckpointConfig``, the loss-scale managers and ``Model`` in
    their constructor's (``For 'Accuracy', ...``), as MindSpore's layers do; the methods that run a
    user's network or callbacks check their arguments inside ``_errors.naming`` instead."""
    from .._errors import with_class_name
    for name in __all__:
        cls = globals()[name]
        if not isinstance(cls, type):
            continue
        methods = ("__init__", "update", "eval", "clear") if issubclass(cls, Metric) else ("__init__",)
        for klass in cls.__mro__:
            if not klass.__module__.startswith("easy_mindspore."):
                continue
            for m in methods:
                fn = klass.__dict__.get(m)
                if callable(fn) and not getattr(fn, "_names_errors", False):
                    setattr(klass, m, with_class_name(fn))


_name_errors()

"""``mindspore.train.callback``: the callbacks ``Model.train``, ``eval`` and ``fit`` run."""
from ._callback import Callback, RunContext
from ._checkpoint import CheckpointConfig, ModelCheckpoint
from ._monitors import History, LambdaCallback, LossMonitor, TimeMonitor
from ._plateau import EarlyStopping, LearningRateScheduler, ReduceLROnPlateau
from ._progress import PlotMonitor, ProgressBar, plot_curves
from ._fault import BackupAndRestore, OnRequestExit

__all__ = ["Callback", "RunContext", "LossMonitor", "TimeMonitor", "ModelCheckpoint",
           "CheckpointConfig", "History", "LambdaCallback", "EarlyStopping", "ReduceLROnPlateau",
           "LearningRateScheduler", "ProgressBar", "PlotMonitor", "plot_curves", "BackupAndRestore",
           "OnRequestExit"]

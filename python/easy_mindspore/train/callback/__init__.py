"""``mindspore.train.callback``: the callbacks ``Model.train``, ``eval`` and ``fit`` run, and
MindSpore's helpers of them (``_InternalCallbackParam``, ``_CallbackManager``...)."""
from ._callback import (Callback, RunContext, _CallbackManager, _InternalCallbackParam,
                        _checkpoint_cb_for_save_op, _set_cur_net)
from ._checkpoint import CheckpointConfig, ModelCheckpoint
from ._monitors import History, LambdaCallback, LossMonitor, TimeMonitor
from ._plateau import EarlyStopping, LearningRateScheduler, ReduceLROnPlateau
from ._progress import PlotMonitor, ProgressBar, plot_curves
from ._fault import BackupAndRestore, OnRequestExit
from ._train_fault_tolerance import TrainFaultTolerance
from ._summary_collector import SummaryCollector
from ._landscape import SummaryLandscape
from .._ckpt_manager import _CheckpointManager  # noqa: F401  (MindSpore's tests import it from here)

__all__ = ["Callback", "RunContext", "LossMonitor", "TimeMonitor", "ModelCheckpoint",
           "CheckpointConfig", "History", "LambdaCallback", "EarlyStopping", "ReduceLROnPlateau",
           "LearningRateScheduler", "ProgressBar", "PlotMonitor", "plot_curves", "BackupAndRestore",
           "OnRequestExit", "TrainFaultTolerance", "SummaryCollector", "SummaryLandscape"]

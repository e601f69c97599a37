"""``mindspore.train``'s fault-tolerance callbacks: ``BackupAndRestore`` (a checkpoint of the
training network every `save_freq` epochs, loaded back when training starts again, removed
when it ends) and ``OnRequestExit`` (a signal — SIGTERM by default — ends training at the next
step; the network is saved to ``<directory>/rank_<id>/<file_name>_train.ckpt`` and loaded back
when training starts again)."""
import os
import signal

from ... import log as logger
from ..._checkpoint import load_checkpoint, save_checkpoint
from ..._errors import DTypeError, ShapeError
from ._callback import Callback

__all__ = ["BackupAndRestore", "OnRequestExit"]


class BackupAndRestore(Callback):
    """Saves the training network to ``<backup_dir>/backup.ckpt`` at the end of every
    `save_freq`-th epoch and loads it back when training begins, so a run stopped by a failure
    resumes from the last backup; the file is deleted when training ends (`delete_checkpoint`).

    Args:
        backup_dir (str): The directory of the backup (made if missing).
        save_freq (Union[str, int], optional): ``'epoch'`` or every how many epochs. Default:
            ``'epoch'``.
        delete_checkpoint (bool, optional): Whether the backup is deleted at the end. Default:
            ``True``.

    Outputs:
        The callback.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> import mindspore.dataset as ds
        >>> d = tempfile.mkdtemp()
        >>> net = ms.nn.Dense(2, 1)
        >>> model = ms.Model(net, ms.nn.MSELoss(), ms.nn.SGD(net.trainable_params(), 0.1))
        >>> data = ds.NumpySlicesDataset({"x": np.ones((4, 2), np.float32), "y": np.ones((4, 1), np.float32)}).batch(2)
        >>> model.train(1, data, callbacks=[ms.BackupAndRestore(d, delete_checkpoint=False)])
        >>> print(os.listdir(d))
        ['backup.ckpt']
    """

    def __init__(self, backup_dir, save_freq="epoch", delete_checkpoint=True):
        super().__init__()
        if not isinstance(backup_dir, str):
            raise DTypeError(f"For 'BackupAndRestore', 'backup_dir' must be a str, but got "
                             f"{type(backup_dir).__name__}.")
        os.makedirs(backup_dir, exist_ok=True)
        self.backup_file = os.path.join(backup_dir, "backup.ckpt")
        if save_freq == "epoch":
            self.save_freq = 1
        elif isinstance(save_freq, bool) or not isinstance(save_freq, int):
            raise DTypeError(f"For 'BackupAndRestore', 'save_freq' must be 'epoch' or an int, but got "
                             f"{save_freq!r}.")
        elif save_freq <= 0:
            raise ShapeError(f"For 'BackupAndRestore', 'save_freq' must be positive, but got {save_freq}.")
        else:
            self.save_freq = save_freq
        if not isinstance(delete_checkpoint, bool):
            raise DTypeError(f"For 'BackupAndRestore', 'delete_checkpoint' must be a bool, but got "
                             f"{type(delete_checkpoint).__name__}.")
        self.delete_checkpoint = delete_checkpoint

    def on_train_begin(self, run_context):
        """Loads the backup into the training network when there is one."""
        if os.path.exists(self.backup_file):
            load_checkpoint(self.backup_file, net=run_context.original_args().train_network)

    def on_train_epoch_end(self, run_context):
        """Saves the training network every `save_freq` epochs."""
        cb = run_context.original_args()
        if cb.cur_epoch_num % self.save_freq == 0:
            save_checkpoint(cb.train_network, self.backup_file)

    def on_train_end(self, run_context):
        """Deletes the backup (with `delete_checkpoint`)."""
        if self.delete_checkpoint and os.path.exists(self.backup_file):
            os.remove(self.backup_file)


class OnRequestExit(Callback):
    """Ends training (or evaluation) at the next step after the process receives `sig`, saving the
    network, and loads that checkpoint back when training starts again.

    Args:
        save_ckpt (bool, optional): Whether the network is saved on exit. Default: ``True``.
        save_mindir (bool, optional): MindIR export is not available here: only the checkpoint is
            saved (a warning says so once). Default: ``True``.
        file_name (str, optional): The checkpoint's base name. Default: ``'Net'``.
        directory (str, optional): Where ``rank_<id>/`` is made. Default: ``'./'``.
        config_file (str, optional): Unused. Default: ``None``.
        sig (int, optional): The signal. Default: ``signal.SIGTERM``.

    Outputs:
        The callback.

    Raises:
        TypeError: a flag not a bool, `sig` not an int.
        ValueError: ``SIGKILL``, which cannot be caught.

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> cb = ms.train.OnRequestExit(directory=tempfile.mkdtemp(), save_mindir=False)
        >>> print(cb.train_name.endswith("Net_train"))
        True
    """

    _warned = False

    def __init__(self, save_ckpt=True, save_mindir=True, file_name="Net", directory="./", config_file=None,
                 sig=signal.SIGTERM):
        super().__init__()
        for name, v in (("save_ckpt", save_ckpt), ("save_mindir", save_mindir)):
            if not isinstance(v, bool):
                raise DTypeError(f"For 'OnRequestExit', '{name}' must be a bool, but got {type(v).__name__}.")
        if isinstance(sig, bool) or not isinstance(sig, int):
            raise DTypeError(f"For 'OnRequestExit', 'sig' must be an int, but got {type(sig).__name__}.")
        if hasattr(signal, "SIGKILL") and sig == signal.SIGKILL:
            raise ShapeError("Not support send exit request by signal SIGKILL.")
        if not isinstance(file_name, str) or not isinstance(directory, str):
            raise DTypeError("For 'OnRequestExit', 'file_name' and 'directory' must be str.")
        self.save_ckpt, self.save_mindir, self.sig = save_ckpt, save_mindir, sig
        self.exit = False
        if save_mindir and not OnRequestExit._warned:
            OnRequestExit._warned = True
            logger.warning("OnRequestExit: MindIR export is not available; only the checkpoint is saved.")
        from ...communication.management import get_rank
        folder = os.path.join(directory, f"rank_{get_rank()}")
        self.train_name = os.path.join(folder, f"{file_name}_train")
        self.eval_name = os.path.join(folder, f"{file_name}_eval")
        self._previous = None

    def _handle_signal(self, signum, frame):
        self.exit = True

    def _listen(self):
        self._previous = signal.signal(self.sig, self._handle_signal)

    def on_train_begin(self, run_context):
        """Listens for the signal and loads the exit checkpoint when there is one."""
        self._listen()
        if self.save_ckpt and os.path.isfile(f"{self.train_name}.ckpt"):
            load_checkpoint(f"{self.train_name}.ckpt", net=run_context.original_args().train_network)

    def on_train_step_end(self, run_context):
        """Requests the end of training once the signal came."""
        if self.exit:
            run_context.request_stop()

    def on_train_epoch_end(self, run_context):
        """Requests the end of training once the signal came."""
        if self.exit:
            run_context.request_stop()

    def on_train_end(self, run_context):
        """Saves the training network when the signal ended training."""
        self._restore()
        if self.exit and self.save_ckpt:
            os.makedirs(os.path.dirname(self.train_name), exist_ok=True)
            save_checkpoint(run_context.original_args().train_network, f"{self.train_name}.ckpt")

    def on_eval_begin(self, run_context):
        """Listens for the signal and loads the exit checkpoint (the evaluation's, else the
        training's) into the evaluation network."""
        self._listen()
        if not self.save_ckpt:
            return
        net = run_context.original_args().eval_network
        for name in (self.eval_name, self.train_name):
            if os.path.isfile(f"{name}.ckpt"):
                load_checkpoint(f"{name}.ckpt", net=net)
                break

    def on_eval_step_end(self, run_context):
        """Requests the end of evaluation once the signal came."""
        if self.exit:
            run_context.request_stop()

    def on_eval_end(self, run_context):
        """Saves the evaluation network when the signal ended evaluation."""
        self._restore()
        if self.exit and self.save_ckpt:
            os.makedirs(os.path.dirname(self.eval_name), exist_ok=True)
            save_checkpoint(run_context.original_args().eval_network, f"{self.eval_name}.ckpt")

    def _restore(self):
        if self._previous is not None:
            signal.signal(self.sig, self._previous)
            self._previous = None

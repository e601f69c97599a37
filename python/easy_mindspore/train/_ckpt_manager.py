"""``_CheckpointManager`` (MindSpore's ``mindspore.train.callback._CheckpointManager``): the list of
checkpoint files a training run wrote into a folder, and the removal of old ones
(``keep_checkpoint_max`` and ``keep_checkpoint_per_n_minutes`` of ``CheckpointConfig``)."""
import os
import re
import stat

from .. import log as _log

__all__ = ["_CheckpointManager"]

# What follows ``prefix-`` in the name of a checkpoint file a run wrote: its epoch and step
# (``1_32``; a later file of the same second may carry one more ``_n``).
_RUN_PART = re.compile(r"[0-9_-]+")


class _CheckpointManager:
    """The checkpoint files of one prefix in one folder, as :meth:`update_ckpoint_filelist`
    found them, and their removal.

    Args:
        format (str): The files' extension: ``'ckpt'`` or ``'safetensors'``. Default: ``'ckpt'``.

    Examples:
        >>> import os, tempfile
        >>> from mindspore.train._ckpt_manager import _CheckpointManager
        >>> folder = tempfile.mkdtemp()
        >>> for name in ("net-1_1.ckpt", "net-2_1.ckpt", "other-1_1.ckpt"):
        ...     open(os.path.join(folder, name), "w").close()
        >>> manager = _CheckpointManager()
        >>> manager.update_ckpoint_filelist(folder, "net")
        >>> manager.ckpoint_num
        2
    """

    def __init__(self, format="ckpt"):  # noqa: A002 (MindSpore's argument name)
        self._ckpoint_filelist = []
        self._format = format

    @property
    def ckpoint_filelist(self):
        """list[str]: The files found, in the folder's listing order."""
        return self._ckpoint_filelist

    @property
    def ckpoint_num(self):
        """int: How many files were found."""
        return len(self._ckpoint_filelist)

    def update_ckpoint_filelist(self, directory, prefix):
        """Lists the files of `directory` named ``prefix-<epoch>_<step>.<format>``.

        Args:
            directory (str): The folder (``None``: the current one).
            prefix (str): The files' prefix.
        """
        head, tail = prefix + "-", "." + self._format
        self._ckpoint_filelist = []
        for name in os.listdir(directory):
            if (name.startswith(head) and name.endswith(tail) and len(name) > len(head) + len(tail)
                    and _RUN_PART.fullmatch(name[len(head):-len(tail)])):
                self._ckpoint_filelist.append(os.path.join(directory or "", name))

    def remove_ckpoint_file(self, file_name):
        """Deletes `file_name` (made writable first) and drops it from the list; a file that
        cannot be deleted is warned about.

        Args:
            file_name (str): The file.
        """
        try:
            os.chmod(file_name, stat.S_IWRITE)
            os.remove(file_name)
        except OSError:
            _log.warning(f"OSError, failed to remove the older ckpt file {file_name}.")
            return
        if file_name in self._ckpoint_filelist:
            self._ckpoint_filelist.remove(file_name)

    def remove_oldest_ckpoint_file(self):
        """Deletes the file of the list modified first.

        Raises:
            IndexError: The list is empty.
        """
        files = sorted(self._ckpoint_filelist, key=os.path.getmtime)
        self.remove_ckpoint_file(files[0])

    def keep_one_ckpoint_per_minutes(self, minutes, cur_time):
        """Of the files modified within `minutes` before `cur_time` (or after it), keeps only the
        one modified first before `cur_time`, and deletes the others.

        Args:
            minutes (float): The span, in minutes.
            cur_time (float): The time the span ends at (seconds since the epoch).
        """
        recent, oldest, oldest_time = [], None, cur_time
        for name in self._ckpoint_filelist:
            modified = os.path.getmtime(name)
            if cur_time - modified < 60 * minutes:
                recent.append(name)
                if modified < oldest_time:
                    oldest, oldest_time = name, modified
        for name in recent:
            if name != oldest:
                self.remove_ckpoint_file(name)

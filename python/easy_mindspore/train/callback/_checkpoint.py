"""``CheckpointConfig`` and ``ModelCheckpoint``: saves the trained network every
``save_checkpoint_steps`` steps (or seconds) and at the end of training, as
``{directory}/{prefix}-{epoch}_{step in epoch}.ckpt`` through ``mindspore.save_checkpoint``, and
keeps the newest ``keep_checkpoint_max`` files of that prefix. A prefix whose files already exist
in the directory becomes ``{prefix}_1``, ``{prefix}_2``..., as in MindSpore. In GRAPH_MODE the
first step also writes the compiled network's graph, ``{prefix}-graph.meta``."""
import os
import time

from ..._checkpoint import save_checkpoint
from ..._errors import DTypeError, ShapeError
from .._checks import check_bool, check_non_negative_int
from ._callback import Callback

__all__ = ["CheckpointConfig", "ModelCheckpoint"]


class CheckpointConfig:
    """The saving policy of :class:`ModelCheckpoint`: how often to save and how many files to keep.

    Steps take precedence over seconds, and `keep_checkpoint_max` over
    `keep_checkpoint_per_n_minutes`.

    Args:
        save_checkpoint_steps (int, optional): Steps between two saves. Default: ``1``.
        save_checkpoint_seconds (int, optional): Seconds between two saves, used when
            `save_checkpoint_steps` is 0 or None. Default: ``0``.
        keep_checkpoint_max (int, optional): How many of the newest files are kept.
            Default: ``5``.
        keep_checkpoint_per_n_minutes (int, optional): Keep one file per this many minutes, used
            when `keep_checkpoint_max` is 0 or None. Default: ``0``.
        integrated_save (bool, optional): Whether to merge and save the split Tensors of
            automatic parallelism (one process here: nothing to merge). Default: ``True``.
        async_save (bool, optional): Whether to save asynchronously (the files are written
            before the step returns here). Default: ``False``.
        saved_network (Cell, optional): The network saved instead of the training network.
            Default: ``None``.
        append_info (list, optional): ``'epoch_num'``, ``'step_num'`` and at most one dict of
            extra values saved with the parameters. Default: ``None``.
        enc_key (Union[None, bytes], optional): An encryption key; encryption is not supported
            (a ValueError when given). Default: ``None``.
        enc_mode (str, optional): The encryption mode. Default: ``'AES-GCM'``.
        exception_save (bool, optional): Whether to save when an exception occurs.
            Default: ``False``.
        crc_check (bool, optional): Whether to add a CRC32 check to the files. Default: ``False``.
        remove_redundancy (bool, optional): Whether to remove the redundancy of data parallelism
            when saving. Default: ``False``.
        format (str, optional): ``'ckpt'`` or ``'safetensors'``. Default: ``'ckpt'``.

    Outputs:
        ``get_checkpoint_policy()`` returns the policy as a dict (``save_checkpoint_steps``,
        ``save_checkpoint_seconds``, ``keep_checkpoint_max``, ``keep_checkpoint_per_n_minutes``,
        ``saved_network``).

    Raises:
        TypeError: an interval or count not an int, `saved_network` not a Cell, `append_info`
            not a list of those strings and one dict, a bool option not a bool.
        ValueError: a negative interval or count; the steps, seconds, max and minutes all 0 or
            None; an `enc_key`; a `format` other than ``'ckpt'`` or ``'safetensors'``.

    Examples:
        >>> from mindspore.train import CheckpointConfig
        >>> config = CheckpointConfig(save_checkpoint_steps=0, save_checkpoint_seconds=60,
        ...                           keep_checkpoint_max=3, append_info=['epoch_num'])
        >>> print(config.get_checkpoint_policy())
        {'save_checkpoint_steps': 0, 'save_checkpoint_seconds': 60, 'keep_checkpoint_max': 3, \
'keep_checkpoint_per_n_minutes': None, 'saved_network': None}
        >>> print(config.append_dict)
        {'epoch_num': 0}
    """

    def __init__(self, save_checkpoint_steps=1, save_checkpoint_seconds=0, keep_checkpoint_max=5,
                 keep_checkpoint_per_n_minutes=0, integrated_save=True, async_save=False,
                 saved_network=None, append_info=None, enc_key=None, enc_mode="AES-GCM",
                 exception_save=False, crc_check=False, remove_redundancy=False, format="ckpt",
                 **kwargs):
        from ...nn.cell import Cell

        steps, secs, keep, minutes = (None if v is None else check_non_negative_int(v) for v in (
            save_checkpoint_steps, save_checkpoint_seconds, keep_checkpoint_max,
            keep_checkpoint_per_n_minutes))
        if saved_network is not None and not isinstance(saved_network, Cell):
            raise DTypeError("For 'CheckpointConfig', the type of 'saved_network' must be None or Cell, "
                             f"but got {type(saved_network)}.")
        if not steps and not secs and not keep and not minutes:
            raise ShapeError("For 'CheckpointConfig', the input arguments 'save_checkpoint_steps', "
                             "'save_checkpoint_seconds', 'keep_checkpoint_max' and "
                             "'keep_checkpoint_per_n_minutes' can't be all None or 0.")
        if enc_key is not None:
            raise ShapeError("For 'CheckpointConfig', encryption (enc_key) is not supported")
        if format not in ("ckpt", "safetensors"):
            raise ShapeError(f"For 'CheckpointConfig', format must be 'ckpt' or 'safetensors', but got "
                             f"{format!r}.")
        self.exception_save = check_bool(exception_save, "exception_save")
        self._save_checkpoint_steps = steps
        self._save_checkpoint_seconds = None if steps else secs
        self._keep_checkpoint_max = keep
        self._keep_checkpoint_per_n_minutes = minutes
        if keep:
            self._keep_checkpoint_per_n_minutes = None
        elif not minutes:
            self._keep_checkpoint_max = 1
        self._integrated_save = check_bool(integrated_save, "integrated_save")
        self._async_save = async_save
        self._saved_network = saved_network
        self._append_dict = _append_info(append_info)
        self._enc_key, self._enc_mode = enc_key, enc_mode
        self._crc_check = check_bool(crc_check, "crc_check")
        self.remove_redundancy = check_bool(remove_redundancy, "remove_redundancy")
        self._format = format

    save_checkpoint_steps = property(lambda self: self._save_checkpoint_steps,
                                     doc="Steps between two saves.")
    save_checkpoint_seconds = property(lambda self: self._save_checkpoint_seconds,
                                       doc="Seconds between two saves (when no step interval).")
    keep_checkpoint_max = property(lambda self: self._keep_checkpoint_max,
                                   doc="How many newest files are kept.")
    keep_checkpoint_per_n_minutes = property(lambda self: self._keep_checkpoint_per_n_minutes,
                                             doc="Keep one file per this many minutes.")
    integrated_save = property(lambda self: self._integrated_save)
    async_save = property(lambda self: self._async_save)
    saved_network = property(lambda self: self._saved_network,
                             doc="The network saved instead of the training network.")
    enc_key = property(lambda self: self._enc_key)
    enc_mode = property(lambda self: self._enc_mode)
    crc_check = property(lambda self: self._crc_check)
    format = property(lambda self: self._format)
    append_dict = property(lambda self: self._append_dict,
                           doc="The extra values saved with the parameters (None if none).")

    def get_checkpoint_policy(self):
        """The save and keep policy as a dict."""
        return {"save_checkpoint_steps": self.save_checkpoint_steps,
                "save_checkpoint_seconds": self.save_checkpoint_seconds,
                "keep_checkpoint_max": self.keep_checkpoint_max,
                "keep_checkpoint_per_n_minutes": self.keep_checkpoint_per_n_minutes,
                "saved_network": self.saved_network}


def _append_info(info):
    if info is None or (isinstance(info, list) and not info):  # (a Tensor's == is element-wise)
        return None
    if not isinstance(info, list):
        raise DTypeError(f"For 'CheckpointConfig', the type of 'append_info' must be list, but got "
                         f"{type(info)}.")
    out, dicts = {}, 0
    for item in info:
        if isinstance(item, str):
            if item not in ("epoch_num", "step_num"):
                raise ShapeError("For 'CheckpointConfig', the value of element in the argument "
                                 f"'append_info' must be 'epoch_num' or 'step_num', but got {item}.")
            out[item] = 0
        elif isinstance(item, dict):
            dicts += 1
            if dicts > 1:
                raise DTypeError("For 'CheckpointConfig', the element of 'append_info' must has only "
                                 "one dict.")
            for k, v in item.items():
                if not isinstance(k, str):
                    raise DTypeError("For 'CheckpointConfig', the key type of the dict 'append_info' "
                                     f"must be string, but got {type(k)}.")
                out[k] = v
        else:
            raise DTypeError("For 'CheckpointConfig', the type of 'append_info' element must be str or "
                             f"dict, but got {type(item)}.")
    return out


def _unused_prefix(directory, prefix):
    """``prefix``, or ``prefix_N`` with N one past the largest suffix already used in
    ``directory`` by checkpoint files of that prefix."""
    return _chg_ckpt_file_name_if_same_exist(directory, prefix)


def _chg_ckpt_file_name_if_same_exist(directory, prefix, exception=False):
    """MindSpore's name of :func:`_unused_prefix`: ``prefix``, or ``prefix_N`` with N one past the
    largest suffix the checkpoint files of that prefix in ``directory`` use; with `exception`,
    only the files saved on an exception (``..._breakpoint.ckpt``) count, else only the others."""
    suffix = 0
    n = len(prefix)
    for name in os.listdir(directory):
        ext = os.path.splitext(name)[1]
        if ext not in (".ckpt", ".safetensors") or name.endswith("_breakpoint.ckpt") != exception:
            continue
        if not name.startswith(prefix) or len(name) <= n or name[n].isalpha():
            continue
        dash = name[n:].find("-")
        if dash == 0:
            suffix = max(suffix, 1)
        elif dash > 0 and name[n + 1:n + dash].isdigit():
            suffix = max(suffix, int(name[n + 1:n + dash]) + 1)
    return f"{prefix}_{suffix}" if suffix else prefix


class ModelCheckpoint(Callback):
    """Saves checkpoints of the network while training.

    The files are ``{directory}/{prefix}-{epoch}_{step in epoch}.ckpt`` (``.safetensors`` with
    that format), written by `config`'s policy and once more at the end of training; the newest
    ``keep_checkpoint_max`` files of the prefix are kept. A prefix whose files already exist in
    the directory becomes ``{prefix}_1``, ``{prefix}_2``... ``latest_ckpt_file_name`` is the
    path of the last file written.

    Args:
        prefix (Union[str, callable], optional): The file name prefix (no ``'/'``), or a
            function of ``cb_params`` returning the file name (without its suffix).
            Default: ``'CKP'``.
        directory (Union[str, callable], optional): The directory (created when missing), or a
            function of ``cb_params`` returning it; ``None`` is the current directory.
            Default: ``None``.
        config (CheckpointConfig, optional): The saving policy; ``None`` is
            ``CheckpointConfig()``. Default: ``None``.

    Outputs:
        None: it writes files; ``latest_ckpt_file_name`` is the last one.

    Raises:
        ValueError: `prefix` not a str or callable, or containing ``'/'``.
        TypeError: `config` not a CheckpointConfig.

    Examples:
        >>> import os, shutil, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, ModelCheckpoint, CheckpointConfig
        >>> net = nn.Dense(1, 1)
        >>> x = np.ones((6, 1), np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, x), shuffle=False).batch(2)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
        >>> workdir = tempfile.mkdtemp()
        >>> config = CheckpointConfig(save_checkpoint_steps=2, keep_checkpoint_max=2)
        >>> ckpt = ModelCheckpoint(prefix="dense", directory=workdir, config=config)
        >>> model.train(2, data, callbacks=[ckpt])
        >>> print(sorted(f for f in os.listdir(workdir) if f.endswith(".ckpt")))
        ['dense-2_1.ckpt', 'dense-2_3.ckpt']
        >>> print(os.path.basename(ckpt.latest_ckpt_file_name))
        dense-2_3.ckpt
        >>> shutil.rmtree(workdir)
    """

    def __init__(self, prefix="CKP", directory=None, config=None):
        super().__init__()
        if not callable(prefix) and (not isinstance(prefix, str) or "/" in prefix):
            raise ShapeError("For 'ModelCheckpoint', the argument 'prefix' for checkpoint file name is "
                             "invalid, it must be callable or string that does not contain '/', but "
                             f"got {prefix}.")
        if config is None:
            config = CheckpointConfig()
        elif not isinstance(config, CheckpointConfig):
            raise DTypeError("For 'ModelCheckpoint', the type of argument 'config' should be "
                             f"'CheckpointConfig', but got {type(config)}.")
        self._config = config
        self._prefix_func = prefix if callable(prefix) else None
        self._directory_func = directory if callable(directory) else None
        self._prefix = None if callable(prefix) else prefix
        self._directory = os.getcwd() if directory is None else (
            None if callable(directory) else _make_directory(directory))
        if self._prefix is not None and self._directory is not None:
            self._prefix = _unused_prefix(self._directory, self._prefix)
        self._latest_ckpt_file_name = ""
        self._graph_saved = False
        self._last_triggered_step = 0
        self._last_time = time.time()
        self._last_time_for_keep = time.time()
        self._append_dict = dict(config.append_dict or {})
        self._append_base = {k: self._append_dict.get(k, 0) for k in ("epoch_num", "step_num")}

    @property
    def latest_ckpt_file_name(self):
        """The path of the last checkpoint written ('' before the first)."""
        return self._latest_ckpt_file_name

    def step_end(self, run_context):
        """Saves a checkpoint when the step interval (or time) has passed."""
        cb = run_context.original_args()
        if self._prefix_func is not None:
            prefix = self._prefix_func(cb)
            if not isinstance(prefix, str) or "/" in prefix:
                raise ShapeError("For 'ModelCheckpoint', the argument 'prefix' for checkpoint file name "
                                 "is callable, it must return a string that does not contain '/', but "
                                 f"got {prefix}.")
            self._prefix = prefix
        if self._directory_func is not None:
            self._directory = _make_directory(self._directory_func(cb))
        if not self._graph_saved:
            self._save_graph(cb)
        self._save(cb)

    def _save_graph(self, cb):
        """In GRAPH_MODE, once: the compiled training network's graph as
        ``<directory>/<prefix>-graph.meta`` (MindSpore's ``anf_ir`` ModelProto; see
        ``mindspore.train.summary._graph``), when it has been compiled."""
        from ..summary._graph import model_proto
        meta = model_proto(cb.train_network)  # None unless compiled (in GRAPH_MODE)
        if meta is None:
            return
        with open(os.path.join(self._directory, f"{self._prefix}-graph.meta"), "wb") as f:
            f.write(meta)
        self._graph_saved = True

    def end(self, run_context):
        """Saves the last checkpoint after training."""
        cb = run_context.original_args()
        if self._prefix is None or self._directory is None:  # no step ran
            return
        self._save(cb, force=True)

    def _due(self, cb, force):
        cfg = self._config
        if cfg.save_checkpoint_steps:
            return force or cb.cur_step_num >= self._last_triggered_step + cfg.save_checkpoint_steps
        if cfg.save_checkpoint_seconds:
            now = time.time()
            if force or now - self._last_time > cfg.save_checkpoint_seconds:
                self._last_time = now
                return True
        return False

    def _save(self, cb, force=False):
        if cb.cur_step_num == self._last_triggered_step or not self._due(cb, force):
            return
        cfg = self._config
        fmt = cfg.format
        step_in_epoch = (cb.cur_step_num - 1) % cb.batch_num + 1
        if self._prefix_func is not None:
            name = f"{self._prefix}.{fmt}"
        else:
            name = f"{self._prefix}-{cb.cur_epoch_num}_{step_in_epoch}.{fmt}"
        files = self._own_files(fmt)
        if cfg.keep_checkpoint_max and 0 < cfg.keep_checkpoint_max <= len(files):
            _remove(min(files, key=os.path.getmtime))
        elif cfg.keep_checkpoint_per_n_minutes:
            now = time.time()
            if now - self._last_time_for_keep < cfg.keep_checkpoint_per_n_minutes * 60:
                self._keep_one_per_minutes(files, now)
        path = os.path.join(self._directory, name)
        self._last_time_for_keep = time.time()
        self._last_triggered_step = cb.cur_step_num
        if "epoch_num" in self._append_dict:
            self._append_dict["epoch_num"] = self._append_base["epoch_num"] + cb.cur_epoch_num
        if "step_num" in self._append_dict:
            self._append_dict["step_num"] = self._append_base["step_num"] + cb.cur_step_num
        network = cfg.saved_network if cfg.saved_network is not None else cb.train_network
        save_checkpoint(network, path, append_dict=self._append_dict or None, format=fmt)
        self._latest_ckpt_file_name = path
        cb["last_save_ckpt_step"] = cb.cur_step_num
        cb["latest_ckpt_file"] = path

    def _own_files(self, fmt):
        """This prefix's checkpoint files (``prefix-<digits and _>.fmt``) in the directory."""
        out = []
        head = self._prefix + "-"
        for name in os.listdir(self._directory):
            if not name.startswith(head) or not name.endswith("." + fmt):
                continue
            middle = name[len(self._prefix):-len(fmt) - 1]
            if not any(ch.isalpha() for ch in middle):
                out.append(os.path.join(self._directory, name))
        return out

    def _keep_one_per_minutes(self, files, now):
        """Of the files written in the last ``keep_checkpoint_per_n_minutes`` minutes, keeps only
        the oldest (one file per that many minutes survives)."""
        window = 60 * self._config.keep_checkpoint_per_n_minutes
        recent = sorted((f for f in files if now - os.path.getmtime(f) < window),
                        key=os.path.getmtime)
        for f in recent[1:]:
            _remove(f)


def _make_directory(path):
    if not isinstance(path, (str, os.PathLike)):
        raise DTypeError(f"For 'ModelCheckpoint', the directory must be a str, but got {type(path)}.")
    path = os.path.abspath(os.fspath(path))
    os.makedirs(path, exist_ok=True)
    return path


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass

"""``mindspore.train.summary`` (``SummaryRecord``, ``SummaryCollector``) and the summary primitives
(``ops.ScalarSummary``, ``TensorSummary``, ``HistogramSummary``): values written to MindSpore's
summary files, which MindInsight reads — ``<log_dir>/events.out.events.summary.<time>.<rank>.
<host>_MS``, the engine's writer (``easy_mindspore::nn::summary``: MindSpore's ``Event``
protobuf in TensorFlow's record framing, checked by parsing it with MindSpore 2.10's own
``summary_pb2``).

``add_value(plugin, name, value)`` queues a value; the summary primitives (``ops._summary_ops``)
queue theirs in every open ``SummaryRecord``; ``record(step)`` writes the queued values as one event. Plugins:
``'scalar'``, ``'tensor'``, ``'histogram'``; ``'image'`` (a PNG encoding) is not available and
raises. In ``'eval'`` mode the summary primitives' values are not recorded, as MindSpore's."""
import os
import socket
import sys
import time
import warnings

from .. import _C
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..ops._summary_ops import (HistogramSummary, ScalarSummary, TensorSummary,  # noqa: F401
                                _open_records, _value)
from .callback import Callback

__all__ = ["SummaryRecord", "SummaryCollector", "ScalarSummary", "TensorSummary", "HistogramSummary"]

_VERSION = "MindSpore.Event:1"


class SummaryRecord:
    """Writes summary values for MindInsight (see the module note).

    Args:
        log_dir (str): The directory of the summary file (made if missing).
        file_prefix (str, optional): The file name's prefix. Default: ``'events'``.
        file_suffix (str, optional): The file name's suffix. Default: ``'_MS'``.
        num_process (int, optional): Accepted (the values are written in this process).
            Default: ``32``.
        network (Cell, optional): Accepted (no graph is written). Default: ``None``.
        max_file_size (int, optional): Accepted. Default: ``None``.
        raise_exception (bool, optional): Accepted (write errors always raise). Default:
            ``False``.
        export_options (dict, optional): Accepted. Default: ``None``.

    Outputs:
        The record; a context manager that closes it.

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> from mindspore.train import SummaryRecord
        >>> d = tempfile.mkdtemp()
        >>> with SummaryRecord(d) as rec:
        ...     rec.add_value("scalar", "loss", ms.Tensor(0.5))
        ...     print(rec.record(1))
        True
        >>> print(os.listdir(d)[0].startswith("events.out.events.summary."))
        True
    """

    def __init__(self, log_dir, file_prefix="events", file_suffix="_MS", num_process=32, network=None,
                 max_file_size=None, raise_exception=False, export_options=None):
        for name, v in (("log_dir", log_dir), ("file_prefix", file_prefix), ("file_suffix", file_suffix)):
            if not isinstance(v, str):
                raise DTypeError(f"For 'SummaryRecord', '{name}' must be a str, but got {type(v).__name__}.")
        if _open_records:  # MindSpore 2.10 keeps one record per training process
            raise ComputeError("For 'SummaryRecord', only one instance is supported in a training "
                               "process, you are trying to create a new one when the existing "
                               f"instance number is {len(_open_records)}.")
        os.makedirs(log_dir, exist_ok=True)
        from ..communication.management import get_rank
        self._log_dir = os.path.realpath(log_dir)
        name = (f"{file_prefix}.out.events.summary.{int(time.time())}.{get_rank()}."
                f"{socket.gethostname()}{file_suffix}")
        self.file_path = os.path.join(self._log_dir, name)
        self._pending, self._mode, self._closed = [], "train", False
        _C.summary_append(self.file_path, time.time(), version=_VERSION)
        _open_records.append(self)

    @property
    def log_dir(self):
        """The directory of the summary file."""
        return self._log_dir

    def set_mode(self, mode):
        """``'train'`` or ``'eval'`` (in which the summary primitives' values are not recorded)."""
        if mode not in ("train", "eval"):
            raise ShapeError(f"For 'set_mode', 'mode' must be 'train' or 'eval', but got {mode!r}.")
        self._mode = mode

    def add_value(self, plugin, name, value):
        """Queues `value` under `name` for the next :meth:`record` (plugin ``'scalar'``,
        ``'tensor'`` or ``'histogram'``)."""
        self._check_open()
        self._pending.append(_value(plugin, name, value))

    def _from_primitive(self, entry):
        if self._mode == "train" and not self._closed:
            self._pending.append(entry)

    def record(self, step, train_network=None, plugin_filter=None):
        """Writes the queued values as the event of `step` (nothing when none are queued);
        returns True, or False (with a warning) once the record is closed, as MindSpore's."""
        if self._closed:
            warnings.warn("For 'SummaryRecord', the record writer is closed, please check if close() "
                          "method is called", RuntimeWarning, stacklevel=2)
            return False
        if isinstance(step, bool) or not isinstance(step, int):
            raise DTypeError(f"For 'record', 'step' must be an int, but got {type(step).__name__}.")
        values, self._pending = self._pending, []
        if plugin_filter is not None:
            values = [v for v in values if plugin_filter(v[1])]
        if values:
            _C.summary_append(self.file_path, time.time(), step=step, values=values)
        return True

    def flush(self):
        """Writes buffered data: every event is written when recorded."""
        self._check_open()

    def close(self):
        """Closes the record (the queued values are dropped)."""
        self._closed = True
        self._pending = []
        if self in _open_records:
            _open_records.remove(self)

    def _check_open(self):
        if self._closed:
            raise ShapeError("For 'SummaryRecord', the record is closed.")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


_SPECIFIED = ("collect_metric", "collect_graph", "collect_train_lineage", "collect_eval_lineage",
              "collect_input_data", "collect_dataset_graph", "histogram_regular", "collect_landscape")


class SummaryCollector(Callback):
    """Records a training run for MindInsight, as MindSpore's collector records it: at the first
    step, every `collect_freq` steps and at the end of each epoch, the loss (scalar
    ``'loss/auto'``) and histograms of the trainable parameters (``'<name>/auto'``: those matching
    ``histogram_regular``, else the first five); after an evaluation, its metrics
    (``'<metric>/auto'``). MindSpore's lineage files and its graph are not written.

    Args:
        summary_dir (str): The directory of the summary file.
        collect_freq (int, optional): Every how many steps values are recorded. Default: ``10``.
        num_process (int, optional): Accepted. Default: ``32``.
        collect_specified_data (dict, optional): ``collect_metric`` (bool) and
            ``histogram_regular`` (a regular expression, or ``None``) are honoured; the other
            MindSpore keys are accepted. Default: ``None``.
        keep_default_action (bool, optional): Whether unspecified keys keep their defaults
            (True) or are off. Default: ``True``.
        custom_lineage_data (dict, optional): Accepted. Default: ``None``.
        collect_tensor_freq (int, optional): Accepted. Default: ``None``.
        max_file_size (int, optional): Accepted. Default: ``None``.
        export_options (dict, optional): Accepted. Default: ``None``.

    Outputs:
        The callback.

    Raises:
        TypeError: a `summary_dir` that is not a str, a `collect_freq` that is not an int.
        ValueError: a `collect_freq` below 1, an unknown key of `collect_specified_data`.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> import mindspore.dataset as ds
        >>> from mindspore.train import SummaryCollector
        >>> d = tempfile.mkdtemp()
        >>> net = ms.nn.Dense(2, 1)
        >>> model = ms.Model(net, ms.nn.MSELoss(), ms.nn.SGD(net.trainable_params(), 0.1))
        >>> data = ds.NumpySlicesDataset({"x": np.ones((4, 2), np.float32), "y": np.ones((4, 1), np.float32)}).batch(2)
        >>> model.train(1, data, callbacks=[SummaryCollector(d, collect_freq=1)], dataset_sink_mode=False)
        >>> print(len(os.listdir(d)))
        1
    """

    def __init__(self, summary_dir, collect_freq=10, num_process=32, collect_specified_data=None,
                 keep_default_action=True, custom_lineage_data=None, collect_tensor_freq=None,
                 max_file_size=None, export_options=None):
        super().__init__()
        if not isinstance(summary_dir, str):
            raise DTypeError(f"For 'SummaryCollector', 'summary_dir' must be a str, but got "
                             f"{type(summary_dir).__name__}.")
        if isinstance(collect_freq, bool) or not isinstance(collect_freq, int):
            raise DTypeError(f"For 'SummaryCollector', 'collect_freq' must be an int, but got "
                             f"{type(collect_freq).__name__}.")
        if collect_freq < 1:
            raise ShapeError(f"For 'SummaryCollector', 'collect_freq' must be at least 1, but got {collect_freq}.")
        specified = dict(collect_specified_data or {})
        unknown = set(specified) - set(_SPECIFIED)
        if unknown:
            raise ShapeError(f"For 'SummaryCollector', unknown keys of 'collect_specified_data': "
                             f"{sorted(unknown)} (known: {list(_SPECIFIED)}).")
        self.summary_dir, self.collect_freq = summary_dir, collect_freq
        default = bool(keep_default_action)
        self._metrics = specified.get("collect_metric", default)
        self._regular = specified.get("histogram_regular")
        self._record = None

    def _params(self, cb):
        # The user's network (the training cell's trainable parameters also hold the optimizer's
        # step and rate, which MindSpore's collector leaves out).
        network = cb.get("network") or cb.train_network
        params = network.trainable_params()
        if self._regular is not None:
            import re
            return [p for p in params if re.match(self._regular, p.name)]
        return params[:5]

    def on_train_begin(self, run_context):
        """Opens the summary file."""
        self._record = SummaryRecord(self.summary_dir)

    def _collect(self, cb):
        if self._record is None or not self._metrics:
            return
        out = cb.get("net_outputs")
        loss = out[0] if isinstance(out, (tuple, list)) else out
        if isinstance(loss, Tensor) and loss.size == 1:
            self._record.add_value("scalar", "loss/auto", loss)
        for p in self._params(cb):
            self._record.add_value("histogram", f"{p.name}/auto", p)
        self._record.record(cb.cur_step_num)

    def on_train_step_end(self, run_context):
        """Records at the first step and every `collect_freq` steps."""
        cb = run_context.original_args()
        if cb.cur_step_num == 1 or cb.cur_step_num % self.collect_freq == 0:
            self._collect(cb)

    def on_train_epoch_end(self, run_context):
        """Records at the end of each epoch."""
        self._collect(run_context.original_args())

    def on_eval_end(self, run_context):
        """Records the evaluation's metrics."""
        cb = run_context.original_args()
        metrics = cb.get("metrics") or {}
        if self._record is None or not self._metrics or not metrics:
            return
        for name, value in metrics.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self._record.add_value("scalar", f"{name}/auto", float(value))
        self._record.record(cb.get("cur_step_num", 0))

    def on_train_end(self, run_context):
        """Closes the summary file."""
        if self._record is not None:
            self._record.close()
            self._record = None


# MindSpore's ``train.summary`` is a package whose ``summary_record`` module holds
# ``SummaryRecord``: registered by name so that ``from mindspore.train.summary.summary_record
# import SummaryRecord`` works.
sys.modules[__name__ + ".summary_record"] = sys.modules[__name__]

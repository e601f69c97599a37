"""``mindspore.train.summary`` (``SummaryRecord``) and the summary primitives
(``ops.ScalarSummary``, ``TensorSummary``, ``HistogramSummary``): values written to MindSpore's
summary files, which MindInsight reads — ``<log_dir>/events.out.events.summary.<time>.<rank>.
<host>_MS``, the engine's writer (``easy_mindspore::nn::summary``: MindSpore's ``Event``
protobuf in TensorFlow's record framing, checked by parsing it with MindSpore 2.10's own
``summary_pb2``).

``add_value(plugin, name, value)`` queues a value; the summary primitives queue theirs in every
open ``SummaryRecord``; ``record(step)`` writes the queued values as one event. Plugins:
``'scalar'``, ``'tensor'``, ``'histogram'``; ``'image'`` (a PNG encoding) is not available and
raises. In ``'eval'`` mode the summary primitives' values are not recorded, as MindSpore's."""
import os
import socket
import time

from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..ops.operations import Primitive

__all__ = ["SummaryRecord", "ScalarSummary", "TensorSummary", "HistogramSummary"]

_VERSION = "MindSpore.Event:1"
_PLUGINS = ("scalar", "tensor", "histogram")
_open_records = []


def _value(plugin, name, value):
    if not isinstance(name, str) or not name:
        raise DTypeError(f"For 'SummaryRecord', the name must be a non-empty str, but got {name!r}.")
    if plugin == "image":
        raise ShapeError("For 'SummaryRecord', image summaries (PNG-encoded) are not available; record "
                         "the image as a 'tensor'.")
    if plugin not in _PLUGINS:
        raise ShapeError(f"For 'SummaryRecord', the plugin must be one of {list(_PLUGINS)}, but got "
                         f"{plugin!r}.")
    if plugin == "scalar":
        if isinstance(value, Tensor):
            if value.size != 1:
                raise ShapeError(f"For 'SummaryRecord', a scalar must be one element, but got shape "
                                 f"{list(value.shape)}.")
            return (name, "scalar", float(value.asnumpy().reshape(())))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DTypeError(f"For 'SummaryRecord', a scalar must be a number or a one-element Tensor, but "
                             f"got {type(value).__name__}.")
        return (name, "scalar", float(value))
    if not isinstance(value, Tensor):
        raise DTypeError(f"For 'SummaryRecord', a {plugin} value must be a Tensor, but got "
                         f"{type(value).__name__}.")
    return (name, plugin, value)


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
        returns True."""
        self._check_open()
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


class _Summary(Primitive):
    _plugin = None

    def __call__(self, name, value):
        entry = _value(self._plugin, name, value)
        for rec in list(_open_records):
            rec._from_primitive(entry)


class ScalarSummary(_Summary):
    """``ScalarSummary()(name, value)``: queues a scalar in every open :class:`SummaryRecord`.

    Inputs:
        - **name** (str) - The tag.
        - **value** (Tensor) - One element.

    Outputs:
        None.

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.train import SummaryRecord
        >>> with SummaryRecord(tempfile.mkdtemp()) as rec:
        ...     ops.ScalarSummary()("loss", ms.Tensor(0.25))
        ...     print(rec.record(3))
        True
    """
    _plugin = "scalar"


class TensorSummary(_Summary):
    """``TensorSummary()(name, value)``: queues a tensor in every open :class:`SummaryRecord`.

    Inputs:
        - **name** (str) - The tag.
        - **value** (Tensor) - The tensor.

    Outputs:
        None.

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.train import SummaryRecord
        >>> with SummaryRecord(tempfile.mkdtemp()) as rec:
        ...     ops.TensorSummary()("w", ms.Tensor([[1.0, 2.0]]))
        ...     print(rec.record(1))
        True
    """
    _plugin = "tensor"


class HistogramSummary(_Summary):
    """``HistogramSummary()(name, value)``: queues a histogram of the tensor's values in every open
    :class:`SummaryRecord`.

    Inputs:
        - **name** (str) - The tag.
        - **value** (Tensor) - The values.

    Outputs:
        None.

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.train import SummaryRecord
        >>> with SummaryRecord(tempfile.mkdtemp()) as rec:
        ...     ops.HistogramSummary()("w", ms.Tensor([1.0, 2.0, 2.5]))
        ...     print(rec.record(1))
        True
    """
    _plugin = "histogram"

"""``mindspore.train.summary.summary_record``: ``SummaryRecord``, which writes the values
MindInsight shows to ``<log_dir>/<file_prefix>.out.events.summary.<time>.<rank>.<host><file_suffix>``
through the engine's writer (``easy_mindspore::nn::summary``: MindSpore's ``Event`` protobuf in
TensorFlow's record framing, checked by parsing it with MindSpore 2.10's own ``summary_pb2``).

Values come from ``add_value`` and from the summary primitives (``ops.ScalarSummary`` ...) and
``_cache_summary_tensor_data``, which cache theirs under ``'<tag>[:Scalar]'`` etc. until the next
``record(step)`` of a training step; ``record`` writes all of them as one event, grouped by kind in
the order the kinds first came (``add_value``'s first, then the cached ones). In ``'eval'`` mode the
cached values wait for the next training step. With ``export_options={'tensor_format': 'npy'}``
each ``'tensor'`` value is also saved as ``<log_dir>/export_<time>/tensor/<tag>_<step>.npy`` (the
tag URL-quoted)."""
import os
import re
import socket
import time
from urllib.parse import quote

import numpy as np

from ... import _C
from ... import log as logger
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...ops import _summary_ops
from ._summary_adapter import _make_image

__all__ = ["SummaryRecord"]

_VERSION = "MindSpore.Event:1"
_DEFAULT_EXPORT_OPTIONS = {"tensor_format": {"npy", None}}
_PLUGINS = ["tensor", "scalar", "image", "histogram", "train_lineage", "eval_lineage",
            "dataset_graph", "custom_lineage_data", "graph", "landscape"]
_TENSOR_PLUGINS = ("scalar", "tensor", "image", "histogram")
_LINEAGE_PLUGINS = ("train_lineage", "eval_lineage", "dataset_graph", "custom_lineage_data")
_NAME_RULE = r"^\w+[0-9a-zA-Z\_\.]*$"

# The values ``_cache_summary_tensor_data`` caches ('<tag>[:Scalar]' -> Tensor) until a record.
SUMMARY_TENSOR_CACHE = {}
# The open SummaryRecords (MindSpore 2.10 allows one per process).
_OPEN = []


def check_value_type(arg_name, arg_value, valid_types):
    """Raises MindSpore's TypeError when `arg_value` is none of `valid_types` (a bool is not an
    int here unless ``bool`` is listed)."""
    valid_types = valid_types if isinstance(valid_types, (tuple, list)) else (valid_types,)
    ok = isinstance(arg_value, tuple(valid_types))
    if isinstance(arg_value, bool) and bool not in valid_types:
        ok = False
    if not ok:
        names = [t.__name__ for t in valid_types]
        raise DTypeError(f"For `{arg_name}` the type should be a valid type of {names}, but got "
                         f"{type(arg_value).__name__}.")


def _cache_summary_tensor_data(summary):
    """Caches values for the next record: `summary` is a list of dicts ``{'name':
    '<tag>[:Scalar]', 'data': Tensor}`` (``[:Image]``, ``[:Tensor]``, ``[:Histogram]``); a later
    value of a name replaces the earlier one. Returns True."""
    for item in summary:
        SUMMARY_TENSOR_CACHE[item["name"]] = item["data"]
    return True


def _get_summary_tensor_data():
    """The cached values (``_cache_summary_tensor_data``'s, then the summary primitives'), taken
    out of the caches."""
    data = dict(SUMMARY_TENSOR_CACHE)
    data.update(_summary_ops._OP_CACHE)
    SUMMARY_TENSOR_CACHE.clear()
    _summary_ops._OP_CACHE.clear()
    return data


def process_export_options(export_options):
    """`export_options` checked (None or ``{'tensor_format': 'npy' or None}``)."""
    check_value_type("export_options", export_options, [dict, type(None)])
    if not export_options:
        return export_options
    for value in export_options.values():
        check_value_type("export_format", value, [str, type(None)])
    unknown = set(export_options) - set(_DEFAULT_EXPORT_OPTIONS)
    if unknown:
        raise ShapeError(f'For "SummaryRecord", the keys {unknown} of "export_options" are unsupported, '
                         f'expect the follow keys: {list(_DEFAULT_EXPORT_OPTIONS)}')
    for key, value in export_options.items():
        if value not in _DEFAULT_EXPORT_OPTIONS[key]:
            raise ShapeError(f'For "SummaryRecord", the export_format {{{value!r}}} of "export_options" are '
                             f'unsupported for {key}, expect the follow values: '
                             f'{list(_DEFAULT_EXPORT_OPTIONS[key])}')
    return export_options


def _check_log_dir(log_dir, what="log_dir"):
    """`log_dir` checked and made (MindSpore's messages)."""
    if not isinstance(log_dir, str):
        raise DTypeError(f"The {what} is invalid, the type should be string.")
    if not log_dir.strip():
        raise ShapeError(f"The {what} is invalid, it should be non-blank.")
    path = os.path.realpath(log_dir)
    if os.path.isfile(path):
        raise NotADirectoryError(f"The path({path}) is a file path, it should be a directory path.")
    os.makedirs(path, exist_ok=True)
    return path


def _check_name(name):
    if not isinstance(name, str) or not re.match(_NAME_RULE, name, flags=re.ASCII):
        raise ShapeError(f"The '{name}' is illegal, it must be match regular'{_NAME_RULE}' by flags're.ASCII.'")


def _split_tag(key):
    """``('loss', 'scalar')`` of a cached name ``'loss[:Scalar]'``; None without a kind."""
    head, sep, kind = key.rpartition("[:")
    if not sep or not kind.endswith("]"):
        return None
    return head, kind[:-1].lower()


class SummaryRecord:
    """Writes summary values for MindInsight (see ``mindspore.train.summary``).

    Values are added with :meth:`add_value` or by the summary primitives (``ops.ScalarSummary``,
    ``ImageSummary``, ``TensorSummary``, ``HistogramSummary``), and written as one event by
    :meth:`record`. Plugins: ``'scalar'`` (a one-element Tensor), ``'tensor'``, ``'histogram'``
    (a Tensor of rank 1 or more: MindSpore's buckets over the finite values), ``'image'`` (an NCHW
    Tensor of 1 or 3 channels: PNG-encoded, the batch side by side, eight to a row), ``'graph'``
    (an encoded ``GraphProto``) and ``'landscape'`` (an encoded ``LossLandscape``, or a message
    with ``SerializeToString``); MindSpore's lineage plugins (``'train_lineage'`` ...), which
    write its lineage file, are not available. MindSpore 2.10 allows one open record per process.

    Args:
        log_dir (str): The directory of the summary file (made if missing).
        file_prefix (str, optional): The file name's prefix. Default: ``'events'``.
        file_suffix (str, optional): The file name's suffix. Default: ``'_MS'``.
        num_process (int, optional): Accepted (the values are written in this process).
            Default: ``32``.
        network (Cell, optional): A network compiled in GRAPH_MODE: its graph is written (an
            event of step 0; ``mindspore.train.summary._graph``). Default: ``None``.
        max_file_size (int, optional): The largest size of the file in bytes: an event that would
            make it larger is not written (None or a non-positive size: no limit). Default: ``None``.
        raise_exception (bool, optional): Whether an error of writing raises (it always does
            here). Default: ``False``.
        export_options (dict, optional): ``{'tensor_format': 'npy'}`` also saves each
            ``'tensor'`` value as a ``.npy`` file. Default: ``None``.

    Outputs:
        The record; a context manager that closes it.

    Raises:
        TypeError: `log_dir` not a str, `raise_exception` not a bool, `file_prefix` or
            `file_suffix` not a str, `max_file_size` not an int, `export_options` not a dict.
        ValueError: a blank `log_dir`, a prefix or suffix that is not a word, an unknown export
            option.
        NotADirectoryError: `log_dir` is a file.
        RuntimeError: another record is open.

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
        base = _check_log_dir(log_dir)
        if not isinstance(raise_exception, bool):
            raise DTypeError(f"The type of 'raise_exception' should be 'bool', but got type "
                             f"'{type(raise_exception).__name__}'.")
        if not isinstance(file_prefix, str) or not isinstance(file_suffix, str):
            raise DTypeError(f"For 'SummaryRecord', `file_prefix` and `file_suffix`  should be str, but got "
                             f"type {type(file_prefix)}")
        _check_name(file_prefix)
        _check_name(file_suffix)
        if _OPEN:
            raise ComputeError("For 'SummaryRecord', only one instance is supported in a training process, "
                               "you are trying to create a new one when the existing instance number is "
                               f"{len(_OPEN)}. Please check your scripts.")
        if max_file_size is not None and (isinstance(max_file_size, bool) or not isinstance(max_file_size, int)):
            raise DTypeError(f"For 'SummaryRecord', the 'max_file_size' should be int type, but got type "
                             f"{type(max_file_size)}")
        self._export_options = process_export_options(export_options)
        from ...communication.management import get_rank
        now = int(time.time())
        name = f"{file_prefix}.out.events.summary.{now}.{get_rank()}.{socket.gethostname()}{file_suffix}"
        self.base_log_dir, self.file_prefix, self.file_suffix = base, file_prefix, file_suffix
        self.file_info = {"file_name": name, "file_path": os.path.join(base, name)}
        self.max_file_size, self.raise_exception, self.network = max_file_size, raise_exception, network
        self._num_process = num_process
        self._export_dir = os.path.join(base, f"export_{now}")
        self._pending, self._mode = {}, "train"
        self._status = {"closed": False, "has_graph": False}
        self._full = False
        _C.summary_append(self.file_path, time.time(), version=_VERSION)
        _OPEN.append(self)
        self._write_network_graph(network)

    __init__._names_errors = True  # MindSpore's own messages: not prefixed by ``train._name_errors``

    @property
    def log_dir(self):
        """The full path of the summary file (as MindSpore's ``log_dir``)."""
        return self.file_info["file_path"]

    @property
    def file_path(self):
        """The full path of the summary file."""
        return self.file_info["file_path"]

    def __enter__(self):
        if self._status["closed"]:
            raise ShapeError('For "SummaryRecord", SummaryRecord has been closed, please check if close() '
                             'method is called')
        return self

    def __exit__(self, *err):
        self.close()
        return False

    def set_mode(self, mode):
        """``'train'`` or ``'eval'``: in eval mode the cached values (the summary primitives')
        wait for the next training record.

        Raises:
            ValueError: another mode.
        """
        if mode not in ("train", "eval"):
            raise ShapeError(f'For "SummaryRecord.set_mode", {mode!r} is not a recognized mode, expect the '
                             f'parameter "mode" is "train" or "eval"')
        self._mode = mode

    def add_value(self, plugin, name, value):
        """Adds `value` under the tag `name` to the next :meth:`record` (see the class note for
        the plugins and their values).

        Raises:
            ValueError: an unknown plugin, `name` not a non-empty str, a ``'scalar'`` of more than
                one element, a 0-d ``'tensor'`` or ``'histogram'``, an ``'image'`` not of rank 4.
            TypeError: a tensor plugin's value not a Tensor.
            RuntimeError: a lineage plugin.
        """
        if plugin not in _PLUGINS:
            raise ShapeError(f'For "SummaryRecord.add_value", no such "plugin" of {plugin!r} , expect value is '
                             f'one of [{", ".join(_PLUGINS)}]')
        if not isinstance(name, str) or not name:
            raise ShapeError(f'For "SummaryRecord", the parameter "name" type should be str, but got '
                             f'{type(name)}.')
        if plugin in _TENSOR_PLUGINS:
            if not isinstance(value, Tensor):
                raise DTypeError(f'For "SummaryRecord", the parameter "value" expect to be Tensor, but got '
                                 f'{type(value).__name__}')
            _check_tensor_value(plugin, value)
        elif plugin in _LINEAGE_PLUGINS:
            raise ComputeError(f"For 'SummaryRecord', the plugin '{plugin}' writes MindSpore's lineage file, "
                               "which is not available here.")
        elif plugin in ("graph", "landscape"):
            value = _encoded(plugin, value)
        if self._status["closed"]:
            return
        self._pending.setdefault(plugin, []).append((name, value))

    def record(self, step, train_network=None, plugin_filter=None):
        """Writes the values added since the last record (and, in ``'train'`` mode, the cached
        ones) as the event of `step`; nothing when there are none.

        Args:
            step (int): The step.
            train_network (Cell, optional): Accepted (checked), as MindSpore 2.10 writes no
                graph from it. Default: ``None``.
            plugin_filter (Callable[[str], bool], optional): Keeps the values of the plugins it
                returns True for. Default: ``None``.

        Returns:
            bool, True; False (with the error logged) once the record is closed.

        Raises:
            TypeError: `step` not an int, `train_network` not a Cell or None.
        """
        if self._status["closed"]:
            logger.error("For 'SummaryRecord', The record writer is closed, please check if close() method "
                         "is called")
            return False
        from ...nn.cell import Cell
        if isinstance(step, bool) or not isinstance(step, int):
            raise DTypeError(f"The type of 'step' should be 'int', but got type '{type(step).__name__}'.")
        if train_network is not None and not isinstance(train_network, Cell):
            raise DTypeError("The type of 'train_network' should be one of '['Cell', 'NoneType']', but got "
                             f"type '{type(train_network).__name__}'.")
        pending, self._pending = self._pending, {}
        if self._mode == "train":
            for key, value in _get_summary_tensor_data().items():
                split = _split_tag(key)
                if split is None:
                    continue
                tag, plugin = split
                if plugin not in _PLUGINS:
                    raise ShapeError(f'For "SummaryRecord.add_value", no such "plugin" of {plugin!r} , expect '
                                     f'value is one of [{", ".join(_PLUGINS)}]')
                if plugin == "scalar":
                    _check_tensor_value(plugin, value)
                pending.setdefault(plugin, []).append((tag, value))
        if plugin_filter is not None:
            pending = {p: v for p, v in pending.items() if plugin_filter(p)}
        self._write(step, pending)
        return True

    def _write_network_graph(self, network):
        """Once, the graph `network` was compiled to in GRAPH_MODE, as an event of step 0 of its
        own (see ``mindspore.train.summary._graph``); nothing when it has not been compiled (as
        in PyNative mode). Returns whether the record holds the graph."""
        if self._status["has_graph"] or network is None:
            return self._status["has_graph"]
        from ._graph import graph_proto
        graph = graph_proto(network)
        if graph is not None:
            self._status["has_graph"] = True
            _C.summary_append(self.file_path, time.time(), step=0, graph=graph)
        return self._status["has_graph"]

    def _write(self, step, pending):
        values, graph = [], None
        for plugin, entries in pending.items():
            for tag, value in entries:
                if plugin == "graph":
                    graph = value
                    continue
                if plugin == "image":
                    value = _make_image(value, tag)
                    if value is None:
                        continue
                elif plugin == "scalar":
                    value = float(value.asnumpy().reshape(-1)[0])
                elif plugin == "tensor":
                    self._export_tensor(tag, step, value)
                values.append((tag, plugin, value))
        if not values and graph is None:
            return
        limit = self.max_file_size if self.max_file_size and self.max_file_size > 0 else None
        written = _C.summary_append(self.file_path, time.time(), step=step, values=values, graph=graph,
                                    max_file_size=limit)
        if not written and not self._full:
            self._full = True
            logger.warning(f"For 'SummaryRecord', the summary file has reached its max_file_size "
                           f"({self.max_file_size} bytes): later events are not written.")

    def _export_tensor(self, tag, step, value):
        if not self._export_options or self._export_options.get("tensor_format") != "npy":
            return
        folder = os.path.join(self._export_dir, "tensor")
        os.makedirs(folder, exist_ok=True)
        np.save(os.path.join(folder, f"{quote(tag, safe='')}_{step}.npy"), value.asnumpy())

    def flush(self):
        """Writes what is buffered: every event is written when recorded (an error is logged
        once the record is closed)."""
        if self._status["closed"]:
            logger.error("For 'SummaryRecord', the record writer is closed and can not flush, please check "
                         "if close() method is called")

    def close(self):
        """Closes the record: later values are ignored and :meth:`record` returns False."""
        self._status["closed"] = True
        self._pending = {}
        if self in _OPEN:
            _OPEN.remove(self)


def _check_tensor_value(plugin, value):
    """MindSpore's checks of a tensor plugin's value (its errors name ``SummaryRecord``)."""
    if plugin == "scalar" and value.size != 1:
        raise ShapeError(f'For "SummaryRecord", the v rank must be less than or equal to 1, but got '
                         f'{value.shape[0] if value.ndim else value.size}.')
    if plugin in ("tensor", "histogram") and value.ndim == 0:
        raise ShapeError('For "SummaryRecord", the value should not be empty.')
    if plugin == "image" and value.ndim != 4:
        raise ShapeError('For "SummaryRecord", the tensor seems not to hold a valid image.')


def _encoded(plugin, value):
    """The bytes of a ``'graph'`` or ``'landscape'`` value (bytes, or a message)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if hasattr(value, "SerializeToString"):
        return value.SerializeToString()
    raise DTypeError(f"For 'SummaryRecord', the '{plugin}' value must be the encoded message (bytes) or a "
                     f"message with SerializeToString, but got {type(value).__name__}.")

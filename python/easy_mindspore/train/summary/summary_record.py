"""``mindspore.train.summary.summary_record``: ``SummaryRecord``, which writes MindSpore's summary
file, and the caches the summary primitives fill.

The file, ``<log_dir>/<prefix>.out.events.summary.<time>.<rank>.<host><suffix>``, is written by the
engine (``easy_mindspore::nn::summary`` through ``_C.summary_append``): MindSpore's ``Event``
protobuf in TensorFlow's record framing (length, masked CRC-32C, bytes, masked CRC-32C; checked by
parsing it with MindSpore 2.10's own ``summary_pb2``) — first the version event
(``"MindSpore.Event:1"``), then one event per ``record(step)`` with the queued values: scalars,
tensors, and histograms (the bucket count MindSpore's ``_calc_histogram_bins`` gives for the
number of finite values; histograms needing different counts go to consecutive events of the
same step, as the writer takes one count per event).

Not written, as the engine's writer has no encoding for them: images (``'image'``: MindSpore's
PNG-encoded ``Summary.Image``; checked, then an error), graphs, lineage (MindSpore's
``*_lineage`` file), dataset graphs and landscapes; ``add_value`` raises for those plugins.
``export_options={'tensor_format': 'npy'}`` saves each recorded tensor as MindSpore does, in
``<log_dir>/export_<time>/tensor/<tag>_<step>.npy``."""
import atexit
import os
import re
import threading
import time
from collections import defaultdict
from urllib.parse import quote

import numpy as np

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...ops import _summary_ops
from ._summary_adapter import _calc_histogram_bins, get_event_file_name
from .enums import PluginEnum

__all__ = ["SummaryRecord"]

_VERSION = "MindSpore.Event:1"
_MAX_PATH_LENGTH = 4096
_summary_lock = threading.Lock()
_instance_lock = threading.Lock()
# {"<tag>[:<Type>]": Tensor}: the values bubbled up from the summary primitives.
SUMMARY_TENSOR_CACHE = {}
_DEFAULT_EXPORT_OPTIONS = {
    'tensor_format': {'npy', None},
}
_OP_SUFFIX = {"TensorSummary": "[:Tensor]", "ScalarSummary": "[:Scalar]", "ImageSummary": "[:Image]",
              "HistogramSummary": "[:Histogram]"}
_WRITTEN = ('scalar', 'tensor', 'histogram')
_NOT_WRITTEN = ('image', 'graph', 'train_lineage', 'eval_lineage', 'dataset_graph', 'custom_lineage_data',
                'landscape')


def check_value_type(arg_name, arg_value, valid_types):
    """MindSpore's ``train._utils.check_value_type``: a TypeError naming `arg_name` unless
    `arg_value` is one of `valid_types` (a bool is not an int)."""
    valid_types = tuple(valid_types) if isinstance(valid_types, (list, tuple)) else (valid_types,)
    if (isinstance(arg_value, bool) and bool not in valid_types) or not isinstance(arg_value, valid_types):
        raise DTypeError(f'For `{arg_name}` the type should be a valid type of {[t.__name__ for t in valid_types]}, '
                         f'but got {type(arg_value).__name__}.')


def _make_directory(path, arg_name='path', op=None):
    """The real path of the directory `path`, made (mode 0o700) when missing, as MindSpore checks it
    (its messages; a wrong type also names `op` when given, after MindSpore's sentence)."""
    if not isinstance(path, str):
        where = f" (in '{op}')" if op else ""
        raise DTypeError(f"The {arg_name} is invalid, the type should be string.{where}")
    if path.strip() == "":
        raise ShapeError(f"The {arg_name} is invalid, it should be non-blank.")
    path = os.path.realpath(path)
    if len(path) > _MAX_PATH_LENGTH:
        raise ShapeError(f"The {arg_name} length is too long, it should be limited in {_MAX_PATH_LENGTH}.")
    if os.path.exists(path):
        if not os.path.isdir(path):
            raise NotADirectoryError(f"The path({path}) is a file path, it should be a directory path.")
        return path
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
    except PermissionError as e:
        raise DTypeError("No write permission on the directory.") from e
    return path


def _cache_summary_tensor_data(summary):
    """Caches `summary`, ``[{"name": "<tag>[:<Type>]", "data": Tensor}, ...]``, for the next
    ``record`` (the way MindSpore's summary primitives hand their values over)."""
    with _summary_lock:
        for item in summary:
            SUMMARY_TENSOR_CACHE[item['name']] = item['data']
        return True


def _get_summary_tensor_data():
    """The cached values, emptying the cache."""
    global SUMMARY_TENSOR_CACHE
    with _summary_lock:
        data, SUMMARY_TENSOR_CACHE = SUMMARY_TENSOR_CACHE, {}
        return data


def _record_summary_tensor_data():
    """Moves the summary primitives' calls into the cache, checked as in PyNative mode."""
    summary_list = []
    for op_name, tag, value in _summary_ops._take_cache():
        _summary_ops.check_summary_param(op_name, tag, value)
        summary_list.append({"name": f"{tag}{_OP_SUFFIX.get(op_name, '')}", "data": value})
    _cache_summary_tensor_data(summary_list)


def process_export_options(export_options):
    """Checks `export_options` (None, or a dict ``{'tensor_format': 'npy' or None}``)."""
    if export_options is None:
        return None
    check_value_type('export_options', export_options, [dict, type(None)])
    for export_option, export_format in export_options.items():
        check_value_type('export_option', export_option, [str])
        check_value_type('export_format', export_format, [str, type(None)])
    unexpected = set(export_options) - set(_DEFAULT_EXPORT_OPTIONS)
    if unexpected:
        raise ShapeError(f'For "SummaryRecord", the keys {unexpected} of "export_options" are unsupported, '
                         f'expect the follow keys: {list(_DEFAULT_EXPORT_OPTIONS.keys())}')
    for export_option, export_format in export_options.items():
        unexpected_format = {export_format} - _DEFAULT_EXPORT_OPTIONS.get(export_option)
        if unexpected_format:
            raise ShapeError(
                f'For "SummaryRecord", the export_format {unexpected_format} of "export_options" are unsupported '
                f'for {export_option}, expect the follow values: {list(_DEFAULT_EXPORT_OPTIONS.get(export_option))}')
    return export_options


class SummaryRecord:
    """Writes MindSpore's summary file for MindInsight (see the module note for what is written).

    Only one SummaryRecord may be open in a process, as in MindSpore: close it (``with`` does)
    before making another.

    Args:
        log_dir (str): The directory of the summary file (made if missing).
        file_prefix (str, optional): The file name's prefix. Default: ``'events'``.
        file_suffix (str, optional): The file name's suffix. Default: ``'_MS'``.
        num_process (int, optional): Accepted (the values are written in this process).
            Default: ``32``.
        network (Cell, optional): Accepted (no graph is written). Default: ``None``.
        max_file_size (int, optional): Accepted (a negative value is taken as None, as MindSpore
            does); the file is not split. Default: ``None``.
        raise_exception (bool, optional): Accepted (write errors always raise). Default:
            ``False``.
        export_options (dict, optional): ``{'tensor_format': 'npy'}`` also saves each recorded
            tensor as a ``.npy`` file. Default: ``None``.

    Outputs:
        The record; a context manager that closes it.

    Raises:
        TypeError: a `log_dir` that is not a str, a `max_file_size` that is not an int or None, a
            `file_prefix` or `file_suffix` that is not a str, a `raise_exception` that is not a
            bool, bad `export_options` types.
        ValueError: a blank `log_dir`, a prefix or suffix that is not a name, unknown
            `export_options`.
        NotADirectoryError: a `log_dir` that is a file.
        RuntimeError: another SummaryRecord is open.

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

    count = 0

    def __init__(self, log_dir, file_prefix="events", file_suffix="_MS", num_process=32, network=None,
                 max_file_size=None, raise_exception=False, export_options=None):
        with _instance_lock:
            self._check_count()
            SummaryRecord.count += 1
        self._mode, self._data_pool = 'train', defaultdict(list)
        self._status = {'closed': False, 'has_graph': False}
        self.file_info = {'file_name': None, 'file_path': None}
        self.base_log_dir, self.file_prefix, self.file_suffix = log_dir, file_prefix, file_suffix
        self.network, self.max_file_size, self._num_process = network, max_file_size, num_process
        self.raise_exception, self._export_options = raise_exception, export_options
        self._export_dir = None
        try:
            self._initialize()
        except BaseException:
            with _instance_lock:
                SummaryRecord.count -= 1
            raise

    __init__._names_errors = True  # MindSpore's messages, not named after the class

    def _initialize(self):
        log_path = _make_directory(self.base_log_dir, "log_dir")
        if isinstance(self.max_file_size, bool) or not isinstance(self.max_file_size, (int, type(None))):
            raise DTypeError(f"For 'SummaryRecord', the 'max_file_size' should be int type, "
                             f"but got type {type(self.max_file_size)}")
        if not isinstance(self.file_prefix, str) or not isinstance(self.file_suffix, str):
            raise DTypeError(f"For 'SummaryRecord', `file_prefix` and `file_suffix`  should be str, "
                             f"but got type {type(self.file_prefix)}")
        if self.max_file_size is not None and self.max_file_size < 0:
            self.max_file_size = None
        if not isinstance(self.raise_exception, bool):
            raise DTypeError(f"The type of 'raise_exception' should be 'bool', but got type "
                             f"'{type(self.raise_exception).__name__}'.")
        time_second = str(int(time.time()))
        self.file_info['file_name'] = get_event_file_name(self.file_prefix, self.file_suffix, time_second)
        self.file_info['file_path'] = os.path.join(log_path, self.file_info['file_name'])
        self._export_options = process_export_options(self._export_options)
        if self._export_options is not None:
            self._export_dir = os.path.join(log_path, f"export_{time_second}")
        _C.summary_append(self.file_info['file_path'], time.time(), version=_VERSION)
        # Values bubbled up before this record opened are not its (MindSpore clears its cache too).
        _get_summary_tensor_data()
        _summary_ops._clear_cache()
        atexit.register(self.close)

    @classmethod
    def _check_count(cls):
        if cls.count > 0:
            raise ComputeError(
                f"For '{cls.__name__}', only one instance is supported in a training process, "
                f"you are trying to create a new one when the existing instance number is {cls.count}. "
                "Please check your scripts.")

    def __enter__(self):
        if self._status.get('closed'):
            raise ShapeError(f'For "{type(self).__name__}", SummaryRecord has been closed, '
                             'please check if close() method is called')
        return self

    def __exit__(self, *err):
        self.close()

    @property
    def log_dir(self):
        """The full path of the summary file (as MindSpore's ``log_dir`` property)."""
        return self.file_info['file_path']

    @property
    def file_path(self):
        """The full path of the summary file."""
        return self.file_info['file_path']

    def set_mode(self, mode):
        """``'train'`` or ``'eval'`` (in which the summary primitives' values are not recorded)."""
        if mode not in ('train', 'eval'):
            raise ShapeError(f'For "{type(self).__name__}.set_mode", {repr(mode)} is not a '
                             'recognized mode, expect the parameter "mode" is "train" or "eval"')
        self._mode = mode

    def add_value(self, plugin, name, value):
        """Queues `value` under `name` for the next :meth:`record`: plugin ``'scalar'`` (a
        one-element Tensor), ``'tensor'`` or ``'histogram'`` (a Tensor of rank 1 or more); an
        ``'image'`` (rank 4) is checked, then raises, as do MindSpore's other plugins (graph,
        lineage, dataset graph, landscape), which the writer cannot encode. A second value of a
        tag replaces the first, as MindSpore records only the newest."""
        cls = type(self).__name__
        if plugin in ('tensor', 'scalar', 'image', 'histogram'):
            if not name or not isinstance(name, str):
                raise ShapeError(f'For "{cls}", the parameter "name" type should be str, but got {type(name)}.')
            if not isinstance(value, Tensor):
                raise DTypeError(f'For "{cls}", the parameter "value" expect to be Tensor, '
                                 f'but got {type(value).__name__}')
            np_value = _summary_ops.check_value(plugin, value, "SummaryRecord")
        elif plugin not in _NOT_WRITTEN:
            raise ShapeError(f'For "{cls}.add_value", no such "plugin" of {repr(plugin)} , expect value is one '
                             'of [tensor, scalar, image, histogram, train_lineage, eval_lineage, dataset_graph, '
                             'custom_lineage_data, graph, landscape]')
        if plugin not in _WRITTEN:
            raise ShapeError(f'For "{cls}.add_value", the plugin {plugin!r} is not available: the summary '
                             "writer of this package writes scalars, tensors and histograms only (an image "
                             "would need MindSpore's PNG-encoded Summary.Image).")
        pool = self._data_pool[plugin]
        pool[:] = [d for d in pool if d['tag'] != name]
        data = {'tag': name, 'value': np_value}
        if self._export_options is not None and f'{plugin}_format' in self._export_options:
            data['export_option'] = self._export_options.get(f'{plugin}_format')
        pool.append(data)

    def record(self, step, train_network=None, plugin_filter=None):
        """Writes the queued values (and, in ``'train'`` mode, the summary primitives') as the
        event of `step`; nothing is written when none are queued. Returns True, or False (and
        writes nothing) once the record is closed, as MindSpore's.

        Raises:
            TypeError: `step` not an int, `train_network` not a Cell or None.
        """
        from ...nn import Cell
        check = "The type of '{}' should be {}, but got type '{}'."
        if isinstance(step, bool) or not isinstance(step, int):
            raise DTypeError(check.format('step', "'int'", type(step).__name__))
        if train_network is not None and not isinstance(train_network, Cell):
            raise DTypeError(check.format('train_network', "one of '['Cell', 'NoneType']'",
                                          type(train_network).__name__))
        if self._status.get('closed'):
            import warnings
            warnings.warn(f"For '{type(self).__name__}', The record writer is closed, "
                          "please check if close() method is called", RuntimeWarning, stacklevel=2)
            return False
        if self._mode == 'train':
            self._add_summary_tensor_data()
        pool, self._data_pool = self._data_pool, defaultdict(list)
        if plugin_filter:
            pool = {plugin: data for plugin, data in pool.items() if plugin_filter(plugin)}
        self._write(step, pool)
        return True

    def _add_summary_tensor_data(self):
        _record_summary_tensor_data()
        for name, tensor in _get_summary_tensor_data().items():
            tag, plugin = self._parse_from(name)
            if (tag, plugin) == (None, None):
                import warnings
                warnings.warn(f"The name({name!r}) is invalid, expected 'TAG[:TYPE]'.", stacklevel=3)
            else:
                self.add_value(plugin.lower(), tag, tensor)

    def _write(self, step, pool):
        entries = []  # (tag, plugin, value, histogram bucket count or None)
        for plugin, datalist in pool.items():
            for data in datalist:
                value, bins = data['value'], None
                if plugin == 'histogram':
                    finite = np.isfinite(value).sum() if np.issubdtype(value.dtype, np.floating) else value.size
                    bins = _calc_histogram_bins(int(finite))
                    value = Tensor(np.asarray(value, dtype=np.float64))
                elif plugin == 'scalar':
                    value = float(value.reshape(()))
                else:
                    value = Tensor(value)
                    if data.get('export_option') == 'npy':
                        self._export_npy(data['tag'], step, data['value'])
                entries.append((data['tag'], plugin, value, bins))
        if not entries:
            return
        # One event per histogram bucket count (the writer takes one count per event); the other
        # values go with the first.
        counts = list(dict.fromkeys(b for *_, b in entries if b is not None)) or [None]
        for i, bins in enumerate(counts):
            values = [(t, p, v) for t, p, v, b in entries if b == bins or (b is None and i == 0)]
            _C.summary_append(self.file_info['file_path'], time.time(), step=step, values=values,
                              **({'bins': bins} if bins is not None else {}))

    def _export_npy(self, tag, step, np_value):
        path = _make_directory(os.path.join(self._export_dir, 'tensor'))
        np.save(f"{path}/{quote(tag, safe='')}_{int(step)}.npy", np_value)

    def flush(self):
        """Writes buffered data: every event is written when recorded."""
        if self._status.get('closed'):
            import warnings
            warnings.warn(f"For '{type(self).__name__}', the record writer is closed and can not flush, "
                          "please check if close() method is called", RuntimeWarning, stacklevel=2)

    def close(self):
        """Closes the record (values still queued are dropped); another may then be opened."""
        if not self._status.get('closed'):
            atexit.unregister(self.close)
            self._status['closed'] = True
            self._data_pool = defaultdict(list)
            with _instance_lock:
                SummaryRecord.count -= 1

    @staticmethod
    def _parse_from(name=None):
        """``(tag, type)`` of ``'<tag>[:<type>]'``, or ``(None, None)``."""
        if not isinstance(name, str):
            return None, None
        match = re.match(r'(.+)\[:(.+)\]', name)
        return match.groups() if match else (None, None)

"""``mindspore.dataset.config``: the settings of the data pipeline, with MindSpore 2.10's names,
defaults and range checks.

- ``set_seed``/``get_seed``: the seed of every random choice the pipeline makes (shuffling, the
  random vision transforms). ``mindspore.set_seed(s)`` sets it too, as in MindSpore; the default is
  MindSpore's, 5489, which (as in MindSpore) means unseeded: each shuffle and sampler then starts
  from a fresh seed drawn from the OS's entropy, and runs differ. The random transforms draw from
  the pipeline's own generator, restarted by each ``set_seed``, not from the engine's: the rows prepared ahead in the background thread then
  draw the same numbers however the training loop's own random ops (dropout, initializers)
  interleave with them.
- ``set_prefetch_size``/``get_prefetch_size``: how many rows (batches after ``batch``) an
  iterator prepares ahead of the training loop in a background thread (default 16), when its rows
  take longer to make than a switch between threads costs (the first rows are timed).
- ``set_debug_mode``/``get_debug_mode``: in debug mode the pipeline runs in the calling thread,
  row by row, so a breakpoint in a source or a transform stops where it is reached.
- ``set_num_parallel_workers``/``get_num_parallel_workers``: the default worker count of ``map``
  and ``batch`` (default: the machine's cores, at most 8). The pipeline reads its rows in one
  background thread; the count is kept for code that reads it back.
- MindSpore's tuning switches for its C++ pipeline (shared memory, the watchdog thread, autotune,
  NUMA binding, worker processes' start method and timeout, offload, error samples, the iterator
  mode, video backend...): kept with MindSpore 2.10's defaults and checks, for code that sets
  and reads them; this pipeline has no such machinery to tune.
"""
import enum as _enum
import os as _os

import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError

__all__ = ["set_seed", "get_seed", "set_prefetch_size", "get_prefetch_size", "set_debug_mode",
           "get_debug_mode", "set_num_parallel_workers", "get_num_parallel_workers",
           "set_callback_timeout", "get_callback_timeout", "ErrorSamplesMode"]

UINT32_MAX = 2**32 - 1
INT32_MAX = 2**31 - 1

_settings = {
    "seed": 5489,
    "prefetch_size": 16,
    "debug_mode": False,
    "num_parallel_workers": min(_os.cpu_count() or 1, 8),
    # Unseeded (the default seed), the transforms draw from the OS's entropy, as MindSpore's.
    "generator": _np.random.default_rng(),
    "callback_timeout": 60,
}


def _int(op, what, value, lo, hi, lo_open=False):
    if isinstance(value, bool) or not isinstance(value, int):
        raise DTypeError(f"For '{op}', '{what}' must be an int, but got {type(value).__name__}.")
    if value < lo or value > hi or (lo_open and value == lo):
        left = "(" if lo_open else "["
        raise ShapeError(f"For '{op}', '{what}' must be in {left}{lo}, {hi}], but got {value}.")
    return value


def set_seed(seed):
    """Sets the seed of the data pipeline's random choices (shuffles, random transforms).

    Args:
        seed (int): The seed, in [0, 4294967295].

    Raises:
        TypeError: ``seed`` is not an int.
        ValueError: ``seed`` is out of range.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_seed(1000)
        >>> print(ds.config.get_seed())
        1000
    """
    _reseed(_int("set_seed", "seed", seed, 0, UINT32_MAX))


def _reseed(seed):
    """The pipeline's seed set to ``seed`` (any int ``mindspore.set_seed`` takes), and its
    generator restarted from it (from the OS's entropy for the default 5489, which MindSpore
    takes as unseeded)."""
    _settings["seed"] = seed
    _settings["generator"] = _np.random.default_rng(None if seed == 5489 else seed)


def _generator():
    """The generator the random transforms draw from (restarted by every ``set_seed``)."""
    return _settings["generator"]


def _op_seed():
    """The seed a shuffle or sampler starts from, as MindSpore's ``GetSeed()``: the pipeline's
    seed, except that while it is the default 5489 each call draws a fresh one from the OS's
    entropy (so unseeded runs shuffle differently, as MindSpore's do)."""
    seed = _settings["seed"]
    if seed == 5489:
        return int.from_bytes(_os.urandom(4), "little")
    return seed


def get_seed():
    """The data pipeline's seed: the last ``set_seed`` (this module's or ``mindspore.set_seed``),
    else 5489.

    Returns:
        int, the seed.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_seed(7)
        >>> print(ds.config.get_seed())
        7
    """
    return _settings["seed"]


def set_prefetch_size(size):
    """Sets how many rows (batches after ``batch``) an iterator prepares ahead, in a background
    thread, while the training loop works on the current one.

    Args:
        size (int): The number of rows, in (0, 2147483647].

    Raises:
        TypeError: ``size`` is not an int.
        ValueError: ``size`` is out of range.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_prefetch_size(4)
        >>> print(ds.config.get_prefetch_size())
        4
        >>> ds.config.set_prefetch_size(16)
    """
    _settings["prefetch_size"] = _int("set_prefetch_size", "size", size, 0, INT32_MAX, lo_open=True)


def get_prefetch_size():
    """The number of rows an iterator prepares ahead (default 16).

    Returns:
        int, the prefetch size.

    Examples:
        >>> import mindspore.dataset as ds
        >>> print(ds.config.get_prefetch_size())
        16
    """
    return _settings["prefetch_size"]


def set_debug_mode(debug_mode_flag, debug_hook_list=None):
    """Turns debug mode on or off: on, iterators read their rows in the calling thread (no
    prefetching), so errors and breakpoints happen where the row is requested, and every ``map``
    built while it is on runs the debug hooks before its first and after each operation.

    Args:
        debug_mode_flag (bool): Whether to run the pipeline in the calling thread.
        debug_hook_list (list[DebugHook], optional): The hooks (``mindspore.dataset.debug``);
            None: ``[PrintMetaDataHook()]``; an empty list keeps the hooks set before.

    Raises:
        TypeError: ``debug_mode_flag`` is not a bool, or ``debug_hook_list`` not a list of
            ``DebugHook``.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_debug_mode(True)
        >>> print(ds.config.get_debug_mode())
        True
        >>> ds.config.set_debug_mode(False)
    """
    if not isinstance(debug_mode_flag, bool):
        raise DTypeError(f"For 'set_debug_mode', 'debug_mode_flag' must be a bool, but got "
                         f"{type(debug_mode_flag).__name__}.")
    from .debug import DebugHook, PrintMetaDataHook
    if debug_hook_list is None:
        debug_hook_list = [PrintMetaDataHook()]
    if not isinstance(debug_hook_list, list):
        raise DTypeError(f"For 'set_debug_mode', 'debug_hook_list' must be a list, but got "
                         f"{type(debug_hook_list).__name__}.")
    for hook in debug_hook_list:
        if not isinstance(hook, DebugHook):
            raise DTypeError("For 'set_debug_mode', all items in debug_hook_list must be of type "
                             f"DebugHook, but got {type(hook).__name__}.")
    if debug_hook_list:
        _settings["debug_hooks"] = list(debug_hook_list)
    _settings["debug_mode"] = debug_mode_flag


def _debug_hooks():
    """The hooks debug mode puts around each ``map`` operation (none when it is off)."""
    if not _settings["debug_mode"]:
        return []
    if "debug_hooks" not in _settings:
        from .debug import PrintMetaDataHook
        _settings["debug_hooks"] = [PrintMetaDataHook()]
    return _settings["debug_hooks"]


def get_debug_mode():
    """Whether the pipeline runs in the calling thread (default False).

    Returns:
        bool, the debug mode.

    Examples:
        >>> import mindspore.dataset as ds
        >>> print(ds.config.get_debug_mode())
        False
    """
    return _settings["debug_mode"]


def set_num_parallel_workers(num):
    """Sets the default number of workers of ``map`` and ``batch``.

    Args:
        num (int): The number of workers, in (0, 2147483647].

    Raises:
        TypeError: ``num`` is not an int.
        ValueError: ``num`` is out of range.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_num_parallel_workers(2)
        >>> print(ds.config.get_num_parallel_workers())
        2
    """
    _settings["num_parallel_workers"] = _int("set_num_parallel_workers", "num", num, 0, INT32_MAX,
                                             lo_open=True)


def get_num_parallel_workers():
    """The default number of workers of ``map`` and ``batch``.

    Returns:
        int, the number of workers.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.get_num_parallel_workers() >= 1
        True
    """
    return _settings["num_parallel_workers"]


def set_callback_timeout(timeout):
    """Sets how many seconds a ``WaitedDSCallback`` waits for the training step (or epoch) it is
    synchronised with before it raises.

    Args:
        timeout (int): Seconds, in (0, 2147483647].

    Raises:
        TypeError: ``timeout`` is not an int.
        ValueError: ``timeout`` is out of range.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_callback_timeout(100)
        >>> print(ds.config.get_callback_timeout())
        100
        >>> ds.config.set_callback_timeout(60)
    """
    _settings["callback_timeout"] = _int("set_callback_timeout", "timeout", timeout, 0, INT32_MAX,
                                         lo_open=True)


def get_callback_timeout():
    """How many seconds a ``WaitedDSCallback`` waits (60 by default).

    Returns:
        int, seconds.

    Examples:
        >>> import mindspore.dataset as ds
        >>> print(ds.config.get_callback_timeout())
        60
    """
    return _settings["callback_timeout"]


class ErrorSamplesMode(_enum.IntEnum):
    """What the pipeline does with a sample that fails (``set_error_samples_mode``): raise
    (``RETURN``), replace it by another (``REPLACE``) or skip it (``SKIP``)."""
    RETURN = 0
    REPLACE = 1
    SKIP = 2


# MindSpore 2.10's tuning switches: (default, the check of a new value) per setting.
def _flag(message):
    def check(value):
        if not isinstance(value, bool):
            raise DTypeError(message)
        return value
    return check


def _interval(lo_open):
    def check(value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise DTypeError("interval must be of type int.")
        if value < 0 or (lo_open and value == 0) or value > INT32_MAX:
            raise ShapeError(f"Interval given is not within the required range "
                             f"{'(' if lo_open else '['}0, INT32_MAX(2147483647)].")
        return value
    return check


def _choice(what, valid):
    def check(value):
        if value not in valid:
            raise ShapeError(f"Input {what} is not within the valid set of {list(valid)}.")
        return value
    return check


def _error_samples_mode(value):
    if not isinstance(value, ErrorSamplesMode):
        raise DTypeError(f"Argument error_samples_mode with value {value} is not of type "
                         f"[<enum 'ErrorSamplesMode'>], but got {type(value)}.")
    return value


def _timeout_interval(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise DTypeError("interval isn't of type int.")
    if not 0 < value <= INT32_MAX:
        raise ShapeError("Interval given is not within the required range (0, "
                         "INT32_MAX(2147483647)).")
    return value


def _batch_num(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise DTypeError("batch_num must be an int dtype.")
    return value


_SWITCHES = {
    "auto_num_workers": (False, _flag("enable must be of type bool.")),
    "auto_offload": (False, _flag("offload must be a bool dtype")),
    "autotune_interval": (0, _interval(False)),
    "dynamic_shape": (False, _flag("is_dynamic must be a boolean dtype.")),
    "enable_shared_mem": (True, _flag("enable must be of type bool.")),
    "enable_watchdog": (True, _flag("enable must be a boolean dtype.")),
    "error_samples_mode": (ErrorSamplesMode.RETURN, _error_samples_mode),
    "fast_recovery": (True, _flag("fast_recovery must be a boolean dtype.")),
    "monitor_sampling_interval": (1000, _interval(True)),
    "multiprocessing_start_method": ("fork", _choice("start_method", ("fork", "spawn"))),
    "multiprocessing_timeout_interval": (300, _timeout_interval),
    "numa_enable": (False, _flag("numa_enable must be a boolean dtype.")),
    "video_backend": ("CPU", _choice("backend", ("CPU", "Ascend"))),
    "sending_batches": (0, _batch_num),
}
_settings.update({name: default for name, (default, _) in _SWITCHES.items()})
_settings["enable_autotune"] = False
_settings["iterator_mode"] = {"do_copy": False, "parallel_convert": False}


def _set(name, value):
    _settings[name] = _SWITCHES[name][1](value)


def set_auto_num_workers(enable):
    """Sets whether MindSpore picks the worker counts itself (kept: this pipeline has no such machinery).

    Args:
        enable (bool): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("auto_num_workers", enable)


def get_auto_num_workers():
    """Whether MindSpore picks the worker counts itself, as last set.

    Returns:
        bool, MindSpore's default until set.
    """
    return _settings["auto_num_workers"]

def set_auto_offload(offload):
    """Sets whether data operations are offloaded to the device (kept: this pipeline has no such machinery).

    Args:
        offload (bool): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("auto_offload", offload)


def get_auto_offload():
    """Whether data operations are offloaded to the device, as last set.

    Returns:
        bool, MindSpore's default until set.
    """
    return _settings["auto_offload"]

def set_autotune_interval(interval):
    """Sets the steps between autotune's adjustments (kept: this pipeline has no such machinery).

    Args:
        interval (int): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("autotune_interval", interval)


def get_autotune_interval():
    """The steps between autotune's adjustments, as last set.

    Returns:
        int, MindSpore's default until set.
    """
    return _settings["autotune_interval"]

def set_dynamic_shape(is_dynamic):
    """Sets whether the dataset's shapes vary (kept: this pipeline has no such machinery).

    Args:
        is_dynamic (bool): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("dynamic_shape", is_dynamic)


def get_dynamic_shape():
    """Whether the dataset's shapes vary, as last set.

    Returns:
        bool, MindSpore's default until set.
    """
    return _settings["dynamic_shape"]

def set_enable_shared_mem(enable):
    """Sets whether worker processes pass rows in shared memory (kept: this pipeline has no such machinery).

    Args:
        enable (bool): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("enable_shared_mem", enable)


def get_enable_shared_mem():
    """Whether worker processes pass rows in shared memory, as last set.

    Returns:
        bool, MindSpore's default until set.
    """
    return _settings["enable_shared_mem"]

def set_enable_watchdog(enable):
    """Sets whether a watchdog thread watches the worker processes (kept: this pipeline has no such machinery).

    Args:
        enable (bool): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("enable_watchdog", enable)


def get_enable_watchdog():
    """Whether a watchdog thread watches the worker processes, as last set.

    Returns:
        bool, MindSpore's default until set.
    """
    return _settings["enable_watchdog"]

def set_error_samples_mode(error_samples_mode):
    """Sets what happens to a sample that fails (kept: this pipeline has no such machinery).

    Args:
        error_samples_mode (ErrorSamplesMode): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("error_samples_mode", error_samples_mode)


def get_error_samples_mode():
    """What happens to a sample that fails, as last set.

    Returns:
        ErrorSamplesMode, MindSpore's default until set.
    """
    return _settings["error_samples_mode"]

def set_fast_recovery(fast_recovery):
    """Sets whether a restored pipeline skips its random transforms (kept: this pipeline has no such machinery).

    Args:
        fast_recovery (bool): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("fast_recovery", fast_recovery)


def get_fast_recovery():
    """Whether a restored pipeline skips its random transforms, as last set.

    Returns:
        bool, MindSpore's default until set.
    """
    return _settings["fast_recovery"]

def set_monitor_sampling_interval(interval):
    """Sets the profiler's sampling interval in milliseconds (kept: this pipeline has no such machinery).

    Args:
        interval (int): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("monitor_sampling_interval", interval)


def get_monitor_sampling_interval():
    """The profiler's sampling interval in milliseconds, as last set.

    Returns:
        int, MindSpore's default until set.
    """
    return _settings["monitor_sampling_interval"]

def set_multiprocessing_start_method(start_method="fork"):
    """Sets how worker processes start (``'fork'`` or ``'spawn'``) (kept: this pipeline has no such machinery).

    Args:
        start_method (str): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("multiprocessing_start_method", start_method)


def get_multiprocessing_start_method():
    """How worker processes start (``'fork'`` or ``'spawn'``), as last set.

    Returns:
        str, MindSpore's default until set.
    """
    return _settings["multiprocessing_start_method"]

def set_multiprocessing_timeout_interval(interval):
    """Sets the seconds a worker process may take before a warning (kept: this pipeline has no such machinery).

    Args:
        interval (int): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("multiprocessing_timeout_interval", interval)


def get_multiprocessing_timeout_interval():
    """The seconds a worker process may take before a warning, as last set.

    Returns:
        int, MindSpore's default until set.
    """
    return _settings["multiprocessing_timeout_interval"]

def set_numa_enable(numa_enable):
    """Sets whether workers are bound to NUMA nodes (kept: this pipeline has no such machinery).

    Args:
        numa_enable (bool): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("numa_enable", numa_enable)


def get_numa_enable():
    """Whether workers are bound to NUMA nodes, as last set.

    Returns:
        bool, MindSpore's default until set.
    """
    return _settings["numa_enable"]

def set_video_backend(backend):
    """Sets the backend that decodes video (``'CPU'`` or ``'Ascend'``) (kept: this pipeline has no such machinery).

    Args:
        backend (str): The new value.

    Raises:
        TypeError, ValueError: MindSpore 2.10's, for a value of a wrong type or range.
    """
    _set("video_backend", backend)


def get_video_backend():
    """The backend that decodes video (``'CPU'`` or ``'Ascend'``), as last set.

    Returns:
        str, MindSpore's default until set.
    """
    return _settings["video_backend"]

def set_sending_batches(batch_num):
    """Sets how many batches a device sink sends (kept: no device sink here).

    Args:
        batch_num (int): The number of batches.

    Raises:
        TypeError: ``batch_num`` is not an int.
    """
    _set("sending_batches", batch_num)


def set_enable_autotune(enable, filepath_prefix=None):
    """Turns MindSpore's autotune of the pipeline on or off (kept: this pipeline has no autotune).

    Args:
        enable (bool): Whether to tune.
        filepath_prefix (str, optional): Where MindSpore would write the tuned configuration.

    Raises:
        TypeError: ``enable`` is not a bool.
    """
    _settings["enable_autotune"] = _flag("enable must be of type bool.")(enable)
    del filepath_prefix


def get_enable_autotune():
    """Whether autotune is on, as last set (default False).

    Returns:
        bool.
    """
    return _settings["enable_autotune"]


def set_iterator_mode(do_copy=False, parallel_convert=False):
    """Sets how iterators hand rows over (MindSpore's ``do_copy`` and ``parallel_convert``; kept).

    Args:
        do_copy (bool): Whether rows are copied into new tensors. Default: ``False``.
        parallel_convert (bool): Whether rows are converted in parallel. Default: ``False``.

    Raises:
        TypeError: an argument is not a bool.
    """
    for what, value in (("do_copy", do_copy), ("parallel_convert", parallel_convert)):
        if not isinstance(value, bool):
            raise DTypeError(f"Argument {what} with value {value} is not of type [<class "
                             f"'bool'>], but got {type(value)}.")
    _settings["iterator_mode"] = {"do_copy": do_copy, "parallel_convert": parallel_convert}


def get_iterator_mode():
    """The iterator mode, as last set (default ``{'do_copy': False, 'parallel_convert': False}``).

    Returns:
        dict.
    """
    return dict(_settings["iterator_mode"])


__all__ += ["set_auto_num_workers", "get_auto_num_workers", "set_auto_offload",
            "get_auto_offload", "set_autotune_interval", "get_autotune_interval",
            "set_dynamic_shape", "get_dynamic_shape", "set_enable_shared_mem",
            "get_enable_shared_mem", "set_enable_watchdog", "get_enable_watchdog",
            "set_error_samples_mode", "get_error_samples_mode", "set_fast_recovery",
            "get_fast_recovery", "set_monitor_sampling_interval", "get_monitor_sampling_interval",
            "set_multiprocessing_start_method", "get_multiprocessing_start_method",
            "set_multiprocessing_timeout_interval", "get_multiprocessing_timeout_interval",
            "set_numa_enable", "get_numa_enable", "set_video_backend", "get_video_backend",
            "set_sending_batches", "set_enable_autotune", "get_enable_autotune",
            "set_iterator_mode", "get_iterator_mode"]


# The keys of a configuration file ``load`` reads, as MindSpore 2.10 does (measured), and the
# setting each one sets.
_FILE_KEYS = {"seed": "seed", "numParallelWorkers": "num_parallel_workers",
              "monitorSamplingInterval": "monitor_sampling_interval",
              "opConnectorSize": "prefetch_size"}


def load(file):
    """Loads settings from a JSON configuration file, as MindSpore's: ``seed``,
    ``numParallelWorkers``, ``monitorSamplingInterval`` and ``opConnectorSize`` (the prefetch
    size) are read, other keys are ignored.

    Args:
        file (str): The file's path.

    Raises:
        TypeError: ``file`` is not a str.
        RuntimeError: the file cannot be read or is not JSON.

    Examples:
        >>> import json, os, tempfile
        >>> import mindspore.dataset as ds
        >>> path = os.path.join(tempfile.mkdtemp(), "config.json")
        >>> with open(path, "w") as f:
        ...     json.dump({"seed": 1234, "numParallelWorkers": 2}, f)
        >>> ds.config.load(path)
        >>> print(ds.config.get_seed(), ds.config.get_num_parallel_workers())
        1234 2
    """
    import json

    if not isinstance(file, str):
        raise DTypeError(f"For 'load', 'file' must be a str, but got {type(file).__name__}.")
    try:
        with open(file, encoding="utf-8") as f:
            values = json.load(f)
    except (OSError, ValueError) as e:
        raise ComputeError(f"For 'load', the configuration file {file} failed to load: "
                           f"{e}") from None
    if not isinstance(values, dict):
        raise ComputeError(f"For 'load', the configuration file {file} is not a JSON object.")
    setters = {"seed": set_seed, "num_parallel_workers": set_num_parallel_workers,
               "monitor_sampling_interval": set_monitor_sampling_interval,
               "prefetch_size": set_prefetch_size}
    for key, name in _FILE_KEYS.items():
        if key in values:
            setters[name](values[key])


__all__ += ["load"]

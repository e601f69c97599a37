"""``mindspore.runtime`` (MindSpore 2.5+): the device's streams and events (``_streams``: the one
CPU stream, always done; events that time the work between two records), ``synchronize``, the
memory statistics of the engine's allocator (``hal``'s, without a device argument), and
``launch_blocking`` and ``set_cpu_affinity``.

Left out: the Ascend knobs (``set_device_limit``, the stream core limits, kernel launch groups
and capture, ``memory_replay``) and the pluggable allocators (``MemPool``, ``PluggableAllocator``,
``use_mem_pool``), which this engine's allocator does not take."""
import os

from . import hal as _hal
from ._device_api import (empty_cache, max_memory_allocated, max_memory_reserved,  # noqa: F401
                          memory_allocated, memory_reserved, reset_peak_memory_stats)
from ._errors import DTypeError, ShapeError
from ._streams import (Event, Stream, StreamCtx, communication_stream, current_stream,  # noqa: F401
                       default_stream, set_cur_stream, synchronize)

__all__ = ["Event", "Stream", "StreamCtx", "communication_stream", "current_stream", "default_stream",
           "set_cur_stream", "synchronize", "empty_cache", "memory_allocated", "max_memory_allocated",
           "memory_reserved", "max_memory_reserved", "memory_stats", "memory_summary",
           "reset_peak_memory_stats", "reset_max_memory_allocated", "reset_max_memory_reserved",
           "launch_blocking", "set_cpu_affinity"]


def memory_stats():
    """The allocator's statistics (``hal.memory_stats``).

    Returns:
        dict, names to bytes (or counts).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.runtime.memory_stats()["total_allocated_memory"] >= 0)
        True
    """
    return _hal.memory_stats()


def memory_summary():
    """The allocator's statistics as a table (``hal.memory_summary``).

    Returns:
        str.

    Examples:
        >>> import mindspore as ms
        >>> print("Memory summary" in ms.runtime.memory_summary())
        True
    """
    return _hal.memory_summary()


def reset_max_memory_allocated():
    """Restarts the peak of the allocated bytes (``hal.reset_max_memory_allocated``).

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.reset_max_memory_allocated()
        >>> print(ms.runtime.max_memory_allocated() == ms.runtime.memory_allocated())
        True
    """
    _hal.reset_max_memory_allocated()


def reset_max_memory_reserved():
    """Restarts the peak of the reserved bytes (``hal.reset_max_memory_reserved``).

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.reset_max_memory_reserved()
        >>> print(ms.runtime.max_memory_reserved() == ms.runtime.memory_reserved())
        True
    """
    _hal.reset_max_memory_reserved()


def launch_blocking():
    """Makes every op finish before its call returns: what this engine always does (there is no
    launch queue to turn off).

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.launch_blocking()
    """
    return None


def set_cpu_affinity(enable_affinity, affinity_cpu_list=None, module_to_cpu_dict=None, bind_file=None):
    """Binds this process to CPU cores: with `enable_affinity`, to the cores of
    `affinity_cpu_list` (e.g. ``["0-3", "8"]``; all the cores it may use when None), without, to
    every core again. (MindSpore binds its own runtime threads per module; this engine's threads
    are the process's, so `module_to_cpu_dict` must be None, as must `bind_file`.)

    Args:
        enable_affinity (bool): Bind (True) or unbind.
        affinity_cpu_list (list[str], optional): Cores and ranges of cores. Default: ``None``.
        module_to_cpu_dict (dict, optional): Not supported (must be None). Default: ``None``.
        bind_file (str, optional): Not supported (must be None). Default: ``None``.

    Returns:
        None.

    Raises:
        TypeError: `enable_affinity` not a bool, or `affinity_cpu_list` not a list of strs.
        ValueError: a malformed or unavailable core, or an unsupported option given.

    Examples:
        >>> import os
        >>> import mindspore as ms
        >>> cores = sorted(os.sched_getaffinity(0))
        >>> ms.runtime.set_cpu_affinity(True, [str(cores[0])])
        >>> print(os.sched_getaffinity(0) == {cores[0]})
        True
        >>> ms.runtime.set_cpu_affinity(False)
        >>> print(sorted(os.sched_getaffinity(0)) == list(range(os.cpu_count())))
        True
    """
    if not isinstance(enable_affinity, bool):
        raise DTypeError(f"For 'set_cpu_affinity', 'enable_affinity' must be a bool, but got "
                         f"{type(enable_affinity).__name__}.")
    if module_to_cpu_dict is not None or bind_file is not None:
        raise ShapeError("For 'set_cpu_affinity', 'module_to_cpu_dict' and 'bind_file' are not "
                         "supported: this engine's threads are the process's.")
    everything = set(range(os.cpu_count() or 1))
    if not enable_affinity:
        os.sched_setaffinity(0, everything)
        return
    if affinity_cpu_list is None:
        return
    if not isinstance(affinity_cpu_list, list) or not all(isinstance(c, str) for c in affinity_cpu_list):
        raise DTypeError(f"For 'set_cpu_affinity', 'affinity_cpu_list' must be a list of str, but got "
                         f"{affinity_cpu_list!r}.")
    cores = set()
    for item in affinity_cpu_list:
        lo, _, hi = item.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()) or (hi and int(hi) < int(lo)):
            raise ShapeError(f"For 'set_cpu_affinity', {item!r} is not a core or a range 'a-b'.")
        cores.update(range(int(lo), int(hi or lo) + 1))
    if not cores or not cores <= everything:
        raise ShapeError(f"For 'set_cpu_affinity', the cores {sorted(cores)} are not all among the "
                         f"{len(everything)} of this machine.")
    os.sched_setaffinity(0, cores)

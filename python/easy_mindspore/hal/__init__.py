"""``mindspore.hal``: the device's memory statistics, from the engine's CPU allocator.

MindSpore 2.10 answers 0 (and an empty ``memory_stats`` dict) on the CPU, whose memory its pool
does not manage. Ours does: *allocated* is the bytes held by live tensors (and the engine's values
such as parameters and optimizer states), *reserved* adds the idle buffers the allocator keeps
for reuse, and the ``max_*`` values are the peaks since the start or the last
``reset_peak_memory_stats``. ``empty_cache`` gives the idle buffers back to the system. Memory a
tensor shares with NumPy or DLPack without a copy is the other library's and is not counted.
``device_target`` is ``None`` or ``'CPU'``: other devices are not available (ValueError, as
MindSpore's CPU build says)."""
from .. import _C
from .._errors import DTypeError, ShapeError
from .._streams import (Event, Stream, StreamCtx, communication_stream, current_stream,  # noqa: F401
                        default_stream, set_cur_stream, synchronize)

__all__ = ["memory_allocated", "max_memory_allocated", "memory_reserved", "max_memory_reserved",
           "memory_stats", "memory_summary", "reset_peak_memory_stats",
           "reset_max_memory_allocated", "reset_max_memory_reserved", "empty_cache",
           "is_available", "device_count", "Event", "Stream", "StreamCtx", "communication_stream",
           "current_stream", "default_stream", "set_cur_stream", "synchronize", "is_initialized",
           "get_device_name", "get_device_properties", "get_device_capability", "get_arch_list"]


def _check_target(device_target):
    if device_target is None:
        return
    if not isinstance(device_target, str):
        raise DTypeError(f"The argument 'device_target' must be str, but got {device_target}, "
                         f"type is {type(device_target)}.")
    if device_target not in ("CPU", "GPU", "Ascend"):
        raise ShapeError(f"The argument 'device_target' must be one of ['CPU', 'GPU', 'Ascend'], "
                         f"but got {device_target}.")
    if device_target != "CPU":
        raise ShapeError(f"{device_target} backend is not available for this MindSpore package. "
                         "You can call hal.is_available to check the reason.")


def _stats(device_target):
    _check_target(device_target)
    return _C.cpu_memory_stats()


def memory_allocated(device_target=None):
    """Returns the bytes held by live tensors on the device.

    Args:
        device_target (str, optional): ``'CPU'`` (the only device here). Default: ``None``
            (the current device).

    Returns:
        int, bytes.

    Examples:
        >>> import numpy as np
        >>> import easy_mindspore as ms
        >>> before = ms.hal.memory_allocated()
        >>> x = ms.Tensor(np.ones((1024, 1024), np.float32))
        >>> ms.hal.memory_allocated() - before >= 4 * 1024 * 1024
        True
    """
    return _stats(device_target)["allocated"]


def max_memory_allocated(device_target=None):
    """Returns the peak of :func:`memory_allocated` since the start or the last reset.

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        int, bytes.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.max_memory_allocated() >= ms.hal.memory_allocated()
        True
    """
    return _stats(device_target)["peak_allocated"]


def memory_reserved(device_target=None):
    """Returns the bytes the allocator holds: those of live tensors plus its idle buffers kept
    for reuse.

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        int, bytes.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.memory_reserved() >= ms.hal.memory_allocated()
        True
    """
    return _stats(device_target)["reserved"]


def max_memory_reserved(device_target=None):
    """Returns the peak of :func:`memory_reserved` since the start or the last reset.

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        int, bytes.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.max_memory_reserved() >= ms.hal.memory_reserved()
        True
    """
    return _stats(device_target)["peak_reserved"]


def memory_stats(device_target=None):
    """Returns the allocator's statistics with MindSpore's keys: ``total_reserved_memory``,
    ``total_allocated_memory``, ``total_idle_memory``, ``total_eager_free_memory`` (0: no eager
    free list here), ``max_reserved_memory`` and ``max_allocated_memory``, in bytes.

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        dict.

    Examples:
        >>> import easy_mindspore as ms
        >>> sorted(ms.hal.memory_stats())[:2]
        ['max_allocated_memory', 'max_reserved_memory']
    """
    s = _stats(device_target)
    return {
        "total_reserved_memory": s["reserved"],
        "total_allocated_memory": s["allocated"],
        "total_idle_memory": s["idle"],
        "total_eager_free_memory": 0,
        "max_reserved_memory": s["peak_reserved"],
        "max_allocated_memory": s["peak_allocated"],
    }


def _size(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "B" else f"{n:.2f} {unit}"
        n /= 1024
    return f"{n} B"  # pragma: no cover - the loop returns


def memory_summary(device_target=None):
    """Returns :func:`memory_stats` as the table MindSpore prints.

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        str.

    Examples:
        >>> import easy_mindspore as ms
        >>> "Allocated memory" in ms.hal.memory_summary()
        True
    """
    s = memory_stats(device_target)
    rows = [("Reserved memory", s["total_reserved_memory"]),
            ("Allocated memory", s["total_allocated_memory"]),
            ("Idle memory", s["total_idle_memory"]),
            ("Eager free memory", s["total_eager_free_memory"]),
            ("Max reserved memory", s["max_reserved_memory"]),
            ("Max allocated memory", s["max_allocated_memory"])]
    line, sep = "|" + "=" * 45 + "|", "|" + "-" * 45 + "|"
    out = [line, "|" + "Memory summary".center(45) + "|", line,
           f"| {'Metric':<20} | {'Data':<20} |"]
    for name, value in rows:
        out += [sep, f"| {name:<20} | {_size(value):>8}{'':<12} |"]
    out.append(line)
    return "\n".join(out) + "\n"


def reset_peak_memory_stats(device_target=None):
    """Restarts the peaks (``max_memory_allocated``, ``max_memory_reserved``) from the current
    values.

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        None.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.reset_peak_memory_stats()
        >>> ms.hal.max_memory_allocated() >= ms.hal.memory_allocated()
        True
    """
    _check_target(device_target)
    _C.cpu_reset_peak_memory_stats()


def reset_max_memory_allocated(device_target=None):
    """Restarts the peaks, as :func:`reset_peak_memory_stats` (MindSpore resets both here too).

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        None.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.reset_max_memory_allocated()
    """
    reset_peak_memory_stats(device_target)


def reset_max_memory_reserved(device_target=None):
    """Restarts the peaks, as :func:`reset_peak_memory_stats`.

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        None.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.reset_max_memory_reserved()
    """
    reset_peak_memory_stats(device_target)


def empty_cache():
    """Gives the allocator's idle buffers back to the system (live tensors keep their memory).

    Returns:
        None.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.empty_cache()
        >>> ms.hal.memory_reserved() == ms.hal.memory_allocated()
        True
    """
    _C.cpu_empty_cache()


def is_available(device_target):
    """Returns whether ``device_target`` can be used: True for ``'CPU'`` only.

    Args:
        device_target (str): ``'CPU'``, ``'GPU'`` or ``'Ascend'``.

    Returns:
        bool.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.is_available("CPU"), ms.hal.is_available("GPU")
        (True, False)
    """
    if device_target not in ("CPU", "GPU", "Ascend"):
        raise ShapeError(f"The argument 'device_target' must be one of ['CPU', 'GPU', 'Ascend'], "
                         f"but got {device_target}.")
    return device_target == "CPU"


def device_count(device_target=None):
    """Returns the number of devices of ``device_target``: 1 CPU.

    Args:
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        int.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.device_count()
        1
    """
    _check_target(device_target)
    return 1


def is_initialized(device_target):
    """Whether the device's runtime is initialised: the CPU's always is.

    Args:
        device_target (str): ``'CPU'``, ``'GPU'`` or ``'Ascend'``.

    Returns:
        bool.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.is_initialized("CPU")
        True
    """
    return is_available(device_target)


def _device(op, device_id, device_target):
    _check_target(device_target)
    if isinstance(device_id, bool) or not isinstance(device_id, int):
        raise DTypeError(f"For '{op}', 'device_id' must be an int, but got {type(device_id).__name__}.")
    if device_id != 0:
        raise ShapeError(f"For '{op}', 'device_id' must be 0 (one CPU device), but got {device_id}.")


def get_device_name(device_id, device_target=None):
    """The name of the device: ``'CPU'``.

    Args:
        device_id (int): 0.
        device_target (str, optional): ``'CPU'``. Default: ``None``.

    Returns:
        str.

    Examples:
        >>> import easy_mindspore as ms
        >>> ms.hal.get_device_name(0)
        'CPU'
    """
    _device("get_device_name", device_id, device_target)
    return "CPU"


_ID_ARGS = ("        device_id (int): 0.\n        device_target (str, optional): ``'CPU'``. Default: "
            "``None``.\n")
_NONE_ON_CPU = """The {what}: None for the CPU (as MindSpore's CPU build).

    Args:
{args}
    Returns:
        None.

    Examples:
        >>> import easy_mindspore as ms
        >>> print(ms.hal.{name}({call}))
        None
    """


def get_device_properties(device_id, device_target=None):  # its docstring: below
    _device("get_device_properties", device_id, device_target)


def get_device_capability(device_id, device_target=None):  # its docstring: below
    _device("get_device_capability", device_id, device_target)


def get_arch_list(device_target=None):  # its docstring: below
    _check_target(device_target)


for _fn, _what, _args, _call in (
        (get_device_properties, "accelerator properties of the device", _ID_ARGS, "0"),
        (get_device_capability, "compute capability of an accelerator", _ID_ARGS, "0"),
        (get_arch_list, "accelerator architectures the package was built for",
         "        device_target (str, optional): ``'CPU'``. Default: ``None``.\n", "")):
    _fn.__doc__ = _NONE_ON_CPU.format(what=_what, args=_args, name=_fn.__name__, call=_call)

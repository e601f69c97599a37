"""The runtime settings of ``mindspore.runtime`` that MindSpore 2.10 also has at the top level:
``set_memory``, ``dispatch_threads_num``, ``set_kernel_launch_group`` and
``set_kernel_launch_capture`` (each checked, and set once where MindSpore allows it once), and the
Ascend core limits of devices and streams (``set_device_limit``, ``set_stream_limit``,
``StreamLimitCtx``...), kept and read back.

This engine's allocator, dispatcher and kernels take none of these settings (the CPU has no cube
or vector cores): they are stored, as MindSpore's CPU build stores them, and
``set_memory(optimize_level=...)`` sets the context's ``memory_optimize_level``."""
import re

from . import _bind_errors as _bind
from ._errors import ComputeError, DTypeError
from ._streams import Stream

__all__ = ["set_memory", "dispatch_threads_num", "set_kernel_launch_group",
           "set_kernel_launch_capture", "set_device_limit", "get_device_limit", "set_stream_limit",
           "get_stream_limit", "reset_stream_limit", "StreamLimitCtx"]

_once = {"set_memory": False, "dispatch_threads_num": False, "kernel_launch_group": False}
_conf = {"memory": None, "dispatch_threads_num": 5, "kernel_launch_group": None,
         "kernel_launch_capture": (False, [])}
_SIZE = r"[1-9][0-9]*(\.)?[0-9]*GB|0\.[0-9]*GB"
_RESERVE = r"[0-9][0-9]*(\.)?[0-9]*GB|0\.[0-9]*GB"
_RUNTIME = _bind.Native("RuntimeConf")


def _check_types(args, types):
    for (name, value), wanted in zip(args, types):
        if value is not None and not isinstance(value, wanted):
            raise DTypeError(f"The parameter '{name}' must be {wanted}, but got {type(value)}")


def _set_once(key, label):
    if _once[key]:
        raise ComputeError(f"The '{label}' can not be set repeatedly.")


def set_memory(init_size="2GB", increase_size="2GB", max_size="1024GB", optimize_level="O0",
               huge_page_reserve_size="0GB"):
    """Sets the device memory pool's sizes and the memory optimize level, once per process.
    This engine's CPU allocator takes no pool sizes: they are checked and kept as MindSpore
    2.10's CPU build keeps them, and `optimize_level` sets the context's
    ``memory_optimize_level`` (``get_context`` reads 0 or 1).

    Args:
        init_size (str): The pool's first size, ``"<n>GB"``. Default: ``"2GB"``.
        increase_size (str): How much the pool grows by. Default: ``"2GB"``.
        max_size (str): The pool's largest size. Default: ``"1024GB"``.
        optimize_level (str): ``"O0"`` or ``"O1"``. Default: ``"O0"``.
        huge_page_reserve_size (str): Huge-page memory to reserve (may be ``"0GB"``).
            Default: ``"0GB"``.

    Raises:
        TypeError: An argument that is not a str.
        ValueError: A size not of the form ``"<n>GB"``, or another optimize level.
        RuntimeError: A second successful call.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.set_memory("10GB", "2GB", "60GB", "O1", "0GB")
        >>> print(ms.get_context("memory_optimize_level"))
        1
    """
    args = (("init_size", init_size), ("increase_size", increase_size), ("max_size", max_size),
            ("optimize_level", optimize_level), ("huge_page_reserve_size", huge_page_reserve_size))
    _check_types(args, (str,) * 5)
    _set_once("set_memory", "set_memory")
    sizes = [init_size, increase_size, max_size, huge_page_reserve_size]
    for value, pattern in zip(sizes, (_SIZE, _SIZE, _SIZE, _RESERVE)):
        if not isinstance(value, str):
            raise DTypeError(f"expected string or bytes-like object, got '{type(value).__name__}'")
        if re.match(pattern, value, flags=re.ASCII) is None:
            raise ValueError(f"The '{value}' is illegal, it must be match regular'{pattern}' by "
                             "flags're.ASCII.'")
    gigabytes = [float(v[:-2]) for v in sizes]
    if optimize_level not in ("O0", "O1"):
        raise ValueError(f"The optimize_level must be one of ['O0', 'O1'], but got {optimize_level}.")
    from . import context
    context._context_settings["memory_optimize_level"] = int(optimize_level[1])
    _conf["memory"] = dict(zip(("init_size", "increase_size", "max_size", "huge_page_reserve_size"),
                               gigabytes), optimize_level=optimize_level)
    _once["set_memory"] = True


def dispatch_threads_num(threads_num):
    """Sets the number of threads that dispatch operators, once per process (MindSpore's
    default is 5). This engine runs each operator in the calling thread: the number is checked
    and kept.

    Args:
        threads_num (int): The number of threads, > 0.

    Raises:
        TypeError: `threads_num` is not an int (or is a bool).
        ValueError: `threads_num` <= 0.
        RuntimeError: A second successful call.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.dispatch_threads_num(6)
    """
    _check_types((("threads_num", threads_num),), (int,))
    if isinstance(threads_num, bool) or threads_num <= 0:
        cls = DTypeError if isinstance(threads_num, bool) else ValueError
        raise cls(f"The 'threads_num' must be int and must > 0, but got '{threads_num}' with type "
                  f"'{type(threads_num).__name__}'.")
    _set_once("dispatch_threads_num", "dispatch_threads_num")
    _conf["dispatch_threads_num"] = threads_num
    _once["dispatch_threads_num"] = True


def set_kernel_launch_group(thread_num=2, kernel_group_num=8):
    """Sets the parallel dispatch of operator groups (``kernel_group_num`` groups over
    ``thread_num`` threads), once per process; it cannot be combined with kernel launch
    capture. This engine dispatches in the calling thread: the setting is checked and kept.

    Args:
        thread_num (int, optional): Threads, >= 1. Default: ``2``.
        kernel_group_num (int, optional): Groups, >= 1 and a multiple of `thread_num`.
            Default: ``8``.

    Raises:
        TypeError: An argument that is not an int.
        ValueError: A value out of range or not divisible.
        RuntimeError: A second successful call, or capture enabled.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.set_kernel_launch_group(thread_num=2, kernel_group_num=8)
    """
    _check_types((("thread_num", thread_num), ("kernel_group_num", kernel_group_num)), (int, int))
    _set_once("kernel_launch_group", "kernel_launch_group")
    if _conf["kernel_launch_capture"][0]:
        raise ComputeError("The kernel launch group and kernel launch capture can not be set together")
    for name, value in (("thread_num", thread_num), ("kernel_group_num", kernel_group_num)):
        if value < 1:
            raise ValueError(f"The value of {name} should be at least 1, but got {value}")
    if kernel_group_num % thread_num:
        raise ValueError(f"Invalid parameter value, kernel_group_num: {kernel_group_num} cannot be "
                         f"evenly divisible by thread_num: {thread_num}")
    _conf["kernel_launch_group"] = (thread_num, kernel_group_num)
    _once["kernel_launch_group"] = True


def set_kernel_launch_capture(enable_capture_graph, op_capture_skip=None):
    """Turns the capture of operator dispatch into a graph on or off (MindSpore's O0/O1
    inference); not with a kernel launch group. This engine does not capture: the setting is
    checked and kept.

    Args:
        enable_capture_graph (bool): Whether to capture.
        op_capture_skip (list[str], optional): Operators not to capture. Default: ``None``.

    Raises:
        TypeError: `enable_capture_graph` is not a bool, or `op_capture_skip` not a list of str.
        RuntimeError: A kernel launch group is set.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.set_kernel_launch_capture(False, ["matmul", "addn"])
    """
    _check_types((("enable_capture_graph", enable_capture_graph),), (bool,))
    skip = [] if op_capture_skip is None else op_capture_skip
    if not isinstance(skip, list):
        raise DTypeError("op_capture_skip must be a list")
    if _conf["kernel_launch_group"] is not None:
        raise ComputeError("The kernel launch group and kernel launch capture can not be set together")
    if not all(isinstance(s, str) for s in skip):
        raise _bind.incompatible("set_kernel_launch_capture", "self: mindspore._c_expression."
                                 "RuntimeConf, arg0: bool, arg1: list[str]",
                                 (_RUNTIME, enable_capture_graph, skip))
    _conf["kernel_launch_capture"] = (bool(enable_capture_graph), list(skip))


_device_limits = {}
_stream_limits = {}


def _limit_args(func, head, first, cube_num, vector_num):
    """The two core numbers as C++ ints (pybind11's TypeError otherwise)."""
    ints = [_bind.as_int(v, -(1 << 31), 1 << 31) for v in (cube_num, vector_num)]
    if None in ints:
        raise _bind.incompatible(func, f"{head}arg1: int, arg2: int", (first, cube_num, vector_num))
    return ints


def _merged(old, cube_num, vector_num):
    """The limits after a set: -1 leaves a limit as it was."""
    cube, vector = old if old is not None else (None, None)
    return (cube if cube_num == -1 else cube_num, vector if vector_num == -1 else vector_num)


def _read(who, key, limits):
    got = limits.get(key)
    if got is None or None in got:
        raise ComputeError(f"For '{who}', the CPU has no cube or vector cores: only limits set by "
                           f"'{who.replace('get', 'set')}' can be read back, and this one is not set.")
    return {"cube_core_num": got[0], "vector_core_num": got[1]}


def set_device_limit(device, cube_num=-1, vector_num=-1):
    """Limits the cube and vector cores an Ascend device's operators use (-1: leave as it
    is). The CPU has no such cores: the limits are kept for :func:`get_device_limit`.

    Args:
        device (int): The device id.
        cube_num (int, optional): Cube cores. Default: ``-1``.
        vector_num (int, optional): Vector cores. Default: ``-1``.

    Raises:
        TypeError: An argument that is not an int.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.set_device_limit(0, 8, 8)
        >>> print(ms.runtime.get_device_limit(0))
        {'cube_core_num': 8, 'vector_core_num': 8}
    """
    d = _bind.as_int(device, -(1 << 31), 1 << 31)
    ints = [_bind.as_int(v, -(1 << 31), 1 << 31) for v in (cube_num, vector_num)]
    if d is None or None in ints:
        raise _bind.incompatible("set_device_limit", "arg0: int, arg1: int, arg2: int",
                                 (device, cube_num, vector_num))
    _device_limits[d] = _merged(_device_limits.get(d), *ints)


def get_device_limit(device):
    """The core limits :func:`set_device_limit` set for `device`.

    Args:
        device (int): The device id.

    Returns:
        dict, ``cube_core_num`` and ``vector_core_num``.

    Raises:
        TypeError: `device` is not an int.
        RuntimeError: No limit was set (a CPU has no cores of these kinds to report).

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.set_device_limit(1, 4, 2)
        >>> print(ms.runtime.get_device_limit(1)["vector_core_num"])
        2
    """
    d = _bind.as_int(device, -(1 << 31), 1 << 31)
    if d is None:
        raise DTypeError(f"get_device_limit(): incompatible function arguments. The following argument "
                         f"types are supported:\n    1. (arg0: int) -> tuple\n\nInvoked with: {device!r}")
    return _read("get_device_limit", d, _device_limits)


def _check_stream(who, stream):
    if not isinstance(stream, Stream):
        raise DTypeError(f"For '{who}', the argument 'stream' should be Stream, but got {type(stream)}.")


def set_stream_limit(stream, cube_num=-1, vector_num=-1):
    """Limits the cube and vector cores of the operators issued on `stream` (-1: leave as it
    is). The CPU has no such cores: the limits are kept for :func:`get_stream_limit`.

    Args:
        stream (Stream): The stream.
        cube_num (int, optional): Cube cores. Default: ``-1``.
        vector_num (int, optional): Vector cores. Default: ``-1``.

    Raises:
        TypeError: `stream` is not a Stream, or a number is not an int.

    Examples:
        >>> import mindspore as ms
        >>> s1 = ms.runtime.Stream()
        >>> ms.runtime.set_stream_limit(s1, 8, 8)
        >>> print(ms.runtime.get_stream_limit(s1))
        {'cube_core_num': 8, 'vector_core_num': 8}
        >>> ms.runtime.reset_stream_limit(s1)
    """
    _check_stream("set_stream_limit", stream)
    ints = _limit_args("set_stream_limit", "arg0: mindspore._c_expression.Stream, ", stream,
                       cube_num, vector_num)
    _stream_limits[stream] = _merged(_stream_limits.get(stream), *ints)


def get_stream_limit(stream):
    """The core limits :func:`set_stream_limit` set for `stream`.

    Args:
        stream (Stream): The stream.

    Returns:
        dict, ``cube_core_num`` and ``vector_core_num``.

    Raises:
        TypeError: `stream` is not a Stream.
        RuntimeError: No limit is set (a CPU has no cores of these kinds to report).

    Examples:
        >>> import mindspore as ms
        >>> s1 = ms.runtime.Stream()
        >>> ms.runtime.set_stream_limit(s1, 4, 2)
        >>> print(ms.runtime.get_stream_limit(s1)["cube_core_num"])
        4
        >>> ms.runtime.reset_stream_limit(s1)
    """
    _check_stream("get_stream_limit", stream)
    return _read("get_stream_limit", stream, _stream_limits)


def reset_stream_limit(stream):
    """Removes the core limits of `stream`.

    Args:
        stream (Stream): The stream.

    Raises:
        TypeError: `stream` is not a Stream (MindSpore's message names ``set_stream_limit``).

    Examples:
        >>> import mindspore as ms
        >>> s1 = ms.runtime.Stream()
        >>> ms.runtime.set_stream_limit(s1, 8, 8)
        >>> ms.runtime.reset_stream_limit(s1)
    """
    _check_stream("set_stream_limit", stream)
    _stream_limits.pop(stream, None)


class StreamLimitCtx:
    """A context in which `stream` has the given core limits; the limits it had come back on
    exit.

    Args:
        stream (Stream): The stream.
        cube_num (int, optional): Cube cores. Default: ``-1`` (as it is).
        vector_num (int, optional): Vector cores. Default: ``-1`` (as it is).

    Raises:
        TypeError: `stream` is not a Stream.

    Examples:
        >>> import mindspore as ms
        >>> s1 = ms.runtime.Stream()
        >>> with ms.runtime.StreamLimitCtx(s1, 8, 8):
        ...     print(ms.runtime.get_stream_limit(s1))
        {'cube_core_num': 8, 'vector_core_num': 8}
    """

    ctx_attr = True

    def __init__(self, stream, cube_num=-1, vector_num=-1):
        _check_stream("StreamLimitCtx", stream)
        self.stream, self.cube_num, self.vector_num = stream, cube_num, vector_num
        self._saved = None

    def __enter__(self):
        self._saved = _stream_limits.get(self.stream)
        set_stream_limit(self.stream, self.cube_num, self.vector_num)

    def __exit__(self, exc_type, exc_val, exc_tb):
        if self._saved is None:
            _stream_limits.pop(self.stream, None)
        else:
            _stream_limits[self.stream] = self._saved


def ms_memory_recycle():
    """Recycles the memory MindSpore keeps cached after running a model (to train several
    models in one process): this engine's allocator returns its cached buffers to the system
    (as :func:`mindspore.empty_cache`).

    Examples:
        >>> import mindspore as ms
        >>> ms.ms_memory_recycle()
    """
    from ._device_api import empty_cache
    empty_cache()


__all__ += ["ms_memory_recycle"]

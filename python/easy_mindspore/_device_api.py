"""MindSpore 2.x's top-level device and runtime functions: ``set_device``,
``get_current_device``, ``set_deterministic``, ``run_check``, ``synchronize``, the memory
statistics (``memory_allocated``..., ``hal``'s), ``is_tensor``, ``frombuffer``, the compile-time
decorators ``jit_class``, ``lazy_inline``, ``no_inline`` (which change nothing here: every call
runs as Python, and ``jit`` traces through classes and calls as they are) and ``recompute``
(a Cell called as it is: this engine keeps the forward values, so recomputing them would give
the same results).

The only device is the CPU: another target is refused as MindSpore's CPU build refuses it."""
import numpy as _np

from . import context as _context
from . import hal as _hal
from ._C import Tensor
from ._errors import ComputeError, DTypeError, ShapeError

__all__ = ["set_device", "get_current_device", "set_deterministic", "run_check", "synchronize",
           "is_tensor", "frombuffer", "jit_class", "lazy_inline", "no_inline", "recompute",
           "memory_allocated", "max_memory_allocated", "memory_reserved", "max_memory_reserved",
           "empty_cache", "reset_peak_memory_stats"]

from ._streams import synchronize  # noqa: E402 (one definition: the streams')


class DeviceInfo(tuple):
    """``(device_target, device_id)``, as ``get_current_device`` returns it."""

    def __new__(cls, device_target, device_id):
        return super().__new__(cls, (device_target, device_id))

    @property
    def device_target(self):
        return self[0]

    @property
    def device_id(self):
        return self[1]


def set_device(device_target, device_id=None):
    """Sets the device the process runs on: ``'CPU'`` (with `device_id` 0 or None).

    Args:
        device_target (str): ``'CPU'``; ``'GPU'`` and ``'Ascend'`` are refused (RuntimeError), as
            on MindSpore's CPU build.
        device_id (int, optional): The device's index. Default: ``None`` (0).

    Examples:
        >>> import mindspore as ms
        >>> ms.set_device("CPU")
        >>> ms.get_current_device().device_target
        'CPU'
    """
    if not isinstance(device_target, str):
        raise DTypeError(f"For 'set_device', 'device_target' must be a str, but got "
                         f"{type(device_target).__name__}.")
    if device_id is not None and (isinstance(device_id, bool) or not isinstance(device_id, int)
                                  or device_id < 0):
        raise ShapeError(f"For 'set_device', 'device_id' must be a non-negative int, but got "
                         f"{device_id!r}.")
    if device_target not in ("CPU", "GPU", "Ascend"):
        raise ValueError("The argument 'device_target' must be one of ['CPU', 'GPU', 'Ascend'], "
                         f"but got {device_target}.")
    _context._context().set_device_target(device_target)  # set_context's, without its warning
    if device_id:
        raise ComputeError(f"For 'set_device', device_id {device_id} is not available: this "
                           "process has one CPU device (0).")


def get_current_device():
    """The current device as ``(device_target, device_id)`` (attributes of those names).

    Returns:
        DeviceInfo, ``('CPU', 0)``.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.get_current_device())
        ('CPU', 0)
    """
    return DeviceInfo(_context.get_context("device_target"), _context.get_context("device_id"))


def set_deterministic(deterministic):
    """Asks for bitwise reproducible results, once per process as MindSpore's (a second call is
    a RuntimeError): sets the context's ``deterministic`` to ``'ON'`` or ``'OFF'`` and the
    environment switches MindSpore sets with it. Every kernel here is deterministic already (each
    output element is computed by the same operations on any number of threads).

    Args:
        deterministic (bool): Whether to be deterministic.

    Raises:
        TypeError: `deterministic` not a bool.
        RuntimeError: a second call.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_deterministic(True)
        >>> print(ms.get_context("deterministic"))
        ON
    """
    _context._set_deterministic(deterministic)


def run_check():
    """Checks the installation with a small multiplication and prints MindSpore's lines.

    Examples:
        >>> import mindspore as ms
        >>> ms.run_check()  # doctest: +ELLIPSIS
        MindSpore version: ...
        The result of multiplication calculation is correct, MindSpore has been installed on platform [CPU] successfully!
    """
    from . import __version__
    print("MindSpore version: ", __version__)
    a = Tensor(_np.ones([1, 2, 3, 4], _np.float32))
    if not _np.allclose((a * a).asnumpy(), 1.0):
        raise ComputeError("The result of multiplication calculation is wrong: the installation "
                           "is broken.")
    print("The result of multiplication calculation is correct, MindSpore has been installed on "
          "platform [CPU] successfully!")


def is_tensor(obj):
    """Whether `obj` is a Tensor (a Parameter is one).

    Args:
        obj (Any): The object.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> ms.is_tensor(ms.Tensor([1])), ms.is_tensor([1])
        (True, False)
    """
    return isinstance(obj, Tensor)


def frombuffer(buffer, dtype, count=-1, offset=0):
    """A 1-D Tensor of `dtype` from the bytes of `buffer` (``count`` elements from byte
    `offset`; all that remain for -1), as ``numpy.frombuffer``.

    Args:
        buffer (buffer): Bytes, a bytearray, a memoryview...
        dtype (mindspore.dtype): The element type.
        count (int): The number of elements (-1: all). Default: ``-1``.
        offset (int): The first byte. Default: ``0``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> print(ms.frombuffer(np.array([1, 2, 3], np.float32).tobytes(), ms.float32))
        [1. 2. 3.]
    """
    from .common.dtype import dtype_to_nptype
    try:
        a = _np.frombuffer(buffer, dtype_to_nptype(dtype), count=count, offset=offset)
    except KeyError:
        raise DTypeError(f"For 'frombuffer', 'dtype' must be a MindSpore dtype, but got "
                         f"{dtype!r}.") from None
    except ValueError as e:
        raise ShapeError(f"For 'frombuffer', {e} (count {count}, offset {offset}).") from None
    return Tensor(a.copy(), dtype)


def jit_class(cls):
    """Marks a class whose instances ``jit`` code may use: the class itself (``jit`` traces
    through any Python object here).

    Args:
        cls (type): The class.

    Returns:
        type, `cls`.

    Examples:
        >>> import mindspore as ms
        >>> @ms.jit_class
        ... class Scale:
        ...     k = 2
        >>> Scale.k
        2
    """
    if not isinstance(cls, type):
        raise DTypeError(f"For 'jit_class', the decorated object must be a class, but got "
                         f"{type(cls).__name__}.")
    return cls


def _decorator(fn, name):
    if fn is None:
        return lambda f: f
    if not callable(fn):
        raise DTypeError(f"For '{name}', the decorated object must be callable, but got "
                         f"{type(fn).__name__}.")
    return fn


def lazy_inline(fn=None, attrs=None, policy=None):
    """MindSpore's graph-compiler hint for a Cell's ``__init__``; the function itself here.

    Args:
        fn (function, optional): The decorated function. Default: ``None``.
        attrs (Union[list, tuple, str], optional): Accepted. Default: ``None``.
        policy (str, optional): Accepted. Default: ``None``.

    Returns:
        function, `fn` (or a decorator returning its argument, for ``@lazy_inline(...)``).

    Examples:
        >>> import mindspore as ms
        >>> ms.lazy_inline(len)([1, 2])
        2
    """
    del attrs, policy
    return _decorator(fn, "lazy_inline")


def no_inline(fn=None):
    """MindSpore's graph-compiler hint not to inline a function; the function itself here.

    Args:
        fn (function, optional): The decorated function. Default: ``None``.

    Returns:
        function, `fn`.

    Examples:
        >>> import mindspore as ms
        >>> ms.no_inline(len)([1, 2])
        2
    """
    return _decorator(fn, "no_inline")


def recompute(block, *args, use_reentrant=True, output_recompute=False, early_stop=True,
              context_fn=None, **kwargs):
    """``block(*args, **kwargs)`` for a Cell `block` (MindSpore recomputes its forward values in
    the backward pass to save memory; the results are the same, and this engine keeps them).

    Args:
        block (Cell): The cell.
        *args (Any): Its inputs.
        use_reentrant (bool): As MindSpore's: True needs a Cell. Default: ``True``.
        output_recompute (bool): Accepted. Default: ``False``.
        early_stop (bool): Accepted. Default: ``True``.
        context_fn (function, optional): Accepted. Default: ``None``.
        **kwargs (Any): Its keyword inputs.

    Returns:
        What `block` returns.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(ms.recompute(nn.ReLU(), ms.Tensor([-1.0, 2.0])))
        [0. 2.]
    """
    from .nn.cell import Cell
    del output_recompute, early_stop, context_fn
    if use_reentrant and not isinstance(block, Cell):
        raise DTypeError("Recompute function now only support block which inherited from Cell "
                         "when use_reentrant=True!")
    return block(*args, **kwargs)


def memory_allocated():
    """Bytes held by tensors now (``hal.memory_allocated``).

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> ms.memory_allocated() >= 0
        True
    """
    return _hal.memory_allocated()


def max_memory_allocated():
    """The peak of ``memory_allocated`` (``hal.max_memory_allocated``).

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> ms.max_memory_allocated() >= ms.memory_allocated()
        True
    """
    return _hal.max_memory_allocated()


def memory_reserved():
    """Bytes held by the allocator, in use or cached (``hal.memory_reserved``).

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> ms.memory_reserved() >= 0
        True
    """
    return _hal.memory_reserved()


def max_memory_reserved():
    """The peak of ``memory_reserved`` (``hal.max_memory_reserved``).

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> ms.max_memory_reserved() >= 0
        True
    """
    return _hal.max_memory_reserved()


def empty_cache():
    """Returns the allocator's cached buffers to the system (``hal.empty_cache``).

    Examples:
        >>> import mindspore as ms
        >>> ms.empty_cache()
    """
    _hal.empty_cache()


def reset_peak_memory_stats():
    """Restarts the peaks of the memory statistics (``hal.reset_peak_memory_stats``).

    Examples:
        >>> import mindspore as ms
        >>> ms.reset_peak_memory_stats()
    """
    _hal.reset_peak_memory_stats()

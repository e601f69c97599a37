"""MindSpore 2.10's ``Tensor`` methods about where a tensor's bytes live and how the runtime treats
them: ``data_sync``, ``is_pinned``, ``is_shared``, ``move_to``, ``get_bytes``,
``Tensor.convert_bytes_to_tensor``, ``flush_from_cache``, ``set_const_arg``/``const_arg`` and the
private ``_offload``/``_load`` that MindSpore's own code (and tests) call.
Every tensor here lives in host memory, so they answer as MindSpore's CPU backend does: syncing
is immediate, nothing is pinned or shared, and the one device to move to is ``'CPU'``.

Installed by :func:`install` on names the Tensor does not define yet."""
import numpy as _np

from ._C import Tensor
from ._errors import ComputeError, DTypeError, ShapeError, with_op_name
from .common import dtype as mstype

_DEVICES = ("Ascend", "GPU", "CPU")


def data_sync(self, waiting=True):
    """Waits for the device to finish writing this tensor: here, where every value is computed
    before it is returned, there is nothing to wait for.

    Args:
        waiting (bool, optional): Wait for the copy to finish. Default: ``True``.

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0]).data_sync(True))
        None
    """
    if not isinstance(waiting, bool):
        raise DTypeError(f"For 'data_sync', 'waiting' must be a bool, but got "
                         f"{type(waiting).__name__}.")


def is_pinned(self):
    """Whether the tensor is in page-locked host memory for fast device copies: never here (there
    is no device to copy to).

    Returns:
        bool, False.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0]).is_pinned())
        False
    """
    return False


def is_shared(self):
    """Whether the tensor is in memory shared between processes: False (its buffer belongs to
    this process; a NumPy array sharing it is in the same process).

    Returns:
        bool, False.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0]).is_shared())
        False
    """
    return False


def move_to(self, to, blocking=True):
    """A copy of the tensor on device `to`. The CPU is the one device here: ``'CPU'`` gives a
    copy; ``'Ascend'`` and ``'GPU'``, which MindSpore names, are a RuntimeError, as on MindSpore's
    CPU build.

    Args:
        to (str): ``'CPU'``, ``'GPU'`` or ``'Ascend'``.
        blocking (bool, optional): Copy synchronously. Default: ``True``.

    Returns:
        Tensor, a copy with this tensor's shape, dtype and values.

    Raises:
        ValueError: If `to` is not one of the three or `blocking` not a bool.
        RuntimeError: If `to` is ``'Ascend'`` or ``'GPU'``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0])
        >>> y = x.move_to("CPU")
        >>> print(y, y is x)
        [1. 2.] False
    """
    if not isinstance(to, str) or to not in _DEVICES:
        raise ShapeError(f"For 'move_to', the value of 'to' must be one of {list(_DEVICES)}, but "
                         f"got {to!r}.")
    if not isinstance(blocking, bool):
        raise ShapeError(f"For 'move_to', the type of 'blocking' must be bool, but got "
                         f"{type(blocking).__name__}.")
    if to != "CPU":
        raise ComputeError(f"For 'move_to', the value of 'to' must be the device target, but got "
                           f"{to!r}, device target: 'CPU'.")
    return self.copy()


def get_bytes(self):
    """The tensor's elements as raw bytes, row-major, in the machine's byte order.

    Returns:
        bytes, ``size · itemsize`` of them.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1, 2], ms.int16).get_bytes())
        b'\\x01\\x00\\x02\\x00'
    """
    return _np.ascontiguousarray(self.asnumpy()).tobytes()


def convert_bytes_to_tensor(data, shape, dtype):
    """The tensor of shape `shape` and dtype `dtype` whose raw bytes are `data` (the inverse of
    :meth:`get_bytes`).

    Args:
        data (bytes): ``prod(shape) · itemsize`` bytes.
        shape (Union[tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype): The dtype.

    Returns:
        Tensor.

    Raises:
        TypeError: If `data` is not bytes or `dtype` not a MindSpore dtype.
        ValueError: If the byte count does not fit the shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1, 2, 3], ms.int16)
        >>> print(ms.Tensor.convert_bytes_to_tensor(x.get_bytes(), x.shape, x.dtype))
        [1 2 3]
    """
    op = "convert_bytes_to_tensor"
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise DTypeError(f"For '{op}', 'data' must be bytes, but got {type(data).__name__}.")
    if not isinstance(dtype, mstype.Type):
        raise DTypeError(f"For '{op}', 'dtype' must be a MindSpore dtype, but got {dtype!r}.")
    dims = tuple(int(d) for d in shape)
    if any(d < 0 for d in dims):
        raise ShapeError(f"For '{op}', the shape must not be negative, but got {dims}.")
    np_type = _np.dtype(mstype.dtype_to_nptype(dtype))
    if len(data) != int(_np.prod(dims, dtype=_np.int64)) * np_type.itemsize:
        raise ShapeError(f"For '{op}', {len(data)} bytes do not hold shape {dims} of {dtype} "
                         f"({np_type.itemsize} bytes each).")
    return Tensor(_np.frombuffer(bytes(data), np_type).reshape(dims).copy(), dtype)


def flush_from_cache(self):
    """MindSpore flushes a cache-enabled tensor's cache to the host; every tensor here lives on the
    host, so there is nothing to flush. Returns None, as MindSpore 2.10.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0, 2.0]).flush_from_cache())
        None
    """
    del self


def set_const_arg(self, const_arg=True):
    """Marks the tensor as a constant argument of a compiled function (``const_arg``) and returns
    it. Here a compiled function already keys its graphs on each argument's shape and dtype, so
    the flag only records the intent.

    Args:
        const_arg (bool): The flag. Default: ``True``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0]).set_const_arg(True)
        >>> print(x.const_arg)
        True
    """
    if not isinstance(const_arg, bool):
        raise TypeError(f"For 'set_const_arg', 'const_arg' must be a bool, but got {type(const_arg).__name__}.")
    self._ems_const_arg = const_arg
    return self


def _const_arg(self):
    """Whether ``set_const_arg`` marked the tensor as a constant argument."""
    return getattr(self, "_ems_const_arg", False)


def _offload(self):
    """Moves this tensor's device memory to the host. Every tensor lives in host memory here, so
    nothing moves (MindSpore 2.10's CPU build does the same, with a warning that a CPU tensor
    cannot be offloaded); calling it again is harmless.

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1, 2, 3], ms.int64)
        >>> print(x._offload(), x)
        None [1 2 3]
    """
    return None


def _load(self):
    """Loads an offloaded tensor back to the device: a no-op here, where every tensor stays in
    host memory (see :meth:`_offload`).

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Parameter(ms.Tensor([1.0]))._load())
        None
    """
    return None


_METHODS = {"_offload": _offload, "_load": _load, "data_sync": data_sync, "is_pinned": is_pinned, "is_shared": is_shared,
            "move_to": move_to, "get_bytes": get_bytes, "flush_from_cache": flush_from_cache,
            "set_const_arg": set_const_arg}


def install():
    """Puts the methods (and the static ``convert_bytes_to_tensor``) on ``Tensor`` where it has
    none of that name."""
    for name, fn in _METHODS.items():
        if name not in Tensor.__dict__:
            wrapped = with_op_name(fn, name)
            wrapped._ems_python = True
            setattr(Tensor, name, wrapped)
    if "const_arg" not in Tensor.__dict__:
        Tensor.const_arg = property(_const_arg)
    if "convert_bytes_to_tensor" not in Tensor.__dict__:
        Tensor.convert_bytes_to_tensor = staticmethod(with_op_name(convert_bytes_to_tensor,
                                                                   "convert_bytes_to_tensor"))


__all__ = ["install"]

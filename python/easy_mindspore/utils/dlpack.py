"""``mindspore.utils.dlpack``: share tensor memory with other libraries through DLPack.

Both functions share memory on the CPU: a tensor made by :func:`from_dlpack` reads and writes
the producer's buffer (which stays alive as long as the tensor does), and a capsule made by
:func:`to_dlpack` points at the tensor's own memory (if the tensor's storage was shared with
other tensors or views, the tensor first gets its own copy, so writes by the consumer reach this
tensor only). ``Tensor.__dlpack__``/``__dlpack_device__`` make ``np.from_dlpack(t)`` and
``torch.from_dlpack(t)`` work too.
"""
from .. import _C
from .._errors import ComputeError

__all__ = ["from_dlpack", "to_dlpack"]


def to_dlpack(tensor):
    """Converts a Tensor to a DLPack capsule (a ``"dltensor"`` PyCapsule) sharing its memory.

    Args:
        tensor (Tensor): The tensor to convert.

    Returns:
        PyCapsule, holding a ``DLManagedTensor``; consume it once (e.g. with :func:`from_dlpack`).

    Raises:
        TypeError: If `tensor` is not a Tensor.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.utils.dlpack import to_dlpack, from_dlpack
        >>> x = ms.Tensor(np.array([1.0, 2.0], np.float32))
        >>> y = from_dlpack(to_dlpack(x))
        >>> y[0] = 5.0
        >>> print(x)
        [5. 2.]
    """
    if not isinstance(tensor, _C.Tensor):
        raise TypeError(f"For 'to_dlpack', the input must be a Tensor, but got {type(tensor).__name__}")
    return _C.to_dlpack(tensor)


def from_dlpack(dlpack):
    """Converts a DLPack capsule, or any object with ``__dlpack__`` (a NumPy array, a PyTorch CPU
    tensor), to a Tensor sharing its memory (no copy).

    Args:
        dlpack (PyCapsule): A ``"dltensor"``/``"dltensor_versioned"`` capsule, consumed once, or
            an object with ``__dlpack__``.

    Returns:
        Tensor, sharing memory with the producer.

    Raises:
        TypeError: If `dlpack` is neither a capsule nor has ``__dlpack__``.
        ValueError: If the capsule was already consumed.
        RuntimeError: If the memory is not on the CPU or its dtype is not supported (MindSpore's
            class; the producer's own ``__dlpack__`` may say so with a BufferError, which is
            re-raised as this).

    Examples:
        >>> import numpy as np
        >>> from mindspore.utils.dlpack import from_dlpack
        >>> a = np.arange(3, dtype=np.float32)
        >>> t = from_dlpack(a)
        >>> a[0] = 7.0
        >>> print(t)
        [7. 1. 2.]
    """
    try:
        return _C.from_dlpack(dlpack)
    except BufferError as e:
        msg = str(e)
        raise ComputeError(msg if msg.startswith("For '") else f"For 'from_dlpack', {msg}") from e

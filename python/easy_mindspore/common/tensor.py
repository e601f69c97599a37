"""``mindspore.common.tensor``: where MindSpore defines ``Tensor`` and ``swap_tensors``."""
from .._errors import ComputeError, DTypeError
from ..tensor import Tensor

__all__ = ["Tensor", "swap_tensors"]


def swap_tensors(t1, t2):
    """Swaps the contents of two tensors in place: afterwards `t1` holds what `t2` held (values,
    shape, dtype, Python attributes) and `t2` what `t1` held, while each keeps its identity
    (``id``). No data is copied. Two Parameters swap their values only when those have one shape
    and dtype (a Parameter keeps its shape); a Tensor and a Parameter cannot swap (their classes
    differ, a RuntimeError as in MindSpore).

    Args:
        t1 (Tensor): The first tensor.
        t2 (Tensor): The second tensor.

    Returns:
        None.

    Raises:
        TypeError: If `t1` or `t2` is not a Tensor.
        RuntimeError: If their classes differ, or two Parameters' shapes or dtypes do.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> a, b = ms.Tensor([1.0, 2.0]), ms.Tensor(np.ones((2, 2), np.int32))
        >>> ms.swap_tensors(a, b)
        >>> print(a.dtype, a.shape, b)
        Int32 (2, 2) [1. 2.]
    """
    for name, t in (("t1", t1), ("t2", t2)):
        if not isinstance(t, Tensor):
            raise DTypeError(f"For 'swap_tensors', '{name}' must be a Tensor, but got {type(t).__name__}.")
    if type(t1) is not type(t2):
        raise ComputeError(f"For 'swap_tensors', the tensors' classes differ ({type(t1).__name__} and "
                           f"{type(t2).__name__}): their contents cannot be swapped.")
    if t1 is t2:
        return
    from ..ops.functional import stop_gradient
    from .parameter import Parameter
    is_parameter = isinstance(t1, Parameter)
    if is_parameter and (t1.shape != t2.shape or t1.dtype != t2.dtype):
        raise ComputeError(f"For 'swap_tensors', two Parameters swap values of one shape and dtype only, but "
                           f"got {t1.shape} {t1.dtype} and {t2.shape} {t2.dtype}.")
    first = stop_gradient(t1)  # a second handle on t1's value (no copy)
    t1._rebind(t2)
    t2._rebind(first)
    d1, d2 = getattr(t1, "__dict__", None), getattr(t2, "__dict__", None)
    if d1 is not None and d2 is not None and not is_parameter:
        saved = dict(d1)
        d1.clear()
        d1.update(d2)
        d2.clear()
        d2.update(saved)

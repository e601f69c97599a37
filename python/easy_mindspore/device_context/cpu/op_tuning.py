"""``mindspore.device_context.cpu.op_tuning``: how the CPU kernels run."""
from ... import _threads
from ..._errors import ComputeError, DTypeError, ShapeError

__all__ = ["threads_num"]

_set = [False]


def threads_num(num):
    """Sets the number of threads the CPU kernels split large work across (MindSpore's
    ``threads_num``; its default is 25 threads, ours one per core). It can be set once, before
    any large computation starts the kernels' thread pool (see ``easy_mindspore._threads``);
    a second call is a RuntimeError, as in MindSpore.

    Raises:
        TypeError: ``num`` is not an int.
        ValueError: ``num`` is not positive.
        RuntimeError: set a second time, or the pool already runs with another count.

    Examples:
        >>> import mindspore as ms
        >>> ms.device_context.cpu.op_tuning.threads_num(2)
    """
    if isinstance(num, bool):
        raise DTypeError(f"The 'num' must be int and must > 0, but got '{num}' with type 'bool'.")
    if not isinstance(num, int):
        raise DTypeError(f"The parameter 'num' must be <class 'int'>, but got {type(num)}")
    if _set[0]:
        raise ComputeError("The 'threads_num' can not be set repeatedly.")
    if num <= 0:
        raise ShapeError(f"The 'num' must be int and must > 0, but got '{num}' with type 'int'.")
    _threads.set_threads(num)
    _set[0] = True

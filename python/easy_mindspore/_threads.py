"""The number of threads of the CPU kernels, set the ways MindSpore sets it:
``mindspore.device_context.cpu.op_tuning.threads_num(n)``, ``set_context(runtime_num_threads=n)``
or the environment variable ``EMS_NUM_THREADS`` (read when the package is imported).

The kernels split large work across one pool of threads (rayon's global pool, shared by every
parallel kernel: elementwise, reductions, sorting, matrix products). That pool starts once per
process — at the first parallel kernel, or at the first of these settings — and keeps its size:
set the count before any large computation. Asking again for the count the pool has is accepted;
another count once it runs is a RuntimeError naming both counts. Without any setting the pool has
one thread per core (``RAYON_NUM_THREADS`` is also honoured then)."""
import os

from . import _C
from ._errors import DTypeError, ShapeError

ENV = "EMS_NUM_THREADS"


def set_threads(num):
    """Starts the kernels' pool with ``num`` threads (a positive int, already checked)."""
    _C.set_num_threads(num)


def num_threads():
    """The number of threads of the kernels' pool (starting it when it has not started)."""
    return _C.num_threads()


def apply_env():
    """Applies ``EMS_NUM_THREADS`` when it is set (a positive integer, else ValueError)."""
    raw = os.environ.get(ENV)
    if raw is None or raw.strip() == "":
        return
    try:
        n = int(raw)
    except ValueError:
        n = 0
    if n <= 0:
        raise ShapeError(f"The environment variable {ENV} must be a positive integer (the number "
                         f"of threads of the CPU kernels), but got {raw!r}.")
    set_threads(n)


def check_int(num, name, who):
    """MindSpore's type check of a thread count argument (bool is refused as not an int)."""
    if isinstance(num, bool) or not isinstance(num, int):
        raise DTypeError(f"For '{who}', the parameter '{name}' must be <class 'int'>, but got "
                         f"{type(num)}")

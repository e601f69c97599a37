"""``mindspore.context``: execution modes.

``PYNATIVE_MODE`` (the default) runs every operation eagerly. ``GRAPH_MODE`` runs the functions
returned by ``GradOperation``, ``grad`` and ``value_and_grad``, the results of ``vjp`` and
``jvp``, and every ``nn.Cell`` call *compiled*: through ``jit`` (see ``easy_mindspore._jit``),
with a cache of graphs per grad function, per cell instance and per function given to
``vjp``/``jvp``. Results are the same as in PyNative mode; Python control flow on tensor values
keeps working (one graph per path). Calls made while a compiled function is being traced are
part of its graph.
"""
from . import _threads
from ._auto_parallel import (ParallelMode, get_auto_parallel_context, reset_auto_parallel_context,
                             set_auto_parallel_context)
from ._errors import ComputeError

GRAPH_MODE = 0
PYNATIVE_MODE = 1
# The levels of ``set_context(jit_syntax_level=...)``: the Python a compiled function may use
# (everything Python runs here: functions are traced, not parsed) and of ``debug_level``.
STRICT, COMPATIBLE, LAX = 0, 1, 2
RELEASE, DEBUG = 0, 1

_context = {"mode": PYNATIVE_MODE, "device_target": "CPU", "device_id": 0}
# True in GRAPH_MODE: read on the hot path of every grad function and cell call.
_mode = [False]

__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "STRICT", "COMPATIBLE", "LAX", "RELEASE", "DEBUG",
           "set_context", "get_context", "ParallelMode", "set_auto_parallel_context",
           "get_auto_parallel_context", "reset_auto_parallel_context"]


def set_context(**kwargs):
    """Sets context keys (``mode``, ``device_target``...). Only ``CPU`` is available.
    ``runtime_num_threads=n`` (n > 0) sets the number of threads of the CPU kernels, as
    ``device_context.cpu.op_tuning.threads_num(n)`` does (before any large computation; see
    ``easy_mindspore._threads``); 0 leaves the default."""
    if "runtime_num_threads" in kwargs:
        n = kwargs["runtime_num_threads"]
        _threads.check_int(n, "runtime_num_threads", "set_context")
        if n < 0:
            raise ValueError("The num of thread must bigger than or equal to 0.")
    if "mode" in kwargs and kwargs["mode"] not in (GRAPH_MODE, PYNATIVE_MODE):
        raise ValueError(f"For 'set_context', mode must be GRAPH_MODE or PYNATIVE_MODE, got {kwargs['mode']!r}")
    if kwargs.get("device_target", "CPU") != "CPU":
        # MindSpore's CPU build raises RuntimeError here (an unknown name is a ValueError).
        target = kwargs["device_target"]
        if target not in ("GPU", "Ascend", "Davinci"):
            raise ValueError("For 'context.set_context', the argument 'device_target' must be one "
                             f"of ['CPU', 'GPU', 'Ascend', 'Davinci'], but got {target}.")
        raise ComputeError(f"Unsupported device target {target}. This process only supports one "
                           "of the ['CPU']. Please check whether the GPU environment is installed "
                           "and configured correctly, and check whether current mindspore wheel "
                           f"package was built with \"-e {target}\".")
    if kwargs.get("runtime_num_threads"):
        _threads.set_threads(kwargs["runtime_num_threads"])
    _context.update(kwargs)
    _mode[0] = _context["mode"] == GRAPH_MODE


def get_context(attr_key):
    """The value of a context key (MindSpore's name of the argument: ``attr_key``)."""
    if attr_key not in _context:
        raise ValueError(f"For 'get_context', unknown key {attr_key!r}")
    return _context[attr_key]

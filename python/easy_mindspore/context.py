"""``mindspore.context``: execution modes.

``PYNATIVE_MODE`` (the default) runs every operation eagerly. ``GRAPH_MODE`` runs the functions
returned by ``GradOperation``, ``grad`` and ``value_and_grad``, the results of ``vjp`` and
``jvp``, and every ``nn.Cell`` call *compiled*: through ``jit`` (see ``easy_mindspore._jit``),
with a cache of graphs per grad function, per cell instance and per function given to
``vjp``/``jvp``. Results are the same as in PyNative mode; Python control flow on tensor values
keeps working (one graph per path). Calls made while a compiled function is being traced are
part of its graph.
"""
import os as _os

from . import _threads
from ._auto_parallel import (ParallelMode, get_auto_parallel_context, reset_auto_parallel_context,
                             set_auto_parallel_context)
from . import log as _log
from ._errors import ComputeError, DTypeError

GRAPH_MODE = 0
PYNATIVE_MODE = 1
# The levels of ``set_context(jit_syntax_level=...)``: the Python a compiled function may use
# (everything Python runs here: functions are traced, not parsed) and of ``debug_level``.
STRICT, COMPATIBLE, LAX = 0, 1, 2
RELEASE, DEBUG = 0, 1

# Every key of MindSpore 2.10's set_context with its value on a fresh CPU process (as its
# get_context reports it). A key of this table is stored as given (after the checks below).
_context = {
    "mode": PYNATIVE_MODE, "device_target": "CPU", "device_id": 0, "save_graphs": 0,
    "save_graphs_path": ".", "max_call_depth": 1000, "pynative_synchronize": False,
    "enable_graph_kernel": False, "graph_kernel_flags": "", "jit_config": {},
    "max_device_memory": 1024.0, "variable_memory_max_size": "0", "print_file_path": "",
    "enable_reduce_precision": True, "check_bprop": False, "deterministic": "OFF",
    "runtime_num_threads": None,  # read from the pool (``_threads.num_threads``) until set
    "inter_op_parallel_num": 0, "memory_optimize_level": 0, "mempool_block_size": 1.0,
    "op_timeout": 900, "jit_syntax_level": LAX, "debug_level": RELEASE,
    "enable_compile_cache": None, "compile_cache_path": "", "disable_format_transform": False,
    "exec_order": "bfs", "env_config_path": "", "aoe_tune_mode": "", "aoe_config": {},
    "ascend_config": {}, "gpu_config": {}, "enable_profiling": False,
    "profiling_options": "training_trace", "reserve_class_name_in_scope": True,
    "support_binary": False, "jit_level": "", "dataset_broadcast_opt_level": 0,
}
# Keys whose value must be a bool (MindSpore's TypeError otherwise).
_BOOLS = ("pynative_synchronize", "enable_graph_kernel", "enable_reduce_precision", "check_bprop",
          "disable_format_transform", "enable_profiling", "reserve_class_name_in_scope",
          "support_binary")
# Keys only another device uses: MindSpore's CPU build warns and keeps the CPU's value.
_OTHER_DEVICES = {"max_device_memory": "['GPU', 'Ascend']", "variable_memory_max_size": "['Ascend']",
                  "print_file_path": "['Ascend']", "mempool_block_size": "['GPU', 'Ascend']",
                  "enable_reduce_precision": "['Ascend']", "ascend_config": "['Ascend']",
                  "gpu_config": "['GPU']"}
# Keys MindSpore still accepts (with a warning) but no longer keeps, and one it removed.
_DEPRECATED = ("enable_sparse", "auto_tune_mode")
_REMOVED = {"grad_for_scalar": "Please use the tensor derivative instead.",
            "precompile_only": "Please use the env MS_DEV_PRECOMPILE_ONLY instead."}
# Keys MindSpore 2.10 takes without keeping them (get_context does not know them).
_IGNORED = ("enable_auto_mixed_precision",)
# Keys whose value must be a str, or an int (MindSpore's RuntimeError from its C++ setter).
_TYPED = {"jit_level": str, "dataset_broadcast_opt_level": int}
# True in GRAPH_MODE: read on the hot path of every grad function and cell call.
_mode = [False]

__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "STRICT", "COMPATIBLE", "LAX", "RELEASE", "DEBUG",
           "set_context", "get_context", "ParallelMode", "set_auto_parallel_context",
           "get_auto_parallel_context", "reset_auto_parallel_context"]


def _checked(key, value):
    """`value` for `key` as MindSpore 2.10's set_context takes it (its errors otherwise)."""
    if key in _REMOVED:
        raise ValueError(f"For 'context.set_context', the parameter '{key}' has been removed since "
                         f"MindSpore 2.10 version. {_REMOVED[key]}")
    if key not in _context and key not in _DEPRECATED and key not in _IGNORED:
        raise ValueError(f"For 'context.set_context', the keyword argument {key} is not recognized! "
                         "For detailed usage of 'set_context', please refer to the Mindspore official "
                         "website.")
    if key in _BOOLS and not isinstance(value, bool):
        raise DTypeError(f"The parameter '{key}' must be {bool}, but got {type(value)}")
    if key == "mode" and value not in (GRAPH_MODE, PYNATIVE_MODE):
        raise ValueError("For 'context.set_context', the argument 'mode' should be context.GRAPH_MODE (0) "
                         f"or context.PYNATIVE_MODE (1), but got {value}.")
    if key == "save_graphs":  # True is level 2, as MindSpore stores it
        value = (2 if value else 0) if isinstance(value, bool) else value
        if not isinstance(value, int) or not 0 <= value <= 3:
            raise ValueError(f"value for save_graphs should be 0-3 but got '{value}'")
    if key in _TYPED and (isinstance(value, bool) or not isinstance(value, _TYPED[key])):
        raise ComputeError(f"Got illegal param {key} and value with type {type(value)}")
    if key == "memory_optimize_level":  # stored as its number, as MindSpore stores it
        if value not in ("O0", "O1"):
            raise ValueError("For 'context.set_context', the argument 'memory_optimize_level' must be "
                             f"one of ['O0', 'O1'], but got {value}.")
        value = int(value[1])
    if key == "save_graphs_path":
        value = _os.path.realpath(value)
    if key == "env_config_path":
        value = _os.path.realpath(value)
        if not _os.path.isfile(value):
            raise ValueError(f"For 'context.set_context', the 'env_config_path' file '{value}' is not "
                             "exists, please check whether 'env_config_path' is correct.")
    if key == "max_call_depth" and (not isinstance(value, int) or value <= 0):
        raise ValueError("For 'context.set_context', the argument 'max_call_depth' must be greater than 0, "
                         f"but got {value}.")
    if key == "runtime_num_threads":
        _threads.check_int(value, "runtime_num_threads", "set_context")
        if value < 0:
            raise ValueError("The num of thread must bigger than or equal to 0.")
    if key == "device_target" and value != "CPU":
        # MindSpore's CPU build raises RuntimeError here (an unknown name is a ValueError).
        if value not in ("GPU", "Ascend", "Davinci"):
            raise ValueError("For 'context.set_context', the argument 'device_target' must be one "
                             f"of ['CPU', 'GPU', 'Ascend', 'Davinci'], but got {value}.")
        raise ComputeError(f"Unsupported device target {value}. This process only supports one "
                           f"of the ['CPU']. Please check whether the {value} environment is installed "
                           "and configured correctly, and check whether current mindspore wheel "
                           f"package was built with \"-e {value}\".")
    return value


def set_context(**kwargs):
    """Sets context keys, as MindSpore 2.10's CPU build: every key is checked before any is set
    (an unknown key is its ValueError, a wrong type its TypeError). ``mode`` selects
    PYNATIVE_MODE or GRAPH_MODE; ``device_target`` can only be ``'CPU'``;
    ``runtime_num_threads=n`` (n > 0) sets the number of threads of the CPU kernels, as
    ``device_context.cpu.op_tuning.threads_num(n)`` does (before any large computation; see
    ``easy_mindspore._threads``); ``save_graphs=True`` is stored as level 2 (no IR files are
    written: this engine's graphs are traces, not MindSpore's compiler passes). The keys of
    another device (``max_device_memory``, ``ascend_config``...) are ignored with MindSpore's
    warning; the other keys are stored and read back by :func:`get_context`."""
    checked = {key: _checked(key, value) for key, value in kwargs.items()}
    for key, value in checked.items():
        if key in _OTHER_DEVICES:
            _log.warning(f"For 'context.set_context', when set the argument '{key}', the argument "
                         f"'device_target' only supports devices in '{_OTHER_DEVICES[key]}', but got "
                         "'CPU', ignore it.")
        elif key in _IGNORED:
            continue
        elif key in _DEPRECATED:
            _log.warning(f"For 'context.set_context', '{key}' parameter is deprecated, and will be "
                         "removed in the next version.")
        else:
            if key == "runtime_num_threads" and value:
                _threads.set_threads(value)
            _context[key] = value
    _mode[0] = _context["mode"] == GRAPH_MODE


def get_context(attr_key):
    """The value of a context key (MindSpore's name of the argument: ``attr_key``): what
    :func:`set_context` stored, or the CPU's default."""
    if not isinstance(attr_key, str) or attr_key not in _context:
        raise ValueError(f"For 'context.get_context', the argument {attr_key} is not recognized! For "
                         "detailed usage of 'get_context', please refer to the Mindspore official website.")
    if attr_key == "runtime_num_threads" and _context[attr_key] is None:
        return _threads.num_threads()
    return _context[attr_key]

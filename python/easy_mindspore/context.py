"""``mindspore.context``: execution modes.

``PYNATIVE_MODE`` (the default) runs every operation eagerly. ``GRAPH_MODE`` runs the functions
returned by ``GradOperation``, ``grad`` and ``value_and_grad``, the results of ``vjp`` and
``jvp``, and every ``nn.Cell`` call *compiled*: through ``jit`` (see ``easy_mindspore._jit``),
with a cache of graphs per grad function, per cell instance and per function given to
``vjp``/``jvp``. Results are the same as in PyNative mode; Python control flow on tensor values
keeps working (one graph per path). Calls made while a compiled function is being traced are
part of its graph.

``set_context`` checks its keys as MindSpore 2.10's CPU build does (types, values, deprecation
warnings: ``_context_rules``); ``context._context()`` is the process's context object, kept in
``K_CONTEXT`` as MindSpore keeps it.
"""
import functools as _functools
import os as _os

from . import _context_rules as _rules
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
_context_settings = {
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
# Keys MindSpore still accepts (with a warning) but no longer keeps, and one it removed.
_DEPRECATED = ("enable_sparse", "auto_tune_mode")
_REMOVED = {"grad_for_scalar": "Please use the tensor derivative instead.",
            "precompile_only": "Please use the env MS_DEV_PRECOMPILE_ONLY instead."}
# Keys MindSpore 2.10 takes without keeping them (get_context does not know them).
_IGNORED = ("enable_auto_mixed_precision",)
# Keys stored as ints (True is 1), and the least value each takes with its ValueError.
_INT_KEYS = ("mode", "device_id", "max_call_depth", "runtime_num_threads", "op_timeout",
         "inter_op_parallel_num", "jit_syntax_level", "debug_level")
_NON_NEGATIVE_KEYS = {"op_timeout": "The num of op exe timeout must bigger than or equal to 0.",
               "inter_op_parallel_num": "The num of parallel thread must bigger than or equal to 0."}
# True in GRAPH_MODE: read on the hot path of every grad function and cell call.
_mode = [False]
# Whether ``device_id`` was set (MindSpore then refuses another id) and whether
# ``mindspore.set_deterministic`` was called (it may be called once; set_context's
# ``deterministic`` then changes nothing).
_context_set_once = {"device_id": False, "set_deterministic": False}

__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "STRICT", "COMPATIBLE", "LAX", "RELEASE", "DEBUG",
           "set_context", "get_context", "get_jit_config", "ParallelMode",
           "set_auto_parallel_context", "get_auto_parallel_context", "reset_auto_parallel_context"]


class _Context:
    """The process's context: one instance (``context._context()``) over the values that
    :func:`set_context` checks and stores, read as MindSpore's context object is read."""
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def get_param(self, key):
        """The stored value of context key `key` (as :func:`get_context`)."""
        return get_context(key)

    def set_param(self, key, value):
        """Sets context key `key` to `value` (as :func:`set_context`)."""
        set_context(**{key: value})

    def get_mode(self):
        """The execution mode: GRAPH_MODE (0) or PYNATIVE_MODE (1)."""
        return _context_settings["mode"]

    def set_mode(self, mode):
        """Sets the execution mode (as ``set_context(mode=mode)``)."""
        set_context(mode=mode)

    def set_device_target(self, target):
        """Sets ``device_target`` as ``set_context`` does, without its deprecation warning (what
        ``mindspore.set_device`` uses): only ``'CPU'`` is available."""
        _rules.check_types({"device_target": target})
        _context_settings["device_target"] = _checked_choice("device_target", target)

    def set_device_id(self, device_id):
        """Sets ``device_id`` as ``set_context`` does (once), without its deprecation warning."""
        _rules.check_types({"device_id": device_id})
        device_id = int(device_id)
        _check_device_id(device_id)
        _context_settings["device_id"] = device_id
        _context_set_once["device_id"] = True

    @property
    def jit_config(self):
        """The ``jit_config`` dict set last (the stored dict itself)."""
        return _context_settings["jit_config"]

    def get_jit_config(self):
        """The ``jit_config`` dict set last (the stored dict itself)."""
        return _context_settings["jit_config"]


# The context object, as MindSpore's module keeps it (``_context()`` makes it again after a
# caller cleared this name).
K_CONTEXT = None


def _context():
    """The process's context object (made on the first call), kept in ``K_CONTEXT``."""
    global K_CONTEXT
    if K_CONTEXT is None:
        K_CONTEXT = _Context()
    return K_CONTEXT


_context()


def _checked(key, value):
    """`value` for `key` as MindSpore 2.10's set_context takes it (its errors otherwise)."""
    if key in _REMOVED:
        raise ValueError(f"For 'context.set_context', the parameter '{key}' has been removed since "
                         f"MindSpore 2.10 version. {_REMOVED[key]}")
    if key not in _context_settings and key not in _DEPRECATED and key not in _IGNORED:
        raise ValueError(f"For 'context.set_context', the keyword argument {key} is not recognized! "
                         "For detailed usage of 'set_context', please refer to the Mindspore official "
                         "website.")
    _rules.warn_deprecated(key)
    _rules.check_param_type(key, value)
    if key in _BOOLS and not isinstance(value, bool):
        raise DTypeError(f"The parameter '{key}' must be {bool}, but got {type(value)}")
    if key == "mode" and value not in (GRAPH_MODE, PYNATIVE_MODE):
        raise ValueError("For 'context.set_context', the argument 'mode' should be context.GRAPH_MODE (0) "
                         f"or context.PYNATIVE_MODE (1), but got {value}.")
    if key in _INT_KEYS and isinstance(value, bool):
        value = int(value)
    if key == "device_id":
        _check_device_id(value)
    if key == "save_graphs":  # True is level 2, as MindSpore stores it
        value = (2 if value else 0) if isinstance(value, bool) else value
        if value > 3 or value < 0:
            raise ValueError(f"value for save_graphs should be 0-3 but got '{value}'")
    if key == "memory_optimize_level":  # stored as its number, as MindSpore stores it
        if value not in ("O0", "O1"):
            raise ValueError("For 'context.set_context', the argument 'memory_optimize_level' must be "
                             f"one of ['O0', 'O1'], but got {value}.")
        value = int(value[1])
    if key == "save_graphs_path":
        value = _rules.make_graphs_dir(value)
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
    if key in _NON_NEGATIVE_KEYS and value < 0:
        raise ValueError(_NON_NEGATIVE_KEYS[key])
    return _checked_choice(key, value)


def _check_device_id(value):
    """MindSpore's range of device ids, and its refusal of a second id."""
    if value < 0 or value > 4095:
        raise ValueError("For 'context.set_context', the argument 'device_id' must be in range "
                         f"[0, 4095], but got {value}.")
    if _context_set_once["device_id"] and value != _context_settings["device_id"]:
        raise DTypeError(f"For 'set_context', the parameter device_id can not be set repeatedly, "
                         f"origin value [{_context_settings['device_id']}] has been in effect. Maybe "
                         "'mindspore.communication.init()' has been called before 'set_context()'.")


def _checked_choice(key, value):
    """The keys taking one of a few values."""
    if key == "jit_syntax_level" and value not in (STRICT, COMPATIBLE, LAX):
        raise ValueError("For 'jit_syntax_level', the value should be context.STRICT or "
                         f"context.LAX, but got {value}.")
    if key == "debug_level" and value not in (RELEASE, DEBUG):
        raise ValueError("For 'debug_level', the value should be context.DEBUG or context.RELEASE, "
                         f"but got {value}.")
    if key == "exec_order" and value not in ("bfs", "dfs"):
        raise ValueError("For 'context.set_context', the argument 'exec_order' must be one of "
                         f"['bfs', 'dfs'], but got {value}.")
    if key == "aoe_tune_mode" and value not in ("online", "offline"):
        raise ValueError("For 'context.set_context', the argument 'aoe_tune_mode' must be in "
                         f"['online', 'offline'], but got {value}.")
    if key == "deterministic" and value not in ("ON", "OFF"):
        raise ValueError("For 'context.set_context', the argument 'deterministic' must be one of "
                         f"['ON', 'OFF'], but got {value}.")
    if key == "jit_config":
        value = _rules.check_jit_config(value)
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


def _type_checked(func):
    """``set_context`` behind MindSpore's type check of its keys (``__wrapped__`` is the function
    without it, as MindSpore's decorator leaves it)."""
    @_functools.wraps(func)
    def wrapper(**kwargs):
        _rules.check_types(kwargs)
        return func(**kwargs)
    return wrapper


@_type_checked
def set_context(**kwargs):
    """Sets context keys, as MindSpore 2.10's CPU build: every key is checked before any is set.

    ``mode`` selects PYNATIVE_MODE or GRAPH_MODE; ``device_target`` can only be ``'CPU'``;
    ``device_id`` can be set once; ``runtime_num_threads=n`` (n > 0) sets the number of threads
    of the CPU kernels, as ``device_context.cpu.op_tuning.threads_num(n)`` does (before any large
    computation; see ``easy_mindspore._threads``); ``save_graphs=True`` is stored as level 2 (no
    IR files are written: this engine's graphs are traces, not MindSpore's compiler passes) and
    ``save_graphs_path`` is created when missing; ``deterministic='ON'`` sets the environment
    variables ``HCCL_DETERMINISTIC=true`` and ``TE_PARALLEL_COMPILER=1`` (``'OFF'`` unsets
    them); ``jit_config`` takes ``jit_level`` ('O0', 'O1', 'O2') and ``infer_boost`` ('on',
    'off'). The keys of another device (``max_device_memory``, ``ascend_config``...) are ignored
    with MindSpore's warning, and deprecated keys warn; the other keys are stored and read back by
    :func:`get_context`.

    Args:
        **kwargs: Context keys and their values.

    Raises:
        TypeError: A value of the wrong type (``The parameter 'mode' must be <class 'int'>...``).
        ValueError: An unknown key or a value out of its range.
        RuntimeError: ``device_target`` other than ``'CPU'``.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_context(mode=ms.PYNATIVE_MODE, jit_config={"jit_level": "O1"})
        >>> ms.get_context("jit_config")
        {'jit_level': 'O1'}
        >>> ms.set_context(jit_config={})
    """
    checked = {key: _checked(key, value) for key, value in kwargs.items()}
    for key, value in checked.items():
        if key in _rules.OTHER_DEVICES:
            _log.warning(f"For 'context.set_context', when set the argument '{key}', the argument "
                         f"'device_target' only supports devices in '{_rules.OTHER_DEVICES[key]}', "
                         "but got 'CPU', ignore it.")
        elif key in _IGNORED or key in _DEPRECATED:
            continue
        elif key == "deterministic":
            if not _context_set_once["set_deterministic"]:
                _rules.apply_deterministic(value == "ON", value, from_context=True)
                _context_settings[key] = value
        else:
            if key == "runtime_num_threads" and value:
                _threads.set_threads(value)
            if key == "device_id":
                _context_set_once["device_id"] = True
            _context_settings[key] = value
    _mode[0] = _context_settings["mode"] == GRAPH_MODE


def get_context(attr_key):
    """The value of a context key: what :func:`set_context` stored, or the CPU's default.

    Args:
        attr_key (str): The key.

    Returns:
        The key's value.

    Raises:
        ValueError: An unknown key.

    Examples:
        >>> import mindspore as ms
        >>> ms.get_context("device_target")
        'CPU'
    """
    if not isinstance(attr_key, str) or attr_key not in _context_settings:
        raise ValueError(f"For 'context.get_context', the argument {attr_key} is not recognized! For "
                         "detailed usage of 'get_context', please refer to the Mindspore official website.")
    if attr_key == "runtime_num_threads" and _context_settings[attr_key] is None:
        return _threads.num_threads()
    return _context_settings[attr_key]


def get_jit_config():
    """The ``jit_config`` dict set last by ``set_context(jit_config=...)`` (empty by default).

    Returns:
        dict, the stored dict itself.

    Examples:
        >>> from mindspore import context
        >>> context.set_context(jit_config={"jit_level": "O0"})
        >>> context.get_jit_config()
        {'jit_level': 'O0'}
        >>> context.set_context(jit_config={})
    """
    return _context_settings["jit_config"]


def _set_deterministic(deterministic):
    """``mindspore.set_deterministic``: once per process, a bool; sets ``deterministic`` to 'ON'
    or 'OFF' with its environment switches (every kernel here is deterministic already)."""
    if deterministic is not None and not isinstance(deterministic, bool):
        raise DTypeError(f"The parameter 'deterministic' must be {bool}, but got "
                         f"{type(deterministic)}")
    if _context_set_once["set_deterministic"]:
        raise ComputeError("The 'mindspore.set_deterministic' can not be set repeatedly.")
    _rules.apply_deterministic(bool(deterministic), str(deterministic), from_context=False)
    _context_settings["deterministic"] = "ON" if deterministic else "OFF"
    _context_set_once["set_deterministic"] = True


# ``mindspore.context``'s parameter-server context (MindSpore keeps it here; ``_ps_context``).
from ._ps_context import get_ps_context, reset_ps_context, set_ps_context  # noqa: E402

__all__ += ["set_ps_context", "get_ps_context", "reset_ps_context"]

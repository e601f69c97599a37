"""``mindspore.context``: execution modes and the context keys of ``set_context``/``get_context``.

``PYNATIVE_MODE`` (the default) runs every operation eagerly. ``GRAPH_MODE`` runs the functions
returned by ``GradOperation``, ``grad`` and ``value_and_grad``, the results of ``vjp`` and
``jvp``, and every ``nn.Cell`` call *compiled*: through ``jit`` (see ``easy_mindspore._jit``),
with a cache of graphs per grad function, per cell instance and per function given to
``vjp``/``jvp``. Results are the same as in PyNative mode; Python control flow on tensor values
keeps working (one graph per path). Calls made while a compiled function is being traced are
part of its graph.

The other keys are MindSpore 2.10's (CPU build), checked as it checks them (types first, then
values, key by key in the order given), stored, and returned by ``get_context`` as it returns
them (see ``easy_mindspore._context_keys``). ``runtime_num_threads`` sizes the CPU kernels' pool;
``save_graphs_path`` is created (mode 0o700) as MindSpore creates it. This engine writes no IR
files for ``save_graphs``: its compiled functions are traces of Python calls, not MindSpore's
compiler passes. Keys of another device (``max_device_memory``, ``variable_memory_max_size``,
``print_file_path``, ``ascend_config``, ``gpu_config``...) are ignored with MindSpore's warning,
and ``device_target`` ``'GPU'``/``'Ascend'`` is a RuntimeError, as on MindSpore's CPU build.
"""
import functools
import os
import threading

from . import _threads
from . import _context_keys as _keys
from ._auto_parallel import (ParallelMode, get_auto_parallel_context, reset_auto_parallel_context,
                             set_auto_parallel_context)
from ._errors import ComputeError, DTypeError

GRAPH_MODE = 0
PYNATIVE_MODE = 1
_DEVICE_APP_MEMORY_SIZE = 31  # MindSpore's bound of variable_memory_max_size, in GB
_RE_PATTERN = r'[1-9][0-9]*(\.)?[0-9]*GB|0\.[0-9]*GB'
# The global _Context, created by _context() (MindSpore's name; setting it to None makes the next
# _context() build a new one, over the same parameters).
K_CONTEXT = None
# The levels of ``set_context(jit_syntax_level=...)``: the Python a compiled function may use
# (everything Python runs here: functions are traced, not parsed) and of ``debug_level``.
STRICT, COMPATIBLE, LAX = 0, 1, 2
RELEASE, DEBUG = 0, 1

# True in GRAPH_MODE: read on the hot path of every grad function and cell call.
_mode = [False]
# The process-wide parameters (MindSpore's C++ MsContext): name -> value.
_params = {name: default for name, (_, default) in _keys.PARAMS.items()}
# What mindspore.set_device / set_deterministic configured (None: not called).
_device_conf = {"device": None, "deterministic": None}

__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "STRICT", "COMPATIBLE", "LAX", "RELEASE", "DEBUG",
           "set_context", "get_context", "get_jit_config", "ParallelMode", "set_auto_parallel_context",
           "get_auto_parallel_context", "reset_auto_parallel_context"]


def _param_name(param):
    name = param if isinstance(param, str) else getattr(param, "name", param)
    if name not in _keys.PARAMS:
        raise ValueError(f"Unknown context parameter {param!r}.")
    return name


def _make_directory(path):
    """MindSpore's check and creation of a directory (``save_graphs_path``): its real path."""
    if path is None or not isinstance(path, str) or path.strip() == "":
        raise ValueError("For 'context.set_context', the 'save_graphs_path' or the 'print_file_path' is "
                         f"invalid type, it should be Non-empty string, but got '{path}'.")
    path = os.path.realpath(path)
    if not os.path.exists(path):
        try:
            os.makedirs(path, mode=0o700)
        except FileExistsError:
            pass
        except PermissionError as e:
            raise ValueError(f"{e}\nNo write permission on the directory '{path}'.") from e
    return path


class _ThreadLocalInfo(threading.local):
    def __init__(self):
        super().__init__()
        self.reserve_class_name_in_scope = True
        self.debug_runtime = False


class _Context:
    """The context (a singleton: use ``_context()``). Its parameters are the process's; its
    attributes (``jit_config``, ``ascend_config``...) are rebuilt with it."""
    _instance = None
    _instance_lock = threading.Lock()

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            with cls._instance_lock:
                if cls._instance is None:
                    cls._instance = object.__new__(cls)
        return cls._instance

    def __init__(self):
        self._thread_local_info = _ThreadLocalInfo()
        self._support_binary = False
        self.enable_compile_cache = None
        self._mode = PYNATIVE_MODE
        self.aoe_config = {}
        self.jit_config = {}
        self.ascend_config = {}
        self.gpu_config = {}

    # the parameters
    def get_param(self, param):
        """The value of a parameter (a name, or an object with that ``name``)."""
        name = _param_name(param)
        if name == "deterministic" and _device_conf["deterministic"] is not None:
            return "ON" if _device_conf["deterministic"] else "OFF"
        return _params[name]

    def set_param(self, param, value):
        """Sets a parameter, checked as MindSpore's C++ context checks it (RuntimeError for a
        value of another type)."""
        name = _param_name(param)
        _params[name] = _keys.check_param_value(name, value)

    def get_mode(self):
        """The current mode."""
        return _params["mode"]

    def get_jit_config(self):
        """The jit_config last given to set_context."""
        return self.jit_config

    # the setters of set_context
    def set_mode(self, mode):
        """GRAPH_MODE (0) or PYNATIVE_MODE (1)."""
        if mode not in (GRAPH_MODE, PYNATIVE_MODE):
            raise ValueError("For 'context.set_context', the argument 'mode' should be context.GRAPH_MODE (0) "
                             f"or context.PYNATIVE_MODE (1), but got {mode}.")
        self.set_param("mode", mode)
        self._mode = int(mode)
        _mode[0] = _params["mode"] == GRAPH_MODE

    def set_jit_syntax_level(self, level):
        if level not in (STRICT, COMPATIBLE, LAX):
            raise ValueError("For 'context.set_jit_syntax_level', the argument 'level' should be context.STRICT "
                             f"or context.LAX, but got {level}.")
        self.set_param("jit_syntax_level", level)

    def set_debug_level(self, level):
        if level not in (RELEASE, DEBUG):
            raise ValueError("For 'context.set_debug_level', the argument 'level' should be context.RELEASE "
                             f"or context.DEBUG, but got {level}.")
        self.set_param("debug_level", level)

    def set_memory_optimize_level(self, level):
        _keys.choice("memory_optimize_level", level, ["O0", "O1"])
        self.set_param("memory_optimize_level", 0 if level == "O0" else 1)

    def set_exec_order(self, exec_order):
        _keys.choice("exec_order", exec_order, ["bfs", "dfs"])
        self.set_param("exec_order", exec_order)

    def set_deterministic(self, deterministic):
        """``'ON'``/``'OFF'``, with MindSpore's environment variables for its Ascend libraries
        (``HCCL_DETERMINISTIC``, ``TE_PARALLEL_COMPILER``). The CPU kernels here are
        deterministic either way."""
        _keys.choice("deterministic", deterministic, ["ON", "OFF"])
        self.set_param("deterministic", deterministic)
        _deterministic_env(deterministic == "ON", "'ON'" if deterministic == "ON" else "'OFF'")

    def set_jit_config(self, jit_config):
        for key, value in _keys.check_jit_config(jit_config):
            self.set_param(key, value)
        self.jit_config = jit_config
        if jit_config.get("infer_boost") == "on" and jit_config.get("jit_level") in ("O1", "O2"):
            raise ValueError("Only jit_level set O0 can set infer_boost to on.")

    def set_aoe_config(self, aoe_config):
        for key, value in _keys.check_aoe_config(aoe_config):
            self.set_param(key, value)
        self.aoe_config = aoe_config

    def set_aoe_tune_mode(self, tune_mode):
        _keys.choice("aoe_tune_mode", tune_mode, ['online', 'offline'], "must be in")
        self.set_param("aoe_tune_mode", tune_mode)

    def set_save_graphs_path(self, save_graphs_path):
        self.set_param("save_graphs_path", _make_directory(save_graphs_path))

    def set_device_target(self, target):
        """``'CPU'``; ``'GPU'``, ``'Ascend'`` (and ``'Davinci'``, its old name) are refused as
        MindSpore's CPU build refuses them (RuntimeError)."""
        _keys.choice("device_target", target, ["CPU", "GPU", "Ascend", "Davinci"])
        if target == "Davinci":
            _keys.warning("The device 'Davinci' is deprecated and will be removed in the next version. For "
                         "'context.set_context', please set the argument 'device_target' to 'CPU', 'GPU' or "
                         "'Ascend',if you set it to 'Davinci', it will be automatically changed to 'Ascend'.")
            target = "Ascend"
        _check_device_available(target)
        self.set_param("device_target", target)

    def set_device_id(self, device_id):
        if device_id < 0 or device_id > 4095:
            raise ValueError("For 'context.set_context', the argument 'device_id' must be in range [0, 4095], "
                             f"but got {device_id}.")
        if _device_conf["device"] is not None and device_id != _params["device_id"]:
            raise DTypeError(f"For 'set_context', the parameter device_id can not be set repeatedly, origin "
                             f"value [{_params['device_id']}] has been in effect. Maybe "
                             "'mindspore.communication.init()' has been called before 'set_context()'.")
        self.set_param("device_id", device_id)

    def set_max_call_depth(self, max_call_depth):
        if max_call_depth <= 0:
            raise ValueError("For 'context.set_context', the argument 'max_call_depth' must be greater than 0, "
                             f"but got {max_call_depth}.")
        self.set_param("max_call_depth", max_call_depth)

    def set_profiling_options(self, option):
        if not isinstance(option, str):
            raise DTypeError("For 'context.set_context', the argument 'profiling_option' must be string, "
                             f"but got {type(option)}.")
        self.set_param("profiling_options", option)

    def set_env_config_path(self, env_config_path):
        # MindSpore's CPU wheel is built with ENABLE_DUMP_IR: the file must exist and be JSON.
        import json
        path = os.path.realpath(env_config_path)
        if not os.path.isfile(path):
            raise ValueError(f"For 'context.set_context', the 'env_config_path' file {path!r} is not exists, "
                             "please check whether 'env_config_path' is correct.")
        try:
            with open(path, 'r', encoding='utf-8') as f:
                json.load(f)
        except (TypeError, ValueError) as e:
            raise ValueError(f"{e}\nFor 'context.set_context', open or load the 'env_config_path' file {path} "
                             "failed, please check whether 'env_config_path' is json file and correct, or may "
                             "not have permission to read it.") from e
        self.set_param("env_config_path", path)

    def set_runtime_num_threads(self, runtime_num_threads):
        """The number of threads of the CPU kernels (0 keeps the default; see
        ``easy_mindspore._threads``: set it before any large computation)."""
        if runtime_num_threads < 0:
            raise ValueError("The num of thread must bigger than or equal to 0.")
        if runtime_num_threads:
            _threads.set_threads(int(runtime_num_threads))
        self.set_param("runtime_num_threads", runtime_num_threads)

    def set_op_timeout(self, op_timeout):
        if op_timeout < 0:
            raise ValueError("The num of op exe timeout must bigger than or equal to 0.")
        self.set_param("op_timeout", op_timeout)

    def set_inter_op_parallel_num(self, inter_op_parallel_num):
        if inter_op_parallel_num < 0:
            raise ValueError("The num of parallel thread must bigger than or equal to 0.")
        self.set_param("inter_op_parallel_num", inter_op_parallel_num)

    setters = {
        'mode': set_mode, 'save_graphs_path': set_save_graphs_path, 'device_target': set_device_target,
        'aoe_tune_mode': set_aoe_tune_mode, 'device_id': set_device_id, 'max_call_depth': set_max_call_depth,
        'profiling_options': set_profiling_options, 'env_config_path': set_env_config_path,
        'inter_op_parallel_num': set_inter_op_parallel_num, 'runtime_num_threads': set_runtime_num_threads,
        'memory_optimize_level': set_memory_optimize_level, 'exec_order': set_exec_order,
        'op_timeout': set_op_timeout, 'deterministic': set_deterministic,
        'jit_syntax_level': set_jit_syntax_level, 'debug_level': set_debug_level,
        'aoe_config': set_aoe_config, 'jit_config': set_jit_config,
    }

    @property
    def reserve_class_name_in_scope(self):
        """Whether scope names keep the network's class name."""
        return self._thread_local_info.reserve_class_name_in_scope

    @reserve_class_name_in_scope.setter
    def reserve_class_name_in_scope(self, value):
        if not isinstance(value, bool):
            raise ValueError("For 'context.set_context', the type of the property 'reserve_class_name_in_scope' "
                             f"must be bool, but got {type(value)}.")
        self._thread_local_info.reserve_class_name_in_scope = value

    @property
    def enable_ge(self):
        """Whether the backend is Ascend's GE: never on the CPU."""
        return False

    @property
    def enable_debug_runtime(self):
        return self._thread_local_info.debug_runtime

    @enable_debug_runtime.setter
    def enable_debug_runtime(self, enable):
        self._thread_local_info.debug_runtime = enable

    @property
    def support_binary(self):
        """Whether graph mode may run .pyc or .so files."""
        return self._support_binary

    @support_binary.setter
    def support_binary(self, support):
        if not isinstance(support, bool):
            raise DTypeError(f"The attribute 'support_binary' should be a bool, but got {type(support)}.")
        self._support_binary = support


# The _Context attributes set_context sets and get_context returns (besides the parameters).
_ATTRS = ("jit_config", "ascend_config", "gpu_config", "aoe_config", "enable_compile_cache",
          "reserve_class_name_in_scope", "support_binary", "enable_ge", "enable_debug_runtime")


def _check_device_available(target):
    if target != "CPU":
        raise ComputeError(f"Unsupported device target {target}. This process only supports one of the "
                           f"['CPU']. Please check whether the {target} environment is installed and "
                           "configured correctly, and check whether current mindspore wheel package was "
                           f"built with \"-e {target}\".")


def _deterministic_env(on, said):
    """MindSpore's handling of ``HCCL_DETERMINISTIC`` and ``TE_PARALLEL_COMPILER`` (read by its
    Ascend libraries) for deterministic computing turned on or off."""
    hccl = os.getenv("HCCL_DETERMINISTIC")
    te = os.getenv("TE_PARALLEL_COMPILER")
    if on:
        if hccl != "strict":
            if hccl and hccl != "true":
                _keys.warning(f"Environment 'HCCL_DETERMINISTIC' should be 'true' or 'strict' when set "
                             f"deterministic={said}, but got '{hccl}'. 'HCCL_DETERMINISTIC' will be set to 'true'.")
            os.environ["HCCL_DETERMINISTIC"] = "true"
        if te and te != "1":
            _keys.warning(f"Environment 'TE_PARALLEL_COMPILER' should be '1' when set deterministic={said}, "
                         f"but got '{te}'. 'TE_PARALLEL_COMPILER' will be set to '1'.")
        os.environ["TE_PARALLEL_COMPILER"] = "1"
        return
    if hccl and hccl != "false":
        _keys.warning(f"Environment 'HCCL_DETERMINISTIC' should not be set or be 'false' when set "
                     f"deterministic={said}, but got '{hccl}'. 'HCCL_DETERMINISTIC' will be unset.")
        del os.environ["HCCL_DETERMINISTIC"]
    if te and te != "0":
        _keys.warning(f"Environment 'TE_PARALLEL_COMPILER' should not be set or be '0' when set "
                     f"deterministic={said}, but got '{te}'. 'TE_PARALLEL_COMPILER' will be unset.")
        del os.environ["TE_PARALLEL_COMPILER"]


def _context():
    """The global _Context (K_CONTEXT), created when there is none."""
    global K_CONTEXT
    if K_CONTEXT is None:
        K_CONTEXT = _Context()
        K_CONTEXT.enable_debug_runtime = False
    return K_CONTEXT


def _type_checked(func):
    """set_context's check of the types of its keys, before anything is set (``__wrapped__`` is
    the function without it, as MindSpore's ``args_type_check`` leaves it)."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if args:
            raise DTypeError("too many positional arguments")
        _keys.check_arg_types(kwargs)
        return func(**kwargs)
    return wrapper


@_type_checked
def set_context(**kwargs):
    """Sets context keys, as MindSpore 2.10's CPU build does: each key's type is checked first
    (TypeError), then the keys are set in the order given (``device_target`` first), each checked
    (ValueError for a bad value; an unknown key is a ValueError once the keys before it are set).

    Args:
        mode (int): ``GRAPH_MODE`` (0) or ``PYNATIVE_MODE`` (1, the default).
        device_target (str): ``'CPU'`` (``'GPU'``/``'Ascend'``: RuntimeError, not available).
        device_id (int): In [0, 4095]; fixed once ``mindspore.set_device`` is called.
        deterministic (str): ``'ON'`` or ``'OFF'`` (MindSpore's environment variables follow).
        jit_config (dict): ``jit_level`` (``'O0'``, ``'O1'``, ``'O2'``), ``infer_boost``.
        save_graphs (Union[bool, int]): 0-3 (True is 2). No IR file is written here.
        save_graphs_path (str): A directory, created; ``get_context`` returns its real path.
        runtime_num_threads (int): The CPU kernels' threads (0: the default).
        **kwargs: MindSpore's other keys (``jit_syntax_level``, ``debug_level``, ``max_call_depth``,
            ``memory_optimize_level``, ``exec_order``, ...). ``max_device_memory``,
            ``variable_memory_max_size``, ``mempool_block_size``, ``print_file_path``,
            ``ascend_config``, ``gpu_config``... are another device's: ignored with a warning.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_context(mode=ms.GRAPH_MODE, jit_config={"jit_level": "O1"})
        >>> ms.get_context("mode"), ms.get_context("jit_config")
        (0, {'jit_level': 'O1'})
        >>> ms.set_context(mode=ms.PYNATIVE_MODE)
    """
    ctx = _context()
    if 'device_target' in kwargs:
        ctx.set_device_target(kwargs['device_target'])
    device = _params["device_target"]
    for key, value in kwargs.items():
        _keys.warn_deprecated(key)
        if key in _keys.DROPPED:
            continue
        if key in _keys.ASCEND_KEYS:
            raise ValueError(f"Please set '{key}' through parameter ascend_config")
        if key == 'save_graphs':
            value = 2 if value is True else 0 if value is False else value
            if value > 3:
                raise ValueError(f"value for save_graphs should be 0-3 but got '{value}'")
        if key == 'jit_syntax_level' and value not in (STRICT, COMPATIBLE, LAX):
            raise ValueError(f"For 'jit_syntax_level', the value should be context.STRICT or context.LAX, "
                             f"but got {value}.")
        if key == 'debug_level' and value not in (RELEASE, DEBUG):
            raise ValueError(f"For 'debug_level', the value should be context.DEBUG or context.RELEASE, "
                             f"but got {value}.")
        if key == 'enable_compile_cache':
            ctx.enable_compile_cache = value
            ctx.set_param(key, int(value))
            continue
        if not _keys.for_this_device(device, key):
            continue
        if key in _Context.setters:
            if key != 'device_target':  # set first, above
                _Context.setters[key](ctx, value)
            continue
        if key in ("reserve_class_name_in_scope", "support_binary", "enable_debug_runtime"):
            setattr(ctx, key, value)
            continue
        if key in _ATTRS:
            raise AttributeError(f"property '{key}' of '_Context' object has no setter")
        if key in _keys.PARAMS and key[0] != '_':
            ctx.set_param(key, value)
            continue
        raise ValueError(f"For 'context.set_context', the keyword argument {key} is not recognized! For "
                         "detailed usage of 'set_context', please refer to the Mindspore official website.")


def get_context(attr_key):
    """The value of a context key, as MindSpore's ``get_context`` returns it (``mode`` an int,
    ``save_graphs`` 0-3, ``save_graphs_path`` a real path, ``jit_config`` the dict last set...).

    Args:
        attr_key (str): The key.

    Returns:
        Object, its value.

    Raises:
        ValueError: If `attr_key` is not a context key.

    Examples:
        >>> import mindspore as ms
        >>> ms.get_context("device_target"), ms.get_context("max_call_depth")
        ('CPU', 1000)
    """
    if not isinstance(attr_key, str):
        raise DTypeError(f"attribute name must be string, not '{type(attr_key).__name__}'")
    ctx = _context()
    _keys.for_this_device(_params["device_target"], attr_key)
    if attr_key in _ATTRS:
        return getattr(ctx, attr_key)
    if attr_key in _keys.PARAMS and attr_key[0] != '_':
        return ctx.get_param(attr_key)
    raise ValueError(f"For 'context.get_context', the argument {attr_key} is not recognized! For detailed "
                     "usage of 'get_context', please refer to the Mindspore official website.")


def _get_mode():
    """The execution mode (internal)."""
    return _context().get_mode()


def get_jit_config():
    """The ``jit_config`` dict last given to ``set_context`` (empty before).

    Returns:
        dict.

    Examples:
        >>> from mindspore import context
        >>> context.set_context(jit_config={"jit_level": "O0"})
        >>> context.get_jit_config()
        {'jit_level': 'O0'}
    """
    return _context().get_jit_config()

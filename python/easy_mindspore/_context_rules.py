"""The rules ``context.set_context`` checks its keys by, as MindSpore 2.10's CPU build has them
(types, messages and deprecation warnings measured there): the type of each key, the warnings of
deprecated keys, the keys of another device, and the ``deterministic`` environment switches that
``set_context(deterministic=...)`` and ``mindspore.set_deterministic`` share."""
import os as _os

from . import log as _log
from ._errors import ComputeError, DTypeError

# The type each key must have (MindSpore's type check, before any value is looked at; a bool is
# an int, as ``isinstance`` says). A wrong type is its TypeError naming the wanted type(s).
KEY_TYPES = {
    "mode": int, "device_target": str, "device_id": int, "save_graphs": (bool, int),
    "save_graphs_path": str, "max_call_depth": int, "pynative_synchronize": bool,
    "enable_graph_kernel": bool, "graph_kernel_flags": str, "jit_config": dict,
    "max_device_memory": str, "variable_memory_max_size": str, "print_file_path": str,
    "enable_reduce_precision": bool, "check_bprop": bool, "deterministic": str,
    "runtime_num_threads": int, "inter_op_parallel_num": int, "mempool_block_size": str,
    "op_timeout": int, "jit_syntax_level": int, "debug_level": int, "enable_compile_cache": bool,
    "disable_format_transform": bool, "env_config_path": str, "aoe_tune_mode": str,
    "aoe_config": dict, "ascend_config": dict, "gpu_config": dict,
    "reserve_class_name_in_scope": bool, "enable_auto_mixed_precision": bool,
}
# Keys MindSpore's C++ setter checks: a wrong type is its RuntimeError naming the parameter's
# number in MindSpore's table of context parameters.
PARAM_IDS = {"enable_profiling": (13, bool), "dataset_broadcast_opt_level": (49, int),
             "compile_cache_path": (66, str), "jit_level": (87, str)}

_USE = "Please use the api mindspore."
# The warning of a key that MindSpore 2.10 still takes but will remove: what to use instead.
DEPRECATED_FOR = {
    "device_target": _USE + "set_device() instead.", "device_id": _USE + "set_device() instead.",
    "save_graphs": "Please use the env MS_DEV_SAVE_GRAPHS instead.",
    "save_graphs_path": "Please use the env MS_DEV_SAVE_GRAPHS_PATH instead.",
    "max_call_depth": _USE + "set_recursion_limit() instead.",
    "pynative_synchronize": _USE + "runtime.launch_blocking() instead.",
    "max_device_memory": _USE + "runtime.set_memory() instead.",
    "variable_memory_max_size": _USE + "runtime.set_memory() instead.",
    "memory_optimize_level": _USE + "runtime.set_memory() instead.",
    "mempool_block_size": _USE + "runtime.set_memory() instead.",
    "check_bprop": "", "debug_level": "",
    "deterministic": _USE + "set_deterministic() instead.",
    "runtime_num_threads": _USE + "device_context.cpu.op_tuning.threads_num() instead.",
    "inter_op_parallel_num": _USE + "runtime.dispatch_threads_num() instead.",
    "op_timeout": _USE + "device_context.ascend.op_debug.execute_timeout() instead.",
    "enable_compile_cache": "Please use the env MS_COMPILER_CACHE_ENABLE instead.",
    "aoe_tune_mode": _USE + "device_context.ascend.op_tuning.aoe_tune_mode() instead.",
    "aoe_config": _USE + "device_context.ascend.op_tuning.aoe_job_type() instead.",
    "ascend_config": _USE + ",\n{0}mindspore.".format(" " * 55).join(
        ["device_context.ascend.op_precision.precision_mode()",
         "device_context.ascend.op_precision.op_precision_mode()",
         "device_context.ascend.op_precision.matmul_allow_hf32()",
         "device_context.ascend.op_precision.conv_allow_hf32()",
         "device_context.ascend.op_tuning.op_compile() instead."]),
    "gpu_config": _USE + ",\n{0}mindspore.".format(" " * 53).join(
        ["device_context.gpu.op_precision.conv_allow_tf32()",
         "device_context.gpu.op_precision.matmul_allow_tf32()",
         "device_context.gpu.op_precision.conv_fprop_algo()",
         "device_context.gpu.op_precision.conv_wgrad_algo()",
         "device_context.gpu.op_precision.conv_dgrad_algo() instead."]),
}
_NEXT = "parameter is deprecated, and will be removed in the next version."
# The older style of deprecation warning: the whole sentence after the key's name.
DEPRECATED_SAYING = {
    "enable_graph_kernel": _NEXT + " Please use jit_config={'jit_level': 'O1'} instead.",
    "graph_kernel_flags": _NEXT + " Please use environ variable 'MS_DEV_GRAPH_KERNEL_FLAGS' instead.",
    "print_file_path": "parameter is deprecated due to changes in the behavior of the print "
                       "operator. Recommend not using this parameter and directly viewing the "
                       "screen output.",
    "reserve_class_name_in_scope": _NEXT, "enable_sparse": _NEXT, "auto_tune_mode": _NEXT,
    "enable_auto_mixed_precision": "parameter is deprecated. For details, please see the "
                                   "interface parameter API comments",
}
# Keys only another device uses: MindSpore's CPU build warns and keeps the CPU's value.
OTHER_DEVICES = {"max_device_memory": "['Ascend', 'GPU']", "variable_memory_max_size": "['Ascend']",
                 "print_file_path": "['Ascend']", "mempool_block_size": "['GPU', 'Ascend']",
                 "enable_reduce_precision": "['Ascend']", "ascend_config": "['Ascend']",
                 "gpu_config": "['GPU']", "disable_format_transform": "['GPU']"}
# The keys of ``jit_config`` and their values.
JIT_CONFIG_KEYS = {"jit_level": ["O0", "O1", "O2"], "infer_boost": ["on", "off"]}


def check_types(kwargs):
    """MindSpore's type check of ``set_context``'s keys (None passes, as there)."""
    for key, value in kwargs.items():
        wanted = KEY_TYPES.get(key)
        if wanted is not None and value is not None and not isinstance(value, wanted):
            raise DTypeError(f"The parameter '{key}' must be {wanted}, but got {type(value)}")


def warn_deprecated(key):
    """MindSpore's warning for a deprecated key (nothing for the others)."""
    if key in DEPRECATED_FOR:
        tail = DEPRECATED_FOR[key]
        _log.warning(f"For 'context.set_context', the parameter '{key}' will be deprecated and "
                     f"removed in a future version.{' ' + tail if tail else ''}")
    elif key in DEPRECATED_SAYING:
        _log.warning(f"For 'context.set_context', '{key}' {DEPRECATED_SAYING[key]}")


def check_param_type(key, value):
    """The type checks MindSpore makes in its C++ setter and in a few of its own setters."""
    if key in PARAM_IDS:
        number, kind = PARAM_IDS[key]
        is_bool = isinstance(value, bool)
        if is_bool != (kind is bool) or not isinstance(value, kind):
            raise ComputeError(f"Got illegal param {number} and value with type {type(value)}")
    if key == "profiling_options" and not isinstance(value, str):
        raise DTypeError("For 'context.set_context', the argument 'profiling_option' must be "
                         f"string, but got {type(value)}.")
    if key == "support_binary" and not isinstance(value, bool):
        raise DTypeError(f"The attribute 'support_binary' should be a bool, but got {type(value)}.")


def check_jit_config(value):
    """The checked copy of a ``jit_config`` dict (MindSpore's ValueErrors for unknown keys and
    values; ``infer_boost`` warns that it is deprecated)."""
    for key in value:
        item = value[key]
        if key not in JIT_CONFIG_KEYS:
            raise ValueError("For 'context.set_context', the key of argument 'jit_config' must be "
                             f"one of {JIT_CONFIG_KEYS}, but got {key}.")
        if not isinstance(item, str) or item not in JIT_CONFIG_KEYS[key]:
            raise ValueError(f"For 'jit_config', the value of argument {key} must be one of "
                             f"{JIT_CONFIG_KEYS[key]}, but got {item}.")
    if "infer_boost" in value:
        _log.warning("For 'context.set_context', the parameter 'infer_boost' is deprecated from "
                     "version 2.10.0 and will be removed in a future version.")
    return dict(value)


def make_graphs_dir(value):
    """The real path of ``save_graphs_path``, created (mode 0o700) when it does not exist."""
    if not value:
        raise ValueError("For 'context.set_context', the 'save_graphs_path' or the 'print_file_path' "
                         f"is invalid type, it should be Non-empty string, but got '{value}'.")
    path = _os.path.realpath(value)
    if not _os.path.exists(path):
        _os.makedirs(path, mode=0o700)
    return path


def apply_deterministic(on, shown, from_context):
    """Sets or clears the environment switches of deterministic computing as MindSpore does:
    ``HCCL_DETERMINISTIC`` ('true', or 'strict' kept) and ``TE_PARALLEL_COMPILER`` ('1') when
    `on`; both unset when off unless they hold 'false' and '0'. A value changed is warned about
    (`shown` is how the setting reads in the warning: 'ON'/'OFF' or 'True'/'False')."""
    hccl, te = _os.environ.get("HCCL_DETERMINISTIC"), _os.environ.get("TE_PARALLEL_COMPILER")
    head = f"when set deterministic='{shown}', but got"
    if on:
        if hccl is not None and hccl not in ("true", "strict"):
            quote = "" if from_context else "'"
            _log.warning(f"Environment 'HCCL_DETERMINISTIC' should be 'true' or 'strict' {head} "
                         f"'{hccl}'. {quote}HCCL_DETERMINISTIC' will be set to 'true'.")
        if hccl not in ("true", "strict"):
            _os.environ["HCCL_DETERMINISTIC"] = "true"
        if te is not None and te != "1":
            _log.warning(f"Environment 'TE_PARALLEL_COMPILER' should be '1' {head} '{te}'. "
                         "'TE_PARALLEL_COMPILER' will be set to '1'.")
        _os.environ["TE_PARALLEL_COMPILER"] = "1"
        return
    if hccl is not None and hccl != "false":
        _log.warning(f"Environment 'HCCL_DETERMINISTIC' should not be set or be 'false' {head} "
                     f"'{hccl}'. 'HCCL_DETERMINISTIC' will be unset.")
        del _os.environ["HCCL_DETERMINISTIC"]
    if te is not None and te != "0":
        _log.warning(f"Environment 'TE_PARALLEL_COMPILER' should not be set or be '0' {head} "
                     f"'{te}'. 'TE_PARALLEL_COMPILER' will be unset.")
        del _os.environ["TE_PARALLEL_COMPILER"]

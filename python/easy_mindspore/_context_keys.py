"""The keys of ``mindspore.context`` (``set_context``/``get_context``), as MindSpore 2.10's CPU
build has them: the parameters of its C++ context with their ids and CPU defaults, the Python
types ``set_context`` checks first, the keys only another device uses (ignored on the CPU, with
MindSpore's warning), the deprecated and removed keys, and the checks of ``jit_config`` and
``aoe_config``."""
import os

from . import log as _log
from ._errors import ComputeError, DTypeError


def warning(msg):
    """MindSpore's warning line on stderr (``[WARNING] ME(pid): msg``, at ``GLOG_v`` 0-2)."""
    _log.warning(msg)

# name: (id in MindSpore's ms_ctx_param, default on CPU). The type of the default is the type the
# C++ context accepts (an int parameter takes a bool as 0/1; a float one takes only a float).
PARAMS = {
    "check_bprop": (0, False), "enable_graph_kernel": (3, False), "enable_reduce_precision": (8, True),
    "enable_profiling": (13, False), "enable_parallel_split": (15, False), "pynative_synchronize": (17, False),
    "disable_format_transform": (21, False), "recompute_allgather_overlap_fagrad": (22, False),
    "enable_task_opt": (23, False), "enable_grad_comm_opt": (24, False), "enable_opt_shard_comm_opt": (25, False),
    "interleaved_matmul_comm": (26, False), "interleaved_layernorm_comm": (27, False),
    "bias_add_comm_swap": (28, False), "conv_allow_tf32": (29, True), "matmul_allow_tf32": (30, False),
    "hccl_watchdog": (31, True), "enable_begin_end_inline_opt": (32, False),
    "enable_concat_eliminate_opt": (33, False), "enable_flash_attention_load_balance": (34, False),
    "enable_allreduce_slice_to_reducescatter": (35, False), "enable_interleave_split_concat_branch": (36, False),
    "enable_interleave_parallel_branch": (37, False), "enable_fused_cast_add_opt": (38, False),
    "need_ckpt": (39, False), "enable_offloading_packed_experts": (40, True),
    "mode": (41, 1), "memory_optimize_level": (42, 0), "save_graphs": (43, 0), "jit_syntax_level": (44, 2),
    "cur_step_num": (45, 0), "save_checkpoint_steps": (46, 0), "last_triggered_step": (47, 0),
    "compute_communicate_fusion_level": (48, 0), "dataset_broadcast_opt_level": (49, 0),
    "enable_compile_cache": (50, -1), "debug_level": (51, 0), "device_id": (52, 0),
    "runtime_num_threads": (53, min(30, os.cpu_count() or 1)), "inter_op_parallel_num": (54, 0),
    "max_call_depth": (56, 1000), "op_timeout": (58, 900),
    "max_device_memory": (59, 1024.0), "mempool_block_size": (60, 1.0),
    "device_target": (61, "CPU"), "_graph_memory_max_size": (62, "0"), "print_file_path": (63, ""),
    "profiling_options": (64, "training_trace"), "save_graphs_path": (65, "."), "compile_cache_path": (66, ""),
    "variable_memory_max_size": (67, "0"), "env_config_path": (70, ""), "aoe_tune_mode": (71, ""),
    "aoe_job_type": (72, "2"), "graph_kernel_flags": (73, ""), "deterministic": (75, "OFF"),
    "precision_mode": (76, ""), "jit_compile": (77, ""), "atomic_clean_policy": (78, ""),
    "matmul_allow_hf32": (79, ""), "conv_allow_hf32": (80, ""), "op_precision_mode": (81, ""),
    "ge_options": (82, ""), "conv_fprop_algo": (83, "normal"), "conv_dgrad_algo": (84, "normal"),
    "conv_wgrad_algo": (85, "normal"), "jit_level": (87, ""), "infer_boost": (88, "off"),
    "host_scheduling_max_threshold": (89, ""), "topo_order": (90, ""), "exec_order": (91, "bfs"),
    "op_debug_option": (92, ""), "pp_1f1b_overlap": (93, ""), "recompute_comm_overlap": (94, ""),
    "matmul_grad_comm_overlap": (95, ""),
}

# The types set_context checks before anything else (MindSpore's args_type_check on set_context).
ARG_TYPES = dict(
    mode=int, device_target=str, device_id=int, save_graphs=(bool, int), save_graphs_path=str,
    aoe_tune_mode=str, aoe_config=dict, enable_reduce_precision=bool, variable_memory_max_size=str,
    enable_auto_mixed_precision=bool, inter_op_parallel_num=int, enable_graph_kernel=bool,
    reserve_class_name_in_scope=bool, check_bprop=bool, max_device_memory=str, print_file_path=str,
    max_call_depth=int, env_config_path=str, graph_kernel_flags=str, save_compile_cache=bool,
    runtime_num_threads=int, load_compile_cache=bool, pynative_synchronize=bool,
    mempool_block_size=str, disable_format_transform=bool, op_timeout=int, deterministic=str,
    ascend_config=dict, jit_syntax_level=int, debug_level=int, jit_enable_inplace_ops=bool,
    gpu_config=dict, jit_config=dict, enable_compile_cache=bool)

# Keys that only these devices use: set on the CPU, they are ignored with a warning.
DEVICE_ONLY = {
    'enable_reduce_precision': ['Ascend'], 'print_file_path': ['Ascend'],
    'variable_memory_max_size': ['Ascend'], 'max_device_memory': ['Ascend', 'GPU'],
    'mempool_block_size': ['GPU', 'Ascend'], 'disable_format_transform': ['GPU'],
    'ascend_config': ['Ascend'], 'gpu_config': ['GPU'],
}

# Keys that must go through ascend_config.
ASCEND_KEYS = ('precision_mode', 'jit_compile', 'atomic_clean_policy', 'matmul_allow_hf32', 'conv_allow_hf32',
               'op_precision_mode', 'host_scheduling_max_threshold', 'ge_options', 'op_debug_option')

_SET_MEMORY = 'api mindspore.runtime.set_memory()'
DEPRECATED = {
    'save_graphs': 'env MS_DEV_SAVE_GRAPHS', 'save_graphs_path': 'env MS_DEV_SAVE_GRAPHS_PATH',
    'check_bprop': '', 'max_call_depth': 'api mindspore.set_recursion_limit()',
    'enable_compile_cache': 'env MS_COMPILER_CACHE_ENABLE', 'enable_cache_path': 'env MS_COMPILER_CACHE_PATH',
    'debug_level': '', 'device_target': 'api mindspore.set_device()', 'device_id': 'api mindspore.set_device()',
    'deterministic': 'api mindspore.set_deterministic()',
    'inter_op_parallel_num': 'api mindspore.runtime.dispatch_threads_num()',
    'pynative_synchronize': 'api mindspore.runtime.launch_blocking()',
    'max_device_memory': _SET_MEMORY, 'variable_memory_max_size': _SET_MEMORY,
    'mempool_block_size': _SET_MEMORY, 'memory_optimize_level': _SET_MEMORY,
    'ascend_config': 'api mindspore.device_context.ascend.op_precision.precision_mode(), '
                     'mindspore.device_context.ascend.op_precision.op_precision_mode(), '
                     'mindspore.device_context.ascend.op_precision.matmul_allow_hf32(), '
                     'mindspore.device_context.ascend.op_precision.conv_allow_hf32(), '
                     'mindspore.device_context.ascend.op_tuning.op_compile()',
    'aoe_tune_mode': 'api mindspore.device_context.ascend.op_tuning.aoe_tune_mode()',
    'aoe_config': 'api mindspore.device_context.ascend.op_tuning.aoe_job_type()',
    'op_timeout': 'api mindspore.device_context.ascend.op_debug.execute_timeout()',
    'op_debug_option': 'api mindspore.device_context.ascend.op_debug.debug_option()',
    'gpu_config': 'api mindspore.device_context.gpu.op_precision.conv_allow_tf32(), '
                  'mindspore.device_context.gpu.op_precision.matmul_allow_tf32(), '
                  'mindspore.device_context.gpu.op_precision.conv_fprop_algo(), '
                  'mindspore.device_context.gpu.op_precision.conv_wgrad_algo(), '
                  'mindspore.device_context.gpu.op_precision.conv_dgrad_algo()',
    'runtime_num_threads': 'api mindspore.device_context.cpu.op_tuning.threads_num()',
}
REMOVED = {
    'exception_dump': ('2.6', 'device_context.ascend.op_debug.aclinit_config()'),
    'precompile_only': ('2.10', 'env MS_DEV_PRECOMPILE_ONLY'),
    'grad_for_scalar': ('2.10', 'tensor derivative'),
}
# Accepted and dropped with a warning.
DROPPED = ('enable_sparse', 'auto_tune_mode', 'enable_auto_mixed_precision')


def check_arg_types(kwargs):
    """set_context's type check: TypeError for the first key of a wrong type (None passes)."""
    for name, value in kwargs.items():
        wanted = ARG_TYPES.get(name)
        if wanted is not None and value is not None and not isinstance(value, wanted):
            raise DTypeError(f"The parameter '{name}' must be {wanted}, but got {type(value)}")


def check_param_value(name, value):
    """The C++ context's check of a value for parameter `name`; returns the value it stores."""
    pid, default = PARAMS[name]
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int)
        value = int(value) if ok else value
    elif isinstance(default, float):
        ok = isinstance(value, float)
    else:
        ok = isinstance(value, str)
    if not ok:
        raise ComputeError(f"Got illegal param {pid} and value with type {type(value)}")
    return value


def warn_deprecated(key):
    """MindSpore's warning for a deprecated key; ValueError for a removed one."""
    if key in DEPRECATED:
        log = (f"For 'context.set_context', the parameter '{key}' will be deprecated and removed in a "
               "future version.")
        if DEPRECATED[key]:
            log += f" Please use the {DEPRECATED[key]} instead."
        warning(log)
    if key in REMOVED:
        version, interface = REMOVED[key]
        raise ValueError(f"For 'context.set_context', the parameter '{key}' has been removed since "
                         f"MindSpore {version} version. Please use the {interface} instead.")
    if key in DROPPED:
        warning(f"For 'context.set_context', '{key}' parameter is deprecated, and will be removed "
                     "in the next version.")
    if key in ('reserve_class_name_in_scope', 'env_config_path'):
        warning(f"For 'context.set_context', '{key}' parameter is deprecated, and will be removed "
                     "in the next version.")
    if key == "print_file_path":
        warning("For 'context.set_context', 'print_file_path' parameter is deprecated due to changes "
                     "in the behavior of the print operator. Recommend not using this parameter and "
                     "directly viewing the screen output.")
    if key == 'enable_graph_kernel':
        warning("For 'context.set_context', 'enable_graph_kernel' parameter is deprecated, and will "
                     "be removed in the next version. Please use jit_config={'jit_level': 'O1'} instead.")
    if key == 'graph_kernel_flags':
        warning("For 'context.set_context', 'graph_kernel_flags' parameter is deprecated, and will be "
                     "removed in the next version. Please use environ variable 'MS_DEV_GRAPH_KERNEL_FLAGS' "
                     "instead.")


def for_this_device(device, key):
    """Whether `key` applies to `device`; a warning says it is ignored when it does not."""
    devices = DEVICE_ONLY.get(key)
    if devices is None or device in devices:
        return True
    warning(f"For 'context.set_context', when set the argument '{key}', the argument "
                 f"'device_target' only supports devices in '{devices}', but got '{device}', ignore it.")
    return False


def check_jit_config(jit_config):
    """Checks `jit_config` key by key; yields the (parameter, value) pairs to store in order."""
    cfgs = {'jit_level': ["O0", "O1", "O2"], 'infer_boost': ["on", "off"]}
    for key in jit_config:
        if key not in cfgs:
            raise ValueError("For 'context.set_context', the key of argument 'jit_config' must be one of "
                             f"{cfgs}, but got {key}.")
        if jit_config[key] not in cfgs[key]:
            raise ValueError(f"For 'jit_config', the value of argument {key} must be one of {cfgs[key]}, "
                             f"but got {jit_config[key]}.")
        if key == "infer_boost":
            warning("The 'infer_boost' sub-parameter of 'context.set_context' is deprecated from "
                         "version 2.10.0 and will be removed in a future version.")
        yield key, jit_config[key]


def check_aoe_config(aoe_config):
    """Checks `aoe_config`; yields the (parameter, value) pairs to store."""
    cfgs = {'job_type': ["1", "2"]}
    for key in aoe_config:
        if key not in cfgs:
            raise ValueError("For 'context.set_context', the key of argument 'aoe_config' must be one of "
                             f"{cfgs}, but got {key}.")
        if aoe_config[key] not in cfgs[key]:
            raise ValueError(f"For 'aoe_config', the value of argument {key} must be one of {cfgs[key]}, "
                             f"but got {aoe_config[key]}.")
        yield "aoe_job_type", aoe_config[key]


def choice(name, value, options, verb="must be one of"):
    """ValueError unless `value` is one of `options` (set_context's message)."""
    if value not in options:
        raise ValueError(f"For 'context.set_context', the argument '{name}' {verb} {options}, but got "
                         f"{value}.")

"""``ParallelMode`` and ``set_auto_parallel_context`` / ``get_auto_parallel_context`` /
``reset_auto_parallel_context`` (MindSpore's names and defaults). What the engine acts on:
``parallel_mode`` (``'data_parallel'``, or ``'hybrid_parallel'``, which reduces gradients the same
way, makes ``nn.TrainOneStepCell`` and ``Model`` all-reduce the gradients), ``gradients_mean``
(divide the sum by the group size) and ``device_num`` (the divisor, default: the group size).
The other keys are kept and returned as set. ``'semi_auto_parallel'`` and ``'auto_parallel'``
(operator sharding) are refused with a RuntimeError."""
from ._errors import ComputeError, DTypeError, ShapeError

__all__ = ["ParallelMode", "set_auto_parallel_context", "get_auto_parallel_context",
           "reset_auto_parallel_context"]


class ParallelMode:
    """Parallel modes: ``STAND_ALONE`` (the default), ``DATA_PARALLEL``, ``HYBRID_PARALLEL``,
    ``SEMI_AUTO_PARALLEL``, ``AUTO_PARALLEL``; ``MODE_LIST`` lists them."""
    STAND_ALONE = "stand_alone"
    DATA_PARALLEL = "data_parallel"
    HYBRID_PARALLEL = "hybrid_parallel"
    SEMI_AUTO_PARALLEL = "semi_auto_parallel"
    AUTO_PARALLEL = "auto_parallel"
    MODE_LIST = [STAND_ALONE, DATA_PARALLEL, HYBRID_PARALLEL, SEMI_AUTO_PARALLEL, AUTO_PARALLEL]


_DEFAULTS = {
    "device_num": 1, "global_rank": 0, "gradients_mean": False, "gradient_fp32_sync": True,
    "parallel_mode": ParallelMode.STAND_ALONE, "search_mode": "recursive_programming",
    "auto_parallel_search_mode": "recursive_programming", "parameter_broadcast": False,
    "strategy_ckpt_load_file": "", "strategy_ckpt_save_file": "", "full_batch": False,
    "enable_parallel_optimizer": False, "all_reduce_fusion_config": [], "pipeline_stages": 1,
    "grad_accumulation_step": 1, "dataset_strategy": "data_parallel", "comm_fusion": {},
    "enable_alltoall": False, "auto_pipeline": False,
}
_settings = dict(_DEFAULTS)
_device_num_set = False


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def set_auto_parallel_context(**kwargs):
    """Sets auto-parallel settings, e.g.
    ``set_auto_parallel_context(parallel_mode=ParallelMode.DATA_PARALLEL, gradients_mean=True)``.

    Raises:
        ValueError: an unknown key, an unknown ``parallel_mode``, ``device_num`` not in
            [1, 4096], ``global_rank`` not in [0, 4095].
        TypeError: ``gradients_mean`` not a bool, ``device_num``/``global_rank`` not an int.
        RuntimeError: ``'semi_auto_parallel'`` or ``'auto_parallel'`` (not supported here).
    """
    global _device_num_set
    for key in kwargs:
        if key not in _DEFAULTS:
            raise ShapeError(f"Set context keyword {key} is not recognized!")
    new = dict(kwargs)
    mode = new.get("parallel_mode")
    if mode is not None:
        if mode not in ParallelMode.MODE_LIST:
            raise ShapeError("The context configuration parameter 'parallel_mode' only support "
                             "'stand_alone', 'data_parallel', 'hybrid_parallel', "
                             "'semi_auto_parallel' and 'auto_parallel', but got the value : "
                             f"{mode}.")
        if mode in (ParallelMode.SEMI_AUTO_PARALLEL, ParallelMode.AUTO_PARALLEL):
            raise ComputeError(f"For 'set_auto_parallel_context', parallel_mode '{mode}' (operator "
                               "sharding) is not supported by easy_mindspore; use "
                               "'data_parallel'.")
    for key in ("gradients_mean", "gradient_fp32_sync", "parameter_broadcast", "full_batch",
                "enable_parallel_optimizer"):
        if key in new and not isinstance(new[key], bool):
            raise DTypeError(f"For 'set_auto_parallel_context', '{key}' must be a bool, but got "
                             f"{type(new[key]).__name__}.")
    for key, lo, hi in (("device_num", 1, 4096), ("global_rank", 0, 4095)):
        if key in new:
            if not _is_int(new[key]):
                raise DTypeError(f"For 'set_auto_parallel_context', '{key}' must be an int, but "
                                 f"got {type(new[key]).__name__}.")
            if not lo <= new[key] <= hi:
                raise ShapeError(f"For 'set_auto_parallel_context', '{key}' must be in [{lo}, {hi}],"
                                 f" but got {new[key]}.")
    _settings.update(new)
    if "device_num" in new:
        _device_num_set = True


def get_auto_parallel_context(attr_key):
    """The value of one setting (``'parallel_mode'``, ``'gradients_mean'``, ``'device_num'``...).

    Raises:
        ValueError: an unknown key.
    """
    if attr_key not in _DEFAULTS:
        raise ShapeError(f"Get context keyword {attr_key} is not recognized!")
    value = _settings[attr_key]
    return list(value) if isinstance(value, list) else value


def reset_auto_parallel_context():
    """Restores every setting's default (``parallel_mode='stand_alone'``,
    ``gradients_mean=False``, ``device_num=1``...)."""
    global _device_num_set
    _settings.clear()
    _settings.update(_DEFAULTS)
    _device_num_set = False


def _data_parallel():
    """True when gradients are to be all-reduced (data or hybrid parallel mode)."""
    return _settings["parallel_mode"] in (ParallelMode.DATA_PARALLEL, ParallelMode.HYBRID_PARALLEL)


def _degree(group_size):
    """The divisor of a gradient mean: ``device_num`` when set, else the group size."""
    return _settings["device_num"] if _device_num_set else group_size

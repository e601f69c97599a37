"""``mindspore.parallel``: what MindSpore's parallel API does in one process.

``Layout`` and its checks, ``shard``/``reshard`` (one device computes everything: the function
and the tensor come back as they are), the strategy-search parameters
(``set_algo_parameters``...), the strategy and group files (``build_searched_strategy``,
``merge_pipeline_strategys``, ``restore_group_info_list``) and the distributed-checkpoint
functions with MindSpore 2.10's checks and results on CPU (``_transform``)."""
from ._algo import get_algo_parameters, reset_algo_parameters, set_algo_parameters
from ._layout import Layout, reshard, shard
from ._strategy import build_searched_strategy, merge_pipeline_strategys, restore_group_info_list
from ._transform import (load_distributed_checkpoint,
                         load_segmented_checkpoints, parameter_broadcast, rank_list_for_transform,
                         sync_pipeline_shared_parameters, transform_checkpoint_by_rank,
                         transform_checkpoints, unified_safetensors)
from ..train import merge_sliced_parameter
from . import function

__all__ = ["Layout", "shard", "reshard", "set_algo_parameters", "get_algo_parameters",
           "reset_algo_parameters", "build_searched_strategy", "merge_pipeline_strategys",
           "restore_group_info_list", "rank_list_for_transform", "transform_checkpoint_by_rank",
           "transform_checkpoints", "load_distributed_checkpoint", "load_segmented_checkpoints",
           "unified_safetensors", "parameter_broadcast", "sync_pipeline_shared_parameters",
           "merge_sliced_parameter", "function"]

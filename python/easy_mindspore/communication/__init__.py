"""``mindspore.communication``: data-parallel communication over Open MPI. ``init()`` joins the
job ``mpirun``/``msrun`` started; ``get_rank()``, ``get_group_size()``, groups; the collectives
are ``mindspore.ops.AllReduce`` etc. and ``comm_func``. The functions here are those of
``management`` (one state per process, in the engine)."""
from . import comm_func, management
from .management import (GlobalComm, HCCL_WORLD_COMM_GROUP, MCCL_WORLD_COMM_GROUP,
                         NCCL_WORLD_COMM_GROUP, create_group, destroy_group, get_comm_name,
                         get_group_rank_from_world_rank, get_group_size, get_local_rank,
                         get_local_rank_size, get_process_group_ranks, get_rank,
                         get_world_rank_from_group_rank, init, release)

__all__ = ["GlobalComm", "HCCL_WORLD_COMM_GROUP", "NCCL_WORLD_COMM_GROUP", "MCCL_WORLD_COMM_GROUP",
           "init", "release", "get_rank", "get_group_size", "get_local_rank", "get_local_rank_size",
           "create_group", "destroy_group", "get_process_group_ranks", "get_world_rank_from_group_rank",
           "get_group_rank_from_world_rank", "get_comm_name", "comm_func", "management"]

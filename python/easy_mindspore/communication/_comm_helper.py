"""``mindspore.communication._comm_helper``: the module MindSpore keeps its communication globals
(``GlobalComm``, the world group names) and the ``_*_helper`` functions ``management`` is built
on; code written for MindSpore imports them from here (``from
mindspore.communication._comm_helper import GlobalComm``). Here they are ``management``'s own
objects and functions (one communication state per process, in the engine), so setting
``GlobalComm.CHECK_ENVS`` or reading ``GlobalComm.INITED`` here is the same as there."""
from .. import _C
from .management import (GlobalComm, HCCL_WORLD_COMM_GROUP, MCCL_WORLD_COMM_GROUP,
                         NCCL_WORLD_COMM_GROUP, create_group, destroy_group, get_group_size,
                         get_local_rank, get_local_rank_size, get_process_group_ranks, get_rank,
                         get_group_rank_from_world_rank, get_world_rank_from_group_rank)

__all__ = ["GlobalComm", "HCCL_WORLD_COMM_GROUP", "NCCL_WORLD_COMM_GROUP", "MCCL_WORLD_COMM_GROUP"]


def _is_initialized():
    """Whether ``init()`` has joined a job (False in a single process that did not call it)."""
    return bool(_C.comm_is_initialized())


def _get_backend():
    """The backend's name: ``GlobalComm.BACKEND`` (``'hccl'`` before ``init()``, ``'mccl'``
    after)."""
    return GlobalComm.BACKEND


def _get_rank_helper(group=None):
    """This process's rank in `group` (the world when None): ``management.get_rank``."""
    return get_rank(GlobalComm.WORLD_COMM_GROUP if group is None else group)


def _get_size_helper(group=None):
    """The number of processes of `group` (the world when None): ``management.get_group_size``."""
    return get_group_size(GlobalComm.WORLD_COMM_GROUP if group is None else group)


def _get_local_rank_helper(group=None):
    """This process's rank on its host: ``management.get_local_rank``."""
    return get_local_rank(GlobalComm.WORLD_COMM_GROUP if group is None else group)


def _get_local_size_helper(group=None):
    """The number of processes on this host: ``management.get_local_rank_size``."""
    return get_local_rank_size(GlobalComm.WORLD_COMM_GROUP if group is None else group)


def _get_group_ranks(group=None):
    """The world ranks of `group`'s members: ``management.get_process_group_ranks``."""
    return get_process_group_ranks(GlobalComm.WORLD_COMM_GROUP if group is None else group)


def _get_world_rank_from_group_rank_helper(group, group_rank_id):
    """``management.get_world_rank_from_group_rank``."""
    return get_world_rank_from_group_rank(group, group_rank_id)


def _get_group_rank_from_world_rank_helper(world_rank_id, group):
    """``management.get_group_rank_from_world_rank``."""
    return get_group_rank_from_world_rank(world_rank_id, group)


def _create_group_helper(group, rank_ids, options=None):
    """``management.create_group``."""
    return create_group(group, rank_ids, options)


def _destroy_group_helper(group):
    """``management.destroy_group``."""
    return destroy_group(group)

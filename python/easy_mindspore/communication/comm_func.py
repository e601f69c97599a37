"""``mindspore.communication.comm_func``: the collectives as functions (MindSpore 2.x). They run
synchronously; with ``async_op=True`` the returned ``CommHandle``'s ``wait()`` returns at once
(the result is already there)."""
from .. import _C
from .._errors import DTypeError
from .management import GlobalComm, get_group_rank_from_world_rank

__all__ = ["CommHandle", "all_reduce", "all_gather_into_tensor", "reduce_scatter_tensor",
           "broadcast", "barrier"]


class CommHandle:
    """The handle of an asynchronous collective; ``wait()`` blocks until it is done (here: it is
    always done)."""

    def wait(self):
        """Returns when the collective has finished."""
        return None


def _args(op_name, tensor, group, op=None):
    from ..tensor import Tensor
    if not isinstance(tensor, Tensor):
        raise DTypeError(f"For '{op_name}', the input tensor must be a Tensor, but got "
                         f"{type(tensor).__name__}.")
    if not isinstance(group, str) or (op is not None and not isinstance(op, str)):
        raise DTypeError(f"For '{op_name}', 'op' and 'group' must be str.")


def _handle(async_op):
    return CommHandle() if async_op else None


def all_reduce(tensor, op="sum", group=GlobalComm.WORLD_COMM_GROUP, async_op=False):
    """Elementwise ``op`` (``'sum'``, ``'max'``, ``'min'``, ``'prod'``) of every process's
    ``tensor``. Returns ``(Tensor, CommHandle or None)``."""
    _args("all_reduce", tensor, group, op)
    return _C.all_reduce(tensor, op, group), _handle(async_op)


def all_gather_into_tensor(tensor, group=GlobalComm.WORLD_COMM_GROUP, async_op=False):
    """Every process's ``tensor`` concatenated along axis 0 in rank order. Returns
    ``(Tensor, CommHandle or None)``."""
    _args("all_gather_into_tensor", tensor, group)
    return _C.all_gather(tensor, group), _handle(async_op)


def reduce_scatter_tensor(tensor, op="sum", group=GlobalComm.WORLD_COMM_GROUP, async_op=False):
    """The ``op`` of every process's ``tensor``, split along axis 0; this process's block.
    Returns ``(Tensor, CommHandle or None)``."""
    _args("reduce_scatter_tensor", tensor, group, op)
    return _C.reduce_scatter(tensor, op, group), _handle(async_op)


def broadcast(tensor, src=0, group=GlobalComm.WORLD_COMM_GROUP):
    """The ``tensor`` of the process of world rank ``src``, on every process of ``group``."""
    _args("broadcast", tensor, group)
    if isinstance(src, bool) or not isinstance(src, int):
        raise DTypeError(f"For 'broadcast', 'src' must be an int, but got {type(src).__name__}.")
    return _C.broadcast(tensor, get_group_rank_from_world_rank(src, group), group)


def barrier(group=GlobalComm.WORLD_COMM_GROUP):
    """Returns when every process of ``group`` has called it."""
    if not isinstance(group, str):
        raise DTypeError(f"For 'barrier', 'group' must be a str, but got {type(group).__name__}.")
    _C.comm_barrier(group)

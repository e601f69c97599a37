"""The collectives and point-to-point messages as PyTorch's ``torch.distributed`` spells them,
``mindspore.mint.distributed`` (and, with its out-of-place switch, ``mindspore.ops.communication``)
of MindSpore 2.x, over the engine's Open MPI communication (the processes ``mpirun``/``msrun``
started; ``management`` underneath).

The tensor functions work **in place**, as MindSpore's: ``all_reduce(t)`` leaves the reduction in
``t``, ``all_gather(tensor_list, t)`` fills ``tensor_list``, ``recv(t, src)`` writes into ``t``;
they return ``None``, or with ``async_op=True`` a ``CommHandle`` whose ``wait()`` returns at once
(every call here completes before it returns). Ranks (``src``, ``dst``, ``peer``) are world ranks
as in PyTorch; ``group`` is a group name (``None``: the world group).

How the rarer forms are built, so that each keeps MindSpore's results:

- ``reduce`` and ``gather`` are an all-reduce and an all-gather whose results only ``dst`` keeps;
  ``scatter`` a broadcast of ``src``'s stacked list, each process keeping its block;
- ``all_to_all`` and the uneven forms exchange every process's inputs with an all-gather (of
  their sizes first), each process keeping what is addressed to it;
- a point-to-point message (``send``/``recv``, ``isend``/``irecv``, ``batch_isend_irecv``) is a
  broadcast inside a group of the two processes, made on their first message (both call
  ``create_group`` at that point); ``batch_isend_irecv`` runs its messages in one order every
  process agrees on (by the pair of ranks, then the sender), so symmetric exchanges cannot
  deadlock. ``isend``/``irecv`` complete when called: a program whose two processes both first
  ``isend`` to each other and only then ``irecv`` waits forever (use ``batch_isend_irecv``);
- the ``*_object*`` functions pickle the objects into byte tensors, exchanged as above.
"""
import pickle

import numpy as np

from .. import _C
from .._errors import ComputeError, DTypeError, ShapeError
from . import management as _m
from .comm_func import CommHandle
from ..tensor import Tensor

__all__ = ["P2POp", "all_gather", "all_gather_into_tensor", "all_gather_into_tensor_uneven",
           "all_gather_object", "all_reduce", "all_to_all", "all_to_all_single", "barrier",
           "batch_isend_irecv", "broadcast", "broadcast_object_list", "destroy_process_group",
           "gather", "gather_object", "get_backend", "get_global_rank", "get_group_rank",
           "get_process_group_ranks", "get_rank", "get_world_size", "init_process_group", "irecv",
           "is_available", "is_initialized", "isend", "new_group", "recv", "recv_object_list",
           "reduce", "reduce_scatter", "reduce_scatter_tensor", "reduce_scatter_tensor_uneven",
           "scatter", "scatter_object_list", "send", "send_object_list"]

_WORLD = _m.GlobalComm.WORLD_COMM_GROUP
_OPS = ("sum", "prod", "min", "max", "avg")


# ---- arguments ---------------------------------------------------------------------------------

def _group(op, group):
    if group is None:
        return _WORLD
    if not isinstance(group, str):
        raise DTypeError(f"For '{op}', the argument 'group' must be type of string, but got 'group' "
                         f"type : {type(group)}.")
    return group


def _tensor(op, t, name="tensor"):
    if not isinstance(t, Tensor):
        raise DTypeError(f"For '{op}', the {name} must be a Tensor, but got {type(t).__name__}.")
    return t


def _tensors(op, ts, name):
    if not isinstance(ts, (list, tuple)):
        raise DTypeError(f"For '{op}', '{name}' must be a list of Tensors, but got {type(ts).__name__}.")
    for t in ts:
        _tensor(op, t, f"elements of '{name}'")
    return list(ts)


def _reduce_op(op_name, op):
    if not isinstance(op, str) or op not in _OPS:
        raise DTypeError(f"For {op_name}, the input op value must be one of sum, prod, min, max, avg, "
                         f"but got {op!r}.")
    return op


def _rank_arg(op, name, v):
    if isinstance(v, bool) or not isinstance(v, int):
        raise DTypeError(f"For '{op}', the {name} must be int, but got {type(v).__name__}.")
    return v


def _async(op, async_op):
    if not isinstance(async_op, bool):
        raise DTypeError(f"The argument 'async_op' must be a bool, but got {type(async_op)}.")
    return CommHandle() if async_op else None


def _set(t, value):
    """Writes `value` into `t` (its shape and dtype kept)."""
    t.assign_value(value.astype(t.dtype).reshape(t.shape))


def _group_rank(op, world_rank, group):
    ranks = _m.get_process_group_ranks(group)
    if world_rank not in ranks:
        raise ShapeError(f"For '{op}', rank {world_rank} is not in group '{group}' (ranks {ranks}).")
    return ranks.index(world_rank)


def _all_reduce_value(t, op, group):
    if op == "avg":
        total = _C.all_reduce(t, "sum", group)
        return total / _m.get_group_size(group)
    return _C.all_reduce(t, op, group)


# ---- process state -----------------------------------------------------------------------------

def is_available():
    """Whether distributed communication is available (it is: over Open MPI)."""
    return True


def is_initialized():
    """Whether :func:`init_process_group` (or ``communication.init``) has run in this process."""
    return _C.comm_is_initialized()


def init_process_group(backend="hccl", init_method=None, timeout=None, world_size=-1, rank=-1,
                       store=None, group_name="", pg_options=None, device_id=None):
    """Joins the job of the processes ``mpirun``/``msrun`` started (``communication.init``).
    `backend` ``'hccl'`` (MindSpore's default, Ascend's) or ``'mccl'`` both mean this engine's
    Open MPI communication; `world_size` and `rank`, when given, must be the launcher's.

    Raises:
        TypeError: `backend` not a str, `world_size`/`rank` not ints.
        ValueError: an unknown `backend`, or a `world_size`/`rank` the launcher did not give.
        RuntimeError: outside a launcher.
    """
    if not isinstance(backend, str) or backend not in ("hccl", "mccl"):
        raise DTypeError(f"For 'init_process_group', the backend must be 'hccl' or 'mccl', but got "
                         f"{backend!r}.")
    for name, v in (("world_size", world_size), ("rank", rank)):
        _rank_arg("init_process_group", name, v)
    if not is_initialized():
        _m.init()
    for name, v, real in (("world_size", world_size, _m.get_group_size()), ("rank", rank, _m.get_rank())):
        if v != -1 and v != real:
            raise ShapeError(f"For 'init_process_group', the {name} {v} is not the launcher's ({real}).")


def destroy_process_group(group=None):
    """Ends the communication (`group` None or the world group), or frees the group `group`."""
    group = _group("destroy_process_group", group)
    if group == _WORLD:
        _m.release()
        _created.clear()
    else:
        _m.destroy_group(group)
        _created.discard(group)


def get_rank(group=None):
    """This process's rank in `group`, or -1 when it cannot be known."""
    group = _group("get_rank", group)
    try:
        return _m.get_rank(group)
    except (RuntimeError, ValueError):
        return -1


def get_world_size(group=None):
    """The number of processes of `group`, or -1 when it cannot be known."""
    group = _group("get_world_size", group)
    try:
        return _m.get_group_size(group)
    except (RuntimeError, ValueError):
        return -1


def new_group(ranks=None, timeout=None, backend=None, pg_options=None, use_local_synchronization=False,
              group_desc=None):
    """A group of the world ranks `ranks` (``None``: the world group), named as MindSpore names it
    (``'<backend>_<size>_<sha1 of the ranks>'``); every process in `ranks` calls it. A process not
    in `ranks` gets ``''``, as MindSpore's (its group creation fails there)."""
    import hashlib
    if ranks is None:
        return _WORLD
    if not isinstance(ranks, list):
        raise DTypeError(f"ranks must be list, but got {type(ranks)}")
    ranks = sorted(ranks)
    backend = "hccl" if backend is None else backend
    if not isinstance(backend, str) or backend not in ("hccl", "mccl"):
        raise DTypeError(f"the input backend must be hccl or mccl, but got {backend}")
    name = f"{backend}_{len(ranks)}_" + hashlib.sha1("_".join(map(str, ranks)).encode()).hexdigest()
    if _m.get_rank() not in ranks:
        return ""
    if name not in _created:
        _m.create_group(name, ranks)
        _created.add(name)
    return name


_created = set()


def get_backend(group=None):
    """The backend name of `group`: ``'hccl'`` unless its name says ``'mccl'``."""
    if group is not None and not isinstance(group, str):
        raise DTypeError(f"For 'get_backend', the argument 'group' must be type of string or None, but "
                         f"got 'group' type : {type(group)}.")
    return "mccl" if group is not None and "mccl" in group else "hccl"


def get_global_rank(group, group_rank):
    """The world rank of the process of rank `group_rank` in `group`."""
    _rank_arg("get_global_rank", "group_rank", group_rank)
    group = _group("get_global_rank", group)
    return group_rank if group == _WORLD else _m.get_world_rank_from_group_rank(group, group_rank)


def get_group_rank(group, global_rank):
    """The rank in `group` of the process of world rank `global_rank`."""
    _rank_arg("get_group_rank", "global_rank", global_rank)
    group = _group("get_group_rank", group)
    return global_rank if group == _WORLD else _m.get_group_rank_from_world_rank(global_rank, group)


def get_process_group_ranks(group=None):
    """The world ranks of `group`'s members, in group-rank order."""
    return _m.get_process_group_ranks(_group("get_process_group_ranks", group))


# ---- collectives -------------------------------------------------------------------------------

def all_reduce(tensor, op="sum", group=None, async_op=False):
    """Every process's `tensor` becomes the elementwise `op` (``'sum'``, ``'prod'``, ``'min'``,
    ``'max'``, ``'avg'``) of all of them. In place."""
    _tensor("all_reduce", tensor)
    op, group = _reduce_op("all_reduce", op), _group("all_reduce", group)
    handle = _async("all_reduce", async_op)
    _set(tensor, _all_reduce_value(tensor, op, group))
    return handle


def all_gather_into_tensor(output_tensor, input_tensor, group=None, async_op=False):
    """`output_tensor` (``(size·n, ...)``) becomes every process's `input_tensor` (``(n, ...)``)
    concatenated along axis 0 in rank order. In place."""
    _tensor("all_gather_into_tensor", output_tensor, "output tensor")
    _tensor("all_gather_into_tensor", input_tensor, "input tensor")
    group = _group("all_gather_into_tensor", group)
    handle = _async("all_gather_into_tensor", async_op)
    out = _C.all_gather(input_tensor, group)
    _same_shape("all_gather_into_tensor", output_tensor, out)
    _set(output_tensor, out)
    return handle


def _same_shape(op, t, value):
    if tuple(t.shape) != tuple(value.shape):
        raise ShapeError(f"For '{op}', the output tensor must have shape {list(value.shape)}, but got "
                         f"{list(t.shape)}.")


def all_gather(tensor_list, tensor, group=None, async_op=False):
    """`tensor_list[r]` becomes process `r`'s `tensor` (one entry per process of `group`)."""
    _tensor("all_gather", tensor)
    tensor_list = _tensors("all_gather", tensor_list, "tensor_list")
    group = _group("all_gather", group)
    handle = _async("all_gather", async_op)
    size = _m.get_group_size(group)
    if len(tensor_list) != size:
        raise ShapeError(f"For 'all_gather', 'tensor_list' must hold {size} Tensors, but got "
                         f"{len(tensor_list)}.")
    parts = _exchange_tensor(tensor, group)
    for t, part in zip(tensor_list, parts):
        _set(t, part)
    return handle


def reduce_scatter_tensor(output, input, op="sum", group=None, async_op=False):  # noqa: A002
    """`output` becomes this process's block (axis 0 split in `group`-size parts) of the `op` of
    every process's `input`. In place."""
    _tensor("reduce_scatter_tensor", output, "output tensor")
    _tensor("reduce_scatter_tensor", input, "input tensor")
    op, group = _reduce_op("reduce_scatter_tensor", op), _group("reduce_scatter_tensor", group)
    handle = _async("reduce_scatter_tensor", async_op)
    if op == "avg":
        out = _C.reduce_scatter(input, "sum", group) / _m.get_group_size(group)
    else:
        out = _C.reduce_scatter(input, op, group)
    _same_shape("reduce_scatter_tensor", output, out)
    _set(output, out)
    return handle


def reduce_scatter(output, input_list, op="sum", group=None, async_op=False):
    """`output` becomes the `op` over the processes of their ``input_list[rank]``. In place."""
    _tensor("reduce_scatter", output, "output tensor")
    input_list = _tensors("reduce_scatter", input_list, "input_list")
    group = _group("reduce_scatter", group)
    if len(input_list) != _m.get_group_size(group):
        raise ShapeError(f"For 'reduce_scatter', 'input_list' must hold {_m.get_group_size(group)} "
                         f"Tensors, but got {len(input_list)}.")
    stacked = Tensor(np.concatenate([t.asnumpy().reshape((1,) + tuple(t.shape)) for t in input_list]))
    out = Tensor(np.zeros((1,) + tuple(output.shape), stacked.asnumpy().dtype))
    handle = reduce_scatter_tensor(out, stacked, op, group, async_op)
    _set(output, out[0])
    return handle


def reduce_scatter_tensor_uneven(output, input, input_split_sizes=None, op="sum", group=None,  # noqa: A002
                                 async_op=False):
    """`output` becomes this process's block of the `op` of every process's `input`, the blocks
    along axis 0 of sizes `input_split_sizes` (equal parts when ``None``). In place."""
    _tensor("reduce_scatter_tensor_uneven", output, "output tensor")
    _tensor("reduce_scatter_tensor_uneven", input, "input tensor")
    op, group = _reduce_op("reduce_scatter_tensor_uneven", op), _group("reduce_scatter_tensor_uneven", group)
    handle = _async("reduce_scatter_tensor_uneven", async_op)
    sizes = _splits("reduce_scatter_tensor_uneven", input, input_split_sizes, group)
    total = _all_reduce_value(input, op, group)
    me = _m.get_rank(group)
    start = sum(sizes[:me])
    block = total[start:start + sizes[me]]
    _same_shape("reduce_scatter_tensor_uneven", output, block)
    _set(output, block)
    return handle


def _splits(op, t, split_sizes, group):
    size = _m.get_group_size(group)
    n = t.shape[0] if t.ndim else 1
    if split_sizes is None or not list(split_sizes):
        if n % size:
            raise ShapeError(f"For '{op}', the first dimension {n} must be divisible by the group size "
                             f"{size} when no split sizes are given.")
        return [n // size] * size
    split_sizes = list(split_sizes)
    if len(split_sizes) != size or sum(split_sizes) != n or any(s < 0 for s in split_sizes):
        raise ShapeError(f"For '{op}', the split sizes {split_sizes} must be {size} non-negative sizes "
                         f"adding up to {n}.")
    return split_sizes


def broadcast(tensor, src, group=None, async_op=False):
    """Every process's `tensor` becomes that of the process of world rank `src`. In place."""
    _tensor("broadcast", tensor)
    _rank_arg("broadcast", "src", src)
    group = _group("broadcast", group)
    handle = _async("broadcast", async_op)
    _set(tensor, _C.broadcast(tensor, _group_rank("broadcast", src, group), group))
    return handle


def barrier(group=None, async_op=False, device_ids=None):
    """Returns when every process of `group` has called it."""
    group = _group("barrier", group)
    handle = _async("barrier", async_op)
    _C.comm_barrier(group)
    return handle


def reduce(tensor, dst, op="sum", group=None, async_op=False):
    """The `op` of every process's `tensor`, written into the `tensor` of world rank `dst` (the
    others keep theirs)."""
    _tensor("reduce", tensor)
    _rank_arg("reduce", "dst", dst)
    op, group = _reduce_op("reduce", op), _group("reduce", group)
    handle = _async("reduce", async_op)
    _group_rank("reduce", dst, group)
    total = _all_reduce_value(tensor, op, group)
    if _m.get_rank() == dst:
        _set(tensor, total)
    return handle


def gather(tensor, gather_list, dst=0, group=None, async_op=False):
    """On world rank `dst`, `gather_list[r]` becomes process `r`'s `tensor` (the others pass any
    list, or None)."""
    _tensor("gather", tensor)
    _rank_arg("gather", "dst", dst)
    group = _group("gather", group)
    handle = _async("gather", async_op)
    _group_rank("gather", dst, group)
    parts = _exchange_tensor(tensor, group)
    if _m.get_rank() == dst:
        gather_list = _tensors("gather", gather_list, "gather_list")
        if len(gather_list) != len(parts):
            raise ShapeError(f"For 'gather', 'gather_list' must hold {len(parts)} Tensors, but got "
                             f"{len(gather_list)}.")
        for t, part in zip(gather_list, parts):
            _set(t, part)
    return handle


def scatter(tensor, scatter_list, src=0, group=None, async_op=False):
    """`tensor` of process `r` becomes ``scatter_list[r]`` of world rank `src` (the others pass
    any list, or None)."""
    _tensor("scatter", tensor)
    _rank_arg("scatter", "src", src)
    group = _group("scatter", group)
    handle = _async("scatter", async_op)
    size = _m.get_group_size(group)
    if _m.get_rank() == src:
        scatter_list = _tensors("scatter", scatter_list, "scatter_list")
        if len(scatter_list) != size:
            raise ShapeError(f"For 'scatter', 'scatter_list' must hold {size} Tensors, but got "
                             f"{len(scatter_list)}.")
        payload = [t.asnumpy() for t in scatter_list]
    else:
        payload = None
    mine = _objects_from(src, group, payload)[_m.get_rank(group)]
    _set(tensor, Tensor(mine))
    return handle


def all_to_all_single(output, input, output_split_sizes=None, input_split_sizes=None, group=None,  # noqa: A002
                      async_op=False):
    """Process `r` sends block `j` of `input` (axis 0 cut by `input_split_sizes`, equal parts when
    ``None``) to process `j`; `output` becomes the blocks received, in rank order. In place."""
    _tensor("all_to_all_single", output, "output tensor")
    _tensor("all_to_all_single", input, "input tensor")
    group = _group("all_to_all_single", group)
    handle = _async("all_to_all_single", async_op)
    sizes = _splits("all_to_all_single", input, input_split_sizes, group)
    x = input.asnumpy()
    starts = np.cumsum([0] + sizes)
    blocks = [x[starts[j]:starts[j + 1]] for j in range(len(sizes))]
    everyone = _all_objects(blocks, group)
    me = _m.get_rank(group)
    received = np.concatenate([their[me] for their in everyone]) if everyone else x[:0]
    if output_split_sizes is not None and list(output_split_sizes) and \
            list(output_split_sizes) != [len(their[me]) for their in everyone]:
        raise ShapeError(f"For 'all_to_all_single', 'output_split_sizes' {list(output_split_sizes)} do "
                         f"not match the sizes sent {[len(their[me]) for their in everyone]}.")
    _same_shape("all_to_all_single", output, received)
    _set(output, Tensor(received))
    return handle


def all_to_all(output_tensor_list, input_tensor_list, group=None, async_op=False):
    """Process `r` sends ``input_tensor_list[j]`` to process `j`; ``output_tensor_list[j]``
    becomes what process `j` sent here."""
    outs = _tensors("all_to_all", output_tensor_list, "output_tensor_list")
    ins = _tensors("all_to_all", input_tensor_list, "input_tensor_list")
    group = _group("all_to_all", group)
    handle = _async("all_to_all", async_op)
    size = _m.get_group_size(group)
    if len(outs) != size or len(ins) != size:
        raise ShapeError(f"For 'all_to_all', both lists must hold {size} Tensors, but got "
                         f"{len(outs)} and {len(ins)}.")
    everyone = _all_objects([t.asnumpy() for t in ins], group)
    me = _m.get_rank(group)
    for j, t in enumerate(outs):
        _same_shape("all_to_all", t, everyone[j][me])
        _set(t, Tensor(everyone[j][me]))
    return handle


def all_gather_into_tensor_uneven(output, input, output_split_sizes=None, group=None,  # noqa: A002
                                  async_op=False):
    """`output` becomes every process's `input` (of possibly different first dimensions)
    concatenated along axis 0. In place."""
    _tensor("all_gather_into_tensor_uneven", output, "output tensor")
    _tensor("all_gather_into_tensor_uneven", input, "input tensor")
    group = _group("all_gather_into_tensor_uneven", group)
    handle = _async("all_gather_into_tensor_uneven", async_op)
    parts = _all_objects(input.asnumpy(), group)
    if output_split_sizes is not None and list(output_split_sizes) != [len(p) for p in parts]:
        raise ShapeError(f"For 'all_gather_into_tensor_uneven', 'output_split_sizes' "
                         f"{list(output_split_sizes)} do not match the sizes gathered {[len(p) for p in parts]}.")
    value = np.concatenate(parts)
    _same_shape("all_gather_into_tensor_uneven", output, value)
    _set(output, Tensor(value))
    return handle


# ---- exchanging arbitrary data: pickled bytes in uint8 tensors ----------------------------------

def _exchange_tensor(t, group):
    """Every process's `t` (same shape everywhere), in rank order."""
    gathered = _C.all_gather(t.reshape((1,) + tuple(t.shape)), group)
    return [gathered[r] for r in range(gathered.shape[0])]


def _bytes_tensor(obj):
    return Tensor(np.frombuffer(pickle.dumps(obj), np.uint8).copy())


def _all_objects(obj, group):
    """Every process's `obj`, in rank order (pickled, lengths gathered first, padded)."""
    data = pickle.dumps(obj)
    lengths = _C.all_gather(Tensor(np.array([len(data)], np.int64)), group).asnumpy()
    longest = int(lengths.max())
    padded = np.zeros((1, longest), np.uint8)
    padded[0, :len(data)] = np.frombuffer(data, np.uint8)
    rows = _C.all_gather(Tensor(padded), group).asnumpy()
    return [pickle.loads(rows[r, :lengths[r]].tobytes()) for r in range(len(lengths))]


def _objects_from(src, group, obj):
    """World rank `src`'s `obj` on every process of `group` (its length broadcast first)."""
    root = _group_rank("broadcast", src, group)
    data = pickle.dumps(obj) if _m.get_rank() == src else b""
    n = int(_C.broadcast(Tensor(np.array([len(data)], np.int64)), root, group).asnumpy()[0])
    buf = np.zeros(n, np.uint8)
    buf[:len(data)] = np.frombuffer(data, np.uint8)
    return pickle.loads(_C.broadcast(Tensor(buf), root, group).asnumpy().tobytes())


def all_gather_object(object_list, obj, group=None):
    """`object_list[r]` becomes process `r`'s `obj` (any picklable object)."""
    group = _group("all_gather_object", group)
    if not isinstance(object_list, list) or len(object_list) != _m.get_group_size(group):
        raise ShapeError(f"For 'all_gather_object', 'object_list' must be a list of "
                         f"{_m.get_group_size(group)} entries.")
    object_list[:] = _all_objects(obj, group)


def broadcast_object_list(object_list, src=0, group=None, device=None):
    """Every process's `object_list` becomes that of world rank `src` (same length everywhere)."""
    _rank_arg("broadcast_object_list", "src", src)
    group = _group("broadcast_object_list", group)
    if not isinstance(object_list, list):
        raise DTypeError(f"For 'broadcast_object_list', 'object_list' must be a list, but got "
                         f"{type(object_list).__name__}.")
    got = _objects_from(src, group, object_list if _m.get_rank() == src else None)
    object_list[:] = got


def gather_object(obj, object_gather_list=None, dst=0, group=None):
    """On world rank `dst`, `object_gather_list[r]` becomes process `r`'s `obj`."""
    _rank_arg("gather_object", "dst", dst)
    group = _group("gather_object", group)
    everyone = _all_objects(obj, group)
    if _m.get_rank() == dst:
        if not isinstance(object_gather_list, list) or len(object_gather_list) != len(everyone):
            raise ShapeError(f"For 'gather_object', 'object_gather_list' must be a list of "
                             f"{len(everyone)} entries on the destination.")
        object_gather_list[:] = everyone


def scatter_object_list(scatter_object_output_list, scatter_object_input_list, src=0, group=None):
    """``scatter_object_output_list[0]`` of process `r` becomes
    ``scatter_object_input_list[r]`` of world rank `src`."""
    _rank_arg("scatter_object_list", "src", src)
    group = _group("scatter_object_list", group)
    if not isinstance(scatter_object_output_list, list) or not scatter_object_output_list:
        raise DTypeError("For 'scatter_object_list', 'scatter_object_output_list' must be a non-empty "
                         "list.")
    payload = None
    if _m.get_rank() == src:
        if not isinstance(scatter_object_input_list, list) or \
                len(scatter_object_input_list) != _m.get_group_size(group):
            raise ShapeError(f"For 'scatter_object_list', 'scatter_object_input_list' must be a list of "
                             f"{_m.get_group_size(group)} entries on the source.")
        payload = scatter_object_input_list
    scatter_object_output_list[0] = _objects_from(src, group, payload)[_m.get_rank(group)]


# ---- point to point ----------------------------------------------------------------------------

def _pair(op, peer, group):
    """The two-process group of this process and world rank `peer` (made on first use)."""
    _rank_arg(op, "peer rank", peer)
    me = _m.get_rank()
    _group_rank(op, peer, _group(op, group))
    if peer == me:
        raise ShapeError(f"For '{op}', a process cannot send to or receive from itself (rank {me}).")
    lo, hi = sorted((me, peer))
    name = f"_p2p_{lo}_{hi}"
    if name not in _created:
        _m.create_group(name, [lo, hi])
        _created.add(name)
    return name, (0 if me == lo else 1), (0 if peer == lo else 1)


def send(tensor, dst=0, group=None, tag=0):
    """Sends `tensor` to world rank `dst` (which calls :func:`recv` with a tensor of its shape and
    dtype)."""
    _tensor("send", tensor)
    name, mine, _ = _pair("send", dst, group)
    _C.broadcast(tensor, mine, name)


def recv(tensor, src=0, group=None, tag=0):
    """Receives into `tensor` what world rank `src` sends (same shape and dtype). Returns 0."""
    _tensor("recv", tensor)
    name, _, theirs = _pair("recv", src, group)
    _set(tensor, _C.broadcast(tensor, theirs, name))
    return 0


def isend(tensor, dst=0, group=None, tag=0):
    """:func:`send`, returning a ``CommHandle`` (the message has gone when it returns)."""
    send(tensor, dst, group, tag)
    return CommHandle()


def irecv(tensor, src=0, group=None, tag=0):
    """:func:`recv`, returning a ``CommHandle`` (the message has arrived when it returns)."""
    recv(tensor, src, group, tag)
    return CommHandle()


def send_object_list(object_list, dst, group=None, device=None):
    """Sends the picklable objects of `object_list` to world rank `dst`."""
    if not isinstance(object_list, list):
        raise DTypeError(f"For 'send_object_list', 'object_list' must be a list, but got "
                         f"{type(object_list).__name__}.")
    data = _bytes_tensor(object_list)
    send(Tensor(np.array([data.shape[0]], np.int64)), dst, group)
    send(data, dst, group)


def recv_object_list(object_list, src=0, group=None, device=None):
    """Fills `object_list` with the objects world rank `src` sent (as many as it holds)."""
    if not isinstance(object_list, list):
        raise DTypeError(f"For 'recv_object_list', 'object_list' must be a list, but got "
                         f"{type(object_list).__name__}.")
    n = Tensor(np.zeros(1, np.int64))
    recv(n, src, group)
    buf = Tensor(np.zeros(int(n.asnumpy()[0]), np.uint8))
    recv(buf, src, group)
    got = pickle.loads(buf.asnumpy().tobytes())
    object_list[:len(got)] = got[:len(object_list)]
    return src


class P2POp:
    """One message of :func:`batch_isend_irecv`: ``P2POp(op, tensor, peer, group=None, tag=0)``,
    `op` ``isend`` or ``irecv`` (the function or its name), `peer` a world rank.

    Args:
        op (Union[str, function]): ``isend`` or ``irecv``.
        tensor (Tensor): The tensor sent, or received into.
        peer (int): The world rank of the other process.
        group (str, optional): The communication group. Default: ``None``, the world group.
        tag (int, optional): Must be 0 (as MindSpore's). Default: ``0``.

    Outputs:
        The message, for :func:`batch_isend_irecv`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.mint.distributed import P2POp, isend
        >>> p = P2POp(isend, ms.Tensor(np.ones(2, np.float32)), 1)
        >>> print(p.op, p.peer)
        isend 1
    """

    def __init__(self, op, tensor, peer, group=None, tag=0):
        name = op if isinstance(op, str) else getattr(op, "__name__", None)
        if name not in ("isend", "irecv"):
            raise DTypeError(f"For 'P2POp', op must be isend or irecv, but got {op!r}.")
        _tensor("P2POp", tensor)
        _rank_arg("P2POp", "peer", peer)
        if tag != 0:
            raise ComputeError("For 'P2POp', tag is not supported yet.")
        self.op, self.tensor, self.peer, self.group, self.tag = name, tensor, peer, group, tag
        self._sends = name == "isend"


def batch_isend_irecv(p2p_op_list):
    """Runs the messages of `p2p_op_list` (:class:`P2POp`) in an order every process agrees on
    (by the pair of ranks, then the lower rank's sends first, each direction in list order), so
    that symmetric exchanges complete. Returns ``[CommHandle]``."""
    if not isinstance(p2p_op_list, list) or not p2p_op_list:
        raise DTypeError("p2p_op_list can not be empty list.")
    if not all(isinstance(p, P2POp) for p in p2p_op_list):
        raise DTypeError("The elements in p2p_op_list must be type of P2POp.")
    if len({p.group for p in p2p_op_list}) != 1:
        raise DTypeError("The group name in p2p_op_list must be consistent.")
    me = _m.get_rank()

    def key(item):
        index, p = item
        lo, hi = sorted((me, p.peer))
        sender = me if p._sends else p.peer
        return (lo, hi, sender != lo, index)

    for _, p in sorted(enumerate(p2p_op_list), key=key):
        (send if p._sends else recv)(p.tensor, p.peer, p.group)
    return [CommHandle()]


# ---- documentation: the argument descriptions shared by the functions, and one example each (run
# by scripts/doctest_api.py --distributed on 2 processes; the output shown is rank 0's) ---------

_ARGS = {
    "tensor": "tensor (Tensor): This process's tensor (written in place where the summary says so).",
    "op": "op (str, optional): The reduction: ``'sum'``, ``'prod'``, ``'min'``, ``'max'`` or ``'avg'``. "
          "Default: ``'sum'``.",
    "group": "group (str, optional): The communication group. Default: ``None``, the world group.",
    "async_op": "async_op (bool, optional): Whether a ``CommHandle`` is returned. Default: ``False``.",
    "src": "src (int): The world rank of the process whose data is sent.",
    "dst": "dst (int): The world rank of the process that receives.",
    "output_tensor": "output_tensor (Tensor): Where the result is written.",
    "input_tensor": "input_tensor (Tensor): This process's input.",
    "output": "output (Tensor): Where the result is written.",
    "input": "input (Tensor): This process's input.",
    "tensor_list": "tensor_list (list[Tensor]): One tensor per process of the group, written.",
    "input_list": "input_list (list[Tensor]): One tensor per process of the group.",
    "gather_list": "gather_list (list[Tensor]): On `dst`, one tensor per process, written.",
    "scatter_list": "scatter_list (list[Tensor]): On `src`, one tensor per process.",
    "output_tensor_list": "output_tensor_list (list[Tensor]): One tensor per process, written.",
    "input_tensor_list": "input_tensor_list (list[Tensor]): One tensor per process, sent to it.",
    "output_split_sizes": "output_split_sizes (list[int], optional): The first-axis sizes of the "
                          "received blocks, checked. Default: ``None``.",
    "input_split_sizes": "input_split_sizes (list[int], optional): The first-axis sizes of the blocks "
                         "sent to each process. Default: ``None``, equal parts.",
    "device_ids": "device_ids (list[int], optional): Unused (one device per process). Default: ``None``.",
    "object_list": "object_list (list): Picklable objects.",
    "obj": "obj (object): This process's picklable object.",
    "object_gather_list": "object_gather_list (list, optional): On `dst`, one entry per process, "
                          "written. Default: ``None``.",
    "scatter_object_output_list": "scatter_object_output_list (list): Its first entry is written.",
    "scatter_object_input_list": "scatter_object_input_list (list): On `src`, one object per process.",
    "device": "device (str, optional): Unused (the objects travel through the host). Default: ``None``.",
    "tag": "tag (int, optional): Unused. Default: ``0``.",
    "peer": "peer (int): The world rank of the other process.",
    "p2p_op_list": "p2p_op_list (list[P2POp]): The messages.",
    "ranks": "ranks (list[int], optional): The world ranks of the group. Default: ``None``, the "
             "world group.",
    "timeout": "timeout (datetime.timedelta, optional): Unused. Default: ``None``.",
    "backend": "backend (str, optional): ``'hccl'`` or ``'mccl'`` (both this engine's Open MPI "
               "communication).",
    "pg_options": "pg_options (object, optional): Unused. Default: ``None``.",
    "use_local_synchronization": "use_local_synchronization (bool, optional): Unused. Default: ``False``.",
    "group_desc": "group_desc (str, optional): Unused. Default: ``None``.",
    "group_rank": "group_rank (int): A rank in `group`.",
    "global_rank": "global_rank (int): A world rank.",
    "init_method": "init_method (str, optional): Unused (the launcher's environment is read). "
                   "Default: ``None``.",
    "world_size": "world_size (int, optional): The expected number of processes. Default: ``-1``.",
    "rank": "rank (int, optional): This process's expected rank. Default: ``-1``.",
    "store": "store (object, optional): Unused. Default: ``None``.",
    "group_name": "group_name (str, optional): Unused. Default: ``''``.",
    "device_id": "device_id (int, optional): Unused. Default: ``None``.",
    "send_count_matrix": "send_count_matrix (list[int]): ``size × size`` counts, row `i` what process "
                         "`i` sends to each process.",
    "is_enable": "is_enable (bool): In place (True) or out of place.",
    "func_list": "func_list (list[str], optional): The functions switched. Default: ``None``, all.",
}
_HANDLE = "CommHandle if `async_op` is True, else None."
_SETUP = ["# Run by 2 processes: mpirun -n 2 python example.py; rank 0 prints what is shown.",
          "import numpy as np", "import mindspore as ms", "from mindspore.communication import init",
          "from mindspore.mint import distributed as dist", "init()", "rank = dist.get_rank()"]


def _document(fn, returns, lines, printed):
    """Appends Args (from the shared descriptions), Returns and an example to `fn`'s docstring."""
    import inspect
    params = [p for p in inspect.signature(fn).parameters if p != "self"]
    head, raises = fn.__doc__.rstrip(), ""
    if "\n    Raises:" in head:
        head, raises = head.split("\n    Raises:")
        raises = "    Raises:" + raises
    doc = [head.rstrip(), ""]
    if params:
        doc.append("    Args:")
        doc += [f"        {_ARGS[p]}" for p in params]
        doc.append("")
    doc += ["    Returns:", f"        {returns}", ""]
    if raises:
        doc += [raises.rstrip(), ""]
    doc.append("    Examples:")
    doc += [f"        >>> {line}" for line in _SETUP + lines]
    doc += [f"        {line}" for line in printed.split("\n")]
    fn.__doc__ = "\n".join(doc) + "\n"


_F = "ms.Tensor(np.array({}, np.float32))"
_EXAMPLES = {
    "is_available": ("bool, True.", ["print(dist.is_available())"], "True"),
    "is_initialized": ("bool.", ["print(dist.is_initialized())"], "True"),
    "init_process_group": ("None.", ["dist.init_process_group()", "print(dist.get_world_size())"], "2"),
    "get_rank": ("int, the rank (-1 if unknown).", ["print(dist.get_rank())"], "0"),
    "get_world_size": ("int, the size (-1 if unknown).", ["print(dist.get_world_size())"], "2"),
    "new_group": ("str, the group's name ('' for a process not in it).",
                  ["g = dist.new_group([0, 1])", "print(dist.get_process_group_ranks(g))"], "[0, 1]"),
    "destroy_process_group": ("None.", ["g = dist.new_group([1, 0])", "dist.destroy_process_group(g)",
                                        "print(dist.get_world_size())"], "2"),
    "get_backend": ("str.", ["print(dist.get_backend())"], "hccl"),
    "get_global_rank": ("int.", ["print(dist.get_global_rank(dist.new_group([0, 1]), 1))"], "1"),
    "get_group_rank": ("int.", ["print(dist.get_group_rank(dist.new_group([0, 1]), 1))"], "1"),
    "get_process_group_ranks": ("list[int].", ["print(dist.get_process_group_ranks())"], "[0, 1]"),
    "all_reduce": (_HANDLE, [f"t = {_F.format('[1.0, 2.0]')} * (rank + 1)", "dist.all_reduce(t)",
                             "print(t)"], "[3. 6.]"),
    "all_gather_into_tensor": (_HANDLE, [f"out = {_F.format('[0.0, 0.0]')}",
                                         f"dist.all_gather_into_tensor(out, {_F.format('[1.0]')} + rank)",
                                         "print(out)"], "[1. 2.]"),
    "all_gather": (_HANDLE, [f"lst = [{_F.format('[0.0]')}, {_F.format('[0.0]')}]",
                             f"dist.all_gather(lst, {_F.format('[5.0]')} + rank)", "print(lst[1])"], "[6.]"),
    "reduce_scatter_tensor": (_HANDLE, [f"out = {_F.format('[0.0]')}",
                                        f"dist.reduce_scatter_tensor(out, {_F.format('[1.0, 2.0]')})",
                                        "print(out)"], "[2.]"),
    "reduce_scatter": (_HANDLE, [f"out = {_F.format('[0.0]')}",
                                 f"dist.reduce_scatter(out, [{_F.format('[1.0]')}, {_F.format('[2.0]')}])",
                                 "print(out)"], "[2.]"),
    "reduce_scatter_tensor_uneven": (_HANDLE, [f"out = {_F.format('[0.0]')}",
                                               f"dist.reduce_scatter_tensor_uneven(out, {_F.format('[1.0, 2.0, 3.0]')}, "
                                               "[1, 2])", "print(out)"], "[2.]"),
    "broadcast": (_HANDLE, [f"t = {_F.format('[1.0]')} + rank", "dist.broadcast(t, src=1)", "print(t)"], "[2.]"),
    "barrier": (_HANDLE, ["dist.barrier()", "print('done')"], "done"),
    "reduce": (_HANDLE, [f"t = {_F.format('[1.0]')} + rank", "dist.reduce(t, dst=0)", "print(t)"], "[3.]"),
    "gather": (_HANDLE, [f"lst = [{_F.format('[0.0]')}, {_F.format('[0.0]')}]",
                         f"dist.gather({_F.format('[1.0]')} + rank, lst, dst=0)", "print(lst[1])"], "[2.]"),
    "scatter": (_HANDLE, [f"t = {_F.format('[0.0]')}",
                          f"dist.scatter(t, [{_F.format('[7.0]')}, {_F.format('[8.0]')}], src=1)",
                          "print(t)"], "[7.]"),
    "all_to_all_single": (_HANDLE, [f"out = {_F.format('[0.0, 0.0]')}",
                                    f"dist.all_to_all_single(out, {_F.format('[1.0, 2.0]')} + 10 * rank)",
                                    "print(out)"], "[ 1. 11.]"),
    "all_to_all": (_HANDLE, [f"outs = [{_F.format('[0.0]')}, {_F.format('[0.0]')}]",
                             f"dist.all_to_all(outs, [{_F.format('[1.0]')} + rank, {_F.format('[2.0]')} + rank])",
                             "print(outs[1])"], "[2.]"),
    "all_gather_into_tensor_uneven": (_HANDLE, [f"out = {_F.format('[0.0, 0.0, 0.0]')}",
                                                f"x = {_F.format('[1.0, 2.0]')} if rank == 0 else {_F.format('[3.0]')}",
                                                "dist.all_gather_into_tensor_uneven(out, x)", "print(out)"],
                                      "[1. 2. 3.]"),
    "all_gather_object": ("None.", ["objs = [None, None]", "dist.all_gather_object(objs, {'rank': rank})",
                                    "print(objs)"], "[{'rank': 0}, {'rank': 1}]"),
    "broadcast_object_list": ("None.", ["objs = ['from', rank]", "dist.broadcast_object_list(objs, src=1)",
                                        "print(objs)"], "['from', 1]"),
    "gather_object": ("None.", ["objs = [None, None]", "dist.gather_object(rank * 10, objs, dst=0)",
                                "print(objs)"], "[0, 10]"),
    "scatter_object_list": ("None.", ["out = [None]", "dist.scatter_object_list(out, ['a', 'b'], src=0)",
                                      "print(out)"], "['a']"),
    "send": ("None.", [f"t = {_F.format('[0.0, 0.0]')}",
                       f"_ = dist.send({_F.format('[4.0, 5.0]')}, dst=0) if rank else dist.recv(t, src=1)",
                       "print(t)"], "[4. 5.]"),
    "recv": ("int, 0.", [f"t = {_F.format('[0.0]')}",
                         f"_ = dist.send({_F.format('[3.0]')}, dst=0) if rank else dist.recv(t, src=1)",
                         "print(t)"], "[3.]"),
    "isend": ("CommHandle.", [f"t = {_F.format('[0.0]')}",
                              f"h = dist.isend({_F.format('[6.0]')}, dst=0) if rank else dist.irecv(t, src=1)",
                              "h.wait()", "print(t)"], "[6.]"),
    "irecv": ("CommHandle.", [f"t = {_F.format('[0.0]')}",
                              f"h = dist.isend({_F.format('[6.0]')}, dst=0) if rank else dist.irecv(t, src=1)",
                              "h.wait()", "print(t)"], "[6.]"),
    "send_object_list": ("None.", ["objs = [None]",
                                   "_ = dist.send_object_list(['hi'], dst=0) if rank else dist.recv_object_list(objs, src=1)",
                                   "print(objs)"], "['hi']"),
    "recv_object_list": ("int, the sender's rank.", ["objs = [None]",
                                                     "_ = dist.send_object_list([1], dst=0) if rank else dist.recv_object_list(objs, src=1)",
                                                     "print(objs)"], "[1]"),
    "batch_isend_irecv": ("list[CommHandle].",
                          [f"mine, theirs = {_F.format('[1.0]')} + rank, {_F.format('[0.0]')}",
                           "ops = [dist.P2POp(dist.isend, mine, 1 - rank), dist.P2POp(dist.irecv, theirs, 1 - rank)]",
                           "_ = dist.batch_isend_irecv(ops)", "print(theirs)"], "[2.]"),
}
for _name, (_returns, _lines, _printed) in _EXAMPLES.items():
    _document(globals()[_name], _returns, _lines, _printed)

"""``mindspore.ops.communication``: MindSpore 2.x's functional collectives, the functions of
``mindspore.mint.distributed`` (``communication._distributed``, which says how each is built over
Open MPI), with MindSpore's
switch between its two modes (``set_comm_ops_inplace``):

- out of place (MindSpore's default) ``all_reduce(tensor)``, ``all_gather_into_tensor(output,
  input)`` and ``reduce_scatter_tensor(output, input)`` return ``(result, handle)`` and leave
  their arguments alone, and ``recv(tensor, src)`` returns the received Tensor;
- in place they are ``mint.distributed``'s.

The other functions work in place in both modes (MindSpore 2.10 raises ``ValueError:
Non-inplace mode is currently not supported`` for them until in-place mode is switched on; here
they simply work). Beside ``mint.distributed``'s: ``gather_into_tensor`` and ``scatter_tensor``
(the gather and scatter of blocks along axis 0) and ``all_to_all_v_c`` (an all-to-all whose
``send_count_matrix[i·size + j]`` elements go from process ``i`` to ``j``)."""
import numpy as np

from .._errors import DTypeError, ShapeError
from ..communication import management as _m
from ..communication import _distributed as _d
from ..communication._distributed import (  # noqa: F401 (re-exported)
    P2POp, all_gather, all_gather_into_tensor_uneven, all_gather_object, all_to_all,
    all_to_all_single, barrier, batch_isend_irecv, broadcast, broadcast_object_list,
    destroy_process_group, gather, gather_object, get_backend, get_global_rank, get_group_rank,
    get_process_group_ranks, get_rank, get_world_size, init_process_group, irecv, is_available,
    is_initialized, isend, new_group, reduce, reduce_scatter, reduce_scatter_tensor_uneven, scatter,
    scatter_object_list, send, send_object_list, recv_object_list)
from ..tensor import Tensor

__all__ = sorted(_d.__all__ + ["all_to_all_v_c", "gather_into_tensor", "scatter_tensor",
                               "set_comm_ops_inplace"])

_OUT_OF_PLACE = ("all_reduce", "all_gather_into_tensor", "reduce_scatter_tensor", "recv")
_inplace = {name: False for name in _OUT_OF_PLACE}


def set_comm_ops_inplace(is_enable, func_list=None):
    """Switches the functions of `func_list` (all by default) to work in place (`is_enable`) or
    to return their results.

    Raises:
        TypeError: `is_enable` not a bool, `func_list` not a list.
        ValueError: a name in `func_list` that is not a function of this module.
    """
    if not isinstance(is_enable, bool):
        raise DTypeError(f"For 'set_comm_ops_inplace', the argument 'is_enable' must be type of bool, "
                         f"but got 'is_enable' type : {type(is_enable)}.")
    if func_list is not None and not isinstance(func_list, list):
        raise DTypeError(f"For 'set_comm_ops_inplace', 'func_list' must be a list, but got "
                         f"{type(func_list).__name__}.")
    names = func_list if func_list is not None else list(_inplace)
    for name in names:
        if name not in __all__:
            raise ShapeError(f"For 'set_comm_ops_inplace', {name!r} is not a communication function.")
    for name in names:
        if name in _inplace:
            _inplace[name] = is_enable


def _copy(t):
    return Tensor(t.asnumpy().copy())


def all_reduce(tensor, op="sum", group=None, async_op=False):
    """The elementwise `op` of every process's `tensor`: ``(result, handle)`` out of place, or
    written into `tensor` (returning the handle) in place."""
    if _inplace["all_reduce"]:
        return _d.all_reduce(tensor, op, group, async_op)
    out = _copy(_d._tensor("all_reduce", tensor))
    return out, _d.all_reduce(out, op, group, async_op)


def all_gather_into_tensor(output_tensor, input_tensor, group=None, async_op=False):
    """Every process's `input_tensor` concatenated along axis 0: ``(result, handle)`` out of
    place (`output_tensor` unused), or written into `output_tensor` in place."""
    if _inplace["all_gather_into_tensor"]:
        return _d.all_gather_into_tensor(output_tensor, input_tensor, group, async_op)
    _d._tensor("all_gather_into_tensor", input_tensor, "input tensor")
    group = _d._group("all_gather_into_tensor", group)
    size = _m.get_group_size(group)
    out = Tensor(np.zeros((size * input_tensor.shape[0],) + tuple(input_tensor.shape[1:]),
                          input_tensor.asnumpy().dtype))
    return out, _d.all_gather_into_tensor(out, input_tensor, group, async_op)


def reduce_scatter_tensor(output, input, op="sum", group=None, async_op=False):  # noqa: A002
    """This process's block of the `op` of every process's `input`: ``(result, handle)`` out of
    place (`output` unused), or written into `output` in place."""
    if _inplace["reduce_scatter_tensor"]:
        return _d.reduce_scatter_tensor(output, input, op, group, async_op)
    _d._tensor("reduce_scatter_tensor", input, "input tensor")
    group = _d._group("reduce_scatter_tensor", group)
    size = _m.get_group_size(group)
    if not input.ndim or input.shape[0] % size:
        raise ShapeError(f"For 'reduce_scatter_tensor', the first dimension of the input "
                         f"{list(input.shape)} must be divisible by the group size {size}.")
    out = Tensor(np.zeros((input.shape[0] // size,) + tuple(input.shape[1:]), input.asnumpy().dtype))
    return out, _d.reduce_scatter_tensor(out, input, op, group, async_op)


def recv(tensor, src=0, group=None, tag=0):
    """What world rank `src` sends: returned as a new Tensor of `tensor`'s shape and dtype out of
    place, or written into `tensor` (returning 0) in place."""
    if _inplace["recv"]:
        return _d.recv(tensor, src, group, tag)
    out = _copy(_d._tensor("recv", tensor))
    _d.recv(out, src, group, tag)
    return out


def gather_into_tensor(output_tensor, input_tensor, dst=0, group=None, async_op=False):
    """On world rank `dst`, `output_tensor` becomes every process's `input_tensor` concatenated
    along axis 0 (the others' `output_tensor` is left alone)."""
    _d._tensor("gather_into_tensor", input_tensor, "input tensor")
    _d._rank_arg("gather_into_tensor", "dst", dst)
    group = _d._group("gather_into_tensor", group)
    handle = _d._async("gather_into_tensor", async_op)
    _d._group_rank("gather_into_tensor", dst, group)
    parts = _d._exchange_tensor(input_tensor, group)
    if _m.get_rank() == dst:
        _d._tensor("gather_into_tensor", output_tensor, "output tensor")
        value = np.concatenate([p.asnumpy() for p in parts])
        _d._same_shape("gather_into_tensor", output_tensor, value)
        _d._set(output_tensor, Tensor(value))
    return handle


def scatter_tensor(output_tensor, input_tensor, src=0, group=None, async_op=False):
    """`output_tensor` of process `r` becomes block `r` (axis 0 in group-size parts) of world rank
    `src`'s `input_tensor`."""
    _d._tensor("scatter_tensor", output_tensor, "output tensor")
    group = _d._group("scatter_tensor", group)
    size = _m.get_group_size(group)
    blocks = None
    if _m.get_rank() == src:
        _d._tensor("scatter_tensor", input_tensor, "input tensor")
        x = input_tensor.asnumpy()
        if not x.ndim or x.shape[0] % size:
            raise ShapeError(f"For 'scatter_tensor', the first dimension of the input {list(x.shape)} "
                             f"must be divisible by the group size {size}.")
        blocks = [Tensor(b) for b in np.split(x, size)]
    return _d.scatter(output_tensor, blocks, src, group, async_op)


def all_to_all_v_c(output, input, send_count_matrix, group=None, async_op=False):  # noqa: A002
    """Process `i` sends ``send_count_matrix[i·size + j]`` elements of its flattened `input` (in
    order) to process `j`; `output` becomes what it receives, in rank order, flattened."""
    _d._tensor("all_to_all_v_c", output, "output tensor")
    _d._tensor("all_to_all_v_c", input, "input tensor")
    group = _d._group("all_to_all_v_c", group)
    handle = _d._async("all_to_all_v_c", async_op)
    size, me = _m.get_group_size(group), _m.get_rank(group)
    counts = list(send_count_matrix)
    if len(counts) != size * size or any(isinstance(c, bool) or not isinstance(c, int) or c < 0
                                         for c in counts):
        raise ShapeError(f"For 'all_to_all_v_c', 'send_count_matrix' must hold {size}x{size} "
                         f"non-negative ints, but got {counts}.")
    mine = counts[me * size:(me + 1) * size]
    flat = input.asnumpy().reshape(-1)
    if sum(mine) != flat.size:
        raise ShapeError(f"For 'all_to_all_v_c', this process sends {sum(mine)} elements but its input "
                         f"holds {flat.size}.")
    starts = np.cumsum([0] + mine)
    everyone = _d._all_objects([flat[starts[j]:starts[j + 1]] for j in range(size)], group)
    value = np.concatenate([their[me] for their in everyone])
    if int(np.prod(output.shape)) != value.size:
        raise ShapeError(f"For 'all_to_all_v_c', the output holds {int(np.prod(output.shape))} elements "
                         f"but {value.size} arrive.")
    _d._set(output, Tensor(value))
    return handle


_OC = ["from mindspore.ops import communication as oc"]
_d._document(set_comm_ops_inplace, "None.", _OC + ["oc.set_comm_ops_inplace(False)", "print('ok')"], "ok")
_d._document(all_reduce, "tuple(Tensor, CommHandle or None) out of place; CommHandle or None in place.",
             _OC + ["out, _ = oc.all_reduce(ms.Tensor(np.array([1.0], np.float32)) + rank)", "print(out)"], "[3.]")
_d._document(all_gather_into_tensor, "tuple(Tensor, CommHandle or None) out of place; CommHandle or None in "
             "place.", _OC + ["out, _ = oc.all_gather_into_tensor(None, ms.Tensor(np.array([1.0], np.float32)) + rank)",
                              "print(out)"], "[1. 2.]")
_d._document(reduce_scatter_tensor, "tuple(Tensor, CommHandle or None) out of place; CommHandle or None in "
             "place.", _OC + ["out, _ = oc.reduce_scatter_tensor(None, ms.Tensor(np.array([1.0, 2.0], np.float32)))",
                              "print(out)"], "[2.]")
_d._document(recv, "Tensor out of place; 0 in place.",
             _OC + ["t = ms.Tensor(np.array([0.0], np.float32))",
                    "out = oc.send(ms.Tensor(np.array([3.0], np.float32)), dst=0) if rank else oc.recv(t, src=1)",
                    "print(out)"], "[3.]")
_d._document(gather_into_tensor, _d._HANDLE,
             _OC + ["out = ms.Tensor(np.zeros(2, np.float32))",
                    "_ = oc.gather_into_tensor(out, ms.Tensor(np.array([1.0], np.float32)) + rank, dst=0)",
                    "print(out)"], "[1. 2.]")
_d._document(scatter_tensor, _d._HANDLE,
             _OC + ["out = ms.Tensor(np.zeros(1, np.float32))",
                    "_ = oc.scatter_tensor(out, ms.Tensor(np.array([4.0, 5.0], np.float32)), src=0)",
                    "print(out)"], "[4.]")
_d._document(all_to_all_v_c, _d._HANDLE,
             _OC + ["out = ms.Tensor(np.zeros(2, np.float32))",
                    "_ = oc.all_to_all_v_c(out, ms.Tensor(np.array([1.0, 2.0], np.float32)) + 10 * rank, [1, 1, 1, 1])",
                    "print(out)"], "[ 1. 11.]")

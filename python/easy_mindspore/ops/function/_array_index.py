"""``mindspore.ops`` index selection and scatter-adds (re-exported by ``_array_more``):
``index_select``, ``index_add``, ``scatter_nd``, ``gather_nd``, ``tensor_scatter_add`` /
``tensor_scatter_update``, ``unique_consecutive``, ``unsorted_segment_sum``. A scatter-add is a
one-hot product (exact, differentiable in ``updates`` and traceable), and index checks read the
indices' values only when they are concrete (eager mode)."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import int_arg as _int, tensor_arg as _tensor
from ._array_axes import _FLOATS, _axis


def index_select(input, axis, index):  # noqa: A002
    """``ops.index_select``: the slices of ``input`` at the 1-D Int32/Int64 ``index`` along ``axis``.

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis.
        index (Tensor): The indices (Int32 or Int64).

    Returns:
        Tensor, `input` with the axis `axis` replaced by the selected positions.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.index_select(Tensor([[1, 2, 3]]), 1, Tensor([2, 0])))
        [[3 1]]
    """
    x = _tensor("index_select", "input", input)
    index = _tensor("index_select", "index", index)
    if index.dtype not in (mstype.int32, mstype.int64) or index.ndim > 1:
        raise DTypeError(f"For 'index_select', 'index' must be a 1-D Int32/Int64 Tensor, but got "
                         f"{index.dtype} of shape {list(index.shape)}.")
    axis = _axis("index_select", axis, builtins.max(x.ndim, 1))
    _check_bounds("index_select", index, x.shape[axis])
    return x[(slice(None),) * axis + (index.reshape(-1),)]


def _check_bounds(op, index, n, allow_negative=True):
    if index._is_traced or index.size == 0:
        return
    v = index.asnumpy()
    lo = -n if allow_negative else 0
    if v.min() < lo or v.max() >= n:
        raise IndexError(f"For '{op}', the indices must be in [{lo}, {n}), but got values from "
                         f"{v.min()} to {v.max()}.")


def _one_hot(idx, n, dtype):
    """``[K, n]``: row ``k`` is 1 at ``idx[k]`` (negative indices count from the end)."""
    idx = idx.reshape(-1, 1).astype(mstype.int64)
    idx = _C.where_(idx < 0, idx + n, idx)
    return (idx == Tensor(_np.arange(n, dtype=_np.int64).reshape(1, n))).astype(dtype)


def _add_rows(n, idx, upd):
    """``out[n, ...]`` with ``upd[k, ...]`` added at row ``idx[k]`` (duplicates add up)."""
    k = idx.size
    feat = tuple(upd.shape[1:])
    u = upd.reshape(k, -1)
    if upd.dtype in _FLOATS:
        out = _C.matmul(_one_hot(idx, n, upd.dtype).transpose(), u)
    else:
        # The sum of integers widens to Int64; the result keeps the updates' dtype (MindSpore's).
        out = (_one_hot(idx, n, upd.dtype).reshape(k, n, 1) * u.reshape(k, 1, -1)).sum(0).astype(upd.dtype)
    return out.reshape((n,) + feat)


def index_add(x, indices, y, axis, use_lock=True, check_index_bound=True):
    """``ops.index_add``: ``x`` with the slices of ``y`` along ``axis`` added at the 1-D
    ``indices`` (repeated indices add up).

    Args:
        x (Parameter): The tensor to add to.
        indices (Tensor): The 1-D indices along `axis`.
        y (Tensor): The values to add.
        axis (int): The axis.
        use_lock (bool, optional): Accepted for compatibility. Default: ``True``.
        check_index_bound (bool, optional): Whether to check the indices. Default: ``True``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.index_add(ops.zeros((1, 3)), Tensor([0, 0]), ops.ones((1, 2)), 1))
        [[2. 0. 0.]]
    """
    x = _tensor("IndexAdd", "x", x)
    indices, y = _tensor("IndexAdd", "indices", indices), _tensor("IndexAdd", "y", y)
    axis = _axis("IndexAdd", axis, x.ndim)
    if indices.ndim != 1 or y.ndim != x.ndim or y.shape[axis] != indices.shape[0] or builtins.any(
            a != b for i, (a, b) in enumerate(zip(x.shape, y.shape)) if i != axis):
        raise ShapeError(f"For 'IndexAdd', 'y' of shape {list(y.shape)} must match 'x' of shape "
                         f"{list(x.shape)} except along axis {axis}, where it has one slice per "
                         f"index of 'indices' (shape {list(indices.shape)}).")
    if check_index_bound:
        _check_bounds("IndexAdd", indices, x.shape[axis], False)
    perm = [axis] + [i for i in builtins.range(x.ndim) if i != axis]
    inv = list(_np.argsort(perm))
    added = _add_rows(x.shape[axis], indices, y.permute(*perm).astype(x.dtype))
    return x + added.permute(*inv)


def _nd_rows(op, indices, shape):
    """The flat row positions of ``indices[..., :k]`` in the leading ``k`` axes of ``shape``."""
    k = indices.shape[-1] if indices.ndim else 0
    if indices.ndim == 0 or k > len(shape):
        raise ShapeError(f"For '{op}', the last axis of 'indices' (shape {list(indices.shape)}) must "
                         f"be at most the rank of {list(shape)}.")
    if indices.dtype not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For '{op}', 'indices' must be Int32 or Int64, but got {indices.dtype}.")
    if not indices._is_traced and indices.size:
        v = indices.asnumpy().reshape(-1, k)
        bad = (v < 0) | (v >= _np.array(shape[:k]))
        if bad.any():
            raise IndexError(f"For '{op}', the indices {v[bad.any(1)][0].tolist()} are out of range "
                             f"for shape {list(shape)}.")
    strides = _np.cumprod((list(shape[1:k]) + [1])[::-1])[::-1].astype(_np.int64)
    rows = (indices.astype(mstype.int64) * Tensor(strides)).sum(-1) if k else None
    return rows, k, int(_np.prod(shape[:k], dtype=_np.int64))


def scatter_nd(indices, updates, shape):
    """``ops.scatter_nd``: zeros of ``shape`` with ``updates`` added at ``indices`` (``[..., k]``
    coordinates of the leading ``k`` axes; duplicates add up).

    Args:
        indices (Tensor): The indices (Int32 or Int64).
        updates (Tensor): The values to write or add.
        shape (Union[tuple[int], list[int]]): The shape.

    Returns:
        Tensor of shape `shape`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.scatter_nd(Tensor([[1], [1]]), Tensor([1.0, 2.0]), (3,)))
        [0. 3. 0.]
    """
    indices, updates = _tensor("ScatterNd", "indices", indices), _tensor("ScatterNd", "updates", updates)
    shape = tuple(int(s) for s in shape)
    rows, k, n = _nd_rows("ScatterNd", indices, shape)
    if tuple(updates.shape) != tuple(indices.shape[:-1]) + shape[k:]:
        raise ShapeError(f"For 'ScatterNd', 'updates' must have shape {list(indices.shape[:-1]) + list(shape[k:])}, "
                         f"but got {list(updates.shape)}.")
    out = _add_rows(n, rows, updates.reshape((-1,) + shape[k:]))
    return out.reshape(shape)


def gather_nd(input_x, indices):
    """``ops.gather_nd``: ``input_x`` at the coordinates ``indices[..., :k]`` (leading ``k`` axes):
    shape ``indices.shape[:-1] + input_x.shape[k:]``.

    Args:
        input_x (Tensor): The input tensor.
        indices (Tensor): The indices (Int32 or Int64).

    Returns:
        Tensor, of shape ``indices.shape[:-1] + input_x.shape[indices.shape[-1]:]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.gather_nd(Tensor([[1, 2], [3, 4]]), Tensor([[1, 0]])))
        [3]
    """
    x, indices = _tensor("GatherNd", "input_x", input_x), _tensor("GatherNd", "indices", indices)
    _nd_rows("GatherNd", indices, tuple(x.shape))
    k = indices.shape[-1]
    if k == 0:
        return _C.broadcast_to(x, tuple(indices.shape[:-1]) + tuple(x.shape))
    return x[tuple(indices[..., i] for i in builtins.range(k))]


def tensor_scatter_add(input_x, indices, updates):
    """``ops.tensor_scatter_add``: ``input_x + scatter_nd(indices, updates, input_x.shape)``.

    Args:
        input_x (Tensor): The input tensor.
        indices (Tensor): The indices (Int32 or Int64).
        updates (Tensor): The values to write or add.

    Returns:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.tensor_scatter_add(ops.zeros(3), Tensor([[0], [0]]), Tensor([1.0, 2.0])))
        [3. 0. 0.]
    """
    x = _tensor("TensorScatterAdd", "input_x", input_x)
    updates = _tensor("TensorScatterAdd", "updates", updates)
    return x + scatter_nd(indices, updates.astype(x.dtype), tuple(x.shape))


def tensor_scatter_update(input_x, indices, updates):
    """``ops.tensor_scatter_update``: ``input_x`` with the elements (or slices) at ``indices``
    replaced by ``updates`` (differentiable in both).

    Args:
        input_x (Tensor): The input tensor.
        indices (Tensor): The indices (Int32 or Int64).
        updates (Tensor): The values to write or add.

    Returns:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.tensor_scatter_update(ops.zeros(3), Tensor([[2]]), Tensor([5.0])))
        [0. 0. 5.]
    """
    x = _tensor("TensorScatterUpdate", "input_x", input_x)
    updates = _tensor("TensorScatterUpdate", "updates", updates).astype(x.dtype)
    indices = _tensor("TensorScatterUpdate", "indices", indices)
    rows, k, _ = _nd_rows("TensorScatterUpdate", indices, tuple(x.shape))
    if k and indices.size > 1:
        # A position given twice takes the last of its updates, as MindSpore's kernel writes them
        # in order: the earlier ones are dropped before the sums of ``scatter_nd``.
        last = _last_of_each(rows.reshape(-1)).reshape(tuple(rows.shape) + (1,) * (updates.ndim - rows.ndim))
        updates = _C.where_(last, updates, _C.full((), 0, updates.dtype))
        ones = _C.where_(last, _C.full((), 1, mstype.float32), _C.full((), 0, mstype.float32))
        ones = _C.broadcast_to(ones, tuple(updates.shape))
    else:
        ones = _C.full(tuple(updates.shape), 1, mstype.float32)
    hit = scatter_nd(indices, ones, tuple(x.shape)) > 0
    return _C.where_(hit, scatter_nd(indices, updates, tuple(x.shape)), x)


def _last_of_each(flat):
    """A Bool mask of the positions in the 1-D ``flat`` that no later position repeats (on the
    host for a concrete value; pairwise for a traced one)."""
    n = flat.shape[0]
    if not flat._is_traced:
        v = flat.asnumpy()
        later = _np.unique(v[::-1], return_index=True)[1]
        keep = _np.zeros(n, bool)
        keep[n - 1 - later] = True
        return Tensor(keep)
    repeated_later = (flat.reshape(n, 1) == flat.reshape(1, n)) & Tensor(_np.triu(_np.ones((n, n), bool), 1))
    return ~repeated_later.any(1)


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    """``ops.unique_consecutive``: runs of equal elements collapsed (of the flattened tensor, or of
    slices along ``dim``); the output alone, or with ``return_inverse``/``return_counts`` a tuple
    adding the Int64 inverse indices and run lengths (eager: the shape depends on the values).

    Args:
        input (Tensor): The input tensor.
        return_inverse (bool, optional): Whether to also return the index of each element in the
            output. Default: ``False``.
        return_counts (bool, optional): Whether to also return the length of each run. Default:
            ``False``.
        dim (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor, or a tuple with the inverse indices and the counts when they are asked for.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.unique_consecutive(Tensor([1, 1, 2, 1])))
        [1 2 1]
    """
    x = _tensor("UniqueConsecutive", "input", input)
    v = x.asnumpy().reshape(x.shape)
    if dim is None:
        v, axis = v.reshape(-1), 0
    else:
        axis = _axis("UniqueConsecutive", dim, x.ndim, "dim")
    n = v.shape[axis]
    moved = _np.moveaxis(v, axis, 0).reshape(n, -1)
    new = _np.ones(n, bool)
    if n > 1:
        new[1:] = (moved[1:] != moved[:-1]).any(1)
    starts = _np.nonzero(new)[0]
    inverse = (_np.cumsum(new) - 1).astype(_np.int64)
    counts = _np.diff(_np.append(starts, n)).astype(_np.int64)
    flat = x.reshape(-1) if dim is None else x
    out = flat[(slice(None),) * axis + (Tensor(starts.astype(_np.int64)),)]
    extra = ([Tensor(inverse)] if return_inverse else []) + ([Tensor(counts)] if return_counts else [])
    return tuple([out] + extra) if extra else out


def unsorted_segment_sum(input_x, segment_ids, num_segments):
    """``ops.unsorted_segment_sum``: ``out[k] = Σ input_x[i]`` over the ``i`` with
    ``segment_ids[i] = k`` (``segment_ids`` is a leading part of ``input_x``'s shape; ids outside
    ``[0, num_segments)`` are dropped, as in MindSpore). Differentiable in ``input_x``.

    Args:
        input_x (Tensor): The input tensor.
        segment_ids (Tensor): The segment of each slice (Int32).
        num_segments (int): The number of segments.

    Returns:
        Tensor of shape ``[num_segments] + input_x.shape[segment_ids.ndim:]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.unsorted_segment_sum(Tensor([1.0, 2.0, 3.0]), Tensor([0, 1, 0]), 2))
        [4. 2.]
    """
    x = _tensor("UnsortedSegmentSum", "input_x", input_x)
    ids = _tensor("UnsortedSegmentSum", "segment_ids", segment_ids)
    n = _int("UnsortedSegmentSum", "num_segments", int(num_segments) if isinstance(num_segments, Tensor)
             else num_segments)
    if ids.dtype not in (mstype.int32, mstype.int64) or tuple(x.shape[:ids.ndim]) != tuple(ids.shape):
        raise ShapeError(f"For 'UnsortedSegmentSum', 'segment_ids' must be Int32/Int64 with a shape "
                         f"({list(ids.shape)}) leading that of 'input_x' ({list(x.shape)}).")
    if n <= 0:
        raise ShapeError(f"For 'UnsortedSegmentSum', 'num_segments' must be positive, but got {n}.")
    k = ids.size
    feat = tuple(x.shape[ids.ndim:])
    hot = (ids.reshape(k, 1).astype(mstype.int64) ==
           Tensor(_np.arange(n, dtype=_np.int64).reshape(1, n))).astype(x.dtype)
    u = x.reshape(k, -1)
    if x.dtype in _FLOATS:
        out = _C.matmul(hot.transpose(), u)
    else:
        out = (hot.reshape(k, n, 1) * u.reshape(k, 1, -1)).sum(0).astype(x.dtype)
    return out.reshape((n,) + feat)

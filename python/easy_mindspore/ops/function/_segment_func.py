"""``mindspore.ops``' scatter and segment reductions beyond the sums (re-exported by
``math_func``): ``tensor_scatter_mul/div/max/min/sub``, ``unsorted_segment_max/min/prod`` and
``inplace_add/sub/update``. Compositions of engine ops (differentiable in the values); the index
bookkeeping is NumPy on the index tensors, never on values.

The reductions group the rows of each segment (or the updates of each index) next to each other
and combine them with a segmented scan: ``log2(longest group)`` rounds, each one gather, one
combine and one select over all rows at once, whatever the number of indices. A scatter combines
every update of an index into the element there (MindSpore applies them one at a time; for
products and quotients the grouping can differ from that order in the last bit)."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import int_arg as _int
from ._math_extra import _tensor

__all__ = ["tensor_scatter_mul", "tensor_scatter_div", "tensor_scatter_max", "tensor_scatter_min", "tensor_scatter_sub", "unsorted_segment_max", "unsorted_segment_min", "unsorted_segment_prod", "inplace_add", "inplace_sub", "inplace_update"]


def _index(rows):
    return Tensor(_np.asarray(rows, _np.int64))


def _grouped(rows, groups, combine):
    """``(firsts, totals)``: ``rows`` (a tensor ``[M, ...]`` whose leading axis is ordered by
    ``groups``, a sorted int array) combined within each run of equal group ids; ``totals`` has
    one row per run, ``firsts`` the position of each run's first row."""
    m = len(groups)
    starts = _np.flatnonzero(_np.r_[True, groups[1:] != groups[:-1]]) if m else _np.zeros(0, int)
    ends = _np.r_[starts[1:], m] - 1 if m else starts
    longest = int((ends - starts).max()) + 1 if m else 0
    pos = _np.arange(m)
    step = 1
    while step < longest:  # Hillis-Steele: after the round, row i holds rows i-2·step+1 .. i
        src = pos - step
        same = (src >= 0) & (groups[_np.maximum(src, 0)] == groups)
        if same.any():
            mask = Tensor(same.reshape((m,) + (1,) * (rows.ndim - 1)))
            earlier = rows[_index(_np.maximum(src, 0))]
            rows = _C.where_(mask, combine(earlier, rows), rows)
        step *= 2
    return starts, rows[_index(ends)] if m else rows


def _scatter_reduce(op, input_x, indices, updates, combine, combine_updates=None):
    """``input_x`` with ``combine(input_x[idx], u)`` at each index of `indices`, the updates of a
    repeated index first combined with ``combine_updates`` (``combine`` by default)."""
    x = _tensor(op, "input_x", input_x)
    u = _tensor(op, "updates", updates).astype(x.dtype)
    idx = _tensor(op, "indices", indices)
    if idx.dtype not in (mstype.int32, mstype.int64) or idx.ndim < 1:
        raise DTypeError(f"For '{op}', 'indices' must be Int32 or Int64 of at least 1 dim, but got "
                         f"{idx.dtype} {list(idx.shape)}.")
    k = idx.shape[-1]
    if k > x.ndim:
        raise ShapeError(f"For '{op}', indices of {k} coordinates index 'input_x' of shape "
                         f"{list(x.shape)}.")
    lead, slice_shape = tuple(x.shape[:k]), tuple(x.shape[k:])
    coords = idx.reshape(-1, k).asnumpy().astype(_np.int64)
    ups = u.reshape((-1,) + slice_shape)
    if ups.shape[0] != coords.shape[0]:
        raise ShapeError(f"For '{op}', 'updates' of shape {list(u.shape)} does not match 'indices' "
                         f"{list(idx.shape)} and 'input_x' {list(x.shape)}.")
    dims = _np.asarray(lead, _np.int64)
    bad = ((coords < -dims) | (coords >= dims)).any(axis=1) if len(coords) else _np.zeros(0, bool)
    if bad.any():
        at = coords[_np.flatnonzero(bad)[0]].tolist()
        raise ShapeError(f"For '{op}', index {at} is out of range for 'input_x' of shape "
                         f"{list(x.shape)}.")
    if not len(coords):
        return x.copy()
    flat_at = _np.ravel_multi_index(tuple((coords % dims).T), lead) if k else _np.zeros(len(coords), int)
    order = _np.argsort(flat_at, kind="stable")
    groups = flat_at[order]
    firsts, totals = _grouped(ups[_index(order)], groups, combine_updates or combine)
    targets = _index(groups[firsts])
    out = x.reshape((-1,) + slice_shape).copy()
    out[targets] = combine(out[targets], totals)
    return out.reshape(x.shape)
def tensor_scatter_mul(input_x, indices, updates):
    """`input_x` with the elements (or slices) at `indices` multiplied by `updates`.

    Args:
        input_x (Tensor): The input.
        indices (Tensor): Int32 or Int64 indices ``[..., k]`` into the first `k` axes.
        updates (Tensor): One value (or slice) per index.

    Returns:
        Tensor, of `input_x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.tensor_scatter_mul(ms.Tensor([1.0, 2.0, 3.0]), ms.Tensor([[0], [2]]),
        ...                              ms.Tensor([5.0, 6.0])))
        [ 5.  2. 18.]
    """
    return _scatter_reduce("TensorScatterMul", input_x, indices, updates, lambda a, b: a * b)


def tensor_scatter_div(input_x, indices, updates):
    """`input_x` with the elements (or slices) at `indices` divided by `updates`.

    Args:
        input_x (Tensor): The input.
        indices (Tensor): Int32 or Int64 indices ``[..., k]`` into the first `k` axes.
        updates (Tensor): One value (or slice) per index.

    Returns:
        Tensor, of `input_x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.tensor_scatter_div(ms.Tensor([1.0, 2.0, 3.0]), ms.Tensor([[0]]), ms.Tensor([4.0])))
        [0.25 2.   3.  ]
    """
    return _scatter_reduce("TensorScatterDiv", input_x, indices, updates, lambda a, b: a / b,
                           lambda a, b: a * b)


def tensor_scatter_max(input_x, indices, updates):
    """`input_x` with the elements (or slices) at `indices` raised to `updates` where larger.

    Args:
        input_x (Tensor): The input.
        indices (Tensor): Int32 or Int64 indices ``[..., k]`` into the first `k` axes.
        updates (Tensor): One value (or slice) per index.

    Returns:
        Tensor, of `input_x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.tensor_scatter_max(ms.Tensor([1.0, 2.0]), ms.Tensor([[0], [1]]), ms.Tensor([5.0, 0.0])))
        [5. 2.]
    """
    return _scatter_reduce("TensorScatterMax", input_x, indices, updates, _C.maximum)


def tensor_scatter_min(input_x, indices, updates):
    """`input_x` with the elements (or slices) at `indices` lowered to `updates` where smaller.

    Args:
        input_x (Tensor): The input.
        indices (Tensor): Int32 or Int64 indices ``[..., k]`` into the first `k` axes.
        updates (Tensor): One value (or slice) per index.

    Returns:
        Tensor, of `input_x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.tensor_scatter_min(ms.Tensor([1.0, 2.0]), ms.Tensor([[0], [1]]), ms.Tensor([5.0, 0.0])))
        [1. 0.]
    """
    return _scatter_reduce("TensorScatterMin", input_x, indices, updates, _C.minimum)


def tensor_scatter_sub(input_x, indices, updates):
    """`input_x` with `updates` subtracted at `indices` (repeated indices subtract repeatedly).

    Args:
        input_x (Tensor): The input.
        indices (Tensor): Int32 or Int64 indices ``[..., k]`` into the first `k` axes.
        updates (Tensor): One value (or slice) per index.

    Returns:
        Tensor, of `input_x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.tensor_scatter_sub(ops.zeros(3), ms.Tensor([[0], [0]]), ms.Tensor([1.0, 2.0])))
        [-3.  0.  0.]
    """
    from ._array_index import tensor_scatter_add
    return tensor_scatter_add(input_x, indices, -_tensor("TensorScatterSub", "updates", updates))


def _segment_reduce(op, x, segment_ids, num_segments, combine, empty):
    x = _tensor(op, "x", x)
    ids = _tensor(op, "segment_ids", segment_ids)
    n = _int(op, "num_segments", int(num_segments) if isinstance(num_segments, Tensor)
             else num_segments)
    if ids.dtype not in (mstype.int32, mstype.int64) or tuple(x.shape[:ids.ndim]) != tuple(ids.shape):
        raise ShapeError(f"For '{op}', 'segment_ids' must be Int32/Int64 with a shape "
                         f"({list(ids.shape)}) leading that of 'x' ({list(x.shape)}).")
    if n <= 0:
        raise ShapeError(f"For '{op}', 'num_segments' must be positive, but got {n}.")
    feat = tuple(x.shape[ids.ndim:])
    flat = x.reshape((ids.size,) + feat)
    seg = ids.reshape(-1).asnumpy().astype(_np.int64)
    # Rows of an id outside [0, num_segments) belong to no segment, as MindSpore's kernels drop them.
    keep = _np.flatnonzero((seg >= 0) & (seg < n))
    order = keep[_np.argsort(seg[keep], kind="stable")]
    groups = seg[order]
    firsts, totals = _grouped(flat[_index(order)], groups, combine)
    # Segment s reads its total, or (past the totals) the empty segment's value.
    where = _np.full(n, len(firsts), _np.int64)
    where[groups[firsts]] = _np.arange(len(firsts))
    # Through NumPy: UInt64's highest value is past what ``full`` takes from a Python int.
    filler = Tensor(_np.full((1,) + feat, empty(x.dtype), mstype.dtype_to_nptype(x.dtype)), x.dtype)
    return _C.concat([totals, filler], 0)[_index(where)]


def _limits(dtype):
    """The dtype's lowest and highest finite values (what MindSpore fills empty segments with)."""
    nt = mstype.dtype_to_nptype(dtype)
    info = _np.finfo(nt) if dtype in mstype.float_type else _np.iinfo(nt)
    cast = float if dtype in mstype.float_type else int
    return cast(info.min), cast(info.max)


def _lowest(dtype):
    return _limits(dtype)[0]


def _highest(dtype):
    return _limits(dtype)[1]


def unsorted_segment_max(x, segment_ids, num_segments):
    """The maximum of the slices of `x` in each segment (the dtype's lowest finite value for an
    empty segment, as MindSpore's).

    Args:
        x (Tensor): The input.
        segment_ids (Tensor): The segment of each leading slice (Int32 or Int64).
        num_segments (int): The number of segments.

    Returns:
        Tensor of shape ``[num_segments] + x.shape[segment_ids.ndim:]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.unsorted_segment_max(ms.Tensor([1.0, 5.0, 3.0]), ms.Tensor([0, 0, 1]), 3))
        [ 5.0000000e+00  3.0000000e+00 -3.4028235e+38]
    """
    return _segment_reduce("UnsortedSegmentMax", x, segment_ids, num_segments, _C.maximum, _lowest)


def unsorted_segment_min(x, segment_ids, num_segments):
    """The minimum of the slices of `x` in each segment (the dtype's highest finite value for an
    empty segment, as MindSpore's).

    Args:
        x (Tensor): The input.
        segment_ids (Tensor): The segment of each leading slice (Int32 or Int64).
        num_segments (int): The number of segments.

    Returns:
        Tensor of shape ``[num_segments] + x.shape[segment_ids.ndim:]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.unsorted_segment_min(ms.Tensor([1.0, 5.0, 3.0]), ms.Tensor([0, 0, 1]), 3))
        [1.0000000e+00 3.0000000e+00 3.4028235e+38]
    """
    return _segment_reduce("UnsortedSegmentMin", x, segment_ids, num_segments, _C.minimum, _highest)


def unsorted_segment_prod(x, segment_ids, num_segments):
    """The product of the slices of `x` in each segment (1 for an empty segment).

    Args:
        x (Tensor): The input.
        segment_ids (Tensor): The segment of each leading slice (Int32 or Int64).
        num_segments (int): The number of segments.

    Returns:
        Tensor of shape ``[num_segments] + x.shape[segment_ids.ndim:]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.unsorted_segment_prod(ms.Tensor([2.0, 5.0, 3.0]), ms.Tensor([0, 0, 1]), 3))
        [10.  3.  1.]
    """
    return _segment_reduce("UnsortedSegmentProd", x, segment_ids, num_segments,
                           lambda a, b: a * b, lambda d: 1)


def _inplace(op, x, v, indices, combine):
    x, v = _tensor(op, "x", x), _tensor(op, "v", v)
    if isinstance(indices, Tensor) and indices.dtype in (mstype.int32, mstype.int64):
        indices = tuple(int(i) for i in indices.asnumpy().reshape(-1))  # MindSpore's V2 form
    idx = [indices] if isinstance(indices, int) else list(indices)
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in idx):
        raise DTypeError(f"For '{op}', 'indices' must be an int or a tuple of ints, but got {indices}.")
    if v.ndim != x.ndim or v.shape[0] != len(idx) or tuple(v.shape[1:]) != tuple(x.shape[1:]):
        raise ShapeError(f"For '{op}', 'v' of shape {list(v.shape)} must be 'x' ({list(x.shape)}) "
                         f"with a first axis of len(indices) = {len(idx)}.")
    out = x.copy()
    for n, i in enumerate(idx):
        if not -x.shape[0] <= i < x.shape[0]:
            raise ShapeError(f"For '{op}', index {i} is out of range for 'x' of shape {list(x.shape)}.")
        out[i] = combine(out[i], v[n].astype(x.dtype))
    return out


def inplace_add(x, v, indices):
    """`x` with `v`'s rows added at rows `indices` (a new tensor).

    Args:
        x (Tensor): The input.
        v (Tensor): One row per index, of `x`'s other dimensions.
        indices (Union[int, tuple[int]]): The rows.

    Returns:
        Tensor, of `x`'s shape.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.inplace_add(ops.zeros((3, 2)), ops.ones((2, 2)), (0, 2)))
        [[1. 1.]
         [0. 0.]
         [1. 1.]]
    """
    return _inplace("InplaceAdd", x, v, indices, lambda a, b: a + b)


def inplace_sub(x, v, indices):
    """`x` with `v`'s rows subtracted at rows `indices` (a new tensor).

    Args:
        x (Tensor): The input.
        v (Tensor): One row per index, of `x`'s other dimensions.
        indices (Union[int, tuple[int]]): The rows.

    Returns:
        Tensor, of `x`'s shape.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.inplace_sub(ops.zeros((2, 2)), ops.ones((1, 2)), 1))
        [[ 0.  0.]
         [-1. -1.]]
    """
    return _inplace("InplaceSub", x, v, indices, lambda a, b: a - b)


def inplace_update(x, v, indices):
    """`x` with rows `indices` replaced by `v`'s rows (a new tensor).

    Args:
        x (Tensor): The input.
        v (Tensor): One row per index, of `x`'s other dimensions.
        indices (Union[int, tuple[int]]): The rows.

    Returns:
        Tensor, of `x`'s shape.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.inplace_update(ops.zeros((2, 2)), ops.ones((1, 2)), (1,)))
        [[0. 0.]
         [1. 1.]]
    """
    return _inplace("InplaceUpdate", x, v, indices, lambda a, b: b)

"""``mindspore.ops`` array functions, part two (re-exported by ``array_func``): comparisons,
flips and rolls, index selection and scatter-adds, splits and stacks, axis moves. Compositions of
engine ops; a scatter-add is a one-hot product (exact, differentiable in ``updates`` and traceable),
and index checks read the indices' values only when they are concrete (eager mode)."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import as_tensor as _t, int_arg as _int, tensor_arg as _tensor

__all__ = [
    "equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "eq", "ne", "gt",
    "ge", "lt", "le", "roll", "flip", "flipud", "fliplr", "rot90", "index_select", "index_add",
    "scatter_nd", "gather_nd", "tensor_scatter_add", "tensor_scatter_update",
    "chunk", "tensor_split", "hsplit", "vsplit", "dsplit", "hstack", "vstack", "dstack",
    "column_stack", "movedim", "moveaxis", "swapaxes", "swapdims", "atleast_1d", "atleast_2d",
    "atleast_3d", "full_like", "range", "numel", "rank", "argwhere", "unique_consecutive",
    "unsorted_segment_sum",
]

_FLOATS = mstype.float_type


def equal(input, other):  # noqa: A002 - MindSpore's argument name
    """``ops.equal``: ``input == other`` elementwise (Bool, broadcast).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.equal(Tensor([1, 2]), 2))
        [False  True]
    """
    return _t(input) == other


def not_equal(input, other):  # noqa: A002
    """``ops.not_equal``: ``input != other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.not_equal(Tensor([1, 2]), 2))
        [ True False]
    """
    return _t(input) != other


def greater(input, other):  # noqa: A002
    """``ops.greater``: ``input > other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.greater(Tensor([1, 2]), 1))
        [False  True]
    """
    return _t(input) > other


def greater_equal(input, other):  # noqa: A002
    """``ops.greater_equal``: ``input >= other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.greater_equal(Tensor([1, 2]), 2))
        [False  True]
    """
    return _t(input) >= other


def less(input, other):  # noqa: A002
    """``ops.less``: ``input < other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.less(Tensor([1, 2]), 2))
        [ True False]
    """
    return _t(input) < other


def less_equal(input, other):  # noqa: A002
    """``ops.less_equal``: ``input <= other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.less_equal(Tensor([1, 2]), 1))
        [ True False]
    """
    return _t(input) <= other


eq, ne, gt, ge, lt, le = equal, not_equal, greater, greater_equal, less, less_equal


def _axis(op, axis, nd, name="axis"):
    axis = _int(op, name, axis)
    if not -nd <= axis < nd:
        raise ShapeError(f"For '{op}', '{name}' must be in [{-nd}, {nd}), but got {axis}.")
    return axis % nd


def _axes_list(v):
    return [v] if isinstance(v, (int, _np.integer)) else list(v)


def roll(input, shifts, dims=None):  # noqa: A002
    """``ops.roll``: elements shifted by ``shifts`` along ``dims`` (wrapping around); without
    ``dims`` the flattened tensor is rolled and reshaped back.

    Args:
        input (Tensor): The input tensor.
        shifts (Union[int, tuple[int]]): The number of places to shift by.
        dims (Union[int, tuple[int], list[int]], optional): The axes. Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.roll(Tensor([1, 2, 3]), 1))
        [3 1 2]
    """
    x = _t(input)
    if dims is None:
        if not isinstance(shifts, (int, _np.integer)):
            shifts = _axes_list(shifts)
            if len(shifts) != 1:
                raise ShapeError(f"For 'Roll', give one shift without 'dims', but got {shifts}.")
            shifts = shifts[0]
        return roll(x.reshape(-1), int(shifts), 0).reshape(tuple(x.shape))
    shifts, dims = _axes_list(shifts), _axes_list(dims)
    if len(shifts) != len(dims):
        raise ShapeError(f"For 'Roll', 'shifts' and 'dims' must have the same length, but got "
                         f"{shifts} and {dims}.")
    for s, d in zip(shifts, dims):
        d = _axis("Roll", d, x.ndim, "dims")
        n = x.shape[d]
        if n == 0:
            continue
        s = int(s) % n
        if s:
            pre = (slice(None),) * d
            x = _C.concat([x[pre + (slice(n - s, n),)], x[pre + (slice(0, n - s),)]], d)
    return x


def flip(input, dims):  # noqa: A002
    """``ops.flip``: the order of the elements reversed along each axis of ``dims``.

    Args:
        input (Tensor): The input tensor.
        dims (Union[int, tuple[int], list[int]]): The axes.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.flip(Tensor([[1, 2], [3, 4]]), (1,)))
        [[2 1]
         [4 3]]
    """
    x = _t(input)
    idx = [slice(None)] * x.ndim
    for d in _axes_list(dims):
        idx[_axis("ReverseV2", d, x.ndim, "dims")] = slice(None, None, -1)
    return x[tuple(idx)]


def flipud(input):  # noqa: A002
    """``ops.flipud``: :func:`flip` along axis 0.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.flipud(Tensor([[1, 2], [3, 4]])))
        [[3 4]
         [1 2]]
    """
    return flip(input, (0,))


def fliplr(input):  # noqa: A002
    """``ops.fliplr``: :func:`flip` along axis 1.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.fliplr(Tensor([[1, 2], [3, 4]])))
        [[2 1]
         [4 3]]
    """
    return flip(input, (1,))


def rot90(input, k, dims):  # noqa: A002
    """``ops.rot90``: rotated by ``k`` quarter turns in the plane ``dims``, from the first axis
    towards the second.

    Args:
        input (Tensor): The input tensor.
        k (int): The number of quarter turns.
        dims (Union[int, tuple[int], list[int]]): The axes.

    Returns:
        Tensor, rotated.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.rot90(Tensor([[1, 2], [3, 4]]), 1, (0, 1)))
        [[2 4]
         [1 3]]
    """
    x = _t(input)
    dims = _axes_list(dims)
    if len(dims) != 2:
        raise ShapeError(f"For 'rot90', 'dims' must name two axes, but got {dims}.")
    d0, d1 = _axis("rot90", dims[0], x.ndim, "dims"), _axis("rot90", dims[1], x.ndim, "dims")
    if d0 == d1:
        raise ShapeError(f"For 'rot90', the two 'dims' must differ, but got {dims}.")
    k = _int("rot90", "k", k) % 4
    if k == 0:
        return x
    if k == 2:
        return flip(x, (d0, d1))
    perm = list(builtins.range(x.ndim))
    perm[d0], perm[d1] = perm[d1], perm[d0]
    if k == 1:
        return flip(x, (d1,)).permute(*perm)
    return flip(x.permute(*perm), (d1,))


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
        out = (_one_hot(idx, n, upd.dtype).reshape(k, n, 1) * u.reshape(k, 1, -1)).sum(0)
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
    ones = _C.full(tuple(updates.shape), 1, mstype.float32)
    hit = scatter_nd(indices, ones, tuple(x.shape)) > 0
    return _C.where_(hit, scatter_nd(indices, updates, tuple(x.shape)), x)


def _sections(op, n, indices_or_sections):
    """Split points of an axis of length ``n``: ``k`` sections as ``numpy.array_split`` makes them,
    or the listed indices."""
    if isinstance(indices_or_sections, (int, _np.integer)) and not isinstance(indices_or_sections, bool):
        k = int(indices_or_sections)
        if not 0 < k < 2 ** 31:
            raise ShapeError(f"For '{op}', the number of sections must be in [1, 2**31), but got {k}.")
        q, r = divmod(n, k)
        sizes = [q + 1] * r + [q] * (k - r)
        return list(_np.cumsum(sizes)[:-1])
    if isinstance(indices_or_sections, Tensor):
        indices_or_sections = indices_or_sections.asnumpy().tolist()
    return [int(i) for i in indices_or_sections]


def _split_at(x, points, axis):
    n = x.shape[axis]
    pre = (slice(None),) * axis
    bounds = [builtins.min(builtins.max(p if p >= 0 else p + n, 0), n) for p in points]
    out, start = [], 0
    for b in bounds + [n]:
        end = builtins.max(b, start)
        out.append(x[pre + (slice(start, end),)])
        start = end
    return tuple(out)


def tensor_split(input, indices_or_sections, axis=0):  # noqa: A002
    """``ops.tensor_split``: ``numpy.array_split``: ``k`` nearly equal parts (the first ones one
    longer), or parts cut at the listed indices.

    Args:
        input (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.tensor_split(Tensor([1, 2, 3, 4, 5]), 2):
        ...     print(t)
        [1 2 3]
        [4 5]
    """
    x = _tensor("TensorSplit", "input", input)
    axis = _axis("TensorSplit", axis, x.ndim)
    return _split_at(x, _sections("TensorSplit", x.shape[axis], indices_or_sections), axis)


def chunk(input, chunks, axis=0):  # noqa: A002
    """``ops.chunk``: at most ``chunks`` parts of ``ceil(n / chunks)`` elements along ``axis``
    (the last may be shorter).

    Args:
        input (Tensor): The input tensor.
        chunks (int): The number of parts.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.chunk(Tensor([1, 2, 3, 4, 5]), 2):
        ...     print(t)
        [1 2 3]
        [4 5]
    """
    x = _tensor("Chunk", "input", input)
    chunks = _int("Chunk", "chunks", chunks)
    if chunks <= 0:
        raise ShapeError(f"For 'Chunk', 'chunks' must be positive, but got {chunks}.")
    axis = _axis("Chunk", axis, x.ndim)
    n = x.shape[axis]
    size = -(-n // chunks) if n else 0
    if size == 0:
        return (x,)
    return _split_at(x, list(builtins.range(size, n, size)), axis)


def hsplit(input, indices_or_sections):  # noqa: A002
    """``ops.hsplit``: :func:`tensor_split` along axis 1 (axis 0 for 1-D).

    Args:
        input (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.hsplit(Tensor([[1, 2], [3, 4]]), 2):
        ...     print(t)
        [[1]
         [3]]
        [[2]
         [4]]
    """
    x = _tensor("hsplit", "input", input)
    return tensor_split(x, indices_or_sections, 1 if x.ndim > 1 else 0)


def vsplit(input, indices_or_sections):  # noqa: A002
    """``ops.vsplit``: :func:`tensor_split` along axis 0 (2-D or more).

    Args:
        input (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.vsplit(Tensor([[1, 2], [3, 4]]), 2):
        ...     print(t)
        [[1 2]]
        [[3 4]]
    """
    x = _tensor("vsplit", "input", input)
    if x.ndim < 2:
        raise ShapeError(f"For 'vsplit', 'input' must be at least 2-D, but got shape {list(x.shape)}.")
    return tensor_split(x, indices_or_sections, 0)


def dsplit(input, indices_or_sections):  # noqa: A002
    """``ops.dsplit``: :func:`tensor_split` along axis 2 (3-D or more).

    Args:
        input (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((1, 1, 4), ms.float32)
        >>> a, b = ops.dsplit(x, 2)
        >>> print(a.shape, b.shape)
        (1, 1, 2) (1, 1, 2)
    """
    x = _tensor("dsplit", "input", input)
    if x.ndim < 3:
        raise ShapeError(f"For 'dsplit', 'input' must be at least 3-D, but got shape {list(x.shape)}.")
    return tensor_split(x, indices_or_sections, 2)


def _list(op, tensors):
    if not isinstance(tensors, (list, tuple)) or not tensors:
        raise DTypeError(f"For '{op}', 'tensors' must be a non-empty tuple or list of Tensors, but got "
                         f"{type(tensors).__name__}.")
    return [_t(x) for x in tensors]


def _atleast(x, n):
    x = _t(x)
    if x.ndim >= n:
        return x
    if n == 3 and x.ndim == 2:
        return x.reshape(tuple(x.shape) + (1,))
    if n == 3 and x.ndim == 1:
        return x.reshape(1, x.shape[0], 1)
    return x.reshape((1,) * (n - x.ndim) + tuple(x.shape))


def _atleast_all(inputs, n):
    if isinstance(inputs, (list, tuple)):
        return tuple(_atleast(x, n) for x in inputs)
    return _atleast(inputs, n)


def atleast_1d(inputs):
    """``ops.atleast_1d``: a 0-D tensor as shape ``[1]`` (a tuple of tensors: each).

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        Tensor, or a tuple of Tensors for a tuple input.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atleast_1d(Tensor(1.0)).shape)
        (1,)
    """
    return _atleast_all(inputs, 1)


def atleast_2d(inputs):
    """``ops.atleast_2d``: leading axes added up to rank 2.

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        Tensor, or a tuple of Tensors for a tuple input.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atleast_2d(Tensor([1, 2])).shape)
        (1, 2)
    """
    return _atleast_all(inputs, 2)


def atleast_3d(inputs):
    """``ops.atleast_3d``: NumPy's rule: ``[n]`` → ``[1, n, 1]``, ``[m, n]`` → ``[m, n, 1]``.

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        Tensor, or a tuple of Tensors for a tuple input.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atleast_3d(Tensor([1, 2])).shape)
        (1, 2, 1)
    """
    return _atleast_all(inputs, 3)


def hstack(tensors):
    """``ops.hstack``: concatenation along axis 1 (axis 0 for 1-D tensors).

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.

    Returns:
        Tensor, the inputs joined along axis 1 (axis 0 for 1-D inputs).

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.hstack([Tensor([1, 2]), Tensor([3])]))
        [1 2 3]
    """
    xs = [_atleast(x, 1) for x in _list("hstack", tensors)]
    return _C.concat(xs, 0 if xs[0].ndim == 1 else 1)


def vstack(inputs):
    """``ops.vstack``: concatenation along axis 0, 1-D tensors as rows.

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        Tensor, the inputs joined along axis 0.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.vstack([Tensor([1, 2]), Tensor([3, 4])]))
        [[1 2]
         [3 4]]
    """
    return _C.concat([_atleast(x, 2) for x in _list("vstack", inputs)], 0)


def dstack(tensors):
    """``ops.dstack``: concatenation along axis 2, each tensor made at least 3-D.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.

    Returns:
        Tensor, the inputs joined along axis 2.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.dstack([Tensor([1, 2]), Tensor([3, 4])]).shape)
        (1, 2, 2)
    """
    return _C.concat([_atleast(x, 3) for x in _list("dstack", tensors)], 2)


def column_stack(tensors):
    """``ops.column_stack``: 1-D tensors as columns, concatenated along axis 1.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.

    Returns:
        Tensor, 2-D.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.column_stack([Tensor([1, 2]), Tensor([3, 4])]))
        [[1 3]
         [2 4]]
    """
    xs = [_t(x) for x in _list("column_stack", tensors)]
    return _C.concat([x.reshape(-1, 1) if x.ndim < 2 else x for x in xs], 1)


def movedim(x, source, destination):
    """``ops.movedim``: the axes ``source`` moved to the positions ``destination``, the others
    keeping their order.

    Args:
        x (Tensor): The input tensor.
        source (Union[int, tuple[int]]): The original positions of the axes to move.
        destination (Union[int, tuple[int]]): Their new positions.

    Returns:
        Tensor, with the axes moved.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.movedim(ops.zeros((2, 3, 4)), 0, -1).shape)
        (3, 4, 2)
    """
    x = _t(x)
    src, dst = _axes_list(source), _axes_list(destination)
    if len(src) != len(dst):
        raise ShapeError(f"For 'movedim', 'source' and 'destination' must have the same length, "
                         f"but got {src} and {dst}.")
    src = [_axis("movedim", s, x.ndim, "source") for s in src]
    dst = [_axis("movedim", d, x.ndim, "destination") for d in dst]
    if len(set(src)) != len(src) or len(set(dst)) != len(dst):
        raise ShapeError(f"For 'movedim', repeated axes in {source} or {destination}.")
    perm = [i for i in builtins.range(x.ndim) if i not in src]
    for d, s in sorted(zip(dst, src)):
        perm.insert(d, s)
    return x.permute(*perm) if x.ndim else x


moveaxis = movedim


def swapaxes(input, axis0, axis1):  # noqa: A002
    """``ops.swapaxes``: axes ``axis0`` and ``axis1`` exchanged.

    Args:
        input (Tensor): The input tensor.
        axis0 (int): The first axis.
        axis1 (int): The second axis.

    Returns:
        Tensor, with the two axes exchanged.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.swapaxes(ops.zeros((2, 3, 4)), 0, 2).shape)
        (4, 3, 2)
    """
    x = _t(input)
    a, b = _axis("swapaxes", axis0, x.ndim, "axis0"), _axis("swapaxes", axis1, x.ndim, "axis1")
    perm = list(builtins.range(x.ndim))
    perm[a], perm[b] = perm[b], perm[a]
    return x.permute(*perm)


swapdims = swapaxes


def full_like(input, fill_value, *, dtype=None):  # noqa: A002
    """``ops.full_like``: a tensor of ``input``'s shape filled with ``fill_value`` (its dtype unless
    ``dtype`` is given).

    Args:
        input (Tensor): The input tensor.
        fill_value (number): The value every element takes.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.full_like(Tensor([1, 2]), 7))
        [7 7]
    """
    x = _t(input)
    return _C.full(tuple(x.shape), fill_value, dtype or x.dtype)


def range(start, end, step, maxlen=1000000):  # noqa: A001 - MindSpore's name
    """``ops.range``: ``start, start + step, ...`` below ``end`` (above, for a negative step);
    Int64 for integer arguments (0-D Tensors or numbers), else Float32.

    Args:
        start (Union[Tensor, number]): The first value.
        end (Union[Tensor, number]): The bound (exclusive).
        step (Union[Tensor, number]): The spacing.
        maxlen (int, optional): The largest number of elements allowed. Default: ``1000000``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.range(0, 7, 3))
        [0 3 6]
    """
    vals = [v.asnumpy().item() if isinstance(v, Tensor) else v for v in (start, end, step)]
    for name, v in zip(("start", "end", "step"), vals):
        if isinstance(v, bool) or not isinstance(v, (int, float, _np.number)):
            raise DTypeError(f"For 'Range', '{name}' must be a number or a 0-D Tensor, but got {v!r}.")
    s0, e0, st = vals
    if not _np.isfinite([s0, e0, st]).all():
        raise ShapeError(f"For 'Range', 'start', 'end' and 'step' must be finite, but got {vals}.")
    if st == 0:
        raise ShapeError("For 'Range', 'step' must not be 0.")
    if (st > 0 and s0 > e0) or (st < 0 and s0 < e0):
        raise ShapeError(f"For 'Range', 'step' {st} cannot go from {s0} to {e0}.")
    n = int(_np.ceil((e0 - s0) / st))
    if n > maxlen:
        raise ShapeError(f"For 'Range', the output length {n} exceeds 'maxlen' {maxlen}.")
    ints = builtins.all(isinstance(v, (int, _np.integer)) for v in vals)
    # MindSpore 2.10: integer arguments (numbers or tensors of any int dtype) give Int64, float
    # ones Float32 (Float64 tensors too).
    dtype = mstype.int64 if ints else mstype.float32
    return _C.arange(s0, e0, st, dtype)


def numel(input):  # noqa: A002
    """``ops.numel``: the number of elements (an int).

    Args:
        input (Tensor): The input tensor.

    Returns:
        int, the number of elements.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.numel(ops.zeros((2, 3))))
        6
    """
    return _tensor("numel", "input", input).size


def rank(input_x):
    """``ops.rank``: the number of axes (an int).

    Args:
        input_x (Tensor): The input tensor.

    Returns:
        int, the number of axes.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.rank(ops.zeros((2, 3))))
        2
    """
    return _tensor("Rank", "input_x", input_x).ndim


def argwhere(input):  # noqa: A002
    """``ops.argwhere``: the ``[N, ndim]`` Int64 coordinates of the nonzero elements (eager).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Int64 of shape ``[N, input.ndim]``, one row per nonzero element.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.argwhere(Tensor([[0, 1], [2, 0]])))
        [[0 1]
         [1 0]]
    """
    x = _tensor("Argwhere", "input", input)
    coords = _np.argwhere(x.asnumpy().reshape(x.shape))
    return Tensor(coords.astype(_np.int64).reshape(-1, x.ndim))


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
        out = (hot.reshape(k, n, 1) * u.reshape(k, 1, -1)).sum(0)
    return out.reshape((n,) + feat)

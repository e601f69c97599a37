"""``mindspore.ops`` array functions: sorting, gathering and scattering, masks, one-hot, tiling and
repeating, padding, grids.

Thin fronts over the engine: sorting is the ``ArgSort`` primitive (``_C.sort``/``_C.topk``), the
gathers are indexing (differentiable: the gradient flows back to the gathered positions), the
rest composes tensor ops. The ops whose output shape depends on the values (``nonzero``,
``masked_select``, ``unique``, ``repeat_interleave`` with per-element counts) read their
operand's values, so they run eagerly (as in MindSpore's PyNative mode)."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError, TensorIndexError
from ...common import dtype as mstype
from ._args import as_tensor as _t, axis_arg as _axis_arg, int_arg as _int_arg, tensor_arg as _tensor_arg

__all__ = [
    "sort", "argsort", "topk", "gather", "gather_elements", "gather_d", "scatter", "one_hot",
    "masked_fill", "masked_select", "nonzero", "unique", "tile", "repeat_interleave",
    "repeat_elements", "meshgrid", "unsqueeze", "pad", "narrow", "select", "fill", "fills",
]


def sort(input_x, axis=-1, descending=False):
    """``ops.sort``: ``(values, indices)`` along ``axis``; indices are Int32. The sort is stable
    and NaN sorts as the largest value (NumPy's order; MindSpore 2.10's CPU kernel leaves a NaN
    where it is and sorts around it, ``[2, nan, 1]`` staying ``[2, nan, 1]``, which we take for a
    bug).

    Args:
        input_x (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``-1``.
        descending (bool, optional): Whether to sort in descending order. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor), the sorted values and their Int32 indices, of the shape of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([3.0, 1.0, 2.0], ms.float32)
        >>> values, indices = ops.sort(x, descending=True)
        >>> print(values)
        [3. 2. 1.]
        >>> print(indices)
        [0 2 1]
    """
    return _C.sort(_tensor_arg("Sort", "input_x", input_x), _int_arg("Sort", "axis", axis),
                   descending)


def argsort(input, axis=-1, descending=False):  # noqa: A002 - MindSpore's argument name
    """``ops.argsort``: the Int32 indices that sort ``input`` along ``axis`` (stable).

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``-1``.
        descending (bool, optional): Whether to sort in descending order. Default: ``False``.

    Returns:
        Tensor of Int32, of the shape of `input`: the indices that sort it along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.argsort(x))
        [0 1 2]
    """
    return sort(input, axis, descending)[1]


def topk(input, k, dim=None, largest=True, sorted=True):  # noqa: A002
    """``ops.topk``: the ``k`` largest (``largest=False``: smallest) elements along ``dim`` (the
    last axis by default) and their Int32 indices, largest first (ties in index order).

    Args:
        input (Tensor): The input tensor.
        k (int): The number of elements to keep.
        dim (int, optional): The axis. Default: ``None``.
        largest (bool, optional): Whether the largest (True) or smallest elements are kept. Default:
            ``True``.
        sorted (bool, optional): Whether the results are sorted by value; False: in the order of
            their indices (so ``k`` equal to the axis length gives the input as it is, as
            MindSpore's CPU kernel does). Default: ``True``.

    Returns:
        tuple(Tensor, Tensor), the `k` values and their Int64 indices along `dim`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> values, indices = ops.topk(x, 2)
        >>> print(values)
        [[3. 2.]
         [6. 5.]]
        >>> print(indices)
        [[2 1]
         [2 1]]
    """
    x = _tensor_arg("TopK", "input", input)
    k = _int_arg("TopK", "k", k)
    axis = -1 if dim is None else _int_arg("TopK", "dim", dim)
    values, indices = _C.topk(x, k, axis, largest)
    if sorted:
        return values, indices
    indices, order = sort(indices, axis)
    return gather_elements(values, axis, order), indices


def gather(input_params, input_indices, axis, batch_dims=0):
    """``ops.gather``: slices of ``input_params`` at ``input_indices`` along ``axis`` (the output
    shape is ``params.shape[:axis] + indices.shape + params.shape[axis+1:]``).

    Args:
        input_params (Tensor): The tensor to gather from.
        input_indices (Tensor): The indices.
        axis (int): The axis to gather along.
        batch_dims (int, optional): The number of leading batch axes of the indices. Default: ``0``.

    Returns:
        Tensor, of shape ``params.shape[:axis] + indices.shape + params.shape[axis + 1:]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> params = ms.Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], ms.float32)
        >>> print(ops.gather(params, ms.Tensor([2, 0], ms.int32), 0))
        [[5. 6.]
         [1. 2.]]
        >>> params = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.gather(params, ms.Tensor([2, 0], ms.int32), 1, batch_dims=1))
        [3. 4.]
    """
    x = _tensor_arg("Gather", "input_params", input_params)
    idx = _t(input_indices)
    axis = _int_arg("Gather", "axis", axis)
    batch_dims = _int_arg("Gather", "batch_dims", batch_dims)
    if idx.dtype not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For 'Gather', 'input_indices' must be Int32 or Int64, but got {idx.dtype}.")
    nd = x.ndim
    if not -nd <= axis < nd:
        raise ShapeError(f"For 'Gather', the axis must be in [{-nd}, {nd}), but got {axis} "
                         f"(shape {list(x.shape)}).")
    if batch_dims == 0:
        try:
            return x[(builtins.slice(None),) * (axis % nd) + (idx,)]
        except TensorIndexError:
            raise _gather_range_error(x.shape[axis % nd], idx) from None
    return _batch_gather(x, idx, axis % nd, batch_dims)


def _gather_range_error(n, idx):
    """MindSpore's error for an index of ``Gather`` outside ``[-n, n)`` (a RuntimeError)."""
    try:
        values = idx.asnumpy().reshape(-1)
    except ComputeError:  # inside vmap the indices vary across the batch and cannot be read
        return TensorIndexError(f"For 'Gather', the 'input_indices' should be in the range "
                                f"[{-n}, {n}), but one is not.")
    bad = values[(values < -n) | (values >= n)]
    shown = int(bad[0]) if bad.size else values.tolist()
    return TensorIndexError(f"For 'Gather', the 'input_indices' should be in the range [{-n}, {n}), "
                            f"but got {shown}.")


def _batch_gather(x, idx, axis, batch_dims):
    """``gather`` with ``batch_dims`` shared leading axes: the batches are flattened into one axis
    ``n``, the gathered axis moved next to it, ``x[rows, idx]`` picks ``[n, I..., P..., Q...]`` and the
    axes go back to ``[batch..., P..., I..., Q...]``."""
    b = batch_dims + idx.ndim if batch_dims < 0 else batch_dims
    if not -x.ndim <= batch_dims < x.ndim or not 0 <= b <= idx.ndim:
        raise ShapeError(f"For 'Gather', 'batch_dims' must be in [{-x.ndim}, {x.ndim}) and fit the indices of "
                         f"shape {list(idx.shape)}, but got {batch_dims}.")
    if axis < b:
        raise ShapeError(f"For 'Gather', the axis must be at least batch_dims ({b}), but got {axis}.")
    batch = tuple(x.shape[:b])
    if tuple(idx.shape[:b]) != batch:
        raise ComputeError(f"For 'Gather', the first {b} axes of the params and the indices must be equal, "
                           f"but got shapes {list(x.shape)} and {list(idx.shape)}.")
    n = int(_np.prod(batch, dtype=_np.int64))
    flat = x.reshape((n,) + tuple(x.shape[b:])).moveaxis(axis - b + 1, 1)  # [n, A, P..., Q...]
    ni, npre = idx.ndim - b, axis - b
    rows = Tensor(_np.arange(n).reshape((n,) + (1,) * ni), idx.dtype)
    picked = flat[rows, idx.reshape((n,) + tuple(idx.shape[b:]))]  # [n, I..., P..., Q...]
    perm = ((0,) + tuple(builtins.range(1 + ni, 1 + ni + npre)) + tuple(builtins.range(1, 1 + ni))
            + tuple(builtins.range(1 + ni + npre, picked.ndim)))
    return picked.transpose(perm).reshape(tuple(x.shape[:axis]) + tuple(idx.shape[b:]) + tuple(x.shape[axis + 1:]))


def gather_elements(input, dim, index):  # noqa: A002
    """``ops.gather_elements``: ``out[i][j] = input[i][index[i][j]]`` for ``dim = 1`` (NumPy's
    ``take_along_axis``); ``index`` has ``input``'s rank and the output ``index``'s shape.

    Args:
        input (Tensor): The input tensor.
        dim (int, optional): The axis.
        index (Tensor): The indices (Int32 or Int64).

    Returns:
        Tensor, of the shape of `index`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> z = ms.Tensor([[0, 1], [1, 0]], ms.int32)
        >>> print(ops.gather_elements(x, 1, z))
        [[1. 2.]
         [5. 4.]]
    """
    return _C.gather_elements(_tensor_arg("GatherElements", "input", input),
                              _int_arg("GatherElements", "dim", dim), _t(index))


def gather_d(x, dim, index):
    """``ops.gather_d``: :func:`gather_elements`.

    Args:
        x (Tensor): The input tensor.
        dim (int, optional): The axis.
        index (Tensor): The indices (Int32 or Int64).

    Returns:
        Tensor, of the shape of `index`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> z = ms.Tensor([[0, 1], [1, 0]], ms.int32)
        >>> print(ops.gather_d(x, 1, z))
        [[1. 2.]
         [5. 4.]]
    """
    return gather_elements(x, dim, index)


def _grid_index(index, dim):
    """The advanced-index tuple that addresses ``[..., index, ...]`` elementwise along ``dim``."""
    nd = index.ndim
    out = []
    for d in builtins.range(nd):
        if d == dim:
            out.append(index)
        else:
            shape = [1] * nd
            shape[d] = index.shape[d]
            out.append(Tensor(_np.arange(index.shape[d], dtype=_np.int64).reshape(shape)))
    return tuple(out)


def scatter(input, axis, index, src):  # noqa: A002
    """``ops.scatter``: a copy of ``input`` with ``input[..., index[i][j], ...] = src[i][j]``
    along ``axis`` (``src`` a tensor of ``index``'s shape or larger, or a number).

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis.
        index (Tensor): The indices (Int32 or Int64).
        src (Tensor): The values to write.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros((2, 3), ms.float32)
        >>> index = ms.Tensor([[2], [0]], ms.int32)
        >>> src = ms.Tensor([[1.0], [2.0]], ms.float32)
        >>> print(ops.scatter(x, 1, index, src))
        [[0. 0. 1.]
         [2. 0. 0.]]
    """
    x = _tensor_arg("Scatter", "input", input)
    index = _tensor_arg("Scatter", "index", index)
    axis = _int_arg("Scatter", "axis", axis)
    if index.ndim != x.ndim:
        raise ShapeError(f"For 'Scatter', 'index' must have the rank of 'input', but got shapes "
                         f"{list(index.shape)} and {list(x.shape)}.")
    if not -x.ndim <= axis < x.ndim:
        raise ShapeError(f"For 'Scatter', the axis must be in [{-x.ndim}, {x.ndim}), but got {axis}.")
    if isinstance(src, Tensor):
        if src.ndim != index.ndim or builtins.any(s < i for s, i in zip(src.shape, index.shape)):
            raise ShapeError(f"For 'Scatter', 'src' of shape {list(src.shape)} must cover 'index' "
                             f"of shape {list(index.shape)}.")
        src = src[tuple(builtins.slice(0, n) for n in index.shape)].astype(x.dtype)
    out = x.copy()
    out[_grid_index(index, axis % x.ndim)] = src
    return out


def one_hot(indices, depth, on_value=1, off_value=0, axis=-1):
    """``ops.one_hot``: ``on_value`` where the position along the new ``axis`` equals the index,
    else ``off_value``. The dtype is ``on_value``'s (Int64 for the default Python ints).

    Args:
        indices (Tensor): The class indices.
        depth (int): The number of classes.
        on_value (Union[Tensor, number], optional): The value at the index. Default: ``1``.
        off_value (Union[Tensor, number], optional): The value elsewhere. Default: ``0``.
        axis (int, optional): Where the new axis goes. Default: ``-1``.

    Returns:
        Tensor, with a new axis of size `depth` at `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx = ms.Tensor([0, 2], ms.int32)
        >>> print(ops.one_hot(idx, 3))
        [[1 0 0]
         [0 0 1]]
    """
    idx = _tensor_arg("OneHot", "indices", indices)
    depth = _int_arg("OneHot", "depth", depth)
    if idx.dtype not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For 'OneHot', 'indices' must be Int32 or Int64, but got {idx.dtype}.")
    if depth < 0:
        raise ShapeError(f"For 'OneHot', 'depth' must be non-negative, but got {depth}.")
    nd = idx.ndim + 1
    if not -nd <= axis < nd:
        raise ShapeError(f"For 'OneHot', the axis must be in [{-nd}, {nd}), but got {axis}.")
    axis %= nd
    on = on_value if isinstance(on_value, Tensor) else Tensor(on_value, _literal_dtype(on_value))
    off = off_value if isinstance(off_value, Tensor) else Tensor(off_value, on.dtype)
    shape = [1] * nd
    shape[axis] = depth
    positions = Tensor(_np.arange(depth, dtype=_np.int64).reshape(shape))
    hit = idx.astype(mstype.int64).expand_dims(axis) == positions
    return _C.where_(hit, on, off.astype(on.dtype))


def _literal_dtype(v):
    if isinstance(v, bool):
        return mstype.bool_
    return mstype.int64 if isinstance(v, (int, _np.integer)) else mstype.float32


def masked_fill(input_x, mask, value):
    """``ops.masked_fill``: ``value`` where ``mask`` (Bool, broadcast) holds, else ``input_x``; the
    result has ``input_x``'s dtype.

    Args:
        input_x (Tensor): The input tensor.
        mask (Tensor): A Bool tensor, broadcast with the input.
        value (Union[Tensor, number]): The value written where `mask` holds.

    Returns:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.masked_fill(x, x < 0, 0.0))
        [0.  0.  2.5]
    """
    x = _tensor_arg("MaskedFill", "input_x", input_x)
    mask = _t(mask)
    if mask.dtype != mstype.bool_:
        raise DTypeError(f"For 'MaskedFill', 'mask' must be Bool, but got {mask.dtype}.")
    if isinstance(value, Tensor):
        value = value.astype(x.dtype)
    elif not isinstance(value, (int, float, bool, _np.number)):
        raise DTypeError(f"For 'MaskedFill', 'value' must be a number or a Tensor, but got "
                         f"{type(value).__name__}.")
    else:
        value = Tensor(value, x.dtype)
    return _C.where_(mask, value, x)


def masked_select(input, mask):  # noqa: A002
    """``ops.masked_select``: the elements of ``input`` where ``mask`` (broadcast together) holds,
    as a 1-D tensor in row-major order.

    Args:
        input (Tensor): The input tensor.
        mask (Tensor): A Bool tensor, broadcast with the input.

    Returns:
        Tensor, 1-D: the selected elements in order.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.masked_select(x, x > 0))
        [2.5]
    """
    x = _tensor_arg("MaskedSelect", "input", input)
    mask = _t(mask)
    if mask.dtype != mstype.bool_:
        raise DTypeError(f"For 'MaskedSelect', 'mask' must be Bool, but got {mask.dtype}.")
    shape = _np.broadcast_shapes(tuple(x.shape), tuple(mask.shape))
    return x.broadcast_to(shape)[mask.broadcast_to(shape)]


def nonzero(input, as_tuple=False):  # noqa: A002
    """``ops.nonzero``: the Int64 coordinates of the nonzero elements, one row each (``[N, ndim]``),
    or with ``as_tuple`` one 1-D tensor per axis.

    Args:
        input (Tensor): The input tensor.
        as_tuple (bool, optional): Whether to return one 1-D tensor per axis. Default: ``False``.

    Returns:
        Tensor of Int64 of shape ``[N, input.ndim]`` (a tuple of 1-D tensors when `as_tuple` is
        True).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> print(ops.nonzero(x))
        [[0 0]
         [0 1]
         [1 0]
         [1 1]]
    """
    x = _tensor_arg("NonZero", "input", input)
    if x.ndim == 0:
        raise ShapeError("For 'NonZero', the input must have at least one dimension, but got a 0-D "
                         "tensor.")
    coords = _np.nonzero(x.asnumpy().reshape(x.shape))
    if as_tuple:
        return tuple(Tensor(c.astype(_np.int64)) for c in coords)
    return Tensor(_np.stack(coords, axis=-1).astype(_np.int64).reshape(-1, x.ndim))


_UNIQUE_DTYPES = (mstype.int8, mstype.int16, mstype.int32, mstype.int64, mstype.uint8, mstype.uint16,
                  mstype.float16, mstype.float32, mstype.float64)


def _unique_first(op, x):
    """``(first, inverse)`` for the flattened ``x``: the positions where each distinct value first
    appears, in order, and for each element the rank of its value among them (NaNs are all
    distinct, as MindSpore 2.10's CPU kernel keeps them). The dtypes MindSpore's Unique kernel
    rejects (Bool, UInt32, UInt64, BFloat16, Complex64) raise its TypeError."""
    if x.dtype not in _UNIQUE_DTYPES:
        raise DTypeError(f"For '{op}', the input must be a Tensor of Int8, Int16, Int32, Int64, UInt8, "
                         f"UInt16, Float16, Float32 or Float64, but got {x.dtype}.")
    flat = x.asnumpy().reshape(-1)
    kw = {"equal_nan": False} if flat.dtype.kind == "f" else {}
    _, first, inverse = _np.unique(flat, return_index=True, return_inverse=True, **kw)
    order = _np.argsort(first, kind="stable")          # distinct values by first appearance
    rank = _np.empty_like(order)
    rank[order] = _np.arange(order.size)
    return _np.sort(first), rank[inverse.reshape(-1)]


def unique(input):  # noqa: A002
    """``ops.unique``: ``(output, idx)``: the distinct elements of ``input`` (flattened) in the
    order they first appear, and for each element the position of its value in ``output`` (so
    ``output[idx]`` rebuilds ``input``), as MindSpore 2.10's CPU kernel: ``idx`` has ``input``'s
    shape and is Int64 for an Int64 input, Int32 otherwise; NaNs are all distinct.

    Args:
        input (Tensor): The input tensor, of Int8, Int16, Int32, Int64, UInt8, UInt16, Float16,
            Float32 or Float64.

    Returns:
        tuple(Tensor, Tensor), the distinct elements and, for each input element, the index of its
        value in them.

    Raises:
        TypeError: If `input` is not a Tensor or has another dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([3, 1, 3, 2], ms.int32)
        >>> print(ops.unique(x))
        (Tensor(shape=[3], dtype=Int32, value= [3, 1, 2]), Tensor(shape=[4], dtype=Int32, value= [0, 1, 0, 2]))
    """
    x = _tensor_arg("Unique", "input", input)
    first, rank = _unique_first("Unique", x)
    idx = _np.int64 if x.dtype == mstype.int64 else _np.int32
    out = x.reshape(-1)[Tensor(first.astype(_np.int64))]
    return out, Tensor(rank.astype(idx).reshape(x.shape))


def tile(input, dims):  # noqa: A002
    """``ops.tile``: ``input`` repeated ``dims[i]`` times along each axis (``dims`` longer than the
    rank adds leading axes).

    Args:
        input (Tensor): The input tensor.
        dims (tuple[int]): The number of repetitions along each axis.

    Returns:
        Tensor, `input` repeated along each axis.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.tile(x, (3, 2)))
        [[1. 2. 3. 1. 2. 3.]
         [4. 5. 6. 4. 5. 6.]
         [1. 2. 3. 1. 2. 3.]
         [4. 5. 6. 4. 5. 6.]
         [1. 2. 3. 1. 2. 3.]
         [4. 5. 6. 4. 5. 6.]]
    """
    x = _t(input)
    reps = tuple(_int_arg("Tile", "dims", r) for r in dims)
    if builtins.any(r < 0 for r in reps):
        raise ShapeError(f"For 'Tile', 'dims' must be non-negative, but got {reps}.")
    nd = builtins.max(len(reps), x.ndim)
    reps = (1,) * (nd - len(reps)) + reps
    shape = (1,) * (nd - x.ndim) + tuple(x.shape)
    # [a, b] -> [1, a, 1, b] broadcast to [ra, a, rb, b] -> [ra*a, rb*b]
    inter = [v for n in shape for v in (1, n)]
    big = [v for r, n in zip(reps, shape) for v in (r, n)]
    return x.reshape(inter).broadcast_to(tuple(big)).reshape([r * n for r, n in zip(reps, shape)])


def repeat_interleave(input, repeats, axis=None):  # noqa: A002
    """``ops.repeat_interleave``: each element (slice along ``axis``; the flattened input when
    ``axis`` is None) repeated ``repeats`` times (an int, or one count per element).

    Args:
        input (Tensor): The input tensor.
        repeats (Union[int, tuple[int], list[int], Tensor]): The number of repetitions of each
            element.
        axis (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor, with each element repeated.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([6, 5, 3], ms.int32)
        >>> y = ms.Tensor([3, 1, 2], ms.int32)
        >>> print(ops.repeat_interleave(x, y))
        [6 6 6 5 3 3]
    """
    x = _t(input)
    if axis is None:
        x, axis = x.reshape(-1), 0
    axis = _axis_arg("RepeatInterleave", "axis", axis, builtins.max(x.ndim, 1))
    if isinstance(repeats, Tensor):
        repeats = repeats.asnumpy().reshape(-1).tolist()
    if isinstance(repeats, (list, tuple)) and len(repeats) == 1:
        repeats = repeats[0]
    if isinstance(repeats, (int, _np.integer)) and not isinstance(repeats, bool):
        if repeats < 0:
            raise ShapeError(f"For 'RepeatInterleave', 'repeats' must be non-negative, got {repeats}.")
        shape = list(x.shape)
        y = x.expand_dims(axis + 1)
        big = shape[:axis + 1] + [int(repeats)] + shape[axis + 1:]
        return y.broadcast_to(tuple(big)).reshape(shape[:axis] + [shape[axis] * int(repeats)]
                                                  + shape[axis + 1:])
    if not isinstance(repeats, (list, tuple)) or not builtins.all(
            isinstance(r, (int, _np.integer)) and not isinstance(r, bool) for r in repeats):
        raise DTypeError(f"For 'RepeatInterleave', 'repeats' must be an int, a list of ints or an "
                         f"int Tensor, but got {repeats!r:.80}.")
    if builtins.any(not 0 <= r < 2**62 for r in repeats):
        raise ShapeError(f"For 'RepeatInterleave', each count in 'repeats' must be in [0, 2**62), "
                         f"but got {repeats!r:.80}.")
    counts = _np.asarray(repeats, dtype=_np.int64)
    if counts.ndim != 1 or counts.size != x.shape[axis] or (counts < 0).any():
        raise ShapeError(f"For 'RepeatInterleave', 'repeats' must be one non-negative count per "
                         f"element of axis {axis} (size {x.shape[axis]}), but got {repeats}.")
    index = Tensor(_np.repeat(_np.arange(counts.size), counts).astype(_np.int64))
    return x[(builtins.slice(None),) * axis + (index,)]


def repeat_elements(x, rep, axis=0):
    """``ops.repeat_elements``: each slice along ``axis`` repeated ``rep`` times.

    Args:
        x (Tensor): The input tensor.
        rep (int): The number of repetitions.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        Tensor, with the axis `axis` `rep` times longer.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.repeat_elements(x, 2, axis=1))
        [[1. 1. 2. 2. 3. 3.]
         [4. 4. 5. 5. 6. 6.]]
    """
    return repeat_interleave(x, _int_arg("RepeatElements", "rep", rep), axis)


def meshgrid(*inputs, indexing="xy"):
    """``ops.meshgrid``: coordinate grids from 1-D tensors (``indexing`` 'xy', the default, swaps
    the first two output axes as NumPy; 'ij' keeps the input order).

    Args:
        *inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.
        indexing (str, optional): ``'xy'`` (Cartesian) or ``'ij'`` (matrix) indexing. Default:
            ``'xy'``.

    Returns:
        tuple(Tensor), one grid per input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1, 2, 3], ms.int32)
        >>> y = ms.Tensor([4, 5], ms.int32)
        >>> xx, yy = ops.meshgrid(x, y)
        >>> print(xx)
        [[1 2 3]
         [1 2 3]]
        >>> print(yy)
        [[4 4 4]
         [5 5 5]]
    """
    if len(inputs) == 1 and isinstance(inputs[0], (list, tuple)):
        inputs = tuple(inputs[0])
    if indexing not in ("xy", "ij"):
        raise ShapeError(f"For 'Meshgrid', 'indexing' must be 'xy' or 'ij', but got {indexing!r}.")
    xs = [_tensor_arg("Meshgrid", "inputs", x) for x in inputs]
    for x in xs:
        if x.ndim != 1:
            raise ShapeError(f"For 'Meshgrid', each input must be 1-D, but got shape {list(x.shape)}.")
    return tuple(grids(xs, indexing, False))


def grids(xs, indexing, sparse):
    """The coordinate grids of the 1-D tensors ``xs`` (shared by ``mindspore.numpy.meshgrid``):
    each is reshaped to its own axis (the first two swapped for 'xy'), then broadcast to the full
    grid unless ``sparse``."""
    n = len(xs)
    sizes = [x.shape[0] for x in xs]
    swap = indexing == "xy" and n >= 2
    if swap:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    out = []
    for i, x in enumerate(xs):
        shape = [1] * n
        shape[1 - i if swap and i < 2 else i] = x.shape[0]
        g = x.reshape(shape)
        out.append(g if sparse else _C.broadcast_to(g, tuple(sizes)))
    return out


def unsqueeze(input, dim):  # noqa: A002
    """``ops.unsqueeze``: a new axis of size 1 at ``dim``.

    Args:
        input (Tensor): The input tensor.
        dim (int, optional): The axis.

    Returns:
        Tensor, with a new axis of size 1 at `dim`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.unsqueeze(x, 1))
        [[[1. 2. 3.]]
        <BLANKLINE>
         [[4. 5. 6.]]]
    """
    return _t(input).expand_dims(_int_arg("ExpandDims", "dim", dim))


def narrow(input, axis, start, length):  # noqa: A002
    """``ops.narrow``: ``length`` elements from ``start`` along ``axis``.

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis.
        start (int): The first index along `axis`.
        length (int): The number of elements.

    Returns:
        Tensor, the `length` elements from `start` along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.narrow(x, 1, 1, 2))
        [[2. 3.]
         [5. 6.]]
    """
    x = _t(input)
    axis = _int_arg("Narrow", "axis", axis)
    start, length = _int_arg("Narrow", "start", start), _int_arg("Narrow", "length", length)
    n = x.shape[axis]
    if not (0 <= start <= n and 0 <= length <= n - start):
        raise ShapeError(f"For 'Narrow', start {start} and length {length} must lie within axis "
                         f"{axis} of size {n}.")
    return x[(builtins.slice(None),) * (axis % x.ndim) + (builtins.slice(start, start + length),)]


def select(condition, input, other):  # noqa: A002 - MindSpore 2.10's names
    """``ops.select``: ``input`` where ``condition`` holds, else ``other``.

    Args:
        condition (Tensor): A Bool tensor.
        input (Union[Tensor, number]): Taken where `condition` holds.
        other (Union[Tensor, number]): Taken elsewhere.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> cond = ms.Tensor([True, False, True])
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 5.0, 6.0], ms.float32)
        >>> print(ops.select(cond, x, y))
        [1. 5. 3.]
        >>> print(ops.select(cond, input=1, other=2))
        [1 2 1]
    """
    return _C.where_(bool_condition(condition), input, other)


def bool_condition(cond):
    """``cond`` when it is a Bool Tensor; otherwise MindSpore's TypeError of its ``Select``
    kernel (behind ``ops.select``, ``ops.where`` and ``Tensor.where``), which takes no other
    condition: not an Int32 or Float32 Tensor, not a Python bool or list."""
    if not isinstance(cond, Tensor) or cond.dtype != mstype.bool_:
        got = f"a Tensor of {cond.dtype}" if isinstance(cond, Tensor) else type(cond).__name__
        raise DTypeError(f"For 'Select', the condition must be a Bool Tensor, but got {got}.")
    return cond


def fill(type, shape, value):  # noqa: A002
    """``ops.fill``: a tensor of ``shape`` and dtype ``type`` filled with ``value``.

    Args:
        type (mindspore.dtype): The dtype.
        shape (tuple[int]): The shape.
        value (number): The value.

    Returns:
        Tensor of shape `shape` and dtype `type`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.fill(ms.float32, (2, 2), 1.5))
        [[1.5 1.5]
         [1.5 1.5]]
    """
    return _C.full(tuple(shape), value, type)


def fills(x, value):
    """``ops.fills``: a tensor of ``x``'s shape and dtype filled with ``value``.

    Args:
        x (Tensor): The input tensor.
        value (Union[Tensor, number]): The value every element takes.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.fills(x, 0.5))
        [[0.5 0.5 0.5]
         [0.5 0.5 0.5]]
    """
    _tensor_arg("fills", "x", x)
    return _C.full(tuple(x.shape), value, x.dtype)


def pad(input_x, padding, mode="constant", value=None):
    """``ops.pad``: ``padding = (left, right, top, bottom, ...)`` pairs from the last axis
    backward; negative amounts crop. ``mode`` is 'constant' (``value``, default 0), 'reflect'
    (mirror without the edge), 'replicate' (repeat the edge) or 'circular' (wrap around: the
    left padding comes from the right end). Differentiable.

    Args:
        input_x (Tensor): The input tensor.
        padding (tuple[int]): ``(left, right, top, bottom, ...)`` pairs, from the last axis.
        mode (str, optional): ``'constant'``, ``'reflect'``, ``'replicate'`` or ``'circular'``.
            Default: ``'constant'``.
        value (number, optional): The fill value of ``'constant'`` (0 when None). Default: ``None``.

    Returns:
        Tensor, padded.

    Raises:
        ValueError: If `padding` is not pairs for at most every axis, `mode` is unknown, `value` is
            given for a mode other than ``'constant'``, or an amount does not fit its axis.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.pad(x, (3, 2)))
        [[0. 0. 0. 1. 2. 3. 0. 0.]
         [0. 0. 0. 4. 5. 6. 0. 0.]]
        >>> print(ops.pad(x, (1, 2), mode='circular'))
        [[3. 1. 2. 3. 1. 2.]
         [6. 4. 5. 6. 4. 5.]]
    """
    x = _tensor_arg("Pad", "input_x", input_x)
    pads = [_int_arg("Pad", "padding", p) for p in padding]
    if len(pads) % 2 or len(pads) // 2 > x.ndim:
        raise ShapeError(f"For 'Pad', 'padding' must hold two amounts per padded axis (at most "
                         f"{x.ndim} axes), but got {tuple(pads)}.")
    if mode not in ("constant", "reflect", "replicate", "circular"):
        raise ShapeError(f"For 'Pad', 'mode' must be 'constant', 'reflect', 'replicate' or 'circular', "
                         f"but got {mode!r}.")
    if mode != "constant" and value is not None:
        raise ShapeError(f"For 'Pad', the padding mode {mode!r} can not set value, but got value {value}.")
    for i in builtins.range(len(pads) // 2):
        axis = x.ndim - 1 - i
        x = _pad_axis(x, axis, pads[2 * i], pads[2 * i + 1], mode, value)
    return x


def _pad_axis(x, axis, lo, hi, mode, value):
    n = x.shape[axis]
    if n + lo + hi < 0:
        raise ShapeError(f"For 'Pad', padding ({lo}, {hi}) leaves a negative size on axis {axis} "
                         f"of size {n}.")
    pre = (builtins.slice(None),) * axis
    # Crops first (negative amounts), then the padding proper.
    x = x[pre + (builtins.slice(builtins.max(-lo, 0), n - builtins.max(-hi, 0)),)]
    lo, hi, n = builtins.max(lo, 0), builtins.max(hi, 0), x.shape[axis]
    if lo == 0 and hi == 0:
        return x
    if mode == "constant":
        fill_value = 0 if value is None else value
        shape = list(x.shape)
        parts = []
        if lo:
            shape[axis] = lo
            parts.append(_C.full(tuple(shape), fill_value, x.dtype))
        parts.append(x)
        if hi:
            shape[axis] = hi
            parts.append(_C.full(tuple(shape), fill_value, x.dtype))
        return _C.concat(parts, axis)
    if mode == "reflect" and (lo >= n or hi >= n):
        raise ShapeError(f"For 'Pad', reflect padding ({lo}, {hi}) must be less than the size "
                         f"{n} of axis {axis}.")
    if n == 0:
        raise ShapeError(f"For 'Pad', cannot {mode}-pad the empty axis {axis}.")
    pos = _np.arange(-lo, n + hi)
    if mode == "reflect":
        period = 2 * (n - 1) if n > 1 else 1
        pos = _np.abs(pos) % period
        pos = _np.where(pos >= n, period - pos, pos)
    elif mode == "circular":
        pos = pos % n  # amounts above n wrap around again (MindSpore 2.10 reads past the axis there)
    else:
        pos = _np.clip(pos, 0, n - 1)
    return x[pre + (Tensor(pos.astype(_np.int64)),)]


# Part two lives in ``_array_more`` (kept apart for size); its functions are this module's too.
from . import _array_more as _more  # noqa: E402

globals().update({_name: getattr(_more, _name) for _name in _more.__all__})
__all__ += _more.__all__

# The in-place scatters (``scatter_add``, ``scatter_update``, ``scatter_nd_*``) live in
# ``_scatter_func``; its functions are this module's too.
from . import _scatter_func as _scatter  # noqa: E402

globals().update({_name: getattr(_scatter, _name) for _name in _scatter.__all__})
__all__ += _scatter.__all__

# The everyday spellings live in ``_basic_func``; its functions are this module's too.
from . import _basic_func as _basic  # noqa: E402

globals().update({_name: getattr(_basic, _name) for _name in _basic.__all__})
__all__ += _basic.__all__


# MindSpore 2.10 names of this module defined elsewhere in the package (see ``_module_names``).
from ._module_names import forwarder as _forwarder  # noqa: E402

__getattr__ = _forwarder("array_func")

"""``mindspore.ops`` functions that move elements between layouts, each a gather with an index map
computed here from the shapes (so each is differentiable, and its gradient a scatter-add):
``matrix_diag``, ``matrix_diag_part``, ``matrix_set_diag`` (MindSpore's ``MatrixDiagV3`` family:
a band of diagonals ``k``, ``align`` saying how a short diagonal sits in its row), ``mirror_pad``;
and two reshapes and transposes, ``space_to_batch_nd`` and ``batch_to_space_nd``."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import tensor_arg

__all__ = ["matrix_diag", "matrix_diag_part", "matrix_set_diag", "mirror_pad",
           "space_to_batch_nd", "batch_to_space_nd"]

_ALIGNS = ("RIGHT_LEFT", "LEFT_RIGHT", "LEFT_LEFT", "RIGHT_RIGHT")


def _ints(op, name, v):
    """``v`` (an int, a sequence of ints or an integer Tensor) as a list of ints."""
    if isinstance(v, Tensor):
        if v.dtype not in mstype.int_type + mstype.uint_type:
            raise DTypeError(f"For '{op}', '{name}' must be an integer Tensor, but got {v.dtype}.")
        v = v.asnumpy().reshape(-1).tolist()
    elif isinstance(v, (int, _np.integer)) and not isinstance(v, bool):
        v = [int(v)]
    elif isinstance(v, (tuple, list)):
        v = [e for item in v for e in (item if isinstance(item, (tuple, list)) else (item,))]
    else:
        raise DTypeError(f"For '{op}', '{name}' must be an int, a tuple of ints or a Tensor, "
                         f"but got {type(v).__name__}.")
    for e in v:
        if isinstance(e, bool) or not isinstance(e, (int, _np.integer)):
            raise DTypeError(f"For '{op}', '{name}' must hold ints, but got {type(e).__name__}.")
    return [int(e) for e in v]


def _band(op, k):
    """``(k_lower, k_upper)`` from ``k`` (one diagonal or a range of two)."""
    ks = _ints(op, "k", k)
    if len(ks) not in (1, 2):
        raise ShapeError(f"For '{op}', 'k' must hold one or two diagonals, but got {len(ks)}.")
    lo, hi = ks[0], ks[-1]
    if lo > hi:
        raise ShapeError(f"For '{op}', k[0] must not be greater than k[1], but got {lo} > {hi}.")
    return lo, hi, len(ks) == 2


def _align(op, align):
    if align not in _ALIGNS:
        raise ShapeError(f"For '{op}', 'align' must be one of {', '.join(_ALIGNS)}, but got "
                         f"{align!r}.")
    return align.split("_")


def _diagonals(rows, cols, lo, hi, max_len, align):
    """For each diagonal ``d`` from ``hi`` down to ``lo`` (the rows of the packed form), the
    matrix positions ``(i, j)`` of its elements and their slots in the packed row (shifted right
    by ``max_len - len`` when that side is aligned right: superdiagonals and the main one by the
    first word of `align`, subdiagonals by the second)."""
    sup, sub = align
    for row, d in enumerate(range(hi, lo - 1, -1)):
        length = max(0, min(rows + min(0, d), cols - max(0, d)))
        right = (sup if d >= 0 else sub) == "RIGHT"
        offset = max_len - length if right else 0
        for n in range(length):
            yield row, offset + n, n - min(d, 0), n + max(d, 0)


def _gathered(op, source, index, out_shape, pad):
    """The last axis of ``source`` (with one slot for ``pad`` after it) read at ``index``."""
    from . import array_func
    batch = tuple(source.shape[:-1])
    pad = pad if isinstance(pad, Tensor) else Tensor(pad, source.dtype)
    pad = pad.astype(source.dtype).reshape(-1)
    if pad.shape[0] != 1:
        raise ShapeError(f"For '{op}', 'padding_value' must hold one value, but got {pad.shape[0]}.")
    slot = pad.reshape((1,) * len(batch) + (1,)).broadcast_to(batch + (1,))
    flat = _C.concat([source, slot], -1)
    idx = Tensor(index.reshape(-1).astype(_np.int64))
    return array_func.gather(flat, idx, len(batch)).reshape(batch + tuple(out_shape))


def matrix_diag(x, k=0, num_rows=-1, num_cols=-1, padding_value=0, align="RIGHT_LEFT"):
    """``ops.matrix_diag``: batched matrices with the given diagonals. `x`'s last axis is a
    diagonal (for one `k`), or its last two axes a band of diagonals ``k[1]`` down to ``k[0]``;
    the other elements are `padding_value`.

    Args:
        x (Tensor): The diagonals, ``(..., max_diag_len)`` or ``(..., num_diags, max_diag_len)``.
        k (Union[int, Tensor]): The diagonal (0 the main one, positive above it) or the range
            ``[k[0], k[1]]``. Default: ``0``.
        num_rows (Union[int, Tensor]): The rows; -1 for the fewest that hold the diagonals.
            Default: ``-1``.
        num_cols (Union[int, Tensor]): The columns; -1 likewise. Default: ``-1``.
        padding_value (Union[Number, Tensor]): The other elements. Default: ``0``.
        align (str): How a diagonal shorter than ``max_diag_len`` sits in its row: superdiagonals
            by the first word, subdiagonals by the second (``"RIGHT_LEFT"``, ``"LEFT_RIGHT"``,
            ``"LEFT_LEFT"``, ``"RIGHT_RIGHT"``). Default: ``"RIGHT_LEFT"``.

    Returns:
        Tensor, ``(..., num_rows, num_cols)``, of `x`'s dtype.

    Raises:
        TypeError: If `x` is not a Tensor, or `k`, `num_rows` or `num_cols` are not integers.
        ValueError: If the sizes do not fit the diagonals, or `align` is not one of the four.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.matrix_diag(ms.Tensor([1., 2., 3.]), k=1))
        [[0. 1. 0. 0.]
         [0. 0. 2. 0.]
         [0. 0. 0. 3.]
         [0. 0. 0. 0.]]
    """
    op = "MatrixDiagV3"
    x = tensor_arg(op, "x", x)
    lo, hi, band = _band(op, k)
    al = _align(op, align)
    if x.ndim < (2 if band else 1):
        raise ShapeError(f"For '{op}', 'x' must have at least {2 if band else 1} dimensions for "
                         f"k = {(lo, hi) if band else lo}, but got {x.ndim}.")
    if band and x.shape[-2] != hi - lo + 1:
        raise ShapeError(f"For '{op}', 'x' must hold {hi - lo + 1} diagonals along its "
                         f"second-to-last axis, but got {x.shape[-2]}.")
    max_len = x.shape[-1]
    rows, cols = _ints(op, "num_rows", num_rows)[0], _ints(op, "num_cols", num_cols)[0]
    min_rows, min_cols = max_len - min(hi, 0), max_len + max(lo, 0)
    if rows == -1 and cols == -1:
        rows = cols = max(min_rows, min_cols)
    elif rows == -1:
        rows = min_rows
    elif cols == -1:
        cols = min_cols
    if rows < min_rows or cols < min_cols or (rows != min_rows and cols != min_cols):
        raise ShapeError(f"For '{op}', the number of rows or columns is not consistent with the "
                         f"specified k and x: {rows} x {cols} for k = {(lo, hi)} and diagonals "
                         f"of length {max_len}.")
    n_diags = hi - lo + 1
    index = _np.full((rows, cols), n_diags * max_len)
    for r, s, i, j in _diagonals(rows, cols, lo, hi, max_len, al):
        index[i, j] = r * max_len + s
    source = x.reshape(tuple(x.shape[:x.ndim - (2 if band else 1)]) + (n_diags * max_len,))
    return _gathered(op, source, index, (rows, cols), padding_value)


def _band_of(op, x, k, align):
    x = tensor_arg(op, "x", x)
    if x.ndim < 2:
        raise ShapeError(f"For '{op}', 'x' must have at least 2 dimensions, but got {x.ndim}.")
    lo, hi, band = _band(op, k)
    rows, cols = x.shape[-2], x.shape[-1]
    if not (-rows < lo <= hi < cols) and not (rows == 0 or cols == 0):
        raise ShapeError(f"For '{op}', k must be in ({-rows}, {cols}) for matrices of "
                         f"{rows} x {cols}, but got {(lo, hi) if band else lo}.")
    max_len = max(0, min(rows + min(hi, 0), cols - max(lo, 0)))
    return x, lo, hi, band, rows, cols, max_len, _align(op, align)


def matrix_diag_part(x, k, padding_value, align="RIGHT_LEFT"):
    """``ops.matrix_diag_part``: the diagonals ``k`` (one, or the range ``[k[0], k[1]]``) of
    batched matrices, each padded with `padding_value` to the longest one's length.

    Args:
        x (Tensor): The matrices, ``(..., M, N)``.
        k (Union[int, Tensor]): The diagonal or the range of them.
        padding_value (Union[Number, Tensor]): The value of the padding.
        align (str): How a short diagonal sits in its row (see :func:`matrix_diag`). Default:
            ``"RIGHT_LEFT"``.

    Returns:
        Tensor, ``(..., max_diag_len)`` for one diagonal, ``(..., num_diags, max_diag_len)`` for a
        range (the highest diagonal first).

    Raises:
        TypeError: If `x` is not a Tensor or `k` is not an integer.
        ValueError: If `k` is out of the matrices' range, or `align` is not one of the four.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1., 2., 3., 4.], [5., 6., 7., 8.], [9., 10., 11., 12.]])
        >>> print(ops.matrix_diag_part(x, ms.Tensor([-1, 1], ms.int32), ms.Tensor(0.)))
        [[ 2.  7. 12.]
         [ 1.  6. 11.]
         [ 5. 10.  0.]]
    """
    op = "MatrixDiagPartV3"
    x, lo, hi, band, rows, cols, max_len, al = _band_of(op, x, k, align)
    n_diags = hi - lo + 1
    index = _np.full((n_diags, max_len), rows * cols)
    for r, s, i, j in _diagonals(rows, cols, lo, hi, max_len, al):
        index[r, s] = i * cols + j
    source = x.reshape(tuple(x.shape[:-2]) + (rows * cols,))
    shape = (n_diags, max_len) if band else (max_len,)
    return _gathered(op, source, index, shape, padding_value)


def matrix_set_diag(x, diagonal, k=0, align="RIGHT_LEFT"):
    """``ops.matrix_set_diag``: batched matrices with their diagonals ``k`` replaced by
    `diagonal` (the packed form :func:`matrix_diag_part` gives).

    Args:
        x (Tensor): The matrices, ``(..., M, N)``.
        diagonal (Tensor): The new diagonals, ``(..., max_diag_len)`` or
            ``(..., num_diags, max_diag_len)``.
        k (Union[int, Tensor]): The diagonal or the range of them. Default: ``0``.
        align (str): How a short diagonal sits in its row (see :func:`matrix_diag`). Default:
            ``"RIGHT_LEFT"``.

    Returns:
        Tensor, of `x`'s shape and dtype.

    Raises:
        TypeError: If `x` or `diagonal` is not a Tensor, or `k` is not an integer.
        ValueError: If `diagonal`'s shape is not the band's, or `k` is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1., 2., 3., 4.], [5., 6., 7., 8.], [9., 10., 11., 12.]])
        >>> print(ops.matrix_set_diag(x, ms.Tensor([7., 8.]), k=-1))
        [[ 1.  2.  3.  4.]
         [ 7.  6.  7.  8.]
         [ 9.  8. 11. 12.]]
    """
    from . import array_func
    op = "MatrixSetDiagV3"
    x, lo, hi, band, rows, cols, max_len, al = _band_of(op, x, k, align)
    diagonal = tensor_arg(op, "diagonal", diagonal)
    n_diags = hi - lo + 1
    want = tuple(x.shape[:-2]) + ((n_diags, max_len) if band else (max_len,))
    if tuple(diagonal.shape) != want:
        raise ShapeError(f"For '{op}', 'diagonal' must have shape {want}, but got "
                         f"{tuple(diagonal.shape)}.")
    index = _np.full((rows, cols), n_diags * max_len)
    for r, s, i, j in _diagonals(rows, cols, lo, hi, max_len, al):
        index[i, j] = r * max_len + s
    source = diagonal.astype(x.dtype).reshape(tuple(x.shape[:-2]) + (n_diags * max_len,))
    placed = _gathered(op, source, index, (rows, cols), Tensor(0, x.dtype))
    mask = Tensor(index < n_diags * max_len)
    return array_func.select(mask.broadcast_to(tuple(x.shape)), placed, x)


def mirror_pad(input_x, paddings, mode):
    """``ops.mirror_pad``: `input_x` padded by reflection: ``"REFLECT"`` mirrors about the edge
    element (``[1, 2, 3]`` padded by 2 before is ``[3, 2, 1, 2, 3]``), ``"SYMMETRIC"`` repeats
    it (``[2, 1, 1, 2, 3]``).

    Args:
        input_x (Tensor): The input tensor.
        paddings (Union[Tensor, tuple]): ``(before, after)`` for every axis, ``(rank, 2)``.
        mode (str): ``"REFLECT"`` or ``"SYMMETRIC"``.

    Returns:
        Tensor, each axis longer by its two paddings.

    Raises:
        TypeError: If `input_x` is not a Tensor or `paddings` not integers.
        ValueError: If `paddings` is not ``(rank, 2)``, a padding is negative or too large for
            its axis (at most its length minus 1 for REFLECT, its length for SYMMETRIC), or
            `mode` is neither.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.mirror_pad(ms.Tensor([[1., 2., 3.]]), ms.Tensor([[0, 0], [2, 1]]), "REFLECT"))
        [[3. 2. 1. 2. 3. 2.]]
    """
    from . import array_func
    op = "MirrorPad"
    x = tensor_arg(op, "input_x", input_x)
    if mode not in ("REFLECT", "SYMMETRIC"):
        raise ShapeError(f"For '{op}', 'mode' must be 'REFLECT' or 'SYMMETRIC', but got {mode!r}.")
    pads = _ints(op, "paddings", paddings)
    if len(pads) != 2 * x.ndim:
        raise ShapeError(f"For '{op}', 'paddings' must have shape ({x.ndim}, 2), but got "
                         f"{len(pads)} values.")
    out = x
    for axis in range(x.ndim):
        before, after = pads[2 * axis], pads[2 * axis + 1]
        n = x.shape[axis]
        limit = n - 1 if mode == "REFLECT" else n
        if min(before, after) < 0 or max(before, after) > limit:
            raise ShapeError(f"For '{op}', the paddings of axis {axis} must be in [0, {limit}] "
                             f"for {mode} and length {n}, but got ({before}, {after}).")
        if before == after == 0:
            continue
        pos = _np.arange(-before, n + after)
        shift = 0 if mode == "REFLECT" else 1
        pos = _np.where(pos < 0, -pos - shift, pos)
        pos = _np.where(pos >= n, 2 * n - 2 + shift - pos, pos)
        out = array_func.gather(out, Tensor(pos.astype(_np.int64)), axis)
    return out


def _blocks(op, name, v, spatial):
    b = _ints(op, name, v)
    if len(b) == 1:
        b = b * spatial
    if len(b) != spatial or min(b) < 1:
        raise ShapeError(f"For '{op}', '{name}' must hold {spatial} positive sizes, but got {b}.")
    return b


def _pairs(op, name, v, spatial):
    p = _ints(op, name, v)
    if len(p) != 2 * spatial or min(p) < 0:
        raise ShapeError(f"For '{op}', '{name}' must be {spatial} pairs of non-negative ints, "
                         f"but got {p}.")
    return [(p[2 * i], p[2 * i + 1]) for i in range(spatial)]


def space_to_batch_nd(input_x, block_size, paddings):
    """``ops.space_to_batch_nd``: the spatial axes of an ``(N, C, *spatial)`` tensor padded with
    zeros, cut into blocks, and each position within a block moved to the batch axis (the
    output's batch index is ``block_position · N + n``).

    Args:
        input_x (Tensor): The input, ``(N, C, S1, ..., Sm)``.
        block_size (Union[int, tuple[int]]): The block along each spatial axis (one int for all).
        paddings (Union[tuple, list]): ``(before, after)`` zeros for each spatial axis; each padded
            length must divide by its block.

    Returns:
        Tensor, ``(N·∏block, C, (S1 + pads) / b1, ...)``.

    Raises:
        TypeError: If `input_x` is not a Tensor, or the sizes are not ints.
        ValueError: If the sizes do not fit the spatial axes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[[[1., 2.], [3., 4.]]]])
        >>> print(ops.space_to_batch_nd(x, (2, 2), ((0, 0), (0, 0))).reshape(4))
        [1. 2. 3. 4.]
    """
    from . import array_func
    op = "SpaceToBatchND"
    x = tensor_arg(op, "input_x", input_x)
    if x.ndim < 3:
        raise ShapeError(f"For '{op}', 'input_x' must be (N, C, *spatial), but got {x.ndim}-D.")
    m = len(_ints(op, "block_size", block_size)) if not isinstance(block_size, int) else x.ndim - 2
    blocks = _blocks(op, "block_size", block_size, m)
    pads = _pairs(op, "paddings", paddings, m)
    if m != x.ndim - 2:
        raise ShapeError(f"For '{op}', {m} blocks for {x.ndim - 2} spatial axes.")
    if any(p != (0, 0) for p in pads):
        x = array_func.pad(x, tuple(v for p in reversed(pads) for v in p))
    n, c, spatial = x.shape[0], x.shape[1], x.shape[2:]
    for s, b, axis in zip(spatial, blocks, range(m)):
        if s % b:
            raise ShapeError(f"For '{op}', padded spatial axis {axis} of length {s} must divide "
                             f"by its block {b}.")
    split = (n, c) + tuple(v for s, b in zip(spatial, blocks) for v in (s // b, b))
    y = x.reshape(split)
    perm = tuple(3 + 2 * i for i in range(m)) + (0, 1) + tuple(2 + 2 * i for i in range(m))
    y = y.transpose(perm)
    return y.reshape((n * int(_np.prod(blocks)), c) + tuple(s // b for s, b in zip(spatial, blocks)))


def batch_to_space_nd(input_x, block_shape, crops):
    """``ops.batch_to_space_nd``: the inverse of :func:`space_to_batch_nd`: blocks of the batch
    axis interleaved back into the spatial axes, then cropped.

    Args:
        input_x (Tensor): The input, ``(N·∏block, C, S1, ..., Sm)``.
        block_shape (Union[int, tuple[int]]): The block along each spatial axis.
        crops (Union[tuple, list]): ``(before, after)`` elements to drop from each spatial axis.

    Returns:
        Tensor, ``(N, C, S1·b1 - crops, ...)``.

    Raises:
        TypeError: If `input_x` is not a Tensor, or the sizes are not ints.
        ValueError: If the batch does not divide by the blocks or a crop is too large.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[[[1.]]], [[[2.]]], [[[3.]]], [[[4.]]]])
        >>> print(ops.batch_to_space_nd(x, (2, 2), ((0, 0), (0, 0))))
        [[[[1. 2.]
           [3. 4.]]]]
    """
    op = "BatchToSpaceND"
    x = tensor_arg(op, "input_x", input_x)
    if x.ndim < 3:
        raise ShapeError(f"For '{op}', 'input_x' must be (N, C, *spatial), but got {x.ndim}-D.")
    m = x.ndim - 2
    blocks = _blocks(op, "block_shape", block_shape, m)
    crop = _pairs(op, "crops", crops, m)
    total = int(_np.prod(blocks))
    if x.shape[0] % total:
        raise ShapeError(f"For '{op}', the batch {x.shape[0]} must divide by the block count "
                         f"{total}.")
    n, c, spatial = x.shape[0] // total, x.shape[1], x.shape[2:]
    y = x.reshape(tuple(blocks) + (n, c) + tuple(spatial))
    perm = (m, m + 1) + tuple(v for i in range(m) for v in (m + 2 + i, i))
    y = y.transpose(perm).reshape((n, c) + tuple(s * b for s, b in zip(spatial, blocks)))
    index = []
    for (lo, hi), s, b in zip(crop, spatial, blocks):
        if lo + hi > s * b:
            raise ShapeError(f"For '{op}', crops {(lo, hi)} exceed the length {s * b}.")
        index.append(slice(lo, s * b - hi))
    return y[(slice(None), slice(None)) + tuple(index)]

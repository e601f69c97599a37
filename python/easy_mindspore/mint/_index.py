"""``mindspore.mint`` indexing, sorting and counting: PyTorch-style ``gather`` (along a dim, as
``ops.gather_elements``), ``index_select``, ``scatter``/``scatter_add``/``index_add``, ``take``,
``masked_select``, ``nonzero``, ``sort``/``argsort``/``topk``/``kthvalue`` (Int64 indices),
``unique`` (sorted by default), ``searchsorted``, ``bincount`` and ``histc``.

Measured on MindSpore 2.10 (CPU): ``gather`` with a dim out of range is a ValueError and a float
index a TypeError; ``index_select`` with a 2-D index is a ValueError; ``scatter`` takes a Tensor
or a number as ``src``; ``nonzero`` gives Int64 (N, ndim); ``unique_consecutive`` gives Int64
inverse and counts. ``sort``, ``argsort``, ``topk``, ``unique``, ``take``, ``scatter_add``,
``bincount``, ``histc`` have no CPU kernel there and follow the documentation."""
import builtins as _builtins

import numpy as _np

from .. import ops
from .._errors import ShapeError, TensorIndexError
from ..common import dtype as mstype
from ..tensor import Tensor
from ._wrap import FLOAT_TYPES, check_dim, check_index, check_int, check_tensor, name_errors


def gather(input, dim, index):  # noqa: A002
    """``out[i][j] = input[i][index[i][j]]`` along `dim` (PyTorch's gather): `index` has the rank
    of `input` and its shape is the result's.

    Args:
        input (Tensor): The input.
        dim (int): The dim gathered along.
        index (Tensor): Int32 or Int64 indices.

    Returns:
        Tensor of `index`'s shape.

    Raises:
        ValueError: `dim` is out of range.
        TypeError: `index` is not an integer tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
        >>> print(mint.gather(x, 1, ms.Tensor([[0, 0], [1, 2]])))
        [[1. 1.]
         [2. 6.]]
    """
    check_tensor("gather", "input", input)
    check_index("gather", "index", index)
    return ops.gather_elements(input, dim, index)


def index_select(input, dim, index):  # noqa: A002
    """The slices of `input` at the 1-D `index` along `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The dim.
        index (Tensor): 1-D Int32 or Int64 indices.

    Returns:
        Tensor.

    Raises:
        ValueError: `index` has more than one dim.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.index_select(ms.Tensor([[1, 5, 3], [4, 2, 6]]), 1, ms.Tensor([2, 0])))
        [[3 1]
         [6 4]]
    """
    check_tensor("index_select", "input", input)
    check_index("index_select", "index", index)
    if index.ndim > 1:
        raise ShapeError(f"For 'IndexSelect', the rank of 'index' must not be greater than 1, but got "
                         f"{index.ndim}.")
    return ops.index_select(input, dim, index.reshape(-1))


def index_add(input, dim, index, source, *, alpha=1):  # noqa: A002
    """`input` with ``alpha * source`` added at the 1-D `index` along `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The dim.
        index (Tensor): 1-D Int32 or Int64 indices, one per slice of `source` along `dim`.
        source (Tensor): The values to add.
        alpha (number): Their scale. Default: ``1``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
        >>> print(mint.index_add(x, 1, ms.Tensor([0, 0]), ms.Tensor([[1.0, 1.0], [2.0, 2.0]]), alpha=2))
        [[ 5.  5.  3.]
         [12.  2.  6.]]
    """
    check_tensor("index_add", "input", input)
    check_index("index_add", "index", index)
    d = check_dim("index_add", dim, input.ndim)
    return ops.index_add(input, index.astype(mstype.int32), source * alpha if alpha != 1 else source, d)


def scatter(input, dim, index, src):  # noqa: A002
    """`input` with `src` (a Tensor, or a number) written at `index` along `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The dim.
        index (Tensor): Int32 or Int64 indices of the rank of `input`.
        src (Union[Tensor, number]): The values.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
        >>> print(mint.scatter(x, 1, ms.Tensor([[0], [1]]), 7.0))
        [[7. 5. 3.]
         [4. 7. 6.]]
    """
    check_tensor("scatter", "input", input)
    check_index("scatter", "index", index)
    if not isinstance(src, Tensor):
        src = ops.full(tuple(index.shape), src, input.dtype)
    return ops.scatter(input, dim, index, src)


def scatter_add(input, dim, index, src):  # noqa: A002
    """`input` with `src` added at `index` along `dim` (repeated indices add up).

    Args:
        input (Tensor): The input.
        dim (int): The dim.
        index (Tensor): Int32 or Int64 indices of the rank of `input`.
        src (Tensor): The values, at least `index`'s shape.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
        >>> print(mint.scatter_add(x, 1, ms.Tensor([[0, 0], [1, 1]]), ms.Tensor([[9.0, 1.0], [8.0, 1.0]])))
        [[11.  5.  3.]
         [ 4. 11.  6.]]
    """
    check_tensor("scatter_add", "input", input)
    check_index("scatter_add", "index", index)
    check_tensor("scatter_add", "src", src)
    d = check_dim("scatter_add", dim, input.ndim)
    if src.shape != index.shape:
        src = src[tuple(slice(0, n) for n in index.shape)]
    # Full coordinates of every index entry: the entry's own position, `index` along `dim`.
    grids = ops.meshgrid(*[ops.arange(n) for n in index.shape], indexing="ij") if index.ndim else []
    coords = [g.reshape(-1) for g in grids]
    coords[d] = index.reshape(-1).astype(mstype.int64)
    flat = ops.stack(coords, 1) if coords else None
    return ops.tensor_scatter_add(input, flat, src.reshape(-1).astype(input.dtype))


def take(input, index):  # noqa: A002
    """The elements of the flattened `input` at `index`.

    Args:
        input (Tensor): The input.
        index (Tensor): Int32 or Int64 indices (negative count from the end).

    Returns:
        Tensor of `index`'s shape.

    Raises:
        IndexError: An index is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.take(ms.Tensor([[1, 5, 3], [4, 2, 6]]), ms.Tensor([0, 5, -1])))
        [1 6 6]
    """
    check_tensor("take", "input", input)
    check_index("take", "index", index)
    n = input.size
    if index.size and (int(index.max()) >= n or int(index.min()) < -n):
        raise TensorIndexError(f"For 'take', an index is out of range for {n} elements.")
    idx = ops.where(index < 0, index + n, index)
    return ops.gather(input.reshape(-1), idx.reshape(-1), 0).reshape(index.shape)


def masked_select(input, mask):  # noqa: A002
    """The elements of `input` where the Bool `mask` (broadcast) is True, as a 1-D tensor.

    Args:
        input (Tensor): The input.
        mask (Tensor): A Bool tensor.

    Returns:
        1-D Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
        >>> print(mint.masked_select(x, x > 2))
        [5. 3. 4. 6.]
    """
    check_tensor("masked_select", "input", input)
    check_tensor("masked_select", "mask", mask)
    return ops.masked_select(input, mask)


def nonzero(input, *, as_tuple=False):  # noqa: A002
    """The Int64 indices of the nonzero elements: an (N, ndim) tensor, or one tensor per dim.

    Args:
        input (Tensor): The input.
        as_tuple (bool): Whether to give one 1-D tensor per dim. Default: ``False``.

    Returns:
        Tensor, or tuple[Tensor].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.nonzero(ms.Tensor([[0, 1], [2, 0]])))
        [[0 1]
         [1 0]]
    """
    check_tensor("nonzero", "input", input)
    out = ops.nonzero(input, as_tuple=as_tuple)
    return tuple(out) if as_tuple else out


def sort(input, *, dim=-1, descending=False, stable=False):  # noqa: A002
    """(sorted values, Int64 indices) along `dim`; the sort is stable, NaN last.

    Args:
        input (Tensor): The input.
        dim (int): The dim. Default: ``-1``.
        descending (bool): Whether the largest come first. Default: ``False``.
        stable (bool): Accepted; the sort is always stable. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor).

    Raises:
        ValueError: `dim` is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> v, i = mint.sort(ms.Tensor([[1.0, 5.0, 3.0]]), descending=True)
        >>> print(v, i)
        [[5. 3. 1.]] [[1 2 0]]
    """
    check_tensor("sort", "input", input)
    check_dim("sort", dim, input.ndim)
    v, i = ops.sort(input, dim, descending)
    return v, i.astype(mstype.int64)


def argsort(input, dim=-1, descending=False, stable=False):  # noqa: A002
    """The Int64 indices that sort `input` along `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The dim. Default: ``-1``.
        descending (bool): Whether the largest come first. Default: ``False``.
        stable (bool): Accepted; the sort is always stable. Default: ``False``.

    Returns:
        Int64 Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.argsort(ms.Tensor([3.0, 1.0, 2.0])))
        [1 2 0]
    """
    return sort(input, dim=dim, descending=descending)[1]


def topk(input, k, dim=-1, largest=True, sorted=True):  # noqa: A002
    """The `k` largest (or smallest) elements along `dim` and their Int64 indices.

    Args:
        input (Tensor): The input.
        k (int): How many, at most the dim's size.
        dim (int): The dim. Default: ``-1``.
        largest (bool): Whether the largest (else the smallest). Default: ``True``.
        sorted (bool): Whether in order. Default: ``True``.

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> v, i = mint.topk(ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]), 2)
        >>> print(v, i)
        [[5. 3.]
         [6. 4.]] [[1 2]
         [2 0]]
    """
    check_tensor("topk", "input", input)
    check_dim("topk", dim, input.ndim)
    v, i = ops.topk(input, k, dim=dim, largest=largest, sorted=sorted)
    return v, i.astype(mstype.int64)


def kthvalue(input, k, dim=-1, keepdim=False):  # noqa: A002
    """The `k`-th smallest element along `dim` (k from 1) and its Int64 index.

    Args:
        input (Tensor): The input.
        k (int): The rank, in ``[1, size of dim]``.
        dim (int): The dim. Default: ``-1``.
        keepdim (bool): Whether the dim is kept with size 1. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor).

    Raises:
        ValueError: `k` is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> v, i = mint.kthvalue(ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]), 2, 1)
        >>> print(v, i)
        [3. 4.] [2 0]
    """
    check_tensor("kthvalue", "input", input)
    d = check_dim("kthvalue", dim, input.ndim)
    check_int("kthvalue", "k", k)
    n = input.shape[d] if input.ndim else 1
    if not 1 <= k <= n:
        raise ShapeError(f"For 'kthvalue', k must be in [1, {n}], but got {k}.")
    v, i = sort(input, dim=d)
    v, i = ops.narrow(v, d, k - 1, 1), ops.narrow(i, d, k - 1, 1)
    return (v, i) if keepdim else (v.squeeze(d), i.squeeze(d))


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    """The distinct elements of `input` (or distinct slices along `dim`), sorted, with the Int64
    inverse indices and counts when asked.

    Args:
        input (Tensor): The input.
        sorted (bool): Whether in ascending order (else in order of appearance). Default: ``True``.
        return_inverse (bool): Whether to give where each element went. Default: ``False``.
        return_counts (bool): Whether to give how often each came. Default: ``False``.
        dim (int, optional): The dim whose slices are compared. Default: ``None``.

    Returns:
        Tensor, or a tuple with the inverse and/or counts.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> out, inv, cnt = mint.unique(ms.Tensor([3, 1, 2, 1, 3]), return_inverse=True, return_counts=True)
        >>> print(out, inv, cnt)
        [1 2 3] [2 0 1 0 2] [2 1 2]
    """
    check_tensor("unique", "input", input)
    a = input.asnumpy()
    if dim is not None:
        dim = check_dim("unique", dim, input.ndim)
    values, first, inverse, counts = _np.unique(a, return_index=True, return_inverse=True,
                                                 return_counts=True, axis=dim)
    inverse = inverse.reshape(-1 if dim is not None else a.shape)
    if not sorted and dim is None:
        order = _np.argsort(first, kind="stable")
        rank = _np.empty_like(order)
        rank[order] = _np.arange(order.size)
        values, counts, inverse = values[order], counts[order], rank[inverse]
    out = [Tensor(_np.ascontiguousarray(values)).astype(input.dtype)]
    if return_inverse:
        out.append(Tensor(inverse.astype(_np.int64)))
    if return_counts:
        out.append(Tensor(counts.astype(_np.int64)))
    return out[0] if len(out) == 1 else tuple(out)


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    """The elements of `input` with consecutive repeats merged, with Int64 inverse and counts when asked.

    Args:
        input (Tensor): The input.
        return_inverse (bool): Whether to give where each element went. Default: ``False``.
        return_counts (bool): Whether to give the length of each run. Default: ``False``.
        dim (int, optional): The dim whose slices are compared. Default: ``None``.

    Returns:
        Tensor, or a tuple with the inverse and/or counts.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.unique_consecutive(ms.Tensor([1, 1, 2, 2, 3, 1])))
        [1 2 3 1]
    """
    check_tensor("unique_consecutive", "input", input)
    return ops.unique_consecutive(input, return_inverse, return_counts, dim)


def searchsorted(sorted_sequence, values, *, out_int32=False, right=False, side=None, sorter=None):
    """The indices at which `values` would be inserted into the last dim of `sorted_sequence`.

    Args:
        sorted_sequence (Tensor): Sorted along its last dim.
        values (Union[Tensor, number]): The values to place.
        out_int32 (bool): Int32 indices (else Int64). Default: ``False``.
        right (bool): Whether after equal elements. Default: ``False``.
        side (str, optional): ``'left'`` or ``'right'``, as `right`. Default: ``None``.
        sorter (Tensor, optional): Indices that sort an unsorted sequence. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.searchsorted(ms.Tensor([1.0, 3.0, 5.0]), ms.Tensor([3.0, 4.0])))
        [1 2]
    """
    return ops.searchsorted(sorted_sequence, values, out_int32=out_int32, right=right, side=side,
                            sorter=sorter)


def bincount(input, weights=None, minlength=0):  # noqa: A002
    """How often each value occurs in a 1-D non-negative integer `input` (or the sum of its `weights`).

    Args:
        input (Tensor): 1-D non-negative integers.
        weights (Tensor, optional): A weight per element. Default: ``None``.
        minlength (int): The least length of the result. Default: ``0``.

    Returns:
        Int64 Tensor (the weights' float dtype when given).

    Raises:
        ValueError: `input` is not 1-D or has a negative value.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.bincount(ms.Tensor([0, 1, 1, 3])))
        [1 2 0 1]
    """
    check_index("bincount", "input", input)
    if input.ndim != 1:
        raise ShapeError(f"For 'bincount', the input must be 1-D, but got shape {tuple(input.shape)}.")
    length = _builtins.max(int(input.max()) + 1 if input.size else 0, int(minlength))
    if input.size and int(input.min()) < 0:
        raise ShapeError("For 'bincount', the input must not contain negative values.")
    hits = ops.eq(input.reshape(-1, 1).astype(mstype.int64), ops.arange(length).reshape(1, -1))
    if weights is None:
        return ops.sum(hits.astype(mstype.int64), 0)
    check_tensor("bincount", "weights", weights)
    w = weights if weights.dtype in FLOAT_TYPES else weights.astype(mstype.float32)
    return ops.sum(hits.astype(w.dtype) * w.reshape(-1, 1), 0)


def histc(input, bins=100, min=0, max=0):  # noqa: A001,A002
    """A histogram of `input` over `bins` equal bins from `min` to `max` (the data's range when both
    are 0); values outside are ignored.

    Args:
        input (Tensor): A float tensor.
        bins (int): The number of bins. Default: ``100``.
        min (float): The lower end. Default: ``0``.
        max (float): The upper end. Default: ``0``.

    Returns:
        Tensor of `bins` counts, of `input`'s dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.histc(ms.Tensor([1.0, 2.0, 1.0]), bins=4, min=0, max=3))
        [0. 2. 1. 0.]
    """
    check_tensor("histc", "input", input)
    check_int("histc", "bins", bins)
    if bins <= 0:
        raise ShapeError(f"For 'histc', bins must be positive, but got {bins}.")
    lo, hi = float(min), float(max)
    if lo == hi == 0 and input.size:
        lo, hi = float(input.min()), float(input.max())
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    if lo > hi:
        raise ShapeError(f"For 'histc', max must not be below min, but got min={min}, max={max}.")
    x = input.reshape(-1).astype(mstype.float64)
    inside = (x >= lo) & (x <= hi)
    k = ops.clamp(ops.floor((x - lo) * (bins / (hi - lo))), 0, bins - 1).astype(mstype.int64)
    hits = ops.eq(k.reshape(-1, 1), ops.arange(bins).reshape(1, -1)) & inside.reshape(-1, 1)
    # the input's dtype, integers included (MindSpore 2.10 counts an Int32 input in Int32)
    dtype = mstype.float32 if input.dtype == mstype.bool_ else input.dtype
    return ops.sum(hits.astype(mstype.int64), 0).astype(dtype)


NAMES = ("gather", "index_select", "index_add", "scatter", "scatter_add", "take", "masked_select",
         "nonzero", "sort", "argsort", "topk", "kthvalue", "unique", "unique_consecutive",
         "searchsorted", "bincount", "histc")
__all__ = list(NAMES)

name_errors(globals(), NAMES)

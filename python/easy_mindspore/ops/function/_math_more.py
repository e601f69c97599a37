"""``mindspore.ops`` math functions, part two (re-exported by ``math_func``): reductions
(``amax``, ``all``, ``median``, ``cummax``, ...), the matrix builders (``diag``, ``triu``, ...)
and the products (``kron``, ``cross``, ``einsum``, ``cdist``). Compositions of engine ops; the
index bookkeeping (masks, index lists) is NumPy on shapes, never on values."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ..._tensor_extremes import reduce_max as _reduce_max, reduce_min as _reduce_min
from ...common import dtype as mstype
from ._args import as_tensor as _t, int_arg as _int

__all__ = [
    "amax", "amin", "aminmax", "all", "any", "count_nonzero", "median", "cummax", "cummin",
    "logcumsumexp", "logspace", "diag", "diagonal", "diag_embed", "triu", "tril", "tril_indices",
    "triu_indices", "std_mean", "var_mean", "nansum", "nanmean", "kron", "cross", "einsum",
    "cdist", "cosine_similarity",
]

_FLOATS = mstype.float_type


def _axis(op, axis, nd):
    """``axis`` (an int) checked and made non-negative."""
    axis = _int(op, "axis", axis)
    if not -builtins.max(nd, 1) <= axis < builtins.max(nd, 1):
        raise ShapeError(f"For '{op}', 'axis' must be in [{-builtins.max(nd, 1)}, {builtins.max(nd, 1)}), "
                         f"but got {axis}.")
    return axis % builtins.max(nd, 1)


def _axes(axis):
    return None if axis is None or axis == () else axis


def _masked(op, x, initial, where, fill):
    if where is None:
        return x
    if initial is None:
        raise ShapeError(f"For '{op}', 'initial' must be given with 'where'.")
    return _C.where_(where, x, Tensor(initial, x.dtype))


def _extreme(op, method, pick, input, axis, keepdims, initial, where):  # noqa: A002
    x = _masked(op, _t(input), initial, where, initial)
    axes = _axes(axis)
    reduced = range(x.ndim) if axes is None else (axes if isinstance(axes, (tuple, list)) else (axes,))
    # An empty reduction has no extreme; an empty result of non-empty reductions is just empty.
    if initial is None and x.size == 0 and (x.ndim == 0 or builtins.any(
            x.shape[int(a)] == 0 for a in reduced if -x.ndim <= int(a) < x.ndim)):
        raise ShapeError(f"For '{op}', the input of shape {list(x.shape)} is empty and 'initial' is None.")
    out = (_reduce_max if method == "max" else _reduce_min)(x, _axes(axis), keepdims)
    if initial is not None:
        out = pick(out, Tensor(initial, out.dtype))
    return out


def amax(input, axis=None, keepdims=False, *, initial=None, where=None):  # noqa: A002
    """``ops.amax``: the maximum over ``axis`` (all axes for None); ``initial`` joins the
    comparison and ``where`` masks elements out.

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.amax(Tensor([[1.0, 5.0], [3.0, 2.0]]), 1))
        [5. 3.]
    """
    return _extreme("amax", "max", _C.maximum, input, axis, keepdims, initial, where)


def amin(input, axis=None, keepdims=False, *, initial=None, where=None):  # noqa: A002
    """``ops.amin``: the minimum over ``axis`` (all axes for None).

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.amin(Tensor([[1.0, 5.0], [3.0, 2.0]]), 0))
        [1. 2.]
    """
    return _extreme("amin", "min", _C.minimum, input, axis, keepdims, initial, where)


def aminmax(input, *, axis=0, keepdims=False):  # noqa: A002
    """``ops.aminmax``: ``(min, max)`` along ``axis`` (0 by default; None reduces every element),
    disregarding NaN (a slice of NaN only gives NaN).

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis; None reduces over every element. Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        tuple(Tensor, Tensor), the minimum and the maximum along `axis`.

    Raises:
        TypeError: If `axis` is not an int or None.
        ValueError: If `axis` is out of range, or `axis` is None and `input` is empty.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.aminmax(Tensor([[1.0, 5.0], [3.0, 2.0]]), axis=1):
        ...     print(t)
        [1. 2.]
        [5. 3.]
        >>> print(ops.aminmax(Tensor([[1.0, 5.0], [3.0, 2.0]]), axis=None))
        (Tensor(shape=[], dtype=Float32, value= 1), Tensor(shape=[], dtype=Float32, value= 5))
    """
    x = _t(input)
    if axis is None:
        if x.size == 0:
            raise ShapeError(f"For 'aminmax', the input of shape {list(x.shape)} is empty and 'axis' is None.")
    else:
        axis = _axis("aminmax", axis, x.ndim)
    if x.dtype not in _FLOATS:
        return _reduce_min(x, axis, keepdims), _reduce_max(x, axis, keepdims)
    # NaN is disregarded (MindSpore 2.10's documented rule for aminmax): it is replaced by +inf for
    # the minimum and -inf for the maximum; a slice of NaN only stays NaN.
    known = x == x
    lo = _reduce_min(_C.where_(known, x, Tensor(float("inf"), x.dtype)), axis, keepdims)
    hi = _reduce_max(_C.where_(known, x, Tensor(float("-inf"), x.dtype)), axis, keepdims)
    none_known = _reduce_max(known.astype(mstype.int32), axis, keepdims) == 0
    nan = Tensor(float("nan"), x.dtype)
    return _C.where_(none_known, nan, lo), _C.where_(none_known, nan, hi)


def _truth(x):
    return x if x.dtype == mstype.bool_ else x != 0


def all(input, axis=None, keep_dims=False):  # noqa: A001,A002 - MindSpore's names
    """``ops.all``: True where every element over ``axis`` is nonzero (Bool).

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keep_dims` is True.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.all(Tensor([[1, 0], [2, 3]]), 1))
        [False  True]
    """
    return _truth(_t(input)).all(_axes(axis), keep_dims)


def any(input, axis=None, keep_dims=False):  # noqa: A001,A002
    """``ops.any``: True where some element over ``axis`` is nonzero (Bool; for UInt8 input, 1
    or 0 as UInt8).

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keep_dims` is True.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.any(Tensor([[1, 0], [0, 0]]), 1))
        [ True False]
    """
    x = _t(input)
    out = _truth(x).any(_axes(axis), keep_dims)
    # UInt8 stays UInt8 (MindSpore 2.10 and PyTorch: `any` of bytes is a byte).
    return out.astype(mstype.uint8) if x.dtype == mstype.uint8 else out


def count_nonzero(x, axis=(), keep_dims=False, dtype=mstype.int32):
    """``ops.count_nonzero``: the number of nonzero elements over ``axis`` (all for ``()``), as
    ``dtype`` (Int32).

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``()``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``mstype.int32``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keep_dims` is True.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.count_nonzero(Tensor([[1, 0], [2, 3]]), 1))
        [1 2]
    """
    n = (_t(x) != 0).astype(mstype.int64).sum(_axes(axis), None, keep_dims)
    return n.astype(dtype)


def median(input, axis=-1, keepdims=False):  # noqa: A002
    """``ops.median``: ``(values, indices)`` of the lower median along ``axis``; Int64 indices of
    the median's first occurrence in sorted order (a stable sort).

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``-1``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        tuple(Tensor, Tensor), the medians and their Int64 indices along `axis`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.median(Tensor([[3.0, 1.0, 2.0], [0.0, 5.0, 4.0]])):
        ...     print(t)
        [2. 4.]
        [2 2]
    """
    x = _t(input)
    if axis is None or isinstance(axis, bool) or not isinstance(axis, (int, _np.integer)):
        raise DTypeError(f"For 'Median', the type of 'axis' should be 'int', but got type "
                         f"'{type(axis).__name__}'.")
    if x.ndim == 0:
        return x, Tensor(0, mstype.int64)
    axis = _axis("Median", axis, x.ndim)
    n = x.shape[axis]
    if n == 0:
        raise ShapeError(f"For 'Median', axis {axis} of shape {list(x.shape)} is empty.")
    order = _C.sort(_C.stop_gradient(x), axis, False)[1].astype(mstype.int64)
    pick = (slice(None),) * axis + (slice((n - 1) // 2, (n - 1) // 2 + 1),)
    idx = order[pick]
    if x.dtype in mstype.float_type:
        # A row with a NaN has the NaN (its first) as median, as MindSpore 2.10 and NumPy give
        # (the sort puts NaNs last, which would skip them).
        nan = x.isnan()
        first_nan = nan.astype(mstype.int32).argmax(axis, keepdims=True).astype(mstype.int64)
        idx = _C.where_(nan.any(axis, keep_dims=True), first_nan, idx)
    values = _C.gather_elements(x, axis, idx)
    if not keepdims:
        values, idx = values.squeeze(axis), idx.squeeze(axis)
    return values, idx


def _cum_extreme(op, x, axis, better):
    """Running extreme along ``axis`` and the index of its last occurrence: a Hillis–Steele scan
    of ``(value, index)`` pairs (``ceil(log2 n)`` rounds of shifted comparisons); the values are
    gathered from ``x`` so they are differentiable."""
    x = _t(x)
    if x.ndim == 0:
        return x, Tensor(0, mstype.int64)
    axis = _axis(op, axis, x.ndim)
    n = x.shape[axis]
    shape = [1] * x.ndim
    shape[axis] = n
    idx = _C.broadcast_to(Tensor(_np.arange(n, dtype=_np.int64).reshape(shape)), tuple(x.shape))
    v = _C.stop_gradient(x)
    pre = (slice(None),) * axis
    shift = 1
    while shift < n:
        head = (slice(0, shift),)
        lv = _C.concat([v[pre + head], v[pre + (slice(0, n - shift),)]], axis)
        li = _C.concat([idx[pre + head], idx[pre + (slice(0, n - shift),)]], axis)
        # The earlier window wins only if strictly better: ties keep the later index.
        take_left = better(lv, v) + (lv != lv) * (v == v)
        v, idx = _C.where_(take_left, lv, v), _C.where_(take_left, li, idx)
        shift *= 2
    return _C.gather_elements(x, axis, idx), idx


def cummax(input, axis):  # noqa: A002
    """``ops.cummax``: ``(values, indices)``, the running maximum along ``axis`` and the Int64
    index of its last occurrence (NaN propagates).

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis.

    Returns:
        tuple(Tensor, Tensor), the running maxima and their Int64 indices, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.cummax(Tensor([1.0, 3.0, 2.0, 4.0]), 0):
        ...     print(t)
        [1. 3. 3. 4.]
        [0 1 1 3]
    """
    return _cum_extreme("cummax", input, axis, lambda a, b: a > b)


def cummin(input, axis):  # noqa: A002
    """``ops.cummin``: ``(values, indices)``, the running minimum along ``axis`` and the index of
    its last occurrence; Int32 indices, as MindSpore 2.10 returns them.

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis.

    Returns:
        tuple(Tensor, Tensor), the running minima and their Int64 indices, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.cummin(Tensor([3.0, 1.0, 2.0]), 0):
        ...     print(t)
        [3. 1. 1.]
        [0 1 1]
    """
    values, idx = _cum_extreme("cummin", input, axis, lambda a, b: a < b)
    return values, idx.astype(mstype.int32)


def logcumsumexp(input, axis):  # noqa: A002
    """``ops.logcumsumexp``: ``log(cumsum(exp(x)))`` along ``axis``, shifted by the maximum.

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.logcumsumexp(Tensor([0.0, 0.0]), 0))
        [0.        0.6931472]
    """
    x = _t(input)
    if x.dtype not in _FLOATS:
        raise DTypeError(f"For 'LogCumSumExp', 'input' must be a float Tensor, but got {x.dtype}.")
    axis = _axis("LogCumSumExp", axis, x.ndim)
    if x.size == 0:
        return x
    m = _C.stop_gradient(_reduce_max(x, axis, True))
    m = _C.where_((m - m) == 0, m, Tensor(0.0, m.dtype))
    return (x - m).exp().cumsum(axis).log() + m


def logspace(start, end, steps, base=10, *, dtype=mstype.float32):
    """``ops.logspace``: ``base ** linspace(start, end, steps)`` as ``dtype`` (Float32).

    Args:
        start (number): The first exponent.
        end (number): The last exponent.
        steps (int): The number of values.
        base (int, optional): The base of the powers. Default: ``10``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``mstype.float32``.

    Returns:
        Tensor, 1-D, of `steps` elements.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.logspace(0, 2, 3))
        [  1.  10. 100.]
    """
    from .math_func import linspace
    if isinstance(base, bool) or not isinstance(base, (int, _np.integer)):
        raise DTypeError(f"For 'LogSpace', 'base' must be an int, but got {type(base).__name__}.")
    if base < 0:
        raise ShapeError(f"For 'LogSpace', 'base' must be non-negative, but got {base}.")
    exps = linspace(start, end, steps).astype(mstype.float64)
    return (Tensor(float(base), mstype.float64) ** exps).astype(dtype)


def diag(input):  # noqa: A002
    """``ops.diag``: the tensor of rank ``2k`` with ``input`` (rank ``k``, ``k >= 1``) on its
    diagonal: ``out[i..., i...] = input[i...]``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of rank twice that of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.diag(Tensor([1, 2])))
        [[1 0]
         [0 2]]
    """
    x = _t(input)
    if x.ndim == 0:
        raise ShapeError("For 'Diag', 'input' must have rank 1 or more, but got a 0-D Tensor.")
    n = x.size
    flat = x.reshape(n, 1) * Tensor(_np.eye(n), x.dtype)
    if x.dtype in _FLOATS:
        flat = flat + Tensor(0, x.dtype)  # -0.0 (a negative times an off-diagonal 0) + 0.0 is 0.0
    return flat.reshape(tuple(x.shape) + tuple(x.shape))


def _move(x, src, dst):
    perm = [i for i in range(x.ndim) if i not in src]
    for d, s in sorted(zip(dst, src)):
        perm.insert(d, s)
    return x.permute(*perm)


def diagonal(input, offset=0, dim1=0, dim2=1):  # noqa: A002
    """``ops.diagonal``: the diagonal ``offset`` of the planes ``(dim1, dim2)``, as the last axis.

    Args:
        input (Tensor): The input tensor.
        offset (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.
        dim1 (int, optional): The first axis of the planes. Default: ``0``.
        dim2 (int, optional): The second axis of the planes. Default: ``1``.

    Returns:
        Tensor, with the diagonal as its last axis.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.diagonal(Tensor([[1, 2], [3, 4]])))
        [1 4]
    """
    x = _t(input)
    if x.ndim < 2:
        raise ShapeError(f"For 'Diagonal', 'input' must be at least 2-D, but got shape {list(x.shape)}.")
    d1, d2 = _axis("Diagonal", dim1, x.ndim), _axis("Diagonal", dim2, x.ndim)
    if d1 == d2:
        raise ShapeError(f"For 'Diagonal', 'dim1' and 'dim2' must differ, but both are {d1}.")
    offset = _int("Diagonal", "offset", offset)
    if not -2**63 <= offset < 2**63:  # NumPy 1.x would make object arrays of the positions
        raise ShapeError(f"For 'Diagonal', 'offset' must fit in Int64, but got {offset}.")
    x = _move(x, [d1, d2], [x.ndim - 2, x.ndim - 1])
    rows, cols = x.shape[-2], x.shape[-1]
    k = builtins.max(0, builtins.min(rows + builtins.min(offset, 0), cols - builtins.max(offset, 0)))
    i = _np.arange(k, dtype=_np.int64)
    r, c = Tensor(i - builtins.min(offset, 0)), Tensor(i + builtins.max(offset, 0))
    if k == 0:
        return _C.full(tuple(x.shape[:-2]) + (0,), 0, x.dtype)
    return x[(Ellipsis, r, c)]


def diag_embed(input, offset=0, dim1=-2, dim2=-1):  # noqa: A002
    """``ops.diag_embed``: the last axis of ``input`` (length ``n``) laid on diagonal ``offset``
    of new ``(n + |offset|)``-square planes at ``(dim1, dim2)`` of the output.

    Args:
        input (Tensor): The input tensor.
        offset (int, optional): The diagonal the values go on: 0 the main one, positive above,
            negative below. Default: ``0``.
        dim1 (int, optional): The first axis of the planes. Default: ``-2``.
        dim2 (int, optional): The second axis of the planes. Default: ``-1``.

    Returns:
        Tensor, of rank one more than `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.diag_embed(Tensor([1, 2]), 1))
        [[0 1 0]
         [0 0 2]
         [0 0 0]]
    """
    x = _t(input)
    offset = _int("DiagEmbed", "offset", offset)
    n = x.shape[-1] if x.ndim else 1
    m = n + abs(offset)
    e = _np.zeros((n, m, m))
    i = _np.arange(n)
    e[i, i - builtins.min(offset, 0), i + builtins.max(offset, 0)] = 1
    planes = _C.matmul(x.reshape(-1, n), Tensor(e.reshape(n, m * m), x.dtype)) if x.dtype in _FLOATS \
        else (x.reshape(-1, n, 1) * Tensor(e.reshape(n, m * m), x.dtype)).sum(1).astype(x.dtype)
    out = planes.reshape(tuple(x.shape[:-1]) + (m, m))
    nd = out.ndim
    d1, d2 = _axis("DiagEmbed", dim1, nd), _axis("DiagEmbed", dim2, nd)
    if d1 == d2:
        raise ShapeError(f"For 'DiagEmbed', 'dim1' and 'dim2' must differ, but both are {d1}.")
    return _move(out, [nd - 2, nd - 1], [d1, d2]) if (d1, d2) != (nd - 2, nd - 1) else out


def _tri(op, input, diagonal, lower):
    x = _t(input)
    if x.ndim < 2:
        raise ShapeError(f"For '{op}', 'input' must be at least 2-D, but got shape {list(x.shape)}.")
    k = _int(op, "diagonal", diagonal)
    r, c = x.shape[-2], x.shape[-1]
    k = builtins.max(builtins.min(k, c + 1), -r - 1)  # beyond the matrix every k is the same
    mask = _np.tri(r, c, k, dtype=bool) if lower else ~_np.tri(r, c, k - 1, dtype=bool)
    return _C.where_(Tensor(mask), x, Tensor(0, x.dtype))


def triu(input, diagonal=0):  # noqa: A002
    """``ops.triu``: zeros below diagonal ``diagonal`` of the last two axes.

    Args:
        input (Tensor): The input tensor.
        diagonal (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.triu(Tensor([[1, 2], [3, 4]])))
        [[1 2]
         [0 4]]
    """
    return _tri("Triu", input, diagonal, False)


def tril(input, diagonal=0):  # noqa: A002
    """``ops.tril``: zeros above diagonal ``diagonal`` of the last two axes.

    Args:
        input (Tensor): The input tensor.
        diagonal (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.tril(Tensor([[1, 2], [3, 4]])))
        [[1 0]
         [3 4]]
    """
    return _tri("Tril", input, diagonal, True)


def _tri_indices(op, row, col, offset, dtype, lower):
    for name, v in (("row", row), ("col", col), ("offset", offset)):
        _int(op, name, v)
    if row < 0 or col < 0:
        raise ShapeError(f"For '{op}', 'row' and 'col' must be non-negative, but got {row}, {col}.")
    if dtype not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For '{op}', 'dtype' must be Int32 or Int64, but got {dtype}.")
    idx = _np.tril_indices(row, offset, col) if lower else _np.triu_indices(row, offset, col)
    return Tensor(_np.stack(idx).astype(_np.int64).reshape(2, -1), dtype)


def tril_indices(row, col, offset=0, *, dtype=mstype.int64):
    """``ops.tril_indices``: the ``[2, N]`` coordinates of the lower triangle of a ``row × col``
    matrix (diagonal ``offset`` included), row by row.

    Args:
        row (int): The number of rows.
        col (int): The number of columns.
        offset (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``mstype.int64``.

    Returns:
        Tensor of shape ``[2, N]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.tril_indices(2, 2))
        [[0 1 1]
         [0 0 1]]
    """
    return _tri_indices("TrilIndices", row, col, offset, dtype, True)


def triu_indices(row, col, offset=0, *, dtype=mstype.int64):
    """``ops.triu_indices``: the ``[2, N]`` coordinates of the upper triangle.

    Args:
        row (int): The number of rows.
        col (int): The number of columns.
        offset (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``mstype.int64``.

    Returns:
        Tensor of shape ``[2, N]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.triu_indices(2, 3, 1))
        [[0 0 1]
         [1 2 2]]
    """
    return _tri_indices("TriuIndices", row, col, offset, dtype, False)


def var_mean(input, axis=None, ddof=0, keepdims=False):  # noqa: A002
    """``ops.var_mean``: ``(var, mean)`` over ``axis``.

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        tuple(Tensor, Tensor), the variance and the mean over `axis`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.var_mean(Tensor([1.0, 3.0])):
        ...     print(t)
        1.0
        2.0
    """
    from .math_func import var
    x = _t(input)
    return var(x, axis, ddof, keepdims), x.astype(mstype.float32).mean(_axes(axis), keepdims) \
        if x.dtype not in _FLOATS else x.mean(_axes(axis), keepdims)


def std_mean(input, axis=None, ddof=0, keepdims=False):  # noqa: A002
    """``ops.std_mean``: ``(std, mean)`` over ``axis``.

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        tuple(Tensor, Tensor), the standard deviation and the mean over `axis`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.std_mean(Tensor([1.0, 3.0])):
        ...     print(t)
        1.0
        2.0
    """
    v, m = var_mean(input, axis, ddof, keepdims)
    return v.sqrt(), m


def nansum(input, axis=None, keepdims=False, *, dtype=None):  # noqa: A002
    """``ops.nansum``: the sum over ``axis`` with NaNs counted as zero.

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.nansum(Tensor([1.0, float('nan'), 2.0])))
        3.0
    """
    x = _t(input)
    if x.dtype in _FLOATS:
        x = _C.where_(x != x, Tensor(0, x.dtype), x)
    elif dtype is None and x.dtype != mstype.bool_:
        dtype = x.dtype  # MindSpore 2.10 keeps an integer dtype (Bool sums to Int64)
    return x.sum(_axes(axis), dtype, keepdims)


def nanmean(input, axis=None, keepdims=False, *, dtype=None):  # noqa: A002
    """``ops.nanmean``: the mean over ``axis`` of the non-NaN elements.

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.nanmean(Tensor([1.0, float('nan'), 2.0])))
        1.5
    """
    x = _t(input)
    if x.dtype not in _FLOATS:
        raise DTypeError(f"For 'nanmean', 'input' must be a float Tensor, but got {x.dtype}.")
    n = (x == x).astype(x.dtype).sum(_axes(axis), None, keepdims)
    out = nansum(x, axis, keepdims) / n
    return out.astype(dtype) if dtype is not None else out


def kron(input, other):  # noqa: A002
    """``ops.kron``: the Kronecker product (ranks are matched by leading 1s).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, the Kronecker product.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.kron(Tensor([1, 2]), Tensor([1, 10])))
        [ 1 10  2 20]
    """
    a, b = _t(input), _t(other)
    nd = builtins.max(a.ndim, b.ndim)
    sa = (1,) * (nd - a.ndim) + tuple(a.shape)
    sb = (1,) * (nd - b.ndim) + tuple(b.shape)
    ia = [d for s in sa for d in (s, 1)]
    ib = [d for s in sb for d in (1, s)]
    out = a.reshape(ia) * b.reshape(ib)
    return out.reshape([p * q for p, q in zip(sa, sb)])


def cross(input, other, dim=None):  # noqa: A002
    """``ops.cross``: the cross product along ``dim`` (the first axis of length 3 by default).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.
        dim (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.cross(Tensor([1.0, 0.0, 0.0]), Tensor([0.0, 1.0, 0.0])))
        [0. 0. 1.]
    """
    a, b = _t(input), _t(other)
    if a.shape != b.shape:
        a, b = a + b * 0, b + a * 0
    if dim is None:
        dims = [i for i, s in enumerate(a.shape) if s == 3]
        if not dims:
            raise ShapeError(f"For 'Cross', no axis of length 3 in shape {list(a.shape)}.")
        dim = dims[0]
    dim = _axis("Cross", dim, a.ndim)
    if a.shape[dim] != 3:
        raise ShapeError(f"For 'Cross', axis {dim} of shape {list(a.shape)} must have length 3.")
    pre = (slice(None),) * dim

    def c(t, i):
        return t[pre + (slice(i, i + 1),)]
    return _C.concat([c(a, 1) * c(b, 2) - c(a, 2) * c(b, 1), c(a, 2) * c(b, 0) - c(a, 0) * c(b, 2),
                      c(a, 0) * c(b, 1) - c(a, 1) * c(b, 0)], dim)


def cdist(x1, x2, p=2.0):
    """``ops.cdist``: the ``p``-norm distances between the rows of ``x1 [B, P, M]`` and
    ``x2 [B, R, M]`` (``[B, P, R]``; 2-D inputs give ``[P, R]``).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        p (float, optional): The order of the norm. Default: ``2.0``.

    Returns:
        Tensor of shape ``[B, P, R]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.cdist(Tensor([[0.0, 0.0]]), Tensor([[3.0, 4.0], [1.0, 0.0]])))
        [[5. 1.]]
    """
    a, b = _t(x1), _t(x2)
    if a.ndim < 2 or a.ndim != b.ndim or a.shape[-1] != b.shape[-1]:
        raise ShapeError(f"For 'Cdist', the inputs must be [..., P, M] and [..., R, M], but got "
                         f"shapes {list(a.shape)} and {list(b.shape)}.")
    if p < 0:
        raise ShapeError(f"For 'Cdist', 'p' must be non-negative, but got {p}.")
    d = (a.expand_dims(-2) - b.expand_dims(-3)).abs()
    if p == float("inf"):
        return _reduce_max(d, -1)
    if p == 0:
        return (d != 0).astype(d.dtype).sum(-1)
    if p == 1:
        return d.sum(-1)
    return (d ** float(p)).sum(-1) ** (1.0 / p)


def cosine_similarity(x1, x2, dim=1, eps=1e-08):
    """``ops.cosine_similarity``: ``x1·x2 / max(|x1|·|x2|, eps)`` along ``dim`` (broadcast).

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dim (int, optional): The axis. Default: ``1``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-08``.

    Returns:
        Tensor, of the broadcast shape of the inputs without `dim`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.cosine_similarity(Tensor([[1.0, 0.0]]), Tensor([[1.0, 1.0]])))
        [0.70710677]
    """
    a, b = _t(x1), _t(x2)
    dot = (a * b).sum(dim)
    norms = ((a * a).sum(dim) * (b * b).sum(dim)).sqrt()
    return dot / _C.maximum(norms, Tensor(eps, norms.dtype))


def _einsum_parse(equation, operands):
    eq = equation.replace(" ", "")
    lhs, arrow, rhs = eq.partition("->")
    terms = lhs.split(",")
    if len(terms) != len(operands):
        raise ShapeError(f"For 'Einsum', the equation {equation!r} names {len(terms)} operands, "
                         f"but {len(operands)} were given.")
    used = set(c for c in eq if c.isalpha())
    spare = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" if c not in used]
    n_ell = 0
    for t, x in zip(terms, operands):
        if "..." in t:
            n_ell = builtins.max(n_ell, x.ndim - (len(t) - 3))
    ell = "".join(spare[:n_ell])
    out_terms = []
    for t, x in zip(terms, operands):
        if "..." in t:
            k = x.ndim - (len(t) - 3)
            t = t.replace("...", ell[n_ell - k:])
        if len(t) != x.ndim or not t.isalpha():
            raise ShapeError(f"For 'Einsum', the subscripts {t!r} do not fit an operand of shape "
                             f"{list(x.shape)}.")
        out_terms.append(t)
    if arrow:
        out = rhs.replace("...", ell)
    else:
        counts = {}
        for t in out_terms:
            for ch in t:
                counts[ch] = counts.get(ch, 0) + 1
        out = ell + "".join(sorted(c for c in counts if counts[c] == 1 and c not in ell))
    return out_terms, out


def _einsum_diag(x, t):
    """Repeated subscripts in one operand (``ii``): take the diagonal."""
    while len(set(t)) < len(t):
        ch = next(c for c in t if t.count(c) > 1)
        i = t.index(ch)
        j = t.index(ch, i + 1)
        x = diagonal(x, 0, i, j)
        t = "".join(c for k, c in enumerate(t) if k not in (i, j)) + ch
    return x, t


def einsum(equation, *operands):
    """``ops.einsum``: the sum of products the subscripts describe (``'ij,jk->ik'``; ``...``
    stands for the broadcast axes; without ``->`` the output is the subscripts seen once, sorted).
    Operands are combined left to right, each pair as one batched matrix product.

    Args:
        equation (str): The subscripts, e.g. ``'ij,jk->ik'``.
        *operands (Tensor): The operands.

    Returns:
        Tensor, of the shape the output subscripts describe.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.einsum('ij,j->i', Tensor([[1.0, 2.0], [3.0, 4.0]]), Tensor([1.0, 1.0])))
        [3. 7.]
    """
    if not isinstance(equation, str):
        raise DTypeError(f"For 'Einsum', 'equation' must be a str, but got {type(equation).__name__}.")
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    ops_ = [_t(x) for x in operands]
    terms, out = _einsum_parse(equation, ops_)
    pairs = [_einsum_diag(x, t) for x, t in zip(ops_, terms)]
    x, t = pairs[0]
    for k in range(1, len(pairs)):
        y, u = pairs[k]
        later = set(out).union(*[set(tt) for _, tt in pairs[k + 1:]])
        x, t = _einsum_pair(x, t, y, u, later)
    # Sum what the output does not keep, then order as the output.
    drop = [i for i, c in enumerate(t) if c not in out]
    if drop:
        x = x.sum(tuple(drop))
        t = "".join(c for c in t if c in out)
    missing = [c for c in out if c not in t]
    if missing:
        raise ShapeError(f"For 'Einsum', the output subscripts {out!r} name {missing} that no operand has.")
    return x.permute(*[t.index(c) for c in out]) if t != out and x.ndim else x


def _einsum_pair(x, t, y, u, later):
    # Sum the axes only one side has and nothing later needs.
    xs = [i for i, c in enumerate(t) if c not in u and c not in later]
    if xs:
        x, t = x.sum(tuple(xs)), "".join(c for c in t if c in u or c in later)
    ys = [i for i, c in enumerate(u) if c not in t and c not in later]
    if ys:
        y, u = y.sum(tuple(ys)), "".join(c for c in u if c in t or c in later)
    batch = [c for c in t if c in u and c in later]
    contract = [c for c in t if c in u and c not in later]
    left = [c for c in t if c not in u]
    right = [c for c in u if c not in t]
    size = {c: s for c, s in zip(t, x.shape)}
    for c, s in zip(u, y.shape):
        if c in size and size[c] != s and size[c] != 1 and s != 1:
            raise ShapeError(f"For 'Einsum', subscript {c!r} has sizes {size[c]} and {s}.")
        size[c] = builtins.max(size.get(c, 1), s)

    def prod(cs):
        return int(_np.prod([size[c] for c in cs], dtype=_np.int64))
    xb = _C.broadcast_to(x.permute(*[t.index(c) for c in batch + left + contract]),
                         tuple(size[c] for c in batch + left + contract)) if x.ndim else x
    yb = _C.broadcast_to(y.permute(*[u.index(c) for c in batch + contract + right]),
                         tuple(size[c] for c in batch + contract + right)) if y.ndim else y
    xm = xb.reshape(prod(batch), prod(left), prod(contract))
    ym = yb.reshape(prod(batch), prod(contract), prod(right))
    z = _C.matmul(xm, ym).reshape([size[c] for c in batch + left + right])
    return z, "".join(batch + left + right)

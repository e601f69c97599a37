"""``mindspore.numpy`` reductions and differences (MindSpore 2.10's ``math_ops``).

Dtypes, measured on MindSpore 2.10 (CPU): ``average`` without weights, ``ptp``, ``cumprod``,
``diff``, ``nansum``/``nanmax``/``nanmin`` keep an integer dtype (``cumprod`` of Bool gives
Int32); ``count_nonzero`` gives Int32; ``norm`` gives Float32 for integers. Where MindSpore 2.10
differs we follow NumPy and say so: ``count_nonzero`` and ``ptp`` of Bool work here (a TypeError
there). ``norm``'s ``'nuc'``, ``2`` and ``-2`` matrix norms raise NotImplementedError, as there.
"""

from .. import ops as _ops
from ..ops.function._args import axis_arg as _axis_arg
from .._tensor_extremes import reduce_max as _reduce_max, reduce_min as _reduce_min
from ..common.dtype import bool_, float16, float32, float64, int8, int16, int32, uint8, uint32
from ..tensor import Tensor
from . import (_axis, _dtype, _float, _float32, _promote, _reduce_axis, _t, _t_origin, amax, amin,
               concatenate, mean, ravel)
from ._reduction import _checked_axis

__all__ = [
    "average",
    "count_nonzero",
    "cumprod",
    "diff",
    "ediff1d",
    "ptp",
    "nanmax",
    "nanmin",
    "nansum",
    "nanmean",
    "nanvar",
    "nanstd",
    "norm",
]


def average(x, axis=None, weights=None, returned=False):
    """The weighted average over `axis` (every axis for None and ``()``); integers stay integers,
    the weighted sum divided as integers (truncated), as MindSpore 2.10 gives.

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        weights (Tensor, optional): The weights, of the shape of `x` or 1-D along a single `axis`. Default: ``None``.
        returned (bool, optional): Whether to return the sum of the weights too. Default: ``False``.

    Returns:
        Tensor, or a tuple ``(average, sum_of_weights)`` when `returned`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(mnp.average(x, axis=0, weights=ms.Tensor([1.0, 3.0], ms.float32)))
        [3.25 4.25 5.25]
    """
    x = _t(x)
    axis = _checked_axis("average", x, _reduce_axis(axis))
    if weights is None:
        avg = mean(x, axis)
        count = x.size if axis is None else _builtins_prod(x.shape, axis)
        return (avg, _ops.full_like(avg, count)) if returned else avg
    w = _t(weights)
    if tuple(w.shape) != tuple(x.shape):
        if axis is None or not isinstance(axis, int) or w.ndim != 1 or w.shape[0] != x.shape[axis]:
            raise ValueError(f"For 'mindspore.numpy.average', weights of shape {tuple(w.shape)} "
                             f"do not match x of shape {tuple(x.shape)} along axis {axis}.")
        shape = [1] * x.ndim
        shape[axis] = w.shape[0]
        w = _ops.broadcast_to(w.reshape(shape), tuple(x.shape))
    dtype = _promote(x.dtype, w.dtype)
    total = w.sum(axis=_axis(axis))
    avg = (x.astype(dtype) * w.astype(dtype)).sum(axis=_axis(axis)) / total
    if dtype not in (bool_, float16, float32, float64):
        # integers divide as integers, truncated, keeping their dtype (MindSpore 2.10's average)
        avg = avg.astype(dtype)
        total = total if w.dtype == bool_ else total.astype(w.dtype)
    return (avg, _ops.broadcast_to(total, tuple(avg.shape))) if returned else avg


def count_nonzero(x, axis=None, keepdims=False):
    """The number of nonzero elements over `axis` (Int32).

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor of Int32.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[0, 2, 0], [7, 11, 16]], ms.int32)
        >>> print(mnp.count_nonzero(x))
        4
        >>> print(mnp.count_nonzero(x, axis=1))
        [1 3]
    """
    x = _t(x)
    nonzero = x if x.dtype == bool_ else x != Tensor(0, x.dtype)
    return nonzero.astype(int32).sum(axis=_reduce_axis(axis), keepdims=keepdims).astype(int32)


def cumprod(a, axis=None, dtype=None):
    """The cumulative product along `axis` (of the flattened `a` when None; a list of Python ints
    is Int64, as MindSpore 2.10).

    Args:
        a (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 4], [7, 11, 16]], ms.int32)
        >>> print(mnp.cumprod(x))
        [   1    2    8   56  616 9856]
        >>> print(mnp.cumprod(x, axis=1))
        [[   1    2    8]
         [   7   77 1232]]
    """
    a = _t_origin(a)  # a list of Python ints: Int64, as MindSpore 2.10
    if a.dtype in (bool_, int8, int16):
        a = a.astype(int32)
    elif a.dtype == uint8:
        a = a.astype(uint32)
    if axis is None:
        a, axis = ravel(a), 0
    # In `a`'s dtype, the narrow integers widened to 32 bits (MindSpore 2.10's mnp.cumprod: Int32
    # for Bool, Int8, Int16 and Int32, UInt32 for UInt8; ops.cumprod's is Int64).
    return _ops.cumprod(a, axis, dtype=a.dtype if dtype is None else dtype)


def diff(a, n=1, axis=-1, prepend=None, append=None):
    """The `n`-th discrete difference along `axis` (``a[i+1] - a[i]``; ``!=`` for Bool).

    Args:
        a (Tensor): The input tensor.
        n (int, optional): How many times to difference. Default: ``1``.
        axis (int, optional): The axis. Default: ``-1``.
        prepend (Union[Tensor, number], optional): Values put before `a` along `axis` first. Default: ``None``.
        append (Union[Tensor, number], optional): Values put after `a` along `axis` first. Default: ``None``.

    Returns:
        Tensor, `n` shorter along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 4], [7, 11, 16]], ms.int32)
        >>> print(mnp.diff(x))
        [[1 2]
         [4 5]]
        >>> print(mnp.diff(x, 2))
        [[1]
         [1]]
    """
    a = _t(a)
    if n < 0:
        raise ValueError(f"For 'mindspore.numpy.diff', n must be non-negative, but got {n}.")
    if a.ndim == 0:
        raise ValueError("For 'mindspore.numpy.diff', the input must be at least 1-D.")
    if isinstance(axis, bool) or not hasattr(axis, "__index__") or not -a.ndim <= axis.__index__() < a.ndim:
        raise ValueError(f"For 'mindspore.numpy.diff', axis {axis!r} is out of bounds for an array of "
                         f"dimension {a.ndim}.")  # (it wrapped around before)
    axis = axis.__index__() % a.ndim
    if n == 0:
        return a  # NumPy's: no difference taken, `prepend`/`append` not added either
    if prepend is not None or append is not None:
        parts = [p for p in (_edge(prepend, a, axis), a, _edge(append, a, axis)) if p is not None]
        dtype = a.dtype
        for p in parts:  # a float `prepend` makes an integer `a` float (not truncated)
            dtype = _promote(dtype, p.dtype)
        a = concatenate([p.astype(dtype) for p in parts], axis)
    head = (slice(None),) * axis
    # Past the axis length every difference is empty (NumPy's result), so a huge `n` ends early.
    for _ in range(min(n, a.shape[axis])):
        later, earlier = a[head + (slice(1, None),)], a[head + (slice(None, -1),)]
        a = later != earlier if a.dtype == bool_ else later - earlier
    return a


def ediff1d(ary, to_end=None, to_begin=None):
    """The differences between consecutive elements of the flattened `ary`, with optional ends.

    Args:
        ary (Tensor): The input tensor.
        to_end (Tensor, optional): Values appended after the differences. Default: ``None``.
        to_begin (Tensor, optional): Values put before the differences. Default: ``None``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 4], [7, 11, 16]], ms.int32)
        >>> print(mnp.ediff1d(x, to_begin=ms.Tensor([0], ms.int32)))
        [0 1 2 3 4 5]
    """
    d = diff(ravel(_t(ary)))
    parts = [ravel(_t(to_begin)).astype(d.dtype)] if to_begin is not None else []
    parts.append(d)
    if to_end is not None:
        parts.append(ravel(_t(to_end)).astype(d.dtype))
    return concatenate(parts, 0) if len(parts) > 1 else d


def ptp(x, axis=None, keepdims=False):
    """The range (maximum minus minimum) over `axis`.

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 4], [7, 11, 16]], ms.int32)
        >>> print(mnp.ptp(x, axis=1))
        [3 9]
    """
    x = _t(x)
    if x.dtype == bool_:
        return _ops.logical_xor(amax(x, axis, keepdims), amin(x, axis, keepdims))
    return amax(x, axis, keepdims) - amin(x, axis, keepdims)


def nanmax(a, axis=None, dtype=None, keepdims=False):
    """The maximum over `axis`, ignoring NaNs (NaN where a slice is all NaN).

    Args:
        a (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, float('nan')]], ms.float32)
        >>> print(mnp.nanmax(x))
        5.0
        >>> print(mnp.nanmax(x, axis=1))
        [3. 5.]
    """
    a = _t(a)
    if not _is_float(a):
        out = amax(a, axis, keepdims)
    else:
        nan = _ops.isnan(a)
        out = amax(_ops.where(nan, _ops.full_like(a, float("-inf")), a), axis, keepdims)
        all_nan = nan.all(axis=_reduce_axis(axis), keep_dims=keepdims)
        out = _ops.where(all_nan, _ops.full_like(out, float("nan")), out)
    return out if dtype is None else out.astype(dtype)


def nanmin(a, axis=None, dtype=None, keepdims=False):
    """The minimum over `axis`, ignoring NaNs (NaN where a slice is all NaN).

    Args:
        a (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, float('nan')]], ms.float32)
        >>> print(mnp.nanmin(x))
        1.0
        >>> print(mnp.nanmin(x, axis=1))
        [1. 4.]
    """
    a = _t(a)
    if not _is_float(a):
        out = amin(a, axis, keepdims)
    else:
        nan = _ops.isnan(a)
        out = amin(_ops.where(nan, _ops.full_like(a, float("inf")), a), axis, keepdims)
        all_nan = nan.all(axis=_reduce_axis(axis), keep_dims=keepdims)
        out = _ops.where(all_nan, _ops.full_like(out, float("nan")), out)
    return out if dtype is None else out.astype(dtype)


def nansum(a, axis=None, dtype=None, keepdims=False):
    """The sum over `axis`, treating NaNs as zero (integer and Bool inputs keep their dtype).

    Args:
        a (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, float('nan')]], ms.float32)
        >>> print(mnp.nansum(x))
        13.0
        >>> print(mnp.nansum(x, axis=1))
        [4. 9.]
    """
    a = _t(a)
    if _is_float(a):
        a = _ops.where(_ops.isnan(a), _ops.zeros_like(a), a)
    out = a.sum(axis=_reduce_axis(axis), keepdims=keepdims)
    if dtype is None and not _is_float(a):
        dtype = a.dtype  # Bool too: True where any is True (MindSpore 2.10 casts back)
    return out if dtype is None else out.astype(dtype)


def nanmean(a, axis=None, dtype=None, keepdims=False):
    """The mean over `axis`, ignoring NaNs, of the promoted dtype of `dtype` (Float32 when None)
    and the input's (Float32 for integers, Float64 for Float64), as MindSpore 2.10 gives.

    Args:
        a (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        dtype (mindspore.dtype, optional): A dtype promoted with the input's to give the
            result's. Default: ``None``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, float('nan')]], ms.float32)
        >>> print(mnp.nanmean(x))
        3.25
        >>> print(mnp.nanmean(x, axis=1))
        [2.  4.5]
    """
    a = _t(a)
    # MindSpore 2.10's dtype: `dtype` (Float32 by default) promoted with the input's (Float16 in,
    # Float16 asked: Float16; Float32 in, Float16 asked: Float32; Int32 in, Int32 asked: Int32)
    result = _promote(float32 if dtype is None else _dtype(dtype), a.dtype)
    a = _float32(a)
    valid = _ops.logical_not(_ops.isnan(a))
    count = valid.astype(a.dtype).sum(axis=_reduce_axis(axis), keepdims=keepdims)
    out = nansum(a, axis, keepdims=keepdims) / count
    return out if out.dtype == result else out.astype(result)


def nanvar(a, axis=None, dtype=None, ddof=0, keepdims=False):
    """The variance over `axis`, ignoring NaNs, with `ddof` delta degrees of freedom.

    Args:
        a (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.
        ddof (int, optional): The delta degrees of freedom. Default: ``0``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, float('nan')]], ms.float32)
        >>> print(mnp.nanvar(x))
        2.1875
        >>> print(mnp.nanvar(x, axis=1, ddof=1))
        [2.  0.5]
    """
    a = _float32(a)
    valid = _ops.logical_not(_ops.isnan(a))
    count = valid.astype(a.dtype).sum(axis=_reduce_axis(axis), keepdims=keepdims)
    centred = a - nanmean(a, axis, keepdims=True)
    dof = count - ddof
    out = nansum(centred * centred, axis, keepdims=keepdims) / dof
    out = _ops.where(dof > 0, out, _ops.full_like(out, float("nan")))
    return out if dtype is None else out.astype(dtype)


def nanstd(a, axis=None, dtype=None, ddof=0, keepdims=False):
    """The standard deviation over `axis`, ignoring NaNs.

    Args:
        a (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.
        ddof (int, optional): The delta degrees of freedom. Default: ``0``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, float('nan')]], ms.float32)
        >>> print(mnp.nanstd(x, axis=0))
        [1.5 0.  0. ]
    """
    out = nanvar(a, axis, ddof=ddof, keepdims=keepdims).sqrt()
    return out if dtype is None else out.astype(dtype)


def norm(x, ord=None, axis=None, keepdims=False):
    """A vector or matrix norm of `x` (Float32 for integers).

    Args:
        x (Tensor): The input tensor.
        ord (Union[None, int, float, str], optional): The order: for vectors any number, ``inf`` or ``-inf``; for matrices ``'fro'``, ``1``, ``-1``, ``inf`` or ``-inf``. Default: ``None`` (2-norm / Frobenius).
        axis (Union[None, int, tuple[int]], optional): The vector axis or the two matrix axes; None means all of a 1-D or 2-D `x` (all axes flattened when `ord` is None). Default: ``None``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[3.0, -4.0], [0.0, 12.0]], ms.float32)
        >>> print(mnp.norm(x, ord=1))
        16.0
        >>> print(mnp.norm(x, axis=1))
        [ 5. 12.]
        >>> print(mnp.norm(ms.Tensor([3.0, -4.0], ms.float32), ord=float('inf')))
        4.0
    """
    x = _float32(x)
    if axis is None:
        if ord is None:
            out = (x * x).sum().sqrt()
            return out.reshape((1,) * x.ndim) if keepdims else out
        axis = tuple(range(x.ndim))
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    axes = tuple(_axis_arg("mindspore.numpy.norm", "axis", a, x.ndim) for a in axes)
    if len(axes) == 1:
        return _vector_norm(x, ord, axes[0], keepdims)
    if len(axes) != 2:
        raise ValueError(f"For 'mindspore.numpy.norm', axis must name one or two axes, but got {axis}.")
    return _matrix_norm(x, ord, axes, keepdims)


def _is_float(x):
    return x.dtype in (float16, float32, float64)


def _builtins_prod(shape, axis):
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    p = 1
    for a in axes:
        p *= shape[a]
    return p


def _vector_norm(x, ord, axis, keepdims):
    absx = x.abs()
    if ord is None or ord == 2:
        return (x * x).sum(axis=axis, keepdims=keepdims).sqrt()
    if ord == float("inf"):
        return _reduce_max(absx, axis, keepdims)
    if ord == float("-inf"):
        return _reduce_min(absx, axis, keepdims)
    if ord == 0:
        return (x != 0).astype(x.dtype).sum(axis=axis, keepdims=keepdims)
    if isinstance(ord, str):
        raise ValueError(f"For 'mindspore.numpy.norm', ord {ord!r} is invalid for vectors.")
    return (absx ** ord).sum(axis=axis, keepdims=keepdims) ** (1.0 / ord)


def _matrix_norm(x, ord, axes, keepdims):
    row, col = axes
    absx = x.abs()
    if ord is None or ord == "fro":
        out = (x * x).sum(axis=axes, keepdims=True).sqrt()
    elif ord in (1, -1):
        sums = absx.sum(axis=row, keepdims=True)
        out = _reduce_max(sums, col, True) if ord == 1 else _reduce_min(sums, col, True)
    elif ord in (float("inf"), float("-inf")):
        sums = absx.sum(axis=col, keepdims=True)
        out = _reduce_max(sums, row, True) if ord > 0 else _reduce_min(sums, row, True)
    elif ord in ("nuc", 2, -2):
        raise NotImplementedError(f"For 'mindspore.numpy.norm', the matrix norm ord={ord!r} is "
                                  f"not implemented.")
    else:
        raise ValueError(f"For 'mindspore.numpy.norm', ord {ord!r} is invalid for matrices.")
    return out if keepdims else out.squeeze(axes)


def _edge(extra, a, axis):
    """`diff`'s `prepend`/`append` as a tensor that joins `a` along `axis` (a number broadcasts)."""
    if extra is None:
        return None
    extra = _t(extra)  # a number: an Int32 or Float32 tensor, promoted with `a` by `diff`
    if extra.ndim == 0:
        shape = list(a.shape)
        shape[axis] = 1
        extra = _ops.broadcast_to(extra, tuple(shape))
    return extra

"""``mindspore.numpy`` picking elements, diagonals, triangles and padding (MindSpore 2.10's ``array_ops``).

All are compositions of gather, diagonal, triangle masks and concat, so they are differentiable.
MindSpore 2.10's rules: ``take`` wraps negative indices and then clips (``mode='clip'``, the
default) or wraps them all (``'wrap'``); ``trace`` of integers gives Int64; ``tri`` gives Float32.
Where MindSpore 2.10 differs we follow NumPy and say so: ``take(mode='raise')`` raises IndexError
for an index out of range here (NotImplementedError there), ``take_along_axis`` with ``axis=None``
works on the flattened tensor here (a ValueError there), and ``pad`` implements the modes
``'constant'``, ``'edge'``, ``'reflect'``, ``'symmetric'`` and ``'wrap'`` (the statistic modes
``'maximum'``, ``'minimum'``, ``'mean'``, ``'median'``, ``'linear_ramp'`` and ``'empty'`` raise
NotImplementedError).
"""
import numpy as _np

from .. import ops as _ops
from ..ops.function._args import axis_arg as _axis_arg
from ..common.dtype import bool_, float32, int32
from ..tensor import Tensor
from . import _padding
from ._error_classes import AxisError
from . import _dtype, _t, concatenate, eye, full, ones, ravel, sum as _sum

__all__ = [
    "take",
    "take_along_axis",
    "diagonal",
    "diag",
    "diagflat",
    "trace",
    "tril",
    "triu",
    "tri",
    "pad",
]


def take(a, indices, axis=None, mode='clip'):
    """The elements of `a` at `indices` along `axis` (of the flattened `a` when None).

    Args:
        a (Tensor): The source tensor.
        indices (Tensor): The integer indices.
        axis (int, optional): The axis. Default: ``None``.
        mode (str, optional): Out-of-range indices: ``'clip'`` (after wrapping negative ones), ``'wrap'`` or ``'raise'``. Default: ``'clip'``.

    Returns:
        Tensor, of shape ``a.shape[:axis] + indices.shape + a.shape[axis + 1:]``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> i = ms.Tensor([0, 4, -1, 9], ms.int32)
        >>> print(mnp.take(x, i))
        [1 5 6 6]
        >>> print(mnp.take(x, i, axis=1, mode='wrap'))
        [[1 2 3 1]
         [4 5 6 4]]
    """
    a, idx = _t(a), _t(indices)
    if axis is None:
        a, axis = ravel(a), 0
    if isinstance(axis, bool) or not isinstance(axis, int) or not -a.ndim <= axis < a.ndim:
        raise AxisError(f"For 'mindspore.numpy.take', 'axis' must be in [{-a.ndim}, {a.ndim}), "
                        f"but got {axis!r}.")
    n = a.shape[axis]
    if mode == "wrap":
        idx = _ops.remainder(idx, Tensor(n, idx.dtype))
    elif mode == "clip":
        idx = _ops.where(idx < 0, idx + n, idx).clip(0, max(n - 1, 0))
    elif mode == "raise":
        if bool(((idx < -n) | (idx >= n)).any()):
            raise IndexError(f"For 'mindspore.numpy.take', an index is out of range for axis {axis} "
                             f"of size {n}.")
        idx = _ops.where(idx < 0, idx + n, idx)
    else:
        raise ValueError(f"For 'mindspore.numpy.take', mode must be 'clip', 'wrap' or 'raise', "
                         f"but got {mode!r}.")
    return _ops.gather(a, idx, axis)


def take_along_axis(arr, indices, axis):
    """The elements of `arr` at `indices` matched along `axis` (the other axes broadcast).

    Args:
        arr (Tensor): The source tensor.
        indices (Tensor): The integer indices, of the number of dimensions of `arr`.
        axis (int): The axis; None works on the flattened tensor.

    Returns:
        Tensor, of the broadcast shape with ``indices.shape[axis]`` along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> i = ms.Tensor([[2, 0], [1, 1]], ms.int32)
        >>> print(mnp.take_along_axis(x, i, 1))
        [[3 1]
         [5 5]]
    """
    arr, idx = _t(arr), _t(indices)
    if axis is None:
        arr, axis = ravel(arr), 0
    if idx.ndim != arr.ndim:
        raise ValueError(f"For 'mindspore.numpy.take_along_axis', indices and arr must have the "
                         f"same number of dimensions, but got {idx.ndim} and {arr.ndim}.")
    axis = _axis_arg("mindspore.numpy.take_along_axis", "axis", axis, arr.ndim)
    n = arr.shape[axis]
    rest = _np.broadcast_shapes(tuple(arr.shape[:axis]) + (1,) + tuple(arr.shape[axis + 1:]),
                                tuple(idx.shape[:axis]) + (1,) + tuple(idx.shape[axis + 1:]))
    arr = _ops.broadcast_to(arr, rest[:axis] + (n,) + rest[axis + 1:])
    idx = _ops.broadcast_to(idx, rest[:axis] + (idx.shape[axis],) + rest[axis + 1:])
    idx = _ops.where(idx < 0, idx + n, idx)
    return _ops.gather_elements(arr, axis, idx)


def diagonal(a, offset=0, axis1=0, axis2=1):
    """The diagonal of `a` in the plane of `axis1` and `axis2`, shifted by `offset`.

    Args:
        a (Tensor): The input tensor, at least 2-D.
        offset (int, optional): The diagonal (above the main one when positive). Default: ``0``.
        axis1 (int, optional): The first axis of the plane. Default: ``0``.
        axis2 (int, optional): The second axis. Default: ``1``.

    Returns:
        Tensor, with the diagonal as its last axis.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.diagonal(x))
        [1 5]
        >>> print(mnp.diagonal(x, 1))
        [2 6]
    """
    return _ops.diagonal(_t(a), offset, axis1, axis2)


def diag(v, k=0):
    """The `k`-th diagonal of a 2-D `v`, or a 2-D tensor with the 1-D `v` on its `k`-th diagonal.

    Args:
        v (Tensor): A 1-D or 2-D tensor.
        k (int, optional): The diagonal (above the main one when positive). Default: ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.diag(v, -1))
        [[0 0 0 0]
         [1 0 0 0]
         [0 2 0 0]
         [0 0 3 0]]
    """
    v = _t(v)
    if v.ndim == 2:
        return _ops.diagonal(v, k, 0, 1)
    if v.ndim != 1:
        raise ValueError(f"For 'mindspore.numpy.diag', the input must be 1-D or 2-D, but got {v.ndim}-D.")
    m = v.shape[0]
    n = m + abs(k)
    padded = concatenate([v, _ops.zeros((abs(k),), v.dtype)], 0) if k else v
    band = eye(n, n, k, v.dtype)
    return band * (padded.reshape(-1, 1) if k >= 0 else padded.reshape(1, -1))


def diagflat(v, k=0):
    """A 2-D tensor with the flattened `v` on its `k`-th diagonal.

    Args:
        v (Tensor): The input tensor.
        k (int, optional): The diagonal (above the main one when positive). Default: ``0``.

    Returns:
        Tensor, 2-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([[1, 2]], ms.int32)
        >>> print(mnp.diagflat(v, 1))
        [[0 1 0]
         [0 0 2]
         [0 0 0]]
    """
    return diag(ravel(_t(v)), k)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None):
    """The sum along a diagonal of `a` (Int64 for integers, Bool for Bool; with `dtype` the
    diagonal is cast first, then summed).

    Args:
        a (Tensor): The input tensor, at least 2-D.
        offset (int, optional): The diagonal. Default: ``0``.
        axis1 (int, optional): The first axis of the plane. Default: ``0``.
        axis2 (int, optional): The second axis. Default: ``1``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, of `a`'s shape without `axis1` and `axis2`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.trace(x))
        6
        >>> print(mnp.trace(x, 1))
        8
    """
    d = _ops.diagonal(_t(a), offset, axis1, axis2)
    if dtype is None and d.dtype == bool_:
        return d.any(-1)  # MindSpore 2.10: a Bool trace is Bool (whether any diagonal value is True)
    return _sum(d, -1, dtype=dtype)  # with `dtype`: cast, then summed


def tril(m, k=0):
    """The lower triangle of `m` (the last two axes; a 1-D `m` is broadcast to a square first).

    Args:
        m (Tensor): The input tensor.
        k (int, optional): The last diagonal kept (above the main one when positive). Default: ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.tril(x))
        [[1 0 0]
         [4 5 0]]
        >>> print(mnp.tril(x, -1))
        [[0 0 0]
         [4 0 0]]
    """
    m = _t(m)
    if m.ndim == 1:
        m = _ops.broadcast_to(m, (m.shape[0], m.shape[0]))
    return _ops.tril(m, k)


def triu(m, k=0):
    """The upper triangle of `m` (the last two axes; a 1-D `m` is broadcast to a square first).

    Args:
        m (Tensor): The input tensor.
        k (int, optional): The first diagonal kept (above the main one when positive). Default: ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.triu(x))
        [[1 2 3]
         [0 5 6]]
        >>> print(mnp.triu(x, 1))
        [[0 2 3]
         [0 0 6]]
    """
    m = _t(m)
    if m.ndim == 1:
        m = _ops.broadcast_to(m, (m.shape[0], m.shape[0]))
    return _ops.triu(m, k)


def tri(N, M=None, k=0, dtype=float32):
    """An ``N x M`` tensor with ones at and below the `k`-th diagonal and zeros elsewhere.

    Args:
        N (int): The number of rows.
        M (int, optional): The number of columns; None means `N`. Default: ``None``.
        k (int, optional): The diagonal (above the main one when positive). Default: ``0``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``mstype.float32``.

    Returns:
        Tensor of shape ``(N, M)``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.tri(3, 2, -1))
        [[0. 0.]
         [1. 0.]
         [1. 1.]]
    """
    M = N if M is None else M
    return _ops.tril(ones((N, M), int32), k).astype(_dtype(dtype))


def pad(arr, pad_width, mode='constant', stat_length=None, constant_values=0, end_values=0,
        reflect_type='even', **kwargs):
    """`arr` padded on every axis by `pad_width` values chosen by `mode`, as NumPy pads (the axes
    in turn, so corners take values from the axes padded before).

    Args:
        arr (Tensor): The input tensor.
        pad_width (Union[int, tuple]): ``((before_1, after_1), ...)``, ``(before, after)`` or ``n``
            for every axis.
        mode (str, optional): ``'constant'``, ``'edge'``, ``'reflect'``, ``'symmetric'``,
            ``'wrap'``, ``'maximum'``, ``'minimum'``, ``'mean'`` (an integer mean truncated, as
            MindSpore 2.10's), ``'linear_ramp'`` or ``'empty'`` (zeros here); ``'median'`` raises
            NotImplementedError, as in MindSpore. Default: ``'constant'``.
        stat_length (Union[int, tuple], optional): How many edge values the statistic modes use
            (``((before_1, after_1), ...)``, ``(before, after)`` or ``n``); None means all.
            Default: ``None``.
        constant_values (Union[number, tuple], optional): The fill values of ``'constant'``.
            Default: ``0``.
        end_values (Union[number, tuple], optional): The values the ``'linear_ramp'`` ramps start
            from at the outer ends. Default: ``0``.
        reflect_type (str, optional): ``'even'`` (a plain mirror) or ``'odd'`` (``2 * edge``
            minus the mirror) for ``'reflect'`` and ``'symmetric'``. Default: ``'even'``.
        **kwargs (dict): Ignored, as MindSpore does.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.pad(v, (1, 2), constant_values=(7, 8)))
        [7 1 2 3 8 8]
        >>> print(mnp.pad(v, 2, mode='reflect'))
        [3 2 1 2 3 2 1]
        >>> print(mnp.pad(v, 2, mode='maximum'))
        [3 3 1 2 3 3 3]
        >>> print(mnp.pad(v, 2, mode='reflect', reflect_type='odd'))
        [-1  0  1  2  3  4  5]
    """
    arr = _t(arr)
    widths = _pairs("pad_width", pad_width, arr.ndim)
    if (widths < 0).any():
        raise ValueError(f"For 'mindspore.numpy.pad', pad_width must be non-negative, but got "
                         f"{pad_width}.")
    if mode not in _PAD_MODES:
        if mode == "median":
            raise NotImplementedError("For 'mindspore.numpy.pad', mode 'median' is not "
                                      "implemented (MindSpore 2.10 does not support it either).")
        raise ValueError(f"For 'mindspore.numpy.pad', mode {mode!r} is not supported.")
    if reflect_type not in ("even", "odd"):
        raise ValueError(f"For 'mindspore.numpy.pad', reflect_type must be 'even' or 'odd', but "
                         f"got {reflect_type!r}.")
    values = _pairs("constant_values", 0 if mode == "empty" else constant_values, arr.ndim)
    ends = _pairs("end_values", end_values, arr.ndim)
    lengths = _lengths(stat_length, arr.ndim)
    for axis, (before, after) in enumerate(widths.tolist()):
        if before == 0 and after == 0:
            continue
        if mode in ("constant", "empty"):
            shape = list(arr.shape)
            parts = []
            for width, value in ((before, values[axis][0]), (after, values[axis][1])):
                shape[axis] = width
                parts.append(full(tuple(shape), value.item(), arr.dtype))
            arr = concatenate([parts[0], arr, parts[1]], axis)
            continue
        if arr.shape[axis] == 0:
            raise ValueError(f"For 'mindspore.numpy.pad', mode {mode!r} cannot pad an empty axis.")
        if mode in ("maximum", "minimum", "mean"):
            arr = _padding.stat_pad(arr, axis, (before, after), lengths[axis], mode)
        elif mode == "linear_ramp":
            arr = _padding.ramp_pad(arr, axis, (before, after), ends[axis].tolist())
        elif reflect_type == "odd" and mode in ("reflect", "symmetric"):
            arr = _padding.odd_reflect_pad(arr, axis, (before, after), mode == "symmetric")
        else:
            index = _np.pad(_np.arange(arr.shape[axis]), (before, after), mode=mode)
            arr = _ops.gather(arr, Tensor(index.astype(_np.int32)), axis)
    return arr


_PAD_MODES = ("constant", "edge", "reflect", "symmetric", "wrap", "maximum", "minimum", "mean",
              "linear_ramp", "empty")


def _pairs(name, value, ndim):
    """`pad`'s per-axis ``(before, after)`` pairs of `value` (a number, a pair or one per axis)."""
    pairs = _np.asarray(value.asnumpy() if isinstance(value, Tensor) else value)
    if pairs.dtype.kind not in "biufc":
        raise TypeError(f"For 'mindspore.numpy.pad', {name} must be numbers, but got "
                        f"{value!r:.80}.")
    try:
        pairs = _np.broadcast_to(pairs, (ndim, 2))
    except ValueError:
        raise ValueError(f"For 'mindspore.numpy.pad', {name} {value!r:.80} cannot be broadcast to "
                         f"({ndim}, 2).") from None
    return pairs.astype(_np.int64) if name == "pad_width" else pairs


def _lengths(stat_length, ndim):
    """`stat_length` as per-axis pairs of non-negative ints (None: the whole axis)."""
    if stat_length is None:
        return [(None, None)] * ndim
    pairs = _np.round(_pairs("stat_length", stat_length, ndim)).astype(_np.int64)
    if (pairs < 0).any():
        raise ValueError(f"For 'mindspore.numpy.pad', stat_length must be non-negative, but got "
                         f"{stat_length}.")
    return [tuple(p) for p in pairs.tolist()]

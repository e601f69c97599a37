"""The padding modes of ``mindspore.numpy.pad`` that compute new values along one axis (the
others gather the input's own elements): the statistics ``'maximum'``, ``'minimum'`` and
``'mean'`` (over `stat_length` edge values), ``'linear_ramp'`` (towards `end_values`) and the
``reflect_type='odd'`` reflections. Each pads one axis; ``pad`` calls them axis after axis, so
the corners take values computed from the axes padded before, as NumPy's (and MindSpore 2.10's)."""
from .. import ops as _ops
from ..common.dtype import float16, float32, float64
from . import _t, amax, amin, concatenate, mean


def _along(axis, index):
    """An index tuple selecting `index` (a slice) along `axis`."""
    return (slice(None),) * axis + (index,)


def _join(before, arr, after, axis):
    return concatenate([p for p in (before, arr, after) if p.shape[axis]], axis)


def _block(value, arr, axis, width):
    """`value` (`arr`'s shape with 1 along `axis`) repeated `width` times along `axis`."""
    shape = list(arr.shape)
    shape[axis] = width
    return _ops.broadcast_to(value, tuple(shape))


def stat_pad(arr, axis, widths, lengths, mode):
    """`arr` padded along `axis` by ``widths = (before, after)`` copies of the maximum, minimum
    or mean (``mode``) of its first and last ``lengths`` values along `axis` (None: all; an
    integer mean truncated, as mindspore.numpy's ``mean``)."""
    n = arr.shape[axis]
    lo, hi = (n if k is None or k > n else k for k in lengths)
    if 0 in (lo, hi) and mode != "mean":
        raise ValueError("For 'mindspore.numpy.pad', stat_length of 0 yields no value for padding.")
    stat = {"maximum": amax, "minimum": amin, "mean": mean}[mode]
    left = stat(arr[_along(axis, slice(0, lo))], axis, keepdims=True)
    right = stat(arr[_along(axis, slice(n - hi, n))], axis, keepdims=True)
    return _join(_block(left, arr, axis, widths[0]), arr, _block(right, arr, axis, widths[1]), axis)


def ramp_pad(arr, axis, widths, ends):
    """`arr` padded along `axis` by linear ramps from ``ends = (before, after)`` towards its
    edge values (NumPy's ``linspace(end, edge, width, endpoint=False)``; floored for integers)."""
    n = arr.shape[axis]
    floats = arr.dtype in (float16, float32, float64)
    work = arr if floats else arr.astype(float64)
    ramps = []
    for width, end, edge in zip(widths, ends, (work[_along(axis, slice(0, 1))],
                                               work[_along(axis, slice(n - 1, n))])):
        shape = [1] * arr.ndim
        shape[axis] = width
        t = (_ops.arange(0, width, 1, dtype=work.dtype) / max(width, 1)).reshape(tuple(shape))
        ramp = end + (edge - end) * t
        ramps.append(ramp if floats else _ops.floor(ramp).astype(arr.dtype))
    after = ramps[1][_along(axis, slice(None, None, -1))]
    return _join(_block(ramps[0], arr, axis, widths[0]), arr,
                 _block(after, arr, axis, widths[1]), axis)


def odd_reflect_pad(arr, axis, widths, symmetric):
    """`arr` padded along `axis` by its odd reflection (``2 * edge - mirrored value``), chunk by
    chunk as NumPy's ``_set_reflect_both`` does: each chunk mirrors the array padded so far, so
    a pad wider than the array continues the trend. A length-1 axis repeats its value."""
    period = arr.shape[axis]
    before, after = widths
    if period == 1:
        return _join(_block(arr, arr, axis, before), arr, _block(arr, arr, axis, after), axis)
    while before or after:
        n = arr.shape[axis]
        if symmetric:  # the edge value is mirrored too
            old, offset = n // period * period, 1
        else:
            old, offset = (n - 1) // (period - 1) * (period - 1), 0
        left = right = arr[_along(axis, slice(0, 0))]
        if before:
            k = min(old, before)
            idx = _t(list(range(k - offset, -offset, -1)))
            left = 2 * arr[_along(axis, slice(0, 1))] - _ops.gather(arr, idx, axis)
            before -= k
        if after:
            k = min(old, after)
            idx = _t(list(range(n + offset - 2, n + offset - 2 - k, -1)))
            right = 2 * arr[_along(axis, slice(n - 1, n))] - _ops.gather(arr, idx, axis)
            after -= k
        arr = _join(left, arr, right, axis)
    return arr

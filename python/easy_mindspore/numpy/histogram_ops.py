"""``mindspore.numpy`` histograms, NaN-skipping cumulative sums, ``select`` and ``sometrue``
(MindSpore 2.10's ``math_ops``, ``array_ops`` and ``logic_ops``).

MindSpore 2.10's rules: histogram counts and computed bin edges are Float32 (NumPy: Int64 counts
and Float64 edges), given edges keep their dtype (Int32 for a list of ints, as NumPy keeps it); a constant input gets the range ``(value - 0.5, value + 0.5)`` as in NumPy;
``nancumsum`` keeps an integer dtype. ``select`` gives the promoted dtype of its choices here
(MindSpore 2.10 narrows Int64 choices to Int32).
"""
import builtins as _builtins

import numpy as _np

from .. import ops as _ops
from ..common.dtype import bool_, float16, float32, float64
from ..tensor import Tensor
from . import _axis, _t, arange, asarray, cumsum, ravel, where

__all__ = [
    "histogramdd",
    "histogram2d",
    "histogram_bin_edges",
    "histogram",
    "nancumsum",
    "select",
    "sometrue",
]


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    """The bin edges ``histogram`` uses: Float32 when computed, `bins` itself (as a tensor of its
    dtype) when it lists them.

    Args:
        a (Tensor): The input data (flattened).
        bins (Union[int, Tensor]): The number of equal-width bins, or the increasing bin edges. Default: ``10``.
        range (tuple[float], optional): The lower and upper range of the bins; None means the data's minimum and maximum. Default: ``None``.
        weights (Tensor, optional): A weight for each value of `a`. Default: ``None``.

    Returns:
        Tensor, 1-D (Float32 unless `bins` lists the edges).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 1.0, 4.0, 2.5], ms.float32)
        >>> print(mnp.histogram_bin_edges(x, bins=4))
        [1.   1.75 2.5  3.25 4.  ]
    """
    a = ravel(_t(a)).astype(float32)
    if isinstance(bins, Tensor) or not isinstance(bins, int):
        if isinstance(bins, bool) or not isinstance(bins, (Tensor, list, tuple, _np.ndarray)):
            raise TypeError(f"For 'mindspore.numpy.histogram_bin_edges', bins must be an int or a "
                            f"sequence of edges, but got {type(bins).__name__}.")  # 1.5 came back
        return asarray(bins)  # the given edges, of their dtype (Int32 for ints), as NumPy
    if bins <= 0:
        raise ValueError(f"For 'mindspore.numpy.histogram_bin_edges', bins must be positive, but "
                         f"got {bins}.")
    if range is not None:
        lo, hi = float(range[0]), float(range[1])
        if lo > hi:
            raise ValueError(f"For 'mindspore.numpy.histogram_bin_edges', the range must be "
                             f"increasing, but got {range}.")
        range = (lo, hi)
    # NumPy's own edges for the data's Float32 values: a constant input's range (value - 0.5,
    # value + 0.5) is rounded to Float32 before the edges are spaced, which moves the middle edge
    # off the value (computed in Float64 here, the value fell in the upper bin where NumPy puts
    # it in the lower one).
    host = a.asnumpy()
    if range is None and host.size and not _np.isfinite(host).all():
        raise ValueError("For 'mindspore.numpy.histogram_bin_edges', the data's range "
                         f"[{host.min()}, {host.max()}] is not finite.")
    return Tensor(_np.histogram_bin_edges(host, bins, range).astype(_np.float32))


def histogram(a, bins=10, range=None, weights=None, density=False):
    """The histogram of `a`: the (weighted) count in each bin, and the bin edges.

    Args:
        a (Tensor): The input data (flattened).
        bins (Union[int, Tensor]): The number of equal-width bins, or the increasing bin edges. Default: ``10``.
        range (tuple[float], optional): The lower and upper range of the bins; None means the data's minimum and maximum. Default: ``None``.
        weights (Tensor, optional): A weight for each value of `a`. Default: ``None``.
        density (bool, optional): Whether to normalize the counts into a probability density. Default: ``False``.

    Returns:
        tuple ``(counts, edges)``: Float32 counts, and edges as ``histogram_bin_edges`` gives.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 1.0, 4.0, 2.5], ms.float32)
        >>> counts, edges = mnp.histogram(x, bins=3)
        >>> print(counts)
        [2. 2. 1.]
        >>> print(edges)
        [1. 2. 3. 4.]
    """
    given = histogram_bin_edges(a, bins, range)
    edges = given.astype(float32)
    values = ravel(_t(a)).astype(float32)
    n = edges.shape[0] - 1
    lo, hi = edges[0], edges[-1]
    index = _ops.searchsorted(edges, values, right=True).astype(float32) - 1
    index = where(values == hi, Tensor(float(n - 1)), index)
    inside = _ops.logical_and(values >= lo, values <= hi)
    w = _ops.ones_like(values) if weights is None else ravel(_t(weights)).astype(float32)
    w = where(inside, w, _ops.zeros_like(w))
    onehot = (index.reshape(-1, 1) == arange(n).astype(float32)).astype(float32)
    counts = (onehot * w.reshape(-1, 1)).sum(axis=0)
    if density:
        counts = counts / (counts.sum() * (edges[1:] - edges[:-1]))
    return counts, given


def nancumsum(a, axis=None, dtype=None):
    """The cumulative sum along `axis` treating NaNs as zero (of the flattened `a` when None).

    Args:
        a (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, float('nan')], [3.0, 4.0]], ms.float32)
        >>> print(mnp.nancumsum(x))
        [1. 1. 4. 8.]
        >>> print(mnp.nancumsum(x, axis=0))
        [[1. 0.]
         [4. 4.]]
    """
    a = _t(a)
    if a.dtype in (float16, float32, float64):
        a = where(_ops.isnan(a), _ops.zeros_like(a), a)
    return cumsum(a, axis, dtype)


def select(condlist, choicelist, default=0):
    """For each element, the value from the first choice whose condition is true (`default` where none is).

    Args:
        condlist (Union[list[Tensor], tuple[Tensor], Tensor]): Bool conditions (a Tensor: one
            per row along its first axis).
        choicelist (Union[list[Tensor], tuple[Tensor], Tensor]): The choices, one per condition.
        default (Union[number, Tensor], optional): The value where no condition holds. Default: ``0``.

    Returns:
        Tensor, of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> c1 = ms.Tensor([True, False, False])
        >>> c2 = ms.Tensor([True, True, False])
        >>> x1 = ms.Tensor([1, 2, 3], ms.int32)
        >>> x2 = ms.Tensor([4, 5, 6], ms.int32)
        >>> print(mnp.select([c1, c2], [x1, x2], 9))
        [1 5 9]
    """
    # A Tensor is a list of its rows along axis 0 (as NumPy reads an array here).
    if isinstance(condlist, Tensor):
        condlist = [condlist[i] for i in range(condlist.shape[0])] if condlist.ndim else [condlist]
    if isinstance(choicelist, Tensor):
        choicelist = [choicelist[i] for i in range(choicelist.shape[0])] if choicelist.ndim \
            else [choicelist]
    if len(condlist) != len(choicelist):
        raise ValueError(f"For 'mindspore.numpy.select', condlist and choicelist must have the same "
                         f"length, but got {len(condlist)} and {len(choicelist)}.")
    choices = [_t(c) for c in choicelist]
    if not choices:
        raise ValueError("For 'mindspore.numpy.select', choicelist must not be empty.")
    out = default if isinstance(default, Tensor) else Tensor(default, choices[0].dtype)
    for cond, choice in zip(reversed(condlist), reversed(choices)):
        cond = _t(cond)
        out = where(cond if cond.dtype == bool_ else cond != 0, choice, out)
    return out


def sometrue(a, axis=None, keepdims=False):
    """Whether any element over `axis` is true (nonzero).

    Args:
        a (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        keepdims (bool, optional): Whether to keep the reduced axes as size 1. Default: ``False``.

    Returns:
        Tensor of Bool.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[0, 1], [0, 0]], ms.int32)
        >>> print(mnp.sometrue(x))
        True
        >>> print(mnp.sometrue(x, axis=1))
        [ True False]
    """
    a = _t(a)
    truth = a if a.dtype == bool_ else a != Tensor(0, a.dtype)
    return truth.any(axis=_axis(axis), keep_dims=keepdims)


_builtins_range = _builtins.range


def histogramdd(sample, bins=10, range=None, weights=None, density=False):
    """The multidimensional histogram of `sample`: the (weighted) count in each cell, and the edges.

    Args:
        sample (Union[Tensor, list[Tensor]]): ``(N, D)`` points, or D tensors of N coordinates.
        bins (Union[int, list]): The number of bins (one for all dimensions or one per
            dimension), or the edges per dimension. Default: ``10``.
        range (list[tuple[float]], optional): The ``(lower, upper)`` range per dimension; None
            means the data's. Default: ``None``.
        weights (Tensor, optional): A weight for each point. Default: ``None``.
        density (bool, optional): Whether to normalize the counts into a probability density.
            Default: ``False``.

    Returns:
        tuple ``(counts, edges)``: a Float32 Tensor with one axis per dimension, and a list of
        the D edge tensors (as ``histogram_bin_edges`` gives them).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> points = ms.Tensor([[1.0, 0.0], [2.0, 1.0], [1.0, 1.0], [4.0, 3.0]], ms.float32)
        >>> counts, edges = mnp.histogramdd(points, bins=2)
        >>> print(counts)
        [[3. 0.]
         [0. 1.]]
        >>> print(edges[1])
        [0.  1.5 3. ]
    """
    if isinstance(sample, (list, tuple)):
        columns = [ravel(_t(c)).astype(float32) for c in sample]
    else:
        points = _t(sample).astype(float32)
        if points.ndim != 2:
            raise ValueError(f"For 'mindspore.numpy.histogramdd', the sample must be (N, D), but "
                             f"got shape {tuple(points.shape)}.")
        columns = [points[:, d] for d in _builtins_range(points.shape[1])]
    dims = len(columns)
    if isinstance(bins, Tensor) and bins.ndim == 2:
        bins = [bins[i] for i in _builtins.range(bins.shape[0])]  # one row of edges per dimension
    bins_list = list(bins) if isinstance(bins, (list, tuple)) else [bins] * dims
    ranges = list(range) if range is not None else [None] * dims
    if len(bins_list) != dims or len(ranges) != dims:
        raise ValueError(f"For 'mindspore.numpy.histogramdd', bins and range must have one entry "
                         f"per dimension ({dims}).")
    given = [histogram_bin_edges(c, b, r) for c, b, r in zip(columns, bins_list, ranges)]
    edges = [e.astype(float32) for e in given]
    w = _ops.ones_like(columns[0]) if weights is None else ravel(_t(weights)).astype(float32)
    flat = _ops.zeros_like(columns[0])
    sizes = []
    for c, e in zip(columns, edges):
        n = e.shape[0] - 1
        index = _ops.searchsorted(e, c, right=True).astype(float32) - 1
        index = where(c == e[-1], Tensor(float(n - 1)), index)
        inside = _ops.logical_and(c >= e[0], c <= e[-1])
        w = where(inside, w, _ops.zeros_like(w))
        flat = flat * n + index.clip(0, n - 1)
        sizes.append(n)
    cells = 1
    for n in sizes:
        cells *= n
    onehot = (flat.reshape(-1, 1) == arange(cells).astype(float32)).astype(float32)
    counts = (onehot * w.reshape(-1, 1)).sum(axis=0).reshape(tuple(sizes))
    if density:
        volume = None
        for d, e in enumerate(edges):
            shape = [1] * dims
            shape[d] = sizes[d]
            width = (e[1:] - e[:-1]).reshape(tuple(shape))
            volume = width if volume is None else volume * width
        counts = counts / (counts.sum() * volume)
    return counts, given


def histogram2d(x, y, bins=10, range=None, weights=None, density=False):
    """The two-dimensional histogram of the points (`x`, `y`).

    Args:
        x (Tensor): The first coordinates.
        y (Tensor): The second coordinates.
        bins (Union[int, list]): As in ``histogramdd``. Default: ``10``.
        range (list[tuple[float]], optional): The ranges of `x` and `y`. Default: ``None``.
        weights (Tensor, optional): A weight for each point. Default: ``None``.
        density (bool, optional): Whether to normalize into a probability density.
            Default: ``False``.

    Returns:
        tuple ``(counts, x_edges, y_edges)``: Float32 counts, and edges as
        ``histogram_bin_edges`` gives.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 1.0, 4.0], ms.float32)
        >>> y = ms.Tensor([0.0, 1.0, 1.0, 3.0], ms.float32)
        >>> counts, xe, ye = mnp.histogram2d(x, y, bins=2)
        >>> print(counts)
        [[3. 0.]
         [0. 1.]]
    """
    counts, edges = histogramdd([x, y], bins, range, weights, density)
    return counts, edges[0], edges[1]

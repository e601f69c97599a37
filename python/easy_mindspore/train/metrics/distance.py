"""``HausdorffDistance``, ``MeanSurfaceDistance`` and ``RootMeanSquareDistance``: distances between
the surfaces of two masks, a label's pixels in a predicted and in a true segmentation (NumPy, on
the host, for the last batch given to ``update``).

A mask's surface is its pixels with a neighbour across a face (the cross-shaped element) outside
the mask or off the image: the mask minus its binary erosion with the border counting as outside.
The distance of a point to a surface comes from a distance transform of that surface: exact
Euclidean, taxicab (L1) or chessboard (L∞). The transform runs one axis at a time, vectorised
over the other axes: the nearest surface pixel along the first axis by two cumulative scans, then
for each further axis the minimum over offsets ``d`` of the partial distance ``d`` away plus the
step ``d`` (``d²`` for squared Euclidean distances, ``max`` for chessboard), stopping at the first
offset whose step alone reaches the largest distance found: O(pixels × largest distance).
"""
import numpy as np

from ..._errors import ComputeError, DTypeError, ShapeError
from .metric import Metric, rearrange_inputs

__all__ = ["HausdorffDistance", "MeanSurfaceDistance", "RootMeanSquareDistance"]

_METRICS = ("euclidean", "chessboard", "taxicab")

# How a partial distance ``f`` grows by an offset ``d`` along one more axis.
_STEPS = {
    "euclidean": lambda f, d: f + d * d,  # on squared distances
    "taxicab": lambda f, d: f + d,
    "chessboard": np.maximum,
}


def _surface(mask):
    """The pixels of the bool array ``mask`` that have a face neighbour outside it (or off the
    image): ``mask`` minus its erosion by the cross (``scipy.ndimage.binary_erosion``'s default)."""
    if mask.ndim == 0:  # no neighbours: the erosion keeps the pixel, no surface
        return np.zeros_like(mask)
    padded = np.pad(mask, 1)  # the outside is background
    inner = mask.copy()
    centre = [slice(1, -1)] * mask.ndim
    for axis in range(mask.ndim):
        for side in (slice(None, -2), slice(2, None)):
            window = list(centre)
            window[axis] = side
            inner &= padded[tuple(window)]
    return mask & ~inner


def _along_first_axis(feature):
    """``|i − j|`` from each pixel to the nearest feature pixel ``j`` on its line along axis 0
    (inf on lines without one), as float64."""
    n = feature.shape[0]
    pos = np.arange(n, dtype=np.float64).reshape((n,) + (1,) * (feature.ndim - 1))
    before = np.maximum.accumulate(np.where(feature, pos, -np.inf), axis=0)
    after = np.minimum.accumulate(np.where(feature, pos, np.inf)[::-1], axis=0)[::-1]
    return np.minimum(pos - before, after - pos)


def _spread(f, axis, step):
    """``min over d of step(f[i ± d], d)`` along ``axis``: the partial distances ``f`` over the
    axes before ``axis`` extended to it. ``step(0, d)`` bounds what offset ``d`` can give, so the
    loop ends once it reaches every finite distance (lines of ``f`` all inf stay inf). That
    largest distance only falls, so it is read again at powers of two and when reached."""
    n = f.shape[axis]
    out = f.copy()
    hopeless = np.isinf(f).all(axis=axis, keepdims=True)
    near, far = [slice(None)] * f.ndim, [slice(None)] * f.ndim
    largest = np.inf
    for d in range(1, n):
        if d & (d - 1) == 0 or step(0.0, d) >= largest:
            largest = np.where(hopeless, -np.inf, out).max()
            if step(0.0, d) >= largest:
                break
        near[axis], far[axis] = slice(None, n - d), slice(d, None)
        lo, hi = tuple(near), tuple(far)
        np.minimum(out[hi], step(f[lo], d), out=out[hi])
        np.minimum(out[lo], step(f[hi], d), out=out[lo])
    return out


def _distance_map(surface, metric):
    """Each pixel's distance to the nearest pixel of ``surface`` (not empty): float64 for
    ``'euclidean'``, int32 for ``'taxicab'`` and ``'chessboard'`` (the dtypes of
    ``scipy.ndimage.distance_transform_edt`` and ``distance_transform_cdt``)."""
    f = _along_first_axis(surface)
    if metric == "euclidean":
        f = f * f
    for axis in range(1, surface.ndim):
        f = _spread(f, axis, _STEPS[metric])
    return np.sqrt(f) if metric == "euclidean" else f.astype(np.int32)


def _surface_distances(source, target, metric):
    """The distance from each pixel of the surface ``source`` to the surface ``target``: empty
    when ``source`` is, inf each when ``target`` is."""
    if not source.any():
        return np.array([])
    if not target.any():
        return np.full(int(source.sum()), np.inf)
    return _distance_map(target, metric)[source]


def _check_type(op, name, value, kind):
    if isinstance(value, bool) != (kind is bool) or not isinstance(value, kind):
        raise DTypeError(f"For '{op}', the type of '{name}' should be '{kind.__name__}', but got "
                         f"type '{type(value).__name__}'.")
    return value


def _check_metric(op, distance_metric):
    _check_type(op, "distance_metric", distance_metric, str)
    if distance_metric not in _METRICS:
        raise ShapeError(f"For '{op}', the 'distance_metric' must be str and must be in "
                         f"{list(_METRICS)}, but got '{distance_metric}'.")
    return distance_metric


def _masks(metric, inputs, keep_bools):
    """``update(y_pred, y, label_idx)``'s inputs as the two masks ``== label_idx`` (bool inputs
    are masks already when ``keep_bools``)."""
    op = f"{type(metric).__name__}.update"
    if len(inputs) != 3:
        raise ShapeError(f"For '{op}', it needs 3 inputs (predicted value, true value, label "
                         f"index), but got {len(inputs)}.")
    y_pred, y = metric._convert_data(inputs[0]), metric._convert_data(inputs[1])
    label = inputs[2]
    if not isinstance(label, (int, float)):
        raise DTypeError(f"For '{op}', the label index (input[2]) must be int or float, but got "
                         f"{type(label).__name__}.")
    if not (np.any(y_pred == label) or np.any(y == label)):
        raise ShapeError(f"For '{op}', the label index (input[2]) must be in predicted value "
                         f"(input[0]) or true value (input[1]), but {label} is not.")
    if y_pred.size == 0 or y_pred.shape != y.shape:
        raise ShapeError(f"For '{op}', the size of predicted value (input[0]) and true value "
                         "(input[1]) must be greater than 0, in addition to that, predicted value "
                         f"and true value should have the same shape, but got predicted value "
                         f"size: {y_pred.size}, shape: {y_pred.shape}, true value size: {y.size}, "
                         f"shape: {y.shape}.")
    if not (keep_bools and y_pred.dtype == bool):
        y_pred = y_pred == label
    if not (keep_bools and y.dtype == bool):
        y = y == label
    return y_pred, y


def _not_updated(op):
    return ComputeError(f"For '{op}.eval', please call the 'update' method before calling 'eval' "
                        "method.")


class HausdorffDistance(Metric):
    """``HausdorffDistance(distance_metric='euclidean', percentile=None, directed=False,
    crop=True)``: ``max(h(y_pred, y), h(y, y_pred))`` (``h(y_pred, y)`` alone when ``directed``),
    ``h(A, B)`` the largest distance from a surface pixel of ``A`` to the surface of ``B`` (its
    ``percentile``-th percentile when given). An empty surface makes the distance ``inf``.

    ``update(y_pred, y, label_idx)`` takes the masks ``y_pred == label_idx`` and ``y ==
    label_idx`` (also of bool inputs). ``crop`` computes on the bounding box of ``y_pred | y``
    only, with the same result; MindSpore 2.10 also squeezes the box's axes of length 1 there,
    which changes the surface of a flat object and gives ``inf`` for two identical one-pixel
    masks: we keep the axes (the documented bounding box). ``percentile=0.0`` is the 0th
    percentile (MindSpore 2.10 gives the maximum, as for ``None``).

    Args:
        distance_metric (str, optional): ``'euclidean'``, ``'chessboard'`` or ``'taxicab'``.
            Default: ``'euclidean'``.
        percentile (float, optional): A percentile in [0, 100] in place of the maximum.
            Default: ``None``.
        directed (bool, optional): Whether to give ``h(y_pred, y)`` only. Default: ``False``.
        crop (bool, optional): Whether to compute on the masks' bounding box. Default: ``True``.

    Outputs:
        ``eval()`` returns a ``numpy.float64`` (``numpy.int32`` for ``'chessboard'`` and
        ``'taxicab'`` without ``percentile``), or the float ``inf``.

    Raises:
        TypeError: an argument of the wrong type; a `label_idx` not an int or float.
        ValueError: an unknown `distance_metric`, `percentile` out of [0, 100]; not 3 inputs,
            inputs of different shapes or empty, a `label_idx` in neither input.
        RuntimeError: ``eval`` before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore import Tensor
        >>> from mindspore.train import HausdorffDistance
        >>> x = Tensor(np.array([[3, 0, 1], [1, 3, 0], [1, 0, 2]]))
        >>> y = Tensor(np.array([[0, 2, 1], [1, 2, 1], [0, 0, 1]]))
        >>> metric = HausdorffDistance()
        >>> metric.clear()
        >>> metric.update(x, y, 0)
        >>> print(metric.eval())
        1.4142135623730951
    """

    def __init__(self, distance_metric="euclidean", percentile=None, directed=False, crop=True):
        super().__init__()
        self.distance_metric = _check_metric("HausdorffDistance", distance_metric)
        if percentile is not None:
            _check_type("HausdorffDistance", "percentile", percentile, float)
            if not 0 <= percentile <= 100:
                raise ShapeError("For 'HausdorffDistance', the value of the argument 'percentile' "
                                 f"must be [0, 100], but got {percentile}.")
        self.percentile = percentile
        # None reads as False, as in MindSpore 2.10
        self.directed = bool(directed is not None
                             and _check_type("HausdorffDistance", "directed", directed, bool))
        self.crop = bool(crop is not None and _check_type("HausdorffDistance", "crop", crop, bool))
        self.clear()

    def clear(self):
        """Forgets the last batch."""
        self.y_pred_edges, self.y_edges = None, None
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        """Takes a batch ``update(y_pred, y, label_idx)``; the distance is of this batch alone."""
        y_pred, y = _masks(self, inputs, keep_bools=False)
        if self.crop and y_pred.ndim and (y_pred | y).any():
            box = tuple(slice(i.min(), i.max() + 1) for i in np.nonzero(y_pred | y))
            y_pred, y = y_pred[box], y[box]
        self.y_pred_edges, self.y_edges = _surface(y_pred), _surface(y)
        self._is_update = True

    def _directed(self, source, target):
        distances = _surface_distances(source, target, self.distance_metric)
        if distances.size == 0:
            return np.inf
        if self.percentile is None:
            return distances.max()
        return np.percentile(distances, self.percentile)

    def eval(self):
        """The (directed) Hausdorff distance of the last batch."""
        if not self._is_update:
            raise _not_updated("HausdorffDistance")
        forward = self._directed(self.y_pred_edges, self.y_edges)
        if self.directed:
            return forward
        return max(forward, self._directed(self.y_edges, self.y_pred_edges))


class _SurfaceMean(Metric):
    """Shared by ``MeanSurfaceDistance`` and ``RootMeanSquareDistance``: the masks' surfaces of
    the last batch and the distances between them."""

    def __init__(self, symmetric=False, distance_metric="euclidean"):
        super().__init__()
        name = type(self).__name__
        self.distance_metric = _check_metric(name, distance_metric)
        self.symmetric = _check_type(name, "symmetric", symmetric, bool)
        self.clear()

    def clear(self):
        """Forgets the last batch."""
        self._y_pred_edges, self._y_edges = None, None
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        """Takes a batch ``update(y_pred, y, label_idx)``; the distance is of this batch alone."""
        y_pred, y = _masks(self, inputs, keep_bools=True)
        self._y_pred_edges, self._y_edges = _surface(y_pred), _surface(y)
        self._is_update = True

    def _distances(self):
        """The distances (float64) from ``y_pred``'s surface pixels to ``y``'s surface, and with
        ``symmetric`` the reverse ones as a second array; None when a surface they start from
        is empty."""
        if not self._is_update:
            raise _not_updated(type(self).__name__)
        pairs = [(self._y_pred_edges, self._y_edges)]
        if self.symmetric:
            pairs.append((self._y_edges, self._y_pred_edges))
        parts = [_surface_distances(a, b, self.distance_metric) for a, b in pairs]
        if any(p.size == 0 for p in parts):
            return None
        return [p.astype(np.float64) for p in parts]

    def eval(self):
        raise NotImplementedError


class MeanSurfaceDistance(_SurfaceMean):
    """``MeanSurfaceDistance(symmetric=False, distance_metric='euclidean')``: the mean distance
    from the surface pixels of ``y_pred`` to the surface of ``y``; with ``symmetric``, the
    average of that mean and the reverse one (from ``y``'s surface to ``y_pred``'s), as
    MindSpore 2.10 computes it. An empty surface gives ``inf``.

    ``update(y_pred, y, label_idx)`` takes the masks ``y_pred == label_idx`` and ``y ==
    label_idx``; bool inputs are taken as the masks.

    Args:
        symmetric (bool, optional): Whether to measure both ways. Default: ``False``.
        distance_metric (str, optional): ``'euclidean'``, ``'chessboard'`` or ``'taxicab'``.
            Default: ``'euclidean'``.

    Outputs:
        ``eval()`` returns a ``numpy.float64``, or the float ``inf``.

    Raises:
        TypeError: an argument of the wrong type; a `label_idx` not an int or float.
        ValueError: an unknown `distance_metric`; not 3 inputs, inputs of different shapes or
            empty, a `label_idx` in neither input.
        RuntimeError: ``eval`` before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore import Tensor
        >>> from mindspore.train import MeanSurfaceDistance
        >>> x = Tensor(np.array([[3, 0, 1], [1, 3, 0], [1, 0, 2]]))
        >>> y = Tensor(np.array([[0, 2, 1], [1, 2, 1], [0, 0, 1]]))
        >>> metric = MeanSurfaceDistance(symmetric=False, distance_metric="euclidean")
        >>> metric.clear()
        >>> metric.update(x, y, 0)
        >>> print(metric.eval())
        0.8047378541243649
    """

    def eval(self):
        """The mean surface distance of the last batch."""
        parts = self._distances()
        if parts is None:
            return np.inf
        return parts[0].mean() if len(parts) == 1 else (parts[0].mean() + parts[1].mean()) / 2


class RootMeanSquareDistance(_SurfaceMean):
    """``RootMeanSquareDistance(symmetric=False, distance_metric='euclidean')``, as MindSpore 2.10
    computes it: the mean square of the distances from the surface pixels of ``y_pred`` to the
    surface of ``y`` (no square root); with ``symmetric``, the square root of the average of
    that mean square and the reverse one (from ``y``'s surface to ``y_pred``'s). An empty
    surface gives ``inf``.

    ``update(y_pred, y, label_idx)`` takes the masks ``y_pred == label_idx`` and ``y ==
    label_idx``; bool inputs are taken as the masks.

    Args:
        symmetric (bool, optional): Whether to measure both ways. Default: ``False``.
        distance_metric (str, optional): ``'euclidean'``, ``'chessboard'`` or ``'taxicab'``.
            Default: ``'euclidean'``.

    Outputs:
        ``eval()`` returns a ``numpy.float64``, or the float ``inf``.

    Raises:
        TypeError: an argument of the wrong type; a `label_idx` not an int or float.
        ValueError: an unknown `distance_metric`; not 3 inputs, inputs of different shapes or
            empty, a `label_idx` in neither input.
        RuntimeError: ``eval`` before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore import Tensor
        >>> from mindspore.train import RootMeanSquareDistance
        >>> x = Tensor(np.array([[3, 0, 1], [1, 3, 0], [1, 0, 2]]))
        >>> y = Tensor(np.array([[0, 2, 1], [1, 2, 1], [0, 0, 1]]))
        >>> metric = RootMeanSquareDistance(symmetric=False, distance_metric="euclidean")
        >>> metric.clear()
        >>> metric.update(x, y, 0)
        >>> print(metric.eval())
        1.0000000000000002
    """

    def eval(self):
        """The root mean square surface distance of the last batch."""
        parts = self._distances()
        if parts is None:
            return np.inf
        if len(parts) == 1:
            return np.mean(parts[0] ** 2)
        return np.sqrt((np.mean(parts[0] ** 2) + np.mean(parts[1] ** 2)) / 2)

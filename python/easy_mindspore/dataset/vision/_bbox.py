"""The transforms of an image and its bounding boxes (``ResizeWithBBox``,
``RandomResizeWithBBox``, ``RandomHorizontalFlipWithBBox``, ``RandomVerticalFlipWithBBox``,
``RandomCropWithBBox``, ``RandomResizedCropWithBBox``, ``BoundingBoxAugment``), called as
``op(image, bboxes)`` and returning both. Boxes are MindSpore's: a Float32
``[N, 4 + k]`` array of ``(x, y, width, height)`` in pixels, the other columns (labels...) carried
along. The boxes are checked as MindSpore checks them (a RuntimeError: not Float32, not 2-D,
fewer than 4 columns, no boxes, a negative corner, a box past the image's edge); the result is
a new array (MindSpore 2.10 also rewrites the caller's array in place, which is not done here)."""
import numpy as _np

import numbers as _numbers

from ..._errors import ComputeError, DTypeError, ShapeError
from . import Inter, RandomResizedCrop, Resize, _image, _resize, _rng
from ._more import Border, RandomCrop, _prob

__all__ = ["ResizeWithBBox", "RandomResizeWithBBox", "RandomHorizontalFlipWithBBox",
           "RandomVerticalFlipWithBBox", "RandomCropWithBBox", "RandomResizedCropWithBBox",
           "BoundingBoxAugment"]


def _boxes(op, img, bboxes):
    """The image and a checked copy of its boxes."""
    a = _image(op, img)
    b = _np.asarray(bboxes)
    if b.dtype != _np.float32:
        raise ComputeError(f"{op}: the bounding boxes must be Float32, but got {b.dtype}.")
    if b.ndim < 2:
        raise ComputeError(f"{op}: bounding boxes should have to be two-dimensional matrix at "
                           f"least, but got {b.ndim} dimension.")
    if b.shape[1] < 4:
        raise ComputeError(f"{op}: bounding boxes should be have at least 4 features, but got: "
                           f"{b.shape[1]}")
    if b.size == 0:
        raise ComputeError(f"{op}: Input Tensor has no data.")
    h, w = a.shape[:2]
    x, y, bw, bh = (b[:, k] for k in range(4))
    if (x < 0).any() or (y < 0).any():
        i = int(_np.flatnonzero((x < 0) | (y < 0))[0])
        raise ComputeError(f"{op}: the coordinates of the bounding boxes has negative value, got: "
                           f"({x[i]:f},{y[i]:f}).")
    out = (x + bw > w) | (y + bh > h)
    if out.any():
        i = int(_np.flatnonzero(out)[0])
        raise ComputeError(f"{op}: bounding boxes is out of bounds of the image, as image width: "
                           f"{w}, bbox width coordinate: {x[i] + bw[i]:f}, and image height: {h}, "
                           f"bbox height coordinate: {y[i] + bh[i]:f}")
    return a, b.copy()


class ResizeWithBBox:
    """``Resize(size, interpolation)`` of the image, its boxes scaled with it (in Float32)."""

    def __init__(self, size, interpolation=Inter.LINEAR):
        self._resize = Resize(size, interpolation)
        self.size, self.interpolation = self._resize.size, interpolation

    def __call__(self, img, bboxes):
        a, b = _boxes("ResizeWithBBox", img, bboxes)
        out = self._resize(a)
        sy, sx = (_np.float32(o / i) for o, i in zip(out.shape[:2], a.shape[:2]))
        b[:, 0] *= sx
        b[:, 2] *= sx
        b[:, 1] *= sy
        b[:, 3] *= sy
        return out, b


class RandomResizeWithBBox:
    """``ResizeWithBBox(size)`` with an interpolation drawn at random (bilinear, nearest,
    bicubic or area, as MindSpore's)."""

    _MODES = (Inter.LINEAR, Inter.NEAREST, Inter.CUBIC, Inter.AREA)

    def __init__(self, size):
        self._resizes = [ResizeWithBBox(size, m) for m in self._MODES]
        self.size = self._resizes[0].size

    def __call__(self, img, bboxes):
        return self._resizes[int(_rng().integers(0, len(self._MODES)))](img, bboxes)


class _FlipWithBBox:
    """A flip along `_axis` (1: left-right, 0: top-bottom) with probability `prob`, the boxes'
    coordinate on that axis mirrored (``x → width − x − w``, ``y → height − y − h``)."""
    _axis = 1

    def __init__(self, prob=0.5):
        self.prob = _prob(type(self).__name__, prob)

    def __call__(self, img, bboxes):
        a, b = _boxes(type(self).__name__, img, bboxes)
        if _rng().random() >= self.prob:
            return a, b
        at = 0 if self._axis == 1 else 1  # the box column of the flipped axis
        b[:, at] = a.shape[self._axis] - b[:, at] - b[:, at + 2]
        return _np.flip(a, self._axis).copy(), b


class RandomHorizontalFlipWithBBox(_FlipWithBBox):
    """Flips the image left-right with probability `prob`, and its boxes with it
    (``x → width − x − w``)."""
    _axis = 1


class RandomVerticalFlipWithBBox(_FlipWithBBox):
    """Flips the image top-bottom with probability `prob`, and its boxes with it
    (``y → height − y − h``)."""
    _axis = 0


def _crop_boxes(b, x0, y0, x1, y1):
    """The boxes that meet the window ``[x0, x1] × [y0, y1]``, cut to it and moved to its
    origin (in Float32, in MindSpore's order of operations); a box that only touches the
    window's edge stays, zero wide or high, and the others are dropped."""
    x0, y0, x1, y1 = (_np.float32(v) for v in (x0, y0, x1, y1))
    x, y = b[:, 0], b[:, 1]
    xm, ym = x + b[:, 2], y + b[:, 3]
    keep = ~((x > x1) | (y > y1) | (xm < x0) | (ym < y0))
    b, x, y, xm, ym = b[keep], x[keep], y[keep], xm[keep], ym[keep]
    zero = _np.float32(0)
    nx = _np.maximum(x - _np.minimum(zero, x - x0) - x0, zero)
    ny = _np.maximum(y - _np.minimum(zero, y - y0) - y0, zero)
    nxm = _np.minimum(xm - _np.maximum(zero, xm - x1) - x0, x1 - x0)
    nym = _np.minimum(ym - _np.maximum(zero, ym - y1) - y0, y1 - y0)
    b[:, 0], b[:, 1], b[:, 2], b[:, 3] = nx, ny, nxm - nx, nym - ny
    return b


class RandomCropWithBBox(RandomCrop):
    """``RandomCrop`` of the image (its arguments, MindSpore's), the boxes moved by the padding
    and cut to the window (see ``_crop_boxes``). MindSpore 2.10 moves the boxes by the
    ``padding`` argument only, not by what ``pad_if_needed`` adds, so its boxes then miss their
    objects; here they move by the whole padding."""

    def __call__(self, img, bboxes):
        a, b = _boxes("RandomCropWithBBox", img, bboxes)
        a, (left, top), (x, y) = self._window(a)
        b[:, 0] += _np.float32(left)
        b[:, 1] += _np.float32(top)
        ch, cw = self.size
        if (ch, cw) == a.shape[:2]:
            return a, b
        return a[y:y + ch, x:x + cw], _crop_boxes(b, x, y, x + cw, y + ch)


class RandomResizedCropWithBBox(RandomResizedCrop):
    """``RandomResizedCrop`` of the image (its arguments and window), the boxes cut to the
    window (see ``_crop_boxes``) and scaled to ``size``."""

    def __call__(self, img, bboxes):
        a, b = _boxes("RandomResizedCropWithBBox", img, bboxes)
        top, left, ch, cw = self._window(*a.shape[:2])
        b = _crop_boxes(b, left, top, left + cw, top + ch)
        (th, tw) = self.size
        sx, sy = _np.float32(tw) / _np.float32(cw), _np.float32(th) / _np.float32(ch)
        b[:, 0] *= sx
        b[:, 2] *= sx
        b[:, 1] *= sy
        b[:, 3] *= sy
        out = _resize(a[top:top + ch, left:left + cw], th, tw, self.interpolation)
        return out, b


class BoundingBoxAugment:
    """Applies ``transform`` (an image transform) to the region of each box with probability
    ``ratio`` (one draw per box, in order): the region is the box's pixels (its coordinates
    truncated to ints); a result of another size is resized (bilinear) back to the region's.
    The boxes are returned unchanged."""

    def __init__(self, transform, ratio=0.3):
        if not callable(transform) or isinstance(transform, type):
            raise DTypeError(f"For 'BoundingBoxAugment', argument transform with value "
                             f"{transform!r} is not a transform, but got "
                             f"{type(transform).__name__}.")
        if isinstance(ratio, bool) or not isinstance(ratio, _numbers.Real):
            raise DTypeError(f"For 'BoundingBoxAugment', argument ratio with value {ratio!r} is "
                             f"not of type [<class 'float'>], but got {type(ratio).__name__}.")
        if not 0 <= ratio <= 1:
            raise ShapeError(f"For 'BoundingBoxAugment', input ratio is not within the required "
                             f"interval of [0.0, 1.0], got {ratio}.")
        self.transform, self.ratio = transform, float(ratio)

    def __call__(self, img, bboxes):
        a, b = _boxes("BoundingBoxAugment", img, bboxes)
        a = a.copy()
        g = _rng()
        for row in b:
            if g.random() >= self.ratio:
                continue
            x, y, w, h = (int(v) for v in row[:4])
            if w == 0 or h == 0:
                continue
            out = _np.asarray(self.transform(a[y:y + h, x:x + w]))
            if out.shape[:2] != (h, w):
                out = Resize((h, w))(out)
            if out.ndim == 2 and a.ndim == 3:
                out = out[..., None]
            a[y:y + h, x:x + w] = out
        return a, b

"""The transforms of an image and its bounding boxes (``ResizeWithBBox``,
``RandomResizeWithBBox``, ``RandomHorizontalFlipWithBBox``, ``RandomVerticalFlipWithBBox``),
called as ``op(image, bboxes)`` and returning both. Boxes are MindSpore's: a Float32
``[N, 4 + k]`` array of ``(x, y, width, height)`` in pixels, the other columns (labels...) carried
along. The boxes are checked as MindSpore checks them (a RuntimeError: not Float32, not 2-D,
fewer than 4 columns, no boxes, a negative corner, a box past the image's edge); the result is
a new array (MindSpore 2.10 also rewrites the caller's array in place, which is not done here)."""
import numpy as _np

from ..._errors import ComputeError
from . import Inter, Resize, _image, _rng
from ._more import _prob

__all__ = ["ResizeWithBBox", "RandomResizeWithBBox", "RandomHorizontalFlipWithBBox",
           "RandomVerticalFlipWithBBox"]


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

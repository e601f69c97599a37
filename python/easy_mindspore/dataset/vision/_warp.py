"""More of ``mindspore.dataset.vision``, part four: rotations (``Rotate``, ``RandomRotation``)
and ``GaussianBlur``. A rotation is OpenCV's ``warpAffine`` as MindSpore's kernel calls it, done
the way OpenCV does it for 8-bit images (positions in 1/1024 fixed point, bilinear weights in
1/32 steps of 15-bit coefficients), so ``uint8`` results are OpenCV's pixel for pixel. The
package (``__init__``) re-exports them."""
import math as _math
import numbers as _numbers

import numpy as _np

from ..._errors import DTypeError, ShapeError
from . import Inter, _image, _rng
from ._more import _as_dtype

__all__ = ["Rotate", "RandomRotation", "GaussianBlur"]

_AB_BITS, _INTER_BITS = 10, 5
_TAB = 1 << _INTER_BITS


def _round_even(x):
    return _np.rint(x).astype(_np.int64)


def _bilinear_table():
    """OpenCV's ``initInterTab2D`` for 8-bit images: for each of the 32 × 32 sub-pixel positions
    the four weights in 1/32768, rounded and corrected to sum to 32768 exactly."""
    t = _np.arange(_TAB) / _TAB
    w1 = _np.stack([1 - t, t], -1)  # per axis
    tab = _np.empty((_TAB * _TAB, 4), _np.int64)
    for fy in range(_TAB):
        for fx in range(_TAB):
            w = _np.outer(w1[fy], w1[fx]).ravel() * 32768
            iw = _round_even(w)
            diff = 32768 - iw.sum()
            if diff:  # OpenCV puts the rounding error on the largest (first largest) weight
                k = int(_np.argmax(iw)) if diff < 0 else int(_np.argmin(iw))
                iw[k] += diff
            tab[fy * _TAB + fx] = iw
    return tab


_BILINEAR = None


def warp_affine(img, m, out_hw, nearest, fill):
    """`img` (HW or HWC) warped by the 2 × 3 matrix `m` (source → destination, as ``cv2``'s
    ``warpAffine`` takes it), into `out_hw`, outside pixels `fill`."""
    global _BILINEAR
    m = _np.asarray(m, _np.float64)
    d = m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]
    d = 1.0 / d if d != 0 else 0.0
    a11, a22, a12, a21 = m[1, 1] * d, m[0, 0] * d, -m[0, 1] * d, -m[1, 0] * d
    b1 = -a11 * m[0, 2] - a12 * m[1, 2]
    b2 = -a21 * m[0, 2] - a22 * m[1, 2]
    oh, ow = out_hw
    scale = 1 << _AB_BITS
    round_delta = scale // 2 if nearest else scale // _TAB // 2
    xs, ys = _np.arange(ow, dtype=_np.float64), _np.arange(oh, dtype=_np.float64)
    adelta, bdelta = _round_even(a11 * xs * scale), _round_even(a21 * xs * scale)
    x0 = _round_even((a12 * ys + b1) * scale) + round_delta
    y0 = _round_even((a22 * ys + b2) * scale) + round_delta
    sx = x0[:, None] + adelta[None, :]
    sy = y0[:, None] + bdelta[None, :]
    a = img if img.ndim == 3 else img[..., None]
    h, w, c = a.shape
    fill_px = _np.broadcast_to(_np.asarray(fill, _np.float64), (c,))

    def pick(yy, xx):
        inside = (yy >= 0) & (yy < h) & (xx >= 0) & (xx < w)
        vals = a[_np.clip(yy, 0, h - 1), _np.clip(xx, 0, w - 1)].astype(_np.float64)
        return _np.where(inside[..., None], vals, fill_px)

    if nearest:
        out = pick(sy >> _AB_BITS, sx >> _AB_BITS)
    else:
        fx, fy = sx >> (_AB_BITS - _INTER_BITS), sy >> (_AB_BITS - _INTER_BITS)
        ix, iy = fx >> _INTER_BITS, fy >> _INTER_BITS
        alpha = (fy & (_TAB - 1)) * _TAB + (fx & (_TAB - 1))
        if _BILINEAR is None:
            _BILINEAR = _bilinear_table()
        wt = _BILINEAR[alpha]
        acc = (pick(iy, ix) * wt[..., 0:1] + pick(iy, ix + 1) * wt[..., 1:2]
               + pick(iy + 1, ix) * wt[..., 2:3] + pick(iy + 1, ix + 1) * wt[..., 3:4])
        if a.dtype == _np.uint8:
            out = _np.floor((acc + (1 << 14)) / 32768.0)
        else:
            out = acc / 32768.0
    out = _as_dtype(out, a)
    return out if img.ndim == 3 else out[..., 0]


def rotation_matrix(center, degrees):
    """OpenCV's ``getRotationMatrix2D(center, degrees, 1)``: counter-clockwise about `center`."""
    rad = _math.radians(degrees)
    al, be = _math.cos(rad), _math.sin(rad)
    cx, cy = center
    return _np.array([[al, be, (1 - al) * cx - be * cy], [-be, al, be * cx + (1 - al) * cy]])


def _interp(op, resample):
    if not isinstance(resample, Inter) or resample not in (Inter.NEAREST, Inter.BILINEAR):
        raise DTypeError(f"For '{op}', 'resample' must be Inter.NEAREST or Inter.BILINEAR, but got "
                         f"{resample!r}.")
    return resample


def _fill(op, v):
    if isinstance(v, bool) or not (isinstance(v, int) or (isinstance(v, tuple) and len(v) == 3
                                                          and all(isinstance(x, int) for x in v))):
        raise DTypeError(f"For '{op}', 'fill_value' must be an int or three, but got {v!r}.")
    vals = (v,) if isinstance(v, int) else v
    if not all(0 <= x <= 255 for x in vals):
        raise ShapeError(f"For '{op}', 'fill_value' must be in [0, 255], but got {v!r}.")
    return v


def _rotate(img, degrees, resample, expand, center, fill):
    h, w = img.shape[:2]
    c = ((w - 1) / 2.0, (h - 1) / 2.0) if center is None else tuple(center)
    m = rotation_matrix(c, degrees)
    out_hw = (h, w)
    if expand:
        # The bounding box of the rotated image (as OpenCV's RotatedRect gives it), the matrix
        # shifted to its middle and its size rounded, as MindSpore's kernel does.
        rad = _math.radians(degrees)
        cos, sin = abs(_math.cos(rad)), abs(_math.sin(rad))
        bw, bh = w * cos + h * sin, w * sin + h * cos
        m[0, 2] += bw / 2.0 - w / 2.0
        m[1, 2] += bh / 2.0 - h / 2.0
        out_hw = (int(_np.rint(bh)), int(_np.rint(bw)))
    return warp_affine(img, m, out_hw, resample == Inter.NEAREST, fill)


class Rotate:
    """Rotates the image `degrees` counter-clockwise about `center` (``(x, y)``, the middle by
    default), with `resample` (``Inter.NEAREST`` or ``Inter.BILINEAR``); `expand` grows the
    output to hold the whole rotated image; uncovered pixels get `fill_value`."""

    def __init__(self, degrees, resample=Inter.NEAREST, expand=False, center=None, fill_value=0):
        if isinstance(degrees, bool) or not isinstance(degrees, _numbers.Real):
            raise DTypeError(f"For 'Rotate', 'degrees' must be a number, but got {degrees!r}.")
        if center is not None and not (isinstance(center, (tuple, list)) and len(center) == 2):
            raise ShapeError(f"For 'Rotate', 'center' must be an (x, y) pair, but got {center!r}.")
        self.degrees, self.resample = float(degrees), _interp("Rotate", resample)
        self.expand, self.center, self.fill_value = bool(expand), center, _fill("Rotate", fill_value)

    def __call__(self, img):
        a = _image("Rotate", img)
        return _rotate(a, self.degrees, self.resample, self.expand, self.center, self.fill_value)


class RandomRotation:
    """``Rotate`` by an angle drawn from `degrees` (``(lo, hi)``, or ``(-d, d)`` for a number)."""

    def __init__(self, degrees, resample=Inter.NEAREST, expand=False, center=None, fill_value=0):
        if isinstance(degrees, _numbers.Real) and not isinstance(degrees, bool):
            if degrees < 0:
                raise ShapeError(f"For 'RandomRotation', 'degrees' must be non-negative, but got {degrees}.")
            degrees = (-float(degrees), float(degrees))
        if not (isinstance(degrees, (tuple, list)) and len(degrees) == 2 and degrees[0] <= degrees[1]):
            raise ShapeError(f"For 'RandomRotation', 'degrees' must be a number or an increasing "
                             f"pair, but got {degrees!r}.")
        self.degrees = (float(degrees[0]), float(degrees[1]))
        self.resample = _interp("RandomRotation", resample)
        self.expand, self.center = bool(expand), center
        self.fill_value = _fill("RandomRotation", fill_value)

    def __call__(self, img):
        a = _image("RandomRotation", img)
        d = _rng().uniform(*self.degrees)
        return _rotate(a, d, self.resample, self.expand, self.center, self.fill_value)


def _gaussian_kernel(size, sigma):
    if sigma <= 0:
        sigma = 0.3 * ((size - 1) * 0.5 - 1) + 0.8
    x = _np.arange(size) - (size - 1) / 2.0
    k = _np.exp(-x * x / (2 * sigma * sigma))
    return k / k.sum()


class GaussianBlur:
    """Blurs with a Gaussian of `kernel_size` (odd; one or ``(width, height)``) and `sigma`
    (one or ``(x, y)``; by default ``0.3·((width - 1)/2 - 1) + 0.8`` for both, as MindSpore's),
    edges reflected (``101``). (OpenCV rounds ``uint8`` in fixed point: a tenth of the pixels
    differ from MindSpore 2.10's by one level.)"""

    def __init__(self, kernel_size, sigma=None):
        ks = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
        if len(ks) != 2 or not all(isinstance(k, int) and not isinstance(k, bool) and k > 0 and k % 2
                                   for k in ks):
            raise ShapeError(f"For 'GaussianBlur', 'kernel_size' must be positive odd ints, but got "
                             f"{kernel_size!r}.")
        if sigma is None:  # MindSpore's: one sigma, from the first size, for both axes
            sg = (0.3 * ((ks[0] - 1) * 0.5 - 1) + 0.8,) * 2
        else:
            sg = (sigma, sigma) if isinstance(sigma, _numbers.Real) else tuple(sigma)
            if len(sg) != 2 or not all(isinstance(v, _numbers.Real) and v >= 0 for v in sg):
                raise ShapeError(f"For 'GaussianBlur', 'sigma' must be non-negative numbers, but "
                                 f"got {sigma!r}.")
        self.kernel_size, self.sigma = ks, tuple(float(v) for v in sg)

    def __call__(self, img):
        a = _image("GaussianBlur", img)
        x = a.astype(_np.float64)
        for axis, size, sigma in ((1, self.kernel_size[0], self.sigma[0]),
                                  (0, self.kernel_size[1], self.sigma[1])):
            k = _gaussian_kernel(size, sigma)
            r = size // 2
            pads = [(0, 0)] * x.ndim
            pads[axis] = (r, r)
            p = _np.pad(x, pads, mode="reflect") if x.shape[axis] > 1 else _np.pad(x, pads, mode="edge")
            x = sum(k[i] * _np.take(p, _np.arange(i, i + x.shape[axis]), axis) for i in range(size))
        return _as_dtype(x, a)

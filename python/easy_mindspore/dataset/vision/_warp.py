"""More of ``mindspore.dataset.vision``, part four: geometric warps (``Rotate``,
``RandomRotation``, ``Affine``, ``RandomAffine``, ``Perspective``, ``RandomPerspective``) and
``GaussianBlur``. A warp is OpenCV's ``warpAffine`` / ``warpPerspective`` as MindSpore's kernel
calls it, done the way OpenCV does it for 8-bit images (positions in 1/1024 fixed point, bilinear
weights in 1/32 steps of 15-bit coefficients), so ``uint8`` results are OpenCV's pixel for pixel.
The package (``__init__``) re-exports them."""
import math as _math
import numbers as _numbers

import numpy as _np

from ..._errors import ComputeError, DTypeError, ShapeError
from . import Inter, _image, _is_pil, _pil, _rng
from ._more import _as_dtype

__all__ = ["Rotate", "RandomRotation", "Affine", "RandomAffine", "Perspective",
           "RandomPerspective", "GaussianBlur"]

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
    if nearest:
        return _sample(img, sy >> _AB_BITS, sx >> _AB_BITS, None, fill)
    return _sample(img, sy >> (_AB_BITS - _INTER_BITS), sx >> (_AB_BITS - _INTER_BITS), True, fill)


def _sample(img, sy, sx, bilinear, fill):
    """The pixels of `img` at integer source positions (`sy`, `sx`; in 1/32 pixel when
    `bilinear`), outside ones `fill`, as OpenCV's ``remap`` of 8-bit images weighs them."""
    global _BILINEAR
    a = img if img.ndim == 3 else img[..., None]
    h, w, c = a.shape
    fill_px = _np.broadcast_to(_np.asarray(fill, _np.float64), (c,))

    def pick(yy, xx):
        inside = (yy >= 0) & (yy < h) & (xx >= 0) & (xx < w)
        vals = a[_np.clip(yy, 0, h - 1), _np.clip(xx, 0, w - 1)].astype(_np.float64)
        return _np.where(inside[..., None], vals, fill_px)

    if not bilinear:
        out = pick(sy, sx)
    else:
        ix, iy = sx >> _INTER_BITS, sy >> _INTER_BITS
        alpha = (sy & (_TAB - 1)) * _TAB + (sx & (_TAB - 1))
        if _BILINEAR is None:
            _BILINEAR = _bilinear_table()
        wt = _BILINEAR[alpha]
        acc = (pick(iy, ix) * wt[..., 0:1] + pick(iy, ix + 1) * wt[..., 1:2]
               + pick(iy + 1, ix) * wt[..., 2:3] + pick(iy + 1, ix + 1) * wt[..., 3:4])
        out = _np.floor((acc + (1 << 14)) / 32768.0) if a.dtype == _np.uint8 else acc / 32768.0
    out = _as_dtype(out, a)
    return out if img.ndim == 3 else out[..., 0]


def warp_perspective(img, m, out_hw, nearest, fill):
    """`img` warped by the 3 × 3 homography `m` (source → destination, as ``cv2``'s
    ``warpPerspective`` takes it), into `out_hw`."""
    inv = _np.linalg.inv(_np.asarray(m, _np.float64)).ravel()
    oh, ow = out_hw
    y, x = _np.mgrid[0:oh, 0:ow].astype(_np.float64)
    x0, y0 = inv[0] * x + inv[1] * y + inv[2], inv[3] * x + inv[4] * y + inv[5]
    wq = inv[6] * x + inv[7] * y + inv[8]
    scale = 1.0 if nearest else float(_TAB)
    with _np.errstate(divide="ignore"):
        wq = _np.where(wq != 0, scale / wq, 0.0)
    lim = (-2.0 ** 31, 2.0 ** 31 - 1)
    sx = _round_even(_np.clip(x0 * wq, *lim))
    sy = _round_even(_np.clip(y0 * wq, *lim))
    return _sample(img, sy, sx, not nearest, fill)


def perspective_matrix(src, dst):
    """OpenCV's ``getPerspectiveTransform``: the homography taking the four `src` points to `dst`."""
    a = _np.zeros((8, 8))
    b = _np.zeros(8)
    for i, ((x, y), (u, v)) in enumerate(zip(src, dst)):
        a[i] = [x, y, 1, 0, 0, 0, -x * u, -y * u]
        a[i + 4] = [0, 0, 0, x, y, 1, -x * v, -y * v]
        b[i], b[i + 4] = u, v
    return _np.append(_np.linalg.solve(a, b), 1.0).reshape(3, 3)


def rotation_matrix(center, degrees):
    """OpenCV's ``getRotationMatrix2D(center, degrees, 1)``: counter-clockwise about `center`."""
    rad = _math.radians(degrees)
    al, be = _math.cos(rad), _math.sin(rad)
    cx, cy = center
    return _np.array([[al, be, (1 - al) * cx - be * cy], [-be, al, be * cx + (1 - al) * cy]])


def _interp(op, resample, pil=False):
    """`resample` checked: NEAREST or BILINEAR (the warps of NumPy images here); with `pil` (a
    transform MindSpore also runs on PIL images with Pillow) any ``Inter``, the NumPy form then
    checking it when called (``_numpy_interp``)."""
    warps = (Inter.NEAREST, Inter.BILINEAR)
    if not isinstance(resample, Inter) or not pil and resample not in warps:
        raise DTypeError(f"For '{op}', 'resample' must be Inter.NEAREST or Inter.BILINEAR, but got "
                         f"{resample!r}.")
    return resample


def _numpy_interp(op, img, resample):
    """The NumPy image `img` of `op`, whose `resample` must be NEAREST or BILINEAR."""
    _interp(op, resample)
    return _image(op, img)


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
    output to hold the whole rotated image; uncovered pixels get `fill_value` (``(R, G, B)``, as
    MindSpore documents it: MindSpore 2.10's ``Rotate`` and ``RandomRotation`` fill NumPy images
    with the three values reversed, a bug the other warps do not have)."""

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
        self.resample = _interp("RandomRotation", resample, pil=True)
        self.expand, self.center = bool(expand), center
        self.fill_value = _fill("RandomRotation", fill_value)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.rotate(img, _rng().uniform(*self.degrees), self.resample, self.expand,
                               self.center, self.fill_value)
        a = _numpy_interp("RandomRotation", img, self.resample)
        d = _rng().uniform(*self.degrees)
        return _rotate(a, d, self.resample, self.expand, self.center, self.fill_value)


def affine_matrix(center, degrees, translate, scale, shear):
    """The 2 × 3 source → destination matrix of a rotation by `degrees` about `center`, a shift by
    `translate` pixels, a zoom by `scale` and a shear by `shear` ``(x, y)`` degrees (the inverse
    of the output → input map MindSpore's kernel builds, torchvision's formula)."""
    rot, sx, sy = _math.radians(degrees), _math.radians(shear[0]), _math.radians(shear[1])
    cx, cy = center
    tx, ty = translate
    a = _math.cos(rot - sy) / _math.cos(sy)
    b = -_math.cos(rot - sy) * _math.tan(sx) / _math.cos(sy) - _math.sin(rot)
    c = _math.sin(rot - sy) / _math.cos(sy)
    d = -_math.sin(rot - sy) * _math.tan(sx) / _math.cos(sy) + _math.cos(rot)
    inv = _np.array([d, -b, 0.0, -c, a, 0.0]) / scale
    inv[2] += inv[0] * (-cx - tx) + inv[1] * (-cy - ty) + cx
    inv[5] += inv[3] * (-cx - tx) + inv[4] * (-cy - ty) + cy
    return _np.linalg.inv(_np.vstack([inv.reshape(2, 3), [0.0, 0.0, 1.0]]))[:2]


def _pair(op, name, v, n=2):
    if not (isinstance(v, (tuple, list)) and len(v) == n
            and all(isinstance(x, _numbers.Real) and not isinstance(x, bool) for x in v)):
        raise ShapeError(f"For '{op}', '{name}' must be {n} numbers, but got {v!r}.")
    return tuple(float(x) for x in v)


def _affine(img, degrees, translate, scale, shear, resample, fill):
    h, w = img.shape[:2]
    m = affine_matrix(((w - 1) * 0.5, (h - 1) * 0.5), degrees,
                      (translate[0] * w, translate[1] * h), scale, shear)
    return warp_affine(img, m, (h, w), resample == Inter.NEAREST, fill)


class Affine:
    """Rotates by `degrees`, shifts by `translate` (fractions of the width and height, in
    [-1, 1]), zooms by `scale` and shears by `shear` (degrees, ``(x, y)`` or one for x) about
    the image's middle; uncovered pixels get `fill_value`."""

    def __init__(self, degrees, translate, scale, shear, resample=Inter.NEAREST, fill_value=0):
        if isinstance(degrees, bool) or not isinstance(degrees, _numbers.Real):
            raise DTypeError(f"For 'Affine', 'degrees' must be a number, but got {degrees!r}.")
        self.translate = _pair("Affine", "translate", translate)
        if not all(-1 <= t <= 1 for t in self.translate):
            raise ShapeError(f"For 'Affine', 'translate' must be in [-1, 1], but got {translate!r}.")
        if isinstance(scale, bool) or not isinstance(scale, _numbers.Real) or scale <= 0:
            raise ShapeError(f"For 'Affine', 'scale' must be a positive number, but got {scale!r}.")
        shear = (shear, 0.0) if isinstance(shear, _numbers.Real) and not isinstance(shear, bool) else shear
        self.shear = _pair("Affine", "shear", shear)
        self.degrees, self.scale = float(degrees), float(scale)
        self.resample, self.fill_value = _interp("Affine", resample), _fill("Affine", fill_value)

    def __call__(self, img):
        a = _image("Affine", img)
        return _affine(a, self.degrees, self.translate, self.scale, self.shear, self.resample,
                       self.fill_value)


class RandomAffine:
    """``Affine`` with its parameters drawn: an angle from `degrees` (``(lo, hi)``, or ``(-d, d)``),
    shifts up to `translate` (``(x, y)`` fractions, or ``(x_lo, x_hi, y_lo, y_hi)``), a zoom from
    `scale` ``(lo, hi)`` and shears from `shear` (a number ``s``: x in ``(-s, s)``; two: an x range;
    four: x and y ranges)."""

    def __init__(self, degrees, translate=None, scale=None, shear=None, resample=Inter.NEAREST,
                 fill_value=0):
        if isinstance(degrees, _numbers.Real) and not isinstance(degrees, bool):
            if degrees < 0:
                raise ShapeError(f"For 'RandomAffine', 'degrees' must be non-negative, but got {degrees}.")
            degrees = (-float(degrees), float(degrees))
        self.degrees = _pair("RandomAffine", "degrees", degrees)
        self._pil_translate = (0.0, 0.0) if translate is None else tuple(translate)[:2]
        if translate is not None:
            t = tuple(translate)
            t = (-t[0], t[0], -t[1], t[1]) if len(t) == 2 else t
            self.translate = _pair("RandomAffine", "translate", t, 4)
        else:
            self.translate = (0.0, 0.0, 0.0, 0.0)
        self.scale = (1.0, 1.0) if scale is None else _pair("RandomAffine", "scale", scale)
        if shear is None:
            shear = (0.0, 0.0, 0.0, 0.0)
        elif isinstance(shear, _numbers.Real) and not isinstance(shear, bool):
            shear = (-float(shear), float(shear), 0.0, 0.0)
        elif len(shear) == 2:
            shear = tuple(shear) + (0.0, 0.0)
        self.shear = _pair("RandomAffine", "shear", shear, 4)
        self.resample = _interp("RandomAffine", resample, pil=True)
        self.fill_value = _fill("RandomAffine", fill_value)

    def __call__(self, img):
        if _is_pil(img):
            return self._pil(img)
        a = _numpy_interp("RandomAffine", img, self.resample)
        rng = _rng()
        deg = rng.uniform(*self.degrees)
        t = (rng.uniform(*self.translate[:2]), rng.uniform(*self.translate[2:]))
        sc = rng.uniform(*self.scale)
        sh = (rng.uniform(*self.shear[:2]), rng.uniform(*self.shear[2:]))
        return _affine(a, deg, t, sc, sh, self.resample, self.fill_value)

    def _pil(self, img):
        """MindSpore's PIL form: shifts drawn (and rounded) within ± the first two numbers of
        `translate` as fractions of the width and height (of four too), `fill_value` not used
        (uncovered pixels 0)."""
        rng = _rng()
        deg = rng.uniform(*self.degrees)
        t = [round(rng.uniform(-f * n, f * n)) for f, n in zip(self._pil_translate, img.size)]
        sc = rng.uniform(*self.scale)
        sh = (rng.uniform(*self.shear[:2]), rng.uniform(*self.shear[2:]))
        return _pil.affine(img, deg, t, sc, sh, self.resample)


def _points(op, name, v):
    if not (isinstance(v, (tuple, list)) and len(v) == 4 and all(
            isinstance(p, (tuple, list)) and len(p) == 2 for p in v)):
        raise ShapeError(f"For '{op}', '{name}' must be four (x, y) points, but got {v!r}.")
    return [tuple(float(c) for c in p) for p in v]


class Perspective:
    """Warps the image by the homography taking `start_points` to `end_points` (four ``(x, y)``
    each), with `interpolation`; uncovered pixels are 0."""

    def __init__(self, start_points, end_points, interpolation=Inter.BILINEAR):
        self.start_points = _points("Perspective", "start_points", start_points)
        self.end_points = _points("Perspective", "end_points", end_points)
        self.interpolation = _interp("Perspective", interpolation, pil=True)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.perspective(img, self.start_points, self.end_points, self.interpolation)
        a = _numpy_interp("Perspective", img, self.interpolation)
        m = perspective_matrix(self.start_points, self.end_points)
        return warp_perspective(a, m, a.shape[:2], self.interpolation == Inter.NEAREST, 0)


class RandomPerspective:
    """With probability `prob`, ``Perspective`` to corners moved inwards by up to
    `distortion_scale` of half the width and height."""

    def __init__(self, distortion_scale=0.5, prob=0.5, interpolation=Inter.BICUBIC):
        if isinstance(distortion_scale, bool) or not isinstance(distortion_scale, _numbers.Real) \
                or not 0 <= distortion_scale <= 1:
            raise ShapeError(f"For 'RandomPerspective', 'distortion_scale' must be in [0, 1], but "
                             f"got {distortion_scale!r}.")
        from ._more import _prob
        self.distortion_scale, self.prob = float(distortion_scale), _prob("RandomPerspective", prob)
        if not isinstance(interpolation, Inter):
            raise DTypeError(f"For 'RandomPerspective', 'interpolation' must be an Inter, but got "
                             f"{interpolation!r}.")
        self.interpolation = interpolation

    def __call__(self, img):
        a = img if _is_pil(img) else _image("RandomPerspective", img)
        rng = _rng()
        if rng.random() >= self.prob:
            return a
        h, w = _pil.hw(a)
        dx, dy = int(self.distortion_scale * w / 2), int(self.distortion_scale * h / 2)
        start = [(0, 0), (w - 1, 0), (w - 1, h - 1), (0, h - 1)]
        end = [(int(rng.integers(0, dx + 1)), int(rng.integers(0, dy + 1))),
               (w - 1 - int(rng.integers(0, dx + 1)), int(rng.integers(0, dy + 1))),
               (w - 1 - int(rng.integers(0, dx + 1)), h - 1 - int(rng.integers(0, dy + 1))),
               (int(rng.integers(0, dx + 1)), h - 1 - int(rng.integers(0, dy + 1)))]
        if _is_pil(a):
            if self.interpolation in (Inter.AREA, Inter.PILCUBIC):
                raise ComputeError("Unsupported interpolation, only support NEAREST, ANTIALIAS, "
                                   "LINEAR and CUBIC.")
            return _pil.perspective(a, start, end, self.interpolation)
        m = perspective_matrix(start, end)
        return warp_perspective(a, m, (h, w), self.interpolation == Inter.NEAREST, 0)


def _gaussian_kernel(size, sigma):
    if sigma <= 0:
        sigma = 0.3 * ((size - 1) * 0.5 - 1) + 0.8
    x = _np.arange(size) - (size - 1) / 2.0
    k = _np.exp(-x * x / (2 * sigma * sigma))
    return k / k.sum()


def _gaussian_fixed(size, sigma):
    """OpenCV's bit-exact 8-bit Gaussian kernel (``getGaussianKernelBitExact``, then
    ``getGaussianKernelFixedPoint_ED``): the normalised weights in 8 fractional bits, each side's
    rounding error carried to the next weight, the centre making the sum exactly 256."""
    table = {1: [1.0], 3: [0.25, 0.5, 0.25], 5: [0.0625, 0.25, 0.375, 0.25, 0.0625],
             7: [0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125]}
    if sigma <= 0 and size in table:
        k = table[size]
    else:
        if sigma <= 0:
            sigma = size * 0.15 + 0.35
        scale2 = -0.125 / (sigma * sigma)
        side = [_math.exp((x * x) * scale2) for x in range(1 - size, 0, 2)]
        inv = 1.0 / (2 * sum(side) + 1.0)
        k = [v * inv for v in side] + [inv]
    weights, err = [], 0.0
    for v in k[:size // 2]:
        adjusted = v * 256 + err
        weights.append(round(adjusted))  # half to even, as cvRound
        err = adjusted - weights[-1]
    return _np.array(weights + [256 - 2 * sum(weights)] + weights[::-1], _np.int64)


def _reflect101(idx, n):
    """Indices reflected into ``0..n`` without repeating the edge (``gfedcb|abcdefgh|gfedcba``)."""
    if n == 1:
        return _np.zeros_like(idx)
    idx = _np.abs(idx) % (2 * (n - 1))
    return _np.where(idx >= n, 2 * (n - 1) - idx, idx)


def _gaussian_u8(a, ksize, sigma):
    """OpenCV's fixed-point ``GaussianBlur`` of a uint8 image (what MindSpore runs): the rows
    filtered with 8-bit weights exactly, then the columns, rounded off 16 bits."""
    (kx, ky), (sx, sy) = ksize, sigma
    h, w = a.shape[:2]
    x = a.astype(_np.int64)
    for axis, size, s, n in ((1, kx, sx, w), (0, ky, sy, h)):
        weights = _gaussian_fixed(size, s)
        r = size // 2
        taps = _reflect101(_np.arange(n)[:, None] + _np.arange(-r, r + 1)[None, :], n)
        x = sum(weights[t] * _np.take(x, taps[:, t], axis) for t in range(size))
    return _np.clip((x + (1 << 15)) >> 16, 0, 255).astype(_np.uint8)


class GaussianBlur:
    """Blurs with a Gaussian of `kernel_size` (odd; one or ``(width, height)``) and `sigma`
    (one or ``(x, y)``; by default ``0.3·((width - 1)/2 - 1) + 0.8`` for both, as MindSpore's),
    edges reflected (``101``); uint8 images as OpenCV's bit-exact fixed point (MindSpore's
    values)."""

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
        if a.dtype == _np.uint8 and a.ndim in (2, 3) and a.size:
            return _gaussian_u8(a, self.kernel_size, self.sigma)
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

"""PIL images in ``mindspore.dataset.vision``. MindSpore 2.10 runs its Python transforms (the
crops, pads and flips, ``Grayscale``, the colour and tone adjustments, the random warps...) on a
PIL image with Pillow and gives back a PIL image of the input's mode; these are those Pillow
forms, which the transforms of the other parts call for a PIL input (a NumPy input keeps their
NumPy forms). Pillow's own errors (a mode it does not support...) reach the caller with
Pillow's messages, as MindSpore's do."""
import functools as _functools
import math as _math

import numpy as _np

from ..._errors import DTypeError, ShapeError
from . import _is_pil, _pil_filter, _rng

__all__ = []


def _pillow(fn):
    """``fn`` whose TypeErrors and ValueErrors (Pillow's) keep their messages: raised as the
    package's classes, which the transforms' error naming passes on unchanged."""
    @_functools.wraps(fn)
    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (DTypeError, ShapeError):
            raise
        except TypeError as e:
            raise DTypeError(str(e)) from e
        except ValueError as e:
            raise ShapeError(str(e)) from e
    return call


def as_pil(arr, like, keep_mode=True):
    """``arr`` (laid out as ``np.asarray(like)``) as a PIL image in ``like``'s mode (without
    `keep_mode`, in the mode Pillow reads off the array, ``like``'s palette kept)."""
    from PIL import Image
    arr = _np.ascontiguousarray(arr)
    out = Image.fromarray(arr)
    if keep_mode and out.mode != like.mode:  # CMYK, HSV, P... look like RGB(A) or L to NumPy
        try:
            out = Image.frombytes(like.mode, (arr.shape[1], arr.shape[0]), arr.tobytes())
        except ValueError:
            pass
    if like.mode == "P" and like.palette is not None:
        out.putpalette(like.getpalette())
    return out


def via_array(fn, img, *args):
    """``fn`` (an array transform) on the PIL image ``img``: its result (an array or a tuple of
    them) back in ``img``'s mode."""
    out = fn(_np.asarray(img), *args)
    if isinstance(out, tuple):
        return tuple(as_pil(o, img) for o in out)
    return as_pil(out, img)


def hw(img):
    """``(height, width)`` of a PIL image or an HW(C) array."""
    return (img.height, img.width) if _is_pil(img) else img.shape[:2]


@_pillow
def crop(img, top, left, h, w):
    """The ``h × w`` window at ``(top, left)``: Pillow's ``crop`` (zeros outside the image) of a
    PIL image, a slice of an array."""
    if _is_pil(img):
        return img.crop((left, top, left + w, top + h))
    return img[top:top + h, left:left + w]


def center_crop(img, h, w):
    """MindSpore's centred ``h × w`` window of a PIL image: offsets rounded half to even, zeros
    outside."""
    return crop(img, int(round((img.height - h) / 2.0)), int(round((img.width - w) / 2.0)), h, w)


def fill3(fill):
    """A fill as MindSpore hands it to Pillow: an int ``f`` as ``(f, f, f)``."""
    return tuple(fill) if isinstance(fill, (tuple, list)) else (fill,) * 3


@_pillow
def expand(img, padding, fill):
    """``ImageOps.expand`` by ``(left, top, right, bottom)`` with the fill as MindSpore gives it:
    three values (an RGBA image gets an opaque border; LA, I and F images fail), the first one
    for an L or 1 image."""
    from PIL import ImageOps
    fill = fill3(fill)
    return ImageOps.expand(img, tuple(padding), fill[0] if img.mode in ("L", "1") else fill)


@_pillow
def enhance(img, kind, factor):
    """``ImageEnhance.<kind>`` (Brightness, Contrast, Color, Sharpness) by ``factor``."""
    from PIL import ImageEnhance
    return getattr(ImageEnhance, kind)(img).enhance(factor)


@_pillow
def image_ops(img, name, *args):
    """``ImageOps.<name>`` (autocontrast, equalize, invert)."""
    from PIL import ImageOps
    return getattr(ImageOps, name)(img, *args)


@_pillow
def turn_hue(img, hue):
    """The hue turned by ``hue`` (of the circle) in Pillow's 8-bit HSV: ``uint8(hue·255)``
    added to the hue (wrapping); L, 1, I and F images as they are."""
    from PIL import Image
    if img.mode in ("L", "1", "I", "F"):
        return img
    h, s, v = img.convert("HSV").split()
    with _np.errstate(over="ignore"):
        step = _np.array(hue * 255).astype(_np.int64).astype(_np.uint8)
        turned = _np.asarray(h, _np.uint8) + step
    return Image.merge("HSV", (Image.fromarray(turned), s, v)).convert(img.mode)


@_pillow
def gamma(img, gamma_, gain):
    """``point`` by MindSpore's table ``⌊(256 − 10⁻³)·gain·(x/255)^gamma⌋`` of an image of one
    or three bands; other images (RGBA, LA, CMYK) as they are."""
    bands = len(img.getbands())
    if bands not in (1, 3):
        return img
    lut = [int((256 - 1e-3) * gain * pow(x / 255.0, gamma_)) for x in range(256)]
    return img.point(lut * bands)


def color_adjust(img, factors):
    """``RandomColorAdjust`` of a PIL image: brightness, contrast, saturation and hue by the
    drawn ``factors``, in a random order, the hue always turned (a round trip through HSV)."""
    steps = [lambda x: enhance(x, "Brightness", factors[0]),
             lambda x: enhance(x, "Contrast", factors[1]),
             lambda x: enhance(x, "Color", factors[2]), lambda x: turn_hue(x, factors[3])]
    for k in _rng().permutation(4):
        img = steps[int(k)](img)
    return img


@_pillow
def rotate(img, degrees, resample, expand_, center, fill):
    """Pillow's ``rotate`` with the fill as three values (an L image then fails, as
    MindSpore's)."""
    from . import Inter
    if resample == Inter.ANTIALIAS and (center is not None or degrees % 90):
        raise ShapeError("When using Inter.ANTIALIAS, center needs to be None and angle needs to "
                         "be an integer multiple of 90.")
    center = None if center is None else tuple(center)
    return img.rotate(degrees, _pil_filter(resample), expand_, center, fillcolor=fill3(fill))


@_pillow
def affine(img, degrees, translate, scale, shear, resample):
    """MindSpore's affine warp of a PIL image: about ``(w/2 + 0.5, h/2 + 0.5)``, rotated by
    ``degrees``, sheared by ``shear`` ``(x, y)`` degrees, zoomed by ``scale`` and moved by
    ``translate`` pixels (MindSpore's inverse matrix); uncovered pixels 0."""
    from PIL import Image
    w, h = img.size
    cx, cy = w * 0.5 + 0.5, h * 0.5 + 0.5
    a, sx, sy = (_math.radians(t) for t in (degrees, shear[0], shear[1]))
    d = _math.cos(a + sx) * _math.cos(a + sy) + _math.sin(a + sx) * _math.sin(a + sy)
    m = [_math.cos(a + sx), _math.sin(a + sx), 0.0, -_math.sin(a + sy), _math.cos(a + sy), 0.0]
    m = [1.0 / scale / d * v for v in m]
    tx, ty = translate
    m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty)
    m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty)
    m[2] += cx
    m[5] += cy
    return img.transform(img.size, Image.AFFINE, m, _pil_filter(resample))


@_pillow
def perspective(img, start_points, end_points, interpolation):
    """Pillow's ``PERSPECTIVE`` transform taking ``start_points`` to ``end_points`` (its eight
    coefficients, output → input, by least squares)."""
    from PIL import Image
    rows, rhs = [], []
    for (x, y), (u, v) in zip(end_points, start_points):
        rows += [[x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]]
        rhs += [u, v]
    coeffs = _np.linalg.lstsq(_np.array(rows, float), _np.array(rhs, float), rcond=None)[0]
    return img.transform(img.size, Image.PERSPECTIVE, coeffs.tolist(), _pil_filter(interpolation))


def not_numpy(what, img, end="."):
    """MindSpore's TypeError for a PIL image given to a transform of NumPy images only."""
    return DTypeError(f"img should be NumPy {what}. Got {type(img)}{end}")

"""More of ``mindspore.dataset.vision``: padding and crops (``Pad``, ``RandomCrop``, ``Crop``, ``ResizedCrop``,
``FiveCrop``, ``TenCrop``), flips, colour operations (``Grayscale``, ``RandomGrayscale``,
``Invert``, ``RandomInvert``, ``AdjustBrightness``, ``AdjustContrast``, ``AdjustSaturation``,
``AdjustGamma``, ``Posterize``, ``Solarize``). HWC NumPy images as ``map`` hands them over;
``uint8`` results are rounded and clipped, as MindSpore's OpenCV kernels give them. The package
(``__init__``) re-exports them."""
import enum as _enum
import numbers as _numbers

import numpy as _np

from ..._errors import ComputeError, DTypeError, ShapeError
from . import Inter, _blend, _gray, _image, _is_pil, _luma, _pil, _resize, _rng, _size

__all__ = ["Border", "Pad", "RandomCrop", "Crop", "ResizedCrop", "FiveCrop", "TenCrop", "HorizontalFlip",
           "VerticalFlip", "Grayscale", "RandomGrayscale", "Invert", "RandomInvert",
           "AdjustBrightness", "AdjustContrast", "AdjustSaturation", "AdjustGamma", "Posterize",
           "Solarize"]


class Border(str, _enum.Enum):
    """How ``Pad`` fills: a constant, the edge pixel, a reflection without or with the edge."""
    CONSTANT = "constant"
    EDGE = "edge"
    REFLECT = "reflect"
    SYMMETRIC = "symmetric"


def _as_dtype(out, like):
    """`out` (float) in `like`'s dtype: integers rounded and clipped to the dtype's range."""
    if _np.issubdtype(like.dtype, _np.integer):
        info = _np.iinfo(like.dtype)
        return _np.clip(_np.rint(out), info.min, info.max).astype(like.dtype)
    return out.astype(like.dtype)


def _prob(op, p):
    if isinstance(p, bool) or not isinstance(p, _numbers.Real) or not 0 <= p <= 1:
        raise ShapeError(f"For '{op}', 'prob' must be a number in [0, 1], but got {p!r}.")
    return float(p)


def ms_number(op, name, v, lo, hi, interval, types="[<class 'float'>, <class 'int'>]",
              in_name=None):
    """`v` as a float in ``lo <= v <= hi`` (`interval` MindSpore's text of the range, e.g.
    ``[0, 50)``; a half-open range is checked by the caller's `hi` bound); MindSpore's TypeError
    ("Argument ... is not of type ...") and ValueError ("Input ... is not within the required
    interval of ...") wordings, after the op's name."""
    if isinstance(v, bool) or not isinstance(v, _numbers.Real):
        raise DTypeError(f"For '{op}', Argument {name} with value {v} is not of type {types}, but "
                         f"got {type(v)}.")
    if not lo <= v <= hi or (interval.endswith(")") and v == hi):
        shown = name if in_name is None else in_name
        raise ShapeError(f"For '{op}', Input {shown}{' ' if shown else ''}is not within the "
                         f"required interval of {interval}.")
    return float(v)


def _factor(op, name, v, in_name=None):
    return ms_number(op, name, v, 0, 16777216, "[0, 16777216]", in_name=in_name)


def _rgb(op, img):
    a = _image(op, img)
    if a.ndim != 3 or a.shape[2] != 3:
        raise ShapeError(f"For '{op}', the image must be HWC with 3 channels, but got shape "
                         f"{list(a.shape)}.")
    return a


def _padding4(op, padding):
    """``padding`` as ``(left, top, right, bottom)``: an int (every side), a pair (left/right,
    top/bottom) or four; MindSpore's errors (TypeError for the kind, ValueError for the values)."""
    if isinstance(padding, _numbers.Integral) and not isinstance(padding, bool):
        padding = (padding,) * 4
    elif isinstance(padding, (tuple, list)):
        if len(padding) not in (2, 4):
            raise ShapeError(f"For '{op}', the size of the padding list or tuple should be 2 or "
                             f"4, but got {len(padding)}.")
        if len(padding) == 2:
            padding = (padding[0], padding[1], padding[0], padding[1])
    else:
        raise DTypeError(f"For '{op}', 'padding' must be an int or a list/tuple of 2 or 4 ints, "
                         f"but got {type(padding).__name__}.")
    for p in padding:
        if isinstance(p, bool) or not isinstance(p, _numbers.Integral):
            raise DTypeError(f"For '{op}', every padding must be an int, but got {p!r}.")
        if not 0 <= p <= 2147483647:
            raise ShapeError(f"For '{op}', input padding is not within the required interval of "
                             f"[0, 2147483647], got {p}.")
    return tuple(int(p) for p in padding)


def _fill_value(op, fill):
    """A fill value: an int in [0, 255] or three of them (one per channel)."""
    many = isinstance(fill, (tuple, list))
    values = list(fill) if many else [fill]
    if (many and len(values) != 3) or any(
            isinstance(v, bool) or not isinstance(v, _numbers.Integral) for v in values):
        raise DTypeError(f"For '{op}', fill_value should be a single integer or a 3-tuple, but "
                         f"got {fill!r}.")
    for v in values:
        if not 0 <= v <= 255:
            raise ShapeError(f"For '{op}', input fill_value is not within the required interval "
                             f"of [0, 255], got {v}.")
    return tuple(int(v) for v in values) if many else int(fill)


def _border(op, mode):
    if not isinstance(mode, Border):
        raise DTypeError(f"For '{op}', argument padding_mode with value {mode!r} is not of type "
                         f"[<enum 'Border'>], but got {type(mode).__name__}.")
    return mode


def _pad(a, padding, fill, mode):
    """`a` padded by ``(left, top, right, bottom)`` with the constant `fill` (an int or one per
    channel) or by the ``Border`` `mode`; a PIL image as MindSpore pads it (a constant by
    ``ImageOps.expand``)."""
    if _is_pil(a):
        if mode == Border.CONSTANT:
            return _pil.expand(a, padding, fill)
        # MindSpore's: the array padded, read back as Pillow reads it (CMYK as RGBA...)
        return _pil.as_pil(_pad_array(_np.asarray(a), padding, fill, mode), a, keep_mode=False)
    return _pad_array(a, padding, fill, mode)


def _pad_array(a, padding, fill, mode):
    """The array `a` padded as ``_pad`` pads it."""
    left, top, right, bottom = padding
    if not any(padding):
        return a
    width = [(top, bottom), (left, right)] + [(0, 0)] * (a.ndim - 2)
    if mode == Border.CONSTANT:
        if isinstance(fill, (tuple, list)) and a.ndim == 3:
            out = _np.stack([_np.pad(a[..., c], width[:2], constant_values=fill[c % len(fill)])
                             for c in range(a.shape[2])], -1)
            return out.astype(a.dtype)
        if isinstance(fill, (tuple, list)):
            fill = fill[0]
        return _np.pad(a, width, constant_values=fill)
    return _np.pad(a, width, mode=mode.value)


class Pad:
    """Pads the image's borders: `padding` an int (all sides), a pair (left/right, top/bottom) or
    four (left, top, right, bottom); `padding_mode` a ``Border``."""

    def __init__(self, padding, fill_value=0, padding_mode=Border.CONSTANT):
        self.padding = _padding4("Pad", padding)
        self.fill_value = fill_value
        self.padding_mode = Border(padding_mode)

    def __call__(self, img):
        a = img if _is_pil(img) else _image("Pad", img)
        return _pad(a, self.padding, self.fill_value, self.padding_mode)


class RandomCrop:
    """A random ``size`` window (an int or ``(height, width)``) of the image padded first by
    ``padding`` (see ``Pad``) and, with ``pad_if_needed``, by the missing rows or columns on
    both sides of an axis shorter than the window; the padding is ``fill_value`` (an int or
    one per channel) or the ``Border`` ``padding_mode``. A window larger than the padded image
    is a RuntimeError."""

    def __init__(self, size, padding=None, pad_if_needed=False, fill_value=0,
                 padding_mode=Border.CONSTANT):
        s = _size("RandomCrop", size)
        self.size = (s, s) if isinstance(s, int) else s
        self.padding = None if padding is None else _padding4("RandomCrop", padding)
        if not isinstance(pad_if_needed, bool):
            raise DTypeError(f"For 'RandomCrop', argument pad_if_needed with value "
                             f"{pad_if_needed!r} is not of type [<class 'bool'>], but got "
                             f"{type(pad_if_needed).__name__}.")
        self.pad_if_needed = pad_if_needed
        self.fill_value = _fill_value("RandomCrop", fill_value)
        self.padding_mode = _border("RandomCrop", padding_mode)

    def _padded(self, a):
        """The padded image (an array or a PIL image) and its ``(left, top)`` padding."""
        pad = list(self.padding or (0, 0, 0, 0))
        (h, w), ch, cw = _pil.hw(a), *self.size
        h, w = h + pad[1] + pad[3], w + pad[0] + pad[2]
        if self.pad_if_needed and h < ch:
            pad[1] += ch - h
            pad[3] += ch - h
        if self.pad_if_needed and w < cw:
            pad[0] += cw - w
            pad[2] += cw - w
        a = _pad(a, pad, self.fill_value, self.padding_mode)
        h, w = _pil.hw(a)
        if ch > h or cw > w:
            raise ComputeError(f"RandomCrop: invalid crop size, crop size is bigger than the image "
                               f"dimensions, got crop height: {ch}, crop width: {cw}, image "
                               f"height: {h}, image width: {w}.")
        return a, (pad[0], pad[1])

    def _window(self, a):
        """The padded image, its ``(left, top)`` padding and the window's ``(x, y)``, drawn as
        MindSpore draws it (the column, then the row)."""
        a, pad = self._padded(a)
        (ch, cw), (h, w), g = self.size, _pil.hw(a), _rng()
        x = int(g.integers(0, w - cw + 1))
        y = int(g.integers(0, h - ch + 1))
        return a, pad, (x, y)

    def __call__(self, img):
        a, _, (x, y) = self._window(img if _is_pil(img) else _image("RandomCrop", img))
        return _pil.crop(a, y, x, *self.size)


class Crop:
    """The `size` (an int or ``(h, w)``) region at `coordinates` ``(top, left)``."""

    def __init__(self, coordinates, size):
        if not (isinstance(coordinates, (tuple, list)) and len(coordinates) == 2 and all(
                isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in coordinates)):
            raise ShapeError(f"For 'Crop', 'coordinates' must be two non-negative ints, but got "
                             f"{coordinates!r}.")
        self.coordinates = tuple(coordinates)
        size = _size("Crop", size)
        self.size = (size, size) if isinstance(size, int) else size

    def __call__(self, img):
        a = _image("Crop", img)
        (top, left), (h, w) = self.coordinates, self.size
        if top + h > a.shape[0] or left + w > a.shape[1]:
            raise ShapeError(f"For 'Crop', the region at {self.coordinates} of size {self.size} "
                             f"exceeds the image of shape {list(a.shape)}.")
        return a[top:top + h, left:left + w].copy()


class ResizedCrop:
    """``Crop`` at ``(top, left)`` of ``(height, width)``, then ``Resize`` to `size`."""

    def __init__(self, top, left, height, width, size, interpolation=Inter.BILINEAR):
        self._crop = Crop((top, left), (height, width))
        size = _size("ResizedCrop", size)
        self.size = (size, size) if isinstance(size, int) else size
        self.interpolation = interpolation

    def __call__(self, img):
        return _resize(self._crop(img), self.size[0], self.size[1], self.interpolation)


def _five(a, h, w):
    H, W = a.shape[:2]
    if h > H or w > W:
        raise ShapeError(f"For 'FiveCrop', the crop size {(h, w)} exceeds the image of shape "
                         f"{list(a.shape)}.")
    top, left = int(round((H - h) / 2.0)), int(round((W - w) / 2.0))
    return (a[:h, :w], a[:h, W - w:], a[H - h:, :w], a[H - h:, W - w:],
            a[top:top + h, left:left + w])


def _pil_crops(op, img):
    """``op`` (``FiveCrop``, ``TenCrop``) of a PIL image: its crops as PIL images, a window
    larger than the image MindSpore's ValueError."""
    (h, w), size = _pil.hw(img), tuple(op.size)
    if size[0] > h or size[1] > w:
        raise ShapeError(f"Crop size {size} is larger than input image size {(h, w)}.")
    return _pil.via_array(op.__call__, img)


class FiveCrop:
    """The four corner crops and the centre crop of `size`: five images."""

    def __init__(self, size):
        size = _size("FiveCrop", size)
        self.size = (size, size) if isinstance(size, int) else size

    def __call__(self, img):
        if _is_pil(img):
            return _pil_crops(self, img)
        return tuple(c.copy() for c in _five(_image("FiveCrop", img), *self.size))


class TenCrop:
    """``FiveCrop`` of the image and of its horizontal (or vertical) flip: ten images."""

    def __init__(self, size, use_vertical_flip=False):
        size = _size("TenCrop", size)
        self.size = (size, size) if isinstance(size, int) else size
        self.use_vertical_flip = bool(use_vertical_flip)

    def __call__(self, img):
        if _is_pil(img):
            return _pil_crops(self, img)
        a = _image("TenCrop", img)
        flipped = a[::-1] if self.use_vertical_flip else a[:, ::-1]
        return tuple(c.copy() for c in _five(a, *self.size) + _five(flipped, *self.size))


class HorizontalFlip:
    """The image mirrored left to right."""

    def __call__(self, img):
        return _image("HorizontalFlip", img)[:, ::-1].copy()


class VerticalFlip:
    """The image mirrored top to bottom."""

    def __call__(self, img):
        return _image("VerticalFlip", img)[::-1].copy()


class Grayscale:
    """An RGB image's luma (``0.299 R + 0.587 G + 0.114 B``) as 1 channel, or repeated in 3."""

    def __init__(self, num_output_channels=1):
        if num_output_channels not in (1, 3):
            raise ShapeError(f"For 'Grayscale', 'num_output_channels' must be 1 or 3, but got "
                             f"{num_output_channels!r}.")
        self.num_output_channels = num_output_channels

    def __call__(self, img):
        if _is_pil(img):  # Pillow's luma, as L or RGB
            g = img.convert("L")
            return g if self.num_output_channels == 1 else g.convert("RGB")
        a = _rgb("Grayscale", img)
        g = _as_dtype(_gray(a.astype(_np.float64)), a)[..., None]
        return _np.repeat(g, self.num_output_channels, 2)


class RandomGrayscale:
    """``Grayscale`` keeping the channel count, with probability `prob`."""

    def __init__(self, prob=0.1):
        self.prob = _prob("RandomGrayscale", prob)

    def __call__(self, img):
        if _is_pil(img):  # an L image stays L, the others become RGB
            if _rng().random() >= self.prob:
                return img
            return Grayscale(1 if img.mode == "L" else 3)(img)
        a = _image("RandomGrayscale", img)
        if _rng().random() >= self.prob:
            return a
        return Grayscale(a.shape[2] if a.ndim == 3 else 1)(a)


class Invert:
    """``255 − x`` of a ``uint8`` RGB image."""

    def __call__(self, img):
        if _is_pil(img):
            return _pil.image_ops(img, "invert")
        a = _rgb("Invert", img)
        if a.dtype != _np.uint8:
            raise DTypeError(f"For 'Invert', the image must be uint8, but got {a.dtype}.")
        return 255 - a


class RandomInvert:
    """``Invert`` with probability `prob`."""

    def __init__(self, prob=0.5):
        self.prob = _prob("RandomInvert", prob)

    def __call__(self, img):
        a = _image("RandomInvert", img)  # MindSpore's kernel: a PIL image comes back an array
        return Invert()(a) if _rng().random() < self.prob else a


class AdjustBrightness:
    """The image times `brightness_factor` (a blend with black)."""

    def __init__(self, brightness_factor):
        self.factor = _factor("AdjustBrightness", "brightness_factor", brightness_factor)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.enhance(img, "Brightness", self.factor)
        a = _rgb("AdjustBrightness", img)
        # MindSpore's OpenCV scales in Float32 and rounds half to even.
        return _as_dtype(a.astype(_np.float32) * _np.float32(self.factor), a)


class AdjustContrast:
    """A blend with the image's mean luma: ``mean + (x − mean)·contrast_factor``."""

    def __init__(self, contrast_factor):
        self.factor = _factor("AdjustContrast", "contrast_factor", contrast_factor)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.enhance(img, "Contrast", self.factor)
        a = _rgb("AdjustContrast", img)
        f = a.astype(_np.float64)
        mean = _gray(f).mean()
        if _np.issubdtype(a.dtype, _np.integer):
            mean = float(_np.rint(mean))
        return _as_dtype(_blend(f, mean, self.factor), a)


class AdjustSaturation:
    """A blend with the image's luma: ``gray + (x − gray)·saturation_factor``."""

    def __init__(self, saturation_factor):
        self.factor = _factor("AdjustSaturation", "saturation_factor", saturation_factor,
                              in_name="")  # MindSpore's message leaves the name out

    def __call__(self, img):
        if _is_pil(img):
            return _pil.enhance(img, "Color", self.factor)
        a = _rgb("AdjustSaturation", img)
        if a.dtype == _np.uint8:
            # MindSpore's: OpenCV's gray (its fixed point), then ``addWeighted`` in Float32.
            g = _luma(a, a.dtype)[..., None].astype(_np.float32)
            alpha = _np.float32(self.factor)
            return _as_dtype(a.astype(_np.float32) * alpha + g * (_np.float32(1) - alpha), a)
        f = a.astype(_np.float64)
        g = _gray(f)[..., None]
        if _np.issubdtype(a.dtype, _np.integer):
            g = _np.rint(g)
        return _as_dtype(_blend(f, g, self.factor), a)


class AdjustGamma:
    """``gain · x^gamma`` for float images; for integer ones MindSpore's table (PIL's),
    ``⌊(256 − 10⁻³) · gain · (x / 255)^gamma⌋`` clipped to 255. (MindSpore 2.10 computes a
    float image as ``(gain · x)^gamma`` clipped to [0, 1], which is not its documented
    ``gain · x^gamma``; this follows the documentation.)"""

    def __init__(self, gamma, gain=1):
        self.gamma = _factor("AdjustGamma", "gamma", gamma, in_name="")  # as MindSpore's message
        if isinstance(gain, bool) or not isinstance(gain, _numbers.Real):
            raise DTypeError(f"For 'AdjustGamma', 'gain' must be a number, but got {gain!r}.")
        self.gain = float(gain)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.gamma(img, self.gamma, self.gain)
        a = _image("AdjustGamma", img)
        f = a.astype(_np.float64)
        if _np.issubdtype(a.dtype, _np.integer):
            out = _np.floor((256 - 1e-3) * self.gain * (f / 255.0) ** self.gamma)
            return _np.clip(out, 0, 255).astype(a.dtype)
        return _as_dtype(self.gain * f ** self.gamma, a)


class Posterize:
    """Each ``uint8`` value keeping its `bits` high bits."""

    def __init__(self, bits):
        if isinstance(bits, bool) or not isinstance(bits, int) or not 0 <= bits <= 8:
            raise ShapeError(f"For 'Posterize', 'bits' must be an int in [0, 8], but got {bits!r}.")
        self.bits = bits

    def __call__(self, img):
        a = _image("Posterize", img)
        if a.dtype != _np.uint8:
            raise DTypeError(f"For 'Posterize', the image must be uint8, but got {a.dtype}.")
        return a & _np.uint8((0xFF << (8 - self.bits)) & 0xFF)


class Solarize:
    """Values in `threshold` (a number ``t`` is ``[t, 255]``, a pair ``[lo, hi]``) inverted."""

    def __init__(self, threshold):
        t = (threshold, 255) if isinstance(threshold, _numbers.Real) else tuple(threshold)
        if len(t) != 2 or not 0 <= t[0] <= t[1] <= 255:
            raise ShapeError(f"For 'Solarize', 'threshold' must be a number or an increasing pair "
                             f"in [0, 255], but got {threshold!r}.")
        self.threshold = t

    def __call__(self, img):
        a = _image("Solarize", img)
        if a.dtype != _np.uint8:
            raise DTypeError(f"For 'Solarize', the image must be uint8, but got {a.dtype}.")
        lo, hi = self.threshold
        return _np.where((a >= lo) & (a <= hi), 255 - a, a).astype(_np.uint8)

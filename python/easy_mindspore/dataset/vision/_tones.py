"""More of ``mindspore.dataset.vision``, part three: tone and colour operations (``AutoContrast``,
``Equalize``, ``AdjustSharpness``, ``AdjustHue``, ``RgbToHsv``, ``HsvToRgb``, ``ConvertColor``),
their random forms, ``ToType``, ``NormalizePad``, ``PadToSize``, ``LinearTransformation``,
``Erase``, ``CutOut``, ``RandomErasing`` and ``get_image_num_channels`` / ``get_image_size``.
HWC NumPy images as ``map`` hands them over; the random ones draw from the pipeline's generator.
The package (``__init__``) re-exports them."""
import enum as _enum
import numbers as _numbers

import numpy as _np

from ..._errors import DTypeError, ShapeError
from ...common import dtype as _mstype
from . import _gray, _image, _is_pil, _luma, _pil, _rng, _turn_hue_u8
from ._more import Border, Posterize, Solarize, _as_dtype, _prob, ms_number

__all__ = ["AutoContrast", "RandomAutoContrast", "Equalize", "RandomEqualize", "AdjustSharpness",
           "RandomAdjustSharpness", "RandomSharpness", "AdjustHue", "RandomColor", "RgbToHsv",
           "HsvToRgb", "ConvertMode", "ConvertColor", "ToType", "NormalizePad", "PadToSize",
           "LinearTransformation", "Erase", "CutOut", "RandomErasing", "RandomPosterize",
           "RandomSolarize", "get_image_num_channels", "get_image_size"]


def _uint8(op, img):
    a = _image(op, img)
    if a.dtype != _np.uint8:
        raise DTypeError(f"For '{op}', the image must be uint8, but got {a.dtype}.")
    return a


def _per_channel(a, fn):
    """`fn` (a 256-entry table of a channel's histogram) applied to each channel of `a`."""
    if a.ndim == 2:
        return fn(a)
    return _np.stack([fn(a[..., c]) for c in range(a.shape[2])], -1)


class AutoContrast:
    """Stretches each channel's range to ``[0, 255]``: its lowest and highest values after
    dropping `cutoff` percent of the pixels at each end (and the values in `ignore`) become 0 and
    255, as PIL's ``ImageOps.autocontrast``."""

    def __init__(self, cutoff=0.0, ignore=None):
        ms_number("AutoContrast", "cutoff", cutoff, 0, 50, "[0, 50)")
        if ignore is not None and (isinstance(ignore, bool) or not isinstance(ignore, (list, tuple, int))):
            raise DTypeError(f"For 'AutoContrast', Argument ignore with value {ignore} is not of type "
                             f"[<class 'list'>, <class 'tuple'>, <class 'int'>], but got "
                             f"{type(ignore)}.")
        ignore = [] if ignore is None else ([ignore] if isinstance(ignore, int) else list(ignore))
        if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 255 for v in ignore):
            raise ShapeError(f"For 'AutoContrast', 'ignore' must be ints in [0, 255], but got {ignore!r}.")
        self.cutoff, self.ignore = float(cutoff), ignore

    def _channel(self, ch):
        hist = _np.bincount(ch.ravel(), minlength=256).astype(_np.int64)
        hist[self.ignore] = 0
        if self.cutoff:
            cut = int(hist.sum() * self.cutoff / 100)
            for order in (slice(None), slice(None, None, -1)):
                h, left = hist[order], cut
                for i in range(256):
                    take = min(left, h[i])
                    h[i] -= take
                    left -= take
                    if left == 0:
                        break
        nonzero = _np.flatnonzero(hist)
        if nonzero.size == 0 or nonzero[-1] <= nonzero[0]:
            return ch
        lo, hi = nonzero[0], nonzero[-1]
        # MindSpore's table: ``int(i·scale + offset)`` in Float32, offset = −lo·scale.
        scale = _np.float32(255.0) / _np.float32(hi - lo)
        offset = -_np.float32(lo) * scale
        lut = _np.arange(256, dtype=_np.float32) * scale + offset
        return _np.clip(lut.astype(_np.int64), 0, 255).astype(_np.uint8)[ch]

    def __call__(self, img):
        if _is_pil(img):
            return _pil.image_ops(img, "autocontrast", self.cutoff, self.ignore or None)
        return _per_channel(_uint8("AutoContrast", img), self._channel)


def _equalize(ch):
    """OpenCV's ``equalizeHist``: the histogram's running sum past the first level present,
    scaled to [0, 255] and rounded (to even)."""
    hist = _np.bincount(ch.ravel(), minlength=256).astype(_np.int64)
    first = int(_np.flatnonzero(hist)[0]) if ch.size else 0
    total = int(ch.size)
    if not total or hist[first] == total:
        return _np.full_like(ch, first)
    scale = _np.float32(255.0 / (total - hist[first]))
    lut = _np.zeros(256, _np.float32)
    lut[first + 1:] = _np.cumsum(hist[first + 1:]).astype(_np.float32) * scale
    return _np.clip(_np.rint(lut), 0, 255).astype(_np.uint8)[ch]


class Equalize:
    """Equalizes each channel's histogram, as OpenCV's ``equalizeHist`` (MindSpore's kernel)."""

    def __call__(self, img):
        if _is_pil(img):
            return _pil.image_ops(img, "equalize")
        return _per_channel(_uint8("Equalize", img), _equalize)


class _Randomly:
    """Applies ``self._inner`` with probability `prob` (to an array: MindSpore's kernels give a
    PIL image back as one)."""

    def __call__(self, img):
        a = _image(type(self).__name__, img)
        return self._inner(a) if _rng().random() < self.prob else a


class RandomAutoContrast(_Randomly):
    """``AutoContrast(cutoff, ignore)`` with probability `prob`."""

    def __init__(self, cutoff=0.0, ignore=None, prob=0.5):
        self._inner, self.prob = AutoContrast(cutoff, ignore), _prob("RandomAutoContrast", prob)


class RandomEqualize(_Randomly):
    """``Equalize()`` with probability `prob`."""

    def __init__(self, prob=0.5):
        self._inner, self.prob = Equalize(), _prob("RandomEqualize", prob)


def _sharpen(img, factor):
    """PIL's ``ImageEnhance.Sharpness``: a blend of the image with its 3 × 3 smoothing
    (``[[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13``, the border pixels kept)."""
    a = img.astype(_np.float64)
    smooth = a.copy()
    if a.shape[0] > 2 and a.shape[1] > 2:
        acc = _np.zeros_like(a[1:-1, 1:-1])
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                w = 5.0 if dy == dx == 0 else 1.0
                acc += w * a[1 + dy:a.shape[0] - 1 + dy, 1 + dx:a.shape[1] - 1 + dx]
        smooth[1:-1, 1:-1] = _np.floor(acc / 13.0 + 0.5)
    return _as_dtype(smooth + (a - smooth) * factor, img)


class AdjustSharpness:
    """Sharpens (`sharpness_factor` > 1) or blurs (< 1) the image; 1 keeps it."""

    def __init__(self, sharpness_factor):
        # MindSpore 2.10's range message leaves the argument's name out here (and for
        # AdjustSaturation, AdjustGamma): the same text, so code matching it keeps working.
        self.sharpness_factor = ms_number("AdjustSharpness", "sharpness_factor", sharpness_factor,
                                          0, 16777216, "[0, 16777216]", in_name="")

    def __call__(self, img):
        return _sharpen(_image("AdjustSharpness", img), self.sharpness_factor)


class RandomAdjustSharpness(_Randomly):
    """``AdjustSharpness(degree)`` with probability `prob`."""

    def __init__(self, degree, prob=0.5):
        self._inner, self.prob = AdjustSharpness(degree), _prob("RandomAdjustSharpness", prob)


def _degrees(op, degrees):
    if not (isinstance(degrees, (tuple, list)) and len(degrees) == 2
            and all(isinstance(d, _numbers.Real) and not isinstance(d, bool) and d >= 0 for d in degrees)
            and degrees[0] <= degrees[1]):
        raise ShapeError(f"For '{op}', 'degrees' must be an increasing pair of non-negative numbers, "
                         f"but got {degrees!r}.")
    return float(degrees[0]), float(degrees[1])


class RandomSharpness:
    """``AdjustSharpness`` by a factor drawn from `degrees`."""

    def __init__(self, degrees=(0.1, 1.9)):
        self.degrees = _degrees("RandomSharpness", degrees)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.enhance(img, "Sharpness", _rng().uniform(*self.degrees))
        return _sharpen(_image("RandomSharpness", img), _rng().uniform(*self.degrees))


class RandomColor:
    """The saturation blended by a factor drawn from `degrees` (0 gray, 1 the image), as PIL's
    ``ImageEnhance.Color``."""

    def __init__(self, degrees=(0.1, 1.9)):
        self.degrees = _degrees("RandomColor", degrees)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.enhance(img, "Color", _rng().uniform(*self.degrees))
        a = _image("RandomColor", img)
        if a.ndim != 3 or a.shape[2] != 3:
            raise ShapeError(f"For 'RandomColor', the image must be HWC with 3 channels, but got "
                             f"shape {list(a.shape)}.")
        f = _rng().uniform(*self.degrees)
        gray = _gray(a.astype(_np.float64))[..., None]
        return _as_dtype(gray + (a - gray) * f, a)


def _rgb_to_hsv(rgb):
    """Float RGB (last axis) in [0, 1] to HSV in [0, 1], as ``colorsys``."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    mx, mn = rgb.max(-1), rgb.min(-1)
    d = mx - mn
    safe = _np.where(d == 0, 1.0, d)
    h = _np.where(mx == r, (g - b) / safe, _np.where(mx == g, 2.0 + (b - r) / safe, 4.0 + (r - g) / safe))
    h = _np.where(d == 0, 0.0, (h / 6.0) % 1.0)
    s = _np.where(mx == 0, 0.0, d / _np.where(mx == 0, 1.0, mx))
    return _np.stack([h, s, mx], -1)


def _hsv_to_rgb(hsv):
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    i = _np.floor(h * 6.0)
    f = h * 6.0 - i
    p, q, t = v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))
    i = i.astype(_np.int64) % 6
    r = _np.choose(i, [v, q, p, p, t, v])
    g = _np.choose(i, [t, v, v, q, p, p])
    b = _np.choose(i, [p, p, t, v, v, q])
    out = _np.stack([r, g, b], -1)
    return _np.where((s == 0)[..., None], v[..., None], out)


class AdjustHue:
    """Turns the hue of an RGB image by `hue_factor` (a fraction of the circle, in
    ``[-0.5, 0.5]``). A uint8 image turns as MindSpore's: in OpenCV's 8-bit HSV (hue in 256
    levels) by ``int(hue_factor·255)`` levels; float images in continuous HSV."""

    def __init__(self, hue_factor):
        ms_number("AdjustHue", "hue_factor", hue_factor, -0.5, 0.5, "[-0.5, 0.5]")
        self.hue_factor = float(hue_factor)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.turn_hue(img, self.hue_factor)
        a = _image("AdjustHue", img)
        if a.ndim != 3 or a.shape[2] != 3:
            raise ShapeError(f"For 'AdjustHue', the image must be HWC with 3 channels, but got "
                             f"shape {list(a.shape)}.")
        if a.dtype == _np.uint8:
            return _turn_hue_u8(a, self.hue_factor)
        hsv = _rgb_to_hsv(a.astype(_np.float64))
        hsv[..., 0] = (hsv[..., 0] + self.hue_factor) % 1.0
        return _as_dtype(_hsv_to_rgb(hsv), a)


class _ChannelsFirst:
    """An op on CHW float images (HWC with ``is_hwc``), as MindSpore's ``RgbToHsv`` takes them."""
    _op, _end = "", ""

    def __init__(self, is_hwc=False):
        if not isinstance(is_hwc, bool):
            raise DTypeError(f"For '{self._op}', 'is_hwc' must be a bool, but got {is_hwc!r}.")
        self.is_hwc = is_hwc

    def __call__(self, img):
        if _is_pil(img):
            raise _pil.not_numpy("image", img, self._end)
        try:
            a = _np.asarray(img)
        except (ValueError, TypeError, RecursionError):
            raise ShapeError(f"For '{self._op}', the image must be an array, but got "
                             f"{type(img).__name__}.") from None
        axis = -1 if self.is_hwc else -3
        if a.ndim not in (3, 4) or a.shape[axis] != 3:
            raise ShapeError(f"For '{self._op}', the image must have 3 channels ({'HWC' if self.is_hwc else 'CHW'}),"
                             f" but got shape {list(a.shape)}.")
        x = _np.moveaxis(a.astype(_np.float64), axis, -1)
        return _np.moveaxis(self._convert(x), -1, axis)


class RgbToHsv(_ChannelsFirst):
    """RGB in [0, 1] to HSV in [0, 1] (Float64), CHW unless `is_hwc`."""
    _op = "RgbToHsv"
    _convert = staticmethod(_rgb_to_hsv)


class HsvToRgb(_ChannelsFirst):
    """HSV in [0, 1] to RGB (Float64), CHW unless `is_hwc`."""
    _op, _end = "HsvToRgb", "."
    _convert = staticmethod(_hsv_to_rgb)


class ConvertMode(_enum.IntEnum):
    """The colour conversions of ``ConvertColor`` (OpenCV's codes)."""
    COLOR_BGR2BGRA = 0
    COLOR_RGB2RGBA = 0
    COLOR_BGRA2BGR = 1
    COLOR_RGBA2RGB = 1
    COLOR_BGR2RGBA = 2
    COLOR_RGB2BGRA = 2
    COLOR_RGBA2BGR = 3
    COLOR_BGRA2RGB = 3
    COLOR_BGR2RGB = 4
    COLOR_RGB2BGR = 4
    COLOR_BGRA2RGBA = 5
    COLOR_RGBA2BGRA = 5
    COLOR_BGR2GRAY = 6
    COLOR_RGB2GRAY = 7
    COLOR_GRAY2BGR = 8
    COLOR_GRAY2RGB = 8
    COLOR_GRAY2BGRA = 9
    COLOR_GRAY2RGBA = 9
    COLOR_BGRA2GRAY = 10
    COLOR_RGBA2GRAY = 11


class ConvertColor:
    """Converts between RGB/BGR(A) and gray as OpenCV's ``cvtColor`` with `convert_mode`."""

    def __init__(self, convert_mode):
        if not isinstance(convert_mode, ConvertMode):
            raise DTypeError(f"For 'ConvertColor', 'convert_mode' must be a ConvertMode, but got "
                             f"{convert_mode!r}.")
        self.convert_mode = convert_mode

    def __call__(self, img):
        a = _image("ConvertColor", img)
        m = int(self.convert_mode)
        need = {0: 3, 1: 4, 2: 3, 3: 4, 4: 3, 5: 4, 6: 3, 7: 3, 8: 1, 9: 1, 10: 4, 11: 4}[m]
        channels = 1 if a.ndim == 2 else a.shape[2]
        if channels != need:
            raise ShapeError(f"For 'ConvertColor', {self.convert_mode.name} needs {need} channels, "
                             f"but the image has shape {list(a.shape)}.")
        opaque = _np.iinfo(a.dtype).max if a.dtype.kind in "iu" else 1.0
        if m in (0, 2):  # add alpha (swapping first for 2)
            rgb = a[..., ::-1] if m == 2 else a
            return _np.concatenate([rgb, _np.full(a.shape[:2] + (1,), opaque, a.dtype)], -1)
        if m in (1, 3):
            rgb = a[..., :3]
            return _np.ascontiguousarray(rgb[..., ::-1] if m == 3 else rgb)
        if m == 4:
            return _np.ascontiguousarray(a[..., ::-1])
        if m == 5:
            return _np.concatenate([a[..., 2::-1], a[..., 3:]], -1)
        if m in (6, 10):  # BGR(A): the channels reversed first
            return _luma(a[..., 2::-1], a.dtype)
        if m in (7, 11):
            return _luma(a[..., :3], a.dtype)
        g = a if a.ndim == 2 else a[..., 0]
        planes = [g, g, g] + ([_np.full(g.shape, opaque, a.dtype)] if m == 9 else [])
        return _np.stack(planes, -1)


class ToType:
    """The image cast to `data_type` (a NumPy or MindSpore dtype)."""

    def __init__(self, data_type):
        if isinstance(data_type, _mstype.Type):
            data_type = _mstype.dtype_to_nptype(data_type)
        try:
            self.data_type = _np.dtype(data_type)
        except TypeError:
            raise DTypeError(f"For 'ToType', 'data_type' must be a NumPy or MindSpore dtype, but got "
                             f"{data_type!r}.") from None

    def __call__(self, img):
        return _np.asarray(img).astype(self.data_type)


class NormalizePad:
    """``(image - mean) / std`` per channel, with a fourth channel of zeros (an HWC image of 3
    channels), as `dtype` (``'float32'`` or ``'float16'``).

    MindSpore 2.10's eager call (on a NumPy array) returns the three normalised channels' buffer
    read as four channels, with the zeros at its end (a ``[2, 2, 3]`` image ``0..11`` gives
    ``[[0 1 2 3] [4 5 6 7]] [[8 9 10 11] [0 0 0 0]]``): a MindSpore bug. This one pads each pixel,
    as MindSpore documents it."""

    def __init__(self, mean, std, dtype="float32", is_hwc=True):
        mean, std = _np.asarray(mean, _np.float64), _np.asarray(std, _np.float64)
        if mean.shape != (3,) or std.shape != (3,) or (std <= 0).any():
            raise ShapeError(f"For 'NormalizePad', 'mean' and 'std' must be 3 numbers each (std "
                             f"positive), but got {mean.tolist()} and {std.tolist()}.")
        if dtype not in ("float32", "float16"):
            raise ShapeError(f"For 'NormalizePad', 'dtype' must be 'float32' or 'float16', but got "
                             f"{dtype!r}.")
        self.mean, self.std, self.dtype, self.is_hwc = mean, std, dtype, bool(is_hwc)

    def __call__(self, img):
        a = _image("NormalizePad", img).astype(_np.float64)
        axis = -1 if self.is_hwc else 0
        if a.ndim != 3 or a.shape[axis] != 3:
            raise ShapeError(f"For 'NormalizePad', the image must have 3 channels, but got shape "
                             f"{list(a.shape)}.")
        x = _np.moveaxis(a, axis, -1)
        out = _np.concatenate([(x - self.mean) / self.std, _np.zeros(x.shape[:2] + (1,))], -1)
        return _np.moveaxis(out.astype(_np.float32).astype(self.dtype), -1, axis)


class PadToSize:
    """Pads the image to `size` ``(height, width)``: `offset` (top, left) of the image in it, an
    int for both, or centred when None; filled as `padding_mode` (a ``Border``) says."""

    def __init__(self, size, offset=None, fill_value=0, padding_mode=Border.CONSTANT):
        self.size = (size, size) if isinstance(size, int) and not isinstance(size, bool) else tuple(size)
        if len(self.size) != 2 or not all(isinstance(s, int) and s > 0 for s in self.size):
            raise ShapeError(f"For 'PadToSize', 'size' must be a positive int or two, but got {size!r}.")
        if offset is not None:
            offset = (offset, offset) if isinstance(offset, int) else tuple(offset)
            if len(offset) != 2 or not all(isinstance(o, int) and o >= 0 for o in offset):
                raise ShapeError(f"For 'PadToSize', 'offset' must be non-negative ints, but got "
                                 f"{offset!r}.")
        if not isinstance(padding_mode, Border):
            raise DTypeError(f"For 'PadToSize', 'padding_mode' must be a Border, but got "
                             f"{padding_mode!r}.")
        self.offset, self.fill_value, self.padding_mode = offset, fill_value, padding_mode

    def __call__(self, img):
        a = _image("PadToSize", img)
        (h, w), (th, tw) = a.shape[:2], self.size
        top, left = ((th - h) // 2, (tw - w) // 2) if self.offset is None else self.offset
        if top + h > th or left + w > tw:
            raise ShapeError(f"For 'PadToSize', an image of {h}x{w} at offset ({top}, {left}) does "
                             f"not fit in {th}x{tw}.")
        pads = [(top, th - h - top), (left, tw - w - left)] + [(0, 0)] * (a.ndim - 2)
        if self.padding_mode == Border.CONSTANT:
            return _np.pad(a, pads, constant_values=self.fill_value)
        return _np.pad(a, pads, mode=self.padding_mode.value)


class LinearTransformation:
    """``(x - mean_vector) @ transformation_matrix`` of the flattened image (``D = C·H·W``),
    reshaped back."""

    def __init__(self, transformation_matrix, mean_vector):
        m, v = _np.asarray(transformation_matrix), _np.asarray(mean_vector)
        if m.ndim != 2 or m.shape[0] != m.shape[1] or v.shape != (m.shape[0],):
            raise ShapeError(f"For 'LinearTransformation', the matrix must be D x D and the mean "
                             f"vector D, but got {list(m.shape)} and {list(v.shape)}.")
        self.transformation_matrix, self.mean_vector = m, v

    def __call__(self, img):
        if _is_pil(img):
            raise _pil.not_numpy("array", img, "")
        a = _np.asarray(img)
        if a.size != self.mean_vector.size:
            raise ShapeError(f"For 'LinearTransformation', the image has {a.size} elements but the "
                             f"matrix is {self.mean_vector.size} wide.")
        out = (a.reshape(-1) - self.mean_vector) @ self.transformation_matrix
        return out.reshape(a.shape).astype(a.dtype)


class Erase:
    """The rectangle at (`top`, `left`) of `height` × `width` set to `value` (one number or
    one per channel)."""

    def __init__(self, top, left, height, width, value=0, inplace=False):
        for name, v in (("top", top), ("left", left), ("height", height), ("width", width)):
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ShapeError(f"For 'Erase', '{name}' must be a non-negative int, but got {v!r}.")
        self.top, self.left, self.height, self.width = top, left, height, width
        self.value, self.inplace = value, bool(inplace)

    def __call__(self, img):
        a = _image("Erase", img)
        out = a if self.inplace and a.flags.writeable else a.copy()
        out[self.top:self.top + self.height, self.left:self.left + self.width] = self.value
        return out


class CutOut:
    """`num_patches` squares of side `length` (at random places, partly outside allowed) set to 0."""

    def __init__(self, length, num_patches=1, is_hwc=True):
        for name, v in (("length", length), ("num_patches", num_patches)):
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                raise ShapeError(f"For 'CutOut', '{name}' must be a positive int, but got {v!r}.")
        self.length, self.num_patches, self.is_hwc = length, num_patches, bool(is_hwc)

    def __call__(self, img):
        a = _image("CutOut", img).copy()
        view = a if self.is_hwc or a.ndim == 2 else _np.moveaxis(a, 0, -1)
        h, w = view.shape[:2]
        rng = _rng()
        for _ in range(self.num_patches):
            y, x = int(rng.integers(0, h)), int(rng.integers(0, w))
            half = self.length // 2
            view[max(0, y - half):y + self.length - half, max(0, x - half):x + self.length - half] = 0
        return a


class RandomErasing:
    """With probability `prob`, a rectangle of a random area (fraction in `scale`) and aspect
    ratio (in `ratio`) of a CHW image set to `value` (a number, one per channel, or
    ``'random'``)."""

    def __init__(self, prob=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0, inplace=False,
                 max_attempts=10):
        self.prob = _prob("RandomErasing", prob)
        if len(scale) != 2 or not 0 <= scale[0] <= scale[1] or len(ratio) != 2 or not 0 < ratio[0] <= ratio[1]:
            raise ShapeError(f"For 'RandomErasing', 'scale' and 'ratio' must be increasing pairs, "
                             f"but got {scale!r} and {ratio!r}.")
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts <= 0:
            raise ShapeError(f"For 'RandomErasing', 'max_attempts' must be a positive int, but got "
                             f"{max_attempts!r}.")
        self.scale, self.ratio, self.value = tuple(scale), tuple(ratio), value
        self.inplace, self.max_attempts = bool(inplace), max_attempts

    def __call__(self, img):
        if _is_pil(img):
            raise _pil.not_numpy("array", img)
        a = _np.asarray(img)
        if a.ndim != 3:
            raise ShapeError(f"For 'RandomErasing', the image must be CHW, but got shape {list(a.shape)}.")
        rng = _rng()
        if rng.random() >= self.prob:
            return a
        c, h, w = a.shape
        for _ in range(self.max_attempts):
            area = h * w * rng.uniform(*self.scale)
            aspect = _np.exp(rng.uniform(_np.log(self.ratio[0]), _np.log(self.ratio[1])))
            eh, ew = int(round(_np.sqrt(area * aspect))), int(round(_np.sqrt(area / aspect)))
            if 0 < eh < h and 0 < ew < w:
                top, left = int(rng.integers(0, h - eh + 1)), int(rng.integers(0, w - ew + 1))
                out = a if self.inplace and a.flags.writeable else a.copy()
                if isinstance(self.value, str):
                    patch = rng.standard_normal((c, eh, ew)).astype(a.dtype)
                else:
                    patch = _np.asarray(self.value, a.dtype).reshape(-1, 1, 1)
                out[:, top:top + eh, left:left + ew] = patch
                return out
        return a


class RandomPosterize:
    """``Posterize`` with a bit count drawn from `bits` (``(lo, hi)`` or one int)."""

    def __init__(self, bits=(8, 8)):
        bits = (bits, bits) if isinstance(bits, int) and not isinstance(bits, bool) else tuple(bits)
        if len(bits) != 2 or not all(isinstance(b, int) and 1 <= b <= 8 for b in bits) or bits[0] > bits[1]:
            raise ShapeError(f"For 'RandomPosterize', 'bits' must be ints in [1, 8], increasing, but "
                             f"got {bits!r}.")
        self.bits = bits

    def __call__(self, img):
        return Posterize(int(_rng().integers(self.bits[0], self.bits[1] + 1)))(img)


class RandomSolarize:
    """``Solarize`` with a threshold range drawn inside `threshold` (``(lo, hi)`` in [0, 255])."""

    def __init__(self, threshold=(0, 255)):
        t = tuple(threshold)
        if len(t) != 2 or not all(isinstance(v, int) and 0 <= v <= 255 for v in t) or t[0] > t[1]:
            raise ShapeError(f"For 'RandomSolarize', 'threshold' must be an increasing pair in "
                             f"[0, 255], but got {threshold!r}.")
        self.threshold = t

    def __call__(self, img):
        lo = int(_rng().integers(self.threshold[0], self.threshold[1] + 1))
        hi = int(_rng().integers(lo, self.threshold[1] + 1))
        return Solarize([lo, hi])(img)


def get_image_num_channels(image):
    """The channels of an HWC image (1 for an HW one).

    Args:
        image (numpy.ndarray): The image.

    Returns:
        int.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.vision as vision
        >>> print(vision.get_image_num_channels(np.zeros((4, 5, 3), np.uint8)))
        3
    """
    a = _image("get_image_num_channels", image)
    return 1 if a.ndim == 2 else int(a.shape[2])


def get_image_size(image):
    """``[height, width]`` of an HW or HWC image.

    Args:
        image (numpy.ndarray): The image.

    Returns:
        list[int].

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.vision as vision
        >>> print(vision.get_image_size(np.zeros((4, 5, 3), np.uint8)))
        [4, 5]
    """
    a = _image("get_image_size", image)
    return [int(a.shape[0]), int(a.shape[1])]

"""``mindspore.dataset.vision``: image transforms on NumPy arrays (HWC, as a dataset's ``map``
hands them over), with MindSpore's names and defaults: ``Resize`` (bilinear with half-pixel
centres, as OpenCV's ``INTER_LINEAR``; ``uint8`` results rounded), ``CenterCrop``, ``Normalize``,
``Rescale``, ``HWC2CHW``, ``ToTensor``, the random flips and crops (drawn from the pipeline's generator,
``dataset.config``, which ``set_seed`` there or ``mindspore.set_seed`` restarts), ``ToPIL`` and
``ToNumpy``; padding, more crops and flips and the colour operations are part two (``_more``),
tone and colour operations, erasing and padding to a size part three (``_tones``)."""
import enum as _enum

import numpy as _np

from ..._errors import ComputeError, DTypeError, ShapeError
from ... import _C
from .. import config as _config

__all__ = ["Inter", "Resize", "CenterCrop", "Normalize", "Rescale", "HWC2CHW", "ToTensor",
           "RandomHorizontalFlip", "RandomVerticalFlip", "RandomResizedCrop",
           "ToPIL", "ToNumpy", "Decode", "RandomColorAdjust", "ImageReadMode", "read_image",
           "RandomCropDecodeResize"]


class Inter(_enum.IntEnum):
    """Interpolation modes (MindSpore 2.10's values)."""
    NEAREST = 0
    ANTIALIAS = 1
    LINEAR = 2
    BILINEAR = 2
    CUBIC = 3
    BICUBIC = 3
    AREA = 4
    PILCUBIC = 5


def _pil_image_type():
    """PIL's Image class, or None without Pillow (looked up once: a failed import is slow)."""
    global _PIL_IMAGE
    if _PIL_IMAGE is False:
        try:
            from PIL import Image
            _PIL_IMAGE = Image.Image
        except ImportError:
            _PIL_IMAGE = None
    return _PIL_IMAGE


_PIL_IMAGE = False


def _is_pil(img):
    """Whether ``img`` is a PIL image (MindSpore runs its Python transforms on those with
    Pillow, ``_pil``)."""
    pil = _pil_image_type()
    return pil is not None and isinstance(img, pil)


# Pillow's filter for each mode MindSpore resamples a PIL image with.
_PIL_FILTERS = {Inter.NEAREST: "NEAREST", Inter.LINEAR: "BILINEAR", Inter.CUBIC: "BICUBIC",
                Inter.ANTIALIAS: "LANCZOS"}


def _pil_filter(interpolation):
    if interpolation not in _PIL_FILTERS:
        raise DTypeError("Current Interpolation is not supported with PIL input.")
    from PIL import Image
    return getattr(Image, _PIL_FILTERS[interpolation])


def _image(op, img):
    if not isinstance(img, _np.ndarray):
        pil = _pil_image_type()
        if pil is not None and isinstance(img, pil):
            img = _np.asarray(img)
    try:
        a = _np.asarray(img)
    except (ValueError, TypeError, RecursionError):
        raise ShapeError(f"For '{op}', the image must be an HW or HWC array, but got "
                         f"{type(img).__name__}.") from None
    if a.ndim not in (2, 3) or a.dtype == object:
        raise ShapeError(f"For '{op}', the image must be an HW or HWC array, but got shape {a.shape}.")
    return a


def _size(op, size):
    """A positive int or a pair of them (MindSpore's errors: a TypeError for the kind, a
    ValueError for a value below 1)."""
    if isinstance(size, (tuple, list)):
        if len(size) != 2 or not all(isinstance(s, int) and not isinstance(s, bool) for s in size):
            raise DTypeError(f"For '{op}', size should be a single integer or a list/tuple (h, w) "
                             f"of length 2, but got {size!r}.")
        if min(size) <= 0:
            raise ShapeError(f"For '{op}', 'size' must be positive, but got {size!r}.")
        return tuple(size)
    if not isinstance(size, int) or isinstance(size, bool):
        raise DTypeError(f"For '{op}', size should be a single integer or a list/tuple (h, w) of "
                         f"length 2, but got {type(size).__name__}.")
    if size <= 0:
        raise ShapeError(f"For '{op}', 'size' must be positive, but got {size!r}.")
    return size


def _rng():
    """The pipeline's generator (``dataset.config``): ``set_seed`` (the pipeline's or
    ``mindspore.set_seed``) restarts the transforms."""
    return _config._generator()


def _resize_axis(a, axis, n_out, nearest):
    n_in = a.shape[axis]
    scale = n_in / n_out
    src = (_np.arange(n_out) + 0.5) * scale - 0.5
    if nearest:
        idx = _np.minimum(_np.floor((_np.arange(n_out)) * scale).astype(_np.int64), n_in - 1)
        return _np.take(a, idx, axis)
    src = _np.clip(src, 0, n_in - 1)
    lo = _np.floor(src).astype(_np.int64)
    hi = _np.minimum(lo + 1, n_in - 1)
    w = (src - lo).reshape([-1 if d == axis else 1 for d in range(a.ndim)])
    return _np.take(a, lo, axis) * (1 - w) + _np.take(a, hi, axis) * w


_OPENCV_MODES = (Inter.NEAREST, Inter.LINEAR, Inter.CUBIC, Inter.AREA)


def _resize(a, h, w, interpolation, axis=0):
    """``a`` resized to ``h`` × ``w`` along the axes ``axis`` and ``axis + 1``: UInt8 and Float32
    images as MindSpore resizes them (OpenCV's ``cv::resize``, byte for byte: nearest, bilinear,
    bicubic, area; the Rust ``nn/data/resize.rs``); other dtypes and modes bilinearly (or by
    nearest neighbour) at OpenCV's positions in Float64."""
    nearest = interpolation == Inter.NEAREST
    if a.dtype in (_np.uint8, _np.float32) and a.ndim - axis in (2, 3) and interpolation in _OPENCV_MODES:
        mode = int(interpolation)
        resize = lambda img: _C.resize_image(_np.ascontiguousarray(img), h, w, mode)  # noqa: E731
        if axis == 0:
            return resize(a)
        return _np.stack([resize(img) for img in a]) if len(a) else \
            _np.zeros((0, h, w) + a.shape[3:], a.dtype)
    out = _resize_axis(_resize_axis(a.astype(_np.float64), axis, h, nearest), axis + 1, w, nearest)
    if _np.issubdtype(a.dtype, _np.integer):
        info = _np.iinfo(a.dtype)
        return _np.clip(_np.rint(out), info.min, info.max).astype(a.dtype)
    return out.astype(a.dtype)


class Resize:
    """Resizes to ``size``: ``(h, w)``, or an int for the shorter side (keeping the aspect)."""

    def __init__(self, size, interpolation=Inter.LINEAR):
        self.size, self.interpolation = _size("Resize", size), interpolation

    def _out_size(self, h, w):
        if not isinstance(self.size, int):
            return self.size
        if h <= w:
            return self.size, max(1, int(w * self.size / h))
        return max(1, int(h * self.size / w)), self.size

    def __call__(self, img):
        if _is_pil(img):  # MindSpore resizes a PIL image with Pillow and returns one
            h, w = self._out_size(img.height, img.width)
            return img.resize((w, h), _pil_filter(self.interpolation))
        a = _image("Resize", img)
        out = self._out_size(*a.shape[:2])
        if self.interpolation == Inter.ANTIALIAS:
            raise DTypeError(f"img should be PIL image. Got {type(img)}. Use Decode() for encoded "
                             "data or ToPIL() for decoded data.")
        if self.interpolation == Inter.PILCUBIC:
            return _pil_cubic(a, out)
        return _resize(a, out[0], out[1], self.interpolation)

    def _on_batch(self, batch):
        """The per-image results, stacked, computed on a stack of images at once (None for
        other layouts)."""
        if batch.ndim not in (3, 4) or batch.dtype == object or self.interpolation in (
                Inter.ANTIALIAS, Inter.PILCUBIC):
            return None
        out = self._out_size(*batch.shape[1:3])
        return _resize(batch, out[0], out[1], self.interpolation, axis=1)


def _pil_cubic(a, size):
    """``Inter.PILCUBIC`` of a NumPy image: Pillow's bicubic resampling, as MindSpore documents
    the mode (MindSpore 2.10's own port of it differs from Pillow on about a third of the pixels,
    by up to 10 levels); UInt8 images of 3 channels, as MindSpore's."""
    if a.dtype != _np.uint8 or a.ndim != 3 or a.shape[2] != 3:
        raise ComputeError(f"Resize: Interpolation mode PILCUBIC only supports UInt8 images with 3 "
                           f"channels, but got {a.dtype} of shape {list(a.shape)}.")
    try:
        from PIL import Image
    except ImportError:
        raise ComputeError("Resize: Inter.PILCUBIC needs Pillow (pip install pillow).") from None
    return _np.asarray(Image.fromarray(a).resize((size[1], size[0]), Image.BICUBIC))


class CenterCrop:
    """The central ``size`` window (padded with zeros when the image is smaller)."""

    def __init__(self, size):
        s = _size("CenterCrop", size)
        self.size = (s, s) if isinstance(s, int) else s

    def __call__(self, img):
        if _is_pil(img):
            return _pil.center_crop(img, *self.size)
        a = _image("CenterCrop", img)
        (h, w), (ch, cw) = a.shape[:2], self.size
        if ch > h or cw > w:
            # MindSpore's: zeros, the odd one above / left; at most just under 3× the image.
            ph, pw = max(ch - h, 0), max(cw - w, 0)
            if ph >= 3 * h or pw >= 3 * w:
                raise ComputeError(f"CenterCrop: Padding size cannot be more than 3 times of the "
                                   f"original image size, got top padding: {ph}, left padding: "
                                   f"{pw}, while the original image size: {h}, {w}")
            pad = [(ph - ph // 2, ph // 2), (pw - pw // 2, pw // 2)] + [(0, 0)] * (a.ndim - 2)
            a = _np.pad(a, pad)
            h, w = a.shape[:2]
        top, left = (h - ch) // 2, (w - cw) // 2
        return a[top:top + ch, left:left + cw]


class Normalize:
    """``(img - mean) / std`` per channel, as float32 (``is_hwc=False`` for CHW input)."""

    def __init__(self, mean, std, is_hwc=True):
        self.mean, self.std = _np.asarray(mean, _np.float32), _np.asarray(std, _np.float32)
        if (self.std == 0).any():
            raise ShapeError("For 'Normalize', 'std' must not contain zeros.")
        self.is_hwc = is_hwc

    def __call__(self, img):
        a = _image("Normalize", img).astype(_np.float32)
        shape = (-1,) if self.is_hwc or a.ndim == 2 else (-1, 1, 1)
        return (a - self.mean.reshape(shape)) / self.std.reshape(shape)

    def _on_batch(self, batch):
        """The per-image results, stacked, computed on a stack of HWC/CHW images at once (None
        for other layouts: the caller then maps image by image)."""
        if batch.ndim != 4 or batch.dtype == object:
            return None
        shape = (-1,) if self.is_hwc else (-1, 1, 1)
        a = batch.astype(_np.float32)
        return (a - self.mean.reshape(shape)) / self.std.reshape(shape)


def _fused_affine(a, scale, shift):
    """``a·scale + shift`` in Float32 with one rounding, as MindSpore's OpenCV conversion computes
    it (a fused multiply-add of the Float32 constants): exact in Float64, then rounded."""
    x = a.astype(_np.float64) * float(_np.float32(scale)) + float(_np.float32(shift))
    return x.astype(_np.float32)


class Rescale:
    """``img * rescale + shift``, as float32."""

    def __init__(self, rescale, shift):
        self.rescale, self.shift = float(rescale), float(shift)

    def __call__(self, img):
        return _fused_affine(_image("Rescale", img), self.rescale, self.shift)

    def _on_batch(self, batch):
        if batch.ndim not in (3, 4) or batch.dtype == object:
            return None
        return _fused_affine(batch, self.rescale, self.shift)


class HWC2CHW:
    """HWC to CHW; an HW image stays as it is (MindSpore's)."""

    def __call__(self, img):
        a = _image("HWC2CHW", img)
        return a if a.ndim == 2 else _np.ascontiguousarray(a.transpose(2, 0, 1))

    def _on_batch(self, batch):
        if batch.ndim not in (3, 4) or batch.dtype == object:
            return None
        return batch if batch.ndim == 3 else _np.ascontiguousarray(batch.transpose(0, 3, 1, 2))


class ToTensor:
    """An HWC image (``[0, 255]``, any dtype) to CHW ``output_type`` divided by 255."""

    def __init__(self, output_type=_np.float32):
        self.output_type = output_type

    def __call__(self, img):
        a = _image("ToTensor", img)
        a = a[..., None] if a.ndim == 2 else a
        # MindSpore's: a PIL image divided in Float64, an array times Float32 1/255.
        scaled = a / 255.0 if _is_pil(img) else self._scaled(a)
        return scaled.transpose(2, 0, 1).astype(self.output_type)

    def _on_batch(self, batch):
        if batch.ndim not in (3, 4) or batch.dtype == object:
            return None
        a = batch[..., None] if batch.ndim == 3 else batch
        return self._scaled(a).transpose(0, 3, 1, 2).astype(self.output_type)

    @staticmethod
    def _scaled(a):
        # MindSpore's: every dtype (floats too) times Float32 1/255, in Float32.
        return a.astype(_np.float32) * _np.float32(1 / 255)


class RandomHorizontalFlip:
    """Flips left-right with probability ``prob``."""

    def __init__(self, prob=0.5):
        self.prob = float(prob)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.via_array(self.__call__, img)
        a = _image("RandomHorizontalFlip", img)
        return a[:, ::-1].copy() if _rng().random() < self.prob else a


class RandomVerticalFlip:
    """Flips top-bottom with probability ``prob``."""

    def __init__(self, prob=0.5):
        self.prob = float(prob)

    def __call__(self, img):
        if _is_pil(img):
            return _pil.via_array(self.__call__, img)
        a = _image("RandomVerticalFlip", img)
        return a[::-1].copy() if _rng().random() < self.prob else a


class RandomResizedCrop:
    """A random window of ``scale`` of the area and ``ratio`` of aspect, resized to ``size``."""

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3.0 / 4.0, 4.0 / 3.0),
                 interpolation=Inter.BILINEAR, max_attempts=10):
        s = _size("RandomResizedCrop", size)
        self.size = (s, s) if isinstance(s, int) else s
        self.scale, self.ratio = scale, ratio
        self.interpolation, self.max_attempts = interpolation, max_attempts

    def _window(self, h, w, pil=False):
        """A window ``(top, left, height, width)`` of an ``h × w`` image: up to
        ``max_attempts`` draws of an area and an aspect, then MindSpore's fallback (centred:
        the offsets halved down, rounded half to even for a PIL image)."""
        g = _rng()
        for _ in range(self.max_attempts):
            area = h * w * g.uniform(*self.scale)
            aspect = _np.exp(g.uniform(_np.log(self.ratio[0]), _np.log(self.ratio[1])))
            cw, ch = int(round(_np.sqrt(area * aspect))), int(round(_np.sqrt(area / aspect)))
            if 0 < cw <= w and 0 < ch <= h:
                return int(g.integers(0, h - ch + 1)), int(g.integers(0, w - cw + 1)), ch, cw
        # MindSpore's fallback: the centred window of the whole image, its aspect clamped into
        # `ratio`.
        lo, hi = min(self.ratio), max(self.ratio)
        ch, cw = h, w
        if w / h < lo:
            ch = int(round(w / lo))
        elif w / h > hi:
            cw = int(round(h * hi))
        if pil:
            return int(round((h - ch) / 2)), int(round((w - cw) / 2)), ch, cw
        return (h - ch) // 2, (w - cw) // 2, ch, cw

    def __call__(self, img):
        if _is_pil(img):  # Pillow's crop, then its resize
            top, left, ch, cw = self._window(img.height, img.width, pil=True)
            return _pil.crop(img, top, left, ch, cw).resize(
                (self.size[1], self.size[0]), _pil_filter(self.interpolation))
        a = _image(type(self).__name__, img)
        top, left, ch, cw = self._window(*a.shape[:2])
        return _resize(a[top:top + ch, left:left + cw], self.size[0], self.size[1], self.interpolation)


class RandomCropDecodeResize(RandomResizedCrop):
    """``Decode`` then ``RandomResizedCrop``: an encoded image (JPEG, PNG... bytes) decoded, a
    random window of ``scale`` of its area and ``ratio`` of aspect cut, resized to ``size``."""

    def __call__(self, img):
        return super().__call__(Decode()(img))


def _factor_range(op, what, v, center, lo_bound):
    """A jitter as a ``(lo, hi)`` range: a number ``v`` means ``[center - v, center + v]`` (clipped
    at ``lo_bound``), a pair is used as given."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if v < 0:
            raise ShapeError(f"For '{op}', '{what}' must be non-negative, but got {v}.")
        return (max(lo_bound, center - v), center + v)
    if isinstance(v, (tuple, list)) and len(v) == 2 and v[0] <= v[1] and v[0] >= lo_bound:
        return (float(v[0]), float(v[1]))
    raise ShapeError(f"For '{op}', '{what}' must be a non-negative number or an increasing pair, "
                     f"but got {v!r}.")


def _gray(rgb):
    """ITU-R 601-2 luma, as PIL's ``convert('L')``."""
    return rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114


def _luma(rgb, dtype):
    """OpenCV's ``RGB2GRAY`` (for uint8, in its fixed point: weights of 2¹⁵, rounded)."""
    if dtype == _np.uint8:
        r, g, b = (rgb[..., i].astype(_np.int64) for i in range(3))
        return ((r * 9798 + g * 19235 + b * 3735 + (1 << 14)) >> 15).astype(_np.uint8)
    return (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114).astype(dtype)


# OpenCV's 8-bit HSV with the full hue range (``COLOR_RGB2HSV_FULL`` / ``COLOR_HSV2RGB_FULL``),
# which MindSpore's ``AdjustHue`` turns the hue in: hue, saturation and value in 0..255.
_HSV_SHIFT = 12
_LEVELS = _np.arange(256, dtype=_np.float64)
_SAT_DIV = _np.rint((255 << _HSV_SHIFT) / _np.maximum(_LEVELS, 1)).astype(_np.int64)
_HUE_DIV = _np.rint((256 << _HSV_SHIFT) / (6.0 * _np.maximum(_LEVELS, 1))).astype(_np.int64)
_SAT_DIV[0] = _HUE_DIV[0] = 0
_SECTORS = _np.array([[1, 3, 0], [1, 0, 2], [3, 0, 1], [0, 2, 1], [0, 1, 3], [2, 1, 0]])


def _rgb_to_hsv_u8(img):
    """OpenCV's fixed-point ``RGB2HSV_FULL`` of a uint8 RGB image."""
    r, g, b = (img[..., k].astype(_np.int64) for k in range(3))
    v = _np.maximum(_np.maximum(b, g), r)
    diff = v - _np.minimum(_np.minimum(b, g), r)
    vr, vg = _np.where(v == r, -1, 0), _np.where(v == g, -1, 0)
    half = 1 << (_HSV_SHIFT - 1)
    s = (diff * _SAT_DIV[v] + half) >> _HSV_SHIFT
    h = (vr & (g - b)) + (~vr & ((vg & (b - r + 2 * diff)) + (~vg & (r - g + 4 * diff))))
    h = (h * _HUE_DIV[diff] + half) >> _HSV_SHIFT
    h = h + _np.where(h < 0, 256, 0)
    return _np.stack([_np.clip(h, 0, 255), s, v], -1).astype(_np.uint8)


def _hsv_to_rgb_u8(hsv):
    """OpenCV's ``HSV2RGB_FULL`` of a uint8 HSV image (in Float32, hue over 255 levels)."""
    f32 = _np.float32
    h = hsv[..., 0].astype(f32) * f32(6.0 / 255)
    s = hsv[..., 1].astype(f32) * f32(1 / 255)
    v = hsv[..., 2].astype(f32) * f32(1 / 255)
    h = _np.fmod(h, f32(6))
    sector = _np.floor(h).astype(_np.int64)
    h = (h - sector).astype(f32)
    tab = _np.stack([v, v * (f32(1) - s), v * (f32(1) - s * h), v * (f32(1) - s * (f32(1) - h))], -1)
    pick = _SECTORS[_np.clip(sector, 0, 5)]
    bgr = [_np.where(s == 0, v, _np.take_along_axis(tab, pick[..., k:k + 1], -1)[..., 0])
           for k in range(3)]
    rgb = _np.stack(bgr[::-1], -1) * f32(255)
    return _np.clip(_np.rint(rgb), 0, 255).astype(_np.uint8)


def _turn_hue_u8(img, hue):
    """MindSpore's ``AdjustHue`` of a uint8 RGB image: the 8-bit hue plus ``int(hue·255)`` (in
    Float32, wrapping at 256)."""
    hsv = _rgb_to_hsv_u8(img)
    step = int(_np.float32(hue) * _np.float32(255)) & 255
    hsv[..., 0] = (hsv[..., 0].astype(_np.int64) + step) & 255
    return _hsv_to_rgb_u8(hsv)


def _blend(a, b, f):
    return b + (a - b) * f


def _shift_hue(rgb, h):
    """RGB in [0, 1] with the hue turned by ``h`` (a fraction of the circle)."""
    mx, mn = rgb.max(-1), rgb.min(-1)
    d = mx - mn
    safe = _np.where(d == 0, 1.0, d)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    hue = _np.where(mx == r, (g - b) / safe % 6, _np.where(mx == g, (b - r) / safe + 2, (r - g) / safe + 4))
    hue = _np.where(d == 0, 0.0, hue / 6.0)
    hue = (hue + h) % 1.0
    sat = _np.where(mx == 0, 0.0, d / _np.where(mx == 0, 1.0, mx))
    i = _np.floor(hue * 6.0)
    f = hue * 6.0 - i
    p, q, t = mx * (1 - sat), mx * (1 - sat * f), mx * (1 - sat * (1 - f))
    i = i.astype(int) % 6
    choices = [(mx, t, p), (q, mx, p), (p, mx, t), (p, q, mx), (t, p, mx), (mx, p, q)]
    out = _np.zeros_like(rgb)
    for k, (cr, cg, cb) in enumerate(choices):
        m = i == k
        out[..., 0] = _np.where(m, cr, out[..., 0])
        out[..., 1] = _np.where(m, cg, out[..., 1])
        out[..., 2] = _np.where(m, cb, out[..., 2])
    return out


class RandomColorAdjust:
    """Random brightness, contrast, saturation (factors drawn from ``[max(0, 1 - v), 1 + v]`` for
    a number ``v``, or the given pair) and hue (a turn drawn from ``[-v, v]``, ``v ≤ 0.5``) of
    an HWC RGB image, applied in that order as ``AdjustBrightness``, ``AdjustContrast``,
    ``AdjustSaturation`` and ``AdjustHue`` compute each (``uint8`` rounded after each, as
    MindSpore's)."""

    def __init__(self, brightness=(1, 1), contrast=(1, 1), saturation=(1, 1), hue=(0, 0)):
        op = "RandomColorAdjust"
        self.brightness = _factor_range(op, "brightness", brightness, 1.0, 0.0)
        self.contrast = _factor_range(op, "contrast", contrast, 1.0, 0.0)
        self.saturation = _factor_range(op, "saturation", saturation, 1.0, 0.0)
        self.hue = _factor_range(op, "hue", hue, 0.0, -0.5)
        if not -0.5 <= self.hue[0] <= self.hue[1] <= 0.5:
            raise ShapeError(f"For '{op}', 'hue' must be within [-0.5, 0.5], but got {hue!r}.")

    def __call__(self, img):
        if _is_pil(img):
            g = _rng()
            return _pil.color_adjust(img, [g.uniform(*r) for r in (
                self.brightness, self.contrast, self.saturation, self.hue)])
        a = _image("RandomColorAdjust", img)
        if a.ndim != 3 or a.shape[2] != 3:
            raise ShapeError(f"For 'RandomColorAdjust', the image must be HWC with 3 channels, but "
                             f"got shape {a.shape}.")
        g = _rng()
        if a.dtype == _np.uint8:
            # MindSpore's: each adjustment as its own transform computes it, in this order.
            from ._more import AdjustBrightness, AdjustContrast, AdjustSaturation
            x = AdjustBrightness(g.uniform(*self.brightness))(a)
            x = AdjustContrast(g.uniform(*self.contrast))(x)
            x = AdjustSaturation(g.uniform(*self.saturation))(x)
            h = g.uniform(*self.hue)
            return _turn_hue_u8(x, h) if h else x
        x = a.astype(_np.float64)
        x = _np.clip(x * g.uniform(*self.brightness), 0, 1)
        x = _np.clip(_blend(x, _gray(x).mean(), g.uniform(*self.contrast)), 0, 1)
        x = _np.clip(_blend(x, _gray(x)[..., None], g.uniform(*self.saturation)), 0, 1)
        h = g.uniform(*self.hue)
        if h:
            x = _shift_hue(x, h)
        return x.astype(a.dtype)


class ToPIL:
    """A NumPy HWC image to a PIL image (needs Pillow)."""

    def __call__(self, img):
        try:
            from PIL import Image
        except ImportError:
            raise RuntimeError("For 'ToPIL', Pillow is required (pip install pillow).") from None
        return Image.fromarray(_image("ToPIL", img))


class ToNumpy:
    """A PIL image to a NumPy array."""

    def __call__(self, img):
        return _image("ToNumpy", img)


class Decode:
    """Encoded image bytes (JPEG, PNG...) to an HWC RGB array (needs Pillow)."""

    def __init__(self, to_pil=False):
        self.to_pil = to_pil

    def __call__(self, data):
        try:
            import io
            from PIL import Image
        except ImportError:
            raise RuntimeError("For 'Decode', Pillow is required (pip install pillow).") from None
        if not isinstance(data, (bytes, bytearray, _np.ndarray)):
            raise DTypeError(f"For 'Decode', the input must be bytes, but got {type(data).__name__}.")
        try:
            im = Image.open(io.BytesIO(bytes(data))).convert("RGB")
        except (OSError, ValueError, SyntaxError) as e:  # Pillow's errors for data it cannot read
            # MindSpore 2.10: RuntimeError "Decode: image decode failed." (ValueError with to_pil)
            if self.to_pil:
                raise ShapeError(f"For 'Decode', failed to decode given image ({e}).") from None
            raise ComputeError(f"For 'Decode', image decode failed ({e}).") from None
        return im if self.to_pil else _np.asarray(im)


def _read_pil(im, mode):
    """An open Pillow image as ``read_image`` returns it (HW for gray, HWC otherwise)."""
    gray_stored = im.mode in ("1", "L", "I;16", "I")
    if mode == ImageReadMode.UNCHANGED:
        mode = ImageReadMode.GRAYSCALE if gray_stored else ImageReadMode.COLOR
    if mode == ImageReadMode.COLOR:
        return _np.asarray(im.convert("RGB"), dtype=_np.uint8)
    if gray_stored:
        return _np.asarray(im.convert("L"), dtype=_np.uint8)
    if im.format == "JPEG":
        im.draft("L", im.size)  # libjpeg decodes the luma channel alone, as OpenCV asks it to
        return _np.asarray(im.convert("L"), dtype=_np.uint8)
    rgb = _np.asarray(im.convert("RGB"), dtype=_np.uint32)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    if im.format == "PNG":  # libpng's rgb_to_gray with OpenCV's coefficients, truncated
        y = (9797 * r + 19234 * g + 3737 * b) >> 15
    else:  # OpenCV's cvtColor(BGR2GRAY), rounded
        y = (4899 * r + 9617 * g + 1868 * b + 8192) >> 14
    return y.astype(_np.uint8)


class ImageReadMode(_enum.IntEnum):
    """How ``read_image`` decodes: as stored, as one gray channel, or as three RGB channels."""
    UNCHANGED = 0
    GRAYSCALE = 1
    COLOR = 2


def read_image(filename, mode=ImageReadMode.UNCHANGED):
    """Reads a JPEG/PNG/BMP/... file into an HWC ``uint8`` array (needs Pillow).

    ``UNCHANGED`` keeps a gray image gray, (H, W, 1), and gives every other image as RGB (alpha
    dropped, palettes expanded); ``GRAYSCALE`` gives (H, W, 1); ``COLOR`` gives (H, W, 3). The gray
    levels of colour images are the ones MindSpore 2.10 reads (its decoders are OpenCV's): a
    JPEG's decoded luma, libpng's ``(9797 R + 19234 G + 3737 B) >> 15`` for PNG, and OpenCV's
    rounded ``0.299 R + 0.587 G + 0.114 B`` for the other formats.

    Args:
        filename (str): The image file.
        mode (ImageReadMode, optional): The decoding mode. Default: ``ImageReadMode.UNCHANGED``.

    Returns:
        numpy.ndarray, the image as HWC ``uint8``.

    Raises:
        TypeError: ``filename`` is not a str, ``mode`` not an ImageReadMode.
        RuntimeError: the file is missing, not a file, or not an image Pillow decodes.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from PIL import Image
        >>> import mindspore.dataset.vision as vision
        >>> path = os.path.join(tempfile.mkdtemp(), "example.png")
        >>> Image.fromarray(np.zeros((4, 5, 3), np.uint8)).save(path)
        >>> print(vision.read_image(path).shape)
        (4, 5, 3)
        >>> print(vision.read_image(path, vision.ImageReadMode.GRAYSCALE).shape)
        (4, 5, 1)
    """
    if not isinstance(filename, str):
        raise DTypeError(f"Input filename is not of type {str}, but got: {type(filename)}.")
    if not isinstance(mode, ImageReadMode):
        raise DTypeError(f"Input mode is not of type {ImageReadMode}, but got: {type(mode)}.")
    try:
        from PIL import Image
    except ImportError:
        raise ComputeError("For 'read_image', Pillow is required (pip install pillow).") from None
    import os
    if not os.path.isfile(filename):
        raise ComputeError(f"For 'read_image', the file {filename!r} does not exist or is not a file.")
    try:
        with Image.open(filename) as im:
            a = _read_pil(im, mode)
    except (OSError, ValueError, SyntaxError) as e:  # Pillow's errors for data it cannot read
        raise ComputeError(f"For 'read_image', failed to decode {filename!r} ({e}).") from None
    return a[..., None] if a.ndim == 2 else a


# The Pillow forms of the transforms, for PIL images, live in ``_pil``.
from . import _pil  # noqa: E402

# Part two (padding, crops, flips, colour operations) lives in ``_more``.
from . import _more  # noqa: E402

globals().update({_name: getattr(_more, _name) for _name in _more.__all__})
__all__ += _more.__all__

# Part three (tones and colours, erasing, padding to a size) lives in ``_tones``.
from . import _tones  # noqa: E402

globals().update({_name: getattr(_tones, _name) for _name in _tones.__all__})
__all__ += _tones.__all__

# Part four (rotations, GaussianBlur) lives in ``_warp``.
from . import _warp  # noqa: E402

globals().update({_name: getattr(_warp, _name) for _name in _warp.__all__})
__all__ += _warp.__all__

# Part five (augmentation policies, batch mixing, patches, lighting) lives in ``_augment``.
from . import _augment  # noqa: E402

globals().update({_name: getattr(_augment, _name) for _name in _augment.__all__})
__all__ += _augment.__all__

# Part six (files and encoded images: read_file, encode_jpeg...) lives in ``_files``.
from . import _files  # noqa: E402

globals().update({_name: getattr(_files, _name) for _name in _files.__all__})
__all__ += _files.__all__

# Part seven (transforms of an image with its bounding boxes) lives in ``_bbox``.
from . import _bbox  # noqa: E402

globals().update({_name: getattr(_bbox, _name) for _name in _bbox.__all__})
__all__ += _bbox.__all__

# Each transform names itself in its errors (construction and call).
from ..._errors import with_op_name_class as _with_op_name_class  # noqa: E402

for _name in __all__:
    if isinstance(globals()[_name], type) and not issubclass(globals()[_name], _enum.Enum):
        _with_op_name_class(globals()[_name])
from . import transforms  # noqa: E402,F401 - MindSpore's module of these classes
from . import utils  # noqa: E402,F401 - MindSpore's module of the enums and file functions

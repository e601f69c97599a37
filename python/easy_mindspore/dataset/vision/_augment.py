"""More of ``mindspore.dataset.vision``, part five: augmentation policies (``AutoAugment`` with
the published ImageNet, CIFAR-10 and SVHN policies, ``RandAugment``, ``TrivialAugmentWide``,
``UniformAugment``, ``RandomSelectSubpolicy``), batch mixing (``MixUpBatch``, ``CutMixBatch``),
``SlicePatches``, ``RandomResize`` and ``RandomLighting``. The policies' operations are the
transforms of the other parts (shears and shifts are ``Affine``); every draw comes from the
pipeline's generator. The package (``__init__``) re-exports them."""
import enum as _enum
import math as _math
import numbers as _numbers

import numpy as _np

from ..._errors import DTypeError, ShapeError
from . import Inter, Resize, _image, _is_pil, _pil, _rng
from ._more import (AdjustBrightness, AdjustContrast, AdjustSaturation, Invert, Posterize,
                    Solarize, _as_dtype, _prob)
from ._tones import AdjustSharpness, AutoContrast, Equalize
from ._warp import Rotate, _affine

__all__ = ["AutoAugmentPolicy", "AutoAugment", "RandAugment", "TrivialAugmentWide",
           "UniformAugment", "RandomSelectSubpolicy", "ImageBatchFormat", "MixUpBatch",
           "CutMixBatch", "SliceMode", "SlicePatches", "RandomResize", "RandomLighting"]


class AutoAugmentPolicy(str, _enum.Enum):
    """The published AutoAugment policies."""
    IMAGENET = "imagenet"
    CIFAR10 = "cifar10"
    SVHN = "svhn"


def _apply(img, name, magnitude, interpolation, fill):
    """One policy operation on an HWC uint8 image (`magnitude` signed where it has a sign)."""
    if name in ("ShearX", "ShearY"):
        shear = _math.degrees(_math.atan(magnitude))
        return _affine(img, 0.0, (0.0, 0.0), 1.0, (shear, 0.0) if name == "ShearX" else (0.0, shear),
                       interpolation, fill)
    if name in ("TranslateX", "TranslateY"):
        h, w = img.shape[:2]
        t = (magnitude / w, 0.0) if name == "TranslateX" else (0.0, magnitude / h)
        return _affine(img, 0.0, t, 1.0, (0.0, 0.0), interpolation, fill)
    if name == "Rotate":
        return Rotate(magnitude, interpolation, fill_value=fill)(img)
    factor = 1.0 + magnitude
    table = {"Brightness": AdjustBrightness, "Color": AdjustSaturation, "Contrast": AdjustContrast,
             "Sharpness": AdjustSharpness}
    if name in table:
        return table[name](max(factor, 0.0))(img)
    if name == "Posterize":
        return Posterize(int(magnitude))(img)
    if name == "Solarize":
        return Solarize(float(magnitude))(img)
    if name == "AutoContrast":
        return AutoContrast()(img)
    if name == "Equalize":
        return Equalize()(img)
    if name == "Invert":
        return Invert()(img)
    return img  # Identity


def _space(bins, h, w, wide):
    """Each operation's magnitudes over `bins` steps and whether they take a random sign (the
    RandAugment / TrivialAugment search spaces)."""
    lin = lambda hi, n=bins: _np.linspace(0.0, hi, n)  # noqa: E731
    if wide:
        space = {"Identity": (_np.zeros(1), False), "ShearX": (lin(0.99), True),
                 "ShearY": (lin(0.99), True), "TranslateX": (lin(32.0), True),
                 "TranslateY": (lin(32.0), True), "Rotate": (lin(135.0), True),
                 "Brightness": (lin(0.99), True), "Color": (lin(0.99), True),
                 "Contrast": (lin(0.99), True), "Sharpness": (lin(0.99), True),
                 "Posterize": (8 - _np.round(_np.arange(bins) / ((bins - 1) / 6)), False)}
    else:
        space = {"Identity": (_np.zeros(1), False), "ShearX": (lin(0.3), True),
                 "ShearY": (lin(0.3), True), "TranslateX": (lin(150.0 / 331.0 * w), True),
                 "TranslateY": (lin(150.0 / 331.0 * h), True), "Rotate": (lin(30.0), True),
                 "Brightness": (lin(0.9), True), "Color": (lin(0.9), True),
                 "Contrast": (lin(0.9), True), "Sharpness": (lin(0.9), True),
                 "Posterize": (8 - _np.round(_np.arange(bins) / ((bins - 1) / 4)), False)}
    space.update({"Solarize": (_np.linspace(255.0, 0.0, bins), False),
                  "AutoContrast": (_np.zeros(1), False), "Equalize": (_np.zeros(1), False)})
    return space


def _signed(rng, values, index, signed):
    m = float(values[min(index, len(values) - 1)])
    return -m if signed and rng.random() < 0.5 else m


def _policy_args(op, interpolation, fill_value):
    if not isinstance(interpolation, Inter) or interpolation not in (Inter.NEAREST, Inter.BILINEAR):
        raise DTypeError(f"For '{op}', 'interpolation' must be Inter.NEAREST or Inter.BILINEAR, but "
                         f"got {interpolation!r}.")
    if isinstance(fill_value, bool) or not isinstance(fill_value, (int, tuple)):
        raise DTypeError(f"For '{op}', 'fill_value' must be an int or three, but got {fill_value!r}.")
    return interpolation, fill_value


def _uint8_rgb(op, img):
    a = _image(op, img)
    if a.dtype != _np.uint8 or a.ndim != 3 or a.shape[2] != 3:
        raise ShapeError(f"For '{op}', the image must be HWC uint8 RGB, but got {a.dtype} of shape "
                         f"{list(a.shape)}.")
    return a


# The AutoAugment paper's policies: (operation, probability, magnitude bin of 10) pairs.
_POLICIES = {
    AutoAugmentPolicy.IMAGENET: [
        (("Posterize", 0.4, 8), ("Rotate", 0.6, 9)), (("Solarize", 0.6, 5), ("AutoContrast", 0.6, 0)),
        (("Equalize", 0.8, 0), ("Equalize", 0.6, 0)), (("Posterize", 0.6, 7), ("Posterize", 0.6, 6)),
        (("Equalize", 0.4, 0), ("Solarize", 0.2, 4)), (("Equalize", 0.4, 0), ("Rotate", 0.8, 8)),
        (("Solarize", 0.6, 3), ("Equalize", 0.6, 0)), (("Posterize", 0.8, 5), ("Equalize", 1.0, 0)),
        (("Rotate", 0.2, 3), ("Solarize", 0.6, 8)), (("Equalize", 0.6, 0), ("Posterize", 0.4, 6)),
        (("Rotate", 0.8, 8), ("Color", 0.4, 0)), (("Rotate", 0.4, 9), ("Equalize", 0.6, 0)),
        (("Equalize", 0.0, 0), ("Equalize", 0.8, 0)), (("Invert", 0.6, 0), ("Equalize", 1.0, 0)),
        (("Color", 0.6, 4), ("Contrast", 1.0, 8)), (("Rotate", 0.8, 8), ("Color", 1.0, 2)),
        (("Color", 0.8, 8), ("Solarize", 0.8, 7)), (("Sharpness", 0.4, 7), ("Invert", 0.6, 0)),
        (("ShearX", 0.6, 5), ("Equalize", 1.0, 0)), (("Color", 0.4, 0), ("Equalize", 0.6, 0)),
        (("Equalize", 0.4, 0), ("Solarize", 0.2, 4)), (("Solarize", 0.6, 5), ("AutoContrast", 0.6, 0)),
        (("Invert", 0.6, 0), ("Equalize", 1.0, 0)), (("Color", 0.6, 4), ("Contrast", 1.0, 8)),
        (("Equalize", 0.8, 0), ("Equalize", 0.6, 0)),
    ],
    AutoAugmentPolicy.CIFAR10: [
        (("Invert", 0.1, 0), ("Contrast", 0.2, 6)), (("Rotate", 0.7, 2), ("TranslateX", 0.3, 9)),
        (("Sharpness", 0.8, 1), ("Sharpness", 0.9, 3)), (("ShearY", 0.5, 8), ("TranslateY", 0.7, 9)),
        (("AutoContrast", 0.5, 0), ("Equalize", 0.9, 0)), (("ShearY", 0.2, 7), ("Posterize", 0.3, 7)),
        (("Color", 0.4, 3), ("Brightness", 0.6, 7)), (("Sharpness", 0.3, 9), ("Brightness", 0.7, 9)),
        (("Equalize", 0.6, 0), ("Equalize", 0.5, 0)), (("Contrast", 0.6, 7), ("Sharpness", 0.6, 5)),
        (("Color", 0.7, 7), ("TranslateX", 0.5, 8)), (("Equalize", 0.3, 0), ("AutoContrast", 0.4, 0)),
        (("TranslateY", 0.4, 3), ("Sharpness", 0.2, 6)), (("Brightness", 0.9, 6), ("Color", 0.2, 8)),
        (("Solarize", 0.5, 2), ("Invert", 0.0, 0)), (("Equalize", 0.2, 0), ("AutoContrast", 0.6, 0)),
        (("Equalize", 0.2, 0), ("Equalize", 0.6, 0)), (("Color", 0.9, 9), ("Equalize", 0.6, 0)),
        (("AutoContrast", 0.8, 0), ("Solarize", 0.2, 8)), (("Brightness", 0.1, 3), ("Color", 0.7, 0)),
        (("Solarize", 0.4, 5), ("AutoContrast", 0.9, 0)), (("TranslateY", 0.9, 9), ("TranslateY", 0.7, 9)),
        (("AutoContrast", 0.9, 0), ("Solarize", 0.8, 3)), (("Equalize", 0.8, 0), ("Invert", 0.1, 0)),
        (("TranslateY", 0.7, 9), ("AutoContrast", 0.9, 0)),
    ],
    AutoAugmentPolicy.SVHN: [
        (("ShearX", 0.9, 4), ("Invert", 0.2, 0)), (("ShearY", 0.9, 8), ("Invert", 0.7, 0)),
        (("Equalize", 0.6, 0), ("Solarize", 0.6, 6)), (("Invert", 0.9, 0), ("Equalize", 0.6, 0)),
        (("Equalize", 0.6, 0), ("Rotate", 0.9, 3)), (("ShearX", 0.9, 4), ("AutoContrast", 0.8, 0)),
        (("ShearY", 0.9, 8), ("Invert", 0.4, 0)), (("ShearY", 0.9, 5), ("Solarize", 0.2, 6)),
        (("Invert", 0.9, 0), ("AutoContrast", 0.8, 0)), (("Equalize", 0.6, 0), ("Rotate", 0.9, 3)),
        (("ShearX", 0.9, 4), ("Solarize", 0.3, 3)), (("ShearY", 0.8, 8), ("Invert", 0.7, 0)),
        (("Equalize", 0.9, 0), ("TranslateY", 0.6, 6)), (("Invert", 0.9, 0), ("Equalize", 0.6, 0)),
        (("Contrast", 0.3, 3), ("Rotate", 0.8, 4)), (("Invert", 0.8, 0), ("TranslateY", 0.0, 2)),
        (("ShearY", 0.7, 6), ("Solarize", 0.4, 8)), (("Invert", 0.6, 0), ("Rotate", 0.8, 4)),
        (("ShearY", 0.3, 7), ("TranslateX", 0.9, 3)), (("ShearX", 0.1, 6), ("Invert", 0.6, 0)),
        (("Solarize", 0.7, 2), ("TranslateY", 0.6, 7)), (("ShearY", 0.8, 4), ("Invert", 0.8, 0)),
        (("ShearX", 0.7, 9), ("TranslateY", 0.8, 3)), (("ShearY", 0.8, 5), ("AutoContrast", 0.7, 0)),
        (("ShearX", 0.7, 2), ("Invert", 0.1, 0)),
    ],
}


class AutoAugment:
    """One sub-policy of `policy` (an ``AutoAugmentPolicy``), drawn at random, applied to an HWC
    uint8 RGB image: each of its two operations with its probability and magnitude (a random
    sign where the operation has one)."""

    def __init__(self, policy=AutoAugmentPolicy.IMAGENET, interpolation=Inter.NEAREST, fill_value=0):
        if not isinstance(policy, AutoAugmentPolicy):
            raise DTypeError(f"For 'AutoAugment', 'policy' must be an AutoAugmentPolicy, but got "
                             f"{policy!r}.")
        self.policy = policy
        self.interpolation, self.fill_value = _policy_args("AutoAugment", interpolation, fill_value)

    def __call__(self, img):
        a = _uint8_rgb("AutoAugment", img)
        rng = _rng()
        space = _space(10, *a.shape[:2], wide=False)
        space["Invert"] = (_np.zeros(1), False)
        sub = _POLICIES[self.policy][int(rng.integers(0, len(_POLICIES[self.policy])))]
        for name, prob, bin_ in sub:
            if rng.random() <= prob:
                values, signed = space[name]
                a = _apply(a, name, _signed(rng, values, bin_, signed), self.interpolation,
                           self.fill_value)
        return a


class RandAugment:
    """`num_ops` operations drawn uniformly (identity, shears, shifts, rotation, colour, tone),
    each at bin `magnitude` of `num_magnitude_bins`, with a random sign where it has one."""

    def __init__(self, num_ops=2, magnitude=9, num_magnitude_bins=31, interpolation=Inter.NEAREST,
                 fill_value=0):
        for name, v, lo in (("num_ops", num_ops, 0), ("magnitude", magnitude, 0),
                            ("num_magnitude_bins", num_magnitude_bins, 2)):
            if isinstance(v, bool) or not isinstance(v, int) or v < lo:
                raise ShapeError(f"For 'RandAugment', '{name}' must be an int of at least {lo}, but "
                                 f"got {v!r}.")
        if magnitude >= num_magnitude_bins:
            raise ShapeError(f"For 'RandAugment', 'magnitude' must be below num_magnitude_bins "
                             f"({num_magnitude_bins}), but got {magnitude}.")
        self.num_ops, self.magnitude, self.num_magnitude_bins = num_ops, magnitude, num_magnitude_bins
        self.interpolation, self.fill_value = _policy_args("RandAugment", interpolation, fill_value)

    def __call__(self, img):
        a = _uint8_rgb("RandAugment", img)
        rng = _rng()
        space = _space(self.num_magnitude_bins, *a.shape[:2], wide=False)
        names = list(space)
        for _ in range(self.num_ops):
            name = names[int(rng.integers(0, len(names)))]
            values, signed = space[name]
            a = _apply(a, name, _signed(rng, values, self.magnitude, signed), self.interpolation,
                       self.fill_value)
        return a


class TrivialAugmentWide:
    """One operation drawn uniformly from the wide space, at a magnitude bin drawn uniformly."""

    def __init__(self, num_magnitude_bins=31, interpolation=Inter.NEAREST, fill_value=0):
        if isinstance(num_magnitude_bins, bool) or not isinstance(num_magnitude_bins, int) \
                or num_magnitude_bins < 2:
            raise ShapeError(f"For 'TrivialAugmentWide', 'num_magnitude_bins' must be an int of at "
                             f"least 2, but got {num_magnitude_bins!r}.")
        self.num_magnitude_bins = num_magnitude_bins
        self.interpolation, self.fill_value = _policy_args("TrivialAugmentWide", interpolation,
                                                           fill_value)

    def __call__(self, img):
        a = _uint8_rgb("TrivialAugmentWide", img)
        rng = _rng()
        space = _space(self.num_magnitude_bins, *a.shape[:2], wide=True)
        names = list(space)
        name = names[int(rng.integers(0, len(names)))]
        values, signed = space[name]
        bin_ = int(rng.integers(0, len(values)))
        return _apply(a, name, _signed(rng, values, bin_, signed), self.interpolation, self.fill_value)


def _transforms(op, transforms):
    if not isinstance(transforms, (list, tuple)) or not transforms or not all(callable(t) for t in transforms):
        raise DTypeError(f"For '{op}', 'transforms' must be a non-empty list of callables, but got "
                         f"{transforms!r}.")
    return list(transforms)


class UniformAugment:
    """`num_ops` of `transforms` drawn without replacement, each then applied with probability
    one half, in the order drawn."""

    def __init__(self, transforms, num_ops=2):
        self.transforms = _transforms("UniformAugment", transforms)
        if isinstance(num_ops, bool) or not isinstance(num_ops, int) or not 1 <= num_ops <= len(self.transforms):
            raise ShapeError(f"For 'UniformAugment', 'num_ops' must be in [1, {len(self.transforms)}], "
                             f"but got {num_ops!r}.")
        self.num_ops = num_ops

    def __call__(self, img):
        rng = _rng()
        out = img
        for i in rng.permutation(len(self.transforms))[:self.num_ops]:
            if rng.random() < 0.5:
                out = self.transforms[int(i)](out)
        return out


class RandomSelectSubpolicy:
    """One sub-policy of `policy` (a list of lists of ``(transform, probability)``), drawn
    uniformly, its transforms applied in order, each with its probability."""

    def __init__(self, policy):
        ok = isinstance(policy, (list, tuple)) and policy and all(
            isinstance(sub, (list, tuple)) and sub and all(
                isinstance(p, (list, tuple)) and len(p) == 2 and callable(p[0])
                and isinstance(p[1], _numbers.Real) and 0 <= p[1] <= 1 for p in sub) for sub in policy)
        if not ok:
            raise DTypeError("For 'RandomSelectSubpolicy', 'policy' must be a list of lists of "
                             "(transform, probability) pairs.")
        self.policy = [list(sub) for sub in policy]

    def __call__(self, img):
        rng = _rng()
        # MindSpore's kernel: a PIL image goes through the sub-policy as its array.
        out = _np.asarray(img) if _is_pil(img) else img
        for t, p in self.policy[int(rng.integers(0, len(self.policy)))]:
            if rng.random() < p:
                out = t(out)
        return out


class ImageBatchFormat(_enum.IntEnum):
    """The layout of an image batch."""
    NHWC = 0
    NCHW = 1


def _batch(op, images, labels):
    imgs, lab = _np.asarray(images), _np.asarray(labels)
    if imgs.ndim != 4 or lab.ndim not in (2, 3) or lab.shape[0] != imgs.shape[0]:
        raise ShapeError(f"For '{op}', the images must be a batch [N, H, W, C] (or NCHW) and the "
                         f"labels one-hot [N, classes], but got {list(imgs.shape)} and {list(lab.shape)}.")
    if not _np.issubdtype(lab.dtype, _np.number):
        raise DTypeError(f"For '{op}', the labels must be numbers, but got {lab.dtype}.")
    return imgs, lab


class MixUpBatch:
    """Mixes a batch with itself shuffled: ``λ·x + (1 - λ)·x[perm]`` for the images and the one-hot
    labels alike, ``λ`` drawn from ``Beta(alpha, alpha)``."""

    def __init__(self, alpha=1.0):
        if isinstance(alpha, bool) or not isinstance(alpha, _numbers.Real) or alpha <= 0:
            raise ShapeError(f"For 'MixUpBatch', 'alpha' must be a positive number, but got {alpha!r}.")
        self.alpha = float(alpha)

    def __call__(self, images, labels):
        imgs, lab = _batch("MixUpBatch", images, labels)
        rng = _rng()
        lam = rng.beta(self.alpha, self.alpha)
        perm = rng.permutation(imgs.shape[0])
        mixed = lam * imgs.astype(_np.float64) + (1 - lam) * imgs[perm].astype(_np.float64)
        out_lab = (lam * lab + (1 - lam) * lab[perm]).astype(_np.float32)
        return _as_dtype(mixed, imgs), out_lab


class CutMixBatch:
    """Pastes into each image (with probability `prob`) a box of another image of the batch, its
    area fraction ``1 - λ`` (``λ`` from ``Beta(alpha, alpha)``), and mixes the labels by the
    areas."""

    def __init__(self, image_batch_format, alpha=1.0, prob=1.0):
        if not isinstance(image_batch_format, ImageBatchFormat):
            raise DTypeError(f"For 'CutMixBatch', 'image_batch_format' must be an ImageBatchFormat, "
                             f"but got {image_batch_format!r}.")
        if isinstance(alpha, bool) or not isinstance(alpha, _numbers.Real) or alpha <= 0:
            raise ShapeError(f"For 'CutMixBatch', 'alpha' must be a positive number, but got {alpha!r}.")
        self.image_batch_format, self.alpha = image_batch_format, float(alpha)
        self.prob = _prob("CutMixBatch", prob)

    def __call__(self, images, labels):
        imgs, lab = _batch("CutMixBatch", images, labels)
        nhwc = self.image_batch_format == ImageBatchFormat.NHWC
        view = imgs.copy() if nhwc else _np.moveaxis(imgs, 1, -1).copy()
        out_lab = lab.astype(_np.float32).copy()
        rng = _rng()
        n, h, w = view.shape[:3]
        src = view.copy()
        for i in range(n):
            if rng.random() >= self.prob:
                continue
            lam = rng.beta(self.alpha, self.alpha)
            j = int(rng.integers(0, n))
            ch, cw = int(h * _math.sqrt(1 - lam)), int(w * _math.sqrt(1 - lam))
            cy, cx = int(rng.integers(0, h)), int(rng.integers(0, w))
            y0, y1 = max(cy - ch // 2, 0), min(cy + ch // 2, h)
            x0, x1 = max(cx - cw // 2, 0), min(cx + cw // 2, w)
            view[i, y0:y1, x0:x1] = src[j, y0:y1, x0:x1]
            kept = 1 - (y1 - y0) * (x1 - x0) / float(h * w)
            out_lab[i] = kept * lab[i] + (1 - kept) * lab[j]
        return (view if nhwc else _np.moveaxis(view, -1, 1)), out_lab


class SliceMode(_enum.IntEnum):
    """What ``SlicePatches`` does with a remainder: pad it to a whole patch, or drop it."""
    PAD = 0
    DROP = 1


class SlicePatches:
    """Cuts the image into `num_height` × `num_width` patches (a tuple, row by row); a size that
    does not divide is padded with `fill_value` (``SliceMode.PAD``) or cut (``DROP``)."""

    def __init__(self, num_height=1, num_width=1, slice_mode=SliceMode.PAD, fill_value=0):
        for name, v in (("num_height", num_height), ("num_width", num_width)):
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                raise ShapeError(f"For 'SlicePatches', '{name}' must be a positive int, but got {v!r}.")
        if not isinstance(slice_mode, SliceMode):
            raise DTypeError(f"For 'SlicePatches', 'slice_mode' must be a SliceMode, but got {slice_mode!r}.")
        self.num_height, self.num_width = num_height, num_width
        self.slice_mode, self.fill_value = slice_mode, fill_value

    def __call__(self, img):
        a = _image("SlicePatches", img)
        h, w = a.shape[:2]
        if self.slice_mode == SliceMode.PAD:
            ph, pw = -(-h // self.num_height), -(-w // self.num_width)
            pads = [(0, ph * self.num_height - h), (0, pw * self.num_width - w)] + [(0, 0)] * (a.ndim - 2)
            a = _np.pad(a, pads, constant_values=self.fill_value)
        else:
            ph, pw = h // self.num_height, w // self.num_width
        return tuple(_np.ascontiguousarray(a[r * ph:(r + 1) * ph, c * pw:(c + 1) * pw])
                     for r in range(self.num_height) for c in range(self.num_width))


class RandomResize:
    """``Resize(size)`` with an interpolation drawn at random (bilinear, nearest, bicubic or
    area, as MindSpore's)."""

    def __init__(self, size):
        self.size = size
        self._resizes = [Resize(size, m) for m in (Inter.LINEAR, Inter.NEAREST, Inter.CUBIC,
                                                   Inter.AREA)]

    def __call__(self, img):
        # MindSpore's kernel: a PIL image is resized as its array, and comes back one.
        a = _image("RandomResize", img)
        return self._resizes[int(_rng().integers(0, len(self._resizes)))](a)


# AlexNet's lighting noise: the eigenvalues and eigenvectors of ImageNet's RGB covariance.
_EIGVAL = _np.array([0.2175, 0.0188, 0.0045]) * 255
_EIGVEC = _np.array([[-0.5675, 0.7192, 0.4009], [-0.5808, -0.0045, -0.8140],
                     [-0.5836, -0.6948, 0.4203]])


class RandomLighting:
    """AlexNet's PCA lighting noise: adds ``V·(α ⊙ λ)`` to every pixel, ``α`` drawn from
    ``N(0, alpha²)`` per image."""

    def __init__(self, alpha=0.05):
        from ._more import ms_number
        ms_number("RandomLighting", "alpha", alpha, 0, 16777216, "[0, 16777216]")
        self.alpha = float(alpha)

    def __call__(self, img):
        if _is_pil(img):  # MindSpore's: as an RGB image, which it gives back
            return _pil.via_array(self.__call__, img.convert("RGB"))
        a = _image("RandomLighting", img)
        if a.ndim != 3 or a.shape[2] != 3:
            raise ShapeError(f"For 'RandomLighting', the image must be HWC RGB, but got shape "
                             f"{list(a.shape)}.")
        shift = _EIGVEC @ (_rng().normal(0.0, self.alpha, 3) * _EIGVAL)
        return _as_dtype(a.astype(_np.float64) + shift, a)

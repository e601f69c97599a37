"""``mindspore.dataset.vision`` on PIL images: MindSpore 2.10 runs its Python transforms on a
PIL image with Pillow and gives back a PIL image of the input's mode; its C++ kernels take the
image's array and give back an array; a few transforms of NumPy images reject a PIL image."""
import os

import numpy as np
import PIL
import pytest
from PIL import Image, ImageEnhance, ImageOps

import mindspore.dataset as ds
import mindspore.dataset.vision as V
from mindspore.dataset.vision import Border, Inter

_RNG = np.random.default_rng(2024)
RGB = Image.fromarray(_RNG.integers(0, 256, (9, 12, 3), dtype=np.uint8))
GRAY = Image.fromarray(_RNG.integers(0, 256, (9, 12), dtype=np.uint8))
RGBA = Image.fromarray(_RNG.integers(0, 256, (9, 12, 4), dtype=np.uint8))


def _sums(img):
    a = np.asarray(img).astype(np.int64)
    return int(a.sum()), int((a.ravel() * np.arange(a.size)).sum())


# mode, size, sum and Σ index·value of MindSpore 2.10's results on RGB / GRAY / RGBA above
# (measured on MindSpore 2.10).
MEASURED = {
    "center_odd": (lambda: V.CenterCrop((4, 5))(RGB), "RGB", (5, 4), 7567, 220966),
    "center_big": (lambda: V.CenterCrop((14, 17))(RGBA), "RGBA", (17, 14), 55548, 24261261),
    "pad_rgba": (lambda: V.Pad((1, 2, 3, 0), fill_value=7)(RGBA), "RGBA", (16, 11), 74316,
                 27549177),
    "pad_gray3": (lambda: V.Pad(1, fill_value=(5, 6, 7))(GRAY), "L", (14, 11), 13747, 1075863),
    "pad_reflect": (lambda: V.Pad((2, 1, 0, 3), padding_mode=Border.REFLECT)(RGB), "RGB",
                    (14, 13), 67580, 18289930),
    "hue_pos": (lambda: V.AdjustHue(0.27)(RGB), "RGB", (12, 9), 40319, 6292546),
    "hue_neg": (lambda: V.AdjustHue(-0.41)(RGBA), "RGBA", (12, 9), 70803, 15223075),
    "gamma_rgb": (lambda: V.AdjustGamma(0.6, 1.3)(RGB), "RGB", (12, 9), 61837, 9841098),
    "gamma_rgba": (lambda: V.AdjustGamma(0.6, 1.3)(RGBA), "RGBA", (12, 9), 55548, 11865969),
    "affine": (lambda: V.RandomAffine((25, 25), scale=(0.9, 0.9), shear=(10, 10, -6, -6),
                                      resample=Inter.BILINEAR, fill_value=9)(RGB),
               "RGB", (12, 9), 29926, 4847799),
    "affine_gray": (lambda: V.RandomAffine((-40, -40), resample=Inter.BICUBIC)(GRAY), "L",
                    (12, 9), 11206, 612561),
    "perspective": (lambda: V.Perspective([[0, 0], [11, 0], [11, 8], [0, 8]],
                                          [[1, 1], [10, 0], [11, 7], [2, 8]])(RGB),
                    "RGB", (12, 9), 28951, 4435551),
    "perspective_gray": (lambda: V.Perspective([[1, 0], [10, 1], [11, 8], [0, 7]],
                                               [[0, 0], [11, 0], [11, 8], [0, 8]],
                                               Inter.NEAREST)(GRAY), "L", (12, 9), 13618, 723884),
    "rotation": (lambda: V.RandomRotation((33, 33), Inter.BILINEAR, True, None, (1, 2, 3))(RGB),
                 "RGB", (16, 15), 41981, 14803184),
    "resized_crop": (lambda: V.RandomResizedCrop((5, 6), scale=(1.0, 1.0), ratio=(1.0, 1.0))(RGB),
                     "RGB", (6, 5), 10925, 485792),
    "equalize": (lambda: V.Equalize()(RGB), "RGB", (12, 9), 40578, 6375302),
    "gray1": (lambda: V.Grayscale(1)(RGB), "L", (12, 9), 13561, 710211),
    "brightness": (lambda: V.AdjustBrightness(1.37)(RGB), "RGB", (12, 9), 51345, 8133074),
    "saturation": (lambda: V.AdjustSaturation(0.41)(RGB), "RGB", (12, 9), 40464, 6380468),
}


# MindSpore's Perspective of a PIL image is Pillow's: Pillow 13 samples a bilinear perspective a
# little differently, and MindSpore 2.10 with Pillow 13 gives these (measured).
_PILLOW_13 = {"perspective": (28574, 4429277)}


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_values_as_mindspore(name):
    fn, mode, size, total, weighted = MEASURED[name]
    if int(PIL.__version__.split(".")[0]) >= 13:
        total, weighted = _PILLOW_13.get(name, (total, weighted))
    out = fn()
    assert isinstance(out, Image.Image) and (out.mode, out.size) == (mode, size)
    assert _sums(out) == (total, weighted)


def _same(out, expected):
    assert isinstance(out, Image.Image) and out.mode == expected.mode
    np.testing.assert_array_equal(np.asarray(out), np.asarray(expected))


@pytest.mark.parametrize("img", [RGB, GRAY, RGBA], ids=["RGB", "L", "RGBA"])
def test_pillow_forms(img):
    # What MindSpore computes a PIL image with: Pillow's own functions.
    for f in (0.0, 0.45, 1.3, 2.5):
        _same(V.AdjustBrightness(f)(img), ImageEnhance.Brightness(img).enhance(f))
        _same(V.AdjustContrast(f)(img), ImageEnhance.Contrast(img).enhance(f))
        _same(V.AdjustSaturation(f)(img), ImageEnhance.Color(img).enhance(f))
        _same(V.RandomColor((f, f))(img), ImageEnhance.Color(img).enhance(f))
        _same(V.RandomSharpness((f, f))(img), ImageEnhance.Sharpness(img).enhance(f))
    _same(V.Grayscale(1)(img), img.convert("L"))
    _same(V.Grayscale(3)(img), img.convert("L").convert("RGB"))
    _same(V.RandomGrayscale(1.0)(img), img.convert("L") if img.mode == "L" else
          img.convert("L").convert("RGB"))
    _same(V.RandomLighting(0.0)(img), img.convert("RGB"))
    _same(V.CenterCrop((5, 20))(img), img.crop((-4, 2, 16, 7)))
    if img.mode != "L":  # the fill goes to Pillow as three values: an L image fails
        _same(V.RandomRotation((-47.5, -47.5), Inter.NEAREST, True, (3, 4), (9, 8, 7))(img),
              img.rotate(-47.5, Image.NEAREST, True, (3, 4), fillcolor=(9, 8, 7)))
    _same(V.RandomHorizontalFlip(1.0)(img), img.transpose(Image.FLIP_LEFT_RIGHT))
    _same(V.RandomVerticalFlip(1.0)(img), img.transpose(Image.FLIP_TOP_BOTTOM))
    _same(V.RandomCrop((9, 12))(img), img)
    _same(V.Resize((4, 7), Inter.CUBIC)(img), img.resize((7, 4), Image.BICUBIC))
    if img.mode != "RGBA":
        _same(V.AutoContrast(10.0, [3, 200])(img), ImageOps.autocontrast(img, 10.0, [3, 200]))
        _same(V.Equalize()(img), ImageOps.equalize(img))
        _same(V.Invert()(img), ImageOps.invert(img))
    crops = V.TenCrop((4, 5))(img)
    assert len(crops) == 10 and all(isinstance(c, Image.Image) and c.mode == img.mode
                                    and c.size == (5, 4) for c in crops)
    _same(crops[0], img.crop((0, 0, 5, 4)))
    _same(crops[4], img.crop((4, 2, 9, 6)))  # the centre: offsets rounded half to even


def test_modes_and_sizes():
    # MindSpore 2.10: a PIL image in, a PIL image of these modes and sizes out.
    ops = [V.Pad(3), V.Pad(2, padding_mode=Border.SYMMETRIC), V.RandomCrop(20, pad_if_needed=True),
           V.RandomCrop(5, padding=2), V.RandomResizedCrop(6), V.RandomPerspective(0.5, 1.0),
           V.RandomAffine(20, translate=(0.2, 0.1)), V.RandomColorAdjust(0.4, 0.4, 0.4, 0.1),
           V.AdjustHue(0.2), V.AdjustGamma(0.5), V.RandomSharpness()]
    sizes = [(18, 15), (16, 13), (20, 20), (5, 5), (6, 6)] + [(12, 9)] * 6
    for op, size in zip(ops, sizes):
        for img in (RGB, GRAY, RGBA):
            out = op(img)
            assert isinstance(out, Image.Image) and (out.mode, out.size) == (img.mode, size), op
    assert V.RandomRotation(30)(RGB).mode == "RGB"
    assert V.RandomLighting()(GRAY).mode == "RGB"
    assert V.RandomGrayscale(1.0)(RGBA).mode == "RGB"
    assert V.Grayscale(3)(GRAY).mode == "RGB"


def test_kernels_give_arrays():
    # MindSpore's C++ kernels: the PIL image's array in, an array out.
    a = np.asarray(RGB)
    for op in (V.Rotate(30), V.AdjustSharpness(2.0), V.Posterize(3), V.Solarize(100),
               V.Crop((1, 2), 5), V.HorizontalFlip(), V.RandomInvert(1.0),
               V.RandomAutoContrast(prob=1.0), V.RandomEqualize(1.0), V.GaussianBlur(3),
               V.RandomSelectSubpolicy([[(V.Invert(), 1.0)]])):
        out = op(RGB)
        assert isinstance(out, np.ndarray), op
        np.testing.assert_array_equal(out, op(a))
    np.testing.assert_array_equal(V.RandomInvert(1.0)(RGB), 255 - a)
    for img in (RGB, GRAY):  # resized as an array (MindSpore's kernel), returned as one
        out = V.RandomResize((4, 6))(img)
        assert isinstance(out, np.ndarray) and out.shape == (4, 6) + np.asarray(img).shape[2:]
    # ToTensor: a PIL image divided by 255 in Float64 (an array: times Float32 1/255).
    np.testing.assert_array_equal(V.ToTensor()(RGB),
                                  (a / 255).astype(np.float32).transpose(2, 0, 1))
    assert V.ToTensor()(GRAY).shape == (1, 9, 12)


def test_errors_as_mindspore():
    cls = "<class 'PIL.Image.Image'>"
    with pytest.raises(TypeError) as e:
        V.LinearTransformation(np.eye(324), np.zeros(324))(RGB)
    assert str(e.value) == f"img should be NumPy array. Got {cls}"
    with pytest.raises(TypeError) as e:
        V.RandomErasing(1.0)(RGB)
    assert str(e.value) == f"img should be NumPy array. Got {cls}."
    with pytest.raises(TypeError) as e:
        V.RgbToHsv(is_hwc=True)(RGB)
    assert str(e.value) == f"img should be NumPy image. Got {cls}"
    with pytest.raises(TypeError) as e:
        V.HsvToRgb(is_hwc=True)(RGB)
    assert str(e.value) == f"img should be NumPy image. Got {cls}."
    with pytest.raises(ValueError) as e:
        V.FiveCrop((4, 20))(RGB)
    assert str(e.value) == "Crop size (4, 20) is larger than input image size (9, 12)."
    with pytest.raises(OSError, match="not supported for mode RGBA"):
        V.Invert()(RGBA)
    with pytest.raises(OSError, match="not supported for mode RGBA"):
        V.Equalize()(RGBA)
    with pytest.raises(TypeError) as e:  # the fill goes to Pillow as three values
        V.RandomRotation(30)(GRAY)
    assert str(e.value) == "color must be int or single-element tuple"
    with pytest.raises(TypeError) as e:
        V.Perspective([[0, 0]] * 4, [[0, 0]] * 4, Inter.AREA)(RGB)
    assert str(e.value) == "Current Interpolation is not supported with PIL input."
    with pytest.raises(RuntimeError) as e:
        V.RandomPerspective(0.3, 1.0, Inter.PILCUBIC)(RGB)
    assert str(e.value) == ("Unsupported interpolation, only support NEAREST, ANTIALIAS, LINEAR "
                            "and CUBIC.")


def test_warp_interpolations():
    # Built with any Inter (as MindSpore's), bicubic on a PIL image; the NumPy forms here warp
    # with NEAREST or BILINEAR only (MindSpore's OpenCV kernels also take CUBIC and AREA).
    op = V.RandomRotation((30, 30), Inter.BICUBIC)
    _same(op(RGB), RGB.rotate(30, Image.BICUBIC, fillcolor=(0, 0, 0)))
    with pytest.raises(TypeError, match="resample"):
        op(np.asarray(RGB))


def test_pipeline(tmp_path):
    for i in range(3):
        os.makedirs(tmp_path / f"c{i % 2}", exist_ok=True)
        Image.fromarray(_RNG.integers(0, 256, (20, 30, 3), dtype=np.uint8)).save(
            tmp_path / f"c{i % 2}" / f"{i}.png")
    data = ds.ImageFolderDataset(str(tmp_path), shuffle=False)
    rows = list(data.map([V.Decode(to_pil=True), V.RandomCrop(8), V.ToTensor()],
                         input_columns="image").create_tuple_iterator(output_numpy=True))
    assert len(rows) == 3 and all(r[0].shape == (3, 8, 8) and r[0].dtype == np.float32
                                  for r in rows)
    data = ds.ImageFolderDataset(str(tmp_path), shuffle=False)
    gray = list(data.map([V.Decode(to_pil=True), V.Grayscale(1)], input_columns="image")
                .create_tuple_iterator(output_numpy=True))
    assert gray[0][0].shape == (20, 30) and gray[0][0].dtype == np.uint8

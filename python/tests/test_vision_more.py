"""``mindspore.dataset.vision`` part two (``vision/_more.py``): each deterministic transform on a
small uint8 image against the array MindSpore 2.10 returned for it (``MINDSPORE``, recorded with
the same script), the crops and flips against NumPy, the random ones by their probabilities."""
import numpy as np
import pytest

from easy_mindspore import dataset as ds
from easy_mindspore.dataset import vision as v

IMG = (np.arange(2 * 3 * 3) * 23 % 256).astype(np.uint8).reshape(2, 3, 3)

MINDSPORE = {
    "pad_reflect": [[[69, 92, 115], [0, 23, 46], [69, 92, 115], [138, 161, 184], [69, 92, 115]], [[20, 43, 66], [207, 230, 253], [20, 43, 66], [89, 112, 135], [20, 43, 66]]],
    "pad_fill": [[[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]], [[1, 2, 3], [0, 23, 46], [69, 92, 115], [138, 161, 184], [1, 2, 3]], [[1, 2, 3], [207, 230, 253], [20, 43, 66], [89, 112, 135], [1, 2, 3]], [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]],
    "contrast": [[[64, 73, 82], [91, 100, 110], [119, 128, 137]], [[146, 156, 165], [72, 81, 90], [99, 108, 118]]],
    "sat": [[[0, 27, 73], [50, 96, 142], [119, 165, 211]], [[188, 234, 255], [1, 47, 93], [70, 116, 162]]],
    "bright": [[[0, 39, 78], [117, 156, 196], [235, 255, 255]], [[255, 255, 255], [34, 73, 112], [151, 190, 230]]],
    "gamma": [[[0, 92, 130], [159, 184, 206], [225, 244, 255]], [[255, 255, 255], [86, 126, 156], [181, 203, 223]]],
    "poster": [[[0, 0, 32], [64, 64, 96], [128, 160, 160]], [[192, 224, 224], [0, 32, 64], [64, 96, 128]]],
    "solar": [[[0, 23, 46], [186, 163, 115], [138, 161, 184]], [[207, 230, 253], [20, 43, 189], [166, 112, 135]]],
    "invert": [[[255, 232, 209], [186, 163, 140], [117, 94, 71]], [[48, 25, 2], [235, 212, 189], [166, 143, 120]]],
}

TRANSFORMS = {
    "pad_reflect": lambda: v.Pad((1, 0, 1, 0), padding_mode=v.Border.REFLECT),
    "pad_fill": lambda: v.Pad(1, (1, 2, 3)),
    "contrast": lambda: v.AdjustContrast(0.4),
    "sat": lambda: v.AdjustSaturation(2.0),
    "bright": lambda: v.AdjustBrightness(1.7),
    "gamma": lambda: v.AdjustGamma(0.5, 1.2),
    "poster": lambda: v.Posterize(3),
    "solar": lambda: v.Solarize((50, 100)),
    "invert": lambda: v.Invert(),
}


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_matches_mindspore_pixel_for_pixel(name):
    out = TRANSFORMS[name]()(IMG)
    assert out.dtype == np.uint8
    assert out.tolist() == MINDSPORE[name]


def test_crops_flips_and_gray():
    rng = np.random.default_rng(0)
    img = rng.integers(0, 256, (6, 7, 3), dtype=np.uint8)
    assert (v.Crop((1, 2), (3, 4))(img) == img[1:4, 2:6]).all()
    assert (v.HorizontalFlip()(img) == img[:, ::-1]).all() and (v.VerticalFlip()(img) == img[::-1]).all()
    five = v.FiveCrop(3)(img)
    assert len(five) == 5 and (five[0] == img[:3, :3]).all() and (five[3] == img[3:, 4:]).all()
    ten = v.TenCrop(3)(img)
    assert len(ten) == 10 and (ten[5] == img[:, ::-1][:3, :3]).all()
    g = v.Grayscale()(img)
    want = np.rint(img[..., 0] * 0.299 + img[..., 1] * 0.587 + img[..., 2] * 0.114)
    assert g.shape == (6, 7, 1) and (g[..., 0] == want).all()
    assert v.Grayscale(3)(img).shape == (6, 7, 3)
    assert v.ResizedCrop(1, 2, 4, 4, (8, 8))(img).shape == (8, 8, 3)
    assert v.Pad(2, padding_mode=v.Border.EDGE)(img).shape == (10, 11, 3)


def test_random_colour_transforms_follow_their_probabilities():
    img = np.full((2, 2, 3), 10, np.uint8)
    assert (v.RandomInvert(1.0)(img) == 245).all() and (v.RandomInvert(0.0)(img) == 10).all()
    ds.config.set_seed(0)
    colour = np.zeros((1, 1, 3), np.uint8)
    colour[..., 0] = 200
    grey = sum(int(v.RandomGrayscale(0.3)(colour)[0, 0, 1] != 0) for _ in range(400))
    assert 80 < grey < 160


@pytest.mark.parametrize("make", [
    lambda: v.Pad(-1), lambda: v.Crop((0, 0), 0), lambda: v.Crop((5, 0), 3)(IMG),
    lambda: v.Grayscale(2), lambda: v.RandomGrayscale(1.5), lambda: v.Posterize(9),
    lambda: v.Solarize((200, 100)), lambda: v.AdjustBrightness(-1), lambda: v.FiveCrop(4)(IMG),
])
def test_bad_arguments_are_value_errors(make):
    with pytest.raises(ValueError):
        make()


def test_uint8_only_transforms_refuse_floats():
    with pytest.raises(TypeError):
        v.Invert()(IMG.astype(np.float32))

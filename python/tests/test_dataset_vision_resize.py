"""``dataset.vision.Resize`` against MindSpore 2.10's outputs (``fixtures/mindspore/
vision_resize.json``): UInt8 images byte for byte in every mode MindSpore computes with OpenCV
(nearest, bilinear, bicubic, area; shrinking, enlarging, both at once, grayscale and 3 channels),
Float32 ones to rounding; the crops that resize, batches of images, and bad input."""
import json
import pathlib

import numpy as np
import pytest

from easy_mindspore.dataset import vision
from easy_mindspore.dataset.vision import Inter

FIXTURE = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "mindspore" / "vision_resize.json"
CASES = json.loads(FIXTURE.read_text())["cases"]
N = np.arange(6 * 8 * 3)
COLOR = ((N * 37 + 11) % 256).astype(np.uint8).reshape(6, 8, 3)
GRAY = ((np.arange(9 * 6) * 53 + 7) % 256).astype(np.uint8).reshape(9, 6)
FLOAT = (np.sin(N * 0.7) * 3).astype(np.float32).reshape(6, 8, 3)


@pytest.mark.parametrize("key", sorted(CASES))
def test_resize_is_mindspores(key):
    mode, size, *kind = key.split()
    h, w = (int(v) for v in size.split("x"))
    src = {"gray": GRAY, "float": FLOAT}.get(kind[0] if kind else "", COLOR)
    got = vision.Resize((h, w), getattr(Inter, mode))(src)
    assert got.dtype == src.dtype and got.shape == (h, w) + src.shape[2:]
    want = np.asarray(CASES[key], src.dtype).reshape(got.shape)
    if src.dtype == np.uint8:
        np.testing.assert_array_equal(got, want)
    else:
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


def test_an_int_size_scales_the_shorter_side_and_batches_match_images():
    out = vision.Resize(4)(COLOR)
    assert out.shape == (4, 5, 3)
    batch = np.stack([COLOR, COLOR[::-1]])
    got = vision.Resize((3, 11))._on_batch(batch)
    np.testing.assert_array_equal(got[0], vision.Resize((3, 11))(COLOR))
    np.testing.assert_array_equal(got[1], vision.Resize((3, 11))(COLOR[::-1]))
    # A grayscale image keeps its two axes; another dtype resizes bilinearly in Float64.
    assert vision.Resize((5, 5))(GRAY).shape == (5, 5)
    assert vision.Resize((5, 5))(GRAY.astype(np.float64)).dtype == np.float64


def test_halving_is_the_rounded_block_mean():
    img = np.array([[0, 1, 2, 4], [1, 0, 2, 4]], np.uint8).reshape(2, 4, 1)
    # OpenCV's bilinear (and area) halving of bytes: (a + b + c + d + 2) >> 2.
    for mode in (Inter.LINEAR, Inter.AREA):
        assert vision.Resize((1, 2), mode)(img).reshape(-1).tolist() == [1, 3]


def test_bad_sizes_are_errors():
    with pytest.raises(ValueError):
        vision.Resize((0, 3))
    with pytest.raises(ValueError):
        vision.Resize((2, 3))(np.zeros((0, 3, 3), np.uint8))


def test_pil_images_resize_with_pillow_and_stay_pil():
    from PIL import Image
    pil = Image.fromarray(COLOR)
    # MindSpore 2.10 resizes a PIL image with Pillow's filter for the mode and returns one.
    for mode, name in ((Inter.NEAREST, "NEAREST"), (Inter.LINEAR, "BILINEAR"),
                       (Inter.CUBIC, "BICUBIC"), (Inter.ANTIALIAS, "LANCZOS")):
        out = vision.Resize((5, 9), mode)(pil)
        assert isinstance(out, Image.Image) and out.size == (9, 5)
        np.testing.assert_array_equal(np.asarray(out),
                                      np.asarray(pil.resize((9, 5), getattr(Image, name))))
    for mode in (Inter.AREA, Inter.PILCUBIC):
        with pytest.raises(TypeError, match="not supported with PIL input"):
            vision.Resize((5, 9), mode)(pil)
    with pytest.raises(TypeError, match="should be PIL image"):
        vision.Resize((5, 9), Inter.ANTIALIAS)(COLOR)
    # PILCUBIC on a NumPy image: Pillow's bicubic, as MindSpore documents the mode.
    np.testing.assert_array_equal(vision.Resize((5, 9), Inter.PILCUBIC)(COLOR),
                                  np.asarray(pil.resize((9, 5), Image.BICUBIC)))
    with pytest.raises(RuntimeError, match="PILCUBIC"):
        vision.Resize((5, 9), Inter.PILCUBIC)(GRAY)

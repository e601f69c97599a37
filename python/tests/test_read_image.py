"""``dataset.vision.read_image`` and ``ImageReadMode`` against MindSpore 2.10 (shapes and pixel
sums measured there on the same files, built here from a seeded generator): gray levels of
colour PNG (libpng's), BMP (OpenCV's) and palette images, alpha dropped, errors."""
import numpy as np
import pytest

pytest.importorskip("PIL")
from PIL import Image  # noqa: E402

from easy_mindspore.dataset import vision  # noqa: E402
from easy_mindspore.dataset.vision import ImageReadMode  # noqa: E402


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("images")
    rng = np.random.default_rng(0)
    a = rng.integers(0, 256, (64, 64, 3)).astype(np.uint8)
    Image.fromarray(a).save(d / "rgb.png")
    Image.fromarray(np.dstack([a, rng.integers(0, 256, (64, 64, 1)).astype(np.uint8)])).save(d / "rgba.png")
    Image.fromarray(a).save(d / "rgb.bmp")
    p = Image.fromarray(rng.integers(0, 16, (64, 64)).astype(np.uint8), "P")
    p.putpalette(rng.integers(0, 256, 48).astype(np.uint8).tolist())
    p.save(d / "pal.png")
    Image.fromarray(a[..., 1]).save(d / "gray.png")
    (d / "bad.png").write_bytes(b"not an image")
    return d


# (channels, sum of all pixels) for UNCHANGED, GRAYSCALE, COLOR, as MindSpore 2.10 reads them.
MINDSPORE = {
    "rgb.png": [(3, 1567538), (1, 521237), (3, 1567538)],
    "rgba.png": [(3, 1567538), (1, 521237), (3, 1567538)],
    "rgb.bmp": [(3, 1567538), (1, 523261), (3, 1567538)],
    "pal.png": [(3, 1392866), (1, 461532), (3, 1392866)],
    "gray.png": [(1, 525260), (1, 525260), (3, 1575780)],
}


@pytest.mark.parametrize("name", sorted(MINDSPORE))
def test_read_image_as_mindspore(files, name):
    got = []
    for mode in ImageReadMode:
        a = vision.read_image(str(files / name), mode)
        assert isinstance(a, np.ndarray) and a.dtype == np.uint8 and a.shape[:2] == (64, 64)
        got.append((a.shape[2], int(a.astype(np.int64).sum())))
    assert got == MINDSPORE[name]


def test_first_gray_pixels_of_a_colour_png_as_mindspore(files):
    a = vision.read_image(str(files / "rgb.png"), ImageReadMode.GRAYSCALE)
    assert a.ravel()[:8].tolist() == [175, 67, 13, 186, 157, 165, 191, 162]


def test_read_image_errors(files):
    with pytest.raises(TypeError, match="Input filename is not of type <class 'str'>"):
        vision.read_image(123)
    with pytest.raises(TypeError, match="Input mode is not of type"):
        vision.read_image(str(files / "rgb.png"), 1)
    with pytest.raises(RuntimeError, match="does not exist or is not a file"):
        vision.read_image(str(files / "missing.png"))
    with pytest.raises(RuntimeError, match="does not exist or is not a file"):
        vision.read_image(str(files))
    with pytest.raises(RuntimeError, match="failed to decode"):
        vision.read_image(str(files / "bad.png"))
    assert [int(m) for m in ImageReadMode] == [0, 1, 2]

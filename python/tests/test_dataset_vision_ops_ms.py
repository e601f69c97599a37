"""Deterministic ``dataset.vision`` transforms against MindSpore 2.10's outputs
(``fixtures/mindspore/vision_ops.json``): UInt8 results byte for byte (OpenCV's fixed-point gray
and 8-bit HSV, its bit-exact Gaussian blur, ``addWeighted`` roundings, ``AutoContrast``'s Float32
table, ``CenterCrop``'s padding with the odd pixel above / left), Float32 ones to the last bit
where MindSpore rounds once (``Rescale``'s fused multiply-add, ``ToTensor``'s Float32 product,
every input dtype divided by 255)."""
import json
import pathlib

import numpy as np
import pytest

from easy_mindspore.dataset.vision import *  # noqa: F401,F403 - the keys are written this way
from easy_mindspore.dataset import vision

FIXTURE = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "mindspore" / "vision_ops.json"
CASES = json.loads(FIXTURE.read_text())["cases"]
SRC = ((np.arange(5 * 7 * 3) * 37 + 11) % 256).astype(np.uint8).reshape(5, 7, 3)
FLOAT = (np.sin(np.arange(2 * 3 * 3)) * 200 + 30).astype(np.float32).reshape(2, 3, 3)


@pytest.mark.parametrize("key", sorted(CASES))
def test_the_transform_is_mindspores(key):
    case = CASES[key]
    name = key.removesuffix(" float")
    op = eval(name, {**vars(vision), "ConvertMode": vision.ConvertMode})  # noqa: S307 - our keys
    got = op(FLOAT if key.endswith(" float") else SRC)
    assert str(got.dtype) == case["dtype"] and list(got.shape) == case["shape"]
    want = np.asarray(case["values"], got.dtype).reshape(case["shape"])
    if got.dtype.kind == "f":
        np.testing.assert_allclose(got, want, rtol=2e-7, atol=0)
    else:
        np.testing.assert_array_equal(got, want)


def test_center_crop_refuses_padding_of_three_times_the_image():
    img = np.ones((3, 5, 3), np.uint8)
    assert vision.CenterCrop((11, 5))(img).shape == (11, 5, 3)
    with pytest.raises(RuntimeError, match="Padding size cannot be more than 3 times"):
        vision.CenterCrop((12, 5))(img)


def test_hwc2chw_keeps_a_grayscale_image_and_one_hot_smooths_in_float64():
    gray = np.arange(6, dtype=np.uint8).reshape(2, 3)
    assert vision.HWC2CHW()(gray).shape == (2, 3)  # MindSpore 2.10: unchanged
    from easy_mindspore.dataset import transforms
    hard = transforms.OneHot(4)(np.array([1, 3], np.int64))
    assert hard.dtype == np.int64 and hard.tolist() == [[0, 1, 0, 0], [0, 0, 0, 1]]
    soft = transforms.OneHot(4, 0.2)(np.array([1, 3], np.int32))
    assert soft.dtype == np.float64
    np.testing.assert_allclose(soft, [[0.05, 0.85, 0.05, 0.05], [0.05, 0.05, 0.05, 0.85]])


def test_files_and_png_round_trip(tmp_path):
    path = str(tmp_path / "data.bin")
    vision.write_file(path, np.array([1, 2, 255], np.uint8))
    got = vision.read_file(path)
    assert got.dtype == np.uint8 and got.tolist() == [1, 2, 255]
    png = vision.encode_png(SRC, 9)
    assert png.dtype == np.uint8 and png.ndim == 1
    np.testing.assert_array_equal(vision.Decode()(png), SRC)  # lossless
    jpg = str(tmp_path / "img.jpg")
    vision.write_jpeg(jpg, SRC)
    np.testing.assert_array_equal(vision.read_file(jpg), vision.encode_jpeg(SRC))
    gray = vision.Decode()(vision.encode_png(SRC[..., :1]))
    assert (gray[..., 0] == SRC[..., 0]).all()
    # MindSpore's classes: RuntimeError for bad values, TypeError for wrong types.
    for bad in (lambda: vision.encode_jpeg(SRC.astype(np.float32)),
                lambda: vision.encode_jpeg(SRC, 0), lambda: vision.encode_png(SRC, 10),
                lambda: vision.encode_jpeg(np.zeros((4, 4, 4), np.uint8)),
                lambda: vision.read_file(str(tmp_path / "missing")),
                lambda: vision.write_file(path, np.zeros((2, 2), np.uint8))):
        with pytest.raises(RuntimeError):
            bad()
    with pytest.raises(TypeError):
        vision.encode_jpeg(SRC, 75.0)
    with pytest.raises(TypeError):
        vision.encode_jpeg("image")


def test_bounding_box_transforms_are_mindspores():
    img = np.arange(6 * 8 * 3, dtype=np.uint8).reshape(6, 8, 3)
    boxes = lambda: np.array([[1, 2, 3, 2], [0, 0, 8, 6]], np.float32)  # noqa: E731
    # MindSpore 2.10's boxes for these calls.
    out, b = vision.ResizeWithBBox((12, 4))(img, boxes())
    np.testing.assert_array_equal(out, vision.Resize((12, 4))(img))
    assert b.dtype == np.float32 and b.tolist() == [[0.5, 4.0, 1.5, 4.0], [0.0, 0.0, 4.0, 12.0]]
    assert vision.ResizeWithBBox(3)(img, boxes())[1].tolist() == [[0.5, 1.0, 1.5, 1.0], [0, 0, 4, 3]]
    _, b = vision.ResizeWithBBox((7, 5))(img, np.array([[1, 2, 3, 2, 9, 7]], np.float32))
    np.testing.assert_array_equal(b, np.array([[0.625, 2.3333333, 1.875, 2.3333333, 9, 7]], np.float32))
    out, b = vision.RandomHorizontalFlipWithBBox(1.0)(img, boxes())
    np.testing.assert_array_equal(out, img[:, ::-1])
    assert b.tolist() == [[4, 2, 3, 2], [0, 0, 8, 6]]
    out, b = vision.RandomVerticalFlipWithBBox(1.0)(img, np.array([[1, 1, 3, 2]], np.float32))
    np.testing.assert_array_equal(out, img[::-1])
    assert b.tolist() == [[1, 3, 3, 2]]
    given = boxes()
    vision.RandomHorizontalFlipWithBBox(1.0)(img, given)
    assert given.tolist() == boxes().tolist()  # the caller's boxes are left as they were
    assert vision.RandomResizeWithBBox(4)(img, boxes())[0].shape == (4, 5, 3)
    for bad in (np.array([[1, 2, 3]], np.float32), np.array([[1, 2, 30, 2]], np.float32),
                np.array([[1, 2, 3, 2]], np.int32), np.array([[-1, 2, 3, 2]], np.float32),
                np.array([1, 2, 3, 2], np.float32), np.zeros((0, 4), np.float32)):
        with pytest.raises(RuntimeError):
            vision.ResizeWithBBox((7, 5))(img, bad)


def test_random_resized_crop_falls_back_to_mindspores_centre_window():
    img = (np.arange(4 * 40).reshape(4, 40, 1) % 256).astype(np.uint8).repeat(3, 2)
    # No window of 90% of the area is square: MindSpore 2.10 takes the centred 4 × 4.
    out = vision.RandomResizedCrop(4, scale=(0.9, 1.0), ratio=(1.0, 1.0))(img)
    assert out[..., 0].tolist() == [[18, 19, 20, 21], [58, 59, 60, 61], [98, 99, 100, 101],
                                    [138, 139, 140, 141]]
    tall = img.transpose(1, 0, 2).copy()
    out = vision.RandomResizedCrop((4, 8), scale=(0.9, 1.0), ratio=(2.0, 2.0))(tall)
    assert out[..., 0].tolist() == [[19, 29, 49, 69, 89, 109, 129, 139]] * 2 + \
        [[20, 30, 50, 70, 90, 110, 130, 140]] * 2
    assert vision.RandomCropDecodeResize((8, 9))(vision.encode_png(SRC)).shape == (8, 9, 3)

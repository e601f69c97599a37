"""``mindspore.dataset.vision`` and ``mindspore.dataset.transforms`` on NumPy images: values against
MindSpore 2.10's (measured, noted at each check) and NumPy."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore.dataset import transforms, vision

IMG = (np.arange(2 * 3 * 3).reshape(2, 3, 3) * 10).astype(np.uint8)


def test_resize_is_bilinear_with_half_pixel_centres():
    # MindSpore 2.10: Resize((4, 6)) of arange(6).reshape(2, 3) as float32.
    got = vision.Resize((4, 6))(np.arange(6, dtype=np.float32).reshape(2, 3))
    want = [[0, 0.25, 0.75, 1.25, 1.75, 2], [0.75, 1, 1.5, 2, 2.5, 2.75],
            [2.25, 2.5, 3, 3.5, 4, 4.25], [3, 3.25, 3.75, 4.25, 4.75, 5]]
    np.testing.assert_allclose(got, want)
    assert got.dtype == np.float32
    # An int size is the shorter side; uint8 stays uint8.
    out = vision.Resize(4)(IMG)
    assert out.shape == (4, 6, 3) and out.dtype == np.uint8
    with pytest.raises(ValueError):
        vision.Resize(0)


def test_tensor_layout_and_value_transforms():
    t = vision.ToTensor()(IMG)
    assert t.dtype == np.float32 and t.shape == (3, 2, 3)
    np.testing.assert_allclose(t, IMG.transpose(2, 0, 1) / 255.0, rtol=1e-6)
    assert vision.HWC2CHW()(IMG).shape == (3, 2, 3)
    # MindSpore 2.10: Normalize([1, 2, 3], [2, 2, 2]) of pixel (0, 0) = [-0.5, 4, 8.5], float32.
    n = vision.Normalize([1, 2, 3], [2, 2, 2])(IMG)
    np.testing.assert_allclose(n[0, 0], [-0.5, 4.0, 8.5])
    assert n.dtype == np.float32
    r = vision.Rescale(1 / 255, -0.5)(IMG)
    assert r.dtype == np.float32 and np.isclose(r[0, 0, 0], -0.5)
    assert vision.CenterCrop(2)(IMG).shape == (2, 2, 3)
    np.testing.assert_array_equal(vision.CenterCrop((1, 1))(IMG)[0, 0], IMG[0, 1])


def test_random_transforms_keep_shapes_and_follow_the_seed():
    ms.set_seed(5)
    a = [vision.RandomHorizontalFlip()(IMG) for _ in range(8)]
    ms.set_seed(5)
    b = [vision.RandomHorizontalFlip()(IMG) for _ in range(8)]
    assert all((x == y).all() for x, y in zip(a, b))
    assert any((x == IMG[:, ::-1]).all() for x in a) and any((x == IMG).all() for x in a)
    assert vision.RandomResizedCrop(5)(IMG).shape == (5, 5, 3)
    assert vision.RandomCrop(2, padding=1)(IMG).shape == (2, 2, 3)


def test_compose_and_typecast():
    pipeline = transforms.Compose([vision.HWC2CHW(), transforms.TypeCast(ms.float32)])
    out = pipeline(IMG)
    assert out.dtype == np.float32 and out.shape == (3, 2, 3)
    assert transforms.TypeCast(ms.int32)(IMG).dtype == np.int32
    np.testing.assert_array_equal(transforms.OneHot(3)(np.array([0, 2])), [[1, 0, 0], [0, 0, 1]])
    with pytest.raises(TypeError):
        transforms.TypeCast("not a dtype")
    with pytest.raises(TypeError):
        transforms.Compose([1])


def test_the_modules_answer_the_mindspore_names():
    import mindspore.dataset.transforms as t  # noqa: F401 - the alias resolves
    import mindspore.dataset.vision as v
    assert v.Inter.BILINEAR == v.Inter.LINEAR and t.Compose is transforms.Compose


def test_random_color_adjust():
    rgb = np.array([[[200, 100, 50], [10, 20, 30]], [[0, 0, 0], [255, 255, 255]]], np.uint8)
    half = vision.RandomColorAdjust(brightness=(0.5, 0.5))(rgb)
    np.testing.assert_array_equal(half, np.round(rgb / 2.0).astype(np.uint8))
    gray = vision.RandomColorAdjust(saturation=(0.0, 0.0))(rgb).astype(int)
    assert (gray[..., 0] == gray[..., 1]).all() and (gray[..., 1] == gray[..., 2]).all()
    luma = rgb @ np.array([0.299, 0.587, 0.114])
    np.testing.assert_allclose(gray[..., 0], np.round(luma), atol=1)
    flat = vision.RandomColorAdjust(contrast=(0.0, 0.0))(rgb)
    assert len(np.unique(flat)) == 1  # every pixel the mean luma
    # A half turn of hue nearly swaps a colour for its complement: MindSpore 2.10 gives
    # [0, 255, 252] (its 8-bit HSV turns by int(0.5·255) = 127 of 256 levels).
    turned = vision.RandomColorAdjust(hue=(0.5, 0.5))(np.array([[[255, 0, 0]]], np.uint8))
    np.testing.assert_array_equal(turned, [[[0, 255, 252]]])
    ms.set_seed(3)
    a = vision.RandomColorAdjust(0.4, 0.4, 0.4, 0.1)(rgb)
    ms.set_seed(3)
    np.testing.assert_array_equal(vision.RandomColorAdjust(0.4, 0.4, 0.4, 0.1)(rgb), a)
    assert a.dtype == np.uint8 and a.shape == rgb.shape
    with pytest.raises(ValueError, match="hue"):
        vision.RandomColorAdjust(hue=0.7)
    with pytest.raises(ValueError, match="brightness"):
        vision.RandomColorAdjust(brightness=-1)
    with pytest.raises(ValueError, match="3 channels"):
        vision.RandomColorAdjust()(rgb[..., :2])


def test_decode_of_bytes_that_are_no_image_is_mindspores_error():
    pytest.importorskip("PIL")
    from easy_mindspore.dataset import vision
    junk = np.frombuffer(b"abcdefgh", np.uint8)
    # MindSpore 2.10: RuntimeError "Decode: image decode failed." (ValueError with to_pil=True)
    with pytest.raises(RuntimeError, match="For 'Decode', image decode failed"):
        vision.Decode()(junk)
    with pytest.raises(ValueError, match="For 'Decode', failed to decode given image"):
        vision.Decode(to_pil=True)(b"abcdefgh")

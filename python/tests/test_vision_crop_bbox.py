"""``vision.RandomCrop`` with MindSpore's padding arguments, and the crops of an image with its
bounding boxes (``RandomCropWithBBox``, ``RandomResizedCropWithBBox``, ``BoundingBoxAugment``):
each expected value below is MindSpore 2.10's output for the same input (CPU), where the window
is fixed (no crop, the whole image, or a window recovered from the output's pixels)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore.dataset import config, vision
from easy_mindspore.dataset.vision._bbox import _crop_boxes

H, W = 10, 12
# Each pixel holds its row + 1 (channel 0) and column + 1 (channel 1): a crop tells its window.
COORDS = np.zeros((H, W, 3), np.uint8)
COORDS[..., 0] = np.arange(H)[:, None] + 1
COORDS[..., 1] = np.arange(W)[None, :] + 1
PATTERN = (np.arange(H * W * 3) % 251).astype(np.uint8).reshape(H, W, 3)
BOXES = np.array([[0, 0, 4, 3, 7], [5, 5, 6, 4, 8], [1.5, 6.2, 2.7, 2.1, 9]], np.float32)


def f32(rows):
    return np.array(rows, np.float32)


# -- the boxes cut to a window ---------------------------------------------------------------------

@pytest.mark.parametrize("boxes,want", [
    # MindSpore 2.10, RandomCropWithBBox((6, 7)) whose window was x 0..7, y 1..7.
    ([[0, 0, 4, 3, 7], [5, 5, 6, 4, 8], [9, 1, 3, 2, 9], [2, 6, 2, 2, 1]],
     [[0, 0, 4, 2, 7], [5, 4, 2, 2, 8], [2, 5, 2, 1, 1]]),
    ([[7, 2, 2, 2, 1]], [[7, 1, 0, 2, 1]]),          # touching the right edge: kept, 0 wide
    ([[1, 7, 2, 2, 1]], [[1, 6, 2, 0, 1]]),          # touching the bottom edge
    ([[1, 0, 2, 1, 1]], [[1, 0, 2, 0, 1]]),          # ending on the top edge
    ([[6.5, 0.5, 2.25, 1.75, 3]], [[6.5, 0, 0.5, 1.25, 3]]),
    ([[3, 3, 0, 2, 1]], [[3, 2, 0, 2, 1]]),
    ([[9, 1, 2, 2, 1], [8, 8, 1, 1, 2]], np.zeros((0, 5))),
    ([[1, 2, 3, 3]], [[1, 1, 3, 3]]),
])
def test_boxes_cut_to_the_window_as_mindspore(boxes, want):
    got = _crop_boxes(f32(boxes), 0, 1, 7, 7)
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got, f32(want).reshape(got.shape))


def test_random_crop_with_bbox_boxes_follow_the_drawn_window():
    config.set_seed(11)
    op = vision.RandomCropWithBBox((6, 7), padding=[1, 2])
    for _ in range(20):
        out, b = op(COORDS, BOXES.copy())
        assert out.shape == (6, 7, 3)
        # The window in padded coordinates: a pixel of the image tells where it sits.
        r, c = np.argwhere(out[..., 0] > 0)[0]
        y, x = int(r) - (int(out[r, c, 0]) - 1 + 2), int(c) - (int(out[r, c, 1]) - 1 + 1)
        moved = BOXES.copy()
        moved[:, 0] += 1
        moved[:, 1] += 2
        np.testing.assert_array_equal(b, _crop_boxes(moved, -x, -y, -x + 7, -y + 6))


def test_random_crop_with_bbox_without_a_crop_matches_mindspore():
    out, b = vision.RandomCropWithBBox((12, 14), padding=1)(PATTERN, BOXES.copy())
    assert out.shape == (12, 14, 3) and int(out.astype(np.int64).sum()) == 37261
    np.testing.assert_array_equal(b, f32([[1, 1, 4, 3, 7], [6, 6, 6, 4, 8],
                                          [2.5, 7.2, 2.7, 2.1, 9]]))
    out, b = vision.RandomCropWithBBox((12, 16), padding=[2, 1],
                                       padding_mode=vision.Border.REFLECT)(PATTERN, BOXES.copy())
    assert out.shape == (12, 16, 3) and int(out.astype(np.int64).sum()) == 54949
    np.testing.assert_array_equal(b, f32([[2, 1, 4, 3, 7], [7, 6, 6, 4, 8],
                                          [3.5, 7.2, 2.7, 2.1, 9]]))
    out, b = vision.RandomCropWithBBox((10, 12))(PATTERN, BOXES.copy())
    np.testing.assert_array_equal(out, PATTERN)
    np.testing.assert_array_equal(b, BOXES)


def test_random_crop_with_bbox_moves_boxes_by_pad_if_needed_too():
    # MindSpore 2.10 leaves the boxes where they were here (its bug: they miss their objects).
    config.set_seed(0)
    out, b = vision.RandomCropWithBBox((11, 13), pad_if_needed=True)(COORDS, BOXES[:1].copy())
    r, c = np.argwhere(out[..., 0] > 0)[0]
    top, left = int(r) - (int(out[r, c, 0]) - 1), int(c) - (int(out[r, c, 1]) - 1)
    np.testing.assert_array_equal(b, f32([[left, top, 4, 3, 7]]))
    # the box still frames the same pixels
    assert out[top, left, 0] == 1 and out[top, left, 1] == 1


@pytest.mark.parametrize("size,interp,total,want", [
    ((5, 7), vision.Inter.LINEAR, 10867,
     [[0, 0, 2.3333333, 1.5, 7], [2.9166665, 2.5, 3.5, 2, 8], [0.875, 3.1, 1.5749998, 1.0499997, 9]]),
    ((20, 9), vision.Inter.NEAREST, 55458,
     [[0, 0, 3, 6, 7], [3.75, 10, 4.5, 8, 8], [1.125, 12.4, 2.0249999, 4.1999989, 9]]),
    (8, vision.Inter.CUBIC, 19760,
     [[0, 0, 2.6666667, 2.4, 7], [3.3333335, 4, 4, 3.2, 8], [1, 4.96, 1.8, 1.6799996, 9]]),
])
def test_random_resized_crop_with_bbox_of_the_whole_image_matches_mindspore(size, interp, total,
                                                                             want):
    op = vision.RandomResizedCropWithBBox(size, scale=(1.0, 1.0), ratio=(W / H, W / H),
                                          interpolation=interp)
    out, b = op(PATTERN, BOXES.copy())
    assert int(out.astype(np.int64).sum()) == total and b.dtype == np.float32
    np.testing.assert_allclose(b, f32(want), rtol=1e-6)


def test_random_resized_crop_with_bbox_keeps_boxes_on_their_pixels():
    config.set_seed(5)
    op = vision.RandomResizedCropWithBBox((6, 6), scale=(0.3, 0.9))
    for _ in range(10):
        out, b = op(COORDS, BOXES.copy())
        assert out.shape == (6, 6, 3) and b.shape[1] == 5
        assert (b[:, :2] >= 0).all() and (b[:, 0] + b[:, 2] <= 6 + 1e-5).all()
        assert (b[:, 1] + b[:, 3] <= 6 + 1e-5).all()


# -- BoundingBoxAugment ------------------------------------------------------------------------------

def test_bounding_box_augment_all_boxes_matches_mindspore():
    out, b = vision.BoundingBoxAugment(vision.Invert(), 1.0)(COORDS, BOXES.copy())
    np.testing.assert_array_equal(b, BOXES)
    # MindSpore 2.10: each box's pixels (coordinates truncated) inverted, the rest untouched.
    want = COORDS.copy()
    for x, y, w, h in [(0, 0, 4, 3), (5, 5, 6, 4), (1, 6, 2, 2)]:
        want[y:y + h, x:x + w] = 255 - COORDS[y:y + h, x:x + w]
    np.testing.assert_array_equal(out, want)
    assert out[6, 1, 0] == 248 and out[5, 5, 1] == 249
    out, _ = vision.BoundingBoxAugment(vision.HorizontalFlip(), 1.0)(COORDS, BOXES.copy())
    assert out[..., 1][6].tolist() == [1, 3, 2, 4, 5, 11, 10, 9, 8, 7, 6, 12]
    assert out[..., 1][0].tolist() == [4, 3, 2, 1, 5, 6, 7, 8, 9, 10, 11, 12]
    # A transform that changes the size is resized back to the box's.
    out, _ = vision.BoundingBoxAugment(vision.Resize((2, 2)), 1.0)(COORDS, BOXES.copy())
    assert out[..., 0][5].tolist() == [6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 6]
    assert out[..., 0][7].tolist() == [8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 9, 8]


def test_bounding_box_augment_ratio_and_errors():
    img = COORDS.copy()
    out, _ = vision.BoundingBoxAugment(vision.Invert(), 0.0)(img, BOXES.copy())
    np.testing.assert_array_equal(out, COORDS)
    assert vision.BoundingBoxAugment(vision.Invert()).ratio == 0.3
    config.set_seed(1)
    hits = 0
    for _ in range(200):
        out, _ = vision.BoundingBoxAugment(vision.Invert(), 0.5)(img, BOXES[:1].copy())
        hits += int(out[0, 0, 0] == 254)
    assert 60 < hits < 140
    np.testing.assert_array_equal(img, COORDS)   # the caller's image is not changed
    with pytest.raises(ValueError, match="ratio"):
        vision.BoundingBoxAugment(vision.Invert(), 1.5)
    with pytest.raises(TypeError, match="transform"):
        vision.BoundingBoxAugment(3)
    for bad in [BOXES.astype(np.float64), f32([[0, 0, 20, 3]]), f32([0, 0, 2, 2]),
                np.zeros((0, 4), np.float32), f32([[-1, 0, 2, 2]])]:
        for op in [vision.RandomCropWithBBox(4), vision.RandomResizedCropWithBBox(4),
                   vision.BoundingBoxAugment(vision.Invert(), 1.0)]:
            with pytest.raises(RuntimeError):
                op(COORDS, bad)


# -- RandomCrop's padding arguments ------------------------------------------------------------------

def test_random_crop_pads_as_mindspore():
    # pad_if_needed pads the missing rows/columns on both sides: every window MindSpore drew
    # for (12, 14) of a 10 × 12 image starts 0, 1 or 2 rows (columns) into a 14 × 16 image.
    seen = set()
    for s in range(40):
        config.set_seed(s)
        out = vision.RandomCrop((12, 14), pad_if_needed=True)(COORDS)
        assert out.shape == (12, 14, 3)
        seen.add((tuple(out[:3, 3, 0].tolist()), tuple(out[3, :3, 1].tolist())))
    starts = {(0, 0, 1), (0, 1, 2), (1, 2, 3)}
    assert seen == {(r, c) for r in starts for c in starts}
    assert vision.RandomCrop((16, 16), padding=1, pad_if_needed=True)(COORDS).shape == (16, 16, 3)
    # MindSpore 2.10: a 1 × 1 image padded by 1 with a fill per channel or one fill.
    out = vision.RandomCrop((3, 3), padding=1, fill_value=(5, 6, 7))(np.zeros((1, 1, 3), np.uint8))
    assert out[0, 0].tolist() == [5, 6, 7] and out[1, 1].tolist() == [0, 0, 0]
    out = vision.RandomCrop((3, 3), padding=(1, 1, 1, 1), fill_value=5)(np.zeros((1, 1), np.uint8))
    assert out.tolist() == [[5, 5, 5], [5, 0, 5], [5, 5, 5]]
    out = vision.RandomCrop((10, 16), padding=[2, 0], padding_mode=vision.Border.EDGE)(COORDS)
    assert out[0, :3, 1].tolist() == [1, 1, 1] and out[0, -3:, 1].tolist() == [12, 12, 12]


@pytest.mark.parametrize("kwargs,error", [
    (dict(size=0), ValueError), (dict(size=(3,)), TypeError), (dict(size="3"), TypeError),
    (dict(size=4, padding=-1), ValueError), (dict(size=4, padding=(1, 2, 3)), ValueError),
    (dict(size=4, fill_value=256), ValueError), (dict(size=4, fill_value=(1, 2)), TypeError),
    (dict(size=4, padding_mode="edge"), TypeError), (dict(size=4, pad_if_needed=1), TypeError),
])
def test_random_crop_argument_errors_are_mindspores(kwargs, error):
    with pytest.raises(error):
        vision.RandomCrop(**kwargs)


def test_random_crop_larger_than_the_image_is_a_runtime_error():
    with pytest.raises(RuntimeError, match="crop size is bigger"):
        vision.RandomCrop(4)(np.zeros((3, 3, 3), np.uint8))
    assert vision.RandomCrop(2)(np.arange(9, dtype=np.float32).reshape(3, 3)).shape == (2, 2)
    assert ms.dataset.vision.RandomCrop is vision.RandomCrop

"""``map`` followed by ``batch`` transforms whole batches when every operation has a batch form
(``_BatchPlan`` in ``dataset/pipeline.py``). The batches must equal, bit for bit and dtype for
dtype, what mapping row by row and stacking gives, and everything the batch forms do not handle
(ragged rows, other layouts, user callables, errors) must behave exactly as the row-by-row path."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import dataset as ds
from easy_mindspore.dataset import transforms, vision


class Images:
    def __init__(self, shape, n=10, seed=0):
        rng = np.random.default_rng(seed)
        self.x = rng.integers(0, 256, (n,) + shape, np.uint8)
        self.y = rng.integers(0, 10, n).astype(np.int64)

    def __getitem__(self, i):
        return self.x[i], self.y[i]

    def __len__(self):
        return len(self.y)


def _row_by_row(ops):
    """The same operations wrapped in a plain function: no batch form, so the row-by-row path."""
    def f(img):
        for op in ops:
            img = op(img)
        return img
    return f


def _batches(source, image_ops, label_ops, batch_size=4, drop=False):
    d = ds.GeneratorDataset(source, ["image", "label"], shuffle=False)
    d = d.map(image_ops, input_columns=["image"]).map(label_ops, input_columns=["label"])
    return [[a for a in b] for b in d.batch(batch_size, drop).create_tuple_iterator(output_numpy=True)]


def _assert_same(fast, slow):
    assert len(fast) == len(slow)
    for bf, bs in zip(fast, slow):
        for a, b in zip(bf, bs):
            assert a.dtype == b.dtype and a.shape == b.shape
            assert np.array_equal(a, b)


@pytest.mark.parametrize("shape", [(6, 5, 3), (6, 5, 1), (6, 5)])
@pytest.mark.parametrize("ops", [
    lambda: [vision.Rescale(1 / 255.0, 0), vision.HWC2CHW()],
    lambda: [vision.Rescale(1 / 255.0, -0.5), vision.Normalize([0.1], [0.3]), vision.HWC2CHW()],
    lambda: [vision.ToTensor()],
    lambda: [vision.HWC2CHW(), vision.Normalize([0.2], [0.7], is_hwc=False)],
    lambda: [transforms.Compose([vision.Rescale(2.0, 1.0), vision.HWC2CHW()])],
    lambda: [vision.Resize((9, 4)), vision.Rescale(1 / 255.0, 0), vision.HWC2CHW()],
    lambda: [vision.Resize(3, vision.Inter.NEAREST), vision.HWC2CHW()],
])
def test_batched_maps_equal_row_by_row(shape, ops):
    src = Images(shape)
    fast = _batches(src, ops(), transforms.TypeCast(ms.int32), batch_size=4)
    slow = _batches(src, _row_by_row(ops()), _row_by_row([transforms.TypeCast(ms.int32)]), batch_size=4)
    _assert_same(fast, slow)
    assert [b[0].shape[0] for b in fast] == [4, 4, 2]
    assert fast[0][1].dtype == np.int32


def test_batched_maps_drop_remainder_and_tensors():
    d = ds.GeneratorDataset(Images((4, 4, 3), n=9), ["image", "label"], shuffle=False)
    d = d.map([vision.Rescale(0.5, 0), vision.HWC2CHW()], input_columns="image").batch(4, True)
    out = list(d.create_tuple_iterator())
    assert len(out) == 2 and d.get_dataset_size() == 2
    assert out[0][0].shape == (4, 3, 4, 4) and out[0][0].dtype == ms.float32
    assert out[0][1].dtype == ms.int64


def test_ragged_rows_take_the_row_by_row_path_and_its_error():
    class Ragged:
        def __getitem__(self, i):
            return (np.zeros((3 + i % 2, 3, 1), np.uint8),)

        def __len__(self):
            return 4

    d = ds.GeneratorDataset(Ragged(), ["image"], shuffle=False)
    d = d.map([vision.Rescale(1.0, 0), vision.HWC2CHW()], input_columns="image").batch(2)
    with pytest.raises(RuntimeError, match="column 'image' has rows of different shapes"):
        list(d.create_tuple_iterator())


def test_a_bad_image_raises_the_transforms_own_error():
    class Flat:
        def __getitem__(self, i):
            return (np.zeros(5, np.uint8),)

        def __len__(self):
            return 2

    d = ds.GeneratorDataset(Flat(), ["image"], shuffle=False)
    d = d.map([vision.HWC2CHW()], input_columns="image").batch(2)
    with pytest.raises(ValueError, match="HWC2CHW.*HW or HWC"):
        list(d.create_tuple_iterator())


def test_normalize_with_a_wrong_channel_count_fails_as_row_by_row():
    src = Images((4, 4, 3), n=4)
    d = ds.GeneratorDataset(src, ["image", "label"], shuffle=False)
    d = d.map([vision.Normalize([0.1, 0.2], [1.0, 1.0])], input_columns="image").batch(2)
    with pytest.raises(Exception) as fast:
        list(d.create_tuple_iterator())
    slow = ds.GeneratorDataset(src, ["image", "label"], shuffle=False).map(
        vision.Normalize([0.1, 0.2], [1.0, 1.0]), input_columns="image")
    with pytest.raises(Exception) as rows:
        list(slow.create_tuple_iterator())
    assert type(fast.value) is type(rows.value) and str(fast.value) == str(rows.value)


def test_a_shuffle_between_map_and_batch_keeps_the_row_order_semantics():
    src = Images((4, 4, 1), n=12)
    ms.set_seed(3)
    a = ds.GeneratorDataset(src, ["image", "label"], shuffle=False)
    a = a.map([vision.Rescale(1 / 255.0, 0)], input_columns="image").shuffle(5).batch(4)
    ms.set_seed(3)
    b = ds.GeneratorDataset(src, ["image", "label"], shuffle=False)
    b = b.map(_row_by_row([vision.Rescale(1 / 255.0, 0)]), input_columns="image").shuffle(5).batch(4)
    _assert_same([list(x) for x in a.create_tuple_iterator(output_numpy=True)],
                 [list(x) for x in b.create_tuple_iterator(output_numpy=True)])

"""``dataset.FakeImageDataset``: the rows MindSpore 2.10 printed on CPU (labels for three
seeds and class counts, the first bytes of six images, rows whose first draws are negative
starting with zeros), columns, dtypes, shapes, sampling and MindSpore's argument errors."""
import numpy as np
import pytest

import easy_mindspore.dataset as ds


def rows(**kw):
    data = ds.FakeImageDataset(**{"shuffle": False, **kw})
    return list(data.create_dict_iterator(output_numpy=True))


@pytest.mark.parametrize("classes, seed, want", [
    (1000, 0, [548, 417, 435, 550, 967, 221, 892, 76, 873, 10]),
    (7, 5, [1, 6, 0, 6, 0, 5, 1, 1, 5, 3]),
    # So many classes that the draw's rejection matters (MindSpore's library divides).
    (123456789, 3, [69578205, 122157692, 28042747, 112788386, 9639459, 110333844, 1310490,
                    97435204, 22772130, 19474245]),
])
def test_labels_are_mindspores(classes, seed, want):
    got = rows(num_images=10, image_size=(2, 2, 1), num_classes=classes, base_seed=seed)
    assert [int(r["label"]) for r in got] == want


def test_images_are_mindspores_bytes():
    got = rows(num_images=6, image_size=(4, 5, 3), num_classes=3)
    want = [[183, 215, 236, 211, 247, 246], [0] * 6, [0] * 6, [3, 237, 224, 67, 131, 145],
            [240, 54, 186, 82, 94, 104], [3, 182, 132, 5, 107, 152]]
    assert [r["image"].ravel()[:6].tolist() for r in got] == want
    assert [int(r["label"]) for r in got] == [1, 1, 1, 1, 2, 0]
    # Row i depends on base_seed + i only.
    shifted = rows(num_images=3, image_size=(4, 5, 3), num_classes=3, base_seed=3)
    assert all((a["image"] == b["image"]).all() for a, b in zip(shifted, got[3:]))


def test_columns_dtypes_and_sizes():
    data = ds.FakeImageDataset(num_images=5, image_size=[3, 4, 2], num_classes=4, num_samples=0)
    assert data.get_col_names() == ["image", "label"]
    assert data.get_dataset_size() == 5
    r = next(data.create_dict_iterator(output_numpy=True))
    assert r["image"].dtype == np.uint8 and r["image"].shape == (3, 4, 2)
    assert r["label"].dtype == np.uint32 and r["label"].shape == ()
    assert ds.FakeImageDataset(num_images=5, num_samples=2).get_dataset_size() == 2
    labels = sorted(int(r["label"]) for r in ds.FakeImageDataset(
        num_images=6, image_size=(4, 5, 3), num_classes=3).create_dict_iterator(output_numpy=True))
    assert labels == [0, 1, 1, 1, 1, 2]  # shuffled by default, the same rows


@pytest.mark.parametrize("kw, error", [
    ({"num_images": 0}, ValueError), ({"num_images": 2.0}, TypeError),
    ({"image_size": (4, 5)}, ValueError), ({"image_size": (0, 5, 3)}, ValueError),
    ({"num_classes": 0}, ValueError), ({"base_seed": 1.5}, TypeError),
])
def test_bad_arguments_raise_mindspores_errors(kw, error):
    with pytest.raises(error):
        ds.FakeImageDataset(**{"num_images": 3, "image_size": (4, 5, 3), **kw})

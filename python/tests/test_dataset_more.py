"""``mindspore.dataset``'s CIFAR readers (on small files in CIFAR's binary layout) and the
general transforms added with them, against what MindSpore 2.10 yields for the same files and
pipelines."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import dataset as ds
from easy_mindspore.dataset import transforms as T


@pytest.fixture
def cifar(tmp_path):
    rng = np.random.default_rng(0)
    ten, hundred = tmp_path / "c10", tmp_path / "c100"
    ten.mkdir()
    hundred.mkdir()
    for i in range(1, 6):
        lab = (np.arange(3) + i).astype(np.uint8).reshape(-1, 1)
        np.concatenate([lab, rng.integers(0, 256, (3, 3072), dtype=np.uint8)], 1).tofile(
            ten / f"data_batch_{i}.bin")
    pixels = np.arange(3072).astype(np.uint8).reshape(1, -1)
    np.concatenate([np.array([[7]], np.uint8), pixels], 1).tofile(ten / "test_batch.bin")
    for name, n in (("train", 4), ("test", 2)):
        lab = np.stack([np.arange(n), np.arange(n) + 10], 1).astype(np.uint8)
        np.concatenate([lab, rng.integers(0, 256, (n, 3072), dtype=np.uint8)], 1).tofile(
            hundred / f"{name}.bin")
    return ten, hundred


def test_cifar_readers_yield_mindspores_rows(cifar):
    ten, hundred = cifar
    d = ds.Cifar10Dataset(str(ten), shuffle=False)
    assert d.get_dataset_size() == 16 and d.get_col_names() == ["image", "label"]
    rows = list(d.create_tuple_iterator(output_numpy=True, num_epochs=1))
    assert [int(r[1]) for r in rows] == [1, 2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6, 5, 6, 7, 7]
    assert rows[0][0].shape == (32, 32, 3) and rows[0][0].dtype == np.uint8
    assert rows[0][1].dtype == np.uint32
    (img, label), = ds.Cifar10Dataset(str(ten), usage="test").create_tuple_iterator(
        output_numpy=True, num_epochs=1)
    # The record's pixels are the R plane, then G, then B: HWC pixel (0, j) is (j, j+1024, j+2048) mod 256.
    assert img[0, :3].tolist() == [[0, 0, 0], [1, 1, 1], [2, 2, 2]] and int(label) == 7
    c = ds.Cifar100Dataset(str(hundred), usage="train", shuffle=False)
    assert c.get_col_names() == ["image", "coarse_label", "fine_label"]
    assert [(int(r[1]), int(r[2])) for r in c.create_tuple_iterator(output_numpy=True, num_epochs=1)] \
        == [(0, 10), (1, 11), (2, 12), (3, 13)]
    assert ds.Cifar10Dataset(str(ten), "train", num_samples=4, shuffle=False).get_dataset_size() == 4
    with pytest.raises(ValueError):
        ds.Cifar10Dataset(str(hundred))
    with pytest.raises(ValueError):
        ds.Cifar10Dataset(str(ten), usage="valid")


def apply(t, data=((1, 2, 2), (3, 1, 3))):
    d = ds.NumpySlicesDataset(np.array(data), ["x"], shuffle=False).map(t)
    return [[c.tolist() for c in row] for row in d.create_tuple_iterator(output_numpy=True, num_epochs=1)]


def test_general_transforms_as_mindspore():
    assert apply(T.Concatenate(0, np.array([9]), np.array([7, 8]))) == \
        [[[9, 1, 2, 2, 7, 8]], [[9, 3, 1, 3, 7, 8]]]
    assert apply(T.Mask(T.Relational.GT, 1)) == [[[False, True, True]], [[True, False, True]]]
    assert apply(T.Mask(T.Relational.EQ, 2, ms.int32)) == [[[0, 1, 1]], [[0, 0, 0]]]
    assert apply(T.PadEnd([5], -1)) == [[[1, 2, 2, -1, -1]], [[3, 1, 3, -1, -1]]]
    assert apply(T.PadEnd([2])) == [[[1, 2]], [[3, 1]]]
    assert apply(T.Slice(slice(0, 2))) == [[[1, 2]], [[3, 1]]]
    assert apply(T.Slice([0, 2])) == [[[1, 2]], [[3, 3]]]
    u, i, c = T.Unique()(np.array([3, 1, 3, 2, 1]))
    assert u.tolist() == [3, 1, 2] and i.tolist() == [0, 1, 0, 2, 1] and c.tolist() == [2, 2, 1]


def test_random_transforms_draw_from_the_pipeline_seed():
    assert apply(T.RandomApply([T.TypeCast(ms.float32)], 1.0)) == [[[1.0, 2.0, 2.0]], [[3.0, 1.0, 3.0]]]
    assert apply(T.RandomApply([T.Fill(0)], 0.0)) == [[[1, 2, 2]], [[3, 1, 3]]]
    assert apply(T.RandomChoice([T.Fill(5)])) == [[[5, 5, 5]], [[5, 5, 5]]]
    assert apply(T.RandomOrder([T.Fill(5), T.TypeCast(ms.int8)])) == [[[5, 5, 5]], [[5, 5, 5]]]
    ds.config.set_seed(3)
    picks = [T.RandomChoice([lambda x: x * 0, lambda x: x])(np.ones(1))[0] for _ in range(200)]
    ds.config.set_seed(3)
    again = [T.RandomChoice([lambda x: x * 0, lambda x: x])(np.ones(1))[0] for _ in range(200)]
    assert picks == again and 60 < sum(picks) < 140
    with pytest.raises(ValueError):
        T.RandomApply([T.Fill(0)], 1.5)
    with pytest.raises(TypeError):
        T.RandomChoice([])
    with pytest.raises(TypeError):
        T.Mask(">", 1)


def _ragged():
    for i in range(5):
        yield np.arange(i + 1), np.array(i)


def test_per_batch_map_pads_ragged_rows_as_mindspore():
    def pad(a, b, info):
        assert isinstance(a, list) and isinstance(info, ds.BatchInfo) and info.get_epoch_num() == 0
        m = max(len(x) for x in a)
        return [np.pad(x, (0, m - len(x))) for x in a], [x * 2 for x in b]

    d = ds.GeneratorDataset(_ragged, ["a", "b"], shuffle=False).batch(2, per_batch_map=pad)
    assert [[x.tolist() for x in r] for r in d.create_tuple_iterator(output_numpy=True, num_epochs=1)] == \
        [[[[0, 0], [0, 1]], [0, 2]], [[[0, 1, 2, 0], [0, 1, 2, 3]], [4, 6]], [[[0, 1, 2, 3, 4]], [8]]]

    def stacked(a, b, info):
        m = max(len(x) for x in a)
        return np.stack([np.pad(x, (0, m - len(x))) for x in a]), np.array(b).sum(keepdims=True)

    d = ds.GeneratorDataset(_ragged, ["a", "b"], shuffle=False).batch(
        3, input_columns=["a", "b"], output_columns=["p", "s"], per_batch_map=stacked)
    assert d.get_col_names() == ["p", "s"]
    assert [{k: v.tolist() for k, v in r.items()} for r in d.create_dict_iterator(output_numpy=True, num_epochs=1)] \
        == [{"p": [[0, 0, 0], [0, 1, 0], [0, 1, 2]], "s": [3]}, {"p": [[0, 1, 2, 3, 0], [0, 1, 2, 3, 4]], "s": [7]}]
    batches = []
    d = ds.GeneratorDataset(_ragged, ["a", "b"], shuffle=False).batch(
        2, input_columns=["a"], per_batch_map=lambda a, info: (batches.append(info.get_batch_num()) or [len(x) for x in a],))
    assert [{k: v.tolist() for k, v in r.items()} for r in d.create_dict_iterator(output_numpy=True, num_epochs=1)] \
        == [{"a": [1, 2], "b": [0, 1]}, {"a": [3, 4], "b": [2, 3]}, {"a": [5], "b": [4]}]
    assert batches == [0, 1, 2]
    n = ds.NumpySlicesDataset({"x": np.arange(6), "y": np.arange(6) * 10}, shuffle=False).batch(
        4, per_batch_map=lambda x, y, info: ([v + 1 for v in x], [v * 0 for v in y]))
    assert [[v.tolist() for v in r] for r in n.create_tuple_iterator(output_numpy=True, num_epochs=1)] == \
        [[[1, 2, 3, 4], [0, 0, 0, 0]], [[5, 6], [0, 0]]]


def test_per_batch_map_errors():
    d = ds.GeneratorDataset(_ragged, ["a", "b"], shuffle=False)
    with pytest.raises(RuntimeError):  # a ragged column the map does not take
        list(d.batch(2, input_columns=["b"], per_batch_map=lambda b, info: (b,)).create_tuple_iterator(num_epochs=1))
    with pytest.raises(ValueError):
        d.batch(2, input_columns=["c"], per_batch_map=lambda c, info: (c,))
    with pytest.raises(ValueError):  # two outputs for one input column, unnamed
        list(d.batch(2, input_columns=["b"], per_batch_map=lambda b, info: (b, b)).create_tuple_iterator(num_epochs=1))
    with pytest.raises(TypeError):
        d.batch(2, per_batch_map=3)


@pytest.mark.parametrize("pad_info, want", [
    ({"a": ([6], -1)}, [[[[0, -1, -1, -1, -1, -1], [0, 1, -1, -1, -1, -1], [0, 1, 2, -1, -1, -1]], [0, 1, 2]],
                        [[[0, 1, 2, 3, -1, -1], [0, 1, 2, 3, 4, -1]], [3, 4]]]),
    ({"a": (None, 7)}, [[[[0, 7, 7], [0, 1, 7], [0, 1, 2]], [0, 1, 2]], [[[0, 1, 2, 3, 7], [0, 1, 2, 3, 4]], [3, 4]]]),
    ({"a": ([None], 7)}, [[[[0, 7, 7], [0, 1, 7], [0, 1, 2]], [0, 1, 2]], [[[0, 1, 2, 3, 7], [0, 1, 2, 3, 4]], [3, 4]]]),
    ({"a": ([2], 0)}, [[[[0, 0], [0, 1], [0, 1]], [0, 1, 2]], [[[0, 1], [0, 1]], [3, 4]]]),
    ({}, [[[[0, 0, 0], [0, 1, 0], [0, 1, 2]], [0, 1, 2]], [[[0, 1, 2, 3, 0], [0, 1, 2, 3, 4]], [3, 4]]]),
])
def test_padded_batch_as_mindspore(pad_info, want):
    d = ds.GeneratorDataset(_ragged, ["a", "b"], shuffle=False).padded_batch(3, pad_info=pad_info)
    assert [[x.tolist() for x in r] for r in d.create_tuple_iterator(output_numpy=True, num_epochs=1)] == want


def test_padded_batch_without_pad_info_is_a_batch():
    d = ds.GeneratorDataset(_ragged, ["a", "b"], shuffle=False).padded_batch(3)
    with pytest.raises(RuntimeError):
        list(d.create_tuple_iterator(num_epochs=1))
    n = ds.NumpySlicesDataset({"x": np.arange(6)}, shuffle=False).padded_batch(4, pad_info={})
    assert [[x.tolist() for x in r] for r in n.create_tuple_iterator(output_numpy=True, num_epochs=1)] == \
        [[[0, 1, 2, 3]], [[4, 5]]]
    with pytest.raises(ValueError):
        ds.GeneratorDataset(_ragged, ["a", "b"]).padded_batch(2, pad_info={"c": (None, 0)})


@pytest.mark.parametrize("bad, cls", [(0, ValueError), (-1, ValueError), (10 ** 6, ValueError),
                                      (1.5, TypeError), (True, TypeError)])
def test_num_parallel_workers_is_checked_as_mindspore(bad, cls):
    # MindSpore 2.10: an int from 1 to the number of CPUs, else "exceeds the boundary" (ValueError).
    with pytest.raises(cls):
        ds.GeneratorDataset(np.arange(4).reshape(4, 1), ["a"], num_parallel_workers=bad)
    with pytest.raises(cls):
        ds.NumpySlicesDataset(np.arange(4), num_parallel_workers=bad)
    with pytest.raises(cls):
        ds.NumpySlicesDataset(np.arange(4)).map(lambda x: x, num_parallel_workers=bad)
    with pytest.raises(cls):
        ds.NumpySlicesDataset(np.arange(4)).batch(2, num_parallel_workers=bad)
    ds.GeneratorDataset(np.arange(4).reshape(4, 1), ["a"], num_parallel_workers=1).batch(2, num_parallel_workers=1)

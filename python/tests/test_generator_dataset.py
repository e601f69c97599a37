"""``GeneratorDataset`` and its pipeline as MindSpore 2.10 runs the D2L loaders (outputs measured
there): random-access, iterable and generator sources, map/batch/shuffle/repeat/take/skip/
project/rename, per-epoch reshuffling from the seed, sharding, and bad arguments."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import dataset as ds
from easy_mindspore.dataset import transforms, vision


class ArrayData:
    """The D2L helper's source: ``__getitem__`` returns a generator over the columns."""

    def __init__(self, data):
        self.data = data

    def __getitem__(self, index):
        return (i[index] for i in self.data)

    def __len__(self):
        return len(self.data[0])


X = np.arange(20, dtype=np.float32).reshape(10, 2)
Y = np.arange(10, dtype=np.float32)


def test_d2l_load_array_pipeline_as_mindspore():
    d = ds.GeneratorDataset(source=ArrayData((X, Y)), column_names=["0", "1"], shuffle=False)
    d = d.map(transforms.TypeCast(ms.int32), input_columns="1").batch(4)
    assert d.get_dataset_size() == 3 and d.get_col_names() == ["0", "1"]
    batches = list(d.create_tuple_iterator())
    assert [b[0].shape for b in batches] == [(4, 2), (4, 2), (2, 2)]
    assert batches[0][0].dtype == ms.float32 and batches[0][1].dtype == ms.int32
    assert batches[2][1].asnumpy().tolist() == [8, 9]


def test_generator_function_map_with_new_columns():
    def gen():
        for i in range(5):
            yield np.array([i, i]), np.array(i * 10)

    g = ds.GeneratorDataset(gen, ["x", "y"]).map(lambda x, y: (x + 1, y), input_columns=["x", "y"],
                                                 output_columns=["a", "b"]).batch(2, drop_remainder=True)
    assert g.get_col_names() == ["a", "b"] and g.get_dataset_size() == 2
    rows = list(g.create_dict_iterator(output_numpy=True))
    assert rows[1]["a"].tolist() == [[3, 3], [4, 4]] and rows[1]["b"].tolist() == [20, 30]


def test_images_through_vision_transforms():
    img = (np.arange(2 * 4 * 4 * 3).reshape(2, 4, 4, 3) % 255).astype(np.uint8)

    class Imgs:
        def __getitem__(self, i):
            return img[i], np.int64(i)

        def __len__(self):
            return 2

    p = ds.GeneratorDataset(Imgs(), ["image", "label"], shuffle=False)
    p = p.map([vision.Rescale(1 / 255.0, 0), vision.HWC2CHW()], "image").batch(2)
    im, lb = next(iter(p))
    assert im.shape == (2, 3, 4, 4) and im.dtype == ms.float32 and lb.asnumpy().tolist() == [0, 1]
    np.testing.assert_allclose(im.asnumpy()[1], img[1].transpose(2, 0, 1) / 255.0, rtol=1e-6)


def test_shuffle_is_per_epoch_and_follows_the_seed():
    def epochs(seed):
        ms.set_seed(seed)
        d = ds.GeneratorDataset(ArrayData((X, Y)), ["x", "y"])  # random access: shuffled by default
        it = d.create_tuple_iterator(num_epochs=2)
        return [[float(r[1]) for r in it] for _ in range(2)], [float(r[1]) for r in d]
    (a, again), (b, _) = epochs(3), epochs(3)
    assert a == b and a[0] != a[1] and sorted(a[0]) == Y.tolist()
    # MindSpore 2.10: a new iterator (each `for` over the dataset) starts from the first epoch.
    assert again == a[0]
    buf = ds.GeneratorDataset(ArrayData((X, Y)), ["x", "y"], shuffle=False).shuffle(4)
    assert sorted(float(r[1]) for r in buf) == Y.tolist()


def test_shards_repeat_take_skip_project_rename():
    parts = [ds.GeneratorDataset(ArrayData((X, Y)), ["x", "y"], shuffle=False, num_shards=3, shard_id=k)
             for k in range(3)]
    # MindSpore 2.10's DistributedSampler: every shard has ceil(n / 3) rows, wrapping around
    rows = [[float(r[1]) for r in p] for p in parts]
    n = len(Y)
    per = -(-n // 3)
    assert rows == [[float(Y[(k + 3 * j) % n]) for j in range(per)] for k in range(3)]
    assert set(sum(rows, [])) == set(Y.tolist()) and parts[0].get_dataset_size() == per
    assert [p.get_dataset_size() for p in parts] == [per] * 3
    d = ds.GeneratorDataset(ArrayData((X, Y)), ["x", "y"], shuffle=False)
    assert d.repeat(2).get_dataset_size() == 20
    assert [float(r[0]) for r in d.skip(3).take(2).project("y")] == [3.0, 4.0]
    assert d.rename("y", "label").get_col_names() == ["x", "label"]


def test_bad_arguments_are_typed_errors():
    with pytest.raises(TypeError):
        ds.GeneratorDataset(3, ["x"])
    with pytest.raises(ValueError):
        ds.GeneratorDataset(ArrayData((X, Y)), ["x"]).create_tuple_iterator().__next__()
    with pytest.raises(ValueError):
        ds.GeneratorDataset(ArrayData((X, Y)), ["x", "y"]).batch(0)
    with pytest.raises(ValueError):
        ds.GeneratorDataset(ArrayData((X, Y)), ["x", "y"]).map(lambda v: v, input_columns="nope")
    with pytest.raises(ValueError):  # shuffle=True is ignored for an iterable (MindSpore 2.10)
        ds.GeneratorDataset(iter([1, 2]), ["x"], sampler=ds.SequentialSampler())
    with pytest.raises(ValueError):
        ds.GeneratorDataset(ArrayData((X, Y)), ["x", "y"], num_shards=2, shard_id=2)
    ragged = ds.GeneratorDataset([np.zeros(2), np.zeros(3)], ["x"]).batch(2)
    with pytest.raises(RuntimeError, match="different shapes"):
        list(ragged)


def test_one_iterator_runs_one_epoch_per_loop_as_mindspore():
    # MindSpore 2.10: looping twice over one create_tuple_iterator() gives two epochs; with
    # num_epochs=1 the second loop is a RuntimeError. The D2L training loops rely on the former.
    d = ds.GeneratorDataset([np.array(i) for i in range(3)], ["x"], shuffle=False)
    it = d.create_tuple_iterator()
    assert [int(r[0]) for r in it] == [0, 1, 2] and [int(r[0]) for r in it] == [0, 1, 2]
    once = d.create_tuple_iterator(num_epochs=1)
    assert [int(r[0]) for r in once] == [0, 1, 2]
    with pytest.raises(RuntimeError):
        list(once)
    dicts = d.batch(3).create_dict_iterator()
    assert [list(b) for b in dicts] == [["x"]] and [b["x"].shape for b in dicts] == [(3,)]
    native = ds.NumpySlicesDataset(np.arange(4.0), shuffle=False).batch(2).create_tuple_iterator()
    assert len(list(native)) == 2 and len(list(native)) == 2


def test_filter_flat_map_apply_and_bucket_batches_are_mindspores():
    def make():
        return ds.NumpySlicesDataset({"a": np.arange(6), "b": np.arange(6) * 10}, shuffle=False)

    def rows(d):
        return [[c.tolist() for c in r] for r in d.create_tuple_iterator(output_numpy=True, num_epochs=1)]

    # MindSpore 2.10's rows for the same pipelines.
    assert rows(make().filter(lambda a: a % 2 == 0, input_columns=["a"])) == [[0, 0], [2, 20], [4, 40]]
    assert rows(make().filter(lambda a, b: a + b > 30)) == [[3, 30], [4, 40], [5, 50]]
    inner = lambda x: ds.NumpySlicesDataset({"x": [int(x), int(x) + 100]}, shuffle=False)  # noqa: E731
    flat = ds.NumpySlicesDataset({"a": np.arange(3)}, shuffle=False).flat_map(inner)
    assert flat.get_col_names() == ["x"] and rows(flat) == [[0], [100], [1], [101], [2], [102]]
    assert rows(make().apply(lambda d: d.batch(4))) == [[[0, 1, 2, 3], [0, 10, 20, 30]], [[4, 5], [40, 50]]]
    seq = lambda lens: ds.GeneratorDataset([(np.arange(n),) for n in lens], ["x"], shuffle=False)  # noqa: E731
    b = seq([1, 3, 2, 5, 4, 2]).bucket_batch_by_length(["x"], [3, 5], [2, 2, 2], pad_info={"x": (None, -1)})
    assert rows(b) == [[[[0, -1], [0, 1]]], [[[0, 1, 2, -1], [0, 1, 2, 3]]], [[[0, 1]]], [[[0, 1, 2, 3, 4]]]]
    assert b.get_batch_size() == 1
    b = seq([1, 3, 2, 5, 4, 2]).bucket_batch_by_length(["x"], [3], [2, 3], drop_remainder=True)
    assert rows(b) == [[[[0, 0], [0, 1]]], [[[0, 1, 2, 0, 0], [0, 1, 2, 3, 4], [0, 1, 2, 3, 0]]]]
    b = seq([1, 3, 2, 4, 4, 2]).bucket_batch_by_length(["x"], [3, 5], [2, 2, 2], pad_info={"x": (None, -1)},
                                                      pad_to_bucket_boundary=True)
    assert rows(b) == [[[[0, -1], [0, 1]]], [[[0, 1, 2, -1], [0, 1, 2, 3]]], [[[0, 1]]], [[[0, 1, 2, 3]]]]
    with pytest.raises(ValueError):
        seq([1]).bucket_batch_by_length(["x"], [3, 2], [1, 1, 1])
    with pytest.raises(TypeError):
        make().filter(3)
    with pytest.raises(TypeError):
        rows(ds.NumpySlicesDataset({"a": np.arange(2)}, shuffle=False).flat_map(lambda x: [x]))
    assert make().num_classes() is None


def test_build_vocab_returns_the_vocabulary():
    from easy_mindspore.dataset import text
    s = ds.NumpySlicesDataset({"t": ["a b", "b c c", "c"]}, shuffle=False).map(
        text.WhitespaceTokenizer(), input_columns=["t"])
    with pytest.warns(DeprecationWarning):
        v = s.build_vocab(columns=["t"], freq_range=None, top_k=None, special_tokens=["<pad>"],
                          special_first=True)
    # Vocab.from_dataset's (MindSpore 2.10's build_vocab is a deprecated no-op returning None).
    assert v.vocab() == {"<pad>": 0, "c": 1, "b": 2, "a": 3}


def test_get_repeat_count_reads_the_last_repeat():
    make = lambda: ds.NumpySlicesDataset({"a": np.arange(6)}, shuffle=False)  # noqa: E731
    # MindSpore 2.10: 1 3 2 2 -1 4.
    assert [make().get_repeat_count(), make().repeat(3).get_repeat_count(),
            make().repeat(2).batch(2).get_repeat_count(),
            make().repeat(3).repeat(2).get_repeat_count(), make().repeat().get_repeat_count(),
            make().batch(2).repeat(4).map(lambda x: x).get_repeat_count()] == [1, 3, 2, 2, -1, 4]

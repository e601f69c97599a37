"""``mindspore.dataset`` samplers on the in-memory and generator datasets: the rows each picks,
as MindSpore 2.10 printed them for the same datasets (the deterministic ones exactly; the random
ones by their sizes and sets), the per-epoch redraw, and the conflicts MindSpore refuses."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import dataset as ds

DATA = np.arange(10)


class Source:
    def __getitem__(self, i):
        return (np.array(i),)

    def __len__(self):
        return 10


def rows(d):
    return [int(x[0]) for x in d.create_tuple_iterator(output_numpy=True, num_epochs=1)]


@pytest.mark.parametrize("make", [
    lambda s: ds.NumpySlicesDataset(DATA, sampler=s),
    lambda s: ds.GeneratorDataset(Source(), ["x"], sampler=s),
])
def test_deterministic_samplers_pick_mindspores_rows(make):
    assert rows(make(ds.SequentialSampler(2, 5))) == [2, 3, 4, 5, 6]
    assert rows(make(ds.SubsetSampler([3, 1, 7]))) == [3, 1, 7]
    assert rows(make(ds.DistributedSampler(3, 1, shuffle=False))) == [1, 4, 7, 0]
    assert make(ds.SequentialSampler(num_samples=3)).get_dataset_size() == 3


def test_random_samplers_draw_sets_of_the_right_size_anew_each_epoch():
    ms.set_seed(1)
    d = ds.NumpySlicesDataset(DATA, sampler=ds.RandomSampler())
    it = d.create_tuple_iterator(output_numpy=True, num_epochs=2)
    first, second = [[int(x[0]) for x in it] for _ in range(2)]
    assert sorted(first) == sorted(second) == list(range(10)) and first != second
    assert len(rows(ds.NumpySlicesDataset(DATA, sampler=ds.RandomSampler(num_samples=4)))) == 4
    repl = rows(ds.NumpySlicesDataset(DATA, sampler=ds.RandomSampler(True, num_samples=12)))
    assert len(repl) == 10  # MindSpore caps draws with replacement at the dataset size
    w = rows(ds.NumpySlicesDataset(DATA, sampler=ds.WeightedRandomSampler([0, 0, 1] + [0] * 6 + [1], 6)))
    assert len(w) == 6 and set(w) <= {2, 9}
    sub = rows(ds.GeneratorDataset(Source(), ["x"], sampler=ds.SubsetRandomSampler([1, 2, 3, 4])))
    assert sorted(sub) == [1, 2, 3, 4]


def test_own_samplers_and_iterables():
    class EveryThird(ds.Sampler):
        def __iter__(self):
            yield from range(0, self.dataset_size, 3)

    assert rows(ds.GeneratorDataset(Source(), ["x"], sampler=EveryThird())) == [0, 3, 6, 9]
    assert rows(ds.NumpySlicesDataset(DATA, sampler=EveryThird())) == [0, 3, 6, 9]
    assert rows(ds.GeneratorDataset(Source(), ["x"], sampler=[4, 2])) == [4, 2]
    b = ds.NumpySlicesDataset(DATA, sampler=ds.SequentialSampler()).batch(4)
    assert [x[0].tolist() for x in b.create_tuple_iterator(output_numpy=True, num_epochs=1)] == \
        [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


@pytest.mark.parametrize("make", [
    lambda: ds.GeneratorDataset(Source(), ["x"], sampler=ds.SequentialSampler(), shuffle=True),
    lambda: ds.NumpySlicesDataset(DATA, sampler=ds.SequentialSampler(), num_shards=2, shard_id=0),
    lambda: ds.GeneratorDataset(iter([1, 2]), ["x"], sampler=ds.SequentialSampler()),
    lambda: ds.DistributedSampler(2, 2),
    lambda: ds.WeightedRandomSampler([0, 0]),
    lambda: ds.RandomSampler(num_samples=-1),
    lambda: rows(ds.NumpySlicesDataset(DATA, sampler=ds.SubsetSampler([10]))),
    lambda: rows(ds.NumpySlicesDataset(DATA, sampler=ds.SequentialSampler(10))),
])
def test_conflicts_and_bad_arguments_are_value_errors(make):
    with pytest.raises(ValueError):
        make()


def _pk_folder(root):
    from PIL import Image
    for cls, count in (("c0", 3), ("c1", 1), ("c2", 4)):
        (root / cls).mkdir()
        for i in range(count):
            Image.fromarray(np.full((2, 2, 3), 10 * i, np.uint8)).save(root / cls / f"{i}.png")
    return str(root)


def _pk_rows(path, seed, **kw):
    ds.config.set_seed(seed)
    d = ds.ImageFolderDataset(path, sampler=ds.PKSampler(**kw), decode=True)
    it = d.create_dict_iterator(output_numpy=True, num_epochs=2)
    return [[(int(r["label"]), int(r["image"][0, 0, 0]) // 10) for r in it] for _ in range(2)]


def test_pk_sampler_reads_mindspores_rows(tmp_path):
    path = _pk_folder(tmp_path)
    # MindSpore 2.10's (label, file) rows, two epochs each.
    assert _pk_rows(path, 0, num_val=2) == [
        [(0, 1), (0, 1), (1, 0), (1, 0), (2, 2), (2, 3)],
        [(0, 1), (0, 2), (1, 0), (1, 0), (2, 0), (2, 0)]]
    assert _pk_rows(path, 7, num_val=3, shuffle=True) == [
        [(2, 0), (2, 3), (2, 1), (0, 1), (0, 2), (0, 2), (1, 0), (1, 0), (1, 0)],
        [(2, 3), (2, 0), (2, 3), (0, 0), (0, 2), (0, 1), (1, 0), (1, 0), (1, 0)]]
    assert _pk_rows(path, 0, num_val=2, num_samples=5)[0] == [
        (0, 1), (0, 1), (1, 0), (1, 0), (2, 2)]
    assert ds.ImageFolderDataset(path, sampler=ds.PKSampler(2)).get_dataset_size() == 6
    assert ds.ImageFolderDataset(path).num_classes() == 3  # MindSpore 2.10: 3


def test_pk_sampler_errors_are_mindspores():
    with pytest.raises(NotImplementedError):
        ds.PKSampler(2, num_class=2)
    with pytest.raises(TypeError, match="num_val must be integer"):
        ds.PKSampler(2.0)
    with pytest.raises(TypeError, match="shuffle must be a boolean"):
        ds.PKSampler(2, shuffle=1)
    with pytest.raises(RuntimeError):
        ds.PKSampler(0)
    with pytest.raises(ValueError, match="GeneratorDataset doesn't support PKSampler"):
        ds.NumpySlicesDataset({"x": np.arange(4), "label": np.arange(4)}, sampler=ds.PKSampler(1))

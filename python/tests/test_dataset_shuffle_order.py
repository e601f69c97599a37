"""Shuffled datasets read their rows in MindSpore 2.10's order for a given
``dataset.config.set_seed``: the orders below are what MindSpore printed on CPU (epoch after
epoch, a mappable source, ``GeneratorDataset`` over a random-access source, ``RandomSampler``,
``SubsetRandomSampler``, ``WeightedRandomSampler``, shards, ``shuffle(buffer_size)``),
and a shuffled source given ``num_samples`` draws its rows with replacement, as MindSpore's."""
import numpy as np
import pytest

import easy_mindspore.dataset as ds


@pytest.fixture
def seed():
    saved = ds.config.get_seed()

    def set_seed(s):
        ds.config.set_seed(s)

    yield set_seed
    ds.config.set_seed(saved)


def epochs(data, n):
    it = data.create_tuple_iterator(num_epochs=n, output_numpy=True)
    return [[int(r[0]) for r in it] for _ in range(n)]


def test_a_shuffled_source_reads_mindspores_order_each_epoch(seed):
    seed(1)
    data = ds.NumpySlicesDataset(np.arange(10), column_names=["x"], shuffle=True)
    assert epochs(data, 3) == [[9, 0, 2, 5, 7, 4, 6, 3, 1, 8], [4, 9, 5, 0, 1, 7, 6, 2, 3, 8],
                               [0, 9, 3, 7, 5, 6, 8, 2, 4, 1]]
    odd = ds.NumpySlicesDataset(np.arange(7), column_names=["x"])  # shuffled by default
    assert epochs(odd, 1) == [[1, 0, 6, 3, 5, 4, 2]]
    hundred = epochs(ds.NumpySlicesDataset(np.arange(100), column_names=["x"]), 1)[0]
    assert hundred[:10] == [97, 56, 23, 33, 24, 4, 6, 41, 90, 22]


def test_a_random_access_generator_and_the_random_sampler_read_the_same_order(seed):
    seed(1)
    gen = ds.GeneratorDataset([(np.int64(i),) for i in range(10)], ["x"], shuffle=True)
    assert epochs(gen, 2) == [[9, 0, 2, 5, 7, 4, 6, 3, 1, 8], [4, 9, 5, 0, 1, 7, 6, 2, 3, 8]]
    sampled = ds.NumpySlicesDataset(np.arange(10), column_names=["x"], sampler=ds.RandomSampler())
    assert epochs(sampled, 1) == [[9, 0, 2, 5, 7, 4, 6, 3, 1, 8]]


def test_num_samples_of_a_shuffled_source_are_drawn_with_replacement(seed):
    seed(1)
    data = ds.NumpySlicesDataset(np.arange(10), column_names=["x"], shuffle=True, num_samples=4)
    assert epochs(data, 2) == [[4, 9, 7, 9], [4, 1, 0, 9]]  # MindSpore's, 9 twice
    seed(7)
    data = ds.NumpySlicesDataset(np.arange(10), column_names=["x"], shuffle=True, num_samples=4)
    assert epochs(data, 1) == [[0, 2, 7, 3]]
    gen = ds.GeneratorDataset([(np.int64(i),) for i in range(10)], ["x"], num_samples=4)
    assert epochs(gen, 1) == [[0, 2, 7, 3]]
    # A RandomSampler's own num_samples takes the first rows of the shuffled order.
    sampled = ds.NumpySlicesDataset(np.arange(10), column_names=["x"],
                                    sampler=ds.RandomSampler(num_samples=4))
    assert epochs(sampled, 1) == [[2, 7, 6, 8]]
    # Unshuffled, num_samples keeps the first rows.
    plain = ds.NumpySlicesDataset(np.arange(10), column_names=["x"], shuffle=False, num_samples=4)
    assert epochs(plain, 1) == [[0, 1, 2, 3]]


def test_a_subset_random_sampler_reshuffles_its_list_with_the_same_seed(seed):
    seed(1)
    sampler = ds.SubsetRandomSampler([3, 1, 4, 1, 5, 9, 2, 6])
    data = ds.NumpySlicesDataset(np.arange(10), column_names=["x"], sampler=sampler)
    assert epochs(data, 3) == [[1, 3, 4, 9, 6, 5, 2, 1], [3, 1, 4, 5, 1, 6, 2, 9],
                               [1, 3, 4, 6, 9, 1, 2, 5]]
    few = ds.SubsetRandomSampler([3, 1, 4, 1, 5, 9, 2, 6], num_samples=3)
    assert epochs(ds.NumpySlicesDataset(np.arange(10), column_names=["x"], sampler=few), 1) \
        == [[1, 3, 4]]


def test_shards_deal_out_one_shuffled_order_of_all_rows(seed):
    # MindSpore 2.10: ten rows in three shards, two epochs, for two seeds.
    want = {1: [[[5, 1, 6, 9], [1, 4, 9, 8]], [[0, 8, 2, 5], [0, 3, 2, 1]],
                [[3, 4, 7, 0], [7, 6, 5, 0]]],
            5: [[[0, 9, 4, 7], [2, 5, 9, 7]], [[6, 1, 8, 0], [8, 6, 0, 2]],
                [[2, 3, 5, 6], [4, 3, 1, 8]]]}
    for s, shards in want.items():
        seed(s)
        for k, rows in enumerate(shards):
            data = ds.NumpySlicesDataset(np.arange(10), column_names=["x"], num_shards=3,
                                         shard_id=k)
            assert epochs(data, 2) == rows
    seed(1)
    for data in (ds.NumpySlicesDataset(np.arange(10), column_names=["x"],
                                       sampler=ds.DistributedSampler(3, 1)),
                 ds.GeneratorDataset([(np.int64(i),) for i in range(10)], ["x"], num_shards=3,
                                     shard_id=1)):
        assert epochs(data, 1) == [[0, 8, 2, 5]]
    unshuffled = ds.NumpySlicesDataset(np.arange(10), column_names=["x"], num_shards=3,
                                       shard_id=1, shuffle=False)
    assert epochs(unshuffled, 1) == [[1, 4, 7, 0]]


def test_buffer_shuffles_are_mindspores_and_continue_across_epochs(seed):
    seed(3)
    data = ds.NumpySlicesDataset(np.arange(12), column_names=["x"], shuffle=False).shuffle(4)
    assert epochs(data, 2) == [[3, 4, 5, 1, 6, 0, 9, 8, 2, 7, 10, 11],
                               [0, 2, 3, 6, 1, 5, 7, 4, 9, 8, 10, 11]]
    whole = ds.NumpySlicesDataset(np.arange(12), column_names=["x"], shuffle=False).shuffle(100)
    assert epochs(whole, 1) == [[11, 1, 5, 7, 9, 6, 8, 3, 2, 10, 0, 4]]
    gen = ds.GeneratorDataset([(np.int64(i),) for i in range(12)], ["x"], shuffle=False)
    assert epochs(gen.shuffle(5), 1) == [[2, 4, 0, 7, 1, 3, 10, 9, 5, 8, 6, 11]]
    # A source of unknown length is shuffled within the window all the same.
    stream = ds.GeneratorDataset(lambda: ((np.int64(i),) for i in range(12)), ["x"]).shuffle(4)
    assert sorted(epochs(stream, 1)[0]) == list(range(12))


class _Rows:
    """A random-access source of `n` rows, row `i` holding `i`."""

    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        return (np.array(i, np.int64),)

    def __len__(self):
        return self.n


def test_the_weighted_sampler_draws_mindspores_rows_every_epoch(seed):
    w = [0.1, 0.9, 0.4, 0.7, 3.0, 0.6, 0.2, 0.3, 0.5, 1.0]

    def drawn(n, weights, num_samples, replacement):
        sampler = ds.WeightedRandomSampler(weights, num_samples=num_samples,
                                           replacement=replacement)
        return epochs(ds.GeneratorDataset(_Rows(n), ["x"], sampler=sampler), 2)

    # MindSpore 2.10 printed these; its sampler reseeds before each epoch, so both epochs agree.
    seed(1)
    assert drawn(10, w, None, True) == [[9, 9, 1, 9, 3, 4, 4, 5, 9, 8]] * 2
    assert drawn(10, w, 5, True) == [[9, 9, 1, 9, 3]] * 2
    assert drawn(10, w, 6, False) == [[4, 2, 5, 9, 6, 1]] * 2
    assert drawn(12, [1.0, 2.0, 3.0, 0.0, 5.0], 8, True) == [[4, 4, 1, 4, 1, 2, 2, 4]] * 2
    assert drawn(7, [1, 2, 3, 4, 5, 6, 7], None, False) == [[2, 4, 6, 5, 1, 3, 0]] * 2
    seed(7)
    assert drawn(10, w, None, True) == [[3, 4, 9, 4, 4, 3, 1, 4, 1, 4]] * 2
    assert drawn(10, w, 6, False) == [[8, 4, 1, 6, 5, 9]] * 2
    # More weights than rows, or (without replacement) fewer weights than rows to draw:
    # MindSpore's RuntimeError from the pipeline.
    with pytest.raises(RuntimeError, match="WeightedRandomSampler.*weight size: 5"):
        drawn(3, [1.0] * 5, None, True)
    with pytest.raises(RuntimeError, match="WeightedRandomSampler.*without replacement"):
        drawn(10, [1.0, 2.0], 5, False)

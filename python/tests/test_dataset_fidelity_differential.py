"""``mindspore.dataset`` behaviours a differential run against MindSpore 2.10 found different:
each expected value is MindSpore 2.10's for the same pipeline."""
import struct

import numpy as np
import pytest

import easy_mindspore.dataset as ds
import easy_mindspore.dataset.transforms as T


def _rows(d):
    return [[np.asarray(v).tolist() for v in r] for r in d.create_tuple_iterator(output_numpy=True)]


def test_a_new_iterator_replays_the_first_epoch():
    ds.config.set_seed(0)
    d = ds.NumpySlicesDataset(np.arange(10), shuffle=True)
    a = [int(r[0]) for r in d.create_tuple_iterator(output_numpy=True)]
    b = [int(r[0]) for r in d.create_tuple_iterator(output_numpy=True)]
    assert a == b == [0, 2, 1, 5, 9, 8, 4, 7, 6, 3]  # MindSpore 2.10, seed 0
    it = d.create_tuple_iterator(output_numpy=True, num_epochs=2)
    first, second = [int(r[0]) for r in it], [int(r[0]) for r in it]
    assert first == a and second == [3, 0, 1, 8, 7, 9, 4, 5, 2, 6]  # its epoch 2


def test_map_places_new_columns_as_mindspore():
    d = ds.NumpySlicesDataset({"a": [1, 2], "b": [3, 4], "c": [5, 6]}, shuffle=False)
    more = d.map(lambda b: (b, b * 10), input_columns=["b"], output_columns=["b1", "b2"])
    assert more.get_col_names() == ["b1", "b2", "a", "c"]
    assert _rows(more)[0] == [3, 30, 1, 5]
    d = ds.NumpySlicesDataset({"a": [1, 2], "b": [3, 4], "c": [5, 6]}, shuffle=False)
    same = d.map(lambda a, c: (a + 100, c + 100), input_columns=["a", "c"], output_columns=["x", "y"])
    assert same.get_col_names() == ["x", "b", "y"] and _rows(same)[0] == [101, 3, 105]
    d = ds.NumpySlicesDataset({"x": [1, 2], "y": [3, 4]}, shuffle=False)
    dup = d.map(T.Duplicate(), input_columns=["y"], output_columns=["y", "y2"])
    assert dup.get_col_names() == ["y", "y2", "x"] and _rows(dup)[0] == [3, 3, 1]


def test_per_batch_map_places_new_columns_as_mindspore():
    d = ds.NumpySlicesDataset({"x": [1, 2, 3, 4], "y": [3, 4, 5, 6]}, shuffle=False)
    b = d.batch(2, per_batch_map=lambda y, info: ([v * 2 for v in y], [v * 3 for v in y]),
                input_columns=["y"], output_columns=["p", "q"])
    assert b.get_col_names() == ["p", "q", "x"]
    assert _rows(b)[0] == [[6, 8], [9, 12], [1, 2]]


def _idx(arr):
    dims = b"".join(struct.pack(">I", n) for n in arr.shape)
    return bytes([0, 0, 0x08, arr.ndim]) + dims + arr.astype(np.uint8).tobytes()


def test_mnist_reads_every_split_by_default(tmp_path):
    for kind, n in (("train", 3), ("t10k", 2)):
        (tmp_path / f"{kind}-images-idx3-ubyte").write_bytes(_idx(np.full((n, 28, 28), n, np.uint8)))
        (tmp_path / f"{kind}-labels-idx1-ubyte").write_bytes(_idx(np.arange(n, dtype=np.uint8)))
    d = ds.MnistDataset(str(tmp_path), shuffle=False)
    assert d.get_dataset_size() == 5  # MindSpore 2.10: usage None is 'all', test rows first
    assert [int(r[1]) for r in d.create_tuple_iterator(output_numpy=True)] == [0, 1, 0, 1, 2]
    assert ds.MnistDataset(str(tmp_path), "train").get_dataset_size() == 3


class _Ten:
    def __getitem__(self, i):
        return (np.array(i),)

    def __len__(self):
        return 10


def test_subset_random_sampler_cuts_before_shuffling():
    # MindSpore 2.10: the first num_samples indices, then shuffled.
    for seed, idx, k, want in [(0, [9, 8, 7, 6, 5, 4], 3, [7, 8, 9]),
                               (5, [1, 2, 3, 4, 5, 6, 7, 8], 5, [4, 5, 1, 2, 3]),
                               (0, [9, 8, 7, 6, 5, 4], None, [9, 7, 8, 4, 6, 5])]:
        ds.config.set_seed(seed)
        d = ds.GeneratorDataset(_Ten(), ["a"], sampler=ds.SubsetRandomSampler(idx, num_samples=k))
        assert [int(r[0]) for r in d.create_tuple_iterator(output_numpy=True)] == want


def test_scalar_columns_come_out_as_0d_arrays():
    d = ds.NumpySlicesDataset({"y": np.arange(3, dtype=np.int32)}, shuffle=False).take(2)
    v = next(d.create_tuple_iterator(output_numpy=True))[0]
    assert type(v) is np.ndarray and v.shape == () and v.dtype == np.int32  # MindSpore 2.10
    v = next(d.create_dict_iterator(output_numpy=True))["y"]
    assert type(v) is np.ndarray and v.shape == ()


def test_batch_size_as_a_function_of_the_batch():
    d = ds.NumpySlicesDataset(np.arange(10), shuffle=False).batch(
        lambda info: info.get_batch_num() + 1)
    # MindSpore 2.10: batches of 1, 2, 3, 4 rows.
    assert [r[0].tolist() for r in d.create_tuple_iterator(output_numpy=True)] == [
        [0], [1, 2], [3, 4, 5], [6, 7, 8, 9]]
    assert d.get_dataset_size() == 4
    short = ds.NumpySlicesDataset(np.arange(7), shuffle=False).batch(lambda info: 3,
                                                                     drop_remainder=True)
    assert [len(r[0]) for r in short.create_tuple_iterator(output_numpy=True)] == [3, 3]
    bad = ds.NumpySlicesDataset(np.arange(3), shuffle=False).batch(lambda info: 0)
    with pytest.raises(ValueError, match="positive"):
        list(bad.create_tuple_iterator())


def test_text_files_are_read_in_sorted_order(tmp_path):
    (tmp_path / "a.txt").write_text("a1\na2\na3\n")
    (tmp_path / "c.txt").write_text("c1\nc2\n")
    d = ds.TextFileDataset([str(tmp_path / "c.txt"), str(tmp_path / "a.txt")], shuffle=False,
                           num_parallel_workers=1)
    # MindSpore 2.10 sorts the file list.
    assert [str(r[0]) for r in d.create_tuple_iterator(output_numpy=True)] == [
        "a1", "a2", "a3", "c1", "c2"]


def test_generator_dataset_names_columns_after_its_schema():
    import easy_mindspore as ms
    schema = ds.Schema()
    schema.add_column("a", ms.int32)
    schema.add_column("b", ms.float32)

    def gen():
        for i in range(3):
            yield np.array(i, np.int32), np.array(i * 0.5, np.float32)
    d = ds.GeneratorDataset(gen, schema=schema)
    assert d.get_col_names() == ["a", "b"]  # MindSpore 2.10, also over column_names
    assert _rows(d) == [[0, 0.0], [1, 0.5], [2, 1.0]]
    assert ds.GeneratorDataset(gen, column_names=["p", "q"], schema=schema).get_col_names() == ["a", "b"]
    with pytest.raises(TypeError, match="schema"):
        ds.GeneratorDataset(gen, schema=3)


def test_bucket_boundary_padding_of_the_last_bucket_pads_to_the_longest():
    def gen():
        for n in (1, 5, 6, 3):
            yield (np.ones(n, np.int32),)
    d = ds.GeneratorDataset(gen, ["x"]).bucket_batch_by_length(
        ["x"], [2, 4], [1, 1, 2], pad_to_bucket_boundary=True)
    # MindSpore 2.10 (its documentation promises an error for rows in the last bucket).
    assert [r[0].shape for r in d.create_tuple_iterator(output_numpy=True)] == [(1, 1), (2, 6), (1, 3)]


def test_len_take_zero_and_generator_column_names():
    d = ds.NumpySlicesDataset(np.arange(10), shuffle=False)
    assert len(d) == 10 and len(d.batch(3)) == 4 and d.get_class_indexing() == {}  # MindSpore 2.10
    with pytest.raises(ValueError):
        d.take(0)

    def gen():
        yield (np.array(1),)
    with pytest.raises(ValueError, match="column_names"):
        ds.GeneratorDataset(gen)


def test_buffer_shuffle_of_a_generator_function_is_mindspores():
    def gen():
        for i in range(12):
            yield (np.array(i),)
    ds.config.set_seed(0)
    d = ds.GeneratorDataset(gen, ["a"]).shuffle(3)
    # MindSpore 2.10, seed 0 (the same as over NumpySlicesDataset, whose length is known).
    assert [int(r[0]) for r in d.create_tuple_iterator(output_numpy=True)] == [
        0, 3, 1, 2, 4, 7, 6, 5, 10, 11, 8, 9]
    for source in (lambda: ds.GeneratorDataset(gen, ["a"]),
                   lambda: ds.NumpySlicesDataset(np.arange(12), shuffle=False)):
        ds.config.set_seed(0)
        it = source().shuffle(5).create_tuple_iterator(output_numpy=True, num_epochs=2)
        got = [[int(r[0]) for r in it] for _ in range(2)]
        assert got == [[4, 2, 3, 6, 1, 7, 9, 11, 5, 10, 8, 0], [2, 0, 5, 7, 4, 3, 6, 11, 9, 10, 8, 1]]


def test_an_error_in_the_pipeline_is_also_a_runtime_error():
    def bad(x):
        raise KeyError("boom")
    d = ds.NumpySlicesDataset(np.arange(3), shuffle=False).map(bad)
    # MindSpore 2.10: RuntimeError ("Exception thrown from user defined Python function in
    # dataset"); ours keeps the class and message too.
    with pytest.raises(RuntimeError) as info:
        next(d.create_tuple_iterator())
    assert isinstance(info.value, KeyError) and type(info.value.__cause__) is KeyError


@pytest.mark.parametrize("num_shards,shard_id,offset,n,shuffle,want", [
    (3, 1, 2, 10, False, [2, 5, 8]), (4, 0, 1, 10, False, [3, 7]),
    (3, 0, 0, 10, False, [0, 3, 6, 9]), (3, 2, 1, 7, False, [1, 4]),
    (2, 1, 1, 5, False, [0, 2, 4]), (3, 0, -1, 10, False, [0, 3, 6, 9]),
    (3, 1, 2, 10, True, [2, 4, 1]),
])
def test_distributed_sampler_offset(num_shards, shard_id, offset, n, shuffle, want):
    class Rows:
        def __getitem__(self, i):
            return (np.array(i),)

        def __len__(self):
            return n
    ds.config.set_seed(0)
    sampler = ds.DistributedSampler(num_shards, shard_id, shuffle=shuffle, offset=offset)
    d = ds.GeneratorDataset(Rows(), ["a"], sampler=sampler)
    # MindSpore 2.10's rows, seed 0.
    assert [int(r[0]) for r in d.create_tuple_iterator(output_numpy=True)] == want

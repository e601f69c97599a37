"""Python dicts as column values, ``sync_wait``/``sync_update``, and Int64 arrays as MindSpore
hands them out (each expected value measured on MindSpore 2.10)."""
import time
import warnings

import numpy as np
import pytest

import easy_mindspore as ms
import easy_mindspore.dataset as ds
from easy_mindspore.dataset import _sync


def _rows(d, **kw):
    return list(d.create_dict_iterator(num_epochs=1, **kw))


def test_a_dict_column_keeps_its_keys_with_arrays_at_the_leaves():
    def gen():
        for i in range(3):
            yield {"a": i, "b": [1.5, 2.0], "c": np.ones(2, np.float32), "d": {"e": "s"}}, i

    d = ds.GeneratorDataset(gen, ["x", "y"], shuffle=False)
    first = _rows(d, output_numpy=True)[0]
    assert repr(first) == ("{'x': {'a': array(0), 'b': [array(1.5), array(2.)], 'c': array([1., "
                           "1.], dtype=float32), 'd': {'e': array('s', dtype='<U1')}}, "
                           "'y': array(0, dtype=int64)}")
    as_tensors = _rows(d)[0]["x"]
    assert isinstance(as_tensors["a"], ms.Tensor) and as_tensors["a"].dtype == ms.int64
    assert isinstance(as_tensors["b"][0], ms.Tensor) and as_tensors["b"][0].dtype == ms.float64
    assert isinstance(as_tensors["d"]["e"], np.ndarray)  # strings stay arrays
    assert d.output_shapes() == [[0], []] and d.output_types() == [np.dtype(object), np.int64]


def test_map_may_make_a_dict_and_batch_stacks_each_key():
    d = ds.GeneratorDataset(lambda: iter(range(5)), ["col1"], shuffle=False)
    d = d.map(lambda c: {"powers": np.power(c, [1, 2, 3])}, input_columns=["col1"]).batch(5)
    (row,) = _rows(d, output_numpy=True)
    np.testing.assert_array_equal(row["col1"]["powers"], [[0, 0, 0], [1, 1, 1], [2, 4, 8],
                                                          [3, 9, 27], [4, 16, 64]])
    nested = ds.GeneratorDataset(lambda: iter([({"d": {"e": 1}},)] * 2), ["x"]).batch(2)
    with pytest.raises(RuntimeError, match="failed to create a NumPy array with primitive types"):
        _rows(nested)
    with pytest.raises(TypeError, match="holds a dict with a object"):
        _rows(ds.GeneratorDataset(lambda: iter([({"a": object()},)]), ["x"]))


def test_per_batch_map_may_return_dicts_which_come_out_as_they_are():
    def per_batch(col1, info):
        return {"original_col1": col1, "index": np.arange(3)}, {"copied_col1": col1}

    d = ds.GeneratorDataset(lambda: iter(range(6)), ["col1"], shuffle=False)
    d = d.batch(3, per_batch_map=per_batch, output_columns=["col1", "col2"])
    rows = _rows(d, output_numpy=True)
    assert repr(rows[1]) == ("{'col1': {'original_col1': [array(3), array(4), array(5)], "
                             "'index': array([0, 1, 2])}, 'col2': {'copied_col1': [array(3), "
                             "array(4), array(5)]}}")


def test_int64_arrays_are_numpys_longlong_as_mindspores():
    # The same 8-byte integers as numpy.int64; their repr names the dtype as MindSpore's do.
    a = ms.Tensor([1, 2]).asnumpy()
    assert repr(a) == "array([1, 2], dtype=int64)" and a.dtype == np.int64
    assert repr(np.array(ms.Tensor(5))) == "array(5, dtype=int64)"
    assert repr(ms.Tensor([1, 2], ms.int32).asnumpy()) == "array([1, 2], dtype=int32)"
    (row,) = list(ds.NumpySlicesDataset({"x": np.array([[1, 2]])}, shuffle=False)
                  .create_tuple_iterator(num_epochs=1, output_numpy=True))
    assert repr(row[0]) == "array([1, 2], dtype=int64)"


def test_sync_wait_runs_the_stages_after_it_only_after_each_update():
    class Policy:
        step = 0

        def update(self, data):
            self.step = data["step"]

    policy = Policy()
    d = ds.NumpySlicesDataset([1, 2, 3], shuffle=False)
    d = d.sync_wait(condition_name="policy", callback=policy.update)
    assert type(d).__name__ == "SyncWaitDataset"
    d = d.map(lambda x: np.array(x + 10 * policy.step))
    it = d.create_tuple_iterator(num_epochs=2, output_numpy=True)
    seen, step = [], 0
    for _ in range(2):
        for (x,) in it:
            seen.append(int(x))
            step += 1
            d.sync_update(condition_name="policy", data={"step": step})
    assert seen == [1, 12, 23, 31, 42, 53]


def test_a_batch_after_the_barrier_counts_batches_and_checks_are_mindspores():
    d = ds.NumpySlicesDataset(list(range(8)), shuffle=False).sync_wait("w", num_batch=1)
    d = d.batch(2)
    start, out = time.monotonic(), []
    for (b,) in d.create_tuple_iterator(num_epochs=1, output_numpy=True):
        out.append(b.tolist())
        d.sync_update("w")
    assert out == [[0, 1], [2, 3], [4, 5], [6, 7]] and time.monotonic() - start < 30
    with pytest.raises(RuntimeError, match="Condition name not found."):
        d.sync_update("nope")
    with pytest.raises(ValueError, match="num_batch need to be greater than 0."):
        d.sync_wait("c", num_batch=0)
    with pytest.raises(TypeError, match="Argument condition_name with value 3 is not of type"):
        d.sync_wait(3)


def test_a_barrier_never_updated_warns_and_lets_rows_through(monkeypatch):
    monkeypatch.setattr(_sync, "TIMEOUT", 0.05)  # MindSpore's 60 s
    d = ds.NumpySlicesDataset([1, 2, 3], shuffle=False).sync_wait("w")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = [int(x) for (x,) in d.create_tuple_iterator(num_epochs=1, output_numpy=True)]
    assert got == [1, 2, 3]
    assert sum("Timeout happened in sync_wait" in str(w.message) for w in caught) == 1


def test_numpy_slices_have_random_access_and_feed_a_generator_dataset():
    src = ds.NumpySlicesDataset({"a": np.arange(6), "b": np.arange(12.0).reshape(6, 2)},
                                shuffle=False)
    a, b = src[2]
    assert a == 2 and isinstance(a, np.int64) and b.tolist() == [4.0, 5.0]
    with pytest.raises(RuntimeError, match="out of range"):
        src[6]
    with pytest.raises(TypeError, match="Argument index with value 1.5 is not of type"):
        src[1.5]
    ds.config.set_seed(0)
    d = ds.GeneratorDataset(src, ["x", "y"], shuffle=True)
    # MindSpore 2.10's order of six rows shuffled with seed 0
    assert [int(x) for x, _ in d.create_tuple_iterator(num_epochs=1, output_numpy=True)] == \
        [0, 2, 1, 5, 3, 4]
    ds.config.set_seed(5489)  # the default: unseeded


def test_an_iterable_source_is_read_in_order_whatever_shuffle_says():
    class Rows:
        def __iter__(self):
            return iter([(np.array(i),) for i in range(5)])

    d = ds.GeneratorDataset(Rows(), ["x"], shuffle=True)
    assert [int(x[0]) for x in d.create_tuple_iterator(num_epochs=1, output_numpy=True)] == \
        [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="a sampler needs a random-access source"):
        ds.GeneratorDataset(Rows(), ["x"], sampler=ds.SequentialSampler())


def _values(d):
    return [int(r[0]) for r in d.create_tuple_iterator(num_epochs=1, output_numpy=True)]


def test_split_as_mindspore_consecutive_or_in_its_random_orders():
    def source(n):
        return ds.GeneratorDataset([(np.array(i),) for i in range(n)], ["x"], shuffle=False)

    mapped = source(10).map(lambda x: x * 10, input_columns=["x"])
    a, b = mapped.split([0.7, 0.3], randomize=False)
    assert (_values(a), _values(b), len(a), len(b)) == ([0, 10, 20, 30, 40, 50, 60], [70, 80, 90],
                                                          7, 3)
    assert [_values(x) for x in source(10).split([0.33, 0.67], randomize=False)] == [
        [0, 1, 2], [3, 4, 5, 6, 7, 8, 9]]
    # MindSpore 2.10 with set_seed(0): a source read by index splits in its sampler's order, any
    # other pipeline in its shuffle's; every epoch reads the same rows in the same order
    ds.config.set_seed(0)
    a, b = source(10).split([0.7, 0.3])
    assert (_values(a), _values(b)) == ([0, 2, 1, 5, 9, 8, 4], [7, 6, 3])
    assert _values(a) == [0, 2, 1, 5, 9, 8, 4]
    a, b = mapped.split([0.7, 0.3])
    assert (_values(a), _values(b)) == ([40, 50, 10, 60, 90, 30, 80], [0, 20, 70])
    a, b = ds.NumpySlicesDataset(list(range(10)), shuffle=False).split([0.7, 0.3])
    assert (_values(a), _values(b)) == ([0, 2, 1, 5, 9, 8, 4], [7, 6, 3])
    ds.config.set_seed(5)
    assert [len(x) for x in source(7).split([0.5, 0.5])] == [3, 4]  # the first takes the rounding
    ds.config.set_seed(5489)  # the default: unseeded


@pytest.mark.parametrize("sizes, exc, match", [
    ([0.5], ValueError, "the percentages do not sum up to 1."),
    ([3, 3], RuntimeError, "Sum of split sizes 6 is not equal to dataset size 10."),
    ([0, 10], ValueError, "no negative or zero numbers."),
    ([0.0, 1.0], ValueError, r"outside the range \(0, 1\]."),
    ("x", TypeError, "Argument sizes with value x is not of type"),
])
def test_split_refuses_sizes_as_mindspore(sizes, exc, match):
    with pytest.raises(exc, match=match):
        ds.NumpySlicesDataset(list(range(10))).split(sizes)

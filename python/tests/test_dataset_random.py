"""``dataset.Schema`` and ``dataset.RandomDataset``: the rows MindSpore 2.10 read for a seed (its
printed values), the schema's JSON text, and the argument errors."""
import json

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import dataset as ds
from easy_mindspore import dtype as mstype


@pytest.fixture(autouse=True)
def seed_five():
    old = ds.config.get_seed()
    ds.config.set_seed(5)
    yield
    ds.config.set_seed(old)


def rows(d, epochs=1):
    """Per epoch, per row, per column: (dtype, shape, the value's first byte)."""
    it = d.create_tuple_iterator(output_numpy=True, num_epochs=epochs)
    return [[[(c.dtype.name, c.shape, int(c.reshape(-1)[:1].view(np.uint8)[0]) if c.size else None)
              for c in r] for r in it] for _ in range(epochs)]


def schema_of(*cols):
    s = ds.Schema()
    for name, t, shape in cols:
        s.add_column(name, de_type=t, shape=shape)
    return s


def test_a_schemas_columns_read_mindspores_repeated_bytes():
    s = schema_of(("image", mstype.uint8, [2]), ("label", mstype.int32, [1]),
                  ("f", mstype.float32, [3]))
    d = ds.RandomDataset(schema=s, total_rows=4)
    got = list(d.create_dict_iterator(output_numpy=True))
    assert d.get_dataset_size() == 4 and d.get_col_names() == ["image", "label", "f"]
    # MindSpore 2.10 printed these four rows for seed 5.
    np.testing.assert_array_equal(got[0]["image"], np.array([56, 56], np.uint8))
    assert got[0]["label"].tolist() == [235802126] and got[0]["label"].dtype == np.int32
    assert got[2]["label"].tolist() == [-84215046]
    assert got[3]["label"].tolist() == [-1667457892]
    assert got[1]["f"].dtype == np.float32
    np.testing.assert_array_equal(got[1]["f"].view(np.uint8), np.full(12, 0x5D, np.uint8))
    assert [r["image"][0] for r in got] == [56, 212, 235, 22]


def test_every_epoch_reads_the_same_rows_and_shuffle_changes_nothing():
    s = schema_of(("a", mstype.uint8, [2]))
    want = [56, 14, 222, 212, 52, 93, 235, 250, 125, 22]
    epochs = rows(ds.RandomDataset(schema=s, total_rows=10), 2)
    assert [[r[0][2] for r in e] for e in epochs] == [want, want]
    shuffled = rows(ds.RandomDataset(schema=s, total_rows=10, shuffle=True))[0]
    assert [r[0][2] for r in shuffled] == want


def test_unknown_dimensions_are_drawn_per_row():
    s = schema_of(("u", mstype.float32, [-1, 2]), ("n", mstype.int64, None))
    got = rows(ds.RandomDataset(schema=s, total_rows=3))[0]
    assert got == [[("float32", (8, 2), 14), ("int64", (), 222)],
                   [("float32", (27, 2), 52), ("int64", (), 93)],
                   [("float32", (30, 2), 250), ("int64", (), 125)]]
    # Batching rows of different shapes is MindSpore's RuntimeError; padding them is not.
    ragged = ds.RandomDataset(schema=schema_of(("u", mstype.uint8, [-1])), total_rows=2)
    with pytest.raises(RuntimeError, match="different shapes"):
        list(ragged.batch(2))
    (batch,) = list(ragged.padded_batch(2, pad_info={"u": ([None], 0)}))
    assert batch[0].shape == (2, 28)


def test_columns_list_picks_and_orders_a_schemas_columns():
    s = schema_of(("a", mstype.uint8, [2]), ("b", mstype.int32, [1]))
    d = ds.RandomDataset(schema=s, total_rows=2, columns_list=["b", "a"])
    assert d.get_col_names() == ["b", "a"]
    assert rows(d)[0] == [[("int32", (1,), 56), ("uint8", (2,), 14)],
                          [("int32", (1,), 222), ("uint8", (2,), 212)]]
    with pytest.raises(RuntimeError, match="failed to find column: z"):
        ds.RandomDataset(schema=s, total_rows=2, columns_list=["z"])


def test_without_a_schema_mindspores_columns_are_drawn():
    d = ds.RandomDataset(total_rows=3)
    assert d.get_col_names() == ["c0"]
    got = rows(d)[0]
    assert [r[0][:2] for r in got] == [("bool", (27, 6, 12, 30))] * 3
    assert all(r[0][2] == 1 for r in got)  # nonzero bytes: True
    ds.config.set_seed(1)
    got = rows(ds.RandomDataset(total_rows=2))[0]
    assert got == [[("float64", (30, 6, 4), 99), ("int16", (4, 7, 3, 13), 88)],
                   [("float64", (30, 22, 4), 101), ("int16", (4, 7, 3, 13), 239)]]
    # columns_list names nothing without a schema (MindSpore ignores it).
    ds.config.set_seed(7)
    d = ds.RandomDataset(total_rows=2, columns_list=["x"])
    assert d.get_col_names() == ["c0"] and rows(d)[0][0] == [("uint8", (10, 14, 32, 23), 116)]


def test_row_counts_drawn_limited_and_sharded():
    n = ds.RandomDataset().get_dataset_size()
    assert 1 <= n <= 1024
    assert ds.RandomDataset(total_rows=0).get_dataset_size() == n  # 0: drawn, as None
    s = schema_of(("a", mstype.uint8, [1]))
    assert ds.RandomDataset(schema=s, total_rows=6, num_samples=2).get_dataset_size() == 2
    assert ds.RandomDataset(total_rows=6, num_samples=9).get_dataset_size() == 6
    assert ds.RandomDataset(num_samples=9).get_dataset_size() == 9
    shards = [[r[0][2] for r in rows(ds.RandomDataset(schema=s, total_rows=6, num_shards=2,
                                                      shard_id=k))[0]] for k in (0, 1)]
    assert shards == [[56, 222, 52], [14, 212, 93]]


def test_the_schemas_json_is_mindspores():
    s = ds.Schema()
    assert json.loads(s.to_json()) == {"columns": None}
    s.add_column("a", de_type=mstype.float16)
    s.add_column("b", de_type="int8", shape=[3, -1])
    assert str(s) == s.to_json()
    assert s.to_json() == json.dumps({"columns": [
        {"name": "a", "rank": 1, "type": "float16"},
        {"name": "b", "rank": 2, "shape": [3, -1], "type": "int8"}]}, indent=2)
    ds.RandomDataset(schema=s, total_rows=4)
    obj = json.loads(s.to_json())
    assert obj["numRows"] == 4 and obj["datasetType"] == "Random"
    t = ds.Schema()
    t.parse_columns({"x": {"type": "int32", "shape": [2]}, "y": {"type": "float32"}})
    assert json.loads(t.to_json())["columns"][1] == {"name": "y", "rank": 0, "shape": [],
                                                     "type": "float32"}
    assert ds.Schema.get_num_rows(t) == 0


def test_a_schema_file_gives_columns_and_rows(tmp_path):
    path = tmp_path / "schema.json"
    path.write_text(json.dumps({"columns": {"x": {"type": "uint8", "rank": 1, "shape": [2]}},
                                "numRows": 3}))
    s = ds.Schema(str(path))
    assert s.schema_file == str(path) and ds.Schema.get_num_rows(str(path)) == 3
    d = ds.RandomDataset(schema=str(path))
    assert d.get_dataset_size() == 3 and rows(d)[0][0] == [("uint8", (2,), 56)]


def test_bad_arguments_raise_mindspores_classes():
    s = ds.Schema()
    with pytest.raises(TypeError, match=r"Argument name with value 1 is not of type \[<class 'str'>\]"):
        s.add_column(1, de_type=mstype.int8)
    for bad in ("foo", np.float64, mstype.bfloat16, None):
        with pytest.raises(TypeError, match="Unknown column type"):
            s.add_column("x", de_type=bad)
    with pytest.raises(TypeError, match="Argument shape"):
        s.add_column("x", de_type=mstype.int8, shape=3)
    with pytest.raises(TypeError, match="total_rows"):
        ds.RandomDataset(total_rows=1.5)
    with pytest.raises(RuntimeError, match="'total_rows' must be greater than or equal to 0"):
        ds.RandomDataset(total_rows=-1)
    with pytest.raises(TypeError, match="shuffle"):
        ds.RandomDataset(total_rows=2, shuffle=1)
    with pytest.raises(TypeError, match="columns_list"):
        ds.RandomDataset(total_rows=2, columns_list="a")
    with pytest.raises(ValueError, match="num_parallel_workers"):
        ds.RandomDataset(total_rows=2, num_parallel_workers=10_000)
    s.add_column("text", de_type=mstype.string)
    with pytest.raises(RuntimeError, match="numeric columns only"):
        ds.RandomDataset(schema=s, total_rows=2)
    with pytest.raises(ValueError, match="shard_id"):
        ds.RandomDataset(total_rows=2, num_shards=2, shard_id=2)
    with pytest.raises(ValueError, match="does not exist"):
        ds.Schema("/nonexistent/schema.json")
    bad_dim = schema_of(("a", mstype.uint8, [-5, 2]))  # only -1 is "drawn per row"
    with pytest.raises(RuntimeError, match="must be -1"):
        ds.RandomDataset(schema=bad_dim, total_rows=1)


def test_the_mindspore_alias_has_them():
    import mindspore.dataset as mds
    assert mds.RandomDataset is ds.RandomDataset and mds.Schema is ds.Schema
    assert ms.dataset.Schema is ds.Schema

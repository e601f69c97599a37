"""MindRecord: FileWriter, FileReader, MindDataset and Dataset.save, against MindSpore 2.10.

The fixtures in fixtures/mindrecord/ are MindRecord files written by MindSpore 2.10, gzipped
(a file is mostly the zero padding of its 16 KB header and 32 KB pages). They were made by this
script, run with MindSpore 2.10 (``python gen_fixtures.py fixtures/mindrecord``):

    # Run with MindSpore 2.10: python gen_fixtures.py OUT_DIR  (writes *.gz fixtures of MindSpore-written files)
    import gzip, os, shutil, sys, tempfile
    import numpy as np
    from mindspore.mindrecord import FileWriter
    out = sys.argv[1]
    tmp = tempfile.mkdtemp()
    def mixed_rows(n):
        return [{"id": i, "big": 10**12 + i, "f": 1.5 * i, "g": i / 4, "name": "n%dé" % i,
                 "raw": bytes([i] * (i + 1)), "vec": np.arange(3, dtype=np.float32) + i,
                 "mat": (np.arange(2 * (i + 1), dtype=np.int64) * 1000 ** i - 1).reshape(2, -1),
                 "ids": np.array([i, -300 * i, 70000 * i], np.int32)} for i in range(n)]
    w = FileWriter(os.path.join(tmp, "ms_mixed.mindrecord"))
    w.set_header_size(1 << 14); w.set_page_size(1 << 15)
    w.add_schema({"id": {"type": "int32"}, "big": {"type": "int64"}, "f": {"type": "float32"},
                  "g": {"type": "float64"}, "name": {"type": "string"}, "raw": {"type": "bytes"},
                  "vec": {"type": "float32", "shape": [3]}, "mat": {"type": "int64", "shape": [2, -1]},
                  "ids": {"type": "int32", "shape": [-1]}}, "mixed")
    w.add_index(["id", "name"])
    w.write_raw_data(mixed_rows(5)); w.commit()
    w = FileWriter(os.path.join(tmp, "ms_shards.mindrecord"), shard_num=3)
    w.set_header_size(1 << 14); w.set_page_size(1 << 15)
    w.add_schema({"id": {"type": "int64"}, "v": {"type": "float64", "shape": [-1]}})
    w.write_raw_data([{"id": i, "v": np.arange(i + 1, dtype=np.float64)} for i in range(10)])
    w.commit()
    w = FileWriter(os.path.join(tmp, "ms_pages.mindrecord"))
    w.set_header_size(1 << 14); w.set_page_size(1 << 15)
    w.add_schema({"id": {"type": "int64"}, "data": {"type": "bytes"}})
    for k in range(2):
        w.write_raw_data([{"id": 100 * k + i, "data": bytes([i]) * 5000} for i in range(9)])
    w.commit()
    for name in sorted(os.listdir(tmp)):
        with open(os.path.join(tmp, name), "rb") as src, gzip.open(os.path.join(out, name + ".gz"), "wb") as dst:
            shutil.copyfileobj(src, dst)
"""
import gzip
import json
import os
import shutil
import sqlite3
import struct

import numpy as np
import pytest

import mindspore.dataset as ds
from easy_mindspore import mindrecord
from easy_mindspore.mindrecord import FileReader, FileWriter
from easy_mindspore.mindrecord import _format, _msgpack

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "mindrecord")


@pytest.fixture(scope="module")
def ms_files(tmp_path_factory):
    """The MindSpore-written fixtures, unzipped."""
    d = tmp_path_factory.mktemp("ms_mindrecord")
    for name in os.listdir(FIXTURES):
        with gzip.open(os.path.join(FIXTURES, name), "rb") as src, open(d / name[:-3], "wb") as dst:
            shutil.copyfileobj(src, dst)
    return d


def mixed_rows(n):
    return [{"id": i, "big": 10**12 + i, "f": 1.5 * i, "g": i / 4, "name": "n%dé" % i,
             "raw": bytes([i] * (i + 1)), "vec": np.arange(3, dtype=np.float32) + i,
             "mat": (np.arange(2 * (i + 1), dtype=np.int64) * 1000 ** i - 1).reshape(2, -1),
             "ids": np.array([i, -300 * i, 70000 * i], np.int32)} for i in range(n)]


MIXED_SCHEMA = {"id": {"type": "int32"}, "big": {"type": "int64"}, "f": {"type": "float32"},
                "g": {"type": "float64"}, "name": {"type": "string"}, "raw": {"type": "bytes"},
                "vec": {"type": "float32", "shape": [3]}, "mat": {"type": "int64", "shape": [2, -1]},
                "ids": {"type": "int32", "shape": [-1]}}


def order(dataset, epochs=2):
    it = dataset.create_dict_iterator(num_epochs=epochs, output_numpy=True)
    return [[int(row["id"]) for row in it] for _ in range(epochs)]


# -- files MindSpore 2.10 wrote ------------------------------------------------------------------
def test_file_reader_reads_mindspore_rows(ms_files):
    reader = FileReader(str(ms_files / "ms_mixed.mindrecord"))
    rows = list(reader.get_next())
    reader.close()
    assert len(rows) == 5
    # MindSpore 2.10's FileReader: scalars first (sorted), then blob fields; an integral float
    # comes back as an int.
    assert list(rows[2]) == ["big", "f", "g", "id", "name", "ids", "mat", "raw", "vec"]
    assert rows[2]["f"] == 3 and type(rows[2]["f"]) is int
    assert rows[2]["g"] == 0.5 and rows[2]["big"] == 1000000000002 and rows[2]["name"] == "n2é"
    assert rows[2]["raw"] == b"\x02\x02\x02"
    np.testing.assert_array_equal(rows[2]["ids"], np.array([2, -600, 140000], np.int32))
    assert rows[2]["ids"].dtype == np.int32
    np.testing.assert_array_equal(rows[2]["mat"], [[-1, 999999, 1999999], [2999999, 3999999, 4999999]])
    for row, want in zip(rows, mixed_rows(5)):
        np.testing.assert_array_equal(row["mat"], want["mat"])
        np.testing.assert_array_equal(row["vec"], want["vec"])


def test_mind_dataset_reads_mindspore_columns(ms_files):
    d = ds.MindDataset(str(ms_files / "ms_mixed.mindrecord"), shuffle=False)
    # MindSpore 2.10: all fields, sorted; dtypes and shapes as below.
    assert d.get_col_names() == ["big", "f", "g", "id", "ids", "mat", "name", "raw", "vec"]
    assert d.get_dataset_size() == 5
    assert d.output_shapes() == [[], [], [], [], [3], [2, 1], [], [1], [3]]
    row = next(d.create_dict_iterator(output_numpy=True, num_epochs=1))
    assert [str(row[c].dtype) for c in ("big", "f", "g", "id", "ids", "mat", "vec")] == \
        ["int64", "float32", "float64", "int32", "int32", "int64", "float32"]
    assert row["name"].dtype.kind == "U" and row["name"].shape == () and str(row["name"]) == "n0é"
    assert row["raw"].dtype.kind == "S" and row["raw"].shape == (1,)
    picked = ds.MindDataset(str(ms_files / "ms_mixed.mindrecord"), columns_list=["name", "id"], shuffle=False)
    assert picked.get_col_names() == ["name", "id"]
    assert [int(r[1]) for r in picked.create_tuple_iterator(output_numpy=True, num_epochs=1)] == [0, 1, 2, 3, 4]


def test_mindspore_shards_and_pages(ms_files):
    # One shard file names the whole dataset; rows come shard after shard (MindSpore 2.10).
    d = ds.MindDataset(str(ms_files / "ms_shards.mindrecord1"), shuffle=False)
    assert order(d, 1) == [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]
    rows = list(FileReader(str(ms_files / "ms_shards.mindrecord0")).get_next())
    for row in rows:
        np.testing.assert_array_equal(row["v"], np.arange(row["id"] + 1, dtype=np.float64))
    # Several blob pages, the raw page between them (MindSpore 2.10's order).
    d = ds.MindDataset(str(ms_files / "ms_pages.mindrecord"), shuffle=False)
    assert order(d, 1) == [[0, 1, 2, 3, 4, 5, 6, 7, 8, 100, 101, 102, 103, 104, 105, 106, 107, 108]]
    rows = list(FileReader(str(ms_files / "ms_pages.mindrecord")).get_next())
    assert all(r["data"] == bytes([r["id"] % 100]) * 5000 for r in rows)


def test_seeded_orders_match_mindspore(ms_files):
    path = str(ms_files / "ms_shards.mindrecord0")
    old = ds.config.get_seed()
    try:
        ds.config.set_seed(3)  # orders printed by MindSpore 2.10
        assert order(ds.MindDataset(path)) == [[5, 9, 3, 0, 1, 6, 7, 4, 2, 8], [4, 3, 7, 1, 0, 2, 5, 9, 6, 8]]
        assert order(ds.MindDataset(path, shuffle=ds.Shuffle.INFILE)) == \
            [[2, 0, 1, 4, 5, 6, 3, 9, 7, 8], [1, 2, 0, 5, 6, 4, 3, 8, 9, 7]]
        assert order(ds.MindDataset(path, shuffle=ds.Shuffle.FILES)) == \
            [[7, 8, 9, 0, 1, 2, 3, 4, 5, 6], [4, 5, 6, 7, 8, 9, 0, 1, 2, 3]]
        assert order(ds.MindDataset(path, num_shards=4, shard_id=3)) == [[0, 4, 9], [4, 1, 2]]
        assert order(ds.MindDataset(path, sampler=ds.RandomSampler())) == order(ds.MindDataset(path))
        assert order(ds.MindDataset(path, shuffle=False, num_shards=3, shard_id=1), 1) == [[1, 4, 7, 0]]
        assert order(ds.MindDataset(path, shuffle=False, num_samples=4), 1) == [[0, 1, 2, 3]]
    finally:
        ds.config.set_seed(old)


def test_std_shuffle_orders_recorded():
    from easy_mindspore.dataset._mindrecord import _std_shuffle
    # MindDataset(shuffle=True) of 10 rows, seeds 5 and 7, first epoch (MindSpore 2.10).
    assert _std_shuffle(list(range(10)), 6) == [1, 8, 7, 0, 5, 6, 2, 9, 3, 4]
    assert _std_shuffle(list(range(10)), 8) == [4, 5, 8, 9, 6, 7, 3, 0, 1, 2]


# -- files written here ----------------------------------------------------------------------------
def write(path, schema, rows, shard_num=1, index=None, small=True):
    w = FileWriter(str(path), shard_num=shard_num)
    if small:
        w.set_header_size(1 << 14)
        w.set_page_size(1 << 15)
    w.add_schema(schema, "test")
    if index:
        w.add_index(index)
    w.write_raw_data(rows)
    assert w.commit() is None  # MindSpore 2.10's commit returns None


def test_round_trip_all_types(tmp_path):
    path = tmp_path / "all.mindrecord"
    write(path, MIXED_SCHEMA, mixed_rows(6), index=["id", "name"])
    rows = list(FileReader(str(path)).get_next())
    for row, want in zip(rows, mixed_rows(6)):
        for k, v in want.items():
            if isinstance(v, np.ndarray):
                assert row[k].dtype == v.dtype
                np.testing.assert_array_equal(row[k], v)
            else:
                assert row[k] == v
    d = ds.MindDataset(str(path), shuffle=False)
    assert d.get_col_names() == sorted(MIXED_SCHEMA)
    first = d[1]
    assert int(first[3]) == 1 and first[7].tolist() == [b"\x01\x01"]


def test_written_layout_is_mindspores(tmp_path):
    path = tmp_path / "l.mindrecord"
    write(path, MIXED_SCHEMA, mixed_rows(3), index=["id", "name"])
    data = path.read_bytes()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    assert header["version"] == "3.0" and header["header_size"] == 1 << 14
    assert header["schema"][0]["blob_fields"] == ["ids", "mat", "raw", "vec"]
    assert [p["page_type"] for p in header["page"]] == ["BLOB_DATA", "RAW_DATA"]
    assert header["index_fields"] == [{"index_field": "id", "schema_id": 0}, {"index_field": "name", "schema_id": 0}]
    assert len(data) == (1 << 14) + (1 << 15) + header["page"][1]["page_size"]
    con = sqlite3.connect(str(path) + ".db")
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name='INDEXES'").fetchone()[0]
    assert sql.endswith("PAGE_OFFSET_BLOB_END INT  NOT NULL,INC_0 INT, id_0 INTEGER,INC_1 INT, name_0 TEXT, "
                        "PRIMARY KEY(ROW_ID,INC_0,INC_1))")
    assert con.execute("SELECT NAME FROM SHARD_NAME").fetchall() == [("l.mindrecord",)]
    # raw page: a u64 length, then MessagePack with keys sorted and exact floats as float32
    raw_at = (1 << 14) + (1 << 15)
    length = struct.unpack("<Q", data[raw_at:raw_at + 8])[0]
    assert _msgpack.decode(data[raw_at + 8:raw_at + 8 + length]) == \
        {"big": 10**12, "f": 0.0, "g": 0.0, "id": 0, "name": "n0é"}


def test_integer_compression_bytes():
    # The blob MindSpore 2.10 wrote for np.array([1, 300, -70000, 2**40], np.int64).
    packed = _format.compress_int(np.array([1, 300, -70000, 2**40], np.int64).tobytes(), "int64")
    assert packed.hex() == "000000041b012c0190eefeff0000000000010000"
    values = np.array([0, -1, 127, -128, 128, 2**31 - 1, -2**31, 2**63 - 1, -2**63], np.int64)
    assert np.array_equal(np.frombuffer(_format.uncompress_int(_format.compress_int(values.tobytes(), "int64"), "int64"), np.int64), values)


def test_msgpack_encoding():
    assert _msgpack.encode({"b": 2.25, "a": -5}) == b"\x82\xa1a\xfb\xa1b\xca\x40\x10\x00\x00"
    assert _msgpack.encode(0.1)[:1] == b"\xcb" and _msgpack.encode(2**40)[:1] == b"\xcf"
    for v in (0, 127, 128, -33, 2**40, -2**40, 1.5, 0.1, "é" * 40, {"k": [1, 2]} if False else {"k": 1}):
        assert _msgpack.decode(_msgpack.encode(v)) == v


def test_shards_pages_and_special_schemas(tmp_path):
    schema = {"id": {"type": "int64"}, "data": {"type": "bytes"}}
    rows = [{"id": i, "data": bytes([i % 256]) * 3000} for i in range(40)]
    write(tmp_path / "s.mindrecord", schema, rows, shard_num=3)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["s.mindrecord0", "s.mindrecord0.db", "s.mindrecord1", "s.mindrecord1.db",
                     "s.mindrecord2", "s.mindrecord2.db"]
    got = list(FileReader(str(tmp_path / "s.mindrecord2")).get_next())
    assert [r["id"] for r in got] == list(range(40))
    assert all(r["data"] == bytes([r["id"]]) * 3000 for r in got)
    assert order(ds.MindDataset([str(tmp_path / "s.mindrecord1"), str(tmp_path / "s.mindrecord0")],
                                shuffle=False), 1) == [list(range(14, 27)) + list(range(0, 14))]
    write(tmp_path / "b.mindrecord", {"x": {"type": "int32", "shape": [2]}},
          [{"x": np.array([i, -i], np.int32)} for i in range(3)])
    assert [r["x"].tolist() for r in FileReader(str(tmp_path / "b.mindrecord")).get_next()] == [[0, 0], [1, -1], [2, -2]]
    write(tmp_path / "n.mindrecord", {"s": {"type": "string"}}, [{"s": "a"}, {"s": "b"}])
    assert [str(r[0]) for r in ds.MindDataset(str(tmp_path / "n.mindrecord"), shuffle=False)
            .create_tuple_iterator(output_numpy=True, num_epochs=1)] == ["a", "b"]
    w = FileWriter(str(tmp_path / "e.mindrecord"))
    w.add_schema({"k": {"type": "int64"}})
    w.commit()
    assert FileReader(str(tmp_path / "e.mindrecord")).len() == 0
    assert ds.MindDataset(str(tmp_path / "e.mindrecord")).get_dataset_size() == 0


# -- errors (MindSpore 2.10's classes) ---------------------------------------------------------------
def test_writer_errors(tmp_path):
    path = str(tmp_path / "x.mindrecord")
    with pytest.raises(mindrecord.ParamValueError, match="should between 1 and 1000"):
        FileWriter(path, shard_num=0)
    w = FileWriter(path)
    with pytest.raises(mindrecord.MRMInvalidSchemaError) as e:
        w.add_schema({"k": {"type": "int8"}})
    assert str(e.value) == "[MRMInvalidSchemaError]: Schema format is error. Detail: Field 'k' contain illegal attribute 'int8'."
    w.add_schema({"k": {"type": "int64"}, "b": {"type": "bytes"}})
    with pytest.raises(mindrecord.MRMAddSchemaError):
        w.add_schema({"k": {"type": "int64"}})
    with pytest.raises(mindrecord.MRMDefineIndexError):
        w.add_index(["b"])
    with pytest.raises(RuntimeError, match="There is no valid data"):
        w.write_raw_data([{"q": 1}])
    with pytest.raises(RuntimeError, match="page size: 100 should be in range"):
        w.set_page_size(100)
    w.write_raw_data([{"k": 1, "b": b"x"}, {"k": 1.5, "b": b"y"}])  # the second row is left out
    w.commit()
    assert [r["k"] for r in FileReader(path).get_next()] == [1]
    w2 = FileWriter(path)
    w2.add_schema({"k": {"type": "int64"}})
    with pytest.raises(RuntimeError, match="already exist"):
        w2.write_raw_data([{"k": 1}])
    w3 = FileWriter(path, overwrite=True)
    w3.add_schema({"k": {"type": "int64"}})
    w3.write_raw_data([{"k": 2}])
    w3.commit()
    assert [r["k"] for r in FileReader(path).get_next()] == [2]


def test_reader_errors(tmp_path):
    path = tmp_path / "r.mindrecord"
    write(path, {"k": {"type": "int64"}}, [{"k": 1}])
    with pytest.raises(RuntimeError, match="can not found in schema"):
        FileReader(str(path), columns=["zz"])
    with pytest.raises(mindrecord.ParamTypeError):
        FileReader(str(path), columns="k")
    shutil.copy(path, tmp_path / "nodb.mindrecord")
    with pytest.raises(RuntimeError, match="nodb.mindrecord.db is not exists"):
        FileReader(str(tmp_path / "nodb.mindrecord"))
    with pytest.raises(RuntimeError, match="nodb.mindrecord.db is not exists"):
        ds.MindDataset(str(tmp_path / "nodb.mindrecord"))
    (tmp_path / "junk.mindrecord").write_bytes(b"hello" * 5000)
    shutil.copy(str(path) + ".db", tmp_path / "junk.mindrecord.db")
    with pytest.raises(RuntimeError, match="header"):
        FileReader(str(tmp_path / "junk.mindrecord"))
    with pytest.raises(ValueError, match="does not exist or permission denied"):
        ds.MindDataset(str(tmp_path / "none.mindrecord"))


# -- Dataset.save ---------------------------------------------------------------------------------
def test_save_schema_and_rows(tmp_path):
    data = {"a": np.arange(6, dtype=np.int32), "b": np.arange(12, dtype=np.float32).reshape(6, 2),
            "c": np.array(["x%d" % i for i in range(6)]), "e": np.arange(6, dtype=np.float64),
            "f": np.arange(6, dtype=np.int64).reshape(6, 1, 1), "g": np.arange(6, dtype=np.uint8),
            "h": np.ones((6, 3), np.float16), "i": np.array([True, False] * 3)}
    ds.NumpySlicesDataset(data, shuffle=False).save(str(tmp_path / "s.mindrecord"))
    # The schema MindSpore 2.10 saved for these columns.
    assert FileReader(str(tmp_path / "s.mindrecord")).schema() == {
        "a": {"type": "int32"}, "b": {"shape": [-1], "type": "float32"}, "c": {"type": "string"},
        "e": {"type": "float64"}, "f": {"shape": [-1, 1], "type": "int64"}, "g": {"type": "int32"},
        "h": {"shape": [-1], "type": "float32"}, "i": {"type": "int32"}}
    row = next(ds.MindDataset(str(tmp_path / "s.mindrecord"), shuffle=False).create_dict_iterator(output_numpy=True))
    assert {k: (str(v.dtype), v.shape, v.tolist()) for k, v in row.items()} == {
        "a": ("int32", (), 0), "b": ("float32", (2,), [0.0, 1.0]), "c": ("<U2", (), "x0"),
        "e": ("float64", (), 0.0), "f": ("int64", (1, 1), [[0]]), "g": ("int32", (), 0),
        "h": ("float32", (3,), [1.0, 1.0, 1.0]), "i": ("int32", (), 1)}
    batched = ds.NumpySlicesDataset({"a": np.arange(7, dtype=np.int64)}, shuffle=False).batch(2)
    batched.save(str(tmp_path / "bt.mindrecord"), num_files=2)
    read = ds.MindDataset(str(tmp_path / "bt.mindrecord0"), shuffle=False)
    assert [r[0].tolist() for r in read.create_tuple_iterator(output_numpy=True, num_epochs=1)] == \
        [[0, 1], [2, 3], [4, 5], [6]]
    with pytest.raises(ValueError, match="tfrecord dataset format is not supported"):
        batched.save(str(tmp_path / "t.mindrecord"), file_type="tfrecord")

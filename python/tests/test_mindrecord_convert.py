"""mindspore.mindrecord's converters (Cifar10ToMR, Cifar100ToMR, MnistToMR, CsvToMR,
ImageNetToMR, TFRecordToMR), MindPage and FileWriter.open_for_append, against MindSpore 2.10.

The literal expected values (file headers, JPEG digests, category JSON, messages) were measured
by running MindSpore 2.10 on the same synthetic inputs made here."""
import gzip
import hashlib
import json
import os
import pickle
import sqlite3
import struct

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the ``mindspore`` alias
from mindspore import mindrecord
from mindspore.mindrecord import (Cifar10ToMR, Cifar100ToMR, CsvToMR, FileReader, FileWriter,
                                  ImageNetToMR, MindPage, MnistToMR, TFRecordToMR)


def md5(b):
    return hashlib.md5(b).hexdigest()


def header(path):
    with open(path, "rb") as fh:
        n = struct.unpack("<Q", fh.read(8))[0]
        return json.loads(fh.read(n))


def rows_of(path):
    return [{k: md5(v) if isinstance(v, bytes) else v for k, v in r.items()}
            for r in FileReader([path]).get_next()]


# -- inputs (the same code made MindSpore's) -------------------------------------------------
def cifar_rows(n, k):
    return ((np.arange(n * 3072).reshape(n, 3072) * (7 + k) + np.arange(n)[:, None] * 17 + k * 31)
            % 256).astype(np.uint8)


def dump(path, obj):
    with open(path, "wb") as fh:
        pickle.dump(obj, fh, protocol=4)


def make_cifar10(folder):
    os.makedirs(folder)
    dump(os.path.join(folder, "data_batch_1"), {b"data": cifar_rows(2, 1), b"labels": [3, 8]})
    dump(os.path.join(folder, "data_batch_2"), {b"data": cifar_rows(2, 2), b"labels": [5, 1]})
    dump(os.path.join(folder, "test_batch"), {b"data": cifar_rows(2, 3), b"labels": [0, 9]})
    return folder


def make_cifar100(folder):
    os.makedirs(folder)
    dump(os.path.join(folder, "train"), {b"data": cifar_rows(2, 4), b"fine_labels": [42, 7],
                                         b"coarse_labels": [3, 19]})
    dump(os.path.join(folder, "test"), {b"data": cifar_rows(1, 5), b"fine_labels": [99],
                                        b"coarse_labels": [0]})
    return folder


def make_mnist(folder):
    os.makedirs(folder)
    for part, n, k in (("train", 3, 1), ("t10k", 2, 2)):
        img = ((np.arange(n * 784).reshape(n, 28, 28) * (3 + k)) % 256).astype(np.uint8)
        lab = np.array([(i * 3 + k) % 10 for i in range(n)], np.uint8)
        images = struct.pack(">IIII", 2051, n, 28, 28) + img.tobytes()
        labels = struct.pack(">II", 2049, n) + lab.tobytes()
        for name, data in ((f"{part}-images-idx3-ubyte", images),
                           (f"{part}-labels-idx1-ubyte", labels)):
            with open(os.path.join(folder, name + ".gz"), "wb") as fh:
                fh.write(gzip.compress(data, mtime=0))
    return folder


def page(end, pid, size, kind, start=0):
    return {"end_row_id": end, "page_id": pid, "page_size": size, "page_type": kind,
            "page_type_id": 0, "row_group_ids": [{"id": 0, "offset": 0}], "shard_id": 0,
            "start_row_id": start}


# -- CIFAR ------------------------------------------------------------------------------------
# MindSpore 2.10: batch -> (labels, md5 of each row's JPEG).
C10_BATCHES = {
    "data_batch_1": ([3, 8], ["b50f6ef7c2b443ca492e4f747cd31290",
                              "f08c98f8e025fcd51ed738173ff82b16"]),
    "data_batch_2": ([5, 1], ["d92ed2a51dca0c3c0db396106a5a951a",
                              "1061b12c47ef258fea2736e40c88f732"])}


def test_cifar10_files_as_mindspore_writes_them(tmp_path):
    src = make_cifar10(str(tmp_path / "cifar-10-batches-py"))
    dst = str(tmp_path / "c10.mindrecord")
    assert Cifar10ToMR(src, dst).transform(["label"]) is None  # MindSpore returns None
    assert sorted(os.listdir(tmp_path)) == ["c10.mindrecord", "c10.mindrecord.db",
                                            "c10.mindrecord_test", "c10.mindrecord_test.db",
                                            "cifar-10-batches-py"]
    h = header(dst)
    assert h["schema"] == [{"blob_fields": ["data"], "desc": "img_train", "schema": {
        "data": {"type": "bytes"}, "id": {"type": "int64"}, "label": {"type": "int64"}}}]
    assert h["index_fields"] == [{"index_field": "label", "schema_id": 0}]
    assert (h["page_size"], h["header_size"]) == (1 << 25, 1 << 24)
    assert h["shard_addresses"] == ["c10.mindrecord"]
    assert h["page"] == [page(4, 0, 4795, "BLOB_DATA"), page(0, 1, 80, "RAW_DATA")]
    assert os.path.getsize(dst) == 50331728
    # The batches in the order the folder lists them (as MindSpore reads them).
    order = [n for n in os.listdir(src) if n.startswith("data_batch")]
    want = [(lab, d) for n in order for lab, d in zip(*C10_BATCHES[n])]
    assert rows_of(dst) == [{"id": i, "label": lab, "data": d} for i, (lab, d) in enumerate(want)]
    test = dst + "_test"
    assert header(test)["schema"][0]["desc"] == "img_test"
    assert header(test)["page"] == [page(2, 0, 3070, "BLOB_DATA"), page(0, 1, 40, "RAW_DATA")]
    assert rows_of(test) == [{"id": 0, "label": 0, "data": "f7383e6a03ab91fe5e5b545959df088a"},
                             {"id": 1, "label": 9, "data": "ac2ee417297f52757db20ff1c9160101"}]
    con = sqlite3.connect(test + ".db")
    assert con.execute("SELECT * FROM INDEXES").fetchall() == [
        (0, 1, 0, 20, 0, 0, 0, 1503, 0, 0), (1, 1, 20, 40, 0, 0, 1503, 3070, 0, 9)]
    con.close()
    # The JPEG is the RGB image at quality 95.
    from mindspore.dataset import vision
    image = next(FileReader(test).get_next())["data"]
    decoded = vision.Decode()(np.frombuffer(image, np.uint8))
    original = cifar_rows(2, 3)[0].reshape(3, 32, 32).transpose(1, 2, 0)
    assert np.abs(decoded.astype(int) - original).mean() < 40


def test_cifar10_default_index_run_and_errors(tmp_path):
    src = make_cifar10(str(tmp_path / "c"))
    dst = str(tmp_path / "d.mr")
    assert Cifar10ToMR(src, dst).run() is mindrecord.SUCCESS
    assert [f["index_field"] for f in header(dst)["index_fields"]] == ["id", "label"]
    with pytest.raises(ValueError, match="^The parameter fields should be None or list$"):
        Cifar10ToMR(src, str(tmp_path / "e.mr")).transform("label")
    with pytest.raises(mindrecord.MRMDefineIndexError):
        Cifar10ToMR(src, str(tmp_path / "e.mr")).transform(["data"])
    with pytest.raises(RuntimeError, match="already exist"):
        Cifar10ToMR(src, dst).transform()
    with pytest.raises(mindrecord.ParamValueError) as e:
        Cifar10ToMR(src, dst + "/")
    assert str(e.value) == ("[ParamValueError]: Invalid parameter value. File path can not end "
                            "with '/'")
    with pytest.raises(mindrecord.ParamValueError, match="File path: 3 is not string."):
        Cifar10ToMR(3, dst)
    with pytest.raises(FileNotFoundError):
        Cifar10ToMR(str(tmp_path / "nope"), dst)
    os.remove(os.path.join(src, "test_batch"))
    with pytest.raises(mindrecord.PathNotExistsError) as e:
        Cifar10ToMR(src, dst)
    assert str(e.value) == "[PathNotExistsError]: Invalid path. test_batch"
    os.makedirs(str(tmp_path / "empty"))
    with pytest.raises(mindrecord.PathNotExistsError, match=r"data_batch_\*"):
        Cifar10ToMR(str(tmp_path / "empty"), dst)


def test_cifar_batches_are_unpickled_safely(tmp_path):
    src = make_cifar10(str(tmp_path / "c"))
    with open(os.path.join(src, "data_batch_1"), "wb") as fh:
        pickle.dump({b"data": os.system}, fh)  # a global other than NumPy's arrays
    with pytest.raises(RuntimeError, match="^Not a valid Cifar10 Dataset.$"):
        Cifar10ToMR(src, str(tmp_path / "x.mr")).transform()
    with open(os.path.join(src, "data_batch_1"), "wb") as fh:
        fh.write(b"garbage")
    with pytest.raises(RuntimeError, match="^Not a valid Cifar10 Dataset.$"):
        Cifar10ToMR(src, str(tmp_path / "x.mr")).transform()
    assert not os.path.exists(str(tmp_path / "x.mr"))


def test_cifar100_files_as_mindspore_writes_them(tmp_path):
    src = make_cifar100(str(tmp_path / "cifar-100-python"))
    dst = str(tmp_path / "c100.mr")
    assert Cifar100ToMR(src, dst).transform() is None
    h = header(dst)
    assert h["schema"][0]["schema"] == {"coarse_label": {"type": "int64"},
                                        "data": {"type": "bytes"},
                                        "fine_label": {"type": "int64"}, "id": {"type": "int64"}}
    assert [f["index_field"] for f in h["index_fields"]] == ["coarse_label", "fine_label", "id"]
    assert h["page"] == [page(2, 0, 3124, "BLOB_DATA"), page(0, 1, 78, "RAW_DATA")]
    assert rows_of(dst) == [
        {"coarse_label": 3, "fine_label": 42, "id": 0, "data": "7a29aad43b5553b22a04b615967bb2d0"},
        {"coarse_label": 19, "fine_label": 7, "id": 1, "data": "16f618a89c5b96ae92c1def9cf0043f5"}]
    assert rows_of(dst + "_test") == [
        {"coarse_label": 0, "fine_label": 99, "id": 0, "data": "da868b9c576387eef1c20a9b3428df47"}]
    Cifar100ToMR(src, str(tmp_path / "f.mr")).transform(["fine_label", "coarse_label"])
    assert [f["index_field"] for f in header(str(tmp_path / "f.mr"))["index_fields"]] == \
        ["fine_label", "coarse_label"]
    os.remove(os.path.join(src, "test"))
    with pytest.raises(mindrecord.PathNotExistsError, match="Invalid path. test$"):
        Cifar100ToMR(src, dst)


# -- MNIST, CSV, ImageNet, TFRecord ---------------------------------------------------------------
def test_mnist_files_as_mindspore_writes_them(tmp_path):
    src = make_mnist(str(tmp_path / "mnist"))
    dst = str(tmp_path / "mn")
    assert MnistToMR(src, dst).transform() is None
    train, test = dst + "_train.mindrecord", dst + "_test.mindrecord"
    h = header(train)
    assert h["schema"] == [{"blob_fields": ["data"], "desc": "mnist_schema", "schema": {
        "data": {"type": "bytes"}, "label": {"type": "int64"}}}]
    assert h["page_size"] == 1 << 26
    assert h["index_fields"] == [{"index_field": "label", "schema_id": 0}]
    assert h["page"] == [page(3, 0, 2596, "BLOB_DATA"), page(0, 1, 48, "RAW_DATA")]
    assert rows_of(train) == [{"label": 1, "data": "0ddfdac16509da9aad9b711cb31bea63"},
                              {"label": 4, "data": "d2523b06eca2f6ccf7b7e1b53914aea5"},
                              {"label": 7, "data": "052dab2a8257525c4f10894601a713e2"}]
    assert rows_of(test) == [{"label": 2, "data": "55f74082b88b2eebabbe41bfd90cec9e"},
                             {"label": 5, "data": "d219acd4a5381dacfcc050060f832512"}]
    assert MnistToMR(src, str(tmp_path / "p"), 2).run() is mindrecord.SUCCESS
    assert sorted(f for f in os.listdir(tmp_path) if f.startswith("p_")) == [
        "p_test.mindrecord0", "p_test.mindrecord0.db", "p_test.mindrecord1",
        "p_test.mindrecord1.db", "p_train.mindrecord0", "p_train.mindrecord0.db",
        "p_train.mindrecord1", "p_train.mindrecord1.db"]
    assert FileReader(str(tmp_path / "p_train.mindrecord0")).len() == 3
    with pytest.raises(ValueError, match="^The parameter partition_number must be int$"):
        MnistToMR(src, dst, "2")
    with pytest.raises(mindrecord.ParamValueError,
                       match="shard_num's value: 0 should between 1 and 1000"):
        MnistToMR(src, dst, 0)
    with pytest.raises(FileNotFoundError, match="train-images-idx3-ubyte.gz"):
        MnistToMR(str(tmp_path), str(tmp_path / "q")).transform()


def test_csv_columns_types_and_rows(tmp_path):
    src = tmp_path / "c.csv"
    src.write_text('name,age,score,ok,code\nalice,30,1.5,True,007\nbob,-4,2,false,12\n'
                   '"c, d",5,1e3,TRUE,x\n')
    dst = str(tmp_path / "c.mr")
    assert CsvToMR(str(src), dst).transform() is None
    h = header(dst)
    assert h["schema"] == [{"blob_fields": [], "desc": "csv_schema", "schema": {
        "age": {"type": "int64"}, "code": {"type": "string"}, "name": {"type": "string"},
        "ok": {"type": "int32"}, "score": {"type": "float64"}}}]
    assert [f["index_field"] for f in h["index_fields"]] == ["name", "age", "score", "ok", "code"]
    assert h["page_size"] == 1 << 26
    assert rows_of(dst) == [{"age": 30, "code": "007", "name": "alice", "ok": 1, "score": 1.5},
                            {"age": -4, "code": "12", "name": "bob", "ok": 0, "score": 2},
                            {"age": 5, "code": "x", "name": "c, d", "ok": 1, "score": 1000}]
    assert CsvToMR(str(src), str(tmp_path / "s.mr"), ["score", "name"], 2).run() == 0
    index = header(str(tmp_path / "s.mr0"))["index_fields"]
    assert [f["index_field"] for f in index] == ["score", "name"]
    assert rows_of(str(tmp_path / "s.mr0")) + rows_of(str(tmp_path / "s.mr1")) == [
        {"name": "alice", "score": 1.5}, {"name": "bob", "score": 2},
        {"name": "c, d", "score": 1000}]


def test_csv_missing_values_and_errors(tmp_path):
    src = tmp_path / "a.csv"
    src.write_text("id,name,score,flag,mixed\n1,alice,3.5,True,7\n2,bob,4,False,x\n"
                   "3,,2.25,True,9\n")
    dst = str(tmp_path / "a.mr")
    CsvToMR(str(src), dst).transform()
    # the row whose name is missing is left out (a float where a string is due), as in MindSpore
    assert rows_of(dst) == [{"flag": 1, "id": 1, "mixed": "7", "name": "alice", "score": 3.5},
                            {"flag": 0, "id": 2, "mixed": "x", "name": "bob", "score": 4}]
    assert header(dst)["schema"][0]["schema"]["mixed"] == {"type": "string"}
    with pytest.raises(RuntimeError,
                       match="^The parameter columns_list is illegal, column nope does not "
                             "exist.$"):
        CsvToMR(str(src), str(tmp_path / "b.mr"), ["nope"]).transform()
    with pytest.raises(OSError, match="^Csv file .*nope.csv do not exist.$"):
        CsvToMR(str(tmp_path / "nope.csv"), str(tmp_path / "b.mr")).transform()
    with pytest.raises(ValueError, match="^The parameter source must be str.$"):
        CsvToMR(3, dst)
    with pytest.raises(ValueError, match="^The parameter destination must be str.$"):
        CsvToMR(str(src), None)
    with pytest.raises(ValueError, match="^The parameter columns_list must be list of str.$"):
        CsvToMR(str(src), dst, "name")
    with pytest.raises(RuntimeError, match="name is added repeatedly"):
        CsvToMR(str(src), str(tmp_path / "b.mr"), ["name", "name"]).transform()


def test_csv_types_follow_pandas():
    from easy_mindspore.mindrecord._tools import _column
    # pandas.read_csv's dtypes of such columns (measured with pandas 2.3, which MindSpore uses)
    assert _column(["1", " 6 ", "-3"])[0] == "int64"
    assert _column(["1", "", "3"])[0] == "float64"
    assert _column(["", "NA", "nan"])[0] == "float64"
    assert _column(["True", "false", "TRUE"]) == ("bool", [True, False, True])
    assert _column(["True", "", "False"])[0] == "object"
    assert _column(["9223372036854775808", "1"])[0] == "uint64"
    assert _column(["1e3", "inf", "-Infinity"])[0] == "float64"
    kind, values = _column(["x", "NA", "None"])
    assert kind == "object" and values[0] == "x" and np.isnan(values[1]) and np.isnan(values[2])


def make_imagenet(tmp_path):
    from mindspore.dataset import vision
    images = {}
    for folder, names in (("n02", ["b.JPEG", "a.jpg", "c.png", "d.JPG"]), ("n01", ["x.JPEG"])):
        os.makedirs(tmp_path / "train" / folder)
        for i, name in enumerate(names):
            data = vision.encode_jpeg(np.full((4 + i, 5, 3), 40 * i, np.uint8)).tobytes()
            (tmp_path / "train" / folder / name).write_bytes(data)
            images[str(tmp_path / "train" / folder / name)] = data
    (tmp_path / "map.txt").write_text("n02 0\nmissing 5\nn01 1\n")
    return images


def test_imagenet_rows_and_errors(tmp_path):
    images = make_imagenet(tmp_path)
    dst = str(tmp_path / "in.mr")
    assert ImageNetToMR(str(tmp_path / "map.txt"), str(tmp_path / "train"), dst).transform() is None
    h = header(dst)
    assert h["schema"] == [{"blob_fields": ["image"], "desc": "imagenet_schema", "schema": {
        "file_name": {"type": "string"}, "image": {"type": "bytes"}, "label": {"type": "int32"}}}]
    assert [f["index_field"] for f in h["index_fields"]] == ["label", "file_name"]
    # the map file's order, each folder's files as it lists them; only names ending JPEG or jpg
    want = [(os.path.join(str(tmp_path / "train" / d), n), lab)
            for d, lab in (("n02", 0), ("n01", 1))
            for n in os.listdir(tmp_path / "train" / d) if n.endswith(("JPEG", "jpg"))]
    assert [(r["file_name"], r["label"]) for r in FileReader(dst).get_next()] == want
    assert all(r["image"] == images[r["file_name"]] for r in FileReader(dst).get_next())
    train = str(tmp_path / "train")
    assert ImageNetToMR(str(tmp_path / "map.txt"), train, str(tmp_path / "b.mr"), 2).run() == 0
    (tmp_path / "bad.txt").write_text("nothere 1\n")
    with pytest.raises(mindrecord.PathNotExistsError) as e:
        ImageNetToMR(str(tmp_path / "bad.txt"), train, str(tmp_path / "c.mr")).transform()
    assert str(e.value) == f"[PathNotExistsError]: Invalid path. not valid image dir in {train}"
    (tmp_path / "blank.txt").write_text("n01 1\n\n")
    with pytest.raises(IndexError):
        ImageNetToMR(str(tmp_path / "blank.txt"), train, str(tmp_path / "c.mr")).transform()
    (tmp_path / "word.txt").write_text("n01 x\n")
    with pytest.raises(ValueError, match=r"invalid literal for int\(\) with base 10: 'x\\n'"):
        ImageNetToMR(str(tmp_path / "word.txt"), train, str(tmp_path / "c.mr")).transform()
    with pytest.raises(OSError, match="^map file .*nope.txt not exists$"):
        ImageNetToMR(str(tmp_path / "nope.txt"), train, str(tmp_path / "c.mr")).transform()


def test_tfrecord_to_mr_needs_tensorflow(tmp_path):
    try:
        import tensorflow  # noqa: F401
        pytest.skip("TensorFlow is installed")
    except ImportError:
        pass
    with pytest.raises(ModuleNotFoundError, match="^No module named 'tensorflow'$"):
        TFRecordToMR(str(tmp_path / "x.tfrecord"), str(tmp_path / "x.mr"), {})


# -- MindPage ---------------------------------------------------------------------------------
def paged_file(tmp_path):
    path = str(tmp_path / "p.mr")
    w = FileWriter(path)
    w.add_schema({"file_name": {"type": "string"}, "label": {"type": "int32"},
                  "score": {"type": "float64"}, "data": {"type": "bytes"},
                  "vec": {"type": "float32", "shape": [2]}}, "desc")
    w.add_index(["file_name", "label", "score"])
    labels = [2, 0, 2, 1, 2, 0, 3]
    w.write_raw_data([{"file_name": f"f{i}.jpg", "label": labels[i], "score": i * 0.5,
                       "data": bytes([i]) * 3, "vec": np.array([i, -i], np.float32)}
                      for i in range(7)])
    w.commit()
    return path


def test_mindpage_categories_and_pages(tmp_path):
    p = MindPage(paged_file(tmp_path))
    assert p.candidate_fields == ["file_name", "label", "score"] and p.category_field is None
    with pytest.raises(RuntimeError, match="^Invalid data, field: is invalid.$"):
        p.read_category_info()
    p.category_field = "label"
    assert p.category_field == "label"
    assert p.read_category_info() == (
        '{"categories":[{"count":2,"id":0,"name":"0"},{"count":1,"id":1,"name":"1"},'
        '{"count":3,"id":2,"name":"2"},{"count":1,"id":3,"name":"3"}],"key":"label_0"}')
    rows = p.read_at_page_by_id(0, 0, 2)
    assert [(r["file_name"], r["label"], r["score"], r["data"]) for r in rows] == [
        ("f1.jpg", 0, 0.5, b"\x01\x01\x01"), ("f5.jpg", 0, 2.5, b"\x05\x05\x05")]
    assert list(rows[0]) == ["file_name", "label", "score", "data", "vec"]
    np.testing.assert_array_equal(rows[1]["vec"], np.array([5, -5], np.float32))
    assert [r["file_name"] for r in p.read_at_page_by_id(2, 1, 2)] == ["f4.jpg"]
    assert [r["score"] for r in p.read_at_page_by_name("2", 0, 5)] == [0, 1, 2]
    with pytest.raises(RuntimeError, match="^Invalid data, page no: 1or page size: 2 is invalid.$"):
        p.read_at_page_by_id(0, 1, 2)
    with pytest.raises(RuntimeError,
                       match=r"^Invalid data, category_id: 4 must be in the range \[0, 4\].$"):
        p.read_at_page_by_id(4, 0, 2)
    with pytest.raises(RuntimeError, match="^category_name: x could not found.$"):
        p.read_at_page_by_name("x", 0, 5)
    p.category_field = "score"
    assert json.loads(p.read_category_info())["categories"][:3] == [
        {"count": 1, "id": 0, "name": "0.0"}, {"count": 1, "id": 1, "name": "0.5"},
        {"count": 1, "id": 2, "name": "1.0"}]
    assert [r["file_name"] for r in p.read_at_page_by_name("1.5", 0, 5)] == ["f3.jpg"]


def test_mindpage_names_sort_as_text(tmp_path):
    path = str(tmp_path / "q.mr")
    w = FileWriter(path, 2)
    w.add_schema({"name": {"type": "string"}, "k": {"type": "int64"}, "f": {"type": "float32"}})
    ks, names = [10, 2, -1, 10, 2, 10, 3000000000], ["b", "a", 'é"q', "B", "a", "b", ""]
    fs = [0.1, 1e20, -2.5, 0.1, 3.0, 1e-7, 0.0]
    w.write_raw_data([{"name": names[i], "k": ks[i], "f": fs[i]} for i in range(7)])
    w.commit()
    p = MindPage(path + "0")
    assert p.candidate_fields == ["f", "k", "name"]
    p.category_field = "k"
    assert p.read_category_info() == (
        '{"categories":[{"count":1,"id":0,"name":"-1"},{"count":3,"id":1,"name":"10"},'
        '{"count":2,"id":2,"name":"2"},{"count":1,"id":3,"name":"3000000000"}],"key":"k_0"}')
    rows = p.read_at_page_by_id(1, 0, 9)
    assert [(r["k"], r["name"]) for r in rows] == [(10, "b"), (10, "B"), (10, "b")]
    p.category_field = "name"
    assert p.read_category_info() == (
        '{"categories":[{"count":1,"id":0,"name":""},{"count":1,"id":1,"name":"B"},'
        '{"count":2,"id":2,"name":"a"},{"count":2,"id":3,"name":"b"},'
        '{"count":1,"id":4,"name":"é\\"q"}],"key":"name_0"}')
    p.category_field = "f"
    assert [c["name"] for c in json.loads(p.read_category_info())["categories"]] == [
        "-2.5", "0.0", "0.1", "1.0e+20", "1.0e-07", "3.0"]


def test_mindpage_errors(tmp_path):
    path = paged_file(tmp_path)
    p = MindPage(path)
    with pytest.raises(mindrecord.MRMDefineCategoryError) as e:
        p.category_field = "data"
    assert str(e.value) == ("[MRMDefineCategoryError]: Failed to define category field. Detail: "
                            "Field 'data' is not a candidate category field.")
    with pytest.raises(mindrecord.ParamTypeError) as e:
        p.category_field = 3
    assert str(e.value) == ("[ParamTypeError]: Invalid parameter type. 'category_fields' expect "
                            "str type.")
    p.category_field = "label"
    for call, message in (
            (lambda: p.read_at_page_by_id(-1, 0, 1),
             "Category id should be int and greater than or equal to 0."),
            (lambda: p.read_at_page_by_id(0, "0", 1),
             "Page should be int and greater than or equal to 0."),
            (lambda: p.read_at_page_by_id(0, 0, 0), "num_row should be int and greater than 0."),
            (lambda: p.read_at_page_by_name(2, 0, 1), "Category name should be str.")):
        with pytest.raises(mindrecord.ParamValueError) as e:
            call()
        assert str(e.value) == f"[ParamValueError]: Invalid parameter value. {message}"
    with pytest.raises(RuntimeError, match="^Invalid data, page no: 1or page size: 1 is invalid.$"):
        p.read_at_page_by_id(1, True, 1)  # a bool is an int (1) there too
    with pytest.raises(mindrecord.ParamValueError,
                       match=r"num_consumer: 0 should between 1 and \d+\.$"):
        MindPage(path, 0)
    with pytest.raises(mindrecord.ParamValueError, match="File path: 3 is not string."):
        MindPage(3)
    with pytest.raises(RuntimeError, match="^The input: .*nope is not exists.$"):
        MindPage(str(tmp_path / "nope"))
    with pytest.raises(mindrecord.ParamValueError, match="Parameter num_consumer is not int."):
        FileReader(path, "1")


# -- FileWriter: appending, index fields -------------------------------------------------------
def test_open_for_append_adds_rows_and_index_fields(tmp_path):
    path = str(tmp_path / "a.mr")
    w = FileWriter(path)
    w.add_schema({"name": {"type": "string"}, "k": {"type": "int64"}, "img": {"type": "bytes"}},
                 "dd")
    w.add_index(["k"])
    w.write_raw_data([{"name": f"r{i}", "k": i, "img": bytes([i]) * 5} for i in range(3)])
    w.commit()
    w2 = FileWriter.open_for_append(path)
    with pytest.raises(mindrecord.MRMAddSchemaError):
        w2.add_schema({"x": {"type": "int32"}})
    w2.add_index(["name"])
    w2.write_raw_data([{"name": f"s{i}", "k": 10 + i, "img": bytes([10 + i]) * 5}
                       for i in range(2)])
    assert w2.commit() is None
    h = header(path)
    assert h["index_fields"] == [{"index_field": "k", "schema_id": 0},
                                 {"index_field": "name", "schema_id": 0}]
    assert h["schema"][0]["desc"] == "dd"
    con = sqlite3.connect(path + ".db")
    assert con.execute("SELECT ROW_ID, k_0, name_0 FROM INDEXES").fetchall() == [
        (0, 0, "r0"), (1, 1, "r1"), (2, 2, "r2"), (3, 10, "s0"), (4, 11, "s1")]
    con.close()
    w3 = FileWriter.open_for_append(path)
    w3.write_raw_data([{"name": "t", "k": 99, "img": b"z"}])
    w3.write_raw_data([{"name": "u", "k": 98, "img": b"y"}])
    w3.commit()
    assert [(r["name"], r["k"], r["img"]) for r in FileReader(path).get_next()] == [
        ("r0", 0, b"\0" * 5), ("r1", 1, b"\1" * 5), ("r2", 2, b"\2" * 5), ("s0", 10, b"\n" * 5),
        ("s1", 11, b"\x0b" * 5), ("t", 99, b"z"), ("u", 98, b"y")]
    with pytest.raises(RuntimeError, match="^The input: .*nope is not exists.$"):
        FileWriter.open_for_append(str(tmp_path / "nope"))
    with pytest.raises(mindrecord.ParamValueError, match="File path: 3 is not string."):
        FileWriter.open_for_append(3)


def test_open_for_append_over_shards_keeps_arrays(tmp_path):
    path = str(tmp_path / "s.mr")
    w = FileWriter(path, 2)
    w.add_schema({"k": {"type": "int64"}, "v": {"type": "int32", "shape": [-1]}})
    w.write_raw_data([{"k": i, "v": np.arange(i + 1, dtype=np.int32) * 300} for i in range(4)])
    w.commit()
    w = FileWriter.open_for_append(path + "1")
    w.write_raw_data([{"k": 100 + i, "v": np.arange(i + 2, dtype=np.int32) * -70000}
                      for i in range(3)])
    w.commit()
    got = sorted((r["k"], r["v"].tolist()) for r in FileReader(path + "0").get_next())
    assert got == sorted([(i, (np.arange(i + 1) * 300).tolist()) for i in range(4)] +
                         [(100 + i, (np.arange(i + 2) * -70000).tolist()) for i in range(3)])
    import mindspore.dataset as ds
    assert ds.MindDataset(path + "0", shuffle=False).get_dataset_size() == 7


def test_add_index_accumulates_and_rejects_repeats(tmp_path):
    w = FileWriter(str(tmp_path / "i.mr"))
    w.add_schema({"a": {"type": "int64"}, "b": {"type": "string"}, "c": {"type": "float32"}})
    w.add_index(["b", "a"])
    w.add_index(["c"])
    with pytest.raises(RuntimeError) as e:
        w.add_index(["a"])
    assert str(e.value) == ("The 'index_fields': a is added repeatedly. Please remove the "
                            "redundant 'add_index' function.")
    w.write_raw_data([{"a": 1, "b": "x", "c": 1.0}])
    w.commit()
    index = header(str(tmp_path / "i.mr"))["index_fields"]
    assert [f["index_field"] for f in index] == ["b", "a", "c"]
    with pytest.raises(RuntimeError) as e:
        w.write_raw_data([{"a": 2, "b": "y", "c": 2.0}])
    assert str(e.value) == (
        "Not allowed to call `write_raw_data` on flushed MindRecord files.When creating new "
        "MindRecord files, please remove `commit` before `write_raw_data`. In other cases, when "
        "appending to existing MindRecord files, please call `open_for_append` first and then "
        "`write_raw_data`.")


def test_module_names_and_status():
    # MindSpore 2.10's mindspore.mindrecord.__all__, less its encryption settings
    assert set(mindrecord.__all__) >= {"FileWriter", "FileReader", "MindPage", "Cifar10ToMR",
                                      "Cifar100ToMR", "CsvToMR", "ImageNetToMR", "MnistToMR",
                                      "TFRecordToMR", "SUCCESS", "FAILED"}
    assert repr(mindrecord.SUCCESS) == "<MSRStatus.SUCCESS: 0>"
    assert str(mindrecord.FAILED) == "MSRStatus.FAILED"
    assert mindrecord.SUCCESS == 0 and int(mindrecord.FAILED) == 1
    import inspect
    assert str(inspect.signature(MindPage)) == "(file_name, num_consumer=4)"
    for cls, sig in ((FileReader, "(file_name, num_consumer=4, columns=None, operator=None)"),
                     (CsvToMR, "(source, destination, columns_list=None, partition_number=1)"),
                     (ImageNetToMR, "(map_file, image_dir, destination, partition_number=1)"),
                     (TFRecordToMR, "(source, destination, feature_dict, bytes_fields=None)"),
                     (MnistToMR, "(source, destination, partition_number=1)"),
                     (Cifar10ToMR, "(source, destination)")):
        assert str(inspect.signature(cls)) == sig

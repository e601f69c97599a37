"""TFRecordDataset, the iterator registry (``dataset.engine.iterators``) and the ``utils``
modules of ``vision``/``text``, as MindSpore 2.10 gives them (values measured there)."""
import gc
import json
import struct

import numpy as np
import pytest

import mindspore.dataset as ds
from mindspore.dataset.engine.iterators import ITERATORS_LIST, _cleanup


def _varint(v):
    v &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _ld(field, body):
    return _varint(field * 8 + 2) + _varint(len(body)) + body


def _feature(value):
    if isinstance(value, list) and value and isinstance(value[0], bytes):
        return _ld(1, b"".join(_ld(1, v) for v in value))
    if isinstance(value, list) and value and isinstance(value[0], float):
        return _ld(2, _ld(1, struct.pack(f"<{len(value)}f", *value)))
    return _ld(3, _ld(1, b"".join(_varint(v) for v in value)))


def _example(features):
    entries = b"".join(_ld(1, _ld(1, k.encode()) + _ld(2, _feature(v)))
                       for k, v in features.items())
    return _ld(1, entries)


def _write(path, examples):
    with open(path, "wb") as f:
        for ex in examples:
            rec = _example(ex)
            f.write(struct.pack("<QI", len(rec), 0) + rec + bytes(4))


@pytest.fixture
def tf_file(tmp_path):
    path = str(tmp_path / "d.tfrecord")
    _write(path, [{"zeta": [i, -i - 1], "alpha": [float(i) / 4], "blob": [b"ab" * (i + 1)]}
                  for i in range(5)])
    return path


def test_tfrecord_no_schema_sorted_columns_and_types(tf_file):
    d = ds.TFRecordDataset(tf_file, shuffle=False)
    assert d.get_col_names() == ["alpha", "blob", "zeta"]
    assert d.get_dataset_size() == 5
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert rows[2][0].dtype == np.float32 and rows[2][0].tolist() == [0.5]
    assert rows[2][1].dtype == np.uint8 and bytes(rows[2][1]) == b"ababab"
    assert rows[3][2].dtype == np.int64 and rows[3][2].tolist() == [3, -4]


def test_tfrecord_schema_file_casts_reshapes_and_num_rows(tf_file, tmp_path):
    schema = str(tmp_path / "s.json")
    with open(schema, "w") as f:
        json.dump({"numRows": 3, "columns": {"zeta": {"type": "int16", "rank": 2, "shape": [1, 2]},
                                             "alpha": {"type": "float64", "rank": 0}}}, f)
    d = ds.TFRecordDataset(tf_file, schema, shuffle=False)
    assert d.get_col_names() == ["alpha", "zeta"]
    rows = list(d.create_dict_iterator(output_numpy=True))
    assert len(rows) == 3
    assert rows[1]["zeta"].dtype == np.int16 and rows[1]["zeta"].tolist() == [[1, -2]]
    assert rows[1]["alpha"].shape == () and rows[1]["alpha"].dtype == np.float64


def test_tfrecord_columns_list_num_samples_and_shards(tf_file):
    d = ds.TFRecordDataset(tf_file, columns_list=["zeta"], num_samples=2, shuffle=False)
    assert d.get_col_names() == ["zeta"]
    assert [r[0][0] for r in d.create_tuple_iterator(output_numpy=True)] == [0, 1]
    parts = [[int(r[0][0]) for r in ds.TFRecordDataset(tf_file, columns_list=["zeta"],
                                                       shuffle=False, num_shards=2, shard_id=k)
              .create_tuple_iterator(output_numpy=True)] for k in range(2)]
    assert len(parts[0]) == len(parts[1]) == 3 and sorted(set(parts[0] + parts[1])) == list(range(5))


def test_tfrecord_several_strings_padded_as_mindspore(tmp_path):
    path = str(tmp_path / "w.tfrecord")
    _write(path, [{"w": [b"ab", b"c", b"def"]}])
    row = next(ds.TFRecordDataset(path, shuffle=False).create_tuple_iterator(output_numpy=True))
    assert bytes(row[0]) == b"ab c  def"


def test_tfrecord_bad_inputs(tf_file, tmp_path):
    with pytest.raises(ValueError):
        ds.TFRecordDataset(str(tmp_path / "missing*.tfrecord"))
    with pytest.raises(RuntimeError):
        ds.TFRecordDataset(tf_file, columns_list=["nope"])
    with pytest.raises(TypeError):
        ds.TFRecordDataset(tf_file, schema=3)
    broken = str(tmp_path / "b.tfrecord")
    with open(broken, "wb") as f:
        f.write(struct.pack("<QI", 100, 0) + b"xy")
    with pytest.raises(RuntimeError):
        list(ds.TFRecordDataset(broken, schema=ds.Schema(), shuffle=False))


def test_iterators_registry_and_cleanup():
    ITERATORS_LIST.clear()
    d = ds.NumpySlicesDataset([1, 2, 3], shuffle=False)
    a = d.create_tuple_iterator(num_epochs=1)
    b = d.create_dict_iterator(num_epochs=1)
    assert len(ITERATORS_LIST) == 2
    del a
    gc.collect()
    assert len(ITERATORS_LIST) == 1
    assert next(b)["column_0"].asnumpy() == 1
    _cleanup()
    assert len(ITERATORS_LIST) == 0
    with pytest.raises((StopIteration, RuntimeError)):
        next(b)


def test_utils_modules():
    import mindspore.dataset.text as text
    import mindspore.dataset.vision as vision
    assert vision.utils.Inter.BILINEAR is vision.Inter.BILINEAR
    assert text.utils.NormalizeForm is text.NormalizeForm


def test_debug_mode_hooks_wrap_each_map_operation(capsys):
    import mindspore.dataset.debug as debug
    seen = []

    class Keep(debug.DebugHook):
        def compute(self, *args):
            seen.append(tuple(np.asarray(a).tolist() for a in args[0]))

    d = ds.NumpySlicesDataset(np.array([1, 2]), shuffle=False)
    with pytest.raises(ValueError):
        d.map([lambda x: x, Keep()])  # a hook outside debug mode
    try:
        ds.config.set_debug_mode(True, debug_hook_list=[Keep()])
        m = d.map([lambda x: x + 1, lambda x: x * 10])
        out = [int(r[0]) for r in m.create_tuple_iterator(output_numpy=True)]
    finally:
        ds.config.set_debug_mode(False)
    assert out == [20, 30]
    # before the first op, after each of the two: 3 hooks per row
    assert seen == [(1,), (2,), (20,), (2,), (3,), (30,)]
    assert "[Dataset debugger] Print the [INPUT] of the operation [<lambda>]." in capsys.readouterr().out
    with pytest.raises(TypeError):
        ds.config.set_debug_mode(True, debug_hook_list=[print])


def test_concat_checks_columns_when_read_and_sums_sizes():
    a = ds.NumpySlicesDataset({"x": np.arange(3)}, shuffle=False)
    b = ds.NumpySlicesDataset({"y": np.arange(2)}, shuffle=False)
    c = ds.NumpySlicesDataset({"x": np.arange(2, dtype=np.float32)}, shuffle=False)
    both = a + b
    assert both.get_dataset_size() == 5
    with pytest.raises(RuntimeError):
        list(both)
    with pytest.raises(RuntimeError):
        list(a + c)
    assert [int(r[0]) for r in (a + a).create_tuple_iterator(output_numpy=True)] == [0, 1, 2, 0, 1, 2]


def test_batch_size_true_is_one_and_vision_range_messages():
    import mindspore.dataset.vision as vision
    d = ds.NumpySlicesDataset(np.arange(3), shuffle=False).batch(True)
    assert d.get_dataset_size() == 3
    with pytest.raises(ValueError, match=r"Input brightness_factor is not within the required "
                                         r"interval of \[0, 16777216\]"):
        vision.AdjustBrightness(-1.0)
    with pytest.raises(TypeError, match="Argument brightness_factor with value a is not of type"):
        vision.AdjustBrightness("a")
    with pytest.raises(ValueError, match=r"Input cutoff is not within the required interval of \[0, 50\)"):
        vision.AutoContrast(cutoff=50)
    with pytest.raises(ValueError, match=r"interval of \[-0.5, 0.5\]"):
        vision.AdjustHue(0.6)

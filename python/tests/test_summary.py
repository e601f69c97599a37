"""``mindspore.train.SummaryRecord`` and the summary primitives: the file name, TensorFlow's
record framing with masked CRC-32C (as MindSpore 2.10's files, whose bytes this framing was
checked against), the events' protobuf fields (read here with a small decoder: the version
event, steps, scalar, tensor and histogram values), eval mode, and the errors."""
import os
import struct

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import ops
from mindspore.train import SummaryRecord


def _crc32c(data):
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (0x82F63B78 ^ (c >> 1)) if c & 1 else c >> 1
        table.append(c)
    crc = 0xFFFFFFFF
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    crc ^= 0xFFFFFFFF
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def _records(path):
    data, pos, out = open(path, "rb").read(), 0, []
    while pos < len(data):
        head = data[pos:pos + 8]
        n = struct.unpack("<Q", head)[0]
        assert struct.unpack("<I", data[pos + 8:pos + 12])[0] == _crc32c(head)
        body = data[pos + 12:pos + 12 + n]
        assert struct.unpack("<I", data[pos + 12 + n:pos + 16 + n])[0] == _crc32c(body)
        out.append(body)
        pos += 16 + n
    return out


def _fields(buf):
    """{field number: [values]} of a protobuf message (varints, fixed 64/32, bytes)."""
    out, pos = {}, 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        num, wire = key >> 3, key & 7
        if wire == 0:
            v, pos = _varint(buf, pos)
        elif wire == 1:
            v, pos = buf[pos:pos + 8], pos + 8
        elif wire == 5:
            v, pos = buf[pos:pos + 4], pos + 4
        else:
            n, pos = _varint(buf, pos)
            v, pos = buf[pos:pos + n], pos + n
        out.setdefault(num, []).append(v)
    return out


def _varint(buf, pos):
    shift = v = 0
    while True:
        b = buf[pos]
        pos += 1
        v |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return v, pos


def test_events_as_mindspore_writes_them(tmp_path):
    with SummaryRecord(str(tmp_path)) as rec:
        rec.add_value("scalar", "loss", ms.Tensor(1.5))
        assert rec.record(1) is True
        rec.add_value("tensor", "w", ms.Tensor(np.arange(4, dtype=np.float32).reshape(2, 2)))
        ops.ScalarSummary()("acc", ms.Tensor(0.75))
        ops.HistogramSummary()("h", ms.Tensor(np.array([0.0, 1.0, 3.0, np.nan])))
        rec.record(2)
        rec.record(3)  # nothing queued: no event
    (name,) = os.listdir(tmp_path)
    assert name.startswith("events.out.events.summary.") and name.endswith("_MS")
    events = [_fields(r) for r in _records(tmp_path / name)]
    assert len(events) == 3
    assert events[0][3] == [b"MindSpore.Event:1"] and 2 not in events[0]
    assert events[1][2] == [1] and events[2][2] == [2]
    values = [_fields(v) for v in _fields(events[1][5][0])[1]]
    assert values[0][1] == [b"loss"] and struct.unpack("<f", values[0][3][0])[0] == 1.5
    values = [_fields(v) for v in _fields(events[2][5][0])[1]]
    assert [v[1][0] for v in values] == [b"w", b"acc", b"h"]
    tensor = _fields(values[0][8][0])
    assert tensor[1] == [2, 2] and tensor[2] == [11]  # dims, DT_FLOAT32
    assert struct.unpack("<4f", tensor[3][0]) == (0.0, 1.0, 2.0, 3.0)  # packed float_data
    hist = _fields(values[2][9][0])
    assert hist[2] == [1] and hist[8] == [4]  # one NaN of four values
    assert sum(_fields(b)[3][0] for b in hist[1]) == 3


def test_eval_mode_and_errors(tmp_path):
    rec = SummaryRecord(str(tmp_path))
    rec.set_mode("eval")
    ops.ScalarSummary()("loss", ms.Tensor(1.0))
    rec.add_value("scalar", "direct", ms.Tensor(2.0))  # a Tensor, as MindSpore 2.10 requires
    rec.record(1)
    events = [_fields(r) for r in _records(os.path.join(tmp_path, os.listdir(tmp_path)[0]))]
    values = [_fields(v) for v in _fields(events[1][5][0])[1]]
    assert [v[1][0] for v in values] == [b"direct"]
    with pytest.raises(ValueError):  # an image is NCHW (MindSpore 2.10: "seems not to hold a valid image")
        rec.add_value("image", "img", ms.Tensor(np.zeros((3, 2, 2), np.float32)))
    with pytest.raises(ValueError):
        rec.add_value("scalar", "two", ms.Tensor([1.0, 2.0]))
    with pytest.raises(TypeError):
        rec.add_value("tensor", "t", 3.0)
    with pytest.raises(ValueError):
        rec.set_mode("test")
    with pytest.raises(TypeError, match="expect to be Tensor"):
        rec.add_value("scalar", "direct", 2.0)
    with pytest.raises(RuntimeError, match="only one instance is supported"):
        SummaryRecord(str(tmp_path / "second"))
    rec.close()
    assert rec.record(2) is False  # MindSpore 2.10 logs an error and returns False
    # The primitive's 'loss', cached in eval mode, would go to the next record (as in MindSpore).
    from mindspore.train.summary.summary_record import _get_summary_tensor_data
    assert list(_get_summary_tensor_data()) == ["loss[:Scalar]"]
    with pytest.raises(TypeError):
        SummaryRecord(3)


def test_summary_collector_records_as_mindspores(tmp_path):
    import mindspore.dataset as ds
    from mindspore import nn
    from mindspore.train import SummaryCollector
    net = nn.Dense(2, 1)
    model = ms.Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
    rng = np.random.RandomState(0)
    data = ds.NumpySlicesDataset({"x": rng.rand(8, 2).astype(np.float32), "y": rng.rand(8, 1).astype(np.float32)},
                                 shuffle=False).batch(2)
    model.train(2, data, callbacks=[SummaryCollector(str(tmp_path), collect_freq=2)], dataset_sink_mode=False)
    # (also ckpt_dir/: the default collect_landscape saves the checkpoints of steps 1 to 8, as MindSpore)
    (name,) = [f for f in os.listdir(tmp_path) if f.endswith("_MS")]
    events = [_fields(r) for r in _records(tmp_path / name)][1:]
    # MindSpore 2.10 on the same run: the first step, every second step, and each epoch's end again.
    assert [e[2][0] for e in events] == [1, 2, 4, 4, 6, 8, 8]
    tags = [[_fields(v)[1][0] for v in _fields(e[5][0])[1]] for e in events]
    assert all(t == [b"loss/auto", b"weight/auto", b"bias/auto"] for t in tags)
    with pytest.raises(ValueError):
        SummaryCollector(str(tmp_path), collect_freq=0)
    with pytest.raises(ValueError):
        SummaryCollector(str(tmp_path), collect_specified_data={"collect_everything": True})

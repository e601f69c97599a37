"""MindSpore 2.10's summary machinery as measured on it: images (``add_value('image')``,
``ops.ImageSummary``: the picture's size and its decoded pixels), histogram buckets, the cached
values of the summary primitives and their order in an event, ``SummaryRecord``'s checks,
``max_file_size`` and the ``.npy`` export; ``SummaryCollector``'s checks and helpers, its
landscape checkpoints and metadata; ``SummaryLandscape``'s checks and the layout of the
landscapes it writes; the callback helpers (``_checkpoint_cb_for_save_op``,
``_chg_ckpt_file_name_if_same_exist``), ``TrainFaultTolerance`` and
``communication._comm_helper``."""
import json
import os
import struct
import zlib

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, nn, ops


def _varint(buf, pos):
    shift = v = 0
    while True:
        b = buf[pos]
        pos += 1
        v |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return v, pos


def _fields(buf):
    """{field number: [values]} of a protobuf message."""
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


def _events(folder):
    (name,) = [f for f in os.listdir(folder) if f.endswith("_MS")]
    data, pos, out = open(os.path.join(folder, name), "rb").read(), 0, []
    while pos < len(data):
        n = struct.unpack("<Q", data[pos:pos + 8])[0]
        out.append(_fields(data[pos + 12:pos + 12 + n]))
        pos += 16 + n
    return out


def _values(event):
    """[(tag, {field: values})] of an event's summary."""
    return [(v[1][0].decode(), v) for v in (_fields(b) for b in _fields(event[5][0])[1])]


def _png_pixels(png):
    """The (H, W, 3) pixels of an 8-bit RGB PNG whose rows are unfiltered."""
    pos, idat, size = 8, b"", None
    while pos < len(png):
        n = struct.unpack(">I", png[pos:pos + 4])[0]
        kind, body = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h = size
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(h, 1 + 3 * w)
    assert not rows[:, 0].any()
    return rows[:, 1:].reshape(h, w, 3)


@pytest.fixture
def record(tmp_path):
    from mindspore.train.summary.summary_record import _get_summary_tensor_data
    _get_summary_tensor_data()  # no value cached by another test
    with ms.train.SummaryRecord(str(tmp_path)) as rec:
        yield rec


def test_images_as_mindspore_draws_them(record, tmp_path):
    record.add_value("image", "i0", Tensor(np.arange(9, dtype=np.int64).reshape(9, 1, 1, 1) + 3))
    record.add_value("image", "i1", Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 2, 2)))
    ops.ImageSummary()("i2", Tensor(np.array([[[[0.1, 0.2]], [[0.3, 0.4]], [[0.5, 0.6]]]], np.float32)))
    record.add_value("image", "i3", Tensor(np.array([[[[-0.5, 0.5]]]], np.float32)))
    record.add_value("image", "bad", Tensor(np.zeros((1, 2, 2, 2), np.float32)))  # 2 channels: dropped
    record.record(1)
    images = {tag: v[4][0] for tag, v in _values(_events(str(tmp_path))[1])}
    assert sorted(images) == ["i0", "i1", "i2", "i3"]
    # MindSpore 2.10 (decoded with PIL): height, width, colour space, then the channels.
    expected = {
        "i0": (2, 8, [[63, 85, 106, 127, 148, 170, 191, 212], [233, 0, 0, 0, 0, 0, 0, 0]]),
        "i1": (2, 4, [[0, 10, 127, 138], [21, 31, 148, 159]], [[85, 95, 212, 223], [106, 116, 233, 244]]),
        "i2": (1, 2, [[25, 51]], [[127, 153]]),
        "i3": (1, 2, [[0, 127]], [[0, 127]]),
    }
    for tag, (h, w, red, *blue) in expected.items():
        image = _fields(images[tag])
        assert (image[1], image[2], image[3]) == ([h], [w], [3])
        pixels = _png_pixels(image[4][0])
        assert pixels[..., 0].tolist() == red
        assert pixels[..., 2].tolist() == (blue[0] if blue else red)


def test_histograms_and_bins_as_mindspore(record, tmp_path):
    from mindspore.train.summary._summary_adapter import _calc_histogram_bins
    assert [_calc_histogram_bins(n) for n in (0, 1, 5, 6, 10, 11, 19, 20, 99, 880, 881)] == \
        [1, 2, 2, 3, 3, 2, 2, 3, 10, 89, 90]
    record.add_value("histogram", "h", Tensor(np.array([0.0, 1.0, 2.0, 3.0, np.nan, np.inf], np.float32)))
    record.add_value("histogram", "same", Tensor(np.array([2.0, 2.0], np.float32)))
    record.record(1)
    got = {}
    for tag, v in _values(_events(str(tmp_path))[1]):
        h = _fields(v[9][0])
        buckets = [_fields(b) for b in h.get(1, [])]
        got[tag] = [(struct.unpack("<d", b[1][0])[0], struct.unpack("<d", b[2][0])[0], b[3][0]) for b in buckets]
        got[tag + "/counts"] = (h[2], h[3], h[8])
    assert got["h"] == [(0.0, 1.5, 2), (1.5, 1.5, 2)] and got["h/counts"] == ([1], [1], [6])
    assert got["same"] == [(1.5, 0.5, 0), (2.0, 0.5, 2)]


def test_cached_values_order_and_modes(record, tmp_path):
    from mindspore.train.summary.summary_record import _cache_summary_tensor_data
    img = Tensor(np.zeros((1, 3, 2, 2), np.float32))
    record.add_value("histogram", "h1", Tensor([1.0]))
    record.add_value("image", "i1", img)
    record.add_value("tensor", "t1", Tensor([1.0]))
    record.add_value("scalar", "s1", Tensor(1.0))
    record.add_value("histogram", "h2", Tensor([1.0]))
    assert _cache_summary_tensor_data([{"name": "ch[:Histogram]", "data": Tensor([1.0])},
                                       {"name": "cs[:Scalar]", "data": Tensor(1.0)}]) is True
    ops.ScalarSummary()("op_s", Tensor(1.0))
    ops.TensorSummary()("x", Tensor([1.0]))
    ops.TensorSummary()("x", Tensor([2.0]))  # replaces the first
    assert record.record(1) is True
    record.set_mode("eval")
    ops.ScalarSummary()("later", Tensor(1.0))  # waits for a training step
    record.add_value("scalar", "ev", Tensor(3.0))
    record.record(2)
    record.set_mode("train")
    record.record(3)
    record.record(4)  # nothing: no event
    events = _events(str(tmp_path))
    assert [e[2] for e in events[1:]] == [[1], [2], [3]]
    # MindSpore 2.10: grouped by kind in the order the kinds came, add_value's first.
    assert [t for t, _ in _values(events[1])] == ["h1", "h2", "ch", "i1", "t1", "x", "s1", "cs", "op_s"]
    assert [t for t, _ in _values(events[2])] == ["ev"] and [t for t, _ in _values(events[3])] == ["later"]


def test_summary_record_checks(tmp_path):
    SummaryRecord = ms.train.SummaryRecord
    cases = [((3,), {}, TypeError, "The log_dir is invalid, the type should be string."),
             (("  ",), {}, ValueError, "The log_dir is invalid, it should be non-blank."),
             ((str(tmp_path),), {"raise_exception": None}, TypeError,
              "The type of 'raise_exception' should be 'bool', but got type 'NoneType'."),
             ((str(tmp_path),), {"file_prefix": "a/b"}, ValueError,
              r"The 'a/b' is illegal, it must be match regular'^\w+[0-9a-zA-Z\_\.]*$' by flags're.ASCII.'"),
             ((str(tmp_path),), {"max_file_size": 1.5}, TypeError,
              "For 'SummaryRecord', the 'max_file_size' should be int type, but got type <class 'float'>"),
             ((str(tmp_path),), {"export_options": {"unexpected_key": "v"}}, ValueError,
              "For \"SummaryRecord\", the keys {'unexpected_key'} of \"export_options\" are unsupported, "
              "expect the follow keys: ['tensor_format']")]
    for args, kwargs, cls, msg in cases:
        with pytest.raises(cls) as err:
            SummaryRecord(*args, **kwargs)
        assert str(err.value) == msg
    with SummaryRecord(str(tmp_path)) as rec:
        assert rec.log_dir == rec.file_info["file_path"] and rec.base_log_dir == str(tmp_path)
        with pytest.raises(ValueError, match='no such "plugin" of \'foo\''):
            rec.add_value("foo", "a", Tensor(1.0))
        with pytest.raises(ValueError, match='the parameter "name" type should be str'):
            rec.add_value("scalar", "", Tensor(1.0))
        with pytest.raises(ValueError, match="the v rank must be less than or equal to 1, but got 3"):
            rec.add_value("scalar", "a", Tensor(np.ones((3, 1), np.float32)))
        with pytest.raises(ValueError, match="the value should not be empty"):
            rec.add_value("histogram", "a", Tensor(1.0))
        with pytest.raises(TypeError, match="The type of 'step' should be 'int', but got type 'bool'"):
            rec.record(True)
        with pytest.raises(ValueError, match="'x' is not a recognized mode"):
            rec.set_mode("x")
    with pytest.raises(ValueError, match="has been closed"):
        rec.__enter__()


def test_summary_ops_errors_in_both_modes():
    with pytest.raises(TypeError, match='For "ScalarSummary", the name must be valid string, but got "None"'):
        ops.ScalarSummary()(None, Tensor(1.0))
    with pytest.raises(ValueError, match='For "ImageSummary", the tensor seems not to hold a valid image'):
        ops.ImageSummary()("i", Tensor([1, 2]))

    class Net(nn.Cell):
        def __init__(self, op, tag, value):
            super().__init__()
            self.op, self.tag, self.value = op, tag, value

        def construct(self, x):
            self.op(self.tag, self.value)
            return x

    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        with pytest.raises(ValueError, match=r"For primitive\[ImageSummary\], the input argument\[name\] cannot"):
            Net(ops.ImageSummary(), "", Tensor(0))(Tensor(1.0))
        with pytest.raises(ValueError, match=r"For primitive\[TensorSummary\], the v rank must be greater"):
            Net(ops.TensorSummary(), "t", Tensor(0))(Tensor(1.0))
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)


def test_max_file_size_and_npy_export(tmp_path):
    from mindspore.train.summary.summary_record import _get_summary_tensor_data
    _get_summary_tensor_data()
    with ms.train.SummaryRecord(str(tmp_path), max_file_size=200, export_options={"tensor_format": "npy"}) as rec:
        for step in range(1, 4):
            rec.add_value("tensor", "a/b", Tensor(np.arange(10, dtype=np.float32)))
            rec.add_value("tensor", "c:d", Tensor(np.arange(3, dtype=np.int32)))
            assert rec.record(step) is True
    assert [e[2] for e in _events(str(tmp_path))[1:]] == [[1]]  # MindSpore 2.10: later events exceed 200 bytes
    (export,) = [f for f in os.listdir(tmp_path) if f.startswith("export_")]
    names = sorted(os.listdir(tmp_path / export / "tensor"))
    assert names[:2] == ["a%2Fb_1.npy", "a%2Fb_2.npy"] and "c%3Ad_3.npy" in names
    assert np.load(tmp_path / export / "tensor" / "c%3Ad_3.npy").tolist() == [0, 1, 2]


def test_summary_collector_checks_and_helpers(tmp_path):
    from mindspore.train import SummaryCollector
    from mindspore.train.callback import _InternalCallbackParam
    d = str(tmp_path)
    cases = [({"collect_freq": True}, TypeError, "For `collect_freq` the type should be a valid type of ['int'], "
              "but got bool."),
             ({"collect_tensor_freq": 0}, ValueError,
              'For "SummaryCollector", the value of `collect_tensor_freq` should be greater than 0, but got `0`.'),
             ({"collect_specified_data": {"collect_landscape": {"landscape_size": 2, "intervals": [[1, 2, 3]]}}},
              ValueError, 'For "SummaryCollector", the "landscape_size" in collect_specified_data should be less '
              'than 256 and more than 3, but got the: 2'),
             ({"collect_specified_data": {"collect_landscape": {"landscape_size": 5}}}, TypeError,
              "For `intervals` the type should be a valid type of ['list'], but got NoneType."),
             ({"collect_specified_data": {"collect_landscape": {"intervals": [[1, 2]]}}}, ValueError,
              'For "SummaryCollector", the length of each list in "intervals" should not be less than three, '
              'but got the: [1, 2]'),
             ({"collect_specified_data": {"collect_landscape": {"intervals": [(1, 2, 3)]}}}, TypeError,
              "For `each interval inintervals` the type should be a valid type of ['list'], but got tuple."),
             ({"collect_freq": None, "max_file_size": "a"}, TypeError,  # collect_freq is checked first
              "For `collect_freq` the type should be a valid type of ['int'], but got NoneType.")]
    for kwargs, cls, msg in cases:
        with pytest.raises(cls) as err:
            SummaryCollector(d, **kwargs)
        assert str(err.value) == msg
    collector = SummaryCollector(d, keep_default_action=False,
                                 collect_specified_data={"collect_landscape": {"intervals": [[1, 2, 3]]}})
    assert collector._collect_specified_data == {"collect_landscape": {"intervals": [[1, 2, 3]]}}
    cb = _InternalCallbackParam()
    # MindSpore 2.10's losses: the mean of the output (its first element) and its dtype.
    for output, value, dtype in ((1, 1.0, ms.float64), (1.5, 1.5, ms.float32), ([[1, 2]], 1.5, ms.float64),
                                 ((Tensor([[3, 4, 3]]), Tensor([3, 4])), 10 / 3, ms.float64)):
        cb.net_outputs = output
        loss = SummaryCollector(d)._get_loss(cb)
        assert loss.dtype == dtype and abs(float(loss.asnumpy()) - value) < 1e-6
    collector = SummaryCollector(d)
    cb.net_outputs = np.float32(2.0)
    assert collector._get_loss(cb) is None and not collector._is_parse_loss_success
    cb.net_outputs = Tensor(2.0)
    assert collector._get_loss(cb) is None  # once failed, no loss is read again
    cb.optimizer, cb.mode, cb.train_network = None, "train", nn.Dense(1, 1)
    assert collector._get_optimizer(cb) is None and collector._temp_optimizer == "Failed"


def _landscape_run(folder, unit="epoch"):
    from mindspore.train import Loss, Model, SummaryCollector
    import mindspore.dataset as ds
    rng = np.random.RandomState(0)
    x, y = rng.rand(8, 2).astype(np.float32), rng.rand(8, 1).astype(np.float32)

    def data():
        return ds.NumpySlicesDataset({"x": x, "y": y}, shuffle=False).batch(2)

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(2, 1)

        def construct(self, inputs):
            return self.fc(inputs)

    net = Net()
    landscape = {"landscape_size": 3, "unit": unit, "num_samples": 4, "intervals": [[1, 2, 3, 4]],
                 "create_landscape": {"train": True, "result": True}}
    collector = SummaryCollector(folder, collect_freq=1, collect_specified_data={"collect_landscape": landscape})
    Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1)).train(5, data(), callbacks=[collector])

    def callback_fn():
        fresh = Net()
        return Model(fresh, nn.MSELoss(), metrics={"Loss": Loss()}), fresh, data(), {"Loss": Loss()}
    return callback_fn, x[:4], y[:4]


def test_landscape_checkpoints_metadata_and_messages(tmp_path, capsys):
    folder = str(tmp_path)
    callback_fn, x, y = _landscape_run(folder)
    ckpt_dir = tmp_path / "ckpt_dir"
    # MindSpore 2.10: <Network>_<n>_<unit>.ckpt for the epochs of the intervals, and the metadata.
    assert sorted(os.listdir(ckpt_dir)) == ["Net_1_epoch.ckpt", "Net_2_epoch.ckpt", "Net_3_epoch.ckpt",
                                            "Net_4_epoch.ckpt", "train_metadata.json"]
    meta = json.load(open(ckpt_dir / "train_metadata.json"))
    assert meta["epoch_group"] == {"0": [1, 2, 3, 4]} and meta["step_per_epoch"] == 4
    assert (meta["unit"], meta["num_samples"], meta["landscape_size"]) == ("epoch", 4, 3)
    assert meta["model_params_file_map"]["4"] == str(ckpt_dir / "Net_4_epoch.ckpt")
    landscape = ms.SummaryLandscape(folder)
    with pytest.raises(TypeError) as err:
        landscape.gen_landscapes_with_multi_process(callback_fn, collect_landscape={"intervals": None},
                                                    device_ids=[0])
    assert str(err.value) == "For `intervals` the type should be a valid type of ['list'], but got NoneType."
    with pytest.raises(ValueError, match='"device_ids" should be between 0 and 7, but got -1'):
        landscape.gen_landscapes_with_multi_process(callback_fn, device_ids=[-1])
    with pytest.raises(ValueError, match='"landscape_size" in train_metadata.json should be between 3 and 256'):
        landscape.gen_landscapes_with_multi_process(callback_fn, collect_landscape={"landscape_size": 2},
                                                    device_ids=[0])
    out = tmp_path / "out"
    landscape.gen_landscapes_with_multi_process(callback_fn, device_ids=[0], output=str(out))
    assert "Drawing landscape total progress: 3/3." in capsys.readouterr().out
    events = _events(str(out))
    assert [e[2] for e in events[1:]] == [[0], [0]]
    (train_tag, train), = _values(events[1])
    (result_tag, result), = _values(events[2])
    assert (train_tag, result_tag) == ("landscape_[1, 4]", "landscape_[4]")
    final = ms.load_checkpoint(str(ckpt_dir / "Net_4_epoch.ckpt"))
    w, b = final["fc.weight"].asnumpy(), final["fc.bias"].asnumpy()
    final_loss = float(np.mean((x @ w.T + b - y) ** 2))
    for message, decomposition, xy_type in ((train, b"PCA", 5), (result, b"Random", 12)):
        lossland = _fields(message[10][0])
        grid = [_fields(t) for t in (_fields(lossland[1][0])[k][0] for k in (1, 2, 3))]
        assert [g[1] for g in grid] == [[3], [3], [3, 3]] and [g[2] for g in grid] == [[12], [12], [12]]
        meta = _fields(lossland[3][0])
        assert (meta[1], meta[2], meta[3]) == ([decomposition], [b"epoch"], [4])
        point = [_fields(t) for t in (_fields(lossland[4][0])[k][0] for k in (1, 2, 3))]
        assert [p[2] for p in point] == [[xy_type], [xy_type], [12]]  # MindSpore's data types
        assert abs(struct.unpack("<f", point[2][3][0])[0] - final_loss) < 1e-5
    path = _fields(_fields(train[10][0])[2][0])
    assert path[1] == [1, 2, 3, 4]
    xs = _fields(_fields(path[2][0])[1][0])
    assert xs[1] == [4] and xs[2] == [11] and struct.unpack("<4f", xs[3][0])[3] == 0.0
    landscape.clean_ckpt()
    assert not ckpt_dir.exists()


def test_callback_helpers_fault_tolerance_and_comm_helper(tmp_path, monkeypatch):
    from mindspore.train.callback import _checkpoint_cb_for_save_op, _set_cur_net
    from mindspore.train.callback._checkpoint import _chg_ckpt_file_name_if_same_exist
    net = nn.Dense(2, 1)
    assert _checkpoint_cb_for_save_op([{"name": "bias", "data": Tensor([3.0])}]) is False  # no network set
    _set_cur_net(net)
    assert _checkpoint_cb_for_save_op([{"name": "bias", "data": Tensor([3.0])}]) is True
    assert net.bias.asnumpy().tolist() == [3.0]
    assert _checkpoint_cb_for_save_op([{"name": "bias", "data": Tensor([5.0])}]) is False  # filled once
    for name in ("ckpt-1_1.ckpt", "ckpt_2-1_1_breakpoint.ckpt"):
        open(tmp_path / name, "w").close()
    assert _chg_ckpt_file_name_if_same_exist(str(tmp_path), "ckpt") == "ckpt_1"
    assert _chg_ckpt_file_name_if_same_exist(str(tmp_path), "ckpt", exception=True) == "ckpt_3"
    monkeypatch.delenv("MS_ENABLE_TFT", raising=False)
    with pytest.raises(ValueError, match=r"need custom switch on one of:\['TTP:1'"):
        ms.train.TrainFaultTolerance(ckpt_save_path="./ckpt")
    monkeypatch.setenv("MS_ENABLE_TFT", "{TFT:1,UCE:1}")
    with pytest.raises(ValueError, match="need to set ckpt_save_fn or ckpt_save_path"):
        ms.train.TrainFaultTolerance()
    with pytest.raises(ValueError, match="MindIO adapter only support on Ascend device but got device CPU!"):
        ms.train.TrainFaultTolerance(ckpt_save_path="./ckpt")
    from mindspore.communication import _comm_helper, management
    assert _comm_helper.GlobalComm is management.GlobalComm
    assert (_comm_helper._get_rank_helper(), _comm_helper._get_size_helper()) == (0, 1)


def test_graph_mode_writes_the_compiled_graph(tmp_path):
    import mindspore.dataset as ds
    from mindspore.train import ModelCheckpoint, SummaryCollector
    from mindspore.train.summary.summary_record import _get_summary_tensor_data
    _get_summary_tensor_data()
    rng = np.random.RandomState(0)
    data = ds.NumpySlicesDataset({"x": rng.rand(8, 2).astype(np.float32), "y": rng.rand(8, 1).astype(np.float32)},
                                 shuffle=False).batch(2)
    net = nn.Dense(2, 1)
    model = ms.Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        collector = SummaryCollector(str(tmp_path), collect_freq=2, collect_specified_data={"collect_landscape": None})
        model.train(1, data, callbacks=[collector, ModelCheckpoint(directory=str(tmp_path))])
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    events = _events(str(tmp_path))
    # MindSpore 2.10: the graph in an event of step 0 of its own, then the values.
    assert [(e.get(2), 4 in e, 5 in e) for e in events[1:]] == [
        ([0], True, False), ([1], False, True), ([2], False, True), ([4], False, True), ([4], False, True)]
    graph = _fields(events[1][4][0])
    assert len(graph[1]) > 3 and graph[3]  # nodes and parameters (MindSpore's anf_ir GraphProto)
    meta = _fields(open(tmp_path / "CKP-graph.meta", "rb").read())  # ModelCheckpoint's ModelProto
    assert meta[1] == [1] and _fields(meta[4][0])[1] == graph[1]

"""The summary API as MindSpore 2.10 behaves (measured with it): ``SummaryRecord``'s argument
errors and single instance, the primitives' checks and cache, the histogram's bucket count, the
collector's errors and its landscape checkpoints; images raise (the writer cannot encode them)."""
import json
import os
import struct

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import nn, ops
from mindspore.train.callback import _InternalCallbackParam
from mindspore.train.summary import SummaryCollector, SummaryRecord
from mindspore.train.summary._summary_adapter import _calc_histogram_bins
from mindspore.train.summary.enums import ModeEnum, PluginEnum
from mindspore.train.summary.summary_record import _cache_summary_tensor_data


def _events(path):
    """The serialized events of the summary file (the version event first), from its TFRecord
    framing (length, length CRC, data, data CRC)."""
    data, pos, out = open(path, "rb").read(), 0, []
    while pos < len(data):
        n = struct.unpack("<Q", data[pos:pos + 8])[0]
        out.append(data[pos + 12:pos + 12 + n])
        pos += 16 + n
    return out


def _summary_file(d):
    return os.path.join(d, next(f for f in os.listdir(d) if ".out.events.summary." in f))


@pytest.mark.parametrize("log_dir, err, msg", [("", ValueError, "The log_dir is invalid, it should be non-blank."),
                                               (None, TypeError, "The log_dir is invalid, the type should be string."),
                                               (32, TypeError, "The log_dir is invalid, the type should be string.")])
def test_record_log_dir_errors(log_dir, err, msg):
    with pytest.raises(err) as exc:
        SummaryRecord(log_dir)
    assert str(exc.value) == msg


def test_record_argument_errors_and_single_instance(tmp_path):
    with pytest.raises(TypeError, match="The type of 'raise_exception' should be 'bool', but got type 'NoneType'."):
        SummaryRecord(str(tmp_path), raise_exception=None)
    with pytest.raises(ValueError, match="tensor_format"):
        SummaryRecord(str(tmp_path), export_options={"tensor_format": "npz"})
    with pytest.raises(ValueError):
        SummaryRecord(str(tmp_path), file_prefix="a b")
    rec = SummaryRecord(str(tmp_path))
    try:
        with pytest.raises(RuntimeError, match="only one instance"):
            SummaryRecord(str(tmp_path))
        with pytest.raises(TypeError):
            rec.record("1")
        assert rec.log_dir == _summary_file(str(tmp_path))
    finally:
        rec.close()
    assert rec.record(1) is False  # closed: nothing written, as MindSpore's
    with pytest.raises(ValueError, match="has been closed"):
        rec.__enter__()
    SummaryRecord(str(tmp_path)).close()  # another may be opened now


def test_add_value_checks(tmp_path):
    with SummaryRecord(str(tmp_path)) as rec:
        with pytest.raises(TypeError, match='expect to be Tensor, but got float'):
            rec.add_value("scalar", "s", 2.0)
        with pytest.raises(ValueError, match='the parameter "name" type should be str'):
            rec.add_value("scalar", "", ms.Tensor(1.0))
        with pytest.raises(ValueError, match="v rank must be less than or equal to 1"):
            rec.add_value("scalar", "s", ms.Tensor([1.0, 2.0]))
        with pytest.raises(ValueError, match="should not be empty"):
            rec.add_value("histogram", "h", ms.Tensor(1.0))
        with pytest.raises(ValueError, match="seems not to hold a valid image"):
            rec.add_value("image", "i", ms.Tensor([1.0]))
        with pytest.raises(ValueError, match="not available"):
            rec.add_value("image", "i", ms.Tensor(np.zeros((1, 3, 2, 2), np.float32)))
        with pytest.raises(ValueError, match='no such "plugin"'):
            rec.add_value("audio", "a", ms.Tensor(1.0))


@pytest.mark.parametrize("count, bins", [(0, 1), (5, 2), (10, 3), (11, 2), (880, 89), (881, 90), (10 ** 6, 90)])
def test_calc_histogram_bins(count, bins):
    assert _calc_histogram_bins(count) == bins


def test_cache_histogram_buckets_and_export(tmp_path):
    with SummaryRecord(str(tmp_path), export_options={"tensor_format": "npy"}) as rec:
        _cache_summary_tensor_data([{"name": "s[:Scalar]", "data": ms.Tensor(1.5)},
                                    {"name": "h[:Histogram]", "data": ms.Tensor(np.arange(100.0))},
                                    {"name": "t[:Tensor]", "data": ms.Tensor([[1, 2]], ms.int32)}])
        rec.record(3)
    events = _events(_summary_file(str(tmp_path)))
    assert len(events) == 2 and b"h" in events[1] and b"s" in events[1]
    # 100 finite values -> 11 buckets (field 1 of Histogram: one length-prefixed message each)
    assert events[1].count(b"\x09") >= 11
    (export,) = [f for f in os.listdir(tmp_path) if f.startswith("export_")]
    np.testing.assert_array_equal(np.load(os.path.join(tmp_path, export, "tensor", "t_3.npy")), [[1, 2]])


def test_primitive_checks_in_graph_mode_and_eval(tmp_path):
    ms.set_context(mode=ms.GRAPH_MODE)
    with pytest.raises(TypeError, match=r"For primitive\[ScalarSummary\], the input argument\[name\] must be a type"):
        ops.ScalarSummary()(None, ms.Tensor(1.0))
    with pytest.raises(ValueError, match="cannot be an empty string"):
        ops.TensorSummary()("", ms.Tensor([1.0]))
    with pytest.raises(ValueError, match="rank must be equal to 4"):
        ops.ImageSummary()("img", ms.Tensor([1.0, 2.0]))
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        ops.HistogramSummary()("h", ms.Tensor(1.0))
    with SummaryRecord(str(tmp_path)) as rec:
        rec.set_mode("eval")
        ops.ScalarSummary()("kept", ms.Tensor(1.0))
        rec.record(1)  # eval: the primitive's value stays cached
        rec.set_mode("train")
        rec.record(2)
        ops.ImageSummary()("img", ms.Tensor(np.zeros((1, 3, 2, 2), np.float32)))
        with pytest.raises(ValueError, match="not available"):
            rec.record(3)
    events = _events(_summary_file(str(tmp_path)))
    # An Event: wall_time (field 1, fixed64: tag 0x09 and 8 bytes), then step (field 2, varint).
    assert len(events) == 2 and b"kept" in events[1]
    assert events[1][0] == 0x09 and events[1][9] == 0x10 and events[1][10] == 2


def test_collector_errors():
    with pytest.raises(ValueError) as exc:
        SummaryCollector("")
    assert str(exc.value) == "The summary_dir is invalid, it should be non-blank."
    with pytest.raises(TypeError) as exc:
        SummaryCollector("/tmp", collect_freq=0.5)
    assert str(exc.value) == "For `collect_freq` the type should be a valid type of ['int'], but got float."
    with pytest.raises(TypeError) as exc:
        SummaryCollector("/tmp", collect_specified_data={"collect_landscape": {"intervals": None}})
    assert str(exc.value) == "For `intervals` the type should be a valid type of ['list'], but got NoneType."
    with pytest.raises(ValueError, match="more than one SummaryCollector"):
        cb = _InternalCallbackParam()
        cb.list_callback = [SummaryCollector("/tmp/ems_sc_a", keep_default_action=False),
                            SummaryCollector("/tmp/ems_sc_b", keep_default_action=False)]
        cb.list_callback[0]._check_callbacks(cb)
    assert ModeEnum.to_list() == ["train", "eval"] and PluginEnum.HISTOGRAM.value == "histogram"


def test_collector_loss_and_landscape_files(tmp_path):
    net = nn.Dense(2, 1)
    model = ms.Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
    import mindspore.dataset as ds
    data = ds.NumpySlicesDataset({"x": np.ones((6, 2), np.float32), "y": np.ones((6, 1), np.float32)},
                                 shuffle=False).batch(2)
    model.train(1, data, callbacks=[SummaryCollector(str(tmp_path), collect_freq=2)], dataset_sink_mode=False)
    # MindSpore 2.10: the backbone at every step of the intervals, then the metadata.
    assert sorted(os.listdir(tmp_path / "ckpt_dir")) == ["Dense_1_step.ckpt", "Dense_2_step.ckpt",
                                                         "Dense_3_step.ckpt", "train_metadata.json"]
    meta = json.load(open(tmp_path / "ckpt_dir" / "train_metadata.json"))
    assert meta["step_per_epoch"] == 3 and sorted(meta["model_params_file_map"]) == ["1", "2", "3"]
    events = _events(_summary_file(str(tmp_path)))[1:]
    assert len(events) == 2  # steps 1 and 2; none at the epoch's end (step 3: not a multiple of 2)
    assert all(b"loss/auto" in e and b"weight/auto" in e for e in events)
    sc = SummaryCollector(str(tmp_path / "x"))
    cb = _InternalCallbackParam()
    cb.net_outputs = [ms.Tensor([[3.0, 4.0, 3.0]]), ms.Tensor([3.0])]
    assert abs(float(sc._get_loss(cb).asnumpy()) - 10 / 3) < 1e-6
    cb.net_outputs = {}
    assert sc._get_loss(cb) is None and not sc._is_parse_loss_success

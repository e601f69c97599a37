"""``mindspore.train``'s checkpoint tools and dataset plumbing (``ckpt_to_safetensors``,
``safetensors_to_ckpt``, ``load_checkpoint_async``, ``merge_sliced_parameter``, ``data_sink``,
``DatasetHelper``, ``connect_network_with_dataset``) and the fault-tolerance callbacks
(``BackupAndRestore``, ``OnRequestExit``): values, files, resumption, error classes."""
import os
import signal

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
import mindspore.dataset as ds
from mindspore import nn


def _params():
    return {"w": ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3)), "b": ms.Tensor(np.ones(3, np.float64))}


def test_conversions_keep_values_dtypes_and_rename(tmp_path):
    ms.save_checkpoint(_params(), str(tmp_path / "net.ckpt"))
    ms.ckpt_to_safetensors(str(tmp_path / "net.ckpt"), save_path=str(tmp_path / "out"), name_map={"b": "bias"})
    back = ms.load_checkpoint(str(tmp_path / "out" / "net.safetensors"), format="safetensors")
    assert sorted(back) == ["bias", "w"] and back["bias"].dtype == ms.float64
    np.testing.assert_array_equal(back["w"].asnumpy(), np.arange(6).reshape(2, 3))
    ms.safetensors_to_ckpt(str(tmp_path / "out" / "net.safetensors"))
    again = ms.load_checkpoint(str(tmp_path / "out" / "net.ckpt"))
    np.testing.assert_array_equal(again["bias"].asnumpy(), np.ones(3))


def test_directories_of_rank_folders(tmp_path):
    for r in range(2):
        (tmp_path / f"rank_{r}").mkdir()
        ms.save_checkpoint(_params(), str(tmp_path / f"rank_{r}" / f"net_{r}.ckpt"))
        ms.save_checkpoint(_params(), str(tmp_path / f"rank_{r}" / f"skip_{r}.ckpt"))
    ms.ckpt_to_safetensors(str(tmp_path), save_path=str(tmp_path / "st"), file_name_regex=r"^net")
    assert sorted(os.listdir(tmp_path / "st")) == ["rank_0", "rank_1"]
    assert os.listdir(tmp_path / "st" / "rank_1") == ["net_1.safetensors"]


def test_conversion_errors(tmp_path):
    with pytest.raises(ValueError, match="valid path"):
        ms.ckpt_to_safetensors(str(tmp_path / "missing.ckpt"))
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(ValueError, match=".ckpt file"):
        ms.ckpt_to_safetensors(str(tmp_path / "x.txt"))
    with pytest.raises(ValueError, match="rank"):
        ms.ckpt_to_safetensors(str(tmp_path))
    ms.save_checkpoint(_params(), str(tmp_path / "net.ckpt"))
    with pytest.raises(ValueError, match="directory"):
        ms.ckpt_to_safetensors(str(tmp_path / "net.ckpt"), save_path=str(tmp_path / "out.safetensors"))
    with pytest.raises(ValueError, match="name_map"):
        ms.ckpt_to_safetensors(str(tmp_path / "net.ckpt"), name_map=[("b", "c")])


def test_load_checkpoint_async_loads_into_the_network(tmp_path):
    net = nn.Dense(3, 2)
    source = nn.Dense(3, 2)
    ms.save_checkpoint(source, str(tmp_path / "d.ckpt"))
    future = ms.load_checkpoint_async(str(tmp_path / "d.ckpt"), net=net)
    params = future.result()
    assert sorted(params) == ["bias", "weight"]
    np.testing.assert_array_equal(net.weight.asnumpy(), source.weight.asnumpy())
    assert ms.async_ckpt_thread_status() is False
    with pytest.raises(Exception):
        ms.load_checkpoint_async(str(tmp_path / "missing.ckpt")).result()


def test_merge_sliced_parameter():
    parts = [ms.Parameter(ms.Tensor(np.full((r + 1, 2), r, np.float32)), name="w") for r in range(3)]
    merged = ms.merge_sliced_parameter(parts)
    assert merged.name == "w" and merged.shape == (6, 2)
    np.testing.assert_array_equal(merged.asnumpy()[:, 0], [0, 1, 1, 2, 2, 2])
    with pytest.raises(ValueError):
        ms.merge_sliced_parameter([])
    with pytest.raises(TypeError):
        ms.merge_sliced_parameter(parts[0])
    with pytest.raises(ValueError):
        ms.merge_sliced_parameter(parts + [ms.Parameter(ms.Tensor(np.ones((1, 2), np.float32)), name="v")])
    with pytest.raises(TypeError):
        ms.merge_sliced_parameter([ms.Tensor(np.ones(2, np.float32))])
    with pytest.raises(ValueError):
        ms.merge_sliced_parameter(parts, {"w": [2, 1]})


def test_data_sink_and_dataset_helper():
    data = ds.NumpySlicesDataset({"x": np.arange(6, dtype=np.float32)}, shuffle=False).batch(2)
    seen = []
    step = ms.data_sink(lambda x: seen.append(x.asnumpy().tolist()) or x.sum(), data, sink_size=2)
    assert float(step().asnumpy()) == 5.0
    assert float(step().asnumpy()) == 1.0  # the third batch, then a new epoch
    assert seen == [[0, 1], [2, 3], [4, 5], [0, 1]]
    with pytest.raises(ValueError):
        ms.data_sink(lambda x: x, data, sink_size=0)
    with pytest.raises(TypeError):
        ms.data_sink(lambda x: x, data, sink_size=1.5)
    helper = ms.DatasetHelper(data, dataset_sink_mode=False, sink_size=2, epoch_num=2)
    # without sinking, as MindSpore: each pass reads one epoch of one 2-epoch iterator (the
    # sink size does not apply)
    assert [x.asnumpy().tolist() for (x,) in helper] == [[0, 1], [2, 3], [4, 5]]
    assert [x.asnumpy().tolist() for (x,) in helper] == [[0, 1], [2, 3], [4, 5]]
    assert len(helper) == 4
    sinking = ms.DatasetHelper(data, sink_size=2, epoch_num=2)
    assert [x.asnumpy().tolist() for (x,) in sinking] == [[0, 1], [2, 3], [0, 1], [2, 3]]
    types, shapes = helper.types_shapes()
    assert shapes == [[2]]
    net = nn.Dense(2, 1)
    assert ms.connect_network_with_dataset(net, helper) is net
    with pytest.raises(TypeError):
        ms.connect_network_with_dataset(net, data)
    with pytest.raises(ValueError):
        ms.DatasetHelper(data, sink_size=0)


def _model():
    net = nn.Dense(2, 1)
    return net, ms.Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))


def _data(n=4):
    rng = np.random.RandomState(0)
    return ds.NumpySlicesDataset({"x": rng.rand(n, 2).astype(np.float32),
                                  "y": rng.rand(n, 1).astype(np.float32)}, shuffle=False).batch(2)


def test_backup_and_restore_resumes_from_the_last_backup(tmp_path):
    net, model = _model()
    model.train(2, _data(), callbacks=[ms.BackupAndRestore(str(tmp_path), delete_checkpoint=False)])
    saved = ms.load_checkpoint(str(tmp_path / "backup.ckpt"))
    np.testing.assert_array_equal(saved["weight"].asnumpy(), net.weight.asnumpy())
    fresh, model2 = _model()
    seen = {}

    class Peek(ms.Callback):
        def on_train_step_begin(self, run_context):
            seen.setdefault("w", run_context.original_args().train_network.trainable_params()[0].asnumpy().copy())

    model2.train(1, _data(), callbacks=[ms.BackupAndRestore(str(tmp_path)), Peek()])
    np.testing.assert_array_equal(seen["w"], saved["weight"].asnumpy())
    assert not os.path.exists(tmp_path / "backup.ckpt")
    with pytest.raises(ValueError):
        ms.BackupAndRestore(str(tmp_path), save_freq=0)
    with pytest.raises(TypeError):
        ms.BackupAndRestore(str(tmp_path), save_freq="step")


def test_on_request_exit_stops_at_the_signal_and_saves(tmp_path):
    net, model = _model()
    cb = ms.OnRequestExit(directory=str(tmp_path), save_mindir=False)
    steps = []

    class Raise(ms.Callback):
        def on_train_step_end(self, run_context):
            steps.append(1)
            if len(steps) == 2:
                os.kill(os.getpid(), signal.SIGTERM)

    previous = signal.getsignal(signal.SIGTERM)
    model.train(5, _data(8), callbacks=[Raise(), cb])
    assert len(steps) == 2
    assert signal.getsignal(signal.SIGTERM) == previous
    saved = ms.load_checkpoint(cb.train_name + ".ckpt")
    np.testing.assert_array_equal(saved["weight"].asnumpy(), net.weight.asnumpy())
    with pytest.raises(ValueError):
        ms.OnRequestExit(sig=signal.SIGKILL)
    with pytest.raises(TypeError):
        ms.OnRequestExit(save_ckpt=1)

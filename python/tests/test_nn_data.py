"""easy_mindspore.dataset and the checkpoint functions: batching, seeded shuffling, the digits and
IDX readers, .ckpt and safetensors round trips, and the digits MLP trained end to end."""
import gzip
import os
import struct
import sys
import time

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, nn

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")


# -- datasets -----------------------------------------------------------------------------------
def test_batching_covers_every_sample_once():
    x = np.arange(10, dtype=np.float32).reshape(10, 1)
    y = np.arange(10, dtype=np.int32)
    ds = ms.dataset.NumpySlicesDataset((x, y), shuffle=False).batch(4)
    batches = list(ds)
    assert ds.get_dataset_size() == 3 and [b[0].shape for b in batches] == [(4, 1), (4, 1), (2, 1)]
    np.testing.assert_array_equal(np.concatenate([b[1].asnumpy() for b in batches]), y)
    assert all(isinstance(t, Tensor) for b in batches for t in b)
    dropped = ms.dataset.NumpySlicesDataset((x, y), shuffle=False).batch(4, drop_remainder=True)
    assert dropped.get_dataset_size() == 2 and len(list(dropped)) == 2


def test_shuffle_is_seeded_and_reshuffles_per_epoch():
    y = np.arange(50, dtype=np.int32)

    def epochs(seed):
        ms.set_seed(seed)
        ds = ms.dataset.NumpySlicesDataset(y).batch(50)  # shuffle defaults to True
        it = ds.create_tuple_iterator(num_epochs=2)
        got = [next(it)[0].asnumpy()]
        next(it, None)  # the end of the first epoch
        return got + [next(it)[0].asnumpy(), next(iter(ds))[0].asnumpy()]

    a0, a1, again = epochs(7)
    b0, b1, _ = epochs(7)
    c0, _, _ = epochs(8)
    np.testing.assert_array_equal(a0, b0)
    np.testing.assert_array_equal(a1, b1)
    assert not np.array_equal(a0, a1) and not np.array_equal(a0, c0)
    # MindSpore 2.10: a new iterator starts again from the first epoch.
    np.testing.assert_array_equal(again, a0)
    assert sorted(a0) == list(range(50)) and sorted(a1) == list(range(50))


def test_dict_data_iterators_and_split():
    data = {"a": np.arange(6, dtype=np.float32), "b": np.arange(6, dtype=np.int32) * 10}
    ds = ms.dataset.NumpySlicesDataset(data, shuffle=False).batch(3)
    assert ds.get_col_names() == ["a", "b"]
    first = next(ds.create_dict_iterator(output_numpy=True))
    np.testing.assert_array_equal(first["b"], [0, 10, 20])
    only_b = next(ds.create_tuple_iterator(columns=["b"]))
    assert len(only_b) == 1
    rows = ms.dataset.NumpySlicesDataset(data, shuffle=False)
    train, test = rows.split([0.5, 0.5], randomize=False)
    assert [int(r["b"]) for r in train.create_dict_iterator(num_epochs=1)] == [0, 10, 20]
    assert len(train) == 3 and len(test) == 3
    with pytest.raises(ms.ShapeError, match="column 1"):
        ms.dataset.NumpySlicesDataset((np.ones(3), np.ones(4)))
    with pytest.raises(ms.ShapeError, match="batch_size"):
        ds.batch(0)


def test_load_digits():
    x, y = ms.dataset.load_digits()
    assert x.shape == (1797, 8, 8) and x.dtype == np.float32 and y.dtype == np.int32
    assert x.min() == 0 and x.max() == 16 and list(y[:5]) == [0, 1, 2, 3, 4]
    xt, yt = ms.dataset.load_digits(as_tensor=True)
    assert isinstance(xt, Tensor) and xt.shape == (1797, 8, 8)


def idx_bytes(arr):
    dims = b"".join(struct.pack(">I", d) for d in arr.shape)
    return bytes([0, 0, 0x08, arr.ndim]) + dims + arr.astype(np.uint8).tobytes()


def test_read_idx_plain_gzip_and_truncated(tmp_path):
    arr = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    plain, gz = tmp_path / "a-idx3-ubyte", tmp_path / "a-idx3-ubyte.gz"
    plain.write_bytes(idx_bytes(arr))
    gz.write_bytes(gzip.compress(idx_bytes(arr)))
    for p in (plain, gz):
        t = ms.dataset.read_idx(p)
        assert str(t.dtype) == "Int32"
        np.testing.assert_array_equal(t.asnumpy(), arr)
    bad = tmp_path / "bad"
    bad.write_bytes(idx_bytes(arr)[:-5])
    with pytest.raises(ms.ShapeError, match="truncated"):
        ms.dataset.read_idx(bad)
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(idx_bytes(arr)))
    (tmp_path / "train-labels-idx1-ubyte").write_bytes(idx_bytes(np.array([3, 4], np.uint8)))
    mn = ms.dataset.MnistDataset(str(tmp_path), "train", shuffle=False).batch(2)
    img, lab = next(iter(mn))
    assert img.shape == (2, 3, 4, 1) and lab.asnumpy().tolist() == [3, 4]


# -- checkpoints ------------------------------------------------------------------------------
class Small(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(3, 2)
        self.bn = nn.BatchNorm1d(2)
        self.scale = Parameter(Tensor(np.array([1.5])), name="scale")  # Float64

    def construct(self, x):
        return self.bn(self.fc(x)) * self.scale


@pytest.mark.parametrize("suffix", [".ckpt", ".safetensors"])
def test_checkpoint_round_trip_is_bit_exact(tmp_path, suffix):
    ms.set_seed(0)
    net = Small()
    net.bn.moving_mean.set_data(Tensor(np.array([0.1, -0.2], np.float32)))
    path = str(tmp_path / ("net" + suffix))
    ms.save_checkpoint(net, path)
    loaded = ms.load_checkpoint(path)
    names = [n for n, _ in net.parameters_and_names()]
    if suffix == ".ckpt":
        assert list(loaded) == names
    else:  # safetensors files hold tensors by dtype alignment, then by name (as MindSpore's)
        assert list(loaded) == ["scale", "bn.beta", "bn.gamma", "bn.moving_mean", "bn.moving_variance",
                                "fc.bias", "fc.weight"]
    assert all(isinstance(p, Parameter) and p.name == n for n, p in loaded.items())
    ms.set_seed(1)
    other = Small()
    assert not np.array_equal(other.fc.weight.asnumpy(), net.fc.weight.asnumpy())
    assert ms.load_param_into_net(other, loaded) == ([], [])
    for (n, a), (_, b) in zip(net.parameters_and_names(), other.parameters_and_names()):
        assert a.dtype == b.dtype, n
        assert a.asnumpy().tobytes() == b.asnumpy().tobytes(), n


def test_checkpoint_of_a_parameter_list_and_formats(tmp_path):
    w = Parameter(Tensor([1.0, 2.0]), name="w")
    ms.save_checkpoint([w, {"name": "step", "data": Tensor(np.array(3, np.int64))}], str(tmp_path / "p"))
    d = ms.load_checkpoint(str(tmp_path / "p.ckpt"))  # MindSpore adds the suffix
    assert list(d) == ["w", "step"] and int(d["step"]) == 3
    ms.save_checkpoint([w], str(tmp_path / "q"), format="safetensors")
    assert (tmp_path / "q.safetensors").exists()
    assert ms.load_checkpoint(str(tmp_path / "q.safetensors"), filter_prefix="x")["w"].asnumpy().tolist() == [1.0, 2.0]


@pytest.mark.parametrize("suffix", [".ckpt", ".safetensors"])
def test_truncated_and_mismatched_checkpoints_are_errors(tmp_path, suffix):
    net = Small()
    path = tmp_path / ("net" + suffix)
    ms.save_checkpoint(net, str(path))
    data = path.read_bytes()
    bad = tmp_path / ("bad" + suffix)
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ms.Error, match="bad"):
        ms.load_checkpoint(str(bad))
    loaded = ms.load_checkpoint(str(path))
    loaded["fc.weight"] = Parameter(Tensor(np.zeros((3, 3), np.float32)), name="fc.weight")
    before = net.fc.bias.asnumpy().copy()
    loaded["fc.bias"] = Parameter(Tensor(np.ones(2, np.float32)), name="fc.bias")
    # MindSpore 2.10: a RuntimeError naming the parameter and both shapes.
    with pytest.raises(RuntimeError, match=r"fc.weight.*\(2, 3\).*\(3, 3\)"):
        ms.load_param_into_net(net, loaded)
    np.testing.assert_array_equal(net.fc.bias.asnumpy(), before)  # all or nothing
    del loaded["fc.weight"]
    del loaded["fc.bias"]
    loaded["extra"] = Parameter(Tensor(1.0), name="extra")
    assert ms.load_param_into_net(net, loaded) == (["fc.weight", "fc.bias"], ["extra"])
    # MindSpore 2.10: strict_load only forbids dtype conversions; missing names are returned.
    assert ms.load_param_into_net(net, loaded, strict_load=True) == (["fc.weight", "fc.bias"],
                                                                     ["extra"])
    # MindSpore 2.10's messages: a missing file (its absolute path), a suffix it does not read
    with pytest.raises(ValueError, match=r"the checkpoint file: /.*missing.ckpt does not exist"):
        ms.load_checkpoint(str(tmp_path / "missing.ckpt"))
    with pytest.raises(ValueError, match="the checkpoint file format must same with 'format'"):
        ms.load_checkpoint(str(tmp_path / "weights.txt"))


# -- end to end -------------------------------------------------------------------------------
def example(name):
    sys.path.insert(0, EXAMPLES)
    try:
        return __import__(name)
    finally:
        sys.path.remove(EXAMPLES)


@pytest.mark.slow
def test_digits_mlp_example_reaches_95_percent():
    start = time.perf_counter()
    losses, acc = example("digits_mlp").main(epochs=30, plot=False, quiet=True)
    assert losses[-1] < losses[0] / 5
    assert acc >= 0.95, acc
    assert time.perf_counter() - start < 60


@pytest.mark.slow
def test_digits_lenet_example_reaches_97_percent():
    losses, acc = example("digits_lenet").main(epochs=10, plot=False, quiet=True)
    assert losses[-1] < losses[0] / 5
    assert acc >= 0.97, acc


def test_linear_regression_example_recovers_the_line(capsys):
    w, b = example("linear_regression").main(quiet=True)
    np.testing.assert_allclose(w, [2.0, -3.4], atol=0.01)
    np.testing.assert_allclose(b, [4.2], atol=0.01)

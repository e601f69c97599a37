"""Tensors, Parameters and Cells through ``copy``, ``copy.deepcopy`` and ``pickle``."""
import copy
import pickle

import numpy as np
import pytest

import easy_mindspore as ems


@pytest.mark.parametrize("values,dtype", [
    ([[1.5, -2.0], [0.0, 3.25]], ems.float32),
    ([1.0, 2.0], ems.float64),
    ([1, -7, 2**40], ems.int64),
    ([3, 4], ems.int32),
    ([True, False], ems.bool_),
])
def test_round_trips_keep_values_shape_and_dtype(values, dtype):
    t = ems.Tensor(values, dtype)
    for out in (pickle.loads(pickle.dumps(t)), copy.copy(t), copy.deepcopy(t)):
        assert type(out) is ems.Tensor and out is not t
        assert out.dtype == dtype and out.shape == t.shape
        np.testing.assert_array_equal(out.asnumpy(), t.asnumpy())


def test_a_copy_is_independent_of_the_original():
    t = ems.Tensor([1.0, 2.0, 3.0])
    c = copy.deepcopy({"w": t, "rest": [t]})
    t[0] = 10.0
    assert c["w"].asnumpy().tolist() == [1.0, 2.0, 3.0]
    assert c["rest"][0].asnumpy().tolist() == [1.0, 2.0, 3.0]
    empty = ems.zeros((0, 3))
    assert pickle.loads(pickle.dumps(empty)).shape == (0, 3)


def test_parameters_keep_name_and_requires_grad():
    p = ems.Parameter(ems.Tensor([1.0, 2.0]), name="layer.weight", requires_grad=False)
    for out in (pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(p)):
        assert isinstance(out, ems.Parameter) and out is not p
        assert out.name == "layer.weight" and out.requires_grad is False
        np.testing.assert_array_equal(out.asnumpy(), [1.0, 2.0])
    q = copy.deepcopy(p)
    p.set_data(ems.Tensor([5.0, 5.0]))
    assert q.asnumpy().tolist() == [1.0, 2.0]


class _Net(ems.nn.Cell):
    def __init__(self):
        super().__init__()
        self.conv = ems.nn.Conv2d(1, 2, 3, has_bias=True)
        self.bn = ems.nn.BatchNorm2d(2)
        self.flat = ems.nn.Flatten()
        self.fc = ems.nn.Dense(2 * 6 * 6, 3, activation="relu")
        self.ln = ems.nn.LayerNorm((3,))
        self.scale = ems.Parameter(ems.Tensor([2.0]), name="scale", requires_grad=False)

    def construct(self, x):
        return self.ln(self.fc(self.flat(self.bn(self.conv(x))))) * self.scale


@pytest.mark.parametrize("make, shape", [
    (_Net, (2, 1, 6, 6)),
    (lambda: ems.nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True), (2, 5, 3)),
    (lambda: ems.nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0), (2, 5, 8)),
    (lambda: ems.nn.SequentialCell([ems.nn.Dense(3, 4), ems.nn.Tanh(), ems.nn.Dense(4, 2, has_bias=False)]),
     (2, 3)),
])
def test_deepcopy_of_a_cell_is_an_independent_equal_network(make, shape):
    """As ``copy.deepcopy`` of a MindSpore Cell: the same Parameter names, values and flags, the
    same outputs, and weights of its own (training the copy leaves the original alone). Cells over
    a Rust layer are rebuilt from their constructor's arguments."""
    def first(y):
        return y[0] if isinstance(y, tuple) else y

    ems.set_seed(3)
    net = make()
    net.set_train(False)
    twin = copy.deepcopy(net)
    ours, theirs = list(net.parameters_and_names()), list(twin.parameters_and_names())
    assert [(n, p.name, p.requires_grad) for n, p in ours] == [(n, p.name, p.requires_grad) for n, p in theirs]
    assert all(p is not q for (_, p), (_, q) in zip(ours, theirs))
    x = ems.Tensor(np.random.default_rng(0).standard_normal(shape), ems.float32)
    before = first(net(x)).asnumpy()
    np.testing.assert_array_equal(first(twin(x)).asnumpy(), before)
    # Training the copy changes only the copy.
    weights = twin.trainable_params()
    grads = ems.value_and_grad(lambda x: first(twin(x)).sum(), None, weights)(x)[1]
    ems.nn.SGD(weights, learning_rate=0.5)(grads)
    np.testing.assert_array_equal(first(net(x)).asnumpy(), before)
    assert not np.array_equal(first(twin(x)).asnumpy(), before)

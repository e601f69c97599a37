"""Parameter semantics on Cells as MindSpore 2.10 (values measured there): names, order,
``parameters_dict``, a Tensor assigned over a Parameter attribute, the layers' attributes."""
import numpy as np
import pytest

from easy_mindspore import Parameter, Tensor, nn


class _WithOwn(nn.Cell):
    def __init__(self):
        super().__init__()
        self.dense = nn.Dense(2, 2)
        self.w = Parameter(Tensor([1.0]), name="w")

    def construct(self, x):
        return self.dense(x) * self.w


def test_names_and_order_as_mindspore():
    net = nn.SequentialCell([nn.Dense(2, 3), nn.ReLU(), nn.Dense(3, 1)])
    names = ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert [p.name for p in net.trainable_params()] == names
    assert list(net.parameters_dict()) == names
    assert all(net.parameters_dict()[n] is p for n, p in zip(names, net.trainable_params()))
    m = _WithOwn()
    # Own Parameters come before those of sub-cells (MindSpore: ['w', 'dense.weight', ...]).
    assert [p.name for p in m.trainable_params()] == ["w", "dense.weight", "dense.bias"]
    assert [n for n, _ in m.cells_and_names()] == ["", "dense"]
    assert nn.Dense(2, 3).weight.name == "weight"


def test_a_tensor_assigned_over_a_parameter_keeps_the_parameter():
    d = nn.Dense(2, 3)
    w = d.weight
    d.weight = Tensor(np.ones((3, 2), np.float32))
    assert d.weight is w and isinstance(d.weight, Parameter)
    assert d.weight.name == "weight" and d.weight.requires_grad
    # The Rust layer holds the same handle: it computes with the new value.
    y = d(Tensor(np.ones((1, 2), np.float32)))
    np.testing.assert_allclose(y.asnumpy(), 2.0 + d.bias.asnumpy()[None])
    d.weight.set_data(Tensor(np.zeros((3, 2), np.float32)))
    assert d.weight.asnumpy().sum() == 0.0
    m = _WithOwn()
    m.w = Tensor([2.0])
    assert isinstance(m.w, Parameter) and m.w.name == "w" and m.w.asnumpy().tolist() == [2.0]
    # Another value over a Parameter is a TypeError (MindSpore's message); None removes it.
    with pytest.raises(TypeError, match="already exists"):
        m.w = 3.0
    m.w = None
    assert m.w is None and [p.name for p in m.trainable_params()] == ["dense.weight", "dense.bias"]


def test_layer_attributes_as_mindspore():
    c = nn.Conv2d(1, 2, 3)
    assert (c.in_channels, c.out_channels, c.kernel_size, c.stride, c.dilation) == (1, 2, (3, 3), (1, 1), (1, 1))
    assert (c.pad_mode, c.padding, c.group, c.has_bias) == ("same", 0, 1, False)
    d = nn.Dense(2, 3, has_bias=False)
    assert (d.in_channels, d.out_channels, d.has_bias, d.bias) == (2, 3, False, None)
    with pytest.raises(TypeError):
        nn.Dense(2, 3, has_bias=1)

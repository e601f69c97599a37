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


def test_embedding_as_mindspore():
    import easy_mindspore as ms
    ms.set_seed(1)
    e = nn.Embedding(5, 3, padding_idx=1)
    # MindSpore 2.10: the table is a Parameter 'embedding_table' drawn from N(0, 0.01²), the
    # padding row zeros, the output the ids' shape plus embedding_size; its repr uses parentheses.
    assert e.embedding_table.name == "embedding_table" and e.embedding_table.shape == (5, 3)
    assert 0.002 < float(e.embedding_table.asnumpy().std()) < 0.03
    assert e.embedding_table.asnumpy()[1].tolist() == [0.0, 0.0, 0.0]
    assert repr(e).startswith("Embedding(vocab_size=5, embedding_size=3, use_one_hot=False, "
                              "embedding_table=Parameter (name=embedding_table, shape=(5, 3)")
    ids = Tensor(np.array([[0, 1], [4, 2]], np.int32))
    out = e(ids)
    assert out.shape == (2, 2, 3) and out.dtype == ms.float32
    np.testing.assert_array_equal(out.asnumpy()[1, 0], e.embedding_table.asnumpy()[4])
    with pytest.raises(TypeError):
        e(Tensor([0.5]))
    # MindSpore 2.10: an id out of range is a RuntimeError (its Gather's); -1 is the last row.
    with pytest.raises(RuntimeError, match="7"):
        e(Tensor(np.array([7], np.int32)))
    with pytest.raises(RuntimeError):
        e(Tensor(np.array([-6], np.int32)))
    np.testing.assert_array_equal(e(Tensor(np.array([-1], np.int32))).asnumpy()[0],
                                  e.embedding_table.asnumpy()[4])
    # The gradient adds back into the looked-up rows (row 0 twice).
    g = ms.grad(lambda t: e(Tensor(np.array([0, 0, 3], np.int32))).sum() * t, grad_position=None,
                weights=e.trainable_params())(Tensor(1.0))[0]
    np.testing.assert_array_equal(g.asnumpy()[:, 0], [2, 0, 0, 1, 0])
    hot = nn.Embedding(4, 2, use_one_hot=True)
    np.testing.assert_allclose(hot(Tensor(np.array([3, 1], np.int32))).asnumpy(),
                               hot.embedding_table.asnumpy()[[3, 1]])


def test_adaptive_pooling_as_mindspore():
    # MindSpore 2.10: windows floor(i*n/k)..ceil((i+1)*n/k); values measured on arange(70).
    x = Tensor(np.arange(2 * 1 * 5 * 7, dtype=np.float32).reshape(2, 1, 5, 7))
    np.testing.assert_array_equal(nn.AdaptiveAvgPool2d((2, 3))(x).asnumpy()[0, 0],
                                  [[8, 10, 12], [22, 24, 26]])
    np.testing.assert_array_equal(nn.AdaptiveMaxPool2d((2, 3))(x).asnumpy()[0, 0],
                                  [[16, 18, 20], [30, 32, 34]])
    assert nn.AdaptiveAvgPool2d(1)(x).shape == (2, 1, 1, 1)
    assert nn.AdaptiveAvgPool2d((None, 2))(x).shape == (2, 1, 5, 2)
    assert nn.AdaptiveAvgPool2d((1, 1))(Tensor(np.ones((3, 4, 4), np.float32))).shape == (3, 1, 1)
    np.testing.assert_allclose(nn.AdaptiveAvgPool2d(1)(x).asnumpy().ravel(),
                               x.asnumpy().mean((2, 3)).ravel())
    assert repr(nn.AdaptiveAvgPool2d(1)) == "AdaptiveAvgPool2d()"
    import easy_mindspore as ms
    g = ms.grad(lambda t: nn.AdaptiveAvgPool2d((2, 3))(t).sum())(x)
    assert g.shape == x.shape and abs(float(g.sum()) - 2 * 6) < 1e-4
    with pytest.raises(ValueError):
        nn.AdaptiveAvgPool2d(0)
    with pytest.raises(ValueError):
        nn.AdaptiveAvgPool2d(1)(Tensor(np.ones((4, 4), np.float32)))


def test_batchnorm_statistics_names_as_mindspore():
    """MindSpore 2.10: a BatchNorm on its own names its statistics ``mean``/``variance``; inside a
    network they take their attribute path (``bn.moving_mean``), as every parameter."""
    from easy_mindspore import nn as _nn

    class Net(_nn.Cell):
        def __init__(self):
            super().__init__()
            self.bn = _nn.BatchNorm2d(2)
            self.seq = _nn.SequentialCell([_nn.BatchNorm1d(3)])

    assert [p.name for p in _nn.BatchNorm2d(2).get_parameters()] == ["mean", "variance", "gamma", "beta"]
    assert [p.name for p in Net().get_parameters()] == [
        "bn.moving_mean", "bn.moving_variance", "bn.gamma", "bn.beta",
        "seq.0.moving_mean", "seq.0.moving_variance", "seq.0.gamma", "seq.0.beta"]


def test_parameter_takes_mindspores_sharding_flags():
    # MindSpore code passes layerwise_parallel / parallel_optimizer; both are kept and settable.
    import inspect
    import numpy as np
    import mindspore as ms
    p = ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name="w", layerwise_parallel=True,
                     parallel_optimizer=False)
    assert (p.layerwise_parallel, p.parallel_optimizer) == (True, False)
    q = ms.Parameter(ms.Tensor(np.ones(2, np.float32)), "q", True, False, True, "", "CPU")
    assert (q.layerwise_parallel, q.parallel_optimizer) == (False, True)
    q.layerwise_parallel = True
    assert q.layerwise_parallel
    assert list(inspect.signature(ms.Parameter).parameters) == [
        "default_input", "name", "requires_grad", "layerwise_parallel", "parallel_optimizer",
        "storage_format", "device"]
    with pytest.raises(TypeError):
        ms.Parameter(ms.Tensor(np.ones(2, np.float32)), layerwise_parallel=1)
    with pytest.raises(TypeError):
        q.parallel_optimizer = "yes"
    with pytest.raises(ValueError):
        ms.Parameter(ms.Tensor(np.ones(2, np.float32)), storage_format="FRACTAL_NZ")
    with pytest.raises(ValueError):
        ms.Parameter(ms.Tensor(np.ones(2, np.float32)), device="Ascend")


def test_containers_set_and_delete_cells_as_mindspore():
    """MindSpore 2.10's ``SequentialCell``/``CellList`` item assignment and deletion: a replaced
    cell keeps its name; after a deletion numbered cells are numbered again (named ones keep
    their names); ``CellList += [...]`` extends in place."""
    from collections import OrderedDict

    a, b, c = nn.ReLU(), nn.Tanh(), nn.Sigmoid()
    names = (lambda cont: [n for n, _ in cont.cells_and_names()][1:])
    seq = nn.SequentialCell(OrderedDict([("x", a), ("y", b), ("z", c)]))
    seq[1] = c
    assert seq[1] is c and len(seq) == 3
    del seq[0]
    assert len(seq) == 2 and seq[0] is c
    seq = nn.SequentialCell([a, b, c])
    del seq[0:2]
    assert len(seq) == 1 and seq[0] is c and names(seq) == ["0"]
    seq = nn.SequentialCell([a, b, c])
    seq[-1] = a
    assert seq[2] is a
    x = Tensor(np.array([[-1.0, 2.0]], np.float32))
    assert np.allclose(seq(x).asnumpy(), np.tanh(np.maximum(x.asnumpy(), 0)))
    cells = nn.CellList([a, b, c])
    del cells[0]
    assert [type(m).__name__ for m in cells] == ["Tanh", "Sigmoid"] and names(cells) == ["0", "1"]
    cells[0] = c
    assert cells[0] is c
    same = cells
    cells += [a]
    assert cells is same and len(cells) == 3 and cells[2] is a
    assert isinstance(cells[:2], nn.CellList) and len(cells[:2]) == 2
    del cells[:]
    assert len(cells) == 0 and type(cells).__name__ == "CellList"
    cases = [(TypeError, "the type of 'index' must be int, but got float", lambda: seq.__setitem__(1.0, a)),
             (IndexError, r"must be a number in range \[-3, 3\), but got 5", lambda: seq.__setitem__(5, a)),
             (TypeError, "each cell must be subclass of Cell, but got int", lambda: seq.__setitem__(0, 3)),
             (TypeError, "int type or slice type, but got str", lambda: seq.__delitem__("a")),
             (TypeError, "each cell must be subclass of Cell, but got int", lambda: nn.CellList([a]).__iadd__([3]))]
    for cls, message, call in cases:
        with pytest.raises(cls, match=message):
            call()


def test_cell_registration_errors_as_mindspore():
    t = Tensor(np.ones((2, 3), np.float32))

    class ParamFirst(nn.Cell):
        def __init__(self):
            self.weight = Parameter(t, name="weight")
            super().__init__()

    class CellFirst(nn.Cell):
        def __init__(self):
            self.dense = nn.Dense(2, 2)
            super().__init__()

    with pytest.raises(AttributeError, match="please call Cell.__init__"):
        ParamFirst()
    with pytest.raises(AttributeError, match="please call Cell.__init__"):
        CellFirst()
    with pytest.raises(AttributeError, match="the method 'construct' is not defined"):
        nn.Cell()(t)
    m = nn.Cell()
    m.insert_child_to_cell("dense", nn.Dense(2, 2))
    assert [n for n, _ in m.parameters_and_names()] == ["dense.weight", "dense.bias"]
    for name in ("", "a.b"):
        with pytest.raises(KeyError, match="can not be None and can not contain"):
            m.insert_child_to_cell(name, nn.ReLU())
    for child in (t, Parameter(t, name="p")):
        with pytest.raises(TypeError, match="must be 'Cell' if not None"):
            m.insert_child_to_cell("child", child)

"""``mindspore.common.api`` and ``mindspore.common.tensor``, as MindSpore's own tests import them."""
import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import nn, ops


def test_modules_resolve_through_the_alias():
    from mindspore.common.api import _pynative_executor, jit
    from mindspore.common.tensor import Tensor

    assert jit is ems.jit and Tensor is ems.Tensor
    assert _pynative_executor.sync() is None


def test_pynative_executor_grad_differentiates_the_net():
    from mindspore.common.api import _pynative_executor

    class Net(nn.Cell):
        def construct(self, x):
            return (x * x * x).sum()

    net = Net()
    x = ems.Tensor([1.0, 2.0])
    grad_op = ops.GradOperation()
    _pynative_executor.set_grad_flag(True)
    assert _pynative_executor.grad_flag() is True
    assert _pynative_executor.check_run(grad_op, net, None, None, x) is True
    _pynative_executor.new_graph(net, x)
    out = net(x)
    _pynative_executor.end_graph(net, out, x)
    g = _pynative_executor.grad(net, grad_op, None, None, x)
    np.testing.assert_allclose(g.asnumpy(), [3.0, 12.0])
    # with weights: ((inputs...), (weights...))
    w = ems.Parameter(ems.Tensor([2.0]), name="w")
    f = lambda x: (x * w).sum()
    both = ops.GradOperation(get_all=True, get_by_list=True)
    gi, gw = _pynative_executor.grad(f, both, [w], None, x)
    np.testing.assert_allclose(gi[0].asnumpy(), [2.0, 2.0])
    np.testing.assert_allclose(gw[0].asnumpy(), [3.0])
    _pynative_executor.set_enable_grad(False)
    assert _pynative_executor.enable_grad() is False
    _pynative_executor.set_enable_grad(True)


def test_pynative_executor_grad_rejects_a_non_grad_operation():
    from mindspore.common.api import _pynative_executor

    with pytest.raises(TypeError, match="GradOperation"):
        _pynative_executor.grad(lambda x: x, "grad", None, None, ems.ones(2))


def test_nn_grad_cells_jvp_and_vjp():
    from mindspore.nn.grad import Jvp, Vjp

    cube = lambda x: x ** 3
    x = ems.Tensor(np.array([[1, 2], [3, 4]], np.float32))
    v = ems.Tensor(np.array([[1, 2], [3, 4]], np.float32))
    out, t = Jvp(cube)(x, v)
    np.testing.assert_allclose(out.asnumpy(), [[1, 8], [27, 64]])
    np.testing.assert_allclose(t.asnumpy(), [[3, 24], [81, 192]])
    out, g = Vjp(cube)(x, v)
    np.testing.assert_allclose(g.asnumpy(), [[3, 24], [81, 192]])
    two = lambda a, b: (2 * a, b ** 3)
    ones = ems.ones((2, 2))
    outs, gs = Vjp(two)(x, x, (ones, ones))
    assert isinstance(outs, tuple) and isinstance(gs, tuple) and len(gs) == 2
    np.testing.assert_allclose(gs[0].asnumpy(), [[2, 2], [2, 2]])
    np.testing.assert_allclose(gs[1].asnumpy(), [[3, 12], [27, 48]])
    outs, ts = Jvp(two)(x, x, (ones, ones))
    np.testing.assert_allclose(ts[1].asnumpy(), [[3, 12], [27, 48]])
    with pytest.raises(TypeError):
        Jvp(cube)(x)


@pytest.mark.parametrize("mode", [ems.PYNATIVE_MODE, ems.GRAPH_MODE])
def test_vjp_fn_takes_one_cotangent_per_output_as_mindspore(mode):
    ems.set_context(mode=mode)
    try:
        x = ems.Tensor([1.0, 2.0])
        y = ems.Tensor([3.0, 4.0])
        out, vjp_fn = ops.vjp(lambda a, b: (2 * a, b ** 3), x, y)
        v = ems.ones(2)
        for grads in (vjp_fn(v, v), vjp_fn((v, v))):
            np.testing.assert_allclose(grads[0].asnumpy(), [2.0, 2.0])
            np.testing.assert_allclose(grads[1].asnumpy(), [27.0, 48.0])
        with pytest.raises(TypeError):
            vjp_fn()
    finally:
        ems.set_context(mode=ems.PYNATIVE_MODE)


def test_primitive_classes_are_reachable_from_ops_as_in_mindspore():
    from mindspore import ops as mops
    from mindspore.ops import operations as P

    assert mops.ReLU is P.ReLU and mops.Concat is P.Concat
    np.testing.assert_allclose(mops.ReLU()(ems.Tensor([-1.0, 2.0])).asnumpy(), [0.0, 2.0])
    assert mops.ReduceSum(keep_dims=True)(ems.ones((2, 3)), 1).shape == (2, 1)


def test_composed_elementwise_functions_match_numpy_and_differentiate():
    a = np.array([-1.5, -0.2, 0.0, 0.7, 2.0], np.float64)
    x = ems.Tensor(a)
    for name, ref, dref in [
        ("tan", np.tan, lambda v: 1 / np.cos(v) ** 2),
        ("sinh", np.sinh, np.cosh),
        ("cosh", np.cosh, np.sinh),
        ("floor", np.floor, lambda v: 0 * v),
    ]:
        f = getattr(ops, name)
        np.testing.assert_allclose(f(x).asnumpy(), ref(a), rtol=1e-12, atol=1e-12)
        g = ops.grad(lambda t: f(t).sum())(x)
        np.testing.assert_allclose(g.asnumpy(), dref(a), rtol=1e-10, atol=1e-12)
    nz = np.array([0.5, 4.0, 9.0])
    np.testing.assert_allclose(ops.reciprocal(ems.Tensor(nz)).asnumpy(), 1 / nz)
    np.testing.assert_allclose(ops.rsqrt(ems.Tensor(nz)).asnumpy(), 1 / np.sqrt(nz))
    s = ops.sign(ems.Tensor([-2.0, 0.0, 3.0, float("nan")]))
    np.testing.assert_array_equal(s.asnumpy(), [-1.0, 0.0, 1.0, np.nan])
    assert ops.sign(ems.Tensor([-3, 0, 5])).tolist() == [-1, 0, 1]
    assert ops.Sin().name == "Sin" and ops.ReLU().name == "ReLU"
    np.testing.assert_allclose(ops.Cosh()(x).asnumpy(), np.cosh(a))


def _train_step():
    net = nn.Dense(3, 2)
    opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
    return net, nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)


def test_cell_graph_executor_compiles_without_running():
    from mindspore.common.api import _cell_graph_executor

    net, train = _train_step()
    before = [p.asnumpy().copy() for p in train.get_parameters()]
    x = ems.Tensor(np.ones((4, 3), np.float32))
    y = ems.Tensor(np.zeros((4, 2), np.float32))
    phase, new = _cell_graph_executor.compile(train, x, y)
    assert new is True and phase.startswith("predict.")
    assert _cell_graph_executor.has_compiled(phase)
    # The same shapes and dtypes reuse the graph; another shape is another graph.
    assert _cell_graph_executor.compile(train, x + 1, y) == (phase, False)
    assert _cell_graph_executor.compile(train, ops.ones((5, 3)), ops.zeros((5, 2)))[1] is True
    # Compiling a training step updated nothing: the weights, moments and step are as they were.
    for old, p in zip(before, train.get_parameters()):
        assert np.array_equal(old, p.asnumpy()), p.name
    # Running it does update them.
    loss = _cell_graph_executor(train, x, y)
    assert loss.shape == () and not np.array_equal(before[0], net.weight.asnumpy())


def test_cell_graph_executor_reports_a_network_error_at_compile():
    from mindspore.common.api import _cell_graph_executor

    with pytest.raises(ValueError, match="Dense"):
        _cell_graph_executor.compile(nn.Dense(3, 2), ems.Tensor(np.ones((4, 5), np.float32)))
    with pytest.raises(TypeError, match="callable"):
        _cell_graph_executor.compile(3, ems.Tensor([1.0]))


def test_module_paths_mindspore_code_imports():
    """The module paths MindSpore defines its public classes in, which user and test code import
    from: each gives the package's own object."""
    from mindspore.common import float32, get_seed, jit, set_seed
    from mindspore.common.api import jit_class
    from mindspore.nn.wrap.cell_wrapper import TrainOneStepCell, WithLossCell
    from mindspore.nn.wrap.grad_reducer import DistributedGradReducer
    from mindspore.nn.wrap.loss_scale import TrainOneStepWithLossScaleCell
    from mindspore.ops.primitive import Primitive, constexpr, prim_attr_register
    from mindspore.train.dataset_helper import DatasetHelper
    from mindspore.train.summary.summary_record import SummaryRecord

    assert float32 is ems.float32 and jit is ems.jit and jit_class is ems.jit_class
    assert set_seed(3) is None and get_seed() == 3 and ems.get_seed() == 3
    assert WithLossCell is nn.WithLossCell and TrainOneStepCell is nn.TrainOneStepCell
    assert TrainOneStepWithLossScaleCell is nn.TrainOneStepWithLossScaleCell
    assert DistributedGradReducer is nn.DistributedGradReducer
    assert Primitive is ops.Primitive and constexpr is ops.constexpr
    assert prim_attr_register is ops.prim_attr_register
    assert DatasetHelper is ems.DatasetHelper and SummaryRecord is ems.SummaryRecord
    from mindspore.nn.optim.adam import Adam
    from mindspore.nn.optim.momentum import Momentum
    from mindspore.nn.optim.sgd import SGD
    from mindspore.train.serialization import export, load_checkpoint
    assert Momentum is nn.Momentum and SGD is nn.SGD and Adam is nn.Adam
    from mindspore.experimental.optim.adamw import AdamW
    assert AdamW is ems.experimental.optim.AdamW
    assert export is ems.export and load_checkpoint is ems.load_checkpoint

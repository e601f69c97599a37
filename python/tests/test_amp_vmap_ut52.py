"""Mixed-precision flags, optimizers under ``to_float``, vmap's error classes and
``train._utils._construct_tensor_list``, as MindSpore 2.10 behaves (measured on it)."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Parameter, Tensor, nn, ops
from mindspore.train._utils import _construct_tensor_list


class _Scaled(nn.Cell):
    def __init__(self):
        super().__init__()
        self.dense = nn.Dense(3, 2, weight_init="ones", bias_init="zeros")

    def construct(self, x):
        return self.dense(x) * 0.5


X = Tensor(np.array([[1.0, 2.0, 4.0]], np.float32))


class TestPrecisionFlags:
    def test_fp16_flag_runs_the_cell_in_float16(self):
        net = _Scaled().add_flags_recursive(fp16=True)
        out = net(X)
        assert out.dtype == ms.float16 and net.dense.weight.dtype == ms.float32
        np.testing.assert_allclose(out.asnumpy(), [[3.5, 3.5]])
        assert net.fp16 and net.dense.fp16

    def test_false_flags_keep_the_dtype(self):
        net = _Scaled().add_flags_recursive(fp16=True)
        net.add_flags_recursive(fp16=False)
        assert net(X).dtype == ms.float16
        net.to_float(ms.float32)
        assert net(X).dtype == ms.float32 and net.fp32 and not net.fp16

    def test_sub_cells_run_in_the_outer_cells_dtype(self):
        net = _Scaled()
        net.add_flags(fp16=True)  # only the outer cell: its Dense runs in Float16 too
        out = net(X)
        assert out.dtype == ms.float16 and net.dense.get_flags() == {}
        np.testing.assert_allclose(out.asnumpy(), [[3.5, 3.5]])
        assert _Scaled()(X).dtype == ms.float32  # no leak out of the call


def test_train_step_in_float16_updates_float32_weights():
    net = nn.Dense(3, 2, weight_init="ones", bias_init="zeros")
    loss = nn.WithLossCell(net, nn.MSELoss())
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    step = nn.TrainOneStepCell(loss, opt).to_float(ms.float16)
    first = float(step(X, Tensor(np.zeros((1, 2), np.float32))).asnumpy())
    assert first == pytest.approx(49.0)
    assert net.weight.dtype == ms.float32 and opt.learning_rate.dtype == ms.float32
    # d(mean((w·x)^2))/dw = 2·7·x/... per output: 7·x; after one step w = 1 - 0.1·7·x
    np.testing.assert_allclose(net.weight.asnumpy(), np.tile(1 - 0.7 * X.asnumpy(), (2, 1)), rtol=2e-3)


class _Pair(nn.Cell):
    def construct(self, x, y, z):
        return x + y, z


A = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))


def _total(a):
    return a.sum()


def _constant():
    return A


class TestVmapErrors:
    def test_single_none_axes_are_runtime_errors(self):
        with pytest.raises(RuntimeError, match="'in_axes' of 'vmap' cannot be a single None"):
            ops.vmap(_Pair(), in_axes=None)(A, A, 1)
        with pytest.raises(RuntimeError, match="'out_axes' of 'vmap' cannot be a single None"):
            ops.vmap(_total, out_axes=None)(A)
        with pytest.raises(RuntimeError, match="cannot be all None"):
            ops.vmap(_Pair(), in_axes=(0, 0, None), out_axes=(None, (None,)))(A, A, 1)

    def test_axes_and_sizes_are_runtime_errors(self):
        with pytest.raises(RuntimeError, match=r"The axis: 2 in 'in_axes' is out of bounds .*\[-2,2\)"):
            ops.vmap(_Pair(), in_axes=(2, 0, None))(A, A, 1)
        with pytest.raises(RuntimeError, match="should be equal, but got 3 and 2"):
            ops.vmap(_Pair(), in_axes=(1, 0, None))(A, A, 1)
        with pytest.raises(RuntimeError, match=r"number of results of 'fn': 2, but got size: 3"):
            ops.vmap(_Pair(), in_axes=(0, 0, None), out_axes=(0, 0, 0))(A, A, 1)
        with pytest.raises(RuntimeError, match=r"The axis: 2 in 'out_axes' is out of bounds .*\[-2,2\)"):
            ops.vmap(_Pair(), in_axes=(0, 0, None), out_axes=(2, 0))(A, A, 1)
        with pytest.raises(RuntimeError, match="source is not None and dst is None"):
            ops.vmap(_Pair(), in_axes=(0, 0, None), out_axes=(None, 0))(A, A, 1)
        with pytest.raises(RuntimeError, match="Failed to get 'axis_size'"):
            ops.vmap(_constant)()
        with pytest.raises(TypeError, match="parameters number of the function is 3, but .* is 2"):
            ops.vmap(_Pair(), in_axes=(0, 0, None))(A, A)

    def test_cell_list_checks(self):
        class Assign(nn.Cell):
            def __init__(self, n):
                super().__init__()
                self.p0 = Parameter(Tensor(np.zeros(3, np.float32)), name="p0")
                if n > 1:
                    self.p1 = Parameter(Tensor(np.zeros(3, np.float32)), name="p1")

            def construct(self, x):
                return x + self.p0

        class TwoArgs(nn.Cell):
            def construct(self, x, y):
                return x

        rows = Tensor(np.ones((3, 3), np.float32))
        with pytest.raises(RuntimeError, match="must be greater than 1, but got 1"):
            ops.vmap(nn.CellList([Assign(1)]))(rows)
        with pytest.raises(RuntimeError, match="inputs should be consistent"):
            ops.vmap(nn.CellList([Assign(1), TwoArgs()]))(rows)
        with pytest.raises(ValueError, match="axis_size: 3 and the cell size: 2"):
            ops.vmap(nn.CellList([Assign(1), Assign(1)]))(rows)
        # a Parameter a cell does not use is not counted (MindSpore compares the used ones)
        out = ops.vmap(nn.CellList([Assign(1), Assign(2)]))(Tensor(np.ones((2, 3), np.float32)))
        np.testing.assert_allclose(out.asnumpy(), np.ones((2, 3)))


def test_construct_tensor_list():
    a, b = _construct_tensor_list((ms.float32, ms.int32), ((2, 3), (4,)), batch_expand_num=3)
    assert a.shape == (6, 3) and a.dtype == ms.float32 and not a.asnumpy().any()
    assert b.shape == (12,) and b.dtype == ms.int32
    with pytest.raises(ValueError, match="length of dataset types must be equal"):
        _construct_tensor_list((ms.float32,), ((1,), (2,)))


class _Offset(nn.Cell):
    def __init__(self):
        super().__init__()
        self.bias = Parameter(Tensor([1.0], ms.float32), name="bias_u52")

    @ms.jit
    def construct(self, p):
        return p + self.bias


def _add(a, b):
    return a + b


class TestParameterNamesInGraphs:
    def test_two_parameter_arguments_may_not_share_a_name(self):
        add = ms.jit(_add)
        a = Parameter(Tensor([1.0], ms.float32), name="twin_u52")
        b = Parameter(Tensor([2.0], ms.float32), name="twin_u52")
        with pytest.raises(ValueError, match="its name 'twin_u52' already exists"):
            add(a, b)
        np.testing.assert_allclose(add(a, a).asnumpy(), [2.0])  # the same Parameter twice is fine

    def test_an_argument_may_not_share_a_name_with_the_cells_parameter(self):
        net = _Offset()
        with pytest.raises(ValueError, match="its name 'bias_u52' already exists"):
            net(Parameter(Tensor([5.0], ms.float32), name="bias_u52"))
        np.testing.assert_allclose(net(Parameter(Tensor([5.0], ms.float32), name="other_u52")).asnumpy(), [6.0])
        np.testing.assert_allclose(net(net.bias).asnumpy(), [2.0])

    def test_parameter_sequences_of_a_cell_may_not_share_a_name(self):
        class Holder(nn.Cell):
            def __init__(self, second):
                super().__init__()
                self.first = (Parameter(Tensor([1.0], ms.float32), name="seq_u52"),)
                self.second = second

            def construct(self, x):
                return x + self.first[0]

        with pytest.raises(ValueError, match="its name 'seq_u52' already exists"):
            Holder([Parameter(Tensor([2.0], ms.float32), name="seq_u52")])
        net = Holder([Parameter(Tensor([2.0], ms.float32), name="seq2_u52")])
        np.testing.assert_allclose(net(Tensor([1.0], ms.float32)).asnumpy(), [2.0])

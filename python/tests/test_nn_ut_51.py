"""Cell attribute slots, compile-time name checks, FocalLoss label shapes, SSIM checks, Softmax's
primitive, surface-distance formulas, hooks and bprop rules in graph mode, user primitives and
the helper modules MindSpore's unit tests import: each against what MindSpore 2.10 does
(measured on its CPU build)."""
import contextlib

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, nn, ops
from easy_mindspore.common.api import _cell_graph_executor
from easy_mindspore.ops import operations as P
from easy_mindspore.ops._grad_experimental.grad_base import bprop_getters
from easy_mindspore.ops._grad_experimental.grad_math_ops import binop_grad_common
from easy_mindspore.ops._utils import get_broadcast_shape
from easy_mindspore.ops.composite.base import core
from easy_mindspore.ops.primitive import PrimitiveWithInfer, prim_attr_register
from easy_mindspore._extends.parse.standard_method import ms_len
from easy_mindspore.train import MeanSurfaceDistance, RootMeanSquareDistance

T2 = Tensor(np.ones([2, 3], np.float32))


@contextlib.contextmanager
def graph_mode():
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        yield
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)


class _Holder(nn.Cell):
    def __init__(self, weight=True):
        super().__init__()
        if weight:
            self.weight = Parameter(T2, name="weight")


def _assign(*values):
    """A Cell with ``x`` set to each value in turn (a callable value is called first)."""
    c = nn.Cell()
    for v in values:
        setattr(c, "x", v() if callable(v) and not isinstance(v, (nn.Cell, Tensor)) else v)
    return c


def _p():
    return Parameter(T2, name="w")


# ---- Cell attribute slots ------------------------------------------------------------------

def test_none_keeps_a_parameter_or_cell_slot():
    c = _assign(_p, None)
    assert c.x is None and list(c.parameters_dict()) == []
    c.x = _p()                                    # a Parameter again: fine
    assert list(c.parameters_dict()) == ["w"]
    with pytest.raises(KeyError, match="x child cell already exists"):
        _assign(_p, None, _Holder())
    with pytest.raises(TypeError, match="Parameter 'x' already exists in network"):
        _assign(_p, None, 3)
    with pytest.raises(AttributeError):               # MindSpore: None has no set_data
        _assign(_p, None, T2)
    with pytest.raises(TypeError, match="Sub cell 'x' already exists in network, can not assign "
                                        "this type: '<class 'int'>' as a cell."):
        _assign(_Holder(), None, 3)
    with pytest.raises(KeyError, match="x parameter already exists"):
        _assign(_Holder(), None, _p)
    c = _assign(_Holder(), None, _Holder())
    assert [n for n, _ in c.cells_and_names()] == ["", "x"]


def test_a_slot_refuses_the_other_kind():
    with pytest.raises(KeyError, match="For 'insert_child_to_cell'"):
        _assign(_p, _Holder())
    with pytest.raises(KeyError, match="For 'insert_param_to_cell'"):
        _assign(_Holder(), _p)
    with pytest.raises(TypeError, match="Sub cell 'x'"):
        _assign(_Holder(), [1])
    c = _assign(3, _p)                            # a plain attribute may become a Parameter
    assert list(c.parameters_dict()) == ["w"]
    c = nn.Cell()
    c.z = 5
    with pytest.raises(KeyError, match="the z child cell already exists"):
        c.insert_child_to_cell("z", nn.ReLU())
    c.insert_child_to_cell("c", None)
    with pytest.raises(TypeError, match="Sub cell 'c'"):
        c.c = 3
    c.insert_param_to_cell("p", None)
    with pytest.raises(TypeError, match="Parameter 'p'"):
        c.p = 3
    c.insert_param_to_cell("p", Parameter(T2, name="pp"))
    assert [p.name for p in c.get_parameters()] == ["pp"]


def test_compile_refuses_parameters_with_one_name():
    class Dup(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w2 = Parameter(T2, name="weight")
            self.w1 = Parameter(T2, name="weight")

        def construct(self, x):
            return x + self.w1

    with pytest.raises(ValueError, match="The value of w1 is Parameter \\(name=weight, shape=\\(2, 3\\), "
                                         "dtype=Float32, requires_grad=True\\), its name 'weight' already "
                                         "exists. Please set a unique name for the parameter."):
        _cell_graph_executor.compile(Dup(), T2)
    np.testing.assert_array_equal(Dup()(T2).asnumpy(), np.full((2, 3), 2.0))  # a call is fine


# ---- FocalLoss -----------------------------------------------------------------------------

def test_focal_loss_labels_keep_their_own_rows():
    x = Tensor([[0.8, 1.4], [0.5, 0.9], [1.2, 0.9]], ms.float32)

    def fl(labels, red="none", **kw):
        return nn.FocalLoss(gamma=2.0, reduction=red, **kw)(x, Tensor(labels, ms.int32)).asnumpy()

    # MindSpore 2.10 (its float32 kernels differ in the 5th digit)
    np.testing.assert_allclose(fl([[1]]), [0.05493012], rtol=2e-5)
    np.testing.assert_allclose(fl([[1]], "mean"), 0.054930124, rtol=2e-5)
    np.testing.assert_allclose(fl([[1], [0]]), [0.05493012, 0.32724684], rtol=2e-5)
    np.testing.assert_allclose(fl([[-1], [0], [1]]), [0.05493012, 0.32724684, 0.2819232], rtol=2e-5)
    np.testing.assert_allclose(fl([[0, 1]]), [[0, 0.05493012], [0, 0.08262068], [0, 0.2819232]],
                               rtol=2e-5, atol=1e-7)
    np.testing.assert_allclose(fl([[1]], weight=Tensor([1.0, 2.0, 3.0])), [0.10986025], rtol=2e-5)
    with pytest.raises(ValueError):                  # more label rows than logits rows
        fl([[1], [0], [1], [0]])
    with pytest.raises(RuntimeError):                # a class index outside [-C, C)
        fl([[2], [0], [1]])
    with pytest.raises(RuntimeError):                # outside the weight
        fl([[1]], weight=Tensor([2.0]))
    with pytest.raises(ValueError, match="the 'labels'.shape\\[1\\] must be one or equal to "
                                         "'logits'.shape\\[1\\]: 2, but got 3."):
        fl([[1, 0, 1]])
    with pytest.raises(TypeError):
        nn.FocalLoss()(Tensor([[1, 2]], ms.int32), Tensor([[1]], ms.int32))


# ---- SSIM, PSNR ----------------------------------------------------------------------------

def test_ssim_checks_in_mindsporeS_order():
    r = np.random.default_rng(0).random
    f32 = Tensor(r((2, 3, 16, 16)), ms.float32)
    with pytest.raises(TypeError, match="should be one of \\[mindspore.float32, mindspore.float16\\], "
                                        "but got 'mindspore.float64'"):
        nn.SSIM()(Tensor(r((2, 3, 16, 16))), Tensor(r((2, 3, 8, 8))))
    with pytest.raises(ValueError, match="the dimension of 'img1' must be 4d, but got 5"):
        nn.SSIM()(Tensor(r((2, 3, 16, 16, 1)), ms.float32), f32)
    with pytest.raises(ValueError, match="the img1 shape\\[3\\] should be >= filter_size: 11, but got 8"):
        nn.SSIM()(Tensor(r((2, 3, 16, 8)), ms.float32), f32)
    with pytest.raises(TypeError, match="the x dtype should be = y dtype: Tensor\\[Float16\\], but got "
                                        "Tensor\\[Float32\\]"):
        nn.SSIM()(f32, Tensor(r((2, 3, 8, 8)), ms.float16))
    with pytest.raises(ValueError, match="the x shape should be = y shape: \\[2, 3, 8, 8\\], but got "
                                         "\\[2, 3, 16, 16\\]"):
        nn.SSIM()(f32, Tensor(r((2, 3, 8, 8)), ms.float32))
    with pytest.raises(ValueError, match="the dimension of 'img2' must be 4d"):
        nn.PSNR()(f32, Tensor(r((2, 3, 16, 16, 1)), ms.float32))
    assert nn.SSIM()(f32, f32).dtype == ms.float32


# ---- Softmax, SparseGatherV2 ---------------------------------------------------------------

def test_softmax_holds_its_primitive():
    assert nn.Softmax(1).softmax.axis == (1,)
    assert nn.Softmax().softmax.axis == (-1,)
    assert nn.Softmax((0,)).softmax.axis == (0,)
    assert nn.LogSoftmax(0).log_softmax.axis == 0
    x = Tensor(np.ones([3, 2], np.float32))
    np.testing.assert_allclose(nn.Softmax((1,))(x).asnumpy(), np.full((3, 2), 0.5))
    layer = nn.Softmax((0, 1))                        # built; a call needs one axis (CPU)
    with pytest.raises(RuntimeError):
        layer(x)
    with pytest.raises(TypeError, match="the type of 'axis' should be one of"):
        nn.Softmax([1])


def test_sparse_gather_v2_gathers():
    # MindSpore 2.10 has no CPU kernel for it (an 'Unsupported op' RuntimeError); here it gathers
    out = P.SparseGatherV2()(Tensor(np.arange(6, dtype=np.float32).reshape(3, 2)), Tensor([2, 0], ms.int32), 0)
    assert out.asnumpy().tolist() == [[4.0, 5.0], [0.0, 1.0]]


# ---- surface distances ---------------------------------------------------------------------

def test_surface_distance_formulas_of_mindspore():
    x = Tensor(np.array([[3, 0, 1], [1, 3, 0], [1, 0, 2]]))
    y = Tensor(np.array([[0, 2, 1], [1, 2, 1], [0, 0, 1]]))
    y2 = Tensor(np.array([[0, 0, 1], [0, 2, 1], [2, 0, 1]]))

    def ev(cls, a, b, **kw):
        m = cls(**kw)
        m.clear()
        m.update(a, b, 0)
        return m.eval()

    assert ev(RootMeanSquareDistance, x, y) == pytest.approx(1.0000000000000002, rel=1e-15)
    assert ev(RootMeanSquareDistance, x, y2) == pytest.approx(0.6666666666666669, rel=1e-14)
    assert ev(RootMeanSquareDistance, x, y, symmetric=True) == pytest.approx(0.9128709291752769, rel=1e-14)
    assert ev(RootMeanSquareDistance, y, y2, symmetric=True) == pytest.approx(0.6454972243679028, rel=1e-14)
    assert ev(MeanSurfaceDistance, x, y2, symmetric=True) == pytest.approx(0.5374789556921528, rel=1e-14)
    assert ev(MeanSurfaceDistance, y, y2, symmetric=True) == pytest.approx(0.41666666666666663, rel=1e-14)
    m = RootMeanSquareDistance().set_indexes([0, 2, 3])
    m.update(x, y, y2, 0)
    assert m.eval() == pytest.approx(0.6666666666666669, rel=1e-14)


# ---- hooks and bprop rules in graph mode ---------------------------------------------------

def test_hook_backward_is_dropped_in_graph_mode():
    seen = []
    hook = P.HookBackward(lambda g: seen.append(g))

    def f(x, y):
        return (hook(x) * y).sum()

    x, y = Tensor([2.0]), Tensor([3.0])
    with graph_mode():
        g = ops.GradOperation()(f)(x, y)
    assert seen == [] and g.asnumpy().tolist() == [3.0]
    g = ops.GradOperation()(f)(x, y)                  # PyNative: the hook runs
    assert len(seen) == 1 and g.asnumpy().tolist() == [3.0]


class _TwoOut(nn.Cell):
    def construct(self, x):
        return x + 1, x + 2

    def bprop(self, x, out, dout):
        return out[1]


class _First(nn.Cell):
    def __init__(self):
        super().__init__()
        self.inner = _TwoOut()

    def construct(self, x):
        return self.inner(x)[0]


def test_bprop_must_return_a_tuple_in_graph_mode():
    x = Tensor([1.0])
    assert ops.GradOperation(get_all=True)(_First())(x)[0].asnumpy().tolist() == [3.0]
    with graph_mode(), pytest.raises(TypeError, match="For bprop function, output should be a tuple"):
        ops.GradOperation(get_all=True)(_First())(x)


# ---- user primitives -----------------------------------------------------------------------

class _Twice(PrimitiveWithInfer):
    @prim_attr_register
    def __init__(self, k=1):
        pass

    def __call__(self, x):
        return x * 2


@bprop_getters.register(_Twice)
def _twice_bprop(prim):
    k = prim.k

    def bprop(x, out, dout):
        return (dout * 10 * k,)
    return bprop


class _NoKernel(PrimitiveWithInfer):
    @prim_attr_register
    def __init__(self, bad=False):
        pass

    def infer_shape(self, x):
        return x

    def infer_dtype(self, x):
        if self.bad:
            raise TypeError("InferError")
        assert str(x) == "Tensor[Float32]"
        return x


def test_registered_bprop_is_the_gradient_in_graph_mode_only():
    x = Tensor([1.0, 2.0])

    def f(t):
        return _Twice(3)(t * t).sum()

    np.testing.assert_allclose(ms.grad(f)(x).asnumpy(), [4.0, 8.0])          # PyNative
    np.testing.assert_allclose(ms.jit(ms.grad(f))(x).asnumpy(), [60.0, 120.0])
    with graph_mode():
        np.testing.assert_allclose(ms.grad(f)(x).asnumpy(), [60.0, 120.0])
    assert "_Twice" in bprop_getters
    with pytest.raises(TypeError):
        bprop_getters.register(3)


def test_a_primitive_without_call_runs_its_infer_then_has_no_kernel():
    x = Tensor([1.0, 2.0])
    with pytest.raises(TypeError, match="InferError"):
        _NoKernel(True)(x)
    with pytest.raises(RuntimeError, match="Unsupported op \\[_NoKernel\\] on CPU"):
        _NoKernel()(x)


# ---- helper modules ------------------------------------------------------------------------

def test_helpers_of_mindspore_unit_tests():
    assert get_broadcast_shape((2, 1, 3), (4, 1), "Add") == [2, 4, 3]
    assert get_broadcast_shape((2, -1), (1, 3), "Mul") == [2, 3]
    with pytest.raises(ValueError, match="For 'Add', x.shape and y.shape need to broadcast. The value "
                                         "of x.shape\\[-2\\] or y.shape\\[-2\\] must be 1 or -1"):
        get_broadcast_shape((2, 3), (4, 3), "Add")
    dx, dy = binop_grad_common(Tensor([[1.0, 2.0, 3.0]]), Tensor([[1.0], [2.0]]), ops.ones((2, 3)),
                               ops.ones((2, 3)) * 2)
    assert dx.asnumpy().tolist() == [[2.0, 2.0, 2.0]] and dy.asnumpy().tolist() == [[6.0], [6.0]]
    dx, _ = binop_grad_common(Tensor(2.0), Tensor([1.0, 2.0]), ops.ones((2,)), ops.ones((2,)))
    assert dx.shape == () and float(dx) == 2.0
    assert ms_len((1, 2, 3)) == 3 and ms_len({"a": 1}) == 1
    assert ms_len(Tensor(np.ones((4, 2)))) == 4
    with pytest.raises(TypeError, match="Not support len of a 0-D tensor"):
        ms_len(Tensor(3.0))
    with pytest.raises(AttributeError):
        ms_len(5)

    @core(loop_can_unroll=True)
    def f(v):
        return v

    assert f._func_graph_flags == {"core": True, "loop_can_unroll": True}
    net = core(nn.ReLU(), predit=True)
    assert net.get_flags() == {"core": True, "predit": True}

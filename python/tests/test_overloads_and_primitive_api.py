"""MindSpore 2.10's overloads and objects its own documentation examples use: ``Tensor.gather``/
``index_add``/``scatter``/``flatten``/``view``/``argmax_with_value``/``assign_value`` in each of
their forms, ``nn.CellList.insert``/``extend``, ``nn.MaxPool1d(return_indices=True)``, and
``ops.Primitive``/``prim_attr_register`` with MindSpore's reprs. The expected values were printed
by MindSpore 2.10 on CPU for the same calls."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops


def test_argmax_with_value_over_all_elements():
    x = Tensor([[9, 3, 4, 5], [5, 2, 7, 4], [8, 1, 3, 6]])
    v, i = x.argmax_with_value(axis=None, keep_dims=True)
    assert v.shape == () and int(v) == 9 and int(i) == 0 and i.dtype == ms.int64
    v, i = x.argmin_with_value(axis=None)
    assert int(v) == 1 and int(i) == 9
    v, i = x.argmax_with_value(axis=1, keep_dims=True)
    assert v.asnumpy().tolist() == [[9], [7], [8]] and i.asnumpy().tolist() == [[0], [2], [0]]


def test_assign_value_takes_the_new_shape_and_dtype():
    x = Tensor([1, 2, 3, 4])
    assert x.assign_value(Tensor([[1.5, 2.5]])) is x
    assert x.shape == (1, 2) and x.dtype == ms.float32 and x.asnumpy().tolist() == [[1.5, 2.5]]
    y = Tensor([1.0, 2.0])
    y.assign_value(Tensor([3.0, 4.0]))
    assert y.asnumpy().tolist() == [3.0, 4.0]


def test_flatten_orders():
    x = Tensor(np.arange(6).reshape(2, 3))
    assert x.flatten(order='F').asnumpy().tolist() == [0, 3, 1, 4, 2, 5]
    assert x.flatten('C').asnumpy().tolist() == [0, 1, 2, 3, 4, 5]
    assert Tensor(np.ones((1, 2, 3, 4))).flatten(0, -1).shape == (24,)
    assert Tensor(np.ones((2, 3, 4))).flatten(1).shape == (2, 12)
    with pytest.raises(ValueError, match="'C' or 'F'"):
        x.flatten(order='X')


def test_view_as_another_dtype():
    a = Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32))
    assert a.view(ms.int32).asnumpy().tolist() == [[1065353216, 1073741824], [1077936128, 1082130432]]
    h = a.view(ms.float16)
    assert h.shape == (2, 4) and h.asnumpy()[0].tolist() == [0.0, 1.875, 0.0, 2.0]
    assert a.view(ms.uint8).shape == (2, 8) and a.view(ms.float64).shape == (2, 1)
    assert a.view(-1, 2).shape == (2, 2) and a.view(4).shape == (4,)
    with pytest.raises(ValueError):
        Tensor(np.ones(3, np.float32)).view(ms.float64)


def test_gather_overloads():
    x = Tensor(np.array([[-0.1, 0.3, 3.6], [0.4, 0.5, -3.2]]), ms.float32)
    idx = Tensor([[0, 0], [1, 1]], ms.int32)
    np.testing.assert_allclose(x.gather(1, idx).asnumpy(), [[-0.1, -0.1], [0.5, 0.5]], rtol=1e-6)
    np.testing.assert_allclose(x.gather(dim=1, index=idx).asnumpy(), [[-0.1, -0.1], [0.5, 0.5]], rtol=1e-6)
    np.testing.assert_allclose(x.gather(Tensor([0, 1], ms.int32), 1).asnumpy(), [[-0.1, 0.3], [0.4, 0.5]], rtol=1e-6)
    p = Tensor(np.array([1, 2, 3, 4, 5, 6, 7]), ms.float32)
    assert p.gather(input_indices=Tensor([0, 2, 4, 2, 6], ms.int32), axis=0).asnumpy().tolist() == [1, 3, 5, 3, 7]


def test_index_add_overloads():
    x = Tensor(np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), ms.float32)
    y = Tensor(np.array([[0.5, 1.0], [1.0, 1.5], [2.0, 2.5]]), ms.float32)
    out = x.index_add(Tensor([0, 2], ms.int32), y, axis=1)
    assert out.asnumpy().tolist() == [[1.5, 2.0, 4.0], [5.0, 5.0, 7.5], [9.0, 8.0, 11.5]]
    # MindSpore 2.10's CPU also writes that result into x; the documentation returns a new tensor.
    assert x.asnumpy().tolist() == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    ones = Tensor(np.ones((3, 2)), ms.float32)
    assert x.index_add(1, Tensor([0, 2], ms.int32), ones, alpha=2).asnumpy().tolist() == \
        [[3, 2, 5], [6, 5, 8], [9, 8, 11]]


def test_scatter_forms():
    x = Tensor(np.array([[1, 2, 3, 4, 5]]), ms.float32)
    index, src = Tensor([[2, 4]], ms.int64), Tensor([[8.0, 8.0]])
    for out in (x.scatter(dim=1, index=index, src=src), x.scatter(axis=1, index=index, src=src),
                x.scatter(1, index, src)):
        assert out.asnumpy().tolist() == [[1, 2, 8, 4, 8]]
    assert x.scatter(1, index, 0.5).asnumpy().tolist() == [[1, 2, 0.5, 4, 0.5]]
    assert x.scatter(1, index, src, reduce='add').asnumpy().tolist() == [[1, 2, 11, 4, 13]]
    with pytest.raises(RuntimeError):
        x.scatter(1, index, 2.0, reduce='multiply')
    with pytest.raises(TypeError):
        x.scatter(dim=1, index=index, value=3.0)


def test_cell_list_insert_and_extend():
    bn, relu = nn.BatchNorm2d(2), nn.ReLU()
    cells = nn.CellList([bn])
    conv = nn.Conv2d(3, 2, 3)
    cells.insert(0, conv)
    assert cells.append(relu) is None and cells.extend([relu, relu]) is cells  # MindSpore 2.10
    assert [type(c).__name__ for c in cells] == ["Conv2d", "BatchNorm2d", "ReLU", "ReLU", "ReLU"]
    names = [n for n, _ in cells.parameters_and_names()]   # MindSpore 2.10's names after the insert
    assert names == ["0.weight", "1.moving_mean", "1.moving_variance", "1.gamma", "1.beta"]
    assert cells[3](Tensor(np.ones((2, 3), np.float32))).shape == (2, 3)
    with pytest.raises(TypeError):
        cells.insert(0, 3)


def test_max_pool_1d_with_indices():
    x = Tensor(np.random.default_rng(0).integers(0, 10, (5, 3, 4)), ms.float32)
    out, idx = nn.MaxPool1d(kernel_size=2, stride=1, pad_mode="pad", padding=1, dilation=1, return_indices=True)(x)
    assert out.shape == (5, 3, 5) and idx.shape == (5, 3, 5)


def test_primitive_objects_as_mindspore():
    assert repr(ops.ReduceMean()) == "Prim[ReduceMean]<keep_dims=False>"
    assert repr(ops.Concat(1)) == "Prim[Concat]<axis=1>" and repr(ops.ReLU()) == "Prim[ReLU]"
    assert repr(ops.MatMul(transpose_b=True)) == "Prim[MatMul]<transpose_a=False, transpose_b=True>"
    assert repr(ops.Pad(((1, 1), (2, 2)))) == "Prim[Pad]<paddings=((1, 1), (2, 2))>"
    assert float(ops.Primitive('Add')(Tensor(1.0), Tensor(2.0))) == 3.0

    class Add(ops.Primitive):
        @ops.prim_attr_register
        def __init__(self, attr1, attr2=5):
            """An operator with two attributes."""

    a = Add(attr1=1)
    assert (a.name, a.attrs, a.attr1, a.attr2) == ("Add", {"attr1": 1, "attr2": 5}, 1, 5)
    assert repr(a) == "Prim[Add]<attr1=1, attr2=5>"
    a.add_prim_attr("k", 3)
    a.init_prim_io_names(inputs=["x"], outputs=["y"])
    assert a.attrs == {"attr1": 1, "attr2": 5, "k": 3, "input_names": ["x"], "output_names": ["y"]}
    assert a.set_prim_instance_name("inst").instance_name == "inst"

    class Double(ops.PrimitiveWithInfer):
        @ops.prim_attr_register
        def __init__(self):
            pass

        def __call__(self, x):
            return x * 2

    assert Double()(Tensor([1.0, 2.0])).asnumpy().tolist() == [2.0, 4.0]
    with pytest.raises(RuntimeError):
        ops.Primitive("NoSuchPrimitive")(Tensor(1.0))


def test_auto_prefix_false_keeps_the_childrens_parameter_names():
    class Wrapper(nn.Cell):
        def __init__(self, net):
            super().__init__(auto_prefix=False)
            self.net = net

        def construct(self, x):
            return self.net(x)

    class Outer(nn.Cell):
        def __init__(self):
            super().__init__()
            self.inner = Wrapper(nn.Dense(2, 3))

        def construct(self, x):
            return self.inner(x)

    # MindSpore 2.10's names: the paths keep the attribute, the Parameters' names do not.
    w = Wrapper(nn.Dense(2, 3))
    assert [n for n, _ in w.parameters_and_names()] == ["net.weight", "net.bias"]
    assert list(w.parameters_dict()) == ["weight", "bias"]
    assert [p.name for p in Outer().trainable_params()] == ["inner.net.weight", "inner.net.bias"]


def test_updates_return_the_new_value_as_a_tensor():
    # MindSpore 2.10 shows Tensor(shape=[1], dtype=Float32, value= [ 2.00000000e+00]), not the Parameter.
    p = ms.Parameter(Tensor([1.0]), name="variable")
    out = ops.assign(p, Tensor([2.0]))
    assert not isinstance(out, ms.Parameter) and repr(out).startswith("Tensor(shape=[1], dtype=Float32")
    w = ms.Parameter(Tensor([1.0, 2.0]), name="w")
    assert ops.ApplyGradientDescent()(w, Tensor(0.1), Tensor([1.0, 3.0])).asnumpy().tolist() == \
        pytest.approx([0.9, 1.7])


def test_roi_align_region_sizes_as_mindspore():
    features = Tensor(np.array([[[[1.0, 2.0], [3.0, 4.0]]]]), ms.float32)
    out = ops.ROIAlign(2, 2, 0.5, 2)(features, Tensor([[0, 0.2, 0.3, 0.2, 0.3]], ms.float32))
    # MindSpore 2.10's documented example: a half-pixel region in roi_end_mode 1 is not widened.
    np.testing.assert_allclose(out.asnumpy(), [[[[1.775, 2.025], [2.275, 2.525]]]], rtol=1e-6)
    f = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
    np.testing.assert_allclose(ops.ROIAlign(2, 2, 1.0, 2, 0)(f, Tensor([[0.0, 0.2, 0.3, 0.6, 0.8]])).asnumpy(),
                               [[[[2.65, 3.15], [4.65, 5.15]]]], rtol=1e-6)
    assert ops.InvertPermutation()([3, 4, 0, 2, 1]) == (2, 4, 3, 0, 1)
    assert type(nn.CellDict({"a": nn.ReLU()}).keys()).__name__ == "odict_keys"


def test_control_flow_primitives_and_hook_backward(capsys):
    # MindSpore 2.10's documented results.
    assert ops.WhileLoop()(lambda x: x < 100, lambda x: x + 1, 10) == 100
    assert ops.ForiLoop()(0, 4, lambda i, res: i + res, 0) == 6
    assert ops.Scan()(lambda res, el: (res + el, res + el), 0, [1, 2, 3, 4]) == (10, [1, 3, 6, 10])
    carry, ys = ops.Scan()(lambda c, _: (c * 2, c), Tensor(1.0), None, length=3)
    assert float(carry) == 8.0 and [float(y) for y in ys] == [1.0, 2.0, 4.0]
    assert float(ops.ForiLoop()(0, 3, lambda i, v: v * 2, Tensor(1.0))) == 8.0
    with pytest.raises(TypeError):
        ops.WhileLoop()(1, lambda x: x, 0)

    hook = ops.HookBackward(lambda grad: print("grad", grad[0]))
    gx, gy = ms.grad(lambda x, y: hook(x * y) * y, (0, 1))(Tensor(1.0), Tensor(2.0))
    assert float(gx) == 4.0 and float(gy) == 4.0 and "grad 2.0" in capsys.readouterr().out
    double = ops.HookBackward(lambda grad: (grad[0] * 2,))
    assert float(ms.grad(lambda x: double(x * 3.0))(Tensor(1.0))) == 6.0


def test_graph_helpers_reach_ops(capsys):
    add = ops.MultitypeFuncGraph("add")

    @add.register("Number", "Number")
    def add_scalar(x, y):
        return x + y

    assert add(1, 2) == 3 and ops.HyperMap is not None and ops.Map is not None
    ops.print_("x:", Tensor([1, 2], ms.int32))
    assert capsys.readouterr().out == "x:\nTensor(shape=[2], dtype=Int32, value= [1, 2])\n"
    x = Tensor([1.0, 2.0])
    assert x.set_const_arg(True) is x and x.const_arg is True and Tensor([1.0]).const_arg is False


def test_ctc_loss_of_an_unbatched_sample():
    # MindSpore 2.10's documented example: T = 5, C = 2, targets of ones.
    loss_fn = nn.CTCLoss(blank=0, reduction="none", zero_infinity=False)
    batched = loss_fn(Tensor(np.arange(20).reshape(5, 2, 2), ms.float32), Tensor(np.ones((2, 3)), ms.int32),
                      Tensor([5, 5], ms.int32), Tensor([2, 2], ms.int32))
    np.testing.assert_allclose(batched.asnumpy(), [-45.79497, -55.794968], rtol=1e-6)
    single = loss_fn(Tensor(np.arange(10).reshape(5, 2), ms.float32), Tensor(np.ones(2), ms.int32),
                     Tensor([5], ms.int32), Tensor([2], ms.int32))
    assert single.shape == () and abs(float(single) + 25.794968) < 1e-4


def test_loss_base_optimizer_target_and_no_init_parameters():
    base = nn.LossBase(reduction="mean")
    x = Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32))
    # MindSpore 2.10: (0, 1), 2.5 and 0.75.
    assert base.get_axis(Tensor(np.ones((2, 3)))) == (0, 1)
    assert float(base.get_loss(x)) == 2.5 and float(base.get_loss(x, Tensor([[1.0], [0.0]]))) == 0.75
    opt = nn.SGD([ms.Parameter(Tensor([1.0]), name="w")])
    assert opt.target == "CPU"
    opt.target = "CPU"
    with pytest.raises(ValueError):
        opt.target = "Ascend"
    assert opt.unique is True
    opt.unique = False
    assert opt.unique is False
    with pytest.raises(TypeError):
        opt.unique = 1
    from mindspore.nn.utils import no_init_parameters
    with no_init_parameters():
        net = nn.Dense(2, 3)
    assert net.weight.shape == (3, 2) and ms.constexpr is ops.constexpr


def test_a_custom_optimizer_with_mindspores_helpers():
    class MySGD(nn.Optimizer):
        def __init__(self, params, learning_rate, weight_decay=0.0, loss_scale=1.0):
            super().__init__(learning_rate, params, weight_decay, loss_scale)
            self.moments = self.parameters.clone(prefix="moments", init="zeros")

        def construct(self, gradients):
            gradients = self.decay_weight(gradients)
            gradients = self.gradients_centralization(gradients)
            gradients = self.scale_grad(gradients)
            for p, g in zip(self.parameters, gradients):
                ops.assign(p, p - 0.5 * g)
            return True

    w = ms.Parameter(Tensor([1.0, 2.0]), name="w")
    beta = ms.Parameter(Tensor([1.0]), name="bn.beta")   # not decayed, as MindSpore's default filter
    opt = MySGD([w, beta], 0.5, weight_decay=0.1, loss_scale=2.0)
    assert [p.name for p in opt.moments] == ["moments.w", "moments.bn.beta"]
    grads = opt.decay_weight((Tensor([2.0, 2.0]), Tensor([2.0])))
    # grad + wd·loss_scale·w, as MindSpore's decay_weight (its weight decay carries the loss scale)
    np.testing.assert_allclose(grads[0].asnumpy(), [2.2, 2.4], rtol=1e-6)
    assert grads[1].asnumpy().tolist() == [2.0]
    np.testing.assert_allclose(opt.scale_grad(grads)[0].asnumpy(), [1.1, 1.2], rtol=1e-6)
    assert opt((Tensor([2.0, 2.0]), Tensor([2.0]))) is True
    np.testing.assert_allclose(w.asnumpy(), [1.0 - 0.55, 2.0 - 0.6], rtol=1e-6)
    g = ms.Parameter(Tensor(np.ones((2, 16), np.float32)), name="g")
    centred = MySGD([{"params": [g], "grad_centralization": True}], 0.5).gradients_centralization(
        (Tensor(np.arange(32, dtype=np.float32).reshape(2, 16)),))
    np.testing.assert_allclose(centred[0].asnumpy().mean(1), [0.0, 0.0], atol=1e-5)


def test_spectral_primitives():
    x = np.array([2.0, 1.0, 2.0])
    out = ops.FFTWithSize(signal_ndim=1, inverse=False, real=False)(Tensor(x, ms.complex64))
    np.testing.assert_allclose(out.asnumpy(), np.fft.fft(x), atol=1e-6)
    back = ops.FFTWithSize(signal_ndim=1, inverse=True, real=False)(out)
    np.testing.assert_allclose(back.asnumpy(), x, atol=1e-6)
    r = np.array([[2.0, 1.0, 2.0], [3.0, 1.0, 6.0]], np.float32)
    half = ops.FFTWithSize(signal_ndim=2, inverse=False, real=True)(Tensor(r))
    np.testing.assert_allclose(half.asnumpy(), np.fft.rfft2(r), atol=1e-5)
    real = ops.FFTWithSize(signal_ndim=2, inverse=True, real=True, signal_sizes=(2, 3))(half)
    np.testing.assert_allclose(real.asnumpy(), r, atol=1e-5)
    # MindSpore 2.10's documented shape.
    rng = np.random.default_rng(0)
    spec = ops.STFT(64, 16, 64, False, True, True)(Tensor(rng.random((2, 7192)), ms.float32),
                                                   Tensor(rng.random(64), ms.float32))
    assert spec.shape == (2, 33, 446)
    with pytest.raises(ValueError):
        ops.FFTWithSize(signal_ndim=4, inverse=False, real=False)
    assert Tensor([1.0]).flush_from_cache() is None

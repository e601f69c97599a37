"""MindSpore's gradient primitives (``ops.operations._grad_ops``), its argument checks
(``mindspore._checkparam``), its type ids (``mindspore._c_expression.typing``), the debugging
registry (``ops.vm_impl_registry``) and ``ops.Load``: values are MindSpore 2.10's, measured on
CPU with the same inputs, or NumPy's formula where MindSpore's kernel computes one."""
import numpy as np
import pytest

import mindspore as ms
from mindspore import Tensor, ops
from mindspore import _checkparam as validator
from mindspore._c_expression import typing
from mindspore.ops import operations as P
from mindspore.ops.operations import _grad_ops as G
from mindspore.ops.vm_impl_registry import get_vm_impl_fn, vm_impl_registry

X = Tensor(np.array([-1., 0.5, 3., 6., 7.], np.float32))
D = Tensor(np.array([1., 2., 3., 4., 5.], np.float32))


@pytest.mark.parametrize("prim, args, expected", [
    (G.ReluGrad(), (D, X), [0., 2., 3., 4., 5.]),
    (G.ReLU6Grad(), (D, X), [0., 2., 3., 4., 0.]),
    (G.SigmoidGrad(), (X, D), [-2., 0.5, -18., -120., -210.]),
    (G.TanhGrad(), (X, D), [0., 1.5, -24., -140., -240.]),
    (G.SqrtGrad(), (X, D), [-0.5, 2., 0.5, 0.33333334, 0.35714287]),
    (G.RsqrtGrad(), (X, D), [0.5, -0.125, -40.5, -432., -857.5]),
    (G.ReciprocalGrad(), (X, D), [-1., -0.5, -27., -144., -245.]),
    (G.SiLUGrad(), (D, X), [0.07232955, 1.4799225, 3.2643123, 4.049305, 5.0273013]),
    (G.GeLUGrad(), (D, X, X), [-0.08296408, 1.7347398, 3.0347528, 4., 5.]),
])
def test_elementwise_grads_are_mindspores(prim, args, expected):
    out = prim(*args)
    assert out.dtype == ms.float32
    np.testing.assert_allclose(out.asnumpy(), expected, rtol=2e-6)


def test_relu6_grad_edges_and_integer_relu_grad():
    x = Tensor(np.array([0., 6., 5.999, 1e-7], np.float32))
    ones = Tensor(np.ones(4, np.float32))
    assert G.ReLU6Grad()(ones, x).asnumpy().tolist() == [0., 1., 1., 1.]
    out = G.ReluGrad()(Tensor(np.array([1, 2], np.int32)), Tensor(np.array([-1, 1], np.int32)))
    assert out.dtype == ms.int32 and out.asnumpy().tolist() == [0, 2]


def test_float16_keeps_its_dtype():
    y = G.SigmoidGrad()(Tensor(np.array([0.5], np.float16)), Tensor(np.array([1.], np.float16)))
    assert y.dtype == ms.float16 and y.asnumpy().tolist() == [0.25]


def test_flatten_and_bias_add_grads():
    d = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    assert G.FlattenGrad()(d, (2, 3, 1)).shape == (2, 3, 1)
    with pytest.raises(ValueError, match="FlattenGrad"):
        G.FlattenGrad()(d, Tensor(np.array([2, 3, 1])))
    x = Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 2, 2))
    assert G.BiasAddGrad()(x).asnumpy().tolist() == [60., 92., 124.]
    assert G.BiasAddGrad(data_format="NHWC")(x).asnumpy().tolist() == [132., 144.]
    assert G.BiasAddGrad()(d).asnumpy().tolist() == [3., 5., 7.]
    assert G.BiasAddGrad()(Tensor(np.ones((2, 3, 2, 2, 2), np.float16))).dtype == ms.float16
    with pytest.raises(ValueError, match="BiasAddGrad"):
        G.BiasAddGrad()(Tensor(np.ones(3, np.float32)))


def test_concat_offset():
    parts = (ops.ones((2, 3)), ops.ones((2, 2)), ops.ones((2, 4)))
    out = G.ConcatOffset(3, 1)(parts)
    assert out.dtype == ms.int64 and out.asnumpy().tolist() == [[0, 0], [0, 3], [0, 5]]
    assert G.ConcatOffset(2, 0)((ops.ones((2, 3)), ops.ones((4, 3)))).asnumpy().tolist() == [[0, 0], [2, 0]]
    with pytest.raises(ValueError, match="ConcatOffset"):
        G.ConcatOffset(2, 0)((ops.ones((2, 3)), ops.ones((4,))))


def _pool_input():
    np.random.seed(0)
    return Tensor(np.random.randn(1, 2, 4, 4).astype(np.float32))


def test_pool_grads_are_mindspores():
    x = _pool_input()
    dout = Tensor(np.arange(8, dtype=np.float32).reshape(1, 2, 2, 2))
    expected_max = [[[[0, 0, 0, 1], [0, 0, 0, 0], [0, 0, 0, 3], [2, 0, 0, 0]],
                     [[4, 0, 0, 0], [0, 0, 5, 0], [6, 0, 0, 0], [0, 0, 0, 7]]]]
    out = G.MaxPoolGrad(kernel_size=2, strides=2)(x, P.MaxPool(2, 2)(x), dout)
    assert out.asnumpy().tolist() == expected_max
    _, argmax = P.MaxPoolWithArgmax(kernel_size=2, strides=2)(x)
    assert argmax.asnumpy().reshape(-1).tolist() == [4, 3, 12, 11, 16, 22, 24, 31]
    out = G.MaxPoolGradWithArgmax(kernel_size=2, strides=2)(x, dout, argmax)
    assert out.asnumpy().tolist() == expected_max
    out = G.AvgPoolGrad(kernel_size=2, strides=2)(x, P.AvgPool(2, 2)(x), dout)
    np.testing.assert_allclose(out.asnumpy()[0, 0], [[0, 0, .25, .25], [0, 0, .25, .25],
                                                     [.5, .5, .75, .75], [.5, .5, .75, .75]])
    # 'SAME' padding counts only the window's entries inside the input, as MindSpore's kernel.
    same = G.AvgPoolGrad(kernel_size=3, strides=2, pad_mode="SAME")(x, None, dout)
    np.testing.assert_allclose(same.asnumpy()[0, 1], [[0.4444, 0.4444, 1.2778, 0.8333],
                                                      [0.4444, 0.4444, 1.2778, 0.8333],
                                                      [1.4444, 1.4444, 4.0278, 2.5833],
                                                      [1.0, 1.0, 2.75, 1.75]], atol=1e-4)


def test_max_pool_grad_with_argmax_checks_shapes():
    x = _pool_input()
    with pytest.raises(ValueError, match="MaxPoolGradWithArgmax"):
        G.MaxPoolGradWithArgmax(2, 2)(x, ops.ones((1, 2, 2, 2)), ops.zeros((1, 2, 2), ms.int64))


def test_conv2d_backprop_filter_matches_numpy():
    x = _pool_input()
    w = Tensor(np.random.randn(3, 2, 3, 3).astype(np.float32))
    dout = np.random.randn(1, 3, 2, 2).astype(np.float32)
    out = G.Conv2DBackpropFilter(3, 3)(Tensor(dout), x, (3, 2, 3, 3))
    xs = x.asnumpy()
    expected = np.zeros((3, 2, 3, 3), np.float32)
    for o in range(3):
        for i in range(2):
            for u in range(3):
                for v in range(3):
                    expected[o, i, u, v] = (dout[0, o] * xs[0, i, u:u + 2, v:v + 2]).sum()
    np.testing.assert_allclose(out.asnumpy(), expected, rtol=1e-5, atol=1e-5)
    assert out.shape == w.shape
    # 'pad' with pad_list and 'same' agree for a 3x3 kernel (MindSpore 2.10 gives the same values).
    ones = Tensor(np.ones((1, 3, 4, 4), np.float32))
    padded = G.Conv2DBackpropFilter(3, 3, pad_mode="pad", pad=1, pad_list=(1, 1, 1, 1))(ones, x, (3, 2, 3, 3))
    same = G.Conv2DBackpropFilter(3, 3, pad_mode="same")(ones, x, (3, 2, 3, 3))
    np.testing.assert_allclose(padded.asnumpy(), same.asnumpy(), rtol=1e-6)
    np.testing.assert_allclose(padded.asnumpy()[0, 0, 0], [5.4347, 8.9785, 5.4502], atol=1e-4)


def test_resize_bilinear_grad_is_mindspores():
    grads = Tensor(np.arange(20, dtype=np.float32).reshape(1, 1, 4, 5))
    image = ops.zeros((1, 1, 2, 3))
    cases = [({}, [[4.1, 8.2, 15.2], [39.5, 51.0, 72.0]]),
             ({"align_corners": True}, [[11.0, 21.3333, 21.0], [36.0, 54.6667, 46.0]]),
             ({"half_pixel_centers": True}, [[11.2, 18.45, 21.6], [39.2, 49.95, 49.6]])]
    for flags, expected in cases:
        out = G.ResizeBilinearGrad(**flags)(grads, image)
        np.testing.assert_allclose(out.asnumpy()[0, 0], expected, atol=1e-4)


def test_batch_norm_grad_formulas():
    np.random.seed(0)
    x = np.random.randn(2, 3, 2, 2).astype(np.float32)
    dy = np.random.randn(2, 3, 2, 2).astype(np.float32)
    sc = np.array([1., 2., 0.5], np.float32)
    mean = np.array([0.1, -0.2, 0.3], np.float32)
    var = np.array([1.5, 0.7, 2.0], np.float32)
    b = (lambda v: v.reshape(1, 3, 1, 1))
    rstd = 1 / np.sqrt(var + 1e-3)
    x_hat = (x - b(mean)) * b(rstd)
    dscale, dbias = (dy * x_hat).sum((0, 2, 3)), dy.sum((0, 2, 3))
    n = x.size / 3
    for training, dx in ((True, b(sc * rstd) * (dy - b(dbias) / n - x_hat * b(dscale) / n)),
                         (False, dy * b(sc * rstd))):
        out = G.BatchNormGrad(is_training=training, epsilon=1e-3)(
            Tensor(dy), Tensor(x), Tensor(sc), Tensor(mean), Tensor(var), Tensor(var))
        assert isinstance(out, tuple) and len(out) == 3
        for got, want in zip(out, (dx, dscale, dbias)):
            np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-5, atol=1e-6)
    nhwc = G.BatchNormGrad(is_training=True, data_format="NHWC")(
        Tensor(dy.transpose(0, 2, 3, 1)), Tensor(x.transpose(0, 2, 3, 1)), Tensor(sc), Tensor(mean),
        Tensor(var), Tensor(var))
    assert [t.shape for t in nhwc] == [(2, 2, 2, 3), (3,), (3,)]
    with pytest.raises(TypeError):
        G.BatchNormGrad()(Tensor(dy), Tensor(x), Tensor(sc), Tensor(mean), Tensor(var))
    with pytest.raises(ValueError, match="BatchNormGrad"):
        G.BatchNormGrad()(Tensor(dy), Tensor(x), Tensor(sc[:2]), Tensor(mean), Tensor(var), Tensor(var))
    with pytest.raises(ValueError, match=r"the epsilon must be in \(0,1\], but got 1.5"):
        G.BatchNormGrad(epsilon=1.5)(Tensor(dy), Tensor(x), Tensor(sc), Tensor(mean), Tensor(var), Tensor(var))


def test_grad_ops_agree_with_autodiff():
    """A gradient primitive is the backward rule of its forward op: ReluGrad and MaxPoolGrad give
    what ``ms.grad`` gives for the same cotangent."""
    x = _pool_input()
    dout = Tensor(np.random.randn(1, 2, 2, 2).astype(np.float32))
    auto = ms.grad(lambda t: (P.MaxPool(2, 2)(t) * dout).sum())(x)
    assert np.array_equal(auto.asnumpy(), G.MaxPoolGrad(2, 2)(x, None, dout).asnumpy())
    d = Tensor(np.random.randn(5).astype(np.float32))
    auto = ms.grad(lambda t: (ops.relu(t) * d).sum())(X)
    assert np.array_equal(auto.asnumpy(), G.ReluGrad()(d, X).asnumpy())


def test_load_reads_a_parameter():
    p = ms.Parameter(Tensor([1.0, 2.0]), name="p")
    v = P.Load()(p, None)
    P.Assign()(p, Tensor([5.0, 6.0]))
    assert v.asnumpy().tolist() == [1.0, 2.0] and p.asnumpy().tolist() == [5.0, 6.0]
    assert ms.grad(lambda t: (P.Load()(t, None) * 3).sum())(Tensor([1.0, 2.0])).asnumpy().tolist() == [3., 3.]


def test_summary_primitives_are_operations():
    assert P.ScalarSummary is ops.ScalarSummary and P.TensorSummary is ops.TensorSummary
    from mindspore.train.summary import HistogramSummary
    assert P.HistogramSummary is HistogramSummary


def test_checkparam_messages_are_mindspores():
    assert validator.check_positive_int(3, "a") == 3
    assert validator.check_value_type("a", (1,), [int, tuple]) == (1,)
    assert validator.check_int_range(5, 0, 5, validator.INC_BOTH, "a", "P") == 5
    assert validator.check_axis_in_range(-1, 2) == 1
    cases = [
        (ValueError, "The 'stride' must be int and must > 0, but got '0' with type 'int'.",
         lambda: validator.check_positive_int(0, "stride")),
        (TypeError, "The 'stride' must be int and must > 0, but got 'True' with type 'bool'.",
         lambda: validator.check_positive_int(True, "stride")),
        (TypeError, "For 'Conv', the 'stride' must be int, but got 'float'",
         lambda: validator.check_positive_int(2.0, "stride", "Conv")),
        (TypeError, "The input value must be int, but got 'float'",
         lambda: validator.check_positive_int(3.5)),
        (TypeError, "For 'Conv', the type of 'stride' should be one of '['int', 'tuple']', but got type 'float'.",
         lambda: validator.check_value_type("stride", 2.0, (int, tuple), "Conv")),
        (TypeError, "The type of 'stride' should be 'int', but got type 'bool'.",
         lambda: validator.check_value_type("stride", True, int)),
        (ValueError, "For 'P', the 'a' must be int and must >= 0, but got '-1' with type 'int'.",
         lambda: validator.check_non_negative_int(-1, "a", "P")),
        (TypeError, "For 'P', the 'a' must be float, but got 'int'",
         lambda: validator.check_positive_float(1, "a", "P")),
        (TypeError, "For 'P', the type of 'a' must be 'int', but got 'float'.",
         lambda: validator.check_is_int(1.0, "a", "P")),
        (TypeError, "For 'P', the 'a' must be a bool, but got int.",
         lambda: validator.check_bool(1, "a", "P")),
        (ValueError, "For 'P', the 'a' must be in range of [0, 5), but got 5 with type 'int'.",
         lambda: validator.check_int_range(5, 0, 5, validator.INC_LEFT, "a", "P")),
        (ValueError, "The 'a' must be in range of (0, 5], but got 0 with type 'int'.",
         lambda: validator.check_int_range(0, 0, 5, validator.INC_RIGHT, "a")),
        (ValueError, "For 'P', the argument 'a' must > 4, but got 3.",
         lambda: validator.check_number("a", 3, 4, validator.GT, "P")),
        (ValueError, "For 'P', the 'mode' must be str and must be in '['a', 'b']', but got 'x'.",
         lambda: validator.check_string("x", ["a", "b"], "mode", "P")),
        (ValueError, "The 'axis' must be in the range of [-2, 2), but got 3.",
         lambda: validator.check_axis_in_range(3, 2)),
        (ValueError, "For 'P', the 'ks[1]' must be int and must > 0, but got '0' with type 'int'.",
         lambda: validator.check_positive_int_sequence((1, 0), "ks", "P")),
        (ValueError, "The 'a' must be int and must <= 4, but got '5' with type 'int'.",
         lambda: validator.check_int(5, 4, validator.LE, "a")),
    ]
    for cls, message, call in cases:
        with pytest.raises(cls) as info:
            call()
        assert str(info.value) == message


def test_type_ids_are_mindspores():
    ids = {ms.bool_: 30, ms.int8: 32, ms.int64: 35, ms.uint8: 37, ms.float16: 42, ms.float32: 43,
           ms.float64: 44, ms.bfloat16: 45, ms.complex64: 51, ms.complex128: 52, ms.string: 12,
           ms.tensor_type: 17, ms.list_: 13, ms.tuple_: 14, ms.int_: 31, ms.float_: 41, ms.uint: 36,
           ms.number: 11, ms.type_none: 7}
    for t, code in ids.items():
        assert typing.type_to_type_id(t) == code
    assert typing.type_id_to_type(43) is ms.float32 and typing.type_id_to_type(31) is ms.int32
    assert typing.type_id_to_type(13) is ms.list_
    assert str(typing.str_to_type("Tensor[Int8]")) == "Tensor[Int8]"
    assert typing.str_to_type("bool") is ms.bool_ and typing.str_to_type("List") is ms.list_
    assert isinstance(ms.float32, typing.Float) and typing.type_size_in_bytes(ms.float16) == 2
    with pytest.raises(RuntimeError, match="Not support the type: 999"):
        typing.type_id_to_type(999)
    with pytest.raises(RuntimeError, match="Unsupported type name: nope!"):
        typing.str_to_type("nope")
    with pytest.raises(TypeError):
        typing.type_to_type_id(3)
    # A primitive keeps the same code for a dtype argument.
    assert P.Argmax(output_type=ms.int32).output_type == 34


def test_vm_impl_registry_keeps_what_is_registered():
    @vm_impl_registry.register(P.Add)
    def vm_impl_add(self):
        return lambda x, y: (self.name, x + y)

    assert get_vm_impl_fn(P.Add())(1, 2) == ("Add", 3)
    assert get_vm_impl_fn("Add") is not None and get_vm_impl_fn("NoSuchPrimitive") is None
    with pytest.raises(TypeError, match="register"):
        vm_impl_registry.register(3)(vm_impl_add)


def test_checkparam_expansions_formats_and_decorators():
    assert validator.twice(3) == (3, 3) and validator.triple((1, 2, 3)) == (1, 2, 3)
    assert validator.once(4) == (4,)
    with pytest.raises(TypeError, match="input tuple dimension must be 2, but got"):
        validator.twice((1, 2, 3))
    with pytest.raises(TypeError, match="must be integer or tuple"):
        validator.twice(True)
    assert validator.check_input_format("NCHW") == "NCHW"
    with pytest.raises(ValueError, match="The data format must be NCHW, but got XYZ."):
        validator.check_input_format("XYZ")
    assert validator.check_str_by_regular("abc_1.x") is True
    with pytest.raises(ValueError, match="'a b' is illegal"):
        validator.check_str_by_regular("a b")

    @validator.args_type_check(a=int, b=str)
    def f(a, b="x"):
        return a, b

    assert f(1, "y") == (1, "y") and f(a=None) == (None, "x")
    with pytest.raises(TypeError, match="The parameter 'a' must be <class 'int'>, but got <class 'str'>"):
        f("1")


def test_dense_takes_a_primitive_activation():
    net = ms.nn.Dense(3, 2, activation=P.ReLU())
    assert (net(Tensor(np.ones((4, 3), np.float32))).asnumpy() >= 0).all()
    with pytest.raises(TypeError, match="must be str or Cell or Primitive, but got int"):
        ms.nn.Dense(3, 2, activation=3)


def test_prelu_takes_a_list_of_slopes():
    net = ms.nn.PReLU(channel=3, w=[0.1, 0.2, 0.3])
    out = net(Tensor(-np.ones((1, 3, 2, 2), np.float32)))
    np.testing.assert_allclose(out.asnumpy()[0, :, 0, 0], [-0.1, -0.2, -0.3], rtol=1e-6)
    with pytest.raises(ValueError, match="the length of 'w' must be equal to the 'channel'"):
        ms.nn.PReLU(channel=3, w=[0.1, 0.2])
    with pytest.raises(ValueError, match="all elements in 'w' must be float"):
        ms.nn.PReLU(channel=1, w=[1])
    # NumPy Float32 scalars count as floats (MindSpore's ReID network passes [np.float32(0.25)]);
    # an int, a Float16 scalar or a tuple is MindSpore 2.10's TypeError
    assert ms.nn.PReLU(1, [np.float32(0.25)]).w.asnumpy().tolist() == [0.25]
    assert ms.nn.PReLU(2, np.float32(0.5)).w.asnumpy().tolist() == [0.5, 0.5]
    for w in (1, np.float16(0.3), (0.25,), True):
        with pytest.raises(TypeError, match="the 'w' only supported float, list and tensor"):
            ms.nn.PReLU(1, w)


@pytest.mark.parametrize("param_dtype, value_dtype, ok", [
    (ms.float32, ms.int32, True), (ms.float32, ms.float32, True), (ms.int8, ms.uint8, False),
    (ms.float32, ms.float64, False), (ms.int32, ms.float32, False), (ms.float16, ms.float32, False),
    (ms.int32, ms.int64, False), (ms.bool_, ms.int32, False)])
def test_assign_converts_only_where_the_dtypes_promote_to_the_parameters(param_dtype, value_dtype, ok):
    """MindSpore 2.10: an in-place update converts the value to the Parameter's dtype only when
    the two promote to it; otherwise the Parameter would have to change: its TypeError."""
    for update in (ms.ops.assign, ms.ops.assign_add):
        p = ms.Parameter(Tensor(np.ones(2), param_dtype), name="p")
        value = Tensor(np.array([2, 3]), value_dtype)
        if ok:
            update(p, value)
            assert p.dtype == param_dtype
        else:
            with pytest.raises(TypeError, match="Data type conversion is not supported for a 'Parameter'"):
                update(p, value)
    p = ms.Parameter(Tensor(np.ones(2), ms.int32), name="q")
    with pytest.raises(TypeError, match="cannot be converted to data type Float32"):
        ms.ops.assign(p, 2.5)


def _finite_difference(f, x, eps=1e-6):
    xs = x.asnumpy()
    out = np.zeros_like(xs)
    for i in np.ndindex(xs.shape):
        a, b = xs.copy(), xs.copy()
        a[i] += eps
        b[i] -= eps
        out[i] = (f(Tensor(a)).asnumpy() - f(Tensor(b)).asnumpy()) / (2 * eps)
    return out


def test_grad_primitives_are_differentiable_in_their_gradient_input():
    """In Float64 against finite differences: the gradient primitives built on the forward
    primitive's VJP differentiate again (second order), as the elementwise ones do."""
    rng = np.random.RandomState(0)
    x = Tensor(rng.randn(1, 1, 4, 4))
    cases = [(lambda d: (G.MaxPoolGrad(2, 2)(x, None, d * d) ** 2).sum(), (1, 1, 2, 2)),
             (lambda d: (G.AvgPoolGrad(3, 1, "SAME")(x, None, d) ** 2).sum(), (1, 1, 4, 4)),
             (lambda d: (G.Conv2DBackpropFilter(1, 3)(d, x, (1, 1, 3, 3)) ** 2).sum(), (1, 1, 2, 2)),
             (lambda d: (G.ResizeBilinearGrad()(d, Tensor(np.zeros((1, 1, 2, 3)))) ** 2).sum(), (1, 1, 4, 5)),
             (lambda d: (G.TanhGrad()(d, d) ** 2).sum(), (3,))]
    for f, shape in cases:
        d = Tensor(rng.randn(*shape))
        np.testing.assert_allclose(ms.grad(f)(d).asnumpy(), _finite_difference(f, d), rtol=1e-6, atol=1e-7)


def test_grad_primitives_check_the_gradient_against_the_forward_output():
    x = Tensor(np.ones((1, 1, 4, 4), np.float32))
    with pytest.raises(ValueError, match=r"Conv2DBackpropFilter.*shape of the forward output, \(1, 1, 2, 2\)"):
        G.Conv2DBackpropFilter(1, 3)(Tensor(np.ones((1, 1, 3, 3), np.float32)), x, (1, 1, 3, 3))
    with pytest.raises(TypeError, match="MaxPoolGrad.*dtype of the forward output"):
        G.MaxPoolGrad(2, 2)(x, None, Tensor(np.ones((1, 1, 2, 2), np.float64)))
    padded = G.Conv2DBackpropFilter(1, 3, pad_mode="pad", pad=1, pad_list=None)
    assert padded(Tensor(np.ones((1, 1, 4, 4), np.float32)), x, (1, 1, 3, 3)).shape == (1, 1, 3, 3)

"""Behaviours a differential run against MindSpore 2.10 (the same calls in both, outputs compared)
found apart; the expected values are what MindSpore 2.10 printed, except where its result is wrong
(noted)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops
import easy_mindspore.numpy as mnp

X = Tensor(np.array([[1., 5., 2.], [7., 0., 3.]], np.float32))
I = Tensor(np.array([[1, -4, 2], [7, 0, 3]], np.int32))
U = Tensor(np.array([[1, 4, 2], [7, 0, 3]], np.uint8))
H = Tensor(np.array([[1, 4, 2], [7, 0, 3]], np.float16))


def test_fmod_of_integers_by_a_float_and_its_exactness():
    got = ops.fmod(I, 1.5)
    assert got.dtype == ms.float32
    assert got.asnumpy().tolist() == [[1.0, -1.0, 0.5], [1.0, 0.0, 0.0]]
    # |x| < |y|: x itself, to the last bit (x - trunc(x/y)·y rounded it)
    v = np.float32(-0.977277875)
    assert ops.fmod(Tensor([v]), Tensor([2], ms.int32)).asnumpy()[0] == v
    np.testing.assert_array_equal(ops.fmod(Tensor([-7, 7], ms.int32), 3).asnumpy(), [-1, 1])


def test_atan2_promotes_an_integer_operand():
    assert ops.atan2(I, X).dtype == ms.float32 and ops.atan2(X, I).dtype == ms.float32
    assert ops.atan2(H, X).dtype == ms.float32 and ops.atan2(X, 2).dtype == ms.float32
    np.testing.assert_allclose(ops.atan2(I, X).asnumpy()[0], [0.7853982, -0.67474097, 0.7853982],
                               rtol=1e-7)
    with pytest.raises(TypeError):
        ops.atan2(I, I)


def test_clamp_of_integers_by_float_bounds_is_float():
    got = ops.clamp(I, 0.5, 2.5)
    assert got.dtype == ms.float32
    assert got.asnumpy().tolist() == [[1.0, 0.5, 2.0], [2.5, 0.5, 2.5]]
    assert ops.clamp(U, 1, 3).dtype == ms.uint8


def test_maximum_and_minimum_take_numbers_as_weak_scalars():
    assert ops.maximum(I, 2).dtype == ms.int32 and ops.minimum(I, 2).dtype == ms.int32
    assert ops.maximum(U, 2).dtype == ms.uint8 and ops.maximum(H, 2.5).dtype == ms.float16
    assert ops.maximum(I, 2.5).dtype == ms.float32 and ops.maximum(I, True).dtype == ms.int32
    assert ops.minimum(I, 2).asnumpy().tolist() == [[1, -4, 2], [2, 0, 2]]


def test_index_and_product_dtypes():
    assert ops.argmax(X, 1).dtype == ms.int64 and X.argmax(axis=1).dtype == ms.int64
    assert ops.argmax(X, 1, keepdim=True).shape == (2, 1)
    assert X.argmin().dtype == ms.int32 and ops.Argmax()(X).dtype == ms.int32
    assert ops.Argmax(output_type=ms.int64)(X).dtype == ms.int64
    assert ops.prod(I).dtype == ms.int64 and I.prod(1).asnumpy().tolist() == [-8, 0]
    assert ops.prod(U).dtype == ms.int64 and ops.prod(H).dtype == ms.float16
    assert ops.cumprod(I, 1).dtype == ms.int64
    assert mnp.cumprod(I).dtype == ms.int32  # mindspore.numpy keeps the input's dtype


def test_full_sum_and_div_spellings():
    assert ops.full((2,), -1).dtype == ms.int64
    # MindSpore 2.10 (and its docs): Int64 whatever the fill, a float truncated.
    assert ops.full((2,), 3.5).asnumpy().tolist() == [3, 3] and ops.full((2,), 3.5).dtype == ms.int64
    assert ops.full((2,), True).dtype == ms.int64
    assert ms.mint.full((2,), 3.5).dtype == ms.float32 and ms.mint.full((2,), True).dtype == ms.bool_
    assert ops.sum(X, dim=1, keepdim=True).asnumpy().tolist() == [[8.0], [10.0]]
    assert ops.sum(X, axis=0, keepdims=True).shape == (1, 3)
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    assert ops.div(x, 4, rounding_mode="floor").asnumpy().tolist() == [[0, 0, 0], [0, 1, 1]]
    assert ops.div(-x, 4, rounding_mode="trunc").asnumpy().tolist() == [[0, 0, 0], [0, -1, -1]]
    i = Tensor([-7, 7, -8, 8], ms.int32)
    got = ops.div(i, Tensor([2, -2, 2, -2], ms.int32), rounding_mode="trunc")
    assert got.dtype == ms.int32 and got.asnumpy().tolist() == [-3, -3, -4, -4]
    assert ops.div(i, 2, rounding_mode="floor").asnumpy().tolist() == [-4, 3, -4, 4]
    with pytest.raises(ValueError, match="rounding_mode"):
        ops.div(i, 2, rounding_mode="round")


def test_sigmoid_and_sinh_keep_their_digits():
    # MindSpore 2.10 prints 2.0611430e-09 and 1.0000000e-06 (its sigmoid is a few ULP off)
    s = ops.sigmoid(Tensor([-20.0, -10.0, 2.0], ms.float32)).asnumpy()
    np.testing.assert_allclose(s, [2.0611537e-09, 4.5397868e-05, 0.8807971], rtol=2e-7)
    np.testing.assert_allclose(ops.sinh(Tensor([1e-6, -1.5], ms.float32)).asnumpy(),
                               [1e-6, -2.1292794], rtol=2e-7)
    with pytest.raises(TypeError):
        ops.sinh(I)


def test_byte_sizes_and_strides():
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    assert (x.itemsize, x.nbytes, x.strides) == (4, 24, (12, 4))  # MindSpore 2.10
    z = Tensor(np.zeros((2, 3, 4)), ms.float64)
    assert (z.itemsize, z.nbytes, z.strides) == (8, 192, (96, 32, 8))
    b = Tensor([True, False])
    assert (b.itemsize, b.nbytes, b.strides) == (1, 2, (1,))
    assert Tensor(1.0).strides == ()


def _narrow(dt):
    return Tensor(np.array([[1, 2, 3], [1, 1, 0]]).astype(dt))


def test_mnp_float_functions_keep_float16_as_mindspore_does():
    # measured on MindSpore 2.10 (CPU): these keep Float16
    h = Tensor(np.array([[0.5, 0.25, 0.75]], np.float16))
    for fn in (mnp.exp, mnp.log, mnp.sqrt, mnp.sin, mnp.cos, mnp.tanh, mnp.floor, mnp.arccos,
               mnp.arcsinh, mnp.cosh, mnp.tan, mnp.expm1, mnp.deg2rad, mnp.rint, mnp.sign,
               mnp.trunc, mnp.std, mnp.var):
        got = fn(h)
        assert got.dtype == ms.float16, fn.__name__
        want = getattr(np, {"arccos": "arccos", "arcsinh": "arcsinh"}.get(fn.__name__, fn.__name__))(
            h.asnumpy().astype(np.float32))
        np.testing.assert_allclose(got.asnumpy().astype(np.float32), want, rtol=2e-3, atol=1e-3)
    # ...and these give Float32 for Float16 input
    for fn in (mnp.cbrt, mnp.ceil, mnp.nanmean, mnp.norm, mnp.unwrap, mnp.cov):
        assert fn(h).dtype == ms.float32, fn.__name__


def test_mnp_trigonometry_of_narrow_integers_is_float16():
    # MindSpore 2.10 (and NumPy): Bool, Int8 and UInt8 give Float16; wider integers Float32
    for dt in (np.bool_, np.int8, np.uint8):
        for fn in (mnp.sin, mnp.cos, mnp.tanh, mnp.arctan, mnp.sinh, mnp.arcsinh):
            got = fn(_narrow(dt))
            assert got.dtype == ms.float16, (fn.__name__, dt)
            np.testing.assert_allclose(got.asnumpy(), getattr(np, fn.__name__)(_narrow(dt).asnumpy()),
                                       rtol=1e-3)
    for dt in (np.int16, np.int32):
        assert mnp.sin(_narrow(dt)).dtype == ms.float32
    assert mnp.sqrt(_narrow(np.int8)).dtype == ms.float32  # sqrt is Float32 there


def test_cumulative_sums_and_products_of_narrow_integers():
    # MindSpore 2.10: mnp.cumsum/nancumsum and Tensor.cumsum sum Bool, Int8, Int16, UInt8 as
    # Int32; mnp.cumprod gives Int32 (UInt32 for UInt8); ops.cumsum keeps the dtype
    for dt in (np.bool_, np.int8, np.int16, np.uint8):
        x = _narrow(dt)
        want = np.cumsum(x.asnumpy().astype(np.int64))
        for got in (mnp.cumsum(x), mnp.nancumsum(x), x.cumsum()):
            assert got.dtype == ms.int32
            assert got.asnumpy().tolist() == want.tolist()
        assert x.cumsum(1).asnumpy().tolist() == np.cumsum(x.asnumpy().astype(np.int64), 1).tolist()
        prod = mnp.cumprod(x)
        assert prod.dtype == (ms.uint32 if dt is np.uint8 else ms.int32)
        assert prod.asnumpy().tolist() == np.cumprod(x.asnumpy().astype(np.int64)).tolist()
    assert ops.cumsum(_narrow(np.int8), 1).dtype == ms.int8
    assert _narrow(np.int8).cumsum(dtype=ms.float32).dtype == ms.float32
    # the sum runs in Int32, so it does not wrap at Int8's range
    assert Tensor(np.full(3, 100, np.int8)).cumsum().asnumpy().tolist() == [100, 200, 300]


def test_integer_sums_keep_their_dtype_where_mindspore_does():
    # MindSpore 2.10: ReduceSum, nansum, Trace and DiagEmbed keep an integer dtype (the sum
    # wraps as that dtype: Int8 100 + 100 + 3 + 1 + 100 + 1 is 305, which is 49); ops.sum and
    # Tensor.sum give Int64; reduce_sum of Bool is Bool (any), nansum of Bool is Int64
    x = Tensor(np.array([[100, 100, 3], [1, 100, 1]], np.int8))
    assert ops.reduce_sum(x).dtype == ms.int8 and ops.reduce_sum(x).asnumpy() == 49
    assert ops.reduce_sum(x, 1).asnumpy().tolist() == [-53, 102]
    assert ops.ReduceSum(True)(x, 1).asnumpy().tolist() == [[-53], [102]]
    assert ops.nansum(x).dtype == ms.int8 and ops.nansum(x).asnumpy() == 49
    assert ops.trace(x).dtype == ms.int8 and ops.trace(x).asnumpy() == -56
    assert ops.sum(x).dtype == ms.int64 and x.sum().asnumpy() == 305
    b = Tensor(np.array([[True, False]]))
    assert ops.reduce_sum(b).dtype == ms.bool_ and ops.reduce_sum(b).asnumpy()
    assert ops.nansum(b).dtype == ms.int64 and ops.nansum(b).asnumpy() == 1
    for dt in (np.int8, np.int16, np.uint8, np.int32):
        d = ops.diagflat(Tensor(np.array([1, 2], dt)))
        assert d.dtype == Tensor(np.array([1], dt)).dtype and d.asnumpy().tolist() == [[1, 0], [0, 2]]
    assert ops.reduce_sum(Tensor([1.5, 2.0])).dtype == ms.float32


def test_bool_inputs_of_diff_trapz_and_positive():
    # MindSpore 2.10's values
    b = Tensor(np.array([[True, False, True], [True, True, False]]))
    assert ops.diff(b).asnumpy().tolist() == [[True, True], [False, True]]
    assert ops.trapz(b).asnumpy().tolist() == [1.0, 1.5]
    assert ops.positive(b).asnumpy().tolist() == b.asnumpy().tolist()


def test_permute_and_to_without_arguments():
    # MindSpore 2.10: permute() reverses the axes; to() is a copy in the same dtype
    x = Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
    assert x.permute().shape == (4, 3, 2)
    np.testing.assert_array_equal(x.permute().asnumpy(), x.asnumpy().T)
    y = x.to()
    assert y is not x and y.dtype == ms.float32 and y.shape == x.shape
    assert x.to(ms.float16).dtype == ms.float16


def test_mnp_index_helpers_want_python_numbers():
    # MindSpore 2.10 raises TypeError for a Tensor size, takes floats in tril/triu_indices
    for f in (lambda: mnp.tril_indices(Tensor([3])), lambda: mnp.triu_indices(3, Tensor(0)),
              lambda: mnp.diag_indices(2.0), lambda: mnp.indices(Tensor([2, 3]))):
        with pytest.raises(TypeError):
            f()
    rows, cols = mnp.tril_indices(np.int64(3))
    assert rows.asnumpy().tolist() == [0, 1, 1, 2, 2, 2] and cols.dtype == ms.int32
    rows, cols = mnp.tril_indices(3, 1.5)
    assert rows.asnumpy().tolist() == [0, 0, 1, 1, 1, 2, 2, 2]
    assert cols.asnumpy().tolist() == [0, 1, 0, 1, 2, 0, 1, 2]
    assert mnp.triu_indices(3.0, 1.0)[1].asnumpy().tolist() == [1, 2, 2]


def test_mnp_linspace_logspace_geomspace_of_array_bounds():
    # NumPy's semantics, which MindSpore 2.10 follows: one sequence per element of the bounds
    a, b = Tensor(np.array([1.0, 2.0], np.float32)), Tensor(np.array([3.0, 6.0], np.float32))
    for axis in (0, 1, -1):
        got = mnp.linspace(a, b, 4, axis=axis)
        np.testing.assert_allclose(got.asnumpy(), np.linspace([1.0, 2.0], [3.0, 6.0], 4, axis=axis),
                                   rtol=1e-6)
    got, step = mnp.linspace(0, b, 3, endpoint=False, retstep=True)
    np.testing.assert_allclose(got.asnumpy(), np.linspace(0, [3.0, 6.0], 3, endpoint=False))
    np.testing.assert_allclose(step.asnumpy(), [1.0, 2.0])
    assert mnp.linspace(a, b, 5)[-1].asnumpy().tolist() == [3.0, 6.0]  # the end exactly
    np.testing.assert_allclose(mnp.logspace(a, b, 3).asnumpy(),
                               np.logspace([1.0, 2.0], [3.0, 6.0], 3), rtol=1e-5)
    np.testing.assert_allclose(mnp.geomspace(a, b, 3).asnumpy(),
                               np.geomspace([1.0, 2.0], [3.0, 6.0], 3), rtol=1e-6)
    with pytest.raises(ValueError):
        mnp.linspace(a, b, 3, axis=2)


def test_clamp_promotes_and_clip_by_value_keeps_the_dtype():
    # MindSpore 2.10: clamp gives the promoted dtype of the input and its Tensor bounds;
    # clip_by_value casts the bounds to the input's dtype (an Int32 input clipped at 1.5 is
    # clipped at 1)
    h = Tensor(np.array([0.5, 1.5], np.float16))
    f = Tensor(np.array([1.0, 1.0], np.float32))
    i8 = Tensor(np.array([4, 3, 1], np.int8))
    u8 = Tensor(np.array([2, 2, 2], np.uint8))
    assert ops.clamp(h, f).dtype == ms.float32 and ops.clamp(h, f).asnumpy().tolist() == [1.0, 1.5]
    assert ops.clamp(i8, u8).dtype == ms.int16 and ops.clamp(i8, u8).asnumpy().tolist() == [4, 3, 2]
    assert ops.clamp(h, 1.0).dtype == ms.float16
    assert ops.clip_by_value(h, f).dtype == ms.float16
    i = Tensor(np.array([4, 3, 1], np.int32))
    got = ops.clip_by_value(i, 1.5)
    assert got.dtype == ms.int32 and got.asnumpy().tolist() == [4, 3, 1]
    assert ops.clip_by_value(i8, u8).dtype == ms.int8


def test_losses_of_mixed_float_dtypes_are_promoted():
    h = Tensor(np.array([0.5, 1.5], np.float16))
    f = Tensor(np.array([1.0, 1.0], np.float32))
    for loss in (ops.l1_loss, ops.mse_loss, ops.binary_cross_entropy_with_logits):
        assert loss(h, f).dtype == ms.float32, loss.__name__
        assert loss(h, h).dtype == ms.float16
    np.testing.assert_allclose(ops.mse_loss(h, f).asnumpy(), 0.25)


def test_float_binary_functions_cast_integers_and_numbers():
    # MindSpore 2.10's values: an integer tensor with a Python float, a float tensor with a
    # Python int, Float64 with Int32; two integer tensors stay a TypeError for atan2
    i = Tensor(np.array([4, 3], np.int32))
    f = Tensor(np.array([3.0, 3.0], np.float32))
    np.testing.assert_allclose(ops.atan2(i, 1.5).asnumpy(), [1.2120256, 1.1071488], rtol=1e-6)
    assert ops.atan2(i, 1.5).dtype == ms.float32
    np.testing.assert_allclose(ops.hypot(f, 4).asnumpy(), [5.0, 5.0])
    np.testing.assert_allclose(ops.xlogy(f, 4).asnumpy(), [4.158883, 4.158883], rtol=1e-6)
    d = Tensor(np.array([3.0, 0.5]))
    assert ops.hypot(d, i).dtype == ms.float64 and ops.xlogy(i, d).dtype == ms.float64
    assert ops.hypot(f, Tensor(np.array([4.0, 4.0]))).dtype == ms.float64
    with pytest.raises(TypeError):
        ops.atan2(i, i)
    np.testing.assert_allclose(ops.xdivy(i, 1.5).asnumpy(), [2.6666667, 2.0], rtol=1e-6)


def test_hardtanh_with_crossed_bounds_and_hinge_targets_by_sign():
    x = Tensor(np.array([0.5, 1.2, -0.3, 2.0], np.float32))
    assert ops.hardtanh(x, 2.0, 1.0).asnumpy().tolist() == [1.0] * 4  # MindSpore 2.10, PyTorch
    got = ops.hinge_embedding_loss(x, Tensor(np.array([0.3, 0.7, 2.0, -2.0], np.float32)),
                                   reduction="none")
    np.testing.assert_allclose(got.asnumpy(), [0.5, 1.2, -0.3, 0.0])
    half = Tensor(np.full(4, 0.5, np.float32))
    got = ops.hinge_embedding_loss(half, Tensor(np.array([-2.0, -0.5, 3.0, 0.0], np.float32)),
                                   margin=2.0, reduction="none")
    np.testing.assert_allclose(got.asnumpy(), [1.5, 1.5, 0.5, 0.0])


def test_reduction_methods_take_the_dim_keepdim_overload():
    # MindSpore 2.10's Tensor methods have a PyTorch-style overload: dim=/keepdim=, and
    # x.sum(1, True) with a bool in the second place
    x = Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
    a = x.asnumpy()
    np.testing.assert_array_equal(x.sum(dim=1).asnumpy(), a.sum(1))
    assert x.sum(1, True).shape == (2, 1, 4) and x.sum(-1, keepdim=True).shape == (2, 3, 1)
    assert x.sum(1, ms.float64).dtype == ms.float64
    np.testing.assert_allclose(x.mean(dim=1).asnumpy(), a.mean(1))
    assert x.mean(dim=1, dtype=ms.float64).dtype == ms.float64
    np.testing.assert_array_equal(x.prod(dim=-1, keepdim=True).asnumpy(), a.prod(-1, keepdims=True))
    assert x.argmax(dim=1).asnumpy().tolist() == a.argmax(1).tolist()
    assert x.argmin(dim=-1, keepdim=True).shape == (2, 3, 1)
    assert x.all(dim=1).shape == (2, 4) and x.any(dim=-1, keepdim=True).shape == (2, 3, 1)
    np.testing.assert_array_equal(x.cumsum(dim=1).asnumpy(), a.cumsum(1))
    assert x.sort(dim=1)[0].shape == (2, 3, 4) and x.argsort(dim=1).shape == (2, 3, 4)
    assert x.unsqueeze(axis=1).shape == (2, 1, 3, 4)
    assert x.median(dim=1)[0].shape == (2, 4)
    np.testing.assert_allclose(ops.var(x, 1, True).asnumpy(), a.var(1, ddof=1))
    np.testing.assert_allclose(ops.logsumexp(x, dim=1, keepdim=True).asnumpy(),
                               np.log(np.exp(a).sum(1, keepdims=True)), rtol=1e-6)
    with pytest.raises(TypeError):
        x.sum(axis=1, dim=1)
    with pytest.raises(TypeError):
        x.mean(1, keepdim=2)

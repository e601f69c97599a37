"""``mindspore.ops`` functions whose MindSpore 2.10 docstring examples failed on our package: each
case is the MindSpore 2.10 call with what MindSpore 2.10 on CPU printed for it, then the error
cases (MindSpore's error classes)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import ops
import easy_mindspore.numpy as mnp


def t(x, dtype=ms.float32):
    return ms.Tensor(np.asarray(x), dtype)


def same(got, want, dtype=None, tol=0.0):
    got_np = got.asnumpy()
    np.testing.assert_allclose(got_np, np.asarray(want), rtol=tol, atol=tol)
    assert got.shape == np.asarray(want).shape
    if dtype is not None:
        assert got.dtype == dtype


ARR1 = [[8., 7., 6.], [5., 4., 3.], [2., 1., 0.]]
ARR2 = [[5., 4., 3.], [2., 1., 0.], [8., 7., 6.]]


def test_addbmm_baddbmm_take_batches_of_any_rank_from_2():
    # MindSpore 2.10 on CPU printed these (2-D batches are single matrices; addbmm sums the product's rows).
    same(ops.addbmm(ops.ones((3, 3)), t(ARR1), t(ARR2)), [[172., 136., 100.]] * 3, ms.float32)
    same(ops.baddbmm(ops.ones((3, 3)), t(ARR1), t(ARR2)), [[103., 82., 61.], [58., 46., 34.], [13., 10., 7.]])
    a4, b4 = t(np.arange(24.).reshape(2, 2, 2, 3)), t(np.arange(24.).reshape(2, 2, 3, 2))
    same(ops.addbmm(ops.ones((2, 2)), a4, b4, beta=0.5, alpha=2),
         [[[1120.5, 1204.5], [1408.5, 1528.5]], [[2632.5, 2788.5], [3136.5, 3328.5]]])
    same(ops.baddbmm(ops.ones((2, 2)), a4, b4),
         [[[[11., 14.], [29., 41.]], [[173., 194.], [245., 275.]]],
          [[[551., 590.], [677., 725.]], [[1145., 1202.], [1325., 1391.]]]])


def test_addbmm_baddbmm_errors():
    x = ops.ones((2, 2))
    with pytest.raises(ValueError, match="batch dimensions"):  # no broadcasting on CPU
        ops.addbmm(x, t(np.ones((4, 2, 3))), t(np.ones((1, 3, 2))))
    with pytest.raises(ValueError, match="baddbmm.*2-D or more"):
        ops.baddbmm(x, t(np.ones(3)), t(np.ones(3)))
    with pytest.raises(ValueError, match="rows of 'batch2'"):
        ops.addbmm(x, t(np.ones((2, 3))), t(np.ones((2, 3))))
    with pytest.raises(TypeError, match="addbmm.*'alpha'"):
        ops.addbmm(x, t(np.ones((2, 2))), t(np.ones((2, 2))), alpha=t(2.0))
    ints = t(np.ones((2, 2, 2)), ms.int32)
    same(ops.baddbmm(ints, ints, ints), np.full((2, 2, 2), 3), ms.int32)
    with pytest.raises(TypeError, match="baddbmm.*'beta' must be an int"):
        ops.baddbmm(ints, ints, ints, 1.5)
    with pytest.raises(TypeError, match="baddbmm.*same dtype"):
        ops.baddbmm(ops.ones((2, 2), ms.float64), t(np.ones((2, 2))), t(np.ones((2, 2))))


def test_aminmax_axis_none_reduces_every_element():
    x = t([[0, 5, 3, 1], [9, 2, 4, 7]])
    lo, hi = ops.aminmax(x, axis=None)  # MindSpore 2.10 on CPU: 0-D Float32 0 and 9
    same(lo, 0.0, ms.float32)
    same(hi, 9.0, ms.float32)
    lo, hi = ops.aminmax(x, axis=None, keepdims=True)  # MindSpore 2.10: shape [1, 1]
    same(lo, [[0.0]])
    same(hi, [[9.0]])
    lo, hi = ops.aminmax(t([3, 1, 2], ms.int32), axis=None)  # MindSpore 2.10: Int32 1 and 3
    same(lo, 1, ms.int32)
    same(hi, 3, ms.int32)
    nan = float("nan")  # MindSpore 2.10 disregards NaN here: (1, 9); a slice of NaN only gives NaN
    lo, hi = ops.aminmax(t([[9, 3, 4, 5], [5, 2, 7, 4], [8, 1, 3, nan]]), axis=None)
    same(lo, 1.0)
    same(hi, 9.0)
    lo, hi = ops.aminmax(t([[8, 1, 3, nan], [nan, nan, nan, nan]]), axis=1)  # MindSpore 2.10: [1 nan], [8 nan]
    np.testing.assert_array_equal(lo.asnumpy(), [1.0, nan])
    np.testing.assert_array_equal(hi.asnumpy(), [8.0, nan])
    with pytest.raises(ValueError, match="aminmax.*empty"):
        ops.aminmax(t(np.zeros((0, 3))), axis=None)
    with pytest.raises(TypeError, match="aminmax"):
        ops.aminmax(x, axis=(0, 1))


X_COV = [[0., 5., 7.], [3., 5., 0.]]
FW, AW = [5, 2, 4], [0.4588, 0.9083, 0.7616]


def test_cov_weights():
    x, fw, aw = t(X_COV), t(FW, ms.int64), t(AW)
    # MindSpore 2.10 on CPU printed [[10.146146 -3.47241 ] [-3.47241 4.716825]]
    same(ops.cov(x, fweights=fw, aweights=aw), [[10.146146, -3.47241], [-3.47241, 4.716825]], ms.float32, 1e-5)
    # MindSpore 2.10: [[11.472728 -3.6363635] [-3.6363635 3.8181815]]
    same(ops.cov(x, fweights=fw), [[11.472728, -3.6363635], [-3.6363635, 3.8181815]], ms.float32, 1e-5)
    # MindSpore 2.10: [[6.688258 -2.2263045] [-2.2263045 4.878386]]
    same(ops.cov(x, aweights=aw, correction=0), [[6.688258, -2.2263045], [-2.2263045, 4.878386]], None, 1e-5)
    assert ops.cov(x, aweights=aw.astype(ms.float64)).dtype == ms.float64  # MindSpore 2.10: Float64
    assert x.cov(fweights=fw).shape == (2, 2)
    # mindspore.numpy.cov: MindSpore 2.10 printed the same matrix for fweights (a list too)
    same(mnp.cov(x, fweights=fw), [[11.472728, -3.6363635], [-3.6363635, 3.8181815]], ms.float32, 1e-5)
    same(mnp.cov(x.T, fweights=FW, rowvar=False), [[11.472728, -3.6363635], [-3.6363635, 3.8181815]], None, 1e-5)
    # aweights in mindspore.numpy.cov: NumPy's value (MindSpore 2.10 refuses float aweights there)
    want = np.cov(np.array(X_COV), fweights=FW, aweights=AW)
    same(mnp.cov(x, fweights=fw, aweights=aw), want, ms.float32, 1e-5)
    same(mnp.cov(x, aweights=AW, bias=True), np.cov(np.array(X_COV), aweights=AW, bias=True), None, 1e-5)


def test_cov_weight_errors():
    x = t(X_COV)
    with pytest.raises(TypeError, match="cov.*fweights must be an integer"):
        ops.cov(x, fweights=t(AW))
    with pytest.raises(TypeError, match="cov.*aweights must be a float"):
        ops.cov(x, aweights=t(FW, ms.int64))
    with pytest.raises(ValueError, match="numel of fweights"):
        ops.cov(x, fweights=t([5, 2], ms.int64))
    with pytest.raises(ValueError, match="fweights must have one or fewer"):
        ops.cov(x, fweights=t([FW], ms.int64))
    with pytest.raises(TypeError, match="mindspore.numpy.cov.*fweights"):
        mnp.cov(x, fweights=t(AW))
    with pytest.raises(RuntimeError, match="mindspore.numpy.cov.*one weight per observation"):
        mnp.cov(x, fweights=t([5, 2], ms.int64))


def test_dropout1d_2d_and_3d():
    x = np.random.default_rng(0).standard_normal((4, 3)).astype(np.float32)
    out = ops.dropout1d(t(x), 0.5)
    assert out.shape == (4, 3)  # MindSpore 2.10 on CPU printed (4, 3)
    for got, row in zip(out.asnumpy(), x):  # [C, L]: each row (a channel) is dropped or doubled whole
        assert (got == 0).all() or np.allclose(got, 2 * row)
    ones = ops.dropout1d(ops.ones((2, 8, 3)), 0.5).asnumpy()
    assert all(set(np.unique(ch).tolist()) <= {0.0, 2.0} and len(np.unique(ch)) == 1 for ch in ones.reshape(16, 3))
    same(ops.dropout1d(ops.ones((3, 4)), 1.0), np.zeros((3, 4)))
    same(ops.dropout1d(ops.ones((3, 4)), 0.5, False), np.ones((3, 4)))
    assert ops.dropout1d(ops.ones((2, 3), ms.int32), 0.5).dtype == ms.int32  # MindSpore 2.10: Int32
    with pytest.raises(TypeError, match="dropout1d.*'p' must be a float"):
        ops.dropout1d(ops.ones((2, 3)), 1)  # MindSpore 2.10 refuses an int p
    with pytest.raises(ValueError, match="dropout1d.*'p'"):
        ops.dropout1d(ops.ones((2, 3)), 1.5)
    with pytest.raises(ValueError, match="dropout1d.*2-D or 3-D"):
        ops.dropout1d(ops.ones(3), 0.5)


def test_gather_batch_dims():
    p = t([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
    same(ops.gather(p, t([0, 2, 1], ms.int32), 1, 1), [1., 7., 10.])  # MindSpore 2.10: [ 1.  7. 10.]
    p3 = t(np.arange(24.).reshape(2, 3, 4))
    # MindSpore 2.10 on CPU printed these
    same(ops.gather(p3, t([[0, 2], [1, 1]], ms.int32), 1, 1),
         [[[0., 1., 2., 3.], [8., 9., 10., 11.]], [[16., 17., 18., 19.], [16., 17., 18., 19.]]])
    want = [[[0., 3.], [4., 7.], [8., 11.]], [[13., 13.], [17., 17.], [21., 21.]]]
    same(ops.gather(p3, t([[0, 3], [1, 1]], ms.int32), 2, 1), want)
    same(ops.gather(p3, t([[0, 3], [1, 1]], ms.int64), -1, -1), want)  # batch_dims -1: of the indices' rank
    same(ops.gather(p3, t([[0, 1, 2], [3, 2, 1]], ms.int32), 2, 2), [[0., 5., 10.], [15., 18., 21.]])
    # d/dp Σ gather(p, idx, 1, 1): one per pick, at the picked places
    g = ms.grad(lambda v: ops.gather(v, t([0, 2, 2], ms.int32), 1, 1).sum())(p)
    same(g, [[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0]])
    with pytest.raises(ValueError, match="Gather.*at least batch_dims"):
        ops.gather(p3, t([[0, 1], [1, 1]], ms.int32), 0, 1)
    with pytest.raises(RuntimeError, match="Gather.*axes of the params and the indices"):
        ops.gather(p3, t([[0, 3], [1, 1], [0, 0]], ms.int32), 2, 1)
    with pytest.raises(ValueError, match="batch_dims"):
        ops.gather(p3, t([[0, 3], [1, 1]], ms.int32), 2, 3)
    with pytest.raises(TypeError, match="batch_dims"):
        ops.gather(p3, t([[0, 3], [1, 1]], ms.int32), 2, 1.0)


def test_logsumexp_tuple_axes():
    y = t([[1., 2., 3.], [4., 5., 6.]])
    same(ops.logsumexp(y, ()), 6.456193, ms.float32, 1e-6)  # MindSpore 2.10: () reduces every axis
    same(ops.logsumexp(y, (0, 1), True), [[6.456193]], None, 1e-6)
    same(ops.logsumexp(y, [1]), [3.4076054, 6.4076056], None, 1e-6)
    same(ops.logsumexp(y, (-1, 0)), 6.456193, None, 1e-6)
    # d/dx logsumexp over every axis = softmax of the flattened input
    g = ms.grad(lambda v: ops.logsumexp(v, (0, 1)))(y)
    e = np.exp(np.arange(1., 7.)).reshape(2, 3)
    same(g, e / e.sum(), None, 1e-6)
    with pytest.raises(RuntimeError, match="LogSumExp.*more than once"):
        ops.logsumexp(y, (0, 0))
    with pytest.raises(ValueError, match="LogSumExp"):
        ops.logsumexp(y, (2,))


def test_ones_zeros_tensor_shape_and_keywords():
    # MindSpore 2.10 on CPU: shape [1, 2, 3] Float32 of ones / zeros
    same(ops.ones(ms.tensor([1, 2, 3])), np.ones((1, 2, 3)), ms.float32)
    same(ops.zeros(ms.tensor([1, 2, 3])), np.zeros((1, 2, 3)), ms.float32)
    same(ops.ones(shape=[3, 2, 1]), np.ones((3, 2, 1)))  # MindSpore 2.10: ones(shape=...)
    same(ops.zeros(size=[3, 2, 1]), np.zeros((3, 2, 1)))  # and zeros(size=...)
    same(ops.zeros(ms.tensor([2, 1], ms.int32), ms.int32), [[0], [0]], ms.int32)
    with pytest.raises(TypeError, match="ones.*integer Tensor"):
        ops.ones(ms.tensor([1., 2.]))
    with pytest.raises(TypeError, match="ones.*integer Tensor"):
        ops.ones(ms.tensor([[1, 2]]))
    with pytest.raises(TypeError):
        ops.ones(size=[2])  # MindSpore 2.10 names it `shape` here
    with pytest.raises(TypeError):
        ops.zeros(shape=[2])  # and `size` there


def test_pad_circular():
    x = t(np.arange(8).reshape(1, 2, 2, 2))
    # MindSpore 2.10 on CPU printed this
    same(ops.pad(x, (1, 1, 2, 1), mode='circular'),
         [[[[1., 0., 1., 0.], [3., 2., 3., 2.], [1., 0., 1., 0.], [3., 2., 3., 2.], [1., 0., 1., 0.]],
           [[5., 4., 5., 4.], [7., 6., 7., 6.], [5., 4., 5., 4.], [7., 6., 7., 6.], [5., 4., 5., 4.]]]])
    x2 = t(np.arange(6).reshape(2, 3))
    same(ops.pad(x2, (1, 2), mode='circular'), [[2., 0., 1., 2., 0., 1.], [5., 3., 4., 5., 3., 4.]])
    same(ops.pad(x2, (-1, 1), mode='circular'), [[1., 2., 1.], [4., 5., 4.]])  # MindSpore 2.10: crop, then wrap
    # MindSpore 2.10's gradient: each input element collects the weights of its copies
    g = ms.grad(lambda v: (ops.pad(v, (1, 2), mode='circular') * t(np.arange(6.))).sum())(t([[1., 2., 3.]]))
    same(g, [[5., 7., 3.]])
    with pytest.raises(ValueError, match="circular.*can not set value"):
        ops.pad(x2, (1, 1), mode='circular', value=1.0)
    with pytest.raises(ValueError, match="mode"):
        ops.pad(x2, (1, 1), mode='wrap')


def test_pow_select_split_keywords():
    same(ops.pow(t([1., 2., 4.]), exponent=3.0), [1., 8., 64.])  # MindSpore 2.10: [ 1.  8. 64.]
    same(ops.pow(input=t([1, 2], ms.int32), exponent=2), [1, 4], ms.int32)
    cond = ms.tensor([True, False])
    same(ops.select(cond, input=1, other=2), [1, 2], ms.int64)  # MindSpore 2.10: [1 2] Int64
    same(ops.select(condition=cond, input=1.5, other=t([1, 2], ms.int32)), [1.5, 2.], ms.float32)
    parts = ops.split(tensor=t(np.arange(10.)), split_size_or_sections=3)
    assert [p.asnumpy().tolist() for p in parts] == [[0., 1., 2.], [3., 4., 5.], [6., 7., 8.], [9.]]
    with pytest.raises(TypeError):
        ops.pow(x=t([1.]), y=2.0)  # MindSpore 2.10 refuses the old names
    with pytest.raises(TypeError):
        ops.select(cond=cond, input=1, other=2)
    with pytest.raises(TypeError):
        ops.select(t([1, 0], ms.int64), 1, 2)


def test_scatter_nd_use_locking():
    x = ms.Parameter(t(np.ones(4)))
    # MindSpore 2.10 on CPU: [2. 1. 3. 1.], written into x too
    same(ops.scatter_nd_add(x, t([[0], [2]], ms.int32), t([1., 2.]), False), [2., 1., 3., 1.])
    same(x.value(), [2., 1., 3., 1.])
    same(ops.scatter_nd_sub(x, t([[0], [2]], ms.int32), t([1., 2.]), use_locking=True), [1., 1., 1., 1.])
    for op in (ops.scatter_nd_mul, ops.scatter_nd_div, ops.scatter_nd_max, ops.scatter_nd_min):
        assert op(x, t([[1]], ms.int32), t([1.]), True).shape == (4,)
    with pytest.raises(TypeError, match="ScatterNdAdd.*use_locking"):
        ops.scatter_nd_add(x, t([[0]], ms.int32), t([1.]), 1)


def test_sgn_complex():
    x = ms.Tensor(np.array([3 + 4j, 7 - 24j, 0, 6 + 8j, 8]), ms.complex64)
    # MindSpore 2.10 on CPU: [0.6 +0.8j  0.28-0.96j 0.  +0.j   0.6 +0.8j  1.  +0.j  ]
    same(ops.sgn(x), [0.6 + 0.8j, 0.28 - 0.96j, 0j, 0.6 + 0.8j, 1 + 0j], ms.complex64, 1e-6)
    assert ops.sgn(ms.Tensor(np.array([3 + 4j]), ms.complex128)).dtype == ms.complex128
    same(ops.sgn(t([-2., 0., 3.])), [-1., 0., 1.], ms.float32)


def test_in_place_random_functions_in_random_func():
    from easy_mindspore.ops.function import random_func
    for name in ("uniform_", "normal_", "random_", "exponential_"):  # MindSpore 2.10's, reached there
        assert getattr(random_func, name) is getattr(ops, name)
    with pytest.raises(AttributeError):
        random_func.no_such_function_
    x = ops.zeros((2, 3))
    random_func.uniform_(x, 1.0, 2.0)
    assert ((x.asnumpy() >= 1.0) & (x.asnumpy() < 2.0)).all()


def test_deepcopy_and_eps():
    x = ms.tensor([[0, 1], [2, 1]], ms.int32)
    y = ops.deepcopy(x)  # MindSpore 2.10 on CPU: [[0 1] [2 1]], a new Int32 tensor
    assert y is not x
    same(y, [[0, 1], [2, 1]], ms.int32)
    same(ms.grad(lambda v: (ops.deepcopy(v) * v).sum())(t([1., 2.])), [2., 4.])
    # MindSpore 2.10: [1.1920929e-07 1.1920929e-07], [0.000977], [2.22044605e-16]
    same(ops.eps(t([1., 2.])), [2.0 ** -23] * 2, ms.float32)
    same(ops.eps(t([1.], ms.float16)), [2.0 ** -10], ms.float16)
    same(ops.eps(t([[1.]], ms.float64)), [[2.0 ** -52]], ms.float64)
    with pytest.raises(TypeError, match="Identity"):  # MindSpore's message names its primitive
        ops.deepcopy(3)
    with pytest.raises(TypeError, match="eps.*Int32"):
        ops.eps(t([1], ms.int32))
    with pytest.raises(TypeError, match="eps"):
        ops.eps(1.0)


def test_isclose_infinities_and_fmod_zero_signs():
    import easy_mindspore as mindspore
    # MindSpore 2.10's documented values.
    got = mindspore.ops.isclose(mindspore.tensor([2e6, float("inf"), float("-inf"), float("inf"), float("nan")]),
                                mindspore.tensor([2e7, float("inf"), float("-inf"), float("-inf"), float("nan")]))
    assert got.asnumpy().tolist() == [False, True, True, False, False]
    r = mindspore.ops.fmod(mindspore.tensor([-3.0, -2, -1, 3, 4, 5]), 2)
    assert r.asnumpy().tolist() == [-1.0, 0.0, -1.0, 1.0, 0.0, 1.0]
    assert not np.signbit(r.asnumpy()[1])   # printed 0., not -0.

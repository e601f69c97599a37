"""The ops functions of ``ops.function`` part two (math, array, nn) against NumPy float64
references, their gradients against central finite differences in Float64, the return structures
and dtypes MindSpore 2.10 gives, and typed errors. Numbers marked "MindSpore 2.10" were measured
on MindSpore 2.10 (CPU)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

RNG = np.random.default_rng(7)
SHAPES = [(0,), (1,), (5,), (3, 4), (2, 1, 3)]


def _fd(f, x, eps=1e-6):
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        d = np.zeros_like(x)
        d[i] = eps
        g[i] = (f(x + d) - f(x - d)) / (2 * eps)
    return g


def _check_grad(fn, *xs, tol=1e-5):
    """d/dx_k of sum(fn(*xs)·w) against finite differences, for each float64 input."""
    xs = [np.asarray(x, np.float64) for x in xs]
    out = np.asarray(fn(*[Tensor(x) for x in xs]).asnumpy())
    w = RNG.standard_normal(out.shape)
    for k in range(len(xs)):
        def f(v, k=k):
            args = [Tensor(v if j == k else x) for j, x in enumerate(xs)]
            return float((fn(*args).asnumpy() * w).sum())
        g = ms.grad(lambda *ts: (fn(*ts) * Tensor(w)).sum(), grad_position=k)(*[Tensor(x) for x in xs])
        np.testing.assert_allclose(g.asnumpy(), _fd(f, xs[k]), rtol=tol, atol=tol)


# -- unary elementwise: (name, NumPy reference, domain sampler, differentiable) -----------------
def _any(s):
    return RNG.standard_normal(s) * 2


def _unit(s):
    return RNG.uniform(-0.95, 0.95, s)


def _pos(s):
    return RNG.uniform(0.1, 3.0, s)


def _ge1(s):
    return RNG.uniform(1.05, 4.0, s)


def _nonint(s):
    return RNG.uniform(-3, 3, s) + 0.25  # keeps away from the kinks of floor/round in FD


UNARY = [
    ("log1p", np.log1p, _pos, True), ("expm1", np.expm1, _any, True), ("log2", np.log2, _pos, True),
    ("log10", np.log10, _pos, True), ("exp2", np.exp2, _any, True), ("atan", np.arctan, _any, True),
    ("asin", np.arcsin, _unit, True), ("acos", np.arccos, _unit, True),
    ("asinh", np.arcsinh, _any, True), ("acosh", np.arccosh, _ge1, True),
    ("atanh", np.arctanh, _unit, True), ("ceil", np.ceil, _nonint, False),
    ("round", np.round, _nonint, False), ("trunc", np.trunc, _nonint, False),
    ("frac", lambda x: x - np.trunc(x), _nonint, True), ("sinc", np.sinc, _any, True),
    ("erfc", lambda x: 1 - np.vectorize(__import__("math").erf)(x) if x.size else x, _any, True),
    ("logit", lambda x: np.log(x / (1 - x)), lambda s: RNG.uniform(0.05, 0.95, s), True),
    ("deg2rad", np.deg2rad, _any, True), ("rad2deg", np.rad2deg, _any, True),
    ("nan_to_num", np.nan_to_num, _any, True),
    ("selu", lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(x)), _any, True),
    ("mish", lambda x: x * np.tanh(np.log1p(np.exp(x))), _any, True),
    ("hardswish", lambda x: x * np.clip(x + 3, 0, 6) / 6, _nonint, True),
    ("hardsigmoid", lambda x: np.clip(x + 3, 0, 6) / 6, _nonint, True),
    ("tanhshrink", lambda x: x - np.tanh(x), _any, True),
    ("softshrink", lambda x: np.where(x > .5, x - .5, np.where(x < -.5, x + .5, 0)), _nonint, True),
    ("hardshrink", lambda x: np.where(np.abs(x) > .5, x, 0), _nonint, True),
    ("softsign", lambda x: x / (1 + np.abs(x)), _any, True),
    ("celu", lambda x: np.maximum(x, 0) + np.minimum(0, np.expm1(x)), _any, True),
]


@pytest.mark.parametrize("name,ref,dom,diff", UNARY, ids=[u[0] for u in UNARY])
@pytest.mark.parametrize("shape", SHAPES)
def test_unary_values_and_grads(name, ref, dom, diff, shape):
    fn = getattr(ops, name)
    x = dom(shape)
    for dt, tol in ((np.float64, 1e-12), (np.float32, 2e-6)):
        got = fn(Tensor(x.astype(dt)))
        assert got.dtype == (ms.float64 if dt == np.float64 else ms.float32)
        assert got.shape == shape
        np.testing.assert_allclose(got.asnumpy(), ref(x.astype(np.float64)), rtol=tol * 10, atol=tol * 10)
    if diff and x.size:
        _check_grad(fn, x)


def test_elementwise_edge_values():
    inf, nan = np.inf, np.nan
    x = np.array([-inf, -1e30, -1.0, -0.0, 0.0, 1e-30, 1.0, 1e30, inf])
    np.testing.assert_allclose(ops.atan(Tensor(x)).asnumpy(), np.arctan(x), rtol=1e-15)
    y = np.array([0.0, 1.0, -1.0, 0.0, 2.0, -3.0])
    z = np.array([0.0, 0.0, 0.0, -1.0, -2.0, 1e-300])
    np.testing.assert_allclose(ops.atan2(Tensor(y), Tensor(z)).asnumpy(), np.arctan2(y, z), rtol=1e-15)
    np.testing.assert_array_equal(ops.round(Tensor(np.array([0.5, 1.5, 2.5, -0.5, -2.5]))).asnumpy(),
                                  [0, 2, 2, -0, -2])
    np.testing.assert_allclose(ops.round(Tensor(np.array([1.2345, -2.5])), decimals=2).asnumpy(), [1.23, -2.5])
    # MindSpore 2.10: frac(±inf) is NaN, nan_to_num maps ±inf to the dtype's extremes.
    f = ops.frac(Tensor(np.array([inf, -2.5], np.float32))).asnumpy()
    assert np.isnan(f[0]) and f[1] == -0.5
    n = ops.nan_to_num(Tensor(np.array([nan, inf, -inf], np.float32))).asnumpy()
    np.testing.assert_array_equal(n, [0, np.finfo(np.float32).max, np.finfo(np.float32).min])
    np.testing.assert_array_equal(ops.nan_to_num(Tensor(np.array([nan, inf])), 1.0, 2.0, 3.0).asnumpy(), [1, 2])
    assert ops.sinc(Tensor(np.array([0.0]))).asnumpy()[0] == 1.0


BINARY = [
    ("atan2", np.arctan2, _any, True), ("hypot", np.hypot, _any, True),
    ("logaddexp", np.logaddexp, _any, True), ("xlogy", lambda a, b: a * np.log(b), _pos, True),
    ("fmod", np.fmod, _nonint, False), ("remainder", np.mod, _nonint, False),
    ("floor_divide", np.floor_divide, _nonint, False), ("true_divide", np.true_divide, _pos, True),
    ("float_power", np.float_power, _pos, True), ("logaddexp2", np.logaddexp2, _any, True),
]


@pytest.mark.parametrize("name,ref,dom,diff", BINARY, ids=[b[0] for b in BINARY])
@pytest.mark.parametrize("shapes", [((3, 4), (3, 4)), ((3, 1), (1, 4)), ((1,), (2, 3)), ((0, 2), (1, 2))])
def test_binary_broadcasting(name, ref, dom, diff, shapes):
    fn = getattr(ops, name)
    a, b = dom(shapes[0]), dom(shapes[1])
    got = fn(Tensor(a), Tensor(b))
    want = ref(a, b)
    assert got.shape == want.shape
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)
    if diff and got.size and shapes[0] == shapes[1]:
        _check_grad(fn, a, b)


def test_integer_division_family():
    a = Tensor(np.array([-7, 7, -7, 7], np.int32))
    b = Tensor(np.array([2, -2, -2, 2], np.int32))
    assert ops.floor_divide(a, b).asnumpy().tolist() == [-4, -4, 3, 3]
    assert ops.remainder(a, b).asnumpy().tolist() == [1, -1, -1, 1]
    fm = ops.fmod(a, b)
    assert fm.dtype == ms.int32 and fm.asnumpy().tolist() == [-1, 1, -1, 1]
    assert ops.true_divide(a, b).dtype == ms.float32
    assert ops.float_power(a, 2).dtype == ms.float64   # MindSpore 2.10


COMPARE = [("equal", np.equal), ("not_equal", np.not_equal), ("greater", np.greater),
           ("greater_equal", np.greater_equal), ("less", np.less), ("less_equal", np.less_equal),
           ("eq", np.equal), ("ne", np.not_equal), ("gt", np.greater), ("ge", np.greater_equal),
           ("lt", np.less), ("le", np.less_equal)]


@pytest.mark.parametrize("name,ref", COMPARE, ids=[c[0] for c in COMPARE])
def test_comparisons(name, ref):
    a = RNG.integers(0, 3, (3, 1)).astype(np.float32)
    b = RNG.integers(0, 3, (1, 4)).astype(np.float32)
    got = getattr(ops, name)(Tensor(a), Tensor(b))
    assert got.dtype == ms.bool_
    np.testing.assert_array_equal(got.asnumpy(), ref(a, b))
    np.testing.assert_array_equal(getattr(ops, name)(Tensor(a), 1.0).asnumpy(), ref(a, 1.0))


def test_isnan_isinf_isfinite_isclose():
    x = np.array([0.5, np.nan, np.inf, -np.inf, -1.0], np.float32)
    for name, ref in (("isnan", np.isnan), ("isinf", np.isinf), ("isfinite", np.isfinite)):
        got = getattr(ops, name)(Tensor(x))
        assert got.dtype == ms.bool_
        np.testing.assert_array_equal(got.asnumpy(), ref(x))
    xi = Tensor(np.array([1, 2], np.int32))
    assert ops.isnan(xi).asnumpy().tolist() == [False, False]
    assert ops.isfinite(xi).asnumpy().tolist() == [True, True]
    with pytest.raises(TypeError):
        ops.isinf(xi)   # MindSpore 2.10's IsInf kernel has no integer types
    a = np.array([1.0, 1.0 + 1e-9, np.nan, np.inf, 1e-9, 100.0])
    b = np.array([1.0, 1.0, np.nan, np.inf, 0.0, 100.001])
    for en in (False, True):
        np.testing.assert_array_equal(ops.isclose(Tensor(a), Tensor(b), equal_nan=en).asnumpy(),
                                      np.isclose(a, b, equal_nan=en))
    np.testing.assert_array_equal(ops.isclose(Tensor(a), Tensor(b), 1e-3, 0.0).asnumpy(),
                                  np.isclose(a, b, 1e-3, 0.0))
    assert ops.isclose(xi, Tensor(np.array([1, 3], np.int32))).asnumpy().tolist() == [True, False]


def test_heaviside_and_addc():
    x = np.array([-1.0, 0.0, 2.0])
    assert ops.heaviside(Tensor(x), Tensor(np.array([0.5]))).asnumpy().tolist() == [0.0, 0.5, 1.0]
    a, b, c = (RNG.standard_normal((2, 3)) for _ in range(3))
    np.testing.assert_allclose(ops.addcmul(Tensor(a), Tensor(b), Tensor(c), 0.5).asnumpy(), a + 0.5 * b * c)
    np.testing.assert_allclose(ops.addcdiv(Tensor(a), Tensor(b), Tensor(c), 2).asnumpy(), a + 2 * b / c)
    _check_grad(lambda p, q, r: ops.addcdiv(p, q, r, 0.5), a, b, c + 3.0)
    m, v, u = RNG.standard_normal((2, 3)), RNG.standard_normal(3), RNG.standard_normal(2)
    np.testing.assert_allclose(ops.addmv(Tensor(u), Tensor(m), Tensor(v), beta=2, alpha=3).asnumpy(),
                               2 * u + 3 * m @ v)
    np.testing.assert_allclose(ops.addr(Tensor(m), Tensor(u), Tensor(v)).asnumpy(), m + np.outer(u, v))


# -- reductions --------------------------------------------------------------------------------
@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # NumPy's nanmean/std of empty slices
@pytest.mark.parametrize("shape,axis", [((3, 4), None), ((3, 4), 1), ((2, 1, 3), (0, 2)), ((1, 5), 0)])
def test_reductions(shape, axis):
    x = RNG.standard_normal(shape)
    x.flat[0] = 0.0
    for keep in (False, True):
        np.testing.assert_allclose(ops.amax(Tensor(x), axis, keep).asnumpy(), np.amax(x, axis, keepdims=keep))
        np.testing.assert_allclose(ops.amin(Tensor(x), axis, keep).asnumpy(), np.amin(x, axis, keepdims=keep))
        for name, ref in (("all", np.all), ("any", np.any)):
            got = getattr(ops, name)(Tensor(x), axis, keep)
            assert got.dtype == ms.bool_
            np.testing.assert_array_equal(got.asnumpy(), ref(x, axis, keepdims=keep))
        cnt = ops.count_nonzero(Tensor(x), () if axis is None else axis, keep)
        assert cnt.dtype == ms.int32
        np.testing.assert_array_equal(cnt.asnumpy(), np.count_nonzero(x, axis, keepdims=keep))
    s, m = ops.std_mean(Tensor(x), axis, 1)
    np.testing.assert_allclose(s.asnumpy(), np.std(x, axis, ddof=1))
    np.testing.assert_allclose(m.asnumpy(), np.mean(x, axis))
    xn = x.copy()
    xn.flat[-1] = np.nan
    np.testing.assert_allclose(ops.nansum(Tensor(xn), axis).asnumpy(), np.nansum(xn, axis))
    np.testing.assert_allclose(ops.nanmean(Tensor(xn), axis).asnumpy(), np.nanmean(xn, axis))
    _check_grad(lambda t: ops.amax(t, axis), x)


def test_amax_initial_where_and_aminmax():
    x = np.array([[1.0, 5.0, 2.0], [7.0, -1.0, 3.0]])
    w = np.array([[True, False, True], [False, True, True]])
    got = ops.amax(Tensor(x), 1, initial=0.0, where=Tensor(w))
    np.testing.assert_array_equal(got.asnumpy(), np.amax(x, 1, initial=0.0, where=w))
    lo, hi = ops.aminmax(Tensor(x.astype(np.float32)), axis=1)
    assert lo.asnumpy().tolist() == [1.0, -1.0] and hi.asnumpy().tolist() == [5.0, 7.0]


def test_median_cummax_cummin_structures():
    # MindSpore 2.10: median([[3,1,2,4],[1,1,1,0]]) -> values [2, 1], Int64 indices [2, 0].
    v, i = ops.median(Tensor(np.array([[3., 1., 2., 4.], [1, 1, 1, 0]], np.float32)))
    assert v.asnumpy().tolist() == [2.0, 1.0] and i.dtype == ms.int64 and i.asnumpy().tolist() == [2, 0]
    v, i = ops.median(Tensor(np.array([[3., 1.], [2., 5.], [0., 4.]])), 0, True)
    assert v.shape == (1, 2) and v.asnumpy().tolist() == [[2.0, 4.0]] and i.asnumpy().tolist() == [[1, 2]]
    # MindSpore 2.10: cummax gives Int64 indices of the last maximum, cummin Int32 ones.
    v, i = ops.cummax(Tensor(np.array([1., 3., 2., 3., 5.], np.float32)), 0)
    assert v.asnumpy().tolist() == [1, 3, 3, 3, 5] and i.dtype == ms.int64 and i.asnumpy().tolist() == [0, 1, 1, 3, 4]
    v, i = ops.cummin(Tensor(np.array([3., 1., 2., 1., 0.], np.float32)), 0)
    assert v.asnumpy().tolist() == [3, 1, 1, 1, 0] and i.dtype == ms.int32 and i.asnumpy().tolist() == [0, 1, 1, 3, 4]
    x = RNG.standard_normal((3, 6))
    v, i = ops.cummax(Tensor(x), 1)
    np.testing.assert_array_equal(v.asnumpy(), np.maximum.accumulate(x, 1))
    np.testing.assert_array_equal(np.take_along_axis(x, i.asnumpy(), 1), v.asnumpy())
    _check_grad(lambda t: ops.cummax(t, 1)[0], x)
    _check_grad(lambda t: ops.median(t, 1)[0], x)
    got = ops.logcumsumexp(Tensor(x), 1).asnumpy()
    np.testing.assert_allclose(got, np.log(np.cumsum(np.exp(x), 1)), rtol=1e-12)
    _check_grad(lambda t: ops.logcumsumexp(t, 0), x)
    with pytest.raises(TypeError):
        ops.median(Tensor(x), None)


# -- matrices ----------------------------------------------------------------------------------
@pytest.mark.parametrize("shape", [(3, 3), (2, 4), (4, 2), (2, 3, 3), (1, 1)])
@pytest.mark.parametrize("k", [-1, 0, 2])
def test_triu_tril(shape, k):
    x = RNG.standard_normal(shape)
    np.testing.assert_array_equal(ops.triu(Tensor(x), k).asnumpy(), np.triu(x, k))
    np.testing.assert_array_equal(ops.tril(Tensor(x), k).asnumpy(), np.tril(x, k))
    if len(shape) == 2:
        np.testing.assert_array_equal(ops.diagonal(Tensor(x), k).asnumpy(), np.diagonal(x, k))
        _check_grad(lambda t: ops.diagonal(t, k), x)
    _check_grad(lambda t: ops.triu(t, k), x)


def test_diag_family_and_indices():
    v = np.array([1.0, 2.0, 3.0])
    np.testing.assert_array_equal(ops.diag(Tensor(v)).asnumpy(), np.diag(v))
    m = np.arange(4.0).reshape(2, 2)
    assert ops.diag(Tensor(m)).shape == (2, 2, 2, 2)   # MindSpore 2.10: rank 2k
    x = RNG.standard_normal((2, 3, 4))
    np.testing.assert_array_equal(ops.diagonal(Tensor(x), 1, 2, 0).asnumpy(), np.diagonal(x, 1, 2, 0))
    for off in (-1, 0, 2):
        e = ops.diag_embed(Tensor(v), off).asnumpy()
        np.testing.assert_array_equal(e, np.diag(v, off))
    np.testing.assert_array_equal(ops.diag_embed(Tensor(x)).asnumpy()[1, 2], np.diag(x[1, 2]))
    for r, c, o in ((3, 3, 0), (3, 2, 1), (4, 5, -1), (0, 3, 0)):
        t = ops.tril_indices(r, c, o)
        assert t.dtype == ms.int64
        np.testing.assert_array_equal(t.asnumpy(), np.stack(np.tril_indices(r, o, c)).reshape(2, -1))
        np.testing.assert_array_equal(ops.triu_indices(r, c, o, dtype=ms.int32).asnumpy(),
                                      np.stack(np.triu_indices(r, o, c)).reshape(2, -1))


def test_products_kron_cross_einsum_cdist():
    a, b = RNG.standard_normal((2, 3)), RNG.standard_normal((3, 1, 2))
    np.testing.assert_allclose(ops.kron(Tensor(a), Tensor(b)).asnumpy(), np.kron(a, b))
    _check_grad(ops.kron, a, RNG.standard_normal((2, 2)))
    u, w = RNG.standard_normal((4, 3)), RNG.standard_normal((4, 3))
    np.testing.assert_allclose(ops.cross(Tensor(u), Tensor(w)).asnumpy(), np.cross(u, w), atol=1e-14)
    np.testing.assert_allclose(ops.cross(Tensor(u.T), Tensor(w.T), 0).asnumpy(), np.cross(u, w).T, atol=1e-14)
    _check_grad(ops.cross, u, w)
    p, q, r = RNG.standard_normal((2, 3, 4)), RNG.standard_normal((2, 4, 5)), RNG.standard_normal((5,))
    for eq, args in (("bij,bjk->bik", (p, q)), ("bij,bjk,k->bi", (p, q, r)), ("...ij,...jk", (p, q)),
                     ("ii->i", (a[:, :2] @ a[:, :2].T,)), ("ij->", (a,)), ("ij,ij->ij", (a, a)),
                     ("i,j->ij", (r, r)), ("bij->jb", (p,))):
        np.testing.assert_allclose(ops.einsum(eq, *[Tensor(t) for t in args]).asnumpy(),
                                   np.einsum(eq, *args), rtol=1e-12, atol=1e-12)
    _check_grad(lambda s, t: ops.einsum("bij,bjk->bik", s, t), p, q)
    x1, x2 = RNG.standard_normal((2, 3, 4)), RNG.standard_normal((2, 5, 4))
    for pp in (1.0, 2.0, 3.0, float("inf")):
        want = np.linalg.norm(x1[:, :, None] - x2[:, None], ord=pp, axis=-1)
        np.testing.assert_allclose(ops.cdist(Tensor(x1), Tensor(x2), pp).asnumpy(), want, rtol=1e-12)
    _check_grad(lambda s, t: ops.cdist(s, t), x1, x2)
    cs = ops.cosine_similarity(Tensor(u), Tensor(w)).asnumpy()
    np.testing.assert_allclose(cs, (u * w).sum(1) / np.linalg.norm(u, axis=1) / np.linalg.norm(w, axis=1))
    # MindSpore 2.10: a zero row has similarity 0, not NaN.
    assert ops.cosine_similarity(Tensor(np.zeros((2, 3), np.float32)), Tensor(np.ones((2, 3), np.float32))).asnumpy().tolist() == [0, 0]


def test_logspace():
    got = ops.logspace(0, 2, 3)
    assert got.dtype == ms.float32 and got.asnumpy().tolist() == [1.0, 10.0, 100.0]
    np.testing.assert_allclose(ops.logspace(-1.0, 1.0, 5, base=2, dtype=ms.float64).asnumpy(),
                               np.logspace(-1, 1, 5, base=2))


# -- array functions ---------------------------------------------------------------------------
@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 1, 3), (0, 3)])
def test_roll_flip_rot90(shape):
    x = RNG.standard_normal(shape)
    for shift in (0, 1, -2, 7):
        np.testing.assert_array_equal(ops.roll(Tensor(x), shift).asnumpy(), np.roll(x, shift))
        np.testing.assert_array_equal(ops.roll(Tensor(x), shift, len(shape) - 1).asnumpy(),
                                      np.roll(x, shift, len(shape) - 1))
    np.testing.assert_array_equal(ops.flip(Tensor(x), (0,)).asnumpy(), np.flip(x, 0))
    np.testing.assert_array_equal(ops.flip(Tensor(x), tuple(range(len(shape)))).asnumpy(), np.flip(x))
    if len(shape) >= 2:
        for k in range(-1, 5):
            np.testing.assert_array_equal(ops.rot90(Tensor(x), k, (0, 1)).asnumpy(), np.rot90(x, k, (0, 1)))
        np.testing.assert_array_equal(ops.rot90(Tensor(x), 1, (1, 0)).asnumpy(), np.rot90(x, 1, (1, 0)))
    if x.size:
        _check_grad(lambda t: ops.roll(t, 2, 0), x)
        _check_grad(lambda t: ops.flip(t, (0,)), x)


def test_index_select_and_scatters():
    x = RNG.standard_normal((3, 4))
    idx = np.array([2, 0, 2])
    for axis in (0, 1, -1):
        np.testing.assert_array_equal(ops.index_select(Tensor(x), axis, Tensor(idx.astype(np.int32))).asnumpy(),
                                      np.take(x, idx, axis))
    _check_grad(lambda t: ops.index_select(t, 1, Tensor(idx)), x)
    y = RNG.standard_normal((3, 3))
    want = x.copy()
    np.add.at(want, (slice(None), idx), y)
    got = ops.index_add(Tensor(x), Tensor(idx.astype(np.int32)), Tensor(y), 1)
    np.testing.assert_allclose(got.asnumpy(), want)
    _check_grad(lambda s, t: ops.index_add(s, Tensor(idx.astype(np.int32)), t, 1), x, y)
    ind = np.array([[0, 1], [2, 3], [0, 1]])
    upd = np.array([1.0, 2.0, 3.0])
    want = np.zeros((3, 4))
    np.add.at(want, (ind[:, 0], ind[:, 1]), upd)
    np.testing.assert_array_equal(ops.scatter_nd(Tensor(ind), Tensor(upd), (3, 4)).asnumpy(), want)
    rows = np.array([[1], [0]])
    sl = RNG.standard_normal((2, 4))
    want = np.zeros((3, 4))
    want[[1, 0]] += sl
    np.testing.assert_array_equal(ops.scatter_nd(Tensor(rows), Tensor(sl), (3, 4)).asnumpy(), want)
    np.testing.assert_array_equal(ops.gather_nd(Tensor(x), Tensor(ind)).asnumpy(), x[ind[:, 0], ind[:, 1]])
    np.testing.assert_array_equal(ops.gather_nd(Tensor(x), Tensor(rows)).asnumpy(), x[[1, 0]])
    _check_grad(lambda t: ops.gather_nd(t, Tensor(ind)), x)
    np.testing.assert_allclose(ops.tensor_scatter_add(Tensor(x), Tensor(ind), Tensor(upd)).asnumpy(),
                               x + ops.scatter_nd(Tensor(ind), Tensor(upd), (3, 4)).asnumpy())
    want = x.copy()
    want[[1, 0]] = sl
    np.testing.assert_array_equal(ops.tensor_scatter_update(Tensor(x), Tensor(rows), Tensor(sl)).asnumpy(), want)
    _check_grad(lambda s, t: ops.tensor_scatter_update(s, Tensor(rows), t), x, sl)
    with pytest.raises(IndexError):
        ops.gather_nd(Tensor(x), Tensor(np.array([[3, 0]])))
    with pytest.raises(IndexError):
        ops.index_select(Tensor(x), 0, Tensor(np.array([5], np.int32)))
    with pytest.raises(TypeError):
        ops.index_select(Tensor(x), 0, Tensor(np.array([0.0])))
    with pytest.raises(ValueError):
        ops.scatter_nd(Tensor(ind), Tensor(upd[:2]), (3, 4))


def test_scatter_add_updates_a_parameter():
    p = ms.Parameter(Tensor(np.zeros((3, 2), np.float32)), name="p")
    out = ops.scatter_add(p, Tensor(np.array([0, 2, 0], np.int32)), Tensor(np.ones((3, 2), np.float32)))
    assert type(out) is Tensor and out is not p  # MindSpore 2.10: a Tensor; the Parameter updated
    assert p.asnumpy().tolist() == [[2, 2], [0, 0], [1, 1]]


@pytest.mark.parametrize("n", [0, 1, 5, 6, 7])
def test_splits_and_chunks(n):
    x = RNG.standard_normal((2, n))
    for k in (1, 2, 3):
        got = ops.tensor_split(Tensor(x), k, 1)
        want = np.array_split(x, k, 1)
        assert len(got) == len(want)
        for g, w in zip(got, want):
            np.testing.assert_array_equal(g.asnumpy(), w)
        parts = ops.chunk(Tensor(x), k, 1)
        size = -(-n // k) if n else 0
        assert [p.shape[1] for p in parts] == ([n] if size == 0 else
                                               [min(size, n - i) for i in range(0, n, size)])
    got = ops.tensor_split(Tensor(x), [1, 3], 1)
    for g, w in zip(got, np.split(x, [1, 3], 1)):
        np.testing.assert_array_equal(g.asnumpy(), w)
    # MindSpore 2.10: chunk of 5 rows into 3 gives 2, 2, 1.
    assert [c.shape for c in ops.chunk(Tensor(np.ones((5, 2), np.float32)), 3)] == [(2, 2), (2, 2), (1, 2)]


def test_stacks_and_axis_moves():
    a, b = RNG.standard_normal((2, 3)), RNG.standard_normal((2, 3))
    v = RNG.standard_normal(3)
    for name in ("hstack", "vstack", "dstack", "column_stack"):
        np.testing.assert_array_equal(getattr(ops, name)([Tensor(a), Tensor(b)]).asnumpy(),
                                      getattr(np, name)([a, b]))
        np.testing.assert_array_equal(getattr(ops, name)([Tensor(v), Tensor(v)]).asnumpy(),
                                      getattr(np, name)([v, v]))
    for name in ("hsplit", "vsplit"):
        for g, w in zip(getattr(ops, name)(Tensor(a), 2 if name == "vsplit" else 3), getattr(np, name)(a, 2 if name == "vsplit" else 3)):
            np.testing.assert_array_equal(g.asnumpy(), w)
    x = RNG.standard_normal((2, 3, 4))
    np.testing.assert_array_equal(ops.movedim(Tensor(x), 0, -1).asnumpy(), np.moveaxis(x, 0, -1))
    np.testing.assert_array_equal(ops.moveaxis(Tensor(x), (0, 1), (2, 0)).asnumpy(), np.moveaxis(x, (0, 1), (2, 0)))
    np.testing.assert_array_equal(ops.swapaxes(Tensor(x), 0, 2).asnumpy(), np.swapaxes(x, 0, 2))
    for k, name in ((1, "atleast_1d"), (2, "atleast_2d"), (3, "atleast_3d")):
        for s in ((), (3,), (2, 3)):
            np.testing.assert_array_equal(getattr(ops, name)(Tensor(np.ones(s))).shape,
                                          getattr(np, name)(np.ones(s)).shape)
    assert ops.full_like(Tensor(a), 7).asnumpy().tolist() == [[7.0] * 3] * 2
    assert ops.full_like(Tensor(a), 7, dtype=ms.int32).dtype == ms.int32
    assert ops.numel(Tensor(x)) == 24 and ops.rank(Tensor(x)) == 3
    np.testing.assert_array_equal(ops.argwhere(Tensor(a > 0)).asnumpy(), np.argwhere(a > 0))


def test_range_and_unique_consecutive():
    # MindSpore 2.10: ops.range(0, 5, 2) is Int64 [0, 2, 4]; Float32 for float arguments.
    r = ops.range(0, 5, 2)
    assert r.dtype == ms.int64 and r.asnumpy().tolist() == [0, 2, 4]
    r = ops.range(Tensor(0.0), Tensor(1.0), Tensor(0.25))
    assert r.dtype == ms.float32 and r.asnumpy().tolist() == [0, 0.25, 0.5, 0.75]
    assert ops.range(5, 0, -2).asnumpy().tolist() == [5, 3, 1]
    with pytest.raises(ValueError):
        ops.range(0, 5, 0)
    x = Tensor(np.array([1, 1, 2, 2, 3, 1]))
    out = ops.unique_consecutive(x)
    assert isinstance(out, Tensor) and out.asnumpy().tolist() == [1, 2, 3, 1]
    out, inv, cnt = ops.unique_consecutive(x, True, True)
    assert inv.asnumpy().tolist() == [0, 0, 1, 1, 2, 3] and cnt.asnumpy().tolist() == [2, 2, 1, 1]


# -- nn functions --------------------------------------------------------------------------------
def test_nn_functions_mindspore_numbers():
    # Each reference below was printed by MindSpore 2.10 on the same inputs.
    a = Tensor(np.array([0.2, 0.7, 0.9], np.float32))
    b = Tensor(np.array([0.0, 1.0, 1.0], np.float32))
    y = Tensor(np.array([1.0, -1.0, 1.0], np.float32))
    np.testing.assert_allclose(ops.binary_cross_entropy(a, b).asnumpy(), 0.2284, atol=1e-4)
    np.testing.assert_allclose(ops.kl_div(a, b).asnumpy(), -0.5333, atol=1e-4)
    np.testing.assert_allclose(ops.smooth_l1_loss(a, b).asnumpy(), [0.02, 0.045, 0.005], atol=1e-6)
    np.testing.assert_allclose(ops.huber_loss(a, b, delta=0.5).asnumpy(), 0.0233, atol=1e-4)
    np.testing.assert_allclose(ops.margin_ranking_loss(a, b, y, 0.1).asnumpy(), 0.0667, atol=1e-4)
    np.testing.assert_allclose(ops.hinge_embedding_loss(a, y).asnumpy(), 0.4667, atol=1e-4)
    x = Tensor(np.array([[-2.0, -0.3, 0.0, 0.4, 3.0]], np.float32))
    np.testing.assert_allclose(ops.celu(x, 2.0).asnumpy(), [[-1.2642, -0.2786, 0, 0.4, 3]], atol=1e-4)
    np.testing.assert_allclose(ops.softmin(x).asnumpy(), [[0.7065, 0.1291, 0.0956, 0.0641, 0.0048]], atol=1e-4)
    np.testing.assert_allclose(ops.threshold(x, 0.1, 20.0).asnumpy(), [[20, 20, 20, 0.4, 3]])
    np.testing.assert_allclose(ops.prelu(x, Tensor(np.array([0.25], np.float32))).asnumpy(),
                               [[-0.5, -0.075, 0, 0.4, 3]], atol=1e-6)
    np.testing.assert_allclose(ops.glu(Tensor(np.arange(4.0, dtype=np.float32).reshape(1, 4))).asnumpy(),
                               [[0.0, 0.9526]], atol=1e-4)
    ps = ops.pixel_shuffle(Tensor(np.arange(8.0, dtype=np.float32).reshape(1, 4, 1, 2)), 2)
    assert ps.asnumpy().tolist() == [[[[0, 2, 1, 3], [4, 6, 5, 7]]]]
    i4 = Tensor(np.arange(4.0, dtype=np.float32).reshape(1, 1, 2, 2))
    assert ops.interpolate(i4, size=(3, 4)).asnumpy().tolist() == [[[[0, 0, 1, 1], [0, 0, 1, 1], [2, 2, 3, 3]]]]
    np.testing.assert_allclose(ops.interpolate(i4, size=(3, 4), mode="bilinear").asnumpy(),
                               [[[[0, .25, .75, 1], [1, 1.25, 1.75, 2], [2, 2.25, 2.75, 3]]]])
    np.testing.assert_allclose(ops.interpolate(i4, size=(3, 4), mode="bilinear", align_corners=True).asnumpy()[0, 0, 0],
                               [0, 1 / 3, 2 / 3, 1], atol=1e-6)
    np.testing.assert_allclose(ops.interpolate(i4, scale_factor=(1.5, 1.5), mode="bilinear",
                                               recompute_scale_factor=True).asnumpy(),
                               [[[[0, .5, 1], [1, 1.5, 2], [2, 2.5, 3]]]])
    x16 = Tensor(np.arange(16.0, dtype=np.float32).reshape(1, 1, 4, 4))
    assert ops.avg_pool2d(x16, 2, 2).asnumpy().tolist() == [[[[2.5, 4.5], [10.5, 12.5]]]]
    v, i = ops.max_pool2d(x16, 2, 2, return_indices=True)
    assert v.asnumpy().tolist() == [[[[5, 7], [13, 15]]]] and i.dtype == ms.int64
    assert i.asnumpy().tolist() == [[[[5, 7], [13, 15]]]]
    assert ops.adaptive_avg_pool2d(x16, (2, 3)).asnumpy().tolist() == [[[[2.5, 3.5, 4.5], [10.5, 11.5, 12.5]]]]
    c = ops.conv2d(x16, Tensor(np.ones((2, 1, 3, 3), np.float32)), pad_mode="pad", padding=1, stride=2)
    assert c.asnumpy().tolist() == [[[[10, 24], [51, 90]], [[10, 24], [51, 90]]]]


def _np_conv2d(x, w, stride, pad, dil, groups):
    x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    ho = (h - dil * (kh - 1) - 1) // stride + 1
    wo = (wd - dil * (kw - 1) - 1) // stride + 1
    out = np.zeros((n, o, ho, wo))
    og = o // groups
    for oc in range(o):
        g = oc // og
        for i in range(ho):
            for j in range(wo):
                patch = x[:, g * cg:(g + 1) * cg, i * stride:i * stride + dil * (kh - 1) + 1:dil,
                          j * stride:j * stride + dil * (kw - 1) + 1:dil]
                out[:, oc, i, j] = (patch * w[oc]).sum((1, 2, 3))
    return out


@pytest.mark.parametrize("stride,pad,dil,groups", [(1, 0, 1, 1), (2, 1, 1, 1), (1, 2, 2, 2), (3, 1, 1, 4)])
def test_conv2d_against_numpy(stride, pad, dil, groups):
    x = RNG.standard_normal((2, 4, 7, 6))
    w = RNG.standard_normal((4, 4 // groups, 3, 2))
    got = ops.conv2d(Tensor(x), Tensor(w), None, stride, "pad", pad, dil, groups)
    np.testing.assert_allclose(got.asnumpy(), _np_conv2d(x, w, stride, pad, dil, groups), rtol=1e-10, atol=1e-10)
    _check_grad(lambda s, t: ops.conv2d(s, t, None, stride, "pad", pad, dil, groups), x[:1, :, :5, :4], w)
    x1 = RNG.standard_normal((2, 4, 9))
    w1 = RNG.standard_normal((4, 4 // groups, 3))
    got = ops.conv1d(Tensor(x1), Tensor(w1), None, stride, "pad", pad, dil, groups)
    x1p = np.pad(x1, ((0, 0), (0, 0), (pad, pad)))
    want = _np_conv2d(x1p[:, :, None], w1[:, :, None], stride, 0, dil, groups)[:, :, 0]
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-10, atol=1e-10)


def test_conv2d_same_matches_the_layer():
    net = ms.nn.Conv2d(3, 4, 3, stride=2, pad_mode="same", has_bias=True)
    x = Tensor(RNG.standard_normal((1, 3, 7, 8)).astype(np.float32))
    got = ops.conv2d(x, net.weight, net.bias, 2, "same")
    np.testing.assert_allclose(got.asnumpy(), net(x).asnumpy(), rtol=1e-5, atol=1e-5)


LOSSES = [
    ("smooth_l1_loss", lambda a, b: np.where(np.abs(a - b) < 1, 0.5 * (a - b) ** 2, np.abs(a - b) - 0.5)),
    ("huber_loss", lambda a, b: np.where(np.abs(a - b) <= 1, 0.5 * (a - b) ** 2, np.abs(a - b) - 0.5).mean()),
    ("soft_margin_loss", lambda a, b: np.log1p(np.exp(-a * b)).mean()),
]


@pytest.mark.parametrize("name,ref", LOSSES, ids=[n for n, _ in LOSSES])
def test_losses_against_numpy(name, ref):
    a, b = RNG.standard_normal((3, 4)) * 2, np.sign(RNG.standard_normal((3, 4)))
    np.testing.assert_allclose(getattr(ops, name)(Tensor(a), Tensor(b)).asnumpy(), ref(a, b), rtol=1e-12)
    _check_grad(lambda t: getattr(ops, name)(t, Tensor(b)), a)


def test_pool_and_interpolate_grads():
    x = RNG.standard_normal((1, 2, 5, 4))
    _check_grad(lambda t: ops.interpolate(t, size=(7, 3), mode="bilinear"), x)
    _check_grad(lambda t: ops.interpolate(t, size=(7, 3), mode="bilinear", align_corners=True), x)
    _check_grad(lambda t: ops.avg_pool2d(t, 2, 1, 1), x)
    _check_grad(lambda t: ops.max_pool2d(t, 3, 2, 1, return_indices=True)[0], x)
    _check_grad(lambda t: ops.pixel_shuffle(t, 1), x)
    _check_grad(lambda t, b: ops.bias_add(t, b), x, RNG.standard_normal(2))
    _check_grad(lambda t, w: ops.dense(t, w), RNG.standard_normal((2, 3)), RNG.standard_normal((4, 3)))


def test_nn_cells_use_the_functions():
    x = Tensor(np.array([-2.0, -0.3, 0.0, 0.4, 3.0], np.float32))
    for cell, fn in ((ms.nn.SeLU(), ops.selu), (ms.nn.Mish(), ops.mish), (ms.nn.HSwish(), ops.hardswish),
                     (ms.nn.HSigmoid(), ops.hardsigmoid), (ms.nn.Tanhshrink(), ops.tanhshrink),
                     (ms.nn.SoftShrink(), ops.softshrink), (ms.nn.HShrink(), ops.hardshrink),
                     (ms.nn.Softsign(), ops.softsign), (ms.nn.CELU(), ops.celu)):
        np.testing.assert_array_equal(cell(x).asnumpy(), fn(x).asnumpy())
    a, b = Tensor(np.array([0.2, 0.7], np.float32)), Tensor(np.array([0.0, 1.0], np.float32))
    np.testing.assert_array_equal(ms.nn.BCELoss()(a, b).asnumpy(), ops.binary_cross_entropy(a, b).asnumpy())
    np.testing.assert_array_equal(ms.nn.KLDivLoss("batchmean")(a, b).asnumpy(), ops.kl_div(a, b, "batchmean").asnumpy())


def test_typed_errors():
    xi = Tensor(np.array([1, 2], np.int32))
    for fn in (ops.ceil, ops.log2, ops.asin, ops.deg2rad, ops.atan):
        with pytest.raises(TypeError):
            fn(xi)
    with pytest.raises(TypeError):
        ops.hypot(xi, xi)
    x = Tensor(np.ones((2, 3), np.float32))
    with pytest.raises(ValueError):
        ops.triu(Tensor(np.ones(3, np.float32)))
    with pytest.raises(ValueError):
        ops.roll(x, (1, 2), (0,))
    with pytest.raises(ValueError):
        ops.flip(x, (2,))
    with pytest.raises(ValueError):
        ops.chunk(x, 0)
    with pytest.raises(ValueError):
        ops.einsum("ij,jk->ik", x)
    with pytest.raises(ValueError):
        ops.cross(Tensor(np.ones((2, 2))), Tensor(np.ones((2, 2))))
    with pytest.raises(ValueError):
        ops.glu(Tensor(np.ones((2, 3), np.float32)))
    with pytest.raises(ValueError):
        ops.smooth_l1_loss(x, Tensor(np.ones((3, 2), np.float32)))
    with pytest.raises(ValueError):
        ops.interpolate(Tensor(np.ones((1, 1, 2, 2), np.float32)), size=(2, 2), mode="trilinear")
    with pytest.raises(ValueError):
        ops.conv2d(Tensor(np.ones((1, 3, 4, 4), np.float32)), Tensor(np.ones((2, 2, 3, 3), np.float32)))
    with pytest.raises(TypeError):
        ops.dense([1.0], x)
    with pytest.raises(ValueError):
        ops.median(Tensor(np.ones((2, 0), np.float32)), 1)
    with pytest.raises(ValueError):
        ops.amax(Tensor(np.ones((0,), np.float32)))


# -- random ------------------------------------------------------------------------------------
def test_random_functions_reproduce_and_distribute():
    w = Tensor(np.array([[0.1, 0.6, 0.3, 0.0], [0.0, 0.0, 1.0, 0.0]], np.float32))
    ms.set_seed(3)
    a = ops.multinomial(w, 4000)
    ms.set_seed(3)
    b = ops.multinomial(w, 4000)
    assert a.dtype == ms.int32 and a.shape == (2, 4000)   # Int32, as MindSpore 2.10
    np.testing.assert_array_equal(a.asnumpy(), b.asnumpy())
    freq = np.bincount(a.asnumpy()[0], minlength=4) / 4000
    np.testing.assert_allclose(freq, [0.1, 0.6, 0.3, 0.0], atol=0.03)
    assert set(a.asnumpy()[1].tolist()) == {2}
    c = ops.multinomial(Tensor(np.array([0.1, 0.6, 0.3, 0.0])), 3, False).asnumpy()
    assert c.shape == (3,) and sorted(c.tolist()) == [0, 1, 2]
    with pytest.raises(ValueError):
        ops.multinomial(Tensor(np.array([0.5, 0.5, 0.0])), 3, False)
    with pytest.raises(ValueError):
        ops.multinomial(Tensor(np.array([-1.0, 1.0])), 1)
    x = Tensor(np.zeros(20000, np.float32))
    bern = ops.bernoulli(x, 0.3, seed=5)
    assert bern.dtype == ms.float32 and abs(float(bern.mean()) - 0.3) < 0.02
    np.testing.assert_array_equal(bern.asnumpy(), ops.bernoulli(x, 0.3, seed=5).asnumpy())
    p = ops.randperm(10, seed=4)
    assert p.dtype == ms.int64 and sorted(p.asnumpy().tolist()) == list(range(10))
    np.testing.assert_array_equal(p.asnumpy(), ops.randperm(10, seed=4).asnumpy())
    s = ops.shuffle(Tensor(np.arange(12).reshape(6, 2)), seed=2).asnumpy()
    assert sorted(s[:, 0].tolist()) == [0, 2, 4, 6, 8, 10] and (s[:, 1] == s[:, 0] + 1).all()


def test_std_var_take_both_spellings():
    """MindSpore 2.10's Tensor.std/var: (axis, ddof, keepdims) and (dim=, correction=, keepdim=)."""
    a = np.arange(10, dtype=np.float32).reshape(2, 5)
    x = Tensor(a)
    assert np.allclose(x.std(dim=1).asnumpy(), a.std(1))
    assert np.allclose(x.var(dim=1, correction=1).asnumpy(), a.var(1, ddof=1))
    assert x.std(1, keepdim=True).shape == (2, 1)
    assert np.isclose(float(x.std(correction=0).asnumpy()), a.std())
    assert np.isclose(float(x.var(axis=0, ddof=1).asnumpy()[0]), a.var(0, ddof=1)[0])


def test_tensor_scatter_update_keeps_the_last_of_repeated_positions():
    # MindSpore 2.10 on CPU: [2. 0. 5.] (its kernel writes the updates in order); eager, traced
    # and the gradient (the earlier update of a repeated position does not reach the output).
    idx, upd = Tensor([[0], [0], [2]]), Tensor([1.0, 2.0, 5.0])
    zeros = Tensor(np.zeros(3, np.float32))
    assert ops.tensor_scatter_update(zeros, idx, upd).asnumpy().tolist() == [2.0, 0.0, 5.0]
    traced = ms.jit(lambda i, u: ops.tensor_scatter_update(zeros, i, u))
    assert traced(idx, upd).asnumpy().tolist() == [2.0, 0.0, 5.0]
    g = ms.grad(lambda u: ops.tensor_scatter_update(zeros, idx, u).sum())(upd)
    assert g.asnumpy().tolist() == [0.0, 1.0, 1.0]
    rows = ops.tensor_scatter_update(Tensor(np.zeros((3, 2), np.float32)), Tensor([[1], [1], [0]]),
                                     Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
    assert rows.asnumpy().tolist() == [[5.0, 6.0], [3.0, 4.0], [0.0, 0.0]]


def test_integer_scatter_adds_keep_their_dtype():
    """MindSpore 2.10 keeps an integer input's dtype through the scatter-adds and segment sums
    (the sum inside had widened Int32 and Int8 to Int64)."""
    i = ms.Tensor([1, 2, 3], ms.int32)
    at = ms.Tensor([[0], [2]], ms.int32)
    five = ms.Tensor([5, 5], ms.int32)
    cases = [(ops.tensor_scatter_add(i, at, five), ms.int32, [6, 2, 8]),
             (ops.tensor_scatter_sub(i, at, five), ms.int32, [-4, 2, -2]),
             (ops.scatter_nd(at, five, (3,)), ms.int32, [5, 0, 5]),
             (ops.tensor_scatter_elements(i, ms.Tensor([0, 2], ms.int32), five, 0, "add"), ms.int32, [6, 2, 8]),
             (ops.index_add(ms.Parameter(i, name="p"), ms.Tensor([0, 2], ms.int32), five, 0), ms.int32, [6, 2, 8]),
             (ops.unsorted_segment_sum(i, ms.Tensor([0, 0, 1], ms.int32), 2), ms.int32, [3, 3]),
             (ops.tensor_scatter_add(ms.Tensor([1, 2], ms.int8), ms.Tensor([[0]], ms.int32),
                                     ms.Tensor([5], ms.int8)), ms.int8, [6, 2])]
    for out, dtype, values in cases:
        assert out.dtype == dtype and out.asnumpy().tolist() == values
    p = ms.Parameter(i, name="q")
    assert ops.scatter_add(p, ms.Tensor([0, 2], ms.int32), five).asnumpy().tolist() == [6, 2, 8]

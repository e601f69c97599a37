"""``ops`` functions of part three (``ops/function/_math_extra.py``): values, dtypes and shapes
as MindSpore 2.10 printed them for the same calls (where MindSpore's CPU build has no kernel —
``take``, ``quantile``, ``swiglu``, ``rms_norm`` — against NumPy / the documented formula), plus
the errors for bad inputs."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

X = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])


def close(t, want, dtype=None):
    np.testing.assert_allclose(t.asnumpy().astype(np.float64), want, rtol=1e-4, atol=1e-4)
    if dtype is not None:
        assert t.dtype == dtype


def test_functional_forms_of_tensor_methods():
    close(ops.approximate_equal(Tensor([1.0, 2.0]), Tensor([1.0, 2.1]), 0.05).astype(ms.int32), [1, 0])
    close(ops.bincount(Tensor([0, 1, 1, 3]), minlength=5), [1, 2, 0, 1, 0])
    close(ops.bincount(Tensor([0, 1, 1, 3]), Tensor([0.5, 1.0, 1.0, 2.0])), [0.5, 2, 0, 2])
    close(ops.cov(X), [[1.0, 1.5], [1.5, 2.3333]], ms.float32)
    close(ops.diagonal_scatter(ops.zeros((3, 3)), ops.ones(3)), np.eye(3))
    close(ops.gcd(Tensor([12, 18]), Tensor([8, 27])), [4, 9], ms.int64)
    close(ops.lcm(Tensor([4, 6]), Tensor([6, 4])), [12, 12], ms.int64)
    close(ops.histc(Tensor([1.0, 2.0, 1.0]), bins=4, min=0, max=3), [0, 2, 1, 0], ms.float32)
    close(ops.i0(Tensor([0.0, 1.0, 2.0])), [1.0, 1.2661, 2.2796])
    close(ops.inv(Tensor([2.0, 4.0])), [0.5, 0.25])
    close(ops.inv(Tensor([2, 4, 1, -1])), [0, 0, 1, -1], ms.int64)
    assert ops.isreal(Tensor([1.0, 2.0])).asnumpy().all()
    v, i = ops.nanmedian(Tensor([[1.0, float("nan"), 3.0], [4.0, 5.0, 6.0]]))
    close(v, [1.0, 5.0])
    close(i, [0, 1], ms.int64)
    assert ops.nextafter(Tensor([1.0]), Tensor([2.0])).asnumpy()[0] == np.nextafter(np.float32(1), np.float32(2))
    close(ops.renorm(X, 2, 0, 5.0), [[1, 2, 3], [2.1082, 2.6352, 3.6893]])
    close(ops.take(X, Tensor([0, 5, -1])), [1.0, 7.0, 7.0])
    close(ops.identity(X), X.asnumpy())


def test_builders():
    p = ops.polar(Tensor([1.0, 2.0]), Tensor([0.0, 1.0]))
    assert p.dtype == ms.complex64
    np.testing.assert_allclose(p.asnumpy(), [1, 2 * np.exp(1j)], rtol=1e-5)
    close(ops.cartesian_prod(Tensor([1, 2]), Tensor([3, 4, 5])),
          [[1, 3], [1, 4], [1, 5], [2, 3], [2, 4], [2, 5]], ms.int64)
    close(ops.combinations(Tensor([1, 2, 3])), [[1, 2], [1, 3], [2, 3]], ms.int64)
    close(ops.combinations(Tensor([1.0, 2.0, 3.0]), 2, True),
          [[1, 1], [1, 2], [1, 3], [2, 2], [2, 3], [3, 3]], ms.float32)
    close(ops.block_diag(Tensor([[1, 2]]), Tensor([[3], [4]]), Tensor(5)),
          [[1, 2, 0, 0], [0, 0, 3, 0], [0, 0, 4, 0], [0, 0, 0, 5]], ms.int64)


def test_windows_have_mindspores_values_and_dtypes():
    close(ops.hann_window(5), [0.0, 0.3455, 0.9045, 0.9045, 0.3455], ms.float64)
    close(ops.hann_window(5, False), [0, 0.5, 1, 0.5, 0])
    close(ops.hann_window(1), [1.0])
    close(ops.hamming_window(5), [0.08, 0.3979, 0.9121, 0.9121, 0.3979], ms.float32)
    close(ops.kaiser_window(5), [0.0001, 0.1017, 0.7929, 0.7929, 0.1017], ms.float64)
    close(ops.bartlett_window(5, False), [0, 0.5, 1, 0.5, 0], ms.float32)
    close(ops.blackman_window(5, False), np.blackman(5))
    assert ops.hann_window(4, dtype=ms.float32).dtype == ms.float32
    assert ops.hann_window(0).shape == (0,)


def test_shuffles_distances_quantiles_and_norm_clipping():
    close(ops.channel_shuffle(ops.arange(8.0).reshape(1, 4, 2, 1), 2).reshape(-1),
          [0, 1, 4, 5, 2, 3, 6, 7])
    close(ops.pdist(X), [5.831])
    pts = np.random.RandomState(0).rand(5, 3)
    want = [np.linalg.norm(pts[i] - pts[j], 1) for i in range(5) for j in range(i + 1, 5)]
    close(ops.pdist(Tensor(pts), 1.0), want)
    q = ops.quantile(X, Tensor([0.25, 0.5]), axis=1)
    close(q, np.quantile(X.asnumpy(), [0.25, 0.5], axis=1))
    close(ops.quantile(X, 0.3), np.quantile(X.asnumpy(), 0.3))
    assert np.isnan(ops.quantile(Tensor([1.0, float("nan")]), 0.5).asnumpy())
    close(ops.nanquantile(Tensor([1.0, float("nan"), 3.0]), 0.5), 2.0)
    close(ops.clip_by_norm(Tensor([3.0, 4.0]), 1.0), [0.6, 0.8])
    a, b = ops.clip_by_norm([Tensor([3.0, 4.0]), Tensor([0.0, 12.0])], 1.0)
    close(a, [0.2308, 0.3077])
    close(b, [0.0, 0.9231])
    close(ops.clip_by_norm(Tensor([0.3, 0.4]), 1.0), [0.3, 0.4])
    close(ops.soft_shrink(Tensor([1.0, 0.2, -2.0])), [0.5, 0.0, -1.5])


def test_scatter_and_segment_reductions():
    close(ops.tensor_scatter_mul(Tensor([1.0, 2.0, 3.0]), Tensor([[0], [2]]), Tensor([5.0, 6.0])), [5, 2, 18])
    close(ops.tensor_scatter_div(Tensor([1.0, 2.0]), Tensor([[0]]), Tensor([4.0])), [0.25, 2])
    close(ops.tensor_scatter_max(Tensor([1.0, 2.0]), Tensor([[0], [1]]), Tensor([5.0, 0.0])), [5, 2])
    close(ops.tensor_scatter_min(Tensor([1.0, 2.0]), Tensor([[0], [1]]), Tensor([5.0, 0.0])), [1, 0])
    close(ops.tensor_scatter_sub(ops.zeros(3), Tensor([[0], [0]]), Tensor([1.0, 2.0])), [-3, 0, 0])
    close(ops.unsorted_segment_max(Tensor([1.0, 5.0, 3.0]), Tensor([0, 0, 1]), 3), [5, 3, np.finfo(np.float32).min])
    close(ops.unsorted_segment_min(Tensor([1.0, 5.0, 3.0]), Tensor([0, 0, 1]), 3), [1, 3, np.finfo(np.float32).max])
    close(ops.unsorted_segment_prod(Tensor([[2.0], [5.0], [3.0]]), Tensor([0, 0, 1]), 3), [[10], [3], [1]])
    close(ops.inplace_add(ops.zeros((3, 2)), ops.ones((2, 2)), (0, 2)), [[1, 1], [0, 0], [1, 1]])
    close(ops.inplace_sub(ops.zeros((2, 2)), ops.ones((1, 2)), 1), [[0, 0], [-1, -1]])
    close(ops.inplace_update(ops.zeros((2, 2)), ops.ones((1, 2)), (1,)), [[0, 0], [1, 1]])


def test_gated_and_rms_norm():
    x = np.array([[0.0, 1.0, 2.0, 3.0]], np.float32)
    silu = lambda v: v / (1 + np.exp(-v))  # noqa: E731
    close(ops.swiglu(Tensor(x)), silu(x[:, :2]) * x[:, 2:])
    y, r = ops.rms_norm(X, Tensor([1.0, 2.0, 1.0]))
    a = X.asnumpy()
    rstd = 1 / np.sqrt((a * a).mean(1, keepdims=True) + 1e-6)
    close(y, a * rstd * [1, 2, 1])
    close(r, rstd)
    g = ms.grad(lambda t: ops.rms_norm(t, Tensor([1.0, 1.0, 1.0]))[0].sum())(X)
    assert g.shape == X.shape


@pytest.mark.parametrize("call", [
    lambda: ops.combinations(X),
    lambda: ops.cartesian_prod(X),
    lambda: ops.block_diag(ops.zeros((1, 1, 1))),
    lambda: ops.hann_window(-1),
    lambda: ops.channel_shuffle(ops.zeros((1, 4, 2)), 2),
    lambda: ops.channel_shuffle(ops.zeros((1, 3, 2, 2)), 2),
    lambda: ops.pdist(ops.zeros(3)),
    lambda: ops.quantile(X, 1.5),
    lambda: ops.tensor_scatter_mul(ops.zeros(3), Tensor([[5]]), Tensor([1.0])),
    lambda: ops.unsorted_segment_max(ops.zeros(3), Tensor([0, 1]), 2),
    lambda: ops.inplace_add(ops.zeros((3, 2)), ops.ones((2, 2)), (0,)),
    lambda: ops.swiglu(ops.zeros((1, 3))),
    lambda: ops.rms_norm(X, Tensor([1.0, 1.0])),
])
def test_bad_inputs_are_value_errors(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize("call", [
    lambda: ops.polar(Tensor([1, 2]), Tensor([0, 1])),
    lambda: ops.inv(Tensor([True])),
    lambda: ops.quantile(Tensor([1, 2]), 0.5),
    lambda: ops.gcd([1], Tensor([2])),
    lambda: ops.tensor_scatter_mul(ops.zeros(3), Tensor([[0.5]]), Tensor([1.0])),
])
def test_bad_types_are_type_errors(call):
    with pytest.raises(TypeError):
        call()


def test_dtypes_and_results_found_by_the_sweep_against_mindspore():
    """Calls where a sweep of every common ops function against MindSpore 2.10 differed."""
    xi = Tensor(np.array([[1, 5, 9], [3, 7, 2]], np.int32))
    yi = Tensor(np.array([[2, 5, 3], [3, 1, 2]], np.int32))
    r = ops.fmax(xi, 2)
    assert r.dtype == ms.int32 and r.asnumpy().tolist() == [[2, 5, 9], [3, 7, 2]]
    assert ops.fmin(xi, 2).dtype == ms.int32
    r = ops.l1_loss(xi, yi)
    assert r.dtype == ms.int32 and int(r) == 2  # 13/6, in Int32 as MindSpore
    r = ops.mse_loss(xi, yi)
    assert r.dtype == ms.float32 and abs(float(r) - 73 / 6) < 1e-5
    r = ops.xlogy(xi, 2)
    assert r.dtype == ms.float32
    np.testing.assert_allclose(r.asnumpy(), xi.asnumpy() * np.log(2), rtol=1e-6)
    assert ops.slice_scatter(xi, yi[:, :1], 1, 0, 1).dtype == ms.int32
    r = ops.bucketize(Tensor([0.5, 2.5]), Tensor([1.0, 2.0, 3.0]))
    assert r.dtype == ms.int32 and r.asnumpy().tolist() == [0, 2]
    y = Tensor([2.0]) * 1
    assert ops.stop_gradient_(y) is None


def test_setdiff1d_keeps_the_order_of_unique_inputs():
    import easy_mindspore.numpy as mnp
    x = Tensor([[0.1, 0.5, 0.9], [0.3, 0.7, 0.2]])
    np.testing.assert_allclose(mnp.setdiff1d(x, Tensor([0.5]), True).asnumpy(), [0.1, 0.9, 0.3, 0.7, 0.2])
    assert mnp.setdiff1d(Tensor([1, 3, 4, 3]), Tensor([3, 1, 2, 1])).asnumpy().tolist() == [4]


def test_mint_max_and_min_take_a_float_as_other():
    from easy_mindspore import mint
    x = Tensor([[0.1, 0.5, 0.9], [0.3, 0.7, 0.2]])
    np.testing.assert_allclose(mint.max(x, 0.5).asnumpy(), np.maximum(x.asnumpy(), 0.5))
    np.testing.assert_allclose(mint.min(x, 0.5).asnumpy(), np.minimum(x.asnumpy(), 0.5))
    v, i = mint.max(x, 1)
    assert i.asnumpy().tolist() == [2, 1]


def test_segment_and_scatter_reductions_match_mindspore_on_repeats_and_gradients():
    # Values and gradients as MindSpore 2.10 printed them (ties share the gradient of a maximum).
    x = Tensor(np.array([1.0, 3.0, 3.0, 0.5, 2.0], np.float32))
    ids = Tensor(np.array([0, 0, 0, 2, 2], np.int32))
    w = Tensor(np.array([1, 2, 3, 4], np.float32))
    lo, hi = np.finfo(np.float32).min, np.finfo(np.float32).max
    for f, out, grad in ((ops.unsorted_segment_max, [3, lo, 2, lo], [0, 0.5, 0.5, 0, 3]),
                         (ops.unsorted_segment_min, [1, hi, 0.5, hi], [1, 0, 0, 3, 0]),
                         (ops.unsorted_segment_prod, [9, 1, 1, 1], [9, 3, 3, 6, 1.5])):
        close(f(x, ids, 4), out)
        close(ms.grad(lambda v, f=f: (f(v, ids, 4) * w).sum())(x), grad)
    x2 = Tensor(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], np.float32))
    idx = Tensor(np.array([[0], [0], [2]], np.int32))
    up = Tensor(np.array([[2.0, 0.5], [3.0, 10.0], [-1.0, 7.0]], np.float32))
    close(ops.tensor_scatter_mul(x2, idx, up), [[6, 10], [3, 4], [-5, 42]])
    close(ops.tensor_scatter_div(x2, idx, up), [[1 / 6, 0.4], [3, 4], [-5, 6 / 7]])
    close(ops.tensor_scatter_max(x2, idx, up), [[3, 10], [3, 4], [5, 7]])
    close(ops.tensor_scatter_min(x2, idx, up), [[1, 0.5], [3, 4], [-1, 6]])
    gx, gu = ms.grad(lambda a, b: ops.tensor_scatter_max(a, idx, b).sum(), grad_position=(0, 1))(x2, up)
    close(gx, [[0, 0], [1, 1], [1, 0]])
    close(gu, [[0, 0], [1, 1], [0, 1]])
    # d/du of x·u0·u1 is x·u1 (MindSpore 2.10 gives x, the gradient of a single update, for a
    # repeated index); for the unrepeated index 2 both give x.
    gx, gu = ms.grad(lambda a, b: ops.tensor_scatter_mul(a, idx, b).sum(), grad_position=(0, 1))(x2, up)
    close(gx, [[6, 5], [1, 1], [-1, 7]])
    close(gu, [[3, 20], [2, 1], [5, 6]])


def test_segment_reductions_on_many_segments_agree_with_a_loop():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2000, 3)).astype(np.float32)
    ids = rng.integers(-2, 150, 2000).astype(np.int32)  # ids outside [0, 150) belong to none
    want = np.full((150, 3), np.finfo(np.float32).min, np.float32)
    for s in range(150):
        if (ids == s).any():
            want[s] = x[ids == s].max(0)
    np.testing.assert_array_equal(ops.unsorted_segment_max(Tensor(x), Tensor(ids), 150).asnumpy(), want)
    base = rng.standard_normal((40, 3)).astype(np.float32)
    at = rng.integers(0, 40, (900, 1))
    up = rng.standard_normal((900, 3)).astype(np.float32)
    want = base.copy()
    for i, u in zip(at[:, 0], up):
        want[i] = np.minimum(want[i], u)
    got = ops.tensor_scatter_min(Tensor(base), Tensor(at), Tensor(up)).asnumpy()
    np.testing.assert_array_equal(got, want)

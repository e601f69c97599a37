"""The SVD family: ``ops.svd`` / ``Tensor.svd`` against NumPy's ``np.linalg.svd`` (values, and
the factors up to a sign per column), their gradients against the closed forms and central
differences; the singular-value matrix norms (``ord`` 2, -2, ``'nuc'``) of ``ops.norm``,
``ops.matrix_norm``, ``mint.linalg.matrix_norm``/``norm`` and ``Tensor.norm``; ``ops.pinv`` and
``ops.cond``; with the values, dtypes and errors MindSpore 2.10.0 gives (measured on its CPU
build)."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, mint, ops

A23 = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])


def _rand(shape, seed, dtype=np.float64):
    return np.random.default_rng(seed).uniform(-1, 1, shape).astype(dtype)


def _aligned(got, want):
    """``got`` with each column's sign flipped to match ``want``'s (singular vectors are unique
    up to that sign)."""
    signs = np.sign(np.sum(got * want, axis=-2, keepdims=True))
    return got * np.where(signs == 0, 1.0, signs)


@pytest.mark.parametrize("dtype,tol", [(np.float64, 1e-11), (np.float32, 2e-5)])
@pytest.mark.parametrize("shape", [(2, 2), (3, 2), (2, 3), (4, 5, 3), (2, 3, 3, 4), (1, 5), (6, 1)])
@pytest.mark.parametrize("full", [False, True])
def test_svd_matches_numpy(dtype, tol, shape, full):
    a = _rand(shape, sum(shape), dtype)
    s, u, v = ops.svd(Tensor(a), full_matrices=full)
    wu, ws, wvh = np.linalg.svd(a.astype(np.float64), full_matrices=full)
    m, n = shape[-2:]
    k = min(m, n)
    assert s.dtype == u.dtype == v.dtype == Tensor(a).dtype
    assert s.shape == shape[:-2] + (k,)
    assert u.shape == shape[:-2] + ((m, m) if full else (m, k))
    assert v.shape == shape[:-2] + ((n, n) if full else (n, k))
    np.testing.assert_allclose(s.asnumpy(), ws, rtol=tol, atol=tol)
    # The first k columns are the singular vectors (up to sign); all columns are orthonormal.
    uk, vk = u.asnumpy()[..., :k], v.asnumpy()[..., :k]
    wv = np.swapaxes(wvh, -1, -2)
    np.testing.assert_allclose(_aligned(uk, wu[..., :k]), wu[..., :k], atol=tol * 10)
    np.testing.assert_allclose(_aligned(vk, wv[..., :k]), wv[..., :k], atol=tol * 10)
    for q in (u.asnumpy(), v.asnumpy()):
        eye = np.broadcast_to(np.eye(q.shape[-1]), q.shape[:-2] + (q.shape[-1],) * 2)
        np.testing.assert_allclose(np.swapaxes(q, -1, -2) @ q, eye, atol=tol * 10)
    rebuilt = (uk * s.asnumpy()[..., None, :]) @ np.swapaxes(vk, -1, -2)
    np.testing.assert_allclose(rebuilt, a, atol=tol * 10)


def test_svd_returns_v_not_vh_and_the_mindspore_values():
    # MindSpore 2.10: s = [9.508034, 0.77286935] (Float32), u 2 × 2, v 3 × 2 (v, not vᴴ).
    x = Tensor(A23.astype(np.float32))
    s, u, v = ops.svd(x)
    assert (s.shape, u.shape, v.shape) == ((2,), (2, 2), (3, 2))
    np.testing.assert_allclose(s.asnumpy(), [9.508034, 0.77286935], rtol=1e-6)
    np.testing.assert_allclose(np.abs(v.asnumpy()), np.abs([[-0.42866713, 0.80596411],
                                                            [-0.56630695, 0.1123824],
                                                            [-0.70394677, -0.58119917]]), atol=1e-6)
    only_s = ops.svd(x, compute_uv=False)
    assert isinstance(only_s, Tensor)
    np.testing.assert_array_equal(only_s.asnumpy(), s.asnumpy())
    for got in (x.svd(), x.svd(False, True)):
        np.testing.assert_array_equal(got[0].asnumpy(), s.asnumpy())
        np.testing.assert_array_equal(got[2].asnumpy(), v.asnumpy())
    np.testing.assert_array_equal(x.svd(compute_uv=False).asnumpy(), s.asnumpy())


def test_svd_sign_convention_and_rank_deficient_matrices():
    # The largest-magnitude entry of each column of u is positive.
    for a in (A23, -A23, np.eye(3), np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]), np.zeros((2, 3))):
        s, u, v = ops.svd(Tensor(a), full_matrices=True)
        u_np = u.asnumpy()
        for j in range(min(a.shape)):
            col = u_np[:, j]
            assert col[np.argmax(np.abs(col))] > 0
        np.testing.assert_allclose(u_np.T @ u_np, np.eye(a.shape[0]), atol=1e-12)
        np.testing.assert_allclose(v.asnumpy().T @ v.asnumpy(), np.eye(a.shape[1]), atol=1e-12)
        np.testing.assert_allclose(s.asnumpy(), np.linalg.svd(a, compute_uv=False), atol=1e-12)


@pytest.mark.parametrize("args,exc,text", [
    ((Tensor(np.ones((2, 2), np.float16)),), TypeError, "Svd"),
    ((Tensor(np.ones((2, 2), np.int32)),), TypeError, "Svd"),
    ((Tensor(np.ones((2, 2), np.int32)),), TypeError, "complex64"),
    ((Tensor(np.ones(3, np.float32)),), ValueError, "rank"),
    ((Tensor(np.ones((0, 3), np.float32)),), RuntimeError, "empty"),
    ((np.ones((2, 2)),), TypeError, "Tensor"),
    ((Tensor(np.ones((2, 2), np.float32)), 1), TypeError, "full_matrices"),
    ((Tensor(np.ones((2, 2), np.float32)), False, None), TypeError, "compute_uv"),
])
def test_svd_errors_are_mindspores_classes(args, exc, text):
    with pytest.raises(exc, match=text):
        ops.svd(*args)


def _numeric_grad(f, a, eps=1e-6):
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        d = np.zeros_like(a)
        d[idx] = eps
        g[idx] = (f(a + d) - f(a - d)) / (2 * eps)
    return g


@pytest.mark.parametrize("shape", [(3, 3), (4, 2), (2, 4), (2, 3, 2)])
@pytest.mark.parametrize("which", [0, 1, 2])
def test_svd_gradients_match_central_differences(shape, which):
    a = _rand(shape, 7 * sum(shape))
    w = _rand(ops.svd(Tensor(a))[which].shape, 3)

    def loss(t):
        return (ops.svd(t)[which] * Tensor(w)).sum()

    g = ms.grad(loss)(Tensor(a)).asnumpy()
    want = _numeric_grad(lambda b: float(loss(Tensor(b)).asnumpy()), a)
    np.testing.assert_allclose(g, want, rtol=1e-6, atol=1e-7)


def test_singular_value_gradient_is_u_vt_and_matches_mindspore():
    # d s_i / dA = u_i v_iᵀ; MindSpore 2.10 gives [[-0.624695, 0.7808688], [0.7808688, 0.624695]]
    # for d(Σ s)/dA at [[1, 2], [3, 5]].
    a = Tensor(np.array([[1.0, 2.0], [3.0, 5.0]], np.float32))
    g = ms.grad(lambda x: ops.svd(x, compute_uv=False).sum())(a)
    np.testing.assert_allclose(g.asnumpy(), [[-0.624695, 0.7808688], [0.7808688, 0.624695]], atol=1e-6)
    g_nuc = ms.grad(lambda x: ops.norm(x, "nuc"))(a)
    np.testing.assert_allclose(g_nuc.asnumpy(), g.asnumpy(), atol=1e-6)
    g2 = ms.grad(lambda x: ops.norm(x, 2))(a)
    np.testing.assert_allclose(g2.asnumpy(), [[0.18084942, 0.30823487], [0.47263387, 0.80554444]],
                               atol=1e-6)


def test_second_derivative_of_the_nuclear_norm():
    a = _rand((3, 2), 11)

    def f(t):
        return ops.svd(t, compute_uv=False).sum()

    def g_dot(t):
        return (ms.grad(f)(t) * Tensor(np.ones((3, 2)))).sum()

    h = ms.grad(g_dot)(Tensor(a)).asnumpy()
    want = _numeric_grad(lambda b: float(g_dot(Tensor(b)).asnumpy()), a)
    np.testing.assert_allclose(h, want, rtol=1e-5, atol=1e-6)


def test_svd_under_jit_and_vmap():
    a = _rand((3, 4, 3), 5)
    eager = ops.svd(Tensor(a), compute_uv=False).asnumpy()
    jitted = ms.jit(lambda t: ops.svd(t, compute_uv=False))(Tensor(a)).asnumpy()
    mapped = ms.vmap(lambda t: ops.svd(t, compute_uv=False))(Tensor(a)).asnumpy()
    np.testing.assert_allclose(jitted, eager, rtol=1e-14)
    np.testing.assert_allclose(mapped, eager, rtol=1e-14)


# ---- norms -------------------------------------------------------------------------------------

# MindSpore 2.10.0 on A23 (Float32 and Float64 inputs alike): Float32 results.
MS_NORMS = {2: 9.50803, -2: 0.772869, "nuc": 10.2809}


@pytest.mark.parametrize("ord_", [2, -2, "nuc"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32, np.float16])
def test_singular_value_norms_are_float32_as_in_mindspore(ord_, dtype):
    x = Tensor(A23.astype(dtype))
    want = np.linalg.norm(A23, ord_)
    assert abs(want - MS_NORMS[ord_]) < 1e-4 * want
    for got in (ops.norm(x, ord_), ops.matrix_norm(x, ord_), mint.linalg.matrix_norm(x, ord_),
                mint.linalg.norm(x, ord_), x.norm(ord_)):
        assert got.dtype == ms.float32 and got.shape == ()
        np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-6)


def test_singular_value_norms_over_dims_and_keepdim():
    x3 = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    t = Tensor(x3)
    for ord_ in (2, -2, "nuc"):
        for dims in ((1, 2), (0, 2), (-1, -2), (2, 0)):
            want = np.linalg.norm(x3.astype(np.float64), ord_, dims)
            got = ops.norm(t, ord_, dims)
            np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-5, atol=1e-5)
            kept = ops.matrix_norm(t, ord_, dims, True)
            want_kept = np.linalg.norm(x3.astype(np.float64), ord_, dims, keepdims=True)
            assert kept.shape == want_kept.shape
            np.testing.assert_allclose(kept.asnumpy(), want_kept, rtol=1e-5, atol=1e-5)
    # MindSpore 2.10: matrix_norm(x3, 'nuc') = [24.364643, 62.4951].
    np.testing.assert_allclose(ops.matrix_norm(t, "nuc").asnumpy(), [24.364643, 62.4951], rtol=1e-6)
    np.testing.assert_allclose(ops.matrix_norm(t, 2, (0, 2), True).asnumpy().ravel(),
                               [27.278746, 36.79501, 47.103096], rtol=1e-6)


def test_matrix_norm_other_ords_and_errors():
    x = Tensor(A23.astype(np.float32))
    for ord_ in ("fro", 1, -1, float("inf"), float("-inf")):
        np.testing.assert_allclose(ops.matrix_norm(x, ord_).asnumpy(), np.linalg.norm(A23, ord_), rtol=1e-6)
    with pytest.raises(ValueError, match="ord mode"):
        ops.matrix_norm(x, 3)
    with pytest.raises(ValueError, match="duplicate"):
        ops.matrix_norm(x, "nuc", (0, 0))
    with pytest.raises(ValueError, match="length of axis"):
        ops.matrix_norm(x, "nuc", (0, 1, 2))
    with pytest.raises(ValueError):
        ops.matrix_norm(Tensor(np.ones(3, np.float32)), "nuc")
    with pytest.raises(TypeError, match="vectors"):
        ops.norm(Tensor(np.ones(3, np.float32)), "nuc")
    # A vector's 2-norm is still the vector norm.
    np.testing.assert_allclose(ops.norm(Tensor([3.0, 4.0]), 2).asnumpy(), 5.0)


def test_mindspore_numpy_norm_still_refuses_singular_value_norms():
    # mindspore.numpy.norm raises NotImplementedError for these in MindSpore 2.10 too.
    import mindspore.numpy as mnp
    for ord_ in (2, -2, "nuc"):
        with pytest.raises(NotImplementedError):
            mnp.norm(Tensor(A23.astype(np.float32)), ord_)


# ---- pinv, cond ----------------------------------------------------------------------------------

@pytest.mark.parametrize("shape", [(2, 2), (3, 2), (2, 3), (2, 4, 3)])
@pytest.mark.parametrize("dtype,tol", [(np.float64, 1e-10), (np.float32, 1e-4)])
def test_pinv_matches_numpy(shape, dtype, tol):
    a = _rand(shape, 13 + sum(shape), dtype)
    got = ops.pinv(Tensor(a))
    assert got.dtype == Tensor(a).dtype and got.shape == shape[:-2] + (shape[-1], shape[-2])
    np.testing.assert_allclose(got.asnumpy(), np.linalg.pinv(a.astype(np.float64)), rtol=tol, atol=tol)


def test_pinv_thresholds_and_mindspore_values():
    # MindSpore 2.10: pinv([[1, 2], [2, 4]]) = [[0.04, 0.08], [0.08, 0.16]]; atol=0.01 or
    # rtol=0.01 drop the 1e-3 of diag(4, 1e-3).
    sing = Tensor(np.array([[1.0, 2.0], [2.0, 4.0]], np.float32))
    np.testing.assert_allclose(ops.pinv(sing).asnumpy(), [[0.04, 0.08], [0.08, 0.16]], rtol=1e-5)
    d = Tensor(np.array([[4.0, 0.0], [0.0, 1e-3]], np.float32))
    for kw in ({"atol": 0.01}, {"rtol": 0.01}, {"atol": Tensor(0.01, ms.float32)}):
        np.testing.assert_allclose(ops.pinv(d, **kw).asnumpy(), [[0.25, 0.0], [0.0, 0.0]])
    np.testing.assert_allclose(ops.pinv(d).asnumpy(), [[0.25, 0.0], [0.0, 1000.0]], rtol=1e-4)
    herm = Tensor(np.array([[2.0, 1.0], [1.0, 2.0]], np.float32))
    np.testing.assert_allclose(ops.pinv(herm, hermitian=True).asnumpy(),
                               [[0.6666667, -0.3333333], [-0.3333333, 0.6666667]], rtol=1e-6)
    # MindSpore 2.10's batch of [[0 1 2] [3 4 5]], [[6 7 8] [9 10 11]].
    batch = Tensor(np.arange(12, dtype=np.float32).reshape(2, 2, 3))
    np.testing.assert_allclose(ops.pinv(batch).asnumpy()[0],
                               [[-0.7777777, 0.2777778], [-0.1111111, 0.1111111], [0.5555555, -0.0555556]],
                               rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("x,exc,text", [
    (Tensor(np.ones((2, 2), np.int32)), TypeError, "float32"),
    (Tensor(np.ones(2, np.float32)), ValueError, "2 or more"),
    (Tensor(1.0), TypeError, "0-D"),
    (np.ones((2, 2)), TypeError, "Tensor"),
])
def test_pinv_errors(x, exc, text):
    with pytest.raises(exc, match=text):
        ops.pinv(x)
    with pytest.raises(TypeError, match="hermitian"):
        ops.pinv(Tensor(np.eye(2, dtype=np.float32)), hermitian=1)


def test_cond_matches_mindspore_and_numpy():
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    # MindSpore 2.10: 14.933 (None and 2), 15 (fro), 17 (nuc), 21 (1, inf), 0.0669656 (-2).
    for p, want in ((None, 14.933034), (2, 14.933034), ("fro", 15.0), ("nuc", 17.0), (1, 21.0),
                    (float("inf"), 21.0), (-2, 0.0669656)):
        got = ops.cond(Tensor(a.astype(np.float32)), p)
        np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-5)
        np.testing.assert_allclose(got.asnumpy(), np.linalg.cond(a, p), rtol=1e-5)
    # Float64: the singular-value norms give Float32, 'fro' Float64 (as MindSpore 2.10).
    assert ops.cond(Tensor(a)).dtype == ms.float32
    assert ops.cond(Tensor(a), "fro").dtype == ms.float64
    batch = ops.cond(Tensor(np.array([[[1.0, 2.0], [3.0, 4.0]], [[2.0, 0.0], [0.0, 1.0]]])))
    assert batch.dtype == ms.float32 and batch.shape == (2,)
    np.testing.assert_allclose(batch.asnumpy(), [14.933031, 2.0], rtol=1e-5)
    with pytest.raises(ValueError):
        ops.cond(Tensor(A23.astype(np.float32)))
    with pytest.raises(ValueError):
        ops.cond(Tensor(a.astype(np.float32)), 3)

"""``mindspore.scipy``: ``fft`` (the orthonormal DCT-II and its inverse), ``linalg`` and
``optimize`` against values MindSpore 2.10 printed for the same calls (and SciPy's definitions),
the derivatives of ``dct`` and ``eigh`` against finite differences, and the errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor
import easy_mindspore.scipy as msp


def close(t, want, tol=1e-5):
    np.testing.assert_allclose(t.asnumpy() if isinstance(t, Tensor) else t, want, rtol=tol,
                               atol=tol)


def dct_matrix(n):
    k, i = np.arange(n)[:, None], np.arange(n)[None, :]
    c = np.cos(np.pi * k * (2 * i + 1) / (2 * n))
    return c * np.where(k == 0, np.sqrt(1 / n), np.sqrt(2 / n))


def test_dct_is_mindspores_and_the_definition():
    x = Tensor([1.0, 2.0, 3.0, 4.0])
    close(msp.fft.dct(x), [5.0, -2.2304425, 0.0, -0.15851271])
    close(msp.fft.idct(x), [4.388955, -3.0719295, 1.0719298, -0.3889552])
    close(msp.fft.dct(x, n=6), [4.0824828, 1.2247448, -3.0, 0.0, 1.1547004, -1.2247448])
    close(msp.fft.idct(x, n=6), [4.656596, -0.40824842, -2.4258862, 0.24238303, 1.2247449,
                                 -0.84010005])
    close(msp.fft.dctn(Tensor([[1.0, 2.0], [3.0, 4.0]])), [[5.0, -1.0], [-2.0, 0.0]])
    close(msp.fft.dct(Tensor([[1.0, 2.0], [3.0, 4.0]]), axis=0),
          [[2.828427, 4.2426405], [-1.4142135, -1.4142135]])
    rng = np.random.default_rng(0)
    for n in (1, 2, 5, 8, 13):
        v = rng.standard_normal((3, n))
        close(msp.fft.dct(Tensor(v)), v @ dct_matrix(n).T, 1e-10)
        close(msp.fft.idct(Tensor(v)), v @ dct_matrix(n), 1e-10)
        close(msp.fft.idctn(msp.fft.dctn(Tensor(v))), v, 1e-10)
    w = rng.standard_normal(5)
    g = ms.grad(lambda a: (msp.fft.dct(a) * Tensor(w)).sum())(Tensor(rng.standard_normal(5)))
    close(g, dct_matrix(5).T @ w, 1e-10)


def test_linalg_is_mindspores():
    a = Tensor([[4.0, 2.0], [2.0, 5.0]])
    close(msp.linalg.inv(a), [[0.3125, -0.125], [-0.125, 0.25]])
    close(msp.linalg.cholesky(a), [[2.0, 1.0], [0.0, 2.0]])
    close(msp.linalg.cholesky(a, lower=True), [[2.0, 0.0], [1.0, 2.0]])
    c, lower = msp.linalg.cho_factor(a)
    assert lower is False
    close(msp.linalg.cho_solve((c, lower), Tensor([1.0, 2.0])), [0.0625, 0.375])
    close(msp.linalg.solve_triangular(Tensor([[2.0, 0.0], [1.0, 4.0]]), Tensor([2.0, 9.0]),
                                      lower=True), [1.0, 2.0])
    close(msp.linalg.solve_triangular(Tensor([[2.0, 1.0], [0.0, 4.0]]), Tensor([[2.0], [9.0]]),
                                      trans=1), [[1.0], [2.0]])
    close(msp.linalg.block_diag(Tensor([1.0, 2.0]), Tensor([[3.0], [4.0]])),
          [[1, 2, 0], [0, 0, 3], [0, 0, 4]])
    x, residues, rank, s = msp.linalg.lstsq(Tensor([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]),
                                            Tensor([1.0, 2.0, 4.0]))
    close(x, [0.8333333, 1.5])
    assert residues.shape == (0,) and s.shape == (0,) and int(rank) == 2
    w, v = msp.linalg.eigh(Tensor([[2.0, 1.0], [1.0, 3.0]]))
    close(w, [1.381966, 3.618034])
    close(np.abs(v.asnumpy()), [[0.8506508, 0.5257311], [0.5257311, 0.8506508]])
    close(msp.linalg.eigh(Tensor([[2.0, 1.0], [1.0, 3.0]]), eigvals_only=True), [1.381966, 3.618034])
    m = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]])
    lu, piv = msp.linalg.lu_factor(m)
    close(lu, [[7.0, 8.0, 10.0], [0.14285715, 0.8571428, 1.5714285], [0.5714286, 0.5, -0.5]])
    assert piv.dtype == ms.int32 and piv.asnumpy().tolist() == [2, 2, 2]
    p, low, up = msp.linalg.lu(m)
    assert p.dtype == ms.int32
    close(p.astype(ms.float32) @ low @ up, m.asnumpy())
    assert p.asnumpy().tolist() == [[0, 1, 0], [0, 0, 1], [1, 0, 0]]
    pl, up2 = msp.linalg.lu(Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]]), permute_l=True)
    close(pl @ up2, [[1, 2], [3, 4], [5, 7]])


def test_eigh_gradient_matches_finite_differences():
    rng = np.random.default_rng(3)
    a = rng.standard_normal((4, 4))
    a = a + a.T
    wv = rng.standard_normal(4)

    def loss(m):
        w, v = msp.linalg.eigh(m)
        # Invariant to each eigenvector's sign: the weighted eigenvalues and |v|² entries.
        return (w * Tensor(wv)).sum() + ((v * v) * Tensor(np.arange(16.0).reshape(4, 4))).sum()

    g = ms.grad(loss)(Tensor(a)).asnumpy()
    eps = 1e-6
    for i in range(4):
        for j in range(i + 1):  # the lower triangle is read
            up, down = a.copy(), a.copy()
            up[i, j] += eps
            down[i, j] -= eps
            fd = (loss(Tensor(up)).asnumpy() - loss(Tensor(down)).asnumpy()) / (2 * eps)
            got = g[i, j] + (g[j, i] if i != j else 0)
            assert abs(got - fd) < 1e-5, (i, j, got, fd)


def test_optimize_is_mindspores():
    def f(x):
        return ((x - Tensor([1.0, 2.0])) ** 2).sum() + (x[0] * x[1]) ** 2 * 0.1

    r = msp.optimize.minimize(f, Tensor([0.0, 0.0]), method="BFGS")
    close(r.x, [0.7352626, 1.8974198])
    assert (r.status, r.nit, r.nfev, r.success) == (3, 6, 18, False)
    close(r.hess_inv, [[0.38140658, -0.09863518], [-0.09863517, 0.49890387]], 1e-4)
    r = msp.optimize.minimize(f, Tensor([0.0, 0.0]), method="LBFGS")
    close(r.x, [0.7352805, 1.8974167], 1e-4)
    assert r.hess_inv is None and r.success and r.status == 0

    def q(x):
        return ((x - Tensor([1.0, 2.0])) ** 2).sum()

    r = msp.optimize.line_search(q, Tensor([0.0, 0.0]), Tensor([1.0, 1.0]))
    assert (r.failed, r.nit, r.nfev, r.k, r.a_k, r.f_k, r.status) == (False, 1, 2, 2, 1.0, 1.0, 0)
    close(r.g_k, [0.0, -2.0])
    r = msp.optimize.minimize(q, Tensor([0.0, 0.0]), method="BFGS", options={"maxiter": 1})
    close(r.x, [0.45168567, 0.90337133])
    assert (r.status, r.nit, r.nfev) == (1, 1, 2)

    def rosen(x):
        return (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()

    for method in ("BFGS", "LBFGS"):
        r = msp.optimize.minimize(rosen, Tensor(np.array([1.3, 0.7, 0.8, 1.9])), method=method,
                                  options={"gtol": 1e-6})
        close(r.x, [1.0, 1.0, 1.0, 1.0], 1e-4)
        assert r.success


def test_linear_sum_assignment():
    cost = Tensor([[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]])
    rows, cols = msp.optimize.linear_sum_assignment(cost, False)
    assert rows.asnumpy().tolist() == [0, 1, 2] and cols.asnumpy().tolist() == [1, 0, 2]
    rows, cols = msp.optimize.linear_sum_assignment(cost, True)
    assert cols.asnumpy().tolist() == [0, 2, 1]
    rows, cols = msp.optimize.linear_sum_assignment(Tensor([[4.0, 1.0, 3.0, 1.0], [2.0, 0.0, 5.0, 2.0]]), False)
    assert rows.asnumpy().tolist() == [0, 1] and cols.asnumpy().tolist() == [3, 1]
    # Against every permutation of random square problems.
    import itertools
    rng = np.random.default_rng(1)
    for n in (1, 2, 4, 5):
        c = rng.integers(0, 20, (n, n)).astype(np.float64)
        rows, cols = msp.optimize.linear_sum_assignment(Tensor(c), False)
        best = min(sum(c[i, p[i]] for i in range(n)) for p in itertools.permutations(range(n)))
        assert c[rows.asnumpy(), cols.asnumpy()].sum() == best


@pytest.mark.parametrize("call,error,text", [
    (lambda: msp.fft.dct(Tensor([1.0, 2.0]), type=3), ValueError, "type II"),
    (lambda: msp.fft.dct(Tensor([1.0, 2.0]), norm="forward"), ValueError, "ortho"),
    (lambda: msp.fft.dct([1.0, 2.0]), TypeError, "Tensor"),
    (lambda: msp.linalg.inv(Tensor([[1.0, 2.0, 3.0]])), ValueError, "square"),
    (lambda: msp.linalg.eigh(Tensor([[1.0, 0.0], [0.0, 1.0]]), b=Tensor([[1.0]])), ValueError, "generalised"),
    (lambda: msp.linalg.solve_triangular(Tensor([[1.0, 0.0], [0.0, 1.0]]), Tensor([1.0, 2.0]), trans=5), ValueError, "trans"),
    (lambda: msp.linalg.cho_solve(Tensor([[1.0]]), Tensor([1.0])), TypeError, "c_and_lower"),
    (lambda: msp.optimize.minimize(lambda x: x.sum(), Tensor([0.0])), ValueError, "solver"),
    (lambda: msp.optimize.minimize(lambda x: x.sum(), Tensor([0.0]), method="CG"), ValueError, "CG"),
    (lambda: msp.optimize.minimize(lambda x: x.sum(), Tensor([0.0]), args=1, method="BFGS"), TypeError, "tuple"),
    (lambda: msp.optimize.linear_sum_assignment(Tensor([1.0, 2.0]), False), ValueError, "2-D"),
    (lambda: msp.optimize.linear_sum_assignment(Tensor([[float("nan")]]), False), ValueError, "invalid"),
])
def test_bad_arguments(call, error, text):
    with pytest.raises(error, match=text):
        call()


def test_det_lu_solve_and_pivots():
    """``det`` as MindSpore 2.10 (values, dtypes, its errors); ``lu_solve`` against NumPy's solve
    for every ``trans`` and a vector or matrix right-hand side (MindSpore 2.10 itself gets
    ``trans`` 1 and 2 wrong once rows were interchanged, and refuses a vector)."""
    from mindspore.scipy.linalg import det, lu_factor, lu_pivots_to_permutation, lu_solve
    a = np.array([[1., 2., 3.], [4., 5., 6.], [7., 8., 10.]], np.float32)
    d = det(ms.Tensor(a))
    assert d.dtype == ms.float32 and abs(float(d) + 3.0) < 1e-5
    d = det(ms.Tensor(np.array([[1, 2], [3, 4]], np.int32)))
    assert d.dtype == ms.float64 and abs(float(d) + 2.0) < 1e-12
    with pytest.raises(ValueError, match=r"square matrix like \(N, N\), but got \(2, 3\)"):
        det(ms.Tensor(np.ones((2, 3), np.float32)))
    with pytest.raises(ValueError, match="the dimension of 'a' should be 2, but got 3"):
        det(ms.Tensor(np.ones((2, 2, 2), np.float32)))
    with pytest.raises(TypeError, match="but got Float16"):
        det(ms.Tensor(np.ones((2, 2), np.float16)))
    lu, piv = lu_factor(ms.Tensor(a))
    assert piv.asnumpy().tolist() == [2, 2, 2] and piv.dtype == ms.int32  # MindSpore's pivots
    assert lu_pivots_to_permutation(piv, 3).asnumpy().tolist() == [2, 0, 1]
    a64 = a.astype(np.float64)
    for b in (np.array([1., 2., 3.], np.float32), np.array([[1., 2.], [3., 4.], [5., 6.]], np.float32)):
        for trans, m in ((0, a64), (1, a64.T), (2, a64.T)):
            got = lu_solve((lu, piv), ms.Tensor(b), trans=trans).asnumpy()
            np.testing.assert_allclose(got, np.linalg.solve(m, b), atol=2e-5)
    with pytest.raises(ValueError, match=r"should be one of \(0, 1, 2\), but got 3"):
        lu_solve((lu, piv), ms.Tensor(a[0]), trans=3)

"""ops.cholesky and the solvers built on it (cholesky_solve, cholesky_inverse, matrix_solve,
lstsq, lu_unpack, lu_solve, qr): values as MindSpore 2.10 printed them for the same calls (to
float32 rounding), MindSpore's errors, and gradients against central differences in Float64."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

A = np.array([[4.0, 2.0], [2.0, 3.0]], np.float32)
B = np.array([[1.0, 0.0], [2.0, 1.0]], np.float32)
LU = np.array([[4.0, 3.0], [0.5, 0.5]], np.float32)
PIV = np.array([2, 2], np.int32)


def close(t, want, tol=1e-6):
    np.testing.assert_allclose(t.asnumpy(), np.asarray(want, np.float64), rtol=tol, atol=tol)


def test_cholesky_and_its_solvers_match_mindspore():
    lower = ops.cholesky(Tensor(A))
    close(lower, [[2, 0], [1, 2 ** 0.5]])
    close(ops.cholesky(Tensor(A), upper=True), [[2, 1], [0, 2 ** 0.5]])
    close(Tensor(A).cholesky(), [[2, 0], [1, 2 ** 0.5]])
    close(ops.cholesky(Tensor(np.array([[4.0]], np.float32))), [[2]])
    batch = ops.cholesky(Tensor(np.stack([A, A])))
    assert batch.shape == (2, 2, 2)
    close(batch[1], [[2, 0], [1, 2 ** 0.5]])
    solved = [[-0.125, -0.25], [0.75, 0.5]]
    close(ops.cholesky_solve(Tensor(B), lower), solved)
    close(ops.cholesky_solve(Tensor(B), ops.cholesky(Tensor(A), True), upper=True), solved)
    close(Tensor(B).cholesky_solve(lower), solved)
    close(ops.cholesky_solve(Tensor(B.astype(np.float64)), lower.astype(ms.float64)), solved)
    inv = [[0.375, -0.25], [-0.25, 0.5]]
    close(ops.cholesky_inverse(lower), inv)
    close(ops.cholesky_inverse(ops.cholesky(Tensor(A), True), upper=True), inv)
    # MindSpore 2.10's CPU kernel gives zeros for every matrix of a batch past the first.
    close(ops.cholesky_inverse(ops.stack([lower, lower])), [inv, inv])
    close(ops.matrix_solve(Tensor(A), Tensor(B)), solved)
    close(ops.matrix_solve(Tensor(np.array([[1.0, 2.0], [0.0, 1.0]], np.float32)), Tensor(B),
                           adjoint=True), [[1, 0], [0, 1]])


def test_least_squares_qr_and_lu_match_mindspore():
    x = Tensor(np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]], np.float32))
    close(ops.lstsq(x, Tensor(np.array([[1.0, 0.0], [2.0, 1.0], [2.0, 1.0]], np.float32))),
          [[2 / 3, -1 / 3], [0.5, 0.5]])
    close(ops.lstsq(x, Tensor(np.array([1.0, 2.0, 2.0], np.float32))), [[2 / 3], [0.5]])
    close(x.lstsq(Tensor(np.array([[1.0], [2.0], [2.0]], np.float32))), [[2 / 3], [0.5]])
    q, r = ops.qr(Tensor(np.array([[3.0, 1.0], [4.0, 2.0], [0.0, 1.0]], np.float32)), "complete")
    assert q.shape == (3, 3) and r.shape == (3, 2)
    close(r, [[-5, -2.2], [0, -1.0770329], [0, 0]], 1e-5)
    q, r = Tensor(np.array([[3.0, 1.0, 2.0], [4.0, 2.0, 1.0]], np.float32)).qr()
    close(q, [[-0.6, -0.8], [-0.8, 0.6]], 1e-5)
    close(r, [[-5, -2.2, -2], [0, 0.4, -1]], 1e-5)
    p, low, up = ops.lu_unpack(Tensor(LU), Tensor(PIV))
    close(p, [[0, 1], [1, 0]])
    close(low, [[1, 0], [0.5, 1]])
    close(up, [[4, 3], [0, 0.5]])
    p, low, up = ops.lu_unpack(Tensor(np.stack([LU, LU])), Tensor(np.array([[2, 2], [1, 2]], np.int32)))
    close(p, [[[0, 1], [1, 0]], [[1, 0], [0, 1]]])
    lu_solved = [[0.5, 1], [0, -1]]
    close(ops.lu_solve(Tensor(B), Tensor(LU), Tensor(PIV)), lu_solved)
    close(Tensor(B).lu_solve(Tensor(LU), Tensor(PIV)), lu_solved)


def test_bad_inputs_raise_mindspores_errors():
    with pytest.raises(ValueError, match="greater than or equal to 2, but got a 1-D"):
        ops.cholesky(Tensor(np.array([4.0], np.float32)))
    with pytest.raises(ValueError, match="batch squares, but got batch 2 x 3"):
        ops.cholesky(Tensor(np.ones((2, 3), np.float32)))
    with pytest.raises(RuntimeError, match="symmetric positive definite"):
        ops.cholesky(Tensor(np.array([[1.0, 2.0], [2.0, 1.0]], np.float32)))
    with pytest.raises(TypeError, match="Float32 or Float64"):
        ops.cholesky(Tensor(np.array([[4, 2], [2, 3]], np.int32)))
    with pytest.raises(ValueError, match="same row number"):
        ops.cholesky_solve(Tensor(np.ones((3, 1), np.float32)), ops.cholesky(Tensor(A)))
    with pytest.raises(TypeError, match="same"):
        ops.cholesky_solve(Tensor(B.astype(np.float64)), ops.cholesky(Tensor(A)))
    with pytest.raises(ValueError, match="pivots"):
        ops.lu_unpack(Tensor(LU), Tensor(np.array([3, 1], np.int32)))


def _numeric_grad(f, x, eps=1e-6):
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = eps
        g[i] = (f(x + e) - f(x - e)) / (2 * eps)
    return g


@pytest.mark.parametrize("name", ["cholesky", "cholesky_solve", "cholesky_inverse", "lu_solve"])
def test_gradients_match_central_differences(name):
    rng = np.random.default_rng(3)
    m = rng.uniform(-1, 1, (3, 3))
    spd = m @ m.T + np.eye(3)
    w = rng.uniform(-1, 1, (3, 3))
    b = rng.uniform(-1, 1, (3, 2))
    sym = lambda t: (t + t.swapaxes(-1, -2)) * 0.5  # noqa: E731 - the input is read as symmetric
    funcs = {
        "cholesky": lambda t: (ops.cholesky(sym(t)) * Tensor(w)).sum(),
        "cholesky_solve": lambda t: (ops.cholesky_solve(Tensor(b), ops.cholesky(sym(t)))
                                     * Tensor(w[:, :2])).sum(),
        "cholesky_inverse": lambda t: (ops.cholesky_inverse(ops.cholesky(sym(t))) * Tensor(w)).sum(),
        "lu_solve": lambda t: (ops.lu_solve(Tensor(b), t, Tensor(np.array([1, 2, 3], np.int32)))
                               * Tensor(w[:, :2])).sum(),
    }
    f = funcs[name]
    x = spd if name != "lu_solve" else spd + 3 * np.eye(3)
    got = ms.grad(f)(Tensor(x)).asnumpy()
    want = _numeric_grad(lambda v: float(f(Tensor(v)).asnumpy()), x)
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-8)

"""mindspore.scipy behaviours found by running MindSpore's tests/st/scipy_st through the package
(values against NumPy/SciPy, dtypes, shapes and error classes as measured on MindSpore 2.10)."""
import numpy as np
import pytest
import itertools


import easy_mindspore as ems
from easy_mindspore.scipy import ops_wrapper
from easy_mindspore.scipy.linalg import eigh
from easy_mindspore.scipy.ops import Eig, LinearSumAssignment, SolveTriangular
from easy_mindspore.scipy.optimize import linear_sum_assignment
from easy_mindspore.scipy.utils import _nd_transpose


def _best_assignment(cost, maximize=False):
    """The optimal assignment of a small cost matrix by trying every one (rows ascending)."""
    m, n = cost.shape
    sign = -1 if maximize else 1
    if m <= n:
        cols = min(itertools.permutations(range(n), m),
                   key=lambda p: sign * sum(cost[i, j] for i, j in enumerate(p)))
        return np.arange(m), np.array(cols)
    rows = min(itertools.permutations(range(m), n),
               key=lambda p: sign * sum(cost[i, j] for j, i in enumerate(p)))
    order = np.argsort(rows)
    return np.array(rows)[order], np.arange(n)[order]


def test_linear_sum_assignment_pads_to_the_smaller_dimension():
    cost = np.array([[5, 3, 3, 1], [3, 2, 3, 0], [1, 3, 2, 7]], np.float32)
    # a limit of 2 columns leaves 2 assignments; MindSpore pads to min(M, N) = 3 with -1
    rows, cols = linear_sum_assignment(ems.Tensor(cost), False, ems.Tensor(2))
    r, c = _best_assignment(cost[:, :2])
    np.testing.assert_array_equal(rows.asnumpy(), list(r) + [-1])
    np.testing.assert_array_equal(cols.asnumpy(), list(c) + [-1])
    rows, cols = LinearSumAssignment()(ems.Tensor(cost.T.copy()), ems.Tensor(2), True)
    r, c = _best_assignment(cost.T[:, :2], maximize=True)
    np.testing.assert_array_equal(rows.asnumpy(), list(r) + [-1])
    np.testing.assert_array_equal(cols.asnumpy(), list(c) + [-1])
    rows, cols = linear_sum_assignment(ems.Tensor(cost), True)
    r, c = _best_assignment(cost, maximize=True)
    assert rows.dtype == ems.int64
    np.testing.assert_array_equal(rows.asnumpy(), r)
    np.testing.assert_array_equal(cols.asnumpy(), c)


def test_eig_primitive_returns_a_pair():
    a = np.array([[2.0, 1.0, 0.0], [0.5, 3.0, 1.0], [0.0, 1.0, 4.0]])
    w, v = Eig(True)(ems.Tensor(a))
    assert w.dtype == ems.complex128 and v.dtype == ems.complex128
    np.testing.assert_allclose(a @ v.asnumpy(), v.asnumpy() @ np.diag(w.asnumpy()), atol=1e-10)
    w, zero = Eig(False)(ems.Tensor(a.astype(np.float32)))
    assert w.dtype == ems.complex64 and zero.shape == () and zero.dtype == ems.complex64
    np.testing.assert_allclose(np.sort_complex(w.asnumpy()), np.sort_complex(np.linalg.eigvals(a)),
                               rtol=1e-5)
    with pytest.raises(ValueError):
        Eig(True)(ems.Tensor([1.0, 2.0]))
    with pytest.raises(TypeError):
        Eig(True)(ems.Tensor([[1, 2], [3, 4]], ems.int32))
    with pytest.raises(TypeError):
        Eig(1)


def test_solve_triangular_primitive_and_nd_transpose():
    a = np.array([[2.0, 0.0, 0.0], [1.0, 4.0, 0.0], [3.0, -1.0, 5.0]])
    b = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    got = SolveTriangular(lower=True, trans="T")(ems.Tensor(a), ems.Tensor(b))
    np.testing.assert_allclose(got.asnumpy(), np.linalg.solve(np.tril(a).T, b))
    with pytest.raises(ValueError):
        SolveTriangular(trans="X")
    x = np.arange(24.0).reshape(2, 3, 4)
    np.testing.assert_array_equal(_nd_transpose(ems.Tensor(x)).asnumpy(), x.swapaxes(-1, -2))
    with pytest.raises(ValueError):
        _nd_transpose(ems.Tensor([1.0]))


def test_matrix_set_diag_wrapper():
    x = np.full((3, 4), 9, np.int32)
    # k as an equal pair is one diagonal: `diagonal` is (max_diag_len,)
    got = ops_wrapper.matrix_set_diag(ems.Tensor(x), ems.Tensor([1, 2, 3], ems.int32), k=(1, 1))
    want = x.copy()
    want[[0, 1, 2], [1, 2, 3]] = [1, 2, 3]
    np.testing.assert_array_equal(got.asnumpy(), want)
    band = ops_wrapper.matrix_set_diag(ems.Tensor(x), ems.Tensor([[5, 6, 7], [1, 2, 3]], ems.int32),
                                       k=[0, 1])
    want[[0, 1, 2], [0, 1, 2]] = [1, 2, 3]
    want[[0, 1, 2], [1, 2, 3]] = [5, 6, 7]
    np.testing.assert_array_equal(band.asnumpy(), want)
    with pytest.raises(ValueError):
        ops_wrapper.matrix_set_diag(ems.Tensor(x), ems.Tensor([1, 2, 3], ems.int32), k=1.5)


def test_eigh_dtypes_and_checks():
    a = np.array([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
    w, v = eigh(ems.Tensor(a, ems.int32))
    assert w.dtype == ems.float64 and v.dtype == ems.float64  # MindSpore: ints in Float64
    np.testing.assert_allclose(w.asnumpy(), np.linalg.eigvalsh(a), rtol=1e-12)
    w = eigh(ems.Tensor(a.astype(np.complex64)), eigvals_only=True)
    assert w.dtype == ems.complex64  # MindSpore: a complex matrix's eigenvalues stay complex
    np.testing.assert_allclose(w.asnumpy().real, np.linalg.eigvalsh(a), rtol=1e-5)
    for kwargs in ({"lower": 1}, {"eigvals_only": None}, {"turbo": 0}, {"check_finite": 5.0}):
        with pytest.raises(TypeError):
            eigh(ems.Tensor(a, ems.float32), **kwargs)
    with pytest.raises(TypeError):
        eigh(ems.Tensor(a, ems.float16))
    for bad in (np.ones((2, 2, 2), np.float32), np.ones((2, 3), np.float32), np.ones(3, np.float32)):
        with pytest.raises(ValueError):
            eigh(ems.Tensor(bad))
    with pytest.raises(ValueError):
        eigh(ems.Tensor(a, ems.float32), ems.Tensor(a, ems.float32))
    with pytest.raises(ValueError):
        eigh(ems.Tensor(a, ems.float32), eigvals=42)


def test_eigh_eigenvector_signs_are_fixed_so_finite_differences_agree():
    # a matrix whose LAPACK eigenvector signs flip under ±1e-3 changes of some entries
    a = np.random.RandomState(0).random_sample((8, 8)).astype(np.float32)

    def f(x):
        w, v = eigh(x, lower=False)
        return w.sum() + v.mean()

    _, v = eigh(ems.Tensor(a), lower=False)
    v = v.asnumpy()
    assert (v[np.abs(v).argmax(0), range(8)] > 0).all()  # each column's largest entry positive
    grad = ems.ops.grad(f)(ems.Tensor(a)).asnumpy()
    numeric = np.zeros_like(a)
    eps = 1e-3  # float32 central differences, as MindSpore's own gradient check
    for i in range(8):
        for j in range(8):
            plus, minus = a.copy(), a.copy()
            plus[i, j] += eps
            minus[i, j] -= eps
            numeric[i, j] = (float(f(ems.Tensor(plus))) - float(f(ems.Tensor(minus)))) / (2 * eps)
    np.testing.assert_allclose(grad, numeric, atol=2e-2)
    assert np.abs(grad[np.tril_indices(8, -1)]).max() == 0  # the lower triangle is not read

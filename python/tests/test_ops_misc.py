"""ops' older tensor_* names, functional layers, batch_dot, population_count, the special
functions and samplers of ``_misc_func``: each value as MindSpore 2.10 printed it for the same
call (matrix_exp against the closed forms: MindSpore 2.10's CPU has no kernel for it)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

A = Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32))


def close(t, want, tol=1e-5):
    np.testing.assert_allclose(np.asarray(t.asnumpy(), np.float64), want, rtol=tol, atol=tol)


def test_values_match_mindspore():
    close(ops.batch_dot(Tensor(np.ones((2, 2, 3), np.float32)), Tensor(np.ones((2, 3, 2), np.float32)),
                        (-1, -2)), np.full((2, 2, 2), 3.0))
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    close(ops.batch_dot(x, x), [[5.0], [50.0]])
    pc = ops.population_count(Tensor(np.array([0, 1, 7, -1], np.int16)))
    assert pc.dtype == ms.uint8 and pc.asnumpy().tolist() == [0, 1, 3, 16]
    close(ops.mvlgamma(Tensor(np.array([2.5, 3.0], np.float32)), 2), [0.85705, 1.55019])
    a, z = Tensor(np.array([1.0, 2.0, 0.5], np.float32)), Tensor(np.array([1.0, 1.0, 3.0], np.float32))
    close(ops.igamma(a, z), [0.63212, 0.26424, 0.98569])
    close(ops.igammac(a, z), [0.36788, 0.73576, 0.01431])
    close(ops.zeta(Tensor(np.array([2.0, 3.0], np.float32)), Tensor(np.array([1.0, 2.0], np.float32))),
          [1.64493, 0.20206])
    close(ops.view_as_real(Tensor(np.array([1 + 2j, 3 - 1j], np.complex64))), [[1, 2], [3, -1]])
    r = ops.tensor_range(Tensor(0, ms.int32), Tensor(5, ms.int32), Tensor(2, ms.int32))
    assert r.dtype == ms.int64 and r.asnumpy().tolist() == [0, 2, 4]
    close(ops.tensor_slice(A, (0, 1), (2, 1)), [[2.0], [4.0]])
    idx, upd = Tensor(np.array([[1, 0]], np.int32)), Tensor(np.array([[5.0, 6.0]], np.float32))
    close(ops.tensor_scatter_elements(A, idx, upd, 1, "add"), [[7, 7], [3, 4]])
    close(ops.tensor_scatter_elements(A, idx, upd), [[1, 6], [5, 4]])
    close(ops.tensor_mul(A, A), [[1, 4], [9, 16]])
    close(ops.tensor_floordiv(A, Tensor(np.float32(1.5))), [[0, 1], [2, 2]])
    assert ops.type_as(A, Tensor(np.array([1], np.int32))).dtype == ms.int32


def test_matrix_exp_and_its_gradient():
    close(ops.matrix_exp(Tensor(np.array([[0.0, 1.0], [-1.0, 0.0]], np.float32))),
          [[np.cos(1), np.sin(1)], [-np.sin(1), np.cos(1)]])
    close(ops.matrix_exp(A), [[51.968956, 74.73656], [112.104843, 164.073803]], 1e-4)
    # d/dt trace(exp(t·A)) at t = 1 is trace(A·exp(A)).
    a64 = Tensor(np.array([[0.1, 0.2], [0.3, -0.4]]))
    g = ms.grad(lambda t: ops.matrix_exp(a64 * t).trace())(Tensor(1.0, ms.float64))
    e = ops.matrix_exp(a64).asnumpy()
    np.testing.assert_allclose(g.asnumpy(), np.trace(a64.asnumpy() @ e), rtol=1e-10)


def test_random_layers_and_samplers():
    assert ops.random_gamma(Tensor(np.array([3, 2], np.int32)), Tensor(np.array([1.0, 2.0], np.float32)),
                            seed=1).shape == (3, 2, 2)
    p = ops.random_poisson(Tensor(np.array([3], np.int32)), Tensor(np.array([1.0, 5.0], np.float32)), seed=1)
    assert p.shape == (3, 2) and p.dtype == ms.float32 and bool((p >= 0).all())
    assert ops.standard_laplace((2, 3), seed=1).shape == (2, 3)
    assert ops.laplace((2, 3), Tensor(1.0), Tensor(2.0), seed=1).shape == (2, 3)
    x = Tensor(np.array([-1.0, 2.0], np.float32))
    out = ops.rrelu(x).asnumpy()
    assert out[1] == 2.0 and -1 / 3 - 1e-6 <= out[0] <= -1 / 8 + 1e-6
    hard = ops.gumbel_softmax(Tensor(np.array([[1.0, 2.0]], np.float32)), 1.0, True)
    assert hard.asnumpy().sum() == 1.0 and set(hard.asnumpy().ravel().tolist()) <= {0.0, 1.0}
    drop = ops.dropout1d(Tensor(np.ones((2, 3, 4), np.float32)), 0.5).asnumpy()
    assert drop.shape == (2, 3, 4) and set(np.unique(drop).tolist()) <= {0.0, 2.0}
    assert (drop == drop[..., :1]).all()  # whole channels
    close(ops.group_norm(Tensor(np.array([[[1.0], [3.0]]], np.float32)), 1).reshape(-1), [-1.0, 1.0], 1e-4)
    with pytest.raises(ValueError, match="reduction"):
        ops.tensor_scatter_elements(A, Tensor(np.array([[0]], np.int32)), Tensor(np.array([[1.0]], np.float32)),
                                    0, "max")

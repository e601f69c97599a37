"""ops.softmax through the fused Softmax primitive: values and gradients (first and second order)
against a float64 NumPy reference on several shapes and axes (size-1 and size-0 axes included),
eager and under ms.jit, nn.Softmax and the attention path, and a few numbers from MindSpore 2.10."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn, ops


def np_softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def np_softmax_vjp(x, axis, w):
    """The gradient of sum(softmax(x) * w) with respect to x."""
    y = np_softmax(x, axis)
    return y * (w - (y * w).sum(axis=axis, keepdims=True))


CASES = [((2, 3, 4), -1), ((2, 3, 4), 0), ((2, 3, 4), 1), ((1, 5), 0), ((1, 5), -1),
         ((7,), 0), ((4, 1), 1), ((3, 64, 64), -1)]


@pytest.mark.parametrize("shape,axis", CASES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_values_and_gradients_match_numpy(shape, axis, dtype):
    rng = np.random.default_rng(len(shape) * 10 + axis)
    x = rng.uniform(-6, 6, shape)
    w = rng.uniform(-1, 1, shape)
    tol = 1e-6 if dtype == np.float32 else 1e-12
    got = ops.softmax(ms.Tensor(x.astype(dtype)), axis).asnumpy()
    assert got.dtype == dtype
    np.testing.assert_allclose(got, np_softmax(x, axis), rtol=0, atol=tol)
    wt = ms.Tensor(w.astype(dtype))
    grad = ms.grad(lambda t: (ops.softmax(t, axis) * wt).sum())(ms.Tensor(x.astype(dtype)))
    np.testing.assert_allclose(grad.asnumpy(), np_softmax_vjp(x, axis, w), rtol=0, atol=tol)


def test_jit_and_second_derivative_match_numpy():
    rng = np.random.default_rng(3)
    x = rng.uniform(-3, 3, (3, 5))
    w = rng.uniform(-1, 1, (3, 5))
    wt = ms.Tensor(w)

    @ms.jit
    def f(t):
        return (ops.softmax(t, -1) * wt).sum()

    g = ms.grad(f)(ms.Tensor(x)).asnumpy()
    np.testing.assert_allclose(g, np_softmax_vjp(x, -1, w), rtol=0, atol=1e-12)
    # The Hessian-vector product along v, against central differences of the float64 gradient.
    v = rng.uniform(-1, 1, (3, 5))
    hvp = ms.grad(lambda t: (ms.grad(lambda s: (ops.softmax(s, -1) * wt).sum())(t)
                             * ms.Tensor(v)).sum())(ms.Tensor(x)).asnumpy()
    h = 1e-6
    fd = (np_softmax_vjp(x + h * v, -1, w) - np_softmax_vjp(x - h * v, -1, w)) / (2 * h)
    np.testing.assert_allclose(hvp, fd, rtol=0, atol=1e-7)


def test_size_zero_and_extreme_rows():
    assert ops.softmax(ms.Tensor(np.zeros((3, 0), np.float32)), -1).shape == (3, 0)
    assert ops.softmax(ms.Tensor(np.zeros((0, 4), np.float32)), 0).shape == (0, 4)
    big = ops.softmax(ms.Tensor(np.array([[1e4, 0.0, -1e4]], np.float32)), -1).asnumpy()
    np.testing.assert_array_equal(big, [[1.0, 0.0, 0.0]])


def test_matches_mindspore():
    # Printed by MindSpore 2.10 (CPU) for these inputs: ops.softmax along -1 and 0, and
    # ms.grad of sum(softmax(x, -1) * w). MindSpore's float32 exp is a few ulp off (its 0.2447282
    # against the exact 0.24472847), so the tolerance is 1e-6.
    x = ms.Tensor(np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 1000.0]], np.float32))
    w = ms.Tensor(np.array([[0.3, -0.2, 0.5], [1.0, 2.0, -1.0]], np.float32))
    np.testing.assert_allclose(ops.softmax(x, -1).asnumpy(),
                               [[0.09003057, 0.2447282, 0.6652413], [0.0, 0.0, 1.0]], atol=1e-6)
    np.testing.assert_allclose(ops.softmax(x, 0).asnumpy(),
                               [[0.880797, 0.81757444, 0.0], [0.11920292, 0.18242551, 1.0]],
                               atol=1e-6)
    g = ms.grad(lambda t: (ops.softmax(t, -1) * w).sum())(x).asnumpy()
    np.testing.assert_allclose(g, [[-0.0009619, -0.12497882, 0.12594071], [0.0, 0.0, 0.0]],
                               atol=1e-6)


def test_softmax_cell_and_attention_use_it():
    rng = np.random.default_rng(5)
    x = rng.uniform(-2, 2, (2, 3, 4)).astype(np.float32)
    np.testing.assert_allclose(nn.Softmax(axis=1)(ms.Tensor(x)).asnumpy(), np_softmax(x, 1),
                               rtol=0, atol=1e-6)
    # One head of attention by hand: softmax(q kᵀ / √d) v, against NumPy in float64.
    mha = nn.MultiheadAttention(4, 1)
    q = rng.uniform(-1, 1, (3, 2, 4)).astype(np.float32)
    out, weights = mha(ms.Tensor(q), ms.Tensor(q), ms.Tensor(q))
    params = {p.name.split(".")[-1]: p.asnumpy().astype(np.float64) for p in mha.get_parameters()}
    w_in, b_in = params["in_proj_weight"], params["in_proj_bias"]
    qq = q.astype(np.float64).transpose(1, 0, 2) @ w_in.T + b_in  # [batch, seq, 3·4]
    qs, ks, vs = qq[..., :4], qq[..., 4:8], qq[..., 8:]
    att = np_softmax(qs @ ks.transpose(0, 2, 1) / 2.0, -1)
    np.testing.assert_allclose(weights.asnumpy(), att, rtol=0, atol=1e-5)
    ctx = att @ vs @ params["weight"].T + params["bias"]
    np.testing.assert_allclose(out.asnumpy(), ctx.transpose(1, 0, 2), rtol=0, atol=1e-5)


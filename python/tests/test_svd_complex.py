"""The SVD as one primitive (``s``, ``u``, ``v`` from one run) and of complex matrices: values
against NumPy and MindSpore 2.10 (measured on its CPU build: ``s`` comes back in the input's
complex dtype with real values, ``v`` not ``vᴴ``), the factors up to a phase per column, gradients
of gauge-invariant real losses against central differences in both parts (the engine's convention:
the gradient of a real ``L`` in ``z = x + iy`` is ``∂L/∂x + i·∂L/∂y``), forward mode, jit and vmap;
gradients through several factors at once, and the singular-value norms and ``cond`` of complex
matrices as MindSpore computes them (from the real part)."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops

# MindSpore 2.10 on this matrix: s = [5.9701357+0j, 0.9259983+0j] (Complex64).
C23 = np.array([[1 + 2j, 2 - 1j, 0.5j], [3j, 4 + 0.5j, 1]])
C22 = np.array([[1 + 2j, 2 - 1j], [3j, 4 + 0.5j]])


def _crand(shape, seed):
    r = np.random.default_rng(seed)
    return r.uniform(-1, 1, shape) + 1j * r.uniform(-1, 1, shape)


def _outer_products(u, s, v):
    """``u_j s_j v_jᴴ`` for each j (invariant under the phase of each pair)."""
    return np.einsum("...ij,...j,...kj->...jik", u, s, v.conj())


@pytest.mark.parametrize("dtype,tol", [(np.complex128, 1e-12), (np.complex64, 3e-6)])
@pytest.mark.parametrize("shape", [(2, 2), (3, 2), (2, 3), (4, 5, 3), (1, 4), (3, 1)])
@pytest.mark.parametrize("full", [False, True])
def test_complex_svd_matches_numpy_up_to_phases(dtype, tol, shape, full):
    a = _crand(shape, sum(shape)).astype(dtype)
    s, u, v = ops.svd(Tensor(a), full_matrices=full)
    wu, ws, wvh = np.linalg.svd(a.astype(np.complex128), full_matrices=full)
    m, n = shape[-2:]
    k = min(m, n)
    assert s.dtype == u.dtype == v.dtype == Tensor(a).dtype
    assert u.shape == shape[:-2] + ((m, m) if full else (m, k))
    assert v.shape == shape[:-2] + ((n, n) if full else (n, k))
    s, u, v = s.asnumpy(), u.asnumpy(), v.asnumpy()
    np.testing.assert_allclose(s.imag, 0, atol=0)
    np.testing.assert_allclose(s.real, ws, rtol=tol, atol=tol)
    uk, vk = u[..., :k], v[..., :k]
    np.testing.assert_allclose(uk @ (s[..., :, None] * np.swapaxes(vk.conj(), -1, -2)), a,
                               atol=10 * tol)
    np.testing.assert_allclose(_outer_products(uk, s.real, vk),
                               _outer_products(wu[..., :k], ws, wvh[..., :k, :].conj().swapaxes(-1, -2)),
                               atol=10 * tol)
    eye_u = np.swapaxes(u.conj(), -1, -2) @ u
    np.testing.assert_allclose(eye_u, np.broadcast_to(np.eye(u.shape[-1]), eye_u.shape), atol=10 * tol)
    eye_v = np.swapaxes(v.conj(), -1, -2) @ v
    np.testing.assert_allclose(eye_v, np.broadcast_to(np.eye(v.shape[-1]), eye_v.shape), atol=10 * tol)
    # The phase convention: the largest-magnitude entry of each column of u is real, positive.
    for idx in np.ndindex(u.shape[:-2]):
        for j in range(k):
            col = u[idx][:, j]
            big = col[np.argmax(np.abs(col))]
            assert big.real > 0 and abs(big.imag) <= 10 * tol * abs(big)


def test_complex_svd_values_are_mindspores():
    for dtype in (ms.complex64, ms.complex128):
        s, u, v = ops.svd(Tensor(C23, dtype))
        assert s.dtype == dtype and tuple(v.shape) == (3, 2)
        np.testing.assert_allclose(s.asnumpy(), [5.9701357, 0.9259983], rtol=1e-6)
        # MindSpore's u, v differ from these by a phase per column; u_j v_jᴴ does not.
        ms_u = np.array([[0.5196308, 0.854391], [0.74687207 + 0.41492888j, -0.454239 - 0.25235498j]])
        ms_v = np.array([[0.2955405 - 0.54938066j, 0.10510351 - 0.3737206j],
                         [0.70923245 + 0.30249065j, -0.25308022 + 0.07785162j],
                         [0.12510133 + 0.02598155j, -0.49053988 - 0.7338572j]])
        np.testing.assert_allclose(_outer_products(u.asnumpy(), np.ones(2), v.asnumpy()),
                                   _outer_products(ms_u, np.ones(2), ms_v), atol=2e-6)
        print_s = ops.svd(Tensor(C23, dtype), compute_uv=False)
        np.testing.assert_allclose(print_s.asnumpy(), s.asnumpy())
        assert Tensor(C23, dtype).svd(full_matrices=True)[2].shape == (3, 3)


def _complex_numeric_grad(f, a, eps=1e-6):
    """``∂L/∂x + i·∂L/∂y`` of the real ``f`` at the complex ``a`` by central differences."""
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        d = np.zeros_like(a)
        d[idx] = eps
        gx = (f(a + d) - f(a - d)) / (2 * eps)
        gy = (f(a + 1j * d) - f(a - 1j * d)) / (2 * eps)
        g[idx] = gx + 1j * gy
    return g


W = {shape: _crand(shape, 99) for shape in [(3, 3), (4, 2), (2, 4), (2, 3, 2)]}


def _losses(shape):
    """Real, gauge-invariant losses of a complex matrix through its SVD."""
    w = Tensor(W[shape])
    k = min(shape[-2:])
    wk = Tensor(np.abs(_crand(shape[:-2] + (k,), 5)) + 0.5)

    def sum_of_s(t):
        return (ops.real(ops.svd(t, compute_uv=False)) * ops.real(wk)).sum()

    def reconstruction(t):
        s, u, v = ops.svd(t)
        r = u @ (ops.expand_dims(s, -1) * ops.swapaxes(ops.conj(v), -1, -2))
        return ops.real(r * w).sum()

    def magnitudes_of_u(t):
        u = ops.svd(t)[1]
        return (ops.real(u * ops.conj(u)) * ops.real(w[..., :k] if shape[-1] >= k else w)).sum()

    def first_pair(t):
        # Re Σ w_ab u_a0 conj(v_b0): the first rank-one term without s, phase-free.
        _, u, v = ops.svd(t)
        u0, v0 = u[..., :, :1], v[..., :, :1]
        return ops.real((u0 @ ops.swapaxes(ops.conj(v0), -1, -2)) * w).sum()

    return {"sum_of_s": sum_of_s, "reconstruction": reconstruction,
            "magnitudes_of_u": magnitudes_of_u, "first_pair": first_pair}


@pytest.mark.parametrize("shape", [(3, 3), (4, 2), (2, 4), (2, 3, 2)])
@pytest.mark.parametrize("which", ["sum_of_s", "reconstruction", "magnitudes_of_u", "first_pair"])
def test_complex_gradients_of_invariant_losses_match_central_differences(shape, which):
    if which == "magnitudes_of_u" and shape[-2] < shape[-1]:
        pytest.skip("the w slice is for tall or square u")
    a = _crand(shape, 3 * sum(shape))
    loss = _losses(shape)[which]
    g = ms.grad(loss)(Tensor(a)).asnumpy()
    want = _complex_numeric_grad(lambda b: float(loss(Tensor(b)).asnumpy()), a)
    np.testing.assert_allclose(g, want, rtol=1e-6, atol=1e-7)


def test_complex_forward_mode_matches_the_reverse_mode():
    # ⟨grad L, t⟩_real = jvp(L)(t) for a gauge-invariant L.
    shape = (4, 2)
    a, t = _crand(shape, 1), _crand(shape, 2)
    loss = _losses(shape)["first_pair"]
    _, tangent = ops.jvp(loss, Tensor(a), Tensor(t))
    g = ms.grad(loss)(Tensor(a)).asnumpy()
    np.testing.assert_allclose(float(tangent.asnumpy()), np.real(np.sum(g.conj() * t)), rtol=1e-9)
    fd = (float(loss(Tensor(a + 1e-6 * t)).asnumpy()) - float(loss(Tensor(a - 1e-6 * t)).asnumpy())) / 2e-6
    np.testing.assert_allclose(float(tangent.asnumpy()), fd, rtol=1e-6)


def test_complex_svd_under_jit_and_vmap():
    a = Tensor(_crand((3, 4, 3), 5))
    eager = ops.svd(a, compute_uv=False).asnumpy()
    jitted = ms.jit(lambda t: ops.svd(t, compute_uv=False))(a).asnumpy()
    mapped = ms.vmap(lambda t: ops.svd(t, compute_uv=False))(a).asnumpy()
    np.testing.assert_allclose(jitted, eager, rtol=1e-14)
    np.testing.assert_allclose(mapped, eager, rtol=1e-14)
    loss = _losses((3, 3))["reconstruction"]
    x = Tensor(_crand((3, 3), 8))
    np.testing.assert_allclose(ms.jit(ms.grad(loss))(x).asnumpy(), ms.grad(loss)(x).asnumpy(),
                               rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("shape", [(3, 3), (4, 2), (2, 4)])
def test_real_gradient_through_all_three_factors_and_forward_mode(shape):
    # One primitive: a loss of s, u and v together gets one cotangent of the packed output.
    r = np.random.default_rng(sum(shape))
    a = r.uniform(-1, 1, shape)
    k = min(shape)
    w1, w2, w3 = r.uniform(-1, 1, (shape[0], k)), r.uniform(-1, 1, (shape[1], k)), r.uniform(-1, 1, k)

    def loss(t):
        s, u, v = ops.svd(t)
        return (u * Tensor(w1)).sum() + (v * Tensor(w2)).sum() + (s * Tensor(w3)).sum()

    g = ms.grad(loss)(Tensor(a)).asnumpy()
    fd = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        d = np.zeros_like(a)
        d[idx] = 1e-6
        fd[idx] = (float(loss(Tensor(a + d)).asnumpy()) - float(loss(Tensor(a - d)).asnumpy())) / 2e-6
    np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-7)
    t = r.uniform(-1, 1, shape)
    _, tangent = ops.jvp(loss, Tensor(a), Tensor(t))
    np.testing.assert_allclose(float(tangent.asnumpy()), np.sum(g * t), rtol=1e-8)


def test_complex_norms_and_cond_are_mindspores():
    # MindSpore 2.10 computes these in Float32 from the real part of a complex input.
    for dtype in (ms.complex64, ms.complex128):
        x = Tensor(C22, dtype)
        got = [ops.norm(x, 2), ops.norm(x, -2), ops.norm(x, "nuc"), ops.matrix_norm(x, "nuc"), ops.cond(x)]
        assert all(g.dtype == ms.float32 for g in got)
        np.testing.assert_allclose([float(g.asnumpy()) for g in got],
                                   [4.4953585, 0.8898069, 5.385165, 5.385165, 6.4885907], rtol=1e-6)


def test_pinv_refuses_complex_as_mindspore():
    with pytest.raises(TypeError, match="pinv"):
        ops.pinv(Tensor(C22, ms.complex64))

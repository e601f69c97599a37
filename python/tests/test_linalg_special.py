"""The square-matrix ops (``ops.inverse``, ``det``/``matrix_determinant``, ``slogdet``/
``log_matrix_determinant``, ``logdet``, their Tensor methods and ``ops.MatrixInverse``,
``MatrixDeterminant``, ``LogMatrixDeterminant``) against NumPy's ``np.linalg``, their gradients
against the closed forms (``A⁻ᵀ`` ...) and central differences, MindSpore 2.10's answers for
singular matrices and its errors (measured with MindSpore 2.10.0); then the gamma-function family
(``ops.lgamma``, ``digamma``, ``polygamma`` and ``ops.Lgamma``, ``Digamma``, ``Polygamma``)
against Python's ``math.lgamma`` and exact identities (``ψ(1) = -γ``, ``ψ'(1) = π²/6``,
``ψ''(1) = -2ζ(3)``, ``ψ⁽ⁿ⁾(x+1) = ψ⁽ⁿ⁾(x) + (-1)ⁿn!/xⁿ⁺¹``), derivatives and dtypes."""
import math

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops
from mindspore.ops import operations as P

EULER_GAMMA = 0.57721566490153286061
ZETA3 = 1.2020569031595942854


def _wellconditioned(shape, seed, dtype=np.float64):
    """Random matrices with a dominant diagonal of random signs."""
    rng = np.random.default_rng(seed)
    n = shape[-1]
    a = rng.uniform(-1, 1, shape)
    signs = np.where(rng.uniform(-1, 1, shape[:-1]) < 0, -1.0, 1.0)
    a += np.eye(n) * (signs[..., None] * (n + 1))
    return a.astype(dtype)


@pytest.mark.parametrize("dtype,rtol", [(np.float64, 1e-12), (np.float32, 2e-5)])
@pytest.mark.parametrize("shape", [(2, 2), (3, 3), (4, 5, 5), (2, 3, 4, 4), (0, 3, 3)])
def test_inverse_det_slogdet_match_numpy(dtype, rtol, shape):
    a = _wellconditioned(shape, sum(shape), dtype)
    x = Tensor(a)
    inv = ops.inverse(x)
    assert inv.dtype == x.dtype and inv.shape == shape
    np.testing.assert_allclose(inv.asnumpy(), np.linalg.inv(a.astype(np.float64)), rtol=rtol,
                               atol=rtol)
    d = ops.det(x)
    assert d.shape == shape[:-2] and d.dtype == x.dtype
    np.testing.assert_allclose(d.asnumpy(), np.linalg.det(a.astype(np.float64)), rtol=rtol)
    sign, logabs = ops.slogdet(x)
    want_sign, want_log = np.linalg.slogdet(a.astype(np.float64))
    np.testing.assert_array_equal(sign.asnumpy(), want_sign)
    np.testing.assert_allclose(logabs.asnumpy(), want_log, rtol=rtol, atol=rtol)
    # The older names, the Tensor methods and the primitive classes are the same functions.
    for got in (ops.matrix_determinant(x), x.det(), x.matrix_determinant(),
                P.MatrixDeterminant()(x)):
        np.testing.assert_array_equal(got.asnumpy(), d.asnumpy())
    for got in (x.inverse(), P.MatrixInverse()(x)):
        np.testing.assert_array_equal(got.asnumpy(), inv.asnumpy())
    for pair in (ops.log_matrix_determinant(x), x.slogdet(), x.log_matrix_determinant(),
                 P.LogMatrixDeterminant()(x)):
        np.testing.assert_array_equal(pair[1].asnumpy(), logabs.asnumpy())
        np.testing.assert_array_equal(pair[0].asnumpy(), sign.asnumpy())


def test_matrix_inverse_adjoint_inverts_the_transpose():
    a = _wellconditioned((2, 3, 3), 5)
    got = P.MatrixInverse(adjoint=True)(Tensor(a)).asnumpy()
    np.testing.assert_allclose(got, np.linalg.inv(np.swapaxes(a, -1, -2)), rtol=1e-12)
    with pytest.raises(TypeError):
        P.MatrixInverse(adjoint=1)


def test_logdet_is_nan_for_negative_determinants():
    a = np.array([[[2.0, 0.0], [0.0, 3.0]], [[0.0, 1.0], [1.0, 0.0]], [[1.0, 2.0], [2.0, 4.0]]])
    got = ops.logdet(Tensor(a)).asnumpy()
    assert got[0] == pytest.approx(math.log(6.0), rel=1e-15)
    assert np.isnan(got[1]) and got[2] == -np.inf
    np.testing.assert_array_equal(Tensor(a).logdet().asnumpy(), got)


def test_float16_determinants_and_their_errors():
    h = Tensor(np.array([[2.0, 1.0], [1.0, 3.0]], np.float16))
    d = ops.det(h)
    assert d.dtype == ms.float16 and float(d) == 5.0
    sign, logabs = ops.slogdet(h)
    assert sign.dtype == ms.float16 and float(sign) == 1.0
    assert float(logabs) == pytest.approx(math.log(5.0), rel=1e-3)
    with pytest.raises(TypeError):
        ops.inverse(h)  # MindSpore 2.10's MatrixInverse has no Float16 kernel


@pytest.mark.parametrize("fn", [ops.inverse, ops.det, ops.slogdet, ops.logdet])
def test_mindspores_argument_errors(fn):
    with pytest.raises(TypeError):
        fn([[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(TypeError):
        fn(Tensor(np.eye(2, dtype=np.int32)))
    for bad in (np.ones(3), np.ones((2, 3)), np.ones((1, 1)), np.ones((2, 0, 0))):
        with pytest.raises(ValueError):
            fn(Tensor(bad.astype(np.float32)))


def test_singular_matrices_give_mindspores_answers():
    # Measured with MindSpore 2.10.0 (a full-pivoting LU of the transpose for the inverse).
    cases = [
        ([[1.0, 2.0], [2.0, 4.0]], [[0.0, 0.0], [0.0, 0.25]]),
        ([[1.0, 2.0], [3.0, 6.0]], [[0.0, 0.0], [0.0, 1 / 6]]),
        ([[0.0, 1.0], [0.0, 1.0]], [[0.0, 0.0], [1.0, 0.0]]),
        ([[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]),
        ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[-0.75, 0, 0.25], [0, 0, 0], [7 / 12, 0, -1 / 12]]),
    ]
    for a, want in cases:
        for dtype in (np.float32, np.float64):
            got = ops.inverse(Tensor(np.array(a, dtype))).asnumpy()
            np.testing.assert_allclose(got, want, atol=1e-6)
    s = Tensor(np.array([[1.0, 2.0], [2.0, 4.0]]))
    assert float(ops.det(s)) == 0.0
    sign, logabs = ops.slogdet(s)
    assert float(sign) == 0.0 and float(logabs) == -np.inf
    sign, logabs = ops.slogdet(Tensor(np.array([[np.inf, 1.0], [1.0, 1.0]])))
    assert float(sign) == 0.0 and float(logabs) == np.inf
    # Their gradients stay finite, as MindSpore's: det's is 0; log|det|'s is the inverse's
    # transpose ([[0, 0], [0, 0.25]] here).
    np.testing.assert_array_equal(ops.grad(ops.det)(s).asnumpy(), np.zeros((2, 2)))
    g = ops.grad(lambda x: ops.slogdet(x)[1])(s).asnumpy()
    np.testing.assert_allclose(g, [[0.0, 0.0], [0.0, 0.25]])


def test_gradients_are_the_closed_forms():
    a = _wellconditioned((2, 3, 3), 11)
    x = Tensor(a)
    inv_t = np.swapaxes(np.linalg.inv(a), -1, -2)
    det = np.linalg.det(a)
    np.testing.assert_allclose(ops.grad(lambda m: ops.det(m).sum())(x).asnumpy(),
                               det[:, None, None] * inv_t, rtol=1e-12)
    np.testing.assert_allclose(ops.grad(lambda m: ops.slogdet(m)[1].sum())(x).asnumpy(), inv_t,
                               rtol=1e-12)
    # d Σ A⁻¹ = -A⁻ᵀ·1·A⁻ᵀ
    ones = np.ones((3, 3))
    np.testing.assert_allclose(ops.grad(lambda m: ops.inverse(m).sum())(x).asnumpy(),
                               -inv_t @ ones @ inv_t, rtol=1e-11, atol=1e-14)
    # The sign has no derivative.
    np.testing.assert_array_equal(ops.grad(lambda m: ops.slogdet(m)[0].sum())(x).asnumpy(),
                                  np.zeros_like(a))


def test_second_derivatives_match_central_differences():
    # f(A) = log|det A|: its gradient is A⁻ᵀ; the gradient of ⟨A⁻ᵀ, W⟩ checked against central
    # differences of ⟨grad f, W⟩ (grad of grad through the inverse's own rule).
    a = _wellconditioned((3, 3), 3)
    w = np.random.default_rng(4).uniform(-1, 1, (3, 3))

    def h(m):
        g = ops.grad(lambda y: ops.slogdet(y)[1])(m)
        return (g * Tensor(w)).sum()

    got = ops.grad(h)(Tensor(a)).asnumpy()
    eps, want = 1e-6, np.zeros_like(a)
    for i in range(3):
        for j in range(3):
            e = np.zeros_like(a)
            e[i, j] = eps
            f = lambda m: np.sum(np.linalg.inv(m).T * w)  # noqa: E731
            want[i, j] = (f(a + e) - f(a - e)) / (2 * eps)
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-8)


def test_lgamma_matches_math_lgamma():
    xs = [0.5, 1.0, 2.0, 2.5, 3.7, 10.0, 100.5, 1e-8, 1e5, -0.5, -1.5, -2.7]
    got = ops.lgamma(Tensor(np.array(xs))).asnumpy()
    np.testing.assert_allclose(got, [math.lgamma(x) for x in xs], rtol=1e-14, atol=1e-300)
    f32 = ops.lgamma(Tensor(np.array(xs, np.float32)))
    assert f32.dtype == ms.float32
    np.testing.assert_allclose(f32.asnumpy(), [math.lgamma(float(np.float32(x))) for x in xs],
                               rtol=1e-6)
    # Int32 is computed as Float32 (MindSpore 2.10); the poles are +inf.
    i = ops.lgamma(Tensor(np.array([1, 2, 5, 0, -3], np.int32)))
    assert i.dtype == ms.float32
    np.testing.assert_allclose(i.asnumpy(), [0.0, 0.0, math.log(24.0), np.inf, np.inf], rtol=1e-6)
    np.testing.assert_array_equal(Tensor(np.array(xs)).lgamma().asnumpy(), got)
    np.testing.assert_array_equal(P.Lgamma()(Tensor(np.array(xs))).asnumpy(), got)


def test_digamma_and_polygamma_satisfy_exact_identities():
    psi = lambda x: ops.digamma(Tensor(np.array(x, np.float64))).asnumpy()  # noqa: E731
    assert psi([1.0])[0] == pytest.approx(-EULER_GAMMA, rel=1e-15)
    assert psi([0.5])[0] == pytest.approx(-EULER_GAMMA - 2 * math.log(2), rel=1e-15)
    # ψ(x + 1) = ψ(x) + 1/x, also across the positive root 1.4616… and for x < 0.
    x = np.array([0.3, 1.2, 1.4616321449683622, 1.9, 4.4, 12.5, -0.7, -3.3])
    np.testing.assert_allclose(psi(x + 1), psi(x) + 1 / x, rtol=1e-14, atol=1e-15)
    poly = lambda n, x: ops.polygamma(Tensor(n), Tensor(np.array(x, np.float64))).asnumpy()  # noqa: E731
    assert poly(1, [1.0])[0] == pytest.approx(math.pi ** 2 / 6, rel=1e-15)
    assert poly(1, [0.5])[0] == pytest.approx(math.pi ** 2 / 2, rel=1e-15)
    assert poly(2, [1.0])[0] == pytest.approx(-2 * ZETA3, rel=1e-15)
    np.testing.assert_array_equal(poly(0, x), psi(x))
    for n in (1, 2, 3, 6):
        step = (-1) ** n * math.factorial(n) / x ** (n + 1)
        # The right side cancels where |step| is far larger than the result (n = 6, x = 0.3:
        # 3.3e6 against 117): the bound is relative to the larger of the two.
        got, want = poly(n, x + 1), poly(n, x) + step
        assert np.all(np.abs(got - want) <= 1e-14 * np.maximum(np.abs(want), np.abs(step))), \
            (n, got, want)
    # Poles and limits as MindSpore 2.10: ψ(±0) = ∓inf, NaN at negative integers; ψ⁽ⁿ⁾ is
    # (-1)ⁿ⁺¹·inf at the poles; a negative order is NaN.
    got = psi([0.0, -0.0, -2.0])
    assert got[0] == -np.inf and got[1] == np.inf and np.isnan(got[2])
    assert list(poly(1, [0.0, -1.0])) == [np.inf, np.inf]
    assert list(poly(2, [0.0, -1.0])) == [-np.inf, -np.inf]
    assert np.isnan(poly(-1, [0.5, 2.0])).all()


def test_gamma_family_derivatives_chain_through_polygamma():
    x = Tensor(np.array([0.5, 1.0, 3.0]))
    # d lgamma = ψ; d² lgamma = ψ'; d ψ⁽²⁾ = ψ⁽³⁾
    np.testing.assert_allclose(ops.grad(lambda v: ops.lgamma(v).sum())(x).asnumpy(),
                               ops.digamma(x).asnumpy(), rtol=1e-15)
    second = ops.grad(ops.grad(lambda v: ops.lgamma(v).sum()))(x).asnumpy()
    np.testing.assert_allclose(second, ops.polygamma(Tensor(1), x).asnumpy(), rtol=1e-15)
    assert second[1] == pytest.approx(math.pi ** 2 / 6, rel=1e-15)
    np.testing.assert_allclose(ops.grad(lambda v: ops.polygamma(Tensor(2), v).sum())(x).asnumpy(),
                               ops.polygamma(Tensor(3), x).asnumpy(), rtol=1e-15)
    # Against a central difference of math.lgamma.
    eps = 1e-6
    want = [(math.lgamma(v + eps) - math.lgamma(v - eps)) / (2 * eps) for v in (0.5, 1.0, 3.0)]
    np.testing.assert_allclose(ops.digamma(x).asnumpy(), want, rtol=1e-8)


def test_gamma_family_dtypes_and_errors():
    x16 = Tensor(np.array([1.0, 2.0], np.float16))
    assert ops.digamma(x16).dtype == ms.float16 and ops.polygamma(Tensor(1), x16).dtype == ms.float16
    for bad in (np.array([1, 2], np.int64), np.array([True])):
        with pytest.raises(TypeError):
            ops.lgamma(Tensor(bad))
    with pytest.raises(TypeError):
        ops.digamma(Tensor(np.array([1, 2], np.int32)))
    with pytest.raises(TypeError):
        ops.lgamma([1.0])
    xf = Tensor(np.array([0.5, 2.0], np.float32))
    with pytest.raises(TypeError):
        ops.polygamma(1, xf)  # MindSpore 2.10: the order must be a Tensor
    with pytest.raises(TypeError):
        ops.polygamma(Tensor(1.0), xf)
    with pytest.raises(ValueError):
        ops.polygamma(Tensor(np.array([1, 2])), xf)
    np.testing.assert_array_equal(P.Polygamma()(Tensor(2), xf).asnumpy(),
                                  ops.polygamma(Tensor(np.int32(2)), xf).asnumpy())
    np.testing.assert_array_equal(P.Digamma()(xf).asnumpy(), xf.digamma().asnumpy())


def test_jit_and_vmap_agree_with_eager():
    x = Tensor(np.array([0.5, 1.5, 3.0, -0.5]))
    a = Tensor(_wellconditioned((3, 3, 3), 9))

    def f(x, a):
        special = ops.lgamma(x) * 2 + ops.digamma(x) + ops.polygamma(Tensor(2), x)
        return special, ops.det(a) + ops.slogdet(a)[1], ops.inverse(a)

    for got, want in zip(ms.jit(f)(x, a), f(x, a)):
        np.testing.assert_array_equal(got.asnumpy(), want.asnumpy())
    np.testing.assert_allclose(ops.vmap(ops.det)(a).asnumpy(),
                               [float(ops.det(a[i])) for i in range(3)], rtol=1e-15)
    grad_det = ops.grad(lambda m: ops.det(m).sum())
    np.testing.assert_allclose(ms.jit(grad_det)(a).asnumpy(), grad_det(a).asnumpy(), rtol=1e-15)


# ---- complex matrices ---------------------------------------------------------------------------

C22 = np.array([[1 + 2j, 2 - 1j], [3j, 4 + 0.5j]])


@pytest.mark.parametrize("dtype,tol", [(np.complex64, 2e-6), (np.complex128, 1e-13)])
def test_complex_inverse_det_slogdet_match_mindspore_and_numpy(dtype, tol):
    # Measured with MindSpore 2.10.0: inverse [[0.2-1.6j, 0.4+0.8j], [-1.2, 0.8-0.4j]], det 2.5j,
    # slogdet (1j, 0.916291+0j), logdet 0.916291+1.5708j, MatrixInverse(adjoint=True) the
    # conjugate transpose of the inverse.
    x = Tensor(C22.astype(dtype))
    inv = ops.inverse(x)
    assert inv.dtype == x.dtype
    np.testing.assert_allclose(inv.asnumpy(), [[0.2 - 1.6j, 0.4 + 0.8j], [-1.2, 0.8 - 0.4j]], atol=tol)
    np.testing.assert_allclose(x.inverse().asnumpy(), inv.asnumpy())
    np.testing.assert_allclose(P.MatrixInverse(True)(x).asnumpy(), inv.asnumpy().conj().T)
    np.testing.assert_allclose(ops.det(x).asnumpy(), 2.5j, atol=tol * 3)
    np.testing.assert_allclose(x.det().asnumpy(), 2.5j, atol=tol * 3)
    sign, logabs = ops.slogdet(x)
    assert sign.dtype == logabs.dtype == x.dtype
    np.testing.assert_allclose(sign.asnumpy(), 1j, atol=tol)
    np.testing.assert_allclose(logabs.asnumpy(), np.log(2.5), atol=tol)
    np.testing.assert_allclose(ops.logdet(x).asnumpy(), np.log(2.5) + 1j * np.pi / 2, atol=tol * 3)
    rng = np.random.default_rng(3)
    a = (rng.uniform(-1, 1, (3, 4, 4)) + 1j * rng.uniform(-1, 1, (3, 4, 4))).astype(dtype)
    np.testing.assert_allclose(ops.inverse(Tensor(a)).asnumpy(), np.linalg.inv(a.astype(np.complex128)),
                               rtol=tol * 100, atol=tol * 100)
    np.testing.assert_allclose(ops.det(Tensor(a)).asnumpy(), np.linalg.det(a.astype(np.complex128)),
                               rtol=tol * 100)
    want_sign, want_log = np.linalg.slogdet(a.astype(np.complex128))
    got_sign, got_log = ops.slogdet(Tensor(a))
    np.testing.assert_allclose(got_sign.asnumpy(), want_sign, atol=tol * 100)
    np.testing.assert_allclose(got_log.asnumpy().real, want_log, atol=tol * 100)


def _complex_numeric_grad(f, a, eps=1e-6):
    """``dL/dx + i·dL/dy`` of the real function ``f`` at the complex ``a`` (the engine's
    convention, which is MindSpore's for elementwise ops)."""
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        for unit in (1.0, 1j):
            d = np.zeros_like(a)
            d[idx] = eps * unit
            g[idx] += unit * (f(a + d) - f(a - d)) / (2 * eps)
    return g


@pytest.mark.parametrize("fn", [lambda x: ops.real(ops.det(x)), lambda x: ops.imag(ops.det(x)),
                                lambda x: ops.real(ops.inverse(x)).sum(),
                                lambda x: ops.real(ops.slogdet(x)[1]),
                                lambda x: ops.imag(ops.inverse(x) * ops.inverse(x)).sum()])
def test_complex_gradients_match_central_differences(fn):
    a = C22.astype(np.complex128)
    g = ms.grad(fn)(Tensor(a)).asnumpy()
    want = _complex_numeric_grad(lambda b: float(fn(Tensor(b)).asnumpy()), a)
    np.testing.assert_allclose(g, want, rtol=1e-6, atol=1e-7)


def test_complex_slogdet_gradient_matches_mindspore():
    # MindSpore 2.10.0: grad of real(slogdet(A)[1]) = conj(A⁻ᵀ)
    # = [[0.2+1.6j, -1.2], [0.4-0.8j, 0.8+0.4j]].
    g = ms.grad(lambda x: ops.real(ops.slogdet(x)[1]))(Tensor(C22.astype(np.complex64)))
    np.testing.assert_allclose(g.asnumpy(), [[0.2 + 1.6j, -1.2], [0.4 - 0.8j, 0.8 + 0.4j]], atol=2e-6)

"""The Householder QR family: ``ops.geqrf`` / ``orgqr`` / ``ormqr``, their Tensor methods and
primitive classes, and ``Tensor.triangular_solve``; values against what MindSpore 2.10.0 printed
on its CPU build for the same calls, against LAPACK (``np.linalg.qr(mode='raw')`` gives
``xGEQRF``'s factors, transposed) and the identities ``Q·R = A``, ``QᴴQ = I``,
``ormqr = op(Q)·other``; gradients against central differences in Float64; MindSpore's error
classes."""
import inspect

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops

A43 = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0], [1.0, -1.0, 2.0]])
IMAG43 = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -2.0], [3.0, 1.0, 0.0], [0.0, 2.0, 1.0]])


def _rand(shape, seed, dtype=np.float64):
    rng = np.random.default_rng(seed)
    a = rng.uniform(-1, 1, shape)
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.uniform(-1, 1, shape)
    return a.astype(dtype)


def _lapack(a):
    """``(y, tau)`` of LAPACK's ``xGEQRF`` for each matrix of ``a`` (NumPy's raw QR)."""
    flat = a.reshape((-1,) + a.shape[-2:])
    pairs = [np.linalg.qr(m, mode="raw") for m in flat]
    y = np.stack([h.T for h, _ in pairs]) if pairs else np.zeros(flat.shape, a.dtype)
    tau = np.stack([t for _, t in pairs]) if pairs else np.zeros((0, min(a.shape[-2:])), a.dtype)
    return y.reshape(a.shape), tau.reshape(a.shape[:-2] + (min(a.shape[-2:]),))


def _h(x):
    return np.conj(np.swapaxes(x, -1, -2))


# --- values ------------------------------------------------------------------------------------

def test_geqrf_values_mindspore_printed():
    # MindSpore 2.10 on CPU printed these for ops.geqrf of the same Float32/Float64 inputs.
    y, tau = ops.geqrf(Tensor([[-2.0, -1.0], [1.0, 2.0]]))
    assert (y.dtype, tau.dtype) == (ms.float32, ms.float32)
    np.testing.assert_allclose(y.asnumpy(), [[2.236068, 1.7888544], [-0.236068, 1.3416407]], rtol=1e-6)
    np.testing.assert_allclose(tau.asnumpy(), [1.8944271, 0.0], rtol=1e-6)
    y, tau = ops.geqrf(Tensor(A43))
    np.testing.assert_allclose(y.asnumpy(), [
        [-8.18535277187245, -9.407047215435503, -12.094774991274218],
        [0.4354759255680273, -2.346798390694686, -0.0953983085648254],
        [0.7620828697440477, -0.2913101027922814, 1.645392680538823],
        [0.10886898139200682, -0.942239268875785, 0.028513386514758824]], rtol=1e-13)
    np.testing.assert_allclose(tau.asnumpy(), [1.1221694443563053, 1.0138510218810972, 1.998375294485966],
                               rtol=1e-13)
    y, tau = ops.geqrf(Tensor(A43.T.copy()))  # wide: the last reflector of a 3-row matrix is I
    np.testing.assert_allclose(y.asnumpy(), [
        [-3.7416573867739413, -8.55235974119758, -14.16484582135849, -1.3363062095621223],
        [0.42179344411906794, 1.9639610121239321, 3.491486243775878, -0.2182178902359917],
        [0.632690166178602, 0.8597677535291111, 0.4082482904638627, 2.0412414523193156]], rtol=1e-13)
    np.testing.assert_allclose(tau.asnumpy(), [1.2672612419124243, 1.1499536117281517, 0.0], rtol=1e-13)


@pytest.mark.parametrize("a,y,tau", [
    # MindSpore 2.10 on CPU printed these (Float32): a column with nothing below the diagonal is
    # not reflected (tau 0, its sign kept); a zero column neither.
    ([[-3.0]], [[-3.0]], [0.0]),
    ([[-3.0, 1.0, 2.0]], [[-3.0, 1.0, 2.0]], [0.0]),
    ([[-3.0], [4.0], [0.0]], [[5.0], [-0.5], [-0.0]], [1.6]),
    ([[0.0, 1.0], [0.0, 2.0], [0.0, 3.0]], [[0.0, 1.0], [0.0, -3.6055512], [0.0, 0.5351838]],
     [0.0, 1.5547003]),
    ([[-2.0, 1.0], [0.0, 2.0], [0.0, 3.0]], [[-2.0, 1.0], [0.0, -3.6055512], [0.0, 0.5351838]],
     [0.0, 1.5547003]),
    # LAPACK's sign rule reads the sign bit: -0.0 on the diagonal gives R[0, 0] = +‖x‖.
    ([[-0.0, 1.0], [1.0, 2.0]], [[1.0, 2.0], [-1.0, 1.0]], [1.0, 0.0]),
])
def test_geqrf_edge_columns_mindspore_printed(a, y, tau):
    got_y, got_tau = ops.geqrf(Tensor(a))
    np.testing.assert_allclose(got_y.asnumpy(), y, rtol=1e-6)
    np.testing.assert_allclose(got_tau.asnumpy(), tau, rtol=1e-6)


def test_geqrf_float16_mindspore_printed():
    # MindSpore 2.10 on CPU: Float16 in, Float16 out, these values.
    y, tau = Tensor(np.array([[3.0, 1.0], [4.0, 2.0]], np.float16)).geqrf()
    assert y.dtype == tau.dtype == ms.float16
    np.testing.assert_array_equal(y.asnumpy(), np.array([[-5.0, -2.19921875], [0.5, 0.39990234375]], np.float16))
    np.testing.assert_array_equal(tau.asnumpy(), np.array([1.599609375, 0.0], np.float16))


SHAPES = [(3, 3), (5, 3), (3, 5), (1, 1), (1, 4), (4, 1), (2, 4, 3), (2, 1, 3, 4), (3, 1, 1)]


@pytest.mark.parametrize("dtype,tol", [(np.float64, 1e-12), (np.float32, 3e-5),
                                       (np.complex128, 1e-12), (np.complex64, 3e-5)])
@pytest.mark.parametrize("shape", SHAPES)
def test_geqrf_orgqr_match_lapack_and_rebuild(dtype, tol, shape):
    a = _rand(shape, sum(shape) + len(shape), dtype)
    y, tau = ops.geqrf(Tensor(a))
    m, n = shape[-2:]
    k = min(m, n)
    assert (y.dtype, tau.dtype) == (Tensor(a).dtype,) * 2
    assert (y.shape, tau.shape) == (shape, shape[:-2] + (k,))
    want_y, want_tau = _lapack(a.astype(np.complex128 if np.iscomplexobj(a) else np.float64))
    np.testing.assert_allclose(y.asnumpy(), want_y, atol=tol * 10)
    np.testing.assert_allclose(tau.asnumpy(), want_tau, atol=tol * 10)
    # R is NumPy's up to the sign (phase) of each row; Q (orgqr of the first min(m, n) columns)
    # is orthonormal and Q·R = A.
    r = np.triu(y.asnumpy())[..., :k, :]
    np.testing.assert_allclose(np.abs(r), np.abs(np.linalg.qr(a.astype(want_y.dtype))[1]), atol=tol * 10)
    q = ops.orgqr(y[..., :, :k], tau).asnumpy()
    eye = np.broadcast_to(np.eye(k), shape[:-2] + (k, k))
    np.testing.assert_allclose(_h(q) @ q, eye, atol=tol * 10)
    np.testing.assert_allclose(q @ r, a, atol=tol * 10)


def test_orgqr_values_mindspore_printed():
    # MindSpore 2.10 on CPU printed these for ops.orgqr of the geqrf factors of A43 (Float64), with
    # all three reflectors and with the first two, and of LAPACK's zgeqrf factors (Complex128).
    y, tau = ops.geqrf(Tensor(A43))
    q3 = [[-0.12216944435630528, -0.3625135725463338, 0.9042248064222357],
          [-0.48867777742522095, -0.17171695541668408, 0.04447007244699536],
          [-0.8551861104941366, 0.01907966171296488, -0.20752700475264435],
          [-0.12216944435630524, 0.9158237622223158, 0.3705839370582935]]
    np.testing.assert_allclose(ops.orgqr(y, tau).asnumpy(), q3, atol=1e-14)
    q2 = [row[:2] + [last] for row, last in zip(q3, [-0.8919390179861116, -0.09307292400749728,
                                                      0.23423155800172069, -0.37539019199594437])]
    np.testing.assert_allclose(y.orgqr(tau[:2]).asnumpy(), q2, atol=1e-14)
    np.testing.assert_allclose(ops.orgqr(y, tau[:0]).asnumpy(), np.eye(4, 3))  # no reflector: I
    h, t = np.linalg.qr(A43 + 1j * IMAG43, mode="raw")
    qc = ops.orgqr(Tensor(h.T.copy()), Tensor(t)).asnumpy()
    np.testing.assert_allclose(qc[:, 0], [-0.11377602479771487 - 0.05688801239885743j,
                                          -0.45510409919085937 - 0.11377602479771484j,
                                          -0.796432173584004 - 0.34132807439314455j,
                                          -0.11377602479771486 + 0j], atol=1e-14)
    np.testing.assert_allclose(qc[3, 1:], [0.5877429679209892 - 0.6617967071008267j,
                                           0.15727168113725243 + 0.31315618096348274j], atol=1e-14)


def test_orgqr_and_ormqr_documented_examples():
    # MindSpore 2.10's docs (Orgqr: the CPU build prints the same; Ormqr: no CPU kernel, GPU output).
    x = Tensor(np.array([[-114.6, 10.9, 1.1], [-0.304, 38.07, 69.38], [-0.45, -0.17, 62.0]]), ms.float32)
    np.testing.assert_allclose(ops.Orgqr()(x, Tensor([1.55, 1.94, 0.0])).asnumpy(),
                               [[-0.54999995, -0.2128925, 0.8137956], [0.47119996, -0.8752807, 0.08240613],
                                [0.69749993, 0.42560163, 0.57772595]], rtol=1e-5)
    np.testing.assert_allclose(ops.ormqr(x, Tensor([1.55, 1.94, 3.0]), x).asnumpy(),
                               [[63.82713, -13.823125, -116.28614], [-53.659264, -28.157839, -70.42702],
                                [-79.54292, 24.00183, -41.34253]], rtol=1e-5)


@pytest.mark.parametrize("dtype", [np.float64, np.complex128, np.float32])
@pytest.mark.parametrize("shape,other", [((4, 3), (4, 2)), ((4, 4), (4, 4)), ((2, 5, 3), (2, 5, 1)),
                                         ((3, 2), (3, 3)), ((1, 1), (1, 3))])
@pytest.mark.parametrize("left", [True, False])
@pytest.mark.parametrize("transpose", [False, True])
def test_ormqr_is_a_product_with_q(dtype, shape, other, left, transpose):
    a = _rand(shape, 3, dtype)
    y, tau = ops.geqrf(Tensor(a))
    m = shape[-2]
    # The full m × m Q: orgqr of y padded with zero columns (no more reflectors).
    pad = np.concatenate([y.asnumpy(), np.zeros(shape[:-1] + (max(m - shape[-1], 0),), dtype)], -1)
    q = ops.orgqr(Tensor(pad[..., :m]), tau).asnumpy()
    op_q = _h(q) if transpose else q
    c = _rand(other if left else other[:-2] + other[-2:][::-1], 5, dtype)
    got = ops.ormqr(y, tau, Tensor(c), left, transpose)
    want = op_q @ c if left else c @ op_q
    assert got.shape == want.shape and got.dtype == Tensor(c).dtype
    np.testing.assert_allclose(got.asnumpy(), want, atol=1e-5 if dtype == np.float32 else 1e-12)
    assert np.allclose(y.ormqr(tau, Tensor(c), left, transpose).asnumpy(), got.asnumpy())
    assert np.allclose(ops.Ormqr(left, transpose)(y, tau, Tensor(c)).asnumpy(), got.asnumpy())


@pytest.mark.parametrize("shape", [(0, 3), (3, 0), (2, 0, 0), (0, 2, 2)])
def test_empty_matrices(shape):
    # MindSpore 2.10's CPU geqrf of an empty matrix kills the process (SIGFPE) except for an empty
    # batch; here it is the empty factorisation.
    y, tau = ops.geqrf(Tensor(np.ones(shape)))
    assert (y.shape, tau.shape) == (shape, shape[:-2] + (min(shape[-2:]),))
    if shape[-2] >= shape[-1]:
        assert ops.orgqr(y, tau).shape == shape


# --- gradients (MindSpore 2.10 raises "Geqrf's bprop not defined", the same for Orgqr; no CPU Ormqr) --

def _numeric_grad(f, a, eps=1e-6):
    """Central differences of the real function ``f`` at ``a`` (real and imaginary parts, as the
    engine's gradient of a complex input is ``∂f/∂Re + i·∂f/∂Im``)."""
    g = np.zeros_like(a)
    for part in ((1.0, 1j) if np.iscomplexobj(a) else (1.0,)):
        for i in np.ndindex(a.shape):
            d = np.zeros_like(a)
            d[i] = eps * part
            g[i] += part * (f(a + d) - f(a - d)) / (2 * eps)
    return g


def _weights(shape, seed, dtype):
    return Tensor(_rand(shape, seed, dtype))


@pytest.mark.parametrize("shape", [(3, 3), (4, 2), (2, 4), (2, 3, 2)])
@pytest.mark.parametrize("dtype", [np.float64, np.complex128])
def test_geqrf_gradient_matches_central_differences(shape, dtype):
    a = _rand(shape, 7, dtype)
    wy, wt = _weights(shape, 8, dtype), _weights(shape[:-2] + (min(shape[-2:]),), 9, dtype)

    def loss(t):
        y, tau = ops.geqrf(t)
        return ((y * wy).sum() + (tau * wt).sum()).real()

    g = ms.grad(loss)(Tensor(a)).asnumpy()
    np.testing.assert_allclose(g, _numeric_grad(lambda b: float(loss(Tensor(b)).asnumpy()), a), atol=1e-6)


@pytest.mark.parametrize("dtype", [np.float64, np.complex128])
def test_orgqr_and_ormqr_gradients_match_central_differences(dtype):
    y, tau = _rand((4, 3), 1, dtype), _rand((3,), 2, dtype) * 0.5 + 1
    c = _rand((4, 2), 3, dtype)
    w_q, w_c = _weights((4, 3), 4, dtype), _weights((4, 2), 5, dtype)
    orgqr_loss = (lambda yy, tt: (ops.orgqr(yy, tt) * w_q).sum().real())
    ormqr_loss = (lambda yy, tt, cc: (ops.ormqr(yy, tt, cc, transpose=True) * w_c).sum().real())
    args = (Tensor(y), Tensor(tau), Tensor(c))
    for loss, n in ((orgqr_loss, 2), (ormqr_loss, 3)):
        grads = ms.grad(loss, grad_position=tuple(range(n)))(*args[:n])
        for i, got in enumerate(grads):
            def f(b, i=i):
                vals = [x.asnumpy() for x in args[:n]]
                vals[i] = b
                return float(loss(*map(Tensor, vals)).asnumpy())
            np.testing.assert_allclose(got.asnumpy(), _numeric_grad(f, args[i].asnumpy()), atol=1e-6)


def test_geqrf_second_derivative_matches_central_differences():
    # The factorisation is built of differentiable ops, so grad of grad works: d/dA of one entry
    # of the gradient of f(A) = Σ tau + Σ y².
    a = _rand((3, 3), 0)

    def first(t):
        return ms.grad(lambda u: ops.geqrf(u)[1].sum() + (ops.geqrf(u)[0] ** 2).sum())(t)[0, 1]

    h = ms.grad(first)(Tensor(a)).asnumpy()
    np.testing.assert_allclose(h, _numeric_grad(lambda b: float(first(Tensor(b)).asnumpy()), a, 1e-5),
                               atol=1e-7)


def test_geqrf_gradient_of_a_zero_column_is_finite():
    # Not differentiable there (LAPACK's sign rule jumps); the gradient is that of tau = 0, finite.
    g = ms.grad(lambda t: ops.geqrf(t)[0].sum())(Tensor([[0.0, 1.0], [0.0, 2.0], [0.0, 3.0]]))
    assert np.isfinite(g.asnumpy()).all()


# --- Tensor methods, primitive classes, triangular_solve ----------------------------------------

def test_tensor_method_signatures_are_mindspores():
    # As inspect.signature shows them on MindSpore 2.10's Tensor.
    sig = {"geqrf": ["self"], "orgqr": ["self", "input2"],
           "ormqr": ["self", "input2", "input3", "left", "transpose"],
           "triangular_solve": ["self", "A", "upper", "transpose", "unitriangular"]}
    for name, params in sig.items():
        assert list(inspect.signature(getattr(Tensor, name)).parameters) == params


def test_primitive_classes():
    x = Tensor(A43)
    y, tau = ops.Geqrf()(x)
    np.testing.assert_allclose(y.asnumpy(), ops.geqrf(x)[0].asnumpy())
    np.testing.assert_allclose(ops.Orgqr()(y, tau).asnumpy(), ops.orgqr(y, tau).asnumpy())
    prim = ops.Ormqr(left=False, transpose=True)
    assert (prim.left, prim.transpose) == (False, True)
    c = Tensor(np.ones((2, 4)))
    np.testing.assert_allclose(prim(y, tau, c).asnumpy(), ops.ormqr(y, tau, c, False, True).asnumpy())


def test_tensor_triangular_solve():
    # MindSpore 2.10's Tensor.triangular_solve has no CPU kernel (an AttributeError there): the
    # documented solve of mint.triangular_solve, returning (X, A).
    a = Tensor([[2.0, 1.0], [0.0, 4.0]])
    x, a2 = Tensor([[1.0], [2.0]]).triangular_solve(a)
    np.testing.assert_allclose(x.asnumpy(), [[0.25], [0.5]])
    np.testing.assert_array_equal(a2.asnumpy(), a.asnumpy())
    x, _ = Tensor([[2.0], [5.0]]).triangular_solve(Tensor([[2.0, 0.0], [1.0, 4.0]]), upper=False)
    np.testing.assert_allclose(x.asnumpy(), [[1.0], [1.0]])


# --- errors -------------------------------------------------------------------------------------

Y, TAU = ops.geqrf(Tensor(A43.astype(np.float32)))


@pytest.mark.parametrize("call,exc", [
    # MindSpore 2.10 on CPU raises the same classes for these.
    (lambda: ops.geqrf([[1.0, 2.0], [3.0, 4.0]]), TypeError),
    (lambda: ops.geqrf(Tensor(np.ones((2, 2), np.int32))), TypeError),
    (lambda: ops.geqrf(Tensor(np.ones(3, np.float32))), ValueError),
    (lambda: ops.geqrf(Tensor(1.0)), ValueError),
    (lambda: ops.Geqrf(1), TypeError),
    (lambda: ops.orgqr(Tensor(A43.T.copy()), Tensor(np.ones(3))), ValueError),  # wide
    (lambda: ops.orgqr(Y, TAU.astype(ms.float64)), TypeError),
    (lambda: ops.orgqr(Y.astype(ms.int32), TAU.astype(ms.int32)), TypeError),
    (lambda: ops.orgqr(Y.astype(ms.float16), TAU.astype(ms.float16)), TypeError),
    (lambda: ops.orgqr(Y[0], TAU), ValueError),
    (lambda: ops.orgqr(ops.stack([Y, Y]), TAU), ValueError),
    (lambda: ops.orgqr(ops.stack([Y, Y]), ops.stack([TAU, TAU, TAU])), ValueError),
    (lambda: ops.orgqr(Y, TAU.reshape(1, 3)), ValueError),
    (lambda: ops.orgqr(Y[:, :2], TAU), ValueError),
    (lambda: ops.orgqr(Y, [1.0, 2.0, 3.0]), TypeError),
    (lambda: ops.Ormqr(1), TypeError),
    (lambda: ops.Ormqr(transpose="a"), TypeError),
    # MindSpore 2.10 has no CPU Ormqr: its documented Raises.
    (lambda: ops.ormqr(Y, TAU, Tensor(np.ones((4, 2), np.float64))), TypeError),
    (lambda: ops.ormqr(Y, TAU, Tensor(np.ones(4, np.float32))), ValueError),
    (lambda: ops.ormqr(Y, TAU, Tensor(np.ones((3, 2), np.float32))), ValueError),
    (lambda: ops.ormqr(Y, TAU, Tensor(np.ones((2, 4, 2), np.float32))), ValueError),
    (lambda: ops.ormqr(Y, TAU, Tensor(np.ones((2, 3), np.float32)), left=False), ValueError),
    (lambda: ops.ormqr(Y[:2], TAU, Tensor(np.ones((2, 2), np.float32))), ValueError),
    (lambda: ops.ormqr(Y, TAU, Tensor(np.ones((4, 2), np.float32)), left=None), TypeError),
    (lambda: Y.ormqr(TAU, None), TypeError),
])
def test_errors_are_mindspores_classes(call, exc):
    with pytest.raises(exc):
        call()


def test_error_messages_name_the_op_shapes_and_dtypes():
    with pytest.raises(ValueError, match=r"For 'Orgqr'.*\[3, 4\]"):
        ops.orgqr(Tensor(A43.T.copy()), Tensor(np.ones(3)))
    with pytest.raises(TypeError, match=r"For 'Orgqr'.*Float32.*Float64"):
        ops.orgqr(Y, TAU.astype(ms.float64))
    with pytest.raises(TypeError, match=r"For 'Geqrf'.*Int32"):
        ops.geqrf(Tensor(np.ones((2, 2), np.int32)))

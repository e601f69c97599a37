"""``ops.bessel_i0``, ``bessel_i0e``, ``bessel_i1``, ``bessel_i1e`` and the primitives
``ops.BesselI0`` ...: values against SciPy (or, without it, a power series written here), first
and second derivatives against central differences in Float64 (``I0' = I1``,
``I1' = I0 - I1/x``, ``I0e' = I1e - sign(x)·I0e``, ``I1e' = I0e - I1e/x - sign(x)·I1e``), dtypes,
and the TypeError for integer inputs."""
import math

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops

try:
    import scipy.special as _sp
except ImportError:  # pragma: no cover - the series below stands in
    _sp = None

NAMES = ["bessel_i0", "bessel_i0e", "bessel_i1", "bessel_i1e"]
PRIMS = {"bessel_i0": "BesselI0", "bessel_i0e": "BesselI0e", "bessel_i1": "BesselI1",
         "bessel_i1e": "BesselI1e"}


def _series(nu, x):
    """Σ (x/2)^(2k+ν) / (k!(k+ν)!), enough terms for |x| ≤ 20 in float64."""
    return sum((x / 2) ** (2 * k + nu) / (math.factorial(k) * math.factorial(k + nu))
               for k in range(80))


def _ref(name, x):
    x = np.asarray(x, np.float64)
    if _sp is not None:
        return getattr(_sp, name.replace("bessel_", ""))(x)
    nu = 1 if "i1" in name else 0
    v = np.vectorize(lambda t: _series(nu, t))(x)
    return v * np.exp(-np.abs(x)) if name.endswith("e") else v


XS = np.array([-20.0, -3.5, -1.0, -0.1, 0.0, 0.3, 1.0, 2.5, 7.0, 15.0, 31.0, 80.0])


@pytest.mark.parametrize("name", NAMES)
def test_values_match_the_reference(name):
    xs = XS if name.endswith("e") else XS[np.abs(XS) <= 80]
    want = _ref(name, xs)
    for dtype, rtol in ((ms.float64, 1e-13), (ms.float32, 2e-6)):
        x = Tensor(xs, dtype)
        for y in (getattr(ops, name)(x), getattr(ops, PRIMS[name])()(x)):
            assert y.dtype == dtype
            np.testing.assert_allclose(y.asnumpy(), want, rtol=rtol, atol=1e-300)
    y = getattr(ops, name)(Tensor(np.array([1.0, 2.0], np.float16)))
    assert y.dtype == ms.float16
    np.testing.assert_allclose(y.asnumpy().astype(np.float64), _ref(name, [1.0, 2.0]), rtol=1e-3)


def test_mindspore_values_and_edges():
    # Printed by MindSpore 2.10 on CPU (Float32).
    x = Tensor(np.array([0.0, 1.0, -2.0], np.float32))
    np.testing.assert_allclose(ops.bessel_i0(x).asnumpy(), [1.0, 1.266066, 2.2795854], rtol=1e-6)
    np.testing.assert_allclose(ops.bessel_i1e(x).asnumpy(), [0.0, 0.20791042, -0.21526933],
                               rtol=1e-6)
    big = ops.bessel_i0(Tensor(np.array([800.0, -800.0, np.nan])))
    assert np.isinf(big.asnumpy()[:2]).all() and np.isnan(big.asnumpy()[2])
    np.testing.assert_allclose(ops.bessel_i0e(Tensor(np.array([1e6]))).asnumpy(),
                               [1 / math.sqrt(2 * math.pi * 1e6)], rtol=1e-6)


def _fd(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("shape", [(), (1,), (5,), (2, 3)])
def test_gradients_match_finite_differences(name, shape):
    rng = np.random.default_rng(len(shape))
    # Away from 0 for the scaled forms (|x| has a kink there).
    a = rng.uniform(0.2, 4.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)
    fn = getattr(ops, name)
    g = ms.grad(lambda t: fn(t).sum())(Tensor(a))
    want = _fd(lambda v: _ref(name, v), a)
    np.testing.assert_allclose(g.asnumpy(), want, rtol=1e-7, atol=1e-9)
    # Second derivative: d/dx of the gradient, against differences of the first derivative.
    g2 = ms.grad(lambda t: ms.grad(lambda u: fn(u).sum())(t).sum())(Tensor(a))
    want2 = _fd(lambda v: _fd(lambda w: _ref(name, w), v, 1e-5), a, 1e-4)
    np.testing.assert_allclose(g2.asnumpy(), want2, rtol=1e-5, atol=1e-6)


def test_gradient_at_zero_is_the_limit():
    # I0'(0) = I1(0) = 0; I1'(0) = 1/2 (MindSpore 2.10 answers 1.0 there, which is I0(0) alone;
    # the derivative is I0 - I1/x → 1 - 1/2); I1e'(0) = 1/2, as MindSpore 2.10 gives.
    x = Tensor(np.zeros(2))
    for name, want in (("bessel_i0", 0.0), ("bessel_i1", 0.5), ("bessel_i1e", 0.5)):
        g = ms.grad(lambda t, f=getattr(ops, name): f(t).sum())(x)
        np.testing.assert_allclose(g.asnumpy(), [want, want], atol=1e-15)
        assert not np.isnan(ms.grad(lambda t, f=getattr(ops, name): ms.grad(
            lambda u: f(u).sum())(t).sum())(x).asnumpy()).any()


def test_integer_inputs_are_type_errors():
    for name in NAMES:
        with pytest.raises(TypeError, match=PRIMS[name]):
            getattr(ops, name)(Tensor(np.array([1, 2], np.int32)))
        with pytest.raises(TypeError, match=PRIMS[name]):
            getattr(ops, name)([1.0, 2.0])


def test_under_jit():
    f = ms.jit(lambda t: ops.bessel_i1(t) * ops.bessel_i0e(t))
    a = np.array([0.5, -1.5, 3.0])
    np.testing.assert_allclose(f(Tensor(a)).asnumpy(), _ref("bessel_i1", a) * _ref("bessel_i0e", a),
                               rtol=1e-13)

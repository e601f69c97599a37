"""``ops.erf``, ``Tensor.erf`` and ``ops.Erf``: the error function, its gradient
``2/√π·e^(-x²)`` in both modes of differentiation and under ``jit``."""
import math

import numpy as np

import easy_mindspore as ems
import mindspore as ms
from mindspore import ops
from easy_mindspore import Tensor

XS = [-3.0, -0.5, 0.0, 0.25, 1.0, 2.5]


def test_values_match_math_erf_in_both_float_dtypes():
    want = np.array([math.erf(v) for v in XS])
    for dtype, rtol in ((ms.float32, 1e-6), (ms.float64, 1e-15)):
        x = Tensor(XS, dtype)
        for y in (ops.erf(x), x.erf(), ops.operations.Erf()(x)):
            assert y.dtype == dtype
            np.testing.assert_allclose(y.asnumpy(), want, rtol=rtol, atol=1e-300)


def test_integer_input_is_a_type_error_as_in_mindspore():
    import pytest

    for dtype in (ms.int32, ms.int64, ms.bool_):
        with pytest.raises(TypeError, match="Erf"):
            ops.erf(Tensor([1, 0], dtype))


def test_gradient_and_forward_mode_are_two_over_sqrt_pi_exp_minus_x_squared():
    x = Tensor(XS, ms.float64)
    want = np.array([2 / math.sqrt(math.pi) * math.exp(-v * v) for v in XS])
    g = ms.grad(lambda t: ops.erf(t).sum())(x)
    np.testing.assert_allclose(g.asnumpy(), want, rtol=1e-14)
    _, t = ms.jvp(ops.erf, x, ops.ones_like(x))
    np.testing.assert_allclose(t.asnumpy(), want, rtol=1e-14)
    # Second derivative: -2x·erf'(x).
    g2 = ms.grad(lambda t: ms.grad(lambda u: ops.erf(u).sum())(t).sum())(x)
    np.testing.assert_allclose(g2.asnumpy(), -2 * np.array(XS) * want, rtol=1e-13, atol=1e-300)


def test_jit_gives_eager_values():
    f = ems.jit(lambda t: ops.erf(t * 2.0) + 1.0)
    x = Tensor(XS, ms.float32)
    for _ in range(2):
        np.testing.assert_array_equal(f(x).asnumpy(), (ops.erf(x * 2.0) + 1.0).asnumpy())

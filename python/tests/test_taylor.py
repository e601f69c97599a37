"""``ops.jet`` and ``ops.derivative`` (Taylor mode): MindSpore 2.10's documented example, closed
forms for polynomials and several inputs, and bad input."""
import math

import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import nn, ops


class ExpSin(nn.Cell):
    def construct(self, x):
        return ops.exp(ops.sin(x))


def test_jet_matches_mindsporess_documented_example():
    primals = ems.Tensor(np.array([[1, 2], [3, 4]], np.float32))
    series = ems.Tensor(np.array([[[1, 1], [1, 1]], [[0, 0], [0, 0]], [[0, 0], [0, 0]]], np.float32))
    out, ser = ops.jet(ExpSin(), primals, series)
    # printed by MindSpore 2.10 on CPU for this call
    np.testing.assert_allclose(out.asnumpy(), [[2.319777, 2.4825778], [1.1515628, 0.4691642]], rtol=1e-5)
    np.testing.assert_allclose(ser.asnumpy(), [
        [[1.2533808, -1.0331168], [-1.1400385, -0.3066662]],
        [[-1.2748207, -1.8274734], [0.966121, 0.55551505]],
        [[-4.0515366, 3.6724353], [0.5053504, -0.520614]]], rtol=1e-5, atol=1e-6)
    out3, third = ops.derivative(ExpSin(), primals, 3)
    np.testing.assert_allclose(third.asnumpy(), ser.asnumpy()[2], rtol=1e-6)
    np.testing.assert_allclose(out3.asnumpy(), out.asnumpy())


def test_jet_of_a_polynomial_along_a_curved_path():
    # x(t) = x + a t + b t²/2; f = x³: f' = 3x²a, f'' = 6x a² + 3x² b, f''' = 6a³ + 18 x a b
    x, a, b = 1.5, 0.5, -2.0
    xs = ems.Tensor([x], ems.float64)
    series = ems.Tensor([[a], [b], [0.0]], ems.float64)
    _, ser = ops.jet(lambda v: v * v * v, xs, series)
    want = [3 * x * x * a, 6 * x * a * a + 3 * x * x * b, 6 * a ** 3 + 18 * x * a * b]
    np.testing.assert_allclose(ser.asnumpy()[:, 0], want, rtol=1e-12)


def test_jet_with_several_inputs_and_outputs():
    x = ems.Tensor([1.0, 2.0])
    y = ems.Tensor([3.0, 4.0])
    sx = ems.Tensor([[1.0, 1.0], [0.5, 0.5]])
    sy = ems.Tensor([[2.0, 2.0], [1.0, 0.0]])
    outs, sers = ops.jet(lambda u, v: (u * u * v, u + v), (x, y), (sx, sy))
    assert isinstance(outs, list) and len(sers) == 2
    np.testing.assert_allclose(outs[0].asnumpy(), [3.0, 16.0])
    # d/dt (u² v) = 2u u' v + u² v'; second: 2u'² v + 2u u'' v + 4u u' v' + u² v''
    np.testing.assert_allclose(sers[0].asnumpy(), [[8.0, 24.0], [18.0, 32.0]])
    np.testing.assert_allclose(sers[1].asnumpy(), [[3.0, 3.0], [1.5, 0.5]])


def test_derivative_of_every_order_of_exp_is_exp():
    x = ems.Tensor([0.3], ems.float64)
    for order in (1, 2, 4):
        _, d = ops.derivative(ops.exp, x, order)
        assert abs(float(d[0]) - math.exp(0.3)) < 1e-12


def test_integer_primals_compute_in_float32():
    out, ser = ops.jet(lambda v: v * v, ems.Tensor([2, 3]), ems.Tensor([[1, 1]]))
    assert out.dtype == ems.float32 and ser.tolist() == [[4.0, 6.0]]


@pytest.mark.parametrize("call, error", [
    (lambda: ops.jet(ops.exp, [1.0], ems.ones((1, 1))), TypeError),
    (lambda: ops.jet(ops.exp, ems.ones(2), ems.ones((1, 3))), ValueError),
    (lambda: ops.jet(lambda a, b: a * b, (ems.ones(2), ems.ones(2)), (ems.ones((1, 2)),)), TypeError),
    (lambda: ops.jet(lambda a: 1.0, ems.ones(2), ems.ones((1, 2))), TypeError),
    (lambda: ops.derivative(ops.exp, ems.ones(2), 0), ValueError),
])
def test_bad_input(call, error):
    with pytest.raises(error):
        call()


def test_orders_past_the_limit_are_value_errors():
    x = ems.Tensor([1.0])
    with pytest.raises(ValueError, match="at most 16"):
        ops.derivative(lambda t: t.sin(), x, 2**40)
    with pytest.raises(ValueError, match="at most 16"):
        ops.jet(lambda t: t.sin(), x, ems.zeros((17, 1)))

"""Jvp, Vjp and WithGradCell against MindSpore 2.10's outputs for the same networks and the
closed-form derivatives (d/dx x³ = 3x²)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

X = np.array([[1, 2], [3, 4]], np.float32)


class Net(nn.Cell):
    def construct(self, x, y):
        return x ** 3 + y


class Cube(nn.Cell):
    def construct(self, x):
        return x ** 3


def T(a):
    return ms.Tensor(np.asarray(a, np.float32))


def test_jvp_matches_mindspore():
    x, v = T(X), T(np.ones((2, 2)))
    out, jvp = nn.Jvp(Net())(x, x, (v, v))
    np.testing.assert_array_equal(out.asnumpy(), [[2, 10], [30, 68]])
    np.testing.assert_array_equal(jvp.asnumpy(), [[4, 13], [28, 49]])      # 3x²·1 + 1
    out, jvp = nn.Jvp(Cube())(x, v)
    np.testing.assert_array_equal(out.asnumpy(), X ** 3)
    np.testing.assert_array_equal(jvp.asnumpy(), 3 * X ** 2)
    w = np.array([[0.5, -1], [2, 0]], np.float32)
    _, jvp = nn.Jvp(Cube())(x, T(w))
    np.testing.assert_allclose(jvp.asnumpy(), 3 * X ** 2 * w)


def test_vjp_matches_mindspore():
    x, v = T(X), T(np.ones((2, 2)))
    out, (dx, dy) = nn.Vjp(Net())(x, x, v)
    np.testing.assert_array_equal(out.asnumpy(), [[2, 10], [30, 68]])
    np.testing.assert_array_equal(dx.asnumpy(), [[3, 12], [27, 48]])
    np.testing.assert_array_equal(dy.asnumpy(), np.ones((2, 2)))
    out, dx = nn.Vjp(Cube())(x, v)                 # one input: a Tensor, not a tuple
    assert isinstance(dx, ms.Tensor)
    np.testing.assert_array_equal(dx.asnumpy(), 3 * X ** 2)


def test_with_grad_cell():
    net = nn.Dense(2, 1, weight_init=T([[1.0, 2.0]]), bias_init='zeros')
    data, label = T([[1.0, 1.0]]), T([[0.0]])
    gw, gb = nn.WithGradCell(net, nn.MSELoss())(data, label)
    # loss = (w·x + b − y)² = 3²; d/dw = 2·3·x = [6, 6], d/db = 6
    np.testing.assert_array_equal(gw.asnumpy(), [[6, 6]])
    np.testing.assert_array_equal(gb.asnumpy(), [6])
    gw, gb = nn.WithGradCell(net)(data)               # the network's output, cotangent ones
    np.testing.assert_array_equal(gw.asnumpy(), [[1, 1]])
    np.testing.assert_array_equal(gb.asnumpy(), [1])
    gw, gb = nn.WithGradCell(net, sens=T([[2.0]]))(data)
    np.testing.assert_array_equal(gw.asnumpy(), [[2, 2]])
    with pytest.raises(TypeError):
        nn.WithGradCell(5)
    with pytest.raises(TypeError):
        nn.WithGradCell(net, loss_fn=5)
    with pytest.raises(TypeError):
        nn.Jvp(Cube())(T(X))                           # no v


def test_jvp_vjp_cells_are_the_nn_grad_cells_and_check_as_mindspore():
    """MindSpore 2.10: ``nn.grad.Jvp is nn.Jvp``; a cell over a non-callable is built and refused
    when called (ValueError); a one-input Jvp wants a Tensor tangent, a Tensor-output Vjp a Tensor
    cotangent (TypeError)."""
    from mindspore.nn import grad as nn_grad
    assert nn_grad.Jvp is nn.Jvp and nn_grad.Vjp is nn.Vjp
    x, v = T(X), T(np.ones((2, 2)))
    for cell in (nn.Jvp(5), nn.Vjp(5)):
        with pytest.raises(ValueError, match="not callable"):
            cell(x, v)
    for call in (lambda: nn.Jvp(Cube())(x, (v,)), lambda: nn.Vjp(Cube())(x, (v,)),
                 lambda: nn.Vjp(Net())(x, x, (v, v))):
        with pytest.raises(TypeError, match="'v' must"):
            call()

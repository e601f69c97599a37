"""``Tensor.register_hook`` on an argument or weight applies in compiled code too (GRAPH_MODE,
``jit``), as MindSpore's GRAPH_MODE does; keyword arguments' hooks apply (values measured on
MindSpore 2.10, CPU). A compiled function is traced again when the hooks change: MindSpore 2.10
reuses a graph compiled with one tensor's hooks for another tensor without them, or compiled
before a hook was registered (its cache bug; its own tests expect what this file asserts)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, nn, ops

W = np.array([1.0, 2.0, 3.0], np.float32)
X = np.array([4.0, 5.0, 6.0], np.float32)
Y = np.array([7.0, 8.0, 9.0], np.float32)


def double(g):
    return g * 2


def triple(g):
    return g * 3


def plus_one(g):
    return g + 1


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(W), name="w")

    def construct(self, x, y):
        return self.w * x * y


@pytest.fixture(params=[ms.PYNATIVE_MODE, ms.GRAPH_MODE], ids=["pynative", "graph"])
def mode(request):
    ms.set_context(mode=request.param)
    yield request.param
    ms.set_context(mode=ms.PYNATIVE_MODE)


def test_hooks_on_arguments_and_weights_apply_and_come_off(mode):
    net = Net()
    grad_net = ops.GradOperation(get_all=True, get_by_list=True)(net, net.trainable_params())
    x, y = Tensor(X), Tensor(Y)
    handle = x.register_hook(double)
    (gx, gy), (gw,) = grad_net(x, y)
    np.testing.assert_allclose(gx.asnumpy(), 2 * W * Y)
    np.testing.assert_allclose(gy.asnumpy(), W * X)
    # Another tensor without hooks at the same position: no hook (the graph is not reused).
    (gx2, _), _ = grad_net(Tensor(X), y)
    np.testing.assert_allclose(gx2.asnumpy(), W * Y)
    handle.remove()
    (gx3, _), _ = grad_net(x, y)
    np.testing.assert_allclose(gx3.asnumpy(), W * Y)
    whandle = net.w.register_hook(triple)
    (_, _), (gw2,) = grad_net(x, y)
    np.testing.assert_allclose(gw2.asnumpy(), 3 * X * Y)
    whandle.remove()
    np.testing.assert_allclose(grad_net(x, y)[1][0].asnumpy(), gw.asnumpy())


def test_a_keyword_arguments_hook_applies(mode):
    net = Net()
    grad_net = ops.GradOperation(get_all=True, get_by_list=True)(net, net.trainable_params())
    x, y = Tensor(X), Tensor(Y)
    x.register_hook(double)
    y.register_hook(triple)
    (gx, gy), (gw,) = grad_net(x, y=y)
    np.testing.assert_allclose(gx.asnumpy(), 2 * W * Y)
    np.testing.assert_allclose(gy.asnumpy(), 3 * W * X)
    np.testing.assert_allclose(gw.asnumpy(), X * Y)  # the weight's gradient untouched


def _square_sum(a):
    return (a * a).sum()


def test_a_jitted_gradient_applies_the_hook_of_its_argument():
    @ms.jit
    def grads(x):
        return ops.GradOperation()(_square_sum)(x)

    x = Tensor(X)
    np.testing.assert_allclose(grads(x).asnumpy(), 2 * X)
    handle = x.register_hook(plus_one)
    np.testing.assert_allclose(grads(x).asnumpy(), 2 * X + 1)
    handle.remove()
    np.testing.assert_allclose(grads(x).asnumpy(), 2 * X)

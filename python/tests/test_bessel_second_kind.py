"""``ops.bessel_j0/j1/y0/y1/k0/k0e/k1/k1e`` and their primitive classes: values, gradients and
dtypes MindSpore 2.10 printed, gradients against finite differences in Float64, and the edges
where ours follows the functions (NaN below 0 for Y and K) rather than MindSpore's kernels."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

X = [0.001, 0.5, 1.0, 2.5, 8.0, 30.0]
# MindSpore 2.10, Float32.
MS = {
    "bessel_j0": [0.99999976, 0.9384699, 0.7651977, -0.048383795, 0.17165083, -0.086367965],
    "bessel_j1": [0.0005, 0.24226847, 0.4400506, 0.49709406, 0.23463637, -0.11875107],
    "bessel_y0": [-4.4714165, -0.44451872, 0.08825697, 0.49807036, 0.22352147, -0.11729575],
    "bessel_y1": [-636.62213, -1.4714724, -0.7812128, 0.14591809, -0.15806043, 0.084425554],
    "bessel_k0": [7.02369, 0.9244191, 0.42102444, 0.062347557, 0.00014647069, 2.1324774e-14],
    "bessel_k0e": [7.030717, 1.5241094, 1.1444631, 0.7595488, 0.43662298, 0.22788665],
    "bessel_k1": [999.9963, 1.6564409, 0.6019073, 0.07389082, 0.00015536921, 2.1677321e-14],
    "bessel_k1e": [1000.9968, 2.7310095, 1.6361537, 0.90017444, 0.4631491, 0.23165414],
}
# MindSpore 2.10's gradients of the sum at [0.5, 2.5].
GRADS = {
    "bessel_j0": [-0.24226847, -0.49709406], "bessel_j1": [0.45393294, -0.24722141],
    "bessel_y0": [1.4714724, -0.14591809], "bessel_y1": [2.498426, 0.43970314],
    "bessel_k0": [-1.656441, -0.07389082], "bessel_k0e": [-1.2069001, -0.14062566],
    "bessel_k1": [-4.2373009, -0.09190389], "bessel_k1e": [-4.2551188, -0.21944410],
}


@pytest.mark.parametrize("name", sorted(MS))
def test_values_gradients_and_classes_are_mindspores(name):
    f = getattr(ops, name)
    got = f(Tensor(np.array(X, np.float32)))
    assert got.dtype == ms.float32
    np.testing.assert_allclose(got.asnumpy(), MS[name], rtol=3e-6, atol=3e-8)
    cls = getattr(ops, "Bessel" + name[len("bessel_"):].capitalize())
    np.testing.assert_array_equal(cls()(Tensor(np.array(X, np.float32))).asnumpy(), got.asnumpy())
    g = ms.grad(lambda a: f(a).sum())(Tensor([0.5, 2.5]))
    np.testing.assert_allclose(g.asnumpy(), GRADS[name], rtol=1e-5)
    assert f(Tensor([1.0, 2.0], ms.float16)).dtype == ms.float16
    with pytest.raises(TypeError):
        f(Tensor([1, 2]))


@pytest.mark.parametrize("name", sorted(MS))
def test_gradients_match_finite_differences(name):
    f = getattr(ops, name)
    x = np.array([0.3, 1.7, 4.2, 11.0])
    g = ms.grad(lambda a: f(a).sum())(Tensor(x)).asnumpy()
    eps = 1e-6
    fd = (f(Tensor(x + eps)).asnumpy() - f(Tensor(x - eps)).asnumpy()) / (2 * eps)
    np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-9)


def test_edges():
    x = Tensor(np.array([0.0, -1.0, np.inf, np.nan]))
    assert np.isnan(ops.bessel_y0(x).asnumpy()[[1, 3]]).all()
    assert ops.bessel_y1(x).asnumpy()[0] == -np.inf  # MindSpore 2.10 gives NaN at 0
    for name in ("bessel_k0", "bessel_k1", "bessel_k0e", "bessel_k1e"):
        v = getattr(ops, name)(x).asnumpy()
        assert v[0] == np.inf and np.isnan(v[1]) and v[2] == 0 and np.isnan(v[3])
    np.testing.assert_allclose(ops.bessel_j1(Tensor([-2.5, 2.5])).asnumpy(), [-0.4970941, 0.4970941],
                               rtol=1e-6)

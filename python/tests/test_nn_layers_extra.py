"""Linear, BiDense, AdaptiveAvgPool1d/AdaptiveMaxPool1d, RReLU, Range and ClipByNorm against
MindSpore 2.10's printed values and NumPy, plus its error classes."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

RNG = np.random.default_rng(3)
F = ms.float32


def T(a, dtype=F):
    return ms.Tensor(np.asarray(a), dtype)


def test_linear_matches_mindspore():
    lw = T(np.arange(12).reshape(4, 3) / 10)
    lin = nn.Linear(3, 4, weight_init=lw, bias_init=T([1., 2., 3., 4.]))
    x1 = T([[1., 2., 3.], [0.5, -1., 2.]])
    np.testing.assert_allclose(lin(x1).asnumpy(), [[1.8, 4.6, 7.4, 10.200001],
                                                   [1.3, 2.75, 4.2, 5.65]], rtol=1e-6)
    np.testing.assert_allclose(nn.Linear(3, 4, bias=False, weight_init=lw)(x1).asnumpy(),
                               [[0.8, 2.6, 4.4, 6.2000003], [0.3, 0.75, 1.2, 1.6500001]], rtol=1e-6)
    assert lin(x1[0]).shape == (4,)
    assert nn.Linear(3, 4, bias=False).bias is None
    assert nn.Linear(3, 4, dtype=ms.float16).weight.dtype == ms.float16
    assert [p.name for p in lin.get_parameters()] == ["weight", "bias"]
    assert repr(nn.Linear(3, 4, bias=False)) == "Linear(input_features=3, output_features=4)"
    assert repr(nn.Linear(3, 4)) == "Linear(input_features=3, output_features=4, has_bias=True)"
    # default init: HeUniform(√5) bound 1/√fan_in for the weight, U(±1/√fan_in) for the bias
    big = nn.Linear(400, 300)
    w, b = big.weight.asnumpy(), big.bias.asnumpy()
    assert w.shape == (300, 400) and np.abs(w).max() <= 1 / math.sqrt(400) + 1e-6
    assert abs(w.std() - 1 / math.sqrt(3 * 400)) < 2e-3 and np.abs(b).max() <= 0.05 + 1e-6
    g = ms.grad(lambda t: lin(t).sum())(x1)  # d/dx Σ xWᵀ = column sums of W
    np.testing.assert_allclose(g.asnumpy(), np.tile(lw.asnumpy().sum(0), (2, 1)), rtol=1e-6)


@pytest.mark.parametrize("make, exc", [(lambda: nn.Linear(0, 4), ValueError),
                                       (lambda: nn.Linear(3.0, 4), TypeError),
                                       (lambda: nn.Linear(3, 4, bias=1), TypeError),
                                       (lambda: nn.Linear(3, 4, weight_init=T(np.ones((3, 4)))),
                                        ValueError)])
def test_linear_bad_arguments(make, exc):
    with pytest.raises(exc):
        make()


def test_linear_bad_inputs():
    lin = nn.Linear(3, 4)
    with pytest.raises(ValueError):
        lin(T(np.ones((2, 2))))
    with pytest.raises(TypeError):
        lin(T(np.ones((2, 3)), ms.float16))


def test_bidense_matches_mindspore():
    W = T(np.arange(12).reshape(2, 3, 2) / 10)
    b = T([0.5, -0.5])
    bd = nn.BiDense(3, 2, 2, weight_init=W, bias_init=b)
    x1, x2 = T([[1., 2., 3.], [0.5, -1., 2.]]), T([[1., -1.], [2., 0.5]])
    want = [[-0.10000002, -1.1000004], [2.075, 3.325]]
    np.testing.assert_allclose(bd(x1, x2).asnumpy(), want, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(bd(x1[0], x2[0]).asnumpy(), want[0], rtol=1e-6, atol=1e-6)
    assert bd(x1.reshape(1, 2, 3), x2.reshape(1, 2, 2)).shape == (1, 2, 2)
    np.testing.assert_allclose(nn.BiDense(3, 2, 2, weight_init=W, has_bias=False)(x1, x2).asnumpy(),
                               [[-0.6, -0.6000004], [1.575, 3.825]], rtol=1e-6, atol=1e-6)
    assert repr(bd) == "BiDense(in1_channels=3, in2_channels=2, output_channels=2, has_bias=True)"
    assert nn.BiDense(3, 2, 2, dtype=ms.float16).weight.dtype == ms.float16
    assert [p.name for p in bd.get_parameters()] == ["weight", "bias"]
    # NumPy: y[m, o] = Σ_ij x1[m, i] A[o, i, j] x2[m, j] + b[o]
    a = RNG.standard_normal((5, 4, 3)).astype(np.float32)
    p, q = RNG.standard_normal((2, 3, 4)).astype(np.float32), RNG.standard_normal((2, 3, 3)).astype(np.float32)
    net = nn.BiDense(4, 3, 5, weight_init=T(a), bias_init='zeros')
    np.testing.assert_allclose(net(T(p), T(q)).asnumpy(), np.einsum('...i,oij,...j->...o', p, a, q),
                               rtol=1e-4, atol=1e-5)
    bound = 1 / math.sqrt(20)
    d = nn.BiDense(20, 30, 40)
    assert d.weight.shape == (40, 20, 30) and np.abs(d.weight.asnumpy()).max() <= bound + 1e-6


def test_bidense_errors():
    W = T(np.ones((2, 3, 2)))
    for make, exc in ((lambda: nn.BiDense(3, 2, 3, weight_init=W), ValueError),
                      (lambda: nn.BiDense(3, 2, 2, weight_init=W, bias_init=T(np.ones(3))), ValueError),
                      (lambda: nn.BiDense(0, 2, 2), ValueError),
                      (lambda: nn.BiDense(2.0, 2, 2), TypeError),
                      (lambda: nn.BiDense(2, 2, 2, has_bias=1), TypeError)):
        with pytest.raises(exc):
            make()
    bd = nn.BiDense(3, 2, 2)
    x1, x2 = T(np.ones((2, 3))), T(np.ones((2, 2)))
    with pytest.raises(ValueError):
        bd(x1, x2[:1])
    with pytest.raises(ValueError):
        bd(x2, x2)
    with pytest.raises(TypeError):
        bd(T(np.ones((2, 3)), ms.float16), T(np.ones((2, 2)), ms.float16))


def test_adaptive_pool1d():
    x = T(np.arange(12).reshape(1, 2, 6))
    np.testing.assert_array_equal(nn.AdaptiveAvgPool1d(3)(x).asnumpy(),
                                  [[[0.5, 2.5, 4.5], [6.5, 8.5, 10.5]]])
    np.testing.assert_array_equal(nn.AdaptiveMaxPool1d(2)(x).asnumpy(), [[[2, 5], [8, 11]]])
    out = nn.AdaptiveMaxPool1d(3)(T(np.arange(12).reshape(1, 2, 6), ms.float16))
    assert out.dtype == ms.float16
    np.testing.assert_array_equal(out.asnumpy(), [[[1, 3, 5], [7, 9, 11]]])
    a = RNG.standard_normal((2, 3, 12)).astype(np.float32)
    np.testing.assert_allclose(nn.AdaptiveAvgPool1d(4)(T(a)).asnumpy(),
                               a.reshape(2, 3, 4, 3).mean(-1), rtol=1e-6)
    np.testing.assert_array_equal(nn.AdaptiveMaxPool1d(6)(T(a)).asnumpy(), a.reshape(2, 3, 6, 2).max(-1))
    assert repr(nn.AdaptiveAvgPool1d(3)) == "AdaptiveAvgPool1d()"
    for cls in (nn.AdaptiveAvgPool1d, nn.AdaptiveMaxPool1d):
        for bad, exc in ((0, ValueError), (2.0, TypeError), ((2,), TypeError), (True, TypeError)):
            with pytest.raises(exc):
                cls(bad)
        x5 = T(np.ones((1, 2, 5)))
        for args, exc in (((3, x5), ValueError), ((7, x5), ValueError), ((3, x5[0]), ValueError),
                          ((3, T(np.ones((1, 1, 2, 6)))), ValueError),
                          ((2, T(np.ones((1, 2, 6)), ms.int32)), TypeError)):
            with pytest.raises(exc):
                cls(args[0])(args[1])


def test_rrelu():
    x = T([[-1.0, 4.0], [2.0, 0.0]])
    out = nn.RReLU()(x).asnumpy()       # MindSpore 2.10 samples even in eval mode
    assert out[0, 1] == 4 and out[1, 0] == 2 and out[1, 1] == 0
    assert -1 / 3 - 1e-6 <= out[0, 0] <= -1 / 8 + 1e-6
    r = nn.RReLU(0.1, 0.3)
    r.set_train()
    s = -r(T(-np.ones((200, 50)))).asnumpy()
    assert s.min() >= 0.1 - 1e-6 and s.max() <= 0.3 + 1e-6 and abs(s.mean() - 0.2) < 0.01
    assert len(np.unique(s)) > 100
    pos = RNG.random((4, 5)).astype(np.float32)
    np.testing.assert_array_equal(r(T(pos)).asnumpy(), pos)
    out = nn.RReLU()(T([-1, 2], ms.int32))
    assert out.dtype == ms.int32
    np.testing.assert_array_equal(out.asnumpy(), [0, 2])
    assert repr(nn.RReLU()) == "RReLU()"
    assert nn.RReLU(1, 2).upper == 2.0
    with pytest.raises(ValueError):
        nn.RReLU(0.5, 0.1)
    with pytest.raises(TypeError):
        nn.RReLU('a')


def test_range():
    out = nn.Range(1, 8, 2)()
    assert out.dtype == ms.int32
    np.testing.assert_array_equal(out.asnumpy(), [1, 3, 5, 7])
    np.testing.assert_array_equal(nn.Range(5)().asnumpy(), np.arange(5))
    out = nn.Range(1.0, 2.0, 0.3)()
    assert out.dtype == ms.float32
    np.testing.assert_allclose(out.asnumpy(), [1.0, 1.3, 1.6, 1.9], rtol=1e-6)
    np.testing.assert_allclose(nn.Range(1, 2.0, 0.5)().asnumpy(), [1.0, 1.5])
    np.testing.assert_array_equal(nn.Range(8, 1, -2)().asnumpy(), [8, 6, 4, 2])
    with pytest.raises(ValueError):
        nn.Range(1, 8, 0)
    with pytest.raises(TypeError):
        nn.Range('a')


def test_clip_by_norm():
    x = T(np.arange(8).reshape(2, 4))
    c = T([5.0])
    want = [[0., 0.4225771, 0.8451542, 1.2677313], [1.6903085, 2.1128855, 2.5354626, 2.9580398]]
    np.testing.assert_allclose(nn.ClipByNorm()(x, c).asnumpy(), want, rtol=1e-6)
    np.testing.assert_allclose(nn.ClipByNorm()(x, T(5.0)).asnumpy(), want, rtol=1e-6)
    out = nn.ClipByNorm()(T(np.arange(8).reshape(2, 4), ms.float16), c)
    assert out.dtype == ms.float32                                  # as MindSpore 2.10
    np.testing.assert_allclose(out.asnumpy(), want, rtol=1e-3)
    np.testing.assert_array_equal(nn.ClipByNorm()(x, T([50.0])).asnumpy(), x.asnumpy())
    np.testing.assert_array_equal(nn.ClipByNorm()(T(np.zeros((2, 4))), c).asnumpy(), np.zeros((2, 4)))
    # Per-row norms (axis=1), the documented formula x·c / max(‖x‖, c).
    y = T([[3., 4.], [6., 8.]])
    np.testing.assert_allclose(nn.ClipByNorm(axis=1)(y, c).asnumpy(), [[3, 4], [3, 4]], rtol=1e-6)
    a = RNG.standard_normal((3, 4, 5)).astype(np.float32)
    n = np.sqrt((a * a).sum(axis=(0, 2), keepdims=True))
    np.testing.assert_allclose(nn.ClipByNorm(axis=(0, 2))(T(a), T(2.0)).asnumpy(),
                               a * 2.0 / np.maximum(n, 2.0), rtol=1e-5)
    with pytest.raises(TypeError):
        nn.ClipByNorm(axis=1.0)
    with pytest.raises(TypeError):
        nn.ClipByNorm()(x, 5.0)
    with pytest.raises(TypeError):
        nn.ClipByNorm()(T(np.ones((2, 2)), ms.int32), c)

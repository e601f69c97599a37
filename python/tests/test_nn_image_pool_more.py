"""ImageGradients, CentralCrop, BatchNorm3d, LPPool1d and LPPool2d against MindSpore 2.10's
printed values, NumPy formulas and its error classes."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

RNG = np.random.default_rng(9)
F = ms.float32


def T(a, dtype=F):
    return ms.Tensor(np.asarray(a), dtype)


def test_image_gradients():
    for dt in (ms.int32, F):
        dy, dx = nn.ImageGradients()(T([[[[1, 2], [3, 5]]]], dt))
        assert dy.dtype == dx.dtype == dt
        np.testing.assert_array_equal(dy.asnumpy(), [[[[2, 3], [0, 0]]]])      # MindSpore 2.10
        np.testing.assert_array_equal(dx.asnumpy(), [[[[1, 0], [2, 0]]]])
    a = RNG.standard_normal((2, 3, 4, 5)).astype(np.float32)
    dy, dx = nn.ImageGradients()(T(a))
    np.testing.assert_allclose(dy.asnumpy()[:, :, :-1], np.diff(a, axis=2), rtol=1e-6)
    np.testing.assert_allclose(dx.asnumpy()[..., :-1], np.diff(a, axis=3), rtol=1e-6)
    assert (dy.asnumpy()[:, :, -1] == 0).all() and (dx.asnumpy()[..., -1] == 0).all()
    with pytest.raises(ValueError):
        nn.ImageGradients()(T(np.ones((1, 2, 2))))


def test_central_crop():
    out = nn.CentralCrop(0.5)(T(np.arange(16).reshape(1, 1, 4, 4)))
    np.testing.assert_array_equal(out.asnumpy(), [[[[5, 6], [9, 10]]]])
    out = nn.CentralCrop(0.5)(T(np.arange(36).reshape(1, 6, 6)))
    assert out.shape == (1, 4, 4) and out.asnumpy()[0, 0, 0] == 7                 # MindSpore: 7..28
    out = nn.CentralCrop(0.3)(T(np.arange(49).reshape(1, 1, 7, 7)))
    np.testing.assert_array_equal(out.asnumpy(), [[[[16, 17, 18], [23, 24, 25], [30, 31, 32]]]])
    assert nn.CentralCrop(1.0)(T(np.ones((1, 1, 3, 3)))).shape == (1, 1, 3, 3)
    assert nn.CentralCrop(0.5)(T(np.ones((1, 1, 4, 4)), ms.int32)).dtype == ms.int32
    with pytest.raises(ValueError):
        nn.CentralCrop(0.0)
    with pytest.raises(TypeError):
        nn.CentralCrop(1)
    with pytest.raises(ValueError):
        nn.CentralCrop(0.5)(T(np.ones((4, 4))))


def test_batch_norm_3d():
    b = nn.BatchNorm3d(3)
    assert [n for n, _ in b.parameters_and_names()] == [
        'bn2d.moving_mean', 'bn2d.moving_variance', 'bn2d.gamma', 'bn2d.beta']
    x = T(np.arange(24).reshape(1, 3, 2, 2, 2))
    b.set_train()
    out = b(x)
    np.testing.assert_allclose(out.asnumpy()[0, 0].ravel(),
                               [-1.5275238, -1.0910884, -0.6546531, -0.21821769,
                                0.21821769, 0.6546531, 1.0910884, 1.5275238], rtol=1e-5)
    np.testing.assert_allclose(b.bn2d.moving_mean.asnumpy(), [0.35, 1.15, 1.95], rtol=1e-6)
    b.set_train(False)
    mm, mv = b.bn2d.moving_mean.asnumpy(), b.bn2d.moving_variance.asnumpy()
    want = (x.asnumpy() - mm.reshape(1, 3, 1, 1, 1)) / np.sqrt(mv.reshape(1, 3, 1, 1, 1) + 1e-5)
    np.testing.assert_allclose(b(x).asnumpy(), want, rtol=1e-5)   # the moving statistics
    a = RNG.standard_normal((4, 2, 3, 2, 5)).astype(np.float32)
    net = nn.BatchNorm3d(2)
    net.set_train()
    m, v = a.mean(axis=(0, 2, 3, 4), keepdims=True), a.var(axis=(0, 2, 3, 4), keepdims=True)
    np.testing.assert_allclose(net(T(a)).asnumpy(), (a - m) / np.sqrt(v + 1e-5), rtol=1e-4, atol=1e-5)
    with pytest.raises(ValueError):
        b(x[0])
    with pytest.raises(ValueError):
        nn.BatchNorm3d(4)(x)


def test_batch_norm_3d_moving_variance_is_mindspores():
    # The moving variance follows the unbiased batch variance (the Rust layer's update).
    b = nn.BatchNorm3d(3)
    b.set_train()
    b(T(np.arange(24).reshape(1, 3, 2, 2, 2)))
    # MindSpore 2.10: 0.9·1 + 0.1·var_unbiased (6.0) = 1.5, then eval outputs [[5.592983, ...]]
    np.testing.assert_allclose(b.bn2d.moving_variance.asnumpy(), [1.5, 1.5, 1.5], rtol=1e-6)
    b.set_train(False)
    np.testing.assert_allclose(b(T(np.arange(24).reshape(1, 3, 2, 2, 2))).asnumpy()[0, 1, 0],
                               [[5.592983, 6.4094768], [7.225971, 8.042465]], rtol=1e-5)


def _np_lp(a, p, k, s):
    """Power-average pooling of the last axis (no padding)."""
    out = (a.shape[-1] - k) // s + 1
    w = np.stack([a[..., i * s:i * s + k] for i in range(out)], -2)
    return (w ** p).sum(-1) ** (1 / p)


def test_lp_pool():
    x = T(np.arange(24).reshape(2, 3, 4))
    np.testing.assert_array_equal(nn.LPPool1d(norm_type=1, kernel_size=3, stride=1)(x).asnumpy()[1],
                                  [[39, 42], [51, 54], [63, 66]])                # MindSpore 2.10
    y = T([[[1., -2., 3., 4., 5.]]])
    np.testing.assert_allclose(nn.LPPool1d(2, 2)(y).asnumpy(), [[[2.236068, 5.]]], rtol=1e-6)
    np.testing.assert_allclose(nn.LPPool1d(2, 2)(y[0]).asnumpy(), [[2.236068, 5.]], rtol=1e-6)
    np.testing.assert_allclose(nn.LPPool1d(2, 2, ceil_mode=True)(y).asnumpy(),
                               [[[2.236068, 5., 7.071068]]], rtol=1e-6)
    np.testing.assert_allclose(nn.LPPool1d(1.5, 2)(T([[[1., 2., 3., 4.]]])).asnumpy(),
                               [[[2.4472609, 5.5842505]]], rtol=1e-6)
    out = nn.LPPool1d(2, 2)(T([[[1, 2, 3, 4]]], ms.int32))
    assert out.dtype == ms.float32
    np.testing.assert_allclose(out.asnumpy(), [[[2.236068, 5.]]], rtol=1e-6)
    out = nn.LPPool2d(norm_type=1, kernel_size=3, stride=1)(T(np.arange(120).reshape(2, 3, 4, 5)))
    assert out.shape == (2, 3, 2, 3)
    np.testing.assert_array_equal(out.asnumpy()[1, 2], [[954, 963, 972], [999, 1008, 1017]])
    out = nn.LPPool2d(3, (2, 1), (1, 2))(T([[[[1., -2., 3.], [4., 5., -6.]]]])).asnumpy()
    np.testing.assert_allclose(out[..., 0], [[[4.0207257]]], rtol=1e-6)
    assert np.isnan(out[0, 0, 0, 1])                     # (27 − 216)^(1/3): NaN, as MindSpore
    a = RNG.random((2, 3, 9)).astype(np.float32)
    np.testing.assert_allclose(nn.LPPool1d(3, 3, 2)(T(a)).asnumpy(), _np_lp(a, 3, 3, 2), rtol=1e-5)
    b = RNG.random((2, 2, 6, 7)).astype(np.float32)
    rows = _np_lp(np.swapaxes(b ** 2, -1, -2), 1, 2, 2)            # sum over H windows
    want = _np_lp(np.swapaxes(rows, -1, -2), 1, 3, 2) ** 0.5       # then W windows, root
    np.testing.assert_allclose(nn.LPPool2d(2, (2, 3), 2)(T(b)).asnumpy(), want, rtol=1e-5)
    assert repr(nn.LPPool1d(2, 2)) == "LPPool1d()"
    with pytest.raises(ValueError):
        nn.LPPool1d(2, 2)(T(np.ones((1, 1, 1, 4))))
    with pytest.raises(ValueError):
        nn.LPPool2d(2, 2)(T(np.ones((1, 4, 4))))
    with pytest.raises(TypeError):
        nn.LPPool1d('a', 2)
    with pytest.raises(ValueError):
        nn.LPPool1d(2, 0)

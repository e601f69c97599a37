"""Channel dropout, reshaping/shuffling layers and the math cells of layers_more.py, against
MindSpore 2.10's printed outputs and NumPy formulas, plus MindSpore's error classes."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

RNG = np.random.default_rng(11)


def T(a, dtype=None):
    return ms.Tensor(np.asarray(a), dtype) if dtype is not None else ms.Tensor(np.asarray(a))


# ---- channel dropout ----------------------------------------------------------------------

@pytest.mark.parametrize("cls, shape, lead", [(nn.Dropout1d, (6, 40, 5), 2),
                                              (nn.Dropout1d, (40, 5), 1),
                                              (nn.Dropout2d, (6, 40, 2, 3), 2),
                                              (nn.Dropout3d, (6, 40, 2, 2, 2), 2)])
def test_channel_dropout_zeroes_whole_channels(cls, shape, lead):
    net = cls(p=0.75)
    a = RNG.standard_normal(shape).astype(np.float32) + 5.0
    np.testing.assert_array_equal(net(T(a)).asnumpy(), a)  # a new cell is in eval mode
    net.set_train()
    out = net(T(a)).asnumpy()
    ratio = out / a
    chan = ratio.reshape(shape[:lead] + (-1,))
    # every channel is all 0 or all 1/(1-p) = 4, as MindSpore 2.10 prints ([0. 4.])
    assert np.all((np.abs(chan - 4.0) < 1e-5).all(-1) | (chan == 0).all(-1))
    dropped = (chan == 0).all(-1).mean()
    assert 0.5 < dropped < 0.95
    net.set_train(False)
    np.testing.assert_array_equal(net(T(a)).asnumpy(), a)


def test_channel_dropout_edges():
    x = T(np.ones((2, 3, 2, 2), np.float32))
    assert (nn.Dropout2d(1.0).set_train()(x).asnumpy() == 0).all()
    np.testing.assert_array_equal(nn.Dropout2d(0.0).set_train()(x).asnumpy(), x.asnumpy())
    out = nn.Dropout2d(0.5).set_train()(T(np.ones((4, 8, 2, 2), np.int32)))
    assert out.dtype == ms.int32 and set(np.unique(out.asnumpy())) <= {0, 2}
    assert repr(nn.Dropout1d(0.3)) == "Dropout1d()"
    assert repr(nn.Dropout2d(0.3)) == "Dropout2d(p=0.7)"  # MindSpore 2.10 prints the keep rate
    g = ms.grad(lambda t: nn.Dropout2d(0.5).set_train()(t).sum())(x)
    assert set(np.unique(g.asnumpy())) <= {0.0, 2.0}


@pytest.mark.parametrize("make, exc", [(lambda: nn.Dropout1d(-0.1), ValueError),
                                       (lambda: nn.Dropout1d(1), TypeError),
                                       (lambda: nn.Dropout2d("a"), TypeError),
                                       (lambda: nn.Dropout3d(1.5), ValueError)])
def test_channel_dropout_bad_p(make, exc):
    with pytest.raises(exc):
        make()


@pytest.mark.parametrize("cell, shape", [(nn.Dropout1d(0.5), (2, 2, 2, 2)),
                                         (nn.Dropout1d(0.5), (3,)),
                                         (nn.Dropout2d(0.5), (2, 2, 2)),
                                         (nn.Dropout2d(0.5), (2, 2, 2, 2, 2)),
                                         (nn.Dropout3d(0.5), (2, 2, 2, 2)),
                                         (nn.Dropout3d(0.5), (2,) * 6)])
def test_channel_dropout_bad_rank(cell, shape):
    with pytest.raises(ValueError):
        cell.set_train()(T(np.ones(shape, np.float32)))


# ---- reshaping and shuffling ---------------------------------------------------------------

def test_unflatten():
    a = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    assert nn.Unflatten(1, (3, 1))(T(a)).shape == (2, 3, 1, 4)
    np.testing.assert_array_equal(nn.Unflatten(2, (2, -1))(T(a)).asnumpy(), a.reshape(2, 3, 2, 2))
    np.testing.assert_array_equal(nn.Unflatten(-1, [2, 2])(T(a)).asnumpy(), a.reshape(2, 3, 2, 2))
    for bad in (nn.Unflatten(2, (3, -1)), nn.Unflatten(5, (2, 2)), nn.Unflatten(0, (-1, -1))):
        with pytest.raises(ValueError):
            bad(T(a))
    with pytest.raises(TypeError):
        nn.Unflatten("a", (2, 2))
    with pytest.raises(TypeError):
        nn.Unflatten(1, 3)


def _np_pixel_shuffle(a, r):
    *lead, c, h, w = a.shape
    y = a.reshape(*lead, c // (r * r), r, r, h, w)
    n = len(lead)
    y = y.transpose(*range(n), n, n + 3, n + 1, n + 4, n + 2)
    return y.reshape(*lead, c // (r * r), h * r, w * r)


def test_pixel_shuffle_roundtrip_and_numpy():
    a = RNG.standard_normal((3, 2, 8, 4, 5)).astype(np.float32)
    out = nn.PixelShuffle(2)(T(a))
    assert out.shape == (3, 2, 2, 8, 10)
    np.testing.assert_array_equal(out.asnumpy(), _np_pixel_shuffle(a, 2))
    np.testing.assert_array_equal(nn.PixelUnshuffle(2)(out).asnumpy(), a)
    # MindSpore 2.10: PixelUnshuffle(2) of (1, 1, 8, 8) int32 is (1, 4, 4, 4) int32
    u = nn.PixelUnshuffle(2)(T(np.arange(64).reshape(1, 1, 8, 8), ms.int32))
    assert u.shape == (1, 4, 4, 4) and u.dtype == ms.int32
    np.testing.assert_array_equal(u.asnumpy()[0, :, 0, 0], [0, 1, 8, 9])
    for cell, x in ((nn.PixelShuffle(3), T(a)), (nn.PixelShuffle(1), T(a[0, 0, 0])),
                    (nn.PixelUnshuffle(3), T(np.ones((1, 1, 8, 8), np.float32)))):
        with pytest.raises(ValueError):
            cell(x)
    with pytest.raises(TypeError):
        nn.PixelShuffle(2.0)
    with pytest.raises(ValueError):
        nn.PixelUnshuffle(0)


def test_channel_shuffle():
    # MindSpore 2.10's output for arange(16).reshape(1, 4, 2, 2), groups=2: channels 0, 2, 1, 3
    x = T(np.arange(16, dtype=np.int32).reshape(1, 4, 2, 2))
    out = nn.ChannelShuffle(2)(x)
    assert out.dtype == ms.int32
    np.testing.assert_array_equal(out.asnumpy()[0, :, 0, 0], [0, 8, 4, 12])
    a = RNG.standard_normal((2, 6, 3)).astype(np.float32)
    want = a.reshape(2, 3, 2, 3).transpose(0, 2, 1, 3).reshape(2, 6, 3)
    np.testing.assert_array_equal(nn.ChannelShuffle(3)(T(a)).asnumpy(), want)
    with pytest.raises(ValueError):
        nn.ChannelShuffle(3)(x)
    with pytest.raises(ValueError):
        nn.ChannelShuffle(0)
    with pytest.raises(TypeError):
        nn.ChannelShuffle(2.0)


# ---- softmax2d and the math cells ---------------------------------------------------------

def test_softmax2d():
    x = T(np.array([[[[0.1, 0.2]], [[0.3, 0.4]], [[0.6, 0.5]]]]), ms.float32)
    np.testing.assert_allclose(nn.Softmax2d()(x).asnumpy(),
                               [[[[0.25838965, 0.28001308]], [[0.31559783, 0.34200877]],
                                 [[0.42601252, 0.37797815]]]], rtol=1e-6)
    a = RNG.standard_normal((4, 2, 3)).astype(np.float32)
    e = np.exp(a - a.max(0))
    np.testing.assert_allclose(nn.Softmax2d()(T(a)).asnumpy(), e / e.sum(0), rtol=1e-5)
    with pytest.raises(ValueError):
        nn.Softmax2d()(T(np.ones((2, 2), np.float32)))
    with pytest.raises(TypeError):
        nn.Softmax2d()(T(np.ones((1, 3, 1, 2), np.int32)))


def test_tril_triu():
    m = np.arange(1, 17, dtype=np.float32).reshape(4, 4)
    np.testing.assert_array_equal(nn.Tril()(T(m), 1).asnumpy(), np.tril(m, 1))
    np.testing.assert_array_equal(nn.Triu()(T(m), -1).asnumpy(),
                                  [[1, 2, 3, 4], [5, 6, 7, 8], [0, 10, 11, 12], [0, 0, 15, 16]])
    b = RNG.standard_normal((2, 3, 5)).astype(np.float32)
    np.testing.assert_array_equal(nn.Triu()(T(b)).asnumpy(), np.triu(b))
    assert nn.Tril()(T(np.ones((2, 2), np.int32))).dtype == ms.int32
    with pytest.raises(ValueError):
        nn.Tril()(T(np.ones(3, np.float32)))
    with pytest.raises(TypeError):
        nn.Tril()(T(m), 1.0)


def test_roll():
    # MindSpore 2.10's CPU build has no Roll kernel; np.roll is the reference.
    a = RNG.standard_normal((3, 4)).astype(np.float32)
    np.testing.assert_array_equal(nn.Roll(2, 0)(T(a)).asnumpy(), np.roll(a, 2, 0))
    np.testing.assert_array_equal(nn.Roll((1, -1), (0, 1))(T(a)).asnumpy(),
                                  np.roll(a, (1, -1), (0, 1)))
    with pytest.raises(ValueError):
        nn.Roll((1, -1), (0,))
    with pytest.raises(TypeError):
        nn.Roll(1.0, 0)
    with pytest.raises(ValueError):
        nn.Roll(1, 3)(T(a))


def test_one_hot():
    out = nn.OneHot(depth=4)(T(np.array([[1, 3], [0, 2]]), ms.int32))
    assert out.dtype == ms.float32
    np.testing.assert_array_equal(out.asnumpy(), np.eye(4, dtype=np.float32)[[[1, 3], [0, 2]]])
    out = nn.OneHot(axis=0, depth=3, on_value=5.0, off_value=-1.0)(T(np.array([1, 2]), ms.int32))
    np.testing.assert_array_equal(out.asnumpy(), [[-1, -1], [5, -1], [-1, 5]])
    out = nn.OneHot(depth=3, dtype=ms.int32)(T(np.array([1, 2]), ms.int64))
    assert out.dtype == ms.int32
    np.testing.assert_array_equal(out.asnumpy(), [[0, 1, 0], [0, 0, 1]])
    # out-of-range indices: all off_value (MindSpore 2.10)
    np.testing.assert_array_equal(nn.OneHot(depth=3)(T(np.array([-1, 5]), ms.int32)).asnumpy(),
                                  np.zeros((2, 3)))
    with pytest.raises(TypeError):
        nn.OneHot(depth=3)(T(np.array([1.0, 2.0]), ms.float32))
    with pytest.raises(ValueError):
        nn.OneHot(axis=3, depth=2)(T(np.array([1, 0]), ms.int32))


def test_norm():
    x = T(np.array([[4, 4, 9, 1], [2, 1, 3, 6]]), ms.float32)
    np.testing.assert_allclose(nn.Norm(axis=0)(x).asnumpy(),
                               [4.472136, 4.1231055, 9.486833, 6.0827627], rtol=1e-6)
    out = nn.Norm(axis=(0, 1), keep_dims=True)(x)
    assert out.shape == (1, 1)
    np.testing.assert_allclose(out.asnumpy(), [[12.806249]], rtol=1e-6)
    out = nn.Norm()(T(np.array([[4, 4, 9, 1], [2, 1, 3, 6]]), ms.int32))
    assert out.shape == () and out.dtype == ms.float32
    np.testing.assert_allclose(out.asnumpy(), 12.806249, rtol=1e-6)
    a = RNG.standard_normal((3, 4, 5)).astype(np.float32)
    np.testing.assert_allclose(nn.Norm(axis=(0, 2))(T(a)).asnumpy(),
                               np.sqrt((a * a).sum((0, 2))), rtol=1e-5)
    with pytest.raises(TypeError):
        nn.Norm(axis=1.0)
    with pytest.raises(TypeError):
        nn.Norm(keep_dims=1)


def test_matmul():
    assert nn.MatMul()(T(np.ones((2, 1, 3, 4)), ms.float32),
                       T(np.ones((1, 5, 4, 2)), ms.float32)).shape == (2, 5, 3, 2)
    a, b = RNG.standard_normal((4, 3)).astype(np.float32), RNG.standard_normal((2, 4)).astype(np.float32)
    np.testing.assert_allclose(nn.MatMul(True, True)(T(a), T(b)).asnumpy(), a.T @ b.T, rtol=1e-5)
    v = T(np.ones(3), ms.float32)
    assert nn.MatMul()(v, v).shape == ()
    assert nn.MatMul()(v, T(np.ones((3, 2)), ms.float32)).shape == (2,)
    with pytest.raises(ValueError):
        nn.MatMul()(T(np.ones((2, 3)), ms.float32), T(np.ones((2, 3)), ms.float32))
    with pytest.raises(TypeError):
        nn.MatMul()(T(np.ones((2, 3)), ms.float32), T(np.ones((3, 3)), ms.float16))
    with pytest.raises(TypeError):
        nn.MatMul(1)


def test_reduce_log_sum_exp():
    x = T(np.arange(6, dtype=np.float32).reshape(2, 3))
    # MindSpore 2.10 prints [[2.407605 ], [5.4076056]] (its float32 exp/log round differently)
    np.testing.assert_allclose(nn.ReduceLogSumExp(1, keep_dims=True)(x).asnumpy(),
                               [[2.407605], [5.4076056]], rtol=1e-6)
    np.testing.assert_allclose(nn.ReduceLogSumExp((0, 1))(x).asnumpy(), 5.456193, rtol=1e-6)
    assert nn.ReduceLogSumExp(())(x).shape == ()
    np.testing.assert_allclose(nn.ReduceLogSumExp(1)(T(np.array([[1000., 1000.]], np.float32)))
                               .asnumpy(), [1000.6932], rtol=1e-6)
    a = RNG.standard_normal((3, 4, 5)).astype(np.float32) * 30
    m = a.max(axis=(0, 2), keepdims=True)
    want = (np.log(np.exp(a - m).sum(axis=(0, 2), keepdims=True)) + m).squeeze((0, 2))
    np.testing.assert_allclose(nn.ReduceLogSumExp([0, 2])(T(a)).asnumpy(), want, rtol=1e-5)
    g = ms.grad(lambda t: nn.ReduceLogSumExp(1)(t).sum())(x)  # d/dx = softmax(x)
    e = np.exp(np.arange(6).reshape(2, 3))
    np.testing.assert_allclose(g.asnumpy(), e / e.sum(1, keepdims=True), rtol=1e-5)
    with pytest.raises(TypeError):
        nn.ReduceLogSumExp(1.0)
    with pytest.raises(TypeError):
        nn.ReduceLogSumExp(1)(T(np.ones((2, 3), np.int32)))


def test_moments():
    x = T(np.array([[[[1, 2, 3, 4], [3, 4, 5, 6]]]]), ms.float32)
    mean, var = nn.Moments(axis=3, keep_dims=True)(x)
    assert mean.shape == var.shape == (1, 1, 2, 1)
    np.testing.assert_allclose(mean.asnumpy().ravel(), [2.5, 4.5])
    np.testing.assert_allclose(var.asnumpy().ravel(), [1.25, 1.25])
    mean, var = nn.Moments()(T(np.array([[1, 2, 3, 4], [3, 4, 5, 6]]), ms.float32))
    assert mean.shape == () and float(mean.asnumpy()) == 3.5 and float(var.asnumpy()) == 2.25
    mean, var = nn.Moments(axis=0)(T(np.array([[1, 2, 3, 4], [3, 4, 5, 6]]), ms.float16))
    assert mean.dtype == var.dtype == ms.float16
    np.testing.assert_array_equal(mean.asnumpy(), [2, 3, 4, 5])
    np.testing.assert_array_equal(var.asnumpy(), [1, 1, 1, 1])
    a = RNG.standard_normal((3, 4, 5)).astype(np.float32)
    mean, var = nn.Moments(axis=(0, 2))(T(a))
    np.testing.assert_allclose(mean.asnumpy(), a.mean((0, 2)), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(var.asnumpy(), a.var((0, 2)), rtol=1e-5)
    with pytest.raises(TypeError):
        nn.Moments(axis=0)(T(np.ones((2, 2), np.int32)))
    with pytest.raises(TypeError):
        nn.Moments(keep_dims=1)
    with pytest.raises(TypeError):
        nn.Moments(axis=1.0)

"""AdaptiveAvgPool3d and AdaptiveMaxPool3d against MindSpore 2.10's printed values, a NumPy
loop over MindSpore's windows, and its error classes."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

RNG = np.random.default_rng(13)
A = np.arange(128, dtype=np.float32).reshape(1, 2, 4, 4, 4) * 7 % 23


def T(a, dtype=ms.float32):
    return ms.Tensor(np.asarray(a), dtype)


def _np_adaptive(a, outs, reduce):
    d, h, w = a.shape[-3:]
    win = [[(i * n // o, math.ceil((i + 1) * n / o)) for i in range(o)] for n, o in zip((d, h, w), outs)]
    out = np.empty(a.shape[:-3] + tuple(outs), a.dtype)
    for i, (d0, d1) in enumerate(win[0]):
        for j, (h0, h1) in enumerate(win[1]):
            for k, (w0, w1) in enumerate(win[2]):
                out[..., i, j, k] = reduce(a[..., d0:d1, h0:h1, w0:w1], axis=(-3, -2, -1))
    return out


def test_values_match_mindspore():
    x = T(A)
    np.testing.assert_array_equal(nn.AdaptiveAvgPool3d((2, 2, 2))(x).asnumpy()[0, 0],
                                  [[[7.375, 12.75], [14.5, 8.375]], [[12.875, 12.5], [8.5, 11.]]])
    np.testing.assert_allclose(nn.AdaptiveAvgPool3d((3, 2, None))(x).asnumpy()[0, 1, 1, 0],
                               [9., 16., 11.5, 7.])
    out = nn.AdaptiveAvgPool3d(2)(T(A, ms.int32))
    assert out.dtype == ms.int32                           # truncated means, as MindSpore
    np.testing.assert_array_equal(out.asnumpy()[0, 0], [[[7, 12], [14, 8]], [[12, 12], [8, 11]]])
    np.testing.assert_array_equal(out.asnumpy()[0, 1], [[[12, 9], [8, 13]], [[9, 9], [13, 10]]])
    assert nn.AdaptiveAvgPool3d(2)(T(A, ms.float16)).dtype == ms.float16
    np.testing.assert_array_equal(nn.AdaptiveMaxPool3d((2, 2, 2))(x).asnumpy()[0, 0],
                                  [[[20, 21], [22, 21]], [[22, 20], [16, 22]]])
    np.testing.assert_array_equal(nn.AdaptiveMaxPool3d((3, 3, 3))(x).asnumpy()[0, 0, 0],
                                  [[20, 19, 21], [17, 21, 21], [22, 22, 21]])
    out, idx = nn.AdaptiveMaxPool3d((2, 2, 2), return_indices=True)(x)
    assert idx.dtype == ms.int32
    np.testing.assert_array_equal(idx.asnumpy()[0, 0], [[[16, 3], [13, 26]], [[36, 39], [45, 59]]])
    out, idx = nn.AdaptiveMaxPool3d((3, 3, 3), return_indices=True)(x[0])
    assert out.shape == idx.shape == (2, 3, 3, 3)
    np.testing.assert_array_equal(idx.asnumpy()[1, 1], [[21, 18, 18], [41, 41, 27], [41, 41, 31]])
    _, idx = nn.AdaptiveMaxPool3d(1, return_indices=True)(T(np.ones((1, 1, 2, 2, 2))))
    assert idx.asnumpy().ravel().tolist() == [0]           # the first on ties
    assert nn.AdaptiveMaxPool3d(2)(T(A, ms.int32)).dtype == ms.int32
    assert repr(nn.AdaptiveAvgPool3d(2)) == "AdaptiveAvgPool3d()"


@pytest.mark.parametrize("outs", [(1, 1, 1), (2, 3, 5), (3, 1, 2), (4, 4, 4)])
def test_against_numpy_windows(outs):
    a = RNG.standard_normal((2, 3, 5, 4, 7)).astype(np.float32)
    np.testing.assert_allclose(nn.AdaptiveAvgPool3d(outs)(T(a)).asnumpy(),
                               _np_adaptive(a, outs, np.mean), rtol=1e-5, atol=1e-6)
    out, idx = nn.AdaptiveMaxPool3d(outs, return_indices=True)(T(a))
    np.testing.assert_array_equal(out.asnumpy(), _np_adaptive(a, outs, np.max))
    flat = a.reshape(2, 3, -1)
    np.testing.assert_array_equal(np.take_along_axis(flat, idx.asnumpy().reshape(2, 3, -1), -1),
                                  out.asnumpy().reshape(2, 3, -1))


def test_gradient_of_the_mean():
    # each input element counts 1/|window| in each window holding it; (2,2,2) on 4³ windows are
    # disjoint blocks of 8, so d(sum of means)/dx = 1/8 everywhere.
    g = ms.grad(lambda t: nn.AdaptiveAvgPool3d(2)(t).sum())(T(A))
    np.testing.assert_allclose(g.asnumpy(), np.full(A.shape, 0.125))


@pytest.mark.parametrize("make, exc", [(lambda: nn.AdaptiveAvgPool3d(2.0), TypeError),
                                       (lambda: nn.AdaptiveAvgPool3d(0), ValueError),
                                       (lambda: nn.AdaptiveAvgPool3d((2, 2)), ValueError),
                                       (lambda: nn.AdaptiveMaxPool3d((None, 2, 3)), ValueError)])
def test_bad_arguments(make, exc):
    with pytest.raises(exc):
        make()


def test_bad_inputs():
    for cell in (nn.AdaptiveAvgPool3d(2), nn.AdaptiveMaxPool3d(2)):
        with pytest.raises(ValueError):
            cell(T(A[0, 0]))
        with pytest.raises(TypeError):
            cell(A)

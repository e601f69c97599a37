"""``ops.fractional_max_pool2d``/``3d`` and their Cells: values and indices equal to what
MindSpore 2.10 printed on CPU for the same inputs and ``_random_samples``, a NumPy transcription
of the interval rule on random shapes, the gradient (one per window maximum), and the errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops

X = np.arange(2 * 6 * 7, dtype=np.float32).reshape(1, 2, 6, 7) % 11
SAMPLES = np.array([[[0.3, 0.7], [0.9, 0.1]]], np.float32)


def test_2d_values_and_indices_equal_mindspore():
    y, idx = ops.fractional_max_pool2d(Tensor(X), (2, 2), output_size=(3, 4), return_indices=True,
                                       _random_samples=Tensor(SAMPLES))
    # MindSpore 2.10 on CPU.
    assert y.asnumpy().tolist() == [[[[8, 10, 10, 6], [10, 6, 7, 9], [7, 9, 10, 8]],
                                     [[10, 8, 9, 10], [9, 10, 5, 7], [5, 7, 8, 10]]]]
    assert idx.dtype == ms.int64
    assert idx.asnumpy().tolist() == [[[[8, 10, 10, 6], [21, 17, 18, 20], [29, 31, 32, 41]],
                                       [[1, 10, 11, 12], [22, 23, 18, 20], [29, 31, 32, 34]]]]
    # A (C, H, W) input, output (5, 6) with samples 0.5: MindSpore 2.10's values.
    y = ops.fractional_max_pool2d(Tensor(X[0]), 2, output_size=(5, 6),
                                  _random_samples=Tensor(np.full((1, 2, 2), 0.5, np.float32)))
    assert y.asnumpy()[0].tolist() == [[8, 9, 10, 10, 5, 6], [8, 9, 10, 10, 8, 9], [10, 5, 6, 7, 8, 9],
                                       [10, 8, 9, 10, 10, 5], [7, 8, 9, 10, 10, 8]]
    one = ops.fractional_max_pool2d(Tensor(X[0]), 2, output_size=(1, 1),
                                    _random_samples=Tensor(np.full((1, 2, 2), 0.5, np.float32)))
    assert one.asnumpy().tolist() == [[[8.0]], [[10.0]]]


def test_3d_indices_equal_mindspore():
    x = Tensor(np.arange(120, dtype=np.float32).reshape(1, 1, 4, 5, 6) % 7)
    y, idx = ops.fractional_max_pool3d(x, 2, output_size=(2, 3, 3), return_indices=True,
                                       _random_samples=Tensor([[[0.3, 0.7, 0.5]]]))
    assert idx.asnumpy().tolist() == [[[[[6, 33, 34], [6, 39, 41], [48, 20, 53]],
                                        [[90, 62, 95], [97, 69, 76], [109, 111, 83]]]]]
    assert y.asnumpy().ravel().tolist() == [6, 5, 6, 6, 4, 6, 6, 6, 4, 6, 6, 4, 6, 6, 6, 4, 6, 6]


def _reference(x, k, out, samples, order):
    """Each window's maximum by the documented interval rule, with loops."""
    spatial = x.shape[2:]
    starts = []
    for a, (n, kk, m) in enumerate(zip(spatial, k, out)):
        u = samples[..., order[a]].astype(np.float32)
        alpha = np.float32(n - kk) / np.float32(max(m - 1, 1))
        s = [(np.floor((i + u) * alpha) - np.floor(u * alpha)).astype(int) for i in range(m - 1)] + [
            np.full(u.shape, n - kk)]
        starts.append(np.stack(s, -1))
    y = np.zeros(x.shape[:2] + tuple(out), x.dtype)
    for b in range(x.shape[0]):
        for c in range(x.shape[1]):
            for pos in np.ndindex(*out):
                sl = tuple(slice(starts[a][b, c, p], starts[a][b, c, p] + k[a]) for a, p in enumerate(pos))
                y[(b, c) + pos] = x[b, c][sl].max()
    return y


@pytest.mark.parametrize("seed", range(4))
def test_random_shapes_against_the_rule(seed):
    rng = np.random.default_rng(seed)
    rank = 2 + seed % 2
    spatial = tuple(int(v) for v in rng.integers(3, 8, rank))
    k = tuple(int(rng.integers(1, n)) for n in spatial)
    out = tuple(int(rng.integers(1, n - kk + 2)) for n, kk in zip(spatial, k))
    x = rng.standard_normal((2, 3) + spatial)
    samples = rng.random((2, 3, rank)).astype(np.float32)
    pool = ops.fractional_max_pool2d if rank == 2 else ops.fractional_max_pool3d
    got = pool(Tensor(x), k, output_size=out, _random_samples=Tensor(samples))
    order = (1, 0) if rank == 2 else (0, 1, 2)
    np.testing.assert_array_equal(got.asnumpy(), _reference(x, k, out, samples, order))


def test_gradient_reaches_each_windows_maximum():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3, 7, 8))
    samples = Tensor(rng.random((2, 3, 2)).astype(np.float32))
    _, idx = ops.fractional_max_pool2d(Tensor(x), 3, output_size=(4, 5), return_indices=True, _random_samples=samples)
    g = ms.grad(lambda t: ops.fractional_max_pool2d(t, 3, output_size=(4, 5), _random_samples=samples).sum())(Tensor(x))
    expected = np.zeros((2, 3, 56))
    for b in range(2):
        for c in range(3):
            np.add.at(expected[b, c], idx.asnumpy()[b, c].ravel(), 1.0)
    np.testing.assert_array_equal(g.asnumpy(), expected.reshape(x.shape))


def test_output_ratio_and_random_samples():
    y = ops.fractional_max_pool2d(Tensor(X), 2, output_ratio=(0.5, 0.5))
    assert y.shape == (1, 2, 3, 3)
    z = ops.fractional_max_pool3d(Tensor(np.ones((1, 4, 4, 4), np.float32)), (2, 2, 2), output_size=2)
    assert z.shape == (1, 2, 2, 2)
    assert ops.fractional_max_pool2d(Tensor(X[0].astype(np.int32)), 2, output_size=(3, 4)).dtype == ms.int32


@pytest.mark.parametrize("kwargs, error", [
    ({}, ValueError), ({"output_size": (6, 7)}, ValueError), ({"output_ratio": (1.5, 0.5)}, ValueError),
    ({"output_size": (3, 4), "_random_samples": Tensor(np.full((1, 2, 3), 0.5, np.float32))}, ValueError),
    ({"output_size": (3, 4), "_random_samples": Tensor(np.full((1, 2, 2), 1, np.int32))}, TypeError),
    ({"output_size": (3, 4), "return_indices": 1}, TypeError), ({"output_size": (3, 4, 5)}, ValueError),
    ({"output_size": "a"}, TypeError),
])
def test_errors(kwargs, error):
    with pytest.raises(error, match="fractional_max_pool2d"):
        ops.fractional_max_pool2d(Tensor(X), 2, **kwargs)


def test_input_errors():
    with pytest.raises(ValueError):
        ops.fractional_max_pool2d(Tensor(np.ones((6, 7), np.float32)), 2, output_size=(3, 3))
    with pytest.raises(TypeError):
        ops.fractional_max_pool2d(Tensor(np.ones((1, 6, 7), bool)), 2, output_size=(3, 3))
    with pytest.raises(TypeError):
        ops.fractional_max_pool2d(X, 2, output_size=(3, 3))
    with pytest.raises(ValueError):
        ops.fractional_max_pool2d(Tensor(X), 8, output_size=(3, 3))


def test_cells():
    pool = nn.FractionalMaxPool2d(2, output_size=(3, 4), return_indices=True, _random_samples=Tensor(SAMPLES))
    y, idx = pool(Tensor(X))
    assert y.shape == (1, 2, 3, 4) and idx.dtype == ms.int64 and idx.asnumpy()[0, 0, 0].tolist() == [8, 10, 10, 6]
    assert nn.FractionalMaxPool3d(2, output_ratio=(0.5, 0.5, 0.5))(Tensor(np.ones((1, 1, 4, 4, 4), np.float32))).shape \
        == (1, 1, 2, 2, 2)
    # Built without a size, as MindSpore's; the call raises, naming the Cell.
    with pytest.raises(ValueError, match="FractionalMaxPool2d"):
        nn.FractionalMaxPool2d(2)(Tensor(X))
    with pytest.raises(TypeError, match="FractionalMaxPool3d"):
        nn.FractionalMaxPool3d(2, output_size=2, return_indices="yes")(Tensor(np.ones((1, 1, 4, 4, 4), np.float32)))

"""nn padding layers against MindSpore 2.10's printed outputs and against np.pad on random
shapes (constant / reflect / edge / symmetric), plus MindSpore's error classes."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

RNG = np.random.default_rng(7)


def _np_pad(x, padding, mode, **kw):
    """``padding`` from the last axis backward (ops.pad order) -> np.pad's per-axis pairs."""
    pairs = [(0, 0)] * x.ndim
    for i in range(len(padding) // 2):
        pairs[x.ndim - 1 - i] = (padding[2 * i], padding[2 * i + 1])
    return np.pad(x, pairs, mode=mode, **kw)


# Values printed by MindSpore 2.10 for the same calls.
def test_constant_pad_matches_mindspore():
    x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
    out = nn.ConstantPad2d((1, 0, -1, 1), 2.5)(x)
    np.testing.assert_array_equal(out.asnumpy(), [[2.5, 4, 5, 6, 7], [2.5, 8, 9, 10, 11],
                                                  [2.5] * 5])
    xi = ms.Tensor(np.arange(12, dtype=np.int32).reshape(3, 4))
    out = nn.ConstantPad1d(1, 2.7)(xi)  # the value is cast to int32 (2)
    assert out.dtype == ms.int32
    np.testing.assert_array_equal(out.asnumpy(), [[2, 0, 1, 2, 3, 2], [2, 4, 5, 6, 7, 2],
                                                  [2, 8, 9, 10, 11, 2]])
    x3 = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 2, 2, 2))
    out = nn.ConstantPad3d((1, 0, 0, 1, 1, 0), 7)(x3)
    np.testing.assert_array_equal(out.asnumpy(), [[[[7, 7, 7], [7, 7, 7], [7, 7, 7]],
                                                   [[7, 0, 1], [7, 2, 3], [7, 7, 7]],
                                                   [[7, 4, 5], [7, 6, 7], [7, 7, 7]]]])
    assert nn.ConstantPad1d(1, 0.5)(ms.Tensor(np.ones((2, 3), np.float16))).dtype == ms.float16
    # MindSpore: shapes (1, 4, 5, 6) and (1, 2, 5, 6); ZeroPad2d((1, 1)) pads only W.
    x4 = ms.Tensor(np.zeros((1, 2, 3, 4), np.float32))
    assert nn.ConstantPad3d(1, 0.5)(x4).shape == (1, 4, 5, 6)
    assert nn.ConstantPad3d((1, 1, 1, 1), 0.5)(x4).shape == (1, 2, 5, 6)
    assert nn.ZeroPad2d((1, 1))(x4).shape == (1, 2, 3, 6)
    assert nn.ConstantPad1d((-1, 1), 0.5)(ms.Tensor(np.zeros((3, 4), np.float32))).shape == (3, 4)


def test_reflection_replication_match_mindspore():
    x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
    np.testing.assert_array_equal(nn.ReflectionPad1d((3, 1))(x).asnumpy(),
                                  [[3, 2, 1, 0, 1, 2, 3, 2], [7, 6, 5, 4, 5, 6, 7, 6],
                                   [11, 10, 9, 8, 9, 10, 11, 10]])
    np.testing.assert_array_equal(nn.ReplicationPad1d(-1)(x).asnumpy(), [[1, 2], [5, 6], [9, 10]])
    y = ms.Tensor(np.arange(6, dtype=np.float32).reshape(1, 2, 3))
    np.testing.assert_array_equal(nn.ReplicationPad2d((1, 0, 2, 1))(y).asnumpy(),
                                  [[[0, 0, 1, 2]] * 3 + [[3, 3, 4, 5]] * 2])
    x4 = ms.Tensor(np.zeros((1, 2, 3, 4), np.float32))
    # MindSpore 2.10's shapes: reflection takes any rank >= the padded axes.
    assert nn.ReflectionPad1d(1)(x4).shape == (1, 2, 3, 6)
    assert nn.ReflectionPad1d(1)(ms.Tensor(np.zeros(4, np.float32))).shape == (6,)
    assert nn.ReflectionPad1d((1, 1, 1, 1))(x4).shape == (1, 2, 5, 6)
    assert nn.ReflectionPad2d(1)(ms.Tensor(np.ones((1, 1, 2, 3, 4), np.float32))).shape == (1, 1, 2, 5, 6)
    assert nn.ReflectionPad3d(1)(x4[0]).shape == (4, 5, 6)
    assert nn.ReplicationPad1d((1, 1, 1, 1))(x4).shape == (1, 2, 5, 6)
    assert nn.ReplicationPad3d((1, 0, 2, 0, 1, 1))(
        ms.Tensor(np.ones((1, 1, 2, 3, 4), np.float32))).shape == (1, 1, 4, 5, 5)
    assert nn.ReplicationPad3d(1)(x4).shape == (1, 4, 5, 6)
    xi = ms.Tensor(np.arange(12, dtype=np.int32).reshape(3, 4))
    assert nn.ReplicationPad1d(1)(xi).dtype == ms.int32
    assert nn.ReflectionPad2d(1)(xi).shape == (5, 6)


def test_pad_matches_mindspore():
    xi = ms.Tensor(np.arange(12, dtype=np.int32).reshape(3, 4))
    out = nn.Pad(((1, 1), (2, 2)))(xi)
    assert out.dtype == ms.int32 and out.shape == (5, 8)
    np.testing.assert_array_equal(out.asnumpy()[1], [0, 0, 0, 1, 2, 3, 0, 0])
    x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
    out = nn.Pad(((0, 0), (4, 4)), mode="SYMMETRIC")(x)
    np.testing.assert_array_equal(out.asnumpy()[0], [3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0])
    assert nn.Pad(((3, 3), (0, 0)), mode="SYMMETRIC")(x).shape == (9, 4)
    assert repr(nn.Pad(((1, 1),))) == "Pad()" and repr(nn.ZeroPad2d(1)) == "ZeroPad2d()"


@pytest.mark.parametrize("trial", range(6))
def test_against_numpy_random(trial):
    rank = int(RNG.integers(3, 6))
    shape = tuple(int(s) for s in RNG.integers(2, 6, size=rank))
    a = RNG.standard_normal(shape).astype(np.float32)
    x = ms.Tensor(a)
    k = int(RNG.integers(1, 4))
    pads = tuple(int(v) for v in RNG.integers(0, 3, size=2 * k))
    cls = [nn.ConstantPad1d, nn.ConstantPad2d, nn.ConstantPad3d][k - 1]
    np.testing.assert_array_equal(cls(pads, 1.5)(x).asnumpy(),
                                  _np_pad(a, pads, "constant", constant_values=1.5))
    np.testing.assert_array_equal(nn.ZeroPad2d(pads[:4])(x).asnumpy(),
                                  _np_pad(a, pads[:4], "constant"))
    small = tuple(min(p, min(shape) - 1) for p in pads)
    refl = [nn.ReflectionPad1d, nn.ReflectionPad2d, nn.ReflectionPad3d][k - 1]
    np.testing.assert_array_equal(refl(small)(x).asnumpy(), _np_pad(a, small, "reflect"))
    if rank in (k + 1, k + 2):
        rep = [nn.ReplicationPad1d, nn.ReplicationPad2d, nn.ReplicationPad3d][k - 1]
        np.testing.assert_array_equal(rep(pads)(x).asnumpy(), _np_pad(a, pads, "edge"))
    if rank <= 4:
        pairs = tuple((int(RNG.integers(0, s + 1)), int(RNG.integers(0, s + 1))) for s in shape)
        np.testing.assert_array_equal(nn.Pad(pairs, "SYMMETRIC")(x).asnumpy(),
                                      np.pad(a, pairs, mode="symmetric"))
        pairs = tuple((min(p, s - 1), min(q, s - 1)) for (p, q), s in zip(pairs, shape))
        np.testing.assert_array_equal(nn.Pad(pairs, "REFLECT")(x).asnumpy(),
                                      np.pad(a, pairs, mode="reflect"))
        np.testing.assert_array_equal(nn.Pad(pairs)(x).asnumpy(), np.pad(a, pairs))


def test_gradient_flows_through_padding():
    x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    g = ms.grad(lambda t: nn.ReflectionPad1d((2, 1))(t).sum())(x)
    # Reflect (2, 1) of [a b c] is [c b a b c b]: a counts 1, b 3, c 2.
    np.testing.assert_array_equal(g.asnumpy(), [[1, 3, 2], [1, 3, 2]])


@pytest.mark.parametrize("make, exc", [
    (lambda: nn.ConstantPad1d((1, 1, 1, 1), 0.5), ValueError),
    (lambda: nn.ConstantPad1d(1.0, 0.5), TypeError),
    (lambda: nn.ConstantPad1d(1, "a"), TypeError),
    (lambda: nn.ConstantPad2d((1, 1, 1), 0.0), ValueError),
    (lambda: nn.ConstantPad2d((1,) * 6, 0.0), ValueError),
    (lambda: nn.ConstantPad3d((1,) * 8, 0.0), ValueError),
    (lambda: nn.ZeroPad2d([1, 1, 1, 1]), TypeError),
    (lambda: nn.ZeroPad2d((1, 1, 1)), ValueError),
    (lambda: nn.ReflectionPad1d(-1), ValueError),
    (lambda: nn.ReflectionPad1d((1, 1, 1)), ValueError),
    (lambda: nn.ReflectionPad1d(1.5), TypeError),
    (lambda: nn.ReflectionPad1d((1.5, 1)), TypeError),
    (lambda: nn.ReplicationPad1d([1, 1]), TypeError),
    (lambda: nn.ReplicationPad1d((1, 1, 1)), ValueError),
    (lambda: nn.Pad([[1, 1], [2, 2]]), TypeError),
    (lambda: nn.Pad(1), TypeError),
    (lambda: nn.Pad(((1, 1), (2, 2)), mode="constant"), ValueError),
    (lambda: nn.Pad(((1, 1, 1), (2, 2))), ValueError),
    (lambda: nn.Pad(((1, 1),) * 5), ValueError),
    (lambda: nn.Pad(((-1, 1), (0, 0))), ValueError),
])
def test_bad_arguments(make, exc):
    with pytest.raises(exc):
        make()


X1 = ms.Tensor(np.arange(4, dtype=np.float32))
X2 = ms.Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
X4 = ms.Tensor(np.zeros((1, 2, 3, 4), np.float32))


@pytest.mark.parametrize("cell, x, exc", [
    (nn.ConstantPad1d((-3, -2), 0.5), X2, ValueError),   # output size -1
    (nn.ConstantPad2d(1, 0.5), X1, ValueError),          # pads 2 axes of a 1-D input
    (nn.ConstantPad3d(1, 0.5), X2, ValueError),
    (nn.ZeroPad2d(1), X1, ValueError),
    (nn.ReflectionPad1d(4), X2, ValueError),             # 4 is not < 4
    (nn.ReflectionPad1d(1), ms.Tensor(np.ones((2, 0), np.float32)), ValueError),
    (nn.ReplicationPad1d(1), X4, ValueError),            # needs 2-D or 3-D
    (nn.ReplicationPad1d(1), X1, ValueError),
    (nn.ReplicationPad2d(1), X2, ValueError),
    (nn.ReplicationPad3d(1), X4[0], ValueError),
    (nn.ReplicationPad2d((1, 1)), X4, ValueError),
    (nn.Pad(((1, 1),)), X2, ValueError),                 # rank mismatch
    (nn.Pad(((3, 3), (0, 0)), mode="REFLECT"), X2, ValueError),
    (nn.Pad(((4, 3), (0, 0)), mode="SYMMETRIC"), X2, ValueError),
    (nn.ZeroPad2d(1), np.ones((2, 3)), TypeError),
    (nn.Pad(((1, 1),)), np.ones((2,)), TypeError),
])
def test_bad_inputs(cell, x, exc):
    with pytest.raises(exc):
        cell(x)

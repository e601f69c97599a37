"""``mindspore.common.initializer``'s rules: the distribution each draws (moments and bounds
against MindSpore 2.10's formulas, which its own draws matched within sampling error), the exact
ones (``Identity``, ``Dirac``, ``Orthogonal``'s orthogonality, ``Sparse``'s zeros per column),
string names, layers taking them, and errors for shapes a rule cannot fill."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn
from easy_mindspore.common.initializer import (Dirac, HeNormal, HeUniform, Identity, Orthogonal,
                                               Sparse, TruncatedNormal, VarianceScaling,
                                               XavierNormal, initializer)


def draw(init, shape):
    ms.set_seed(3)
    t = initializer(init, shape, ms.float32)
    assert t.shape == shape and t.dtype == ms.float32
    return t.asnumpy().astype(np.float64)


@pytest.mark.parametrize("init, shape, sd", [
    (XavierNormal(), (200, 300), math.sqrt(2 / 500)),
    (XavierNormal(gain=2), (200, 300), 2 * math.sqrt(2 / 500)),
    (HeNormal(), (200, 300), math.sqrt(2 / 300)),
    (HeNormal(mode="fan_out", nonlinearity="relu"), (300, 200), math.sqrt(2 / 300)),
    (HeNormal(negative_slope=1.0), (200, 300), math.sqrt(1 / 300)),
    (VarianceScaling(2.0, "fan_avg", "untruncated_normal"), (200, 300), math.sqrt(2 / 250)),
    ("xavier_normal", (200, 300), math.sqrt(2 / 500)),
    ("he_normal", (200, 300), math.sqrt(2 / 300)),
])
def test_normal_rules_have_the_documented_spread(init, shape, sd):
    a = draw(init, shape)
    assert abs(a.mean()) < 4 * sd / math.sqrt(a.size)
    assert abs(a.std() / sd - 1) < 0.03


@pytest.mark.parametrize("init, bound", [
    (HeUniform(nonlinearity="tanh"), 5 / 3 * math.sqrt(3 / 300)),
    (HeUniform(nonlinearity="sigmoid"), math.sqrt(3 / 300)),
    (HeUniform(), math.sqrt(6 / 300)),
    (VarianceScaling(1.0, "fan_out", "uniform"), math.sqrt(3 / 200)),
])
def test_uniform_rules_fill_their_bounds(init, bound):
    a = draw(init, (200, 300))
    assert a.max() <= bound * (1 + 1e-6) and a.min() >= -bound * (1 + 1e-6)
    assert a.max() > 0.99 * bound and a.min() < -0.99 * bound


def test_truncated_normals_stay_inside_their_bounds():
    a = draw(TruncatedNormal(0.02), (300, 300))
    assert abs(a.std() / 0.02 - 1) < 0.02 and np.abs(a).max() < 0.02 * 6
    b = draw(TruncatedNormal(1.0, 0.0, -0.5, 1.0), (300, 300))
    assert b.min() >= -0.5 and b.max() <= 1.0 and b.min() < -0.49 and b.max() > 0.99
    # The mean of N(0, 1) restricted to [-0.5, 1]: (φ(-0.5) - φ(1)) / (Φ(1) - Φ(-0.5)) = 0.2057.
    assert abs(b.mean() - 0.2057) < 0.01
    # VarianceScaling's default: a normal truncated at two standard deviations, variance 1/fan_in
    # (MindSpore 2.10 draws a uniform here by a misspelt comparison; see init.rs).
    c = draw(VarianceScaling(), (300, 400))
    sd = math.sqrt(1 / 400) / 0.8796256610342398
    assert np.abs(c).max() <= 2 * sd * (1 + 1e-6) and abs(c.std() * math.sqrt(400) - 1) < 0.03


def test_exact_rules():
    np.testing.assert_array_equal(draw(Identity(), (3, 4)), np.eye(3, 4))
    d = draw(Dirac(2), (4, 3, 3, 3))
    assert np.argwhere(d).tolist() == [[0, 0, 1, 1], [1, 1, 1, 1], [2, 0, 1, 1], [3, 1, 1, 1]]
    assert d.sum() == 4
    q = draw(Orthogonal(2.0), (30, 5, 10))
    m = q.reshape(30, 50)
    np.testing.assert_allclose(m @ m.T, 4 * np.eye(30), atol=1e-4)
    s = draw(Sparse(0.3, 0.5), (40, 60))
    assert set((s == 0).sum(axis=0)) == {12}
    assert abs(s[s != 0].std() / 0.5 - 1) < 0.05


def test_layers_take_the_new_rules():
    d = nn.Dense(3, 4, weight_init=HeNormal(), bias_init=TruncatedNormal(0.5))
    assert d.weight.shape == (4, 3) and np.abs(d.bias.asnumpy()).max() <= 2.0
    c = nn.Conv2d(3, 3, 3, weight_init=Dirac(), has_bias=False)
    x = ms.Tensor(np.random.rand(1, 3, 5, 5).astype(np.float32))
    np.testing.assert_allclose(c(x).asnumpy(), x.asnumpy(), rtol=1e-6)
    e = nn.Dense(4, 4, weight_init="orthogonal")
    w = e.weight.asnumpy().astype(np.float64)
    np.testing.assert_allclose(w @ w.T, np.eye(4), atol=1e-5)


@pytest.mark.parametrize("make", [
    lambda: initializer(Identity(), (3, 4, 5), ms.float32),
    lambda: initializer(Dirac(3), (4, 3, 3, 3), ms.float32),
    lambda: initializer(Dirac(), (4, 3), ms.float32),
    lambda: initializer(Orthogonal(), (5,), ms.float32),
    lambda: initializer(Sparse(0.1), (3, 3, 3), ms.float32),
    lambda: VarianceScaling(-1.0),
    lambda: VarianceScaling(mode="fan"),
    lambda: HeUniform(nonlinearity="foo"),
])
def test_shapes_a_rule_cannot_fill_are_value_errors(make):
    with pytest.raises(ValueError):
        make()


def test_complex_dtypes_and_fans_as_mindspore():
    import easy_mindspore as ms
    from easy_mindspore.common.initializer import initializer
    # complex dtypes get real values (MindSpore 2.10)
    t = initializer("ones", (2,), ms.complex64)
    assert t.dtype == ms.complex64 and t.asnumpy().tolist() == [1 + 0j, 1 + 0j]
    assert initializer(3, (2,), ms.complex128).asnumpy().tolist() == [3 + 0j, 3 + 0j]
    assert not initializer("normal", (4,), ms.complex64).asnumpy().imag.any()
    for rule in ("xavier_uniform", "he_normal", HeUniform()):
        with pytest.raises(ValueError, match="^'fan_in' and 'fan_out' can not be computed for tensor with "
                                             "fewer than 2 dimensions, but got dimensions 1.$"):
            initializer(rule, (2,), ms.float32)

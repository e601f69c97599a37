"""The losses of losses_more.py against values MindSpore 2.10 printed for the same inputs, against
NumPy formulas on random inputs, and MindSpore's error classes for bad arguments."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

RNG = np.random.default_rng(5)
F = ms.float32


def T(a, dtype=F):
    return ms.Tensor(np.asarray(a), dtype)


def close(t, want, rtol=1e-5):
    np.testing.assert_allclose(t.asnumpy(), want, rtol=rtol, atol=1e-6)


def _softplus(v):
    return np.logaddexp(0.0, v)


def test_margin_ranking():
    x1, x2 = T([0.3864, -2.4093, -1.4076]), T([-0.6012, -1.6681, 1.2928])
    y = T([1, 1, -1])
    close(nn.MarginRankingLoss()(x1, x2, y), 0.24706669)           # MindSpore 2.10
    close(nn.MarginRankingLoss(margin=0.5, reduction='none')(x1, x2, y), [0, 1.2412001, 0])
    close(nn.MarginRankingLoss(margin=0.5, reduction='sum')(x1, x2, y), 1.2412001)
    out = nn.MarginRankingLoss()(T([0, -2, -1], ms.int32), T([0, -1, 1], ms.int32),
                                 T([1, 1, -1], ms.int32))
    assert out.dtype == ms.float32
    close(out, 0.33333334)
    a, b = RNG.standard_normal((4, 5)), RNG.standard_normal((4, 5))
    s = np.sign(RNG.standard_normal((4, 5)))
    close(nn.MarginRankingLoss(0.3, 'none')(T(a), T(b), T(s)), np.maximum(0, -s * (a - b) + 0.3))
    with pytest.raises(ValueError):
        nn.MarginRankingLoss(reduction='x')
    with pytest.raises(TypeError):
        nn.MarginRankingLoss(margin=1)
    with pytest.raises(ValueError):
        nn.MarginRankingLoss()(x1, x2[:2], y)


def test_hinge_embedding():
    logits = T(np.array([0.9, -1.2, 2, 0.8, 3.9, 2, 1, 0, -1]).reshape(3, 3))
    labels = T([[1, 1, -1], [1, -1, -1], [-1, 1, -1]])
    close(nn.HingeEmbeddingLoss(margin=1.0)(logits, labels), 0.2777778)
    close(nn.HingeEmbeddingLoss(margin=2.0, reduction='none')(logits, labels),
          [[0.9, -1.2, 0], [0.8, 0, 0], [1, 0, 3]])
    close(nn.HingeEmbeddingLoss()(logits, labels[0]), 0.82222223)      # broadcast labels
    close(nn.HingeEmbeddingLoss(reduction='none')(logits, labels * 0), np.zeros((3, 3)))
    close(nn.HingeEmbeddingLoss()(logits, T(labels.asnumpy(), ms.float16)), 0.2777778)
    assert nn.HingeEmbeddingLoss(margin=1).margin == 1
    with pytest.raises(TypeError):
        nn.HingeEmbeddingLoss(margin='a')
    with pytest.raises(TypeError):
        nn.HingeEmbeddingLoss()(T(np.ones((3, 3)), ms.int32), labels)


def test_multi_margin():
    x = T(np.ones((3, 3)))
    close(nn.MultiMarginLoss()(x, T([1, 2, 1], ms.int64), T(np.ones(3))), 0.6666667)
    close(nn.MultiMarginLoss()(T([[0.3, 0.7], [0.5, 0.5]]), T([0, 1], ms.int64)), 0.6)
    x4 = T([[0.1, 0.2, 0.4, 0.8], [0.3, -0.2, 0.9, 0.1]])
    y4 = T([3, 0], ms.int64)
    close(nn.MultiMarginLoss(p=2, margin=0.5, reduction='none')(x4, y4), [0.0025, 0.32499996])
    close(nn.MultiMarginLoss(reduction='sum', weight=T([1., 2., 3., 4.]))(x4, y4), 2.0249999)
    # NumPy: (1/C) Σ_{i≠y} w_y max(0, margin − x_y + x_i)^p
    a = RNG.standard_normal((5, 4)).astype(np.float32)
    t = RNG.integers(0, 4, 5)
    w = RNG.random(4).astype(np.float32)
    h = np.maximum(0, 0.7 - a[np.arange(5), t][:, None] + a) ** 2
    h[np.arange(5), t] = 0
    close(nn.MultiMarginLoss(p=2, margin=0.7, reduction='none')(T(a), T(t, ms.int64), T(w)),
          h.sum(1) / 4 * w[t])
    for make, exc in ((lambda: nn.MultiMarginLoss(p=3), ValueError),
                      (lambda: nn.MultiMarginLoss(margin=1), TypeError)):
        with pytest.raises(exc):
            make()
    xx = T([[0.3, 0.7], [0.5, 0.5]])
    for args, exc in (((xx, T([0, 1], ms.int32)), TypeError),
                      ((xx, T([0, 1])), TypeError),
                      ((T([[0, 1], [1, 0]], ms.int32), T([0, 1], ms.int64)), TypeError),
                      ((xx[0], T([0], ms.int64)), ValueError),
                      ((xx, T([0], ms.int64)), ValueError),
                      ((xx, T([0, 2], ms.int64)), ValueError)):
        with pytest.raises(exc):
            nn.MultiMarginLoss()(*args)


def test_multilabel_soft_margin():
    x = T([[0.3, 0.7], [0.5, 0.5]])
    y = T([[0, 1], [1, 0]], ms.int32)
    close(nn.MultiLabelSoftMarginLoss()(x, y), 0.67642355)
    close(nn.MultiLabelSoftMarginLoss(reduction="none")(x, y), [0.6287703, 0.72407687])
    close(nn.MultiLabelSoftMarginLoss(weight=T([1.0, 2.0]), reduction="sum")(x, y), 2.0414789)
    close(nn.MultiLabelSoftMarginLoss()(x[0], y[0]), 0.6287704)
    close(nn.MultiLabelSoftMarginLoss()(T(np.ones((2, 2, 2))), T(np.ones((2, 2, 2)))), 0.3132612)
    close(nn.MultiLabelSoftMarginLoss()(x, y[:1]), 0.67642367)    # broadcast target
    a = RNG.standard_normal((3, 5))
    t = RNG.integers(0, 2, (3, 5))
    want = ((t * _softplus(-a) + (1 - t) * _softplus(a)).mean(1))
    close(nn.MultiLabelSoftMarginLoss(reduction='none')(T(a), T(t)), want)
    with pytest.raises(TypeError):
        nn.MultiLabelSoftMarginLoss(weight=[1.0, 2.0])
    with pytest.raises(TypeError):
        nn.MultiLabelSoftMarginLoss()(T([[1, 2]], ms.int32), y)


def test_poisson_nll():
    x, y = T([[0.3, 0.7], [0.5, 0.5]]), T([[1.0, 2.0], [3.0, 4.0]])
    close(nn.PoissonNLLLoss()(x, y), 0.36526343)
    close(nn.PoissonNLLLoss(reduction='sum')(x, y), 1.4610537)
    close(nn.PoissonNLLLoss(log_input=False, full=True, reduction='none')(x, y),
          [[1.5039725, 2.0651555], [4.343522, 6.4298496]])
    close(nn.PoissonNLLLoss(full=True, reduction='none')(x, y),
          [[1.0498579, 1.265559], [1.9128023, 2.8059833]])
    close(nn.PoissonNLLLoss()(x, y[0]), 0.86526346)
    a, t = RNG.random((3, 4)) + 0.1, RNG.integers(0, 6, (3, 4)).astype(np.float64)
    st = np.where(t > 1, t * np.log(np.maximum(t, 1e-8)) - t + 0.5 * np.log(2 * math.pi * np.maximum(t, 1e-8)), 0)
    close(nn.PoissonNLLLoss(log_input=False, full=True, reduction='none')(T(a), T(t)),
          a - t * np.log(a + 1e-8) + st)
    with pytest.raises(TypeError):
        nn.PoissonNLLLoss()(T([[1, 2]], ms.int32), y)
    with pytest.raises(ValueError):
        nn.PoissonNLLLoss()(x, T(np.ones(3)))


def test_gaussian_nll():
    logits = T(np.arange(8).reshape(4, 2))
    labels = T(np.array([2, 3, 1, 4, 6, 4, 4, 9]).reshape(4, 2))
    var = T(np.ones((4, 1)))
    close(nn.GaussianNLLLoss(reduction='mean')(logits, labels, var), 1.4375)
    close(nn.GaussianNLLLoss(full=True, reduction='none')(logits, labels, var * 2),
          [[2.265512, 2.265512], [1.515512, 1.515512], [2.265512, 1.515512], [2.265512, 2.265512]])
    close(nn.GaussianNLLLoss(reduction='sum')(logits, labels, T(np.arange(1, 9).reshape(4, 2))),
          9.613014)
    close(nn.GaussianNLLLoss(reduction='none')(logits, labels, T(np.ones(4))),
          [[2, 2], [0.5, 0.5], [2, 0.5], [2, 2]])
    close(nn.GaussianNLLLoss(reduction='none')(logits, labels, var * 0),
          [[1999993.1] * 2, [499993.1] * 2, [1999993.1, 499993.1], [1999993.1] * 2], rtol=1e-6)
    out = nn.GaussianNLLLoss()(T(np.arange(8).reshape(4, 2), ms.int32), labels, var)
    assert out.dtype == ms.float32
    close(out, 1.4375)
    with pytest.raises(TypeError):
        nn.GaussianNLLLoss(True)            # keyword-only
    with pytest.raises(TypeError):
        nn.GaussianNLLLoss(eps=1)
    with pytest.raises(ValueError):
        nn.GaussianNLLLoss(eps=0.0)
    with pytest.raises(TypeError):
        nn.GaussianNLLLoss(full=1)
    with pytest.raises(ValueError):
        nn.GaussianNLLLoss()(logits, labels, T(np.ones((4, 3))))
    with pytest.raises(ValueError):
        nn.GaussianNLLLoss()(logits, labels[:2], var)


def test_dice():
    logits = T([[0.2, 0.5], [0.3, 0.1], [0.9, 0.6]])
    labels = T([[0, 1], [1, 0], [0, 1]])
    close(nn.DiceLoss(smooth=1e-5)(logits, labels), 0.38596618)
    close(nn.DiceLoss()(logits, T(labels.asnumpy(), ms.int32)), 0.38596618)
    close(nn.DiceLoss()(logits[0], labels[0]), 0.22481221)
    close(nn.DiceLoss()(T(np.arange(8).reshape(2, 2, 2) / 8), T(np.ones((2, 2, 2)))), 0.3128841)
    with pytest.raises(ValueError):
        nn.DiceLoss()(logits, labels[:2])
    with pytest.raises(TypeError):
        nn.DiceLoss(smooth=1)
    with pytest.raises(ValueError):
        nn.DiceLoss(smooth=0.0)


def test_multiclass_dice():
    logits = T([[0.2, 0.5, 0.7], [0.3, 0.1, 0.5], [0.9, 0.6, 0.3]])
    labels = T([[0, 1, 0], [1, 0, 0], [0, 0, 1]])
    close(nn.MultiClassDiceLoss()(logits, labels), 0.54958093)
    close(nn.MultiClassDiceLoss(activation=None)(logits, labels), 0.58185863)
    close(nn.MultiClassDiceLoss(activation='sigmoid')(logits, labels), 0.44437099)
    close(nn.MultiClassDiceLoss(ignore_indiex=1, activation=None)(logits, labels), 0.45428538)
    close(nn.MultiClassDiceLoss()(T(np.ones((2, 3, 2))), T(np.ones((2, 3, 2)))), 0.2000016)
    # weights (C, 1): the mean of weighted per-class Dice losses
    a, b = logits.asnumpy(), labels.asnumpy()
    per = [1 - 2 * (a[:, i] * b[:, i]).sum() / ((a[:, i] ** 2).sum() + (b[:, i] ** 2).sum() + 1e-5)
           for i in range(3)]
    out = nn.MultiClassDiceLoss(weights=T([[1.], [2.], [3.]]), activation=None)(logits, labels)
    close(out, [(per[0] + 2 * per[1] + 3 * per[2]) / 3])
    with pytest.raises(ValueError):
        nn.MultiClassDiceLoss(weights=T([[1., 2., 3.]]), activation=None)(logits, labels)
    with pytest.raises(ValueError):
        nn.MultiClassDiceLoss(weights=T([1., 2., 3.]))
    with pytest.raises(ValueError):
        nn.MultiClassDiceLoss(activation='gelu')
    with pytest.raises(ValueError):
        nn.MultiClassDiceLoss()(logits[0], labels[0])


def test_focal():
    logits = T([[0.8, 1.4, 6.3], [1.9, 1.2, 2.7]])
    labels = T([[1], [1]], ms.int32)
    close(nn.FocalLoss(weight=T([1, 2]), gamma=2.0)(logits, labels), 6.352092)
    close(nn.FocalLoss(reduction='none')(logits, labels), [4.8394194, 1.5126724])
    close(nn.FocalLoss(weight=T([1., 2., 3.]), reduction='none')(
        T(np.arange(6).reshape(2, 3) / 6), T([[1], [2]], ms.int32)), [0.9938377, 1.0500797])
    close(nn.FocalLoss(reduction='none')(T(np.arange(12).reshape(1, 3, 2, 2) / 12),
                                         T(np.array([[[[0, 1], [2, 0]]]]), ms.int32)), [0.6268387])
    close(nn.FocalLoss()(logits, T([[1.0], [1.0]])), 3.176046)
    # one-hot labels: mean over positions of −(1−p)^γ·y·log p, per sample and class
    a = RNG.standard_normal((2, 3, 4))
    oh = np.eye(3)[RNG.integers(0, 3, (2, 4))].transpose(0, 2, 1)
    lp = a - np.log(np.exp(a).sum(1, keepdims=True))
    want = (-(1 - np.exp(lp)) ** 2 * oh * lp).mean(-1)
    close(nn.FocalLoss(reduction='none')(T(a), T(oh)), want)
    for make, exc in ((lambda: nn.FocalLoss(gamma=2), TypeError),
                      (lambda: nn.FocalLoss(weight=T([[1., 2.]])), ValueError),
                      (lambda: nn.FocalLoss(weight=[1., 2.]), TypeError)):
        with pytest.raises(exc):
            make()
    for args in ((T(np.ones((2, 3))), T([1, 2], ms.int32)),         # labels rank 1
                 (logits[0], labels[0]),
                 (logits, T([[1], [1], [1]], ms.int32)),
                 (T(np.ones((2, 1))), T([[0], [0]], ms.int32))):    # C = 1
        with pytest.raises(ValueError):
            nn.FocalLoss()(*args)
    with pytest.raises(RuntimeError):  # a class index outside [-C, C) (MindSpore 2.10)
        nn.FocalLoss()(logits, T([[3], [1]], ms.int32))
    with pytest.raises(TypeError):
        nn.FocalLoss()(logits, T([[1], [1]], ms.uint8))


def test_losses_are_differentiable():
    x = T([[0.3, 0.7], [0.5, 0.5]])
    y = T([[0, 1], [1, 0]])
    g = ms.grad(lambda t: nn.MultiLabelSoftMarginLoss(reduction='sum')(t, y))(x)
    # d/dx of softplus(−x)·y + softplus(x)·(1−y), over C = 2: (σ(x) − y)/2
    close(g, (1 / (1 + np.exp(-x.asnumpy())) - y.asnumpy()) / 2)
    g = ms.grad(lambda t: nn.DiceLoss()(t, y))(x)
    assert g.shape == (2, 2) and np.isfinite(g.asnumpy()).all()

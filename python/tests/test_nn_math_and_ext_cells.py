"""``nn.MatDet``, ``nn.MatInverse``, ``nn.IGamma``, ``nn.ParameterUpdate``,
``nn.TripletMarginWithDistanceLoss`` and the ``nn.*Ext`` names: values equal to what MindSpore 2.10
printed for the same calls (``MatDet``/``MatInverse`` have no CPU kernel there: against NumPy),
MindSpore's argument checks."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import mint, nn

SPD = np.array([[4., 12., -16.], [12., 37., -43.], [-16., -43., 98.]])
x = ms.Tensor(np.array([[1., 2.], [3., 4.]], np.float32))
pos = ms.Tensor(np.array([[1., 2.5], [2., 4.]], np.float32))
neg = ms.Tensor(np.array([[0., 0.], [3., 5.]], np.float32))


def test_spd_determinant_and_inverse_equal_numpys():
    batch = np.stack([SPD, np.array([[2., 1., 0.], [1., 3., 1.], [0., 1., 4.]])])
    for dtype, tol in ((np.float64, 1e-10), (np.float32, 2e-4)):
        t = ms.Tensor(batch.astype(dtype))
        det, inv = nn.MatDet()(t), nn.MatInverse()(t)
        assert det.shape == (2,) and inv.shape == (2, 3, 3) and det.dtype == t.dtype
        np.testing.assert_allclose(det.asnumpy(), np.linalg.det(batch), rtol=tol)
        np.testing.assert_allclose(inv.asnumpy(), np.linalg.inv(batch), rtol=tol, atol=tol)
    # Differentiable: d det / dA = det · A⁻ᵀ.
    a = ms.Tensor(SPD)
    g = ms.grad(lambda m: nn.MatDet()(m))(a)
    np.testing.assert_allclose(g.asnumpy(), np.linalg.det(SPD) * np.linalg.inv(SPD).T, rtol=1e-8)


def test_spd_cells_reject_bad_inputs():
    with pytest.raises(TypeError, match="MatDet.*Float32 or Float64"):
        nn.MatDet()(ms.Tensor([[1, 0], [0, 1]], ms.int32))
    with pytest.raises(ValueError, match=r"MatInverse.*square.*\(2, 3\)"):
        nn.MatInverse()(ms.Tensor(np.ones((2, 3), np.float32)))
    with pytest.raises(RuntimeError, match="MatDet.*positive definite"):
        nn.MatDet()(ms.Tensor(np.array([[1., 2.], [2., 1.]], np.float32)))


def test_igamma_and_parameter_update_equal_mindspores():
    # MindSpore's nn.IGamma (a series of Python ops) printed [0.6321192, 0.8008517], 1.3e-6 below
    # P(1, 1) = 1 − 1/e; ours gives ops.igamma's value, the Float32 rounding of it.
    got = nn.IGamma()(ms.Tensor([1., 2.]), ms.Tensor([1., 3.])).asnumpy()
    np.testing.assert_allclose(got, [0.6321192, 0.8008517], rtol=3e-6)
    np.testing.assert_allclose(got, [1 - np.exp(-1), 1 - 4 * np.exp(-3)], rtol=1e-7)
    p = ms.Parameter(ms.Tensor([1., 2.]), name="w")
    update = nn.ParameterUpdate(p)
    out = update(ms.Tensor([5., 6.]))
    np.testing.assert_array_equal(out.asnumpy(), [5., 6.])
    np.testing.assert_array_equal(p.asnumpy(), [5., 6.])
    assert repr(update) == "ParameterUpdate()"
    with pytest.raises(TypeError, match="ParameterUpdate.*'param' must be 'Parameter'"):
        nn.ParameterUpdate(ms.Tensor([1.]))


def test_triplet_margin_with_distance_equals_mindspores():
    assert float(nn.TripletMarginWithDistanceLoss()(x, pos, neg).asnumpy()) == pytest.approx(0.5)
    none = nn.TripletMarginWithDistanceLoss(swap=True, reduction="none", margin=0.5)(x, pos, neg)
    np.testing.assert_allclose(none.asnumpy(), [0., 0.5], atol=1e-7)
    squared = nn.TripletMarginWithDistanceLoss(
        distance_function=lambda a, b: ((a - b) ** 2).sum(-1), reduction="sum")(x, pos, neg)
    assert float(squared.asnumpy()) == pytest.approx(1.0)
    # Differentiable in the anchor: row 1 alone is active, d/dx (|x−p| − |x−n|).
    g = ms.grad(lambda a: nn.TripletMarginWithDistanceLoss(reduction="sum")(a, pos, neg))(x)
    np.testing.assert_allclose(g.asnumpy(), [[0., 0.], [1., 1.]], atol=1e-6)
    with pytest.raises(TypeError, match="'margin' must be a float"):
        nn.TripletMarginWithDistanceLoss(margin=1)
    with pytest.raises(TypeError, match="'swap' must be a bool"):
        nn.TripletMarginWithDistanceLoss(swap=1)
    with pytest.raises(ValueError, match="reduction"):
        nn.TripletMarginWithDistanceLoss(reduction="avg")
    with pytest.raises(TypeError, match="'positive' must be a Tensor"):
        nn.TripletMarginWithDistanceLoss()(x, [1., 2.], neg)
    with pytest.raises(ValueError, match="'ndim' of the input must be positive"):
        nn.TripletMarginWithDistanceLoss()(ms.Tensor(1.), ms.Tensor(2.), ms.Tensor(3.))


def test_ext_names_are_the_mint_layers():
    pairs = {"AvgPool1dExt": "AvgPool1d", "AvgPool2dExt": "AvgPool2d", "AvgPool3dExt": "AvgPool3d",
             "MaxPool2dExt": "MaxPool2d", "DropoutExt": "Dropout", "Dropout2dExt": "Dropout2d",
             "EmbeddingExt": "Embedding", "LayerNormExt": "LayerNorm",
             "LogSoftmaxExt": "LogSoftmax", "L1LossExt": "L1Loss", "PReLUExt": "PReLU"}
    for ext, layer in pairs.items():
        assert getattr(nn, ext) is getattr(mint.nn, layer), ext
        assert ext in nn.__all__
    pooled = nn.AvgPool2dExt(2)(ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)))
    np.testing.assert_array_equal(pooled.asnumpy(), [[[[2.5, 4.5], [10.5, 12.5]]]])

"""The 3-D primitive classes (``ops.Conv3D``, ``Conv3DTranspose``, ``MaxPool3D``, ``AvgPool3D``,
``MaxPool3DWithArgmax``, ``LRN``, ``MaxUnpool2D``, ``MaxUnpool3D``, ``CTCLossV2``) with MindSpore
2.10's constructor arguments: values against the NumPy references of ``test_nn_3d`` (MindSpore
2.10 gives the same on these cases, to 3e-6, checked when this was written) and their errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops
from test_nn_3d import (ref_avg_pool3d, ref_conv3d, ref_conv_transpose3d, ref_max_pool3d,
                        same_pads)

RNG = np.random.default_rng(3)
X = RNG.standard_normal((2, 3, 5, 6, 7))


def test_conv3d_primitive_pad_list_and_same():
    w = RNG.standard_normal((4, 3, 2, 3, 2))
    got = ops.Conv3D(4, (2, 3, 2), pad_mode="pad", pad=(1, 0, 2, 1, 0, 1), stride=(1, 2, 1))(Tensor(X), Tensor(w))
    np.testing.assert_allclose(got.asnumpy(), ref_conv3d(X, w, (1, 2, 1), [1, 0, 2, 1, 0, 1], (1, 1, 1), 1),
                               rtol=1e-12, atol=1e-12)
    got = ops.Conv3D(4, (2, 3, 2), pad_mode="same", stride=2)(Tensor(X), Tensor(w))
    pads = same_pads((5, 6, 7), (2, 3, 2), (2, 2, 2), (1, 1, 1))
    np.testing.assert_allclose(got.asnumpy(), ref_conv3d(X, w, (2, 2, 2), pads, (1, 1, 1), 1), rtol=1e-12,
                               atol=1e-12)
    with pytest.raises(TypeError):
        ops.Conv3D(4, (2, 3, 2))(Tensor(X), Tensor(w), Tensor(np.ones(4)))   # bias must be None
    with pytest.raises(ValueError):
        ops.Conv3D(5, (2, 3, 2))(Tensor(X), Tensor(w))                      # out_channel != weight's
    with pytest.raises(ValueError):
        ops.Conv3D(4, 2, pad_mode="valid", pad=1)


def test_conv3d_transpose_primitive():
    wt = RNG.standard_normal((3, 4, 2, 3, 2))
    got = ops.Conv3DTranspose(3, 4, (2, 3, 2), pad_mode="pad", pad=(1, 0, 1, 1, 0, 1), stride=2,
                              output_padding=1)(Tensor(X), Tensor(wt))
    want = ref_conv_transpose3d(X, wt, (2, 2, 2), (1, 1, 1), 1, [1, 0, 1, 1, 0, 1], (1, 1, 1))
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)
    got = ops.Conv3DTranspose(3, 4, (2, 3, 2))(Tensor(X), Tensor(wt))     # 'valid' by default
    want = ref_conv_transpose3d(X, wt, (1, 1, 1), (1, 1, 1), 1, [0] * 6, (0, 0, 0))
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError):
        ops.Conv3DTranspose(3, 4, 2, pad_mode="same", output_padding=1)
    with pytest.raises(ValueError):   # 3 input channels do not split into 2 groups
        ops.Conv3DTranspose(3, 4, 2, group=2)(ops.ones((1, 3, 2, 2, 2)), ops.ones((3, 2, 2, 2, 2)))
    grouped = ops.Conv3DTranspose(4, 6, 2, group=2)(Tensor(X[:, :2].repeat(2, axis=1)), Tensor(RNG.standard_normal((4, 3, 2, 2, 2))))
    assert grouped.shape == (2, 6, 6, 7, 8)


def test_pool3d_primitives():
    got = ops.MaxPool3D(3, 2, "PAD", (1, 0, 0, 1, 1, 1), ceil_mode=True)(Tensor(X))
    np.testing.assert_array_equal(got.asnumpy(), ref_max_pool3d(X, (3,) * 3, (2,) * 3, [1, 0, 0, 1, 1, 1],
                                                                (1,) * 3, True)[0])
    got = ops.MaxPool3D(3, 2, "same")(Tensor(X))
    pads = same_pads((5, 6, 7), (3, 3, 3), (2, 2, 2), (1, 1, 1))
    np.testing.assert_array_equal(got.asnumpy(), ref_max_pool3d(X, (3,) * 3, (2,) * 3, pads, (1,) * 3, False)[0])
    got = ops.AvgPool3D(3, 2, "same", count_include_pad=False)(Tensor(X))
    np.testing.assert_allclose(got.asnumpy(), ref_avg_pool3d(X, (3,) * 3, (2,) * 3, pads, False, False, 0),
                               rtol=1e-12)
    got = ops.AvgPool3D(3, 2, "pad", 1, True, True, 3)(Tensor(X))
    np.testing.assert_allclose(got.asnumpy(), ref_avg_pool3d(X, (3,) * 3, (2,) * 3, [1] * 6, True, True, 3),
                               rtol=1e-12)
    out, idx = ops.MaxPool3DWithArgmax((3, 2, 3), (1, 2, 2), 1, dilation=(2, 1, 2), ceil_mode=True,
                                       argmax_type=ms.int32)(Tensor(X))
    want, want_idx = ref_max_pool3d(X, (3, 2, 3), (1, 2, 2), [1] * 6, (2, 1, 2), True)
    np.testing.assert_array_equal(out.asnumpy(), want)
    assert idx.dtype == ms.int32
    np.testing.assert_array_equal(idx.asnumpy(), want_idx)
    with pytest.raises(ValueError):
        ops.MaxPool3D(2, 2)(Tensor(X[0]))
    with pytest.raises(ValueError):
        ops.MaxPool3D(2, 2, "valid", 1)
    with pytest.raises(ValueError):
        ops.AvgPool3D(2, 2, divisor_override=-1)
    with pytest.raises(TypeError):
        ops.MaxPool3DWithArgmax(2, 2, 0, argmax_type=ms.float32)


def test_lrn_unpool_and_ctc_primitives_forward_to_the_functions():
    x = Tensor(X[:, :, 0])
    np.testing.assert_array_equal(ops.LRN(2, 1.0, 0.5, 0.75)(x).asnumpy(),
                                  ops.lrn(x, 2, 1.0, 0.5, 0.75).asnumpy())
    v, i = ops.max_pool3d(Tensor(X), 2, 2, return_indices=True)
    np.testing.assert_array_equal(ops.MaxUnpool3D(2, 2, output_shape=(2, 3, 5, 7, 7))(v, i).asnumpy(),
                                  ops.max_unpool3d(v, i, 2, output_size=(5, 7, 7)).asnumpy())
    v2, i2 = ops.max_pool2d(x, 2, 2, return_indices=True)
    np.testing.assert_array_equal(ops.MaxUnpool2D(2, output_shape=(2, 3, 6, 7))(v2, i2).asnumpy(),
                                  ops.max_unpool2d(v2, i2, 2, output_size=(6, 7)).asnumpy())
    lp = Tensor(np.log(np.full((3, 2, 3), 1 / 3)))
    args = (Tensor(np.array([[1, 2], [1, 0]], np.int32)), Tensor(np.array([3, 3], np.int32)),
            Tensor(np.array([2, 1], np.int32)))
    loss, alpha = ops.CTCLossV2()(lp, *args)          # reduction 'none' by default
    want, want_alpha = ops.ctc_loss(lp, *args, reduction="none")
    np.testing.assert_array_equal(loss.asnumpy(), want.asnumpy())
    np.testing.assert_array_equal(alpha.asnumpy(), want_alpha.asnumpy())
    # every length-3 path over 3 classes that collapses to [1, 2]: 5 of 27, so -log(5/27)
    np.testing.assert_allclose(loss.asnumpy()[0], -np.log(5 / 27), rtol=1e-12)
    with pytest.raises(ValueError):
        ops.MaxUnpool2D(2)(v, i)                       # 5-D input to the 2-D unpool
    with pytest.raises(ValueError):
        ops.LRN(norm_region="WITHIN_CHANNEL")


def test_conv_transpose2d_matches_numpy_and_its_gradient():
    rng = np.random.default_rng(11)
    x = rng.standard_normal((2, 4, 5, 6))
    w = rng.standard_normal((4, 3, 3, 2))
    b = rng.standard_normal(6)
    kw = {"stride": (2, 3), "padding": (1, 0), "output_padding": (1, 2), "groups": 2, "dilation": (1, 2)}
    got = ops.conv_transpose2d(Tensor(x), Tensor(w), Tensor(b), **kw)
    # MindSpore's formula: (L - 1)·s - 2·p + d·(k - 1) + o + 1 per side
    assert got.shape == (2, 6, (5 - 1) * 2 - 2 + 2 + 1 + 1, (6 - 1) * 3 + 2 * 1 + 2 + 1)
    want = ref_conv_transpose3d(x[:, :, None], w[:, :, None], (1, 2, 3), (1, 1, 2), 2, [0, 0, 1, 1, 0, 0],
                                (0, 1, 2))[:, :, 0] + b.reshape(-1, 1, 1)
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(ops.conv_transpose2d(Tensor(x[0]), Tensor(w), Tensor(b), **kw).asnumpy(), want[0],
                               rtol=1e-12, atol=1e-12)
    ct = rng.standard_normal(want.shape)
    g = ops.grad(lambda a: (ops.conv_transpose2d(a, Tensor(w), None, **kw) * Tensor(ct)).sum())(Tensor(x))
    # the transpose of a linear map: the gradient is conv2d of the cotangent with the same weight
    back = ops.conv2d(Tensor(ct), Tensor(w), None, (2, 3), "pad", (1, 1, 0, 0), (1, 2), 2)
    np.testing.assert_allclose(g.asnumpy(), back.asnumpy()[:, :, :5, :6], rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError):
        ops.conv_transpose2d(Tensor(x), Tensor(w), stride=2, output_padding=2)
    with pytest.raises(ValueError):
        ops.conv_transpose2d(Tensor(x), Tensor(w), stride=(1, 1, 1))
    with pytest.raises(TypeError):
        ops.conv_transpose2d(Tensor(x), Tensor(w), groups=1.0)


def test_avg_pool1d_and_adaptive_pool3d_functions():
    rng = np.random.default_rng(12)
    x1 = rng.standard_normal((2, 3, 7))
    got = ops.avg_pool1d(Tensor(x1), 3, 2, 1, True, False)
    want = ref_avg_pool3d(x1[:, :, None, None], (1, 1, 3), (1, 1, 2), [0, 0, 0, 0, 1, 1], True, False, 0)[:, :, 0, 0]
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12)
    with pytest.raises(ValueError):
        ops.avg_pool1d(Tensor(x1[0]), 2)          # MindSpore: 3-D only
    x3 = Tensor(rng.standard_normal((2, 3, 5, 6, 7)))
    np.testing.assert_array_equal(ops.adaptive_avg_pool3d(x3, (2, 3, None)).asnumpy(),
                                  nn.AdaptiveAvgPool3d((2, 3, None))(x3).asnumpy())
    out, idx = ops.adaptive_max_pool3d(x3, 3, True)
    want_out, want_idx = nn.AdaptiveMaxPool3d(3, True)(x3)
    np.testing.assert_array_equal(out.asnumpy(), want_out.asnumpy())
    np.testing.assert_array_equal(idx.asnumpy(), want_idx.asnumpy())


def test_dropout2d_and_dropout3d_drop_whole_channels():
    ms.set_seed(5)
    x = Tensor(np.arange(1.0, 1 + 4 * 16 * 2 * 3 * 2).reshape(4, 16, 2, 3, 2))
    out = ops.dropout3d(x, 0.25).asnumpy()
    kept = out.reshape(4, 16, -1)
    dropped = (kept == 0).all(axis=2)
    scaled = np.isclose(kept, x.asnumpy().reshape(4, 16, -1) / 0.75).all(axis=2)
    assert (dropped | scaled).all() and dropped.any() and scaled.any()   # each channel one or the other
    g = ops.grad(lambda a: ops.dropout2d(a, 0.5).sum())(Tensor(np.ones((2, 8, 2, 2))))
    assert set(np.unique(g.asnumpy()).tolist()) <= {0.0, 2.0}
    np.testing.assert_array_equal(ops.dropout3d(x, 0.5, training=False).asnumpy(), x.asnumpy())
    np.testing.assert_array_equal(ops.dropout3d(x, 1.0).asnumpy(), np.zeros(x.shape))
    with pytest.raises(ValueError):
        ops.dropout3d(x[0], 0.5)
    with pytest.raises(ValueError):
        ops.dropout2d(x, 0.5)
    with pytest.raises(ValueError):
        ops.dropout3d(x, 1.5)


def test_lp_pool_functions_match_mindspore():
    rng = np.random.default_rng(0)
    x1 = Tensor(rng.uniform(0.1, 2, (2, 3, 7)).astype(np.float32))
    x2 = Tensor(rng.uniform(0.1, 2, (2, 3, 5, 6)).astype(np.float32))
    # MindSpore 2.10 on these inputs (first five values)
    np.testing.assert_allclose(ops.lp_pool1d(x1, 2, 3, 2).asnumpy().ravel()[:5],
                               [1.457257, 1.6600074, 2.7640865, 2.6483064, 2.5011477], rtol=1e-6)
    y = ops.lp_pool1d(x1, 1.5, 3, 2, True)
    assert y.shape == (2, 3, 3)
    np.testing.assert_allclose(y.asnumpy().ravel()[:5], [1.6159654, 1.708352, 3.3005857, 3.1490493, 2.815651],
                               rtol=1e-6)
    y = ops.lp_pool2d(x2, 3, 2, 1, True)
    assert y.shape == (2, 3, 4, 5)
    np.testing.assert_allclose(y.asnumpy().ravel()[:5], [1.9167461, 2.1421688, 2.1955526, 2.2619016, 1.981341],
                               rtol=1e-6)
    np.testing.assert_allclose(ops.lp_pool2d(x2, 2, (2, 3)).asnumpy().ravel()[:5],
                               [2.866378, 2.9342365, 1.6321515, 2.5920072, 3.5472112], rtol=1e-6)
    assert ops.lp_pool1d(x1[0], 2, 3).shape == (3, 2)

"""The Python-side layers and losses of easy_mindspore.nn (activations, LayerNorm, GroupNorm,
Conv1d, pooling 1-D, Conv2dTranspose, the losses over engine ops): values and gradients against
NumPy float64 references, a few numbers measured on MindSpore 2.10, reprs and errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn

RNG = np.random.default_rng(7)


def _grad_fd(f, x, eps=1e-6):
    """Central finite differences of the scalar f at x (float64)."""
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        d = np.zeros_like(x)
        d[i] = eps
        g[i] = (f(x + d) - f(x - d)) / (2 * eps)
    return g


def _check_grad(cell, x, tol=1e-6):
    """The gradient of sum(cell(x)·w) w.r.t. x against finite differences, in Float64."""
    w = RNG.standard_normal(np.asarray(cell(Tensor(x)).asnumpy()).shape)

    def f(v):
        return float((cell(Tensor(v)).asnumpy() * w).sum())

    g = ms.grad(lambda t: (cell(t) * Tensor(w)).sum())(Tensor(x)).asnumpy()
    np.testing.assert_allclose(g, _grad_fd(f, x), rtol=tol, atol=tol)


# -- activations ----------------------------------------------------------------------------
X7 = np.array([-2.5, -1.0, -0.2, 0.0, 0.3, 1.5, 4.0], np.float32)
_SIG = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
_ERF = np.vectorize(__import__("math").erf)
ACTIVATION_REFS = [
    (nn.GELU(), lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))),
    (nn.GELU(False), lambda x: 0.5 * x * (1 + _ERF(x / np.sqrt(2)))),
    (nn.LeakyReLU(), lambda x: np.where(x >= 0, x, 0.2 * x)),
    (nn.LeakyReLU(1.5), lambda x: np.where(x >= 0, x, 1.5 * x)),
    (nn.ELU(), lambda x: np.where(x > 0, x, np.expm1(x))),
    (nn.ELU(0.5), lambda x: np.where(x > 0, x, 0.5 * np.expm1(x))),
    (nn.SiLU(), lambda x: x * _SIG(x)),
    (nn.Mish(), lambda x: x * np.tanh(np.log1p(np.exp(x)))),
    (nn.HSigmoid(), lambda x: np.clip(x + 3, 0, 6) / 6),
    (nn.HSwish(), lambda x: x * np.clip(x + 3, 0, 6) / 6),
    (nn.PReLU(), lambda x: np.where(x >= 0, x, 0.25 * x)),
    (nn.Softmin(), lambda x: np.exp(-x) / np.exp(-x).sum()),
    (nn.CELU(0.7), lambda x: np.maximum(x, 0) + np.minimum(0, 0.7 * np.expm1(x / 0.7))),
    (nn.SeLU(), lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(x))),
    (nn.Tanhshrink(), lambda x: x - np.tanh(x)),
    (nn.Threshold(0.1, 20.0), lambda x: np.where(x > 0.1, x, 20.0)),
    (nn.Hardtanh(), lambda x: np.clip(x, -1, 1)),
    (nn.ReLU6(), lambda x: np.clip(x, 0, 6)),
    (nn.LogSigmoid(), lambda x: -np.log1p(np.exp(-x))),
    (nn.SoftShrink(), lambda x: np.where(x > 0.5, x - 0.5, np.where(x < -0.5, x + 0.5, 0))),
    (nn.HShrink(), lambda x: np.where(np.abs(x) > 0.5, x, 0)),
    (nn.Softsign(), lambda x: x / (1 + np.abs(x))),
    (nn.Identity(3, key=4), lambda x: x),
]


@pytest.mark.parametrize("cell,ref", ACTIVATION_REFS, ids=lambda v: type(v).__name__)
def test_activation_values(cell, ref):
    np.testing.assert_allclose(cell(Tensor(X7)).asnumpy(), ref(X7.astype(np.float64)),
                               rtol=2e-6, atol=2e-6)
    assert repr(cell) == type(cell).__name__ + "()"


@pytest.mark.parametrize("cell", [c for c, _ in ACTIVATION_REFS
                                  if not isinstance(c, (nn.Threshold, nn.HShrink))],
                         ids=lambda v: type(v).__name__)
def test_activation_gradients(cell):
    # Away from the kinks (where the one-sided derivatives differ).
    x = np.array([[-2.3, -0.7, 0.4], [1.1, 2.6, -1.6]])
    _check_grad(cell, x)


def test_activation_measured_on_mindspore():
    # MindSpore 2.10 CPU, same input X7.
    np.testing.assert_allclose(nn.GELU()(Tensor(X7)).asnumpy()[:3],
                               [-0.0150843, -0.158808, -0.08414857], rtol=1e-5)
    np.testing.assert_allclose(nn.Mish()(Tensor(X7)).asnumpy()[-2:], [1.4033784, 3.997413],
                               rtol=1e-6)


def test_glu_prelu_channels_and_get_activation():
    x = np.arange(8.0, dtype=np.float32).reshape(2, 4)
    a, b = x[:, :2], x[:, 2:]
    np.testing.assert_allclose(nn.GLU()(Tensor(x)).asnumpy(), a / (1 + np.exp(-b)), rtol=1e-6)
    with pytest.raises(ms.ShapeError, match="GLU"):
        nn.GLU()(Tensor(np.ones((2, 3), np.float32)))
    p = nn.PReLU(3, 0.1)
    assert [(k, v.name, v.shape) for k, v in p.parameters_and_names()] == [("w", "a", (3,))]
    x = -np.ones((2, 3, 2), np.float32)
    x[:, 1] = -2
    np.testing.assert_allclose(p(Tensor(x)).asnumpy(), 0.1 * x, rtol=1e-6)
    with pytest.raises(ms.ShapeError, match="PReLU"):
        p(Tensor(np.ones((2, 4), np.float32)))
    assert isinstance(nn.get_activation("gelu"), nn.GELU)
    assert isinstance(nn.get_activation("leakyrelu"), nn.LeakyReLU)
    assert isinstance(nn.Dense(2, 2, activation="silu").activation, nn.SiLU)
    for name in ("swish2", "LeakyReLU"):  # names are case-sensitive, as MindSpore's
        with pytest.raises(KeyError, match="'name' must be in"):
            nn.get_activation(name)


# -- normalisation --------------------------------------------------------------------------
def _np_norm(x, axes, eps):
    m = x.mean(axes, keepdims=True)
    v = ((x - m) ** 2).mean(axes, keepdims=True)
    return (x - m) / np.sqrt(v + eps)


@pytest.mark.parametrize("shape,norm_axis,param_axis", [((2, 3, 4), -1, -1), ((2, 3, 4), 1, 1),
                                                         ((2, 3, 4), 1, -1), ((1, 1, 5), -1, -1)])
def test_layer_norm(shape, norm_axis, param_axis):
    x = RNG.standard_normal(shape)
    pshape = shape[param_axis % len(shape):]
    ln = nn.LayerNorm(pshape, norm_axis, param_axis, dtype=ms.float64)
    g, b = RNG.standard_normal(pshape), RNG.standard_normal(pshape)
    ln.gamma.set_data(Tensor(g))
    ln.beta.set_data(Tensor(b))
    axes = tuple(range(norm_axis % len(shape), len(shape)))
    np.testing.assert_allclose(ln(Tensor(x)).asnumpy(), _np_norm(x, axes, 1e-7) * g + b, rtol=1e-9,
                               atol=1e-9)
    _check_grad(ln, x, tol=1e-5)
    # Gradients w.r.t. gamma and beta: d/dgamma sum(y·w) = sum over the other axes of xhat·w.
    w = RNG.standard_normal(shape)
    grads = ms.grad(lambda t: (ln(t) * Tensor(w)).sum(), grad_position=None,
                    weights=ln.trainable_params())(Tensor(x))
    lead = tuple(range(len(shape) - len(pshape)))
    np.testing.assert_allclose(grads[0].asnumpy(), (_np_norm(x, axes, 1e-7) * w).sum(lead),
                               rtol=1e-9)
    np.testing.assert_allclose(grads[1].asnumpy(), w.sum(lead), rtol=1e-9)


def test_layer_norm_measured_and_errors():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    np.testing.assert_allclose(nn.LayerNorm((4,))(Tensor(x)).asnumpy()[0, 0],
                               [-1.3416407, -0.4472136, 0.4472136, 1.3416407], rtol=1e-6)
    with pytest.raises(TypeError, match="normalized_shape"):
        nn.LayerNorm(4)
    with pytest.raises(ms.ShapeError, match="LayerNorm"):
        nn.LayerNorm((5,))(Tensor(x))
    assert repr(nn.LayerNorm((4,))) == (
        "LayerNorm(normalized_shape=(4,), begin_norm_axis=-1, begin_params_axis=-1, "
        "gammaParameter (name=gamma, shape=(4,), dtype=Float32, requires_grad=True), "
        "beta=Parameter (name=beta, shape=(4,), dtype=Float32, requires_grad=True))")


@pytest.mark.parametrize("shape,groups", [((2, 4, 3, 2), 2), ((3, 6, 5), 3), ((1, 4), 4),
                                          ((2, 4, 1, 1), 1)])
def test_group_norm(shape, groups):
    x = RNG.standard_normal(shape)
    c = shape[1]
    gn = nn.GroupNorm(groups, c, dtype=ms.float64)
    g, b = RNG.standard_normal(c), RNG.standard_normal(c)
    gn.gamma.set_data(Tensor(g))
    gn.beta.set_data(Tensor(b))
    xr = x.reshape(shape[0], groups, -1)
    ref = _np_norm(xr, (2,), 1e-5).reshape(shape)
    per = (c,) + (1,) * (len(shape) - 2)
    np.testing.assert_allclose(gn(Tensor(x)).asnumpy(), ref * g.reshape(per) + b.reshape(per),
                               rtol=1e-9, atol=1e-9)
    if xr.shape[2] > 1:
        _check_grad(gn, x, tol=1e-5)


def test_group_norm_errors_and_affine():
    assert [p.requires_grad for p in nn.GroupNorm(2, 4, affine=False).get_parameters()] == [False] * 2
    assert nn.GroupNorm(2, 4, affine=False).trainable_params() == []
    with pytest.raises(ValueError, match="divided"):
        nn.GroupNorm(3, 4)
    with pytest.raises(ValueError, match="GroupNorm"):
        nn.GroupNorm(2, 4)(Tensor(np.ones((2, 3, 2), np.float32)))
    assert repr(nn.GroupNorm(2, 4)) == "GroupNorm(num_groups=2, num_channels=4)"


# -- 1-D layers -----------------------------------------------------------------------------
def _np_conv1d(x, w, b, stride, pad):
    n, c, length = x.shape
    o, _, _, k = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), pad))
    out = (xp.shape[2] - k) // stride + 1
    y = np.zeros((n, o, out))
    for t in range(out):
        y[:, :, t] = np.einsum("nck,ock->no", xp[:, :, t * stride:t * stride + k], w[:, :, 0])
    return y + b[None, :, None]


@pytest.mark.parametrize("k,stride,mode,padding", [(3, 1, "valid", 0), (5, 2, "pad", 2),
                                                   (4, 1, "same", 0), (1, 1, "valid", 0)])
def test_conv1d(k, stride, mode, padding):
    x = RNG.standard_normal((2, 3, 9))
    conv = nn.Conv1d(3, 4, k, stride=stride, pad_mode=mode, padding=padding, has_bias=True,
                     dtype=ms.float64)
    assert conv.weight.shape == (4, 3, 1, k)
    w, b = conv.weight.asnumpy(), conv.bias.asnumpy()
    pad = (padding, padding)
    if mode == "same":
        need = max((-(-9 // stride) - 1) * stride + k - 9, 0)
        pad = (need // 2, need - need // 2)
    np.testing.assert_allclose(conv(Tensor(x)).asnumpy(), _np_conv1d(x, w, b, stride, pad),
                               rtol=1e-9, atol=1e-9)
    _check_grad(conv, x)
    with pytest.raises(ValueError, match="Conv1d"):
        conv(Tensor(np.ones((2, 3, 4, 4))))


def test_pool1d():
    x = np.arange(20.0, dtype=np.float32).reshape(2, 2, 5)
    np.testing.assert_array_equal(nn.MaxPool1d(2, 2)(Tensor(x)).asnumpy(), x[:, :, 1:5:2])
    np.testing.assert_allclose(nn.AvgPool1d(3, 1)(Tensor(x[0])).asnumpy(),
                               (x[0, :, :3] + x[0, :, 1:4] + x[0, :, 2:]) / 3)
    assert repr(nn.MaxPool1d(2, 2)) == "MaxPool1d(kernel_size=(1, 2), stride=(1, 2), pad_mode=VALID)"


# -- Conv2dTranspose ------------------------------------------------------------------------
def _np_conv_transpose(x, w, b, s, d, g, crop):
    """The full transposed convolution (each input pixel spreads its kernel), then cut
    ``crop = (top, bottom, left, right)`` (a negative end extends with zeros), plus bias."""
    n, ci, h, wd = x.shape
    _, og, kh, kw = w.shape
    cg = ci // g
    hf, wf = (h - 1) * s[0] + d[0] * (kh - 1) + 1, (wd - 1) * s[1] + d[1] * (kw - 1) + 1
    y = np.zeros((n, og * g, hf, wf))
    for gi in range(g):
        for c in range(cg):
            for o in range(og):
                for i in range(kh):
                    for j in range(kw):
                        y[:, gi * og + o, i * d[0]:i * d[0] + (h - 1) * s[0] + 1:s[0],
                          j * d[1]:j * d[1] + (wd - 1) * s[1] + 1:s[1]] += \
                            x[:, gi * cg + c] * w[gi * cg + c, o, i, j]
    t, bt, l, r = crop
    y = np.pad(y, ((0, 0), (0, 0), (0, max(-bt, 0)), (0, max(-r, 0))))
    y = y[:, :, t:y.shape[2] - max(bt, 0), l:y.shape[3] - max(r, 0)]
    return y + b[None, :, None, None]


# (in, out, kernel, stride, pad_mode, padding, output_padding, dilation, group, (H, W), crop)
TRANSPOSE_CASES = [
    (2, 3, (3, 3), 2, "same", 0, 0, 1, 1, (5, 4), (0, 1, 0, 1)),
    (2, 3, (3, 2), 2, "valid", 0, 0, 1, 1, (5, 4), (0, 0, 0, 0)),
    (2, 3, (4, 4), 2, "pad", 1, 0, 1, 1, (5, 4), (1, 1, 1, 1)),
    (2, 4, (3, 3), 3, "pad", (1, 0, 2, 1), 0, 1, 1, (4, 4), (1, 0, 2, 1)),
    (4, 2, (3, 3), 2, "same", 0, 0, 1, 2, (3, 3), (0, 1, 0, 1)),
    (2, 3, (3, 3), 2, "pad", 1, 1, 1, 1, (4, 4), (1, 0, 1, 0)),
    (2, 3, (2, 2), 3, "same", 0, 0, 1, 1, (3, 2), (0, -1, 0, -1)),
    (2, 3, (2, 2), 3, "valid", 0, 0, 1, 1, (3, 2), (0, -1, 0, -1)),
    (1, 2, (2, 3), (1, 2), "same", 0, 0, (2, 1), 1, (1, 3), (1, 1, 0, 1)),
]


@pytest.mark.parametrize("case", TRANSPOSE_CASES, ids=lambda c: f"{c[4]}-{c[2]}-{c[3]}")
def test_conv2d_transpose(case):
    ci, co, k, s, mode, p, op, d, g, hw, crop = case
    net = nn.Conv2dTranspose(ci, co, k, stride=s, pad_mode=mode, padding=p, output_padding=op,
                             dilation=d, group=g, has_bias=True, dtype=ms.float64)
    assert net.weight.shape == (ci, co // g) + k
    net.bias.set_data(Tensor(RNG.standard_normal(co)))
    x = RNG.standard_normal((2, ci) + hw)
    pair = lambda v: v if isinstance(v, tuple) else (v, v)  # noqa: E731
    ref = _np_conv_transpose(x, net.weight.asnumpy(), net.bias.asnumpy(), pair(s), pair(d), g, crop)
    np.testing.assert_allclose(net(Tensor(x)).asnumpy(), ref, rtol=1e-9, atol=1e-9)
    _check_grad(net, x)
    w = RNG.standard_normal(ref.shape)
    gw = ms.grad(lambda t: (net(t) * Tensor(w)).sum(), None, net.trainable_params())(Tensor(x))
    w0 = net.weight.asnumpy()

    def f(v):
        return float((_np_conv_transpose(x, v, net.bias.asnumpy(), pair(s), pair(d), g, crop)
                      * w).sum())

    np.testing.assert_allclose(gw[0].asnumpy(), _grad_fd(f, w0), rtol=1e-6, atol=1e-6)


def test_conv2d_transpose_measured_on_mindspore():
    # MindSpore 2.10: Conv2dTranspose(1, 1, 2, stride=2, pad_mode='valid') with weight
    # [[1, 2], [3, 4]] and no bias on [[1, 2]] spreads each pixel into a 2×2 block.
    net = nn.Conv2dTranspose(1, 1, 2, stride=2, pad_mode="valid",
                             weight_init=Tensor(np.array([[[[1.0, 2.0], [3.0, 4.0]]]], np.float32)))
    y = net(Tensor(np.array([[[[1.0, 2.0]]]], np.float32))).asnumpy()
    np.testing.assert_array_equal(y[0, 0], [[1, 2, 2, 4], [3, 4, 6, 8]])
    with pytest.raises(ValueError, match="output_padding"):
        nn.Conv2dTranspose(1, 1, 2, stride=2, output_padding=1)
    with pytest.raises(ValueError, match="in_channels=1"):
        net(Tensor(np.ones((1, 2, 2, 2), np.float32)))
    t = nn.Conv1dTranspose(3, 6, 2, stride=2)
    assert t.weight.shape == (3, 6, 1, 2)
    assert t(Tensor(np.ones((2, 3, 5), np.float32))).shape == (2, 6, 10)


# -- losses ---------------------------------------------------------------------------------
A = np.array([[-2.0, 0.3, 1.5], [0.9, -0.5, 3.2]], np.float32)
B = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.5]], np.float32)


def test_losses_against_numpy_and_mindspore():
    a, b = A.astype(np.float64), B.astype(np.float64)
    d = np.abs(a - b)
    np.testing.assert_allclose(nn.SmoothL1Loss()(Tensor(A), Tensor(B)).asnumpy(),
                               np.where(d < 1, 0.5 * d * d, d - 0.5), rtol=1e-6)
    assert float(nn.SmoothL1Loss(beta=0.5, reduction="mean")(Tensor(A), Tensor(B))) == \
        pytest.approx(1.24, rel=1e-6)  # MindSpore 2.10
    assert float(nn.HuberLoss()(Tensor(A), Tensor(B))) == pytest.approx(1.0458333, rel=1e-6)
    np.testing.assert_allclose(nn.HuberLoss("none", 0.5)(Tensor(A), Tensor(B)).asnumpy(),
                               np.where(d <= 0.5, 0.5 * d * d, 0.5 * (d - 0.25)), rtol=1e-6)
    assert float(nn.MAELoss()(Tensor(A), Tensor(B))) == pytest.approx(1.4833332, rel=1e-6)
    assert float(nn.RMSELoss()(Tensor(A), Tensor(B))) == pytest.approx(1.8115371, rel=1e-6)
    assert float(nn.CosineEmbeddingLoss(margin=0.1)(Tensor(A), Tensor(B), Tensor([1, -1]))) == \
        pytest.approx(0.66654885, rel=1e-5)
    np.testing.assert_allclose(nn.SoftMarginLoss("none")(Tensor(A), Tensor(np.sign(B - 0.5)))
                               .asnumpy(), np.log1p(np.exp(-a * np.sign(b - 0.5))), rtol=1e-6)


def test_bce_nll_kl():
    x = np.array([[0.0, 0.3, 1.0], [0.9, 0.5, 0.2]], np.float32)
    y = np.array([[1.0, 0.0, 1.0], [1.0, 1.0, 0.0]], np.float32)
    ref = -(y * np.log(np.maximum(x, 1e-12)) + (1 - y) * np.log(np.maximum(1 - x, 1e-12)))
    np.testing.assert_allclose(nn.BCELoss(reduction="none")(Tensor(x), Tensor(y)).asnumpy(), ref,
                               rtol=1e-5)
    assert float(nn.BCELoss()(Tensor(x), Tensor(y))) == pytest.approx(4.834891, rel=1e-6)
    # MindSpore 2.10's CPU kernel gives varying wrong values with a weight; the weighted mean is:
    w = np.array([1.0, 2.0, 3.0], np.float32)
    assert float(nn.BCELoss(Tensor(w))(Tensor(x), Tensor(y))) == pytest.approx((ref * w).mean(),
                                                                                 rel=1e-5)
    with pytest.raises(ValueError, match="same shape"):
        nn.BCELoss()(Tensor(x), Tensor(y[:, :2]))
    lp = ms.ops.log_softmax(Tensor(A), 1)
    t = np.array([[0.2, 0.0, 0.8], [0.5, 0.25, 0.25]], np.float32)
    lpn = lp.asnumpy().astype(np.float64)
    kl = np.where(t > 0, t * np.log(np.where(t > 0, t, 1)), 0) - t * lpn
    for r, want in [("mean", kl.mean()), ("sum", kl.sum()), ("batchmean", kl.sum() / 2)]:
        assert float(nn.KLDivLoss(r)(lp, Tensor(t))) == pytest.approx(want, rel=1e-5)
    assert float(nn.KLDivLoss()(lp, Tensor(t))) == pytest.approx(0.2731446, rel=1e-5)  # MindSpore
    labels = Tensor(np.array([2, 0], np.int32))
    assert float(nn.NLLLoss()(lp, labels)) == pytest.approx(1.3519953, rel=1e-5)  # MindSpore
    assert float(nn.NLLLoss(Tensor(w), ignore_index=0)(lp, labels)) == \
        pytest.approx(-lpn[0, 2], rel=1e-5)
    with pytest.raises(ValueError, match="reduction"):
        nn.KLDivLoss("avg")


def test_loss_gradients():
    a = RNG.standard_normal((3, 4))
    b = RNG.standard_normal((3, 4))
    for loss in [nn.SmoothL1Loss(reduction="sum"), nn.HuberLoss(delta=0.7), nn.MAELoss(),
                 nn.RMSELoss(), nn.SoftMarginLoss()]:
        def f(v, loss=loss):
            return float(loss(Tensor(v), Tensor(b)).asnumpy())
        g = ms.grad(lambda t, loss=loss: loss(t, Tensor(b)))(Tensor(a)).asnumpy()
        np.testing.assert_allclose(g, _grad_fd(f, a), rtol=1e-6, atol=1e-7, err_msg=repr(loss))


# -- attention and Transformer layers -------------------------------------------------------
def _np_softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _np_mha(q, k, v, wq, wk, wv, bq, bk, bv, wo, bo, heads, mask):
    """Multi-head attention of (seq, batch, E) inputs in float64, ``mask`` added to the scores
    [batch, heads, tgt, src]."""
    qp, kp, vp = q @ wq.T + bq, k @ wk.T + bk, v @ wv.T + bv
    tgt, bsz, e = qp.shape
    hd = e // heads

    def split(x):  # (seq, b, E) -> (b, h, seq, hd)
        return x.reshape(x.shape[0], bsz, heads, hd).transpose(1, 2, 0, 3)

    s = split(qp) @ split(kp).transpose(0, 1, 3, 2) / np.sqrt(hd) + mask
    a = _np_softmax(s)
    o = (a @ split(vp)).transpose(2, 0, 1, 3).reshape(tgt, bsz, e)
    return o @ wo.T + bo, a


def test_multihead_attention_against_numpy():
    m = nn.MultiheadAttention(8, 2, dtype=ms.float64)
    assert [k for k, _ in m.parameters_and_names()] == [
        "in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"]
    m.in_proj_bias.set_data(Tensor(RNG.standard_normal(24)))
    q, k = RNG.standard_normal((5, 3, 8)), RNG.standard_normal((4, 3, 8))
    pad = np.array([[False] * 4, [False, False, True, True], [False, True, False, True]])
    causal = np.triu(np.ones((5, 4), bool), 1)
    w, b = m.in_proj_weight.asnumpy(), m.in_proj_bias.asnumpy()
    mask = np.where(causal, -np.inf, 0)[None, None] + np.where(pad, -np.inf, 0)[:, None, None, :]
    ref_o, ref_a = _np_mha(q, k, k, w[:8], w[8:16], w[16:], b[:8], b[8:16], b[16:],
                           m.out_proj.weight.asnumpy(), m.out_proj.bias.asnumpy(), 2, mask)
    o, a = m(Tensor(q), Tensor(k), Tensor(k), key_padding_mask=Tensor(pad),
             attn_mask=Tensor(causal), average_attn_weights=False)
    np.testing.assert_allclose(o.asnumpy(), ref_o, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(a.asnumpy(), ref_a, rtol=1e-10, atol=1e-12)
    o2, a2 = m(Tensor(q), Tensor(k), Tensor(k), key_padding_mask=Tensor(pad),
               attn_mask=Tensor(np.where(causal, -np.inf, 0.0)))  # a float mask, averaged
    np.testing.assert_allclose(o2.asnumpy(), ref_o, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(a2.asnumpy(), ref_a.mean(1), rtol=1e-10, atol=1e-12)
    # Gradient w.r.t. the query through softmax and both products.
    _check_grad(lambda t: m(t, Tensor(k[:, :1]), Tensor(k[:, :1]))[0], q[:, :1], tol=1e-6)
    assert len(m(Tensor(q), Tensor(k), Tensor(k), need_weights=False)) == 1
    # Unbatched (seq, E) inputs.
    o1, a1 = m(Tensor(q[:, 0]), Tensor(k[:, 0]), Tensor(k[:, 0]))
    assert o1.shape == (5, 8) and a1.shape == (5, 4)


def test_multihead_attention_batch_first_kdim_and_errors():
    m = nn.MultiheadAttention(8, 4, batch_first=True, kdim=6, vdim=5)
    assert [k for k, _ in m.parameters_and_names()][:3] == [
        "q_proj_weight", "k_proj_weight", "v_proj_weight"]
    o, a = m(Tensor(np.ones((3, 5, 8), np.float32)), Tensor(np.ones((3, 4, 6), np.float32)),
             Tensor(np.ones((3, 4, 5), np.float32)))
    assert o.shape == (3, 5, 8) and a.shape == (3, 5, 4)
    with pytest.raises(ValueError, match="divisible"):
        nn.MultiheadAttention(8, 3)
    with pytest.raises(ValueError, match="attn_mask"):
        m(Tensor(np.ones((3, 5, 8), np.float32)), Tensor(np.ones((3, 4, 6), np.float32)),
          Tensor(np.ones((3, 4, 5), np.float32)), attn_mask=Tensor(np.ones((2, 2), bool)))
    with pytest.raises(ValueError, match="feature sizes"):
        m(Tensor(np.ones((3, 5, 8), np.float32)), Tensor(np.ones((3, 4, 5), np.float32)),
          Tensor(np.ones((3, 4, 5), np.float32)))


def test_transformer_layers():
    layer = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, dtype=ms.float64)
    names = [k for k, _ in layer.parameters_and_names()]
    assert names == ["self_attn.in_proj_weight", "self_attn.in_proj_bias",
                     "self_attn.out_proj.weight", "self_attn.out_proj.bias", "dense1.weight",
                     "dense1.bias", "dense2.weight", "dense2.bias", "norm1.gamma", "norm1.beta",
                     "norm2.gamma", "norm2.beta"]
    x = RNG.standard_normal((4, 2, 8))
    p = {k: v.asnumpy() for k, v in layer.parameters_and_names()}
    w, b = p["self_attn.in_proj_weight"], p["self_attn.in_proj_bias"]
    sa, _ = _np_mha(x, x, x, w[:8], w[8:16], w[16:], b[:8], b[8:16], b[16:],
                    p["self_attn.out_proj.weight"], p["self_attn.out_proj.bias"], 2, 0.0)
    h = _np_norm(x + sa, (-1,), 1e-5)
    ff = np.maximum(h @ p["dense1.weight"].T + p["dense1.bias"], 0) @ p["dense2.weight"].T \
        + p["dense2.bias"]
    np.testing.assert_allclose(layer(Tensor(x)).asnumpy(), _np_norm(h + ff, (-1,), 1e-5),
                               rtol=1e-9, atol=1e-9)
    _check_grad(layer, x[:, :1], tol=1e-5)
    enc = nn.TransformerEncoder(layer, 2, nn.LayerNorm((8,), dtype=ms.float64))
    a, b = enc.layers[0].dense1.weight.asnumpy(), enc.layers[1].dense1.weight.asnumpy()
    np.testing.assert_array_equal(a, b)  # MindSpore deep-copies one layer
    assert enc(Tensor(x)).shape == (4, 2, 8)
    assert [k for k, _ in enc.parameters_and_names()][0] == "layers.0.self_attn.in_proj_weight"
    dec = nn.TransformerDecoder(nn.TransformerDecoderLayer(8, 2, 16, norm_first=True), 2)
    tgt = Tensor(np.ones((3, 2, 8), np.float32))
    mask = Tensor(np.triu(np.ones((3, 3), bool), 1))
    assert dec(tgt, Tensor(x.astype(np.float32)), tgt_mask=mask).shape == (3, 2, 8)
    t = nn.Transformer(8, 2, 1, 1, 16, batch_first=True)
    assert t(Tensor(np.ones((2, 4, 8), np.float32)), Tensor(np.ones((2, 3, 8), np.float32))).shape \
        == (2, 3, 8)
    with pytest.raises(ValueError, match="d_model"):
        t(Tensor(np.ones((2, 4, 6), np.float32)), Tensor(np.ones((2, 3, 8), np.float32)))
    with pytest.raises(ValueError, match="activation"):
        nn.TransformerEncoderLayer(8, 2, activation="tanh")


def test_transformer_encoder_step_traces_once():
    ms.set_seed(0)
    net = nn.TransformerEncoderLayer(8, 2, 16)
    net.set_train()
    opt = nn.SGD(net.trainable_params(), 0.01)
    step_grad = ms.value_and_grad(lambda x: (net(x) ** 2).mean(), None, opt.parameters)

    @ms.jit
    def step(x):
        loss, grads = step_grad(x)
        opt(grads)
        return loss

    x = Tensor(RNG.standard_normal((4, 2, 8)).astype(np.float32))
    losses = [float(step(x)) for _ in range(4)]
    assert step.cache_info().traces == 1 and step.cache_info().hits == 3
    assert all(np.isfinite(losses)) and losses[-1] < losses[0]


def test_convolutions_and_pools_reject_an_empty_spatial_input():
    empty = Tensor(np.zeros((1, 1, 0, 3), np.float32))
    for layer in (nn.Conv2d(1, 1, 2), nn.Conv2dTranspose(1, 1, 2), nn.MaxPool2d(1, 1)):
        with pytest.raises(ValueError, match=r"spatial size \(0, 3\)"):
            layer(empty)
    # An empty batch is fine.
    assert nn.Conv2dTranspose(1, 2, 2, stride=2)(Tensor(np.zeros((0, 1, 2, 3), np.float32))).shape \
        == (0, 2, 4, 6)

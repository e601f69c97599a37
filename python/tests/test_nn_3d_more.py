"""Unpooling, LRN, CTC loss, SSIM and PSNR (``ops.max_unpool1d/2d/3d``, ``ops.lrn``,
``ops.ctc_loss``, ``nn.MaxUnpool*``, ``nn.LRN``, ``nn.CTCLoss``, ``nn.SSIM``, ``nn.PSNR``):
values against NumPy references written here (the CTC loss against a brute-force enumeration of
every frame labelling), gradients against finite differences in Float64, and a few values
measured on MindSpore 2.10."""
import itertools

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops


def num_grad(f, a, eps=1e-6):
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        old = a[idx]
        a[idx] = old + eps
        hi = f()
        a[idx] = old - eps
        lo = f()
        a[idx] = old
        g[idx] = (hi - lo) / (2 * eps)
    return g


# ---- unpooling -------------------------------------------------------------------------------

def ref_unpool(x, idx, out_shape):
    lead = x.shape[:-len(out_shape)]
    y = np.zeros(lead + (int(np.prod(out_shape)),), x.dtype)
    xf, jf = x.reshape(lead + (-1,)), idx.reshape(lead + (-1,))
    for pos in np.ndindex(*lead):
        for k in range(xf.shape[-1]):        # in order: a repeated index keeps the last value
            y[pos + (jf[pos + (k,)],)] = xf[pos + (k,)]
    return y.reshape(lead + tuple(out_shape))


@pytest.mark.parametrize("nd", [1, 2, 3])
def test_max_unpool_inverts_max_pool_and_matches_numpy(nd):
    rng = np.random.default_rng(0)
    shape = (2, 3) + (6, 4, 4)[:nd]   # even: the pooled indices address the unpooled plane
    x = rng.standard_normal(shape)
    pool = {1: None, 2: ops.max_pool2d, 3: ops.max_pool3d}[nd]
    if nd == 1:
        values, idx = ops.max_pool2d(Tensor(x).expand_dims(2), (1, 2), (1, 2), return_indices=True)
        values, idx = values.squeeze(2), idx.squeeze(2)
    else:
        values, idx = pool(Tensor(x), 2, 2, return_indices=True)
    unpool = {1: ops.max_unpool1d, 2: ops.max_unpool2d, 3: ops.max_unpool3d}[nd]
    out_dims = tuple((n // 2 - 1) * 2 + 2 for n in shape[2:])
    got = unpool(values, idx, 2)
    want = ref_unpool(values.asnumpy(), idx.asnumpy(), out_dims)
    np.testing.assert_array_equal(got.asnumpy(), want)
    # every kept value is the input's own at that place
    flat_x = x[(Ellipsis,) + tuple(slice(0, n) for n in out_dims)].reshape(2, 3, -1)
    kept = got.asnumpy().reshape(2, 3, -1) != 0
    np.testing.assert_array_equal(got.asnumpy().reshape(2, 3, -1)[kept], flat_x[kept])
    # unbatched input and an output size within one stride
    big = tuple(n + 1 for n in out_dims)
    got = unpool(values[0], idx[0].astype(ms.int32), 2, output_size=big)
    np.testing.assert_array_equal(got.asnumpy(), ref_unpool(values.asnumpy()[0], idx.asnumpy()[0], big))
    layer = {1: nn.MaxUnpool1d, 2: nn.MaxUnpool2d, 3: nn.MaxUnpool3d}[nd](2)
    np.testing.assert_array_equal(layer(values, idx, output_size=(2, 3) + big).asnumpy(),
                                  ref_unpool(values.asnumpy(), idx.asnumpy(), big))
    assert repr(layer) == f"MaxUnpool{nd}d()"


def test_max_unpool_repeated_indices_gradient_and_errors():
    v = Tensor(np.array([[[[5.0, 7.0], [13.0, 15.0]]]]))
    rep = Tensor(np.array([[[[0, 0], [1, 1]]]], np.int64))
    # MindSpore 2.10 keeps the last value written at a repeated index: [[7, 15, 0, 0], ...]
    np.testing.assert_array_equal(ops.max_unpool2d(v, rep, 2).asnumpy()[0, 0, 0], [7.0, 15.0, 0.0, 0.0])
    idx = Tensor(np.array([[[[5, 7], [13, 15]]]], np.int64))
    w = np.arange(16.0).reshape(1, 1, 4, 4)
    g = ops.grad(lambda a: (ops.max_unpool2d(a, idx, 2) * Tensor(w)).sum())(v)
    np.testing.assert_array_equal(g.asnumpy(), [[[[5.0, 7.0], [13.0, 15.0]]]])
    with pytest.raises(RuntimeError):
        ops.max_unpool2d(v, idx + 10, 2)                     # outside the output
    with pytest.raises(RuntimeError):
        ops.max_unpool2d(v, idx * 0 - 1, 2)
    with pytest.raises(ValueError):
        ops.max_unpool2d(v, idx, 2, output_size=(9, 9))      # beyond one stride
    with pytest.raises(ValueError):
        ops.max_unpool2d(v, idx[:, :, :1], 2)                # shapes differ
    with pytest.raises(TypeError):
        ops.max_unpool2d(v, idx.astype(ms.float32), 2)
    with pytest.raises(ValueError):
        ops.max_unpool2d(v, idx, 0)
    x1 = Tensor(np.array([[[5.0, 4.0, 6.0]]], np.float32))
    i1 = Tensor(np.array([[[1, 3, 5]]], np.int64))
    assert ops.max_unpool1d(x1.astype(ms.int32), i1, 2).dtype == ms.int32
    np.testing.assert_array_equal(ops.max_unpool1d(x1, i1, 2, output_size=(1, 1, 7)).asnumpy(),
                                  [[[0, 5, 0, 4, 0, 6, 0]]])
    with pytest.raises(RuntimeError):
        ops.max_unpool1d(x1, i1, 3, stride=2, padding=1)      # output 5 cells, index 5


# ---- LRN -------------------------------------------------------------------------------------

def ref_lrn(x, r, bias, alpha, beta):
    c = x.shape[1]
    out = np.zeros_like(x)
    for i in range(c):
        s = (x[:, max(0, i - r):min(c, i + r + 1)] ** 2).sum(1)
        out[:, i] = x[:, i] / (bias + alpha * s) ** beta
    return out


@pytest.mark.parametrize("kw", [{}, {"depth_radius": 2, "bias": 2.0, "alpha": 0.5, "beta": 0.75},
                                {"depth_radius": 0}, {"depth_radius": 10, "alpha": 1e-4}])
def test_lrn_matches_numpy_and_its_gradient_finite_differences(kw):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 7, 3, 2))
    args = (kw.get("depth_radius", 5), kw.get("bias", 1.0), kw.get("alpha", 1.0), kw.get("beta", 0.5))
    np.testing.assert_allclose(ops.lrn(Tensor(x), **kw).asnumpy(), ref_lrn(x, *args), rtol=1e-12)
    np.testing.assert_allclose(nn.LRN(**kw)(Tensor(x, ms.float32)).asnumpy(), ref_lrn(x, *args), rtol=1e-5,
                               atol=1e-6)
    xs = x[:1, :, :1, :1].copy()
    ct = rng.standard_normal(xs.shape)
    g = ops.grad(lambda a: (ops.lrn(a, **kw) * Tensor(ct)).sum())(Tensor(xs))
    np.testing.assert_allclose(g.asnumpy(), num_grad(lambda: float((ref_lrn(xs, *args) * ct).sum()), xs),
                               rtol=1e-6, atol=1e-8)


def test_lrn_errors():
    x = ops.ones((2, 3, 2, 2))
    with pytest.raises(ValueError):
        ops.lrn(x[0])
    with pytest.raises(ValueError):
        ops.lrn(x, norm_region="WITHIN_CHANNEL")
    with pytest.raises(ValueError):
        ops.lrn(x, depth_radius=-1)
    with pytest.raises(TypeError):
        ops.lrn(x, depth_radius=1.0)
    with pytest.raises(TypeError):
        ops.lrn(x, bias=1)
    with pytest.raises(TypeError):
        ops.lrn(Tensor(np.ones((1, 2, 2, 2), np.int32)))
    with pytest.raises(TypeError):
        nn.LRN(alpha=1)
    assert repr(nn.LRN()) == "LRN()"


# ---- CTC loss --------------------------------------------------------------------------------

def brute_ctc(lp, targets, in_lens, tgt_lens, blank=0):
    """-log of the summed probability of every labelling of the frames that collapses to the
    target (repeats merged, then blanks dropped)."""
    out = []
    for n in range(lp.shape[1]):
        target = list(targets[n, :tgt_lens[n]])
        total = -np.inf
        for path in itertools.product(range(lp.shape[2]), repeat=int(in_lens[n])):
            collapsed = [p for i, p in enumerate(path) if p != blank and (i == 0 or p != path[i - 1])]
            if collapsed == target:
                total = np.logaddexp(total, sum(lp[t, n, p] for t, p in enumerate(path)))
        out.append(-total)
    return np.array(out)


def log_softmax(z):
    return z - np.log(np.exp(z - z.max(-1, keepdims=True)).sum(-1, keepdims=True)) - z.max(-1, keepdims=True)


CTC_TARGETS = np.array([[1, 2, 2], [2, 1, 0], [2, 0, 0], [1, 1, 0]], np.int32)
CTC_IN = np.array([5, 4, 3, 3], np.int32)
CTC_TGT = np.array([3, 2, 1, 2], np.int32)   # sample 3, [1, 1] in 3 frames: 1 path


def test_ctc_loss_matches_brute_force_enumeration():
    rng = np.random.default_rng(2)
    lp = log_softmax(rng.standard_normal((5, 4, 3)))
    want = brute_ctc(lp, CTC_TARGETS, CTC_IN, CTC_TGT)
    args = (Tensor(CTC_TARGETS), Tensor(CTC_IN), Tensor(CTC_TGT))
    loss, alpha = ops.ctc_loss(Tensor(lp), *args, reduction="none")
    np.testing.assert_allclose(loss.asnumpy(), want, rtol=1e-12)
    assert alpha.shape == (4, 5, 7) and alpha.dtype == ms.float64
    a = alpha.asnumpy()
    assert np.isneginf(a[2, 3:]).all() and np.isneginf(a[1, :, 5:]).all()   # past the frames / targets
    # log alpha at the last frame, summed over the two end states, is the log-likelihood
    end = [np.logaddexp(a[n, CTC_IN[n] - 1, 2 * CTC_TGT[n]], a[n, CTC_IN[n] - 1, 2 * CTC_TGT[n] - 1]) for n in range(4)]
    np.testing.assert_allclose(-np.array(end), want, rtol=1e-12)
    mean = ops.ctc_loss(Tensor(lp), *args)[0]
    np.testing.assert_allclose(mean.asnumpy(), (want / CTC_TGT).mean(), rtol=1e-12)
    np.testing.assert_allclose(ops.ctc_loss(Tensor(lp), *args, reduction="sum")[0].asnumpy(), want.sum(), rtol=1e-12)
    np.testing.assert_allclose(nn.CTCLoss(reduction="none")(Tensor(lp, ms.float32), *args).asnumpy(), want,
                               rtol=1e-5)
    # another blank, and an empty target (every frame blank)
    tg = np.where(CTC_TARGETS == 2, 0, CTC_TARGETS)
    got = ops.ctc_loss(Tensor(lp), Tensor(tg), Tensor(CTC_IN), Tensor(CTC_TGT), blank=2, reduction="none")[0]
    np.testing.assert_allclose(got.asnumpy(), brute_ctc(lp, tg, CTC_IN, CTC_TGT, blank=2), rtol=1e-12)
    zero = np.array([0, 2, 1, 2], np.int32)
    got = ops.ctc_loss(Tensor(lp), Tensor(CTC_TARGETS), Tensor(CTC_IN), Tensor(zero), reduction="none")[0]
    np.testing.assert_allclose(got.asnumpy(), brute_ctc(lp, CTC_TARGETS, CTC_IN, zero), rtol=1e-12)
    # 'mean' divides by the target length, at least 1 (MindSpore 2.10: 4.4002156 on its case)
    got = ops.ctc_loss(Tensor(lp), Tensor(CTC_TARGETS), Tensor(CTC_IN), Tensor(zero))[0]
    np.testing.assert_allclose(got.asnumpy(), (brute_ctc(lp, CTC_TARGETS, CTC_IN, zero) / np.maximum(zero, 1)).mean(),
                               rtol=1e-12)


def test_ctc_loss_impossible_alignment_is_inf_or_zero():
    lp = np.log(np.full((2, 1, 3), 1 / 3))
    args = (Tensor(np.array([[1, 1]], np.int32)), Tensor(np.array([2], np.int32)), Tensor(np.array([2], np.int32)))
    loss = ops.ctc_loss(Tensor(lp), *args, reduction="none")[0]   # [1, 1] needs 3 frames
    assert np.isposinf(loss.asnumpy()).all()
    loss = ops.ctc_loss(Tensor(lp), *args, reduction="none", zero_infinity=True)[0]
    np.testing.assert_array_equal(loss.asnumpy(), [0.0])
    g = ops.grad(lambda a: ops.ctc_loss(a, *args, zero_infinity=True)[0])(Tensor(lp))
    np.testing.assert_array_equal(g.asnumpy(), np.zeros_like(lp))


def test_ctc_loss_gradients():
    rng = np.random.default_rng(3)
    z = rng.standard_normal((4, 3, 3))
    tg, il, tl = CTC_TARGETS[[0, 1, 3], :], np.array([4, 4, 3], np.int32), np.array([3, 2, 2], np.int32)
    args = (Tensor(tg), Tensor(il), Tensor(tl))
    # Through a log_softmax the gradient with respect to the logits is exact ...
    g = ops.grad(lambda a: ops.ctc_loss(ops.log_softmax(a, -1), *args, reduction="sum")[0])(Tensor(z))
    fd = num_grad(lambda: float(brute_ctc(log_softmax(z), tg, il, tl).sum()), z)
    np.testing.assert_allclose(g.asnumpy(), fd, rtol=1e-6, atol=1e-7)
    # ... and with respect to log_probs it is MindSpore's: exp(log_probs) on each sample's frames
    # minus the exact gradient's label occupancies (each frame's row sums to zero).
    lp = log_softmax(z)
    g = ops.grad(lambda a: ops.ctc_loss(a, *args, reduction="sum")[0])(Tensor(lp)).asnumpy()
    frames = (np.arange(4)[:, None] < il[None, :])[:, :, None]
    fd = num_grad(lambda: float(brute_ctc(lp, tg, il, tl).sum()), lp)
    np.testing.assert_allclose(g, fd + np.exp(lp) * frames, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(g.sum(-1), 0.0, atol=1e-12)


def test_ctc_loss_errors():
    lp = Tensor(np.log(np.full((5, 3, 4), 0.25, np.float32)))
    tg, il, tl = Tensor(CTC_TARGETS[:3]), Tensor(CTC_IN[:3]), Tensor(CTC_TGT[:3])
    with pytest.raises(ValueError):
        ops.ctc_loss(lp[:, 0], tg[0], il[:1], tl[:1])
    with pytest.raises(ValueError):
        ops.ctc_loss(lp, tg, il, tl, reduction="max")
    with pytest.raises(ValueError):
        ops.ctc_loss(lp, tg, il, tl, blank=4)
    with pytest.raises(RuntimeError):
        ops.ctc_loss(lp, tg, Tensor(np.array([6, 4, 3], np.int32)), tl)
    with pytest.raises(RuntimeError):
        ops.ctc_loss(lp, tg, il, Tensor(np.array([4, 2, 1], np.int32)))
    with pytest.raises(RuntimeError):
        ops.ctc_loss(lp, tg, Tensor(np.array([5, 4, 0], np.int32)), tl)   # fewer frames than labels
    with pytest.raises(TypeError):
        ops.ctc_loss(lp, tg, il.astype(ms.float32), tl)
    assert ops.ctc_loss(lp, tg.astype(ms.int64), il.astype(ms.int64), tl.astype(ms.int64))[0].dtype == ms.float32
    assert repr(nn.CTCLoss()) == "CTCLoss()"


# ---- SSIM and PSNR ---------------------------------------------------------------------------

def ref_ssim(a, b, max_val=1.0, size=11, sigma=1.5, k1=0.01, k2=0.03):
    off = np.arange((-size) // 2 + 1, size // 2 + 1, dtype=np.float64)
    g = np.exp(-(off[:, None] ** 2 + off[None, :] ** 2) / (2 * sigma ** 2))
    g /= g.sum()
    n, c, h, w = a.shape
    oh, ow = h - size + 1, w - size + 1

    def blur(x):
        y = np.zeros((n, c, oh, ow))
        for i, j in np.ndindex(size, size):
            y += g[i, j] * x[:, :, i:i + oh, j:j + ow]
        return y

    mx, my = blur(a), blur(b)
    vx, vy, cxy = blur(a * a) - mx * mx, blur(b * b) - my * my, blur(a * b) - mx * my
    c1, c2 = (k1 * max_val) ** 2, (k2 * max_val) ** 2
    s = (2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2))
    return s.mean(axis=(1, 2, 3))


def test_ssim_and_psnr_match_numpy_and_mindspore():
    rng = np.random.default_rng(0)
    a = rng.uniform(0, 1, (2, 3, 16, 16))
    b = np.clip(a + rng.normal(0, 0.1, a.shape), 0, 1)
    for kw in ({}, {"max_val": 255.0, "filter_size": 7, "filter_sigma": 1.0}, {"filter_size": 4, "filter_sigma": 0.8}):
        scale = kw.get("max_val", 1.0)
        want = ref_ssim(a * scale, b * scale, max_val=scale, size=kw.get("filter_size", 11),
                        sigma=kw.get("filter_sigma", 1.5))
        got = nn.SSIM(**kw)(Tensor(a * scale, ms.float32), Tensor(b * scale, ms.float32))
        assert got.dtype == ms.float32 and got.shape == (2,)
        np.testing.assert_allclose(got.asnumpy(), want, rtol=2e-5)
        with pytest.raises(TypeError):   # MindSpore 2.10's SSIM takes Float32 or Float16 only
            nn.SSIM(**kw)(Tensor(a * scale), Tensor(b * scale))
    np.testing.assert_allclose(nn.SSIM()(Tensor(a, ms.float32), Tensor(a, ms.float32)).asnumpy(), [1.0, 1.0], rtol=1e-6)
    # MindSpore 2.10 (GRAPH_MODE; its PyNative SSIM and PSNR fail in ScalarCast) on these images
    a32, b32 = Tensor(a, ms.float32), Tensor(b.astype(np.float32))
    np.testing.assert_allclose(nn.SSIM()(a32, b32).asnumpy(), [0.93689156, 0.95418763], rtol=1e-5)
    np.testing.assert_allclose(nn.PSNR()(a32, b32).asnumpy(), [20.284103, 20.579197], rtol=1e-5)
    assert nn.SSIM()(Tensor(a, ms.float16), Tensor(b, ms.float16)).dtype == ms.float32
    mse = ((a - b) ** 2).mean(axis=(1, 2, 3))
    got = nn.PSNR()(Tensor(a, ms.float32), Tensor(b, ms.float32))
    assert got.dtype == ms.float32
    np.testing.assert_allclose(got.asnumpy(), 10 * np.log10(1 / mse), rtol=1e-5)
    assert np.isposinf(nn.PSNR()(Tensor(a), Tensor(a)).asnumpy()).all()
    # MindSpore 2.10's docstring example (and its GRAPH_MODE output): int64 images, max_val 1
    got = nn.PSNR()(Tensor([[[[1, 2, 3, 4], [1, 2, 3, 4]]]]), Tensor([[[[3, 4, 5, 6], [3, 4, 5, 6]]]]))
    np.testing.assert_allclose(got.asnumpy(), [-6.0206], rtol=1e-5)


def test_ssim_gradient_and_errors():
    rng = np.random.default_rng(4)
    a, b = rng.uniform(0, 1, (1, 1, 5, 5)), rng.uniform(0, 1, (1, 1, 5, 5))
    b32 = Tensor(b, ms.float32)
    g = ops.grad(lambda x: nn.SSIM(filter_size=3, filter_sigma=1.0)(x, b32).sum())(Tensor(a, ms.float32))
    fd = num_grad(lambda: float(ref_ssim(a, b, size=3, sigma=1.0).sum()), a)
    np.testing.assert_allclose(g.asnumpy(), fd, rtol=2e-3, atol=1e-5)
    x = Tensor(a, ms.float32)
    with pytest.raises(ValueError):
        nn.SSIM()(x, x)                                    # smaller than the window
    with pytest.raises(ValueError):
        nn.SSIM(max_val=0)
    with pytest.raises(ValueError):
        nn.SSIM(filter_size=0)
    with pytest.raises(TypeError):
        nn.SSIM(filter_sigma=1)
    with pytest.raises(TypeError):
        nn.SSIM(filter_size=3, filter_sigma=1.0)(x, Tensor(b))   # dtypes differ
    with pytest.raises(ValueError):
        nn.PSNR()(x[0], x[0])
    with pytest.raises(ValueError):
        nn.PSNR(0.0)
    with pytest.raises(TypeError):
        nn.SSIM(filter_size=3, filter_sigma=1.0)(Tensor(np.ones((1, 1, 5, 5), np.uint8)), Tensor(np.ones((1, 1, 5, 5), np.uint8)))


# ---- PSROIPooling ----------------------------------------------------------------------------

def ref_psroi(f, boxes, scale, gs, od):
    """Loops over boxes and bins with MindSpore 2.10's CPU rules (measured on 40 random cases):
    corners rounded half away from zero after scaling, sides at least 0.1, bins floored/ceiled
    and clamped to [0, size - 1], empty bins 0."""
    def rnd(v):
        return np.sign(v) * np.floor(np.abs(v) + 0.5)
    n, _, hh, ww = f.shape
    out = np.zeros((len(boxes), od, gs, gs))
    for r, (b, x1, y1, x2, y2) in enumerate(boxes):
        sw, sh, ew, eh = (rnd(v * scale) for v in (x1, y1, x2, y2))
        bw, bh = max(ew - sw, 0.1) / gs, max(eh - sh, 0.1) / gs
        for c, i, j in np.ndindex(od, gs, gs):
            h0 = min(max(int(np.floor(i * bh + sh)), 0), hh - 1)
            h1 = min(max(int(np.ceil((i + 1) * bh + sh)), 0), hh - 1)
            w0 = min(max(int(np.floor(j * bw + sw)), 0), ww - 1)
            w1 = min(max(int(np.ceil((j + 1) * bw + sw)), 0), ww - 1)
            if h1 > h0 and w1 > w0 and 0 <= int(b) < n:
                out[r, c, i, j] = f[int(b), (c * gs + i) * gs + j, h0:h1, w0:w1].mean()
    return out


def test_psroi_pooling_imports_as_the_d2l_chapter_does_and_matches_numpy():
    from mindspore.ops.operations.nn_ops import PSROIPooling
    import mindspore.ops.operations.nn_ops as nn_ops
    assert nn_ops.PSROIPooling is PSROIPooling
    rng = np.random.default_rng(5)
    for _ in range(8):
        gs, od, scale = int(rng.integers(1, 4)), int(rng.integers(1, 3)), float(rng.choice([1.0, 0.5, 1 / 3]))
        h, w = int(rng.integers(3, 9)), int(rng.integers(3, 9))
        f = rng.standard_normal((3, od * gs * gs, h, w))
        rois = np.zeros((3, 5, 1))
        rois[:, 0, 0] = rng.integers(0, 3, 3)
        rois[:, 1:, 0] = np.round(rng.uniform(-2, max(h, w) / scale + 2, (3, 4)) * 2) / 2   # halves too
        got = PSROIPooling(scale, gs, od)(Tensor(f), Tensor(rois, ms.float32))
        assert got.shape == (3, od, gs, gs) and got.dtype == ms.float64
        np.testing.assert_allclose(got.asnumpy(), ref_psroi(f, rois.reshape(-1, 5), scale, gs, od), rtol=1e-12,
                                   atol=1e-12)
    # MindSpore 2.10's own output on its CPU kernel for this case
    feats = Tensor(np.arange(2 * 8 * 4 * 4, dtype=np.float32).reshape(2, 8, 4, 4))
    boxes = Tensor(np.array([[[0.0], [0.0], [0.0], [3.0], [3.0]], [[1.0], [1.0], [0.5], [2.2], [3.0]]], np.float32))
    np.testing.assert_array_equal(PSROIPooling(1.0, 2, 2)(feats, boxes).asnumpy().ravel(),
                                  [2.5, 19.5, 38.5, 55.5, 66.5, 83.5, 102.5, 119.5,
                                   133, 149, 169, 185, 197, 213, 233, 249])


def test_psroi_pooling_gradient_and_errors():
    from mindspore.ops.operations.nn_ops import PSROIPooling
    rng = np.random.default_rng(6)
    f = rng.standard_normal((2, 8, 5, 6))
    rois = np.array([[[0.0], [0.5], [0.5], [4.4], [3.5]], [[1.0], [1.0], [0.0], [5.0], [4.0]]])
    op = PSROIPooling(1.0, 2, 2)
    ct = rng.standard_normal((2, 2, 2, 2))
    g = ops.grad(lambda a: (op(a, Tensor(rois)) * Tensor(ct)).sum())(Tensor(f))
    fd = num_grad(lambda: float((ref_psroi(f, rois.reshape(-1, 5), 1.0, 2, 2) * ct).sum()), f)
    np.testing.assert_allclose(g.asnumpy(), fd, rtol=1e-6, atol=1e-8)
    with pytest.raises(RuntimeError):
        PSROIPooling(1.0, 2, 3)(Tensor(f), Tensor(rois))           # channels != 3 * 2 * 2
    with pytest.raises(RuntimeError):
        op(Tensor(f[:1]), Tensor(rois))                            # batch sizes differ
    with pytest.raises(ValueError):
        op(Tensor(f), Tensor(rois[:, :4]))
    with pytest.raises(TypeError):
        op(Tensor(f), Tensor(rois.astype(np.int32)))
    with pytest.raises(TypeError):
        PSROIPooling(1, 2, 2)
    with pytest.raises(ValueError):
        PSROIPooling(-1.0, 2, 2)
    with pytest.raises(TypeError):
        PSROIPooling(1.0, 2.0, 2)


def test_msssim_matches_numpy_and_mindspore():
    rng = np.random.default_rng(0)
    a = rng.uniform(0, 1, (2, 3, 48, 52)).astype(np.float32)
    b = np.clip(a + rng.normal(0, 0.2, a.shape), 0, 1).astype(np.float32)

    def ref(x, y, powers, size, sigma):
        # per-channel means of cs (scales but the last) and of the SSIM (the last), clipped at 0
        x, y = x.astype(np.float64), y.astype(np.float64)
        terms = []
        for level in range(len(powers)):
            off = np.arange((-size) // 2 + 1, size // 2 + 1)
            g = np.exp(-(off[:, None] ** 2 + off[None, :] ** 2) / (2 * sigma ** 2))
            g /= g.sum()
            oh, ow = x.shape[2] - size + 1, x.shape[3] - size + 1
            blur = lambda t: sum(g[i, j] * t[:, :, i:i + oh, j:j + ow] for i, j in np.ndindex(size, size))  # noqa: E731
            mx, my = blur(x), blur(y)
            cs = (2 * (blur(x * y) - mx * my) + 0.03 ** 2) / (blur(x * x) - mx * mx + blur(y * y) - my * my + 0.03 ** 2)
            full = (2 * mx * my + 0.01 ** 2) / (mx * mx + my * my + 0.01 ** 2) * cs
            terms.append(np.maximum((full if level == len(powers) - 1 else cs).mean(axis=(2, 3)), 0))
            h2, w2 = x.shape[2] // 2 * 2, x.shape[3] // 2 * 2
            x = x[:, :, :h2, :w2].reshape(x.shape[0], x.shape[1], h2 // 2, 2, w2 // 2, 2).mean(axis=(3, 5))
            y = y[:, :, :h2, :w2].reshape(y.shape[0], y.shape[1], h2 // 2, 2, w2 // 2, 2).mean(axis=(3, 5))
        return np.prod([t ** p for t, p in zip(terms, powers)], axis=0).mean(axis=1)

    got = nn.MSSSIM(power_factors=(0.2, 0.3, 0.5), filter_size=7)(Tensor(a), Tensor(b))
    assert got.dtype == ms.float32 and got.shape == (2,)
    np.testing.assert_allclose(got.asnumpy(), ref(a, b, (0.2, 0.3, 0.5), 7, 1.5), rtol=1e-5)
    np.testing.assert_allclose(got.asnumpy(), [0.8325961, 0.8412593], rtol=1e-5)   # MindSpore 2.10 (GRAPH_MODE)
    got = nn.MSSSIM(power_factors=(0.5, 0.5), filter_size=5, filter_sigma=1.0, max_val=255)(
        Tensor((a * 255).astype(np.uint8)), Tensor((b * 255).astype(np.uint8)))
    np.testing.assert_allclose(got.asnumpy(), [0.81801766, 0.81355125], rtol=1e-5)  # MindSpore 2.10
    got64 = nn.MSSSIM(power_factors=(0.5, 0.5), filter_size=5, filter_sigma=1.0)(Tensor(a, ms.float64), Tensor(b, ms.float64))
    np.testing.assert_allclose(got64.asnumpy(), ref(a, b, (0.5, 0.5), 5, 1.0), rtol=1e-12)
    with pytest.raises(ValueError):
        nn.MSSSIM()(Tensor(a), Tensor(b))              # 5 scales need 11 * 16 cells a side
    with pytest.raises(TypeError):
        nn.MSSSIM(power_factors=0.5)


def test_empty_batches_and_no_frames():
    x0 = ops.zeros((0, 2, 4, 4, 4))
    assert ops.conv3d(x0, ops.ones((3, 2, 2, 2, 2))).shape == (0, 3, 3, 3, 3)
    assert ops.max_pool3d(x0, 2).shape == (0, 2, 2, 2, 2)
    assert ops.avg_pool3d(x0, 2).shape == (0, 2, 3, 3, 3)
    assert nn.Conv3dTranspose(2, 3, 2)(x0).shape == (0, 3, 4, 4, 4)
    assert ops.lrn(ops.zeros((0, 3, 2, 2))).shape == (0, 3, 2, 2)
    assert ops.max_unpool2d(ops.zeros((0, 1, 2, 2)), Tensor(np.zeros((0, 1, 2, 2), np.int64)), 2).shape == (0, 1, 4, 4)
    assert nn.SSIM(filter_size=3, filter_sigma=1.0)(ops.zeros((0, 1, 5, 5)), ops.zeros((0, 1, 5, 5))).shape == (0,)
    # no frames and empty targets: the empty labelling has probability 1, the loss is 0
    loss, alpha = ops.ctc_loss(ops.zeros((0, 2, 3)), Tensor(np.zeros((2, 0), np.int32)), Tensor([0, 0], ms.int32),
                               Tensor([0, 0], ms.int32), reduction="none")
    np.testing.assert_array_equal(loss.asnumpy(), [0.0, 0.0])
    assert alpha.shape == (2, 0, 1)

"""nn.InstanceNorm1d/2d/3d, ops.interpolate and nn.Upsample against NumPy float64 references
written here (each output cell computed from its own formula, not from the package's tap
tables), finite-difference gradients in Float64, and numbers from MindSpore 2.10 on CPU."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn, ops

RNG = np.random.default_rng(7)


# ---------------------------------------------------------------- references
def ref_weights(mode, n_in, n_out, scale_factor=None, align=False, recompute=False):
    """The [n_out, n_in] matrix of one axis, cell by cell from the textbook formulas."""
    scale = 1.0 / scale_factor if scale_factor is not None and not recompute else n_in / n_out
    m = np.zeros((n_out, n_in))
    for j in range(n_out):
        if mode == "nearest":
            m[j, min(int(math.floor(j * scale)), n_in - 1)] = 1.0
        elif mode == "nearest-exact":
            m[j, min(int(math.floor((j + 0.5) * scale)), n_in - 1)] = 1.0
        elif mode == "area":
            lo, hi = (j * n_in) // n_out, -((-(j + 1) * n_in) // n_out)
            m[j, lo:hi] = 1.0 / (hi - lo)
        elif mode == "linear":
            if align:
                src = j * (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
            else:
                src = max((j + 0.5) * scale - 0.5, 0.0)
            i0 = min(int(math.floor(src)), n_in - 1)
            i1 = min(i0 + 1, n_in - 1)
            m[j, i0] += 1.0 - (src - i0)
            m[j, i1] += src - i0
        elif mode == "cubic":
            if align:
                src = j * (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
                a, t = -0.75, src - math.floor(src)
            else:
                src = (j + 0.5) * scale - 0.5
                a, t = -0.5, round((src - math.floor(src)) * 1024) / 1024
            i = math.floor(src)

            def keys(s):
                s = abs(s)
                if s <= 1:
                    return (a + 2) * s ** 3 - (a + 3) * s ** 2 + 1
                return a * s ** 3 - 5 * a * s ** 2 + 8 * a * s - 4 * a
            taps = [(i + k - 1, keys(t + 1 - k)) for k in range(4)]
            if not align:  # drop the taps outside, renormalise
                taps = [(p, w) for p, w in taps if 0 <= p < n_in]
                total = sum(w for _, w in taps)
                taps = [(p, w / total) for p, w in taps]
            for p, w in taps:
                m[j, min(max(p, 0), n_in - 1)] += w
    return m


def ref_interp(x, sizes, mode, **kw):
    axis_mode = {"bilinear": "linear", "trilinear": "linear", "bicubic": "cubic"}.get(mode, mode)
    sf = kw.pop("scale_factor", None)
    for d, n_out in enumerate(sizes):
        f = sf[d] if isinstance(sf, (tuple, list)) else sf
        w = ref_weights(axis_mode, x.shape[2 + d], n_out, f, **kw)
        x = np.moveaxis(np.tensordot(w, np.moveaxis(x, 2 + d, 0), axes=(1, 0)), 0, 2 + d)
    return x


def fd_grad(f, x, eps=1e-6):
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[i] += eps
        xm[i] -= eps
        g[i] = (f(xp) - f(xm)) / (2 * eps)
    return g


# ---------------------------------------------------------------- interpolate: values
CASES = [  # (input shape, mode, kwargs, output spatial sizes)
    ((2, 3, 5), "nearest", dict(size=7), (7,)),
    ((1, 2, 5), "nearest", dict(size=3), (3,)),
    ((2, 1, 5), "linear", dict(size=7), (7,)),
    ((2, 1, 5), "linear", dict(size=7, align_corners=True), (7,)),
    ((1, 1, 5), "linear", dict(size=1), (1,)),
    ((1, 1, 1), "linear", dict(size=4, align_corners=True), (4,)),
    ((1, 2, 5), "linear", dict(scale_factor=1.7), (8,)),
    ((1, 2, 5), "linear", dict(scale_factor=1.7, recompute_scale_factor=True), (8,)),
    ((2, 2, 3, 4), "bilinear", dict(size=(5, 3)), (5, 3)),
    ((1, 1, 3, 4), "bilinear", dict(size=(5, 7), align_corners=True), (5, 7)),
    ((1, 3, 1, 4), "bilinear", dict(scale_factor=(2.0, 1.5)), (2, 6)),
    ((1, 1, 3, 4), "bicubic", dict(size=(5, 3)), (5, 3)),
    ((2, 1, 4, 4), "bicubic", dict(size=(8, 8)), (8, 8)),
    ((1, 1, 3, 4), "bicubic", dict(size=(5, 7), align_corners=True), (5, 7)),
    ((1, 1, 3, 1), "bicubic", dict(size=(4, 2)), (4, 2)),
    ((1, 1, 3, 4), "nearest", dict(size=(5, 3)), (5, 3)),
    ((1, 1, 3, 4), "nearest-exact", dict(size=(5, 3)), (5, 3)),
    ((1, 1, 6, 4), "area", dict(size=(4, 3)), (4, 3)),
    ((1, 1, 3, 4), "area", dict(scale_factor=(2.0, 2.0)), (6, 8)),
    ((1, 1, 2, 3, 2), "trilinear", dict(size=(3, 3, 3)), (3, 3, 3)),
    ((1, 2, 2, 2, 2), "nearest", dict(size=(3, 1, 4)), (3, 1, 4)),
]


@pytest.mark.parametrize("shape,mode,kw,sizes", CASES)
def test_interpolate_values_and_gradients(shape, mode, kw, sizes):
    x = RNG.standard_normal(shape)
    ref_kw = {k: v for k, v in kw.items() if k not in ("size",)}
    ref_kw["align"] = ref_kw.pop("align_corners", False)
    ref_kw["recompute"] = ref_kw.pop("recompute_scale_factor", False)
    want = ref_interp(x, sizes, mode, **ref_kw)
    got = ops.interpolate(ms.Tensor(x), mode=mode, **kw)
    assert got.dtype == ms.float64 and got.shape == want.shape
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)
    # gradient of <interpolate(x), c> in Float64 against central differences
    c = RNG.standard_normal(want.shape)
    g = ms.grad(lambda t: (ops.interpolate(t, mode=mode, **kw) * ms.Tensor(c)).sum())(ms.Tensor(x))
    fd = fd_grad(lambda v: (ref_interp(v, sizes, mode, **dict(ref_kw)) * c).sum(), x)
    np.testing.assert_allclose(g.asnumpy(), fd, rtol=1e-6, atol=1e-8)
    # Float32 keeps its dtype
    got32 = ops.interpolate(ms.Tensor(x.astype(np.float32)), mode=mode, **kw)
    assert got32.dtype == ms.float32
    np.testing.assert_allclose(got32.asnumpy(), want, rtol=1e-5, atol=1e-5)


X34 = np.arange(12, dtype=np.float32).reshape(1, 1, 3, 4) ** 1.5


@pytest.mark.parametrize("mode,kw,want", [
    # printed by MindSpore 2.10 on CPU (ops.interpolate of X34), first values of the output
    ("bilinear", dict(size=(5, 3)), [0.16667, 1.91421, 4.80153, 3.51202, 6.32398, 10.03414]),
    ("bicubic", dict(size=(5, 3)), [-0.5276, 0.99268, 3.95099, 2.32303, 4.98189, 8.77317]),
    ("bicubic", dict(size=(5, 7), align_corners=True), [0.0, 0.32858, 1.0, 1.78599, 2.82843]),
    ("area", dict(size=(5, 3)), [0.5, 1.91421, 4.01229, 5.04508, 7.42643, 10.31044]),
    ("nearest-exact", dict(size=(5, 3)), [0.0, 2.82843, 5.19615, 0.0, 2.82843, 5.19615]),
    ("bilinear", dict(size=5), [0.0, 0.7, 1.91421, 3.53874, 5.19615, 3.2]),
])
def test_interpolate_matches_mindspore(mode, kw, want):
    got = ops.interpolate(ms.Tensor(X34), mode=mode, **kw).asnumpy().ravel()
    np.testing.assert_allclose(got[:len(want)], want, atol=2e-5)


def test_interpolate_linear_1d_matches_mindspore():
    x = ms.Tensor(np.arange(1, 6, dtype=np.float32).reshape(1, 1, 5))
    # MindSpore 2.10: size=7; size=3; scale_factor=1.7 with recompute_scale_factor=True
    np.testing.assert_allclose(ops.interpolate(x, size=7, mode="linear").asnumpy().ravel(),
                               [1.0, 1.57143, 2.28571, 3.0, 3.71429, 4.42857, 5.0], atol=1e-5)
    np.testing.assert_allclose(ops.interpolate(x, size=3, mode="linear").asnumpy().ravel(),
                               [1.33333, 3.0, 4.66667], atol=1e-5)
    np.testing.assert_allclose(
        ops.interpolate(x, scale_factor=1.7, mode="linear",
                        recompute_scale_factor=True).asnumpy().ravel(),
        [1.0, 1.4375, 2.0625, 2.6875, 3.3125, 3.9375, 4.5625, 5.0], atol=1e-6)


def test_interpolate_float16_computes_in_float16():
    x = RNG.standard_normal((1, 2, 3, 4)).astype(np.float16)
    got = ops.interpolate(ms.Tensor(x), size=(5, 6), mode="bilinear")
    assert got.dtype == ms.float16
    want = ref_interp(x.astype(np.float64), (5, 6), "bilinear", align=False, recompute=False)
    np.testing.assert_allclose(got.asnumpy().astype(np.float64), want, atol=2e-2)


def test_interpolate_under_jit_and_graph_mode():
    x = ms.Tensor(RNG.standard_normal((2, 3, 4, 4)).astype(np.float32))
    eager = ops.interpolate(x, size=(7, 5), mode="bicubic")
    jitted = ms.jit(lambda t: ops.interpolate(t, size=(7, 5), mode="bicubic"))(x)
    np.testing.assert_allclose(jitted.asnumpy(), eager.asnumpy(), rtol=1e-6)
    up = nn.Upsample(scale_factor=2.0, mode="bilinear", align_corners=True)
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        graph = up(x)
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    np.testing.assert_allclose(graph.asnumpy(), up(x).asnumpy(), rtol=1e-6)


@pytest.mark.parametrize("call,cls,text", [
    (lambda x: ops.interpolate(x, size=(5, 3), scale_factor=2.0), ValueError, "simultaneously"),
    (lambda x: ops.interpolate(x), ValueError, "cannot be both empty"),
    (lambda x: ops.interpolate(x, size=(5, 3), mode="foo"), ValueError, "'mode' must be in"),
    (lambda x: ops.interpolate(x, size=(5, 3), mode="linear"), ValueError, "linear only support"),
    (lambda x: ops.interpolate(x, size=(5, 3), mode="trilinear"), ValueError, "trilinear"),
    (lambda x: ops.interpolate(x, size=(5, 3), align_corners=True), ValueError, "align_corners"),
    (lambda x: ops.interpolate(x, size=(5, 3, 2), mode="bilinear"), ValueError,
     "same spatial dimensions"),
    (lambda x: ops.interpolate(x, size=(5, 3), mode="bilinear", recompute_scale_factor=True),
     ValueError, "recompute_scale_factor"),
    (lambda x: ops.interpolate(x, scale_factor=-1.0), ValueError, "must > 0"),
    (lambda x: ops.interpolate(x, scale_factor=2), TypeError, "must be float"),
    (lambda x: ops.interpolate(x, size=(0, 3)), ValueError, "positive"),
    (lambda x: ops.interpolate(x, size=(2.5, 3)), TypeError, "'size'"),
    (lambda x: ops.interpolate(x.asnumpy(), size=(5, 3)), TypeError, "must be a tensor"),
    (lambda x: ops.interpolate(x.astype(ms.int32), size=(5, 3)), TypeError, "float"),
    (lambda x: ops.interpolate(x.reshape(12), size=(5,)), ValueError, "only support"),
    (lambda x: nn.Upsample(scale_factor=2, mode="nearest")(x), TypeError, "must be float"),
])
def test_interpolate_errors(call, cls, text):
    with pytest.raises(cls, match="For 'interpolate'") as info:
        call(ms.Tensor(X34))
    assert text in str(info.value)
    assert isinstance(info.value, ms.Error)


def test_upsample_cell():
    up = nn.Upsample(size=(2, 4), mode="bilinear", align_corners=True)
    assert repr(nn.Upsample()) == "Upsample()"  # as MindSpore prints it
    x = RNG.standard_normal((2, 3, 3, 2))
    want = ref_interp(x, (2, 4), "bilinear", align=True, recompute=False)
    np.testing.assert_allclose(up(ms.Tensor(x)).asnumpy(), want, rtol=1e-12)
    assert not list(up.get_parameters())


# ---------------------------------------------------------------- InstanceNorm
def ref_instance_norm(x, gamma, beta, eps):
    axes = tuple(range(2, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    shape = (1, -1) + (1,) * (x.ndim - 2)
    return (x - mean) / np.sqrt(var + eps) * gamma.reshape(shape) + beta.reshape(shape)


@pytest.mark.parametrize("cls,shape", [
    (nn.InstanceNorm1d, (2, 3, 5)), (nn.InstanceNorm1d, (1, 1, 4)),
    (nn.InstanceNorm2d, (2, 3, 4, 5)), (nn.InstanceNorm2d, (3, 2, 1, 3)),
    (nn.InstanceNorm3d, (2, 2, 2, 3, 2)), (nn.InstanceNorm3d, (1, 3, 1, 1, 2)),
])
def test_instance_norm_values_and_gradients(cls, shape):
    c = shape[1]
    gamma, beta = RNG.standard_normal(c), RNG.standard_normal(c)
    net = cls(c, eps=1e-3, gamma_init=ms.Tensor(gamma.astype(np.float32)),
              beta_init=ms.Tensor(beta.astype(np.float32)), dtype=ms.float64)
    x = RNG.standard_normal(shape)
    want = ref_instance_norm(x, gamma.astype(np.float32).astype(np.float64),
                             beta.astype(np.float32).astype(np.float64), 1e-3)
    got = net(ms.Tensor(x))
    assert got.dtype == ms.float64
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-10, atol=1e-12)
    ct = RNG.standard_normal(shape)
    g32 = lambda v: v.astype(np.float32).astype(np.float64)  # noqa: E731
    gx, (gg, gb) = ms.value_and_grad(lambda t: (net(t) * ms.Tensor(ct)).sum(), 0,
                                     net.trainable_params())(ms.Tensor(x))[1]
    fd_x = fd_grad(lambda v: (ref_instance_norm(v, g32(gamma), g32(beta), 1e-3) * ct).sum(), x)
    np.testing.assert_allclose(gx.asnumpy(), fd_x, rtol=1e-6, atol=1e-7)
    fd_g = fd_grad(lambda v: (ref_instance_norm(x, v, g32(beta), 1e-3) * ct).sum(), g32(gamma))
    fd_b = fd_grad(lambda v: (ref_instance_norm(x, g32(gamma), v, 1e-3) * ct).sum(), g32(beta))
    np.testing.assert_allclose(gg.asnumpy(), fd_g, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(gb.asnumpy(), fd_b, rtol=1e-6, atol=1e-7)


def test_instance_norm_moving_statistics_and_names():
    net = nn.InstanceNorm2d(3, momentum=0.25)
    assert [(k, p.name, p.requires_grad) for k, p in net.parameters_and_names()] == [
        ("moving_mean", "mean", False), ("moving_variance", "variance", False),
        ("gamma", "gamma", True), ("beta", "beta", True)]  # as MindSpore 2.10 lists them
    x = RNG.standard_normal((4, 3, 2, 3)).astype(np.float32)
    net(ms.Tensor(x))
    inst_mean = x.mean(axis=(2, 3))
    inst_var = x.var(axis=(2, 3), ddof=1)
    np.testing.assert_allclose(net.moving_mean.asnumpy(), 0.25 * inst_mean.mean(0), rtol=1e-5)
    np.testing.assert_allclose(net.moving_variance.asnumpy(),
                               0.75 + 0.25 * inst_var.mean(0), rtol=1e-5)
    # the update is not differentiated, and the output does not use the moving statistics
    net.set_train(False)
    y = net(ms.Tensor(x)).asnumpy()
    np.testing.assert_allclose(y, ref_instance_norm(x.astype(np.float64), np.ones(3),
                                                    np.zeros(3), 1e-5), atol=1e-5)


def test_instance_norm_affine_false_and_repr():
    net = nn.InstanceNorm1d(3, affine=False)
    assert net.trainable_params() == []
    assert repr(net) == (  # MindSpore 2.10's print
        "InstanceNorm1d(num_features=3, eps=1e-05, momentum=0.1, gamma=Parameter (name=gamma, "
        "shape=(3,), dtype=Float32, requires_grad=False), beta=Parameter (name=beta, shape=(3,), "
        "dtype=Float32, requires_grad=False), moving_mean=Parameter (name=mean, shape=(3,), "
        "dtype=Float32, requires_grad=False), moving_variance=Parameter (name=variance, "
        "shape=(3,), dtype=Float32, requires_grad=False))")


def test_instance_norm_trains_under_jit():
    net = nn.SequentialCell(nn.Conv2d(2, 4, 3), nn.InstanceNorm2d(4), nn.ReLU())
    opt = nn.SGD(net.trainable_params(), 0.2)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
    x = ms.Tensor(RNG.standard_normal((3, 2, 5, 5)).astype(np.float32))
    y = ms.Tensor(np.abs(RNG.standard_normal((3, 4, 5, 5))).astype(np.float32))
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        losses = [float(step(x, y).asnumpy()) for _ in range(40)]
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    assert losses[-1] < 0.7 * losses[0], losses


@pytest.mark.parametrize("kw,cls,text", [
    # MindSpore 2.10's classes and messages
    (dict(num_features=0), ValueError, "'num_features' must be at least 1, but got 0"),
    (dict(num_features=3, eps=1), TypeError, "the type of 'eps' should be 'float'"),
    (dict(num_features=3, momentum=2.0), ValueError, "'momentum' must be a number in range"),
    (dict(num_features=3.0), TypeError, "the type of 'num_features' should be 'int'"),
    (dict(num_features=3, affine=1), TypeError, "the type of 'affine' should be 'bool'"),
    (dict(num_features=3, gamma_init=[1, 2, 3]), TypeError, "'gamma_init'"),
    (dict(num_features=3, beta_init=ms.Tensor(np.zeros(3), ms.float64)), TypeError,
     "must be float32"),
])
def test_instance_norm_constructor_errors(kw, cls, text):
    with pytest.raises(cls, match="For 'InstanceNorm1d'") as info:
        nn.InstanceNorm1d(**kw)
    assert text in str(info.value)


def test_instance_norm_input_errors():
    net = nn.InstanceNorm2d(3)
    with pytest.raises(ValueError, match="For 'InstanceNorm2d', the in_shape must have 4 dims, "
                                         "but got 3."):
        net(ms.Tensor(np.ones((2, 3, 4), np.float32)))
    with pytest.raises(ValueError, match="num_features=3, but got 2"):
        net(ms.Tensor(np.ones((2, 2, 4, 4), np.float32)))
    with pytest.raises(TypeError, match="Int32"):
        net(ms.Tensor(np.ones((2, 3, 4, 4), np.int32)))
    with pytest.raises(TypeError, match="must be a Tensor"):
        net(np.ones((2, 3, 4, 4), np.float32))


# ---------------------------------------------------------------- the resize primitives
def ref_resize_bilinear(x, size, align, half):
    """TensorFlow-style resize_bilinear in float64, cell by cell."""
    out = np.zeros(x.shape[:2] + tuple(size))
    (h, w), (oh, ow) = x.shape[2:], size

    def src(j, n_in, n_out):
        if align:
            return j * (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
        if half:
            return max((j + 0.5) * n_in / n_out - 0.5, 0.0)
        return j * n_in / n_out

    for i in range(oh):
        for j in range(ow):
            si, sj = src(i, h, oh), src(j, w, ow)
            i0, j0 = min(int(si), h - 1), min(int(sj), w - 1)
            i1, j1 = min(i0 + 1, h - 1), min(j0 + 1, w - 1)
            ti, tj = si - i0, sj - j0
            top = x[..., i0, j0] * (1 - tj) + x[..., i0, j1] * tj
            bottom = x[..., i1, j0] * (1 - tj) + x[..., i1, j1] * tj
            out[..., i, j] = top * (1 - ti) + bottom * ti
    return out


@pytest.mark.parametrize("align,half", [(False, False), (True, False), (False, True)])
@pytest.mark.parametrize("shape,size", [((1, 1, 3, 4), (5, 3)), ((2, 3, 4, 1), (2, 6)),
                                        ((1, 2, 1, 1), (3, 2))])
def test_resize_bilinear_v2(align, half, shape, size):
    x = RNG.standard_normal(shape)
    op = ops.ResizeBilinearV2(align, half)
    want = ref_resize_bilinear(x, size, align, half)
    np.testing.assert_allclose(op(ms.Tensor(x), size).asnumpy(), want, rtol=1e-12, atol=1e-12)
    c = RNG.standard_normal(want.shape)
    g = ms.grad(lambda t: (op(t, size) * ms.Tensor(c)).sum())(ms.Tensor(x))
    fd = fd_grad(lambda v: (ref_resize_bilinear(v, size, align, half) * c).sum(), x)
    np.testing.assert_allclose(g.asnumpy(), fd, rtol=1e-6, atol=1e-8)


def test_resize_primitives_match_mindspore():
    x = ms.Tensor(X34)
    # MindSpore 2.10 on CPU, first values
    np.testing.assert_allclose(ops.ResizeBilinearV2()(x, (5, 3)).asnumpy().ravel()[:6],
                               [0.0, 1.60948, 4.40691, 4.8, 8.05531, 12.11026], atol=2e-5)
    np.testing.assert_allclose(ops.ResizeBilinearV2(True)(x, (6, 8)).asnumpy().ravel()[:6],
                               [0.0, 0.42857, 0.85714, 1.52241, 2.30602, 3.16667], atol=2e-5)
    np.testing.assert_allclose(ops.ResizeBilinearV2(False, True)(x, (2, 2)).asnumpy().ravel(),
                               [2.77254, 7.16137, 21.00782, 29.69177], atol=2e-5)
    col = ms.Tensor(np.arange(3, dtype=np.float32).reshape(1, 1, 3, 1))
    for (ac, hp), want in [((False, False), [0, 0, 0, 1, 1, 1, 2, 2]),
                           ((True, False), [0, 0, 1, 1, 1, 1, 2, 2]),
                           ((False, True), [0, 0, 0, 1, 1, 1, 2, 2])]:
        got = ops.ResizeNearestNeighbor((8, 1), ac, hp)(col).asnumpy().ravel()
        assert got.tolist() == want
    ints = ops.ResizeNearestNeighbor((5, 3))(x.astype(ms.int32))
    assert ints.dtype == ms.int32 and ints.shape == (1, 1, 5, 3)


@pytest.mark.parametrize("call,cls,text", [
    (lambda x: ops.ResizeBilinearV2(True, True), ValueError, "half_pixel_centers must be false"),
    (lambda x: ops.ResizeNearestNeighbor((5, 3), True, True), ValueError, "must be false"),
    (lambda x: ops.ResizeBilinearV2()(x[0], (5, 3)), ValueError, "rank must be equal to 4"),
    (lambda x: ops.ResizeNearestNeighbor((5,)), ValueError, "number of size must be equal to 2"),
    (lambda x: ops.ResizeBilinearV2()(x, (5, 0)), ValueError, "positive"),
    (lambda x: ops.ResizeBilinearV2()(x.astype(ms.int32), (5, 3)), TypeError, "Int32"),
    (lambda x: ops.ResizeBilinearV2(1), TypeError, "'align_corners' must be a bool"),
    (lambda x: ops.ResizeNearestNeighbor(5), TypeError, "'size'"),
])
def test_resize_primitive_errors(call, cls, text):
    with pytest.raises(cls) as info:
        call(ms.Tensor(X34))
    assert text in str(info.value) and isinstance(info.value, ms.Error)

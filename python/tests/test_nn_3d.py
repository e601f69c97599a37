"""3-D convolution and pooling (``ops.conv3d``, ``ops.max_pool3d``, ``ops.avg_pool3d``,
``nn.Conv3d``, ``nn.Conv3dTranspose``, ``nn.MaxPool3d``, ``nn.AvgPool3d``): values against
plain-loop NumPy float64 references written here (MindSpore 2.10 agrees with each reference on
these cases to Float32 rounding: checked when this was written), gradients against central
finite differences in Float64, and MindSpore's errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops


def ref_conv3d(x, w, stride, pads, dil, groups):
    """Cross-correlation by loops over the kernel; pads (head, tail, top, bottom, left, right)."""
    x = np.pad(x, ((0, 0), (0, 0), tuple(pads[0:2]), tuple(pads[2:4]), tuple(pads[4:6])))
    o, cg = w.shape[:2]
    k = w.shape[2:]
    out = [(x.shape[2 + a] - dil[a] * (k[a] - 1) - 1) // stride[a] + 1 for a in range(3)]
    y = np.zeros((x.shape[0], o, *out))
    og = o // groups
    for oc in range(o):
        g = oc // og
        for i, j, l in np.ndindex(*k):
            patch = x[:, g * cg:(g + 1) * cg,
                      i * dil[0]: i * dil[0] + stride[0] * (out[0] - 1) + 1: stride[0],
                      j * dil[1]: j * dil[1] + stride[1] * (out[1] - 1) + 1: stride[1],
                      l * dil[2]: l * dil[2] + stride[2] * (out[2] - 1) + 1: stride[2]]
            y[:, oc] += np.einsum("ncdhw,c->ndhw", patch, w[oc, :, i, j, l])
    return y


def ref_conv_transpose3d(x, w, stride, dil, groups, crop, out_pad):
    """The full transposed convolution (every input cell adds its weighted kernel at
    ``i·stride + k·dilation``), then cut by ``crop`` (negative: zeros) and grown by ``out_pad``."""
    n, ci = x.shape[:2]
    og = w.shape[1]
    k = w.shape[2:]
    full = [(x.shape[2 + a] - 1) * stride[a] + dil[a] * (k[a] - 1) + 1 for a in range(3)]
    y = np.zeros((n, og * groups, *full))
    cg = ci // groups
    for c in range(ci):
        g = c // cg
        for i, j, l in np.ndindex(*k):
            sl = tuple(slice(t * dil[a], t * dil[a] + (x.shape[2 + a] - 1) * stride[a] + 1, stride[a])
                       for a, t in enumerate((i, j, l)))
            y[(slice(None), slice(g * og, (g + 1) * og)) + sl] += (
                x[:, c][:, None] * w[c, :, i, j, l][None, :, None, None, None])
    for a in range(3):
        lo, hi = crop[2 * a], crop[2 * a + 1] - out_pad[a]
        size = y.shape[2 + a]
        y = np.pad(y, [(0, 0)] * (2 + a) + [(max(-lo, 0), max(-hi, 0))] + [(0, 0)] * (2 - a))
        y = np.take(y, np.arange(max(lo, 0), max(lo, 0) + size - lo - hi), axis=2 + a)
    return y


def out_len(n, k, s, lo, hi, d, ceil):
    span = n + lo + hi - d * (k - 1) - 1
    if not ceil:
        return span // s + 1
    o = -(-span // s) + 1
    return o - 1 if (o - 1) * s >= n + lo else o


def ref_max_pool3d(x, k, s, pads, d, ceil):
    """Maxima and the flat index of the first maximum, scanning each window in (d, h, w) order."""
    dims = x.shape[2:]
    outs = [out_len(dims[a], k[a], s[a], pads[2 * a], pads[2 * a + 1], d[a], ceil) for a in range(3)]
    y = np.full(x.shape[:2] + tuple(outs), -np.inf)
    idx = np.zeros(y.shape, np.int64)
    for o in np.ndindex(*outs):
        for t in np.ndindex(*k):
            p = [o[a] * s[a] - pads[2 * a] + t[a] * d[a] for a in range(3)]
            if all(0 <= p[a] < dims[a] for a in range(3)):
                v = x[(slice(None), slice(None)) + tuple(p)]
                better = v > y[(Ellipsis,) + o]
                y[(Ellipsis,) + o] = np.where(better, v, y[(Ellipsis,) + o])
                idx[(Ellipsis,) + o] = np.where(better, (p[0] * dims[1] + p[1]) * dims[2] + p[2],
                                                idx[(Ellipsis,) + o])
    return y, idx


def ref_avg_pool3d(x, k, s, pads, ceil, include, divisor):
    """Window sums over the cells inside the input, divided by the cells inside the padded input
    (``include``), inside the input, or by ``divisor``."""
    dims = x.shape[2:]
    outs = [out_len(dims[a], k[a], s[a], pads[2 * a], pads[2 * a + 1], 1, ceil) for a in range(3)]
    y = np.zeros(x.shape[:2] + tuple(outs))
    for o in np.ndindex(*outs):
        lo = [o[a] * s[a] - pads[2 * a] for a in range(3)]
        hi = [min(lo[a] + k[a], dims[a] + pads[2 * a + 1]) for a in range(3)]
        lo2 = [max(v, 0) for v in lo]
        hi2 = [min(hi[a], dims[a]) for a in range(3)]
        total = x[:, :, lo2[0]:hi2[0], lo2[1]:hi2[1], lo2[2]:hi2[2]].sum(axis=(2, 3, 4))
        count = np.prod([(hi[a] - lo[a]) if include else (hi2[a] - lo2[a]) for a in range(3)])
        y[(Ellipsis,) + o] = total / (divisor or count)
    return y


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


def same_pads(dims, k, s, d):
    pads = []
    for n, kk, ss, dd in zip(dims, k, s, d):
        total = max((-(-n // ss) - 1) * ss + dd * (kk - 1) + 1 - n, 0)
        pads += [total // 2, total - total // 2]
    return pads


CONV3D = [
    # x shape, w shape, kwargs, groups
    ((2, 4, 5, 6, 7), (6, 2, 2, 3, 2), {}, 2),
    ((2, 4, 5, 6, 7), (6, 2, 2, 3, 2), {"stride": (2, 1, 2)}, 2),
    ((1, 3, 5, 6, 7), (2, 3, 2, 3, 2), {"dilation": (2, 1, 2)}, 1),
    ((1, 3, 5, 6, 7), (2, 3, 2, 3, 2), {"pad_mode": "pad", "padding": (1, 2, 0)}, 1),
    ((1, 3, 5, 6, 7), (2, 3, 2, 3, 2), {"pad_mode": "pad", "padding": 1, "stride": 2}, 1),
    ((1, 2, 5, 6, 7), (2, 2, 2, 3, 2), {"pad_mode": "same"}, 1),
    ((1, 2, 5, 6, 7), (2, 2, 3, 3, 2), {"pad_mode": "same", "stride": (2, 3, 2), "dilation": (1, 2, 2)}, 1),
    ((1, 2, 1, 1, 1), (3, 2, 1, 1, 1), {}, 1),
]


def _conv_pads(xs, ws, kw):
    s = kw.get("stride", 1)
    s = (s,) * 3 if isinstance(s, int) else s
    d = kw.get("dilation", 1)
    d = (d,) * 3 if isinstance(d, int) else d
    mode = kw.get("pad_mode", "valid")
    if mode == "same":
        return s, d, same_pads(xs[2:], ws[2:], s, d)
    p = kw.get("padding", 0)
    p = (p,) * 3 if isinstance(p, int) else p
    return s, d, [p[0], p[0], p[1], p[1], p[2], p[2]] if mode == "pad" else [0] * 6


@pytest.mark.parametrize("xs,ws,kw,groups", CONV3D)
def test_conv3d_matches_numpy(xs, ws, kw, groups):
    rng = np.random.default_rng(0)
    x, w, b = rng.standard_normal(xs), rng.standard_normal(ws), rng.standard_normal(ws[0])
    s, d, pads = _conv_pads(xs, ws, kw)
    want = ref_conv3d(x, w, s, pads, d, groups) + b.reshape(-1, 1, 1, 1)
    got = ops.conv3d(Tensor(x), Tensor(w), Tensor(b), groups=groups, **kw)
    assert got.dtype == ms.float64
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)
    got32 = ops.conv3d(Tensor(x, ms.float32), Tensor(w, ms.float32), groups=groups, **kw)
    assert got32.dtype == ms.float32
    np.testing.assert_allclose(got32.asnumpy(), want - b.reshape(-1, 1, 1, 1), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("case", [0, 1, 3, 6])
def test_conv3d_gradients_match_finite_differences(case):
    xs, ws, kw, groups = CONV3D[case]
    xs = (1,) + xs[1:]
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal(xs), rng.standard_normal(ws)
    s, d, pads = _conv_pads(xs, ws, kw)
    ct = rng.standard_normal(ref_conv3d(x, w, s, pads, d, groups).shape)

    def loss(a, b):
        return (ops.conv3d(a, b, groups=groups, **kw) * Tensor(ct)).sum()

    gx, gw = ops.grad(loss, grad_position=(0, 1))(Tensor(x), Tensor(w))
    f = lambda: float((ref_conv3d(x, w, s, pads, d, groups) * ct).sum())  # noqa: E731
    np.testing.assert_allclose(gx.asnumpy(), num_grad(f, x), rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(gw.asnumpy(), num_grad(f, w), rtol=1e-6, atol=1e-6)


def test_conv3d_errors_are_mindspores():
    x, w = ops.ones((1, 2, 4, 4, 4)), ops.ones((3, 2, 2, 2, 2))
    with pytest.raises(ValueError):
        ops.conv3d(x, w, pad_mode="pad", padding=(1, 0, 1, 0, 1, 0))   # ops: an int or 3 ints
    with pytest.raises(ValueError):
        ops.conv3d(x, w, padding=1)                                   # 'valid' with padding
    with pytest.raises(ValueError):
        ops.conv3d(x, w, pad_mode="zeros")
    with pytest.raises(ValueError):
        ops.conv3d(ops.ones((2, 4, 4, 4)), w)
    with pytest.raises(ValueError):
        ops.conv3d(ops.ones((1, 3, 4, 4, 4)), w)
    with pytest.raises(ValueError):
        ops.conv3d(x, w, stride=0)
    with pytest.raises(ValueError):
        ops.conv3d(x, w, stride=(1, 1))
    with pytest.raises(ValueError):
        ops.conv3d(x, w, bias=ops.ones(2))
    with pytest.raises(ValueError):
        ops.conv3d(x, w, groups=2)
    with pytest.raises(ValueError):
        ops.conv3d(x, ops.ones((3, 2, 5, 2, 2)))
    with pytest.raises(TypeError):
        ops.conv3d(Tensor(np.ones((1, 2, 4, 4, 4), np.int32)), Tensor(np.ones((3, 2, 2, 2, 2), np.int32)))
    with pytest.raises(TypeError):
        ops.conv3d(x.astype(ms.float64), w)
    assert ops.conv3d(x.astype(ms.float16), w.astype(ms.float16)).dtype == ms.float16


def test_nn_conv3d_parameters_repr_and_forward():
    net = nn.Conv3d(2, 4, (1, 2, 3), has_bias=True)
    params = [(p.name, tuple(p.shape), p.dtype) for p in net.get_parameters()]
    assert params == [("weight", (4, 2, 1, 2, 3), ms.float32), ("bias", (4,), ms.float32)]
    bound = 1 / np.sqrt(2 * 6)
    assert np.abs(net.bias.asnumpy()).max() <= bound
    assert np.abs(net.weight.asnumpy()).max() <= np.sqrt(6 / ((1 + 5) * 12)) + 1e-7
    text = repr(nn.Conv3d(2, 3, 3))
    # MindSpore 2.10 prints exactly this (the initializer object's default repr in the middle).
    assert text.startswith("Conv3d(input_channels=2, output_channels=3, kernel_size=(3, 3, 3), "
                           "stride=(1, 1, 1), pad_mode=same, padding=0, dilation=(1, 1, 1), group=1, "
                           "has_bias=False, weight_init=<mindspore.common.initializer.HeUniform object at ")
    assert text.endswith(">, bias_init=None, format=NCDHW)")
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 2, 4, 5, 6)).astype(np.float32)
    w = rng.standard_normal((4, 2, 1, 2, 3)).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32)
    for kw, pads in (({}, same_pads((4, 5, 6), (1, 2, 3), (1, 1, 1), (1, 1, 1))),
                     ({"pad_mode": "pad", "padding": (1, 0, 2, 1, 0, 2)}, [1, 0, 2, 1, 0, 2]),
                     ({"pad_mode": "valid", "stride": 2}, [0] * 6)):
        net = nn.Conv3d(2, 4, (1, 2, 3), has_bias=True, weight_init=Tensor(w), bias_init=Tensor(b), **kw)
        s = (2,) * 3 if kw.get("stride") else (1,) * 3
        want = ref_conv3d(x.astype(np.float64), w.astype(np.float64), s, pads, (1, 1, 1), 1)
        np.testing.assert_allclose(net(Tensor(x)).asnumpy(), want + b.reshape(-1, 1, 1, 1), rtol=1e-4, atol=1e-4)


def test_nn_conv3d_errors():
    with pytest.raises(ValueError):
        nn.Conv3d(2, 3, 3, pad_mode="pad", padding=(1, 0, 1))      # nn: an int or 6 ints
    with pytest.raises(ValueError):
        nn.Conv3d(2, 3, 3, pad_mode="valid", padding=1)
    with pytest.raises(ValueError):
        nn.Conv3d(4, 6, 3, group=4)
    with pytest.raises(ValueError):
        nn.Conv3d(2, 3, 3, data_format="NDHWC")
    with pytest.raises(ValueError):
        nn.Conv3d(2, 3, (3, 3))
    with pytest.raises(ValueError):
        nn.Conv3d(2, 3, 0)
    with pytest.raises(ValueError):
        nn.Conv3d(2, 3, 3)(ops.ones((2, 4, 4, 4)))
    assert nn.Conv3d(4, 6, 3, group=2).weight.shape == (6, 2, 3, 3, 3)
    assert nn.Conv3d(2, 3, 3, dtype=ms.float64).weight.dtype == ms.float64


CONVT = [
    # kernel, kwargs (the crop and out_pad follow from them in _convt_crop)
    (3, {}),
    (3, {"stride": 2}),
    (3, {"stride": (2, 3, 1), "dilation": (1, 2, 1)}),
    (3, {"pad_mode": "valid", "stride": 2}),
    (3, {"pad_mode": "pad", "padding": (1, 0, 2, 1, 0, 1), "stride": 2}),
    (3, {"pad_mode": "pad", "padding": 1, "stride": 2, "output_padding": 1}),
    (3, {"stride": 3, "group": 2}),
    ((2, 3, 4), {"stride": 2}),
    (1, {"stride": 2}),
    ((1, 2, 3), {"stride": (2, 3, 3)}),
    (3, {"pad_mode": "pad", "padding": (2, 2, 0, 0, 1, 1)}),
    (2, {"pad_mode": "valid", "dilation": (1, 2, 2), "group": 2}),
]


def _convt_crop(dims, k, kw):
    """MindSpore 2.10's cut of the full transposed output (measured): ``'same'`` gives
    ``L·stride`` with the odd cell cut at the end (zeros added at the end when the full output is
    shorter), ``'pad'`` cuts ``padding`` and adds ``output_padding``."""
    k = (k,) * 3 if isinstance(k, int) else k
    s = kw.get("stride", 1)
    s = (s,) * 3 if isinstance(s, int) else s
    d = kw.get("dilation", 1)
    d = (d,) * 3 if isinstance(d, int) else d
    op = kw.get("output_padding", 0)
    op = (op,) * 3 if isinstance(op, int) else op
    mode = kw.get("pad_mode", "same")
    if mode == "pad":
        p = kw["padding"]
        return s, d, (list(p) if isinstance(p, tuple) else [p] * 6), op
    if mode == "valid":
        return s, d, [0] * 6, op
    crop = []
    for n, kk, ss, dd in zip(dims, k, s, d):
        total = (n - 1) * ss + dd * (kk - 1) + 1 - n * ss
        lo = total // 2 if total > 0 else 0
        crop += [lo, total - lo]
    return s, d, crop, op


@pytest.mark.parametrize("k,kw", CONVT)
def test_conv3d_transpose_matches_numpy(k, kw):
    rng = np.random.default_rng(3)
    groups = kw.get("group", 1)
    cout = 6 if groups == 2 else 2
    x = rng.standard_normal((2, 4, 3, 4, 3))
    net = nn.Conv3dTranspose(4, cout, k, has_bias=True, dtype=ms.float64, **kw)
    w, b = net.weight.asnumpy(), net.bias.asnumpy()
    s, d, crop, op = _convt_crop(x.shape[2:], k, kw)
    want = ref_conv_transpose3d(x, w, s, d, groups, crop, op) + b.reshape(-1, 1, 1, 1)
    got = net(Tensor(x))
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)


def test_conv3d_transpose_gradients_match_finite_differences():
    rng = np.random.default_rng(4)
    kw = {"pad_mode": "pad", "padding": (1, 0, 0, 1, 1, 1), "stride": (2, 1, 2), "output_padding": (1, 0, 0),
          "group": 2}
    net = nn.Conv3dTranspose(2, 4, (2, 2, 3), dtype=ms.float64, **kw)
    x = rng.standard_normal((1, 2, 2, 3, 2))
    w = net.weight.asnumpy().copy()
    s, d, crop, op = _convt_crop(x.shape[2:], (2, 2, 3), kw)
    ct = rng.standard_normal(ref_conv_transpose3d(x, w, s, d, 2, crop, op).shape)
    gx, gw = ops.grad(lambda a: (net(a) * Tensor(ct)).sum(), grad_position=0, weights=net.trainable_params())(Tensor(x))
    f = lambda: float((ref_conv_transpose3d(x, w, s, d, 2, crop, op) * ct).sum())  # noqa: E731
    np.testing.assert_allclose(gx.asnumpy(), num_grad(f, x), rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(gw[0].asnumpy(), num_grad(f, w), rtol=1e-6, atol=1e-6)


def test_conv3d_transpose_errors_and_parameters():
    with pytest.raises(ValueError):
        nn.Conv3dTranspose(4, 2, 3, pad_mode="same", stride=2, output_padding=1)
    with pytest.raises(ValueError):
        nn.Conv3dTranspose(4, 2, 3, pad_mode="pad", stride=2, output_padding=2)
    net = nn.Conv3dTranspose(4, 6, 3, group=2, has_bias=True)
    assert [(p.name, tuple(p.shape)) for p in net.get_parameters()] == [("weight", (4, 3, 3, 3, 3)),
                                                                          ("bias", (6,))]
    assert "Conv3dTranspose(input_channels=4, output_channels=6" in repr(net)


MAXPOOL = [
    # kernel, stride, padding (d, h, w), dilation, ceil_mode
    (2, None, 0, 1, False),
    (3, 2, 1, 1, False),
    ((2, 3, 2), (2, 2, 3), (1, 1, 0), 1, True),
    (3, 2, 0, 1, True),
    (2, 1, 0, 2, False),
    ((3, 2, 3), (1, 2, 2), 1, (2, 1, 2), True),
]


def _t3(v):
    return (v,) * 3 if isinstance(v, int) else tuple(v)


@pytest.mark.parametrize("k,s,p,d,ceil", MAXPOOL)
def test_max_pool3d_values_and_indices_match_numpy(k, s, p, d, ceil):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 3, 5, 6, 7))
    y, idx = ops.max_pool3d(Tensor(x), k, s, p, d, ceil, return_indices=True)
    pp = _t3(p)
    want, want_idx = ref_max_pool3d(x, _t3(k), _t3(k if s is None else s),
                                    [pp[0], pp[0], pp[1], pp[1], pp[2], pp[2]], _t3(d), ceil)
    np.testing.assert_array_equal(y.asnumpy(), want)
    assert idx.dtype == ms.int64
    np.testing.assert_array_equal(idx.asnumpy(), want_idx)
    y32 = ops.max_pool3d(Tensor(x, ms.float32), k, s, p, d, ceil)
    assert y32.dtype == ms.float32
    np.testing.assert_array_equal(y32.asnumpy(), want.astype(np.float32))


def test_max_pool3d_ties_pick_the_first_cell_and_its_gradient_goes_there():
    x = np.zeros((1, 1, 2, 2, 2))
    x[0, 0, 1, 0, 1] = 3.0
    x[0, 0, 1, 1, 0] = 3.0            # a tie: (1, 0, 1) comes first in (d, h, w) order
    y, idx = ops.max_pool3d(Tensor(x), 2, return_indices=True)
    assert int(idx.asnumpy().item()) == 5
    g = ops.grad(lambda a: ops.max_pool3d(a, 2).sum())(Tensor(x)).asnumpy()
    want = np.zeros_like(x)
    want[0, 0, 1, 0, 1] = 1.0
    np.testing.assert_array_equal(g, want)
    # integers pool exactly and keep their dtype, as in MindSpore
    xi = Tensor(np.arange(64, dtype=np.int32).reshape(1, 1, 4, 4, 4))
    yi = ops.max_pool3d(xi, 2)
    assert yi.dtype == ms.int32
    np.testing.assert_array_equal(yi.asnumpy().ravel(), [21, 23, 29, 31, 53, 55, 61, 63])


def test_max_pool3d_gradient_matches_finite_differences():
    rng = np.random.default_rng(6)
    x = rng.permutation(2 * 4 * 5 * 5).reshape(1, 2, 4, 5, 5).astype(np.float64) / 7.0  # no ties
    k, s, p, d = (2, 3, 2), (1, 2, 2), (1, 1, 0), (2, 1, 1)
    want, _ = ref_max_pool3d(x, k, s, [1, 1, 1, 1, 0, 0], d, True)
    ct = rng.standard_normal(want.shape)
    g = ops.grad(lambda a: (ops.max_pool3d(a, k, s, p, d, True) * Tensor(ct)).sum())(Tensor(x))
    f = lambda: float((ref_max_pool3d(x, k, s, [1, 1, 1, 1, 0, 0], d, True)[0] * ct).sum())  # noqa: E731
    np.testing.assert_allclose(g.asnumpy(), num_grad(f, x, 1e-4), rtol=1e-6, atol=1e-6)


AVGPOOL = [
    # kernel, stride, padding (int or 6), ceil_mode, count_include_pad, divisor_override
    (2, 1, 0, False, True, 0),
    (3, 2, 1, False, True, 0),
    (3, 2, 1, False, False, 0),
    ((2, 3, 2), (2, 2, 3), (1, 1, 1, 1, 0, 0), True, True, 0),
    ((2, 3, 2), (2, 2, 3), (1, 1, 1, 1, 0, 0), True, False, 0),
    (3, 2, (1, 0, 0, 1, 1, 0), True, True, 0),
    (3, 2, (0, 1, 1, 0, 1, 1), True, False, 0),
    (3, 2, (1, 0, 0, 1, 1, 0), True, True, 4),
    (3, 2, 1, True, True, 5),
    (2, 2, 1, True, True, 0),
]


@pytest.mark.parametrize("k,s,p,ceil,include,div", AVGPOOL)
def test_avg_pool3d_matches_numpy(k, s, p, ceil, include, div):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 3, 5, 6, 7))
    got = ops.avg_pool3d(Tensor(x), k, s, p, ceil, include, div)
    pads = [p] * 6 if isinstance(p, int) else list(p)
    want = ref_avg_pool3d(x, _t3(k), _t3(s), pads, ceil, include, div)
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)


def test_avg_pool3d_gradient_matches_finite_differences():
    rng = np.random.default_rng(8)
    x = rng.standard_normal((1, 2, 4, 5, 5))
    args = ((2, 3, 2), (2, 2, 3), (1, 1, 1, 1, 0, 0), True, False, 0)
    want = ref_avg_pool3d(x, (2, 3, 2), (2, 2, 3), [1, 1, 1, 1, 0, 0], True, False, 0)
    ct = rng.standard_normal(want.shape)
    g = ops.grad(lambda a: (ops.avg_pool3d(a, *args) * Tensor(ct)).sum())(Tensor(x))
    f = lambda: float((ref_avg_pool3d(x, (2, 3, 2), (2, 2, 3), [1, 1, 1, 1, 0, 0], True, False, 0) * ct).sum())  # noqa: E731
    np.testing.assert_allclose(g.asnumpy(), num_grad(f, x), rtol=1e-6, atol=1e-6)


def test_pool3d_errors_are_mindspores():
    x = ops.ones((1, 2, 5, 6, 7))
    with pytest.raises(ValueError):
        ops.max_pool3d(x, 2, padding=2)                 # more than half the kernel
    with pytest.raises(ValueError):
        ops.avg_pool3d(x, 2, padding=2)
    with pytest.raises(ValueError):
        ops.max_pool3d(x[0], 2)                         # ops: 5-D only
    with pytest.raises(ValueError):
        ops.avg_pool3d(x[0], 2)
    with pytest.raises(ValueError):
        ops.max_pool3d(x, 0)
    with pytest.raises(ValueError):
        ops.max_pool3d(x, (2, 2))
    with pytest.raises(ValueError):
        ops.max_pool3d(x, 6)
    with pytest.raises(ValueError):
        ops.avg_pool3d(x, 6)
    with pytest.raises(ValueError):
        ops.avg_pool3d(x, 2, padding=(1, 1, 1))          # ops.avg_pool3d: an int or 6 ints
    with pytest.raises(ValueError):
        ops.max_pool3d(x, 2, padding=(1, 1, 1, 1, 1, 1))  # ops.max_pool3d: an int or 3 ints
    with pytest.raises(ValueError):
        ops.avg_pool3d(x, 2, divisor_override=-1)
    with pytest.raises(TypeError):
        ops.avg_pool3d(Tensor(np.ones((1, 1, 4, 4, 4), np.int32)), 2)
    assert ops.avg_pool3d(x.astype(ms.float16), 2).dtype == ms.float16
    assert ops.max_pool3d(x, 2, padding=(1, 1, 1)).shape == (1, 2, 3, 4, 4)


def test_nn_pool3d_modes_match_numpy_and_mindspore_printing():
    rng = np.random.default_rng(9)
    x = rng.standard_normal((1, 2, 5, 6, 7))
    # 'same': output ceil(L / stride), MindSpore's padding (the odd cell at the end), counted in
    # the divisor of AvgPool3d (measured on MindSpore 2.10).
    pads = same_pads((5, 6, 7), (3, 3, 3), (2, 2, 2), (1, 1, 1))
    got = nn.MaxPool3d(3, 2, pad_mode="same")(Tensor(x))
    np.testing.assert_array_equal(got.asnumpy(), ref_max_pool3d(x, (3,) * 3, (2,) * 3, pads, (1,) * 3, False)[0])
    got = nn.AvgPool3d(3, 2, pad_mode="same")(Tensor(x))
    np.testing.assert_allclose(got.asnumpy(), ref_avg_pool3d(x, (3,) * 3, (2,) * 3, pads, False, True, 0), rtol=1e-12)
    got = nn.AvgPool3d(3, 2, pad_mode="pad", padding=(1, 0, 1), count_include_pad=False, divisor_override=None)(Tensor(x))
    np.testing.assert_allclose(got.asnumpy(), ref_avg_pool3d(x, (3,) * 3, (2,) * 3, [1, 1, 0, 0, 1, 1], False, False, 0),
                               rtol=1e-12)
    got = nn.AvgPool3d(3, 2, pad_mode="pad", padding=1, divisor_override=2)(Tensor(x))
    np.testing.assert_allclose(got.asnumpy(), ref_avg_pool3d(x, (3,) * 3, (2,) * 3, [1] * 6, False, True, 2), rtol=1e-12)
    values, idx = nn.MaxPool3d(3, 2, pad_mode="pad", padding=1, return_indices=True, ceil_mode=True)(Tensor(x[0]))
    want, want_idx = ref_max_pool3d(x, (3,) * 3, (2,) * 3, [1] * 6, (1,) * 3, True)
    np.testing.assert_array_equal(values.asnumpy(), want[0])
    np.testing.assert_array_equal(idx.asnumpy(), want_idx[0])
    assert nn.AvgPool3d(3, 2)(Tensor(x[0])).shape == (2, 2, 2, 3)
    assert repr(nn.MaxPool3d(2, 2)) == "MaxPool3d(kernel_size=2, stride=2, pad_mode=VALID)"
    assert repr(nn.AvgPool3d(3, 2, pad_mode="same")) == "AvgPool3d(kernel_size=3, stride=2, pad_mode=SAME)"
    with pytest.raises(ValueError):
        nn.MaxPool3d(3, 2, padding=1)                    # padding without 'pad'
    with pytest.raises(ValueError):
        nn.MaxPool3d(3, 2, return_indices=True)          # MindSpore: indices need 'pad'
    with pytest.raises(ValueError):
        nn.AvgPool3d(3, 2, pad_mode="pad", padding=(1, 0, 1, 0, 1, 0))   # nn: 1 or 3 ints
    with pytest.raises(ValueError):
        nn.MaxPool3d(2, pad_mode="zeros")
    with pytest.raises(ValueError):
        nn.MaxPool3d(2)(Tensor(x[0, 0]))


def test_jit_graph_mode_vmap_and_second_derivatives():
    rng = np.random.default_rng(10)
    x = Tensor(rng.standard_normal((1, 2, 4, 5, 6)))
    w = Tensor(rng.standard_normal((3, 2, 2, 2, 2)))
    eager = ops.conv3d(x, w, pad_mode="same")
    np.testing.assert_allclose(ms.jit(lambda a, b: ops.conv3d(a, b, pad_mode="same"))(x, w).asnumpy(),
                               eager.asnumpy(), rtol=1e-12, atol=1e-12)
    idx = ops.max_pool3d(x, 2, return_indices=True)[1]
    np.testing.assert_array_equal(ms.jit(lambda a: ops.max_pool3d(a, 2, return_indices=True)[1])(x).asnumpy(),
                                  idx.asnumpy())
    net = nn.Conv3d(2, 3, 2, dtype=ms.float64)
    want = net(x).asnumpy()
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        np.testing.assert_allclose(net(x).asnumpy(), want, rtol=1e-12, atol=1e-12)
        np.testing.assert_array_equal(nn.MaxPool3d(2, 2)(x).asnumpy(), ops.max_pool3d(x, 2, 2).asnumpy())
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    batched = ms.vmap(lambda a: ops.conv3d(a, w))(x.expand_dims(0))
    np.testing.assert_allclose(batched.asnumpy()[0], ops.conv3d(x, w).asnumpy(), rtol=1e-12, atol=1e-12)
    # g(x) = d/dx sum(conv(x, w)^2) = 2 conv^T(conv(x)) is linear in x, so the Hessian-vector
    # product along x itself (forward over reverse) is g(x).
    g = ops.grad(lambda a: (ops.conv3d(a, w) ** 2).sum())
    hx = ops.jvp(g, (x,), (x,))[1]
    np.testing.assert_allclose(hx.asnumpy(), g(x).asnumpy(), rtol=1e-10, atol=1e-10)

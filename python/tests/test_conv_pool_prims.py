"""The convolution and pooling primitives through ``ops.conv2d``/``conv1d``/``max_pool2d``/
``avg_pool2d`` and the nn layers: values and gradients against NumPy float64 references written
here, under ``ms.jit`` and ``ms.vmap``, and the errors of bad input."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops


def _ref_conv(x, w, stride, pads, dil, groups):
    """Plain-loop cross-correlation, pads (top, bottom, left, right)."""
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[1]), (pads[2], pads[3])))
    oh = (xp.shape[2] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (xp.shape[3] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    y = np.zeros((n, o, oh, ow))
    og = o // groups
    for oc in range(o):
        g = oc // og
        for i in range(kh):
            for j in range(kw):
                patch = xp[:, g * cg:(g + 1) * cg,
                           i * dil[0]: i * dil[0] + stride[0] * (oh - 1) + 1: stride[0],
                           j * dil[1]: j * dil[1] + stride[1] * (ow - 1) + 1: stride[1]]
                y[:, oc] += np.einsum("nchw,c->nhw", patch, w[oc, :, i, j])
    return y


def _num_grad(f, a, eps=1e-6):
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


CONV_CASES = [
    # x shape, w shape, stride, pads (t, b, l, r), dilation, groups
    ((2, 3, 6, 5), (4, 3, 3, 2), (1, 2), (1, 1, 0, 1), (1, 1), 1),
    ((1, 4, 7, 6), (6, 2, 2, 3), (2, 1), (0, 1, 1, 0), (2, 1), 2),
    ((3, 2, 1, 4), (2, 2, 1, 1), (1, 1), (0, 0, 0, 0), (1, 1), 1),
    ((2, 4, 5, 5), (4, 1, 3, 3), (1, 1), (1, 1, 1, 1), (1, 1), 4),
    ((1, 1, 1, 1), (1, 1, 1, 1), (1, 1), (0, 0, 0, 0), (1, 1), 1),
]


@pytest.mark.parametrize("xs,ws,stride,pads,dil,groups", CONV_CASES)
def test_conv2d_values_and_gradients_match_numpy(xs, ws, stride, pads, dil, groups):
    rng = np.random.default_rng(0)
    x, w = rng.uniform(-1, 1, xs), rng.uniform(-1, 1, ws)
    want = _ref_conv(x, w, stride, pads, dil, groups)
    got = ops.conv2d(Tensor(x), Tensor(w), None, stride, "pad", pads, dil, groups)
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-12, atol=1e-12)
    got32 = ops.conv2d(Tensor(x, ms.float32), Tensor(w, ms.float32), None, stride, "pad", pads, dil, groups)
    np.testing.assert_allclose(got32.asnumpy(), want, rtol=1e-4, atol=1e-5)
    ct = rng.uniform(-1, 1, want.shape)

    def loss(a, b):
        return (ops.conv2d(a, b, None, stride, "pad", pads, dil, groups) * Tensor(ct)).sum()
    dx, dw = ms.grad(loss, grad_position=(0, 1))(Tensor(x), Tensor(w))
    ref = lambda: float((_ref_conv(x, w, stride, pads, dil, groups) * ct).sum())  # noqa: E731
    np.testing.assert_allclose(dx.asnumpy(), _num_grad(ref, x), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(dw.asnumpy(), _num_grad(ref, w), rtol=1e-6, atol=1e-7)


def test_conv2d_second_order_gradient_matches_finite_differences():
    rng = np.random.default_rng(1)
    x, w = rng.uniform(-1, 1, (2, 2, 5, 4)), rng.uniform(-1, 1, (3, 2, 2, 2))

    def inner(a, b):
        return (ops.conv2d(a, b, None, 2, "pad", 1) ** 2).sum()
    first = ms.grad(inner, grad_position=1)

    def outer(a, b):
        return (first(a, b) ** 2).sum()
    dx = ms.grad(outer, grad_position=0)(Tensor(x), Tensor(w)).asnumpy()

    def f():
        return float((ms.grad(inner, grad_position=1)(Tensor(x), Tensor(w)).asnumpy() ** 2).sum())
    np.testing.assert_allclose(dx, _num_grad(f, x), rtol=1e-5, atol=1e-6)


def test_conv1d_matches_numpy():
    rng = np.random.default_rng(2)
    x, w = rng.uniform(-1, 1, (2, 4, 9)), rng.uniform(-1, 1, (6, 2, 3))
    got = ops.conv1d(Tensor(x), Tensor(w), None, 2, "pad", 1, 2, 2).asnumpy()
    want = _ref_conv(x[:, :, None], w[:, :, None], (1, 2), (0, 0, 1, 1), (1, 2), 2)[:, :, 0]
    np.testing.assert_allclose(got, want, rtol=1e-12)
    layer = nn.Conv1d(4, 6, 3, stride=2, pad_mode="pad", padding=1, dilation=2, group=2,
                      weight_init=Tensor(w[:, :, None]), dtype=ms.float64)
    np.testing.assert_allclose(layer(Tensor(x)).asnumpy(), want, rtol=1e-12)


def test_conv2d_transpose_is_the_input_gradient_of_conv2d():
    rng = np.random.default_rng(3)
    x, w = rng.uniform(-1, 1, (2, 4, 3, 3)), rng.uniform(-1, 1, (4, 3, 3, 3))
    up = nn.Conv2dTranspose(4, 3, 3, stride=2, pad_mode="pad", padding=1, weight_init=Tensor(w),
                            dtype=ms.float64)
    y = up(Tensor(x)).asnumpy()
    assert y.shape == (2, 3, 5, 5)
    # <up(x), z> == <x, conv(z)> with the same weight read as [in=4, out=3, kh, kw].
    z = rng.uniform(-1, 1, y.shape)
    conv_z = _ref_conv(z, w, (2, 2), (1, 1, 1, 1), (1, 1), 1)
    np.testing.assert_allclose((y * z).sum(), (x * conv_z).sum(), rtol=1e-10)


def _ref_pool(x, k, s, p, d, size, how, include_pad=True):
    n, c, h, w = x.shape
    out = np.zeros((n, c) + tuple(size))
    arg = np.zeros((n, c) + tuple(size), dtype=np.int64)
    for r in range(size[0]):
        for q in range(size[1]):
            cells = [(r * s[0] + i * d[0] - p[0], q * s[1] + j * d[1] - p[1])
                     for i in range(k[0]) for j in range(k[1])]
            inside = [(a, b) for a, b in cells if 0 <= a < h and 0 <= b < w]
            vals = np.stack([x[:, :, a, b] for a, b in inside], -1)
            if how == "max":
                out[:, :, r, q] = vals.max(-1)
                first = vals.argmax(-1)
                flat = np.array([a * w + b for a, b in inside])
                arg[:, :, r, q] = flat[first]
            else:
                out[:, :, r, q] = vals.sum(-1) / (k[0] * k[1] if include_pad else len(inside))
    return out, arg


@pytest.mark.parametrize("ceil_mode", [False, True])
def test_max_pool2d_values_indices_and_gradient(ceil_mode):
    rng = np.random.default_rng(4)
    x = rng.permutation(2 * 3 * 7 * 6).reshape(2, 3, 7, 6).astype(np.float64)
    k, s, p, d = (3, 2), (2, 2), (1, 1), (1, 2)
    out, idx = ops.max_pool2d(Tensor(x), k, s, p, d, return_indices=True, ceil_mode=ceil_mode)
    size = out.shape[2:]
    want, arg = _ref_pool(x, k, s, p, d, size, "max")
    np.testing.assert_array_equal(out.asnumpy(), want)
    np.testing.assert_array_equal(idx.asnumpy(), arg)
    assert idx.dtype == ms.int64
    g = ms.grad(lambda a: ops.max_pool2d(a, k, s, p, d, ceil_mode=ceil_mode).sum())(Tensor(x)).asnumpy()
    want_g = np.zeros_like(x).reshape(2, 3, -1)
    for n in range(2):
        for c in range(3):
            np.add.at(want_g[n, c], arg[n, c].ravel(), 1.0)
    np.testing.assert_array_equal(g, want_g.reshape(x.shape))


@pytest.mark.parametrize("include", [True, False])
def test_avg_pool2d_and_layers_match_numpy(include):
    rng = np.random.default_rng(5)
    x = rng.uniform(-1, 1, (2, 3, 6, 7))
    got = ops.avg_pool2d(Tensor(x), (3, 2), (2, 2), (1, 1), count_include_pad=include).asnumpy()
    want, _ = _ref_pool(x, (3, 2), (2, 2), (1, 1), (1, 1), got.shape[2:], "avg", include)
    np.testing.assert_allclose(got, want, rtol=1e-12)
    layer = nn.AvgPool2d((3, 2), (2, 2), pad_mode="pad", padding=1, count_include_pad=include)
    np.testing.assert_allclose(layer(Tensor(x)).asnumpy()[..., :want.shape[-1]], want[..., :3, :], rtol=1e-12)
    g = ms.grad(lambda a: ops.avg_pool2d(a, 2, 2).sum())(Tensor(x)).asnumpy()
    np.testing.assert_allclose(g[:, :, :6, :6], np.full((2, 3, 6, 6), 0.25))
    np.testing.assert_allclose(g[:, :, :, 6], 0.0)


def test_pool1d_layers_match_numpy():
    x = np.arange(2 * 3 * 8, dtype=np.float32).reshape(2, 3, 8)
    np.testing.assert_array_equal(nn.MaxPool1d(3, 2)(Tensor(x)).asnumpy(), x[:, :, 2:7:2])
    np.testing.assert_allclose(nn.AvgPool1d(2, 2)(Tensor(x)).asnumpy(), x.reshape(2, 3, 4, 2).mean(-1))


def test_conv_net_under_jit_and_vmap():
    rng = np.random.default_rng(6)
    x = Tensor(rng.uniform(-1, 1, (4, 2, 8, 8)), ms.float32)
    net = nn.SequentialCell([nn.Conv2d(2, 3, 3, has_bias=True), nn.ReLU(), nn.MaxPool2d(2, 2),
                             nn.Conv2d(3, 2, 3, pad_mode="valid"), nn.AvgPool2d(2, 2)])
    eager = net(x).asnumpy()
    np.testing.assert_allclose(ms.jit(net)(x).asnumpy(), eager, rtol=1e-6)
    w = Tensor(rng.uniform(-1, 1, (3, 2, 3, 3)), ms.float32)
    per = np.stack([ops.conv2d(x[i:i + 1], w, pad_mode="same").asnumpy()[0] for i in range(4)])
    batched = ms.vmap(lambda a: ops.conv2d(a.expand_dims(0), w, pad_mode="same")[0])(x)
    np.testing.assert_allclose(batched.asnumpy(), per, rtol=1e-5, atol=1e-6)
    ws = Tensor(rng.uniform(-1, 1, (5, 3, 2, 3, 3)), ms.float32)
    per_w = np.stack([ops.conv2d(x, ws[i]).asnumpy() for i in range(5)])
    np.testing.assert_allclose(ms.vmap(lambda k: ops.conv2d(x, k))(ws).asnumpy(), per_w, rtol=1e-5, atol=1e-5)


def test_bad_input_raises_typed_errors_naming_the_op():
    x = ops.ones((1, 3, 5, 5))
    with pytest.raises(ValueError, match="Conv2D"):
        ops.conv2d(x, ops.ones((2, 2, 3, 3)))            # channel mismatch
    with pytest.raises(ValueError, match="Conv2D.*larger"):
        ops.conv2d(x, ops.ones((2, 3, 7, 7)))            # kernel larger than the input
    with pytest.raises(ValueError, match="Conv2D"):
        ops.conv2d(x, ops.ones((2, 3, 3, 3)), stride=0)  # zero stride
    with pytest.raises(ValueError, match="Conv2D"):
        ops.conv2d(ops.ones((1, 4, 5, 5)), ops.ones((3, 2, 3, 3)), groups=2)   # 3 % 2
    with pytest.raises(TypeError, match="Conv2D"):
        ops.conv2d(x, ops.ones((2, 3, 3, 3), ms.float64))   # dtypes differ
    with pytest.raises(ValueError, match="Conv2d"):
        nn.Conv2d(3, 2, 3)(ops.ones((1, 4, 5, 5)))
    with pytest.raises(ValueError, match="Conv2d"):
        nn.Conv2d(3, 2, 7, pad_mode="valid")(x)
    with pytest.raises(ValueError, match="MaxPool2D"):
        ops.max_pool2d(x, 7)
    with pytest.raises(ValueError, match="AvgPool2D"):
        ops.avg_pool2d(x, 2, 0)

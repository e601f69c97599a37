"""``ops.deformable_conv2d`` (deformable convolution v2): values MindSpore 2.10 printed on CPU
for the offsets' channel order and the image's edge, a NumPy reference on random shapes (strides,
padding, dilations, groups, deformable groups, bias), its gradients against finite differences,
and MindSpore's errors for bad arguments."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import ops, Tensor


def dcn(x, w, off, kernel, strides=(1, 1, 1, 1), padding=(0, 0, 0, 0), bias=None,
        dilations=(1, 1, 1, 1), groups=1, dg=1):
    b = None if bias is None else Tensor(bias)
    return ops.deformable_conv2d(Tensor(x), Tensor(w), Tensor(off), kernel, strides, padding, b,
                                 dilations, groups, dg).asnumpy()


def reference(x, w, off, kernel, strides, padding, bias, dilations, groups, dg):
    """Plain loops over the definition, in float64."""
    n, c, h, wd = x.shape
    co, kh, kw = w.shape[0], kernel[0], kernel[1]
    ho = (h + padding[0] + padding[1] - (kh - 1) * dilations[2] - 1) // strides[2] + 1
    wo = (wd + padding[2] + padding[3] - (kw - 1) * dilations[3] - 1) // strides[3] + 1
    taps = kh * kw
    parts = off.reshape(n, 3, dg, taps, ho, wo).astype(np.float64)

    def read(b, ch, y, xx):
        if not (-1 < y < h and -1 < xx < wd):
            return 0.0
        y0, x0 = int(np.floor(y)), int(np.floor(xx))
        total = 0.0
        for yy, wy in ((y0, 1 - (y - y0)), (y0 + 1, y - y0)):
            for xc, wx in ((x0, 1 - (xx - x0)), (x0 + 1, xx - x0)):
                if 0 <= yy < h and 0 <= xc < wd:
                    total += wy * wx * x[b, ch, yy, xc]
        return total

    cols = np.zeros((n, c, taps, ho, wo))
    for b in range(n):
        for ch in range(c):
            g = ch // (c // dg)
            for k in range(taps):
                i, j = divmod(k, kw)
                for oy in range(ho):
                    for ox in range(wo):
                        dx, dy, m = parts[b, :, g, k, oy, ox]
                        y = oy * strides[2] - padding[0] + i * dilations[2] + dy
                        xx = ox * strides[3] - padding[2] + j * dilations[3] + dx
                        cols[b, ch, k, oy, ox] = read(b, ch, y, xx) * m
    cg, og = c // groups, co // groups
    out = np.zeros((n, co, ho, wo))
    for gi in range(groups):
        wg = w[gi * og:(gi + 1) * og].reshape(og, cg * taps).astype(np.float64)
        cg_cols = cols[:, gi * cg:(gi + 1) * cg].reshape(n, cg * taps, ho * wo)
        out[:, gi * og:(gi + 1) * og] = (wg @ cg_cols).reshape(n, og, ho, wo)
    if bias is not None:
        out += bias.reshape(1, co, 1, 1)
    return out


IMAGE = np.arange(20, dtype=np.float32).reshape(1, 1, 4, 5)


def test_offsets_move_the_taps_and_corners_outside_the_image_read_zero():
    # MindSpore 2.10 on CPU: a 1x1 kernel of one, every place moved by (dy, dx) = (-0.25, -1.5).
    off = np.zeros((1, 3, 4, 5), np.float32)
    off[:, 0], off[:, 1], off[:, 2] = -1.5, -0.25, 1.0
    want = [[0., 0., 0.375, 1.125, 1.875], [0., 1.875, 4.25, 5.25, 6.25],
            [0., 4.375, 9.25, 10.25, 11.25], [0., 6.875, 14.25, 15.25, 16.25]]
    np.testing.assert_allclose(dcn(IMAGE, np.ones((1, 1, 1, 1), np.float32), off, (1, 1))[0, 0],
                               want, rtol=1e-6)
    # Moved down by 2.6: the second row reads 0.4 of the last image row, the others nothing.
    off[:, 0], off[:, 1] = 0.7, 2.6
    out = dcn(IMAGE, np.ones((1, 1, 1, 1), np.float32), off, (1, 1))[0, 0]
    np.testing.assert_allclose(out[1], [6.28, 6.68, 7.08, 7.48, 2.28], rtol=1e-5)
    assert (out[2:] == 0).all()


@pytest.mark.parametrize("channel, want_row", [
    (0, [10.5, 21.5, 32.5, 43.5]),   # column offset of tap 0
    (1, [15., 26., 37., 23.]),       # column offset of tap 1
    (2, [12.5, 23.5, 34.5, 45.5]),   # row offset of tap 0
    (3, [35., 46., 57., 68.]),       # row offset of tap 1
])
def test_offset_channels_are_columns_then_rows_then_masks_tap_by_tap(channel, want_row):
    # MindSpore 2.10 on CPU, kernel 1x2 with weights (1, 10), masks one, one offset 0.5.
    off = np.zeros((1, 6, 4, 4), np.float32)
    off[:, 4:6] = 1.0
    off[:, channel] = 0.5
    out = dcn(IMAGE, np.array([1, 10], np.float32).reshape(1, 1, 1, 2), off, (1, 2))
    np.testing.assert_allclose(out[0, 0, 0], want_row, rtol=1e-6)


def test_masks_scale_their_tap():
    off = np.zeros((1, 6, 4, 4), np.float32)
    off[:, 5] = 1.0  # tap 0's mask zero, tap 1's one
    out = dcn(IMAGE, np.array([1, 10], np.float32).reshape(1, 1, 1, 2), off, (1, 2))
    np.testing.assert_allclose(out[0, 0], 10 * IMAGE[0, 0, :, 1:], rtol=1e-6)


CASES = [  # (n, c, h, w, c_out, kernel, strides, padding, dilations, groups, dg, bias)
    (2, 4, 7, 6, 6, (3, 2), (1, 1, 2, 1), (1, 0, 2, 1), (1, 1, 1, 2), 2, 2, True),
    (1, 3, 5, 5, 2, (2, 2), (1, 1, 1, 1), (0, 0, 0, 0), (1, 1, 1, 1), 1, 1, False),
    (2, 2, 6, 5, 4, (3, 3), (1, 1, 2, 2), (1, 1, 1, 1), (1, 1, 1, 1), 1, 2, True),
    (1, 6, 4, 4, 3, (1, 1), (1, 1, 1, 1), (0, 0, 0, 0), (1, 1, 1, 1), 3, 3, True),
]


def _inputs(case, seed):
    n, c, h, wd, co, (kh, kw), st, pad, dil, g, dg, has_bias = case
    rng = np.random.default_rng(seed)
    ho = (h + pad[0] + pad[1] - (kh - 1) * dil[2] - 1) // st[2] + 1
    wo = (wd + pad[2] + pad[3] - (kw - 1) * dil[3] - 1) // st[3] + 1
    x = rng.standard_normal((n, c, h, wd)).astype(np.float32)
    w = rng.standard_normal((co, c // g, kh, kw)).astype(np.float32)
    off = (rng.standard_normal((n, 3 * dg * kh * kw, ho, wo)) * 1.5).astype(np.float32)
    bias = rng.standard_normal(co).astype(np.float32) if has_bias else None
    return x, w, off, bias


@pytest.mark.parametrize("case", CASES)
def test_matches_a_numpy_reference(case):
    x, w, off, bias = _inputs(case, 1)
    _, _, _, _, _, kernel, st, pad, dil, g, dg, _ = case
    got = dcn(x, w, off, kernel, st, pad, bias, dil, g, dg)
    want = reference(x, w, off, kernel, st, pad, bias, dil, g, dg)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)


def test_gradients_match_finite_differences():
    case = CASES[0]
    x, w, off, bias = _inputs(case, 2)
    # Offsets away from integers, where the bilinear weights have a derivative.
    off = np.where(np.abs(off - np.round(off)) < 0.05, off + 0.1, off).astype(np.float32)
    _, _, _, _, _, kernel, st, pad, dil, g, dg, _ = case

    def f(x_, w_, off_):
        y = ops.deformable_conv2d(x_, w_, off_, kernel, st, pad, Tensor(bias), dil, g, dg)
        return (y * y).sum()

    grads = ms.grad(f, grad_position=(0, 1, 2))(Tensor(x), Tensor(w), Tensor(off))
    def loss(*a):
        return float((reference(*a, kernel, st, pad, bias, dil, g, dg) ** 2).sum())

    rng = np.random.default_rng(3)
    for which, grad in enumerate(grads):
        args = [x.astype(np.float64), w.astype(np.float64), off.astype(np.float64)]
        for flat in rng.choice(args[which].size, 4, replace=False):
            idx = np.unravel_index(flat, args[which].shape)
            eps = 1e-4
            up, down = [a.copy() for a in args], [a.copy() for a in args]
            up[which][idx] += eps
            down[which][idx] -= eps
            fd = (loss(*up) - loss(*down)) / (2 * eps)
            assert abs(grad.asnumpy()[idx] - fd) <= 1e-2 * max(1.0, abs(fd)), (which, idx, fd)


def test_bad_arguments_raise_mindspores_errors():
    x = Tensor(np.ones((1, 1, 4, 4), np.float32))
    w = Tensor(np.ones((1, 1, 2, 2), np.float32))
    off = Tensor(np.ones((1, 12, 3, 3), np.float32))
    ok = dict(kernel_size=(2, 2), strides=(1, 1, 1, 1), padding=(0, 0, 0, 0))
    assert ops.deformable_conv2d(x, w, off, **ok).shape == (1, 1, 3, 3)
    with pytest.raises(TypeError):
        ops.deformable_conv2d(x, w, off, **{**ok, "strides": [1, 1, 1, 1]})
    with pytest.raises(ValueError):
        ops.deformable_conv2d(x, w, off, **{**ok, "padding": (0, 0)})
    with pytest.raises(ValueError):
        ops.deformable_conv2d(x, w, off, **{**ok, "strides": (2, 1, 1, 1)})
    with pytest.raises(TypeError):
        ops.deformable_conv2d(x, w, off, **ok, modulated=1)
    with pytest.raises(ValueError):
        ops.deformable_conv2d(x, w, off, **ok, modulated=False)
    with pytest.raises(ValueError, match="DeformableConv2d"):
        ops.deformable_conv2d(x, w, Tensor(np.ones((1, 9, 3, 3), np.float32)), **ok)
    with pytest.raises(TypeError):
        ops.deformable_conv2d(x, w.astype(ms.float16), off, **ok)

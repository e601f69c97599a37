"""``ops``' Fourier transforms against ``numpy.fft`` (values, shapes, dtypes for every argument
form), their gradients against values MindSpore 2.10 printed, and MindSpore's errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import ops

RNG = np.random.default_rng(5)
X = RNG.standard_normal((3, 4, 5))
Z = X + 1j * RNG.standard_normal((3, 4, 5))


def close(got, want, tol=1e-10):
    got = got.asnumpy()
    assert got.shape == want.shape, (got.shape, want.shape)
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol * max(1.0, np.abs(want).max()))


# (ours, numpy's, input, kwargs for ours, kwargs for numpy)
ONE_AXIS = [
    ("fft", "fft", Z, {}, {}),
    ("fft", "fft", Z, {"n": 7, "dim": 1, "norm": "ortho"}, {"n": 7, "axis": 1, "norm": "ortho"}),
    ("ifft", "ifft", Z, {"n": 3, "dim": 0}, {"n": 3, "axis": 0}),
    ("ifft", "ifft", X, {"norm": "forward"}, {"norm": "forward"}),
    ("rfft", "rfft", X, {}, {}),
    ("rfft", "rfft", X, {"n": 8, "dim": -2, "norm": "forward"}, {"n": 8, "axis": -2, "norm": "forward"}),
    ("irfft", "irfft", Z, {}, {}),
    ("irfft", "irfft", Z, {"n": 9, "dim": 1, "norm": "ortho"}, {"n": 9, "axis": 1, "norm": "ortho"}),
    ("hfft", "hfft", Z, {}, {}),
    ("hfft", "hfft", Z, {"n": 5, "norm": "forward"}, {"n": 5, "norm": "forward"}),
    ("ihfft", "ihfft", X, {}, {}),
    ("ihfft", "ihfft", X, {"n": 6, "dim": 0}, {"n": 6, "axis": 0}),
]


@pytest.mark.parametrize("ours,theirs,x,kw,nkw", ONE_AXIS)
def test_one_axis_transforms_are_numpys(ours, theirs, x, kw, nkw):
    for dtype, tol in ((ms.float64, 1e-10), (ms.float32, 2e-5)):
        t = ms.Tensor(x).astype(ms.complex128 if np.iscomplexobj(x) else dtype)
        if dtype == ms.float32:
            t = t.astype(ms.complex64 if np.iscomplexobj(x) else ms.float32)
        got = getattr(ops, ours)(t, **kw)
        close(got, getattr(np.fft, theirs)(x, **nkw), tol)


MANY_AXES = [
    ("fft2", "fft2", Z, {}, {}),
    ("fft2", "fft2", Z, {"s": (3, 6), "dim": (0, 2)}, {"s": (3, 6), "axes": (0, 2)}),
    ("ifft2", "ifft2", Z, {"norm": "ortho"}, {"norm": "ortho"}),
    ("fftn", "fftn", Z, {}, {}),
    ("fftn", "fftn", Z, {"s": (2, 7)}, {"s": (2, 7)}),
    ("fftn", "fftn", Z, {"dim": (2, 0)}, {"axes": (2, 0)}),
    ("ifftn", "ifftn", Z, {"s": (4, 4, 4), "norm": "forward"}, {"s": (4, 4, 4), "norm": "forward"}),
    ("rfft2", "rfft2", X, {}, {}),
    ("rfftn", "rfftn", X, {"dim": (0, 1)}, {"axes": (0, 1)}),
    ("rfftn", "rfftn", X, {"s": (4, 6)}, {"s": (4, 6)}),
    ("irfft2", "irfft2", Z, {}, {}),
    ("irfftn", "irfftn", Z, {"s": (3, 4, 7)}, {"s": (3, 4, 7)}),
    ("irfftn", "irfftn", Z, {"dim": (1,), "norm": "ortho"}, {"axes": (1,), "norm": "ortho"}),
]


@pytest.mark.parametrize("ours,theirs,x,kw,nkw", MANY_AXES)
def test_many_axes_transforms_are_numpys(ours, theirs, x, kw, nkw):
    close(getattr(ops, ours)(ms.Tensor(x), **kw), getattr(np.fft, theirs)(x, **nkw))


def test_hermitian_many_axes_are_the_conjugate_real_transforms():
    # NumPy has no hfftn: hfftn(x) = irfftn(conj x) with the norms swapped, ihfftn = ifftn's half.
    close(ops.hfft2(ms.Tensor(Z)), np.fft.irfft2(np.conj(Z), norm="forward"))
    close(ops.hfftn(ms.Tensor(Z), s=(3, 4, 6), norm="ortho"),
          np.fft.irfftn(np.conj(Z), s=(3, 4, 6), norm="ortho"))
    close(ops.ihfft2(ms.Tensor(X)), np.conj(np.fft.rfft2(X, norm="forward")))
    close(ops.ihfftn(ms.Tensor(Z)), np.fft.ifftn(Z)[..., :3])


def test_values_and_dtypes_mindspore_printed():
    x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    y = ops.fft(x)
    assert y.dtype == ms.complex64
    np.testing.assert_allclose(y.asnumpy(), [[3, -1.5 + 0.866j, -1.5 - 0.866j],
                                             [12, -1.5 + 0.866j, -1.5 - 0.866j]], atol=1e-3)
    assert ops.fft(x.astype(ms.float64)).dtype == ms.complex128
    assert ops.fft(x.astype(ms.int32)).dtype == ms.complex64
    assert ops.fft(x.astype(ms.float16)).dtype == ms.complex64
    assert ops.irfft(y).dtype == ms.float32
    assert ops.irfft(x.astype(ms.float64)).dtype == ms.float64
    assert ops.irfft(x.astype(ms.int32)).shape == (2, 4)
    # A half spectrum of one element: MindSpore 2.10 gives an empty signal.
    assert ops.irfft(ms.Tensor(np.ones((1,), np.complex64))).shape == (0,)
    # ihfft of a complex signal: the half of its inverse transform (MindSpore 2.10's values).
    z = ms.Tensor(np.array([1 + 1j, 2 - 1j, 3 + 2j, 0.5j], np.complex64))
    np.testing.assert_allclose(ops.ihfft(z).asnumpy(), [1.5 + 0.625j, -0.125 + 0.25j, 0.5 + 0.875j],
                               atol=1e-6)


def test_gradients_mindspore_printed():
    x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    g = ms.grad(lambda a: ops.abs(ops.fft(a)).sum())(x)
    np.testing.assert_allclose(g.asnumpy(), [[-0.7321, 1.0, 2.7321]] * 2, atol=1e-4)
    g = ms.grad(lambda a: ops.real(ops.fft(a)).sum())(x)
    np.testing.assert_allclose(g.asnumpy(), [[3.0, 0, 0]] * 2, atol=1e-6)
    g = ms.grad(lambda a: ops.real(ops.ifft(a)).sum())(x)
    np.testing.assert_allclose(g.asnumpy(), [[1.0, 0, 0]] * 2, atol=1e-6)
    g = ms.grad(lambda a: (ops.irfft(a) ** 2).sum())(ms.Tensor([0.0, 1.0, 2.0]))
    np.testing.assert_allclose(g.asnumpy(), [0.0, 1.0, 1.0], atol=1e-6)
    g = ms.grad(lambda a: (ops.hfft(a) * ms.Tensor([1.0, 2.0, 3.0, 4.0])).sum())(
        ms.Tensor([0.0, 1.0, 2.0]))
    np.testing.assert_allclose(g.asnumpy(), [10.0, -4.0, -2.0], atol=1e-5)
    g = ms.grad(lambda a: ops.real(ops.ihfft(a)).sum())(ms.Tensor([0.0, 1.0, 2.0, 3.0]))
    np.testing.assert_allclose(g.asnumpy(), [0.75, 0.0, 0.25, 0.0], atol=1e-6)
    g = ms.grad(lambda a: ops.imag(ops.rfft2(a)).sum())(x)
    np.testing.assert_allclose(g.asnumpy(), [[0, -1.7321, 1.7321], [0, 0, 0]], atol=1e-4)
    # A complex input's gradient (MindSpore's convention, dL/dx + i dL/dy): Parseval's theorem.
    z = ms.Tensor(np.array([[5j, 1 + 4j, 2 + 3j], [3 + 2j, 4 + 1j, 5]], np.complex64))
    g = ms.grad(lambda a: (ops.irfft(a) ** 2).sum())(z)
    np.testing.assert_allclose(g.asnumpy(), [[0, 1 + 4j, 1], [1.5, 4 + 1j, 2.5]], atol=1e-5)


def test_gradients_match_finite_differences_in_float64():
    x = RNG.standard_normal((2, 5))
    w = RNG.standard_normal((2, 4))

    def loss(a):
        return (ops.irfft(ops.rfft(a, n=6) * ops.rfft(a, n=6), n=4, norm="ortho")
                * ms.Tensor(w)).sum()

    g = ms.grad(loss)(ms.Tensor(x)).asnumpy()
    eps = 1e-6
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += eps
        down[i] -= eps
        fd = (loss(ms.Tensor(up)).asnumpy() - loss(ms.Tensor(down)).asnumpy()) / (2 * eps)
        assert abs(g[i] - fd) < 1e-6, (i, g[i], fd)


def test_shifts_and_frequencies():
    x = ms.Tensor(np.arange(24.0).reshape(2, 3, 4))
    close(ops.fftshift(x), np.fft.fftshift(np.arange(24.0).reshape(2, 3, 4)))
    close(ops.fftshift(x, dim=(0, 2)), np.fft.fftshift(np.arange(24.0).reshape(2, 3, 4), (0, 2)))
    close(ops.ifftshift(x, dim=1), np.fft.ifftshift(np.arange(24.0).reshape(2, 3, 4), 1))
    assert ops.fftshift(ms.Tensor([0, 1, 2, 3, 4])).asnumpy().tolist() == [3, 4, 0, 1, 2]
    for n in (1, 4, 5):
        f = ops.fftfreq(n, 0.5)
        assert f.dtype == ms.float32
        np.testing.assert_allclose(f.asnumpy(), np.fft.fftfreq(n, 0.5), rtol=1e-6)
        np.testing.assert_allclose(ops.rfftfreq(n, 2.0).asnumpy(), np.fft.rfftfreq(n, 2.0),
                                   rtol=1e-6)
    assert ops.fftfreq(4, dtype=ms.float64).asnumpy().tolist() == [0.0, 0.25, -0.5, -0.25]
    assert ops.fftfreq(4, dtype=ms.int32).asnumpy().tolist() == [0, 0, 0, 0]


@pytest.mark.parametrize("call,error,text", [
    (lambda x: ops.fft(x, n=0), ValueError, "greater than 0"),
    (lambda x: ops.fft(x, n=1.5), TypeError, "'n'"),
    (lambda x: ops.fft(x, dim=5), ValueError, "dim"),
    (lambda x: ops.fft(x, norm="xx"), ValueError, "norm"),
    (lambda x: ops.fft2(x, dim=(1, 1)), ValueError, "unique"),
    (lambda x: ops.fft2(x, s=(2,), dim=(0, 1)), ValueError, "same length"),
    (lambda x: ops.fftn(x, s=(2, 2, 2)), ValueError, "'s'"),
    (lambda x: ops.fft(x.asnumpy()), TypeError, "Tensor"),
    (lambda x: ops.fft(x > 1), TypeError, "Bool"),
    (lambda x: ops.fft(x.astype(ms.int8)), TypeError, "Int8"),
    (lambda x: ops.rfft(x.astype(ms.complex64)), TypeError, "Complex64"),
    (lambda x: ops.fft(x[0, 0]), ValueError, "0-d"),
    (lambda x: ops.fft(x[:, :0]), ValueError, "0"),
    (lambda x: ops.fftfreq(0), ValueError, "greater than 0"),
    (lambda x: ops.fftfreq(4.0), TypeError, "'n'"),
])
def test_bad_arguments_raise_mindsporess_classes(call, error, text):
    x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    with pytest.raises(error, match=text):
        call(x)


def test_transforms_trace_under_jit_and_vmap():
    x = ms.Tensor(RNG.standard_normal((4, 6)))
    f = ms.jit(lambda a: ops.irfft(ops.rfft(a) * 2, n=6))
    close(f(x), 2 * x.asnumpy())
    close(ms.vmap(lambda a: ops.fft(a, n=8))(x), np.fft.fft(x.asnumpy(), n=8))


def stft_reference(x, n_fft, hop, win_length, window, center, reflect, onesided, normalized):
    """The short-time transform by its definition, frame by frame in NumPy."""
    w = np.ones(win_length) if window is None else window
    left = (n_fft - win_length) // 2
    w = np.pad(w, (left, n_fft - win_length - left))
    if center:
        x = np.pad(x, [(0, 0)] * (x.ndim - 1) + [(n_fft // 2, n_fft // 2)],
                   mode="reflect" if reflect else "constant")
    n = 1 + (x.shape[-1] - n_fft) // hop
    frames = np.stack([x[..., t * hop:t * hop + n_fft] * w for t in range(n)], -2)
    out = np.fft.rfft(frames) if onesided else np.fft.fft(frames)
    if normalized:
        out = out / np.sqrt(n_fft)
    return np.swapaxes(out, -1, -2)


@pytest.mark.parametrize("shape,n_fft,hop,win,center,mode,onesided,normalized", [
    ((16,), 8, None, None, True, "REFLECT", None, False),
    ((16,), 8, 3, 6, True, "REFLECT", None, True),
    ((2, 20), 6, 2, 5, True, "CONSTANT", False, False),
    ((2, 13), 4, 1, None, False, "REFLECT", True, False),
    ((9,), 9, 4, 2, True, "constant", None, True),
])
def test_stft_is_its_definition(shape, n_fft, hop, win, center, mode, onesided, normalized):
    x = RNG.standard_normal(shape)
    window = None if win is None else RNG.uniform(0.5, 1.5, win)
    got = ops.stft(ms.Tensor(x), n_fft, hop_length=hop, win_length=win,
                   window=None if window is None else ms.Tensor(window), center=center,
                   pad_mode=mode, normalized=normalized, onesided=onesided, return_complex=True)
    want = stft_reference(x, n_fft, n_fft // 4 if hop is None else hop, win or n_fft, window,
                          center, mode.upper() == "REFLECT", onesided is not False, normalized)
    assert got.dtype == ms.complex128
    close(got, want)
    # By default, the real and imaginary parts along a new last axis.
    parts = ops.stft(ms.Tensor(x).astype(ms.float32), n_fft, hop_length=hop, win_length=win,
                     window=None if window is None else ms.Tensor(window, ms.float32),
                     center=center, pad_mode=mode, normalized=normalized, onesided=onesided)
    assert parts.dtype == ms.float32 and parts.shape == want.shape + (2,)
    np.testing.assert_allclose(parts.asnumpy()[..., 0] + 1j * parts.asnumpy()[..., 1], want,
                               atol=1e-4)


def test_stft_values_mindspore_printed():
    x = ms.Tensor(np.arange(16, dtype=np.float32) ** 1.5 % 7)
    r = ops.stft(x, 8, hop_length=3, win_length=6,
                 window=ms.Tensor(np.hanning(6).astype(np.float32)), normalized=True,
                 return_complex=True)
    np.testing.assert_allclose(r.asnumpy()[:, :3], [
        [0.787433, 2.810496, 2.234013],
        [-0.3125 - 0.4852457j, -2.387645 - 0.6753609j, -1.558591 - 0.6770101j],
        [-0.345491 + 0.1976423j, 1.539538 + 0.7823588j, 0.100726 + 0.784691j],
        [0.3125 + 0.2057372j, -0.935731 - 0.4310615j, 1.112841 - 0.4327107j],
        [-0.09645, 0.75718, -1.543963]], atol=1e-5)
    r = ops.stft(x, 8, pad_mode="CONSTANT", onesided=False)
    assert r.shape == (8, 9, 2)
    np.testing.assert_allclose(r.asnumpy()[:3, -2:], [
        [[22.024982, 0], [16.919334, 0]], [[-3.63823, -9.581697], [8.533148, -8.309554]],
        [[0.43676, 1.294544], [3.186016, -2.777416]]], atol=1e-4)
    # Differentiable (MindSpore 2.10 has no STFT gradient): d/dx of sum |X|² by Parseval.
    g = ms.grad(lambda a: (ops.stft(a, 4, hop_length=4, center=False,
                                    onesided=False) ** 2).sum())(ms.Tensor([1.0, 2.0, 3.0, 4.0]))
    np.testing.assert_allclose(g.asnumpy(), [8.0, 16.0, 24.0, 32.0], rtol=1e-6)


@pytest.mark.parametrize("kw,error,text", [
    ({"n_fft": 0}, ValueError, "n_fft"),
    ({"n_fft": 32}, ValueError, "n_fft"),
    ({"n_fft": 8, "hop_length": 0}, ValueError, "hop_length"),
    ({"n_fft": 8, "win_length": 9}, ValueError, "win_length"),
    ({"n_fft": 8, "window": ms.Tensor(np.ones(5, np.float32))}, ValueError, "window"),
    ({"n_fft": 8, "pad_mode": "wrap"}, ValueError, "pad_mode"),
    ({"n_fft": 8.0}, TypeError, "n_fft"),
])
def test_stft_bad_arguments(kw, error, text):
    with pytest.raises(error, match=text):
        ops.stft(ms.Tensor(np.ones(16, np.float32)), **kw)
    with pytest.raises(ValueError, match="1-D tensor or a 2-D"):
        ops.stft(ms.Tensor(np.ones((1, 2, 16), np.float32)), 4)

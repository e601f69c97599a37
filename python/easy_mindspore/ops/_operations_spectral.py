"""``mindspore.ops.operations``' older spectral primitives over the FFT functions of ``ops``:
``FFTWithSize`` (the transform of the last ``signal_ndim`` axes: complex, real-to-half-complex or
back) and ``STFT`` (``ops.stft`` without centring, as the primitive computes it)."""
from . import functional as F
from .._errors import DTypeError, ShapeError
from ._operations_four import _document
from .operations import Primitive

__all__ = ["FFTWithSize", "STFT"]


def _flag(op, name, v):
    if not isinstance(v, bool):
        raise DTypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    return v


class FFTWithSize(Primitive):
    """``ops.FFTWithSize(signal_ndim, inverse, real, norm='backward', onesided=True,
    signal_sizes=())(x)``: the FFT of the last `signal_ndim` axes (1 to 3) — complex forward or
    inverse, or with `real` the half spectrum of a real input (inverse: back to real, of the last
    axes' sizes `signal_sizes` when given)."""

    def __init__(self, signal_ndim, inverse, real, norm="backward", onesided=True, signal_sizes=()):
        super().__init__()
        op = "FFTWithSize"
        if isinstance(signal_ndim, bool) or not isinstance(signal_ndim, int) or not 1 <= signal_ndim <= 3:
            raise ShapeError(f"For '{op}', 'signal_ndim' must be 1, 2 or 3, but got {signal_ndim!r}.")
        self.signal_ndim, self.inverse, self.real = signal_ndim, _flag(op, "inverse", inverse), _flag(op, "real", real)
        if norm not in ("backward", "forward", "ortho"):
            raise ShapeError(f"For '{op}', 'norm' must be 'backward', 'forward' or 'ortho', but got {norm!r}.")
        self.norm, self.onesided = norm, _flag(op, "onesided", onesided)
        self.signal_sizes = tuple(signal_sizes)

    def __call__(self, x):
        axes = tuple(range(-self.signal_ndim, 0))
        if not self.real:
            fn = F.ifftn if self.inverse else F.fftn
            return fn(x, None, axes, self.norm)
        if not self.inverse:
            out = F.rfftn(x, None, axes, self.norm)
            return out if self.onesided else F.fftn(x.astype(out.dtype), None, axes, self.norm)
        sizes = self.signal_sizes[-self.signal_ndim:] if self.signal_sizes else None
        return F.irfftn(x, sizes, axes, self.norm)


class STFT(Primitive):
    """``ops.STFT(n_fft, hop_length, win_length, normalized, onesided, return_complex)(x,
    window)``: the short-time Fourier transform of `x` ``(N, L)`` or ``(L,)`` with `window`
    (``ops.stft`` without centring), ``(N, n_fft // 2 + 1, frames)`` when `onesided`."""

    def __init__(self, n_fft, hop_length, win_length, normalized, onesided, return_complex):
        super().__init__()
        op = "STFT"
        for name, v in (("n_fft", n_fft), ("hop_length", hop_length), ("win_length", win_length)):
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                raise ShapeError(f"For '{op}', '{name}' must be a positive int, but got {v!r}.")
        self.n_fft, self.hop_length, self.win_length = n_fft, hop_length, win_length
        self.normalized, self.onesided = _flag(op, "normalized", normalized), _flag(op, "onesided", onesided)
        self.return_complex = _flag(op, "return_complex", return_complex)

    def __call__(self, x, window):
        return F.stft(x, self.n_fft, self.hop_length, self.win_length, window, False, "REFLECT",
                      self.normalized, self.onesided, self.return_complex)


_document(FFTWithSize, {"FFTWithSize": (
    ["x = ms.Tensor(np.array([2, 1, 2]), ms.complex64)"],
    "ops.FFTWithSize(signal_ndim=1, inverse=False, real=False)(x)",
    "[5. +0.j        0.5+0.8660254j 0.5-0.8660254j]")})
_document(STFT, {"STFT": (
    ["x = ms.Tensor(np.random.rand(2, 7192), ms.float32)", "window = ms.Tensor(np.random.rand(64), ms.float32)"],
    "ops.STFT(64, 16, 64, False, True, True)(x, window).shape", "(2, 33, 446)")})

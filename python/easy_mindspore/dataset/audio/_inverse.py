"""The audio transforms going back from spectra, vectorised NumPy: ``InverseSpectrogram`` (the
inverse STFT by overlap-add, ``torch.istft``'s), ``GriffinLim`` (phase recovery from a
magnitude spectrogram), ``PhaseVocoder`` and ``TimeStretch`` (speeding up or slowing down a
complex spectrogram without changing its pitch) and ``PitchShift`` (built on them).

Complex spectra are stored as ``(..., 2)`` real/imaginary pairs, as MindSpore stores them.
Results are Float64 for Float64 input and Float32 for any other numeric dtype."""
import numpy as _np

from ..._errors import ComputeError
from .. import config as _config
from ._checks import (FLOAT_MAX, INT32_MAX, check_bool, check_enum, check_int, check_nonzero,
                      check_number, complex_pairs, interval_error, type_error, waveform)
from ._features import _resample
from ._spectral import _Stft, _out_type, _pad_last, _padded_window
from .utils import BorderType, WindowType

__all__ = ["InverseSpectrogram", "GriffinLim", "PhaseVocoder", "TimeStretch", "PitchShift"]

_NUM = (int, float)


def _check_frame_args(n_fft, win_length, hop_length):
    check_int(n_fft, "n_fft", lo=1)
    if win_length is not None:
        check_int(win_length, "win_length", lo=1)
        if win_length > n_fft:
            raise interval_error(f"Input win_length should be no more than n_fft, but got "
                                 f"win_length: {win_length} and n_fft: {n_fft}.")
    if hop_length is not None:
        check_int(hop_length, "hop_length", lo=1)


def _istft(spec, n_fft, hop, window, center, length, onesided):
    """The inverse STFT of the complex `spec` ``(..., freq, frames)`` with the `n_fft`-long
    `window`: overlap-added frames divided by the overlap-added squared window (where it is
    above 1e-11), without the centring padding, cut (or zero-padded) to `length` when given.
    Float64."""
    frames = _np.swapaxes(spec, -1, -2)
    if onesided:
        frames = _np.fft.irfft(frames, n=n_fft, axis=-1)
    else:
        frames = _np.fft.ifft(frames, n=n_fft, axis=-1).real
    frames = frames * window
    n_frames = frames.shape[-2]
    total = n_fft + hop * (n_frames - 1)
    idx = _np.arange(n_frames)[:, None] * hop + _np.arange(n_fft)
    batch = frames.reshape(-1, n_frames, n_fft)
    y = _np.zeros((batch.shape[0], total))
    _np.add.at(y, (slice(None), idx), batch)
    env = _np.zeros(total)
    _np.add.at(env, idx, _np.broadcast_to(window * window, idx.shape))
    start = n_fft // 2 if center else 0
    # Without centring MindSpore 2.10 still keeps ``total − 2·(n_fft // 2)`` samples.
    end = start + (total - 2 * (n_fft // 2) if length is None else length)
    y, env = y[:, start:end], env[start:end]
    with _np.errstate(all="ignore"):
        y = _np.where(env > 1e-11, y / env, y)  # samples no window covers stay unscaled
    if length is not None and y.shape[-1] < length:
        y = _np.pad(y, ((0, 0), (0, length - y.shape[-1])))
    return y.reshape(frames.shape[:-2] + (y.shape[-1],))


def _bad_freq():
    # MindSpore 2.10's message, naming GriffinLim for InverseSpectrogram too.
    return ComputeError("GriffinLim: the frequency of the input should equal to n_fft / 2 + 1")


def _fit_frames(spec, frames):
    """`spec` ``(..., freq, n)`` cut or zero-padded to `frames` frames."""
    if spec.shape[-1] >= frames:
        return spec[..., :frames]
    return _np.pad(spec, [(0, 0)] * (spec.ndim - 1) + [(0, frames - spec.shape[-1])])


def _as_complex(a):
    return a[..., 0] + 1j * a[..., 1]


def _as_pairs(z):
    return _np.stack([z.real, z.imag], axis=-1)


class InverseSpectrogram:
    """The waveform of a complex spectrogram ``(..., freq, time, 2)``: the inverse of
    ``Spectrogram`` (before its power) by overlap-add.

    Args:
        length (int, optional): Length of the output (default: as the frames give).
        n_fft (int): FFT size. Default ``400``.
        win_length (int, optional): Window length, <= `n_fft` (default `n_fft`).
        hop_length (int, optional): Hop between frames (default ``win_length // 2``).
        pad (int): Padding the forward transform added on both sides (removed). Default ``0``.
        window (WindowType): Window function. Default ``WindowType.HANN``.
        normalized (bool): The spectrogram was divided by the window's L2 norm.
            Default ``False``.
        center (bool): The forward transform was centred. Default ``True``.
        pad_mode (BorderType): Padding of the forward transform. Default
            ``BorderType.REFLECT``.
        onesided (bool): The spectrogram holds the non-negative frequencies only.
            Default ``True``.

    Returns:
        A callable on ``(..., freq, time, 2)`` giving ``(..., samples)`` (Float64 out for
        Float64 without `pad`, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a last axis other than 2 long, a window whose overlap-add
            has zeros.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> spec = np.zeros((3, 5, 2))
        >>> spec[0, :, 0] = 2.0
        >>> inverse = audio.InverseSpectrogram(n_fft=4, hop_length=2,
        ...                                  window=audio.WindowType.BARTLETT)
        >>> print(inverse(spec))
        [0.5 1.  0.5 1.  0.5 1.  0.5 1. ]
    """

    def __init__(self, length=None, n_fft=400, win_length=None, hop_length=None, pad=0,
                 window=WindowType.HANN, normalized=False, center=True,
                 pad_mode=BorderType.REFLECT, onesided=True):
        if length is not None:
            check_int(length, "length", lo=0)
        _check_frame_args(n_fft, win_length, hop_length)
        check_int(pad, "pad", lo=0)
        check_enum(window, WindowType, "window")
        check_bool(normalized, "normalized")
        check_bool(center, "center")
        check_enum(pad_mode, BorderType, "pad_mode")
        check_bool(onesided, "onesided")
        self.length, self.n_fft, self.pad, self.window = length, n_fft, pad, window
        self.win_length = win_length if win_length is not None else n_fft
        self.hop_length = hop_length if hop_length is not None else self.win_length // 2
        self.normalized, self.center, self.pad_mode, self.onesided = (normalized, center,
                                                                      pad_mode, onesided)

    def __call__(self, x):
        if isinstance(x, _np.ndarray) and x.ndim < 3:
            raise ComputeError("InverseSpectrogram: the shape of input tensor does not match "
                               "the requirement of operator. Expecting tensor in shape of "
                               "<..., freq, time, complex=2>.")
        x = complex_pairs("InverseSpectrogram", x)
        if self.onesided and x.shape[-3] != self.n_fft // 2 + 1:
            raise _bad_freq()
        spec = _as_complex(x.astype(_np.float64))
        window = _padded_window(self.window, self.win_length, self.n_fft)
        if self.normalized:
            spec = spec * _np.sqrt(_np.sum(window * window))
        length = None if self.length is None else self.length + 2 * self.pad
        y = _istft(spec, self.n_fft, self.hop_length, window,
                   self.center, length, self.onesided)
        if self.pad:
            y = y[..., self.pad:-self.pad]
            return y.astype(_np.float32)  # MindSpore 2.10 gives Float32 once it unpads
        return y.astype(_out_type(x))


class GriffinLim(_Stft):
    """Recovers a waveform from a magnitude spectrogram ``(..., freq, time)`` by Griffin-Lim:
    `n_iter` rounds of inverse STFT and STFT keeping the magnitudes and updating the phases
    (with fast Griffin-Lim's `momentum`), then a last inverse STFT.

    Args:
        n_fft (int): FFT size (``freq = n_fft // 2 + 1``). Default ``400``.
        n_iter (int): Number of rounds, >= 1. Default ``32``.
        win_length (int, optional): Window length, <= `n_fft` (default `n_fft`).
        hop_length (int, optional): Hop between frames (default ``win_length // 2``).
        window_type (WindowType): Window function. Default ``WindowType.HANN``.
        power (float): Exponent the magnitudes were raised to, > 0. Default ``2.0``.
        momentum (float): Momentum of the phase updates, >= 0 (below 1 when called).
            Default ``0.99``.
        length (int, optional): Length of the output.
        rand_init (bool): Random initial phases (from the pipeline's generator,
            ``dataset.config``) instead of zeros. Default ``True``.

    Returns:
        A callable on ``(..., freq, time)`` giving ``(..., samples)`` (Float64 out for
        Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a frequency axis other than ``n_fft // 2 + 1`` long,
            `momentum` >= 1.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> spec = np.zeros((3, 5))
        >>> spec[0] = 2.0
        >>> y = audio.GriffinLim(n_fft=4, n_iter=1, hop_length=1, power=1.0, rand_init=False)
        >>> print(y(spec).round(4))
        [0.6    0.6667 0.6667 0.6667]
    """

    def __init__(self, n_fft=400, n_iter=32, win_length=None, hop_length=None,
                 window_type=WindowType.HANN, power=2.0, momentum=0.99, length=None,
                 rand_init=True):
        _check_frame_args(n_fft, win_length, 1 if hop_length == 0 else hop_length)
        check_int(n_iter, "n_iter", lo=1)
        check_enum(window_type, WindowType, "window_type")
        check_number(power, "power", 0, FLOAT_MAX, lo_open=True, types=_NUM)
        check_number(momentum, "momentum", 0, FLOAT_MAX, types=_NUM)
        if length is not None:
            check_int(length, "length", lo=0)
        check_bool(rand_init, "rand_init")
        self._set_stft(n_fft, win_length, hop_length or None, 0, window_type, 1.0, False, True,
                       BorderType.REFLECT, True)
        self.n_iter, self.window_type, self.momentum = n_iter, window_type, momentum
        self.length, self.rand_init, self.power = length, rand_init, power

    def __call__(self, x):
        x = waveform("GriffinLim", x, min_ndim=2, shape="<..., freq, time>")
        n_freq = self.n_fft // 2 + 1
        if x.shape[-2] != n_freq:
            raise _bad_freq()
        if self.momentum >= 1:
            raise ComputeError(f"GriffinLim: momentum equal to or greater than 1 can be "
                               f"unstable, but got: {self.momentum:.6f}")
        mag = _np.power(x.astype(_np.float64), 1.0 / self.power)
        window = _padded_window(self.window, self.win_length, self.n_fft)
        if self.rand_init:
            rng = _config._generator()
            angles = rng.random(mag.shape) + 1j * rng.random(mag.shape)
        else:
            angles = _np.ones(mag.shape, _np.complex128)
        prev = 0.0
        mom = self.momentum / (1 + self.momentum)
        for _ in range(self.n_iter):
            y = _istft(mag * angles, self.n_fft, self.hop_length, window, True,
                       self.length, True)
            rebuilt = _fit_frames(self._complex_spectrum("GriffinLim", y), mag.shape[-1])
            angles = rebuilt - prev * mom if self.momentum else rebuilt
            angles = angles / (_np.abs(angles) + 1e-16)
            prev = rebuilt
        y = _istft(mag * angles, self.n_fft, self.hop_length, window, True,
                   self.length, True)
        return y.astype(_out_type(x))


def _phase_vocoder(spec, rate, advance):
    """torchaudio's phase vocoder of the complex `spec` ``(..., freq, time)`` with the phase
    advance ``(freq, 1)`` (Float64): ``ceil(time / rate)`` frames
    interpolated in magnitude, their phases accumulated."""
    t = advance.dtype.type
    steps = _np.arange(0, spec.shape[-1], rate, dtype=t)
    alphas = steps % t(1)
    phase_0 = _np.angle(spec[..., :1])
    padded = _np.pad(spec, [(0, 0)] * (spec.ndim - 1) + [(0, 2)])
    s0 = padded[..., steps.astype(_np.int64)]
    s1 = padded[..., steps.astype(_np.int64) + 1]
    phase = _np.angle(s1) - _np.angle(s0) - advance
    two_pi = t(2 * _np.pi)
    phase = phase - two_pi * _np.round(phase / two_pi) + advance
    phase = _np.cumsum(_np.concatenate([phase_0, phase[..., :-1]], axis=-1), axis=-1)
    mag = alphas * _np.abs(s1) + (t(1) - alphas) * _np.abs(s0)
    return mag * _np.cos(phase) + 1j * (mag * _np.sin(phase))


def _check_rate(rate, name):
    check_number(rate, name, 0, FLOAT_MAX, lo_open=True, types=_NUM)
    return rate


class PhaseVocoder:
    """Speeds a complex spectrogram ``(..., freq, time, 2)`` up by `rate` (slows it down below
    1) without changing its pitch: ``ceil(time / rate)`` frames whose magnitudes interpolate
    the neighbouring frames and whose phases accumulate the frames' phase differences
    (unwrapped around `phase_advance`).

    Args:
        rate (float): Speed-up factor, > 0.
        phase_advance (numpy.ndarray): Expected phase advance of each bin per frame,
            ``(freq, 1)``, of the spectrogram's dtype.

    Returns:
        A callable giving ``(..., freq, ceil(time / rate), 2)`` (Float64 out for Float64,
        else Float32).

    Raises:
        TypeError: `rate` not a number, `phase_advance` not an array.
        ValueError: `rate` not positive.
        RuntimeError: (when called) `phase_advance` of another dtype than the spectrogram.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> spec = np.zeros((1, 4, 2))
        >>> spec[0, :, 0] = [1.0, 2.0, 3.0, 4.0]
        >>> print(audio.PhaseVocoder(2.0, np.zeros((1, 1)))(spec)[..., 0])
        [[1. 3.]]
    """

    def __init__(self, rate, phase_advance):
        _check_rate(rate, "rate")
        if not isinstance(phase_advance, _np.ndarray):
            raise type_error("phase_advance", phase_advance, (_np.ndarray,))
        self.rate, self.phase_advance = rate, phase_advance

    def __call__(self, x):
        if (isinstance(x, _np.ndarray) and x.dtype.kind in "fiub"
                and x.dtype != self.phase_advance.dtype):
            raise ComputeError(f"PhaseVocoder: invalid parameter, data type of phase_advance "
                               f"should be equal to data type of input tensor, but got: data "
                               f"type of phase_advance {self.phase_advance.dtype} while data "
                               f"type of input tensor {x.dtype}.")
        return _vocoded("PhaseVocoder", x, self.rate,
                        self.phase_advance.astype(_np.float64))


def _vocoded(op, x, rate, advance):
    x = complex_pairs(op, x)
    if x.ndim < 3:
        raise ComputeError(f"{op}: the shape of input tensor does not match the requirement of "
                           f"operator. Expecting tensor in shape of <..., freq, num_frame, "
                           f"complex=2>. But got tensor with dimension {x.ndim}.")
    t = _out_type(x)
    if rate == 1:
        return x.reshape((-1,) + x.shape[-3:]).astype(t)  # MindSpore: the input, as 4 dims
    out = _phase_vocoder(_as_complex(x.astype(_np.float64)), float(rate), advance)
    return _as_pairs(out).astype(t)


class TimeStretch:
    """Stretches a complex spectrogram ``(..., freq, time, 2)`` in time by ``1 / fixed_rate``
    without changing its pitch: ``PhaseVocoder`` with the phase advance
    ``linspace(0, π·hop_length, n_freq)``.

    Args:
        hop_length (int, optional): Hop between the STFT's frames (default ``n_freq − 1``,
            half of ``n_fft = 2·(n_freq − 1)``).
        n_freq (int): Frequency bins of the spectrogram. Default ``201``.
        fixed_rate (float, optional): Speed-up factor, > 0 (default ``1.0``).

    Returns:
        A callable giving ``(..., freq, ceil(time / fixed_rate), 2)`` (Float64 out for
        Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> spec = np.zeros((1, 4, 2))
        >>> spec[0, :, 0] = [1.0, 2.0, 3.0, 4.0]
        >>> print(audio.TimeStretch(1, 1, 2.0)(spec)[..., 0])
        [[1. 3.]]
    """

    def __init__(self, hop_length=None, n_freq=201, fixed_rate=None):
        if hop_length is not None:
            check_int(hop_length, "hop_length", lo=1)
        check_int(n_freq, "n_freq", lo=1)
        if fixed_rate is not None:
            _check_rate(fixed_rate, "fixed_rate")
        self.hop_length, self.n_freq, self.fixed_rate = hop_length, n_freq, fixed_rate

    def __call__(self, x):
        hop = self.hop_length if self.hop_length is not None else self.n_freq - 1
        # over the input's frequency bins whatever `n_freq` says, as MindSpore 2.10 (the values
        # do not depend on the advance: it cancels out of the accumulated phase)
        freq = _np.shape(x)[-3] if _np.ndim(x) >= 3 else self.n_freq
        advance = _np.linspace(0, _np.pi * hop, freq)[:, None]
        rate = 1.0 if self.fixed_rate is None else self.fixed_rate
        return _vocoded("TimeStretch", x, rate, advance)


class PitchShift:
    """Shifts the pitch of a waveform ``(..., time)`` by `n_steps` steps of an octave divided
    in `bins_per_octave`, keeping its length: the STFT stretched in time by ``1 / rate``
    (``rate = 2^(−n_steps / bins_per_octave)``, ``PhaseVocoder``), inverted to
    ``round(time / rate)`` samples, resampled from ``int(sample_rate / rate)`` Hz to
    `sample_rate` (``Resample``'s filter, applied even between equal rates, as MindSpore 2.10
    does), then cut or zero-padded to `time` samples.

    Args:
        sample_rate (int): Sampling rate (Hz), >= 0.
        n_steps (int): Steps to shift (negative: down).
        bins_per_octave (int): Steps in an octave, nonzero. Default ``12``.
        n_fft (int): FFT size. Default ``512``.
        win_length (int, optional): Window length, <= `n_fft` (default `n_fft`).
        hop_length (int, optional): Hop between frames (default ``win_length // 4``).
        window (WindowType): Window function. Default ``WindowType.HANN``.

    Returns:
        A callable on numeric waveforms ``(..., time)`` (Float64 out for Float64, else
        Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a resampling rate of 0 Hz.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.PitchShift(16000, 0, n_fft=16)(np.ones(32))
        >>> print(y.shape, y[:4].round(4))
        (32,) [0.995  1.0044 0.9968 1.0019]
    """

    def __init__(self, sample_rate, n_steps, bins_per_octave=12, n_fft=512, win_length=None,
                 hop_length=None, window=WindowType.HANN):
        check_int(sample_rate, "sample_rate", lo=0)
        check_int(n_steps, "n_steps")
        check_nonzero(bins_per_octave, "bins_per_octave", INT32_MAX + 1, types=(int,))
        _check_frame_args(n_fft, win_length, hop_length)
        check_enum(window, WindowType, "window")
        self.sample_rate, self.n_steps, self.bins_per_octave = (sample_rate, n_steps,
                                                                bins_per_octave)
        self.n_fft, self.window = n_fft, window
        self.win_length = win_length if win_length is not None else n_fft
        self.hop_length = hop_length if hop_length is not None else self.win_length // 4

    def __call__(self, x):
        x = waveform("PitchShift", x)
        length = x.shape[-1]
        rate = 2.0 ** (-float(self.n_steps) / self.bins_per_octave)
        stft = _Stft()
        stft._set_stft(self.n_fft, self.win_length, self.hop_length, 0, self.window, 1.0,
                       False, True, BorderType.REFLECT, True)
        spec = stft._complex_spectrum("PitchShift", x)
        if rate != 1.0:
            advance = _np.linspace(0, _np.pi * self.hop_length, spec.shape[-2])[:, None]
            spec = _phase_vocoder(spec, rate, advance)
        window = _padded_window(self.window, self.win_length, self.n_fft)
        stretched = _istft(spec, self.n_fft, self.hop_length, window, True,
                           int(round(length / rate)), True)
        shifted = _resample(stretched, int(self.sample_rate / rate), self.sample_rate)
        if shifted.shape[-1] >= length:
            shifted = shifted[..., :length]
        else:
            shifted = _pad_last(shifted, 0, length - shifted.shape[-1])
        return shifted.astype(_out_type(x))

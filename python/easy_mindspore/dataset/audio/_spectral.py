"""The spectral audio transforms, vectorised NumPy (FFT by ``numpy.fft``): ``Spectrogram``
(``torch.stft``'s framing: optional centring by padding ``n_fft // 2`` on each side, periodic
windows zero-padded to ``n_fft`` in the middle), ``MelScale``, ``MelSpectrogram``,
``AmplitudeToDB``, ``DBToAmplitude``, ``ComplexNorm``, ``Angle``, ``Magphase`` (complex
spectra stored as ``(..., 2)`` real/imaginary pairs, as MindSpore stores them), ``MFCC``,
``ComputeDeltas``, ``TimeMasking`` and ``FrequencyMasking``. Results are Float64 for Float64
input and Float32 for any other numeric dtype (``MFCC``: always Float32)."""
import numpy as _np

from ..._errors import ComputeError
from .. import config as _config
from ._checks import (FLOAT_MAX, check_bool, check_enum, check_int, check_number, complex_pairs,
                      interval_error, waveform)
from .utils import (BorderType, MelType, NormMode, NormType, ScaleType, WindowType, _dct,
                    _mel_fbanks)

__all__ = ["Spectrogram", "MelScale", "MelSpectrogram", "AmplitudeToDB", "DBToAmplitude",
           "ComplexNorm", "Angle", "Magphase", "MFCC", "ComputeDeltas", "TimeMasking",
           "FrequencyMasking"]

_NUM = (int, float)


def _window(kind, n):
    """The periodic window `kind` of length `n` (Float64)."""
    if n == 1:
        return _np.ones(1)
    k = _np.arange(n) * (2 * _np.pi / n)
    if kind == WindowType.HANN:
        return 0.5 - 0.5 * _np.cos(k)
    if kind == WindowType.HAMMING:
        return 0.54 - 0.46 * _np.cos(k)
    if kind == WindowType.BLACKMAN:
        return 0.42 - 0.5 * _np.cos(k) + 0.08 * _np.cos(2 * k)
    if kind == WindowType.BARTLETT:
        return 1 - _np.abs(2 * _np.arange(n) / n - 1)
    return _np.kaiser(n + 1, 12.0)[:-1]


def _padded_window(kind, win_length, n_fft):
    """The window `kind` of `win_length` zero-padded to `n_fft` in the middle (Float64)."""
    left = (n_fft - win_length) // 2
    return _np.pad(_window(kind, win_length), (left, n_fft - win_length - left))


def _out_type(x):
    return _np.float64 if x.dtype == _np.float64 else _np.float32


def _pad_last(x, before, after, mode="constant"):
    return _np.pad(x, [(0, 0)] * (x.ndim - 1) + [(before, after)], mode=mode)


class _Stft:
    """The framing and windowing shared by ``Spectrogram`` and ``MelSpectrogram``."""

    def _set_stft(self, n_fft, win_length, hop_length, pad, window, power, normalized, center,
                  pad_mode, onesided, power_lo_open=False):
        check_int(n_fft, "n_fft", lo=1)
        if win_length is not None:
            check_int(win_length, "win_length", lo=1)
            if win_length > n_fft:
                raise interval_error(f"Input win_length should be no more than n_fft, but got "
                                     f"win_length: {win_length} and n_fft: {n_fft}.")
        if hop_length is not None:
            check_int(hop_length, "hop_length", lo=1)
        check_int(pad, "pad", lo=0)
        check_enum(window, WindowType, "window")
        check_number(power, "power", 0, FLOAT_MAX, lo_open=power_lo_open, types=_NUM)
        check_bool(normalized, "normalized")
        check_bool(center, "center")
        check_enum(pad_mode, BorderType, "pad_mode")
        check_bool(onesided, "onesided")
        self.n_fft, self.pad, self.window, self.power = n_fft, pad, window, power
        self.win_length = win_length if win_length is not None else n_fft
        self.hop_length = hop_length if hop_length is not None else self.win_length // 2
        self.normalized, self.center, self.pad_mode, self.onesided = (normalized, center,
                                                                      pad_mode, onesided)

    def _power_spectrum(self, op, x):
        """``|STFT(x)|^power`` of shape ``(..., freq, frames)``, Float64."""
        return _np.abs(self._complex_spectrum(op, x)) ** self.power

    def _complex_spectrum(self, op, x):
        """The STFT of `x`: complex128 of shape ``(..., freq, frames)``."""
        n_fft, wl = self.n_fft, self.win_length
        x = x.astype(_np.float64)
        if self.pad:
            x = _pad_last(x, self.pad, self.pad)
        w = _padded_window(self.window, wl, n_fft)
        if self.center:
            x = _pad_last(x, n_fft // 2, n_fft // 2, self.pad_mode.value)
        if x.shape[-1] < n_fft:
            raise ComputeError(f"{op}: n_fft should be more than 0 and less than "
                               f"{x.shape[-1]}, but got n_fft: {n_fft}.")
        frames = 1 + (x.shape[-1] - n_fft) // self.hop_length
        idx = _np.arange(frames)[:, None] * self.hop_length + _np.arange(n_fft)
        framed = x[..., idx] * w
        spec = _np.fft.rfft(framed, axis=-1) if self.onesided else _np.fft.fft(framed, axis=-1)
        if self.normalized:
            spec = spec / _np.sqrt(_np.sum(w * w))
        return _np.swapaxes(spec, -1, -2)


class Spectrogram(_Stft):
    """The spectrogram ``|STFT|^power`` of a waveform ``(..., time)``: ``(..., freq, frames)``
    with ``freq = n_fft // 2 + 1`` (onesided) or ``n_fft``.

    Args:
        n_fft (int): FFT size. Default ``400``.
        win_length (int, optional): Window length, <= `n_fft` (default `n_fft`).
        hop_length (int, optional): Hop between frames (default ``win_length // 2``).
        pad (int): Zeros padded on both sides first. Default ``0``.
        window (WindowType): Window function. Default ``WindowType.HANN``.
        power (float): Exponent of the magnitude, >= 0. Default ``2.0``.
        normalized (bool): Divide by the window's L2 norm. Default ``False``.
        center (bool): Pad `n_fft // 2` on both sides (`pad_mode`). Default ``True``.
        pad_mode (BorderType): Padding of `center`. Default ``BorderType.REFLECT``.
        onesided (bool): Keep the non-negative frequencies only. Default ``True``.

    Returns:
        A callable on numeric waveforms (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a waveform shorter than `n_fft` (with `center` off).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.Spectrogram(n_fft=4, hop_length=4)(np.array([1.0, 0.0, -1.0, 0.0] * 2))
        >>> print(y.shape, y[:, 1].round(4))
        (3, 3) [1. 1. 1.]
    """

    def __init__(self, n_fft=400, win_length=None, hop_length=None, pad=0,
                 window=WindowType.HANN, power=2.0, normalized=False, center=True,
                 pad_mode=BorderType.REFLECT, onesided=True):
        self._set_stft(n_fft, win_length, hop_length, pad, window, power, normalized, center,
                       pad_mode, onesided)

    def __call__(self, x):
        if isinstance(x, _np.ndarray) and x.ndim == 0:
            raise ComputeError("Spectrogram: input tensor is not in shape of <..., time>.")
        x = waveform("Spectrogram", x)
        return self._power_spectrum("Spectrogram", x).astype(_out_type(x))


def _check_mel(op, n_mels, sample_rate, f_min, f_max, norm, mel_type):
    check_int(n_mels, "n_mels", lo=1)
    check_int(sample_rate, "sample_rate", lo=1)
    check_number(f_min, "f_min", types=_NUM)
    if f_max is None:
        if f_min >= sample_rate // 2:
            raise interval_error(f"{op}: sample_rate // 2 should be greater than f_min when "
                                 f"f_max is set to None.")
    else:
        check_number(f_max, "f_max", 0, FLOAT_MAX, lo_open=True, types=_NUM)
        if f_min > f_max:
            raise interval_error(f"f_max should be greater than or equal to f_min, but got "
                                 f"f_min: {f_min} and f_max: {f_max}.")
    check_enum(norm, NormType, "norm")
    check_enum(mel_type, MelType, "mel_type")


class MelScale:
    """Turns a spectrogram ``(..., n_stft, time)`` into a mel spectrogram ``(..., n_mels, time)``
    with ``melscale_fbanks``.

    Args:
        n_mels (int): Number of mel bands. Default ``128``.
        sample_rate (int): Sampling rate (Hz). Default ``16000``.
        f_min (float): Lowest frequency. Default ``0.0``.
        f_max (float, optional): Highest frequency (default ``sample_rate // 2``).
        n_stft (int): Frequency bins of the input. Default ``201``.
        norm (NormType): Filter normalisation. Default ``NormType.NONE``.
        mel_type (MelType): Mel scale. Default ``MelType.HTK``.

    Returns:
        A callable on spectrograms (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a frequency axis other than `n_stft` long.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.MelScale(n_mels=2, sample_rate=8000, n_stft=5)(np.ones((5, 1)))
        >>> print(y.round(4))
        [[0.6759]
         [1.6824]]
    """

    def __init__(self, n_mels=128, sample_rate=16000, f_min=0.0, f_max=None, n_stft=201,
                 norm=NormType.NONE, mel_type=MelType.HTK):
        _check_mel("MelScale", n_mels, sample_rate, f_min, f_max, norm, mel_type)
        check_int(n_stft, "n_stft", lo=1)
        self.n_mels, self.sample_rate, self.f_min, self.f_max = n_mels, sample_rate, f_min, f_max
        self.n_stft, self.norm, self.mel_type = n_stft, norm, mel_type

    def _bank(self):
        f_max = self.f_max if self.f_max is not None else float(self.sample_rate // 2)
        return _mel_fbanks(self.n_stft, self.f_min, f_max, self.n_mels, self.sample_rate,
                           self.norm, self.mel_type)

    def __call__(self, x):
        x = waveform("MelScale", x, min_ndim=2, shape="<..., freq, time>")
        if x.shape[-2] != self.n_stft:
            raise ComputeError(f"MelScale: invalid parameter, 'n_stft' should be equal to "
                               f"'freq', but got: n_stft {self.n_stft} while freq "
                               f"{x.shape[-2]}.")
        out = _np.einsum("fm,...ft->...mt", self._bank(), x.astype(_np.float64))
        return out.astype(_out_type(x))


class MelSpectrogram(_Stft):
    """The mel spectrogram of a waveform: ``Spectrogram`` then ``MelScale``.

    Args:
        sample_rate (int): Sampling rate (Hz). Default ``16000``.
        n_fft, win_length, hop_length, pad, window, power, normalized, center, pad_mode,
            onesided: As ``Spectrogram`` (`power` > 0).
        f_min (float): Lowest frequency. Default ``0.0``.
        f_max (float, optional): Highest frequency (default ``sample_rate // 2``).
        n_mels (int): Number of mel bands. Default ``128``.
        norm (NormType): Filter normalisation. Default ``NormType.NONE``.
        mel_scale (MelType): Mel scale. Default ``MelType.HTK``.

    Returns:
        A callable on waveforms ``(..., time)`` giving ``(..., n_mels, frames)`` (Float64 out
        for Float64, else Float32; MindSpore 2.10 returns garbage for Float64, this does not).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a waveform not longer than ``n_fft // 2`` (with `center`).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> ms = audio.MelSpectrogram(sample_rate=8000, n_fft=16, n_mels=4)
        >>> print(ms(np.sin(np.arange(64, dtype=np.float32))).shape)
        (4, 9)
    """

    def __init__(self, sample_rate=16000, n_fft=400, win_length=None, hop_length=None,
                 f_min=0.0, f_max=None, pad=0, n_mels=128, window=WindowType.HANN, power=2.0,
                 normalized=False, center=True, pad_mode=BorderType.REFLECT, onesided=True,
                 norm=NormType.NONE, mel_scale=MelType.HTK):
        check_int(sample_rate, "sample_rate")
        check_number(f_min, "f_min", types=_NUM)
        if f_max is None and f_min >= sample_rate // 2:
            raise interval_error(f"MelSpectrogram: sample_rate // 2 should be greater than f_min "
                                 f"when f_max is set to None, but got f_min: {float(f_min)}.")
        self._set_stft(n_fft, win_length, hop_length, pad, window, power, normalized, center,
                       pad_mode, onesided, power_lo_open=True)
        _check_mel("MelSpectrogram", n_mels, sample_rate, f_min, f_max, norm, mel_scale)
        self.sample_rate, self.f_min, self.f_max, self.n_mels = sample_rate, f_min, f_max, n_mels
        self.norm, self.mel_scale = norm, mel_scale

    def _mel(self, op, x):
        if self.center and x.shape[-1] + 2 * self.pad <= self.n_fft // 2:
            raise ComputeError(f"{op}: Padding size should be less than the corresponding input "
                               f"dimension.")
        spec = self._power_spectrum(op, x)
        f_max = self.f_max if self.f_max is not None else float(self.sample_rate // 2)
        bank = _mel_fbanks(spec.shape[-2], self.f_min, f_max, self.n_mels, self.sample_rate,
                           self.norm, self.mel_scale)
        return _np.einsum("fm,...ft->...mt", bank, spec)

    def __call__(self, x):
        x = waveform("MelSpectrogram", x)
        return self._mel("MelSpectrogram", x).astype(_out_type(x))


def _to_db(x, multiplier, amin, db_multiplier, top_db):
    """``multiplier·log10(max(x, amin)) − multiplier·db_multiplier``, floored at `top_db` below
    the maximum of each ``(..., c, freq, time)`` block (of the whole array below 3 dims)."""
    db = multiplier * _np.log10(_np.maximum(x, amin)) - multiplier * db_multiplier
    if top_db is not None:
        if db.ndim >= 3:
            peak = db.max(axis=(-3, -2, -1), keepdims=True)
        else:
            peak = db.max()
        db = _np.maximum(db, peak - top_db)
    return db


class AmplitudeToDB:
    """Converts a power (or magnitude) spectrogram ``(..., freq, time)`` to decibels:
    ``10·log10(max(x, amin) / ref_value)`` (20 for magnitudes), floored at `top_db` below the
    maximum (of each ``(channel, freq, time)`` block).

    Args:
        stype (ScaleType): ``POWER`` or ``MAGNITUDE``. Default ``ScaleType.POWER``.
        ref_value (float): Reference value, > 0. Default ``1.0``.
        amin (float): Floor of the input, > 0. Default ``1e-10``.
        top_db (float): Dynamic range kept, > 0. Default ``80.0``.

    Returns:
        A callable (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.AmplitudeToDB(top_db=15.0)(np.array([[1.0, 10.0, 0.01]])))
        [[ 0. 10. -5.]]
    """

    def __init__(self, stype=ScaleType.POWER, ref_value=1.0, amin=1e-10, top_db=80.0):
        check_enum(stype, ScaleType, "stype")
        check_number(ref_value, "ref_value", 0, FLOAT_MAX, lo_open=True, types=_NUM)
        check_number(amin, "amin", 0, FLOAT_MAX, lo_open=True, types=_NUM)
        check_number(top_db, "top_db", 0, FLOAT_MAX, lo_open=True, types=_NUM)
        self.stype, self.ref_value, self.amin, self.top_db = stype, ref_value, amin, top_db

    def __call__(self, x):
        x = waveform("AmplitudeToDB", x, min_ndim=2, shape="<..., freq, time>")
        mult = 10.0 if self.stype == ScaleType.POWER else 20.0
        db = _to_db(x.astype(_np.float64), mult, self.amin,
                    _np.log10(max(self.amin, self.ref_value)), self.top_db)
        return db.astype(_out_type(x))


class DBToAmplitude:
    """Converts decibels back: ``ref · (10^(x/10))^power``.

    Args:
        ref (float): Scale of the output.
        power (float): Exponent (1 for powers, 0.5 for magnitudes).

    Returns:
        A callable (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument that is not a number.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.DBToAmplitude(2.0, 1.0)(np.array([0.0, 10.0, -10.0])))
        [ 2.  20.   0.2]
    """

    def __init__(self, ref, power):
        check_number(ref, "ref")
        check_number(power, "power")
        self.ref, self.power = ref, power

    def __call__(self, x):
        x = waveform("DBToAmplitude", x)
        out = self.ref * _np.power(_np.power(10.0, 0.1 * x.astype(_np.float64)), self.power)
        return out.astype(_out_type(x))


class ComplexNorm:
    """The norm ``|z|^power`` of a complex spectrum stored as ``(..., 2)`` pairs.

    Args:
        power (float): Exponent, >= 0. Default ``1.0``.

    Returns:
        A callable giving ``(...)`` (Float64 out for Float64, else Float32).

    Raises:
        TypeError: `power` not a number.
        ValueError: A negative `power`.
        RuntimeError: (when called) a last axis other than 2 long.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.ComplexNorm()(np.array([[3.0, 4.0], [0.0, -2.0]])))
        [5. 2.]
    """

    def __init__(self, power=1.0):
        check_number(power, "power", 0, FLOAT_MAX)
        self.power = power

    def __call__(self, x):
        x = complex_pairs("ComplexNorm", x)
        a = x.astype(_np.float64)
        return _np.power(a[..., 0] ** 2 + a[..., 1] ** 2, self.power / 2).astype(_out_type(x))


class Angle:
    """The phase ``atan2(imag, real)`` of a complex spectrum stored as ``(..., 2)`` pairs.

    Returns:
        A callable giving ``(...)`` (Float64 out for Float64, else Float32).

    Raises:
        RuntimeError: (when called) a last axis other than 2 long.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Angle()(np.array([[1.0, 1.0], [-1.0, 0.0]])).round(4))
        [0.7854 3.1416]
    """

    def __call__(self, x):
        x = complex_pairs("Angle", x)
        a = x.astype(_np.float64)
        return _np.arctan2(a[..., 1], a[..., 0]).astype(_out_type(x))


class Magphase:
    """The magnitude ``|z|^power`` and the phase of a complex spectrum ``(..., 2)``.

    Args:
        power (float): Exponent of the magnitude, >= 0. Default ``1.0``.

    Returns:
        A callable giving the pair ``(magnitude, phase)``, each ``(...)``.

    Raises:
        TypeError: `power` not a number.
        ValueError: A negative `power`.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> mag, phase = audio.Magphase(2.0)(np.array([[3.0, 4.0], [-1.0, 0.0]]))
        >>> print(mag, phase.round(4))
        [25.  1.] [0.9273 3.1416]
    """

    def __init__(self, power=1.0):
        check_number(power, "power", 0, FLOAT_MAX)
        self.power = power

    def __call__(self, x):
        x = complex_pairs("Magphase", x)
        return ComplexNorm(self.power)(x), Angle()(x)


_MEL_DEFAULTS = dict(n_fft=400, win_length=None, hop_length=None, f_min=0.0, f_max=None,
                     pad=0, n_mels=128, window=WindowType.HANN, power=2.0, normalized=False,
                     center=True, pad_mode=BorderType.REFLECT, onesided=True,
                     norm=NormType.NONE, mel_scale=MelType.HTK)


class MFCC:
    """Mel-frequency cepstral coefficients: the DCT-II of the log mel spectrogram
    (``AmplitudeToDB`` of power, `top_db` 80; or ``log(mel + 1e-6)`` with `log_mels`).

    Args:
        sample_rate (int): Sampling rate (Hz). Default ``16000``.
        n_mfcc (int): Number of coefficients kept. Default ``40``.
        dct_type (int): Must be 2. Default ``2``.
        norm (NormMode): DCT normalisation. Default ``NormMode.ORTHO``.
        log_mels (bool): Natural log of the mel spectrogram instead of decibels.
            Default ``False``.
        melkwargs (dict, optional): Arguments of ``MelSpectrogram`` (missing keys take its
            defaults).

    Returns:
        A callable on waveforms ``(..., time)`` giving Float32 ``(..., n_mfcc, frames)``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range, `n_mels` < `n_mfcc`.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> mfcc = audio.MFCC(8000, n_mfcc=3, melkwargs={"n_fft": 16, "n_mels": 4})
        >>> print(mfcc(np.sin(np.arange(64, dtype=np.float32))).shape)
        (3, 9)
    """

    def __init__(self, sample_rate=16000, n_mfcc=40, dct_type=2, norm=NormMode.ORTHO,
                 log_mels=False, melkwargs=None):
        check_int(sample_rate, "sample_rate")
        check_int(n_mfcc, "n_mfcc")
        check_int(dct_type, "dct_type")
        if dct_type != 2:
            raise interval_error(f"Input dct_type must be 2, but got : {dct_type}.")
        check_enum(norm, NormMode, "norm")
        check_bool(log_mels, "log_mels")
        if melkwargs is not None and not isinstance(melkwargs, dict):
            from ._checks import type_error
            raise type_error("melkwargs", melkwargs, (dict,))
        kw = dict(_MEL_DEFAULTS, **(melkwargs or {}))
        kw.pop("sample_rate", None)
        if kw["n_mels"] < n_mfcc if isinstance(kw["n_mels"], int) else False:
            raise interval_error(f"Input n_mels should be greater than or equal to n_mfcc, but got "
                                 f"n_mfcc: {n_mfcc} and n_mels: {kw['n_mels']}.")
        self._mel = MelSpectrogram(sample_rate, **kw)
        self.sample_rate, self.n_mfcc, self.dct_type = sample_rate, n_mfcc, dct_type
        self.norm = norm
        self.log_mels, self.melkwargs = log_mels, melkwargs
        self._dct = _dct(n_mfcc, kw["n_mels"], norm) if n_mfcc > 0 else None

    def __call__(self, x):
        x = waveform("MFCC", x)
        mel = self._mel._mel("MelSpectrogram", x)
        if self.log_mels:
            mel = _np.log(mel + 1e-6)
        else:
            mel = _to_db(mel, 10.0, 1e-10, 0.0, 80.0)
        if self._dct is None:
            return _np.zeros(mel.shape[:-2] + (0, mel.shape[-1]), _np.float32)
        return _np.einsum("mk,...mt->...kt", self._dct, mel).astype(_np.float32)


_PADS = {BorderType.CONSTANT: "constant", BorderType.EDGE: "edge",
         BorderType.REFLECT: "reflect", BorderType.SYMMETRIC: "symmetric"}


class ComputeDeltas:
    """Delta coefficients of a spectrogram along time:
    ``d[t] = Σ_{k=1..n} k·(x[t+k] − x[t−k]) / (2·Σ k²)``, ``n = (win_length − 1) // 2``, the
    time axis padded with `pad_mode`.

    Args:
        win_length (int): Window length, >= 3. Default ``5``.
        pad_mode (BorderType): Padding of the edges. Default ``BorderType.EDGE``.

    Returns:
        A callable on ``(..., freq, time)`` (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `win_length` < 3.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.ComputeDeltas(3)(np.array([[0.0, 1.0, 2.0, 3.0]])))
        [[0.5 1.  1.  0.5]]
    """

    def __init__(self, win_length=5, pad_mode=BorderType.EDGE):
        check_int(win_length, "win_length", lo=3)
        check_enum(pad_mode, BorderType, "pad_mode")
        self.win_length, self.pad_mode = win_length, pad_mode

    def __call__(self, x):
        x = waveform("ComputeDeltas", x, min_ndim=2, shape="<..., freq, time>")
        n = (self.win_length - 1) // 2
        denom = n * (n + 1) * (2 * n + 1) / 3
        xp = _pad_last(x.astype(_np.float64), n, n, _PADS[self.pad_mode])
        length = x.shape[-1]
        out = sum(k * (xp[..., n + k:n + k + length] - xp[..., n - k:n - k + length])
                  for k in range(1, n + 1))
        return (out / denom).astype(_out_type(x))


class _Masking:
    _axis, _what, _param, _shown = -1, "time", "time_mask_param", "time_mask_param"

    def _too_wide(self, op, param, length):
        """The error of a mask wider than the masked axis."""
        return ComputeError(f"{op}: invalid parameter, '{self._shown}' should be less than or "
                            f"equal to the length of {self._what} dimension, but got: "
                            f"'frequency_mask_param' {param} and length {length}")

    def __init__(self, iid_masks, mask_param, mask_start, mask_value):
        check_bool(iid_masks, "iid_masks")
        check_int(mask_param, self._param)
        check_number(mask_param, "mask_param", 0, FLOAT_MAX, types=(int,))
        check_int(mask_start, "mask_start")
        check_number(mask_start, "mask_start", 0, FLOAT_MAX, types=(int,))
        check_number(mask_value, "mask_value", types=_NUM)
        self.iid_masks, self.mask_start, self.mask_value = iid_masks, mask_start, mask_value
        setattr(self, self._param, mask_param)

    def __call__(self, x):
        op = type(self).__name__
        x = waveform(op, x, min_ndim=2, shape="<..., freq, time>")
        length, param = x.shape[self._axis], getattr(self, self._param)
        if param > length:
            raise self._too_wide(op, param, length)
        if self.iid_masks:
            rng = _config._generator()
            width = rng.random() * param
            lo = rng.random() * (length - width)
            start, end = int(lo), int(lo + width)
        else:
            start, end = self.mask_start, self.mask_start + param
            if end > length:
                raise ComputeError(f"MaskAlongAxis: invalid parameter, the sum of 'mask_start' "
                                   f"and 'mask_width' should be no more than the length of the "
                                   f"masked dimension, but got: 'mask_start' {start}, "
                                   f"'mask_width' {param} and length {length}")
        out = x.copy()
        index = [slice(None)] * x.ndim
        index[self._axis] = slice(start, end)
        out[tuple(index)] = self.mask_value
        return out


class TimeMasking(_Masking):
    """Masks consecutive time steps of a spectrogram ``(..., freq, time)`` with `mask_value`:
    ``[mask_start, mask_start + time_mask_param)``, or with `iid_masks` a random span of width
    up to `time_mask_param` (drawn from the pipeline's generator, ``dataset.config``).

    Args:
        iid_masks (bool): Random masks. Default ``False``.
        time_mask_param (int): Width (maximum width with `iid_masks`), >= 0. Default ``0``.
        mask_start (int): First masked step (without `iid_masks`), >= 0. Default ``0``.
        mask_value (float): Value written. Default ``0.0``.

    Returns:
        A callable (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: A negative width or start.
        RuntimeError: (when called) a mask past the end.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.TimeMasking(False, 2, 1, 9.0)(np.ones((1, 5))))
        [[1. 9. 9. 1. 1.]]
    """

    def __init__(self, iid_masks=False, time_mask_param=0, mask_start=0, mask_value=0.0):
        super().__init__(iid_masks, time_mask_param, mask_start, mask_value)


class FrequencyMasking(_Masking):
    """Masks consecutive frequency bins of a spectrogram ``(..., freq, time)`` with
    `mask_value` (as ``TimeMasking`` along the frequency axis).

    Args:
        iid_masks (bool): Random masks. Default ``False``.
        freq_mask_param (int): Width (maximum width with `iid_masks`), >= 0. Default ``0``.
        mask_start (int): First masked bin (without `iid_masks`), >= 0. Default ``0``.
        mask_value (float): Value written. Default ``0.0``.

    Returns:
        A callable (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: A negative width or start.
        RuntimeError: (when called) a mask past the end.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.FrequencyMasking(False, 1, 0, 9.0)(np.ones((2, 2))))
        [[9. 9.]
         [1. 1.]]
    """

    _axis, _what, _param, _shown = -2, "frequency", "freq_mask_param", "frequency_mask_param"

    def __init__(self, iid_masks=False, freq_mask_param=0, mask_start=0, mask_value=0.0):
        super().__init__(iid_masks, freq_mask_param, mask_start, mask_value)

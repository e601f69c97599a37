"""Audio features and conversions, vectorised NumPy: ``MuLawEncoding``, ``MuLawDecoding``,
``Resample`` (torchaudio's windowed-sinc polyphase resampler), ``SpectralCentroid``, ``LFCC``,
``SlidingWindowCmn``, ``MaskAlongAxis``, ``MaskAlongAxisIID`` and ``Dither``.

Dtypes follow MindSpore 2.10: Float64 input gives Float64 output and any other numeric dtype
Float32, except ``MuLawEncoding`` (always Int32), ``LFCC`` (always Float32) and ``Resample``
between equal rates (the input unchanged)."""
import math as _math

import numpy as _np

from ..._errors import ComputeError
from .. import config as _config
from ._checks import (FLOAT_MAX, check_bool, check_enum, check_int, check_number,
                      interval_error, type_error, waveform)
from ._spectral import Spectrogram, _Masking, _out_type, _to_db, _window
from .utils import (BorderType, DensityFunction, NormMode, ResampleMethod, WindowType, _dct,
                    _triangles)

__all__ = ["MuLawEncoding", "MuLawDecoding", "Resample", "SpectralCentroid", "LFCC",
           "SlidingWindowCmn", "MaskAlongAxis", "MaskAlongAxisIID", "Dither"]

_NUM = (int, float)


def _compute_type(x):
    return _np.float64 if x.dtype == _np.float64 else _np.float32


class MuLawEncoding:
    """Mu-law companding of a waveform scaled to ``[-1, 1]`` into `quantization_channels`
    levels: ``floor((sign(x)·ln(1 + mu·|x|)/ln(1 + mu) + 1)/2·mu + 0.5)``, ``mu = channels − 1``
    (truncated toward zero; inputs beyond ``[-1, 1]`` are not clipped).

    Args:
        quantization_channels (int): Number of levels, >= 1. Default ``256``.

    Returns:
        A callable on numeric waveforms ``(..., time)`` giving Int32 codes.

    Raises:
        TypeError: `quantization_channels` not an int.
        ValueError: `quantization_channels` < 1.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.MuLawEncoding(16)(np.array([-1.0, -0.1, 0.0, 0.1, 1.0])))
        [ 0  5  8 10 15]
    """

    def __init__(self, quantization_channels=256):
        check_int(quantization_channels, "quantization_channels", lo=1)
        self.quantization_channels = quantization_channels

    def __call__(self, x):
        x = waveform("MuLawEncoding", x)
        t = _compute_type(x)
        mu = t(self.quantization_channels - 1)
        a = x.astype(t)
        with _np.errstate(all="ignore"):
            y = _np.sign(a) * _np.log1p(mu * _np.abs(a)) / _np.log1p(mu)
            return _np.trunc((y + t(1)) / t(2) * mu + t(0.5)).astype(_np.int32)


class MuLawDecoding:
    """The inverse of ``MuLawEncoding``: codes in ``[0, quantization_channels)`` back to
    ``sign(y)·((1 + mu)^|y| − 1)/mu`` with ``y = 2·code/mu − 1``.

    Args:
        quantization_channels (int): Number of levels, >= 1. Default ``256``.

    Returns:
        A callable on numeric codes ``(..., time)`` (Float64 out for Float64, else Float32).

    Raises:
        TypeError: `quantization_channels` not an int.
        ValueError: `quantization_channels` < 1.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.MuLawDecoding(16)(np.array([0.0, 4.0, 15.0])).round(4))
        [-1.     -0.1765  1.    ]
    """

    def __init__(self, quantization_channels=256):
        check_int(quantization_channels, "quantization_channels", lo=1)
        self.quantization_channels = quantization_channels

    def __call__(self, x):
        x = waveform("MuLawDecoding", x)
        t = _compute_type(x)
        mu = t(self.quantization_channels - 1)
        with _np.errstate(all="ignore"):
            y = x.astype(t) / mu * t(2) - t(1)
            return (_np.sign(y) * _np.expm1(_np.abs(y) * _np.log1p(mu)) / mu).astype(t)


_KAISER_BETA = 14.769656459379492


def _sinc_kernel(orig, new, width_param, rolloff, method, beta, phases):
    """The first `phases` rows of torchaudio's polyphase kernel ``(new, 2·width + orig)`` and
    its half width (Float64)."""
    base = min(orig, new) * rolloff
    width = _math.ceil(width_param * orig / base)
    idx = _np.arange(-width, width + orig, dtype=_np.float64)[None, :] / orig
    t = _np.arange(0, -phases, -1, dtype=_np.float64)[:, None] / new + idx
    t = _np.clip(t * base, -width_param, width_param)
    if method == ResampleMethod.SINC_INTERPOLATION:
        window = _np.cos(t * _np.pi / width_param / 2) ** 2
    else:
        b = _KAISER_BETA if beta is None else float(beta)
        window = _np.i0(b * _np.sqrt(1 - (t / width_param) ** 2)) / _np.i0(b)
    t = t * _np.pi
    with _np.errstate(invalid="ignore", divide="ignore"):
        kernel = _np.where(t == 0, 1.0, _np.sin(t) / t)
    return kernel * window * (base / orig), width


class Resample:
    """Resamples a waveform ``(..., time)`` from `orig_freq` to `new_freq` with a band-limited
    (windowed sinc) polyphase filter, as torchaudio does: ``ceil(time·new/orig)`` samples.

    Args:
        orig_freq (float): Original frequency, in ``(0, 16777216]``. Default ``16000``.
        new_freq (float): Target frequency, in ``(0, 16777216]``. Default ``16000``.
        resample_method (ResampleMethod): Hann-windowed (``SINC_INTERPOLATION``) or Kaiser-
            windowed (``KAISER_WINDOW``) sinc. Default ``ResampleMethod.SINC_INTERPOLATION``.
        lowpass_filter_width (int): Zero crossings of the sinc on each side, >= 1.
            Default ``6``.
        rolloff (float): Cut-off as a fraction of the lower Nyquist frequency, in ``(0, 1]``.
            Default ``0.99``.
        beta (float, optional): Shape of the Kaiser window (default ``14.769656459379492``).

    Returns:
        A callable on numeric waveforms (Float64 out for Float64, else Float32; equal rates
        return the input unchanged, whatever its dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.Resample(4, 2)(np.ones(8))
        >>> print(y.shape, y.round(3))
        (4,) [0.744 1.076 0.945 1.074]
    """

    def __init__(self, orig_freq=16000, new_freq=16000,
                 resample_method=ResampleMethod.SINC_INTERPOLATION, lowpass_filter_width=6,
                 rolloff=0.99, beta=None):
        check_number(orig_freq, "orig_freq", 0, FLOAT_MAX, lo_open=True, types=_NUM)
        check_number(new_freq, "new_freq", 0, FLOAT_MAX, lo_open=True, types=_NUM)
        check_enum(resample_method, ResampleMethod, "resample_method")
        check_int(lowpass_filter_width, "lowpass_filter_width", lo=1)
        check_number(rolloff, "rolloff", 0, 1.0, lo_open=True, types=(float,))
        if beta is not None:
            check_number(beta, "beta", types=_NUM)
        self.orig_freq, self.new_freq, self.resample_method = orig_freq, new_freq, resample_method
        self.lowpass_filter_width, self.rolloff, self.beta = lowpass_filter_width, rolloff, beta

    def __call__(self, x):
        a = waveform("Resample", x)
        if self.orig_freq == self.new_freq:
            return x
        out = _resample(a, self.orig_freq, self.new_freq, self.lowpass_filter_width,
                        self.rolloff, self.resample_method, self.beta)
        return out.astype(_out_type(a))


def _resample(x, orig_freq, new_freq, width_param=6, rolloff=0.99,
              method=ResampleMethod.SINC_INTERPOLATION, beta=None):
    """`x` ``(..., time)`` resampled from `orig_freq` to `new_freq` (their integer parts; equal
    ones still low-pass filter), Float64."""
    g = _math.gcd(int(orig_freq), int(new_freq))
    if int(orig_freq) == 0 or int(new_freq) == 0:
        raise ComputeError("Resample: gcd cannot be equal to 0.")
    orig, new = int(orig_freq) // g, int(new_freq) // g
    length = x.shape[-1]
    n_out = _math.ceil(new * length / orig)
    # Output j is phase j % new of frame j // new: short outputs need the first phases only.
    kernel, width = _sinc_kernel(orig, new, width_param, rolloff, method, beta,
                                 min(new, n_out))
    padded = _np.pad(x.astype(_np.float64).reshape(-1, length), ((0, 0), (width, width + orig)))
    frames = length // orig + 1
    idx = _np.arange(frames)[:, None] * orig + _np.arange(kernel.shape[1])
    out = _np.einsum("bfk,nk->bfn", padded[:, idx], kernel).reshape(padded.shape[0], -1)
    out = out[:, :n_out]
    return out.reshape(x.shape[:-1] + out.shape[-1:])


class SpectralCentroid:
    """The spectral centroid of each frame, ``Σ f·|X(f)| / Σ |X(f)|`` over the magnitude
    spectrogram (``Spectrogram`` with power 1, centred, reflect padding), frequencies
    ``linspace(0, sample_rate // 2, n_fft // 2 + 1)``.

    Args:
        sample_rate (int): Sampling rate (Hz), >= 0.
        n_fft (int): FFT size. Default ``400``.
        win_length (int, optional): Window length, <= `n_fft` (default `n_fft`).
        hop_length (int, optional): Hop between frames (default ``win_length // 2``).
        pad (int): Zeros padded on both sides first. Default ``0``.
        window (WindowType): Window function. Default ``WindowType.HANN``.

    Returns:
        A callable on waveforms ``(..., time)`` giving ``(..., 1, frames)`` (Float64 out for
        Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> x = np.cos(np.arange(16) * np.pi / 2)
        >>> print(audio.SpectralCentroid(16, n_fft=8, hop_length=8)(x).round(6))
        [[4. 4. 4.]]
    """

    def __init__(self, sample_rate, n_fft=400, win_length=None, hop_length=None, pad=0,
                 window=WindowType.HANN):
        check_int(sample_rate, "sample_rate", lo=0)
        self._spec = Spectrogram(n_fft, win_length, hop_length, pad, window, 1.0)
        self.sample_rate, self.n_fft, self.win_length = sample_rate, n_fft, win_length
        self.hop_length, self.pad, self.window = hop_length, pad, window

    def __call__(self, x):
        x = waveform("SpectralCentroid", x)
        spec = self._spec._power_spectrum("SpectralCentroid", x)
        freqs = _np.linspace(0, self.sample_rate // 2, spec.shape[-2])[:, None]
        with _np.errstate(all="ignore"):
            out = (freqs * spec).sum(-2, keepdims=True) / spec.sum(-2, keepdims=True)
        return out.astype(_out_type(x))


_SPEC_DEFAULTS = dict(n_fft=400, win_length=None, hop_length=None, pad=0,
                      window=WindowType.HANN, power=2.0, normalized=False, center=True,
                      pad_mode=BorderType.REFLECT, onesided=True)


class LFCC:
    """Linear-frequency cepstral coefficients: the DCT-II of the log of the spectrogram
    filtered by ``linear_fbanks`` (``AmplitudeToDB`` of power, `top_db` 80; or
    ``log(x + 1e-6)`` with `log_lf`).

    Args:
        sample_rate (int): Sampling rate (Hz). Default ``16000``.
        n_filter (int): Number of linear filters, >= 1. Default ``128``.
        n_lfcc (int): Number of coefficients kept, >= 1. Default ``40``.
        f_min (float): Lowest frequency, >= 0. Default ``0.0``.
        f_max (float, optional): Highest frequency (default ``sample_rate // 2``).
        dct_type (int): Must be 2. Default ``2``.
        norm (NormMode): DCT normalisation. Default ``NormMode.ORTHO``.
        log_lf (bool): Natural log instead of decibels. Default ``False``.
        speckwargs (dict, optional): Arguments of ``Spectrogram`` (missing keys take its
            defaults).

    Returns:
        A callable on waveforms ``(..., time)`` giving Float32 ``(..., n_lfcc, frames)``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range, `f_min` above `f_max` (or ``sample_rate // 2``).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> lfcc = audio.LFCC(8000, n_filter=8, n_lfcc=4, speckwargs={"n_fft": 16})
        >>> print(lfcc(np.sin(np.arange(64, dtype=np.float32))).shape)
        (4, 9)
    """

    def __init__(self, sample_rate=16000, n_filter=128, n_lfcc=40, f_min=0.0, f_max=None,
                 dct_type=2, norm=NormMode.ORTHO, log_lf=False, speckwargs=None):
        check_int(sample_rate, "sample_rate", lo=0)
        check_int(n_filter, "n_filter", lo=1)
        check_int(n_lfcc, "n_lfcc", lo=1)
        check_number(f_min, "f_min", 0, FLOAT_MAX, types=_NUM)
        if f_max is None:
            if sample_rate // 2 <= f_min:
                raise interval_error(f"Input sample_rate // 2 should be greater than f_min when "
                                     f"f_max is set to None, but got f_min: {f_min} and "
                                     f"sample_rate: {sample_rate}.")
        else:
            check_number(f_max, "f_max", 0, FLOAT_MAX, types=_NUM)
            if f_min > f_max:
                raise interval_error(f"f_max should be greater than or equal to f_min, but got "
                                     f"f_min: {f_min} and f_max: {f_max}.")
        check_int(dct_type, "dct_type")
        if dct_type != 2:
            raise interval_error(f"Input dct_type must be 2, but got : {dct_type}.")
        check_enum(norm, NormMode, "norm")
        check_bool(log_lf, "log_lf")
        if speckwargs is not None and not isinstance(speckwargs, dict):
            raise type_error("speckwargs", speckwargs, (dict,))
        self._spec = Spectrogram(**dict(_SPEC_DEFAULTS, **(speckwargs or {})))
        self.sample_rate, self.n_filter, self.n_lfcc = sample_rate, n_filter, n_lfcc
        self.f_min, self.f_max, self.dct_type, self.norm = f_min, f_max, dct_type, norm
        self.log_lf, self.speckwargs = log_lf, speckwargs
        top = f_max if f_max is not None else float(sample_rate // 2)
        n_freqs = self._spec.n_fft // 2 + 1
        all_freqs = _np.linspace(0.0, sample_rate // 2, n_freqs)
        self._bank = _triangles(all_freqs, _np.linspace(f_min, top, n_filter + 2))
        self._dct = _dct(n_lfcc, n_filter, norm)

    def __call__(self, x):
        x = waveform("LFCC", x)
        spec = self._spec._power_spectrum("LFCC", x)
        lin = _np.einsum("fm,...ft->...mt", self._bank, spec)
        lin = _np.log(lin + 1e-6) if self.log_lf else _to_db(lin, 10.0, 1e-10, 0.0, 80.0)
        return _np.einsum("mk,...mt->...kt", self._dct, lin).astype(_np.float32)


class SlidingWindowCmn:
    """Kaldi's sliding-window cepstral mean (and variance) normalisation of features
    ``(..., time, feats)``: each frame minus the mean of a window of `cmn_window` frames
    (ending at it, or centred with `center`; at least `min_cmn_window` frames at the start),
    divided by the window's standard deviation with `norm_vars`.

    Args:
        cmn_window (int): Window length in frames, >= 0. Default ``600``.
        min_cmn_window (int): Minimum window at the start (without `center`), >= 0.
            Default ``100``.
        center (bool): Centre the window on the frame. Default ``False``.
        norm_vars (bool): Normalise the variance too. Default ``False``.

    Returns:
        A callable on ``(..., time, feats)`` (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: A negative window.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> x = np.array([[1.0], [2.0], [3.0], [6.0]])
        >>> print(audio.SlidingWindowCmn(2, 1)(x).ravel().round(4))
        [0.     0.5    1.     2.3333]
    """

    def __init__(self, cmn_window=600, min_cmn_window=100, center=False, norm_vars=False):
        check_int(cmn_window, "cmn_window", lo=0)
        check_int(min_cmn_window, "min_cmn_window", lo=0)
        check_bool(center, "center")
        check_bool(norm_vars, "norm_vars")
        self.cmn_window, self.min_cmn_window = cmn_window, min_cmn_window
        self.center, self.norm_vars = center, norm_vars

    def _windows(self, n):
        """The window ``[start, end)`` of each of `n` frames."""
        t = _np.arange(n)
        if self.center:
            start = t - self.cmn_window // 2
            end = start + self.cmn_window
        else:
            start, end = t - self.cmn_window, t + 1
        end = _np.where(start < 0, end - start, end)
        start = _np.maximum(start, 0)
        if not self.center:
            end = _np.where(end > t, _np.maximum(t + 1, self.min_cmn_window), end)
        over = end > n
        start = _np.where(over, _np.maximum(start - (end - n), 0), start)
        return start, _np.minimum(end, n)

    def __call__(self, x):
        x = waveform("SlidingWindowCmn", x, min_ndim=2, shape="<..., freq, time>")
        a = x.astype(_np.float64)
        start, end = self._windows(a.shape[-2])
        zero = _np.zeros(a.shape[:-2] + (1, a.shape[-1]))
        csum = _np.concatenate([zero, _np.cumsum(a, axis=-2)], axis=-2)
        count = (end - start)[:, None]
        mean = (csum[..., end, :] - csum[..., start, :]) / count
        out = a - mean
        if self.norm_vars:
            csq = _np.concatenate([zero, _np.cumsum(a * a, axis=-2)], axis=-2)
            var = (csq[..., end, :] - csq[..., start, :]) / count - mean * mean
            with _np.errstate(all="ignore"):
                out = _np.where(count == 1, 0.0, out * var ** -0.5)
        return out.astype(_out_type(x))


def _check_axis(axis):
    check_int(axis, "axis")
    check_number(axis, "axis", 1, 2, types=(int,))
    return axis


class MaskAlongAxis(_Masking):
    """Masks ``[mask_start, mask_start + mask_width)`` of a spectrogram ``(..., freq, time)``
    along `axis` (1: frequency, 2: time) with `mask_value`.

    Args:
        mask_start (int): First masked index, >= 0.
        mask_width (int): Width of the mask, >= 1.
        mask_value (float): Value written.
        axis (int): 1 (frequency) or 2 (time).

    Returns:
        A callable (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a mask past the end.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.MaskAlongAxis(1, 2, 5.0, 2)(np.ones((1, 4))))
        [[1. 5. 5. 1.]]
    """

    def __init__(self, mask_start, mask_width, mask_value, axis):
        check_int(mask_start, "mask_start", lo=0)
        check_int(mask_width, "mask_width", lo=1)
        check_number(mask_value, "mask_value", types=_NUM)
        _check_axis(axis)
        self.mask_start, self.mask_width, self.mask_value, self.axis = (mask_start, mask_width,
                                                                        mask_value, axis)
        self.iid_masks, self._axis, self._param = False, axis - 3, "mask_width"

    def _too_wide(self, op, param, length):
        return ComputeError(f"{op}: invalid parameter, the sum of 'mask_start' and 'mask_width' "
                            f"should be no more than the length of the masked dimension, but "
                            f"got: 'mask_start' {self.mask_start}, 'mask_width' {param} and "
                            f"length {length}")


class MaskAlongAxisIID(_Masking):
    """Masks a random span of a spectrogram ``(..., freq, time)`` along `axis` with
    `mask_value`: a width ``u·mask_param`` and a start ``v·(length − width)`` (``u, v``
    uniform, drawn from the pipeline's generator, ``dataset.config``), both truncated.

    Args:
        mask_param (int): Maximum width, >= 0.
        mask_value (float): Value written.
        axis (int): 1 (frequency) or 2 (time).

    Returns:
        A callable (Float64 out for Float64, else Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) `mask_param` longer than the axis.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.MaskAlongAxisIID(0, 5.0, 2)(np.ones((1, 3))))
        [[1. 1. 1.]]
    """

    def __init__(self, mask_param, mask_value, axis):
        check_int(mask_param, "mask_param", lo=0)
        check_number(mask_value, "mask_value", types=_NUM)
        _check_axis(axis)
        self.mask_param, self.mask_value, self.axis = mask_param, mask_value, axis
        self.iid_masks, self.mask_start, self._axis = True, 0, axis - 3
        self._param = "mask_param"

    def _too_wide(self, op, param, length):
        what = "frequency" if self.axis == 1 else "time"
        return ComputeError(f"{op}: mask_param should be less than or equal to the length of "
                            f"{what} dimension.")


_BITS = 16


class Dither:
    """Dithers a waveform to 16-bit resolution: ``round(x·(2^15 − 2) + noise) / 2^15``, the
    noise a triangular window over time (``TPDF``), or a sample of the waveform minus 0.5
    (``RPDF``), or the sum of seven random samples (``GPDF``; the samples drawn from the
    pipeline's generator); with `noise_shaping` each output gets the previous one's error.

    Args:
        density_function (DensityFunction): The noise. Default ``DensityFunction.TPDF``.
        noise_shaping (bool): Feed the quantisation error forward. Default ``False``.

    Returns:
        A callable on numeric waveforms ``(..., time)`` (Float64 out for Float64, else
        Float32).

    Raises:
        TypeError: An argument of the wrong type.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Dither()(np.array([0.25, 0.5, 0.75])) * 2 ** 15)
        [ 8192. 16384. 24575.]
    """

    def __init__(self, density_function=DensityFunction.TPDF, noise_shaping=False):
        check_enum(density_function, DensityFunction, "density_function")
        check_bool(noise_shaping, "noise_shaping")
        self.density_function, self.noise_shaping = density_function, noise_shaping

    def __call__(self, x):
        x = waveform("Dither", x)
        t = _compute_type(x)
        rows = x.astype(t).reshape(-1, x.shape[-1])
        chans, times = rows.shape[0] - 1, rows.shape[1] - 1
        rng = _config._generator()

        def pick():
            c = int(rng.integers(chans)) if chans > 0 else 0
            return rows[c, int(rng.integers(times)) if times > 0 else 0]

        scaled = rows * t(2 ** (_BITS - 1) - 2)
        if self.density_function == DensityFunction.RPDF:
            noise = pick() - t(0.5)
        elif self.density_function == DensityFunction.GPDF:
            noise = pick() + sum(pick() for _ in range(6))
        else:
            noise = _window(WindowType.BARTLETT, times + 1).astype(t)
        out = _np.round(scaled + noise) / t(2 ** (_BITS - 1))
        if self.noise_shaping:
            err = out - rows
            out = out + _np.pad(err, ((0, 0), (1, 0)))[:, :-1]
        return out.astype(t).reshape(x.shape)

"""``mindspore.dataset.audio.utils``: the enums the audio transforms take (``WindowType``,
``ScaleType``, ``NormType``, ``NormMode``, ``BorderType``, ``MelType``, ``DensityFunction``,
``FadeShape``, ``GainType``, ``Interpolation``, ``Modulation``, ``ResampleMethod``; string enums
with MindSpore 2.10's members and values) and the filter-bank helpers ``melscale_fbanks``,
``linear_fbanks`` and ``create_dct`` (Float32 arrays, as MindSpore returns them)."""
import enum as _enum

import numpy as _np

from ._checks import check_enum, check_int, check_number, interval_error

__all__ = ["WindowType", "ScaleType", "NormType", "NormMode", "BorderType", "MelType",
           "DensityFunction", "FadeShape", "GainType", "Interpolation", "Modulation",
           "ResampleMethod", "melscale_fbanks", "linear_fbanks", "create_dct"]


class WindowType(str, _enum.Enum):
    """Window functions of the spectral transforms (periodic windows, as torch's)."""
    BARTLETT = "bartlett"
    BLACKMAN = "blackman"
    HAMMING = "hamming"
    HANN = "hann"
    KAISER = "kaiser"


class ScaleType(str, _enum.Enum):
    """Whether a spectrogram holds powers or magnitudes (``AmplitudeToDB``)."""
    POWER = "power"
    MAGNITUDE = "magnitude"


class NormType(str, _enum.Enum):
    """Normalisation of mel filter banks: ``SLANEY`` divides each by its width."""
    SLANEY = "slaney"
    NONE = "none"


class NormMode(str, _enum.Enum):
    """Normalisation of the DCT matrix (``ORTHO``: orthonormal)."""
    ORTHO = "ortho"
    NONE = "none"


class BorderType(str, _enum.Enum):
    """Padding modes (NumPy's ``constant``, ``edge``, ``reflect``, ``symmetric``)."""
    CONSTANT = "constant"
    EDGE = "edge"
    REFLECT = "reflect"
    SYMMETRIC = "symmetric"


class MelType(str, _enum.Enum):
    """Mel scales: HTK's ``2595·log10(1 + f/700)`` or Slaney's (linear below 1 kHz)."""
    HTK = "htk"
    SLANEY = "slaney"


class DensityFunction(str, _enum.Enum):
    """Noise densities of ``Dither``."""
    TPDF = "TPDF"
    RPDF = "RPDF"
    GPDF = "GPDF"


class FadeShape(str, _enum.Enum):
    """Shapes of ``Fade``'s ramps."""
    QUARTER_SINE = "quarter_sine"
    HALF_SINE = "half_sine"
    LINEAR = "linear"
    LOGARITHMIC = "logarithmic"
    EXPONENTIAL = "exponential"


class GainType(str, _enum.Enum):
    """How ``Vol`` reads its gain: an amplitude ratio, a power ratio or decibels."""
    AMPLITUDE = "amplitude"
    POWER = "power"
    DB = "db"


class Interpolation(str, _enum.Enum):
    """Interpolations of ``Flanger``'s delay line."""
    LINEAR = "linear"
    QUADRATIC = "quadratic"


class Modulation(str, _enum.Enum):
    """Modulations of ``Flanger``."""
    SINUSOIDAL = "sinusoidal"
    TRIANGULAR = "triangular"


class ResampleMethod(str, _enum.Enum):
    """Methods of ``Resample``."""
    SINC_INTERPOLATION = "sinc_interpolation"
    KAISER_WINDOW = "kaiser_window"


_F_MAX = 16777216


def _hz_to_mel(f, mel_type):
    f = _np.asarray(f, _np.float64)
    if mel_type == MelType.HTK:
        return 2595.0 * _np.log10(1.0 + f / 700.0)
    # Slaney: linear (200/3 Hz a mel) below 1 kHz, logarithmic (27 mels an octave of 6.4) above.
    step, logstep = 200.0 / 3, _np.log(6.4) / 27.0
    return _np.where(f >= 1000.0, 1000.0 / step + _np.log(_np.maximum(f, 1e-10) / 1000.0) / logstep,
                     f / step)


def _mel_to_hz(m, mel_type):
    m = _np.asarray(m, _np.float64)
    if mel_type == MelType.HTK:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    step, logstep = 200.0 / 3, _np.log(6.4) / 27.0
    return _np.where(m >= 1000.0 / step, 1000.0 * _np.exp(logstep * (m - 1000.0 / step)), m * step)


def _triangles(all_freqs, f_pts):
    """Triangular filters with corners ``f_pts`` sampled at ``all_freqs``: ``(n_freqs, n)``."""
    widths = _np.diff(f_pts)
    slopes = f_pts[None, :] - all_freqs[:, None]
    with _np.errstate(divide="ignore", invalid="ignore"):
        down = -slopes[:, :-2] / widths[:-1]
        up = slopes[:, 2:] / widths[1:]
        fb = _np.maximum(0.0, _np.minimum(down, up))
    return _np.nan_to_num(fb, nan=0.0) + 0.0  # no -0.0


def _check_bank(n_freqs, f_min, f_max, n_filter, filter_name, sample_rate):
    check_int(n_freqs, "n_freqs", lo=0)
    check_number(f_min, "f_min", lo=0, hi=_F_MAX)
    check_number(f_max, "f_max", lo=0, hi=_F_MAX, lo_open=True)
    check_int(n_filter, filter_name, lo=1)
    check_int(sample_rate, "sample_rate", lo=1)
    if f_min > f_max:
        raise interval_error(f"Input f_min should be no more than f_max, but got f_min: {f_min} "
                             f"and f_max: {f_max}.")


def _mel_fbanks(n_freqs, f_min, f_max, n_mels, sample_rate, norm, mel_type):
    """The mel filter bank in Float64, ``(n_freqs, n_mels)``."""
    all_freqs = _np.linspace(0.0, sample_rate / 2, n_freqs)
    m_pts = _np.linspace(_hz_to_mel(f_min, mel_type), _hz_to_mel(f_max, mel_type), n_mels + 2)
    f_pts = _mel_to_hz(m_pts, mel_type)
    fb = _triangles(all_freqs, f_pts)
    if norm == NormType.SLANEY:
        fb = fb * (2.0 / (f_pts[2:n_mels + 2] - f_pts[:n_mels]))[None, :]
    return fb


def melscale_fbanks(n_freqs, f_min, f_max, n_mels, sample_rate, norm=NormType.NONE,
                    mel_type=MelType.HTK):
    """The mel filter bank: ``n_mels`` triangular filters, equally spaced in mels between `f_min`
    and `f_max`, sampled at `n_freqs` frequencies from 0 to ``sample_rate / 2``.

    Args:
        n_freqs (int): Number of frequencies (``n_fft // 2 + 1``).
        f_min (float): Lowest frequency (Hz), >= 0.
        f_max (float): Highest frequency (Hz), > 0 and >= `f_min`.
        n_mels (int): Number of filters, >= 1.
        sample_rate (int): Sampling rate (Hz), >= 1.
        norm (NormType): ``SLANEY`` scales each filter to unit area. Default ``NormType.NONE``.
        mel_type (MelType): The mel scale. Default ``MelType.HTK``.

    Returns:
        numpy.ndarray, Float32 of shape ``(n_freqs, n_mels)``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of its range, or `f_min` > `f_max`.

    Examples:
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.melscale_fbanks(5, 0.0, 4000.0, 2, 8000).round(4))
        [[0.     0.    ]
         [0.6759 0.3241]
         [0.     0.9055]
         [0.     0.4528]
         [0.     0.    ]]
    """
    _check_bank(n_freqs, f_min, f_max, n_mels, "n_mels", sample_rate)
    check_enum(norm, NormType, "norm")
    check_enum(mel_type, MelType, "mel_type")
    fb = _mel_fbanks(n_freqs, f_min, f_max, n_mels, sample_rate, norm, mel_type)
    return fb.astype(_np.float32)


def linear_fbanks(n_freqs, f_min, f_max, n_filter, sample_rate):
    """The linear triangular filter bank of ``LFCC``: `n_filter` filters equally spaced in Hz
    between `f_min` and `f_max`, sampled at `n_freqs` frequencies from 0 to ``sample_rate / 2``.

    Args:
        n_freqs (int): Number of frequencies.
        f_min (float): Lowest frequency (Hz), >= 0.
        f_max (float): Highest frequency (Hz), > 0 and >= `f_min`.
        n_filter (int): Number of filters, >= 1.
        sample_rate (int): Sampling rate (Hz), >= 1.

    Returns:
        numpy.ndarray, Float32 of shape ``(n_freqs, n_filter)``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of its range, or `f_min` > `f_max`.

    Examples:
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.linear_fbanks(5, 0.0, 4000.0, 1, 8000))
        [[0. ]
         [0.5]
         [1. ]
         [0.5]
         [0. ]]
    """
    _check_bank(n_freqs, f_min, f_max, n_filter, "n_filter", sample_rate)
    all_freqs = _np.linspace(0.0, sample_rate / 2, n_freqs)
    fb = _triangles(all_freqs, _np.linspace(f_min, f_max, n_filter + 2))
    return fb.astype(_np.float32)


def _dct(n_mfcc, n_mels, norm):
    """The DCT-II matrix ``(n_mels, n_mfcc)`` in Float64."""
    n = _np.arange(n_mels, dtype=_np.float64)
    k = _np.arange(n_mfcc, dtype=_np.float64)[:, None]
    dct = _np.cos(_np.pi / n_mels * (n + 0.5) * k)
    if norm == NormMode.NONE:
        dct *= 2.0
    else:
        dct[0] *= 1.0 / _np.sqrt(2.0)
        dct *= _np.sqrt(2.0 / n_mels)
    return dct.T


def create_dct(n_mfcc, n_mels, norm=NormMode.NONE):
    """The DCT-II matrix turning `n_mels` mel bands into `n_mfcc` coefficients (a spectrum
    ``(..., n_mels)`` times it gives ``(..., n_mfcc)``).

    Args:
        n_mfcc (int): Number of coefficients, > 0.
        n_mels (int): Number of mel bands, > 0.
        norm (NormMode): ``ORTHO`` for the orthonormal DCT, ``NONE`` for the unscaled one
            (doubled). Default ``NormMode.NONE``.

    Returns:
        numpy.ndarray, Float32 of shape ``(n_mels, n_mfcc)``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `n_mfcc` or `n_mels` not positive.

    Examples:
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.create_dct(2, 2, audio.NormMode.ORTHO).round(4))
        [[ 0.7071  0.7071]
         [ 0.7071 -0.7071]]
    """
    for v, name in ((n_mfcc, "n_mfcc"), (n_mels, "n_mels")):
        if isinstance(v, bool) or not isinstance(v, int):
            raise _dtype_error(f"{name} with value {v} is not of type {int}, but got {type(v)}.")
        if v <= 0:
            raise interval_error(f"{name} must be greater than 0, but got {v}.")
    if not isinstance(norm, NormMode):
        raise _dtype_error(f"norm with value {norm} is not of type {NormMode}, but got "
                           f"{type(norm)}.")
    return _dct(n_mfcc, n_mels, norm).astype(_np.float32)


def _dtype_error(msg):
    from ..._errors import DTypeError
    return DTypeError(msg)

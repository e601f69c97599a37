"""Pitch detection: ``DetectPitchFrequency`` (the normalised cross-correlation method that
MindSpore 2.10 and torchaudio use), on NumPy waveforms."""
import math as _math

import numpy as _np

from ..._errors import ComputeError
from ._checks import FLOAT_MAX, INT32_MAX, check_int, check_number, check_sample_rate, waveform

__all__ = ["DetectPitchFrequency"]

_EPS = 1e-9


def _nccf(x, sample_rate, frame_time, freq_low):
    """The normalised cross-correlation of each frame with itself shifted by every lag from 1
    to ``ceil(sample_rate / freq_low)``: ``(..., frames, lags)``."""
    lags = _math.ceil(sample_rate / freq_low)
    frame = _math.ceil(sample_rate * frame_time)
    n = x.shape[-1]
    frames = _math.ceil(n / frame)
    padded = _np.zeros(x.shape[:-1] + (lags + frames * frame,), x.dtype)
    padded[..., :n] = x
    out = _np.empty(x.shape[:-1] + (frames, lags), x.dtype)
    span = frames * frame
    for lag in range(1, lags + 1):
        s1 = padded[..., :span].reshape(x.shape[:-1] + (frames, frame))
        s2 = padded[..., lag:lag + span].reshape(x.shape[:-1] + (frames, frame))
        n1 = _EPS + _np.sqrt((s1 * s1).sum(-1))
        n2 = _EPS + _np.sqrt((s2 * s2).sum(-1))
        out[..., lag - 1] = (s1 * s2).sum(-1) / (n1 * n1) / (n2 * n2)
    return out


def _best_lags(nccf, sample_rate, freq_high):
    """Per frame, the lag of the highest correlation from ``ceil(sample_rate / freq_high)`` on,
    preferring the best of the first half of the lags when it is within 1% of it; plus one."""
    low = _math.ceil(sample_rate / freq_high)
    half = nccf.shape[-1] // 2

    def best(upper):
        part = nccf[..., low:upper]
        if part.shape[-1] == 0:  # no lag in range: index 0, as MindSpore's
            return _np.zeros(nccf.shape[:-1]), _np.zeros(nccf.shape[:-1], _np.int64)
        return part.max(-1), part.argmax(-1)

    all_value, all_index = best(nccf.shape[-1])
    half_value, half_index = best(half)
    index = _np.where(half_value > 0.99 * all_value, half_index, all_index)
    return index + low + 1


def _median_smoothing(index, win_length):
    """The lower median over a sliding window of `win_length` frames, the first frame repeated
    ``(win_length - 1) // 2`` times in front."""
    pad = (win_length - 1) // 2
    first = _np.repeat(index[..., :1], pad, axis=-1)
    padded = _np.concatenate([first, index], -1)
    count = padded.shape[-1] - win_length + 1
    if count <= 0:
        raise ComputeError("Failed to create empty tensor, tensor shape is unknown.")
    windows = _np.lib.stride_tricks.sliding_window_view(padded, win_length, axis=-1)
    return _np.sort(windows, -1)[..., (win_length - 1) // 2]


class DetectPitchFrequency:
    """The pitch of each frame of a waveform, in Hz: the lag of the highest normalised
    cross-correlation between ``freq_low`` and ``freq_high``, median-smoothed over
    ``win_length`` frames, as ``sample_rate / lag``.

    Args:
        sample_rate (int): Sampling rate of the waveform (Hz), not 0.
        frame_time (float, optional): Duration of a frame (s), > 0. Default: ``0.01``.
        win_length (int, optional): Frames in the median smoothing window, >= 1. Default: ``30``.
        freq_low (int, optional): Lowest detectable frequency (Hz), > 0. Default: ``85``.
        freq_high (int, optional): Highest detectable frequency (Hz), > 0. Default: ``3400``.

    Returns:
        A callable on waveforms ``(..., time)`` (Float16/32/64) giving Float32 ``(..., frames)``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: A waveform that is not floating point, or too short for one smoothed
            frame.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> t = np.arange(8000) / 8000.0
        >>> wave = np.sin(2 * np.pi * 220 * t).astype(np.float32)
        >>> pitch = audio.DetectPitchFrequency(8000, win_length=5)(wave)
        >>> print(pitch.shape, pitch.dtype, round(float(pitch[0]), 2))
        (98,) float32 222.22
    """

    def __init__(self, sample_rate, frame_time=0.01, win_length=30, freq_low=85, freq_high=3400):
        check_sample_rate(sample_rate)
        check_number(frame_time, "frame_time", 0, FLOAT_MAX, lo_open=True)
        check_int(win_length, "win_length", 1, INT32_MAX)
        check_number(freq_low, "freq_low", 0, FLOAT_MAX, lo_open=True)
        check_number(freq_high, "freq_high", 0, FLOAT_MAX, lo_open=True)
        self.sample_rate, self.frame_time, self.win_length = sample_rate, frame_time, win_length
        self.freq_low, self.freq_high = freq_low, freq_high

    def __call__(self, x):
        x = waveform("DetectPitchFrequency", x, floats_only=True)
        if x.dtype == _np.float16:
            x = x.astype(_np.float32)
        nccf = _nccf(x, self.sample_rate, self.frame_time, self.freq_low)
        lags = _median_smoothing(_best_lags(nccf, self.sample_rate, self.freq_high),
                                 self.win_length)
        return (self.sample_rate / (_EPS + lags.astype(_np.float32))).astype(_np.float32)

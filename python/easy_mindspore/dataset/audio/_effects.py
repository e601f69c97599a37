"""The delay-line effects ``Flanger`` and ``Phaser`` (SoX's, as torchaudio computes them): the
oscillator tables are NumPy, the per-sample delay lines run in Rust (``_C.audio_flanger``,
``_C.audio_phaser``).

As in MindSpore 2.10, ``Flanger`` runs in the precision of a Float16/32/64 waveform (integer
waveforms in integer arithmetic, returned in their dtype) and ``Phaser`` in Float32 (Float64
waveforms get Float64 back, every other dtype Float32)."""
import math as _math

import numpy as _np

from ... import _C
from ..._errors import ComputeError
from ._checks import (check_bool, check_enum, check_int, check_number, check_sample_rate,
                      waveform)
from .utils import Interpolation, Modulation

__all__ = ["Flanger", "Phaser"]


def _wave_table(sine, size, lo, hi, phase):
    """SoX's oscillator table of `size` steps between `lo` and `hi` starting at `phase` (rad):
    a sine or a triangle, Float64."""
    if size <= 0:
        raise ComputeError(f"table_size must be more than 0, but got: {size}")
    offset = int(phase / _math.pi / 2 * size + 0.5)
    point = (_np.arange(size) + offset) % size
    if sine:
        d = (_np.sin(point / size * 2 * _math.pi) + 1) / 2
    else:
        d = point * 2.0 / size
        quarter = 4 * point // size
        d = _np.select([quarter == 0, quarter == 3], [d + 0.5, d - 1.5], 1.5 - d)
    return d * (hi - lo) + lo


class Flanger:
    """SoX's ``flanger``: each channel of a waveform ``(..., channel, time)`` mixed with a copy
    of itself delayed by an oscillating delay (`delay` to `delay + depth` ms, the channels'
    oscillators `phase` % apart), with `regen` % feedback; clipped to ``[-1, 1]``.

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        delay (float): Base delay (ms), in ``[0, 30]``. Default ``0.0``.
        depth (float): Added swept delay (ms), in ``[0, 10]``. Default ``2.0``.
        regen (float): Feedback (%), in ``[-95, 95]``. Default ``0.0``.
        width (float): Delayed signal mixed in (%), in ``[0, 100]``. Default ``71.0``.
        speed (float): Sweeps per second (Hz), in ``[0.1, 10]``. Default ``0.5``.
        phase (float): Phase shift between channels (%), in ``[0, 100]``. Default ``25.0``.
        modulation (Modulation): Shape of the sweep. Default ``Modulation.SINUSOIDAL``.
        interpolation (Interpolation): Reading between delay-line samples.
            Default ``Interpolation.LINEAR``.

    Returns:
        A callable on waveforms ``(..., channel, time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a waveform of one dimension.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.Flanger(1000, delay=2.0, depth=0.0, width=100.0)(np.array([[1.0, 0, 0, 0]]))
        >>> print(y)
        [[0.5 0.  0.5 0. ]]
    """

    def __init__(self, sample_rate, delay=0.0, depth=2.0, regen=0.0, width=71.0, speed=0.5,
                 phase=25.0, modulation=Modulation.SINUSOIDAL,
                 interpolation=Interpolation.LINEAR):
        check_sample_rate(sample_rate)
        for v, name, lo, hi in ((delay, "delay", 0, 30), (depth, "depth", 0, 10),
                                (regen, "regen", -95, 95), (width, "width", 0, 100),
                                (speed, "speed", 0.1, 10), (phase, "phase", 0, 100)):
            check_number(v, name, lo, hi)
        check_enum(modulation, Modulation, "modulation")
        check_enum(interpolation, Interpolation, "interpolation")
        self.sample_rate, self.delay, self.depth, self.regen = sample_rate, delay, depth, regen
        self.width, self.speed, self.phase = width, speed, phase
        self.modulation, self.interpolation = modulation, interpolation

    def __call__(self, x):
        x0 = x
        x = waveform("Flanger", x, min_ndim=2, shape="<..., channel, time>")
        if x0.dtype.kind != "f":
            # MindSpore 2.10 runs integer waveforms in integer arithmetic, where the gains
            # (below 1 unless `width` is 0, then the dry gain is 1) truncate to 0.
            keep = self.width == 0
            return (_np.clip(x0, -1, 1) if keep else _np.zeros_like(x0)).astype(x0.dtype)
        x = x0
        feedback, mix = self.regen / 100, self.width / 100
        delay_min, delay_depth = self.delay / 1000, self.depth / 1000
        in_gain = 1.0 / (1 + mix)
        delay_gain = mix / (1 + mix) * (1 - abs(feedback))
        buf_len = int((delay_min + delay_depth) * self.sample_rate + 0.5) + 2
        lfo_len = int(self.sample_rate / self.speed)
        lfo = _wave_table(self.modulation == Modulation.SINUSOIDAL, lfo_len,
                          float(_math.floor(delay_min * self.sample_rate + 0.5)),
                          buf_len - 2.0, 3 * _math.pi / 2).astype(_np.float32)
        offsets = (_np.arange(x.shape[-2]) * lfo_len * (self.phase / 100) + 0.5).astype(int)
        y = _C.audio_flanger(_np.ascontiguousarray(x), lfo.astype(float).tolist(),
                             offsets.tolist(), feedback, in_gain, delay_gain, buf_len,
                             self.interpolation == Interpolation.QUADRATIC)
        return y.astype(x0.dtype)


class Phaser:
    """SoX's ``phaser``: the waveform ``(..., time)`` scaled by `gain_in` plus a delay line
    (modulated between 1 sample and `delay_ms`, fed back with `decay`), scaled by `gain_out`
    and clipped to ``[-1, 1]``.

    Args:
        sample_rate (int): Sampling rate (Hz).
        gain_in (float): Input gain, in ``[0, 1]``. Default ``0.4``.
        gain_out (float): Output gain, in ``[0, 1e9]``. Default ``0.74``.
        delay_ms (float): Longest delay (ms), in ``[0, 5]``. Default ``3.0``.
        decay (float): Feedback, in ``[0, 0.99]``. Default ``0.4``.
        mod_speed (float): Modulation frequency (Hz), in ``[0.1, 2]``. Default ``0.5``.
        sinusoidal (bool): Sinusoidal modulation (else triangular). Default ``True``.

    Returns:
        A callable on numeric waveforms ``(..., time)`` (Float64 out for Float64, else
        Float32; computed in Float32).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An argument out of range.
        RuntimeError: (when called) a delay line or a modulation of no sample.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Phaser(1000, 0.5, 1.0, 1.0)(np.array([1.0, 0.0, 0.0, 0.0])).round(4))
        [0.5   0.2   0.08  0.032]
    """

    def __init__(self, sample_rate, gain_in=0.4, gain_out=0.74, delay_ms=3.0, decay=0.4,
                 mod_speed=0.5, sinusoidal=True):
        check_int(sample_rate, "sample_rate")
        check_number(gain_in, "gain_in", 0, 1)
        check_number(gain_out, "gain_out", 0, 1e9)
        check_number(delay_ms, "delay_ms", 0, 5.0)
        check_number(decay, "decay", 0, 0.99)
        check_number(mod_speed, "mod_speed", 0.1, 2)
        check_bool(sinusoidal, "sinusoidal")
        self.sample_rate, self.gain_in, self.gain_out = sample_rate, gain_in, gain_out
        self.delay_ms, self.decay, self.mod_speed = delay_ms, decay, mod_speed
        self.sinusoidal = sinusoidal

    def __call__(self, x):
        x = waveform("Phaser", x)
        buf_len = int(self.delay_ms * 0.001 * self.sample_rate + 0.5)
        mod_len = int(self.sample_rate / self.mod_speed + 0.5)
        table = _wave_table(self.sinusoidal, mod_len, 1.0, float(buf_len), _math.pi / 2)
        if buf_len <= 0:
            raise ComputeError(f"Phaser: the delay line of delay_ms {self.delay_ms} at "
                               f"sample_rate {self.sample_rate} holds no sample.")
        table = _np.where(table < 0, table - 0.5, table + 0.5).astype(_np.int32)
        y = _C.audio_phaser(_np.ascontiguousarray(x, _np.float32), self.gain_in, self.gain_out,
                            self.decay, table.astype(int).tolist(), buf_len)
        return y.astype(_np.float64 if x.dtype == _np.float64 else _np.float32)

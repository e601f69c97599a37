"""The time-domain audio transforms: the IIR filters (``LFilter`` and the biquads, whose
per-sample recursion runs in Rust, ``_C.audio_lfilter``), ``DCShift``, ``Contrast``, ``Fade``,
``Vol``, ``Gain`` and ``Overdrive``.

The biquads are SoX's (as torchaudio defines them). As in MindSpore 2.10, a biquad computes its
coefficients and its recursion in the precision of the waveform (Float16, Float32 or Float64;
other dtypes are refused), ``LFilter`` rounds its coefficients to Float32 first, and the
outputs are clipped to ``[-1, 1]``. The other transforms turn integer, boolean and Float16
waveforms into Float32 and keep Float64."""
import numpy as _np

from ... import _C
from ._checks import (FLOAT_MAX, check_bool, check_enum, check_float_range, check_int,
                      check_nonzero, check_number, check_q, check_sample_rate, interval_error,
                      type_error, waveform)
from .utils import FadeShape, GainType

__all__ = ["LFilter", "Filtfilt", "Biquad", "AllpassBiquad", "BandBiquad", "BandpassBiquad",
           "BandrejectBiquad", "BassBiquad", "TrebleBiquad", "EqualizerBiquad", "HighpassBiquad",
           "LowpassBiquad", "DeemphBiquad", "RiaaBiquad", "DCShift", "Contrast", "Fade", "Vol",
           "Gain", "Overdrive"]


def _lfilter(x, a, b, clamp):
    """`x` (Float16/32/64) filtered along its last axis in its own precision (Rust)."""
    return _C.audio_lfilter(_np.ascontiguousarray(x), [float(v) for v in a],
                            [float(v) for v in b], bool(clamp))


class LFilter:
    """The IIR filter ``a[0]·y[n] = Σ b[k]·x[n−k] − Σ_{k≥1} a[k]·y[n−k]`` along the last axis.

    Args:
        a_coeffs (Sequence[float]): Denominator coefficients ``a[0], a[1], ...``; ``a[0] ≠ 0``.
        b_coeffs (Sequence[float]): Numerator coefficients, as many as `a_coeffs`.
        clamp (bool): Clip the output to ``[-1, 1]``. Default ``True``.

    Returns:
        A callable taking a Float16/32/64 waveform ``(..., time)`` and returning the filtered
        waveform (same shape and dtype).

    Raises:
        TypeError: Coefficients not a list/tuple of numbers, `clamp` not a bool.
        ValueError: Coefficient lists of different lengths.
        RuntimeError: (when called) ``a[0] = 0``, empty coefficients, an integer waveform.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.LFilter([1.0, -0.5], [1.0, 0.0])(np.array([1.0, 0.0, 0.0])))
        [1.   0.5  0.25]
    """

    def __init__(self, a_coeffs, b_coeffs, clamp=True):
        for name, c in (("a_coeffs", a_coeffs), ("b_coeffs", b_coeffs)):
            if not isinstance(c, (list, tuple)):
                raise type_error(name, c, (list, tuple))
            for i, v in enumerate(c):
                check_float_range(v, f"{name}[{i}]")
        if len(a_coeffs) != len(b_coeffs):
            raise interval_error("The size of a_coeffs should be the same as that of b_coeffs.")
        check_bool(clamp, "clamp")
        self.a_coeffs, self.b_coeffs, self.clamp = list(a_coeffs), list(b_coeffs), clamp

    def __call__(self, x):
        return self._run(waveform(type(self).__name__, x, floats_only=True), self.clamp)

    def _run(self, x, clamp):
        """`x` (checked) filtered once forward."""
        from ..._errors import ComputeError
        if not self.a_coeffs:
            raise ComputeError("lfilter: a_coeffs can not be an empty vector.")
        a = _np.float32(self.a_coeffs)
        if a[0] == 0:
            raise ComputeError(f"lfilter: a_coeffs[0] can not be equal to zero, but got: "
                               f"{float(a[0]):.6f}")
        return _lfilter(x, a, _np.float32(self.b_coeffs), clamp)


class Filtfilt(LFilter):
    """The IIR filter of ``LFilter`` run forward, then backward over the result (zero phase,
    squared magnitude response); only the final output is clipped with `clamp`.

    Args:
        a_coeffs (Sequence[float]): Denominator coefficients ``a[0], a[1], ...``; ``a[0] ≠ 0``.
        b_coeffs (Sequence[float]): Numerator coefficients, as many as `a_coeffs`.
        clamp (bool): Clip the output to ``[-1, 1]``. Default ``True``.

    Returns:
        A callable taking a Float16/32/64 waveform ``(..., time)`` and returning the filtered
        waveform (same shape and dtype).

    Raises:
        TypeError: Coefficients not a list/tuple of numbers, `clamp` not a bool.
        ValueError: Coefficient lists of different lengths.
        RuntimeError: (when called) ``a[0] = 0``, empty coefficients, an integer waveform.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Filtfilt([1.0, 0.0], [0.5, 0.5])(np.array([0.0, 1.0, 0.0])))
        [0.25 0.5  0.25]
    """

    def __call__(self, x):
        fwd = self._run(waveform("Filtfilt", x, floats_only=True), False)
        return self._run(fwd[..., ::-1], self.clamp)[..., ::-1]


class _Biquad:
    """A second-order IIR filter whose coefficients ``(b0, b1, b2, a0, a1, a2)`` come from
    ``_coeffs(t)``: computed in Float64 from the Float32 values of the arguments (``_f32``),
    then rounded to the waveform's dtype by the Rust filter, as MindSpore 2.10 does."""

    _f32_for_f64 = False  # MindSpore computes this filter's coefficients in Float32 arithmetic
    _f32_params = True  # MindSpore keeps this filter's float arguments as Float32

    def _coeffs(self, t):
        raise NotImplementedError

    def _f32(self, name):
        v = getattr(self, name)
        return float(_np.float32(v)) if self._f32_params else float(v)

    def __call__(self, x):
        x = waveform(type(self).__name__, x, floats_only=True)
        with _np.errstate(all="ignore"):
            t = _np.float32 if self._f32_for_f64 else _np.float64
            c = [t(v) for v in self._coeffs(t)]
            if self._f32_for_f64 or x.dtype != _np.float64:
                c = [_np.float32(v) for v in c]
        return _lfilter(x, c[3:], c[:3], True)


def _w0(t, sample_rate, freq):
    return t(2) * t(_np.pi) * t(freq) / t(sample_rate)


def _gain_a(t, gain):
    return _np.exp(t(gain) / t(40) * _np.log(t(10)))


class Biquad(_Biquad):
    """The biquad filter of the given coefficients (normalised by `a0`), output clipped to
    ``[-1, 1]``.

    Args:
        b0, b1, b2 (float): Numerator coefficients.
        a0, a1, a2 (float): Denominator coefficients; `a0` nonzero.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: A coefficient that is not a number.
        ValueError: `a0` is zero or outside ``[-16777216, 16777216]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Biquad(0.5, 0.5, 0.0, 1.0, 0.0, 0.0)(np.array([0.2, 0.4, 0.6])))
        [0.1 0.3 0.5]
    """

    def __init__(self, b0, b1, b2, a0, a1, a2):
        for v, n in ((b0, "b0"), (b1, "b1"), (b2, "b2")):
            check_float_range(v, n)
        check_nonzero(a0, "a0", FLOAT_MAX)
        for v, n in ((a1, "a1"), (a2, "a2")):
            check_float_range(v, n)
        self.b0, self.b1, self.b2, self.a0, self.a1, self.a2 = b0, b1, b2, a0, a1, a2

    def _coeffs(self, t):
        # Given coefficients are Float32 in MindSpore, whatever the waveform.
        return [_np.float32(v) for v in (self.b0, self.b1, self.b2, self.a0, self.a1, self.a2)]


class AllpassBiquad(_Biquad):
    """Two-pole all-pass filter (SoX's ``allpass``) centred at `central_freq`.

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        central_freq (float): Central frequency (Hz).
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.AllpassBiquad(44100, 200.0)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [ 0.4802 -0.0387 -0.0371]
    """

    def __init__(self, sample_rate, central_freq, Q=0.707):  # noqa: N803 - MindSpore's name
        check_sample_rate(sample_rate)
        check_float_range(central_freq, "central_freq")
        check_q(Q)
        self.sample_rate, self.central_freq, self.quality_factor = sample_rate, central_freq, Q

    def _coeffs(self, t):
        w0 = _w0(t, self.sample_rate, self._f32("central_freq"))
        alpha = _np.sin(w0) / t(2) / t(self._f32("quality_factor"))
        return [t(1) - alpha, t(-2) * _np.cos(w0), t(1) + alpha,
                t(1) + alpha, t(-2) * _np.cos(w0), t(1) - alpha]


class BandBiquad(_Biquad):
    """Band-pass filter of SoX's ``band`` (a resonance at `central_freq`; with `noise`, the
    mode for unpitched audio).

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        central_freq (float): Central frequency (Hz).
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.
        noise (bool): Unpitched-audio mode. Default ``False``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.BandBiquad(44100, 200.0)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [0.0007 0.0014 0.002 ]
    """

    _f32_params = False

    def __init__(self, sample_rate, central_freq, Q=0.707, noise=False):  # noqa: N803
        check_sample_rate(sample_rate)
        check_float_range(central_freq, "central_freq")
        check_q(Q)
        check_bool(noise, "noise")
        self.sample_rate, self.central_freq, self.quality_factor = sample_rate, central_freq, Q
        self.noise = noise

    def _coeffs(self, t):
        w0 = _w0(t, self.sample_rate, self._f32("central_freq"))
        bw_hz = t(self._f32("central_freq")) / t(self._f32("quality_factor"))
        a2 = _np.exp(t(-2) * t(_np.pi) * bw_hz / t(self.sample_rate))
        a1 = t(-4) * a2 / (t(1) + a2) * _np.cos(w0)
        b0 = _np.sqrt(t(1) - a1 * a1 / (t(4) * a2)) * (t(1) - a2)
        if self.noise:
            mult = _np.sqrt(((t(1) + a2) * (t(1) + a2) - a1 * a1) * (t(1) - a2) / (t(1) + a2)) / b0
            b0 = mult * b0
        return [b0, t(0), t(0), t(1), a1, a2]


class BandpassBiquad(_Biquad):
    """Two-pole band-pass filter (SoX's ``bandpass``).

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        central_freq (float): Central frequency (Hz).
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.
        const_skirt_gain (bool): Constant skirt gain (peak gain Q) instead of a constant 0 dB
            peak. Default ``False``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.BandpassBiquad(44100, 200.0)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [0.0099 0.0194 0.0186]
    """

    _f32_for_f64, _f32_params = True, False

    def __init__(self, sample_rate, central_freq, Q=0.707, const_skirt_gain=False):  # noqa: N803
        check_sample_rate(sample_rate)
        check_float_range(central_freq, "central_freq")
        check_q(Q)
        check_bool(const_skirt_gain, "const_skirt_gain")
        self.sample_rate, self.central_freq, self.quality_factor = sample_rate, central_freq, Q
        self.const_skirt_gain = const_skirt_gain

    def _coeffs(self, t):
        w0 = _w0(t, self.sample_rate, self._f32("central_freq"))
        alpha = _np.sin(w0) / t(2) / t(self._f32("quality_factor"))
        temp = _np.sin(w0) / t(2) if self.const_skirt_gain else alpha
        return [temp, t(0), -temp, t(1) + alpha, t(-2) * _np.cos(w0), t(1) - alpha]


class BandrejectBiquad(_Biquad):
    """Two-pole band-reject (notch) filter (SoX's ``bandreject``).

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        central_freq (float): Central frequency (Hz).
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.BandrejectBiquad(44100, 200.0)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [ 0.4901 -0.0194 -0.0186]
    """

    def __init__(self, sample_rate, central_freq, Q=0.707):  # noqa: N803
        check_sample_rate(sample_rate)
        check_float_range(central_freq, "central_freq")
        check_q(Q)
        self.sample_rate, self.central_freq, self.quality_factor = sample_rate, central_freq, Q

    def _coeffs(self, t):
        w0 = _w0(t, self.sample_rate, self._f32("central_freq"))
        alpha = _np.sin(w0) / t(2) / t(self._f32("quality_factor"))
        return [t(1), t(-2) * _np.cos(w0), t(1), t(1) + alpha, t(-2) * _np.cos(w0), t(1) - alpha]


def _shelf(t, sample_rate, gain, freq, q, bass):
    w0 = _w0(t, sample_rate, freq)
    alpha = _np.sin(w0) / t(2) / t(q)
    a = _gain_a(t, gain)
    t1, t2, t3 = t(2) * _np.sqrt(a) * alpha, (a - t(1)) * _np.cos(w0), (a + t(1)) * _np.cos(w0)
    if bass:
        return [a * ((a + t(1)) - t2 + t1), t(2) * a * ((a - t(1)) - t3),
                a * ((a + t(1)) - t2 - t1), (a + t(1)) + t2 + t1,
                t(-2) * ((a - t(1)) + t3), (a + t(1)) + t2 - t1]
    return [a * ((a + t(1)) + t2 + t1), t(-2) * a * ((a - t(1)) + t3),
            a * ((a + t(1)) + t2 - t1), (a + t(1)) - t2 + t1,
            t(2) * ((a - t(1)) - t3), (a + t(1)) - t2 - t1]


class BassBiquad(_Biquad):
    """Low-shelf filter boosting or cutting the bass by `gain` dB (SoX's ``bass``).

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        gain (float): Gain at 0 Hz (dB).
        central_freq (float): Shelf frequency (Hz). Default ``100.0``.
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.BassBiquad(44100, 10.0)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [0.5029 0.0059 0.0059]
    """

    def __init__(self, sample_rate, gain, central_freq=100.0, Q=0.707):  # noqa: N803
        check_sample_rate(sample_rate)
        check_float_range(gain, "gain")
        check_float_range(central_freq, "central_freq")
        check_q(Q)
        self.sample_rate, self.gain, self.central_freq = sample_rate, gain, central_freq
        self.quality_factor = Q

    def _coeffs(self, t):
        return _shelf(t, self.sample_rate, self._f32("gain"), self._f32("central_freq"),
                      self._f32("quality_factor"), True)


class TrebleBiquad(_Biquad):
    """High-shelf filter boosting or cutting the treble by `gain` dB (SoX's ``treble``).

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        gain (float): Gain at the Nyquist frequency (dB).
        central_freq (float): Shelf frequency (Hz). Default ``3000``.
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.TrebleBiquad(44100, 6.0)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [ 0.9002 -0.1733 -0.1271]
    """

    def __init__(self, sample_rate, gain, central_freq=3000, Q=0.707):  # noqa: N803
        check_sample_rate(sample_rate)
        check_float_range(gain, "gain")
        check_float_range(central_freq, "central_freq")
        check_q(Q)
        self.sample_rate, self.gain, self.central_freq = sample_rate, gain, central_freq
        self.quality_factor = Q

    def _coeffs(self, t):
        return _shelf(t, self.sample_rate, self._f32("gain"), self._f32("central_freq"),
                      self._f32("quality_factor"), False)


class EqualizerBiquad(_Biquad):
    """Peaking equaliser: `gain` dB at `center_freq` (SoX's ``equalizer``).

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        center_freq (float): Central frequency (Hz).
        gain (float): Gain at the centre (dB).
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.EqualizerBiquad(44100, 1500.0, 5.5)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [0.5435 0.0767 0.0567]
    """

    def __init__(self, sample_rate, center_freq, gain, Q=0.707):  # noqa: N803
        check_sample_rate(sample_rate)
        check_float_range(center_freq, "center_freq")
        check_float_range(gain, "gain")
        check_q(Q)
        self.sample_rate, self.center_freq, self.gain = sample_rate, center_freq, gain
        self.quality_factor = Q

    def _coeffs(self, t):
        w0 = _w0(t, self.sample_rate, self._f32("center_freq"))
        a = _gain_a(t, self._f32("gain"))
        alpha = _np.sin(w0) / t(2) / t(self._f32("quality_factor"))
        return [t(1) + alpha * a, t(-2) * _np.cos(w0), t(1) - alpha * a,
                t(1) + alpha / a, t(-2) * _np.cos(w0), t(1) - alpha / a]


class _PassBiquad(_Biquad):
    _high = False

    def __init__(self, sample_rate, cutoff_freq, Q=0.707):  # noqa: N803
        check_sample_rate(sample_rate)
        check_float_range(cutoff_freq, "cutoff_freq")
        check_q(Q)
        self.sample_rate, self.cutoff_freq, self.quality_factor = sample_rate, cutoff_freq, Q

    def _coeffs(self, t):
        w0 = _w0(t, self.sample_rate, self._f32("cutoff_freq"))
        alpha = _np.sin(w0) / t(2) / t(self._f32("quality_factor"))
        c = _np.cos(w0)
        if self._high:
            return [(t(1) + c) / t(2), t(-1) - c, (t(1) + c) / t(2),
                    t(1) + alpha, t(-2) * c, t(1) - alpha]
        return [(t(1) - c) / t(2), t(1) - c, (t(1) - c) / t(2),
                t(1) + alpha, t(-2) * c, t(1) - alpha]


class HighpassBiquad(_PassBiquad):
    """Two-pole high-pass filter (SoX's ``highpass``), 3 dB down at `cutoff_freq`.

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        cutoff_freq (float): Cut-off frequency (Hz).
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.HighpassBiquad(44100, 1500.0)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [ 0.4298 -0.1291 -0.1073]
    """

    _high = True


class LowpassBiquad(_PassBiquad):
    """Two-pole low-pass filter (SoX's ``lowpass``), 3 dB down at `cutoff_freq`.

    Args:
        sample_rate (int): Sampling rate (Hz), nonzero.
        cutoff_freq (float): Cut-off frequency (Hz).
        Q (float): Quality factor in ``(0, 1]``. Default ``0.707``.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `sample_rate` zero, `Q` outside ``(0, 1]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> y = audio.LowpassBiquad(44100, 1500.0)(np.array([0.5, 0.0, 0.0]))
        >>> print(y.round(4))
        [0.0049 0.0183 0.0324]
    """


class DeemphBiquad(_Biquad):
    """The ISO 908 CD de-emphasis filter (SoX's ``deemph``), for 44.1 kHz or 48 kHz audio.

    Args:
        sample_rate (int): 44100 or 48000.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: `sample_rate` not an int.
        ValueError: Another sample rate.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.DeemphBiquad(44100)(np.array([0.5, 0.0, 0.0])).round(4))
        [0.2302 0.1005 0.0621]
    """

    def __init__(self, sample_rate):
        if isinstance(sample_rate, bool) or not isinstance(sample_rate, int):
            raise type_error("sample_rate", sample_rate, (int,))
        if sample_rate not in (44100, 48000):
            raise interval_error(f"Argument sample_rate should be 44100 or 48000, but got "
                                 f"{sample_rate}.")
        self.sample_rate = sample_rate

    def _coeffs(self, t):
        freq, slope, gain = (5283, 0.4845, -9.477) if self.sample_rate == 44100 else \
            (5356, 0.479, -9.62)
        w0 = _w0(t, self.sample_rate, freq)
        a = _gain_a(t, gain)
        alpha = _np.sin(w0) / t(2) * _np.sqrt((a + t(1) / a) * (t(1) / t(slope) - t(1)) + t(2))
        t1, t2, t3 = t(2) * _np.sqrt(a) * alpha, (a - t(1)) * _np.cos(w0), (a + t(1)) * _np.cos(w0)
        return [a * ((a + t(1)) + t2 + t1), t(-2) * a * ((a - t(1)) + t3),
                a * ((a + t(1)) + t2 - t1), (a + t(1)) - t2 + t1,
                t(2) * ((a - t(1)) - t3), (a + t(1)) - t2 - t1]


# SoX's RIAA zeros and poles for each supported sample rate.
_RIAA = {44100: ((-0.2014898, 0.9233820), (0.7083149, 0.9924091)),
         48000: ((-0.1766069, 0.9321590), (0.7396325, 0.9931330)),
         88200: ((-0.1168735, 0.9648312), (0.8590646, 0.9964002)),
         96000: ((-0.1141486, 0.9676817), (0.8699137, 0.9966946))}


class RiaaBiquad(_Biquad):
    """The RIAA vinyl playback equalisation (SoX's ``riaa``), 0 dB at 1 kHz.

    Args:
        sample_rate (int): 44100, 48000, 88200 or 96000.

    Returns:
        A callable on Float16/32/64 waveforms ``(..., time)`` (same shape and dtype).

    Raises:
        TypeError: `sample_rate` not an int.
        ValueError: Another sample rate.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.RiaaBiquad(44100)(np.array([0.5, 0.0, 0.0])).round(4))
        [0.119  0.1165 0.0923]
    """

    def __init__(self, sample_rate):
        if isinstance(sample_rate, bool) or not isinstance(sample_rate, int):
            raise type_error("sample_rate", sample_rate, (int,))
        if sample_rate not in _RIAA:
            raise interval_error(f"sample_rate should be one of [44100, 48000, 88200, 96000], "
                                 f"but got {sample_rate}.")
        self.sample_rate = sample_rate

    def _coeffs(self, t):
        (z0, z1), (p0, p1) = _RIAA[self.sample_rate]
        b = [1.0, -(z0 + z1), z0 * z1]
        a = [1.0, -(p0 + p1), p0 * p1]
        y = 2 * _np.pi * 1000 / self.sample_rate
        resp = [sum(c[k] * _np.exp(-1j * k * y) for k in range(3)) for c in (b, a)]
        g = 1.0 / abs(resp[0] / resp[1])
        return [t(v) for v in (b[0] * g, b[1] * g, b[2] * g, a[0], a[1], a[2])]


def _as_float(op, x):
    """A waveform as the transforms that accept any numeric dtype compute on it."""
    return waveform(op, x)


class DCShift:
    """Adds `shift` to the waveform, clipped to ``[-1, 1]``; with a nonzero `limiter_gain`, the
    samples beyond the limiter threshold ``1 − (|shift| − limiter_gain)`` are compressed
    (SoX's ``dcshift``).

    Args:
        shift (float): The DC offset, in ``[-2.0, 2.0]``.
        limiter_gain (float, optional): Gain of the limiter (small, e.g. 0.05). Default ``None``.

    Returns:
        A callable on numeric waveforms ``(..., time)``: Float64 stays, other dtypes become
        Float32.

    Raises:
        TypeError: An argument that is not a number.
        ValueError: `shift` outside ``[-2.0, 2.0]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.DCShift(0.5)(np.array([-1.0, 0.0, 0.7])))
        [-0.5  0.5  1. ]
    """

    def __init__(self, shift, limiter_gain=None):
        check_number(shift, "shift", -2.0, 2.0)
        if limiter_gain is not None:
            check_float_range(limiter_gain, "limiter_gain")
        self.shift, self.limiter_gain = shift, limiter_gain

    def __call__(self, x):
        x = _as_float("DCShift", x)
        t = x.dtype.type
        shift = t(_np.float32(self.shift))
        gain = _np.float32(self.limiter_gain or 0.0)
        plain = _np.clip(x + shift, t(-1), t(1))
        if gain == 0:
            return plain
        thr = t(_np.float32(1) - (_np.abs(_np.float32(self.shift)) - gain))
        gain = t(gain)
        with _np.errstate(all="ignore"):
            if shift > 0:
                hit = x > thr
                out = _np.minimum((x - thr) * gain / (t(1) - thr) + thr + shift, thr)
            else:
                hit = x < -thr
                # MindSpore 2.10's limiter for a negative shift (not SoX's mirror image).
                out = _np.maximum((x + thr) * gain / (t(1) - thr) + thr + shift, -thr)
        return _np.where(hit, out, plain).astype(t)


class Contrast:
    """SoX's ``contrast``: ``sin(x·π/2 + (amount/750)·sin(x·2π))``, a compression that makes
    audio sound louder.

    Args:
        enhancement_amount (float): In ``[0, 100]``. Default ``75.0``.

    Returns:
        A callable on numeric waveforms ``(..., time)``: Float64 stays, other dtypes become
        Float32.

    Raises:
        TypeError: `enhancement_amount` not a number.
        ValueError: `enhancement_amount` outside ``[0, 100]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Contrast(60.0)(np.array([0.0, 0.25, 1.0])).round(5))
        [0.      0.45529 1.     ]
    """

    def __init__(self, enhancement_amount=75.0):
        check_number(enhancement_amount, "enhancement_amount", 0, 100)
        self.enhancement_amount = enhancement_amount

    def __call__(self, x):
        x = _as_float("Contrast", x)
        t = x.dtype.type
        t1 = x * t(_np.pi / 2)
        return _np.sin(t1 + t(self.enhancement_amount / 750.0) * _np.sin(t1 * t(4))).astype(t)


def _ramp(n, t):
    return _np.linspace(0.0, 1.0, n).astype(t) if n > 1 else _np.zeros(n, t)


_FADE_IN = {FadeShape.LINEAR: lambda f: f,
            FadeShape.EXPONENTIAL: lambda f: _np.power(2.0, f - 1) * f,
            FadeShape.LOGARITHMIC: lambda f: _np.log10(0.1 + f) + 1,
            FadeShape.QUARTER_SINE: lambda f: _np.sin(f * _np.pi / 2),
            FadeShape.HALF_SINE: lambda f: _np.sin(f * _np.pi - _np.pi / 2) / 2 + 0.5}
_FADE_OUT = {FadeShape.LINEAR: lambda f: 1 - f,
             FadeShape.EXPONENTIAL: lambda f: _np.power(2.0, -f) * (1 - f),
             FadeShape.LOGARITHMIC: lambda f: _np.log10(1.1 - f) + 1,
             FadeShape.QUARTER_SINE: lambda f: _np.sin(f * _np.pi / 2 + _np.pi / 2),
             FadeShape.HALF_SINE: lambda f: _np.sin(f * _np.pi + _np.pi / 2) / 2 + 0.5}


class Fade:
    """Fades the waveform in over its first `fade_in_len` samples and out over its last
    `fade_out_len` ones.

    Args:
        fade_in_len (int): Length of the fade-in, >= 0. Default ``0``.
        fade_out_len (int): Length of the fade-out, >= 0. Default ``0``.
        fade_shape (FadeShape): Shape of both ramps. Default ``FadeShape.LINEAR``.

    Returns:
        A callable on numeric waveforms ``(..., time)``: Float64 stays, other dtypes become
        Float32.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: A negative length.
        RuntimeError: (when called) a fade longer than the waveform.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Fade(3, 2)(np.ones(6)))
        [0.  0.5 1.  1.  1.  0. ]
    """

    def __init__(self, fade_in_len=0, fade_out_len=0, fade_shape=FadeShape.LINEAR):
        check_int(fade_in_len, "fade_in_len", lo=0)
        check_int(fade_out_len, "fade_out_len", lo=0)
        check_enum(fade_shape, FadeShape, "fade_shape")
        self.fade_in_len, self.fade_out_len, self.fade_shape = fade_in_len, fade_out_len, fade_shape

    def __call__(self, x):
        from ..._errors import ComputeError
        x = _as_float("Fade", x)
        n = x.shape[-1]
        for name, k in (("fade_in_len", self.fade_in_len), ("fade_out_len", self.fade_out_len)):
            if k > n:
                raise ComputeError(f"Fade: invalid parameter, '{name}' should be no greater than "
                                   f"'length of waveform', but got: {name} {k} while length of "
                                   f"waveform {n}.")
        fade = _np.ones(n, _np.float64)
        with _np.errstate(divide="ignore"):
            fade[:self.fade_in_len] *= _FADE_IN[self.fade_shape](_ramp(self.fade_in_len,
                                                                       _np.float64))
            fade[n - self.fade_out_len:] *= _FADE_OUT[self.fade_shape](
                _ramp(self.fade_out_len, _np.float64))
        return (x * fade.astype(x.dtype)).astype(x.dtype)


class Vol:
    """Scales the volume by `gain` (an amplitude ratio, a power ratio or decibels), clipped to
    ``[-1, 1]``.

    Args:
        gain (float): The gain: >= 0 for ``AMPLITUDE``, > 0 for ``POWER``, any for ``DB``.
        gain_type (GainType): How `gain` is read. Default ``GainType.AMPLITUDE``.

    Returns:
        A callable on numeric waveforms ``(..., time)``: Float64 stays, other dtypes become
        Float32.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `gain` out of range for `gain_type`.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Vol(2.0)(np.array([0.1, 0.3, 0.7])))
        [0.2 0.6 1. ]
    """

    def __init__(self, gain, gain_type=GainType.AMPLITUDE):
        types = (int, float)
        if isinstance(gain, bool) or not isinstance(gain, types):
            raise type_error("gain", gain, types)
        check_enum(gain_type, GainType, "gain_type")
        if gain_type == GainType.AMPLITUDE:
            check_number(gain, "gain", 0, FLOAT_MAX, types=types)
        elif gain_type == GainType.POWER:
            check_number(gain, "gain", 0, FLOAT_MAX, lo_open=True, types=types)
        else:
            check_float_range(gain, "gain", types=types)
        self.gain, self.gain_type = gain, gain_type

    def __call__(self, x):
        x = _as_float("Vol", x)
        t = x.dtype.type
        if self.gain_type == GainType.AMPLITUDE:
            factor = self.gain
        elif self.gain_type == GainType.DB:
            factor = 10.0 ** (self.gain / 20.0)
        else:
            factor = 10.0 ** (10.0 * _np.log10(self.gain) / 20.0)
        return _np.clip(x * t(factor), t(-1), t(1))


class Gain:
    """Amplifies the waveform by `gain_db` decibels (no clipping).

    Args:
        gain_db (float): Gain in dB. Default ``1.0``.

    Returns:
        A callable on numeric waveforms ``(..., time)``: Float64 stays, other dtypes become
        Float32.

    Raises:
        TypeError: `gain_db` not a number.
        ValueError: `gain_db` outside ``[-16777216, 16777216]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Gain(20.0)(np.array([0.1, -0.2])))
        [ 1. -2.]
    """

    def __init__(self, gain_db=1.0):
        check_float_range(gain_db, "gain_db")
        self.gain_db = gain_db

    def __call__(self, x):
        x = _as_float("Gain", x)
        t = x.dtype.type
        return (x * t(10.0 ** (self.gain_db / 20.0))).astype(t)


class Overdrive:
    """SoX's ``overdrive``: a soft-clipping distortion ``d − d³/3`` of ``x·10^(gain/20) +
    color/200``, DC-blocked by ``y[n] = d[n] − d[n−1] + 0.995·y[n−1]`` (the Rust filter) and
    mixed as ``0.5·x + 0.75·y``, clipped to ``[-1, 1]``.

    Args:
        gain (float): Gain in dB, in ``[0, 100]``. Default ``20.0``.
        color (float): Amount of even harmonics, in ``[0, 100]``. Default ``20.0``.

    Returns:
        A callable on numeric waveforms ``(..., time)``: Float64 stays, other dtypes become
        Float32.

    Raises:
        TypeError: An argument that is not a number.
        ValueError: An argument outside ``[0, 100]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.audio as audio
        >>> print(audio.Overdrive(0.0, 0.0)(np.array([0.5, 0.0, 0.0])).round(6))
        [ 0.59375  -0.001719 -0.00171 ]
    """

    def __init__(self, gain=20.0, color=20.0):
        check_number(gain, "gain", 0, 100)
        check_number(color, "color", 0, 100)
        self.gain, self.color = gain, color

    def __call__(self, x):
        x = _as_float("Overdrive", x)
        t = x.dtype.type
        d = x * t(10.0 ** (self.gain / 20.0)) + t(self.color / 200.0)
        d = _np.where(d < -1, t(-2.0 / 3), _np.where(d > 1, t(2.0 / 3), d - d * d * d / t(3)))
        y = _lfilter(d.astype(t), [1.0, -0.995], [1.0, -1.0], False)
        return _np.clip(x * t(0.5) + y * t(0.75), t(-1), t(1)).astype(t)


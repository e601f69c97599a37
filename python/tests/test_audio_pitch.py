"""``mindspore.dataset.audio.DetectPitchFrequency`` against values measured on MindSpore 2.10."""
import numpy as np
import pytest

import easy_mindspore.dataset.audio as audio


def _tone():
    t = np.arange(8000) / 8000.0
    return np.sin(2 * np.pi * 220 * t) + 0.3 * np.sin(2 * np.pi * 440 * t)


def test_a_tone_and_noise_give_mindspores_pitches():
    out = audio.DetectPitchFrequency(8000, frame_time=0.02, win_length=5, freq_low=100,
                                     freq_high=1000)(_tone())
    assert out.dtype == np.float32 and out.shape == (48,)  # Float64 in, Float32 out
    np.testing.assert_allclose(out, 222.222, rtol=1e-5)
    assert audio.DetectPitchFrequency(8000)(_tone().astype(np.float32)).shape == (85,)
    rng = np.random.RandomState(0)
    rng.randn(2, 3000), rng.randn(500)  # the draws before, as measured
    out = audio.DetectPitchFrequency(16000, win_length=3)(rng.randn(1000))
    np.testing.assert_allclose(out, [380.952, 380.952, 253.968, 123.077, 89.888, 89.888], atol=1e-3)
    wave = np.concatenate([np.zeros(1000), _tone()[:3000]]).astype(np.float32)
    out = audio.DetectPitchFrequency(44100, win_length=1)(wave)
    np.testing.assert_allclose(out, [3150.0, 3150.0, 1225.0, 242.308, 404.587, 404.587, 242.308,
                                     404.587, 404.587, 1422.581], atol=1e-3)
    # no lag between freq_high's and freq_low's: index 0, as MindSpore's
    out = audio.DetectPitchFrequency(1000, win_length=3, freq_low=200, freq_high=100)(np.ones(200))
    np.testing.assert_allclose(out, np.full(19, 1000 / 11), rtol=1e-6)


def test_errors():
    with pytest.raises(RuntimeError, match="Failed to create empty tensor"):
        audio.DetectPitchFrequency(8000)(_tone()[:400])  # too short for one smoothed frame
    with pytest.raises(RuntimeError, match=r"Expecting tensor in type of \[float, double\]. But got type int16"):
        audio.DetectPitchFrequency(4000)(np.ones(900, np.int16))
    with pytest.raises(ValueError, match=r"Input sample_rate is not within the required interval of "
                                         r"\[-2147483648, 0\) and \(0, 2147483647\]."):
        audio.DetectPitchFrequency(0)
    with pytest.raises(ValueError, match=r"Input frame_time is not within the required interval of \(0, 16777216\]."):
        audio.DetectPitchFrequency(100, frame_time=0)
    with pytest.raises(TypeError, match="Argument win_length with value 1.0 is not of type"):
        audio.DetectPitchFrequency(100, win_length=1.0)


def test_time_stretch_takes_the_inputs_bins_and_keeps_it_at_rate_one():
    # MindSpore 2.10: the phase advance spans the input's frequency bins whatever n_freq says;
    # at rate 1 the input comes back as 4 dimensions
    x = np.random.RandomState(0).random((16, 8, 2))
    out = audio.TimeStretch(fixed_rate=1.3)(x)
    assert out.shape == (16, 7, 2)
    np.testing.assert_allclose(out.ravel()[[5, 50, 100]], [0.75673, 0.42878, 0.85434], atol=1e-5)
    np.testing.assert_array_equal(out, audio.TimeStretch(n_freq=30, hop_length=200, fixed_rate=1.3)(x))
    same = audio.TimeStretch()(x)
    assert same.shape == (1, 16, 8, 2) and np.array_equal(same[0], x)
    assert audio.TimeStretch(fixed_rate=1.0)(np.zeros((2, 3, 16, 8, 2))).shape == (6, 16, 8, 2)

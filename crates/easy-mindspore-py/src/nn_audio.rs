//! The native half of `easy_mindspore.dataset.audio`: the IIR recursion of `LFilter`,
//! `Filtfilt`, the biquads and `Overdrive` (`ems::nn::data::audio::lfilter`) and the delay lines
//! of `Flanger` and `Phaser`, on NumPy arrays.

use crate::errors::{value_err, IntoPy};
use easy_mindspore as ems;
use ems::nn::data::audio::{self, Sample};
use half::f16;
use numpy::{PyArrayDyn, PyArrayMethods, PyUntypedArrayMethods, ToPyArray};
use pyo3::prelude::*;

/// `run(samples, row_len)` (see [`by_rows`]) on `waveform` as the first of the element types
/// `$t` it is an array of; `op`'s ValueError naming `$names` for any other.
macro_rules! by_dtype {
    (
        $py:expr, $wave:expr, $op:literal, $names:literal, [$($t:ty),+],
        |$s:ident, $n:ident| $run:expr
    ) => {{
        $(
            if let Ok(x) = $wave.downcast::<PyArrayDyn<$t>>() {
                return by_rows($py, x, $op, |$s: &[$t], $n| $run);
            }
        )+
        Err(value_err(concat!("For '", $op, "', the waveform must be a ", $names, " array")))
    }};
}

/// Registers `audio_lfilter`, `audio_flanger` and `audio_phaser`.
pub fn add_to(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(audio_lfilter, m)?)?;
    m.add_function(wrap_pyfunction!(audio_flanger, m)?)?;
    m.add_function(wrap_pyfunction!(audio_phaser, m)?)
}

/// `waveform` (a C-contiguous Float16, Float32 or Float64 array of at least one dimension)
/// filtered along its last axis by the IIR filter of denominator `a_coeffs` and numerator
/// `b_coeffs` in its own precision, clipped to `[-1, 1]` with `clamp`; same shape and dtype.
#[pyfunction]
pub fn audio_lfilter<'py>(
    py: Python<'py>,
    waveform: &Bound<'py, PyAny>,
    a_coeffs: Vec<f64>,
    b_coeffs: Vec<f64>,
    clamp: bool,
) -> PyResult<Bound<'py, PyAny>> {
    by_dtype!(
        py,
        waveform,
        "LFilter",
        "float16, float32 or float64",
        [f64, f32, f16],
        |src, len| audio::lfilter(src, len, &a_coeffs, &b_coeffs, clamp)
    )
}

/// `run(samples, row_len)` on the C-contiguous `x` with the GIL released, reshaped as `x`.
fn by_rows<'py, T: Sample + numpy::Element>(
    py: Python<'py>,
    x: &Bound<'py, PyArrayDyn<T>>,
    op: &str,
    run: impl FnOnce(&[T], usize) -> ems::Result<Vec<T>> + Send,
) -> PyResult<Bound<'py, PyAny>> {
    let x = x.readonly();
    let shape = x.shape().to_vec();
    let len = match shape.last() {
        Some(&n) => n,
        None => {
            return Err(value_err(format!(
                "For '{op}', the waveform must have at least one dimension"
            )))
        }
    };
    let src = x.as_slice().map_err(|e| value_err(e.to_string()))?;
    let out = py.allow_threads(|| run(src, len)).py()?;
    Ok(out.to_pyarray(py).reshape(shape)?.into_any())
}

/// `waveform` (a C-contiguous Float16, Float32 or Float64 array `(..., channel, time)`) through
/// SoX's flanger in its own precision (`ems::nn::data::audio::flanger`): `lfo` the delay in
/// samples of each oscillator step, `channel_offsets` each channel's start in it; clipped to
/// `[-1, 1]`; same shape and dtype.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn audio_flanger<'py>(
    py: Python<'py>,
    waveform: &Bound<'py, PyAny>,
    lfo: Vec<f64>,
    channel_offsets: Vec<usize>,
    feedback: f64,
    in_gain: f64,
    delay_gain: f64,
    buf_len: usize,
    quadratic: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let p = audio::Flanger {
        lfo: &lfo,
        channel_offsets: &channel_offsets,
        feedback,
        in_gain,
        delay_gain,
        buf_len,
        quadratic,
    };
    by_dtype!(
        py,
        waveform,
        "Flanger",
        "float16, float32 or float64",
        [f64, f32, f16],
        |s, n| audio::flanger(s, n, &p)
    )
}

/// `waveform` (a C-contiguous Float32 or Float64 array `(..., time)`) through SoX's phaser in
/// its own precision (`ems::nn::data::audio::phaser`): `modulation` the delay in samples of
/// each modulation step, `buf_len` the delay line; clipped to `[-1, 1]`; same shape and dtype.
#[pyfunction]
pub fn audio_phaser<'py>(
    py: Python<'py>,
    waveform: &Bound<'py, PyAny>,
    gain_in: f64,
    gain_out: f64,
    decay: f64,
    modulation: Vec<i64>,
    buf_len: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let p = audio::Phaser {
        gain_in,
        gain_out,
        decay,
        modulation: &modulation,
        buf_len,
    };
    by_dtype!(
        py,
        waveform,
        "Phaser",
        "float32 or float64",
        [f64, f32],
        |s, n| audio::phaser(s, n, &p)
    )
}

//! The native half of `easy_mindspore.dataset.audio`: the IIR recursion of `LFilter`, the
//! biquads and `Overdrive` (`ems::nn::data::audio::lfilter`), on NumPy arrays.

use crate::errors::{value_err, IntoPy};
use easy_mindspore as ems;
use half::f16;
use numpy::{PyArrayDyn, PyArrayMethods, PyUntypedArrayMethods, ToPyArray};
use pyo3::prelude::*;

/// Registers `audio_lfilter`.
pub fn add_to(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(audio_lfilter, m)?)
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
    if let Ok(x) = waveform.downcast::<PyArrayDyn<f64>>() {
        return filtered(py, x, &a_coeffs, &b_coeffs, clamp);
    }
    if let Ok(x) = waveform.downcast::<PyArrayDyn<f32>>() {
        return filtered(py, x, &a_coeffs, &b_coeffs, clamp);
    }
    if let Ok(x) = waveform.downcast::<PyArrayDyn<f16>>() {
        return filtered(py, x, &a_coeffs, &b_coeffs, clamp);
    }
    Err(value_err(
        "For 'LFilter', the waveform must be a float16, float32 or float64 array",
    ))
}

/// The filtered copy of one array, computed with the GIL released.
fn filtered<'py, T: ems::nn::data::audio::Sample + numpy::Element>(
    py: Python<'py>,
    x: &Bound<'py, PyArrayDyn<T>>,
    a: &[f64],
    b: &[f64],
    clamp: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let x = x.readonly();
    let shape = x.shape().to_vec();
    let len = match shape.last() {
        Some(&n) => n,
        None => {
            return Err(value_err(
                "For 'LFilter', the waveform must have at least one dimension",
            ))
        }
    };
    let src = x.as_slice().map_err(|e| value_err(e.to_string()))?;
    let out = py
        .allow_threads(|| ems::nn::data::audio::lfilter(src, len, a, b, clamp))
        .py()?;
    Ok(out.to_pyarray(py).reshape(shape)?.into_any())
}

//! Module-level functions of `easy_mindspore._C` for the gamma-function family (`lgamma`,
//! `digamma`, `polygamma`) and the matrix ops (`inverse`, `det`, `slogdet`, `cholesky`, `svd`,
//! `svdvals`, `eig`) and the Fourier transforms (`fft`): thin forwards
//! to the engine's friendly ops. MindSpore's argument rules (a Tensor input, `n` a 0-d integer
//! Tensor, matrices of at least 2 × 2) are the Python layer's (`ops/function/linalg_func.py`).

use crate::convert::tensor_from_data;
use crate::errors::IntoPy;
use crate::gil::{maybe_allow_threads, run};
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;

// `unary_fns!` is `bits`' (the one-Tensor forward).
unary_fns! {
    lgamma: "`ln|Γ(x)|` (Int32 becomes Float32).";
    digamma: "The digamma function `ψ(x)`.";
    inverse: "The inverse of each matrix of a `[..., n, n]` Float32/Float64 tensor.";
    det: "The determinant of each matrix of a `[..., n, n]` float tensor.";
    conj: "The complex conjugate of each element (a real tensor unchanged).";
}

/// The polygamma function `ψ⁽ⁿ⁾(x)` of order `n` (NaN for a negative `n`).
#[pyfunction]
pub fn polygamma(py: Python<'_>, n: i64, x: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let x: Tensor = tensor_from_data(x, None)?;
    run(py, x.numel(), move || ems::polygamma(n, &x))
}

/// `(sign, log|det|)` of each matrix of a `[..., n, n]` float tensor.
#[pyfunction]
pub fn slogdet(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<(PyTensor, PyTensor)> {
    let x: Tensor = tensor_from_data(x, None)?;
    let (s, l) = maybe_allow_threads(py, x.numel(), move || ems::slogdet(&x)).py()?;
    Ok((PyTensor::new(s), PyTensor::new(l)))
}

/// The Cholesky factor of each matrix of a `[..., n, n]` Float32/Float64 tensor (lower, or its
/// transpose with `upper`).
#[pyfunction]
#[pyo3(signature = (x, upper=false))]
pub fn cholesky(py: Python<'_>, x: &Bound<'_, PyAny>, upper: bool) -> PyResult<PyTensor> {
    let x: Tensor = tensor_from_data(x, None)?;
    run(py, x.numel(), move || ems::cholesky(&x, upper))
}

/// `(s, u, v)` of each matrix of a `[..., m, n]` Float32/Float64 tensor (`v`, not `vᵀ`).
#[pyfunction]
#[pyo3(signature = (x, full_matrices=false))]
pub fn svd(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    full_matrices: bool,
) -> PyResult<(PyTensor, PyTensor, PyTensor)> {
    let x: Tensor = tensor_from_data(x, None)?;
    let (s, u, v) = maybe_allow_threads(py, x.numel(), move || ems::svd(&x, full_matrices)).py()?;
    Ok((PyTensor::new(s), PyTensor::new(u), PyTensor::new(v)))
}

/// The singular values of each matrix of a `[..., m, n]` Float32/Float64 tensor.
#[pyfunction]
pub fn svdvals(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let x: Tensor = tensor_from_data(x, None)?;
    run(py, x.numel(), move || ems::svdvals(&x))
}

/// `(w, v)` (or `(w, None)` without `vectors`) of each matrix of a `[..., n, n]` float or complex
/// tensor: eigenvalues in ascending magnitude and unit eigenvectors as columns, complex.
#[pyfunction]
#[pyo3(signature = (x, vectors=true))]
pub fn eig(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    vectors: bool,
) -> PyResult<(PyTensor, Option<PyTensor>)> {
    let x: Tensor = tensor_from_data(x, None)?;
    let (w, v) = maybe_allow_threads(py, x.numel(), move || ems::eig(&x, vectors)).py()?;
    Ok((PyTensor::new(w), v.map(PyTensor::new)))
}

/// Which transform [`fft`] computes: `ems::FftKind` as a Python enum (`_C.FftKind.RealForward`).
#[pyclass(module = "easy_mindspore._C", name = "FftKind", eq, eq_int, frozen)]
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FftKind {
    /// `fft`: complex to complex, forward.
    Forward,
    /// `ifft`.
    Inverse,
    /// `rfft`: a real signal's half spectrum.
    RealForward,
    /// `irfft`.
    RealInverse,
    /// `hfft`: a Hermitian half spectrum's real transform.
    HermitianForward,
    /// `ihfft`.
    HermitianInverse,
}

impl From<FftKind> for ems::FftKind {
    fn from(k: FftKind) -> Self {
        match k {
            FftKind::Forward => ems::FftKind::Forward,
            FftKind::Inverse => ems::FftKind::Inverse,
            FftKind::RealForward => ems::FftKind::RealForward,
            FftKind::RealInverse => ems::FftKind::RealInverse,
            FftKind::HermitianForward => ems::FftKind::HermitianForward,
            FftKind::HermitianInverse => ems::FftKind::HermitianInverse,
        }
    }
}

/// The Fourier transform `kind` of `x` over `axes`, each resized to its entry of `sizes`, scaled
/// by `norm` (`"backward"`, `"forward"`, `"ortho"`): `ems::fft`.
#[pyfunction]
#[pyo3(signature = (x, kind, axes, sizes=None, norm="backward"))]
pub fn fft(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    kind: FftKind,
    axes: Vec<i64>,
    sizes: Option<Vec<usize>>,
    norm: &str,
) -> PyResult<PyTensor> {
    let norm = ems::FftNorm::from_name("FFT", norm).py()?;
    let x: Tensor = tensor_from_data(x, None)?;
    run(py, x.numel(), move || {
        ems::fft(&x, kind.into(), &axes, sizes.as_deref(), norm)
    })
}

/// Adds the functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for f in [
        wrap_pyfunction!(lgamma, m)?,
        wrap_pyfunction!(digamma, m)?,
        wrap_pyfunction!(polygamma, m)?,
        wrap_pyfunction!(inverse, m)?,
        wrap_pyfunction!(det, m)?,
        wrap_pyfunction!(slogdet, m)?,
        wrap_pyfunction!(cholesky, m)?,
        wrap_pyfunction!(svd, m)?,
        wrap_pyfunction!(svdvals, m)?,
        wrap_pyfunction!(eig, m)?,
        wrap_pyfunction!(fft, m)?,
        wrap_pyfunction!(conj, m)?,
    ] {
        m.add_function(f)?;
    }
    m.add_class::<FftKind>()?;
    Ok(())
}

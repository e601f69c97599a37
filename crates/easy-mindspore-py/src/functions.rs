//! Module-level functions of `easy_mindspore._C`: creation, joining, contraction, norms and the
//! seeded generator. Python-side wrappers (`easy_mindspore/__init__.py`) add MindSpore's defaults.

use crate::convert::{dims_from_py, dtype_from_py, scalar_from_py, tensor_from_data};
use crate::errors::{type_err, value_err, IntoPy};
use crate::gil::{maybe_allow_threads, numel_of, run};
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::{DType, NormOrd, Scalar, Split, Tensor};
use pyo3::prelude::*;

fn wrap(r: ems::Result<Tensor>) -> PyResult<PyTensor> {
    r.py().map(PyTensor::new)
}

/// The element count of a shape (saturating: a shape too large is refused by the op itself).
fn numel(dims: &[usize]) -> usize {
    dims.iter().fold(1usize, |n, &d| n.saturating_mul(d))
}

fn scalar(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Scalar> {
    scalar_from_py(obj).ok_or_else(|| type_err(format!("{what} must be a number")))
}

fn tensors(xs: &Bound<'_, PyAny>) -> PyResult<Vec<Tensor>> {
    xs.try_iter()?
        .map(|x| tensor_from_data(&x?, None))
        .collect()
}

/// `arange(start, stop, step, dtype)`; `dtype=None` infers Int32 for ints and Float32 otherwise.
#[pyfunction]
#[pyo3(signature = (start, stop, step, dtype=None))]
pub fn arange(
    start: &Bound<'_, PyAny>,
    stop: &Bound<'_, PyAny>,
    step: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let (a, b, c) = (
        scalar(start, "start")?,
        scalar(stop, "stop")?,
        scalar(step, "step")?,
    );
    match dtype {
        Some(d) if !d.is_none() => wrap(ems::arange_dtype(a, b, c, dtype_from_py(d)?)),
        _ => wrap(ems::arange(a, b, c)),
    }
}

/// A tensor of `shape` filled with `value`.
#[pyfunction]
pub fn full(
    shape: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
    dtype: &Bound<'_, PyAny>,
) -> PyResult<PyTensor> {
    wrap(ems::full(
        &dims_from_py(shape)?,
        scalar(value, "value")?,
        dtype_from_py(dtype)?,
    ))
}

/// An `n × m` identity-like matrix.
#[pyfunction]
#[pyo3(signature = (n, m, dtype))]
pub fn eye(n: usize, m: Option<usize>, dtype: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    wrap(ems::eye(n, m, dtype_from_py(dtype)?))
}

/// `num` evenly spaced values from `start` to `stop`.
#[pyfunction]
pub fn linspace(start: f64, stop: f64, num: usize, dtype: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let d = dtype_from_py(dtype)?.to_float();
    wrap(ems::linspace(start, stop, num).and_then(|t| ems::cast(&t, d)))
}

fn dtype_or_f32(d: Option<&Bound<'_, PyAny>>) -> PyResult<DType> {
    match d {
        Some(d) if !d.is_none() => dtype_from_py(d),
        _ => Ok(DType::Float32),
    }
}

/// Standard normal samples.
#[pyfunction]
#[pyo3(signature = (shape, dtype=None))]
pub fn randn(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let (dims, d) = (dims_from_py(shape)?, dtype_or_f32(dtype)?);
    run(py, numel(&dims), move || ems::randn(&dims, d))
}

/// Uniform samples in [0, 1).
#[pyfunction]
#[pyo3(signature = (shape, dtype=None))]
pub fn rand(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let (dims, d) = (dims_from_py(shape)?, dtype_or_f32(dtype)?);
    run(py, numel(&dims), move || ems::rand(&dims, d))
}

/// Normal samples with a mean and standard deviation.
#[pyfunction]
pub fn normal(py: Python<'_>, mean: f64, std: f64, shape: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let dims = dims_from_py(shape)?;
    run(py, numel(&dims), move || ems::normal(mean, std, &dims))
}

/// Restarts the global generator.
#[pyfunction]
pub fn set_seed(seed: u64) {
    ems::set_seed(seed);
}

/// The seed in force.
#[pyfunction]
pub fn get_seed() -> u64 {
    ems::get_seed()
}

/// Joins tensors along an existing axis.
#[pyfunction]
#[pyo3(signature = (xs, axis=0))]
pub fn concat(py: Python<'_>, xs: &Bound<'_, PyAny>, axis: i64) -> PyResult<PyTensor> {
    let xs = tensors(xs)?;
    run(py, numel_of(&xs), move || ems::concat(&xs, axis))
}

/// Joins tensors along a new axis.
#[pyfunction]
#[pyo3(signature = (xs, axis=0))]
pub fn stack(py: Python<'_>, xs: &Bound<'_, PyAny>, axis: i64) -> PyResult<PyTensor> {
    let xs = tensors(xs)?;
    run(py, numel_of(&xs), move || ems::stack(&xs, axis))
}

/// Splits into equal sections (an int) or at indices (a sequence).
#[pyfunction]
#[pyo3(signature = (x, indices_or_sections, axis=0))]
pub fn split(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    indices_or_sections: &Bound<'_, PyAny>,
    axis: i64,
) -> PyResult<Vec<PyTensor>> {
    let x = tensor_from_data(x, None)?;
    let how = match indices_or_sections.extract::<usize>() {
        Ok(k) => Split::Sections(k),
        Err(_) => Split::Indices(indices_or_sections.extract()?),
    };
    let parts = maybe_allow_threads(py, x.numel(), move || ems::split(&x, how, axis)).py()?;
    Ok(parts.into_iter().map(PyTensor::new).collect())
}

/// `where(condition, x, y)` with broadcasting.
#[pyfunction]
pub fn where_(
    py: Python<'_>,
    cond: &Bound<'_, PyAny>,
    x: &Bound<'_, PyAny>,
    y: &Bound<'_, PyAny>,
) -> PyResult<PyTensor> {
    let op = |o: &Bound<'_, PyAny>| -> PyResult<ems::Operand> {
        crate::convert::operand(o)?.ok_or_else(|| type_err("where expects tensors or numbers"))
    };
    let (c, x, y) = (op(cond)?, op(x)?, op(y)?);
    let size = [&c, &x, &y]
        .iter()
        .map(|o| match o {
            ems::Operand::Tensor(t) => t.numel(),
            ems::Operand::Scalar(_) => 1,
        })
        .max()
        .unwrap_or(0);
    run(py, size, move || ems::where_(c, x, y))
}

/// `mindspore.numpy.dot`.
#[pyfunction]
pub fn dot(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let (a, b) = (tensor_from_data(a, None)?, tensor_from_data(b, None)?);
    run(py, a.numel() + b.numel(), move || ems::dot(&a, &b))
}

/// Matrix product (NumPy rules).
#[pyfunction]
pub fn matmul(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let (a, b) = (tensor_from_data(a, None)?, tensor_from_data(b, None)?);
    run(py, a.numel() + b.numel(), move || ems::matmul(&a, &b))
}

/// Elementwise maximum / minimum.
#[pyfunction]
pub fn maximum(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let (a, b) = (tensor_from_data(a, None)?, tensor_from_data(b, None)?);
    run(py, a.numel().max(b.numel()), move || ems::maximum(a, b))
}

/// Elementwise minimum.
#[pyfunction]
pub fn minimum(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let (a, b) = (tensor_from_data(a, None)?, tensor_from_data(b, None)?);
    run(py, a.numel().max(b.numel()), move || ems::minimum(a, b))
}

/// A vector or matrix norm (`ord`: None, 'fro', a number, or ±inf).
#[pyfunction]
#[pyo3(signature = (x, ord=None, axis=None, keepdims=false))]
pub fn norm(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    ord: Option<&Bound<'_, PyAny>>,
    axis: Option<&Bound<'_, PyAny>>,
    keepdims: bool,
) -> PyResult<PyTensor> {
    let x = tensor_from_data(x, None)?;
    let ord = match ord {
        None => NormOrd::Default,
        Some(o) if o.is_none() => NormOrd::Default,
        Some(o) => match o.extract::<String>() {
            Ok(s) if s == "fro" => NormOrd::Fro,
            Ok(s) => return Err(value_err(format!("For 'norm', ord '{s}' is not supported"))),
            Err(_) => {
                let p: f64 = o.extract()?;
                if p == f64::INFINITY {
                    NormOrd::Inf
                } else if p == f64::NEG_INFINITY {
                    NormOrd::NegInf
                } else {
                    NormOrd::P(p)
                }
            }
        },
    };
    let axes: Option<Vec<i64>> = match axis {
        Some(a) if !a.is_none() => Some(
            a.extract::<i64>()
                .map(|i| vec![i])
                .or_else(|_| a.extract())?,
        ),
        _ => None,
    };
    run(py, x.numel(), move || {
        ems::norm_with(&x, ord, axes.as_deref(), keepdims)
    })
}

/// The value with every derivative blocked.
#[pyfunction]
pub fn stop_gradient(x: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    wrap(ems::stop_gradient(&tensor_from_data(x, None)?))
}

/// Softmax along `axis`.
#[pyfunction]
#[pyo3(signature = (x, axis=-1))]
pub fn softmax(py: Python<'_>, x: &Bound<'_, PyAny>, axis: i64) -> PyResult<PyTensor> {
    let x = tensor_from_data(x, None)?;
    run(py, x.numel(), move || ems::softmax(&x, axis))
}

/// Log-softmax along `axis`.
#[pyfunction]
#[pyo3(signature = (x, axis=-1))]
pub fn log_softmax(py: Python<'_>, x: &Bound<'_, PyAny>, axis: i64) -> PyResult<PyTensor> {
    let x = tensor_from_data(x, None)?;
    run(py, x.numel(), move || ems::log_softmax(&x, axis))
}

/// `log(sum(exp(x)))` along `axis`.
#[pyfunction]
#[pyo3(signature = (x, axis=-1, keepdims=false))]
pub fn logsumexp(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: i64,
    keepdims: bool,
) -> PyResult<PyTensor> {
    let x = tensor_from_data(x, None)?;
    run(py, x.numel(), move || ems::logsumexp(&x, axis, keepdims))
}

/// Deliberately panics inside Rust: the tests use it to prove a panic never aborts Python.
#[pyfunction]
#[allow(clippy::panic)] // the point of this function
pub fn _panic_for_test() {
    panic!("deliberate panic for the boundary test");
}

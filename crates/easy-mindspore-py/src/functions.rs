//! Module-level functions of `easy_mindspore._C`: creation, joining, contraction, norms and the
//! seeded generator. Python-side wrappers (`easy_mindspore/__init__.py`) add MindSpore's defaults.

use crate::convert::{
    bool_arg, dims_from_py, dtype_from_py, float_arg, int_arg, operand, py_integer, scalar_from_py,
    size_arg, tensor_from_data, PyInteger,
};
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

fn scalar(obj: &Bound<'_, PyAny>, op: &str, what: &str) -> PyResult<Scalar> {
    scalar_from_py(obj, op)?.ok_or_else(|| {
        type_err(format!(
            "For '{op}', '{what}' must be a number, but got {}",
            crate::convert::type_label(obj)
        ))
    })
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
        scalar(start, "arange", "start")?,
        scalar(stop, "arange", "stop")?,
        scalar(step, "arange", "step")?,
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
        &dims_from_py(shape, "full")?,
        scalar(value, "full", "fill_value")?,
        dtype_from_py(dtype)?,
    ))
}

/// An `n × m` identity-like matrix.
#[pyfunction]
#[pyo3(signature = (n, m, dtype))]
pub fn eye(
    n: &Bound<'_, PyAny>,
    m: Option<&Bound<'_, PyAny>>,
    dtype: &Bound<'_, PyAny>,
) -> PyResult<PyTensor> {
    let n = size_arg(n, "eye", "n")?;
    let m = match m {
        Some(m) if !m.is_none() => Some(size_arg(m, "eye", "m")?),
        _ => None,
    };
    wrap(ems::eye(n, m, dtype_from_py(dtype)?))
}

/// `num` evenly spaced values from `start` to `stop`.
#[pyfunction]
pub fn linspace(
    start: &Bound<'_, PyAny>,
    stop: &Bound<'_, PyAny>,
    num: &Bound<'_, PyAny>,
    dtype: &Bound<'_, PyAny>,
) -> PyResult<PyTensor> {
    let (start, stop) = (
        float_arg(start, "linspace", "start")?,
        float_arg(stop, "linspace", "stop")?,
    );
    let num = size_arg(num, "linspace", "num")?;
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
    let (dims, d) = (dims_from_py(shape, "randn")?, dtype_or_f32(dtype)?);
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
    let (dims, d) = (dims_from_py(shape, "rand")?, dtype_or_f32(dtype)?);
    run(py, numel(&dims), move || ems::rand(&dims, d))
}

/// Normal samples with a mean and standard deviation.
#[pyfunction]
pub fn normal(
    py: Python<'_>,
    mean: &Bound<'_, PyAny>,
    std: &Bound<'_, PyAny>,
    shape: &Bound<'_, PyAny>,
) -> PyResult<PyTensor> {
    let (mean, std) = (
        float_arg(mean, "normal", "mean")?,
        float_arg(std, "normal", "std")?,
    );
    let dims = dims_from_py(shape, "normal")?;
    run(py, numel(&dims), move || ems::normal(mean, std, &dims))
}

/// Restarts the global generator (`seed`: an int in `[0, 2**64)`).
#[pyfunction]
pub fn set_seed(seed: &Bound<'_, PyAny>) -> PyResult<()> {
    let bad = || {
        value_err(format!(
            "For 'set_seed', the 'seed' must be an int in [0, 2**64), but got {}",
            seed.str().map(|s| s.to_string()).unwrap_or_default()
        ))
    };
    if seed.is_instance_of::<pyo3::types::PyBool>() {
        return Err(type_err(
            "For 'set_seed', the 'seed' must be an int, but got a bool",
        ));
    }
    let s = match py_integer(seed) {
        PyInteger::NotInt => {
            return Err(type_err(format!(
                "For 'set_seed', the 'seed' must be an int, but got {}",
                crate::convert::type_label(seed)
            )))
        }
        // Within int64 but negative, or past it: only `[2**63, 2**64)` is a seed.
        PyInteger::Fits(i) => u64::try_from(i).map_err(|_| bad())?,
        PyInteger::TooBig(_) => seed.extract::<u64>().map_err(|_| bad())?,
    };
    ems::set_seed(s);
    Ok(())
}

/// The seed in force.
#[pyfunction]
pub fn get_seed() -> u64 {
    ems::get_seed()
}

/// The global generator's state `(seed, counter)`: the default key, an Int64 `[seed, counter]`
/// (the counter counts the Philox blocks drawn). With [`set_rng_state`] it lets the front keep
/// several generators (MindSpore's `Generator`) over the one key, swapping its state around a draw.
#[pyfunction]
pub fn rng_state() -> (u64, u64) {
    match ems::random::default_key().get().to_vec::<i64>().as_slice() {
        [seed, counter] => (*seed as u64, *counter as u64),
        _ => (ems::random::DEFAULT_SEED, 0),
    }
}

/// Sets the global generator's state to `(seed, counter)`: the draws continue from there.
#[pyfunction]
pub fn set_rng_state(seed: u64, counter: u64) {
    ems::random::default_key().set(Tensor::from_slice(&[seed as i64, counter as i64]));
}

/// An optional axis argument of `op`: `default` when absent or `None`.
fn axis_or(axis: Option<&Bound<'_, PyAny>>, op: &str, default: i64) -> PyResult<i64> {
    match axis {
        Some(a) if !a.is_none() => int_arg(a, op, "axis"),
        _ => Ok(default),
    }
}

/// Joins tensors along an existing axis.
#[pyfunction]
#[pyo3(signature = (xs, axis=None))]
pub fn concat(
    py: Python<'_>,
    xs: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let (xs, axis) = (tensors(xs)?, axis_or(axis, "Concat", 0)?);
    run(py, numel_of(&xs), move || ems::concat(&xs, axis))
}

/// Joins tensors along a new axis.
#[pyfunction]
#[pyo3(signature = (xs, axis=None))]
pub fn stack(
    py: Python<'_>,
    xs: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let (xs, axis) = (tensors(xs)?, axis_or(axis, "Stack", 0)?);
    run(py, numel_of(&xs), move || ems::stack(&xs, axis))
}

/// A split count, size or position: an int within int64, or, past it, the nearest one (every
/// axis is shorter, so the split is the same).
fn split_int(obj: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
    Ok(match py_integer(obj) {
        PyInteger::Fits(i) => Some(i),
        PyInteger::TooBig(_) => Some(if obj.lt(0)? { i64::MIN } else { i64::MAX }),
        PyInteger::NotInt => None,
    })
}

/// How to split, from NumPy's `indices_or_sections` (an int: equal sections; a sequence: split
/// positions) or, with `sizes`, MindSpore's `split_size_or_sections` (an int: the size of each
/// part; a sequence: the sizes of the parts).
fn split_how(arg: &Bound<'_, PyAny>, sizes: bool) -> PyResult<Split> {
    let name = if sizes {
        "split_size_or_sections"
    } else {
        "indices_or_sections"
    };
    let bad_type = || {
        type_err(format!(
            "For 'split', '{name}' must be an int or a tuple/list of ints, but got {}",
            crate::convert::type_label(arg)
        ))
    };
    let positive = |i: i64| {
        usize::try_from(i).ok().filter(|&k| k > 0).ok_or_else(|| {
            value_err(format!(
                "For 'split', the value of '{name}' must be more than zero, but got {i}"
            ))
        })
    };
    if !arg.is_instance_of::<pyo3::types::PyBool>() {
        if let Some(i) = split_int(arg)? {
            let k = positive(i)?;
            return Ok(if sizes {
                Split::Size(k)
            } else {
                Split::Sections(k)
            });
        }
    }
    if !(arg.is_instance_of::<pyo3::types::PyList>()
        || arg.is_instance_of::<pyo3::types::PyTuple>())
    {
        return Err(bad_type());
    }
    let mut v = Vec::with_capacity(arg.len()?);
    for item in arg.try_iter()? {
        v.push(split_int(&item?)?.ok_or_else(bad_type)?);
    }
    if !sizes {
        return Ok(Split::Indices(v));
    }
    let sizes = v
        .iter()
        .map(|&i| usize::try_from(i))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| {
            value_err(format!(
                "For 'split', each element in '{name}' must be non-negative, but got {v:?}"
            ))
        })?;
    Ok(Split::Sizes(sizes))
}

/// Splits `x` along `axis`: into equal sections (an int) or at indices (a sequence), as NumPy;
/// with `sizes`, into parts of a size (an int) or of sizes (a sequence), as MindSpore's
/// `ops.split`.
#[pyfunction]
#[pyo3(signature = (x, indices_or_sections, axis=None, sizes=false))]
pub fn split(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    indices_or_sections: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    sizes: bool,
) -> PyResult<Vec<PyTensor>> {
    let x = tensor_from_data(x, None)?;
    let how = split_how(indices_or_sections, sizes)?;
    let axis = axis_or(axis, "Split", 0)?;
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
        crate::convert::operand(o, "Where")?.ok_or_else(|| {
            type_err(format!(
                "For 'Where', the arguments must be tensors or numbers, but got {}",
                crate::convert::type_label(o)
            ))
        })
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

/// The two operands of an elementwise op: tensors, or Python numbers as weak scalars (they take
/// the tensor's dtype where it holds them, as with `+`: `maximum(uint8, 2)` is UInt8); lists
/// become tensors. Two numbers make the first a tensor.
fn weak_operands(
    op: &str,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
) -> PyResult<(ems::Operand, ems::Operand, usize)> {
    let one = |x: &Bound<'_, PyAny>| -> PyResult<ems::Operand> {
        Ok(match operand(x, op)? {
            Some(o) => o,
            None => ems::Operand::Tensor(tensor_from_data(x, None)?),
        })
    };
    let (mut x, y) = (one(a)?, one(b)?);
    if let (ems::Operand::Scalar(_), ems::Operand::Scalar(_)) = (&x, &y) {
        x = ems::Operand::Tensor(tensor_from_data(a, None)?);
    }
    let size = |o: &ems::Operand| match o {
        ems::Operand::Tensor(t) => t.numel(),
        ems::Operand::Scalar(_) => 1,
    };
    let n = size(&x).max(size(&y));
    Ok((x, y, n))
}

/// Elementwise maximum (a Python number is a weak scalar, as with `+`).
#[pyfunction]
pub fn maximum(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let (a, b, n) = weak_operands("Maximum", a, b)?;
    run(py, n, move || ems::maximum(a, b))
}

/// Elementwise minimum (a Python number is a weak scalar, as with `+`).
#[pyfunction]
pub fn minimum(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let (a, b, n) = weak_operands("Minimum", a, b)?;
    run(py, n, move || ems::minimum(a, b))
}

/// `atan(x)`, elementwise (its own kernel, exact to the last bit).
#[pyfunction]
pub fn atan(py: Python<'_>, x: PyRef<'_, PyTensor>) -> PyResult<PyTensor> {
    let x = x.value();
    run(py, x.numel(), move || ems::atan(&x))
}

/// `sinh(x)`, elementwise (its own kernel: accurate near 0).
#[pyfunction]
pub fn sinh(py: Python<'_>, x: PyRef<'_, PyTensor>) -> PyResult<PyTensor> {
    let x = x.value();
    run(py, x.numel(), move || ems::sinh(&x))
}

/// A vector or matrix norm (`ord`: None, 'fro', a number, or ±inf).
#[pyfunction]
#[pyo3(signature = (x, ord=None, axis=None, keepdims=None))]
pub fn norm(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    ord: Option<&Bound<'_, PyAny>>,
    axis: Option<&Bound<'_, PyAny>>,
    keepdims: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let keepdims = bool_arg(keepdims, "norm", "keepdims", false)?;
    let x = tensor_from_data(x, None)?;
    let ord = match ord {
        None => NormOrd::Default,
        Some(o) if o.is_none() => NormOrd::Default,
        Some(o) => match o.extract::<String>() {
            Ok(s) if s == "fro" => NormOrd::Fro,
            Ok(s) => return Err(value_err(format!("For 'norm', ord '{s}' is not supported"))),
            Err(_) => {
                let p = float_arg(o, "norm", "ord")?;
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
    let axes: Option<Vec<i64>> = match crate::convert::axes_from_py(axis)? {
        ems::Axes::All => None,
        ems::Axes::List(v) => Some(v),
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
#[pyo3(signature = (x, axis=None))]
pub fn softmax(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let (x, axis) = (tensor_from_data(x, None)?, axis_or(axis, "Softmax", -1)?);
    run(py, x.numel(), move || ems::softmax(&x, axis))
}

/// Layer normalisation over the axes from `axis` on (the fused `LayerNorm` primitive; scale and
/// shift are the caller's).
#[pyfunction]
#[pyo3(signature = (x, axis, eps))]
pub fn layer_norm(py: Python<'_>, x: &Bound<'_, PyAny>, axis: i64, eps: f64) -> PyResult<PyTensor> {
    let x = tensor_from_data(x, None)?;
    run(py, x.numel(), move || ems::layer_norm(&x, axis, eps))
}

/// Scaled dot-product attention `softmax(scale·q·kᵀ + mask)·v` of a batch of matrices (the
/// fused `Attention` primitive): q `[B, L, D]`, k `[B, S, D]`, v `[B, S, E]` and an optional
/// additive float mask `[Bm, Lm, Sm]`, each axis 1 or the scores'. Returns the output
/// `[B, L, E]` (a view of elements stored `[L, B, E]`) and the probabilities `[B, L, S]`.
#[pyfunction]
#[pyo3(signature = (q, k, v, mask, scale))]
pub fn attention(
    py: Python<'_>,
    q: &Bound<'_, PyAny>,
    k: &Bound<'_, PyAny>,
    v: &Bound<'_, PyAny>,
    mask: Option<&Bound<'_, PyAny>>,
    scale: &Bound<'_, PyAny>,
) -> PyResult<(PyTensor, PyTensor)> {
    let (q, k, v) = (
        tensor_from_data(q, None)?,
        tensor_from_data(k, None)?,
        tensor_from_data(v, None)?,
    );
    let mask = match mask {
        Some(m) if !m.is_none() => Some(tensor_from_data(m, None)?),
        _ => None,
    };
    let scale = float_arg(scale, "Attention", "scale")?;
    let size = numel_of(&[q.clone(), k.clone(), v.clone()]);
    let (o, p) = maybe_allow_threads(py, size, move || {
        ems::prim::attention(&q, &k, &v, mask.as_ref(), scale)
    })
    .py()?;
    Ok((PyTensor::new(o), PyTensor::new(p)))
}

/// Log-softmax along `axis`.
#[pyfunction]
#[pyo3(signature = (x, axis=None))]
pub fn log_softmax(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let (x, axis) = (tensor_from_data(x, None)?, axis_or(axis, "LogSoftmax", -1)?);
    run(py, x.numel(), move || ems::log_softmax(&x, axis))
}

/// `log(sum(exp(x)))` along `axis`.
#[pyfunction]
#[pyo3(signature = (x, axis=None, keepdims=None))]
pub fn logsumexp(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    keepdims: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let keepdims = bool_arg(keepdims, "LogSumExp", "keepdims", false)?;
    let axis = axis_or(axis, "LogSumExp", -1)?;
    let x = tensor_from_data(x, None)?;
    run(py, x.numel(), move || ems::logsumexp(&x, axis, keepdims))
}

/// The values of `x` sorted along `axis` and their Int32 indices (stable; NaN largest).
#[pyfunction]
#[pyo3(signature = (x, axis=None, descending=None))]
pub fn sort(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    descending: Option<&Bound<'_, PyAny>>,
) -> PyResult<(PyTensor, PyTensor)> {
    let descending = bool_arg(descending, "Sort", "descending", false)?;
    let (x, axis) = (tensor_from_data(x, None)?, axis_or(axis, "Sort", -1)?);
    pair(maybe_allow_threads(py, x.numel(), move || {
        ems::sort(&x, axis, descending)
    }))
}

/// The `k` largest (or smallest) elements of `x` along `axis` and their Int32 indices.
#[pyfunction]
#[pyo3(signature = (x, k, axis=None, largest=None))]
pub fn topk(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    k: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
    largest: Option<&Bound<'_, PyAny>>,
) -> PyResult<(PyTensor, PyTensor)> {
    let largest = bool_arg(largest, "TopK", "largest", true)?;
    let (k, axis) = (int_arg(k, "TopK", "k")?, axis_or(axis, "TopK", -1)?);
    let x = tensor_from_data(x, None)?;
    pair(maybe_allow_threads(py, x.numel(), move || {
        ems::topk(&x, k, axis, largest)
    }))
}

fn pair(r: ems::Result<(Tensor, Tensor)>) -> PyResult<(PyTensor, PyTensor)> {
    r.py().map(|(a, b)| (PyTensor::new(a), PyTensor::new(b)))
}

/// `x` gathered along `axis` at `index` (NumPy's `take_along_axis`).
#[pyfunction]
pub fn gather_elements(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    axis: &Bound<'_, PyAny>,
    index: &Bound<'_, PyAny>,
) -> PyResult<PyTensor> {
    let axis = int_arg(axis, "GatherElements", "dim")?;
    let (x, index) = (tensor_from_data(x, None)?, tensor_from_data(index, None)?);
    run(py, index.numel(), move || {
        ems::gather_elements(&x, axis, &index)
    })
}

/// `x` broadcast to `shape` (NumPy's rules; a view, no copy).
#[pyfunction]
pub fn broadcast_to(x: &Bound<'_, PyAny>, shape: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let dims = dims_from_py(shape, "BroadcastTo")?;
    wrap(ems::broadcast_to(&tensor_from_data(x, None)?, &dims))
}

/// Deliberately panics inside Rust: the tests use it to prove a panic never aborts Python.
#[pyfunction]
#[allow(clippy::panic)] // the point of this function
pub fn _panic_for_test() {
    panic!("deliberate panic for the boundary test");
}

/// Sets the number of threads of the CPU kernels (starts their pool with `n` threads; see
/// `easy_mindspore::device::cpu::set_num_threads`).
#[pyfunction]
pub fn set_num_threads(n: usize) -> PyResult<()> {
    ems::device::cpu::set_num_threads(n).py()
}

/// The number of threads of the CPU kernels (starts their pool when it has not started).
#[pyfunction]
pub fn num_threads() -> usize {
    ems::device::cpu::num_threads()
}

//! The native half of `easy_mindspore.nn`: `Parameter` (a Python tensor whose value lives in a
//! shared Rust `nn::Parameter`) and the Rust layers behind one class, `NativeCell`. A Python
//! `nn.Dense` holds a `NativeCell` and registers the Parameters it exposes, which share the Rust
//! layer's handles: the layer, the optimizer, the grad API and Python all see one value.
//!
//! Every layer's maths stays in the `easy-mindspore` crate; this file only converts arguments.

use crate::convert::{dtype_from_py, tensor_from_data, type_label};
use crate::errors::{type_err, value_err, IntoPy};
use crate::gil::run;
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::nn::{self, Cell, Initializer, Padding};
use ems::DType;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyTuple};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// MindSpore's `Parameter`: a Tensor with a name and `requires_grad`, backed by a shared handle.
/// `layerwise_parallel` and `parallel_optimizer` are MindSpore's sharding flags, kept for the
/// code that sets and reads them (one process trains with every parameter whole here).
#[pyclass(extends = PyTensor, subclass, frozen, module = "easy_mindspore", name = "Parameter")]
pub struct PyParameter {
    layerwise_parallel: AtomicBool,
    parallel_optimizer: AtomicBool,
}

impl PyParameter {
    fn flags(layerwise_parallel: bool, parallel_optimizer: bool) -> PyParameter {
        PyParameter {
            layerwise_parallel: AtomicBool::new(layerwise_parallel),
            parallel_optimizer: AtomicBool::new(parallel_optimizer),
        }
    }

    /// A new Python object for the shared parameter `p`.
    pub fn wrap(py: Python<'_>, p: nn::Parameter) -> PyResult<Py<PyParameter>> {
        Py::new(
            py,
            PyClassInitializer::from(PyTensor::from_param(p))
                .add_subclass(PyParameter::flags(false, true)),
        )
    }
}

/// A bool argument of `Parameter`, MindSpore's TypeError otherwise.
fn bool_arg(v: &Bound<'_, PyAny>, what: &str) -> PyResult<bool> {
    if !v.is_instance_of::<pyo3::types::PyBool>() {
        return Err(type_err(format!(
            "The argument `{what}` must be bool type."
        )));
    }
    v.extract()
}

/// The Rust parameter behind a Python object (an error naming `what` for a plain Tensor).
pub fn param_of(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<nn::Parameter> {
    if let Ok(t) = obj.downcast::<PyTensor>() {
        if let Some(p) = t.borrow().param() {
            return Ok(p);
        }
    }
    Err(type_err(format!(
        "{what}: expected a Parameter, but got {}",
        type_label(obj)
    )))
}

fn shared(slf: &PyRef<'_, PyParameter>) -> PyResult<nn::Parameter> {
    slf.as_super()
        .param()
        .ok_or_else(|| type_err("a Parameter without its handle"))
}

#[pymethods]
impl PyParameter {
    #[new]
    #[pyo3(signature = (default_input, name=None, requires_grad=true, layerwise_parallel=false, parallel_optimizer=true, storage_format="", device=None))]
    fn py_new(
        default_input: &Bound<'_, PyAny>,
        name: Option<&Bound<'_, PyAny>>,
        requires_grad: bool,
        layerwise_parallel: bool,
        parallel_optimizer: bool,
        storage_format: &str,
        device: Option<&str>,
    ) -> PyResult<PyClassInitializer<Self>> {
        // The device layout (Ascend's formats) and placement: the CPU's only.
        if !storage_format.is_empty() {
            return Err(value_err(format!(
                "For 'Parameter', 'storage_format' {storage_format:?} is an Ascend layout: only \
                 '' (the CPU's) is supported"
            )));
        }
        if let Some(d) = device.filter(|d| *d != "CPU") {
            return Err(value_err(format!(
                "For 'Parameter', 'device' must be 'CPU' or None, but got {d:?}"
            )));
        }
        if default_input.is_none() {
            return Err(type_err("For 'Parameter', 'default_input' must be given"));
        }
        // MindSpore 2.10: a ValueError for a name that is neither a str nor None.
        let name: Option<String> = match name {
            Some(n) if !n.is_none() => Some(n.extract().map_err(|_| {
                value_err(format!(
                    "The type of the Parameter's name should be 'string' or 'None', but got {}.",
                    type_label(n)
                ))
            })?),
            _ => None,
        };
        let name = parameter_name(name)?;
        // MindSpore 2.10: a bool is refused, a Python int makes an Int32 parameter.
        if default_input.is_instance_of::<PyBool>() {
            return Err(value_err("Parameter data can not be `bool`"));
        }
        let int_dtype = default_input
            .is_instance_of::<PyInt>()
            .then_some(DType::Int32);
        let value = tensor_from_data(default_input, int_dtype)?;
        let p = nn::Parameter::with_grad(value, &name, requires_grad);
        Ok(PyClassInitializer::from(PyTensor::from_param(p))
            .add_subclass(PyParameter::flags(layerwise_parallel, parallel_optimizer)))
    }

    /// MindSpore's layer-wise parallel flag (set, read; unused by one process).
    #[getter]
    fn layerwise_parallel(&self) -> bool {
        self.layerwise_parallel.load(Ordering::Relaxed)
    }
    #[setter]
    fn set_layerwise_parallel(&self, v: &Bound<'_, PyAny>) -> PyResult<()> {
        let v = bool_arg(v, "layerwise_parallel")?;
        self.layerwise_parallel.store(v, Ordering::Relaxed);
        Ok(())
    }
    /// MindSpore's optimizer-sharding flag (set, read; unused by one process).
    #[getter]
    fn parallel_optimizer(&self) -> bool {
        self.parallel_optimizer.load(Ordering::Relaxed)
    }
    #[setter]
    fn set_parallel_optimizer(&self, v: &Bound<'_, PyAny>) -> PyResult<()> {
        let v = bool_arg(v, "parallel_optimizer")?;
        self.parallel_optimizer.store(v, Ordering::Relaxed);
        Ok(())
    }

    #[getter]
    fn name(slf: PyRef<'_, Self>) -> PyResult<String> {
        Ok(shared(&slf)?.name())
    }
    #[setter]
    fn set_name(slf: PyRef<'_, Self>, name: Option<String>) -> PyResult<()> {
        shared(&slf)?.set_name(&parameter_name(name)?);
        Ok(())
    }
    #[getter]
    fn requires_grad(slf: PyRef<'_, Self>) -> PyResult<bool> {
        Ok(shared(&slf)?.requires_grad())
    }
    #[setter]
    fn set_requires_grad(slf: PyRef<'_, Self>, on: bool) -> PyResult<()> {
        shared(&slf)?.set_requires_grad(on);
        Ok(())
    }

    /// Rebinds the parameter to `data` (same shape), converted to the parameter's dtype as
    /// MindSpore 2.10 converts it (a Float64 value into a Float32 parameter, an Int64 one into
    /// Int32, a float Tensor into an integer parameter); only a Python float into an integer or
    /// bool parameter is MindSpore's TypeError. Returns self.
    fn set_data<'py>(
        slf: PyRef<'py, Self>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<PyRef<'py, Self>> {
        let current = shared(&slf)?.dtype();
        if data.is_instance_of::<PyFloat>() && !current.is_float() && !current.is_complex() {
            return Err(type_err(format!(
                "Incoming Parameter dtype can not be converted to current dtype implicitly. \
                 Current dtype is {current}, and incoming is Float. Use .set_dtype(xxx) to change \
                 the dtype."
            )));
        }
        let t = tensor_from_data(data, None)?;
        let t = if t.dtype() == current {
            t
        } else {
            ems::ops::cast(&t, current).py()?
        };
        slf.as_super().set_value(t).py()?;
        Ok(slf)
    }

    /// Converts the parameter's value to `dtype` in place (`Cell.to`): the one way its dtype
    /// changes (`set_data` converts the incoming value to the parameter's dtype).
    fn _convert(slf: PyRef<'_, Self>, dtype: &Bound<'_, PyAny>) -> PyResult<()> {
        shared(&slf)?.convert(dtype_from_py(dtype)?).py()
    }

    /// The current value as a plain Tensor.
    fn value(slf: PyRef<'_, Self>) -> PyTensor {
        PyTensor::new(slf.as_super().value())
    }

    /// MindSpore's `Parameter.data`: the parameter itself.
    #[getter]
    fn data(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// A new, independent parameter with the same value, name and `requires_grad`.
    fn clone(slf: PyRef<'_, Self>, py: Python<'_>) -> PyResult<Py<PyParameter>> {
        let p = shared(&slf)?;
        PyParameter::wrap(
            py,
            nn::Parameter::with_grad(p.value(), &p.name(), p.requires_grad()),
        )
    }

    /// True when both objects are the same shared parameter.
    fn _same(slf: PyRef<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let me = shared(&slf)?;
        Ok(param_of(other, "Parameter._same").is_ok_and(|o| o.same(&me)))
    }

    fn __repr__(slf: PyRef<'_, Self>) -> PyResult<String> {
        Ok(shared(&slf)?.to_string())
    }
    fn __str__(slf: PyRef<'_, Self>) -> PyResult<String> {
        Ok(shared(&slf)?.to_string())
    }
}

/// An initializer from Python: `None` (the layer's default), a name (`'normal'`, `'uniform'`,
/// `'xavier_uniform'`, `'he_uniform'`, `'zeros'`, `'ones'`), a number (a constant), or the spec
/// tuple of an `easy_mindspore.common.initializer` object (`('normal', sigma, mean)`, ...).
fn init_from_py(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Initializer>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let bad = || {
        type_err(format!(
            "{what}: unsupported initializer {}; use a name ('normal', 'uniform', \
             'xavier_uniform', 'he_uniform', 'zeros', 'ones'), a number, a Tensor or an \
             initializer object",
            type_label(obj)
        ))
    };
    if obj.is_instance_of::<pyo3::types::PyBool>() {
        return Err(bad());
    }
    if let Ok(v) = obj.extract::<f64>() {
        return Ok(Some(Initializer::Constant(v)));
    }
    let (name, args): (String, Vec<f64>) = if let Ok(s) = obj.extract::<String>() {
        (s, vec![])
    } else if let Ok(t) = obj.downcast::<PyTuple>() {
        let name: String = t.get_item(0)?.extract().map_err(|_| bad())?;
        let args = t
            .iter()
            .skip(1)
            .map(|a| a.extract::<f64>())
            .collect::<PyResult<Vec<_>>>()
            .map_err(|_| bad())?;
        (name, args)
    } else {
        return Err(bad());
    };
    let arg = |i: usize, default: f64| args.get(i).copied().unwrap_or(default);
    let init = match name.to_ascii_lowercase().replace('_', "").as_str() {
        "normal" => Initializer::Normal {
            sigma: arg(0, 0.01),
            mean: arg(1, 0.0),
        },
        "uniform" => Initializer::Uniform {
            scale: arg(0, 0.07),
        },
        "xavieruniform" => Initializer::XavierUniform { gain: arg(0, 1.0) },
        // The He rules' spec carries the nonlinearity's gain (`Initializer.gain` in Python).
        "heuniform" => Initializer::HeUniform {
            gain: arg(0, 2f64.sqrt()),
            fan_out: arg(1, 0.0) != 0.0,
        },
        "henormal" => Initializer::HeNormal {
            gain: arg(0, 2f64.sqrt()),
            fan_out: arg(1, 0.0) != 0.0,
        },
        "xaviernormal" => Initializer::XavierNormal { gain: arg(0, 1.0) },
        "truncatednormal" => Initializer::TruncatedNormal {
            sigma: arg(0, 0.01),
            mean: arg(1, 0.0),
            a: arg(2, -2.0),
            b: arg(3, 2.0),
        },
        "variancescaling" => Initializer::VarianceScaling {
            scale: arg(0, 1.0),
            mode: arg(1, 0.0) as u8,
            distribution: arg(2, 0.0) as u8,
        },
        "orthogonal" => Initializer::Orthogonal { gain: arg(0, 1.0) },
        "sparse" => Initializer::Sparse {
            sparsity: arg(0, 0.0),
            sigma: arg(1, 0.01),
        },
        "identity" | "eye" => Initializer::Identity,
        "dirac" => Initializer::Dirac {
            groups: arg(0, 1.0) as usize,
        },
        "zeros" | "zero" => Initializer::Zero,
        "ones" | "one" => Initializer::One,
        "constant" => Initializer::Constant(arg(0, 0.0)),
        _ => {
            return Err(value_err(format!(
                "{what}: unknown initializer '{name}'; expected one of 'normal', \
                 'truncatedNormal', 'uniform', 'xavier_uniform', 'xavier_normal', 'he_uniform', \
                 'he_normal', 'orthogonal', 'identity', 'dirac', 'zeros', 'ones'"
            )))
        }
    };
    Ok(Some(init))
}

fn float_dtype(dtype: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<DType> {
    let d = match dtype {
        Some(d) if !d.is_none() => dtype_from_py(d)?,
        _ => DType::Float32,
    };
    if !d.is_float() {
        return Err(type_err(format!(
            "{what}: the parameter dtype must be a float type, got {d}"
        )));
    }
    Ok(d)
}

/// The seed of one initializer call, taken by calling `seeds` (the Python front's source,
/// MindSpore's `_numpy_seed`) when the rule draws random values; `None` stands for a layer's
/// default rule, which does.
fn seed_for(seeds: Option<&Bound<'_, PyAny>>, init: Option<&Initializer>) -> PyResult<Option<u64>> {
    match seeds {
        Some(f) if !f.is_none() && init.is_none_or(Initializer::is_random) => {
            Ok(Some(f.call0()?.extract::<u64>()?))
        }
        _ => Ok(None),
    }
}

/// Draws `init` for a tensor of `shape`, a random rule from a seed taken from `seeds` (else
/// from the engine's key).
#[pyfunction]
#[pyo3(signature = (init, shape, dtype=None, seeds=None))]
pub fn initializer(
    init: &Bound<'_, PyAny>,
    shape: Vec<usize>,
    dtype: Option<&Bound<'_, PyAny>>,
    seeds: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let d = float_dtype(dtype, "initializer")?;
    let i = init_from_py(Some(init), "initializer")?
        .ok_or_else(|| type_err("initializer: init must not be None"))?;
    let seed = seed_for(seeds, Some(&i))?;
    i.init_with(&shape, d, &mut nn::seed_or_next(seed))
        .py()
        .map(PyTensor::new)
}

/// A Rust layer (or a sequence of them), called from Python.
#[pyclass(module = "easy_mindspore._C", name = "NativeCell", frozen)]
pub struct NativeCell {
    cell: Box<dyn Cell>,
}

fn native(cell: impl Cell + 'static) -> NativeCell {
    NativeCell {
        cell: Box::new(cell),
    }
}

#[pymethods]
impl NativeCell {
    fn __call__(&self, py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        let x = x.downcast::<PyTensor>().map_err(|_| {
            type_err(format!(
                "For '{}', the input must be a Tensor, but got {}",
                self.cell.cls_name(),
                type_label(x)
            ))
        })?;
        let x = x.borrow().value();
        run(py, x.numel(), || self.cell.call(&x))
    }

    /// The layer's own parameters as `(attribute name, Parameter)`; each call makes new Python
    /// objects sharing the same handles.
    fn params(&self, py: Python<'_>) -> PyResult<Vec<(String, Py<PyParameter>)>> {
        self.cell
            .params()
            .into_iter()
            .map(|(n, p)| Ok((n, PyParameter::wrap(py, p)?)))
            .collect()
    }

    fn set_train(&self, mode: bool) {
        self.cell.set_train(mode);
    }

    /// MindSpore's `extend_repr` text of the layer.
    fn extend_repr(&self) -> String {
        self.cell.extend_repr()
    }

    #[getter]
    fn cls_name(&self) -> &'static str {
        self.cell.cls_name()
    }
}

/// `nn.Dense`'s Rust layer (the activation is applied by the Python cell).
#[pyfunction]
#[pyo3(signature = (in_channels, out_channels, has_bias=true, weight_init=None, bias_init=None, dtype=None, seeds=None))]
pub fn dense(
    in_channels: usize,
    out_channels: usize,
    has_bias: bool,
    weight_init: Option<&Bound<'_, PyAny>>,
    bias_init: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
    seeds: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeCell> {
    let mut o = nn::DenseOptions {
        has_bias,
        weight_init: init_from_py(weight_init, "Dense weight_init")?,
        bias_init: init_from_py(bias_init, "Dense bias_init")?,
        activation: None,
        dtype: float_dtype(dtype, "Dense")?,
        init_seeds: [None; 2],
    };
    o.init_seeds = init_seeds(seeds, o.weight_init, o.bias_init, has_bias)?;
    nn::Dense::with_options(in_channels, out_channels, o)
        .py()
        .map(native)
}

fn padding(op: &str, pad_mode: &str, pads: [usize; 4]) -> PyResult<Padding> {
    match pad_mode.to_ascii_lowercase().as_str() {
        "same" | "valid" if pads != [0; 4] => Err(value_err(format!(
            "For '{op}', padding must be 0 when pad_mode is '{pad_mode}', got {pads:?}"
        ))),
        "same" => Ok(Padding::Same),
        "valid" => Ok(Padding::Valid),
        "pad" => Ok(Padding::Pad(pads)),
        _ => Err(value_err(format!(
            "For '{op}', pad_mode must be 'same', 'valid' or 'pad', but got '{pad_mode}'"
        ))),
    }
}

/// The seeds of a layer's weight and bias initializers, in MindSpore's order (the weight's
/// first; the bias's only when there is a bias).
fn init_seeds(
    seeds: Option<&Bound<'_, PyAny>>,
    weight: Option<Initializer>,
    bias: Option<Initializer>,
    has_bias: bool,
) -> PyResult<[Option<u64>; 2]> {
    let w = seed_for(seeds, weight.as_ref())?;
    let b = if has_bias {
        seed_for(seeds, bias.as_ref())?
    } else {
        None
    };
    Ok([w, b])
}

/// The options both convolutions take, checked and named after `op`.
#[allow(clippy::too_many_arguments)] // the convolutions' own arguments, passed through
fn conv_options(
    op: &'static str,
    stride: (usize, usize),
    pad_mode: &str,
    pads: [usize; 4],
    dilation: (usize, usize),
    group: usize,
    has_bias: bool,
    weight_init: Option<&Bound<'_, PyAny>>,
    bias_init: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
    seeds: Option<&Bound<'_, PyAny>>,
) -> PyResult<nn::Conv2dOptions> {
    let mut o = nn::Conv2dOptions {
        stride,
        padding: padding(op, pad_mode, pads)?,
        dilation,
        group,
        has_bias,
        weight_init: init_from_py(weight_init, &format!("{op} weight_init"))?,
        bias_init: init_from_py(bias_init, &format!("{op} bias_init"))?,
        dtype: float_dtype(dtype, op)?,
        init_seeds: [None; 2],
    };
    o.init_seeds = init_seeds(seeds, o.weight_init, o.bias_init, has_bias)?;
    Ok(o)
}

/// `nn.Conv2d`'s Rust layer; `padding` is `(top, bottom, left, right)`.
#[pyfunction]
#[pyo3(signature = (in_channels, out_channels, kernel_size, stride, pad_mode, padding_, dilation, group, has_bias, weight_init=None, bias_init=None, dtype=None, seeds=None))]
#[allow(clippy::too_many_arguments)] // mirrors MindSpore's Conv2d signature
pub fn conv2d(
    in_channels: usize,
    out_channels: usize,
    kernel_size: (usize, usize),
    stride: (usize, usize),
    pad_mode: &str,
    padding_: [usize; 4],
    dilation: (usize, usize),
    group: usize,
    has_bias: bool,
    weight_init: Option<&Bound<'_, PyAny>>,
    bias_init: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
    seeds: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeCell> {
    let o = conv_options(
        "Conv2d",
        stride,
        pad_mode,
        padding_,
        dilation,
        group,
        has_bias,
        weight_init,
        bias_init,
        dtype,
        seeds,
    )?;
    nn::Conv2d::with_options(in_channels, out_channels, kernel_size, o)
        .py()
        .map(native)
}

/// `nn.Conv2dTranspose`'s Rust layer; `padding` is `(top, bottom, left, right)`.
#[pyfunction]
#[pyo3(signature = (in_channels, out_channels, kernel_size, stride, pad_mode, padding_, output_padding, dilation, group, has_bias, weight_init=None, bias_init=None, dtype=None, seeds=None))]
#[allow(clippy::too_many_arguments)] // mirrors MindSpore's Conv2dTranspose signature
pub fn conv2d_transpose(
    in_channels: usize,
    out_channels: usize,
    kernel_size: (usize, usize),
    stride: (usize, usize),
    pad_mode: &str,
    padding_: [usize; 4],
    output_padding: (usize, usize),
    dilation: (usize, usize),
    group: usize,
    has_bias: bool,
    weight_init: Option<&Bound<'_, PyAny>>,
    bias_init: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
    seeds: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeCell> {
    let o = conv_options(
        "Conv2dTranspose",
        stride,
        pad_mode,
        padding_,
        dilation,
        group,
        has_bias,
        weight_init,
        bias_init,
        dtype,
        seeds,
    )?;
    nn::Conv2dTranspose::with_options(in_channels, out_channels, kernel_size, o, output_padding)
        .py()
        .map(native)
}

/// `nn.MaxPool2d` (`avg = false`) or `nn.AvgPool2d`'s Rust layer.
#[pyfunction]
#[pyo3(signature = (avg, kernel_size, stride, pad_mode, padding_, count_include_pad=true))]
pub fn pool2d(
    avg: bool,
    kernel_size: (usize, usize),
    stride: (usize, usize),
    pad_mode: &str,
    padding_: [usize; 4],
    count_include_pad: bool,
) -> PyResult<NativeCell> {
    let op = if avg { "AvgPool2d" } else { "MaxPool2d" };
    let pad = padding(op, pad_mode, padding_)?;
    if avg {
        nn::AvgPool2d::with_options(kernel_size, stride, pad, count_include_pad)
            .py()
            .map(native)
    } else {
        nn::MaxPool2d::with_options(kernel_size, stride, pad)
            .py()
            .map(native)
    }
}

/// `nn.BatchNorm1d` (`dims = 1`) or `nn.BatchNorm2d`'s Rust layer.
#[pyfunction]
#[pyo3(signature = (dims, num_features, eps, momentum, affine, gamma_init, beta_init, moving_mean_init, moving_var_init, dtype=None))]
#[allow(clippy::too_many_arguments)] // mirrors MindSpore's BatchNorm signature
pub fn batch_norm(
    dims: usize,
    num_features: usize,
    eps: f64,
    momentum: f64,
    affine: bool,
    gamma_init: &Bound<'_, PyAny>,
    beta_init: &Bound<'_, PyAny>,
    moving_mean_init: &Bound<'_, PyAny>,
    moving_var_init: &Bound<'_, PyAny>,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeCell> {
    let op = if dims == 1 {
        "BatchNorm1d"
    } else {
        "BatchNorm2d"
    };
    let req = |o: &Bound<'_, PyAny>, what: &str| -> PyResult<Initializer> {
        init_from_py(Some(o), &format!("{op} {what}"))?
            .ok_or_else(|| type_err(format!("For '{op}', {what} must not be None")))
    };
    let o = nn::BatchNormOptions {
        eps,
        momentum,
        affine,
        gamma_init: req(gamma_init, "gamma_init")?,
        beta_init: req(beta_init, "beta_init")?,
        moving_mean_init: req(moving_mean_init, "moving_mean_init")?,
        moving_var_init: req(moving_var_init, "moving_var_init")?,
        dtype: float_dtype(dtype, op)?,
    };
    match dims {
        1 => nn::BatchNorm1d::with_options(num_features, o)
            .py()
            .map(native),
        2 => nn::BatchNorm2d::with_options(num_features, o)
            .py()
            .map(native),
        _ => Err(value_err(format!(
            "BatchNorm: dims must be 1 or 2, got {dims}"
        ))),
    }
}

/// `nn.ReLU`'s Rust layer.
#[pyfunction]
pub fn relu_cell() -> NativeCell {
    native(nn::ReLU::new())
}

/// `nn.Sigmoid`'s Rust layer.
#[pyfunction]
pub fn sigmoid_cell() -> NativeCell {
    native(nn::Sigmoid::new())
}

/// `nn.Tanh`'s Rust layer.
#[pyfunction]
pub fn tanh_cell() -> NativeCell {
    native(nn::Tanh::new())
}

/// `nn.Softmax`'s Rust layer, along `axis`.
#[pyfunction]
#[pyo3(signature = (axis=-1))]
pub fn softmax_cell(axis: i64) -> NativeCell {
    native(nn::Softmax::new(axis))
}

/// `nn.LogSoftmax`'s Rust layer, along `axis`.
#[pyfunction]
#[pyo3(signature = (axis=-1))]
pub fn log_softmax_cell(axis: i64) -> NativeCell {
    native(nn::LogSoftmax::new(axis))
}

/// `nn.Flatten`'s Rust layer (every axis after the batch axis merged).
#[pyfunction]
pub fn flatten_cell() -> NativeCell {
    native(nn::Flatten::new())
}

/// `nn.Dropout`'s Rust layer, dropping with probability `p`.
#[pyfunction]
pub fn dropout(p: f64) -> PyResult<NativeCell> {
    nn::Dropout::new(p).py().map(native)
}

/// The number the next generated parameter name takes. MindSpore 2.10 numbers its unnamed
/// parameters `Parameter#0`, `#1`... and its import makes the first two, so a user's first
/// unnamed parameter is `Parameter#2` there; this counter starts where a user sees it start.
static NEXT_GENERATED_NAME: AtomicU64 = AtomicU64::new(2);

/// A parameter's name as MindSpore 2.10 sets it: stripped of surrounding whitespace; none (or an
/// empty one) generates `Parameter#N`; more than 1024 characters is a ValueError.
fn parameter_name(name: Option<String>) -> PyResult<String> {
    let name = name.map(|n| n.trim().to_string()).unwrap_or_default();
    if name.is_empty() {
        let n = NEXT_GENERATED_NAME.fetch_add(1, Ordering::Relaxed);
        return Ok(format!("Parameter#{n}"));
    }
    if name.chars().count() > 1024 {
        return Err(value_err(format!(
            "The length of the '{name}' name should be less than 1024."
        )));
    }
    Ok(name)
}

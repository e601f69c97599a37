//! The native half of `easy_mindspore.nn`'s losses and optimizers: thin wrappers over
//! `easy_mindspore::nn::loss` and `easy_mindspore::nn::optim`. An optimizer steps the shared
//! Rust handles of the Python `Parameter`s it was given and reads its learning rate from the
//! Python `learning_rate` Parameter it shares ([`optim_group`]); its state (momentum buffers,
//! moments, step count) lives in Parameters of its own, so a step inside `jit` is replayed by the
//! graph, and a new rate (fixed, or written by a schedule at each step) needs no new trace.

use crate::convert::type_label;
use crate::errors::{type_err, value_err, IntoPy};
use crate::gil::{maybe_allow_threads, numel_of};
use crate::handle::PyTensor;
use crate::nn::{param_of, PyParameter};
use easy_mindspore as ems;
use ems::nn::loss::{
    BCEWithLogitsLoss, CrossEntropyLoss, L1Loss, LossFn, MSELoss, Reduction,
    SoftmaxCrossEntropyWithLogits,
};
use ems::nn::optim::{
    AdaFactor, AdaFactorOptions, AdaMax, Adadelta, Adagrad, Adam, AdamW, AdamWeightDecay, Group,
    Lamb, ProximalAdagrad, RMSProp, Rprop, ASGD, FTRL, SGD,
};
use ems::nn::{Optimizer, Parameter};
use ems::Tensor;
use pyo3::prelude::*;
use std::sync::Mutex;

/// MindSpore's `reduction` argument (`'mean'`, `'sum'` or `'none'`) of the loss `op`.
fn parse_reduction(r: &str, op: &str) -> PyResult<Reduction> {
    match r {
        "mean" => Ok(Reduction::Mean),
        "sum" => Ok(Reduction::Sum),
        "none" => Ok(Reduction::None),
        _ => Err(value_err(format!(
            "For '{op}', reduction must be 'mean', 'sum' or 'none', but got '{r}'"
        ))),
    }
}

fn tensor_arg(x: &Bound<'_, PyAny>, op: &str, what: &str) -> PyResult<Tensor> {
    x.downcast::<PyTensor>()
        .map(|t| t.borrow().value())
        .map_err(|_| {
            type_err(format!(
                "For '{op}', {what} must be a Tensor, but got {}",
                type_label(x)
            ))
        })
}

fn opt_tensor(x: Option<&Bound<'_, PyAny>>, op: &str, what: &str) -> PyResult<Option<Tensor>> {
    match x {
        Some(x) if !x.is_none() => tensor_arg(x, op, what).map(Some),
        _ => Ok(None),
    }
}

/// A loss function of the `easy-mindspore` crate. Each loss has its own constructor with
/// MindSpore's named arguments ([`mse_loss`], [`l1_loss`], [`softmax_cross_entropy_with_logits`],
/// [`cross_entropy_loss`], [`bce_with_logits_loss`]).
#[pyclass(module = "easy_mindspore._C", name = "NativeLoss", frozen)]
pub struct NativeLoss {
    loss: Box<dyn LossFn + Send + Sync>,
}

fn native_loss(loss: impl LossFn + Send + Sync + 'static) -> NativeLoss {
    NativeLoss {
        loss: Box::new(loss),
    }
}

#[pymethods]
impl NativeLoss {
    fn __call__(&self, logits: &Bound<'_, PyAny>, labels: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        let f = &*self.loss;
        let op = f.cls_name();
        let x = tensor_arg(logits, op, "logits")?;
        let y = tensor_arg(labels, op, "labels")?;
        f.call(&x, &y).py().map(PyTensor::new)
    }
}

/// `nn.MSELoss`: `(x - y)²`, reduced.
#[pyfunction]
#[pyo3(signature = (reduction="mean"))]
pub fn mse_loss(reduction: &str) -> PyResult<NativeLoss> {
    let r = parse_reduction(reduction, "MSELoss")?;
    Ok(native_loss(MSELoss::with_reduction(r)))
}

/// `nn.L1Loss`: `|x - y|`, reduced.
#[pyfunction]
#[pyo3(signature = (reduction="mean"))]
pub fn l1_loss(reduction: &str) -> PyResult<NativeLoss> {
    let r = parse_reduction(reduction, "L1Loss")?;
    Ok(native_loss(L1Loss::with_reduction(r)))
}

/// `nn.SoftmaxCrossEntropyWithLogits` (MindSpore's defaults: not sparse, no reduction).
#[pyfunction]
#[pyo3(signature = (sparse=false, reduction="none"))]
pub fn softmax_cross_entropy_with_logits(sparse: bool, reduction: &str) -> PyResult<NativeLoss> {
    let r = parse_reduction(reduction, "SoftmaxCrossEntropyWithLogits")?;
    Ok(native_loss(SoftmaxCrossEntropyWithLogits::new(sparse, r)))
}

/// `nn.CrossEntropyLoss` with an optional class `weight` (a Tensor).
#[pyfunction]
#[pyo3(signature = (weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0))]
pub fn cross_entropy_loss(
    weight: Option<&Bound<'_, PyAny>>,
    ignore_index: i64,
    reduction: &str,
    label_smoothing: f64,
) -> PyResult<NativeLoss> {
    let op = "CrossEntropyLoss";
    let r = parse_reduction(reduction, op)?;
    let weight = opt_tensor(weight, op, "weight")?;
    let mut l = CrossEntropyLoss::new()
        .reduction(r)
        .ignore_index(ignore_index)
        .label_smoothing(label_smoothing);
    if let Some(w) = weight {
        l = l.weight(w);
    }
    Ok(native_loss(l))
}

/// `nn.BCEWithLogitsLoss` with optional `weight` and `pos_weight` (Tensors).
#[pyfunction]
#[pyo3(signature = (reduction="mean", weight=None, pos_weight=None))]
pub fn bce_with_logits_loss(
    reduction: &str,
    weight: Option<&Bound<'_, PyAny>>,
    pos_weight: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeLoss> {
    let op = "BCEWithLogitsLoss";
    let r = parse_reduction(reduction, op)?;
    let mut l = BCEWithLogitsLoss::new().reduction(r);
    if let Some(w) = opt_tensor(weight, op, "weight")? {
        l = l.weight(w);
    }
    if let Some(w) = opt_tensor(pos_weight, op, "pos_weight")? {
        l = l.pos_weight(w);
    }
    Ok(native_loss(l))
}

/// The parameters of one optimizer (one MindSpore parameter group) with their learning rate,
/// weight decay, decay flags and loss scale: what every optimizer constructor takes.
#[pyclass(module = "easy_mindspore._C", name = "OptimGroup", frozen)]
pub struct NativeGroup {
    group: Group,
}

/// `_C.optim_group(op, params, learning_rate, weight_decay, decay_flags, loss_scale)`: `params`
/// and `learning_rate` are Python Parameters (the rate a 0-D float one, shared: writing it
/// changes the rate of every optimizer built over it); `weight_decay` is a number, or a 0-D
/// float Parameter read at each step (a decay schedule writes it); `decay_flags` says which
/// parameters decay; `op`, the optimizer's name, is the one errors give. `global_step`, the
/// front's step count (an Int32 Parameter it advances after each step), is the count the rules
/// that depend on the step read.
#[pyfunction]
#[pyo3(signature = (op, params, learning_rate, weight_decay, decay_flags, loss_scale,
                    global_step = None))]
pub fn optim_group(
    op: &str,
    params: Vec<Bound<'_, PyAny>>,
    learning_rate: &Bound<'_, PyAny>,
    weight_decay: &Bound<'_, PyAny>,
    decay_flags: Vec<bool>,
    loss_scale: f64,
    global_step: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeGroup> {
    let ps = params_of(&params, op)?;
    let lr = param_of(learning_rate, &format!("For '{op}', learning_rate"))?;
    // A Parameter is read at each step; anything else must be a number.
    let (wd, decay_var) = match param_of(weight_decay, "") {
        Ok(p) => (0.0, Some(p)),
        Err(_) => (weight_decay.extract::<f64>()?, None),
    };
    let group = Group::with_rate(ps, lr.var().clone())
        .and_then(|g| g.weight_decay(wd))
        .and_then(|g| match &decay_var {
            Some(p) => g.dynamic_weight_decay(p.var().clone()),
            None => Ok(g),
        })
        .and_then(|g| g.decay_flags(decay_flags))
        .and_then(|g| g.loss_scale(loss_scale))
        .py()?;
    let group = match global_step {
        Some(s) if !s.is_none() => {
            let step = param_of(s, &format!("For '{op}', global_step"))?;
            group.shared_step(step).py()?
        }
        _ => group,
    };
    Ok(NativeGroup { group })
}

/// An optimizer of the `easy-mindspore` crate over shared parameters. Each optimizer has its own
/// constructor with MindSpore's named arguments ([`sgd`], [`adam`], [`adamw`],
/// [`adam_weight_decay`], [`adagrad`], [`rmsprop`], [`adadelta`], [`adamax`]), each taking an
/// [`optim_group`] first.
#[pyclass(module = "easy_mindspore._C", name = "NativeOptimizer", frozen)]
pub struct NativeOptimizer {
    name: &'static str,
    opt: Mutex<Box<dyn Optimizer + Send>>,
}

impl NativeOptimizer {
    fn lock(&self) -> std::sync::MutexGuard<'_, Box<dyn Optimizer + Send>> {
        // A step that failed half-way leaves the parameters consistent (each is one swap).
        self.opt
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[pymethods]
impl NativeOptimizer {
    /// One update from one gradient per parameter. Concurrent steps from several Python threads
    /// are applied one after the other (each sees the parameters the previous one left), and
    /// a large step runs with the GIL released: the optimizer is locked only inside the released
    /// section, so a thread holding the lock never waits for the GIL (see `gil.rs`).
    fn step(&self, py: Python<'_>, grads: Vec<Bound<'_, PyAny>>) -> PyResult<()> {
        let gs = grads
            .iter()
            .enumerate()
            .map(|(i, g)| tensor_arg(g, self.name, &format!("gradient {i}")))
            .collect::<PyResult<Vec<_>>>()?;
        drop(grads);
        maybe_allow_threads(py, numel_of(&gs), || self.lock().step(&gs)).py()
    }

    /// The current learning rate, as a number.
    #[getter]
    fn learning_rate(&self) -> f64 {
        self.lock().learning_rate()
    }

    /// Turns off the weight decay and loss scale of every parameter (`nn.LARS` applies them
    /// itself before this optimizer's rule).
    fn without_decay_and_scale(&self) {
        self.lock().group_mut().without_decay_and_scale();
    }

    /// The non-trainable Parameters holding the optimizer's state (MindSpore's names).
    fn state_params(&self, py: Python<'_>) -> PyResult<Vec<Py<PyParameter>>> {
        let ps = self.lock().state_params();
        ps.into_iter().map(|p| PyParameter::wrap(py, p)).collect()
    }
}

/// The Rust parameters behind `params` (Python Parameters), for the optimizer `op`.
fn params_of(params: &[Bound<'_, PyAny>], op: &str) -> PyResult<Vec<Parameter>> {
    params
        .iter()
        .enumerate()
        .map(|(i, p)| param_of(p, &format!("For '{op}', params[{i}]")))
        .collect()
}

fn native_optimizer(
    name: &'static str,
    opt: ems::Result<impl Optimizer + Send + 'static>,
) -> PyResult<NativeOptimizer> {
    Ok(NativeOptimizer {
        name,
        opt: Mutex::new(Box::new(opt.py()?)),
    })
}

/// `nn.SGD` (and `nn.Momentum`, whose buffers are `moments.<name>`) over a group. With
/// `momentum_param` (MindSpore's `momentum` Parameter, a 0-D float one, shared) the momentum is
/// read from it at each step and the buffers exist even without momentum; `stat` adds `nn.SGD`'s
/// first-step flags `stat.<name>`.
#[pyfunction]
#[pyo3(signature = (group, momentum, dampening, nesterov, buffers = "accum", momentum_param = None,
                    stat = false))]
pub fn sgd(
    group: &NativeGroup,
    momentum: f64,
    dampening: f64,
    nesterov: bool,
    buffers: &str,
    momentum_param: Option<&Bound<'_, PyAny>>,
    stat: bool,
) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    let shared = match momentum_param {
        Some(p) if !p.is_none() => Some(param_of(p, "For 'SGD', momentum")?),
        _ => None,
    };
    let opt = SGD::from_group(g, momentum, dampening, nesterov).and_then(|o| match shared {
        Some(p) => o.with_mindspore_state(p, stat),
        None => Ok(o),
    });
    native_optimizer("SGD", opt.map(|o| o.buffers_named(buffers)))
}

/// `nn.Adam` over a group (with AMSGrad's `vhat` when `use_amsgrad`; `βᵗ` as one power of the
/// step count when `step_powers`, as `experimental.optim.Adam`).
#[pyfunction]
#[pyo3(signature = (group, beta1, beta2, eps, use_nesterov, use_amsgrad=false, step_powers=false))]
pub fn adam(
    group: &NativeGroup,
    beta1: f64,
    beta2: f64,
    eps: f64,
    use_nesterov: bool,
    use_amsgrad: bool,
    step_powers: bool,
) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    let opt = Adam::from_group(g, beta1, beta2, eps, use_nesterov);
    let opt = if use_amsgrad {
        opt.and_then(Adam::with_amsgrad)
    } else {
        opt
    };
    let opt = opt.map(|o| if step_powers { o.with_step_powers() } else { o });
    native_optimizer("Adam", opt)
}

/// `nn.AdamW` (decoupled weight decay) over a group (`βᵗ` as one Float64 power of the step count
/// and a Float64 step when `float64_step_powers`, as `experimental.optim.AdamW`).
#[pyfunction]
#[pyo3(signature = (group, beta1, beta2, eps, float64_step_powers=false))]
pub fn adamw(
    group: &NativeGroup,
    beta1: f64,
    beta2: f64,
    eps: f64,
    float64_step_powers: bool,
) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    let opt = AdamW::from_group(g, beta1, beta2, eps).map(|o| {
        if float64_step_powers {
            o.with_float64_step_powers()
        } else {
            o
        }
    });
    native_optimizer("AdamW", opt)
}

/// `nn.AdamWeightDecay` (no bias correction) over a group.
#[pyfunction]
pub fn adam_weight_decay(
    group: &NativeGroup,
    beta1: f64,
    beta2: f64,
    eps: f64,
) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    let opt = AdamWeightDecay::from_group(g, beta1, beta2, eps);
    native_optimizer("AdamWeightDecay", opt)
}

/// `nn.Adagrad` over a group.
#[pyfunction]
pub fn adagrad(group: &NativeGroup, accum: f64, update_slots: bool) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    native_optimizer("Adagrad", Adagrad::from_group(g, accum, update_slots))
}

/// `nn.RMSProp` over a group.
#[pyfunction]
pub fn rmsprop(
    group: &NativeGroup,
    decay: f64,
    momentum: f64,
    epsilon: f64,
    centered: bool,
) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    let opt = RMSProp::from_group(g, decay, momentum, epsilon, centered);
    native_optimizer("RMSProp", opt)
}

/// `nn.Adadelta` over a group.
#[pyfunction]
pub fn adadelta(group: &NativeGroup, rho: f64, epsilon: f64) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    native_optimizer("Adadelta", Adadelta::from_group(g, rho, epsilon))
}

/// `nn.AdaMax` over a group.
#[pyfunction]
pub fn adamax(group: &NativeGroup, beta1: f64, beta2: f64, eps: f64) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    native_optimizer("AdaMax", AdaMax::from_group(g, beta1, beta2, eps))
}

/// `nn.AdaFactor` over a group.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn adafactor(
    group: &NativeGroup,
    eps: (f64, f64),
    clip_threshold: f64,
    decay_rate: f64,
    beta1: f64,
    scale_parameter: bool,
    relative_step: bool,
    warmup_init: bool,
) -> PyResult<NativeOptimizer> {
    let options = AdaFactorOptions {
        eps,
        clip_threshold,
        decay_rate,
        beta1,
        scale_parameter,
        relative_step,
        warmup_init,
    };
    let g = group.group.clone();
    native_optimizer("AdaFactor", AdaFactor::from_group(g, options))
}

/// `nn.Lamb` over a group.
#[pyfunction]
pub fn lamb(group: &NativeGroup, beta1: f64, beta2: f64, eps: f64) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    native_optimizer("Lamb", Lamb::from_group(g, beta1, beta2, eps))
}

/// `nn.FTRL` over a group.
#[pyfunction]
pub fn ftrl(
    group: &NativeGroup,
    initial_accum: f64,
    lr_power: f64,
    l1: f64,
    l2: f64,
) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    let opt = FTRL::from_group(g, initial_accum, lr_power, l1, l2);
    native_optimizer("FTRL", opt)
}

/// `nn.ProximalAdagrad` over a group.
#[pyfunction]
pub fn proximal_adagrad(
    group: &NativeGroup,
    accum: f64,
    l1: f64,
    l2: f64,
) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    let opt = ProximalAdagrad::from_group(g, accum, l1, l2);
    native_optimizer("ProximalAdagrad", opt)
}

/// `nn.ASGD` over a group.
#[pyfunction]
pub fn asgd(group: &NativeGroup, lambd: f64, alpha: f64, t0: f64) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    native_optimizer("ASGD", ASGD::from_group(g, lambd, alpha, t0))
}

/// `nn.Rprop` over a group.
#[pyfunction]
pub fn rprop(
    group: &NativeGroup,
    etaminus: f64,
    etaplus: f64,
    step_min: f64,
    step_max: f64,
) -> PyResult<NativeOptimizer> {
    let g = group.group.clone();
    let opt = Rprop::from_group(g, etaminus, etaplus, step_min, step_max);
    native_optimizer("Rprop", opt)
}

/// `nn.LARS`'s gradient for the parameter of value `weight`: `(g + wd·w)·c`, `c =
/// coefficient·‖w‖/(‖g‖ + wd·‖w‖ + epsilon)` (with `use_clip`, `clip(c/lr, 0, 1)`);
/// `weight_decay` and `learning_rate` are 0-D Tensors.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn lars_gradient(
    weight: &Bound<'_, PyAny>,
    gradient: &Bound<'_, PyAny>,
    weight_decay: &Bound<'_, PyAny>,
    learning_rate: &Bound<'_, PyAny>,
    epsilon: f64,
    coefficient: f64,
    use_clip: bool,
) -> PyResult<PyTensor> {
    let op = "LARS";
    let w = tensor_arg(weight, op, "weight")?;
    let g = tensor_arg(gradient, op, "gradient")?;
    let wd = tensor_arg(weight_decay, op, "weight_decay")?;
    let lr = tensor_arg(learning_rate, op, "learning_rate")?;
    ems::nn::optim::lars_gradient(&w, &g, &wd, &lr, epsilon, coefficient, use_clip)
        .py()
        .map(PyTensor::new)
}

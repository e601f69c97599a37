//! The native half of `easy_mindspore.nn`'s losses and optimizers: thin wrappers over
//! `easy_mindspore::nn::loss` and `easy_mindspore::nn::optim`. An optimizer steps the shared
//! Rust handles of the Python `Parameter`s it was given; its state (momentum buffers, moments,
//! step count) lives in Parameters of its own, so a step inside `jit` is replayed by the graph.

use crate::convert::type_label;
use crate::errors::{type_err, value_err, IntoPy};
use crate::nn::param_of;
use crate::tensor::PyTensor;
use easy_mindspore as ems;
use ems::nn::loss::{
    BCEWithLogitsLoss, CrossEntropyLoss, L1Loss, LossFn, MSELoss, Reduction,
    SoftmaxCrossEntropyWithLogits,
};
use ems::nn::optim::{Adam, AdamW, AdamWeightDecay, SGD};
use ems::nn::{Optimizer, Parameter};
use ems::Tensor;
use pyo3::prelude::*;
use std::sync::Mutex;

fn reduction(r: &str, op: &str) -> PyResult<Reduction> {
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

enum Loss {
    Mse(MSELoss),
    L1(L1Loss),
    Sce(SoftmaxCrossEntropyWithLogits),
    Ce(CrossEntropyLoss),
    Bce(BCEWithLogitsLoss),
}

/// A loss function of the `easy-mindspore` crate.
#[pyclass(module = "easy_mindspore._C", name = "NativeLoss", frozen)]
pub struct NativeLoss {
    loss: Loss,
}

impl NativeLoss {
    fn f(&self) -> &dyn LossFn {
        match &self.loss {
            Loss::Mse(l) => l,
            Loss::L1(l) => l,
            Loss::Sce(l) => l,
            Loss::Ce(l) => l,
            Loss::Bce(l) => l,
        }
    }
}

#[pymethods]
impl NativeLoss {
    fn __call__(&self, logits: &Bound<'_, PyAny>, labels: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        let f = self.f();
        let op = f.cls_name();
        let x = tensor_arg(logits, op, "logits")?;
        let y = tensor_arg(labels, op, "labels")?;
        f.call(&x, &y).py().map(PyTensor::new)
    }
}

/// `MSELoss`, `L1Loss`, `SoftmaxCrossEntropyWithLogits`, `CrossEntropyLoss` or
/// `BCEWithLogitsLoss` with its options.
#[pyfunction]
#[pyo3(signature = (kind, reduction_="mean", sparse=false, weight=None, pos_weight=None, ignore_index=-100, label_smoothing=0.0))]
pub fn loss(
    kind: &str,
    reduction_: &str,
    sparse: bool,
    weight: Option<&Bound<'_, PyAny>>,
    pos_weight: Option<&Bound<'_, PyAny>>,
    ignore_index: i64,
    label_smoothing: f64,
) -> PyResult<NativeLoss> {
    let r = reduction(reduction_, kind)?;
    let weight = opt_tensor(weight, kind, "weight")?;
    let loss = match kind {
        "MSELoss" => Loss::Mse(MSELoss::with_reduction(r)),
        "L1Loss" => Loss::L1(L1Loss::with_reduction(r)),
        "SoftmaxCrossEntropyWithLogits" => Loss::Sce(SoftmaxCrossEntropyWithLogits::new(sparse, r)),
        "CrossEntropyLoss" => {
            let mut l = CrossEntropyLoss::new()
                .reduction(r)
                .ignore_index(ignore_index)
                .label_smoothing(label_smoothing);
            if let Some(w) = weight {
                l = l.weight(w);
            }
            Loss::Ce(l)
        }
        "BCEWithLogitsLoss" => {
            let mut l = BCEWithLogitsLoss::new().reduction(r);
            if let Some(w) = weight {
                l = l.weight(w);
            }
            if let Some(w) = opt_tensor(pos_weight, kind, "pos_weight")? {
                l = l.pos_weight(w);
            }
            Loss::Bce(l)
        }
        _ => return Err(value_err(format!("unknown loss '{kind}'"))),
    };
    Ok(NativeLoss { loss })
}

/// An optimizer of the `easy-mindspore` crate over shared parameters.
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
    /// One update from one gradient per parameter.
    fn step(&self, py: Python<'_>, grads: Vec<Bound<'_, PyAny>>) -> PyResult<()> {
        let gs = grads
            .iter()
            .enumerate()
            .map(|(i, g)| tensor_arg(g, self.name, &format!("gradient {i}")))
            .collect::<PyResult<Vec<_>>>()?;
        let big = gs.iter().map(Tensor::numel).sum::<usize>() > 1 << 16;
        let opt = &mut **self.lock();
        let r = if big {
            let opt = SendPtr(opt);
            py.allow_threads(move || {
                let SendPtr(opt) = opt;
                opt.step(&gs)
            })
        } else {
            opt.step(&gs)
        };
        r.py()
    }

    #[getter]
    fn learning_rate(&self) -> f64 {
        self.lock().learning_rate()
    }

    #[setter]
    fn set_learning_rate(&self, lr: f64) -> PyResult<()> {
        if lr.is_nan() || lr < 0.0 {
            return Err(value_err(format!(
                "For '{}', learning_rate must be >= 0, got {lr}",
                self.name
            )));
        }
        // A new rate drops the cached `jit` graphs, which hold the old one as a constant.
        self.lock().set_learning_rate(lr);
        Ok(())
    }
}

/// The optimizer borrowed across `allow_threads` (the same thread runs the step; the optimizer
/// itself is `Send`).
struct SendPtr<'a>(&'a mut (dyn Optimizer + Send));

/// `SGD`, `Adam`, `AdamW` or `AdamWeightDecay` over `params` (Python Parameters); `hyper` holds
/// `(learning_rate, momentum | beta1, dampening | beta2, eps, weight_decay)` and `flag` is
/// Nesterov.
#[pyfunction]
pub fn optimizer(
    kind: &str,
    params: Vec<Bound<'_, PyAny>>,
    hyper: (f64, f64, f64, f64, f64),
    flag: bool,
) -> PyResult<NativeOptimizer> {
    let ps = params
        .iter()
        .enumerate()
        .map(|(i, p)| param_of(p, &format!("For '{kind}', params[{i}]")))
        .collect::<PyResult<Vec<Parameter>>>()?;
    let (lr, a, b, eps, wd) = hyper;
    let (name, opt): (&'static str, Box<dyn Optimizer + Send>) = match kind {
        "SGD" => (
            "SGD",
            Box::new(SGD::with_options(ps, lr, a, b, wd, flag).py()?),
        ),
        "Adam" => (
            "Adam",
            Box::new(Adam::with_options(ps, lr, a, b, eps, wd, flag).py()?),
        ),
        "AdamW" => (
            "AdamW",
            Box::new(AdamW::with_options(ps, lr, a, b, eps, wd).py()?),
        ),
        "AdamWeightDecay" => (
            "AdamWeightDecay",
            Box::new(AdamWeightDecay::with_options(ps, lr, a, b, eps, wd).py()?),
        ),
        _ => return Err(value_err(format!("unknown optimizer '{kind}'"))),
    };
    Ok(NativeOptimizer {
        name,
        opt: Mutex::new(opt),
    })
}

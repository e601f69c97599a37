//! Optimizers with MindSpore's update formulas. `step(grads)` takes one gradient per parameter,
//! in the order the optimizer was given them (the order [`crate::nn::value_and_grad`] returns),
//! and rebinds each parameter to its new value.
//!
//! | optimizer | update (`g` the gradient, `t` the step, from 1) |
//! | --- | --- |
//! | [`SGD`] | `g += wd·w`; `v = g` on the first step, then `v = u·v + (1 − dampening)·g`; `w −= lr·(g + u·v)` (Nesterov) or `w −= lr·v`; plain `w −= lr·g` when `u = 0` |
//! | [`Adam`] | `g += wd·w`; `m += (1 − β₁)(g − m)`; `v += (1 − β₂)(g² − v)`; `w −= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε)` (Nesterov: `β₁m + (1 − β₁)g` for `m`) |
//! | [`AdamW`] | `w ·= 1 − lr·wd`; `m`, `v` as Adam; `w −= lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)` (decoupled decay, MindSpore's `experimental.optim.AdamW`) |
//! | [`AdamWeightDecay`] | `m`, `v` as Adam; `w −= lr·(m / (√v + ε) + wd·w)`, no bias correction (MindSpore's `nn.AdamWeightDecay`) |
//!
//! As in MindSpore, `Adam` and `AdamWeightDecay` do not decay parameters whose name contains
//! `beta` or `gamma` (normalization shifts and scales). SGD's formula is the one of MindSpore's
//! CPU kernel; Adam's epsilon sits outside the bias-corrected root, as in MindSpore.
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::{optim::SGD, Optimizer, Parameter};
//! let w = Parameter::new(ems::Tensor::new([1.0f32])?, "w");
//! let mut opt = SGD::new(vec![w.clone()], 0.5)?;
//! opt.step(&[ems::Tensor::new([2.0f32])?])?;
//! assert_eq!(w.value().to_vec::<f32>(), vec![0.0]); // 1 − 0.5·2
//! # Ok::<(), ems::Error>(())
//! ```

use super::parameter::Parameter;
use crate::error::{Error, Result};
use crate::ops;
use crate::tensor::Tensor;

/// What every optimizer offers.
pub trait Optimizer {
    /// The parameters it updates, in gradient order.
    fn parameters(&self) -> &[Parameter];
    /// The learning rate.
    fn learning_rate(&self) -> f64;
    /// Changes the learning rate (a schedule calls this between steps).
    fn set_learning_rate(&mut self, lr: f64);
    /// One update from one gradient per parameter.
    fn step(&mut self, grads: &[Tensor]) -> Result<()>;
}

/// The gradients cast to their parameters' dtypes, after checking count and shapes.
fn checked(op: &'static str, params: &[Parameter], grads: &[Tensor]) -> Result<Vec<Tensor>> {
    if params.len() != grads.len() {
        return Err(Error::invalid(
            op,
            format!(
                "expected {} gradients (one per parameter), got {}",
                params.len(),
                grads.len()
            ),
        ));
    }
    params
        .iter()
        .zip(grads)
        .map(|(p, g)| {
            let w = p.value();
            if w.dims() != g.dims() {
                return Err(Error::invalid(
                    op,
                    format!(
                        "the gradient of '{}' has shape {:?}, the parameter {:?}",
                        p.name(),
                        g.dims(),
                        w.dims()
                    ),
                ));
            }
            if !w.dtype().is_float() {
                return Err(Error::UnsupportedDType {
                    op,
                    dtype: w.dtype(),
                    expected: "Float32 or Float64 parameters",
                });
            }
            ops::cast(g, w.dtype())
        })
        .collect()
}

fn check_hyper(op: &'static str, checks: &[(&str, f64, bool)]) -> Result<()> {
    for &(name, v, ok) in checks {
        if !ok || v.is_nan() {
            return Err(Error::invalid(op, format!("invalid {name} = {v}")));
        }
    }
    Ok(())
}

/// MindSpore's decay filter: no weight decay for `beta` and `gamma` parameters.
fn decays(p: &Parameter) -> bool {
    let n = p.name();
    !n.contains("beta") && !n.contains("gamma")
}

fn zeros_for(params: &[Parameter]) -> Result<Vec<Tensor>> {
    params.iter().map(|p| ops::zeros_like(&p.value())).collect()
}

/// Stochastic gradient descent with optional momentum, dampening, weight decay and Nesterov
/// momentum (MindSpore's `nn.SGD`).
pub struct SGD {
    params: Vec<Parameter>,
    lr: f64,
    momentum: f64,
    dampening: f64,
    weight_decay: f64,
    nesterov: bool,
    accum: Vec<Tensor>,
    first: bool,
}

impl SGD {
    /// Plain SGD (`momentum = 0`).
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<SGD> {
        SGD::with_options(params, learning_rate, 0.0, 0.0, 0.0, false)
    }

    /// All of MindSpore's options; Nesterov needs a positive momentum and no dampening.
    pub fn with_options(
        params: Vec<Parameter>,
        learning_rate: f64,
        momentum: f64,
        dampening: f64,
        weight_decay: f64,
        nesterov: bool,
    ) -> Result<SGD> {
        check_hyper(
            "SGD",
            &[
                ("learning_rate", learning_rate, learning_rate >= 0.0),
                ("momentum", momentum, momentum >= 0.0),
                ("dampening", dampening, dampening >= 0.0),
                ("weight_decay", weight_decay, weight_decay >= 0.0),
            ],
        )?;
        if nesterov && (momentum <= 0.0 || dampening != 0.0) {
            return Err(Error::invalid(
                "SGD",
                format!(
                    "nesterov needs momentum > 0 and dampening = 0, got momentum {momentum} and \
                     dampening {dampening}"
                ),
            ));
        }
        let accum = zeros_for(&params)?;
        Ok(SGD {
            params,
            lr: learning_rate,
            momentum,
            dampening,
            weight_decay,
            nesterov,
            accum,
            first: true,
        })
    }
}

impl Optimizer for SGD {
    fn parameters(&self) -> &[Parameter] {
        &self.params
    }
    fn learning_rate(&self) -> f64 {
        self.lr
    }
    fn set_learning_rate(&mut self, lr: f64) {
        self.lr = lr;
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = checked("SGD", &self.params, grads)?;
        for ((p, g), v) in self.params.iter().zip(grads).zip(&mut self.accum) {
            let w = p.value();
            let mut g = g;
            if self.weight_decay > 0.0 {
                g = (g + (&w * self.weight_decay)?)?;
            }
            let dir = if self.momentum > 0.0 {
                *v = if self.first {
                    g.clone()
                } else {
                    ((&*v * self.momentum)? + (&g * (1.0 - self.dampening))?)?
                };
                if self.nesterov {
                    (g + (&*v * self.momentum)?)?
                } else {
                    v.clone()
                }
            } else {
                g
            };
            p.replace((w - (dir * self.lr)?)?);
        }
        self.first = false;
        Ok(())
    }
}

/// Moments shared by the Adam family.
struct Moments {
    m: Vec<Tensor>,
    v: Vec<Tensor>,
    t: i32,
}

impl Moments {
    fn new(params: &[Parameter]) -> Result<Moments> {
        Ok(Moments {
            m: zeros_for(params)?,
            v: zeros_for(params)?,
            t: 0,
        })
    }

    /// Updates moment `i` with `g`; returns the new `(m, v)`.
    fn update(&mut self, i: usize, g: &Tensor, b1: f64, b2: f64) -> Result<(Tensor, Tensor)> {
        let m = (&self.m[i] + ((g - &self.m[i])? * (1.0 - b1))?)?;
        let v = (&self.v[i] + ((ops::square(g)? - &self.v[i])? * (1.0 - b2))?)?;
        self.m[i] = m.clone();
        self.v[i] = v.clone();
        Ok((m, v))
    }
}

fn check_betas(op: &'static str, lr: f64, b1: f64, b2: f64, eps: f64, wd: f64) -> Result<()> {
    check_hyper(
        op,
        &[
            ("learning_rate", lr, lr >= 0.0),
            ("beta1", b1, (0.0..1.0).contains(&b1)),
            ("beta2", b2, (0.0..1.0).contains(&b2)),
            ("eps", eps, eps > 0.0),
            ("weight_decay", wd, wd >= 0.0),
        ],
    )
}

macro_rules! optimizer_common {
    () => {
        fn parameters(&self) -> &[Parameter] {
            &self.params
        }
        fn learning_rate(&self) -> f64 {
            self.lr
        }
        fn set_learning_rate(&mut self, lr: f64) {
            self.lr = lr;
        }
    };
}

/// Adam (MindSpore's `nn.Adam`): defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8`.
pub struct Adam {
    params: Vec<Parameter>,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
    nesterov: bool,
    moments: Moments,
}

impl Adam {
    /// Adam with MindSpore's default betas and epsilon.
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<Adam> {
        Adam::with_options(params, learning_rate, 0.9, 0.999, 1e-8, 0.0, false)
    }

    /// All options (`use_nesterov` is MindSpore's).
    pub fn with_options(
        params: Vec<Parameter>,
        learning_rate: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
        use_nesterov: bool,
    ) -> Result<Adam> {
        check_betas("Adam", learning_rate, beta1, beta2, eps, weight_decay)?;
        let moments = Moments::new(&params)?;
        Ok(Adam {
            params,
            lr: learning_rate,
            beta1,
            beta2,
            eps,
            weight_decay,
            nesterov: use_nesterov,
            moments,
        })
    }
}

impl Optimizer for Adam {
    optimizer_common!();
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = checked("Adam", &self.params, grads)?;
        self.moments.t += 1;
        let t = self.moments.t;
        let (b1, b2) = (self.beta1, self.beta2);
        let lr_t = self.lr * (1.0 - b2.powi(t)).sqrt() / (1.0 - b1.powi(t));
        for (i, (p, g)) in self.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = if self.weight_decay > 0.0 && decays(p) {
                (g + (&w * self.weight_decay)?)?
            } else {
                g
            };
            let (m, v) = self.moments.update(i, &g, b1, b2)?;
            let num = if self.nesterov {
                ((m * b1)? + (g * (1.0 - b1))?)?
            } else {
                m
            };
            let denom = (ops::sqrt(&v)? + self.eps)?;
            p.replace((w - ((num / denom)? * lr_t)?)?);
        }
        Ok(())
    }
}

/// AdamW with decoupled weight decay (MindSpore's `experimental.optim.AdamW`, PyTorch's
/// formula): defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, weight_decay = 1e-2`.
pub struct AdamW {
    params: Vec<Parameter>,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
    moments: Moments,
}

impl AdamW {
    /// AdamW with the default betas, epsilon and weight decay.
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<AdamW> {
        AdamW::with_options(params, learning_rate, 0.9, 0.999, 1e-8, 1e-2)
    }

    /// All options.
    pub fn with_options(
        params: Vec<Parameter>,
        learning_rate: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
    ) -> Result<AdamW> {
        check_betas("AdamW", learning_rate, beta1, beta2, eps, weight_decay)?;
        let moments = Moments::new(&params)?;
        Ok(AdamW {
            params,
            lr: learning_rate,
            beta1,
            beta2,
            eps,
            weight_decay,
            moments,
        })
    }
}

impl Optimizer for AdamW {
    optimizer_common!();
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = checked("AdamW", &self.params, grads)?;
        self.moments.t += 1;
        let t = self.moments.t;
        let (b1, b2) = (self.beta1, self.beta2);
        let (bc1, bc2) = (1.0 - b1.powi(t), 1.0 - b2.powi(t));
        for (i, (p, g)) in self.params.iter().zip(grads).enumerate() {
            let w = (p.value() * (1.0 - self.lr * self.weight_decay))?;
            let (m, v) = self.moments.update(i, &g, b1, b2)?;
            let denom = ((ops::sqrt(&v)? / bc2.sqrt())? + self.eps)?;
            p.replace((&w - ((m / denom)? * (self.lr / bc1))?)?);
        }
        Ok(())
    }
}

/// MindSpore's `nn.AdamWeightDecay`: Adam moments without bias correction and the decay added
/// to the update; defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-6, weight_decay = 0`.
pub struct AdamWeightDecay {
    params: Vec<Parameter>,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
    moments: Moments,
}

impl AdamWeightDecay {
    /// With the default betas and epsilon, and the given weight decay.
    pub fn new(params: Vec<Parameter>, learning_rate: f64, weight_decay: f64) -> Result<Self> {
        AdamWeightDecay::with_options(params, learning_rate, 0.9, 0.999, 1e-6, weight_decay)
    }

    /// All options.
    pub fn with_options(
        params: Vec<Parameter>,
        learning_rate: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
    ) -> Result<Self> {
        check_betas(
            "AdamWeightDecay",
            learning_rate,
            beta1,
            beta2,
            eps,
            weight_decay,
        )?;
        let moments = Moments::new(&params)?;
        Ok(AdamWeightDecay {
            params,
            lr: learning_rate,
            beta1,
            beta2,
            eps,
            weight_decay,
            moments,
        })
    }
}

impl Optimizer for AdamWeightDecay {
    optimizer_common!();
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = checked("AdamWeightDecay", &self.params, grads)?;
        self.moments.t += 1;
        for (i, (p, g)) in self.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let (m, v) = self.moments.update(i, &g, self.beta1, self.beta2)?;
            let mut update = (m / (ops::sqrt(&v)? + self.eps)?)?;
            if self.weight_decay > 0.0 && decays(p) {
                update = (update + (&w * self.weight_decay)?)?;
            }
            p.replace((w - (update * self.lr)?)?);
        }
        Ok(())
    }
}

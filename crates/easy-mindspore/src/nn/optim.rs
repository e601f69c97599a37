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
//! **State.** Everything an optimizer carries from step to step lives in non-trainable
//! [`Parameter`]s ([`Optimizer::state_params`]), named as in MindSpore: SGD's momentum buffers
//! `accum.<name>`, Adam's `moment1.<name>` and `moment2.<name>`, AdamW's `exp_avg.<name>` and
//! `exp_avg_sq.<name>`, AdamWeightDecay's `adam_m.<name>` and `adam_v.<name>`; every optimizer
//! counts its steps in `global_step` (an Int32 scalar), and Adam and AdamW keep `beta1_power` and
//! `beta2_power` (β₁ᵗ and β₂ᵗ, Float64 scalars) for the bias corrections. A step reads them with
//! [`Parameter::value`] and rebinds them with tensor operations only (SGD's first step is a
//! `where` on `global_step == 0`), so under [`crate::jit`] the state is an input of the graph and
//! its updates are replayed at every call: one graph is right at every step. The learning rate
//! and the other hyper-parameters are Rust numbers, constants of a staged graph; that is why
//! [`Optimizer::set_learning_rate`] drops the cached graphs when the rate changes.
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
use crate::prim::Var;
use crate::tensor::Tensor;

/// What every optimizer offers.
pub trait Optimizer {
    /// The parameters it updates, in gradient order.
    fn parameters(&self) -> &[Parameter];
    /// The learning rate.
    fn learning_rate(&self) -> f64;
    /// Changes the learning rate (a schedule calls this between steps). The rate is state (a
    /// `Var`), so a `jit` graph that steps the optimizer reads the new value without a new trace.
    fn set_learning_rate(&mut self, lr: f64);
    /// One update from one gradient per parameter.
    fn step(&mut self, grads: &[Tensor]) -> Result<()>;
    /// The non-trainable Parameters holding the optimizer's state between steps (moments, step
    /// count, powers of the betas), for checkpoints; none by default.
    fn state_params(&self) -> Vec<Parameter> {
        Vec::new()
    }
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

/// One state slot per parameter, `prefix.<parameter name>`, zeros of the parameter's shape and
/// dtype, not trainable.
fn state_like(params: &[Parameter], prefix: &str) -> Result<Vec<Parameter>> {
    params
        .iter()
        .map(|p| {
            Ok(Parameter::with_grad(
                ops::zeros_like(&p.value())?,
                &format!("{prefix}.{}", p.name()),
                false,
            ))
        })
        .collect()
}

/// A non-trainable scalar Parameter (a step count or a power of a beta).
fn scalar_state(value: Tensor, name: &str) -> Parameter {
    Parameter::with_grad(value, name, false)
}

/// MindSpore's `global_step`: the number of steps taken, an Int32 scalar.
fn global_step() -> Parameter {
    scalar_state(Tensor::scalar(0i32), "global_step")
}

/// Reads the step count (lifting it into a graph being staged) and writes it plus one; returns
/// the count before this step.
fn advance(step: &Parameter) -> Result<Tensor> {
    let t = step.value();
    step.replace((&t + 1)?);
    Ok(t)
}

/// A learning rate: a Float64 scalar in a [`Var`], so a `jit` graph that steps the optimizer reads
/// the current rate at each call (a schedule changes it without a new trace).
struct LearningRate(Var);

impl LearningRate {
    fn new(lr: f64) -> LearningRate {
        LearningRate(Var::new(Tensor::scalar(lr)))
    }

    /// The rate as a number.
    fn value(&self) -> f64 {
        self.0.get().to_f64().unwrap_or(f64::NAN)
    }

    fn set(&self, lr: f64) {
        self.0.set(Tensor::scalar(lr));
    }

    /// The rate as a Float64 0-D tensor (an input of a graph being staged).
    fn tensor(&self) -> Tensor {
        self.0.get()
    }

    /// The rate in `dtype`, rounded as a Rust number multiplied into such a tensor would be.
    fn as_dtype(&self, dtype: crate::DType) -> Result<Tensor> {
        ops::cast(&self.tensor(), dtype)
    }
}

/// Stochastic gradient descent with optional momentum, dampening, weight decay and Nesterov
/// momentum (MindSpore's `nn.SGD`).
pub struct SGD {
    params: Vec<Parameter>,
    lr: LearningRate,
    momentum: f64,
    dampening: f64,
    weight_decay: f64,
    nesterov: bool,
    /// The momentum buffers `accum.<name>` (none without momentum).
    accum: Vec<Parameter>,
    global_step: Parameter,
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
        let accum = if momentum > 0.0 {
            state_like(&params, "accum")?
        } else {
            Vec::new()
        };
        Ok(SGD {
            params,
            lr: LearningRate::new(learning_rate),
            momentum,
            dampening,
            weight_decay,
            nesterov,
            accum,
            global_step: global_step(),
        })
    }
}

impl Optimizer for SGD {
    fn parameters(&self) -> &[Parameter] {
        &self.params
    }
    fn learning_rate(&self) -> f64 {
        self.lr.value()
    }
    fn set_learning_rate(&mut self, lr: f64) {
        self.lr.set(lr);
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s = self.accum.clone();
        s.push(self.global_step.clone());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = checked("SGD", &self.params, grads)?;
        let t = advance(&self.global_step)?;
        // The first step starts the buffer at the gradient (MindSpore's kernel).
        let first = if self.momentum > 0.0 {
            Some(ops::equal(&t, 0)?)
        } else {
            None
        };
        for (i, (p, g)) in self.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let mut g = g;
            if self.weight_decay > 0.0 {
                g = (g + (&w * self.weight_decay)?)?;
            }
            let dir = match &first {
                Some(first) => {
                    let acc = &self.accum[i];
                    let old = acc.value();
                    let later = ((&old * self.momentum)? + (&g * (1.0 - self.dampening))?)?;
                    let v = ops::where_(first, &g, later)?;
                    acc.replace(v.clone());
                    if self.nesterov {
                        (g + (&v * self.momentum)?)?
                    } else {
                        v
                    }
                }
                None => g,
            };
            let lr = self.lr.as_dtype(w.dtype())?;
            p.replace((&w - (dir * lr)?)?);
        }
        Ok(())
    }
}

/// The state of the Adam family: the moments `m` and `v` of each parameter, the step count and,
/// for the bias corrections, `β₁ᵗ` and `β₂ᵗ` (Float64 scalars).
struct Moments {
    m: Vec<Parameter>,
    v: Vec<Parameter>,
    global_step: Parameter,
    powers: Option<(Parameter, Parameter)>,
}

impl Moments {
    /// Moments named `m_prefix.<name>` and `v_prefix.<name>`; `powers` keeps `beta1_power` and
    /// `beta2_power` too.
    fn new(params: &[Parameter], m_prefix: &str, v_prefix: &str, powers: bool) -> Result<Self> {
        let one = || Tensor::scalar(1.0f64);
        Ok(Moments {
            m: state_like(params, m_prefix)?,
            v: state_like(params, v_prefix)?,
            global_step: global_step(),
            powers: powers.then(|| {
                (
                    scalar_state(one(), "beta1_power"),
                    scalar_state(one(), "beta2_power"),
                )
            }),
        })
    }

    fn params(&self) -> Vec<Parameter> {
        let mut s: Vec<Parameter> = self.m.iter().chain(&self.v).cloned().collect();
        s.push(self.global_step.clone());
        if let Some((p1, p2)) = &self.powers {
            s.extend([p1.clone(), p2.clone()]);
        }
        s
    }

    /// Counts a step; returns `(1 − β₁ᵗ, 1 − β₂ᵗ)` for the new `t` when powers are kept.
    fn begin_step(&self, b1: f64, b2: f64) -> Result<Option<(Tensor, Tensor)>> {
        advance(&self.global_step)?;
        let Some((p1, p2)) = &self.powers else {
            return Ok(None);
        };
        let bump = |p: &Parameter, b: f64| -> Result<Tensor> {
            let pw = (p.value() * b)?;
            p.replace(pw.clone());
            1.0 - pw
        };
        Ok(Some((bump(p1, b1)?, bump(p2, b2)?)))
    }

    /// Updates moment `i` with `g`; returns the new `(m, v)`.
    fn update(&self, i: usize, g: &Tensor, b1: f64, b2: f64) -> Result<(Tensor, Tensor)> {
        let (m0, v0) = (self.m[i].value(), self.v[i].value());
        let m = (&m0 + ((g - &m0)? * (1.0 - b1))?)?;
        let v = (&v0 + ((ops::square(g)? - &v0)? * (1.0 - b2))?)?;
        self.m[i].replace(m.clone());
        self.v[i].replace(v.clone());
        Ok((m, v))
    }
}

/// The bias corrections, which `begin_step` returns for the optimizers that keep the powers.
fn corrections(op: &'static str, c: Option<(Tensor, Tensor)>) -> Result<(Tensor, Tensor)> {
    c.ok_or_else(|| {
        Error::invalid(
            op,
            "the optimizer was built without beta1_power/beta2_power state",
        )
    })
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
            self.lr.value()
        }
        fn set_learning_rate(&mut self, lr: f64) {
            self.lr.set(lr);
        }
        fn state_params(&self) -> Vec<Parameter> {
            self.moments.params()
        }
    };
}

/// Adam (MindSpore's `nn.Adam`): defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8`.
pub struct Adam {
    params: Vec<Parameter>,
    lr: LearningRate,
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
        let moments = Moments::new(&params, "moment1", "moment2", true)?;
        Ok(Adam {
            params,
            lr: LearningRate::new(learning_rate),
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
        let (b1, b2) = (self.beta1, self.beta2);
        let (bc1, bc2) = corrections("Adam", self.moments.begin_step(b1, b2)?)?;
        // lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ), in Float64 as a Rust number would be.
        let lr_t = ((ops::sqrt(&bc2)? * self.lr.tensor())? / bc1)?;
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
            let lr_t = ops::cast(&lr_t, w.dtype())?;
            p.replace((w - ((num / denom)? * lr_t)?)?);
        }
        Ok(())
    }
}

/// AdamW with decoupled weight decay (MindSpore's `experimental.optim.AdamW`, PyTorch's
/// formula): defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, weight_decay = 1e-2`.
pub struct AdamW {
    params: Vec<Parameter>,
    lr: LearningRate,
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
        let moments = Moments::new(&params, "exp_avg", "exp_avg_sq", true)?;
        Ok(AdamW {
            params,
            lr: LearningRate::new(learning_rate),
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
        let (b1, b2) = (self.beta1, self.beta2);
        let (bc1, bc2) = corrections("AdamW", self.moments.begin_step(b1, b2)?)?;
        // √(1 − β₂ᵗ) and lr/(1 − β₁ᵗ), in Float64 as Rust numbers would be.
        let root_bc2 = ops::sqrt(&bc2)?;
        let lr = self.lr.tensor();
        let step_size = (&lr / bc1)?;
        let decay = (1.0 - (&lr * self.weight_decay)?)?;
        for (i, (p, g)) in self.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let w = (&w * ops::cast(&decay, w.dtype())?)?;
            let (m, v) = self.moments.update(i, &g, b1, b2)?;
            let d = w.dtype();
            let denom = ((ops::sqrt(&v)? / ops::cast(&root_bc2, d)?)? + self.eps)?;
            p.replace((&w - ((m / denom)? * ops::cast(&step_size, d)?)?)?);
        }
        Ok(())
    }
}

/// MindSpore's `nn.AdamWeightDecay`: Adam moments without bias correction and the decay added
/// to the update; defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-6, weight_decay = 0`.
pub struct AdamWeightDecay {
    params: Vec<Parameter>,
    lr: LearningRate,
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
        let moments = Moments::new(&params, "adam_m", "adam_v", false)?;
        Ok(AdamWeightDecay {
            params,
            lr: LearningRate::new(learning_rate),
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
        self.moments.begin_step(self.beta1, self.beta2)?;
        for (i, (p, g)) in self.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let (m, v) = self.moments.update(i, &g, self.beta1, self.beta2)?;
            let mut update = (m / (ops::sqrt(&v)? + self.eps)?)?;
            if self.weight_decay > 0.0 && decays(p) {
                update = (update + (&w * self.weight_decay)?)?;
            }
            let lr = self.lr.as_dtype(w.dtype())?;
            p.replace((w - (update * lr)?)?);
        }
        Ok(())
    }
}

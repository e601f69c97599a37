//! Optimizers with MindSpore's update formulas. `step(grads)` takes one gradient per parameter,
//! in the order the optimizer was given them (the order [`crate::nn::value_and_grad`] returns),
//! and rebinds each parameter to its new value.
//!
//! Every optimizer is built from a [`Group`]: its parameters, its learning rate (a [`Var`]), a
//! weight decay with MindSpore's per-parameter decay flags and a loss scale. Before its own rule,
//! an optimizer that takes the decay into the gradient (all but [`AdamW`] and
//! [`AdamWeightDecay`]) reads `g ← (g + wd·ls·w) · (1/ls)`, i.e. `g/ls + wd·w`, MindSpore's
//! `decay_weight` then `scale_grad` with the decay pre-multiplied by the loss scale `ls`.
//!
//! | optimizer | update (`g` the gradient, `t` the step, from 1) |
//! | --- | --- |
//! | [`SGD`] | `v = g` on the first step, then `v = u·v + (1 − dampening)·g`; `w −= lr·(g + u·v)` (Nesterov) or `w −= lr·v`; plain `w −= lr·g` when `u = 0` |
//! | [`Adam`] | `m += (1 − β₁)(g − m)`; `v += (1 − β₂)(g² − v)`; `w −= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε)` (Nesterov: `β₁m + (1 − β₁)g` for `m`) |
//! | [`AdamW`] | `w ·= 1 − lr·wd`; `m`, `v` as Adam; `w −= lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)` (decoupled decay, MindSpore's `experimental.optim.AdamW`) |
//! | [`AdamWeightDecay`] | `m`, `v` as Adam; `w −= lr·(m / (√v + ε) + wd·w)`, no bias correction (MindSpore's `nn.AdamWeightDecay`) |
//! | [`Adagrad`] | `a += g²` (`update_slots`; `a` starts at `accum`, 0.1); `w −= lr·g/√a` |
//! | [`RMSProp`] | `s = ρs + (1 − ρ)g²` (`s` starts at 1); `m = μm + lr·g/√(s + ε)`; `w −= m`; centered: `ḡ = ρḡ + (1 − ρ)g`, `√(s − ḡ² + ε)` |
//! | [`Adadelta`] | `a = ρa + (1 − ρ)g²`; `d = √(u + ε)/√(a + ε)·g`; `u = ρu + (1 − ρ)d²`; `w −= lr·d` |
//! | [`AdaMax`] | `m = β₁m + (1 − β₁)g`; `v = max(β₂v, |g|)`; `w −= lr/(1 − β₁ᵗ) · m/(v + ε)` |
//!
//! [`Lamb`], [`FTRL`], [`ProximalAdagrad`], [`ASGD`], [`Rprop`] and LARS's [`lars_gradient`] have
//! their table in `nn/optim/extra.rs`; [`SGD::with_mindspore_state`] adds MindSpore's `momentum`
//! Parameter and `stat.<name>` first-step flags to SGD.
//!
//! MindSpore's decay flags: without parameter groups, parameters whose name contains `beta` or
//! `gamma` (normalization shifts and scales) are not decayed ([`Group::new`]); a front that
//! builds parameter groups decays every parameter of a group ([`Group::decay_flags`]).
//!
//! **State.** Everything an optimizer carries from step to step lives in non-trainable
//! [`Parameter`]s ([`Optimizer::state_params`]), named as in MindSpore (`accum.<name>`,
//! `moment1.<name>`, `mean_square.<name>`, …, `global_step`, `beta1_power`). A step reads them
//! with [`Parameter::value`] and rebinds them with tensor operations only (SGD's first step is a
//! `where` on `global_step == 0`), so under [`crate::jit`] the state is an input of the graph and
//! its updates are replayed at every call: one graph is right at every step. The learning rate
//! is state too — a 0-D float [`Var`] the step reads — so a schedule that writes it between (or
//! inside) jitted steps changes the rate without a new trace. A front may share that `Var` with
//! its own learning-rate Parameter ([`Group::with_rate`]).
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

mod adafactor;
mod adam;
mod adaptive;
mod extra;
#[cfg(test)]
mod tests;

pub use adafactor::{AdaFactor, AdaFactorOptions};
pub use adam::{Adam, AdamW, AdamWeightDecay};
pub use adaptive::{AdaMax, Adadelta, Adagrad, RMSProp};
pub use extra::{lars_gradient, Lamb, ProximalAdagrad, Rprop, ASGD, FTRL};

use super::parameter::Parameter;
use crate::error::{Error, Result};
use crate::ops;
use crate::prim::Var;
use crate::tensor::Tensor;

/// What every optimizer offers.
pub trait Optimizer {
    /// The parameters, learning rate, weight decay and loss scale it was built from.
    fn group(&self) -> &Group;
    /// The same, to change (LARS turns off the weight decay and loss scale of the optimizer it
    /// wraps, as it applies them itself: [`Group::without_decay_and_scale`]).
    fn group_mut(&mut self) -> &mut Group;
    /// One update from one gradient per parameter.
    fn step(&mut self, grads: &[Tensor]) -> Result<()>;
    /// The parameters it updates, in gradient order.
    fn parameters(&self) -> &[Parameter] {
        &self.group().params
    }
    /// The learning rate.
    fn learning_rate(&self) -> f64 {
        self.group().rate_value()
    }
    /// Changes the learning rate (a schedule calls this between steps). The rate is state (a
    /// `Var`), so a `jit` graph that steps the optimizer reads the new value without a new trace.
    fn set_learning_rate(&mut self, lr: f64) {
        self.group().set_rate(lr);
    }
    /// The non-trainable Parameters holding the optimizer's state between steps (moments, step
    /// count, powers of the betas), for checkpoints; none by default.
    fn state_params(&self) -> Vec<Parameter> {
        Vec::new()
    }
}

/// The parameters of an optimizer and the settings MindSpore's `Optimizer` base class holds for
/// them: the learning rate (a 0-D float [`Var`]), the weight decay and which parameters it
/// applies to, and the loss scale the gradients are divided by.
#[derive(Clone)]
pub struct Group {
    params: Vec<Parameter>,
    lr: Var,
    weight_decay: f64,
    /// A weight decay read at each step (a 0-D float `Var`), in place of `weight_decay`
    /// (MindSpore's `weight_decay` given as a Cell, written by the front each step).
    decay_var: Option<Var>,
    decay: Vec<bool>,
    loss_scale: f64,
    /// The front's step count (MindSpore's `global_step`), read in place of the optimizer's own
    /// by the rules that depend on the step ([`Group::shared_step`]).
    step: Option<Parameter>,
}

fn check_rate(op: &'static str, lr: f64) -> Result<()> {
    check_hyper(op, &[("learning_rate", lr, lr >= 0.0 && lr.is_finite())])
}

impl Group {
    /// `params` with a fixed rate (a Float64 `Var`), no weight decay, loss scale 1 and
    /// MindSpore's default decay flags (not `beta`/`gamma` parameters).
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<Group> {
        check_rate("Optimizer", learning_rate)?;
        Group::with_rate(params, Var::new(Tensor::scalar(learning_rate)))
    }

    /// `params` whose rate is the value of `lr` (a 0-D Float32 or Float64 tensor), read at every
    /// step: whoever writes the `Var` changes the rate.
    pub fn with_rate(params: Vec<Parameter>, lr: Var) -> Result<Group> {
        check_scalar_var(&lr, "learning rate")?;
        let decay = params.iter().map(default_decays).collect();
        Ok(Group {
            params,
            lr,
            weight_decay: 0.0,
            decay_var: None,
            decay,
            loss_scale: 1.0,
            step: None,
        })
    }

    /// The step count is read from `step` — an integer Parameter of one element holding the
    /// number of steps taken, which its owner advances after each step (MindSpore's
    /// `global_step`) — instead of the optimizer's own: a checkpoint that restores it resumes
    /// rules that depend on the step (SGD's first step, Lamb, ASGD, Rprop) where they stopped.
    pub fn shared_step(mut self, step: Parameter) -> Result<Group> {
        let v = step.value();
        if v.dims().iter().product::<usize>() != 1 || v.dtype().is_float() {
            return Err(Error::invalid(
                "Optimizer",
                format!(
                    "the step count must be an integer tensor of one element, got shape {:?} \
                     and {:?}",
                    v.dims(),
                    v.dtype()
                ),
            ));
        }
        self.step = Some(step);
        Ok(self)
    }

    /// Counts a step on the optimizer's own counter `own`; returns the number of steps taken
    /// before this one: the shared count when there is one, else `own`'s (a 0-D tensor).
    fn count(&self, own: &Parameter) -> Result<Tensor> {
        let t = advance(own)?;
        match &self.step {
            Some(p) => ops::reshape(&p.value(), &[]),
            None => Ok(t),
        }
    }

    /// A weight decay read from `wd` (a 0-D float tensor) at every step: whoever writes the
    /// `Var` changes it (a schedule of the decay).
    pub fn dynamic_weight_decay(mut self, wd: Var) -> Result<Group> {
        check_scalar_var(&wd, "weight decay")?;
        self.decay_var = Some(wd);
        Ok(self)
    }

    /// The weight decay (`>= 0`).
    pub fn weight_decay(mut self, weight_decay: f64) -> Result<Group> {
        check_hyper(
            "Optimizer",
            &[("weight_decay", weight_decay, weight_decay >= 0.0)],
        )?;
        self.weight_decay = weight_decay;
        Ok(self)
    }

    /// Which parameters the weight decay applies to, one flag per parameter.
    pub fn decay_flags(mut self, flags: Vec<bool>) -> Result<Group> {
        if flags.len() != self.params.len() {
            return Err(Error::invalid(
                "Optimizer",
                format!(
                    "expected {} decay flags (one per parameter), got {}",
                    self.params.len(),
                    flags.len()
                ),
            ));
        }
        self.decay = flags;
        Ok(self)
    }

    /// The loss scale (`> 0`): gradients are divided by it before the update.
    pub fn loss_scale(mut self, loss_scale: f64) -> Result<Group> {
        check_hyper("Optimizer", &[("loss_scale", loss_scale, loss_scale > 0.0)])?;
        self.loss_scale = loss_scale;
        Ok(self)
    }

    /// No weight decay for any parameter and a loss scale of 1 (what `nn.LARS` does to the
    /// optimizer it wraps, whose gradients it scales and decays itself).
    pub fn without_decay_and_scale(&mut self) {
        self.weight_decay = 0.0;
        self.decay_var = None;
        self.decay.iter_mut().for_each(|d| *d = false);
        self.loss_scale = 1.0;
    }

    /// The parameters, in gradient order.
    pub fn params(&self) -> &[Parameter] {
        &self.params
    }

    /// The `Var` holding the learning rate.
    pub fn rate(&self) -> &Var {
        &self.lr
    }

    fn rate_value(&self) -> f64 {
        self.lr.get().to_f64().unwrap_or(f64::NAN)
    }

    /// Writes `lr` into the rate's `Var`, keeping its dtype.
    fn set_rate(&self, lr: f64) {
        let dtype = self.lr.get().dtype();
        let t = Tensor::scalar(lr);
        self.lr.set(ops::cast(&t, dtype).unwrap_or(t));
    }

    /// The rate as its 0-D tensor (an input of a graph being staged).
    fn rate_tensor(&self) -> Tensor {
        self.lr.get()
    }

    /// The rate in `dtype`.
    fn rate_as(&self, dtype: crate::DType) -> Result<Tensor> {
        ops::cast(&self.rate_tensor(), dtype)
    }

    /// `wd·scale·w` for parameter `i` of value `w` when it is decayed (the decay a number, or
    /// the value of the decay `Var` in `w`'s dtype).
    fn decay_term(&self, i: usize, w: &Tensor, scale: f64) -> Result<Option<Tensor>> {
        if !self.decay[i] {
            return Ok(None);
        }
        match &self.decay_var {
            Some(v) => {
                let wd = ops::cast(&v.get(), w.dtype())?;
                Ok(Some(((w * wd)? * scale)?))
            }
            None if self.weight_decay > 0.0 => Ok(Some((w * (self.weight_decay * scale))?)),
            None => Ok(None),
        }
    }

    /// The weight decay as a Float64 0-D tensor (AdamW's decoupled decay).
    fn decay_scalar(&self) -> Result<Tensor> {
        match &self.decay_var {
            Some(v) => ops::cast(&v.get(), crate::DType::Float64),
            None => Ok(Tensor::scalar(self.weight_decay)),
        }
    }

    /// MindSpore's gradient preprocessing for parameter `i` of value `w`:
    /// `(g + wd·ls·w)·(1/ls)`, the decay only for decayed parameters.
    fn gradient(&self, i: usize, g: Tensor, w: &Tensor) -> Result<Tensor> {
        let ls = self.loss_scale;
        let g = match self.decay_term(i, w, ls)? {
            Some(d) => (d + g)?,
            None => g,
        };
        if ls == 1.0 {
            Ok(g)
        } else {
            g * (1.0 / ls)
        }
    }

    /// The gradients cast to their parameters' dtypes, after checking count and shapes.
    fn checked(&self, op: &'static str, grads: &[Tensor]) -> Result<Vec<Tensor>> {
        checked(op, &self.params, grads)
    }
}

/// A rate or a decay held in a `Var`: a 0-D float tensor.
fn check_scalar_var(v: &Var, what: &str) -> Result<()> {
    let t = v.get();
    if !t.dims().is_empty() || !t.dtype().is_float() {
        return Err(Error::invalid(
            "Optimizer",
            format!(
                "the {what} must be a 0-D float tensor, got shape {:?} and {:?}",
                t.dims(),
                t.dtype()
            ),
        ));
    }
    Ok(())
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

/// MindSpore's decay filter without parameter groups: no weight decay for `beta` and `gamma`
/// parameters.
fn default_decays(p: &Parameter) -> bool {
    let n = p.name();
    !n.contains("beta") && !n.contains("gamma")
}

/// One state slot per parameter, `prefix.<parameter name>`, filled with `value` in the
/// parameter's shape and dtype, not trainable.
fn state_like(params: &[Parameter], prefix: &str, value: f64) -> Result<Vec<Parameter>> {
    params
        .iter()
        .map(|p| {
            let w = p.value();
            let t = ops::full(w.dims(), value, w.dtype())?;
            Ok(Parameter::with_grad(
                t,
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

/// Stochastic gradient descent with optional momentum, dampening, weight decay and Nesterov
/// momentum (MindSpore's `nn.SGD`; `nn.Momentum` is this rule without dampening).
pub struct SGD {
    group: Group,
    momentum: f64,
    dampening: f64,
    nesterov: bool,
    /// The momentum buffers `accum.<name>` or [`SGD::buffers_named`] (none without momentum,
    /// unless [`SGD::with_mindspore_state`]).
    accum: Vec<Parameter>,
    /// MindSpore's `momentum` Parameter, read at each step ([`SGD::with_mindspore_state`]).
    momentum_param: Option<Parameter>,
    /// MindSpore's `stat.<name>`: 1 until the first step with momentum, which starts the buffer
    /// at the gradient and sets it to 0.
    stat: Vec<Parameter>,
    global_step: Parameter,
}

impl SGD {
    /// Plain SGD (`momentum = 0`).
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<SGD> {
        SGD::with_options(params, learning_rate, 0.0, 0.0, 0.0, false)
    }

    /// All of MindSpore's options over a fixed rate; Nesterov needs a positive momentum and no
    /// dampening.
    pub fn with_options(
        params: Vec<Parameter>,
        learning_rate: f64,
        momentum: f64,
        dampening: f64,
        weight_decay: f64,
        nesterov: bool,
    ) -> Result<SGD> {
        let group = Group::new(params, learning_rate)?.weight_decay(weight_decay)?;
        SGD::from_group(group, momentum, dampening, nesterov)
    }

    /// SGD over `group`.
    pub fn from_group(group: Group, momentum: f64, dampening: f64, nesterov: bool) -> Result<SGD> {
        check_hyper(
            "SGD",
            &[
                ("momentum", momentum, momentum >= 0.0),
                ("dampening", dampening, dampening >= 0.0),
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
            state_like(&group.params, "accum", 0.0)?
        } else {
            Vec::new()
        };
        Ok(SGD {
            group,
            momentum,
            dampening,
            nesterov,
            accum,
            momentum_param: None,
            stat: Vec::new(),
            global_step: global_step(),
        })
    }

    /// Names the momentum buffers `prefix.<name>` instead of `accum.<name>` (MindSpore's
    /// `nn.Momentum` calls them `moments`).
    pub fn buffers_named(self, prefix: &str) -> SGD {
        for (b, p) in self.accum.iter().zip(&self.group.params) {
            b.set_name(&format!("{prefix}.{}", p.name()));
        }
        self
    }

    /// MindSpore's state: the momentum is read from `momentum` (a 0-D float Parameter, shared
    /// with the front, whose value was the `momentum` given; the rule's form — with or without a
    /// buffer — follows that given value), the buffers exist even without momentum and, with
    /// `stat` (`nn.SGD`, not `nn.Momentum`), `stat.<name>` flags (ones) mark the first step:
    /// with momentum it starts the buffer at the gradient and clears the flags (MindSpore's SGD
    /// kernel). State order: `momentum`, the buffers, the flags, `global_step`.
    pub fn with_mindspore_state(mut self, momentum: Parameter, stat: bool) -> Result<SGD> {
        let v = momentum.value();
        if !v.dims().is_empty() || !v.dtype().is_float() {
            return Err(Error::invalid(
                "SGD",
                format!(
                    "the momentum must be a 0-D float Parameter, got shape {:?} and {:?}",
                    v.dims(),
                    v.dtype()
                ),
            ));
        }
        if self.accum.is_empty() {
            self.accum = state_like(&self.group.params, "accum", 0.0)?;
        }
        if stat {
            self.stat = state_like(&self.group.params, "stat", 1.0)?;
        }
        self.momentum_param = Some(momentum);
        Ok(self)
    }

    /// The momentum in `dtype`: the Parameter's value, or the number given.
    fn momentum_as(&self, dtype: crate::DType) -> Result<Tensor> {
        match &self.momentum_param {
            Some(p) => ops::cast(&p.value(), dtype),
            None => ops::full(&[], self.momentum, dtype),
        }
    }
}

impl Optimizer for SGD {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s: Vec<Parameter> = self.momentum_param.iter().cloned().collect();
        s.extend(self.accum.iter().chain(&self.stat).cloned());
        s.push(self.global_step.clone());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("SGD", grads)?;
        let t = self.group.count(&self.global_step)?;
        // The first step starts the buffer at the gradient (MindSpore's kernel): from the
        // `stat` flags when kept, else from the step count; without dampening `momentum·0 + g`
        // is that already, so the rule needs neither (and a buffer restored from a checkpoint
        // goes on as if the run had not stopped).
        let first = if self.momentum > 0.0 && self.dampening != 0.0 && self.stat.is_empty() {
            Some(ops::equal(&t, 0)?)
        } else {
            None
        };
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            let dir = if self.momentum > 0.0 {
                let u = self.momentum_as(w.dtype())?;
                let acc = &self.accum[i];
                let old = acc.value();
                let later = if self.dampening == 0.0 {
                    ((&old * &u)? + &g)?
                } else {
                    ((&old * &u)? + (&g * (1.0 - self.dampening))?)?
                };
                let v = match (&first, self.stat.get(i)) {
                    (_, Some(stat)) => {
                        let flag = stat.value();
                        stat.replace(ops::zeros_like(&flag)?);
                        ops::where_(ops::greater(&flag, 0.0)?, &g, later)?
                    }
                    (Some(first), None) => ops::where_(first, &g, later)?,
                    (None, None) => later,
                };
                acc.replace(v.clone());
                if self.nesterov {
                    (g + (&v * &u)?)?
                } else {
                    v
                }
            } else {
                g
            };
            let lr = self.group.rate_as(w.dtype())?;
            p.replace((&w - (dir * lr)?)?);
        }
        Ok(())
    }
}

//! MindSpore's other optimizers: [`Lamb`], [`FTRL`], [`ProximalAdagrad`], [`ASGD`], [`Rprop`],
//! and LARS's gradient rescaling ([`lars_gradient`]; `nn.LARS` wraps another optimizer).
//!
//! | optimizer | update (`g` the gradient, `t` the step, from 1) |
//! | --- | --- |
//! | [`Lamb`] | `m`, `v` as Adam; `u = m̂/(√v̂ + ε) + wd·w` (`m̂ = m/(1 − β₁ᵗ)`, `v̂ = v/(1 − β₂ᵗ)`); `r = ‖w‖/‖m̂/√(v̂ + ε) + wd·w‖` (1 when a norm is 0), clipped to `[0, 10]`; `w −= lr·r·u` |
//! | [`FTRL`] | `a' = a + g²`; `l += g − (a'^−p − a^−p)/lr·w`; `w = (l1 − l)/(a'^−p/lr + 2·l2)` where `|l| > l1`, else 0 (`p` = `lr_power`; MindSpore 2.10's CPU kernel: `l1 − l`, not the documented `sign(l)·l1 − l`) |
//! | [`ProximalAdagrad`] | `a += g²`; `r = lr/√a`; `v = w − r·g`; `w = sign(v)·max(|v| − r·l1, 0)/(1 + r·l2)` |
//! | [`ASGD`] | `η` = lr on the first step; `w = w·(1 − λη) − η·g`; `ax += μ(w − ax)` (`ax = w` while `μ = 1`); then `η = lr/(1 + λ·lr·t)^α`, `μ = 1/max(1, t − t0)` |
//! | [`Rprop`] | `s` = `sign(g·prev)`; the step size (lr at first) ×`η₊` where `s > 0`, ×`η₋` where `s < 0`, clipped to `[min, max]`; where `s < 0` the gradient counts as 0; `w −= sign(g)·step`; `prev = g` |
//!
//! All but [`Lamb`] read [`Group::gradient`] (loss scale and weight decay); Lamb adds the decay
//! to its update, as MindSpore's `Lamb` kernel does.

use super::adam::check_betas;
use super::{check_hyper, global_step, scalar_state, state_like, Group, Optimizer};
use crate::error::{Error, Result};
use crate::nn::parameter::Parameter;
use crate::ops;
use crate::tensor::Tensor;
use crate::DType;

/// Counts a step; returns `t`, counted from 1, as a Float64 scalar ([`Group::count`]).
fn step_number(group: &Group, own: &Parameter) -> Result<Tensor> {
    let t = group.count(own)?;
    ops::cast(&t, DType::Float64)? + 1.0
}

/// MindSpore's `nn.Lamb` (the formula of its `Lamb` kernel; MindSpore 2.10 has none on CPU):
/// defaults `β₁ = 0.9, β₂ = 0.999, ε = 1e-6`. State: `lamb_m.<name>`, `lamb_v.<name>`.
pub struct Lamb {
    group: Group,
    beta1: f64,
    beta2: f64,
    eps: f64,
    m: Vec<Parameter>,
    v: Vec<Parameter>,
    global_step: Parameter,
}

impl Lamb {
    /// Lamb with MindSpore's default betas and epsilon.
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<Lamb> {
        Lamb::from_group(Group::new(params, learning_rate)?, 0.9, 0.999, 1e-6)
    }

    /// Lamb over `group` (betas in `(0, 1)`, `eps > 0`); its weight decay enters the update.
    pub fn from_group(group: Group, beta1: f64, beta2: f64, eps: f64) -> Result<Lamb> {
        check_betas("Lamb", beta1, beta2, eps)?;
        Ok(Lamb {
            m: state_like(&group.params, "lamb_m", 0.0)?,
            v: state_like(&group.params, "lamb_v", 0.0)?,
            global_step: global_step(),
            group,
            beta1,
            beta2,
            eps,
        })
    }
}

impl Optimizer for Lamb {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s: Vec<Parameter> = self.m.iter().chain(&self.v).cloned().collect();
        s.push(self.global_step.clone());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("Lamb", grads)?;
        let (b1, b2, eps) = (self.beta1, self.beta2, self.eps);
        let t = step_number(&self.group, &self.global_step)?;
        // 1 − βᵗ in Float64
        let bc1 = (1.0 - ops::pow(Tensor::scalar(b1), &t)?)?;
        let bc2 = (1.0 - ops::pow(Tensor::scalar(b2), &t)?)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let d = w.dtype();
            let m = ((self.m[i].value() * b1)? + (&g * (1.0 - b1))?)?;
            let v = ((self.v[i].value() * b2)? + (ops::square(&g)? * (1.0 - b2))?)?;
            self.m[i].replace(m.clone());
            self.v[i].replace(v.clone());
            let mh = (m / ops::cast(&bc1, d)?)?;
            let vh = (v / ops::cast(&bc2, d)?)?;
            let mut update = (&mh / (ops::sqrt(&vh)? + eps)?)?;
            // The norm of the trust ratio has ε inside the root (MindSpore's kernel).
            let mut g_hat = (&mh / ops::sqrt(&(&vh + eps)?)?)?;
            if let Some(decay) = self.group.decay_term(i, &w, 1.0)? {
                update = (update + &decay)?;
                g_hat = (g_hat + decay)?;
            }
            let w_norm = ops::norm(&w)?;
            let h_norm = ops::norm(&g_hat)?;
            let ratio = (&w_norm / &h_norm)?;
            let ratio = ops::where_(
                ops::greater(&w_norm, 0.0)?,
                ops::where_(ops::greater(&h_norm, 0.0)?, &ratio, 1.0)?,
                1.0,
            )?;
            // NaN → 0, else clipped to [0, 10]
            let ratio = ops::where_(
                ops::not_equal(&ratio, &ratio)?,
                0.0,
                ops::clip(&ratio, 0.0, 10.0)?,
            )?;
            let lr = self.group.rate_as(d)?;
            p.replace((&w - ((update * ratio)? * lr)?)?);
        }
        Ok(())
    }
}

/// MindSpore's `nn.FTRL` (`ApplyFtrl`): defaults `initial_accum = 0.1, lr_power = −0.5, l1 = 0,
/// l2 = 0`. State: `moments.<name>` (start at `initial_accum`) and `linear.<name>` (0).
pub struct FTRL {
    group: Group,
    lr_power: f64,
    l1: f64,
    l2: f64,
    moments: Vec<Parameter>,
    linear: Vec<Parameter>,
}

impl FTRL {
    /// FTRL over `group` (`initial_accum >= 0`, `lr_power <= 0`, `l1, l2 >= 0`).
    pub fn from_group(
        group: Group,
        initial_accum: f64,
        lr_power: f64,
        l1: f64,
        l2: f64,
    ) -> Result<FTRL> {
        check_hyper(
            "FTRL",
            &[
                ("initial_accum", initial_accum, initial_accum >= 0.0),
                ("lr_power", lr_power, lr_power <= 0.0),
                ("l1", l1, l1 >= 0.0),
                ("l2", l2, l2 >= 0.0),
            ],
        )?;
        Ok(FTRL {
            moments: state_like(&group.params, "moments", initial_accum)?,
            linear: state_like(&group.params, "linear", 0.0)?,
            group,
            lr_power,
            l1,
            l2,
        })
    }

    /// `a^−p` (a square root for MindSpore's default `p = −0.5`).
    fn power(&self, a: &Tensor) -> Result<Tensor> {
        if self.lr_power == -0.5 {
            ops::sqrt(a)
        } else {
            ops::pow(a, -self.lr_power)
        }
    }
}

impl Optimizer for FTRL {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        self.moments.iter().chain(&self.linear).cloned().collect()
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("FTRL", grads)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            let lr = self.group.rate_as(w.dtype())?;
            let a0 = self.moments[i].value();
            let a = (&a0 + ops::square(&g)?)?;
            let (pow0, pow1) = (self.power(&a0)?, self.power(&a)?);
            let sigma = ((&pow1 - pow0)? / &lr)?;
            let l = ((self.linear[i].value() + g)? - (sigma * &w)?)?;
            let quadratic = ((pow1 / &lr)? + 2.0 * self.l2)?;
            // l1 − l for either sign of l: MindSpore 2.10's CPU kernel (its documentation has
            // sign(l)·l1 − l), measured.
            let shrunk = ((self.l1 - &l)? / quadratic)?;
            let w_new = ops::where_(ops::greater(ops::abs(&l)?, self.l1)?, shrunk, 0.0)?;
            self.moments[i].replace(a);
            self.linear[i].replace(l);
            p.replace(w_new);
        }
        Ok(())
    }
}

/// MindSpore's `nn.ProximalAdagrad` (`ApplyProximalAdagrad`, the shrinkages scaled by the
/// adaptive rate `lr/√a`): defaults `accum = 0.1, l1 = 0, l2 = 0`. State: `accum.<name>` (start
/// at `accum`).
pub struct ProximalAdagrad {
    group: Group,
    l1: f64,
    l2: f64,
    accum: Vec<Parameter>,
}

impl ProximalAdagrad {
    /// ProximalAdagrad over `group` (`accum, l1, l2 >= 0`).
    pub fn from_group(group: Group, accum: f64, l1: f64, l2: f64) -> Result<ProximalAdagrad> {
        check_hyper(
            "ProximalAdagrad",
            &[
                ("accum", accum, accum >= 0.0),
                ("l1", l1, l1 >= 0.0),
                ("l2", l2, l2 >= 0.0),
            ],
        )?;
        Ok(ProximalAdagrad {
            accum: state_like(&group.params, "accum", accum)?,
            group,
            l1,
            l2,
        })
    }
}

impl Optimizer for ProximalAdagrad {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        self.accum.clone()
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("ProximalAdagrad", grads)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            let a = (self.accum[i].value() + ops::square(&g)?)?;
            self.accum[i].replace(a.clone());
            let lr = self.group.rate_as(w.dtype())?;
            // The adaptive rate lr/√a scales the step and both shrinkages (MindSpore's kernel).
            let rate = (&lr / ops::sqrt(&a)?)?;
            let v = (&w - (g * &rate)?)?;
            let shrink = (1.0 + (&rate * self.l2)?)?;
            let w_new = if self.l1 > 0.0 {
                let mag = ops::maximum((ops::abs(&v)? - (&rate * self.l1)?)?, 0.0)?;
                ((ops::sign(&v)? * mag)? / shrink)?
            } else {
                (v / shrink)?
            };
            p.replace(w_new);
        }
        Ok(())
    }
}

/// MindSpore's `nn.ASGD` (averaged SGD): defaults `lambd = 1e-4, alpha = 0.75, t0 = 1e6`. State:
/// `mu_<name>` (1) and `eta_<name>` (0), scalars in the parameter's dtype, and `ax_.<name>` (0),
/// the average.
pub struct ASGD {
    group: Group,
    lambd: f64,
    alpha: f64,
    t0: f64,
    mu: Vec<Parameter>,
    eta: Vec<Parameter>,
    ax: Vec<Parameter>,
    global_step: Parameter,
}

impl ASGD {
    /// ASGD over `group`.
    pub fn from_group(group: Group, lambd: f64, alpha: f64, t0: f64) -> Result<ASGD> {
        check_hyper(
            "ASGD",
            &[
                ("lambd", lambd, lambd.is_finite()),
                ("alpha", alpha, alpha.is_finite()),
                ("t0", t0, !t0.is_nan()),
            ],
        )?;
        let scalars = |prefix: &str, value: f64| -> Result<Vec<Parameter>> {
            group
                .params
                .iter()
                .map(|p| {
                    let t = ops::full(&[], value, p.dtype())?;
                    Ok(scalar_state(t, &format!("{prefix}{}", p.name())))
                })
                .collect()
        };
        Ok(ASGD {
            mu: scalars("mu_", 1.0)?,
            eta: scalars("eta_", 0.0)?,
            ax: state_like(&group.params, "ax_", 0.0)?,
            global_step: global_step(),
            group,
            lambd,
            alpha,
            t0,
        })
    }
}

impl Optimizer for ASGD {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s: Vec<Parameter> = self
            .mu
            .iter()
            .chain(&self.eta)
            .chain(&self.ax)
            .cloned()
            .collect();
        s.push(self.global_step.clone());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("ASGD", grads)?;
        let t = step_number(&self.group, &self.global_step)?;
        let first = ops::equal(&t, 1.0)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let d = w.dtype();
            let g = self.group.gradient(i, g, &w)?;
            let lr = self.group.rate_as(d)?;
            let eta = ops::where_(&first, &lr, self.eta[i].value())?;
            // w·(1 − λη) − η·g
            let w_new = ((&w * (1.0 - (&eta * self.lambd)?)?)? - (&eta * &g)?)?;
            let mu = self.mu[i].value();
            let ax = self.ax[i].value();
            let averaged = (&ax + ((&w_new - &ax)? * &mu)?)?;
            let ax_new = ops::where_(ops::not_equal(&mu, 1.0)?, averaged, &w_new)?;
            let td = ops::cast(&t, d)?;
            // η = lr/(1 + λ·lr·t)^α; μ = 1/max(1, t − t0)
            let base = (1.0 + ((&lr * self.lambd)? * &td)?)?;
            let eta_next = (&lr / ops::pow(base, self.alpha)?)?;
            let mu_next = (1.0 / ops::maximum((td - self.t0)?, 1.0)?)?;
            p.replace(w_new);
            self.ax[i].replace(ax_new);
            self.eta[i].replace(eta_next);
            self.mu[i].replace(mu_next);
        }
        Ok(())
    }
}

/// MindSpore's `nn.Rprop` (resilient backpropagation): defaults `etas = (0.5, 1.2)`,
/// `step_sizes = (1e-6, 50)`. State: `prev.<name>` and `step_size.<name>` (0; the first step
/// uses the learning rate as step size).
pub struct Rprop {
    group: Group,
    etaminus: f64,
    etaplus: f64,
    step_min: f64,
    step_max: f64,
    prev: Vec<Parameter>,
    step_size: Vec<Parameter>,
    global_step: Parameter,
}

impl Rprop {
    /// Rprop over `group` (`0 < etaminus < 1 < etaplus`, `step_min <= step_max`).
    pub fn from_group(
        group: Group,
        etaminus: f64,
        etaplus: f64,
        step_min: f64,
        step_max: f64,
    ) -> Result<Rprop> {
        check_hyper(
            "Rprop",
            &[
                ("etaminus", etaminus, etaminus > 0.0 && etaminus < 1.0),
                ("etaplus", etaplus, etaplus > 1.0),
                ("step_sizes", step_min, step_min <= step_max),
            ],
        )?;
        Ok(Rprop {
            prev: state_like(&group.params, "prev", 0.0)?,
            step_size: state_like(&group.params, "step_size", 0.0)?,
            global_step: global_step(),
            group,
            etaminus,
            etaplus,
            step_min,
            step_max,
        })
    }
}

impl Optimizer for Rprop {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s: Vec<Parameter> = self.prev.iter().chain(&self.step_size).cloned().collect();
        s.push(self.global_step.clone());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("Rprop", grads)?;
        let first = ops::equal(&self.group.count(&self.global_step)?, 0)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            let lr = self.group.rate_as(w.dtype())?;
            let step = ops::where_(&first, &lr, self.step_size[i].value())?;
            let s = ops::sign(&(&g * self.prev[i].value())?)?;
            let (up, down) = (ops::greater(&s, 0.0)?, ops::less(&s, 0.0)?);
            // In w's dtype (two scalars alone would make a Float32 tensor).
            let d = w.dtype();
            let (plus, minus) = (
                ops::full(&[], self.etaplus, d)?,
                ops::full(&[], self.etaminus, d)?,
            );
            let factor = ops::where_(&up, plus, ops::where_(&down, minus, 1.0)?)?;
            let step = ops::clip(&(step * factor)?, self.step_min, self.step_max)?;
            let g = ops::where_(&down, 0.0, &g)?;
            p.replace((&w - (ops::sign(&g)? * &step)?)?);
            self.prev[i].replace(g);
            self.step_size[i].replace(step);
        }
        Ok(())
    }
}

/// LARS's gradient for a parameter of value `w` (MindSpore's `LARSUpdate`): `(g + wd·w)·c` with
/// `c = coefficient·‖w‖/(‖g‖ + wd·‖w‖ + epsilon)`, and with `use_clip` `c = clip(c/lr, 0, 1)`;
/// `weight_decay` and `lr` are 0-D tensors (cast to `w`'s dtype).
pub fn lars_gradient(
    w: &Tensor,
    g: &Tensor,
    weight_decay: &Tensor,
    lr: &Tensor,
    epsilon: f64,
    coefficient: f64,
    use_clip: bool,
) -> Result<Tensor> {
    if w.dims() != g.dims() {
        return Err(Error::invalid(
            "LARS",
            format!(
                "the gradient has shape {:?}, the parameter {:?}",
                g.dims(),
                w.dims()
            ),
        ));
    }
    let d = w.dtype();
    let g = ops::cast(g, d)?;
    let wd = ops::cast(weight_decay, d)?;
    let w_norm = ops::norm(w)?;
    let g_norm = ops::norm(&g)?;
    let denom = ((g_norm + (&w_norm * &wd)?)? + epsilon)?;
    let mut c = ((w_norm * coefficient)? / denom)?;
    if use_clip {
        c = ops::clip(&(c / ops::cast(lr, d)?)?, 0.0, 1.0)?;
    }
    (g + (w * wd)?)? * c
}

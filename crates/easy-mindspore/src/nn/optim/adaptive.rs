//! Optimizers with per-coordinate step sizes: [`Adagrad`], [`RMSProp`], [`Adadelta`] and
//! [`AdaMax`], with the formulas of MindSpore's `ApplyAdagrad`, `ApplyRMSProp` /
//! `ApplyCenteredRMSProp`, `ApplyAdadelta` and `ApplyAdaMax` (see the table in the parent module).
//! The gradient each rule sees is [`Group::gradient`]'s: divided by the loss scale, plus the
//! weight decay.

use super::adam::{bump_power, check_betas};
use super::{check_hyper, scalar_state, state_like, Group, Optimizer};
use crate::error::Result;
use crate::nn::parameter::Parameter;
use crate::ops;
use crate::tensor::Tensor;

/// MindSpore's `nn.Adagrad`: `a += g²` (only with `update_slots`), `w −= lr·g/√a`; the
/// accumulators `accum.<name>` start at `accum` (default 0.1, default rate 1e-3).
pub struct Adagrad {
    group: Group,
    update_slots: bool,
    accum: Vec<Parameter>,
}

impl Adagrad {
    /// Adagrad with MindSpore's defaults (`accum = 0.1`, `update_slots = true`).
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<Adagrad> {
        Adagrad::from_group(Group::new(params, learning_rate)?, 0.1, true)
    }

    /// Adagrad over `group`, the accumulators starting at `accum` (`>= 0`).
    pub fn from_group(group: Group, accum: f64, update_slots: bool) -> Result<Adagrad> {
        check_hyper("Adagrad", &[("accum", accum, accum >= 0.0)])?;
        let accum = state_like(&group.params, "accum", accum)?;
        Ok(Adagrad {
            group,
            update_slots,
            accum,
        })
    }
}

impl Optimizer for Adagrad {
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
        let grads = self.group.checked("Adagrad", grads)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            let mut a = self.accum[i].value();
            if self.update_slots {
                a = (a + ops::square(&g)?)?;
                self.accum[i].replace(a.clone());
            }
            let lr = self.group.rate_as(w.dtype())?;
            p.replace((&w - ((g * lr)? / ops::sqrt(&a)?)?)?);
        }
        Ok(())
    }
}

/// MindSpore's `nn.RMSProp`: defaults `lr = 0.1, decay = 0.9, momentum = 0, epsilon = 1e-10`,
/// not centered. State: `mean_square.<name>` (starts at 1), `moment.<name>` and, centered,
/// `mean_grad.<name>` (start at 0).
pub struct RMSProp {
    group: Group,
    decay: f64,
    momentum: f64,
    epsilon: f64,
    mean_square: Vec<Parameter>,
    moment: Vec<Parameter>,
    mean_grad: Option<Vec<Parameter>>,
}

impl RMSProp {
    /// RMSProp with MindSpore's defaults.
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<RMSProp> {
        RMSProp::from_group(Group::new(params, learning_rate)?, 0.9, 0.0, 1e-10, false)
    }

    /// RMSProp over `group` (`decay >= 0`, `momentum >= 0`, `epsilon > 0`).
    pub fn from_group(
        group: Group,
        decay: f64,
        momentum: f64,
        epsilon: f64,
        centered: bool,
    ) -> Result<RMSProp> {
        check_hyper(
            "RMSProp",
            &[
                ("decay", decay, decay >= 0.0),
                ("momentum", momentum, momentum >= 0.0),
                ("epsilon", epsilon, epsilon > 0.0),
            ],
        )?;
        let ps = &group.params;
        Ok(RMSProp {
            mean_square: state_like(ps, "mean_square", 1.0)?,
            moment: state_like(ps, "moment", 0.0)?,
            mean_grad: if centered {
                Some(state_like(ps, "mean_grad", 0.0)?)
            } else {
                None
            },
            group,
            decay,
            momentum,
            epsilon,
        })
    }
}

impl Optimizer for RMSProp {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s: Vec<Parameter> = self.mean_grad.iter().flatten().cloned().collect();
        s.extend(self.mean_square.iter().chain(&self.moment).cloned());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("RMSProp", grads)?;
        let rho = self.decay;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            // s = ρs + (1 − ρ)g²
            let s = ((self.mean_square[i].value() * rho)? + (ops::square(&g)? * (1.0 - rho))?)?;
            self.mean_square[i].replace(s.clone());
            let var = match &self.mean_grad {
                // ḡ = ρḡ + (1 − ρ)g; the variance estimate s − ḡ²
                Some(mg) => {
                    let gbar = ((mg[i].value() * rho)? + (&g * (1.0 - rho))?)?;
                    mg[i].replace(gbar.clone());
                    (s - ops::square(&gbar)?)?
                }
                None => s,
            };
            let lr = self.group.rate_as(w.dtype())?;
            let step = ((g * lr)? / ops::sqrt(&(var + self.epsilon)?)?)?;
            let m = ((self.moment[i].value() * self.momentum)? + step)?;
            self.moment[i].replace(m.clone());
            p.replace((w - m)?);
        }
        Ok(())
    }
}

/// MindSpore's `nn.Adadelta`: defaults `lr = 1.0, rho = 0.9, epsilon = 1e-6`. State:
/// `accum.<name>` and `accum_update.<name>` (start at 0).
pub struct Adadelta {
    group: Group,
    rho: f64,
    epsilon: f64,
    accum: Vec<Parameter>,
    accum_update: Vec<Parameter>,
}

impl Adadelta {
    /// Adadelta with MindSpore's defaults.
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<Adadelta> {
        Adadelta::from_group(Group::new(params, learning_rate)?, 0.9, 1e-6)
    }

    /// Adadelta over `group` (`0 <= rho <= 1`, `epsilon >= 0`).
    pub fn from_group(group: Group, rho: f64, epsilon: f64) -> Result<Adadelta> {
        check_hyper(
            "Adadelta",
            &[
                ("rho", rho, (0.0..=1.0).contains(&rho)),
                ("epsilon", epsilon, epsilon >= 0.0),
            ],
        )?;
        Ok(Adadelta {
            accum: state_like(&group.params, "accum", 0.0)?,
            accum_update: state_like(&group.params, "accum_update", 0.0)?,
            group,
            rho,
            epsilon,
        })
    }
}

impl Optimizer for Adadelta {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        self.accum
            .iter()
            .chain(&self.accum_update)
            .cloned()
            .collect()
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("Adadelta", grads)?;
        let (rho, eps) = (self.rho, self.epsilon);
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            // a = ρa + (1 − ρ)g²; d = √(u + ε)/√(a + ε)·g; u = ρu + (1 − ρ)d²
            let a = ((self.accum[i].value() * rho)? + (ops::square(&g)? * (1.0 - rho))?)?;
            let u0 = self.accum_update[i].value();
            let ratio = (ops::sqrt(&(&u0 + eps)?)? / ops::sqrt(&(&a + eps)?)?)?;
            let d = (ratio * g)?;
            let u = ((u0 * rho)? + (ops::square(&d)? * (1.0 - rho))?)?;
            self.accum[i].replace(a);
            self.accum_update[i].replace(u);
            let lr = self.group.rate_as(w.dtype())?;
            p.replace((w - (d * lr)?)?);
        }
        Ok(())
    }
}

/// MindSpore's `nn.AdaMax`: defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8`. State:
/// `moment1.<name>`, `moment2.<name>` (start at 0) and `beta1_power` (β₁ᵗ, a Float64 scalar).
pub struct AdaMax {
    group: Group,
    beta1: f64,
    beta2: f64,
    eps: f64,
    moment1: Vec<Parameter>,
    moment2: Vec<Parameter>,
    beta1_power: Parameter,
}

impl AdaMax {
    /// AdaMax with MindSpore's defaults.
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<AdaMax> {
        AdaMax::from_group(Group::new(params, learning_rate)?, 0.9, 0.999, 1e-8)
    }

    /// AdaMax over `group` (betas in `(0, 1)`, `eps > 0`).
    pub fn from_group(group: Group, beta1: f64, beta2: f64, eps: f64) -> Result<AdaMax> {
        check_betas("AdaMax", beta1, beta2, eps)?;
        Ok(AdaMax {
            moment1: state_like(&group.params, "moment1", 0.0)?,
            moment2: state_like(&group.params, "moment2", 0.0)?,
            beta1_power: scalar_state(Tensor::scalar(1.0f64), "beta1_power"),
            group,
            beta1,
            beta2,
            eps,
        })
    }
}

impl Optimizer for AdaMax {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s: Vec<Parameter> = self.moment1.iter().chain(&self.moment2).cloned().collect();
        s.push(self.beta1_power.clone());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("AdaMax", grads)?;
        let (b1, b2) = (self.beta1, self.beta2);
        // lr/(1 − β₁ᵗ) in Float64, t counted from 1.
        let bc1 = bump_power(&self.beta1_power, b1)?;
        let lr = ops::cast(&self.group.rate_tensor(), crate::DType::Float64)?;
        let step_size = (lr / bc1)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            // m = β₁m + (1 − β₁)g; v = max(β₂v, |g|)
            let m = ((self.moment1[i].value() * b1)? + (&g * (1.0 - b1))?)?;
            let v = ops::maximum(&(self.moment2[i].value() * b2)?, &ops::abs(&g)?)?;
            self.moment1[i].replace(m.clone());
            self.moment2[i].replace(v.clone());
            let s = ops::cast(&step_size, w.dtype())?;
            p.replace((w - ((m / (v + self.eps)?)? * s)?)?);
        }
        Ok(())
    }
}

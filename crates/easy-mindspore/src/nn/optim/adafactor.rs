//! MindSpore's `nn.AdaFactor` (Shazeer & Stern, "Adafactor: Adaptive Learning Rates with
//! Sublinear Memory Cost"): second moments kept as row and column averages for matrices.
//!
//! At step `t` (from 1), with `ρ = min(1e-2, 1/√t)` when the rate is relative (`1e-6·t` for
//! `1e-2` with warm-up), else the group's rate, and `β₂ₜ = 1 − t^(−decay_rate)`:
//!
//! | quantity | update |
//! | --- | --- |
//! | rate | `α = ρ·max(ε₂, RMS(w))` with `scale_parameter`, else `ρ` |
//! | `u₀` | `g² + ε₁` |
//! | matrices (rank ≥ 2) | `R = β₂ₜR + (1 − β₂ₜ)·mean(u₀, −1)`; `C = β₂ₜC + (1 − β₂ₜ)·mean(u₀, −2)`; `u = g·(R/mean(R))^−½·C^−½` |
//! | vectors | `V = β₂ₜV + (1 − β₂ₜ)·u₀`; `u = g/√V` |
//! | clipping | `u = α·u/max(1, RMS(u)/d)` |
//! | first moment (`β₁ > 0`) | `m = β₁m + (1 − β₁)u`; `u = m` |
//! | weights | `w = w − wd·α·w − u` |
//!
//! MindSpore's construct never divides the gradients by the loss scale; this one does (the same
//! numbers at the default scale of 1).

use super::{scalar_state, Group, Optimizer};
use crate::error::{Error, Result};
use crate::nn::parameter::Parameter;
use crate::ops;
use crate::ops::Axes;
use crate::tensor::Tensor;
use crate::DType;

/// The options of [`AdaFactor`] besides the group (MindSpore's defaults in [`Default`]).
#[derive(Clone, Copy, Debug)]
pub struct AdaFactorOptions {
    /// `(ε₁, ε₂)`: added to the squared gradient; the least parameter scale.
    pub eps: (f64, f64),
    /// `d`: the largest RMS of an update.
    pub clip_threshold: f64,
    /// The exponent of `β₂ₜ = 1 − t^(−decay_rate)`, in `(0, 1)`.
    pub decay_rate: f64,
    /// `β₁`: 0 keeps no first moment.
    pub beta1: f64,
    /// The rate scaled by the parameter's RMS.
    pub scale_parameter: bool,
    /// The rate `min(1e-2, 1/√t)` instead of the group's.
    pub relative_step: bool,
    /// `1e-6·t` instead of `1e-2` in the relative rate.
    pub warmup_init: bool,
}

impl Default for AdaFactorOptions {
    fn default() -> AdaFactorOptions {
        AdaFactorOptions {
            eps: (1e-30, 1e-3),
            clip_threshold: 1.0,
            decay_rate: 0.8,
            beta1: 0.9,
            scale_parameter: true,
            relative_step: true,
            warmup_init: false,
        }
    }
}

/// MindSpore's `nn.AdaFactor`. State: `exp_avg.<name>` (with `β₁ > 0`), `exp_avg_sq_row_<name>`,
/// `exp_avg_sq_col_<name>`, `exp_avg_sq_<name>` (a one-element placeholder where unused, as
/// MindSpore's) and the step `afactor_step`.
pub struct AdaFactor {
    group: Group,
    options: AdaFactorOptions,
    exp_avg: Vec<Parameter>,
    row: Vec<Parameter>,
    col: Vec<Parameter>,
    sq: Vec<Parameter>,
    step: Parameter,
}

fn named_zeros(dims: &[usize], dtype: DType, name: String) -> Result<Parameter> {
    Ok(Parameter::with_grad(
        ops::full(dims, 0.0, dtype)?,
        &name,
        false,
    ))
}

impl AdaFactor {
    /// AdaFactor over `group`.
    pub fn from_group(group: Group, options: AdaFactorOptions) -> Result<AdaFactor> {
        let o = options;
        let bad = [
            ("eps1", o.eps.0 >= 0.0),
            ("eps2", o.eps.1 >= 0.0),
            ("clip_threshold", o.clip_threshold >= 0.0),
            ("decay_rate", o.decay_rate > 0.0 && o.decay_rate < 1.0),
            ("beta1", o.beta1 >= 0.0),
        ];
        if let Some((name, _)) = bad.iter().find(|(_, ok)| !ok) {
            return Err(Error::invalid(
                "AdaFactor",
                format!("'{name}' is out of its range: eps1, eps2, clip_threshold and beta1 must be non-negative, decay_rate in (0, 1), got {o:?}"),
            ));
        }
        let (mut exp_avg, mut row, mut col, mut sq) = (vec![], vec![], vec![], vec![]);
        for p in group.params() {
            let w = p.value();
            let (dims, d, name) = (w.dims().to_vec(), w.dtype(), p.name());
            if o.beta1 > 0.0 {
                exp_avg.push(named_zeros(&dims, d, format!("exp_avg.{name}"))?);
            }
            let n = dims.len();
            let (r, c, s) = if n >= 2 {
                let mut col_dims = dims[..n - 2].to_vec();
                col_dims.push(dims[n - 1]);
                (dims[..n - 1].to_vec(), col_dims, vec![1])
            } else {
                (vec![1], vec![1], dims.clone())
            };
            row.push(named_zeros(&r, d, format!("exp_avg_sq_row_{name}"))?);
            col.push(named_zeros(&c, d, format!("exp_avg_sq_col_{name}"))?);
            sq.push(named_zeros(&s, d, format!("exp_avg_sq_{name}"))?);
        }
        let step = scalar_state(ops::full(&[1], 0.0, DType::Float32)?, "afactor_step");
        Ok(AdaFactor {
            group,
            options,
            exp_avg,
            row,
            col,
            sq,
            step,
        })
    }

    /// `ρ` of step `t` (a Float64 scalar tensor, so that a staged step reads it as a value).
    fn rate(&self, t: &Tensor) -> Result<Tensor> {
        let o = &self.options;
        if !o.relative_step {
            return self.group.rate_as(DType::Float64);
        }
        let inverse_root = (1.0 / ops::sqrt(t)?)?;
        if o.warmup_init {
            ops::minimum((t * 1e-6)?, inverse_root)
        } else {
            ops::minimum(inverse_root, 1e-2)
        }
    }
}

fn rms(x: &Tensor) -> Result<Tensor> {
    ops::sqrt(&ops::mean(&ops::square(x)?, Axes::All, false)?)
}

impl Optimizer for AdaFactor {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s: Vec<Parameter> = self.exp_avg.clone();
        for part in [&self.row, &self.col, &self.sq] {
            s.extend(part.iter().cloned());
        }
        s.push(self.step.clone());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("AdaFactor", grads)?;
        let o = self.options;
        let t = (self.step.value() + 1.0)?;
        self.step.replace(t.clone());
        let t = ops::cast(&ops::reshape(&t, &[])?, DType::Float64)?;
        let rho = self.rate(&t)?;
        let beta2t = (1.0 - ops::pow(&t, -o.decay_rate)?)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let d = w.dtype();
            let g = if self.group.loss_scale == 1.0 {
                g
            } else {
                (g * (1.0 / self.group.loss_scale))?
            };
            let mut alpha = ops::cast(&rho, d)?;
            if o.scale_parameter {
                alpha = (alpha * ops::maximum(rms(&w)?, o.eps.1)?)?;
            }
            let b = ops::cast(&beta2t, d)?;
            let keep = (1.0 - &b)?;
            let u0 = (ops::square(&g)? + o.eps.0)?;
            let mut u = if w.dims().len() >= 2 {
                let r = ((self.row[i].value() * &b)? + (ops::mean(&u0, -1, false)? * &keep)?)?;
                let c = ((self.col[i].value() * &b)? + (ops::mean(&u0, -2, false)? * &keep)?)?;
                self.row[i].replace(r.clone());
                self.col[i].replace(c.clone());
                let r_factor = ops::sqrt(&(&r / ops::mean(&r, -1, true)?)?)?.expand_dims(-1)?;
                let c_factor = ops::sqrt(&c)?.expand_dims(-2)?;
                ((&g / r_factor)? / c_factor)?
            } else {
                let v = ((self.sq[i].value() * &b)? + (&u0 * &keep)?)?;
                self.sq[i].replace(v.clone());
                (&g / ops::sqrt(&v)?)?
            };
            let clip = ops::maximum((rms(&u)? / o.clip_threshold)?, 1.0)?;
            u = ((u / clip)? * &alpha)?;
            if o.beta1 > 0.0 {
                let m = ((self.exp_avg[i].value() * o.beta1)? + (&u * (1.0 - o.beta1))?)?;
                self.exp_avg[i].replace(m.clone());
                u = m;
            }
            let decayed = match self.group.decay_term(i, &w, 1.0)? {
                Some(decay) => (&w - (decay * &alpha)?)?,
                None => w,
            };
            p.replace((decayed - u)?);
        }
        Ok(())
    }
}

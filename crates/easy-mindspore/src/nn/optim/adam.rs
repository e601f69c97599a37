//! The Adam family: [`Adam`], [`AdamW`] and [`AdamWeightDecay`], sharing their moments
//! ([`Moments`]) and the bias corrections `1 − βᵗ` kept as Float32 powers (MindSpore's; Float64
//! with Float64 parameters).

use super::{check_hyper, global_step, scalar_state, state_like, Group, Optimizer};
use crate::error::{Error, Result};
use crate::nn::parameter::Parameter;
use crate::ops;
use crate::tensor::Tensor;
use crate::DType;

/// The state of the Adam family: the moments `m` and `v` of each parameter, the step count and,
/// for the bias corrections, `β₁ᵗ` and `β₂ᵗ` (Float32 scalars, as MindSpore's `beta1_power` and
/// `beta2_power`: its `1 − β₂ᵗ` rounds in Float32, and the updates show it; Float64 ones when a
/// parameter is Float64).
pub(super) struct Moments {
    m: Vec<Parameter>,
    v: Vec<Parameter>,
    global_step: Parameter,
    powers: Option<(Parameter, Parameter)>,
    /// `βᵗ` as one power of the step count (MindSpore's `experimental.optim`: `Pow(β, t)` in
    /// Float32) rather than a running product (`nn.Adam`'s `beta1_power *= β`); the two round
    /// apart by some `t` units in the last place.
    step_powers: bool,
}

impl Moments {
    /// Moments named `m_prefix.<name>` and `v_prefix.<name>`; `powers` keeps `beta1_power` and
    /// `beta2_power` too.
    fn new(params: &[Parameter], m_prefix: &str, v_prefix: &str, powers: bool) -> Result<Self> {
        // Float32 as MindSpore's, Float64 when a parameter is (its exact formula).
        let wide = params.iter().any(|p| p.value().dtype() == DType::Float64);
        let one = || {
            if wide {
                Tensor::scalar(1.0f64)
            } else {
                Tensor::scalar(1.0f32)
            }
        };
        Ok(Moments {
            m: state_like(params, m_prefix, 0.0)?,
            v: state_like(params, v_prefix, 0.0)?,
            global_step: global_step(),
            powers: powers.then(|| {
                (
                    scalar_state(one(), "beta1_power"),
                    scalar_state(one(), "beta2_power"),
                )
            }),
            step_powers: false,
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
        let t = super::advance(&self.global_step)?;
        let Some((p1, p2)) = &self.powers else {
            return Ok(None);
        };
        if self.step_powers {
            let t = ops::cast(&(t + 1)?, p1.value().dtype())?;
            return Ok(Some((set_power(p1, b1, &t)?, set_power(p2, b2, &t)?)));
        }
        Ok(Some((bump_power(p1, b1)?, bump_power(p2, b2)?)))
    }

    /// Takes `βᵗ` as one power of the step count from now on, in Float64 when `wide`.
    fn use_step_powers(&mut self, wide: bool) {
        self.step_powers = true;
        if wide {
            let one = |p: &Parameter| scalar_state(Tensor::scalar(1.0f64), &p.name());
            self.powers = self.powers.take().map(|(p1, p2)| (one(&p1), one(&p2)));
        }
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

/// Multiplies the power `p` by `b` in place; returns `1 − p·b`.
pub(super) fn bump_power(p: &Parameter, b: f64) -> Result<Tensor> {
    let pw = (p.value() * b)?;
    p.replace(pw.clone());
    1.0 - pw
}

/// Sets the power `p` to `bᵗ` (`b` cast to `t`'s dtype first, as MindSpore's `Pow` of a Python
/// float and a Float32 count); returns `1 − bᵗ`.
fn set_power(p: &Parameter, b: f64, t: &Tensor) -> Result<Tensor> {
    let b = ops::cast(&Tensor::scalar(b), t.dtype())?;
    let pw = ops::pow(&b, t)?;
    p.replace(pw.clone());
    1.0 - pw
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

pub(super) fn check_betas(op: &'static str, b1: f64, b2: f64, eps: f64) -> Result<()> {
    check_hyper(
        op,
        &[
            ("beta1", b1, b1 > 0.0 && b1 < 1.0),
            ("beta2", b2, b2 > 0.0 && b2 < 1.0),
            ("eps", eps, eps > 0.0),
        ],
    )
}

/// Adam (MindSpore's `nn.Adam`): defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8`.
pub struct Adam {
    group: Group,
    beta1: f64,
    beta2: f64,
    eps: f64,
    nesterov: bool,
    moments: Moments,
    /// AMSGrad's running maximum `v̂` of the second moments (`vhat.<name>`), when enabled.
    vhat: Option<Vec<Parameter>>,
}

impl Adam {
    /// Adam with MindSpore's default betas and epsilon.
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<Adam> {
        Adam::with_options(params, learning_rate, 0.9, 0.999, 1e-8, 0.0, false)
    }

    /// All options over a fixed rate (`use_nesterov` is MindSpore's).
    pub fn with_options(
        params: Vec<Parameter>,
        learning_rate: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
        use_nesterov: bool,
    ) -> Result<Adam> {
        let group = Group::new(params, learning_rate)?.weight_decay(weight_decay)?;
        Adam::from_group(group, beta1, beta2, eps, use_nesterov)
    }

    /// Adam over `group`.
    pub fn from_group(
        group: Group,
        beta1: f64,
        beta2: f64,
        eps: f64,
        use_nesterov: bool,
    ) -> Result<Adam> {
        check_betas("Adam", beta1, beta2, eps)?;
        let moments = Moments::new(&group.params, "moment1", "moment2", true)?;
        Ok(Adam {
            group,
            beta1,
            beta2,
            eps,
            nesterov: use_nesterov,
            moments,
            vhat: None,
        })
    }

    /// AMSGrad (MindSpore's `use_amsgrad`, its `ApplyAdamWithAmsgradV2`): the update divides by
    /// `√v̂ + ε` with `v̂ = max(v̂, v)` kept over the steps (state `vhat.<name>`, from zero);
    /// Nesterov's numerator does not apply to it, as MindSpore's kernel has no such option.
    pub fn with_amsgrad(mut self) -> Result<Adam> {
        self.vhat = Some(state_like(&self.group.params, "vhat", 0.0)?);
        Ok(self)
    }

    /// `βᵗ` as one power of the step count, as MindSpore's `experimental.optim.Adam` computes it
    /// (`nn.Adam` keeps a running product).
    pub fn with_step_powers(mut self) -> Adam {
        self.moments.use_step_powers(false);
        self
    }
}

impl Optimizer for Adam {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        let mut s = self.moments.params();
        s.extend(self.vhat.iter().flatten().cloned());
        s
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("Adam", grads)?;
        let (b1, b2) = (self.beta1, self.beta2);
        let (bc1, bc2) = corrections("Adam", self.moments.begin_step(b1, b2)?)?;
        // lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ), in the powers' dtype (Float32 as MindSpore's kernel).
        let lr = ops::cast(&self.group.rate_tensor(), bc1.dtype())?;
        let lr_t = ((ops::sqrt(&bc2)? * lr)? / bc1)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let g = self.group.gradient(i, g, &w)?;
            let (m, v) = self.moments.update(i, &g, b1, b2)?;
            let (num, v) = match &self.vhat {
                Some(vhat) => {
                    let v = ops::maximum(vhat[i].value(), &v)?;
                    vhat[i].replace(v.clone());
                    (m, v)
                }
                None if self.nesterov => (((m * b1)? + (g * (1.0 - b1))?)?, v),
                None => (m, v),
            };
            let denom = (ops::sqrt(&v)? + self.eps)?;
            let lr_t = ops::cast(&lr_t, w.dtype())?;
            p.replace((w - ((num / denom)? * lr_t)?)?);
        }
        Ok(())
    }
}

/// AdamW with decoupled weight decay (MindSpore's `experimental.optim.AdamW`, PyTorch's
/// formula; every parameter is decayed): defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8,
/// weight_decay = 1e-2`.
pub struct AdamW {
    group: Group,
    beta1: f64,
    beta2: f64,
    eps: f64,
    moments: Moments,
}

impl AdamW {
    /// AdamW with the default betas, epsilon and weight decay.
    pub fn new(params: Vec<Parameter>, learning_rate: f64) -> Result<AdamW> {
        AdamW::with_options(params, learning_rate, 0.9, 0.999, 1e-8, 1e-2)
    }

    /// All options over a fixed rate.
    pub fn with_options(
        params: Vec<Parameter>,
        learning_rate: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
    ) -> Result<AdamW> {
        let group = Group::new(params, learning_rate)?.weight_decay(weight_decay)?;
        AdamW::from_group(group, beta1, beta2, eps)
    }

    /// AdamW over `group` (its weight decay, decoupled, applies to every parameter).
    pub fn from_group(group: Group, beta1: f64, beta2: f64, eps: f64) -> Result<AdamW> {
        check_betas("AdamW", beta1, beta2, eps)?;
        let moments = Moments::new(&group.params, "exp_avg", "exp_avg_sq", true)?;
        Ok(AdamW {
            group,
            beta1,
            beta2,
            eps,
            moments,
        })
    }

    /// `βᵗ` as one Float64 power of the step count, the step taken in Float64 and rounded once
    /// into the parameter, as MindSpore's `experimental.optim.AdamW` computes it (`nn.AdamW`
    /// keeps a running product in the parameters' dtype).
    pub fn with_float64_step_powers(mut self) -> AdamW {
        self.moments.use_step_powers(true);
        self
    }
}

impl Optimizer for AdamW {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        self.moments.params()
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("AdamW", grads)?;
        let (b1, b2) = (self.beta1, self.beta2);
        let (bc1, bc2) = corrections("AdamW", self.moments.begin_step(b1, b2)?)?;
        // √(1 − β₂ᵗ) and lr/(1 − β₁ᵗ) in the powers' dtype `u`, in which the step is taken
        // (Float64 powers make it a Float64 step rounded once into the parameter, as MindSpore's
        // experimental AdamW; the decay `1 − lr·wd` stays in the parameter's dtype).
        let u = bc1.dtype();
        let root_bc2 = ops::sqrt(&bc2)?;
        let rate = self.group.rate_tensor();
        let step_size = (ops::cast(&rate, u)? / bc1)?;
        let wd = self.group.decay_scalar()?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let d = w.dtype();
            let decay = ops::cast(&(1.0 - (ops::cast(&rate, d)? * &wd)?)?, d)?;
            let w = (&w * decay)?;
            let (m, v) = self.moments.update(i, &g, b1, b2)?;
            let denom = ((ops::cast(&ops::sqrt(&v)?, u)? / &root_bc2)? + self.eps)?;
            let step = ((ops::cast(&m, u)? / denom)? * &step_size)?;
            p.replace(ops::cast(&(ops::cast(&w, u)? - step)?, d)?);
        }
        Ok(())
    }
}

/// MindSpore's `nn.AdamWeightDecay`: Adam moments without bias correction and the decay added
/// to the update; defaults `lr = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-6, weight_decay = 0`.
pub struct AdamWeightDecay {
    group: Group,
    beta1: f64,
    beta2: f64,
    eps: f64,
    moments: Moments,
}

impl AdamWeightDecay {
    /// With the default betas and epsilon, and the given weight decay.
    pub fn new(params: Vec<Parameter>, learning_rate: f64, weight_decay: f64) -> Result<Self> {
        AdamWeightDecay::with_options(params, learning_rate, 0.9, 0.999, 1e-6, weight_decay)
    }

    /// All options over a fixed rate.
    pub fn with_options(
        params: Vec<Parameter>,
        learning_rate: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
    ) -> Result<Self> {
        let group = Group::new(params, learning_rate)?.weight_decay(weight_decay)?;
        AdamWeightDecay::from_group(group, beta1, beta2, eps)
    }

    /// AdamWeightDecay over `group` (its decay flags choose the decayed parameters).
    pub fn from_group(group: Group, beta1: f64, beta2: f64, eps: f64) -> Result<Self> {
        check_betas("AdamWeightDecay", beta1, beta2, eps)?;
        let moments = Moments::new(&group.params, "adam_m", "adam_v", false)?;
        Ok(AdamWeightDecay {
            group,
            beta1,
            beta2,
            eps,
            moments,
        })
    }
}

impl Optimizer for AdamWeightDecay {
    fn group(&self) -> &Group {
        &self.group
    }
    fn group_mut(&mut self) -> &mut Group {
        &mut self.group
    }
    fn state_params(&self) -> Vec<Parameter> {
        self.moments.params()
    }
    fn step(&mut self, grads: &[Tensor]) -> Result<()> {
        let grads = self.group.checked("AdamWeightDecay", grads)?;
        self.moments.begin_step(self.beta1, self.beta2)?;
        for (i, (p, g)) in self.group.params.iter().zip(grads).enumerate() {
            let w = p.value();
            let (m, v) = self.moments.update(i, &g, self.beta1, self.beta2)?;
            let mut update = (m / (ops::sqrt(&v)? + self.eps)?)?;
            if let Some(d) = self.group.decay_term(i, &w, 1.0)? {
                update = (update + d)?;
            }
            let lr = self.group.rate_as(w.dtype())?;
            p.replace((w - (update * lr)?)?);
        }
        Ok(())
    }
}

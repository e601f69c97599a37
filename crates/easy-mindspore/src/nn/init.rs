//! Parameter initializers (MindSpore's `mindspore.common.initializer`): `Normal`, `Uniform`,
//! `XavierUniform`, `HeUniform`, `Zero`, `One` and `Constant`, drawn from the seeded Philox
//! generator, so `ems::set_seed(s)` makes every initial network reproducible.
//!
//! Fan-in and fan-out follow MindSpore (and PyTorch): for a weight of shape `[out, in, k...]`,
//! `fan_in = in · Πk` and `fan_out = out · Πk`; tensors with fewer than two axes have no fans.
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::Initializer;
//! ems::set_seed(1);
//! let w = Initializer::XavierUniform { gain: 1.0 }.init(&[3, 4], ems::DType::Float32)?;
//! let bound = (6.0f32 / 7.0).sqrt();
//! assert!(w.to_vec::<f32>().iter().all(|v| v.abs() <= bound));
//! # Ok::<(), ems::Error>(())
//! ```

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::tensor::Tensor;

/// How to fill a new parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Initializer {
    /// `N(mean, sigma²)` (MindSpore's default `Normal(sigma=0.01, mean=0.0)`).
    Normal {
        /// Standard deviation.
        sigma: f64,
        /// Mean.
        mean: f64,
    },
    /// `U(-scale, scale)` (MindSpore's default `Uniform(scale=0.07)`).
    Uniform {
        /// Half-width of the interval.
        scale: f64,
    },
    /// `U(-b, b)` with `b = gain · √(6 / (fan_in + fan_out))` (Glorot & Bengio).
    XavierUniform {
        /// Scaling factor.
        gain: f64,
    },
    /// `U(-b, b)` with `b = √(6 / ((1 + a²) · fan))` (He et al.), `a` the negative slope of the
    /// following leaky ReLU; `fan` is fan-in, or fan-out when `fan_out` is set. MindSpore's
    /// layers default to `HeUniform(negative_slope=√5)`.
    HeUniform {
        /// The negative slope `a`.
        negative_slope: f64,
        /// Use fan-out instead of fan-in.
        fan_out: bool,
    },
    /// All zeros.
    Zero,
    /// All ones.
    One,
    /// Every element equal to the value.
    Constant(f64),
}

impl Initializer {
    /// MindSpore's `Normal()`.
    pub fn normal() -> Initializer {
        Initializer::Normal {
            sigma: 0.01,
            mean: 0.0,
        }
    }

    /// MindSpore's `Uniform()`.
    pub fn uniform() -> Initializer {
        Initializer::Uniform { scale: 0.07 }
    }

    /// `HeUniform(negative_slope=a)` over fan-in.
    pub fn he_uniform(negative_slope: f64) -> Initializer {
        Initializer::HeUniform {
            negative_slope,
            fan_out: false,
        }
    }

    /// A new tensor of `shape` and float `dtype` filled by this rule.
    pub fn init(&self, shape: &[usize], dtype: DType) -> Result<Tensor> {
        if !dtype.is_float() {
            return Err(Error::UnsupportedDType {
                op: "initializer",
                dtype,
                expected: "Float32 or Float64",
            });
        }
        match *self {
            Initializer::Normal { sigma, mean } => {
                if sigma.is_nan() || sigma < 0.0 {
                    return Err(Error::invalid(
                        "Normal",
                        format!("sigma must be non-negative, got {sigma}"),
                    ));
                }
                (crate::ops::randn(shape, dtype)? * sigma)? + mean
            }
            Initializer::Uniform { scale } => uniform(shape, dtype, scale),
            Initializer::XavierUniform { gain } => {
                let (fan_in, fan_out) = fans("XavierUniform", shape)?;
                let bound = gain * (6.0 / (fan_in as f64 + fan_out as f64)).sqrt();
                uniform(shape, dtype, bound)
            }
            Initializer::HeUniform {
                negative_slope,
                fan_out,
            } => {
                let (fi, fo) = fans("HeUniform", shape)?;
                let fan = if fan_out { fo } else { fi };
                let gain_sq = 2.0 / (1.0 + negative_slope * negative_slope);
                let bound = (3.0 * gain_sq / fan as f64).sqrt();
                uniform(shape, dtype, bound)
            }
            Initializer::Zero => crate::ops::zeros(shape, dtype),
            Initializer::One => crate::ops::ones(shape, dtype),
            Initializer::Constant(v) => crate::ops::full(shape, v, dtype),
        }
    }
}

/// `U(-bound, bound)`.
fn uniform(shape: &[usize], dtype: DType, bound: f64) -> Result<Tensor> {
    if !bound.is_finite() || bound < 0.0 {
        return Err(Error::invalid(
            "Uniform",
            format!("the bound must be finite and non-negative, got {bound} for shape {shape:?}"),
        ));
    }
    (crate::ops::rand(shape, dtype)? * (2.0 * bound))? - bound
}

/// `(fan_in, fan_out)` of a weight shape `[out, in, k...]`.
pub fn fans(op: &'static str, shape: &[usize]) -> Result<(usize, usize)> {
    if shape.len() < 2 {
        return Err(Error::invalid(
            op,
            format!(
                "fan in and fan out can not be computed for a tensor with fewer than 2 dimensions \
                 (shape {shape:?})"
            ),
        ));
    }
    // Checked: a layer's sizes come from its user and may not fit a usize product.
    let too_large = || Error::invalid(op, format!("the weight shape {shape:?} is too large"));
    let receptive = shape[2..]
        .iter()
        .try_fold(1usize, |p, &d| p.checked_mul(d))
        .ok_or_else(too_large)?;
    let fi = shape[1].checked_mul(receptive).ok_or_else(too_large)?;
    let fo = shape[0].checked_mul(receptive).ok_or_else(too_large)?;
    if fi == 0 || fo == 0 {
        return Err(Error::invalid(
            op,
            format!("fans of an empty weight shape {shape:?} are zero"),
        ));
    }
    Ok((fi, fo))
}

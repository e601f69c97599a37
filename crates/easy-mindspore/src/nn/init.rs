//! Parameter initializers (MindSpore's `mindspore.common.initializer`): `Normal`,
//! `TruncatedNormal`, `Uniform`, `XavierUniform`, `XavierNormal`, `HeUniform`, `HeNormal`,
//! `VarianceScaling`, `Orthogonal`, `Sparse`, `Identity`, `Dirac`, `Zero`, `One` and `Constant`,
//! each random one filled from one 64-bit seed as MindSpore fills it (`init_draws`: the same seed
//! gives MindSpore's Float32 values). [`Initializer::init`] takes that seed from the engine's
//! key, so `ems::set_seed(s)` makes every initial network reproducible;
//! [`Initializer::init_with`] takes it from the caller (the Python front passes the seeds
//! MindSpore's front end would draw from NumPy's global generator).
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

use super::init_draws;
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
    /// `N(0, s²)` with `s = gain · √(2 / (fan_in + fan_out))` (Glorot & Bengio).
    XavierNormal {
        /// Scaling factor.
        gain: f64,
    },
    /// `U(-b, b)` with `b = gain · √(3 / fan)` (He et al.); `fan` is fan-in, or fan-out when
    /// `fan_out` is set, and `gain` that of the following nonlinearity ([`Initializer::gain`]).
    /// MindSpore's layers default to `HeUniform(negative_slope=√5)` ([`Initializer::he_uniform`]).
    HeUniform {
        /// The nonlinearity's gain.
        gain: f64,
        /// Use fan-out instead of fan-in.
        fan_out: bool,
    },
    /// `N(0, s²)` with `s = gain / √fan`, as [`Initializer::HeUniform`].
    HeNormal {
        /// The nonlinearity's gain.
        gain: f64,
        /// Use fan-out instead of fan-in.
        fan_out: bool,
    },
    /// `N(mean, sigma²)` restricted to `[a, b]` (absolute bounds, MindSpore's defaults
    /// `sigma=0.01, mean=0, a=-2, b=2`): drawn by the inverse of the normal CDF over the
    /// interval's probability range, so every draw lands inside.
    TruncatedNormal {
        /// Standard deviation of the untruncated normal.
        sigma: f64,
        /// Its mean.
        mean: f64,
        /// The lower bound.
        a: f64,
        /// The upper bound.
        b: f64,
    },
    /// Variance `scale / n`, `n` the fan chosen by `mode`; `distribution` 0: a normal truncated
    /// at two standard deviations (scaled so that the variance is `scale / n`), 1: an untruncated
    /// normal, 2: uniform.
    VarianceScaling {
        /// The variance's numerator.
        scale: f64,
        /// 0 fan-in, 1 fan-out, 2 their mean.
        mode: u8,
        /// 0 truncated normal, 1 normal, 2 uniform.
        distribution: u8,
    },
    /// A (semi-)orthogonal matrix over the first axis and the rest flattened, times `gain`: the
    /// orthogonal factor `U·Vᵀ` of a standard normal matrix (Haar-distributed, as the QR of one).
    Orthogonal {
        /// Scaling factor.
        gain: f64,
    },
    /// `N(0, sigma²)` with `⌈sparsity · rows⌉` random entries of each column set to zero (2-D).
    Sparse {
        /// The fraction of each column set to zero.
        sparsity: f64,
        /// Standard deviation of the other entries.
        sigma: f64,
    },
    /// The identity matrix (2-D; `eye(rows, cols)`).
    Identity,
    /// A convolution weight (3-D to 5-D) that passes each input channel through at the kernel's
    /// centre, in each of `groups` groups.
    Dirac {
        /// The convolution's groups.
        groups: usize,
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

    /// `HeUniform(negative_slope=a)` over fan-in (the gain of a leaky ReLU of slope `a`).
    pub fn he_uniform(negative_slope: f64) -> Initializer {
        Initializer::HeUniform {
            gain: (2.0 / (1.0 + negative_slope * negative_slope)).sqrt(),
            fan_out: false,
        }
    }

    /// The gain MindSpore's `HeUniform`/`HeNormal` use for `nonlinearity` (`'leaky_relu'` with
    /// `negative_slope`, `'relu'`, `'tanh'`, `'sigmoid'`, `'linear'` and the convolutions).
    pub fn gain(nonlinearity: &str, negative_slope: f64) -> Result<f64> {
        Ok(match nonlinearity {
            "linear" | "conv1d" | "conv2d" | "conv3d" | "conv_transpose1d" | "conv_transpose2d"
            | "conv_transpose3d" | "sigmoid" => 1.0,
            "tanh" => 5.0 / 3.0,
            "relu" => 2f64.sqrt(),
            "leaky_relu" => (2.0 / (1.0 + negative_slope * negative_slope)).sqrt(),
            _ => {
                return Err(Error::invalid(
                    "HeUniform",
                    format!(
                        "the argument 'nonlinearity' should be one of ['sigmoid', 'tanh', \
                         'relu' or 'leaky_relu'], but got {nonlinearity}."
                    ),
                ))
            }
        })
    }

    /// True for the rules that draw random values (and so take a seed).
    pub fn is_random(&self) -> bool {
        !matches!(
            self,
            Initializer::Identity
                | Initializer::Dirac { .. }
                | Initializer::Zero
                | Initializer::One
                | Initializer::Constant(_)
        )
    }

    /// A new tensor of `shape` and float `dtype` filled by this rule, a random rule from a seed
    /// drawn from the engine's key ([`crate::random::next_seed`]).
    pub fn init(&self, shape: &[usize], dtype: DType) -> Result<Tensor> {
        self.init_with(shape, dtype, &mut crate::random::next_seed)
    }

    /// [`Initializer::init`] with the seed of a random rule taken from `seed` (called once, and
    /// only for a random rule, after the arguments are checked).
    pub fn init_with(
        &self,
        shape: &[usize],
        dtype: DType,
        seed: &mut dyn FnMut() -> Result<u64>,
    ) -> Result<Tensor> {
        if !dtype.is_float() {
            return Err(Error::UnsupportedDType {
                op: "initializer",
                dtype,
                expected: "Float32 or Float64",
            });
        }
        let draw = Draw { shape, dtype, seed };
        match *self {
            Initializer::Normal { sigma, mean } => draw.normal("Normal", sigma, mean),
            Initializer::Uniform { scale } => draw.uniform(scale),
            Initializer::XavierUniform { gain } => {
                let (fan_in, fan_out) = fans("XavierUniform", shape)?;
                draw.uniform(gain * (6.0 / (fan_in as f64 + fan_out as f64)).sqrt())
            }
            Initializer::XavierNormal { gain } => {
                let (fan_in, fan_out) = fans("XavierNormal", shape)?;
                let sd = gain * (2.0 / (fan_in as f64 + fan_out as f64)).sqrt();
                draw.normal("XavierNormal", sd, 0.0)
            }
            // MindSpore's order of operations: the bound `√3 · (gain / √fan)`.
            Initializer::HeUniform { gain, fan_out } => {
                let (fi, fo) = fans("HeUniform", shape)?;
                let fan = if fan_out { fo } else { fi };
                draw.uniform(3f64.sqrt() * (gain / (fan as f64).sqrt()))
            }
            Initializer::HeNormal { gain, fan_out } => {
                let (fi, fo) = fans("HeNormal", shape)?;
                let fan = if fan_out { fo } else { fi };
                draw.normal("HeNormal", gain / (fan as f64).sqrt(), 0.0)
            }
            Initializer::TruncatedNormal { sigma, mean, a, b } => {
                draw.truncated_normal(sigma, mean, (a, b))
            }
            Initializer::VarianceScaling {
                scale,
                mode,
                distribution,
            } => {
                let (fi, fo) = fans("VarianceScaling", shape)?;
                let n = match mode {
                    0 => fi as f64,
                    1 => fo as f64,
                    _ => (fi + fo) as f64 / 2.0,
                };
                let var = scale / n.max(1.0);
                match distribution {
                    // MindSpore 2.10 compares the distribution with 'truncated_norm', which never
                    // matches its own default 'truncated_normal', and so draws a uniform; this is
                    // the documented truncated normal. 0.8796... is the standard deviation of a
                    // standard normal truncated at ±2.
                    0 => {
                        let sd = var.sqrt() / 0.879_625_661_034_239_8;
                        draw.truncated_normal(sd, 0.0, (-2.0 * sd, 2.0 * sd))
                    }
                    1 => draw.normal("VarianceScaling", var.sqrt(), 0.0),
                    _ => draw.uniform((3.0 * var).sqrt()),
                }
            }
            Initializer::Orthogonal { gain } => draw.orthogonal(gain),
            Initializer::Sparse { sparsity, sigma } => draw.sparse(sparsity, sigma),
            Initializer::Identity => {
                let [r, c] = two_d("Identity", shape)?;
                crate::ops::eye(r, Some(c), dtype)
            }
            Initializer::Dirac { groups } => dirac(shape, dtype, groups),
            Initializer::Zero => crate::ops::zeros(shape, dtype),
            Initializer::One => crate::ops::ones(shape, dtype),
            Initializer::Constant(v) => crate::ops::full(shape, v, dtype),
        }
    }
}

/// The seed source of one initializer call: `seed` when given, else one drawn from the engine's
/// key (what a layer's `init_seeds` option entries mean).
pub fn seed_or_next(seed: Option<u64>) -> impl FnMut() -> Result<u64> {
    move || seed.map_or_else(crate::random::next_seed, Ok)
}

/// One random fill: its shape, dtype and where its seed comes from.
struct Draw<'a> {
    shape: &'a [usize],
    dtype: DType,
    seed: &'a mut dyn FnMut() -> Result<u64>,
}

impl Draw<'_> {
    /// The element count, checked.
    fn len(&self, op: &'static str) -> Result<usize> {
        crate::tensor::numel_for(op, self.shape, self.dtype)
    }

    /// Float32 values as a tensor of the fill's shape and dtype.
    fn tensor(&self, values: Vec<f32>) -> Result<Tensor> {
        crate::ops::cast(&Tensor::from_vec(values, self.shape)?, self.dtype)
    }

    /// `U(-bound, bound)`.
    fn uniform(self, bound: f64) -> Result<Tensor> {
        if !bound.is_finite() || bound < 0.0 {
            return Err(Error::invalid(
                "Uniform",
                format!(
                    "the bound must be finite and non-negative, got {bound} for shape {:?}",
                    self.shape
                ),
            ));
        }
        let n = self.len("Uniform")?;
        let values = init_draws::uniform((self.seed)()?, -bound, bound, n);
        self.tensor(values)
    }

    /// `N(mean, sd²)`.
    fn normal(self, op: &'static str, sd: f64, mean: f64) -> Result<Tensor> {
        if sd.is_nan() || sd < 0.0 {
            return Err(Error::invalid(
                op,
                format!(
                    "the standard deviation (sigma) must be non-negative, got {sd} for shape {:?}",
                    self.shape
                ),
            ));
        }
        let n = self.len(op)?;
        let values = init_draws::normal((self.seed)()?, mean, sd, n);
        self.tensor(values)
    }

    /// `N(mean, sd²)` restricted to `[lo, hi]`: `mean + sd·Φ⁻¹(u)` with `u` uniform between `Φ`
    /// of the standardised bounds (in Float64, then rounded to Float32), clipped to the bounds
    /// against rounding.
    fn truncated_normal(self, sd: f64, mean: f64, (lo, hi): (f64, f64)) -> Result<Tensor> {
        let shape = self.shape;
        if sd.is_nan() || sd < 0.0 || lo.is_nan() || hi.is_nan() || lo > hi {
            return Err(Error::invalid(
                "TruncatedNormal",
                format!(
                    "needs sigma >= 0 and a <= b, got sigma {sd}, a {lo}, b {hi} for shape \
                     {shape:?}"
                ),
            ));
        }
        if sd == 0.0 {
            return crate::ops::full(shape, mean.clamp(lo, hi), self.dtype);
        }
        let n = self.len("TruncatedNormal")?;
        let cdf = |x: f64| {
            let z = Tensor::scalar((x - mean) / sd / std::f64::consts::SQRT_2);
            Ok::<f64, Error>(0.5 * (1.0 + crate::ops::erf(&z)?.to_vec::<f64>()[0]))
        };
        let (p, q) = (cdf(lo)?, cdf(hi)?);
        let u = Tensor::from_vec(init_draws::unit_uniform((self.seed)()?, n), shape)?;
        let u = ((u * (q - p))? + p)?;
        // Φ⁻¹(u) = √2·erfinv(2u − 1); u at 0 or 1 gives ∓inf, which the clip brings to the bounds.
        let z = crate::ops::erfinv(&((u * 2.0)? - 1.0)?)?;
        let x = ((z * (sd * std::f64::consts::SQRT_2))? + mean)?;
        let x = crate::ops::cast(&crate::ops::clip(&x, lo, hi)?, DType::Float32)?;
        crate::ops::cast(&x, self.dtype)
    }

    /// `gain · U·Vᵀ` of a standard normal `[shape[0], Π shape[1..]]` matrix (MindSpore's draws;
    /// MindSpore then takes NumPy's QR factor, so these values are not MindSpore's), reshaped
    /// to `shape`.
    fn orthogonal(self, gain: f64) -> Result<Tensor> {
        let shape = self.shape;
        if shape.len() < 2 {
            return Err(Error::invalid(
                "Orthogonal",
                format!(
                    "the dimension of the initialized tensor should be no less than 2, but got {} \
                     (shape {shape:?})",
                    shape.len()
                ),
            ));
        }
        let n = self.len("Orthogonal")?;
        let rows = shape[0];
        let cols: usize = shape[1..].iter().product();
        if rows == 0 || cols == 0 {
            return crate::ops::zeros(shape, self.dtype);
        }
        let g = init_draws::normal((self.seed)()?, 0.0, 1.0, n);
        let g = crate::ops::cast(&Tensor::from_vec(g, &[rows, cols])?, DType::Float64)?;
        let (_, u, v) = crate::ops::svd(&g, false)?;
        let q = (crate::ops::matmul(&u, &v.swapaxes(0, 1)?)? * gain)?;
        let dims: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
        crate::ops::cast(&q.reshape(&dims)?, self.dtype)
    }

    /// `N(0, sigma²)` with `⌈sparsity·rows⌉` entries of each column zeroed, at the rows of the
    /// smallest uniform keys of that column (a random subset; the keys follow the normal values
    /// in the seed's stream — MindSpore draws that subset from NumPy instead).
    fn sparse(self, sparsity: f64, sigma: f64) -> Result<Tensor> {
        let shape = self.shape;
        let [rows, cols] = two_d("Sparse", shape)?;
        if !(0.0..=1.0).contains(&sparsity) {
            return Err(Error::invalid(
                "Sparse",
                format!("the argument 'sparsity' must be in [0, 1], got {sparsity}"),
            ));
        }
        if sigma.is_nan() || sigma < 0.0 {
            return Err(Error::invalid(
                "Sparse",
                format!("sigma must be non-negative, got {sigma} for shape {shape:?}"),
            ));
        }
        let n = self.len("Sparse")?;
        let zero = ((sparsity * rows as f64).ceil() as usize).min(rows);
        let seed = (self.seed)()?;
        let mut w = init_draws::normal(seed, 0.0, sigma, n);
        let used = n.div_ceil(2) * 2;
        let keys = init_draws::unit_uniform(seed, used + n);
        let keys = &keys[used..];
        let mut order: Vec<usize> = Vec::with_capacity(rows);
        for c in 0..cols {
            order.clear();
            order.extend(0..rows);
            order.sort_by(|&i, &j| keys[i * cols + c].total_cmp(&keys[j * cols + c]));
            for &r in &order[..zero] {
                w[r * cols + c] = 0.0;
            }
        }
        crate::ops::cast(&Tensor::from_vec(w, shape)?, self.dtype)
    }
}

/// The `[rows, cols]` of a 2-D shape.
fn two_d(op: &'static str, shape: &[usize]) -> Result<[usize; 2]> {
    match *shape {
        [r, c] => Ok([r, c]),
        _ => Err(Error::invalid(
            op,
            format!(
                "the dimension of the initialized tensor should be 2, but got {} (shape {shape:?})",
                shape.len()
            ),
        )),
    }
}

/// Ones at `[g·per + d, d, centre...]` for each group `g` and `d < min(per, in)`.
fn dirac(shape: &[usize], dtype: DType, groups: usize) -> Result<Tensor> {
    if !(3..=5).contains(&shape.len()) {
        return Err(Error::invalid(
            "Dirac",
            format!(
                "only support to initialize tensor with dimension of 3, 4 or 5, but got {} \
                 (shape {shape:?})",
                shape.len()
            ),
        ));
    }
    if groups == 0 || !shape[0].is_multiple_of(groups) {
        return Err(Error::invalid(
            "Dirac",
            format!(
                "the first dimension of the initialized tensor must be divisible by groups, but \
                 got first dimension {}, groups {groups}",
                shape[0]
            ),
        ));
    }
    let n: usize = shape.iter().product();
    let mut w = vec![0.0f64; n];
    let per = shape[0] / groups;
    // Row-major strides; the centre of each kernel axis.
    let mut strides = vec![1usize; shape.len()];
    for i in (0..shape.len() - 1).rev() {
        strides[i] = strides[i + 1] * shape[i + 1];
    }
    let centre: usize = (2..shape.len()).map(|i| shape[i] / 2 * strides[i]).sum();
    for g in 0..groups {
        for d in 0..per.min(shape[1]) {
            w[(g * per + d) * strides[0] + d * strides[1] + centre] = 1.0;
        }
    }
    crate::ops::cast(&Tensor::from_vec(w, shape)?, dtype)
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

//! Unary math: the transcendental primitives, `sigmoid` among them (integers become Float32
//! first, as in MindSpore), and composites: `abs`, `sign`, `square`, `relu`, `floor`, `clip`.

use super::{arith, prim};
use crate::dtype::DType;
use crate::error::Result;
use crate::tensor::Tensor;

fn as_float(x: &Tensor) -> Result<Tensor> {
    prim::cast(x, x.dtype().to_float())
}

macro_rules! float_unary {
    ($($name:ident: $doc:literal),*) => {$(
        #[doc = $doc]
        pub fn $name(x: &Tensor) -> Result<Tensor> {
            prim::$name(&as_float(x)?)
        }
    )*};
}
float_unary!(exp: "`e^x`.", log: "Natural logarithm (`log(0) = -inf`, negatives give NaN).",
             sin: "Sine.", cos: "Cosine.", tanh: "Hyperbolic tangent.",
             sqrt: "Square root (negatives give NaN).",
             expm1: "`e^x - 1`, without the cancellation of `exp(x) - 1` near 0.",
             log1p: "`ln(1 + x)`, without the rounding of `1 + x` near 0 (`-inf` at -1).");

/// The error function `2/√π ∫₀ˣ e^(-t²) dt`, of Float32 or Float64 only: other dtypes are an
/// error (a Python `TypeError`), as in MindSpore 2.10, whose CPU kernel has no integer version.
pub fn erf(x: &Tensor) -> Result<Tensor> {
    prim::erf(x)
}

/// The complementary error function `1 - erf(x)`, with its own kernel (accurate in both tails,
/// where `1 - erf(x)` cancels); derivative `-2/√π · e^(-x²)`.
pub fn erfc(x: &Tensor) -> Result<Tensor> {
    prim::erfc(x)
}

/// `atan(x)` of a float tensor (its own kernel, in Float64 then rounded); derivative
/// `1 / (1 + x²)`.
pub fn atan(x: &Tensor) -> Result<Tensor> {
    prim::atan(x)
}

/// `sinh(x)` of a float tensor (its own kernel, in Float64 then rounded: accurate near 0, where
/// `(e^x - e^-x) / 2` cancels); derivative `cosh(x)`.
pub fn sinh(x: &Tensor) -> Result<Tensor> {
    prim::sinh(x)
}

/// The inverse error function (`erf(erfinv(y)) = y` on `[-1, 1]`, `±inf` at `±1`, NaN outside),
/// of Float32 or Float64 only; derivative `√π/2 · e^(erfinv(y)²)`.
pub fn erfinv(x: &Tensor) -> Result<Tensor> {
    prim::erfinv(x)
}

macro_rules! bessel {
    ($($name:ident: $doc:literal),*) => {$(
        #[doc = $doc]
        #[doc = "Float16 to Float64 only (other dtypes are a type error, as in MindSpore)."]
        pub fn $name(x: &Tensor) -> Result<Tensor> {
            prim::$name(x)
        }
    )*};
}
bessel!(bessel_i0: "The modified Bessel function `I0` (even); derivative `I1`.",
        bessel_i0e: "`e^(-|x|)·I0(x)`; derivative `I1e - sign(x)·I0e`.",
        bessel_i1: "The modified Bessel function `I1` (odd); derivative `I0 - I1/x` (1/2 at 0).",
        bessel_i1e: "`e^(-|x|)·I1(x)`; derivative `I0e - I1e/x - sign(x)·I1e`.",
        bessel_j0: "The Bessel function `J0` (even); derivative `-J1`.",
        bessel_j1: "The Bessel function `J1` (odd); derivative `J0 - J1/x` (1/2 at 0).",
        bessel_y0: "The Bessel function `Y0` (NaN below 0); derivative `-Y1`.",
        bessel_y1: "The Bessel function `Y1` (NaN below 0); derivative `Y0 - Y1/x`.",
        bessel_k0: "The modified Bessel function `K0` (NaN below 0); derivative `-K1`.",
        bessel_k0e: "`e^x·K0(x)`; derivative `K0e - K1e`.",
        bessel_k1: "The modified Bessel function `K1`; derivative `-K0 - K1/x`.",
        bessel_k1e: "`e^x·K1(x)`; derivative `K1e - K0e - K1e/x`.");

/// `ln|Γ(x)|` (the `Lgamma` primitive: a few ulps in Float64); Int32 becomes Float32 first, as
/// MindSpore 2.10's kernel takes it; other integer dtypes are a type error. Derivative `ψ(x)`.
///
/// ```
/// use easy_mindspore as ems;
/// let x = ems::Tensor::from_vec(vec![0.5f64, 3.0], &[2])?;
/// let y = ems::lgamma(&x)?.to_vec::<f64>();
/// assert!((y[0] - std::f64::consts::PI.sqrt().ln()).abs() < 1e-15 && (y[1] - 2f64.ln()).abs() < 1e-15);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn lgamma(x: &Tensor) -> Result<Tensor> {
    if x.dtype() == DType::Int32 {
        return prim::lgamma(&prim::cast(x, DType::Float32)?);
    }
    prim::lgamma(x)
}

/// The digamma function `ψ(x) = Γ'(x)/Γ(x)` of a float tensor: `Polygamma(0, x)`. Derivative
/// the trigamma function `ψ⁽¹⁾(x)`.
pub fn digamma(x: &Tensor) -> Result<Tensor> {
    prim::polygamma(&prim::zeros_like(x)?, x)
}

/// The polygamma function `ψ⁽ⁿ⁾(x)` of order `n` of a float tensor (`n = 0`: the digamma
/// function); a negative `n` gives NaN, as in MindSpore 2.10. Derivative `ψ⁽ⁿ⁺¹⁾(x)`.
pub fn polygamma(n: i64, x: &Tensor) -> Result<Tensor> {
    // Orders beyond 2^53 are not whole numbers in Float64 any more; they overflow n! long before.
    let order = if n < 0 { f64::NAN } else { n as f64 };
    let order = prim::full_like(x, order)?;
    prim::polygamma(&order, x)
}

/// Round toward negative infinity (integers unchanged).
pub fn floor(x: &Tensor) -> Result<Tensor> {
    prim::floor(x)
}

/// `-1`, `0` or `1` by sign, in `x`'s dtype; derivative zero.
pub fn sign(x: &Tensor) -> Result<Tensor> {
    let zero = prim::zeros_like(x)?;
    let pos = prim::cast(&prim::gt(x, &zero)?, x.dtype())?;
    let neg = prim::cast(&prim::lt(x, &zero)?, x.dtype())?;
    prim::sub(&pos, &neg)
}

/// `|x|` (the `Abs` primitive: `+0.0` for `-0.0`, derivative 0 at 0 as MindSpore and PyTorch).
pub fn abs(x: &Tensor) -> Result<Tensor> {
    if x.dtype() == DType::Bool {
        return Ok(x.clone());
    }
    prim::abs(x)
}

/// The complex conjugate of each element, `re − i·im` (the `Conj` primitive: a zero imaginary
/// part becomes `−0`, as MindSpore's); a real tensor is returned unchanged.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::dtype::C64;
/// let z = ems::Tensor::from_vec(vec![C64::new(1.0, 0.0), C64::new(2.0, -3.0)], &[2])?;
/// let c = ems::conj(&z)?.to_vec::<C64>();
/// assert_eq!(c, [C64::new(1.0, -0.0), C64::new(2.0, 3.0)]);
/// assert!(c[0].im.is_sign_negative());
/// # Ok::<(), ems::Error>(())
/// ```
pub fn conj(x: &Tensor) -> Result<Tensor> {
    prim::conj(x)
}

/// `x²`.
pub fn square(x: &Tensor) -> Result<Tensor> {
    prim::mul(x, x)
}

/// The logistic function `1 / (1 + e^-x)`, its own kernel: accurate to a few units in the last
/// place on the whole line (`0.5 · tanh(x/2) + 0.5` cancels for negative x: it gave
/// `sigmoid(-20) = 0`), 0 where `e^-x` overflows; derivative `σ·(1 - σ)`, which never overflows.
pub fn sigmoid(x: &Tensor) -> Result<Tensor> {
    prim::sigmoid(&as_float(x)?)
}

/// `max(x, 0)`: the `ReLU` primitive, one pass. As MindSpore 2.10's `ReLU`, `relu(NaN) = 0` and
/// `relu(-0.0) = +0.0` (NumPy's `maximum(x, 0)`, PyTorch and JAX keep NaN); integers and Bool
/// keep their dtype. Derivative 1 where `x > 0`, else 0 (0 at 0, as MindSpore).
pub fn relu(x: &Tensor) -> Result<Tensor> {
    prim::relu(x)
}

/// `x` limited to `[lo, hi]`.
pub fn clip(x: &Tensor, lo: f64, hi: f64) -> Result<Tensor> {
    arith::minimum(arith::maximum(x, lo)?, hi)
}

impl Tensor {
    /// `e^x`.
    pub fn exp(&self) -> Result<Tensor> {
        exp(self)
    }
    /// Natural logarithm.
    pub fn log(&self) -> Result<Tensor> {
        log(self)
    }
    /// Sine.
    pub fn sin(&self) -> Result<Tensor> {
        sin(self)
    }
    /// Cosine.
    pub fn cos(&self) -> Result<Tensor> {
        cos(self)
    }
    /// Hyperbolic tangent.
    pub fn tanh(&self) -> Result<Tensor> {
        tanh(self)
    }
    /// Square root.
    pub fn sqrt(&self) -> Result<Tensor> {
        sqrt(self)
    }
    /// The error function.
    pub fn erf(&self) -> Result<Tensor> {
        erf(self)
    }
    /// The complementary error function.
    pub fn erfc(&self) -> Result<Tensor> {
        erfc(self)
    }
    /// `|x|`.
    pub fn abs(&self) -> Result<Tensor> {
        abs(self)
    }
    /// The logistic function.
    pub fn sigmoid(&self) -> Result<Tensor> {
        sigmoid(self)
    }
    /// `max(x, 0)`.
    pub fn relu(&self) -> Result<Tensor> {
        relu(self)
    }
    /// A copy converted to `dtype` (float → int truncates toward zero).
    pub fn astype(&self, dtype: DType) -> Result<Tensor> {
        prim::cast(self, dtype)
    }
    /// The same value with every derivative blocked.
    pub fn stop_gradient(&self) -> Result<Tensor> {
        prim::stop_gradient(self)
    }
}

/// The value of `x` with every derivative through it blocked (MindSpore's `ops.stop_gradient`).
pub fn stop_gradient(x: &Tensor) -> Result<Tensor> {
    prim::stop_gradient(x)
}

/// `x` converted to `dtype`.
pub fn cast(x: &Tensor, dtype: DType) -> Result<Tensor> {
    prim::cast(x, dtype)
}

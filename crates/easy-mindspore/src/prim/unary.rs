//! The entry of `Unary(UnaryOp)`: shape rule, kernel, derivatives and batching of every unary
//! elementwise op. The scalar functions are the table in `op::unary`; the one thing an op adds
//! here is its derivative, in [`chain`].

use super::bind::bind;
use super::check::{arity, in_domain_or_complex};
use super::ms_form::MsForm;
use super::support::{full_like, one_minus, real_part};
use super::{add, cast, div, gt, lt, mul, scale, sub, zeros_like, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::Result;
use crate::layout::Dims;
use crate::op::UnaryOp::{self, *};
use crate::tensor::Tensor;
use smallvec::smallvec;

/// `sign(x)`: 1, -1, or 0 at 0 (and NaN), in `x`'s dtype; locally constant, so it needs no
/// derivative of its own.
fn sign(x: &Tensor) -> Result<Tensor> {
    let zero = zeros_like(x)?;
    let pos = cast(&gt(x, &zero)?, x.dtype())?;
    let neg_ = cast(&lt(x, &zero)?, x.dtype())?;
    sub(&pos, &neg_)
}

/// `g · op'(x)`: the chain rule through one op, with `out = op(x)`. It is the JVP (`g` a tangent)
/// and the VJP (`g` a cotangent): an elementwise derivative is diagonal. `None` for an op that is
/// locally constant.
fn chain(op: UnaryOp, x: &Tensor, out: &Tensor, g: &Tensor) -> Result<Opt> {
    Ok(Some(match op {
        Neg => neg(g)?,
        Exp => mul(g, out)?,
        Log => div(g, x)?,
        Sin => mul(g, &cos(x)?)?,
        Cos => neg(&mul(g, &sin(x)?)?)?,
        // 1 - tanh²
        Tanh => mul(g, &one_minus(&mul(out, out)?)?)?,
        // 1 / (2·√x)
        Sqrt => div(g, &scale(out, 2.0)?)?,
        Floor => return Ok(None),
        Abs => mul(g, &sign(x)?)?,
        // 2/√π · e^(-x²)
        Erf => mul(
            g,
            &scale(&exp(&neg(&mul(x, x)?)?)?, std::f64::consts::FRAC_2_SQRT_PI)?,
        )?,
        // σ·(1 - σ)
        Sigmoid => mul(g, &mul(out, &one_minus(out)?)?)?,
        // 1 / (1 + x²)
        Atan => div(g, &add(&mul(x, x)?, &full_like(x, 1.0)?)?)?,
        // cosh x = (e^x + e^-x) / 2
        Sinh => mul(g, &scale(&add(&exp(x)?, &exp(&neg(x)?)?)?, 0.5)?)?,
        // -2/√π · e^(-x²)
        Erfc => mul(
            g,
            &scale(&exp(&neg(&mul(x, x)?)?)?, -std::f64::consts::FRAC_2_SQRT_PI)?,
        )?,
        // √π/2 · e^(out²), the reciprocal of erf' at `out`
        Erfinv => mul(
            g,
            &scale(&exp(&mul(out, out)?)?, 0.5 * std::f64::consts::PI.sqrt())?,
        )?,
        Expm1 => mul(g, &exp(x)?)?,
        // 1 / (1 + x)
        Log1p => div(g, &one_minus(&neg(x)?)?)?,
        Invert => return Ok(None),
        Conj => g.clone(),
        // J0' = -J1, Y0' = -Y1
        BesselJ0 => neg(&mul(g, &bessel_j1(x)?)?)?,
        BesselY0 => neg(&mul(g, &bessel_y1(x)?)?)?,
        // J1' = J0 - J1/x (1/2 at 0), Y1' = Y0 - Y1/x
        BesselJ1 => mul(g, &sub(&bessel_j0(x)?, &over_x(x, out)?)?)?,
        BesselY1 => mul(g, &sub(&bessel_y0(x)?, &div(out, x)?)?)?,
        // K0' = -K1, K0e' = K0e - K1e
        BesselK0 => neg(&mul(g, &bessel_k1(x)?)?)?,
        BesselK0e => mul(g, &sub(out, &bessel_k1e(x)?)?)?,
        // K1' = -K0 - K1/x, K1e' = K1e - K0e - K1e/x
        BesselK1 => neg(&mul(g, &add(&bessel_k0(x)?, &div(out, x)?)?)?)?,
        BesselK1e => mul(g, &sub(&sub(out, &bessel_k0e(x)?)?, &div(out, x)?)?)?,
        // 1 where x > 0, else 0 (also at 0 and NaN)
        ReLU => super::select(&gt(x, &zeros_like(x)?)?, g, &zeros_like(g)?)?,
        // ψ = Polygamma(0, ·)
        Lgamma => mul(g, &super::polygamma(&zeros_like(x)?, x)?)?,
        // I0' = I1
        BesselI0 => mul(g, &bessel_i1(x)?)?,
        // I0e' = I1e - sign(x)·I0e
        BesselI0e => mul(g, &sub(&bessel_i1e(x)?, &mul(&sign(x)?, out)?)?)?,
        // I1' = I0 - I1/x
        BesselI1 => mul(g, &sub(&bessel_i0(x)?, &over_x(x, out)?)?)?,
        // I1e' = I0e - I1e/x - sign(x)·I1e
        BesselI1e => mul(
            g,
            &sub(
                &sub(&bessel_i0e(x)?, &over_x(x, out)?)?,
                &mul(&sign(x)?, out)?,
            )?,
        )?,
    }))
}

/// [`chain`] for a complex `z`: the JVP (`vjp` false) multiplies the tangent by `f'(z)`, the VJP
/// the cotangent by `conj(f'(z))` (MindSpore's convention, [`conj`]). `abs`, which is not
/// holomorphic, has its own pair: the tangent `t` gives `Re(conj(z)·t) / |z|`, the cotangent `g`
/// gives `Re(g) · z / |z|` (0 at `z = 0`, where the complex division keeps its dividend).
fn complex_chain(op: UnaryOp, z: &Tensor, out: &Tensor, g: &Tensor, vjp: bool) -> Result<Opt> {
    let d = match op {
        Neg => return Ok(Some(neg(g)?)),
        // Not holomorphic: d conj(z) = conj(dz); the cotangent (∂L/∂x + i·∂L/∂y) is conjugated
        // as well.
        Conj => return Ok(Some(conj(g)?)),
        Abs if vjp => return Ok(Some(mul(&real_part(g)?, &div(z, out)?)?)),
        Abs => return Ok(Some(div(&real_part(&mul(&conj(z)?, g)?)?, out)?)),
        Exp => out.clone(),
        Log => div(&super::support::full_like(z, 1.0)?, z)?,
        Sin => cos(z)?,
        Cos => neg(&sin(z)?)?,
        Tanh => one_minus(&mul(out, out)?)?,
        Sqrt => div(&super::support::full_like(z, 0.5)?, out)?,
        // No complex kernel (`UnaryOp::takes_complex`): the forward pass refused already.
        Floor | Erf | Erfc | Erfinv | Expm1 | Log1p | Invert | BesselI0 | BesselI0e | BesselI1
        | BesselI1e | Sigmoid | Atan | Sinh | Lgamma | ReLU | BesselJ0 | BesselJ1 | BesselY0
        | BesselY1 | BesselK0 | BesselK0e | BesselK1 | BesselK1e => {
            return Err(crate::error::Error::no_complex(op.name(), z.dtype()))
        }
    };
    Ok(Some(mul(g, &if vjp { conj(&d)? } else { d })?))
}

/// `f(x)/x` for `f(x) = I1(x)`, `I1e(x)` or `J1(x)`, which are `x/2 + O(x³)`: 1/2 at `x = 0`. (The
/// division runs on `x = 1` there, its value dropped, so no NaN enters higher derivatives.)
fn over_x(x: &Tensor, f: &Tensor) -> Result<Tensor> {
    let zero = zeros_like(x)?;
    let at_0 = super::eq(x, &zero)?;
    let one = super::support::full_like(x, 1.0)?;
    let safe = super::select(&at_0, &one, x)?;
    super::select(&at_0, &scale(&one, 0.5)?, &div(f, &safe)?)
}

impl Rule for UnaryOp {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        use UnaryOp as U;
        // These have MindSpore's name and meaning.
        let same = matches!(
            self,
            U::Neg
                | U::Exp
                | U::Log
                | U::Sin
                | U::Cos
                | U::Tanh
                | U::Sqrt
                | U::Floor
                | U::Erf
                | U::Abs
                | U::Erfinv
                | U::Expm1
                | U::Log1p
                | U::Erfc
                | U::Sigmoid
                | U::Atan
                | U::Sinh
                | U::ReLU
                | U::Invert
        );
        same.then(|| MsForm::op(self.name()))
    }

    fn name(&self) -> &'static str {
        UnaryOp::name(*self)
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity(self.name(), ins, 1)?;
        in_domain_or_complex(self.name(), self.domain(), self.takes_complex(), ins[0].1)?;
        Ok((Dims::from_slice(ins[0].0), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(self.name(), ins)?.unary(*self, ins[0])?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        match &x_t[0] {
            Some(t) if x[0].dtype().is_complex() => complex_chain(*self, &x[0], out, t, false),
            Some(t) => chain(*self, &x[0], out, t),
            None => Ok(None),
        }
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        if x[0].dtype().is_complex() {
            return Ok(smallvec![complex_chain(*self, &x[0], out, ct, true)?]);
        }
        Ok(smallvec![chain(*self, &x[0], out, ct)?])
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        unary(*self, &vals[0])
    }

    fn differentiable(&self) -> bool {
        !matches!(self, Floor | Invert)
    }

    fn is_involution(&self) -> bool {
        UnaryOp::is_involution(*self)
    }
}

/// The `Unary(op)` primitive.
pub fn unary(op: UnaryOp, x: &Tensor) -> Result<Tensor> {
    bind(Prim::Unary(op), &[x])
}

macro_rules! constructors {
    ($($name:ident => $op:ident),*) => {$(
        #[doc = concat!("The `", stringify!($op), "` primitive.")]
        pub fn $name(x: &Tensor) -> Result<Tensor> {
            unary($op, x)
        }
    )*};
}
constructors!(neg => Neg, exp => Exp, log => Log, sin => Sin, cos => Cos, tanh => Tanh,
              sqrt => Sqrt, floor => Floor, erf => Erf, abs => Abs, erfinv => Erfinv,
              expm1 => Expm1, log1p => Log1p, invert => Invert, bessel_i0 => BesselI0,
              bessel_i0e => BesselI0e, bessel_i1 => BesselI1, bessel_i1e => BesselI1e,
              erfc => Erfc, sigmoid => Sigmoid, atan => Atan, sinh => Sinh,
              lgamma => Lgamma, relu => ReLU, bessel_j0 => BesselJ0, bessel_j1 => BesselJ1,
              bessel_y0 => BesselY0, bessel_y1 => BesselY1, bessel_k0 => BesselK0,
              bessel_k0e => BesselK0e, bessel_k1 => BesselK1, bessel_k1e => BesselK1e);

/// The complex conjugate of `z` (the `Conj` primitive); a real `z` is returned as it is. The
/// derivative rules of complex operands use it: with MindSpore's convention (the gradient of a
/// real loss `L` in `z = x + iy` is `∂L/∂x + i·∂L/∂y`), a holomorphic `f` sends the cotangent
/// `g` back as `g · conj(f'(z))`.
pub fn conj(z: &Tensor) -> Result<Tensor> {
    if z.dtype().is_complex() {
        unary(Conj, z)
    } else {
        Ok(z.clone())
    }
}

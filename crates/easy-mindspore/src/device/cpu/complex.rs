//! The complex kernels (Complex64, Complex128): the ops of `op::complex` on host memory. Every
//! operand is read through `elems` (logical row-major order, broadcast views included) and the
//! loops are plain: complex tensors are rare in the models this engine runs, so these kernels
//! have one path each and no threads. Arithmetic follows `num_complex` (C99 `cexp`, `clog`, ...
//! on the principal branch), as NumPy does.

use super::alloc::{self, At};
use super::{elems, CpuBuffer, View};
use crate::dtype::{DType, Element, C128, C64};
use crate::error::{Error, Result};
use crate::op::{BinaryOp, CmpOp, ReduceOp, UnaryOp};
use num_complex::Complex;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// The arithmetic the kernels need of a complex element type.
trait Cx:
    Element
    + Default
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    fn exp(self) -> Self;
    fn ln(self) -> Self;
    fn sin(self) -> Self;
    fn cos(self) -> Self;
    fn tanh(self) -> Self;
    fn sqrt(self) -> Self;
    /// `|z| + 0i`.
    fn abs(self) -> Self;
    fn powc(self, e: Self) -> Self;
    fn conj(self) -> Self;
}

macro_rules! cx {
    ($t:ty, $re:ty, $hypot:path) => {
        impl Cx for $t {
            fn conj(self) -> Self {
                Complex::conj(&self)
            }
            fn exp(self) -> Self {
                Complex::exp(self)
            }
            fn ln(self) -> Self {
                Complex::new($hypot(self.re, self.im).ln(), self.im.atan2(self.re))
            }
            fn sin(self) -> Self {
                Complex::sin(self)
            }
            fn cos(self) -> Self {
                Complex::cos(self)
            }
            fn tanh(self) -> Self {
                Complex::tanh(self)
            }
            fn sqrt(self) -> Self {
                // The principal root from |z| (num-complex's goes through the C library's
                // hypot, whose GLIBC_2.35 symbol version the manylinux_2_34 wheel cannot use).
                let (re, im) = (self.re, self.im);
                if !re.is_finite() || !im.is_finite() {
                    // C99's special values: an infinite imaginary part wins, then NaN, then
                    // the sign of an infinite real part.
                    return if im.is_infinite() {
                        Complex::new(im.abs(), im)
                    } else if re.is_infinite() && im.is_nan() {
                        // sqrt(+inf + NaN·i) = +inf + NaN·i; sqrt(-inf + NaN·i) = NaN + inf·i.
                        if re > 0.0 {
                            Complex::new(re, im)
                        } else {
                            Complex::new(im, re.abs())
                        }
                    } else if re.is_nan() || im.is_nan() {
                        Complex::new(re + im, re + im)
                    } else if re > 0.0 {
                        Complex::new(re, im * 0.0)
                    } else {
                        Complex::new(0.0, re.abs().copysign(im))
                    };
                }
                let r = $hypot(re, im);
                if r == 0.0 {
                    return Complex::new(0.0, im);
                }
                if !(r * 0.5).is_normal() {
                    // (|re| + r) / 2 would lose a subnormal's last bits (to 0 for the
                    // smallest): the root of z·2^100 (exact), times 2^-50.
                    let (up, down) = (2f64.powi(100) as $re, 2f64.powi(-50) as $re);
                    let root = Cx::sqrt(Complex::new(re * up, im * up));
                    return Complex::new(root.re * down, root.im * down);
                }
                let t = ((re.abs() + r) / 2.0).sqrt();
                if re >= 0.0 {
                    Complex::new(t, im / (2.0 * t))
                } else {
                    Complex::new(im.abs() / (2.0 * t), t.copysign(im))
                }
            }
            fn abs(self) -> Self {
                Complex::new($hypot(self.re, self.im), 0.0)
            }
            fn powc(self, e: Self) -> Self {
                // 0 ** 0 is 1; 0 ** e is 0 for Re(e) > 0 (`powc` goes through ln 0 = -inf).
                if self.re == 0.0 && self.im == 0.0 {
                    if e.re == 0.0 && e.im == 0.0 {
                        return Complex::new(1.0, 0.0);
                    }
                    if e.re > 0.0 {
                        return Complex::new(0.0, 0.0);
                    }
                }
                // An integer power of a real exponent by repeated multiplication, exact as
                // NumPy's `z ** 2`.
                if e.im == 0.0 && e.re.fract() == 0.0 && e.re.abs() <= 64.0 {
                    let n = e.re as i32;
                    return Complex::powi(&self, n);
                }
                // e·ln(z), exponentiated (num-complex's powc goes through the C library's hypot).
                Cx::exp(e * Cx::ln(self))
            }
        }
    };
}
cx!(C64, f32, libm::hypotf);
cx!(C128, f64, libm::hypot);

/// Runs `go::<C64>` or `go::<C128>` for a complex dtype; the error of `op` for any other.
macro_rules! dispatch_complex {
    ($op:expr, $dtype:expr, $f:ident ( $($arg:expr),* )) => {
        match $dtype {
            DType::Complex64 => $f::<C64>($($arg),*),
            DType::Complex128 => $f::<C128>($($arg),*),
            d => Err(Error::UnsupportedDType {
                op: $op,
                dtype: d,
                expected: "Complex64 or Complex128",
            }),
        }
    };
}

/// `op(x)` for a complex `x`.
pub(super) fn unary(op: UnaryOp, x: View<'_>) -> Result<CpuBuffer> {
    fn go<T: Cx>(op: UnaryOp, x: View<'_>) -> Result<CpuBuffer> {
        let f: fn(T) -> T = match op {
            UnaryOp::Neg => |z: T| -z,
            UnaryOp::Exp => T::exp,
            UnaryOp::Log => T::ln,
            UnaryOp::Sin => T::sin,
            UnaryOp::Cos => T::cos,
            UnaryOp::Tanh => T::tanh,
            UnaryOp::Sqrt => T::sqrt,
            UnaryOp::Abs => T::abs,
            UnaryOp::Conj => T::conj,
            UnaryOp::Floor
            | UnaryOp::Erf
            | UnaryOp::Erfc
            | UnaryOp::Erfinv
            | UnaryOp::Expm1
            | UnaryOp::Log1p
            | UnaryOp::Invert
            | UnaryOp::BesselI0
            | UnaryOp::BesselI0e
            | UnaryOp::BesselI1
            | UnaryOp::BesselI1e
            | UnaryOp::BesselJ0
            | UnaryOp::BesselJ1
            | UnaryOp::BesselY0
            | UnaryOp::BesselY1
            | UnaryOp::BesselK0
            | UnaryOp::BesselK0e
            | UnaryOp::BesselK1
            | UnaryOp::BesselK1e
            | UnaryOp::Sigmoid
            | UnaryOp::Atan
            | UnaryOp::Sinh
            | UnaryOp::Lgamma
            | UnaryOp::ReLU => return Err(Error::no_complex(op.name(), T::DTYPE)),
        };
        let v = elems::<T>(x).at(op.name())?;
        let mut out = alloc::with_capacity::<T>(v.len()).at(op.name())?;
        out.extend(v.iter().map(|&z| f(z)));
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch_complex!(op.name(), x.dtype(), go(op, x))
}

/// `a op b` for complex `a` and `b` of one shape.
pub(super) fn binary(op: BinaryOp, a: View<'_>, b: View<'_>) -> Result<CpuBuffer> {
    fn go<T: Cx>(op: BinaryOp, a: View<'_>, b: View<'_>) -> Result<CpuBuffer> {
        let f: fn(T, T) -> T = match op {
            BinaryOp::Add => |x: T, y: T| x + y,
            BinaryOp::Sub => |x: T, y: T| x - y,
            BinaryOp::Mul => |x: T, y: T| x * y,
            BinaryOp::Div => div::<T>,
            BinaryOp::Pow => T::powc,
            BinaryOp::Max
            | BinaryOp::Min
            | BinaryOp::Mod
            | BinaryOp::BitwiseAnd
            | BinaryOp::BitwiseOr
            | BinaryOp::BitwiseXor
            | BinaryOp::LeftShift
            | BinaryOp::RightShift
            | BinaryOp::Polygamma => return Err(Error::no_complex(op.name(), T::DTYPE)),
        };
        let (x, y) = (elems::<T>(a).at(op.name())?, elems::<T>(b).at(op.name())?);
        let mut out = alloc::with_capacity::<T>(x.len()).at(op.name())?;
        out.extend(x.iter().zip(y.iter()).map(|(&p, &q)| f(p, q)));
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch_complex!(op.name(), a.dtype(), go(op, a, b))
}

/// `x / y`, with MindSpore 2.10's CPU rule for a zero divisor: the dividend comes back unchanged
/// (`Tensor([1+2j]) / Tensor([0j])` is `1+2j`, measured), where NumPy would give inf/NaN parts.
fn div<T: Cx>(x: T, y: T) -> T {
    if y == T::default() {
        x
    } else {
        x / y
    }
}

/// `a == b` or `a != b` for complex `a` and `b` (both parts equal; NaN equals nothing).
pub(super) fn compare(op: CmpOp, a: View<'_>, b: View<'_>) -> Result<CpuBuffer> {
    fn go<T: Cx>(op: CmpOp, a: View<'_>, b: View<'_>) -> Result<CpuBuffer> {
        let equal = match op {
            CmpOp::Eq => true,
            CmpOp::Ne => false,
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
                return Err(Error::no_complex(op.name(), T::DTYPE))
            }
        };
        let (x, y) = (elems::<T>(a).at("Compare")?, elems::<T>(b).at("Compare")?);
        let mut out = alloc::with_capacity::<bool>(x.len()).at("Compare")?;
        out.extend(x.iter().zip(y.iter()).map(|(p, q)| (p == q) == equal));
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch_complex!("Compare", a.dtype(), go(op, a, b))
}

/// The sum of `x` over `axes` (ascending, distinct), in row-major order of the kept axes.
pub(super) fn reduce(op: ReduceOp, x: View<'_>, axes: &[usize]) -> Result<CpuBuffer> {
    fn go<T: Cx>(op: ReduceOp, x: View<'_>, axes: &[usize]) -> Result<CpuBuffer> {
        match op {
            ReduceOp::Sum => {}
            ReduceOp::Max => return Err(Error::no_complex(op.name(), T::DTYPE)),
        }
        let shape = x.layout.shape();
        let kept: usize = shape
            .iter()
            .enumerate()
            .filter(|(a, _)| !axes.contains(a))
            .map(|(_, &n)| n)
            .product();
        let v = elems::<T>(x).at(op.name())?;
        let mut out = alloc::filled(kept, T::default()).at(op.name())?;
        // Walk the elements in order, keeping the index of the output element each one adds to.
        let mut idx = vec![0usize; shape.len()];
        for &z in v.iter() {
            let mut o = 0;
            for (a, (&i, &n)) in idx.iter().zip(shape).enumerate() {
                if !axes.contains(&a) {
                    o = o * n + i;
                }
            }
            if let Some(s) = out.get_mut(o) {
                *s = *s + z;
            }
            for a in (0..shape.len()).rev() {
                idx[a] += 1;
                if idx[a] < shape[a] {
                    break;
                }
                idx[a] = 0;
            }
        }
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch_complex!(op.name(), x.dtype(), go(op, x, axes))
}

/// The batched matrix product of complex `a` (`[..., m, k]`) and `b` (`[..., k, n]`, the same
/// batch dims) into `out_shape` (`[..., m, n]`): the textbook triple loop.
pub(super) fn matmul(a: View<'_>, b: View<'_>, out_shape: &[usize]) -> Result<CpuBuffer> {
    fn go<T: Cx>(a: View<'_>, b: View<'_>, out_shape: &[usize]) -> Result<CpuBuffer> {
        let sa = a.layout.shape();
        let r = sa.len();
        let (m, k) = (sa[r - 2], sa[r - 1]);
        let n = out_shape[r - 1];
        let total: usize = out_shape.iter().product();
        let batches = total.checked_div(m * n).unwrap_or(0);
        let (x, y) = (elems::<T>(a).at("MatMul")?, elems::<T>(b).at("MatMul")?);
        let mut out = alloc::filled(total, T::default()).at("MatMul")?;
        for bt in 0..batches {
            let (xa, yb, ob) = (bt * m * k, bt * k * n, bt * m * n);
            for i in 0..m {
                for p in 0..k {
                    let xv = x[xa + i * k + p];
                    for j in 0..n {
                        let o = &mut out[ob + i * n + j];
                        *o = *o + xv * y[yb + p * n + j];
                    }
                }
            }
        }
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch_complex!("MatMul", a.dtype(), go(a, b, out_shape))
}

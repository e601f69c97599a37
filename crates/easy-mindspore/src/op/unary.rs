//! [`UnaryOp`]: the unary elementwise ops and their scalar table.

use super::{Arith, Cost, Domain, UnaryKernel};

/// Declares [`UnaryOp`] from its table: one line per op.
macro_rules! unary_ops {
    ($($(#[$doc:meta])* $op:ident: $cost:ident, $domain:ident, $f:expr;)*) => {
        /// A unary elementwise op (the payload of [`crate::prim::Prim::Unary`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum UnaryOp {
            $($(#[$doc])* $op,)*
        }

        impl UnaryOp {
            /// Every unary op, in table order.
            pub const ALL: &'static [UnaryOp] = &[$(UnaryOp::$op),*];

            /// The op's name, as errors and graph text show it.
            pub fn name(self) -> &'static str {
                match self {
                    $(UnaryOp::$op => stringify!($op),)*
                }
            }

            /// The cost class of one element.
            pub fn cost(self) -> Cost {
                match self {
                    $(UnaryOp::$op => Cost::$cost,)*
                }
            }

            /// The dtypes the op accepts.
            pub fn domain(self) -> Domain {
                match self {
                    $(UnaryOp::$op => Domain::$domain,)*
                }
            }

            /// Runs `k` with the op's scalar function on elements of type `T`.
            pub fn kernel<T: Arith, K: UnaryKernel<T>>(self, k: K) -> K::Out {
                match self {
                    $(UnaryOp::$op => k.run(Cost::$cost, $f),)*
                }
            }
        }
    };
}

unary_ops! {
    /// `-x`.
    Neg: Cheap, Numbers, T::neg;
    /// `e^x`.
    Exp: Costly, Floats, T::exp;
    /// Natural logarithm.
    Log: Costly, Floats, T::ln;
    /// Sine.
    Sin: Costly, Floats, T::sin;
    /// Cosine.
    Cos: Costly, Floats, T::cos;
    /// Hyperbolic tangent.
    Tanh: Costly, Floats, T::tanh;
    /// Square root.
    Sqrt: Costly, Floats, T::sqrt;
    /// Round toward negative infinity (the identity on integers); derivative zero.
    Floor: Cheap, Any, T::floor;
    /// The error function `2/√π ∫₀ˣ e^(-t²) dt` (computed in Float64, then rounded).
    Erf: Costly, Floats, |x: T| T::from_f64(libm::erf(x.to_f64()));
    /// `|x|` (`+0.0` for `-0.0`; integers wrap at the minimum, as NumPy); derivative `sign(x)`,
    /// 0 at 0 (as MindSpore and PyTorch).
    Abs: Cheap, Numbers, T::abs;
    /// The inverse error function (computed in Float64, then rounded); `±inf` at `±1`, NaN
    /// outside `[-1, 1]`.
    Erfinv: Costly, Floats, |x: T| T::from_f64(super::scalar::erfinv(x.to_f64()));
    /// `e^x - 1`, exact for small `x` where `exp(x) - 1` cancels (computed in Float64, then
    /// rounded).
    Expm1: Costly, Floats, |x: T| T::from_f64(x.to_f64().exp_m1());
    /// `ln(1 + x)`, exact for small `x` (computed in Float64, then rounded); `-inf` at -1, NaN
    /// below.
    Log1p: Costly, Floats, |x: T| T::from_f64(x.to_f64().ln_1p());
    /// `~x`, bitwise not (integers only, as MindSpore's `Invert`); no derivative.
    Invert: Cheap, Ints, T::bit_not;
    /// The modified Bessel function `I0` (computed in Float64, then rounded).
    BesselI0: Costly, Floats, |x: T| T::from_f64(super::bessel::i0(x.to_f64()));
    /// `e^(-|x|)·I0(x)` (computed in Float64, then rounded).
    BesselI0e: Costly, Floats, |x: T| T::from_f64(super::bessel::i0e(x.to_f64()));
    /// The modified Bessel function `I1` (computed in Float64, then rounded).
    BesselI1: Costly, Floats, |x: T| T::from_f64(super::bessel::i1(x.to_f64()));
    /// `e^(-|x|)·I1(x)` (computed in Float64, then rounded).
    BesselI1e: Costly, Floats, |x: T| T::from_f64(super::bessel::i1e(x.to_f64()));
    /// The complementary error function `1 - erf(x)`, computed directly (in Float64, then
    /// rounded) so that its tail keeps its digits: `erfc(4) = 1.54e-8`, where `1 - erf(4)` is 0
    /// in Float32.
    Erfc: Costly, Floats, |x: T| T::from_f64(libm::erfc(x.to_f64()));
    /// The logistic function `1 / (1 + e^(-x))`, in this form on the whole line: for `x < 0`
    /// `e^(-x)` grows and the quotient keeps its relative accuracy (`sigmoid(-20) = 2.06e-9`,
    /// where `0.5·tanh(x/2) + 0.5` cancels to 0); within 2 units in the last place, in the
    /// dtype's own arithmetic (Float64 arithmetic for Float32 was twice as slow).
    Sigmoid: Costly, Floats, sigmoid::<T>;
    /// `atan(x)` (computed in Float64, then rounded).
    Atan: Costly, Floats, |x: T| T::from_f64(libm::atan(x.to_f64()));
    /// `sinh(x)` (computed in Float64, then rounded): accurate near 0, where
    /// `(e^x - e^-x) / 2` cancels.
    Sinh: Costly, Floats, |x: T| T::from_f64(libm::sinh(x.to_f64()));
    /// `ln|Γ(x)|` (computed in Float64, then rounded); `+inf` at 0, the negative integers and
    /// `±inf`; derivative `ψ(x)`, which is `Polygamma(0, x)`.
    Lgamma: Costly, Floats, |x: T| T::from_f64(super::special::lgamma(x.to_f64()));
    /// `x` where `x > 0`, else 0, as MindSpore 2.10's `ReLU`: `relu(NaN) = 0` and
    /// `relu(-0.0) = +0.0`; integers too (unsigned ones unchanged), Bool unchanged. Derivative 1
    /// where `x > 0`, else 0 (0 at 0, as MindSpore).
    ReLU: Cheap, Any, |x: T| {
        let zero = T::from_f64(0.0);
        if x > zero { x } else { zero }
    };
    /// The complex conjugate `re − i·im`, the imaginary part's sign flipped (`1+0j` gives
    /// `1−0j`, as MindSpore and NumPy); the identity on real numbers. Derivative: the conjugate
    /// of the tangent, and of the cotangent.
    Conj: Cheap, Numbers, |x: T| x;
    /// The Bessel function of the first kind `J0` (libm's, in Float64, then rounded).
    BesselJ0: Costly, Floats, |x: T| T::from_f64(libm::j0(x.to_f64()));
    /// The Bessel function of the first kind `J1` (libm's).
    BesselJ1: Costly, Floats, |x: T| T::from_f64(libm::j1(x.to_f64()));
    /// The Bessel function of the second kind `Y0` (libm's; NaN below 0).
    BesselY0: Costly, Floats, |x: T| T::from_f64(super::bessel::y0(x.to_f64()));
    /// The Bessel function of the second kind `Y1` (libm's; NaN below 0).
    BesselY1: Costly, Floats, |x: T| T::from_f64(super::bessel::y1(x.to_f64()));
    /// The modified Bessel function of the second kind `K0` (NaN below 0, `inf` at 0).
    BesselK0: Costly, Floats, |x: T| T::from_f64(super::bessel::k0(x.to_f64()));
    /// `e^x·K0(x)`.
    BesselK0e: Costly, Floats, |x: T| T::from_f64(super::bessel::k0e(x.to_f64()));
    /// The modified Bessel function of the second kind `K1`.
    BesselK1: Costly, Floats, |x: T| T::from_f64(super::bessel::k1(x.to_f64()));
    /// `e^x·K1(x)`.
    BesselK1e: Costly, Floats, |x: T| T::from_f64(super::bessel::k1e(x.to_f64()));
}

impl UnaryOp {
    /// True when applying the op twice gives back the operand (`-(-x) = x`).
    pub fn is_involution(self) -> bool {
        matches!(self, UnaryOp::Neg | UnaryOp::Conj)
    }
}

/// The logistic function `1 / (1 + e^(-x))`: `Sigmoid`'s scalar function, which the fused
/// recurrent cells (`super::cell`) share.
#[inline(always)]
pub(crate) fn sigmoid<T: Arith>(x: T) -> T {
    let one = T::from_f64(1.0);
    one.div(one.add(x.neg().exp()))
}

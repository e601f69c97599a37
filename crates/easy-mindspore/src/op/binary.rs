//! [`BinaryOp`]: the binary elementwise ops and their scalar table.

use super::scalar::{max_nan, min_nan};
use super::{Arith, BinaryKernel, Cost, Domain};

/// Declares [`BinaryOp`] from its table: one line per op, with the constants that are its left
/// and right identities (`1·x = x`, `x - 0 = x`), which `jit` uses to drop no-op equations.
macro_rules! binary_ops {
    ($($(#[$doc:meta])* $op:ident: $cost:ident, $domain:ident, $f:expr,
       identity $left:expr, $right:expr;)*) => {
        /// A binary elementwise op on equal shapes and dtypes (the payload of
        /// [`crate::prim::Prim::Binary`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum BinaryOp {
            $($(#[$doc])* $op,)*
        }

        impl BinaryOp {
            /// Every binary op, in table order.
            pub const ALL: &'static [BinaryOp] = &[$(BinaryOp::$op),*];

            /// The op's name, as errors and graph text show it.
            pub fn name(self) -> &'static str {
                match self {
                    $(BinaryOp::$op => stringify!($op),)*
                }
            }

            /// The cost class of one element.
            pub fn cost(self) -> Cost {
                match self {
                    $(BinaryOp::$op => Cost::$cost,)*
                }
            }

            /// The dtypes the op accepts.
            pub fn domain(self) -> Domain {
                match self {
                    $(BinaryOp::$op => Domain::$domain,)*
                }
            }

            /// `(left, right)`: the constant `c` with `c ⊙ x = x`, and the one with `x ⊙ c = x`.
            pub fn identities(self) -> (Option<f64>, Option<f64>) {
                match self {
                    $(BinaryOp::$op => ($left, $right),)*
                }
            }

            /// Runs `k` with the op's scalar function on elements of type `T`.
            pub fn kernel<T: Arith, K: BinaryKernel<T, T>>(self, k: K) -> K::Out {
                match self {
                    $(BinaryOp::$op => k.run(Cost::$cost, $f),)*
                }
            }
        }
    };
}

binary_ops! {
    /// `x + y`.
    Add: Cheap, Any, T::add, identity Some(0.0), Some(0.0);
    /// `x - y`.
    Sub: Cheap, Numbers, T::sub, identity None, Some(0.0);
    /// `x * y`.
    Mul: Cheap, Any, T::mul, identity Some(1.0), Some(1.0);
    /// `x / y`; on integers Python's floor division (`//`), with `x // 0 == 0`.
    Div: Cheap, Numbers, T::div, identity None, Some(1.0);
    /// `x ** y`.
    Pow: Costly, Numbers, T::pow, identity None, None;
    /// Elementwise maximum (NaN propagates; ties split the derivative evenly).
    Max: Cheap, Any, max_nan::<T>, identity None, None;
    /// Elementwise minimum (NaN propagates; ties split the derivative evenly).
    Min: Cheap, Any, min_nan::<T>, identity None, None;
    /// `x % y`, the remainder of floor division with the sign of `y`, as NumPy's `remainder`
    /// (floats: from the exact `fmod`; integers: `x % 0 == 0`).
    Mod: Costly, Numbers, T::rem, identity None, None;
    /// `x & y`, bitwise (integers and Bool).
    BitwiseAnd: Cheap, Bits, T::bit_and, identity None, None;
    /// `x | y`, bitwise (integers and Bool).
    BitwiseOr: Cheap, Bits, T::bit_or, identity Some(0.0), Some(0.0);
    /// `x ^ y`, bitwise (integers and Bool).
    BitwiseXor: Cheap, Bits, T::bit_xor, identity Some(0.0), Some(0.0);
    /// `x << y` (integers; 0 for a count outside `[0, bits)`, as NumPy).
    LeftShift: Cheap, Ints, T::shl, identity None, Some(0.0);
    /// `x >> y`, arithmetic for signed and logical for unsigned dtypes (integers; a count
    /// outside `[0, bits)` gives -1 for a negative `x`, else 0, as NumPy).
    RightShift: Cheap, Ints, T::shr, identity None, Some(0.0);
    /// `ψ⁽ⁿ⁾(x)`, the polygamma function of order `n` (the left operand, a whole number held in
    /// the float dtype; `n = 0` is the digamma function), computed in Float64 and rounded
    /// (`op::special`); differentiable in `x` only: `∂/∂x = Polygamma(n + 1, x)`.
    Polygamma: Costly, Floats, |n: T, x: T| {
        T::from_f64(super::special::polygamma(n.to_f64(), x.to_f64()))
    }, identity None, None;
}

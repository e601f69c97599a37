//! [`CmpOp`]: the elementwise comparisons and their scalar table.

use super::{Arith, BinaryKernel, Cost};

/// Declares [`CmpOp`] from its table: one line per comparison.
macro_rules! compare_ops {
    ($($(#[$doc:meta])* $op:ident: $f:expr;)*) => {
        /// The comparison a [`crate::prim::Prim::Compare`] performs (Bool result; not
        /// differentiable).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum CmpOp {
            $($(#[$doc])* $op,)*
        }

        impl CmpOp {
            /// Every comparison, in table order.
            pub const ALL: &'static [CmpOp] = &[$(CmpOp::$op),*];

            /// The comparison's name (`Lt`).
            pub fn name(self) -> &'static str {
                match self {
                    $(CmpOp::$op => stringify!($op),)*
                }
            }

            /// Runs `k` with the comparison as a scalar function of two `T`s.
            pub fn kernel<T: Arith, K: BinaryKernel<T, bool>>(self, k: K) -> K::Out {
                match self {
                    $(CmpOp::$op => k.run(Cost::Cheap, $f),)*
                }
            }
        }
    };
}

compare_ops! {
    /// `==`
    Eq: |x: T, y: T| x == y;
    /// `!=`
    Ne: |x: T, y: T| x != y;
    /// `<`
    Lt: |x: T, y: T| x < y;
    /// `<=`
    Le: |x: T, y: T| x <= y;
    /// `>`
    Gt: |x: T, y: T| x > y;
    /// `>=`
    Ge: |x: T, y: T| x >= y;
}

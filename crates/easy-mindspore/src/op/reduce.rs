//! [`ReduceOp`]: the reductions and their scalar table.

use super::scalar::max_nan;
use super::{Arith, BinaryKernel, Cost};

/// Declares [`ReduceOp`] from its table: one line per reduction, with its name, the value of an
/// empty reduction (`None`: an empty reduction is an error) and the scalar step that folds one
/// element into the accumulator.
macro_rules! reduce_ops {
    ($($(#[$doc:meta])* $op:ident: $name:literal, empty $empty:expr, $f:expr;)*) => {
        /// A reduction over axes (the payload of [`crate::prim::Prim::Reduce`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ReduceOp {
            $($(#[$doc])* $op,)*
        }

        impl ReduceOp {
            /// Every reduction, in table order.
            pub const ALL: &'static [ReduceOp] = &[$(ReduceOp::$op),*];

            /// The primitive's name (`ReduceSum`).
            pub fn name(self) -> &'static str {
                match self {
                    $(ReduceOp::$op => $name,)*
                }
            }

            /// The result of reducing no elements, or `None` when that is an error.
            pub fn empty(self) -> Option<f64> {
                match self {
                    $(ReduceOp::$op => $empty,)*
                }
            }

            /// Runs `k` with the step that folds an element into the accumulator.
            pub fn kernel<T: Arith, K: BinaryKernel<T, T>>(self, k: K) -> K::Out {
                match self {
                    $(ReduceOp::$op => k.run(Cost::Cheap, $f),)*
                }
            }
        }
    };
}

reduce_ops! {
    /// Sum (Float32 accumulates in Float64; integers wrap; Bool is `any`).
    Sum: "ReduceSum", empty Some(0.0), T::add;
    /// Maximum (NaN propagates); an error over an empty axis.
    Max: "ReduceMax", empty None, max_nan::<T>;
}

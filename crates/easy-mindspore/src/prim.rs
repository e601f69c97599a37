//! The closed set of primitives. Every operation in the engine is, at the bottom, one of these applied
//! through [`crate::interp::bind`].
//!
//! Invariant: primitives are strict. Binary elementwise primitives take equal shapes and equal dtypes;
//! axes are non-negative and in range; nothing here broadcasts or promotes (that is `ops/`'s job).

use crate::dtype::DType;
use crate::layout::Dims;

/// The comparison a [`Prim::Compare`] performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// A primitive operation with its static parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    /// `-x`.
    Neg,
    /// `e^x` (floats).
    Exp,
    /// Natural logarithm (floats).
    Log,
    /// Sine (floats).
    Sin,
    /// Cosine (floats).
    Cos,
    /// Hyperbolic tangent (floats).
    Tanh,
    /// Square root (floats).
    Sqrt,
    /// Round toward negative infinity (identity on integers); derivative zero.
    Floor,
    /// `x + y`.
    Add,
    /// `x - y`.
    Sub,
    /// `x * y`.
    Mul,
    /// `x / y`; on integers Python's floor division (`//`), with `x // 0 == 0`.
    Div,
    /// `x ** y`.
    Pow,
    /// Elementwise maximum (ties split the derivative evenly).
    Max,
    /// Elementwise minimum (ties split the derivative evenly).
    Min,
    /// Elementwise comparison giving Bool; not differentiable.
    Compare(CmpOp),
    /// `where(cond, x, y)`: cond is Bool; x and y share shape and dtype.
    Where,
    /// Conversion to another dtype (float → int truncates toward zero).
    Cast(DType),
    /// Sum over the listed axes (removed from the shape).
    ReduceSum {
        /// Sorted, distinct axes.
        axes: Dims,
    },
    /// Maximum over the listed axes (removed from the shape).
    ReduceMax {
        /// Sorted, distinct axes.
        axes: Dims,
    },
    /// Index of the first maximum along an axis (removed), as Int32; not differentiable.
    ArgMax {
        /// The axis.
        axis: usize,
    },
    /// Inclusive cumulative sum along an axis.
    Cumsum {
        /// The axis.
        axis: usize,
    },
    /// Same elements, new shape of equal size.
    Reshape {
        /// The new shape.
        shape: Dims,
    },
    /// Axes reordered: output axis `i` is input axis `perm[i]`.
    Permute {
        /// A permutation of `0..ndim`.
        perm: Dims,
    },
    /// Broadcast to `shape`; input axis `i` maps to output axis `dims[i]` (size equal, or 1).
    BroadcastInDim {
        /// The output shape.
        shape: Dims,
        /// Increasing output axes, one per input axis.
        dims: Dims,
    },
    /// Strided slice with positive steps.
    Slice {
        /// First index per axis.
        starts: Dims,
        /// Exclusive end per axis (`starts <= limits <= dim`).
        limits: Dims,
        /// Step per axis (>= 1).
        steps: Dims,
    },
    /// Zero padding: `lo` before, `hi` after, `interior` between elements, per axis.
    Pad {
        /// Zeros before each axis.
        lo: Dims,
        /// Zeros after each axis.
        hi: Dims,
        /// Zeros between neighbouring elements of each axis.
        interior: Dims,
    },
    /// Concatenation of equally-typed operands along an axis.
    Concat {
        /// The axis.
        axis: usize,
    },
    /// Reverse the listed axes.
    Rev {
        /// Distinct axes.
        axes: Dims,
    },
    /// Batched matrix product `[..., m, k] @ [..., k, n]` with equal batch shapes.
    MatMul,
    /// `x[..., idx, ...]` along `axis` with an integer index tensor: the output shape is
    /// `x.shape[..axis] ++ idx.shape ++ x.shape[axis+1..]`.
    Gather {
        /// The gathered axis.
        axis: usize,
    },
    /// `operand` with `updates` added at `idx` along `axis` (the transpose of `Gather`); repeated
    /// indices accumulate.
    ScatterAdd {
        /// The scattered axis.
        axis: usize,
    },
    /// The value of its input; every derivative is zero.
    StopGradient,
    /// A user function with a user-written backward rule (any number of inputs, one output).
    Custom(crate::transforms::custom::CustomVjp),
}

impl Prim {
    /// The name of every primitive, in enum order: the checklist for tests.
    pub const ALL_NAMES: [&'static str; 34] = [
        "Neg",
        "Exp",
        "Log",
        "Sin",
        "Cos",
        "Tanh",
        "Sqrt",
        "Floor",
        "Add",
        "Sub",
        "Mul",
        "Div",
        "Pow",
        "Max",
        "Min",
        "Compare",
        "Where",
        "Cast",
        "ReduceSum",
        "ReduceMax",
        "ArgMax",
        "Cumsum",
        "Reshape",
        "Permute",
        "BroadcastInDim",
        "Slice",
        "Pad",
        "Concat",
        "Rev",
        "MatMul",
        "Gather",
        "ScatterAdd",
        "StopGradient",
        "Custom",
    ];

    /// The primitive's name (its enum variant).
    pub fn name(&self) -> &'static str {
        match self {
            Prim::Neg => "Neg",
            Prim::Exp => "Exp",
            Prim::Log => "Log",
            Prim::Sin => "Sin",
            Prim::Cos => "Cos",
            Prim::Tanh => "Tanh",
            Prim::Sqrt => "Sqrt",
            Prim::Floor => "Floor",
            Prim::Add => "Add",
            Prim::Sub => "Sub",
            Prim::Mul => "Mul",
            Prim::Div => "Div",
            Prim::Pow => "Pow",
            Prim::Max => "Max",
            Prim::Min => "Min",
            Prim::Compare(_) => "Compare",
            Prim::Where => "Where",
            Prim::Cast(_) => "Cast",
            Prim::ReduceSum { .. } => "ReduceSum",
            Prim::ReduceMax { .. } => "ReduceMax",
            Prim::ArgMax { .. } => "ArgMax",
            Prim::Cumsum { .. } => "Cumsum",
            Prim::Reshape { .. } => "Reshape",
            Prim::Permute { .. } => "Permute",
            Prim::BroadcastInDim { .. } => "BroadcastInDim",
            Prim::Slice { .. } => "Slice",
            Prim::Pad { .. } => "Pad",
            Prim::Concat { .. } => "Concat",
            Prim::Rev { .. } => "Rev",
            Prim::MatMul => "MatMul",
            Prim::Gather { .. } => "Gather",
            Prim::ScatterAdd { .. } => "ScatterAdd",
            Prim::StopGradient => "StopGradient",
            Prim::Custom(_) => "Custom",
        }
    }

    /// False for primitives whose output carries no derivative (comparisons, argmax, floor,
    /// stop_gradient): tracing interpreters return their primal output untraced.
    pub fn is_differentiable(&self) -> bool {
        !matches!(
            self,
            Prim::Compare(_) | Prim::ArgMax { .. } | Prim::Floor | Prim::StopGradient
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_primitive_set_stays_small() {
        // Growing the set is a decision: change this number on purpose.
        assert_eq!(Prim::ALL_NAMES.len(), 34);
    }
}

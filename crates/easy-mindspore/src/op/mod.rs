//! The op groups of the primitive set — unary and binary arithmetic, comparisons, reductions —
//! each with its one **scalar table**: the name, cost class, accepted dtypes and scalar function
//! of every op, in one place. The eager kernels, the fused `jit` kernels and any later device all
//! read these tables, so no kernel lists the ops of a group again and a new elementwise op is one
//! line here (plus its derivative in `prim`).
//!
//! Beside the tables, the element side of the random primitives: `random` (Philox-4x32-10 for
//! the engine's keyed draws), `stdcxx` (libstdc++'s engines and distributions) and `ms_stream`
//! (MindSpore's random kernels as a compiled graph keeps them).
//!
//! Invariant: this layer knows nothing of tensors; it describes what one element of an op is.

pub mod bessel;
mod binary;
pub mod cell;
mod compare;
mod complex;
pub mod eig;
pub(crate) mod fastmath;
mod linalg;
pub mod ms_stream;
pub mod random;
mod reduce;
mod scalar;
pub mod special;
pub mod stdcxx;
pub mod svd;
mod unary;
mod window;

pub use binary::BinaryOp;
pub use cell::CellOp;
pub use compare::CmpOp;
pub use linalg::{Field, LinalgOp, SvdParts};
pub use reduce::ReduceOp;
pub use scalar::Arith;
pub use unary::UnaryOp;
pub use window::{ConvKind, PoolKind, Window};

use crate::dtype::DType;

/// How much work one element of an op is. Kernels decide from it when to split across threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cost {
    /// Arithmetic, comparison, selection, conversion, copies: bound by memory.
    Cheap,
    /// Transcendental functions and powers: tens of cycles per element.
    Costly,
}

/// The dtypes an op accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Domain {
    /// Every dtype, Bool included.
    Any,
    /// Numbers: every dtype but Bool.
    Numbers,
    /// The floats (Float16, BFloat16, Float32, Float64).
    Floats,
    /// The integers and Bool (the bitwise ops).
    Bits,
    /// The integers (the shifts).
    Ints,
}

impl Domain {
    /// True when `d` is in the domain (never a complex dtype: see `op::complex`).
    pub fn accepts(self, d: DType) -> bool {
        if d.is_complex() {
            // Complex operands are accepted op by op (`takes_complex`, `op::complex`).
            return false;
        }
        match self {
            Domain::Any => true,
            Domain::Numbers => d != DType::Bool,
            Domain::Floats => d.is_float(),
            Domain::Bits => !d.is_float(),
            Domain::Ints => !d.is_float() && d != DType::Bool,
        }
    }

    /// What the domain accepts, for error messages.
    pub fn describe(self) -> &'static str {
        match self {
            Domain::Any => "any dtype",
            Domain::Numbers => "a number type",
            Domain::Floats => "a float type (Float16, BFloat16, Float32 or Float64)",
            Domain::Bits => "an integer type or Bool",
            Domain::Ints => "an integer type (Int8 to Int64, UInt8 to UInt64)",
        }
    }
}

/// A kernel over the scalar function of a unary op, called with that function as a closure the
/// compiler can inline, so each op gets its own monomorphised loop.
pub trait UnaryKernel<T> {
    /// What the kernel returns.
    type Out;
    /// Runs the kernel with `f`, the op's scalar function, of the op's `cost`.
    fn run(self, cost: Cost, f: impl Fn(T) -> T + Copy + Send + Sync) -> Self::Out;
}

/// A kernel over the scalar function of a binary op (see [`UnaryKernel`]).
pub trait BinaryKernel<T, U> {
    /// What the kernel returns.
    type Out;
    /// Runs the kernel with `f`, the op's scalar function, of the op's `cost`.
    fn run(self, cost: Cost, f: impl Fn(T, T) -> U + Copy + Send + Sync) -> Self::Out;
}

//! Which ops take complex operands (Complex64, Complex128): one exhaustive `match` per op group,
//! in table order, so a new op must say. MindSpore 2.10 on the CPU is the reference: arithmetic,
//! `exp`, `log`, `sqrt`, `sin`, `cos`, `tanh`, `abs` (whose result stays complex, `|z| + 0j`),
//! the conjugate,
//! `==`/`!=` and sums; no ordering, rounding, bitwise or special functions.

use super::{BinaryOp, CmpOp, ReduceOp, UnaryOp};

impl UnaryOp {
    /// True when the op has a complex kernel.
    pub fn takes_complex(self) -> bool {
        match self {
            UnaryOp::Neg
            | UnaryOp::Exp
            | UnaryOp::Log
            | UnaryOp::Sin
            | UnaryOp::Cos
            | UnaryOp::Tanh
            | UnaryOp::Sqrt
            | UnaryOp::Abs
            | UnaryOp::Conj => true,
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
            | UnaryOp::ReLU => false,
        }
    }
}

impl BinaryOp {
    /// True when the op has a complex kernel.
    pub fn takes_complex(self) -> bool {
        match self {
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Pow => true,
            BinaryOp::Max
            | BinaryOp::Min
            | BinaryOp::Mod
            | BinaryOp::BitwiseAnd
            | BinaryOp::BitwiseOr
            | BinaryOp::BitwiseXor
            | BinaryOp::LeftShift
            | BinaryOp::RightShift
            | BinaryOp::Polygamma => false,
        }
    }
}

impl CmpOp {
    /// True when the comparison is defined on complex numbers (equality only: they have no order).
    pub fn takes_complex(self) -> bool {
        match self {
            CmpOp::Eq | CmpOp::Ne => true,
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => false,
        }
    }
}

impl ReduceOp {
    /// True when the reduction has a complex kernel.
    pub fn takes_complex(self) -> bool {
        match self {
            ReduceOp::Sum => true,
            ReduceOp::Max => false,
        }
    }
}

//! Bitwise ops on integer and Bool tensors, with broadcasting and promotion: `&`, `|`, `^`
//! (MindSpore's `BitwiseAnd`, `BitwiseOr`, `BitwiseXor`), and on integer tensors only `~`
//! (`Invert`) and the shifts `<<`, `>>` (`LeftShift`, `RightShift`). Float operands are a type error (Python's
//! `TypeError`) naming the op. None has a derivative.

use super::{align, prim, IntoOperand};
use crate::error::Result;
use crate::tensor::Tensor;

macro_rules! bitwise_binary {
    ($($name:ident, $op:literal: $doc:literal;)*) => {$(
        #[doc = $doc]
        pub fn $name(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
            let (x, y) = align($op, &a.into_operand()?, &b.into_operand()?, None)?;
            prim::$name(&x, &y)
        }
    )*};
}
bitwise_binary! {
    bitwise_and, "BitwiseAnd": "`a & b`, bitwise (logical for Bool).";
    bitwise_or, "BitwiseOr": "`a | b`, bitwise (logical for Bool).";
    bitwise_xor, "BitwiseXor": "`a ^ b`, bitwise (logical for Bool).";
    left_shift, "LeftShift": "`a << b` (integers; 0 for a count outside `[0, bits)`, as NumPy).";
    right_shift, "RightShift":
        "`a >> b` (integers; arithmetic for signed dtypes, logical for unsigned ones; a count \
         outside `[0, bits)` gives -1 for negative `a`, else 0, as NumPy).";
}

/// `~x`: bitwise not of an integer tensor (Bool is refused, as by MindSpore's `Invert`).
pub fn invert(x: &Tensor) -> Result<Tensor> {
    prim::invert(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::DType;

    #[test]
    fn bitwise_ops_match_numpy_rules() -> Result<()> {
        let a = Tensor::from_vec(vec![12i32, -7, 0, i32::MIN], &[4])?;
        let b = Tensor::from_vec(vec![10i32, 3, -1, 1], &[4])?;
        assert_eq!(bitwise_and(&a, &b)?.to_vec::<i32>(), vec![8, 1, 0, 0]);
        assert_eq!(
            bitwise_or(&a, &b)?.to_vec::<i32>(),
            vec![14, -5, -1, i32::MIN + 1]
        );
        assert_eq!(
            bitwise_xor(&a, &b)?.to_vec::<i32>(),
            vec![6, -6, -1, i32::MIN + 1]
        );
        assert_eq!(invert(&a)?.to_vec::<i32>(), vec![-13, 6, -1, i32::MAX]);
        let n = Tensor::from_vec(vec![1i32, 31, 32, -1], &[4])?;
        assert_eq!(
            left_shift(&b, &n)?.to_vec::<i32>(),
            vec![20, i32::MIN, 0, 0]
        );
        assert_eq!(right_shift(&a, &n)?.to_vec::<i32>(), vec![6, -1, 0, -1]);
        // UInt64 shifts right logically, above 2^63 too.
        let u = Tensor::from_vec(vec![u64::MAX, 1u64 << 63], &[2])?;
        let s = Tensor::from_vec(vec![60u64, 64], &[2])?;
        assert_eq!(right_shift(&u, &s)?.to_vec::<u64>(), vec![15, 0]);
        // A float operand is a type error naming the op.
        let f = Tensor::from_vec(vec![1.0f32], &[1])?;
        let err = bitwise_and(&f, &f).expect_err("float operand");
        assert!(err.to_string().contains("BitwiseAnd"), "{err}");
        let bools = Tensor::from_vec(vec![true, false], &[2])?;
        assert!(
            invert(&bools).is_err(),
            "Invert refuses Bool, as MindSpore's"
        );
        assert!(left_shift(&bools, &bools).is_err());
        assert_eq!(bitwise_xor(&bools, true)?.dtype(), DType::Bool);
        Ok(())
    }
}

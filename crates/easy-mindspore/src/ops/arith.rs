//! Binary arithmetic and comparisons with broadcasting and promotion, and Rust's operators on
//! tensors (`&a + &b`, `2.0 * &x`, `(&a * &b)? - 1`, `(&a * &b) + &c`), each returning
//! `Result<Tensor>`. (Rust's orphan rule allows `Result<Tensor>` only beside a `Tensor` operand.)

use super::{align, prim, IntoOperand, Operand};
use crate::dtype::DType;
use crate::error::Result;
use crate::tensor::Tensor;

/// `a + b`.
pub fn add(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("Add", &a.into_operand()?, &b.into_operand()?, None)?;
    prim::add(&x, &y)
}

/// `a - b`.
pub fn sub(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("Sub", &a.into_operand()?, &b.into_operand()?, None)?;
    prim::sub(&x, &y)
}

/// `a * b`.
pub fn mul(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("Mul", &a.into_operand()?, &b.into_operand()?, None)?;
    prim::mul(&x, &y)
}

/// True division `a / b`; integers and bools divide as Float32 (MindSpore).
pub fn div(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (a, b) = (a.into_operand()?, b.into_operand()?);
    let d = super::result_dtype(&a, &b).to_float();
    let (x, y) = align("Div", &a, &b, Some(d))?;
    prim::div(&x, &y)
}

/// Floor division `a // b` (Python semantics: `[7, -7] // 2 == [3, -4]`).
pub fn floor_divide(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("FloorDiv", &a.into_operand()?, &b.into_operand()?, None)?;
    floor_div_aligned(&x, &y)
}

fn floor_div_aligned(x: &Tensor, y: &Tensor) -> Result<Tensor> {
    match x.dtype() {
        d if d.is_complex() => Err(crate::error::Error::no_complex("FloorDiv", d)),
        d if d.is_float() => prim::floor(&prim::div(x, y)?),
        DType::Bool => prim::cast(
            &prim::div(&prim::cast(x, DType::Int64)?, &prim::cast(y, DType::Int64)?)?,
            DType::Bool,
        ),
        _ => prim::div(x, y),
    }
}

/// Remainder `a % b` with the sign of `b` (Python semantics: `[7, -7] % 3 == [1, 2]`), as NumPy's
/// `remainder` computes it: from the exact `fmod` for floats, so `1e30 % 7` is 1e30's true
/// remainder (not `x - floor(x/y)·y`, which loses every digit there); `x % 0` is NaN for floats
/// and 0 for integers; a zero result has the sign of `b`; `x % ±inf` is `x` when the signs agree.
/// Bools compute as Int64 (the result, always false, stays Bool).
pub fn remainder(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("Mod", &a.into_operand()?, &b.into_operand()?, None)?;
    match x.dtype() {
        DType::Bool => prim::cast(
            &prim::rem(
                &prim::cast(&x, DType::Int64)?,
                &prim::cast(&y, DType::Int64)?,
            )?,
            DType::Bool,
        ),
        _ => prim::rem(&x, &y),
    }
}

/// `a ** b`.
pub fn pow(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("Pow", &a.into_operand()?, &b.into_operand()?, None)?;
    prim::pow(&x, &y)
}

/// Elementwise maximum.
pub fn maximum(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("Maximum", &a.into_operand()?, &b.into_operand()?, None)?;
    prim::max(&x, &y)
}

/// Elementwise minimum.
pub fn minimum(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("Minimum", &a.into_operand()?, &b.into_operand()?, None)?;
    prim::min(&x, &y)
}

/// `-a`.
pub fn neg(a: impl IntoOperand) -> Result<Tensor> {
    match a.into_operand()? {
        Operand::Tensor(t) if t.dtype() == DType::Bool => Err(crate::Error::UnsupportedDType {
            op: "Neg",
            dtype: DType::Bool,
            expected: "a number type",
        }),
        Operand::Tensor(t) => prim::neg(&t),
        Operand::Scalar(s) => prim::neg(&Tensor::full_scalar(s, s.default_dtype())),
    }
}

/// A comparison (`prim::lt`...) of two operands, promoted and broadcast together; `name` is the
/// op in errors.
fn compare(
    cmp: fn(&Tensor, &Tensor) -> Result<Tensor>,
    name: &'static str,
    a: impl IntoOperand,
    b: impl IntoOperand,
) -> Result<Tensor> {
    let (x, y) = align(name, &a.into_operand()?, &b.into_operand()?, None)?;
    cmp(&x, &y)
}

/// `a == b` elementwise, as Bool.
pub fn equal(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    compare(prim::eq, "Equal", a, b)
}
/// `a != b` elementwise, as Bool.
pub fn not_equal(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    compare(prim::ne, "NotEqual", a, b)
}
/// `a < b` elementwise, as Bool.
pub fn less(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    compare(prim::lt, "Less", a, b)
}
/// `a <= b` elementwise, as Bool.
pub fn less_equal(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    compare(prim::le, "LessEqual", a, b)
}
/// `a > b` elementwise, as Bool.
pub fn greater(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    compare(prim::gt, "Greater", a, b)
}
/// `a >= b` elementwise, as Bool.
pub fn greater_equal(a: impl IntoOperand, b: impl IntoOperand) -> Result<Tensor> {
    compare(prim::ge, "GreaterEqual", a, b)
}

/// `where(cond, x, y)`: elements of `x` where `cond` is true, else of `y`, all broadcast together;
/// `x` and `y` promote as in arithmetic.
pub fn where_(cond: impl IntoOperand, x: impl IntoOperand, y: impl IntoOperand) -> Result<Tensor> {
    let (x, y) = align("Where", &x.into_operand()?, &y.into_operand()?, None)?;
    let c = match cond.into_operand()? {
        Operand::Tensor(c) => prim::cast(&c, DType::Bool)?,
        Operand::Scalar(s) => Tensor::full_scalar(s, DType::Bool),
    };
    let shape = super::broadcast_shapes("Where", c.dims(), x.dims())?;
    let (c, x, y) = (
        super::broadcast_to(&c, &shape)?,
        super::broadcast_to(&x, &shape)?,
        super::broadcast_to(&y, &shape)?,
    );
    prim::select(&c, &x, &y)
}

impl Tensor {
    /// `self == other` elementwise.
    pub fn equal(&self, other: impl IntoOperand) -> Result<Tensor> {
        equal(self, other)
    }
    /// `self != other` elementwise.
    pub fn not_equal(&self, other: impl IntoOperand) -> Result<Tensor> {
        not_equal(self, other)
    }
    /// `self < other` elementwise.
    pub fn less(&self, other: impl IntoOperand) -> Result<Tensor> {
        less(self, other)
    }
    /// `self <= other` elementwise.
    pub fn less_equal(&self, other: impl IntoOperand) -> Result<Tensor> {
        less_equal(self, other)
    }
    /// `self > other` elementwise.
    pub fn greater(&self, other: impl IntoOperand) -> Result<Tensor> {
        greater(self, other)
    }
    /// `self >= other` elementwise.
    pub fn greater_equal(&self, other: impl IntoOperand) -> Result<Tensor> {
        greater_equal(self, other)
    }
    /// `self ** e`.
    pub fn pow(&self, e: impl IntoOperand) -> Result<Tensor> {
        pow(self, e)
    }
    /// `self // other`.
    pub fn floor_divide(&self, other: impl IntoOperand) -> Result<Tensor> {
        floor_divide(self, other)
    }
}

// Scalars: exactly one float and one integer type, so that literals (`2 * &x`, `&x / 2.0`) infer.
macro_rules! operator {
    ($Trait:ident, $method:ident, $f:ident) => {
        operator!(@pairs $Trait, $method, $f;
            &Tensor, &Tensor; &Tensor, Tensor; &Tensor, Result<Tensor>;
            Tensor, &Tensor; Tensor, Tensor; Tensor, Result<Tensor>;
            Result<Tensor>, &Tensor; Result<Tensor>, Tensor;
            &Tensor, f64; &Tensor, i32; Tensor, f64; Tensor, i32;
            f64, &Tensor; i32, &Tensor; f64, Tensor; i32, Tensor);
    };
    (@pairs $Trait:ident, $method:ident, $f:ident; $($L:ty, $R:ty);*) => {$(
        impl std::ops::$Trait<$R> for $L {
            type Output = Result<Tensor>;
            fn $method(self, rhs: $R) -> Result<Tensor> {
                $f(self, rhs)
            }
        }
    )*};
}
operator!(Add, add, add);
operator!(Sub, sub, sub);
operator!(Mul, mul, mul);
operator!(Div, div, div);
operator!(Rem, rem, remainder);

impl std::ops::Neg for &Tensor {
    type Output = Result<Tensor>;
    fn neg(self) -> Result<Tensor> {
        neg(self)
    }
}
impl std::ops::Neg for Tensor {
    type Output = Result<Tensor>;
    fn neg(self) -> Result<Tensor> {
        neg(&self)
    }
}

//! Element types, Rust/Python scalars, and MindSpore's type-promotion rules (reference §3, §5).
//!
//! Invariant: promotion is decided here and only here; primitives never promote.

use std::fmt;

/// The element type of a tensor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DType {
    /// `True`/`False`.
    Bool,
    /// 32-bit signed integer.
    Int32,
    /// 64-bit signed integer.
    Int64,
    /// IEEE single precision.
    Float32,
    /// IEEE double precision.
    Float64,
}

/// The three kinds MindSpore's promotion distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Bool.
    Bool,
    /// Signed integers.
    Int,
    /// Floating point.
    Float,
}

impl DType {
    /// Every dtype, in promotion order.
    pub const ALL: [DType; 5] = [
        DType::Bool,
        DType::Int32,
        DType::Int64,
        DType::Float32,
        DType::Float64,
    ];

    /// MindSpore's display name (`Float32`), as printed in a repr.
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "Bool",
            DType::Int32 => "Int32",
            DType::Int64 => "Int64",
            DType::Float32 => "Float32",
            DType::Float64 => "Float64",
        }
    }

    /// Bool, integer or float.
    pub fn kind(self) -> Kind {
        match self {
            DType::Bool => Kind::Bool,
            DType::Int32 | DType::Int64 => Kind::Int,
            DType::Float32 | DType::Float64 => Kind::Float,
        }
    }

    /// True for Float32 and Float64.
    pub fn is_float(self) -> bool {
        self.kind() == Kind::Float
    }

    /// Size of one element in bytes.
    pub fn size_in_bytes(self) -> usize {
        match self {
            DType::Bool => 1,
            DType::Int32 | DType::Float32 => 4,
            DType::Int64 | DType::Float64 => 8,
        }
    }

    /// The dtype two tensors of these dtypes promote to: the higher kind wins, then the wider type
    /// (`Int32 + Float32 = Float32`, `Int64 + Int32 = Int64`, `Float32 + Float64 = Float64`).
    pub fn promote(a: DType, b: DType) -> DType {
        a.max(b)
    }

    /// The dtype of `tensor ⊙ scalar`: a scalar is "weak" and only lifts the kind (reference §5):
    /// int32 ⊙ int → Int32, int ⊙ float → Float32, bool ⊙ int → Int64, bool ⊙ bool → Bool.
    pub fn promote_with_scalar(self, s: Scalar) -> DType {
        match (self.kind(), s) {
            (_, Scalar::Bool(_)) => self,
            (Kind::Bool, Scalar::Int(_)) => DType::Int64,
            (Kind::Int | Kind::Float, Scalar::Int(_)) => self,
            (Kind::Bool | Kind::Int, Scalar::Float(_)) => DType::Float32,
            (Kind::Float, Scalar::Float(_)) => self,
        }
    }

    /// The float dtype an integer or bool tensor becomes in true division, `sqrt`, `exp`, `norm`...:
    /// floats keep their dtype, everything else is Float32 (MindSpore's rule).
    pub fn to_float(self) -> DType {
        if self.is_float() {
            self
        } else {
            DType::Float32
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A Rust (or Python) scalar used as an operand. Scalars are weakly typed: `2.0 * x_f32` stays Float32.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    /// A boolean.
    Bool(bool),
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
}

impl Scalar {
    /// The value as f64 (bools are 0/1).
    pub fn to_f64(self) -> f64 {
        match self {
            Scalar::Bool(b) => f64::from(u8::from(b)),
            Scalar::Int(i) => i as f64,
            Scalar::Float(v) => v,
        }
    }

    /// The dtype a lone scalar gets when it becomes a tensor (MindSpore: `Tensor(3)` is Int64,
    /// `Tensor(3.0)` is Float32, `Tensor(True)` is Bool).
    pub fn default_dtype(self) -> DType {
        match self {
            Scalar::Bool(_) => DType::Bool,
            Scalar::Int(_) => DType::Int64,
            Scalar::Float(_) => DType::Float32,
        }
    }
}

macro_rules! scalar_from {
    ($($t:ty => $v:ident as $c:ty),*) => {$(
        impl From<$t> for Scalar {
            fn from(x: $t) -> Self { Scalar::$v(x as $c) }
        }
    )*};
}
scalar_from!(i32 => Int as i64, i64 => Int as i64, usize => Int as i64, u32 => Int as i64,
             f32 => Float as f64, f64 => Float as f64);

impl From<bool> for Scalar {
    fn from(b: bool) -> Self {
        Scalar::Bool(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DType::*;

    #[test]
    fn tensor_tensor_promotion_follows_reference_table() {
        assert_eq!(DType::promote(Int32, Float32), Float32);
        assert_eq!(DType::promote(Int64, Int32), Int64);
        assert_eq!(DType::promote(Float32, Float64), Float64);
        assert_eq!(DType::promote(Bool, Float32), Float32);
        assert_eq!(DType::promote(Bool, Bool), Bool);
    }

    #[test]
    fn scalars_are_weak() {
        assert_eq!(Int32.promote_with_scalar(Scalar::Int(2)), Int32);
        assert_eq!(Int32.promote_with_scalar(Scalar::Float(1.5)), Float32);
        assert_eq!(Int64.promote_with_scalar(Scalar::Float(1.5)), Float32);
        assert_eq!(Float64.promote_with_scalar(Scalar::Int(2)), Float64);
        assert_eq!(Float32.promote_with_scalar(Scalar::Float(2.0)), Float32);
        assert_eq!(Bool.promote_with_scalar(Scalar::Int(1)), Int64);
        assert_eq!(Bool.promote_with_scalar(Scalar::Float(1.0)), Float32);
        assert_eq!(Bool.promote_with_scalar(Scalar::Bool(true)), Bool);
        assert_eq!(Int32.promote_with_scalar(Scalar::Bool(true)), Int32);
    }
}

//! Element types, Rust/Python scalars, and MindSpore's type-promotion rules (reference §3, §5).
//!
//! Invariant: promotion is decided here and only here; primitives never promote.

use std::fmt;

/// The element type of Complex64 (MindSpore's name counts the bits of both parts).
pub type C64 = num_complex::Complex<f32>;
/// The element type of Complex128.
pub type C128 = num_complex::Complex<f64>;

/// The element type of a tensor.
///
/// Bool, Int32, Int64, Float32 and Float64 are **compute** dtypes: kernels exist for them. The
/// narrow ones (Float16, BFloat16, Int8, Int16, UInt8, UInt16, UInt32, UInt64) are **storage**
/// dtypes: their tensors hold elements of that width (half the memory of Float32 for Float16),
/// and the CPU device computes with them in [`DType::compute`] (f16/bf16 in f32, as MindSpore's
/// CPU kernels accumulate; small integers in Int32 or Int64), converting the result back
/// (integers with wrapping, which for `+ - *` gives the bits of native wrapping arithmetic).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DType {
    /// `True`/`False`.
    Bool,
    /// 8-bit signed integer (storage; computes in Int32).
    Int8,
    /// 16-bit signed integer (storage; computes in Int32).
    Int16,
    /// 32-bit signed integer.
    Int32,
    /// 64-bit signed integer.
    Int64,
    /// 8-bit unsigned integer (storage; computes in Int32).
    UInt8,
    /// 16-bit unsigned integer (storage; computes in Int32).
    UInt16,
    /// 32-bit unsigned integer (storage; computes in Int64).
    UInt32,
    /// 64-bit unsigned integer (storage; computes in Int64: `+ - *` are exact modulo 2^64,
    /// comparisons and max/min see the order through a flipped sign bit, but division,
    /// remainder and `abs` see values >= 2^63 as negative).
    UInt64,
    /// IEEE half precision (storage; computes in Float32).
    Float16,
    /// bfloat16: Float32's exponent with 8 bits of mantissa (storage; computes in Float32).
    BFloat16,
    /// IEEE single precision.
    Float32,
    /// IEEE double precision.
    Float64,
    /// Complex numbers of two Float32 parts (`num_complex::Complex<f32>`).
    Complex64,
    /// Complex numbers of two Float64 parts (`num_complex::Complex<f64>`).
    Complex128,
}

/// The three kinds MindSpore's promotion distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Bool.
    Bool,
    /// Integers, signed or unsigned.
    Int,
    /// Floating point.
    Float,
    /// Complex.
    Complex,
}

impl DType {
    /// Every dtype, in declaration order.
    pub const ALL: [DType; 15] = [
        DType::Bool,
        DType::Int8,
        DType::Int16,
        DType::Int32,
        DType::Int64,
        DType::UInt8,
        DType::UInt16,
        DType::UInt32,
        DType::UInt64,
        DType::Float16,
        DType::BFloat16,
        DType::Float32,
        DType::Float64,
        DType::Complex64,
        DType::Complex128,
    ];

    /// MindSpore's display name (`Float32`), as printed in a repr.
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "Bool",
            DType::Int8 => "Int8",
            DType::Int16 => "Int16",
            DType::Int32 => "Int32",
            DType::Int64 => "Int64",
            DType::UInt8 => "UInt8",
            DType::UInt16 => "UInt16",
            DType::UInt32 => "UInt32",
            DType::UInt64 => "UInt64",
            DType::Float16 => "Float16",
            DType::BFloat16 => "BFloat16",
            DType::Float32 => "Float32",
            DType::Float64 => "Float64",
            DType::Complex64 => "Complex64",
            DType::Complex128 => "Complex128",
        }
    }

    /// MindSpore's TypeId of the dtype: the number its MindIR files and its primitives' dtype
    /// attributes carry (`Cast`, `Argmax(output_type=...)`); the Python package's table of type
    /// ids takes these from here.
    pub fn type_id(self) -> i64 {
        match self {
            DType::Bool => 30,
            DType::Int8 => 32,
            DType::Int16 => 33,
            DType::Int32 => 34,
            DType::Int64 => 35,
            DType::UInt8 => 37,
            DType::UInt16 => 38,
            DType::UInt32 => 39,
            DType::UInt64 => 40,
            DType::Float16 => 42,
            DType::Float32 => 43,
            DType::Float64 => 44,
            DType::BFloat16 => 45,
            DType::Complex64 => 51,
            DType::Complex128 => 52,
        }
    }

    /// The dtype of a display name (`"Float16"`), as [`DType::name`] gives it.
    pub fn from_name(name: &str) -> Option<DType> {
        DType::ALL.into_iter().find(|d| d.name() == name)
    }

    /// Bool, integer or float.
    pub fn kind(self) -> Kind {
        match self {
            DType::Bool => Kind::Bool,
            DType::Int8
            | DType::Int16
            | DType::Int32
            | DType::Int64
            | DType::UInt8
            | DType::UInt16
            | DType::UInt32
            | DType::UInt64 => Kind::Int,
            DType::Float16 | DType::BFloat16 | DType::Float32 | DType::Float64 => Kind::Float,
            DType::Complex64 | DType::Complex128 => Kind::Complex,
        }
    }

    /// True for Complex64 and Complex128.
    pub fn is_complex(self) -> bool {
        self.kind() == Kind::Complex
    }

    /// The dtype of one part of a complex dtype (Float32 for Complex64, Float64 for
    /// Complex128); every other dtype is its own.
    pub fn real(self) -> DType {
        match self {
            DType::Complex64 => DType::Float32,
            DType::Complex128 => DType::Float64,
            _ => self,
        }
    }

    /// The complex dtype whose parts are this float (Complex128 for Float64, Complex64 for
    /// every other dtype; the complex dtypes are their own).
    pub fn complex(self) -> DType {
        match self {
            DType::Float64 | DType::Complex128 => DType::Complex128,
            _ => DType::Complex64,
        }
    }

    /// True for the floating-point dtypes.
    pub fn is_float(self) -> bool {
        self.kind() == Kind::Float
    }

    /// True for the unsigned integers.
    pub fn is_unsigned(self) -> bool {
        matches!(
            self,
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64
        )
    }

    /// Size of one element in bytes.
    pub fn size_in_bytes(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 | DType::Float16 | DType::BFloat16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 | DType::Complex64 => 8,
            DType::Complex128 => 16,
        }
    }

    /// The dtype kernels compute this one in: itself for Bool, Int32, Int64, Float32, Float64 and
    /// the complex dtypes (which have kernels of their own, `device::cpu::complex`);
    /// Float32 for Float16 and BFloat16; Int32 for the 8- and 16-bit integers; Int64 for UInt32
    /// and UInt64 (see [`DType`]).
    pub fn compute(self) -> DType {
        match self {
            DType::Float16 | DType::BFloat16 => DType::Float32,
            DType::Int8 | DType::Int16 | DType::UInt8 | DType::UInt16 => DType::Int32,
            DType::UInt32 | DType::UInt64 => DType::Int64,
            DType::Bool
            | DType::Int32
            | DType::Int64
            | DType::Float32
            | DType::Float64
            | DType::Complex64
            | DType::Complex128 => self,
        }
    }

    /// True for the dtypes that only store elements (see [`DType::compute`]).
    pub fn is_storage_only(self) -> bool {
        self.compute() != self
    }

    /// Width in bits of an integer dtype (8 for Bool, the float's width for floats).
    fn bits(self) -> usize {
        self.size_in_bytes() * 8
    }

    /// The signed integer of at least `bits` bits (`None` past 64).
    fn signed_of(bits: usize) -> Option<DType> {
        [DType::Int8, DType::Int16, DType::Int32, DType::Int64]
            .into_iter()
            .find(|d| d.bits() >= bits)
    }

    /// The dtype two tensors of these dtypes promote to (MindSpore's table, reference §5):
    /// - Bool yields to anything (`Bool + Int8 = Int8`);
    /// - two integers of the same signedness: the wider; a signed and an unsigned one: the
    ///   narrowest signed integer holding both (`UInt8 + Int8 = Int16`, `UInt32 + Int32 = Int64`),
    ///   and Float64 for `UInt64` with a signed integer (NumPy's rule: MindSpore defines none);
    /// - an integer with a float: the float (`Int64 + Float16 = Float16`);
    /// - two floats: the wider, with `Float16 + BFloat16 = Float32`;
    /// - a complex with anything: complex, Complex128 when either side is Complex128 or Float64
    ///   (`Float64 + Complex64 = Complex128`, `Int64 + Complex64 = Complex64`; MindSpore 2.10).
    ///
    /// ```
    /// use easy_mindspore::DType::*;
    /// assert_eq!(easy_mindspore::DType::promote(UInt8, Int8), Int16);
    /// assert_eq!(easy_mindspore::DType::promote(Float16, Float32), Float32);
    /// ```
    pub fn promote(a: DType, b: DType) -> DType {
        if a == b {
            return a;
        }
        match (a.kind(), b.kind()) {
            (Kind::Complex, _) | (_, Kind::Complex) => {
                let wide = |d: DType| matches!(d, DType::Float64 | DType::Complex128);
                if wide(a) || wide(b) {
                    DType::Complex128
                } else {
                    DType::Complex64
                }
            }
            (Kind::Bool, _) => b,
            (_, Kind::Bool) => a,
            (Kind::Int, Kind::Float) => b,
            (Kind::Float, Kind::Int) => a,
            (Kind::Float, Kind::Float) => match (a, b) {
                (DType::Float16, DType::BFloat16) | (DType::BFloat16, DType::Float16) => {
                    DType::Float32
                }
                _ if a.bits() >= b.bits() => a,
                _ => b,
            },
            (Kind::Int, Kind::Int) => Self::promote_ints(a, b),
        }
    }

    /// [`DType::promote`] for two distinct integer dtypes.
    fn promote_ints(a: DType, b: DType) -> DType {
        match (a.is_unsigned(), b.is_unsigned()) {
            (false, false) | (true, true) => {
                if a.bits() >= b.bits() {
                    a
                } else {
                    b
                }
            }
            (true, false) | (false, true) => {
                let (u, s) = if a.is_unsigned() { (a, b) } else { (b, a) };
                // The unsigned one needs one more bit as a signed integer.
                Self::signed_of((u.bits() + 1).max(s.bits())).unwrap_or(DType::Float64)
            }
        }
    }

    /// The dtype of `tensor ⊙ scalar`: a scalar is "weak" and only lifts the kind (reference §5):
    /// int32 ⊙ int → Int32, int ⊙ float → Float32, bool ⊙ int → Int64, bool ⊙ bool → Bool,
    /// float16 ⊙ float → Float16, uint8 ⊙ int → UInt8.
    pub fn promote_with_scalar(self, s: Scalar) -> DType {
        match (self.kind(), s) {
            (_, Scalar::Bool(_)) => self,
            (Kind::Bool, Scalar::Int(_)) => DType::Int64,
            (Kind::Int | Kind::Float, Scalar::Int(_)) => self,
            (Kind::Bool | Kind::Int, Scalar::Float(_)) => DType::Float32,
            (Kind::Float | Kind::Complex, Scalar::Float(_)) => self,
            (Kind::Complex, Scalar::Int(_)) => self,
        }
    }

    /// The float dtype an integer or bool tensor becomes in true division, `sqrt`, `exp`, `norm`...:
    /// floats keep their dtype (Float16 stays Float16), everything else is Float32 (MindSpore's
    /// rule). The complex dtypes keep theirs too.
    pub fn to_float(self) -> DType {
        if self.is_float() || self.is_complex() {
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

/// Calls a generic function with the Rust element type of a dtype:
/// `dispatch!(dtype, go(a, b))` is `go::<f32>(a, b)` for Float32, `go::<half::f16>(a, b)` for
/// Float16, and so on for every dtype (for code that only moves elements: `T: Element`).
macro_rules! dispatch {
    // With leading generic arguments: `dispatch!(d, go::<S>(x))` is `go::<S, f32>(x)` for Float32.
    ($dtype:expr, $f:ident :: < $($g:ty),* > ( $($arg:expr),* )) => {
        match $dtype {
            $crate::dtype::DType::Bool => $f::<$($g,)* bool>($($arg),*),
            $crate::dtype::DType::Int8 => $f::<$($g,)* i8>($($arg),*),
            $crate::dtype::DType::Int16 => $f::<$($g,)* i16>($($arg),*),
            $crate::dtype::DType::Int32 => $f::<$($g,)* i32>($($arg),*),
            $crate::dtype::DType::Int64 => $f::<$($g,)* i64>($($arg),*),
            $crate::dtype::DType::UInt8 => $f::<$($g,)* u8>($($arg),*),
            $crate::dtype::DType::UInt16 => $f::<$($g,)* u16>($($arg),*),
            $crate::dtype::DType::UInt32 => $f::<$($g,)* u32>($($arg),*),
            $crate::dtype::DType::UInt64 => $f::<$($g,)* u64>($($arg),*),
            $crate::dtype::DType::Float16 => $f::<$($g,)* half::f16>($($arg),*),
            $crate::dtype::DType::BFloat16 => $f::<$($g,)* half::bf16>($($arg),*),
            $crate::dtype::DType::Float32 => $f::<$($g,)* f32>($($arg),*),
            $crate::dtype::DType::Float64 => $f::<$($g,)* f64>($($arg),*),
            $crate::dtype::DType::Complex64 => $f::<$($g,)* $crate::dtype::C64>($($arg),*),
            $crate::dtype::DType::Complex128 => $f::<$($g,)* $crate::dtype::C128>($($arg),*),
        }
    };
    ($dtype:expr, $f:ident ( $($arg:expr),* )) => {
        match $dtype {
            $crate::dtype::DType::Bool => $f::<bool>($($arg),*),
            $crate::dtype::DType::Int8 => $f::<i8>($($arg),*),
            $crate::dtype::DType::Int16 => $f::<i16>($($arg),*),
            $crate::dtype::DType::Int32 => $f::<i32>($($arg),*),
            $crate::dtype::DType::Int64 => $f::<i64>($($arg),*),
            $crate::dtype::DType::UInt8 => $f::<u8>($($arg),*),
            $crate::dtype::DType::UInt16 => $f::<u16>($($arg),*),
            $crate::dtype::DType::UInt32 => $f::<u32>($($arg),*),
            $crate::dtype::DType::UInt64 => $f::<u64>($($arg),*),
            $crate::dtype::DType::Float16 => $f::<half::f16>($($arg),*),
            $crate::dtype::DType::BFloat16 => $f::<half::bf16>($($arg),*),
            $crate::dtype::DType::Float32 => $f::<f32>($($arg),*),
            $crate::dtype::DType::Float64 => $f::<f64>($($arg),*),
            $crate::dtype::DType::Complex64 => $f::<$crate::dtype::C64>($($arg),*),
            $crate::dtype::DType::Complex128 => $f::<$crate::dtype::C128>($($arg),*),
        }
    };
}
pub(crate) use dispatch;

/// The compute dtypes, the ones arithmetic kernels exist for (see [`DType::compute`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Compute {
    /// Bool.
    Bool,
    /// Int32.
    Int32,
    /// Int64.
    Int64,
    /// Float32.
    Float32,
    /// Float64.
    Float64,
}

impl Compute {
    /// The compute dtype of `d`.
    pub(crate) fn of(d: DType) -> Compute {
        match d {
            DType::Bool => Compute::Bool,
            DType::Int8 | DType::Int16 | DType::Int32 | DType::UInt8 | DType::UInt16 => {
                Compute::Int32
            }
            DType::Int64 | DType::UInt32 | DType::UInt64 => Compute::Int64,
            DType::Float16 | DType::BFloat16 | DType::Float32 => Compute::Float32,
            DType::Float64 => Compute::Float64,
            // Never reached by a kernel: `device::cpu::computed` refuses complex operands before
            // any `dispatch_compute!` (complex arithmetic has its own kernels).
            DType::Complex64 => Compute::Float32,
            DType::Complex128 => Compute::Float64,
        }
    }
}

/// [`dispatch!`] for arithmetic kernels (`T: Arith`): the element type of `dtype`'s compute dtype.
/// The CPU device widens storage dtypes before any such kernel runs (`device::cpu::widen`), so
/// the kernels only ever see compute dtypes.
macro_rules! dispatch_compute {
    ($dtype:expr, $f:ident ( $($arg:expr),* )) => {
        match $crate::dtype::Compute::of($dtype) {
            $crate::dtype::Compute::Bool => $f::<bool>($($arg),*),
            $crate::dtype::Compute::Int32 => $f::<i32>($($arg),*),
            $crate::dtype::Compute::Int64 => $f::<i64>($($arg),*),
            $crate::dtype::Compute::Float32 => $f::<f32>($($arg),*),
            $crate::dtype::Compute::Float64 => $f::<f64>($($arg),*),
        }
    };
}
pub(crate) use dispatch_compute;

mod sealed {
    /// Only the engine's element types are [`super::Element`]s.
    pub trait Sealed {}
}

/// The Rust type of the elements of one [`DType`] (`f32` for Float32, `bool` for Bool, ...); lets
/// kernels and host conversions be written once, generically. Implemented for exactly the engine's
/// element types (the trait is sealed).
///
/// ```
/// use easy_mindspore::{dtype::Element, DType};
/// assert_eq!(<f32 as Element>::DTYPE, DType::Float32);
/// assert_eq!(i32::from_f64(-2.7), -2); // Rust `as`: toward zero
/// ```
pub trait Element: Copy + Send + Sync + PartialEq + fmt::Debug + 'static + sealed::Sealed {
    /// The matching dtype.
    const DTYPE: DType;
    /// Converts from f64 (with Rust `as` semantics: floats truncate toward zero into ints).
    fn from_f64(v: f64) -> Self;
    /// Converts to f64.
    fn to_f64(self) -> f64;
    /// Converts to i64 (floats truncate toward zero, saturating; NaN is 0; UInt64 wraps).
    fn to_i64(self) -> i64;
    /// Converts from i64: integers wrap (keep the low bits), floats round to nearest, Bool is
    /// nonzero.
    fn from_i64(v: i64) -> Self;
    /// A scalar as this type: integer scalars exactly into integers (wrapping), floats truncated
    /// toward zero; into floats through f64; into Bool, nonzero is true.
    fn from_scalar(s: Scalar) -> Self;
    /// Writes the element's bytes (`little`: little-endian, else the machine's order) into `out`,
    /// which holds exactly `DTYPE.size_in_bytes()` bytes.
    fn write_bytes(self, little: bool, out: &mut [u8]);
    /// Reads an element from exactly `DTYPE.size_in_bytes()` bytes (see [`Element::write_bytes`];
    /// a Bool is true for any nonzero byte).
    fn read_bytes(bytes: &[u8], little: bool) -> Self;
    /// The element as a complex number (real elements have a zero imaginary part; bools 0/1).
    fn to_c128(self) -> C128 {
        C128::new(self.to_f64(), 0.0)
    }
    /// Converts from a complex number: complex elements keep both parts (rounded to their
    /// width), real ones take the real part as [`Element::from_f64`] does (MindSpore's cast of
    /// complex to real drops the imaginary part).
    fn from_c128(v: C128) -> Self {
        Self::from_f64(v.re)
    }
}

/// A scalar as an integer: integer scalars exactly (a round trip through f64 rounds values above
/// 2^53), floats truncated toward zero, bools 0/1.
pub(crate) fn scalar_i64(s: Scalar) -> i64 {
    match s {
        Scalar::Bool(b) => i64::from(b),
        Scalar::Int(i) => i,
        Scalar::Float(v) => v as i64,
    }
}

macro_rules! element {
    ($t:ty, $d:ident, $from_scalar:expr) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            fn to_f64(self) -> f64 {
                self as f64
            }
            fn to_i64(self) -> i64 {
                self as i64
            }
            fn from_i64(v: i64) -> Self {
                v as $t
            }
            fn from_scalar(s: Scalar) -> Self {
                $from_scalar(s)
            }
            fn write_bytes(self, little: bool, out: &mut [u8]) {
                let b = if little {
                    self.to_le_bytes()
                } else {
                    self.to_ne_bytes()
                };
                out.copy_from_slice(&b);
            }
            fn read_bytes(bytes: &[u8], little: bool) -> Self {
                let mut b = [0u8; std::mem::size_of::<$t>()];
                b.copy_from_slice(bytes);
                if little {
                    <$t>::from_le_bytes(b)
                } else {
                    <$t>::from_ne_bytes(b)
                }
            }
        }
    };
}
element!(i8, Int8, |s| scalar_i64(s) as i8);
element!(i16, Int16, |s| scalar_i64(s) as i16);
element!(i32, Int32, |s| scalar_i64(s) as i32);
element!(u8, UInt8, |s| scalar_i64(s) as u8);
element!(u16, UInt16, |s| scalar_i64(s) as u16);
element!(u32, UInt32, |s| scalar_i64(s) as u32);
element!(u64, UInt64, |s| scalar_i64(s) as u64);
element!(i64, Int64, scalar_i64);
element!(f32, Float32, |s: Scalar| s.to_f64() as f32);
element!(f64, Float64, |s: Scalar| s.to_f64());

/// The half-precision floats: `half`'s storage types, converted through f64 (rounding to nearest).
macro_rules! element_half {
    ($t:ty, $d:ident) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn from_f64(v: f64) -> Self {
                <$t>::from_f64(v)
            }
            fn to_f64(self) -> f64 {
                <$t>::to_f64(self)
            }
            fn to_i64(self) -> i64 {
                <$t>::to_f64(self) as i64
            }
            fn from_i64(v: i64) -> Self {
                <$t>::from_f64(v as f64)
            }
            fn from_scalar(s: Scalar) -> Self {
                <$t>::from_f64(s.to_f64())
            }
            fn write_bytes(self, little: bool, out: &mut [u8]) {
                let b = if little {
                    self.to_le_bytes()
                } else {
                    self.to_ne_bytes()
                };
                out.copy_from_slice(&b);
            }
            fn read_bytes(bytes: &[u8], little: bool) -> Self {
                let b = [bytes[0], bytes[1]];
                if little {
                    <$t>::from_le_bytes(b)
                } else {
                    <$t>::from_ne_bytes(b)
                }
            }
        }
    };
}
element_half!(half::f16, Float16);
element_half!(half::bf16, BFloat16);

impl sealed::Sealed for bool {}
impl Element for bool {
    const DTYPE: DType = DType::Bool;
    fn from_f64(v: f64) -> Self {
        v != 0.0
    }
    fn to_f64(self) -> f64 {
        f64::from(u8::from(self))
    }
    fn to_i64(self) -> i64 {
        i64::from(self)
    }
    fn from_i64(v: i64) -> Self {
        v != 0
    }
    fn from_scalar(s: Scalar) -> Self {
        s.to_f64() != 0.0
    }
    fn write_bytes(self, _: bool, out: &mut [u8]) {
        out.fill(u8::from(self));
    }
    fn read_bytes(bytes: &[u8], _: bool) -> Self {
        bytes.iter().any(|&b| b != 0)
    }
}

/// The complex numbers: `num_complex`'s `Complex<f32>` and `Complex<f64>`, two floats, real part
/// first (NumPy's layout). As real numbers they are their real part (`to_f64`, `to_i64`), as
/// MindSpore's casts to real dtypes take it.
macro_rules! element_complex {
    ($t:ty, $f:ty, $d:ident) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn from_f64(v: f64) -> Self {
                <$t>::new(v as $f, 0.0)
            }
            fn to_f64(self) -> f64 {
                f64::from(self.re)
            }
            fn to_i64(self) -> i64 {
                self.re as i64
            }
            fn from_i64(v: i64) -> Self {
                <$t>::new(v as $f, 0.0)
            }
            fn from_scalar(s: Scalar) -> Self {
                <$t>::new(s.to_f64() as $f, 0.0)
            }
            fn write_bytes(self, little: bool, out: &mut [u8]) {
                let half = out.len() / 2;
                let (re, im) = out.split_at_mut(half);
                self.re.write_bytes(little, re);
                self.im.write_bytes(little, im);
            }
            fn read_bytes(bytes: &[u8], little: bool) -> Self {
                let half = bytes.len() / 2;
                let (re, im) = bytes.split_at(half);
                <$t>::new(<$f>::read_bytes(re, little), <$f>::read_bytes(im, little))
            }
            fn to_c128(self) -> C128 {
                C128::new(f64::from(self.re), f64::from(self.im))
            }
            fn from_c128(v: C128) -> Self {
                <$t>::new(v.re as $f, v.im as $f)
            }
        }
    };
}
element_complex!(C64, f32, Complex64);
element_complex!(C128, f64, Complex128);

/// The bytes of `v`, element after element (`little`: little-endian, else the machine's order).
pub(crate) fn to_bytes<T: Element>(v: &[T], little: bool) -> Vec<u8> {
    let size = T::DTYPE.size_in_bytes();
    let mut out = vec![0u8; v.len() * size];
    for (o, &x) in out.chunks_exact_mut(size).zip(v) {
        x.write_bytes(little, o);
    }
    out
}

/// The elements of `bytes` (a whole number of elements; a trailing partial one is ignored).
pub(crate) fn from_bytes<T: Element>(bytes: &[u8], little: bool) -> Vec<T> {
    bytes
        .chunks_exact(T::DTYPE.size_in_bytes())
        .map(|b| T::read_bytes(b, little))
        .collect()
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
    #[test]
    fn element_bytes_round_trip_in_both_orders() {
        fn check<T: Element>(v: &[T]) {
            for little in [false, true] {
                let b = to_bytes(v, little);
                assert_eq!(b.len(), v.len() * T::DTYPE.size_in_bytes());
                assert_eq!(
                    from_bytes::<T>(&b, little),
                    v,
                    "{:?} little={little}",
                    T::DTYPE
                );
            }
        }
        check(&[true, false, true]);
        check(&[i32::MIN, -1, 0, 7, i32::MAX]);
        check(&[i64::MIN, -1, 0, 1 << 40, i64::MAX]);
        check(&[f32::MIN_POSITIVE, -0.0, 1.5, f32::INFINITY]);
        check(&[f64::MAX, -0.0, 0.1, f64::NEG_INFINITY]);
        // Little-endian is the files' order whatever the machine's.
        assert_eq!(to_bytes(&[1i32, 256], true), [1, 0, 0, 0, 0, 1, 0, 0]);
        assert_eq!(from_bytes::<f32>(&1.5f32.to_le_bytes(), true), [1.5]);
        // Any nonzero byte is true; a partial trailing element is ignored.
        assert_eq!(from_bytes::<bool>(&[0, 2, 255], false), [false, true, true]);
        assert_eq!(from_bytes::<i32>(&[1, 0, 0, 0, 9], true), [1]);
    }

    #[test]
    fn scalars_convert_as_constants_do() {
        assert_eq!(i64::from_scalar(Scalar::Int(i64::MAX)), i64::MAX); // exact, not via f64
        assert_eq!(i32::from_scalar(Scalar::Int(1 << 32)), 0); // wraps
        assert_eq!(i32::from_scalar(Scalar::Float(-2.7)), -2);
        assert_eq!(f32::from_scalar(Scalar::Float(0.1)), 0.1f32);
        assert_eq!(f64::from_scalar(Scalar::Bool(true)), 1.0);
        assert!(bool::from_scalar(Scalar::Float(0.5)));
        assert!(!bool::from_scalar(Scalar::Int(0)));
    }
}

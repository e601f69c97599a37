//! Elementwise kernels: unary and binary arithmetic, comparison, select, cast. Each reads its
//! inputs through `elems` (borrowed when contiguous) or `splat` (a broadcast scalar), and writes a
//! fresh contiguous buffer, in parallel when large (`par`). Float32 arithmetic is plain IEEE single
//! precision, never fused: each element is the scalar function of its inputs.

use super::par::{fill, into_owned, map1, map2, map2_cycle, map3, recycle, Cost};
use super::{dispatch, elems, splat};
use crate::dtype::DType;
use crate::prim::{CmpOp, Prim};
use crate::storage::{Buffer, Element};
use crate::tensor::Concrete;

/// Arithmetic of one element type; integer division is Python's floor division.
pub(crate) trait Arith: Element + PartialOrd {
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
    fn pow(self, o: Self) -> Self;
    fn neg(self) -> Self;
    fn floor(self) -> Self;
    fn is_nan(self) -> bool;
    // The transcendental functions, floats only (integers get the identity, never reached).
    // One method each, so that every kernel's loop is a direct call the compiler can inline
    // and vectorise.
    fn exp(self) -> Self;
    fn ln(self) -> Self;
    fn sin(self) -> Self;
    fn cos(self) -> Self;
    fn tanh(self) -> Self;
    fn sqrt(self) -> Self;
}

/// The identity for the transcendental functions of types that have none.
macro_rules! no_transcendentals {
    () => {
        fn exp(self) -> Self {
            self
        }
        fn ln(self) -> Self {
            self
        }
        fn sin(self) -> Self {
            self
        }
        fn cos(self) -> Self {
            self
        }
        fn tanh(self) -> Self {
            self
        }
        fn sqrt(self) -> Self {
            self
        }
    };
}

macro_rules! arith_int {
    ($t:ty) => {
        impl Arith for $t {
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            fn sub(self, o: Self) -> Self {
                self.wrapping_sub(o)
            }
            fn mul(self, o: Self) -> Self {
                self.wrapping_mul(o)
            }
            fn div(self, o: Self) -> Self {
                if o == 0 {
                    return 0;
                }
                let q = self.wrapping_div(o);
                // `wrapping_rem`: `MIN % -1` panics with plain `%` (and `MIN // -1` wraps to MIN).
                if (self.wrapping_rem(o) != 0) && ((self < 0) != (o < 0)) {
                    q - 1
                } else {
                    q
                }
            }
            fn pow(self, o: Self) -> Self {
                if o >= 0 {
                    // Square-and-multiply over the whole exponent, wrapping like `wrapping_pow`
                    // (which takes a u32: clamping to it would be wrong, and `u32::MAX as i32` is
                    // -1, which made every Int32 power `x ** (2^32 - 1)`).
                    let (mut base, mut e, mut acc) = (self, o, 1 as Self);
                    while e > 0 {
                        if e & 1 == 1 {
                            acc = acc.wrapping_mul(base);
                        }
                        base = base.wrapping_mul(base);
                        e >>= 1;
                    }
                    acc
                } else {
                    match self {
                        1 => 1,
                        -1 => {
                            if o % 2 == 0 {
                                1
                            } else {
                                -1
                            }
                        }
                        _ => 0,
                    }
                }
            }
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
            fn floor(self) -> Self {
                self
            }
            fn is_nan(self) -> bool {
                false
            }
            no_transcendentals!();
        }
    };
}
arith_int!(i32);
arith_int!(i64);

macro_rules! arith_float {
    ($t:ty, $exp:expr, $tanh:expr) => {
        impl Arith for $t {
            fn add(self, o: Self) -> Self {
                self + o
            }
            fn sub(self, o: Self) -> Self {
                self - o
            }
            fn mul(self, o: Self) -> Self {
                self * o
            }
            fn div(self, o: Self) -> Self {
                self / o
            }
            fn pow(self, o: Self) -> Self {
                self.powf(o)
            }
            fn neg(self) -> Self {
                -self
            }
            fn floor(self) -> Self {
                <$t>::floor(self)
            }
            fn is_nan(self) -> bool {
                <$t>::is_nan(self)
            }
            fn exp(self) -> Self {
                $exp(self)
            }
            fn ln(self) -> Self {
                <$t>::ln(self)
            }
            fn sin(self) -> Self {
                <$t>::sin(self)
            }
            fn cos(self) -> Self {
                <$t>::cos(self)
            }
            fn tanh(self) -> Self {
                $tanh(self)
            }
            fn sqrt(self) -> Self {
                <$t>::sqrt(self)
            }
        }
    };
}
// Float32 exp and tanh are our vectorisable versions; everything else is the platform's.
arith_float!(f32, super::fastmath::exp_f32, super::fastmath::tanh_f32);
arith_float!(f64, f64::exp, f64::tanh);

impl Arith for bool {
    fn add(self, o: Self) -> Self {
        self | o
    }
    fn sub(self, o: Self) -> Self {
        self ^ o
    }
    fn mul(self, o: Self) -> Self {
        self & o
    }
    fn div(self, o: Self) -> Self {
        self & o
    }
    fn pow(self, o: Self) -> Self {
        self | !o
    }
    fn neg(self) -> Self {
        self
    }
    fn floor(self) -> Self {
        self
    }
    fn is_nan(self) -> bool {
        false
    }
    no_transcendentals!();
}

pub(super) fn max_nan<T: Arith>(a: T, b: T) -> T {
    if a.is_nan() || a > b {
        a
    } else {
        b
    }
}

pub(super) fn min_nan<T: Arith>(a: T, b: T) -> T {
    if a.is_nan() || a < b {
        a
    } else {
        b
    }
}

pub(crate) fn unary(p: &Prim, x: &Concrete) -> Buffer {
    fn go<T: Arith>(p: &Prim, x: &Concrete) -> Buffer {
        let x = elems::<T>(x);
        let out: Vec<T> = match p {
            Prim::Neg => map1(&x, Cost::Cheap, T::neg),
            Prim::Floor => map1(&x, Cost::Cheap, T::floor),
            Prim::Exp => map1(&x, Cost::Costly, T::exp),
            Prim::Log => map1(&x, Cost::Costly, T::ln),
            Prim::Sin => map1(&x, Cost::Costly, T::sin),
            Prim::Cos => map1(&x, Cost::Costly, T::cos),
            Prim::Tanh => map1(&x, Cost::Costly, T::tanh),
            _ => map1(&x, Cost::Costly, T::sqrt),
        };
        recycle(x);
        T::into_buffer(out)
    }
    dispatch!(x.dtype(), go(p, x))
}

/// Applies `f` to pairs of elements, with fast paths for a broadcast scalar on either side and for
/// a contiguous block repeated along the leading axes (a row broadcast) on either side.
fn zip_map<T: Element, U: Element>(
    a: &Concrete,
    b: &Concrete,
    cost: Cost,
    f: impl Fn(T, T) -> U + Sync,
) -> Vec<U> {
    // The common case first, without the broadcast probes below: two whole contiguous views.
    if let (Some(x), Some(y)) = (contiguous::<T>(a), contiguous::<T>(b)) {
        return map2(x, y, cost, f);
    }
    match (splat::<T>(a), splat::<T>(b)) {
        (Some(x), Some(y)) => fill(a.layout.numel(), f(x, y)),
        (None, Some(y)) => {
            let a = elems::<T>(a);
            let out = map1(&a, cost, move |x| f(x, y));
            recycle(a);
            out
        }
        (Some(x), None) => {
            let b = elems::<T>(b);
            let out = map1(&b, cost, move |y| f(x, y));
            recycle(b);
            out
        }
        (None, None) => {
            if let Some(block) = repeated_block::<T>(b) {
                let a = elems::<T>(a);
                let out = map2_cycle(&a, block, cost, f);
                recycle(a);
                return out;
            }
            if let Some(block) = repeated_block::<T>(a) {
                let b = elems::<T>(b);
                let out = map2_cycle(&b, block, cost, move |y, x| f(x, y));
                recycle(b);
                return out;
            }
            let (a, b) = (elems::<T>(a), elems::<T>(b));
            let out = map2(&a, &b, cost, f);
            recycle(a);
            recycle(b);
            out
        }
    }
}

/// The elements of `c` when its view is contiguous and holds more than one element (a single
/// element is left to `splat`, which serves scalars broadcast either way).
fn contiguous<T: Element>(c: &Concrete) -> Option<&[T]> {
    let n = c.layout.numel();
    if n < 2 || !c.layout.is_contiguous() {
        return None;
    }
    T::slice(c.storage.buffer())?.get(c.layout.offset()..c.layout.offset() + n)
}

/// When `c` is a contiguous block repeated along its leading axes (strides 0 there, row-major
/// contiguous after), the block's elements; `None` otherwise (and for no repetition at all).
fn repeated_block<T: Element>(c: &Concrete) -> Option<&[T]> {
    let (shape, strides) = (c.layout.shape(), c.layout.strides());
    // The leading axes of stride 0 (or size 1), then a contiguous tail.
    let lead = shape
        .iter()
        .zip(strides)
        .take_while(|&(&d, &s)| s == 0 || d == 1)
        .count();
    let repeats: usize = shape[..lead].iter().product();
    let block: usize = shape[lead..].iter().product();
    if repeats < 2 || block == 0 {
        return None;
    }
    let mut expect = 1isize;
    for (&d, &s) in shape[lead..].iter().zip(&strides[lead..]).rev() {
        if d != 1 && s != expect {
            return None;
        }
        expect *= d as isize;
    }
    let all = T::slice(c.storage.buffer())?;
    all.get(c.layout.offset()..c.layout.offset() + block)
}

pub(crate) fn binary(p: &Prim, a: &Concrete, b: &Concrete) -> Buffer {
    fn go<T: Arith>(p: &Prim, a: &Concrete, b: &Concrete) -> Buffer {
        let out = match p {
            Prim::Add => zip_map(a, b, Cost::Cheap, T::add),
            Prim::Sub => zip_map(a, b, Cost::Cheap, T::sub),
            Prim::Mul => zip_map(a, b, Cost::Cheap, T::mul),
            Prim::Div => zip_map(a, b, Cost::Cheap, T::div),
            Prim::Pow => zip_map(a, b, Cost::Costly, T::pow),
            Prim::Max => zip_map(a, b, Cost::Cheap, max_nan::<T>),
            _ => zip_map(a, b, Cost::Cheap, min_nan::<T>),
        };
        T::into_buffer(out)
    }
    dispatch!(a.dtype(), go(p, a, b))
}

pub(crate) fn compare(op: CmpOp, a: &Concrete, b: &Concrete) -> Buffer {
    fn go<T: Arith>(op: CmpOp, a: &Concrete, b: &Concrete) -> Buffer {
        let out = match op {
            CmpOp::Eq => zip_map(a, b, Cost::Cheap, |x: T, y: T| x == y),
            CmpOp::Ne => zip_map(a, b, Cost::Cheap, |x: T, y: T| x != y),
            CmpOp::Lt => zip_map(a, b, Cost::Cheap, |x: T, y: T| x < y),
            CmpOp::Le => zip_map(a, b, Cost::Cheap, |x: T, y: T| x <= y),
            CmpOp::Gt => zip_map(a, b, Cost::Cheap, |x: T, y: T| x > y),
            CmpOp::Ge => zip_map(a, b, Cost::Cheap, |x: T, y: T| x >= y),
        };
        Buffer::Bool(out)
    }
    dispatch!(a.dtype(), go(op, a, b))
}

pub(crate) fn select(c: &Concrete, x: &Concrete, y: &Concrete) -> Buffer {
    fn go<T: Element>(c: &Concrete, x: &Concrete, y: &Concrete) -> Buffer {
        // Every operand is read through `elems`, a broadcast scalar branch (`relu` is
        // `where(x > 0, x, 0)`) included (`par::gather` fills it at memory speed). A version
        // that captured the scalar in the loop instead was measured at ~15 ns an element on
        // W5's random relu masks (likely a branch per element), against a blend of three slices.
        let (c, x, y) = (elems::<bool>(c), elems::<T>(x), elems::<T>(y));
        let out = map3(&c, &x, &y, |c, x, y| if c { x } else { y });
        recycle(c);
        recycle(x);
        recycle(y);
        T::into_buffer(out)
    }
    dispatch!(x.dtype(), go(c, x, y))
}

pub(crate) fn cast(x: &Concrete, to: DType) -> Buffer {
    fn go<T: Element>(x: &Concrete, to: DType) -> Buffer {
        let v = elems::<T>(x);
        if T::DTYPE == to {
            return T::into_buffer(into_owned(v));
        }
        // Integers go through i64 so that Int64 values survive exactly; everything else via f64.
        let as_i64 = |e: T| e.to_i64();
        let out = match to {
            DType::Bool => Buffer::Bool(map1(&v, Cost::Cheap, |e| e.to_f64() != 0.0)),
            // Floats saturate into Int32 as they do into Int64 (going through i64 wrapped 3e9 to a
            // negative number); integers wrap, as NumPy's astype.
            DType::Int32 if T::DTYPE.is_float() => {
                Buffer::I32(map1(&v, Cost::Cheap, |e| e.to_f64() as i32))
            }
            DType::Int32 => Buffer::I32(map1(&v, Cost::Cheap, |e| as_i64(e) as i32)),
            DType::Int64 => Buffer::I64(map1(&v, Cost::Cheap, as_i64)),
            DType::Float32 => Buffer::F32(map1(&v, Cost::Cheap, |e| e.to_f64() as f32)),
            DType::Float64 => Buffer::F64(map1(&v, Cost::Cheap, |e| e.to_f64())),
        };
        recycle(v);
        out
    }
    dispatch!(x.dtype(), go(x, to))
}

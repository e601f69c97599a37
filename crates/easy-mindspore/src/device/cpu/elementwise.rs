//! Elementwise kernels: unary and binary arithmetic, comparison, select, cast. The arithmetic
//! kernels take their scalar functions from the op tables (`crate::op`), one monomorphised loop per
//! op. Each reads its inputs through `elems` (borrowed when contiguous) or `splat` (a broadcast
//! scalar), and writes a fresh contiguous buffer, in parallel when large (`par`). Float32
//! arithmetic is plain IEEE single precision, never fused: each element is the scalar function of
//! its inputs.

use super::alloc::Alloc;
use super::par::{fill, into_owned, map1, map2, map2_blocks, map2_cycle, map3, recycle};
use super::par::{Blocks, Reads};
use super::{elems, splat};
use super::{CpuBuffer, View};
use crate::dtype::DType;
use crate::dtype::Element;
use crate::dtype::{dispatch, dispatch_compute, Kind};
use crate::op::{Arith, BinaryKernel, BinaryOp, CmpOp, Cost, UnaryKernel, UnaryOp};

/// The unary kernel: `op`'s scalar function over the elements of a view.
struct Map1<'a>(View<'a>);

impl<T: Arith> UnaryKernel<T> for Map1<'_> {
    type Out = Alloc<Vec<T>>;
    fn run(self, cost: Cost, f: impl Fn(T) -> T + Copy + Send + Sync) -> Alloc<Vec<T>> {
        let x = elems::<T>(self.0)?;
        let out = map1(&x, cost, f);
        recycle(x);
        out
    }
}

#[inline]
pub(super) fn unary(op: UnaryOp, x: View<'_>) -> Alloc<CpuBuffer> {
    fn go<T: Arith>(op: UnaryOp, x: View<'_>) -> Alloc<CpuBuffer> {
        op.kernel::<T, _>(Map1(x)).map(CpuBuffer::from_vec)
    }
    dispatch_compute!(x.dtype(), go(op, x))
}

/// Applies `f` to pairs of elements, with fast paths for a broadcast scalar on either side, for
/// a contiguous block repeated along the leading axes (a row broadcast) on either side, and for
/// inner blocks read as runs or single elements (a per-channel vector, `[N, C, H, W]` with
/// `[1, C, 1, 1]`: see [`blocks`]).
fn zip_map<T: Element, U: Element>(
    a: View<'_>,
    b: View<'_>,
    cost: Cost,
    f: impl Fn(T, T) -> U + Sync,
) -> Alloc<Vec<U>> {
    // The common case first, without the broadcast probes below: two whole contiguous views.
    if let (Some(x), Some(y)) = (contiguous::<T>(a), contiguous::<T>(b)) {
        return map2(x, y, cost, f);
    }
    match (splat::<T>(a), splat::<T>(b)) {
        (Some(x), Some(y)) => fill(a.layout.numel(), f(x, y)),
        (None, Some(y)) => {
            let a = elems::<T>(a)?;
            let out = map1(&a, cost, move |x| f(x, y));
            recycle(a);
            out
        }
        (Some(x), None) => {
            let b = elems::<T>(b)?;
            let out = map1(&b, cost, move |y| f(x, y));
            recycle(b);
            out
        }
        (None, None) => {
            if let Some(block) = repeated_block::<T>(b) {
                let a = elems::<T>(a)?;
                let out = map2_cycle(&a, block, cost, f);
                recycle(a);
                return out;
            }
            if let Some(block) = repeated_block::<T>(a) {
                let b = elems::<T>(b)?;
                let out = map2_cycle(&b, block, cost, move |y, x| f(x, y));
                recycle(b);
                return out;
            }
            if let Some(plan) = blocks(a, b) {
                if let (Some(x), Some(y)) = (a.buf.slice::<T>(), b.buf.slice::<T>()) {
                    return map2_blocks(x, y, &plan, cost, f);
                }
            }
            let (a, b) = (elems::<T>(a)?, elems::<T>(b)?);
            let out = map2(&a, &b, cost, f);
            recycle(a);
            recycle(b);
            out
        }
    }
}

/// The elements of `c` when its view is contiguous and holds more than one element (a single
/// element is left to `splat`, which serves scalars broadcast either way).
fn contiguous<T: Element>(c: View<'_>) -> Option<&[T]> {
    let n = c.layout.numel();
    if n < 2 || !c.layout.is_contiguous() {
        return None;
    }
    c.buf
        .slice::<T>()?
        .get(c.layout.offset()..c.layout.offset() + n)
}

/// When `c` is a contiguous block repeated along its leading axes (strides 0 there, row-major
/// contiguous after), the block's elements; `None` otherwise (and for no repetition at all).
fn repeated_block<T: Element>(c: View<'_>) -> Option<&[T]> {
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
    let all = c.buf.slice::<T>()?;
    all.get(c.layout.offset()..c.layout.offset() + block)
}

/// Inner blocks shorter than this take the generic path (a gathered copy of each operand).
const MIN_BLOCK: usize = 16;

/// The output of `a op b` (views of one shape) as inner blocks that each operand reads as one
/// contiguous run or one broadcast element (see [`Blocks`]): the longest tail of axes along which
/// each operand is row-major contiguous or of stride 0 (size-1 axes fit either). `None` when
/// that tail is shorter than [`MIN_BLOCK`] elements, or when there are no elements.
fn blocks(a: View<'_>, b: View<'_>) -> Option<Blocks> {
    let shape = a.layout.shape();
    if b.layout.shape() != shape {
        return None;
    }
    let strides = [a.layout.strides(), b.layout.strides()];
    // Per operand: still a run (and the stride the next axis needs for that), still a splat.
    let mut tail = [(true, 1isize, true); 2];
    let (mut k, mut len) = (shape.len(), 1usize);
    while k > 0 {
        let d = shape[k - 1];
        let next = std::array::from_fn::<_, 2, _>(|i| {
            let (run, expect, splat) = tail[i];
            let s = strides[i][k - 1];
            (
                run && (d == 1 || s == expect),
                expect.saturating_mul(d as isize),
                splat && (d == 1 || s == 0),
            )
        });
        if next.iter().any(|&(run, _, splat)| !run && !splat) {
            break;
        }
        tail = next;
        len *= d;
        k -= 1;
    }
    if len < MIN_BLOCK || shape.contains(&0) {
        return None;
    }
    Some(Blocks {
        len,
        shape: shape[..k].to_vec(),
        strides: strides.map(|s| s[..k].to_vec()),
        offset: [a.layout.offset(), b.layout.offset()],
        reads: tail.map(|(run, _, _)| if run { Reads::Run } else { Reads::Splat }),
    })
}

/// The binary kernel: `op`'s scalar function over pairs of elements of two views.
struct Map2<'a>(View<'a>, View<'a>);

impl<T: Arith, U: Element> BinaryKernel<T, U> for Map2<'_> {
    type Out = Alloc<Vec<U>>;
    fn run(self, cost: Cost, f: impl Fn(T, T) -> U + Copy + Send + Sync) -> Alloc<Vec<U>> {
        zip_map(self.0, self.1, cost, f)
    }
}

#[inline]
pub(super) fn binary(op: BinaryOp, a: View<'_>, b: View<'_>) -> Alloc<CpuBuffer> {
    fn go<T: Arith>(op: BinaryOp, a: View<'_>, b: View<'_>) -> Alloc<CpuBuffer> {
        op.kernel::<T, _>(Map2(a, b)).map(CpuBuffer::from_vec)
    }
    dispatch_compute!(a.dtype(), go(op, a, b))
}

#[inline]
pub(super) fn compare(op: CmpOp, a: View<'_>, b: View<'_>) -> Alloc<CpuBuffer> {
    fn go<T: Arith>(op: CmpOp, a: View<'_>, b: View<'_>) -> Alloc<CpuBuffer> {
        op.kernel::<T, _>(Map2(a, b)).map(CpuBuffer::Bool)
    }
    dispatch_compute!(a.dtype(), go(op, a, b))
}

#[inline]
pub(super) fn select(c: View<'_>, x: View<'_>, y: View<'_>) -> Alloc<CpuBuffer> {
    fn go<T: Element>(c: View<'_>, x: View<'_>, y: View<'_>) -> Alloc<CpuBuffer> {
        // Every operand is read through `elems`, a broadcast scalar branch (`where(m, x, 0)`)
        // included (`par::gather` fills it at memory speed). A version
        // that captured the scalar in the loop instead was measured at ~15 ns an element on
        // W5's random relu masks (likely a branch per element), against a blend of three slices.
        let (c, x, y) = (elems::<bool>(c)?, elems::<T>(x)?, elems::<T>(y)?);
        let out = map3(&c, &x, &y, |c, x, y| if c { x } else { y });
        recycle(c);
        recycle(x);
        recycle(y);
        out.map(CpuBuffer::from_vec)
    }
    dispatch!(x.dtype(), go(c, x, y))
}

/// `v` as the integer `to` holds, as NumPy's `astype` gives on x86-64: the float truncated toward
/// zero by the processor's conversion, whose "integer indefinite" (the minimum) answers NaN, ±inf
/// and values out of range. Int8, Int16, UInt8 and UInt16 convert through Int32 and keep the low
/// bits; UInt32 through Int64; UInt64 takes [2^63, 2^64) directly and everything else through
/// Int64. The result is the integer's bits, as an i64 that `Element::from_i64` wraps.
pub(crate) fn float_to_int(v: f64, to: DType) -> i64 {
    // 2^31, 2^63 and 2^64, exactly.
    const P31: f64 = 2_147_483_648.0;
    const P63: f64 = 9_223_372_036_854_775_808.0;
    const P64: f64 = 18_446_744_073_709_551_616.0;
    // `as` saturates (NaN to 0); the processor gives the minimum for anything out of range.
    // A float in (-2^31 - 1, 2^31) truncates into Int32.
    let via_i32 = |v: f64| {
        if v > -P31 - 1.0 && v < P31 {
            i64::from(v as i32)
        } else {
            i64::from(i32::MIN)
        }
    };
    let via_i64 = |v: f64| {
        if (-P63..P63).contains(&v) {
            v as i64
        } else {
            i64::MIN
        }
    };
    match to {
        DType::Int8 | DType::Int16 | DType::Int32 | DType::UInt8 | DType::UInt16 => via_i32(v),
        DType::UInt64 if (P63..P64).contains(&v) => v as u64 as i64,
        DType::Int64 | DType::UInt32 | DType::UInt64 => via_i64(v),
        DType::Bool
        | DType::Float16
        | DType::BFloat16
        | DType::Float32
        | DType::Float64
        | DType::Complex64
        | DType::Complex128 => v as i64,
    }
}

/// One element of a cast from `S` to `T`: into Bool, nonzero; float into integer as
/// [`float_to_int`]; integer into integer wrapping (through i64, whose bits every integer keeps);
/// anything into a float through f64 (rounding to nearest; an Int64 beyond 2^53 is rounded once
/// into f64 first). A complex number converts as its real part (MindSpore's rule: into Bool it
/// is true when the real part is nonzero); anything converts into a complex dtype part by part.
#[inline(always)]
fn cast_one<S: Element, T: Element>(e: S) -> T {
    match (S::DTYPE.kind(), T::DTYPE.kind()) {
        (_, Kind::Complex) => T::from_c128(e.to_c128()),
        (_, Kind::Bool) => T::from_i64(i64::from(e.to_f64() != 0.0)),
        (Kind::Float | Kind::Complex, Kind::Int) => T::from_i64(float_to_int(e.to_f64(), T::DTYPE)),
        (Kind::Bool | Kind::Int, Kind::Int) => T::from_i64(e.to_i64()),
        (_, Kind::Float) => T::from_f64(e.to_f64()),
    }
}

/// The cast kernel: every element of `x` converted to `to`, for every pair of dtypes.
#[inline]
pub(super) fn cast(x: View<'_>, to: DType) -> Alloc<CpuBuffer> {
    fn go<S: Element>(x: View<'_>, to: DType) -> Alloc<CpuBuffer> {
        fn into<S: Element, T: Element>(v: &[S]) -> Alloc<CpuBuffer> {
            map1(v, Cost::Cheap, cast_one::<S, T>).map(CpuBuffer::from_vec)
        }
        let v = elems::<S>(x)?;
        if S::DTYPE == to {
            return into_owned(v).map(CpuBuffer::from_vec);
        }
        let out = dispatch!(to, into::<S>(&v));
        recycle(v);
        out
    }
    dispatch!(x.dtype(), go(x, to))
}

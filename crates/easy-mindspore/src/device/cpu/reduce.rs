//! Reduction kernels: sum, max, argmax over axes, and cumulative sum. The reduced axes are moved
//! last (a layout permutation), so each output element reduces one run of consecutive logical
//! elements (a sum whose run is made of long contiguous segments reads them in place). Float32 sums accumulate in f64 for accuracy, in vector lanes (see `lanes_f32`). Long
//! runs are reduced in fixed blocks, many runs in parallel, with results independent of threads.

use super::alloc::{self, Alloc};
use super::elems;
use super::par::{into_owned, recycle};
use super::{CpuBuffer, View};
use crate::dtype::dispatch_compute;
use crate::dtype::Element;
use crate::layout::Layout;
use crate::op::{Arith, ReduceOp};
use rayon::prelude::*;

/// The layout of `x` with `axes` moved last, and the length of one reduced run.
pub(super) fn reduced_last(x: View<'_>, axes: &[usize]) -> (Layout, usize) {
    let nd = x.layout.shape().len();
    let mut perm: Vec<usize> = (0..nd).filter(|i| !axes.contains(i)).collect();
    perm.extend_from_slice(axes);
    let run = axes.iter().map(|&a| x.layout.shape()[a]).product();
    (x.layout.permute(&perm), run)
}

/// Elements from which a reduction is split across threads: it reads memory and writes almost
/// nothing, so it takes about 30 µs alone at this size and splitting smaller ones does not pay.
pub(super) const REDUCE_PAR_MIN: usize = 1 << 18;

/// Elements per block of a long reduction. A run is reduced block by block and the block results
/// combined in order, whether the blocks run on one thread or several, so results do not depend
/// on the number of threads.
pub(super) const BLOCK: usize = 1 << 14;

/// The reduction of each run of `run` consecutive elements of `v` (`run > 0`), runs in parallel
/// when there are many elements.
fn per_run<T: Sync, U: Send>(v: &[T], run: usize, f: impl Fn(&[T]) -> U + Sync) -> Alloc<Vec<U>> {
    let mut out = alloc::with_capacity(v.len().div_ceil(run))?;
    if v.len() < REDUCE_PAR_MIN || run >= v.len() {
        out.extend(v.chunks(run).map(f));
    } else {
        // Into the room reserved above (rayon reserves what it needs, which is there).
        v.par_chunks(run).map(&f).collect_into_vec(&mut out);
    }
    Ok(out)
}

/// `block` of each block of `s`, combined in order by `combine` (blocks in parallel when long).
fn blocked<T: Sync, A: Send>(
    s: &[T],
    block: impl Fn(&[T]) -> A + Sync,
    combine: impl Fn(A, A) -> A,
) -> Option<A> {
    if s.len() < REDUCE_PAR_MIN {
        s.chunks(BLOCK).map(block).reduce(combine)
    } else {
        let parts: Vec<A> = s.par_chunks(BLOCK).map(&block).collect();
        parts.into_iter().reduce(combine)
    }
}

trait Sum: Element {
    /// The accumulator of a column sum (f64 for floats).
    type Acc: Element + Default;
    fn sum(s: &[Self]) -> Self;
    fn accumulate(acc: Self::Acc, v: Self) -> Self::Acc;
    fn finish(acc: Self::Acc) -> Self;
    /// The sum of one block (at most [`BLOCK`] elements), as an accumulator; `sum` is `finish`
    /// of the blocks' sums combined in order.
    fn block(s: &[Self]) -> Self::Acc;
    /// Two accumulators added.
    fn combine(a: Self::Acc, b: Self::Acc) -> Self::Acc;
}

/// Lanes of the float sums: independent accumulators the compiler keeps in vector registers.
const LANES: usize = 16;

/// The f64 sum of a block of f32: each of `LANES` lanes sums every `LANES`-th element in f64 (exact
/// conversion, f64 rounding: accurate far beyond f32 for any length), the lanes then added in a
/// fixed order. Vectorisable because the order of the additions is fixed by the lanes.
#[inline(always)]
fn lanes_f32(s: &[f32]) -> f64 {
    let mut acc = [0f64; LANES];
    let mut chunks = s.chunks_exact(LANES);
    for c in &mut chunks {
        for (a, &v) in acc.iter_mut().zip(c) {
            *a += f64::from(v);
        }
    }
    let mut total: f64 = chunks.remainder().iter().map(|&v| f64::from(v)).sum();
    for a in acc {
        total += a;
    }
    total
}

/// [`lanes_f32`] compiled for AVX-512 (same operations in the same order: same result).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn lanes_f32_avx512(s: &[f32]) -> f64 {
    lanes_f32(s)
}

/// [`lanes_f32`] compiled for AVX2 (same operations in the same order: same result).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn lanes_f32_avx2(s: &[f32]) -> f64 {
    lanes_f32(s)
}

/// [`lanes_f32`] with the widest vectors the CPU has (the level `simd` detected).
pub(super) fn block_sum_f32(s: &[f32]) -> f64 {
    #[cfg(target_arch = "x86_64")]
    if s.len() >= 4 * LANES {
        use super::simd::{level, Level};
        match level() {
            // SAFETY: `level` returns Avx512 only when the CPU reports every feature of
            // `simd::AVX512`, which includes the AVX-512F this function is compiled with.
            Level::Avx512 => return unsafe { lanes_f32_avx512(s) },
            // SAFETY: likewise, `simd::AVX2` includes AVX2.
            Level::Avx2 => return unsafe { lanes_f32_avx2(s) },
            Level::Base => {}
        }
    }
    lanes_f32(s)
}

/// As [`lanes_f32`], for f64 elements.
fn block_sum_f64(s: &[f64]) -> f64 {
    let mut acc = [0f64; LANES];
    let mut chunks = s.chunks_exact(LANES);
    for c in &mut chunks {
        for (a, &v) in acc.iter_mut().zip(c) {
            *a += v;
        }
    }
    let mut total: f64 = chunks.remainder().iter().sum();
    for a in acc {
        total += a;
    }
    total
}

impl Sum for f32 {
    type Acc = f64;
    #[inline(always)]
    fn accumulate(acc: f64, v: f32) -> f64 {
        acc + f64::from(v)
    }
    fn finish(acc: f64) -> f32 {
        acc as f32
    }
    fn sum(s: &[f32]) -> f32 {
        blocked(s, block_sum_f32, |a, b| a + b).unwrap_or(0.0) as f32
    }
    fn block(s: &[f32]) -> f64 {
        block_sum_f32(s)
    }
    fn combine(a: f64, b: f64) -> f64 {
        a + b
    }
}
impl Sum for f64 {
    type Acc = f64;
    #[inline(always)]
    fn accumulate(acc: f64, v: f64) -> f64 {
        acc + v
    }
    fn finish(acc: f64) -> f64 {
        acc
    }
    fn sum(s: &[f64]) -> f64 {
        blocked(s, block_sum_f64, |a, b| a + b).unwrap_or(0.0)
    }
    fn block(s: &[f64]) -> f64 {
        block_sum_f64(s)
    }
    fn combine(a: f64, b: f64) -> f64 {
        a + b
    }
}
impl Sum for i32 {
    type Acc = i32;
    #[inline(always)]
    fn accumulate(acc: i32, v: i32) -> i32 {
        acc.wrapping_add(v)
    }
    fn finish(acc: i32) -> i32 {
        acc
    }
    fn sum(s: &[i32]) -> i32 {
        blocked(s, Self::block, i32::wrapping_add).unwrap_or(0)
    }
    fn block(s: &[i32]) -> i32 {
        s.iter().fold(0i32, |a, &b| a.wrapping_add(b))
    }
    fn combine(a: i32, b: i32) -> i32 {
        a.wrapping_add(b)
    }
}
impl Sum for i64 {
    type Acc = i64;
    #[inline(always)]
    fn accumulate(acc: i64, v: i64) -> i64 {
        acc.wrapping_add(v)
    }
    fn finish(acc: i64) -> i64 {
        acc
    }
    fn sum(s: &[i64]) -> i64 {
        blocked(s, Self::block, i64::wrapping_add).unwrap_or(0)
    }
    fn block(s: &[i64]) -> i64 {
        s.iter().fold(0i64, |a, &b| a.wrapping_add(b))
    }
    fn combine(a: i64, b: i64) -> i64 {
        a.wrapping_add(b)
    }
}
impl Sum for bool {
    type Acc = bool;
    #[inline(always)]
    fn accumulate(acc: bool, v: bool) -> bool {
        acc | v
    }
    fn finish(acc: bool) -> bool {
        acc
    }
    fn sum(s: &[bool]) -> bool {
        s.contains(&true)
    }
    fn block(s: &[bool]) -> bool {
        s.contains(&true)
    }
    fn combine(a: bool, b: bool) -> bool {
        a | b
    }
}

/// Columns handled together by [`column_sums`]: their f64 accumulators stay in L1.
const COLUMN_BLOCK: usize = 2048;

/// Sums over the leading axes of a contiguous `[rows, inner]` matrix (the bias gradient of a
/// batch): rows are added into per-column accumulators a block of columns at a time, reading
/// memory in order, instead of gathering the transposed view. Float32 accumulates in f64, like
/// every float32 sum here; integers wrap; bools are `any`.
fn column_sums<T: Sum>(v: &[T], rows: usize, inner: usize) -> Alloc<Vec<T>> {
    let block = |cols: std::ops::Range<usize>, out: &mut [T]| {
        let mut acc = vec![T::Acc::default(); cols.len()];
        super::simd::run(
            #[inline(always)]
            || {
                for r in 0..rows {
                    let row = &v[r * inner + cols.start..r * inner + cols.end];
                    for (a, &e) in acc.iter_mut().zip(row) {
                        *a = T::accumulate(*a, e);
                    }
                }
            },
        );
        for (o, a) in out.iter_mut().zip(acc) {
            *o = T::finish(a);
        }
    };
    let mut out = alloc::zeroed::<T>(inner)?;
    if rows * inner < REDUCE_PAR_MIN || inner < 2 * COLUMN_BLOCK {
        for (k, o) in out.chunks_mut(COLUMN_BLOCK).enumerate() {
            let start = k * COLUMN_BLOCK;
            block(start..start + o.len(), o);
        }
    } else {
        out.par_chunks_mut(COLUMN_BLOCK)
            .enumerate()
            .for_each(|(k, o)| {
                let start = k * COLUMN_BLOCK;
                block(start..start + o.len(), o);
            });
    }
    Ok(out)
}

/// Reduced runs made of contiguous segments shorter than this are gathered first.
const MIN_SEGMENT: usize = 64;

/// The sums over the reduced axes of `p` (`x`'s layout with its `kept` axes first and the reduced
/// ones last) when the innermost reduced axes are contiguous in storage, in segments of at least
/// [`MIN_SEGMENT`] elements (`[N, C, H, W]` summed over `(0, 2, 3)`: segments of `H·W`, `N` per
/// channel): each segment is summed in place, block by block with the vector sums, and each
/// output combines its segments in order, so nothing is gathered. `None` when there are no such
/// segments, or when `p` is contiguous (its runs are then read in place already).
fn segment_sums<T: Sum>(x: View<'_>, p: &Layout, kept: usize) -> Option<Alloc<Vec<T>>> {
    let (shape, strides) = (p.shape(), p.strides());
    let (mut t, mut seg, mut expect) = (shape.len(), 1usize, 1isize);
    while t > kept {
        let (d, s) = (shape[t - 1], strides[t - 1]);
        if d != 1 && s != expect {
            break;
        }
        expect = expect.saturating_mul(d as isize);
        seg *= d;
        t -= 1;
    }
    if seg < MIN_SEGMENT || p.numel() == 0 || p.is_contiguous() {
        return None;
    }
    let all = x.buf.slice::<T>()?;
    let per_out: usize = shape[kept..t].iter().product();
    Some(segmented(all, p, t, seg).and_then(|parts| {
        let mut out = alloc::with_capacity(parts.len() / per_out)?;
        out.extend(
            parts
                .chunks(per_out)
                .map(|c| T::finish(c.iter().copied().reduce(T::combine).unwrap_or_default())),
        );
        Ok(out)
    }))
}

/// The sum of each contiguous segment of `seg` elements of `p`, one per index of its first `t`
/// axes (row-major), as accumulators; segments in parallel when there are many elements. Each
/// segment is summed in blocks of [`BLOCK`] combined in order: the same on any thread count.
fn segmented<T: Sum>(all: &[T], p: &Layout, t: usize, seg: usize) -> Alloc<Vec<T::Acc>> {
    let (outer, strides) = (&p.shape()[..t], &p.strides()[..t]);
    let n_seg: usize = outer.iter().product();
    let mut parts = alloc::zeroed::<T::Acc>(n_seg)?;
    let body = |start: usize, parts: &mut [T::Acc]| {
        let mut idx = vec![0usize; t];
        let mut q = start;
        for (j, &d) in idx.iter_mut().zip(outer).rev() {
            *j = q % d;
            q /= d;
        }
        let mut pos = p.offset() as isize
            + idx
                .iter()
                .zip(strides)
                .map(|(&j, &s)| j as isize * s)
                .sum::<isize>();
        for acc in parts.iter_mut() {
            let s = &all[pos as usize..pos as usize + seg];
            *acc = s
                .chunks(BLOCK)
                .map(T::block)
                .reduce(T::combine)
                .unwrap_or_default();
            for ax in (0..t).rev() {
                idx[ax] += 1;
                pos += strides[ax];
                if idx[ax] < outer[ax] {
                    break;
                }
                pos -= outer[ax] as isize * strides[ax];
                idx[ax] = 0;
            }
        }
    };
    if n_seg * seg < REDUCE_PAR_MIN {
        body(0, &mut parts);
    } else {
        // Tasks of about four blocks each.
        let per_task = (4 * BLOCK / seg).max(1);
        parts
            .par_chunks_mut(per_task)
            .enumerate()
            .for_each(|(k, c)| body(k * per_task, c));
    }
    Ok(parts)
}

/// `op` over `axes` of `x`.
#[inline]
pub(super) fn reduce(op: ReduceOp, x: View<'_>, axes: &[usize]) -> Alloc<CpuBuffer> {
    match op {
        ReduceOp::Sum => reduce_sum(x, axes),
        ReduceOp::Max => reduce_max(x, axes),
    }
}

fn reduce_sum(x: View<'_>, axes: &[usize]) -> Alloc<CpuBuffer> {
    fn go<T: Sum>(x: View<'_>, axes: &[usize]) -> Alloc<CpuBuffer> {
        let shape = x.layout.shape();
        let leading = axes.iter().enumerate().all(|(i, &a)| i == a);
        if leading && axes.len() < shape.len() && x.layout.is_contiguous() {
            let rows: usize = shape[..axes.len()].iter().product();
            let inner: usize = shape[axes.len()..].iter().product();
            if rows > 1 && inner > 1 {
                let all = x.buf.slice::<T>().unwrap_or(&[]);
                let start = x.layout.offset();
                if let Some(v) = all.get(start..start + rows * inner) {
                    return column_sums(v, rows, inner).map(CpuBuffer::from_vec);
                }
            }
        }
        let (p, run) = reduced_last(x, axes);
        let p = View {
            buf: x.buf,
            layout: &p,
        };
        let kept = p.layout.shape().len() - axes.len();
        let n_out = p.layout.shape()[..kept].iter().product();
        if run == 0 {
            // Sums over nothing: zeros, as many as the output has (which may be far more than
            // the input's elements, none: `zeros([0, n]).sum(0)`).
            return alloc::zeroed::<T>(n_out).map(CpuBuffer::from_vec);
        }
        if let Some(out) = segment_sums::<T>(x, p.layout, kept) {
            return out.map(CpuBuffer::from_vec);
        }
        let v = elems::<T>(p)?;
        let out = per_run(&v, run, T::sum);
        recycle(v);
        out.map(CpuBuffer::from_vec)
    }
    dispatch_compute!(x.dtype(), go(x, axes))
}

fn reduce_max(x: View<'_>, axes: &[usize]) -> Alloc<CpuBuffer> {
    fn go<T: Arith>(x: View<'_>, axes: &[usize]) -> Alloc<CpuBuffer> {
        let (p, run) = reduced_last(x, axes);
        let p = View {
            buf: x.buf,
            layout: &p,
        };
        let v = elems::<T>(p)?;
        // The first NaN, else the first of the largest: the same whether blocks are combined or not.
        let pick = |a: T, b: T| if a.is_nan() || a >= b { a } else { b };
        let out = per_run(&v, run.max(1), |c| {
            blocked(
                c,
                |b| b.iter().copied().reduce(pick),
                |a, b| match (a, b) {
                    (Some(a), Some(b)) => Some(pick(a, b)),
                    (a, b) => a.or(b),
                },
            )
            .flatten()
            .unwrap_or(T::from_f64(0.0))
        });
        recycle(v);
        out.map(CpuBuffer::from_vec)
    }
    dispatch_compute!(x.dtype(), go(x, axes))
}

/// `(e, i)` is taken over the best so far `(b, j)` (`i > j`): a NaN over a number, else a larger
/// value (so the first NaN, else the first maximum, wins).
#[inline(always)]
fn beats<T: Arith>(e: T, b: T) -> bool {
    (e.is_nan() && !b.is_nan()) || e > b
}

/// The index of the first maximum of `c` (of the first NaN, if any; 0 when empty). Eight
/// interleaved lanes each keep their own first maximum, so that their compare chains overlap
/// (one chain read the best value back at every element: 4 ns an element); then the lanes'
/// winners are compared, equal values going to the smaller index.
fn first_max<T: Arith>(c: &[T]) -> usize {
    const L: usize = 8;
    if c.len() < 2 * L {
        let mut best = 0;
        for (i, &e) in c.iter().enumerate().skip(1) {
            if beats(e, c[best]) {
                best = i;
            }
        }
        return best;
    }
    let mut bv: [T; L] = std::array::from_fn(|j| c[j]);
    let mut bi: [usize; L] = std::array::from_fn(|j| j);
    let full = c.len() / L * L;
    for (k, chunk) in c[..full].chunks_exact(L).enumerate().skip(1) {
        for j in 0..L {
            if beats(chunk[j], bv[j]) {
                bv[j] = chunk[j];
                bi[j] = k * L + j;
            }
        }
    }
    for (j, i) in (full..c.len()).enumerate() {
        if beats(c[i], bv[j]) {
            bv[j] = c[i];
            bi[j] = i;
        }
    }
    let mut w = 0;
    for j in 1..L {
        let (v, b) = (bv[j], bv[w]);
        let tie = (v.is_nan() && b.is_nan()) || v == b;
        if beats(v, b) || (tie && bi[j] < bi[w]) {
            w = j;
        }
    }
    bi[w]
}

#[inline]
pub(super) fn argmax(x: View<'_>, axis: usize) -> Alloc<CpuBuffer> {
    fn go<T: Arith>(x: View<'_>, axis: usize) -> Alloc<CpuBuffer> {
        let (p, run) = reduced_last(x, &[axis]);
        let p = View {
            buf: x.buf,
            layout: &p,
        };
        let v = elems::<T>(p)?;
        let out = per_run(&v, run.max(1), |c| first_max(c) as i32);
        recycle(v);
        out.map(CpuBuffer::I32)
    }
    dispatch_compute!(x.dtype(), go(x, axis))
}

/// The inclusive cumulative sum along `axis`: the elements, and the layout that views them in
/// `x`'s axis order (they are written with `axis` innermost). `f16`: the input is Float16 (computed
/// in f32), whose partial sums are rounded to Float16 as MindSpore's kernel adds them.
pub(super) fn cumsum(x: View<'_>, axis: usize, f16: bool) -> Alloc<(CpuBuffer, Layout)> {
    fn go<T: Arith>(x: View<'_>, axis: usize, f16: bool) -> Alloc<(CpuBuffer, Layout)> {
        let (p, run) = reduced_last(x, &[axis]);
        let p = View {
            buf: x.buf,
            layout: &p,
        };
        let mut v = into_owned(elems::<T>(p)?)?;
        let scan = |row: &mut [T]| {
            let mut acc = T::from_f64(0.0);
            for e in row.iter_mut() {
                acc = acc.add(*e);
                *e = acc;
            }
        };
        // MindSpore's CPU kernel adds Float16 in Float16 (as NumPy does), rounding each partial
        // sum; the f32 the half type computes in is rounded the same way.
        let scan_f16 = |row: &mut [T]| {
            let mut acc = T::from_f64(0.0);
            for e in row.iter_mut() {
                acc = T::from_f64(half::f16::from_f64(acc.add(*e).to_f64()).to_f64());
                *e = acc;
            }
        };
        let run = run.max(1);
        let serial = v.len() < REDUCE_PAR_MIN || run >= v.len();
        match (f16, serial) {
            (false, true) => v.chunks_mut(run).for_each(scan),
            (false, false) => v.par_chunks_mut(run).for_each(scan),
            (true, true) => v.chunks_mut(run).for_each(scan_f16),
            (true, false) => v.par_chunks_mut(run).for_each(scan_f16),
        }
        Ok((CpuBuffer::from_vec(v), axis_back(p.layout.shape(), axis)))
    }
    dispatch_compute!(x.dtype(), go(x, axis, f16))
}

/// The layout that views elements written with `axis` innermost (`perm_shape`, the shape in that
/// order) in the original axis order.
fn axis_back(perm_shape: &[usize], axis: usize) -> Layout {
    let nd = perm_shape.len();
    let inverse: Vec<usize> = (0..nd)
        .map(|i| match i.cmp(&axis) {
            std::cmp::Ordering::Less => i,
            std::cmp::Ordering::Equal => nd - 1,
            std::cmp::Ordering::Greater => i - 1,
        })
        .collect();
    Layout::contiguous(perm_shape).permute(&inverse)
}

/// Independent partial results a row reduction of any float type keeps, so that the loop over a
/// row vectorises (a single accumulator is a chain the compiler may not reorder); the sums above
/// keep their own `LANES` of f64.
pub(super) const ROW_LANES: usize = 8;

/// `fold` over the row in `ROW_LANES` interleaved partial results, combined at the end.
#[inline(always)]
pub(super) fn lanes<T: Arith>(r: &[T], init: T, fold: impl Fn(T, T) -> T) -> T {
    let mut acc = [init; ROW_LANES];
    let mut chunks = r.chunks_exact(ROW_LANES);
    for c in &mut chunks {
        for j in 0..ROW_LANES {
            acc[j] = fold(acc[j], c[j]);
        }
    }
    let mut total = init;
    for &x in chunks.remainder().iter().chain(acc.iter()) {
        total = fold(total, x);
    }
    total
}

/// `Σ a[i]·b[i]` over [`ROW_LANES`] interleaved partial sums (so the loop vectorises), the
/// remainder added last: the row dot product of the softmax and layer-norm gradients.
#[inline(always)]
pub(super) fn dot_lanes<T: Arith>(a: &[T], b: &[T]) -> T {
    let zero = T::from_f64(0.0);
    let mut acc = [zero; ROW_LANES];
    let (mut ac, mut bc) = (a.chunks_exact(ROW_LANES), b.chunks_exact(ROW_LANES));
    for (x, y) in (&mut ac).zip(&mut bc) {
        for j in 0..ROW_LANES {
            acc[j] = acc[j].add(x[j].mul(y[j]));
        }
    }
    let mut total = lanes(&acc, zero, |s, v| s.add(v));
    for (&x, &y) in ac.remainder().iter().zip(bc.remainder()) {
        total = total.add(x.mul(y));
    }
    total
}

/// The larger of `a` and `x`; NaN elements are passed over, as the `Softmax` kernel's max does
/// (they reach the output through the exponentials).
#[inline(always)]
fn larger<T: Arith>(a: T, x: T) -> T {
    if x > a {
        x
    } else {
        a
    }
}

/// `r ← softmax(r)`: the max `m` (0 when it is not finite, as `logsumexp` shifts), `e =
/// exp(x − m)`, then `e / Σ e`; the max and the sum over [`ROW_LANES`] partial results, so that each
/// loop vectorises. The `Softmax` kernel's row, and the
/// `Attention` kernel's after its scale and mask.
#[inline(always)]
pub(super) fn softmax_in_place<T: Arith>(r: &mut [T]) {
    let zero = T::from_f64(0.0);
    let mx = lanes(r, T::from_f64(f64::NEG_INFINITY), larger);
    // m − m is 0 exactly when m is finite.
    let shift = if mx.sub(mx) == zero { mx } else { zero };
    // Plain `for` loops: an iterator's `for_each` is a `fold` call that is not always inlined
    // into the vector-compiled caller (`simd::run`), and then runs with baseline vectors.
    for x in r.iter_mut() {
        *x = x.sub(shift).exp();
    }
    let sum = lanes(r, zero, |a, x| a.add(x));
    for x in r.iter_mut() {
        *x = x.div(sum);
    }
}

/// Elements from which a softmax is split across threads: its exponentials cost some 1 ns an
/// element on one thread, so from this size (about 30 µs) a second thread pays.
const SOFTMAX_PAR_MIN: usize = 1 << 15;

/// The softmax along `axis` (floats), row by row in place ([`softmax_in_place`]: the shifted
/// exponentials over their sum), in loops compiled for the machine's vectors ([`super::simd`]);
/// large inputs in runs of rows on this thread and the product team's helpers. The elements and
/// the layout that views them in `x`'s axis order (they are written with `axis` innermost, as
/// `cumsum`'s).
pub(super) fn softmax(x: View<'_>, axis: usize) -> Alloc<(CpuBuffer, Layout)> {
    fn go<T: Arith>(x: View<'_>, axis: usize) -> Alloc<(CpuBuffer, Layout)> {
        let (p, run) = reduced_last(x, &[axis]);
        let p = View {
            buf: x.buf,
            layout: &p,
        };
        let mut v = into_owned(elems::<T>(p)?)?;
        let run = run.max(1);
        let rows = |part: &mut [T]| {
            super::simd::run(
                #[inline(always)]
                || {
                    for row in part.chunks_mut(run) {
                        softmax_in_place(row);
                    }
                },
            )
        };
        if v.len() < SOFTMAX_PAR_MIN || run >= v.len() {
            rows(&mut v);
        } else {
            // Eight parts or more, each whole rows.
            let per = (v.len() / 8 / run).max(1) * run;
            super::team::share(v.chunks_mut(per).collect(), rows);
        }
        Ok((CpuBuffer::from_vec(v), axis_back(p.layout.shape(), axis)))
    }
    dispatch_compute!(x.dtype(), go(x, axis))
}

#[cfg(test)]
mod tests {
    use super::first_max;

    /// The first NaN, else the first maximum, by one plain scan.
    fn reference(c: &[f64]) -> usize {
        let mut best = 0;
        for (i, &e) in c.iter().enumerate() {
            let b = c[best];
            if !b.is_nan() && (e.is_nan() || e > b) {
                best = i;
            }
        }
        best
    }

    #[test]
    fn the_lanes_find_the_first_maximum_or_nan() {
        // Few distinct values (many ties), signed zeros, NaNs in some rows, every length to 70.
        let values = [0.0, -0.0, 1.0, -1.0, 2.0, 2.0, f64::NAN, -3.0];
        let mut state = 12345u64;
        for len in 0..70 {
            for round in 0..40 {
                let row: Vec<f64> = (0..len)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        let v = values[(state >> 33) as usize % values.len()];
                        if round % 2 == 0 && v.is_nan() {
                            5.0
                        } else {
                            v
                        }
                    })
                    .collect();
                assert_eq!(first_max(&row), reference(&row), "{row:?}");
                let ints: Vec<i64> = row
                    .iter()
                    .map(|&v| if v.is_nan() { 9 } else { v as i64 })
                    .collect();
                let want = ints
                    .iter()
                    .enumerate()
                    .fold(0, |b, (i, &v)| if v > ints[b] { i } else { b });
                assert_eq!(first_max(&ints), want, "{ints:?}");
            }
        }
    }
}

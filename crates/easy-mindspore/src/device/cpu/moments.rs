//! The `VarMean` kernel: the biased variance and the mean of each reduced run in one pass over
//! memory. Each run is read in contiguous segments where its innermost reduced axes allow it
//! (`[N, C, H, W]` over `(0, 2, 3)`: the `H·W` planes in place), otherwise gathered first.
//!
//! Accuracy: every element is shifted by a fixed element of its run (its first, or 0 when that is
//! not finite), `d = x − shift` exactly in f64, and `Σd`, `Σd²` accumulate in f64 lanes; then
//! `μ = shift + Σd/n` and `σ² = Σd²/n − (Σd/n)²`. The shift is one of the values, so
//! `(μ − shift)² ≤ n·σ²` and the subtraction loses at most a factor `n` of f64's precision: for
//! any run shorter than 10⁸ elements the result is far more accurate than a float32 rounding (the
//! unshifted `E[x²] − E[x]²` would lose everything when `|μ| ≫ σ`). Results do not depend on the
//! number of threads: blocks are summed alone and combined in order.

use super::alloc::{self, Alloc};
use super::elems;
use super::par::recycle;
use super::reduce::{reduced_last, BLOCK, REDUCE_PAR_MIN};
use super::{CpuBuffer, View};
use crate::dtype::Element;
use rayon::prelude::*;

/// Independent accumulators per sum, kept in vector registers.
const LANES: usize = 8;

/// `(Σ(x − shift), Σ(x − shift)²)` of a block, in f64.
#[inline(always)]
fn block_moments<T: Element>(s: &[T], shift: f64) -> (f64, f64) {
    let (mut a1, mut a2) = ([0f64; LANES], [0f64; LANES]);
    let mut chunks = s.chunks_exact(LANES);
    for c in &mut chunks {
        // Indexed, not zipped: a zip of the two accumulators was left as a call per chunk
        // (measured: 100 ms instead of a few on 33.5M elements).
        for i in 0..LANES {
            let d = c[i].to_f64() - shift;
            a1[i] += d;
            a2[i] += d * d;
        }
    }
    let (mut s1, mut s2) = (0f64, 0f64);
    for &v in chunks.remainder() {
        let d = v.to_f64() - shift;
        s1 += d;
        s2 += d * d;
    }
    for (p, q) in a1.iter().zip(&a2) {
        s1 += p;
        s2 += q;
    }
    (s1, s2)
}

/// [`block_moments`] compiled for the widest vectors the CPU has.
fn moments<T: Element>(s: &[T], shift: f64) -> (f64, f64) {
    super::simd::run(
        #[inline(always)]
        || block_moments(s, shift),
    )
}

/// The runs of one kernel call: segments of `seg` contiguous elements at the positions of a
/// row-major walk over `outer` (with `strides`, from `offset`), `per_out` consecutive segments
/// making one output's run.
struct Segments<'a> {
    outer: &'a [usize],
    strides: &'a [isize],
    offset: usize,
    seg: usize,
    per_out: usize,
}

impl Segments<'_> {
    /// The storage position of segment `g`.
    fn position(&self, g: usize) -> isize {
        let mut q = g;
        let mut pos = self.offset as isize;
        for (&d, &s) in self.outer.iter().zip(self.strides).rev() {
            pos += (q % d) as isize * s;
            q /= d;
        }
        pos
    }
}

/// Each output's shift, and each segment's `(Σd, Σd²)`.
type ShiftsAndSums = (Vec<f64>, Vec<(f64, f64)>);

/// The shift of each output (see the module's note), then `(Σd, Σd²)` of each segment,
/// segments in parallel when there are many elements.
fn segment_moments<T: Element>(all: &[T], sg: &Segments<'_>) -> Alloc<ShiftsAndSums> {
    let n_seg: usize = sg.outer.iter().product();
    let n_out = n_seg / sg.per_out;
    let mut shifts = alloc::with_capacity::<f64>(n_out)?;
    shifts.extend((0..n_out).map(|o| {
        let first = all[sg.position(o * sg.per_out) as usize].to_f64();
        if first.is_finite() {
            first
        } else {
            0.0
        }
    }));
    let mut parts = alloc::with_capacity::<(f64, f64)>(n_seg)?;
    parts.resize(n_seg, (0.0, 0.0));
    let body = |start: usize, parts: &mut [(f64, f64)]| {
        let mut idx = vec![0usize; sg.outer.len()];
        let mut q = start;
        for (j, &d) in idx.iter_mut().zip(sg.outer).rev() {
            *j = q % d;
            q /= d;
        }
        let mut pos = sg.position(start);
        for (g, part) in (start..).zip(parts.iter_mut()) {
            let shift = shifts[g / sg.per_out];
            let s = &all[pos as usize..pos as usize + sg.seg];
            *part = s
                .chunks(BLOCK)
                .map(|b| moments(b, shift))
                .reduce(|a, b| (a.0 + b.0, a.1 + b.1))
                .unwrap_or((0.0, 0.0));
            for ax in (0..idx.len()).rev() {
                idx[ax] += 1;
                pos += sg.strides[ax];
                if idx[ax] < sg.outer[ax] {
                    break;
                }
                pos -= sg.outer[ax] as isize * sg.strides[ax];
                idx[ax] = 0;
            }
        }
    };
    if n_seg * sg.seg < REDUCE_PAR_MIN {
        body(0, &mut parts);
    } else {
        let per_task = (4 * BLOCK / sg.seg.max(1)).max(1);
        parts
            .par_chunks_mut(per_task)
            .enumerate()
            .for_each(|(k, c)| body(k * per_task, c));
    }
    Ok((shifts, parts))
}

/// Segments of at least this many elements are read in place; shorter ones are gathered first.
const MIN_SEGMENT: usize = 64;

/// The biased variance and the mean over `axes` of a float view (Float32 or Float64), as
/// `[kept..., 2]`: see the module's note.
pub(super) fn var_mean(x: View<'_>, axes: &[usize]) -> Alloc<CpuBuffer> {
    match x.buf {
        CpuBuffer::F32(_) => var_mean_of::<f32>(x, axes),
        _ => var_mean_of::<f64>(x, axes),
    }
}

/// `count` NaNs (the statistics of no elements).
fn nans<T: Element>(count: usize) -> Alloc<CpuBuffer> {
    let mut out = alloc::with_capacity::<T>(count)?;
    out.resize(count, T::from_f64(f64::NAN));
    Ok(CpuBuffer::from_vec(out))
}

fn var_mean_of<T: Element>(x: View<'_>, axes: &[usize]) -> Alloc<CpuBuffer> {
    let (p, run) = reduced_last(x, axes);
    let (shape, strides) = (p.shape(), p.strides());
    let kept = shape.len() - axes.len();
    let n_out: usize = shape[..kept].iter().product();
    let Some(all) = x.buf.slice::<T>() else {
        // Not a float buffer: the rule's dtype check keeps this from happening.
        return nans::<T>(2 * n_out);
    };
    if run == 0 || n_out == 0 {
        return nans::<T>(2 * n_out);
    }
    // The innermost reduced axes that are contiguous in storage.
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
    if seg >= MIN_SEGMENT || p.is_contiguous() {
        let sg = Segments {
            outer: &shape[..t],
            strides: &strides[..t],
            offset: p.offset(),
            seg,
            per_out: run / seg,
        };
        return finish(all, &sg, run);
    }
    // Short segments: each run gathered into one contiguous segment.
    let g = elems::<T>(View {
        buf: x.buf,
        layout: &p,
    })?;
    let (outer, stride) = ([n_out], [run as isize]);
    let sg = Segments {
        outer: &outer,
        strides: &stride,
        offset: 0,
        seg: run,
        per_out: 1,
    };
    let out = finish(&g, &sg, run);
    recycle(g);
    out
}

/// The variance and mean of each output from its segments' sums.
fn finish<T: Element>(all: &[T], sg: &Segments<'_>, run: usize) -> Alloc<CpuBuffer> {
    let (shifts, parts) = segment_moments(all, sg)?;
    let n = run as f64;
    let mut out = alloc::with_capacity::<T>(2 * shifts.len())?;
    for (&shift, c) in shifts.iter().zip(parts.chunks(sg.per_out)) {
        let (s1, s2) = c.iter().fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
        let m1 = s1 / n;
        let var = s2 / n - m1 * m1;
        // Rounding may leave a zero variance slightly negative; NaN stays NaN.
        out.push(T::from_f64(if var < 0.0 { 0.0 } else { var }));
        out.push(T::from_f64(shift + m1));
    }
    Ok(CpuBuffer::from_vec(out))
}

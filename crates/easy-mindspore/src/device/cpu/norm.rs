//! The `LayerNorm` kernels: each row (the trailing block from the first normalised axis) is
//! normalised in one pass, `y = (x − μ)·r` with `r = 1/√(σ² + ε)`, and its gradient is
//! `dx = r·(g − mean(g) − y·mean(g·y))` in one pass over the row's `x` and `g` (the statistics
//! recomputed). Mean and variance are two passes over a row already in cache (the mean first,
//! then `Σ(x − μ)²`, so nothing cancels), each over [`ROW_LANES`] partial sums in the row's
//! float type; loops are compiled for the machine's vectors ([`super::simd`]); long inputs are
//! split into runs of rows on this thread and the product team's helpers. Rows are independent,
//! so results do not depend on the number of threads.

use super::alloc::Alloc;
use super::elems;
use super::par::recycle;
use super::pool;
use super::reduce::{dot_lanes, lanes, ROW_LANES};
use super::{CpuBuffer, View};
use crate::dtype::dispatch_compute;
use crate::op::Arith;

/// Elements from which the rows are split across threads (some 30 µs of work).
const PAR_MIN: usize = 1 << 15;

/// `(μ, r)` of a row: its mean and `1/√(σ² + eps)` (biased variance).
#[inline(always)]
fn stats<T: Arith>(x: &[T], eps: T) -> (T, T) {
    let zero = T::from_f64(0.0);
    let inv_n = T::from_f64(1.0 / x.len().max(1) as f64);
    let mean = lanes(x, zero, |a, v| a.add(v)).mul(inv_n);
    let mut acc = [zero; ROW_LANES];
    let mut chunks = x.chunks_exact(ROW_LANES);
    for c in &mut chunks {
        for j in 0..ROW_LANES {
            let d = c[j].sub(mean);
            acc[j] = acc[j].add(d.mul(d));
        }
    }
    let mut ss = lanes(&acc, zero, |a, v| a.add(v));
    for &v in chunks.remainder() {
        let d = v.sub(mean);
        ss = ss.add(d.mul(d));
    }
    let var = ss.mul(inv_n);
    (mean, T::from_f64(1.0).div(var.add(eps).sqrt()))
}

/// `out ← (x − μ)·r` for one row.
#[inline(always)]
fn forward_row<T: Arith>(x: &[T], out: &mut [T], eps: T) {
    let (mean, r) = stats(x, eps);
    for (o, &v) in out.iter_mut().zip(x) {
        *o = v.sub(mean).mul(r);
    }
}

/// `out ← r·(g − mean(g) − y·mean(g·y))` for one row, `y` recomputed from `x`.
#[inline(always)]
fn backward_row<T: Arith>(x: &[T], g: &[T], out: &mut [T], eps: T) {
    let zero = T::from_f64(0.0);
    let inv_n = T::from_f64(1.0 / x.len().max(1) as f64);
    let (mean, r) = stats(x, eps);
    // y into `out` first, then the two sums over it.
    for (o, &v) in out.iter_mut().zip(x) {
        *o = v.sub(mean).mul(r);
    }
    let mean_g = lanes(g, zero, |a, v| a.add(v)).mul(inv_n);
    let mean_gy = dot_lanes(out, g).mul(inv_n);
    for (o, &gv) in out.iter_mut().zip(g) {
        *o = r.mul(gv.sub(mean_g).sub(o.mul(mean_gy)));
    }
}

/// The normalisation (one view: `x`) or its gradient (two: `x` and the cotangent `g`, of one
/// shape) over the axes `axis..`, as a contiguous buffer of `x`'s shape.
pub(super) fn layer_norm(w: &[View<'_>], axis: usize, eps: f64) -> Alloc<CpuBuffer> {
    fn go<T: Arith>(w: &[View<'_>], axis: usize, eps: f64) -> Alloc<CpuBuffer> {
        let shape = w[0].layout.shape();
        let run: usize = shape[axis.min(shape.len())..].iter().product();
        let x = elems::<T>(w[0])?;
        let g = w.get(1).map(|&g| elems::<T>(g)).transpose()?;
        let mut out = pool::take_or_alloc::<T>(x.len())?;
        let eps = T::from_f64(eps);
        if run > 0 && !out.is_empty() {
            let rows = |start: usize, part: &mut [T]| {
                let xs = &x[start..start + part.len()];
                let gs = g.as_ref().map(|g| &g[start..start + part.len()]);
                super::simd::run(
                    #[inline(always)]
                    || match gs {
                        None => {
                            for (o, xr) in part.chunks_mut(run).zip(xs.chunks(run)) {
                                forward_row(xr, o, eps);
                            }
                        }
                        Some(gs) => {
                            for ((o, xr), gr) in
                                part.chunks_mut(run).zip(xs.chunks(run)).zip(gs.chunks(run))
                            {
                                backward_row(xr, gr, o, eps);
                            }
                        }
                    },
                )
            };
            if out.len() < PAR_MIN || run >= out.len() {
                rows(0, &mut out);
            } else {
                // Eight parts or more, each whole rows.
                let per = (out.len() / 8 / run).max(1) * run;
                let parts: Vec<(usize, &mut [T])> = out
                    .chunks_mut(per)
                    .enumerate()
                    .map(|(k, p)| (k * per, p))
                    .collect();
                super::team::share(parts, |(s, p)| rows(s, p));
            }
        }
        recycle(x);
        if let Some(g) = g {
            recycle(g);
        }
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch_compute!(w[0].dtype(), go(w, axis, eps))
}

#[cfg(test)]
mod tests {
    use super::{backward_row, forward_row};

    #[test]
    fn rows_match_the_formulas_in_float64() {
        let x: Vec<f64> = (0..37)
            .map(|i| ((i * 7919) % 101) as f64 / 13.0 - 3.0)
            .collect();
        let g: Vec<f64> = (0..37)
            .map(|i| ((i * 31) % 17) as f64 / 5.0 - 1.5)
            .collect();
        let n = x.len() as f64;
        let mean = x.iter().sum::<f64>() / n;
        let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
        let r = 1.0 / (var + 1e-5).sqrt();
        let y: Vec<f64> = x.iter().map(|v| (v - mean) * r).collect();
        let mut out = vec![0.0; x.len()];
        forward_row(&x, &mut out, 1e-5);
        for (a, b) in out.iter().zip(&y) {
            assert!((a - b).abs() < 1e-12, "{a} {b}");
        }
        let mg = g.iter().sum::<f64>() / n;
        let mgy = g.iter().zip(&y).map(|(a, b)| a * b).sum::<f64>() / n;
        backward_row(&x, &g, &mut out, 1e-5);
        for i in 0..x.len() {
            let want = r * (g[i] - mg - y[i] * mgy);
            assert!((out[i] - want).abs() < 1e-12, "{i}: {} {want}", out[i]);
        }
    }
}

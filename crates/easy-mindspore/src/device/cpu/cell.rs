//! The `RnnCell` kernels: the gate maths of one recurrent step (LSTM, GRU) and its gradient in
//! one pass over the `B·H` hidden units, each unit through the scalar functions of
//! [`crate::op::cell`] (whose activations are the unary table's), compiled for the widest
//! vectors the CPU has. Operands are read in place when contiguous (gathered first otherwise);
//! the rule has checked the shapes: gate operands `[B, k·H]`, states `[B, H]`.

use super::alloc::Alloc;
use super::par::recycle;
use super::{elems, pool};
use super::{CpuBuffer, View};
use crate::op::cell::{gru, gru_grad, lstm, lstm_grad};
use crate::op::{Arith, CellOp};

/// `B` and `H` of a step whose state operand is `state`.
fn batch_hidden(state: View<'_>) -> (usize, usize) {
    let s = state.layout.shape();
    (s[0], s[1])
}

/// The step's output: LSTM `[2, B, H]` (`h'` then `c'`), GRU `[B, H]`.
pub(super) fn forward(op: CellOp, ins: &[View<'_>]) -> Alloc<CpuBuffer> {
    match ins[0].buf {
        CpuBuffer::F32(_) => forward_of::<f32>(op, ins),
        _ => forward_of::<f64>(op, ins),
    }
}

/// The cotangents of the step's operands, one after another: `ins` are the operands, the output
/// and the output's cotangent.
pub(super) fn backward(op: CellOp, ins: &[View<'_>]) -> Alloc<CpuBuffer> {
    match ins[0].buf {
        CpuBuffer::F32(_) => backward_of::<f32>(op, ins),
        _ => backward_of::<f64>(op, ins),
    }
}

/// Hidden units (`B·H`) from which a step's rows are split across the product team's helpers
/// when they are awake (between a recurrent layer's per-step products they are): each unit's
/// gate maths costs some 20 ns, so 2K units are 40 µs of work.
const SPLIT_MIN: usize = 1 << 11;

/// The rows of a `b`-row step, as runs of `per` rows: four runs (fewer when `b` is smaller) when
/// the step has [`SPLIT_MIN`] units, else one.
pub(super) fn rows_per_part(b: usize, h: usize) -> usize {
    if b.saturating_mul(h) >= SPLIT_MIN {
        b.div_ceil(4).max(1)
    } else {
        b.max(1)
    }
}

fn forward_of<T: Arith>(op: CellOp, ins: &[View<'_>]) -> Alloc<CpuBuffer> {
    let state = ins[ins.len() - 1];
    let (b, h) = batch_hidden(state);
    let reads = ins
        .iter()
        .map(|&v| elems::<T>(v))
        .collect::<Alloc<Vec<_>>>()?;
    let n_out = match op {
        CellOp::Lstm => 2 * b * h,
        CellOp::Gru => b * h,
    };
    // Every element is written below: a parked (stale) buffer serves.
    let mut out = pool::take_or_alloc::<T>(n_out)?;
    let per = rows_per_part(b, h);
    match op {
        CellOp::Lstm if h > 0 => {
            let (g, c) = (&reads[0][..], &reads[1][..]);
            let (hs, cs) = out.split_at_mut(b * h);
            let parts = hs.chunks_mut(per * h).zip(cs.chunks_mut(per * h));
            super::team::each(parts.enumerate().collect(), |(p, (hs, cs))| {
                let r = p * per * h;
                super::simd::run(
                    #[inline(always)]
                    || lstm_rows(h, &g[4 * r..], &c[r..], hs, cs),
                )
            });
        }
        CellOp::Gru if h > 0 => {
            let (x, hp, hv) = (&reads[0][..], &reads[1][..], &reads[2][..]);
            let parts = out.chunks_mut(per * h).enumerate().collect();
            super::team::each(parts, |(p, outs)| {
                let r = p * per * h;
                super::simd::run(
                    #[inline(always)]
                    || gru_rows(h, &x[3 * r..], &hp[3 * r..], &hv[r..], outs),
                )
            });
        }
        _ => {}
    }
    reads.into_iter().for_each(recycle);
    Ok(CpuBuffer::from_vec(out))
}

/// LSTM rows: gates `g` (`4·H` per row) and states `c` from the part's first row on, written to
/// the part's `h'` and `c'` rows.
#[inline(always)]
fn lstm_rows<T: Arith>(h: usize, g: &[T], c: &[T], hs: &mut [T], cs: &mut [T]) {
    for (r, (hr, c2r)) in hs.chunks_mut(h).zip(cs.chunks_mut(h)).enumerate() {
        let gr = &g[r * 4 * h..(r + 1) * 4 * h];
        let (i, rest) = gr.split_at(h);
        let (f, rest) = rest.split_at(h);
        let (cand, o) = rest.split_at(h);
        let cr = &c[r * h..(r + 1) * h];
        for j in 0..h {
            let (h2, c2) = lstm([i[j], f[j], cand[j], o[j]], cr[j]);
            hr[j] = h2;
            c2r[j] = c2;
        }
    }
}

/// GRU rows: projections `x`, `hp` (`3·H` per row) and states `hv` from the part's first row on,
/// written to the part's `h'` rows.
#[inline(always)]
fn gru_rows<T: Arith>(h: usize, x: &[T], hp: &[T], hv: &[T], outs: &mut [T]) {
    for (r, outr) in outs.chunks_mut(h).enumerate() {
        let (xr, hpr) = (
            &x[r * 3 * h..(r + 1) * 3 * h],
            &hp[r * 3 * h..(r + 1) * 3 * h],
        );
        let hr = &hv[r * h..(r + 1) * h];
        for j in 0..h {
            let xs = [xr[j], xr[h + j], xr[2 * h + j]];
            let hs = [hpr[j], hpr[h + j], hpr[2 * h + j]];
            outr[j] = gru(xs, hs, hr[j]);
        }
    }
}

fn backward_of<T: Arith>(op: CellOp, ins: &[View<'_>]) -> Alloc<CpuBuffer> {
    let n_ops = ins.len() - 2;
    let (b, h) = batch_hidden(ins[n_ops - 1]);
    let reads = ins
        .iter()
        .map(|&v| elems::<T>(v))
        .collect::<Alloc<Vec<_>>>()?;
    let k = op.gates();
    // Gate operands' cotangents (one for LSTM, two for GRU), then the state's.
    let n_out = (n_ops - 1) * b * k * h + b * h;
    let mut out = pool::take_or_alloc::<T>(n_out)?;
    let per = rows_per_part(b, h);
    match op {
        CellOp::Lstm if h > 0 => {
            let (g, c, y, ct) = (&reads[0][..], &reads[1][..], &reads[2][..], &reads[3][..]);
            let (c2, (dh, dc2)) = (&y[b * h..], ct.split_at(b * h));
            let (dg, dc) = out.split_at_mut(b * 4 * h);
            let parts = dg.chunks_mut(per * 4 * h).zip(dc.chunks_mut(per * h));
            super::team::each(parts.enumerate().collect(), |(p, (dg, dc))| {
                let r = p * per * h;
                let ins = [&g[4 * r..], &c[r..], &c2[r..], &dh[r..], &dc2[r..]];
                super::simd::run(
                    #[inline(always)]
                    || lstm_grad_rows(h, ins, dg, dc),
                )
            });
        }
        CellOp::Gru if h > 0 => {
            let (x, hp, hv, ct) = (&reads[0][..], &reads[1][..], &reads[2][..], &reads[4][..]);
            let (dx, rest) = out.split_at_mut(b * 3 * h);
            let (dhp, dh) = rest.split_at_mut(b * 3 * h);
            let parts = dx
                .chunks_mut(per * 3 * h)
                .zip(dhp.chunks_mut(per * 3 * h))
                .zip(dh.chunks_mut(per * h));
            super::team::each(parts.enumerate().collect(), |(p, ((dx, dhp), dh))| {
                let r = p * per * h;
                let ins = [&x[3 * r..], &hp[3 * r..], &hv[r..], &ct[r..]];
                super::simd::run(
                    #[inline(always)]
                    || gru_grad_rows(h, ins, dx, dhp, dh),
                )
            });
        }
        _ => {}
    }
    reads.into_iter().for_each(recycle);
    Ok(CpuBuffer::from_vec(out))
}

/// LSTM gradient rows: `[g, c, c', dh', dc']` from the part's first row on, written to the part's
/// gate cotangents `dg` (`4·H` per row) and state cotangents `dc`.
#[inline(always)]
fn lstm_grad_rows<T: Arith>(h: usize, ins: [&[T]; 5], dg: &mut [T], dc: &mut [T]) {
    let [g, c, c2, dh, dc2] = ins;
    for (r, (dgr, dcr)) in dg.chunks_mut(4 * h).zip(dc.chunks_mut(h)).enumerate() {
        let gr = &g[r * 4 * h..(r + 1) * 4 * h];
        let (di, rest) = dgr.split_at_mut(h);
        let (df, rest) = rest.split_at_mut(h);
        let (dcand, d_o) = rest.split_at_mut(h);
        let o = r * h;
        let (c, c2, dh, dc2) = (&c[o..o + h], &c2[o..o + h], &dh[o..o + h], &dc2[o..o + h]);
        for j in 0..h {
            let gs = [gr[j], gr[h + j], gr[2 * h + j], gr[3 * h + j]];
            let (d, dcj) = lstm_grad(gs, c[j], c2[j], dh[j], dc2[j]);
            di[j] = d[0];
            df[j] = d[1];
            dcand[j] = d[2];
            d_o[j] = d[3];
            dcr[j] = dcj;
        }
    }
}

/// GRU gradient rows: `[x, hp, h, dh']` from the part's first row on, written to the part's
/// projection cotangents `dx`, `dhp` (`3·H` per row) and state cotangents `dh`.
#[inline(always)]
fn gru_grad_rows<T: Arith>(h: usize, ins: [&[T]; 4], dx: &mut [T], dhp: &mut [T], dh: &mut [T]) {
    let [x, hp, hv, ct] = ins;
    for (r, dhr) in dh.chunks_mut(h).enumerate() {
        let (row3, o) = (r * 3 * h, r * h);
        for j in 0..h {
            let xs = [x[row3 + j], x[row3 + h + j], x[row3 + 2 * h + j]];
            let hs = [hp[row3 + j], hp[row3 + h + j], hp[row3 + 2 * h + j]];
            let (a, bb, d) = gru_grad(xs, hs, hv[o + j], ct[o + j]);
            for q in 0..3 {
                dx[row3 + q * h + j] = a[q];
                dhp[row3 + q * h + j] = bb[q];
            }
            dhr[j] = d;
        }
    }
}

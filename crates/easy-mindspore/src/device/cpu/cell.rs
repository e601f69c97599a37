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
    match op {
        CellOp::Lstm => {
            let (g, c) = (&reads[0][..], &reads[1][..]);
            let (hs, cs) = out.split_at_mut(b * h);
            super::simd::run(
                #[inline(always)]
                || {
                    for r in 0..b {
                        let gr = &g[r * 4 * h..(r + 1) * 4 * h];
                        let (i, rest) = gr.split_at(h);
                        let (f, rest) = rest.split_at(h);
                        let (cand, o) = rest.split_at(h);
                        let row = r * h..(r + 1) * h;
                        let (cr, hr, c2r) = (&c[row.clone()], &mut hs[row.clone()], &mut cs[row]);
                        for j in 0..h {
                            let (h2, c2) = lstm([i[j], f[j], cand[j], o[j]], cr[j]);
                            hr[j] = h2;
                            c2r[j] = c2;
                        }
                    }
                },
            );
        }
        CellOp::Gru => {
            let (x, hp, hv) = (&reads[0][..], &reads[1][..], &reads[2][..]);
            super::simd::run(
                #[inline(always)]
                || {
                    for r in 0..b {
                        let (xr, hpr) = (&x[r * 3 * h..(r + 1) * 3 * h], &hp[r * 3 * h..]);
                        let row = r * h..(r + 1) * h;
                        let (hr, outr) = (&hv[row.clone()], &mut out[row]);
                        for j in 0..h {
                            let xs = [xr[j], xr[h + j], xr[2 * h + j]];
                            let hs = [hpr[j], hpr[h + j], hpr[2 * h + j]];
                            outr[j] = gru(xs, hs, hr[j]);
                        }
                    }
                },
            );
        }
    }
    reads.into_iter().for_each(recycle);
    Ok(CpuBuffer::from_vec(out))
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
    match op {
        CellOp::Lstm => {
            let (g, c, y, ct) = (&reads[0][..], &reads[1][..], &reads[2][..], &reads[3][..]);
            let (c2, (dh, dc2)) = (&y[b * h..], ct.split_at(b * h));
            let (dg, dc) = out.split_at_mut(b * 4 * h);
            super::simd::run(
                #[inline(always)]
                || {
                    for r in 0..b {
                        let gr = &g[r * 4 * h..(r + 1) * 4 * h];
                        let dgr = &mut dg[r * 4 * h..(r + 1) * 4 * h];
                        let (di, rest) = dgr.split_at_mut(h);
                        let (df, rest) = rest.split_at_mut(h);
                        let (dcand, d_o) = rest.split_at_mut(h);
                        let o = r * h;
                        for j in 0..h {
                            let gs = [gr[j], gr[h + j], gr[2 * h + j], gr[3 * h + j]];
                            let (d, dcj) =
                                lstm_grad(gs, c[o + j], c2[o + j], dh[o + j], dc2[o + j]);
                            di[j] = d[0];
                            df[j] = d[1];
                            dcand[j] = d[2];
                            d_o[j] = d[3];
                            dc[o + j] = dcj;
                        }
                    }
                },
            );
        }
        CellOp::Gru => {
            let (x, hp, hv, ct) = (&reads[0][..], &reads[1][..], &reads[2][..], &reads[4][..]);
            let (dx, rest) = out.split_at_mut(b * 3 * h);
            let (dhp, dh) = rest.split_at_mut(b * 3 * h);
            super::simd::run(
                #[inline(always)]
                || {
                    for r in 0..b {
                        let (row3, o) = (r * 3 * h, r * h);
                        for j in 0..h {
                            let xs = [x[row3 + j], x[row3 + h + j], x[row3 + 2 * h + j]];
                            let hs = [hp[row3 + j], hp[row3 + h + j], hp[row3 + 2 * h + j]];
                            let (a, bb, d) = gru_grad(xs, hs, hv[o + j], ct[o + j]);
                            for q in 0..3 {
                                dx[row3 + q * h + j] = a[q];
                                dhp[row3 + q * h + j] = bb[q];
                            }
                            dh[o + j] = d;
                        }
                    }
                },
            );
        }
    }
    reads.into_iter().for_each(recycle);
    Ok(CpuBuffer::from_vec(out))
}

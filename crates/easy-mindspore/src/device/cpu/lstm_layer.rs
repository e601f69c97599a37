//! The `LstmLayer` kernels: one direction of an LSTM layer over a whole sequence, forward and
//! backward, each one call. Per step the forward pass multiplies the previous hidden state by the
//! hidden weight (a thin product whose packing the reuse scope keeps across steps), adds the
//! step's input projection and the bias and runs the gate maths of [`crate::op::cell`] on the
//! rows, keeping the gates' activations; the backward pass walks the steps in the other order,
//! writing each step's gate cotangents straight into the cotangent of the input projections (no
//! per-step slices to gather again), summing them for the bias's, and multiplying them by the
//! weight for the previous state's. The weight's cotangent is one product over every step at
//! the end.
//!
//! Layouts (the rule checked them): operands `gi [T, B, 4H]`, `w [4H, H]` (any strides), `b
//! [4H]`, `h0`, `c0 [B, H]`; the output holds the hidden states `[T, B, H]`, the cell states
//! `[T, B, H]` and the gate activations `[T, B, 4H]`, one after another; the gradient returns
//! the cotangents of `gi`, `w`, `b`, `h0` and `c0` one after another.

use super::alloc::At;
use super::cell::rows_per_part;
use super::matmul::{Gemm, Operand};
use super::par::recycle;
use super::{elems, pool, CpuBuffer, View};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::op::cell::{lstm_from_gates, lstm_gate, LayerSteps};
use crate::op::Arith;

const NAME: &str = "LstmLayer";

/// The state (`h` or `c`) the step that runs `s`-th reads: `first` (`h0`, `c0`) for the first
/// to run, else the previous step's row of `all` (`[T, B, H]`).
fn state<'x, T>(z: LayerSteps, s: usize, first: &'x [T], all: &'x [T]) -> &'x [T] {
    let n = z.b * z.h;
    match z.previous(s) {
        None => first,
        Some(p) => &all[p * n..][..n],
    }
}

/// The weight `[4H, H]` as a product operand (its transpose when `transposed`), read in place.
fn weight<T: Element>(w: View<'_>, transposed: bool) -> Result<Operand<'_, T>> {
    let (s, st) = (w.layout.shape(), w.layout.strides());
    let data = w.buf.slice::<T>().unwrap_or(&[]);
    let (dims, strides) = match transposed {
        false => ((s[0], s[1]), (st[0], st[1])),
        true => ((s[1], s[0]), (st[1], st[0])),
    };
    Operand::new(data, w.layout.offset(), dims, strides).ok_or_else(unfit)
}

/// A row-major `rows × cols` matrix over `data`.
fn matrix<T: Copy>(data: &[T], rows: usize, cols: usize) -> Result<Operand<'_, T>> {
    Operand::new(data, 0, (rows, cols), (cols as isize, 1)).ok_or_else(unfit)
}

/// `dst = a @ b` over the product team.
fn product<T: Gemm>(dst: &mut [T], a: Operand<'_, T>, b: Operand<'_, T>) -> Result<()> {
    match T::gemm(dst, a, b, true) {
        true => Ok(()),
        false => Err(unfit()),
    }
}

/// The rule checked every size, so an operand that does not fit is the engine's own error.
#[cold]
fn unfit() -> Error {
    Error::invalid(
        NAME,
        "the operands do not fit the layer (an internal error)",
    )
}

/// Chunk `read` of `x` (chunks of `n`) for reading and chunk `write` for writing (`read ≠ write`).
fn read_write<T>(x: &mut [T], n: usize, read: usize, write: usize) -> (&[T], &mut [T]) {
    if read < write {
        let (lo, hi) = x.split_at_mut(write * n);
        (&lo[read * n..(read + 1) * n], &mut hi[..n])
    } else {
        let (lo, hi) = x.split_at_mut(read * n);
        (&hi[..n], &mut lo[write * n..(write + 1) * n])
    }
}

/// The layer's output (see the module's layouts) from `gi`, `w`, `b`, `h0`, `c0`.
pub(super) fn forward<T: Arith + Gemm>(reverse: bool, ins: &[View<'_>]) -> Result<CpuBuffer> {
    let z = LayerSteps::of(ins[0].layout.shape(), reverse);
    let (bh, g4) = (z.b * z.h, 4 * z.b * z.h);
    if bh == 0 {
        return Ok(CpuBuffer::from_vec(Vec::<T>::new()));
    }
    let (gi, bias) = (elems::<T>(ins[0]).at(NAME)?, elems::<T>(ins[2]).at(NAME)?);
    let (h0, c0) = (elems::<T>(ins[3]).at(NAME)?, elems::<T>(ins[4]).at(NAME)?);
    let w_t = weight::<T>(ins[1], true)?;
    // Every element is written below: parked (stale) buffers serve.
    let mut out = pool::take_or_alloc::<T>(6 * z.t * bh).at(NAME)?;
    let mut prod = pool::take_or_alloc::<T>(g4).at(NAME)?;
    let (hs, rest) = out.split_at_mut(z.t * bh);
    let (cs, acts) = rest.split_at_mut(z.t * bh);
    let per = rows_per_part(z.b, z.h);
    for s in 0..z.t {
        let now = z.time(s);
        let (hp, h_now, cp, c_now) = if s == 0 {
            (
                &h0[..],
                &mut hs[now * bh..(now + 1) * bh],
                &c0[..],
                &mut cs[now * bh..][..bh],
            )
        } else {
            let (hp, h_now) = read_write(hs, bh, z.time(s - 1), now);
            let (cp, c_now) = read_write(cs, bh, z.time(s - 1), now);
            (hp, h_now, cp, c_now)
        };
        product(&mut prod, matrix(hp, z.b, z.h)?, w_t)?;
        let (gi_now, acts_now) = (&gi[now * g4..][..g4], &mut acts[now * g4..][..g4]);
        let parts = acts_now
            .chunks_mut(per * 4 * z.h)
            .zip(h_now.chunks_mut(per * z.h).zip(c_now.chunks_mut(per * z.h)));
        let (prod, bias) = (&prod[..], &bias[..]);
        super::team::each(parts.enumerate().collect(), |(p, (a, (h2, c2)))| {
            let (r4, r) = (p * per * 4 * z.h, p * per * z.h);
            let ins = [&gi_now[r4..], &prod[r4..], bias, &cp[r..]];
            super::simd::run(
                #[inline(always)]
                || forward_rows(z.h, ins, a, h2, c2),
            )
        });
    }
    pool::give(CpuBuffer::from_vec(prod));
    [gi, bias, h0, c0].into_iter().for_each(recycle);
    Ok(CpuBuffer::from_vec(out))
}

/// Forward rows of a part: `[gi, h·wᵀ, b, c_prev]` (from the part's first row on) to the gate
/// activations `a` (`4·H` per row), `h` and `c`. Each loop reads and writes few slices, so that
/// each vectorizes (one loop over every slice did not).
#[inline(always)]
fn forward_rows<T: Arith>(h: usize, ins: [&[T]; 4], a: &mut [T], hs: &mut [T], cs: &mut [T]) {
    let [gi, prod, bias, cp] = ins;
    let bias = gates_of(bias, h);
    for (r, (hr, cr)) in hs.chunks_mut(h).zip(cs.chunks_mut(h)).enumerate() {
        let (hr, cr) = (&mut hr[..h], &mut cr[..h]);
        let g = gates_of(&gi[r * 4 * h..], h);
        let p = gates_of(&prod[r * 4 * h..], h);
        let acts = gates_of_mut(&mut a[r * 4 * h..], h);
        for (k, act) in acts.into_iter().enumerate() {
            let (g, p, b) = (g[k], p[k], bias[k]);
            for j in 0..h {
                let pre = g[j].add(p[j]).add(b[j]);
                act[j] = lstm_gate(k, pre);
            }
        }
        let [ai, af, ag, ao] = gates_of(&a[r * 4 * h..], h);
        let cpr = &cp[r * h..][..h];
        for j in 0..h {
            let (h2, c2) = lstm_from_gates([ai[j], af[j], ag[j], ao[j]], cpr[j]);
            hr[j] = h2;
            cr[j] = c2;
        }
    }
}

/// The four gate slices (`H` each) at the start of `x`.
#[inline(always)]
fn gates_of<T>(x: &[T], h: usize) -> [&[T]; 4] {
    let (i, rest) = x[..4 * h].split_at(h);
    let (f, rest) = rest.split_at(h);
    let (g, o) = rest.split_at(h);
    [i, f, g, o]
}

/// [`gates_of`], writable.
#[inline(always)]
fn gates_of_mut<T>(x: &mut [T], h: usize) -> [&mut [T]; 4] {
    let (i, rest) = x[..4 * h].split_at_mut(h);
    let (f, rest) = rest.split_at_mut(h);
    let (g, o) = rest.split_at_mut(h);
    [i, f, g, o]
}

/// The cotangents of `gi`, `w`, `b`, `h0` and `c0` (one after another) from the operands, the
/// output and its cotangent.
pub(super) fn backward<T: Arith + Gemm>(reverse: bool, ins: &[View<'_>]) -> Result<CpuBuffer> {
    let z = LayerSteps::of(ins[0].layout.shape(), reverse);
    let (t, bh, g4, hh) = (z.t, z.b * z.h, 4 * z.b * z.h, 4 * z.h * z.h);
    if bh == 0 {
        // No rows or no units: every cotangent is zero (the weight's and the bias's are sums
        // over no rows).
        let zeros = pool::zeros::<T>(hh + 4 * z.h).at(NAME)?;
        return Ok(CpuBuffer::from_vec(zeros));
    }
    let (h0, c0) = (elems::<T>(ins[3]).at(NAME)?, elems::<T>(ins[4]).at(NAME)?);
    let (y, ct) = (elems::<T>(ins[5]).at(NAME)?, elems::<T>(ins[6]).at(NAME)?);
    let w = weight::<T>(ins[1], false)?;
    let (hs, rest) = y.split_at(t * bh);
    let (cs, acts) = rest.split_at(t * bh);
    let (d_hs, rest) = ct.split_at(t * bh);
    let (d_cs, d_acts) = rest.split_at(t * bh);
    // Each step writes its rows of `dg` whole, the product writes `dw` and the bias's is summed
    // at the end: only the carried state cotangents start from zeros.
    let mut out = pool::take_or_alloc::<T>(t * g4 + hh + 4 * z.h + 2 * bh).at(NAME)?;
    let (dg, rest) = out.split_at_mut(t * g4);
    let (dw, rest) = rest.split_at_mut(hh);
    let (db, rest) = rest.split_at_mut(4 * z.h);
    rest.fill(T::from_f64(0.0));
    let (dh, dc) = rest.split_at_mut(bh);
    // `dh`, `dc`: the cotangents of the state the step after this one read, carried back;
    // `dc_prev` receives the step's cell-state cotangent while `dc` is read.
    let mut dc_prev = pool::zeros::<T>(bh).at(NAME)?;
    let per = rows_per_part(z.b, z.h);
    // The bias's cotangent, summed by each part over its rows while they are at hand.
    let mut db_parts = pool::zeros::<T>(z.b.div_ceil(per) * 4 * z.h).at(NAME)?;
    for s in (0..t).rev() {
        let now = z.time(s);
        let cp = state(z, s, &c0, cs);
        let (a_now, c_now) = (&acts[now * g4..][..g4], &cs[now * bh..][..bh]);
        let (dh_out, dc_out) = (&d_hs[now * bh..][..bh], &d_cs[now * bh..][..bh]);
        let da_now = &d_acts[now * g4..][..g4];
        let dg_now = &mut dg[now * g4..(now + 1) * g4];
        let parts = dg_now
            .chunks_mut(per * 4 * z.h)
            .zip(db_parts.chunks_mut(4 * z.h))
            .zip(
                dh.chunks_mut(per * z.h)
                    .zip(dc.chunks_mut(per * z.h).zip(dc_prev.chunks_mut(per * z.h))),
            );
        super::team::each(
            parts.enumerate().collect(),
            |(p, ((dg, db), (dh, (dc, dcp))))| {
                let (r4, r) = (p * per * 4 * z.h, p * per * z.h);
                let ins = [&a_now[r4..], &da_now[r4..], &cp[r..], &c_now[r..]];
                let outs = [&dh_out[r..], &dc_out[r..]];
                super::simd::run(
                    #[inline(always)]
                    || {
                        backward_rows(z.h, ins, outs, (dh, dc), dg, dcp);
                        for row in dg.chunks(4 * z.h) {
                            db.iter_mut().zip(row).for_each(|(a, &b)| *a = a.add(b));
                        }
                    },
                );
            },
        );
        dc.copy_from_slice(&dc_prev);
        product(dh, matrix(&dg[now * g4..][..g4], z.b, 4 * z.h)?, w)?;
    }
    // dW = Σ_steps dgᵀ·h_prev: the states each step read, in time order, as one [T·B, H] matrix.
    let mut h_prev = pool::take_or_alloc::<T>(t * bh).at(NAME)?;
    for s in 0..t {
        h_prev[z.time(s) * bh..][..bh].copy_from_slice(state(z, s, &h0, hs));
    }
    let dg_t = Operand::new(&dg[..], 0, (4 * z.h, t * z.b), (1, 4 * z.h as isize));
    product(dw, dg_t.ok_or_else(unfit)?, matrix(&h_prev, t * z.b, z.h)?)?;
    // The bias's: the parts' sums of the gate cotangents over every step and row.
    db.fill(T::from_f64(0.0));
    for part in db_parts.chunks(4 * z.h) {
        db.iter_mut().zip(part).for_each(|(a, &b)| *a = a.add(b));
    }
    pool::give(CpuBuffer::from_vec(db_parts));
    pool::give(CpuBuffer::from_vec(h_prev));
    pool::give(CpuBuffer::from_vec(dc_prev));
    [h0, c0, y, ct].into_iter().for_each(recycle);
    Ok(CpuBuffer::from_vec(out))
}

/// Backward rows of a part: `[a, da, c_prev, c]` (gate activations and their cotangents `4·H`
/// per row, states `H`) and the output cotangents `[dh, dc]`, from the part's first row on; the
/// carried `(dh, dc)` are completed in place (`dc` then holds `c`'s whole cotangent); writes the
/// gate cotangents `dg` and the previous cell state's `dcp`. The maths is
/// [`crate::op::cell::lstm_grad_from_gates`]'s, cut into loops over few slices each so that each
/// vectorizes.
#[inline(always)]
fn backward_rows<T: Arith>(
    h: usize,
    ins: [&[T]; 4],
    outs: [&[T]; 2],
    (dh, dc): (&mut [T], &mut [T]),
    dg: &mut [T],
    dcp: &mut [T],
) {
    let [a, da, cp, c] = ins;
    let one = T::from_f64(1.0);
    let rows = dh
        .chunks_mut(h)
        .zip(dc.chunks_mut(h))
        .zip(dcp.chunks_mut(h));
    for (r, ((dhr, dcr), dcpr)) in rows.enumerate() {
        let (dhr, dcr, dcpr) = (&mut dhr[..h], &mut dcr[..h], &mut dcpr[..h]);
        let [ai, af, ag, ao] = gates_of(&a[r * 4 * h..], h);
        let [dai, daf, dag, dao] = gates_of(&da[r * 4 * h..], h);
        let [gi, gf, gg, go] = gates_of_mut(&mut dg[r * 4 * h..], h);
        let o = r * h;
        let (cpr, cr) = (&cp[o..][..h], &c[o..][..h]);
        let (dh_out, dc_out) = (&outs[0][o..][..h], &outs[1][o..][..h]);
        // The state's cotangents in full: the output's own and what the next step carried.
        for j in 0..h {
            dhr[j] = dhr[j].add(dh_out[j]);
        }
        for j in 0..h {
            // dc in full: its own cotangent and the path through h = o·tanh(c); and o's.
            let tc = cr[j].tanh();
            let dc_all = dcr[j]
                .add(dc_out[j])
                .add(dhr[j].mul(ao[j]).mul(one.sub(tc.mul(tc))));
            dcr[j] = dc_all;
            go[j] = dhr[j].mul(tc).add(dao[j]).mul(ao[j].mul(one.sub(ao[j])));
        }
        for j in 0..h {
            gi[j] = dcr[j].mul(ag[j]).add(dai[j]).mul(ai[j].mul(one.sub(ai[j])));
        }
        for j in 0..h {
            gf[j] = dcr[j]
                .mul(cpr[j])
                .add(daf[j])
                .mul(af[j].mul(one.sub(af[j])));
            dcpr[j] = dcr[j].mul(af[j]);
        }
        for j in 0..h {
            gg[j] = dcr[j].mul(ai[j]).add(dag[j]).mul(one.sub(ag[j].mul(ag[j])));
        }
    }
}

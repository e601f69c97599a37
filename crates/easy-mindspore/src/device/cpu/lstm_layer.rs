//! The `LstmLayer` kernels: one direction of an LSTM layer over a whole sequence, forward and
//! backward, each one call. Per step the forward pass multiplies the previous hidden state by the
//! hidden weight (a thin product whose packing the reuse scope keeps across steps), adds the
//! step's input projection and runs the gate maths of [`super::cell`] on the rows; the backward
//! pass walks the steps in the other order, writing each step's gate cotangents straight into
//! the cotangent of the input projections (no per-step slices to gather again) and multiplying
//! them by the weight for the previous state's. The weight's cotangent is one product over every
//! step at the end.
//!
//! Layouts (the rule checked them): operands `gi [T, B, 4H]`, `w [4H, H]` (any strides), `h0`,
//! `c0 [B, H]`; the output holds the hidden states `[T, B, H]`, the cell states `[T, B, H]` and
//! the gate pre-activations `[T, B, 4H]`, one after another; the gradient returns the cotangents
//! of `gi`, `w`, `h0` and `c0` one after another.

use super::alloc::At;
use super::cell::{lstm_grad_rows, lstm_rows, rows_per_part};
use super::matmul::{Gemm, Operand};
use super::par::recycle;
use super::{elems, pool, CpuBuffer, View};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::op::Arith;

const NAME: &str = "LstmLayer";

/// Steps, rows and hidden units of a layer, and its direction.
#[derive(Clone, Copy)]
struct Sizes {
    t: usize,
    b: usize,
    h: usize,
    reverse: bool,
}

impl Sizes {
    fn of(gi: View<'_>, reverse: bool) -> Sizes {
        let s = gi.layout.shape();
        Sizes {
            t: s[0],
            b: s[1],
            h: s[2] / 4,
            reverse,
        }
    }

    /// The state (`h` or `c`) the step that runs `s`-th reads: `first` (`h0`, `c0`) for the
    /// first to run, else the step before's, out of `all` (`[T, B, H]`).
    fn state<'x, T>(self, s: usize, first: &'x [T], all: &'x [T]) -> &'x [T] {
        match s {
            0 => first,
            _ => &all[self.time(s - 1) * self.b * self.h..][..self.b * self.h],
        }
    }

    /// The time index of the step that runs `s`-th.
    fn time(self, s: usize) -> usize {
        if self.reverse {
            self.t - 1 - s
        } else {
            s
        }
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

/// The layer's output (see the module's layouts) from `gi`, `w`, `h0`, `c0`.
pub(super) fn forward<T: Arith + Gemm>(reverse: bool, ins: &[View<'_>]) -> Result<CpuBuffer> {
    let z = Sizes::of(ins[0], reverse);
    let (bh, g4) = (z.b * z.h, 4 * z.b * z.h);
    if bh == 0 {
        return Ok(CpuBuffer::from_vec(Vec::<T>::new()));
    }
    let gi = elems::<T>(ins[0]).at(NAME)?;
    let (h0, c0) = (elems::<T>(ins[2]).at(NAME)?, elems::<T>(ins[3]).at(NAME)?);
    let w_t = weight::<T>(ins[1], true)?;
    // Every element is written below: parked (stale) buffers serve.
    let mut out = pool::take_or_alloc::<T>(6 * z.t * bh).at(NAME)?;
    let mut prod = pool::take_or_alloc::<T>(g4).at(NAME)?;
    let (hs, rest) = out.split_at_mut(z.t * bh);
    let (cs, pre) = rest.split_at_mut(z.t * bh);
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
        let (gi_now, pre_now) = (&gi[now * g4..(now + 1) * g4], &mut pre[now * g4..][..g4]);
        let parts = pre_now
            .chunks_mut(per * 4 * z.h)
            .zip(h_now.chunks_mut(per * z.h).zip(c_now.chunks_mut(per * z.h)));
        let prod = &prod[..];
        super::team::each(parts.enumerate().collect(), |(p, (pre, (h2, c2)))| {
            let (r4, r) = (p * per * 4 * z.h, p * per * z.h);
            for (k, v) in pre.iter_mut().enumerate() {
                *v = gi_now[r4 + k].add(prod[r4 + k]);
            }
            super::simd::run(
                #[inline(always)]
                || lstm_rows(z.h, pre, &cp[r..], h2, c2),
            )
        });
    }
    pool::give(CpuBuffer::from_vec(prod));
    [gi, h0, c0].into_iter().for_each(recycle);
    Ok(CpuBuffer::from_vec(out))
}

/// The cotangents of `gi`, `w`, `h0` and `c0` (one after another) from the operands, the output
/// and its cotangent.
pub(super) fn backward<T: Arith + Gemm>(reverse: bool, ins: &[View<'_>]) -> Result<CpuBuffer> {
    let z = Sizes::of(ins[0], reverse);
    let (t, bh, g4) = (z.t, z.b * z.h, 4 * z.b * z.h);
    if bh == 0 {
        // No rows or no units: every cotangent is zero (the weight's is a sum over no rows).
        return Ok(CpuBuffer::from_vec(
            pool::zeros::<T>(4 * z.h * z.h).at(NAME)?,
        ));
    }
    let (h0, c0) = (elems::<T>(ins[2]).at(NAME)?, elems::<T>(ins[3]).at(NAME)?);
    let (y, ct) = (elems::<T>(ins[4]).at(NAME)?, elems::<T>(ins[5]).at(NAME)?);
    let w = weight::<T>(ins[1], false)?;
    let (hs, rest) = y.split_at(t * bh);
    let (cs, pre) = rest.split_at(t * bh);
    let (d_hs, rest) = ct.split_at(t * bh);
    let (d_cs, d_pre) = rest.split_at(t * bh);
    // Each step writes its rows of `dg` whole and the product writes `dw`: only the carried
    // state cotangents start from zeros.
    let mut out = pool::take_or_alloc::<T>(t * g4 + 4 * z.h * z.h + 2 * bh).at(NAME)?;
    let (dg, rest) = out.split_at_mut(t * g4);
    let (dw, rest) = rest.split_at_mut(4 * z.h * z.h);
    rest.fill(T::from_f64(0.0));
    let (dh, dc) = rest.split_at_mut(bh);
    // `dh`, `dc`: the cotangents of the state the step after this one read, carried back;
    // `dc_prev` receives the step's cell-state cotangent while `dc` is read.
    let mut dc_prev = pool::zeros::<T>(bh).at(NAME)?;
    let per = rows_per_part(z.b, z.h);
    for s in (0..t).rev() {
        let now = z.time(s);
        let cp = z.state(s, &c0, cs);
        let (pre_now, c_now) = (&pre[now * g4..][..g4], &cs[now * bh..][..bh]);
        let (dh_out, dc_out) = (&d_hs[now * bh..][..bh], &d_cs[now * bh..][..bh]);
        let dpre_out = &d_pre[now * g4..][..g4];
        let dg_now = &mut dg[now * g4..(now + 1) * g4];
        let parts = dg_now.chunks_mut(per * 4 * z.h).zip(
            dh.chunks_mut(per * z.h)
                .zip(dc.chunks_mut(per * z.h).zip(dc_prev.chunks_mut(per * z.h))),
        );
        super::team::each(parts.enumerate().collect(), |(p, (dg, (dh, (dc, dcp))))| {
            let (r4, r) = (p * per * 4 * z.h, p * per * z.h);
            // The state's cotangents in full: the output's own and what the next step carried.
            for (k, (a, b)) in dh.iter_mut().zip(dc.iter_mut()).enumerate() {
                *a = a.add(dh_out[r + k]);
                *b = b.add(dc_out[r + k]);
            }
            let ins = [&pre_now[r4..], &cp[r..], &c_now[r..], &*dh, &*dc];
            super::simd::run(
                #[inline(always)]
                || lstm_grad_rows(z.h, ins, dg, dcp),
            );
            for (k, v) in dg.iter_mut().enumerate() {
                *v = v.add(dpre_out[r4 + k]);
            }
        });
        dc.copy_from_slice(&dc_prev);
        product(dh, matrix(&dg[now * g4..(now + 1) * g4], z.b, 4 * z.h)?, w)?;
    }
    // dW = Σ_steps dgᵀ·h_prev: the states each step read, in time order, as one [T·B, H] matrix.
    let mut h_prev = pool::take_or_alloc::<T>(t * bh).at(NAME)?;
    for s in 0..t {
        h_prev[z.time(s) * bh..][..bh].copy_from_slice(z.state(s, &h0, hs));
    }
    let dg_t = Operand::new(&dg[..], 0, (4 * z.h, t * z.b), (1, 4 * z.h as isize));
    product(dw, dg_t.ok_or_else(unfit)?, matrix(&h_prev, t * z.b, z.h)?)?;
    pool::give(CpuBuffer::from_vec(h_prev));
    pool::give(CpuBuffer::from_vec(dc_prev));
    [h0, c0, y, ct].into_iter().for_each(recycle);
    Ok(CpuBuffer::from_vec(out))
}

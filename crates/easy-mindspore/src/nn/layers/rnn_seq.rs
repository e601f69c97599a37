//! One LSTM or GRU direction over a whole sequence as one custom-gradient function: the forward pass
//! loops over time as the step-by-step layer does (same products, same order, so the same
//! values), and the backward pass is back-propagation through time written by hand, so that
//! the weight gradients are one matrix product over all steps (`dW_hh = Σ_t dg_tᵀ h_{t−1}` as
//! `[4H, T·B] · [T·B, H]`) instead of one product and one accumulation per step, and the gate
//! maths of a step costs a few operations instead of the tape of a dozen.
//!
//! The function's one output packs, per step, `[h, c, i, f, g, o]` along the last axis
//! (`[T, B, 6H]`; GRU: `[h, r, z, n, gh_n]`, `[T, B, 5H]`): the layer slices `h` (and `c`) out of
//! it, and the backward rule reads the stored gate activations. The rule is linear in the output's cotangent and written with
//! differentiable ops, so higher derivatives, forward mode and `jit` go through it as through
//! any custom function; it also honours a cotangent on the stored activations.

use crate::error::Result;
use crate::ops::{self, prim};
use crate::tensor::Tensor;
use crate::transforms::CustomVjp;
use std::sync::OnceLock;

/// Parts per step in the packed LSTM output: `h`, `c`, then the activations `i, f, g, o`.
const LSTM_PARTS: usize = 6;

/// Elements `lo..hi` of the last axis.
fn cols(x: &Tensor, lo: usize, hi: usize) -> Result<Tensor> {
    let nd = x.ndim();
    let mut starts = vec![0; nd];
    let mut limits = x.shape();
    starts[nd - 1] = lo;
    limits[nd - 1] = hi;
    prim::slice(x, &starts, &limits, &vec![1; nd])
}

/// Steps `lo..hi` of a `[T, ...]` sequence.
fn steps(x: &Tensor, lo: usize, hi: usize) -> Result<Tensor> {
    let nd = x.ndim();
    let mut starts = vec![0; nd];
    let mut limits = x.shape();
    starts[0] = lo;
    limits[0] = hi;
    prim::slice(x, &starts, &limits, &vec![1; nd])
}

/// `[T, B, n]` as `[T·B, n]`.
fn rows(x: &Tensor) -> Result<Tensor> {
    let d = x.dims();
    prim::reshape(x, &[d[0] * d[1], d[2]])
}

/// The packed outputs `[T, B, 6H]` of one LSTM direction over `x [T, B, I]` from `(h0, c0)`
/// (`[B, H]` each) with weights `w_ih [4H, I]`, `w_hh [4H, H]` and biases `[4H]`, all of one
/// float dtype. `T` must be at least 1.
pub(super) fn lstm_sequence(
    x: &Tensor,
    h0: &Tensor,
    c0: &Tensor,
    w: [&Tensor; 4],
) -> Result<Tensor> {
    static F: OnceLock<CustomVjp> = OnceLock::new();
    let f = F.get_or_init(|| CustomVjp::new("LSTM", lstm_forward, lstm_backward));
    let [w_ih, w_hh, b_ih, b_hh] = w.map(Tensor::clone);
    f.call(&[x.clone(), h0.clone(), c0.clone(), w_ih, w_hh, b_ih, b_hh])
}

/// `(T, B, I, H)` of the function's inputs.
fn sizes(xs: &[Tensor]) -> (usize, usize, usize, usize) {
    let (x, h0) = (xs[0].dims(), xs[1].dims());
    (x[0], x[1], x[2], h0[1])
}

fn lstm_forward(xs: &[Tensor]) -> Result<Tensor> {
    let (t, b, i, h) = sizes(xs);
    let (w_ih, w_hh, b_ih, b_hh) = (&xs[3], &xs[4], &xs[5], &xs[6]);
    // The input projection of every step at once: the same dot products as one step at a time.
    let gi = ops::add(
        ops::matmul(&prim::reshape(&xs[0], &[t * b, i])?, &w_ih.T()?)?,
        b_ih,
    )?;
    let gi = prim::reshape(&gi, &[t, b, 4 * h])?;
    let w_hh_t = w_hh.T()?;
    let (mut hs, mut cs) = (xs[1].clone(), xs[2].clone());
    let mut out = Vec::with_capacity(t);
    for s in 0..t {
        let gh = ops::add(ops::matmul(&hs, &w_hh_t)?, b_hh)?;
        let pre = ops::add(gi.get(s as i64)?, &gh)?;
        let sg = ops::sigmoid(&pre)?;
        let g = cols(&pre, 2 * h, 3 * h)?.tanh()?;
        let (ig, fg, og) = (
            cols(&sg, 0, h)?,
            cols(&sg, h, 2 * h)?,
            cols(&sg, 3 * h, 4 * h)?,
        );
        cs = ops::add(ops::mul(&fg, &cs)?, ops::mul(&ig, &g)?)?;
        hs = ops::mul(&og, cs.tanh()?)?;
        out.push(ops::concat(
            &[hs.clone(), cs.clone(), cols(&sg, 0, 2 * h)?, g, og],
            1,
        )?);
    }
    ops::stack(&out, 0)
}

/// Back-propagation through time. With `a = (i, f, g, o)`, `c_t = f·c_{t−1} + i·g`,
/// `h_t = o·tanh(c_t)`: going back, `dh = dh_out + dpre_{t+1}·W_hh`, `dc = dc_out + dc_{t+1}·f_{t+1}
/// + dh·o·(1 − tanh²c)`, `da = (dc·g, dc·c_{t−1}, dc·i, dh·tanh c) + da_out`, and `dpre = da ⊙ a'`
/// (`a(1 − a)` for the sigmoids, `1 − g²` for `g`).
fn lstm_backward(xs: &[Tensor], out: &Tensor, dout: &Tensor) -> Result<Vec<Tensor>> {
    let (t, b, _, h) = sizes(xs);
    let (x, h0, c0, w_ih, w_hh) = (&xs[0], &xs[1], &xs[2], &xs[3], &xs[4]);
    let part = |v: &Tensor, k: usize| cols(v, k * h, (k + 1) * h);
    let (hs, cs, act) = (
        part(out, 0)?,
        part(out, 1)?,
        cols(out, 2 * h, LSTM_PARTS * h)?,
    );
    let (ig, fg, g, og) = (part(out, 2)?, part(out, 3)?, part(out, 4)?, part(out, 5)?);
    let (dh_out, dc_out) = (part(dout, 0)?, part(dout, 1)?);
    let da_out = cols(dout, 2 * h, LSTM_PARTS * h)?;
    let c_prev = ops::concat(&[prim::reshape(c0, &[1, b, h])?, steps(&cs, 0, t - 1)?], 0)?;
    let h_prev = ops::concat(&[prim::reshape(h0, &[1, b, h])?, steps(&hs, 0, t - 1)?], 0)?;
    let tc = cs.tanh()?;
    // a' for the four gates, and the per-step factors of da (times a').
    let sig = cols(&act, 0, 2 * h)?;
    let deriv = ops::concat(
        &[
            ops::mul(&sig, ops::sub(1.0, &sig)?)?,
            ops::sub(1.0, ops::mul(&g, &g)?)?,
            ops::mul(&og, ops::sub(1.0, &og)?)?,
        ],
        2,
    )?;
    let factors = ops::mul(ops::concat(&[g, c_prev, ig, tc.clone()], 2)?, &deriv)?;
    let direct = ops::mul(&da_out, &deriv)?;
    let dh_to_dc = ops::mul(&og, ops::sub(1.0, ops::mul(&tc, &tc)?)?)?;
    let (mut dh_rec, mut dc_rec): (Option<Tensor>, Option<Tensor>) = (None, None);
    let mut dpre = vec![None; t];
    for s in (0..t).rev() {
        let at = |v: &Tensor| v.get(s as i64);
        let dh = match dh_rec.take() {
            Some(r) => ops::add(at(&dh_out)?, &r)?,
            None => at(&dh_out)?,
        };
        let dc = match dc_rec.take() {
            Some(r) => ops::add(at(&dc_out)?, &r)?,
            None => at(&dc_out)?,
        };
        let dc = ops::add(&dc, ops::mul(&dh, at(&dh_to_dc)?)?)?;
        let da = ops::concat(&[dc.clone(), dc.clone(), dc.clone(), dh], 1)?;
        let d = ops::add(ops::mul(&da, at(&factors)?)?, at(&direct)?)?;
        dh_rec = Some(ops::matmul(&d, w_hh)?);
        dc_rec = Some(ops::mul(&dc, at(&fg)?)?);
        dpre[s] = Some(d);
    }
    let dpre = rows(&ops::stack(
        &dpre.into_iter().flatten().collect::<Vec<_>>(),
        0,
    )?)?;
    let dpre_t = dpre.T()?;
    let dx = prim::reshape(&ops::matmul(&dpre, w_ih)?, x.dims())?;
    let dw_ih = ops::matmul(&dpre_t, &rows(x)?)?;
    let dw_hh = ops::matmul(&dpre_t, &rows(&h_prev)?)?;
    let db = prim::reduce_sum(&dpre, &[0])?;
    let zero = || prim::zeros_like(h0);
    Ok(vec![
        dx,
        dh_rec.map_or_else(zero, Ok)?,
        dc_rec.map_or_else(zero, Ok)?,
        dw_ih,
        dw_hh,
        db.clone(),
        db,
    ])
}

/// The packed outputs `[T, B, 5H]` (per step `h`, the activations `r, z, n`, and `gh_n`, the
/// hidden projection of the `n` gate, which `r` scales) of one GRU direction over `x [T, B, I]` from `h0 [B, H]`
/// with weights `w_ih [3H, I]`, `w_hh [3H, H]` and biases `[3H]`, all of one float dtype. `T`
/// must be at least 1.
pub(super) fn gru_sequence(x: &Tensor, h0: &Tensor, w: [&Tensor; 4]) -> Result<Tensor> {
    static F: OnceLock<CustomVjp> = OnceLock::new();
    let f = F.get_or_init(|| CustomVjp::new("GRU", gru_forward, gru_backward));
    let [w_ih, w_hh, b_ih, b_hh] = w.map(Tensor::clone);
    f.call(&[x.clone(), h0.clone(), w_ih, w_hh, b_ih, b_hh])
}

/// `r = σ(gi_r + gh_r)`, `z = σ(gi_z + gh_z)`, `n = tanh(gi_n + r·gh_n)`, `h' = n + z·(h − n)`,
/// as the step-by-step layer computes them.
fn gru_forward(xs: &[Tensor]) -> Result<Tensor> {
    let (t, b, i, h) = sizes(xs);
    let (w_ih, w_hh, b_ih, b_hh) = (&xs[2], &xs[3], &xs[4], &xs[5]);
    let gi = ops::add(
        ops::matmul(&prim::reshape(&xs[0], &[t * b, i])?, &w_ih.T()?)?,
        b_ih,
    )?;
    let gi = prim::reshape(&gi, &[t, b, 3 * h])?;
    let w_hh_t = w_hh.T()?;
    let mut hs = xs[1].clone();
    let mut out = Vec::with_capacity(t);
    for s in 0..t {
        let gh = ops::add(ops::matmul(&hs, &w_hh_t)?, b_hh)?;
        let gi_s = gi.get(s as i64)?;
        let rz = ops::sigmoid(&ops::add(cols(&gi_s, 0, 2 * h)?, cols(&gh, 0, 2 * h)?)?)?;
        let (r, z, gh_n) = (
            cols(&rz, 0, h)?,
            cols(&rz, h, 2 * h)?,
            cols(&gh, 2 * h, 3 * h)?,
        );
        let n = ops::add(cols(&gi_s, 2 * h, 3 * h)?, ops::mul(&r, &gh_n)?)?.tanh()?;
        hs = ops::add(&n, ops::mul(&z, ops::sub(&hs, &n)?)?)?;
        out.push(ops::concat(&[hs.clone(), rz, n, gh_n], 1)?);
    }
    ops::stack(&out, 0)
}

/// Back-propagation through time. Going back, `dh = dh_out + dgh·W_hh + dh_{t+1}·z_{t+1}`, and
/// from `dh` alone: `dpre_n = dh·(1 − z)(1 − n²)`, `dpre_z = dh·(h_{t−1} − n)·z(1 − z)`,
/// `dpre_r = dpre_n·gh_n·r(1 − r)`; the input projection's cotangent is `(dpre_r, dpre_z,
/// dpre_n)`, the hidden one's `(dpre_r, dpre_z, dpre_n·r)`. Everything but the recurrence
/// through `dh` is computed for all steps at once, cotangents on the stored parts included.
fn gru_backward(xs: &[Tensor], out: &Tensor, dout: &Tensor) -> Result<Vec<Tensor>> {
    let (t, b, _, h) = sizes(xs);
    let (x, h0, w_ih, w_hh) = (&xs[0], &xs[1], &xs[2], &xs[3]);
    let part = |v: &Tensor, k: usize| cols(v, k * h, (k + 1) * h);
    let (hs, r, z, n, gh_n) = (
        part(out, 0)?,
        part(out, 1)?,
        part(out, 2)?,
        part(out, 3)?,
        part(out, 4)?,
    );
    let h_prev = ops::concat(&[prim::reshape(h0, &[1, b, h])?, steps(&hs, 0, t - 1)?], 0)?;
    let one_minus = |v: &Tensor| ops::sub(1.0, v);
    let dn_pre = one_minus(&ops::mul(&n, &n)?)?; // tanh' at n
    let dr_pre = ops::mul(&r, one_minus(&r)?)?;
    let dz_pre = ops::mul(&z, one_minus(&z)?)?;
    // Per unit of dh: the three pre-activation cotangents.
    let f_n = ops::mul(one_minus(&z)?, &dn_pre)?;
    let f_z = ops::mul(ops::sub(&h_prev, &n)?, &dz_pre)?;
    let f_r = ops::mul(ops::mul(&f_n, &gh_n)?, &dr_pre)?;
    let per_gi = ops::concat(&[f_r.clone(), f_z.clone(), f_n.clone()], 2)?;
    let per_gh = ops::concat(&[f_r, f_z, ops::mul(&f_n, &r)?], 2)?;
    // The cotangents of the stored r, z, n and gh_n, carried to the projections.
    let (dr_o, dz_o, dn_o) = (part(dout, 1)?, part(dout, 2)?, part(dout, 3)?);
    let dpre_n_o = ops::mul(&dn_o, &dn_pre)?;
    let dpre_r_o = ops::mul(ops::add(&dr_o, ops::mul(&dpre_n_o, &gh_n)?)?, &dr_pre)?;
    let dpre_z_o = ops::mul(&dz_o, &dz_pre)?;
    let direct_gi = ops::concat(&[dpre_r_o.clone(), dpre_z_o.clone(), dpre_n_o.clone()], 2)?;
    let direct_gh = ops::concat(
        &[
            dpre_r_o,
            dpre_z_o,
            ops::add(ops::mul(&dpre_n_o, &r)?, part(dout, 4)?)?,
        ],
        2,
    )?;
    let dh_out = part(dout, 0)?;
    let mut dh_rec: Option<Tensor> = None;
    let mut dhs = vec![None; t];
    for s in (0..t).rev() {
        let at = |v: &Tensor| v.get(s as i64);
        let dh = match dh_rec.take() {
            Some(rec) => ops::add(at(&dh_out)?, &rec)?,
            None => at(&dh_out)?,
        };
        let dh3 = ops::concat(&[dh.clone(), dh.clone(), dh.clone()], 1)?;
        let dgh = ops::add(ops::mul(&dh3, at(&per_gh)?)?, at(&direct_gh)?)?;
        dh_rec = Some(ops::add(ops::matmul(&dgh, w_hh)?, ops::mul(&dh, at(&z)?)?)?);
        dhs[s] = Some(dh);
    }
    let dh = ops::stack(&dhs.into_iter().flatten().collect::<Vec<_>>(), 0)?;
    let dh3 = ops::concat(&[dh.clone(), dh.clone(), dh], 2)?;
    let dgi = rows(&ops::add(ops::mul(&dh3, &per_gi)?, &direct_gi)?)?;
    let dgh = rows(&ops::add(ops::mul(&dh3, &per_gh)?, &direct_gh)?)?;
    let dx = prim::reshape(&ops::matmul(&dgi, w_ih)?, x.dims())?;
    let dw_ih = ops::matmul(&dgi.T()?, &rows(x)?)?;
    let dw_hh = ops::matmul(&dgh.T()?, &rows(&h_prev)?)?;
    let dh0 = dh_rec.map_or_else(|| prim::zeros_like(h0), Ok)?;
    Ok(vec![
        dx,
        dh0,
        dw_ih,
        dw_hh,
        prim::reduce_sum(&dgi, &[0])?,
        prim::reduce_sum(&dgh, &[0])?,
    ])
}

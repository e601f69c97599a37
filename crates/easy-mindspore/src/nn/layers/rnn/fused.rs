//! The recurrent layers' sequence path: one layer direction over a whole `[T, B, F]` sequence is
//! one custom-gradient function ([`CustomVjp`]) whose backward rule is backpropagation through
//! time written out by hand, with ordinary (so differentiable) ops.
//!
//! Why: composed step by step under the tape, every step records a dozen small ops and two
//! matrix products against `W_ih` and `W_hh`, and the backward pass adds `T` separate weight
//! gradients. Here the forward pass projects the inputs of all steps in one product and runs the
//! recurrence; the backward rule recomputes the gates of every step at once from the layer's
//! outputs (one product for `x·W_ihᵀ`, one for `h_{t-1}·W_hhᵀ`), loops over time only for what
//! truly recurs (`dh_{t-1} = dA_t·W_hh` and a few elementwise ops), and finishes with one
//! product per weight gradient over all steps. Higher derivatives differentiate the rule; forward
//! mode transposes it (see `transforms::custom`).
//!
//! The function's value packs the outputs `[T, B, H]` and, for LSTM, the final cell state as
//! one more row (`[T + 1, B, H]`): a custom function has one output. The final hidden state is
//! the output of the last step the direction computes. Sequences with `seq_length` keep the
//! step-by-step path (its masks hold states), as do empty sequences.

use super::{RnnMode, State, Weights};
use crate::error::{Error, Result};
use crate::ops::{self, prim};
use crate::tensor::Tensor;
use crate::transforms::CustomVjp;

/// What the sequence function's inputs hold, in order: `x, h0, [c0], W_ih, W_hh, [b_ih, b_hh]`.
#[derive(Clone, Copy)]
struct Shape {
    mode: RnnMode,
    reverse: bool,
    has_bias: bool,
}

/// The inputs of one call, by name.
struct Inputs<'a> {
    x: &'a Tensor,
    h0: &'a Tensor,
    c0: Option<&'a Tensor>,
    w_ih: &'a Tensor,
    w_hh: &'a Tensor,
    b_ih: Option<&'a Tensor>,
    b_hh: Option<&'a Tensor>,
}

impl Shape {
    fn lstm(self) -> bool {
        self.mode == RnnMode::Lstm
    }

    fn split<'a>(self, xs: &'a [Tensor]) -> Result<Inputs<'a>> {
        let want = 4 + usize::from(self.lstm()) + 2 * usize::from(self.has_bias);
        if xs.len() != want {
            return Err(Error::invalid(
                self.mode.layer_name(),
                format!(
                    "the sequence function takes {want} inputs, got {}",
                    xs.len()
                ),
            ));
        }
        let mut it = xs.iter();
        let mut next = || {
            it.next()
                .ok_or_else(|| Error::invalid("RNN", "missing input"))
        };
        let (x, h0) = (next()?, next()?);
        let c0 = if self.lstm() { Some(next()?) } else { None };
        let (w_ih, w_hh) = (next()?, next()?);
        let (b_ih, b_hh) = if self.has_bias {
            (Some(next()?), Some(next()?))
        } else {
            (None, None)
        };
        Ok(Inputs {
            x,
            h0,
            c0,
            w_ih,
            w_hh,
            b_ih,
            b_hh,
        })
    }

    /// The time index of the `step`-th step the recurrence takes.
    fn at(self, step: usize, t: usize) -> usize {
        if self.reverse {
            t - 1 - step
        } else {
            step
        }
    }
}

/// `x·Wᵀ + b` over the rows of a `[T, B, n]` tensor: `[T, B, gates·H]`.
fn project_all(x: &Tensor, w: &Tensor, b: Option<&Tensor>) -> Result<Tensor> {
    let d = x.dims();
    let (t, batch, n) = (d[0], d[1], d[2]);
    let y = ops::matmul(&prim::reshape(x, &[t * batch, n])?, &w.T()?)?;
    let y = match b {
        Some(b) => ops::add(&y, b)?,
        None => y,
    };
    let g = y.dims()[1];
    prim::reshape(&y, &[t, batch, g])
}

/// Rows `lo..hi` of axis 0.
fn rows(x: &Tensor, lo: usize, hi: usize) -> Result<Tensor> {
    let mut starts = vec![0; x.ndim()];
    let mut limits = x.shape();
    starts[0] = lo;
    limits[0] = hi;
    prim::slice(x, &starts, &limits, &vec![1; x.ndim()])
}

/// `x` with a new leading axis of 1.
fn row(x: &Tensor) -> Result<Tensor> {
    let mut d = vec![1];
    d.extend_from_slice(x.dims());
    prim::reshape(x, &d)
}

/// The forward function: the packed outputs (see the module doc).
fn forward(s: Shape, xs: &[Tensor]) -> Result<Tensor> {
    let a = s.split(xs)?;
    let t = a.x.dims()[0];
    let gi = project_all(a.x, a.w_ih, a.b_ih)?;
    let w_hh_t = a.w_hh.T()?;
    let (mut h, mut c) = (a.h0.clone(), a.c0.cloned());
    let mut outs: Vec<Option<Tensor>> = vec![None; t];
    for step in 0..t {
        let i = s.at(step, t);
        let gh = ops::matmul(&h, &w_hh_t)?;
        let gh = match a.b_hh {
            Some(b) => ops::add(&gh, b)?,
            None => gh,
        };
        let (h2, c2) = s.mode.step(&gi.get(i as i64)?, &gh, &h, c.as_ref())?;
        outs[i] = Some(h2.clone());
        h = h2;
        c = c2;
    }
    let mut pieces: Vec<Tensor> = outs.into_iter().flatten().collect();
    let out = ops::stack(&pieces, 0)?;
    match c {
        Some(c) if s.lstm() => {
            pieces = vec![out, row(&c)?];
            ops::concat(&pieces, 0)
        }
        _ => Ok(out),
    }
}

/// `h_{t-1}` for every step `t`, `[T, B, H]`: the previous step's output, `h0` for the first.
fn previous_states(s: Shape, out: &Tensor, h0: &Tensor, t: usize) -> Result<Tensor> {
    let h0 = row(h0)?;
    if t == 1 {
        return Ok(h0);
    }
    if s.reverse {
        ops::concat(&[rows(out, 1, t)?, h0], 0)
    } else {
        ops::concat(&[h0, rows(out, 0, t - 1)?], 0)
    }
}

/// `y·(1 − y)`, the derivative of the sigmoid at `y = σ(a)`.
fn sigmoid_slope(y: &Tensor) -> Result<Tensor> {
    ops::mul(y, ops::sub(1.0, y))
}

/// `1 − y²`, the derivative of tanh at `y = tanh(a)`.
fn tanh_slope(y: &Tensor) -> Result<Tensor> {
    ops::sub(1.0, ops::mul(y, y))
}

/// The gradients of the gates' pre-activations of every step: `(dGI, dGH)`, each `[T, B, G]`
/// (the same tensor but for GRU, whose candidate gate scales the hidden projection by `r`),
/// and the gradients of the initial state `(dh0, dc0)`.
struct GateGrads {
    d_gi: Tensor,
    d_gh: Tensor,
    dh0: Tensor,
    dc0: Option<Tensor>,
}

fn gate_grads(
    s: Shape,
    a: &Inputs,
    out: &Tensor,
    dout: &Tensor,
    h_prev: &Tensor,
) -> Result<GateGrads> {
    let t = a.x.dims()[0];
    let gi = project_all(a.x, a.w_ih, a.b_ih)?;
    let gh = project_all(h_prev, a.w_hh, a.b_hh)?;
    let out_seq = rows(out, 0, t)?;
    let d_seq = rows(dout, 0, t)?;
    // The recurrence backwards: `dh` flows from step to step through `W_hh` (and `z` for GRU).
    let back = |step: usize| s.at(t - 1 - step, t) as i64;
    match s.mode {
        RnnMode::Tanh | RnnMode::Relu => {
            let slope = if s.mode == RnnMode::Tanh {
                tanh_slope(&out_seq)?
            } else {
                ops::cast(&ops::greater(&out_seq, 0.0)?, out_seq.dtype())?
            };
            let mut dh_next: Option<Tensor> = None;
            let mut da: Vec<Option<Tensor>> = vec![None; t];
            for step in 0..t {
                let i = back(step);
                let dh = add_opt(d_seq.get(i)?, dh_next.as_ref())?;
                let d = ops::mul(&dh, slope.get(i)?)?;
                dh_next = Some(ops::matmul(&d, a.w_hh)?);
                da[i as usize] = Some(d);
            }
            let d = ops::stack(&da.into_iter().flatten().collect::<Vec<_>>(), 0)?;
            let dh0 = dh_next.map_or_else(|| ops::zeros_like(a.h0), Ok)?;
            Ok(GateGrads {
                d_gi: d.clone(),
                d_gh: d,
                dh0,
                dc0: None,
            })
        }
        RnnMode::Lstm => lstm_gate_grads(s, a, &gi, &gh, dout, &d_seq),
        RnnMode::Gru => gru_gate_grads(s, a, &gi, &gh, h_prev, &d_seq),
    }
}

fn add_opt(x: Tensor, y: Option<&Tensor>) -> Result<Tensor> {
    match y {
        Some(y) => ops::add(&x, y),
        None => Ok(x),
    }
}

/// LSTM: `c_t = f·c_{t-1} + i·g`, `h_t = o·tanh(c_t)`. With `dc = dc_next + dh·o·(1 − tanh²c)`,
/// the pre-activation gradients are `(dc·g·σ'(i), dc·c_{t-1}·σ'(f), dc·i·tanh'(g),
/// dh·tanh(c)·σ'(o))` and `dc_{t-1} = dc·f`.
fn lstm_gate_grads(
    s: Shape,
    a: &Inputs,
    gi: &Tensor,
    gh: &Tensor,
    dout: &Tensor,
    d_seq: &Tensor,
) -> Result<GateGrads> {
    let t = a.x.dims()[0];
    let c0 =
        a.c0.ok_or_else(|| Error::invalid("LSTM", "the cell state c is missing"))?;
    let g = ops::split(&ops::add(gi, gh)?, ops::Split::Sections(4), 2)?;
    let (i, f) = (ops::sigmoid(&g[0])?, ops::sigmoid(&g[1])?);
    let (cand, o) = (g[2].tanh()?, ops::sigmoid(&g[3])?);
    // The cell states, recomputed in the order the recurrence ran.
    let ig = ops::mul(&i, &cand)?;
    let mut cs: Vec<Option<Tensor>> = vec![None; t];
    let mut c = c0.clone();
    for step in 0..t {
        let k = s.at(step, t) as i64;
        c = ops::add(ops::mul(f.get(k)?, &c), ig.get(k)?)?;
        cs[k as usize] = Some(c.clone());
    }
    let c_all = ops::stack(&cs.into_iter().flatten().collect::<Vec<_>>(), 0)?;
    let c_prev = previous_states(s, &c_all, c0, t)?;
    let tc = c_all.tanh()?;
    let q = ops::mul(&o, tanh_slope(&tc)?)?;
    let k_all = ops::concat(
        &[
            ops::mul(&cand, sigmoid_slope(&i)?)?,
            ops::mul(&c_prev, sigmoid_slope(&f)?)?,
            ops::mul(&i, tanh_slope(&cand)?)?,
            ops::mul(&tc, sigmoid_slope(&o)?)?,
        ],
        2,
    )?;
    let mut dh_next: Option<Tensor> = None;
    let mut dc_next = Some(dout.get(t as i64)?);
    let mut da: Vec<Option<Tensor>> = vec![None; t];
    for step in 0..t {
        let k = s.at(t - 1 - step, t) as i64;
        let dh = add_opt(d_seq.get(k)?, dh_next.as_ref())?;
        let dc = add_opt(ops::mul(&dh, q.get(k)?)?, dc_next.as_ref())?;
        let both = ops::concat(&[dc.clone(), dc.clone(), dc.clone(), dh], 1)?;
        let d = ops::mul(&both, k_all.get(k)?)?;
        dh_next = Some(ops::matmul(&d, a.w_hh)?);
        dc_next = Some(ops::mul(&dc, f.get(k)?)?);
        da[k as usize] = Some(d);
    }
    let d = ops::stack(&da.into_iter().flatten().collect::<Vec<_>>(), 0)?;
    let zero = || ops::zeros_like(a.h0);
    Ok(GateGrads {
        d_gi: d.clone(),
        d_gh: d,
        dh0: dh_next.map_or_else(zero, Ok)?,
        dc0: Some(dc_next.map_or_else(zero, Ok)?),
    })
}

/// GRU: `r = σ(a_r + g_r)`, `z = σ(a_z + g_z)`, `n = tanh(a_n + r·g_n)`, `h' = n + z·(h − n)`.
/// With `dn = dh'·(1 − z)·tanh'(n)`: `dA_n = dn`, `dG_n = dn·r`, `dA_r = dG_r = dn·g_n·σ'(r)`,
/// `dA_z = dG_z = dh'·(h − n)·σ'(z)`, and `dh = dh'·z + dG·W_hh`.
fn gru_gate_grads(
    s: Shape,
    a: &Inputs,
    gi: &Tensor,
    gh: &Tensor,
    h_prev: &Tensor,
    d_seq: &Tensor,
) -> Result<GateGrads> {
    let t = a.x.dims()[0];
    let ai = ops::split(gi, ops::Split::Sections(3), 2)?;
    let ag = ops::split(gh, ops::Split::Sections(3), 2)?;
    let r = ops::sigmoid(&ops::add(&ai[0], &ag[0])?)?;
    let z = ops::sigmoid(&ops::add(&ai[1], &ag[1])?)?;
    let n = ops::add(&ai[2], ops::mul(&r, &ag[2]))?.tanh()?;
    let p = ops::mul(ops::sub(1.0, &z), tanh_slope(&n)?)?;
    let zz = ops::mul(ops::sub(h_prev, &n), sigmoid_slope(&z)?)?;
    let rr = ops::mul(&ag[2], sigmoid_slope(&r)?)?;
    let mut dh_next: Option<Tensor> = None;
    let (mut dgi, mut dgh): (Vec<Option<Tensor>>, Vec<Option<Tensor>>) =
        (vec![None; t], vec![None; t]);
    for step in 0..t {
        let k = s.at(t - 1 - step, t) as i64;
        let dh = add_opt(d_seq.get(k)?, dh_next.as_ref())?;
        let dn = ops::mul(&dh, p.get(k)?)?;
        let dz = ops::mul(&dh, zz.get(k)?)?;
        let dr = ops::mul(&dn, rr.get(k)?)?;
        let d_h = ops::concat(&[dr.clone(), dz.clone(), ops::mul(&dn, r.get(k)?)?], 1)?;
        dh_next = Some(ops::add(
            ops::mul(&dh, z.get(k)?),
            ops::matmul(&d_h, a.w_hh),
        )?);
        dgi[k as usize] = Some(ops::concat(&[dr, dz, dn], 1)?);
        dgh[k as usize] = Some(d_h);
    }
    let stack =
        |v: Vec<Option<Tensor>>| ops::stack(&v.into_iter().flatten().collect::<Vec<_>>(), 0);
    Ok(GateGrads {
        d_gi: stack(dgi)?,
        d_gh: stack(dgh)?,
        dh0: dh_next.map_or_else(|| ops::zeros_like(a.h0), Ok)?,
        dc0: None,
    })
}

/// The backward rule: one gradient per input.
fn backward(s: Shape, xs: &[Tensor], out: &Tensor, dout: &Tensor) -> Result<Vec<Tensor>> {
    let a = s.split(xs)?;
    let d = a.x.dims();
    let (t, batch, n) = (d[0], d[1], d[2]);
    let h = a.h0.dims()[1];
    let h_prev = previous_states(s, &rows(out, 0, t)?, a.h0, t)?;
    let gg = gate_grads(s, &a, out, dout, &h_prev)?;
    let g = gg.d_gi.dims()[2];
    let d_gi = prim::reshape(&gg.d_gi, &[t * batch, g])?;
    let d_gh = prim::reshape(&gg.d_gh, &[t * batch, g])?;
    let x2 = prim::reshape(a.x, &[t * batch, n])?;
    let h2 = prim::reshape(&h_prev, &[t * batch, h])?;
    let mut grads = vec![
        prim::reshape(&ops::matmul(&d_gi, a.w_ih)?, &[t, batch, n])?,
        gg.dh0,
    ];
    grads.extend(gg.dc0);
    grads.push(ops::matmul(&d_gi.T()?, &x2)?);
    grads.push(ops::matmul(&d_gh.T()?, &h2)?);
    if s.has_bias {
        grads.push(ops::sum(&d_gi, 0, false)?);
        grads.push(ops::sum(&d_gh, 0, false)?);
    }
    Ok(grads)
}

/// One layer direction over `x [T, B, F]` (`T > 0`) from `(h0, c0)` (`[B, H]` each): the
/// outputs `[T, B, H]` and the final state.
pub(super) fn sequence(
    mode: RnnMode,
    x: &Tensor,
    state: State,
    w: &Weights,
    reverse: bool,
) -> Result<(Tensor, State)> {
    let dtype = x.dtype();
    let t = x.dims()[0];
    let cast = |p: &crate::nn::parameter::Parameter| ops::cast(&p.value(), dtype);
    let s = Shape {
        mode,
        reverse,
        has_bias: w.bias.is_some(),
    };
    let (h0, c0) = state;
    let mut inputs = vec![x.clone(), h0];
    inputs.extend(c0);
    inputs.push(cast(&w.w_ih)?);
    inputs.push(cast(&w.w_hh)?);
    if let Some((bi, bh)) = &w.bias {
        inputs.push(cast(bi)?);
        inputs.push(cast(bh)?);
    }
    let f = CustomVjp::new(
        mode.layer_name(),
        move |xs| forward(s, xs),
        move |xs, out, dout| backward(s, xs, out, dout),
    );
    let packed = f.call(&inputs)?;
    let out = if s.lstm() {
        rows(&packed, 0, t)?
    } else {
        packed.clone()
    };
    let h_n = out.get(if reverse { 0 } else { t as i64 - 1 })?;
    let c_n = if s.lstm() {
        Some(packed.get(t as i64)?)
    } else {
        None
    };
    Ok((out, (h_n, c_n)))
}

//! The entries of `LstmLayer` and `LstmLayerGrad`: one direction of an LSTM layer over a whole
//! sequence in one call of the device, forward and backward. Composed of per-step primitives
//! (a product, an add, the `LstmCell` gate maths, the slices that cut the steps), a layer of 35
//! steps took some 900 evaluations per training step, each with its dispatch, and its reverse
//! sweep gathered the steps' cotangents again with copies.
//!
//! `LstmLayer(gi [T, B, 4H], w [4H, H], b [4H], h0 [B, H], c0 [B, H])`: step `t` (in time
//! order, or from the last step back when `reverse`) computes `pre_t = gi_t + b + h_prev·wᵀ`,
//! the gate activations `a_t = (σ(i), σ(f), tanh(g), σ(o))` of `pre_t` (stacked `(i, f, g,
//! o)`) and `c_t = σ(f)·c_prev + σ(i)·tanh(g)`, `h_t = σ(o)·tanh(c_t)`, where `h_prev`, `c_prev`
//! are the state of the step that ran before (`h0`, `c0` for the first). Its one output packs
//! every step's `h_t`, `c_t` and `a_t` (`[T, B, H]`, `[T, B, H]`, `[T, B, 4H]`, flattened one
//! after another); the layer cuts views out of it. The activations are part of the output so
//! that the backward pass reads them instead of computing the products and activations again;
//! a cotangent on them adds to the gates'.
//!
//! Its VJP is `LstmLayerGrad` of the operands, the output and its cotangent: the device's
//! backward sweep, which packs the cotangents of `gi`, `w`, `b`, `h0` and `c0`. That primitive has a
//! [`Rule::composition`] — the same sweep written with per-step primitives — which `grad`,
//! `jvp` and `vmap` transform in its place, so higher derivatives come from the pieces' rules
//! while a first-order sweep, eager or compiled by `jit`, runs the one kernel. The JVP of
//! `LstmLayer` is a composition too; its batching rule runs the layer per example.

use super::bind::bind;
use super::check::{arity, in_domain};
use super::rnn_cell::{dsigmoid, dtanh};
use super::support::{lift_all, tangent_or_zero};
use super::tanh;
use super::{add, broadcast_in_dim, concat, matmul, mul, permute, reduce_sum, reshape, slice};
use super::{Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::cell::LayerSteps;
use crate::op::Domain;
use crate::tensor::Tensor;
use smallvec::smallvec;

const NAME: &str = "LstmLayer";
const GRAD: &str = "LstmLayerGrad";

/// The `LstmLayer` primitive's parameter: the direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LstmLayer {
    /// Walk the sequence from its last step back.
    pub reverse: bool,
}

/// The `LstmLayerGrad` primitive: the backward sweep of an `LstmLayer` of this direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LstmLayerGrad(pub LstmLayer);

/// The state (`h` or `c`) step `s` reads: `first` for the first to run, else the previous
/// step's row of `all` (`[T, B, H]`).
fn state(z: LayerSteps, s: usize, first: &Tensor, all: &Tensor) -> Result<Tensor> {
    match z.previous(s) {
        None => Ok(first.clone()),
        Some(p) => row(all, p),
    }
}

/// Row `t` of a `[T, B, k]` value: `[B, k]` (a view).
fn row(x: &Tensor, t: usize) -> Result<Tensor> {
    let d = x.dims();
    let part = slice(x, &[t, 0, 0], &[t + 1, d[1], d[2]], &[1, 1, 1])?;
    reshape(&part, &d[1..])
}

/// Elements `from..from + shape.numel()` of a flat value, as `shape` (a view).
fn piece(flat: &Tensor, from: usize, shape: &[usize]) -> Result<Tensor> {
    let n: usize = shape.iter().product();
    reshape(&slice(flat, &[from], &[from + n], &[1])?, shape)
}

/// The hidden states, cell states and gate activations packed in an output (or its cotangent).
fn unpack(out: &Tensor, z: LayerSteps) -> Result<[Tensor; 3]> {
    let n = z.t * z.b * z.h;
    Ok([
        piece(out, 0, &[z.t, z.b, z.h])?,
        piece(out, n, &[z.t, z.b, z.h])?,
        piece(out, 2 * n, &[z.t, z.b, 4 * z.h])?,
    ])
}

/// Values flattened and joined into one vector (every value non-empty or not, in order).
fn flat_join(xs: &[Tensor]) -> Result<Tensor> {
    let flat = xs
        .iter()
        .map(|x| reshape(x, &[x.numel()]))
        .collect::<Result<Vec<_>>>()?;
    concat(&flat, 0)
}

/// Zeros of `shape` and `dtype` (a broadcast scalar).
fn zeros(shape: &[usize], dtype: DType) -> Result<Tensor> {
    broadcast_in_dim(&Tensor::full_scalar(0.0.into(), dtype), shape, &[])
}

/// The matrix transpose of `[m, n]` (a view).
fn t2(x: &Tensor) -> Result<Tensor> {
    permute(x, &[1, 0])
}

impl Rule for LstmLayer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity(NAME, ins, 5)?;
        let dt = ins[0].1;
        in_domain(NAME, Domain::Floats, dt)?;
        if !matches!(dt, DType::Float32 | DType::Float64) {
            return Err(Error::UnsupportedDType {
                op: NAME,
                dtype: dt,
                expected: "Float32 or Float64 operands",
            });
        }
        let [t, b, g] = ins[0].0[..] else {
            return Err(Error::invalid(
                NAME,
                format!(
                    "the input projections must be [T, B, 4H], got {:?}",
                    ins[0].0
                ),
            ));
        };
        if g % 4 != 0 {
            return Err(Error::invalid(
                NAME,
                format!("the input projections' last axis must be 4·H, got {g}"),
            ));
        }
        let h = g / 4;
        let wants: [&[usize]; 4] = [&[g, h], &[g], &[b, h], &[b, h]];
        for (i, want) in (1..5).zip(wants) {
            if ins[i].0 != want || ins[i].1 != dt {
                return Err(Error::invalid(
                    NAME,
                    format!(
                        "operand {i} must be {want:?} {dt:?} for input projections {:?}, got {:?} {:?}",
                        ins[0].0, ins[i].0, ins[i].1
                    ),
                ));
            }
        }
        let n = [t, b, h, 6]
            .iter()
            .try_fold(1usize, |a, &d| a.checked_mul(d));
        let n = n.ok_or_else(|| Error::invalid(NAME, "the output is too large"))?;
        Ok((smallvec![n], dt))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(NAME, ins)?.lstm_layer(self.reverse, ins)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        let z = LayerSteps::of(x[0].dims(), self.reverse);
        if z.t == 0 {
            return Ok(None);
        }
        let (w, h0, c0) = (&x[1], &x[3], &x[4]);
        let [hs, cs, acts] = unpack(out, z)?;
        let [d_gi, d_w, d_b] = [0, 1, 2].map(|i| tangent_or_zero(&x_t[i], &x[i]));
        let (d_gi, d_w, d_b) = (d_gi?, d_w?, d_b?);
        let (mut dh, mut dc) = (tangent_or_zero(&x_t[3], h0)?, tangent_or_zero(&x_t[4], c0)?);
        let mut steps: Vec<[Option<Tensor>; 3]> = vec![[None, None, None]; z.t];
        for s in 0..z.t {
            let now = z.time(s);
            let (hp, cp) = (state(z, s, h0, &hs)?, state(z, s, c0, &cs)?);
            // pre = gi + b + h_prev·wᵀ
            let d_pre = add(
                &add(
                    &row(&d_gi, now)?,
                    &broadcast_in_dim(&d_b, &[z.b, 4 * z.h], &[1])?,
                )?,
                &add(&matmul(&dh, &t2(w)?)?, &matmul(&hp, &t2(&d_w)?)?)?,
            )?;
            let [i, f, g, o] = gates(&row(&acts, now)?, z.h)?;
            let gate = |k: usize| slice(&d_pre, &[0, k * z.h], &[z.b, (k + 1) * z.h], &[1, 1]);
            let (di, df) = (
                mul(&dsigmoid(&i)?, &gate(0)?)?,
                mul(&dsigmoid(&f)?, &gate(1)?)?,
            );
            let (dg, d_o) = (
                mul(&dtanh(&g)?, &gate(2)?)?,
                mul(&dsigmoid(&o)?, &gate(3)?)?,
            );
            // c = f·c_prev + i·g; h = o·tanh(c)
            dc = add(
                &add(&mul(&df, &cp)?, &mul(&f, &dc)?)?,
                &add(&mul(&di, &g)?, &mul(&i, &dg)?)?,
            )?;
            let tc = tanh(&row(&cs, now)?)?;
            dh = add(&mul(&d_o, &tc)?, &mul(&mul(&o, &dtanh(&tc)?)?, &dc)?)?;
            let d_acts = concat(&[di, df, dg, d_o], 1)?;
            steps[now] = [Some(dh.clone()), Some(dc.clone()), Some(d_acts)];
        }
        let mut parts = Vec::with_capacity(3 * z.t);
        for k in 0..3 {
            parts.extend(steps.iter().filter_map(|s| s[k].clone()));
        }
        Ok(Some(flat_join(&parts)?))
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        let args = [&x[0], &x[1], &x[2], &x[3], &x[4], out, ct];
        let g = bind(Prim::LstmLayerGrad(LstmLayerGrad(*self)), &args)?;
        let mut at = 0;
        let mut cts = Cts::new();
        for v in x {
            cts.push(Some(piece(&g, at, v.dims())?));
            at += v.numel();
        }
        Ok(cts)
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        // One layer per example: the examples may have weights of their own.
        let vals = lift_all(vals, batched, n)?;
        let d = vals[0].dims();
        let len = d[1] * d[2] * d[3] / 4 * 6;
        if n == 0 {
            return zeros(&[0, len], vals[0].dtype());
        }
        let mut outs = Vec::with_capacity(n);
        for e in 0..n {
            let one = vals
                .iter()
                .map(|v| {
                    piece(
                        &reshape(v, &[v.numel()])?,
                        e * v.numel() / n,
                        &v.dims()[1..],
                    )
                })
                .collect::<Result<Vec<_>>>()?;
            let refs: Vec<&Tensor> = one.iter().collect();
            outs.push(reshape(&bind(Prim::LstmLayer(*self), &refs)?, &[1, len])?);
        }
        concat(&outs, 0)
    }

    fn params(&self) -> String {
        match self.reverse {
            true => "reverse=true".into(),
            false => String::new(),
        }
    }
}

impl Rule for LstmLayerGrad {
    fn name(&self) -> &'static str {
        GRAD
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity(GRAD, ins, 7)?;
        let (fwd, dt) = self.0.infer(&ins[..5])?;
        for (i, what) in [(5, "output"), (6, "output's cotangent")] {
            if ins[i].0 != &fwd[..] || ins[i].1 != dt {
                return Err(Error::invalid(
                    GRAD,
                    format!(
                        "the {what} must be {:?} {dt:?}, got {:?} {:?}",
                        &fwd[..],
                        ins[i].0,
                        ins[i].1
                    ),
                ));
            }
        }
        let n: usize = ins[..5].iter().map(|a| a.0.iter().product::<usize>()).sum();
        Ok((smallvec![n], dt))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(GRAD, ins)?.lstm_layer_grad(self.0.reverse, ins)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn composition(&self, args: &[&Tensor]) -> Option<Result<Tensor>> {
        Some(composed_grad(self.0.reverse, args))
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Err(expanded())
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        Err(expanded())
    }

    fn batch(&self, _: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        Err(expanded())
    }

    fn params(&self) -> String {
        self.0.params()
    }
}

/// The transformations take `LstmLayerGrad`'s composition (`bind`); its own rules are never
/// asked.
#[cold]
fn expanded() -> Error {
    Error::invalid(
        GRAD,
        "its composition is transformed in its place (an internal error)",
    )
}

/// The backward sweep of an `LstmLayer` written with per-step primitives: `args` are the
/// layer's operands, its output and the output's cotangent; the result packs the cotangents of
/// `gi`, `w`, `b`, `h0` and `c0`, as the device's kernel does.
fn composed_grad(reverse: bool, args: &[&Tensor]) -> Result<Tensor> {
    let x: Vec<Tensor> = args[..5].iter().map(|&a| a.clone()).collect();
    let z = LayerSteps::of(x[0].dims(), reverse);
    let (w, h0, c0) = (&x[1], &x[3], &x[4]);
    let [hs, cs, acts] = unpack(args[5], z)?;
    let [d_hs, d_cs, d_acts] = unpack(args[6], z)?;
    let (mut dh, mut dc, mut dw) = (zeros_of(h0)?, zeros_of(c0)?, zeros_of(w)?);
    let mut d_gi: Vec<Option<Tensor>> = vec![None; z.t];
    for s in (0..z.t).rev() {
        let now = z.time(s);
        let (hp, cp) = (state(z, s, h0, &hs)?, state(z, s, c0, &cs)?);
        dh = add(&dh, &row(&d_hs, now)?)?;
        dc = add(&dc, &row(&d_cs, now)?)?;
        let [i, f, g, o] = gates(&row(&acts, now)?, z.h)?;
        let tc = tanh(&row(&cs, now)?)?;
        let dc_all = add(&dc, &mul(&mul(&dh, &o)?, &dtanh(&tc)?)?)?;
        // The activations' cotangents (their own, from the output, and through c and h), each
        // through its activation's derivative.
        let d_a = add(
            &concat(
                &[
                    mul(&dc_all, &g)?,
                    mul(&dc_all, &cp)?,
                    mul(&dc_all, &i)?,
                    mul(&dh, &tc)?,
                ],
                1,
            )?,
            &row(&d_acts, now)?,
        )?;
        let slope = concat(
            &[dsigmoid(&i)?, dsigmoid(&f)?, dtanh(&g)?, dsigmoid(&o)?],
            1,
        )?;
        let dg = mul(&d_a, &slope)?;
        dc = mul(&dc_all, &f)?;
        dh = matmul(&dg, w)?;
        dw = add(&dw, &matmul(&t2(&dg)?, &hp)?)?;
        d_gi[now] = Some(dg);
    }
    let mut parts: Vec<Tensor> = d_gi.into_iter().flatten().collect();
    let db = match parts.is_empty() {
        true => zeros_of(&x[2])?,
        false => reduce_sum(&concat(&parts, 0)?, &[0])?,
    };
    parts.extend([dw, db, dh, dc]);
    flat_join(&parts)
}

/// The four gates of a `[B, 4H]` value of activations: `[B, H]` each (views).
fn gates(a: &Tensor, h: usize) -> Result<[Tensor; 4]> {
    let b = a.dims()[0];
    let gate = |k: usize| slice(a, &[0, k * h], &[b, (k + 1) * h], &[1, 1]);
    Ok([gate(0)?, gate(1)?, gate(2)?, gate(3)?])
}

/// Zeros of `x`'s shape and dtype.
fn zeros_of(x: &Tensor) -> Result<Tensor> {
    zeros(x.dims(), x.dtype())
}

/// One direction of an LSTM layer over a sequence: the `LstmLayer` primitive of the input
/// projections `gi [T, B, 4H]`, the hidden weight `w [4H, H]` (`W_hh`), the bias `b [4H]` (both
/// of MindSpore's biases summed) and the initial states `h0`, `c0` `[B, H]`. Returns every
/// step's hidden states `[T, B, H]` (in time order) and the final `(h, c)` of the step that ran
/// last (views of one output).
pub fn lstm_layer(
    gi: &Tensor,
    w: &Tensor,
    b: &Tensor,
    (h0, c0): (&Tensor, &Tensor),
    reverse: bool,
) -> Result<(Tensor, Tensor, Tensor)> {
    let out = bind(Prim::LstmLayer(LstmLayer { reverse }), &[gi, w, b, h0, c0])?;
    let z = LayerSteps::of(gi.dims(), reverse);
    let [hs, cs, _] = unpack(&out, z)?;
    if z.t == 0 {
        return Ok((hs, h0.clone(), c0.clone()));
    }
    let last = z.time(z.t - 1);
    let (h, c) = (row(&hs, last)?, row(&cs, last)?);
    Ok((hs, h, c))
}

//! The entry of `Attention`: scaled dot-product attention `softmax(scale·q·kᵀ + mask)·v` over a
//! batch of matrices in one pass of the device per matrix, where the composition took a scaled
//! product, a mask add, a softmax and a second product forward (each a pass over `[B, L, S]`
//! values) and a dozen passes backward.
//!
//! One output packs the two results, as `RnnCell`'s does: the attention output `O` in
//! `(l, b, e)` order (so that `[L, N·H, E]` projections read it as `[L·N, H·E]` without a copy)
//! followed by the probabilities `P` `[B, L, S]`; [`attention`] cuts them out as views. Its VJP
//! runs the device's one-pass gradient kernel when every value it reads is concrete (a
//! first-order reverse sweep), whose `q`, `k` and `v` cotangents come back in the same
//! `(x, b, d)` order; under a transformation that traces the backward pass itself (grad of
//! grad, forward over reverse, `jit`) the same maths is written with differentiable primitives,
//! so higher derivatives come from this entry as from any other. The JVP and the batching rule
//! are compositions too.

use super::bind::bind;
use super::check::{arity_in, in_domain};
use super::support::{all_concrete, map, sum2, swap_last, when};
use super::{broadcast_in_dim, concat, matmul, mul, permute, reduce_sum, reshape, scale, slice};
use super::{sub, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::Domain;
use crate::tensor::Tensor;
use smallvec::smallvec;

const NAME: &str = "Attention";

/// The entry of `Attention` with its score scale (usually `1/√D`). Operands: q `[B, L, D]`,
/// k `[B, S, D]`, v `[B, S, E]` and optionally an additive float mask `[Bm, Lm, Sm]`, each
/// axis 1 (broadcast) or the scores'. A row of scores that is all `−inf` gives NaN, as
/// `Softmax` does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Attention {
    /// The factor of `q·kᵀ`.
    pub scale: f64,
}

/// `B, L, S, E` of the operands (checked by the rule).
fn sizes(x: &[Tensor]) -> [usize; 4] {
    let (q, v) = (x[0].dims(), x[2].dims());
    [q[0], q[1], v[1], v[2]]
}

/// `O` `[B, L, E]` and `P` `[B, L, S]` of a packed output or cotangent (views).
fn unpack(out: &Tensor, [b, l, s, e]: [usize; 4]) -> Result<(Tensor, Tensor)> {
    let n_o = l * b * e;
    let o = reshape(&slice(out, &[0], &[n_o], &[1])?, &[l, b, e])?;
    let p = slice(out, &[n_o], &[n_o + b * l * s], &[1])?;
    Ok((permute(&o, &[1, 0, 2])?, reshape(&p, &[b, l, s])?))
}

/// `O` and `P` packed as the primitive's output.
fn pack(o: &Tensor, p: &Tensor) -> Result<Tensor> {
    let o = permute(o, &[1, 0, 2])?;
    let (no, np) = (o.numel(), p.numel());
    concat(&[reshape(&o, &[no])?, reshape(p, &[np])?], 0)
}

/// `p ⊙ (g − Σ_row p ⊙ g)`: the softmax's Jacobian (symmetric) applied to `g`.
fn softmax_times(p: &Tensor, g: &Tensor) -> Result<Tensor> {
    let dot = reduce_sum(&mul(p, g)?, &[2])?;
    let d = p.dims();
    mul(p, &sub(g, &broadcast_in_dim(&dot, d, &[0, 1])?)?)
}

/// The mask `[Bm, Lm, Sm]` broadcast to the scores' shape.
fn spread(m: &Tensor, shape: &[usize]) -> Result<Tensor> {
    broadcast_in_dim(m, shape, &[0, 1, 2])
}

/// The scores' cotangent summed over the axes the mask broadcasts along.
fn fold(ds: &Tensor, mask: &[usize]) -> Result<Tensor> {
    let axes: Vec<usize> = (0..3)
        .filter(|&a| mask[a] == 1 && ds.dims()[a] != 1)
        .collect();
    if axes.is_empty() {
        return Ok(ds.clone());
    }
    reshape(&reduce_sum(ds, &axes)?, mask)
}

impl Attention {
    /// The cotangents from the packed output and its cotangent, with differentiable primitives.
    fn composed_vjp(
        &self,
        x: &[Tensor],
        out: &Tensor,
        ct: &Tensor,
        wanted: &[bool],
    ) -> Result<Cts> {
        let z = sizes(x);
        let (_, p) = unpack(out, z)?;
        let (d_o, d_px) = unpack(ct, z)?;
        let (q, k, v) = (&x[0], &x[1], &x[2]);
        let dp = super::add(&matmul(&d_o, &swap_last(v)?)?, &d_px)?;
        let ds = softmax_times(&p, &dp)?;
        let want = |i: usize| wanted.get(i).copied().unwrap_or(false);
        let mut cts: Cts = smallvec![
            when(want(0), || scale(&matmul(&ds, k)?, self.scale))?,
            when(want(1), || scale(&matmul(&swap_last(&ds)?, q)?, self.scale))?,
            when(want(2), || matmul(&swap_last(&p)?, &d_o))?,
        ];
        if let Some(m) = x.get(3) {
            cts.push(when(want(3), || fold(&ds, m.dims()))?);
        }
        Ok(cts)
    }

    /// The device's one-pass gradient, cut into the operands' cotangents (`q`, `k`, `v` as
    /// views of `(x, b, d)`-ordered elements; the mask's summed over its broadcast axes).
    fn fused_vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        let mut vals: Vec<&Tensor> = x.iter().collect();
        vals.extend([out, ct]);
        let cs: Vec<&Concrete> = vals.iter().map(|t| t.concrete()).collect();
        let with_ds = x.len() == 4 && wanted.get(3).copied().unwrap_or(false);
        let dev = device::of(NAME, &cs)?;
        let storage = device::with_live_threads(|| dev.attention_grad(self.scale, &cs, with_ds))?;
        let [b, l, s, _] = sizes(x);
        let mut shapes: Vec<[usize; 3]> = x[..3]
            .iter()
            .map(|t| [t.dims()[1], b, t.dims()[2]])
            .collect();
        if with_ds {
            shapes.push([b, l, s]);
        }
        let total: usize = shapes.iter().map(|s| s.iter().product::<usize>()).sum();
        let flat = Tensor::from_storage(storage, &[total]);
        let mut at = 0;
        let mut cts = Cts::new();
        for (i, sh) in shapes.iter().enumerate() {
            let n: usize = sh.iter().product();
            let part = reshape(&slice(&flat, &[at], &[at + n], &[1])?, sh)?;
            cts.push(Some(match i {
                3 => fold(&part, x[3].dims())?,
                _ => permute(&part, &[1, 0, 2])?,
            }));
            at += n;
        }
        if x.len() == 4 && !with_ds {
            cts.push(None);
        }
        Ok(cts)
    }
}

impl Rule for Attention {
    fn name(&self) -> &'static str {
        NAME
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity_in(NAME, ins, 3, 4)?;
        let dt = ins[0].1;
        in_domain(NAME, Domain::Floats, dt)?;
        for a in &ins[1..] {
            if a.1 != dt {
                return Err(Error::DTypeMismatch {
                    op: NAME,
                    lhs: dt,
                    rhs: a.1,
                });
            }
        }
        let bad = || {
            let shapes: Vec<Vec<usize>> = ins.iter().map(|a| a.0.to_vec()).collect();
            Error::invalid(
                NAME,
                format!(
                    "q, k, v must be [B, L, D], [B, S, D], [B, S, E] and a mask must broadcast \
                     to the scores [B, L, S], got shapes {shapes:?}"
                ),
            )
        };
        let ([b, l, d], [bk, s, dk], [bv, sv, e]) = (
            <[usize; 3]>::try_from(ins[0].0).map_err(|_| bad())?,
            <[usize; 3]>::try_from(ins[1].0).map_err(|_| bad())?,
            <[usize; 3]>::try_from(ins[2].0).map_err(|_| bad())?,
        );
        if bk != b || bv != b || dk != d || sv != s {
            return Err(bad());
        }
        if let Some(m) = ins.get(3) {
            let fits = m.0.len() == 3 && m.0.iter().zip([b, l, s]).all(|(&x, y)| x == 1 || x == y);
            if !fits {
                return Err(bad());
            }
        }
        if !self.scale.is_finite() {
            return Err(Error::invalid(
                NAME,
                format!("the scale must be finite, got {}", self.scale),
            ));
        }
        let n = l
            .checked_mul(b)
            .and_then(|lb| lb.checked_mul(e)?.checked_add(lb.checked_mul(s)?))
            .ok_or_else(|| Error::invalid(NAME, "the output is too large".to_string()))?;
        Ok((smallvec![n], dt))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(NAME, ins)?.attention(self.scale, ins)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        let z = sizes(x);
        let (q, k, v) = (&x[0], &x[1], &x[2]);
        let (o, p) = unpack(out, z)?;
        let qk = sum2(
            map(&x_t[0], |t| matmul(t, &swap_last(k)?))?,
            map(&x_t[1], |t| matmul(q, &swap_last(t)?))?,
        )?;
        let mut st = map(&qk, |t| scale(t, self.scale))?;
        if let Some(Some(mt)) = x_t.get(3) {
            st = sum2(st, Some(spread(mt, p.dims())?))?;
        }
        let pt = map(&st, |t| softmax_times(&p, t))?;
        let ot = sum2(
            map(&pt, |t| matmul(t, v))?,
            map(&x_t[2], |t| matmul(&p, t))?,
        )?;
        Ok(match (ot, pt) {
            (None, None) => None,
            (ot, pt) => {
                let ot = ot.map_or_else(|| super::zeros_like(&o), Ok)?;
                let pt = pt.map_or_else(|| super::zeros_like(&p), Ok)?;
                Some(pack(&ot, &pt)?)
            }
        })
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        let mut vals: Vec<&Tensor> = x.iter().collect();
        vals.extend([out, ct]);
        if all_concrete(&vals) {
            return self.fused_vjp(x, out, ct, wanted);
        }
        self.composed_vjp(x, out, ct, wanted)
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        // The batch joins the matrices: [n, B, ...] → [n·B, ...], one call over n·B of them.
        let vals = super::support::lift_all(vals, batched, n)?;
        let [b, l, s, e] = {
            let (q, v) = (vals[0].dims(), vals[2].dims());
            [q[1], q[2], v[2], v[3]]
        };
        let mut ins = Vec::with_capacity(vals.len());
        for x in &vals[..3] {
            let d = x.dims();
            ins.push(reshape(x, &[n * b, d[2], d[3]])?);
        }
        if let Some(m) = vals.get(3) {
            let d = m.dims();
            let full = broadcast_in_dim(m, &[n, b, d[2], d[3]], &[0, 1, 2, 3])?;
            ins.push(reshape(&full, &[n * b, d[2], d[3]])?);
        }
        let refs: Vec<&Tensor> = ins.iter().collect();
        let flat = bind(Prim::Attention(*self), &refs)?;
        let (o, p) = unpack(&flat, [n * b, l, s, e])?;
        // Per example: its O in (l, b, e) order, then its P.
        let o = permute(&reshape(&o, &[n, b, l, e])?, &[0, 2, 1, 3])?;
        let o = reshape(&o, &[n, l * b * e])?;
        concat(&[o, reshape(&p, &[n, b * l * s])?], 1)
    }

    fn params(&self) -> String {
        format!("scale={}", self.scale)
    }
}

/// The `Attention` primitive: `(O, P)` of `softmax(scale·q·kᵀ + mask)·v` for q `[B, L, D]`,
/// k `[B, S, D]`, v `[B, S, E]` and an optional additive mask broadcastable to the scores
/// `[B, L, S]` (rank 3, each axis 1 or the scores'): the output `O` `[B, L, E]` (a view of
/// elements stored `[L, B, E]`) and the probabilities `P` `[B, L, S]`.
pub fn attention(
    q: &Tensor,
    k: &Tensor,
    v: &Tensor,
    mask: Option<&Tensor>,
    scale: f64,
) -> Result<(Tensor, Tensor)> {
    let mut args = vec![q, k, v];
    args.extend(mask);
    let flat = bind(Prim::Attention(Attention { scale }), &args)?;
    let (qd, vd) = (q.dims(), v.dims());
    unpack(&flat, [qd[0], qd[1], vd[1], vd[2]])
}

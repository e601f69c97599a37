//! The one derivatives table: for every primitive, its JVP (forward) and VJP (reverse) rule, as two
//! exhaustive matches in enum order with no catch-all arm, so a new primitive does not compile
//! until its rules exist.
//!
//! Names: `x`, `y` primals; `tx`, `ty` tangents (`None` = zero); `ct` the output cotangent; `out`
//! the primal output. Rules are written with differentiable ops (`ops::prim`), never detached, so
//! the derivatives of derivatives come from the same table.

use crate::dtype::{DType, Scalar};
use crate::error::Result;
use crate::ops::prim as p;
use crate::prim::{CmpOp, Prim};
use crate::tensor::Tensor;
use smallvec::{smallvec, SmallVec};

type Opt = Option<Tensor>;
/// Input cotangents of one primitive (inline: primitives have at most three inputs).
pub type Cts = SmallVec<[Opt; 3]>;

/// Tangent of `prim`'s output given primals, tangents and the primal output.
pub fn jvp(prim: &Prim, primals: &[Tensor], tangents: &[Opt], out: &Tensor) -> Result<Opt> {
    use Prim::*;
    let x = &primals[0];
    let tx = &tangents[0];
    let t = |i: usize| -> Result<Tensor> { tangent_or_zero(&tangents[i], &primals[i]) };
    Ok(match prim {
        Neg => map(tx, p::neg)?,
        Exp => map(tx, |t| p::mul(t, out))?,
        Log => map(tx, |t| p::div(t, x))?,
        Sin => map(tx, |t| p::mul(t, &p::cos(x)?))?,
        Cos => map(tx, |t| p::neg(&p::mul(t, &p::sin(x)?)?))?,
        Tanh => map(tx, |t| p::mul(t, &tanh_slope(out)?))?,
        Sqrt => map(tx, |t| p::div(t, &p::scale(out, 2.0)?))?,
        Floor => None,
        Add => sum2(tx.clone(), tangents[1].clone())?,
        Sub => sum2(tx.clone(), map(&tangents[1], p::neg)?)?,
        // x·x along one tangent: tx·x + x·tx is one product, doubled (a pass fewer).
        Mul if x.same(&primals[1]) && same_opt(tx, &tangents[1]) => map(tx, |t| {
            let half = p::mul(t, x)?;
            p::add(&half, &half)
        })?,
        Mul => sum2(
            map(tx, |t| p::mul(t, &primals[1]))?,
            map(&tangents[1], |t| p::mul(x, t))?,
        )?,
        Div if !x.dtype().is_float() => None,
        Div => {
            let num = sum2(tx.clone(), map(&tangents[1], |t| p::neg(&p::mul(out, t)?))?)?;
            map(&num, |n| p::div(n, &primals[1]))?
        }
        Pow => sum2(
            map(tx, |t| p::mul(t, &pow_dx(x, &primals[1])?))?,
            match &tangents[1] {
                Some(t) if x.dtype().is_float() => Some(p::mul(t, &pow_dy(x, out)?)?),
                _ => None,
            },
        )?,
        Max | Min => {
            let w = choose_weight(prim, x, &primals[1])?;
            sum2(
                map(tx, |t| p::mul(t, &w))?,
                map(&tangents[1], |t| p::mul(t, &one_minus(&w)?))?,
            )?
        }
        Compare(_) => None,
        Where => Some(p::select(x, &t(1)?, &t(2)?)?),
        Cast(d) if truncates(x, *d) => None,
        Cast(d) => map(tx, |t| p::cast(t, *d))?,
        ReduceSum { axes } => map(tx, |t| p::reduce_sum(t, axes))?,
        ReduceMax { axes } => {
            let (mask, count) = max_mask(x, out, axes)?;
            map(tx, |t| {
                p::div(&p::reduce_sum(&p::mul(t, &mask)?, axes)?, &count)
            })?
        }
        ArgMax { .. } => None,
        Cumsum { axis } => map(tx, |t| p::cumsum(t, *axis))?,
        Reshape { shape } => map(tx, |t| p::reshape(t, shape))?,
        Permute { perm } => map(tx, |t| p::permute(t, perm))?,
        BroadcastInDim { shape, dims } => map(tx, |t| p::broadcast_in_dim(t, shape, dims))?,
        Slice {
            starts,
            limits,
            steps,
        } => map(tx, |t| p::slice(t, starts, limits, steps))?,
        Pad { lo, hi, interior } => map(tx, |t| p::pad(t, lo, hi, interior))?,
        Concat { axis } => {
            let ts = (0..primals.len()).map(t).collect::<Result<Vec<_>>>()?;
            Some(p::concat(&ts, *axis)?)
        }
        Rev { axes } => map(tx, |t| p::rev(t, axes))?,
        MatMul => sum2(
            map(tx, |t| p::matmul(t, &primals[1]))?,
            map(&tangents[1], |t| p::matmul(x, t))?,
        )?,
        Gather { axis } => map(tx, |t| p::gather(t, &primals[1], *axis))?,
        ScatterAdd { axis } => Some(p::scatter_add(&t(0)?, &primals[1], &t(2)?, *axis)?),
        StopGradient => None,
        Custom(c) => c.jvp(primals, tangents, out)?,
    })
}

/// Cotangents of `prim`'s inputs (those with `wanted[i]`) given the output cotangent.
pub fn vjp(
    prim: &Prim,
    primals: &[Tensor],
    out: &Tensor,
    ct: &Tensor,
    wanted: &[bool],
) -> Result<Cts> {
    use Prim::*;
    let x = &primals[0];
    let want = |i: usize| wanted.get(i).copied().unwrap_or(false);
    let one = |r: Result<Tensor>| -> Result<Cts> { Ok(smallvec![Some(r?)]) };
    match prim {
        Neg => one(p::neg(ct)),
        Exp => one(p::mul(ct, out)),
        Log => one(p::div(ct, x)),
        Sin => one(p::mul(ct, &p::cos(x)?)),
        Cos => one(p::neg(&p::mul(ct, &p::sin(x)?)?)),
        Tanh => one(p::mul(ct, &tanh_slope(out)?)),
        Sqrt => one(p::div(ct, &p::scale(out, 2.0)?)),
        Floor => Ok(smallvec![None]),
        Add => Ok(smallvec![
            want(0).then(|| ct.clone()),
            want(1).then(|| ct.clone()),
        ]),
        Sub => Ok(smallvec![
            want(0).then(|| ct.clone()),
            when(want(1), || p::neg(ct))?,
        ]),
        // x·x: both cotangents are ct·x; compute it once (the tape adds the two uses).
        Mul if x.same(&primals[1]) => {
            let g = p::mul(ct, x)?;
            Ok(smallvec![want(0).then(|| g.clone()), want(1).then_some(g)])
        }
        Mul => Ok(smallvec![
            when(want(0), || p::mul(ct, &primals[1]))?,
            when(want(1), || p::mul(x, ct))?,
        ]),
        Div if !x.dtype().is_float() => Ok(smallvec![None, None]),
        Div => {
            // ∂/∂x = ct / y; ∂/∂y = -ct · x / y² = -(ct / y) · out.
            let scaled = p::div(ct, &primals[1])?;
            let ct_y = when(want(1), || p::neg(&p::mul(&scaled, out)?))?;
            Ok(smallvec![want(0).then_some(scaled), ct_y])
        }
        Pow => Ok(smallvec![
            when(want(0), || p::mul(ct, &pow_dx(x, &primals[1])?))?,
            when(want(1) && x.dtype().is_float(), || {
                p::mul(ct, &pow_dy(x, out)?)
            })?,
        ]),
        Max | Min => {
            let w = choose_weight(prim, x, &primals[1])?;
            Ok(smallvec![
                when(want(0), || p::mul(ct, &w))?,
                when(want(1), || p::mul(ct, &one_minus(&w)?))?,
            ])
        }
        Compare(_) => Ok(smallvec![None, None]),
        Where => {
            let zero = p::zeros_like(ct)?;
            Ok(smallvec![
                None,
                when(want(1), || p::select(x, ct, &zero))?,
                when(want(2), || p::select(x, &zero, ct))?,
            ])
        }
        Cast(d) if truncates(x, *d) => Ok(smallvec![None]),
        Cast(_) => one(p::cast(ct, x.dtype())),
        ReduceSum { axes } => one(unreduce(ct, x.dims(), axes)),
        ReduceMax { axes } => {
            let (mask, count) = max_mask(x, out, axes)?;
            let share = p::div(ct, &count)?;
            one(p::mul(&unreduce(&share, x.dims(), axes)?, &mask))
        }
        ArgMax { .. } => Ok(smallvec![None]),
        Cumsum { axis } => one(p::rev(&p::cumsum(&p::rev(ct, &[*axis])?, *axis)?, &[*axis])),
        Reshape { .. } => one(p::reshape(ct, x.dims())),
        Permute { perm } => one(p::permute(ct, &inverse_perm(perm))),
        BroadcastInDim { dims, .. } => one(unbroadcast(ct, x.dims(), dims)),
        Slice { starts, steps, .. } => one(unslice(ct, x.dims(), starts, steps)),
        Pad { lo, interior, .. } => one(unpad(ct, x.dims(), lo, interior)),
        Concat { axis } => unconcat(ct, primals, *axis, wanted).map(Cts::from_vec),
        Rev { axes } => one(p::rev(ct, axes)),
        MatMul => Ok(smallvec![
            when(want(0), || p::matmul(ct, &swap_last(&primals[1])?))?,
            when(want(1), || p::matmul(&swap_last(x)?, ct))?,
        ]),
        Gather { axis } => Ok(smallvec![
            when(want(0), || {
                p::scatter_add(&p::zeros_like(x)?, &primals[1], ct, *axis)
            })?,
            None,
        ]),
        ScatterAdd { axis } => Ok(smallvec![
            want(0).then(|| ct.clone()),
            None,
            when(want(2), || p::gather(ct, &primals[1], *axis))?,
        ]),
        StopGradient => Ok(smallvec![None]),
        Custom(c) => Ok(c
            .backward(primals, out, ct)?
            .into_iter()
            .enumerate()
            .map(|(i, g)| want(i).then_some(g))
            .collect()),
    }
}

// ---- helpers -------------------------------------------------------------------------------

fn map(t: &Opt, f: impl FnOnce(&Tensor) -> Result<Tensor>) -> Result<Opt> {
    t.as_ref().map(f).transpose()
}

fn when(cond: bool, f: impl FnOnce() -> Result<Tensor>) -> Result<Opt> {
    if cond {
        f().map(Some)
    } else {
        Ok(None)
    }
}

fn sum2(a: Opt, b: Opt) -> Result<Opt> {
    Ok(match (a, b) {
        (Some(a), Some(b)) => Some(p::add(&a, &b)?),
        (a, None) => a,
        (None, b) => b,
    })
}

/// Both present and the same value (one handle), not merely equal elements.
fn same_opt(a: &Opt, b: &Opt) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.same(b))
}

fn tangent_or_zero(t: &Opt, primal: &Tensor) -> Result<Tensor> {
    match t {
        Some(t) => Ok(t.clone()),
        None => p::zeros_like(primal),
    }
}

/// A float → integer/bool cast is locally constant: no derivative. Every other cast passes the
/// derivative through, converted, as MindSpore does: integer and bool inputs get gradients of their
/// own dtype (reference §6.1), so `sum` of an Int32 tensor (summed as Int64) gives ones as `x * 2`
/// gives twos, and a Bool input of `x * 2` gets `[True, True]`.
fn truncates(x: &Tensor, to: DType) -> bool {
    x.dtype().is_float() && !to.is_float()
}

/// d tanh = 1 - tanh².
fn tanh_slope(out: &Tensor) -> Result<Tensor> {
    one_minus(&p::mul(out, out)?)
}

fn one_minus(w: &Tensor) -> Result<Tensor> {
    p::sub(&p::full_like(w, 1.0)?, w)
}

/// ∂(x^y)/∂x = y · x^(y-1).
fn pow_dx(x: &Tensor, y: &Tensor) -> Result<Tensor> {
    let y_minus_1 = p::sub(y, &p::full_like(y, 1.0)?)?;
    p::mul(y, &p::pow(x, &y_minus_1)?)
}

/// ∂(x^y)/∂y = log(x) · x^y, taken as 0 where x = 0 (the limit for y > 0, as JAX does).
fn pow_dy(x: &Tensor, out: &Tensor) -> Result<Tensor> {
    let zero = p::zeros_like(x)?;
    let is_zero = p::compare(CmpOp::Eq, x, &zero)?;
    let safe_x = p::select(&is_zero, &p::full_like(x, 1.0)?, x)?;
    p::select(&is_zero, &zero, &p::mul(&p::log(&safe_x)?, out)?)
}

/// The share of the derivative `max`/`min` passes to `x`: 1 where x wins, 1/2 on ties, else 0.
/// Integer dtypes give ties to `x` (no halves there).
fn choose_weight(prim: &Prim, x: &Tensor, y: &Tensor) -> Result<Tensor> {
    let wins = if matches!(prim, Prim::Max) {
        CmpOp::Gt
    } else {
        CmpOp::Lt
    };
    let d = x.dtype();
    if !d.is_float() {
        let ge = if matches!(prim, Prim::Max) {
            CmpOp::Ge
        } else {
            CmpOp::Le
        };
        return p::cast(&p::compare(ge, x, y)?, d);
    }
    let win = p::cast(&p::compare(wins, x, y)?, d)?;
    let tie = p::cast(&p::compare(CmpOp::Eq, x, y)?, d)?;
    p::add(&win, &p::scale(&tie, 0.5)?)
}

/// Where `x` attains the reduced max (as 0/1 in x's dtype), and the count of such places per output.
fn max_mask(x: &Tensor, out: &Tensor, axes: &[usize]) -> Result<(Tensor, Tensor)> {
    let out_b = unreduce(out, x.dims(), axes)?;
    let mask = p::cast(&p::compare(CmpOp::Eq, x, &out_b)?, x.dtype())?;
    let count = p::reduce_sum(&mask, axes)?;
    Ok((mask, count))
}

/// Broadcasts a reduced value back over the reduced `axes` of `shape`.
fn unreduce(v: &Tensor, shape: &[usize], axes: &[usize]) -> Result<Tensor> {
    let dims: Vec<usize> = (0..shape.len()).filter(|i| !axes.contains(i)).collect();
    p::broadcast_in_dim(v, shape, &dims)
}

/// Sums a broadcast cotangent back to the input shape.
fn unbroadcast(ct: &Tensor, in_shape: &[usize], dims: &[usize]) -> Result<Tensor> {
    let out_shape = ct.dims();
    let axes: Vec<usize> = (0..out_shape.len())
        .filter(|&a| match dims.iter().position(|&d| d == a) {
            None => true,
            Some(i) => in_shape[i] == 1 && out_shape[a] != 1,
        })
        .collect();
    p::reshape(&p::reduce_sum(ct, &axes)?, in_shape)
}

fn unslice(ct: &Tensor, in_shape: &[usize], starts: &[usize], steps: &[usize]) -> Result<Tensor> {
    let n = ct.dims();
    if n.contains(&0) {
        let zero = Tensor::full_scalar(Scalar::Float(0.0), ct.dtype());
        return p::broadcast_in_dim(&zero, in_shape, &[]);
    }
    let hi: Vec<usize> = (0..n.len())
        .map(|i| in_shape[i] - starts[i] - n[i] - (n[i] - 1) * (steps[i] - 1))
        .collect();
    let interior: Vec<usize> = steps.iter().map(|s| s - 1).collect();
    p::pad(ct, starts, &hi, &interior)
}

fn unpad(ct: &Tensor, in_shape: &[usize], lo: &[usize], interior: &[usize]) -> Result<Tensor> {
    let limits: Vec<usize> = (0..in_shape.len())
        .map(|i| match in_shape[i] {
            0 => lo[i],
            n => lo[i] + (n - 1) * (interior[i] + 1) + 1,
        })
        .collect();
    let steps: Vec<usize> = interior.iter().map(|s| s + 1).collect();
    p::slice(ct, lo, &limits, &steps)
}

fn unconcat(ct: &Tensor, primals: &[Tensor], axis: usize, wanted: &[bool]) -> Result<Vec<Opt>> {
    let nd = ct.ndim();
    let mut start = 0;
    let mut out = Vec::with_capacity(primals.len());
    for (x, &w) in primals.iter().zip(wanted) {
        let len = x.dims()[axis];
        out.push(when(w, || {
            let mut starts = vec![0; nd];
            let mut limits = ct.shape();
            starts[axis] = start;
            limits[axis] = start + len;
            p::slice(ct, &starts, &limits, &vec![1; nd])
        })?);
        start += len;
    }
    Ok(out)
}

fn inverse_perm(perm: &[usize]) -> Vec<usize> {
    let mut inv = vec![0; perm.len()];
    for (i, &q) in perm.iter().enumerate() {
        inv[q] = i;
    }
    inv
}

/// The matrix transpose of the last two axes (a view).
fn swap_last(x: &Tensor) -> Result<Tensor> {
    let nd = x.ndim();
    let mut perm: Vec<usize> = (0..nd).collect();
    perm.swap(nd - 2, nd - 1);
    p::permute(x, &perm)
}

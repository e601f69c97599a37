//! The batching table (`vmap`): for every primitive, how to apply it to a whole batch at once.
//! One exhaustive match in enum order with no catch-all arm, like the derivatives table.
//!
//! Convention: a batched operand carries the batch at axis 0 (`[n, ...example shape]`); an
//! unbatched operand is the same for every example. Every rule returns its output batched at
//! axis 0. Rules are written with `ops::prim` (ordinary `bind`s one level down), so they are
//! themselves differentiable and batchable.

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::interp::bind_ref;
use crate::layout::Dims;
use crate::ops::prim as p;
use crate::prim::Prim;
use crate::rules::shape::{abstract_eval, Aval};
use crate::tensor::Tensor;
use smallvec::SmallVec;

/// Applies `prim` to operands of which those with `batched[i]` carry the batch at axis 0.
pub fn apply(prim: &Prim, vals: &[Tensor], batched: &[bool]) -> Result<Tensor> {
    use Prim::*;
    // The rules index shapes by the primitive's parameters: check them on the per-example
    // shapes first, so a bad call is the primitive's own error, never a bad index here.
    if !matches!(prim, Custom(_)) {
        let avals: SmallVec<[Aval; 3]> = vals
            .iter()
            .zip(batched)
            .map(|(v, &b)| (if b { &v.dims()[1..] } else { v.dims() }, v.dtype()))
            .collect();
        abstract_eval(prim, &avals)?;
    }
    let n = batch_size(vals, batched);
    let x = &vals[0];
    match prim {
        // Elementwise: operate in place; unbatched operands are broadcast along the batch (a view).
        Neg | Exp | Log | Sin | Cos | Tanh | Sqrt | Floor | Cast(_) | StopGradient => {
            bind_ref(prim, &[x])
        }
        Add | Sub | Mul | Div | Pow | Max | Min | Compare(_) | Where => {
            let lifted = lift_all(vals, batched, n)?;
            let refs: SmallVec<[&Tensor; 3]> = lifted.iter().collect();
            bind_ref(prim, &refs)
        }
        ReduceSum { axes } => p::reduce_sum(x, &shift(axes)),
        ReduceMax { axes } => p::reduce_max(x, &shift(axes)),
        ArgMax { axis } => p::argmax(x, axis + 1),
        Cumsum { axis } => p::cumsum(x, axis + 1),
        Reshape { shape } => p::reshape(x, &prepend(n, shape)),
        Permute { perm } => p::permute(x, &prepend(0, &shift(perm))),
        BroadcastInDim { shape, dims } => {
            p::broadcast_in_dim(x, &prepend(n, shape), &prepend(0, &shift(dims)))
        }
        Slice {
            starts,
            limits,
            steps,
        } => p::slice(
            x,
            &prepend(0, starts),
            &prepend(n, limits),
            &prepend(1, steps),
        ),
        Pad { lo, hi, interior } => {
            p::pad(x, &prepend(0, lo), &prepend(0, hi), &prepend(0, interior))
        }
        Concat { axis } => p::concat(&lift_all(vals, batched, n)?, axis + 1),
        Rev { axes } => p::rev(x, &shift(axes)),
        MatMul => matmul(x, &vals[1], batched[0], batched[1]),
        Gather { axis } => gather(x, &vals[1], *axis, batched, n),
        ScatterAdd { axis } => scatter_add(vals, *axis, batched, n),
        Custom(c) => {
            let refs: SmallVec<[&Tensor; 3]> = vals.iter().collect();
            crate::interp::bind(Custom(c.batched(batched)), &refs)
        }
    }
}

/// The batch size: axis 0 of the first batched operand.
fn batch_size(vals: &[Tensor], batched: &[bool]) -> usize {
    vals.iter()
        .zip(batched)
        .find(|(_, b)| **b)
        .map_or(1, |(v, _)| v.dims().first().copied().unwrap_or(1))
}

/// Every operand batched: unbatched ones broadcast along a new axis 0 of size `n`.
fn lift_all(vals: &[Tensor], batched: &[bool], n: usize) -> Result<Vec<Tensor>> {
    vals.iter()
        .zip(batched)
        .map(|(v, &b)| if b { Ok(v.clone()) } else { lift(v, n) })
        .collect()
}

fn lift(v: &Tensor, n: usize) -> Result<Tensor> {
    let shape = prepend(n, v.dims());
    let dims: Dims = (1..shape.len()).collect();
    p::broadcast_in_dim(v, &shape, &dims)
}

/// `axes` each moved one to the right (past the batch axis).
fn shift(axes: &[usize]) -> Dims {
    axes.iter().map(|a| a + 1).collect()
}

fn prepend(first: usize, rest: &[usize]) -> Dims {
    std::iter::once(first).chain(rest.iter().copied()).collect()
}

/// Moves axis `from` of `x` to position `to`, keeping the other axes in order.
fn move_axis(x: &Tensor, from: usize, to: usize) -> Result<Tensor> {
    if from == to {
        return Ok(x.clone());
    }
    let mut perm: Dims = (0..x.ndim()).filter(|&a| a != from).collect();
    perm.insert(to, from);
    p::permute(x, &perm)
}

/// Batched matmul. With both operands batched it is one more batch axis; with one, the batch is
/// folded into the rows of `x` (or the columns of `y`), so the work is one larger product.
fn matmul(x: &Tensor, y: &Tensor, bx: bool, by: bool) -> Result<Tensor> {
    if bx && by {
        return p::matmul(x, y);
    }
    if bx {
        // x: [n, ..., m, k] → [..., n·m, k]
        let r = x.ndim() - 1; // example rank
        let xs = x.dims().to_vec();
        let (n, m) = (xs[0], xs[r - 1]);
        let moved = move_axis(x, 0, r - 2)?;
        let mut folded: Dims = xs[1..r - 1].iter().copied().collect();
        folded.extend([n * m, xs[r]]);
        let out = p::matmul(&p::reshape(&moved, &folded)?, y)?;
        // [..., n·m, cols] → [..., n, m, cols] → [n, ..., m, cols]
        let cols = *out.dims().last().unwrap_or(&1);
        let mut split: Dims = xs[1..r - 1].iter().copied().collect();
        split.extend([n, m, cols]);
        return move_axis(&p::reshape(&out, &split)?, r - 2, 0);
    }
    // y: [n, ..., k, c] → [..., k, n·c]
    let r = y.ndim() - 1;
    let ys = y.dims().to_vec();
    let (n, k, c) = (ys[0], ys[r - 1], ys[r]);
    let moved = move_axis(y, 0, r - 1)?;
    let mut folded: Dims = ys[1..r - 1].iter().copied().collect();
    folded.extend([k, n * c]);
    let out = p::matmul(x, &p::reshape(&moved, &folded)?)?;
    // [..., m, n·c] → [..., m, n, c] → [n, ..., m, c]
    let rows = out.dims()[out.ndim() - 2];
    let mut split: Dims = ys[1..r - 1].iter().copied().collect();
    split.extend([rows, n, c]);
    move_axis(&p::reshape(&out, &split)?, r - 1, 0)
}

/// Batched gather `x[..., idx, ...]` along `axis` (example axes).
fn gather(x: &Tensor, idx: &Tensor, axis: usize, batched: &[bool], n: usize) -> Result<Tensor> {
    match (batched[0], batched[1]) {
        (true, false) => p::gather(x, idx, axis + 1),
        // [pre, n, idx..., post]: the batch comes out where the index axes go.
        (false, true) => move_axis(&p::gather(x, idx, axis)?, axis, 0),
        _ => {
            // Fold the batch into the gathered axis: row b·size + i of the flattened operand is
            // row i of example b.
            let (flat, size) = fold_batch_into_axis(x, axis)?;
            let idx = offset_indices(idx, n, size, "Gather")?;
            let out = p::gather(&flat, &idx, 0)?; // [n, idx..., pre, post]
            let idx_rank = idx.ndim() - 1;
            // Move `pre` (axes after the index axes) in front of the index axes.
            let mut perm: Dims = std::iter::once(0).collect();
            perm.extend((1 + idx_rank..1 + idx_rank + axis).collect::<Dims>());
            perm.extend((1..1 + idx_rank).collect::<Dims>());
            perm.extend((1 + idx_rank + axis..out.ndim()).collect::<Dims>());
            p::permute(&out, &perm)
        }
    }
}

/// Batched scatter-add of `updates` into `operand` at `idx` along `axis` (example axes).
fn scatter_add(vals: &[Tensor], axis: usize, batched: &[bool], n: usize) -> Result<Tensor> {
    let operand = if batched[0] {
        vals[0].clone()
    } else {
        lift(&vals[0], n)?
    };
    let updates = if batched[2] {
        vals[2].clone()
    } else {
        lift(&vals[2], n)?
    };
    if !batched[1] {
        return p::scatter_add(&operand, &vals[1], &updates, axis + 1);
    }
    let (flat, size) = fold_batch_into_axis(&operand, axis)?;
    let idx = offset_indices(&vals[1], n, size, "ScatterAdd")?;
    // updates: [n, pre, idx..., post] → [n, idx..., pre, post]
    let idx_rank = idx.ndim() - 1;
    let mut perm: Dims = std::iter::once(0).collect();
    perm.extend((1 + axis..1 + axis + idx_rank).collect::<Dims>());
    perm.extend((1..1 + axis).collect::<Dims>());
    perm.extend((1 + axis + idx_rank..updates.ndim()).collect::<Dims>());
    let out = p::scatter_add(&flat, &idx, &p::permute(&updates, &perm)?, 0)?;
    // [n·size, pre, post] → [n, size, pre, post] → [n, pre, size, post]
    let mut split: Dims = [n, size].into_iter().collect();
    split.extend(out.dims()[1..].iter().copied());
    move_axis(&p::reshape(&out, &split)?, 1, axis + 1)
}

/// `[n, pre, size, post]` → `[n·size, pre, post]`, and `size`.
fn fold_batch_into_axis(x: &Tensor, axis: usize) -> Result<(Tensor, usize)> {
    let size = x.dims()[axis + 1];
    let moved = move_axis(x, axis + 1, 1)?;
    let mut folded: Dims = std::iter::once(x.dims()[0] * size).collect();
    folded.extend(moved.dims()[2..].iter().copied());
    Ok((p::reshape(&moved, &folded)?, size))
}

/// Batched indices `[n, ...]` into per-example axes of length `size`, shifted by `b·size` for
/// example `b`. Indices are checked first: an out-of-range index must not land in a neighbour.
fn offset_indices(idx: &Tensor, n: usize, size: usize, op: &'static str) -> Result<Tensor> {
    if let Some(&bad) = idx
        .to_vec::<i64>()
        .iter()
        .find(|&&i| i < 0 || i as usize >= size)
    {
        return Err(Error::IndexOutOfBounds {
            op,
            index: bad,
            size,
        });
    }
    let dtype = idx.dtype();
    let offsets: Vec<i64> = (0..n as i64).map(|b| b * size as i64).collect();
    let offsets = p::cast(&Tensor::from_vec(offsets, &[n])?, dtype)?;
    let offsets = p::broadcast_in_dim(&offsets, idx.dims(), &[0])?;
    debug_assert!(matches!(dtype, DType::Int32 | DType::Int64));
    p::add(idx, &offsets)
}

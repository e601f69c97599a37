//! What the entries' rules share: small combinators over optional tangents, constant tensors, and
//! the axis bookkeeping of batching rules. Everything here is written with the primitives'
//! constructors, so it is differentiable like the rules that use it.

use super::{broadcast_in_dim, permute, Cts, Opt};
use crate::dtype::Scalar;
use crate::error::Result;
use crate::layout::Dims;
use crate::tensor::Tensor;
use smallvec::smallvec;

// ---- derivatives ------------------------------------------------------------------------------

/// `f` of a tangent, or zero (`None`) for a zero tangent.
pub(crate) fn map(t: &Opt, f: impl FnOnce(&Tensor) -> Result<Tensor>) -> Result<Opt> {
    t.as_ref().map(f).transpose()
}

/// `f()` when `cond`, else zero (`None`): a cotangent nobody asked for is not computed.
pub(crate) fn when(cond: bool, f: impl FnOnce() -> Result<Tensor>) -> Result<Opt> {
    if cond {
        f().map(Some)
    } else {
        Ok(None)
    }
}

/// The sum of two optional tangents.
pub(crate) fn sum2(a: Opt, b: Opt) -> Result<Opt> {
    Ok(match (a, b) {
        (Some(a), Some(b)) => Some(super::add(&a, &b)?),
        (a, None) => a,
        (None, b) => b,
    })
}

/// One cotangent, for a primitive of one operand.
pub(crate) fn one(r: Result<Tensor>) -> Result<Cts> {
    Ok(smallvec![Some(r?)])
}

/// Zero cotangents for `n` operands.
pub(crate) fn none(n: usize) -> Result<Cts> {
    Ok(smallvec![None; n])
}

/// Operand `i`'s flag in `wanted` (false past its end).
pub(crate) fn wants(wanted: &[bool], i: usize) -> bool {
    wanted.get(i).copied().unwrap_or(false)
}

/// True when every value is concrete (no interpreter traces it): a rule may then run a
/// one-pass gradient kernel instead of its differentiable composition.
pub(crate) fn all_concrete(vals: &[&Tensor]) -> bool {
    vals.iter().all(|t| t.storage_layout().is_some())
}

/// A tangent, with a zero tangent made explicit as zeros of the primal's type.
pub(crate) fn tangent_or_zero(t: &Opt, primal: &Tensor) -> Result<Tensor> {
    match t {
        Some(t) => Ok(t.clone()),
        None => zeros_like(primal),
    }
}

/// A constant of `like`'s dtype and shape (a broadcast 0-D value: no buffer of that size).
pub fn full_like(like: &Tensor, v: impl Into<Scalar>) -> Result<Tensor> {
    let s = Tensor::full_scalar(v.into(), like.dtype());
    broadcast_in_dim(&s, like.dims(), &[])
}

/// Zeros of `like`'s dtype and shape.
pub fn zeros_like(like: &Tensor) -> Result<Tensor> {
    full_like(like, 0.0)
}

/// `1 - w`.
pub(crate) fn one_minus(w: &Tensor) -> Result<Tensor> {
    super::sub(&full_like(w, 1.0)?, w)
}

/// Broadcasts a reduced value back over the reduced `axes` of `shape`.
pub(crate) fn unreduce(v: &Tensor, shape: &[usize], axes: &[usize]) -> Result<Tensor> {
    let dims: Vec<usize> = (0..shape.len()).filter(|i| !axes.contains(i)).collect();
    broadcast_in_dim(v, shape, &dims)
}

/// Elements `from..from + len` of the last axis of `packed` (`[..., L]`), reshaped to
/// `[..., shape]`: one factor of a packed decomposition (`Svd`, `Eig`).
pub(crate) fn unpack_piece(
    packed: &Tensor,
    from: usize,
    len: usize,
    shape: &[usize],
) -> Result<Tensor> {
    let d = packed.dims();
    let r = d.len();
    let mut starts = vec![0; r];
    starts[r - 1] = from;
    let mut limits = d.to_vec();
    limits[r - 1] = from + len;
    let p = super::slice(packed, &starts, &limits, &vec![1; r])?;
    super::reshape(&p, &[&d[..r - 1], shape].concat())
}

/// The matrix transpose of the last two axes (a view).
pub(crate) fn swap_last(x: &Tensor) -> Result<Tensor> {
    let nd = x.ndim();
    let mut perm: Vec<usize> = (0..nd).collect();
    perm.swap(nd - 2, nd - 1);
    permute(x, &perm)
}

// ---- batching ---------------------------------------------------------------------------------

/// Every operand batched: unbatched ones broadcast along a new axis 0 of size `n`.
pub(crate) fn lift_all(vals: &[Tensor], batched: &[bool], n: usize) -> Result<Vec<Tensor>> {
    vals.iter()
        .zip(batched)
        .map(|(v, &b)| if b { Ok(v.clone()) } else { lift(v, n) })
        .collect()
}

/// `v` broadcast along a new axis 0 of size `n` (a view).
pub(crate) fn lift(v: &Tensor, n: usize) -> Result<Tensor> {
    let shape = prepend(n, v.dims());
    let dims: Dims = (1..shape.len()).collect();
    broadcast_in_dim(v, &shape, &dims)
}

/// `axes` each moved one to the right (past the batch axis).
pub(crate) fn shift(axes: &[usize]) -> Dims {
    axes.iter().map(|a| a + 1).collect()
}

/// `first` followed by `rest`.
pub(crate) fn prepend(first: usize, rest: &[usize]) -> Dims {
    std::iter::once(first).chain(rest.iter().copied()).collect()
}

/// Moves axis `from` of `x` to position `to`, keeping the other axes in order.
pub(crate) fn move_axis(x: &Tensor, from: usize, to: usize) -> Result<Tensor> {
    if from == to {
        return Ok(x.clone());
    }
    let mut perm: Dims = (0..x.ndim()).filter(|&a| a != from).collect();
    perm.insert(to, from);
    permute(x, &perm)
}

/// `Re(z) + 0i` in `z`'s complex dtype (a cast to the real dtype and back).
pub(crate) fn real_part(z: &Tensor) -> Result<Tensor> {
    super::cast(&super::cast(z, z.dtype().real())?, z.dtype())
}

//! Sorting: [`sort`], [`topk`] and [`gather_elements`] (NumPy's `take_along_axis`), over the
//! `ArgSort` primitive (the stable sorting permutation of the last axis) and indexing. The values
//! are gathered from the input, so they are differentiable (the gradient goes back to the
//! positions they came from); the indices are Int32, as MindSpore's.

use super::{normalize_axis, prim, reshape, swapaxes, Index};
use crate::dtype::{DType, Kind};
use crate::error::{Error, Result};
use crate::tensor::Tensor;

/// `f` applied with `axis` moved last (a view), its outputs moved back.
fn along_last(
    x: &Tensor,
    axis: usize,
    f: impl FnOnce(&Tensor) -> Result<(Tensor, Tensor)>,
) -> Result<(Tensor, Tensor)> {
    let last = x.ndim().saturating_sub(1);
    if axis == last {
        return f(x);
    }
    let (v, i) = f(&swapaxes(x, axis as i64, last as i64)?)?;
    Ok((
        swapaxes(&v, axis as i64, last as i64)?,
        swapaxes(&i, axis as i64, last as i64)?,
    ))
}

/// A 0-D operand sorts as one element (as NumPy and MindSpore: itself, index 0).
fn at_least_1d(x: &Tensor) -> Result<Tensor> {
    if x.ndim() == 0 {
        prim::reshape(x, &[1])
    } else {
        Ok(x.clone())
    }
}

/// The values of `x` along `axis` in ascending (or `descending`) order, and the Int32 indices
/// they came from. The sort is stable (equal elements keep their order) and NaN sorts as the
/// largest value (last, or first when descending).
///
/// ```
/// use easy_mindspore as ems;
/// let x = ems::Tensor::new([3.0f32, 1.0, 2.0])?;
/// let (v, i) = ems::sort(&x, -1, false)?;
/// assert_eq!(v.to_vec::<f32>(), vec![1.0, 2.0, 3.0]);
/// assert_eq!(i.to_vec::<i32>(), vec![1, 2, 0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn sort(x: &Tensor, axis: i64, descending: bool) -> Result<(Tensor, Tensor)> {
    let shape = x.dims().to_vec();
    let y = at_least_1d(x)?;
    let axis = normalize_axis("Sort", axis, y.dims())?;
    let (v, i) = along_last(&y, axis, |t| {
        let i = prim::argsort(t, descending)?;
        let last = t.ndim() as i64 - 1;
        Ok((gather_elements(t, last, &i)?, i))
    })?;
    let shape: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
    Ok((reshape(&v, &shape)?, reshape(&i, &shape)?))
}

/// The `k` largest (or, with `largest = false`, smallest) elements of `x` along `axis` and
/// their Int32 indices, in that order (MindSpore's `sorted=True`; ties keep index order, NaN is
/// the largest). `k` must be in `[0, x.shape[axis]]`.
pub fn topk(x: &Tensor, k: i64, axis: i64, largest: bool) -> Result<(Tensor, Tensor)> {
    let y = at_least_1d(x)?;
    let axis = normalize_axis("TopK", axis, y.dims())?;
    let n = y.dims()[axis];
    if k < 0 || k as u64 > n as u64 {
        return Err(Error::invalid(
            "TopK",
            format!(
                "'k' must be in [0, {n}] (the size of axis {axis} of shape {:?}), but got {k}",
                x.dims()
            ),
        ));
    }
    let (v, i) = along_last(&y, axis, |t| {
        let i = prim::argsort(t, largest)?;
        let mut idx: Vec<Index> = vec![Index::full(); t.ndim()];
        idx[t.ndim() - 1] = Index::range(0, k);
        let i = super::index(&i, &idx)?;
        let last = t.ndim() as i64 - 1;
        Ok((gather_elements(t, last, &i)?, i))
    })?;
    if x.ndim() == 0 {
        return Ok((reshape(&v, &[])?, reshape(&i, &[])?));
    }
    Ok((v, i))
}

/// `out[i][j][k] = x[i][index[i][j][k]][k]` for `axis = 1` (MindSpore's `gather_elements`,
/// NumPy's `take_along_axis`): `index` has `x`'s rank, integer elements in
/// `[-x.shape[axis], x.shape[axis])`, and along every other axis at most `x`'s size; the output has
/// `index`'s shape. Differentiable in `x` (the gradient adds back at the gathered positions).
pub fn gather_elements(x: &Tensor, axis: i64, index: &Tensor) -> Result<Tensor> {
    if index.dtype().kind() != Kind::Int {
        return Err(Error::UnsupportedDType {
            op: "GatherElements",
            dtype: index.dtype(),
            expected: "an integer index (Int32 or Int64)",
        });
    }
    let (xs, is) = (x.dims(), index.dims());
    let axis = normalize_axis("GatherElements", axis, xs)?;
    if xs.len() != is.len() || (0..xs.len()).any(|d| d != axis && is[d] > xs[d]) {
        return Err(Error::invalid(
            "GatherElements",
            format!(
                "the index must have the input's rank and at most its size on every axis but \
                 {axis}, but got input shape {xs:?} and index shape {is:?}"
            ),
        ));
    }
    let nd = xs.len();
    let mut idx = Vec::with_capacity(nd);
    for (d, &n) in is.iter().enumerate() {
        if d == axis {
            idx.push(Index::Tensor(index.clone()));
            continue;
        }
        let mut shape = vec![1i64; nd];
        shape[d] = n as i64;
        let r = super::arange_dtype(0i64.into(), (n as i64).into(), 1i64.into(), DType::Int64)?;
        idx.push(Index::Tensor(reshape(&r, &shape)?));
    }
    super::index(x, &idx)
}

impl Tensor {
    /// [`sort`] of this tensor.
    pub fn sort(&self, axis: i64, descending: bool) -> Result<(Tensor, Tensor)> {
        sort(self, axis, descending)
    }

    /// [`topk`] of this tensor along its last axis.
    pub fn topk(&self, k: i64) -> Result<(Tensor, Tensor)> {
        topk(self, k, -1, true)
    }
}

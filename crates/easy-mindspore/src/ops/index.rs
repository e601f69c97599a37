//! Indexing with Python semantics — ints (negative allowed), ranges with steps (negative too),
//! `newaxis`, `...`, and one integer-tensor index per call — and its functional inverse,
//! [`index_put`], which returns a new tensor (differentiable in both the base and the value).
//!
//! Basic indexing is planned once: flip the axes with negative steps, slice with positive steps,
//! then reshape away int-indexed axes and insert new ones. Everything is a view but the gather.

use super::{broadcast_to, prim};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::tensor::Tensor;

/// One entry of an index expression.
#[derive(Clone, Debug)]
pub enum Index {
    /// `x[i]`: one position; the axis is removed.
    Int(i64),
    /// `x[start:stop:step]`, Python's rules (clamped bounds, `None` for defaults, step ≠ 0).
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// `x[None]`: a new axis of size 1.
    NewAxis,
    /// `x[...]`: as many full slices as needed.
    Ellipsis,
    /// `x[idx]` with an integer tensor: positions along the axis (`take`).
    Tensor(Tensor),
}

impl Index {
    /// The full slice `:`.
    pub fn full() -> Index {
        Index::Slice(None, None, None)
    }
    /// `start:stop` with step 1.
    pub fn range(start: i64, stop: i64) -> Index {
        Index::Slice(Some(start), Some(stop), None)
    }
}

impl From<i64> for Index {
    fn from(i: i64) -> Index {
        Index::Int(i)
    }
}
impl From<i32> for Index {
    fn from(i: i32) -> Index {
        Index::Int(i64::from(i))
    }
}
impl From<std::ops::Range<i64>> for Index {
    fn from(r: std::ops::Range<i64>) -> Index {
        Index::range(r.start, r.end)
    }
}
impl From<std::ops::RangeFull> for Index {
    fn from(_: std::ops::RangeFull) -> Index {
        Index::full()
    }
}
impl From<std::ops::RangeFrom<i64>> for Index {
    fn from(r: std::ops::RangeFrom<i64>) -> Index {
        Index::Slice(Some(r.start), None, None)
    }
}
impl From<std::ops::RangeTo<i64>> for Index {
    fn from(r: std::ops::RangeTo<i64>) -> Index {
        Index::Slice(None, Some(r.end), None)
    }
}
impl From<&Tensor> for Index {
    fn from(t: &Tensor) -> Index {
        Index::Tensor(t.clone())
    }
}

/// What basic indexing does to each axis of the input.
struct Plan {
    rev: Vec<usize>,
    starts: Vec<usize>,
    limits: Vec<usize>,
    steps: Vec<usize>,
    /// Shape after the slice, before the final reshape (int axes have size 1).
    sliced: Vec<usize>,
    /// Output shape (with the tensor index's shape in place, if any).
    out: Vec<usize>,
    take: Option<(usize, Tensor)>,
}

/// Python's `slice.indices` for positive or negative steps: (first, count, step).
fn slice_range(
    n: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<(i64, usize, i64)> {
    let n = n as i64;
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(Error::invalid("Index", "slice step cannot be zero"));
    }
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let norm = |v: i64| if v < 0 { v + n } else { v };
    let (start, stop) = if step > 0 {
        (
            start.map_or(0, |s| clamp(norm(s), 0, n)),
            stop.map_or(n, |s| clamp(norm(s), 0, n)),
        )
    } else {
        (
            start.map_or(n - 1, |s| clamp(norm(s), -1, n - 1)),
            stop.map_or(-1, |s| clamp(norm(s), -1, n - 1)),
        )
    };
    // Through the step's magnitude as u64: `-step` overflows for `i64::MIN`.
    let (span, mag) = if step > 0 {
        (stop - start, step.unsigned_abs())
    } else {
        (start - stop, step.unsigned_abs())
    };
    let count = (span.max(0) as u64).div_ceil(mag);
    Ok((start, count as usize, step))
}

fn plan(shape: &[usize], idx: &[Index]) -> Result<Plan> {
    let consumes = |i: &Index| !matches!(i, Index::NewAxis | Index::Ellipsis);
    let used = idx.iter().filter(|i| consumes(i)).count();
    let ellipses = idx.iter().filter(|i| matches!(i, Index::Ellipsis)).count();
    if ellipses > 1 {
        return Err(Error::invalid(
            "Index",
            "an index can only have a single ellipsis ('...')",
        ));
    }
    if used > shape.len() {
        return Err(Error::TooManyIndices {
            ndim: shape.len(),
            got: used,
        });
    }
    let nd = shape.len();
    let mut p = Plan {
        rev: vec![],
        starts: vec![0; nd],
        limits: shape.to_vec(),
        steps: vec![1; nd],
        sliced: shape.to_vec(),
        out: vec![],
        take: None,
    };
    let mut axis = 0;
    let full = Index::full();
    let mut expanded: Vec<&Index> = vec![];
    for i in idx {
        if matches!(i, Index::Ellipsis) {
            expanded.extend(std::iter::repeat_n(&full, nd - used));
        } else {
            expanded.push(i);
        }
    }
    while expanded.iter().filter(|i| consumes(i)).count() < nd {
        expanded.push(&full);
    }
    for i in expanded {
        match i {
            Index::NewAxis => p.out.push(1),
            Index::Int(k) => {
                let n = shape[axis];
                let j = if *k < 0 { k + n as i64 } else { *k };
                if j < 0 || j >= n as i64 {
                    return Err(Error::IndexOutOfBounds {
                        op: "Index",
                        index: *k,
                        size: n,
                    });
                }
                p.starts[axis] = j as usize;
                p.limits[axis] = j as usize + 1;
                p.sliced[axis] = 1;
                axis += 1;
            }
            Index::Slice(a, b, c) => {
                let n = shape[axis];
                let (first, count, step) = slice_range(n, *a, *b, *c)?;
                // In flipped coordinates a negative-step slice is a positive-step one.
                let (first, step) = if step < 0 {
                    p.rev.push(axis);
                    (n as i64 - 1 - first, step.unsigned_abs())
                } else {
                    (first, step.unsigned_abs())
                };
                let step = step as usize;
                let first = if count == 0 { 0 } else { first as usize };
                p.starts[axis] = first;
                p.limits[axis] = if count == 0 {
                    0
                } else {
                    first + (count - 1) * step + 1
                };
                p.steps[axis] = step;
                p.sliced[axis] = count;
                p.out.push(count);
                axis += 1;
            }
            Index::Tensor(t) => {
                if p.take.is_some() {
                    return Err(Error::invalid(
                        "Index",
                        "only one tensor index per expression is supported",
                    ));
                }
                if !matches!(t.dtype(), DType::Int32 | DType::Int64) {
                    return Err(Error::UnsupportedDType {
                        op: "Index",
                        dtype: t.dtype(),
                        expected: "Int32 or Int64 indices",
                    });
                }
                p.take = Some((axis, t.clone()));
                p.out.extend_from_slice(t.dims());
                axis += 1;
            }
            Index::Ellipsis => {}
        }
    }
    Ok(p)
}

/// `x[idx...]`.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::Index;
/// let x = ems::arange(0.0, 12.0, 1.0)?.reshape(&[3, 4])?;
/// let row = ems::index(&x, &[Index::Int(-1)])?;             // x[-1]
/// assert_eq!(row.to_vec::<f32>(), vec![8.0, 9.0, 10.0, 11.0]);
/// let col = ems::index(&x, &[Index::full(), Index::Slice(None, None, Some(-2))])?; // x[:, ::-2]
/// assert_eq!(col.to_vec::<f32>(), vec![3.0, 1.0, 7.0, 5.0, 11.0, 9.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn index(x: &Tensor, idx: &[Index]) -> Result<Tensor> {
    let p = plan(x.dims(), idx)?;
    let v = prim::rev(x, &p.rev)?;
    let mut v = prim::slice(&v, &p.starts, &p.limits, &p.steps)?;
    if let Some((axis, t)) = &p.take {
        let n = v.dims()[*axis] as i64;
        // Negative positions count from the end, as in NumPy.
        let t = prim::cast(t, DType::Int64)?;
        let wrapped = super::where_(super::less(&t, 0)?, super::add(&t, n)?, &t)?;
        v = prim::gather(&v, &wrapped, *axis)?;
    }
    prim::reshape(&v, &p.out)
}

/// A copy of `x` with `x[idx...] = value` (value broadcast to the indexed shape and cast to `x`'s
/// dtype). Differentiable in `x` (zero where overwritten) and in `value`.
pub fn index_put(x: &Tensor, idx: &[Index], value: &Tensor) -> Result<Tensor> {
    let p = plan(x.dims(), idx)?;
    if p.take.is_some() {
        return Err(Error::invalid(
            "IndexPut",
            "assignment through a tensor index is not supported yet",
        ));
    }
    let v = prim::cast(value, x.dtype())?;
    let v = prim::reshape(&broadcast_to(&v, &p.out)?, &p.sliced)?;
    let nd = x.ndim();
    let hi: Vec<usize> = (0..nd)
        .map(|i| x.dims()[i] - p.limits[i].max(p.starts[i]))
        .collect();
    let interior: Vec<usize> = p.steps.iter().map(|s| s - 1).collect();
    let place = |t: &Tensor| -> Result<Tensor> {
        if p.sliced.contains(&0) {
            return prim::zeros_like(x).and_then(|z| prim::cast(&z, t.dtype()));
        }
        prim::rev(&prim::pad(t, &p.starts, &hi, &interior)?, &p.rev)
    };
    let ones = prim::broadcast_in_dim(
        &Tensor::full_scalar(true.into(), DType::Bool),
        &p.sliced,
        &[],
    )?;
    let mask = place(&ones)?;
    prim::select(&mask, &place(&v)?, x)
}

impl Tensor {
    /// `self[idx...]`; see [`index`].
    pub fn index(&self, idx: &[Index]) -> Result<Tensor> {
        index(self, idx)
    }
    /// `self[i]` along the first axis.
    pub fn get(&self, i: i64) -> Result<Tensor> {
        index(self, &[Index::Int(i)])
    }
}

//! Shape manipulation: reshape (with one `-1`), transpose/permute/swapaxes, expand_dims, squeeze,
//! flatten, flip, and joining/splitting (concat with promotion, stack, split). Shapes made here
//! have at most [`crate::layout::MAX_NDIM`] axes, and sizes from the caller go through checked
//! arithmetic.

use super::{normalize_axis, prim};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::tensor::{check_ndim, Tensor};

/// `x` with a new shape of the same size; one entry may be `-1` (inferred).
pub fn reshape(x: &Tensor, shape: &[i64]) -> Result<Tensor> {
    let n = x.numel();
    let bad = || Error::InvalidReshape {
        from: x.shape(),
        to: shape.to_vec(),
        size: n,
    };
    let unknown: Vec<usize> = (0..shape.len()).filter(|&i| shape[i] == -1).collect();
    if unknown.len() > 1 || shape.iter().any(|&d| d < -1) {
        return Err(bad());
    }
    // Checked: a target like [2^32, 2^32] overflows the product.
    let known = shape
        .iter()
        .filter(|&&d| d >= 0)
        .try_fold(1usize, |acc, &d| acc.checked_mul(d as usize))
        .ok_or_else(bad)?;
    let mut out: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
    if let Some(&u) = unknown.first() {
        if known == 0 || !n.is_multiple_of(known) {
            return Err(bad());
        }
        out[u] = n / known;
    }
    if unknown.is_empty() && known != n {
        return Err(bad());
    }
    check_ndim("Reshape", &out)?;
    prim::reshape(x, &out)
}

/// Axes permuted (`None` reverses them, as NumPy's `transpose`).
pub fn transpose(x: &Tensor, axes: Option<&[i64]>) -> Result<Tensor> {
    let nd = x.ndim();
    let perm: Vec<usize> = match axes {
        None => (0..nd).rev().collect(),
        Some(a) => {
            if a.len() != nd {
                return Err(Error::invalid(
                    "Transpose",
                    format!("axes {a:?} do not match a tensor of shape {:?}", x.dims()),
                ));
            }
            let p = a
                .iter()
                .map(|&i| normalize_axis("Transpose", i, x.dims()))
                .collect::<Result<Vec<_>>>()?;
            let mut seen = vec![false; nd];
            for &i in &p {
                if std::mem::replace(&mut seen[i], true) {
                    return Err(Error::invalid(
                        "Transpose",
                        format!("axes {a:?} repeat an axis"),
                    ));
                }
            }
            p
        }
    };
    prim::permute(x, &perm)
}

/// Two axes exchanged.
pub fn swapaxes(x: &Tensor, a: i64, b: i64) -> Result<Tensor> {
    let (a, b) = (
        normalize_axis("SwapAxes", a, x.dims())?,
        normalize_axis("SwapAxes", b, x.dims())?,
    );
    let mut perm: Vec<usize> = (0..x.ndim()).collect();
    if perm.is_empty() {
        // A 0-D tensor accepts axes 0 and -1 (as every axis argument here) and has nothing to swap.
        return Ok(x.clone());
    }
    perm.swap(a, b);
    prim::permute(x, &perm)
}

/// A new axis of size 1 at `axis` (in `[-ndim-1, ndim]`).
pub fn expand_dims(x: &Tensor, axis: i64) -> Result<Tensor> {
    let nd = x.ndim() as i64;
    if axis < -nd - 1 || axis > nd {
        return Err(Error::AxisOutOfRange {
            op: "ExpandDims",
            axis,
            lo: -nd - 1,
            hi: nd + 1,
            shape: x.shape(),
        });
    }
    let a = if axis < 0 { axis + nd + 1 } else { axis } as usize;
    let mut s = x.shape();
    s.insert(a, 1);
    check_ndim("ExpandDims", &s)?;
    prim::reshape(x, &s)
}

/// Size-1 axes removed: all of them for `None`, else those listed. A listed axis whose size is
/// not 1 stays, as MindSpore 2.10 (and PyTorch) squeeze; an axis out of range is an error.
pub fn squeeze(x: &Tensor, axes: Option<&[i64]>) -> Result<Tensor> {
    let s = x.dims();
    let drop: Vec<usize> = match axes {
        None => (0..s.len()).filter(|&i| s[i] == 1).collect(),
        Some(a) => {
            let mut v = vec![];
            for &i in a {
                let i = normalize_axis("Squeeze", i, s)?;
                if i < s.len() && s[i] == 1 {
                    v.push(i);
                }
            }
            v
        }
    };
    let out: Vec<usize> = (0..s.len())
        .filter(|i| !drop.contains(i))
        .map(|i| s[i])
        .collect();
    prim::reshape(x, &out)
}

/// Axes `start..=end` merged into one (a 0-D tensor becomes 1-D).
pub fn flatten_range(x: &Tensor, start: i64, end: i64) -> Result<Tensor> {
    if x.ndim() == 0 {
        return prim::reshape(x, &[1]);
    }
    let (s, e) = (
        normalize_axis("Flatten", start, x.dims())?,
        normalize_axis("Flatten", end, x.dims())?,
    );
    if s > e {
        return Err(Error::invalid(
            "Flatten",
            format!("start_dim {start} is after end_dim {end}"),
        ));
    }
    let d = x.dims();
    let out: Vec<usize> = [&d[..s], &[d[s..=e].iter().product()], &d[e + 1..]].concat();
    prim::reshape(x, &out)
}

/// All axes merged into one.
pub fn flatten(x: &Tensor) -> Result<Tensor> {
    flatten_range(x, 0, -1)
}

/// The listed axes reversed (a view).
pub fn flip(x: &Tensor, axes: &[i64]) -> Result<Tensor> {
    let a = super::normalize_axes("Flip", Some(axes), x.dims())?;
    prim::rev(x, &a)
}

/// Joins tensors along an existing axis; dtypes promote (`int32 ++ float32` is Float32).
pub fn concat(xs: &[Tensor], axis: i64) -> Result<Tensor> {
    let first = xs
        .first()
        .ok_or_else(|| Error::invalid("Concat", "needs at least one tensor"))?;
    let d = xs
        .iter()
        .map(Tensor::dtype)
        .fold(DType::Bool, DType::promote);
    let a = normalize_axis("Concat", axis, first.dims())?;
    let cast = xs
        .iter()
        .map(|x| prim::cast(x, d))
        .collect::<Result<Vec<_>>>()?;
    prim::concat(&cast, a)
}

/// Joins equally-shaped tensors along a new axis.
pub fn stack(xs: &[Tensor], axis: i64) -> Result<Tensor> {
    let first = xs
        .first()
        .ok_or_else(|| Error::invalid("Stack", "needs at least one tensor"))?;
    let nd = first.ndim() as i64;
    if axis < -nd - 1 || axis > nd {
        return Err(Error::AxisOutOfRange {
            op: "Stack",
            axis,
            lo: -nd - 1,
            hi: nd + 1,
            shape: first.shape(),
        });
    }
    for x in xs {
        if x.dims() != first.dims() {
            return Err(Error::ShapeMismatch {
                op: "Stack",
                lhs: first.shape(),
                rhs: x.shape(),
            });
        }
    }
    let expanded = xs
        .iter()
        .map(|x| expand_dims(x, axis))
        .collect::<Result<Vec<_>>>()?;
    concat(&expanded, axis)
}

/// How [`split`] divides an axis.
#[derive(Clone, Debug, PartialEq)]
pub enum Split {
    /// Into this many equal parts (the axis must divide evenly; an empty axis gives one empty
    /// part). NumPy's and `mindspore.numpy.split`'s int.
    Sections(usize),
    /// At these indices (`[2, 5]` gives `..2`, `2..5`, `5..`), which must not decrease once
    /// negative ones count from the end and all are clamped to the axis. NumPy's list.
    Indices(Vec<i64>),
    /// Into parts of this size, the last one shorter (an empty axis gives one empty part).
    /// MindSpore's `ops.split` with an int.
    Size(usize),
    /// Into parts of these sizes, which must add up to the axis. MindSpore's `ops.split` with a
    /// list.
    Sizes(Vec<usize>),
}

/// The bounds `[0, b1, ..., n]` of the parts of an axis of size `n`.
fn split_bounds(how: Split, n: usize, a: usize, shape: &[usize]) -> Result<Vec<usize>> {
    let err = |msg: String| Error::invalid("Split", format!("{msg} (axis {a} of shape {shape:?})"));
    Ok(match how {
        Split::Sections(k) => {
            if k == 0 || k > n.max(1) || !n.is_multiple_of(k) {
                return Err(err(format!(
                    "an axis of size {n} cannot be split into {k} equal sections"
                )));
            }
            (0..=k).map(|i| i * (n / k)).collect()
        }
        Split::Indices(idx) => {
            let mut b = vec![0];
            for &i in &idx {
                let i = if i < 0 {
                    i.saturating_add(n as i64).max(0)
                } else {
                    i
                };
                let i = usize::try_from(i).unwrap_or(usize::MAX).min(n);
                if i < *b.last().unwrap_or(&0) {
                    return Err(err(format!(
                        "the split indices {idx:?} must not decrease (as positions in [0, {n}])"
                    )));
                }
                b.push(i);
            }
            b.push(n);
            b
        }
        Split::Size(size) => {
            if size == 0 {
                return Err(err("the size of each part must be more than zero".into()));
            }
            let parts = n.div_ceil(size).max(1);
            (0..parts).map(|i| i * size).chain([n]).collect()
        }
        Split::Sizes(sizes) => {
            let total = sizes.iter().try_fold(0usize, |acc, &s| acc.checked_add(s));
            if sizes.is_empty() || total != Some(n) {
                return Err(err(format!(
                    "the sizes {sizes:?} must add up to the size of the axis, {n}"
                )));
            }
            let mut b = vec![0];
            for s in sizes {
                b.push(b.last().unwrap_or(&0) + s);
            }
            b
        }
    })
}

/// Pieces of `x` along `axis` (views).
pub fn split(x: &Tensor, how: Split, axis: i64) -> Result<Vec<Tensor>> {
    if x.ndim() == 0 {
        return Err(Error::invalid(
            "Split",
            "cannot split a 0-D tensor (it has no axis to split)",
        ));
    }
    let a = normalize_axis("Split", axis, x.dims())?;
    let bounds = split_bounds(how, x.dims()[a], a, x.dims())?;
    bounds
        .windows(2)
        .map(|w| {
            let mut starts = vec![0; x.ndim()];
            let mut limits = x.shape();
            starts[a] = w[0];
            limits[a] = w[1];
            prim::slice(x, &starts, &limits, &vec![1; x.ndim()])
        })
        .collect()
}

impl Tensor {
    /// `reshape`, with one `-1` allowed.
    pub fn reshape(&self, shape: &[i64]) -> Result<Tensor> {
        reshape(self, shape)
    }
    /// Axes reversed (the matrix transpose for 2-D), as MindSpore's `Tensor.T`.
    #[allow(non_snake_case)]
    pub fn T(&self) -> Result<Tensor> {
        transpose(self, None)
    }
    /// Axes permuted.
    pub fn permute(&self, axes: &[i64]) -> Result<Tensor> {
        transpose(self, Some(axes))
    }
    /// Two axes exchanged.
    pub fn swapaxes(&self, a: i64, b: i64) -> Result<Tensor> {
        swapaxes(self, a, b)
    }
    /// A new size-1 axis.
    pub fn expand_dims(&self, axis: i64) -> Result<Tensor> {
        expand_dims(self, axis)
    }
    /// Every size-1 axis removed.
    pub fn squeeze(&self) -> Result<Tensor> {
        squeeze(self, None)
    }
    /// All axes merged into one.
    pub fn flatten(&self) -> Result<Tensor> {
        flatten(self)
    }
}

//! Indexing with NumPy's semantics — ints (negative allowed), ranges with steps (negative too),
//! `newaxis`, `...`, integer tensors and boolean masks (advanced indices) — and its functional
//! inverse, [`index_put`], which returns a new tensor (differentiable in both the base and the
//! value).
//!
//! Basic indexing is planned once: flip the axes with negative steps, slice with positive steps,
//! then reshape away int-indexed axes and insert new ones; everything there is a view. Advanced
//! indices (a boolean mask stands for the integer tensors of its true positions; with any of
//! them, the ints are advanced too) keep their axes through that step and are then applied
//! together as one gather: their index tensors broadcast to one shape, which replaces the indexed
//! axes in place when they are adjacent, and goes first otherwise (NumPy's rule).

use super::{broadcast_to, prim};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::tensor::{check_ndim, Tensor};

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
    /// `x[idx]` with an integer tensor: positions along the axis (`take`); with a Bool tensor, a
    /// mask over as many axes as it has dimensions (its true positions, in row-major order).
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

/// One entry of an index expression once the ellipsis is expanded and masks are turned into the
/// positions of their true elements.
enum Entry {
    Int(i64),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    NewAxis,
    /// An integer index tensor (negative positions not yet wrapped); `consumes` is false for the
    /// positions of a 0-D mask, which index a new axis of size 1.
    Adv {
        idx: Tensor,
        consumes: bool,
    },
    /// An ellipsis standing for no axis: it still separates the advanced indices around it
    /// (NumPy then puts their axes first).
    Gap,
}

/// What basic indexing does to each axis of the input, and the advanced indices left to apply.
struct Plan {
    rev: Vec<usize>,
    starts: Vec<usize>,
    limits: Vec<usize>,
    steps: Vec<usize>,
    /// Shape after the slice, before the reshape (int axes have size 1).
    sliced: Vec<usize>,
    /// Shape after the basic step: advanced axes are kept whole (a 0-D mask's axis has size 1).
    out: Vec<usize>,
    /// The advanced indices, in order: the axis of `out` each applies to, and its index tensor.
    adv: Vec<(usize, Tensor)>,
    /// An empty ellipsis lies between two advanced indices (they count as not adjacent).
    separated: bool,
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

/// The positions of a mask's true elements in row-major order: one Int64 tensor of them per axis
/// of the mask (reading the mask: inside `jit` a guard, inside `vmap` an error when it varies).
fn mask_positions(mask: &Tensor) -> Result<Vec<Tensor>> {
    mask.check_readable("a boolean index")?;
    let dims = mask.dims();
    let vals = mask.try_to_vec::<bool>()?;
    let nnz = vals.iter().filter(|&&b| b).count();
    let mut coords: Vec<Vec<i64>> = vec![Vec::with_capacity(nnz); dims.len()];
    for (flat, _) in vals.iter().enumerate().filter(|(_, &b)| b) {
        let mut rest = flat;
        for (a, &d) in dims.iter().enumerate().rev() {
            coords[a].push((rest % d) as i64);
            rest /= d;
        }
    }
    if dims.is_empty() {
        // A 0-D mask indexes a new axis of size 1: position 0 once (true) or never (false).
        return Ok(vec![Tensor::from_vec(vec![0i64; nnz], &[nnz])?]);
    }
    coords
        .into_iter()
        .map(|c| Tensor::from_vec(c, &[nnz]))
        .collect()
}

/// The input axes an index entry covers.
fn covers(i: &Index) -> usize {
    match i {
        Index::Int(_) | Index::Slice(..) => 1,
        Index::Tensor(t) if t.dtype() == DType::Bool => t.ndim(),
        Index::Tensor(_) => 1,
        Index::NewAxis | Index::Ellipsis => 0,
    }
}

/// The entries of `idx` over a tensor of `shape`: the ellipsis (or the end) filled with full
/// slices, masks checked against the axes they cover and turned into positions.
fn expand(shape: &[usize], idx: &[Index]) -> Result<Vec<Entry>> {
    let used: usize = idx.iter().map(covers).sum();
    if idx.iter().filter(|i| matches!(i, Index::Ellipsis)).count() > 1 {
        return Err(Error::InvalidIndex {
            op: "Index",
            msg: "an index can only have a single ellipsis ('...')".into(),
        });
    }
    let nd = shape.len();
    if used > nd {
        return Err(Error::TooManyIndices {
            ndim: nd,
            got: used,
        });
    }
    let full = || Entry::Slice(None, None, None);
    let mut out = Vec::with_capacity(idx.len() + nd);
    let mut axis = 0;
    for i in idx {
        match i {
            Index::Ellipsis => {
                if nd == used {
                    out.push(Entry::Gap);
                }
                out.extend(std::iter::repeat_with(full).take(nd - used));
                axis += nd - used;
            }
            Index::NewAxis => out.push(Entry::NewAxis),
            Index::Int(k) => out.push(Entry::Int(*k)),
            Index::Slice(a, b, c) => out.push(Entry::Slice(*a, *b, *c)),
            Index::Tensor(t) if t.dtype() == DType::Bool => {
                let covered = &shape[axis..axis + t.ndim()];
                if let Some(j) = (0..t.ndim()).find(|&j| t.dims()[j] != covered[j]) {
                    return Err(Error::InvalidIndex {
                        op: "Index",
                        msg: format!(
                            "boolean index did not match indexed tensor along axis {}; size of \
                             axis is {} but size of corresponding boolean axis is {} (tensor \
                             shape {shape:?}, mask shape {:?})",
                            axis + j,
                            covered[j],
                            t.dims()[j],
                            t.dims()
                        ),
                    });
                }
                let consumes = t.ndim() > 0;
                out.extend(
                    mask_positions(t)?
                        .into_iter()
                        .map(|idx| Entry::Adv { idx, consumes }),
                );
            }
            Index::Tensor(t) => {
                if !matches!(t.dtype(), DType::Int32 | DType::Int64) {
                    return Err(Error::UnsupportedDType {
                        op: "Index",
                        dtype: t.dtype(),
                        expected: "Int32 or Int64 indices, or a Bool mask",
                    });
                }
                out.push(Entry::Adv {
                    idx: t.clone(),
                    consumes: true,
                });
            }
        }
        if !matches!(i, Index::Ellipsis) {
            axis += covers(i);
        }
    }
    out.extend(std::iter::repeat_with(full).take(nd - axis));
    Ok(out)
}

fn plan(shape: &[usize], idx: &[Index]) -> Result<Plan> {
    let entries = expand(shape, idx)?;
    // With any advanced index, ints are advanced too (NumPy: `x[0, :, [1, 2]]`).
    let advanced = entries.iter().any(|e| matches!(e, Entry::Adv { .. }));
    let nd = shape.len();
    let mut p = Plan {
        rev: vec![],
        starts: vec![0; nd],
        limits: shape.to_vec(),
        steps: vec![1; nd],
        sliced: shape.to_vec(),
        out: vec![],
        adv: vec![],
        separated: false,
    };
    let mut axis = 0;
    let mut gap = false;
    for e in entries {
        if gap && (matches!(e, Entry::Adv { .. }) || advanced && matches!(e, Entry::Int(_))) {
            p.separated = true;
        }
        match e {
            Entry::Gap => gap = !p.adv.is_empty(),
            Entry::NewAxis => p.out.push(1),
            Entry::Int(k) => {
                let n = shape[axis];
                let j = if k < 0 { k + n as i64 } else { k };
                if j < 0 || j >= n as i64 {
                    return Err(Error::IndexOutOfBounds {
                        op: "Index",
                        index: k,
                        size: n,
                    });
                }
                if advanced {
                    p.adv.push((p.out.len(), Tensor::scalar(j)));
                    p.out.push(n);
                } else {
                    p.starts[axis] = j as usize;
                    p.limits[axis] = j as usize + 1;
                    p.sliced[axis] = 1;
                }
                axis += 1;
            }
            Entry::Slice(a, b, c) => {
                let n = shape[axis];
                let (first, count, step) = slice_range(n, a, b, c)?;
                // In flipped coordinates a negative-step slice is a positive-step one.
                let (first, step) = if step < 0 {
                    p.rev.push(axis);
                    (n as i64 - 1 - first, step.unsigned_abs())
                } else {
                    (first, step.unsigned_abs())
                };
                let step = usize::try_from(step).unwrap_or(usize::MAX);
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
            Entry::Adv { idx, consumes } => {
                p.adv.push((p.out.len(), idx));
                if consumes {
                    p.out.push(shape[axis]);
                    axis += 1;
                } else {
                    p.out.push(1);
                }
            }
        }
    }
    check_ndim("Index", &p.out)?;
    Ok(p)
}

/// The basic step of a plan: flips, a strided slice and a reshape, all views.
fn basic(x: &Tensor, p: &Plan) -> Result<Tensor> {
    let v = prim::rev(x, &p.rev)?;
    let v = prim::slice(&v, &p.starts, &p.limits, &p.steps)?;
    prim::reshape(&v, &p.out)
}

/// Integer positions along an axis of size `n` as Int64, negative ones counted from the end.
fn wrap(t: &Tensor, n: usize) -> Result<Tensor> {
    let t = prim::cast(t, DType::Int64)?;
    super::where_(super::less(&t, 0)?, super::add(&t, n as i64)?, &t)
}

/// Several advanced indices applied together to `v` (the basic step's result): its advanced axes
/// moved to the front and merged into one axis of `rows` rows (`flat`: `[rows, rest...]`), and
/// the row each broadcast index position selects (`linear`, of shape `batch`, Int64; a position
/// out of its axis selects row `rows`, which does not exist, so the gather or scatter using it
/// fails).
struct Merged {
    flat: Tensor,
    linear: Tensor,
    batch: Vec<usize>,
    rest: Vec<usize>,
    /// `v`'s axes in `flat`'s order (the advanced ones first).
    perm: Vec<usize>,
    /// The axis of the result where the index shape goes: the first advanced axis when they
    /// are adjacent, else 0.
    at: usize,
}

fn merge(v: &Tensor, adv: &[(usize, Tensor)], separated: bool) -> Result<Merged> {
    let mut batch: Vec<usize> = vec![];
    for (_, t) in adv {
        batch = super::broadcast_shapes("Index", &batch, t.dims()).map_err(|_| {
            let shapes: Vec<Vec<usize>> = adv.iter().map(|(_, t)| t.shape()).collect();
            Error::InvalidIndex {
                op: "Index",
                msg: format!(
                    "shape mismatch: indexing tensors could not be broadcast together with \
                     shapes {shapes:?}"
                ),
            }
        })?;
    }
    let axes: Vec<usize> = adv.iter().map(|(a, _)| *a).collect();
    let rest_axes: Vec<usize> = (0..v.ndim()).filter(|a| !axes.contains(a)).collect();
    let rest: Vec<usize> = rest_axes.iter().map(|&a| v.dims()[a]).collect();
    check_ndim("Index", &[batch.as_slice(), &rest].concat())?;
    let mut rows = 1usize;
    let mut linear: Option<Tensor> = None;
    let mut bad: Option<Tensor> = None;
    for (axis, t) in adv {
        let n = v.dims()[*axis];
        rows = rows
            .checked_mul(n)
            .ok_or_else(|| Error::invalid("Index", "the indexed axes are too large"))?;
        let t = wrap(&broadcast_to(t, &batch)?, n)?;
        let out_of_range = super::where_(
            super::less(&t, 0)?,
            true,
            super::greater_equal(&t, n as i64)?,
        )?;
        // In range (0 where not), so that the rows below never overflow.
        let t = super::where_(&out_of_range, 0i64, &t)?;
        bad = Some(match bad {
            None => out_of_range,
            Some(b) => super::where_(&b, true, &out_of_range)?,
        });
        linear = Some(match linear {
            None => t,
            Some(l) => super::add(super::mul(&l, n as i64)?, &t)?,
        });
    }
    let (Some(linear), Some(bad)) = (linear, bad) else {
        return Err(Error::invalid("Index", "no advanced index to apply"));
    };
    let linear = super::where_(&bad, rows as i64, &linear)?;
    let adjacent = !separated && axes.windows(2).all(|w| w[1] == w[0] + 1);
    let at = if adjacent { axes[0] } else { 0 };
    let perm: Vec<usize> = axes.iter().chain(&rest_axes).copied().collect();
    let moved = prim::permute(v, &perm)?;
    let flat = prim::reshape(&moved, &[&[rows][..], &rest].concat())?;
    Ok(Merged {
        flat,
        linear,
        batch,
        rest,
        perm,
        at,
    })
}

/// The precise error for a failed gather or scatter through advanced indices: the first index out
/// of its axis, read back (or `e` itself when none is found).
fn out_of_range(v: &Tensor, adv: &[(usize, Tensor)], e: Error) -> Error {
    if !matches!(e, Error::IndexOutOfBounds { .. }) {
        return e;
    }
    for (axis, t) in adv {
        let n = v.dims()[*axis] as i64;
        if let Ok(vals) = t.try_to_vec::<i64>() {
            if let Some(&bad) = vals.iter().find(|&&i| i < -n || i >= n) {
                return Error::IndexOutOfBounds {
                    op: "Index",
                    index: bad,
                    size: n as usize,
                };
            }
        }
    }
    e
}

/// The permutation taking `[batch..., rest...]` to the result's order, with the batch axes at
/// `at`.
fn batch_to(at: usize, nb: usize, nr: usize) -> Vec<usize> {
    (nb..nb + at).chain(0..nb).chain(nb + at..nb + nr).collect()
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
/// let mask = ems::Tensor::new([true, false, true])?;
/// let rows = ems::index(&x, &[Index::Tensor(mask)])?;       // x[[True, False, True]]
/// assert_eq!(rows.shape(), vec![2, 4]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn index(x: &Tensor, idx: &[Index]) -> Result<Tensor> {
    let p = plan(x.dims(), idx)?;
    let v = basic(x, &p)?;
    match p.adv.as_slice() {
        [] => Ok(v),
        [(axis, t)] => {
            check_ndim(
                "Index",
                &[&p.out[..*axis], t.dims(), &p.out[axis + 1..]].concat(),
            )?;
            prim::gather(&v, &wrap(t, v.dims()[*axis])?, *axis)
                .map_err(|e| out_of_range(&v, &p.adv, e))
        }
        adv => {
            let m = merge(&v, adv, p.separated)?;
            let out = prim::gather(&m.flat, &m.linear, 0).map_err(|e| out_of_range(&v, adv, e))?;
            if m.at == 0 {
                return Ok(out);
            }
            prim::permute(&out, &batch_to(m.at, m.batch.len(), m.rest.len()))
        }
    }
}

/// The updates to keep so that each position is written once, by its last update (NumPy's
/// rule): `None` when no position repeats, or inside a trace (where the positions are unknown).
fn last_writes(linear: &Tensor) -> Option<Vec<i64>> {
    if linear.is_traced() {
        return None;
    }
    let pos = linear.try_to_vec_unguarded::<i64>().ok()?;
    let mut seen = std::collections::HashSet::with_capacity(pos.len());
    let mut keep: Vec<i64> = (0..pos.len())
        .rev()
        .filter(|&i| seen.insert(pos[i]))
        .map(|i| i as i64)
        .collect();
    if keep.len() == pos.len() {
        return None;
    }
    keep.reverse();
    Some(keep)
}

/// `v` (the basic step's result) with the positions its advanced indices select set to `value`
/// (broadcast to the shape `v[adv]` has). A position selected more than once gets its last value
/// (as NumPy), or inside a trace the mean of its values (both agree when the values are equal).
fn scatter_into(
    v: &Tensor,
    adv: &[(usize, Tensor)],
    separated: bool,
    value: &Tensor,
) -> Result<Tensor> {
    let m = merge(v, adv, separated)?;
    let (nb, nr) = (m.batch.len(), m.rest.len());
    let result: Vec<usize> = [&m.rest[..m.at], &m.batch, &m.rest[m.at..]].concat();
    let value = broadcast_to(value, &result)?;
    // To `[batch..., rest...]`: the inverse of `batch_to`.
    let fwd = batch_to(m.at, nb, nr);
    let mut inv = vec![0; fwd.len()];
    for (i, &f) in fwd.iter().enumerate() {
        inv[f] = i;
    }
    let count: usize = m.batch.iter().product();
    let value = prim::reshape(
        &prim::permute(&value, &inv)?,
        &[&[count][..], &m.rest].concat(),
    )?;
    let linear = prim::reshape(&m.linear, &[count])?;
    // NumPy keeps the last value written to a repeated position: when the positions are known
    // (outside a trace), the earlier updates of a repeated position are dropped.
    let (linear, value, count) = match last_writes(&linear) {
        Some(keep) => {
            let k = keep.len();
            let keep = Tensor::from_vec(keep, &[k])?;
            (
                prim::gather(&linear, &keep, 0)?,
                prim::gather(&value, &keep, 0)?,
                k,
            )
        }
        None => (linear, value, count),
    };
    // Work in a dtype ScatterAdd accumulates (Bool as Int32).
    let dtype = v.dtype();
    let work = if dtype == DType::Bool {
        DType::Int32
    } else {
        dtype
    };
    let rows = m.flat.dims()[0];
    let flat = prim::cast(&m.flat, work)?;
    let scatter = |zeros: &Tensor, updates: &Tensor| {
        prim::scatter_add(zeros, &linear, updates, 0).map_err(|e| out_of_range(v, adv, e))
    };
    let hits = scatter(&super::zeros(&[rows], work)?, &super::ones(&[count], work)?)?;
    let sums = scatter(&prim::zeros_like(&flat)?, &prim::cast(&value, work)?)?;
    let hits = prim::broadcast_in_dim(&hits, flat.dims(), &[0])?;
    let written = super::greater(&hits, 0)?;
    let mean = prim::div(&sums, &super::maximum(&hits, 1)?)?;
    let flat = prim::cast(&prim::select(&written, &mean, &flat)?, dtype)?;
    // Back to `v`'s shape and axis order.
    let moved: Vec<usize> = m.perm.iter().map(|&a| v.dims()[a]).collect();
    let mut back = vec![0; m.perm.len()];
    for (i, &a) in m.perm.iter().enumerate() {
        back[a] = i;
    }
    prim::permute(&prim::reshape(&flat, &moved)?, &back)
}

/// A copy of `x` with `x[idx...] = value` (value broadcast to the indexed shape and cast to `x`'s
/// dtype). Differentiable in `x` (zero where overwritten) and in `value`. Advanced indices
/// (integer tensors, masks) may repeat a position: it then gets the last of its values (inside
/// a trace, their mean).
pub fn index_put(x: &Tensor, idx: &[Index], value: &Tensor) -> Result<Tensor> {
    let p = plan(x.dims(), idx)?;
    let value = prim::cast(value, x.dtype())?;
    let sub = if p.adv.is_empty() {
        broadcast_to(&value, &p.out)?
    } else {
        scatter_into(&basic(x, &p)?, &p.adv, p.separated, &value)?
    };
    let v = prim::reshape(&sub, &p.sliced)?;
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

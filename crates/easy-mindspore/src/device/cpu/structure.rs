//! Kernels that move elements: zero padding (with interior padding), concatenation, gather along
//! an axis, and its transpose scatter-add. Each writes into a fresh contiguous output through a
//! strided "destination view" of it.

use super::alloc::{self, Alloc, At};
use super::elems;
use super::{pool, CpuBuffer, View};
use crate::dtype::DType;
use crate::dtype::Element;
use crate::dtype::{dispatch, dispatch_compute};
use crate::error::{Error, Result};
use crate::layout::{contiguous_strides, Layout};
use crate::op::Arith;
use std::borrow::Cow;

/// Writes `src` (logical order) into `dst` at the offsets of `view`, a row of the innermost axis
/// at a time (one copy per row when the row is contiguous in `dst`, as it is for `Concat` and
/// for `Pad` without interior padding on the last axis).
fn scatter_into<T: Element>(dst: &mut [T], view: &Layout, src: &[T]) {
    let mut i = 0;
    view.for_each_row(|base, len, stride| {
        let row = &src[i..i + len];
        if stride == 1 {
            dst[base..base + len].copy_from_slice(row);
        } else {
            let mut o = base as isize;
            for &v in row {
                dst[o as usize] = v;
                o += stride;
            }
        }
        i += len;
    });
}

/// The one value of a non-empty view whose strides are all zero (a broadcast scalar).
fn broadcast_scalar<T: Element>(x: View<'_>) -> Option<T> {
    let l = x.layout;
    if l.numel() < 2 || l.strides().iter().any(|&s| s != 0) {
        return None;
    }
    x.buf.slice::<T>()?.get(l.offset()).copied()
}

/// Writes `v` at every element of `view` in `dst`.
fn fill_into<T: Element>(dst: &mut [T], view: &Layout, v: T) {
    view.for_each_row(|base, len, stride| {
        if stride == 1 {
            dst[base..base + len].fill(v);
        } else {
            let mut o = base as isize;
            for _ in 0..len {
                dst[o as usize] = v;
                o += stride;
            }
        }
    });
}

fn dest_view(out_shape: &[usize], shape: &[usize], starts: &[usize], gaps: &[usize]) -> Layout {
    let strides = contiguous_strides(out_shape);
    let offset: isize = starts
        .iter()
        .zip(&strides)
        .map(|(&s, &st)| s as isize * st)
        .sum();
    // An axis of at most one element never steps, and its gap may be any `usize` (the output
    // shape does not grow with it), so it must not enter the stride arithmetic.
    let strides: Vec<isize> = strides
        .iter()
        .zip(gaps)
        .zip(shape)
        .map(|((&st, &g), &n)| if n > 1 { st * (g as isize + 1) } else { st })
        .collect();
    let base = Layout::contiguous(shape);
    base.with_strides(strides, offset.max(0) as usize)
}

#[inline]
pub(super) fn pad(
    x: View<'_>,
    out_shape: &[usize],
    lo: &[usize],
    interior: &[usize],
) -> Alloc<CpuBuffer> {
    fn go<T: Element>(
        x: View<'_>,
        out_shape: &[usize],
        lo: &[usize],
        interior: &[usize],
    ) -> Alloc<CpuBuffer> {
        let n: usize = out_shape.iter().product();
        let mut out = pool::zeros::<T>(n)?;
        let view = dest_view(out_shape, x.layout.shape(), lo, interior);
        scatter_into(&mut out, &view, &elems::<T>(x)?);
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch!(x.dtype(), go(x, out_shape, lo, interior))
}

pub(super) fn concat(
    xs: &[View<'_>],
    out_shape: &[usize],
    axis: usize,
    dtype: DType,
) -> Alloc<CpuBuffer> {
    fn go<T: Element>(xs: &[View<'_>], out_shape: &[usize], axis: usize) -> Alloc<CpuBuffer> {
        let n: usize = out_shape.iter().product();
        // The operands tile the output along `axis` (the primitive's shape rule), so every
        // element is written: a stale pooled buffer will do.
        let mut out = super::pool::take_or_alloc::<T>(n)?;
        let nd = out_shape.len();
        let mut starts = vec![0usize; nd];
        let gaps = vec![0usize; nd];
        for &x in xs {
            let view = dest_view(out_shape, x.layout.shape(), &starts, &gaps);
            match broadcast_scalar::<T>(x) {
                // A broadcast scalar (the zeros between a sweep's cotangent blocks): its region
                // is filled, with no copy of it made and read.
                Some(v) => fill_into(&mut out, &view, v),
                None => scatter_into(&mut out, &view, &elems::<T>(x)?),
            }
            starts[axis] += x.layout.shape()[axis];
        }
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch!(dtype, go(xs, out_shape, axis))
}

/// The index values, checked against the axis size.
fn indices(idx: View<'_>, size: usize, op: &'static str) -> Result<Vec<usize>> {
    fn go<T: Element>(idx: View<'_>, size: usize, op: &'static str) -> Result<Vec<usize>> {
        let raw = elems::<T>(idx).at(op)?;
        let mut out = alloc::with_capacity(raw.len()).at(op)?;
        for &i in raw.iter() {
            let i = i.to_i64();
            if i >= 0 && (i as usize) < size {
                out.push(i as usize);
            } else {
                return Err(Error::IndexOutOfBounds { op, index: i, size });
            }
        }
        Ok(out)
    }
    match idx.dtype() {
        DType::Int32 => go::<i32>(idx, size, op),
        _ => go::<i64>(idx, size, op),
    }
}

/// (outer, axis size, inner) of a shape split at `axis`.
fn split3(shape: &[usize], axis: usize) -> (usize, usize, usize) {
    (
        shape[..axis].iter().product(),
        shape[axis],
        shape[axis + 1..].iter().product(),
    )
}

pub(super) fn gather(x: View<'_>, idx: View<'_>, axis: usize) -> Result<CpuBuffer> {
    fn go<T: Element>(x: View<'_>, idx: &[usize], axis: usize) -> Alloc<CpuBuffer> {
        let (outer, n, inner) = split3(x.layout.shape(), axis);
        let v = elems::<T>(x)?;
        let len = outer
            .checked_mul(idx.len())
            .and_then(|l| l.checked_mul(inner))
            .unwrap_or(usize::MAX);
        let mut out = alloc::with_capacity(len)?;
        for o in 0..outer {
            for &i in idx {
                let start = (o * n + i) * inner;
                out.extend_from_slice(&v[start..start + inner]);
            }
        }
        Ok(CpuBuffer::from_vec(out))
    }
    let idx = indices(idx, x.layout.shape()[axis], "Gather")?;
    dispatch!(x.dtype(), go(x, &idx, axis)).at("Gather")
}

pub(super) fn scatter_add(
    x: View<'_>,
    idx: View<'_>,
    upd: View<'_>,
    axis: usize,
) -> Result<CpuBuffer> {
    fn go<T: Arith>(x: View<'_>, idx: &[usize], upd: View<'_>, axis: usize) -> Alloc<CpuBuffer> {
        let (outer, n, inner) = split3(x.layout.shape(), axis);
        let mut out = match elems::<T>(x)? {
            Cow::Owned(v) => v,
            Cow::Borrowed(s) => alloc::copy(s)?,
        };
        let u = elems::<T>(upd)?;
        let k = idx.len();
        for o in 0..outer {
            for (j, &i) in idx.iter().enumerate() {
                let dst = (o * n + i) * inner;
                let src = (o * k + j) * inner;
                for t in 0..inner {
                    out[dst + t] = out[dst + t].add(u[src + t]);
                }
            }
        }
        Ok(CpuBuffer::from_vec(out))
    }
    let idx = indices(idx, x.layout.shape()[axis], "ScatterAdd")?;
    dispatch_compute!(x.dtype(), go(x, &idx, upd, axis)).at("ScatterAdd")
}

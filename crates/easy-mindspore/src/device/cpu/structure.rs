//! Kernels that move elements: zero padding (with interior padding), concatenation, gather along
//! an axis, and its transpose scatter-add. Each writes into a fresh contiguous output through a
//! strided "destination view" of it.

use super::elems;
use super::{CpuBuffer, View};
use crate::dtype::dispatch;
use crate::dtype::DType;
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::layout::{contiguous_strides, Layout};
use crate::op::Arith;

/// Writes `src` (logical order) into `dst` at the offsets of `view`.
fn scatter_into<T: Element>(dst: &mut [T], view: &Layout, src: &[T]) {
    let mut i = 0;
    view.for_each_offset(|o| {
        dst[o] = src[i];
        i += 1;
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
pub(super) fn pad(x: View<'_>, out_shape: &[usize], lo: &[usize], interior: &[usize]) -> CpuBuffer {
    fn go<T: Element>(
        x: View<'_>,
        out_shape: &[usize],
        lo: &[usize],
        interior: &[usize],
    ) -> CpuBuffer {
        let n: usize = out_shape.iter().product();
        let mut out = vec![T::from_f64(0.0); n];
        let view = dest_view(out_shape, x.layout.shape(), lo, interior);
        scatter_into(&mut out, &view, &elems::<T>(x));
        CpuBuffer::from_vec(out)
    }
    dispatch!(x.dtype(), go(x, out_shape, lo, interior))
}

pub(super) fn concat(xs: &[View<'_>], out_shape: &[usize], axis: usize, dtype: DType) -> CpuBuffer {
    fn go<T: Element>(xs: &[View<'_>], out_shape: &[usize], axis: usize) -> CpuBuffer {
        let n: usize = out_shape.iter().product();
        let mut out = vec![T::from_f64(0.0); n];
        let nd = out_shape.len();
        let mut starts = vec![0usize; nd];
        let gaps = vec![0usize; nd];
        for &x in xs {
            let view = dest_view(out_shape, x.layout.shape(), &starts, &gaps);
            scatter_into(&mut out, &view, &elems::<T>(x));
            starts[axis] += x.layout.shape()[axis];
        }
        CpuBuffer::from_vec(out)
    }
    dispatch!(dtype, go(xs, out_shape, axis))
}

/// The index values, checked against the axis size.
fn indices(idx: View<'_>, size: usize, op: &'static str) -> Result<Vec<usize>> {
    let raw: Vec<i64> = match idx.dtype() {
        DType::Int32 => elems::<i32>(idx).iter().map(|&i| i64::from(i)).collect(),
        _ => elems::<i64>(idx).into_owned(),
    };
    raw.into_iter()
        .map(|i| {
            if i >= 0 && (i as usize) < size {
                Ok(i as usize)
            } else {
                Err(Error::IndexOutOfBounds { op, index: i, size })
            }
        })
        .collect()
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
    fn go<T: Element>(x: View<'_>, idx: &[usize], axis: usize) -> CpuBuffer {
        let (outer, n, inner) = split3(x.layout.shape(), axis);
        let v = elems::<T>(x);
        let mut out = Vec::with_capacity(outer * idx.len() * inner);
        for o in 0..outer {
            for &i in idx {
                let start = (o * n + i) * inner;
                out.extend_from_slice(&v[start..start + inner]);
            }
        }
        CpuBuffer::from_vec(out)
    }
    let idx = indices(idx, x.layout.shape()[axis], "Gather")?;
    Ok(dispatch!(x.dtype(), go(x, &idx, axis)))
}

pub(super) fn scatter_add(
    x: View<'_>,
    idx: View<'_>,
    upd: View<'_>,
    axis: usize,
) -> Result<CpuBuffer> {
    fn go<T: Arith>(x: View<'_>, idx: &[usize], upd: View<'_>, axis: usize) -> CpuBuffer {
        let (outer, n, inner) = split3(x.layout.shape(), axis);
        let mut out = elems::<T>(x).into_owned();
        let u = elems::<T>(upd);
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
        CpuBuffer::from_vec(out)
    }
    let idx = indices(idx, x.layout.shape()[axis], "ScatterAdd")?;
    Ok(dispatch!(x.dtype(), go(x, &idx, upd, axis)))
}

//! The `ArgSort` kernel: the stable sorting permutation of each row of the last axis.

use super::alloc::{self, Alloc};
use super::par::recycle;
use super::{elems, CpuBuffer, View};
use crate::dtype::dispatch_compute;
use crate::op::Arith;
use rayon::prelude::*;
use std::cmp::Ordering;

/// Elements from which rows are sorted on several threads.
const SORT_PAR_MIN: usize = 1 << 15;

/// Ascending order with NaN after every number (NumPy's and MindSpore's place for it).
fn ascending<T: Arith>(a: T, b: T) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

/// For each row of the last axis of `x`, the indices that sort it (stable: equal elements keep
/// their order, in both directions; NaN counts as the largest), as Int32 in `x`'s shape. The
/// last axis must have at most `i32::MAX` elements (checked by the primitive's rule). `x` is of a
/// compute dtype (the device widens storage dtypes first).
pub(super) fn argsort(x: View<'_>, descending: bool) -> Alloc<CpuBuffer> {
    fn go<T: Arith>(x: View<'_>, descending: bool) -> Alloc<CpuBuffer> {
        let run = x.layout.shape().last().copied().unwrap_or(1).max(1);
        let v = elems::<T>(x)?;
        let mut out: Vec<i32> = alloc::with_capacity(v.len())?;
        // Indices fit i32: the rule allows at most i32::MAX elements along the axis.
        out.extend((0..v.len()).map(|i| (i % run) as i32));
        let sort_row = |(row, idx): (&[T], &mut [i32])| {
            let key = |i: &i32| row[*i as usize];
            if descending {
                idx.sort_by(|a, b| ascending(key(b), key(a)));
            } else {
                idx.sort_by(|a, b| ascending(key(a), key(b)));
            }
        };
        if v.len() < SORT_PAR_MIN {
            v.chunks(run).zip(out.chunks_mut(run)).for_each(sort_row);
        } else {
            v.par_chunks(run)
                .zip(out.par_chunks_mut(run))
                .for_each(sort_row);
        }
        recycle(v);
        Ok(CpuBuffer::I32(out))
    }
    dispatch_compute!(x.dtype(), go(x, descending))
}

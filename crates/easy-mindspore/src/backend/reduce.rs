//! Reduction kernels: sum, max, argmax over axes, and cumulative sum. The reduced axes are moved
//! last (a layout permutation), so each output element reduces one run of consecutive logical
//! elements. Float32 sums accumulate in f64 for accuracy.

use super::{dispatch, elems, Arith};
use crate::layout::Layout;
use crate::storage::{Buffer, Element};
use crate::tensor::{Concrete, Tensor};

/// The value with `axes` moved last, and the length of one reduced run.
fn reduced_last(x: &Concrete, axes: &[usize]) -> (Concrete, usize) {
    let nd = x.layout.shape().len();
    let mut perm: Vec<usize> = (0..nd).filter(|i| !axes.contains(i)).collect();
    perm.extend_from_slice(axes);
    let run = axes.iter().map(|&a| x.layout.shape()[a]).product();
    (
        Concrete {
            storage: x.storage.clone(),
            layout: x.layout.permute(&perm),
        },
        run,
    )
}

trait Sum: Element {
    fn sum(s: &[Self]) -> Self;
}

impl Sum for f32 {
    fn sum(s: &[f32]) -> f32 {
        s.iter().map(|&v| f64::from(v)).sum::<f64>() as f32
    }
}
impl Sum for f64 {
    fn sum(s: &[f64]) -> f64 {
        s.iter().sum()
    }
}
impl Sum for i32 {
    fn sum(s: &[i32]) -> i32 {
        s.iter().fold(0i32, |a, &b| a.wrapping_add(b))
    }
}
impl Sum for i64 {
    fn sum(s: &[i64]) -> i64 {
        s.iter().fold(0i64, |a, &b| a.wrapping_add(b))
    }
}
impl Sum for bool {
    fn sum(s: &[bool]) -> bool {
        s.iter().any(|&b| b)
    }
}

pub(crate) fn reduce_sum(x: &Concrete, axes: &[usize]) -> Buffer {
    fn go<T: Sum>(x: &Concrete, axes: &[usize]) -> Buffer {
        let (p, run) = reduced_last(x, axes);
        let kept = p.layout.shape().len() - axes.len();
        let n_out = p.layout.shape()[..kept].iter().product();
        if run == 0 {
            return T::into_buffer(vec![T::from_f64(0.0); n_out]);
        }
        let v = elems::<T>(&p);
        T::into_buffer(v.chunks(run).map(T::sum).collect())
    }
    dispatch!(x.dtype(), go(x, axes))
}

pub(crate) fn reduce_max(x: &Concrete, axes: &[usize]) -> Buffer {
    fn go<T: Arith>(x: &Concrete, axes: &[usize]) -> Buffer {
        let (p, run) = reduced_last(x, axes);
        let v = elems::<T>(&p);
        let out = v
            .chunks(run.max(1))
            .map(|c| {
                c.iter()
                    .copied()
                    .reduce(|a, b| if a.is_nan() || a >= b { a } else { b })
                    .unwrap_or(T::from_f64(0.0))
            })
            .collect();
        T::into_buffer(out)
    }
    dispatch!(x.dtype(), go(x, axes))
}

pub(crate) fn argmax(x: &Concrete, axis: usize) -> Buffer {
    fn go<T: Arith>(x: &Concrete, axis: usize) -> Buffer {
        let (p, run) = reduced_last(x, &[axis]);
        let v = elems::<T>(&p);
        let out = v
            .chunks(run.max(1))
            .map(|c| {
                let mut best = 0usize;
                for (i, &e) in c.iter().enumerate() {
                    let b = c[best];
                    if !b.is_nan() && (e.is_nan() || e > b) {
                        best = i;
                    }
                }
                best as i32
            })
            .collect();
        Buffer::I32(out)
    }
    dispatch!(x.dtype(), go(x, axis))
}

pub(crate) fn cumsum(x: &Concrete, axis: usize) -> Tensor {
    fn go<T: Arith>(x: &Concrete, axis: usize) -> Tensor {
        let (p, run) = reduced_last(x, &[axis]);
        let mut v = elems::<T>(&p).into_owned();
        for row in v.chunks_mut(run.max(1)) {
            let mut acc = T::from_f64(0.0);
            for e in row.iter_mut() {
                acc = acc.add(*e);
                *e = acc;
            }
        }
        // `v` is laid out with `axis` last; view it back in the original axis order.
        let nd = x.layout.shape().len();
        let perm_shape = p.layout.shape().to_vec();
        let inverse: Vec<usize> = (0..nd)
            .map(|i| match i.cmp(&axis) {
                std::cmp::Ordering::Less => i,
                std::cmp::Ordering::Equal => nd - 1,
                std::cmp::Ordering::Greater => i - 1,
            })
            .collect();
        let layout = Layout::contiguous(&perm_shape).permute(&inverse);
        Tensor::from_concrete(crate::storage::Storage::new(T::into_buffer(v)), layout)
    }
    dispatch!(x.dtype(), go(x, axis))
}

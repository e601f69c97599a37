//! The square-matrix kernels ([`LinalgOp`]): each `n × n` matrix of a `[..., n, n]` value is
//! copied into Float64, handed to the op's algorithm (`op::linalg`) and its result rounded back
//! to the input's dtype; batches of matrices are split across threads.

use super::alloc::{self, Alloc};
use super::{elems, CpuBuffer, View};
use crate::dtype::{DType, Element};
use crate::op::LinalgOp;
use rayon::prelude::*;

/// Matrix elements (`n³` multiply-adds per matrix, roughly) from which the batch is split across
/// threads.
const PAR_MIN_WORK: usize = 1 << 16;

/// `op` of every matrix of the Float32 or Float64 view `x` (`[..., n, n]`, checked by the
/// primitive's rule).
pub(super) fn linalg(op: LinalgOp, x: View<'_>) -> Alloc<CpuBuffer> {
    match x.dtype() {
        DType::Float32 => run::<f32>(op, x, f64::from(f32::EPSILON)),
        _ => run::<f64>(op, x, f64::EPSILON),
    }
}

fn run<T: Element>(op: LinalgOp, x: View<'_>, eps: f64) -> Alloc<CpuBuffer> {
    let shape = x.layout.shape();
    let n = shape[shape.len() - 1];
    let mats: usize = shape[..shape.len() - 2].iter().product();
    let each = if op.keeps_matrix() { n * n } else { 1 };
    let v = elems::<T>(x)?;
    let mut out: Vec<T> = alloc::with_capacity(mats * each)?;
    out.resize(mats * each, T::from_f64(0.0));
    // Each matrix is worked on in a Float64 copy and its result written to a second buffer (both
    // allocated fallibly: a matrix may be as large as memory allows).
    let one = |(i, o): (usize, &mut [T])| -> Alloc<()> {
        let mut a: Vec<f64> = alloc::with_capacity(n * n)?;
        a.extend(v[i * n * n..(i + 1) * n * n].iter().map(|e| e.to_f64()));
        let mut r: Vec<f64> = alloc::zeroed(each)?;
        op.apply(&mut a, n, eps, &mut r);
        for (d, s) in o.iter_mut().zip(&r) {
            *d = T::from_f64(*s);
        }
        Ok(())
    };
    if each > 0 {
        if mats > 1 && mats.saturating_mul(n * n * n) >= PAR_MIN_WORK {
            out.par_chunks_mut(each).enumerate().try_for_each(one)?;
        } else {
            out.chunks_mut(each).enumerate().try_for_each(one)?;
        }
    }
    Ok(CpuBuffer::from_vec(out))
}

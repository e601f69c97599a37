//! The matrix kernels ([`LinalgOp`]): each `m × n` matrix of a `[..., m, n]` value is
//! copied into Float64 (Complex128 for complex inputs), handed to the op's algorithm (`op::linalg`) and its result rounded back
//! to the input's dtype; batches of matrices are split across threads.

use super::alloc::{self, Alloc};
use super::{elems, CpuBuffer, View};
use crate::dtype::{DType, Element, C128, C64};
use crate::op::{Field, LinalgOp};
use rayon::prelude::*;

/// Matrix elements (`n³` multiply-adds per matrix, roughly) from which the batch is split across
/// threads.
const PAR_MIN_WORK: usize = 1 << 16;

/// `op` of every matrix of the Float32, Float64, Complex64 or Complex128 view `x`
/// (`[..., m, n]`, checked by the primitive's rule).
pub(super) fn linalg(op: LinalgOp, x: View<'_>) -> Alloc<CpuBuffer> {
    let eps32 = f64::from(f32::EPSILON);
    match x.dtype() {
        DType::Float32 => run::<f32, f64>(op, x, eps32),
        DType::Complex64 => run::<C64, C128>(op, x, eps32),
        DType::Complex128 => run::<C128, C128>(op, x, f64::EPSILON),
        _ => run::<f64, f64>(op, x, f64::EPSILON),
    }
}

fn run<T: Element, W: Field + Send + Sync>(
    op: LinalgOp,
    x: View<'_>,
    eps: f64,
) -> Alloc<CpuBuffer> {
    let shape = x.layout.shape();
    let (m, n) = (shape[shape.len() - 2], shape[shape.len() - 1]);
    let mats: usize = shape[..shape.len() - 2].iter().product();
    let each: usize = op.out_dims(m, n).iter().product();
    let v = elems::<T>(x)?;
    let mut out: Vec<T> = alloc::with_capacity(mats * each)?;
    out.resize(mats * each, T::from_f64(0.0));
    // Each matrix is worked on in a Float64 (Complex128) copy and its result written to a second
    // buffer (both allocated fallibly: a matrix may be as large as memory allows).
    let one = |(i, o): (usize, &mut [T])| -> Alloc<()> {
        let mut a: Vec<W> = alloc::with_capacity(m * n)?;
        a.extend(
            v[i * m * n..(i + 1) * m * n]
                .iter()
                .map(|e| W::from_elem(*e)),
        );
        let mut r: Vec<W> = alloc::with_capacity(each)?;
        r.resize(each, W::ZERO);
        op.apply(&mut a, m, n, eps, &mut r);
        for (d, s) in o.iter_mut().zip(&r) {
            *d = s.to_elem();
        }
        Ok(())
    };
    if each > 0 {
        if mats > 1 && mats.saturating_mul(m * n * n.max(m)) >= PAR_MIN_WORK {
            out.par_chunks_mut(each).enumerate().try_for_each(one)?;
        } else {
            out.chunks_mut(each).enumerate().try_for_each(one)?;
        }
    }
    Ok(CpuBuffer::from_vec(out))
}

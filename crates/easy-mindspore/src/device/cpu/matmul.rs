//! Batched matrix product. Float32 products big enough go to our AVX-512 kernel (`sgemm`) where
//! the CPU has it; other floats go to the `gemm` crate. Both read any strides, so transposed and
//! broadcast views are multiplied without copies. Integers use a plain triple loop.

use super::{CpuBuffer, View};
use crate::dtype::dispatch;
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::op::Arith;

/// Storage offsets of each matrix in the batch of a `[..., r, c]` view.
fn batch_offsets(l: &Layout) -> Vec<usize> {
    let nd = l.shape().len();
    let batch = Layout::from_parts(
        l.shape()[..nd - 2].to_vec(),
        l.strides()[..nd - 2].to_vec(),
        l.offset(),
    );
    let mut v = Vec::new();
    batch.for_each_offset(|o| v.push(o));
    v
}

/// The row and column strides of the last two axes.
fn mat_strides(l: &Layout) -> (isize, isize) {
    let s = l.strides();
    (s[s.len() - 2], s[s.len() - 1])
}

trait Gemm: Arith {
    /// `dst[m×n] = a[m×k] @ b[k×n]`, with `a`/`b` given by base pointers and strides.
    fn gemm(
        m: usize,
        n: usize,
        k: usize,
        dst: &mut [Self],
        a: (&[Self], usize, isize, isize),
        b: (&[Self], usize, isize, isize),
    );
}

fn naive<T: Arith>(
    m: usize,
    n: usize,
    k: usize,
    dst: &mut [T],
    a: (&[T], usize, isize, isize),
    b: (&[T], usize, isize, isize),
) {
    let at =
        |i: usize, p: usize| a.0[(a.1 as isize + i as isize * a.2 + p as isize * a.3) as usize];
    let bt =
        |p: usize, j: usize| b.0[(b.1 as isize + p as isize * b.2 + j as isize * b.3) as usize];
    for i in 0..m {
        for j in 0..n {
            let mut acc = T::from_f64(0.0);
            for p in 0..k {
                acc = acc.add(at(i, p).mul(bt(p, j)));
            }
            dst[i * n + j] = acc;
        }
    }
}

macro_rules! int_gemm {
    ($($t:ty),*) => {$(
        impl Gemm for $t {
            fn gemm(m: usize, n: usize, k: usize, dst: &mut [Self], a: (&[Self], usize, isize, isize), b: (&[Self], usize, isize, isize)) {
                naive(m, n, k, dst, a, b)
            }
        }
    )*};
}
int_gemm!(bool, i32, i64);

/// The `gemm` crate's product (any strides, both float types), with its own threads from 64³
/// multiply-adds.
pub(super) fn crate_gemm<T: Arith + 'static>(
    m: usize,
    n: usize,
    k: usize,
    dst: &mut [T],
    a: (&[T], usize, isize, isize),
    b: (&[T], usize, isize, isize),
) {
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 {
        dst.fill(T::from_f64(0.0));
        return;
    }
    let par = if m * n * k >= 64 * 64 * 64 {
        gemm::Parallelism::Rayon(0)
    } else {
        gemm::Parallelism::None
    };
    // SAFETY: `dst` holds m*n contiguous elements (row stride n, column stride 1); the operand
    // views were checked by abstract evaluation, so every (i, p) and (p, j) offset computed from
    // the base offset and strides lies inside the operand slices.
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            dst.as_mut_ptr(),
            1,
            n as isize,
            false,
            a.0.as_ptr().add(a.1),
            a.3,
            a.2,
            b.0.as_ptr().add(b.1),
            b.3,
            b.2,
            T::from_f64(0.0),
            T::from_f64(1.0),
            false,
            false,
            false,
            par,
        );
    }
}

impl Gemm for f32 {
    fn gemm(
        m: usize,
        n: usize,
        k: usize,
        dst: &mut [Self],
        a: (&[Self], usize, isize, isize),
        b: (&[Self], usize, isize, isize),
    ) {
        #[cfg(target_arch = "x86_64")]
        if super::sgemm::worthwhile(m, n, k, a.2) && super::sgemm::sgemm(m, n, k, dst, a, b) {
            return;
        }
        crate_gemm(m, n, k, dst, a, b)
    }
}

impl Gemm for f64 {
    fn gemm(
        m: usize,
        n: usize,
        k: usize,
        dst: &mut [Self],
        a: (&[Self], usize, isize, isize),
        b: (&[Self], usize, isize, isize),
    ) {
        crate_gemm(m, n, k, dst, a, b)
    }
}

/// True when every element of a `rows × cols` matrix at `off` with strides `(rs, cs)` lies in
/// `0..len` (the float products read their operands through pointers).
fn inside(len: usize, off: usize, rows: usize, cols: usize, (rs, cs): (isize, isize)) -> bool {
    if rows == 0 || cols == 0 {
        return true;
    }
    let span = |n: usize, s: isize| (n as i128 - 1) * s as i128;
    let (r, c) = (span(rows, rs), span(cols, cs));
    let lo = off as i128 + r.min(0) + c.min(0);
    let hi = off as i128 + r.max(0) + c.max(0);
    lo >= 0 && hi < len as i128
}

/// The batched product of two `[..., m, k]` and `[..., k, n]` views (batch axes already
/// broadcast to the output's). An error for an operand whose layout reaches outside its
/// elements (which the engine's values never do).
pub(super) fn matmul(a: View<'_>, b: View<'_>, out_shape: &[usize]) -> Result<CpuBuffer> {
    fn go<T: Gemm>(a: View<'_>, b: View<'_>, out_shape: &[usize]) -> Result<CpuBuffer> {
        let nd = out_shape.len();
        let (m, n) = (out_shape[nd - 2], out_shape[nd - 1]);
        let k = a.layout.shape()[nd - 1];
        let total: usize = out_shape.iter().product();
        let (ad, bd) = (
            a.buf.slice::<T>().unwrap_or(&[]),
            b.buf.slice::<T>().unwrap_or(&[]),
        );
        let (sa, sb) = (mat_strides(a.layout), mat_strides(b.layout));
        let offs: Vec<(usize, usize)> = batch_offsets(a.layout)
            .into_iter()
            .zip(batch_offsets(b.layout))
            .collect();
        if !offs
            .iter()
            .all(|&(ao, bo)| inside(ad.len(), ao, m, k, sa) && inside(bd.len(), bo, k, n, sb))
        {
            return Err(Error::invalid(
                "MatMul",
                "an operand's layout reaches outside its elements",
            ));
        }
        // Every element is written (gemm does not read `dst`), so a stale pooled buffer will do.
        let mut out = super::pool::take_or_alloc::<T>(total);
        for (chunk, &(ao, bo)) in out.chunks_mut((m * n).max(1)).zip(&offs) {
            T::gemm(m, n, k, chunk, (ad, ao, sa.0, sa.1), (bd, bo, sb.0, sb.1));
        }
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch!(a.dtype(), go(a, b, out_shape))
}

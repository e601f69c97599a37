//! Batched matrix product. Float32 products big enough go to our AVX-512 or AVX2 kernel (`sgemm`)
//! where the CPU has one; other floats go to the `gemm` crate. Both read any strides, so transposed and
//! broadcast views are multiplied without copies. Integers use a plain triple loop.
//!
//! Every operand matrix is an [`Operand`], whose constructor checks that each of its elements lies
//! inside its storage (from the shape, strides and offset): the `gemm` crate reads through raw
//! pointers and must never be handed a view that reaches outside, and a layout that would is an
//! error of the op, not undefined behaviour.

use super::alloc::{self, Alloc, At};
use super::{CpuBuffer, View};
use crate::dtype::dispatch_compute;
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::op::Arith;
use rayon::prelude::*;

/// Storage offsets of each matrix in the batch of a `[..., r, c]` view (`nd ≥ 2`).
fn batch_offsets(l: &Layout) -> Alloc<Vec<usize>> {
    let nd = l.shape().len();
    let batch = Layout::from_parts(
        l.shape()[..nd - 2].to_vec(),
        l.strides()[..nd - 2].to_vec(),
        l.offset(),
    );
    // As many as the batch has (at most the output's elements: empty products return early).
    let mut v = alloc::with_capacity(batch.numel())?;
    batch.for_each_offset(|o| v.push(o));
    Ok(v)
}

/// The row and column strides of the last two axes.
fn mat_strides(l: &Layout) -> (isize, isize) {
    let s = l.strides();
    (s[s.len() - 2], s[s.len() - 1])
}

/// One operand matrix of a product: `rows × cols` elements of `data`, element (i, j) at
/// `off + i·rs + j·cs`. Made only by [`Operand::new`], which proves that every element lies in
/// `data`; the products read through it (by index, or by pointer in the `gemm` crate) rely on that.
#[derive(Clone, Copy, Debug)]
pub(super) struct Operand<'a, T> {
    data: &'a [T],
    off: usize,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
}

impl<'a, T: Copy> Operand<'a, T> {
    /// The matrix, or `None` when one of its elements would lie outside `data`.
    pub(super) fn new(
        data: &'a [T],
        off: usize,
        (rows, cols): (usize, usize),
        (rs, cs): (isize, isize),
    ) -> Option<Operand<'a, T>> {
        inside(data.len(), off, rows, cols, (rs, cs)).then_some(Operand {
            data,
            off,
            rows,
            cols,
            rs,
            cs,
        })
    }

    /// Element (i, j), i < rows, j < cols (in range by construction).
    #[inline]
    fn at(&self, i: usize, j: usize) -> T {
        self.data[(self.off as isize + i as isize * self.rs + j as isize * self.cs) as usize]
    }

    /// The view as the `sgemm` kernels take it (which check it again).
    #[cfg(target_arch = "x86_64")]
    fn raw(&self) -> (&'a [T], usize, isize, isize) {
        (self.data, self.off, self.rs, self.cs)
    }
}

/// True when every element of a `rows × cols` matrix at `off` with strides `(rs, cs)` lies in
/// `0..len`. The lowest and highest offsets are reached at corners, so checking those two (in
/// i128, where no product of a size and a stride overflows) proves it for every element.
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

pub(super) trait Gemm: Arith + Send + Sync {
    /// `dst[m×n] = a[m×k] @ b[k×n]` into the first m·n elements of `dst` (row-major); false,
    /// with nothing written, when the operands' sizes or `dst` do not fit the product. With
    /// `parallel` false the product runs on the calling thread alone.
    fn gemm(dst: &mut [Self], a: Operand<'_, Self>, b: Operand<'_, Self>, parallel: bool) -> bool;
}

/// The sizes `(m, n, k)` of the product `a @ b` into `dst`, or `None` when they do not fit.
fn dims<T: Copy>(
    dst: &[T],
    a: &Operand<'_, T>,
    b: &Operand<'_, T>,
) -> Option<(usize, usize, usize)> {
    let (m, k, n) = (a.rows, a.cols, b.cols);
    (b.rows == k && m.checked_mul(n)? <= dst.len()).then_some((m, n, k))
}

/// The triple loop (integers, and Bool as or/and), reading by index.
fn naive<T: Arith>(dst: &mut [T], a: Operand<'_, T>, b: Operand<'_, T>) -> bool {
    let Some((m, n, k)) = dims(dst, &a, &b) else {
        return false;
    };
    for (i, row) in dst[..m * n].chunks_mut(n.max(1)).enumerate() {
        for (j, d) in row.iter_mut().enumerate() {
            let mut acc = T::from_f64(0.0);
            for p in 0..k {
                acc = acc.add(a.at(i, p).mul(b.at(p, j)));
            }
            *d = acc;
        }
    }
    true
}

macro_rules! int_gemm {
    ($($t:ty),*) => {$(
        impl Gemm for $t {
            fn gemm(dst: &mut [Self], a: Operand<'_, Self>, b: Operand<'_, Self>, _: bool) -> bool {
                naive(dst, a, b)
            }
        }
    )*};
}
int_gemm!(bool, i32, i64);

/// The `gemm` crate's product (any strides, both float types), with its own threads from 64³
/// multiply-adds unless `parallel` is false; false, with nothing written, when the operands do not
/// fit the product.
pub(super) fn crate_gemm_on<T: Arith + 'static>(
    dst: &mut [T],
    a: Operand<'_, T>,
    b: Operand<'_, T>,
    parallel: bool,
) -> bool {
    let Some((m, n, k)) = dims(dst, &a, &b) else {
        return false;
    };
    if m == 0 || n == 0 {
        return true;
    }
    if k == 0 {
        dst[..m * n].fill(T::from_f64(0.0));
        return true;
    }
    let par = if parallel && m.saturating_mul(n).saturating_mul(k) >= 64 * 64 * 64 {
        gemm::Parallelism::Rayon(0)
    } else {
        gemm::Parallelism::None
    };
    // SAFETY: `dst` holds at least m·n elements (`dims`), written at row stride n and column
    // stride 1. `a` and `b` are `Operand`s: every element (i, p), i < m, p < k, of `a` and (p, j),
    // p < k, j < n, of `b` lies inside its slice (`Operand::new` checked the corners). With m, n
    // and k nonzero, each base offset is such an element, so the base pointers are in bounds too,
    // and the crate reads no other elements (`read_dst` is false: `dst` is only written).
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            dst.as_mut_ptr(),
            1,
            n as isize,
            false,
            a.data.as_ptr().add(a.off),
            a.cs,
            a.rs,
            b.data.as_ptr().add(b.off),
            b.cs,
            b.rs,
            T::from_f64(0.0),
            T::from_f64(1.0),
            false,
            false,
            false,
            par,
        );
    }
    true
}

impl Gemm for f32 {
    fn gemm(dst: &mut [Self], a: Operand<'_, Self>, b: Operand<'_, Self>, parallel: bool) -> bool {
        #[cfg(target_arch = "x86_64")]
        {
            let (m, n, k) = (a.rows, b.cols, a.cols);
            // `sgemm` checks the views and `dst` itself, and refuses what does not fit.
            if b.rows == k
                && super::sgemm::worthwhile(m, n, k, a.rs)
                && super::sgemm::sgemm_on(m, n, k, dst, a.raw(), b.raw(), parallel)
            {
                return true;
            }
        }
        crate_gemm_on(dst, a, b, parallel)
    }
}

impl Gemm for f64 {
    fn gemm(dst: &mut [Self], a: Operand<'_, Self>, b: Operand<'_, Self>, parallel: bool) -> bool {
        crate_gemm_on(dst, a, b, parallel)
    }
}

/// Multiply-adds of one matrix below which a batch of several runs its matrices in parallel,
/// each on one thread: splitting a small product across threads costs a fork and a join per
/// matrix (a batch of 128 products of 64³ ran at a seventh of PyTorch's rate that way), while
/// larger ones keep their own threading.
const BATCH_PAR_MAX: usize = 256 * 256 * 256;

/// The error for operands whose layouts do not make the product `out_shape`.
#[cold]
fn bad_layout(a: View<'_>, b: View<'_>, out_shape: &[usize]) -> Error {
    Error::invalid(
        "MatMul",
        format!(
            "operand layouts {:?} and {:?} do not fit inside their elements or do not make the \
             product of shape {out_shape:?}",
            a.layout, b.layout
        ),
    )
}

/// The batched product of two `[..., m, k]` and `[..., k, n]` views (batch axes already
/// broadcast to the output's). An error for operands whose shapes do not make `out_shape` or
/// whose layouts reach outside their elements (which the engine's values never do).
pub(super) fn matmul(a: View<'_>, b: View<'_>, out_shape: &[usize]) -> Result<CpuBuffer> {
    fn go<T: Gemm>(a: View<'_>, b: View<'_>, out_shape: &[usize]) -> Result<CpuBuffer> {
        let nd = out_shape.len();
        let (sa, sb) = (a.layout.shape(), b.layout.shape());
        if nd < 2
            || sa.len() != nd
            || sb.len() != nd
            || sa[..nd - 2] != out_shape[..nd - 2]
            || sb[..nd - 2] != out_shape[..nd - 2]
            || sa[nd - 2] != out_shape[nd - 2]
            || sb[nd - 1] != out_shape[nd - 1]
            || sa[nd - 1] != sb[nd - 2]
        {
            return Err(bad_layout(a, b, out_shape));
        }
        let (m, n, k) = (out_shape[nd - 2], out_shape[nd - 1], sa[nd - 1]);
        let total: usize = out_shape.iter().product();
        if total == 0 {
            // Nothing to compute, however large the batch of empty matrices.
            return Ok(CpuBuffer::from_vec(Vec::<T>::new()));
        }
        let (ad, bd) = (
            a.buf.slice::<T>().unwrap_or(&[]),
            b.buf.slice::<T>().unwrap_or(&[]),
        );
        let (ra, rb) = (mat_strides(a.layout), mat_strides(b.layout));
        let (oa, ob) = (
            batch_offsets(a.layout).at("MatMul")?,
            batch_offsets(b.layout).at("MatMul")?,
        );
        let mut pairs = alloc::with_capacity(oa.len()).at("MatMul")?;
        for (&ao, &bo) in oa.iter().zip(&ob) {
            match (
                Operand::new(ad, ao, (m, k), ra),
                Operand::new(bd, bo, (k, n), rb),
            ) {
                (Some(x), Some(y)) => pairs.push((x, y)),
                _ => return Err(bad_layout(a, b, out_shape)),
            }
        }
        // Every element is written (gemm does not read `dst`), so a stale pooled buffer will do.
        let mut out = super::pool::take_or_alloc::<T>(total).at("MatMul")?;
        let work = m.saturating_mul(n).saturating_mul(k);
        let by_matrix = pairs.len() > 1
            && work < BATCH_PAR_MAX
            && work.saturating_mul(pairs.len()) >= super::sgemm::PAR_MIN;
        let ok = if by_matrix {
            out.par_chunks_mut((m * n).max(1))
                .zip(pairs.into_par_iter())
                .all(|(chunk, (x, y))| T::gemm(chunk, x, y, false))
        } else {
            out.chunks_mut((m * n).max(1))
                .zip(pairs)
                .all(|(chunk, (x, y))| T::gemm(chunk, x, y, true))
        };
        if !ok {
            return Err(bad_layout(a, b, out_shape));
        }
        Ok(CpuBuffer::from_vec(out))
    }
    dispatch_compute!(a.dtype(), go(a, b, out_shape))
}

#[cfg(test)]
mod tests {
    use super::super::{storage, view};
    use super::*;
    use crate::device::Concrete;

    #[test]
    fn operands_reaching_outside_their_elements_are_refused() {
        let data = [0.0f64; 12];
        // 2 × 3 at offset 6, row stride 3: the last element is at 6 + 3 + 2 = 11, the last one.
        assert!(Operand::new(&data, 6, (2, 3), (3, 1)).is_some());
        assert!(Operand::new(&data, 7, (2, 3), (3, 1)).is_none());
        // A negative stride reaching below 0, or from an offset past the end.
        assert!(Operand::new(&data, 1, (2, 3), (-3, 1)).is_none());
        assert!(Operand::new(&data, 11, (3, 3), (-3, -1)).is_some());
        assert!(Operand::new(&data, 12, (1, 1), (0, 0)).is_none());
        // Strides whose products overflow `isize` are no way around the check.
        assert!(Operand::new(&data, 0, (3, 1), (isize::MAX, 1)).is_none());
        assert!(Operand::new(&data, 0, (3, 2), (isize::MIN, isize::MAX)).is_none());
        // An empty matrix reads nothing, wherever it is.
        assert!(Operand::new(&data, 1000, (0, 3), (3, 1)).is_some());
    }

    #[test]
    fn the_fallback_refuses_sizes_that_do_not_fit() {
        let data = [1.0f64; 12];
        let a = Operand::new(&data, 0, (2, 3), (3, 1)).expect("a");
        let b = Operand::new(&data, 0, (3, 2), (2, 1)).expect("b");
        let b_wrong = Operand::new(&data, 0, (2, 2), (2, 1)).expect("b");
        let mut dst = [7.0; 4];
        assert!(!crate_gemm_on(&mut dst[..3], a, b, true), "dst too short");
        assert!(
            !crate_gemm_on(&mut dst, a, b_wrong, true),
            "inner sizes differ"
        );
        assert!(!naive(&mut dst[..3], a, b));
        assert_eq!(dst, [7.0; 4], "nothing written");
        assert!(crate_gemm_on(&mut dst, a, b, true));
        assert_eq!(dst, [3.0; 4]);
    }

    /// `out[i, j] = Σ_p a(i, p)·b(p, j)` read through the raw layouts, in f64.
    fn reference(a: &Concrete, b: &Concrete, m: usize, n: usize, k: usize) -> Vec<f64> {
        let at = |c: &Concrete, i: usize, j: usize| {
            let l = &c.layout;
            let s = l.strides();
            let o = l.offset() as isize + i as isize * s[0] + j as isize * s[1];
            let v = c.storage.host_slice::<f64>().expect("f64 host");
            v[o as usize]
        };
        let mut out = Vec::new();
        for i in 0..m {
            for j in 0..n {
                out.push((0..k).map(|p| at(a, i, p) * at(b, p, j)).sum());
            }
        }
        out
    }

    fn strided(len: usize, shape: [usize; 2], strides: [isize; 2], offset: usize) -> Concrete {
        let vals: Vec<f64> = (0..len).map(|i| ((i * 7919) % 23) as f64 - 11.0).collect();
        Concrete {
            storage: storage(vals),
            layout: Layout::from_parts(shape.to_vec(), strides.to_vec(), offset),
        }
    }

    /// Odd strides, offsets, negative and zero strides through the `gemm` crate (Float64), small
    /// and large enough for its threads; integers in the values keep the sums exact.
    #[test]
    fn odd_strides_and_offsets_match_the_reference() {
        for (m, n, k) in [(3, 2, 5), (1, 7, 1), (70, 65, 66)] {
            let ki = k as isize;
            let cases = [
                // Row stride 3k + 1, column stride 3, offset 5.
                (
                    strided(5 + m * (3 * k + 1), [m, k], [3 * ki + 1, 3], 5),
                    strided(2 + k * n * 2 + n, [k, n], [1, 2 * ki + 1], 2),
                ),
                // Reversed rows (negative stride from the end) and a broadcast column.
                (
                    strided(m * k + 4, [m, k], [-ki, 1], (m - 1) * k + 4),
                    strided(k + 1, [k, n], [1, 0], 1),
                ),
                // Both strides negative; a broadcast row.
                (
                    strided(m * k * 2, [m, k], [-2 * ki, -1], m * k * 2 - 1),
                    strided(n + 3, [k, n], [0, 1], 3),
                ),
            ];
            for (a, b) in &cases {
                let got = matmul(view("t", a).expect("a"), view("t", b).expect("b"), &[m, n])
                    .expect("matmul");
                let want = reference(a, b, m, n, k);
                for (e, w) in want.iter().enumerate() {
                    assert_eq!(got.get_f64(e), *w, "{m}x{k}x{n} element {e}");
                }
            }
        }
    }

    /// A batch of small products runs its matrices in parallel, each on one thread (Float32
    /// through `sgemm`, Float64 through the `gemm` crate); every matrix must still be its own
    /// product, with a broadcast operand (batch stride 0) and a transposed one. Small integers
    /// keep the sums exact in both dtypes.
    #[test]
    fn batches_of_small_products_match_each_matrix() {
        let (batch, m, n, k) = (6, 40, 33, 48);
        let a_vals: Vec<f64> = (0..batch * m * k)
            .map(|i| ((i * 31) % 9) as f64 - 4.0)
            .collect();
        let b_vals: Vec<f64> = (0..k * n).map(|i| ((i * 17) % 7) as f64 - 3.0).collect();
        // a: [batch, m, k] row-major; b: one [k, n] matrix broadcast over the batch, read
        // transposed from an [n, k] buffer.
        let a_layout =
            Layout::from_parts(vec![batch, m, k], vec![(m * k) as isize, k as isize, 1], 0);
        let b_layout = Layout::from_parts(vec![batch, k, n], vec![0, 1, k as isize], 0);
        let want: Vec<f64> = (0..batch)
            .flat_map(|q| {
                let (a_vals, b_vals) = (&a_vals, &b_vals);
                (0..m * n).map(move |e| {
                    let (i, j) = (e / n, e % n);
                    (0..k)
                        .map(|p| a_vals[q * m * k + i * k + p] * b_vals[j * k + p])
                        .sum::<f64>()
                })
            })
            .collect();
        for f32_case in [true, false] {
            let (sa, sb) = if f32_case {
                let f = |v: &[f64]| storage(v.iter().map(|&x| x as f32).collect::<Vec<f32>>());
                (f(&a_vals), f(&b_vals))
            } else {
                (storage(a_vals.clone()), storage(b_vals.clone()))
            };
            let a = Concrete {
                storage: sa,
                layout: a_layout.clone(),
            };
            let b = Concrete {
                storage: sb,
                layout: b_layout.clone(),
            };
            let got = matmul(
                view("t", &a).expect("a"),
                view("t", &b).expect("b"),
                &[batch, m, n],
            )
            .expect("matmul");
            for (e, w) in want.iter().enumerate() {
                assert_eq!(got.get_f64(e), *w, "f32 {f32_case}, element {e}");
            }
        }
    }

    #[test]
    fn layouts_reaching_outside_are_an_error() {
        let a = strided(6, [2, 3], [3, 1], 1);
        let b = strided(6, [3, 2], [2, 1], 0);
        let e = matmul(
            view("t", &a).expect("a"),
            view("t", &b).expect("b"),
            &[2, 2],
        );
        assert!(
            matches!(e, Err(Error::InvalidArgument { op: "MatMul", .. })),
            "{e:?}"
        );
        // Shapes that do not make the requested product.
        let a = strided(6, [2, 3], [3, 1], 0);
        let e = matmul(
            view("t", &a).expect("a"),
            view("t", &b).expect("b"),
            &[2, 3],
        );
        assert!(e.is_err());
    }
}

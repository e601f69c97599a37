//! Float32 matrix product on AVX-512, written the BLIS way: the product is cut into blocks of
//! `KC` steps of `k`; each block of `a` is packed once into panels of `MR` rows (shared by the
//! threads), each thread packs the part of `b` it multiplies into panels of `NR` columns (one
//! L2-sized block of `KC × NC` at a time), and a register-blocked micro-kernel multiplies one
//! `MR`-row panel of `a` by one `NR`-column panel of `b` into an `MR × NR` tile of `dst`, keeping
//! the whole sum over the block's `k` steps in 24 zmm registers.
//!
//! Operands are read through any strides (transposed and broadcast views need no copies); the
//! packing routines have fast paths for a unit stride along either axis.
//!
//! Invariant: `dst` is never read before it is written. The first `k` block stores its tile, the
//! later ones add to what the first stored, so the result has `beta = 0` semantics and a stale
//! buffer may be passed in.

use super::simd::{self, Level};
use rayon::prelude::*;
use std::arch::x86_64::*;
use std::cell::RefCell;

/// Rows of a micro-tile: one broadcast element of `a` per row.
const MR: usize = 12;
/// Columns of a micro-tile: two zmm vectors of 16 lanes.
const NR: usize = 32;
/// Steps of `k` per block: a packed `a` panel (`MR × KC`, 18 KiB) stays in L1 while the kernel
/// sweeps the `b` block.
const KC: usize = 384;
/// Columns of `b` a thread packs at once: `KC × NC` floats (576 KiB) stay in its L2.
const NC: usize = 384;
/// Rows of `a` packed at once (shared by the threads): `MC × KC` floats, 2.3 MiB, in L3.
const MC: usize = 1536;
/// Multiply-adds (`m·n·k`) from which the product is split across threads: below, waking the
/// pool costs more than the second core gives back.
const PAR_MIN: usize = 64 * 64 * 64;

/// An operand view as `matmul` hands it over: the storage, the offset of element (0, 0), and the
/// row and column strides.
pub(crate) type View<'a> = (&'a [f32], usize, isize, isize);

/// True when this CPU runs the AVX-512 kernel (and `EASY_MINDSPORE_SIMD` does not cap it lower).
pub(crate) fn available() -> bool {
    simd::level() == Level::Avx512
}

/// `dst[m×n] = a[m×k] @ b[k×n]`, `dst` row-major and contiguous. Returns false, with `dst` left as
/// it was, when the kernel cannot run: no AVX-512, or a view reaching outside its slice.
pub(crate) fn sgemm(m: usize, n: usize, k: usize, dst: &mut [f32], a: View, b: View) -> bool {
    let Some(mn) = m.checked_mul(n) else {
        return false;
    };
    if !available() || dst.len() < mn || !fits(a, m, k) || !fits(b, k, n) {
        return false;
    }
    if mn == 0 {
        return true;
    }
    if k == 0 {
        dst[..mn].fill(0.0);
        return true;
    }
    let threads = if mn.saturating_mul(k) >= PAR_MIN {
        rayon::current_num_threads().max(1)
    } else {
        1
    };
    // SAFETY: `fits` checked that every element (i, p) of `a` with i < m, p < k and (p, j) of `b`
    // with p < k, j < n lies inside its slice, so these base pointers and every offset the kernels
    // form from them are in bounds; `dst` holds at least m·n elements, row stride n.
    unsafe {
        let mat = |v: View| Mat {
            ptr: v.0.as_ptr().add(v.1),
            rs: v.2,
            cs: v.3,
        };
        let c = Dst {
            ptr: dst.as_mut_ptr(),
            ld: n,
        };
        drive(m, n, k, mat(a), mat(b), c, threads);
    }
    true
}

/// True when every element (i, j), i < rows, j < cols, of the view lies inside its slice.
fn fits(v: View, rows: usize, cols: usize) -> bool {
    if rows == 0 || cols == 0 {
        return true;
    }
    let (data, off, rs, cs) = v;
    let span = |n: usize, s: isize| (n as i128 - 1) * s as i128;
    let (r, c) = (span(rows, rs), span(cols, cs));
    let lo = off as i128 + r.min(0) + c.min(0);
    let hi = off as i128 + r.max(0) + c.max(0);
    lo >= 0 && hi < data.len() as i128
}

/// A read-only strided matrix: element (i, j) is at `ptr + i·rs + j·cs`.
#[derive(Clone, Copy)]
struct Mat {
    ptr: *const f32,
    rs: isize,
    cs: isize,
}

/// The row-major output: element (i, j) is at `ptr + i·ld + j`.
#[derive(Clone, Copy)]
struct Dst {
    ptr: *mut f32,
    ld: usize,
}

// SAFETY: `Mat` only reads, and the operands outlive the call (the threads are joined before
// `sgemm` returns). Threads write through `Dst` only into disjoint tiles of `dst`.
unsafe impl Send for Mat {}
unsafe impl Sync for Mat {}
unsafe impl Send for Dst {}
unsafe impl Sync for Dst {}

impl Mat {
    /// The element (i, j).
    ///
    /// # Safety
    /// (i, j) must be an element of the view.
    unsafe fn at(self, i: usize, j: usize) -> *const f32 {
        // SAFETY: the caller passes an element of the view, which lies inside its allocation.
        unsafe { self.ptr.offset(i as isize * self.rs + j as isize * self.cs) }
    }

    /// The view from element (i, j) on.
    ///
    /// # Safety
    /// (i, j) must be an element of the view.
    unsafe fn from(self, i: usize, j: usize) -> Mat {
        Mat {
            // SAFETY: as for `at`.
            ptr: unsafe { self.at(i, j) },
            ..self
        }
    }
}

/// 64-byte aligned storage for packed panels, so that each `b` panel row is one cache line pair.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Line([f32; 16]);

thread_local! {
    /// The packed `a` block of the calling thread (read by all threads of one call).
    static A_BUF: RefCell<Vec<Line>> = const { RefCell::new(Vec::new()) };
    /// The packed `b` block of each thread.
    static B_BUF: RefCell<Vec<Line>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with a buffer of at least `len` floats, this thread's own when it is free (a nested
/// call made while it is borrowed gets a fresh one).
fn with_buf<R>(
    key: &'static std::thread::LocalKey<RefCell<Vec<Line>>>,
    len: usize,
    f: impl FnOnce(&mut [f32]) -> R,
) -> R {
    fn floats(v: &mut Vec<Line>, len: usize) -> &mut [f32] {
        let lines = len.div_ceil(16);
        if v.len() < lines {
            v.resize(lines, Line([0.0; 16]));
        }
        // SAFETY: `Line` is 16 f32 with no padding (its size is 64 bytes, its alignment 64), so
        // `lines` of them are `16·lines ≥ len` initialised floats, borrowed mutably from `v`.
        unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<f32>(), len) }
    }
    key.with(|cell| match cell.try_borrow_mut() {
        Ok(mut v) => f(floats(&mut v, len)),
        Err(_) => f(floats(&mut Vec::new(), len)),
    })
}

/// The product, as blocks of `MC` rows and `KC` steps: pack the `a` block (in parallel), then let
/// each thread multiply it by its share of `b`.
///
/// # Safety
/// `a` must have m × k elements, `b` k × n, `c` m × n, all in bounds; the CPU must have AVX-512.
unsafe fn drive(m: usize, n: usize, k: usize, a: Mat, b: Mat, c: Dst, threads: usize) {
    let kc_step = k.div_ceil(k.div_ceil(KC));
    let mc_step = m.div_ceil(m.div_ceil(MC)).next_multiple_of(MR);
    with_buf(&A_BUF, mc_step * kc_step, |abuf| {
        for ic in (0..m).step_by(mc_step) {
            let mc = mc_step.min(m - ic);
            for pc in (0..k).step_by(kc_step) {
                let kc = kc_step.min(k - pc);
                let panels = &mut abuf[..mc.div_ceil(MR) * MR * kc];
                let pack = |(ip, panel): (usize, &mut [f32])| {
                    let i = ip * MR;
                    // SAFETY: rows ic+i .. ic+i+rows and columns pc .. pc+kc are inside `a`, and
                    // `panel` holds MR·kc floats.
                    unsafe { pack_a(MR.min(mc - i), kc, a.from(ic + i, pc), panel.as_mut_ptr()) }
                };
                if threads > 1 {
                    panels.par_chunks_mut(MR * kc).enumerate().for_each(pack);
                } else {
                    panels.chunks_mut(MR * kc).enumerate().for_each(pack);
                }
                let panels = &*panels;
                let task = |t: Task| {
                    // SAFETY: the task's rows and columns are inside the product; `panels`
                    // holds the packed rows ic .. ic+mc of `a` for steps pc .. pc+kc.
                    unsafe { run_task(t, panels, kc, b.from(pc, 0), c, ic, pc > 0) }
                };
                let tasks = split(mc, n, threads);
                if tasks.len() > 1 {
                    tasks.into_par_iter().for_each(task);
                } else {
                    tasks.into_iter().for_each(task);
                }
            }
        }
    })
}

/// A rectangle of one block of the output: rows `r0..r1` of the block (multiples of `MR` except at
/// its end), all `kc` steps, columns `c0..c1`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Task {
    r0: usize,
    r1: usize,
    c0: usize,
    c1: usize,
}

/// Cuts an `mc × n` block into one task per thread: by columns when each thread gets two `b`
/// panels or more (each thread then packs only its own columns of `b`), else by rows.
fn split(mc: usize, n: usize, threads: usize) -> Vec<Task> {
    let (mp, np) = (mc.div_ceil(MR), n.div_ceil(NR));
    let cut = |panels: usize, len: usize, unit: usize, t: usize| {
        let parts = threads.min(panels);
        let at = |q: usize| (panels * q / parts * unit).min(len);
        (0..parts).map(|q| (at(q), at(q + 1))).nth(t)
    };
    if threads > 1 && np >= 2 * threads {
        (0..threads.min(np))
            .filter_map(|t| cut(np, n, NR, t))
            .map(|(c0, c1)| Task {
                r0: 0,
                r1: mc,
                c0,
                c1,
            })
            .collect()
    } else if threads > 1 && mp >= threads {
        (0..threads)
            .filter_map(|t| cut(mp, mc, MR, t))
            .map(|(r0, r1)| Task {
                r0,
                r1,
                c0: 0,
                c1: n,
            })
            .collect()
    } else {
        vec![Task {
            r0: 0,
            r1: mc,
            c0: 0,
            c1: n,
        }]
    }
}

/// One thread's share of a block: for each `NC` columns of its task, pack `b` and sweep the rows.
///
/// # Safety
/// `b` points at row `pc` of the operand (so `b.at(p, j)`, p < kc, j < n, is in bounds); the
/// task lies inside the block; `c` is the whole output and `ic` the block's first row.
unsafe fn run_task(t: Task, apanels: &[f32], kc: usize, b: Mat, c: Dst, ic: usize, add: bool) {
    let width = t.c1 - t.c0;
    let nc_step = width.div_ceil(width.div_ceil(NC)).next_multiple_of(NR);
    with_buf(&B_BUF, kc * nc_step, |bbuf| {
        for jc in (t.c0..t.c1).step_by(nc_step) {
            let nc = nc_step.min(t.c1 - jc);
            // SAFETY: columns jc .. jc+nc and kc steps are inside `b`; `bbuf` holds kc·nc_step
            // floats, enough for nc rounded up to whole panels.
            unsafe { pack_b(kc, nc, b.from(0, jc), bbuf.as_mut_ptr()) };
            for i in (t.r0..t.r1).step_by(MR) {
                let mr = MR.min(t.r1 - i);
                let a = apanels[i / MR * MR * kc..].as_ptr();
                for j in (0..nc).step_by(NR) {
                    // SAFETY: the panel of `a` holds MR·kc floats and that of `b` kc·NR (they
                    // start at these offsets of their buffers); tile rows ic+i .. ic+i+mr and
                    // columns jc+j .. jc+j+min(NR, nc-j) are inside `dst`.
                    unsafe {
                        let bp = bbuf.as_ptr().add(j * kc);
                        let tile = c.ptr.add((ic + i) * c.ld + jc + j);
                        kernel(kc, a, bp, tile, c.ld, mr, NR.min(nc - j), add);
                    }
                }
            }
        }
    })
}

/// The lanes below `n` (at most 16) as a mask.
fn lanes(n: usize) -> __mmask16 {
    if n >= 16 {
        0xffff
    } else {
        ((1u32 << n) - 1) as __mmask16
    }
}

/// `tile[mr × nr] (+)= a_panel @ b_panel`: the `MR × NR` product of one packed panel of each
/// operand over `kc` steps, summed in registers, then stored (or added, when `add`) into the first
/// `mr` rows and `nr` columns of the tile.
///
/// # Safety
/// `a` holds `MR·kc` floats (step-major), `b` `NR·kc` (step-major); `c` rows `0..mr` and columns
/// `0..nr` (row stride `ldc`) are writable (and initialised, when `add`); AVX-512F is available.
#[target_feature(enable = "avx512f")]
unsafe fn kernel(
    kc: usize,
    a: *const f32,
    b: *const f32,
    c: *mut f32,
    ldc: usize,
    mr: usize,
    nr: usize,
    add: bool,
) {
    let mut acc0 = [_mm512_setzero_ps(); MR];
    let mut acc1 = [_mm512_setzero_ps(); MR];
    // SAFETY: step p reads a[p·MR .. p·MR+MR] and b[p·NR .. p·NR+NR], p < kc: inside the panels.
    unsafe {
        for p in 0..kc {
            let (ap, bp) = (a.add(p * MR), b.add(p * NR));
            let b0 = _mm512_loadu_ps(bp);
            let b1 = _mm512_loadu_ps(bp.add(16));
            for i in 0..MR {
                let ai = _mm512_set1_ps(*ap.add(i));
                acc0[i] = _mm512_fmadd_ps(ai, b0, acc0[i]);
                acc1[i] = _mm512_fmadd_ps(ai, b1, acc1[i]);
            }
        }
    }
    let (m0, m1) = (lanes(nr), lanes(nr.saturating_sub(16)));
    for i in 0..MR {
        if i < mr {
            // SAFETY: row i < mr of the tile; the masks keep the accesses to its first nr
            // columns.
            unsafe {
                let row = c.add(i * ldc);
                let (mut r0, mut r1) = (acc0[i], acc1[i]);
                if add {
                    r0 = _mm512_add_ps(r0, _mm512_maskz_loadu_ps(m0, row));
                    r1 = _mm512_add_ps(r1, _mm512_maskz_loadu_ps(m1, row.add(16)));
                }
                _mm512_mask_storeu_ps(row, m0, r0);
                _mm512_mask_storeu_ps(row.add(16), m1, r1);
            }
        }
    }
}

/// Packs `mr ≤ MR` rows and `kc` columns of `a` into one step-major panel: `out[p·MR + i] =
/// a(i, p)`, rows `mr..MR` zero.
///
/// # Safety
/// (i, p), i < mr, p < kc, are elements of `a`; `out` holds `MR·kc` floats; AVX-512F is available.
#[target_feature(enable = "avx512f")]
unsafe fn pack_a(mr: usize, kc: usize, a: Mat, out: *mut f32) {
    // SAFETY: every read is an element (i, p) with i < mr, p < kc; every write is below MR·kc.
    unsafe {
        if a.rs == 1 {
            // Columns of the panel are contiguous in memory: one masked load and store per step.
            let (load, store) = (lanes(mr), lanes(MR));
            for p in 0..kc {
                let v = _mm512_maskz_loadu_ps(load, a.at(0, p));
                _mm512_mask_storeu_ps(out.add(p * MR), store, v);
            }
        } else if a.cs == 1 {
            // Rows are contiguous: read each row in order, write it with stride MR.
            for i in 0..MR {
                if i < mr {
                    let row = a.at(i, 0);
                    for p in 0..kc {
                        *out.add(p * MR + i) = *row.add(p);
                    }
                } else {
                    for p in 0..kc {
                        *out.add(p * MR + i) = 0.0;
                    }
                }
            }
        } else {
            for p in 0..kc {
                for i in 0..MR {
                    *out.add(p * MR + i) = if i < mr { *a.at(i, p) } else { 0.0 };
                }
            }
        }
    }
}

/// Packs `kc` rows and `nc` columns of `b` into `nc.div_ceil(NR)` step-major panels of `NR`
/// columns: panel `q` holds `out[q·kc·NR + p·NR + j] = b(p, q·NR + j)`, columns past `nc` zero.
///
/// # Safety
/// (p, j), p < kc, j < nc, are elements of `b`; `out` holds `kc·nc.div_ceil(NR)·NR` floats;
/// AVX-512F is available.
#[target_feature(enable = "avx512f")]
unsafe fn pack_b(kc: usize, nc: usize, b: Mat, out: *mut f32) {
    for j0 in (0..nc).step_by(NR) {
        let nr = NR.min(nc - j0);
        // SAFETY: reads are elements (p, j0 + j) with p < kc, j < nr; writes stay inside panel
        // j0 / NR, which is below kc·NR·nc.div_ceil(NR).
        unsafe {
            let panel = out.add(j0 * kc);
            if b.cs == 1 {
                let (m0, m1) = (lanes(nr), lanes(nr.saturating_sub(16)));
                for p in 0..kc {
                    let src = b.at(p, j0);
                    let v0 = _mm512_maskz_loadu_ps(m0, src);
                    let v1 = _mm512_maskz_loadu_ps(m1, src.wrapping_add(16));
                    _mm512_storeu_ps(panel.add(p * NR), v0);
                    _mm512_storeu_ps(panel.add(p * NR + 16), v1);
                }
            } else if b.rs == 1 {
                for j in 0..NR {
                    if j < nr {
                        let col = b.at(0, j0 + j);
                        for p in 0..kc {
                            *panel.add(p * NR + j) = *col.add(p);
                        }
                    } else {
                        for p in 0..kc {
                            *panel.add(p * NR + j) = 0.0;
                        }
                    }
                }
            } else {
                for p in 0..kc {
                    for j in 0..NR {
                        *panel.add(p * NR + j) = if j < nr { *b.at(p, j0 + j) } else { 0.0 };
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! Differential tests against a float64 product of the same float32 inputs. A float32 sum of
    //! k products differs from the exact one by at most about k·eps·Σ|a_ip·b_pj| (each of the k
    //! fused multiply-adds rounds once), so that is the tolerance, with a little room.
    use super::*;
    use crate::backend::matmul;
    use crate::layout::Layout;
    use crate::storage::{Buffer, Storage};
    use crate::tensor::Concrete;

    /// Deterministic values in [-1, 1).
    fn values(seed: u64, n: usize) -> Vec<f32> {
        let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                (s >> 40) as f32 / (1u64 << 23) as f32 - 1.0
            })
            .collect()
    }

    /// How an operand is laid out in its storage.
    #[derive(Clone, Copy, Debug)]
    enum Form {
        RowMajor,
        /// The transposed view of a stored `[cols, rows]` matrix.
        Transposed,
        /// Rows and columns both strided, inside a larger buffer, at an offset.
        Strided,
        /// Every row the same (row stride 0), as a broadcast batch or vector makes it.
        BroadcastRows,
        /// Every column the same (column stride 0).
        BroadcastCols,
        /// Rows in reverse order (negative row stride).
        Reversed,
    }

    const FORMS: [Form; 6] = [
        Form::RowMajor,
        Form::Transposed,
        Form::Strided,
        Form::BroadcastRows,
        Form::BroadcastCols,
        Form::Reversed,
    ];

    /// A `rows × cols` operand of the given form: its storage, offset and strides.
    fn operand(seed: u64, rows: usize, cols: usize, form: Form) -> (Vec<f32>, usize, isize, isize) {
        let (r, c) = (rows as isize, cols as isize);
        match form {
            Form::RowMajor => (values(seed, rows * cols), 0, c, 1),
            Form::Transposed => (values(seed, rows * cols), 0, 1, r),
            Form::Strided => (values(seed, 5 + rows * (2 * cols + 3)), 5, 2 * c + 3, 2),
            Form::BroadcastRows => (values(seed, cols), 0, 0, 1),
            Form::BroadcastCols => (values(seed, rows), 0, 1, 0),
            Form::Reversed => {
                let off = rows.saturating_sub(1) * cols;
                (values(seed, rows * cols), off, -c, 1)
            }
        }
    }

    /// `a @ b` in float64 and, per element, the tolerance `(k + 2)·eps·Σ|a_ip·b_pj|`.
    fn reference(m: usize, n: usize, k: usize, a: View, b: View) -> Vec<(f64, f64)> {
        let at = |v: View, i: usize, j: usize| {
            f64::from(v.0[(v.1 as isize + i as isize * v.2 + j as isize * v.3) as usize])
        };
        let mut out = Vec::with_capacity(m * n);
        for i in 0..m {
            for j in 0..n {
                let (mut s, mut abs) = (0.0, 0.0);
                for p in 0..k {
                    let x = at(a, i, p) * at(b, p, j);
                    s += x;
                    abs += x.abs();
                }
                out.push((s, (k as f64 + 2.0) * f64::from(f32::EPSILON) * abs + 1e-30));
            }
        }
        out
    }

    fn check(m: usize, n: usize, k: usize, a: View, b: View, what: &str) {
        // NaN everywhere: the kernel must write every element without reading it.
        let mut dst = vec![f32::NAN; m * n];
        assert!(sgemm(m, n, k, &mut dst, a, b), "{what}: kernel refused");
        for (e, (&got, (want, tol))) in dst.iter().zip(reference(m, n, k, a, b)).enumerate() {
            let err = (f64::from(got) - want).abs();
            assert!(
                err <= tol,
                "{what}: ({}, {}) = {got}, want {want} ± {tol}",
                e / n,
                e % n
            );
        }
    }

    fn check_forms(m: usize, n: usize, k: usize, fa: Form, fb: Form) {
        let a = operand(1 + m as u64, m, k, fa);
        let b = operand(2 + n as u64, k, n, fb);
        let what = format!("{m}x{k} {fa:?} @ {k}x{n} {fb:?}");
        check(m, n, k, (&a.0, a.1, a.2, a.3), (&b.0, b.1, b.2, b.3), &what);
    }

    #[test]
    fn edge_sizes_match_float64() {
        if !available() {
            return;
        }
        // Around the tile (MR = 12, NR = 32) and block (KC = 384) edges, and the empty sizes.
        let sizes = [0, 1, 2, 11, 12, 13, 17, 31, 32, 33, 65];
        for &m in &sizes {
            for &n in &sizes {
                for k in [0, 1, 7, 16, 33] {
                    check_forms(m, n, k, Form::RowMajor, Form::RowMajor);
                }
            }
        }
        for k in [383, 384, 385, 800] {
            check_forms(13, 45, k, Form::RowMajor, Form::RowMajor);
        }
    }

    #[test]
    fn every_layout_matches_float64() {
        if !available() {
            return;
        }
        for fa in FORMS {
            for fb in FORMS {
                for (m, n, k) in [(1, 1, 1), (5, 3, 9), (13, 33, 17), (25, 70, 40)] {
                    check_forms(m, n, k, fa, fb);
                }
            }
        }
    }

    #[test]
    fn random_sizes_match_float64() {
        if !available() {
            return;
        }
        let dims = values(7, 3 * 40);
        for (t, d) in dims.chunks(3).enumerate() {
            // Sizes up to 100, with their layouts cycling through every pair.
            let size = |x: f32| ((x + 1.0) * 50.0) as usize;
            let (fa, fb) = (FORMS[t % 6], FORMS[(t / 6 + t) % 6]);
            check_forms(size(d[0]), size(d[1]), size(d[2]), fa, fb);
        }
    }

    #[test]
    fn threaded_and_multi_block_products_match_float64() {
        if !available() {
            return;
        }
        // Over PAR_MIN: split by columns (n ≥ 4 panels), by rows (n narrow), and more than one
        // block of MC rows and of KC steps.
        check_forms(70, 200, 90, Form::RowMajor, Form::RowMajor);
        check_forms(150, 10, 300, Form::Transposed, Form::RowMajor);
        check_forms(100, 129, 400, Form::RowMajor, Form::Transposed);
        check_forms(MC + 13, 40, KC + 5, Form::Strided, Form::RowMajor);
        check_forms(300, 70, 25, Form::Reversed, Form::BroadcastRows);
    }

    #[test]
    fn tasks_cover_the_block_once() {
        for (mc, n, threads) in [
            (1, 1, 2),
            (256, 256, 2),
            (256, 10, 2),
            (1024, 1024, 3),
            (7, 50, 4),
        ] {
            let tasks = split(mc, n, threads);
            assert!(!tasks.is_empty() && tasks.len() <= threads);
            let mut seen = vec![0u8; mc * n];
            for t in &tasks {
                assert!(
                    t.r0 % MR == 0 && t.c0 % NR == 0,
                    "{t:?} is not on tile edges"
                );
                for i in t.r0..t.r1 {
                    for j in t.c0..t.c1 {
                        seen[i * n + j] += 1;
                    }
                }
            }
            assert!(
                seen.iter().all(|&s| s == 1),
                "{mc}x{n} on {threads}: {tasks:?}"
            );
        }
    }

    #[test]
    fn views_outside_their_slice_are_refused() {
        let data = values(3, 12);
        let mut dst = vec![5.0; 4];
        let ok: View = (&data, 0, 3, 1);
        // 2 × 3 from offset 7 would need elements up to 7 + 3 + 2 = 12.
        assert!(!sgemm(
            2,
            2,
            3,
            &mut dst,
            (&data, 7, 3, 1),
            (&data, 0, 2, 1)
        ));
        assert!(!sgemm(2, 2, 3, &mut dst, ok, (&data, 0, -2, 1)));
        assert!(!sgemm(2, 2, 3, &mut dst[..3], ok, (&data, 0, 2, 1)));
        assert_eq!(dst, vec![5.0; 4]);
    }

    fn concrete(vals: Vec<f32>, shape: &[usize], strides: &[isize], offset: usize) -> Concrete {
        Concrete {
            storage: Storage::new(Buffer::F32(vals)),
            layout: Layout::from_parts(shape.to_vec(), strides.to_vec(), offset),
        }
    }

    #[test]
    fn batched_matmul_matches_float64() {
        // A batch of 3 row-major [40, 50] matrices times one transposed [50, 70] matrix
        // broadcast over the batch (batch stride 0): large enough for the kernel and its threads.
        let (batch, m, k, n) = (3, 40, 50, 70);
        let a = values(11, batch * m * k);
        let b = values(12, n * k);
        let got = matmul::matmul(
            &concrete(
                a.clone(),
                &[batch, m, k],
                &[(m * k) as isize, k as isize, 1],
                0,
            ),
            &concrete(b.clone(), &[batch, k, n], &[0, 1, k as isize], 0),
            &[batch, m, n],
        );
        for q in 0..batch {
            let want = reference(
                m,
                n,
                k,
                (&a, q * m * k, k as isize, 1),
                (&b, 0, 1, k as isize),
            );
            for (e, (want, tol)) in want.into_iter().enumerate() {
                let g = got.get_f64(q * m * n + e);
                assert!(
                    (g - want).abs() <= tol,
                    "batch {q} element {e}: {g} vs {want}"
                );
            }
        }
    }

    #[test]
    fn the_fallback_matches_float64() {
        // The `gemm` crate's path, which f64 and CPUs without AVX-512 take.
        for (m, n, k, fa, fb) in [
            (13, 33, 17, Form::RowMajor, Form::Transposed),
            (70, 200, 90, Form::Strided, Form::BroadcastCols),
            (3, 0, 4, Form::RowMajor, Form::RowMajor),
            (3, 4, 0, Form::RowMajor, Form::RowMajor),
        ] {
            let a = operand(4, m, k, fa);
            let b = operand(5, k, n, fb);
            let (a, b): (View, View) = ((&a.0, a.1, a.2, a.3), (&b.0, b.1, b.2, b.3));
            let mut dst = vec![f32::NAN; m * n];
            matmul::crate_gemm(m, n, k, &mut dst, a, b);
            for (e, (want, tol)) in reference(m, n, k, a, b).into_iter().enumerate() {
                let g = f64::from(dst[e]);
                assert!(
                    (g - want).abs() <= 4.0 * tol,
                    "fallback element {e}: {g} vs {want}"
                );
            }
        }
    }
}

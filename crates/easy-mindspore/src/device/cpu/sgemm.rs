//! Float32 matrix product on AVX-512 (and, in [`avx2`], AVX2 + FMA), written the BLIS way. The
//! output is cut into one rectangle per thread (by rows, or by columns when there are few rows),
//! run by the calling thread and the helpers of [`team`]; each walks its rectangle in blocks of
//! `NC` columns and `KC` steps of `k`, packs the block of `b` into panels of `NR` columns
//! (L2-sized), then, for each `MR` rows, packs that panel of `a` (L1-sized) and runs a
//! register-blocked micro-kernel over the block's `b` panels: each kernel call multiplies one
//! `MR × KC` panel by one `KC × NR` panel into an `MR × NR` tile of `dst`, keeping the whole sum
//! over the block's steps in 24 zmm registers (12 ymm ones on AVX2).
//!
//! Operands are read through any strides (transposed and broadcast views need no copies); the
//! packing routines transpose 16 × 16 blocks (8 × 8 on AVX2) in registers when one of an operand's
//! strides is 1.
//!
//! Invariant: `dst` is never read before it is written. The first `k` block stores its tile, the
//! later ones add to what the first stored, so the result has `beta = 0` semantics and a stale
//! buffer may be passed in.

mod avx2;
pub(crate) mod reuse;

use super::simd::{self, Level};
use super::team;
use std::arch::x86_64::*;
use std::cell::RefCell;

/// Steps of `k` per block: a packed `a` panel (`12 × KC` floats, 18 KiB) stays in L1 while the
/// kernel sweeps the `b` block.
const KC: usize = 384;
/// Columns of `b` a thread packs at once: `KC × NC` floats (576 KiB) stay in its L2.
const NC: usize = 384;
/// Steps ahead of the kernel that it prefetches its `b` panel (which streams from L2).
const PREFETCH: usize = 8;
/// Floats of `a` a task packs whole, once, when it has several column blocks (256 KiB: the rows
/// of a thin product, which then stay in L2 while the task sweeps its columns).
const A_WHOLE_MAX: usize = 64 * 1024;
/// Multiply-adds (`m·n·k`) from which the product is split across threads: below, waking the
/// pool costs more than the second core gives back.
pub(crate) const PAR_MIN: usize = 64 * 64 * 64;

/// An operand view as `matmul` hands it over: the storage, the offset of element (0, 0), and the
/// row and column strides.
pub(crate) type View<'a> = (&'a [f32], usize, isize, isize);

/// The micro-kernel a product runs with.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kernel {
    /// AVX-512 with the given tile shape.
    Avx512(Shape),
    /// AVX2 + FMA with the given tile shape.
    Avx2(avx2::Tile),
}

impl Kernel {
    /// The best kernel of this CPU for an `m × n` product, if any.
    fn pick(m: usize, n: usize) -> Option<Kernel> {
        match simd::level() {
            Level::Avx512 => Some(Kernel::Avx512(Shape::pick(m, n))),
            Level::Avx2 => Some(Kernel::Avx2(avx2::Tile::pick(m, n))),
            Level::Base => None,
        }
    }

    /// True when this CPU can run the kernel.
    fn runs_here(self) -> bool {
        match self {
            Kernel::Avx512(_) => simd::level() == Level::Avx512,
            Kernel::Avx2(_) => simd::level() >= Level::Avx2,
        }
    }
}

/// True when this kernel is worth calling for an `m × k` by `k × n` product whose `a` has row
/// stride `a_rs`: measured against the `gemm` crate (`benches/kernels.rs`), it wins from 16³
/// multiply-adds when the product has 8 rows or more and 16 columns or more, or 8 columns and a
/// column-contiguous `a` (then packing `a` is a plain copy). Thinner products (vector-matrix
/// shapes) waste most of its 24-register tiles, where the `gemm` crate has dedicated kernels.
pub(crate) fn worthwhile(m: usize, n: usize, k: usize, a_rs: isize) -> bool {
    m.saturating_mul(n).saturating_mul(k) >= 16 * 16 * 16
        && m >= 8
        && (n >= 16 || (n >= 8 && a_rs == 1))
}

/// `dst[m×n] = a[m×k] @ b[k×n]`, `dst` row-major and contiguous, on the calling thread alone when
/// `parallel` is false (for a caller that already runs several products at once, such as a batch
/// of small matrices or a convolution's parts). Returns false, with `dst` left as it was, when no
/// kernel can run: neither AVX-512 nor AVX2, or a view reaching outside its slice.
pub(crate) fn sgemm_on(
    m: usize,
    n: usize,
    k: usize,
    dst: &mut [f32],
    a: View,
    b: View,
    parallel: bool,
) -> bool {
    match Kernel::pick(m, n) {
        Some(kernel) => with_kernel(m, n, k, dst, a, b, kernel, parallel),
        None => false,
    }
}

/// [`sgemm_on`] with the given kernel.
#[allow(clippy::too_many_arguments)]
fn with_kernel(
    m: usize,
    n: usize,
    k: usize,
    dst: &mut [f32],
    a: View,
    b: View,
    kernel: Kernel,
    parallel: bool,
) -> bool {
    let Some(mn) = m.checked_mul(n) else {
        return false;
    };
    if !kernel.runs_here() || dst.len() < mn || !fits(a, m, k) || !fits(b, k, n) {
        return false;
    }
    if mn == 0 {
        return true;
    }
    if k == 0 {
        dst[..mn].fill(0.0);
        return true;
    }
    let threads = if parallel && mn.saturating_mul(k) >= PAR_MIN {
        rayon::current_num_threads().max(1)
    } else {
        1
    };
    // SAFETY: `fits` checked that every element (i, p) of `a` with i < m, p < k and (p, j) of `b`
    // with p < k, j < n lies inside its slice, so these base pointers and every offset the kernels
    // form from them are in bounds; `dst` holds at least m·n elements, row stride n; the CPU has
    // the kernel's features (`runs_here`).
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
        let pre = reuse::packed(kernel, m, (k, n), b.0, mat(b), b.1);
        let pre = pre.as_deref();
        match kernel {
            Kernel::Avx512(shape) => drive_any(shape, m, n, k, mat(a), mat(b), c, threads, pre),
            Kernel::Avx2(tile) => avx2::drive_avx2(tile, m, n, k, mat(a), mat(b), c, threads, pre),
        }
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

/// The micro-tile shapes, as (rows, vectors of 16 columns): 12 × 32 in general, a taller one for
/// products at most 16 columns wide, and shorter ones for products with few rows. Each keeps 24
/// accumulators in registers.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    S12x32,
    S24x16,
    S8x48,
    S6x64,
}

impl Shape {
    /// Columns of a tile.
    fn width(self) -> usize {
        match self {
            Shape::S24x16 => 16,
            Shape::S12x32 => 32,
            Shape::S8x48 => 48,
            Shape::S6x64 => 64,
        }
    }

    #[cfg(test)]
    const ALL: [Shape; 4] = [Shape::S12x32, Shape::S24x16, Shape::S8x48, Shape::S6x64];

    /// The shape that wastes the least of its tiles on an `m × n` product (12 × 32 unless another
    /// fills them by more than 5% better: a recurrent step's `[32, 256] · [256, 1024]` runs
    /// 8 × 48 tiles, 35 such products 1.48 -> 1.34 ms, `benches/kernels.rs`).
    fn pick(m: usize, n: usize) -> Shape {
        if n <= 16 {
            return Shape::S24x16;
        }
        let fill = |mr: usize, nr: usize| {
            (m * n) as f64 / (m.next_multiple_of(mr) * n.next_multiple_of(nr)) as f64
        };
        let mut best = (Shape::S12x32, fill(12, 32));
        for (s, mr, nr) in [(Shape::S8x48, 8, 48), (Shape::S6x64, 6, 64)] {
            let f = fill(mr, nr);
            if f > 1.05 * best.1 {
                best = (s, f);
            }
        }
        best.0
    }
}

/// The product with tiles of the given shape.
///
/// # Safety
/// As for [`drive`].
#[allow(clippy::too_many_arguments)]
unsafe fn drive_any(
    shape: Shape,
    m: usize,
    n: usize,
    k: usize,
    a: Mat,
    b: Mat,
    c: Dst,
    threads: usize,
    pre: Option<&reuse::Packed>,
) {
    // SAFETY: the caller's guarantees are `drive`'s.
    unsafe {
        match shape {
            Shape::S12x32 => drive::<12, 2>(m, n, k, a, b, c, threads, pre),
            Shape::S24x16 => drive::<24, 1>(m, n, k, a, b, c, threads, pre),
            Shape::S8x48 => drive::<8, 3>(m, n, k, a, b, c, threads, pre),
            Shape::S6x64 => drive::<6, 4>(m, n, k, a, b, c, threads, pre),
        }
    }
}

/// The product with `MR × 16·NV` tiles: one task per thread, each packing its own panels (or
/// reading `pre`, `b` packed whole for this kernel).
///
/// # Safety
/// `a` must have m × k elements, `b` k × n, `c` m × n, all in bounds; the CPU must have AVX-512.
#[allow(clippy::too_many_arguments)]
unsafe fn drive<const MR: usize, const NV: usize>(
    m: usize,
    n: usize,
    k: usize,
    a: Mat,
    b: Mat,
    c: Dst,
    threads: usize,
    pre: Option<&reuse::Packed>,
) {
    let task = |t: Task| {
        // SAFETY: the task's rows and columns are inside the product (`split` cuts m × n).
        unsafe { run_task::<MR, NV>(t, k, a, b, c, pre) }
    };
    run_tasks(&split(m, n, threads, MR, 16 * NV), threads, task);
}

/// Runs `task` on each of `tasks` (one per thread): on the calling thread and the helpers of
/// [`team`], which stay awake between the products of a step; on rayon's pool when the team is
/// busy with another thread's product. Measured on the D2L workloads (2 threads, each
/// configuration in its own process): the LSTM step 30–34 → 26–28 ms, the GRU step 29 → 24 ms,
/// the MLP step 2.8–3.3 → 2.5 ms; LeNet and the Transformer layer unchanged. Cutting the product
/// into four tasks per thread, so that a late thread takes fewer, was slower on every one.
fn run_tasks(tasks: &[Task], threads: usize, task: impl Fn(Task) + Sync) {
    if threads > 1 && tasks.len() > 1 {
        if team::run(tasks.len(), threads, &|i| task(tasks[i])) {
            return;
        }
        use rayon::prelude::*;
        tasks.par_iter().for_each(|&t| task(t));
    } else {
        tasks.iter().for_each(|&t| task(t));
    }
}

/// A rectangle of the output: rows `r0..r1` and columns `c0..c1`, starting on tile edges.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Task {
    r0: usize,
    r1: usize,
    c0: usize,
    c1: usize,
}

/// Cuts an `m × n` output into one task per thread: by rows (`mr` each) when each thread gets two
/// row panels or more and the output is at least as tall as wide, else by columns (`nr` each),
/// else not at all. Cut by rows, each thread packs all of `b` but only its rows of `a`; cut by
/// columns, all of `a` and its columns of `b`: so a wide product with few rows (`[32, 256] ·
/// [256, 1024]`) is cut by columns, where no thread packs the whole of the larger operand.
fn split(m: usize, n: usize, threads: usize, mr: usize, nr: usize) -> Vec<Task> {
    let (mp, np) = (m.div_ceil(mr), n.div_ceil(nr));
    let by_rows = mp >= 2 * threads && (m >= n || np < 2 * threads);
    // The q-th of `parts` runs of whole panels (of `unit`) over `len`.
    let run = |panels: usize, len: usize, unit: usize, parts: usize, q: usize| {
        let at = |q: usize| (panels * q / parts * unit).min(len);
        (at(q), at(q + 1))
    };
    let whole = Task {
        r0: 0,
        r1: m,
        c0: 0,
        c1: n,
    };
    if threads > 1 && by_rows {
        (0..threads)
            .map(|q| {
                let (r0, r1) = run(mp, m, mr, threads, q);
                Task { r0, r1, ..whole }
            })
            .collect()
    } else if threads > 1 && np >= 2 {
        let parts = threads.min(np);
        (0..parts)
            .map(|q| {
                let (c0, c1) = run(np, n, nr, parts, q);
                Task { c0, c1, ..whole }
            })
            .collect()
    } else {
        vec![whole]
    }
}

/// One task: for each block of `NC` columns and `KC` steps, pack `b`, then for each `MR` rows pack
/// `a` and sweep the block's `b` panels. A thin task (its packed rows of `a` at most
/// [`A_WHOLE_MAX`] floats) with several column blocks packs `a` once before them: 35 recurrent
/// steps `[32, 256] · [256, 1024]` with a kept packing of the weight, 1.58 -> 1.46 ms.
///
/// # Safety
/// `a` has m × k elements, `b` k × n and `c` m × n (all in bounds), and the task lies inside them.
unsafe fn run_task<const MR: usize, const NV: usize>(
    t: Task,
    k: usize,
    a: Mat,
    b: Mat,
    c: Dst,
    pre: Option<&reuse::Packed>,
) {
    let nr = 16 * NV;
    let width = t.c1 - t.c0;
    let nc_step = width.div_ceil(width.div_ceil(NC)).next_multiple_of(nr);
    let kc_step = k.div_ceil(k.div_ceil(KC));
    // A task with few rows and several column blocks packs its rows of `a` once, whole, instead
    // of once per column block: there the kernel does little with each packed panel.
    let panels_a = (t.r1 - t.r0).div_ceil(MR);
    let panel_len = MR * kc_step;
    let whole_len = panels_a * panel_len * k.div_ceil(kc_step);
    let whole_a = width > nc_step && whole_len <= A_WHOLE_MAX;
    with_buf(&B_BUF, kc_step * nc_step, |bbuf| {
        with_buf(
            &A_BUF,
            if whole_a { whole_len } else { panel_len },
            |abuf| {
                if whole_a {
                    // SAFETY: the task's rows and every step are inside `a`; `abuf` holds
                    // whole_len floats.
                    unsafe { pack_a_whole::<MR>(t, k, kc_step, a, abuf.as_mut_ptr()) };
                }
                for jc in (t.c0..t.c1).step_by(nc_step) {
                    let nc = nc_step.min(t.c1 - jc);
                    for pc in (0..k).step_by(kc_step) {
                        let kc = kc_step.min(k - pc);
                        let panels = match pre {
                            // `b` packed whole for this kernel (jc is a panel edge, kc_step the
                            // same as the packing's).
                            Some(p) => p.block(pc, jc, kc),
                            None => {
                                // SAFETY: steps pc .. pc+kc and columns jc .. jc+nc are inside `b`;
                                // `bbuf` holds kc_step·nc_step floats, enough for nc rounded up to
                                // whole panels.
                                unsafe { pack_b::<NV>(kc, nc, b.from(pc, jc), bbuf.as_mut_ptr()) };
                                bbuf.as_ptr()
                            }
                        };
                        for (r, i) in (t.r0..t.r1).step_by(MR).enumerate() {
                            let rows = MR.min(t.r1 - i);
                            let ap = if whole_a {
                                // SAFETY: the panel packed above for this block of steps and rows.
                                unsafe {
                                    abuf.as_ptr().add((pc / kc_step * panels_a + r) * panel_len)
                                }
                            } else {
                                // SAFETY: rows i .. i+rows and steps pc .. pc+kc are inside `a`;
                                // `abuf` holds MR·kc_step floats.
                                unsafe { pack_a::<MR>(rows, kc, a.from(i, pc), abuf.as_mut_ptr()) };
                                abuf.as_ptr()
                            };
                            for j in (0..nc).step_by(nr) {
                                // SAFETY: the `b` panel at j·kc of `panels` holds kc·nr floats;
                                // tile rows i .. i+rows and columns jc+j .. jc+j+min(nr, nc-j) are
                                // inside `dst`, which the first block (pc = 0) has written before
                                // later blocks add to it.
                                unsafe {
                                    let bp = panels.add(j * kc);
                                    let tile = c.ptr.add(i * c.ld + jc + j);
                                    let cols = nr.min(nc - j);
                                    kernel::<MR, NV>(kc, ap, bp, tile, c.ld, rows, cols, pc > 0);
                                }
                            }
                        }
                    }
                }
            },
        )
    })
}

/// Packs the task's rows of `a` over every step, as [`pack_a`] packs one panel: the panel of
/// row block `r` (of `MR` rows from `t.r0`) and step block `q` (of `kc_step` steps) at
/// `out[(q·panels + r)·MR·kc_step]`, `panels` the task's row blocks.
///
/// # Safety
/// Rows `t.r0..t.r1` and steps `0..k` are inside `a`; `out` holds that many panels; AVX-512F is
/// available.
unsafe fn pack_a_whole<const MR: usize>(t: Task, k: usize, kc_step: usize, a: Mat, out: *mut f32) {
    let panels = (t.r1 - t.r0).div_ceil(MR);
    for (q, pc) in (0..k).step_by(kc_step).enumerate() {
        for (r, i) in (t.r0..t.r1).step_by(MR).enumerate() {
            // SAFETY: rows i .. i+MR (clipped to the task) and steps pc .. pc+kc are inside `a`;
            // panel (q, r) is inside `out`.
            unsafe {
                let to = out.add((q * panels + r) * MR * kc_step);
                pack_a::<MR>(MR.min(t.r1 - i), kc_step.min(k - pc), a.from(i, pc), to);
            }
        }
    }
}

/// The lanes below `n` (at most 16) as a mask.
fn lanes(n: usize) -> __mmask16 {
    if n >= 16 {
        0xffff
    } else {
        ((1u32 << n) - 1) as __mmask16
    }
}

/// `tile[mr × nr] (+)= a_panel @ b_panel`: the `MR × 16·NV` product of one packed panel of each
/// operand over `kc` steps, summed in registers, then stored (or added, when `add`) into the first
/// `mr` rows and `nr` columns of the tile.
///
/// # Safety
/// `a` holds `MR·kc` floats (step-major), `b` `16·NV·kc` (step-major); `c` rows `0..mr` and
/// columns `0..nr` (row stride `ldc`) are writable (and initialised, when `add`); AVX-512F is
/// available.
#[target_feature(enable = "avx512f")]
#[allow(clippy::too_many_arguments)]
unsafe fn kernel<const MR: usize, const NV: usize>(
    kc: usize,
    a: *const f32,
    b: *const f32,
    c: *mut f32,
    ldc: usize,
    mr: usize,
    nr: usize,
    add: bool,
) {
    // The tile of `dst` is needed at the end: start fetching its rows now.
    for i in 0..mr.min(MR) {
        let row = c.wrapping_add(i * ldc);
        _mm_prefetch::<_MM_HINT_T0>(row.cast());
        _mm_prefetch::<_MM_HINT_T0>(row.wrapping_add(16 * NV - 1).cast());
    }
    let mut acc = [[_mm512_setzero_ps(); NV]; MR];
    // SAFETY: step p reads a[p·MR .. p·MR+MR] and b[p·16·NV .. (p+1)·16·NV], p < kc: inside the
    // panels. Prefetches do not access memory.
    unsafe {
        for p in 0..kc {
            let (ap, bp) = (a.add(p * MR), b.add(p * 16 * NV));
            for v in 0..NV {
                _mm_prefetch::<_MM_HINT_T0>(bp.wrapping_add(16 * (NV * PREFETCH + v)).cast());
            }
            let mut bv = [_mm512_setzero_ps(); NV];
            for (v, x) in bv.iter_mut().enumerate() {
                *x = _mm512_loadu_ps(bp.add(16 * v));
            }
            for (i, row) in acc.iter_mut().enumerate() {
                let ai = _mm512_set1_ps(*ap.add(i));
                for (x, &y) in row.iter_mut().zip(&bv) {
                    *x = _mm512_fmadd_ps(ai, y, *x);
                }
            }
        }
    }
    for (i, row) in acc.iter().enumerate() {
        if i < mr {
            for (v, &x) in row.iter().enumerate() {
                let mask = lanes(nr.saturating_sub(16 * v));
                // SAFETY: row i < mr of the tile; the mask keeps the access to its first nr
                // columns (none when 16·v ≥ nr: the pointer is then not dereferenced).
                unsafe {
                    let at = c.wrapping_add(i * ldc + 16 * v);
                    let x = if add {
                        _mm512_add_ps(x, _mm512_maskz_loadu_ps(mask, at))
                    } else {
                        x
                    };
                    _mm512_mask_storeu_ps(at, mask, x);
                }
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
unsafe fn pack_a<const MR: usize>(mr: usize, kc: usize, a: Mat, out: *mut f32) {
    // SAFETY: every read is an element (i, p) with i < mr, p < kc; every write is below MR·kc.
    unsafe {
        if a.rs == 1 {
            // Columns of the panel are contiguous in memory: masked loads and stores per step.
            for p in 0..kc {
                for i in (0..MR).step_by(16) {
                    let load = lanes(mr.saturating_sub(i));
                    let v = _mm512_maskz_loadu_ps(
                        load,
                        a.ptr.wrapping_offset(p as isize * a.cs + i as isize),
                    );
                    _mm512_mask_storeu_ps(out.add(p * MR + i), lanes(MR - i), v);
                }
            }
        } else if a.cs == 1 {
            // Rows are contiguous: transpose blocks of 16 rows × 16 steps.
            for p in (0..kc).step_by(16) {
                for i in (0..MR).step_by(16) {
                    let rows = mr.saturating_sub(i).min(16);
                    let src = if rows > 0 { a.at(i, p) } else { a.ptr };
                    let out = out.add(p * MR + i);
                    transpose_block(src, a.rs, rows, 16.min(kc - p), out, MR, 16.min(MR - i));
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

/// Packs `kc` rows and `nc` columns of `b` into `nc.div_ceil(NR)` step-major panels of `NR =
/// 16·NV` columns: panel `q` holds `out[q·kc·NR + p·NR + j] = b(p, q·NR + j)`, columns past `nc`
/// zero.
///
/// # Safety
/// (p, j), p < kc, j < nc, are elements of `b`; `out` holds `kc·nc.div_ceil(NR)·NR` floats;
/// AVX-512F is available.
#[target_feature(enable = "avx512f")]
unsafe fn pack_b<const NV: usize>(kc: usize, nc: usize, b: Mat, out: *mut f32) {
    let nr_full = 16 * NV;
    for j0 in (0..nc).step_by(nr_full) {
        let nr = nr_full.min(nc - j0);
        // SAFETY: reads are elements (p, j0 + j) with p < kc, j < nr; writes stay inside panel
        // j0 / NR, which is below kc·NR·nc.div_ceil(NR).
        unsafe {
            let panel = out.add(j0 * kc);
            if b.cs == 1 {
                for p in 0..kc {
                    let src = b.at(p, j0);
                    for v in 0..NV {
                        let mask = lanes(nr.saturating_sub(16 * v));
                        let x = _mm512_maskz_loadu_ps(mask, src.wrapping_add(16 * v));
                        _mm512_storeu_ps(panel.add(p * nr_full + 16 * v), x);
                    }
                }
            } else if b.rs == 1 {
                // Columns are contiguous: transpose blocks of 16 columns × 16 steps.
                for p in (0..kc).step_by(16) {
                    for j in (0..nr_full).step_by(16) {
                        let cols = nr.saturating_sub(j).min(16);
                        let src = if cols > 0 { b.at(p, j0 + j) } else { b.ptr };
                        let out = panel.add(p * nr_full + j);
                        transpose_block(src, b.cs, cols, 16.min(kc - p), out, nr_full, 16);
                    }
                }
            } else {
                for p in 0..kc {
                    for j in 0..nr_full {
                        *panel.add(p * nr_full + j) = if j < nr { *b.at(p, j0 + j) } else { 0.0 };
                    }
                }
            }
        }
    }
}

/// Writes the first `len ≤ 16` elements of `lines ≤ 16` runs transposed: `out[q·ostride + r] =
/// src[r·stride + q]` for q < len and r < width (zero for r ≥ lines), width ≤ 16.
///
/// # Safety
/// Each run r < lines, `src + r·stride .. + len`, is readable; each `out + q·ostride .. + width`,
/// q < len, is writable; AVX-512F is available.
#[target_feature(enable = "avx512f")]
#[allow(clippy::too_many_arguments)]
unsafe fn transpose_block(
    src: *const f32,
    stride: isize,
    lines: usize,
    len: usize,
    out: *mut f32,
    ostride: usize,
    width: usize,
) {
    let mut r = [_mm512_setzero_ps(); 16];
    for (l, x) in r.iter_mut().enumerate().take(lines) {
        // SAFETY: run l < lines is readable for len elements, the lanes of the mask.
        *x = unsafe { _mm512_maskz_loadu_ps(lanes(len), src.offset(l as isize * stride)) };
    }
    let t = transpose16(r);
    for (q, &x) in t.iter().enumerate().take(len) {
        // SAFETY: out + q·ostride is writable for width elements, the lanes of the mask.
        unsafe { _mm512_mask_storeu_ps(out.add(q * ostride), lanes(width), x) };
    }
}

/// The transpose of a 16 × 16 matrix held as 16 rows: 64 shuffles in four rounds (pairs of
/// floats, pairs of pairs, then 128-bit quarters twice).
#[target_feature(enable = "avx512f")]
fn transpose16(r: [__m512; 16]) -> [__m512; 16] {
    // Round 1: t[2j], t[2j+1] interleave rows 2j and 2j+1 within each quarter.
    let mut t = [_mm512_setzero_ps(); 16];
    for j in 0..8 {
        t[2 * j] = _mm512_unpacklo_ps(r[2 * j], r[2 * j + 1]);
        t[2 * j + 1] = _mm512_unpackhi_ps(r[2 * j], r[2 * j + 1]);
    }
    // Round 2: u[4j + c] holds, in quarter L, rows 4j .. 4j+3 of column 4L + c.
    let mut u = [_mm512_setzero_ps(); 16];
    let (lo, hi) = (
        |x: __m512, y: __m512| {
            _mm512_castpd_ps(_mm512_unpacklo_pd(_mm512_castps_pd(x), _mm512_castps_pd(y)))
        },
        |x: __m512, y: __m512| {
            _mm512_castpd_ps(_mm512_unpackhi_pd(_mm512_castps_pd(x), _mm512_castps_pd(y)))
        },
    );
    for j in 0..4 {
        u[4 * j] = lo(t[4 * j], t[4 * j + 2]);
        u[4 * j + 1] = hi(t[4 * j], t[4 * j + 2]);
        u[4 * j + 2] = lo(t[4 * j + 1], t[4 * j + 3]);
        u[4 * j + 3] = hi(t[4 * j + 1], t[4 * j + 3]);
    }
    // Rounds 3 and 4: column 4L + c gathers quarter L of u[c], u[4 + c], u[8 + c], u[12 + c].
    let mut out = [_mm512_setzero_ps(); 16];
    for c in 0..4 {
        let (x0, x1, x2, x3) = (u[c], u[4 + c], u[8 + c], u[12 + c]);
        let v0 = _mm512_shuffle_f32x4::<0x44>(x0, x1);
        let v1 = _mm512_shuffle_f32x4::<0xee>(x0, x1);
        let v2 = _mm512_shuffle_f32x4::<0x44>(x2, x3);
        let v3 = _mm512_shuffle_f32x4::<0xee>(x2, x3);
        out[c] = _mm512_shuffle_f32x4::<0x88>(v0, v2);
        out[4 + c] = _mm512_shuffle_f32x4::<0xdd>(v0, v2);
        out[8 + c] = _mm512_shuffle_f32x4::<0x88>(v1, v3);
        out[12 + c] = _mm512_shuffle_f32x4::<0xdd>(v1, v3);
    }
    out
}

#[cfg(test)]
mod tests;

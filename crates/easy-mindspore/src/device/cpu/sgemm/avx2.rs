//! The AVX2 + FMA kernel of [`super`], for CPUs without AVX-512 (AMD's before Zen 4, Intel's
//! client parts). Same blocking as the AVX-512 kernel (one task per thread, `b` packed per block
//! of `KC` steps by `NC` columns, `a` per `MR` rows), with `6 × 16` tiles: twelve ymm
//! accumulators, two `b` vectors and one broadcast `a` value fill 15 of the 16 registers.
//!
//! Packing reads the operands through their strides. A transposed `b` (its columns contiguous,
//! as `x·Wᵀ` hands over a stored `[out, in]` weight) is packed by 8 × 8 register transposes, a
//! row-major `b` by plain vector copies; only other strides take the scalar loop.

use super::{reuse, run_tasks, split, with_buf, Dst, Mat, Task, A_BUF, B_BUF};
use std::arch::x86_64::*;

/// Rows of a tile.
const MR: usize = 6;
/// Columns of a tile (two ymm vectors).
const NR: usize = 16;
/// Steps of `k` per block: the `a` panel (6 KiB) and one `b` panel (16 KiB) stay in a 32 KiB L1.
pub(super) const KC: usize = 256;
/// Panels of a transposed `a` packed at once (48 rows: 48 KiB of a `KC` block, in L2).
const GROUP: usize = 8;
/// Columns of `b` packed at once: `KC × NC` floats (256 KiB) stay in a 512 KiB L2.
const NC: usize = 256;

/// The product with `6 × 16` tiles: one task per thread, each packing its own panels (or
/// reading `pre`, `b` packed whole for this kernel).
///
/// # Safety
/// `a` must have m × k elements, `b` k × n, `c` m × n, all in bounds; the CPU must have AVX2 and
/// FMA.
#[allow(clippy::too_many_arguments)]
pub(super) unsafe fn drive_avx2(
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
        // SAFETY: the task's rows and columns are inside the product (`split` cuts m × n), and
        // the caller guarantees the operands and the CPU features.
        unsafe { run_task_avx2(t, k, a, b, c, pre) }
    };
    run_tasks(&split(m, n, threads, MR, NR), threads, task);
}

/// One task: for each block of `NC` columns and `KC` steps, pack `b`, then for each `MR` rows
/// pack `a` and sweep the block's `b` panels.
///
/// # Safety
/// `a` has m × k elements, `b` k × n and `c` m × n (all in bounds), and the task lies inside
/// them; AVX2 and FMA are available.
#[target_feature(enable = "avx2,fma")]
unsafe fn run_task_avx2(t: Task, k: usize, a: Mat, b: Mat, c: Dst, pre: Option<&reuse::Packed>) {
    let width = t.c1 - t.c0;
    let nc_step = width.div_ceil(width.div_ceil(NC)).next_multiple_of(NR);
    let kc_step = k.div_ceil(k.div_ceil(KC));
    // A transposed `a` (its columns contiguous) is packed `GROUP` panels at a time, so that each
    // cache line of a column is read once, not once per panel.
    let group = if a.rs == 1 && a.cs != 1 { GROUP } else { 1 };
    with_buf(&B_BUF, kc_step * nc_step, |bbuf| {
        with_buf(&A_BUF, MR * group * kc_step, |abuf| {
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
                            unsafe { pack_b_avx2(kc, nc, b.from(pc, jc), bbuf.as_mut_ptr()) };
                            bbuf.as_ptr()
                        }
                    };
                    for ic in (t.r0..t.r1).step_by(MR * group) {
                        let rows_ic = (MR * group).min(t.r1 - ic);
                        // SAFETY: rows ic .. ic+rows_ic and steps pc .. pc+kc are inside `a`;
                        // `abuf` holds MR·group·kc_step floats, a panel of MR·kc for each MR
                        // of those rows.
                        unsafe {
                            let (src, out) = (a.from(ic, pc), abuf.as_mut_ptr());
                            if group > 1 {
                                pack_a_columns(rows_ic, kc, src, out);
                            } else {
                                pack_a_avx2(rows_ic, kc, src, out);
                            }
                        }
                        for (q, i) in (ic..ic + rows_ic).step_by(MR).enumerate() {
                            let rows = MR.min(t.r1 - i);
                            for j in (0..nc).step_by(NR) {
                                // SAFETY: the `a` panel q holds MR·kc floats of `abuf`, the `b`
                                // panel at j·kc of `panels` kc·NR; tile rows i .. i+rows and
                                // columns jc+j .. jc+j+min(NR, nc-j) are inside `dst`, which the
                                // first block (pc = 0) has written before later blocks add to it.
                                unsafe {
                                    let tile = c.ptr.add(i * c.ld + jc + j);
                                    let edge = (rows, NR.min(nc - j));
                                    let (ap, bp) =
                                        (abuf.as_ptr().add(q * MR * kc), panels.add(j * kc));
                                    kernel_avx2(kc, ap, bp, tile, c.ld, edge, pc > 0);
                                }
                            }
                        }
                    }
                }
            }
        })
    })
}

/// `tile[mr × nr] (+)= a_panel @ b_panel` for `(mr, nr) = edge`: the `6 × 16` product of one
/// packed panel of each operand over `kc` steps, summed in registers, then stored (or added, when
/// `add`) into the first `mr` rows and `nr` columns of the tile.
///
/// # Safety
/// `a` holds `6·kc` floats (step-major), `b` `16·kc` (step-major); `c` rows `0..mr` and columns
/// `0..nr` (row stride `ldc`) are writable (and initialised, when `add`); AVX2 and FMA are
/// available.
#[target_feature(enable = "avx2,fma")]
unsafe fn kernel_avx2(
    kc: usize,
    a: *const f32,
    b: *const f32,
    c: *mut f32,
    ldc: usize,
    (mr, nr): (usize, usize),
    add: bool,
) {
    let mut acc = [[_mm256_setzero_ps(); 2]; MR];
    // SAFETY: step p reads a[p·6 .. p·6+6] and b[p·16 .. p·16+16], p < kc: inside the panels.
    unsafe {
        for p in 0..kc {
            let (ap, bp) = (a.add(p * MR), b.add(p * NR));
            let b0 = _mm256_loadu_ps(bp);
            let b1 = _mm256_loadu_ps(bp.add(8));
            for (i, row) in acc.iter_mut().enumerate() {
                let ai = _mm256_set1_ps(*ap.add(i));
                row[0] = _mm256_fmadd_ps(ai, b0, row[0]);
                row[1] = _mm256_fmadd_ps(ai, b1, row[1]);
            }
        }
    }
    if mr == MR && nr == NR {
        for (i, row) in acc.iter().enumerate() {
            for (v, &x) in row.iter().enumerate() {
                // SAFETY: row i < 6 and columns 8v .. 8v+8 < 16 of the tile are writable (and
                // initialised when `add`).
                unsafe {
                    let at = c.add(i * ldc + 8 * v);
                    let x = if add {
                        _mm256_add_ps(x, _mm256_loadu_ps(at))
                    } else {
                        x
                    };
                    _mm256_storeu_ps(at, x);
                }
            }
        }
        return;
    }
    // An edge tile: spill the accumulators and write the part inside the product.
    let mut tile = [0.0f32; MR * NR];
    for (i, row) in acc.iter().enumerate() {
        for (v, &x) in row.iter().enumerate() {
            // SAFETY: `tile` holds 96 floats; i·16 + 8v + 8 ≤ 96.
            unsafe { _mm256_storeu_ps(tile.as_mut_ptr().add(i * NR + 8 * v), x) };
        }
    }
    for i in 0..mr {
        for j in 0..nr {
            // SAFETY: (i, j) with i < mr, j < nr is inside the tile of `dst`.
            unsafe {
                let at = c.add(i * ldc + j);
                *at = if add {
                    *at + tile[i * NR + j]
                } else {
                    tile[i * NR + j]
                };
            }
        }
    }
}

/// Packs `mr ≤ 6` rows and `kc` columns of `a` into one step-major panel: `out[p·6 + i] =
/// a(i, p)`, rows `mr..6` zero.
///
/// # Safety
/// (i, p), i < mr, p < kc, are elements of `a`; `out` holds `6·kc` floats; AVX2 is available.
#[target_feature(enable = "avx2,fma")]
unsafe fn pack_a_avx2(mr: usize, kc: usize, a: Mat, out: *mut f32) {
    // SAFETY: every read is an element (i, p) with i < mr, p < kc; every write is below 6·kc.
    unsafe {
        if mr == MR && a.cs == 1 {
            // Rows contiguous: six streams, read in step order.
            let rows: [*const f32; MR] = std::array::from_fn(|i| a.at(i, 0));
            for p in 0..kc {
                for (i, r) in rows.iter().enumerate() {
                    *out.add(p * MR + i) = *r.add(p);
                }
            }
        } else if a.rs == 1 {
            // Columns contiguous (a transposed operand, as `aᵀ · ct` hands over `a`): the panel's
            // `mr` rows of a step are one run, read and written under masks of `mr` and 6 lanes.
            let lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
            let upto = |n: usize| _mm256_cmpgt_epi32(_mm256_set1_epi32(n as i32), lane);
            let (load, store) = (upto(mr), upto(MR));
            // A whole-vector store spills two lanes into the next step's slot, which that step
            // then overwrites: only the last step needs the (slow, on AMD) masked store.
            for p in 0..kc {
                let v = _mm256_maskload_ps(a.ptr.wrapping_offset(p as isize * a.cs), load);
                if p + 1 < kc {
                    _mm256_storeu_ps(out.add(p * MR), v);
                } else {
                    _mm256_maskstore_ps(out.add(p * MR), store, v);
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

/// Packs `rows` rows and `kc` columns of a column-contiguous `a` (`a.rs == 1`, a transposed
/// operand such as the `xᵀ` of a weight gradient `xᵀ·dy`) into `rows.div_ceil(6)` step-major
/// panels of 6 rows (panel `q` at `out[q·6·kc ..]`, rows past `rows` zero), reading each step's
/// run of `rows` elements once. Packed one panel at a time, a step's run was read once per
/// panel from a cache line the previous panel had left (columns apart by the row length, often
/// a multiple of 4 KiB, evict each other from L1).
///
/// # Safety
/// (i, p), i < rows, p < kc, are elements of `a`, and `a.rs == 1`; `out` holds
/// `6·kc·rows.div_ceil(6)` floats.
#[target_feature(enable = "avx2,fma")]
unsafe fn pack_a_columns(rows: usize, kc: usize, a: Mat, out: *mut f32) {
    let (full, tail) = (rows / MR, rows % MR);
    for p in 0..kc {
        // SAFETY: elements (i, p), i < rows, are `src[i]` (unit row stride); writes stay inside
        // the panels, `full` (+ 1 with a tail) of 6·kc floats.
        unsafe {
            let src = a.ptr.wrapping_offset(p as isize * a.cs);
            for q in 0..full {
                std::ptr::copy_nonoverlapping(src.add(q * MR), out.add(q * MR * kc + p * MR), MR);
            }
            if tail > 0 {
                let dst = out.add(full * MR * kc + p * MR);
                for i in 0..MR {
                    *dst.add(i) = if i < tail {
                        *src.add(full * MR + i)
                    } else {
                        0.0
                    };
                }
            }
        }
    }
}

/// Packs `kc` rows and `nc` columns of `b` into `nc.div_ceil(16)` step-major panels of 16
/// columns: panel `q` holds `out[q·kc·16 + p·16 + j] = b(p, 16q + j)`, columns past `nc` zero.
///
/// # Safety
/// (p, j), p < kc, j < nc, are elements of `b`; `out` holds `kc·nc.div_ceil(16)·16` floats; AVX2
/// is available.
#[target_feature(enable = "avx2,fma")]
pub(super) unsafe fn pack_b_avx2(kc: usize, nc: usize, b: Mat, out: *mut f32) {
    for j0 in (0..nc).step_by(NR) {
        let nr = NR.min(nc - j0);
        // SAFETY: reads are elements (p, j0 + j) with p < kc, j < nr; writes stay inside panel
        // j0 / 16, which is below kc·16·nc.div_ceil(16).
        unsafe {
            let panel = out.add(j0 * kc);
            if b.cs == 1 && nr == NR {
                for p in 0..kc {
                    let src = b.at(p, j0);
                    _mm256_storeu_ps(panel.add(p * NR), _mm256_loadu_ps(src));
                    _mm256_storeu_ps(panel.add(p * NR + 8), _mm256_loadu_ps(src.add(8)));
                }
            } else if b.rs == 1 && nr == NR {
                // Columns contiguous: transpose blocks of 8 columns × 8 steps in registers.
                let full = kc - kc % 8;
                for p in (0..full).step_by(8) {
                    for h in 0..2 {
                        let cols: [__m256; 8] =
                            std::array::from_fn(|r| _mm256_loadu_ps(b.at(p, j0 + 8 * h + r)));
                        for (q, x) in transpose8_avx2(cols).into_iter().enumerate() {
                            _mm256_storeu_ps(panel.add((p + q) * NR + 8 * h), x);
                        }
                    }
                }
                for p in full..kc {
                    for j in 0..NR {
                        *panel.add(p * NR + j) = *b.at(p, j0 + j);
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

/// The transpose of an 8 × 8 matrix held as 8 rows: unpacks of pairs, shuffles of pairs of
/// pairs, then the 128-bit halves exchanged.
#[target_feature(enable = "avx2,fma")]
pub(super) fn transpose8_avx2(r: [__m256; 8]) -> [__m256; 8] {
    let t: [__m256; 8] = std::array::from_fn(|i| {
        let (x, y) = (r[2 * (i / 2)], r[2 * (i / 2) + 1]);
        if i % 2 == 0 {
            _mm256_unpacklo_ps(x, y)
        } else {
            _mm256_unpackhi_ps(x, y)
        }
    });
    // u[4h + c] holds, in each half, rows 4h .. 4h+3 of column c (low half) and c + 4 (high).
    let u = [
        _mm256_shuffle_ps::<0x44>(t[0], t[2]),
        _mm256_shuffle_ps::<0xee>(t[0], t[2]),
        _mm256_shuffle_ps::<0x44>(t[1], t[3]),
        _mm256_shuffle_ps::<0xee>(t[1], t[3]),
        _mm256_shuffle_ps::<0x44>(t[4], t[6]),
        _mm256_shuffle_ps::<0xee>(t[4], t[6]),
        _mm256_shuffle_ps::<0x44>(t[5], t[7]),
        _mm256_shuffle_ps::<0xee>(t[5], t[7]),
    ];
    std::array::from_fn(|c| {
        if c < 4 {
            _mm256_permute2f128_ps::<0x20>(u[c], u[4 + c])
        } else {
            _mm256_permute2f128_ps::<0x31>(u[c - 4], u[c])
        }
    })
}

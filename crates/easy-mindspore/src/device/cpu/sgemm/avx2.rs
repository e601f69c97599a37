//! The AVX2 + FMA kernel of [`super`], for CPUs without AVX-512 (AMD's before Zen 4, Intel's
//! client parts). Same blocking as the AVX-512 kernel (one task per thread, `b` packed per block
//! of `KC` steps by `NC` columns, `a` per `MR` rows), with `6 × 16` tiles (twelve ymm
//! accumulators, two `b` vectors and one broadcast `a` value: 15 of the 16 registers) or `4 × 24`
//! tiles (twelve accumulators, three `b` vectors, one broadcast: all 16). Both issue twelve
//! multiply-adds per step of `k`; the second fills a product of 32 rows (a recurrent layer's
//! batch) where the first computes 36, its last tile two-thirds empty.
//!
//! Packing reads the operands through their strides. A transposed `b` (its columns contiguous,
//! as `x·Wᵀ` hands over a stored `[out, in]` weight) is packed by 8 × 8 register transposes, a
//! row-major `b` by plain vector copies; only other strides take the scalar loop.

use super::{reuse, run_tasks, split, with_buf, Dst, Mat, Task, A_BUF, B_BUF};
use std::arch::x86_64::*;

/// The tile shapes, as (rows, vectors of 8 columns).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Tile {
    /// `6 × 16`, the general one.
    S6x16,
    /// `4 × 24`, for products whose rows leave a `6`-row tile mostly empty.
    S4x24,
}

impl Tile {
    /// Columns of a tile.
    pub(super) fn width(self) -> usize {
        match self {
            Tile::S6x16 => 16,
            Tile::S4x24 => 24,
        }
    }

    #[cfg(test)]
    pub(super) const ALL: [Tile; 2] = [Tile::S6x16, Tile::S4x24];

    /// The shape that wastes the least of its tiles on an `m × n` product (`6 × 16` unless the
    /// other fills them clearly better).
    pub(super) fn pick(m: usize, n: usize) -> Tile {
        let fill = |mr: usize, nr: usize| {
            (m * n) as f64 / (m.next_multiple_of(mr) * n.next_multiple_of(nr)) as f64
        };
        if fill(4, 24) > 1.05 * fill(6, 16) {
            Tile::S4x24
        } else {
            Tile::S6x16
        }
    }
}

/// Steps of `k` per block: the `a` panel (6 KiB) and one `b` panel (16–24 KiB) stay in a 32 KiB L1.
pub(super) const KC: usize = 256;
/// Panels of a transposed `a` packed at once (48 rows of `6 × 16` tiles: 48 KiB of a `KC` block,
/// in L2).
const GROUP: usize = 8;
/// Columns of `b` packed at once: `KC × NC` floats (256 KiB) stay in a 512 KiB L2.
const NC: usize = 256;

/// The product with tiles of the given shape.
///
/// # Safety
/// As for [`drive_tiles`].
#[allow(clippy::too_many_arguments)]
pub(super) unsafe fn drive_avx2(
    tile: Tile,
    m: usize,
    n: usize,
    k: usize,
    a: Mat,
    b: Mat,
    c: Dst,
    threads: usize,
    pre: Option<&reuse::Packed>,
) {
    // SAFETY: the caller's guarantees are `drive_tiles`'.
    unsafe {
        match tile {
            Tile::S6x16 => drive_tiles::<6, 2>(m, n, k, a, b, c, threads, pre),
            Tile::S4x24 => drive_tiles::<4, 3>(m, n, k, a, b, c, threads, pre),
        }
    }
}

/// The product with `MR × 8·NV` tiles: one task per thread, each packing its own panels (or
/// reading `pre`, `b` packed whole for this kernel).
///
/// # Safety
/// `a` must have m × k elements, `b` k × n, `c` m × n, all in bounds; the CPU must have AVX2 and
/// FMA.
#[allow(clippy::too_many_arguments)]
unsafe fn drive_tiles<const MR: usize, const NV: usize>(
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
        unsafe { run_task_avx2::<MR, NV>(t, k, a, b, c, pre) }
    };
    run_tasks(&split(m, n, threads, MR, 8 * NV), threads, task);
}

/// One task: for each block of `NC` columns and `KC` steps, pack `b`, then for each `MR` rows
/// pack `a` and sweep the block's `b` panels.
///
/// # Safety
/// `a` has m × k elements, `b` k × n and `c` m × n (all in bounds), and the task lies inside
/// them; AVX2 and FMA are available.
#[target_feature(enable = "avx2,fma")]
unsafe fn run_task_avx2<const MR: usize, const NV: usize>(
    t: Task,
    k: usize,
    a: Mat,
    b: Mat,
    c: Dst,
    pre: Option<&reuse::Packed>,
) {
    let nr = 8 * NV;
    let width = t.c1 - t.c0;
    let nc_step = width.div_ceil(width.div_ceil(NC)).next_multiple_of(nr);
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
                            unsafe { pack_b_avx2::<NV>(kc, nc, b.from(pc, jc), bbuf.as_mut_ptr()) };
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
                                pack_a_columns::<MR>(rows_ic, kc, src, out);
                            } else {
                                pack_a_avx2::<MR>(rows_ic, kc, src, out);
                            }
                        }
                        for (q, i) in (ic..ic + rows_ic).step_by(MR).enumerate() {
                            let rows = MR.min(t.r1 - i);
                            for j in (0..nc).step_by(nr) {
                                // SAFETY: the `a` panel q holds MR·kc floats of `abuf`, the `b`
                                // panel at j·kc of `panels` kc·8NV; tile rows i .. i+rows and
                                // columns jc+j .. jc+j+min(8NV, nc-j) are inside `dst`, which the
                                // first block (pc = 0) has written before later blocks add to it.
                                unsafe {
                                    let tile = c.ptr.add(i * c.ld + jc + j);
                                    let edge = (rows, nr.min(nc - j));
                                    let (ap, bp) =
                                        (abuf.as_ptr().add(q * MR * kc), panels.add(j * kc));
                                    kernel_avx2::<MR, NV>(kc, ap, bp, tile, c.ld, edge, pc > 0);
                                }
                            }
                        }
                    }
                }
            }
        })
    })
}

/// `tile[mr × nr] (+)= a_panel @ b_panel` for `(mr, nr) = edge`: the `MR × 8·NV` product of one
/// packed panel of each operand over `kc` steps, summed in registers, then stored (or added, when
/// `add`) into the first `mr` rows and `nr` columns of the tile.
///
/// # Safety
/// `a` holds `MR·kc` floats (step-major), `b` `8·NV·kc` (step-major); `c` rows `0..mr` and
/// columns `0..nr` (row stride `ldc`) are writable (and initialised, when `add`); AVX2 and FMA
/// are available.
#[target_feature(enable = "avx2,fma")]
unsafe fn kernel_avx2<const MR: usize, const NV: usize>(
    kc: usize,
    a: *const f32,
    b: *const f32,
    c: *mut f32,
    ldc: usize,
    (mr, nr): (usize, usize),
    add: bool,
) {
    let width = 8 * NV;
    let mut acc = [[_mm256_setzero_ps(); NV]; MR];
    if MR == 4 && NV == 3 {
        // SAFETY: the panels hold 4·kc and 24·kc floats (the caller's guarantee, MR = 4, NV = 3).
        let sums = unsafe { steps_4x24(kc, a, b) };
        for (row, sum) in acc.iter_mut().zip(sums) {
            for (x, y) in row.iter_mut().zip(sum) {
                *x = y;
            }
        }
    } else {
        // SAFETY: step p reads a[p·MR .. p·MR+MR] and b[p·8NV .. p·8NV+8NV], p < kc: inside the
        // panels.
        unsafe {
            for p in 0..kc {
                let (ap, bp) = (a.add(p * MR), b.add(p * width));
                let bv: [__m256; NV] = std::array::from_fn(|v| _mm256_loadu_ps(bp.add(8 * v)));
                for (i, row) in acc.iter_mut().enumerate() {
                    let ai = _mm256_set1_ps(*ap.add(i));
                    for (r, &x) in row.iter_mut().zip(&bv) {
                        *r = _mm256_fmadd_ps(ai, x, *r);
                    }
                }
            }
        }
    }
    if mr == MR && nr == width {
        for (i, row) in acc.iter().enumerate() {
            for (v, &x) in row.iter().enumerate() {
                // SAFETY: row i < MR and columns 8v .. 8v+8 < 8·NV of the tile are writable (and
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
    let mut tile = [0.0f32; 6 * 16];
    for (i, row) in acc.iter().enumerate() {
        for (v, &x) in row.iter().enumerate() {
            // SAFETY: `tile` holds 96 floats ≥ MR·8·NV (both shapes are 96); i·8NV + 8v + 8 ≤ 96.
            unsafe { _mm256_storeu_ps(tile.as_mut_ptr().add(i * width + 8 * v), x) };
        }
    }
    for i in 0..mr {
        for j in 0..nr {
            // SAFETY: (i, j) with i < mr, j < nr is inside the tile of `dst`.
            unsafe {
                let at = c.add(i * ldc + j);
                *at = if add {
                    *at + tile[i * width + j]
                } else {
                    tile[i * width + j]
                };
            }
        }
    }
}

/// The sums of a `4 × 24` tile over `kc` steps, in assembly: its twelve accumulators, three
/// `b` vectors and one broadcast take all sixteen ymm registers, and the compiler, scheduling two
/// broadcasts at once, kept one accumulator in memory (a store and a reload on its chain at
/// every step: half the speed).
///
/// # Safety
/// `a` holds `4·kc` floats, `b` `24·kc` (step-major); AVX2 and FMA are available.
#[target_feature(enable = "avx2,fma")]
unsafe fn steps_4x24(kc: usize, a: *const f32, b: *const f32) -> [[__m256; 3]; 4] {
    let z = _mm256_setzero_ps();
    if kc == 0 {
        return [[z; 3]; 4];
    }
    let (mut c00, mut c01, mut c02, mut c10, mut c11, mut c12) = (z, z, z, z, z, z);
    let (mut c20, mut c21, mut c22, mut c30, mut c31, mut c32) = (z, z, z, z, z, z);
    // SAFETY: each of the kc ≥ 1 steps reads 4 floats of `a` and 24 of `b` and advances past
    // them: inside the panels. Only the named registers are written.
    unsafe {
        std::arch::asm!(
            "2:",
            "vmovups {b0}, ymmword ptr [{b}]",
            "vmovups {b1}, ymmword ptr [{b} + 32]",
            "vmovups {b2}, ymmword ptr [{b} + 64]",
            "vbroadcastss {x}, dword ptr [{a}]",
            "vfmadd231ps {c00}, {x}, {b0}",
            "vfmadd231ps {c01}, {x}, {b1}",
            "vfmadd231ps {c02}, {x}, {b2}",
            "vbroadcastss {x}, dword ptr [{a} + 4]",
            "vfmadd231ps {c10}, {x}, {b0}",
            "vfmadd231ps {c11}, {x}, {b1}",
            "vfmadd231ps {c12}, {x}, {b2}",
            "vbroadcastss {x}, dword ptr [{a} + 8]",
            "vfmadd231ps {c20}, {x}, {b0}",
            "vfmadd231ps {c21}, {x}, {b1}",
            "vfmadd231ps {c22}, {x}, {b2}",
            "vbroadcastss {x}, dword ptr [{a} + 12]",
            "vfmadd231ps {c30}, {x}, {b0}",
            "vfmadd231ps {c31}, {x}, {b1}",
            "vfmadd231ps {c32}, {x}, {b2}",
            "add {a}, 16",
            "add {b}, 96",
            "dec {k}",
            "jnz 2b",
            a = inout(reg) a => _,
            b = inout(reg) b => _,
            k = inout(reg) kc => _,
            b0 = out(ymm_reg) _,
            b1 = out(ymm_reg) _,
            b2 = out(ymm_reg) _,
            x = out(ymm_reg) _,
            c00 = inout(ymm_reg) c00,
            c01 = inout(ymm_reg) c01,
            c02 = inout(ymm_reg) c02,
            c10 = inout(ymm_reg) c10,
            c11 = inout(ymm_reg) c11,
            c12 = inout(ymm_reg) c12,
            c20 = inout(ymm_reg) c20,
            c21 = inout(ymm_reg) c21,
            c22 = inout(ymm_reg) c22,
            c30 = inout(ymm_reg) c30,
            c31 = inout(ymm_reg) c31,
            c32 = inout(ymm_reg) c32,
            options(nostack, readonly),
        );
    }
    [
        [c00, c01, c02],
        [c10, c11, c12],
        [c20, c21, c22],
        [c30, c31, c32],
    ]
}

/// Packs `mr ≤ MR` rows and `kc` columns of `a` into one step-major panel: `out[p·MR + i] =
/// a(i, p)`, rows `mr..MR` zero.
///
/// # Safety
/// (i, p), i < mr, p < kc, are elements of `a`; `out` holds `MR·kc` floats; `MR ≤ 8`; AVX2 is
/// available.
#[target_feature(enable = "avx2,fma")]
unsafe fn pack_a_avx2<const MR: usize>(mr: usize, kc: usize, a: Mat, out: *mut f32) {
    // SAFETY: every read is an element (i, p) with i < mr, p < kc; every write is below MR·kc.
    unsafe {
        if mr == MR && a.cs == 1 {
            // Rows contiguous: MR streams, read in step order.
            let rows: [*const f32; MR] = std::array::from_fn(|i| a.at(i, 0));
            for p in 0..kc {
                for (i, r) in rows.iter().enumerate() {
                    *out.add(p * MR + i) = *r.add(p);
                }
            }
        } else if a.rs == 1 {
            // Columns contiguous (a transposed operand, as `aᵀ · ct` hands over `a`): the panel's
            // `mr` rows of a step are one run, read and written under masks of `mr` and MR lanes.
            let lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
            let upto = |n: usize| _mm256_cmpgt_epi32(_mm256_set1_epi32(n as i32), lane);
            let (load, store) = (upto(mr), upto(MR));
            // A whole-vector store spills 8 - MR lanes into the next step's slot, which that step
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
/// operand such as the `xᵀ` of a weight gradient `xᵀ·dy`) into `rows.div_ceil(MR)` step-major
/// panels of MR rows (panel `q` at `out[q·MR·kc ..]`, rows past `rows` zero), reading each step's
/// run of `rows` elements once. Packed one panel at a time, a step's run was read once per
/// panel from a cache line the previous panel had left (columns apart by the row length, often
/// a multiple of 4 KiB, evict each other from L1).
///
/// # Safety
/// (i, p), i < rows, p < kc, are elements of `a`, and `a.rs == 1`; `out` holds
/// `MR·kc·rows.div_ceil(MR)` floats.
#[target_feature(enable = "avx2,fma")]
unsafe fn pack_a_columns<const MR: usize>(rows: usize, kc: usize, a: Mat, out: *mut f32) {
    let (full, tail) = (rows / MR, rows % MR);
    for p in 0..kc {
        // SAFETY: elements (i, p), i < rows, are `src[i]` (unit row stride); writes stay inside
        // the panels, `full` (+ 1 with a tail) of MR·kc floats.
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

/// Packs `kc` rows and `nc` columns of `b` into `nc.div_ceil(8·NV)` step-major panels of `8·NV`
/// columns: panel `q` holds `out[q·kc·8NV + p·8NV + j] = b(p, 8NV·q + j)`, columns past `nc` zero.
///
/// # Safety
/// (p, j), p < kc, j < nc, are elements of `b`; `out` holds `kc·nc.div_ceil(8NV)·8NV` floats;
/// AVX2 is available.
#[target_feature(enable = "avx2,fma")]
pub(super) unsafe fn pack_b_avx2<const NV: usize>(kc: usize, nc: usize, b: Mat, out: *mut f32) {
    let width = 8 * NV;
    for j0 in (0..nc).step_by(width) {
        let nr = width.min(nc - j0);
        // SAFETY: reads are elements (p, j0 + j) with p < kc, j < nr; writes stay inside panel
        // j0 / 8NV, which is below kc·8NV·nc.div_ceil(8NV).
        unsafe {
            let panel = out.add(j0 * kc);
            if b.cs == 1 && nr == width {
                for p in 0..kc {
                    let src = b.at(p, j0);
                    for v in 0..NV {
                        _mm256_storeu_ps(
                            panel.add(p * width + 8 * v),
                            _mm256_loadu_ps(src.add(8 * v)),
                        );
                    }
                }
            } else if b.rs == 1 && nr == width {
                // Columns contiguous: transpose blocks of 8 columns × 8 steps in registers.
                let full = kc - kc % 8;
                for p in (0..full).step_by(8) {
                    for h in 0..NV {
                        let cols: [__m256; 8] =
                            std::array::from_fn(|r| _mm256_loadu_ps(b.at(p, j0 + 8 * h + r)));
                        for (q, x) in transpose8_avx2(cols).into_iter().enumerate() {
                            _mm256_storeu_ps(panel.add((p + q) * width + 8 * h), x);
                        }
                    }
                }
                for p in full..kc {
                    for j in 0..width {
                        *panel.add(p * width + j) = *b.at(p, j0 + j);
                    }
                }
            } else {
                for p in 0..kc {
                    for j in 0..width {
                        *panel.add(p * width + j) = if j < nr { *b.at(p, j0 + j) } else { 0.0 };
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

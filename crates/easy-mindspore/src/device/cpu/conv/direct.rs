//! The Float32 filter gradient of a stride-1 convolution as dot products over wide rows, on
//! AVX-512. In the wide numbering of [`super::wide`], the gradient of filter tap `t` of output
//! channel `o` is `Σ_samples Σ_q y[o, q] · xp[tap(t) + q]` over one run of `L` positions: a dot
//! product of the wide cotangent row (zero past each row's `ow` positions) with the padded input
//! shifted by the tap. So nothing is copied into columns and nothing is packed: the kernel reads
//! both runs where they lie. The im2col product it replaces is `[O/g, B·L] · [B·L, ck]`, a
//! product with few rows and columns over a long sum, where a packed GEMM spends most of its time
//! packing (LeNet's first layer: `6 × 25` over 57,000 steps).
//!
//! A block of `MB ≤ 4` output channels by `NB ≤ 6` taps keeps its 24 sums as 16-lane vectors in
//! registers while it walks a chunk of samples (a few, so that their rows stay in L1), then adds
//! them into a vector accumulator per (channel, tap); the sixteen lanes are added up once, at the
//! end. Chosen for stride-1 convolutions whose wide rows waste at most as many positions as they
//! keep ([`applies`]).

use super::{give, refused, scratch, At, Geo};
use crate::device::cpu::simd::{self, Level};
use crate::error::Result;
use crate::op::ConvKind;
use std::arch::x86_64::*;

/// Output channels per block.
const MB: usize = 4;
/// Taps per block.
const NB: usize = 6;
/// Bytes of wide cotangent rows and padded planes a chunk of samples aims for (in a 48 KiB L1).
const CHUNK_BYTES: usize = 32 << 10;

/// Whether the filter gradient of `g` is taken here: AVX-512, stride 1, not a 1×1 product of the
/// input itself, and the wide rows at most twice the output's.
pub(super) fn applies(g: &Geo) -> bool {
    let (_, wp, _, _) = g.padded();
    simd::level() == Level::Avx512 && g.win.stride == [1, 1] && !g.pointwise() && wp <= 2 * g.ow
}

/// The filter gradient summed over samples `n0..n1`: `[O, ck]` (see [`applies`]).
pub(super) fn weight(g: &Geo, x: &[f32], y: &[f32], (n0, n1): (usize, usize)) -> Result<Vec<f32>> {
    let kind = ConvKind::Weight;
    let (_, _, plane, l) = g.padded();
    let (ck, og, cg, hw) = (g.ck(), g.og(), g.cg(), g.hw());
    let per_sample = 4 * (og * l + if g.unpadded() { cg * hw } else { cg * plane });
    let chunk = (CHUNK_BYTES / per_sample.max(1)).clamp(1, (n1 - n0).max(1));
    let taps: Vec<usize> = g.taps().collect();
    let mut acc = super::pool::zeros::<f32>(g.o * ck).at(super::name(kind))?;
    let mut lanes = super::pool::zeros::<f32>(og * ck * 16).at(super::name(kind))?;
    let mut ys = scratch::<f32>(kind, og * chunk * l)?;
    let mut xp = scratch::<f32>(kind, if g.unpadded() { 0 } else { chunk * cg * plane })?;
    for gi in 0..g.g {
        lanes.fill(0.0);
        for s0 in (n0..n1).step_by(chunk) {
            let b = chunk.min(n1 - s0);
            let ys = &mut ys[..og * b * l];
            super::wide::wide_y(g, y, s0, b, gi, ys);
            // The padded planes of the chunk's samples, `stride` apart.
            let (planes, stride): (&[f32], usize) = if g.unpadded() {
                (&x[(s0 * g.c + gi * cg) * hw..], g.c * hw)
            } else {
                for s in 0..b {
                    let sample = &x[(s0 + s) * g.c * hw..][..g.c * hw];
                    let buf = &mut xp[s * cg * plane..][..cg * plane];
                    super::wide::padded_group(g, sample, gi, buf);
                }
                (&xp[..b * cg * plane], cg * plane)
            };
            // Every run read: row `o` of sample `s` of `ys` ends by `og·b·L`; tap `t` of sample `s`
            // of the planes ends by `(b − 1)·stride + cg·plane` (the last tap's run ends at the
            // group's last padded element).
            let end = (b - 1) * stride + cg * plane;
            if ys.len() < og * b * l
                || planes.len() < end
                || taps.iter().any(|&t| t + l > cg * plane)
            {
                return Err(refused(kind, g));
            }
            let rows = Rows {
                a: ys.as_ptr(),
                a_rs: b * l,
                a_ss: l,
                b: planes.as_ptr(),
                b_ss: stride,
                samples: b,
                l,
            };
            for o0 in (0..og).step_by(MB) {
                for t0 in (0..ck).step_by(NB) {
                    let (mb, nb) = (MB.min(og - o0), NB.min(ck - t0));
                    // SAFETY: the CPU has AVX-512 (`applies`); rows `o0..o0 + mb` of `ys` and the
                    // runs of taps `t0..t0 + nb` lie inside their slices (checked above), and
                    // `lanes` holds 16 floats for every (channel, tap) of the group.
                    unsafe {
                        block_any(mb, nb, &rows, o0, &taps[t0..t0 + nb], &mut lanes, (ck, t0));
                    }
                }
            }
        }
        for (o, row) in acc[gi * og * ck..][..og * ck]
            .chunks_exact_mut(ck)
            .enumerate()
        {
            for (t, v) in row.iter_mut().enumerate() {
                *v = lanes[(o * ck + t) * 16..][..16].iter().sum();
            }
        }
    }
    give(ys);
    give(xp);
    give(lanes);
    Ok(acc)
}

/// The operands of a chunk: cotangent row `o` of sample `s` at `a + o·a_rs + s·a_ss`, the padded
/// planes of sample `s` at `b + s·b_ss`, `l` positions per run.
struct Rows {
    a: *const f32,
    a_rs: usize,
    a_ss: usize,
    b: *const f32,
    b_ss: usize,
    samples: usize,
    l: usize,
}

/// [`block`] for an `mb × nb` block (`1..=MB` by `1..=NB`).
///
/// # Safety
/// As for [`block`].
unsafe fn block_any(
    mb: usize,
    nb: usize,
    r: &Rows,
    o0: usize,
    taps: &[usize],
    lanes: &mut [f32],
    at: (usize, usize),
) {
    macro_rules! pick {
        ($($m:literal: $($n:literal)+;)+) => {
            match (mb, nb) {
                $($(($m, $n) => unsafe { block::<$m, $n>(r, o0, taps, lanes, at) },)+)+
                _ => unreachable!("blocks are at most {MB} × {NB}"),
            }
        };
    }
    pick! {
        1: 1 2 3 4 5 6;
        2: 1 2 3 4 5 6;
        3: 1 2 3 4 5 6;
        4: 1 2 3 4 5 6;
    }
}

/// Adds, for `M` channels from `o0` and the `N` taps `taps`, the sixteen lane sums of the chunk's
/// dot products into `lanes` (channel `o`, tap `t` at `(o·ck + t)·16`, with `(ck, t0)` = `at`).
///
/// # Safety
/// AVX-512 is available; rows `o0..o0 + M` of every sample of `r.a` and the runs
/// `taps[j]..taps[j] + r.l` of every sample's planes lie inside their allocations; `lanes` holds
/// the block's entries.
#[target_feature(enable = "avx512f,avx512vl,avx512bw,avx512dq,avx2,fma,bmi1,bmi2")]
unsafe fn block<const M: usize, const N: usize>(
    r: &Rows,
    o0: usize,
    taps: &[usize],
    lanes: &mut [f32],
    (ck, t0): (usize, usize),
) {
    let mut sum = [[_mm512_setzero_ps(); N]; M];
    let full = r.l / 16;
    let tail: __mmask16 = ((1u32 << (r.l % 16)) - 1) as __mmask16;
    for s in 0..r.samples {
        // SAFETY (this block): every pointer formed is inside a run the caller guarantees; the
        // tail's masked loads read only its `l % 16` elements.
        unsafe {
            let mut a = [r.a; M];
            for (i, p) in a.iter_mut().enumerate() {
                *p = r.a.add((o0 + i) * r.a_rs + s * r.a_ss);
            }
            let mut b = [r.b; N];
            for (j, p) in b.iter_mut().enumerate() {
                *p = r.b.add(s * r.b_ss + taps[j]);
            }
            let mut av = [_mm512_setzero_ps(); M];
            for v in 0..full {
                for i in 0..M {
                    av[i] = _mm512_loadu_ps(a[i].add(16 * v));
                }
                for j in 0..N {
                    let bv = _mm512_loadu_ps(b[j].add(16 * v));
                    for i in 0..M {
                        sum[i][j] = _mm512_fmadd_ps(av[i], bv, sum[i][j]);
                    }
                }
            }
            if tail != 0 {
                let off = 16 * full;
                for i in 0..M {
                    av[i] = _mm512_maskz_loadu_ps(tail, a[i].add(off));
                }
                for j in 0..N {
                    let bv = _mm512_maskz_loadu_ps(tail, b[j].add(off));
                    for i in 0..M {
                        sum[i][j] = _mm512_fmadd_ps(av[i], bv, sum[i][j]);
                    }
                }
            }
        }
    }
    for (i, row) in sum.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let dst = &mut lanes[((o0 + i) * ck + t0 + j) * 16..][..16];
            // SAFETY: `dst` holds 16 floats.
            unsafe {
                let p = dst.as_mut_ptr();
                _mm512_storeu_ps(p, _mm512_add_ps(_mm512_loadu_ps(p), v));
            }
        }
    }
}

/// The forward over samples `n0..n0 + len`, writing `out` (their `[len, O, oh·ow]`; see
/// [`applies`]): each wide output row `y[o, q] = Σ_t w[o, t] · xp[tap(t) + q]`, a correlation of
/// the padded planes with the filter, computed in place of the im2col product.
pub(super) fn forward(g: &Geo, x: &[f32], w: &[f32], n0: usize, out: &mut [f32]) -> Result<()> {
    let kind = ConvKind::Forward;
    let (_, wp, plane, l) = g.padded();
    let (ck, og, cg, hw, ow, ohw) = (g.ck(), g.og(), g.cg(), g.hw(), g.ow, g.ohw());
    let len = out.len() / (g.o * ohw).max(1);
    let taps: Vec<usize> = g.taps().collect();
    let weights: Vec<usize> = (0..ck).collect();
    if taps.iter().any(|&t| t + l > cg * plane) || w.len() < g.o * ck {
        return Err(refused(kind, g));
    }
    let mut xp = scratch::<f32>(kind, if g.unpadded() { 0 } else { cg * plane })?;
    let mut wide = scratch::<f32>(kind, og * l)?;
    for s in 0..len {
        let sample = &x[(n0 + s) * g.c * hw..][..g.c * hw];
        for gi in 0..g.g {
            let planes = super::wide::padded_group(g, sample, gi, &mut xp);
            if planes.len() < cg * plane {
                return Err(refused(kind, g));
            }
            let c = Corr {
                w: w[gi * og * ck..].as_ptr(),
                w_rs: ck,
                weights: &weights,
                src: planes.as_ptr(),
                taps: &taps,
                out: wide.as_mut_ptr(),
                out_rs: l,
                len: l,
            };
            // SAFETY: AVX-512 (`applies`); rows `0..og` of the group's filter hold `ck` weights
            // each, every tap's run of `l` lies inside the planes (checked above), and `wide`
            // holds `og` rows of `l`.
            unsafe { correlate(&c, og) };
            for o in 0..og {
                let src = &wide[o * l..][..l];
                let y = &mut out[(s * g.o + gi * og + o) * ohw..][..ohw];
                for (r, run) in y.chunks_exact_mut(ow).enumerate() {
                    run.copy_from_slice(&src[r * wp..][..ow]);
                }
            }
        }
    }
    give(xp);
    give(wide);
    Ok(())
}

/// A correlation: output row `r` at position `q` (`q < len`, written at `out + r·out_rs + q`) is
/// `Σ_k w[r·w_rs + weights[k]] · src[taps[k] + q]`.
struct Corr<'a> {
    w: *const f32,
    w_rs: usize,
    weights: &'a [usize],
    src: *const f32,
    taps: &'a [usize],
    out: *mut f32,
    out_rs: usize,
    len: usize,
}

/// Output rows per tile.
const MR: usize = 6;
/// Vectors of 16 positions per tile.
const NV: usize = 4;

/// Writes rows `0..rows` of the correlation `c`, tile by tile.
///
/// # Safety
/// AVX-512 is available; for every row `r < rows`, `k` and `q < c.len`, the weight, source and
/// output elements named in [`Corr`] lie inside their allocations.
unsafe fn correlate(c: &Corr, rows: usize) {
    macro_rules! pick {
        ($mr:expr, $nv:expr, $r0:expr, $q0:expr; $($m:literal: $($v:literal)+;)+) => {
            match ($mr, $nv) {
                $($(($m, $v) => unsafe { tile::<$m, $v>(c, $r0, $q0) },)+)+
                _ => unreachable!("tiles are at most {MR} × {NV} vectors"),
            }
        };
    }
    for r0 in (0..rows).step_by(MR) {
        for q0 in (0..c.len).step_by(16 * NV) {
            let (mr, nv) = (MR.min(rows - r0), NV.min((c.len - q0).div_ceil(16)));
            pick! { mr, nv, r0, q0;
                1: 1 2 3 4;
                2: 1 2 3 4;
                3: 1 2 3 4;
                4: 1 2 3 4;
                5: 1 2 3 4;
                6: 1 2 3 4;
            }
        }
    }
}

/// Rows `r0..r0 + M`, positions `q0..q0 + 16·V` (those below `c.len`) of the correlation `c`.
///
/// # Safety
/// As for [`correlate`], for these rows and positions.
#[target_feature(enable = "avx512f,avx512vl,avx512bw,avx512dq,avx2,fma,bmi1,bmi2")]
unsafe fn tile<const M: usize, const V: usize>(c: &Corr, r0: usize, q0: usize) {
    let mut acc = [[_mm512_setzero_ps(); V]; M];
    let mut mask: [__mmask16; V] = [0; V];
    for (v, m) in mask.iter_mut().enumerate() {
        let n = c.len.saturating_sub(q0 + 16 * v).min(16);
        *m = ((1u32 << n) - 1) as __mmask16;
    }
    let mut xv = [_mm512_setzero_ps(); V];
    for (&tap, &wk) in c.taps.iter().zip(c.weights) {
        // Masked lanes are not read, so the addresses past `len` are formed with wrapping
        // arithmetic and never dereferenced.
        let s = c.src.wrapping_add(tap + q0);
        for v in 0..V {
            // SAFETY: the unmasked lanes are positions below `len` of this tap's run.
            xv[v] = unsafe { _mm512_maskz_loadu_ps(mask[v], s.wrapping_add(16 * v)) };
        }
        for (i, row) in acc.iter_mut().enumerate() {
            // SAFETY: row `r0 + i` holds the weight `wk` (the caller's guarantee).
            let wb = _mm512_set1_ps(unsafe { *c.w.add((r0 + i) * c.w_rs + wk) });
            for v in 0..V {
                row[v] = _mm512_fmadd_ps(wb, xv[v], row[v]);
            }
        }
    }
    for (i, row) in acc.iter().enumerate() {
        let o = c.out.wrapping_add((r0 + i) * c.out_rs + q0);
        for v in 0..V {
            // SAFETY: the unmasked lanes are positions below `len` of output row `r0 + i`.
            unsafe { _mm512_mask_storeu_ps(o.wrapping_add(16 * v), mask[v], row[v]) };
        }
    }
}

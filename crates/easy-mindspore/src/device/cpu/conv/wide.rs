//! The stride-1 convolution over **wide rows**: each sample's planes are taken padded
//! (`[C, Hp, Wp]` with `Hp = oh + (k_h − 1)·d_h`, `Wp = ow + (k_w − 1)·d_w`), and output position
//! `(r, c)` is numbered `q = r·Wp + c`. Then the window tap `(i, j)` of every output position is
//! the padded plane shifted by `i·d_h·Wp + j·d_w`: a row of the columns is one contiguous run of
//! `L = (oh − 1)·Wp + ow` elements of the plane, copied (forward, weight gradient) or added
//! (input gradient) in one piece, where [`super::im2col`] copies `oh` runs of `ow` (for LeNet's
//! 28-wide rows, a third of its time went to the calls of those short copies). The product
//! computes the `Wp − ow` positions past each row's end too, and they are dropped: chosen only
//! when that waste is small ([`super::Geo::wide`]).
//!
//! The forward takes the product `[O/g, ck] · [ck, B·L]` and keeps each row's first `ow`
//! positions; the gradients take the output's cotangent in the same wide layout, zero past each
//! row's end, so that the dropped positions add nothing.

use super::{give, refused, scratch, At, Float, Geo, Mat};
use crate::error::Result;
use crate::op::ConvKind;

impl Geo {
    /// Whether the convolution is taken over wide rows: stride 1, not a 1×1 product of the input
    /// itself, and the positions computed past each row's end at most a quarter of its width.
    pub(super) fn wide(&self) -> bool {
        let (_, wp, _, _) = self.padded();
        self.win.stride == [1, 1] && !self.pointwise() && 4 * wp <= 5 * self.ow
    }

    /// The padded plane's height, width and size, and the length `L` of a wide row of columns.
    pub(super) fn padded(&self) -> (usize, usize, usize, usize) {
        let hp = self.oh + (self.kh - 1) * self.win.dilation[0];
        let wp = self.ow + (self.kw - 1) * self.win.dilation[1];
        (hp, wp, hp * wp, (self.oh - 1) * wp + self.ow)
    }

    /// The padded planes are the input's own (no padding, every row and column read).
    pub(super) fn unpadded(&self) -> bool {
        let (hp, wp, _, _) = self.padded();
        self.win.pad == [0, 0] && (hp, wp) == (self.h, self.w)
    }

    /// Samples per scratch block of wide columns.
    fn wide_block(&self) -> usize {
        let (_, _, _, l) = self.padded();
        (super::BLOCK / (self.ck() * l).max(1)).clamp(1, self.n.max(1))
    }

    /// The offset in a group's padded planes of each row `(c·k_h + i)·k_w + j` of the columns,
    /// in row order.
    pub(super) fn taps(&self) -> impl Iterator<Item = usize> + '_ {
        let (_, wp, plane, _) = self.padded();
        let [dh, dw] = self.win.dilation;
        (0..self.cg()).flat_map(move |c| {
            (0..self.kh)
                .flat_map(move |i| (0..self.kw).map(move |j| c * plane + i * dh * wp + j * dw))
        })
    }
}

/// Group `gi` of one sample `x [C, H, W]` as padded planes `[C/g, Hp, Wp]`: the input itself
/// when it needs no padding, else copied into `buf` with zeros around it.
pub(super) fn padded_group<'a, T: Float>(
    g: &Geo,
    x: &'a [T],
    gi: usize,
    buf: &'a mut [T],
) -> &'a [T] {
    let (cg, hw) = (g.cg(), g.hw());
    let group = &x[gi * cg * hw..][..cg * hw];
    if g.unpadded() {
        return group;
    }
    let (hp, wp, plane, _) = g.padded();
    let [pt, pl] = g.win.pad;
    buf.fill(T::from_f64(0.0));
    // Columns `pl..pl + n` of a padded row hold input columns `0..n` (those inside the plane).
    let n = g.w.min(wp.saturating_sub(pl));
    for c in 0..cg {
        for r in 0..hp {
            let Some(src) = (r < pt + g.h).then(|| r.checked_sub(pt)).flatten() else {
                continue;
            };
            let dst = &mut buf[c * plane + r * wp + pl..][..n];
            dst.copy_from_slice(&group[c * hw + src * g.w..][..n]);
        }
    }
    buf
}

/// Fills columns `off..off + L` of the `[ck, ld]` block `cols` from padded planes `xp`.
fn wide_cols<T: Float>(g: &Geo, xp: &[T], cols: &mut [T], ld: usize, off: usize) {
    let (_, _, _, l) = g.padded();
    for (row, tap) in g.taps().enumerate() {
        cols[row * ld + off..][..l].copy_from_slice(&xp[tap..][..l]);
    }
}

/// Group `gi` of samples `n0..n0 + b` of the cotangent `y [N, O, oh·ow]` in the wide layout,
/// side by side: `[O/g, b·L]`, zero past each row's `ow` positions.
pub(super) fn wide_y<T: Float>(g: &Geo, y: &[T], n0: usize, b: usize, gi: usize, out: &mut [T]) {
    let (_, wp, _, l) = g.padded();
    let (og, ow, ohw) = (g.og(), g.ow, g.ohw());
    out.fill(T::from_f64(0.0));
    for o in 0..og {
        for s in 0..b {
            let src = &y[((n0 + s) * g.o + gi * og + o) * ohw..][..ohw];
            let dst = &mut out[(o * b + s) * l..][..l];
            for (r, run) in src.chunks_exact(ow).enumerate() {
                dst[r * wp..][..ow].copy_from_slice(run);
            }
        }
    }
}

/// The forward over samples `n0..n0 + len`, writing `out` (their `[len, O, oh·ow]`).
pub(super) fn forward<T: Float>(
    g: &Geo,
    x: &[T],
    w: &[T],
    n0: usize,
    out: &mut [T],
    par: bool,
) -> Result<()> {
    let kind = ConvKind::Forward;
    let (_, wp, plane, l) = g.padded();
    let (ck, og, ow, ohw) = (g.ck(), g.og(), g.ow, g.ohw());
    let len = out.len() / (g.o * ohw).max(1);
    let bs = g.wide_block();
    let mut cols = scratch::<T>(kind, ck * bs * l)?;
    let mut tmp = scratch::<T>(kind, og * bs * l)?;
    let mut xp = scratch::<T>(kind, if g.unpadded() { 0 } else { g.cg() * plane })?;
    for s0 in (0..len).step_by(bs) {
        let b = bs.min(len - s0);
        for gi in 0..g.g {
            for s in 0..b {
                let sample = &x[(n0 + s0 + s) * g.c * g.hw()..][..g.c * g.hw()];
                let planes = padded_group(g, sample, gi, &mut xp);
                wide_cols(g, planes, &mut cols, b * l, s * l);
            }
            let wm = Mat::rm(w, gi * og * ck, og, ck);
            let dst = &mut tmp[..og * b * l];
            if !T::gemm(dst, wm, Mat::rm(&cols, 0, ck, b * l), par) {
                return Err(refused(kind, g));
            }
            for o in 0..og {
                for s in 0..b {
                    let src = &tmp[(o * b + s) * l..][..l];
                    let y = &mut out[((s0 + s) * g.o + gi * og + o) * ohw..][..ohw];
                    for (r, run) in y.chunks_exact_mut(ow).enumerate() {
                        run.copy_from_slice(&src[r * wp..][..ow]);
                    }
                }
            }
        }
    }
    give(cols);
    give(tmp);
    give(xp);
    Ok(())
}

/// The input gradient over samples `n0..n0 + len`, writing `out` (their `[len, C, H·W]`).
pub(super) fn input<T: Float>(
    g: &Geo,
    y: &[T],
    w: &[T],
    n0: usize,
    out: &mut [T],
    par: bool,
) -> Result<()> {
    let kind = ConvKind::Input;
    let (hp, wp, plane, l) = g.padded();
    let (ck, og, cg, hw) = (g.ck(), g.og(), g.cg(), g.hw());
    let len = out.len() / (g.c * hw).max(1);
    let bs = g.wide_block();
    let zero = T::from_f64(0.0);
    let mut cols = scratch::<T>(kind, ck * bs * l)?;
    let mut ys = scratch::<T>(kind, og * bs * l)?;
    let mut xp = scratch::<T>(kind, if g.unpadded() { 0 } else { cg * plane })?;
    out.fill(zero);
    for s0 in (0..len).step_by(bs) {
        let b = bs.min(len - s0);
        for gi in 0..g.g {
            wide_y(g, y, n0 + s0, b, gi, &mut ys);
            let wt = Mat::rm(w, gi * og * ck, og, ck).t();
            if !T::gemm(&mut cols[..ck * b * l], wt, Mat::rm(&ys, 0, og, b * l), par) {
                return Err(refused(kind, g));
            }
            for s in 0..b {
                let dx = &mut out[((s0 + s) * g.c + gi * cg) * hw..][..cg * hw];
                // Without padding the padded planes are `dx` itself.
                if g.unpadded() {
                    add_cols(g, &cols, b * l, s * l, dx);
                } else {
                    xp.fill(zero);
                    add_cols(g, &cols, b * l, s * l, &mut xp);
                    crop(g, &xp, (hp, wp, plane), dx);
                }
            }
        }
    }
    give(cols);
    give(ys);
    give(xp);
    Ok(())
}

/// Adds columns `off..off + L` of the `[ck, ld]` block `cols` into padded planes `xp` (the
/// transpose of [`wide_cols`]).
fn add_cols<T: Float>(g: &Geo, cols: &[T], ld: usize, off: usize, xp: &mut [T]) {
    let (_, _, _, l) = g.padded();
    for (row, tap) in g.taps().enumerate() {
        let src = &cols[row * ld + off..][..l];
        for (d, &v) in xp[tap..][..l].iter_mut().zip(src) {
            *d += v;
        }
    }
}

/// The input's part of padded planes `xp`: `dx [C/g, H, W]` (rows and columns the padded plane
/// does not reach stay zero).
fn crop<T: Float>(g: &Geo, xp: &[T], (hp, wp, plane): (usize, usize, usize), dx: &mut [T]) {
    let [pt, pl] = g.win.pad;
    let n = g.w.min(wp.saturating_sub(pl));
    for c in 0..g.cg() {
        for r in 0..g.h.min(hp.saturating_sub(pt)) {
            let src = &xp[c * plane + (r + pt) * wp + pl..][..n];
            dx[(c * g.h + r) * g.w..][..n].copy_from_slice(src);
        }
    }
}

/// The weight gradient summed over samples `n0..n1`: `[O, ck]`.
pub(super) fn weight<T: Float>(
    g: &Geo,
    x: &[T],
    y: &[T],
    (n0, n1): (usize, usize),
    par: bool,
) -> Result<Vec<T>> {
    let kind = ConvKind::Weight;
    let (_, _, plane, l) = g.padded();
    let (ck, og) = (g.ck(), g.og());
    let bs = g.wide_block();
    let mut acc = super::pool::zeros::<T>(g.o * ck).at(super::name(kind))?;
    let mut cols = scratch::<T>(kind, ck * bs * l)?;
    let mut ys = scratch::<T>(kind, og * bs * l)?;
    let mut tmp = scratch::<T>(kind, og * ck)?;
    let mut xp = scratch::<T>(kind, if g.unpadded() { 0 } else { g.cg() * plane })?;
    for s0 in (n0..n1).step_by(bs) {
        let b = bs.min(n1 - s0);
        for gi in 0..g.g {
            wide_y(g, y, s0, b, gi, &mut ys);
            for s in 0..b {
                let sample = &x[(s0 + s) * g.c * g.hw()..][..g.c * g.hw()];
                let planes = padded_group(g, sample, gi, &mut xp);
                wide_cols(g, planes, &mut cols, b * l, s * l);
            }
            let (ym, xt) = (Mat::rm(&ys, 0, og, b * l), Mat::rm(&cols, 0, ck, b * l).t());
            super::add_group_product(g, (&mut acc, gi), &mut tmp, (ym, xt), par)?;
        }
    }
    give(cols);
    give(ys);
    give(tmp);
    give(xp);
    Ok(acc)
}

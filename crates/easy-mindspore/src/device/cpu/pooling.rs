//! The pooling family (`Pool` of kind [`PoolKind`]) on the CPU, planes of `[N, C, H, W]` split
//! across threads when there are enough of them. Cells of a window outside the input (the
//! padding) are skipped: they never hold the maximum, and they count towards an average's divisor
//! only with `include_pad`.
//!
//! Each output row is computed from whole input rows: a row is copied into a padded buffer,
//! reduced over the kernel's columns with contiguous slice loops (at every position, not only
//! every stride-th: one vectorised loop beats a strided scalar one), and the kernel's rows are
//! reduced in tap order, so the first maximum (NaN counts as the maximum) is the one a row-major
//! walk of the window finds. Those loops run compiled for the CPU's vector width
//! ([`super::simd::run`]). Geometries whose windows reach far past the input walk each window's
//! taps instead ([`plane_by_taps`]); the gradient of average pooling walks each window's taps
//! ([`Geo::visit_row`]). Non-overlapping 2×2 windows (LeNet's and VGG's pools) read the input
//! rows directly ([`avg_halves`], [`max_halves`]).

use super::alloc::{with_capacity, At};
use super::{elems, CpuBuffer, View};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::op::{Arith, PoolKind, Window};

/// The op name of a kind, in errors.
pub(super) fn name(kind: PoolKind) -> &'static str {
    match kind {
        PoolKind::MaxSelect => "MaxPool",
        PoolKind::MaxScatter => "MaxPoolGrad",
        PoolKind::Avg { .. } => "AvgPool",
        PoolKind::AvgGrad { .. } => "AvgPoolGrad",
    }
}

/// Window visits (output cells × kernel cells) from which planes are split across threads.
const PAR_MIN: usize = 1 << 16;

/// A kernel tap in the padding.
const OUT: usize = usize::MAX;

/// The kernel taps of one axis: for each tap `t` and output position `o`, the input coordinate
/// it reads (`OUT` in the padding); how many of each position's taps lie inside; and the run of
/// positions whose taps all lie inside (one run: the padding only reaches the ends), where the
/// coordinate is `o·stride + t·dilation − pad` and the loops need no table.
struct Taps {
    k: usize,
    n_out: usize,
    at: Vec<usize>,
    inside: Vec<usize>,
    all: std::ops::Range<usize>,
    stride: usize,
    dilation: usize,
    pad: usize,
}

impl Taps {
    fn new(
        op: &'static str,
        win: &Window,
        axis: usize,
        n_out: usize,
        k: usize,
        n_in: usize,
    ) -> Result<Taps> {
        let mut at = with_capacity::<usize>(n_out.saturating_mul(k)).at(op)?;
        for t in 0..k {
            at.extend((0..n_out).map(|o| win.source(axis, o, t, n_in).unwrap_or(OUT)));
        }
        let inside: Vec<usize> = (0..n_out)
            .map(|o| (0..k).filter(|t| at[t * n_out + o] != OUT).count())
            .collect();
        let full: Vec<usize> = (0..n_out).filter(|&o| inside[o] == k).collect();
        let all = match (full.first(), full.last()) {
            (Some(&a), Some(&b)) => a..b + 1,
            _ => 0..0,
        };
        Ok(Taps {
            k,
            n_out,
            at,
            inside,
            all,
            stride: win.stride[axis],
            dilation: win.dilation[axis],
            pad: win.pad[axis],
        })
    }

    /// Calls `f(o, i)` for each output position `o` whose tap `t` reads input coordinate `i`
    /// inside the input, in increasing `o`.
    #[inline(always)]
    fn each(&self, t: usize, mut f: impl FnMut(usize, usize)) {
        let at = &self.at[t * self.n_out..][..self.n_out];
        let edge = |o: usize, f: &mut dyn FnMut(usize, usize)| {
            if at[o] != OUT {
                f(o, at[o]);
            }
        };
        for o in 0..self.all.start {
            edge(o, &mut f);
        }
        if !self.all.is_empty() {
            let first = self.all.start * self.stride + t * self.dilation - self.pad;
            for (n, o) in self.all.clone().enumerate() {
                f(o, first + n * self.stride);
            }
        }
        for o in self.all.end..self.n_out {
            edge(o, &mut f);
        }
    }

    /// The input coordinates tap `t` reads for output positions `o` (`OUT` in the padding).
    #[inline]
    fn row(&self, o: usize, t: usize) -> usize {
        self.at[t * self.n_out + o]
    }
}

/// The sizes of one application.
struct Geo {
    h: usize,
    w: usize,
    oh: usize,
    ow: usize,
    rows: Taps,
    cols: Taps,
}

impl Geo {
    /// Calls `f(c, cell)` for each output column `c` of output row `r` and each input cell of
    /// its window inside the input (`cell`, the flat index into the input plane). Each window's
    /// cells come in row-major tap order (the loop over columns is innermost, so it runs down a
    /// contiguous input row).
    #[inline(always)]
    fn visit_row(&self, r: usize, mut f: impl FnMut(usize, usize)) {
        for i in 0..self.rows.k {
            let hr = self.rows.row(r, i);
            if hr == OUT {
                continue;
            }
            let line = hr * self.w;
            for j in 0..self.cols.k {
                self.cols.each(j, |c, wc| f(c, line + wc));
            }
        }
    }

    /// The divisor of window `(r, c)`: its size with `include_pad`, else its cells inside.
    #[inline]
    fn count(&self, r: usize, c: usize, include_pad: bool) -> usize {
        if include_pad {
            self.rows.k * self.cols.k
        } else {
            self.rows.inside[r] * self.cols.inside[c]
        }
    }

    /// The row factor of the divisors of output row `r` (the kernel's rows with `include_pad`,
    /// else those inside), or None when the row's windows lie wholly in the padding.
    #[inline]
    fn row_divisor<T: Arith>(&self, r: usize, include_pad: bool) -> Option<T> {
        let n = if include_pad {
            self.rows.k
        } else {
            self.rows.inside[r]
        };
        (self.rows.inside[r] != 0).then(|| T::from_f64(n as f64))
    }

    /// The column factors of the divisors (the kernel's columns with `include_pad`, else those
    /// inside; 0 where a column's windows lie wholly in the padding). A window's divisor is its
    /// row factor times its column factor, exact in either float type.
    fn col_divisors<T: Arith>(&self, include_pad: bool) -> Vec<T> {
        let c = &self.cols;
        let n = |i: usize| match (c.inside[i], include_pad) {
            (0, _) => 0,
            (_, true) => c.k,
            (n, false) => n,
        };
        (0..self.ow).map(|i| T::from_f64(n(i) as f64)).collect()
    }

    /// Whether window `(r, c)` lies wholly in the padding.
    #[inline]
    fn empty(&self, r: usize, c: usize) -> bool {
        self.rows.inside[r] == 0 || self.cols.inside[c] == 0
    }

    /// The positions a row pass computes (`q = c·stride` for output column `c`; the others
    /// are computed too, as one contiguous vectorised loop is cheaper than a strided one) and
    /// the padded row length the kernel reaches from them.
    /// Saturating: a geometry past the address space only fails the fit test of `run`.
    fn spans(&self) -> (usize, usize) {
        let c = &self.cols;
        let span = self
            .ow
            .saturating_sub(1)
            .saturating_mul(c.stride)
            .saturating_add(1);
        let reach = (c.k - 1).saturating_mul(c.dilation);
        (span, span.saturating_add(reach))
    }

    /// The input rows of output row `r`'s windows, in tap order (`OUT` in the padding).
    #[inline(always)]
    fn rows_of(&self, r: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.rows.k)
            .map(move |i| self.rows.row(r, i))
            .filter(|&hr| hr != OUT)
    }

    /// Input row `hr` of plane `x` in padded coordinates (`q = column + pad`), `buf.len()` long:
    /// the input row itself when no column padding is needed, else copied into `buf` with `fill`
    /// in the padding.
    #[inline(always)]
    fn row_of<'a, T: Copy>(&self, x: &'a [T], hr: usize, fill: T, buf: &'a mut [T]) -> &'a [T] {
        let (len, p) = (buf.len(), self.cols.pad);
        if p == 0 && len <= self.w {
            return &x[hr * self.w..][..len];
        }
        let (lo, hi) = (p.min(len), (p + self.w).min(len));
        buf[..lo].fill(fill);
        buf[lo..hi].copy_from_slice(&x[hr * self.w..][..hi - lo]);
        buf[hi..].fill(fill);
        buf
    }
}

/// `b` is taken over `a` when it is larger, or NaN where `a` is not (the first NaN, else the
/// first maximum, wins: later equal values do not replace).
#[inline(always)]
fn wins<T: Arith>(b: T, a: T) -> bool {
    (b > a) | (b.is_nan() & !a.is_nan())
}

/// `out[q] = max(a[q], b[q])` in the order of `wins`. A separate output keeps this a select
/// the compiler vectorises (in place it becomes a masked store, several times slower).
#[inline(always)]
fn max_to<T: Arith>(out: &mut [T], a: &[T], b: &[T]) {
    for ((o, &a), &b) in out.iter_mut().zip(a).zip(b) {
        *o = if wins(b, a) { b } else { a };
    }
}

/// A row buffer's index of a cell in the padding (row buffers index planes of fewer than
/// `u32::MAX` cells, so that the index lanes are as wide as Float32's).
const NO: u32 = u32::MAX;

/// `max_to` carrying the flat input index of each value (`NO`: no value yet; such a slot takes
/// any value, and a value without an index never wins).
#[inline(always)]
fn argmax_to<T: Arith>(out: (&mut [T], &mut [u32]), a: (&[T], &[u32]), b: (&[T], &[u32])) {
    let it = out.0.iter_mut().zip(out.1.iter_mut());
    for (((o, o_at), (&a, &a_at)), (&b, &b_at)) in
        it.zip(a.0.iter().zip(a.1)).zip(b.0.iter().zip(b.1))
    {
        let take = (b_at != NO) & ((a_at == NO) | wins(b, a));
        *o = if take { b } else { a };
        *o_at = if take { b_at } else { a_at };
    }
}

/// Scratch rows for one plane: the padded input row, its reduction over the kernel's columns
/// (`hor`), the reduction of those over the kernel's rows (`acc`), and a spare for the
/// out-of-place steps; with flat indices for the argmax.
struct Scratch<T> {
    row: Vec<T>,
    row_at: Vec<u32>,
    hor: Vec<T>,
    hor_at: Vec<u32>,
    acc: Vec<T>,
    acc_at: Vec<u32>,
    tmp: Vec<T>,
    tmp_at: Vec<u32>,
    /// The column factors of average pooling's divisors ([`Geo::col_divisors`]).
    den: Vec<T>,
}

impl<T: Arith> Scratch<T> {
    fn new(g: &Geo, kind: PoolKind) -> Scratch<T> {
        let (span, len) = g.spans();
        let den = match kind {
            PoolKind::Avg { include_pad } | PoolKind::AvgGrad { include_pad } => {
                g.col_divisors(include_pad)
            }
            _ => Vec::new(),
        };
        let zero = T::from_f64(0.0);
        Scratch {
            row: vec![zero; len],
            row_at: vec![NO; len],
            hor: vec![zero; span],
            hor_at: vec![NO; span],
            acc: vec![zero; span],
            acc_at: vec![NO; span],
            tmp: vec![zero; span],
            tmp_at: vec![NO; span],
            den,
        }
    }

    /// The maxima (`with_at`: and their first flat indices) of output row `r`'s windows in
    /// `acc` (and `acc_at`) at `q = c·stride`: each kernel row is reduced along the kernel's
    /// columns, then the rows are reduced in order, which keeps row-major tap order.
    #[inline(always)]
    fn max_row(&mut self, g: &Geo, x: &[T], r: usize, with_at: bool) {
        let (span, _) = g.spans();
        let d = g.cols.dilation;
        let mut first = true;
        self.acc_at.fill(NO);
        // A plain loop, not a closure: the body must inline into `simd::run`'s instance.
        for hr in g.rows_of(r) {
            let row = g.row_of(x, hr, T::from_f64(f64::NEG_INFINITY), &mut self.row);
            if with_at {
                let (len, p) = (self.row_at.len(), g.cols.pad);
                let (lo, hi) = (p.min(len), (p + g.w).min(len));
                self.row_at[..lo].fill(NO);
                let line = (hr * g.w) as u32;
                for (n, at) in self.row_at[lo..hi].iter_mut().enumerate() {
                    *at = line + n as u32;
                }
                self.row_at[hi..].fill(NO);
                self.hor.copy_from_slice(&row[..span]);
                self.hor_at.copy_from_slice(&self.row_at[..span]);
                for j in 1..g.cols.k {
                    let o = j * d;
                    argmax_to(
                        (&mut self.tmp, &mut self.tmp_at),
                        (&self.hor, &self.hor_at),
                        (&row[o..o + span], &self.row_at[o..o + span]),
                    );
                    std::mem::swap(&mut self.hor, &mut self.tmp);
                    std::mem::swap(&mut self.hor_at, &mut self.tmp_at);
                }
                argmax_to(
                    (&mut self.tmp, &mut self.tmp_at),
                    (&self.acc, &self.acc_at),
                    (&self.hor, &self.hor_at),
                );
                std::mem::swap(&mut self.acc, &mut self.tmp);
                std::mem::swap(&mut self.acc_at, &mut self.tmp_at);
            } else {
                // The first two taps straight from the row (no copy of the first).
                if g.cols.k == 1 {
                    self.hor.copy_from_slice(&row[..span]);
                } else {
                    max_to(&mut self.hor, &row[..span], &row[d..d + span]);
                }
                for j in 2..g.cols.k {
                    let o = j * d;
                    max_to(&mut self.tmp, &self.hor, &row[o..o + span]);
                    std::mem::swap(&mut self.hor, &mut self.tmp);
                }
                if first {
                    std::mem::swap(&mut self.acc, &mut self.hor);
                } else {
                    max_to(&mut self.tmp, &self.acc, &self.hor);
                    std::mem::swap(&mut self.acc, &mut self.tmp);
                }
            }
            first = false;
        }
    }

    /// The sums of output row `r`'s windows in `acc` at `q = c·stride` (the padding adds 0).
    #[inline(always)]
    fn sum_row(&mut self, g: &Geo, x: &[T], r: usize) {
        let (span, _) = g.spans();
        let d = g.cols.dilation;
        let zero = T::from_f64(0.0);
        self.acc.fill(zero);
        for hr in g.rows_of(r) {
            let row = g.row_of(x, hr, zero, &mut self.row);
            if g.cols.k == 1 {
                self.hor.copy_from_slice(&row[..span]);
            } else {
                let pairs = self.hor.iter_mut().zip(&row[..span]).zip(&row[d..d + span]);
                for ((h, &v0), &v1) in pairs {
                    *h = v0.add(v1);
                }
            }
            for j in 2..g.cols.k {
                let o = j * d;
                for (h, &v) in self.hor.iter_mut().zip(&row[o..o + span]) {
                    *h = h.add(v);
                }
            }
            for (a, &h) in self.acc.iter_mut().zip(&self.hor) {
                *a = a.add(h);
            }
        }
    }
}

/// One output plane of `kind` by walking each window's taps: for geometries whose windows
/// reach far beyond the input (a stride or dilation much larger than the input), where the row
/// buffers of [`plane`] would be mostly padding.
fn plane_by_taps<T: Arith>(kind: PoolKind, g: &Geo, x: &[T], u: &[T], out: &mut [T]) {
    let zero = T::from_f64(0.0);
    let (mut at, mut best) = (vec![OUT; g.ow], vec![zero; g.ow]);
    if matches!(kind, PoolKind::MaxScatter | PoolKind::AvgGrad { .. }) {
        out.fill(zero);
    }
    for r in 0..g.oh {
        if let PoolKind::Avg { .. } | PoolKind::AvgGrad { .. } = kind {
            best.fill(zero);
        } else {
            at.fill(OUT);
            g.visit_row(r, |c, k| {
                if at[c] == OUT || wins(x[k], best[c]) {
                    (at[c], best[c]) = (k, x[k]);
                }
            });
        }
        for c in 0..g.ow {
            let o = r * g.ow + c;
            match kind {
                PoolKind::MaxSelect => out[o] = if at[c] == OUT { zero } else { u[at[c]] },
                PoolKind::MaxScatter if at[c] != OUT => out[at[c]] = out[at[c]].add(u[o]),
                PoolKind::AvgGrad { include_pad } if !g.empty(r, c) => {
                    best[c] = x[o].div(T::from_f64(g.count(r, c, include_pad) as f64));
                }
                _ => {}
            }
        }
        match kind {
            PoolKind::Avg { include_pad } => {
                g.visit_row(r, |c, k| best[c] = best[c].add(x[k]));
                for c in 0..g.ow {
                    out[r * g.ow + c] = if g.empty(r, c) {
                        zero
                    } else {
                        best[c].div(T::from_f64(g.count(r, c, include_pad) as f64))
                    };
                }
            }
            PoolKind::AvgGrad { .. } => g.visit_row(r, |c, k| out[k] = out[k].add(best[c])),
            _ => {}
        }
    }
}

impl Geo {
    /// Non-overlapping 2×2 windows inside the input (stride 2, no dilation, no padding): the
    /// pools of LeNet and VGG, which [`avg_halves`] and [`max_halves`] compute without row
    /// buffers.
    fn halves(&self) -> bool {
        [&self.rows, &self.cols]
            .iter()
            .all(|t| (t.k, t.stride, t.dilation, t.pad) == (2, 2, 1, 0))
            && 2 * self.oh <= self.h
            && 2 * self.ow <= self.w
    }
}

/// Average pooling over [`Geo::halves`] windows (`grad`: its transpose), with the general path's
/// results bit for bit: each output is `0 + (x₀₀ + x₀₁) + (x₁₀ + x₁₁)` over 4, its sums in the
/// order [`Scratch::sum_row`] adds them; each input cell of the gradient `0 + g / 4` of its
/// window's cotangent `g` (a cell no window covers, past an odd height or width, is 0).
#[inline(always)]
fn avg_halves<T: Arith>(grad: bool, g: &Geo, x: &[T], out: &mut [T]) {
    let zero = T::from_f64(0.0);
    let four = T::from_f64(4.0);
    let (w, ow) = (g.w, g.ow);
    if !grad {
        for (r, o) in out.chunks_exact_mut(ow).take(g.oh).enumerate() {
            let (a, b) = (&x[2 * r * w..][..2 * ow], &x[(2 * r + 1) * w..][..2 * ow]);
            for ((o, a), b) in o.iter_mut().zip(a.chunks_exact(2)).zip(b.chunks_exact(2)) {
                *o = zero.add(a[0].add(a[1])).add(b[0].add(b[1])).div(four);
            }
        }
        return;
    }
    if 2 * g.oh < g.h || 2 * ow < w {
        out.fill(zero);
    }
    for (r, dy) in x.chunks_exact(ow).take(g.oh).enumerate() {
        for i in 0..2 {
            let row = &mut out[(2 * r + i) * w..][..2 * ow];
            for (pair, &v) in row.chunks_exact_mut(2).zip(dy) {
                let share = zero.add(v.div(four));
                pair[0] = share;
                pair[1] = share;
            }
        }
    }
}

/// Max pooling's `MaxSelect` and `MaxScatter` over [`Geo::halves`] windows, as the general path
/// computes them (the first maximum of each window in row-major order, NaN counting as the
/// maximum; `same`: the value is the maximum itself). Row pairs in lockstep, so that the loops
/// vectorise.
#[inline(always)]
fn max_halves<T: Arith>(kind: PoolKind, g: &Geo, (x, u): (&[T], &[T]), same: bool, out: &mut [T]) {
    let zero = T::from_f64(0.0);
    let (w, ow) = (g.w, g.ow);
    let rows = |r: usize| (&x[2 * r * w..][..2 * ow], &x[(2 * r + 1) * w..][..2 * ow]);
    if kind == PoolKind::MaxScatter {
        if 2 * g.oh < g.h || 2 * ow < w {
            out.fill(zero);
        }
        for (r, dy) in u.chunks_exact(ow).take(g.oh).enumerate() {
            let (a, b) = rows(r);
            let (top, bottom) = out[2 * r * w..].split_at_mut(w);
            let (top, bottom) = (&mut top[..2 * ow], &mut bottom[..2 * ow]);
            let cells = top.chunks_exact_mut(2).zip(bottom.chunks_exact_mut(2));
            for ((((t, bo), a), b), &d) in
                cells.zip(a.chunks_exact(2)).zip(b.chunks_exact(2)).zip(dy)
            {
                // The window's first maximum, as `max_row` reduces it: each row's pair, then
                // the rows (as masks, which vectorise where a tap index would not).
                let right_top = wins(a[1], a[0]);
                let right_bottom = wins(b[1], b[0]);
                let top = if right_top { a[1] } else { a[0] };
                let bottom = if right_bottom { b[1] } else { b[0] };
                let low = wins(bottom, top);
                let d = zero.add(d);
                t[0] = if !low & !right_top { d } else { zero };
                t[1] = if !low & right_top { d } else { zero };
                bo[0] = if low & !right_bottom { d } else { zero };
                bo[1] = if low & right_bottom { d } else { zero };
            }
        }
        return;
    }
    let pick = |(a, ua): (T, T), (b, ub): (T, T)| if wins(b, a) { (b, ub) } else { (a, ua) };
    for (r, o) in out.chunks_exact_mut(ow).take(g.oh).enumerate() {
        let (a, b) = rows(r);
        let (ua, ub) = if same {
            (a, b)
        } else {
            (&u[2 * r * w..][..2 * ow], &u[(2 * r + 1) * w..][..2 * ow])
        };
        let windows = a.chunks_exact(2).zip(b.chunks_exact(2));
        let values = ua.chunks_exact(2).zip(ub.chunks_exact(2));
        for ((o, (a, b)), (ua, ub)) in o.iter_mut().zip(windows).zip(values) {
            let top = pick((a[0], ua[0]), (a[1], ua[1]));
            let bottom = pick((b[0], ub[0]), (b[1], ub[1]));
            *o = pick(top, bottom).1;
        }
    }
}

/// One output plane of `kind` from the operands' planes `x` and `u` with the row buffers `sc`
/// (`same` when max pooling's `u` is `x` itself: its forward, where the value is the maximum and
/// no index is needed).
#[inline(always)]
fn plane<T: Arith>(
    kind: PoolKind,
    g: &Geo,
    (x, u): (&[T], &[T]),
    same: bool,
    out: &mut [T],
    sc: &mut Scratch<T>,
) {
    if g.halves() {
        match kind {
            PoolKind::Avg { .. } => return avg_halves(false, g, x, out),
            PoolKind::AvgGrad { .. } => return avg_halves(true, g, x, out),
            PoolKind::MaxSelect | PoolKind::MaxScatter => {
                return max_halves(kind, g, (x, u), same, out)
            }
        }
    }
    let zero = T::from_f64(0.0);
    let step = g.cols.stride;
    if matches!(kind, PoolKind::MaxScatter | PoolKind::AvgGrad { .. }) {
        out.fill(zero);
    }
    for r in 0..g.oh {
        match kind {
            PoolKind::MaxSelect if same => {
                sc.max_row(g, x, r, false);
                for (c, o) in out[r * g.ow..][..g.ow].iter_mut().enumerate() {
                    *o = if g.empty(r, c) {
                        zero
                    } else {
                        sc.acc[c * step]
                    };
                }
            }
            PoolKind::MaxSelect => {
                sc.max_row(g, x, r, true);
                for (c, o) in out[r * g.ow..][..g.ow].iter_mut().enumerate() {
                    let k = sc.acc_at[c * step];
                    *o = if k == NO { zero } else { u[k as usize] };
                }
            }
            PoolKind::MaxScatter => {
                sc.max_row(g, x, r, true);
                for c in 0..g.ow {
                    let k = sc.acc_at[c * step] as usize;
                    if k != NO as usize {
                        out[k] = out[k].add(u[r * g.ow + c]);
                    }
                }
            }
            PoolKind::Avg { include_pad } => {
                sc.sum_row(g, x, r);
                let o = &mut out[r * g.ow..][..g.ow];
                match g.row_divisor::<T>(r, include_pad) {
                    None => o.fill(zero),
                    Some(rd) => {
                        for ((o, &cd), &s) in
                            o.iter_mut().zip(&sc.den).zip(sc.acc.iter().step_by(step))
                        {
                            *o = if cd == zero { zero } else { s.div(rd.mul(cd)) };
                        }
                    }
                }
            }
            PoolKind::AvgGrad { include_pad } => {
                let share = &mut sc.hor[..g.ow];
                let dy = &x[r * g.ow..][..g.ow];
                match g.row_divisor::<T>(r, include_pad) {
                    None => share.fill(zero),
                    Some(rd) => {
                        for ((s, &cd), &v) in share.iter_mut().zip(&sc.den).zip(dy) {
                            *s = if cd == zero { zero } else { v.div(rd.mul(cd)) };
                        }
                    }
                }
                g.visit_row(r, |c, k| out[k] = out[k].add(share[c]));
            }
        }
    }
}

fn run<T: Arith>(
    kind: PoolKind,
    g: &Geo,
    planes: usize,
    x: View<'_>,
    u: Option<View<'_>>,
) -> Result<Vec<T>> {
    let op = name(kind);
    let x = elems::<T>(x).at(op)?;
    let u = match u {
        Some(u) => Some(elems::<T>(u).at(op)?),
        None => None,
    };
    // The plane sizes of the first operand, the second and the output.
    let (xs, us, os) = match kind {
        PoolKind::MaxSelect => (g.h * g.w, g.h * g.w, g.oh * g.ow),
        PoolKind::MaxScatter => (g.h * g.w, g.oh * g.ow, g.h * g.w),
        PoolKind::Avg { .. } => (g.h * g.w, 0, g.oh * g.ow),
        PoolKind::AvgGrad { .. } => (g.oh * g.ow, 0, g.h * g.w),
    };
    let same = u
        .as_deref()
        .is_some_and(|u| std::ptr::eq(u.as_ptr(), x.as_ptr()) && u.len() == x.len());
    // Row buffers span the windows' reach; used when that is not much beyond the padded input.
    let reach =
        g.w.saturating_add(g.cols.pad)
            .saturating_mul(2)
            .saturating_add(64);
    let rows_fit = g.spans().1 <= reach && xs.max(os) < NO as usize;
    let mut out = super::pool::take_or_alloc::<T>(planes * os).at(op)?;
    let operands = |p: usize| {
        let up = u.as_deref().map_or(&[][..], |u| &u[p * us..][..us]);
        (&x[p * xs..][..xs], up)
    };
    // Planes `p0..` into `o` (whole planes): one set of row buffers for all of them.
    let chunk = |p0: usize, o: &mut [T]| {
        let planes = o.chunks_mut(os).enumerate();
        if rows_fit {
            // Compiled for the CPU's vector width: the row passes are plain slice loops.
            super::simd::run(
                #[inline(always)]
                || {
                    let mut sc = Scratch::<T>::new(g, kind);
                    for (k, o) in planes {
                        plane(kind, g, operands(p0 + k), same, o, &mut sc);
                    }
                },
            );
        } else {
            for (k, o) in planes {
                let (xp, up) = operands(p0 + k);
                plane_by_taps(kind, g, xp, up, o);
            }
        }
    };
    let work = planes * g.oh * g.ow * g.rows.k * g.cols.k;
    if work < PAR_MIN || os == 0 {
        chunk(0, &mut out);
    } else {
        // A few chunks per thread, so that an uneven split still balances; on the calling thread
        // and the product team's helpers (the caller works too, where rayon would leave it
        // waiting for its threads).
        let per = planes.div_ceil(4 * rayon::current_num_threads()).max(1);
        let chunks: Vec<_> = out.chunks_mut(per * os).enumerate().collect();
        super::team::share(chunks, |(i, o)| chunk(i * per, o));
    }
    Ok(out)
}

/// The pooling primitive `kind` of `x` (and `u`) into `out_shape` (shapes checked by the `Pool`
/// rule).
pub(super) fn pool(
    kind: PoolKind,
    kernel: [usize; 2],
    win: &Window,
    x: View<'_>,
    u: Option<View<'_>>,
    out_shape: &[usize],
) -> Result<CpuBuffer> {
    let (xs, so) = (x.layout.shape(), out_shape);
    // (input plane, output plane) of the pooling these kinds belong to.
    let (inp, outp) = match kind {
        PoolKind::MaxSelect | PoolKind::Avg { .. } => ([xs[2], xs[3]], [so[2], so[3]]),
        PoolKind::MaxScatter => ([xs[2], xs[3]], {
            let us = u.map_or(xs, |u| u.layout.shape());
            [us[2], us[3]]
        }),
        PoolKind::AvgGrad { .. } => ([so[2], so[3]], [xs[2], xs[3]]),
    };
    let op = name(kind);
    let g = Geo {
        h: inp[0],
        w: inp[1],
        oh: outp[0],
        ow: outp[1],
        rows: Taps::new(op, win, 0, outp[0], kernel[0], inp[0])?,
        cols: Taps::new(op, win, 1, outp[1], kernel[1], inp[1])?,
    };
    let planes = so[0] * so[1];
    if so.iter().product::<usize>() == 0 {
        return match x.dtype() {
            DType::Float64 => Ok(CpuBuffer::from_vec(Vec::<f64>::new())),
            _ => Ok(CpuBuffer::from_vec(Vec::<f32>::new())),
        };
    }
    match x.dtype() {
        DType::Float32 => run::<f32>(kind, &g, planes, x, u).map(CpuBuffer::from_vec),
        DType::Float64 => run::<f64>(kind, &g, planes, x, u).map(CpuBuffer::from_vec),
        d => Err(Error::UnsupportedDType {
            op: name(kind),
            dtype: d,
            expected: "Float32 or Float64",
        }),
    }
}

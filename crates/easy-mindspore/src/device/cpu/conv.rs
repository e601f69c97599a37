//! The convolution family (`Conv` of kind [`ConvKind`]) on the CPU: im2col into a pooled scratch
//! buffer, then the packed GEMM of `matmul`/`sgemm` (called as they are, through the thin
//! [`Float::gemm`] below).
//!
//! Shapes: `x [N, C, H, W]`, `w [O, C/g, k_h, k_w]`, `y [N, O, o_h, o_w]`; with `ck = C/g·k_h·k_w`
//! and `ohw = o_h·o_w`, group `gi` of one sample is
//! - forward: `y[n, gi] [O/g, ohw] = w_gi [O/g, ck] · cols [ck, ohw]`;
//! - input gradient: `cols = w_giᵀ · y[n, gi]`, then col2im adds the columns into `x[n]`;
//! - weight gradient: `w_gi += y[n, gi] · colsᵀ`, summed over the batch.
//!
//! Row `(c·k_h + i)·k_w + j` of the columns is channel `c` at kernel tap `(i, j)`, the weight's own
//! row-major order, so the weight is never copied. Small samples are taken several at a time
//! (the columns of `B` samples side by side, `[ck, B·ohw]`) so that each product is large enough
//! for the packed kernel; the batch is split across threads when the products alone would not
//! fill them. A 1×1 kernel with stride 1 and no padding multiplies the input itself; other
//! stride-1 convolutions whose rows are long next to the kernel take the columns as whole runs of
//! the padded input ([`wide`]). On AVX-512 the Float32 forward and filter gradient of a stride-1
//! convolution build no columns at all: they read the runs of the padded input where they lie
//! ([`direct`]; 2–3× faster on LeNet's layers, 1.3–1.4× on a 64-channel 3×3 layer).

#[cfg(target_arch = "x86_64")]
mod direct;
mod wide;

use super::alloc::{self, At};
use super::matmul::{crate_gemm_on, Operand};
use super::{elems, pool, team, CpuBuffer, View};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::op::{Arith, ConvKind, Window};
use std::ops::{Add, AddAssign, Mul};
use std::sync::{Mutex, PoisonError};

/// The op name of a kind, in errors.
pub(super) fn name(kind: ConvKind) -> &'static str {
    match kind {
        ConvKind::Forward => "Conv2D",
        ConvKind::Input => "Conv2DBackpropInput",
        ConvKind::Weight => "Conv2DBackpropFilter",
    }
}

/// Column elements (`ck × B·ohw`) a scratch block aims for: 256 KiB of Float32, which keeps the
/// columns of one block in a core's L2 (512 KiB on the machines measured; 1 MiB blocks were 2–4%
/// slower on LeNet's layers) while the product streams them.
const BLOCK: usize = 1 << 16;
/// Multiply-adds from which the batch is split across threads.
const PAR_MIN: usize = 1 << 19;

/// A matrix inside a slice: element `(i, j)` at `off + i·rs + j·cs`.
#[derive(Clone, Copy)]
struct Mat<'a, T> {
    data: &'a [T],
    off: usize,
    rows: usize,
    cols: usize,
    rs: isize,
    cs: isize,
}

impl<'a, T> Mat<'a, T> {
    /// A row-major `rows × cols` block at `off`.
    fn rm(data: &'a [T], off: usize, rows: usize, cols: usize) -> Self {
        Mat {
            data,
            off,
            rows,
            cols,
            rs: cols as isize,
            cs: 1,
        }
    }

    /// The transpose (a view).
    fn t(self) -> Self {
        Mat {
            rows: self.cols,
            cols: self.rows,
            rs: self.cs,
            cs: self.rs,
            ..self
        }
    }
}

/// The float types the kernels compute in, with the product they use: `dst = a · b` (row-major,
/// every element written, nothing read), on the calling thread alone unless `parallel`.
trait Float: Arith + Add<Output = Self> + Mul<Output = Self> + AddAssign {
    fn gemm(dst: &mut [Self], a: Mat<'_, Self>, b: Mat<'_, Self>, parallel: bool) -> bool;

    /// The filter gradient over samples `range` by a kernel of this type's own ([`direct`]), when
    /// it has one for `g`.
    fn direct_weight(
        _g: &Geo,
        _x: &[Self],
        _y: &[Self],
        _range: (usize, usize),
    ) -> Option<Result<Vec<Self>>> {
        None
    }

    /// The forward over samples `n0..` into `out` by a kernel of this type's own ([`direct`]),
    /// when it has one for `g`.
    fn direct_forward(
        _g: &Geo,
        _x: &[Self],
        _w: &[Self],
        _n0: usize,
        _out: &mut [Self],
    ) -> Option<Result<()>> {
        None
    }
}

/// The `gemm` crate's product (both floats; `matmul::crate_gemm_on`), through checked operands.
fn crate_product<T: Arith + 'static>(
    dst: &mut [T],
    a: Mat<'_, T>,
    b: Mat<'_, T>,
    parallel: bool,
) -> bool {
    let oa = Operand::new(a.data, a.off, (a.rows, a.cols), (a.rs, a.cs));
    let ob = Operand::new(b.data, b.off, (b.rows, b.cols), (b.rs, b.cs));
    match (oa, ob) {
        (Some(x), Some(y)) => crate_gemm_on(dst, x, y, parallel),
        _ => false,
    }
}

impl Float for f32 {
    fn gemm(dst: &mut [Self], a: Mat<'_, Self>, b: Mat<'_, Self>, parallel: bool) -> bool {
        #[cfg(target_arch = "x86_64")]
        {
            let (m, n, k) = (a.rows, b.cols, a.cols);
            // `sgemm` checks the views and `dst`, and refuses what does not fit.
            if b.rows == k
                && super::sgemm::worthwhile(m, n, k, a.rs)
                && super::sgemm::sgemm_on(
                    m,
                    n,
                    k,
                    dst,
                    (a.data, a.off, a.rs, a.cs),
                    (b.data, b.off, b.rs, b.cs),
                    parallel,
                )
            {
                return true;
            }
        }
        crate_product(dst, a, b, parallel)
    }

    fn direct_weight(
        g: &Geo,
        x: &[Self],
        y: &[Self],
        range: (usize, usize),
    ) -> Option<Result<Vec<Self>>> {
        #[cfg(target_arch = "x86_64")]
        if direct::applies(g) {
            return Some(direct::weight(g, x, y, range));
        }
        let _ = (g, x, y, range);
        None
    }

    fn direct_forward(
        g: &Geo,
        x: &[Self],
        w: &[Self],
        n0: usize,
        out: &mut [Self],
    ) -> Option<Result<()>> {
        #[cfg(target_arch = "x86_64")]
        if direct::applies(g) {
            return Some(direct::forward(g, x, w, n0, out));
        }
        let _ = (g, x, w, n0, out);
        None
    }
}

impl Float for f64 {
    fn gemm(dst: &mut [Self], a: Mat<'_, Self>, b: Mat<'_, Self>, parallel: bool) -> bool {
        crate_product(dst, a, b, parallel)
    }
}

/// The sizes of one application.
#[derive(Clone, Copy, Debug)]
struct Geo {
    n: usize,
    c: usize,
    h: usize,
    w: usize,
    o: usize,
    oh: usize,
    ow: usize,
    kh: usize,
    kw: usize,
    g: usize,
    win: Window,
}

impl Geo {
    fn cg(&self) -> usize {
        self.c / self.g
    }
    fn og(&self) -> usize {
        self.o / self.g
    }
    fn ck(&self) -> usize {
        self.cg() * self.kh * self.kw
    }
    fn hw(&self) -> usize {
        self.h * self.w
    }
    fn ohw(&self) -> usize {
        self.oh * self.ow
    }
    /// The columns are the input itself.
    fn pointwise(&self) -> bool {
        (self.kh, self.kw) == (1, 1)
            && self.win.stride == [1, 1]
            && self.win.pad == [0, 0]
            && (self.oh, self.ow) == (self.h, self.w)
    }
    /// Samples per scratch block.
    fn block(&self) -> usize {
        if self.pointwise() {
            return 1;
        }
        (BLOCK / (self.ck() * self.ohw()).max(1)).clamp(1, self.n.max(1))
    }
    /// Threads the batch is split across (1: the products thread themselves, or too small).
    fn parts(&self) -> usize {
        let work = self.n * self.o * self.ck() * self.ohw();
        if work < PAR_MIN {
            1
        } else {
            rayon::current_num_threads().min(self.n).max(1)
        }
    }

    /// Whether a part may run a single-threaded [`direct`] kernel: it is one of several parts, or
    /// the whole convolution is too small to be worth a second thread (a large convolution of one
    /// sample threads its products instead).
    fn direct_alone(&self, par: bool) -> bool {
        !par || rayon::current_num_threads() == 1
            || self.n * self.o * self.ck() * self.ohw() < PAR_MIN
    }

    /// The valid output columns `[lo, hi)` of kernel column `j` (those reading inside the input).
    fn span(&self, j: usize) -> (usize, usize) {
        let (s, d, p) = (self.win.stride[1], self.win.dilation[1], self.win.pad[1]);
        let lo = p.saturating_sub(j * d).div_ceil(s).min(self.ow);
        let hi = (self.w + p).saturating_sub(j * d).div_ceil(s).min(self.ow);
        (lo, hi.max(lo))
    }
}

/// Fills columns `off..off + ohw` of the `[ck, ld]` block `cols` with the windows of group `gi` of
/// one sample `x [C, H, W]`.
fn im2col<T: Float>(g: &Geo, x: &[T], gi: usize, cols: &mut [T], ld: usize, off: usize) {
    let (ow, win) = (g.ow, g.win);
    let zero = T::from_f64(0.0);
    let mut row = 0;
    for c in 0..g.cg() {
        let plane = &x[(gi * g.cg() + c) * g.hw()..][..g.hw()];
        for i in 0..g.kh {
            for j in 0..g.kw {
                let (lo, hi) = g.span(j);
                let dst = &mut cols[row * ld + off..][..g.ohw()];
                for (r, seg) in dst.chunks_exact_mut(ow).enumerate() {
                    let Some(src_r) = win.source(0, r, i, g.h) else {
                        seg.fill(zero);
                        continue;
                    };
                    let src = &plane[src_r * g.w..][..g.w];
                    seg[..lo].fill(zero);
                    seg[hi..].fill(zero);
                    let (s, base) = (win.stride[1], j * win.dilation[1]);
                    if lo < hi {
                        let first = lo * s + base - win.pad[1];
                        if s == 1 {
                            seg[lo..hi].copy_from_slice(&src[first..first + hi - lo]);
                        } else {
                            for (q, v) in seg[lo..hi].iter_mut().enumerate() {
                                *v = src[first + q * s];
                            }
                        }
                    }
                }
                row += 1;
            }
        }
    }
}

/// Adds columns `off..off + ohw` of the `[ck, ld]` block `cols` into group `gi` of one sample
/// `x [C, H, W]` (the transpose of [`im2col`]).
fn col2im<T: Float>(g: &Geo, x: &mut [T], gi: usize, cols: &[T], ld: usize, off: usize) {
    let (ow, win, hw) = (g.ow, g.win, g.hw());
    let mut row = 0;
    for c in 0..g.cg() {
        let plane = &mut x[(gi * g.cg() + c) * hw..][..hw];
        for i in 0..g.kh {
            for j in 0..g.kw {
                let (lo, hi) = g.span(j);
                let src = &cols[row * ld + off..][..g.ohw()];
                for (r, seg) in src.chunks_exact(ow).enumerate() {
                    let Some(dst_r) = win.source(0, r, i, g.h) else {
                        continue;
                    };
                    let dst = &mut plane[dst_r * g.w..][..g.w];
                    let (s, base) = (win.stride[1], j * win.dilation[1]);
                    if lo < hi {
                        let first = lo * s + base - win.pad[1];
                        if s == 1 {
                            let run = dst[first..first + hi - lo].iter_mut().zip(&seg[lo..hi]);
                            for (d, &v) in run {
                                *d += v;
                            }
                        } else {
                            for (q, &v) in seg[lo..hi].iter().enumerate() {
                                dst[first + q * s] += v;
                            }
                        }
                    }
                }
                row += 1;
            }
        }
    }
}

/// The error of a product the GEMM refused (sizes that cannot happen after the shape rule).
#[cold]
fn refused(kind: ConvKind, g: &Geo) -> Error {
    Error::invalid(
        name(kind),
        format!("the product of the convolution {g:?} was refused"),
    )
}

/// A scratch buffer of `n` elements (stale contents) from the pool.
fn scratch<T: Float>(kind: ConvKind, n: usize) -> Result<Vec<T>> {
    pool::take_or_alloc::<T>(n).at(name(kind))
}

fn give<T: Float>(v: Vec<T>) {
    pool::give(CpuBuffer::from_vec(v));
}

/// Copies group `gi` of samples `n0..n0 + b` of `y [N, O, ohw]` side by side: `[O/g, b·ohw]`.
fn gather_y<T: Float>(g: &Geo, y: &[T], n0: usize, b: usize, gi: usize, out: &mut [T]) {
    let (ohw, og) = (g.ohw(), g.og());
    for o in 0..og {
        for s in 0..b {
            let src = &y[((n0 + s) * g.o + gi * og + o) * ohw..][..ohw];
            out[o * b * ohw + s * ohw..][..ohw].copy_from_slice(src);
        }
    }
}

/// Forward over samples `n0..n0 + len`, writing `out` (their `[len, O, ohw]`).
fn forward_part<T: Float>(
    g: &Geo,
    x: &[T],
    w: &[T],
    n0: usize,
    out: &mut [T],
    par: bool,
) -> Result<()> {
    if let Some(done) = g
        .direct_alone(par)
        .then(|| T::direct_forward(g, x, w, n0, out))
        .flatten()
    {
        return done;
    }
    if g.wide() {
        return wide::forward(g, x, w, n0, out, par);
    }
    let kind = ConvKind::Forward;
    let (ck, ohw, og, len) = (g.ck(), g.ohw(), g.og(), out.len() / (g.o * g.ohw()).max(1));
    let bs = g.block();
    let mut cols = scratch::<T>(kind, ck * bs * ohw)?;
    let mut tmp = scratch::<T>(kind, if bs > 1 { og * bs * ohw } else { 0 })?;
    for s0 in (0..len).step_by(bs) {
        let b = bs.min(len - s0);
        for gi in 0..g.g {
            let wm = Mat::rm(w, gi * og * ck, og, ck);
            if g.pointwise() {
                let xm = Mat::rm(x, ((n0 + s0) * g.c + gi * g.cg()) * ohw, g.cg(), ohw);
                let dst = &mut out[(s0 * g.o + gi * og) * ohw..][..og * ohw];
                if !T::gemm(dst, wm, xm, par) {
                    return Err(refused(kind, g));
                }
                continue;
            }
            for s in 0..b {
                im2col(
                    g,
                    &x[(n0 + s0 + s) * g.c * g.hw()..],
                    gi,
                    &mut cols,
                    b * ohw,
                    s * ohw,
                );
            }
            let cm = Mat::rm(&cols, 0, ck, b * ohw);
            if b == 1 {
                let dst = &mut out[(s0 * g.o + gi * og) * ohw..][..og * ohw];
                if !T::gemm(dst, wm, cm, par) {
                    return Err(refused(kind, g));
                }
                continue;
            }
            if !T::gemm(&mut tmp, wm, cm, par) {
                return Err(refused(kind, g));
            }
            for o in 0..og {
                for s in 0..b {
                    let src = &tmp[o * b * ohw + s * ohw..][..ohw];
                    out[((s0 + s) * g.o + gi * og + o) * ohw..][..ohw].copy_from_slice(src);
                }
            }
        }
    }
    give(cols);
    give(tmp);
    Ok(())
}

/// The input gradient over samples `n0..n0 + len`, writing `out` (their `[len, C, H·W]`).
fn input_part<T: Float>(
    g: &Geo,
    y: &[T],
    w: &[T],
    n0: usize,
    out: &mut [T],
    par: bool,
) -> Result<()> {
    if g.wide() {
        return wide::input(g, y, w, n0, out, par);
    }
    let kind = ConvKind::Input;
    let (ck, ohw, og, len) = (g.ck(), g.ohw(), g.og(), out.len() / (g.c * g.hw()).max(1));
    let bs = g.block();
    let mut cols = scratch::<T>(kind, ck * bs * ohw)?;
    let mut ys = scratch::<T>(kind, if bs > 1 { og * bs * ohw } else { 0 })?;
    if !g.pointwise() {
        out.fill(T::from_f64(0.0));
    }
    for s0 in (0..len).step_by(bs) {
        let b = bs.min(len - s0);
        for gi in 0..g.g {
            let wt = Mat::rm(w, gi * og * ck, og, ck).t();
            let ym = if b == 1 {
                Mat::rm(y, ((n0 + s0) * g.o + gi * og) * ohw, og, ohw)
            } else {
                gather_y(g, y, n0 + s0, b, gi, &mut ys);
                Mat::rm(&ys, 0, og, b * ohw)
            };
            if g.pointwise() {
                let dst = &mut out[(s0 * g.c + gi * g.cg()) * ohw..][..g.cg() * ohw];
                if !T::gemm(dst, wt, ym, par) {
                    return Err(refused(kind, g));
                }
                continue;
            }
            if !T::gemm(&mut cols, wt, ym, par) {
                return Err(refused(kind, g));
            }
            for s in 0..b {
                let dst = &mut out[(s0 + s) * g.c * g.hw()..][..g.c * g.hw()];
                col2im(g, dst, gi, &cols, b * ohw, s * ohw);
            }
        }
    }
    give(cols);
    give(ys);
    Ok(())
}

/// The weight gradient summed over samples `n0..n1`: `[O, ck]`.
fn weight_part<T: Float>(
    g: &Geo,
    x: &[T],
    y: &[T],
    (n0, n1): (usize, usize),
    par: bool,
) -> Result<Vec<T>> {
    if let Some(done) = g
        .direct_alone(par)
        .then(|| T::direct_weight(g, x, y, (n0, n1)))
        .flatten()
    {
        return done;
    }
    if g.wide() {
        return wide::weight(g, x, y, (n0, n1), par);
    }
    let kind = ConvKind::Weight;
    let (ck, ohw, og) = (g.ck(), g.ohw(), g.og());
    let bs = g.block();
    let mut acc = pool::zeros::<T>(g.o * ck).at(name(kind))?;
    let mut cols = scratch::<T>(kind, ck * bs * ohw)?;
    let mut ys = scratch::<T>(kind, if bs > 1 { og * bs * ohw } else { 0 })?;
    let mut tmp = scratch::<T>(kind, og * ck)?;
    for s0 in (n0..n1).step_by(bs) {
        let b = bs.min(n1 - s0);
        for gi in 0..g.g {
            let ym = if b == 1 {
                Mat::rm(y, (s0 * g.o + gi * og) * ohw, og, ohw)
            } else {
                gather_y(g, y, s0, b, gi, &mut ys);
                Mat::rm(&ys, 0, og, b * ohw)
            };
            let xt = if g.pointwise() {
                Mat::rm(x, (s0 * g.c + gi * g.cg()) * ohw, g.cg(), ohw).t()
            } else {
                for s in 0..b {
                    im2col(
                        g,
                        &x[(s0 + s) * g.c * g.hw()..],
                        gi,
                        &mut cols,
                        b * ohw,
                        s * ohw,
                    );
                }
                Mat::rm(&cols, 0, ck, b * ohw).t()
            };
            add_group_product(g, (&mut acc, gi), &mut tmp, (ym, xt), par)?;
        }
    }
    give(cols);
    give(ys);
    give(tmp);
    Ok(acc)
}

/// Adds the weight gradient `ym · xt` of group `gi` (`[O/g, ck]`, computed into `tmp`) into its
/// rows of `acc [O, ck]`.
fn add_group_product<T: Float>(
    g: &Geo,
    (acc, gi): (&mut [T], usize),
    tmp: &mut [T],
    (ym, xt): (Mat<'_, T>, Mat<'_, T>),
    par: bool,
) -> Result<()> {
    if !T::gemm(tmp, ym, xt, par) {
        return Err(refused(ConvKind::Weight, g));
    }
    let n = g.og() * g.ck();
    for (a, &v) in acc[gi * n..][..n].iter_mut().zip(tmp.iter()) {
        *a += v;
    }
    Ok(())
}

/// Runs `body(n0, chunk, alone)` over the batch split into `parts` consecutive ranges of samples,
/// each owning its `per`-element slice of `out`, on the calling thread and the product team's
/// helpers ([`team::share`]: the caller works too, where rayon would leave it waiting). `alone` is
/// true when there is one part, whose products may then use the team themselves.
fn split<T: Float>(
    out: &mut [T],
    n: usize,
    parts: usize,
    per: usize,
    body: impl Fn(usize, &mut [T], bool) -> Result<()> + Sync,
) -> Result<()> {
    if parts <= 1 {
        return body(0, out, true);
    }
    let each = n.div_ceil(parts);
    let chunks: Vec<_> = out.chunks_mut((each * per).max(1)).enumerate().collect();
    let failed = Mutex::new(None);
    team::share(chunks, |(i, chunk)| {
        if let Err(e) = body(i * each, chunk, false) {
            *failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(e);
        }
    });
    match failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn run<T: Float>(kind: ConvKind, g: &Geo, a: View<'_>, b: View<'_>) -> Result<Vec<T>> {
    let op = name(kind);
    let (a, b) = (elems::<T>(a).at(op)?, elems::<T>(b).at(op)?);
    let parts = g.parts();
    match kind {
        ConvKind::Forward => {
            let mut out = scratch::<T>(kind, g.n * g.o * g.ohw())?;
            let per = g.o * g.ohw();
            split(&mut out, g.n, parts, per, |n0, o, par| {
                forward_part(g, &a, &b, n0, o, par)
            })?;
            Ok(out)
        }
        ConvKind::Input => {
            let mut out = scratch::<T>(kind, g.n * g.c * g.hw())?;
            let per = g.c * g.hw();
            split(&mut out, g.n, parts, per, |n0, o, par| {
                input_part(g, &a, &b, n0, o, par)
            })?;
            Ok(out)
        }
        ConvKind::Weight => {
            // One partial sum per range of samples, added in order.
            let each = g.n.div_ceil(parts.max(1)).max(1);
            let ranges: Vec<_> = (0..g.n.div_ceil(each))
                .map(|i| (i * each, ((i + 1) * each).min(g.n)))
                .collect();
            let alone = ranges.len() <= 1;
            let partial: Vec<Mutex<Option<Result<Vec<T>>>>> =
                ranges.iter().map(|_| Mutex::new(None)).collect();
            let sum = |(i, range): (usize, (usize, usize))| {
                let p = weight_part(g, &a, &b, range, alone);
                *partial[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(p);
            };
            let ranges: Vec<_> = ranges.into_iter().enumerate().collect();
            if alone {
                ranges.into_iter().for_each(sum);
            } else {
                team::share(ranges, sum);
            }
            let mut out: Option<Vec<T>> = None;
            for p in partial {
                // Every range ran (on some thread) before `share` returned.
                let p = p.into_inner().unwrap_or_else(PoisonError::into_inner);
                let p = p.unwrap_or_else(|| Err(refused(kind, g)))?;
                match out.as_mut() {
                    None => out = Some(p),
                    Some(acc) => {
                        for (a, v) in acc.iter_mut().zip(p) {
                            *a += v;
                        }
                    }
                }
            }
            match out {
                Some(v) => Ok(v),
                None => pool::zeros::<T>(g.o * g.ck()).at(op),
            }
        }
    }
}

/// The product `kind` of `a` and `b` into `out_shape` (shapes checked by the `Conv` rule).
pub(super) fn conv(
    kind: ConvKind,
    win: &Window,
    a: View<'_>,
    b: View<'_>,
    out_shape: &[usize],
) -> Result<CpuBuffer> {
    let (sa, sb, so) = (a.layout.shape(), b.layout.shape(), out_shape);
    // Every kind is named by (x, w, y): recover the sizes from whichever operands it has.
    let (x, w, y) = match kind {
        ConvKind::Forward => (sa, sb, so),
        ConvKind::Input => (so, sb, sa),
        ConvKind::Weight => (sa, so, sb),
    };
    let g = Geo {
        n: x[0],
        c: x[1],
        h: x[2],
        w: x[3],
        o: w[0],
        oh: y[2],
        ow: y[3],
        kh: w[2],
        kw: w[3],
        g: win.groups,
        win: *win,
    };
    if so.iter().product::<usize>() == 0 || sa.contains(&0) || sb.contains(&0) {
        // Empty operands: the sums are empty, the result zeros.
        return match a.dtype() {
            DType::Float64 => Ok(CpuBuffer::from_vec(
                alloc::zeroed::<f64>(so.iter().product()).at(name(kind))?,
            )),
            _ => Ok(CpuBuffer::from_vec(
                alloc::zeroed::<f32>(so.iter().product()).at(name(kind))?,
            )),
        };
    }
    match a.dtype() {
        DType::Float32 => run::<f32>(kind, &g, a, b).map(CpuBuffer::from_vec),
        DType::Float64 => run::<f64>(kind, &g, a, b).map(CpuBuffer::from_vec),
        d => Err(Error::UnsupportedDType {
            op: name(kind),
            dtype: d,
            expected: "Float32 or Float64",
        }),
    }
}

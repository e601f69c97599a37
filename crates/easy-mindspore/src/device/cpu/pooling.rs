//! The pooling family (`Pool` of kind [`PoolKind`]) on the CPU: direct loops over each plane of
//! `[N, C, H, W]`, planes split across threads when there are enough of them. Cells of a window
//! outside the input (the padding) are skipped: they never hold the maximum, and they count
//! towards an average's divisor only with `include_pad`.

use super::alloc::At;
use super::{elems, CpuBuffer, View};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::op::{Arith, PoolKind, Window};
use rayon::prelude::*;

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

/// The sizes of one application.
#[derive(Clone, Copy)]
struct Geo {
    h: usize,
    w: usize,
    oh: usize,
    ow: usize,
    k: [usize; 2],
    win: Window,
}

impl Geo {
    /// Calls `f(r, c, cell)` for each output cell `(r, c)` and each input cell of its window
    /// inside the input (`cell` is the flat index into the input plane), in row-major order.
    #[inline]
    fn visit(&self, r: usize, c: usize, mut f: impl FnMut(usize)) {
        for i in 0..self.k[0] {
            let Some(hr) = self.win.source(0, r, i, self.h) else {
                continue;
            };
            for j in 0..self.k[1] {
                if let Some(wc) = self.win.source(1, c, j, self.w) {
                    f(hr * self.w + wc);
                }
            }
        }
    }

    /// The flat index of the first maximum of window `(r, c)` in plane `x` (NaN is the
    /// maximum), or `None` for a window wholly in the padding.
    #[inline]
    fn argmax<T: Arith>(&self, x: &[T], r: usize, c: usize) -> Option<usize> {
        let mut best: Option<(usize, T)> = None;
        self.visit(r, c, |k| {
            let v = x[k];
            let better = match best {
                None => true,
                Some((_, b)) => !b.is_nan() && (v > b || v.is_nan()),
            };
            if better {
                best = Some((k, v));
            }
        });
        best.map(|(k, _)| k)
    }

    /// The divisor of window `(r, c)`: its size with `include_pad`, else its cells inside.
    fn count(&self, r: usize, c: usize, include_pad: bool) -> usize {
        if include_pad {
            return self.k[0] * self.k[1];
        }
        let mut n = 0;
        self.visit(r, c, |_| n += 1);
        n
    }
}

/// One output plane of `kind` from the operands' planes `x` (and `u`).
fn plane<T: Arith>(kind: PoolKind, g: &Geo, x: &[T], u: &[T], out: &mut [T]) {
    let zero = T::from_f64(0.0);
    match kind {
        PoolKind::MaxSelect => {
            for r in 0..g.oh {
                for c in 0..g.ow {
                    out[r * g.ow + c] = g.argmax(x, r, c).map_or(zero, |k| u[k]);
                }
            }
        }
        PoolKind::MaxScatter => {
            out.fill(zero);
            for r in 0..g.oh {
                for c in 0..g.ow {
                    if let Some(k) = g.argmax(x, r, c) {
                        out[k] = out[k].add(u[r * g.ow + c]);
                    }
                }
            }
        }
        PoolKind::Avg { include_pad } => {
            for r in 0..g.oh {
                for c in 0..g.ow {
                    let mut s = zero;
                    g.visit(r, c, |k| s = s.add(x[k]));
                    let n = g.count(r, c, include_pad);
                    out[r * g.ow + c] = if n == 0 {
                        zero
                    } else {
                        s.div(T::from_f64(n as f64))
                    };
                }
            }
        }
        PoolKind::AvgGrad { include_pad } => {
            out.fill(zero);
            for r in 0..g.oh {
                for c in 0..g.ow {
                    let n = g.count(r, c, include_pad);
                    if n == 0 {
                        continue;
                    }
                    let v = x[r * g.ow + c].div(T::from_f64(n as f64));
                    g.visit(r, c, |k| out[k] = out[k].add(v));
                }
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
    let mut out = super::pool::take_or_alloc::<T>(planes * os).at(op)?;
    let body = |p: usize, o: &mut [T]| {
        let up = u.as_deref().map_or(&[][..], |u| &u[p * us..][..us]);
        plane(kind, g, &x[p * xs..][..xs], up, o);
    };
    let work = planes * g.oh * g.ow * g.k[0] * g.k[1];
    if work < PAR_MIN || os == 0 {
        out.chunks_mut(os.max(1))
            .enumerate()
            .for_each(|(p, o)| body(p, o));
    } else {
        out.par_chunks_mut(os)
            .enumerate()
            .for_each(|(p, o)| body(p, o));
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
    let g = Geo {
        h: inp[0],
        w: inp[1],
        oh: outp[0],
        ow: outp[1],
        k: kernel,
        win: *win,
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

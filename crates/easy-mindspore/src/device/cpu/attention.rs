//! The `Attention` kernels: `softmax(scale·q·kᵀ + mask)·v` over a batch of matrices, and its
//! gradient, one matrix of the batch per task. A task keeps its matrix's scores in cache: the
//! product `q·kᵀ` is written where the probabilities `P` go, the row softmax (scale and mask
//! folded in) runs there in place, and `P·v` follows; backward, `dP` and `dS` live in one
//! scratch matrix. The products are the matmul kernels (`sgemm` for Float32, the `gemm` crate
//! otherwise), each on its task's thread, reading `q`, `k` and `v` through their strides (a
//! `[L, B, D]` buffer seen as `[B, L, D]` is read in place). The rule has checked the shapes: q
//! `[B, L, D]`, k `[B, S, D]`, v `[B, S, E]`, mask `[Bm, Lm, Sm]` with each axis 1 or the
//! scores'. Layouts of the packed output and gradient: see [`crate::device::Device::attention`].

use super::alloc::{self, Alloc, At};
use super::matmul::{Gemm, Operand};
use super::reduce::{dot_lanes, softmax_in_place};
use super::{elems, pool, CpuBuffer, View};
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::op::Arith;
use rayon::prelude::*;
use std::borrow::Cow;

const NAME: &str = "Attention";

/// The sizes `B, L, S, D, E` of the operands.
#[derive(Clone, Copy)]
struct Sizes {
    b: usize,
    l: usize,
    s: usize,
    d: usize,
    e: usize,
}

impl Sizes {
    fn of(q: &Layout, v: &Layout) -> Sizes {
        let (q, v) = (q.shape(), v.shape());
        Sizes {
            b: q[0],
            l: q[1],
            s: v[1],
            d: q[2],
            e: v[2],
        }
    }
}

/// The error for operands the kernel cannot read as the rule promised (never for the engine's
/// own values).
#[cold]
fn bad(what: &str) -> Error {
    Error::invalid(
        NAME,
        format!("the kernel could not read its operands: {what}"),
    )
}

/// Matrix `i` of a `[B, r, c]` view (transposed when `t`), or `None` when it would reach outside
/// its elements.
fn mat<'a, T: Copy>(data: &'a [T], l: &Layout, i: usize, t: bool) -> Option<Operand<'a, T>> {
    let (sh, st) = (l.shape(), l.strides());
    let at = (i as isize)
        .checked_mul(st[0])?
        .checked_add(l.offset() as isize)?;
    let off = usize::try_from(at).ok()?;
    let (r, c, rs, cs) = (sh[1], sh[2], st[1], st[2]);
    match t {
        false => Operand::new(data, off, (r, c), (rs, cs)),
        true => Operand::new(data, off, (c, r), (cs, rs)),
    }
}

/// A buffer the tasks write at disjoint ranges (matrix `i` of the batch owns the rows at
/// `(j·B + i)·w`), through bounds-checked copies.
#[derive(Clone, Copy)]
struct Shared<T> {
    ptr: *mut T,
    len: usize,
}
// SAFETY: the tasks write disjoint ranges of a buffer that outlives them (see `write`).
unsafe impl<T: Send> Send for Shared<T> {}
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T: Copy> Shared<T> {
    fn new(v: &mut [T]) -> Shared<T> {
        Shared {
            ptr: v.as_mut_ptr(),
            len: v.len(),
        }
    }

    /// Elements `i·n .. (i + 1)·n`, which matrix `i` alone owns; `None` past the end.
    #[allow(clippy::mut_from_ref)]
    fn chunk(&self, i: usize, n: usize) -> Option<&mut [T]> {
        let end = i.checked_add(1)?.checked_mul(n)?;
        if end > self.len {
            return None;
        }
        // SAFETY: in bounds (checked above); only matrix `i`'s task asks for chunk `i`, so the
        // slices never overlap, and the buffer lives until every task has returned.
        Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.add(i * n), n) })
    }

    /// The `rows × w` matrix `src` written as rows `j·B + i` of width `w` (matrix `i` of a batch
    /// of `batch`, stored `[rows, B, w]`); false, with nothing written, when they do not fit.
    fn rows(&self, src: &[T], (i, batch): (usize, usize), rows: usize, w: usize) -> bool {
        let last = rows
            .checked_sub(1)
            .and_then(|r| r.checked_mul(batch))
            .and_then(|r| r.checked_add(i))
            .and_then(|r| r.checked_add(1))
            .and_then(|r| r.checked_mul(w));
        if rows == 0 || w == 0 {
            return true;
        }
        match last {
            Some(end) if end <= self.len && src.len() >= rows * w => {}
            _ => return false,
        }
        for j in 0..rows {
            let at = (j * batch + i) * w;
            // SAFETY: `at + w <= (rows − 1)·B·w + (i + 1)·w <= len` (checked above), and `src`
            // holds `rows·w` elements. Only matrix `i` writes rows `j·B + i`, so no two tasks
            // write the same elements, and the buffer lives until every task has returned.
            unsafe {
                std::ptr::copy_nonoverlapping(src.as_ptr().add(j * w), self.ptr.add(at), w);
            }
        }
        true
    }
}

/// The mask's row for score row `j` of matrix `i`: its `[Bm, Lm, Sm]` elements, contiguous.
#[derive(Clone, Copy)]
struct Mask<'a, T> {
    m: &'a [T],
    bm: usize,
    lm: usize,
    sm: usize,
}

impl<'a, T: Copy> Mask<'a, T> {
    /// The mask's elements seen as `[Bm, Lm, Sm]`; `None` when they are not that many (so that
    /// [`Mask::row`] never falls back to an empty row for a mask the rule admitted).
    fn of(m: &'a [T], l: &Layout) -> Option<Mask<'a, T>> {
        let s = l.shape();
        let (bm, lm, sm) = (*s.first()?, *s.get(1)?, *s.get(2)?);
        (m.len() == bm.checked_mul(lm)?.checked_mul(sm)?).then_some(Mask { m, bm, lm, sm })
    }

    fn row(&self, i: usize, j: usize) -> &'a [T] {
        let (i, j) = (
            if self.bm == 1 { 0 } else { i },
            if self.lm == 1 { 0 } else { j },
        );
        let at = (i * self.lm + j) * self.sm;
        self.m.get(at..at + self.sm).unwrap_or(&[])
    }
}

/// `r ← softmax(scale·r + m)`; `m` has the row's length or one element (broadcast), or none.
/// Plain `for` loops (see [`softmax_in_place`]): `for_each` is a `fold` call that may stay out of
/// line, compiled for baseline vectors, under `simd::run`.
#[inline(always)]
fn softmax_row<T: Arith>(r: &mut [T], scale: T, m: &[T]) {
    match m.len() {
        0 => {
            for x in r.iter_mut() {
                *x = x.mul(scale);
            }
        }
        1 => {
            for x in r.iter_mut() {
                *x = x.mul(scale).add(m[0]);
            }
        }
        _ => {
            for (x, &y) in r.iter_mut().zip(m) {
                *x = x.mul(scale).add(y);
            }
        }
    }
    softmax_in_place(r);
}

/// `g ← scale·dS` with `dS = p∘(g + gx − Σ (g + gx)∘p)`, the softmax's backward of one row
/// (`gx` the cotangent of `P` itself); `dS` is also written to `ds` when given.
#[inline(always)]
fn softmax_grad_row<T: Arith>(g: &mut [T], gx: &[T], p: &[T], ds: Option<&mut [T]>, scale: T) {
    for (x, &y) in g.iter_mut().zip(gx) {
        *x = x.add(y);
    }
    let c = dot_lanes(g, p);
    for (x, &pj) in g.iter_mut().zip(p) {
        *x = pj.mul(x.sub(c));
    }
    if let Some(ds) = ds {
        ds.copy_from_slice(g);
    }
    for x in g.iter_mut() {
        *x = x.mul(scale);
    }
}

/// The elements of a `[B, r, c]` operand as the products read them: its storage, read through
/// its layout.
fn data<'a, T: Gemm>(v: View<'a>) -> Result<&'a [T]> {
    v.buf.slice::<T>().ok_or_else(|| bad("a dtype"))
}

/// Runs `task(i, scratch)` for every matrix `i < b`, in parallel when the batch is large enough
/// (each product then on one thread, as batched matmul does); `scratch` is a buffer of `n`
/// elements per thread. False when a task failed.
fn each<T: Gemm>(
    b: usize,
    work: usize,
    n: usize,
    task: impl Fn(usize, &mut [T], bool) -> bool + Sync,
) -> Alloc<bool> {
    if b > 1 && work.saturating_mul(b) >= super::sgemm::PAR_MIN {
        // A thread's scratch is made once; a failed allocation fails its tasks.
        let ok = (0..b).into_par_iter().map_init(
            || alloc::zeroed::<T>(n).ok(),
            |sc, i| sc.as_mut().is_some_and(|sc| task(i, sc, false)),
        );
        if ok.all(|x| x) {
            return Ok(true);
        }
        // Tell an allocation failure from a kernel one.
        alloc::zeroed::<T>(n)?;
        return Ok(false);
    }
    let mut sc = alloc::zeroed::<T>(n)?;
    Ok((0..b).all(|i| task(i, &mut sc, true)))
}

/// The packed output: `O` in `(l, b, e)` order, then `P` `[B, L, S]`.
pub(super) fn forward(scale: f64, ins: &[View<'_>]) -> Result<CpuBuffer> {
    match ins[0].buf {
        CpuBuffer::F32(_) => forward_of::<f32>(scale, ins),
        CpuBuffer::F64(_) => forward_of::<f64>(scale, ins),
        _ => Err(bad("a dtype")),
    }
}

/// The packed gradient: `dq` `(l, b, d)`, `dk` `(s, b, d)`, `dv` `(s, b, e)`, then `dS`
/// `[B, L, S]` when `with_ds`. `ins` are the operands, the output and its cotangent.
pub(super) fn backward(scale: f64, ins: &[View<'_>], with_ds: bool) -> Result<CpuBuffer> {
    match ins[0].buf {
        CpuBuffer::F32(_) => backward_of::<f32>(scale, ins, with_ds),
        CpuBuffer::F64(_) => backward_of::<f64>(scale, ins, with_ds),
        _ => Err(bad("a dtype")),
    }
}

fn forward_of<T: Gemm>(scale: f64, ins: &[View<'_>]) -> Result<CpuBuffer> {
    let z = Sizes::of(ins[0].layout, ins[2].layout);
    let (q, k, v) = (data::<T>(ins[0])?, data::<T>(ins[1])?, data::<T>(ins[2])?);
    let mask = ins.get(3).map(|&m| elems::<T>(m)).transpose().at(NAME)?;
    let mask = mask
        .as_deref()
        .zip(ins.get(3))
        .map(|(m, v)| Mask::of(m, v.layout).ok_or_else(|| bad("the mask's size")))
        .transpose()?;
    let n_o = z.l * z.b * z.e;
    // Every element is written below (O zero-filled when there are no keys).
    let mut out = pool::take_or_alloc::<T>(n_o + z.b * z.l * z.s).at(NAME)?;
    let (o_part, p_part) = out.split_at_mut(n_o);
    if z.s == 0 || z.l == 0 {
        o_part.fill(T::from_f64(0.0));
        return Ok(CpuBuffer::from_vec(out));
    }
    let o = Shared::new(o_part);
    let p_all = Shared::new(p_part);
    let sc = T::from_f64(scale);
    let (ls, le) = (z.l * z.s, z.l * z.e);
    let task = |i: usize, scratch: &mut [T], par: bool| -> bool {
        let (Some(p), Some(qi), Some(kt), Some(vi)) = (
            p_all.chunk(i, ls),
            mat(q, ins[0].layout, i, false),
            mat(k, ins[1].layout, i, true),
            mat(v, ins[2].layout, i, false),
        ) else {
            return false;
        };
        if !T::gemm(p, qi, kt, par) {
            return false;
        }
        super::simd::run(
            #[inline(always)]
            || {
                for (j, r) in p.chunks_mut(z.s).enumerate() {
                    softmax_row(r, sc, mask.as_ref().map_or(&[][..], |m| m.row(i, j)));
                }
            },
        );
        let Some(pi) = Operand::new(&*p, 0, (z.l, z.s), (z.s as isize, 1)) else {
            return false;
        };
        T::gemm(&mut scratch[..le], pi, vi, par) && o.rows(&scratch[..le], (i, z.b), z.l, z.e)
    };
    let work = z.l * z.s * (z.d + z.e);
    if !each::<T>(z.b, work, le, task).at(NAME)? {
        return Err(bad("a layout"));
    }
    Ok(CpuBuffer::from_vec(out))
}

fn backward_of<T: Gemm>(scale: f64, ins: &[View<'_>], with_ds: bool) -> Result<CpuBuffer> {
    let z = Sizes::of(ins[0].layout, ins[2].layout);
    let n = ins.len();
    let (q, k, v) = (data::<T>(ins[0])?, data::<T>(ins[1])?, data::<T>(ins[2])?);
    let (out, ct): (Cow<'_, [T]>, Cow<'_, [T]>) =
        (elems(ins[n - 2]).at(NAME)?, elems(ins[n - 1]).at(NAME)?);
    let n_o = z.l * z.b * z.e;
    let (p_all, (d_o, d_px)) = (&out[n_o.min(out.len())..], ct.split_at(n_o.min(ct.len())));
    let (ls, nq, nk, nv) = (z.l * z.s, z.l * z.b * z.d, z.s * z.b * z.d, z.s * z.b * z.e);
    if p_all.len() != z.b * ls || d_px.len() != z.b * ls {
        return Err(bad("the output's size"));
    }
    let total = nq + nk + nv + if with_ds { z.b * ls } else { 0 };
    let mut grads = pool::take_or_alloc::<T>(total).at(NAME)?;
    if z.s == 0 || z.l == 0 {
        // No scores: every cotangent is zero.
        grads.fill(T::from_f64(0.0));
        return Ok(CpuBuffer::from_vec(grads));
    }
    let (dq, rest) = grads.split_at_mut(nq);
    let (dk, rest) = rest.split_at_mut(nk);
    let (dv, ds) = rest.split_at_mut(nv);
    let (dq, dk, dv, ds) = (
        Shared::new(dq),
        Shared::new(dk),
        Shared::new(dv),
        Shared::new(ds),
    );
    let sc = T::from_f64(scale);
    let rows = z.s.max(z.l);
    // Scratch: dP/dS [L, S], then one product of at most max(L, S)·max(D, E).
    let n_scratch = ls + rows * z.d.max(z.e);
    let task = |i: usize, scratch: &mut [T], par: bool| -> bool {
        let (g, tmp) = scratch.split_at_mut(ls);
        let p = &p_all[i * ls..(i + 1) * ls];
        let pt = Operand::new(p_all, i * ls, (z.s, z.l), (1, z.s as isize));
        let doi = Operand::new(d_o, i * z.e, (z.l, z.e), ((z.b * z.e) as isize, 1));
        let (Some(pt), Some(doi), Some(qi), Some(ki), Some(vt)) = (
            pt,
            doi,
            mat(q, ins[0].layout, i, false),
            mat(k, ins[1].layout, i, false),
            mat(v, ins[2].layout, i, true),
        ) else {
            return false;
        };
        // dV = Pᵀ·dO, dP = dO·Vᵀ.
        let (se, sd, ld) = (z.s * z.e, z.s * z.d, z.l * z.d);
        if !(T::gemm(&mut tmp[..se], pt, doi, par)
            && dv.rows(&tmp[..se], (i, z.b), z.s, z.e)
            && T::gemm(g, doi, vt, par))
        {
            return false;
        }
        let gx = &d_px[i * ls..(i + 1) * ls];
        let mut dsi = match with_ds {
            true => match ds.chunk(i, ls) {
                Some(d) => Some(d),
                None => return false,
            },
            false => None,
        };
        super::simd::run(
            #[inline(always)]
            || {
                for j in 0..z.l {
                    let r = j * z.s..(j + 1) * z.s;
                    let out = dsi.as_mut().map(|d| &mut d[r.clone()]);
                    softmax_grad_row(&mut g[r.clone()], &gx[r.clone()], &p[r], out, sc);
                }
            },
        );
        // dQ = scale·dS·K, dK = scale·dSᵀ·Q (`g` holds scale·dS).
        let (Some(gi), Some(gt)) = (
            Operand::new(&*g, 0, (z.l, z.s), (z.s as isize, 1)),
            Operand::new(&*g, 0, (z.s, z.l), (1, z.s as isize)),
        ) else {
            return false;
        };
        T::gemm(&mut tmp[..ld], gi, ki, par)
            && dq.rows(&tmp[..ld], (i, z.b), z.l, z.d)
            && T::gemm(&mut tmp[..sd], gt, qi, par)
            && dk.rows(&tmp[..sd], (i, z.b), z.s, z.d)
    };
    let work = z.l * z.s * (2 * z.d + 2 * z.e);
    if !each::<T>(z.b, work, n_scratch, task).at(NAME)? {
        return Err(bad("a layout"));
    }
    Ok(CpuBuffer::from_vec(grads))
}

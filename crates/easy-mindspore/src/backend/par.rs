//! Data parallelism for the kernels. Below [`PAR_MIN`] elements a kernel runs on the calling thread
//! exactly as a plain iterator would; above, its output is a pre-sized buffer (from the pool) filled
//! in fixed chunks of [`CHUNK`] elements on rayon's threads. Each element is computed by the same
//! scalar function either way, so results do not depend on the number of threads.

use super::pool;
use crate::layout::Layout;
use crate::storage::Element;
use rayon::prelude::*;
use std::borrow::Cow;

/// Elements from which a kernel is split across threads.
pub(crate) const PAR_MIN: usize = 1 << 16;
/// Elements per parallel task of an elementwise kernel.
const CHUNK: usize = 1 << 16;

// The loops of one parallel task. As functions of their own, their arguments carry Rust's aliasing
// guarantees (`o` is the only reference to the output, `f` and what it captures are read-only), so
// the compiler keeps a captured scalar in a register and vectorises; written inline in the task's
// closure, a broadcast scalar was reloaded for every element through a pointer that might alias `o`.

fn fill1<T: Copy, U>(o: &mut [U], x: &[T], f: &impl Fn(T) -> U) {
    for (o, &v) in o.iter_mut().zip(x) {
        *o = f(v);
    }
}

fn fill2<A: Copy, B: Copy, U>(o: &mut [U], a: &[A], b: &[B], f: &impl Fn(A, B) -> U) {
    for ((o, &x), &y) in o.iter_mut().zip(a).zip(b) {
        *o = f(x, y);
    }
}

fn fill3<A: Copy, B: Copy, C: Copy, U>(
    o: &mut [U],
    a: &[A],
    b: &[B],
    c: &[C],
    f: &impl Fn(A, B, C) -> U,
) {
    for ((o, &x), (&y, &z)) in o.iter_mut().zip(a).zip(b.iter().zip(c)) {
        *o = f(x, y, z);
    }
}

/// `f` of each element.
pub(crate) fn map1<T, U>(x: &[T], f: impl Fn(T) -> U + Sync) -> Vec<U>
where
    T: Copy + Sync,
    U: Element,
{
    if x.len() < PAR_MIN {
        return x.iter().map(|&v| f(v)).collect();
    }
    let mut out = pool::take_or_alloc::<U>(x.len());
    out.par_chunks_mut(CHUNK)
        .zip(x.par_chunks(CHUNK))
        .for_each(|(o, x)| fill1(o, x, &f));
    out
}

/// `f` of each pair of elements; `a` and `b` have the same length.
pub(crate) fn map2<A, B, U>(a: &[A], b: &[B], f: impl Fn(A, B) -> U + Sync) -> Vec<U>
where
    A: Copy + Sync,
    B: Copy + Sync,
    U: Element,
{
    debug_assert_eq!(a.len(), b.len());
    if a.len() < PAR_MIN {
        return a.iter().zip(b).map(|(&x, &y)| f(x, y)).collect();
    }
    let mut out = pool::take_or_alloc::<U>(a.len());
    out.par_chunks_mut(CHUNK)
        .zip(a.par_chunks(CHUNK))
        .zip(b.par_chunks(CHUNK))
        .for_each(|((o, a), b)| fill2(o, a, b, &f));
    out
}

/// `f` of each triple of elements; all three have the same length.
pub(crate) fn map3<A, B, C, U>(a: &[A], b: &[B], c: &[C], f: impl Fn(A, B, C) -> U + Sync) -> Vec<U>
where
    A: Copy + Sync,
    B: Copy + Sync,
    C: Copy + Sync,
    U: Element,
{
    debug_assert!(a.len() == b.len() && a.len() == c.len());
    if a.len() < PAR_MIN {
        return a
            .iter()
            .zip(b.iter().zip(c))
            .map(|(&x, (&y, &z))| f(x, y, z))
            .collect();
    }
    let mut out = pool::take_or_alloc::<U>(a.len());
    out.par_chunks_mut(CHUNK)
        .zip(a.par_chunks(CHUNK))
        .zip(b.par_chunks(CHUNK).zip(c.par_chunks(CHUNK)))
        .for_each(|((o, a), (b, c))| fill3(o, a, b, c, &f));
    out
}

/// `n` copies of `v`.
pub(crate) fn fill<T: Element>(n: usize, v: T) -> Vec<T> {
    if n < PAR_MIN {
        return vec![v; n];
    }
    let mut out = pool::take_or_alloc::<T>(n);
    out.par_chunks_mut(CHUNK).for_each(|o| o.fill(v));
    out
}

/// The elements of a strided view (of at least one element) in logical row-major order, gathered
/// in parallel chunks of the output: each chunk finds the multi-index of its first element, then
/// walks runs of the innermost axis as an odometer would.
pub(crate) fn gather<T: Element>(all: &[T], l: &Layout) -> Vec<T> {
    let (shape, strides) = (l.shape(), l.strides());
    let mut out = pool::take_or_alloc::<T>(l.numel());
    let Some(last) = shape.len().checked_sub(1) else {
        out.fill(all[l.offset()]);
        return out;
    };
    let (inner, inner_stride) = (shape[last], strides[last]);
    out.par_chunks_mut(CHUNK).enumerate().for_each(|(k, out)| {
        // The multi-index of logical element `k * CHUNK` and its storage offset.
        let mut idx = vec![0usize; shape.len()];
        let mut rest = k * CHUNK;
        let mut pos = l.offset() as isize;
        for a in (0..shape.len()).rev() {
            idx[a] = rest % shape[a];
            rest /= shape[a];
            pos += idx[a] as isize * strides[a];
        }
        let mut done = 0;
        while done < out.len() {
            let n = (inner - idx[last]).min(out.len() - done);
            for (j, d) in out[done..done + n].iter_mut().enumerate() {
                *d = all[(pos + j as isize * inner_stride) as usize];
            }
            done += n;
            idx[last] += n;
            pos += n as isize * inner_stride;
            if idx[last] < inner {
                continue;
            }
            // Carry into the outer axes.
            pos -= inner as isize * inner_stride;
            idx[last] = 0;
            for a in (0..last).rev() {
                idx[a] += 1;
                pos += strides[a];
                if idx[a] < shape[a] {
                    break;
                }
                pos -= shape[a] as isize * strides[a];
                idx[a] = 0;
            }
        }
    });
    out
}

/// The elements as an owned vector (a borrowed slice is copied, in parallel when large).
pub(crate) fn into_owned<T: Element>(c: Cow<'_, [T]>) -> Vec<T> {
    match c {
        Cow::Owned(v) => v,
        Cow::Borrowed(s) => map1(s, |v| v),
    }
}

/// Hands a temporary copy made by `elems` back to the pool once a kernel is done with it.
pub(crate) fn recycle<T: Element>(c: Cow<'_, [T]>) {
    if let Cow::Owned(v) = c {
        pool::give(T::into_buffer(v));
    }
}

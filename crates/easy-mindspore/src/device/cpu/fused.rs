//! The CPU's runner of fused elementwise kernels (`crate::device::fused`) for `jit`: a chain of float elementwise ops over one shape,
//! optionally ending in full reductions, run as one pass over memory. The elements are processed
//! in chunks small enough to stay in the L1 cache: each instruction of the chain fills a
//! chunk-sized register from its operands (inputs, broadcast scalars or earlier registers), and
//! only the registers the rest of the graph needs are written out. Each element goes through the
//! same scalar functions as the unfused kernels (the op tables of `crate::op`), so results are
//! identical (reductions differ only in the order of their steps).

use super::alloc::Alloc;
use super::par::par_min;
use super::{elems, pool, splat, CpuBuffer, View};
use crate::device::fused::{ElemOp, Kernel, Src};
use crate::device::Storage;
use crate::dtype::DType;
use crate::op::{Arith, BinaryKernel, Cost, ReduceOp, UnaryKernel};
use rayon::prelude::*;
use smallvec::SmallVec;
use std::borrow::Cow;

/// Elements per buffer: 4 KiB of float32, so the few buffers of a chain stay in L1.
const CHUNK: usize = 1024;
/// Elements per parallel task.
const TASK: usize = 32 * CHUNK;

/// An input as the kernel reads it.
enum In<'a, T: Clone> {
    Splat(T),
    Slice(Cow<'a, [T]>),
}

#[derive(Clone, Copy)]
enum Opnd<'a, T> {
    Splat(T),
    Slice(&'a [T]),
}

/// A pointer to an output buffer that the parallel tasks write at disjoint ranges.
#[derive(Clone, Copy)]
struct OutPtr<T>(*mut T);
// SAFETY: each task writes only its own range of the buffer, which outlives the tasks.
unsafe impl<T: Send> Send for OutPtr<T> {}
unsafe impl<T: Send> Sync for OutPtr<T> {}

/// Runs `k` over `n` elements of `dtype` (Float32 or Float64). Inputs are scalars broadcast to the
/// shape, or views of `n` elements. Returns the written registers and the reductions.
pub(super) fn run(
    k: &Kernel,
    ins: &[View<'_>],
    n: usize,
    dtype: DType,
) -> Alloc<(Vec<Storage>, Vec<f64>)> {
    fn go<T: Arith>(k: &Kernel, ins: &[View<'_>], n: usize) -> Alloc<(Vec<Storage>, Vec<f64>)> {
        let inputs = ins
            .iter()
            .map(|&c| match splat::<T>(c) {
                Some(v) => Ok(In::Splat(v)),
                None => elems::<T>(c).map(In::Slice),
            })
            .collect::<Alloc<Vec<In<'_, T>>>>()?;
        let mut outs = k
            .outs
            .iter()
            .map(|_| pool::take_or_alloc::<T>(n))
            .collect::<Alloc<Vec<Vec<T>>>>()?;
        let ptrs: Vec<OutPtr<T>> = outs.iter_mut().map(|o| OutPtr(o.as_mut_ptr())).collect();
        let partial = if n < par_min(k.cost()) {
            range(k, &inputs, 0, n, &ptrs)
        } else {
            let parts: Vec<Vec<Option<f64>>> = (0..n.div_ceil(TASK))
                .into_par_iter()
                .map(|t| range(k, &inputs, t * TASK, ((t + 1) * TASK).min(n), &ptrs))
                .collect();
            let mut total = vec![None; k.reduces.len()];
            for p in parts {
                for ((t, v), (_, op)) in total.iter_mut().zip(p).zip(&k.reduces) {
                    *t = combine(*op, *t, v);
                }
            }
            total
        };
        // An empty reduction (n = 0) has the op's value for no elements.
        let results = partial
            .iter()
            .zip(&k.reduces)
            .map(|(v, (_, op))| v.or(op.empty()).unwrap_or(f64::NAN))
            .collect();
        for i in inputs {
            if let In::Slice(s) = i {
                super::par::recycle(s);
            }
        }
        let outs = outs
            .into_iter()
            .map(|v| Storage::cpu(CpuBuffer::from_vec(v)))
            .collect();
        Ok((outs, results))
    }
    match dtype {
        DType::Float64 => go::<f64>(k, ins, n),
        _ => go::<f32>(k, ins, n),
    }
}

/// Runs the chain over elements `start..end`, writing outputs through `outs`; returns the
/// partial reductions (`None` for none yet).
fn range<T: Arith>(
    k: &Kernel,
    inputs: &[In<'_, T>],
    start: usize,
    end: usize,
    outs: &[OutPtr<T>],
) -> Vec<Option<f64>> {
    let width = CHUNK.min(end - start);
    let identity: Vec<usize>;
    let dst = if k.dst.len() == k.instrs.len() {
        &k.dst
    } else {
        identity = (0..k.instrs.len()).collect();
        &identity
    };
    let n_bufs = dst.iter().max().map_or(0, |m| m + 1);
    let mut bufs: Vec<Vec<T>> = (0..n_bufs).map(|_| vec![T::from_f64(0.0); width]).collect();
    let mut partial = vec![None; k.reduces.len()];
    let mut s = start;
    while s < end {
        let len = CHUNK.min(end - s);
        for (i, ins) in k.instrs.iter().enumerate() {
            // The output buffer is taken out while the operands (other buffers) are read.
            let mut out = std::mem::take(&mut bufs[dst[i]]);
            {
                let arg = |src: Src| match src {
                    Src::In(j) => match &inputs[j] {
                        In::Splat(v) => Opnd::Splat(*v),
                        In::Slice(x) => Opnd::Slice(&x[s..s + len]),
                    },
                    Src::Reg(r) => Opnd::Slice(&bufs[dst[r]][..len]),
                };
                // Operands without a collection: this runs once per instruction and chunk.
                let x = arg(ins.args[0]);
                let y = ins.args.get(1).map_or(x, |a| arg(*a));
                apply(ins.op, x, y, &mut out[..len]);
            }
            bufs[dst[i]] = out;
        }
        for (&r, p) in k.outs.iter().zip(outs) {
            // SAFETY: `s..s + len` lies in this task's range of a buffer of `n` elements.
            let o = unsafe { std::slice::from_raw_parts_mut(p.0.add(s), len) };
            o.copy_from_slice(&bufs[dst[r]][..len]);
        }
        for (&(r, op), total) in k.reduces.iter().zip(partial.iter_mut()) {
            for v in op.kernel::<T, _>(ChunkReduce(&bufs[dst[r]][..len])) {
                *total = combine(op, *total, Some(v));
            }
        }
        s += len;
    }
    partial
}

/// Two partial results of `op` combined (in Float64; `None` is no elements).
fn combine(op: ReduceOp, a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(op.kernel::<f64, _>(Step(a, b))),
        (a, None) => a,
        (None, b) => b,
    }
}

/// One step of a reduction on two values.
struct Step(f64, f64);

impl BinaryKernel<f64, f64> for Step {
    type Out = f64;
    fn run(self, _: Cost, f: impl Fn(f64, f64) -> f64 + Copy + Send + Sync) -> f64 {
        f(self.0, self.1)
    }
}

/// A chunk (not empty) reduced to at most 31 partial results: sixteen running accumulators
/// (vectorised) and the tail, in Float64. The caller combines them in Float64, so a Float32 sum is
/// accurate beyond Float32.
struct ChunkReduce<'a, T>(&'a [T]);

impl<T: Arith> BinaryKernel<T, T> for ChunkReduce<'_, T> {
    type Out = SmallVec<[f64; 32]>;
    fn run(self, _: Cost, f: impl Fn(T, T) -> T + Copy + Send + Sync) -> Self::Out {
        const LANES: usize = 16;
        let x = self.0;
        if x.len() < 2 * LANES {
            return x.iter().map(|v| v.to_f64()).collect();
        }
        let (head, rest) = x.split_at(LANES);
        let mut acc = [head[0]; LANES];
        acc.copy_from_slice(head);
        let blocks = rest.chunks_exact(LANES);
        let tail = blocks.remainder();
        super::simd::run(
            #[inline(always)]
            || {
                for b in blocks {
                    for (a, &v) in acc.iter_mut().zip(b) {
                        *a = f(*a, v);
                    }
                }
            },
        );
        acc.iter().chain(tail).map(|v| v.to_f64()).collect()
    }
}

/// Instruction `op` on operands `x` (and `y` for binary ops) into `o`.
fn apply<T: Arith>(op: ElemOp, x: Opnd<'_, T>, y: Opnd<'_, T>, o: &mut [T]) {
    match op {
        ElemOp::Unary(op) => op.kernel::<T, _>(Un(x, o)),
        ElemOp::Binary(op) => op.kernel::<T, _>(Bin(x, y, o)),
    }
}

/// A unary instruction's loop.
struct Un<'a, 'o, T>(Opnd<'a, T>, &'o mut [T]);

impl<T: Arith> UnaryKernel<T> for Un<'_, '_, T> {
    type Out = ();
    fn run(self, _: Cost, f: impl Fn(T) -> T + Copy + Send + Sync) {
        un(self.0, self.1, f);
    }
}

/// A binary instruction's loop.
struct Bin<'a, 'o, T>(Opnd<'a, T>, Opnd<'a, T>, &'o mut [T]);

impl<T: Arith> BinaryKernel<T, T> for Bin<'_, '_, T> {
    type Out = ();
    fn run(self, _: Cost, f: impl Fn(T, T) -> T + Copy + Send + Sync) {
        bin(self.0, self.1, self.2, f);
    }
}

#[inline(always)]
fn un<T: Copy>(x: Opnd<'_, T>, o: &mut [T], f: impl Fn(T) -> T) {
    match x {
        Opnd::Splat(v) => o.fill(f(v)),
        Opnd::Slice(x) => super::simd::run(
            #[inline(always)]
            || {
                for (o, &v) in o.iter_mut().zip(x) {
                    *o = f(v);
                }
            },
        ),
    }
}

#[inline(always)]
fn bin<T: Copy>(x: Opnd<'_, T>, y: Opnd<'_, T>, o: &mut [T], f: impl Fn(T, T) -> T) {
    match (x, y) {
        (Opnd::Splat(a), Opnd::Splat(b)) => o.fill(f(a, b)),
        (Opnd::Slice(x), Opnd::Splat(b)) => super::simd::run(
            #[inline(always)]
            || {
                for (o, &v) in o.iter_mut().zip(x) {
                    *o = f(v, b);
                }
            },
        ),
        (Opnd::Splat(a), Opnd::Slice(y)) => super::simd::run(
            #[inline(always)]
            || {
                for (o, &v) in o.iter_mut().zip(y) {
                    *o = f(a, v);
                }
            },
        ),
        (Opnd::Slice(x), Opnd::Slice(y)) => super::simd::run(
            #[inline(always)]
            || {
                for ((o, &u), &v) in o.iter_mut().zip(x).zip(y) {
                    *o = f(u, v);
                }
            },
        ),
    }
}

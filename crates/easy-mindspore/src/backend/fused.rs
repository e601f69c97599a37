//! Fused elementwise kernels for `jit`: a chain of float elementwise primitives over one shape,
//! optionally ending in full sums, run as one pass over memory. The elements are processed in
//! chunks small enough to stay in the L1 cache: each instruction of the chain fills a chunk-sized
//! register from its operands (inputs, broadcast scalars or earlier registers), and only the
//! registers the rest of the graph needs are written out. Each element goes through the same
//! scalar functions as the unfused kernels, so results are identical (sums differ only in the
//! order of additions).

use super::elementwise::{max_nan, min_nan};
use super::par::{Cost, PAR_MIN, PAR_MIN_COSTLY};
use super::{elems, pool, splat, Arith};
use crate::dtype::DType;
use crate::prim::Prim;
use crate::storage::Buffer;
use crate::tensor::Concrete;
use rayon::prelude::*;
use smallvec::SmallVec;
use std::borrow::Cow;

/// Elements per register: 2 KiB of float32, so a chain of registers stays in L1.
const CHUNK: usize = 512;
/// Elements per parallel task.
const TASK: usize = 64 * CHUNK;

/// Where an instruction's operand comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Src {
    /// Input `i` of the kernel.
    In(usize),
    /// The result of instruction `i`.
    Reg(usize),
}

/// One elementwise primitive of the chain; its result is register `i` for the `i`-th instruction.
#[derive(Clone, Debug)]
pub(crate) struct Instr {
    pub prim: Prim,
    pub args: SmallVec<[Src; 2]>,
}

/// A fused chain.
#[derive(Clone, Debug, Default)]
pub(crate) struct Kernel {
    pub instrs: Vec<Instr>,
    /// Registers written out as whole tensors.
    pub outs: Vec<usize>,
    /// Registers whose full sum is a result.
    pub sums: Vec<usize>,
}

/// True for the primitives a fused chain can hold (on float operands of one shape).
pub(crate) fn fusable(p: &Prim) -> bool {
    use Prim::*;
    matches!(
        p,
        Neg | Exp | Log | Sin | Cos | Tanh | Sqrt | Floor | Add | Sub | Mul | Div | Pow | Max | Min
    )
}

impl Kernel {
    fn cost(&self) -> Cost {
        use Prim::*;
        if self
            .instrs
            .iter()
            .any(|i| matches!(i.prim, Exp | Log | Sin | Cos | Tanh | Sqrt | Pow))
        {
            Cost::Costly
        } else {
            Cost::Cheap
        }
    }
}

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
/// shape, or views of `n` elements. Returns the written registers and the sums.
pub(crate) fn run(
    k: &Kernel,
    ins: &[&Concrete],
    n: usize,
    dtype: DType,
) -> (Vec<Buffer>, Vec<f64>) {
    fn go<T: Arith>(k: &Kernel, ins: &[&Concrete], n: usize) -> (Vec<Buffer>, Vec<f64>) {
        let inputs: Vec<In<'_, T>> = ins
            .iter()
            .map(|c| match splat::<T>(c) {
                Some(v) => In::Splat(v),
                None => In::Slice(elems::<T>(c)),
            })
            .collect();
        let mut outs: Vec<Vec<T>> = k.outs.iter().map(|_| pool::take_or_alloc::<T>(n)).collect();
        let ptrs: Vec<OutPtr<T>> = outs.iter_mut().map(|o| OutPtr(o.as_mut_ptr())).collect();
        let par_min = match k.cost() {
            Cost::Costly => PAR_MIN_COSTLY,
            Cost::Cheap => PAR_MIN,
        };
        let sums = if n < par_min {
            range(k, &inputs, 0, n, &ptrs)
        } else {
            let parts: Vec<Vec<f64>> = (0..n.div_ceil(TASK))
                .into_par_iter()
                .map(|t| range(k, &inputs, t * TASK, ((t + 1) * TASK).min(n), &ptrs))
                .collect();
            let mut total = vec![0.0; k.sums.len()];
            for p in parts {
                for (t, v) in total.iter_mut().zip(p) {
                    *t += v;
                }
            }
            total
        };
        for i in inputs {
            if let In::Slice(s) = i {
                super::par::recycle(s);
            }
        }
        (outs.into_iter().map(T::into_buffer).collect(), sums)
    }
    match dtype {
        DType::Float64 => go::<f64>(k, ins, n),
        _ => go::<f32>(k, ins, n),
    }
}

/// Runs the chain over elements `start..end`, writing outputs through `outs`; returns the
/// partial sums.
fn range<T: Arith>(
    k: &Kernel,
    inputs: &[In<'_, T>],
    start: usize,
    end: usize,
    outs: &[OutPtr<T>],
) -> Vec<f64> {
    let width = CHUNK.min(end - start);
    let mut regs: Vec<Vec<T>> = k
        .instrs
        .iter()
        .map(|_| vec![T::from_f64(0.0); width])
        .collect();
    let mut sums = vec![0.0f64; k.sums.len()];
    let mut s = start;
    while s < end {
        let len = CHUNK.min(end - s);
        for (i, ins) in k.instrs.iter().enumerate() {
            let (done, rest) = regs.split_at_mut(i);
            let o = &mut rest[0][..len];
            let arg = |src: Src| match src {
                Src::In(j) => match &inputs[j] {
                    In::Splat(v) => Opnd::Splat(*v),
                    In::Slice(x) => Opnd::Slice(&x[s..s + len]),
                },
                Src::Reg(r) => Opnd::Slice(&done[r][..len]),
            };
            let a: SmallVec<[Opnd<'_, T>; 2]> = ins.args.iter().map(|x| arg(*x)).collect();
            apply(&ins.prim, &a, o);
        }
        for (&r, p) in k.outs.iter().zip(outs) {
            // SAFETY: `s..s + len` lies in this task's range of a buffer of `n` elements.
            let dst = unsafe { std::slice::from_raw_parts_mut(p.0.add(s), len) };
            dst.copy_from_slice(&regs[r][..len]);
        }
        for (&r, total) in k.sums.iter().zip(sums.iter_mut()) {
            *total += chunk_sum(&regs[r][..len]);
        }
        s += len;
    }
    sums
}

/// The sum of a chunk: sixteen running sums (vectorised), added up in f64.
fn chunk_sum<T: Arith>(x: &[T]) -> f64 {
    let mut acc = [T::from_f64(0.0); 16];
    let blocks = x.chunks_exact(16);
    let tail = blocks.remainder();
    super::simd::run(
        #[inline(always)]
        || {
            for b in blocks {
                for (a, &v) in acc.iter_mut().zip(b) {
                    *a = a.add(v);
                }
            }
        },
    );
    acc.iter().chain(tail).map(|v| v.to_f64()).sum()
}

fn apply<T: Arith>(p: &Prim, a: &[Opnd<'_, T>], o: &mut [T]) {
    match p {
        Prim::Neg => un(a[0], o, T::neg),
        Prim::Exp => un(a[0], o, T::exp),
        Prim::Log => un(a[0], o, T::ln),
        Prim::Sin => un(a[0], o, T::sin),
        Prim::Cos => un(a[0], o, T::cos),
        Prim::Tanh => un(a[0], o, T::tanh),
        Prim::Sqrt => un(a[0], o, T::sqrt),
        Prim::Floor => un(a[0], o, T::floor),
        Prim::Add => bin(a[0], a[1], o, T::add),
        Prim::Sub => bin(a[0], a[1], o, T::sub),
        Prim::Mul => bin(a[0], a[1], o, T::mul),
        Prim::Div => bin(a[0], a[1], o, T::div),
        Prim::Pow => bin(a[0], a[1], o, T::pow),
        Prim::Max => bin(a[0], a[1], o, max_nan::<T>),
        _ => bin(a[0], a[1], o, min_nan::<T>),
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

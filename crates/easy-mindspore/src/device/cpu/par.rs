//! Data parallelism for the elementwise kernels. A small kernel runs on the calling thread exactly
//! as a plain iterator would; a large one writes into a pre-sized buffer from the pool, split into
//! chunks on the calling thread and the product team's helpers ([`super::team`]) from a length
//! that depends on its [`Cost`]. Each element is computed by the same scalar function either way,
//! so results do not depend on the number of threads.

use super::alloc::Alloc;
use super::{pool, CpuBuffer};
use crate::dtype::Element;
use crate::layout::Layout;
use crate::op::Cost;
use rayon::prelude::*;
use std::borrow::Cow;

/// Elements from which a cheap elementwise kernel is split across threads: waking helper threads
/// and handing out chunks costs some 10 µs, as much as a cheap kernel spends on about 50K elements
/// (measured: two threads win from about 128K elements for a multiplication, from a few thousand
/// for `exp`).
pub(crate) const PAR_MIN: usize = 1 << 17;
/// Elements from which a costly elementwise kernel is split across threads.
pub(crate) const PAR_MIN_COSTLY: usize = 1 << 14;

/// Elements from which a kernel of `cost` is split across threads.
pub(super) fn par_min(cost: Cost) -> usize {
    match cost {
        Cost::Cheap => PAR_MIN,
        Cost::Costly => PAR_MIN_COSTLY,
    }
}

/// Elements from which a kernel below `par_min` is split across the product team's helpers
/// when they are awake (after a product, see [`super::team::awake`]): an eighth of `par_min`,
/// where handing a part to a running helper costs a microsecond or two.
fn team_min(par_min: usize) -> usize {
    par_min / 8
}

/// Fills `out` by calling `body(start, chunk)` on consecutive chunks of it, `start` being the
/// chunk's position in `out`: on this thread and the product team's helpers, woken if asleep
/// ([`super::team::share`]; at least eight chunks of at most 16K elements) when `out` has
/// `par_min` elements or more; in four chunks on this thread and the helpers when it has an
/// eighth of that and they are awake; else in one call on this thread.
fn drive<U: Send>(out: &mut [U], par_min: usize, body: impl Fn(usize, &mut [U]) + Sync) {
    // The splitting below is the same for every kernel: compiled once per element type, with
    // the kernel's loops (`body`) behind one `dyn` call per chunk.
    drive_dyn(out, par_min, &body)
}

fn drive_dyn<U: Send>(out: &mut [U], par_min: usize, body: &(dyn Fn(usize, &mut [U]) + Sync)) {
    let n = out.len();
    let large = n >= par_min;
    let chunk = if large {
        (n / 8).clamp(1 << 11, 1 << 14)
    } else if n >= team_min(par_min) && super::team::awake() {
        n.div_ceil(4)
    } else {
        n
    }
    .max(1);
    let parts: Vec<(usize, &mut [U])> = out
        .chunks_mut(chunk)
        .enumerate()
        .map(|(k, o)| (k * chunk, o))
        .collect();
    if large {
        super::team::share(parts, |(s, o)| body(s, o));
    } else {
        super::team::each(parts, |(s, o)| body(s, o));
    }
}

/// True when a kernel of `n` outputs of `U` should write into a buffer from the pool rather than
/// collect into a fresh vector: when it may be split across threads, or is large enough to be
/// pooled. (So a vector collected directly is below both sizes, under 128 KiB: only pooled
/// buffers can be too large for the machine, and only their allocation is fallible.)
fn pooled<U: Element>(n: usize, cost: Cost) -> bool {
    n >= team_min(par_min(cost)) || pool::is_pooled_size::<U>(n)
}

// The loops of one parallel task. As functions of their own, their arguments carry Rust's aliasing
// guarantees (`o` is the only reference to the output, `f` and what it captures are read-only), so
// the compiler keeps a captured scalar in a register and vectorises; written inline in the task's
// closure, a broadcast scalar was reloaded for every element through a pointer that might alias `o`.

fn fill1<T: Copy, U>(o: &mut [U], x: &[T], f: &impl Fn(T) -> U) {
    super::simd::run(
        #[inline(always)]
        || {
            for (o, &v) in o.iter_mut().zip(x) {
                *o = f(v);
            }
        },
    )
}

fn fill2<A: Copy, B: Copy, U>(o: &mut [U], a: &[A], b: &[B], f: &impl Fn(A, B) -> U) {
    super::simd::run(
        #[inline(always)]
        || {
            for ((o, &x), &y) in o.iter_mut().zip(a).zip(b) {
                *o = f(x, y);
            }
        },
    )
}

/// `f(a[i], y)` into `o`: the second operand one element (a block of a broadcast). `y` is copied
/// into the vectorised loop's own frame first; read through the caller's closure, it was
/// reloaded at every element (the compiler cannot rule out that `o` overwrites it), and a
/// channel bias (`[N, C, H, W] + [1, C, 1, 1]`) ran five times slower than `x + x`.
fn fill_splat_b<A: Copy, B: Copy, U>(o: &mut [U], a: &[A], y: B, f: &impl Fn(A, B) -> U) {
    super::simd::run(
        #[inline(always)]
        || {
            let y = std::hint::black_box(y);
            for (o, &v) in o.iter_mut().zip(a) {
                *o = f(v, y);
            }
        },
    )
}

/// `f(x, b[i])` into `o` (the first operand one element), as [`fill_splat_b`].
fn fill_splat_a<A: Copy, B: Copy, U>(o: &mut [U], x: A, b: &[B], f: &impl Fn(A, B) -> U) {
    super::simd::run(
        #[inline(always)]
        || {
            let x = std::hint::black_box(x);
            for (o, &v) in o.iter_mut().zip(b) {
                *o = f(x, v);
            }
        },
    )
}

fn fill3<A: Copy, B: Copy, C: Copy, U>(
    o: &mut [U],
    a: &[A],
    b: &[B],
    c: &[C],
    f: &impl Fn(A, B, C) -> U,
) {
    super::simd::run(
        #[inline(always)]
        || {
            for ((o, &x), (&y, &z)) in o.iter_mut().zip(a).zip(b.iter().zip(c)) {
                *o = f(x, y, z);
            }
        },
    )
}

/// `f` of each element.
pub(super) fn map1<T, U>(x: &[T], cost: Cost, f: impl Fn(T) -> U + Sync) -> Alloc<Vec<U>>
where
    T: Copy + Sync,
    U: Element,
{
    if !pooled::<U>(x.len(), cost) {
        return Ok(x.iter().map(|&v| f(v)).collect());
    }
    let mut out = pool::take_or_alloc::<U>(x.len())?;
    drive(&mut out, par_min(cost), |s, o| {
        fill1(o, &x[s..s + o.len()], &f)
    });
    Ok(out)
}

/// `f` of each pair of elements; `a` and `b` have the same length.
pub(super) fn map2<A, B, U>(
    a: &[A],
    b: &[B],
    cost: Cost,
    f: impl Fn(A, B) -> U + Sync,
) -> Alloc<Vec<U>>
where
    A: Copy + Sync,
    B: Copy + Sync,
    U: Element,
{
    debug_assert_eq!(a.len(), b.len());
    if !pooled::<U>(a.len(), cost) {
        return Ok(a.iter().zip(b).map(|(&x, &y)| f(x, y)).collect());
    }
    let mut out = pool::take_or_alloc::<U>(a.len())?;
    drive(&mut out, par_min(cost), |s, o| {
        let r = s..s + o.len();
        fill2(o, &a[r.clone()], &b[r], &f)
    });
    Ok(out)
}

/// `f(a[i], block[i % block.len()])`: a binary kernel whose second operand repeats one block
/// (a bias broadcast over rows, `x - mean(x, 0)`), read in place instead of materialised.
/// `block` is not empty and divides `a.len()`.
pub(super) fn map2_cycle<A, B, U>(
    a: &[A],
    block: &[B],
    cost: Cost,
    f: impl Fn(A, B) -> U + Sync,
) -> Alloc<Vec<U>>
where
    A: Copy + Sync,
    B: Copy + Sync,
    U: Element,
{
    let k = block.len();
    let run = |s: usize, o: &mut [U]| {
        // Segments of `o` that lie within one repetition of the block.
        let mut done = 0;
        while done < o.len() {
            let at = (s + done) % k;
            let n = (k - at).min(o.len() - done);
            let r = s + done..s + done + n;
            fill2(&mut o[done..done + n], &a[r], &block[at..at + n], &f);
            done += n;
        }
    };
    if !pooled::<U>(a.len(), cost) {
        let mut out = Vec::with_capacity(a.len());
        for chunk in a.chunks(k) {
            out.extend(chunk.iter().zip(block).map(|(&x, &y)| f(x, y)));
        }
        return Ok(out);
    }
    let mut out = pool::take_or_alloc::<U>(a.len())?;
    drive(&mut out, par_min(cost), run);
    Ok(out)
}

/// How an operand of [`map2_blocks`] reads one inner block of the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reads {
    /// A contiguous run of the block's length.
    Run,
    /// One element for the whole block (a broadcast along the block's axes).
    Splat,
}

/// A binary kernel's output seen as consecutive inner blocks of `len` elements, one per index of
/// the outer axes `shape` (row-major). Operand `i` reads the block of outer index `idx` from
/// storage position `offset[i] + Σ idx·strides[i]`, as a run or as one element (`reads[i]`).
/// `[N, C, H, W] · [1, C, 1, 1]` is blocks of `H·W` over `[N, C]`: a run times one element.
#[derive(Clone, Debug)]
pub(super) struct Blocks {
    /// Elements per block (at least one).
    pub(super) len: usize,
    /// The outer axes.
    pub(super) shape: Vec<usize>,
    /// Each operand's storage strides along the outer axes.
    pub(super) strides: [Vec<isize>; 2],
    /// Each operand's storage position of the first block.
    pub(super) offset: [usize; 2],
    /// How each operand reads a block.
    pub(super) reads: [Reads; 2],
}

impl Blocks {
    /// The storage positions of each operand at outer index `idx`.
    fn positions(&self, idx: &[usize]) -> [isize; 2] {
        std::array::from_fn(|i| {
            let p = self.offset[i] as isize;
            p + idx
                .iter()
                .zip(&self.strides[i])
                .map(|(&j, &s)| j as isize * s)
                .sum::<isize>()
        })
    }
}

/// `f(a, b)` over the blocks of `plan` (see [`Blocks`]): a run against one element is a
/// scalar-vector loop, two runs a vector-vector loop, with no gathered copy of either operand.
/// Each element is `f` of the same two values as the generic path, so results are identical.
/// `a` and `b` are the operands' whole storage.
pub(super) fn map2_blocks<A, B, U>(
    a: &[A],
    b: &[B],
    plan: &Blocks,
    cost: Cost,
    f: impl Fn(A, B) -> U + Sync,
) -> Alloc<Vec<U>>
where
    A: Copy + Sync,
    B: Copy + Sync,
    U: Element,
{
    let (len, outer) = (plan.len, &plan.shape);
    let n = len * outer.iter().product::<usize>();
    let mut out = pool::take_or_alloc::<U>(n)?;
    if n == 0 {
        return Ok(out);
    }
    drive(&mut out, par_min(cost), |start, o| {
        // The outer index of the block holding element `start`, and the operands' positions.
        let (mut q, mut r) = (start / len, start % len);
        let mut idx = vec![0usize; outer.len()];
        for (j, &d) in idx.iter_mut().zip(outer).rev() {
            *j = q % d;
            q /= d;
        }
        let [mut pa, mut pb] = plan.positions(&idx);
        let mut done = 0;
        while done < o.len() {
            let k = (len - r).min(o.len() - done);
            let seg = &mut o[done..done + k];
            let (sa, sb) = ((pa as usize) + r, (pb as usize) + r);
            match plan.reads {
                [Reads::Run, Reads::Run] => fill2(seg, &a[sa..sa + k], &b[sb..sb + k], &f),
                [Reads::Run, Reads::Splat] => {
                    fill_splat_b(seg, &a[sa..sa + k], b[pb as usize], &f);
                }
                [Reads::Splat, Reads::Run] => {
                    fill_splat_a(seg, a[pa as usize], &b[sb..sb + k], &f);
                }
                [Reads::Splat, Reads::Splat] => seg.fill(f(a[pa as usize], b[pb as usize])),
            }
            done += k;
            r = 0;
            // The next block: an odometer over the outer axes.
            for ax in (0..outer.len()).rev() {
                idx[ax] += 1;
                pa += plan.strides[0][ax];
                pb += plan.strides[1][ax];
                if idx[ax] < outer[ax] {
                    break;
                }
                pa -= outer[ax] as isize * plan.strides[0][ax];
                pb -= outer[ax] as isize * plan.strides[1][ax];
                idx[ax] = 0;
            }
        }
    });
    Ok(out)
}

/// `f` of each triple of elements; all three have the same length.
pub(super) fn map3<A, B, C, U>(
    a: &[A],
    b: &[B],
    c: &[C],
    f: impl Fn(A, B, C) -> U + Sync,
) -> Alloc<Vec<U>>
where
    A: Copy + Sync,
    B: Copy + Sync,
    C: Copy + Sync,
    U: Element,
{
    debug_assert!(a.len() == b.len() && a.len() == c.len());
    if !pooled::<U>(a.len(), Cost::Cheap) {
        return Ok(a
            .iter()
            .zip(b.iter().zip(c))
            .map(|(&x, (&y, &z))| f(x, y, z))
            .collect());
    }
    let mut out = pool::take_or_alloc::<U>(a.len())?;
    drive(&mut out, PAR_MIN, |s, o| {
        let r = s..s + o.len();
        fill3(o, &a[r.clone()], &b[r.clone()], &c[r], &f)
    });
    Ok(out)
}

/// `n` copies of `v`.
pub(super) fn fill<T: Element>(n: usize, v: T) -> Alloc<Vec<T>> {
    if !pooled::<T>(n, Cost::Cheap) {
        return Ok(vec![v; n]);
    }
    let mut out = pool::take_or_alloc::<T>(n)?;
    drive(&mut out, PAR_MIN, |_, o| o.fill(v));
    Ok(out)
}

/// The elements of a strided view (of at least one element) in logical row-major order, gathered
/// in parallel chunks of the output: each chunk finds the multi-index of its first element, then
/// walks runs of the innermost axis as an odometer would.
pub(super) fn gather<T: Element>(all: &[T], l: &Layout) -> Alloc<Vec<T>> {
    let (shape, strides) = (l.shape(), l.strides());
    let mut out = pool::take_or_alloc::<T>(l.numel())?;
    let Some(last) = shape.len().checked_sub(1) else {
        out.fill(all[l.offset()]);
        return Ok(out);
    };
    let (inner, inner_stride) = (shape[last], strides[last]);
    // Transposed planes of at least a tile's worth (smaller ones stay in cache either way, and
    // many tiny planes would cost a task each).
    let transposed = last >= 1 && strides[last - 1] == 1 && inner_stride.unsigned_abs() > 1;
    if transposed && inner > 1 && shape[last - 1].saturating_mul(inner) >= TILE * TILE {
        gather_transposed(all, l, &mut out);
        return Ok(out);
    }
    drive(&mut out, PAR_MIN, |start, out| {
        // The multi-index of logical element `start` and its storage offset.
        let mut idx = vec![0usize; shape.len()];
        let mut rest = start;
        let mut pos = l.offset() as isize;
        for a in (0..shape.len()).rev() {
            idx[a] = rest % shape[a];
            rest /= shape[a];
            pos += idx[a] as isize * strides[a];
        }
        let mut done = 0;
        while done < out.len() {
            let n = (inner - idx[last]).min(out.len() - done);
            let run = &mut out[done..done + n];
            match inner_stride {
                // A row read in order, or one element repeated (a broadcast along the last axis).
                1 => run.copy_from_slice(&all[pos as usize..pos as usize + n]),
                0 => run.fill(all[pos as usize]),
                _ => {
                    for (j, d) in run.iter_mut().enumerate() {
                        *d = all[(pos + j as isize * inner_stride) as usize];
                    }
                }
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
    Ok(out)
}

/// Rows (and columns) of the tiles [`gather_transposed`] copies.
const TILE: usize = 32;

/// [`gather`] of a view whose last two axes are a transposed matrix (the axis before the last
/// has stride 1 in storage, the last is strided — the gradient of a transposed weight, `x.T`
/// made contiguous). Walking the output row by row would read one element per cache line; this
/// copies each plane in `TILE × TILE` tiles, reading the source's contiguous columns, in
/// parallel over blocks of `TILE` rows when the view is large.
fn gather_transposed<T: Element>(all: &[T], l: &Layout, out: &mut [T]) {
    let (shape, strides) = (l.shape(), l.strides());
    let nd = shape.len();
    let (rows, cols, col_stride) = (shape[nd - 2], shape[nd - 1], strides[nd - 1]);
    // Rows `TILE·rb ..` of plane `p` (the planes in row-major order over the leading axes).
    let block = |p: usize, rb: usize, o: &mut [T]| {
        let mut base = l.offset() as isize + (rb * TILE) as isize;
        let mut rest = p;
        for a in (0..nd - 2).rev() {
            base += (rest % shape[a]) as isize * strides[a];
            rest /= shape[a];
        }
        let n_rows = o.len() / cols;
        for j0 in (0..cols).step_by(TILE) {
            for j in j0..(j0 + TILE).min(cols) {
                let src = base + j as isize * col_stride;
                let column = &all[src as usize..][..n_rows];
                for (i, &v) in column.iter().enumerate() {
                    o[i * cols + j] = v;
                }
            }
        }
    };
    let plane = rows * cols;
    if out.len() < PAR_MIN {
        for (p, o) in out.chunks_mut(plane).enumerate() {
            for (rb, o) in o.chunks_mut(TILE * cols).enumerate() {
                block(p, rb, o);
            }
        }
        return;
    }
    out.par_chunks_mut(plane).enumerate().for_each(|(p, o)| {
        o.par_chunks_mut(TILE * cols)
            .enumerate()
            .for_each(|(rb, o)| block(p, rb, o))
    });
}

/// The elements as an owned vector (a borrowed slice is copied, in parallel when large).
pub(super) fn into_owned<T: Element>(c: Cow<'_, [T]>) -> Alloc<Vec<T>> {
    match c {
        Cow::Owned(v) => Ok(v),
        Cow::Borrowed(s) => map1(s, Cost::Cheap, |v| v),
    }
}

/// Hands a temporary copy made by `elems` back to the pool once a kernel is done with it.
pub(super) fn recycle<T: Element>(c: Cow<'_, [T]>) {
    if let Cow::Owned(v) = c {
        pool::give(CpuBuffer::from_vec(v));
    }
}

/// The number of threads the CPU kernels split work across (rayon's global pool; starting it if
/// it has not started yet).
pub fn num_threads() -> usize {
    rayon::current_num_threads()
}

/// Sets the number of threads the CPU kernels split work across (MindSpore's
/// `device_context.cpu.op_tuning.threads_num`): starts rayon's global pool — which every parallel
/// kernel (elementwise, reductions, sorting) runs on — with `n` threads; a Float32 matrix product
/// runs on the calling thread and `n − 1` helpers of its own (`team`). The pool starts
/// once per process, at the first parallel kernel or at this call: set the count before any large
/// computation. Asking again for the count it already has is accepted; another count once the
/// pool runs is `Error::Device` (a RuntimeError), as is `n = 0`. `RAYON_NUM_THREADS` sets the same
/// count from the environment when this is never called.
pub fn set_num_threads(n: usize) -> Result<(), crate::Error> {
    let device_err = |msg: String| crate::Error::Device {
        device: "CPU".into(),
        msg,
    };
    if n == 0 {
        return Err(device_err(
            "the number of threads must be positive, but got 0".into(),
        ));
    }
    if rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("ems-cpu-{i}"))
        .build_global()
        .is_ok()
    {
        return Ok(());
    }
    let now = rayon::current_num_threads();
    if now == n {
        return Ok(());
    }
    Err(device_err(format!(
        "the CPU kernels' thread pool already runs {now} threads (it starts at the first \
         parallel kernel), so it cannot be set to {n}: set the number of threads before any \
         computation, or with the environment variable before the program starts"
    )))
}

/// Set in a process made by `fork`: its copy of rayon's global pool (and of the product team)
/// has no threads, so a parallel kernel would wait for them for ever.
static FORKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn after_fork_in_child() {
    FORKED.store(true, std::sync::atomic::Ordering::Relaxed);
}

#[cfg(unix)]
extern "C" {
    fn pthread_atfork(
        prepare: Option<extern "C" fn()>,
        parent: Option<extern "C" fn()>,
        child: Option<extern "C" fn()>,
    ) -> std::ffi::c_int;
}

/// Starts watching for `fork` (once per process; [`with_live_threads`] does it too): call it before
/// any kernel whose threads a forked child could inherit without the threads — the Python module
/// does, when it is imported.
pub fn watch_forks() {
    static WATCH: std::sync::Once = std::sync::Once::new();
    #[cfg(unix)]
    // SAFETY: registers a handler that only stores to an atomic, which is async-signal-safe as
    // a handler run after `fork` in the child must be.
    WATCH.call_once(|| unsafe {
        pthread_atfork(None, None, Some(after_fork_in_child));
    });
}

/// Runs `f`, a kernel that may split across threads, where it has threads to run on: on this
/// thread, or — in a process forked from one whose pool had started (a `multiprocessing` worker)
/// — inside a pool of the forked process's own, started at its first kernel.
pub fn with_live_threads<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    watch_forks();
    if !FORKED.load(std::sync::atomic::Ordering::Relaxed) {
        return f();
    }
    match own_pool() {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

/// The pool of this (forked) process, keyed by its id so that a process forked again starts its
/// own; None when no thread can be started.
fn own_pool() -> Option<std::sync::Arc<rayon::ThreadPool>> {
    use std::sync::{Arc, Mutex};
    static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((owner, pool)) = &*slot {
        if *owner == pid {
            return Some(pool.clone());
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.min(rayon::current_num_threads()).max(1))
        .thread_name(|i| format!("ems-cpu-forked-{i}"))
        .build()
        .ok()
        .map(Arc::new)?;
    *slot = Some((pid, pool.clone()));
    Some(pool)
}

//! The CPU device: the kernels of every primitive family on host memory, each with a contiguous
//! fast path and a strided path. Large kernels split across threads (`par`) and write into buffers
//! from a pool of freed ones (`pool`), so that repeated big outputs stop paying page faults. The
//! buffer type (`CpuBuffer`) and the pool are private to this module.
//!
//! The device's entry points turn each operand into a `View` (its CPU buffer, downcast once, and
//! its layout), or refuse it with an error when it is not CPU storage; the kernels work on views.

mod alloc;
mod attention;
mod buffer;
mod cell;
mod complex;
mod conv;
mod elementwise;
mod fft;
mod foreign;
mod fused;
mod linalg;
mod lstm_layer;
mod matmul;
mod moments;
mod norm;
mod par;
mod pool;
mod pooling;
mod reduce;
#[cfg(target_arch = "x86_64")]
mod sgemm;
pub(crate) mod simd;
mod sort;
pub mod stats;
mod structure;
#[cfg(target_arch = "x86_64")]
mod team;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_blocks;

use alloc::{Alloc, At};
pub(super) use buffer::{CpuAlloc, CpuBuffer};
pub(super) use foreign::Foreign;
pub use par::{num_threads, set_num_threads, watch_forks, with_live_threads};

use super::{fused as fusion, Concrete, Device, HostVec, Storage};
use crate::dtype::{dispatch, DType, Element};
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::op::random::Dist;
use crate::op::Window;
use crate::op::{BinaryOp, CellOp, CmpOp, ConvKind, LinalgOp, PoolKind, ReduceOp, UnaryOp};
use std::borrow::Cow;

/// An empty host vector with room for `n` elements, allocated fallibly: a request the machine
/// cannot hold is `Error::OutOfMemory` of `op`. For host data built element by element (creation
/// ops) before it becomes [`Storage`].
pub(crate) fn host_vec<T>(n: usize, op: &'static str) -> Result<Vec<T>> {
    alloc::with_capacity(n).at(op)
}

/// The CPU device. There is one, [`cpu()`].
#[derive(Debug)]
pub struct Cpu {
    /// Its name (a field, so the one `Cpu` has an address of its own).
    name: &'static str,
}

static CPU: Cpu = Cpu { name: "CPU" };

/// The CPU device, where values made from host data live.
#[inline]
pub fn cpu() -> &'static dyn Device {
    &CPU
}

/// Runs `f` keeping the packing of a weight that thin matrix products multiply again, until `f`
/// returns: a recurrent layer's per-step products, a backward sweep (see `sgemm::reuse`).
pub fn reusing_packs<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    return sgemm::reuse::scope(f);
    #[cfg(not(target_arch = "x86_64"))]
    f()
}

/// Frees the large buffers parked for reuse (see `pool`), giving their memory back to the system.
/// The pool also does this by itself when the system runs short of memory.
pub fn release_pooled_memory() {
    pool::clear();
}

/// Host elements as CPU storage (no copy).
#[inline]
pub(crate) fn storage<T: Element>(v: Vec<T>) -> Storage {
    wrap(CpuBuffer::from_vec(v))
}

/// `n` copies of `v` as CPU storage, or `Error::OutOfMemory` of `op` when the machine cannot hold
/// them (see `alloc`).
pub(crate) fn filled<T: Element>(op: &'static str, n: usize, v: T) -> Result<Storage> {
    alloc::filled(n, v).map(storage).at(op)
}

#[inline]
fn wrap(b: CpuBuffer) -> Storage {
    Storage::cpu(b)
}

/// A CPU value as the kernels read it: its elements and the layout that views them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct View<'a> {
    /// The elements.
    pub buf: &'a CpuBuffer,
    /// Where each logical element is in `buf`.
    pub layout: &'a Layout,
}

impl View<'_> {
    /// The dtype of the elements.
    #[inline]
    pub fn dtype(&self) -> DType {
        self.buf.dtype()
    }
}

/// An operand of a storage dtype (Float16, Int8, ...; see [`DType::compute`]) converted to its
/// compute dtype, which the arithmetic kernels take.
struct Wide {
    /// The converted elements.
    buf: CpuBuffer,
    /// Where each logical element is in `buf`.
    layout: Layout,
}

/// What a kernel needs of the widened values of a UInt64 operand (it computes in Int64).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Need {
    /// The bits (`+ - *` wrap to the same bits).
    Bits,
    /// The order (comparisons, max/min, argmax): the sign bit is flipped, which maps unsigned
    /// order onto signed order, and flipped back in the result.
    Order,
}

/// Flips the sign bit of every element of an Int64 buffer (see [`Need::Order`]).
fn flip_sign(b: &mut CpuBuffer) {
    if let CpuBuffer::I64(v) = b {
        v.iter_mut().for_each(|x| *x ^= i64::MIN);
    }
}

/// `v` in its compute dtype: `None` when it already is one. When the view reads most of its
/// buffer (or repeats it, a broadcast), the whole buffer is converted under the same layout, so a
/// broadcast scalar stays one element; a small view of a large buffer converts only its elements.
fn widen(v: View<'_>, need: Need) -> Alloc<Option<Wide>> {
    let to = v.dtype().compute();
    if to == v.dtype() {
        return Ok(None);
    }
    let mut wide = if v.buf.len() <= v.layout.numel().max(1) * 2 {
        let whole = Layout::contiguous(&[v.buf.len()]);
        let buf = elementwise::cast(
            View {
                buf: v.buf,
                layout: &whole,
            },
            to,
        )?;
        Wide {
            buf,
            layout: v.layout.clone(),
        }
    } else {
        Wide {
            buf: elementwise::cast(v, to)?,
            layout: Layout::contiguous(v.layout.shape()),
        }
    };
    if need == Need::Order && v.dtype() == DType::UInt64 {
        flip_sign(&mut wide.buf);
    }
    Ok(Some(wide))
}

/// Runs an arithmetic kernel on views of compute dtypes: every operand of a storage dtype is
/// widened first ([`widen`]), and the result, when `narrow` is set, converted back to that dtype
/// (the operands' storage dtype; integers wrap). This is the one place the CPU device computes
/// storage dtypes, so each kernel family exists for the five compute dtypes only.
fn computed<const N: usize>(
    op: &'static str,
    ins: [View<'_>; N],
    narrow: Option<DType>,
    need: Need,
    kernel: impl FnOnce([View<'_>; N]) -> Result<CpuBuffer>,
) -> Result<CpuBuffer> {
    if let Some(v) = ins.iter().find(|v| v.dtype().is_complex()) {
        // The complex kernels are called by the entries that have them (`complex`); no
        // `dispatch_compute!` kernel may see a complex buffer.
        return Err(Error::no_complex(op, v.dtype()));
    }
    if ins.iter().all(|v| !v.dtype().is_storage_only()) {
        return kernel(ins);
    }
    let mut wide: [Option<Wide>; N] = [const { None }; N];
    for (w, v) in wide.iter_mut().zip(&ins) {
        *w = widen(*v, need).at(op)?;
    }
    let views: [View<'_>; N] = std::array::from_fn(|i| match &wide[i] {
        Some(w) => View {
            buf: &w.buf,
            layout: &w.layout,
        },
        None => ins[i],
    });
    let mut out = kernel(views)?;
    if need == Need::Order && narrow == Some(DType::UInt64) {
        flip_sign(&mut out);
    }
    match narrow {
        Some(d) if d != out.dtype() => {
            let n = out.len();
            let all = Layout::contiguous(&[n]);
            elementwise::cast(
                View {
                    buf: &out,
                    layout: &all,
                },
                d,
            )
            .at(op)
        }
        _ => Ok(out),
    }
}

/// Division, remainder and right shift of UInt64 in u64 itself: the Int64 compute dtype is right
/// for `+ - *` modulo 2^64 but not for these once a value reaches 2^63. `x / 0` and `x % 0` are
/// 0, as for the other integers; `x >> n` is 0 for `n >= 64`.
fn u64_div_rem(op: BinaryOp, a: View<'_>, b: View<'_>) -> Alloc<CpuBuffer> {
    let (x, y) = (elems::<u64>(a)?, elems::<u64>(b)?);
    let mut out: Vec<u64> = alloc::with_capacity(x.len())?;
    out.extend(x.iter().zip(y.iter()).map(|(&p, &q)| {
        match (op, q) {
            // Logical: the Int64 compute dtype would shift the top bit in.
            (BinaryOp::RightShift, q) => p
                .checked_shr(u32::try_from(q).unwrap_or(u32::MAX))
                .unwrap_or(0),
            (_, 0) => 0,
            (BinaryOp::Div, q) => p / q,
            (_, q) => p % q,
        }
    }));
    Ok(CpuBuffer::from_vec(out))
}

/// The view of an operand of `op`, or an error when its storage is not the CPU's.
#[inline(always)]
fn view<'a>(op: &'static str, c: &'a Concrete) -> Result<View<'a>> {
    match c.storage.cpu_buffer() {
        Some(buf) => Ok(View {
            buf,
            layout: &c.layout,
        }),
        None => Err(foreign(op, c)),
    }
}

/// The error of [`view`] for storage of another device (off the hot path).
#[cold]
#[inline(never)]
fn foreign(op: &'static str, c: &Concrete) -> Error {
    Error::DeviceMismatch {
        op,
        lhs: CPU.name.to_string(),
        rhs: c.storage.device().name().to_string(),
    }
}

/// The elements of a view in logical row-major order, borrowed when the layout allows; an error
/// when a copy is needed and the machine cannot hold it (a broadcast view may have far more
/// elements than its storage).
pub(crate) fn elems<T: Element>(c: View<'_>) -> Alloc<Cow<'_, [T]>> {
    let all = c.buf.slice::<T>().unwrap_or(&[]);
    let l = c.layout;
    if l.numel() == 0 {
        // An empty view may keep an offset past the end of its (possibly empty) storage, e.g.
        // `zeros([5, 0])[4]`; it has nothing to read.
        return Ok(Cow::Borrowed(&[]));
    }
    if l.is_contiguous() {
        let start = l.offset();
        return Ok(Cow::Borrowed(&all[start..start + l.numel()]));
    }
    if l.numel() < par::PAR_MIN && !pool::is_pooled_size::<T>(l.numel()) {
        let mut out = Vec::with_capacity(l.numel());
        l.for_each_row(|base, len, stride| match stride {
            1 => out.extend_from_slice(&all[base..base + len]),
            0 => out.extend(std::iter::repeat_n(all[base], len)),
            _ => out.extend((0..len).map(|j| all[(base as isize + j as isize * stride) as usize])),
        });
        return Ok(Cow::Owned(out));
    }
    par::gather(all, l).map(Cow::Owned)
}

/// When every element of the view is the same storage element (a broadcast scalar), that element.
pub(crate) fn splat<T: Element>(c: View<'_>) -> Option<T> {
    let all = c.buf.slice::<T>()?;
    if c.layout.strides().iter().all(|&s| s == 0) && c.layout.numel() > 0 {
        all.get(c.layout.offset()).copied()
    } else {
        None
    }
}

/// A fresh contiguous buffer of a concrete value's logical elements.
fn materialize(c: View<'_>) -> Alloc<CpuBuffer> {
    fn go<T: Element>(c: View<'_>) -> Alloc<CpuBuffer> {
        Ok(CpuBuffer::from_vec(par::into_owned(elems::<T>(c)?)?))
    }
    dispatch!(c.dtype(), go(c))
}

impl Device for Cpu {
    fn name(&self) -> &str {
        self.name
    }

    fn upload(&self, mut data: HostVec<'_>) -> Result<Storage> {
        fn go<T: Element>(data: &mut HostVec<'_>) -> Option<Storage> {
            data.take::<T>().map(storage)
        }
        dispatch!(data.dtype(), go(&mut data)).ok_or_else(|| Error::Device {
            device: CPU.name.to_string(),
            msg: "an upload without host elements".into(),
        })
    }

    fn download(&self, x: &Concrete, mut out: HostVec<'_>) -> Result<()> {
        fn go<T: Element>(x: View<'_>, out: &mut HostVec<'_>) -> Alloc<bool> {
            Ok(out.put(par::into_owned(elems::<T>(x)?)?))
        }
        let v = view("download", x)?;
        if dispatch!(v.dtype(), go(v, &mut out)).at("download")? {
            Ok(())
        } else {
            Err(Error::DTypeMismatch {
                op: "download",
                lhs: x.dtype(),
                rhs: out.dtype(),
            })
        }
    }

    fn contiguous(&self, x: &Concrete) -> Result<Storage> {
        materialize(view("contiguous", x)?)
            .map(wrap)
            .at("contiguous")
    }

    fn unary(&self, op: UnaryOp, x: &Concrete) -> Result<Storage> {
        let x = view(op.name(), x)?;
        if x.dtype().is_complex() {
            return complex::unary(op, x).map(wrap);
        }
        if matches!(op, UnaryOp::Abs | UnaryOp::ReLU) && x.dtype() == DType::UInt64 {
            // Unsigned: |x| and relu(x) are x (the Int64 compute dtype would negate values from
            // 2^63 on).
            return materialize(x).map(wrap).at(op.name());
        }
        computed(op.name(), [x], Some(x.dtype()), Need::Bits, |[x]| {
            elementwise::unary(op, x).at(op.name())
        })
        .map(wrap)
    }

    fn binary(&self, op: BinaryOp, a: &Concrete, b: &Concrete) -> Result<Storage> {
        let (a, b) = (view(op.name(), a)?, view(op.name(), b)?);
        if a.dtype().is_complex() {
            return complex::binary(op, a, b).map(wrap);
        }
        let u64_op = matches!(op, BinaryOp::Div | BinaryOp::Mod | BinaryOp::RightShift);
        if u64_op && a.dtype() == DType::UInt64 {
            return u64_div_rem(op, a, b).map(wrap).at(op.name());
        }
        let need = match op {
            BinaryOp::Max | BinaryOp::Min => Need::Order,
            BinaryOp::Add
            | BinaryOp::Sub
            | BinaryOp::Mul
            | BinaryOp::Div
            | BinaryOp::Pow
            | BinaryOp::Mod
            | BinaryOp::BitwiseAnd
            | BinaryOp::BitwiseOr
            | BinaryOp::BitwiseXor
            | BinaryOp::LeftShift
            | BinaryOp::RightShift
            | BinaryOp::Polygamma => Need::Bits,
        };
        computed(op.name(), [a, b], Some(a.dtype()), need, |[a, b]| {
            elementwise::binary(op, a, b).at(op.name())
        })
        .map(wrap)
    }

    fn compare(&self, op: CmpOp, a: &Concrete, b: &Concrete) -> Result<Storage> {
        let (a, b) = (view("Compare", a)?, view("Compare", b)?);
        if a.dtype().is_complex() {
            return complex::compare(op, a, b).map(wrap);
        }
        computed("Compare", [a, b], None, Need::Order, |[a, b]| {
            elementwise::compare(op, a, b).at("Compare")
        })
        .map(wrap)
    }

    fn select(&self, cond: &Concrete, x: &Concrete, y: &Concrete) -> Result<Storage> {
        let (c, x, y) = (view("Where", cond)?, view("Where", x)?, view("Where", y)?);
        elementwise::select(c, x, y).map(wrap).at("Where")
    }

    fn cast(&self, x: &Concrete, to: DType) -> Result<Storage> {
        elementwise::cast(view("Cast", x)?, to).map(wrap).at("Cast")
    }

    fn reduce(&self, op: ReduceOp, x: &Concrete, axes: &[usize]) -> Result<Storage> {
        let x = view(op.name(), x)?;
        if x.dtype().is_complex() {
            return complex::reduce(op, x, axes).map(wrap);
        }
        let need = match op {
            ReduceOp::Max => Need::Order,
            ReduceOp::Sum => Need::Bits,
        };
        computed(op.name(), [x], Some(x.dtype()), need, |[x]| {
            reduce::reduce(op, x, axes).at(op.name())
        })
        .map(wrap)
    }

    fn argmax(&self, x: &Concrete, axis: usize) -> Result<Storage> {
        let x = view("ArgMax", x)?;
        computed("ArgMax", [x], None, Need::Order, |[x]| {
            reduce::argmax(x, axis).at("ArgMax")
        })
        .map(wrap)
    }

    fn argsort(&self, x: &Concrete, descending: bool) -> Result<Storage> {
        let x = view("ArgSort", x)?;
        computed("ArgSort", [x], None, Need::Order, |[x]| {
            sort::argsort(x, descending).at("ArgSort")
        })
        .map(wrap)
    }

    fn cumsum(&self, x: &Concrete, axis: usize) -> Result<Concrete> {
        let x = view("Cumsum", x)?;
        // The kernel's layout views its buffer; narrowing converts the buffer in place order.
        let mut layout = Layout::contiguous(x.layout.shape());
        let f16 = x.dtype() == DType::Float16;
        let b = computed("Cumsum", [x], Some(x.dtype()), Need::Bits, |[x]| {
            let (b, l) = reduce::cumsum(x, axis, f16).at("Cumsum")?;
            layout = l;
            Ok(b)
        })?;
        Ok(Concrete::new(wrap(b), layout))
    }

    fn var_mean(&self, x: &Concrete, axes: &[usize]) -> Result<Storage> {
        let x = view("VarMean", x)?;
        computed("VarMean", [x], Some(x.dtype()), Need::Bits, |[x]| {
            moments::var_mean(x, axes).at("VarMean")
        })
        .map(wrap)
    }

    fn layer_norm(
        &self,
        x: &Concrete,
        axis: usize,
        eps: f64,
        grad: Option<&Concrete>,
    ) -> Result<Storage> {
        let x = view("LayerNorm", x)?;
        let d = Some(x.dtype());
        let f = |w: &[View<'_>]| norm::layer_norm(w, axis, eps).at("LayerNorm");
        match grad {
            None => computed("LayerNorm", [x], d, Need::Bits, |w| f(&w)),
            Some(g) => {
                let g = view("LayerNorm", g)?;
                computed("LayerNorm", [x, g], d, Need::Bits, |w| f(&w))
            }
        }
        .map(wrap)
    }

    fn rnn_cell(&self, op: CellOp, ins: &[&Concrete]) -> Result<Storage> {
        let (name, v) = cell_views(op, ins)?;
        let d = v.first().map(|x| x.dtype());
        let f = |w: &[View<'_>]| cell::forward(op, w).at(name);
        match v[..] {
            [a, b] => computed(name, [a, b], d, Need::Bits, |w| f(&w)),
            [a, b, c] => computed(name, [a, b, c], d, Need::Bits, |w| f(&w)),
            _ => Err(cell_arity(op, ins.len())),
        }
        .map(wrap)
    }

    fn rnn_cell_grad(&self, op: CellOp, ins: &[&Concrete]) -> Result<Storage> {
        let (name, v) = cell_views(op, ins)?;
        let d = v.first().map(|x| x.dtype());
        let f = |w: &[View<'_>]| cell::backward(op, w).at(name);
        match v[..] {
            [a, b, c, e] => computed(name, [a, b, c, e], d, Need::Bits, |w| f(&w)),
            [a, b, c, e, g] => computed(name, [a, b, c, e, g], d, Need::Bits, |w| f(&w)),
            _ => Err(cell_arity(op, ins.len())),
        }
        .map(wrap)
    }

    fn lstm_layer(&self, reverse: bool, ins: &[&Concrete]) -> Result<Storage> {
        layer_kernel(ins, |v| match v[0].dtype() {
            DType::Float32 => lstm_layer::forward::<f32>(reverse, v),
            _ => lstm_layer::forward::<f64>(reverse, v),
        })
    }

    fn lstm_layer_grad(&self, reverse: bool, ins: &[&Concrete]) -> Result<Storage> {
        layer_kernel(ins, |v| match v[0].dtype() {
            DType::Float32 => lstm_layer::backward::<f32>(reverse, v),
            _ => lstm_layer::backward::<f64>(reverse, v),
        })
    }

    fn attention(&self, scale: f64, ins: &[&Concrete]) -> Result<Storage> {
        const NAME: &str = "Attention";
        let v = named_views(NAME, ins)?;
        let d = v.first().map(|x| x.dtype());
        let f = |w: &[View<'_>]| attention::forward(scale, w);
        match v[..] {
            [a, b, c] => computed(NAME, [a, b, c], d, Need::Bits, |w| f(&w)),
            [a, b, c, m] => computed(NAME, [a, b, c, m], d, Need::Bits, |w| f(&w)),
            _ => Err(kernel_arity(NAME, ins.len())),
        }
        .map(wrap)
    }

    fn attention_grad(&self, scale: f64, ins: &[&Concrete], with_ds: bool) -> Result<Storage> {
        const NAME: &str = "Attention";
        let v = named_views(NAME, ins)?;
        let d = v.first().map(|x| x.dtype());
        let f = |w: &[View<'_>]| attention::backward(scale, w, with_ds);
        match v[..] {
            [a, b, c, o, g] => computed(NAME, [a, b, c, o, g], d, Need::Bits, |w| f(&w)),
            [a, b, c, m, o, g] => computed(NAME, [a, b, c, m, o, g], d, Need::Bits, |w| f(&w)),
            _ => Err(kernel_arity(NAME, ins.len())),
        }
        .map(wrap)
    }

    fn softmax(&self, x: &Concrete, axis: usize) -> Result<Concrete> {
        let x = view("Softmax", x)?;
        let mut layout = Layout::contiguous(x.layout.shape());
        let b = computed("Softmax", [x], Some(x.dtype()), Need::Bits, |[x]| {
            let (b, l) = reduce::softmax(x, axis).at("Softmax")?;
            layout = l;
            Ok(b)
        })?;
        Ok(Concrete::new(wrap(b), layout))
    }

    fn matmul(&self, a: &Concrete, b: &Concrete, out_shape: &[usize]) -> Result<Storage> {
        let storage_b = &b.storage;
        let (a, b) = (view("MatMul", a)?, view("MatMul", b)?);
        if a.dtype().is_complex() {
            return complex::matmul(a, b, out_shape).map(wrap);
        }
        let product = || {
            computed("MatMul", [a, b], Some(a.dtype()), Need::Bits, |[a, b]| {
                matmul::matmul(a, b, out_shape)
            })
        };
        // A weight matrix may be multiplied again within a reuse scope (see `sgemm::reuse`).
        #[cfg(target_arch = "x86_64")]
        if b.layout.shape().len() == 2 {
            return sgemm::reuse::offering(storage_b, product).map(wrap);
        }
        let _ = storage_b;
        product().map(wrap)
    }

    fn linalg(&self, op: LinalgOp, x: &Concrete) -> Result<Storage> {
        let x = view(op.name(), x)?;
        linalg::linalg(op, x).map(wrap).at(op.name())
    }

    fn dft(&self, x: &Concrete, inverse: bool) -> Result<Storage> {
        fft::dft(view("FFT", x)?, inverse).map(wrap)
    }

    fn conv(
        &self,
        kind: ConvKind,
        win: &Window,
        a: &Concrete,
        b: &Concrete,
        out_shape: &[usize],
    ) -> Result<Storage> {
        let op = conv::name(kind);
        let (a, b) = (view(op, a)?, view(op, b)?);
        computed(op, [a, b], Some(a.dtype()), Need::Bits, |[a, b]| {
            conv::conv(kind, win, a, b, out_shape)
        })
        .map(wrap)
    }

    fn pool(
        &self,
        kind: PoolKind,
        kernel: [usize; 2],
        win: &Window,
        ins: &[&Concrete],
        out_shape: &[usize],
    ) -> Result<Storage> {
        let op = pooling::name(kind);
        let x = view(op, ins[0])?;
        match ins.get(1) {
            Some(u) => {
                let u = view(op, u)?;
                computed(op, [x, u], Some(x.dtype()), Need::Bits, |[x, u]| {
                    pooling::pool(kind, kernel, win, x, Some(u), out_shape)
                })
            }
            None => computed(op, [x], Some(x.dtype()), Need::Bits, |[x]| {
                pooling::pool(kind, kernel, win, x, None, out_shape)
            }),
        }
        .map(wrap)
    }

    fn gather(&self, x: &Concrete, idx: &Concrete, axis: usize) -> Result<Storage> {
        let (x, idx) = (view("Gather", x)?, view("Gather", idx)?);
        structure::gather(x, idx, axis).map(wrap)
    }

    fn scatter_add(
        &self,
        x: &Concrete,
        idx: &Concrete,
        upd: &Concrete,
        axis: usize,
    ) -> Result<Storage> {
        let op = "ScatterAdd";
        let (x, idx, upd) = (view(op, x)?, view(op, idx)?, view(op, upd)?);
        computed(op, [x, upd], Some(x.dtype()), Need::Bits, |[x, upd]| {
            structure::scatter_add(x, idx, upd, axis)
        })
        .map(wrap)
    }

    fn pad(
        &self,
        x: &Concrete,
        out_shape: &[usize],
        lo: &[usize],
        interior: &[usize],
    ) -> Result<Storage> {
        let x = view("Pad", x)?;
        structure::pad(x, out_shape, lo, interior)
            .map(wrap)
            .at("Pad")
    }

    fn concat(
        &self,
        xs: &[&Concrete],
        out_shape: &[usize],
        axis: usize,
        dtype: DType,
    ) -> Result<Storage> {
        let xs = xs
            .iter()
            .map(|c| view("Concat", c))
            .collect::<Result<Vec<_>>>()?;
        structure::concat(&xs, out_shape, axis, dtype)
            .map(wrap)
            .at("Concat")
    }

    fn random(
        &self,
        dist: Dist,
        seed: u64,
        counter: u64,
        n: usize,
        dtype: DType,
    ) -> Result<Storage> {
        fn draw<T: Element>(dist: Dist, seed: u64, counter: u64, n: usize) -> Alloc<Storage> {
            let mut out = alloc::with_capacity::<T>(n)?;
            crate::op::random::sample_into(dist, seed, counter, n, |v| out.push(T::from_f64(v)));
            Ok(storage(out))
        }
        match dtype {
            DType::Float64 => draw::<f64>(dist, seed, counter, n).at("Random"),
            DType::Float32 => draw::<f32>(dist, seed, counter, n).at("Random"),
            _ => Err(Error::UnsupportedDType {
                op: "Random",
                dtype,
                expected: "Float32 or Float64",
            }),
        }
    }

    fn fused(
        &self,
        kernel: &fusion::Kernel,
        ins: &[&Concrete],
        n: usize,
        dtype: DType,
    ) -> Result<(Vec<Storage>, Vec<f64>)> {
        let mut views: smallvec::SmallVec<[View<'_>; 4]> = smallvec::SmallVec::new();
        for c in ins {
            views.push(view("Fused", c)?);
        }
        fused::run(kernel, &views, n, dtype).at("Fused")
    }
}

/// The CPU views of a recurrent step's operands, under the step's name.
fn cell_views<'a>(
    op: CellOp,
    ins: &[&'a Concrete],
) -> Result<(&'static str, smallvec::SmallVec<[View<'a>; 6]>)> {
    Ok((op.name(), named_views(op.name(), ins)?))
}

/// Runs an `LstmLayer` kernel on Float32 or Float64 operands (the rule admits no other dtype),
/// keeping the packing of the weight (operand 1) across the steps' products.
fn layer_kernel(
    ins: &[&Concrete],
    kernel: impl FnOnce(&[View<'_>]) -> Result<CpuBuffer>,
) -> Result<Storage> {
    const NAME: &str = "LstmLayer";
    let v = named_views(NAME, ins)?;
    if let Some(bad) = v
        .iter()
        .find(|x| !matches!(x.dtype(), DType::Float32 | DType::Float64))
    {
        return Err(Error::UnsupportedDType {
            op: NAME,
            dtype: bad.dtype(),
            expected: "Float32 or Float64 operands",
        });
    }
    #[cfg(target_arch = "x86_64")]
    return reusing_packs(|| sgemm::reuse::offering_again(&ins[1].storage, || kernel(&v)))
        .map(wrap);
    #[cfg(not(target_arch = "x86_64"))]
    kernel(&v).map(wrap)
}

/// The views of a kernel's operands.
fn named_views<'a>(
    name: &'static str,
    ins: &[&'a Concrete],
) -> Result<smallvec::SmallVec<[View<'a>; 6]>> {
    let mut v = smallvec::SmallVec::new();
    for c in ins {
        v.push(view(name, c)?);
    }
    Ok(v)
}

/// The error for a recurrent step given a wrong number of operands (the rule prevents it).
fn cell_arity(op: CellOp, n: usize) -> Error {
    kernel_arity(op.name(), n)
}

/// The error for a kernel given a wrong number of operands (the rule prevents it).
fn kernel_arity(name: &'static str, n: usize) -> Error {
    Error::invalid(name, format!("the kernel got {n} operands"))
}

//! Devices: where the elements of a value live and where kernels run on them. A [`Device`] is a
//! narrow, object-safe trait: host transfer in and out, a contiguous copy, and one method per
//! family of kernels the primitives need (elementwise ops from the scalar tables of
//! [`crate::op`], comparisons, select, cast, reductions, matmul, gather/scatter, pad, concat,
//! random samples, and the fused elementwise chains of `jit`). Values are [`Concrete`]: a [`Storage`] (a device
//! buffer behind `Arc<dyn DeviceBuffer>`) seen through a [`Layout`](crate::layout::Layout).
//! Views and layouts are device-independent: the layout-only primitives (reshape of a contiguous
//! value, permute, broadcast, slice, rev) never call a device.
//!
//! The CPU ([`cpu()`], module [`cpu`](mod@cpu)) is the only device today, and where tensors made from
//! host data live. Its buffer type and its pool of freed buffers are private to it; everything
//! else reads elements through typed host views ([`Storage::host_slice`],
//! [`Concrete::host_elems`]) or downloads ([`Device::download`]). `docs/DESIGN.md` ("How a CUDA
//! device plugs in") describes how a second device arrives as one new crate.
//!
//! Invariants: a primitive runs on the one device all its operands live on ([`of`] refuses mixed
//! devices); a device's kernels are only called after the primitive's shape rule accepted the
//! inputs, so they may index without re-checking shapes (data-dependent checks, such as gather
//! indices, are still theirs); a kernel never mutates its inputs (storage is immutable).

pub mod cpu;
pub mod fused;
mod host;
mod storage;

pub(crate) use cpu::host_vec;
pub use cpu::{cpu, reusing_packs, watch_forks, with_live_threads};
pub use host::HostVec;
pub use storage::{Concrete, DeviceBuffer, Storage};

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::op::random::Dist;
use crate::op::Window;
use crate::op::{BinaryOp, CellOp, CmpOp, ConvKind, LinalgOp, PoolKind, ReduceOp, UnaryOp};
use std::fmt;

/// A place where values live and kernels run (DESIGN §5). Every kernel takes its operands as
/// [`Concrete`] values of this device (any layout: strided, broadcast, offset) and writes a fresh
/// contiguous row-major output of the shape the primitive's rule gave, returned as [`Storage`] of
/// this device. Elementwise kernels apply the scalar function of the op's table
/// ([`UnaryOp::kernel`], [`BinaryOp::kernel`], ...), so every device computes the same function.
///
/// A device is one object for the life of the process (a `static`, or leaked once): two devices
/// are the same when they are the same object ([`same`]).
pub trait Device: Send + Sync + fmt::Debug {
    /// The device's name in errors and reprs (`CPU`, `CUDA:0`).
    fn name(&self) -> &str;

    /// Host elements moved onto the device (`data` holds a `Vec` of one element type; the device
    /// may take it without a copy, as the CPU does).
    fn upload(&self, data: HostVec<'_>) -> Result<Storage>;

    /// The elements of `x` in logical row-major order, put into `out` as a `Vec` of `x`'s element
    /// type ([`HostVec::put`]).
    fn download(&self, x: &Concrete, out: HostVec<'_>) -> Result<()>;

    /// A contiguous copy of the elements of `x` (its layout's logical order).
    fn contiguous(&self, x: &Concrete) -> Result<Storage>;

    /// `op`'s scalar function of each element.
    fn unary(&self, op: UnaryOp, x: &Concrete) -> Result<Storage>;

    /// `op`'s scalar function of each pair of elements (equal shapes and dtypes).
    fn binary(&self, op: BinaryOp, a: &Concrete, b: &Concrete) -> Result<Storage>;

    /// `op` of each pair of elements, as Bool.
    fn compare(&self, op: CmpOp, a: &Concrete, b: &Concrete) -> Result<Storage>;

    /// `x` where `cond` (Bool) holds, else `y`.
    fn select(&self, cond: &Concrete, x: &Concrete, y: &Concrete) -> Result<Storage>;

    /// Each element converted to `to` (floats truncate toward zero and saturate into integers;
    /// integers wrap; nonzero is true).
    fn cast(&self, x: &Concrete, to: DType) -> Result<Storage>;

    /// `op` over `axes` (sorted, distinct), which leave the shape.
    fn reduce(&self, op: ReduceOp, x: &Concrete, axes: &[usize]) -> Result<Storage>;

    /// The index of the first maximum along `axis` (a NaN is the maximum), as Int32.
    fn argmax(&self, x: &Concrete, axis: usize) -> Result<Storage>;

    /// For each row of the last axis, the indices that sort it, as Int32 (stable; NaN counts as
    /// the largest element; `descending` reverses the order of unequal elements only).
    fn argsort(&self, x: &Concrete, descending: bool) -> Result<Storage>;

    /// The inclusive cumulative sum along `axis`, in any layout of `x`'s shape (the CPU's keeps
    /// `axis` innermost in memory).
    fn cumsum(&self, x: &Concrete, axis: usize) -> Result<Concrete>;

    /// The softmax along `axis` (floats), in any layout of `x`'s shape (the CPU's keeps `axis`
    /// innermost in memory).
    fn softmax(&self, x: &Concrete, axis: usize) -> Result<Concrete>;

    /// The biased variance and the mean over `axes` (sorted, distinct) of a float `x`, as a
    /// contiguous `[kept..., 2]` value (`[..., 0]` the variance, `[..., 1]` the mean); NaN for
    /// both over no elements.
    fn var_mean(&self, x: &Concrete, axes: &[usize]) -> Result<Storage>;
    /// Layer normalisation of a float `x` over its axes `axis..` (`(x − μ)/√(σ² + eps)` per
    /// trailing row, biased variance), as a contiguous value of `x`'s shape; with `grad`, the
    /// gradient of the sum of `grad ⊙ y` with respect to `x` instead (the statistics recomputed
    /// from `x`).
    fn layer_norm(
        &self,
        x: &Concrete,
        axis: usize,
        eps: f64,
        grad: Option<&Concrete>,
    ) -> Result<Storage>;
    /// The gate maths of one recurrent step `op` (see [`CellOp`]) on float operands of one
    /// dtype that passed the `RnnCell` rule, as a fresh contiguous value of its output shape.
    fn rnn_cell(&self, op: CellOp, ins: &[&Concrete]) -> Result<Storage>;
    /// Its gradient: `ins` are the step's operands, its output and the output's cotangent; the
    /// operands' cotangents come back one after another (row-major each) in one buffer.
    fn rnn_cell_grad(&self, op: CellOp, ins: &[&Concrete]) -> Result<Storage>;
    /// One direction of an LSTM layer over a whole sequence (walking time backwards when
    /// `reverse`), on float operands of one dtype that passed the `LstmLayer` rule: `ins` are the
    /// input projections `gi [T, B, 4H]`, the hidden weight `w [4H, H]`, the bias `b [4H]` and the
    /// states `h0`, `c0` `[B, H]`. Returns every step's hidden state, cell state and gate
    /// activations (`[T, B, H]`, `[T, B, H]`, `[T, B, 4H]`) in one buffer.
    fn lstm_layer(&self, reverse: bool, ins: &[&Concrete]) -> Result<Storage>;
    /// Its gradient: `ins` are the operands, the output and the output's cotangent; the
    /// cotangents of `gi`, `w`, `b`, `h0` and `c0` come back one after another in one buffer.
    fn lstm_layer_grad(&self, reverse: bool, ins: &[&Concrete]) -> Result<Storage>;

    /// Scaled dot-product attention `softmax(scale·q·kᵀ + mask)·v` of each matrix of a batch, on
    /// float operands of one dtype that passed the `Attention` rule: `ins` are q `[B, L, D]`, k
    /// `[B, S, D]`, v `[B, S, E]` and optionally an additive mask `[Bm, Lm, Sm]` (each axis 1,
    /// broadcast, or the scores'). Returns the output `O` in `(l, b, e)` order (`[L, B, E]`,
    /// the layout a `[L, N, H·E]` projection reads) followed by the probabilities `P`
    /// `[B, L, S]`, in one buffer.
    fn attention(&self, scale: f64, ins: &[&Concrete]) -> Result<Storage>;
    /// Its gradient: `ins` are the operands, the packed output and its cotangent. Returns the
    /// cotangents of q, k and v in `(l, b, d)`, `(s, b, d)` and `(s, b, e)` order, then, when
    /// `with_ds`, the scores' cotangent `[B, L, S]` (the mask's, before the sum over its
    /// broadcast axes), in one buffer.
    fn attention_grad(&self, scale: f64, ins: &[&Concrete], with_ds: bool) -> Result<Storage>;

    /// The batched product of `[..., m, k]` and `[..., k, n]` views whose batch axes are already
    /// broadcast to `out_shape`'s.
    fn matmul(&self, a: &Concrete, b: &Concrete, out_shape: &[usize]) -> Result<Storage>;

    /// The square-matrix op `op` of each `n × n` matrix of a Float32 or Float64 `[..., n, n]`
    /// value: `[..., n, n]` for the inverse, `[...]` for the others (see [`LinalgOp`]).
    fn linalg(&self, op: LinalgOp, x: &Concrete) -> Result<Storage>;

    /// The discrete Fourier transform of each row of the last axis of a Complex64 or Complex128
    /// value, unnormalised: `X[k] = Σ_j x[j]·e^{∓2πi·jk/n}` (− forward, + when `inverse`).
    fn dft(&self, x: &Concrete, inverse: bool) -> Result<Storage>;

    /// The convolution product `kind` of two NCHW operands (see [`ConvKind`]) into a fresh
    /// `out_shape` value.
    fn conv(
        &self,
        kind: ConvKind,
        win: &Window,
        a: &Concrete,
        b: &Concrete,
        out_shape: &[usize],
    ) -> Result<Storage>;

    /// The pooling primitive `kind` with windows of `kernel` over NCHW operands (see
    /// [`PoolKind`]) into a fresh `out_shape` value.
    fn pool(
        &self,
        kind: PoolKind,
        kernel: [usize; 2],
        win: &Window,
        ins: &[&Concrete],
        out_shape: &[usize],
    ) -> Result<Storage>;

    /// `x` at the integer indices `idx` (Int32 or Int64, 1-D) along `axis`; an index outside the
    /// axis is an [`Error::IndexOutOfBounds`].
    fn gather(&self, x: &Concrete, idx: &Concrete, axis: usize) -> Result<Storage>;

    /// `x` with `upd` added at the indices `idx` along `axis` (the transpose of `gather`).
    fn scatter_add(
        &self,
        x: &Concrete,
        idx: &Concrete,
        upd: &Concrete,
        axis: usize,
    ) -> Result<Storage>;

    /// `x` placed into zeros of `out_shape`, starting at `lo` with `interior` zeros between
    /// elements along each axis.
    fn pad(
        &self,
        x: &Concrete,
        out_shape: &[usize],
        lo: &[usize],
        interior: &[usize],
    ) -> Result<Storage>;

    /// The operands (of `dtype`) one after another along `axis`.
    fn concat(
        &self,
        xs: &[&Concrete],
        out_shape: &[usize],
        axis: usize,
        dtype: DType,
    ) -> Result<Storage>;

    /// `n` samples of `dist` as the float `dtype`, from the Philox blocks `counter, counter + 1,
    /// ...` under the key `seed` ([`crate::op::random`]): every device draws the same numbers.
    fn random(
        &self,
        dist: Dist,
        seed: u64,
        counter: u64,
        n: usize,
        dtype: DType,
    ) -> Result<Storage>;

    /// Runs a fused elementwise chain over `n` elements of the float `dtype`: `ins` are its
    /// inputs (views of `n` elements, or broadcast scalars). Returns one storage of `n` elements
    /// per written register ([`fused::Kernel::outs`]), and the value of each full reduction
    /// ([`fused::Kernel::reduces`]) on the host (accumulated in Float64; `jit` makes it a scalar
    /// constant of `dtype` on this device).
    fn fused(
        &self,
        kernel: &fused::Kernel,
        ins: &[&Concrete],
        n: usize,
        dtype: DType,
    ) -> Result<(Vec<Storage>, Vec<f64>)>;
}

/// True when `a` and `b` are the same device (the same object).
pub fn same(a: &dyn Device, b: &dyn Device) -> bool {
    std::ptr::addr_eq(a, b)
}

/// The device the operands of `op` live on: an [`Error::DeviceMismatch`] when they live on
/// different devices, the CPU when there are none.
///
/// ```
/// use easy_mindspore::device::{self, Concrete, Storage};
/// use easy_mindspore::layout::Layout;
/// let a = Concrete::new(Storage::from_vec(vec![1.0f32, 2.0]), Layout::contiguous(&[2]));
/// let b = Concrete::new(Storage::from_vec(vec![3.0f32]), Layout::contiguous(&[]));
/// let dev = device::of("Add", &[&a, &b])?;
/// assert!(device::same(dev, device::cpu()));
/// assert_eq!(dev.name(), "CPU");
/// # Ok::<(), easy_mindspore::Error>(())
/// ```
#[inline]
pub fn of(op: &'static str, ins: &[&Concrete]) -> Result<&'static dyn Device> {
    let Some((first, rest)) = ins.split_first() else {
        return Ok(cpu());
    };
    let dev = first.storage.device();
    if rest.iter().all(|c| same(c.storage.device(), dev)) {
        Ok(dev)
    } else {
        Err(mismatch(op, dev, rest))
    }
}

/// The error of [`of`] for operands on two devices (off the hot path).
#[cold]
#[inline(never)]
fn mismatch(op: &'static str, dev: &dyn Device, rest: &[&Concrete]) -> Error {
    let other = rest
        .iter()
        .map(|c| c.storage.device())
        .find(|d| !same(*d, dev))
        .unwrap_or(dev);
    Error::DeviceMismatch {
        op,
        lhs: dev.name().to_string(),
        rhs: other.name().to_string(),
    }
}

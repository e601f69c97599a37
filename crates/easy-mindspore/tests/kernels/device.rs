//! The device seam from outside the crate: a second device written here with the public API only
//! (`Mirror`, whose buffers wrap CPU storage and give the host no view, so every read goes
//! through its `download`), as a CUDA crate would write one. Values on it compute exactly what
//! they compute on the CPU and stay on it; operands on two devices are an error, never a panic;
//! host data round-trips bit for bit through the typed and byte functions for every dtype.

use easy_mindspore as ems;
use ems::device::{self, fused, Concrete, Device, DeviceBuffer, HostVec, Storage};
use ems::op::{CellOp, ConvKind, LinalgOp, PoolKind, Window};
use ems::ops::prim as p;
use ems::{CmpOp, DType, Error, Tensor};
use std::any::Any;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A device that keeps its elements in CPU storage it does not let the host read in place, and
/// runs the CPU's kernels on them.
#[derive(Debug)]
struct Mirror {
    fused_runs: AtomicUsize,
}

static MIRROR: Mirror = Mirror {
    fused_runs: AtomicUsize::new(0),
};

/// A buffer of the mirror: CPU storage inside.
#[derive(Debug)]
struct MirrorBuf(Storage);

impl DeviceBuffer for MirrorBuf {
    fn dtype(&self) -> DType {
        self.0.dtype()
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn device(&self) -> &'static dyn Device {
        &MIRROR
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn wrap(s: Storage) -> Storage {
    Storage::new(Arc::new(MirrorBuf(s)))
}

/// The CPU value inside a mirror value.
fn inner(c: &Concrete) -> ems::Result<Concrete> {
    match c.storage.buffer().as_any().downcast_ref::<MirrorBuf>() {
        Some(b) => Ok(Concrete::new(b.0.clone(), c.layout.clone())),
        None => Err(Error::Device {
            device: "Mirror".into(),
            msg: "not a mirror buffer".into(),
        }),
    }
}

impl Device for Mirror {
    fn name(&self) -> &str {
        "Mirror"
    }
    fn upload(&self, data: HostVec<'_>) -> ems::Result<Storage> {
        device::cpu().upload(data).map(wrap)
    }
    fn download(&self, x: &Concrete, out: HostVec<'_>) -> ems::Result<()> {
        device::cpu().download(&inner(x)?, out)
    }
    fn contiguous(&self, x: &Concrete) -> ems::Result<Storage> {
        device::cpu().contiguous(&inner(x)?).map(wrap)
    }
    fn unary(&self, op: ems::prim::UnaryOp, x: &Concrete) -> ems::Result<Storage> {
        device::cpu().unary(op, &inner(x)?).map(wrap)
    }
    fn binary(&self, op: ems::prim::BinaryOp, a: &Concrete, b: &Concrete) -> ems::Result<Storage> {
        device::cpu().binary(op, &inner(a)?, &inner(b)?).map(wrap)
    }
    fn compare(&self, op: CmpOp, a: &Concrete, b: &Concrete) -> ems::Result<Storage> {
        device::cpu().compare(op, &inner(a)?, &inner(b)?).map(wrap)
    }
    fn select(&self, c: &Concrete, x: &Concrete, y: &Concrete) -> ems::Result<Storage> {
        let (c, x, y) = (inner(c)?, inner(x)?, inner(y)?);
        device::cpu().select(&c, &x, &y).map(wrap)
    }
    fn cast(&self, x: &Concrete, to: DType) -> ems::Result<Storage> {
        device::cpu().cast(&inner(x)?, to).map(wrap)
    }
    fn reduce(
        &self,
        op: ems::prim::ReduceOp,
        x: &Concrete,
        axes: &[usize],
    ) -> ems::Result<Storage> {
        device::cpu().reduce(op, &inner(x)?, axes).map(wrap)
    }
    fn argmax(&self, x: &Concrete, axis: usize) -> ems::Result<Storage> {
        device::cpu().argmax(&inner(x)?, axis).map(wrap)
    }
    fn argsort(&self, x: &Concrete, descending: bool) -> ems::Result<Storage> {
        device::cpu().argsort(&inner(x)?, descending).map(wrap)
    }
    fn cumsum(&self, x: &Concrete, axis: usize) -> ems::Result<Concrete> {
        let c = device::cpu().cumsum(&inner(x)?, axis)?;
        Ok(Concrete::new(wrap(c.storage), c.layout))
    }
    fn var_mean(&self, x: &Concrete, axes: &[usize]) -> ems::Result<Storage> {
        device::cpu().var_mean(&inner(x)?, axes).map(wrap)
    }
    fn layer_norm(
        &self,
        x: &Concrete,
        axis: usize,
        eps: f64,
        grad: Option<&Concrete>,
    ) -> ems::Result<Storage> {
        let g = grad.map(inner).transpose()?;
        device::cpu()
            .layer_norm(&inner(x)?, axis, eps, g.as_ref())
            .map(wrap)
    }
    fn rnn_cell(&self, op: CellOp, ins: &[&Concrete]) -> ems::Result<Storage> {
        let ins = ins
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = ins.iter().collect();
        device::cpu().rnn_cell(op, &refs).map(wrap)
    }
    fn lstm_layer(&self, reverse: bool, ins: &[&Concrete]) -> ems::Result<Storage> {
        let ins = ins
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = ins.iter().collect();
        device::cpu().lstm_layer(reverse, &refs).map(wrap)
    }
    fn lstm_layer_grad(&self, reverse: bool, ins: &[&Concrete]) -> ems::Result<Storage> {
        let ins = ins
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = ins.iter().collect();
        device::cpu().lstm_layer_grad(reverse, &refs).map(wrap)
    }
    fn rnn_cell_grad(&self, op: CellOp, ins: &[&Concrete]) -> ems::Result<Storage> {
        let ins = ins
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = ins.iter().collect();
        device::cpu().rnn_cell_grad(op, &refs).map(wrap)
    }
    fn attention(&self, scale: f64, ins: &[&Concrete]) -> ems::Result<Storage> {
        let ins = ins
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = ins.iter().collect();
        device::cpu().attention(scale, &refs).map(wrap)
    }
    fn attention_grad(&self, scale: f64, ins: &[&Concrete], ds: bool) -> ems::Result<Storage> {
        let ins = ins
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = ins.iter().collect();
        device::cpu().attention_grad(scale, &refs, ds).map(wrap)
    }
    fn softmax(&self, x: &Concrete, axis: usize) -> ems::Result<Concrete> {
        let c = device::cpu().softmax(&inner(x)?, axis)?;
        Ok(Concrete::new(wrap(c.storage), c.layout))
    }
    fn matmul(&self, a: &Concrete, b: &Concrete, out: &[usize]) -> ems::Result<Storage> {
        device::cpu().matmul(&inner(a)?, &inner(b)?, out).map(wrap)
    }
    fn linalg(&self, op: LinalgOp, x: &Concrete) -> ems::Result<Storage> {
        device::cpu().linalg(op, &inner(x)?).map(wrap)
    }
    fn dft(&self, x: &Concrete, inverse: bool) -> ems::Result<Storage> {
        device::cpu().dft(&inner(x)?, inverse).map(wrap)
    }
    fn conv(
        &self,
        kind: ConvKind,
        win: &Window,
        a: &Concrete,
        b: &Concrete,
        out: &[usize],
    ) -> ems::Result<Storage> {
        device::cpu()
            .conv(kind, win, &inner(a)?, &inner(b)?, out)
            .map(wrap)
    }
    fn pool(
        &self,
        kind: PoolKind,
        kernel: [usize; 2],
        win: &Window,
        ins: &[&Concrete],
        out: &[usize],
    ) -> ems::Result<Storage> {
        let ins = ins
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = ins.iter().collect();
        device::cpu().pool(kind, kernel, win, &refs, out).map(wrap)
    }
    fn gather(&self, x: &Concrete, idx: &Concrete, axis: usize) -> ems::Result<Storage> {
        device::cpu()
            .gather(&inner(x)?, &inner(idx)?, axis)
            .map(wrap)
    }
    fn scatter_add(
        &self,
        x: &Concrete,
        idx: &Concrete,
        upd: &Concrete,
        axis: usize,
    ) -> ems::Result<Storage> {
        let (x, idx, upd) = (inner(x)?, inner(idx)?, inner(upd)?);
        device::cpu().scatter_add(&x, &idx, &upd, axis).map(wrap)
    }
    fn pad(
        &self,
        x: &Concrete,
        out: &[usize],
        lo: &[usize],
        gap: &[usize],
    ) -> ems::Result<Storage> {
        device::cpu().pad(&inner(x)?, out, lo, gap).map(wrap)
    }
    fn concat(
        &self,
        xs: &[&Concrete],
        out: &[usize],
        axis: usize,
        dtype: DType,
    ) -> ems::Result<Storage> {
        let xs = xs
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = xs.iter().collect();
        device::cpu().concat(&refs, out, axis, dtype).map(wrap)
    }
    fn random(
        &self,
        dist: ems::prim::Dist,
        seed: u64,
        counter: u64,
        n: usize,
        dtype: DType,
    ) -> ems::Result<Storage> {
        device::cpu()
            .random(dist, seed, counter, n, dtype)
            .map(wrap)
    }
    fn fused(
        &self,
        k: &fused::Kernel,
        ins: &[&Concrete],
        n: usize,
        dtype: DType,
    ) -> ems::Result<(Vec<Storage>, Vec<f64>)> {
        self.fused_runs.fetch_add(1, Ordering::Relaxed);
        let ins = ins
            .iter()
            .map(|c| inner(c))
            .collect::<ems::Result<Vec<_>>>()?;
        let refs: Vec<&Concrete> = ins.iter().collect();
        let (outs, reduced) = device::cpu().fused(k, &refs, n, dtype)?;
        Ok((outs.into_iter().map(wrap).collect(), reduced))
    }
}

fn on_mirror(t: &Tensor) -> Tensor {
    t.to_device(&MIRROR).expect("upload")
}

fn is_mirror(t: &Tensor) -> bool {
    device::same(t.device(), &MIRROR)
}

/// The same bits and shape (NaN equal to NaN).
fn same(got: &Tensor, want: &Tensor, what: &str) {
    assert!(is_mirror(got), "{what}: left the mirror");
    assert_eq!(got.dtype(), want.dtype(), "{what}: dtype");
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    let bytes = got.to_ne_bytes().expect("download");
    assert_eq!(bytes, want.to_ne_bytes().expect("host"), "{what}: elements");
}

#[test]
fn every_kernel_family_runs_on_a_device_made_outside_the_crate() -> ems::Result<()> {
    // x = [[1, -2, 3], [0.5, 4, -6]] and a transposed, stepped view of it.
    let x = Tensor::new([[1.0f32, -2.0, 3.0], [0.5, 4.0, -6.0]])?;
    let y = Tensor::new([[2.0f32, 1.0, -1.0], [3.0, 0.0, 2.0]])?;
    let (xm, ym) = (on_mirror(&x), on_mirror(&y));
    assert_eq!(xm.device().name(), "Mirror");
    assert_eq!(x.device().name(), "CPU");
    let xt = p::slice(&p::permute(&x, &[1, 0])?, &[0, 0], &[3, 2], &[2, 1])?;
    let xtm = p::slice(&p::permute(&xm, &[1, 0])?, &[0, 0], &[3, 2], &[2, 1])?;
    same(&xtm, &xt, "a view");
    same(&p::exp(&xm)?, &p::exp(&x)?, "exp");
    same(&p::add(&xm, &ym)?, &p::add(&x, &y)?, "add");
    same(&p::div(&xm, &ym)?, &p::div(&x, &y)?, "div");
    same(&p::lt(&xm, &ym)?, &p::lt(&x, &y)?, "lt");
    let (c, cm) = (p::lt(&x, &y)?, p::lt(&xm, &ym)?);
    same(&p::select(&cm, &xm, &ym)?, &p::select(&c, &x, &y)?, "where");
    same(
        &p::cast(&xtm, DType::Int32)?,
        &p::cast(&xt, DType::Int32)?,
        "cast",
    );
    same(&p::reduce_sum(&xm, &[1])?, &p::reduce_sum(&x, &[1])?, "sum");
    same(&p::reduce_max(&xm, &[0])?, &p::reduce_max(&x, &[0])?, "max");
    same(&p::argmax(&xm, 1)?, &p::argmax(&x, 1)?, "argmax");
    same(&p::cumsum(&xm, 0)?, &p::cumsum(&x, 0)?, "cumsum");
    same(&p::softmax(&xm, 1)?, &p::softmax(&x, 1)?, "softmax");
    same(&p::argsort(&xm, true)?, &p::argsort(&x, true)?, "argsort");
    let (w, wm) = (p::permute(&y, &[1, 0])?, p::permute(&ym, &[1, 0])?);
    same(&p::matmul(&xm, &wm)?, &p::matmul(&x, &w)?, "matmul");
    let idx = Tensor::new([2i64, 0, 2])?;
    let idxm = on_mirror(&idx);
    same(
        &p::gather(&xm, &idxm, 1)?,
        &p::gather(&x, &idx, 1)?,
        "gather",
    );
    let upd = Tensor::new([[1.0f32, 2.0, 3.0], [4.0, 5.0, 6.0]])?;
    same(
        &p::scatter_add(&xm, &idxm, &on_mirror(&upd), 1)?,
        &p::scatter_add(&x, &idx, &upd, 1)?,
        "scatter_add",
    );
    same(
        &p::pad(&xm, &[1, 0], &[0, 2], &[0, 1])?,
        &p::pad(&x, &[1, 0], &[0, 2], &[0, 1])?,
        "pad",
    );
    same(
        &p::concat(&[xm.clone(), ym.clone()], 0)?,
        &p::concat(&[x.clone(), y.clone()], 0)?,
        "concat",
    );
    let key = Tensor::new([7i64, 2])?;
    let normal = ems::prim::Dist::Normal;
    same(
        &p::random(&on_mirror(&key), normal, &[2, 3], DType::Float64)?,
        &p::random(&key, normal, &[2, 3], DType::Float64)?,
        "random",
    );
    // A reshape of a non-contiguous view copies on the device.
    same(&p::reshape(&xtm, &[4])?, &p::reshape(&xt, &[4])?, "reshape");
    // Reads go through the device's download: values, items, the repr.
    assert_eq!(xtm.to_vec::<f64>(), xt.to_vec::<f64>());
    assert_eq!(
        p::reduce_sum(&xm, &[0, 1])?.item()?,
        ems::Scalar::Float(0.5)
    );
    assert_eq!(xtm.to_string(), xt.to_string());
    // And back to the CPU.
    let back = xtm.to_device(device::cpu())?;
    assert!(device::same(back.device(), device::cpu()));
    assert_eq!(back.to_vec::<f32>(), xt.to_vec::<f32>());
    Ok(())
}

#[test]
fn operands_on_two_devices_are_an_error() -> ems::Result<()> {
    let x = Tensor::new([1.0f32, 2.0])?;
    let xm = on_mirror(&x);
    let e = p::add(&xm, &x).expect_err("two devices");
    assert_eq!(
        e,
        Error::DeviceMismatch {
            op: "Add",
            lhs: "Mirror".into(),
            rhs: "CPU".into()
        }
    );
    assert_eq!(e.class(), ems::ErrorClass::Runtime);
    assert!(p::concat(&[x.clone(), xm.clone()], 0).is_err());
    // The CPU refuses a buffer that is not its own even when asked directly.
    let foreign = MIRROR.upload(HostVec::new(&mut Some(vec![1.0f32, 2.0])))?;
    let c = Concrete::new(foreign, ems::layout::Layout::contiguous(&[2]));
    assert!(matches!(
        device::cpu().unary(ems::prim::UnaryOp::Exp, &c),
        Err(Error::DeviceMismatch { .. })
    ));
    // Constants of the friendly ops are made on the CPU, so `x * 2` needs a default device
    // (docs/DESIGN.md, "How a CUDA device plugs in"); it is an error, never a panic.
    assert!(matches!(&xm * 2.0, Err(Error::DeviceMismatch { .. })));
    Ok(())
}

#[test]
fn jit_runs_its_fused_kernels_on_the_operands_device() -> ems::Result<()> {
    // f(x) = exp(x)·x + x, one fused chain of three instructions.
    let f = |x: &Tensor| p::add(&p::mul(&p::exp(x)?, x)?, x);
    let jitted = ems::jit::jit1(f);
    let x = Tensor::new([0.5f32, -1.0, 2.0, 3.0])?;
    let xm = on_mirror(&x);
    let before = MIRROR.fused_runs.load(Ordering::Relaxed);
    let want = f(&x)?;
    jitted(&xm)?; // traces
    same(&jitted(&xm)?, &want, "jit on the mirror");
    assert!(
        MIRROR.fused_runs.load(Ordering::Relaxed) > before,
        "fused on the mirror"
    );
    // A chain ending in a full sum: its value comes back to the operands' device.
    let g = |x: &Tensor| p::reduce_sum(&p::mul(&p::exp(x)?, x)?, &[0]);
    let jitted = ems::jit::jit1(g);
    jitted(&xm)?;
    same(&jitted(&xm)?, &g(&x)?, "a fused sum on the mirror");
    Ok(())
}

/// Every dtype's values through every host path: bytes in both orders, typed vectors, a strided
/// view read back, and a device without a host view.
#[test]
fn host_data_round_trips_for_every_dtype() -> ems::Result<()> {
    let vals = [0.0, 1.0, -2.5, 7.0, -0.0, 3.75];
    for dtype in DType::ALL {
        let t = ems::cast(&Tensor::from_vec(vals.to_vec(), &[2, 3])?, dtype)?;
        let ne = t.to_ne_bytes()?;
        let le = t.to_le_bytes()?;
        assert_eq!(ne.len(), 6 * dtype.size_in_bytes(), "{dtype}");
        let from_ne = Tensor::from_ne_bytes(&ne, dtype, &[2, 3])?;
        let from_le = Tensor::from_le_bytes(&le, dtype, &[2, 3])?;
        for u in [&from_ne, &from_le] {
            assert_eq!(u.dtype(), dtype);
            assert_eq!(u.shape(), vec![2, 3]);
            assert_eq!(u.to_ne_bytes()?, ne, "{dtype}");
        }
        assert_eq!(from_ne.to_vec::<f64>(), t.to_vec::<f64>(), "{dtype}");
        // A transposed view reads in logical order, on the CPU and through a download.
        let tt = p::permute(&t, &[1, 0])?;
        let want: Vec<f64> = [0, 3, 1, 4, 2, 5]
            .iter()
            .map(|&i| t.to_vec::<f64>()[i])
            .collect();
        assert_eq!(tt.to_vec::<f64>(), want, "{dtype}");
        let ttm = p::permute(&on_mirror(&t), &[1, 0])?;
        assert_eq!(ttm.to_vec::<f64>(), want, "{dtype} on the mirror");
        assert_eq!(
            ttm.to_ne_bytes()?,
            tt.to_ne_bytes()?,
            "{dtype} on the mirror"
        );
        assert_eq!(ttm.to_string(), tt.to_string(), "{dtype} on the mirror");
        // The wrong byte count for the shape is an error.
        assert!(Tensor::from_ne_bytes(&ne[1..], dtype, &[2, 3]).is_err());
    }
    // Typed vectors of each element type keep their values exactly.
    assert_eq!(
        Tensor::from_vec(vec![i64::MIN, i64::MAX], &[2])?.to_vec::<i64>(),
        [i64::MIN, i64::MAX]
    );
    assert_eq!(Tensor::new([true, false])?.to_vec::<bool>(), [true, false]);
    assert_eq!(Tensor::new([i32::MIN])?.to_vec::<i32>(), [i32::MIN]);
    let nan = Tensor::scalar(f64::NAN).to_vec::<f64>()[0];
    assert!(nan.is_nan());
    assert_eq!(
        Tensor::from_ne_bytes(&[0, 1, 2], DType::Bool, &[3])?.to_vec::<bool>(),
        [false, true, true]
    );
    Ok(())
}

//! `Tensor`: a cheap-to-clone handle to either a concrete value (storage + layout + dtype) or a traced
//! value of some interpreter (its tag, and its primal, which is always a value one level down).
//!
//! Invariant: a traced value's primal is never traced by the same interpreter, so following
//! `primal` links always ends at a concrete value; that is what lets Python read tensor values
//! (`bool`, `float`, `item`) inside differentiated functions.

pub(crate) use crate::device::Concrete;
use crate::device::{Device, HostVec, Storage};
use crate::dtype::{dispatch, scalar_i64, DType, Element, Scalar};
use crate::error::{Error, Result};
use crate::layout::{checked_numel, numel, Layout, MAX_NDIM};
use std::sync::Arc;

/// An error naming `op` unless `shape` has at most [`MAX_NDIM`] dimensions (NumPy's limit). Every
/// op that builds a shape from its arguments checks it, so no tensor has more.
pub fn check_ndim(op: &'static str, shape: &[usize]) -> Result<()> {
    if shape.len() > MAX_NDIM {
        return Err(Error::invalid(
            op,
            format!(
                "a tensor may have at most {MAX_NDIM} dimensions, but the shape has {}",
                shape.len()
            ),
        ));
    }
    Ok(())
}

/// The element count of a new tensor of `shape` and `dtype`, or an error naming `op` when the
/// shape has too many dimensions or no buffer of it can exist (its byte count overflows).
pub(crate) fn numel_for(op: &'static str, shape: &[usize], dtype: DType) -> Result<usize> {
    check_ndim(op, shape)?;
    checked_numel(shape, dtype.size_in_bytes()).ok_or_else(|| {
        Error::invalid(
            op,
            format!("a {dtype} tensor of shape {shape:?} is too large"),
        )
    })
}

pub(crate) use crate::error::room;

/// True when the scalar `s` is a value of `dtype` (integers within its range; every scalar fits
/// a float or Bool dtype, as NumPy converts them).
pub fn scalar_fits(s: Scalar, dtype: DType) -> bool {
    let Scalar::Int(i) = s else {
        return true;
    };
    match dtype {
        DType::Int8 => i8::try_from(i).is_ok(),
        DType::Int16 => i16::try_from(i).is_ok(),
        DType::Int32 => i32::try_from(i).is_ok(),
        DType::UInt8 => u8::try_from(i).is_ok(),
        DType::UInt16 => u16::try_from(i).is_ok(),
        DType::UInt32 => u32::try_from(i).is_ok(),
        DType::UInt64 => u64::try_from(i).is_ok(),
        DType::Bool | DType::Int64 | DType::Float16 | DType::BFloat16 | DType::Float32 => true,
        DType::Float64 | DType::Complex64 | DType::Complex128 => true,
    }
}

/// An error naming `op` unless the scalar `s` fits `dtype` ([`scalar_fits`]): an integer is never
/// wrapped silently into a narrower dtype (NumPy 2 raises for `np.int32(2**40)` too).
pub fn check_scalar_fits(op: &'static str, s: Scalar, dtype: DType) -> Result<()> {
    if scalar_fits(s, dtype) {
        return Ok(());
    }
    Err(Error::invalid(
        op,
        format!("the integer {} is out of bounds for {dtype}", scalar_i64(s)),
    ))
}

/// Identity of one interpreter instance: its depth on the interpreter stack and a unique id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TraceId {
    pub level: usize,
    pub id: u64,
}

/// An n-dimensional array, possibly being traced by a transformation. Cloning is an `Arc` clone.
#[derive(Clone)]
pub struct Tensor(pub(crate) Arc<Repr>);

pub(crate) enum Repr {
    Concrete(Concrete),
    Traced(Tracer),
}

/// A value being traced by the interpreter `trace`.
pub(crate) struct Tracer {
    pub trace: TraceId,
    pub primal: Tensor,
    pub kind: TracerKind,
}

pub(crate) enum TracerKind {
    /// A node of a reverse-mode tape.
    Tape { node: usize },
    /// A dual number; `None` is a symbolic zero tangent.
    Jvp { tangent: Option<Tensor> },
    /// A value of a `vmap`: the primal holds the whole batch along its axis 0; this value's own
    /// shape is the primal's without that axis.
    Batch,
    /// The variable `%var` of a graph being staged by `jit`.
    Stage { var: usize },
}

/// The most recent scalar constants made on a thread (see [`Tensor::full_scalar`]).
struct ScalarCache {
    slots: Vec<(DType, u64, Tensor)>,
    /// The slot the next new constant replaces once all are taken.
    next: usize,
}

impl ScalarCache {
    const SLOTS: usize = 16;

    fn insert(&mut self, dtype: DType, bits: u64, t: Tensor) {
        if self.slots.len() < Self::SLOTS {
            self.slots.push((dtype, bits, t));
        } else {
            self.slots[self.next] = (dtype, bits, t);
            self.next = (self.next + 1) % Self::SLOTS;
        }
    }
}

thread_local! {
    static SCALARS: std::cell::RefCell<ScalarCache> =
        const { std::cell::RefCell::new(ScalarCache { slots: Vec::new(), next: 0 }) };
}

impl Tensor {
    pub(crate) fn from_concrete(storage: Storage, layout: Layout) -> Tensor {
        Tensor(Arc::new(Repr::Concrete(Concrete { storage, layout })))
    }

    /// A contiguous value of `shape` over `storage` (a kernel's output).
    #[inline]
    pub(crate) fn from_storage(storage: Storage, shape: &[usize]) -> Tensor {
        Tensor::from_concrete(storage, Layout::contiguous(shape))
    }

    pub(crate) fn traced(trace: TraceId, primal: Tensor, kind: TracerKind) -> Tensor {
        Tensor(Arc::new(Repr::Traced(Tracer {
            trace,
            primal,
            kind,
        })))
    }

    /// A tensor of the given shape from row-major data (an error when the length does not fill
    /// the shape, or the shape has more than [`MAX_NDIM`] dimensions).
    ///
    /// ```
    /// use easy_mindspore as ems;
    /// let x = ems::Tensor::from_vec(vec![1.0f32, 2.0, 3.0, 4.0], &[2, 2])?;
    /// assert_eq!(x.shape(), vec![2, 2]);
    /// # Ok::<(), ems::Error>(())
    /// ```
    pub fn from_vec<T: Element>(data: Vec<T>, shape: &[usize]) -> Result<Tensor> {
        check_ndim("Tensor", shape)?;
        if data.len() != numel(shape) {
            return Err(Error::DataLength {
                op: "Tensor",
                expected: numel(shape),
                got: data.len(),
                shape: shape.to_vec(),
            });
        }
        Ok(Tensor::from_storage(Storage::from_vec(data), shape))
    }

    /// A 1-D tensor from a slice.
    pub fn from_slice<T: Element>(data: &[T]) -> Tensor {
        Tensor::from_storage(Storage::from_vec(data.to_vec()), &[data.len()])
    }

    /// A 0-D tensor holding `v`.
    pub fn scalar<T: Element>(v: T) -> Tensor {
        Tensor::from_storage(Storage::from_vec(vec![v]), &[])
    }

    /// A 0-D tensor of a given dtype holding a scalar's value.
    ///
    /// The constants of small ops (`x * 2`, `1 - y`, the ones that seed a gradient) repeat, so the
    /// last few made on this thread are kept and shared: values are immutable, so a shared handle
    /// is indistinguishable from a fresh one, and this saves three allocations per scalar.
    pub fn full_scalar(s: Scalar, dtype: DType) -> Tensor {
        if dtype.size_in_bytes() > 8 {
            // Complex128: sixteen bytes do not fit the cache's key; made fresh.
            fn make<T: Element>(s: Scalar) -> Storage {
                Storage::from_vec(vec![T::from_scalar(s)])
            }
            return Tensor::from_storage(dispatch!(dtype, make(s)), &[]);
        }
        // The element's bits in its dtype identify the constant.
        fn bits<T: Element>(s: Scalar) -> u64 {
            let mut b = [0u8; 8];
            T::from_scalar(s).write_bytes(true, &mut b[..T::DTYPE.size_in_bytes()]);
            u64::from_le_bytes(b)
        }
        fn one<T: Element>(bits: u64) -> Storage {
            let b = bits.to_le_bytes();
            Storage::from_vec(vec![T::read_bytes(&b[..T::DTYPE.size_in_bytes()], true)])
        }
        let bits = dispatch!(dtype, bits(s));
        let fresh = || Tensor::from_storage(dispatch!(dtype, one(bits)), &[]);
        // Without the cache (a thread being torn down) a fresh constant is just as good.
        let cached = SCALARS.try_with(|cache| {
            let mut cache = cache.try_borrow_mut().ok()?;
            if let Some((_, _, t)) = cache
                .slots
                .iter()
                .find(|(d, b, _)| *d == dtype && *b == bits)
            {
                return Some(t.clone());
            }
            let t = fresh();
            cache.insert(dtype, bits, t.clone());
            Some(t)
        });
        cached.ok().flatten().unwrap_or_else(fresh)
    }

    /// The concrete value at the bottom of the primal chain.
    pub(crate) fn concrete(&self) -> &Concrete {
        let mut t = self;
        loop {
            match &*t.0 {
                Repr::Concrete(c) => return c,
                Repr::Traced(tr) => t = &tr.primal,
            }
        }
    }

    /// The storage and layout of a concrete value (`None` for a traced one): what hands the
    /// elements to another library in place (NumPy, DLPack).
    pub fn storage_layout(&self) -> Option<(&Storage, &Layout)> {
        match &*self.0 {
            Repr::Concrete(c) => Some((&c.storage, &c.layout)),
            Repr::Traced(_) => None,
        }
    }

    /// How many handles share this value now (this one included). A snapshot: other threads may
    /// change it.
    pub fn holders(&self) -> usize {
        Arc::strong_count(&self.0)
    }

    /// A value over existing storage with the given shape, strides and offset (in elements;
    /// strides may be negative or 0): how memory shared with NumPy or DLPack becomes a tensor. An
    /// error naming `op` when some element would lie outside the storage or the shape has more
    /// than [`MAX_NDIM`] dimensions.
    ///
    /// ```
    /// use easy_mindspore::{device::Storage, Tensor};
    /// let s = Storage::from_vec(vec![0i32, 1, 2, 3, 4, 5]);
    /// // Columns of a 2x3 row-major array, read backwards: [[2, 5], [1, 4], [0, 3]].
    /// let t = Tensor::from_storage_strided("from_numpy", s.clone(), &[3, 2], &[-1, 3], 2)?;
    /// assert_eq!(t.to_vec::<i32>(), vec![2, 5, 1, 4, 0, 3]);
    /// assert!(Tensor::from_storage_strided("from_numpy", s, &[3, 2], &[1, 3], 2).is_err());
    /// # Ok::<(), easy_mindspore::Error>(())
    /// ```
    pub fn from_storage_strided(
        op: &'static str,
        storage: Storage,
        shape: &[usize],
        strides: &[isize],
        offset: usize,
    ) -> Result<Tensor> {
        check_ndim(op, shape)?;
        if strides.len() != shape.len() {
            return Err(Error::invalid(
                op,
                format!("{} strides for the shape {shape:?}", strides.len()),
            ));
        }
        numel_for(op, shape, storage.dtype())?;
        if numel(shape) > 0 {
            // The lowest and highest element offsets the layout reaches.
            let (mut lo, mut hi) = (offset as i128, offset as i128);
            for (&n, &s) in shape.iter().zip(strides) {
                let span = (n as i128 - 1) * s as i128;
                if span < 0 {
                    lo += span;
                } else {
                    hi += span;
                }
            }
            if lo < 0 || hi >= storage.len() as i128 {
                return Err(Error::invalid(
                    op,
                    format!(
                        "the shape {shape:?} with strides {strides:?} and offset {offset} reaches \
                         elements {lo}..={hi}, outside a storage of {} elements",
                        storage.len()
                    ),
                ));
            }
        }
        let layout = Layout::from_parts(shape, strides, offset);
        Ok(Tensor::from_concrete(storage, layout))
    }

    /// The shape.
    pub fn shape(&self) -> Vec<usize> {
        self.dims().to_vec()
    }

    /// The shape, borrowed. Inside `vmap`, the shape of one example (the batch axes that the
    /// concrete value carries in front are not part of it).
    pub fn dims(&self) -> &[usize] {
        let mut t = self;
        let mut batch_axes = 0;
        loop {
            match &*t.0 {
                Repr::Concrete(c) => return &c.layout.shape()[batch_axes..],
                Repr::Traced(tr) => {
                    batch_axes += usize::from(matches!(tr.kind, TracerKind::Batch));
                    t = &tr.primal;
                }
            }
        }
    }

    /// True when a `vmap` batches this value: its elements differ from example to example, so
    /// they cannot be read as one value.
    pub fn is_batched(&self) -> bool {
        let mut t = self;
        loop {
            match &*t.0 {
                Repr::Concrete(_) => return false,
                Repr::Traced(tr) if matches!(tr.kind, TracerKind::Batch) => return true,
                Repr::Traced(tr) => t = &tr.primal,
            }
        }
    }

    /// Number of dimensions.
    pub fn ndim(&self) -> usize {
        self.dims().len()
    }

    /// Number of elements.
    pub fn numel(&self) -> usize {
        numel(self.dims())
    }

    /// The element type.
    pub fn dtype(&self) -> DType {
        self.concrete().dtype()
    }

    /// True when `self` and `other` are the same value (one handle cloned), not merely equal
    /// elements.
    pub fn same(&self, other: &Tensor) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// True when this value is being traced by a transformation.
    pub fn is_traced(&self) -> bool {
        matches!(&*self.0, Repr::Traced(_))
    }

    /// [`Tensor::to_vec`] without recording a `jit` guard (for the engine's own reads: printing,
    /// graph text).
    pub(crate) fn to_vec_unguarded<T: Element>(&self) -> Vec<T> {
        self.try_to_vec_unguarded().unwrap_or_default()
    }

    /// [`Tensor::try_to_vec`] without recording a `jit` guard.
    pub(crate) fn try_to_vec_unguarded<T: Element>(&self) -> Result<Vec<T>> {
        fn f64s<S: Element>(c: &Concrete) -> Result<Vec<f64>> {
            Ok(c.host_elems::<S>()?.iter().map(|v| v.to_f64()).collect())
        }
        let c = self.concrete();
        if c.dtype() == T::DTYPE {
            return Ok(c.host_elems::<T>()?.into_owned());
        }
        let vals = dispatch!(c.dtype(), f64s(c))?;
        Ok(vals.into_iter().map(T::from_f64).collect())
    }

    /// A tensor of `dtype` and `shape` from the bytes of its elements in row-major order, each in
    /// the machine's byte order (as [`Tensor::to_ne_bytes`] gives them; a Bool is true for any
    /// nonzero byte). An error when the byte count does not fit the shape or the shape has more
    /// than [`MAX_NDIM`] dimensions.
    pub fn from_ne_bytes(bytes: &[u8], dtype: DType, shape: &[usize]) -> Result<Tensor> {
        Tensor::from_bytes(bytes, dtype, shape, false)
    }

    /// [`Tensor::from_ne_bytes`] from little-endian bytes.
    pub fn from_le_bytes(bytes: &[u8], dtype: DType, shape: &[usize]) -> Result<Tensor> {
        Tensor::from_bytes(bytes, dtype, shape, true)
    }

    fn from_bytes(bytes: &[u8], dtype: DType, shape: &[usize], little: bool) -> Result<Tensor> {
        fn go<T: Element>(bytes: &[u8], little: bool) -> Storage {
            Storage::from_vec(crate::dtype::from_bytes::<T>(bytes, little))
        }
        check_ndim("Tensor", shape)?;
        let size = dtype.size_in_bytes();
        let want = crate::layout::checked_numel(shape, size).map(|n| n * size);
        if want != Some(bytes.len()) {
            return Err(Error::invalid(
                "Tensor",
                format!(
                    "{} bytes cannot hold a {dtype} tensor of shape {shape:?} ({} bytes)",
                    bytes.len(),
                    want.map_or("too many".to_string(), |n| n.to_string())
                ),
            ));
        }
        Ok(Tensor::from_storage(
            dispatch!(dtype, go(bytes, little)),
            shape,
        ))
    }

    /// The concrete value underneath, as an untraced tensor (`jit` keeps it as the expected value
    /// of a guard): shared, since storage is immutable, so it is as good as a copy and costs none.
    pub(crate) fn snapshot(&self) -> Tensor {
        let c = self.concrete();
        Tensor::from_concrete(c.storage.clone(), c.layout.clone())
    }

    /// The device the value lives on.
    pub fn device(&self) -> &dyn Device {
        self.concrete().device()
    }

    /// The value on `device` (the same tensor when it is there already), copied through the host.
    /// Values are made on the CPU; a primitive runs where its operands are, and operands on
    /// different devices are an [`Error::DeviceMismatch`]. Not for a value being traced.
    pub fn to_device(&self, device: &dyn Device) -> Result<Tensor> {
        fn go<T: Element>(c: &Concrete, device: &dyn Device) -> Result<Storage> {
            let mut slot = Some(c.host_elems::<T>()?.into_owned());
            device.upload(HostVec::new(&mut slot))
        }
        if self.is_traced() {
            return Err(Error::Transform {
                op: "to_device",
                msg: "a value being traced cannot move between devices; move it before the \
                      transformation"
                    .into(),
            });
        }
        let c = self.concrete();
        if crate::device::same(c.device(), device) {
            return Ok(self.clone());
        }
        let storage = dispatch!(c.dtype(), go(c, device))?;
        Ok(Tensor::from_storage(storage, c.layout.shape()))
    }
}

/// Nested Rust arrays and vectors that can become a tensor (`Tensor::new([[1.0, 2.0], [3.0, 4.0]])`).
pub trait NdData {
    /// The element type.
    type Elem: Element;
    /// Appends the shape of this value (checked for raggedness by the caller).
    fn shape_into(&self, shape: &mut Vec<usize>);
    /// Appends the elements row-major; returns false when the data is ragged.
    fn flatten_into(&self, shape: &[usize], out: &mut Vec<Self::Elem>) -> bool;
}

macro_rules! nd_leaf {
    ($($t:ty),*) => {$(
        impl NdData for $t {
            type Elem = $t;
            fn shape_into(&self, _: &mut Vec<usize>) {}
            fn flatten_into(&self, shape: &[usize], out: &mut Vec<$t>) -> bool {
                out.push(*self);
                shape.is_empty()
            }
        }
    )*};
}
nd_leaf!(bool, i32, i64, f32, f64);

impl<D: NdData> NdData for Vec<D> {
    type Elem = D::Elem;
    fn shape_into(&self, shape: &mut Vec<usize>) {
        shape.push(self.len());
        if let Some(first) = self.first() {
            first.shape_into(shape);
        }
    }
    fn flatten_into(&self, shape: &[usize], out: &mut Vec<D::Elem>) -> bool {
        match shape.split_first() {
            Some((&n, rest)) if n == self.len() => self.iter().all(|d| d.flatten_into(rest, out)),
            _ => false,
        }
    }
}

impl<D: NdData, const N: usize> NdData for [D; N] {
    type Elem = D::Elem;
    fn shape_into(&self, shape: &mut Vec<usize>) {
        shape.push(N);
        if let Some(first) = self.first() {
            first.shape_into(shape);
        }
    }
    fn flatten_into(&self, shape: &[usize], out: &mut Vec<D::Elem>) -> bool {
        match shape.split_first() {
            Some((&n, rest)) if n == N => self.iter().all(|d| d.flatten_into(rest, out)),
            _ => false,
        }
    }
}

impl Tensor {
    /// A tensor from a scalar or nested arrays/vectors; the dtype is the element type's.
    ///
    /// ```
    /// use easy_mindspore as ems;
    /// let a = ems::Tensor::new([[1i32, 2], [3, 4]])?;
    /// assert_eq!(a.shape(), vec![2, 2]);
    /// assert!(ems::Tensor::new(vec![vec![1.0f32, 2.0], vec![3.0]]).is_err()); // ragged
    /// # Ok::<(), ems::Error>(())
    /// ```
    pub fn new<D: NdData>(data: D) -> Result<Tensor> {
        let mut shape = vec![];
        data.shape_into(&mut shape);
        let mut out = Vec::with_capacity(numel(&shape));
        if !data.flatten_into(&shape, &mut out) {
            return Err(Error::invalid(
                "Tensor",
                format!("the input data is ragged (first-row shape {shape:?})"),
            ));
        }
        Tensor::from_vec(out, &shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shared scalar constants keep their exact value and dtype: ±0 and NaN are told apart by
    /// their bits, every dtype rounds as a fresh constant would, and more distinct constants
    /// than the cache holds still come back right.
    #[test]
    fn shared_scalar_constants_keep_value_and_dtype() {
        let pos = Tensor::full_scalar(Scalar::Float(0.0), DType::Float32);
        let neg = Tensor::full_scalar(Scalar::Float(-0.0), DType::Float32);
        assert!(!pos.to_vec::<f32>()[0].is_sign_negative());
        assert!(neg.to_vec::<f32>()[0].is_sign_negative());
        assert!(
            Tensor::full_scalar(Scalar::Float(f64::NAN), DType::Float64).to_vec::<f64>()[0]
                .is_nan()
        );
        assert_eq!(
            Tensor::full_scalar(Scalar::Float(2.5), DType::Int32).to_vec::<i32>(),
            [2]
        );
        assert_eq!(
            Tensor::full_scalar(Scalar::Int(-3), DType::Int64).to_vec::<i64>(),
            [-3]
        );
        assert_eq!(
            Tensor::full_scalar(Scalar::Float(0.1), DType::Float32).to_vec::<f32>(),
            [0.1f32]
        );
        assert_eq!(
            Tensor::full_scalar(Scalar::Int(2), DType::Bool).to_vec::<bool>(),
            [true]
        );
        let again = Tensor::full_scalar(Scalar::Float(-0.0), DType::Float32);
        assert!(again.same(&neg), "a repeated constant is shared");
        for round in 0..2 {
            for i in 0..3 * ScalarCache::SLOTS {
                let t = Tensor::full_scalar(Scalar::Int(i as i64), DType::Float64);
                assert_eq!(t.to_vec::<f64>(), [i as f64], "round {round}, constant {i}");
                assert_eq!(t.dtype(), DType::Float64);
                assert!(t.dims().is_empty());
            }
        }
    }
}

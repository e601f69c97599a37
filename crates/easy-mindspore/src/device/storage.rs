//! The values devices work on: [`Storage`], immutable shared elements in a device buffer, and
//! [`Concrete`], a storage seen through a layout. Values never change once made, so views share
//! storage freely and tensors are `Send + Sync`.

use super::cpu::{CpuAlloc, CpuBuffer};
use super::{Device, HostVec};
use crate::dtype::{dispatch, DType, Element};
use crate::error::{Error, Result};
use crate::layout::Layout;
use std::any::Any;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// The elements of one storage in a device's memory, behind a small trait object: what a device
/// makes and hands back to its own kernels (which downcast it with [`DeviceBuffer::as_any`]).
pub trait DeviceBuffer: Send + Sync + fmt::Debug {
    /// The dtype of the elements.
    fn dtype(&self) -> DType;

    /// Number of elements.
    fn len(&self) -> usize;

    /// True when there are no elements.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The device that made the buffer (devices live as long as the process: a `static`, or
    /// leaked once). Its kernels downcast the buffer (see [`DeviceBuffer::as_any`]), so a buffer
    /// must name the device that made it.
    fn device(&self) -> &'static dyn Device;

    /// The buffer as `Any`, for its device to downcast to its own buffer type.
    fn as_any(&self) -> &dyn Any;

    /// When the elements are in host memory, a typed host view of them: a `&Vec<T>` of the
    /// element type of [`DeviceBuffer::dtype`], as `Any` (read it with [`Storage::host_slice`]).
    /// `None` (the default) for memory the host cannot read in place.
    fn host(&self) -> Option<&dyn Any> {
        None
    }
}

/// Shared, immutable storage of a concrete value: a device buffer behind an `Arc`. Cloning is an
/// `Arc` clone.
#[derive(Clone, Debug)]
pub struct Storage {
    buffer: Buf,
    /// The buffer's dtype, kept here because every op asks for it.
    dtype: DType,
}

/// The buffer of a storage. The CPU's own buffers are held by their type, so that the CPU's
/// kernels, the host views and `Drop` reach them without a virtual call (small ops are dominated
/// by such overheads); every other device's buffer is a trait object. Either way, only the
/// buffer's own device looks inside it.
#[derive(Clone, Debug)]
enum Buf {
    Cpu(Arc<CpuAlloc>),
    Other(Arc<dyn DeviceBuffer>),
}

impl Storage {
    /// Wraps a device buffer (what a device's kernels return).
    pub fn new(buffer: Arc<dyn DeviceBuffer>) -> Storage {
        let dtype = buffer.dtype();
        Storage {
            buffer: Buf::Other(buffer),
            dtype,
        }
    }

    /// A CPU buffer as storage.
    #[inline]
    pub(crate) fn cpu(buffer: CpuBuffer) -> Storage {
        let dtype = buffer.dtype();
        Storage {
            buffer: Buf::Cpu(Arc::new(CpuAlloc::new(buffer))),
            dtype,
        }
    }

    /// The elements when they are CPU memory.
    #[inline]
    pub(crate) fn cpu_buffer(&self) -> Option<&CpuBuffer> {
        match &self.buffer {
            Buf::Cpu(a) => Some(&a.0),
            Buf::Other(b) => b.as_any().downcast_ref::<CpuAlloc>().map(|a| &a.0),
        }
    }

    /// Host elements as storage on the CPU, without a copy.
    ///
    /// ```
    /// use easy_mindspore::device::Storage;
    /// let s = Storage::from_vec(vec![1i32, 2, 3]);
    /// assert_eq!((s.len(), s.dtype()), (3, easy_mindspore::DType::Int32));
    /// assert_eq!(s.host_slice::<i32>(), Some(&[1, 2, 3][..]));
    /// ```
    pub fn from_vec<T: Element>(v: Vec<T>) -> Storage {
        super::cpu::storage(v)
    }

    /// `n` copies of `v` on the CPU, or [`Error::OutOfMemory`] naming `op` when the machine
    /// cannot hold them (more than its memory and swap together, or the allocator refuses): an
    /// error rather than an abort of the process.
    ///
    /// ```
    /// use easy_mindspore::{device::Storage, Error};
    /// assert_eq!(Storage::filled("full", 3, 1.5f32)?.host_slice::<f32>(), Some(&[1.5; 3][..]));
    /// let e = Storage::filled("full", 1 << 62, 0.0f64).unwrap_err();
    /// assert!(matches!(e, Error::OutOfMemory { op: "full", .. }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn filled<T: Element>(op: &'static str, n: usize, v: T) -> Result<Storage> {
        super::cpu::filled(op, n, v)
    }

    /// The device buffer.
    pub fn buffer(&self) -> &dyn DeviceBuffer {
        match &self.buffer {
            Buf::Cpu(a) => &**a,
            Buf::Other(b) => &**b,
        }
    }

    /// The dtype of the elements.
    #[inline]
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.buffer().len()
    }

    /// True when there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The device the elements live on.
    #[inline]
    pub fn device(&self) -> &'static dyn Device {
        match &self.buffer {
            Buf::Cpu(_) => super::cpu(),
            Buf::Other(b) => b.device(),
        }
    }

    /// CPU storage over host memory another library owns (a NumPy array's elements, a DLPack
    /// producer's buffer), without a copy: `len` elements of `dtype` at `ptr`. `owner` is kept
    /// alive for as long as any storage over the memory exists and dropped with the last one
    /// (it is what keeps the memory valid: the array, a DLPack deleter). `writable` says whether
    /// the owner allows writes ([`Storage::host_ptr`] gives no pointer otherwise). `None` when
    /// `ptr` is null or misaligned for the dtype, or a Bool element is neither 0 nor 1: the
    /// caller copies instead.
    ///
    /// # Safety
    /// `ptr` must address `len` initialised elements of `dtype` that are neither freed nor moved
    /// while `owner` lives, and that nobody writes while an engine kernel reads them.
    ///
    /// ```
    /// use easy_mindspore::{device::Storage, DType};
    /// use std::sync::Arc;
    /// let data = Arc::new(std::sync::Mutex::new(vec![1.0f32, 2.0, 3.0]));
    /// let ptr = data.lock().unwrap().as_mut_ptr().cast::<u8>();
    /// // SAFETY: `data` (the owner) keeps the three floats alive and in place.
    /// let s = unsafe { Storage::from_host_memory(ptr, DType::Float32, 3, true, data.clone()) };
    /// let s = s.expect("aligned");
    /// assert_eq!(s.host_slice::<f32>(), Some(&[1.0, 2.0, 3.0][..]));
    /// assert_eq!(s.host_ptr(), Some(ptr));
    /// ```
    pub unsafe fn from_host_memory(
        ptr: *mut u8,
        dtype: DType,
        len: usize,
        writable: bool,
        owner: Arc<dyn Any + Send + Sync>,
    ) -> Option<Storage> {
        // SAFETY: the caller's promise, passed on.
        let f = unsafe { super::cpu::Foreign::new(ptr, len, dtype, writable, owner) }?;
        Some(Storage::cpu(CpuBuffer::Foreign(f)))
    }

    /// The address of the first element when the elements are CPU memory that may be written,
    /// for handing them to another library in place (NumPy's `asnumpy` view, DLPack). `None`
    /// for other devices and for read-only foreign memory.
    ///
    /// Storage is immutable to the engine: a caller that writes through the pointer must first
    /// make sure no other value shares the storage ([`Storage::holders`]), or accept that the
    /// write shows in every value over it.
    pub fn host_ptr(&self) -> Option<*mut u8> {
        let (ptr, writable) = self.cpu_buffer()?.data_ptr();
        writable.then_some(ptr)
    }

    /// The address of the first element when the elements are CPU memory (writable or not), for
    /// reading them in place.
    pub fn host_data(&self) -> Option<*const u8> {
        Some(self.cpu_buffer()?.data_ptr().0.cast_const())
    }

    /// How many storages share this buffer now (this one included): values, views, saved
    /// values of a tape, `jit` constants. A snapshot: other threads may change it.
    pub fn holders(&self) -> usize {
        match &self.buffer {
            Buf::Cpu(a) => Arc::strong_count(a),
            Buf::Other(b) => Arc::strong_count(b),
        }
    }

    /// True when both are the same buffer.
    pub fn same(&self, other: &Storage) -> bool {
        match (&self.buffer, &other.buffer) {
            (Buf::Cpu(a), Buf::Cpu(b)) => Arc::ptr_eq(a, b),
            (Buf::Other(a), Buf::Other(b)) => std::ptr::addr_eq(Arc::as_ptr(a), Arc::as_ptr(b)),
            _ => false,
        }
    }

    /// The elements, borrowed, when they are in host memory and `T` is their type.
    #[inline]
    pub fn host_slice<T: Element>(&self) -> Option<&[T]> {
        match &self.buffer {
            Buf::Cpu(a) => a.0.slice::<T>(),
            Buf::Other(b) => Some(b.host()?.downcast_ref::<Vec<T>>()?.as_slice()),
        }
    }
}

/// A concrete value: shared storage seen through a layout (shape, strides, offset).
#[derive(Clone, Debug)]
pub struct Concrete {
    /// The elements.
    pub storage: Storage,
    /// Where each logical element is in the storage.
    pub layout: Layout,
}

impl Concrete {
    /// A storage seen through a layout (which must address elements inside it).
    pub fn new(storage: Storage, layout: Layout) -> Concrete {
        Concrete { storage, layout }
    }

    /// The dtype of the elements.
    #[inline]
    pub fn dtype(&self) -> DType {
        self.storage.dtype()
    }

    /// The device the elements live on.
    #[inline]
    pub fn device(&self) -> &'static dyn Device {
        self.storage.device()
    }

    /// The elements in logical row-major order as host data of their own type `T`: borrowed when
    /// they are in host memory and the layout is contiguous, else downloaded from the device.
    /// An error when `T` is not the value's element type, or the device fails.
    ///
    /// ```
    /// use easy_mindspore::device::{Concrete, Storage};
    /// use easy_mindspore::layout::Layout;
    /// let c = Concrete::new(Storage::from_vec(vec![1.0f32, 2.0, 3.0, 4.0]), Layout::contiguous(&[2, 2]));
    /// let t = Concrete::new(c.storage.clone(), c.layout.permute(&[1, 0]));
    /// assert_eq!(&t.host_elems::<f32>()?[..], &[1.0, 3.0, 2.0, 4.0]);
    /// assert!(t.host_elems::<f64>().is_err());
    /// # Ok::<(), easy_mindspore::Error>(())
    /// ```
    pub fn host_elems<T: Element>(&self) -> Result<Cow<'_, [T]>> {
        if T::DTYPE != self.dtype() {
            return Err(Error::DTypeMismatch {
                op: "host_elems",
                lhs: self.dtype(),
                rhs: T::DTYPE,
            });
        }
        let n = self.layout.numel();
        if n == 0 {
            // An empty view may keep an offset past the end of its storage; it reads nothing.
            return Ok(Cow::Borrowed(&[]));
        }
        if self.layout.is_contiguous() {
            let start = self.layout.offset();
            if let Some(s) = self
                .storage
                .host_slice::<T>()
                .and_then(|all| all.get(start..start + n))
            {
                return Ok(Cow::Borrowed(s));
            }
        }
        let mut slot: Option<Vec<T>> = None;
        self.device().download(self, HostVec::new(&mut slot))?;
        match slot {
            Some(v) if v.len() == n => Ok(Cow::Owned(v)),
            _ => Err(Error::Device {
                device: self.device().name().to_string(),
                msg: format!(
                    "a download of {n} {} elements gave none or a wrong count",
                    T::DTYPE
                ),
            }),
        }
    }

    /// The value of every element as f64, when all of them are one stored element (every stride
    /// 0) that the host can read in place; `None` otherwise (also for no elements).
    pub fn splat_f64(&self) -> Option<f64> {
        fn one<T: Element>(c: &Concrete) -> Option<f64> {
            let all = c.storage.host_slice::<T>()?;
            // A complex value is a real number only when its imaginary part is 0.
            let v = all.get(c.layout.offset())?.to_c128();
            (v.im == 0.0).then_some(v.re)
        }
        if self.layout.strides().iter().any(|&s| s != 0) || self.layout.numel() == 0 {
            return None;
        }
        dispatch!(self.dtype(), one(self))
    }

    /// True when every element is one stored value equal to `v` (see [`Concrete::splat_f64`]).
    #[inline]
    pub fn is_splat_of(&self, v: f64) -> bool {
        self.splat_f64() == Some(v)
    }
}

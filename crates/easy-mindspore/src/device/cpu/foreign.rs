//! Host memory the engine did not allocate ([`Foreign`]): a NumPy array's elements, a DLPack
//! producer's buffer. The CPU's kernels read it in place like their own vectors; an owner object
//! (the array, the DLPack deleter) is kept alive for as long as any storage over the memory is,
//! and is dropped with the last one. The pool never sees such memory: it was not ours to reuse.
//!
//! Invariant: `ptr` is aligned for `dtype`, non-null, and addresses `len` initialised elements
//! that stay valid while `owner` lives (the constructor's caller promises it, see
//! [`Foreign::new`]); a Bool buffer holds only the bytes 0 and 1 (checked on entry).

use crate::dtype::{DType, Element};
use std::any::Any;
use std::fmt;
use std::ptr::NonNull;
use std::sync::Arc;

/// Elements of one dtype in memory owned by someone else, kept valid by `owner`.
#[derive(Clone)]
pub(crate) struct Foreign {
    ptr: NonNull<u8>,
    len: usize,
    dtype: DType,
    /// False when the owner forbids writes (a read-only NumPy array, a DLPack read-only flag):
    /// such memory is never handed out for writing.
    writable: bool,
    #[allow(dead_code)] // held for its drop: it keeps the memory valid
    owner: Arc<dyn Any + Send + Sync>,
}

// SAFETY: the memory is plain elements (no thread affinity), kept alive by `owner`, which is
// `Send + Sync` itself; the engine only reads it (writers from outside are the same contract as
// NumPy's own threads: the user orders them).
unsafe impl Send for Foreign {}
// SAFETY: as for `Send`: shared reads of plain elements.
unsafe impl Sync for Foreign {}

impl Foreign {
    /// `len` elements of `dtype` at `ptr`, kept valid by `owner`; `None` when `ptr` is null or
    /// not aligned for the dtype, or a Bool element is neither 0 nor 1 (the caller copies then).
    ///
    /// # Safety
    /// `ptr` must address `len` initialised elements of `dtype` that are neither freed nor moved
    /// while `owner` lives, and that nobody writes while an engine kernel reads them.
    pub(crate) unsafe fn new(
        ptr: *mut u8,
        len: usize,
        dtype: DType,
        writable: bool,
        owner: Arc<dyn Any + Send + Sync>,
    ) -> Option<Foreign> {
        let ptr = NonNull::new(ptr)?;
        let align = dtype.size_in_bytes().max(1);
        // Every dtype's Rust type is aligned to its size (bool, ints, half floats, floats).
        if !(ptr.as_ptr() as usize).is_multiple_of(align) {
            return None;
        }
        if dtype == DType::Bool {
            // SAFETY: the caller's promise: `len` initialised bytes.
            let bytes = unsafe { std::slice::from_raw_parts(ptr.as_ptr(), len) };
            if bytes.iter().any(|&b| b > 1) {
                return None;
            }
        }
        Some(Foreign {
            ptr,
            len,
            dtype,
            writable,
            owner,
        })
    }

    /// The elements when `T` is their type.
    #[inline]
    pub(crate) fn slice<T: Element>(&self) -> Option<&[T]> {
        if T::DTYPE != self.dtype {
            return None;
        }
        // SAFETY: `T` is the dtype's element type, the pointer is aligned and addresses `len`
        // initialised elements kept alive by `owner`, which `self` holds (the constructor's
        // contract); a Bool buffer was checked to hold only 0 and 1.
        Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr().cast::<T>(), self.len) })
    }

    /// The dtype of the elements.
    #[inline]
    pub(crate) fn dtype(&self) -> DType {
        self.dtype
    }

    /// Number of elements.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The address of the first element.
    pub(crate) fn ptr(&self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    /// True when the owner allows writes through the memory.
    pub(crate) fn writable(&self) -> bool {
        self.writable
    }
}

impl fmt::Debug for Foreign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Foreign")
            .field("ptr", &self.ptr)
            .field("len", &self.len)
            .field("dtype", &self.dtype)
            .field("writable", &self.writable)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Foreign {
    /// The same memory seen the same way.
    fn eq(&self, other: &Foreign) -> bool {
        (self.ptr, self.len, self.dtype) == (other.ptr, other.len, other.dtype)
    }
}

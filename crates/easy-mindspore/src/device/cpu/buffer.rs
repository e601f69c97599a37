//! The CPU's buffers: [`CpuBuffer`], host elements of one dtype (the enum nothing outside this
//! device sees), and [`CpuAlloc`], the device buffer a CPU [`Storage`](crate::device::Storage)
//! holds, which parks its vector in the pool when the last holder drops it.
//!
//! Conversions between `Vec<T>` (any `T: Element`) and the enum are generic, through `Any`
//! downcasts that the compiler resolves per type, so kernels keep their `T: Element` bounds.
//! One more variant, `Foreign`, holds host memory another library owns (a NumPy array, a DLPack
//! producer's); kernels read it through the same `slice`.

use super::foreign::Foreign;
use super::pool;
use crate::device::{Device, DeviceBuffer};
use crate::dtype::{DType, Element};
use std::any::Any;

/// Declares [`CpuBuffer`] with one variant per dtype (variant, element type, dtype), and its
/// per-variant methods, from one list.
macro_rules! buffers {
    ($($v:ident($t:ty) = $d:ident),* $(,)?) => {
        /// Host elements of one dtype, row-major.
        #[derive(Clone, Debug, PartialEq)]
        pub(crate) enum CpuBuffer {
            $(
                #[doc = concat!(stringify!($d), " elements.")]
                $v(Vec<$t>),
            )*
            /// Elements in memory another library owns (see `foreign`).
            Foreign(Foreign),
        }

        impl CpuBuffer {
            /// A buffer of `T`'s dtype holding `v`, without a copy.
            #[inline]
            pub(crate) fn from_vec<T: Element>(v: Vec<T>) -> CpuBuffer {
                // One arm matches `T` (its conversion is the identity); the others are never taken.
                match T::DTYPE {
                    $(DType::$d => CpuBuffer::$v(cast_vec(v).unwrap_or_default()),)*
                }
            }

            /// The elements when `T` is their type.
            #[inline]
            pub(crate) fn slice<T: Element>(&self) -> Option<&[T]> {
                match self {
                    $(CpuBuffer::$v(v) => cast_ref(v),)*
                    CpuBuffer::Foreign(f) => f.slice(),
                }
            }

            /// The vector when `T` is its element type (never for foreign memory).
            pub(crate) fn into_vec<T: Element>(self) -> Option<Vec<T>> {
                match self {
                    $(CpuBuffer::$v(v) => cast_vec(v),)*
                    CpuBuffer::Foreign(_) => None,
                }
            }

            /// The vector, as `&dyn Any` (a `&Vec<T>`); `None` for foreign memory.
            fn vec_any(&self) -> Option<&dyn Any> {
                match self {
                    $(CpuBuffer::$v(v) => Some(v),)*
                    CpuBuffer::Foreign(_) => None,
                }
            }

            /// The address of the first element, and whether it may be written: what hands
            /// the memory to another library (NumPy, DLPack).
            pub(crate) fn data_ptr(&self) -> (*mut u8, bool) {
                match self {
                    // The vector's own pointer (not one derived from a slice reference), which
                    // stays valid for writes as long as the vector is neither moved out nor
                    // reallocated; a storage's vector never is while the storage lives.
                    $(CpuBuffer::$v(v) => (v.as_ptr().cast_mut().cast::<u8>(), true),)*
                    CpuBuffer::Foreign(f) => (f.ptr(), f.writable()),
                }
            }

            /// The dtype of the elements.
            pub(crate) fn dtype(&self) -> DType {
                match self {
                    $(CpuBuffer::$v(_) => DType::$d,)*
                    CpuBuffer::Foreign(f) => f.dtype(),
                }
            }

            /// Number of elements.
            pub(crate) fn len(&self) -> usize {
                match self {
                    $(CpuBuffer::$v(v) => v.len(),)*
                    CpuBuffer::Foreign(f) => f.len(),
                }
            }

            /// Capacity in bytes (0 for foreign memory, which is never pooled).
            #[inline]
            pub(crate) fn capacity_bytes(&self) -> usize {
                match self {
                    $(CpuBuffer::$v(v) => v.capacity() * std::mem::size_of::<$t>(),)*
                    CpuBuffer::Foreign(_) => 0,
                }
            }

            /// Element `i` as f64 (bools 0/1). `i` must be in range.
            #[cfg(test)]
            pub(crate) fn get_f64(&self, i: usize) -> f64 {
                match self {
                    $(CpuBuffer::$v(v) => v[i].to_f64(),)*
                    CpuBuffer::Foreign(f) => {
                        fn at<T: Element>(f: &Foreign, i: usize) -> f64 {
                            f.slice::<T>().map_or(f64::NAN, |s| s[i].to_f64())
                        }
                        crate::dtype::dispatch!(f.dtype(), at(f, i))
                    }
                }
            }

            /// Element `i` as i64 (floats truncate toward zero). `i` must be in range.
            #[cfg(test)]
            pub(crate) fn get_i64(&self, i: usize) -> i64 {
                match self {
                    $(CpuBuffer::$v(v) => v[i].to_i64(),)*
                    CpuBuffer::Foreign(f) => {
                        fn at<T: Element>(f: &Foreign, i: usize) -> i64 {
                            f.slice::<T>().map_or(0, |s| s[i].to_i64())
                        }
                        crate::dtype::dispatch!(f.dtype(), at(f, i))
                    }
                }
            }
        }
    };
}

buffers! {
    Bool(bool) = Bool,
    I8(i8) = Int8,
    I16(i16) = Int16,
    I32(i32) = Int32,
    I64(i64) = Int64,
    U8(u8) = UInt8,
    U16(u16) = UInt16,
    U32(u32) = UInt32,
    U64(u64) = UInt64,
    F16(half::f16) = Float16,
    BF16(half::bf16) = BFloat16,
    F32(f32) = Float32,
    F64(f64) = Float64,
    C64(crate::dtype::C64) = Complex64,
    C128(crate::dtype::C128) = Complex128,
}

/// `v` as `&[T]` when `S` is `T`.
#[inline(always)]
#[allow(clippy::ptr_arg)] // the `Vec` is what is downcast (a slice cannot be `dyn Any`)
fn cast_ref<S: 'static, T: 'static>(v: &Vec<S>) -> Option<&[T]> {
    (v as &dyn Any).downcast_ref::<Vec<T>>().map(Vec::as_slice)
}

/// `v` as `Vec<T>` when `S` is `T`.
#[inline(always)]
fn cast_vec<S: 'static, T: 'static>(v: Vec<S>) -> Option<Vec<T>> {
    let mut slot = Some(v);
    (&mut slot as &mut dyn Any)
        .downcast_mut::<Option<Vec<T>>>()?
        .take()
}

impl CpuBuffer {
    /// An empty buffer (what a parked buffer leaves behind).
    pub(crate) const EMPTY: CpuBuffer = CpuBuffer::Bool(Vec::new());
}

/// The device buffer of a CPU storage. When the last storage holding it goes, a large vector is
/// parked in the pool for later kernels (small ones are freed; see `pool`). The pool keeps bare
/// [`CpuBuffer`]s, which have no such drop, so a parked buffer never re-enters the pool when the
/// pool frees it.
#[derive(Debug)]
pub(crate) struct CpuAlloc(pub(crate) CpuBuffer);

impl CpuAlloc {
    /// The storage buffer of `b`, counted as allocated (see `stats`).
    #[inline]
    pub(crate) fn new(b: CpuBuffer) -> CpuAlloc {
        super::stats::allocated(b.capacity_bytes());
        CpuAlloc(b)
    }
}

impl Drop for CpuAlloc {
    /// Small buffers cost one capacity check (and the counter's subtraction).
    #[inline]
    fn drop(&mut self) {
        let bytes = self.0.capacity_bytes();
        super::stats::released(bytes);
        if bytes >= pool::MIN_POOLED_BYTES {
            pool::give(std::mem::replace(&mut self.0, CpuBuffer::EMPTY));
        }
    }
}

impl DeviceBuffer for CpuAlloc {
    fn dtype(&self) -> DType {
        self.0.dtype()
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    #[inline]
    fn device(&self) -> &'static dyn Device {
        super::cpu()
    }

    #[inline]
    fn as_any(&self) -> &dyn Any {
        self
    }

    #[inline]
    fn host(&self) -> Option<&dyn Any> {
        self.0.vec_any()
    }
}

//! The CPU's buffers: [`CpuBuffer`], host elements of one dtype (the enum nothing outside this
//! device sees), and [`CpuAlloc`], the device buffer a CPU [`Storage`](crate::device::Storage)
//! holds, which parks its vector in the pool when the last holder drops it.
//!
//! Conversions between `Vec<T>` (any `T: Element`) and the enum are generic, through `Any`
//! downcasts that the compiler resolves per type, so kernels keep their `T: Element` bounds.

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
                }
            }

            /// The vector when `T` is its element type.
            pub(crate) fn into_vec<T: Element>(self) -> Option<Vec<T>> {
                match self {
                    $(CpuBuffer::$v(v) => cast_vec(v),)*
                }
            }

            /// The vector, as `&dyn Any` (a `&Vec<T>`).
            fn vec_any(&self) -> &dyn Any {
                match self {
                    $(CpuBuffer::$v(v) => v,)*
                }
            }

            /// The dtype of the elements.
            pub(crate) fn dtype(&self) -> DType {
                match self {
                    $(CpuBuffer::$v(_) => DType::$d,)*
                }
            }

            /// Number of elements.
            pub(crate) fn len(&self) -> usize {
                match self {
                    $(CpuBuffer::$v(v) => v.len(),)*
                }
            }

            /// Capacity in bytes.
            #[inline]
            pub(crate) fn capacity_bytes(&self) -> usize {
                match self {
                    $(CpuBuffer::$v(v) => v.capacity() * std::mem::size_of::<$t>(),)*
                }
            }

            /// Element `i` as f64 (bools 0/1). `i` must be in range.
            #[cfg(test)]
            pub(crate) fn get_f64(&self, i: usize) -> f64 {
                match self {
                    $(CpuBuffer::$v(v) => v[i].to_f64(),)*
                }
            }

            /// Element `i` as i64 (floats truncate toward zero). `i` must be in range.
            #[cfg(test)]
            pub(crate) fn get_i64(&self, i: usize) -> i64 {
                match self {
                    $(CpuBuffer::$v(v) => v[i].to_i64(),)*
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

impl Drop for CpuAlloc {
    /// Small buffers cost one capacity check.
    #[inline]
    fn drop(&mut self) {
        if self.0.capacity_bytes() >= pool::MIN_POOLED_BYTES {
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
        Some(self.0.vec_any())
    }
}

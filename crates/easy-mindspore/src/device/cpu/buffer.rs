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

/// Host elements of one dtype, row-major.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CpuBuffer {
    /// Bool elements.
    Bool(Vec<bool>),
    /// Int32 elements.
    I32(Vec<i32>),
    /// Int64 elements.
    I64(Vec<i64>),
    /// Float32 elements.
    F32(Vec<f32>),
    /// Float64 elements.
    F64(Vec<f64>),
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

    /// A buffer of `T`'s dtype holding `v`, without a copy.
    #[inline]
    pub(crate) fn from_vec<T: Element>(v: Vec<T>) -> CpuBuffer {
        // One arm matches `T` (its conversion is the identity); the others are never taken.
        match T::DTYPE {
            DType::Bool => CpuBuffer::Bool(cast_vec(v).unwrap_or_default()),
            DType::Int32 => CpuBuffer::I32(cast_vec(v).unwrap_or_default()),
            DType::Int64 => CpuBuffer::I64(cast_vec(v).unwrap_or_default()),
            DType::Float32 => CpuBuffer::F32(cast_vec(v).unwrap_or_default()),
            DType::Float64 => CpuBuffer::F64(cast_vec(v).unwrap_or_default()),
        }
    }

    /// The elements when `T` is their type.
    #[inline]
    pub(crate) fn slice<T: Element>(&self) -> Option<&[T]> {
        match self {
            CpuBuffer::Bool(v) => cast_ref(v),
            CpuBuffer::I32(v) => cast_ref(v),
            CpuBuffer::I64(v) => cast_ref(v),
            CpuBuffer::F32(v) => cast_ref(v),
            CpuBuffer::F64(v) => cast_ref(v),
        }
    }

    /// The vector when `T` is its element type.
    pub(crate) fn into_vec<T: Element>(self) -> Option<Vec<T>> {
        match self {
            CpuBuffer::Bool(v) => cast_vec(v),
            CpuBuffer::I32(v) => cast_vec(v),
            CpuBuffer::I64(v) => cast_vec(v),
            CpuBuffer::F32(v) => cast_vec(v),
            CpuBuffer::F64(v) => cast_vec(v),
        }
    }

    /// The vector, as `&dyn Any` (a `&Vec<T>`).
    fn vec_any(&self) -> &dyn Any {
        match self {
            CpuBuffer::Bool(v) => v,
            CpuBuffer::I32(v) => v,
            CpuBuffer::I64(v) => v,
            CpuBuffer::F32(v) => v,
            CpuBuffer::F64(v) => v,
        }
    }

    /// The dtype of the elements.
    pub(crate) fn dtype(&self) -> DType {
        match self {
            CpuBuffer::Bool(_) => DType::Bool,
            CpuBuffer::I32(_) => DType::Int32,
            CpuBuffer::I64(_) => DType::Int64,
            CpuBuffer::F32(_) => DType::Float32,
            CpuBuffer::F64(_) => DType::Float64,
        }
    }

    /// Number of elements.
    pub(crate) fn len(&self) -> usize {
        match self {
            CpuBuffer::Bool(v) => v.len(),
            CpuBuffer::I32(v) => v.len(),
            CpuBuffer::I64(v) => v.len(),
            CpuBuffer::F32(v) => v.len(),
            CpuBuffer::F64(v) => v.len(),
        }
    }

    /// Capacity in bytes.
    #[inline]
    pub(crate) fn capacity_bytes(&self) -> usize {
        match self {
            CpuBuffer::Bool(v) => v.capacity(),
            CpuBuffer::I32(v) => v.capacity() * 4,
            CpuBuffer::I64(v) => v.capacity() * 8,
            CpuBuffer::F32(v) => v.capacity() * 4,
            CpuBuffer::F64(v) => v.capacity() * 8,
        }
    }

    /// Element `i` as f64 (bools 0/1). `i` must be in range.
    #[cfg(test)]
    pub(crate) fn get_f64(&self, i: usize) -> f64 {
        match self {
            CpuBuffer::Bool(v) => f64::from(u8::from(v[i])),
            CpuBuffer::I32(v) => f64::from(v[i]),
            CpuBuffer::I64(v) => v[i] as f64,
            CpuBuffer::F32(v) => f64::from(v[i]),
            CpuBuffer::F64(v) => v[i],
        }
    }

    /// Element `i` as i64 (floats truncate toward zero). `i` must be in range.
    #[cfg(test)]
    pub(crate) fn get_i64(&self, i: usize) -> i64 {
        match self {
            CpuBuffer::Bool(v) => i64::from(v[i]),
            CpuBuffer::I32(v) => i64::from(v[i]),
            CpuBuffer::I64(v) => v[i],
            CpuBuffer::F32(v) => v[i] as i64,
            CpuBuffer::F64(v) => v[i] as i64,
        }
    }
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

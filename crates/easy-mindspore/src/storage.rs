//! Immutable shared storage: a typed host buffer behind an `Arc`. Values never change once made, so
//! views share storage freely and tensors are `Send + Sync`.

use crate::dtype::DType;
use std::sync::Arc;

/// Host elements of one dtype, row-major.
#[derive(Clone, Debug, PartialEq)]
pub enum Buffer {
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

impl Buffer {
    /// The dtype of the elements.
    pub fn dtype(&self) -> DType {
        match self {
            Buffer::Bool(_) => DType::Bool,
            Buffer::I32(_) => DType::Int32,
            Buffer::I64(_) => DType::Int64,
            Buffer::F32(_) => DType::Float32,
            Buffer::F64(_) => DType::Float64,
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        match self {
            Buffer::Bool(v) => v.len(),
            Buffer::I32(v) => v.len(),
            Buffer::I64(v) => v.len(),
            Buffer::F32(v) => v.len(),
            Buffer::F64(v) => v.len(),
        }
    }

    /// True when there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Element `i` as f64 (bools 0/1). `i` must be in range.
    pub fn get_f64(&self, i: usize) -> f64 {
        match self {
            Buffer::Bool(v) => f64::from(u8::from(v[i])),
            Buffer::I32(v) => f64::from(v[i]),
            Buffer::I64(v) => v[i] as f64,
            Buffer::F32(v) => f64::from(v[i]),
            Buffer::F64(v) => v[i],
        }
    }

    /// Element `i` as i64 (floats truncate toward zero). `i` must be in range.
    pub fn get_i64(&self, i: usize) -> i64 {
        match self {
            Buffer::Bool(v) => i64::from(v[i]),
            Buffer::I32(v) => i64::from(v[i]),
            Buffer::I64(v) => v[i],
            Buffer::F32(v) => v[i] as i64,
            Buffer::F64(v) => v[i] as i64,
        }
    }
}

/// Shared, immutable storage of a concrete tensor.
#[derive(Clone, Debug)]
pub struct Storage(pub(crate) Arc<Buffer>);

impl Drop for Storage {
    /// Large buffers whose last holder goes away return to the backend's pool, so repeated big
    /// allocations stop paying page faults.
    fn drop(&mut self) {
        crate::backend::pool::reclaim(&mut self.0);
    }
}

impl Storage {
    /// Wraps a buffer.
    pub fn new(buffer: Buffer) -> Storage {
        Storage(Arc::new(buffer))
    }

    /// The buffer.
    pub fn buffer(&self) -> &Buffer {
        &self.0
    }
}

/// A Rust element type a buffer can hold; lets kernels be written once, generically.
pub trait Element: Copy + Send + Sync + 'static {
    /// The matching dtype.
    const DTYPE: DType;
    /// Builds a buffer from elements.
    fn into_buffer(v: Vec<Self>) -> Buffer;
    /// Borrows the elements of a buffer of this type.
    fn slice(b: &Buffer) -> Option<&[Self]>;
    /// Converts from f64 (with Rust `as` semantics: floats truncate toward zero into ints).
    fn from_f64(v: f64) -> Self;
    /// Converts to f64.
    fn to_f64(self) -> f64;
    /// Converts to i64 (floats truncate toward zero, saturating; NaN is 0).
    fn to_i64(self) -> i64;
}

macro_rules! element {
    ($t:ty, $d:ident, $v:ident) => {
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn into_buffer(v: Vec<Self>) -> Buffer {
                Buffer::$v(v)
            }
            fn slice(b: &Buffer) -> Option<&[Self]> {
                match b {
                    Buffer::$v(v) => Some(v),
                    _ => None,
                }
            }
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            fn to_f64(self) -> f64 {
                self as f64
            }
            fn to_i64(self) -> i64 {
                self as i64
            }
        }
    };
}
element!(i32, Int32, I32);
element!(i64, Int64, I64);
element!(f32, Float32, F32);
element!(f64, Float64, F64);

impl Element for bool {
    const DTYPE: DType = DType::Bool;
    fn into_buffer(v: Vec<Self>) -> Buffer {
        Buffer::Bool(v)
    }
    fn slice(b: &Buffer) -> Option<&[Self]> {
        match b {
            Buffer::Bool(v) => Some(v),
            _ => None,
        }
    }
    fn from_f64(v: f64) -> Self {
        v != 0.0
    }
    fn to_f64(self) -> f64 {
        f64::from(u8::from(self))
    }
    fn to_i64(self) -> i64 {
        i64::from(self)
    }
}

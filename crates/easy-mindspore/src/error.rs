//! The one error type of the engine. Every variant names the op and carries the offending shapes,
//! dtypes or axes, so a message can be read without the code that raised it.

use crate::dtype::DType;

/// Errors raised by tensor operations and transforms.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// Two shapes that must broadcast (or be equal) do not.
    #[error("For '{op}', the shapes {lhs:?} and {rhs:?} cannot be broadcast together")]
    ShapeMismatch {
        /// The op.
        op: &'static str,
        /// Left shape.
        lhs: Vec<usize>,
        /// Right shape.
        rhs: Vec<usize>,
    },
    /// Operands whose dtypes must agree do not.
    #[error("For '{op}', the dtypes must be the same, but got {lhs} and {rhs}")]
    DTypeMismatch {
        /// The op.
        op: &'static str,
        /// Left dtype.
        lhs: DType,
        /// Right dtype.
        rhs: DType,
    },
    /// An op that does not accept this dtype.
    #[error("For '{op}', the dtype {dtype} is not supported; expected {expected}")]
    UnsupportedDType {
        /// The op.
        op: &'static str,
        /// The dtype given.
        dtype: DType,
        /// What is accepted.
        expected: &'static str,
    },
    /// An axis outside `[-ndim, ndim)`.
    #[error("For '{op}', the axis must be in [{lo}, {hi}), but got {axis} (shape {shape:?})")]
    AxisOutOfRange {
        /// The op.
        op: &'static str,
        /// The axis given.
        axis: i64,
        /// Inclusive lower bound.
        lo: i64,
        /// Exclusive upper bound.
        hi: i64,
        /// Shape of the operand.
        shape: Vec<usize>,
    },
    /// An index outside an axis.
    #[error("index {index} is out of bounds for dimension with size {size}")]
    IndexOutOfBounds {
        /// The op.
        op: &'static str,
        /// The index given.
        index: i64,
        /// Size of the indexed axis.
        size: usize,
    },
    /// An index expression that cannot index the tensor: a boolean mask whose shape differs from
    /// the axes it covers, index tensors that do not broadcast together.
    #[error("For '{op}', {msg}")]
    InvalidIndex {
        /// The op.
        op: &'static str,
        /// What is wrong, with the shapes involved.
        msg: String,
    },
    /// More indices than dimensions.
    #[error("too many indices for tensor of dimension{ndim} (got {got} indices)")]
    TooManyIndices {
        /// Dimensions of the tensor.
        ndim: usize,
        /// Indices given.
        got: usize,
    },
    /// A reshape whose element counts differ.
    #[error(
        "For 'Reshape', the shape {to:?} is invalid for input of shape {from:?} (size {size})"
    )]
    InvalidReshape {
        /// The input shape.
        from: Vec<usize>,
        /// The requested shape (may contain one -1).
        to: Vec<i64>,
        /// Input element count.
        size: usize,
    },
    /// The contracted dimensions of a matrix product differ.
    #[error(
        "For '{op}', shape1[-1] must be equal to shape2[-2], but got shapes {lhs:?} and {rhs:?}"
    )]
    MatMulMismatch {
        /// The op.
        op: &'static str,
        /// Left shape.
        lhs: Vec<usize>,
        /// Right shape.
        rhs: Vec<usize>,
    },
    /// A conversion that needs exactly one element (`bool`, `float`, `item`).
    #[error("The tensor should have only one element, but got {numel}, more than one element is ambiguous.")]
    NotOneElement {
        /// Elements in the tensor.
        numel: usize,
    },
    /// Data whose length does not match the shape.
    #[error("For '{op}', {got} elements cannot fill shape {shape:?} ({expected} elements)")]
    DataLength {
        /// The op.
        op: &'static str,
        /// Elements expected.
        expected: usize,
        /// Elements given.
        got: usize,
        /// The shape.
        shape: Vec<usize>,
    },
    /// Any other invalid argument value, with the op and the reason.
    #[error("For '{op}', {msg}")]
    InvalidArgument {
        /// The op.
        op: &'static str,
        /// What is wrong, with the values involved.
        msg: String,
    },
    /// A function of the user's that the engine called back (a function being traced, a custom
    /// gradient rule, written in a front's language) failed; the front keeps the original error
    /// and raises it again when this one comes back to it.
    #[error("{msg}")]
    Callback {
        /// What failed, for a front that cannot give back the original.
        msg: String,
    },
    /// Operands of one op that live on different devices.
    #[error("For '{op}', the operands must be on one device, but got {lhs} and {rhs}")]
    DeviceMismatch {
        /// The op.
        op: &'static str,
        /// The first operand's device.
        lhs: String,
        /// The device of an operand that differs.
        rhs: String,
    },
    /// A device that could not do what was asked (out of memory, a driver error, a transfer that
    /// came back short).
    #[error("{device}: {msg}")]
    Device {
        /// The device's name.
        device: String,
        /// What failed.
        msg: String,
    },
    /// A misuse of a differentiation transform (bad position, missing sensitivity, ...).
    #[error("For '{op}', {msg}")]
    Transform {
        /// The transform.
        op: &'static str,
        /// What is wrong.
        msg: String,
    },
    /// A buffer the machine cannot provide: larger than its memory and swap together, or
    /// refused by the allocator.
    #[error("For '{op}', out of memory: cannot allocate {} ({bytes} bytes)", human_bytes(*bytes))]
    OutOfMemory {
        /// The op.
        op: &'static str,
        /// The size of the buffer asked for, in bytes.
        bytes: u128,
    },
}

/// A byte count for people: `256.0 GiB`.
fn human_bytes(bytes: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut v = bytes as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// The built-in exception class a Python front should raise for an error (DESIGN §6, reference §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorClass {
    /// Shapes and values.
    Value,
    /// Dtypes.
    Type,
    /// Axes and indices.
    Index,
    /// Differentiation, matmul (MindSpore raises RuntimeError for `MatMulExt`) and devices.
    Runtime,
    /// Memory exhausted (Python's `MemoryError`, as NumPy raises for an array too large).
    Memory,
}

impl Error {
    /// Which Python exception class this error maps to.
    pub fn class(&self) -> ErrorClass {
        match self {
            Error::ShapeMismatch { .. }
            | Error::InvalidReshape { .. }
            | Error::NotOneElement { .. }
            | Error::DataLength { .. }
            | Error::InvalidArgument { .. } => ErrorClass::Value,
            Error::DTypeMismatch { .. } | Error::UnsupportedDType { .. } => ErrorClass::Type,
            Error::AxisOutOfRange { .. } => ErrorClass::Value,
            Error::IndexOutOfBounds { .. }
            | Error::TooManyIndices { .. }
            | Error::InvalidIndex { .. } => ErrorClass::Index,
            Error::MatMulMismatch { .. }
            | Error::Transform { .. }
            | Error::Callback { .. }
            | Error::DeviceMismatch { .. }
            | Error::Device { .. } => ErrorClass::Runtime,
            Error::OutOfMemory { .. } => ErrorClass::Memory,
        }
    }

    /// An [`Error::InvalidArgument`] of `op` (a value-class error: Python's `ValueError`).
    pub fn invalid(op: &'static str, msg: impl Into<String>) -> Error {
        Error::InvalidArgument {
            op,
            msg: msg.into(),
        }
    }

    /// The error of an op with no complex kernel given a complex operand (type class, as
    /// MindSpore's "Unsupported data type").
    pub fn no_complex(op: &'static str, dtype: DType) -> Error {
        Error::UnsupportedDType {
            op,
            dtype,
            expected: "a real dtype (it has no Complex64/Complex128 kernel)",
        }
    }
}

/// The engine's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// An empty vector with room for `n` values, or `op`'s out-of-memory error (for sizes that come
/// from a user's arguments: a shape, a sample count, an image's size).
pub(crate) fn room<T>(n: usize, op: &'static str) -> Result<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| Error::OutOfMemory {
        op,
        bytes: n as u128 * std::mem::size_of::<T>() as u128,
    })?;
    Ok(v)
}

//! The CPU backend: the kernels that the primitives' entries (`crate::prim`) call on concrete
//! values, each with a contiguous fast path and a strided path. Layout-only primitives (permute,
//! broadcast, slice, rev, contiguous reshape) make views and need no kernel. Large kernels split
//! across threads (`par`) and write into buffers from a pool of freed ones (`pool`), so that
//! repeated big outputs stop paying page faults.
//!
//! Invariant: kernels are only called after the primitive's shape rule accepted the inputs, so
//! they may index without re-checking shapes (data-dependent checks, such as gather indices, are
//! still done here and reported as errors).

mod elementwise;
pub(crate) mod fused;
mod matmul;
mod par;
pub(crate) mod pool;
mod reduce;
#[cfg(target_arch = "x86_64")]
mod sgemm;
mod simd;
mod structure;
#[cfg(test)]
mod tests;

pub(crate) use elementwise::{binary, cast, compare, select, unary};
pub(crate) use matmul::matmul;
pub(crate) use reduce::{argmax, cumsum, reduce};
pub(crate) use structure::{concat, gather, pad, scatter_add};

use crate::storage::{Buffer, Element};
use crate::tensor::Concrete;
use std::borrow::Cow;

/// Calls a generic function with the Rust element type of a dtype.
macro_rules! dispatch {
    ($dtype:expr, $f:ident ( $($arg:expr),* )) => {
        match $dtype {
            $crate::dtype::DType::Bool => $f::<bool>($($arg),*),
            $crate::dtype::DType::Int32 => $f::<i32>($($arg),*),
            $crate::dtype::DType::Int64 => $f::<i64>($($arg),*),
            $crate::dtype::DType::Float32 => $f::<f32>($($arg),*),
            $crate::dtype::DType::Float64 => $f::<f64>($($arg),*),
        }
    };
}
pub(crate) use dispatch;

/// The elements of a concrete value in logical row-major order, borrowed when the layout allows.
pub(crate) fn elems<T: Element>(c: &Concrete) -> Cow<'_, [T]> {
    let all = T::slice(c.storage.buffer()).unwrap_or(&[]);
    let l = &c.layout;
    if l.numel() == 0 {
        // An empty view may keep an offset past the end of its (possibly empty) storage, e.g.
        // `zeros([5, 0])[4]`; it has nothing to read.
        return Cow::Borrowed(&[]);
    }
    if l.is_contiguous() {
        let start = l.offset();
        return Cow::Borrowed(&all[start..start + l.numel()]);
    }
    if l.numel() < par::PAR_MIN && !pool::is_pooled_size::<T>(l.numel()) {
        let mut out = Vec::with_capacity(l.numel());
        l.for_each_row(|base, len, stride| match stride {
            1 => out.extend_from_slice(&all[base..base + len]),
            0 => out.extend(std::iter::repeat_n(all[base], len)),
            _ => out.extend((0..len).map(|j| all[(base as isize + j as isize * stride) as usize])),
        });
        return Cow::Owned(out);
    }
    Cow::Owned(par::gather(all, l))
}

/// When every element of the view is the same storage element (a broadcast scalar), that element.
pub(crate) fn splat<T: Element>(c: &Concrete) -> Option<T> {
    let all = T::slice(c.storage.buffer())?;
    if c.layout.strides().iter().all(|&s| s == 0) && c.layout.numel() > 0 {
        all.get(c.layout.offset()).copied()
    } else {
        None
    }
}

/// Frees the large buffers parked for reuse (see `pool`), giving their memory back to the system.
/// The pool also does this by itself when the system runs short of memory.
pub fn release_pooled_memory() {
    pool::clear();
}

/// True when every element of `c` is one stored value (all strides 0), equal to `v`.
pub(crate) fn is_splat_of(c: &Concrete, v: f64) -> bool {
    c.layout.numel() > 0
        && c.layout.strides().iter().all(|&s| s == 0)
        && c.layout.offset() < c.storage.buffer().len()
        && c.storage.buffer().get_f64(c.layout.offset()) == v
}

/// A fresh contiguous buffer of a concrete value's logical elements.
pub(crate) fn materialize(c: &Concrete) -> Buffer {
    fn go<T: Element>(c: &Concrete) -> Buffer {
        T::into_buffer(par::into_owned(elems::<T>(c)))
    }
    dispatch!(c.dtype(), go(c))
}

//! When a native call gives up the GIL: one threshold and two helpers, used by every method that
//! runs kernels (tensor methods, module functions, layers, `jit`, backward passes, optimizer
//! steps), so that another Python thread keeps running while a large kernel computes.
//!
//! The rule that keeps this deadlock-free: **no Rust lock is held across a GIL release.** Code
//! that releases the GIL takes what it needs out of any lock first (or takes the lock only inside
//! the released section, and lets it go before the GIL comes back); a lock taken while holding
//! the GIL is never held while waiting for the GIL. Otherwise a thread holding the lock waits for
//! the GIL while the thread holding the GIL waits for the lock.

use crate::errors::IntoPy;
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;

/// Above this many elements (of the operands, summed) a native call runs with the GIL released.
/// Below it the kernel is short (tens of microseconds), and giving the GIL up would cost more
/// than it saves: getting it back may wait for another thread's switch interval.
pub const RELEASE_GIL_ABOVE: usize = 1 << 16;

/// Runs `f`, with the GIL released when `size` (elements the call reads) is above
/// [`RELEASE_GIL_ABOVE`]. `f` must not hold a Rust lock that a GIL holder may wait for.
pub fn maybe_allow_threads<T: Send>(
    py: Python<'_>,
    size: usize,
    f: impl FnOnce() -> T + Send,
) -> T {
    if size > RELEASE_GIL_ABOVE {
        py.allow_threads(f)
    } else {
        f()
    }
}

/// Runs an engine op through [`maybe_allow_threads`] and wraps its result in a new handle.
pub fn run(
    py: Python<'_>,
    size: usize,
    f: impl FnOnce() -> ems::Result<Tensor> + Send,
) -> PyResult<PyTensor> {
    maybe_allow_threads(py, size, f).py().map(PyTensor::new)
}

/// The elements of `xs`, summed (the size [`maybe_allow_threads`] compares).
pub fn numel_of(xs: &[Tensor]) -> usize {
    xs.iter().map(Tensor::numel).sum()
}

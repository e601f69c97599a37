//! `mindspore.communication`'s native half: process state (`comm_init`, ranks, groups) and the
//! four collectives, forwarded to `easy_mindspore::comm`. A collective waits for the other
//! processes, so it always runs with the GIL released (no lock is held across the release: the
//! engine takes its communication lock inside).

use crate::convert::tensor_from_data;
use crate::errors::IntoPy;
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::comm::{self, ReduceOp};
use pyo3::prelude::*;

fn reduce_op(op: &'static str, name: &str) -> PyResult<ReduceOp> {
    ReduceOp::from_name(op, name).py()
}

fn collective(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    f: impl FnOnce(&ems::Tensor) -> ems::Result<ems::Tensor> + Send,
) -> PyResult<PyTensor> {
    let x = tensor_from_data(x, None)?;
    py.allow_threads(|| f(&x)).py().map(PyTensor::new)
}

/// Joins the job (`init()`); a RuntimeError outside a launcher or without Open MPI.
#[pyfunction]
pub fn comm_init(py: Python<'_>) -> PyResult<()> {
    py.allow_threads(comm::init).py()
}

/// Finalises MPI (`release()`).
#[pyfunction]
pub fn comm_release(py: Python<'_>) -> PyResult<()> {
    py.allow_threads(comm::release).py()
}

/// True between `init()` and `release()`.
#[pyfunction]
pub fn comm_is_initialized() -> bool {
    comm::is_initialized()
}

/// True when a launcher (`mpirun`, `msrun`) started this process.
#[pyfunction]
pub fn comm_under_launcher() -> bool {
    comm::under_launcher()
}

/// This process's rank in `group`.
#[pyfunction]
pub fn comm_rank(group: &str) -> PyResult<usize> {
    comm::rank(group).py()
}

/// The size of `group`.
#[pyfunction]
pub fn comm_group_size(group: &str) -> PyResult<usize> {
    comm::group_size(group).py()
}

/// The world ranks of `group`'s members.
#[pyfunction]
pub fn comm_group_ranks(group: &str) -> PyResult<Vec<usize>> {
    comm::group_ranks(group).py()
}

/// This process's rank on its host.
#[pyfunction]
pub fn comm_local_rank() -> usize {
    comm::local_rank()
}

/// Makes the group `name` of world ranks `ranks`.
#[pyfunction]
pub fn comm_create_group(py: Python<'_>, name: &str, ranks: Vec<usize>) -> PyResult<()> {
    py.allow_threads(|| comm::create_group(name, &ranks)).py()
}

/// Frees the group `name`.
#[pyfunction]
pub fn comm_destroy_group(py: Python<'_>, name: &str) -> PyResult<()> {
    py.allow_threads(|| comm::destroy_group(name)).py()
}

/// Waits for every process of `group`.
#[pyfunction]
pub fn comm_barrier(py: Python<'_>, group: &str) -> PyResult<()> {
    py.allow_threads(|| comm::barrier(group)).py()
}

/// Ends the whole job with `code` (after an uncaught exception on one process).
#[pyfunction]
pub fn comm_abort(code: i32) {
    comm::abort(code)
}

/// AllReduce of `x` with the MindSpore op name `op` over `group`.
#[pyfunction]
pub fn all_reduce(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    op: &str,
    group: &str,
) -> PyResult<PyTensor> {
    let op = reduce_op("AllReduce", op)?;
    collective(py, x, |t| comm::all_reduce(t, op, group))
}

/// AllGather of `x` along axis 0 over `group`.
#[pyfunction]
pub fn all_gather(py: Python<'_>, x: &Bound<'_, PyAny>, group: &str) -> PyResult<PyTensor> {
    collective(py, x, |t| comm::all_gather(t, group))
}

/// ReduceScatter of `x` along axis 0 with `op` over `group`.
#[pyfunction]
pub fn reduce_scatter(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    op: &str,
    group: &str,
) -> PyResult<PyTensor> {
    let op = reduce_op("ReduceScatter", op)?;
    collective(py, x, |t| comm::reduce_scatter(t, op, group))
}

/// Broadcast of `x` from group rank `root` over `group`.
#[pyfunction]
pub fn broadcast(
    py: Python<'_>,
    x: &Bound<'_, PyAny>,
    root: usize,
    group: &str,
) -> PyResult<PyTensor> {
    collective(py, x, |t| comm::broadcast(t, root, group))
}

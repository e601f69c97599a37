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

/// The switch of the overlapped gradient all-reduce (`DistributedGradReducer` makes one): the
/// bucket plan, handed to `grad_call(..., reducer=)`, which then reduces the weights' gradients
/// while the backward pass runs (`easy_mindspore::comm::overlap`). `stats()` tells what the last
/// pass did.
#[pyclass(module = "easy_mindspore._C", frozen)]
pub struct GradOverlap {
    pub(crate) plan: comm::BucketPlan,
    last: std::sync::Mutex<comm::OverlapStats>,
}

#[pymethods]
impl GradOverlap {
    /// A plan for `n` gradients grouped in `buckets` (lists of indices), summed over `group`
    /// and divided by `degree` when `mean`.
    #[new]
    fn new(
        n: usize,
        buckets: Vec<Vec<usize>>,
        group: &str,
        mean: bool,
        degree: usize,
    ) -> PyResult<GradOverlap> {
        Ok(GradOverlap {
            plan: comm::BucketPlan::new(n, buckets, group, mean, degree).py()?,
            last: Default::default(),
        })
    }

    /// The last pass: `{"reports": per-gradient report counts, "started": buckets in start
    /// order, "unfinished_at_start": gradients not yet final when each started}`.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let s = self.last.lock().map(|s| s.clone()).unwrap_or_default();
        let d = pyo3::types::PyDict::new(py);
        d.set_item("reports", s.reports)?;
        d.set_item("started", s.started)?;
        d.set_item("unfinished_at_start", s.unfinished_at_start)?;
        Ok(d)
    }
}

impl GradOverlap {
    /// Runs `back` for `cts`, reducing the gradients from `offset` on while it runs.
    pub(crate) fn apply(
        &self,
        back: &ems::VjpFn,
        cts: &[ems::Tensor],
        offset: usize,
    ) -> ems::Result<Vec<ems::Tensor>> {
        let (grads, stats) = self.plan.apply(back, cts, offset)?;
        if let Ok(mut last) = self.last.lock() {
            *last = stats;
        }
        Ok(grads)
    }
}

//! `jit` for Python: `easy_mindspore._C.Jit` wraps the engine's [`ems::jit::Jit`] around a Python
//! function of a flat list of tensors that returns `(list of tensors, aux)`. The engine calls the
//! function only while it traces (a call that no cached graph answers); `aux` (any Python object,
//! `easy_mindspore/_jit.py` keeps the output structure there) is stored with the graph and
//! returned by every call that reuses it. Arguments, pytrees and static values are handled in
//! `_jit.py`.
//!
//! A Python exception raised by the function is re-raised unchanged (see `errors.rs`). While the
//! function runs, [`TraceScope`] tells the tensor handles which trace is current, so a handle
//! made before it is known to be a constant of the graph (see `tensor.rs`).

use crate::errors::{guarded, type_err, IntoPy};
use crate::gil::{maybe_allow_threads, numel_of};
use crate::handle::{PyTensor, TraceScope};
use crate::transforms::{py_list, tensor_items};
use easy_mindspore as ems;
use ems::jit::Aux;
use ems::Tensor;
use pyo3::gc::PyVisit;
use pyo3::prelude::*;
use pyo3::PyTraverseError;
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// A Python callable shared by a pyclass and the engine closures that call it back. The pyclass
/// shows it to Python's garbage collector (`__traverse__`) and lets it go when the collector
/// breaks a cycle (`__clear__`), after which a call back is an error instead of a crash. The
/// lock is held only to clone or take the handle, never while Python code runs.
pub struct PyFnSlot(Mutex<Option<Py<PyAny>>>);

impl PyFnSlot {
    /// A slot holding `f`.
    pub fn new(f: Py<PyAny>) -> Arc<PyFnSlot> {
        Arc::new(PyFnSlot(Mutex::new(Some(f))))
    }

    fn lock(&self) -> MutexGuard<'_, Option<Py<PyAny>>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The callable (a new reference); an error once the collector took it (`op` names the
    /// transform in it).
    pub fn get(&self, py: Python<'_>, op: &'static str) -> ems::Result<Py<PyAny>> {
        self.lock()
            .as_ref()
            .map(|f| f.clone_ref(py))
            .ok_or_else(|| ems::Error::Transform {
                op,
                msg: "the function was released by the garbage collector (it was part of a \
                      reference cycle that nothing else reached) and cannot run"
                    .into(),
            })
    }

    /// Shows the callable to the garbage collector. Never waits: a slot busy on another thread
    /// is skipped (its objects then simply survive this collection).
    pub fn traverse(&self, visit: &PyVisit<'_>) -> Result<(), PyTraverseError> {
        match self.0.try_lock() {
            Ok(f) => visit.call(f.as_ref()),
            Err(std::sync::TryLockError::Poisoned(p)) => visit.call(p.into_inner().as_ref()),
            Err(std::sync::TryLockError::WouldBlock) => Ok(()),
        }
    }

    /// Lets the callable go (dropped after the lock: dropping it may run Python code).
    pub fn clear(&self) {
        let f = self.lock().take();
        drop(f);
    }
}

/// Calls the Python function `f(list_of_tensors) -> (list_of_tensors, aux)` for the engine.
fn call_traced(f: &PyFnSlot, xs: &[Tensor]) -> ems::Result<(Vec<Tensor>, Aux)> {
    Python::with_gil(|py| {
        let f = f.get(py, "jit")?;
        let _scope = TraceScope::enter();
        guarded(|| {
            let out = f.bind(py).call1((py_list(py, xs)?,))?;
            let (ts, aux): (Bound<'_, PyAny>, Bound<'_, PyAny>) = out.extract().map_err(|_| {
                type_err("the jitted function must return (list of tensors, aux object)")
            })?;
            let tensors = tensor_items(&ts, "the jitted function's output list")?;
            let aux: Arc<dyn Any + Send + Sync> = Arc::new(aux.unbind());
            Ok((tensors, Some(aux)))
        })
    })
}

/// Runs `f`, turning a Rust panic into an engine error (a panic must never reach Python).
pub(crate) fn no_panic<T>(f: impl FnOnce() -> ems::Result<T>) -> ems::Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        Err(ems::Error::Transform {
            op: "jit",
            msg: format!("internal error while running the function: {what}"),
        })
    })
}

/// Runs `f` (no panic escapes), with the GIL released when the inputs are large.
fn maybe_without_gil<T: Send>(
    py: Python<'_>,
    xs: &[Tensor],
    f: impl FnOnce() -> ems::Result<T> + Send,
) -> ems::Result<T> {
    maybe_allow_threads(py, numel_of(xs), || no_panic(f))
}

fn values(inputs: &[Bound<'_, PyTensor>]) -> Vec<Tensor> {
    inputs.iter().map(|x| x.borrow().value()).collect()
}

/// A staged Python function with its cache of graphs (`Jit(fn)`).
///
/// It takes part in Python's garbage collection: the function (often a bound method of the
/// object that holds this `Jit`, a reference cycle) and the `aux` objects of the cached graphs
/// are shown to the collector, and clearing drops them together with the cached graphs and the
/// tensor constants these hold.
#[pyclass(module = "easy_mindspore._C", name = "Jit", frozen)]
pub struct PyJit {
    func: Arc<PyFnSlot>,
    inner: Arc<ems::jit::Jit>,
}

#[pymethods]
impl PyJit {
    /// `fn(list_of_tensors) -> (list_of_tensors, aux)`; it runs only when a call is traced.
    #[new]
    fn new(f: Bound<'_, PyAny>) -> PyResult<PyJit> {
        if !f.is_callable() {
            return Err(type_err("For 'jit', the function must be callable"));
        }
        let func = PyFnSlot::new(f.unbind());
        let slot = func.clone();
        Ok(PyJit {
            func,
            inner: Arc::new(ems::jit::Jit::new(move |xs: &[Tensor]| {
                call_traced(&slot, xs)
            })),
        })
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        self.func.traverse(&visit)?;
        self.inner
            .try_for_each_aux(|a| match a.downcast_ref::<Py<PyAny>>() {
                Some(obj) => visit.call(obj),
                None => Ok(()),
            })
    }

    fn __clear__(&self) {
        self.func.clear();
        self.inner.clear_cache();
    }

    /// Calls the function on a list of tensors: `(outputs, aux)`, from a cached graph when one
    /// fits, else by tracing it.
    fn __call__(
        &self,
        py: Python<'_>,
        inputs: Vec<Bound<'_, PyTensor>>,
    ) -> PyResult<(Vec<PyTensor>, PyObject)> {
        // The handles are not borrowed while the function runs (it may rebind them).
        let xs = values(&inputs);
        drop(inputs);
        let jit = &self.inner;
        let (outs, aux) = maybe_without_gil(py, &xs, || jit.call_with_aux(&xs)).py()?;
        let aux = aux
            .as_ref()
            .and_then(|a| a.downcast_ref::<Py<PyAny>>())
            .map_or_else(|| py.None(), |a| a.clone_ref(py));
        Ok((outs.into_iter().map(PyTensor::new).collect(), aux))
    }

    /// `(hits, traces, graphs)`: calls answered from the cache, calls traced, graphs cached now.
    fn cache_info(&self) -> (u64, u64, usize) {
        let s = self.inner.stats();
        (s.hits, s.traces, s.graphs)
    }

    /// The cached graphs as text (most recently used first).
    fn graphs(&self) -> Vec<String> {
        self.inner
            .graphs()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Why the function's last trace could not be cached (it then runs traced at every call).
    fn uncached_reason(&self) -> Option<String> {
        self.inner.uncached_reason()
    }
}

/// A counter of changes to some Python-side state that compiled graphs may depend on (a cell's
/// training mode): `jit_note_captured(v)` while tracing makes the graphs traced now valid only
/// while `v` is unchanged; `v.bump()` counts a change.
#[pyclass(module = "easy_mindspore._C", name = "Version")]
#[derive(Default)]
pub struct PyVersion(ems::Version);

#[pymethods]
impl PyVersion {
    #[new]
    fn new() -> PyVersion {
        PyVersion::default()
    }

    /// Counts one change.
    fn bump(&self) {
        self.0.bump();
    }

    /// The current count.
    #[getter]
    fn value(&self) -> u64 {
        self.0.get()
    }
}

/// Adds `Jit`, `Version`, `jit_note_captured` and `make_graph` to `_C`.
pub fn add_to(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyJit>()?;
    m.add_class::<PyVersion>()?;
    m.add_function(wrap_pyfunction!(jit_note_captured, m)?)?;
    m.add_function(wrap_pyfunction!(make_graph, m)?)
}

/// Records, in every graph being traced on this thread, that it depends on `version` (nothing
/// when no trace runs).
#[pyfunction]
pub fn jit_note_captured(version: PyRef<'_, PyVersion>) {
    ems::jit::note_captured(&version.0);
}

/// The graph of `fn(list_of_tensors) -> list_of_tensors` at `inputs`, as traced (before
/// optimisation), as text. The parameters `fn` writes keep their values.
#[pyfunction]
pub fn make_graph(f: &Bound<'_, PyAny>, inputs: Vec<Bound<'_, PyTensor>>) -> PyResult<String> {
    if !f.is_callable() {
        return Err(type_err("For 'make_graph', the function must be callable"));
    }
    let xs = values(&inputs);
    drop(inputs);
    let f = f.clone().unbind();
    let run = |xs: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        Python::with_gil(|py| {
            let _scope = TraceScope::enter();
            guarded(|| {
                let out = f.bind(py).call1((py_list(py, xs)?,))?;
                tensor_items(&out, "the function's output list")
            })
        })
    };
    let g = no_panic(|| ems::jit::make_graph(run, &xs)).py()?;
    Ok(g.to_string())
}

//! Scopes the Python front opens with `with`: `NoGradScope`, MindSpore's `_no_grad`.

use easy_mindspore as ems;
use pyo3::prelude::*;

/// A context manager over [`ems::NoGrad`]: inside `with`, the transformations running when it
/// was entered do not differentiate what is computed. One per thread (the engine's scope is
/// thread-local), so the class is `unsendable`.
#[pyclass(module = "easy_mindspore._C", name = "NoGradScope", unsendable)]
pub struct NoGradScope {
    guards: Vec<ems::NoGrad>,
}

#[pymethods]
impl NoGradScope {
    #[new]
    fn new() -> NoGradScope {
        NoGradScope { guards: Vec::new() }
    }

    fn __enter__(&mut self) {
        self.guards.push(ems::NoGrad::new());
    }

    /// Ends the innermost scope this object entered; never swallows an exception.
    #[pyo3(signature = (*_exc))]
    fn __exit__(&mut self, _exc: &Bound<'_, pyo3::types::PyTuple>) -> bool {
        drop(self.guards.pop());
        false
    }
}

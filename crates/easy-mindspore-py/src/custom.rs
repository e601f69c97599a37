//! Custom gradients for Python: `easy_mindspore._C.CustomVjp` wraps the engine's [`CustomVjp`]
//! around two Python callables. The engine calls them back (holding the GIL) whenever it
//! evaluates, differentiates or batches the function, so they can run several times per call and
//! under any transform. The `bprop` decorator API is `easy_mindspore/_custom.py`.
//!
//! [`CustomVjp`]: easy_mindspore::CustomVjp

use crate::errors::{guarded, type_err, IntoPy};
use crate::handle::PyTensor;
use crate::jit::PyFnSlot;
use crate::transforms::{py_list, tensor_items};
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::gc::PyVisit;
use pyo3::prelude::*;
use pyo3::PyTraverseError;
use std::sync::Arc;

/// A function with a custom backward rule (`CustomVjp(name, forward, backward)`).
///
/// It takes part in Python's garbage collection (a `Cell` with a `bprop` holds one whose
/// forward function calls the cell back: a reference cycle). The two functions are shown to the
/// collector only while no tape or graph holds a clone of the engine's function: such a clone
/// may still call them, so they must stay alive until it is gone.
#[pyclass(module = "easy_mindspore._C", name = "CustomVjp", frozen)]
pub struct PyCustomVjp {
    inner: ems::CustomVjp,
    forward: Arc<PyFnSlot>,
    backward: Arc<PyFnSlot>,
}

#[pymethods]
impl PyCustomVjp {
    /// `forward(list_of_tensors) -> Tensor`; `backward(list_of_tensors, out, dout) ->
    /// list_of_tensors` with one gradient per input. `name` appears in errors.
    #[new]
    fn new(name: &str, forward: Py<PyAny>, backward: Py<PyAny>) -> PyCustomVjp {
        let (forward, backward) = (PyFnSlot::new(forward), PyFnSlot::new(backward));
        let fname = name.to_string();
        let fslot = forward.clone();
        let fwd = move |xs: &[Tensor]| -> ems::Result<Tensor> {
            Python::with_gil(|py| {
                let forward = fslot.get(py, "custom_vjp")?;
                guarded(|| {
                    let out = forward.bind(py).call1((py_list(py, xs)?,))?;
                    let t = out.downcast::<PyTensor>().map_err(|_| {
                        type_err(format!(
                            "For 'custom_vjp', {fname}: the function must return one Tensor, but \
                             got {}",
                            out.get_type()
                                .name()
                                .map(|n| n.to_string())
                                .unwrap_or_default()
                        ))
                    })?;
                    let v = t.borrow().value();
                    Ok(v)
                })
            })
        };
        let bname = format!("For 'custom_vjp', {name}: the gradients returned by bprop");
        let bslot = backward.clone();
        let bwd = move |xs: &[Tensor], out: &Tensor, dout: &Tensor| -> ems::Result<Vec<Tensor>> {
            Python::with_gil(|py| {
                let backward = bslot.get(py, "custom_vjp")?;
                guarded(|| {
                    let args = (
                        py_list(py, xs)?,
                        PyTensor::new(out.clone()),
                        PyTensor::new(dout.clone()),
                    );
                    tensor_items(&backward.bind(py).call1(args)?, &bname)
                })
            })
        };
        PyCustomVjp {
            inner: ems::CustomVjp::new(name, fwd, bwd),
            forward,
            backward,
        }
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        if self.inner.is_shared() {
            return Ok(());
        }
        self.forward.traverse(&visit)?;
        self.backward.traverse(&visit)
    }

    fn __clear__(&self) {
        if !self.inner.is_shared() {
            self.forward.clear();
            self.backward.clear();
        }
    }

    /// Applies the function to a list of tensors.
    fn __call__(&self, inputs: Vec<PyRef<'_, PyTensor>>) -> PyResult<PyTensor> {
        let xs: Vec<Tensor> = inputs.iter().map(|x| x.value()).collect();
        self.inner.call(&xs).py().map(PyTensor::new)
    }

    /// The name given at construction.
    #[getter]
    fn name(&self) -> String {
        self.inner.name().to_string()
    }
}

//! Custom gradients for Python: `easy_mindspore._C.CustomVjp` wraps the engine's [`CustomVjp`]
//! around two Python callables. The engine calls them back (holding the GIL) whenever it
//! evaluates, differentiates or batches the function, so they can run several times per call and
//! under any transform. The `bprop` decorator API is `easy_mindspore/_custom.py`.
//!
//! [`CustomVjp`]: easy_mindspore::CustomVjp

use crate::errors::{guarded, type_err, IntoPy};
use crate::handle::PyTensor;
use crate::transforms::{py_list, tensor_items};
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;

/// A function with a custom backward rule (`CustomVjp(name, forward, backward)`).
#[pyclass(module = "easy_mindspore._C", name = "CustomVjp", frozen)]
pub struct PyCustomVjp {
    inner: ems::CustomVjp,
}

#[pymethods]
impl PyCustomVjp {
    /// `forward(list_of_tensors) -> Tensor`; `backward(list_of_tensors, out, dout) ->
    /// list_of_tensors` with one gradient per input. `name` appears in errors.
    #[new]
    fn new(name: &str, forward: Py<PyAny>, backward: Py<PyAny>) -> PyCustomVjp {
        let fname = name.to_string();
        let fwd = move |xs: &[Tensor]| -> ems::Result<Tensor> {
            Python::with_gil(|py| {
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
        let bwd = move |xs: &[Tensor], out: &Tensor, dout: &Tensor| -> ems::Result<Vec<Tensor>> {
            Python::with_gil(|py| {
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

//! The two differentiation primitives for Python, `vjp` and `jvp`, over flat lists of tensors
//! (MindSpore's `vjp`/`jvp` structures are built in `easy_mindspore/ops/functional.py`; the grad
//! API has its own entry point in `grad.rs`). A Python exception raised inside the traced
//! function is re-raised unchanged.

use crate::errors::{type_err, IntoPy};
use crate::tensor::PyTensor;
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;
use std::cell::RefCell;

/// Calls the Python function on traced tensors; stores a Python exception in `err`.
fn call_py(
    f: &Bound<'_, PyAny>,
    xs: &[Tensor],
    err: &RefCell<Option<PyErr>>,
) -> ems::Result<Vec<Tensor>> {
    let py = f.py();
    let result = (|| -> PyResult<Vec<Tensor>> {
        let args = xs
            .iter()
            .map(|x| Bound::new(py, PyTensor::new(x.clone())))
            .collect::<PyResult<Vec<_>>>()?;
        let out = f.call1((args,))?;
        let mut v = Vec::new();
        for o in out.try_iter()? {
            let o = o?;
            let t = o
                .downcast::<PyTensor>()
                .map_err(|_| type_err("the traced function must return a list of Tensors"))?;
            v.push(t.borrow().inner.clone());
        }
        Ok(v)
    })();
    result.map_err(|e| {
        *err.borrow_mut() = Some(e);
        ems::Error::Transform {
            op: "python",
            msg: "the function raised".into(),
        }
    })
}

fn tensors(xs: Vec<PyRef<'_, PyTensor>>) -> Vec<Tensor> {
    xs.iter().map(|x| x.inner.clone()).collect()
}

fn wrap_all(v: Vec<Tensor>) -> Vec<PyTensor> {
    v.into_iter().map(PyTensor::new).collect()
}

/// The backward function returned by [`vjp`].
#[pyclass(module = "easy_mindspore._C", name = "VjpFn")]
pub struct PyVjpFn {
    inner: ems::VjpFn,
}

#[pymethods]
impl PyVjpFn {
    /// Input cotangents (a list, one per input) for output cotangents (one per output).
    fn __call__(
        &self,
        py: Python<'_>,
        cotangents: Vec<PyRef<'_, PyTensor>>,
    ) -> PyResult<Vec<PyTensor>> {
        let cts = tensors(cotangents);
        let big = cts.iter().map(Tensor::numel).sum::<usize>() > 1 << 16;
        let r = if big {
            py.allow_threads(|| self.inner.apply(&cts))
        } else {
            self.inner.apply(&cts)
        };
        r.py().map(wrap_all)
    }
}

/// `vjp(f, inputs)`: runs `f(list_of_traced_tensors) -> list_of_tensors` under a tape; returns the
/// outputs and the backward function.
#[pyfunction]
pub fn vjp(
    f: &Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
) -> PyResult<(Vec<PyTensor>, PyVjpFn)> {
    let err = RefCell::new(None);
    let r = ems::vjp_flat(|xs| call_py(f, xs, &err), &tensors(inputs));
    if let Some(e) = err.into_inner() {
        return Err(e);
    }
    let (outs, back) = r.py()?;
    Ok((wrap_all(outs), PyVjpFn { inner: back }))
}

/// `jvp(f, inputs, tangents)`: the outputs of `f` and their tangents.
#[pyfunction]
pub fn jvp(
    f: &Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
    tangents: Vec<PyRef<'_, PyTensor>>,
) -> PyResult<(Vec<PyTensor>, Vec<PyTensor>)> {
    let err = RefCell::new(None);
    let r = ems::jvp_flat(
        |xs| call_py(f, xs, &err),
        &tensors(inputs),
        &tensors(tangents),
    );
    if let Some(e) = err.into_inner() {
        return Err(e);
    }
    let (outs, tans) = r.py()?;
    Ok((wrap_all(outs), wrap_all(tans)))
}

//! The differentiation transforms for Python over flat lists of tensors: `vjp`, `jvp` and the
//! Jacobians `jacrev`/`jacfwd`. MindSpore's structures (tuples, positions, `has_aux`) are built in
//! `easy_mindspore/ops/functional.py` and `easy_mindspore/_jacobian.py`; the grad API has its own
//! entry point in `grad.rs`, `vmap` is in `vmap.rs`. A Python exception raised inside the traced
//! function is re-raised unchanged (see `errors.rs`).

use crate::errors::{guarded, type_err, IntoPy};
use crate::gil::{maybe_allow_threads, numel_of};
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;
use pyo3::types::PyList;

/// Engine values as a Python list of fresh `Tensor` handles.
pub fn py_list<'py>(py: Python<'py>, xs: &[Tensor]) -> PyResult<Bound<'py, PyList>> {
    let items = xs
        .iter()
        .map(|x| Bound::new(py, PyTensor::new(x.clone())))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// The tensors of a Python iterable of `Tensor`s; `what` names the iterable in the error.
pub fn tensor_items(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<Tensor>> {
    let mut v = Vec::new();
    for o in obj.try_iter()? {
        let o = o?;
        let t = o.downcast::<PyTensor>().map_err(|_| {
            type_err(format!(
                "{what} must contain only Tensors, but got {}",
                o.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        v.push(t.borrow().value());
    }
    Ok(v)
}

/// Calls `f(list_of_tensors) -> list_of_tensors` for the engine.
fn call_flat(f: &Bound<'_, PyAny>, xs: &[Tensor]) -> ems::Result<Vec<Tensor>> {
    guarded(|| {
        let out = f.call1((py_list(f.py(), xs)?,))?;
        tensor_items(&out, "the traced function's output list")
    })
}

fn tensors(xs: Vec<PyRef<'_, PyTensor>>) -> Vec<Tensor> {
    xs.iter().map(|x| x.value()).collect()
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
        maybe_allow_threads(py, numel_of(&cts), || self.inner.apply(&cts))
            .py()
            .map(wrap_all)
    }
}

/// `vjp(f, inputs, weights=[])`: runs `f(list_of_traced_tensors) -> list_of_tensors` under a tape
/// with the `weights` (tensors `f` reads from outside, e.g. Parameters) bound to traced values;
/// returns the outputs and the backward function, whose cotangents are the inputs' then the
/// weights'.
#[pyfunction]
#[pyo3(signature = (f, inputs, weights=Vec::new()))]
pub fn vjp(
    f: &Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
    weights: Vec<Bound<'_, PyTensor>>,
) -> PyResult<(Vec<PyTensor>, PyVjpFn)> {
    let xs = tensors(inputs);
    let vars: Vec<ems::Var> = weights.iter().map(|w| w.get().var()).collect();
    let (outs, back) = ems::vjp_flat_with_vars(|xs| call_flat(f, xs), &xs, &vars).py()?;
    Ok((wrap_all(outs), PyVjpFn { inner: back }))
}

/// `jvp(f, inputs, tangents)`: the outputs of `f` and their tangents.
#[pyfunction]
pub fn jvp(
    f: &Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
    tangents: Vec<PyRef<'_, PyTensor>>,
) -> PyResult<(Vec<PyTensor>, Vec<PyTensor>)> {
    let (outs, tans) =
        ems::jvp_flat(|xs| call_flat(f, xs), &tensors(inputs), &tensors(tangents)).py()?;
    Ok((wrap_all(outs), wrap_all(tans)))
}

type Jacobians = (Vec<PyTensor>, Vec<Vec<PyTensor>>);
type JacFlat = fn(
    &dyn Fn(&[Tensor]) -> ems::Result<Vec<Tensor>>,
    &[Tensor],
    &[usize],
) -> ems::Result<(Vec<Tensor>, Vec<Vec<Tensor>>)>;

fn jacobians(
    engine: JacFlat,
    f: &Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
    positions: Vec<usize>,
) -> PyResult<Jacobians> {
    let g = |xs: &[Tensor]| call_flat(f, xs);
    let (outs, jac) = engine(&g, &tensors(inputs), &positions).py()?;
    Ok((wrap_all(outs), jac.into_iter().map(wrap_all).collect()))
}

/// `jacrev(f, inputs, positions)`: `f`'s outputs and, for output `j` and position `k`, the
/// Jacobian `jac[j][k]` of shape `out_j.shape + inputs[positions[k]].shape`, by reverse mode
/// (one batched backward pass per output). `f` may be called more than once.
#[pyfunction]
pub fn jacrev(
    f: &Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
    positions: Vec<usize>,
) -> PyResult<Jacobians> {
    jacobians(ems::jacrev_flat, f, inputs, positions)
}

/// `jacfwd(f, inputs, positions)`: [`jacrev`]'s result by forward mode (one batched forward pass
/// per position; `f` is called once per position).
#[pyfunction]
pub fn jacfwd(
    f: &Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
    positions: Vec<usize>,
) -> PyResult<Jacobians> {
    jacobians(ems::jacfwd_flat, f, inputs, positions)
}

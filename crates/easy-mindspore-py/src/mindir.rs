//! MindIR files for Python (`mindspore.export(..., file_format="MINDIR")`, `mindspore.load`):
//! the engine's [`ems::nn::mindir`] writes and reads them; `easy_mindspore/train/_mindir.py`
//! names the parameters, and runs a loaded graph's nodes by their MindSpore primitives.

use crate::convert::dtype_to_py;
use crate::errors::{guarded, IntoPy};
use crate::handle::{PyTensor, TraceScope};
use crate::jit::no_panic;
use crate::transforms::{py_list, tensor_items};
use easy_mindspore as ems;
use ems::nn::mindir::{Graph, Model, Value};
use ems::Tensor;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use std::path::Path;

/// Adds this module's functions to `_C`.
pub fn add_to(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(export_mindir, m)?)?;
    m.add_function(wrap_pyfunction!(read_mindir, m)?)
}

/// Writes the MindIR file of `f(list_of_tensors) -> list_of_tensors` at `inputs` to `path`
/// (atomically); `named` gives the parameters' names.
#[pyfunction]
pub fn export_mindir(
    py: Python<'_>,
    f: Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
    named: Vec<(String, PyRef<'_, PyTensor>)>,
    path: &str,
) -> PyResult<()> {
    let xs: Vec<Tensor> = inputs.iter().map(|x| x.value()).collect();
    let names: Vec<(String, ems::Var)> = named.iter().map(|(n, p)| (n.clone(), p.var())).collect();
    drop((inputs, named));
    let f = f.unbind();
    let run = |xs: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        let _scope = TraceScope::enter();
        guarded(|| {
            let out = f.bind(py).call1((py_list(py, xs)?,))?;
            tensor_items(&out, "the network's outputs")
        })
    };
    let bytes = no_panic(|| ems::nn::mindir::export(run, &xs, &names)).py()?;
    py.allow_threads(|| ems::nn::checkpoint::file::write_atomic(Path::new(path), &bytes))
        .py()
}

/// The graphs of the MindIR file at `path`, as a dict: `producer`, `params` (name, key, Tensor),
/// `graph` and `functions` (its sub-graphs), each graph a dict of `name`, `inputs` (name, shape,
/// dtype; None for an untyped input), `constants` {name: value}, `nodes` (output, op,
/// functional, {attribute: value}, input names) and `outputs`.
#[pyfunction]
pub fn read_mindir<'py>(py: Python<'py>, path: &str) -> PyResult<Bound<'py, PyDict>> {
    let model = py
        .allow_threads(|| {
            let bytes = ems::nn::checkpoint::file::read_regular(Path::new(path)).map_err(|e| {
                ems::Error::invalid("load", format!("{path}: cannot read the file: {e}"))
            })?;
            no_panic(|| ems::nn::mindir::read(&bytes))
        })
        .py()?;
    model_to_py(py, &model)
}

fn model_to_py<'py>(py: Python<'py>, m: &Model) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("producer", &m.producer)?;
    let params = PyList::empty(py);
    for p in &m.params {
        params.append((&p.name, &p.key, PyTensor::new(p.value.clone())))?;
    }
    d.set_item("params", params)?;
    d.set_item("graph", graph_to_py(py, &m.graph)?)?;
    let functions = PyList::empty(py);
    for f in &m.functions {
        functions.append(graph_to_py(py, f)?)?;
    }
    d.set_item("functions", functions)?;
    Ok(d)
}

fn graph_to_py<'py>(py: Python<'py>, g: &Graph) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("name", &g.name)?;
    let inputs = PyList::empty(py);
    for (name, ty) in &g.inputs {
        match ty {
            Some((shape, dt)) => {
                inputs.append((name, PyTuple::new(py, shape)?, dtype_to_py(py, *dt)?))?
            }
            None => inputs.append((name, py.None(), py.None()))?,
        }
    }
    d.set_item("inputs", inputs)?;
    let consts = PyDict::new(py);
    for (name, v) in &g.constants {
        consts.set_item(name, value_to_py(py, v)?)?;
    }
    d.set_item("constants", consts)?;
    let nodes = PyList::empty(py);
    for n in &g.nodes {
        let attrs = PyDict::new(py);
        for (k, v) in &n.attrs {
            attrs.set_item(k, value_to_py(py, v)?)?;
        }
        nodes.append((
            &n.output,
            &n.op,
            n.functional,
            attrs,
            PyList::new(py, &n.inputs)?,
        ))?;
    }
    d.set_item("nodes", nodes)?;
    d.set_item("outputs", PyList::new(py, &g.outputs)?)?;
    Ok(d)
}

/// A value as Python sees it; the state token is `None` (only `Load`, `UpdateState` and
/// `Depend` take it, and they ignore it).
fn value_to_py(py: Python<'_>, v: &Value) -> PyResult<PyObject> {
    Ok(match v {
        Value::None | Value::Monad => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Int(i) => i.into_pyobject(py)?.into_any().unbind(),
        Value::Float(f) => f.into_pyobject(py)?.into_any().unbind(),
        Value::Str(s) => s.into_pyobject(py)?.into_any().unbind(),
        Value::Seq(items) => {
            let xs = items
                .iter()
                .map(|x| value_to_py(py, x))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, xs)?.into_any().unbind()
        }
        Value::Tensor(t) => Bound::new(py, PyTensor::new(t.clone()))?
            .into_any()
            .unbind(),
        Value::Type(dt) => dtype_to_py(py, *dt)?,
    })
}

//! Python index keys (`x[1, ::2, None, [0, 1], mask]`) to the engine's [`Index`] entries, for
//! `Tensor.__getitem__`/`__setitem__`.

use crate::convert::{py_integer, tensor_from_data, type_label, PyInteger};
use crate::errors::{index_err, type_err, IntoPy};
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::{DType, Index, Tensor};
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice, PyTuple};

/// A slice bound or step: an int (one outside int64 is clamped to it, which indexes the same
/// elements, as every axis is shorter) or `None`.
fn slice_part(v: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match py_integer(v) {
        PyInteger::Fits(i) => Ok(Some(i)),
        PyInteger::TooBig(_) => Ok(Some(if v.lt(0)? { i64::MIN + 1 } else { i64::MAX })),
        PyInteger::NotInt => Err(type_err(format!(
            "slice indices must be integers or None or have an __index__ method, but got {}",
            type_label(v)
        ))),
    }
}

/// A list, tuple or array used as an index: an integer tensor (Int64), or a Bool mask when every
/// element is a bool (`x[[True, False, True]]`, as NumPy and MindSpore).
fn sequence_index(k: &Bound<'_, PyAny>) -> PyResult<Index> {
    if k.len()? == 0 {
        // `x[[]]` selects nothing (NumPy reads an empty list as integers).
        return Ok(Index::Tensor(
            Tensor::from_vec(Vec::<i64>::new(), &[0]).py()?,
        ));
    }
    let t = tensor_from_data(k, None)?;
    match t.dtype() {
        DType::Bool => Ok(Index::Tensor(t)),
        d if d.kind() == ems::dtype::Kind::Int => {
            Ok(Index::Tensor(ems::cast(&t, DType::Int64).py()?))
        }
        d => Err(index_err(format!(
            "arrays used as indices must be of integer (or boolean) type, got {d}"
        ))),
    }
}

/// One entry of an index expression. A 0-D integer tensor is read as an int, except inside `vmap`
/// when it varies across the batch: reading it is impossible there, so it indexes as a tensor (a
/// gather, which batches) when `gather_batched` allows, and is an error otherwise. A bool is a
/// 0-D mask (`x[True]` adds an axis of size 1, `x[False]` one of size 0).
fn index_entry(py: Python<'_>, k: &Bound<'_, PyAny>, gather_batched: bool) -> PyResult<Index> {
    if k.is_none() {
        return Ok(Index::NewAxis);
    }
    if k.is(py.Ellipsis()) {
        return Ok(Index::Ellipsis);
    }
    if let Ok(s) = k.downcast::<PySlice>() {
        let get = |n: &str| slice_part(&s.getattr(n)?);
        return Ok(Index::Slice(get("start")?, get("stop")?, get("step")?));
    }
    if let Ok(t) = k.downcast::<PyTensor>() {
        let t = t.borrow().value();
        // The narrow and unsigned integers index as Int64 does (NumPy takes any integer array).
        let t = match t.dtype() {
            d if d.kind() == ems::dtype::Kind::Int && !matches!(d, DType::Int32 | DType::Int64) => {
                ems::cast(&t, DType::Int64).py()?
            }
            _ => t,
        };
        return match t.dtype() {
            DType::Int32 | DType::Int64 if t.ndim() == 0 && t.is_batched() && gather_batched => {
                Ok(Index::Tensor(t))
            }
            DType::Int32 | DType::Int64 if t.ndim() == 0 => {
                t.check_readable("the value of an index").py()?;
                Ok(Index::Int(t.to_vec::<i64>()[0]))
            }
            DType::Int32 | DType::Int64 | DType::Bool => Ok(Index::Tensor(t)),
            d => Err(index_err(format!(
                "tensors used as indices must be integers or Bool, got {d}"
            ))),
        };
    }
    if k.is_instance_of::<pyo3::types::PyBool>()
        || matches!(k.get_type().name()?.to_string().as_str(), "bool" | "bool_")
    {
        let b = k.is_truthy()?;
        return Ok(Index::Tensor(Tensor::scalar(b)));
    }
    match py_integer(k) {
        PyInteger::Fits(i) => return Ok(Index::Int(i)),
        PyInteger::TooBig(v) => {
            return Err(index_err(format!(
                "index {v} is out of bounds (it does not fit in int64)"
            )))
        }
        PyInteger::NotInt => {}
    }
    // An array-like with a length (a NumPy scalar of another kind has none: it is no index).
    if k.is_instance_of::<PyList>()
        || k.is_instance_of::<PyTuple>()
        || (k.hasattr("__array__")? && k.len().is_ok())
    {
        return sequence_index(k);
    }
    Err(index_err(format!(
        "Only support integers, slices(`:`), ellipsis(`...`), None, bool, tensor, int, list and tuple as index, but got {}",
        type_label(k)
    )))
}

pub(crate) fn parse_index(
    py: Python<'_>,
    key: &Bound<'_, PyAny>,
    gather_batched: bool,
) -> PyResult<Vec<Index>> {
    if let Ok(t) = key.downcast::<PyTuple>() {
        t.iter()
            .map(|k| index_entry(py, &k, gather_batched))
            .collect()
    } else {
        Ok(vec![index_entry(py, key, gather_batched)?])
    }
}

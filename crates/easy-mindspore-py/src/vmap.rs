//! `vmap` for Python over flat lists of tensors. `easy_mindspore/_vmap.py` matches `in_axes` and
//! `out_axes` to the arguments' and outputs' structures, checks them with messages that name the
//! arguments, and moves the batch axis of each output where `out_axes` asks.
//!
//! The output structure, and so which outputs have `out_axes=None`, is only known once the
//! function has run inside the engine's `vmap`, after its `out_axes` were fixed. So the Python
//! function returns two lists: the outputs to batch (the engine returns them batched along axis 0,
//! broadcast when they do not vary), and the outputs that must not vary across the batch, which
//! are passed back as they are. An output of the second kind that did vary is a value of the
//! finished `vmap` (see [`varies`]).

use crate::errors::{guarded, type_err, IntoPy};
use crate::handle::PyTensor;
use crate::transforms::{py_list, tensor_items};
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;
use std::cell::RefCell;

/// True when `t` holds a whole batch of the `vmap` that just ended (it varied across the batch).
fn varies(t: &Tensor) -> bool {
    t.is_escaped_batch()
}

/// `vmap(f, inputs, in_axes)`: runs `f` once on the whole batch. `in_axes[i]` is the batch axis of
/// `inputs[i]` (every input given is mapped; unmapped arguments stay in `f`'s closure). `f` gets
/// the list of per-example tensors and returns `(batched, unbatched)`: two lists of tensors.
/// Returns the `batched` outputs with the batch along axis 0, the `unbatched` ones unchanged, and
/// for each of those whether it in fact varied across the batch (an error for the caller).
#[pyfunction]
pub fn vmap(
    f: &Bound<'_, PyAny>,
    inputs: Vec<PyRef<'_, PyTensor>>,
    in_axes: Vec<isize>,
) -> PyResult<(Vec<PyTensor>, Vec<PyTensor>, Vec<bool>)> {
    let py = f.py();
    let inputs: Vec<Tensor> = inputs.iter().map(|x| x.value()).collect();
    let axes: Vec<Option<isize>> = in_axes.into_iter().map(Some).collect();
    let unbatched = RefCell::new(Vec::new());
    let batched = ems::vmap_flat(
        |xs| {
            guarded(|| {
                let out = f.call1((py_list(py, xs)?,))?;
                let (b, u): (Bound<'_, PyAny>, Bound<'_, PyAny>) = out.extract().map_err(|_| {
                    type_err("the vmapped function must return (batched list, unbatched list)")
                })?;
                *unbatched.borrow_mut() = tensor_items(&u, "the unbatched outputs")?;
                tensor_items(&b, "the batched outputs")
            })
        },
        &inputs,
        &axes,
        &[Some(0)],
    )
    .py()?;
    let unbatched = unbatched.into_inner();
    let flags = unbatched.iter().map(varies).collect();
    Ok((
        batched.into_iter().map(PyTensor::new).collect(),
        unbatched.into_iter().map(PyTensor::new).collect(),
        flags,
    ))
}

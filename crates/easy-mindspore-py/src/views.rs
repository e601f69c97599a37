//! Views that share their base's elements, as MindSpore 2.10's PyNative mode has them: a tensor
//! made by `view`, `reshape`, `transpose`/`permute`/`swapaxes`, `squeeze`/`expand_dims`,
//! `flatten`, `T` or basic indexing (`x[0]`, `x[:, 1:]`) of another one is a *view* of it, and an
//! in-place write to either (`__setitem__`, `copy_`, `fill_`, `add_`... the in-place methods)
//! shows in the other, up and down chains of views (measured on MindSpore 2.10, CPU:
//! `v = x.view(3, 2); v[0] = 100` changes `x`, and `x[0] = -1` changes `v`).
//!
//! The engine's values are immutable (a value may be shared by other handles, `copy()`, a tape,
//! a `jit` constant), so sharing is done at the handles, not the storage: a view's handle records
//! its base handle and the op that makes its value from the base's ([`Forward`]: the same engine
//! op, re-applied); the base keeps weak references to its live views. A write to a view writes
//! its elements back into the base (the op applied to the base's flat positions says where they
//! go) and goes on up the chain; then every live view below the written base is recomputed. Only
//! eager values link: a value a `grad`, `vmap` or `jit` traces is a value (so a traced function
//! never rebinds a handle it did not write). Advanced indexing (`x[[0]]`, `x[mask]`) gives
//! copies, as NumPy and MindSpore's documentation say.
//!
//! Linking costs a weak reference and a small record per call, in Rust (issue 19: the Python
//! linking it replaces ran a Python frame per `reshape` and basic index).

use crate::errors::IntoPy;
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::{Index, Tensor};
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyWeakrefReference};
use std::sync::Arc;

/// Makes a view's value from its base's: the view-making engine op with its arguments.
pub type Forward = Arc<dyn Fn(&Tensor) -> ems::Result<Tensor> + Send + Sync>;

/// How many weak references a base keeps before it drops those of dead views.
const PRUNE_AT: usize = 32;

/// A view's link to its base.
pub struct ViewLink {
    /// The base, in a 1-tuple: a long chain of views (`h = h.reshape(...)` in a loop) is freed
    /// through tuples, whose deallocation Python unwinds past 50 levels (its "trashcan"), where a
    /// chain of bare handles would recurse once per view and overflow the C stack.
    base: Py<PyTuple>,
    forward: Forward,
    /// The base's shape when the view was made: a base rebound to another shape (`set_data`)
    /// no longer shares elements with the view, and the link is dropped.
    shape: Vec<usize>,
}

/// The weak references a base keeps to its views (dead ones pruned now and then).
#[derive(Default)]
pub struct Views(Vec<Py<PyWeakrefReference>>);

/// The handle of `out`, a view `forward(base)` of `base`'s value, linked to `base` unless either
/// value is traced. `flags` as for [`PyTensor::flagged`].
pub fn link<'py>(
    base: &Bound<'py, PyTensor>,
    out: Tensor,
    flags: u8,
    forward: impl Fn(&Tensor) -> ems::Result<Tensor> + Send + Sync + 'static,
) -> PyResult<Bound<'py, PyTensor>> {
    let py = base.py();
    let b = base.get().value();
    if b.is_traced() || out.is_traced() {
        return Bound::new(py, PyTensor::flagged(out, flags));
    }
    let view = PyTensor::flagged(out, flags);
    view.set_view_link(ViewLink {
        base: PyTuple::new(py, [base])?.unbind(),
        forward: Arc::new(forward),
        shape: b.dims().to_vec(),
    });
    let view = Bound::new(py, view)?;
    let weak = PyWeakrefReference::new(&view)?.unbind();
    base.get().with_views(|v| {
        if v.0.len() >= PRUNE_AT {
            v.0.retain(|r| r.bind(py).upgrade().is_some());
        }
        v.0.push(weak);
    });
    Ok(view)
}

/// `(base, forward)` while `view` is still a view of `base`: a base rebound to another shape or
/// dtype since (`set_data`) no longer shares elements with it, and the link is dropped.
fn live<'py>(view: &Bound<'py, PyTensor>) -> Option<(Bound<'py, PyTensor>, Forward)> {
    let py = view.py();
    let v = view.get();
    let (base, forward, shape) =
        v.view_link(|l| (l.base.clone_ref(py), l.forward.clone(), l.shape.clone()))?;
    let base = first(base.into_bound(py))?;
    let b = base.get().value();
    if b.dims() != shape.as_slice() || b.dtype() != v.value().dtype() {
        v.drop_view_link();
        return None;
    }
    Some((base, forward))
}

/// The base `view` was made from while it is linked (None for any other tensor).
pub fn base_of<'py>(view: &Bound<'py, PyTensor>) -> Option<Bound<'py, PyTensor>> {
    let py = view.py();
    first(
        view.get()
            .view_link(|l| l.base.clone_ref(py))?
            .into_bound(py),
    )
}

/// The tensor in a link's 1-tuple.
fn first(t: Bound<'_, PyTuple>) -> Option<Bound<'_, PyTensor>> {
    t.get_item(0).ok()?.downcast_into::<PyTensor>().ok()
}

/// `base` with the elements `view` shares replaced by `view`'s.
fn write_back(base: &Tensor, forward: &Forward, view: &Tensor) -> ems::Result<Tensor> {
    let dims = base.dims().to_vec();
    let n = base.numel() as i64;
    let positions = forward(&Tensor::from_vec((0..n).collect::<Vec<i64>>(), &dims)?)?;
    let positions = ems::reshape(&positions, &[-1])?;
    let flat = ems::reshape(base, &[-1])?;
    let elems = ems::cast(&ems::reshape(view, &[-1])?, base.dtype())?;
    let flat = ems::index_put(&flat, &[Index::Tensor(positions)], &elems)?;
    let shape: Vec<i64> = dims.iter().map(|&d| d as i64).collect();
    ems::reshape(&flat, &shape)
}

/// The number of elements a write back covers (none for a dynamic-shape placeholder).
fn size(t: &PyTensor) -> usize {
    if t.dynamic_dims().is_some() {
        0
    } else {
        t.value().numel()
    }
}

/// `t` was just written in place: writes it back into its base chain and recomputes the other
/// views of every tensor on that chain (not `skip`, the view the write came up from). Loops, not
/// recursion, up and down: a chain may be as long as a loop made it.
pub fn written(t: &Bound<'_, PyTensor>, skip: Option<&Bound<'_, PyTensor>>) -> PyResult<()> {
    if t.get().value().is_traced() {
        return Ok(());
    }
    // Up the chain, each base written from the view below it.
    let mut chain = vec![(t.clone(), skip.cloned())];
    let mut view = t.clone();
    while let Some((base, forward)) = live(&view) {
        let b = base.get().value();
        if b.is_traced() || size(base.get()) == 0 {
            break;
        }
        let new = write_back(&b, &forward, &view.get().value()).py()?;
        base.get().set_value(new).py()?;
        chain.push((base.clone(), Some(view)));
        view = base;
    }
    // Then down from the top: the other views of each written tensor.
    for (w, skip) in chain.iter().rev() {
        refresh(w, skip.as_ref())?;
    }
    Ok(())
}

/// Recomputes the live views of `t` (not `skip`) from its value, and theirs, depth first.
fn refresh(t: &Bound<'_, PyTensor>, skip: Option<&Bound<'_, PyTensor>>) -> PyResult<()> {
    let py = t.py();
    let mut todo = vec![(t.clone(), skip.cloned())];
    while let Some((t, skip)) = todo.pop() {
        let views: Vec<Bound<'_, PyTensor>> = t.get().with_views(|v| {
            v.0.iter()
                .filter_map(|r| r.bind(py).upgrade())
                .filter_map(|o| o.downcast_into::<PyTensor>().ok())
                .collect()
        });
        let value = t.get().value();
        let mut below = vec![];
        for v in views {
            if skip.as_ref().is_some_and(|s| s.is(&v)) || v.get().value().is_traced() {
                continue;
            }
            let Some((_, forward)) = live(&v) else {
                continue;
            };
            v.get().set_value(forward(&value).py()?).py()?;
            below.push((v, None));
        }
        // Popped in the order the views were made.
        todo.extend(below.into_iter().rev());
    }
    Ok(())
}

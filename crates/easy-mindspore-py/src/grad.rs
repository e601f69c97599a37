//! `grad_call`, the one-call core of MindSpore's grad API: trace the chosen arguments and
//! weights, seed every tensor leaf of the output, run the backward pass. It exists for speed: the
//! gradient of a small function costs a few microseconds, and doing this bookkeeping in Python
//! doubled it. Which arguments to trace and how to pack the gradients stay in Python
//! (`easy_mindspore/_grad.py`), and so does the walk of nested outputs: a Tensor output is read
//! here, any other is flattened by calling back `easy_mindspore._tree.leaves`. A Python exception
//! raised inside the function is re-raised unchanged (see `errors.rs`). Weights are the engine's
//! state: their `Var`s are bound to traced values for the call (`ems::vjp_flat_with_vars`).

use crate::comm::GradOverlap;
use crate::errors::{guarded, type_err, value_err, IntoPy};
use crate::gil::{maybe_allow_threads, numel_of};
use crate::handle::{PyTensor, GRAD_LEAF};
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyList, PyTuple};
use std::cell::RefCell;

/// `easy_mindspore._tree.leaves`, imported once (an immutable handle, not state).
static TREE_LEAVES: GILOnceCell<Py<PyAny>> = GILOnceCell::new();

/// Appends the tensor leaves of a Python value, in order. A Tensor is its own leaf; any other
/// value is flattened by `easy_mindspore._tree.leaves`, the one owner of nested Python values
/// (tuples, namedtuples, lists, dicts), and its leaves that are not tensors are constants without
/// gradients (reference §6.1: a `None` or float output has none).
fn collect_leaves<'py>(
    obj: &Bound<'py, PyAny>,
    out: &mut Vec<Bound<'py, PyTensor>>,
) -> PyResult<()> {
    if let Ok(t) = obj.downcast::<PyTensor>() {
        out.push(t.clone());
        return Ok(());
    }
    let py = obj.py();
    let leaves = TREE_LEAVES
        .import(py, "easy_mindspore._tree", "leaves")?
        .call1((obj,))?;
    for leaf in leaves.try_iter()? {
        if let Ok(t) = leaf?.downcast_into::<PyTensor>() {
            out.push(t);
        }
    }
    Ok(())
}

/// What one traced call of the Python function produced: its output, the output's tensor leaves,
/// and how many of them (the leading ones) are differentiated.
struct Traced<'py> {
    out: Bound<'py, PyAny>,
    leaves: Vec<Bound<'py, PyTensor>>,
    n_diff: usize,
}

/// Where the traced inputs of [`grad_call`] come from: positional indices, keyword names, weights.
///
/// Inputs are differentiated by the tensor object, as MindSpore's PyNative grad and PyTorch's
/// `autograd.grad` do: where one tensor is passed at several positions, every use of it (in a
/// differentiated slot or not) gets the first slot's traced value, so each of its slots gets the
/// total gradient (`grad(lambda a, b: a * b, (0, 1))(x, x)` is `(2x, 2x)`).
struct Slots<'py> {
    args: Vec<usize>,
    kwargs: Vec<Bound<'py, PyAny>>,
    weights: Vec<Bound<'py, PyTensor>>,
    /// For each positional slot, the first positional slot holding the same object (empty when
    /// no object is shared).
    alias: Vec<usize>,
    /// Positional arguments outside the slots that hold a slot's object: (position, slot).
    shared: Vec<(usize, usize)>,
}

impl<'py> Slots<'py> {
    /// The slots and their current values. `positions` None: every tensor argument, then every
    /// tensor keyword argument (`GradOperation`'s rule).
    fn new(
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
        positions: Option<Vec<usize>>,
        weights: Vec<Bound<'py, PyTensor>>,
    ) -> PyResult<(Self, Vec<Tensor>)> {
        let mut slots = Slots {
            args: Vec::new(),
            kwargs: Vec::new(),
            weights,
            alias: Vec::new(),
            shared: Vec::new(),
        };
        let mut values = Vec::new();
        match positions {
            Some(ps) => {
                for p in ps {
                    let item = args.get_item(p)?;
                    let t = item
                        .downcast::<PyTensor>()
                        .map_err(|_| type_err(format!("argument {p} is not a Tensor")))?;
                    values.push(t.borrow().value());
                    slots.args.push(p);
                }
            }
            None => {
                for (i, a) in args.iter().enumerate() {
                    if let Ok(t) = a.downcast::<PyTensor>() {
                        values.push(t.borrow().value());
                        slots.args.push(i);
                    }
                }
                for (k, v) in kwargs.into_iter().flat_map(|d| d.iter()) {
                    if let Ok(t) = v.downcast::<PyTensor>() {
                        values.push(t.borrow().value());
                        slots.kwargs.push(k);
                    }
                }
            }
        }
        slots.find_aliases(args)?;
        Ok((slots, values))
    }

    /// Fills `alias` and `shared` (see the struct): identity tests of the positional arguments.
    fn find_aliases(&mut self, args: &Bound<'py, PyTuple>) -> PyResult<()> {
        if args.len() < 2 {
            return Ok(()); // one argument: nothing to share (the common, timed case)
        }
        let items: Vec<Bound<'py, PyAny>> = args.iter().collect();
        for (i, &p) in self.args.iter().enumerate() {
            let first = (0..i)
                .find(|&j| items[self.args[j]].is(&items[p]))
                .unwrap_or(i);
            self.alias.push(first);
        }
        for (pos, item) in items.iter().enumerate() {
            if self.args.contains(&pos) || !item.is_instance_of::<PyTensor>() {
                continue;
            }
            if let Some(slot) = self.args.iter().position(|&p| items[p].is(item)) {
                self.shared.push((pos, slot));
            }
        }
        if self.shared.is_empty() && self.alias.iter().enumerate().all(|(i, &a)| a == i) {
            self.alias.clear(); // nothing shared: `call` takes its plain path
        }
        Ok(())
    }

    /// `grads` (the slots' gradients, then the weights') with each repeated object's slots
    /// given its first slot's gradient, the total over all its uses.
    fn share_grads(&self, mut grads: Vec<Tensor>) -> Vec<Tensor> {
        for (i, &first) in self.alias.iter().enumerate() {
            if first != i && first < grads.len() && i < grads.len() {
                grads[i] = grads[first].clone();
            }
        }
        grads
    }

    /// The engine cells of the weights (made for plain tensors on first use), which the engine
    /// binds to traced values while `f` runs.
    fn vars(&self) -> Vec<ems::Var> {
        self.weights.iter().map(|w| w.get().var()).collect()
    }

    /// Calls `f` with the traced values in their slots.
    fn call(
        &self,
        f: &Bound<'py, PyAny>,
        args: &Bound<'py, PyTuple>,
        kwargs: Option<&Bound<'py, PyDict>>,
        xs: &[Tensor],
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = f.py();
        let (xa, xk) = xs.split_at(self.args.len());
        let mut a: Vec<Bound<'py, PyAny>> = args.iter().collect();
        if self.alias.is_empty() {
            for (&slot, x) in self.args.iter().zip(xa) {
                a[slot] = Bound::new(py, PyTensor::flagged(x.clone(), GRAD_LEAF))?.into_any();
            }
            return self.call_with(f, a, kwargs, xk);
        }
        let mut traced: Vec<Bound<'py, PyAny>> = Vec::with_capacity(xa.len());
        for (i, x) in xa.iter().enumerate() {
            let t = match self.alias.get(i) {
                Some(&first) if first != i => traced[first].clone(),
                _ => Bound::new(py, PyTensor::flagged(x.clone(), GRAD_LEAF))?.into_any(),
            };
            traced.push(t);
        }
        for (&slot, t) in self.args.iter().zip(&traced) {
            a[slot] = t.clone();
        }
        for &(pos, slot) in &self.shared {
            a[pos] = traced[slot].clone();
        }
        self.call_with(f, a, kwargs, xk)
    }

    /// Calls `f` with the positional arguments `a` and the keyword tensors' traced values `xk`.
    fn call_with(
        &self,
        f: &Bound<'py, PyAny>,
        a: Vec<Bound<'py, PyAny>>,
        kwargs: Option<&Bound<'py, PyDict>>,
        xk: &[Tensor],
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = f.py();
        let kw = match kwargs {
            Some(d) if !self.kwargs.is_empty() => {
                let d = d.copy()?;
                for (k, x) in self.kwargs.iter().zip(xk) {
                    d.set_item(k, PyTensor::flagged(x.clone(), GRAD_LEAF))?;
                }
                Some(d)
            }
            other => other.cloned(),
        };
        f.call(PyTuple::new(py, a)?, kw.as_ref())
    }
}

/// The tensor leaves of a traced output; with `has_aux` only the first element's are differentiated.
fn trace_output<'py>(out: Bound<'py, PyAny>, has_aux: bool) -> PyResult<Traced<'py>> {
    let mut leaves = Vec::new();
    let n_diff = if has_aux {
        let first = match out.downcast::<PyTuple>() {
            Ok(t) if t.len() >= 2 => t.get_item(0)?,
            _ => match out.downcast::<PyList>() {
                Ok(l) if l.len() >= 2 => l.get_item(0)?,
                _ => {
                    return Err(value_err(
                        "When has_aux is True, origin fn requires more than one outputs.",
                    ))
                }
            },
        };
        collect_leaves(&first, &mut leaves)?;
        let n = leaves.len();
        leaves.clear();
        n
    } else {
        0
    };
    collect_leaves(&out, &mut leaves)?;
    let n_diff = if has_aux { n_diff } else { leaves.len() };
    Ok(Traced {
        out,
        leaves,
        n_diff,
    })
}

/// Output cotangents: ones (or the leaves of `sens`) for the differentiated leaves, zeros after.
fn cotangents(
    outs: &[Tensor],
    n_diff: usize,
    sens: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Tensor>> {
    let mut cts = Vec::with_capacity(outs.len());
    match sens {
        None => {
            for o in &outs[..n_diff] {
                cts.push(ems::ones(o.dims(), o.dtype()).py()?);
            }
        }
        Some(s) => {
            let mut leaves = Vec::new();
            collect_leaves(s, &mut leaves)?;
            if leaves.len() != n_diff {
                return Err(type_err(format!(
                    "For 'GradOperation', the sens must have the structure of the output: it has {} tensors, the output {n_diff}",
                    leaves.len()
                )));
            }
            cts.extend(leaves.iter().map(|l| l.borrow().value()));
        }
    }
    for o in &outs[n_diff..] {
        cts.push(ems::zeros(o.dims(), o.dtype()).py()?);
    }
    Ok(cts)
}

/// The core of MindSpore's `grad`/`GradOperation`/`value_and_grad`, in one native call: runs
/// `f(*args, **kwargs)` under a tape with the tensors at `positions` (None: every tensor argument,
/// then every tensor keyword argument) and the `weights` traced, seeds every tensor leaf of the
/// output (of its first element with `has_aux`) with ones or with the matching leaf of `sens`, and
/// returns `(output, gradients)`: one gradient per traced input, then one per weight. The
/// returned output is `f`'s own object; its tensor leaves are rebound to plain values. With a
/// `reducer` (a `GradOverlap` for the weights) the weights' gradients come back all-reduced,
/// the reduction overlapped with the backward pass.
#[pyfunction]
#[pyo3(signature = (f, args, kwargs=None, positions=None, weights=Vec::new(), has_aux=false, sens=None, reducer=None))]
#[allow(clippy::too_many_arguments)] // mirrors MindSpore's grad signature
pub fn grad_call<'py>(
    py: Python<'py>,
    f: &Bound<'py, PyAny>,
    args: &Bound<'py, PyTuple>,
    kwargs: Option<&Bound<'py, PyDict>>,
    positions: Option<Vec<usize>>,
    weights: Vec<Bound<'py, PyTensor>>,
    has_aux: bool,
    sens: Option<&Bound<'py, PyAny>>,
    reducer: Option<&Bound<'py, GradOverlap>>,
) -> PyResult<(PyObject, Vec<PyTensor>)> {
    if !f.is_callable() {
        return Err(type_err(format!(
            "The fn should be callable, but got {}",
            f.get_type().name()?
        )));
    }
    let (slots, inputs) = Slots::new(args, kwargs, positions, weights)?;
    let vars = slots.vars();
    let traced = RefCell::new(None);
    let (outs, back) = ems::vjp_flat_with_vars(
        |xs| {
            guarded(|| {
                let t = trace_output(slots.call(f, args, kwargs, xs)?, has_aux)?;
                let values = t.leaves.iter().map(|l| l.borrow().value()).collect();
                *traced.borrow_mut() = Some(t);
                Ok(values)
            })
        },
        &inputs,
        &vars,
    )
    .py()?;
    let Some(t) = traced.into_inner() else {
        return Err(type_err("the function was not called"));
    };
    for (leaf, v) in t.leaves.iter().zip(&outs) {
        // A leaf may be a Parameter (a function returning one): it keeps its value, as the
        // output's value is the same; only a plain handle is rebound to the untraced value.
        let leaf = leaf.get();
        if leaf.param().is_none() {
            let _ = leaf.bind(v.clone());
        }
    }
    let cts = cotangents(&outs, t.n_diff, sens)?;
    let grads = match reducer {
        None => maybe_allow_threads(py, numel_of(&cts), || back.apply(&cts)),
        // The weights' gradients follow the traced arguments; the reduction waits for the
        // other processes, so the GIL is released.
        Some(r) => {
            let (r, offset) = (r.get(), slots.args.len() + slots.kwargs.len());
            py.allow_threads(|| r.apply(&back, &cts, offset))
        }
    };
    Ok((
        t.out.unbind(),
        slots
            .share_grads(grads.py()?)
            .into_iter()
            .map(PyTensor::new)
            .collect(),
    ))
}

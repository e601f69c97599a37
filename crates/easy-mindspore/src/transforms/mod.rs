//! Differentiation transforms: `vjp` and `jvp` (the two primitives of the API), and on top of them
//! MindSpore's `grad`, `value_and_grad` and `GradOperation` with its return structures (reference
//! §6.1): the first input's gradient by default, a tuple for `get_all`, a ones cotangent for every
//! output leaf with their gradients summed, zeros for inputs the output does not use.
//!
//! Each transform pushes its own interpreter, so they nest in any order (grad of grad, jvp of grad).

pub mod custom;
pub mod jacobian;
pub mod vmap;

pub use custom::CustomVjp;
pub use jacobian::{hessian, jacfwd, jacfwd_flat, jacrev, jacrev_flat};
pub use vmap::{vmap, vmap_flat};

use crate::error::{Error, Result};
use crate::interp::jvp::Jvp;
use crate::interp::tape::{Record, Tape};
use crate::ops::prim;
use crate::prim::bind::{bind_var, own, written_in_top_frame, FrameGuard};
use crate::prim::Var;
use crate::tensor::{Tensor, TraceId, TracerKind};
use crate::tree::Tree;
use std::rc::Rc;

/// The backward function of a [`vjp`]: maps output cotangents to input cotangents.
pub struct VjpFn {
    tape: Record,
    inputs: Vec<Tensor>,
    /// For [`vjp_flat_with_vars`]: the number of inputs proper, and for each listed var its
    /// index among the distinct traced ones (the cotangents are given in the listed order).
    input_map: Option<(usize, Vec<usize>)>,
    /// For each output leaf: its tape node (None when it does not depend on the inputs) and value.
    outputs: Vec<(Option<usize>, Tensor)>,
}

impl VjpFn {
    /// Input cotangents (one per input leaf; zeros where the output does not depend on it) for
    /// the given output cotangents (one per output leaf, same shapes; cast to the output dtype).
    pub fn apply(&self, cts: &[Tensor]) -> Result<Vec<Tensor>> {
        self.apply_inner(cts, None)
    }

    /// [`VjpFn::apply`], calling `hook(i, gradient)` for each position `i` of the result as soon
    /// as the reverse sweep has finished that gradient (all its contributions accumulated; zeros
    /// for an input the outputs do not use), while the sweep goes on with the others — what
    /// overlaps a data-parallel all-reduce with the backward pass ([`crate::comm::overlap`]).
    /// Each position is reported exactly once; an error from the hook stops the sweep.
    pub fn apply_with_hook(
        &self,
        cts: &[Tensor],
        hook: &mut dyn FnMut(usize, Tensor) -> Result<()>,
    ) -> Result<Vec<Tensor>> {
        self.apply_inner(cts, Some(hook))
    }

    /// The result positions of tape input `node` (a var listed twice has two).
    fn positions(&self, node: usize) -> Vec<usize> {
        match &self.input_map {
            Some((n, map)) if node >= *n => map
                .iter()
                .enumerate()
                .filter(|(_, &j)| j == node - n)
                .map(|(k, _)| n + k)
                .collect(),
            _ => vec![node],
        }
    }

    fn apply_inner(
        &self,
        cts: &[Tensor],
        hook: Option<&mut dyn FnMut(usize, Tensor) -> Result<()>>,
    ) -> Result<Vec<Tensor>> {
        if cts.len() != self.outputs.len() {
            return Err(Error::Transform {
                op: "vjp",
                msg: format!(
                    "expected {} cotangents (one per output), got {}",
                    self.outputs.len(),
                    cts.len()
                ),
            });
        }
        let mut seeds = Vec::with_capacity(cts.len());
        for ((node, out), ct) in self.outputs.iter().zip(cts) {
            if ct.dims() != out.dims() {
                return Err(Error::Transform {
                    op: "vjp",
                    msg: format!(
                        "a cotangent of shape {:?} was given for an output of shape {:?}",
                        ct.dims(),
                        out.dims()
                    ),
                });
            }
            if let Some(node) = node {
                seeds.push((*node, prim::cast(ct, out.dtype())?));
            }
        }
        let grads = match hook {
            None => self.tape.backward(seeds, self.inputs.len())?,
            Some(hook) => {
                let mut on_final = |node: usize, g: Option<&Tensor>| -> Result<()> {
                    let g = match g {
                        Some(g) => g.clone(),
                        None => crate::ops::zeros_like(&self.inputs[node])?,
                    };
                    for i in self.positions(node) {
                        hook(i, g.clone())?;
                    }
                    Ok(())
                };
                self.tape
                    .backward_with_hook(seeds, self.inputs.len(), Some(&mut on_final))?
            }
        };
        let grads: Vec<Tensor> = grads
            .into_iter()
            .zip(&self.inputs)
            .map(|(g, x)| match g {
                Some(g) => Ok(g),
                None => crate::ops::zeros_like(x),
            })
            .collect::<Result<_>>()?;
        Ok(match &self.input_map {
            None => grads,
            Some((n, map)) => {
                let mut listed = grads[..*n].to_vec();
                listed.extend(map.iter().map(|&i| grads[n + i].clone()));
                listed
            }
        })
    }

    /// The output leaves' values.
    pub fn outputs(&self) -> Vec<Tensor> {
        self.outputs.iter().map(|(_, v)| v.clone()).collect()
    }
}

/// Runs `f` on the inputs under a fresh tape. Returns the output leaves' values and the backward
/// function.
pub fn vjp_flat(
    f: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &[Tensor],
) -> Result<(Vec<Tensor>, VjpFn)> {
    let tape = Rc::new(Tape::with_inputs(inputs.len()));
    let guard = FrameGuard::new(tape.clone());
    let trace = guard.trace;
    let mut traced = Vec::with_capacity(inputs.len());
    for (node, x) in inputs.iter().enumerate() {
        traced.push(Tensor::traced(trace, x.clone(), TracerKind::Tape { node }));
    }
    let outs = f(&traced);
    guard.finish();
    let outs = outs?;
    let Ok(tape) = Rc::try_unwrap(tape).map(Tape::into_record) else {
        return Err(Error::Transform {
            op: "vjp",
            msg: "the tape is still in use after its function returned".into(),
        });
    };
    let outputs: Vec<(Option<usize>, Tensor)> =
        outs.iter().map(|o| unwrap_tape(trace, o)).collect();
    let values = outputs.iter().map(|(_, v)| v.clone()).collect();
    Ok((
        values,
        VjpFn {
            tape,
            inputs: inputs.to_vec(),
            input_map: None,
            outputs,
        },
    ))
}

/// [`vjp_flat`] that also differentiates with respect to state: while `f` runs, each [`Var`] of
/// `vars` is bound to a traced copy of its value (reads of it inside `f`, by any code, see the
/// traced value), and the backward function's cotangents are the inputs' then the vars' (a var
/// listed twice gets its cotangent twice). A var that `f` writes keeps the value written, as a
/// constant, once `f` returns. This is the gradient w.r.t. weights of MindSpore's
/// `value_and_grad(fn, grad_position, weights)` and `GradOperation(get_by_list=True)`.
pub fn vjp_flat_with_vars(
    f: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &[Tensor],
    vars: &[Var],
) -> Result<(Vec<Tensor>, VjpFn)> {
    // Distinct cells, and for each entry of `vars` its index among them.
    let mut uniq: Vec<Var> = Vec::with_capacity(vars.len());
    let map: Vec<usize> = vars
        .iter()
        .map(|v| match uniq.iter().position(|u| u.same(v)) {
            Some(i) => i,
            None => {
                uniq.push(v.clone());
                uniq.len() - 1
            }
        })
        .collect();
    let n = inputs.len();
    let mut leaves = inputs.to_vec();
    leaves.extend(uniq.iter().map(Var::get));
    let mut written = Default::default();
    let result = vjp_flat(
        |traced| {
            for (v, t) in uniq.iter().zip(&traced[n..]) {
                bind_var(v, t.clone())?;
            }
            let out = f(&traced[..n]);
            written = written_in_top_frame();
            out
        },
        &leaves,
    );
    // What `f` wrote outlives the trace as a plain value (its tape has ended).
    for (v, value) in written {
        v.set(prim::stop_gradient(&value)?);
    }
    let (values, mut back) = result?;
    back.input_map = Some((n, map));
    Ok((values, back))
}

fn unwrap_tape(trace: TraceId, o: &Tensor) -> (Option<usize>, Tensor) {
    match own(trace, o) {
        Some(tr) => match tr.kind {
            TracerKind::Tape { node } => (Some(node), tr.primal.clone()),
            _ => (None, tr.primal.clone()),
        },
        None => (None, o.clone()),
    }
}

/// Forward mode: the outputs of `f` at `inputs` and their tangents along `tangents` (one per input,
/// same shapes).
pub fn jvp_flat(
    f: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &[Tensor],
    tangents: &[Tensor],
) -> Result<(Vec<Tensor>, Vec<Tensor>)> {
    if inputs.len() != tangents.len() {
        return Err(Error::Transform {
            op: "jvp",
            msg: format!("{} inputs but {} tangents", inputs.len(), tangents.len()),
        });
    }
    for (x, t) in inputs.iter().zip(tangents) {
        if x.dims() != t.dims() {
            return Err(Error::Transform {
                op: "jvp",
                msg: format!(
                    "a tangent of shape {:?} was given for an input of shape {:?}",
                    t.dims(),
                    x.dims()
                ),
            });
        }
    }
    let guard = FrameGuard::new(Rc::new(Jvp));
    let trace = guard.trace;
    let mut traced = Vec::with_capacity(inputs.len());
    for (x, t) in inputs.iter().zip(tangents) {
        let t = prim::cast(t, x.dtype())?;
        traced.push(Tensor::traced(
            trace,
            x.clone(),
            TracerKind::Jvp { tangent: Some(t) },
        ));
    }
    let outs = f(&traced);
    guard.finish();
    let mut values = Vec::new();
    let mut tans = Vec::new();
    for o in outs? {
        let (v, t) = match own(trace, &o) {
            Some(tr) => match &tr.kind {
                TracerKind::Jvp { tangent: Some(t) } => (tr.primal.clone(), t.clone()),
                _ => (tr.primal.clone(), prim::zeros_like(&tr.primal)?),
            },
            None => (o.clone(), prim::zeros_like(&o)?),
        };
        values.push(v);
        tans.push(t);
    }
    Ok((values, tans))
}

/// `f` over trees as a function of flat leaves, for the flat transforms: runs `f` on `inputs`
/// rebuilt from the leaves, keeps its output in `slot` (for the structure) and returns the
/// output's leaves.
pub(crate) fn on_leaves<'a, I: Tree, O: Tree>(
    f: impl FnOnce(&I) -> Result<O> + 'a,
    inputs: &'a I,
    slot: &'a mut Option<O>,
) -> impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>> + 'a {
    move |leaves| {
        let o = f(&inputs.rebuild(&mut leaves.iter().cloned()))?;
        let flat = o.flatten();
        *slot = Some(o);
        Ok(flat)
    }
}

/// The output kept by [`on_leaves`].
pub(crate) fn kept<O>(slot: Option<O>, op: &'static str) -> Result<O> {
    slot.ok_or_else(|| Error::Transform {
        op,
        msg: "the function produced no output".into(),
    })
}

/// [`vjp_flat`] over trees: `(output value, backward function)`.
pub fn vjp<I: Tree, O: Tree>(f: impl FnOnce(&I) -> Result<O>, inputs: &I) -> Result<(O, VjpFn)> {
    let mut slot = None;
    let (values, back) = vjp_flat(on_leaves(f, inputs, &mut slot), &inputs.flatten())?;
    let o: O = kept(slot, "vjp")?;
    Ok((o.rebuild(&mut values.into_iter()), back))
}

/// [`jvp_flat`] over trees: `(output value, output tangent)`.
pub fn jvp<I: Tree, O: Tree>(
    f: impl FnOnce(&I) -> Result<O>,
    inputs: &I,
    tangents: &I,
) -> Result<(O, O)> {
    let mut slot = None;
    let (values, tans) = jvp_flat(
        on_leaves(f, inputs, &mut slot),
        &inputs.flatten(),
        &tangents.flatten(),
    )?;
    let o: O = kept(slot, "jvp")?;
    Ok((
        o.rebuild(&mut values.into_iter()),
        o.rebuild(&mut tans.into_iter()),
    ))
}

/// [`vjp`] with MindSpore's `has_aux=True`: `f` returns `(out, aux)`; only `out` is
/// differentiated (the backward function takes cotangents for its leaves only) and `aux` comes
/// back as plain values.
///
/// ```
/// use easy_mindspore as ems;
/// let x = ems::Tensor::new([1.0f32, 2.0])?;
/// let (out, back, aux) = ems::vjp_with_aux(|x: &ems::Tensor| Ok(((x * x)?, x.sum()?)), &x)?;
/// assert_eq!(back.apply(&[ems::ones_like(&out)?])?[0].to_vec::<f32>(), vec![2.0, 4.0]);
/// assert_eq!(aux.to_f64()?, 3.0);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn vjp_with_aux<I: Tree, O: Tree, A: Tree>(
    f: impl FnOnce(&I) -> Result<(O, A)>,
    inputs: &I,
) -> Result<(O, VjpFn, A)> {
    let mut slot = None;
    let (values, mut back) = vjp_flat(on_leaves(f, inputs, &mut slot), &inputs.flatten())?;
    let (o, a): (O, A) = kept(slot, "vjp")?;
    back.outputs.truncate(o.flatten().len());
    let mut values = values.into_iter();
    let out = o.rebuild(&mut values);
    Ok((out, back, a.rebuild(&mut values)))
}

/// [`jvp`] with MindSpore's `has_aux=True`: `f` returns `(out, aux)`; returns
/// `(out, out's tangent, aux)`.
pub fn jvp_with_aux<I: Tree, O: Tree, A: Tree>(
    f: impl FnOnce(&I) -> Result<(O, A)>,
    inputs: &I,
    tangents: &I,
) -> Result<(O, O, A)> {
    let mut slot = None;
    let (values, tans) = jvp_flat(
        on_leaves(f, inputs, &mut slot),
        &inputs.flatten(),
        &tangents.flatten(),
    )?;
    let (o, a): (O, A) = kept(slot, "jvp")?;
    let mut values = values.into_iter();
    let out = o.rebuild(&mut values);
    let aux = a.rebuild(&mut values);
    Ok((out, o.rebuild(&mut tans.into_iter()), aux))
}

/// The value of `f` and the gradients of all its input leaves, for the given output cotangents
/// (ones for every output leaf when `sens` is `None`).
fn value_and_grads<I: Tree, O: Tree>(
    f: impl FnOnce(&I) -> Result<O>,
    inputs: &I,
    sens: Option<Vec<Tensor>>,
) -> Result<(O, Vec<Tensor>)> {
    let (out, back) = vjp(f, inputs)?;
    let cts = match sens {
        Some(s) => s,
        None => back
            .outputs()
            .iter()
            .map(crate::ops::ones_like)
            .collect::<Result<Vec<_>>>()?,
    };
    let grads = back.apply(&cts)?;
    Ok((out, grads))
}

/// `grad(f)`: the gradient of `f` (summed over every output leaf) with respect to its input.
///
/// ```
/// use easy_mindspore as ems;
/// // d/dx x³ = 3x², d²/dx² = 6x, d³/dx³ = 6
/// let cube = |x: &ems::Tensor| x * (x * x)?;
/// let x = ems::Tensor::scalar(2.0f32);
/// assert_eq!(ems::grad(cube)(&x)?.to_f64()?, 12.0);
/// assert_eq!(ems::grad(ems::grad(cube))(&x)?.to_f64()?, 12.0);
/// assert_eq!(ems::grad(ems::grad(ems::grad(cube)))(&x)?.to_f64()?, 6.0);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn grad<O: Tree>(f: impl Fn(&Tensor) -> Result<O>) -> impl Fn(&Tensor) -> Result<Tensor> {
    move |x: &Tensor| {
        let (_, g) = value_and_grads(&f, x, None)?;
        first(g, x)
    }
}

/// `value_and_grad(f)`: `(f(x), grad(f)(x))`.
pub fn value_and_grad<O: Tree>(
    f: impl Fn(&Tensor) -> Result<O>,
) -> impl Fn(&Tensor) -> Result<(O, Tensor)> {
    move |x: &Tensor| {
        let (v, g) = value_and_grads(&f, x, None)?;
        Ok((v, first(g, x)?))
    }
}

fn first(g: Vec<Tensor>, x: &Tensor) -> Result<Tensor> {
    match g.into_iter().next() {
        Some(g) => Ok(g),
        None => crate::ops::zeros_like(x),
    }
}

/// Gradients as MindSpore returns them: a bare tensor, or a tuple (`get_all`). Both index like a
/// slice, so `grads[0]` reads the same either way.
#[derive(Clone, Debug)]
pub struct Grads {
    tensors: Vec<Tensor>,
    tuple: bool,
}

impl Grads {
    /// True for a tuple (`get_all=True`), false for a bare tensor.
    pub fn is_tuple(&self) -> bool {
        self.tuple
    }
    /// The gradients, in input order.
    pub fn into_vec(self) -> Vec<Tensor> {
        self.tensors
    }
}

impl std::ops::Deref for Grads {
    type Target = [Tensor];
    fn deref(&self) -> &[Tensor] {
        &self.tensors
    }
}

impl std::fmt::Display for Grads {
    /// A bare tensor's repr, or a Python tuple of reprs (`(Tensor(...),)` for one).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.tuple {
            return match self.tensors.first() {
                Some(t) => write!(f, "{t}"),
                None => f.write_str("()"),
            };
        }
        f.write_str("(")?;
        for (i, t) in self.tensors.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{t}")?;
        }
        if self.tensors.len() == 1 {
            f.write_str(",")?;
        }
        f.write_str(")")
    }
}

/// MindSpore's `ops.GradOperation(get_all=False, get_by_list=False, sens_param=False)`.
///
/// ```
/// use easy_mindspore as ems;
/// let grad_all = ems::GradOperation::new().get_all(true);
/// let forward = |x: &ems::Tensor| 2.0 * ems::dot(x, x)?;
/// let x = ems::arange(0.0, 4.0, 1.0)?;
/// let x_grad = grad_all.apply(forward)(&x)?[0].clone();
/// assert_eq!(x_grad.to_vec::<f32>(), vec![0.0, 4.0, 8.0, 12.0]);
/// # Ok::<(), ems::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct GradOperation {
    get_all: bool,
    sens_param: bool,
}

impl GradOperation {
    /// The default: the gradient of the first input, as a bare tensor.
    pub fn new() -> Self {
        Self::default()
    }
    /// Return a tuple with one gradient per tensor input.
    pub fn get_all(mut self, on: bool) -> Self {
        self.get_all = on;
        self
    }
    /// The caller passes the output cotangent (see [`GradOperation::apply_with_sens`]).
    pub fn sens_param(mut self, on: bool) -> Self {
        self.sens_param = on;
        self
    }

    fn package(&self, grads: Vec<Tensor>) -> Result<Grads> {
        if self.get_all {
            return Ok(Grads {
                tensors: grads,
                tuple: true,
            });
        }
        match grads.into_iter().next() {
            Some(g) => Ok(Grads {
                tensors: vec![g],
                tuple: false,
            }),
            None => Err(Error::Transform {
                op: "GradOperation",
                msg: "the function has no tensor input to differentiate".into(),
            }),
        }
    }

    /// `GradOperation(...)(f)`: a function of `f`'s inputs returning their gradients.
    pub fn apply<I: Tree, O: Tree>(
        self,
        f: impl Fn(&I) -> Result<O>,
    ) -> impl Fn(&I) -> Result<Grads> {
        move |inputs: &I| {
            if self.sens_param {
                return Err(Error::Transform {
                    op: "GradOperation",
                    msg: "sens_param=True needs the output cotangent: use apply_with_sens".into(),
                });
            }
            let (_, g) = value_and_grads(&f, inputs, None)?;
            self.package(g)
        }
    }

    /// With `sens_param`: a function of `f`'s inputs and the output cotangent `sens` (same structure
    /// as `f`'s output).
    pub fn apply_with_sens<I: Tree, O: Tree>(
        self,
        f: impl Fn(&I) -> Result<O>,
    ) -> impl Fn(&I, &O) -> Result<Grads> {
        move |inputs: &I, sens: &O| {
            let (_, g) = value_and_grads(&f, inputs, Some(sens.flatten()))?;
            self.package(g)
        }
    }
}

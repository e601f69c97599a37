//! `Graph`: a function staged into equations of primitives (our "jaxpr"). Variables `%0..` are
//! numbered in order of definition: the inputs first, then one per equation. A graph also keeps
//! the constants it captured, the guards it was traced under (a value Python read to decide a
//! branch, and what it was), and its outputs.
//!
//! [`Graph::check`] is the type checker (every equation's types are what abstract evaluation
//! gives; every variable is defined before its use); [`Graph::eval`] evaluates the graph through
//! [`bind`](crate::prim::bind()), so a graph run under `grad`, `jvp`, `vmap` or another `jit` is
//! differentiated, batched or staged like the function it came from.

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::prim::bind::bind_ref;
use crate::prim::Prim;
use crate::prim::{abstract_eval, Aval};
use crate::tensor::Tensor;
use smallvec::SmallVec;
use std::fmt;

/// An operand of an equation: a variable of the graph or one of its constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Atom {
    /// The variable `%i`.
    Var(usize),
    /// The constant `c{i}`.
    Const(usize),
}

/// One primitive application: `out = prim(args)`.
#[derive(Clone, Debug)]
pub struct Eqn {
    /// The primitive with its parameters.
    pub prim: Prim,
    /// Its operands.
    pub args: SmallVec<[Atom; 3]>,
    /// The variable it defines.
    pub out: usize,
}

/// A value the traced function read (`bool(t)`, `float(t)`, `t.item()`, `asnumpy()`): a call of
/// the graph is valid only while that value is the same.
#[derive(Clone)]
pub struct Guard {
    /// The value read.
    pub atom: Atom,
    /// What it was when the function was traced.
    pub expected: Tensor,
}

/// A staged function.
#[derive(Clone)]
pub struct Graph {
    /// Shape and dtype of every variable.
    pub types: Vec<(Dims, DType)>,
    /// How many of the first variables are inputs.
    pub n_inputs: usize,
    /// The equations, in an order where every operand is defined before its use.
    pub eqns: Vec<Eqn>,
    /// The captured constants.
    pub consts: Vec<Tensor>,
    /// The values read to decide control flow.
    pub guards: Vec<Guard>,
    /// The results.
    pub outputs: Vec<Atom>,
}

impl Graph {
    /// Shape and dtype of an atom (of a checked graph: the atom must exist).
    pub(crate) fn aval(&self, a: Atom) -> Aval<'_> {
        match a {
            Atom::Var(v) => (&self.types[v].0, self.types[v].1),
            Atom::Const(c) => (self.consts[c].dims(), self.consts[c].dtype()),
        }
    }

    /// A new variable of the given type.
    pub(crate) fn new_var(&mut self, shape: &[usize], dtype: DType) -> usize {
        self.types.push((Dims::from_slice(shape), dtype));
        self.types.len() - 1
    }

    /// The type checker: every operand is defined before it is used, every equation's output type
    /// is the one abstract evaluation gives for its operands, guards and outputs name defined
    /// values.
    pub fn check(&self) -> Result<()> {
        let bad = |msg: String| Error::Transform { op: "jit", msg };
        if self.n_inputs > self.types.len() {
            return Err(bad(format!(
                "the graph has {} inputs but only {} typed variables",
                self.n_inputs,
                self.types.len()
            )));
        }
        let mut defined = vec![false; self.types.len()];
        for d in defined.iter_mut().take(self.n_inputs) {
            *d = true;
        }
        let known = |defined: &[bool], a: Atom| match a {
            Atom::Var(v) => defined.get(v).copied().unwrap_or(false),
            Atom::Const(c) => c < self.consts.len(),
        };
        for (i, e) in self.eqns.iter().enumerate() {
            if let Some(a) = e.args.iter().find(|a| !known(&defined, **a)) {
                return Err(bad(format!(
                    "equation {i} ({}) uses {} before it is defined",
                    e.prim.name(),
                    AtomName(*a)
                )));
            }
            if e.out >= self.types.len() || defined[e.out] {
                return Err(bad(format!(
                    "equation {i} ({}) defines %{} twice or out of range",
                    e.prim.name(),
                    e.out
                )));
            }
            let ins: SmallVec<[Aval; 4]> = e.args.iter().map(|a| self.aval(*a)).collect();
            if !e.prim.rule().opaque() {
                let (shape, dtype) = abstract_eval(&e.prim, &ins)?;
                let (want_shape, want_dtype) = &self.types[e.out];
                if shape != *want_shape || dtype != *want_dtype {
                    return Err(bad(format!(
                        "equation {i} ({}) gives {dtype}{:?}, but %{} is declared {want_dtype}{:?}",
                        e.prim.name(),
                        shape.as_slice(),
                        e.out,
                        want_shape.as_slice()
                    )));
                }
            }
            defined[e.out] = true;
        }
        for a in self
            .guards
            .iter()
            .map(|g| g.atom)
            .chain(self.outputs.iter().copied())
        {
            if !known(&defined, a) {
                return Err(bad(format!("{} is read but never defined", AtomName(a))));
            }
        }
        Ok(())
    }

    /// Evaluates the graph on `inputs` (one per input variable) with `bind`, so that the
    /// interpreters of the caller see every primitive. `Ok(None)` when a guard fails: the inputs
    /// take another path through the function than the one this graph recorded.
    pub fn eval(&self, inputs: &[Tensor]) -> Result<Option<Vec<Tensor>>> {
        // The fields are public: a graph built or edited by hand is checked before it runs.
        self.check()?;
        self.eval_checked(inputs)
    }

    /// [`Graph::eval`] of a graph known to pass [`Graph::check`] (a cached, optimised one), which
    /// need not be checked again at every call.
    pub(crate) fn eval_checked(&self, inputs: &[Tensor]) -> Result<Option<Vec<Tensor>>> {
        self.check_inputs(inputs)?;
        let mut vals = self.slots(inputs);
        let guard_at = self.guards_by_var();
        let get = |vals: &[Option<Tensor>], a: Atom| self.read(vals, a);
        for g in self
            .guards
            .iter()
            .filter(|g| !matches!(g.atom, Atom::Var(v) if v >= self.n_inputs))
        {
            if !guard_holds(&get(&vals, g.atom)?, &g.expected) {
                return Ok(None);
            }
        }
        for e in &self.eqns {
            let args: SmallVec<[Tensor; 3]> = e
                .args
                .iter()
                .map(|a| get(&vals, *a))
                .collect::<Result<_>>()?;
            let refs: SmallVec<[&Tensor; 3]> = args.iter().collect();
            let out = bind_ref(&e.prim, &refs)?;
            for g in guard_at.get(&e.out).into_iter().flatten() {
                if !guard_holds(&out, &self.guards[*g].expected) {
                    return Ok(None);
                }
            }
            vals[e.out] = Some(out);
        }
        let outs = self
            .outputs
            .iter()
            .map(|a| get(&vals, *a))
            .collect::<Result<_>>()?;
        Ok(Some(outs))
    }

    /// One slot per variable for an evaluation, the inputs filled in.
    pub(crate) fn slots(&self, inputs: &[Tensor]) -> Vec<Option<Tensor>> {
        let mut vals: Vec<Option<Tensor>> = vec![None; self.types.len()];
        for (v, x) in vals.iter_mut().zip(inputs) {
            *v = Some(x.clone());
        }
        vals
    }

    /// The value of `a` during an evaluation (`vals` from [`Graph::slots`]); an error for a value
    /// not computed yet.
    pub(crate) fn read(&self, vals: &[Option<Tensor>], a: Atom) -> Result<Tensor> {
        let v = match a {
            Atom::Var(v) => vals.get(v).cloned().flatten(),
            Atom::Const(c) => self.consts.get(c).cloned(),
        };
        v.ok_or_else(|| Error::Transform {
            op: "jit",
            msg: format!("{} is read before it is computed", AtomName(a)),
        })
    }

    /// An error unless `inputs` match the input variables' types.
    pub(crate) fn check_inputs(&self, inputs: &[Tensor]) -> Result<()> {
        if inputs.len() != self.n_inputs {
            return Err(Error::Transform {
                op: "jit",
                msg: format!(
                    "the graph takes {} inputs, but {} were given",
                    self.n_inputs,
                    inputs.len()
                ),
            });
        }
        for (i, x) in inputs.iter().enumerate() {
            let (shape, dtype) = &self.types[i];
            if x.dims() != shape.as_slice() || x.dtype() != *dtype {
                return Err(Error::Transform {
                    op: "jit",
                    msg: format!(
                        "input {i} of the graph is {dtype}{:?}, but a {}{:?} was given",
                        shape.as_slice(),
                        x.dtype(),
                        x.dims()
                    ),
                });
            }
        }
        Ok(())
    }

    /// For each variable defined by an equation, the guards that read it.
    pub(crate) fn guards_by_var(&self) -> std::collections::HashMap<usize, SmallVec<[usize; 1]>> {
        let mut m: std::collections::HashMap<usize, SmallVec<[usize; 1]>> = Default::default();
        for (i, g) in self.guards.iter().enumerate() {
            if let Atom::Var(v) = g.atom {
                if v >= self.n_inputs {
                    m.entry(v).or_default().push(i);
                }
            }
        }
        m
    }
}

/// True when `value` has exactly the elements of `expected` (bitwise for floats, so a NaN read
/// when tracing matches a NaN now).
pub(crate) fn guard_holds(value: &Tensor, expected: &Tensor) -> bool {
    if value.dims() != expected.dims() || value.dtype() != expected.dtype() {
        return false;
    }
    fn same<T: crate::dtype::Element>(
        a: &crate::device::Concrete,
        b: &crate::device::Concrete,
    ) -> bool {
        // A value that cannot be read back does not match.
        match (a.host_elems::<T>(), b.host_elems::<T>()) {
            (Ok(x), Ok(y)) => crate::dtype::to_bytes(&x, true) == crate::dtype::to_bytes(&y, true),
            _ => false,
        }
    }
    let (a, b) = (value.concrete(), expected.concrete());
    crate::dtype::dispatch!(value.dtype(), same(a, b))
}

struct AtomName(Atom);

impl fmt::Display for AtomName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Atom::Var(v) => write!(f, "%{v}"),
            Atom::Const(c) => write!(f, "c{c}"),
        }
    }
}

fn type_name(shape: &[usize], dtype: DType) -> String {
    let dims: Vec<String> = shape.iter().map(usize::to_string).collect();
    format!("{dtype}[{}]", dims.join(","))
}

/// A constant's elements when there are few (`[1, 2]`), else `...`.
fn const_text(t: &Tensor) -> String {
    if t.numel() > 6 {
        return "...".into();
    }
    let v: Vec<String> = t
        .to_vec_unguarded::<f64>()
        .iter()
        .map(|x| {
            if t.dtype().is_float() {
                format!("{x:?}")
            } else {
                format!("{}", *x as i64)
            }
        })
        .collect();
    format!("[{}]", v.join(", "))
}

impl fmt::Display for Graph {
    /// ```text
    /// graph(%0: Float32[4]) {
    ///   %1: Float32[4] = Mul(%0, %0)
    ///   %2: Float32[] = ReduceSum{axes=[0]}(%1)
    ///   guard %2 == [14.0]
    ///   return (%2)
    /// }
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ins: Vec<String> = (0..self.n_inputs)
            .map(|i| format!("%{i}: {}", type_name(&self.types[i].0, self.types[i].1)))
            .collect();
        writeln!(f, "graph({}) {{", ins.join(", "))?;
        for (i, c) in self.consts.iter().enumerate() {
            writeln!(
                f,
                "  c{i}: {} = {}",
                type_name(c.dims(), c.dtype()),
                const_text(c)
            )?;
        }
        let guard_at = self.guards_by_var();
        let show_guard = |f: &mut fmt::Formatter<'_>, g: &Guard| {
            writeln!(
                f,
                "  guard {} == {}",
                AtomName(g.atom),
                const_text(&g.expected)
            )
        };
        for g in self
            .guards
            .iter()
            .filter(|g| !matches!(g.atom, Atom::Var(v) if v >= self.n_inputs))
        {
            show_guard(f, g)?;
        }
        for e in &self.eqns {
            let args: Vec<String> = e.args.iter().map(|a| AtomName(*a).to_string()).collect();
            let (shape, dtype) = &self.types[e.out];
            writeln!(
                f,
                "  %{}: {} = {}({})",
                e.out,
                type_name(shape, *dtype),
                e.prim,
                args.join(", ")
            )?;
            for g in guard_at.get(&e.out).into_iter().flatten() {
                show_guard(f, &self.guards[*g])?;
            }
        }
        let outs: Vec<String> = self
            .outputs
            .iter()
            .map(|a| AtomName(*a).to_string())
            .collect();
        writeln!(f, "  return ({})", outs.join(", "))?;
        write!(f, "}}")
    }
}

impl fmt::Debug for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

//! The `Stage` interpreter (`jit`): applying a primitive records an equation of a [`Graph`] and
//! also computes the value one level down, as the tape does. Staged values are therefore always
//! concrete underneath, so Python control flow on them works while tracing: reading a staged value
//! ([`Interpreter::on_read`]) records a *guard* — the value and what it was — and a later call
//! takes the graph only if every guard still holds.
//!
//! A value made by another interpreter (or none) is a constant of the graph. A constant that is a
//! live tracer of an interpreter below (a closure over an outer `grad`'s variable) cannot be
//! replayed later: the trace is then marked not cacheable.
//!
//! State ([`Var`]s: parameters, optimizer moments, learning rates, the random key) read or written
//! while staging is *lifted*: the frame binds the `Var` to a new input of the graph, so a cached
//! graph reads the state's current value at each call, and a `Var` the function writes becomes an
//! extra output that each call writes back (an optimizer step, a random draw inside `jit`).
//! A front's mutable handle that the graph captured as a constant is guarded by its [`Version`].

use super::graph::{Atom, Eqn, Graph, Guard};
use crate::error::Result;
use crate::prim::bind::{
    bind_ref, is_live_below, own, skip_ended, Binding, FrameGuard, Interpreter,
};
use crate::prim::{Prim, Var, Version};
use crate::tensor::{Tensor, TraceId, TracerKind};
use smallvec::SmallVec;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

thread_local! {
    /// How many `Stage` frames are on this thread's stack (a fast "nothing to record" check).
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Counts the traces begun on this thread.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// A number that changes with each trace begun on this thread (fronts tell a value created
/// during the current trace from one created before it).
pub(crate) fn generation() -> u64 {
    GENERATION.with(Cell::get)
}

/// True when some `Stage` interpreter is live on this thread.
pub(crate) fn staging() -> bool {
    DEPTH.with(Cell::get) > 0
}

/// What one `Stage` frame recorded.
pub(crate) struct StageState {
    pub graph: Graph,
    /// The input variables, in order: the function's, then the lifted state's.
    pub inputs: Vec<usize>,
    /// The state lifted to inputs (their variables come after the function's inputs).
    pub lifted: Vec<Var>,
    /// Versions of captured mutable handles, and their values when traced.
    pub versions: Vec<(Version, u64)>,
    /// False once a constant is a value of a live interpreter below this one.
    pub cacheable: bool,
    /// Why the graph cannot be cached, for the one-time warning.
    pub uncacheable_why: Option<String>,
}

impl StageState {
    fn new() -> StageState {
        StageState {
            graph: Graph {
                types: Vec::new(),
                n_inputs: 0,
                eqns: Vec::new(),
                consts: Vec::new(),
                guards: Vec::new(),
                outputs: Vec::new(),
            },
            inputs: Vec::new(),
            lifted: Vec::new(),
            versions: Vec::new(),
            cacheable: true,
            uncacheable_why: None,
        }
    }

    /// The atom for `x` in the frame `trace`.
    pub fn atom(&mut self, trace: TraceId, x: &Tensor) -> Atom {
        let r = resolve(trace, x);
        self.intern(r)
    }

    /// The atom of a resolved operand: its variable, or a constant (the same handle captured
    /// twice is one constant).
    fn intern(&mut self, r: Resolved) -> Atom {
        let (value, live_below) = match r {
            Resolved::Var(v) => return Atom::Var(v),
            Resolved::Const { value, live_below } => (value, live_below),
        };
        if let Some(i) = self.graph.consts.iter().position(|c| c.same(&value)) {
            return Atom::Const(i);
        }
        if live_below {
            self.cacheable = false;
            self.uncacheable_why.get_or_insert_with(|| {
                format!(
                    "it captures a {}{:?} value traced by an enclosing transform (a closure over \
                     the variable of an outer grad/vmap); pass it as an argument instead",
                    value.dtype(),
                    value.dims()
                )
            });
        }
        self.graph.consts.push(value);
        Atom::Const(self.graph.consts.len() - 1)
    }

    fn new_input(&mut self, x: &Tensor) -> usize {
        let var = self.graph.new_var(x.dims(), x.dtype());
        self.inputs.push(var);
        var
    }
}

/// An operand of a staged equation.
enum Resolved {
    Var(usize),
    Const { value: Tensor, live_below: bool },
}

/// Whether `x` is a variable of the stage `trace` or a constant to it.
fn resolve(trace: TraceId, x: &Tensor) -> Resolved {
    if let Some(tr) = own(trace, x) {
        if let TracerKind::Stage { var } = tr.kind {
            return Resolved::Var(var);
        }
    }
    let value = skip_ended(x);
    let live_below = value.is_traced() && is_live_below(&value, trace.level);
    Resolved::Const { value, live_below }
}

/// The staging interpreter of one trace.
pub(crate) struct Stage {
    state: RefCell<StageState>,
}

impl Interpreter for Stage {
    fn process(&self, trace: TraceId, prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
        let primals: SmallVec<[Tensor; 3]> = args
            .iter()
            .map(|a| match own(trace, a) {
                Some(tr) => tr.primal.clone(),
                None => (*a).clone(),
            })
            .collect();
        let out = {
            let refs: SmallVec<[&Tensor; 3]> = primals.iter().collect();
            bind_ref(prim, &refs)?
        };
        let resolved: SmallVec<[Resolved; 3]> = args.iter().map(|a| resolve(trace, a)).collect();
        let var = {
            let mut st = self.state.borrow_mut();
            let atoms: SmallVec<[Atom; 3]> = resolved.into_iter().map(|r| st.intern(r)).collect();
            let var = st.graph.new_var(out.dims(), out.dtype());
            st.graph.eqns.push(Eqn {
                prim: prim.clone(),
                args: atoms,
                out: var,
            });
            var
        };
        Ok(Tensor::traced(trace, out, TracerKind::Stage { var }))
    }

    fn observes_reads(&self) -> bool {
        true
    }

    fn on_read(&self, x: &Tensor, var: usize) {
        let mut st = self.state.borrow_mut();
        // A variable's value is fixed within a trace: one guard each.
        if st.graph.guards.iter().any(|g| g.atom == Atom::Var(var)) {
            return;
        }
        let expected = x.snapshot();
        st.graph.guards.push(Guard {
            atom: Atom::Var(var),
            expected,
        });
    }

    fn lifts_vars(&self) -> bool {
        true
    }

    fn keeps_composites(&self) -> bool {
        true
    }

    fn lift(&self, trace: TraceId, state: &Var, below: &Tensor) -> Tensor {
        let var = {
            let mut st = self.state.borrow_mut();
            st.lifted.push(state.clone());
            st.new_input(below)
        };
        Tensor::traced(trace, below.clone(), TracerKind::Stage { var })
    }

    fn on_captured(&self, version: &Version) {
        let mut st = self.state.borrow_mut();
        if !st.versions.iter().any(|(v, _)| v.same(version)) {
            st.versions.push((version.clone(), version.get()));
        }
    }
}

/// A live `Stage` frame; dropped without [`Staging::end`] (a panic in the traced function), it
/// still pops its frame.
pub(crate) struct Staging {
    frame: Option<FrameGuard>,
    stage: Rc<Stage>,
}

impl Staging {
    /// The frame's identity.
    pub fn trace(&self) -> TraceId {
        self.frame
            .as_ref()
            .map_or(TraceId { level: 0, id: 0 }, |f| f.trace)
    }

    /// A new input variable of the graph holding `x`.
    pub fn input(&self, x: &Tensor) -> Tensor {
        let var = self.stage.state.borrow_mut().new_input(x);
        Tensor::traced(self.trace(), x.clone(), TracerKind::Stage { var })
    }

    /// Pops the frame; returns what it recorded and its state bindings, in the order the state
    /// was lifted.
    pub fn end(mut self) -> (StageState, Vec<Binding>) {
        let bindings = match self.frame.take() {
            Some(f) => {
                DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
                f.finish()
            }
            None => Vec::new(),
        };
        let st = std::mem::replace(&mut *self.stage.state.borrow_mut(), StageState::new());
        (st, bindings)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.frame.take().is_some() {
            DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        }
    }
}

/// Pushes a `Stage` frame; inputs are staged with [`Staging::input`].
pub(crate) fn begin() -> Staging {
    DEPTH.with(|d| d.set(d.get() + 1));
    GENERATION.with(|g| g.set(g.get() + 1));
    let stage = Rc::new(Stage {
        state: RefCell::new(StageState::new()),
    });
    let frame = FrameGuard::new(stage.clone());
    Staging {
        frame: Some(frame),
        stage,
    }
}

/// `x` as a value of the interpreters below the stage `trace` (its primal when it is staged).
pub(crate) fn unstage(trace: TraceId, x: &Tensor) -> Tensor {
    match own(trace, x) {
        Some(tr) => tr.primal.clone(),
        None => skip_ended(x),
    }
}

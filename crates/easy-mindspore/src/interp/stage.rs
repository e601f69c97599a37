//! The `Stage` interpreter (`jit`): applying a primitive records an equation of a [`Graph`] and
//! also computes the value one level down, as the tape does. Staged values are therefore always
//! concrete underneath, so Python control flow on them works while tracing: reading a staged value
//! ([`note_read`]) records a *guard* — the value and what it was — and a later call takes the
//! graph only if every guard still holds.
//!
//! A value made by another interpreter (or none) is a constant of the graph. A constant that is a
//! live tracer of an interpreter below (a closure over an outer `grad`'s variable) cannot be
//! replayed later: the trace is then marked not cacheable.
//!
//! Parameters read while staging ([`lift_param`]) become extra inputs, so a cached graph reads
//! their current values at each call; a parameter rebound while staging becomes an effect that
//! each call writes back (an optimizer step inside `jit`).

use super::{own, with_frame, FrameKind, TraceId};
use crate::error::Result;
use crate::jit::graph::{Atom, Eqn, Graph, Guard};
use crate::nn::Parameter;
use crate::prim::Prim;
use crate::tensor::{Repr, Tensor, TracerKind};
use smallvec::SmallVec;
use std::cell::Cell;

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

/// A parameter lifted to an input of the graph being traced.
pub(crate) struct Lifted {
    pub param: Parameter,
    /// Its value before the trace (restored, or replaced by the traced update, at the end).
    pub original: Tensor,
    /// The staged input standing for it.
    pub tracer: Tensor,
}

/// The graph being built by one `Stage` frame.
pub(crate) struct StageState {
    pub graph: Graph,
    /// The input variables, in order: the function's, then the lifted parameters'.
    pub inputs: Vec<usize>,
    /// Parameters lifted to inputs (their variables come after the function's inputs).
    pub lifted: Vec<Lifted>,
    /// False once a constant is a value of a live interpreter below this one.
    pub cacheable: bool,
    /// Why the graph cannot be cached, for the one-time warning.
    pub uncacheable_why: Option<String>,
}

impl StageState {
    pub fn new() -> StageState {
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
            cacheable: true,
            uncacheable_why: None,
        }
    }

    /// The atom for `x` in this frame (not to be called while the stack is borrowed, i.e. not
    /// inside `with_frame`).
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
}

/// An operand of a staged equation, looked up before the frame is borrowed.
pub(crate) enum Resolved {
    Var(usize),
    Const { value: Tensor, live_below: bool },
}

/// Whether `x` is a variable of the stage `trace` or a constant to it.
pub(crate) fn resolve(trace: TraceId, x: &Tensor) -> Resolved {
    if let Some(tr) = own(trace, x) {
        if let TracerKind::Stage { var } = tr.kind {
            return Resolved::Var(var);
        }
    }
    let value = super::skip_ended(x);
    let live_below = value.is_traced() && is_live_below(&value, trace);
    Resolved::Const { value, live_below }
}

fn is_live_below(x: &Tensor, trace: TraceId) -> bool {
    super::STACK.with(|s| {
        let s = s.borrow();
        let mut t = x;
        while let Repr::Traced(tr) = &*t.0 {
            if tr.trace.level < trace.level && super::is_live(&s, tr.trace) {
                return true;
            }
            t = &tr.primal;
        }
        false
    })
}

/// A live `Stage` frame. Dropped without [`Staging::end`] (a panic in the traced function), it
/// still pops its frame and gives every lifted parameter back its value.
pub(crate) struct Staging {
    frame: Option<super::FrameGuard>,
}

impl Staging {
    /// The frame's identity.
    pub fn trace(&self) -> TraceId {
        self.frame
            .as_ref()
            .map_or(TraceId { level: 0, id: 0 }, |f| f.trace)
    }

    /// Pops the frame and returns what it recorded.
    pub fn end(mut self) -> Option<StageState> {
        let frame = self.frame.take()?;
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        match frame.finish()?.kind {
            FrameKind::Stage(state) => Some(*state),
            _ => None,
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(frame) = self.frame.take() {
            DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
            if let Some(FrameKind::Stage(st)) = frame.finish().map(|f| f.kind) {
                for l in &st.lifted {
                    l.param.replace(l.original.clone());
                }
            }
        }
    }
}

/// Pushes a `Stage` frame; inputs are staged with [`input`].
pub(crate) fn begin() -> Staging {
    DEPTH.with(|d| d.set(d.get() + 1));
    GENERATION.with(|g| g.set(g.get() + 1));
    Staging {
        frame: Some(super::FrameGuard::new(FrameKind::Stage(Box::new(
            StageState::new(),
        )))),
    }
}

/// A new input variable of the frame `trace` holding `x`.
pub(crate) fn input(trace: TraceId, x: &Tensor) -> Option<Tensor> {
    let var = with_frame(trace, |f| match &mut f.kind {
        FrameKind::Stage(st) => {
            let var = st.graph.new_var(x.dims(), x.dtype());
            st.inputs.push(var);
            Some(var)
        }
        _ => None,
    })
    .flatten()?;
    Some(Tensor::traced(trace, x.clone(), TracerKind::Stage { var }))
}

/// Applies `prim` under the stage `trace`: computes it one level down and records it.
pub(crate) fn process(trace: TraceId, prim: Prim, args: &[&Tensor]) -> Result<Tensor> {
    let primals: SmallVec<[Tensor; 3]> = args
        .iter()
        .map(|a| match own(trace, a) {
            Some(tr) => tr.primal.clone(),
            None => (*a).clone(),
        })
        .collect();
    let out = {
        let refs: SmallVec<[&Tensor; 3]> = primals.iter().collect();
        super::bind_ref(&prim, &refs)?
    };
    let resolved: SmallVec<[Resolved; 3]> = args.iter().map(|a| resolve(trace, a)).collect();
    let var = with_frame(trace, |f| match &mut f.kind {
        FrameKind::Stage(st) => {
            let atoms: SmallVec<[Atom; 3]> = resolved.into_iter().map(|r| st.intern(r)).collect();
            let var = st.graph.new_var(out.dims(), out.dtype());
            st.graph.eqns.push(Eqn {
                prim,
                args: atoms,
                out: var,
            });
            Some(var)
        }
        _ => None,
    })
    .flatten();
    Ok(match var {
        Some(var) => Tensor::traced(trace, out, TracerKind::Stage { var }),
        None => out,
    })
}

/// Records, in every live `Stage` frame that staged `x` (or a value `x` wraps), a guard that its
/// elements are what they are now. Called wherever a value leaves the engine for the user's code.
pub(crate) fn note_read(x: &Tensor) {
    // A value batched by `vmap` cannot be read at all (the read is an error).
    if !staging() || x.is_batched() {
        return;
    }
    let mut t = x;
    while let Repr::Traced(tr) = &*t.0 {
        if let TracerKind::Stage { var } = tr.kind {
            with_frame(tr.trace, |f| {
                if let FrameKind::Stage(st) = &mut f.kind {
                    // A variable's value is fixed within a trace: one guard each.
                    if st.graph.guards.iter().any(|g| g.atom == Atom::Var(var)) {
                        return;
                    }
                    let expected = Tensor::from_buffer(x.to_buffer_unguarded(), x.dims());
                    st.graph.guards.push(Guard {
                        atom: Atom::Var(var),
                        expected,
                    });
                }
            });
        }
        t = &tr.primal;
    }
}

/// Called by [`Parameter::value`] while staging: the first read of a parameter in the innermost
/// live `Stage` frame lifts it to an input of that graph (the parameter is bound to the staged
/// input until the trace ends).
pub(crate) fn lift_param(p: &Parameter) {
    let top = super::STACK.with(|s| {
        let s = s.borrow();
        s.iter()
            .enumerate()
            .rev()
            .find(|(_, f)| matches!(f.kind, FrameKind::Stage(_)))
            .map(|(level, f)| TraceId { level, id: f.id })
    });
    let Some(trace) = top else { return };
    let already = with_frame(trace, |f| match &f.kind {
        FrameKind::Stage(st) => st.lifted.iter().any(|l| l.param.same(p)),
        _ => true,
    })
    .unwrap_or(true);
    if already {
        return;
    }
    let original = p.value_raw();
    let Some(tracer) = input(trace, &original) else {
        return;
    };
    p.replace(tracer.clone());
    with_frame(trace, |f| {
        if let FrameKind::Stage(st) = &mut f.kind {
            st.lifted.push(Lifted {
                param: p.clone(),
                original,
                tracer,
            });
        }
    });
}

/// `x` as a value of the interpreters below the stage `trace` (its primal when it is staged).
pub(crate) fn unstage(trace: TraceId, x: &Tensor) -> Tensor {
    match own(trace, x) {
        Some(tr) => tr.primal.clone(),
        None => super::skip_ended(x),
    }
}

/// Marks every live staged graph as not reusable: the function did something a graph cannot
/// replay (`what`, e.g. drawing random numbers), so it must run again at every call.
pub(crate) fn note_unreplayable(what: &str) {
    if !staging() {
        return;
    }
    super::STACK.with(|s| {
        for f in s.borrow_mut().iter_mut() {
            if let FrameKind::Stage(st) = &mut f.kind {
                st.cacheable = false;
                st.uncacheable_why
                    .get_or_insert_with(|| format!("it {what}, which a graph cannot replay"));
            }
        }
    });
}

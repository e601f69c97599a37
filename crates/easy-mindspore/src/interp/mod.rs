//! `bind`: the one interception point. Every primitive application goes through it, and it hands
//! the primitive to the interpreter that owns the highest live traced argument; with none, to
//! [`eval`] (plain execution).
//!
//! Interpreters live on a thread-local stack. A traced value carries the [`TraceId`] (level and
//! unique id) of the interpreter that made it. An interpreter unwraps only its own values, treats
//! every other value as a constant, and applies the primitive to the primals with `bind` again, so
//! the work lands on the interpreters below it: nested transforms compose and never confuse their
//! perturbations. A value whose interpreter has ended ("leaked") is read as its primal.

pub(crate) mod batch;
pub(crate) mod eval;
pub(crate) mod jvp;
pub(crate) mod stage;
pub(crate) mod tape;

use crate::error::{Error, Result};
use crate::prim::Prim;
use crate::tensor::{Repr, Tensor, TracerKind};
use std::cell::{Cell, RefCell};

/// Identity of one interpreter instance: its depth on the stack and a unique id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TraceId {
    pub level: usize,
    pub id: u64,
}

pub(crate) enum FrameKind {
    Tape(tape::TapeState),
    Jvp,
    Batch,
    Stage(Box<stage::StageState>),
}

/// Which interpreter a primitive goes to.
#[derive(Clone, Copy)]
enum Interp {
    Tape,
    Jvp,
    Batch,
    Stage,
}

pub(crate) struct Frame {
    pub id: u64,
    pub kind: FrameKind,
}

thread_local! {
    static STACK: RefCell<Vec<Frame>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

/// Pushes a new interpreter frame and returns its id; pair with [`pop`] (see [`FrameGuard`]).
pub(crate) fn push(kind: FrameKind) -> TraceId {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    STACK.with(|s| {
        let mut s = s.borrow_mut();
        s.push(Frame { id, kind });
        TraceId {
            level: s.len() - 1,
            id,
        }
    })
}

/// Pops the frame `trace` (which must be on top) and returns it.
pub(crate) fn pop(trace: TraceId) -> Option<Frame> {
    STACK.with(|s| {
        let mut s = s.borrow_mut();
        match s.last() {
            Some(f) if f.id == trace.id => s.pop(),
            _ => None,
        }
    })
}

/// Pops its frame when dropped, so an error or a panic inside a traced function cannot leave a
/// stale interpreter on the stack.
pub(crate) struct FrameGuard {
    pub trace: TraceId,
    done: bool,
}

impl FrameGuard {
    pub fn new(kind: FrameKind) -> FrameGuard {
        FrameGuard {
            trace: push(kind),
            done: false,
        }
    }

    /// Pops the frame now and returns it.
    pub fn finish(mut self) -> Option<Frame> {
        self.done = true;
        pop(self.trace)
    }
}

impl Drop for FrameGuard {
    fn drop(&mut self) {
        if !self.done {
            pop(self.trace);
        }
    }
}

/// Runs `f` with mutable access to the frame `trace`, if it is live.
pub(crate) fn with_frame<R>(trace: TraceId, f: impl FnOnce(&mut Frame) -> R) -> Option<R> {
    STACK.with(|s| {
        let mut s = s.borrow_mut();
        match s.get_mut(trace.level) {
            Some(frame) if frame.id == trace.id => Some(f(frame)),
            _ => None,
        }
    })
}

fn is_live(stack: &[Frame], t: TraceId) -> bool {
    stack.get(t.level).is_some_and(|f| f.id == t.id)
}

/// The live interpreter that owns `x`, skipping over leaked tracers. A leaked `vmap` value is an
/// error: its concrete value holds a whole batch, which read as one value would be a wrong answer.
fn live_trace(stack: &[Frame], x: &Tensor) -> Result<Option<TraceId>> {
    let mut t = x;
    loop {
        match &*t.0 {
            Repr::Concrete(_) => return Ok(None),
            Repr::Traced(tr) if is_live(stack, tr.trace) => return Ok(Some(tr.trace)),
            Repr::Traced(tr) if matches!(tr.kind, TracerKind::Batch) => {
                return Err(Error::Transform {
                    op: "vmap",
                    msg: format!(
                        "a value batched inside vmap (shape {:?} per example) escaped the \
                         vmapped function (saved in a variable?); return it instead",
                        x.dims()
                    ),
                })
            }
            Repr::Traced(tr) => t = &tr.primal,
        }
    }
}

/// The live interpreter owning the highest-level argument, and its kind.
fn top_trace(args: &[&Tensor]) -> Result<Option<(TraceId, Interp)>> {
    if args.iter().all(|a| matches!(&*a.0, Repr::Concrete(_))) {
        return Ok(None);
    }
    STACK.with(|s| {
        let s = s.borrow();
        let mut top: Option<TraceId> = None;
        for a in args {
            if let Some(t) = live_trace(&s, a)? {
                if top.is_none_or(|u| t.level > u.level) {
                    top = Some(t);
                }
            }
        }
        Ok(top.map(|t| {
            let kind = match s[t.level].kind {
                FrameKind::Tape(_) => Interp::Tape,
                FrameKind::Jvp => Interp::Jvp,
                FrameKind::Batch => Interp::Batch,
                FrameKind::Stage(_) => Interp::Stage,
            };
            (t, kind)
        }))
    })
}

/// Applies a primitive to its arguments under the right interpreter.
pub fn bind(prim: Prim, args: &[&Tensor]) -> Result<Tensor> {
    match top_trace(args)? {
        None => eval::apply(&prim, args),
        Some((trace, Interp::Jvp)) => jvp::process(trace, prim, args),
        Some((trace, Interp::Tape)) => tape::process(trace, prim, args),
        Some((trace, Interp::Batch)) => batch::process(trace, &prim, args),
        Some((trace, Interp::Stage)) => stage::process(trace, prim, args),
    }
}

/// [`bind`] for interpreters passing a primitive down: clones it only if another tracing
/// interpreter below needs to keep it.
pub(crate) fn bind_ref(prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
    match top_trace(args)? {
        None => eval::apply(prim, args),
        Some((trace, Interp::Jvp)) => jvp::process(trace, prim.clone(), args),
        Some((trace, Interp::Tape)) => tape::process(trace, prim.clone(), args),
        Some((trace, Interp::Batch)) => batch::process(trace, prim, args),
        Some((trace, Interp::Stage)) => stage::process(trace, prim.clone(), args),
    }
}

/// True when `x` is a value batched by a `vmap` that has ended (it escaped the vmapped function,
/// so its concrete value holds a whole batch); a value batched by a live `vmap` is not.
pub(crate) fn is_escaped_batch(x: &Tensor) -> bool {
    STACK.with(|s| {
        let s = s.borrow();
        let mut t = x;
        loop {
            match &*t.0 {
                Repr::Concrete(_) => return false,
                Repr::Traced(tr) if is_live(&s, tr.trace) => return false,
                Repr::Traced(tr) if matches!(tr.kind, TracerKind::Batch) => return true,
                Repr::Traced(tr) => t = &tr.primal,
            }
        }
    })
}

/// `x` with the tracers of interpreters that have ended looked through.
pub(crate) fn skip_ended(x: &Tensor) -> Tensor {
    STACK.with(|s| {
        let s = s.borrow();
        let mut t = x;
        while let Repr::Traced(tr) = &*t.0 {
            if is_live(&s, tr.trace) {
                break;
            }
            t = &tr.primal;
        }
        t.clone()
    })
}

/// If `x` is a value of the interpreter `trace`, returns its primal and tracer kind.
/// Values of interpreters that have ended ("leaked") are looked through.
pub(crate) fn own(trace: TraceId, x: &Tensor) -> Option<&crate::tensor::Tracer> {
    match &*x.0 {
        Repr::Traced(tr) if tr.trace == trace => Some(tr),
        Repr::Concrete(_) => None,
        Repr::Traced(_) => STACK.with(|s| {
            let s = s.borrow();
            let mut t = x;
            while let Repr::Traced(tr) = &*t.0 {
                if tr.trace == trace {
                    return Some(tr);
                }
                if is_live(&s, tr.trace) {
                    return None;
                }
                t = &tr.primal;
            }
            None
        }),
    }
}

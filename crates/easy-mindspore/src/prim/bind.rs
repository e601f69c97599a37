//! `bind`: the one interception point. Every primitive application goes through it, and it hands
//! the primitive to the interpreter that owns the highest live traced argument; with none, to the
//! primitive's own entry (plain evaluation).
//!
//! Interpreters (`Tape`, `Jvp`, `Batch` in `crate::interp`, `Stage` in `crate::jit`) live on a
//! thread-local stack as [`Interpreter`] trait objects, so this layer knows none of them. A traced
//! value carries the [`TraceId`] (level and unique id) of the interpreter that made it. An
//! interpreter unwraps only its own values, treats every other value as a constant, and applies
//! the primitive to the primals with `bind` again, so the work lands on the interpreters below it:
//! nested transforms compose and never confuse their perturbations. A value whose interpreter has
//! ended ("leaked") is read as its primal.
//!
//! The stack also carries **state bindings**: a frame may bind a [`Var`] to another value for as
//! long as it lives (the gradient w.r.t. weights binds them to traced values; `jit` binds them to
//! inputs of the graph it stages). Reading or writing a `Var` looks for the innermost binding;
//! a frame that *lifts* state (`jit`) makes one on first use. When the frame ends its bindings
//! vanish, so nothing has to be restored by hand.

use super::{Prim, Var, Version};
use crate::error::{Error, Result};
use crate::tensor::{Repr, Tensor, TraceId, Tracer, TracerKind};
use smallvec::SmallVec;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// An interpreter: what a transformation does with the primitives applied to its values.
pub(crate) trait Interpreter {
    /// Applies `prim` to `args`, of which at least one is this interpreter's value (`trace`).
    fn process(&self, trace: TraceId, prim: &Prim, args: &[&Tensor]) -> Result<Tensor>;

    /// True for an interpreter that wants [`Interpreter::on_read`] (a read of a value it traces).
    fn observes_reads(&self) -> bool {
        false
    }

    /// The user's code read `x`, a value this interpreter traces as `var` (`jit`: a guard).
    fn on_read(&self, _x: &Tensor, _var: usize) {}

    /// True for an interpreter that binds every [`Var`] its function uses (`jit`).
    fn lifts_vars(&self) -> bool {
        false
    }

    /// The value standing for `var` in this interpreter, whose value below is `below` (`jit`: a
    /// new input of the graph). Called once per `Var` and frame, when `lifts_vars`.
    fn lift(&self, _trace: TraceId, _var: &Var, below: &Tensor) -> Tensor {
        below.clone()
    }

    /// The user's code read a mutable handle whose changes `version` counts, as a constant
    /// (`jit`: the graph is valid while the version is the same).
    fn on_captured(&self, _version: &Version) {}

    /// True for an interpreter that takes a primitive with a [`Rule::composition`] as it is
    /// (`jit` records it, so a graph runs its fused kernel); the others (`grad`, `jvp`, `vmap`)
    /// are handed the composition instead and transform its pieces.
    fn keeps_composites(&self) -> bool {
        false
    }
}

/// A [`Var`] bound by a frame: its value while the frame lives, and whether code wrote it.
pub(crate) struct Binding {
    pub var: Var,
    pub value: Tensor,
    pub written: bool,
}

struct Frame {
    id: u64,
    interp: Rc<dyn Interpreter>,
    bindings: Vec<Binding>,
}

thread_local! {
    static STACK: RefCell<Vec<Frame>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
    /// Frames on this thread's stack (a fast "nothing is traced" check).
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Frames that observe reads (a fast "no guard to record" check).
    static OBSERVERS: Cell<usize> = const { Cell::new(0) };
    /// While a [`NoGrad`] scope lives: 1 + the stack depth at its start (0: no scope). The
    /// differentiating interpreters below that depth see nothing applied inside the scope.
    static NO_GRAD: Cell<usize> = const { Cell::new(0) };
}

/// A scope whose computations the transformations already running do not differentiate
/// (MindSpore's `_no_grad`, PyTorch's `torch.no_grad`): inside it, the values of the `grad`,
/// `vjp` and `jvp` interpreters live at its start are read as their primal values (constants to
/// those transformations), and a value `jit` is staging passes through `StopGradient` first, so a
/// staged graph keeps the cut when it is later differentiated. Transformations started inside
/// the scope work as usual. The scope ends when the guard is dropped (scopes nest).
#[must_use = "the scope ends when the guard is dropped"]
pub struct NoGrad {
    previous: usize,
}

impl NoGrad {
    /// Starts a no-grad scope on this thread.
    pub fn new() -> NoGrad {
        let depth = DEPTH.with(Cell::get);
        NoGrad {
            previous: NO_GRAD.with(|b| b.replace(depth + 1)),
        }
    }

    /// True while some no-grad scope lives on this thread.
    pub fn active() -> bool {
        NO_GRAD.with(Cell::get) > 0
    }
}

impl Default for NoGrad {
    fn default() -> NoGrad {
        NoGrad::new()
    }
}

impl Drop for NoGrad {
    fn drop(&mut self) {
        NO_GRAD.with(|b| b.set(self.previous));
    }
}

/// `x` as a computation in a no-grad scope starting at stack depth `below` sees it: the tracers of
/// live differentiating interpreters (`Tape`, `Jvp`) under that depth looked through, and a value
/// staged by a `jit` under it passed through `StopGradient`.
fn cut_gradients(x: &Tensor, below: usize) -> Result<Tensor> {
    let (peeled, staged) = STACK.with(|s| {
        let s = s.borrow();
        let mut t = x;
        while let Repr::Traced(tr) = &*t.0 {
            let live = is_live(&s, tr.trace);
            match tr.kind {
                TracerKind::Tape { .. } | TracerKind::Jvp { .. } if tr.trace.level < below => {
                    t = &tr.primal
                }
                _ if !live => t = &tr.primal,
                TracerKind::Stage { .. } => return (t.clone(), tr.trace.level < below),
                _ => break,
            }
        }
        (t.clone(), false)
    });
    if staged {
        bind_ref(&Prim::StopGradient, &[&peeled])
    } else {
        Ok(peeled)
    }
}

/// Pops its frame when dropped, so an error or a panic inside a traced function cannot leave a
/// stale interpreter on the stack.
pub(crate) struct FrameGuard {
    /// The frame's identity, which its values carry.
    pub trace: TraceId,
    observes: bool,
    done: bool,
}

impl FrameGuard {
    /// Pushes `interp` as the new innermost interpreter.
    pub fn new(interp: Rc<dyn Interpreter>) -> FrameGuard {
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        let observes = interp.observes_reads();
        let level = STACK.with(|s| {
            let mut s = s.borrow_mut();
            s.push(Frame {
                id,
                interp,
                bindings: Vec::new(),
            });
            s.len() - 1
        });
        DEPTH.with(|d| d.set(d.get() + 1));
        if observes {
            OBSERVERS.with(|o| o.set(o.get() + 1));
        }
        FrameGuard {
            trace: TraceId { level, id },
            observes,
            done: false,
        }
    }

    /// Pops the frame now and returns its state bindings.
    pub fn finish(mut self) -> Vec<Binding> {
        self.done = true;
        self.pop()
    }

    fn pop(&self) -> Vec<Binding> {
        let frame = STACK.with(|s| {
            let mut s = s.borrow_mut();
            match s.last() {
                Some(f) if f.id == self.trace.id => s.pop(),
                _ => None,
            }
        });
        let Some(frame) = frame else {
            return Vec::new();
        };
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        if self.observes {
            OBSERVERS.with(|o| o.set(o.get().saturating_sub(1)));
        }
        frame.bindings
    }
}

impl Drop for FrameGuard {
    fn drop(&mut self) {
        if !self.done {
            drop(self.pop());
        }
    }
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

/// The live interpreter owning the highest-level argument.
fn top_trace(args: &[&Tensor]) -> Result<Option<(TraceId, Rc<dyn Interpreter>)>> {
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
        Ok(top.map(|t| (t, s[t.level].interp.clone())))
    })
}

/// Applies a primitive to its arguments under the right interpreter.
pub fn bind(prim: Prim, args: &[&Tensor]) -> Result<Tensor> {
    bind_ref(&prim, args)
}

/// [`bind`] of a borrowed primitive (interpreters pass theirs down; jit's graphs replay theirs).
pub(crate) fn bind_ref(prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
    // The depth the innermost scope started at; a scope started with nothing on the stack has
    // nothing to cut.
    let below = NO_GRAD.with(Cell::get).saturating_sub(1);
    if below > 0 && !matches!(prim, Prim::StopGradient) && top_trace(args)?.is_some() {
        let cut = args
            .iter()
            .map(|a| cut_gradients(a, below))
            .collect::<Result<SmallVec<[Tensor; 4]>>>()?;
        let cut: SmallVec<[&Tensor; 4]> = cut.iter().collect();
        return dispatch(prim, &cut);
    }
    dispatch(prim, args)
}

/// Hands `prim` to the interpreter owning the highest live traced argument, or evaluates it.
fn dispatch(prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
    match top_trace(args)? {
        None => eval(prim, args),
        Some((trace, interp)) => {
            if !interp.keeps_composites() {
                if let Some(out) = prim.rule().composition(args) {
                    return out;
                }
            }
            interp.process(trace, prim, args)
        }
    }
}

/// Plain evaluation, below every interpreter: the entry checks its preconditions and runs its
/// kernel on the concrete values of `args` (leaked tracers are read through their primals).
pub(crate) fn eval(prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
    if crate::profile::active() {
        return crate::profile::timed(prim.name(), args, || prim.rule().apply(args));
    }
    prim.rule().apply(args)
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

/// If `x` is a value of the interpreter `trace`, its tracer. Values of interpreters that have
/// ended ("leaked") are looked through.
pub(crate) fn own(trace: TraceId, x: &Tensor) -> Option<&Tracer> {
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

/// True when `x` is a value of a live interpreter below level `level`.
pub(crate) fn is_live_below(x: &Tensor, level: usize) -> bool {
    STACK.with(|s| {
        let s = s.borrow();
        let mut t = x;
        while let Repr::Traced(tr) = &*t.0 {
            if tr.trace.level < level && is_live(&s, tr.trace) {
                return true;
            }
            t = &tr.primal;
        }
        false
    })
}

/// Tells every live interpreter that observes reads and traces `x` (or a value `x` wraps) that the
/// user's code read it. Called wherever a value leaves the engine for the user's code.
pub(crate) fn note_read(x: &Tensor) {
    if OBSERVERS.with(Cell::get) == 0 {
        return;
    }
    let mut t = x;
    while let Repr::Traced(tr) = &*t.0 {
        if let TracerKind::Stage { var } = tr.kind {
            let interp = STACK.with(|s| {
                let s = s.borrow();
                s.get(tr.trace.level)
                    .filter(|f| f.id == tr.trace.id)
                    .map(|f| f.interp.clone())
            });
            if let Some(i) = interp {
                i.on_read(x, var);
            }
        }
        t = &tr.primal;
    }
}

/// Tells every live interpreter that the user's code read a mutable handle whose changes
/// `version` counts, as a constant (see [`Interpreter::on_captured`]).
pub(crate) fn note_captured(version: &Version) {
    if DEPTH.with(Cell::get) == 0 {
        return;
    }
    let interps: SmallVec<[Rc<dyn Interpreter>; 4]> =
        STACK.with(|s| s.borrow().iter().map(|f| f.interp.clone()).collect());
    for i in interps {
        i.on_captured(version);
    }
}

// ---- state bindings ----------------------------------------------------------------------------

/// The frame (level) whose binding of `var` applies at or below `level`, after lifting it into
/// the innermost lifting frame on the way; `None`: the `Var`'s own cell.
fn binding_level(var: &Var, top: usize) -> Option<usize> {
    enum Found {
        At(usize),
        Lift(usize, TraceId, Rc<dyn Interpreter>),
        Cell,
    }
    let found = STACK.with(|s| {
        let s = s.borrow();
        for level in (0..top.min(s.len())).rev() {
            let f = &s[level];
            if f.bindings.iter().any(|b| b.var.same(var)) {
                return Found::At(level);
            }
            if f.interp.lifts_vars() {
                let trace = TraceId { level, id: f.id };
                return Found::Lift(level, trace, f.interp.clone());
            }
        }
        Found::Cell
    });
    match found {
        Found::At(level) => Some(level),
        Found::Cell => None,
        Found::Lift(level, trace, interp) => {
            // The value one level down is the primal of the lifted one.
            let below = value_below(var, level);
            let value = interp.lift(trace, var, &below);
            STACK.with(|s| {
                if let Some(f) = s.borrow_mut().get_mut(level) {
                    f.bindings.push(Binding {
                        var: var.clone(),
                        value,
                        written: false,
                    });
                }
            });
            Some(level)
        }
    }
}

/// The value of `var` as the frames below `level` see it.
fn value_below(var: &Var, level: usize) -> Tensor {
    match binding_level(var, level) {
        Some(l) => bound_at(var, l).unwrap_or_else(|| var.load()),
        None => var.load(),
    }
}

fn bound_at(var: &Var, level: usize) -> Option<Tensor> {
    STACK.with(|s| {
        let s = s.borrow();
        let f = s.get(level)?;
        f.bindings
            .iter()
            .rev()
            .find(|b| b.var.same(var))
            .map(|b| b.value.clone())
    })
}

/// The current value of `var` on this thread: its innermost binding, else its cell.
pub(crate) fn read_var(var: &Var) -> Tensor {
    if DEPTH.with(Cell::get) == 0 {
        return var.load();
    }
    match binding_level(var, usize::MAX) {
        Some(level) => bound_at(var, level).unwrap_or_else(|| var.load()),
        None => var.load(),
    }
}

/// Sets `var` on this thread: its innermost binding, else its cell (a new version).
pub(crate) fn write_var(var: &Var, value: Tensor) {
    if DEPTH.with(Cell::get) > 0 {
        if let Some(level) = binding_level(var, usize::MAX) {
            let stored = STACK.with(|s| {
                let mut s = s.borrow_mut();
                let Some(f) = s.get_mut(level) else {
                    return Err(value);
                };
                match f.bindings.iter_mut().rev().find(|b| b.var.same(var)) {
                    Some(b) => {
                        b.value = value;
                        b.written = true;
                        Ok(())
                    }
                    None => Err(value),
                }
            });
            match stored {
                Ok(()) => return,
                Err(value) => return var.store(value),
            }
        }
    }
    var.store(value);
}

/// Replaces the value of `var` on this thread by `f(value)`'s first part and returns its second,
/// atomically with respect to other threads when no binding applies (the cell stays locked
/// while `f` runs, so `f` must not touch `var`).
pub(crate) fn update_var<R>(
    var: &Var,
    f: impl FnOnce(&Tensor) -> Result<(Tensor, R)>,
) -> Result<R> {
    if DEPTH.with(Cell::get) > 0 && binding_level(var, usize::MAX).is_some() {
        let (new, r) = f(&read_var(var))?;
        write_var(var, new);
        return Ok(r);
    }
    var.update_cell(f)
}

/// Binds `var` to `value` in the innermost frame, for as long as that frame lives. An error
/// outside every frame (there is nothing to scope the binding).
pub(crate) fn bind_var(var: &Var, value: Tensor) -> Result<()> {
    STACK.with(|s| {
        let mut s = s.borrow_mut();
        let Some(f) = s.last_mut() else {
            return Err(Error::Transform {
                op: "bind_var",
                msg: "a Var can only be bound inside a transformation".into(),
            });
        };
        f.bindings.push(Binding {
            var: var.clone(),
            value,
            written: false,
        });
        Ok(())
    })
}

/// The bindings of the innermost frame that were written, with their current values.
pub(crate) fn written_in_top_frame() -> SmallVec<[(Var, Tensor); 4]> {
    STACK.with(|s| {
        let s = s.borrow();
        s.last()
            .map(|f| {
                f.bindings
                    .iter()
                    .filter(|b| b.written)
                    .map(|b| (b.var.clone(), b.value.clone()))
                    .collect()
            })
            .unwrap_or_default()
    })
}

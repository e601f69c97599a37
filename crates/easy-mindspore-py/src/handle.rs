//! The Python tensor handle (`PyTensor`): where its value lives (a plain value, an engine `Var`,
//! or a shared `nn::Parameter`) and how reads and rebinds interact with a running `jit` trace.
//! Its Python methods are in `tensor.rs`; conversions (which read handles) in `convert.rs`.

use crate::views::{ViewLink, Views};
use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

thread_local! {
    /// The `jit` trace whose Python function runs now on this thread (the engine's
    /// [`ems::jit::trace_generation`] when it began), 0 outside any. Set by `jit.rs`.
    static TRACE: Cell<u64> = const { Cell::new(0) };
}

/// Marks the Python function of a `jit` trace as running on this thread until dropped (nested
/// traces restore the outer one).
pub struct TraceScope {
    outer: u64,
}

impl TraceScope {
    /// Enters the trace that the engine began last on this thread.
    pub fn enter() -> TraceScope {
        let id = ems::jit::trace_generation().max(1);
        TraceScope {
            outer: TRACE.with(|t| t.replace(id)),
        }
    }
}

impl Drop for TraceScope {
    fn drop(&mut self) {
        TRACE.with(|t| t.set(self.outer));
    }
}

/// A tensor (MindSpore's `Tensor`).
///
/// Under `jit`, a plain handle made before the current trace is a *constant* of the graph when
/// the function reads it (as in MindSpore and JAX). Such a read gives the handle a
/// [`ems::Version`] and records it in the graph; rebinding the handle later (`x[0] = 5`) bumps
/// the version, so the graphs that captured it are no longer taken and the next call traces
/// again and sees the new value. Rebinding such a handle *during* the trace is a side effect a
/// graph cannot replay: an error. Parameters are not constants (their `Var`s are lifted to graph
/// inputs and their rebinds replayed).
///
/// The class is `frozen`: the handle's slot sits behind its own lock, taken only to read or
/// replace the value (never while Python code or a kernel runs). So a method computing with the
/// GIL released keeps no borrow of the handle, and other threads may read or rebind it
/// meanwhile, as with PyTorch's tensors. A handle takes arbitrary Python attributes (`t.foo = 1`,
/// as MindSpore's tensors do) and weak references (a base tensor keeps weak links to its views,
/// `views.rs`).
#[pyclass(
    module = "easy_mindspore.tensor",
    name = "Tensor",
    subclass,
    frozen,
    dict,
    weakref
)]
pub struct PyTensor {
    slot: RwLock<Slot>,
    /// Counts rebinds through this handle (the grad API tells a function's own `set_data` from
    /// its binding with it).
    rebinds: AtomicU64,
    /// The `jit` trace this handle was made in (0: outside any).
    born: u64,
    /// Counts rebinds once a trace it was not made in read it (some cached graph may hold its
    /// value as a constant).
    version: OnceLock<ems::Version>,
    /// The storage this handle last handed to NumPy or DLPack for writing (`host.rs`).
    export: Mutex<Option<Arc<Export>>>,
    /// [`GRAD_LEAF`], [`VIEW`], [`PLACEHOLDER`]: what the in-place methods and shape reads check.
    flags: AtomicU8,
    /// A placeholder's dynamic dimensions (`placeholder.rs`), read while [`PLACEHOLDER`] is set.
    dynamic: OnceLock<Vec<bool>>,
    /// On a view: its base and how its value is made from the base's (`views.rs`).
    view_of: Mutex<Option<ViewLink>>,
    /// On a base: weak references to its views (`views.rs`).
    views: Mutex<Views>,
}

/// The handle is an input a running `grad` differentiates with respect to (a leaf that needs a
/// gradient, which MindSpore's in-place methods refuse to modify); cleared by any rebind.
pub const GRAD_LEAF: u8 = 1;
/// The handle was made by basic indexing of another tensor (`x[1:3]`), which MindSpore makes a
/// view of it (a custom function's view outputs may not be modified in place).
pub const VIEW: u8 = 2;
/// The handle is a dynamic-shape placeholder (`Tensor(shape=[None, 3], ...)`); cleared by any
/// rebind.
pub const PLACEHOLDER: u8 = 4;

/// A handle's storage handed out for writing (`asnumpy`, `__dlpack__`): the address of its first
/// element. Every array over it holds a clone, the handle one more; while an array lives, the
/// memory is the handle's own (no other value shares it unless made from the handle afterwards).
/// A tensor made over another library's memory (`from_numpy`, `from_dlpack`) has an `external`
/// record: that memory is always shared, arrays or not.
#[derive(Debug)]
pub struct Export {
    addr: usize,
    external: bool,
}

impl Export {
    /// How many arrays over the storage are alive.
    fn arrays(self: &Arc<Export>) -> usize {
        Arc::strong_count(self) - 1
    }

    /// True when `s` is the exported storage and it is shared now.
    fn is_live_for(self: &Arc<Export>, s: &ems::device::Storage) -> bool {
        (self.external || self.arrays() > 0) && s.host_ptr().map(|p| p as usize) == Some(self.addr)
    }
}

/// Where a Python tensor's value lives: in the handle itself; in an engine `Var` (a plain tensor
/// that was differentiated as a weight, which transformations bind); or in a shared
/// `nn::Parameter` (a Python `Parameter`, which a Rust layer and an optimizer read and rebind
/// too, around its `Var`).
enum Slot {
    Value(Tensor),
    Var(ems::Var),
    Param(ems::nn::Parameter),
}

impl PyTensor {
    pub fn new(inner: Tensor) -> PyTensor {
        PyTensor::with_slot(Slot::Value(inner), TRACE.with(Cell::get))
    }

    /// A tensor handle that is the shared parameter `p`.
    pub fn from_param(p: ems::nn::Parameter) -> PyTensor {
        PyTensor::with_slot(Slot::Param(p), 0)
    }

    fn with_slot(slot: Slot, born: u64) -> PyTensor {
        PyTensor {
            slot: RwLock::new(slot),
            rebinds: AtomicU64::new(0),
            born,
            version: OnceLock::new(),
            export: Mutex::new(None),
            flags: AtomicU8::new(0),
            dynamic: OnceLock::new(),
            view_of: Mutex::new(None),
            views: Mutex::new(Views::default()),
        }
    }

    /// A dynamic-shape placeholder of `inner` (a value on the placeholder device) whose
    /// dimensions marked in `dynamic` vary.
    pub fn placeholder(inner: Tensor, dynamic: Vec<bool>) -> PyTensor {
        let t = PyTensor::flagged(inner, PLACEHOLDER);
        let _ = t.dynamic.set(dynamic);
        t
    }

    /// The dynamic dimensions of a placeholder (None for any other tensor).
    pub fn dynamic_dims(&self) -> Option<&[bool]> {
        if self.has_flag(PLACEHOLDER) {
            self.dynamic.get().map(Vec::as_slice)
        } else {
            None
        }
    }

    /// A handle of `inner` marked with `flags` ([`GRAD_LEAF`], [`VIEW`]).
    pub fn flagged(inner: Tensor, flags: u8) -> PyTensor {
        let t = PyTensor::new(inner);
        t.flags.store(flags, Ordering::Relaxed);
        t
    }

    /// Links this handle, a view, to its base ([`crate::views::link`]).
    pub fn set_view_link(&self, link: ViewLink) {
        *self.view_of.lock().unwrap_or_else(PoisonError::into_inner) = Some(link);
    }

    /// `f` of this view's link to its base, if it has one (the lock is held only during `f`).
    pub fn view_link<R>(&self, f: impl FnOnce(&ViewLink) -> R) -> Option<R> {
        self.view_of
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(f)
    }

    /// Forgets this view's base (it no longer shares elements with it).
    pub fn drop_view_link(&self) {
        self.view_of
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
    }

    /// `f` of the weak references to this base's views (the lock is held only during `f`).
    pub fn with_views<R>(&self, f: impl FnOnce(&mut Views) -> R) -> R {
        f(&mut self.views.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// True when the handle carries `flag`.
    pub fn has_flag(&self, flag: u8) -> bool {
        self.flags.load(Ordering::Relaxed) & flag != 0
    }

    fn read(&self) -> RwLockReadGuard<'_, Slot> {
        // Every write leaves a whole slot: a panic elsewhere cannot leave it half-made.
        self.slot.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, Slot> {
        self.slot.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// True when a `jit` trace is running that this handle was not made in.
    fn read_by_other_trace(&self) -> bool {
        let trace = TRACE.with(Cell::get);
        trace != 0 && trace != self.born
    }

    /// The current value (a cheap handle clone). Read by a `jit` trace the handle was not made
    /// in, it becomes a constant of that graph: the handle is marked captured.
    pub fn value(&self) -> Tensor {
        self.value_of(&self.read())
    }

    /// The current value with the rebind count it belongs to (for [`PyTensor::set_value_if`]).
    pub fn value_with_rebinds(&self) -> (Tensor, u64) {
        let slot = self.read();
        // The count changes only under the write lock.
        (self.value_of(&slot), self.rebinds())
    }

    fn value_of(&self, slot: &Slot) -> Tensor {
        match slot {
            Slot::Value(t) => {
                if self.read_by_other_trace() {
                    ems::jit::note_captured(self.version.get_or_init(ems::Version::new));
                }
                t.clone()
            }
            Slot::Var(v) => v.get(),
            Slot::Param(p) => p.value(),
        }
    }

    /// The engine cell of this handle's value, made on first use for a plain tensor (a weight a
    /// gradient is taken with respect to): transformations bind it, and every read of the
    /// handle goes through it from then on.
    pub fn var(&self) -> ems::Var {
        let mut slot = self.write();
        match &*slot {
            Slot::Value(t) => {
                let v = ems::Var::new(t.clone());
                *slot = Slot::Var(v.clone());
                v
            }
            Slot::Var(v) => v.clone(),
            Slot::Param(p) => p.var().clone(),
        }
    }

    /// How many times the handle was rebound.
    pub fn rebinds(&self) -> u64 {
        self.rebinds.load(Ordering::Relaxed)
    }

    /// The shared parameter behind this handle, if it is one.
    pub fn param(&self) -> Option<ems::nn::Parameter> {
        match &*self.read() {
            Slot::Value(_) | Slot::Var(_) => None,
            Slot::Param(p) => Some(p.clone()),
        }
    }

    /// Rebinds the handle (`x[0] = 5`, `set_data`); a parameter keeps its shape and dtype
    /// (`Parameter.set_data`'s rule). A plain handle made outside the `jit` trace running now
    /// cannot be rebound by it (an error); a captured one makes the graphs that captured it
    /// stale (a new version).
    pub fn set_value(&self, t: Tensor) -> ems::Result<()> {
        self.set_value_when(t, None).map(|_| ())
    }

    /// [`PyTensor::set_value`], unless the handle was rebound since [`PyTensor::value_with_rebinds`]
    /// gave `seen`: then `Ok(false)` and nothing changes. A new value computed from the old one
    /// with the GIL released is stored this way, so that a rebind by another thread meanwhile is
    /// not lost (the caller computes again). (A parameter rebound through another handle, or by
    /// an optimizer, is not seen here.)
    pub fn set_value_if(&self, t: Tensor, seen: u64) -> ems::Result<bool> {
        self.set_value_when(t, Some(seen))
    }

    fn set_value_when(&self, t: Tensor, seen: Option<u64>) -> ems::Result<bool> {
        // The error's text is made after the lock is let go: it runs Python code.
        let plain = match &*self.read() {
            Slot::Value(old) => Some((old.dims().to_vec(), old.dtype())),
            Slot::Var(_) | Slot::Param(_) => None,
        };
        if let Some((dims, dtype)) = &plain {
            if self.read_by_other_trace() {
                return Err(ems::Error::Transform {
                    op: "jit",
                    msg: format!(
                        "the function rebinds a tensor created outside it (shape {dims:?}, dtype \
                         {dtype}){}, a side effect a compiled graph cannot replay; return the new \
                         value instead or make it a Parameter",
                        user_line()
                    ),
                });
            }
        }
        let stored = self.bind_when(t, seen)?;
        if stored && plain.is_some() {
            if let Some(v) = self.version.get() {
                v.bump();
            }
        }
        Ok(stored)
    }

    /// The handle's value for handing its memory out to be written (NumPy's `asnumpy` view,
    /// DLPack): a concrete CPU value whose storage nothing else shares (any layout but a
    /// broadcast), and the export record every array over it keeps. When the storage is shared
    /// (with views, other tensors, saved values, the scalar cache), read-only, or the value is a
    /// broadcast, the handle first gets its own contiguous copy (copy-on-export), so that writes
    /// through the arrays reach this tensor only. Arrays handed out earlier for the same storage
    /// still count as its own. `None` for a value that cannot be handed out in place: a traced
    /// value, a constant of a `jit` trace running now, memory on another device.
    pub fn exclusive(&self, op: &'static str) -> ems::Result<Option<(Tensor, Arc<Export>)>> {
        if self.read_by_other_trace() {
            return Ok(None);
        }
        let t = self.value();
        let Some((s, l)) = t.storage_layout() else {
            return Ok(None);
        };
        if s.host_data().is_none() {
            return Ok(None);
        }
        let mut export = self.export.lock().unwrap_or_else(PoisonError::into_inner);
        let live = export.as_ref().filter(|e| e.is_live_for(s));
        let arrays = live.map_or(0, Export::arrays);
        let live = live.cloned();
        // A broadcast view repeats elements: a write through it would change several.
        let repeats = l
            .shape()
            .iter()
            .zip(l.strides())
            .any(|(&n, &st)| n > 1 && st == 0);
        // The handle's slot holds the value once, `t` once more; each array the storage once.
        if let Some(ptr) = s.host_ptr() {
            if !repeats && t.holders() == 2 && s.holders() == 1 + arrays {
                let e = live.unwrap_or_else(|| {
                    Arc::new(Export {
                        addr: ptr as usize,
                        external: false,
                    })
                });
                *export = Some(e.clone());
                return Ok(Some((t, e)));
            }
        }
        let copy = s
            .device()
            .contiguous(&ems::device::Concrete::new(s.clone(), l.clone()))?;
        let dims = t.dims().to_vec();
        let strides = ems::layout::contiguous_strides(&dims);
        let own = Tensor::from_storage_strided(op, copy, &dims, &strides, 0)?;
        let Some(addr) = own.storage_layout().and_then(|(s, _)| s.host_ptr()) else {
            return Ok(None);
        };
        if !self.replace_same(&t, own.clone())? {
            // Another thread rebound the handle meanwhile: its new value is not ours to share.
            return Ok(None);
        }
        let e = Arc::new(Export {
            addr: addr as usize,
            external: false,
        });
        *export = Some(e.clone());
        Ok(Some((own, e)))
    }

    /// Marks the handle's value as memory another library shares (`from_numpy`, `from_dlpack`):
    /// in-place ops write into it ([`PyTensor::exported_value`]) while the value is unchanged.
    pub fn mark_external(&self) {
        let t = self.value();
        if let Some(ptr) = t.storage_layout().and_then(|(s, _)| s.host_ptr()) {
            *self.export.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(Export {
                addr: ptr as usize,
                external: true,
            }));
        }
    }

    /// Replaces the value `old` by `new`, an equal value in other memory, unless the handle was
    /// rebound meanwhile (`Ok(false)`). Not a rebind: the values are equal.
    pub fn replace_same(&self, old: &Tensor, new: Tensor) -> ems::Result<bool> {
        let mut slot = self.write();
        let current = match &*slot {
            Slot::Value(v) => v.clone(),
            Slot::Var(v) => v.get(),
            Slot::Param(p) => p.value(),
        };
        if !current.same(old) {
            return Ok(false);
        }
        match &mut *slot {
            Slot::Value(v) => *v = new,
            Slot::Var(v) => v.set(new),
            Slot::Param(p) => p.set_data(&new)?,
        }
        Ok(true)
    }

    /// The handle's value when it is the storage of live exported arrays (NumPy views, DLPack
    /// consumers): what an in-place op (`x[i] = v`) writes into, as MindSpore's and PyTorch's
    /// in-place ops write into the memory the arrays see.
    pub fn exported_value(&self) -> Option<Tensor> {
        let t = self.value();
        let (s, _) = t.storage_layout()?;
        let export = self.export.lock().unwrap_or_else(PoisonError::into_inner);
        export.as_ref().filter(|e| e.is_live_for(s))?;
        Some(t.clone())
    }

    /// Rebinds the handle without the `jit` checks of [`PyTensor::set_value`] (the grad API
    /// gives an output handle its untraced value).
    pub fn bind(&self, t: Tensor) -> ems::Result<()> {
        self.bind_when(t, None).map(|_| ())
    }

    /// Rebinds the handle when `seen` is `None` or the current rebind count; `Ok(false)` (and
    /// nothing changes) otherwise.
    fn bind_when(&self, t: Tensor, seen: Option<u64>) -> ems::Result<bool> {
        let mut slot = self.write();
        if seen.is_some_and(|n| n != self.rebinds()) {
            return Ok(false);
        }
        self.rebinds.fetch_add(1, Ordering::Relaxed);
        self.flags
            .fetch_and(!(GRAD_LEAF | PLACEHOLDER), Ordering::Relaxed);
        match &mut *slot {
            Slot::Value(v) => *v = t,
            Slot::Var(v) => v.set(t),
            Slot::Param(p) => p.set_data(&t)?,
        }
        Ok(true)
    }
}

/// ` at file:line: code` for the innermost Python frame (the user's line that made the call), or
/// nothing when Python cannot tell.
fn user_line() -> String {
    Python::with_gil(|py| {
        let at = || -> PyResult<String> {
            let frame = py.import("sys")?.getattr("_getframe")?.call1((0,))?;
            let file: String = frame.getattr("f_code")?.getattr("co_filename")?.extract()?;
            let line: usize = frame.getattr("f_lineno")?.extract()?;
            let text: String = py
                .import("linecache")?
                .getattr("getline")?
                .call1((file.as_str(), line))?
                .extract()?;
            Ok(format!(" at {file}:{line}: `{}`", text.trim()))
        };
        at().unwrap_or_default()
    })
}

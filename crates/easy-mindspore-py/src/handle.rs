//! The Python tensor handle (`PyTensor`): where its value lives (a plain value, an engine `Var`,
//! or a shared `nn::Parameter`) and how reads and rebinds interact with a running `jit` trace.
//! Its Python methods are in `tensor.rs`; conversions (which read handles) in `convert.rs`.

use easy_mindspore as ems;
use ems::Tensor;
use pyo3::prelude::*;
use std::cell::Cell;
use std::sync::OnceLock;

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
#[pyclass(module = "easy_mindspore.tensor", name = "Tensor", subclass)]
pub struct PyTensor {
    slot: Slot,
    /// Counts rebinds through this handle (the grad API tells a function's own `set_data` from
    /// its binding with it).
    rebinds: u64,
    /// The `jit` trace this handle was made in (0: outside any).
    born: u64,
    /// Counts rebinds once a trace it was not made in read it (some cached graph may hold its
    /// value as a constant).
    version: OnceLock<ems::Version>,
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
        PyTensor {
            slot: Slot::Value(inner),
            rebinds: 0,
            born: TRACE.with(Cell::get),
            version: OnceLock::new(),
        }
    }

    /// A tensor handle that is the shared parameter `p`.
    pub fn from_param(p: ems::nn::Parameter) -> PyTensor {
        PyTensor {
            slot: Slot::Param(p),
            rebinds: 0,
            born: 0,
            version: OnceLock::new(),
        }
    }

    /// The current value (a cheap handle clone). Read by a `jit` trace the handle was not made
    /// in, it becomes a constant of that graph: the handle is marked captured.
    pub fn value(&self) -> Tensor {
        match &self.slot {
            Slot::Value(t) => {
                let trace = TRACE.with(Cell::get);
                if trace != 0 && trace != self.born {
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
    pub fn var(&mut self) -> ems::Var {
        match &self.slot {
            Slot::Value(t) => {
                let v = ems::Var::new(t.clone());
                self.slot = Slot::Var(v.clone());
                v
            }
            Slot::Var(v) => v.clone(),
            Slot::Param(p) => p.var().clone(),
        }
    }

    /// How many times the handle was rebound.
    pub fn rebinds(&self) -> u64 {
        self.rebinds
    }

    /// The shared parameter behind this handle, if it is one.
    pub fn param(&self) -> Option<&ems::nn::Parameter> {
        match &self.slot {
            Slot::Value(_) | Slot::Var(_) => None,
            Slot::Param(p) => Some(p),
        }
    }

    /// Rebinds the handle (`x[0] = 5`, `set_data`); a parameter keeps its shape and dtype
    /// (`Parameter.set_data`'s rule). A plain handle made outside the `jit` trace running now
    /// cannot be rebound by it (an error); a captured one makes the graphs that captured it
    /// stale (a new version).
    pub fn set_value(&mut self, t: Tensor) -> ems::Result<()> {
        if let Slot::Value(old) = &self.slot {
            let trace = TRACE.with(Cell::get);
            if trace != 0 && trace != self.born {
                return Err(ems::Error::Transform {
                    op: "jit",
                    msg: format!(
                        "the function rebinds a tensor created outside it (shape {:?}, dtype {}){}, \
                         a side effect a compiled graph cannot replay; return the new value \
                         instead or make it a Parameter",
                        old.dims(),
                        old.dtype(),
                        user_line()
                    ),
                });
            }
            if let Some(v) = self.version.get() {
                v.bump();
            }
        }
        self.bind(t)
    }

    /// Rebinds the handle without the `jit` checks of [`PyTensor::set_value`] (the grad API
    /// gives an output handle its untraced value).
    pub fn bind(&mut self, t: Tensor) -> ems::Result<()> {
        self.rebinds += 1;
        match &mut self.slot {
            Slot::Value(v) => {
                *v = t;
                Ok(())
            }
            Slot::Var(v) => {
                v.set(t);
                Ok(())
            }
            Slot::Param(p) => p.set_data(&t),
        }
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

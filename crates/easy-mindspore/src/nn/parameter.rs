//! `Parameter`: a named, shared, mutable handle to a tensor value (MindSpore's `Parameter`), and
//! `ParameterTuple`, an ordered list of them.
//!
//! Values stay immutable (DESIGN §7a): a `Parameter` is a name and a flag around an engine
//! [`Var`], the cell that is *rebound* to a new value by [`Parameter::set_data`] and by optimizers.
//! Clones of a `Parameter` share the cell, so a layer, an optimizer and a checkpoint loader all see
//! the same current value. A view taken from [`Parameter::value`] before an update keeps the old
//! value.
//!
//! While [`crate::nn::value_and_grad`] runs, each differentiated parameter's `Var` is bound to a
//! traced value (inside `jit`, to an input of the graph); cells read it with
//! [`Parameter::value`] exactly as they read a plain value.
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::Parameter;
//! let w = Parameter::new(ems::Tensor::new([1.0f32, 2.0])?, "w");
//! assert_eq!(w.to_string(), "Parameter (name=w, shape=(2,), dtype=Float32, requires_grad=True)");
//! w.set_data(&ems::Tensor::new([3.0f32, 4.0])?)?;
//! assert_eq!(w.value().to_vec::<f32>(), vec![3.0, 4.0]);
//! # Ok::<(), ems::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::prim::Var;
use crate::tensor::Tensor;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

struct Inner {
    name: RwLock<String>,
    requires_grad: AtomicBool,
    var: Var,
}

/// A named tensor that a cell owns and an optimizer updates. Cloning shares the handle.
#[derive(Clone)]
pub struct Parameter(Arc<Inner>);

impl Parameter {
    /// A trainable parameter (`requires_grad = true`) holding `value`.
    pub fn new(value: Tensor, name: &str) -> Parameter {
        Parameter::with_grad(value, name, true)
    }

    /// A parameter with an explicit `requires_grad` (false for buffers such as BatchNorm's
    /// moving statistics).
    pub fn with_grad(value: Tensor, name: &str, requires_grad: bool) -> Parameter {
        Parameter(Arc::new(Inner {
            name: RwLock::new(name.to_string()),
            requires_grad: AtomicBool::new(requires_grad),
            var: Var::new(value),
        }))
    }

    /// The current value (a cheap handle clone; traced while a gradient over this parameter runs).
    ///
    /// Inside `jit`, the first read lifts the parameter to an input of the staged graph, so a
    /// cached graph reads the parameter's value at each call.
    pub fn value(&self) -> Tensor {
        self.0.var.get()
    }

    /// The engine cell holding the value.
    pub fn var(&self) -> &Var {
        &self.0.var
    }

    /// The name (checkpoints store values under it).
    pub fn name(&self) -> String {
        read(&self.0.name).clone()
    }

    /// Renames the parameter.
    pub fn set_name(&self, name: &str) {
        *write(&self.0.name) = name.to_string();
    }

    /// Whether optimizers and [`crate::nn::Cell::trainable_params`] include it.
    pub fn requires_grad(&self) -> bool {
        self.0.requires_grad.load(Ordering::Relaxed)
    }

    /// Sets `requires_grad`.
    pub fn set_requires_grad(&self, on: bool) {
        self.0.requires_grad.store(on, Ordering::Relaxed);
    }

    /// The shape of the current value.
    pub fn shape(&self) -> Vec<usize> {
        self.value().shape()
    }

    /// The dtype of the current value.
    pub fn dtype(&self) -> crate::DType {
        self.value().dtype()
    }

    /// Rebinds the parameter to `data`. The shape must not change; a value of a lower dtype is
    /// converted up to the parameter's dtype, a higher one is an error (no silent narrowing from
    /// the engine's own writes; the Python `Parameter.set_data` converts first, as MindSpore's).
    pub fn set_data(&self, data: &Tensor) -> Result<()> {
        let current = self.value();
        if current.dims() != data.dims() {
            return Err(Error::invalid(
                "Parameter.set_data",
                format!(
                    "can not change the shape of Parameter '{}': current shape {:?}, incoming {:?}",
                    self.name(),
                    current.dims(),
                    data.dims()
                ),
            ));
        }
        let data = if data.dtype() == current.dtype() {
            data.clone()
        } else if data.dtype() < current.dtype() {
            crate::ops::cast(data, current.dtype())?
        } else {
            return Err(Error::invalid(
                "Parameter.set_data",
                format!(
                    "Parameter '{}' is {}, and a {} value would be narrowed; cast it first",
                    self.name(),
                    current.dtype(),
                    data.dtype()
                ),
            ));
        };
        self.replace(data);
        Ok(())
    }

    /// Converts the value to `dtype` (MindSpore's `Cell.to(dtype)`, which casts a network's
    /// float parameters): the one way a parameter's dtype changes. Every holder sees the new
    /// value, as after `set_data`.
    pub fn convert(&self, dtype: crate::DType) -> Result<()> {
        let v = crate::ops::cast(&self.value(), dtype)?;
        self.replace(v);
        Ok(())
    }

    /// Sets `value` without checks (for optimizers and loaders, which keep shape and dtype by
    /// construction).
    pub(crate) fn replace(&self, value: Tensor) {
        self.0.var.set(value);
    }

    /// True when both handles are the same parameter.
    pub fn same(&self, other: &Parameter) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

fn read<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    // A panic while holding the lock cannot leave a half-written value: writes are single swaps.
    l.read().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A Python tuple of the shape: `()`, `(2,)`, `(2, 3)`.
fn py_tuple(shape: &[usize]) -> String {
    match shape {
        [] => "()".into(),
        [d] => format!("({d},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(usize::to_string).collect();
            format!("({})", parts.join(", "))
        }
    }
}

impl std::fmt::Display for Parameter {
    /// MindSpore's repr (reference §2.7): `Parameter (name=w, shape=(2,), dtype=Float32,
    /// requires_grad=True)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.value();
        write!(
            f,
            "Parameter (name={}, shape={}, dtype={}, requires_grad={})",
            self.name(),
            py_tuple(v.dims()),
            v.dtype(),
            if self.requires_grad() {
                "True"
            } else {
                "False"
            }
        )
    }
}

impl std::fmt::Debug for Parameter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// An ordered collection of parameters (MindSpore's `ParameterTuple`); names must be distinct.
#[derive(Clone, Debug, Default)]
pub struct ParameterTuple(Vec<Parameter>);

impl ParameterTuple {
    /// The tuple, or an error naming a duplicated parameter name.
    pub fn new(params: Vec<Parameter>) -> Result<ParameterTuple> {
        let mut seen = std::collections::HashSet::new();
        for p in &params {
            if !seen.insert(p.name()) {
                return Err(Error::invalid(
                    "ParameterTuple",
                    format!(
                        "the parameter name '{}' appears more than once; names must be unique",
                        p.name()
                    ),
                ));
            }
        }
        Ok(ParameterTuple(params))
    }

    /// A tuple of clones of the parameters' current values, under new names `prefix + "." +
    /// name` (MindSpore's `ParameterTuple.clone`, used for optimizer moments).
    pub fn clone_with(
        &self,
        prefix: &str,
        init: impl Fn(&Tensor) -> Result<Tensor>,
    ) -> Result<Self> {
        let v = self
            .0
            .iter()
            .map(|p| {
                Ok(Parameter::new(
                    init(&p.value())?,
                    &format!("{prefix}.{}", p.name()),
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ParameterTuple(v))
    }

    /// The parameters as a slice.
    pub fn as_slice(&self) -> &[Parameter] {
        &self.0
    }
}

impl std::ops::Deref for ParameterTuple {
    type Target = [Parameter];
    fn deref(&self) -> &[Parameter] {
        &self.0
    }
}

impl From<ParameterTuple> for Vec<Parameter> {
    fn from(t: ParameterTuple) -> Vec<Parameter> {
        t.0
    }
}

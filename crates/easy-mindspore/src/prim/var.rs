//! State as an engine value: [`Var`], a mutable cell holding a tensor, and [`Version`], the
//! counter that says whether a cell changed.
//!
//! Values are immutable; what changes is which value a `Var` holds. Parameters, optimizer moments
//! and learning rates, the default random key: every piece of mutable state the engine sees is a
//! `Var`. Reads and writes go through the interpreter stack ([`super::bind`]), so a transformation
//! can bind a `Var` for as long as it runs — the gradient w.r.t. weights binds them to traced
//! values, `jit` to inputs of the graph it stages (and replays their writes) — with one mechanism
//! and nothing to restore by hand. Clones share the cell. Thread-safe: a binding belongs to the
//! thread whose transformation made it; the cell is shared.
//!
//! ```
//! use easy_mindspore as ems;
//! let v = ems::Var::new(ems::Tensor::new([1.0f32, 2.0])?);
//! let before = v.version();
//! v.set(ems::Tensor::new([3.0f32, 4.0])?);
//! assert_eq!(v.get().to_vec::<f32>(), vec![3.0, 4.0]);
//! assert!(v.version() > before);
//! # Ok::<(), ems::Error>(())
//! ```

use super::bind::{read_var, update_var, write_var};
use crate::error::Result;
use crate::tensor::Tensor;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// A shared counter of changes. A `jit` graph that depends on some state records the state's
/// version and is reused only while it is unchanged; a front's own mutable handles (a Python
/// tensor a graph captured as a constant) can carry one too.
#[derive(Clone, Debug, Default)]
pub struct Version(Arc<AtomicU64>);

impl Version {
    /// A new counter at 0.
    pub fn new() -> Version {
        Version::default()
    }

    /// The current count.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    /// Counts one change.
    pub fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }

    /// True when both are the same counter.
    pub fn same(&self, other: &Version) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

struct Cell {
    value: RwLock<Tensor>,
    version: Version,
}

/// A mutable cell holding a tensor value (see the module documentation). Cloning shares the cell.
#[derive(Clone)]
pub struct Var(Arc<Cell>);

impl Var {
    /// A cell holding `value`.
    pub fn new(value: Tensor) -> Var {
        Var(Arc::new(Cell {
            value: RwLock::new(value),
            version: Version::new(),
        }))
    }

    /// The current value on this thread: a transformation's binding of the cell if one applies
    /// (inside `jit`, the first read makes the cell an input of the graph), else the cell's.
    pub fn get(&self) -> Tensor {
        read_var(self)
    }

    /// Sets the value on this thread: a transformation's binding if one applies (inside `jit`,
    /// a write the graph replays at every call), else the cell (a new version).
    pub fn set(&self, value: Tensor) {
        write_var(self, value);
    }

    /// Replaces the value by `f(value)`'s first part and returns its second, atomically with
    /// respect to other threads (a random draw that advances a key). `f` must not use this `Var`.
    pub fn update<R>(&self, f: impl FnOnce(&Tensor) -> Result<(Tensor, R)>) -> Result<R> {
        update_var(self, f)
    }

    /// The cell's version: it changes with every write to the cell itself.
    pub fn version(&self) -> u64 {
        self.0.version.get()
    }

    /// The cell's version counter.
    pub fn version_counter(&self) -> &Version {
        &self.0.version
    }

    /// True when both handles are the same cell.
    pub fn same(&self, other: &Var) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The value in the cell itself, whatever binds it.
    pub(crate) fn load(&self) -> Tensor {
        // A panic while holding the lock cannot leave a half-written value: writes are swaps.
        self.0
            .value
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// [`Var::update`] on the cell itself, holding its lock while `f` runs.
    pub(crate) fn update_cell<R>(
        &self,
        f: impl FnOnce(&Tensor) -> Result<(Tensor, R)>,
    ) -> Result<R> {
        let mut cell = self
            .0
            .value
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (new, r) = f(&cell)?;
        let old = std::mem::replace(&mut *cell, new);
        self.0.version.bump();
        drop(cell);
        drop(old);
        Ok(r)
    }

    /// Sets the cell itself (a new version).
    pub(crate) fn store(&self, value: Tensor) {
        let old = std::mem::replace(
            &mut *self
                .0
                .value
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
            value,
        );
        self.0.version.bump();
        // The old value is dropped outside the lock (it may free a large buffer).
        drop(old);
    }
}

impl std::fmt::Debug for Var {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Var(version {}, {:?})", self.version(), self.load())
    }
}

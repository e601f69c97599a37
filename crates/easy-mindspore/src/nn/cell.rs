//! `Cell`: the building block of networks (MindSpore's `nn.Cell`), and `SequentialCell`.
//!
//! A cell computes `construct(x)` from its input and the current values of its parameters. It
//! lists its own parameters ([`Cell::params`]) and its child cells ([`Cell::cells`]) under
//! attribute names; everything else — `parameters_and_names`, `trainable_params`, `set_train`,
//! the MindSpore-style repr — is derived from those two lists. Parameter paths join attribute
//! names with dots (`0.weight`, `features.conv1.bias`), as MindSpore names them.
//!
//! A cell may give its own backward rule ([`Cell::bprop`], MindSpore's `bprop`): [`Cell::call`]
//! then runs `construct` for the value and the rule for the gradient. Like in MindSpore, the
//! cell's own parameters get no gradient through such a rule.
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::{self, Cell};
//! ems::set_seed(0);
//! let net = nn::SequentialCell::from_cells(vec![
//!     Box::new(nn::Dense::new(4, 3)?),
//!     Box::new(nn::ReLU::new()),
//!     Box::new(nn::Dense::new(3, 2)?),
//! ]);
//! let names: Vec<String> = net.parameters_and_names().into_iter().map(|(n, _)| n).collect();
//! assert_eq!(names, ["0.weight", "0.bias", "2.weight", "2.bias"]);
//! let y = net.call(&ems::ones(&[5, 4], ems::DType::Float32)?)?;
//! assert_eq!(y.shape(), vec![5, 2]);
//! # Ok::<(), ems::Error>(())
//! ```

use super::parameter::Parameter;
use crate::error::{Error, Result};
use crate::tensor::Tensor;
use crate::transforms::CustomVjp;
use std::sync::Arc;

/// A user backward rule `(x, out, dout) -> dx` (MindSpore's `bprop(self, x, out, dout)`).
pub type Bprop = Arc<dyn Fn(&Tensor, &Tensor, &Tensor) -> Result<Tensor> + Send + Sync>;

/// A network layer or a whole network.
pub trait Cell: Send + Sync {
    /// The class name shown in reprs and errors (`"Dense"`).
    fn cls_name(&self) -> &'static str;

    /// The forward computation.
    fn construct(&self, x: &Tensor) -> Result<Tensor>;

    /// This cell's own parameters, under their attribute names.
    fn params(&self) -> Vec<(String, Parameter)> {
        Vec::new()
    }

    /// The child cells, under their attribute names.
    fn cells(&self) -> Vec<(String, &dyn Cell)> {
        Vec::new()
    }

    /// Sets this cell's own training flag (cells whose behaviour differs, such as `Dropout` and
    /// `BatchNorm`, store it); [`Cell::set_train`] calls it on every cell of the tree.
    fn set_training(&self, _mode: bool) {}

    /// A user backward rule; `None` (the default) differentiates `construct` automatically.
    fn bprop(&self) -> Option<Bprop> {
        None
    }

    /// The arguments shown inside the repr's angle brackets (MindSpore's `extend_repr`).
    fn extend_repr(&self) -> String {
        String::new()
    }

    /// MindSpore's `__call__`: `construct`, or, with a [`Cell::bprop`], the value of `construct`
    /// with the user's rule as its derivative.
    fn call(&self, x: &Tensor) -> Result<Tensor> {
        let Some(rule) = self.bprop() else {
            return self.construct(x);
        };
        if x.is_batched() {
            return Err(Error::Transform {
                op: "Cell.bprop",
                msg: format!(
                    "a {} with a user bprop cannot be called inside vmap (input shape {:?})",
                    self.cls_name(),
                    x.dims()
                ),
            });
        }
        // The value, with every derivative blocked: the rule alone supplies the gradient.
        let out = self.construct(&x.stop_gradient()?)?.stop_gradient()?;
        let value = out.clone();
        let custom = CustomVjp::new(
            self.cls_name(),
            move |_| Ok(value.clone()),
            move |xs, out, dout| Ok(vec![rule(&xs[0], out, dout)?]),
        );
        custom.call(std::slice::from_ref(x))
    }

    /// Every parameter of the tree, each once, under its dotted path.
    fn parameters_and_names(&self) -> Vec<(String, Parameter)> {
        let mut out: Vec<(String, Parameter)> = Vec::new();
        let mut push = |name: String, p: Parameter| {
            if !out.iter().any(|(_, q)| q.same(&p)) {
                out.push((name, p));
            }
        };
        for (n, p) in self.params() {
            push(n, p);
        }
        for (cn, c) in self.cells() {
            for (n, p) in c.parameters_and_names() {
                push(format!("{cn}.{n}"), p);
            }
        }
        out
    }

    /// Every parameter of the tree, each once, in `parameters_and_names` order.
    fn get_parameters(&self) -> Vec<Parameter> {
        self.parameters_and_names()
            .into_iter()
            .map(|(_, p)| p)
            .collect()
    }

    /// The parameters with `requires_grad`: what an optimizer updates.
    fn trainable_params(&self) -> Vec<Parameter> {
        self.get_parameters()
            .into_iter()
            .filter(Parameter::requires_grad)
            .collect()
    }

    /// The parameters without `requires_grad` (BatchNorm's moving statistics).
    fn untrainable_params(&self) -> Vec<Parameter> {
        self.get_parameters()
            .into_iter()
            .filter(|p| !p.requires_grad())
            .collect()
    }

    /// Training (`true`) or evaluation mode for this cell and all its children. Cells start in
    /// evaluation mode, as in MindSpore.
    fn set_train(&self, mode: bool) {
        self.set_training(mode);
        for (_, c) in self.cells() {
            c.set_train(mode);
        }
    }

    /// Names every parameter `prefix + path` (MindSpore's `update_parameters_name`); call it with
    /// `""` on a hand-built network so that `Parameter::name` equals the checkpoint path.
    fn update_parameters_name(&self, prefix: &str) {
        for (path, p) in self.parameters_and_names() {
            p.set_name(&format!("{prefix}{path}"));
        }
    }

    /// MindSpore's repr: `Dense<input_channels=2, output_channels=3, has_bias=True>`, children
    /// listed one per line as `(name): repr`.
    fn repr(&self) -> String {
        let head = format!("{}<{}", self.cls_name(), self.extend_repr());
        let children = self.cells();
        if children.is_empty() {
            return head + ">";
        }
        let mut s = head;
        for (name, c) in children {
            let inner = c.repr().replace('\n', "\n  ");
            s.push_str(&format!("\n  ({name}): {inner}"));
        }
        s + "\n  >"
    }
}

impl<C: Cell + ?Sized> Cell for Box<C> {
    fn cls_name(&self) -> &'static str {
        (**self).cls_name()
    }
    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        (**self).construct(x)
    }
    fn params(&self) -> Vec<(String, Parameter)> {
        (**self).params()
    }
    fn cells(&self) -> Vec<(String, &dyn Cell)> {
        (**self).cells()
    }
    fn set_training(&self, mode: bool) {
        (**self).set_training(mode)
    }
    fn bprop(&self) -> Option<Bprop> {
        (**self).bprop()
    }
    fn extend_repr(&self) -> String {
        (**self).extend_repr()
    }
}

/// Cells applied one after another (MindSpore's `nn.SequentialCell`); children are named `0`,
/// `1`, ... and their parameters renamed `0.weight`, ... when added.
#[derive(Default)]
pub struct SequentialCell {
    cells: Vec<Box<dyn Cell>>,
}

impl SequentialCell {
    /// An empty sequence (the identity).
    pub fn new() -> SequentialCell {
        SequentialCell::default()
    }

    /// The cells in order.
    pub fn from_cells(cells: Vec<Box<dyn Cell>>) -> SequentialCell {
        let mut s = SequentialCell::new();
        for c in cells {
            s.append(c);
        }
        s
    }

    /// Adds a cell at the end (MindSpore's `append`).
    pub fn append(&mut self, cell: Box<dyn Cell>) {
        cell.update_parameters_name(&format!("{}.", self.cells.len()));
        self.cells.push(cell);
    }

    /// `append` as a builder.
    pub fn with(mut self, cell: impl Cell + 'static) -> SequentialCell {
        self.append(Box::new(cell));
        self
    }

    /// The number of cells.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// True when there are no cells.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The `i`-th cell.
    pub fn get(&self, i: usize) -> Option<&dyn Cell> {
        self.cells.get(i).map(|c| &**c)
    }
}

impl Cell for SequentialCell {
    fn cls_name(&self) -> &'static str {
        "SequentialCell"
    }
    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        let mut y = x.clone();
        for c in &self.cells {
            y = c.call(&y)?;
        }
        Ok(y)
    }
    fn cells(&self) -> Vec<(String, &dyn Cell)> {
        self.cells
            .iter()
            .enumerate()
            .map(|(i, c)| (i.to_string(), &**c))
            .collect()
    }
}

/// A training flag for cells whose behaviour depends on the mode (false until `set_train`).
#[derive(Debug, Default)]
pub struct TrainFlag {
    on: std::sync::atomic::AtomicBool,
    version: crate::Version,
}

impl TrainFlag {
    /// The flag's value. Read while `jit` traces, it makes the graph valid only in this mode.
    pub fn get(&self) -> bool {
        crate::jit::note_captured(&self.version);
        self.on.load(std::sync::atomic::Ordering::Relaxed)
    }
    /// Sets the flag (a change makes graphs traced in the other mode stale).
    pub fn set(&self, on: bool) {
        if self.on.swap(on, std::sync::atomic::Ordering::Relaxed) != on {
            self.version.bump();
        }
    }
}

/// `True`/`False` as Python prints them, for `extend_repr`.
pub(crate) fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

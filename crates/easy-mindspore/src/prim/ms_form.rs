//! How a primitive is written in a MindIR file (`mindspore.export`): as the MindSpore 2.10
//! primitive that computes it, with the arguments that primitive takes. Each primitive's rule
//! gives its own form ([`Rule::mindspore`](super::Rule::mindspore)); `nn::mindir` writes the
//! nodes.

use crate::dtype::DType;
use crate::tensor::Tensor;

/// A constant argument of a MindSpore primitive.
#[derive(Clone, Debug)]
pub enum MsArg {
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// A float (stored as Float32, as MindSpore stores a Python float).
    Float(f64),
    /// A string.
    Str(&'static str),
    /// A tuple of integers.
    Ints(Vec<usize>),
    /// A tuple of pairs of integers.
    Pairs(Vec<[usize; 2]>),
    /// A dtype (MindSpore's type id).
    Type(DType),
    /// A tensor.
    Tensor(Tensor),
}

/// The MindSpore form of one application of a primitive.
#[derive(Clone, Debug)]
pub enum MsForm {
    /// The operand itself: no node (a view that changes nothing).
    Same,
    /// MindSpore's primitive `op` applied to the operands.
    Op {
        /// Its name (`MatMul`).
        op: &'static str,
        /// Functional (`PRIMITIVE_FUNCTION`): `args` follow the operands as inputs of the node;
        /// otherwise `attrs` are the primitive's attributes.
        functional: bool,
        /// Constant inputs after the operands.
        args: Vec<MsArg>,
        /// Attributes (`Conv2D`'s `out_channel`, ...).
        attrs: Vec<(&'static str, MsArg)>,
        /// The operands go in as one tuple (`Concat`).
        tuple: bool,
        /// The result is this item of the tuple the primitive returns.
        pick: Option<i64>,
        /// An elementwise primitive that broadcasts its operands as NumPy does.
        broadcasts: bool,
        /// Valid only when every operand is the same value, which goes in once (max pooling,
        /// `MaxSelect(x, x)`).
        one_operand: bool,
    },
    /// A broadcast to `shape`: the operand reshaped to `aligned` (its axes where the output has
    /// them, 1 elsewhere), then `BroadcastTo`. `trailing`: the operand's axes are the output's
    /// last ones, so NumPy's broadcasting aligns them without the reshape.
    Broadcast {
        /// The operand's shape at the output's rank.
        aligned: Vec<usize>,
        /// The operand's axes are the output's trailing axes.
        trailing: bool,
        /// The output's shape.
        shape: Vec<usize>,
    },
}

impl MsForm {
    /// The functional primitive `op`, with no constant arguments yet.
    pub fn op(op: &'static str) -> MsForm {
        MsForm::Op {
            op,
            functional: true,
            args: Vec::new(),
            attrs: Vec::new(),
            tuple: false,
            pick: None,
            broadcasts: false,
            one_operand: false,
        }
    }

    /// The (non-functional) primitive `op` with attributes.
    pub fn with_attrs(op: &'static str, attrs: Vec<(&'static str, MsArg)>) -> MsForm {
        MsForm::Op {
            op,
            functional: false,
            args: Vec::new(),
            attrs,
            tuple: false,
            pick: None,
            broadcasts: false,
            one_operand: false,
        }
    }

    /// The same form with constant arguments `more` after the operands.
    pub fn args(mut self, more: impl IntoIterator<Item = MsArg>) -> MsForm {
        if let MsForm::Op { args, .. } = &mut self {
            args.extend(more);
        }
        self
    }

    /// The same form, taking the item `i` of the primitive's tuple result.
    pub fn pick(mut self, i: i64) -> MsForm {
        if let MsForm::Op { pick, .. } = &mut self {
            *pick = Some(i);
        }
        self
    }

    /// The same form, its operands passed as one tuple.
    pub fn tuple(mut self) -> MsForm {
        if let MsForm::Op { tuple, .. } = &mut self {
            *tuple = true;
        }
        self
    }

    /// The same form, valid only for equal operands, which go in once.
    pub fn one_operand(mut self) -> MsForm {
        if let MsForm::Op { one_operand, .. } = &mut self {
            *one_operand = true;
        }
        self
    }

    /// The same form, marked as broadcasting its operands.
    pub fn broadcasting(mut self) -> MsForm {
        if let MsForm::Op { broadcasts, .. } = &mut self {
            *broadcasts = true;
        }
        self
    }
}

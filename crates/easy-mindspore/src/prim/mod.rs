//! The closed set of primitives, everything the engine knows about each one, and [`bind`], the one
//! function that applies them.
//!
//! Every operation in the engine is, at the bottom, one [`Prim`] applied through [`bind`], which
//! hands it to the innermost interpreter tracing its arguments, or evaluates it (`bind.rs`; the
//! same stack scopes the bindings of state, [`Var`]). Elementwise ops and reductions come in groups ([`UnaryOp`],
//! [`BinaryOp`], [`CmpOp`], [`ReduceOp`]) whose scalar functions are tables in [`crate::op`].
//! Each primitive has one **entry** — a type implementing [`Rule`] — that holds its shape and dtype
//! rule, its kernel call, its JVP and VJP and its batching rule side by side, and its thin
//! constructor (`prim::exp(x)`, one `bind`), as PyTorch's `derivatives.yaml` keeps a function's
//! forward and backward formulas together:
//!
//! | entry | primitives |
//! |---|---|
//! | `unary.rs` | `Unary(UnaryOp)` |
//! | `binary.rs` | `Binary(BinaryOp)` |
//! | `compare.rs` | `Compare(CmpOp)`, `Where` |
//! | `cast.rs` | `Cast`, `StopGradient` |
//! | `reduce.rs` | `Reduce`, `ArgMax`, `ArgSort`, `Cumsum` |
//! | `structure.rs` | `Reshape`, `Permute`, `BroadcastInDim`, `Slice`, `Pad`, `Concat`, `Rev` |
//! | `matmul.rs` | `MatMul` |
//! | `linalg.rs` | `Linalg(LinalgOp)` (inverse, determinant, `log|det|`, its sign, the Cholesky factor, the SVD, the eigendecomposition; `svd_rules.rs` and `eig_rules.rs` their rules) |
//! | `fft.rs` | `FFT` (the unnormalised discrete Fourier transform along the last axis) |
//! | `softmax.rs` | `Softmax` |
//! | `var_mean.rs` | `VarMean` |
//! | `layer_norm.rs` | `LayerNorm` |
//! | `rnn_cell.rs` | `RnnCell(CellOp)` (one LSTM or GRU step's gate maths), `RnnCellGrad` (its gradient) |
//! | `lstm_layer.rs` | `LstmLayer`, `LstmLayerGrad` (one direction of an LSTM layer over a sequence, and its backward sweep) |
//! | `attention.rs` | `Attention` (scaled dot-product attention of a batch of matrices) |
//! | `conv.rs` | `Conv` (the convolution and its two transposes) |
//! | `pool.rs` | `Pool` (max and average pooling and their transposes) |
//! | `index.rs` | `Gather`, `ScatterAdd`, `CheckIndex` |
//! | `random.rs` | `Random` |
//!
//! and `Custom`, a user function with a user backward rule, whose entry is the transform that
//! made it (`transforms::custom`).
//!
//! Invariant: primitives are strict. Binary elementwise primitives take equal shapes and equal
//! dtypes; axes are non-negative and in range; nothing here broadcasts or promotes (that is
//! `ops/`'s job). Rules are written with these constructors (differentiable `bind`s, never
//! detached), so the derivatives of derivatives come from the same entries.

mod attention;
mod binary;
pub(crate) mod bind;
mod cast;
mod check;
mod compare;
mod conv;
mod eig_rules;
mod fft;
mod index;
mod layer_norm;
mod linalg;
mod lstm_layer;
mod matmul;
pub mod ms_form;
mod pool;
mod random;
mod read;
mod reduce;
mod rnn_cell;
mod softmax;
mod structure;
pub(crate) mod support;
mod svd_rules;
mod unary;
mod var;
mod var_mean;

pub use crate::op::random::Dist;
pub use crate::op::{BinaryOp, CellOp, CmpOp, LinalgOp, ReduceOp, SvdParts, UnaryOp};
// Each entry's constructors (`exp`, `reduce_sum`, `slice`) and parameter types (`Reduce`, `Slice`).
pub use attention::*;
pub use binary::*;
pub use cast::*;
pub use compare::*;
pub use conv::*;
pub use fft::*;
pub use index::*;
pub use layer_norm::*;
pub use linalg::*;
pub use lstm_layer::*;
pub use matmul::*;
pub use pool::*;
pub use random::*;
pub use reduce::*;
pub use rnn_cell::*;
pub use softmax::*;
pub use structure::*;
pub use support::{full_like, zeros_like};
pub use unary::*;
pub use var_mean::*;

pub use bind::{bind, NoGrad};
pub use var::{Var, Version};

use crate::device::Concrete;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{checked_numel, Dims};
use crate::tensor::Tensor;
use smallvec::SmallVec;
use std::fmt;
use std::sync::Arc;

/// Shape and dtype of a value.
pub type Aval<'a> = (&'a [usize], DType);
/// A tangent or cotangent; `None` is a symbolic zero.
pub type Opt = Option<Tensor>;
/// Input cotangents of one primitive (inline: primitives have at most three inputs but `Concat`).
pub type Cts = SmallVec<[Opt; 3]>;

/// A primitive operation with its static parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    /// A unary elementwise op.
    Unary(UnaryOp),
    /// A binary elementwise op on equal shapes and dtypes.
    Binary(BinaryOp),
    /// An elementwise comparison giving Bool; not differentiable.
    Compare(CmpOp),
    /// `where(cond, x, y)`: cond is Bool; x and y share shape and dtype.
    Where,
    /// Conversion to another dtype (float → int truncates toward zero).
    Cast(Cast),
    /// A reduction over axes (removed from the shape).
    Reduce(Reduce),
    /// Index of the first maximum along an axis (removed), as Int32; not differentiable.
    ArgMax(ArgMax),
    /// The stable sorting permutation along the last axis.
    ArgSort(ArgSort),
    /// Inclusive cumulative sum along an axis.
    Cumsum(Cumsum),
    /// Same elements, new shape of equal size.
    Reshape(Reshape),
    /// Axes reordered: output axis `i` is input axis `perm[i]`.
    Permute(Permute),
    /// Broadcast to a shape; input axis `i` maps to output axis `dims[i]` (size equal, or 1).
    BroadcastInDim(BroadcastInDim),
    /// Strided slice with positive steps.
    Slice(Slice),
    /// Zero padding before, after and between the elements of each axis.
    Pad(Pad),
    /// Concatenation of equally-typed operands along an axis.
    Concat(Concat),
    /// Reverse the listed axes.
    Rev(Rev),
    /// Batched matrix product `[..., m, k] @ [..., k, n]` with equal batch shapes.
    MatMul,
    /// A matrix op (square-matrix op or SVD) of each matrix of a `[..., m, n]` value.
    Linalg(LinalgOp),
    /// The unnormalised discrete Fourier transform of each row of the last axis (complex).
    Dft(Dft),
    /// Softmax of float elements along an axis.
    Softmax(Softmax),
    /// The biased variance and the mean over axes, stacked along a new last axis.
    VarMean(VarMean),
    /// Normalisation over the trailing axes (layer normalisation without scale and shift).
    LayerNorm(LayerNorm),
    /// The gate maths of one LSTM or GRU step.
    RnnCell(CellOp),
    /// Its one-pass gradient, a fused kernel with a composition.
    RnnCellGrad(CellGrad),
    /// One direction of an LSTM layer over a whole sequence (its states and pre-activations
    /// packed).
    LstmLayer(LstmLayer),
    /// The backward sweep of an `LstmLayer`, a fused kernel with a composition.
    LstmLayerGrad(LstmLayerGrad),
    /// Scaled dot-product attention of a batch of matrices (its output and probabilities packed).
    Attention(Attention),
    /// A 2-D convolution over NCHW values, or one of its transposes.
    Conv(Conv),
    /// Max or average pooling over NCHW values, or one of their transposes.
    Pool(Pool),
    /// `x[..., idx, ...]` along an axis with an integer index tensor.
    Gather(Gather),
    /// An operand with updates added at indices along an axis (the transpose of `Gather`).
    ScatterAdd(ScatterAdd),
    /// Integer indices, unchanged, once checked to be in range (an error otherwise, raised when
    /// the primitive is evaluated: eagerly or by each run of a compiled graph).
    CheckIndex(CheckIndex),
    /// The value of its input; every derivative is zero.
    StopGradient,
    /// Samples of a distribution from an explicit key; not differentiable.
    Random(Random),
    /// A launch of one of MindSpore's random kernels from its engine's state (its values, or
    /// the state after it); not differentiable.
    MsStream(MsStream),
    /// A function with its own rules, defined above this layer (a user function with a user
    /// backward rule: [`crate::CustomVjp`]).
    Custom(Opaque),
}

/// A primitive defined outside the closed set: its [`Rule`] is a value. Equal when it is the same
/// rule object.
#[derive(Clone)]
pub struct Opaque(pub(crate) Arc<dyn Rule + Send + Sync>);

impl PartialEq for Opaque {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Opaque {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Custom{{{}}}", self.0.params())
    }
}

/// Everything the engine knows about one primitive (DESIGN §3). Names: primals `x`, `y`;
/// tangents `x_t`; the output cotangent `ct`; the primal output `out`.
pub(crate) trait Rule: Sync {
    /// The name in errors and graph text.
    fn name(&self) -> &'static str;

    /// The output's shape and dtype from the inputs', with every precondition checked: kernels
    /// run only on inputs that passed here.
    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)>;

    /// The output on concrete inputs that passed [`Rule::infer`], which gave `shape` and `dtype`.
    fn eval(&self, ins: &[&Concrete], shape: &[usize], dtype: DType) -> Result<Tensor>;

    /// The output's tangent from the inputs' (`None`: zero), given the primal output.
    fn jvp(&self, primals: &[Tensor], tangents: &[Opt], out: &Tensor) -> Result<Opt>;

    /// The cotangents of the inputs whose `wanted[i]` is set, given the output's.
    fn vjp(&self, primals: &[Tensor], out: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts>;

    /// The output for a batch of `n` examples: operands with `batched[i]` carry the batch at
    /// axis 0, the others are the same for every example. The result carries it at axis 0.
    /// The parameters were already checked on the per-example shapes.
    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor>;

    /// False when the output carries no derivative (comparisons, argmax, floor, stop_gradient):
    /// tracing interpreters return their primal output untraced.
    fn differentiable(&self) -> bool {
        true
    }

    /// For a primitive of one operand whose VJP puts the cotangent into the block of the
    /// operand's shape that starts at these indices, zeros elsewhere (a unit-step slice): a
    /// reverse sweep gathers the blocks of one value and builds its cotangent once
    /// (`interp/blocks.rs`) instead of calling [`Rule::vjp`] for each.
    fn vjp_block(&self) -> Option<&[usize]> {
        None
    }

    /// False when [`Rule::vjp`] reads nothing of `out` but its shape and dtype (sums,
    /// differences, products): a tape then keeps a stand-in of that shape for a large output
    /// instead of the value, whose memory is free as soon as the function drops it.
    fn vjp_reads_out(&self) -> bool {
        true
    }

    /// False when [`Rule::vjp`] reads nothing of its primal inputs but their shapes and dtypes
    /// (sums, differences): as for [`Rule::vjp_reads_out`], a tape keeps stand-ins of the large
    /// ones.
    fn vjp_reads_inputs(&self) -> bool {
        true
    }

    /// The parameters, as graph text shows them between braces (`axes=[0]`); empty for none.
    fn params(&self) -> String {
        String::new()
    }

    /// The MindSpore primitive that computes this one at operands of types `ins` (for a MindIR
    /// file); `None` when MindSpore has none.
    fn mindspore(&self, _ins: &[Aval], _out: Aval<'_>) -> Option<ms_form::MsForm> {
        None
    }

    /// The operand the output always equals (same type assumed, which `jit` checks), if any:
    /// `x·1`, `x+0`, a reshape or cast that changes nothing. `is_const(i, v)` tells whether
    /// operand `i` is a constant whose every element is `v`.
    fn forwards(&self, _is_const: &dyn Fn(usize, f64) -> bool) -> Option<usize> {
        None
    }

    /// True when applying the primitive twice gives back the operand (`-(-x)`).
    fn is_involution(&self) -> bool {
        false
    }

    /// True for a primitive that is not a pure function of its operands' shapes and values as far
    /// as the engine can see (a user function): it is never folded, merged or evaluated
    /// abstractly.
    fn opaque(&self) -> bool {
        false
    }

    /// For a primitive that is a fused kernel of a computation the engine can also write with
    /// other primitives (a recurrent layer's backward sweep): that composition of `args`, which
    /// `grad`, `jvp` and `vmap` transform in its place (`bind`), so its derivatives and batching
    /// come from the pieces' rules. `None` (the default) for every other primitive. A primitive
    /// that returns `Some` here reaches [`Rule::jvp`], [`Rule::vjp`] and [`Rule::batch`] never.
    fn composition(&self, _args: &[&Tensor]) -> Option<Result<Tensor>> {
        None
    }

    /// Applies the primitive to concrete (or leaked) values: checks, then runs the kernel.
    fn apply(&self, args: &[&Tensor]) -> Result<Tensor> {
        // Operands are few: keep these lists on the stack (small ops are dominated by allocation),
        // filled in one plain loop (which the compiler inlines; collecting may not be).
        let mut cs: SmallVec<[&Concrete; 4]> = SmallVec::new();
        let mut avals: SmallVec<[Aval; 4]> = SmallVec::new();
        for a in args {
            let c = a.concrete();
            cs.push(c);
            avals.push((c.layout.shape(), c.dtype()));
        }
        let (shape, dtype) = checked_infer(self, &avals)?;
        if self.opaque() {
            // A user function (Python's, which may need this thread's GIL) runs here.
            return self.eval(&cs, &shape, dtype);
        }
        crate::device::with_live_threads(|| self.eval(&cs, &shape, dtype))
    }
}

/// [`Rule::infer`], also refusing outputs too large to address.
fn checked_infer<R: Rule + ?Sized>(rule: &R, ins: &[Aval]) -> Result<(Dims, DType)> {
    let (shape, dtype) = rule.infer(ins)?;
    // Parameters (a reshape target, broadcast shape or padding) can ask for an output no buffer or
    // stride can address; refuse it here rather than overflow in a layout or kernel.
    if checked_numel(&shape, dtype.size_in_bytes()).is_none() {
        return Err(Error::invalid(
            rule.name(),
            format!("the output shape {shape:?} is too large"),
        ));
    }
    Ok((shape, dtype))
}

impl Prim {
    /// The entry of this primitive.
    pub(crate) fn rule(&self) -> &dyn Rule {
        match self {
            Prim::Unary(op) => op,
            Prim::Binary(op) => op,
            Prim::Compare(op) => op,
            Prim::Where => &Where,
            Prim::Cast(c) => c,
            Prim::Reduce(r) => r,
            Prim::ArgMax(a) => a,
            Prim::ArgSort(a) => a,
            Prim::Cumsum(c) => c,
            Prim::Reshape(r) => r,
            Prim::Permute(p) => p,
            Prim::BroadcastInDim(b) => b,
            Prim::Slice(s) => s,
            Prim::Pad(p) => p,
            Prim::Concat(c) => c,
            Prim::Rev(r) => r,
            Prim::MatMul => &MatMul,
            Prim::Linalg(op) => op,
            Prim::Dft(d) => d,
            Prim::Softmax(s) => s,
            Prim::VarMean(v) => v,
            Prim::LayerNorm(l) => l,
            Prim::RnnCell(op) => op,
            Prim::RnnCellGrad(g) => g,
            Prim::LstmLayer(l) => l,
            Prim::LstmLayerGrad(g) => g,
            Prim::Attention(a) => a,
            Prim::Conv(c) => c,
            Prim::Pool(p) => p,
            Prim::Gather(g) => g,
            Prim::ScatterAdd(s) => s,
            Prim::CheckIndex(c) => c,
            Prim::StopGradient => &StopGradient,
            Prim::Random(r) => r,
            Prim::MsStream(m) => m,
            Prim::Custom(c) => &*c.0,
        }
    }

    /// The primitive's name (`Exp`, `ReduceSum`, `Reshape`).
    pub fn name(&self) -> &'static str {
        self.rule().name()
    }

    /// The MindSpore primitive that computes this one at operands of types `ins` and result
    /// type `out` (how a MindIR file writes it); `None` when MindSpore has none.
    pub fn mindspore(&self, ins: &[Aval], out: Aval<'_>) -> Option<ms_form::MsForm> {
        self.rule().mindspore(ins, out)
    }

    /// The name of every primitive (each op of a group counts): the checklist for tests.
    pub fn all_names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::new();
        names.extend(UnaryOp::ALL.iter().map(|op| op.name()));
        names.extend(BinaryOp::ALL.iter().map(|op| op.name()));
        names.push("Compare");
        names.extend(["Where", "Cast"]);
        names.extend(ReduceOp::ALL.iter().map(|op| op.name()));
        names.extend([
            "ArgMax",
            "ArgSort",
            "Cumsum",
            "Reshape",
            "Permute",
            "BroadcastInDim",
            "Slice",
        ]);
        names.extend(["Pad", "Concat", "Rev", "MatMul", "Gather", "ScatterAdd"]);
        names.extend(["StopGradient", "Random", "CheckIndex", "Custom"]);
        names.push("Softmax");
        names.push("VarMean");
        names.extend(["Conv2D", "Conv2DBackpropInput", "Conv2DBackpropFilter"]);
        names.extend(["MaxPool", "MaxPoolGrad", "AvgPool", "AvgPoolGrad"]);
        names.extend(LinalgOp::ALL.iter().map(|op| op.name()));
        names.extend(CellOp::ALL.iter().map(|op| op.name()));
        names.push("Attention");
        names.push("LayerNorm");
        names.push("FFT");
        names.extend(["LstmLayer", "LstmLayerGrad", "LstmCellGrad", "GruCellGrad"]);
        names.push("MsStream");
        names
    }

    /// False for primitives whose output carries no derivative (comparisons, argmax, floor,
    /// stop_gradient): tracing interpreters return their primal output untraced.
    pub fn is_differentiable(&self) -> bool {
        self.rule().differentiable()
    }
}

impl fmt::Display for Prim {
    /// The primitive with its parameters, as graph text shows it: `ReduceSum{axes=[0]}`, `Add`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rule = self.rule();
        match rule.params() {
            p if p.is_empty() => f.write_str(rule.name()),
            p => write!(f, "{}{{{p}}}", rule.name()),
        }
    }
}

/// Output shape and dtype of `prim` applied to values of the given shapes and dtypes.
pub fn abstract_eval(prim: &Prim, ins: &[Aval]) -> Result<(Dims, DType)> {
    checked_infer(prim.rule(), ins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_primitive_set_stays_small() {
        // Growing the set is a decision: change this number on purpose. (65: the bitwise rows
        // and the Bessel functions, which no composition computes exactly for every dtype;
        // Erfc, whose composition 1 - erf(x) loses every digit in the right tail; Sigmoid, whose
        // tanh form cancels for negative x (sigmoid(-20) was 0) and Sinh, whose exp form
        // cancels near 0; Atan, which the half-angle composition left 2-5 ULP off; Softmax, one
        // pass per row instead of five ops; the convolution and pooling kinds. 71: Lgamma and
        // Polygamma (digamma is its order 0; d Polygamma(n) = Polygamma(n + 1) closes the
        // chain), which no composition computes to a few ulps; the four square-matrix ops, which
        // need pivoting. 72: ReLU, one pass where the select composition took two and a mask.
        // 73: VarMean, batch normalization's statistics in one pass instead of four. 74: Svd,
        // which needs an iterative kernel (s, U and V packed in one output, so it runs once;
        // five factor primitives before). 76: LstmCell and GruCell, a recurrent step's gate maths
        // in one pass forward and one backward. 77: Attention, softmax(scale·q·kᵀ + mask)·v
        // in one pass per matrix forward and one backward, where the composition took four
        // passes over the scores forward and a dozen backward. 78: LayerNorm, one pass per row
        // forward and one backward where the composition took six and a dozen. 79: Cholesky, a
        // factorisation no composition computes (the solvers of ops are compositions of it and
        // the inverse). 80: FFT, `O(n log n)` where the composition, a product with the
        // transform's matrix, is `O(n²)` in time and memory. 81: Conj, which flips the sign of
        // a zero imaginary part (`1+0j` to `1−0j`, as MindSpore prints it); `2·Re(z) − z`
        // gave `+0`, and three primitives per conjugate. 89: the Bessel functions J0, J1, Y0, Y1,
        // K0, K1 and the scaled K0e, K1e, which no composition computes to a few ulps. 90: Eig,
        // the general eigendecomposition, an iterative kernel as the SVD's. 92: LstmLayer and
        // LstmLayerGrad, an LSTM layer's sequence in one call forward and one backward, where
        // the per-step primitives took some 900 evaluations per training step. 94: LstmCellGrad
        // and GruCellGrad, the cells' one-pass gradients as composites, so that a compiled
        // backward pass runs them as one kernel each instead of their compositions. 95:
        // MsStream, a launch of one of MindSpore's random kernels from its engine's state: no
        // composition of the Philox draws gives libstdc++'s streams, and a traced graph must run
        // the launch at each call to go on along the kernel's stream, as MindSpore's graph mode.)
        assert_eq!(Prim::all_names().len(), 95);
    }

    #[test]
    fn primitive_names_are_distinct() {
        let names = Prim::all_names();
        let set: std::collections::BTreeSet<_> = names.iter().collect();
        assert_eq!(set.len(), names.len(), "{names:?}");
    }
}

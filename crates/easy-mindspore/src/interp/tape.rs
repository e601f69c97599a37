//! The `Tape` interpreter (reverse mode). Applying a primitive computes the primal output one
//! level down and records an equation; [`Record::backward`] sweeps the equations in reverse,
//! calling the VJP rules with ordinary `bind`s under the interpreters below, so an outer tape or
//! JVP differentiates the backward pass itself (grad of grad, forward-over-reverse).
//!
//! Invariant: node ids `0..n_inputs` are the inputs; every equation's output node is newer than its
//! input nodes, so one reverse pass visits each node after all its uses.

use super::blocks::Cotangents;
use crate::error::Result;
use crate::prim::bind::{bind_ref, own, Interpreter};
use crate::prim::{column_major, Prim};
use crate::tensor::{Tensor, TraceId, TracerKind};
use smallvec::SmallVec;
use std::cell::RefCell;

/// Called with an input node and its final cotangent (`None`: the outputs do not depend on it).
pub(crate) type FinalHook<'h> = &'h mut dyn FnMut(usize, Option<&Tensor>) -> Result<()>;

/// One recorded primitive application.
struct Eqn {
    prim: Prim,
    /// The tape node of each argument, or `None` for a constant.
    nodes: SmallVec<[Option<usize>; 3]>,
    /// The primal arguments (values of the interpreters below).
    primals: SmallVec<[Tensor; 3]>,
    out: Tensor,
    out_node: usize,
}

/// The equations of one reverse-mode trace.
#[derive(Default)]
pub(crate) struct Record {
    eqns: Vec<Eqn>,
    n_nodes: usize,
}

/// Equation lists up to this capacity are kept for the thread's next tape.
const SPARE_MAX: usize = 1024;

thread_local! {
    /// An empty equation list left by the thread's last dropped record, so that a tape run
    /// again and again (a training step, a small gradient in a loop) does not grow its list
    /// from nothing each time.
    static SPARE_EQNS: RefCell<Vec<Eqn>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Record {
    fn drop(&mut self) {
        let mut eqns = std::mem::take(&mut self.eqns);
        if eqns.capacity() == 0 || eqns.capacity() > SPARE_MAX {
            return;
        }
        eqns.clear();
        // `try_with`: a record dropped while the thread's locals are being destroyed frees it.
        let _ = SPARE_EQNS.try_with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut() {
                if spare.capacity() < eqns.capacity() {
                    *spare = eqns;
                }
            }
        });
    }
}

/// The reverse-mode interpreter: records a [`Record`] while its function runs.
#[derive(Default)]
pub(crate) struct Tape(RefCell<Record>);

impl Tape {
    /// A tape whose first `n` nodes are the inputs.
    pub fn with_inputs(n: usize) -> Tape {
        let eqns = SPARE_EQNS
            .try_with(|spare| {
                spare
                    .try_borrow_mut()
                    .map(|mut s| std::mem::take(&mut *s))
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        Tape(RefCell::new(Record { eqns, n_nodes: n }))
    }

    /// What the tape recorded.
    pub fn into_record(self) -> Record {
        self.0.into_inner()
    }
}

impl Record {
    /// Cotangents of nodes `0..n_inputs` given the cotangents of some nodes (summed when a node is
    /// seeded twice). `None` means the input does not influence the seeded outputs.
    pub fn backward(
        &self,
        seeds: Vec<(usize, Tensor)>,
        n_inputs: usize,
    ) -> Result<Vec<Option<Tensor>>> {
        self.backward_with_hook(seeds, n_inputs, None)
    }

    /// [`Record::backward`], calling `hook(input, cotangent)` for each input node as soon as its
    /// cotangent is final — right after the sweep passed the first equation that uses it (none
    /// follows that could add to it), or before the sweep for an input no equation uses. Each
    /// input is reported exactly once, in the order the sweep finishes them.
    pub fn backward_with_hook(
        &self,
        seeds: Vec<(usize, Tensor)>,
        n_inputs: usize,
        hook: Option<FinalHook<'_>>,
    ) -> Result<Vec<Option<Tensor>>> {
        // The sweep multiplies a recurrent layer's weight once per time step: its products keep
        // the weight's packing between them.
        crate::device::reusing_packs(|| self.sweep(seeds, n_inputs, hook))
    }

    /// The reverse sweep of [`Record::backward_with_hook`].
    fn sweep(
        &self,
        seeds: Vec<(usize, Tensor)>,
        n_inputs: usize,
        mut hook: Option<FinalHook<'_>>,
    ) -> Result<Vec<Option<Tensor>>> {
        let record = self;
        let mut cts = Cotangents::new(record.n_nodes);
        for (node, ct) in seeds {
            cts.add(node, ct)?;
        }
        // For each equation, the inputs whose first use it is (only when hooked).
        let mut finals_at: Vec<SmallVec<[usize; 2]>> = Vec::new();
        if let Some(hook) = hook.as_mut() {
            let mut first_use: Vec<Option<usize>> = vec![None; n_inputs];
            for (i, eqn) in record.eqns.iter().enumerate().rev() {
                for node in eqn.nodes.iter().flatten() {
                    if let Some(slot) = first_use.get_mut(*node) {
                        *slot = Some(i);
                    }
                }
            }
            finals_at = vec![SmallVec::new(); record.eqns.len()];
            for (node, used) in first_use.iter().enumerate() {
                match used {
                    Some(i) => finals_at[*i].push(node),
                    None => hook(node, cts.settle(node)?)?,
                }
            }
        }
        for (i, eqn) in record.eqns.iter().enumerate().rev() {
            if let Some(ct) = cts.take(eqn.out_node)? {
                let rule = eqn.prim.rule();
                // A unit-step slice's cotangent waits as a block of its operand's (`blocks.rs`).
                if let (Some(starts), [Some(node)]) = (rule.vjp_block(), &eqn.nodes[..]) {
                    cts.add_block(*node, eqn.primals[0].dims(), starts, ct);
                } else if let Some(b_node) = joinable_product(eqn, &ct) {
                    // A matrix product's cotangent for its right operand waits as a product
                    // block (`blocks.rs`); the left operand's is computed now.
                    if let Some(a_node) = eqn.nodes[0] {
                        let in_cts = rule.vjp(&eqn.primals, &eqn.out, &ct, &[true, false])?;
                        if let Some(da) = in_cts.into_iter().next().flatten() {
                            cts.add(a_node, da)?;
                        }
                    }
                    let transposed = column_major(&eqn.primals[1]);
                    cts.add_product(b_node, eqn.primals[0].clone(), ct, transposed)?;
                } else {
                    let wanted: SmallVec<[bool; 3]> =
                        eqn.nodes.iter().map(Option::is_some).collect();
                    let in_cts = rule.vjp(&eqn.primals, &eqn.out, &ct, &wanted)?;
                    for (node, ct) in eqn.nodes.iter().zip(in_cts) {
                        if let (Some(node), Some(ct)) = (node, ct) {
                            cts.add(*node, ct)?;
                        }
                    }
                }
            }
            if let (Some(hook), Some(nodes)) = (hook.as_mut(), finals_at.get(i)) {
                for &node in nodes {
                    hook(node, cts.settle(node)?)?;
                }
            }
        }
        cts.into_first(n_inputs)
    }
}

/// The node of the right operand `b` of a two-dimensional real `a · b` whose cotangent can wait
/// as a product block (`Cotangents::add_product`), given the product's cotangent `ct`.
fn joinable_product(eqn: &Eqn, ct: &Tensor) -> Option<usize> {
    let b_node = match (&eqn.prim, &eqn.nodes[..]) {
        (Prim::MatMul, [_, Some(b_node)]) => *b_node,
        _ => return None,
    };
    let a = &eqn.primals[0];
    let real = a.dtype().is_float() && ct.dtype() == a.dtype();
    (real && a.ndim() == 2 && ct.ndim() == 2 && eqn.primals[1].ndim() == 2).then_some(b_node)
}

/// Values from this many elements on are not kept for a rule that reads only their shape.
const STAND_IN_MIN: usize = 1 << 14;

/// What an equation keeps of a value `t` for the reverse sweep when its rule reads only its
/// shape and dtype ([`Rule::vjp_reads_inputs`], [`Rule::vjp_reads_out`]): for a large concrete
/// value, a stand-in of that shape and dtype owning no memory of its own (a shared zero,
/// broadcast), so that the value is freed when the function drops it (`sum(x * x)` holds no
/// `x * x` through its backward pass); else the value.
///
/// [`Rule::vjp_reads_inputs`]: crate::prim::Rule
/// [`Rule::vjp_reads_out`]: crate::prim::Rule
fn kept(t: &Tensor, read: bool) -> Tensor {
    if read || t.numel() < STAND_IN_MIN || t.storage_layout().is_none() {
        return t.clone();
    }
    let zero = Tensor::full_scalar(crate::Scalar::Int(0), t.dtype());
    let Some((storage, _)) = zero.storage_layout() else {
        return t.clone();
    };
    let strides = vec![0isize; t.ndim()];
    Tensor::from_storage_strided("tape", storage.clone(), t.dims(), &strides, 0)
        .unwrap_or_else(|_| t.clone())
}

impl Interpreter for Tape {
    fn process(&self, trace: TraceId, prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
        let mut primals: SmallVec<[Tensor; 3]> = SmallVec::with_capacity(args.len());
        let mut nodes: SmallVec<[Option<usize>; 3]> = SmallVec::with_capacity(args.len());
        for a in args {
            match own(trace, a) {
                Some(tr) => {
                    primals.push(tr.primal.clone());
                    nodes.push(match tr.kind {
                        TracerKind::Tape { node } => Some(node),
                        _ => None,
                    });
                }
                None => {
                    primals.push((*a).clone());
                    nodes.push(None);
                }
            }
        }
        let out = {
            let refs: SmallVec<[&Tensor; 3]> = primals.iter().collect();
            bind_ref(prim, &refs)?
        };
        if !prim.is_differentiable() || nodes.iter().all(Option::is_none) {
            return Ok(out);
        }
        let out_node = {
            let mut record = self.0.borrow_mut();
            let out_node = record.n_nodes;
            record.n_nodes += 1;
            let rule = prim.rule();
            let primals = if rule.vjp_reads_inputs() {
                primals
            } else {
                primals.iter().map(|p| kept(p, false)).collect()
            };
            record.eqns.push(Eqn {
                prim: prim.clone(),
                nodes,
                primals,
                out: kept(&out, rule.vjp_reads_out()),
                out_node,
            });
            out_node
        };
        Ok(Tensor::traced(
            trace,
            out,
            TracerKind::Tape { node: out_node },
        ))
    }
}

//! The `Tape` interpreter (reverse mode). Applying a primitive computes the primal output one
//! level down and records an equation; [`TapeState::backward`] sweeps the equations in reverse,
//! calling the VJP rules with ordinary `bind`s under the interpreters below, so an outer tape or
//! JVP differentiates the backward pass itself (grad of grad, forward-over-reverse).
//!
//! Invariant: node ids `0..n_inputs` are the inputs; every equation's output node is newer than its
//! input nodes, so one reverse pass visits each node after all its uses.

use super::{own, with_frame, FrameKind, TraceId};
use crate::error::Result;
use crate::prim::Prim;
use crate::tensor::{Tensor, TracerKind};
use smallvec::SmallVec;

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
pub(crate) struct TapeState {
    eqns: Vec<Eqn>,
    n_nodes: usize,
}

impl TapeState {
    /// A new node id (inputs take theirs before the function runs).
    pub fn new_node(&mut self) -> usize {
        self.n_nodes += 1;
        self.n_nodes - 1
    }

    /// Cotangents of nodes `0..n_inputs` given the cotangents of some nodes (summed when a node is
    /// seeded twice). `None` means the input does not influence the seeded outputs.
    pub fn backward(
        &self,
        seeds: Vec<(usize, Tensor)>,
        n_inputs: usize,
    ) -> Result<Vec<Option<Tensor>>> {
        let mut cts: Vec<Option<Tensor>> = vec![None; self.n_nodes];
        for (node, ct) in seeds {
            accumulate(&mut cts[node], ct)?;
        }
        for eqn in self.eqns.iter().rev() {
            let Some(ct) = cts[eqn.out_node].take() else {
                continue;
            };
            let wanted: SmallVec<[bool; 3]> = eqn.nodes.iter().map(Option::is_some).collect();
            let in_cts = eqn.prim.rule().vjp(&eqn.primals, &eqn.out, &ct, &wanted)?;
            for (node, ct) in eqn.nodes.iter().zip(in_cts) {
                if let (Some(node), Some(ct)) = (node, ct) {
                    accumulate(&mut cts[*node], ct)?;
                }
            }
        }
        cts.truncate(n_inputs);
        Ok(cts)
    }
}

fn accumulate(slot: &mut Option<Tensor>, ct: Tensor) -> Result<()> {
    *slot = Some(match slot.take() {
        None => ct,
        Some(prev) => crate::ops::prim::add(&prev, &ct)?,
    });
    Ok(())
}

/// Applies `prim` under the tape `trace`.
pub(crate) fn process(trace: TraceId, prim: Prim, args: &[&Tensor]) -> Result<Tensor> {
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
        super::bind_ref(&prim, &refs)?
    };
    if !prim.is_differentiable() || nodes.iter().all(Option::is_none) {
        return Ok(out);
    }
    let recorded = with_frame(trace, |frame| match &mut frame.kind {
        FrameKind::Tape(state) => {
            let out_node = state.new_node();
            state.eqns.push(Eqn {
                prim,
                nodes,
                primals,
                out: out.clone(),
                out_node,
            });
            Some(out_node)
        }
        _ => None,
    })
    .flatten();
    Ok(match recorded {
        Some(node) => Tensor::traced(trace, out, TracerKind::Tape { node }),
        None => out,
    })
}

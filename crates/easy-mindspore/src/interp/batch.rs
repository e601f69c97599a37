//! The `Batch` interpreter (`vmap`): a value is the whole batch, held by the primal with the batch
//! along axis 0. Applying a primitive applies its batching rule (`Rule::batch`, in the
//! primitive's entry) to the primals, one level down, so `vmap` nests with itself and with every
//! other transform.
//!
//! Invariant: a batched value's primal has the batch size at axis 0; an argument this interpreter
//! does not own is the same for every example (unbatched) and is broadcast only where a rule
//! needs it.

use crate::error::Result;
use crate::prim::bind::{own, Interpreter};
use crate::prim::{abstract_eval, Aval, Prim};
use crate::tensor::{Tensor, TraceId, TracerKind};
use smallvec::SmallVec;

/// The batching interpreter (it has no state: the batch travels with the values).
pub(crate) struct Batch;

impl Interpreter for Batch {
    fn process(&self, trace: TraceId, prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
        let mut vals: SmallVec<[Tensor; 3]> = SmallVec::with_capacity(args.len());
        let mut batched: SmallVec<[bool; 3]> = SmallVec::with_capacity(args.len());
        for a in args {
            match own(trace, a) {
                Some(tr) => {
                    vals.push(tr.primal.clone());
                    batched.push(true);
                }
                None => {
                    vals.push((*a).clone());
                    batched.push(false);
                }
            }
        }
        let rule = prim.rule();
        // The rules index shapes by the primitive's parameters: check them on the per-example
        // shapes first, so a bad call is the primitive's own error, never a bad index in a rule.
        if !rule.opaque() {
            let avals: SmallVec<[Aval; 3]> = vals
                .iter()
                .zip(&batched)
                .map(|(v, &b)| (if b { &v.dims()[1..] } else { v.dims() }, v.dtype()))
                .collect();
            abstract_eval(prim, &avals)?;
        }
        let out = rule.batch(&vals, &batched, batch_size(&vals, &batched))?;
        Ok(Tensor::traced(trace, out, TracerKind::Batch))
    }
}

/// The batch size: axis 0 of the first batched operand.
fn batch_size(vals: &[Tensor], batched: &[bool]) -> usize {
    vals.iter()
        .zip(batched)
        .find(|(_, b)| **b)
        .map_or(1, |(v, _)| v.dims().first().copied().unwrap_or(1))
}

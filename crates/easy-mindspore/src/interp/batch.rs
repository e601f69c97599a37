//! The `Batch` interpreter (`vmap`): a value is the whole batch, held by the primal with the batch
//! along axis 0. Applying a primitive applies its batching rule (`rules::batching`) to the
//! primals, one level down, so `vmap` nests with itself and with every other transform.
//!
//! Invariant: a batched value's primal has the batch size at axis 0; an argument this interpreter
//! does not own is the same for every example (unbatched) and is broadcast only where a rule
//! needs it.

use super::{own, TraceId};
use crate::error::Result;
use crate::prim::Prim;
use crate::rules::batching;
use crate::tensor::{Tensor, TracerKind};
use smallvec::SmallVec;

/// Applies `prim` under the batching interpreter `trace`.
pub(crate) fn process(trace: TraceId, prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
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
    let out = batching::apply(prim, &vals, &batched)?;
    Ok(Tensor::traced(trace, out, TracerKind::Batch))
}

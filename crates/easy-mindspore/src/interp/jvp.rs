//! The `Jvp` interpreter (forward mode): values are dual numbers (primal, tangent). Applying a
//! primitive computes the primal one level down and the tangent with the primitive's JVP rule,
//! also one level down, so JVPs nest with each other and with tapes.
//!
//! Invariant: a tangent has the shape and dtype of its primal; `None` is a symbolic zero and a
//! result whose tangent is zero is returned untraced.

use crate::error::Result;
use crate::prim::bind::{bind_ref, own, Interpreter};
use crate::prim::Prim;
use crate::tensor::{Tensor, TraceId, TracerKind};
use smallvec::SmallVec;

/// The forward-mode interpreter (it has no state: the tangents travel with the values).
pub(crate) struct Jvp;

impl Interpreter for Jvp {
    fn process(&self, trace: TraceId, prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
        let mut primals: SmallVec<[Tensor; 3]> = SmallVec::with_capacity(args.len());
        let mut tangents: SmallVec<[Option<Tensor>; 3]> = SmallVec::with_capacity(args.len());
        for a in args {
            match own(trace, a) {
                Some(tr) => {
                    primals.push(tr.primal.clone());
                    tangents.push(match &tr.kind {
                        TracerKind::Jvp { tangent } => tangent.clone(),
                        _ => None,
                    });
                }
                None => {
                    primals.push((*a).clone());
                    tangents.push(None);
                }
            }
        }
        let out = {
            let refs: SmallVec<[&Tensor; 3]> = primals.iter().collect();
            bind_ref(prim, &refs)?
        };
        if !prim.is_differentiable() || tangents.iter().all(Option::is_none) {
            return Ok(out);
        }
        let tangent = prim.rule().jvp(&primals, &tangents, &out)?;
        Ok(match tangent {
            Some(t) => Tensor::traced(trace, out, TracerKind::Jvp { tangent: Some(t) }),
            None => out,
        })
    }
}

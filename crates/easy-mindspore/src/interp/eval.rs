//! The `Eval` interpreter, at the bottom of every stack: checks a primitive's preconditions by
//! abstract evaluation and runs the backend kernel on concrete values.

use crate::backend;
use crate::error::Result;
use crate::prim::Prim;
use crate::rules::shape::{abstract_eval, Aval};
use crate::tensor::{Concrete, Tensor};
use smallvec::SmallVec;

/// Executes `prim` on the concrete values of `args` (leaked tracers are read through their primals).
pub(crate) fn apply(prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
    if let Prim::Custom(c) = prim {
        let inputs: SmallVec<[Tensor; 4]> = args.iter().map(|a| (*a).clone()).collect();
        return c.forward(&inputs);
    }
    // Operands are few: keep these lists on the stack (small ops are dominated by allocation).
    let cs: SmallVec<[&Concrete; 4]> = args.iter().map(|a| a.concrete()).collect();
    let avals: SmallVec<[Aval; 4]> = cs.iter().map(|c| (c.layout.shape(), c.dtype())).collect();
    let (shape, dtype) = abstract_eval(prim, &avals)?;
    backend::run(prim, &cs, &shape, dtype)
}

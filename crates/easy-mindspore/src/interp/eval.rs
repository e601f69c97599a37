//! The `Eval` interpreter, at the bottom of every stack: the primitive's entry checks its
//! preconditions by abstract evaluation and runs its kernel on concrete values.

use crate::error::Result;
use crate::prim::Prim;
use crate::tensor::Tensor;

/// Executes `prim` on the concrete values of `args` (leaked tracers are read through their primals).
pub(crate) fn apply(prim: &Prim, args: &[&Tensor]) -> Result<Tensor> {
    prim.rule().apply(args)
}

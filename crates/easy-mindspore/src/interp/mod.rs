//! The interpreters of the differentiation and batching transforms, each a
//! [`crate::prim::bind::Interpreter`] that the transforms push on the stack: [`tape::Tape`]
//! (reverse mode), [`jvp::Jvp`] (forward mode) and [`batch::Batch`] (`vmap`). `jit`'s `Stage`
//! interpreter lives with the rest of `jit`.

pub(crate) mod batch;
pub(crate) mod blocks;
pub(crate) mod jvp;
pub(crate) mod tape;

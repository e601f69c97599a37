//! The primitives' thin, strict constructors — one `bind` each — for users, tests and the
//! friendly ops: `ops::prim::exp(x)`. They live with their primitives' entries in
//! [`crate::prim`] (this is that module under the name the rest of `ops` uses); identity cases
//! (reshape to the same shape, broadcast to the same shape, empty axis lists) return the input
//! without binding.

pub use crate::prim::*;

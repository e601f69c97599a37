//! The engine never panics on bad input. Property tests throw random shapes (0-D, size-0 and size-1
//! axes), axes (also out of range and extreme), dtypes, index expressions, reshape targets, slice
//! bounds and steps, and primitive parameters at every public op, the strict primitive wrappers and
//! `bind` itself: each call must return `Ok` or a typed `Err` whose message can be formatted, and
//! every `Ok` tensor must be readable. Deterministic tests then pin the variant, the op named, the
//! message and the Python exception class of common mistakes.

mod advanced_indexing;
mod harness;
mod input_limits;
mod inputs_never_panic;
mod memory;
mod ops_never_panic;
mod prims_never_panic;
mod specific_errors;
mod strategies;
mod transforms_never_panic;

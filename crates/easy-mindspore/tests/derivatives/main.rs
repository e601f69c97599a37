//! The derivatives table under test. Every primitive's VJP and JVP against central finite
//! differences in Float64 and against each other (⟨vjp(ct), t⟩ = ⟨ct, jvp(t)⟩), and the backward
//! pass differentiated once more the same way; then higher orders against closed forms, nested
//! transforms that must not confuse their perturbations, and the return structure of MindSpore's
//! grad API (reference §6.1). Every case also runs under `vmap` against a loop (`batching`);
//! then the golden compositionality test (`compositions`), custom gradients and `vmap`'s API.
//!
//! Invariant: `every_primitive_is_covered` fails when `Prim` gains a primitive that no case here
//! exercises.

mod batching;
mod cases_cells;
mod cases_composite;
mod cases_elementwise;
mod cases_special;
mod cases_structural;
mod cases_window;
mod check;
mod complex;
mod compositions;
mod custom_rules;
mod edges;
mod finite_differences;
mod grad_api;
mod helpers;
mod higher_order;
mod perturbation;
mod shared_products;
mod vmap_api;

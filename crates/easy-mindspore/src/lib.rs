//! # easy_mindspore
//!
//! A tensor engine with MindSpore's functional automatic differentiation. Every operation is a
//! primitive applied through one function, [`bind`]; transformations (`grad`, `vjp`, `jvp`, ...)
//! are interpreters on a thread-local stack, so they nest to any order.
//!
//! ```
//! use easy_mindspore as ems;
//!
//! // y = 2·xᵀx, dy/dx = 4x
//! let x = ems::arange(0.0, 4.0, 1.0)?;
//! let forward = |x: &ems::Tensor| 2.0 * ems::dot(x, x)?;
//! assert_eq!(forward(&x)?.to_string(), "Tensor(shape=[], dtype=Float32, value= 28)");
//!
//! let grad_all = ems::GradOperation::new().get_all(true);
//! let x_grad = grad_all.apply(forward)(&x)?[0].clone();
//! assert_eq!(x_grad.to_vec::<f32>(), vec![0.0, 4.0, 8.0, 12.0]);
//!
//! // Higher order: d²/dx² sin(x) = -sin(x)
//! let d2 = ems::grad(ems::grad(|x: &ems::Tensor| x.sin()));
//! let at = ems::Tensor::scalar(1.0f64);
//! assert!((d2(&at)?.to_f64()? + 1f64.sin()).abs() < 1e-12);
//! # Ok::<(), ems::Error>(())
//! ```
//!
//! Transforms: `grad`, `value_and_grad`, `GradOperation`, `vjp`, `jvp` (and `_with_aux`),
//! `jacrev`, `jacfwd`, `hessian`, `vmap`, and custom gradients (`CustomVjp`), composable in any
//! order and to any depth.
//!
//! Operators on tensors return `Result<Tensor>` (no panics on bad shapes); a `Result` can stand on
//! either side of an operator next to a tensor, so `(&a * &b)? + &c` and `&a * (&b + &c)` read
//! naturally.

#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod comm;
pub mod device;
pub mod dtype;
pub mod error;
pub mod fmt;
pub mod interp;
pub mod jit;
pub mod layout;
pub mod nn;
pub mod op;
pub mod ops;
pub mod prim;
pub mod profile;
pub mod random;
pub mod storage;
pub mod tensor;
pub mod transforms;
pub mod tree;

pub use dtype::{DType, Scalar};
pub use error::{Error, ErrorClass, Result};
pub use ops::*;
pub use prim::{bind, NoGrad, Var, Version};
pub use prim::{CmpOp, Prim};
pub use random::{get_seed, set_seed};
pub use tensor::Tensor;
pub use transforms::{
    grad, hessian, jacfwd, jacfwd_flat, jacrev, jacrev_flat, jvp, jvp_flat, jvp_with_aux,
    value_and_grad, vjp, vjp_flat, vjp_flat_with_vars, vjp_with_aux, vmap, vmap_flat, CustomVjp,
    GradOperation, Grads, VjpFn,
};
pub use tree::Tree;

//! Per-primitive rules: abstract evaluation (`shape`), derivatives (`derivatives`) and batching
//! (`batching`, for `vmap`).

pub mod batching;
pub mod derivatives;
pub mod shape;

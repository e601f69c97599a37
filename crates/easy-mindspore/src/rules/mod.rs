//! Per-primitive rules: abstract evaluation (`shape`) and derivatives (`derivatives`).

pub mod derivatives;
pub mod shape;

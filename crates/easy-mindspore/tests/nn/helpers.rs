//! Shared test helpers: a lock that serializes tests drawing from the global random generator
//! (so a seeded test sees exactly its own draws), one for tests that count or drop `jit`'s
//! cached graphs, tensor builders, closeness checks, and the
//! finite-difference gradient check used by every layer and loss.

use easy_mindspore as ems;
use ems::nn::Parameter;
use ems::{DType, Tensor};
use std::sync::{Mutex, MutexGuard};

static RNG: Mutex<()> = Mutex::new(());

/// Holds the global generator for this test and restarts it from `seed`.
pub fn seeded(seed: u64) -> MutexGuard<'static, ()> {
    let g = RNG
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    ems::set_seed(seed);
    g
}

static JIT_CACHES: Mutex<()> = Mutex::new(());

/// Held by tests that count `jit` traces and by those that drop every cached graph (a new
/// learning rate), so that one never sees the other's invalidation.
pub fn jit_caches() -> MutexGuard<'static, ()> {
    JIT_CACHES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A Float64 tensor.
pub fn t64(v: &[f64], shape: &[usize]) -> Tensor {
    Tensor::from_vec(v.to_vec(), shape).unwrap()
}

/// Standard normal Float64 values of `shape` (hold `seeded` while calling).
pub fn randn64(shape: &[usize]) -> Tensor {
    ems::randn(shape, DType::Float64).unwrap()
}

/// Asserts elementwise `|a − b| ≤ tol·(1 + |b|)`.
pub fn assert_close(a: &[f64], b: &[f64], tol: f64, what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: lengths differ");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= tol * (1.0 + y.abs()),
            "{what}: element {i}: {x} vs {y} (tol {tol})"
        );
    }
}

/// Checks the gradients that `nn::grad` gives for `f` (a scalar) w.r.t. every element of every
/// parameter against central differences with step `h`. Inputs to check are passed as
/// parameters too (read with `.value()` inside `f`).
pub fn check_grads(f: &dyn Fn() -> ems::Result<Tensor>, params: &[Parameter], tol: f64) {
    let grads = ems::nn::grad(f, params).unwrap();
    let h = 1e-6;
    for (p, g) in params.iter().zip(&grads) {
        let base = p.value();
        let shape = base.shape();
        let v = base.to_vec::<f64>();
        let mut fd = vec![0.0; v.len()];
        for k in 0..v.len() {
            let at = |d: f64| {
                let mut w = v.clone();
                w[k] += d;
                p.set_data(&Tensor::from_vec(w, &shape).unwrap()).unwrap();
                f().unwrap().to_f64().unwrap()
            };
            fd[k] = (at(h) - at(-h)) / (2.0 * h);
        }
        p.set_data(&base).unwrap();
        assert_close(&g.to_vec::<f64>(), &fd, tol, &format!("d/d{}", p.name()));
    }
}

/// `Σ out ⊙ r` for a fixed random `r` of `out`'s shape: a scalar whose gradient seeds every
/// output element with a different cotangent.
pub fn weighted_sum(out: &Tensor, r: &Tensor) -> ems::Result<Tensor> {
    (out * r)?.sum()
}

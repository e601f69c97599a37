//! Optimizer steps against their published update formulas, computed here in plain f64 over
//! several steps, and the errors for bad hyper-parameters and gradients.

use super::helpers::*;
use easy_mindspore as ems;
use ems::nn::optim::*;
use ems::nn::{Optimizer, Parameter};
use ems::Tensor;

const W0: [f64; 3] = [0.5, -1.0, 2.0];
const GRADS: [[f64; 3]; 3] = [[0.1, -0.2, 0.3], [0.4, 0.1, -0.5], [-0.3, 0.2, 0.05]];

/// Runs `opt` over GRADS on a parameter named `name` starting at W0; returns its values.
fn run(make: impl Fn(Vec<Parameter>) -> Box<dyn Optimizer>, name: &str) -> Vec<f64> {
    let p = Parameter::new(t64(&W0, &[3]), name);
    let mut opt = make(vec![p.clone()]);
    for g in GRADS {
        opt.step(&[t64(&g, &[3])]).unwrap();
    }
    p.value().to_vec::<f64>()
}

/// MindSpore's SGD kernel, element by element.
fn sgd_ref(lr: f64, u: f64, damp: f64, wd: f64, nesterov: bool) -> Vec<f64> {
    let (mut w, mut v) = (W0.to_vec(), [0.0; 3]);
    for (t, g) in GRADS.iter().enumerate() {
        for i in 0..3 {
            let mut g = g[i] + wd * w[i];
            if u > 0.0 {
                v[i] = if t == 0 {
                    g
                } else {
                    u * v[i] + (1.0 - damp) * g
                };
                g = if nesterov { g + u * v[i] } else { v[i] };
            }
            w[i] -= lr * g;
        }
    }
    w
}

#[test]
fn sgd_variants() {
    for (u, damp, wd, nesterov) in [
        (0.0, 0.0, 0.0, false),
        (0.9, 0.0, 0.0, false),
        (0.9, 0.3, 0.01, false),
        (0.8, 0.0, 0.1, true),
        (0.0, 0.0, 0.05, false),
    ] {
        let got = run(
            |p| Box::new(SGD::with_options(p, 0.1, u, damp, wd, nesterov).unwrap()),
            "w",
        );
        assert_close(
            &got,
            &sgd_ref(0.1, u, damp, wd, nesterov),
            1e-14,
            &format!("SGD {u} {damp} {wd} {nesterov}"),
        );
    }
}

fn adam_ref(lr: f64, b1: f64, b2: f64, eps: f64, wd: f64, nesterov: bool) -> Vec<f64> {
    let (mut w, mut m, mut v) = (W0.to_vec(), [0.0; 3], [0.0; 3]);
    for (t, g) in GRADS.iter().enumerate() {
        let t = t as i32 + 1;
        let lr_t = lr * (1.0 - b2.powi(t)).sqrt() / (1.0 - b1.powi(t));
        for i in 0..3 {
            let g = g[i] + wd * w[i];
            m[i] = b1 * m[i] + (1.0 - b1) * g;
            v[i] = b2 * v[i] + (1.0 - b2) * g * g;
            let num = if nesterov {
                b1 * m[i] + (1.0 - b1) * g
            } else {
                m[i]
            };
            w[i] -= lr_t * num / (v[i].sqrt() + eps);
        }
    }
    w
}

#[test]
fn adam_variants() {
    let got = run(|p| Box::new(Adam::new(p, 0.01).unwrap()), "w");
    assert_close(
        &got,
        &adam_ref(0.01, 0.9, 0.999, 1e-8, 0.0, false),
        1e-14,
        "Adam",
    );
    let got = run(
        |p| Box::new(Adam::with_options(p, 0.05, 0.8, 0.99, 1e-6, 0.1, true).unwrap()),
        "w",
    );
    assert_close(
        &got,
        &adam_ref(0.05, 0.8, 0.99, 1e-6, 0.1, true),
        1e-14,
        "Adam nesterov + wd",
    );
    // No decay for 'gamma' / 'beta' parameters (MindSpore's decay filter).
    let got = run(
        |p| Box::new(Adam::with_options(p, 0.05, 0.8, 0.99, 1e-6, 0.1, false).unwrap()),
        "bn.gamma",
    );
    assert_close(
        &got,
        &adam_ref(0.05, 0.8, 0.99, 1e-6, 0.0, false),
        1e-14,
        "Adam gamma",
    );
}

#[test]
fn adam_amsgrad_divides_by_the_running_maximum_of_v() {
    // v̂ = max(v̂, v); w -= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m/(√v̂ + ε) (ApplyAdamWithAmsgradV2).
    let (lr, b1, b2, eps): (f64, f64, f64, f64) = (0.05, 0.8, 0.5, 1e-8);
    let (mut w, mut m, mut v, mut vh) = (W0.to_vec(), [0.0; 3], [0.0; 3], [0.0f64; 3]);
    for (t, g) in GRADS.iter().enumerate() {
        let t = t as i32 + 1;
        let lr_t = lr * (1.0 - b2.powi(t)).sqrt() / (1.0 - b1.powi(t));
        for i in 0..3 {
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
            vh[i] = vh[i].max(v[i]);
            w[i] -= lr_t * m[i] / (vh[i].sqrt() + eps);
        }
    }
    let got = run(
        |p| {
            let adam = Adam::with_options(p, lr, b1, b2, eps, 0.0, false).unwrap();
            Box::new(adam.with_amsgrad().unwrap())
        },
        "w",
    );
    assert_close(&got, &w, 1e-14, "Adam amsgrad");
    // β₂ = 0.5 forgets fast: the maximum binds, so plain Adam differs.
    let plain = run(
        |p| Box::new(Adam::with_options(p, lr, b1, b2, eps, 0.0, false).unwrap()),
        "w",
    );
    assert!(plain.iter().zip(&w).any(|(a, b)| (a - b).abs() > 1e-6));
}

#[test]
fn adamw_and_adam_weight_decay() {
    let (lr, b1, b2, eps, wd) = (0.02, 0.9, 0.95, 1e-8, 0.1);
    let (mut w, mut m, mut v) = (W0.to_vec(), [0.0; 3], [0.0; 3]);
    for (t, g) in GRADS.iter().enumerate() {
        let t = t as i32 + 1;
        for i in 0..3 {
            w[i] *= 1.0 - lr * wd;
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
            let (mh, vh) = (m[i] / (1.0 - b1.powi(t)), v[i] / (1.0 - b2.powi(t)));
            w[i] -= lr * mh / (vh.sqrt() + eps);
        }
    }
    let got = run(
        |p| Box::new(AdamW::with_options(p, lr, b1, b2, eps, wd).unwrap()),
        "w",
    );
    assert_close(&got, &w, 1e-13, "AdamW");

    let (mut w, mut m, mut v) = (W0.to_vec(), [0.0; 3], [0.0; 3]);
    for g in GRADS {
        for i in 0..3 {
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
            w[i] -= lr * (m[i] / (v[i].sqrt() + 1e-6) + wd * w[i]);
        }
    }
    // `new` uses MindSpore's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-6.
    let defaults = run(|p| Box::new(AdamWeightDecay::new(p, lr, wd).unwrap()), "w");
    let explicit = run(
        |p| Box::new(AdamWeightDecay::with_options(p, lr, 0.9, 0.999, 1e-6, wd).unwrap()),
        "w",
    );
    assert_eq!(defaults, explicit);
    let got = run(
        |p| Box::new(AdamWeightDecay::with_options(p, lr, b1, b2, 1e-6, wd).unwrap()),
        "w",
    );
    assert_close(&got, &w, 1e-13, "AdamWeightDecay");
}

#[test]
fn learning_rate_can_change_between_steps() {
    let _caches = jit_caches(); // a new rate drops every cached graph
    let p = Parameter::new(t64(&[1.0], &[1]), "w");
    let mut opt = SGD::new(vec![p.clone()], 0.5).unwrap();
    opt.step(&[t64(&[1.0], &[1])]).unwrap();
    opt.set_learning_rate(0.25);
    assert_eq!(opt.learning_rate(), 0.25);
    opt.step(&[t64(&[1.0], &[1])]).unwrap();
    assert_eq!(p.value().to_vec::<f64>(), vec![0.25]);
    assert_eq!(p.dtype(), ems::DType::Float64);
}

#[test]
fn errors_name_the_optimizer() {
    let p = Parameter::new(t64(&[1.0, 2.0], &[2]), "w");
    let mut opt = Adam::new(vec![p.clone()], 0.1).unwrap();
    let e = opt.step(&[]).unwrap_err().to_string();
    assert!(
        e.contains("Adam") && e.contains("expected 1 gradients"),
        "{e}"
    );
    let e = opt.step(&[t64(&[1.0], &[1])]).unwrap_err().to_string();
    assert!(
        e.contains("'w'") && e.contains("[1]") && e.contains("[2]"),
        "{e}"
    );
    assert!(SGD::with_options(vec![p.clone()], 0.1, 0.0, 0.0, 0.0, true).is_err());
    assert!(SGD::with_options(vec![p.clone()], -0.1, 0.0, 0.0, 0.0, false).is_err());
    assert!(Adam::with_options(vec![p.clone()], 0.1, 1.0, 0.9, 1e-8, 0.0, false).is_err());
    assert!(AdamW::with_options(vec![p], 0.1, 0.9, 0.9, 0.0, 0.0).is_err());
    let ip = Parameter::new(Tensor::new([1i32]).unwrap(), "i");
    assert!(SGD::new(vec![ip], 0.1)
        .unwrap()
        .step(&[Tensor::new([1i32]).unwrap()])
        .is_err());
}

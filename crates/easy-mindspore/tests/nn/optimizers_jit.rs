//! Optimizer steps under `jit`: the state (momentum buffers, moments, step counts, powers of
//! the betas) lives in Parameters, so a training step traced once and replayed from the cached
//! graph must move the weights exactly as the eager steps do, step after step.

use super::helpers::jit_caches;
use easy_mindspore as ems;
use ems::nn::optim::*;
use ems::nn::{Optimizer, Parameter};
use ems::Tensor;
use std::sync::{Arc, Mutex};

const STEPS: usize = 5;

type MakeOpt = fn(Vec<Parameter>) -> Box<dyn Optimizer + Send>;

/// A linear model `x·w + b` (Float32) with fixed starting values.
fn model() -> Vec<Parameter> {
    let w: Vec<f32> = (0..6).map(|i| 0.3 * i as f32 - 0.7).collect();
    vec![
        Parameter::new(Tensor::from_vec(w, &[3, 2]).unwrap(), "dense.weight"),
        Parameter::new(
            Tensor::from_vec(vec![0.1f32, -0.2], &[2]).unwrap(),
            "dense.bias",
        ),
    ]
}

fn data() -> (Tensor, Tensor) {
    let x: Vec<f32> = (0..12).map(|i| (i as f32 - 5.5) / 6.0).collect();
    let y: Vec<f32> = (0..8).map(|i| ((i * 3) % 5) as f32 / 4.0 - 0.5).collect();
    (
        Tensor::from_vec(x, &[4, 3]).unwrap(),
        Tensor::from_vec(y, &[4, 2]).unwrap(),
    )
}

/// One training step: the mean squared error, its gradients and an optimizer step.
fn train_step(
    params: &[Parameter],
    opt: &mut dyn Optimizer,
    x: &Tensor,
    y: &Tensor,
) -> ems::Result<Tensor> {
    let (loss, grads) = ems::nn::value_and_grad(
        || {
            let out = (ems::matmul(x, &params[0].value())? + params[1].value())?;
            ems::mean(&ems::square(&(out - y)?)?, ems::Axes::All, false)
        },
        params,
    )?;
    opt.step(&grads)?;
    Ok(loss)
}

fn values(ps: &[Parameter]) -> Vec<Vec<f64>> {
    ps.iter()
        .map(|p| {
            ems::cast(&p.value(), ems::DType::Float64)
                .unwrap()
                .to_vec::<f64>()
        })
        .collect()
}

fn assert_rel(a: &[Vec<f64>], b: &[Vec<f64>], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}");
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x.len(), y.len(), "{what}");
        for (p, q) in x.iter().zip(y) {
            assert!(
                (p - q).abs() <= 1e-6 * q.abs().max(1e-3),
                "{what}: {x:?} vs {y:?}"
            );
        }
    }
}

/// Runs `STEPS` steps eagerly and under `jit` from the same start; checks the losses, the
/// parameters and the optimizer state after every step, and that the jitted step traced once.
fn eager_matches_jit(make: MakeOpt, name: &str) {
    let _caches = jit_caches();
    let (x, y) = data();
    let eager_params = model();
    let mut eager_opt = make(eager_params.clone());

    let params = model();
    let opt = Arc::new(Mutex::new(make(params.clone())));
    let step = {
        let (params, opt) = (params.clone(), Arc::clone(&opt));
        ems::jit::jit(move |xs: &[Tensor]| {
            let mut opt = opt.lock().unwrap();
            Ok(vec![train_step(&params, &mut **opt, &xs[0], &xs[1])?])
        })
    };

    for k in 0..STEPS {
        let eager_loss = train_step(&eager_params, &mut *eager_opt, &x, &y).unwrap();
        let loss = step.call(&[x.clone(), y.clone()]).unwrap();
        let what = format!("{name}, step {}", k + 1);
        assert_rel(
            &[loss[0].to_vec::<f32>().iter().map(|&v| v as f64).collect()],
            &[eager_loss
                .to_vec::<f32>()
                .iter()
                .map(|&v| v as f64)
                .collect()],
            &format!("{what}: loss"),
        );
        assert_rel(&values(&params), &values(&eager_params), &what);
        let (state, eager_state) = (opt.lock().unwrap().state_params(), eager_opt.state_params());
        assert_rel(
            &values(&state),
            &values(&eager_state),
            &format!("{what}: state"),
        );
    }
    // The step moved the weights (a frozen graph or a no-op would not pass the checks above
    // together with this one).
    assert_ne!(values(&params), values(&model()), "{name}: no update");
    let s = step.stats();
    assert_eq!(
        (s.traces, s.hits, s.graphs),
        (1, STEPS as u64 - 1, 1),
        "{name}: {:?}",
        step.uncached_reason()
    );
    assert!(params.iter().all(|p| !p.value().is_traced()));
}

#[test]
fn sgd_with_momentum_under_jit_matches_eager() {
    let cases: [(MakeOpt, &str); 4] = [
        (
            |p| Box::new(SGD::with_options(p, 0.1, 0.9, 0.0, 0.0, false).unwrap()),
            "SGD momentum",
        ),
        (
            |p| Box::new(SGD::with_options(p, 0.1, 0.9, 0.0, 0.01, true).unwrap()),
            "SGD nesterov",
        ),
        (
            |p| Box::new(SGD::with_options(p, 0.1, 0.9, 0.3, 0.01, false).unwrap()),
            "SGD dampening",
        ),
        (|p| Box::new(SGD::new(p, 0.1).unwrap()), "SGD plain"),
    ];
    for (make, name) in cases {
        eager_matches_jit(make, name);
    }
}

#[test]
fn adam_family_under_jit_matches_eager() {
    let cases: [(MakeOpt, &str); 5] = [
        (|p| Box::new(Adam::new(p, 0.05).unwrap()), "Adam"),
        (
            |p| Box::new(Adam::with_options(p, 0.05, 0.8, 0.99, 1e-6, 0.1, true).unwrap()),
            "Adam nesterov + wd",
        ),
        (|p| Box::new(AdamW::new(p, 0.05).unwrap()), "AdamW"),
        (
            |p| Box::new(AdamWeightDecay::new(p, 0.05, 0.1).unwrap()),
            "AdamWeightDecay",
        ),
        (
            |p| Box::new(AdamWeightDecay::new(p, 0.05, 0.0).unwrap()),
            "AdamWeightDecay without decay",
        ),
    ];
    for (make, name) in cases {
        eager_matches_jit(make, name);
    }
}

#[test]
fn state_params_are_named_and_not_trainable() {
    let p = model();
    let names = |o: &dyn Optimizer| -> Vec<String> {
        o.state_params().iter().map(Parameter::name).collect()
    };
    let sgd = SGD::with_options(p.clone(), 0.1, 0.9, 0.0, 0.0, false).unwrap();
    assert_eq!(
        names(&sgd),
        ["accum.dense.weight", "accum.dense.bias", "global_step"]
    );
    assert_eq!(names(&SGD::new(p.clone(), 0.1).unwrap()), ["global_step"]);
    let adam = Adam::new(p.clone(), 0.1).unwrap();
    assert_eq!(
        names(&adam),
        [
            "moment1.dense.weight",
            "moment1.dense.bias",
            "moment2.dense.weight",
            "moment2.dense.bias",
            "global_step",
            "beta1_power",
            "beta2_power"
        ]
    );
    assert!(names(&AdamW::new(p.clone(), 0.1).unwrap())[0].starts_with("exp_avg."));
    let awd = AdamWeightDecay::new(p.clone(), 0.1, 0.0).unwrap();
    assert_eq!(names(&awd).len(), 5);
    assert!(names(&awd)[2].starts_with("adam_v."));
    for s in adam.state_params().iter().chain(&sgd.state_params()) {
        assert!(!s.requires_grad(), "{s}");
    }
    for (s, w) in adam.state_params().iter().zip(&p) {
        assert_eq!((s.shape(), s.dtype()), (w.shape(), w.dtype()));
    }

    // The step count and the powers of the betas advance with each step.
    let mut adam = Adam::with_options(p, 0.1, 0.5, 0.25, 1e-8, 0.0, false).unwrap();
    let g = [
        ems::ones(&[3, 2], ems::DType::Float32).unwrap(),
        ems::ones(&[2], ems::DType::Float32).unwrap(),
    ];
    adam.step(&g).unwrap();
    adam.step(&g).unwrap();
    let st = adam.state_params();
    assert_eq!(st[4].value().to_vec::<i32>(), [2]);
    assert_eq!(st[5].value().to_vec::<f64>(), [0.25]);
    assert_eq!(st[6].value().to_vec::<f64>(), [0.0625]);
}

/// The learning rate is state (a `Var`): a schedule that changes it between steps changes what
/// the cached graph does, without a new trace.
#[test]
fn a_new_learning_rate_takes_effect_without_a_new_trace() {
    let _caches = jit_caches();
    let (x, y) = data();
    let make = |p| SGD::with_options(p, 0.1, 0.9, 0.0, 0.0, false).unwrap();
    let eager_params = model();
    let mut eager_opt = make(eager_params.clone());
    let params = model();
    let opt = Arc::new(Mutex::new(make(params.clone())));
    let step = {
        let (params, opt) = (params.clone(), Arc::clone(&opt));
        ems::jit::jit(move |xs: &[Tensor]| {
            Ok(vec![train_step(
                &params,
                &mut *opt.lock().unwrap(),
                &xs[0],
                &xs[1],
            )?])
        })
    };
    for k in 0..4 {
        if k == 2 {
            eager_opt.set_learning_rate(0.02);
            opt.lock().unwrap().set_learning_rate(0.02);
        }
        if k == 3 {
            eager_opt.set_learning_rate(0.3);
            opt.lock().unwrap().set_learning_rate(0.3);
        }
        train_step(&eager_params, &mut eager_opt, &x, &y).unwrap();
        step.call(&[x.clone(), y.clone()]).unwrap();
        assert_rel(
            &values(&params),
            &values(&eager_params),
            &format!("step {k}"),
        );
    }
    let s = step.stats();
    assert_eq!((s.traces, s.hits), (1, 3));
}

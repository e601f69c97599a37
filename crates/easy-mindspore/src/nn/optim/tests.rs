//! The new rules against Float64 references written from MindSpore's formulas, and against a
//! few numbers from MindSpore 2.10 on CPU (Float32 parameters, `w0 = [1, −2]`, lr 0.1, the
//! gradients `GS` below).

use super::*;
use crate::DType;

const W0: [f64; 2] = [1.0, -2.0];
const GS: [[f64; 2]; 3] = [[0.5, 1.0], [-1.0, 2.0], [0.3, -0.7]];

fn param(name: &str, dtype: DType) -> Parameter {
    let w = ops::cast(&Tensor::new(W0).unwrap(), dtype).unwrap();
    Parameter::new(w, name)
}

/// Runs `opt` over the gradients `GS`; returns the parameter after each step, as f64.
fn run(mut opt: impl Optimizer, p: &Parameter) -> Vec<Vec<f64>> {
    GS.iter()
        .map(|g| {
            let g = ops::cast(&Tensor::new(*g).unwrap(), p.dtype()).unwrap();
            opt.step(&[g]).unwrap();
            let w = ops::cast(&p.value(), DType::Float64).unwrap();
            w.to_vec::<f64>()
        })
        .collect()
}

fn close(got: &[Vec<f64>], want: &[Vec<f64>], tol: f64) {
    for (g, w) in got.iter().zip(want) {
        for (a, b) in g.iter().zip(w) {
            assert!(
                (a - b).abs() <= tol * (1.0 + b.abs()),
                "{got:?} vs {want:?}"
            );
        }
    }
}

/// A reference run: `rule(w, g, state)` returns the new `w` for each coordinate.
fn reference<S: Clone>(
    init: S,
    wd: f64,
    ls: f64,
    mut rule: impl FnMut(f64, f64, &mut S, usize) -> f64,
) -> Vec<Vec<f64>> {
    let mut w = W0.to_vec();
    let mut states = vec![init; 2];
    let mut out = Vec::new();
    for (t, g) in GS.iter().enumerate() {
        for k in 0..2 {
            // g/ls + wd·w (MindSpore's scale_grad and decay_weight)
            let gk = g[k] / ls + wd * w[k];
            w[k] = rule(w[k], gk, &mut states[k], t + 1);
        }
        out.push(w.clone());
    }
    out
}

fn group(p: &Parameter, wd: f64, ls: f64) -> Group {
    Group::new(vec![p.clone()], 0.1)
        .unwrap()
        .weight_decay(wd)
        .unwrap()
        .loss_scale(ls)
        .unwrap()
}

#[test]
fn adagrad_matches_its_formula_and_mindspore() {
    for (wd, ls) in [(0.0, 1.0), (0.1, 2.0)] {
        let p = param("w", DType::Float64);
        let got = run(
            Adagrad::from_group(group(&p, wd, ls), 0.1, true).unwrap(),
            &p,
        );
        // a += g²; w −= lr·g/√a, a from 0.1
        let want = reference(0.1, wd, ls, |w, g, a: &mut f64, _| {
            *a += g * g;
            w - 0.1 * g / a.sqrt()
        });
        close(&got, &want, 1e-12);
    }
    // MindSpore 2.10, nn.Adagrad(learning_rate=0.1), Float32.
    let p = param("w", DType::Float32);
    let got = run(Adagrad::new(vec![p.clone()], 0.1).unwrap(), &p);
    close(&got[2..], &[vec![0.976_550_8, -2.154_300_9]], 1e-6);
    // Without update_slots the accumulator stays at its initial value.
    let p = param("w", DType::Float64);
    let got = run(
        Adagrad::from_group(group(&p, 0.0, 1.0), 0.4, false).unwrap(),
        &p,
    );
    assert!((got[0][0] - (1.0 - 0.1 * 0.5 / 0.4f64.sqrt())).abs() < 1e-12);
}

#[test]
fn rmsprop_plain_and_centered_match_their_formulas_and_mindspore() {
    for (centered, mom, wd, ls) in [(false, 0.0, 0.0, 1.0), (true, 0.5, 0.1, 2.0)] {
        let p = param("w", DType::Float64);
        let opt = RMSProp::from_group(group(&p, wd, ls), 0.9, mom, 1e-10, centered).unwrap();
        let got = run(opt, &p);
        // s = ρs + (1 − ρ)g² (s from 1); ḡ likewise from 0; m = μm + lr·g/√(s − ḡ² + ε)
        let want = reference(
            (1.0, 0.0, 0.0),
            wd,
            ls,
            |w, g, st: &mut (f64, f64, f64), _| {
                st.0 = 0.9 * st.0 + 0.1 * g * g;
                let var = if centered {
                    st.1 = 0.9 * st.1 + 0.1 * g;
                    st.0 - st.1 * st.1
                } else {
                    st.0
                };
                st.2 = mom * st.2 + 0.1 * g / (var + 1e-10).sqrt();
                w - st.2
            },
        );
        close(&got, &want, 1e-12);
    }
    // MindSpore 2.10, nn.RMSProp(learning_rate=0.1, centered=True, momentum=0.5), Float32.
    let p = param("w", DType::Float32);
    let opt = RMSProp::from_group(group(&p, 0.0, 1.0), 0.9, 0.5, 1e-10, true).unwrap();
    close(&run(opt, &p)[2..], &[vec![1.031_904_9, -2.383_574_7]], 1e-6);
}

#[test]
fn adadelta_matches_its_formula_and_mindspore() {
    for (wd, ls) in [(0.0, 1.0), (0.1, 2.0)] {
        let p = param("w", DType::Float64);
        let got = run(
            Adadelta::from_group(group(&p, wd, ls), 0.9, 1e-6).unwrap(),
            &p,
        );
        let want = reference((0.0, 0.0), wd, ls, |w, g, st: &mut (f64, f64), _| {
            st.0 = 0.9 * st.0 + 0.1 * g * g;
            let d = (st.1 + 1e-6).sqrt() / (st.0 + 1e-6).sqrt() * g;
            st.1 = 0.9 * st.1 + 0.1 * d * d;
            w - 0.1 * d
        });
        close(&got, &want, 1e-12);
    }
    // MindSpore 2.10, nn.Adadelta(learning_rate=0.1, weight_decay=0.1, loss_scale=2.0).
    let p = param("w", DType::Float32);
    let opt = Adadelta::from_group(group(&p, 0.1, 2.0), 0.9, 1e-6).unwrap();
    close(
        &run(opt, &p)[2..],
        &[vec![0.999_776_84, -2.000_395_5]],
        1e-6,
    );
}

#[test]
fn adamax_matches_its_formula_and_mindspore() {
    for (wd, ls) in [(0.0, 1.0), (0.1, 2.0)] {
        let p = param("w", DType::Float64);
        let got = run(
            AdaMax::from_group(group(&p, wd, ls), 0.9, 0.999, 1e-8).unwrap(),
            &p,
        );
        let want = reference((0.0, 0.0), wd, ls, |w, g, st: &mut (f64, f64), t| {
            st.0 = 0.9 * st.0 + 0.1 * g;
            st.1 = (0.999 * st.1).max(g.abs());
            w - 0.1 / (1.0 - 0.9f64.powi(t as i32)) * st.0 / (st.1 + 1e-8)
        });
        close(&got, &want, 1e-12);
    }
    // MindSpore 2.10, nn.AdaMax(learning_rate=0.1), Float32.
    let p = param("w", DType::Float32);
    let got = run(AdaMax::new(vec![p.clone()], 0.1).unwrap(), &p);
    close(&got[2..], &[vec![0.936_150_07, -2.211_591]], 1e-6);
}

#[test]
fn decay_flags_and_loss_scale_reach_sgd() {
    // MindSpore's default filter: a 'beta' parameter is not decayed.
    let beta = param("bn.beta", DType::Float64);
    let got = run(
        SGD::from_group(group(&beta, 0.1, 1.0), 0.0, 0.0, false).unwrap(),
        &beta,
    );
    close(&got[..1], &[vec![0.95, -2.1]], 1e-12);
    // With explicit flags (parameter groups) it is; the loss scale divides the gradient.
    let beta = param("bn.beta", DType::Float64);
    let g = group(&beta, 0.1, 2.0).decay_flags(vec![true]).unwrap();
    let got = run(SGD::from_group(g, 0.0, 0.0, false).unwrap(), &beta);
    // w −= 0.1·(g/2 + 0.1·w)
    close(
        &got[..1],
        &[vec![1.0 - 0.1 * 0.35, -2.0 - 0.1 * 0.3]],
        1e-12,
    );
}

#[test]
fn the_rate_is_a_shared_var_read_at_each_step() {
    let p = param("w", DType::Float64);
    let lr = Var::new(Tensor::scalar(0.5f32));
    let mut opt = SGD::from_group(
        Group::with_rate(vec![p.clone()], lr.clone()).unwrap(),
        0.0,
        0.0,
        false,
    )
    .unwrap();
    opt.step(&[Tensor::new([1.0f64, 1.0]).unwrap()]).unwrap();
    lr.set(Tensor::scalar(0.25f32));
    opt.step(&[Tensor::new([1.0f64, 1.0]).unwrap()]).unwrap();
    assert_eq!(p.value().to_vec::<f64>(), vec![0.25, -2.75]);
    opt.set_learning_rate(1.0);
    assert_eq!(lr.get().dtype(), DType::Float32);
    assert_eq!(opt.learning_rate(), 1.0);
}

#[test]
fn bad_hyper_parameters_are_errors() {
    let p = || vec![param("w", DType::Float32)];
    assert!(Group::new(p(), -0.1).is_err());
    assert!(Group::new(p(), 0.1).unwrap().loss_scale(0.0).is_err());
    assert!(Group::new(p(), 0.1).unwrap().weight_decay(-1.0).is_err());
    assert!(Group::new(p(), 0.1).unwrap().decay_flags(vec![]).is_err());
    assert!(Group::with_rate(p(), Var::new(Tensor::new([0.1f32]).unwrap())).is_err());
    let g = || Group::new(p(), 0.1).unwrap();
    assert!(Adagrad::from_group(g(), -0.1, true).is_err());
    assert!(RMSProp::from_group(g(), 0.9, 0.0, 0.0, false).is_err());
    assert!(Adadelta::from_group(g(), 1.5, 1e-6).is_err());
    assert!(AdaMax::from_group(g(), 1.0, 0.999, 1e-8).is_err());
    let mut opt = AdaMax::new(p(), 0.1).unwrap();
    assert!(opt.step(&[Tensor::new([1.0f32]).unwrap()]).is_err());
}

#[test]
fn a_dynamic_weight_decay_is_read_at_each_step() {
    // SGD: w −= lr·(g + wd·w), with wd taken from its Var at each step.
    let p = param("w", DType::Float64);
    let wd = Var::new(Tensor::scalar(0.5f32));
    let g = Group::new(vec![p.clone()], 0.1)
        .unwrap()
        .dynamic_weight_decay(wd.clone())
        .unwrap();
    let mut opt = SGD::from_group(g, 0.0, 0.0, false).unwrap();
    let zero = || Tensor::new([0.0f64, 0.0]).unwrap();
    opt.step(&[zero()]).unwrap();
    wd.set(Tensor::scalar(0.0f32));
    opt.step(&[zero()]).unwrap();
    close(&[p.value().to_vec::<f64>()], &[vec![0.95, -1.9]], 1e-12);
    assert!(Group::new(vec![p], 0.1)
        .unwrap()
        .dynamic_weight_decay(Var::new(Tensor::scalar(1i32)))
        .is_err());
}

#[test]
fn the_extra_optimizers_give_mindspores_numbers() {
    // MindSpore 2.10 on CPU, Float32 w0 = [1, −2], the gradients GS, lr 0.1.
    let g = |p: &Parameter| group(p, 0.0, 1.0);
    let p = param("w", DType::Float32);
    let got = run(FTRL::from_group(g(&p), 0.1, -0.5, 0.0, 0.0).unwrap(), &p);
    close(&got[2..], &[vec![0.442_028_4, -1.551_278_2]], 1e-6);
    let p = param("w", DType::Float32);
    let got = run(FTRL::from_group(g(&p), 0.2, -0.3, 0.1, 0.2).unwrap(), &p);
    close(&got[2..], &[vec![0.218_034_83, -0.961_847_4]], 1e-6);
    let p = param("w", DType::Float32);
    let got = run(
        ProximalAdagrad::from_group(g(&p), 0.2, 0.1, 0.2).unwrap(),
        &p,
    );
    close(&got[2..], &[vec![0.896_586_95, -2.058_843]], 1e-6);
    let p = param("w", DType::Float32);
    let got = run(
        ASGD::from_group(group(&p, 0.1, 1.0), 0.1, 0.5, 1.0).unwrap(),
        &p,
    );
    close(&got[2..], &[vec![0.961_270_9, -2.104_778_5]], 1e-6);
    let p = param("w", DType::Float32);
    let got = run(
        SGD::from_group(g(&p), 0.9, 0.5, false)
            .and_then(|o| {
                o.with_mindspore_state(scalar_state(Tensor::scalar(0.9f32), "momentum"), true)
            })
            .unwrap(),
        &p,
    );
    close(&got[2..], &[vec![0.944_5, -2.426]], 1e-6);
}

#[test]
fn rprop_follows_its_formula() {
    let p = param("w", DType::Float64);
    let got = run(
        Rprop::from_group(group(&p, 0.0, 1.0), 0.4, 1.5, 0.05, 0.12).unwrap(),
        &p,
    );
    // step 1: ±lr; step 2: the first coordinate's sign flips (step 0.04 → 0.05, no move), the
    // second's does not (0.15 → 0.12); step 3: the first moves by 0.05, the second flipped.
    close(
        &got,
        &[vec![0.9, -2.1], vec![0.9, -2.22], vec![0.85, -2.22]],
        1e-12,
    );
}

#[test]
fn lamb_and_lars_follow_their_formulas() {
    // Lamb, one step from w = [3, 4] with g = [1, 1]: m̂ = 1, v̂ = 1, u = 1/(1 + ε),
    // r = 5/(√2/√(1 + ε)); w −= lr·r·u.
    let p = Parameter::new(Tensor::new([3.0f64, 4.0]).unwrap(), "w");
    let mut opt = Lamb::new(vec![p.clone()], 0.1).unwrap();
    opt.step(&[Tensor::new([1.0f64, 1.0]).unwrap()]).unwrap();
    let eps = 1e-6f64;
    let r = 5.0 / (2.0f64.sqrt() / (1.0 + eps).sqrt());
    let d = 0.1 * r / (1.0 + eps);
    close(
        &[p.value().to_vec::<f64>()],
        &[vec![3.0 - d, 4.0 - d]],
        1e-12,
    );
    // LARS: (g + wd·w)·c, c = η‖w‖/(‖g‖ + wd‖w‖ + ε); clipped: clip(c/lr, 0, 1).
    let w = Tensor::new([3.0f64, 4.0]).unwrap();
    let g = Tensor::new([0.0f64, 1.0]).unwrap();
    let (wd, lr) = (Tensor::scalar(0.1f64), Tensor::scalar(0.5f64));
    let got = lars_gradient(&w, &g, &wd, &lr, 1e-5, 0.2, false).unwrap();
    let c = 0.2 * 5.0 / (1.0 + 0.5 + 1e-5);
    close(&[got.to_vec::<f64>()], &[vec![0.3 * c, 1.4 * c]], 1e-12);
    let got = lars_gradient(&w, &g, &wd, &lr, 1e-5, 0.2, true).unwrap();
    close(&[got.to_vec::<f64>()], &[vec![0.3, 1.4]], 1e-12);
    assert!(lars_gradient(
        &w,
        &Tensor::new([1.0f64]).unwrap(),
        &wd,
        &lr,
        1e-5,
        0.2,
        false
    )
    .is_err());
}

#[test]
fn sgd_with_mindspores_state_lists_momentum_buffers_and_flags() {
    let p = param("w", DType::Float32);
    let m = scalar_state(Tensor::scalar(0.0f32), "momentum");
    let opt = SGD::new(vec![p.clone()], 0.1)
        .unwrap()
        .with_mindspore_state(m, true)
        .unwrap();
    let names: Vec<String> = opt.state_params().iter().map(Parameter::name).collect();
    assert_eq!(names, ["momentum", "accum.w", "stat.w", "global_step"]);
    let bad = scalar_state(Tensor::new([0.9f32]).unwrap(), "momentum");
    assert!(SGD::new(vec![p], 0.1)
        .unwrap()
        .with_mindspore_state(bad, true)
        .is_err());
}

#[test]
fn bad_extra_hyper_parameters_are_errors() {
    let p = || vec![param("w", DType::Float32)];
    let g = || Group::new(p(), 0.1).unwrap();
    assert!(Lamb::from_group(g(), 1.0, 0.999, 1e-6).is_err());
    assert!(FTRL::from_group(g(), 0.1, 0.5, 0.0, 0.0).is_err());
    assert!(FTRL::from_group(g(), -0.1, -0.5, 0.0, 0.0).is_err());
    assert!(ProximalAdagrad::from_group(g(), 0.1, -1.0, 0.0).is_err());
    assert!(Rprop::from_group(g(), 1.0, 1.2, 1e-6, 50.0).is_err());
    assert!(Rprop::from_group(g(), 0.5, 1.2, 50.0, 1e-6).is_err());
    assert!(ASGD::from_group(g(), f64::NAN, 0.75, 1e6).is_err());
}

#[test]
fn a_shared_step_count_drives_the_rules_that_depend_on_the_step() {
    // Rprop over a shared count of 1 (one step taken): no "first step", so the stored step
    // sizes (0) are used and the parameter does not move.
    let p = param("w", DType::Float64);
    let count = scalar_state(Tensor::new([1i32]).unwrap(), "global_step");
    let g = group(&p, 0.0, 1.0).shared_step(count.clone()).unwrap();
    let mut opt = Rprop::from_group(g, 0.5, 1.2, 0.0, 50.0).unwrap();
    opt.step(&[Tensor::new([1.0f64, 1.0]).unwrap()]).unwrap();
    assert_eq!(p.value().to_vec::<f64>(), W0.to_vec());
    // At a count of 0 it is the first step: the step size starts at the rate, 0.1, times 1.2
    // (the previous gradient has the same sign).
    count.replace(Tensor::new([0i32]).unwrap());
    opt.step(&[Tensor::new([1.0f64, 1.0]).unwrap()]).unwrap();
    close(&[p.value().to_vec::<f64>()], &[vec![0.88, -2.12]], 1e-12);
    let float = scalar_state(Tensor::new([1.0f32]).unwrap(), "global_step");
    assert!(group(&p, 0.0, 1.0).shared_step(float).is_err());
}

#[test]
fn adam_powers_are_a_running_product_or_one_power_of_the_step() {
    // nn.Adam multiplies beta1_power/beta2_power by β each step; experimental.optim.Adam takes
    // Pow(β, t) of the count, both in Float32: after 40 steps the two differ in the last bits.
    let powers = |step_powers: bool| -> Vec<f32> {
        let p = param("w", DType::Float32);
        let mut opt = Adam::new(vec![p.clone()], 0.1).unwrap();
        if step_powers {
            opt = opt.with_step_powers();
        }
        for _ in 0..40 {
            opt.step(&[ops::ones(&[2], DType::Float32).unwrap()])
                .unwrap();
        }
        let state = opt.state_params();
        let named = |n: &str| state.iter().find(|s| s.name() == n).unwrap().value();
        vec![
            named("beta1_power").to_vec::<f32>()[0],
            named("beta2_power").to_vec::<f32>()[0],
        ]
    };
    let product = |b: f32| (0..40).fold(1.0f32, |p, _| p * b);
    assert_eq!(powers(false), vec![product(0.9), product(0.999)]);
    assert_eq!(powers(true), vec![0.9f32.powf(40.0), 0.999f32.powf(40.0)]);
    assert_ne!(product(0.999), 0.999f32.powf(40.0));
}

#[test]
fn adafactor_of_a_vector_matches_its_formula_and_mindspore() {
    // Relative step, parameter scale, β₁ = 0.9: the documented rule in Float64.
    let p = param("w", DType::Float64);
    let opts = AdaFactorOptions::default();
    let got = run(
        AdaFactor::from_group(Group::new(vec![p.clone()], 0.0).unwrap(), opts).unwrap(),
        &p,
    );
    let (mut w, mut v, mut m) = (W0.to_vec(), [0.0; 2], [0.0; 2]);
    let mut want = Vec::new();
    for (t, g) in GS.iter().enumerate() {
        let t = (t + 1) as f64;
        let rms_w = (w.iter().map(|x| x * x).sum::<f64>() / 2.0).sqrt();
        let alpha = 1e-2_f64.min(1.0 / t.sqrt()) * rms_w.max(1e-3);
        let b2 = 1.0 - t.powf(-0.8);
        let u: Vec<f64> = (0..2)
            .map(|k| {
                v[k] = b2 * v[k] + (1.0 - b2) * (g[k] * g[k] + 1e-30);
                g[k] / v[k].sqrt()
            })
            .collect();
        let rms_u = (u.iter().map(|x| x * x).sum::<f64>() / 2.0).sqrt();
        for k in 0..2 {
            m[k] = 0.9 * m[k] + 0.1 * u[k] / rms_u.max(1.0) * alpha;
            w[k] -= m[k];
        }
        want.push(w.clone());
    }
    close(&got, &want, 1e-12);
    // MindSpore 2.10, nn.AdaFactor() with its defaults, Float32.
    let p = param("w", DType::Float32);
    let g = Group::new(vec![p.clone()], 0.0).unwrap();
    let got = run(AdaFactor::from_group(g, opts).unwrap(), &p);
    close(
        &got,
        &[
            vec![0.998_418_87, -2.001_581_2],
            vec![0.998_577_5, -2.004_585_7],
            vec![0.998_000_26, -2.006_462_8],
        ],
        1e-6,
    );
}

//! `jit`: staging, guards and the cache, graph passes, fused execution, parameters, and every
//! composition of `jit` with the other transforms against eager execution.

mod compositions;
mod lifetime;
mod passes;

use easy_mindspore as ems;
use ems::jit::{jit, jit1, make_graph};
use ems::Tensor;

/// The seed chapter as the Rust example writes it (its `f` is the control-flow function).
#[allow(dead_code)]
#[path = "../../examples/autodiff.rs"]
mod chapter;

pub use chapter::f as seed_f;

fn scalar32(v: f32) -> Tensor {
    Tensor::scalar(v)
}

#[test]
fn a_cached_graph_gives_eager_values_and_is_reused() -> ems::Result<()> {
    let f = jit(|xs: &[Tensor]| {
        let y = (&xs[0] * &xs[0])?.tanh()?;
        Ok(vec![ems::sum(&y, ems::Axes::All, false)?, (&y + 1.0)?])
    });
    for k in 0..3 {
        let x = Tensor::new([0.5f32, -1.0, 2.0 + k as f32])?;
        let eager_y = (&x * &x)?.tanh()?;
        let out = f.call(std::slice::from_ref(&x))?;
        assert_eq!(
            out[0].to_vec::<f32>(),
            ems::sum(&eager_y, ems::Axes::All, false)?.to_vec::<f32>()
        );
        assert_eq!(out[1].to_vec::<f32>(), (&eager_y + 1.0)?.to_vec::<f32>());
    }
    let s = f.stats();
    assert_eq!((s.traces, s.hits, s.graphs), (1, 2, 1));
    // A new shape is a new signature.
    f.call(&[Tensor::new([1.0f32, 2.0])?])?;
    assert_eq!(f.stats().traces, 2);
    Ok(())
}

#[test]
fn the_seed_control_flow_takes_the_right_path_for_every_input() -> ems::Result<()> {
    let jf = jit1(seed_f);
    let mut values = Vec::new();
    for e in -6..6 {
        for sign in [1.0f32, -1.0] {
            for m in [1.0f32, 3.7] {
                values.push(sign * m * 10f32.powi(e));
            }
        }
    }
    // Twice over: the second round runs from cached graphs.
    for _ in 0..2 {
        for &v in &values {
            let a = scalar32(v);
            assert_eq!(
                jf(&a)?.to_vec::<f32>(),
                seed_f(&a)?.to_vec::<f32>(),
                "a = {v}"
            );
        }
    }
    Ok(())
}

#[test]
fn guards_are_recorded_for_values_read() -> ems::Result<()> {
    let g = make_graph(|xs| Ok(vec![seed_f(&xs[0])?]), &[scalar32(0.37)])?;
    let text = g.to_string();
    assert!(text.contains("guard"), "{text}");
    g.check()?;
    // The recorded path: a loop of 11 doublings, then the positive branch.
    assert_eq!(g.guards.len(), 12 + 1, "{text}");
    Ok(())
}

#[test]
fn parameters_are_inputs_and_their_updates_are_replayed() -> ems::Result<()> {
    let w = ems::nn::Parameter::new(Tensor::new([1.0f32, 2.0])?, "w");
    let w2 = w.clone();
    // One SGD step on sum(w * x)^2 inside jit.
    let step = jit(move |xs: &[Tensor]| {
        let x = xs[0].clone();
        let wv = w2.value();
        let loss_and_grad = ems::value_and_grad(|w: &Tensor| {
            let s = ems::sum(&(w * &x)?, ems::Axes::All, false)?;
            &s * &s
        });
        let (loss, g) = loss_and_grad(&wv)?;
        w2.set_data(&(&wv - (&g * 0.01)?)?)?;
        Ok(vec![loss])
    });
    let v = ems::nn::Parameter::new(Tensor::new([1.0f32, 2.0])?, "v");
    let x = Tensor::new([0.5f32, -0.25])?;
    for _ in 0..4 {
        let loss = step.call(std::slice::from_ref(&x))?;
        // The same step eagerly on `v`.
        let vv = v.value();
        let s = ems::sum(&(&vv * &x)?, ems::Axes::All, false)?;
        let eager_loss = (&s * &s)?;
        let g = ((&x * &s)? * 2.0)?;
        v.set_data(&(&vv - (&g * 0.01)?)?)?;
        assert_eq!(loss[0].to_vec::<f32>(), eager_loss.to_vec::<f32>());
        let (a, b) = (w.value().to_vec::<f32>(), v.value().to_vec::<f32>());
        for (p, q) in a.iter().zip(&b) {
            assert!((p - q).abs() <= 1e-6 * q.abs().max(1.0), "{a:?} vs {b:?}");
        }
    }
    assert_eq!(step.stats().traces, 1);
    assert!(!w.value().is_traced());
    Ok(())
}

/// Random draws read and advance the default key, a `Var`: the graph lifts it, so one trace
/// serves every call, each call draws fresh numbers, and the sequence is eager's draw for draw.
/// (The only test of this binary that draws: the default key is process-wide.)
#[test]
fn random_draws_replay_from_one_graph_and_match_eager() -> ems::Result<()> {
    let body = |xs: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        let noisy = (&xs[0] + ems::randn(&[3], ems::DType::Float32)?)?;
        Ok(vec![noisy, ems::rand(&[2, 2], ems::DType::Float64)?])
    };
    let f = jit(body);
    let x = Tensor::new([1.0f32, 2.0, 3.0])?;
    ems::set_seed(11);
    let got = (0..100)
        .map(|_| f.call(std::slice::from_ref(&x)))
        .collect::<ems::Result<Vec<_>>>()?;
    ems::set_seed(11);
    let want = (0..100)
        .map(|_| body(std::slice::from_ref(&x)))
        .collect::<ems::Result<Vec<_>>>()?;
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g[0].to_vec::<f32>(), w[0].to_vec::<f32>(), "call {i}");
        assert_eq!(g[1].to_vec::<f64>(), w[1].to_vec::<f64>(), "call {i}");
    }
    assert_ne!(got[0][0].to_vec::<f32>(), got[1][0].to_vec::<f32>());
    assert_eq!(f.stats().traces, 1);
    assert_eq!(f.stats().hits, 99);
    assert_eq!(f.uncached_reason(), None);

    // A dropout layer in training mode: the same; switching it to evaluation mode makes the
    // graph stale (the mode is a guarded version), and the identity comes back.
    use ems::nn::Cell;
    let drop = std::sync::Arc::new(ems::nn::Dropout::new(0.5)?);
    drop.set_train(true);
    let d = drop.clone();
    let g = jit(move |xs: &[Tensor]| Ok(vec![d.call(&xs[0])?]));
    let x = ems::ones(&[64], ems::DType::Float32)?;
    ems::set_seed(3);
    let got = (0..100)
        .map(|_| Ok(g.call(std::slice::from_ref(&x))?[0].to_vec::<f32>()))
        .collect::<ems::Result<Vec<_>>>()?;
    ems::set_seed(3);
    for (i, got) in got.iter().enumerate() {
        assert_eq!(*got, drop.call(&x)?.to_vec::<f32>(), "call {i}");
    }
    assert_eq!(g.stats().traces, 1);
    drop.set_train(false);
    assert_eq!(
        g.call(std::slice::from_ref(&x))?[0].to_vec::<f32>(),
        vec![1.0; 64]
    );
    assert_eq!(g.stats().traces, 2);
    Ok(())
}

#[test]
fn errors_inside_the_function_leave_no_interpreter_or_parameter_behind() -> ems::Result<()> {
    let w = ems::nn::Parameter::new(Tensor::new([1.0f32])?, "w");
    let w2 = w.clone();
    let f = jit(move |xs: &[Tensor]| Ok(vec![ems::matmul(&(&xs[0] * &w2.value())?, &xs[0])?]));
    let err = f.call(&[Tensor::new([[1.0f32, 2.0]])?]).err();
    assert!(err.is_some());
    assert!(!w.value().is_traced());
    // Eager code afterwards is untouched.
    assert_eq!((Tensor::new([1.0f32])? + 1.0)?.to_vec::<f32>(), vec![2.0]);
    Ok(())
}

#[test]
fn a_wrong_input_to_a_graph_is_a_typed_error() -> ems::Result<()> {
    let g = make_graph(|xs| Ok(vec![(&xs[0] * 2.0)?]), &[scalar32(1.0)])?;
    let e = g
        .eval(&[Tensor::new([1.0f32, 2.0])?])
        .err()
        .map(|e| e.to_string());
    assert!(e.unwrap_or_default().contains("input 0"));
    let e = g.eval(&[]).err().map(|e| e.to_string());
    assert!(e.unwrap_or_default().contains("takes 1 inputs"));
    Ok(())
}

#[test]
fn a_panic_while_tracing_leaves_no_staging_state_behind() -> ems::Result<()> {
    let w = ems::nn::Parameter::new(Tensor::new([1.0f32, 2.0])?, "w");
    let w2 = w.clone();
    let f = jit(move |xs: &[Tensor]| {
        let y = (&xs[0] * &w2.value())?;
        if y.numel() == 2 {
            panic!("a bug in the traced function");
        }
        Ok(vec![y])
    });
    let x = Tensor::new([1.0f32, 1.0])?;
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        f.call(std::slice::from_ref(&x))
    }));
    assert!(caught.is_err());
    assert!(!ems::jit::staging());
    assert!(!w.value().is_traced());
    assert_eq!(w.value().to_vec::<f32>(), vec![1.0, 2.0]);
    Ok(())
}

#[test]
fn a_value_read_twice_is_one_guard() -> ems::Result<()> {
    let g = make_graph(
        |xs| {
            let s = xs[0].sum()?;
            let _ = s.to_f64()?;
            let _ = s.to_bool()?;
            Ok(vec![s])
        },
        &[Tensor::new([1.0f32, 2.0])?],
    )?;
    assert_eq!(g.guards.len(), 1, "{g}");
    Ok(())
}

#[test]
fn reading_a_batched_value_inside_jit_inside_vmap_is_the_vmap_error() -> ems::Result<()> {
    let f = jit1(|x: &Tensor| {
        if x.sum()?.greater(0.0)?.to_bool()? {
            Ok(x.clone())
        } else {
            -x
        }
    });
    let xs = Tensor::new([[1.0f32, 2.0], [-3.0, 1.0]])?;
    let e = ems::vmap(f, 0, 0)(&xs)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(e.contains("varies across the vmap batch"), "{e}");
    Ok(())
}

//! The golden compositionality test: many spellings of the first and second derivative of one
//! function agree with its closed form, and with each other. Then the Jacobian transforms'
//! shapes and tuple positions.
//!
//! f(x) = Σᵢ sin(xᵢ)·e^(xᵢ/2) + s², s = Σᵢ xᵢ²
//! ∇f   = cos(x)e^(x/2) + ½ sin(x)e^(x/2) + 4 s x
//! ∇²f  = diag(e^(x/2)(cos x − ¾ sin x) + 4 s) + 8 x xᵀ

use crate::helpers::{close, t64, TestResult};
use easy_mindspore as ems;
use ems::{Axes, Tensor};

const X: [f64; 4] = [0.3, -1.2, 0.8, 2.1];
const N: usize = X.len();

fn f(x: &Tensor) -> ems::Result<Tensor> {
    let wave = ems::sum(&(ems::sin(x)? * ems::exp(&(x * 0.5)?)?)?, Axes::All, false)?;
    let s = ems::sum(&(x * x)?, Axes::All, false)?;
    wave + (&s * &s)?
}

fn closed_gradient() -> Vec<f64> {
    let s: f64 = X.iter().map(|v| v * v).sum();
    X.iter()
        .map(|&v| (v / 2.0).exp() * (v.cos() + 0.5 * v.sin()) + 4.0 * s * v)
        .collect()
}

fn closed_hessian() -> Vec<f64> {
    let s: f64 = X.iter().map(|v| v * v).sum();
    let mut h = vec![0.0; N * N];
    for i in 0..N {
        for j in 0..N {
            h[i * N + j] = 8.0 * X[i] * X[j];
        }
        let v = X[i];
        h[i * N + i] += (v / 2.0).exp() * (v.cos() - 0.75 * v.sin()) + 4.0 * s;
    }
    h
}

fn x() -> Tensor {
    t64(X.to_vec(), &[N])
}

fn basis(i: usize) -> Tensor {
    let mut e = vec![0.0; N];
    e[i] = 1.0;
    t64(e, &[N])
}

/// Row `i` of a stacked result.
fn rows(parts: Vec<Tensor>) -> ems::Result<Tensor> {
    ems::stack(&parts, 0)
}

#[test]
fn every_spelling_of_the_gradient_agrees() -> TestResult {
    let want = closed_gradient();
    let x = x();
    let mut spellings: Vec<(&str, Tensor)> = vec![
        ("grad", ems::grad(f)(&x)?),
        ("jacrev", ems::jacrev(f)(&x)?),
        ("jacfwd", ems::jacfwd(f)(&x)?),
        ("value_and_grad", ems::value_and_grad(f)(&x)?.1),
    ];
    let (_, back) = ems::vjp(f, &x)?;
    spellings.push(("vjp(1)", back.apply(&[Tensor::scalar(1.0f64)])?.remove(0)));
    let by_jvp = (0..N)
        .map(|i| ems::jvp(f, &x, &basis(i)).map(|(_, t)| t))
        .collect::<ems::Result<Vec<_>>>()?;
    spellings.push(("jvp per basis vector", rows(by_jvp)?));
    let eye = ems::eye(N, None, ems::DType::Float64)?;
    let batched_jvp = ems::vmap(|t: &Tensor| Ok(ems::jvp(f, &x, t)?.1), 0, 0)(&eye)?;
    spellings.push(("vmap(jvp) over the basis", batched_jvp));
    for (name, g) in spellings {
        assert_eq!(g.shape(), vec![N], "{name}");
        close(name, &g.to_vec::<f64>(), &want, 1e-12)?;
    }
    Ok(())
}

#[test]
fn every_spelling_of_the_hessian_agrees() -> TestResult {
    let want = closed_hessian();
    let x = x();
    let gradf = ems::grad(f);
    let mut spellings: Vec<(&str, Tensor)> = vec![
        ("hessian", ems::hessian(f)(&x)?),
        ("jacfwd(jacrev)", ems::jacfwd(ems::jacrev(f))(&x)?),
        ("jacrev(jacfwd)", ems::jacrev(ems::jacfwd(f))(&x)?),
        ("jacrev(jacrev)", ems::jacrev(ems::jacrev(f))(&x)?),
        ("jacfwd(jacfwd)", ems::jacfwd(ems::jacfwd(f))(&x)?),
        ("jacrev(grad)", ems::jacrev(&gradf)(&x)?),
        ("jacfwd(grad)", ems::jacfwd(&gradf)(&x)?),
    ];
    // Forward over reverse: H·eᵢ = jvp(grad f, x, eᵢ).
    let fwd_rev = (0..N)
        .map(|i| ems::jvp(&gradf, &x, &basis(i)).map(|(_, t)| t))
        .collect::<ems::Result<Vec<_>>>()?;
    spellings.push(("jvp∘grad", rows(fwd_rev)?));
    // Reverse over forward: ∇ₓ ⟨∇f(x), eᵢ⟩ = ∇ₓ jvp(f, x, eᵢ).
    let rev_fwd = (0..N)
        .map(|i| ems::grad(|x: &Tensor| Ok(ems::jvp(f, x, &basis(i))?.1))(&x))
        .collect::<ems::Result<Vec<_>>>()?;
    spellings.push(("grad∘jvp", rows(rev_fwd)?));
    // vjp of jvp: pull back a one-hot cotangent through x ↦ jvp(f, x, eᵢ)... all i at once.
    let vjp_of_jvp = (0..N)
        .map(|i| {
            let (_, back) = ems::vjp(|x: &Tensor| Ok(ems::jvp(f, x, &basis(i))?.1), &x)?;
            Ok(back.apply(&[Tensor::scalar(1.0f64)])?.remove(0))
        })
        .collect::<ems::Result<Vec<_>>>()?;
    spellings.push(("vjp∘jvp", rows(vjp_of_jvp)?));
    // grad of one component of the gradient: row i of H.
    let grad_grad = (0..N)
        .map(|i| ems::grad(|x: &Tensor| gradf(x)?.index(&[(i as i64).into()]))(&x))
        .collect::<ems::Result<Vec<_>>>()?;
    spellings.push(("grad∘grad", rows(grad_grad)?));
    // Batched Hessian-vector products over the basis: vmap(jvp∘grad).
    let eye = ems::eye(N, None, ems::DType::Float64)?;
    let hvps = ems::vmap(|v: &Tensor| Ok(ems::jvp(&gradf, &x, v)?.1), 0, 0)(&eye)?;
    spellings.push(("vmap(jvp∘grad)", hvps));
    for (name, h) in spellings {
        assert_eq!(h.shape(), vec![N, N], "{name}");
        close(name, &h.to_vec::<f64>(), &want, 1e-10)?;
    }
    Ok(())
}

#[test]
fn per_example_gradients_by_vmap_match_a_loop() -> TestResult {
    // Least squares per example: loss(w; a, b) = (a·w − b)², batched over (a, b).
    let w = t64(vec![0.5, -1.0, 2.0], &[3]);
    let a = t64((0..12).map(|i| (i as f64 * 0.37).sin()).collect(), &[4, 3]);
    let b = t64(vec![0.1, -0.4, 0.9, 1.3], &[4]);
    let loss = |v: &[Tensor]| -> ems::Result<Tensor> {
        let r = (ems::dot(&v[1], &v[0])? - &v[2])?;
        &r * &r
    };
    let grad_w = |v: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        let (_, back) = ems::vjp_flat(
            |u| Ok(vec![loss(&[u[0].clone(), v[1].clone(), v[2].clone()])?]),
            &v[..1],
        )?;
        back.apply(&[Tensor::scalar(1.0f64)])
    };
    let batched = ems::vmap_flat(
        grad_w,
        &[w.clone(), a.clone(), b.clone()],
        &[None, Some(0), Some(0)],
        &[Some(0)],
    )?;
    let mut want = Vec::new();
    for i in 0..4 {
        let ai = a.index(&[(i as i64).into()])?;
        let bi = b.index(&[(i as i64).into()])?;
        let r = ems::dot(&ai, &w)?.to_f64()? - bi.to_f64()?;
        want.extend(ai.to_vec::<f64>().iter().map(|v| 2.0 * r * v));
    }
    assert_eq!(batched[0].shape(), vec![4, 3]);
    close("vmap(grad)", &batched[0].to_vec::<f64>(), &want, 1e-12)
}

#[test]
fn jacobians_have_shape_out_then_in_and_follow_positions() -> TestResult {
    // g(x, y) = (x·y², sum(x)) with x: [2], y: [2]
    let g = |v: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        Ok(vec![
            (&v[0] * (&v[1] * &v[1])?)?,
            ems::sum(&v[0], Axes::All, false)?,
        ])
    };
    let (x, y) = (t64(vec![1.0, 2.0], &[2]), t64(vec![3.0, -1.0], &[2]));
    for (name, jac) in [
        (
            "jacrev",
            ems::jacrev_flat(&g, &[x.clone(), y.clone()], &[0, 1])?,
        ),
        (
            "jacfwd",
            ems::jacfwd_flat(&g, &[x.clone(), y.clone()], &[0, 1])?,
        ),
    ] {
        let (outs, j) = jac;
        close(name, &outs[0].to_vec::<f64>(), &[9.0, 2.0], 0.0)?;
        assert_eq!(j.len(), 2, "{name}: one row per output");
        assert_eq!(j[0].len(), 2, "{name}: one entry per position");
        // ∂(x·y²)/∂x = diag(y²), ∂(x·y²)/∂y = diag(2xy), ∂sum/∂x = 1, ∂sum/∂y = 0
        close(name, &j[0][0].to_vec::<f64>(), &[9.0, 0.0, 0.0, 1.0], 0.0)?;
        close(name, &j[0][1].to_vec::<f64>(), &[6.0, 0.0, 0.0, -4.0], 0.0)?;
        assert_eq!(j[1][0].shape(), vec![2], "{name}: scalar output");
        close(name, &j[1][0].to_vec::<f64>(), &[1.0, 1.0], 0.0)?;
        close(name, &j[1][1].to_vec::<f64>(), &[0.0, 0.0], 0.0)?;
    }
    // Matrix input and output: shape out ++ in.
    let m = t64((0..6).map(f64::from).collect(), &[2, 3]);
    let j = ems::jacrev(|m: &Tensor| ems::transpose(m, None))(&m)?;
    assert_eq!(j.shape(), vec![3, 2, 2, 3]);
    let j2 = ems::jacfwd(|m: &Tensor| ems::transpose(m, None))(&m)?;
    close(
        "jacfwd = jacrev",
        &j2.to_vec::<f64>(),
        &j.to_vec::<f64>(),
        0.0,
    )?;
    // A position past the inputs is an error, not a panic.
    let err = ems::jacrev_flat(&g, &[x.clone(), y.clone()], &[2]).unwrap_err();
    assert!(err.to_string().contains("Position index 2"), "{err}");
    Ok(())
}

#[test]
fn jacobians_of_empty_inputs_are_empty() -> TestResult {
    let x = t64(vec![], &[0]);
    let j = ems::jacrev(|x: &Tensor| x * 2.0)(&x)?;
    assert_eq!(j.shape(), vec![0, 0]);
    let j = ems::jacfwd(|x: &Tensor| ems::sum(x, Axes::All, false))(&x)?;
    assert_eq!(j.shape(), vec![0]);
    Ok(())
}

#[test]
fn has_aux_differentiates_only_the_first_output() -> TestResult {
    let x = t64(vec![1.0, -2.0], &[2]);
    let f = |x: &Tensor| Ok(((x * x)?, (ems::sum(x, Axes::All, false)?, (x * 10.0)?)));
    let (out, back, (s, ten)) = ems::vjp_with_aux(f, &x)?;
    close("value", &out.to_vec::<f64>(), &[1.0, 4.0], 0.0)?;
    close("aux", &[s.to_f64()?], &[-1.0], 0.0)?;
    close("aux", &ten.to_vec::<f64>(), &[10.0, -20.0], 0.0)?;
    // One cotangent (for the output), not three.
    close(
        "vjp",
        &back.apply(&[ems::ones_like(&out)?])?[0].to_vec::<f64>(),
        &[2.0, -4.0],
        0.0,
    )?;
    assert!(back.apply(&[ems::ones_like(&out)?, s.clone()]).is_err());
    let (out, tan, (s, _)) = ems::jvp_with_aux(f, &x, &t64(vec![1.0, 1.0], &[2]))?;
    close("jvp value", &out.to_vec::<f64>(), &[1.0, 4.0], 0.0)?;
    close("jvp", &tan.to_vec::<f64>(), &[2.0, -4.0], 0.0)?;
    close("jvp aux", &[s.to_f64()?], &[-1.0], 0.0)
}

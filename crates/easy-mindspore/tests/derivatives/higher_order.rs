//! Higher-order derivatives against closed forms, in every nesting of forward and reverse mode.

use crate::check::inner;
use crate::helpers::{close, scalar, t64, Lcg, TestResult};
use easy_mindspore as ems;
use ems::{Axes, Tensor};

pub(crate) fn assert_near(what: &str, got: &Tensor, want: &[f64]) {
    if let Err(e) = close(what, &got.to_vec::<f64>(), want, 1e-10) {
        panic!("{e}");
    }
}

pub(crate) const POINTS: [f64; 5] = [-1.7, -0.4, 0.0, 0.6, 2.1];

#[test]
fn cube_has_derivatives_3x2_6x_6_0() -> TestResult {
    // y = x³: y' = 3x², y'' = 6x, y''' = 6, y'''' = 0.
    let cube = |x: &Tensor| x * (x * x)?;
    let d1 = ems::grad(cube);
    let d2 = ems::grad(ems::grad(cube));
    let d3 = ems::grad(ems::grad(ems::grad(cube)));
    let d4 = ems::grad(ems::grad(ems::grad(ems::grad(cube))));
    for x in POINTS {
        let at = scalar(x);
        assert_near("y'", &d1(&at)?, &[3.0 * x * x]);
        assert_near("y''", &d2(&at)?, &[6.0 * x]);
        assert_near("y'''", &d3(&at)?, &[6.0]);
        assert_near("y''''", &d4(&at)?, &[0.0]);
    }
    // Elementwise on a vector: d/dx sum(x³) = 3x², and grad of that summed again is 6x.
    let x = t64(POINTS.to_vec(), &[5]);
    let sum_cube = |x: &Tensor| ems::sum(&ems::pow(x, 3.0)?, Axes::All, false);
    let six_x: Vec<f64> = POINTS.iter().map(|x| 6.0 * x).collect();
    assert_near(
        "d²/dx² sum(x³)",
        &ems::grad(ems::grad(sum_cube))(&x)?,
        &six_x,
    );
    Ok(())
}

#[test]
fn sine_derivatives_cycle() -> TestResult {
    // sin' = cos, sin'' = -sin, sin''' = -cos, sin'''' = sin.
    let sin = |x: &Tensor| x.sin();
    let d2 = ems::grad(ems::grad(sin));
    let d3 = ems::grad(ems::grad(ems::grad(sin)));
    let d4 = ems::grad(ems::grad(ems::grad(ems::grad(sin))));
    for x in POINTS {
        let at = scalar(x);
        assert_near("sin''", &d2(&at)?, &[-x.sin()]);
        assert_near("sin'''", &d3(&at)?, &[-x.cos()]);
        assert_near("sin''''", &d4(&at)?, &[x.sin()]);
    }
    Ok(())
}

#[test]
fn tanh_second_derivative() -> TestResult {
    // tanh' = 1 - tanh², tanh'' = -2 tanh (1 - tanh²).
    let d2 = ems::grad(ems::grad(|x: &Tensor| x.tanh()));
    for x in POINTS {
        let t = x.tanh();
        assert_near("tanh''", &d2(&scalar(x))?, &[-2.0 * t * (1.0 - t * t)]);
    }
    Ok(())
}

#[test]
fn exp_of_sin_in_every_mode() -> TestResult {
    // f = e^{sin x}: f' = cos x · e^{sin x}, f'' = (cos² x - sin x) · e^{sin x}.
    let f = |x: &Tensor| x.sin()?.exp();
    let f1 = |x: f64| x.cos() * x.sin().exp();
    let f2 = |x: f64| (x.cos().powi(2) - x.sin()) * x.sin().exp();
    let one = scalar(1.0);
    // Forward-mode derivative of anything, as a function (for nesting).
    let fwd = |g: &dyn Fn(&Tensor) -> ems::Result<Tensor>, x: &Tensor| -> ems::Result<Tensor> {
        Ok(ems::jvp(|x: &Tensor| g(x), x, &one)?.1)
    };
    for x in POINTS {
        let at = scalar(x);
        assert_near("grad", &ems::grad(f)(&at)?, &[f1(x)]);
        assert_near("jvp", &fwd(&f, &at)?, &[f1(x)]);
        // reverse-over-reverse, forward-over-reverse, reverse-over-forward, forward-over-forward
        assert_near("grad∘grad", &ems::grad(ems::grad(f))(&at)?, &[f2(x)]);
        assert_near("jvp∘grad", &fwd(&ems::grad(f), &at)?, &[f2(x)]);
        let inner_fwd = |x: &Tensor| fwd(&f, x);
        assert_near("grad∘jvp", &ems::grad(inner_fwd)(&at)?, &[f2(x)]);
        assert_near("jvp∘jvp", &fwd(&inner_fwd, &at)?, &[f2(x)]);
    }
    Ok(())
}

#[test]
fn matmul_chain_hessian_vector_products_agree() -> TestResult {
    // f(W) = Σ (A W B)², ∇f = 2 Aᵀ (A W B) Bᵀ, and the Hessian is linear: H[V] = 2 Aᵀ (A V B) Bᵀ.
    let mut rng = Lcg(11);
    let a = rng.tensor(&[3, 4], -1.0, 1.0);
    let b = rng.tensor(&[2, 3], -1.0, 1.0);
    let w = rng.tensor(&[4, 2], -1.0, 1.0);
    let v = rng.tensor(&[4, 2], -1.0, 1.0);
    let f = |w: &Tensor| {
        let awb = ems::matmul(&ems::matmul(&a, w)?, &b)?;
        ems::sum(&(&awb * &awb)?, Axes::All, false)
    };
    let t = |m: &Tensor| ems::transpose(m, None);
    let sandwich = |m: &Tensor| -> ems::Result<Tensor> {
        let amb = ems::matmul(&ems::matmul(&a, m)?, &b)?;
        2.0 * ems::matmul(&ems::matmul(&t(&a)?, &amb)?, &t(&b)?)?
    };
    let want_grad = sandwich(&w)?.to_vec::<f64>();
    let want_hvp = sandwich(&v)?.to_vec::<f64>();
    assert_near("∇f", &ems::grad(f)(&w)?, &want_grad);

    // forward-over-reverse: d/dε ∇f(W + εV)
    let fwd_rev = ems::jvp(|w: &Tensor| ems::grad(f)(w), &w, &v)?.1;
    assert_near("jvp of grad", &fwd_rev, &want_hvp);
    // reverse-over-forward: ∇_W ⟨∇f(W), V⟩, with the inner product from a jvp
    let rev_fwd = ems::grad(|w: &Tensor| {
        let (_, t) = ems::jvp_flat(
            |u| Ok(vec![f(&u[0])?]),
            std::slice::from_ref(w),
            std::slice::from_ref(&v),
        )?;
        Ok(t[0].clone())
    })(&w)?;
    assert_near("grad of jvp", &rev_fwd, &want_hvp);
    // reverse-over-reverse: ∇_W ⟨∇f(W), V⟩
    let rev_rev =
        ems::grad(|w: &Tensor| ems::sum(&(ems::grad(f)(w)? * &v)?, Axes::All, false))(&w)?;
    assert_near("grad of grad", &rev_rev, &want_hvp);
    // The same through vjp_flat nested twice: the backward pass of the backward pass.
    let (_, outer) = ems::vjp_flat(
        |ws| {
            let (_, inner) = ems::vjp_flat(|u| Ok(vec![f(&u[0])?]), ws)?;
            inner.apply(&[scalar(1.0)])
        },
        std::slice::from_ref(&w),
    )?;
    assert_near(
        "vjp of vjp",
        &outer.apply(std::slice::from_ref(&v))?[0],
        &want_hvp,
    );
    // forward-over-forward gives the quadratic form ⟨V, H[V]⟩.
    let vhv = ems::jvp(
        |w: &Tensor| Ok(ems::jvp(|w: &Tensor| f(w), w, &v)?.1),
        &w,
        &v,
    )?
    .1;
    assert_near("jvp of jvp", &vhv, &[inner(&v.to_vec::<f64>(), &want_hvp)]);
    Ok(())
}

#[test]
fn forward_over_reverse_equals_reverse_over_forward() -> TestResult {
    // A nonlinear f of a vector: the Hessian-vector product by both spellings, and against a
    // central difference of the gradient, (∇f(x + εv) - ∇f(x - εv)) / 2ε.
    let mut rng = Lcg(23);
    let x = rng.tensor(&[2, 3], 0.5, 1.5);
    let v = rng.tensor(&[2, 3], -1.0, 1.0);
    let f = |x: &Tensor| {
        let y = (x.tanh()? * x.sin()?.exp()?)?;
        ems::sum(&(&y * &ems::log(x)?)?, Axes::All, false)
    };
    let fwd_rev = ems::jvp(|x: &Tensor| ems::grad(f)(x), &x, &v)?.1;
    let rev_fwd = ems::grad(|x: &Tensor| Ok(ems::jvp(|x: &Tensor| f(x), x, &v)?.1))(&x)?;
    let eps = 1e-6;
    let g_at = |h: f64| -> TestResult<Vec<f64>> {
        let moved = (&x + (h * &v)?)?;
        Ok(ems::grad(f)(&moved)?.to_vec::<f64>())
    };
    let (gp, gm) = (g_at(eps)?, g_at(-eps)?);
    let fd: Vec<f64> = gp
        .iter()
        .zip(&gm)
        .map(|(a, b)| (a - b) / (2.0 * eps))
        .collect();
    close(
        "jvp∘grad vs differences",
        &fwd_rev.to_vec::<f64>(),
        &fd,
        1e-6,
    )?;
    close(
        "grad∘jvp vs jvp∘grad",
        &rev_fwd.to_vec::<f64>(),
        &fwd_rev.to_vec::<f64>(),
        1e-12,
    )?;
    Ok(())
}

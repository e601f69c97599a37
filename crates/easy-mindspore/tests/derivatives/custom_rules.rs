//! Custom gradients: the user's rule is used (not the forward function's own derivative), to any
//! order and in every transform; a rule returning the wrong structure is an error naming it.

use crate::helpers::{close, t64, TestResult};
use easy_mindspore as ems;
use ems::{Axes, Tensor};

/// Identity forward; the backward clips the incoming gradient to [-1, 1].
fn clip_gradient() -> ems::CustomVjp {
    ems::CustomVjp::new(
        "clip_gradient",
        |xs| Ok(xs[0].clone()),
        |_xs, _out, dout| Ok(vec![ems::clip(dout, -1.0, 1.0)?]),
    )
}

/// x³ with its true rule, to check higher orders against closed forms.
fn cube() -> ems::CustomVjp {
    ems::CustomVjp::new(
        "cube",
        |xs| (&xs[0] * &xs[0])? * &xs[0],
        |xs, _out, dout| Ok(vec![ems::mul(((&xs[0] * &xs[0])? * 3.0)?, dout)?]),
    )
}

#[test]
fn the_user_rule_replaces_the_derivative() -> TestResult {
    let c = clip_gradient();
    let x = t64(vec![1.0, -2.0, 0.1], &[3]);
    // d/dx sum(5·clip(x)): dout = 5 is clipped to 1.
    let g = ems::grad(|x: &Tensor| {
        ems::sum(&(c.call(std::slice::from_ref(x))? * 5.0)?, Axes::All, false)
    })(&x)?;
    close("clipped", &g.to_vec::<f64>(), &[1.0, 1.0, 1.0], 0.0)?;
    // Per-example under vmap, with a different scale per example.
    let scales = t64(vec![0.5, 3.0], &[2]);
    let per = ems::vmap_flat(
        |v| {
            let g = ems::grad(|x: &Tensor| {
                ems::sum(
                    &(c.call(std::slice::from_ref(x))? * &v[0])?,
                    Axes::All,
                    false,
                )
            })(&x)?;
            Ok(vec![g])
        },
        std::slice::from_ref(&scales),
        &[Some(0)],
        &[Some(0)],
    )?;
    close(
        "vmap(grad)",
        &per[0].to_vec::<f64>(),
        &[0.5, 0.5, 0.5, 1.0, 1.0, 1.0],
        0.0,
    )
}

#[test]
fn higher_orders_go_through_the_rule() -> TestResult {
    let c = cube();
    let f = |x: &Tensor| c.call(std::slice::from_ref(x));
    for x0 in [2.0, -0.5] {
        let x = Tensor::scalar(x0);
        close(
            "grad",
            &ems::grad(f)(&x)?.to_vec::<f64>(),
            &[3.0 * x0 * x0],
            1e-12,
        )?;
        close(
            "grad∘grad",
            &ems::grad(ems::grad(f))(&x)?.to_vec::<f64>(),
            &[6.0 * x0],
            1e-12,
        )?;
        let third = ems::grad(ems::grad(ems::grad(f)))(&x)?;
        close("grad∘grad∘grad", &third.to_vec::<f64>(), &[6.0], 1e-12)?;
        let one = Tensor::scalar(1.0f64);
        close(
            "jvp",
            &ems::jvp(f, &x, &one)?.1.to_vec::<f64>(),
            &[3.0 * x0 * x0],
            1e-12,
        )?;
        close(
            "jvp∘grad",
            &ems::jvp(ems::grad(f), &x, &one)?.1.to_vec::<f64>(),
            &[6.0 * x0],
            1e-12,
        )?;
    }
    let v = t64(vec![1.0, -2.0], &[2]);
    let h =
        ems::hessian(|x: &Tensor| ems::sum(&c.call(std::slice::from_ref(x))?, Axes::All, false))(
            &v,
        )?;
    close(
        "hessian",
        &h.to_vec::<f64>(),
        &[6.0, 0.0, 0.0, -12.0],
        1e-12,
    )
}

#[test]
fn a_rule_with_the_wrong_structure_is_an_error_naming_it() {
    let x = t64(vec![1.0, 2.0], &[2]);
    let too_many = ems::CustomVjp::new(
        "too_many",
        |xs| Ok(xs[0].clone()),
        |xs, _, d| Ok(vec![d.clone(), xs[0].clone()]),
    );
    let wrong_shape = ems::CustomVjp::new(
        "wrong_shape",
        |xs| Ok(xs[0].clone()),
        |_, _, d| Ok(vec![ems::sum(d, Axes::All, false)?]),
    );
    for (c, needle) in [
        (too_many, "2 gradients for 1 inputs"),
        (wrong_shape, "shape [] for input 0 of shape [2]"),
    ] {
        let e =
            ems::grad(|x: &Tensor| ems::sum(&c.call(std::slice::from_ref(x))?, Axes::All, false))(
                &x,
            )
            .unwrap_err()
            .to_string();
        assert!(e.contains(c.name()) && e.contains(needle), "{e}");
    }
    // A failing forward function reports its own error.
    let failing = ems::CustomVjp::new(
        "failing",
        |xs| ems::matmul(&xs[0], &xs[0]),
        |xs, _, _| Ok(xs.to_vec()),
    );
    assert!(failing.call(&[t64(vec![1.0; 6], &[2, 3])]).is_err());
}

//! Derivatives at the edges of their formulas, where a user expects the limit and a naive rule
//! gives NaN: `x^0` at 0, repeated derivatives of `x^n` down to `x^0`, `0^y` in `y`, and the
//! remainder's derivative in its divisor where `x / y` rounds to an integer.

use crate::helpers::{t64, TestResult};
use easy_mindspore as ems;
use ems::{Axes, DType, Tensor};

fn vals(t: &Tensor) -> Vec<f64> {
    t.to_vec::<f64>()
}

#[test]
fn the_derivative_of_x_to_the_0_is_0_also_at_0() -> TestResult {
    let x = t64(vec![0.0, -0.0, -1.5, 2.0], &[4]);
    let f = |x: &Tensor| ems::sum(&ems::pow(x, 0.0)?, Axes::All, false);
    assert_eq!(vals(&ems::grad(f)(&x)?), [0.0; 4]);
    // Float32 too, and with an exponent tensor that is 0 in places.
    let x32 = ems::cast(&x, DType::Float32)?;
    assert_eq!(vals(&ems::grad(f)(&x32)?), [0.0; 4]);
    let y = t64(vec![0.0, 1.0, 2.0, 0.0], &[4]);
    let g = |x: &Tensor| ems::sum(&ems::pow(x, &y)?, Axes::All, false);
    let z = t64(vec![0.0; 4], &[4]);
    // d/dx x^y at 0: 0 for y = 0, 1 for y = 1, 0 for y = 2.
    assert_eq!(vals(&ems::grad(g)(&z)?), [0.0, 1.0, 0.0, 0.0]);
    Ok(())
}

#[test]
fn repeated_derivatives_of_powers_at_0_are_finite() -> TestResult {
    // x² at 0: 0, 2, 0, 0 (each derivative's formula reaches x^0 and then 0·x^(-1)).
    let sq = |x: &Tensor| ems::sum(&ems::pow(x, 2.0)?, Axes::All, false);
    let zero = t64(vec![0.0], &[1]);
    let d1 = ems::grad(sq);
    let d2 = ems::grad(ems::grad(sq));
    let d3 = ems::grad(ems::grad(ems::grad(sq)));
    assert_eq!(vals(&d1(&zero)?), [0.0]);
    assert_eq!(vals(&d2(&zero)?), [2.0]);
    assert_eq!(vals(&d3(&zero)?), [0.0]);
    // x¹: 1, then 0.
    let id = |x: &Tensor| ems::sum(&ems::pow(x, 1.0)?, Axes::All, false);
    assert_eq!(vals(&ems::grad(id)(&zero)?), [1.0]);
    assert_eq!(vals(&ems::grad(ems::grad(id))(&zero)?), [0.0]);
    // Forward over reverse agrees.
    let (_, h) = ems::jvp(ems::grad(sq), &zero, &t64(vec![1.0], &[1]))?;
    assert_eq!(vals(&h), [2.0]);
    Ok(())
}

#[test]
fn other_power_edges_keep_their_limits() -> TestResult {
    // √x at 0: +inf, the one-sided limit.
    let sqrt = |x: &Tensor| ems::sum(&ems::pow(x, 0.5)?, Axes::All, false);
    assert_eq!(
        vals(&ems::grad(sqrt)(&t64(vec![0.0], &[1]))?),
        [f64::INFINITY]
    );
    // In the exponent at base 0: 0 for every y (0^y is flat for y > 0), never NaN.
    let base = t64(vec![0.0; 4], &[4]);
    let f = |y: &Tensor| ems::sum(&ems::pow(&base, y)?, Axes::All, false);
    let y = t64(vec![2.0, 0.5, 0.0, -1.0], &[4]);
    assert_eq!(vals(&ems::grad(f)(&y)?), [0.0; 4]);
    // Elsewhere ln(x)·x^y.
    let two = t64(vec![2.0], &[1]);
    let f = |y: &Tensor| ems::sum(&ems::pow(&two, y)?, Axes::All, false);
    let got = vals(&ems::grad(f)(&t64(vec![3.0], &[1]))?)[0];
    assert!((got - 8.0 * 2f64.ln()).abs() < 1e-12, "{got}");
    Ok(())
}

#[test]
fn the_remainder_derivative_uses_the_true_quotient() -> TestResult {
    // 1 % 0.1 = 0.0999…: the Float64 0.1 is slightly above 1/10, so the quotient is 9 (x / y
    // rounds to 10.0, and floor(x / y) would say 10). Locally x % y = x - 9y.
    let x = t64(vec![1.0, 7.5, -7.5, 7.5], &[4]);
    let y = t64(vec![0.1, 2.0, 2.0, -2.0], &[4]);
    let r = ems::remainder(&x, &y)?;
    let want_r = [1.0f64 % 0.1, 1.5, 0.5, -0.5];
    assert_eq!(vals(&r), want_r);
    let dy = |y: &Tensor| ems::sum(&ems::remainder(&x, y)?, Axes::All, false);
    assert_eq!(vals(&ems::grad(dy)(&y)?), [-9.0, -3.0, 4.0, 4.0]);
    let dx = |x: &Tensor| ems::sum(&ems::remainder(x, &y)?, Axes::All, false);
    assert_eq!(vals(&ems::grad(dx)(&x)?), [1.0; 4]);
    Ok(())
}

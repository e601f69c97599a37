//! Perturbation confusion: nested transforms must keep their perturbations apart.

use crate::helpers::{scalar, TestResult};
use crate::higher_order::{assert_near, POINTS};
use easy_mindspore as ems;
use ems::Tensor;

// d/dx [x · d/dy (x·y)] = d/dx [x · x] = 2x. An engine that lets the inner derivative see the outer
// perturbation of x gets something else.

#[test]
fn no_perturbation_confusion_grad_in_grad() -> TestResult {
    let y0 = scalar(5.0);
    let f = |x: &Tensor| x * ems::grad(|y: &Tensor| x * y)(&y0)?;
    for x in POINTS {
        assert_near("grad(x·grad(x·y))", &ems::grad(f)(&scalar(x))?, &[2.0 * x]);
    }
    Ok(())
}

#[test]
fn no_perturbation_confusion_jvp_in_grad() -> TestResult {
    let (y0, one) = (scalar(5.0), scalar(1.0));
    let f = |x: &Tensor| x * ems::jvp(|y: &Tensor| x * y, &y0, &one)?.1;
    for x in POINTS {
        assert_near("grad(x·jvp(x·y))", &ems::grad(f)(&scalar(x))?, &[2.0 * x]);
    }
    Ok(())
}

#[test]
fn no_perturbation_confusion_grad_in_jvp() -> TestResult {
    let (y0, one) = (scalar(5.0), scalar(1.0));
    let f = |x: &Tensor| x * ems::grad(|y: &Tensor| x * y)(&y0)?;
    for x in POINTS {
        assert_near(
            "jvp(x·grad(x·y))",
            &ems::jvp(f, &scalar(x), &one)?.1,
            &[2.0 * x],
        );
    }
    Ok(())
}

#[test]
fn no_perturbation_confusion_jvp_in_jvp() -> TestResult {
    let (y0, one) = (scalar(5.0), scalar(1.0));
    let f = |x: &Tensor| x * ems::jvp(|y: &Tensor| x * y, &y0, &one)?.1;
    for x in POINTS {
        assert_near(
            "jvp(x·jvp(x·y))",
            &ems::jvp(f, &scalar(x), &one)?.1,
            &[2.0 * x],
        );
    }
    Ok(())
}

#[test]
fn no_perturbation_confusion_siskind_pearlmutter() -> TestResult {
    // d/dx [x · (d/dy (x + y))|_{y=x}] = d/dx [x · 1] = 1; a confused engine gives 2.
    let f = |x: &Tensor| x * ems::grad(|y: &Tensor| x + y)(x)?;
    let one = scalar(1.0);
    for x in POINTS {
        assert_near("grad", &ems::grad(f)(&scalar(x))?, &[1.0]);
        assert_near("jvp", &ems::jvp(f, &scalar(x), &one)?.1, &[1.0]);
    }
    Ok(())
}

//! `NoGrad`: computations inside the scope are constants to the transformations already running
//! when it started, and only to those, eagerly and through `jit` in both orders.

use easy_mindspore as ems;
use ems::jit::jit1;
use ems::{NoGrad, Tensor};

/// `x · c(x)` with `c(x) = x²` computed in a no-grad scope: d/dx = c(x) = x², not 3x².
fn f(x: &Tensor) -> ems::Result<Tensor> {
    let c = {
        let _scope = NoGrad::new();
        (x * x)?
    };
    (x * &c)?.sum()
}

fn vec(t: &Tensor) -> Vec<f64> {
    t.to_vec::<f64>()
}

#[test]
fn grad_and_jvp_see_the_scope_as_a_constant() -> ems::Result<()> {
    let x = Tensor::new([1.0f64, 2.0, -3.0])?;
    assert_eq!(vec(&ems::grad(f)(&x)?), vec![1.0, 4.0, 9.0]);
    let (out, tan) = ems::jvp(|x: &Tensor| f(x), &x, &ems::ones_like(&x)?)?;
    assert_eq!(out.to_f64()?, 1.0 + 8.0 - 27.0);
    assert_eq!(tan.to_f64()?, 1.0 + 4.0 + 9.0);
    // Second order: the scope's value is a constant to both levels: d²/dx² (x·c) = 0.
    let g2 = ems::grad(|x: &Tensor| ems::grad(f)(x)?.sum())(&x)?;
    assert_eq!(vec(&g2), vec![0.0, 0.0, 0.0]);
    assert!(!NoGrad::active());
    Ok(())
}

#[test]
fn a_transformation_started_inside_the_scope_differentiates() -> ems::Result<()> {
    let x = Tensor::new([1.5f64, -2.0])?;
    let _scope = NoGrad::new();
    assert!(NoGrad::active());
    let g = ems::grad(|x: &Tensor| (x * x)?.sum())(&x)?;
    assert_eq!(vec(&g), vec![3.0, -4.0]);
    Ok(())
}

#[test]
fn jit_keeps_the_cut_in_either_order() -> ems::Result<()> {
    let x = Tensor::new([1.0f64, 2.0, -3.0])?;
    let want = vec![1.0, 4.0, 9.0];
    // grad of a jitted function: the staged graph carries the cut (StopGradient equations).
    let jf = jit1(f);
    for _ in 0..2 {
        assert_eq!(vec(&ems::grad(&jf)(&x)?), want);
    }
    assert_eq!(jf(&x)?.to_f64()?, 1.0 + 8.0 - 27.0);
    // jit of a grad: the tape inside the graph sees the scope as a constant.
    let jg = jit1(|x: &Tensor| ems::grad(f)(x));
    for _ in 0..2 {
        assert_eq!(vec(&jg(&x)?), want);
    }
    Ok(())
}

#[test]
fn scopes_nest_and_end_with_their_guard() -> ems::Result<()> {
    let x = Tensor::new([2.0f64])?;
    let g = ems::grad(|x: &Tensor| {
        let outer = NoGrad::new();
        let a = {
            let _inner = NoGrad::new();
            (x * x)?
        };
        let b = (x * 3.0)?;
        drop(outer);
        // after the scopes: differentiated again
        ((x * &a)? + (&b + (x * x)?)?)?.sum()
    })(&x)?;
    // d/dx [x·a + b + x²] with a, b constants = a + 2x = 4 + 4
    assert_eq!(vec(&g), vec![8.0]);
    assert!(!NoGrad::active());
    Ok(())
}

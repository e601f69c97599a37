//! The return structure of MindSpore's grad API (reference §6.1): unused and integer inputs, tuple
//! outputs, `get_all`, `sens_param`, non-tensor leaves and `value_and_grad`.

use crate::helpers::{scalar, t64, TestResult};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{Axes, DType, GradOperation, Tensor};

#[test]
fn unused_input_gets_zeros_of_its_dtype() -> TestResult {
    let x = Tensor::from_vec(vec![1.0f32, 2.0, 3.0], &[3])?;
    let y = Tensor::from_vec(vec![1.0f64, -2.0], &[2])?;
    let g = GradOperation::new()
        .get_all(true)
        .apply(|xy: &(Tensor, Tensor)| &xy.0 * &xy.0)(&(x, y))?;
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].to_vec::<f32>(), vec![2.0, 4.0, 6.0]);
    assert_eq!((g[1].dtype(), g[1].shape()), (DType::Float64, vec![2]));
    assert_eq!(g[1].to_vec::<f64>(), vec![0.0, 0.0]);
    // An output that does not depend on the input at all: a constant tensor, or a plain float.
    let x = Tensor::from_vec(vec![1.0f32, 2.0], &[2])?;
    let g = ems::grad(|_: &Tensor| Ok(Tensor::scalar(7.0f32)))(&x)?;
    assert_eq!(
        (g.dtype(), g.to_vec::<f32>()),
        (DType::Float32, vec![0.0, 0.0])
    );
    let g = ems::grad(|_: &Tensor| Ok(3.0f64))(&x)?;
    assert_eq!(
        (g.dtype(), g.to_vec::<f32>()),
        (DType::Float32, vec![0.0, 0.0])
    );
    // An integer output (argmax) carries no derivative: zeros of the input's dtype.
    let g = ems::grad(|x: &Tensor| p::argmax(x, 0))(&x)?;
    assert_eq!(
        (g.dtype(), g.to_vec::<f32>()),
        (DType::Float32, vec![0.0, 0.0])
    );
    Ok(())
}

#[test]
fn tuple_outputs_sum_their_leaves_gradients() -> TestResult {
    let x = Tensor::from_vec(vec![0.0f32, 1.0, 2.0], &[3])?;
    // (x², 3x) → 2x + 3
    let g = ems::grad(|x: &Tensor| Ok(((x * x)?, (x * 3)?)))(&x)?;
    assert_eq!(g.to_vec::<f32>(), vec![3.0, 5.0, 7.0]);
    // (x², (2x, 3x)) → 2x + 5
    let g = ems::grad(|x: &Tensor| Ok(((x * x)?, ((x * 2)?, (x * 3)?))))(&x)?;
    assert_eq!(g.to_vec::<f32>(), vec![5.0, 7.0, 9.0]);
    // [x², x] → 2x + 1
    let g = ems::grad(|x: &Tensor| Ok(vec![(x * x)?, x.clone()]))(&x)?;
    assert_eq!(g.to_vec::<f32>(), vec![1.0, 3.0, 5.0]);
    // The notebook's (z, stop_gradient(x·x)): only z = Σ x² counts → 2x.
    let g = ems::grad(|x: &Tensor| {
        let u = ems::stop_gradient(&(x * x)?)?;
        Ok((ems::sum(&(x * x)?, Axes::All, false)?, u))
    })(&x)?;
    assert_eq!(g.to_vec::<f32>(), vec![0.0, 2.0, 4.0]);
    Ok(())
}

#[test]
fn stop_gradient_of_the_whole_output_gives_zeros() -> TestResult {
    let x = Tensor::from_vec(vec![1.0f64, -2.0, 3.0], &[3])?;
    let g = ems::grad(|x: &Tensor| ems::stop_gradient(&(x * x)?))(&x)?;
    assert_eq!(
        (g.dtype(), g.to_vec::<f64>()),
        (DType::Float64, vec![0.0; 3])
    );
    // and inside a sum: d/dx Σ stop_gradient(x)·x = x (not 2x)
    let g = ems::grad(|x: &Tensor| ems::sum(&(ems::stop_gradient(x)? * x)?, Axes::All, false))(&x)?;
    assert_eq!(g.to_vec::<f64>(), x.to_vec::<f64>());
    // floor and comparisons pass no derivative either: d/dx Σ floor(x)·x = floor(x).
    let y = t64(vec![1.5, -2.5, 0.25], &[3]);
    let g = ems::grad(|x: &Tensor| ems::sum(&(ems::floor(x)? * x)?, Axes::All, false))(&y)?;
    assert_eq!(g.to_vec::<f64>(), vec![1.0, -3.0, 0.0]);
    Ok(())
}

#[test]
fn integer_input_gets_an_integer_gradient() -> TestResult {
    // f(x) = x·2 with an Int32 input: (Tensor(shape=[3], dtype=Int32, value= [2, 2, 2]),)
    let x = Tensor::from_vec(vec![1i32, 2, 3], &[3])?;
    let g = GradOperation::new().get_all(true).apply(|x: &Tensor| x * 2)(&x)?;
    assert!(g.is_tuple());
    assert_eq!(g.len(), 1);
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<i32>()),
        (DType::Int32, vec![2, 2, 2])
    );
    let grad_all = GradOperation::new().get_all(true);
    // mnp.dot(x, x) with Int32: 2x = [2, 4, 6].
    let g = grad_all.apply(|x: &Tensor| ems::dot(x, x))(&x)?;
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<i32>()),
        (DType::Int32, vec![2, 4, 6])
    );
    // sum(x) sums Int32 as Int64; the int → int cast passes the gradient back: ones.
    let g = grad_all.apply(|x: &Tensor| ems::sum(x, Axes::All, false))(&x)?;
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<i32>()),
        (DType::Int32, vec![1, 1, 1])
    );
    // A Bool input gets a Bool gradient: x·2 promotes to an integer, d/dx = 2 → True.
    let b = Tensor::from_vec(vec![true, false], &[2])?;
    let g = grad_all.apply(|x: &Tensor| x * 2)(&b)?;
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<bool>()),
        (DType::Bool, vec![true, true])
    );
    // A float cast to an integer passes the gradient through, as MindSpore's Cast: d/dx Σ int(x)·2
    // is 2 (the Int32 cotangent 2, cast back to Float32).
    let f = Tensor::from_vec(vec![1.5f32, -2.5], &[2])?;
    let g = grad_all.apply(|x: &Tensor| ems::cast(x, DType::Int32)? * 2)(&f)?;
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<f32>()),
        (DType::Float32, vec![2.0, 2.0])
    );
    // And back to float, the cotangent is truncated on the way: d/dx [float(int(x))·x] =
    // int(x) + int(x) (MindSpore 2.10 gives [2, -4] for [1.5, -2.7]).
    let f = Tensor::from_vec(vec![1.5f32, -2.7], &[2])?;
    let g = grad_all.apply(|x: &Tensor| {
        let back = ems::cast(&ems::cast(x, DType::Int32)?, DType::Float32)?;
        (&back * x)?.sum()
    })(&f)?;
    assert_eq!(g[0].to_vec::<f32>(), vec![2.0, -4.0]);
    Ok(())
}

#[test]
fn get_all_returns_a_tuple_and_the_default_a_bare_tensor() -> TestResult {
    let x = Tensor::from_vec(vec![1.0f32, 2.0], &[2])?;
    let square = |x: &Tensor| x * x;
    let all = GradOperation::new().get_all(true).apply(square)(&x)?;
    assert!(all.is_tuple());
    assert_eq!(all.len(), 1);
    assert!(
        all.to_string().ends_with(",)"),
        "a 1-tuple prints as (t,): {all}"
    );
    let bare = GradOperation::new().apply(square)(&x)?;
    assert!(!bare.is_tuple());
    assert_eq!(bare[0].to_vec::<f32>(), vec![2.0, 4.0]);
    assert!(bare.to_string().starts_with("Tensor("));
    // The default differentiates the first input only.
    let y = Tensor::from_vec(vec![3.0f32, 5.0], &[2])?;
    let first = GradOperation::new().apply(|xy: &(Tensor, Tensor)| &xy.0 * &xy.1)(&(x, y))?;
    assert!(!first.is_tuple());
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].to_vec::<f32>(), vec![3.0, 5.0]);
    Ok(())
}

#[test]
fn sens_param_scales_the_output_cotangent() -> TestResult {
    // d/dx ⟨sens, x²⟩ = 2x·sens
    let x = Tensor::from_vec(vec![1.0f32, 2.0, 3.0], &[3])?;
    let sens = Tensor::from_vec(vec![1.0f32, 0.5, -1.0], &[3])?;
    let op = GradOperation::new().sens_param(true);
    let g = op.apply_with_sens(|x: &Tensor| x * x)(&x, &sens)?;
    assert_eq!(g[0].to_vec::<f32>(), vec![2.0, 2.0, -6.0]);
    // A tuple output takes a tuple of cotangents: (x², 3x) with (s1, s2) → 2x·s1 + 3·s2.
    let s2 = Tensor::from_vec(vec![2.0f32, 0.0, 1.0], &[3])?;
    let g = op.apply_with_sens(|x: &Tensor| Ok(((x * x)?, (x * 3)?)))(&x, &(sens, s2))?;
    assert_eq!(g[0].to_vec::<f32>(), vec![8.0, 2.0, -3.0]);
    // Without the cotangent it is an error, not a silent default.
    assert!(op.apply(|x: &Tensor| x * x)(&x).is_err());
    Ok(())
}

#[test]
fn non_tensor_leaves_are_skipped() -> TestResult {
    // f(x, c, y) = c·x·y with a plain float c: gradients (c·y, c·x), no placeholder for c.
    let x = Tensor::from_vec(vec![1.0f32, 2.0], &[2])?;
    let y = Tensor::from_vec(vec![3.0f32, -1.0], &[2])?;
    let f = |a: &(Tensor, f64, Tensor)| (a.1 * &a.0)? * &a.2;
    let g = GradOperation::new().get_all(true).apply(f)(&(x, 3.0, y))?;
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].to_vec::<f32>(), vec![9.0, -3.0]);
    assert_eq!(g[1].to_vec::<f32>(), vec![3.0, 6.0]);
    // (Tensor, f64): the float is skipped, so the tuple has one gradient.
    let h = |a: &(Tensor, f64)| &a.0 * a.1;
    let g = GradOperation::new().get_all(true).apply(h)(&(Tensor::scalar(2.0f32), 4.0))?;
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].to_f64()?, 4.0);
    Ok(())
}

#[test]
fn value_and_grad_returns_both() -> TestResult {
    // y = x³ at 2: (8, 12)
    let (v, g) = ems::value_and_grad(|x: &Tensor| x * (x * x)?)(&scalar(2.0))?;
    assert_eq!((v.to_f64()?, g.to_f64()?), (8.0, 12.0));
    Ok(())
}

/// `VjpFn::apply_with_hook`: every gradient reported once, as soon as the sweep has finished it
/// (the last layer's before the first's), zeros for an unused input before the sweep starts, and
/// the same values `apply` returns.
#[test]
fn the_backward_hook_reports_each_final_gradient_once_in_sweep_order() -> TestResult {
    let x = t64(vec![1.0, 2.0], &[2]);
    let w1 = t64(vec![0.5, -1.0], &[2]);
    let w2 = t64(vec![3.0], &[1]);
    let unused = t64(vec![9.0, 9.0, 9.0], &[3]);
    // loss = Σ w2·tanh(w1·x) + Σ (w1·x): h = w1·x gets two contributions, w2 one, late.
    let f = |v: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        let h = (&v[0] * &v[1])?;
        let a = (h.tanh()? * &v[2])?;
        Ok(vec![(a.sum()? + h.sum()?)?])
    };
    let (outs, back) = ems::vjp_flat(f, &[x, w1, w2, unused])?;
    let cts = vec![ems::ops::ones_like(&outs[0])?];
    let plain = back.apply(&cts)?;
    let mut seen: Vec<(usize, Vec<f64>)> = Vec::new();
    let hooked = back.apply_with_hook(&cts, &mut |i, g| {
        seen.push((i, g.to_vec::<f64>()));
        Ok(())
    })?;
    let order: Vec<usize> = seen.iter().map(|(i, _)| *i).collect();
    assert_eq!(order[0], 3, "the unused input first: {order:?}");
    assert_eq!(order[1], 2, "w2 is final before x and w1: {order:?}");
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 1, 2, 3]);
    for (i, g) in &seen {
        assert_eq!(*g, plain[*i].to_vec::<f64>(), "gradient {i}");
        assert_eq!(*g, hooked[*i].to_vec::<f64>(), "gradient {i}");
    }
    assert_eq!(seen[0].1, vec![0.0; 3]);
    // An error from the hook stops the sweep and comes back.
    let e = back
        .apply_with_hook(&cts, &mut |_, _| Err(ems::Error::invalid("hook", "stop")))
        .unwrap_err();
    assert!(e.to_string().contains("stop"), "{e}");
    Ok(())
}

/// A var listed twice (`value_and_grad` with a repeated parameter) is reported at both positions.
#[test]
fn the_backward_hook_reports_a_repeated_var_at_each_position() -> TestResult {
    let w = ems::nn::Parameter::new(t64(vec![2.0], &[1]), "w");
    let vars = [w.var().clone(), w.var().clone()];
    let (outs, back) =
        ems::vjp_flat_with_vars(|_| Ok(vec![(&w.value() * &w.value())?.sum()?]), &[], &vars)?;
    let cts = vec![ems::ops::ones_like(&outs[0])?];
    let mut seen = Vec::new();
    let grads = back.apply_with_hook(&cts, &mut |i, g| {
        seen.push((i, g.to_vec::<f64>()));
        Ok(())
    })?;
    seen.sort_by_key(|(i, _)| *i);
    assert_eq!(seen, vec![(0, vec![4.0]), (1, vec![4.0])]);
    assert_eq!(grads.len(), 2);
    Ok(())
}

//! Gradients with respect to parameters: MindSpore's `value_and_grad(fn, None, weights)` and
//! `GradOperation(get_by_list=True)`.
//!
//! While the function runs, each parameter's [`Var`](crate::Var) is *bound* to a traced copy of its
//! value ([`crate::vjp_flat_with_vars`]), so cells keep reading `param.value()` and need no special
//! code path; the binding belongs to the transformation (and its thread) and ends with it. A
//! parameter that the function rebinds itself (`set_data` inside the function) keeps the new
//! value, as a constant.
//!
//! Return structures follow reference §6.1–6.2: every output leaf is seeded with ones and their
//! gradients are summed; a parameter the output does not use gets zeros; gradients come back in
//! the order of `params` (a parameter listed twice gets its gradient twice).
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::{self, Parameter};
//! // loss = Σ (w·x)², d/dw = 2·x·(w·x)
//! let w = Parameter::new(ems::Tensor::new([3.0f32])?, "w");
//! let x = ems::Tensor::new([1.0f32, 2.0])?;
//! let (loss, grads) = nn::value_and_grad(|| ((&w.value() * &x)?.pow(2)?).sum(), &[w.clone()])?;
//! assert_eq!(loss.to_f64()?, 45.0);
//! assert_eq!(grads[0].to_vec::<f32>(), vec![30.0]); // 2·(1·3·1 + 2·3·2)
//! assert_eq!(w.value().to_vec::<f32>(), vec![3.0]); // restored
//! # Ok::<(), ems::Error>(())
//! ```

use super::parameter::Parameter;
use crate::error::Result;
use crate::prim::Var;
use crate::tensor::Tensor;
use crate::transforms::vjp_flat_with_vars;
use crate::tree::Tree;

type Full<O, A> = (O, A, Vec<Tensor>, Vec<Tensor>);

/// Gradients of the inputs and of the parameters, MindSpore's `(input_grads, param_grads)`.
pub type InputAndParamGrads = (Vec<Tensor>, Vec<Tensor>);

/// The general case: value of `f` at `inputs`, its aux outputs (not differentiated), and the
/// gradients of the summed output leaves w.r.t. the input leaves and the parameters.
fn value_and_grads<I: Tree, O: Tree, A: Tree>(
    f: impl FnOnce(&I) -> Result<(O, A)>,
    inputs: &I,
    params: &[Parameter],
) -> Result<Full<O, A>> {
    let leaves = inputs.flatten();
    let n_in = leaves.len();
    let vars: Vec<Var> = params.iter().map(|p| p.var().clone()).collect();
    let mut shape: Option<(O, A)> = None;
    let mut n_out = 0;
    let (values, back) = vjp_flat_with_vars(
        |traced| {
            let xs = inputs.rebuild(&mut traced.iter().cloned());
            let (o, a) = f(&xs)?;
            let mut flat = o.flatten();
            n_out = flat.len();
            // Aux leaves leave the trace as constants: they are not differentiated.
            for t in a.flatten() {
                flat.push(t.stop_gradient()?);
            }
            shape = Some((o, a));
            Ok(flat)
        },
        &leaves,
        &vars,
    )?;
    let (o, a) = shape.ok_or_else(|| crate::Error::Transform {
        op: "value_and_grad",
        msg: "the function produced no output".into(),
    })?;
    let mut cts = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        cts.push(if i < n_out {
            crate::ops::ones_like(v)?
        } else {
            crate::ops::zeros_like(v)?
        });
    }
    let grads = back.apply(&cts)?;
    let mut values = values.into_iter();
    let out = o.rebuild(&mut values);
    let aux = a.rebuild(&mut values);
    let input_grads = grads[..n_in].to_vec();
    let param_grads = grads[n_in..].to_vec();
    Ok((out, aux, input_grads, param_grads))
}

/// `value_and_grad(f, grad_position=None, weights=params)`: the value of `f()` and the gradient of
/// its output (every leaf seeded with ones) w.r.t. each parameter, in `params` order.
pub fn value_and_grad<O: Tree>(
    f: impl FnOnce() -> Result<O>,
    params: &[Parameter],
) -> Result<(O, Vec<Tensor>)> {
    let (o, (), _, g) = value_and_grads(|_: &()| Ok((f()?, ())), &(), params)?;
    Ok((o, g))
}

/// `GradOperation(get_by_list=True)(f, params)()` / `grad(f, None, weights=params)`: the
/// gradients only.
pub fn grad<O: Tree>(f: impl FnOnce() -> Result<O>, params: &[Parameter]) -> Result<Vec<Tensor>> {
    Ok(value_and_grad(f, params)?.1)
}

/// `value_and_grad(..., has_aux=True)`: `f` returns `(out, aux)`; only `out` is differentiated
/// and `aux` (logits for an accuracy count, say) comes back as plain values.
pub fn value_and_grad_with_aux<O: Tree, A: Tree>(
    f: impl FnOnce() -> Result<(O, A)>,
    params: &[Parameter],
) -> Result<(O, A, Vec<Tensor>)> {
    let (o, a, _, g) = value_and_grads(|_: &()| f(), &(), params)?;
    Ok((o, a, g))
}

/// `value_and_grad(f, grad_position=0.., weights=params)` and `GradOperation(get_all=True,
/// get_by_list=True)`: the value, the gradients of every input leaf, and those of the
/// parameters — `(value, (input_grads, param_grads))` in MindSpore's structure.
pub fn value_and_grad_with_inputs<I: Tree, O: Tree>(
    f: impl FnOnce(&I) -> Result<O>,
    inputs: &I,
    params: &[Parameter],
) -> Result<(O, InputAndParamGrads)> {
    let (o, (), gi, gp) = value_and_grads(|x: &I| Ok((f(x)?, ())), inputs, params)?;
    Ok((o, (gi, gp)))
}

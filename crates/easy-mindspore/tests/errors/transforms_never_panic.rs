//! Properties: ops under `grad`, `vjp`, `jvp`, `vmap` (any in/out axis, also out of range) and
//! the Jacobian transforms never panic, also with bad cotangents and tangents.

use crate::harness::{check, checked_build};
use crate::strategies::{axes, axis, cfg, ispec, to_index, tspec};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{DType, Index, Tensor};
use proptest::prelude::*;

/// A function of one tensor, for the transforms.
type Fun = Box<dyn Fn(&Tensor) -> ems::Result<Tensor>>;

/// Ops with random parameters wrapped as functions of their input, for `grad`, `vjp` and `jvp`.
fn funs(a: i64, list: Vec<i64>, idx: Vec<Index>, pad: Vec<usize>) -> Vec<(&'static str, Fun)> {
    let l1 = list.clone();
    let l2 = list.clone();
    let l3 = list.clone();
    let l4 = list;
    vec![
        ("exp", Box::new(ems::exp)),
        ("log", Box::new(ems::log)),
        ("sqrt", Box::new(ems::sqrt)),
        ("sigmoid", Box::new(ems::sigmoid)),
        ("relu", Box::new(ems::relu)),
        ("abs", Box::new(ems::abs)),
        ("sign", Box::new(ems::sign)),
        ("floor", Box::new(ems::floor)),
        ("norm", Box::new(ems::norm)),
        ("x * x", Box::new(|x| x * x)),
        ("x / (x + 1)", Box::new(|x| x / (x + 1.0))),
        ("x ** x", Box::new(|x| ems::pow(x, x))),
        ("x ** 3", Box::new(|x| ems::pow(x, 3))),
        ("x % 2", Box::new(|x| x % 2)),
        ("x // 2", Box::new(|x| ems::floor_divide(x, 2))),
        ("maximum(x, 0.5)", Box::new(|x| ems::maximum(x, 0.5))),
        (
            "where(x > 0, x, x * x)",
            Box::new(|x| ems::where_(ems::greater(x, 0), x, x * x)),
        ),
        ("sum", Box::new(move |x| ems::sum(x, l1.as_slice(), true))),
        ("mean", Box::new(move |x| ems::mean(x, a, false))),
        ("max", Box::new(move |x| ems::max(x, l2.as_slice(), false))),
        ("min", Box::new(move |x| ems::min(x, a, true))),
        (
            "prod",
            Box::new(move |x| ems::prod(x, l3.as_slice(), false)),
        ),
        ("cumsum", Box::new(move |x| ems::cumsum(x, a))),
        ("logsumexp", Box::new(move |x| ems::logsumexp(x, a, false))),
        ("softmax", Box::new(move |x| ems::softmax(x, a))),
        ("argmax", Box::new(move |x| ems::argmax(x, Some(a), false))),
        ("transpose", Box::new(move |x| ems::transpose(x, Some(&l4)))),
        ("swapaxes", Box::new(move |x| ems::swapaxes(x, a, 0))),
        ("expand_dims", Box::new(move |x| ems::expand_dims(x, a))),
        ("flip", Box::new(move |x| ems::flip(x, &[a]))),
        ("reshape(-1)", Box::new(|x| ems::reshape(x, &[-1]))),
        (
            "concat",
            Box::new(move |x| ems::concat(&[x.clone(), x.clone()], a)),
        ),
        (
            "stack",
            Box::new(move |x| ems::stack(&[x.clone(), x.clone()], a)),
        ),
        ("matmul(x, x.T)", Box::new(|x| ems::matmul(x, &x.T()?))),
        ("dot(x, x)", Box::new(|x| ems::dot(x, x))),
        ("astype(Float64)", Box::new(|x| x.astype(DType::Float64))),
        ("astype(Int32)", Box::new(|x| x.astype(DType::Int32))),
        (
            "index",
            Box::new({
                let idx = idx.clone();
                move |x| ems::index(x, &idx)
            }),
        ),
        (
            "index_put",
            Box::new(move |x| {
                let v = ems::index(x, &idx)?;
                ems::index_put(x, &idx, &(&v * 2.0)?)
            }),
        ),
        (
            "pad",
            Box::new(move |x| {
                let k: Vec<usize> = (0..x.ndim())
                    .map(|i| pad.get(i).copied().unwrap_or(1))
                    .collect();
                p::pad(x, &k, &k, &k)
            }),
        ),
    ]
}

proptest! {
    #![proptest_config(cfg(96))]

    /// The ops under `grad`, `vjp` (also with cotangents of the wrong shape and dtype) and `jvp`
    /// (also with a tangent of the wrong shape): bad inputs reach the derivative rules too.
    #[test]
    fn ops_under_transforms_never_panic(
        sx in tspec(),
        a in axis(),
        list in axes(),
        idx in prop::collection::vec(ispec(), 0..3),
        pad in prop::collection::vec(0usize..3, 0..4),
        sbad in tspec(),
    ) {
        let x = checked_build(&sx)?;
        let bad = checked_build(&sbad)?;
        let index: Vec<Index> = idx.iter().map(to_index).collect();
        for (name, f) in funs(a, list.clone(), index, pad.clone()) {
            let w = format!("{name} of {sx:?}, axis {a}, axes {list:?}, index {idx:?}, pad {pad:?}");
            check(&format!("grad({w})"), || ems::grad(&f)(&x))?;
            check(&format!("grad(grad)({w})"), || {
                ems::grad(|y: &Tensor| ems::grad(&f)(y))(&x)
            })?;
            check(&format!("vjp({w}) with ones"), || {
                let (out, back) = ems::vjp(|y: &Tensor| f(y), &x)?;
                back.apply(&[ems::ones_like(&out)?])
            })?;
            check(&format!("vjp({w}) with cotangent {sbad:?}"), || {
                let (_, back) = ems::vjp(|y: &Tensor| f(y), &x)?;
                back.apply(std::slice::from_ref(&bad))
            })?;
            check(&format!("vjp({w}) with no cotangent"), || {
                let (_, back) = ems::vjp(|y: &Tensor| f(y), &x)?;
                back.apply(&[])
            })?;
            check(&format!("jvp({w})"), || {
                let t = ems::ones_like(&x)?;
                ems::jvp(|y: &Tensor| f(y), &x, &t).map(|(_, t)| t)
            })?;
            check(&format!("jvp({w}) with tangent {sbad:?}"), || {
                ems::jvp(|y: &Tensor| f(y), &x, &bad).map(|(_, t)| t)
            })?;
            let ax = a as isize;
            check(&format!("vmap({w}) in_axes {a}"), || {
                ems::vmap_flat(|v| Ok(vec![f(&v[0])?]), std::slice::from_ref(&x), &[Some(ax)], &[Some(0)])
            })?;
            check(&format!("vmap({w}) out_axes {a}"), || {
                ems::vmap_flat(|v| Ok(vec![f(&v[0])?]), std::slice::from_ref(&x), &[Some(0)], &[Some(ax)])
            })?;
            check(&format!("vmap({w}) with {sbad:?} beside it"), || {
                ems::vmap_flat(|v| Ok(vec![f(&v[0])?, (&v[1] * 1.0)?]), &[x.clone(), bad.clone()], &[Some(0), Some(0)], &[Some(0)])
            })?;
            if x.numel() <= 64 {
                check(&format!("vmap(grad({w}))"), || ems::vmap(ems::grad(&f), 0, 0)(&x))?;
                check(&format!("jacrev({w})"), || ems::jacrev(&f)(&x))?;
                check(&format!("jacfwd({w})"), || ems::jacfwd(&f)(&x))?;
            }
        }
    }
}

//! Properties: the strict primitive wrappers and `bind` never panic, and the primitive generator
//! reaches every primitive.

use crate::harness::{check, checked_build};
use crate::strategies::{cfg, dtype, param, params, prim_of, pspec, tspec, PSpec, Unary, CMPS};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{DType, Prim, Tensor};
use proptest::prelude::*;

proptest! {
    #![proptest_config(cfg(192))]

    /// The strict primitive wrappers with arbitrary (also out-of-range and huge) parameters.
    #[test]
    fn prim_wrappers_never_panic(
        sx in tspec(),
        sy in tspec(),
        sz in tspec(),
        a in params(),
        b in params(),
        c in params(),
        k in param(),
        d in dtype(),
        cmp in 0usize..6,
    ) {
        let (x, y, z) = (checked_build(&sx)?, checked_build(&sy)?, checked_build(&sz)?);
        let unary: [(&str, Unary); 9] = [
            ("neg", |x| p::neg(x)),
            ("exp", |x| p::exp(x)),
            ("log", |x| p::log(x)),
            ("sin", |x| p::sin(x)),
            ("cos", |x| p::cos(x)),
            ("tanh", |x| p::tanh(x)),
            ("sqrt", |x| p::sqrt(x)),
            ("floor", |x| p::floor(x)),
            ("stop_gradient", |x| p::stop_gradient(x)),
        ];
        for (name, f) in unary {
            check(&format!("prim::{name}({sx:?})"), || f(&x))?;
        }
        let w = format!("({sx:?}, a {a:?}, b {b:?}, c {c:?}, k {k})");
        check(&format!("prim::cast {d:?}{w}"), || p::cast(&x, d))?;
        check(&format!("prim::reduce_sum{w}"), || p::reduce_sum(&x, &a))?;
        check(&format!("prim::reduce_max{w}"), || p::reduce_max(&x, &a))?;
        check(&format!("prim::argmax{w}"), || p::argmax(&x, k))?;
        check(&format!("prim::cumsum{w}"), || p::cumsum(&x, k))?;
        check(&format!("prim::reshape{w}"), || p::reshape(&x, &a))?;
        check(&format!("prim::permute{w}"), || p::permute(&x, &a))?;
        check(&format!("prim::broadcast_in_dim{w}"), || p::broadcast_in_dim(&x, &a, &b))?;
        check(&format!("prim::slice{w}"), || p::slice(&x, &a, &b, &c))?;
        check(&format!("prim::pad{w}"), || p::pad(&x, &a, &b, &c))?;
        check(&format!("prim::rev{w}"), || p::rev(&x, &a))?;
        check(&format!("prim::concat{w}"), || p::concat(&[x.clone(), y.clone(), z.clone()], k))?;
        check(&format!("prim::concat of none{w}"), || p::concat(&[], k))?;
        check(&format!("prim::gather{w} idx {sy:?}"), || p::gather(&x, &y, k))?;
        check(&format!("prim::scatter_add{w} {sy:?} {sz:?}"), || p::scatter_add(&x, &y, &z, k))?;
        check(&format!("prim::select{w}"), || p::select(&x, &y, &z))?;
        check(&format!("prim::compare{w}"), || p::compare(CMPS[cmp], &x, &y))?;
        check(&format!("prim::scale{w}"), || p::scale(&x, -0.5))?;
        check(&format!("prim::full_like{w}"), || p::full_like(&x, i64::MIN))?;
        // Every parameter list of the right length but with random values.
        let nd = x.ndim();
        let fit = |v: &[usize]| -> Vec<usize> { (0..nd).map(|i| v.get(i).copied().unwrap_or(1)).collect() };
        let (fa, fb, fc) = (fit(&a), fit(&b), fit(&c));
        check(&format!("prim::slice fitted{w}"), || p::slice(&x, &fa, &fb, &fc))?;
        check(&format!("prim::pad fitted{w}"), || p::pad(&x, &fa, &fb, &fc))?;
        check(&format!("prim::permute fitted{w}"), || p::permute(&x, &fa))?;
    }

    /// `bind` with arbitrary primitives and any number of arguments of any shape and dtype.
    #[test]
    fn bind_never_panics(ps in pspec(), args in prop::collection::vec(tspec(), 0..4)) {
        let prim = prim_of(&ps);
        let ts = args.iter().map(checked_build).collect::<Result<Vec<_>, _>>()?;
        let refs: Vec<&Tensor> = ts.iter().collect();
        check(&format!("bind({prim:?}, {args:?})"), || ems::bind(prim.clone(), &refs))?;
    }
}

#[test]
fn prim_generator_covers_every_primitive() {
    for (k, name) in Prim::all_names().iter().enumerate() {
        let ps = PSpec {
            k,
            a: vec![],
            b: vec![],
            c: vec![],
            dtype: DType::Float32,
            cmp: 0,
        };
        assert_eq!(prim_of(&ps).name(), *name);
    }
}

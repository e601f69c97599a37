//! Properties: binary, tensor-scalar, unary, reduction and shape ops never panic.

use crate::harness::{check, checked_build};
use crate::strategies::{axes, axis, cfg, dtype, ord, tspec, Binary, Unary};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{Axes, CmpOp, Split};
use proptest::prelude::*;

proptest! {
    #![proptest_config(cfg(192))]

    /// Arithmetic, comparisons, where, the operators, matmul/dot and joins on random pairs.
    #[test]
    fn binary_ops_never_panic(sa in tspec(), sb in tspec(), sc in tspec(), ax in axis()) {
        let (a, b, c) = (checked_build(&sa)?, checked_build(&sb)?, checked_build(&sc)?);
        let ops: [(&str, Binary); 36] = [
            ("add", |x, y| ems::add(x, y)),
            ("sub", |x, y| ems::sub(x, y)),
            ("mul", |x, y| ems::mul(x, y)),
            ("div", |x, y| ems::div(x, y)),
            ("floor_divide", |x, y| ems::floor_divide(x, y)),
            ("remainder", |x, y| ems::remainder(x, y)),
            ("pow", |x, y| ems::pow(x, y)),
            ("maximum", |x, y| ems::maximum(x, y)),
            ("minimum", |x, y| ems::minimum(x, y)),
            ("equal", |x, y| ems::equal(x, y)),
            ("not_equal", |x, y| ems::not_equal(x, y)),
            ("less", |x, y| ems::less(x, y)),
            ("less_equal", |x, y| ems::less_equal(x, y)),
            ("greater", |x, y| ems::greater(x, y)),
            ("greater_equal", |x, y| ems::greater_equal(x, y)),
            ("a + b", |x, y| x + y),
            ("a - b", |x, y| x - y),
            ("a * b", |x, y| x * y),
            ("a / b", |x, y| x / y),
            ("a % b", |x, y| x % y),
            ("(a + b) * a", |x, y| (x + y) * x),
            ("where_(a, b, b)", |x, y| ems::where_(x, y, y)),
            ("matmul", |x, y| ems::matmul(x, y)),
            ("Tensor::matmul", |x, y| x.matmul(y)),
            ("dot", |x, y| ems::dot(x, y)),
            ("broadcast_to", |x, y| ems::broadcast_to(x, y.dims())),
            ("prim::add", |x, y| p::add(x, y)),
            ("prim::sub", |x, y| p::sub(x, y)),
            ("prim::mul", |x, y| p::mul(x, y)),
            ("prim::div", |x, y| p::div(x, y)),
            ("prim::pow", |x, y| p::pow(x, y)),
            ("prim::max", |x, y| p::max(x, y)),
            ("prim::min", |x, y| p::min(x, y)),
            ("prim::matmul", |x, y| p::matmul(x, y)),
            ("prim::compare(Lt)", |x, y| p::compare(CmpOp::Lt, x, y)),
            ("Tensor::pow", |x, y| x.pow(y)),
        ];
        for (name, f) in ops {
            check(&format!("{name}({sa:?}, {sb:?})"), || f(&a, &b))?;
        }
        let what = format!("({sa:?}, {sb:?}, {sc:?}, axis {ax})");
        check(&format!("where_{what}"), || ems::where_(&a, &b, &c))?;
        check(&format!("prim::select{what}"), || p::select(&a, &b, &c))?;
        check(&format!("concat{what}"), || ems::concat(&[a.clone(), b.clone(), c.clone()], ax))?;
        check(&format!("stack{what}"), || ems::stack(&[a.clone(), b.clone()], ax))?;
        let u = ax.unsigned_abs() as usize;
        check(&format!("prim::concat{what}"), || p::concat(&[a.clone(), b.clone()], u))?;
        check(&format!("prim::gather{what}"), || p::gather(&a, &b, u))?;
        check(&format!("prim::scatter_add{what}"), || p::scatter_add(&a, &b, &c, u))?;
        check(&format!("broadcast_shapes{what}"), || ems::broadcast_shapes("Test", a.dims(), b.dims()))?;
    }

    /// Tensor-scalar arithmetic with every scalar type, including division by zero and huge powers.
    #[test]
    fn scalar_ops_never_panic(sa in tspec()) {
        let a = checked_build(&sa)?;
        let ops: [(&str, Unary); 24] = [
            ("a + 2", |x| x + 2),
            ("2.5 - a", |x| 2.5 - x),
            ("a * -1", |x| x * -1),
            ("a / 0", |x| x / 0),
            ("a / 0.0", |x| x / 0.0),
            ("a % 0", |x| x % 0),
            ("a % -3", |x| x % -3),
            ("a % 0.0", |x| x % 0.0),
            ("-a", |x| -x),
            ("floor_divide(a, 0)", |x| ems::floor_divide(x, 0)),
            ("floor_divide(a, -1)", |x| ems::floor_divide(x, -1)),
            ("remainder(a, -1)", |x| ems::remainder(x, -1)),
            ("pow(a, -1)", |x| ems::pow(x, -1)),
            ("pow(a, 2.5)", |x| ems::pow(x, 2.5)),
            ("pow(a, i64::MAX)", |x| ems::pow(x, i64::MAX)),
            ("pow(a, i64::MIN)", |x| ems::pow(x, i64::MIN)),
            ("pow(2, a)", |x| ems::pow(2, x)),
            ("maximum(a, NaN)", |x| ems::maximum(x, f64::NAN)),
            ("minimum(a, true)", |x| ems::minimum(x, true)),
            ("equal(a, 1.5f32)", |x| ems::equal(x, 1.5f32)),
            ("less(a, i64::MIN)", |x| ems::less(x, i64::MIN)),
            ("where_(a, 1.0, 0)", |x| ems::where_(x, 1.0, 0)),
            ("where_(true, a, 0)", |x| ems::where_(true, x, 0)),
            ("neg(a)", |x| ems::neg(x)),
        ];
        for (name, f) in ops {
            check(&format!("{name} with a = {sa:?}"), || f(&a))?;
        }
        check("add of two scalars", || ems::add(1, 2.5))?;
        check("neg of a scalar", || ems::neg(true))?;
    }

    /// Unary math, reductions and shape ops with random axes.
    #[test]
    fn unary_reduction_and_shape_ops_never_panic(
        sx in tspec(),
        a in axis(),
        b in axis(),
        list in axes(),
        keepdims in any::<bool>(),
        to in dtype(),
        ord in ord(),
        ord_axes in prop::option::of(axes()),
        sections in 0usize..5,
    ) {
        let x = checked_build(&sx)?;
        let unary: [(&str, Unary); 28] = [
            ("exp", |x| ems::exp(x)),
            ("log", |x| ems::log(x)),
            ("sin", |x| ems::sin(x)),
            ("cos", |x| ems::cos(x)),
            ("tanh", |x| ems::tanh(x)),
            ("sqrt", |x| ems::sqrt(x)),
            ("floor", |x| ems::floor(x)),
            ("sign", |x| ems::sign(x)),
            ("abs", |x| ems::abs(x)),
            ("square", |x| ems::square(x)),
            ("sigmoid", |x| ems::sigmoid(x)),
            ("relu", |x| ems::relu(x)),
            ("clip", |x| ems::clip(x, -1.0, 2.0)),
            ("stop_gradient", |x| ems::stop_gradient(x)),
            ("norm", |x| ems::norm(x)),
            ("flatten", |x| ems::flatten(x)),
            ("T", |x| x.T()),
            ("squeeze()", |x| x.squeeze()),
            ("Tensor::sum", |x| x.sum()),
            ("Tensor::mean", |x| x.mean()),
            ("Tensor::max", |x| x.max()),
            ("Tensor::min", |x| x.min()),
            ("Tensor::argmax", |x| x.argmax()),
            ("Tensor::prod", |x| x.prod()),
            ("zeros_like", |x| ems::zeros_like(x)),
            ("ones_like", |x| ems::ones_like(x)),
            ("prim::zeros_like", |x| p::zeros_like(x)),
            ("prim::full_like", |x| p::full_like(x, 2.5)),
        ];
        for (name, f) in unary {
            check(&format!("{name}({sx:?})"), || f(&x))?;
        }
        let w = format!("({sx:?}, a {a}, b {b}, axes {list:?}, keepdims {keepdims})");
        let l = list.as_slice();
        check(&format!("astype{w}"), || x.astype(to))?;
        check(&format!("cast{w}"), || ems::cast(&x, to))?;
        check(&format!("sum{w}"), || ems::sum(&x, l, keepdims))?;
        check(&format!("sum all{w}"), || ems::sum(&x, Axes::All, keepdims))?;
        check(&format!("sum a{w}"), || ems::sum(&x, a, keepdims))?;
        check(&format!("mean{w}"), || ems::mean(&x, l, keepdims))?;
        check(&format!("max{w}"), || ems::max(&x, l, keepdims))?;
        check(&format!("min{w}"), || ems::min(&x, a, keepdims))?;
        check(&format!("prod{w}"), || ems::prod(&x, l, keepdims))?;
        check(&format!("prod all{w}"), || ems::prod(&x, Axes::All, keepdims))?;
        check(&format!("argmax{w}"), || ems::argmax(&x, Some(a), keepdims))?;
        check(&format!("argmax None{w}"), || ems::argmax(&x, None, keepdims))?;
        check(&format!("argmin{w}"), || ems::argmin(&x, Some(a), keepdims))?;
        check(&format!("cumsum{w}"), || ems::cumsum(&x, a))?;
        check(&format!("norm_with {ord:?} {ord_axes:?}{w}"), || {
            ems::norm_with(&x, ord, ord_axes.as_deref(), keepdims)
        })?;
        check(&format!("logsumexp{w}"), || ems::logsumexp(&x, a, keepdims))?;
        check(&format!("softmax{w}"), || ems::softmax(&x, a))?;
        check(&format!("log_softmax{w}"), || ems::log_softmax(&x, a))?;
        check(&format!("transpose{w}"), || ems::transpose(&x, Some(l)))?;
        check(&format!("permute{w}"), || x.permute(l))?;
        check(&format!("swapaxes{w}"), || ems::swapaxes(&x, a, b))?;
        check(&format!("expand_dims{w}"), || ems::expand_dims(&x, a))?;
        check(&format!("squeeze{w}"), || ems::squeeze(&x, Some(l)))?;
        check(&format!("flatten_range{w}"), || ems::flatten_range(&x, a, b))?;
        check(&format!("flip{w}"), || ems::flip(&x, l))?;
        check(&format!("split sections {sections}{w}"), || ems::split(&x, Split::Sections(sections), a))?;
        check(&format!("split indices{w}"), || ems::split(&x, Split::Indices(list.clone()), a))?;
        check(&format!("Tensor::get{w}"), || x.get(a))?;
        check(&format!("to_bool{w}"), || x.to_bool())?;
        check(&format!("to_f64{w}"), || x.to_f64())?;
        check(&format!("item{w}"), || x.item())?;
    }
}

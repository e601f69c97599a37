//! Case groups for outputs with no derivative (floor, comparisons, argmax, stop_gradient) and for
//! the friendly composites built from the primitives.

use crate::check::{Suite, DEFAULT};
use crate::helpers::{close, i64s, t64, TestResult};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::prim::BinaryOp;
use ems::{Axes, CmpOp, DType, Tensor};

pub(crate) fn non_differentiable(s: &mut Suite) {
    let x = s.rng.tensor(&[2, 3], -3.0, 3.0);
    s.zero(&["Floor"], "Floor", |v| p::floor(&v[0]), vec![x]);
    // The bitwise ops, on the integers the float inputs truncate to (off integers, so no
    // difference step crosses a jump): no derivative, the differences see 0.
    let ints = |v: &Tensor| p::cast(v, DType::Int32);
    for (name, op) in [
        ("BitwiseAnd", BinaryOp::BitwiseAnd),
        ("BitwiseOr", BinaryOp::BitwiseOr),
        ("BitwiseXor", BinaryOp::BitwiseXor),
        ("LeftShift", BinaryOp::LeftShift),
        ("RightShift", BinaryOp::RightShift),
    ] {
        let x = s.rng.tensor_with(&[2, 3], |r| r.off_integer());
        let y = s.rng.tensor_with(&[2, 3], |r| r.off_integer());
        let f = move |v: &[Tensor]| {
            p::cast(
                &p::binary(op, &ints(&v[0])?, &ints(&v[1])?)?,
                DType::Float64,
            )
        };
        s.zero(&[name], name, f, vec![x, y]);
    }
    let x = s.rng.tensor_with(&[2, 3], |r| r.off_integer());
    let f = move |v: &[Tensor]| p::cast(&p::invert(&ints(&v[0])?)?, DType::Float64);
    s.zero(&["Invert"], "Invert", f, vec![x]);
    // Comparisons, ties included.
    let x = t64(vec![1.0, 2.0, 3.0, -1.0], &[4]);
    let y = t64(vec![1.0, 2.5, 2.0, -1.0], &[4]);
    for op in [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ] {
        let f = move |v: &[Tensor]| p::compare(op, &v[0], &v[1]);
        s.zero(
            &["Compare"],
            &format!("Compare({op:?})"),
            f,
            vec![x.clone(), y.clone()],
        );
    }
    let x = s.rng.tensor(&[3, 4], -1.5, 1.5);
    s.zero(&["ArgMax"], "ArgMax", |v| p::argmax(&v[0], 1), vec![x]);
    let x = s.rng.tensor(&[3, 4], -1.5, 1.5);
    s.zero(
        &["ArgSort"],
        "ArgSort",
        |v| p::argsort(&v[0], true),
        vec![x],
    );
    // Random draws depend only on their (integer) key: a constant to every float input.
    let key = Tensor::from_slice(&[7i64, 3]);
    // A MindSpore kernel's launch depends only on its engine state (Int64).
    let x = s.rng.tensor(&[2, 3], -1.5, 1.5);
    let kernel = ems::random::mindspore::StreamKernel::StandardNormal;
    let state = Tensor::from_vec(kernel.start(11), &[1]).unwrap();
    s.zero(
        &["MsStream"],
        "MsStream",
        move |v| {
            p::cast(
                &p::ms_stream(&state, kernel, v[0].dims(), false)?,
                DType::Float64,
            )
        },
        vec![x],
    );
    let x = s.rng.tensor(&[2, 3], -1.5, 1.5);
    s.zero(
        &["Random"],
        "Random",
        move |v| {
            p::random(
                &key,
                ems::prim::Dist::Normal,
                v[0].dims(),
                ems::DType::Float64,
            )
        },
        vec![x],
    );
    let x = s.rng.tensor(&[2, 3], -1.5, 1.5);
    s.zero(
        &["StopGradient"],
        "StopGradient",
        |v| p::stop_gradient(&v[0]),
        vec![x],
    );
    // stop_gradient(x)·x: only the second factor carries a derivative (not 2x).
    let x = s.rng.tensor(&[2, 3], -1.5, 1.5);
    let label = "stop_gradient(x)·x";
    let r = (|| -> TestResult {
        if s.dry {
            return Ok(());
        }
        let f = |v: &[Tensor]| -> ems::Result<Vec<Tensor>> {
            Ok(vec![p::mul(&p::stop_gradient(&v[0])?, &v[0])?])
        };
        let ones = ems::ones_like(&x)?;
        let (_, back) = ems::vjp_flat(f, std::slice::from_ref(&x))?;
        let g = back.apply(std::slice::from_ref(&ones))?;
        close("vjp", &g[0].to_vec::<f64>(), &x.to_vec::<f64>(), 0.0)?;
        let (_, t) = ems::jvp_flat(f, std::slice::from_ref(&x), std::slice::from_ref(&ones))?;
        close("jvp", &t[0].to_vec::<f64>(), &x.to_vec::<f64>(), 0.0)
    })();
    s.record(&["StopGradient"], label, r);
}

/// Friendly composites, checked the same way (they exercise `ops/`, not new rules, so they count
/// towards no primitive). Inputs stay away from kinks (0 for relu/abs, the clip bounds, ties).
pub(crate) fn composites(s: &mut Suite) {
    use ems::Index as I;
    let r = &mut s.rng;
    let (x, y, d) = (
        r.tensor(&[2, 3], -1.5, 1.5),
        r.tensor(&[2, 3], -1.5, 1.5),
        r.distinct(&[2, 3]),
    );
    let (v, w, m) = (
        r.tensor(&[3], -1.5, 1.5),
        r.tensor(&[3], -1.5, 1.5),
        r.tensor(&[3, 2], -1.5, 1.5),
    );
    let nz = r.tensor_with(&[2, 3], |r| r.signed(0.2, 1.5));
    let a = t64(vec![0.3, -1.1, 0.7, 1.6], &[4]);
    let (two, pos5) = (r.tensor(&[2], -1.0, 1.0), r.tensor(&[5], 0.5, 1.5));
    let with_zero = t64(vec![0.5, 0.0, -1.5, 2.0, 1.2, -0.7], &[2, 3]);
    let off_kinks = t64(vec![0.4, -1.0, 2.2, 3.5], &[4]);
    let mut c = |label: &str, f: &dyn Fn(&[Tensor]) -> ems::Result<Tensor>, xs: &[&Tensor]| {
        s.check(
            &[],
            label,
            f,
            xs.iter().map(|&t| t.clone()).collect(),
            DEFAULT,
        )
    };
    c("softmax(x, -1)", &|v| ems::softmax(&v[0], -1), &[&x]);
    c("log_softmax(x, 0)", &|v| ems::log_softmax(&v[0], 0), &[&x]);
    c(
        "logsumexp(x, 1)",
        &|v| ems::logsumexp(&v[0], 1, false),
        &[&x],
    );
    c("mean(x)", &|v| ems::mean(&v[0], Axes::All, false), &[&x]);
    c(
        "mean(x, 0, keepdims)",
        &|v| ems::mean(&v[0], 0i64, true),
        &[&x],
    );
    c(
        "prod(x) through a zero",
        &|v| ems::prod(&v[0], Axes::All, false),
        &[&with_zero],
    );
    c(
        "prod(x, 1)",
        &|v| ems::prod(&v[0], 1i64, false),
        &[&with_zero],
    );
    c(
        "prod of 5",
        &|v| ems::prod(&v[0], Axes::All, false),
        &[&pos5],
    );
    c("norm(x)", &|v| ems::norm(&v[0]), &[&x]);
    let p3 = ems::NormOrd::P(3.0);
    c(
        "3-norm along 1",
        &|v| ems::norm_with(&v[0], p3, Some(&[1]), false),
        &[&nz],
    );
    let inf = ems::NormOrd::Inf;
    c(
        "inf-norm",
        &|v| ems::norm_with(&v[0], inf, Some(&[0]), false),
        &[&a],
    );
    c("min(x, 1)", &|v| ems::min(&v[0], 1i64, false), &[&d]);
    c("sigmoid", &|v| ems::sigmoid(&v[0]), &[&x]);
    c("relu", &|v| ems::relu(&v[0]), &[&nz]);
    c("abs", &|v| ems::abs(&v[0]), &[&nz]);
    c("clip", &|v| ems::clip(&v[0], -0.1, 0.1), &[&nz]);
    c(
        "remainder(x, 1.5)",
        &|v| ems::remainder(&v[0], 1.5),
        &[&off_kinks],
    );
    let fdiv = |v: &[Tensor]| ems::mul(ems::floor_divide(&v[0], 1.5)?, &v[0]);
    c("floor_divide(x, 1.5)·x", &fdiv, &[&off_kinks]);
    c(
        "x[1:3] = v",
        &|v| ems::index_put(&v[0], &[I::range(1, 3)], &v[1]),
        &[&a, &two],
    );
    let every_other_back = || [I::Slice(None, None, Some(-2))];
    let put = |v: &[Tensor]| ems::index_put(&v[0], &every_other_back(), &v[1]);
    c("x[::-2] = v", &put, &[&a, &two]);
    let take = |v: &[Tensor]| ems::index(&v[0], &[I::Tensor(i64s(vec![-1, 0, 0], &[3]))]);
    c("x[[-1, 0, 0]]", &take, &[&x]);
    c("stack([x, y], 1)", &|v| ems::stack(&v[..2], 1), &[&x, &y]);
    let split = |v: &[Tensor]| {
        let parts = ems::split(&v[0], ems::Split::Sections(3), 1)?;
        ems::mul(&parts[0], &parts[2])
    };
    c("split(x, 3)[0]·[2]", &split, &[&x]);
    let swap = |v: &[Tensor]| ems::swapaxes(&ems::expand_dims(&v[0], 0)?, 0, 2);
    c("swapaxes(expand_dims(x, 0), 0, 2)", &swap, &[&x]);
    c("cumsum(x, -1)", &|v| ems::cumsum(&v[0], -1), &[&x]);
    c("dot(v, w)", &|v| ems::dot(&v[0], &v[1]), &[&v, &w]);
    c("dot(A, B)", &|v| ems::dot(&v[0], &v[1]), &[&x, &m]);
    c("matmul(A, v)", &|v| ems::matmul(&v[0], &v[1]), &[&x, &v]);
    pieces(s);
    shared_weights(s);
}

/// A matrix used as the right operand of several products: the reverse sweep keeps each
/// product's cotangent for it as a product block and multiplies them out as one product of the
/// joined rows (`interp/blocks.rs`), so every way such a weight can be reached is checked: a
/// recurrence (rows of different counts, each step's left operand computed from the last), the
/// weight used once, beside other uses of itself (as a left operand, elementwise, transposed),
/// and a product whose left operand is the weight's own product.
fn shared_weights(s: &mut Suite) {
    let w = s.rng.tensor(&[3, 3], -0.8, 0.8);
    let u = s.rng.tensor(&[4, 3], -0.8, 0.8);
    let xs = [
        s.rng.tensor(&[2, 4], -1.0, 1.0),
        s.rng.tensor(&[1, 4], -1.0, 1.0),
        s.rng.tensor(&[2, 4], -1.0, 1.0),
    ];
    let total = |t: &Tensor| ems::sum(t, Axes::All, false);
    let mut c = |label: &str, f: &dyn Fn(&[Tensor]) -> ems::Result<Tensor>, ins: &[&Tensor]| {
        s.check(
            &[],
            label,
            f,
            ins.iter().map(|&t| t.clone()).collect(),
            DEFAULT,
        )
    };
    // h_t = tanh(x_t·U + h_{t-1}·W), the batch of each step's rows broadcast from h_{t-1}.
    let recurrence = |v: &[Tensor]| {
        let mut h = ems::tanh(&ems::matmul(&v[2], &v[1])?)?;
        let mut acc = total(&h)?;
        for (k, x) in [&v[3], &v[4]].into_iter().enumerate() {
            let hb = ems::broadcast_to(&ems::sum(&h, 0i64, true)?, &[x.dims()[0], 3])?;
            h = ems::tanh(&(ems::matmul(x, &v[1])? + ems::matmul(&hb, &v[0])?)?)?;
            acc = (acc + (total(&ems::sin(&h)?)? * (k as f64 + 2.0))?)?;
        }
        Ok(acc)
    };
    c(
        "h_t = tanh(x_t·U + h_{t-1}·W) over 3 steps",
        &recurrence,
        &[&w, &u, &xs[0], &xs[1], &xs[2]],
    );
    let once = |v: &[Tensor]| total(&ems::exp(&ems::matmul(&v[1], &v[0])?)?);
    c("exp(x·U), U used once", &once, &[&u, &xs[0]]);
    let beside = |v: &[Tensor]| {
        let a = ems::matmul(&ems::matmul(&v[1], &v[0])?, &v[0])?;
        let b = ems::matmul(&v[0], &ems::transpose(&v[0], Some(&[1, 0]))?)?;
        let c = ems::matmul(&ems::cos(&v[0])?, &v[0])?;
        total(&(ems::sin(&a)? * 2.0 + total(&(b * c)?)?)?)
    };
    c("(u·W)·W beside W·Wᵀ and cos(W)·W", &beside, &[&w, &u]);
}

/// Values cut into slices: a reverse sweep gathers the cotangents of a value's unit-step slices
/// and builds the value's once (one concatenation when they tile an axis, zeros in the gaps;
/// padded sums otherwise), so every way slices can meet is checked here: uneven and size-0
/// pieces, unused pieces, a piece used twice, the whole value used beside its pieces,
/// overlapping slices, slices along two axes, strided slices, slices of slices.
fn pieces(s: &mut Suite) {
    use ems::Index as I;
    use ems::Split;
    let x = s.rng.tensor(&[4, 6], -1.5, 1.5);
    let e = s.rng.tensor(&[0, 3], -1.5, 1.5);
    let w = s.rng.tensor(&[6], -1.5, 1.5);
    let mut c = |label: &str, f: &dyn Fn(&[Tensor]) -> ems::Result<Tensor>, xs: &[&Tensor]| {
        s.check(
            &[],
            label,
            f,
            xs.iter().map(|&t| t.clone()).collect(),
            DEFAULT,
        )
    };
    // Weighted so that each piece's cotangent differs: p0·1 + sin(p1)·2 + p2²·3 ...
    let weigh = |parts: &[Tensor]| -> ems::Result<Tensor> {
        let mut acc = ems::sum(&parts[0], Axes::All, false)?;
        for (k, p) in parts.iter().enumerate().skip(1) {
            let term = ems::sum(&(ems::sin(p)? * (k as f64 + 1.0))?, Axes::All, false)?;
            acc = (acc + term)?;
        }
        Ok(acc)
    };
    let by =
        |how: Split, axis: i64| move |v: &[Tensor]| weigh(&ems::split(&v[0], how.clone(), axis)?);
    c(
        "split(x, 3, axis 1), all pieces",
        &by(Split::Sections(3), 1),
        &[&x],
    );
    c(
        "split(x, 2, axis 0), all pieces",
        &by(Split::Sections(2), 0),
        &[&x],
    );
    c(
        "split(x, [1, 2, 3], axis 1), uneven",
        &by(Split::Sizes(vec![1, 2, 3]), 1),
        &[&x],
    );
    c(
        "split(x, [0, 4, 2], axis 1), a size-0 piece",
        &by(Split::Sizes(vec![0, 4, 2]), 1),
        &[&x],
    );
    c(
        "split(x, [2, 2, 2, 0], axis 1), size 0 last",
        &by(Split::Sizes(vec![2, 2, 2, 0]), 1),
        &[&x],
    );
    c(
        "split(x, size 4, axis 1), the last shorter",
        &by(Split::Size(4), 1),
        &[&x],
    );
    c("split of an empty axis", &by(Split::Sections(1), 0), &[&e]);
    c(
        "split(e, [1, 2], axis 1) of [0, 3]",
        &by(Split::Sizes(vec![1, 2]), 1),
        &[&e],
    );
    let middle_only = |v: &[Tensor]| {
        let parts = ems::split(&v[0], Split::Sections(3), 1)?;
        ems::sin(&parts[1])
    };
    c(
        "split(x, 3)[1] only: zeros on both sides",
        &middle_only,
        &[&x],
    );
    let ends = |v: &[Tensor]| {
        let parts = ems::split(&v[0], Split::Sizes(vec![1, 1, 2]), 0)?;
        ems::mul(&parts[0], ems::exp(&parts[2])?)
    };
    c(
        "split(x, [1, 1, 2])[0]·exp([2]): a gap between",
        &ends,
        &[&x],
    );
    let twice = |v: &[Tensor]| {
        let parts = ems::split(&v[0], Split::Sections(2), 1)?;
        ems::mul(&ems::mul(&parts[0], &parts[0])?, &parts[1])
    };
    c("a piece used twice", &twice, &[&x]);
    let unbind = |v: &[Tensor]| {
        let rows: Vec<Tensor> = (0..4).map(|i| v[0].get(i)).collect::<ems::Result<_>>()?;
        let mut acc = ems::mul(&rows[3], &v[1])?;
        for (k, r) in rows.iter().enumerate().take(3) {
            acc = (acc + (ems::tanh(r)? * (k as f64 - 1.0))?)?;
        }
        Ok(acc)
    };
    c(
        "every row x[i] (a sequence's steps), with w",
        &unbind,
        &[&x, &w],
    );
    let whole_too = |v: &[Tensor]| {
        let parts = ems::split(&v[0], Split::Sections(2), 0)?;
        ems::mul(
            &ems::sum(&parts[1], 0i64, false)?,
            ems::sum(&v[0], 0i64, false)?,
        )
    };
    c("the value used beside its pieces", &whole_too, &[&x]);
    let overlap = |v: &[Tensor]| {
        let a = ems::index(&v[0], &[I::full(), I::range(0, 4)])?;
        let b = ems::index(&v[0], &[I::full(), I::range(2, 6)])?;
        ems::mul(&a, ems::cos(&b)?)
    };
    c("overlapping slices x[:, 0:4], x[:, 2:6]", &overlap, &[&x]);
    let two_axes = |v: &[Tensor]| {
        let a = ems::index(&v[0], &[I::range(0, 2), I::range(0, 3)])?;
        let b = ems::index(&v[0], &[I::range(2, 4), I::range(3, 6)])?;
        ems::mul(&a, ems::exp(&b)?)
    };
    c("blocks along two axes", &two_axes, &[&x]);
    let strided = |v: &[Tensor]| {
        let a = ems::index(&v[0], &[I::full(), I::Slice(Some(0), None, Some(2))])?;
        let b = ems::index(&v[0], &[I::full(), I::range(0, 3)])?;
        ems::mul(&a, &b)
    };
    c("a strided slice beside a block", &strided, &[&x]);
    let nested = |v: &[Tensor]| {
        let halves = ems::split(&v[0], Split::Sections(2), 1)?;
        let quarters = ems::split(&halves[1], Split::Sections(3), 1)?;
        ems::mul(
            ems::mul(&quarters[0], &quarters[2])?,
            ems::sum(&halves[0], 1i64, true)?,
        )
    };
    c("pieces of a piece", &nested, &[&x]);
}

/// A custom-gradient function whose rule is the true derivative, so finite differences check
/// its VJP (the user rule), its JVP (derived by transposing the rule), the rule's own derivative
/// (second order) and its batching (the `vmap` of forward and rule).
pub(crate) fn custom(s: &mut Suite) {
    // f(x, y) = x · sin(y) + sum(y) (broadcast), with the hand-written rule.
    let f = ems::CustomVjp::new(
        "x_sin_y",
        |xs| (&xs[0] * ems::sin(&xs[1])?)? + ems::sum(&xs[1], Axes::All, false)?,
        |xs, _out, dout| {
            let dx = (dout * ems::sin(&xs[1])?)?;
            let dy = ((dout * &xs[0])? * ems::cos(&xs[1])?)?;
            let dy = (dy + ems::sum(dout, Axes::All, false)?)?;
            Ok(vec![dx, dy])
        },
    );
    for shape in [&[][..], &[3], &[2, 3], &[0, 2]] {
        let (x, y) = (
            s.rng.tensor(shape, -1.5, 1.5),
            s.rng.tensor(shape, -1.5, 1.5),
        );
        let g = f.clone();
        s.check(
            &["Custom"],
            &format!("custom x·sin(y) on {shape:?}"),
            move |v: &[Tensor]| g.call(v),
            vec![x, y],
            DEFAULT,
        );
    }
    // Called inside other ops, with one input a constant.
    let (x, y) = (s.rng.tensor(&[4], 0.5, 1.5), s.rng.tensor(&[4], -1.5, 1.5));
    let g = f.clone();
    s.check(
        &["Custom"],
        "exp(custom(x², 0.5·y))",
        move |v: &[Tensor]| ems::exp(&g.call(&[(&v[0] * &v[0])?, (&v[1] * 0.5)?])?),
        vec![x, y],
        DEFAULT,
    );
}

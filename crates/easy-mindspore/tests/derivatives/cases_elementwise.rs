//! Case groups for the elementwise primitives: unary math, binary arithmetic (with ties, special
//! bases and broadcasting), comparisons, `where` and casts.

use crate::check::{Suite, AT_KINK, DEFAULT, F32_ROUND_TRIP};
use crate::helpers::{t64, Lcg};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::prim::{BinaryOp, UnaryOp};
use ems::{CmpOp, DType, Prim, Tensor};

/// Shapes for elementwise cases: scalars, size-1 and size-0 axes.
const SHAPES: [&[usize]; 7] = [&[], &[1], &[4], &[2, 3], &[3, 1, 2], &[2, 0, 3], &[0]];

const F64: DType = DType::Float64;

pub(crate) fn unary(s: &mut Suite) {
    for shape in SHAPES {
        for prim in [
            Prim::Unary(UnaryOp::Neg),
            Prim::Unary(UnaryOp::Exp),
            Prim::Unary(UnaryOp::Sin),
            Prim::Unary(UnaryOp::Cos),
            Prim::Unary(UnaryOp::Tanh),
            Prim::Unary(UnaryOp::Erf),
            Prim::Unary(UnaryOp::Erfc),
            Prim::Unary(UnaryOp::Expm1),
            Prim::Unary(UnaryOp::Sigmoid),
            Prim::Unary(UnaryOp::Atan),
            Prim::Unary(UnaryOp::Sinh),
            // The identity on real numbers (complex operands: `cases_special::fourier`).
            Prim::Unary(UnaryOp::Conj),
        ] {
            let x = s.rng.tensor(shape, -1.5, 1.5);
            s.prim(prim, vec![x]);
        }
        // log and sqrt on positive inputs.
        for prim in [Prim::Unary(UnaryOp::Log), Prim::Unary(UnaryOp::Sqrt)] {
            let x = s.rng.tensor(shape, 0.5, 2.0);
            s.prim(prim, vec![x]);
        }
        // abs away from its kink at 0 (signed(0.1, 1.5): both signs, |x| >= 0.1).
        let x = s.rng.tensor_with(shape, |r| r.signed(0.1, 1.5));
        s.prim(Prim::Unary(UnaryOp::Abs), vec![x]);
        // relu away from its kink at 0, both signs.
        let x = s.rng.tensor_with(shape, |r| r.signed(0.1, 1.5));
        s.prim(Prim::Unary(UnaryOp::ReLU), vec![x]);
        // log1p above its pole at -1.
        let x = s.rng.tensor(shape, -0.6, 2.0);
        s.prim(Prim::Unary(UnaryOp::Log1p), vec![x]);
        // erfinv inside (-1, 1), away from the poles at ±1.
        let x = s.rng.tensor(shape, -0.9, 0.9);
        s.prim(Prim::Unary(UnaryOp::Erfinv), vec![x]);
        // The Bessel functions: I0 and I1 everywhere (I1' = I0 - I1/x is 1/2 at 0); the scaled
        // forms away from their kink at 0 (e^(-|x|)).
        for prim in [
            Prim::Unary(UnaryOp::BesselI0),
            Prim::Unary(UnaryOp::BesselI1),
        ] {
            let x = s.rng.tensor(shape, -3.0, 3.0);
            s.prim(prim, vec![x]);
        }
        for prim in [
            Prim::Unary(UnaryOp::BesselI0e),
            Prim::Unary(UnaryOp::BesselI1e),
        ] {
            let x = s.rng.tensor_with(shape, |r| r.signed(0.1, 3.0));
            s.prim(prim, vec![x]);
        }
        // floor is locally constant away from integers: derivative 0, as the differences see.
        let x = s.rng.tensor_with(shape, Lcg::off_integer);
        s.prim(Prim::Unary(UnaryOp::Floor), vec![x]);
    }
}

pub(crate) fn binary(s: &mut Suite) {
    for shape in SHAPES {
        for prim in [
            Prim::Binary(BinaryOp::Add),
            Prim::Binary(BinaryOp::Sub),
            Prim::Binary(BinaryOp::Mul),
        ] {
            let (x, y) = (
                s.rng.tensor(shape, -1.5, 1.5),
                s.rng.tensor(shape, -1.5, 1.5),
            );
            s.prim(prim, vec![x, y]);
        }
        // x / y with y away from 0.
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let y = s.rng.tensor_with(shape, |r| r.signed(0.5, 2.0));
        s.prim(Prim::Binary(BinaryOp::Div), vec![x, y]);
        // x^y with a positive base (∂/∂y = log(x)·x^y needs x > 0).
        let (x, y) = (
            s.rng.tensor(shape, 0.5, 2.0),
            s.rng.tensor(shape, -2.0, 2.0),
        );
        s.prim(Prim::Binary(BinaryOp::Pow), vec![x, y]);
        for prim in [Prim::Binary(BinaryOp::Max), Prim::Binary(BinaryOp::Min)] {
            let x = s.rng.tensor(shape, -1.5, 1.5);
            let y = s.rng.apart_from(&x);
            s.prim(prim, vec![x, y]);
        }
        // x % y with x/y a fraction 0.2..0.8 past an integer, so no step crosses a jump:
        // ∂/∂x = 1, ∂/∂y = -floor(x/y); divisors of both signs.
        let n: usize = shape.iter().product();
        let ys: Vec<f64> = (0..n).map(|_| s.rng.signed(0.5, 2.0)).collect();
        let xs: Vec<f64> = ys.iter().map(|&y| y * s.rng.off_integer()).collect();
        s.prim(
            Prim::Binary(BinaryOp::Mod),
            vec![t64(xs, shape), t64(ys, shape)],
        );
    }
    // Ties: max(x, y) at x = y passes half the derivative to each side; a central difference
    // sees (max(x+h, x) - max(x-h, x)) / 2h = 1/2 too.
    for prim in [Prim::Binary(BinaryOp::Max), Prim::Binary(BinaryOp::Min)] {
        let x = s.rng.tensor(&[2, 3], -1.5, 1.5);
        s.prim_opts(prim, vec![x.clone(), x], AT_KINK);
    }
    // Base 0, y > 0 held: ∂(0^y)/∂y = 0 (the limit, as JAX takes it), not log(0)·0 = NaN.
    let zero_base = t64(vec![0.0; 4], &[4]);
    let y = s.rng.tensor(&[4], 1.5, 3.0);
    let f = move |v: &[Tensor]| p::pow(&zero_base, &v[0]);
    s.check(&["Pow"], "Pow at base 0, in y", f, vec![y], DEFAULT);
    // x^n with integer n held, through 0 and negative bases: ∂/∂x = n·x^(n-1), and 0 for n = 0
    // (x^0 = 1 everywhere, also at x = 0, where n·x^(n-1) is 0·inf).
    let n = t64(vec![2.0, 3.0, 2.0, 3.0, 1.0, 0.0, 0.0, 1.0], &[8]);
    let x = t64(vec![0.0, 0.0, -0.7, -1.3, 0.4, 0.0, -0.6, 0.0], &[8]);
    let f = move |v: &[Tensor]| p::pow(&v[0], &n);
    s.check(
        &["Pow"],
        "Pow with integer exponents, in x",
        f,
        vec![x],
        DEFAULT,
    );

    // The friendly ops broadcast with BroadcastInDim; its VJP sums the cotangent back.
    let pairs: [(&[usize], &[usize]); 6] = [
        (&[2, 3], &[3]),
        (&[2, 1, 3], &[4, 1]),
        (&[], &[2, 2]),
        (&[3, 1], &[1, 0]),
        (&[1, 4], &[3, 1]),
        (&[1], &[2, 1]),
    ];
    type Friendly = fn(&Tensor, &Tensor) -> ems::Result<Tensor>;
    let friendly: [(&'static str, Friendly); 6] = [
        ("Add", |a, b| ems::add(a, b)),
        ("Sub", |a, b| ems::sub(a, b)),
        ("Mul", |a, b| ems::mul(a, b)),
        ("Div", |a, b| ems::div(a, b)),
        ("Pow", |a, b| ems::pow(a, b)),
        ("Max", |a, b| ems::maximum(a, b)),
    ];
    for (a, b) in pairs {
        for (name, op) in friendly {
            let x = s.rng.tensor(a, 0.5, 2.0);
            let y = s.rng.tensor_with(b, |r| r.signed(0.5, 2.0));
            let label = format!("friendly {name} of {a:?} and {b:?}");
            let f = move |v: &[Tensor]| op(&v[0], &v[1]);
            s.check(&[name, "BroadcastInDim"], &label, f, vec![x, y], DEFAULT);
        }
    }
}

pub(crate) fn compare_select_cast(s: &mut Suite) {
    let ops = [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ];
    for op in ops {
        for shape in [&[4][..], &[2, 3], &[], &[0, 2]] {
            // cast(x op y)·x: the comparison is locally constant (no ties), so ∂/∂x = the mask
            // and ∂/∂y = 0.
            let x = s.rng.tensor(shape, -1.5, 1.5);
            let y = s.rng.apart_from(&x);
            let f =
                move |v: &[Tensor]| p::mul(&p::cast(&p::compare(op, &v[0], &v[1])?, F64)?, &v[0]);
            let label = format!("cast(Compare({op:?}))·x on {shape:?}");
            s.check(&["Compare", "Cast"], &label, f, vec![x, y], DEFAULT);
        }
    }
    for shape in SHAPES {
        // where(c, x, y) with a Bool condition input (which gets a zero Bool cotangent).
        let c = s.rng.bools(shape);
        let (x, y) = (
            s.rng.tensor(shape, -1.5, 1.5),
            s.rng.tensor(shape, -1.5, 1.5),
        );
        s.prim(Prim::Where, vec![c, x, y]);
        // float64 → float32 → float64 is the identity up to rounding: derivative 1.
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let f = |v: &[Tensor]| p::cast(&p::cast(&v[0], DType::Float32)?, F64);
        let label = format!("Cast Float64→Float32→Float64 on {shape:?}");
        s.check(&["Cast"], &label, f, vec![x], F32_ROUND_TRIP);
        // Through an integer: cast(cast(x, Int32), Float64)·x = trunc(x)·x, whose derivative is
        // trunc(x) once the integer path is cut (`stop_gradient`, as the engine's own index
        // casts are in effect). Without the cut, Cast passes a truncated cotangent through, as
        // MindSpore's does: `grad_api.rs` pins that rule (it is not the function's derivative).
        let x = s.rng.tensor_with(shape, Lcg::off_integer);
        let f = |v: &[Tensor]| {
            let cut = p::stop_gradient(&v[0])?;
            p::mul(&p::cast(&p::cast(&cut, DType::Int32)?, F64)?, &v[0])
        };
        let label = format!("cast(cast(x, Int32))·x on {shape:?}");
        s.check(&["Cast"], &label, f, vec![x], DEFAULT);
    }
    // The friendly where broadcasts condition and branches together.
    let c = s.rng.bools(&[2, 1]);
    let (x, y) = (
        s.rng.tensor(&[1, 3], -1.5, 1.5),
        s.rng.tensor(&[], -1.5, 1.5),
    );
    let f = |v: &[Tensor]| ems::where_(&v[0], &v[1], &v[2]);
    let label = "friendly where of [2, 1], [1, 3], []";
    s.check(
        &["Where", "BroadcastInDim"],
        label,
        f,
        vec![c, x, y],
        DEFAULT,
    );
}

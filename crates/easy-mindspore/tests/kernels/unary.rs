//! Elementwise unary math against the reference on every layout, and its special values and
//! integer inputs.

use crate::helpers::{close, exact, make, numel, reals, tol, views, Unary, FLOATS, SHAPES};
use easy_mindspore as ems;
use ems::{DType, Tensor};

/// A unary op, its f64 reference, and the range its inputs are drawn from.
type MathCase = (&'static str, Unary, fn(f64) -> f64, (f64, f64));

/// erf(x) = 2/√π · Σₙ (-1)ⁿ x^(2n+1) / (n!·(2n+1)), summed until the terms vanish (for |x| ≤ 3
/// the largest term is below 200, so the sum keeps 1e-13 of accuracy).
fn erf_series(x: f64) -> f64 {
    let (mut term, mut sum, mut n) = (x, x, 0.0);
    while term.abs() > 1e-17 * sum.abs().max(1e-300) {
        n += 1.0;
        term *= -x * x / n;
        sum += term / (2.0 * n + 1.0);
    }
    sum * std::f64::consts::FRAC_2_SQRT_PI
}

#[test]
fn unary_math_matches_the_reference_on_every_layout() {
    let sigmoid = |x: f64| 1.0 / (1.0 + (-x).exp());
    let cases: [MathCase; 16] = [
        ("exp", ems::exp, f64::exp, (-4.0, 4.0)),
        ("log", ems::log, f64::ln, (0.01, 9.0)),
        ("sin", ems::sin, f64::sin, (-4.0, 4.0)),
        ("cos", ems::cos, f64::cos, (-4.0, 4.0)),
        ("tanh", ems::tanh, f64::tanh, (-4.0, 4.0)),
        ("sqrt", ems::sqrt, f64::sqrt, (0.0, 9.0)),
        ("floor", ems::floor, f64::floor, (-4.0, 4.0)),
        ("neg", |x| ems::neg(x), |x| -x, (-4.0, 4.0)),
        ("abs", ems::abs, f64::abs, (-4.0, 4.0)),
        ("square", ems::square, |x| x * x, (-4.0, 4.0)),
        ("relu", ems::relu, |x| x.max(0.0), (-4.0, 4.0)),
        (
            "sign",
            ems::sign,
            |x| if x == 0.0 { 0.0 } else { x.signum() },
            (-2.0, 2.0),
        ),
        ("sigmoid", ems::sigmoid, sigmoid, (-8.0, 8.0)),
        ("erf", ems::erf, erf_series, (-3.0, 3.0)),
        ("expm1", ems::expm1, f64::exp_m1, (-4.0, 4.0)),
        ("log1p", ems::log1p, f64::ln_1p, (-0.9, 9.0)),
    ];
    for d in FLOATS {
        let (rel, abs) = tol(d);
        for (seed, shape) in SHAPES.iter().enumerate() {
            for (name, f, r, (lo, hi)) in cases {
                let mut vals = reals(numel(shape), seed as u64 + 1, lo, hi);
                if name == "sign" || name == "relu" || name == "floor" {
                    // Exact zeros and integers matter here.
                    vals.iter_mut().step_by(3).for_each(|v| *v = v.round());
                }
                let want: Vec<f64> = vals.iter().map(|&v| r(v)).collect();
                for (view, x) in views(&vals, shape, d) {
                    let y = f(&x).unwrap();
                    let what = format!("{name} {d:?} {shape:?} {view}");
                    assert_eq!(y.dims(), *shape, "{what}");
                    assert_eq!(y.dtype(), d, "{what}");
                    close(&y.to_vec::<f64>(), &want, rel, abs, &what);
                }
            }
        }
    }
}

#[test]
fn unary_math_special_values_and_integer_inputs() {
    let x = make(&[0.0, -1.0, f64::INFINITY, f64::NAN], &[4], DType::Float64);
    close(
        &ems::log(&x).unwrap().to_vec::<f64>(),
        &[f64::NEG_INFINITY, f64::NAN, f64::INFINITY, f64::NAN],
        0.0,
        0.0,
        "log",
    );
    close(
        &ems::sqrt(&x).unwrap().to_vec::<f64>(),
        &[0.0, f64::NAN, f64::INFINITY, f64::NAN],
        0.0,
        0.0,
        "sqrt",
    );
    let big = make(&[1000.0, -1000.0], &[2], DType::Float32);
    exact(
        &ems::exp(&big).unwrap().to_vec::<f64>(),
        &[f64::INFINITY, 0.0],
        "exp",
    );
    let s = ems::sigmoid(&big).unwrap().to_vec::<f64>();
    exact(&s, &[1.0, 0.0], "sigmoid tails");
    // erf is odd, saturates at ±1, keeps a signed zero and NaN, in both float dtypes.
    for d in FLOATS {
        let x = make(&[0.0, -0.0, 10.0, -10.0, f64::INFINITY, f64::NAN], &[6], d);
        let y = ems::erf(&x).unwrap().to_vec::<f64>();
        exact(&y[..5], &[0.0, -0.0, 1.0, -1.0, 1.0], &format!("erf {d:?}"));
        assert!(y[1].is_sign_negative() && y[5].is_nan(), "erf {d:?}: {y:?}");
    }
    // MindSpore's erf has no integer kernel: a dtype error (TypeError in Python).
    let e = ems::erf(&make(&[1.0, 2.0], &[2], DType::Int64)).unwrap_err();
    assert_eq!(e.class(), ems::ErrorClass::Type, "{e}");
    // Integer inputs to transcendental functions become Float32; floor keeps integers.
    let i = make(&[0.0, 1.0, 4.0], &[3], DType::Int32);
    let e = ems::sqrt(&i).unwrap();
    assert_eq!(e.dtype(), DType::Float32);
    exact(&e.to_vec::<f64>(), &[0.0, 1.0, 2.0], "sqrt of Int32");
    assert_eq!(ems::floor(&i).unwrap().dtype(), DType::Int32);
    // Negation and abs of integers wrap at the minimum, like NumPy.
    let m = Tensor::from_vec(vec![i32::MIN, -3, 3], &[3]).unwrap();
    assert_eq!(ems::neg(&m).unwrap().to_vec::<i32>(), vec![i32::MIN, 3, -3]);
    assert_eq!(ems::abs(&m).unwrap().to_vec::<i32>(), vec![i32::MIN, 3, 3]);
}

/// NaN propagates through `maximum`, `minimum` and `clip`, on either side, as in NumPy
/// (MindSpore 2.10's CPU kernels give the other operand for `maximum(NaN, 1)`); `relu(NaN)` is 0,
/// as MindSpore 2.10's `ReLU` (measured: `ops.relu`, `nn.ReLU` and `ops.ReLU` all give 0).
#[test]
fn nan_propagates_through_maximum_minimum_and_clip() {
    for d in FLOATS {
        let x = make(&[f64::NAN, -1.0, 0.0, -0.0, 2.0], &[5], d);
        let r = ems::relu(&x).unwrap().to_vec::<f64>();
        exact(&r, &[0.0, 0.0, 0.0, 0.0, 2.0], &format!("relu {d:?}"));
        let a = make(&[f64::NAN, 1.0, f64::NAN], &[3], d);
        let b = make(&[1.0, f64::NAN, f64::NAN], &[3], d);
        let all_nan = [true, true, true];
        for (name, y, nan) in [
            ("maximum", ems::maximum(&a, &b), all_nan),
            ("minimum", ems::minimum(&a, &b), all_nan),
            (
                "maximum with a scalar",
                ems::maximum(&a, 0.5),
                [true, false, true],
            ),
            ("clip", ems::clip(&a, -1.0, 1.0), [true, false, true]),
        ] {
            let v = y.unwrap().to_vec::<f64>();
            let got: Vec<bool> = v.iter().map(|x| x.is_nan()).collect();
            assert_eq!(got, nan, "{name} {d:?}: {v:?}");
        }
    }
    // relu's derivative is 0 at 0 (and at NaN) and 1 above, as MindSpore's.
    let x = make(&[0.0, 3.0, -2.0, f64::NAN], &[4], DType::Float64);
    let g = ems::grad(|x: &Tensor| ems::sum(&ems::relu(x)?, ems::Axes::All, false))(&x).unwrap();
    exact(&g.to_vec::<f64>(), &[0.0, 1.0, 0.0, 0.0], "relu'");
}

/// The `ReLU` kernel against a plain loop (`x` where `x > 0`, else `+0`) on every dtype, on
/// contiguous, strided and broadcast views, sizes around the vector width and the parallel
/// threshold, with NaN of both signs, ±0, ±inf and subnormals: bit for bit, so `relu(-0.0)` is
/// `+0.0` and `relu(NaN)` is `+0.0` (MindSpore 2.10's values).
#[test]
fn relu_matches_a_plain_loop_bit_for_bit() {
    let specials = [
        f64::NAN,
        -f64::NAN,
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e-45,
        -1e-45,
        f64::MIN_POSITIVE,
        -3.5,
        2.25,
    ];
    let relu = |v: f64| if v > 0.0 { v } else { 0.0 };
    for n in [0usize, 1, 7, 8, 9, 31, 33, 1000, (1 << 17) + 3] {
        let vals: Vec<f64> = (0..n)
            .map(|i| match i % 3 {
                0 => specials[(i / 3) % specials.len()],
                _ => ((i as f64) * 0.7368).sin() * 4.0,
            })
            .collect();
        for d in [
            DType::Float16,
            DType::BFloat16,
            DType::Float32,
            DType::Float64,
        ] {
            // The reference runs on the values as the dtype holds them.
            let x = make(&vals, &[n], d);
            let held = x.to_vec::<f64>();
            let want: Vec<u64> = held.iter().map(|&v| relu(v).to_bits()).collect();
            let got: Vec<u64> = ems::relu(&x)
                .unwrap()
                .to_vec::<f64>()
                .iter()
                .map(|v| v.to_bits())
                .collect();
            assert_eq!(got, want, "relu {d:?} n={n}");
            assert_eq!(ems::relu(&x).unwrap().dtype(), d);
        }
    }
    // Strided and broadcast views.
    let vals: Vec<f64> = (0..24)
        .map(|i| (i as f64 - 11.5) * if i % 5 == 0 { -1.0 } else { 1.0 })
        .collect();
    for (view, x) in views(&vals, &[2, 3, 4], DType::Float32) {
        let held = x.to_vec::<f64>();
        let want: Vec<f64> = held.iter().map(|&v| relu(v)).collect();
        exact(
            &ems::relu(&x).unwrap().to_vec::<f64>(),
            &want,
            &format!("relu {view}"),
        );
    }
    // Integers (MindSpore's relu takes them; unsigned ones are unchanged, UInt64 above 2^63
    // included) and Bool (unchanged), each keeping its dtype.
    let i = Tensor::from_vec(vec![i8::MIN, -1, 0, 1, i8::MAX], &[5]).unwrap();
    assert_eq!(
        ems::relu(&i).unwrap().to_vec::<i8>(),
        vec![0, 0, 0, 1, i8::MAX]
    );
    let i = Tensor::from_vec(vec![i32::MIN, -7, 0, 7, i32::MAX], &[5]).unwrap();
    assert_eq!(
        ems::relu(&i).unwrap().to_vec::<i32>(),
        vec![0, 0, 0, 7, i32::MAX]
    );
    let i = Tensor::from_vec(vec![i64::MIN, -7, 0, 7, i64::MAX], &[5]).unwrap();
    assert_eq!(
        ems::relu(&i).unwrap().to_vec::<i64>(),
        vec![0, 0, 0, 7, i64::MAX]
    );
    let u = Tensor::from_vec(vec![0u8, 1, 200, 255], &[4]).unwrap();
    assert_eq!(ems::relu(&u).unwrap().to_vec::<u8>(), vec![0, 1, 200, 255]);
    let u = Tensor::from_vec(vec![0u32, 1, u32::MAX], &[3]).unwrap();
    assert_eq!(ems::relu(&u).unwrap().to_vec::<u32>(), vec![0, 1, u32::MAX]);
    let u = Tensor::from_vec(vec![0u64, 1, 1 << 63, u64::MAX], &[4]).unwrap();
    assert_eq!(
        ems::relu(&u).unwrap().to_vec::<u64>(),
        vec![0, 1, 1 << 63, u64::MAX]
    );
    let b = Tensor::from_vec(vec![true, false], &[2]).unwrap();
    let r = ems::relu(&b).unwrap();
    assert_eq!(
        (r.dtype(), r.to_vec::<bool>()),
        (DType::Bool, vec![true, false])
    );
    // Complex numbers have no order: a dtype error, as MindSpore's.
    let z = ems::cast(&make(&[1.0, -1.0], &[2], DType::Float32), DType::Complex64).unwrap();
    let e = ems::relu(&z).unwrap_err();
    assert_eq!(e.class(), ems::ErrorClass::Type, "{e}");
}

/// `abs(-0.0)` is `+0.0`, eagerly and in a compiled graph, as NumPy; its derivative at ±0 is 0.
#[test]
fn expm1_and_log1p_keep_the_digits_near_zero() {
    // Where `exp(x) - 1` and `log(1 + x)` lose every digit, both stay exact to rounding.
    for d in FLOATS {
        let x = make(&[1e-10, -3e-8, 0.0, -0.0], &[4], d);
        let e = ems::expm1(&x).unwrap().to_vec::<f64>();
        let l = ems::log1p(&x).unwrap().to_vec::<f64>();
        for (i, v) in [1e-10f64, -3e-8].iter().enumerate() {
            let rel = if d == DType::Float32 { 1e-7 } else { 1e-15 };
            assert!(
                (e[i] - v.exp_m1()).abs() <= rel * v.abs(),
                "expm1 {d:?} {v}"
            );
            assert!((l[i] - v.ln_1p()).abs() <= rel * v.abs(), "log1p {d:?} {v}");
        }
        assert!(e[3] == 0.0 && e[3].is_sign_negative() && l[3].is_sign_negative());
    }
    let edge = ems::log1p(&make(&[-1.0, -2.0, f64::INFINITY], &[3], DType::Float64)).unwrap();
    let edge = edge.to_vec::<f64>();
    assert!(edge[0] == f64::NEG_INFINITY && edge[1].is_nan() && edge[2] == f64::INFINITY);
    // Integers compute in Float32, as exp and log do.
    assert_eq!(
        ems::expm1(&make(&[1.0], &[1], DType::Int32))
            .unwrap()
            .dtype(),
        DType::Float32
    );
}

#[test]
fn abs_of_negative_zero_is_positive_zero() {
    for d in FLOATS {
        let x = make(&[-0.0, 0.0, -2.5, f64::NAN, f64::NEG_INFINITY], &[5], d);
        let eager = ems::abs(&x).unwrap().to_vec::<f64>();
        let staged = ems::jit::jit1(|x: &Tensor| ems::abs(x))(&x)
            .unwrap()
            .to_vec::<f64>();
        for v in [eager, staged] {
            assert!(
                v[0] == 0.0 && v[0].is_sign_positive(),
                "abs(-0.0) {d:?}: {v:?}"
            );
            assert!(
                v[1] == 0.0 && v[1].is_sign_positive(),
                "abs(0.0) {d:?}: {v:?}"
            );
            assert_eq!(v[2], 2.5);
            assert!(v[3].is_nan());
            assert_eq!(v[4], f64::INFINITY);
        }
    }
    let x = make(&[-0.0, 0.0, -3.0], &[3], DType::Float64);
    let g = ems::grad(|x: &Tensor| ems::sum(&ems::abs(x)?, ems::Axes::All, false))(&x).unwrap();
    exact(&g.to_vec::<f64>(), &[0.0, 0.0, -1.0], "abs'");
}

/// erfc(x) for large x from its asymptotic series,
/// e^(-x²)/(x√π) · Σₙ (-1)ⁿ (2n-1)!! / (2x²)ⁿ, summed while the terms shrink (for x ≥ 6 the
/// smallest term, where the sum stops, is below 1e-15 of it).
fn erfc_asymptotic(x: f64) -> f64 {
    let u = 1.0 / (2.0 * x * x);
    let (mut term, mut sum, mut n) = (1.0f64, 1.0f64, 1.0f64);
    loop {
        let next = -term * (2.0 * n - 1.0) * u;
        if next.abs() >= term.abs() || next.abs() < 1e-17 {
            break;
        }
        sum += next;
        term = next;
        n += 1.0;
    }
    (-x * x).exp() / (x * std::f64::consts::PI.sqrt()) * sum
}

#[test]
fn erfc_keeps_its_digits_in_both_tails() {
    // Middle: 1 - erf(x) from the series (1e-13 absolute; erfc(2.5) = 4e-4 keeps 9 digits).
    let mid: Vec<f64> = (0..=40).map(|i| -2.5 + 0.125 * i as f64).collect();
    let got = ems::erfc(&make(&mid, &[mid.len()], DType::Float64)).unwrap();
    for (x, v) in mid.iter().zip(got.to_vec::<f64>()) {
        let want = 1.0 - erf_series(*x);
        assert!(
            (v - want).abs() <= 1e-12 * want + 2e-13,
            "erfc({x}) = {v}, want {want}"
        );
    }
    // Right tail: where 1 - erf(x) is 0 in Float64, erfc keeps its relative accuracy; the left
    // tail is 2 - erfc(|x|).
    let tail = [6.0, 8.0, 10.0, 15.0, 20.0, 26.0];
    let got = ems::erfc(&make(&tail, &[tail.len()], DType::Float64)).unwrap();
    for (x, v) in tail.iter().zip(got.to_vec::<f64>()) {
        let want = erfc_asymptotic(*x);
        assert!(
            (v - want).abs() <= 1e-9 * want,
            "erfc({x}) = {v:e}, want {want:e}"
        );
    }
    let left = ems::erfc(&make(&[-6.0, -30.0], &[2], DType::Float64)).unwrap();
    exact(&left.to_vec::<f64>(), &[2.0, 2.0], "erfc left tail");
    // Float32 and Float16 compute in Float64 and round once: erfc(4) is 1.54e-8 in Float32 (where
    // 1 - erf(4) rounds to 0) and the smallest positive Float16 steps below it flush to 0.
    let at4 = ems::erfc(&make(&[4.0], &[1], DType::Float64))
        .unwrap()
        .to_vec::<f64>()[0];
    assert!(
        (at4 - 1.541_725_790_028e-8).abs() < 1e-19,
        "erfc(4) = {at4:e}"
    );
    for d in [DType::Float32, DType::Float16] {
        let v = ems::erfc(&make(
            &[4.0, 0.0, f64::INFINITY, f64::NEG_INFINITY],
            &[4],
            d,
        ))
        .unwrap();
        assert_eq!(v.dtype(), d);
        let v = v.to_vec::<f64>();
        let want = if d == DType::Float32 {
            at4 as f32 as f64
        } else {
            0.0
        };
        assert_eq!(v[0], want, "erfc(4) {d:?}");
        exact(&v[1..], &[1.0, 0.0, 2.0], "erfc specials");
    }
    // Integers are a TypeError, as MindSpore's CPU kernel (Float16/32/64 only).
    assert!(ems::erfc(&make(&[1.0], &[1], DType::Int32)).is_err());
}

#[test]
fn sigmoid_atan_and_sinh_keep_their_relative_accuracy() {
    // Float32 results against the Float64 formulas rounded once: within 2 units in the last
    // place on the whole line, including sigmoid's left tail (0.5·tanh(x/2) + 0.5 gave 0 at
    // -20) and sinh near 0 (where (e^x - e^-x)/2 cancels).
    let xs: Vec<f64> = (0..=400)
        .map(|i| -40.0 + 0.2 * i as f64)
        .chain([1e-7, -1e-6, 3e-4, 0.0])
        .collect();
    let x32 = make(&xs, &[xs.len()], DType::Float32);
    let ulps = |got: f32, want: f64| {
        let w = want as f32;
        if w == got {
            return 0.0;
        }
        ((got as f64 - w as f64) / (w.abs() * f32::EPSILON).max(f32::MIN_POSITIVE) as f64).abs()
    };
    type Case = (
        &'static str,
        fn(&Tensor) -> ems::Result<Tensor>,
        fn(f64) -> f64,
    );
    let cases: [Case; 3] = [
        ("sigmoid", |t| ems::sigmoid(t), |x| 1.0 / (1.0 + (-x).exp())),
        ("atan", |t| ems::atan(t), f64::atan),
        ("sinh", |t| ems::sinh(t), f64::sinh),
    ];
    for (name, f, reference) in cases {
        let got = f(&x32).unwrap();
        assert_eq!(got.dtype(), DType::Float32);
        for (x, v) in xs.iter().zip(got.to_vec::<f32>()) {
            let x = *x as f32 as f64;
            let want = reference(x);
            if want.is_finite() && (want as f32).is_finite() {
                assert!(ulps(v, want) <= 2.0, "{name}({x}) = {v:e}, want {want:e}");
            }
        }
    }
    // The tails: 0 where e^-x overflows Float32 (sigmoid(-100) = 3.7e-44 would be a subnormal).
    let s = ems::sigmoid(&make(&[-20.0, -100.0, -200.0, 100.0], &[4], DType::Float32)).unwrap();
    let s = s.to_vec::<f32>();
    assert!(
        (s[0] as f64 - 2.061_153_6e-9).abs() < 1e-15,
        "sigmoid(-20) = {:e}",
        s[0]
    );
    assert_eq!(&s[1..], &[0.0, 0.0, 1.0]);
    // Integers are a TypeError for atan and sinh (MindSpore's CPU kernels are float only).
    assert!(ems::atan(&make(&[1.0], &[1], DType::Int32)).is_err());
    assert!(ems::sinh(&make(&[1.0], &[1], DType::Int32)).is_err());
}

//! Elementwise binary arithmetic against Python's integer and float semantics: every dtype and
//! layout, broadcasting, division by zero and exact integer powers.

use crate::helpers::{
    close, exact, halves, ints, make, numel, tol, views, Binary, FLOATS, INTS, NUMBERS, SHAPES,
};
use easy_mindspore as ems;
use ems::{DType, Tensor};

/// Python's floor division on integers (`x // 0 == 0` here, as NumPy).
fn floordiv_i(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    (a as f64 / b as f64).floor() as i64
}

/// Python's modulo on integers: the sign of the divisor (`x % 0 == 0`, as NumPy).
fn mod_i(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    let r = a % b;
    if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    }
}

/// NumPy's `remainder` on floats (Python's `%`, with NaN for a zero divisor): the sign of the
/// divisor, a zero result signed like the divisor, NaN for an infinite or NaN dividend, and for an
/// infinite divisor the dividend itself when the signs agree, else the divisor. Finite values
/// here are small multiples of 1/2, for which `a - floor(a / b)·b` is exact.
fn mod_f(a: f64, b: f64) -> f64 {
    if b == 0.0 || !a.is_finite() || b.is_nan() {
        return f64::NAN;
    }
    let r = if b.is_infinite() {
        if a == 0.0 || (a < 0.0) == (b < 0.0) {
            a
        } else {
            b
        }
    } else {
        a - (a / b).floor() * b
    };
    if r == 0.0 {
        0f64.copysign(b)
    } else {
        r
    }
}

/// `a ** b` on integers by repeated multiplication, wrapping; negative exponents truncate to 0
/// except for bases 1 and -1.
fn pow_i(a: i64, b: i64) -> i64 {
    if b < 0 {
        return match a {
            1 => 1,
            -1 => {
                if b % 2 == 0 {
                    1
                } else {
                    -1
                }
            }
            _ => 0,
        };
    }
    (0..b).fold(1i64, |acc, _| acc.wrapping_mul(a))
}

/// The reference of a binary op in dtype `d`; integers compute in i64 (wrapping, then truncated to
/// the width: the same as wrapping in the width).
pub(crate) fn binary_ref(op: &str, a: f64, b: f64, d: DType) -> f64 {
    if d.is_float() {
        let round = |v: f64| {
            if d == DType::Float32 {
                v as f32 as f64
            } else {
                v
            }
        };
        return round(match op {
            "add" => a + b,
            "sub" => a - b,
            "mul" => a * b,
            "div" => a / b,
            "floor_divide" => (a / b).floor(),
            "remainder" => mod_f(a, b),
            "pow" => a.powf(b),
            "maximum" => {
                if a.is_nan() || b.is_nan() {
                    f64::NAN
                } else {
                    a.max(b)
                }
            }
            "minimum" => {
                if a.is_nan() || b.is_nan() {
                    f64::NAN
                } else {
                    a.min(b)
                }
            }
            _ => unreachable!(),
        });
    }
    let (x, y) = (a as i64, b as i64);
    let r = match op {
        "add" => x.wrapping_add(y),
        "sub" => x.wrapping_sub(y),
        "mul" => x.wrapping_mul(y),
        "div" => return (a / b) as f32 as f64, // true division gives Float32
        "floor_divide" => floordiv_i(x, y),
        "remainder" => mod_i(x, y),
        "pow" => pow_i(x, y),
        "maximum" => x.max(y),
        "minimum" => x.min(y),
        _ => unreachable!(),
    };
    if d == DType::Int32 {
        f64::from(r as i32)
    } else {
        r as f64
    }
}

const BINARY: [(&str, Binary); 9] = [
    ("add", |x, y| x + y),
    ("sub", |x, y| x - y),
    ("mul", |x, y| x * y),
    ("div", |x, y| x / y),
    ("floor_divide", |x, y| ems::floor_divide(x, y)),
    ("remainder", |x, y| x % y),
    ("pow", |x, y| ems::pow(x, y)),
    ("maximum", |x, y| ems::maximum(x, y)),
    ("minimum", |x, y| ems::minimum(x, y)),
];

/// Operands for a binary op in `d`: mixed signs with zeros (division by zero), small exponents
/// for `pow`, and NaN / infinities among floats.
fn operands(op: &str, n: usize, seed: u64, d: DType) -> (Vec<f64>, Vec<f64>) {
    let (mut a, b) = if op == "pow" {
        let a = if d.is_float() {
            halves(n, seed, -3, 3)
        } else {
            // No integer base 0: with a negative exponent that is an error (NumPy's), tested in
            // `integer_zero_to_a_negative_power_is_an_error`.
            let nonzero = |v: f64| if v == 0.0 { 3.0 } else { v };
            ints(n, seed, -3, 3).into_iter().map(nonzero).collect()
        };
        (a, ints(n, seed + 7, -2, 6))
    } else if d.is_float() {
        (halves(n, seed, -6, 6), halves(n, seed + 7, -3, 3))
    } else {
        (ints(n, seed, -9, 9), ints(n, seed + 7, -4, 4))
    };
    if d.is_float() && op != "pow" && n >= 5 {
        a[1] = f64::NAN;
        a[3] = f64::INFINITY;
        a[4] = f64::NEG_INFINITY;
    }
    (a, b)
}

#[test]
fn binary_arithmetic_matches_the_reference_for_each_dtype_and_layout() {
    for d in NUMBERS {
        for (seed, shape) in SHAPES.iter().enumerate() {
            let n = numel(shape);
            for (op, f) in BINARY {
                let (a, b) = operands(op, n, seed as u64 * 31 + 5, d);
                let want: Vec<f64> = a
                    .iter()
                    .zip(&b)
                    .map(|(&x, &y)| binary_ref(op, x, y, d))
                    .collect();
                let out_dtype = if op == "div" { d.to_float() } else { d };
                let (va, vb) = (views(&a, shape, d), views(&b, shape, d));
                // Every layout of `a` against every layout of `b` (rotated, so that different
                // layouts meet), plus each against contiguous.
                for (i, (na, xa)) in va.iter().enumerate() {
                    for (nb, xb) in [&vb[(i + 1) % vb.len()], &vb[0]] {
                        let what = format!("{op} {d:?} {shape:?} {na} with {nb}");
                        let y = f(xa, xb).unwrap();
                        assert_eq!(y.dims(), *shape, "{what}");
                        assert_eq!(y.dtype(), out_dtype, "{what}");
                        let (rel, abs) = if op == "pow" && d.is_float() {
                            tol(d)
                        } else {
                            (0.0, 0.0)
                        };
                        close(&y.to_vec::<f64>(), &want, rel, abs, &what);
                    }
                }
            }
        }
    }
}

#[test]
fn binary_arithmetic_broadcasts_views_and_scalars() {
    // [3, 11] against a [1, 11] row broadcast explicitly, a [11] row broadcast implicitly, a
    // [3, 1] column, a 0-D tensor and a literal scalar.
    let (m, n) = (3, 11);
    for d in NUMBERS {
        for (op, f) in BINARY {
            let (a, _) = operands(op, m * n, 11, d);
            let (_, row) = operands(op, n, 12, d);
            let (_, col) = operands(op, m, 13, d);
            let out_dtype = if op == "div" { d.to_float() } else { d };
            let x = make(&a, &[m, n], d);
            let expect = |rhs: &dyn Fn(usize, usize) -> f64, y: Tensor, what: &str| {
                let want: Vec<f64> = (0..m * n)
                    .map(|k| binary_ref(op, a[k], rhs(k / n, k % n), d))
                    .collect();
                assert_eq!(y.dims(), &[m, n], "{what}");
                assert_eq!(y.dtype(), out_dtype, "{what}");
                let (rel, abs) = if op == "pow" && d.is_float() {
                    tol(d)
                } else {
                    (0.0, 0.0)
                };
                close(&y.to_vec::<f64>(), &want, rel, abs, what);
            };
            let r1 = ems::broadcast_to(&make(&row, &[1, n], d), &[m, n]).unwrap();
            expect(
                &|_, j| row[j],
                f(&x, &r1).unwrap(),
                &format!("{op} {d:?} broadcast_to row"),
            );
            let r2 = make(&row, &[n], d);
            expect(
                &|_, j| row[j],
                f(&x, &r2).unwrap(),
                &format!("{op} {d:?} implicit row"),
            );
            let c = make(&col, &[m, 1], d);
            expect(
                &|i, _| col[i],
                f(&x, &c).unwrap(),
                &format!("{op} {d:?} column"),
            );
            let s = make(&col[..1], &[], d);
            expect(
                &|_, _| col[0],
                f(&x, &s).unwrap(),
                &format!("{op} {d:?} 0-D"),
            );
            // A broadcast view on the left too: row ⊙ x (not for integer powers: the row, drawn
            // as exponents, holds zeros, and 0 ** negative is an error).
            if op == "pow" && !d.is_float() {
                continue;
            }
            let want: Vec<f64> = (0..m * n)
                .map(|k| binary_ref(op, row[k % n], a[k], d))
                .collect();
            let y = f(&r1, &x).unwrap();
            let (rel, abs) = if op == "pow" && d.is_float() {
                tol(d)
            } else {
                (0.0, 0.0)
            };
            close(
                &y.to_vec::<f64>(),
                &want,
                rel,
                abs,
                &format!("{op} {d:?} row on the left"),
            );
        }
        // Literal scalars are weak: the tensor's dtype wins.
        let x = make(&[-7.0, 7.0, 0.0], &[3], d);
        let y = (&x % 3).unwrap();
        assert_eq!(y.dtype(), d);
        exact(&y.to_vec::<f64>(), &[2.0, 1.0, 0.0], &format!("{d:?} % 3"));
        let y = ems::floor_divide(&x, -2).unwrap();
        exact(
            &y.to_vec::<f64>(),
            &[3.0, -4.0, -0.0],
            &format!("{d:?} // -2"),
        );
    }
}

#[test]
fn integer_division_by_zero_gives_zero_and_float_division_gives_inf_or_nan() {
    for d in INTS {
        let a = make(&[7.0, -7.0, 0.0], &[3], d);
        let z = make(&[0.0, 0.0, 0.0], &[3], d);
        exact(
            &ems::floor_divide(&a, &z).unwrap().to_vec::<f64>(),
            &[0.0; 3],
            "int // 0",
        );
        exact(&(&a % &z).unwrap().to_vec::<f64>(), &[0.0; 3], "int % 0");
        // True division of integers is Float32 division.
        let q = (&a / &z).unwrap();
        assert_eq!(q.dtype(), DType::Float32);
        close(
            &q.to_vec::<f64>(),
            &[f64::INFINITY, f64::NEG_INFINITY, f64::NAN],
            0.0,
            0.0,
            "int / 0",
        );
    }
    for d in FLOATS {
        let a = make(&[7.0, -7.0, 0.0], &[3], d);
        let z = make(&[0.0, 0.0, 0.0], &[3], d);
        let inf = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN];
        close(
            &(&a / &z).unwrap().to_vec::<f64>(),
            &inf,
            0.0,
            0.0,
            "float / 0",
        );
        close(
            &ems::floor_divide(&a, &z).unwrap().to_vec::<f64>(),
            &inf,
            0.0,
            0.0,
            "float // 0",
        );
        close(
            &(&a % &z).unwrap().to_vec::<f64>(),
            &[f64::NAN; 3],
            0.0,
            0.0,
            "float % 0",
        );
    }
    // The one overflowing quotient wraps (NumPy), and its remainder is 0.
    let m = Tensor::from_vec(vec![i32::MIN, i32::MIN], &[2]).unwrap();
    let neg1 = Tensor::from_vec(vec![-1i32, 1], &[2]).unwrap();
    assert_eq!(
        ems::floor_divide(&m, &neg1).unwrap().to_vec::<i32>(),
        vec![i32::MIN, i32::MIN]
    );
    assert_eq!((&m % &neg1).unwrap().to_vec::<i32>(), vec![0, 0]);
    let m = Tensor::from_vec(vec![i64::MIN], &[1]).unwrap();
    assert_eq!(
        ems::floor_divide(&m, -1).unwrap().to_vec::<i64>(),
        vec![i64::MIN]
    );
}

#[test]
fn integer_powers_are_exact_and_wrap() {
    let base = Tensor::from_vec(vec![2i32, 3, -2, 5, 0, 1, -1, 2], &[8]).unwrap();
    let expo = Tensor::from_vec(vec![3i32, 4, 3, 0, 0, -5, -3, 31], &[8]).unwrap();
    assert_eq!(
        ems::pow(&base, &expo).unwrap().to_vec::<i32>(),
        vec![8, 81, -8, 1, 1, 1, -1, i32::MIN]
    );
    assert_eq!(
        ems::pow(&base, 2).unwrap().to_vec::<i32>(),
        vec![4, 9, 4, 25, 0, 1, 1, 4]
    );
    // Exponents past u32 for Int64: 3^(2^32 + 1) mod 2^64 by square-and-multiply in u128.
    let e: i64 = (1 << 32) + 1;
    let mut want: u128 = 1;
    let (mut b, mut k) = (3u128, e as u128);
    while k > 0 {
        if k & 1 == 1 {
            want = (want * b) % (1 << 64);
        }
        b = (b * b) % (1 << 64);
        k >>= 1;
    }
    let x = Tensor::from_vec(vec![3i64, 2], &[2]).unwrap();
    assert_eq!(
        ems::pow(&x, e).unwrap().to_vec::<i64>(),
        vec![want as u64 as i64, 0]
    );
}

/// MindSpore 2.10's CPU kernel truncates integer powers with negative exponents (0 for |x| > 1,
/// ±1 for x = ±1), which is followed; for base 0 it returns the integer minimum, so there NumPy's
/// rule applies: an error (a Python ValueError).
#[test]
fn integer_zero_to_a_negative_power_is_an_error() {
    for d in INTS {
        let x = make(&[2.0, -2.0, 1.0, -1.0, -1.0, 0.0], &[6], d);
        let e = make(&[-1.0, -1.0, -3.0, -3.0, -2.0, 2.0], &[6], d);
        exact(
            &ems::pow(&x, &e).unwrap().to_vec::<f64>(),
            &[0.0, 0.0, 1.0, -1.0, 1.0, 0.0],
            &format!("{d:?} negative powers"),
        );
        let zero = make(&[3.0, 0.0], &[2], d);
        for y in [make(&[1.0, -1.0], &[2], d), make(&[-2.0], &[], d)] {
            match ems::pow(&zero, &y) {
                Err(ems::Error::InvalidArgument { op: "Pow", msg }) => {
                    assert!(msg.contains("negative integer powers"), "{msg}")
                }
                other => panic!("{d:?}: expected an error, got {other:?}"),
            }
        }
        let e = zero.pow(-1).unwrap_err();
        assert_eq!(e.class(), ems::ErrorClass::Value);
        // Base 0 with exponents >= 0, and negative exponents elsewhere, are fine.
        exact(
            &ems::pow(&zero, 0).unwrap().to_vec::<f64>(),
            &[1.0, 1.0],
            "0 ** 0",
        );
        let y = make(&[-1.0, 3.0], &[2], d);
        exact(
            &ems::pow(&zero, &y).unwrap().to_vec::<f64>(),
            &[0.0, 0.0],
            "3 ** -1, 0 ** 3",
        );
    }
}

/// The remainder is NumPy's: exact at large magnitudes (from `fmod`, not `x - floor(x/y)·y`),
/// signed like the divisor, including zeros, infinities and NaN.
#[test]
fn float_remainder_matches_numpy_at_large_magnitudes_and_special_values() {
    // Values from NumPy 2 (np.remainder), Float64.
    let cases: [(f64, f64, f64); 14] = [
        (1e30, 7.0, 5.0),
        (-1e30, 7.0, 2.0),
        (1e300, 3.0, 0.0),
        (1.0, 0.1, 0.09999999999999995),
        (-1.0, 0.1, 5.551115123125783e-17),
        (5.5, -2.0, -0.5),
        (-0.0, 3.0, 0.0),
        (0.0, -3.0, -0.0),
        (6.0, -3.0, -0.0),
        (1.0, f64::INFINITY, 1.0),
        (-1.0, f64::INFINITY, f64::INFINITY),
        (1.0, f64::NEG_INFINITY, f64::NEG_INFINITY),
        (f64::INFINITY, 2.0, f64::NAN),
        (f64::NAN, 2.0, f64::NAN),
    ];
    let (a, b): (Vec<f64>, Vec<f64>) = cases.iter().map(|c| (c.0, c.1)).unzip();
    let got = (&make(&a, &[14], DType::Float64) % &make(&b, &[14], DType::Float64))
        .unwrap()
        .to_vec::<f64>();
    for ((x, y, want), g) in cases.iter().zip(&got) {
        let same = g.to_bits() == want.to_bits() || (g.is_nan() && want.is_nan());
        assert!(same, "{x} % {y} = {g}, NumPy gives {want}");
    }
    // Float32: NumPy's float32 results.
    let a = [1e30f32, 1.0, -1.0, 16777216.0];
    let b = [7.0f32, 0.1, 0.1, -3.0];
    let want = [1.0f32, 0.099_999_99, 1.490_116_1e-8, -2.0];
    let x = Tensor::from_vec(a.to_vec(), &[4]).unwrap();
    let y = Tensor::from_vec(b.to_vec(), &[4]).unwrap();
    assert_eq!((&x % &y).unwrap().to_vec::<f32>(), want);
}

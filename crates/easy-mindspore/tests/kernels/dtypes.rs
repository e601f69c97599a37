//! The storage dtypes (Float16, BFloat16, Int8, Int16, UInt8, UInt16, UInt32, UInt64) against
//! references computed here in f64 and i128: the engine computes them in Float32, Int32 or Int64
//! and converts back, so every result must equal the exact value rounded (floats) or wrapped
//! (integers) to the dtype. Also the cast matrix over every pair of dtypes and the promotion table.

use crate::helpers::views;
use easy_mindspore as ems;
use ems::{DType, Tensor};
use half::{bf16, f16};
use DType::*;

/// An element read back exactly: integers (UInt64 included) as i128, floats as f64, Bool as 0/1.
#[derive(Clone, Copy, Debug)]
enum V {
    I(i128),
    F(f64),
}

impl PartialEq for V {
    /// Floats compare bitwise-equal or both NaN (so `-0.0` differs from `0.0`).
    fn eq(&self, o: &V) -> bool {
        match (*self, *o) {
            (V::I(a), V::I(b)) => a == b,
            (V::F(a), V::F(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            _ => false,
        }
    }
}

/// The elements of `t`, exactly.
fn read(t: &Tensor) -> Vec<V> {
    fn ints<T: Copy + Into<i128> + ems::dtype::Element>(t: &Tensor) -> Vec<V> {
        t.to_vec::<T>()
            .into_iter()
            .map(|x| V::I(x.into()))
            .collect()
    }
    match t.dtype() {
        Bool => t
            .to_vec::<bool>()
            .into_iter()
            .map(|b| V::I(b.into()))
            .collect(),
        Int8 => ints::<i8>(t),
        Int16 => ints::<i16>(t),
        Int32 => ints::<i32>(t),
        Int64 => ints::<i64>(t),
        UInt8 => ints::<u8>(t),
        UInt16 => ints::<u16>(t),
        UInt32 => ints::<u32>(t),
        UInt64 => ints::<u64>(t),
        Float16 => t
            .to_vec::<f16>()
            .into_iter()
            .map(|x| V::F(x.to_f64()))
            .collect(),
        BFloat16 => t
            .to_vec::<bf16>()
            .into_iter()
            .map(|x| V::F(x.to_f64()))
            .collect(),
        Float32 => t
            .to_vec::<f32>()
            .into_iter()
            .map(|x| V::F(x.into()))
            .collect(),
        Float64 => t.to_vec::<f64>().into_iter().map(V::F).collect(),
        Complex64 | Complex128 => panic!("complex values are read in tests/kernels/complex.rs"),
    }
}

/// A tensor of `dtype` holding exactly the given values (which it must hold).
fn tensor(vals: &[V], shape: &[usize], dtype: DType) -> Tensor {
    fn from<T: ems::dtype::Element>(v: Vec<T>, shape: &[usize]) -> Tensor {
        Tensor::from_vec(v, shape).unwrap()
    }
    let i = |v: &V| match *v {
        V::I(i) => i,
        V::F(f) => f as i128,
    };
    let f = |v: &V| match *v {
        V::I(i) => i as f64,
        V::F(f) => f,
    };
    let t = match dtype {
        Bool => from(vals.iter().map(|v| i(v) != 0).collect(), shape),
        Int8 => from(vals.iter().map(|v| i(v) as i8).collect(), shape),
        Int16 => from(vals.iter().map(|v| i(v) as i16).collect(), shape),
        Int32 => from(vals.iter().map(|v| i(v) as i32).collect(), shape),
        Int64 => from(vals.iter().map(|v| i(v) as i64).collect(), shape),
        UInt8 => from(vals.iter().map(|v| i(v) as u8).collect(), shape),
        UInt16 => from(vals.iter().map(|v| i(v) as u16).collect(), shape),
        UInt32 => from(vals.iter().map(|v| i(v) as u32).collect(), shape),
        UInt64 => from(vals.iter().map(|v| i(v) as u64).collect(), shape),
        Float16 => from(vals.iter().map(|v| f16::from_f64(f(v))).collect(), shape),
        BFloat16 => from(vals.iter().map(|v| bf16::from_f64(f(v))).collect(), shape),
        Float32 => from(vals.iter().map(|v| f(v) as f32).collect(), shape),
        Float64 => from(vals.iter().map(f).collect(), shape),
        Complex64 | Complex128 => panic!("complex values are made in tests/kernels/complex.rs"),
    };
    assert_eq!(read(&t), vals, "{dtype} cannot hold the test values");
    t
}

/// `v` wrapped to the integer dtype `d` (two's complement, as NumPy's wrapping arithmetic).
fn wrap(v: i128, d: DType) -> i128 {
    let bits = d.size_in_bytes() as u32 * 8;
    let m = v.rem_euclid(1i128 << bits);
    let signed = matches!(d, Int8 | Int16 | Int32 | Int64);
    if signed && m >= 1i128 << (bits - 1) {
        m - (1i128 << bits)
    } else {
        m
    }
}

/// `v` rounded to the float dtype `d` (to nearest, once, from f64).
fn round(v: f64, d: DType) -> f64 {
    match d {
        Float16 => f16::from_f64(v).to_f64(),
        BFloat16 => bf16::from_f64(v).to_f64(),
        Float32 => f64::from(v as f32),
        _ => v,
    }
}

const SMALL_INTS: [DType; 6] = [Int8, Int16, UInt8, UInt16, UInt32, UInt64];
const HALVES: [DType; 2] = [Float16, BFloat16];

/// The smallest and largest value of an integer dtype.
fn range(d: DType) -> (i128, i128) {
    let bits = d.size_in_bytes() as u32 * 8;
    if d.is_unsigned() {
        (0, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    }
}

/// Values of an integer dtype: both ends, around zero, and a spread between.
fn int_values(d: DType) -> Vec<V> {
    let (lo, hi) = range(d);
    let mut v = vec![lo, lo + 1, hi - 1, hi, 0, 1, 2, 3, 7, hi / 3, hi / 2 + 1];
    if lo < 0 {
        v.extend([-1, -2, -7, lo / 3]);
    }
    v.into_iter().map(V::I).collect()
}

#[test]
fn integer_arithmetic_wraps_as_native_wrapping_arithmetic() {
    for d in SMALL_INTS {
        let vals = int_values(d);
        let n = vals.len();
        // Every pair: x[i] ⊙ y[j] over an n×n grid.
        let xs: Vec<V> = (0..n * n).map(|k| vals[k / n]).collect();
        let ys: Vec<V> = (0..n * n).map(|k| vals[k % n]).collect();
        let (x, y) = (tensor(&xs, &[n, n], d), tensor(&ys, &[n, n], d));
        let i = |v: &V| match *v {
            V::I(i) => i,
            V::F(_) => unreachable!(),
        };
        let floor_div = |a: i128, b: i128| {
            if b == 0 {
                0
            } else {
                a.div_euclid(b) - i128::from(b < 0 && a.rem_euclid(b) != 0)
            }
        };
        type Case<'a> = (&'a str, ems::Result<Tensor>, fn(i128, i128) -> i128);
        let mut cases: Vec<Case> = vec![
            ("add", &x + &y, |a, b| a + b),
            ("sub", &x - &y, |a, b| a - b),
            ("mul", &x * &y, |a, b| a.wrapping_mul(b)),
        ];
        // UInt64 computes in Int64 (order through a flipped sign bit); its division and remainder
        // run in u64 itself, so every op is exact for values >= 2^63 too.
        cases.push(("maximum", ems::maximum(&x, &y), |a, b| a.max(b)));
        cases.push(("minimum", ems::minimum(&x, &y), |a, b| a.min(b)));
        for (what, got, f) in cases {
            let got = got.unwrap();
            assert_eq!(got.dtype(), d, "{what} {d}");
            let want: Vec<V> = xs
                .iter()
                .zip(&ys)
                .map(|(a, b)| V::I(wrap(f(i(a), i(b)), d)))
                .collect();
            assert_eq!(read(&got), want, "{what} {d}");
        }
        let got = ems::floor_divide(&x, &y).unwrap();
        let want: Vec<V> = xs
            .iter()
            .zip(&ys)
            .map(|(a, b)| V::I(wrap(floor_div(i(a), i(b)), d)))
            .collect();
        assert_eq!(read(&got), want, "floor_divide {d}");
        if d == UInt64 {
            let rem = |a: i128, b: i128| if b == 0 { 0 } else { a % b };
            let want: Vec<V> = xs
                .iter()
                .zip(&ys)
                .map(|(a, b)| V::I(rem(i(a), i(b))))
                .collect();
            assert_eq!(
                read(&ems::remainder(&x, &y).unwrap()),
                want,
                "remainder {d}"
            );
            assert_eq!(read(&ems::abs(&x).unwrap()), xs, "abs {d}");
        }
        for (what, got, f) in [
            (
                "less",
                ems::less(&x, &y),
                (|a, b| a < b) as fn(i128, i128) -> bool,
            ),
            ("greater_equal", ems::greater_equal(&x, &y), |a, b| a >= b),
        ] {
            let lt = got.unwrap();
            let want: Vec<V> = xs
                .iter()
                .zip(&ys)
                .map(|(a, b)| V::I(f(i(a), i(b)).into()))
                .collect();
            assert_eq!(read(&lt), want, "{what} {d}");
        }
        let neg = ems::neg(&x).unwrap();
        let want: Vec<V> = xs.iter().map(|a| V::I(wrap(-i(a), d))).collect();
        assert_eq!(read(&neg), want, "neg {d}");
        let eq = ems::equal(&x, &y).unwrap();
        let want: Vec<V> = xs
            .iter()
            .zip(&ys)
            .map(|(a, b)| V::I((i(a) == i(b)).into()))
            .collect();
        assert_eq!(read(&eq), want, "equal {d}");
    }
}

#[test]
fn half_float_arithmetic_is_the_exact_result_rounded_once() {
    // Multiples of 1/8 up to 64: every sum, difference and product of two is exact in Float32,
    // so the engine's f32 computation rounded to the dtype equals the f64 value rounded.
    let raw: Vec<f64> = (0..42).map(|k| (k as f64 - 20.0) * 1.625).collect();
    for d in HALVES {
        let xs: Vec<V> = raw.iter().map(|&v| V::F(round(v, d))).collect();
        let ys: Vec<V> = raw
            .iter()
            .rev()
            .map(|&v| V::F(round(v * 0.75, d)))
            .collect();
        let shape = [6, 7];
        let f = |v: &V| match *v {
            V::F(f) => f,
            V::I(_) => unreachable!(),
        };
        let fx: Vec<f64> = xs.iter().map(f).collect();
        for (name, x) in views(&fx, &shape, d) {
            let y = tensor(&ys, &shape, d);
            type Case<'a> = (&'a str, ems::Result<Tensor>, fn(f64, f64) -> f64);
            let cases: Vec<Case> = vec![
                ("add", &x + &y, |a, b| a + b),
                ("sub", &x - &y, |a, b| a - b),
                ("mul", &x * &y, |a, b| a * b),
                ("div", &x / &y, |a, b| a / b),
                ("maximum", ems::maximum(&x, &y), f64::max),
            ];
            for (what, got, op) in cases {
                let got = got.unwrap();
                assert_eq!(got.dtype(), d, "{what} {d} {name}");
                let want: Vec<V> = fx
                    .iter()
                    .zip(&ys)
                    .map(|(&a, b)| V::F(round(op(a, f(b)), d)))
                    .collect();
                // Division is rounded twice (to f32, then to the dtype); compare within one unit
                // in the last place of the dtype there.
                if what == "div" {
                    for (g, w) in read(&got).iter().zip(&want) {
                        let (g, w) = (f(g), f(w));
                        if g == w || (g.is_nan() && w.is_nan()) {
                            continue;
                        }
                        assert!(
                            (g - w).abs() <= w.abs() * 2f64.powi(-7),
                            "div {d}: {g} vs {w}"
                        );
                    }
                } else {
                    assert_eq!(read(&got), want, "{what} {d} {name}");
                }
            }
            // Transcendental unary ops within the dtype's precision of the f64 value.
            let exp = (&x * 0.0625).unwrap().exp().unwrap();
            assert_eq!(exp.dtype(), d);
            for (g, a) in read(&exp).iter().zip(&fx) {
                let w = (round(a * 0.0625, d)).exp();
                assert!(
                    (f(g) - w).abs() <= w * 2f64.powi(-7),
                    "exp {d}: {g:?} vs {w}"
                );
            }
            let abs = ems::abs(&x).unwrap();
            let want: Vec<V> = fx.iter().map(|a| V::F(a.abs())).collect();
            assert_eq!(read(&abs), want, "abs {d} {name}");
        }
    }
}

#[test]
fn reductions_of_storage_dtypes() {
    // Sum of ints is Int64 (MindSpore's rule) except UInt64's, which stays UInt64 modulo 2^64
    // (NumPy's answer), of halves stays the dtype; mean truncates ints; max and argmax see the
    // stored values.
    for d in SMALL_INTS {
        let (lo, hi) = range(d);
        let vals: Vec<V> = [lo, hi, 0, 5, hi - 3, lo + 9].map(V::I).to_vec();
        let x = tensor(&vals, &[2, 3], d);
        let s = x.sum().unwrap();
        let to = if d == UInt64 { UInt64 } else { Int64 };
        assert_eq!(s.dtype(), to, "sum {d}");
        let total: i128 = [lo, hi, 0, 5, hi - 3, lo + 9].iter().sum();
        assert_eq!(read(&s), [V::I(wrap(total, to))], "sum {d}");
        let s1 = ems::sum(&x, 1, false).unwrap();
        assert_eq!(
            read(&s1),
            [V::I(wrap(lo + hi, to)), V::I(wrap(hi - 3 + lo + 9 + 5, to))],
            "sum axis 1 {d}"
        );
        let m = ems::max(&x, 1, false).unwrap();
        assert_eq!(m.dtype(), d);
        assert_eq!(read(&m), [V::I(hi), V::I(hi - 3)], "max {d}");
        let mn = ems::min(&x, ems::Axes::All, false).unwrap();
        assert_eq!(read(&mn), [V::I(lo)], "min {d}");
        let am = ems::argmax(&x, Some(1), false).unwrap();
        assert_eq!(am.to_vec::<i64>(), [1, 1], "argmax {d}");
        // Integer means divide in Float32 and truncate (exact for these small values).
        let small = tensor(&[4, 9, 5, 100, 0, 3].map(V::I), &[2, 3], d);
        let mean = ems::mean(&small, 1, false).unwrap();
        assert_eq!(mean.dtype(), d, "mean {d}");
        assert_eq!(read(&mean), [V::I(6), V::I(34)], "mean {d}");
    }
    for d in HALVES {
        // 2000 ones: a Float16 running sum would stop at 2048 - 1 steps of 1 near there; the
        // Float32 accumulator is exact.
        let x = tensor(&vec![V::F(1.0); 2000], &[2000], d);
        let s = x.sum().unwrap();
        assert_eq!(s.dtype(), d);
        assert_eq!(read(&s), [V::F(round(2000.0, d))], "sum {d}");
        let m = ems::mean(&x, ems::Axes::All, false).unwrap();
        assert_eq!((m.dtype(), read(&m)), (d, vec![V::F(1.0)]), "mean {d}");
        let vals: Vec<V> = [-1.5, 7.25, 7.25, -60.0].map(V::F).to_vec();
        let y = tensor(&vals, &[4], d);
        assert_eq!(
            read(&ems::max(&y, ems::Axes::All, false).unwrap()),
            [V::F(7.25)]
        );
        assert_eq!(ems::argmax(&y, None, false).unwrap().to_vec::<i64>(), [1]);
        let c = ems::cumsum(&y, 0).unwrap();
        assert_eq!(read(&c), [-1.5, 5.75, 13.0, -47.0].map(V::F), "cumsum {d}");
    }
}

#[test]
fn float16_matmul_accumulates_in_float32() {
    // Entries k/4 for small k: every product and partial sum is exact in Float32, so the result is
    // the exact product rounded once to Float16.
    for (m, k, n) in [(1, 1, 1), (3, 5, 2), (7, 9, 4), (0, 3, 2), (4, 0, 3)] {
        let a: Vec<f64> = (0..m * k)
            .map(|i| ((i * 7 % 11) as f64 - 5.0) / 4.0)
            .collect();
        let b: Vec<f64> = (0..k * n)
            .map(|i| ((i * 5 % 13) as f64 - 6.0) / 4.0)
            .collect();
        let at = tensor(
            &a.iter().map(|&v| V::F(v)).collect::<Vec<_>>(),
            &[m, k],
            Float16,
        );
        let bt = tensor(
            &b.iter().map(|&v| V::F(v)).collect::<Vec<_>>(),
            &[k, n],
            Float16,
        );
        let c = ems::matmul(&at, &bt).unwrap();
        assert_eq!(c.dtype(), Float16);
        let want: Vec<V> = (0..m * n)
            .map(|ij| {
                let (i, j) = (ij / n, ij % n);
                let s = (0..k).fold(0.0, |s, p| s + a[i * k + p] * b[p * n + j]);
                V::F(round(s, Float16))
            })
            .collect();
        assert_eq!(read(&c), want, "matmul {m}x{k}x{n}");
    }
}

/// What casting `v` (a value of `from`) to `to` gives: see `elementwise::float_to_int`.
fn cast_ref(v: V, to: DType) -> V {
    match (v, to) {
        (V::I(i), Bool) => V::I((i != 0).into()),
        (V::F(f), Bool) => V::I((f != 0.0).into()),
        (V::I(i), _) if to.is_float() => V::F(round(i as f64, to)),
        (V::F(f), _) if to.is_float() => V::F(round(f, to)),
        (V::I(i), _) => V::I(wrap(i, to)),
        (V::F(f), _) => {
            // x86-64: the conversion to Int32 (for the narrower ints and Int32) or Int64 (for the
            // others) gives the minimum for NaN and out-of-range values; UInt64 converts
            // [2^63, 2^64) directly.
            let narrow = matches!(to, Int8 | Int16 | Int32 | UInt8 | UInt16);
            let (lo, hi) = if narrow {
                (-(2f64.powi(31)), 2f64.powi(31))
            } else {
                (-(2f64.powi(63)), 2f64.powi(63))
            };
            let t = f.trunc();
            let in_range =
                (t >= lo && t < hi) || (to == UInt64 && t >= 2f64.powi(63) && t < 2f64.powi(64));
            let raw = if in_range {
                t as i128
            } else if narrow {
                -(1i128 << 31)
            } else {
                -(1i128 << 63)
            };
            V::I(wrap(raw, to))
        }
    }
}

#[test]
fn cast_matrix_over_every_pair_of_dtypes() {
    let floats = [
        0.0,
        -0.0,
        1.5,
        -2.75,
        255.5,
        -128.5,
        300.25,
        -40000.0,
        65504.0,
        1e9,
        -3e9,
        5e18,
        1e19,
        -1e20,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    // The complex dtypes' casts are checked in `complex.rs`.
    let real = DType::ALL.into_iter().filter(|d| !d.is_complex());
    for from in real.clone() {
        let vals: Vec<V> = match from {
            Bool => vec![V::I(0), V::I(1)],
            d if d.is_float() => floats.iter().map(|&f| V::F(round(f, d))).collect(),
            d => {
                let mut v = int_values(d);
                v.extend(
                    [V::I(200), V::I(255), V::I(256)]
                        .into_iter()
                        .filter(|x| matches!(x, V::I(i) if *i <= range(d).1)),
                );
                v
            }
        };
        let x = tensor(&vals, &[vals.len()], from);
        for to in real.clone() {
            let got = ems::cast(&x, to).unwrap();
            assert_eq!(got.dtype(), to);
            let want: Vec<V> = vals.iter().map(|&v| cast_ref(v, to)).collect();
            let got = read(&got);
            for ((g, w), v) in got.iter().zip(&want).zip(&vals) {
                assert_eq!(g, w, "cast {v:?} from {from} to {to}");
            }
        }
    }
}

#[test]
fn promotion_table() {
    let p = DType::promote;
    // (a, b, a ⊙ b), checked both ways round.
    let table = [
        (Float16, Float32, Float32),
        (Float16, Float64, Float64),
        (BFloat16, Float32, Float32),
        (Float16, BFloat16, Float32),
        (Int8, Int16, Int16),
        (UInt8, Int8, Int16),
        (UInt8, Int16, Int16),
        (UInt8, Int32, Int32),
        (UInt16, Int8, Int32),
        (UInt32, Int32, Int64),
        (UInt64, Int8, Float64),
        (UInt8, UInt16, UInt16),
        (UInt8, UInt64, UInt64),
        (Bool, Int8, Int8),
        (Bool, UInt8, UInt8),
        (Bool, Float16, Float16),
        (Int64, Float16, Float16),
        (Int32, BFloat16, BFloat16),
        (UInt8, Float16, Float16),
        (Int32, Float32, Float32),
        (Int64, Int32, Int64),
        (Bool, Bool, Bool),
    ];
    for (a, b, c) in table {
        assert_eq!(p(a, b), c, "{a} + {b}");
        assert_eq!(p(b, a), c, "{b} + {a}");
    }
    for d in DType::ALL {
        assert_eq!(p(d, d), d);
        assert_eq!(p(Bool, d), d);
    }
    use ems::Scalar::{Float, Int};
    assert_eq!(Float16.promote_with_scalar(Float(0.5)), Float16);
    assert_eq!(BFloat16.promote_with_scalar(Int(3)), BFloat16);
    assert_eq!(Int8.promote_with_scalar(Int(300)), Int8);
    assert_eq!(UInt8.promote_with_scalar(Float(0.5)), Float32);
    assert_eq!(Float16.to_float(), Float16);
    assert_eq!(UInt8.to_float(), Float32);
    // Through the friendly ops: the operands are converted, the result has the promoted dtype.
    let a = tensor(&[V::I(200), V::I(3)], &[2], UInt8);
    let b = tensor(&[V::I(-100), V::I(-7)], &[2], Int8);
    let s = (&a + &b).unwrap();
    assert_eq!((s.dtype(), read(&s)), (Int16, vec![V::I(100), V::I(-4)]));
    let h = tensor(&[V::F(0.5), V::F(-2.0)], &[2], Float16);
    let q = (&h * 3.0).unwrap();
    assert_eq!(
        (q.dtype(), read(&q)),
        (Float16, vec![V::F(1.5), V::F(-6.0)])
    );
    let w = (&h + &a).unwrap();
    assert_eq!(
        (w.dtype(), read(&w)),
        (Float16, vec![V::F(200.5), V::F(1.0)])
    );
    let f = (&h + &Tensor::from_slice(&[1.0f32, 1.0])).unwrap();
    assert_eq!(f.dtype(), Float32);
}

#[test]
fn storage_dtypes_print_as_mindspore_does() {
    let tenth = round(0.1, Float16);
    let h = tensor(&[V::F(tenth), V::F(1.5), V::F(f64::NAN)], &[3], Float16);
    assert_eq!(
        h.to_string(),
        "Tensor(shape=[3], dtype=Float16, value= [ 9.9976e-02,  1.5000e+00,         nan])"
    );
    let s = tensor(&[V::F(tenth)], &[], Float16);
    assert_eq!(
        s.to_string(),
        "Tensor(shape=[], dtype=Float16, value= 0.0999756)"
    );
    let b = tensor(&[V::F(1.5), V::F(2.0)], &[2], BFloat16);
    assert_eq!(
        b.to_string(),
        "Tensor(shape=[2], dtype=BFloat16, value= [1.5,   2])"
    );
    let u = tensor(&[V::I(200), V::I(7)], &[2], UInt8);
    assert_eq!(
        u.to_string(),
        "Tensor(shape=[2], dtype=UInt8, value= [200,   7])"
    );
    let i = tensor(&[V::I(-128), V::I(5)], &[2, 1], Int8);
    assert_eq!(
        i.to_string(),
        "Tensor(shape=[2, 1], dtype=Int8, value=\n[[-128],\n [   5]])"
    );
    let big = tensor(&[V::I(u64::MAX.into())], &[], UInt64);
    assert_eq!(
        big.to_string(),
        "Tensor(shape=[], dtype=UInt64, value= 18446744073709551615)"
    );
}

#[test]
fn gradients_keep_the_storage_dtype() {
    // d/dx sum(x·x + 3x) = 2x + 3, in Float16 for a Float16 x.
    for d in HALVES {
        let x = tensor(&[V::F(0.5), V::F(-1.25), V::F(4.0)], &[3], d);
        let g = ems::grad(|x: &Tensor| ((x * x)? + (x * 3.0)?)?.sum())(&x).unwrap();
        assert_eq!(g.dtype(), d);
        assert_eq!(read(&g), [4.0, 0.5, 11.0].map(V::F), "grad {d}");
    }
}

#[test]
fn ops_outside_a_dtype_are_type_errors() {
    let u = tensor(&[V::I(1)], &[1], UInt8);
    let e = u.exp();
    // exp of an integer is a float (to_float), so it works; sqrt of Bool does not.
    assert_eq!(e.unwrap().dtype(), Float32);
    let b = Tensor::from_slice(&[true]);
    let err = ems::matmul(&b.reshape(&[1, 1]).unwrap(), &b.reshape(&[1, 1]).unwrap()).unwrap_err();
    assert_eq!(err.class(), ems::error::ErrorClass::Type, "{err}");
    let err = ems::ops::prim::random(
        &Tensor::from_slice(&[0i64, 0]),
        ems::ops::prim::Dist::Normal,
        &[2],
        Int8,
    )
    .unwrap_err();
    assert_eq!(err.class(), ems::error::ErrorClass::Type, "{err}");
    // Random draws of Float16 are Float32 draws rounded.
    ems::set_seed(3);
    let h = ems::randn(&[5], Float16).unwrap();
    ems::set_seed(3);
    let f = ems::randn(&[5], Float32).unwrap();
    assert_eq!(h.dtype(), Float16);
    assert_eq!(read(&h), read(&ems::cast(&f, Float16).unwrap()));
}

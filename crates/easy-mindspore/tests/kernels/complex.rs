//! Complex64 and Complex128 against references computed here in `num_complex::Complex<f64>`:
//! arithmetic on strided and broadcast views, reductions, matmul, casts both ways, promotion,
//! MindSpore's gradient convention, and the ops that have no complex kernel (type errors).

use easy_mindspore as ems;
use ems::dtype::{C128, C64};
use ems::error::ErrorClass;
use ems::{DType, Tensor};
use proptest::prelude::*;
use DType::*;

fn c64s(v: &[(f32, f32)]) -> Vec<C64> {
    v.iter().map(|&(re, im)| C64::new(re, im)).collect()
}

/// Elements of a complex tensor as Complex<f64>.
fn read(t: &Tensor) -> Vec<C128> {
    match t.dtype() {
        Complex64 => t
            .to_vec::<C64>()
            .iter()
            .map(|z| C128::new(z.re.into(), z.im.into()))
            .collect(),
        Complex128 => t.to_vec::<C128>(),
        d => panic!("not complex: {d}"),
    }
}

fn close(got: &[C128], want: &[C128], tol: f64) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        let scale = w.norm().max(1.0);
        assert!((g - w).norm() <= tol * scale, "got {g}, want {w}");
    }
}

fn part() -> impl Strategy<Value = f32> {
    // Values on a 1/8 grid, so sums and products are exact in f32 and the references agree.
    (-64i32..64).prop_map(|i| i as f32 / 8.0)
}

fn complex_vec(n: usize) -> impl Strategy<Value = Vec<(f32, f32)>> {
    prop::collection::vec((part(), part()), n)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn arithmetic_matches_the_reference(a in complex_vec(6), b in complex_vec(6)) {
        let (x, y) = (c64s(&a), c64s(&b));
        let tx = Tensor::from_vec(x.clone(), &[2, 3]).unwrap();
        let ty = Tensor::from_vec(y.clone(), &[2, 3]).unwrap();
        let wide = |z: &C64| C128::new(z.re.into(), z.im.into());
        let (xw, yw): (Vec<C128>, Vec<C128>) = (x.iter().map(wide).collect(), y.iter().map(wide).collect());
        let each = |f: fn(C128, C128) -> C128| -> Vec<C128> {
            xw.iter().zip(&yw).map(|(&p, &q)| f(p, q)).collect()
        };
        close(&read(&ems::add(&tx, &ty).unwrap()), &each(|p, q| p + q), 0.0);
        close(&read(&ems::sub(&tx, &ty).unwrap()), &each(|p, q| p - q), 0.0);
        close(&read(&ems::mul(&tx, &ty).unwrap()), &each(|p, q| p * q), 1e-6);
        if yw.iter().all(|q| q.norm() > 0.0) {
            close(&read(&ems::div(&tx, &ty).unwrap()), &each(|p, q| p / q), 1e-5);
        }
        close(&read(&ems::neg(&tx).unwrap()), &xw.iter().map(|&p| -p).collect::<Vec<_>>(), 0.0);
        // A transposed (strided) operand and a broadcast row.
        let t_t = tx.permute(&[1, 0]).unwrap();
        let want: Vec<C128> = (0..6).map(|i| xw[(i % 2) * 3 + i / 2]).collect();
        close(&read(&ems::add(&t_t, 0.0).unwrap()), &want, 0.0);
        let row = ems::ops::prim::slice(&ty, &[0, 0], &[1, 3], &[1, 1]).unwrap();
        let want: Vec<C128> = (0..6).map(|i| xw[i] * yw[i % 3]).collect();
        close(&read(&ems::mul(&tx, &row).unwrap()), &want, 1e-6);
        // Sums over each axis and all of them.
        let s0 = tx.sum_axis(0, false).unwrap();
        close(&read(&s0), &(0..3).map(|j| xw[j] + xw[3 + j]).collect::<Vec<_>>(), 0.0);
        let s1 = tx.sum_axis(1, true).unwrap();
        assert_eq!(s1.dims(), &[2, 1]);
        close(&read(&s1), &[xw[0] + xw[1] + xw[2], xw[3] + xw[4] + xw[5]], 0.0);
        let all: C128 = xw.iter().sum();
        close(&read(&tx.sum().unwrap()), &[all], 0.0);
        close(&read(&tx.mean().unwrap()), &[all / 6.0], 1e-6);
        // Equality: both parts.
        let eq = ems::equal(&tx, &ty).unwrap().to_vec::<bool>();
        prop_assert_eq!(eq, each(|p, q| C128::new(f64::from(u8::from(p == q)), 0.0))
            .iter().map(|z| z.re == 1.0).collect::<Vec<_>>());
    }

    #[test]
    fn matmul_matches_the_triple_loop(a in complex_vec(6), b in complex_vec(12)) {
        let x = Tensor::from_vec(c64s(&a), &[2, 3]).unwrap();
        let y = Tensor::from_vec(c64s(&b), &[3, 4]).unwrap();
        let (xw, yw) = (read(&x), read(&y));
        let mut want = vec![C128::new(0.0, 0.0); 8];
        for i in 0..2 {
            for j in 0..4 {
                for k in 0..3 {
                    want[i * 4 + j] += xw[i * 3 + k] * yw[k * 4 + j];
                }
            }
        }
        close(&read(&ems::matmul(&x, &y).unwrap()), &want, 1e-6);
        // Complex128 too, through a transposed view.
        let x2 = ems::cast(&x, Complex128).unwrap();
        let yt = ems::cast(&y, Complex128).unwrap().permute(&[1, 0]).unwrap();
        let yt = yt.permute(&[1, 0]).unwrap();
        close(&read(&ems::matmul(&x2, &yt).unwrap()), &want, 1e-12);
    }
}

#[test]
fn transcendental_functions_are_the_principal_branch() {
    let z = [
        C128::new(1.0, 2.0),
        C128::new(-3.0, 0.5),
        C128::new(0.25, -1.0),
    ];
    let t = Tensor::from_vec(z.to_vec(), &[3]).unwrap();
    let each = |f: fn(C128) -> C128| z.iter().map(|&p| f(p)).collect::<Vec<_>>();
    close(&read(&t.exp().unwrap()), &each(|p| p.exp()), 1e-14);
    close(&read(&t.log().unwrap()), &each(|p| p.ln()), 1e-14);
    close(&read(&t.sqrt().unwrap()), &each(|p| p.sqrt()), 1e-14);
    // |z| stays complex (MindSpore 2.10's Abs), 0 imaginary part.
    let a = t.abs().unwrap();
    assert_eq!(a.dtype(), Complex128);
    close(&read(&a), &each(|p| C128::new(p.norm(), 0.0)), 1e-15);
    // z ** 2 by multiplication, as NumPy: (1+2j)² = -3+4j exactly.
    close(&read(&t.pow(2).unwrap()), &each(|p| p * p), 0.0);
}

#[test]
fn sqrt_takes_c99s_special_values() {
    let (inf, nan) = (f64::INFINITY, f64::NAN);
    // (input, expected) as C99 Annex G and NumPy give them; NaN compares by is_nan, zeros by sign.
    let cases = [
        ((0.0, 0.0), (0.0, 0.0)),
        ((-0.0, -0.0), (0.0, -0.0)),
        ((-4.0, 0.0), (0.0, 2.0)),
        ((-4.0, -0.0), (0.0, -2.0)),
        ((1.0, inf), (inf, inf)),
        ((nan, -inf), (inf, -inf)),
        ((-inf, 1.0), (0.0, inf)),
        ((-inf, -1.0), (0.0, -inf)),
        ((inf, -1.0), (inf, -0.0)),
        ((inf, nan), (inf, nan)),
        ((-inf, nan), (nan, inf)),
        ((nan, 1.0), (nan, nan)),
        ((1.0, nan), (nan, nan)),
    ];
    let input: Vec<C128> = cases.iter().map(|&((r, i), _)| C128::new(r, i)).collect();
    let got = read(
        &Tensor::from_vec(input, &[cases.len()])
            .unwrap()
            .sqrt()
            .unwrap(),
    );
    let same = |g: f64, w: f64| {
        (g.is_nan() && w.is_nan()) || (g == w && g.is_sign_negative() == w.is_sign_negative())
    };
    for (g, &(z, (re, im))) in got.iter().zip(&cases) {
        assert!(
            same(g.re, re) && same(g.im, im),
            "sqrt{z:?} = {g}, want ({re}, {im})"
        );
    }
}

#[test]
fn sqrt_of_subnormals_keeps_their_bits() {
    // (|re| + |z|) / 2 of the smallest subnormal rounds to 0; NumPy's root is 2.6e-23·(1 + i).
    let tiny = f32::from_bits(1);
    let z = Tensor::from_vec(c64s(&[(0.0, tiny), (tiny, 0.0)]), &[2]).unwrap();
    let got = z.sqrt().unwrap().to_vec::<C64>();
    let want = (tiny as f64 / 2.0).sqrt();
    for (g, (re, im)) in got.iter().zip([(want, want), ((tiny as f64).sqrt(), 0.0)]) {
        assert!(
            (g.re as f64 - re).abs() <= 1e-6 * re
                && (g.im as f64 - im).abs() <= 1e-6 * im.max(1e-300),
            "{g}"
        );
    }
    let tiny = f64::from_bits(1);
    let z = Tensor::from_vec(vec![C128::new(-tiny, 0.0)], &[1]).unwrap();
    let g = z.sqrt().unwrap().to_vec::<C128>()[0];
    assert_eq!((g.re, g.im), (0.0, tiny.sqrt()));
}

#[test]
fn casts_take_the_real_part_and_widen_part_by_part() {
    let z = Tensor::from_vec(c64s(&[(-1.5, 2.0), (300.7, 0.0), (0.0, 2.0)]), &[3]).unwrap();
    // MindSpore 2.10: complex64 → uint8 is [255, 44, 0]; → bool looks at the real part only.
    assert_eq!(ems::cast(&z, UInt8).unwrap().to_vec::<u8>(), [255, 44, 0]);
    assert_eq!(
        ems::cast(&z, Bool).unwrap().to_vec::<bool>(),
        [true, true, false]
    );
    assert_eq!(
        ems::cast(&z, Float32).unwrap().to_vec::<f32>(),
        [-1.5, 300.7, 0.0]
    );
    assert_eq!(ems::cast(&z, Int32).unwrap().to_vec::<i32>(), [-1, 300, 0]);
    let w = ems::cast(&z, Complex128).unwrap();
    assert_eq!(w.to_vec::<C128>()[0], C128::new(-1.5, 2.0));
    let back = ems::cast(
        &Tensor::from_vec(vec![C128::new(1e40, 1.0)], &[1]).unwrap(),
        Complex64,
    );
    assert_eq!(
        back.unwrap().to_vec::<C64>()[0],
        C64::new(f32::INFINITY, 1.0)
    );
    for d in [Bool, Int8, UInt64, Float16, BFloat16, Float32, Float64] {
        let x = ems::cast(&Tensor::from_slice(&[1.0f64, 0.0]), d).unwrap();
        let c = ems::cast(&x, Complex64).unwrap();
        assert_eq!(c.to_vec::<C64>(), c64s(&[(1.0, 0.0), (0.0, 0.0)]), "{d}");
    }
}

#[test]
fn promotion_with_complex_is_mindspore_2_10s() {
    // Measured: float32 + complex64 = complex64, float64 + complex64 = complex128, ints and bool
    // yield, complex128 wins.
    let table = [
        (Float32, Complex64, Complex64),
        (Float64, Complex64, Complex128),
        (Float16, Complex64, Complex64),
        (Int64, Complex64, Complex64),
        (UInt8, Complex64, Complex64),
        (Bool, Complex64, Complex64),
        (Float32, Complex128, Complex128),
        (Int8, Complex128, Complex128),
        (Complex64, Complex128, Complex128),
    ];
    for (a, b, c) in table {
        assert_eq!(DType::promote(a, b), c, "{a} + {b}");
        assert_eq!(DType::promote(b, a), c, "{b} + {a}");
    }
    use ems::Scalar::{Bool as B, Float, Int};
    for s in [Int(2), Float(2.5), B(true)] {
        assert_eq!(Complex64.promote_with_scalar(s), Complex64);
    }
    let x = Tensor::from_slice(&[1.0f64]);
    let z = Tensor::from_vec(c64s(&[(1.0, 1.0)]), &[1]).unwrap();
    assert_eq!(ems::add(&x, &z).unwrap().dtype(), Complex128);
    assert_eq!(
        ems::div(&z, 2).unwrap().to_vec::<C64>(),
        c64s(&[(0.5, 0.5)])
    );
}

#[test]
fn gradients_follow_mindspores_convention() {
    // d/dz of a real loss is dL/dx + i·dL/dy: Re(z) → 1, Re(z·(-i)) = Im(z) → i,
    // |z| → z/|z|, Re(exp z) → conj(exp z), Re(z·z) → 2·conj(z).
    let z = Tensor::from_vec(c64s(&[(3.0, 4.0), (-1.0, 0.5)]), &[2]).unwrap();
    let re = |t: &Tensor| ems::cast(t, Float32);
    let g = ems::grad(|z: &Tensor| re(z)?.sum())(&z).unwrap();
    assert_eq!(g.dtype(), Complex64);
    close(&read(&g), &[C128::new(1.0, 0.0); 2], 0.0);
    let minus_i = Tensor::from_vec(c64s(&[(0.0, -1.0)]), &[]).unwrap();
    let g = ems::grad(|z: &Tensor| re(&ems::mul(z, &minus_i)?)?.sum())(&z).unwrap();
    close(&read(&g), &[C128::new(0.0, 1.0); 2], 0.0);
    let zw = read(&z);
    let g = ems::grad(|z: &Tensor| re(&z.abs()?)?.sum())(&z).unwrap();
    close(
        &read(&g),
        &zw.iter().map(|&p| p / p.norm()).collect::<Vec<_>>(),
        1e-6,
    );
    let g = ems::grad(|z: &Tensor| re(&z.exp()?)?.sum())(&z).unwrap();
    close(
        &read(&g),
        &zw.iter().map(|&p| p.exp().conj()).collect::<Vec<_>>(),
        1e-6,
    );
    let g = ems::grad(|z: &Tensor| re(&ems::mul(z, z)?)?.sum())(&z).unwrap();
    close(
        &read(&g),
        &zw.iter().map(|&p| p.conj() * 2.0).collect::<Vec<_>>(),
        0.0,
    );
    // Through a division and a matmul: d Re(1/z) = conj(-1/z²); d Re(z·w) = conj(w).
    let g = ems::grad(|z: &Tensor| re(&ems::div(1.0, z)?)?.sum())(&z).unwrap();
    close(
        &read(&g),
        &zw.iter()
            .map(|&p| (-(p * p).inv()).conj())
            .collect::<Vec<_>>(),
        1e-6,
    );
    let w = Tensor::from_vec(c64s(&[(1.0, 2.0), (0.0, -1.0)]), &[2, 1]).unwrap();
    let g = ems::grad(|z: &Tensor| re(&ems::matmul(&z.reshape(&[1, 2])?, &w)?)?.sum())(&z).unwrap();
    close(&read(&g), &[C128::new(1.0, -2.0), C128::new(0.0, 1.0)], 0.0);
    // A real input through a cast to complex gets the real part of the complex cotangent.
    let x = Tensor::from_slice(&[3.0f32, 4.0]);
    let g = ems::grad(|x: &Tensor| re(&ems::cast(x, Complex64)?.abs()?)?.sum())(&x).unwrap();
    assert_eq!(g.dtype(), Float32);
    assert_eq!(g.to_vec::<f32>(), [1.0, 1.0]);
}

#[test]
fn ops_without_a_complex_kernel_are_type_errors() {
    let z = Tensor::from_vec(c64s(&[(1.0, 2.0), (3.0, -4.0)]), &[2]).unwrap();
    let errs = [
        ems::less(&z, &z).unwrap_err(),
        ems::maximum(&z, &z).unwrap_err(),
        ems::floor(&z).unwrap_err(),
        z.max().unwrap_err(),
        ems::argmax(&z, Some(0), false).unwrap_err(),
        ems::remainder(&z, &z).unwrap_err(),
        ems::floor_divide(&z, &z).unwrap_err(),
        ems::cumsum(&z, 0).unwrap_err(),
        Tensor::from_vec(c64s(&[(1.0, 2.0)]), &[1])
            .unwrap()
            .item()
            .unwrap_err(),
    ];
    for e in errs {
        assert_eq!(e.class(), ErrorClass::Type, "{e}");
        assert!(e.to_string().contains("Complex64"), "{e}");
    }
}

#[test]
fn jit_carries_complex_values() {
    let z = Tensor::from_vec(c64s(&[(1.0, 2.0), (3.0, -4.0)]), &[2]).unwrap();
    let f = ems::jit::jit(|xs: &[Tensor]| Ok(vec![ems::mul(&xs[0], &xs[0])?.sum()?]));
    for _ in 0..2 {
        let out = f.call(std::slice::from_ref(&z)).unwrap();
        close(&read(&out[0]), &[C128::new(-3.0 - 7.0, 4.0 - 24.0)], 0.0);
    }
    // x·(1+0j) folds to x, but x·(1+5j) must not.
    let k = Tensor::from_vec(c64s(&[(1.0, 5.0)]), &[]).unwrap();
    let g = ems::jit::jit(move |xs: &[Tensor]| Ok(vec![ems::mul(&xs[0], &k)?]));
    close(
        &read(&g.call(std::slice::from_ref(&z)).unwrap()[0]),
        &[C128::new(-9.0, 7.0), C128::new(23.0, 11.0)],
        0.0,
    );
}

/// `det` of a complex `n × n` matrix by cofactor expansion along the first row.
fn cofactor_det(a: &[C128], n: usize) -> C128 {
    if n == 1 {
        return a[0];
    }
    (0..n)
        .map(|j| {
            let minor: Vec<C128> = (1..n)
                .flat_map(|r| (0..n).filter(move |&c| c != j).map(move |c| a[r * n + c]))
                .collect();
            let s = if j % 2 == 0 { 1.0 } else { -1.0 };
            a[j] * s * cofactor_det(&minor, n - 1)
        })
        .sum()
}

#[test]
fn square_matrix_ops_take_complex_matrices() {
    // Measured with MindSpore 2.10.0: inverse [[0.2-1.6j, 0.4+0.8j], [-1.2, 0.8-0.4j]],
    // det 2.5j, slogdet (1j, 0.916291).
    let a = [(1.0, 2.0), (2.0, -1.0), (0.0, 3.0), (4.0, 0.5)];
    for dtype in [Complex64, Complex128] {
        let x = ems::cast(&Tensor::from_vec(c64s(&a), &[2, 2]).unwrap(), dtype).unwrap();
        let tol = if dtype == Complex64 { 1e-6 } else { 1e-14 };
        let inv = ems::inverse(&x).unwrap();
        assert_eq!(inv.dtype(), dtype);
        let want = [(0.2, -1.6), (0.4, 0.8), (-1.2, 0.0), (0.8, -0.4)];
        close(&read(&inv), &want.map(|(r, i)| C128::new(r, i)), tol);
        close(&read(&ems::det(&x).unwrap()), &[C128::new(0.0, 2.5)], tol);
        let (sign, log) = ems::slogdet(&x).unwrap();
        assert_eq!((sign.dtype(), log.dtype()), (dtype, dtype));
        close(&read(&sign), &[C128::new(0.0, 1.0)], tol);
        close(&read(&log), &[C128::new(2.5f64.ln(), 0.0)], tol);
    }
    // Random batches: A·A⁻¹ = I and det against the cofactor expansion.
    let n = 4;
    let vals: Vec<C128> = (0..3 * n * n)
        .map(|i| {
            C128::new(
                ((i * 37 % 17) as f64) / 8.0 - 1.0,
                ((i * 11 % 13) as f64) / 6.0 - 1.0,
            )
        })
        .collect();
    let x = Tensor::from_vec(vals.clone(), &[3, n, n]).unwrap();
    let prod = read(&ems::matmul(&x, &ems::inverse(&x).unwrap()).unwrap());
    for (i, z) in prod.iter().enumerate() {
        let want = if (i % (n * n)) % (n + 1) == 0 {
            1.0
        } else {
            0.0
        };
        assert!(
            (z - C128::new(want, 0.0)).norm() < 1e-12,
            "A·A⁻¹[{i}] = {z}"
        );
    }
    let dets = read(&ems::det(&x).unwrap());
    for b in 0..3 {
        close(
            &dets[b..b + 1],
            &[cofactor_det(&vals[b * n * n..(b + 1) * n * n], n)],
            1e-12,
        );
    }
}

#[test]
fn complex_square_matrix_gradients_follow_the_conjugate_convention() {
    // d(Re det A) with the engine's convention (g·conj(f')) is conj(det A · A⁻ᵀ).
    let a = [(1.0, 2.0), (2.0, -1.0), (0.0, 3.0), (4.0, 0.5)];
    let x = ems::cast(&Tensor::from_vec(c64s(&a), &[2, 2]).unwrap(), Complex128).unwrap();
    let g = read(&ems::grad(|v: &Tensor| ems::cast(&ems::det(v)?, Float64))(&x).unwrap());
    // det·A⁻ᵀ = [[4+0.5j, -3j], [-2+1j, 1+2j]].
    let want = [(4.0, -0.5), (0.0, 3.0), (-2.0, -1.0), (1.0, -2.0)];
    close(&g, &want.map(|(r, i)| C128::new(r, i)), 1e-12);
    // d log|det A| = Re tr(A⁻¹·dA): conj(A⁻ᵀ), as MindSpore 2.10 gives for slogdet.
    let g = ems::grad(|v: &Tensor| ems::cast(&ems::slogdet(v)?.1, Float64))(&x).unwrap();
    let want = [(0.2, 1.6), (-1.2, 0.0), (0.4, -0.8), (0.8, 0.4)];
    close(&read(&g), &want.map(|(r, i)| C128::new(r, i)), 1e-12);
}

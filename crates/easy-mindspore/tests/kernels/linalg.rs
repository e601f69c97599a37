//! The square-matrix kernels (`inverse`, `det`, `slogdet`) against a naive reference (cofactor
//! expansion for determinants, `A·A⁻¹ = I`), on batches, strided views and both float dtypes, and
//! the answers MindSpore 2.10's CPU kernels give for singular and non-finite matrices (measured
//! with MindSpore 2.10.0).

use crate::helpers::{make, reals};
use easy_mindspore as ems;
use ems::{DType, Tensor};

/// `det` by cofactor expansion along the first row (exact arithmetic aside: n ≤ 5 here).
fn cofactor_det(a: &[f64], n: usize) -> f64 {
    if n == 0 {
        return 1.0;
    }
    if n == 1 {
        return a[0];
    }
    (0..n)
        .map(|j| {
            let minor: Vec<f64> = (1..n)
                .flat_map(|r| (0..n).filter(move |&c| c != j).map(move |c| a[r * n + c]))
                .collect();
            let s = if j % 2 == 0 { 1.0 } else { -1.0 };
            s * a[j] * cofactor_det(&minor, n - 1)
        })
        .sum()
}

fn f64s(t: &Tensor) -> Vec<f64> {
    ems::cast(t, DType::Float64).unwrap().to_vec::<f64>()
}

/// Random matrices with a dominant diagonal of random signs (well conditioned).
fn matrices(batch: usize, n: usize, seed: u64) -> Vec<f64> {
    let mut v = reals(batch * n * n, seed, -1.0, 1.0);
    let signs = reals(batch * n, seed + 1, -1.0, 1.0);
    for b in 0..batch {
        for i in 0..n {
            let s = if signs[b * n + i] < 0.0 { -1.0 } else { 1.0 };
            v[b * n * n + i * n + i] += s * (n as f64 + 1.0);
        }
    }
    v
}

#[test]
fn determinants_match_cofactor_expansion() {
    for (dtype, rel) in [(DType::Float64, 1e-13), (DType::Float32, 1e-6)] {
        for n in [1, 2, 3, 5] {
            let batch = 3;
            let v = matrices(batch, n, 7 + n as u64);
            let a = make(&v, &[batch, n, n], dtype);
            let got = f64s(&ems::det(&a).unwrap());
            let (sign, log) = ems::slogdet(&a).unwrap();
            assert_eq!((sign.dtype(), log.dtype()), (dtype, dtype));
            let (sign, log) = (f64s(&sign), f64s(&log));
            for b in 0..batch {
                // The reference on the values the tensor holds (rounded to its dtype).
                let m: Vec<f64> = f64s(&make(&v[b * n * n..(b + 1) * n * n], &[n * n], dtype));
                let want = cofactor_det(&m, n);
                assert!(
                    (got[b] - want).abs() <= rel * want.abs(),
                    "det {n}x{n} {dtype:?}: {} vs {want}",
                    got[b]
                );
                assert_eq!(sign[b], want.signum());
                assert!(
                    (log[b] - want.abs().ln()).abs() <= rel * 4.0,
                    "log|det| {} vs {}",
                    log[b],
                    want.abs().ln()
                );
            }
        }
    }
}

#[test]
fn inverses_times_their_matrices_are_the_identity_on_every_layout() {
    for (dtype, tol) in [(DType::Float64, 1e-13), (DType::Float32, 1e-5)] {
        for n in [1, 2, 4, 7] {
            let v = matrices(2, n, 100 + n as u64);
            let a = make(&v, &[2, n, n], dtype);
            // A transposed view: its inverse is the transpose of the inverse.
            let at = ems::transpose(&a, Some(&[0, 2, 1])).unwrap();
            for (m, what) in [(&a, "contiguous"), (&at, "transposed view")] {
                let inv = ems::inverse(m).unwrap();
                assert_eq!((inv.dims(), inv.dtype()), (m.dims(), dtype));
                let prod = f64s(&ems::matmul(m, &inv).unwrap());
                for (k, p) in prod.iter().enumerate() {
                    let (i, j) = ((k / n) % n, k % n);
                    let want = if i == j { 1.0 } else { 0.0 };
                    assert!(
                        (p - want).abs() <= tol,
                        "{what} {n}x{n} {dtype:?}: (A·A⁻¹)[{k}] = {p}"
                    );
                }
            }
        }
    }
}

#[test]
fn empty_batches_and_shapes_are_checked() {
    let a = make(&[], &[0, 3, 3], DType::Float32);
    assert_eq!(ems::inverse(&a).unwrap().dims(), &[0, 3, 3]);
    assert_eq!(ems::det(&a).unwrap().dims(), &[0]);
    // The 0×0 matrix: det 1, log|det| 0.
    let e = make(&[], &[2, 0, 0], DType::Float64);
    assert_eq!(f64s(&ems::det(&e).unwrap()), [1.0, 1.0]);
    assert_eq!(f64s(&ems::slogdet(&e).unwrap().1), [0.0, 0.0]);
    // Not square, not a matrix, not Float32/Float64 (integers; Float16 only for det): errors.
    for (shape, dtype) in [
        (&[2, 3][..], DType::Float32),
        (&[3][..], DType::Float32),
        (&[2, 2][..], DType::Int32),
    ] {
        let x = make(&vec![1.0; shape.iter().product()], shape, dtype);
        assert!(
            ems::inverse(&x).is_err() && ems::det(&x).is_err(),
            "{shape:?} {dtype:?}"
        );
    }
    let h = make(&[2.0, 0.0, 0.0, 3.0], &[2, 2], DType::Float16);
    assert!(ems::inverse(&h).is_err());
    let d = ems::det(&h).unwrap();
    assert_eq!((d.dtype(), f64s(&d)), (DType::Float16, vec![6.0]));
}

#[test]
fn singular_matrices_give_mindspores_answers() {
    // MindSpore 2.10's MatrixInverse is a full-pivoting LU of the transpose; the unknowns of zero
    // pivots are 0.
    let cases: [(&[f64], &[f64]); 6] = [
        (&[1.0, 2.0, 2.0, 4.0], &[0.0, 0.0, 0.0, 0.25]),
        (&[1.0, 2.0, 3.0, 6.0], &[0.0, 0.0, 0.0, 1.0 / 6.0]),
        (&[2.0, 0.0, 0.0, 0.0], &[0.5, 0.0, 0.0, 0.0]),
        (&[0.0, 1.0, 0.0, 1.0], &[0.0, 0.0, 1.0, 0.0]),
        (&[0.0; 4], &[0.0; 4]),
        (&[f64::NAN, 1.0, 1.0, 0.0], &[0.0; 4]),
    ];
    for dtype in [DType::Float32, DType::Float64] {
        for (a, want) in cases {
            let got = f64s(&ems::inverse(&make(a, &[2, 2], dtype)).unwrap());
            let close = got.iter().zip(want).all(|(g, w)| (g - w).abs() <= 1e-7);
            assert!(close, "inverse({a:?}) = {got:?}, MindSpore gives {want:?}");
        }
    }
    // A 3×3 of rank 2: MindSpore's values, in Float64 (and the determinant's rounding residue).
    let a = make(
        &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
        &[3, 3],
        DType::Float64,
    );
    let got = f64s(&ems::inverse(&a).unwrap());
    let want = [
        -0.75,
        0.0,
        0.25,
        0.0,
        0.0,
        0.0,
        0.5833333333333333,
        0.0,
        -0.0833333333333333,
    ];
    assert!(
        got.iter().zip(want).all(|(g, w)| (g - w).abs() <= 1e-14),
        "{got:?}"
    );
    assert!(f64s(&ems::det(&a).unwrap())[0].abs() < 1e-14);
    // A Float32 3×3 of rank 2 whose transpose pivots another way.
    let b = make(
        &[2.0, -1.0, 0.0, 4.0, -2.0, 0.0, 1.0, 1.0, 1.0],
        &[3, 3],
        DType::Float32,
    );
    let got = f64s(&ems::inverse(&b).unwrap());
    let want = [
        0.0,
        1.0 / 6.0,
        1.0 / 3.0,
        0.0,
        -1.0 / 6.0,
        2.0 / 3.0,
        0.0,
        0.0,
        0.0,
    ];
    assert!(
        got.iter().zip(want).all(|(g, w)| (g - w).abs() <= 1e-6),
        "{got:?}"
    );
    // Determinants: 0 (signed as the pivots make it); slogdet (0, -inf); a NaN gives NaN and
    // (0, -inf), an infinity (0, inf).
    let s = make(&[1.0, 2.0, 2.0, 4.0], &[2, 2], DType::Float64);
    assert_eq!(f64s(&ems::det(&s).unwrap()), [0.0]);
    let cases: [(&[f64], f64, f64); 3] = [
        (&[1.0, 2.0, 2.0, 4.0], 0.0, f64::NEG_INFINITY),
        (&[f64::NAN, 1.0, 1.0, 0.0], 0.0, f64::NEG_INFINITY),
        (&[f64::INFINITY, 1.0, 1.0, 1.0], 0.0, f64::INFINITY),
    ];
    for (a, sign, log) in cases {
        let (s, l) = ems::slogdet(&make(a, &[2, 2], DType::Float64)).unwrap();
        assert_eq!((f64s(&s)[0], f64s(&l)[0]), (sign, log), "slogdet({a:?})");
    }
    assert!(
        f64s(&ems::det(&make(&[f64::NAN, 1.0, 1.0, 0.0], &[2, 2], DType::Float64)).unwrap())[0]
            .is_nan()
    );
    // A permutation: sign -1, log 0.
    let (s, l) = ems::slogdet(&make(&[0.0, 1.0, 1.0, 0.0], &[2, 2], DType::Float64)).unwrap();
    assert_eq!((f64s(&s), f64s(&l)), (vec![-1.0], vec![0.0]));
}

#[test]
fn cholesky_factors_rebuild_their_matrices_and_fail_as_nan() {
    // A = B·Bᵀ + I for random B: L·Lᵀ = A, L lower with a positive diagonal; batched, both
    // float dtypes, and `upper` = Lᵀ.
    for (dtype, tol) in [(DType::Float64, 1e-12), (DType::Float32, 1e-5)] {
        for (batch, n) in [(1, 1), (1, 3), (3, 4), (2, 6)] {
            let b = matrices(batch, n, 7 + n as u64);
            let mut a = vec![0.0; batch * n * n];
            for m in 0..batch {
                for i in 0..n {
                    for j in 0..n {
                        let dot: f64 = (0..n)
                            .map(|k| b[m * n * n + i * n + k] * b[m * n * n + j * n + k])
                            .sum();
                        a[m * n * n + i * n + j] = dot + if i == j { 1.0 } else { 0.0 };
                    }
                }
            }
            let l = f64s(&ems::cholesky(&make(&a, &[batch, n, n], dtype), false).unwrap());
            let u = f64s(&ems::cholesky(&make(&a, &[batch, n, n], dtype), true).unwrap());
            for m in 0..batch {
                let at = |i: usize, j: usize| l[m * n * n + i * n + j];
                for i in 0..n {
                    assert!(at(i, i) > 0.0, "positive diagonal");
                    for j in 0..n {
                        assert_eq!(u[m * n * n + j * n + i], at(i, j), "upper is the transpose");
                        if j > i {
                            assert_eq!(at(i, j), 0.0, "lower triangular");
                        }
                        let llt: f64 = (0..n).map(|k| at(i, k) * at(j, k)).sum();
                        let want = a[m * n * n + i * n + j];
                        assert!(
                            (llt - want).abs() <= tol * want.abs().max(1.0),
                            "{dtype:?} L·Lᵀ"
                        );
                    }
                }
            }
        }
    }
    // Not positive definite: NaN from the failing pivot on; the upper triangle is never read.
    let l = f64s(
        &ems::cholesky(
            &make(&[4.0, 99.0, 2.0, 1.0], &[2, 2], DType::Float64),
            false,
        )
        .unwrap(),
    );
    assert_eq!(&l[..3], [2.0, 0.0, 1.0]);
    assert!(l[3].is_nan());
    let l =
        f64s(&ems::cholesky(&make(&[1.0, 2.0, 2.0, 4.0], &[2, 2], DType::Float64), false).unwrap());
    assert!(l[3].is_nan(), "a singular matrix is not positive definite");
    assert!(ems::cholesky(&make(&[1.0, 2.0], &[1, 2], DType::Float64), false).is_err());
    assert!(ems::cholesky(&make(&[1.0], &[1, 1], DType::Int32), false).is_err());
}

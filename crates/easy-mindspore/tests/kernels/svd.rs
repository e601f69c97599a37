//! The SVD kernels (`svd`, `svdvals`): singular values against NumPy's (`np.linalg.svd`, LAPACK
//! gesdd, printed with 17 digits), and on random matrices of every shape kind the defining
//! properties: `U·diag(s)·Vᵀ = A`, orthonormal columns, `s` descending and non-negative, the
//! sign convention, rank-deficient and non-finite inputs, Float32 and strided views.

use crate::helpers::{make, reals};
use easy_mindspore as ems;
use ems::{DType, Tensor};

fn f64s(t: &Tensor) -> Vec<f64> {
    ems::cast(t, DType::Float64).unwrap().to_vec::<f64>()
}

/// `x` (row-major `r × c`) transposed times `y` (row-major `r × c2`).
fn at_b(x: &[f64], y: &[f64], r: usize, c: usize, c2: usize) -> Vec<f64> {
    let mut out = vec![0.0; c * c2];
    for i in 0..c {
        for j in 0..c2 {
            out[i * c2 + j] = (0..r).map(|k| x[k * c + i] * y[k * c2 + j]).sum();
        }
    }
    out
}

/// Checks one `m × n` matrix `a` against its factors (`u` with `cu` columns, `v` with `cv`), to
/// `tol` relative to `s_max`.
fn check_one(
    a: &[f64],
    s: &[f64],
    u: &[f64],
    v: &[f64],
    (m, n): (usize, usize),
    (cu, cv): (usize, usize),
    tol: f64,
) {
    let k = m.min(n);
    let scale = s.first().copied().unwrap_or(0.0).max(1.0);
    for i in 0..m {
        for j in 0..n {
            let got: f64 = (0..k).map(|l| u[i * cu + l] * s[l] * v[j * cv + l]).sum();
            assert!(
                (got - a[i * n + j]).abs() <= tol * scale,
                "A[{i},{j}]: {got} vs {}",
                a[i * n + j]
            );
        }
    }
    for (q, rows, cols) in [(u, m, cu), (v, n, cv)] {
        let g = at_b(q, q, rows, cols, cols);
        for i in 0..cols {
            for j in 0..cols {
                let want = if i == j { 1.0 } else { 0.0 };
                assert!(
                    (g[i * cols + j] - want).abs() <= tol,
                    "QᵀQ[{i},{j}] = {}",
                    g[i * cols + j]
                );
            }
        }
    }
    for l in 0..k {
        assert!(s[l] >= 0.0 && (l == 0 || s[l] <= s[l - 1]), "s = {s:?}");
        // The largest-magnitude entry of each u_l (the first of equals) is positive.
        let col: Vec<f64> = (0..m).map(|i| u[i * cu + l]).collect();
        let big = col.iter().fold(0.0f64, |b, x| b.max(x.abs()));
        let first = col.iter().find(|x| x.abs() == big).copied().unwrap_or(0.0);
        assert!(first >= 0.0, "u_{l} = {col:?}");
    }
}

#[test]
fn singular_values_match_numpy() {
    let a = make(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3], DType::Float64);
    let want = [9.508032000695724, 0.7728696356734843];
    for (g, w) in f64s(&ems::svdvals(&a).unwrap()).iter().zip(want) {
        assert!((g - w).abs() < 1e-14, "{g} vs {w}");
    }
    let b = [
        2.0, -1.0, 0.0, -1.0, 2.0, -1.0, 0.0, -1.0, 2.0, 1.0, 1.0, 1.0,
    ];
    let want = [3.431035102218973, 2.0, 1.7966630533690047];
    let got = f64s(&ems::svdvals(&make(&b, &[4, 3], DType::Float64)).unwrap());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-14, "{g} vs {w}");
    }
    // Float32 keeps its dtype and rounds the Float64 result.
    let s32 = ems::svdvals(&make(
        &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        &[2, 3],
        DType::Float32,
    ))
    .unwrap();
    assert_eq!(s32.dtype(), DType::Float32);
    assert_eq!(s32.to_vec::<f32>(), [9.508032f32, 0.77286965]);
}

#[test]
fn factors_reconstruct_random_matrices() {
    let shapes = [
        (1, 1),
        (1, 4),
        (4, 1),
        (2, 2),
        (3, 5),
        (5, 3),
        (6, 6),
        (7, 2),
    ];
    for (seed, &(m, n)) in shapes.iter().enumerate() {
        let batch = 3;
        let v = reals(batch * m * n, 40 + seed as u64, -2.0, 2.0);
        for full in [false, true] {
            for dtype in [DType::Float64, DType::Float32] {
                let a = make(&v, &[batch, m, n], dtype);
                let (s, u, vv) = ems::svd(&a, full).unwrap();
                let k = m.min(n);
                let (cu, cv) = if full { (m, n) } else { (k, k) };
                assert_eq!(s.dims(), [batch, k]);
                assert_eq!(u.dims(), [batch, m, cu]);
                assert_eq!(vv.dims(), [batch, n, cv]);
                assert_eq!((s.dtype(), u.dtype(), vv.dtype()), (dtype, dtype, dtype));
                let tol = if dtype == DType::Float64 { 1e-12 } else { 1e-5 };
                let (s, u, vv, a) = (f64s(&s), f64s(&u), f64s(&vv), f64s(&a));
                for b in 0..batch {
                    check_one(
                        &a[b * m * n..(b + 1) * m * n],
                        &s[b * k..(b + 1) * k],
                        &u[b * m * cu..(b + 1) * m * cu],
                        &vv[b * n * cv..(b + 1) * n * cv],
                        (m, n),
                        (cu, cv),
                        tol,
                    );
                }
            }
        }
    }
}

#[test]
fn rank_deficient_matrices_get_orthonormal_completions() {
    // Zero, rank one (an outer product) and a repeated column.
    let cases: [(&[f64], usize, usize); 3] = [
        (&[0.0; 6], 2, 3),
        (&[1.0, 2.0, 2.0, 4.0, 3.0, 6.0], 3, 2),
        (&[1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 0.0, 0.0, 5.0], 3, 3),
    ];
    for (a, m, n) in cases {
        for full in [false, true] {
            let (s, u, v) = ems::svd(&make(a, &[m, n], DType::Float64), full).unwrap();
            let k = m.min(n);
            let cols = if full { (m, n) } else { (k, k) };
            check_one(a, &f64s(&s), &f64s(&u), &f64s(&v), (m, n), cols, 1e-12);
        }
    }
    let s = f64s(&ems::svdvals(&make(&[0.0; 6], &[2, 3], DType::Float64)).unwrap());
    assert_eq!(s, [0.0, 0.0]);
}

#[test]
fn strided_views_and_empty_batches() {
    let v = reals(12, 9, -1.0, 1.0);
    let a = make(&v, &[3, 4], DType::Float64);
    let at = ems::transpose(&a, Some(&[1, 0])).unwrap();
    let t: Vec<f64> = (0..12).map(|i| v[(i % 3) * 4 + i / 3]).collect();
    let direct = f64s(&ems::svdvals(&make(&t, &[4, 3], DType::Float64)).unwrap());
    let viewed = f64s(&ems::svdvals(&at).unwrap());
    assert_eq!(direct, viewed);
    let (s, u, vv) = ems::svd(&make(&[], &[0, 2, 3], DType::Float32), false).unwrap();
    assert_eq!(
        (s.dims(), u.dims(), vv.dims()),
        (&[0, 2][..], &[0, 2, 2][..], &[0, 3, 2][..])
    );
}

#[test]
fn non_finite_and_bad_inputs() {
    // A NaN gives NaNs (and ends: the rotations skip NaN pairs), never an error or a hang.
    let s =
        f64s(&ems::svdvals(&make(&[f64::NAN, 1.0, 2.0, 3.0], &[2, 2], DType::Float64)).unwrap());
    assert!(s.iter().any(|x| x.is_nan()), "{s:?}");
    let int = Tensor::from_vec(vec![1i32, 2, 3, 4], &[2, 2]).unwrap();
    assert!(matches!(
        ems::svd(&int, false),
        Err(ems::Error::UnsupportedDType { .. })
    ));
    let vector = make(&[1.0, 2.0], &[2], DType::Float32);
    assert!(ems::svdvals(&vector).is_err());
}

/// `x` (a complex tensor) as Complex<f64> values.
fn c128s(t: &Tensor) -> Vec<ems::dtype::C128> {
    ems::cast(t, DType::Complex128).unwrap().to_vec()
}

#[test]
fn complex_matrices_have_real_singular_values_and_unitary_factors() {
    use ems::dtype::{C128, C64};
    // MindSpore 2.10 (and NumPy) on [[1+2j, 2-1j, 0.5j], [3j, 4+0.5j, 1]]: s = [5.9701357,
    // 0.9259983] (Complex64 there, real values).
    let a = [
        (1.0, 2.0),
        (2.0, -1.0),
        (0.0, 0.5),
        (0.0, 3.0),
        (4.0, 0.5),
        (1.0, 0.0),
    ];
    let a64: Vec<C64> = a.iter().map(|&(r, i)| C64::new(r, i)).collect();
    let x = Tensor::from_vec(a64, &[2, 3]).unwrap();
    let s = f64s(&ems::svdvals(&x).unwrap());
    assert_eq!(ems::svdvals(&x).unwrap().dtype(), DType::Float32);
    assert!(
        (s[0] - 5.9701357).abs() < 1e-5 && (s[1] - 0.9259983).abs() < 1e-5,
        "{s:?}"
    );
    // Random matrices of every shape kind, reduced and complete, in Complex128.
    let mut seed = 7u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    };
    for (m, n) in [(3, 3), (4, 2), (2, 4), (1, 3), (5, 1)] {
        let vals: Vec<C128> = (0..m * n).map(|_| C128::new(next(), next())).collect();
        let x = Tensor::from_vec(vals.clone(), &[m, n]).unwrap();
        for full in [false, true] {
            let (s, u, v) = ems::svd(&x, full).unwrap();
            assert_eq!(s.dtype(), DType::Float64);
            let (s, u, v) = (f64s(&s), c128s(&u), c128s(&v));
            let k = m.min(n);
            let (cu, cv) = if full { (m, n) } else { (k, k) };
            // U·diag(s)·Vᴴ = A.
            for i in 0..m {
                for j in 0..n {
                    let got: C128 = (0..k)
                        .map(|l| u[i * cu + l] * s[l] * v[j * cv + l].conj())
                        .sum();
                    assert!((got - vals[i * n + j]).norm() < 1e-12, "{m}x{n} A[{i},{j}]");
                }
            }
            // Unitary columns, and the largest-magnitude entry of each u_l real and positive.
            for (q, rows, cols) in [(&u, m, cu), (&v, n, cv)] {
                for p in 0..cols {
                    for r in 0..cols {
                        let g: C128 = (0..rows)
                            .map(|i| q[i * cols + p].conj() * q[i * cols + r])
                            .sum();
                        let want = if p == r { 1.0 } else { 0.0 };
                        assert!((g - want).norm() < 1e-12, "{m}x{n} QᴴQ[{p},{r}] = {g}");
                    }
                }
            }
            for l in 0..k {
                assert!(s[l] >= 0.0 && (l == 0 || s[l] <= s[l - 1]), "s = {s:?}");
                let col: Vec<C128> = (0..m).map(|i| u[i * cu + l]).collect();
                let big = col.iter().fold(0.0f64, |b, z| b.max(z.norm()));
                let first = col
                    .iter()
                    .find(|z| z.norm() == big)
                    .copied()
                    .unwrap_or_default();
                assert!(first.re > 0.0 && first.im.abs() <= 1e-14, "u_{l} = {col:?}");
            }
        }
    }
}

//! Matrix products against the reference: batched matmul with transposed operands, broadcast
//! batches and vectors, and N-D `dot`.

use crate::helpers::{close, exact, halves, make, numel, permuted, ravel, rounded, unravel, views};
use easy_mindspore as ems;
use ems::{DType, Tensor};

/// `a @ b` for row-major `[batch, m, k]` and `[batch, k, n]` in f64.
fn matmul_ref(a: &[f64], b: &[f64], batch: usize, m: usize, k: usize, n: usize) -> Vec<f64> {
    let mut out = vec![0.0; batch * m * n];
    for t in 0..batch {
        for i in 0..m {
            for j in 0..n {
                out[(t * m + i) * n + j] = (0..k)
                    .map(|p| a[(t * m + i) * k + p] * b[(t * k + p) * n + j])
                    .sum();
            }
        }
    }
    out
}

/// A batched `[batch, r, c]` operand in several layouts: contiguous, stored transposed in its
/// last two axes (the usual `x.T` operand), and stored with the batch axis last.
fn mat_views(vals: &[f64], batch: usize, r: usize, c: usize, d: DType) -> Vec<(String, Tensor)> {
    let shape = [batch, r, c];
    let mut out = vec![("contiguous".to_string(), make(vals, &shape, d))];
    let (sv, ss) = permuted(vals, &shape, &[0, 2, 1]);
    let t = ems::swapaxes(&make(&sv, &ss, d), -1, -2).unwrap();
    out.push(("transposed".to_string(), t));
    let (sv, ss) = permuted(vals, &shape, &[1, 2, 0]);
    let t = ems::transpose(&make(&sv, &ss, d), Some(&[2, 0, 1])).unwrap();
    out.push(("batch last".to_string(), t));
    // Every other view kind of `views` too (negative and stepped slices).
    out.extend(views(vals, &shape, d).into_iter().skip(1));
    out
}

#[test]
fn batched_matmul_matches_the_reference_with_transposed_operands() {
    let sizes: &[(usize, usize, usize, usize)] = &[
        (1, 1, 1, 1),
        (2, 3, 5, 4),
        (3, 7, 13, 1),
        (1, 1, 33, 7),
        (2, 0, 3, 4),
        (2, 3, 0, 4),
        (0, 3, 2, 4),
        (1, 13, 7, 33),
        (1, 65, 65, 65),   // large enough for the parallel float path
        (1, 100, 300, 40), // several blocks of k, and of a transposed `a`'s rows
    ];
    for d in [DType::Float32, DType::Float64, DType::Int32, DType::Int64] {
        for (seed, &(batch, m, k, n)) in sizes.iter().enumerate() {
            let a = rounded(&halves(batch * m * k, seed as u64 + 130, -3, 3), d);
            let b = rounded(&halves(batch * k * n, seed as u64 + 131, -3, 3), d);
            let want = matmul_ref(&a, &b, batch, m, k, n);
            // For Float32, a bound on the rounding error of each dot product.
            let scale = matmul_ref(
                &a.iter().map(|v| v.abs()).collect::<Vec<_>>(),
                &b.iter().map(|v| v.abs()).collect::<Vec<_>>(),
                batch,
                m,
                k,
                n,
            );
            let (va, vb) = (mat_views(&a, batch, m, k, d), mat_views(&b, batch, k, n, d));
            let big = m * n * k > 20_000;
            for (i, (na, xa)) in va.iter().enumerate() {
                let pairs: Vec<&(String, Tensor)> = if big {
                    vec![&vb[(i + 1) % vb.len()]]
                } else {
                    vb.iter().collect()
                };
                for (nb, xb) in pairs {
                    let y = ems::matmul(xa, xb).unwrap();
                    let what =
                        format!("matmul {d:?} [{batch},{m},{k}]@[{batch},{k},{n}] {na} @ {nb}");
                    assert_eq!(y.dims(), &[batch, m, n], "{what}");
                    assert_eq!(y.dtype(), d, "{what}");
                    let got = y.to_vec::<f64>();
                    for (j, ((&g, &w), &s)) in got.iter().zip(&want).zip(&scale).enumerate() {
                        let bound = if d == DType::Float32 {
                            1e-4 * s.max(1e-30)
                        } else {
                            0.0
                        };
                        assert!(
                            (g - w).abs() <= bound,
                            "{what}: element {j}: got {g}, want {w}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn matmul_broadcasts_batches_and_promotes_vectors() {
    for d in [DType::Float32, DType::Float64, DType::Int32] {
        // [1, 3, 5] @ [4, 5, 7]: the left batch broadcasts.
        let a = rounded(&halves(15, 140, -3, 3), d);
        let b = rounded(&halves(140, 141, -3, 3), d);
        let a4: Vec<f64> = (0..4).flat_map(|_| a.iter().copied()).collect();
        let want = matmul_ref(&a4, &b, 4, 3, 5, 7);
        for (na, xa) in mat_views(&a, 1, 3, 5, d) {
            for (nb, xb) in mat_views(&b, 4, 5, 7, d) {
                let y = ems::matmul(&xa, &xb).unwrap();
                let what = format!("matmul {d:?} broadcast batch {na} @ {nb}");
                assert_eq!(y.dims(), &[4, 3, 7], "{what}");
                close(&y.to_vec::<f64>(), &want, 1e-6, 1e-5, &what);
            }
        }
        // A [3, 5] matrix broadcast explicitly to [4, 3, 5] (batch stride 0).
        let xa = ems::broadcast_to(&make(&a, &[3, 5], d), &[4, 3, 5]).unwrap();
        let y = ems::matmul(&xa, &make(&b, &[4, 5, 7], d)).unwrap();
        close(
            &y.to_vec::<f64>(),
            &want,
            1e-6,
            1e-5,
            &format!("{d:?} broadcast_to operand"),
        );
        // Vectors: [5] @ [5, 7] -> [7]; [3, 5] @ [5] -> [3]; [5] @ [5] -> [].
        let v = rounded(&halves(5, 142, -3, 3), d);
        let m = &b[..35];
        let y = ems::matmul(&make(&v, &[5], d), &make(m, &[5, 7], d)).unwrap();
        assert_eq!(y.dims(), &[7]);
        close(
            &y.to_vec::<f64>(),
            &matmul_ref(&v, m, 1, 1, 5, 7),
            1e-6,
            1e-5,
            "vec @ mat",
        );
        let y = ems::matmul(&make(&a, &[3, 5], d), &make(&v, &[5], d)).unwrap();
        assert_eq!(y.dims(), &[3]);
        close(
            &y.to_vec::<f64>(),
            &matmul_ref(&a, &v, 1, 3, 5, 1),
            1e-6,
            1e-5,
            "mat @ vec",
        );
        let y = ems::dot(&make(&v, &[5], d), &make(&v, &[5], d)).unwrap();
        assert_eq!(y.dims(), &[] as &[usize]);
        close(
            &y.to_vec::<f64>(),
            &[v.iter().map(|x| x * x).sum()],
            1e-6,
            1e-5,
            "dot",
        );
    }
}

#[test]
fn dot_of_n_d_and_m_d_contracts_the_last_and_second_to_last_axes() {
    // a [2, 3, 4] · b [5, 4, 6] -> [2, 3, 5, 6]: out[i,j,k,l] = Σ_p a[i,j,p] b[k,p,l].
    let (sa, sb) = ([2usize, 3, 4], [5usize, 4, 6]);
    for d in [DType::Float64, DType::Int64] {
        let a = halves(24, 150, -3, 3);
        let b = halves(120, 151, -3, 3);
        let (a, b) = (rounded(&a, d), rounded(&b, d));
        let out_shape = [2usize, 3, 5, 6];
        let want: Vec<f64> = (0..numel(&out_shape))
            .map(|o| {
                let i = unravel(o, &out_shape);
                (0..4)
                    .map(|p| a[ravel(&[i[0], i[1], p], &sa)] * b[ravel(&[i[2], p, i[3]], &sb)])
                    .sum()
            })
            .collect();
        for (na, xa) in views(&a, &sa, d) {
            for (nb, xb) in views(&b, &sb, d) {
                let y = ems::dot(&xa, &xb).unwrap();
                let what = format!("dot {d:?} {na} · {nb}");
                assert_eq!(y.dims(), &out_shape, "{what}");
                exact(&y.to_vec::<f64>(), &want, &what);
            }
        }
    }
}

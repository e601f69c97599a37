//! A weight used by many products: the reverse sweep keeps the cotangents a product hands its
//! right operand as product blocks and multiplies them out as one product (`interp/blocks.rs`),
//! at once when the kept cotangents pass their bound (4M elements) and again at the end. Checked
//! against the sum of the per-product gradients written out in plain loops.

use crate::helpers::{close, t64, TestResult};
use easy_mindspore as ems;
use ems::{Axes, Tensor};

/// A `rows × cols` matrix of deterministic values in [-1, 1], different for each `seed`.
fn matrix(rows: usize, cols: usize, seed: usize) -> Vec<f64> {
    (0..rows * cols)
        .map(|i| ((i * 7 + seed * 13) as f64 * 0.37).sin())
        .collect()
}

#[test]
fn a_weight_gradient_over_many_products_is_their_sum_past_the_kept_bound() -> TestResult {
    // Twelve products [65536, 2]·[2, 8]: 512K cotangent elements each, so the kept blocks pass
    // 4M after the ninth and are multiplied out then; the last three at the end.
    let (m, k, n, uses) = (65536, 2, 8, 12);
    let a: Vec<Vec<f64>> = (0..uses).map(|t| matrix(m, k, t)).collect();
    let r: Vec<Vec<f64>> = (0..uses).map(|t| matrix(m, n, 100 + t)).collect();
    let (at, rt): (Vec<Tensor>, Vec<Tensor>) = a
        .iter()
        .zip(&r)
        .map(|(a, r)| (t64(a.clone(), &[m, k]), t64(r.clone(), &[m, n])))
        .unzip();
    let loss = |w: &Tensor| {
        let mut acc = Tensor::scalar(0.0f64);
        for (a, r) in at.iter().zip(&rt) {
            let y = ems::mul(&ems::matmul(a, w)?, r)?;
            acc = ems::add(&acc, ems::sum(&y, Axes::All, false)?)?;
        }
        Ok(acc)
    };
    let w = t64(matrix(k, n, 999), &[k, n]);
    let got = ems::grad(loss)(&w)?.to_vec::<f64>();
    let mut want = vec![0.0; k * n];
    for (a, r) in a.iter().zip(&r) {
        for i in 0..m {
            for p in 0..k {
                for j in 0..n {
                    want[p * n + j] += a[i * k + p] * r[i * n + j];
                }
            }
        }
    }
    close("Σ a_tᵀ·r_t", &got, &want, 1e-9)
}

/// The gradient of a weight used transposed (`x · wᵀ`, as `nn.Dense` does) comes out in the
/// weight's own row-major layout — not as a transposed view that every later elementwise op (the
/// optimizer's update) would have to gather — and equals the plain sum, used once or many times;
/// also a weight of few columns and many rows (`[40, 3]`, whose gradient is taken as the `[3, 40]`
/// product and copied).
#[test]
fn a_transposed_weight_gets_a_contiguous_gradient() -> TestResult {
    for (m, k, n, uses) in [(5, 3, 4, 1), (5, 3, 4, 3), (6, 3, 40, 1), (6, 3, 40, 2)] {
        let xs: Vec<Vec<f64>> = (0..uses).map(|t| matrix(m, k, t)).collect();
        let xt: Vec<Tensor> = xs.iter().map(|x| t64(x.clone(), &[m, k])).collect();
        let loss = |w: &Tensor| {
            let wt = ems::prim::permute(w, &[1, 0])?;
            let mut acc = Tensor::scalar(0.0f64);
            for x in &xt {
                acc = ems::add(&acc, ems::sum(&ems::matmul(x, &wt)?, Axes::All, false)?)?;
            }
            Ok(acc)
        };
        let w = t64(matrix(n, k, 7), &[n, k]);
        let g = ems::grad(loss)(&w)?;
        let layout = g.storage_layout().map(|(_, l)| l.clone());
        assert!(
            layout.as_ref().is_some_and(|l| l.is_contiguous()),
            "{n}x{k}, {uses} use(s): {layout:?}"
        );
        // d/dw_{jp} of Σ x·wᵀ = Σ_t Σ_i x_t[i, p], the same for every row j.
        let want: Vec<f64> = (0..n * k)
            .map(|jp| {
                xs.iter()
                    .map(|x| (0..m).map(|i| x[i * k + jp % k]).sum::<f64>())
                    .sum()
            })
            .collect();
        close("Σ x_t column sums", &g.to_vec::<f64>(), &want, 1e-12)?;
    }
    Ok(())
}

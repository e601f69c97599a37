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

/// The RNN pattern: one projection `rows · p` cut into steps, each step's piece added to a product
/// `h · w` of the previous state. The cotangent of each step's sum reaches both the piece (a block
/// of the projection, put together as one concatenation) and `w` (a product block); the sweep then
/// joins `w`'s blocks by reusing that concatenation. Checked, with a second loss whose product
/// cotangents are scaled (so nothing is reused), against backpropagation through time written out
/// in plain loops.
#[test]
fn a_split_projection_and_a_shared_weight_get_the_looped_gradients() -> TestResult {
    let (steps, batch, n, k) = (5, 3, 4, 2);
    let rows = matrix(steps * batch, k, 1);
    let r: Vec<Vec<f64>> = (0..steps).map(|t| matrix(batch, n, 10 + t)).collect();
    let h0 = matrix(batch, n, 50);
    for scale in [1.0, 2.0] {
        let (rows_t, h0_t) = (
            t64(rows.clone(), &[steps * batch, k]),
            t64(h0.clone(), &[batch, n]),
        );
        let r_t: Vec<Tensor> = r.iter().map(|r| t64(r.clone(), &[batch, n])).collect();
        let loss = |wp: &Vec<Tensor>| -> ems::Result<Tensor> {
            let gates = ems::reshape(
                &ems::matmul(&rows_t, &wp[1])?,
                &[steps as i64, batch as i64, n as i64],
            )?;
            let pieces = ems::split(&gates, ems::Split::Sections(steps), 0)?;
            let (mut h, mut acc) = (h0_t.clone(), Tensor::scalar(0.0f64));
            for (piece, r) in pieces.iter().zip(&r_t) {
                let hw = ems::matmul(&h, &wp[0])?;
                let hw = if scale == 1.0 {
                    hw
                } else {
                    ems::mul(&hw, scale)?
                };
                h = ems::add(&ems::reshape(piece, &[batch as i64, n as i64])?, &hw)?;
                acc = ems::add(&acc, ems::sum(&ems::mul(&h, r)?, Axes::All, false)?)?;
            }
            Ok(acc)
        };
        let (w, p) = (matrix(n, n, 7), matrix(k, n, 8));
        let wp = vec![t64(w.clone(), &[n, n]), t64(p.clone(), &[k, n])];
        let (_, back) = ems::vjp(loss, &wp)?;
        let got = back.apply(&[Tensor::scalar(1.0f64)])?;
        // Forward: h_t = rows_t·p + scale·h_{t-1}·w; backward: dh_t = r_t + scale·dh_{t+1}·wᵀ.
        let mut hs = vec![h0.clone()];
        for t in 0..steps {
            let mut h = vec![0.0; batch * n];
            for b in 0..batch {
                for j in 0..n {
                    let proj: f64 = (0..k)
                        .map(|q| rows[(t * batch + b) * k + q] * p[q * n + j])
                        .sum();
                    let rec: f64 = (0..n).map(|q| hs[t][b * n + q] * w[q * n + j]).sum();
                    h[b * n + j] = proj + scale * rec;
                }
            }
            hs.push(h);
        }
        let mut dh = vec![vec![0.0; batch * n]; steps];
        for t in (0..steps).rev() {
            for b in 0..batch {
                for j in 0..n {
                    let later: f64 = if t + 1 < steps {
                        (0..n).map(|q| dh[t + 1][b * n + q] * w[j * n + q]).sum()
                    } else {
                        0.0
                    };
                    dh[t][b * n + j] = r[t][b * n + j] + scale * later;
                }
            }
        }
        let (mut dw, mut dp) = (vec![0.0; n * n], vec![0.0; k * n]);
        for t in 0..steps {
            for b in 0..batch {
                for j in 0..n {
                    for q in 0..n {
                        dw[q * n + j] += scale * hs[t][b * n + q] * dh[t][b * n + j];
                    }
                    for q in 0..k {
                        dp[q * n + j] += rows[(t * batch + b) * k + q] * dh[t][b * n + j];
                    }
                }
            }
        }
        close(
            &format!("dw (scale {scale})"),
            &got[0].to_vec::<f64>(),
            &dw,
            1e-10,
        )?;
        close(
            &format!("dp (scale {scale})"),
            &got[1].to_vec::<f64>(),
            &dp,
            1e-10,
        )?;
    }
    Ok(())
}

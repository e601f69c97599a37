//! Loss values against hand-computed references, numerical stability at huge logits, and the
//! errors for bad labels and shapes.

use super::helpers::*;
use easy_mindspore as ems;
use ems::nn::loss::*;
use ems::nn::Reduction;
use ems::Tensor;
use std::sync::Arc;

fn lse(row: &[f64]) -> f64 {
    let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    m + row.iter().map(|v| (v - m).exp()).sum::<f64>().ln()
}

#[test]
fn regression_losses() {
    let x = t64(&[1.0, 2.0, 3.0, 4.0], &[2, 2]);
    let y = t64(&[0.0, 2.0, 5.0, 3.0], &[2, 2]);
    assert_eq!(
        MSELoss::new().call(&x, &y).unwrap().to_f64().unwrap(),
        (1.0 + 0.0 + 4.0 + 1.0) / 4.0
    );
    assert_eq!(
        L1Loss::with_reduction(Reduction::Sum)
            .call(&x, &y)
            .unwrap()
            .to_f64()
            .unwrap(),
        4.0
    );
    assert_eq!(
        MSELoss::with_reduction(Reduction::None)
            .call(&x, &y)
            .unwrap()
            .to_vec::<f64>(),
        vec![1.0, 0.0, 4.0, 1.0]
    );
    // Labels broadcast (MindSpore allows it); incompatible shapes are an error naming the loss.
    assert_eq!(
        L1Loss::new()
            .call(&x, &t64(&[1.0, 2.0], &[2]))
            .unwrap()
            .to_f64()
            .unwrap(),
        (0.0 + 0.0 + 2.0 + 2.0) / 4.0
    );
    let e = MSELoss::new()
        .call(&x, &t64(&[1.0, 2.0, 3.0], &[3]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("MSELoss"), "{e}");
}

#[test]
fn cross_entropy_matches_log_sum_exp_by_hand() {
    let rows = [[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0]];
    let logits = t64(&rows.concat(), &[2, 3]);
    let labels = Tensor::new([1i64, 2]).unwrap();
    let nll = [lse(&rows[0]) - 2.0, lse(&rows[1]) - 3.0];
    let ce = CrossEntropyLoss::new()
        .call(&logits, &labels)
        .unwrap()
        .to_f64()
        .unwrap();
    assert!((ce - (nll[0] + nll[1]) / 2.0).abs() < 1e-14);
    let sparse = SoftmaxCrossEntropyWithLogits::new(true, Reduction::None)
        .call(&logits, &labels)
        .unwrap();
    assert_close(&sparse.to_vec::<f64>(), &nll, 1e-14, "sparse");
    let onehot = t64(&[0.0, 1.0, 0.0, 0.0, 0.0, 1.0], &[2, 3]);
    let dense = SoftmaxCrossEntropyWithLogits::new(false, Reduction::None)
        .call(&logits, &onehot)
        .unwrap();
    assert_close(&dense.to_vec::<f64>(), &nll, 1e-14, "dense");
    // Class weights: Σ w_y·nll / Σ w_y.
    let w = [0.2, 1.0, 3.0];
    let ce_w = CrossEntropyLoss::new()
        .weight(t64(&w, &[3]))
        .call(&logits, &labels)
        .unwrap()
        .to_f64()
        .unwrap();
    assert!((ce_w - (1.0 * nll[0] + 3.0 * nll[1]) / 4.0).abs() < 1e-14);
    // ignore_index drops the row from the sum and the count.
    let ce_i = CrossEntropyLoss::new()
        .ignore_index(2)
        .call(&logits, &labels)
        .unwrap()
        .to_f64()
        .unwrap();
    assert!((ce_i - nll[0]).abs() < 1e-14);
    // Label smoothing ε: (1−ε)·nll + ε·mean_c(−log p_c).
    let eps = 0.1;
    let smooth: Vec<f64> = rows
        .iter()
        .map(|r| r.iter().map(|v| lse(r) - v).sum::<f64>() / 3.0)
        .collect();
    let want =
        ((1.0 - eps) * nll[0] + eps * smooth[0] + (1.0 - eps) * nll[1] + eps * smooth[1]) / 2.0;
    let ce_s = CrossEntropyLoss::new()
        .label_smoothing(eps)
        .call(&logits, &labels)
        .unwrap()
        .to_f64()
        .unwrap();
    assert!((ce_s - want).abs() < 1e-14, "{ce_s} vs {want}");
    // Probabilities as labels give the same as one-hot indices.
    let ce_p = CrossEntropyLoss::new()
        .call(&logits, &onehot)
        .unwrap()
        .to_f64()
        .unwrap();
    assert!((ce_p - ce).abs() < 1e-14);
}

#[test]
fn cross_entropy_over_extra_axes() {
    // [N, C, d] logits: each (n, d) position is one sample.
    let logits = t64(&[1.0, 0.0, 2.0, 1.0, 3.0, -1.0], &[1, 3, 2]);
    let labels = Tensor::new([[2i32, 0]]).unwrap();
    let want = ((lse(&[1.0, 2.0, 3.0]) - 3.0) + (lse(&[0.0, 1.0, -1.0]) - 0.0)) / 2.0;
    let got = CrossEntropyLoss::new()
        .call(&logits, &labels)
        .unwrap()
        .to_f64()
        .unwrap();
    assert!((got - want).abs() < 1e-14);
    let per = CrossEntropyLoss::new()
        .reduction(Reduction::None)
        .call(&logits, &labels)
        .unwrap();
    assert_eq!(per.shape(), vec![1, 2]);
}

#[test]
fn huge_logits_stay_finite() {
    let logits = Tensor::new([[1e30f32, -1e30, 0.0], [88.0, 89.0, 90.0]]).unwrap();
    let labels = Tensor::new([1i32, 2]).unwrap();
    let l = CrossEntropyLoss::new()
        .call(&logits, &labels)
        .unwrap()
        .to_f64()
        .unwrap();
    assert!(l.is_finite() && (l - (2e30 + lse(&[88.0, 89.0, 90.0]) - 90.0) / 2.0).abs() / l < 1e-6);
    let g = ems::nn::grad(|| CrossEntropyLoss::new().call(&logits, &labels), &[]).unwrap();
    assert!(g.is_empty());
    let p = ems::nn::Parameter::new(logits.clone(), "p");
    let g = ems::nn::grad(
        || CrossEntropyLoss::new().call(&p.value(), &labels),
        std::slice::from_ref(&p),
    )
    .unwrap();
    assert!(g[0].to_vec::<f32>().iter().all(|v| v.is_finite()));
    let bce = BCEWithLogitsLoss::new()
        .call(
            &Tensor::new([1000.0f32, -1000.0]).unwrap(),
            &Tensor::new([0.0f32, 1.0]).unwrap(),
        )
        .unwrap();
    assert_eq!(bce.to_f64().unwrap(), 1000.0);
}

#[test]
fn bce_with_logits_matches_the_definition() {
    let x = [0.3, -1.2, 2.0, 0.0];
    let y = [1.0, 0.0, 0.25, 1.0];
    let pw = 2.0;
    let sig = |v: f64| 1.0 / (1.0 + (-v).exp());
    let want: Vec<f64> = x
        .iter()
        .zip(&y)
        .map(|(&x, &y)| -(pw * y * sig(x).ln() + (1.0 - y) * (1.0 - sig(x)).ln()))
        .collect();
    let got = BCEWithLogitsLoss::new()
        .reduction(Reduction::None)
        .pos_weight(t64(&[pw], &[1]))
        .call(&t64(&x, &[4]), &t64(&y, &[4]))
        .unwrap();
    assert_close(&got.to_vec::<f64>(), &want, 1e-14, "BCEWithLogitsLoss");
    // The derivative at 0 is σ(0) − y = 0.5 − y (softplus's kink handled exactly).
    let p = ems::nn::Parameter::new(t64(&[0.0], &[1]), "p");
    let g = ems::nn::grad(
        || BCEWithLogitsLoss::new().call(&p.value(), &t64(&[0.0], &[1])),
        std::slice::from_ref(&p),
    )
    .unwrap();
    assert_eq!(g[0].to_vec::<f64>(), vec![0.5]);
}

#[test]
fn bad_labels_are_errors_naming_them() {
    let logits = t64(&[0.0; 6], &[2, 3]);
    let e = CrossEntropyLoss::new()
        .call(&logits, &Tensor::new([1i32, 3]).unwrap())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("CrossEntropyLoss") && e.contains("label 3") && e.contains("3 classes"),
        "{e}"
    );
    let e = CrossEntropyLoss::new()
        .call(&logits, &Tensor::new([1i32, 2, 0]).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("[2]") && e.contains("[3]"), "{e}");
    let e = SoftmaxCrossEntropyWithLogits::new(true, Reduction::Mean)
        .call(&logits, &Tensor::new([-1i32, 0]).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("label -1"), "{e}");
    let e = CrossEntropyLoss::new()
        .weight(t64(&[1.0, 2.0], &[2]))
        .call(&logits, &Tensor::new([1i32, 2]).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("weight must be [C]"), "{e}");
    assert!(CrossEntropyLoss::new()
        .call(
            &Tensor::new([1i32, 2]).unwrap(),
            &Tensor::new([0i32]).unwrap()
        )
        .is_err());
    assert!(BCEWithLogitsLoss::new()
        .call(&logits, &t64(&[0.0; 3], &[3]))
        .is_err());
}

/// The label range check is part of the computation, not a value the trace reads: a jitted loss
/// traces once for any labels, and a bad label is the same error eagerly, while tracing, and
/// from the cached graph.
#[test]
fn jitted_losses_check_labels_at_each_call_without_retracing() {
    let _g = jit_caches();
    let losses: Vec<Arc<dyn LossFn + Send + Sync>> = vec![
        Arc::new(SoftmaxCrossEntropyWithLogits::new(true, Reduction::Mean)),
        Arc::new(CrossEntropyLoss::new().ignore_index(-1)),
        Arc::new(CrossEntropyLoss::new().label_smoothing(0.1)),
    ];
    let logits = t64(&[0.5, -1.0, 2.0, 0.0, 1.0, 3.0, -2.0, 0.25], &[2, 4]);
    for loss in losses {
        let name = loss.cls_name();
        let l = loss.clone();
        let f = ems::jit::jit(move |xs: &[Tensor]| Ok(vec![l.call(&xs[0], &xs[1])?]));
        for k in 0..20i32 {
            let labels = Tensor::new([k % 4, (k / 4) % 4]).unwrap();
            let got = f.call(&[logits.clone(), labels.clone()]).unwrap()[0].to_f64();
            let want = loss.call(&logits, &labels).unwrap().to_f64();
            assert_eq!(got.unwrap(), want.unwrap(), "{name} at labels {k}");
        }
        assert_eq!(f.stats().traces, 1, "{name}: new labels reuse the graph");
        let bad = Tensor::new([1i32, 4]).unwrap();
        let eager = loss.call(&logits, &bad).unwrap_err();
        let replayed = f.call(&[logits.clone(), bad.clone()]).unwrap_err();
        assert_eq!(replayed.to_string(), eager.to_string(), "{name}");
        assert_eq!(replayed.class(), eager.class(), "{name}");
        let msg = eager.to_string();
        assert!(
            msg.contains(name)
                && msg.contains("label 4 at position 1")
                && msg.contains("4 classes"),
            "{msg}"
        );
        // A fresh jit meets the bad label while tracing: the same error again.
        let l = loss.clone();
        let g = ems::jit::jit(move |xs: &[Tensor]| Ok(vec![l.call(&xs[0], &xs[1])?]));
        let traced = g.call(&[logits.clone(), bad]).unwrap_err();
        assert_eq!(traced.to_string(), eager.to_string(), "{name}");
    }
    // The ignore index passes the check (its row contributes nothing).
    let ignoring = CrossEntropyLoss::new().ignore_index(-1);
    let labels = Tensor::new([2i32, -1]).unwrap();
    let want = -(2.0 - lse(&[0.5, -1.0, 2.0, 0.0]));
    let got = ignoring.call(&logits, &labels).unwrap().to_f64().unwrap();
    assert!((got - want).abs() < 1e-12, "{got} vs {want}");
}

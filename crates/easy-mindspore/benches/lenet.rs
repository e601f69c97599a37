//! W7 of the benchmark plan: one forward and backward pass of *Dive into Deep Learning*'s LeNet
//! on a batch of 64 single-channel 28 × 28 float32 images —
//!
//! `Conv2d(1, 6, 5, pad 2) → Sigmoid → AvgPool2d(2, 2) → Conv2d(6, 16, 5) → Sigmoid →
//!  AvgPool2d(2, 2) → Flatten → Dense(400, 120) → Sigmoid → Dense(120, 84) → Sigmoid →
//!  Dense(84, 10)`
//!
//! — the mean sparse softmax cross-entropy and its gradients with respect to all ten parameter
//! tensors through `nn::value_and_grad`, built from the `nn` layers exactly as a user writes it.
//!
//! Before timing: the float32 loss and gradients must be finite, every parameter's gradient must
//! match central finite differences (a few entries each) on a float64 copy of the network with a
//! batch of 2, and the float32 loss must fall over a few SGD steps.
//!
//! Run: `cargo bench -p easy-mindspore --bench lenet`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use easy_mindspore as ems;
use ems::nn::{self, Cell, LossFn, Optimizer, Padding, Parameter};
use ems::{DType, Tensor};

const BATCH: usize = 64;

/// D2L's LeNet with parameters of `dtype` (MindSpore's default initializers, seed 0).
fn lenet(dtype: DType) -> ems::Result<nn::SequentialCell> {
    ems::set_seed(0);
    let conv = |i, o, padding| {
        nn::Conv2d::with_options(
            i,
            o,
            (5, 5),
            nn::Conv2dOptions {
                padding,
                has_bias: true,
                dtype,
                ..Default::default()
            },
        )
    };
    let dense = |i, o| {
        nn::Dense::with_options(
            i,
            o,
            nn::DenseOptions {
                dtype,
                ..Default::default()
            },
        )
    };
    Ok(nn::SequentialCell::new()
        .with(conv(1, 6, Padding::pad(2))?)
        .with(nn::Sigmoid::new())
        .with(nn::AvgPool2d::new(2, 2)?)
        .with(conv(6, 16, Padding::Valid)?)
        .with(nn::Sigmoid::new())
        .with(nn::AvgPool2d::new(2, 2)?)
        .with(nn::Flatten::new())
        .with(dense(400, 120)?)
        .with(nn::Sigmoid::new())
        .with(dense(120, 84)?)
        .with(nn::Sigmoid::new())
        .with(dense(84, 10)?))
}

/// A batch of `n` standard-normal images `[n, 1, 28, 28]` and labels `[n]` (Int32).
fn batch(n: usize, dtype: DType) -> ems::Result<(Tensor, Tensor)> {
    ems::set_seed(1);
    let x = ems::randn(&[n, 1, 28, 28], dtype)?;
    let labels: Vec<i32> = (0..n).map(|i| ((i * 7 + 3) % 10) as i32).collect();
    Ok((x, Tensor::from_vec(labels, &[n])?))
}

/// The mean softmax cross-entropy of `net` on `(x, y)`.
fn loss(net: &dyn Cell, x: &Tensor, y: &Tensor) -> ems::Result<Tensor> {
    nn::loss::SoftmaxCrossEntropyWithLogits::new(true, nn::Reduction::Mean).call(&net.call(x)?, y)
}

/// The loss and its gradients with respect to `params`: the timed step.
fn step(
    net: &dyn Cell,
    params: &[Parameter],
    x: &Tensor,
    y: &Tensor,
) -> ems::Result<(Tensor, Vec<Tensor>)> {
    nn::value_and_grad(|| loss(net, x, y), params)
}

/// Float64, batch 2: a few entries of every parameter's gradient against central differences.
fn check_gradients() -> ems::Result<()> {
    let net = lenet(DType::Float64)?;
    let params = net.trainable_params();
    let (x, y) = batch(2, DType::Float64)?;
    let (_, grads) = step(&net, &params, &x, &y)?;
    let h = 1e-6;
    for (p, g) in params.iter().zip(&grads) {
        let base = p.value();
        let values = base.to_vec::<f64>();
        let analytic = g.to_vec::<f64>();
        let n = values.len();
        for k in [0, n / 3, n - 1] {
            let at = |delta: f64| -> ems::Result<f64> {
                let mut v = values.clone();
                v[k] += delta;
                p.set_data(&Tensor::from_vec(v, base.dims())?)?;
                loss(&net, &x, &y)?.to_f64()
            };
            let numeric = (at(h)? - at(-h)?) / (2.0 * h);
            p.set_data(&base)?;
            let err = (numeric - analytic[k]).abs();
            assert!(
                err <= 1e-6 + 1e-4 * numeric.abs(),
                "{}[{k}]: analytic {} vs central difference {numeric}",
                p.name(),
                analytic[k]
            );
        }
    }
    Ok(())
}

/// Float32, batch 64: finite loss and gradients, and a loss that falls over five SGD steps.
fn check_training() -> ems::Result<()> {
    let net = lenet(DType::Float32)?;
    let params = net.trainable_params();
    let (x, y) = batch(BATCH, DType::Float32)?;
    let mut opt = nn::optim::SGD::new(params.clone(), 0.9)?;
    let mut losses = Vec::new();
    for _ in 0..5 {
        let (l, grads) = step(&net, &params, &x, &y)?;
        for g in &grads {
            assert!(g.to_vec::<f32>().iter().all(|v| v.is_finite()));
        }
        losses.push(l.to_f64()?);
        opt.step(&grads)?;
    }
    assert!(losses.iter().all(|l| l.is_finite()), "losses {losses:?}");
    assert!(losses[4] < losses[0], "the loss did not fall: {losses:?}");
    Ok(())
}

fn bench_lenet(c: &mut Criterion) {
    if let Err(e) = check_gradients().and_then(|()| check_training()) {
        panic!("W7 correctness check failed: {e}");
    }
    let built = lenet(DType::Float32).and_then(|net| Ok((net, batch(BATCH, DType::Float32)?)));
    let (net, (x, y)) = match built {
        Ok(v) => v,
        Err(e) => panic!("building W7 failed: {e}"),
    };
    let params = net.trainable_params();
    c.bench_function("W7 lenet fwd+bwd batch 64", |b| {
        b.iter(|| match step(&net, &params, black_box(&x), &y) {
            Ok(out) => out,
            Err(e) => panic!("W7 step failed: {e}"),
        })
    });
}

criterion_group!(benches, bench_lenet);
criterion_main!(benches);

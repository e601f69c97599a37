//! The digits training runs as slow tests (`cargo test --release -p easy-mindspore --test nn --
//! --ignored`): the same recipes as the examples `digits_mlp` and `digits_lenet`, with fixed
//! seeds, must reach the accuracies on the held-out 20%.

use super::helpers::seeded;
use easy_mindspore as ems;
use ems::nn::{self, data::Dataset, Cell, LossFn, Optimizer};
use ems::DType;

fn split(shape: &[i64]) -> (Dataset, Dataset) {
    let d = nn::data::digits::load_digits(nn::data::digits::DIGITS_PATH).unwrap();
    let x = (d.images.reshape(shape).unwrap() / 16.0).unwrap();
    Dataset::new(vec![x, d.labels])
        .unwrap()
        .split(0.8, 0)
        .unwrap()
}

fn accuracy(net: &dyn Cell, data: &Dataset) -> f64 {
    net.set_train(false);
    let c = data.columns();
    let pred = ems::argmax(&net.call(&c[0]).unwrap(), Some(1), false).unwrap();
    let ok = ems::equal(&pred, ems::cast(&c[1], DType::Int32).unwrap()).unwrap();
    ems::cast(&ok, DType::Float32)
        .unwrap()
        .mean()
        .unwrap()
        .to_f64()
        .unwrap()
}

fn fit(net: &dyn Cell, opt: &mut dyn Optimizer, train: &Dataset, epochs: u64, cosine: Option<f64>) {
    let loss_fn = nn::loss::CrossEntropyLoss::new();
    let params = net.trainable_params();
    let batches = train.clone().shuffle(1).batch(32, false).unwrap();
    for epoch in 0..epochs {
        if let Some(lr) = cosine {
            opt.set_learning_rate(
                lr * 0.5 * (1.0 + (std::f64::consts::PI * epoch as f64 / epochs as f64).cos()),
            );
        }
        net.set_train(true);
        for b in batches.epoch(epoch) {
            let b = b.unwrap();
            let (_, g) =
                nn::value_and_grad(|| loss_fn.call(&net.call(&b[0])?, &b[1]), &params).unwrap();
            opt.step(&g).unwrap();
        }
    }
}

#[test]
#[ignore = "slow: trains on the digits (run with --release -- --ignored)"]
fn softmax_regression_and_mlp_reach_95_percent() {
    let _g = seeded(0);
    let (train, test) = split(&[-1, 64]);
    let softmax = nn::Dense::new(64, 10).unwrap();
    let mut sgd =
        nn::optim::SGD::with_options(softmax.trainable_params(), 0.05, 0.9, 0.0, 0.0, false)
            .unwrap();
    fit(&softmax, &mut sgd, &train, 40, None);
    let acc = accuracy(&softmax, &test);
    println!("softmax regression test accuracy {acc:.4}");
    assert!(acc >= 0.95, "{acc}");

    ems::set_seed(0);
    let mlp = nn::SequentialCell::new()
        .with(nn::Dense::new(64, 128).unwrap())
        .with(nn::ReLU::new())
        .with(nn::Dense::new(128, 10).unwrap());
    let mut adam = nn::optim::Adam::new(mlp.trainable_params(), 1e-3).unwrap();
    fit(&mlp, &mut adam, &train, 40, None);
    let acc = accuracy(&mlp, &test);
    println!("MLP test accuracy {acc:.4}");
    assert!(acc >= 0.95, "{acc}");
}

#[test]
#[ignore = "slow: trains on the digits (run with --release -- --ignored)"]
fn lenet_reaches_97_percent() {
    let _g = seeded(0);
    let (train, test) = split(&[-1, 1, 8, 8]);
    let conv = |i, o| {
        nn::Conv2d::with_options(
            i,
            o,
            (3, 3),
            nn::Conv2dOptions {
                has_bias: true,
                ..Default::default()
            },
        )
        .unwrap()
    };
    let net = nn::SequentialCell::new()
        .with(conv(1, 16))
        .with(nn::BatchNorm2d::new(16).unwrap())
        .with(nn::ReLU::new())
        .with(nn::MaxPool2d::new(2, 2).unwrap())
        .with(conv(16, 32))
        .with(nn::BatchNorm2d::new(32).unwrap())
        .with(nn::ReLU::new())
        .with(nn::MaxPool2d::new(2, 2).unwrap())
        .with(nn::Flatten::new())
        .with(nn::Dropout::new(0.3).unwrap())
        .with(nn::Dense::new(128, 64).unwrap())
        .with(nn::ReLU::new())
        .with(nn::Dense::new(64, 10).unwrap());
    let mut adam = nn::optim::Adam::new(net.trainable_params(), 2e-3).unwrap();
    fit(&net, &mut adam, &train, 30, Some(2e-3));
    let acc = accuracy(&net, &test);
    println!("LeNet test accuracy {acc:.4}");
    assert!(acc >= 0.97, "{acc}");
}

#[test]
fn one_training_step_lowers_the_loss() {
    // The fast, always-run sibling of the slow tests: a few SGD steps on a small batch.
    let _g = seeded(3);
    let (train, _) = split(&[-1, 64]);
    let b = train
        .clone()
        .batch(64, true)
        .unwrap()
        .epoch(0)
        .next()
        .unwrap()
        .unwrap();
    let net = nn::Dense::new(64, 10).unwrap();
    let loss_fn = nn::loss::CrossEntropyLoss::new();
    let mut opt = nn::optim::SGD::new(net.trainable_params(), 0.5).unwrap();
    let loss = |net: &nn::Dense| {
        loss_fn
            .call(&net.call(&b[0]).unwrap(), &b[1])
            .unwrap()
            .to_f64()
            .unwrap()
    };
    let before = loss(&net);
    for _ in 0..5 {
        let g = nn::grad(
            || loss_fn.call(&net.call(&b[0])?, &b[1]),
            &net.trainable_params(),
        )
        .unwrap();
        opt.step(&g).unwrap();
    }
    assert!(loss(&net) < 0.8 * before, "{} -> {}", before, loss(&net));
}

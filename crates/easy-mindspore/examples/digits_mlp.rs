//! Softmax regression and a multilayer perceptron on the 8×8 handwritten digits bundled with the
//! repository (`fixtures/digits`, 1,797 images).
//!
//! Split: a seeded random permutation (seed 0) of the 1,797 images; the first 80% (1,438) train,
//! the other 359 test. Pixels are scaled from 0..16 to 0..1 and each image flattened to 64
//! values. Both models train with `CrossEntropyLoss`, batches of 32 reshuffled every epoch
//! (seed 1), and fixed initial weights (`ems::set_seed(0)`):
//! - softmax regression: `Dense(64, 10)`, SGD with momentum 0.9, learning rate 0.05, 40 epochs;
//! - MLP: `Dense(64, 128) → ReLU → Dense(128, 10)`, Adam with learning rate 1e-3, 40 epochs.
//!
//! Run: `cargo run --release --example digits_mlp` (both must reach ≥ 95% test accuracy).

use easy_mindspore as ems;
use ems::nn::{self, data::Dataset, Cell, LossFn, Optimizer};
use ems::DType;

/// The digits as `[N, 64]` features in 0..1 and labels, split 80/20 with seed 0.
fn digits() -> ems::Result<(Dataset, Dataset)> {
    let d = nn::data::digits::load_digits(nn::data::digits::DIGITS_PATH)?;
    let x = (d.images.reshape(&[-1, 64])? / 16.0)?;
    Dataset::new(vec![x, d.labels])?.split(0.8, 0)
}

/// The fraction of `data` that `net` classifies correctly.
fn accuracy(net: &dyn Cell, data: &Dataset) -> ems::Result<f64> {
    net.set_train(false);
    let cols = data.columns();
    let pred = ems::argmax(&net.call(&cols[0])?, Some(1), false)?;
    let right = ems::cast(
        &ems::equal(&pred, &ems::cast(&cols[1], DType::Int32)?)?,
        DType::Float32,
    )?;
    right.mean()?.to_f64()
}

/// Trains `net` for `epochs`, printing the mean training loss and the test accuracy per epoch.
fn train(
    net: &dyn Cell,
    opt: &mut dyn Optimizer,
    train: &Dataset,
    test: &Dataset,
    epochs: u64,
) -> ems::Result<f64> {
    let loss_fn = nn::loss::CrossEntropyLoss::new();
    let params = net.trainable_params();
    let batches = train.clone().shuffle(1).batch(32, false)?;
    for epoch in 0..epochs {
        net.set_train(true);
        let mut total = 0.0;
        for batch in batches.epoch(epoch) {
            let b = batch?;
            let (loss, grads) =
                nn::value_and_grad(|| loss_fn.call(&net.call(&b[0])?, &b[1]), &params)?;
            opt.step(&grads)?;
            total += loss.to_f64()?;
        }
        let acc = accuracy(net, test)?;
        println!(
            "epoch {:2}, loss {:.4}, test accuracy {:.4}",
            epoch + 1,
            total / batches.num_batches() as f64,
            acc
        );
    }
    accuracy(net, test)
}

fn main() -> ems::Result<()> {
    let (train_set, test_set) = digits()?;
    println!(
        "{} training and {} test images",
        train_set.len(),
        test_set.len()
    );

    ems::set_seed(0);
    println!("softmax regression: Dense(64, 10), SGD(momentum 0.9, lr 0.05)");
    let softmax = nn::Dense::new(64, 10)?;
    let mut sgd =
        nn::optim::SGD::with_options(softmax.trainable_params(), 0.05, 0.9, 0.0, 0.0, false)?;
    let acc_softmax = train(&softmax, &mut sgd, &train_set, &test_set, 40)?;

    ems::set_seed(0);
    let mlp = nn::SequentialCell::new()
        .with(nn::Dense::new(64, 128)?)
        .with(nn::ReLU::new())
        .with(nn::Dense::new(128, 10)?);
    println!("MLP: {}", mlp.repr().replace('\n', "\n     "));
    let mut adam = nn::optim::Adam::new(mlp.trainable_params(), 1e-3)?;
    let acc_mlp = train(&mlp, &mut adam, &train_set, &test_set, 40)?;

    println!("final test accuracy: softmax regression {acc_softmax:.4}, MLP {acc_mlp:.4}");
    Ok(())
}

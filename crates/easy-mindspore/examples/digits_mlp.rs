//! Softmax regression and a multilayer perceptron on the 8×8 handwritten digits bundled with the
//! repository (`crates/easy-mindspore/data/digits`, 1,797 images).
//!
//! Split: a seeded random permutation (seed 0) of the 1,797 images; the first 80% (1,438) train,
//! the other 359 test. Pixels are scaled from 0..16 to 0..1 and each image flattened to 64
//! values. Both models train with `CrossEntropyLoss`, batches of 32 reshuffled every epoch
//! (seed 1), and fixed initial weights (`ems::set_seed(0)`):
//! - softmax regression: `Dense(64, 10)`, SGD with momentum 0.9, learning rate 0.05, 40 epochs;
//! - MLP: `Dense(64, 128) → ReLU → Dense(128, 10)`, Adam with learning rate 1e-3, 40 epochs.
//!
//! Run: `cargo run --release --example digits_mlp [-- --plot DIR]` (both must reach ≥ 95% test
//! accuracy). A progress bar shows the loss and speed on stderr while an epoch runs; the loss
//! and accuracy curves of both models go to `DIR/digits_mlp.png` (default `target/plots`).

mod support;

use easy_mindspore as ems;
use ems::nn::{self, data::Dataset, Cell, LossFn, Optimizer};
use ems::DType;
use plotters::style::RGBColor;
use support::{Curve, Panel, Progress};

/// Per-epoch mean training loss and test accuracy, as `(epoch, value)` points.
#[derive(Default)]
struct History {
    loss: Vec<(f64, f64)>,
    accuracy: Vec<(f64, f64)>,
}

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
    name: &str,
    net: &dyn Cell,
    opt: &mut dyn Optimizer,
    train: &Dataset,
    test: &Dataset,
    epochs: u64,
) -> ems::Result<(f64, History)> {
    let loss_fn = nn::loss::CrossEntropyLoss::new();
    let params = net.trainable_params();
    let batches = train.clone().shuffle(1).batch(32, false)?;
    let progress = Progress::new(name, epochs, batches.num_batches(), 32);
    let mut history = History::default();
    for epoch in 0..epochs {
        net.set_train(true);
        let mut total = 0.0;
        for (i, batch) in batches.epoch(epoch).enumerate() {
            let b = batch?;
            let (loss, grads) =
                nn::value_and_grad(|| loss_fn.call(&net.call(&b[0])?, &b[1]), &params)?;
            opt.step(&grads)?;
            total += loss.to_f64()?;
            progress.batch(epoch, total / (i + 1) as f64);
        }
        let acc = accuracy(net, test)?;
        let mean = total / batches.num_batches() as f64;
        progress.println(&format!(
            "epoch {:2}, loss {mean:.4}, test accuracy {acc:.4}",
            epoch + 1
        ));
        history.loss.push(((epoch + 1) as f64, mean));
        history.accuracy.push(((epoch + 1) as f64, acc));
    }
    progress.finish();
    Ok((accuracy(net, test)?, history))
}

fn main() -> support::AnyResult<()> {
    let plots = support::plot_dir()?;
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
    let (acc_softmax, h_softmax) = train("softmax", &softmax, &mut sgd, &train_set, &test_set, 40)?;

    ems::set_seed(0);
    let mlp = nn::SequentialCell::new()
        .with(nn::Dense::new(64, 128)?)
        .with(nn::ReLU::new())
        .with(nn::Dense::new(128, 10)?);
    println!("MLP: {}", mlp.repr().replace('\n', "\n     "));
    let mut adam = nn::optim::Adam::new(mlp.trainable_params(), 1e-3)?;
    let (acc_mlp, h_mlp) = train("MLP", &mlp, &mut adam, &train_set, &test_set, 40)?;

    println!("final test accuracy: softmax regression {acc_softmax:.4}, MLP {acc_mlp:.4}");

    let (blue, red) = (RGBColor(31, 119, 180), RGBColor(214, 39, 40));
    let curve = |name, color, points: &[(f64, f64)]| Curve {
        name,
        color,
        points: points.to_vec(),
    };
    support::save_png(
        &plots,
        "digits_mlp",
        &[
            Panel {
                title: "training loss",
                x_name: "epoch",
                y_name: "cross-entropy loss",
                curves: vec![
                    curve("softmax loss", blue, &h_softmax.loss),
                    curve("MLP loss", red, &h_mlp.loss),
                ],
            },
            Panel {
                title: "test accuracy",
                x_name: "epoch",
                y_name: "accuracy",
                curves: vec![
                    curve("softmax test acc", blue, &h_softmax.accuracy),
                    curve("MLP test acc", red, &h_mlp.accuracy),
                ],
            },
        ],
    )?;
    Ok(())
}

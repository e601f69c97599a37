//! LeNet-style convolutional network on the 8×8 handwritten digits bundled with the repository
//! (`crates/easy-mindspore/data/digits`, 1,797 images).
//!
//! Split: a seeded random permutation (seed 0) of the 1,797 images; the first 80% (1,438) train,
//! the other 359 test — the same split as `digits_mlp`. Images are `[N, 1, 8, 8]`, pixels scaled
//! to 0..1. The network is LeNet-5's two convolution/pooling stages shrunk to 8×8 inputs, with
//! batch normalization and dropout:
//!
//! `Conv2d(1, 16, 3, same) → BatchNorm2d → ReLU → MaxPool2d(2) → Conv2d(16, 32, 3, same) →
//!  BatchNorm2d → ReLU → MaxPool2d(2) → Flatten → Dropout(0.3) → Dense(128, 64) → ReLU →
//!  Dense(64, 10)`
//!
//! trained with `CrossEntropyLoss` and Adam (learning rate 2e-3 with a cosine decay) on batches
//! of 32 reshuffled every epoch (seed 1) for 30 epochs, from fixed initial weights
//! (`ems::set_seed(0)`).
//!
//! Run: `cargo run --release --example digits_lenet [-- --plot DIR]` (must reach ≥ 97% test
//! accuracy). A progress bar shows the loss and speed on stderr while an epoch runs; the loss
//! and accuracy curves go to `DIR/digits_lenet.png` (default `target/plots`).

mod support;

use easy_mindspore as ems;
use ems::nn::{self, data::Dataset, Cell, LossFn, Optimizer};
use ems::DType;
use plotters::style::RGBColor;
use support::{Curve, Panel, Progress};

const LR: f64 = 2e-3;

fn lenet() -> ems::Result<nn::SequentialCell> {
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
    };
    Ok(nn::SequentialCell::new()
        .with(conv(1, 16)?)
        .with(nn::BatchNorm2d::new(16)?)
        .with(nn::ReLU::new())
        .with(nn::MaxPool2d::new(2, 2)?)
        .with(conv(16, 32)?)
        .with(nn::BatchNorm2d::new(32)?)
        .with(nn::ReLU::new())
        .with(nn::MaxPool2d::new(2, 2)?)
        .with(nn::Flatten::new())
        .with(nn::Dropout::new(0.3)?)
        .with(nn::Dense::new(128, 64)?)
        .with(nn::ReLU::new())
        .with(nn::Dense::new(64, 10)?))
}

fn accuracy(net: &dyn Cell, data: &Dataset) -> ems::Result<f64> {
    net.set_train(false);
    let cols = data.columns();
    let pred = ems::argmax(&net.call(&cols[0])?, Some(1), false)?;
    let labels = ems::cast(&cols[1], DType::Int32)?;
    ems::cast(&ems::equal(&pred, &labels)?, DType::Float32)?
        .mean()?
        .to_f64()
}

fn main() -> support::AnyResult<()> {
    let plots = support::plot_dir()?;
    let d = nn::data::digits::load_digits(nn::data::digits::DIGITS_PATH)?;
    let x = (d.images.reshape(&[-1, 1, 8, 8])? / 16.0)?;
    let (train, test) = Dataset::new(vec![x, d.labels])?.split(0.8, 0)?;
    println!("{} training and {} test images", train.len(), test.len());

    ems::set_seed(0);
    let net = lenet()?;
    println!("{}", net.repr());
    let params = net.trainable_params();
    let mut opt = nn::optim::Adam::new(params.clone(), LR)?;
    let loss_fn = nn::loss::CrossEntropyLoss::new();
    let batches = train.clone().shuffle(1).batch(32, false)?;
    let progress = Progress::new("LeNet", 30, batches.num_batches(), 32);
    let (mut losses, mut accuracies) = (Vec::new(), Vec::new());
    for epoch in 0..30 {
        // Cosine decay of the learning rate over the run.
        opt.set_learning_rate(
            LR * 0.5 * (1.0 + (std::f64::consts::PI * epoch as f64 / 30.0).cos()),
        );
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
        let (mean, acc) = (total / batches.num_batches() as f64, accuracy(&net, &test)?);
        progress.println(&format!(
            "epoch {:2}, loss {mean:.4}, test accuracy {acc:.4}",
            epoch + 1
        ));
        losses.push(((epoch + 1) as f64, mean));
        accuracies.push(((epoch + 1) as f64, acc));
    }
    progress.finish();
    println!("final test accuracy: {:.4}", accuracy(&net, &test)?);

    let curve = |name, color, points| Curve {
        name,
        color,
        points,
    };
    support::save_png(
        &plots,
        "digits_lenet",
        &[
            Panel {
                title: "training loss",
                x_name: "epoch",
                y_name: "cross-entropy loss",
                curves: vec![curve("train loss", RGBColor(31, 119, 180), losses)],
            },
            Panel {
                title: "test accuracy",
                x_name: "epoch",
                y_name: "accuracy",
                curves: vec![curve("test accuracy", RGBColor(214, 39, 40), accuracies)],
            },
        ],
    )?;
    Ok(())
}

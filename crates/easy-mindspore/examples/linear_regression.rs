//! Linear regression on synthetic data, as in *Dive into Deep Learning* §3.3 (concise
//! implementation): `y = X·[2, −3.4] + 4.2 + ε`, `ε ~ N(0, 0.01²)`, 1,000 examples, a
//! `Dense(2, 1)` initialised `Normal(0, 0.01)` with a zero bias, `MSELoss`, minibatch SGD with
//! learning rate 0.03 and batch size 10 for 3 epochs.
//!
//! Run: `cargo run --release --example linear_regression [-- --plot DIR]`. A progress bar shows
//! the loss and speed on stderr while an epoch runs; the minibatch and full-data loss curves go
//! to `DIR/linear_regression.png` (default `target/plots`).

mod support;

use easy_mindspore as ems;
use ems::nn::{self, data::Dataset, Cell, LossFn, Optimizer};
use ems::{DType, Tensor};
use plotters::style::RGBColor;
use support::{Curve, Panel, Progress};

fn main() -> support::AnyResult<()> {
    let plots = support::plot_dir()?;
    ems::set_seed(42);
    let true_w = Tensor::new([[2.0f32], [-3.4]])?;
    let true_b = 4.2;
    let features = ems::randn(&[1000, 2], DType::Float32)?;
    let noise = ems::normal(0.0, 0.01, &[1000, 1])?;
    let labels = ((features.matmul(&true_w)? + true_b)? + noise)?;

    let net = nn::Dense::with_options(
        2,
        1,
        nn::DenseOptions {
            weight_init: Some(nn::Initializer::Normal {
                sigma: 0.01,
                mean: 0.0,
            }),
            bias_init: Some(nn::Initializer::Zero),
            ..Default::default()
        },
    )?;
    let loss_fn = nn::loss::MSELoss::new();
    let params = net.trainable_params();
    let mut opt = nn::optim::SGD::new(params.clone(), 0.03)?;
    let data = Dataset::new(vec![features.clone(), labels.clone()])?
        .shuffle(0)
        .batch(10, false)?;

    let progress = Progress::new("linreg", 3, data.num_batches(), 10);
    // Loss of each minibatch, and of the whole data set after each epoch (x in epochs).
    let (mut minibatch, mut full) = (Vec::new(), Vec::new());
    let steps = data.num_batches() as f64;
    for epoch in 0..3 {
        let mut total = 0.0;
        for (i, batch) in data.epoch(epoch).enumerate() {
            let batch = batch?;
            let (loss, grads) =
                nn::value_and_grad(|| loss_fn.call(&net.call(&batch[0])?, &batch[1]), &params)?;
            opt.step(&grads)?;
            let l = loss.to_f64()?;
            total += l;
            minibatch.push((epoch as f64 + (i + 1) as f64 / steps, l));
            progress.batch(epoch, total / (i + 1) as f64);
        }
        let l = loss_fn.call(&net.call(&features)?, &labels)?.to_f64()?;
        progress.println(&format!("epoch {}, loss {l:.6}", epoch + 1));
        full.push(((epoch + 1) as f64, l));
    }
    progress.finish();
    let w = net.weight().value().to_vec::<f32>();
    let b = net
        .bias()
        .map(|b| b.value().to_vec::<f32>()[0])
        .unwrap_or(0.0);
    println!(
        "error in estimating w: [{:.6}, {:.6}]",
        2.0 - w[0],
        -3.4 - w[1]
    );
    println!("error in estimating b: {:.6}", 4.2 - b);

    // The loss falls by orders of magnitude: plot log10 of it.
    let log10 = |v: &[(f64, f64)]| v.iter().map(|&(x, y)| (x, y.log10())).collect();
    support::save_png(
        &plots,
        "linear_regression",
        &[
            Panel {
                title: "minibatch loss",
                x_name: "epoch",
                y_name: "log10 squared loss",
                curves: vec![Curve {
                    name: "log10 minibatch loss",
                    color: RGBColor(31, 119, 180),
                    points: log10(&minibatch),
                }],
            },
            Panel {
                title: "loss on all the data",
                x_name: "epoch",
                y_name: "log10 squared loss",
                curves: vec![Curve {
                    name: "log10 loss (all data)",
                    color: RGBColor(214, 39, 40),
                    points: log10(&full),
                }],
            },
        ],
    )?;
    Ok(())
}

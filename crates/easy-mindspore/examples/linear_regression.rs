//! Linear regression on synthetic data, as in *Dive into Deep Learning* §3.3 (concise
//! implementation): `y = X·[2, −3.4] + 4.2 + ε`, `ε ~ N(0, 0.01²)`, 1,000 examples, a
//! `Dense(2, 1)` initialised `Normal(0, 0.01)` with a zero bias, `MSELoss`, minibatch SGD with
//! learning rate 0.03 and batch size 10 for 3 epochs.
//!
//! Run: `cargo run --release --example linear_regression`

use easy_mindspore as ems;
use ems::nn::{self, data::Dataset, Cell, LossFn, Optimizer};
use ems::{DType, Tensor};

fn main() -> ems::Result<()> {
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

    for epoch in 0..3 {
        for batch in data.epoch(epoch) {
            let batch = batch?;
            let (_, grads) =
                nn::value_and_grad(|| loss_fn.call(&net.call(&batch[0])?, &batch[1]), &params)?;
            opt.step(&grads)?;
        }
        let l = loss_fn.call(&net.call(&features)?, &labels)?.to_f64()?;
        println!("epoch {}, loss {l:.6}", epoch + 1);
    }
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
    Ok(())
}

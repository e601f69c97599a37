//! Gradients of every layer and loss against central finite differences in Float64, w.r.t. the
//! parameters and the input (an input is checked by wrapping it in a `Parameter`). The scalar
//! differentiated is `Σ out ⊙ r` with a fixed random `r`, so every output element carries a
//! different cotangent.

use super::helpers::*;
use easy_mindspore as ems;
use ems::nn::{self, Cell, LossFn, Padding, Parameter};
use ems::{DType, Tensor};

/// Checks `cell` at a random input of `shape`: gradients of its parameters and of the input.
fn check_cell(cell: &dyn Cell, shape: &[usize], tol: f64) {
    let x = Parameter::new(randn64(shape), "x");
    let r = randn64(&cell.call(&x.value()).unwrap().shape());
    let mut params = cell.trainable_params();
    params.push(x.clone());
    check_grads(&|| weighted_sum(&cell.call(&x.value())?, &r), &params, tol);
}

#[test]
fn dense_and_activations() {
    let _g = seeded(21);
    let f64o = || nn::DenseOptions {
        dtype: DType::Float64,
        ..Default::default()
    };
    check_cell(
        &nn::Dense::with_options(3, 4, f64o()).unwrap(),
        &[2, 3],
        1e-6,
    );
    check_cell(
        &nn::Dense::with_options(
            3,
            2,
            nn::DenseOptions {
                activation: Some(Box::new(nn::Tanh::new())),
                ..f64o()
            },
        )
        .unwrap(),
        &[2, 5, 3],
        1e-6,
    );
    for cell in [
        Box::new(nn::Sigmoid::new()) as Box<dyn Cell>,
        Box::new(nn::Tanh::new()),
        Box::new(nn::ReLU::new()),
        Box::new(nn::Softmax::new(-1)),
        Box::new(nn::Softmax::new(0)),
        Box::new(nn::LogSoftmax::new(1)),
        Box::new(nn::Flatten::new()),
    ] {
        check_cell(&*cell, &[3, 4], 1e-6);
    }
}

#[test]
fn conv2d_in_every_mode() {
    let _g = seeded(22);
    let opts = |stride, padding, dilation, group| nn::Conv2dOptions {
        stride,
        padding,
        dilation,
        group,
        has_bias: true,
        dtype: DType::Float64,
        ..Default::default()
    };
    for (ci, co, k, o, shape) in [
        (
            2,
            3,
            (3, 3),
            opts((1, 1), Padding::Same, (1, 1), 1),
            [2, 2, 5, 4],
        ),
        (
            2,
            2,
            (3, 2),
            opts((2, 2), Padding::Same, (1, 1), 1),
            [1, 2, 6, 5],
        ),
        (
            1,
            2,
            (2, 2),
            opts((1, 2), Padding::Valid, (1, 1), 1),
            [2, 1, 4, 5],
        ),
        (
            2,
            2,
            (2, 2),
            opts((1, 1), Padding::Pad([1, 0, 0, 2]), (2, 1), 2),
            [1, 2, 4, 4],
        ),
        // Rows wide enough for the wide-row path (stride 1): padded, unpadded, and padded
        // unevenly with dilation and groups.
        (
            2,
            3,
            (3, 3),
            opts((1, 1), Padding::Same, (1, 1), 1),
            [2, 2, 4, 12],
        ),
        (
            1,
            2,
            (3, 3),
            opts((1, 1), Padding::Valid, (1, 1), 1),
            [2, 1, 4, 16],
        ),
        (
            2,
            2,
            (2, 3),
            opts((1, 1), Padding::Pad([1, 0, 2, 1]), (1, 2), 2),
            [1, 2, 3, 20],
        ),
    ] {
        check_cell(
            &nn::Conv2d::with_options(ci, co, k, o).unwrap(),
            &shape,
            1e-6,
        );
    }
}

#[test]
fn pooling_layers() {
    let _g = seeded(23);
    // Random inputs have no ties, so the max is differentiable at the point.
    check_cell(&nn::MaxPool2d::new(2, 2).unwrap(), &[2, 2, 4, 5], 1e-6);
    check_cell(
        &nn::MaxPool2d::with_options((3, 3), (2, 2), Padding::Same).unwrap(),
        &[1, 2, 5, 5],
        1e-6,
    );
    check_cell(&nn::AvgPool2d::new(2, 1).unwrap(), &[2, 1, 3, 4], 1e-6);
    check_cell(
        &nn::AvgPool2d::with_options((3, 3), (2, 2), Padding::Same, true).unwrap(),
        &[1, 2, 5, 4],
        1e-6,
    );
    check_cell(
        &nn::AvgPool2d::with_options((2, 3), (1, 2), Padding::Pad([1, 1, 1, 0]), false).unwrap(),
        &[1, 1, 4, 4],
        1e-6,
    );
}

#[test]
fn batchnorm_in_training_and_evaluation() {
    let _g = seeded(24);
    let o = nn::BatchNormOptions {
        dtype: DType::Float64,
        ..Default::default()
    };
    let bn2 = nn::BatchNorm2d::with_options(3, o).unwrap();
    // Non-trivial gamma and beta, so their gradients are not the special case 1, 0.
    bn2.gamma().set_data(&t64(&[0.5, 1.5, -1.0], &[3])).unwrap();
    bn2.beta().set_data(&t64(&[0.1, -0.2, 0.3], &[3])).unwrap();
    bn2.set_train(true);
    check_cell(&bn2, &[3, 3, 2, 2], 1e-5);
    bn2.set_train(false);
    check_cell(&bn2, &[2, 3, 2, 2], 1e-6);
    let bn1 = nn::BatchNorm1d::with_options(4, o).unwrap();
    bn1.set_train(true);
    check_cell(&bn1, &[5, 4], 1e-5);
    check_cell(&bn1, &[3, 4, 2], 1e-5);
}

#[test]
fn dropout_gradient_is_its_mask() {
    let _g = seeded(25);
    let d = nn::Dropout::new(0.4).unwrap();
    d.set_train(true);
    let x = Parameter::new((randn64(&[200]) + 3.0).unwrap(), "x");
    // One call: y = x·mask/(1−p), so dΣy/dx = y/x elementwise.
    let (_, y, g) = nn::value_and_grad_with_aux(
        || {
            let y = d.call(&x.value())?;
            Ok((y.sum()?, y))
        },
        std::slice::from_ref(&x),
    )
    .unwrap();
    let want: Vec<f64> = y
        .to_vec::<f64>()
        .iter()
        .zip(x.value().to_vec::<f64>())
        .map(|(y, x)| y / x)
        .collect();
    assert_close(&g[0].to_vec::<f64>(), &want, 1e-12, "Dropout");
}

#[test]
fn losses() {
    let _g = seeded(26);
    let logits = Parameter::new(randn64(&[4, 3]), "logits");
    let probs = ems::softmax(&randn64(&[4, 3]), -1).unwrap();
    let labels = Tensor::new([2i32, 0, 1, 1]).unwrap();
    let target = randn64(&[4, 3]);
    let bits = ems::cast(
        &ems::greater(randn64(&[4, 3]), 0.0).unwrap(),
        DType::Float64,
    )
    .unwrap();
    let losses: Vec<(Box<dyn LossFn>, Tensor)> = vec![
        (Box::new(nn::loss::MSELoss::new()), target.clone()),
        (
            Box::new(nn::loss::L1Loss::with_reduction(nn::Reduction::Sum)),
            target.clone(),
        ),
        (Box::new(nn::loss::CrossEntropyLoss::new()), labels.clone()),
        (
            Box::new(
                nn::loss::CrossEntropyLoss::new()
                    .weight(t64(&[1.0, 2.0, 0.5], &[3]))
                    .label_smoothing(0.1),
            ),
            labels.clone(),
        ),
        (
            Box::new(nn::loss::CrossEntropyLoss::new().ignore_index(1)),
            labels.clone(),
        ),
        (
            Box::new(nn::loss::CrossEntropyLoss::new().label_smoothing(0.2)),
            probs.clone(),
        ),
        (
            Box::new(nn::loss::SoftmaxCrossEntropyWithLogits::new(
                true,
                nn::Reduction::Mean,
            )),
            labels.clone(),
        ),
        (
            Box::new(nn::loss::SoftmaxCrossEntropyWithLogits::new(
                false,
                nn::Reduction::Sum,
            )),
            probs.clone(),
        ),
        (Box::new(nn::loss::BCEWithLogitsLoss::new()), bits.clone()),
        (
            Box::new(
                nn::loss::BCEWithLogitsLoss::new()
                    .pos_weight(t64(&[1.0, 3.0, 0.5], &[3]))
                    .weight(t64(&[2.0, 1.0, 1.0, 0.5], &[4, 1])),
            ),
            bits.clone(),
        ),
    ];
    for (loss, y) in &losses {
        check_grads(
            &|| loss.call(&logits.value(), y),
            std::slice::from_ref(&logits),
            1e-6,
        );
    }
    // Per-sample ('none') losses, seeded with random cotangents.
    let r = randn64(&[4]);
    let ce = nn::loss::CrossEntropyLoss::new().reduction(nn::Reduction::None);
    check_grads(
        &|| weighted_sum(&ce.call(&logits.value(), &labels)?, &r),
        std::slice::from_ref(&logits),
        1e-6,
    );
    // [N, C, d] logits with [N, d] labels.
    let l3 = Parameter::new(randn64(&[2, 3, 2]), "l3");
    let lab3 = Tensor::new([[0i64, 2], [1, 1]]).unwrap();
    check_grads(
        &|| nn::loss::CrossEntropyLoss::new().call(&l3.value(), &lab3),
        std::slice::from_ref(&l3),
        1e-6,
    );
}

#[test]
fn a_small_network_end_to_end() {
    let _g = seeded(27);
    let conv_o = nn::Conv2dOptions {
        has_bias: true,
        dtype: DType::Float64,
        ..Default::default()
    };
    let net = nn::SequentialCell::new()
        .with(nn::Conv2d::with_options(1, 2, (3, 3), conv_o).unwrap())
        .with(
            nn::BatchNorm2d::with_options(
                2,
                nn::BatchNormOptions {
                    dtype: DType::Float64,
                    ..Default::default()
                },
            )
            .unwrap(),
        )
        .with(nn::Tanh::new())
        .with(nn::MaxPool2d::new(2, 2).unwrap())
        .with(nn::Flatten::new())
        .with(
            nn::Dense::with_options(
                8,
                3,
                nn::DenseOptions {
                    dtype: DType::Float64,
                    ..Default::default()
                },
            )
            .unwrap(),
        );
    net.set_train(true);
    let x = randn64(&[3, 1, 4, 4]);
    let labels = Tensor::new([0i32, 2, 1]).unwrap();
    let loss = nn::loss::CrossEntropyLoss::new();
    check_grads(
        &|| loss.call(&net.call(&x)?, &labels),
        &net.trainable_params(),
        1e-5,
    );
}

#[test]
fn every_transform_goes_through_the_layers() {
    let _g = seeded(28);
    let f64c = nn::Conv2dOptions {
        dtype: DType::Float64,
        ..Default::default()
    };
    let conv = nn::Conv2d::with_options(1, 2, (3, 3), f64c).unwrap();
    let pool = nn::MaxPool2d::new(2, 2).unwrap();
    let f = |x: &Tensor| -> ems::Result<Tensor> {
        // One example [1, 4, 4] made a batch of one.
        let y = pool.call(&conv.call(&x.expand_dims(0)?)?)?;
        ems::tanh(&y)?.sum()
    };
    let xs = randn64(&[3, 1, 4, 4]);
    // Per-example input gradients: vmap(grad) against a loop of grad.
    let batched = ems::vmap(ems::grad(f), 0, 0)(&xs).unwrap();
    for i in 0..3 {
        let one = ems::grad(f)(&xs.get(i as i64).unwrap()).unwrap();
        assert_close(
            &batched.get(i as i64).unwrap().to_vec::<f64>(),
            &one.to_vec::<f64>(),
            1e-12,
            "vmap(grad)",
        );
    }
    // Forward mode: a convolution without bias is linear, so its JVP along t is conv(t).
    let x = randn64(&[1, 1, 5, 5]);
    let t = randn64(&[1, 1, 5, 5]);
    let (_, tangent) = ems::jvp(|x: &Tensor| conv.call(x), &x, &t).unwrap();
    assert_close(
        &tangent.to_vec::<f64>(),
        &conv.call(&t).unwrap().to_vec::<f64>(),
        1e-12,
        "jvp",
    );
    // Second order through the layers: the Hessian-vector product of a Dense + Tanh network
    // against central differences of its gradient.
    let d = nn::Dense::with_options(
        3,
        2,
        nn::DenseOptions {
            dtype: DType::Float64,
            ..Default::default()
        },
    )
    .unwrap();
    let g = |x: &Tensor| -> ems::Result<Tensor> {
        ems::tanh(&d.call(&x.expand_dims(0)?)?)?.pow(2)?.sum()
    };
    let (x, v) = (randn64(&[3]), randn64(&[3]));
    let (_, hv) = ems::jvp(ems::grad(g), &x, &v).unwrap();
    let h = 1e-5;
    let plus = ems::grad(g)(&(&x + (&v * h).unwrap()).unwrap())
        .unwrap()
        .to_vec::<f64>();
    let minus = ems::grad(g)(&(&x - (&v * h).unwrap()).unwrap())
        .unwrap()
        .to_vec::<f64>();
    let fd: Vec<f64> = plus
        .iter()
        .zip(&minus)
        .map(|(a, b)| (a - b) / (2.0 * h))
        .collect();
    assert_close(&hv.to_vec::<f64>(), &fd, 1e-6, "Hessian-vector product");
}

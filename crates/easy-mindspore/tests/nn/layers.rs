//! Layer outputs against hand-computed values and naive loop references (convolution and
//! pooling for every padding mode, stride, dilation and group count), training/evaluation
//! behaviour, initializers, and the errors a bad input gives.

use super::helpers::*;
use easy_mindspore as ems;
use ems::nn::{self, Cell, Initializer, Padding};
use ems::{DType, Tensor};

#[test]
fn dense_matches_x_wt_plus_b_for_any_leading_axes() {
    let _g = seeded(3);
    let d = nn::Dense::with_options(
        3,
        2,
        nn::DenseOptions {
            dtype: DType::Float64,
            ..Default::default()
        },
    )
    .unwrap();
    let x = randn64(&[2, 4, 3]);
    let (w, b) = (
        d.weight().value().to_vec::<f64>(),
        d.bias().unwrap().value().to_vec::<f64>(),
    );
    let xv = x.to_vec::<f64>();
    let mut want = vec![];
    for r in 0..8 {
        for o in 0..2 {
            want.push(b[o] + (0..3).map(|i| xv[r * 3 + i] * w[o * 3 + i]).sum::<f64>());
        }
    }
    let y = d.call(&x).unwrap();
    assert_eq!(y.shape(), vec![2, 4, 2]);
    assert_close(&y.to_vec::<f64>(), &want, 1e-12, "Dense");
    let e = d.call(&randn64(&[2, 4])).unwrap_err().to_string();
    assert!(
        e.contains("Dense") && e.contains("in_channels=3") && e.contains("[2, 4]"),
        "{e}"
    );
    let e = d
        .call(&ems::ones(&[2, 3], DType::Float32).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("Float32") && e.contains("Float64"), "{e}");
    // An activation runs after the affine map.
    let r = nn::Dense::with_options(
        1,
        1,
        nn::DenseOptions {
            weight_init: Some(Initializer::Constant(-1.0)),
            bias_init: Some(Initializer::Zero),
            activation: Some(Box::new(nn::ReLU::new())),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        r.call(&Tensor::new([[2.0f32], [-3.0]]).unwrap())
            .unwrap()
            .to_vec::<f32>(),
        vec![0.0, 3.0]
    );
}

/// The convolution of `x` `[N, C, H, W]` with `w` `[O, C/g, kh, kw]` by loops over the padded input.
#[allow(clippy::too_many_arguments)]
fn conv_reference(
    x: &[f64],
    xs: [usize; 4],
    w: &[f64],
    ws: [usize; 4],
    stride: (usize, usize),
    pads: [usize; 4],
    dil: (usize, usize),
    group: usize,
) -> (Vec<f64>, [usize; 4]) {
    let [n, c, h, wd] = xs;
    let [o, cg, kh, kw] = ws;
    let (ph, pw) = (h + pads[0] + pads[1], wd + pads[2] + pads[3]);
    let oh = (ph - dil.0 * (kh - 1) - 1) / stride.0 + 1;
    let ow = (pw - dil.1 * (kw - 1) - 1) / stride.1 + 1;
    let at = |b: usize, ch: usize, i: isize, j: isize| -> f64 {
        if i < 0 || j < 0 || i as usize >= h || j as usize >= wd {
            0.0
        } else {
            x[((b * c + ch) * h + i as usize) * wd + j as usize]
        }
    };
    let og = o / group;
    let mut out = vec![0.0; n * o * oh * ow];
    for b in 0..n {
        for oc in 0..o {
            for r in 0..oh {
                for s in 0..ow {
                    let g = oc / og;
                    let mut acc = 0.0;
                    for ci in 0..cg {
                        for i in 0..kh {
                            for j in 0..kw {
                                let y = (r * stride.0 + i * dil.0) as isize - pads[0] as isize;
                                let z = (s * stride.1 + j * dil.1) as isize - pads[2] as isize;
                                acc += at(b, g * cg + ci, y, z)
                                    * w[((oc * cg + ci) * kh + i) * kw + j];
                            }
                        }
                    }
                    out[((b * o + oc) * oh + r) * ow + s] = acc;
                }
            }
        }
    }
    (out, [n, o, oh, ow])
}

#[test]
fn conv2d_matches_the_loop_reference_for_every_mode() {
    let _g = seeded(5);
    // (in, out, kernel, stride, padding, dilation, group, H, W, expected padding)
    let cases = [
        (
            2,
            3,
            (3, 3),
            (1, 1),
            Padding::Same,
            (1, 1),
            1,
            5,
            6,
            [1, 1, 1, 1],
        ),
        (
            2,
            3,
            (3, 2),
            (2, 2),
            Padding::Same,
            (1, 1),
            1,
            7,
            5,
            [1, 1, 0, 1],
        ),
        (
            1,
            2,
            (2, 2),
            (1, 1),
            Padding::Same,
            (1, 1),
            1,
            4,
            4,
            [0, 1, 0, 1],
        ),
        (
            3,
            2,
            (3, 3),
            (2, 1),
            Padding::Valid,
            (1, 1),
            1,
            7,
            6,
            [0, 0, 0, 0],
        ),
        (
            2,
            4,
            (2, 3),
            (1, 2),
            Padding::Pad([1, 0, 2, 1]),
            (1, 1),
            2,
            5,
            5,
            [1, 0, 2, 1],
        ),
        (
            2,
            2,
            (3, 3),
            (1, 1),
            Padding::Valid,
            (2, 2),
            1,
            7,
            7,
            [0, 0, 0, 0],
        ),
        (
            4,
            4,
            (1, 1),
            (1, 1),
            Padding::pad(1),
            (1, 1),
            4,
            3,
            3,
            [1, 1, 1, 1],
        ),
        // Stride 1 over rows wide enough for the wide-row path: padded, unpadded, and padded
        // unevenly with dilation and groups.
        (
            2,
            3,
            (3, 3),
            (1, 1),
            Padding::Same,
            (1, 1),
            1,
            6,
            12,
            [1, 1, 1, 1],
        ),
        (
            3,
            4,
            (3, 3),
            (1, 1),
            Padding::Valid,
            (1, 1),
            1,
            5,
            16,
            [0, 0, 0, 0],
        ),
        (
            2,
            4,
            (2, 3),
            (1, 1),
            Padding::Pad([1, 0, 2, 1]),
            (1, 2),
            2,
            5,
            20,
            [1, 0, 2, 1],
        ),
    ];
    // Float64, and Float32 (its own kernels: the wide rows' direct path for few outputs).
    for ((ci, co, k, s, p, d, g, h, w, pads), dtype) in cases
        .into_iter()
        .flat_map(|c| [(c, DType::Float64), (c, DType::Float32)])
    {
        let conv = nn::Conv2d::with_options(
            ci,
            co,
            k,
            nn::Conv2dOptions {
                stride: s,
                padding: p,
                dilation: d,
                group: g,
                has_bias: true,
                dtype,
                ..Default::default()
            },
        )
        .unwrap();
        let x = ems::randn(&[2, ci, h, w], dtype).unwrap();
        let wt = conv.weight().value();
        let (mut want, shape) = conv_reference(
            &x.to_vec::<f64>(),
            [2, ci, h, w],
            &wt.to_vec::<f64>(),
            [co, ci / g, k.0, k.1],
            s,
            pads,
            d,
            g,
        );
        let b = conv.bias().unwrap().value().to_vec::<f64>();
        let per = shape[2] * shape[3];
        for (i, v) in want.iter_mut().enumerate() {
            *v += b[(i / per) % co];
        }
        let y = conv.call(&x).unwrap();
        assert_eq!(y.shape(), shape.to_vec(), "{p:?} {s:?}");
        let tol = if dtype == DType::Float64 { 1e-12 } else { 1e-5 };
        assert_close(
            &y.to_vec::<f64>(),
            &want,
            tol,
            &format!("Conv2d {p:?} stride {s:?} dil {d:?} group {g} {dtype:?}"),
        );
    }
    // `same` gives ceil(in / stride) outputs.
    let conv = nn::Conv2d::with_options(
        1,
        1,
        (3, 3),
        nn::Conv2dOptions {
            stride: (3, 3),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        conv.call(&ems::ones(&[1, 1, 10, 7], DType::Float32).unwrap())
            .unwrap()
            .shape(),
        vec![1, 1, 4, 3]
    );
}

#[test]
fn conv2d_errors_name_the_layer_and_shapes() {
    let _g = seeded(0);
    let conv = nn::Conv2d::new(3, 2, (3, 3)).unwrap();
    for (x, needle) in [
        (
            ems::ones(&[1, 2, 5, 5], DType::Float32).unwrap(),
            "in_channels=3",
        ),
        (
            ems::ones(&[3, 5, 5], DType::Float32).unwrap(),
            "[N, C, H, W]",
        ),
    ] {
        let e = conv.call(&x).unwrap_err().to_string();
        assert!(e.contains("Conv2d") && e.contains(needle), "{e}");
    }
    let v = nn::Conv2d::with_options(
        1,
        1,
        (5, 5),
        nn::Conv2dOptions {
            padding: Padding::Valid,
            ..Default::default()
        },
    )
    .unwrap();
    let e = v
        .call(&ems::ones(&[1, 1, 3, 3], DType::Float32).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("does not fit") && e.contains("(3, 3)"), "{e}");
    assert!(nn::Conv2d::with_options(
        3,
        2,
        (3, 3),
        nn::Conv2dOptions {
            group: 2,
            ..Default::default()
        }
    )
    .is_err());
    assert!(nn::Conv2d::new(3, 2, (0, 3)).is_err());
}

/// Max or mean over windows by loops; padded cells are skipped (max) or counted per `count_pad`.
fn pool_reference(
    x: &[f64],
    xs: [usize; 4],
    k: (usize, usize),
    s: (usize, usize),
    pads: [usize; 4],
    max: bool,
    count_pad: bool,
) -> Vec<f64> {
    let [n, c, h, w] = xs;
    let oh = (h + pads[0] + pads[1] - k.0) / s.0 + 1;
    let ow = (w + pads[2] + pads[3] - k.1) / s.1 + 1;
    let mut out = vec![];
    for b in 0..n {
        for ch in 0..c {
            for r in 0..oh {
                for q in 0..ow {
                    let (mut m, mut sum, mut cnt) = (f64::NEG_INFINITY, 0.0, 0.0);
                    for i in 0..k.0 {
                        for j in 0..k.1 {
                            let y = (r * s.0 + i) as isize - pads[0] as isize;
                            let z = (q * s.1 + j) as isize - pads[2] as isize;
                            if y >= 0 && z >= 0 && (y as usize) < h && (z as usize) < w {
                                let v = x[((b * c + ch) * h + y as usize) * w + z as usize];
                                m = m.max(v);
                                sum += v;
                                cnt += 1.0;
                            } else if count_pad {
                                cnt += 1.0;
                            }
                        }
                    }
                    out.push(if max { m } else { sum / cnt });
                }
            }
        }
    }
    out
}

#[test]
fn pooling_matches_the_loop_reference() {
    let _g = seeded(9);
    // The larger input has enough windows to be split across threads, several planes a part.
    for xs in [[2, 3, 7, 6], [5, 7, 31, 30]] {
        pooling_matches_the_loop_reference_on(xs);
    }
    // 3-D input [C, H, W].
    let y = nn::MaxPool2d::new(2, 2)
        .unwrap()
        .call(&randn64(&[3, 4, 4]))
        .unwrap();
    assert_eq!(y.shape(), vec![3, 2, 2]);
    let e = nn::AvgPool2d::new(2, 2)
        .unwrap()
        .call(&randn64(&[4, 4]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("AvgPool2d") && e.contains("[4, 4]"), "{e}");
}

fn pooling_matches_the_loop_reference_on(xs: [usize; 4]) {
    let x = randn64(&xs);
    let xv = x.to_vec::<f64>();
    // (kernel, stride, padding, pads used, count_include_pad); the `same` pads hold for any odd
    // height and even width.
    let cases = [
        ((2, 2), (2, 2), Padding::Valid, [0, 0, 0, 0], true),
        ((3, 3), (2, 2), Padding::Same, [1, 1, 0, 1], true),
        ((3, 2), (1, 2), Padding::Same, [1, 1, 0, 0], true),
        (
            (3, 3),
            (2, 2),
            Padding::Pad([1, 1, 0, 1]),
            [1, 1, 0, 1],
            true,
        ),
        (
            (3, 3),
            (2, 2),
            Padding::Pad([1, 1, 0, 1]),
            [1, 1, 0, 1],
            false,
        ),
    ];
    for (k, s, p, pads, cip) in cases {
        let mp = nn::MaxPool2d::with_options(k, s, p)
            .unwrap()
            .call(&x)
            .unwrap();
        assert_close(
            &mp.to_vec::<f64>(),
            &pool_reference(&xv, xs, k, s, pads, true, false),
            0.0,
            &format!("MaxPool {p:?}"),
        );
        let ap = nn::AvgPool2d::with_options(k, s, p, cip)
            .unwrap()
            .call(&x)
            .unwrap();
        // `same` excludes padding from the count; explicit padding counts it unless told not to.
        let count_pad = matches!(p, Padding::Pad(_)) && cip;
        assert_close(
            &ap.to_vec::<f64>(),
            &pool_reference(&xv, xs, k, s, pads, false, count_pad),
            1e-12,
            &format!("AvgPool {p:?} {cip} {xs:?}"),
        );
    }
}

#[test]
fn flatten_and_activations() {
    let x = t64(&[-1.0, 0.0, 2.0, 3.0, -4.0, 0.5], &[1, 2, 3]);
    assert_eq!(nn::Flatten::new().call(&x).unwrap().shape(), vec![1, 6]);
    assert_eq!(
        nn::ReLU::new().call(&x).unwrap().to_vec::<f64>(),
        vec![0.0, 0.0, 2.0, 3.0, 0.0, 0.5]
    );
    let s = nn::Sigmoid::new().call(&x).unwrap().to_vec::<f64>();
    assert_close(
        &s,
        &x.to_vec::<f64>()
            .iter()
            .map(|v| 1.0 / (1.0 + (-v).exp()))
            .collect::<Vec<_>>(),
        1e-15,
        "Sigmoid",
    );
    let t = nn::Tanh::new().call(&x).unwrap().to_vec::<f64>();
    assert_close(
        &t,
        &x.to_vec::<f64>()
            .iter()
            .map(|v| v.tanh())
            .collect::<Vec<_>>(),
        1e-15,
        "Tanh",
    );
    // Softmax over the last axis: rows sum to one; huge logits stay finite.
    let big = t64(&[1000.0, 1000.0, -1000.0, 0.0], &[2, 2]);
    let p = nn::Softmax::new(-1).call(&big).unwrap().to_vec::<f64>();
    assert_close(&p, &[0.5, 0.5, 0.0, 1.0], 1e-12, "Softmax");
    let lp = nn::LogSoftmax::new(1).call(&big).unwrap().to_vec::<f64>();
    assert_close(
        &lp,
        &[-(2f64.ln()), -(2f64.ln()), -1000.0, 0.0],
        1e-12,
        "LogSoftmax",
    );
}

#[test]
fn dropout_scales_survivors_and_is_identity_in_eval() {
    let _g = seeded(11);
    let d = nn::Dropout::new(0.25).unwrap();
    let x = ems::ones(&[20000], DType::Float64).unwrap();
    assert_eq!(d.call(&x).unwrap().to_vec::<f64>(), x.to_vec::<f64>());
    d.set_train(true);
    let y = d.call(&x).unwrap().to_vec::<f64>();
    let kept = y.iter().filter(|&&v| v != 0.0).count() as f64 / y.len() as f64;
    assert!(y
        .iter()
        .all(|&v| v == 0.0 || (v - 1.0 / 0.75).abs() < 1e-15));
    assert!((kept - 0.75).abs() < 0.015, "kept {kept}");
    // Reproducible from the seed.
    ems::set_seed(4);
    let a = d.call(&x).unwrap().to_vec::<f64>();
    ems::set_seed(4);
    assert_eq!(a, d.call(&x).unwrap().to_vec::<f64>());
    assert!(nn::Dropout::new(1.0).is_err() && nn::Dropout::new(-0.1).is_err());
    assert_eq!(nn::Dropout::with_keep_prob(0.9).unwrap().p(), 1.0 - 0.9);
}

#[test]
fn batchnorm_normalizes_in_training_and_tracks_moving_statistics() {
    let _g = seeded(2);
    let bn = nn::BatchNorm2d::with_options(
        3,
        nn::BatchNormOptions {
            dtype: DType::Float64,
            ..Default::default()
        },
    )
    .unwrap();
    let x = (randn64(&[4, 3, 2, 5]) * 2.0).unwrap();
    let x = (x + t64(&[1.0, -3.0, 5.0], &[1, 3, 1, 1])).unwrap();
    // Evaluation (default): moving mean 0, variance 1: y = x / √(1 + eps).
    let y = bn.call(&x).unwrap().to_vec::<f64>();
    assert_close(
        &y,
        &x.to_vec::<f64>()
            .iter()
            .map(|v| v / (1.0 + 1e-5f64).sqrt())
            .collect::<Vec<_>>(),
        1e-12,
        "eval",
    );
    bn.set_train(true);
    let y = bn.call(&x).unwrap();
    let xv = x.to_vec::<f64>();
    for c in 0..3 {
        let vals: Vec<f64> = (0..4)
            .flat_map(|n| (0..10).map(move |i| (n, i)))
            .map(|(n, i)| xv[(n * 3 + c) * 10 + i])
            .collect();
        let mean = vals.iter().sum::<f64>() / 40.0;
        let var = vals.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 40.0;
        let yv = y.to_vec::<f64>();
        for n in 0..4 {
            for i in 0..10 {
                let want = (xv[(n * 3 + c) * 10 + i] - mean) / (var + 1e-5).sqrt();
                assert!((yv[(n * 3 + c) * 10 + i] - want).abs() < 1e-12);
            }
        }
        // moving = 0.9·old + 0.1·batch, with the unbiased variance (n/(n-1), as MindSpore)
        assert!((bn.moving_mean().value().to_vec::<f64>()[c] - 0.1 * mean).abs() < 1e-12);
        let unbiased = var * 40.0 / 39.0;
        assert!(
            (bn.moving_variance().value().to_vec::<f64>()[c] - (0.9 + 0.1 * unbiased)).abs()
                < 1e-12
        );
    }
    // Moving statistics are not trainable; gamma and beta are.
    let names: Vec<String> = bn.trainable_params().iter().map(|p| p.name()).collect();
    assert_eq!(names, ["gamma", "beta"]);
    // Evaluation after training uses the moving statistics.
    bn.set_train(false);
    let (m, v) = (
        bn.moving_mean().value().to_vec::<f64>(),
        bn.moving_variance().value().to_vec::<f64>(),
    );
    let ye = bn.call(&x).unwrap().to_vec::<f64>();
    assert!((ye[0] - (xv[0] - m[0]) / (v[0] + 1e-5).sqrt()).abs() < 1e-12);
    // BatchNorm1d over [N, C] and [N, C, L]; errors name the layer.
    let b1 = nn::BatchNorm1d::new(4).unwrap();
    assert_eq!(
        b1.call(&ems::ones(&[2, 4, 3], DType::Float32).unwrap())
            .unwrap()
            .shape(),
        vec![2, 4, 3]
    );
    let e = b1
        .call(&ems::ones(&[2, 5], DType::Float32).unwrap())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("BatchNorm1d") && e.contains("num_features=4") && e.contains("[2, 5]"),
        "{e}"
    );
    b1.set_train(true);
    assert!(b1
        .call(&ems::ones(&[1, 4], DType::Float32).unwrap())
        .is_err());
}

#[test]
fn initializers_follow_their_formulas() {
    let _g = seeded(1);
    let shape = [64, 32, 3, 3]; // fan_in 288, fan_out 576
    assert_eq!(nn::fans("t", &shape).unwrap(), (288, 576));
    assert!(nn::fans("t", &[5]).is_err());
    // Sizes whose product overflows a usize are errors, not panics (a Conv2d of 2^62 channels).
    assert!(nn::fans("t", &[4, 1 << 62, 3, 3]).is_err());
    assert!(nn::fans("t", &[4, 3, 1 << 62, 1 << 62]).is_err());
    assert!(nn::Conv2d::new(1 << 62, 4, (3, 3)).is_err());
    let max_abs = |t: &Tensor| t.to_vec::<f64>().iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let xb = (6.0f64 / (288.0 + 576.0)).sqrt();
    let x = Initializer::XavierUniform { gain: 1.0 }
        .init(&shape, DType::Float64)
        .unwrap();
    assert!(max_abs(&x) <= xb && max_abs(&x) > 0.95 * xb);
    let hb = (6.0f64 / ((1.0 + 5.0) * 288.0)).sqrt();
    let h = Initializer::he_uniform(5f64.sqrt())
        .init(&shape, DType::Float64)
        .unwrap();
    assert!(max_abs(&h) <= hb && max_abs(&h) > 0.95 * hb);
    let h = Initializer::HeUniform {
        gain: Initializer::gain("leaky_relu", 0.0).unwrap(),
        fan_out: true,
    }
    .init(&shape, DType::Float64)
    .unwrap();
    assert!(max_abs(&h) <= (6.0f64 / 576.0).sqrt());
    let n = Initializer::Normal {
        sigma: 0.5,
        mean: 2.0,
    }
    .init(&[20000], DType::Float64)
    .unwrap()
    .to_vec::<f64>();
    let mean = n.iter().sum::<f64>() / n.len() as f64;
    let sd = (n.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n.len() as f64).sqrt();
    assert!(
        (mean - 2.0).abs() < 0.02 && (sd - 0.5).abs() < 0.02,
        "{mean} {sd}"
    );
    let u = Initializer::uniform()
        .init(&[1000], DType::Float32)
        .unwrap();
    assert!(max_abs(&u) <= 0.07 && max_abs(&u) > 0.06);
    assert_eq!(
        Initializer::Zero
            .init(&[2], DType::Float32)
            .unwrap()
            .to_vec::<f32>(),
        vec![0.0, 0.0]
    );
    assert_eq!(
        Initializer::One
            .init(&[2], DType::Float64)
            .unwrap()
            .to_vec::<f64>(),
        vec![1.0, 1.0]
    );
    assert!(Initializer::One.init(&[2], DType::Int32).is_err());
    // The same seed gives the same network.
    ems::set_seed(77);
    let a = nn::Dense::new(4, 4)
        .unwrap()
        .weight()
        .value()
        .to_vec::<f32>();
    ems::set_seed(77);
    assert_eq!(
        a,
        nn::Dense::new(4, 4)
            .unwrap()
            .weight()
            .value()
            .to_vec::<f32>()
    );
}

#[test]
fn empty_batches_and_bad_ranks_never_panic() {
    let _g = seeded(0);
    let cells: Vec<(Box<dyn Cell>, Vec<usize>)> = vec![
        (Box::new(nn::Dense::new(3, 2).unwrap()), vec![0, 3]),
        (
            Box::new(nn::Conv2d::new(1, 2, (3, 3)).unwrap()),
            vec![0, 1, 4, 4],
        ),
        (
            Box::new(nn::MaxPool2d::new(2, 2).unwrap()),
            vec![0, 1, 4, 4],
        ),
        (
            Box::new(nn::AvgPool2d::with_options((3, 3), (1, 1), Padding::Same, true).unwrap()),
            vec![0, 2, 3, 3],
        ),
        (Box::new(nn::BatchNorm2d::new(2).unwrap()), vec![0, 2, 3, 3]),
        (Box::new(nn::Flatten::new()), vec![0, 2, 3]),
    ];
    for (cell, shape) in &cells {
        let y = cell
            .call(&ems::zeros(shape, DType::Float32).unwrap())
            .unwrap();
        assert_eq!(y.dims()[0], 0, "{}", cell.cls_name());
        for bad in [vec![], vec![2], vec![1, 1, 1, 1, 1]] {
            let _ = cell.call(&ems::zeros(&bad, DType::Float32).unwrap());
        }
    }
    assert!(nn::Flatten::new().call(&Tensor::scalar(1.0f32)).is_err());
}

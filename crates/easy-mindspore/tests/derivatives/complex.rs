//! Gradients of complex operands against central differences in Complex128, with MindSpore's
//! convention: the gradient of a real loss `L` in `z = x + iy` is `∂L/∂x + i·∂L/∂y` (measured on
//! MindSpore 2.10; the Python suite checks values it printed). Each op `f` is wrapped in a real
//! loss `L = Σ a·Re f + b·Im f` with random real weights, so that both parts of `f` and of its
//! cotangent matter, and `L` is differentiated by the engine and by finite steps of each input
//! element's real and imaginary parts.

use crate::helpers::{close, Lcg, TestResult};
use easy_mindspore as ems;
use ems::dtype::C128;
use ems::{DType, Tensor};

type Op = fn(&[Tensor]) -> ems::Result<Tensor>;

/// `Re z` as a Float64 tensor.
fn re(z: &Tensor) -> ems::Result<Tensor> {
    ems::cast(z, DType::Float64)
}

/// `Im z` as a Float64 tensor: `Re(−i·z)`.
fn im(z: &Tensor) -> ems::Result<Tensor> {
    re(&ems::mul(z, Tensor::scalar(C128::new(0.0, -1.0)))?)
}

/// Random complex values with real parts in `[lo, hi]` and imaginary parts in `[-1, 1]`.
fn complex(rng: &mut Lcg, shape: &[usize], lo: f64, hi: f64) -> Tensor {
    let n = shape.iter().product();
    let v = (0..n)
        .map(|_| C128::new(rng.signed(lo, hi), rng.signed(-1.0, 1.0)))
        .collect();
    Tensor::from_vec(v, shape).expect("complex tensor")
}

/// The real loss `Σ a·Re f(xs) + b·Im f(xs)` for weights of `f`'s output shape.
fn loss(f: Op, xs: &[Tensor], a: &Tensor, b: &Tensor) -> ems::Result<Tensor> {
    let y = f(xs)?;
    let (yr, yi) = if y.dtype().is_complex() {
        (re(&y)?, im(&y)?)
    } else {
        (ems::cast(&y, DType::Float64)?, ems::zeros_like(a)?)
    };
    ems::sum(
        &ems::add(&ems::mul(&yr, a)?, &ems::mul(&yi, b)?)?,
        ems::Axes::All,
        false,
    )
}

/// `xs` with element `k` of input `i` moved by `step`.
fn moved(xs: &[Tensor], i: usize, k: usize, step: C128) -> Tensor {
    let mut v = xs[i].to_vec::<C128>();
    v[k] += step;
    Tensor::from_vec(v, xs[i].dims()).expect("moved input")
}

/// The engine's gradient of `f`'s loss in each input against central differences.
fn check(what: &str, f: Op, xs: &[Tensor], rng: &mut Lcg) -> TestResult {
    let out = f(xs)?;
    let a = rng.tensor(out.dims(), -1.0, 1.0);
    let b = rng.tensor(out.dims(), -1.0, 1.0);
    let value =
        |xs: &[Tensor]| -> f64 { loss(f, xs, &a, &b).and_then(|l| l.to_f64()).expect("loss") };
    let eps = 1e-6;
    for i in 0..xs.len() {
        let g = ems::grad(|x: &Tensor| {
            let mut args = xs.to_vec();
            args[i] = x.clone();
            loss(f, &args, &a, &b)
        })(&xs[i])?;
        if g.dtype() != xs[i].dtype() || g.dims() != xs[i].dims() {
            return Err(format!(
                "{what}: gradient {:?} {:?} for input {i} of {:?} {:?}",
                g.dtype(),
                g.dims(),
                xs[i].dtype(),
                xs[i].dims()
            )
            .into());
        }
        let got = g.to_vec::<C128>();
        let (mut want_re, mut want_im) = (Vec::new(), Vec::new());
        for k in 0..xs[i].numel() {
            for (part, step) in [
                (&mut want_re, C128::new(eps, 0.0)),
                (&mut want_im, C128::new(0.0, eps)),
            ] {
                let mut up = xs.to_vec();
                up[i] = moved(xs, i, k, step);
                let mut down = xs.to_vec();
                down[i] = moved(xs, i, k, -step);
                part.push((value(&up) - value(&down)) / (2.0 * eps));
            }
        }
        let got_re: Vec<f64> = got.iter().map(|z| z.re).collect();
        let got_im: Vec<f64> = got.iter().map(|z| z.im).collect();
        close(
            &format!("{what}: ∂L/∂x of input {i}"),
            &got_re,
            &want_re,
            1e-6,
        )?;
        close(
            &format!("{what}: ∂L/∂y of input {i}"),
            &got_im,
            &want_im,
            1e-6,
        )?;
    }
    Ok(())
}

const UNARY: [(&str, Op); 9] = [
    ("conj", |x| ems::ops::prim::conj(&x[0])),
    ("neg", |x| ems::neg(&x[0])),
    ("exp", |x| x[0].exp()),
    ("log", |x| x[0].log()),
    ("sin", |x| x[0].sin()),
    ("cos", |x| x[0].cos()),
    ("tanh", |x| x[0].tanh()),
    ("sqrt", |x| x[0].sqrt()),
    ("abs", |x| x[0].abs()),
];

const BINARY: [(&str, Op); 5] = [
    ("add", |x| ems::add(&x[0], &x[1])),
    ("sub", |x| ems::sub(&x[0], &x[1])),
    ("mul", |x| ems::mul(&x[0], &x[1])),
    ("div", |x| ems::div(&x[0], &x[1])),
    ("pow", |x| ems::pow(&x[0], &x[1])),
];

#[test]
fn complex_elementwise_gradients_match_finite_differences() {
    let mut rng = Lcg(41);
    let mut failures = Vec::new();
    // Real parts kept positive: log, sqrt and pow have their branch cut on the negative axis.
    for shape in [&[3][..], &[2, 3], &[1], &[0, 2]] {
        for (name, f) in UNARY {
            let x = complex(&mut rng, shape, 0.3, 2.0);
            if let Err(e) = check(name, f, &[x], &mut rng) {
                failures.push(format!("{shape:?}: {e}"));
            }
        }
        for (name, f) in BINARY {
            let (x, y) = (
                complex(&mut rng, shape, 0.3, 2.0),
                complex(&mut rng, shape, 0.3, 2.0),
            );
            if let Err(e) = check(name, f, &[x, y], &mut rng) {
                failures.push(format!("{shape:?}: {e}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn complex_gradients_through_broadcasting_products_and_reductions_match_finite_differences() {
    let mut rng = Lcg(42);
    let cases: [(&str, Op, Vec<Vec<usize>>); 6] = [
        (
            "mul, broadcast [2,3]·[3]",
            |x| ems::mul(&x[0], &x[1]),
            vec![vec![2, 3], vec![3]],
        ),
        (
            "div, broadcast [2,1]/[1,3]",
            |x| ems::div(&x[0], &x[1]),
            vec![vec![2, 1], vec![1, 3]],
        ),
        (
            "matmul [2,3]·[3,4]",
            |x| ems::matmul(&x[0], &x[1]),
            vec![vec![2, 3], vec![3, 4]],
        ),
        (
            "matmul by a transposed view",
            |x| ems::matmul(&x[0], &ems::transpose(&x[1], None)?),
            vec![vec![2, 3], vec![4, 3]],
        ),
        (
            "sum over axis 1",
            |x| ems::sum(&x[0], 1, false),
            vec![vec![2, 3]],
        ),
        (
            "mean of a product",
            |x| ems::mean(&ems::mul(&x[0], &x[0])?, ems::Axes::All, false),
            vec![vec![3, 2]],
        ),
    ];
    let mut failures = Vec::new();
    for (name, f, shapes) in cases {
        let xs: Vec<Tensor> = shapes
            .iter()
            .map(|s| complex(&mut rng, s, -1.0, 1.0))
            .collect();
        if let Err(e) = check(name, f, &xs, &mut rng) {
            failures.push(e.to_string());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_real_input_cast_to_complex_gets_the_real_part_of_its_gradient() {
    let x = Tensor::from_vec(vec![0.5f64, -1.5, 2.0], &[3]).unwrap();
    let w = Tensor::from_vec(
        vec![
            C128::new(1.0, 2.0),
            C128::new(-0.5, 1.0),
            C128::new(0.0, -3.0),
        ],
        &[3],
    )
    .unwrap();
    // L = Σ Re(w·x) + Im(w·x) = Σ (Re w + Im w)·x for real x.
    let g = ems::grad(|x: &Tensor| {
        let z = ems::mul(&ems::cast(x, DType::Complex128)?, &w)?;
        ems::sum(&ems::add(&re(&z)?, &im(&z)?)?, ems::Axes::All, false)
    })(&x)
    .unwrap();
    assert_eq!(g.dtype(), DType::Float64);
    assert_eq!(g.to_vec::<f64>(), vec![3.0, 0.5, -3.0]);
}

//! W5 and W4 of the benchmark plan (see BENCHMARKS.md), from Rust:
//! - W5: one SGD step of an MLP 784-256-256-10 (ReLU), batch 256, float32, softmax cross-entropy
//!   with one-hot targets: the loss, its gradients with respect to the six weight and bias
//!   tensors (one `vjp_flat`), and `w - lr·g` as new tensors — as `bench/compare.py` writes it
//!   in every library.
//! - W4: matmul of two 1024 × 1024 float32 matrices, with criterion's throughput in FLOP
//!   (`Gelem/s` in its output reads as GFLOP/s).
//!
//! Before timing, W5's gradients are checked against central finite differences in float64 on a
//! small instance, the real instance's float32 gradients against its float64 ones, and its loss
//! must decrease over a few steps (W5 also under `jit`, checked against the eager step); W4 is checked against float64 dot products on a few entries.
//!
//! Run: `cargo bench --bench mlp`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use easy_mindspore as ems;
use ems::{DType, Tensor};

const LR: f64 = 0.1;

/// Inputs, one-hot targets and the parameters `[w1, b1, w2, b2, w3, b3]` of an MLP with the given
/// layer sizes (He-scaled normal weights, small biases), in `dtype`.
#[derive(Clone)]
struct Mlp {
    x: Tensor,
    y: Tensor,
    params: Vec<Tensor>,
}

impl Mlp {
    fn new(sizes: &[usize], batch: usize, dtype: DType) -> ems::Result<Mlp> {
        ems::set_seed(0);
        let x = ems::randn(&[batch, sizes[0]], dtype)?;
        let classes = sizes[sizes.len() - 1];
        let mut onehot = vec![0.0f64; batch * classes];
        for i in 0..batch {
            onehot[i * classes + (i * 7 + 3) % classes] = 1.0;
        }
        let y = ems::cast(&Tensor::from_vec(onehot, &[batch, classes])?, dtype)?;
        let mut params = Vec::new();
        for w in sizes.windows(2) {
            let (fan_in, fan_out) = (w[0], w[1]);
            params.push((ems::randn(&[fan_in, fan_out], dtype)? * (2.0 / fan_in as f64).sqrt())?);
            params.push((ems::randn(&[fan_out], dtype)? * 0.01)?);
        }
        Ok(Mlp { x, y, params })
    }

    /// The same instance in another dtype.
    fn cast(&self, dtype: DType) -> ems::Result<Mlp> {
        Ok(Mlp {
            x: ems::cast(&self.x, dtype)?,
            y: ems::cast(&self.y, dtype)?,
            params: self
                .params
                .iter()
                .map(|p| ems::cast(p, dtype))
                .collect::<ems::Result<_>>()?,
        })
    }

    /// The mean softmax cross-entropy of the batch at `params`.
    fn loss(&self, params: &[Tensor]) -> ems::Result<Tensor> {
        let h1 = ems::relu(&(ems::matmul(&self.x, &params[0])? + &params[1])?)?;
        let h2 = ems::relu(&(ems::matmul(&h1, &params[2])? + &params[3])?)?;
        let logits = (ems::matmul(&h2, &params[4])? + &params[5])?;
        let logp = ems::log_softmax(&logits, -1)?;
        let batch = self.x.dims()[0] as f64;
        let mean_log_likelihood = ((&self.y * &logp)?.sum()? / batch)?;
        -mean_log_likelihood
    }

    /// The loss and the six gradients at `params`.
    fn loss_and_grads(&self, params: &[Tensor]) -> ems::Result<(Tensor, Vec<Tensor>)> {
        let (outs, back) = ems::vjp_flat(|p| Ok(vec![self.loss(p)?]), params)?;
        let grads = back.apply(&[ems::ones_like(&outs[0])?])?;
        Ok((outs[0].clone(), grads))
    }

    /// W5: the loss and the parameters after one SGD step.
    fn step(&self, params: &[Tensor]) -> ems::Result<(Tensor, Vec<Tensor>)> {
        let (loss, grads) = self.loss_and_grads(params)?;
        let new = params
            .iter()
            .zip(&grads)
            .map(|(p, g)| p - (LR * g)?)
            .collect::<ems::Result<Vec<_>>>()?;
        Ok((loss, new))
    }
}

/// d loss/d p at a few entries of every parameter against central differences of the float64 loss
/// on a small MLP (5-4-4-3, batch 6): (L(p + h) - L(p - h)) / 2h is within h² of the derivative.
fn check_gradients() -> ems::Result<()> {
    let m = Mlp::new(&[5, 4, 4, 3], 6, DType::Float64)?;
    let (_, grads) = m.loss_and_grads(&m.params)?;
    let h = 1e-6;
    for (i, (p, g)) in m.params.iter().zip(&grads).enumerate() {
        let values = p.to_vec::<f64>();
        let g = g.to_vec::<f64>();
        for k in [0, values.len() / 2, values.len() - 1] {
            let loss_at = |d: f64| -> ems::Result<f64> {
                let mut v = values.clone();
                v[k] += d;
                let mut q = m.params.clone();
                q[i] = Tensor::from_vec(v, p.dims())?;
                m.loss(&q)?.to_f64()
            };
            let fd = (loss_at(h)? - loss_at(-h)?) / (2.0 * h);
            assert!(
                (fd - g[k]).abs() <= 1e-8 + 1e-6 * g[k].abs(),
                "W5: d loss/d param{i}[{k}] = {}, finite difference {fd}",
                g[k]
            );
        }
    }
    Ok(())
}

/// The float32 gradients of the benchmark's instance are those of float64 to 1e-4 of each
/// gradient's largest entry.
fn check_float32(m: &Mlp) -> ems::Result<()> {
    let (_, g32) = m.loss_and_grads(&m.params)?;
    let m64 = m.cast(DType::Float64)?;
    let (_, g64) = m64.loss_and_grads(&m64.params)?;
    for (i, (a, b)) in g32.iter().zip(&g64).enumerate() {
        let (a, b) = (a.to_vec::<f64>(), b.to_vec::<f64>());
        let scale = b.iter().fold(0.0f64, |s, v| s.max(v.abs()));
        let err = a
            .iter()
            .zip(&b)
            .fold(0.0f64, |e, (x, y)| e.max((x - y).abs()));
        assert!(
            err <= 1e-4 * scale,
            "W5: float32 gradient {i} off by {err} (largest entry {scale})"
        );
    }
    Ok(())
}

/// Five SGD steps on the benchmark's instance must lower the loss at every step.
fn check_descent(m: &Mlp) -> ems::Result<()> {
    let mut params = m.params.clone();
    let mut last = f64::INFINITY;
    for i in 0..5 {
        let (loss, next) = m.step(&params)?;
        let loss = loss.to_f64()?;
        assert!(
            loss.is_finite() && loss < last,
            "W5: loss {loss} at step {i} after {last}"
        );
        last = loss;
        params = next;
    }
    Ok(())
}

fn w5(c: &mut Criterion) {
    check_gradients().expect("gradient check");
    let m = Mlp::new(&[784, 256, 256, 10], 256, DType::Float32).expect("mlp");
    check_float32(&m).expect("float32 check");
    check_descent(&m).expect("descent check");
    let mut group = c.benchmark_group("W5");
    group.sample_size(30);
    group.bench_function("MLP 784-256-256-10 batch 256 grads + SGD step f32", |b| {
        b.iter(|| m.step(black_box(&m.params)).expect("step"))
    });
    // The same step compiled: the parameters are the inputs, the loss and new parameters the
    // outputs; the batch is a constant of the graph.
    let mj = m.clone();
    let jitted = ems::jit::jit(move |p: &[Tensor]| {
        let (loss, mut new) = mj.step(p)?;
        new.insert(0, loss);
        Ok(new)
    });
    jitted.call(&m.params).expect("trace");
    let (eager_loss, eager_new) = m.step(&m.params).expect("step");
    let compiled = jitted.call(&m.params).expect("jit");
    assert!(
        (compiled[0].to_f64().expect("loss") - eager_loss.to_f64().expect("loss")).abs() < 1e-5
    );
    for (a, b) in compiled[1..].iter().zip(&eager_new) {
        let diff = (a - b)
            .expect("diff")
            .abs()
            .expect("abs")
            .max()
            .expect("max");
        assert!(
            diff.to_f64().expect("max") < 1e-5,
            "W5 jit step differs from eager"
        );
    }
    group.bench_function(
        "jit(MLP 784-256-256-10 batch 256 grads + SGD step f32)",
        |b| b.iter(|| jitted.call(black_box(&m.params)).expect("jit")),
    );
    group.finish();
}

/// A few entries of `a·b` against float64 dot products of the same float32 inputs.
fn check_matmul(a: &Tensor, b: &Tensor, c: &Tensor) {
    let n = a.dims()[0];
    let (a, b, c) = (a.to_vec::<f64>(), b.to_vec::<f64>(), c.to_vec::<f64>());
    for (i, j) in [(0, 0), (1, n - 1), (n / 2, n / 3), (n - 1, n - 1)] {
        let want: f64 = (0..n).map(|k| a[i * n + k] * b[k * n + j]).sum();
        assert!(
            (c[i * n + j] - want).abs() <= 1e-4 * (1.0 + want.abs()),
            "W4: c[{i},{j}] = {} instead of {want}",
            c[i * n + j]
        );
    }
}

fn w4(c: &mut Criterion) {
    ems::set_seed(1);
    let n = 1024;
    let a = ems::randn(&[n, n], DType::Float32).expect("randn");
    let b = ems::randn(&[n, n], DType::Float32).expect("randn");
    check_matmul(&a, &b, &ems::matmul(&a, &b).expect("matmul"));
    let mut group = c.benchmark_group("W4");
    group.sample_size(30);
    group.throughput(Throughput::Elements(2 * (n as u64).pow(3)));
    group.bench_function("matmul 1024x1024 f32", |bch| {
        bch.iter(|| ems::matmul(black_box(&a), black_box(&b)).expect("matmul"))
    });
    group.finish();
}

criterion_group!(benches, w5, w4);
criterion_main!(benches);

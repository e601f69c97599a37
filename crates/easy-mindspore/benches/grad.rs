//! W1 and W3 of the benchmark plan (see BENCHMARKS.md):
//! - W1: grad of `2·dot(x, x)` with `x = arange(4.0)` — the cost of a tiny traced call.
//! - W3: grad of `sum(x·x)` with n = 10,000,000 float32 — bandwidth-bound work.
//!
//! Each also under `jit` (the graph cached after the first call; W3's gradient is one fused pass).
//!
//! Run: `cargo bench --bench grad`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use easy_mindspore as ems;
use ems::Tensor;

fn w1(c: &mut Criterion) {
    let x = ems::arange_to(4.0).expect("arange");
    let forward = |x: &Tensor| 2 * ems::dot(x, x)?;
    let g = ems::grad(forward);
    c.bench_function("W1 grad 2*dot(x,x), n=4", |b| {
        b.iter(|| g(black_box(&x)).expect("grad"))
    });
    c.bench_function("W1 forward only 2*dot(x,x), n=4", |b| {
        b.iter(|| forward(black_box(&x)).expect("forward"))
    });
    let jitted = ems::jit::jit1(ems::grad(forward));
    assert_eq!(
        jitted(&x).expect("jit").to_vec::<f32>(),
        g(&x).expect("grad").to_vec::<f32>()
    );
    c.bench_function("W1 jit(grad 2*dot(x,x)), n=4", |b| {
        b.iter(|| jitted(black_box(&x)).expect("jit"))
    });
}

fn w3(c: &mut Criterion) {
    ems::set_seed(0);
    let x = ems::randn(&[10_000_000], ems::DType::Float32).expect("randn");
    let g = ems::grad(|x: &Tensor| (x * x)?.sum());
    check_w3(&x, &g(&x).expect("grad"));
    let mut group = c.benchmark_group("W3");
    group.sample_size(20);
    group.bench_function("grad sum(x*x), n=1e7 f32", |b| {
        b.iter(|| g(black_box(&x)).expect("grad"))
    });
    let jitted = ems::jit::jit1(ems::grad(|x: &Tensor| (x * x)?.sum()));
    jitted(&x).expect("trace");
    check_w3(&x, &jitted(&x).expect("jit"));
    group.bench_function("jit(grad sum(x*x)), n=1e7 f32", |b| {
        b.iter(|| jitted(black_box(&x)).expect("jit"))
    });
    group.finish();
}

/// What W3 measures must stay right: the gradient is exactly `2·x` (`1·x + x·1` in float32), and
/// the float32 sum of the ten million squares is within 1e-6 relative of its f64 sum.
fn check_w3(x: &Tensor, grad: &Tensor) {
    let xs = x.to_vec::<f32>();
    let gs = grad.to_vec::<f32>();
    assert!(
        xs.iter().zip(&gs).all(|(&x, &g)| g == 2.0 * x),
        "W3 gradient is not 2x"
    );
    let sq = (x * x).expect("square");
    let want: f64 = sq.to_vec::<f32>().iter().map(|&v| f64::from(v)).sum();
    let got = sq.sum().expect("sum").to_vec::<f64>()[0];
    assert!(
        ((got - want) / want).abs() < 1e-6,
        "float32 sum of 1e7 values: {got} vs {want}"
    );
}

criterion_group!(benches, w1, w3);
criterion_main!(benches);

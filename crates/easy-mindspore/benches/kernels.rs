//! The eager kernels W3 is made of, one by one, on 10,000,000 float32 (and one strided case), to
//! see where a change of the backend goes: each is a pass over memory, so compare with the time
//! to stream its bytes (40 MB per array read or written).
//!
//! Run: `cargo bench --bench kernels`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use easy_mindspore as ems;
use ems::{Axes, Tensor};

const N: usize = 10_000_000;

fn kernels(c: &mut Criterion) {
    ems::set_seed(0);
    let x = ems::randn(&[N], ems::DType::Float32).expect("randn");
    let y = ems::randn(&[N], ems::DType::Float32).expect("randn");
    let one = ems::broadcast_to(&Tensor::scalar(1.0f32), &[N]).expect("broadcast");
    let m = ems::reshape(&x, &[1000, (N / 1000) as i64]).expect("reshape");
    let mt = m.T().expect("transpose");
    let mut g = c.benchmark_group("kernels n=1e7 f32");
    g.sample_size(20);
    g.bench_function("mul x*x", |b| b.iter(|| (black_box(&x) * &x).expect("mul")));
    g.bench_function("mul broadcast scalar*x", |b| {
        b.iter(|| (black_box(&one) * &x).expect("mul"))
    });
    g.bench_function("add x+y", |b| b.iter(|| (black_box(&x) + &y).expect("add")));
    g.bench_function("sum all", |b| {
        b.iter(|| ems::sum(black_box(&x), Axes::All, false).expect("sum"))
    });
    g.bench_function("sum rows of a transposed view", |b| {
        b.iter(|| ems::sum(black_box(&mt), 1i64, false).expect("sum"))
    });
    g.bench_function("exp", |b| b.iter(|| black_box(&x).exp().expect("exp")));
    g.finish();
}

criterion_group!(benches, kernels);
criterion_main!(benches);

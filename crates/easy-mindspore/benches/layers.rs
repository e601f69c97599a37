//! The large-tensor layer kernels of `bench/large_layers.py`, on the Rust side: ReLU,
//! MaxPool2d(2, 2) forward and backward, BatchNorm2d in evaluation and training, and the passes
//! BatchNorm is made of (a per-channel product and the per-channel mean), on a 32×16×256×256
//! float32 tensor (the D2L TinySSD notebook's first blocks; 134 MB). Each is a few passes over
//! memory: compare with `x + x` (one read of 134 MB... two, and one write).
//!
//! Run: `cargo bench -p easy-mindspore --bench layers`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use easy_mindspore as ems;
use ems::nn::{self, Cell};
use ems::Tensor;

fn layers(c: &mut Criterion) {
    ems::set_seed(0);
    let shape = [32, 16, 256, 256];
    let x = ems::randn(&shape, ems::DType::Float32).expect("randn");
    let channel = ems::randn(&[1, 16, 1, 1], ems::DType::Float32).expect("randn");
    let pool = nn::MaxPool2d::new(2, 2).expect("pool");
    let pooled = pool.construct(&x).expect("pool");
    let ct = ems::ones_like(&pooled).expect("ones");
    let bn_eval = nn::BatchNorm2d::new(16).expect("bn");
    bn_eval.set_training(false);
    let bn_train = nn::BatchNorm2d::new(16).expect("bn");
    bn_train.set_training(true);
    let mut g = c.benchmark_group("layers 32x16x256x256 f32");
    g.sample_size(10);
    g.bench_function("x + x", |b| b.iter(|| (black_box(&x) + &x).expect("add")));
    g.bench_function("relu", |b| {
        b.iter(|| ems::relu(black_box(&x)).expect("relu"))
    });
    g.bench_function("x * channel", |b| {
        b.iter(|| (black_box(&x) * &channel).expect("mul"))
    });
    g.bench_function("mean over (0, 2, 3)", |b| {
        b.iter(|| ems::mean(black_box(&x), vec![0i64, 2, 3], true).expect("mean"))
    });
    g.bench_function("maxpool 2x2 forward", |b| {
        b.iter(|| pool.construct(black_box(&x)).expect("pool"))
    });
    g.bench_function("maxpool 2x2 forward + backward", |b| {
        b.iter(|| {
            let (_, back) = ems::vjp(|x: &Tensor| pool.construct(x), black_box(&x)).expect("vjp");
            back.apply(std::slice::from_ref(&ct)).expect("back")
        })
    });
    g.bench_function("batchnorm2d eval", |b| {
        b.iter(|| bn_eval.construct(black_box(&x)).expect("bn"))
    });
    g.bench_function("batchnorm2d train", |b| {
        b.iter(|| bn_train.construct(black_box(&x)).expect("bn"))
    });
    g.finish();
}

criterion_group!(benches, layers);
criterion_main!(benches);

//! Transform workloads of the benchmark plan (see BENCHMARKS.md):
//! - W6: Hessian-vector product of `sum(tanh(x))`, n = 1,000,000 float32, forward over reverse
//!   (`jvp(grad(f), x, v)`).
//! - Jacobian of `tanh(W·x + b)`, 100 → 100 float32: `jacrev` (one vmapped backward pass)
//!   against 100 separate `vjp` calls (forward and backward, one per basis vector) and against
//!   100 backward passes of one `vjp`.
//!
//! Run: `cargo bench --bench transforms`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use easy_mindspore as ems;
use ems::{DType, Tensor};

fn w6(c: &mut Criterion) {
    ems::set_seed(0);
    let n = 1_000_000;
    let x = ems::randn(&[n], DType::Float32).expect("randn");
    let v = ems::randn(&[n], DType::Float32).expect("randn");
    let grad_f = ems::grad(|x: &Tensor| ems::tanh(x)?.sum());
    let hvp = |x: &Tensor, v: &Tensor| ems::jvp(&grad_f, x, v).map(|(_, t)| t);
    check_w6(&x, &v, &hvp(&x, &v).expect("hvp"));
    let mut group = c.benchmark_group("W6");
    group.sample_size(30);
    group.bench_function("hvp sum(tanh x), n=1e6 f32", |b| {
        b.iter(|| hvp(black_box(&x), black_box(&v)).expect("hvp"))
    });
    let jitted = ems::jit::jit(move |xs: &[Tensor]| {
        let grad_f = ems::grad(|x: &Tensor| x.tanh()?.sum());
        Ok(vec![ems::jvp(&grad_f, &xs[0], &xs[1])?.1])
    });
    let inputs = [x.clone(), v.clone()];
    jitted.call(&inputs).expect("trace");
    check_w6(&x, &v, &jitted.call(&inputs).expect("jit")[0]);
    group.bench_function("jit(hvp sum(tanh x)), n=1e6 f32", |b| {
        b.iter(|| jitted.call(black_box(&inputs)).expect("jit"))
    });
    group.finish();
}

/// H·v for sum(tanh x) is −2·tanh(x)·(1 − tanh²(x))·v elementwise.
fn check_w6(x: &Tensor, v: &Tensor, got: &Tensor) {
    let (xs, vs, gs) = (x.to_vec::<f64>(), v.to_vec::<f64>(), got.to_vec::<f64>());
    for ((x, v), g) in xs.iter().zip(&vs).zip(&gs) {
        let t = x.tanh();
        let want = -2.0 * t * (1.0 - t * t) * v;
        assert!(
            (g - want).abs() <= 1e-5 * (1.0 + want.abs()),
            "W6: {g} vs {want}"
        );
    }
}

fn jacobian(c: &mut Criterion) {
    ems::set_seed(1);
    let n = 100;
    let w = ems::randn(&[n, n], DType::Float32).expect("randn");
    let b = ems::randn(&[n], DType::Float32).expect("randn");
    let x = ems::randn(&[n], DType::Float32).expect("randn");
    let f = |x: &Tensor| ems::tanh(&(ems::matmul(&w, x)? + &b)?);
    let by_vmap = || ems::jacrev(f)(&x);
    let basis = |i: usize| -> ems::Result<Tensor> {
        let mut e = vec![0.0f32; n];
        e[i] = 1.0;
        Tensor::from_vec(e, &[n])
    };
    let by_calls = || -> ems::Result<Tensor> {
        let rows = (0..n)
            .map(|i| {
                let (_, back) = ems::vjp(f, &x)?;
                Ok(back.apply(&[basis(i)?])?.remove(0))
            })
            .collect::<ems::Result<Vec<_>>>()?;
        ems::stack(&rows, 0)
    };
    let by_loop = || -> ems::Result<Tensor> {
        let (_, back) = ems::vjp(f, &x)?;
        let rows = (0..n)
            .map(|i| Ok(back.apply(&[basis(i)?])?.remove(0)))
            .collect::<ems::Result<Vec<_>>>()?;
        ems::stack(&rows, 0)
    };
    let (a, l) = (by_vmap().expect("jacrev"), by_loop().expect("loop"));
    assert_eq!(
        a.to_vec::<f32>(),
        l.to_vec::<f32>(),
        "jacrev differs from the loop"
    );
    let mut group = c.benchmark_group("jacobian 100x100");
    group.bench_function("jacrev (one vmapped backward pass)", |bch| {
        bch.iter(|| by_vmap().expect("jacrev"))
    });
    group.bench_function("100 vjp calls", |bch| {
        bch.iter(|| by_calls().expect("calls"))
    });
    group.bench_function("100 backward passes of one vjp", |bch| {
        bch.iter(|| by_loop().expect("loop"))
    });
    group.finish();
}

criterion_group!(benches, w6, jacobian);
criterion_main!(benches);

//! A loop of W6 (Hessian-vector product of sum(tanh x), n = 1e6 float32, forward over reverse)
//! with the time of its pieces, for profilers such as perf.
//! Run: `cargo run --release --example profile_w6 -- [iterations]`
use easy_mindspore as ems;
use ems::{DType, Tensor};
use std::time::Instant;

fn time(label: &str, n: usize, mut f: impl FnMut() -> ems::Result<Tensor>) -> ems::Result<()> {
    f()?;
    let start = Instant::now();
    for _ in 0..n {
        f()?;
    }
    println!(
        "{label}: {:.3} ms",
        start.elapsed().as_secs_f64() / n as f64 * 1e3
    );
    Ok(())
}

fn main() -> ems::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    ems::set_seed(0);
    let x = ems::randn(&[1_000_000], DType::Float32)?;
    let v = ems::randn(&[1_000_000], DType::Float32)?;
    let f = |x: &Tensor| ems::tanh(x)?.sum();
    let grad_f = ems::grad(f);
    time("tanh", n, || ems::tanh(&x))?;
    time("x * v", n, || &x * &v)?;
    time("grad", n, || grad_f(&x))?;
    time("jvp of f", n, || Ok(ems::jvp(f, &x, &v)?.1))?;
    time("hvp (jvp of grad)", n, || Ok(ems::jvp(&grad_f, &x, &v)?.1))?;
    Ok(())
}

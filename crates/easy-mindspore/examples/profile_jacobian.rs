//! A loop of the vmapped Jacobian of `tanh(W·x + b)`, 100 → 100 float32, against 100 full `vjp`
//! calls, for profilers. Run: `cargo run --release --example profile_jacobian -- [iterations]`
use easy_mindspore as ems;
use ems::{DType, Tensor};
use std::time::Instant;

fn main() -> ems::Result<()> {
    let iters: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    ems::set_seed(1);
    let n = 100;
    let w = ems::randn(&[n, n], DType::Float32)?;
    let b = ems::randn(&[n], DType::Float32)?;
    let x = ems::randn(&[n], DType::Float32)?;
    let f = |x: &Tensor| ems::tanh(&(ems::matmul(&w, x)? + &b)?);
    let start = Instant::now();
    for _ in 0..iters {
        ems::jacrev(f)(&x)?;
    }
    let per = start.elapsed().as_secs_f64() / iters as f64 * 1e6;
    println!("jacrev: {per:.1} µs");
    let start = Instant::now();
    for _ in 0..iters / 10 {
        for i in 0..n {
            let (_, back) = ems::vjp(f, &x)?;
            let mut e = vec![0.0f32; n];
            e[i] = 1.0;
            back.apply(&[Tensor::from_vec(e, &[n])?])?;
        }
    }
    let per = start.elapsed().as_secs_f64() / (iters / 10) as f64 * 1e6;
    println!("100 vjp calls: {per:.1} µs");
    Ok(())
}

//! Loops of the small-tensor workloads for profilers such as callgrind:
//! W1 = grad of 2·dot(x, x) with x = arange(4.0); W2 = grad of the seed's control-flow `f` at
//! a = 0.37. Run: `cargo run --release --example profile_w1 -- [w1|w2] [iterations]`
use easy_mindspore as ems;
use ems::Tensor;

fn f(a: &Tensor) -> ems::Result<Tensor> {
    let mut b = (a * 2)?;
    while ems::norm(&b)?.less(1000)?.to_bool()? {
        b = (&b * 2)?;
    }
    if b.sum()?.greater(0)?.to_bool()? {
        Ok(b)
    } else {
        100 * &b
    }
}

fn main() -> ems::Result<()> {
    let which = std::env::args().nth(1).unwrap_or_else(|| "w1".into());
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    type GradFn = Box<dyn Fn(&Tensor) -> ems::Result<Tensor>>;
    let (x, g): (Tensor, GradFn) = if which == "w2" {
        (Tensor::scalar(0.37f32), Box::new(ems::grad(f)))
    } else {
        (
            ems::arange_to(4.0)?,
            Box::new(ems::grad(|x: &Tensor| 2 * ems::dot(x, x)?)),
        )
    };
    let start = std::time::Instant::now();
    let mut last = None;
    for _ in 0..n {
        last = Some(g(&x)?);
    }
    let per_call = start.elapsed().as_secs_f64() / n as f64 * 1e6;
    if let Some(v) = last {
        println!("{which}: {per_call:.2} µs per call; last = {v}");
    }
    Ok(())
}

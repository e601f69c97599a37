//! A loop of W1 (grad of 2·dot(x, x), x = arange(4.0)) for profilers such as callgrind.
//! Run: `cargo run --release --example profile_w1 -- 100000`
use easy_mindspore as ems;

fn main() -> ems::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let x = ems::arange_to(4.0)?;
    let g = ems::grad(|x: &ems::Tensor| 2 * ems::dot(x, x)?);
    let mut last = None;
    for _ in 0..n {
        last = Some(g(&x)?);
    }
    if let Some(v) = last {
        println!("{v}");
    }
    Ok(())
}

//! Per-op overhead on tiny tensors, untraced: `x + y`, `x * 2`, `exp(x)`, `sum(x)` on 4
//! elements, for profilers (callgrind counts instructions repeatably).
//! Run: `cargo run --release --example profile_ops -- [add|scalar|exp|sum|all] [iterations]`
use easy_mindspore as ems;
use std::time::Instant;

fn main() -> ems::Result<()> {
    let which = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let x = ems::arange_to(4.0)?;
    let y = ems::arange_to(4.0)?;
    let cases: [(&str, &dyn Fn() -> ems::Result<ems::Tensor>); 4] = [
        ("add", &|| &x + &y),
        ("scalar", &|| &x * 2.0),
        ("exp", &|| ems::exp(&x)),
        ("sum", &|| x.sum()),
    ];
    for (name, f) in cases {
        if which != "all" && which != name {
            continue;
        }
        let start = Instant::now();
        for _ in 0..n {
            std::hint::black_box(f()?);
        }
        let ns = start.elapsed().as_secs_f64() / n as f64 * 1e9;
        println!("{name}: {ns:.0} ns per op");
    }
    Ok(())
}

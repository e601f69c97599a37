//! One layer of W8 / W8g (D2L's char-level language model): `nn.LSTM(28, 256)` and
//! `nn.GRU(28, 256)` over a `[35, 32, 28]` float32 input, the forward pass alone and with the
//! gradients of the sum of the outputs with respect to the four parameters
//! (`nn::value_and_grad`), as the training step takes them (the recurrence without the Dense
//! layer, loss and optimizer of `bench/compare.py`); and the gradient of a `split` alone.
//!
//! Prints the median process CPU time and wall time per call (this machine is shared: CPU time
//! with `RAYON_NUM_THREADS=1` is the figure that load disturbs least).
//!
//! Run: `RAYON_NUM_THREADS=1 cargo bench -p easy-mindspore --bench rnn`; an argument keeps the
//! cases whose name ends with it (`forward`, `backward`, `gru 28->256, T 35, B 32: forward`).
//! Keep the profile's LTO and single codegen unit: built with
//! `CARGO_PROFILE_BENCH_CODEGEN_UNITS=16` the gate-maths closures are not inlined into the
//! AVX-512 functions `simd::run` dispatches to, and the layers run some ten times slower.

use easy_mindspore as ems;
use ems::nn::{Parameter, Rnn, RnnMode, RnnOptions};
use ems::{DType, Tensor};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

/// CPU time of the whole process (all threads).
fn cpu_time() -> Duration {
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is Linux's process CPU clock.
    let rc = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime");
    Duration::new(ts.sec as u64, ts.nsec as u32)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs `f` for about 3 s (at least 5 times) after a warm-up, and prints the median CPU and wall
/// milliseconds per call.
fn time(filter: &Option<String>, name: &str, mut f: impl FnMut()) {
    if filter.as_ref().is_some_and(|s| !name.ends_with(s.as_str())) {
        return;
    }
    f();
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while cpu.len() < 5 || start.elapsed() < Duration::from_secs(3) {
        let (c0, w0) = (cpu_time(), Instant::now());
        f();
        cpu.push((cpu_time() - c0).as_secs_f64() * 1e3);
        wall.push(w0.elapsed().as_secs_f64() * 1e3);
    }
    let n = cpu.len();
    println!(
        "{name:<58} cpu {:>9.3} ms   wall {:>9.3} ms   ({n} runs)",
        median(cpu),
        median(wall)
    );
}

fn layer(mode: RnnMode) -> (Rnn, Vec<Parameter>) {
    ems::set_seed(0);
    let rnn = Rnn::new(mode, 28, 256, RnnOptions::default()).expect("rnn");
    let params = rnn.params().into_iter().map(|(_, p)| p).collect();
    (rnn, params)
}

/// The sum of the outputs and the parameters' gradients: the timed step.
fn step(rnn: &Rnn, params: &[Parameter], x: &Tensor) -> (Tensor, Vec<Tensor>) {
    ems::nn::value_and_grad(|| rnn.forward(x, None, None)?.0.sum(), params).expect("step")
}

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    println!("threads: {}", ems::device::cpu::num_threads());
    ems::set_seed(1);
    let x = ems::randn(&[35, 32, 28], DType::Float32).expect("randn");
    for (name, mode) in [("lstm", RnnMode::Lstm), ("gru", RnnMode::Gru)] {
        let (net, params) = layer(mode);
        let (loss, grads) = step(&net, &params, &x);
        assert!(loss.to_f64().expect("loss").is_finite());
        assert_eq!(grads.len(), 4);
        time(
            &filter,
            &format!("{name} 28->256, T 35, B 32: forward"),
            || {
                black_box(net.forward(black_box(&x), None, None).expect("forward"));
            },
        );
        time(
            &filter,
            &format!("{name} 28->256, T 35, B 32: forward + backward"),
            || {
                black_box(step(&net, &params, black_box(&x)));
            },
        );
    }
    // The gradient of a split alone: the pieces stacked again, forward and backward.
    for (name, shape, k, axis) in [
        (
            "split [32, 1024] into 4 along 1, stack: fwd + bwd",
            [32, 1024],
            4,
            1,
        ),
        (
            "split [1120, 1024] into 35 along 0, stack: fwd + bwd",
            [1120, 1024],
            35,
            0,
        ),
    ] {
        let x = ems::randn(&shape, DType::Float32).expect("randn");
        let f = move |x: &Tensor| ems::stack(&ems::split(x, ems::Split::Sections(k), axis)?, 0);
        let ct = ems::ones_like(&f(&x).expect("f")).expect("ones");
        time(&filter, name, || {
            let (_, back) = ems::vjp(f, black_box(&x)).expect("vjp");
            black_box(back.apply(std::slice::from_ref(&ct)).expect("back"));
        });
    }
}

//! What a reverse-mode tape keeps alive: a large value whose backward rule reads only its shape
//! (the product inside `sum(x * x)`, the operands of a sum or a difference) is not held through
//! the backward pass, so the gradient of `sum(x * x)` needs one array beside its input, not two.
//! A test binary of its own: it reads the process-wide allocator counters.

use easy_mindspore as ems;
use ems::device::cpu::stats::{memory_stats, reset_peak_memory_stats};
use ems::{Axes, Tensor};

const N: usize = 1 << 20;

fn input() -> Tensor {
    let v: Vec<f32> = (0..N).map(|i| (i % 1000) as f32 / 500.0 - 1.0).collect();
    Tensor::from_vec(v, &[N]).unwrap()
}

/// One test (the tests of a binary run on parallel threads, which would share the counters).
#[test]
fn large_values_a_rule_reads_only_the_shape_of_are_dropped_and_derivatives_hold() {
    the_gradient_of_a_sum_of_squares_holds_one_array_beside_its_input();
    values_the_tape_does_not_keep_still_give_every_derivative();
}

fn the_gradient_of_a_sum_of_squares_holds_one_array_beside_its_input() {
    let x = input();
    let square_sum = ems::grad(|x: &Tensor| ems::sum(&ems::mul(x, x)?, Axes::All, false));
    square_sum(&x).unwrap(); // the pools and buffers of a first call
    let before = memory_stats().allocated;
    reset_peak_memory_stats();
    let g = square_sum(&x).unwrap();
    let extra = memory_stats().peak_allocated - before;
    let bytes = (N * 4) as u64;
    // `x * x` while the function runs, then the gradient: never both (it was 2 arrays).
    assert!(
        extra <= bytes + (bytes >> 4),
        "peak {extra} bytes above the input's {bytes}"
    );
    let (gv, xv) = (g.to_vec::<f32>(), x.to_vec::<f32>());
    assert!(gv.iter().zip(&xv).all(|(g, x)| *g == 2.0 * x));
}

fn values_the_tape_does_not_keep_still_give_every_derivative() {
    let x = input();
    // Sums, differences and products of large values, their operands dropped by the tape:
    // d/dx sum((x + x) · x − x) = 4x − 1; second order through the backward pass: 4.
    let f = |x: &Tensor| {
        let t = ems::sub(&ems::mul(&ems::add(x, x)?, x)?, x)?;
        ems::sum(&t, Axes::All, false)
    };
    let g = ems::grad(f)(&x).unwrap().to_vec::<f32>();
    let xv = x.to_vec::<f32>();
    let worst = g
        .iter()
        .zip(&xv)
        .map(|(g, x)| (g - (4.0 * x - 1.0)).abs())
        .fold(0.0, f32::max);
    assert!(worst <= 1e-6, "first derivative off by {worst}");
    let second = ems::grad(|x: &Tensor| ems::sum(&ems::grad(f)(x)?, Axes::All, false));
    let h = second(&x).unwrap().to_vec::<f32>();
    assert!(h.iter().all(|&v| v == 4.0), "{:?}", &h[..4]);
    // Forward over reverse: the Hessian-vector product with v = 1 is 4 everywhere.
    let ones = ems::ones_like(&x).unwrap();
    let (_, hv) = ems::jvp(|x: &Tensor| ems::grad(f)(x), &x, &ones).unwrap();
    assert!(hv.to_vec::<f32>().iter().all(|&v| v == 4.0));
}

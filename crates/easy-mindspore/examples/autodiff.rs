//! The seed chapter ("Dive into Deep Learning", automatic differentiation, MindSpore edition) as a
//! Rust program: each cell runs with the native API and prints what the notebook displays.
//!
//! Run: `cargo run --release --example autodiff`

use easy_mindspore as ems;
use ems::Tensor;

/// The seed of the last cell's random draw (a = 0.991138), which shows `True` as the chapter does.
/// For negative draws, float32 rounding of `100 * b` makes `d / a` differ from the gradient by one
/// ulp about 12% of the time (MindSpore prints `False` then too); `tests/seed.rs` covers both signs.
pub const SEED: u64 = 0;

/// The control-flow function of cell 11: doubles `b` until its norm reaches 1000, then keeps it
/// or multiplies it by 100 depending on the sign of its sum.
pub fn f(a: &Tensor) -> ems::Result<Tensor> {
    let mut b = (a * 2)?;
    while ems::norm(&b)?.less(1000)?.to_bool()? {
        b = (&b * 2)?;
    }
    let c = if b.sum()?.greater(0)?.to_bool()? {
        b
    } else {
        (100 * &b)?
    };
    Ok(c)
}

/// MindSpore's two execution modes: op by op, or each gradient function compiled into a graph
/// first (`jit`; the chapter's "compile, then execute").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// PYNATIVE_MODE: eager.
    PyNative,
    /// GRAPH_MODE: every gradient function runs compiled (traced on its first call, then from
    /// its cached graph; the chapter's values are taken from the second call).
    Graph,
}

/// Calls the gradient function `g` at `x` in `mode`.
fn call_in<G>(mode: Mode, g: G, x: &Tensor) -> ems::Result<Vec<Tensor>>
where
    G: Fn(&Tensor) -> ems::Result<ems::Grads> + Send + Sync + 'static,
{
    match mode {
        Mode::PyNative => Ok(g(x)?.into_vec()),
        Mode::Graph => {
            let compiled = ems::jit::jit(move |xs: &[Tensor]| Ok(g(&xs[0])?.into_vec()));
            compiled.call(std::slice::from_ref(x))?;
            compiled.call(std::slice::from_ref(x))
        }
    }
}

/// Runs the cells in order in PYNATIVE mode; returns each cell's number and displayed value
/// (`None` when a cell displays nothing).
pub fn cells() -> ems::Result<Vec<(usize, Option<String>)>> {
    cells_in(Mode::PyNative)
}

/// [`cells`] in the given mode.
pub fn cells_in(mode: Mode) -> ems::Result<Vec<(usize, Option<String>)>> {
    let mut shown = Vec::new();
    let mut show = |n: usize, v: Option<String>| shown.push((n, v));

    // In [1]
    let x = ems::arange_to(4.0)?;
    show(1, Some(x.to_string()));

    // In [2]
    let forward = |x: &Tensor| 2 * ems::dot(x, x)?;
    let y = forward(&x)?;
    show(2, Some(y.to_string()));

    // In [3]
    let grad_all = ems::GradOperation::new().get_all(true);
    let x_grad = call_in(mode, grad_all.apply(forward), &x)?[0].clone();
    show(3, Some(x_grad.to_string()));

    // In [4]
    show(4, Some(x_grad.equal(4 * &x)?.to_string()));

    // In [5]
    let forward = |x: &Tensor| x.sum();
    show(5, None);

    // In [6]
    let x_grad = call_in(mode, grad_all.apply(forward), &x)?[0].clone();
    show(6, Some(x_grad.to_string()));

    // In [7]
    let forward = |x: &Tensor| {
        let y = (x * x)?;
        y.sum()
    };
    show(7, None);

    // In [8]
    let x_grad = call_in(mode, grad_all.apply(forward), &x)?[0].clone();
    show(8, Some(x_grad.to_string()));

    // In [9]
    let forward = |x: &Tensor| -> ems::Result<(Tensor, Tensor)> {
        let y = (x * x)?;
        let u = ems::stop_gradient(&y)?;
        let z = (&u * x)?;
        Ok((z, u))
    };
    let (_z, u) = forward(&x)?;
    let x_grad = call_in(mode, grad_all.apply(forward), &x)?[0].clone();
    show(9, Some(x_grad.equal(&u)?.to_string()));

    // In [10]
    let forward = |x: &Tensor| {
        let y = (x * x)?;
        y.sum()
    };
    let x_grad = call_in(mode, grad_all.apply(forward), &x)?[0].clone();
    show(10, Some(x_grad.equal(2 * &x)?.to_string()));

    // In [11]
    ems::set_seed(SEED);
    let a = ems::randn(&[], ems::DType::Float32)?;
    let d = f(&a)?;
    let a_grad = call_in(mode, grad_all.apply(f), &a)?[0].clone();
    show(11, Some(a_grad.equal(&d / &a)?.to_string()));

    Ok(shown)
}

#[allow(dead_code)]
fn main() -> ems::Result<()> {
    // `--graph`: GRAPH_MODE (the same output).
    let mode = if std::env::args().any(|a| a == "--graph") {
        Mode::Graph
    } else {
        Mode::PyNative
    };
    for (n, value) in cells_in(mode)? {
        println!("In [{n}]:");
        if let Some(v) = value {
            println!("{v}");
        }
        println!();
    }
    Ok(())
}

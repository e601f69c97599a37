//! `jit` by example: the graph of a gradient before and after optimisation, the seed chapter's
//! control-flow function staged once per path, and a Hessian-vector product compiled into one
//! fused pass.
//!
//! Run: `cargo run --release --example jit`

use easy_mindspore as ems;
use ems::jit::{jit, jit1, make_graph, passes};
use ems::{Axes, Tensor};

/// The seed chapter (`examples/autodiff.rs`), for its control-flow function `f`: doubles `a` until
/// its norm reaches 1000, then keeps the result or scales it by 100 depending on its sign.
#[allow(dead_code)]
#[path = "autodiff.rs"]
mod chapter;

use chapter::f;

fn main() -> ems::Result<()> {
    // 1. grad of sum(x·x): as traced, and optimised (the forward sum is dead, x·1 is gone).
    let x = Tensor::new([1.0f32, 2.0, 3.0])?;
    let traced = make_graph(
        |xs| {
            Ok(vec![ems::grad(|x: &Tensor| {
                ems::sum(&(x * x)?, Axes::All, false)
            })(&xs[0])?])
        },
        std::slice::from_ref(&x),
    )?;
    println!("grad of sum(x*x), as traced:\n{traced}\n");
    println!("optimised:\n{}\n", passes::optimize(&traced)?);

    // 2. The seed's control flow: one graph per path, each guarded by the values it read.
    let df = jit1(ems::grad(f));
    for a in [0.37f32, -0.37, 5.0, 0.37] {
        let a = Tensor::scalar(a);
        println!("a = {a}: f'(a) = {} (eager {})", df(&a)?, ems::grad(f)(&a)?);
    }
    let g = make_graph(|xs| Ok(vec![f(&xs[0])?]), &[Tensor::scalar(-0.37f32)])?;
    println!(
        "\nf at a = -0.37 (a path of guards):\n{}\n",
        passes::optimize(&g)?
    );

    // 3. A Hessian-vector product: forward over reverse, optimised and fused.
    let hvp = jit(|xs: &[Tensor]| {
        let grad_f = ems::grad(|x: &Tensor| x.tanh()?.sum());
        Ok(vec![ems::jvp(&grad_f, &xs[0], &xs[1])?.1])
    });
    let (x, v) = (Tensor::new([0.5f32, -1.0])?, Tensor::new([1.0f32, 1.0])?);
    println!("H·v = {}", hvp.call(&[x.clone(), v.clone()])?[0]);
    println!(
        "H·v = {} (cached: {:?})",
        hvp.call(&[x, v])?[0],
        hvp.stats()
    );
    println!("\nits graph:\n{}", hvp.graphs()[0]);
    Ok(())
}

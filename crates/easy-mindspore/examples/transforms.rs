//! Function transforms beyond grad, from Rust (the same program as `examples/transforms.py`):
//! per-example gradients with vmap, Jacobians and a Hessian, and a custom gradient rule.
//! Run: `cargo run --release --example transforms`
use easy_mindspore as ems;
use ems::Tensor;

fn main() -> ems::Result<()> {
    // A least-squares loss for one example; vmap over (x, y) of its gradient in w gives one
    // gradient per example: row i is 2 (x_i·w − y_i) x_i.
    let loss = |w: &Tensor, x: &Tensor, y: &Tensor| (ems::dot(x, w)? - y)?.pow(2);
    let w = Tensor::new([1.0f32, -1.0])?;
    let xs = Tensor::new([[1.0f32, 2.0], [3.0, 4.0], [5.0, 6.0]])?;
    let ys = Tensor::new([0.0f32, 1.0, 2.0])?;
    let per_example = ems::vmap_flat(
        |v| Ok(vec![ems::grad(|w: &Tensor| loss(w, &v[1], &v[2]))(&v[0])?]),
        &[w.clone(), xs.clone(), ys.clone()],
        &[None, Some(0), Some(0)],
        &[Some(0)],
    )?;
    println!("per-example gradients:\n{}", per_example[0]);
    // Their mean is the gradient of the mean loss over the batch (vjp through vmap).
    let batch = ems::grad(|w: &Tensor| {
        let per = ems::vmap_flat(
            |v| Ok(vec![loss(&v[0], &v[1], &v[2])?]),
            &[w.clone(), xs.clone(), ys.clone()],
            &[None, Some(0), Some(0)],
            &[Some(0)],
        )?;
        per[0].mean()
    })(&w)?;
    let mean = ems::mean(&per_example[0], 0i64, false)?;
    let same = ems::abs(&(mean - &batch)?)?
        .to_vec::<f32>()
        .iter()
        .all(|d| *d < 1e-5);
    println!("their mean is the batch gradient: {same}");

    // Jacobians have shape out.shape ++ in.shape; the Hessian of Σ x³ is diag(6x).
    let x = ems::arange_to(4.0)?;
    println!("jacfwd(x*x):\n{}", ems::jacfwd(|v: &Tensor| v * v)(&x)?);
    println!(
        "hessian(sum(x**3)):\n{}",
        ems::hessian(|v: &Tensor| v.pow(3)?.sum())(&x)?
    );

    // A custom gradient: the identity whose backward pass clips the incoming gradient to [-1, 1].
    let clip_gradient = ems::CustomVjp::new(
        "clip_gradient",
        |xs| Ok(xs[0].clone()),
        |_xs, _out, dout| Ok(vec![ems::clip(dout, -1.0, 1.0)?]),
    );
    let clipped =
        ems::grad(|v: &Tensor| (clip_gradient.call(std::slice::from_ref(v))? * 5.0)?.sum())(&x)?;
    println!("clipped gradient: {clipped}"); // ones, not fives
    Ok(())
}

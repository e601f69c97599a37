//! Batching rules under test: every case of the derivatives suite is also run under `vmap`
//! against a loop over the batch, with several mapping patterns (all inputs mapped along axis 0,
//! along their last axis, one input mapped at a time), and `vmap` composed with `vjp` and `jvp`
//! both ways (per-example derivatives, and derivatives of a batched function).

use crate::helpers::{close, t64, Fun, Lcg, TestResult};
use easy_mindspore as ems;
use ems::{DType, Tensor};

const BATCH: usize = 3;

/// Example `b` of input `x`: floats nudged (by ≤ 0.01·b, small enough to keep every case inside
/// its domain: positive logs, no new ties, no integer crossings), other dtypes unchanged.
fn example(x: &Tensor, b: usize, rng: &mut Lcg) -> Tensor {
    if x.dtype() != DType::Float64 || b == 0 {
        return x.clone();
    }
    let v = x.to_vec::<f64>();
    let nudged = v
        .iter()
        .map(|a| a + 0.01 * b as f64 * rng.signed(0.0, 1.0) / 3.0)
        .collect();
    t64(nudged, x.dims())
}

/// `f` applied example by example, stacked along axis 0.
fn looped(f: Fun, examples: &[Vec<Tensor>]) -> TestResult<Vec<f64>> {
    let mut all = Vec::new();
    for ex in examples {
        all.extend(f(ex)?.to_vec::<f64>());
    }
    Ok(all)
}

fn stack(xs: &[Tensor], axis: i64) -> ems::Result<Tensor> {
    ems::stack(xs, axis)
}

/// `f` under `vmap` against a loop over examples, for each mapping pattern; then per-example
/// VJPs and JVPs (`vmap ∘ vjp`, `vmap ∘ jvp`) and the VJP of the batched function (`vjp ∘ vmap`).
pub(crate) fn check_batching(f: Fun, xs: &[Tensor], rng: &mut Lcg) -> TestResult {
    let k = xs.len();
    let examples: Vec<Vec<Tensor>> = (0..BATCH)
        .map(|b| xs.iter().map(|x| example(x, b, rng)).collect())
        .collect();
    let column = |i: usize| -> Vec<Tensor> { examples.iter().map(|e| e[i].clone()).collect() };
    // Patterns: (which inputs are mapped, stacked at axis 0 or at the last axis).
    let mut patterns: Vec<(Vec<bool>, bool)> = vec![(vec![true; k], false), (vec![true; k], true)];
    if k > 1 {
        for i in 0..k {
            patterns.push(((0..k).map(|j| j == i).collect(), false));
        }
    }
    for (mapped, last) in patterns {
        let mut inputs = Vec::with_capacity(k);
        let mut axes = Vec::with_capacity(k);
        for i in 0..k {
            if mapped[i] {
                let axis = if last { xs[i].ndim() as i64 } else { 0 };
                inputs.push(stack(&column(i), axis)?);
                axes.push(Some(if last { -1 } else { 0 }));
            } else {
                inputs.push(xs[i].clone());
                axes.push(None);
            }
        }
        // The loop sees the unmapped inputs unchanged.
        let per_example: Vec<Vec<Tensor>> = examples
            .iter()
            .map(|e| {
                (0..k)
                    .map(|i| {
                        if mapped[i] {
                            e[i].clone()
                        } else {
                            xs[i].clone()
                        }
                    })
                    .collect()
            })
            .collect();
        let want = looped(f, &per_example)?;
        let got = ems::vmap_flat(|v| Ok(vec![f(v)?]), &inputs, &axes, &[Some(0)])?;
        let what = format!("vmap, mapped {mapped:?}, last axis {last}");
        let expect_shape: Vec<usize> = std::iter::once(BATCH)
            .chain(f(&per_example[0])?.shape())
            .collect();
        if got[0].shape() != expect_shape {
            return Err(format!(
                "{what}: shape {:?}, expected {expect_shape:?}",
                got[0].shape()
            )
            .into());
        }
        close(&what, &got[0].to_vec::<f64>(), &want, 1e-12)?;
    }
    if f(xs)?.dtype() != DType::Float64 {
        return Ok(()); // no derivatives to batch
    }
    check_batched_derivatives(f, xs, &examples, rng)
}

fn check_batched_derivatives(
    f: Fun,
    xs: &[Tensor],
    examples: &[Vec<Tensor>],
    rng: &mut Lcg,
) -> TestResult {
    let k = xs.len();
    let out_shape = f(xs)?.shape();
    let cts: Vec<Tensor> = (0..BATCH)
        .map(|_| rng.tensor(&out_shape, -1.0, 1.0))
        .collect();
    let stacked: Vec<Tensor> = (0..k)
        .map(|i| {
            stack(
                &examples.iter().map(|e| e[i].clone()).collect::<Vec<_>>(),
                0,
            )
        })
        .collect::<ems::Result<_>>()?;
    let ct_stack = stack(&cts, 0)?;
    let all_mapped = vec![Some(0); k + 1];

    // vmap ∘ vjp: per-example cotangents of every input.
    let per_example_vjp = |v: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        let (_, back) = ems::vjp_flat(|u| Ok(vec![f(u)?]), &v[..k])?;
        back.apply(&v[k..])
    };
    let mut args = stacked.clone();
    args.push(ct_stack.clone());
    let got = ems::vmap_flat(per_example_vjp, &args, &all_mapped, &[Some(0)])?;
    // The loop's answer: each example's cotangents, stacked per input.
    let mut want_cts: Vec<Vec<f64>> = vec![Vec::new(); k];
    for (e, ct) in examples.iter().zip(&cts) {
        let mut a = e.clone();
        a.push(ct.clone());
        for (w, g) in want_cts.iter_mut().zip(per_example_vjp(&a)?) {
            w.extend(g.to_vec::<f64>());
        }
    }
    for (i, (g, w)) in got.iter().zip(&want_cts).enumerate() {
        close(
            &format!("vmap∘vjp, input {i}"),
            &g.to_vec::<f64>(),
            w,
            1e-12,
        )?;
    }

    // vmap ∘ jvp: per-example tangents (integer inputs get zero tangents).
    let ts: Vec<Vec<Tensor>> = examples
        .iter()
        .map(|e| {
            e.iter()
                .map(|x| tangent_for(x, rng))
                .collect::<ems::Result<Vec<_>>>()
        })
        .collect::<ems::Result<_>>()?;
    let per_example_jvp = |v: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        Ok(ems::jvp_flat(|u| Ok(vec![f(u)?]), &v[..k], &v[k..])?.1)
    };
    let mut args = stacked.clone();
    for i in 0..k {
        args.push(stack(
            &ts.iter().map(|t| t[i].clone()).collect::<Vec<_>>(),
            0,
        )?);
    }
    let got = ems::vmap_flat(per_example_jvp, &args, &vec![Some(0); 2 * k], &[Some(0)])?;
    let mut want = Vec::new();
    for (e, t) in examples.iter().zip(&ts) {
        let mut a = e.clone();
        a.extend(t.iter().cloned());
        want.extend(per_example_jvp(&a)?[0].to_vec::<f64>());
    }
    close("vmap∘jvp", &got[0].to_vec::<f64>(), &want, 1e-12)?;

    // vjp ∘ vmap: the backward pass of the batched function, stacked per-example cotangents.
    let batched =
        |v: &[Tensor]| ems::vmap_flat(|u| Ok(vec![f(u)?]), v, &all_mapped[..k], &[Some(0)]);
    let (_, back) = ems::vjp_flat(batched, &stacked)?;
    let got = back.apply(&[ct_stack])?;
    for (i, (g, w)) in got.iter().zip(&want_cts).enumerate() {
        close(
            &format!("vjp∘vmap, input {i}"),
            &g.to_vec::<f64>(),
            w,
            1e-12,
        )?;
    }
    Ok(())
}

fn tangent_for(x: &Tensor, rng: &mut Lcg) -> ems::Result<Tensor> {
    if x.dtype() == DType::Float64 {
        Ok(rng.tensor(x.dims(), -1.0, 1.0))
    } else {
        ems::zeros_like(x)
    }
}

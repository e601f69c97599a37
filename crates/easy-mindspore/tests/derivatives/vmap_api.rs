//! `vmap`'s interface: axes in and out, unmapped arguments and outputs, nesting, empty batches,
//! composition with the other transforms without perturbation confusion, and its errors.

use crate::helpers::{close, t64, TestResult};
use easy_mindspore as ems;
use ems::prim::Gather;
use ems::{Axes, Tensor};

fn m23() -> Tensor {
    t64((0..6).map(f64::from).collect(), &[2, 3])
}

fn row_sum(v: &[Tensor]) -> ems::Result<Vec<Tensor>> {
    Ok(vec![ems::sum(&v[0], Axes::All, false)?])
}

#[test]
fn in_axes_pick_the_batch_axis_and_negative_axes_count_from_the_end() -> TestResult {
    let m = m23();
    let by_row = ems::vmap_flat(row_sum, std::slice::from_ref(&m), &[Some(0)], &[Some(0)])?;
    close("rows", &by_row[0].to_vec::<f64>(), &[3.0, 12.0], 0.0)?;
    for axis in [1, -1] {
        let by_col = ems::vmap_flat(row_sum, std::slice::from_ref(&m), &[Some(axis)], &[Some(0)])?;
        close("columns", &by_col[0].to_vec::<f64>(), &[3.0, 5.0, 7.0], 0.0)?;
    }
    Ok(())
}

#[test]
fn out_axes_place_the_batch_axis_in_the_output() -> TestResult {
    let m = m23(); // rows are examples of shape [3]
    let double = |v: &[Tensor]| Ok(vec![(&v[0] * 2.0)?]);
    let a = ems::vmap_flat(double, std::slice::from_ref(&m), &[Some(0)], &[Some(0)])?;
    assert_eq!(a[0].shape(), vec![2, 3]);
    let b = ems::vmap_flat(double, std::slice::from_ref(&m), &[Some(0)], &[Some(1)])?;
    assert_eq!(b[0].shape(), vec![3, 2]);
    close(
        "out_axes=1",
        &b[0].to_vec::<f64>(),
        &[0.0, 6.0, 2.0, 8.0, 4.0, 10.0],
        0.0,
    )?;
    let c = ems::vmap_flat(double, std::slice::from_ref(&m), &[Some(0)], &[Some(-1)])?;
    close(
        "out_axes=-1",
        &c[0].to_vec::<f64>(),
        &b[0].to_vec::<f64>(),
        0.0,
    )
}

#[test]
fn unmapped_arguments_and_outputs() -> TestResult {
    let m = m23();
    let w = t64(vec![1.0, 10.0, 100.0], &[3]);
    // An unmapped argument is the same for every example.
    let out = ems::vmap_flat(
        |v| Ok(vec![ems::dot(&v[0], &v[1])?, (&v[1] * 1.0)?]),
        &[m.clone(), w.clone()],
        &[Some(0), None],
        &[Some(0), None],
    )?;
    close("dot rows", &out[0].to_vec::<f64>(), &[210.0, 543.0], 0.0)?;
    // An output that does not vary, with out_axes None, comes back once...
    assert_eq!(out[1].shape(), vec![3]);
    // ...and with an axis, once per example (as JAX).
    let out = ems::vmap_flat(
        |v| Ok(vec![(&v[1] * 1.0)?]),
        &[m.clone(), w.clone()],
        &[Some(0), None],
        &[Some(0)],
    )?;
    assert_eq!(out[0].shape(), vec![2, 3]);
    // A varying output with out_axes None is an error naming the output.
    let err = ems::vmap_flat(row_sum, std::slice::from_ref(&m), &[Some(0)], &[None]).unwrap_err();
    assert!(err.to_string().contains("out_axes[0] is None"), "{err}");
    Ok(())
}

#[test]
fn nested_vmaps_map_two_axes() -> TestResult {
    let m = m23();
    let w = t64(vec![1.0, 10.0, 100.0], &[3]);
    // outer[i][j] = m[i][j] * w[j]
    let inner = |v: &[Tensor]| {
        ems::vmap_flat(
            |u| Ok(vec![(&u[0] * &u[1])?]),
            v,
            &[Some(0), Some(0)],
            &[Some(0)],
        )
    };
    let out = ems::vmap_flat(inner, &[m.clone(), w.clone()], &[Some(0), None], &[Some(0)])?;
    close(
        "vmap(vmap(mul))",
        &out[0].to_vec::<f64>(),
        &[0.0, 10.0, 200.0, 3.0, 40.0, 500.0],
        0.0,
    )?;
    // The outer batch on axis 1: columns, then the inner batch over the column's entries.
    let out = ems::vmap_flat(
        |v| ems::vmap_flat(|u| Ok(vec![(&u[0] * 2.0)?]), v, &[Some(0)], &[Some(0)]),
        std::slice::from_ref(&m),
        &[Some(1)],
        &[Some(0)],
    )?;
    assert_eq!(out[0].shape(), vec![3, 2]);
    close(
        "columns doubled",
        &out[0].to_vec::<f64>(),
        &[0.0, 6.0, 2.0, 8.0, 4.0, 10.0],
        0.0,
    )
}

#[test]
fn an_empty_batch_gives_an_empty_result() -> TestResult {
    let empty = t64(vec![], &[0, 3]);
    let out = ems::vmap_flat(
        row_sum,
        std::slice::from_ref(&empty),
        &[Some(0)],
        &[Some(0)],
    )?;
    assert_eq!(out[0].shape(), vec![0]);
    Ok(())
}

#[test]
fn vmap_in_grad_and_grad_in_vmap_keep_their_perturbations_apart() -> TestResult {
    // d/dx Σⱼ x·yⱼ·x over a batch y, with x closed over by the vmapped function: 2x·Σy.
    let ys = t64(vec![1.0, 2.0, 4.0], &[3]);
    let f = |x: &Tensor| {
        let per = ems::vmap_flat(
            |v| Ok(vec![((x * &v[0])? * x)?]),
            std::slice::from_ref(&ys),
            &[Some(0)],
            &[Some(0)],
        )?;
        ems::sum(&per[0], Axes::All, false)
    };
    for x in [0.5, -2.0] {
        let g = ems::grad(f)(&Tensor::scalar(x))?;
        close("grad(vmap)", &g.to_vec::<f64>(), &[2.0 * x * 7.0], 1e-12)?;
    }
    // Per-example: d/dx (x·y·x) at a shared x for each y: 2xy — the inner grad must not see the
    // batch as part of its own input.
    let x = Tensor::scalar(1.5f64);
    let per = ems::vmap_flat(
        |v| Ok(vec![ems::grad(|x: &Tensor| (x * &v[0])? * x)(&x)?]),
        std::slice::from_ref(&ys),
        &[Some(0)],
        &[Some(0)],
    )?;
    close(
        "vmap(grad)",
        &per[0].to_vec::<f64>(),
        &[3.0, 6.0, 12.0],
        1e-12,
    )?;
    // jvp inside vmap inside grad.
    let h = |x: &Tensor| {
        let per = ems::vmap_flat(
            |v| {
                Ok(vec![
                    ems::jvp(|u: &Tensor| (u * &v[0])? * x, x, &Tensor::scalar(1.0f64))?.1,
                ])
            },
            std::slice::from_ref(&ys),
            &[Some(0)],
            &[Some(0)],
        )?;
        ems::sum(&per[0], Axes::All, false)
    };
    // The jvp along u of u·y·x (at u = x) is y·x; summed over the batch 7x; its gradient 7.
    let g = ems::grad(h)(&Tensor::scalar(0.3f64))?;
    close("grad(vmap(jvp))", &g.to_vec::<f64>(), &[7.0], 1e-12)
}

#[test]
fn errors_name_the_arguments_and_shapes() {
    let (a, b) = (t64(vec![0.0; 6], &[2, 3]), t64(vec![0.0; 12], &[4, 3]));
    let id = |v: &[Tensor]| Ok(v.to_vec());
    let msg = |r: ems::Result<Vec<Tensor>>| r.unwrap_err().to_string();
    let m = msg(ems::vmap_flat(
        id,
        &[a.clone(), b.clone()],
        &[Some(0), Some(0)],
        &[Some(0)],
    ));
    assert!(
        m.contains("different batch sizes") && m.contains("[2, 3]") && m.contains("[4, 3]"),
        "{m}"
    );
    let m = msg(ems::vmap_flat(
        id,
        std::slice::from_ref(&a),
        &[Some(2)],
        &[Some(0)],
    ));
    assert!(m.contains("in_axes[0] = 2") && m.contains("[2, 3]"), "{m}");
    let m = msg(ems::vmap_flat(
        id,
        std::slice::from_ref(&a),
        &[Some(-3)],
        &[Some(0)],
    ));
    assert!(m.contains("out of range"), "{m}");
    let m = msg(ems::vmap_flat(
        id,
        std::slice::from_ref(&a),
        &[None],
        &[Some(0)],
    ));
    assert!(m.contains("at least one argument must be mapped"), "{m}");
    let m = msg(ems::vmap_flat(
        id,
        std::slice::from_ref(&a),
        &[Some(0), None],
        &[Some(0)],
    ));
    assert!(m.contains("in_axes has 2 entries"), "{m}");
    let m = msg(ems::vmap_flat(
        id,
        std::slice::from_ref(&a),
        &[Some(0)],
        &[Some(2)],
    ));
    assert!(m.contains("out_axes[0] = 2"), "{m}");
    let m = msg(ems::vmap_flat(
        id,
        std::slice::from_ref(&a),
        &[Some(0)],
        &[Some(0), Some(0)],
    ));
    assert!(m.contains("out_axes has 2 entries"), "{m}");
    let scalar = Tensor::scalar(1.0f64);
    let m = msg(ems::vmap_flat(
        id,
        std::slice::from_ref(&scalar),
        &[Some(0)],
        &[Some(0)],
    ));
    assert!(m.contains("out of range") && m.contains("[]"), "{m}");
    assert!(matches!(
        ems::vmap_flat(id, &[a], &[None], &[Some(0)])
            .unwrap_err()
            .class(),
        ems::ErrorClass::Runtime
    ));
}

#[test]
fn reading_a_batched_value_or_leaking_it_is_an_error() -> TestResult {
    let m = m23();
    // Python-style control flow on a batched value.
    let r = ems::vmap_flat(
        |v| {
            let s = ems::sum(&v[0], Axes::All, false)?;
            s.to_bool()?;
            Ok(vec![s])
        },
        std::slice::from_ref(&m),
        &[Some(0)],
        &[Some(0)],
    );
    let e = r.unwrap_err().to_string();
    assert!(e.contains("varies across the vmap batch"), "{e}");
    // Printing shows the whole batch rather than a wrong single value.
    let mut shown = String::new();
    ems::vmap_flat(
        |v| {
            shown = v[0].to_string();
            Ok(vec![v[0].clone()])
        },
        std::slice::from_ref(&m),
        &[Some(0)],
        &[Some(0)],
    )?;
    assert!(
        shown.starts_with("BatchedTensor(Tensor(shape=[2, 3]"),
        "{shown}"
    );
    // A batched value kept past its vmap cannot be used as if it were one value.
    let mut kept = None;
    ems::vmap_flat(
        |v| {
            kept = Some(v[0].clone());
            Ok(vec![v[0].clone()])
        },
        std::slice::from_ref(&m),
        &[Some(0)],
        &[Some(0)],
    )?;
    let leaked = kept.ok_or("not kept")?;
    assert!(leaked.is_escaped_batch());
    let e = ems::sum(&leaked, Axes::All, false).unwrap_err().to_string();
    assert!(e.contains("escaped the vmapped function"), "{e}");
    // Inside its vmap the same value is batched but has not escaped; a plain value never has.
    ems::vmap_flat(
        |v| {
            assert!(v[0].is_batched() && !v[0].is_escaped_batch());
            Ok(vec![v[0].clone()])
        },
        std::slice::from_ref(&m),
        &[Some(0)],
        &[Some(0)],
    )?;
    assert!(!m.is_escaped_batch());
    Ok(())
}

#[test]
fn bad_primitive_calls_under_vmap_are_the_primitives_errors() {
    use ems::{ops::prim as p, Prim};
    let m = t64(vec![0.0; 6], &[2, 3]);
    let run = |f: &dyn Fn(&Tensor) -> ems::Result<Tensor>| {
        ems::vmap_flat(
            |v| Ok(vec![f(&v[0])?]),
            std::slice::from_ref(&m),
            &[Some(0)],
            &[Some(0)],
        )
    };
    // Per-example vectors: a strict MatMul needs matrices (one side batched, then the other).
    let w = t64(vec![0.0; 3], &[3]);
    assert!(run(&|x| p::matmul(x, &w)).is_err());
    assert!(run(&|x| p::matmul(&w, x)).is_err());
    // Batched indices into an axis the operand does not have.
    let idx =
        ems::Tensor::from_vec(vec![0i64; 6], &[2, 3]).unwrap_or_else(|_| Tensor::scalar(0i64));
    let r = ems::vmap_flat(
        |v| {
            Ok(vec![ems::bind(
                Prim::Gather(Gather { axis: 2 }),
                &[&w, &v[0]],
            )?])
        },
        std::slice::from_ref(&idx),
        &[Some(0)],
        &[Some(0)],
    );
    assert!(r.is_err());
    // Axes past the per-example rank.
    assert!(run(&|x| ems::bind(
        Prim::Gather(Gather { axis: 1 }),
        &[x, &Tensor::scalar(0i64)]
    ))
    .is_err());
    assert!(run(&|x| p::reduce_sum(x, &[1])).is_err());
    assert!(run(&|x| p::cumsum(x, 3)).is_err());
}

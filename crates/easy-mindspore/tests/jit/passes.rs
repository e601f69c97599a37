//! Graph passes on small graphs, by their text before and after, and the fused execution against
//! the unfused one.

use easy_mindspore as ems;
use ems::jit::{jit, make_graph, passes};
use ems::{Axes, Tensor};

fn count(g: &ems::jit::Graph, name: &str) -> usize {
    g.eqns.iter().filter(|e| e.prim.name() == name).count()
}

#[test]
fn the_graph_text_names_types_primitives_and_guards() -> ems::Result<()> {
    let g = make_graph(
        |xs| {
            let y = (&xs[0] * &xs[0])?;
            let s = ems::sum(&y, Axes::All, false)?;
            if s.greater(1.0)?.to_bool()? {
                Ok(vec![s])
            } else {
                Ok(vec![y])
            }
        },
        &[Tensor::new([1.0f32, 2.0])?],
    )?;
    let want = "graph(%0: Float32[2]) {
  c0: Float32[] = [1.0]
  %1: Float32[2] = Mul(%0, %0)
  %2: Float32[] = ReduceSum{axes=[0]}(%1)
  %3: Bool[] = Compare{Gt}(%2, c0)
  guard %3 == [1]
  return (%2)
}";
    assert_eq!(g.to_string(), want);
    Ok(())
}

#[test]
fn dce_drops_the_forward_product_of_a_gradient() -> ems::Result<()> {
    let b = Tensor::from_vec((0..12).map(|i| i as f32).collect(), &[3, 4])?;
    let g = make_graph(
        |xs| {
            let b = xs[1].clone();
            Ok(vec![ems::grad(move |a: &Tensor| {
                ems::sum(&ems::matmul(a, &b)?, Axes::All, false)
            })(&xs[0])?])
        },
        &[Tensor::from_vec(vec![1.0f32; 6], &[2, 3])?, b],
    )?;
    assert_eq!(count(&g, "MatMul"), 2, "{g}");
    let opt = passes::optimize(&g)?;
    assert_eq!(count(&opt, "MatMul"), 1, "{opt}");
    assert_eq!(count(&opt, "ReduceSum"), 0, "{opt}");
    Ok(())
}

#[test]
fn simplify_removes_identities_and_folds_constants() -> ems::Result<()> {
    let g = make_graph(
        |xs| {
            let one = Tensor::scalar(1.0f32);
            let zero = Tensor::scalar(0.0f32);
            let y = ((&xs[0] * &one)? + &zero)?;
            let y = (&y / &one)?.reshape(&[2])?;
            let y = (-(-&y)?)?;
            Ok(vec![(&y * &xs[0])?, (&xs[0] * &y)?])
        },
        &[Tensor::new([1.0f32, 2.0])?],
    )?;
    let opt = passes::optimize(&g)?;
    let text = opt.to_string();
    // x·1, +0, /1, the reshape and the double negation are gone, so y*x and x*y are both x*x:
    // one product.
    assert_eq!(count(&g, "Neg"), 2, "{g}");
    assert_eq!(opt.eqns.len(), 1, "{text}");
    assert_eq!(opt.eqns[0].prim.name(), "Mul", "{text}");
    assert_eq!(opt.outputs[0], opt.outputs[1]);
    // CSE: the same product twice is one.
    let g = make_graph(
        |xs| Ok(vec![(&xs[0] * 3.0)?.exp()?, (&xs[0] * 3.0)?.exp()?]),
        &[Tensor::new([1.0f32])?],
    )?;
    let opt = passes::optimize(&g)?;
    assert_eq!(opt.eqns.len(), 2, "{opt}");
    assert_eq!(opt.outputs[0], opt.outputs[1]);
    Ok(())
}

#[test]
fn the_type_checker_rejects_a_broken_graph() -> ems::Result<()> {
    let mut g = make_graph(
        |xs| Ok(vec![(&xs[0] * &xs[0])?.exp()?]),
        &[Tensor::new([1.0f32, 2.0])?],
    )?;
    g.check()?;
    let mut wrong_type = g.clone();
    wrong_type.types[1].0 = ems::layout::Dims::from_slice(&[3]);
    assert!(wrong_type.check().is_err());
    g.eqns.swap(0, 1);
    let e = g.check().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(e.contains("before it is defined"), "{e}");
    // Hand-edited graphs are errors everywhere they are used, never panics.
    let x = Tensor::new([1.0f32, 2.0])?;
    assert!(g.eval(std::slice::from_ref(&x)).is_err());
    assert!(passes::optimize(&g).is_err());
    assert!(passes::dce(&g).is_err());
    let mut too_many_inputs = wrong_type.clone();
    too_many_inputs.n_inputs = 99;
    assert!(too_many_inputs.eval(&[x]).is_err());
    let mut dangling = g.clone();
    dangling.eqns.swap(0, 1);
    dangling.eqns[0].args[0] = ems::jit::Atom::Var(1000);
    dangling.outputs.push(ems::jit::Atom::Const(7));
    assert!(dangling.check().is_err() && passes::simplify(&dangling).is_err());
    Ok(())
}

/// Float32 chains over shapes that exercise the fused kernel: empty, one element, a chunk
/// boundary, and enough to run on several threads; operands broadcast as scalars and rows.
#[test]
fn fused_chains_equal_eager() -> ems::Result<()> {
    let body = |xs: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        let (x, r) = (&xs[0], &xs[1]);
        let a = ((x * 0.5)?.tanh()? * x)?;
        let b = ((&a + r)?.exp()? - 1.0)?;
        let c = ems::maximum(&(&b / 3.0)?, &a)?;
        Ok(vec![
            c.clone(),
            ems::sum(&(&c * &c)?, Axes::All, false)?,
            ems::sum(&a, Axes::All, false)?,
        ])
    };
    let f = jit(body);
    for n in [0usize, 1, 2047, 2049, 300_001] {
        let x = Tensor::from_vec(
            (0..n)
                .map(|i| ((i * 7919) % 1000) as f32 / 500.0 - 1.0)
                .collect(),
            &[n],
        )?;
        let r = Tensor::scalar(0.25f32);
        let want = body(&[x.clone(), r.clone()])?;
        for round in 0..2 {
            let got = f.call(&[x.clone(), r.clone()])?;
            assert_eq!(
                got[0].to_vec::<f32>(),
                want[0].to_vec::<f32>(),
                "n={n} round {round}"
            );
            for k in [1, 2] {
                let (g, w) = (got[k].to_f64()?, want[k].to_f64()?);
                assert!(
                    (g - w).abs() <= 1e-5 * w.abs().max(1.0),
                    "n={n}: {g} vs {w}"
                );
            }
        }
        let graph = &f.graphs()[0];
        assert!(graph.eqns.len() >= 8, "{graph}");
    }
    Ok(())
}

/// A chain whose values are read long after they are made (and one read twice by the same
/// primitive): the fused kernel's buffer reuse must keep each alive until its last reader.
#[test]
fn fused_buffer_reuse_keeps_late_readers_right() -> ems::Result<()> {
    let body = |xs: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        let x = &xs[0];
        let a = (x * 2.0)?;
        let b = a.tanh()?;
        let c = (&b * &b)?;
        let d = (&c + &a)?;
        let e = ((&d - &b)? * x)?;
        let f = (&e / (&a + 3.0)?)?;
        Ok(vec![(&f + &c)?, ems::sum(&d, Axes::All, false)?])
    };
    let f = jit(body);
    let x = Tensor::from_vec(
        (0..5000).map(|i| (i as f64 * 0.37).sin()).collect(),
        &[5000],
    )?;
    let want = body(std::slice::from_ref(&x))?;
    for _ in 0..2 {
        let got = f.call(std::slice::from_ref(&x))?;
        assert_eq!(got[0].to_vec::<f64>(), want[0].to_vec::<f64>());
        let (g, w) = (got[1].to_f64()?, want[1].to_f64()?);
        assert!((g - w).abs() <= 1e-12 * w.abs().max(1.0), "{g} vs {w}");
    }
    Ok(())
}

/// Every float op of the unary and binary tables (the integer-only bitwise rows are left out)
/// inside one fused chain (positive operands, so that `log`, `sqrt` and `pow` stay real), ending in full sum and max reductions: the compiled graph
/// gives eager's elements bit for bit, and reductions within rounding.
#[test]
fn every_elementwise_op_fuses_and_equals_eager() -> ems::Result<()> {
    use ems::prim::{binary, reduce_max, reduce_sum, unary, BinaryOp, UnaryOp};
    let body = |xs: &[Tensor]| -> ems::Result<Vec<Tensor>> {
        let (x, y) = (&xs[0], &xs[1]);
        let mut outs = Vec::new();
        let mut acc = x.clone();
        let float = |d: ems::op::Domain| d.accepts(ems::DType::Float32);
        for &op in UnaryOp::ALL.iter().filter(|op| float(op.domain())) {
            let v = unary(op, x)?;
            acc = binary(BinaryOp::Add, &acc, &v)?;
            outs.push(v);
        }
        for &op in BinaryOp::ALL.iter().filter(|op| float(op.domain())) {
            // Polygamma's left operand is a whole order (NaN otherwise): ⌊x⌋ = 0, ψ(y).
            let v = match op {
                BinaryOp::Polygamma => binary(op, &unary(UnaryOp::Floor, x)?, y)?,
                _ => binary(op, x, y)?,
            };
            acc = binary(BinaryOp::Add, &acc, &v)?;
            outs.push(v);
        }
        outs.push(reduce_sum(&acc, &[0])?);
        outs.push(reduce_max(&acc, &[0])?);
        Ok(outs)
    };
    let f = jit(body);
    for n in [1usize, 33, 5000, 70_001] {
        // In (0, 1): inside the domain of every op (erfinv's included), so no NaN hides a miss.
        let x: Vec<f32> = (0..n).map(|i| 0.05 + (i % 97) as f32 / 110.0).collect();
        let y: Vec<f32> = (0..n).map(|i| 0.5 + (i % 13) as f32 / 9.0).collect();
        let args = [Tensor::from_vec(x, &[n])?, Tensor::from_vec(y, &[n])?];
        let want = body(&args)?;
        for round in 0..2 {
            let got = f.call(&args)?;
            let k = got.len();
            for (i, (g, w)) in got[..k - 2].iter().zip(&want).enumerate() {
                let (g, w) = (g.to_vec::<f32>(), w.to_vec::<f32>());
                let same = g.iter().zip(&w).all(|(a, b)| a.to_bits() == b.to_bits());
                assert!(same, "n={n} round {round}, output {i}");
            }
            for i in [k - 2, k - 1] {
                let (g, w) = (got[i].to_f64()?, want[i].to_f64()?);
                assert!(
                    (g - w).abs() <= 1e-5 * w.abs().max(1.0),
                    "n={n}: {g} vs {w}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn a_fused_backward_sweep_is_one_equation_and_its_composition_under_grad() -> ems::Result<()> {
    // The loss of one LSTM layer direction as a function of its input projections.
    fn loss(gi: &Tensor) -> ems::Result<Tensor> {
        let w = Tensor::from_vec((0..16).map(|i| (i as f32 * 0.3).sin()).collect(), &[8, 2])?;
        let z = Tensor::from_vec(vec![0.0f32; 2], &[1, 2])?;
        let b = Tensor::from_vec(vec![0.1f32; 8], &[8])?;
        let (hs, _, _) = ems::prim::lstm_layer(gi, &w, &b, (&z, &z), false)?;
        ems::sum(&(&hs * &hs)?, Axes::All, false)
    }
    let gi = Tensor::from_vec((0..24).map(|i| i as f32 * 0.05).collect(), &[3, 1, 8])?;
    let first = make_graph(
        |xs| Ok(vec![ems::grad(loss)(&xs[0])?]),
        std::slice::from_ref(&gi),
    )?;
    assert_eq!(count(&first, "LstmLayerGrad"), 1, "{first}");
    // Differentiated again, the sweep is its composition: no fused gradient is left to
    // differentiate.
    let second = make_graph(|xs| Ok(vec![ems::hessian(loss)(&xs[0])?]), &[gi])?;
    assert_eq!(count(&second, "LstmLayerGrad"), 0, "{second}");
    assert!(count(&second, "LstmLayer") >= 1, "{second}");
    Ok(())
}

#[test]
fn a_recurrent_cells_gradient_is_one_equation_per_step_under_jit() -> ems::Result<()> {
    // Three GRU steps; the compiled backward pass holds one fused gradient per step.
    fn loss(x: &Tensor) -> ems::Result<Tensor> {
        let hp = Tensor::from_vec((0..6).map(|i| (i as f32 * 0.4).cos()).collect(), &[1, 6])?;
        let mut h = Tensor::from_vec(vec![0.1f32, -0.2], &[1, 2])?;
        for _ in 0..3 {
            h = ems::prim::gru_cell(x, &hp, &h)?;
        }
        ems::sum(&(&h * &h)?, Axes::All, false)
    }
    let x = Tensor::from_vec((0..6).map(|i| i as f32 * 0.1).collect(), &[1, 6])?;
    let g = make_graph(
        |xs| Ok(vec![ems::grad(loss)(&xs[0])?]),
        std::slice::from_ref(&x),
    )?;
    assert_eq!(count(&g, "GruCellGrad"), 3, "{g}");
    let second = make_graph(|xs| Ok(vec![ems::hessian(loss)(&xs[0])?]), &[x])?;
    assert_eq!(count(&second, "GruCellGrad"), 0, "{second}");
    Ok(())
}

#[test]
fn making_a_graph_records_a_write_but_keeps_the_state() -> ems::Result<()> {
    let w = ems::Var::new(Tensor::new([1.0f32, 2.0])?);
    let g = make_graph(
        |xs| {
            let updated = (&w.get() - &xs[0])?;
            w.set(updated.clone());
            Ok(vec![ems::sum(&updated, Axes::All, false)?])
        },
        &[Tensor::new([0.5f32, 0.5])?],
    )?;
    // The write is an output of the graph, after the function's own.
    assert_eq!(g.outputs.len(), 2);
    assert_eq!(w.get().to_vec::<f32>(), [1.0, 2.0]);
    // A jitted call of the same function does write.
    let cell = w.clone();
    let f = jit(move |xs: &[Tensor]| {
        let updated = (&cell.get() - &xs[0])?;
        cell.set(updated.clone());
        Ok(vec![updated])
    });
    f.call(&[Tensor::new([0.5f32, 0.5])?])?;
    assert_eq!(w.get().to_vec::<f32>(), [0.5, 1.5]);
    Ok(())
}

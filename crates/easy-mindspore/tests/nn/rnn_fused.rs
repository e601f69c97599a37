//! The fused recurrent steps (`LstmCell`, `GruCell` primitives) against the composition of
//! elementwise ops they replace: values, first derivatives (the device's one-pass gradient
//! kernel), second derivatives (the rule's differentiable form) and forward mode, in Float64 to
//! 1e-12, in Float32 and Float16 to their precision, on strided views too.

use super::helpers::*;
use easy_mindspore as ems;
use ems::op::CellOp;
use ems::ops::prim as p;
use ems::{DType, Split, Tensor};

/// The unfused LSTM step: `[h', c']` stacked, as the layer computed it before the primitive.
fn lstm_ops(v: &[Tensor]) -> ems::Result<Tensor> {
    let g = ems::split(&v[0], Split::Sections(4), 1)?;
    let (i, f) = (ems::sigmoid(&g[0])?, ems::sigmoid(&g[1])?);
    let (cand, o) = (g[2].tanh()?, ems::sigmoid(&g[3])?);
    let c2 = ems::add(ems::mul(&f, &v[1]), ems::mul(&i, &cand))?;
    let h2 = ems::mul(&o, c2.tanh()?)?;
    ems::stack(&[h2, c2], 0)
}

/// The unfused GRU step.
fn gru_ops(v: &[Tensor]) -> ems::Result<Tensor> {
    let i = ems::split(&v[0], Split::Sections(3), 1)?;
    let g = ems::split(&v[1], Split::Sections(3), 1)?;
    let r = ems::sigmoid(&ems::add(&i[0], &g[0])?)?;
    let z = ems::sigmoid(&ems::add(&i[1], &g[1])?)?;
    let n = ems::add(&i[2], ems::mul(&r, &g[2]))?.tanh()?;
    ems::add(&n, ems::mul(&z, ems::sub(&v[2], &n)))
}

fn fused(op: CellOp) -> impl Fn(&[Tensor]) -> ems::Result<Tensor> + Copy {
    move |v: &[Tensor]| p::rnn_cell(op, v)
}

fn inputs(op: CellOp, b: usize, h: usize, dtype: DType) -> Vec<Tensor> {
    let shapes: Vec<Vec<usize>> = match op {
        CellOp::Lstm => vec![vec![b, 4 * h], vec![b, h]],
        CellOp::Gru => vec![vec![b, 3 * h], vec![b, 3 * h], vec![b, h]],
    };
    shapes
        .iter()
        .map(|s| p::cast(&randn64(s), dtype).unwrap())
        .collect()
}

fn vals(t: &Tensor) -> Vec<f64> {
    p::cast(t, DType::Float64).unwrap().to_vec::<f64>()
}

/// Values and input cotangents of `f` and `g` agree to `tol`.
fn same_vjp(
    f: impl Fn(&[Tensor]) -> ems::Result<Tensor>,
    g: impl Fn(&[Tensor]) -> ems::Result<Tensor>,
    xs: &[Tensor],
    tol: f64,
    what: &str,
) {
    let (yf, bf) = ems::vjp_flat(|v| Ok(vec![f(v)?]), xs).unwrap();
    let (yg, bg) = ems::vjp_flat(|v| Ok(vec![g(v)?]), xs).unwrap();
    assert_eq!(yf[0].dims(), yg[0].dims(), "{what}: shapes");
    assert_close(&vals(&yf[0]), &vals(&yg[0]), tol, &format!("{what}: value"));
    let ct = p::cast(&randn64(yf[0].dims()), yf[0].dtype()).unwrap();
    let (df, dg) = (
        bf.apply(std::slice::from_ref(&ct)).unwrap(),
        bg.apply(std::slice::from_ref(&ct)).unwrap(),
    );
    for (k, (a, b)) in df.iter().zip(&dg).enumerate() {
        assert_eq!(a.dtype(), xs[k].dtype(), "{what}: cotangent {k} dtype");
        assert_close(&vals(a), &vals(b), tol, &format!("{what}: cotangent {k}"));
    }
}

#[test]
fn fused_cells_equal_their_composition_in_float64() {
    let _g = seeded(11);
    for op in [CellOp::Lstm, CellOp::Gru] {
        let unfused = match op {
            CellOp::Lstm => lstm_ops,
            CellOp::Gru => gru_ops,
        };
        for (b, h) in [(3, 5), (1, 1), (0, 4), (2, 17)] {
            let xs = inputs(op, b, h, DType::Float64);
            same_vjp(fused(op), unfused, &xs, 1e-12, &format!("{op:?} {b}x{h}"));
            // Forward mode: the rule's JVP against the composition's.
            let ts = inputs(op, b, h, DType::Float64);
            let (_, tf) = ems::jvp_flat(|v| Ok(vec![fused(op)(v)?]), &xs, &ts).unwrap();
            let (_, tu) = ems::jvp_flat(|v| Ok(vec![unfused(v)?]), &xs, &ts).unwrap();
            assert_close(&vals(&tf[0]), &vals(&tu[0]), 1e-12, "jvp");
            // Second order: the gradient of ⟨vjp(ct), w⟩ (the rule's differentiable form).
            let ct = randn64(tf[0].dims());
            let ws: Vec<Tensor> = xs.iter().map(|x| randn64(x.dims())).collect();
            let second = |f: &dyn Fn(&[Tensor]) -> ems::Result<Tensor>| {
                let pairing = |v: &[Tensor]| -> ems::Result<Vec<Tensor>> {
                    let (_, back) = ems::vjp_flat(|u| Ok(vec![f(u)?]), v)?;
                    let gs = back.apply(std::slice::from_ref(&ct))?;
                    let mut acc = Tensor::scalar(0.0f64);
                    for (g, w) in gs.iter().zip(&ws) {
                        acc = (acc + ems::sum(&(g * w)?, ems::Axes::All, false)?)?;
                    }
                    Ok(vec![acc])
                };
                let (_, back) = ems::vjp_flat(pairing, &xs).unwrap();
                back.apply(&[Tensor::scalar(1.0f64)]).unwrap()
            };
            let (a, b2) = (second(&fused(op)), second(&unfused));
            for (x, y) in a.iter().zip(&b2) {
                assert_close(&vals(x), &vals(y), 1e-11, "second order");
            }
        }
    }
}

#[test]
fn fused_cells_take_float32_float16_and_strided_views() {
    let _g = seeded(12);
    for op in [CellOp::Lstm, CellOp::Gru] {
        let unfused = match op {
            CellOp::Lstm => lstm_ops,
            CellOp::Gru => gru_ops,
        };
        let xs = inputs(op, 4, 6, DType::Float32);
        same_vjp(fused(op), unfused, &xs, 1e-5, &format!("{op:?} f32"));
        let xs = inputs(op, 4, 6, DType::Float16);
        same_vjp(fused(op), unfused, &xs, 2e-2, &format!("{op:?} f16"));
        // Transposed views (column-major strides) of [k, B] values.
        let xs: Vec<Tensor> = inputs(op, 3, 2, DType::Float64)
            .iter()
            .map(|x| {
                let (b, k) = (x.dims()[0], x.dims()[1]);
                let t = Tensor::from_vec(x.to_vec::<f64>(), &[k, b]).unwrap();
                ems::transpose(&t, None).unwrap()
            })
            .collect();
        assert!(xs
            .iter()
            .all(|x| x.storage_layout().is_some_and(|(_, l)| !l.is_contiguous())));
        same_vjp(fused(op), unfused, &xs, 1e-12, &format!("{op:?} strided"));
    }
}

#[test]
fn fused_cells_refuse_bad_operands() {
    let f = |s: &[usize]| ems::zeros(s, DType::Float32).unwrap();
    let bad = [
        (CellOp::Lstm, vec![f(&[2, 7]), f(&[2, 2])]),
        (CellOp::Lstm, vec![f(&[2, 8]), f(&[3, 2])]),
        (CellOp::Lstm, vec![f(&[2, 8])]),
        (CellOp::Gru, vec![f(&[2, 6]), f(&[2, 3]), f(&[2, 2])]),
        (CellOp::Gru, vec![f(&[2, 6]), f(&[2, 6]), f(&[2])]),
    ];
    for (op, xs) in bad {
        assert!(p::rnn_cell(op, &xs).is_err(), "{op:?} {:?}", xs.len());
    }
    let ints = vec![
        ems::zeros(&[2, 8], DType::Int32).unwrap(),
        ems::zeros(&[2, 2], DType::Int32).unwrap(),
    ];
    assert!(matches!(
        p::rnn_cell(CellOp::Lstm, &ints),
        Err(ems::Error::UnsupportedDType { .. })
    ));
    let mixed = vec![f(&[2, 8]), ems::zeros(&[2, 2], DType::Float64).unwrap()];
    assert!(p::rnn_cell(CellOp::Lstm, &mixed).is_err());
}

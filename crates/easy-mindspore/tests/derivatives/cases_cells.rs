//! Case group for the fused recurrent steps `LstmCell` and `GruCell` (one primitive each for a
//! step's gate maths): the first-order checks run the device's one-pass gradient kernel (every
//! value concrete), the second-order ones the rule's differentiable composition, and the
//! batching check its rows-joined batch rule. Sizes include one unit and an empty batch.
//! The same for the fused `Attention` (scaled dot-product attention), with and without masks
//! broadcast along each axis of the scores.

use crate::check::Suite;
use easy_mindspore as ems;
use ems::op::CellOp;
use ems::prim::{Attention, CellGrad, LstmLayer, LstmLayerGrad};
use ems::Prim;

pub(crate) fn cells(s: &mut Suite) {
    for (b, h) in [(2, 3), (1, 1), (3, 2), (0, 2)] {
        let g = s.rng.tensor(&[b, 4 * h], -2.0, 2.0);
        let c = s.rng.tensor(&[b, h], -1.5, 1.5);
        s.prim(Prim::RnnCell(CellOp::Lstm), vec![g.clone(), c.clone()]);
        let x = s.rng.tensor(&[b, 3 * h], -2.0, 2.0);
        let hp = s.rng.tensor(&[b, 3 * h], -2.0, 2.0);
        let hv = s.rng.tensor(&[b, h], -1.0, 1.0);
        s.prim(
            Prim::RnnCell(CellOp::Gru),
            vec![x.clone(), hp.clone(), hv.clone()],
        );
        // The one-pass gradients, as functions of the step's operands, its output (which the
        // LSTM's reads; any values serve) and the output's cotangent.
        let (out, ct) = (
            s.rng.tensor(&[2, b, h], -1.0, 1.0),
            s.rng.tensor(&[2, b, h], -1.0, 1.0),
        );
        s.prim(
            Prim::RnnCellGrad(CellGrad(CellOp::Lstm)),
            vec![g, c, out, ct],
        );
        let (out, ct) = (
            s.rng.tensor(&[b, h], -1.0, 1.0),
            s.rng.tensor(&[b, h], -1.0, 1.0),
        );
        s.prim(
            Prim::RnnCellGrad(CellGrad(CellOp::Gru)),
            vec![x, hp, hv, out, ct],
        );
    }
}

/// A whole LSTM layer direction (`LstmLayer`) and its backward sweep (`LstmLayerGrad`, whose
/// derivatives are its composition's: the first-order checks of `LstmLayer` run the fused sweep,
/// those of `LstmLayerGrad` compare its kernel, through finite differences, with the composition).
/// Sizes include one step, one unit, an empty batch, an empty sequence and no units; both
/// directions.
pub(crate) fn lstm_layers(s: &mut Suite) {
    for (t, b, h) in [(3, 2, 2), (1, 1, 1), (2, 0, 2), (0, 2, 1), (2, 2, 0)] {
        for reverse in [false, true] {
            let layer = LstmLayer { reverse };
            let gi = s.rng.tensor(&[t, b, 4 * h], -2.0, 2.0);
            let w = s.rng.tensor(&[4 * h, h], -1.0, 1.0);
            let bias = s.rng.tensor(&[4 * h], -0.5, 0.5);
            let h0 = s.rng.tensor(&[b, h], -1.0, 1.0);
            let c0 = s.rng.tensor(&[b, h], -1.5, 1.5);
            let args = vec![gi.clone(), w.clone(), bias.clone(), h0.clone(), c0.clone()];
            s.prim(Prim::LstmLayer(layer), args);
            // The sweep reads the output's states and activations as given: any values serve
            // (activations in (0, 1), as the sigmoid's and most of the tanh's are).
            let n = t * b * h;
            let states = s.rng.tensor(&[2 * n], -1.5, 1.5);
            let acts = s.rng.tensor(&[4 * n], 0.05, 0.95);
            let out = ems::concat(&[states, acts], 0).expect("joined");
            let ct = s.rng.tensor(&[6 * n], -1.0, 1.0);
            s.prim(
                Prim::LstmLayerGrad(LstmLayerGrad(layer)),
                vec![gi, w, bias, h0, c0, out, ct],
            );
        }
    }
}

pub(crate) fn attention(s: &mut Suite) {
    let prim = |scale| Prim::Attention(Attention { scale });
    // (B, L, S, D, E): one key, one query, one feature, an empty batch and no queries.
    for (b, l, n, d, e) in [
        (2, 3, 4, 2, 3),
        (1, 1, 1, 1, 1),
        (3, 2, 1, 2, 2),
        (0, 2, 3, 1, 2),
    ] {
        let q = s.rng.tensor(&[b, l, d], -1.0, 1.0);
        let k = s.rng.tensor(&[b, n, d], -1.0, 1.0);
        let v = s.rng.tensor(&[b, n, e], -1.0, 1.0);
        s.prim(prim(0.7), vec![q.clone(), k.clone(), v.clone()]);
        // Masks of the scores' shape, and broadcast along the batch, the queries, all axes and
        // the keys (a constant per row, which the softmax cancels).
        for m in [[b, l, n], [1, l, n], [b, 1, n], [1, 1, 1], [b, l, 1]] {
            let mask = s.rng.tensor(&m, -1.0, 1.0);
            s.prim(prim(1.3), vec![q.clone(), k.clone(), v.clone(), mask]);
        }
    }
    let (q, k, v) = (
        s.rng.tensor(&[2, 0, 2], -1.0, 1.0),
        s.rng.tensor(&[2, 3, 2], -1.0, 1.0),
        s.rng.tensor(&[2, 3, 1], -1.0, 1.0),
    );
    s.prim(prim(0.5), vec![q, k, v]);
}

//! Case group for the fused recurrent steps `LstmCell` and `GruCell` (one primitive each for a
//! step's gate maths): the first-order checks run the device's one-pass gradient kernel (every
//! value concrete), the second-order ones the rule's differentiable composition, and the
//! batching check its rows-joined batch rule. Sizes include one unit and an empty batch.

use crate::check::Suite;
use easy_mindspore as ems;
use ems::op::CellOp;
use ems::Prim;

pub(crate) fn cells(s: &mut Suite) {
    for (b, h) in [(2, 3), (1, 1), (3, 2), (0, 2)] {
        let g = s.rng.tensor(&[b, 4 * h], -2.0, 2.0);
        let c = s.rng.tensor(&[b, h], -1.5, 1.5);
        s.prim(Prim::RnnCell(CellOp::Lstm), vec![g, c]);
        let x = s.rng.tensor(&[b, 3 * h], -2.0, 2.0);
        let hp = s.rng.tensor(&[b, 3 * h], -2.0, 2.0);
        let hv = s.rng.tensor(&[b, h], -1.0, 1.0);
        s.prim(Prim::RnnCell(CellOp::Gru), vec![x, hp, hv]);
    }
}

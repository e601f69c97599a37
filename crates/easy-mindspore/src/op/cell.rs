//! [`CellOp`]: the gate maths of one recurrent step, elementwise per hidden unit, and their
//! derivatives, as scalar functions every device's kernel applies (the `RnnCell` primitive).
//! The activations are the scalar functions of the unary table (`Sigmoid`, `Tanh`), so a fused
//! step computes each gate as the unfused composition does.

use super::unary::sigmoid;
use super::Arith;

/// The recurrent step whose gate maths is fused (the payload of
/// [`crate::prim::Prim::RnnCell`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellOp {
    /// LSTM: from the summed gate pre-activations `[B, 4H]` (stacked `(i, f, g, o)`) and the
    /// cell state `c` `[B, H]`, the next hidden and cell states stacked `[2, B, H]`:
    /// `c' = σ(f)·c + σ(i)·tanh(g)`, `h' = σ(o)·tanh(c')`.
    Lstm,
    /// GRU: from the input projection `[B, 3H]`, the hidden projection `[B, 3H]` (both stacked
    /// `(r, z, n)`) and the hidden state `h` `[B, H]`, the next hidden state `[B, H]`:
    /// `r = σ(i_r + h_r)`, `z = σ(i_z + h_z)`, `n = tanh(i_n + r·h_n)`, `h' = n + z·(h − n)`.
    Gru,
}

impl CellOp {
    /// Every cell op.
    pub const ALL: &'static [CellOp] = &[CellOp::Lstm, CellOp::Gru];

    /// The primitive's name.
    pub fn name(self) -> &'static str {
        match self {
            CellOp::Lstm => "LstmCell",
            CellOp::Gru => "GruCell",
        }
    }

    /// Stacked gates per hidden unit.
    pub fn gates(self) -> usize {
        match self {
            CellOp::Lstm => 4,
            CellOp::Gru => 3,
        }
    }
}

/// The steps of one LSTM layer direction (the `LstmLayer` primitive's sizes, which its rule and
/// its kernels share): `t` steps of `b` rows of `h` units, walked from the last step back when
/// `reverse`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayerSteps {
    /// Steps.
    pub t: usize,
    /// Rows (the batch).
    pub b: usize,
    /// Hidden units.
    pub h: usize,
    /// Whether the sequence is walked from its last step back.
    pub reverse: bool,
}

impl LayerSteps {
    /// The steps of a layer whose input projections have shape `[T, B, 4H]`.
    pub fn of(gi_shape: &[usize], reverse: bool) -> LayerSteps {
        LayerSteps {
            t: gi_shape[0],
            b: gi_shape[1],
            h: gi_shape[2] / 4,
            reverse,
        }
    }

    /// The time index of the step that runs `s`-th.
    pub fn time(self, s: usize) -> usize {
        if self.reverse {
            self.t - 1 - s
        } else {
            s
        }
    }

    /// The time index of the step that ran before the `s`-th (`None` for the first, which reads
    /// the initial state).
    pub fn previous(self, s: usize) -> Option<usize> {
        s.checked_sub(1).map(|p| self.time(p))
    }
}

fn one<T: Arith>() -> T {
    T::from_f64(1.0)
}

/// The activation of LSTM gate `k` (of `(i, f, g, o)`): tanh for the candidate `g`, the
/// sigmoid for the others.
#[inline(always)]
pub fn lstm_gate<T: Arith>(k: usize, pre: T) -> T {
    match k {
        2 => pre.tanh(),
        _ => sigmoid(pre),
    }
}

/// The gate activations `(σ(i), σ(f), tanh(g), σ(o))` of one LSTM unit's pre-activations.
#[inline(always)]
pub fn lstm_gates<T: Arith>(g: [T; 4]) -> [T; 4] {
    [0, 1, 2, 3].map(|k| lstm_gate(k, g[k]))
}

/// One LSTM unit from its gate activations `a` and `c`: `(h', c')`.
#[inline(always)]
pub fn lstm_from_gates<T: Arith>(a: [T; 4], c: T) -> (T, T) {
    let c2 = a[1].mul(c).add(a[0].mul(a[2]));
    (a[3].mul(c2.tanh()), c2)
}

/// One LSTM unit: gate pre-activations `(i, f, g, o)` and `c` to `(h', c')`.
#[inline(always)]
pub fn lstm<T: Arith>(g: [T; 4], c: T) -> (T, T) {
    lstm_from_gates(lstm_gates(g), c)
}

/// The cotangents of one LSTM unit's gate pre-activations and of `c`, from its gate activations
/// `a`, `c`, its output `c'`, the output cotangents `dh'`, `dc'` and the activations' own
/// cotangents `da` (zeros where only `h'` and `c'` are read).
#[inline(always)]
pub fn lstm_grad_from_gates<T: Arith>(
    a: [T; 4],
    da: [T; 4],
    c: T,
    c2: T,
    (dh, dc2): (T, T),
) -> ([T; 4], T) {
    let [i, f, cand, o] = a;
    let tc = c2.tanh();
    // dc' in full: its own cotangent and the path through h' = o·tanh(c').
    let dc = dc2.add(dh.mul(o).mul(one::<T>().sub(tc.mul(tc))));
    let d_i = dc.mul(cand).add(da[0]).mul(i.mul(one::<T>().sub(i)));
    let d_f = dc.mul(c).add(da[1]).mul(f.mul(one::<T>().sub(f)));
    let d_g = dc.mul(i).add(da[2]).mul(one::<T>().sub(cand.mul(cand)));
    let d_o = dh.mul(tc).add(da[3]).mul(o.mul(one::<T>().sub(o)));
    ([d_i, d_f, d_g, d_o], dc.mul(f))
}

/// The cotangents of one LSTM unit's gate pre-activations and of `c`, from its inputs, its
/// output `c'` and the output cotangents `dh'`, `dc'`.
#[inline(always)]
pub fn lstm_grad<T: Arith>(g: [T; 4], c: T, c2: T, dh: T, dc2: T) -> ([T; 4], T) {
    let zero = T::from_f64(0.0);
    lstm_grad_from_gates(lstm_gates(g), [zero; 4], c, c2, (dh, dc2))
}

/// One GRU unit: input and hidden projections `(r, z, n)` and `h` to `h'`.
#[inline(always)]
pub fn gru<T: Arith>(x: [T; 3], hp: [T; 3], h: T) -> T {
    let r = sigmoid(x[0].add(hp[0]));
    let z = sigmoid(x[1].add(hp[1]));
    let n = x[2].add(r.mul(hp[2])).tanh();
    n.add(z.mul(h.sub(n)))
}

/// The cotangents of one GRU unit's input projections, hidden projections and `h`, from its
/// inputs and the output cotangent `dh'`.
#[inline(always)]
pub fn gru_grad<T: Arith>(x: [T; 3], hp: [T; 3], h: T, dh2: T) -> ([T; 3], [T; 3], T) {
    let r = sigmoid(x[0].add(hp[0]));
    let z = sigmoid(x[1].add(hp[1]));
    let n = x[2].add(r.mul(hp[2])).tanh();
    let dn = dh2.mul(one::<T>().sub(z)).mul(one::<T>().sub(n.mul(n)));
    let dz = dh2.mul(h.sub(n)).mul(z.mul(one::<T>().sub(z)));
    let dr = dn.mul(hp[2]).mul(r.mul(one::<T>().sub(r)));
    ([dr, dz, dn], [dr, dz, dn.mul(r)], dh2.mul(z))
}

//! Recurrent layers (MindSpore's `nn.RNN`, `nn.GRU`, `nn.LSTM`) and their one-step cells
//! (`nn.RNNCell`, `nn.GRUCell`, `nn.LSTMCell`), composed of engine ops so `grad`, `jit` and the
//! other transformations see through them.
//!
//! The layers hand each other whole sequences `[T, B, features]`. A layer direction computes the
//! input projection `x·W_ihᵀ + b_ih` of all steps as one matrix product. An LSTM direction of
//! Float32 or Float64 without sequence lengths is then one primitive (`prim::lstm_layer`, its
//! backward sweep one kernel too); otherwise the projection is cut into steps and the layer
//! loops over time computing the hidden projection `h·W_hhᵀ + b_hh` and the gate maths. (The
//! reverse sweep gathers the cotangents of the steps' slices into one concatenation,
//! `interp/blocks.rs`; when each slice's gradient was its own zero-padded `[T, B, gates·H]`
//! tensor, this cost `O(T²)` and per-step products were faster.) Gates are stacked as MindSpore
//! stacks them: LSTM
//! `(i, f, g, o)`, GRU `(r, z, n)`. With `seq_length`, steps at or past a sequence's length leave
//! its state unchanged and output zeros, so `h_n` is the state at its last valid step; the
//! reverse direction walks the time axis backwards from the end, which (the state being held
//! until `t < len`) reads each sequence reversed within its own length, as MindSpore's
//! `ReverseSequence` does.

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::nn::cell::{py_bool, Cell, TrainFlag};
use crate::nn::init::Initializer;
use crate::nn::layers::Dropout;
use crate::nn::parameter::Parameter;
use crate::ops::{self, prim, Split};
use crate::tensor::Tensor;

/// The recurrence of a layer or cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RnnMode {
    /// Elman RNN, `h' = tanh(W_ih x + b_ih + W_hh h + b_hh)`.
    Tanh,
    /// Elman RNN with ReLU instead of tanh.
    Relu,
    /// Gated recurrent unit, gates `(r, z, n)`.
    Gru,
    /// Long short-term memory, gates `(i, f, g, o)`, state `(h, c)`.
    Lstm,
}

impl RnnMode {
    /// The Elman mode for MindSpore's `nonlinearity` (`'tanh'` or `'relu'`); `op` names the
    /// layer in the error.
    pub fn elman(nonlinearity: &str, op: &'static str) -> Result<RnnMode> {
        match nonlinearity {
            "tanh" => Ok(RnnMode::Tanh),
            "relu" => Ok(RnnMode::Relu),
            _ => Err(Error::invalid(
                op,
                format!("the 'nonlinearity' must be in ['tanh', 'relu'], but got {nonlinearity}"),
            )),
        }
    }

    /// Stacked gates per hidden unit.
    pub fn gates(self) -> usize {
        match self {
            RnnMode::Tanh | RnnMode::Relu => 1,
            RnnMode::Gru => 3,
            RnnMode::Lstm => 4,
        }
    }

    /// The multi-layer class name.
    pub fn layer_name(self) -> &'static str {
        match self {
            RnnMode::Tanh | RnnMode::Relu => "RNN",
            RnnMode::Gru => "GRU",
            RnnMode::Lstm => "LSTM",
        }
    }

    /// The one-step cell's class name.
    pub fn cell_name(self) -> &'static str {
        match self {
            RnnMode::Tanh | RnnMode::Relu => "RNNCell",
            RnnMode::Gru => "GRUCell",
            RnnMode::Lstm => "LSTMCell",
        }
    }

    /// One step from the input projection `gi = x·W_ihᵀ + b_ih` and the hidden projection
    /// `gh = h·W_hhᵀ + b_hh` (both `[B, gates·H]`): the new `(h, c)`.
    fn step(self, gi: &Tensor, gh: &Tensor, h: &Tensor, c: Option<&Tensor>) -> Result<State> {
        match self {
            RnnMode::Tanh => Ok((ops::add(gi, gh)?.tanh()?, None)),
            RnnMode::Relu => Ok((ops::relu(&ops::add(gi, gh)?)?, None)),
            // The gate maths is one primitive (`prim::rnn_cell`, one pass forward and one
            // backward): GRU r = σ(i_r + h_r), z = σ(i_z + h_z), n = tanh(i_n + r·h_n),
            // h' = n + z·(h - n); LSTM c' = σ(f)·c + σ(i)·tanh(g), h' = σ(o)·tanh(c').
            RnnMode::Gru => Ok((prim::gru_cell(gi, gh, h)?, None)),
            RnnMode::Lstm => {
                let c = c.ok_or_else(|| Error::invalid("LSTM", "the cell state c is missing"))?;
                let (h2, c2) = prim::lstm_cell(&ops::add(gi, gh)?, c)?;
                Ok((h2, Some(c2)))
            }
        }
    }
}

/// A hidden state `h` and, for LSTM, the cell state `c`.
pub type State = (Tensor, Option<Tensor>);

/// The weights of one layer direction (or one cell): `W_ih [gates·H, in]`, `W_hh [gates·H, H]`
/// and the biases `[gates·H]`.
struct Weights {
    w_ih: Parameter,
    w_hh: Parameter,
    bias: Option<(Parameter, Parameter)>,
}

impl Weights {
    fn new(
        shape: (usize, usize, usize),
        has_bias: bool,
        suffix: &str,
        dtype: DType,
    ) -> Result<Weights> {
        let (gates, input, hidden) = shape;
        // MindSpore's init for every recurrent weight: U(-1/√H, 1/√H).
        let init = Initializer::Uniform {
            scale: 1.0 / (hidden as f64).sqrt(),
        };
        let p = |dims: &[usize], name: &str| -> Result<Parameter> {
            Ok(Parameter::new(
                init.init(dims, dtype)?,
                &format!("{name}{suffix}"),
            ))
        };
        let bias = if has_bias {
            Some((p(&[gates], "bias_ih")?, p(&[gates], "bias_hh")?))
        } else {
            None
        };
        Ok(Weights {
            w_ih: p(&[gates, input], "weight_ih")?,
            w_hh: p(&[gates, hidden], "weight_hh")?,
            bias,
        })
    }

    /// `W_ihᵀ` and `b_ih` cast to `dtype`, read once per sequence.
    fn input_weights(&self, dtype: DType) -> Result<(Tensor, Option<Tensor>)> {
        self.transposed(&self.w_ih, self.bias.as_ref().map(|b| &b.0), dtype)
    }

    /// `W_hhᵀ` and `b_hh` cast to `dtype`, read once per sequence.
    fn hidden_weights(&self, dtype: DType) -> Result<(Tensor, Option<Tensor>)> {
        self.transposed(&self.w_hh, self.bias.as_ref().map(|b| &b.1), dtype)
    }

    fn transposed(
        &self,
        w: &Parameter,
        b: Option<&Parameter>,
        dtype: DType,
    ) -> Result<(Tensor, Option<Tensor>)> {
        let w = ops::cast(&w.value(), dtype)?.T()?;
        let b = b.map(|b| ops::cast(&b.value(), dtype)).transpose()?;
        Ok((w, b))
    }
}

/// `x·Wᵀ + b` for `x [B, n]` and the transposed weight `Wᵀ [n, gates·H]`.
fn project(x: &Tensor, w_t: &Tensor, b: Option<&Tensor>) -> Result<Tensor> {
    let y = ops::matmul(x, w_t)?;
    match b {
        Some(b) => ops::add(&y, b),
        None => Ok(y),
    }
}

fn positive(op: &'static str, what: &str, v: usize) -> Result<()> {
    if v == 0 {
        return Err(Error::invalid(
            op,
            format!("the '{what}' must be int and must > 0, but got '0'"),
        ));
    }
    Ok(())
}

fn float_input(op: &'static str, x: &Tensor) -> Result<()> {
    if x.dtype().is_float() {
        return Ok(());
    }
    Err(Error::UnsupportedDType {
        op,
        dtype: x.dtype(),
        expected: "a float input 'x' (Float16, Float32 or Float64)",
    })
}

/// An error unless `t` has shape `want` (`what` names the argument).
fn expect_shape(op: &'static str, what: &str, t: &Tensor, want: &[usize]) -> Result<()> {
    if t.dims() == want {
        return Ok(());
    }
    Err(Error::invalid(
        op,
        format!(
            "the shape of '{what}' must be {want:?}, but got {:?}",
            t.dims()
        ),
    ))
}

fn same_dtype(op: &'static str, x: &Tensor, h: &Tensor) -> Result<()> {
    if x.dtype() == h.dtype() {
        return Ok(());
    }
    Err(Error::DTypeMismatch {
        op,
        lhs: x.dtype(),
        rhs: h.dtype(),
    })
}

/// Options of [`Rnn`]; `Default` gives MindSpore's defaults.
#[derive(Clone, Copy, Debug)]
pub struct RnnOptions {
    /// Stacked layers (default 1).
    pub num_layers: usize,
    /// Biases `b_ih`, `b_hh` (default true).
    pub has_bias: bool,
    /// Inputs and outputs `[batch, seq, feature]` instead of `[seq, batch, feature]` (default false).
    pub batch_first: bool,
    /// Dropout on the outputs of every layer but the last, while training (default 0).
    pub dropout: f64,
    /// A second direction reading the sequence backwards (default false).
    pub bidirectional: bool,
    /// Parameter dtype (default Float32).
    pub dtype: DType,
}

impl Default for RnnOptions {
    fn default() -> Self {
        RnnOptions {
            num_layers: 1,
            has_bias: true,
            batch_first: false,
            dropout: 0.0,
            bidirectional: false,
            dtype: DType::Float32,
        }
    }
}

/// Stacked recurrent layers (MindSpore's `nn.RNN`, `nn.GRU`, `nn.LSTM`).
///
/// Input `[T, B, input_size]` (or `[B, T, input_size]` with `batch_first`), initial state
/// `[layers·directions, B, H]` (zeros when absent); returns the last layer's outputs
/// `[T, B, directions·H]` and the final states. Parameters are named as MindSpore names them:
/// `weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`, `..._reverse`.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::nn::{Rnn, RnnMode, RnnOptions};
/// let lstm = Rnn::new(RnnMode::Lstm, 3, 5, RnnOptions { num_layers: 2, ..Default::default() })?;
/// let x = ems::ones(&[7, 2, 3], ems::DType::Float32)?;
/// let (y, (h, c)) = lstm.forward(&x, None, None)?;
/// assert_eq!((y.shape(), h.shape()), (vec![7, 2, 5], vec![2, 2, 5]));
/// assert_eq!(c.map(|c| c.shape()), Some(vec![2, 2, 5]));
/// # Ok::<(), ems::Error>(())
/// ```
pub struct Rnn {
    mode: RnnMode,
    input_size: usize,
    hidden_size: usize,
    o: RnnOptions,
    /// Layer `l`, direction `d` at `l·directions + d`.
    weights: Vec<Weights>,
    dropout: Dropout,
    training: TrainFlag,
}

impl Rnn {
    /// The layers, weights drawn from `U(-1/√hidden, 1/√hidden)`.
    pub fn new(mode: RnnMode, input_size: usize, hidden_size: usize, o: RnnOptions) -> Result<Rnn> {
        let op = mode.layer_name();
        positive(op, "hidden_size", hidden_size)?;
        positive(op, "input_size", input_size)?;
        positive(op, "num_layers", o.num_layers)?;
        if !(0.0..1.0).contains(&o.dropout) {
            return Err(Error::invalid(
                op,
                format!(
                    "the 'dropout' must be a number in range [0, 1) representing the \
                     probability of an element being zeroed, but got {}",
                    o.dropout
                ),
            ));
        }
        if !o.dtype.is_float() {
            return Err(Error::UnsupportedDType {
                op,
                dtype: o.dtype,
                expected: "a float parameter dtype",
            });
        }
        let dirs = if o.bidirectional { 2 } else { 1 };
        let gates = mode.gates() * hidden_size;
        let mut weights = Vec::with_capacity(o.num_layers * dirs);
        for layer in 0..o.num_layers {
            let input = if layer == 0 {
                input_size
            } else {
                hidden_size * dirs
            };
            for d in 0..dirs {
                let suffix = format!("_l{layer}{}", if d == 1 { "_reverse" } else { "" });
                let shape = (gates, input, hidden_size);
                weights.push(Weights::new(shape, o.has_bias, &suffix, o.dtype)?);
            }
        }
        Ok(Rnn {
            mode,
            input_size,
            hidden_size,
            o,
            weights,
            dropout: Dropout::new(o.dropout)?,
            training: TrainFlag::default(),
        })
    }

    /// The recurrence.
    pub fn mode(&self) -> RnnMode {
        self.mode
    }

    fn directions(&self) -> usize {
        if self.o.bidirectional {
            2
        } else {
            1
        }
    }

    /// The parameters in MindSpore's order (every `weight_ih`, then `weight_hh`, `bias_ih`,
    /// `bias_hh`; layer by layer, forward before reverse), under their names.
    pub fn params(&self) -> Vec<(String, Parameter)> {
        let mut out: Vec<Parameter> = self.weights.iter().map(|w| w.w_ih.clone()).collect();
        out.extend(self.weights.iter().map(|w| w.w_hh.clone()));
        out.extend(
            self.weights
                .iter()
                .filter_map(|w| w.bias.as_ref().map(|b| b.0.clone())),
        );
        out.extend(
            self.weights
                .iter()
                .filter_map(|w| w.bias.as_ref().map(|b| b.1.clone())),
        );
        out.into_iter().map(|p| (p.name(), p)).collect()
    }

    /// Training mode: inter-layer dropout is active.
    pub fn set_training(&self, mode: bool) {
        self.training.set(mode);
        self.dropout.set_training(mode);
    }

    /// MindSpore's `extend_repr`-style summary of the layer.
    pub fn extend_repr(&self) -> String {
        format!(
            "input_size={}, hidden_size={}, num_layers={}, has_bias={}, batch_first={}, \
             dropout={}, bidirectional={}",
            self.input_size,
            self.hidden_size,
            self.o.num_layers,
            py_bool(self.o.has_bias),
            py_bool(self.o.batch_first),
            self.o.dropout,
            py_bool(self.o.bidirectional)
        )
    }

    /// Checks `x` and returns `(T, B)`.
    fn check_input(&self, x: &Tensor) -> Result<(usize, usize)> {
        let op = self.mode.layer_name();
        float_input(op, x)?;
        if x.ndim() != 3 || x.dims()[2] != self.input_size {
            let layout = if self.o.batch_first {
                "(batch, seq_len, input_size)"
            } else {
                "(seq_len, batch, input_size)"
            };
            return Err(Error::invalid(
                op,
                format!(
                    "the input 'x' must have shape {layout} with input_size={}, but got {:?}",
                    self.input_size,
                    x.dims()
                ),
            ));
        }
        let (a, b) = (x.dims()[0], x.dims()[1]);
        Ok(if self.o.batch_first { (b, a) } else { (a, b) })
    }

    /// The initial state, checked against `want` (zeros when not given).
    fn initial_state(&self, x: &Tensor, hx: Option<&State>, want: &[usize]) -> Result<State> {
        let op = self.mode.layer_name();
        let lstm = self.mode == RnnMode::Lstm;
        let Some((h, c)) = hx else {
            let z = ops::zeros(want, x.dtype())?;
            return Ok((z.clone(), lstm.then_some(z)));
        };
        let (hn, cn) = if lstm {
            ("hx[0]", "hx[1]")
        } else {
            ("hx", "hx")
        };
        expect_shape(op, hn, h, want)?;
        same_dtype(op, x, h)?;
        match (lstm, c) {
            (true, Some(c)) => {
                expect_shape(op, cn, c, want)?;
                same_dtype(op, x, c)?;
                Ok((h.clone(), Some(c.clone())))
            }
            (false, None) => Ok((h.clone(), None)),
            (true, None) => Err(Error::invalid(op, "'hx' must be a pair (h0, c0)")),
            (false, Some(_)) => Err(Error::invalid(op, "'hx' must be one Tensor, not a pair")),
        }
    }

    /// Per time step, the mask `t < seq_length` (`[B, 1]`, Bool), or `None` without lengths.
    fn masks(
        &self,
        seq_length: Option<&Tensor>,
        t: usize,
        b: usize,
    ) -> Result<Vec<Option<Tensor>>> {
        let op = self.mode.layer_name();
        let Some(len) = seq_length else {
            return Ok(vec![None; t]);
        };
        if !matches!(len.dtype(), DType::Int32 | DType::Int64) {
            return Err(Error::UnsupportedDType {
                op,
                dtype: len.dtype(),
                expected: "Int32 or Int64 for 'seq_length'",
            });
        }
        if len.dims() != [b] {
            return Err(Error::invalid(
                op,
                format!(
                    "batch size of x and seq_length must be equal, but got {b} of x and shape \
                     {:?} of seq_length",
                    len.dims()
                ),
            ));
        }
        let len = prim::reshape(len, &[b, 1])?;
        (0..t)
            .map(|i| ops::greater(&len, i as i64).map(Some))
            .collect()
    }

    /// Runs the layers: `(output, (h_n, c_n))`, `c_n` for LSTM only.
    pub fn forward(
        &self,
        x: &Tensor,
        hx: Option<&State>,
        seq_length: Option<&Tensor>,
    ) -> Result<(Tensor, State)> {
        let (t, b) = self.check_input(x)?;
        let dirs = self.directions();
        let want = [self.o.num_layers * dirs, b, self.hidden_size];
        let (h0, c0) = self.initial_state(x, hx, &want)?;
        let masks = self.masks(seq_length, t, b)?;
        let x = if self.o.batch_first {
            ops::swapaxes(x, 0, 1)?
        } else {
            x.clone()
        };
        // Each layer hands the next its whole output sequence `[T, B, features]`.
        let mut seq = x;
        let (mut hs, mut cs) = (Vec::new(), Vec::new());
        let drop = self.training.get() && self.o.dropout > 0.0;
        for layer in 0..self.o.num_layers {
            let mut outs = Vec::with_capacity(dirs);
            for d in 0..dirs {
                let k = layer * dirs + d;
                let pick = |s: &Tensor| s.get(k as i64);
                let state = (pick(&h0)?, c0.as_ref().map(pick).transpose()?);
                // The steps' products multiply one weight: they keep its packing.
                let (out, (h, c)) = crate::device::reusing_packs(|| {
                    self.direction(&seq, state, &self.weights[k], d == 1, &masks)
                })?;
                outs.push(out);
                hs.push(h);
                cs.extend(c);
            }
            seq = if dirs == 1 {
                outs.remove(0)
            } else {
                ops::concat(&outs, 2)?
            };
            if drop && layer + 1 < self.o.num_layers {
                seq = self.dropout.construct(&seq)?;
            }
        }
        let out = if self.o.batch_first {
            ops::swapaxes(&seq, 0, 1)?
        } else {
            seq
        };
        let c_n = if cs.is_empty() {
            None
        } else {
            Some(ops::stack(&cs, 0)?)
        };
        Ok((out, (ops::stack(&hs, 0)?, c_n)))
    }

    /// One direction of one layer over the sequence `xs` (`[T, B, in]`): the outputs
    /// (`[T, B, H]`) and the final state. The input projection of every step is one matrix
    /// product over the `T·B` rows, cut into steps; the sweep that differentiates it gathers the
    /// steps' cotangents into one value again (`interp/blocks.rs`), so its backward pass is one
    /// matrix product too.
    fn direction(
        &self,
        xs: &Tensor,
        state: State,
        w: &Weights,
        reverse: bool,
        masks: &[Option<Tensor>],
    ) -> Result<(Tensor, State)> {
        let (t, b, n) = (xs.dims()[0], xs.dims()[1], xs.dims()[2]);
        if t == 0 {
            let out = ops::zeros(&[0, b, self.hidden_size], xs.dtype())?;
            return Ok((out, state));
        }
        let (w_ih, b_ih) = w.input_weights(xs.dtype())?;
        let (w_hh, mut b_hh) = w.hidden_weights(xs.dtype())?;
        // Where `b_hh` is added to the whole pre-activation (all modes but GRU, whose `b_hn` sits
        // inside `r·(h·W_hnᵀ + b_hn)`), it joins `b_ih` in the one input projection: each step
        // is then one product and one add, and `b_hh`'s gradient one reduction over all steps.
        let bias = match (self.mode, &b_ih, b_hh.take()) {
            (RnnMode::Gru, _, keep) => {
                b_hh = keep;
                b_ih
            }
            (_, Some(bi), Some(bh)) => Some(ops::add(bi, &bh)?),
            (_, _, None) => b_ih,
            (_, None, Some(bh)) => Some(bh),
        };
        let rows = prim::reshape(xs, &[t * b, n])?;
        let whole = masks.iter().all(Option::is_none);
        if let (RnnMode::Lstm, true, DType::Float32 | DType::Float64) =
            (self.mode, whole, xs.dtype())
        {
            // The whole sequence in one primitive (its backward sweep one kernel too), which adds
            // the bias itself.
            let (h, c) = state;
            let c = c.ok_or_else(|| Error::invalid("LSTM", "the cell state c is missing"))?;
            let g = 4 * self.hidden_size;
            let gi = prim::reshape(&ops::matmul(&rows, &w_ih)?, &[t, b, g])?;
            let bias = match bias {
                Some(bias) => bias,
                None => ops::zeros(&[g], xs.dtype())?,
            };
            // `w_hh` is `W_hhᵀ`; the primitive takes `W_hh` (so its gradient comes in that layout).
            let (out, h, c) = prim::lstm_layer(&gi, &w_hh.T()?, &bias, (&h, &c), reverse)?;
            return Ok((out, (h, Some(c))));
        }
        let gates = project(&rows, &w_ih, bias.as_ref())?;
        let gis = ops::split(
            &prim::reshape(&gates, &[t, b, gates.dims()[1]])?,
            Split::Sections(t),
            0,
        )?;
        let (mut h, mut c) = state;
        let mut outs: Vec<Option<Tensor>> = vec![None; t];
        for step in 0..t {
            let i = if reverse { t - 1 - step } else { step };
            let gi = prim::reshape(&gis[i], &[b, gates.dims()[1]])?;
            let gh = project(&h, &w_hh, b_hh.as_ref())?;
            let (h2, c2) = self.mode.step(&gi, &gh, &h, c.as_ref())?;
            match &masks[i] {
                None => {
                    outs[i] = Some(h2.clone());
                    h = h2;
                    c = c2;
                }
                Some(m) => {
                    outs[i] = Some(ops::where_(m, &h2, 0.0)?);
                    h = ops::where_(m, &h2, &h)?;
                    c = match (c2, c) {
                        (Some(c2), Some(c)) => Some(ops::where_(m, &c2, &c)?),
                        _ => None,
                    };
                }
            }
        }
        let outs: Vec<Tensor> = outs.into_iter().flatten().collect();
        Ok((ops::stack(&outs, 0)?, (h, c)))
    }
}

/// One recurrent step (MindSpore's `nn.RNNCell`, `nn.GRUCell`, `nn.LSTMCell`): input
/// `[B, input_size]`, state `[B, H]` (LSTM: `(h, c)`); returns the new state. Parameters
/// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`, drawn from `U(-1/√H, 1/√H)`.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::nn::{RnnCell, RnnMode};
/// let cell = RnnCell::new(RnnMode::Gru, 3, 4, true, ems::DType::Float32)?;
/// let x = ems::ones(&[2, 3], ems::DType::Float32)?;
/// let h = ems::zeros(&[2, 4], ems::DType::Float32)?;
/// let (h1, c1) = cell.forward(&x, &(h, None))?;
/// assert_eq!(h1.shape(), vec![2, 4]);
/// assert!(c1.is_none());
/// # Ok::<(), ems::Error>(())
/// ```
pub struct RnnCell {
    mode: RnnMode,
    input_size: usize,
    hidden_size: usize,
    w: Weights,
}

impl RnnCell {
    /// The cell, weights drawn from `U(-1/√hidden, 1/√hidden)`.
    pub fn new(
        mode: RnnMode,
        input_size: usize,
        hidden_size: usize,
        has_bias: bool,
        dtype: DType,
    ) -> Result<RnnCell> {
        let op = mode.cell_name();
        positive(op, "hidden_size", hidden_size)?;
        positive(op, "input_size", input_size)?;
        if !dtype.is_float() {
            return Err(Error::UnsupportedDType {
                op,
                dtype,
                expected: "a float parameter dtype",
            });
        }
        let shape = (mode.gates() * hidden_size, input_size, hidden_size);
        Ok(RnnCell {
            mode,
            input_size,
            hidden_size,
            w: Weights::new(shape, has_bias, "", dtype)?,
        })
    }

    /// The recurrence.
    pub fn mode(&self) -> RnnMode {
        self.mode
    }

    /// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` under their names.
    pub fn params(&self) -> Vec<(String, Parameter)> {
        let mut v = vec![self.w.w_ih.clone(), self.w.w_hh.clone()];
        if let Some((bi, bh)) = &self.w.bias {
            v.extend([bi.clone(), bh.clone()]);
        }
        v.into_iter().map(|p| (p.name(), p)).collect()
    }

    /// MindSpore's `extend_repr`-style summary of the cell.
    pub fn extend_repr(&self) -> String {
        format!(
            "input_size={}, hidden_size={}, has_bias={}",
            self.input_size,
            self.hidden_size,
            py_bool(self.w.bias.is_some())
        )
    }

    /// The next state from `x [B, input_size]` and `hx` (`[B, H]`; LSTM: `(h, c)`).
    pub fn forward(&self, x: &Tensor, hx: &State) -> Result<State> {
        let op = self.mode.cell_name();
        let lstm = self.mode == RnnMode::Lstm;
        float_input(op, x)?;
        if x.ndim() != 2 || x.dims()[1] != self.input_size {
            return Err(Error::invalid(
                op,
                format!(
                    "the input 'x' must have shape (batch, input_size={}), but got {:?}",
                    self.input_size,
                    x.dims()
                ),
            ));
        }
        let want = [x.dims()[0], self.hidden_size];
        let (h, c) = hx;
        let hn = if lstm { "hx[0]" } else { "hx" };
        expect_shape(op, hn, h, &want)?;
        same_dtype(op, x, h)?;
        match (lstm, c) {
            (true, Some(c)) => {
                expect_shape(op, "hx[1]", c, &want)?;
                same_dtype(op, x, c)?;
            }
            (false, None) => {}
            (true, None) => return Err(Error::invalid(op, "'hx' must be a pair (h, c)")),
            (false, Some(_)) => return Err(Error::invalid(op, "'hx' must be one Tensor")),
        }
        let (w_ih, b_ih) = self.w.input_weights(x.dtype())?;
        let (w_hh, b_hh) = self.w.hidden_weights(x.dtype())?;
        let gi = project(x, &w_ih, b_ih.as_ref())?;
        let gh = project(h, &w_hh, b_hh.as_ref())?;
        self.mode.step(&gi, &gh, h, c.as_ref())
    }
}

//! The native half of `easy_mindspore.nn.RNN` / `GRU` / `LSTM` and their cells: two classes
//! holding the engine's recurrent layers (`ems::nn::Rnn`, `ems::nn::RnnCell`), called with
//! `(x, h, c, seq_length)`. The Python cells check the structure of `hx` (a Tensor, or a pair
//! for LSTM) and pass `h` and `c` apart; the maths and every shape check live in the engine.

use crate::convert::type_label;
use crate::errors::{type_err, IntoPy};
use crate::gil::maybe_allow_threads;
use crate::handle::PyTensor;
use crate::nn::PyParameter;
use easy_mindspore as ems;
use ems::nn::{self, RnnMode, RnnOptions, RnnState};
use ems::{DType, Tensor};
use pyo3::prelude::*;

fn tensor_arg(obj: &Bound<'_, PyAny>, op: &str, what: &str) -> PyResult<Tensor> {
    let t = obj.downcast::<PyTensor>().map_err(|_| {
        type_err(format!(
            "For '{op}', the '{what}' must be a Tensor, but got {}",
            type_label(obj)
        ))
    })?;
    Ok(t.borrow().value())
}

fn opt_tensor(obj: Option<&Bound<'_, PyAny>>, op: &str, what: &str) -> PyResult<Option<Tensor>> {
    obj.filter(|o| !o.is_none())
        .map(|o| tensor_arg(o, op, what))
        .transpose()
}

fn param_dtype(dtype: Option<&Bound<'_, PyAny>>) -> PyResult<DType> {
    match dtype {
        Some(d) if !d.is_none() => crate::convert::dtype_from_py(d),
        _ => Ok(DType::Float32),
    }
}

fn wrap_params(
    py: Python<'_>,
    ps: Vec<(String, nn::Parameter)>,
) -> PyResult<Vec<(String, Py<PyParameter>)>> {
    ps.into_iter()
        .map(|(n, p)| Ok((n, PyParameter::wrap(py, p)?)))
        .collect()
}

type StateOut = (PyTensor, Option<PyTensor>);

fn state_out((h, c): RnnState) -> StateOut {
    (PyTensor::new(h), c.map(PyTensor::new))
}

/// Stacked recurrent layers (`nn.RNN`, `nn.GRU`, `nn.LSTM`).
#[pyclass(module = "easy_mindspore._C", name = "NativeRnn", frozen)]
pub struct NativeRnn {
    rnn: nn::Rnn,
}

#[pymethods]
impl NativeRnn {
    /// `(output, h_n, c_n)`; `c_n` is None except for LSTM.
    #[pyo3(signature = (x, h=None, c=None, seq_length=None))]
    fn __call__(
        &self,
        py: Python<'_>,
        x: &Bound<'_, PyAny>,
        h: Option<&Bound<'_, PyAny>>,
        c: Option<&Bound<'_, PyAny>>,
        seq_length: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(PyTensor, PyTensor, Option<PyTensor>)> {
        let op = self.rnn.mode().layer_name();
        let x = tensor_arg(x, op, "x")?;
        let h = opt_tensor(h, op, "hx")?;
        let c = opt_tensor(c, op, "hx[1]")?;
        let len = opt_tensor(seq_length, op, "seq_length")?;
        let hx = h.map(|h| (h, c));
        let (out, st) = maybe_allow_threads(py, x.numel(), || {
            self.rnn.forward(&x, hx.as_ref(), len.as_ref())
        })
        .py()?;
        let (h, c) = state_out(st);
        Ok((PyTensor::new(out), h, c))
    }

    /// The parameters as `(name, Parameter)` in MindSpore's order; each call makes new Python
    /// objects sharing the same handles.
    fn params(&self, py: Python<'_>) -> PyResult<Vec<(String, Py<PyParameter>)>> {
        wrap_params(py, self.rnn.params())
    }

    fn set_train(&self, mode: bool) {
        self.rnn.set_training(mode);
    }

    fn extend_repr(&self) -> String {
        self.rnn.extend_repr()
    }
}

/// One-step recurrent cells (`nn.RNNCell`, `nn.GRUCell`, `nn.LSTMCell`).
#[pyclass(module = "easy_mindspore._C", name = "NativeRnnCell", frozen)]
pub struct NativeRnnCell {
    cell: nn::RnnCell,
}

#[pymethods]
impl NativeRnnCell {
    /// The next state `(h, c)`; `c` is None except for LSTMCell.
    #[pyo3(signature = (x, h, c=None))]
    fn __call__(
        &self,
        py: Python<'_>,
        x: &Bound<'_, PyAny>,
        h: &Bound<'_, PyAny>,
        c: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<StateOut> {
        let op = self.cell.mode().cell_name();
        let x = tensor_arg(x, op, "x")?;
        let hx = (tensor_arg(h, op, "hx")?, opt_tensor(c, op, "hx[1]")?);
        maybe_allow_threads(py, x.numel(), || self.cell.forward(&x, &hx))
            .py()
            .map(state_out)
    }

    /// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` as `(name, Parameter)`.
    fn params(&self, py: Python<'_>) -> PyResult<Vec<(String, Py<PyParameter>)>> {
        wrap_params(py, self.cell.params())
    }

    fn set_train(&self, _mode: bool) {}

    fn extend_repr(&self) -> String {
        self.cell.extend_repr()
    }
}

/// The layers of `nn.RNN` (`nonlinearity` `'tanh'` or `'relu'`), `nn.GRU` (`gru`) or `nn.LSTM`
/// (`lstm`); MindSpore's defaults.
#[pyfunction]
#[pyo3(signature = (input_size, hidden_size, nonlinearity="tanh", gru=false, lstm=false, num_layers=1, has_bias=true, batch_first=false, dropout=0.0, bidirectional=false, dtype=None))]
#[allow(clippy::too_many_arguments)] // mirrors MindSpore's RNN signature
pub fn rnn_layer(
    input_size: usize,
    hidden_size: usize,
    nonlinearity: &str,
    gru: bool,
    lstm: bool,
    num_layers: usize,
    has_bias: bool,
    batch_first: bool,
    dropout: f64,
    bidirectional: bool,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeRnn> {
    let mode = match (gru, lstm) {
        (true, _) => RnnMode::Gru,
        (_, true) => RnnMode::Lstm,
        _ => RnnMode::elman(nonlinearity, "RNN").py()?,
    };
    let o = RnnOptions {
        num_layers,
        has_bias,
        batch_first,
        dropout,
        bidirectional,
        dtype: param_dtype(dtype)?,
    };
    let rnn = nn::Rnn::new(mode, input_size, hidden_size, o).py()?;
    Ok(NativeRnn { rnn })
}

/// The cell of `nn.RNNCell` (`nonlinearity` `'tanh'` or `'relu'`), `nn.GRUCell` (`gru`) or
/// `nn.LSTMCell` (`lstm`).
#[pyfunction]
#[pyo3(signature = (input_size, hidden_size, has_bias=true, nonlinearity="tanh", gru=false, lstm=false, dtype=None))]
pub fn rnn_cell(
    input_size: usize,
    hidden_size: usize,
    has_bias: bool,
    nonlinearity: &str,
    gru: bool,
    lstm: bool,
    dtype: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeRnnCell> {
    let mode = match (gru, lstm) {
        (true, _) => RnnMode::Gru,
        (_, true) => RnnMode::Lstm,
        _ => RnnMode::elman(nonlinearity, "RNNCell").py()?,
    };
    let cell =
        nn::RnnCell::new(mode, input_size, hidden_size, has_bias, param_dtype(dtype)?).py()?;
    Ok(NativeRnnCell { cell })
}

/// One LSTM step's gate maths from the pre-activations `gates` (`[B, 4H]`, gates `i, f, g, o`)
/// and the cell state `c` (`[B, H]`): `(h', c')` with `c' = σ(f)·c + σ(i)·tanh(g)` and
/// `h' = σ(o)·tanh(c')` (the engine's `LstmCell` primitive, differentiable). The packed-weight
/// `ops.LSTM` primitive runs its layers with it.
#[pyfunction]
pub fn lstm_cell(
    py: Python<'_>,
    gates: &Bound<'_, PyAny>,
    c: &Bound<'_, PyAny>,
) -> PyResult<(PyTensor, PyTensor)> {
    let gates = tensor_arg(gates, "LSTM", "gates")?;
    let c = tensor_arg(c, "LSTM", "c")?;
    let (h, c) =
        maybe_allow_threads(py, gates.numel(), || ems::ops::prim::lstm_cell(&gates, &c)).py()?;
    Ok((PyTensor::new(h), PyTensor::new(c)))
}

/// Adds the recurrent classes and functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeRnn>()?;
    m.add_class::<NativeRnnCell>()?;
    m.add_function(wrap_pyfunction!(rnn_layer, m)?)?;
    m.add_function(wrap_pyfunction!(rnn_cell, m)?)?;
    m.add_function(wrap_pyfunction!(lstm_cell, m)?)
}

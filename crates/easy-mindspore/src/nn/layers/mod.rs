//! The layers: `Dense` and `Flatten` (`basic`), activations (`activation`), `Dropout`,
//! `Conv2d` (`conv`), `Conv2dTranspose` (`conv_transpose`), `MaxPool2d` / `AvgPool2d` (`pool`),
//! `BatchNorm1d` / `BatchNorm2d` (`norm`), the recurrent layers `RNN` / `GRU` / `LSTM` and their
//! cells (`rnn`).
//!
//! Every layer is a composition of the engine's ops, so `grad`, `jvp`, `vmap` and the rest work
//! through all of them; convolution and pooling gather their windows with strided slices
//! (`window`), then use one matrix product or one reduction. Inputs are checked first: a wrong
//! rank, channel count or dtype is an error naming the layer and the shapes.

mod activation;
mod basic;
mod conv;
mod conv_transpose;
mod dropout;
mod norm;
mod pool;
mod rnn;
pub(crate) mod window;

pub use activation::{LogSoftmax, ReLU, Sigmoid, Softmax, Tanh};
pub use basic::{Dense, DenseOptions, Flatten};
pub use conv::{conv_window, Conv2d, Conv2dOptions};
pub use conv_transpose::Conv2dTranspose;
pub use dropout::Dropout;
pub use norm::{BatchNorm1d, BatchNorm2d, BatchNormOptions};
pub use pool::{avg_pool_window, max_pool_window, AvgPool2d, MaxPool2d};
pub use rnn::{Rnn, RnnCell, RnnMode, RnnOptions, State as RnnState};
pub use window::Padding;

use crate::error::{Error, Result};
use crate::tensor::Tensor;

/// An error unless `x` has one of the ranks in `ranks`.
pub(crate) fn expect_rank(op: &'static str, x: &Tensor, ranks: &[usize], what: &str) -> Result<()> {
    if ranks.contains(&x.ndim()) {
        return Ok(());
    }
    Err(Error::invalid(
        op,
        format!(
            "the input must be {what} (rank {ranks:?}), but got shape {:?}",
            x.dims()
        ),
    ))
}

/// An error unless `x` is of the layer's dtype (its parameters' dtype): `Error::DTypeMismatch`
/// (a TypeError, as MindSpore raises for an Int32 input to `nn.Dense`), input dtype first.
pub(crate) fn expect_dtype(op: &'static str, x: &Tensor, dtype: crate::DType) -> Result<()> {
    if x.dtype() == dtype {
        return Ok(());
    }
    Err(Error::DTypeMismatch {
        op,
        lhs: x.dtype(),
        rhs: dtype,
    })
}

/// `(h, w)` from one size or a pair, checked non-zero.
pub(crate) fn pair(op: &'static str, what: &str, v: (usize, usize)) -> Result<(usize, usize)> {
    if v.0 == 0 || v.1 == 0 {
        return Err(Error::invalid(
            op,
            format!("{what} must be positive, got {v:?}"),
        ));
    }
    Ok(v)
}

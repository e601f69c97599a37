//! # `easy_mindspore::nn` — neural networks with MindSpore's names and semantics
//!
//! Read this module top to bottom in this order:
//!
//! 1. [`Parameter`] — a named, shared handle to a tensor value that optimizers rebind;
//!    [`ParameterTuple`].
//! 2. [`Cell`] — a layer or a network: `construct`, `call`, `parameters_and_names`,
//!    `trainable_params`, `set_train`, a user `bprop`; [`SequentialCell`].
//! 3. Gradients with respect to parameters — [`value_and_grad`], [`grad`],
//!    [`value_and_grad_with_aux`], [`value_and_grad_with_inputs`] (MindSpore's `weights=` and
//!    `GradOperation(get_by_list=True)`): the function reads `param.value()` as usual, and each
//!    parameter is bound to a traced value while it runs.
//! 4. Layers — [`Dense`], [`Conv2d`], [`Conv2dTranspose`], [`MaxPool2d`], [`AvgPool2d`], [`Flatten`], [`ReLU`],
//!    [`Sigmoid`], [`Tanh`], [`Softmax`], [`LogSoftmax`], [`Dropout`], [`BatchNorm1d`],
//!    [`BatchNorm2d`]; [`Initializer`]s. All are compositions of the engine's ops, so every
//!    transform (`grad` of `grad`, `jvp`, `vmap`) works through them.
//! 5. Losses ([`loss`]) — `MSELoss`, `L1Loss`, `CrossEntropyLoss`,
//!    `SoftmaxCrossEntropyWithLogits`, `BCEWithLogitsLoss`, stable through log-sum-exp.
//! 6. Optimizers ([`optim`]) — `SGD` (momentum, weight decay, Nesterov), `Adam`, `AdamW`,
//!    `AdamWeightDecay`, with MindSpore's update formulas.
//! 7. Data ([`data`]) — an in-memory `Dataset` with seeded shuffling and batching, the IDX
//!    reader of MNIST / Fashion-MNIST (gzip too), and the bundled 8×8 digits.
//! 8. Checkpoints ([`checkpoint`]) — safetensors and MindSpore `.ckpt`, written atomically,
//!    loaded all-or-nothing.
//! 9. Summaries ([`summary`]) — MindSpore's summary files (MindInsight's input): `Event`
//!    protobufs in TensorFlow's record framing.
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::{self, Cell, LossFn, Optimizer};
//! ems::set_seed(0);
//! // Fit y = 2x + 1 with one Dense layer.
//! let net = nn::Dense::new(1, 1)?;
//! let mut opt = nn::optim::SGD::new(net.trainable_params(), 0.1)?;
//! let loss_fn = nn::loss::MSELoss::new();
//! let x = ems::Tensor::new([[0.0f32], [1.0], [2.0], [3.0]])?;
//! let y = ems::Tensor::new([[1.0f32], [3.0], [5.0], [7.0]])?;
//! for _ in 0..300 {
//!     let (loss, grads) =
//!         nn::value_and_grad(|| loss_fn.call(&net.call(&x)?, &y), &net.trainable_params())?;
//!     opt.step(&grads)?;
//!     let _ = loss;
//! }
//! let w = net.weight().value().to_vec::<f32>()[0];
//! assert!((w - 2.0).abs() < 1e-2, "w = {w}");
//! # Ok::<(), ems::Error>(())
//! ```

mod cell;
pub mod checkpoint;
pub mod data;
mod grad;
mod init;
mod init_draws;
mod layers;
pub mod loss;
pub mod mindir;
pub mod optim;
mod parameter;
pub mod summary;

pub use cell::{Bprop, Cell, SequentialCell, TrainFlag};
pub use checkpoint::{load_checkpoint, load_param_into_net, save_checkpoint};
pub use grad::{grad, value_and_grad, value_and_grad_with_aux, value_and_grad_with_inputs};
pub use init::{fans, seed_or_next, Initializer};
pub use layers::*;
pub use loss::{LossFn, Reduction};
pub use optim::Optimizer;
pub use parameter::{Parameter, ParameterTuple};

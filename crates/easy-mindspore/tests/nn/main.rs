//! Tests of `easy_mindspore::nn`: parameters and cells, every layer's output against a reference
//! and its gradients against finite differences, losses, optimizer steps against their formulas
//! and under `jit`, data loading, checkpoints, and (ignored by default, run with `--release -- --ignored`) the
//! digits training runs that prove the accuracies.

mod cells;
mod checkpoint;
mod data;
mod files;
mod gradients;
mod helpers;
mod layers;
mod losses;
mod mindir;
mod mutations;
mod optimizers;
mod optimizers_jit;
mod rnn;
mod rnn_fused;
mod training;

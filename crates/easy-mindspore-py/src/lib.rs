//! `easy_mindspore._C`: the private native module of the Python package. It only converts and
//! forwards; every op, gradient rule and printing rule lives in the `easy-mindspore` crate.
//! (`grad.rs` is the one piece of logic kept here, for speed: the grad API's bookkeeping.)
#![allow(non_snake_case)] // the module is `easy_mindspore._C`
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

#[macro_use]
mod bits;
mod allocator;
mod comm;
mod convert;
mod custom;
mod dlpack;
mod errors;
mod functions;
mod gil;
mod grad;
mod hal;
mod handle;
mod host;
mod index;
mod jit;
mod linalg;
mod mindir;
mod ms_random;
mod nn;
mod nn_audio;
mod nn_io;
mod nn_rnn;
mod nn_train;
mod nn_window;
mod placeholder;
mod scope;
mod tensor;
mod tensor_args;
mod transforms;
mod views;
mod vmap;

use pyo3::prelude::*;

/// Small blocks from mimalloc, large ones from the system (`allocator.rs`).
#[global_allocator]
static ALLOCATOR: allocator::Split = allocator::Split;

#[pymodule]
fn _C(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // Before any kernel starts a thread pool that a forked child (a multiprocessing worker)
    // would inherit without its threads.
    easy_mindspore::device::watch_forks();
    m.add_class::<handle::PyTensor>()?;
    m.add_class::<host::HostMemory>()?;
    m.add_function(wrap_pyfunction!(convert::dtype_type_ids, m)?)?;
    m.add_function(wrap_pyfunction!(host::from_numpy_fn, m)?)?;
    m.add_function(wrap_pyfunction!(host::exported, m)?)?;
    m.add_function(wrap_pyfunction!(host::write_back, m)?)?;
    m.add_function(wrap_pyfunction!(dlpack::from_dlpack, m)?)?;
    m.add_function(wrap_pyfunction!(dlpack::to_dlpack, m)?)?;
    m.add_class::<transforms::PyVjpFn>()?;
    m.add_class::<custom::PyCustomVjp>()?;
    m.add_class::<scope::NoGradScope>()?;
    m.add_function(wrap_pyfunction!(transforms::vjp, m)?)?;
    m.add_function(wrap_pyfunction!(transforms::jvp, m)?)?;
    m.add_function(wrap_pyfunction!(transforms::jacrev, m)?)?;
    m.add_function(wrap_pyfunction!(transforms::jacfwd, m)?)?;
    m.add_function(wrap_pyfunction!(vmap::vmap, m)?)?;
    m.add_function(wrap_pyfunction!(grad::grad_call, m)?)?;
    jit::add_to(m)?;
    m.add_class::<comm::GradOverlap>()?;
    m.add_class::<nn::PyParameter>()?;
    m.add_class::<nn::NativeCell>()?;
    m.add_class::<nn_train::NativeLoss>()?;
    m.add_class::<nn_train::NativeOptimizer>()?;
    m.add_class::<nn_train::NativeGroup>()?;
    nn_io::add_to(m)?;
    nn_audio::add_to(m)?;
    mindir::add_to(m)?;
    for f in [
        wrap_pyfunction!(nn::initializer, m)?,
        wrap_pyfunction!(nn::dense, m)?,
        wrap_pyfunction!(nn::conv2d, m)?,
        wrap_pyfunction!(nn::conv2d_transpose, m)?,
        wrap_pyfunction!(nn::pool2d, m)?,
        wrap_pyfunction!(nn_window::conv_window, m)?,
        wrap_pyfunction!(nn_window::max_pool_window, m)?,
        wrap_pyfunction!(nn_window::avg_pool_window, m)?,
        wrap_pyfunction!(nn::batch_norm, m)?,
        wrap_pyfunction!(nn::relu_cell, m)?,
        wrap_pyfunction!(nn::sigmoid_cell, m)?,
        wrap_pyfunction!(nn::tanh_cell, m)?,
        wrap_pyfunction!(nn::softmax_cell, m)?,
        wrap_pyfunction!(nn::log_softmax_cell, m)?,
        wrap_pyfunction!(nn::flatten_cell, m)?,
        wrap_pyfunction!(nn::dropout, m)?,
        wrap_pyfunction!(nn_train::mse_loss, m)?,
        wrap_pyfunction!(nn_train::l1_loss, m)?,
        wrap_pyfunction!(nn_train::softmax_cross_entropy_with_logits, m)?,
        wrap_pyfunction!(nn_train::cross_entropy_loss, m)?,
        wrap_pyfunction!(nn_train::bce_with_logits_loss, m)?,
        wrap_pyfunction!(nn_train::sgd, m)?,
        wrap_pyfunction!(nn_train::adam, m)?,
        wrap_pyfunction!(nn_train::adamw, m)?,
        wrap_pyfunction!(nn_train::adam_weight_decay, m)?,
        wrap_pyfunction!(nn_train::optim_group, m)?,
        wrap_pyfunction!(nn_train::adagrad, m)?,
        wrap_pyfunction!(nn_train::rmsprop, m)?,
        wrap_pyfunction!(nn_train::adadelta, m)?,
        wrap_pyfunction!(nn_train::adamax, m)?,
        wrap_pyfunction!(nn_train::adafactor, m)?,
        wrap_pyfunction!(nn_train::lamb, m)?,
        wrap_pyfunction!(nn_train::ftrl, m)?,
        wrap_pyfunction!(nn_train::proximal_adagrad, m)?,
        wrap_pyfunction!(nn_train::asgd, m)?,
        wrap_pyfunction!(nn_train::rprop, m)?,
        wrap_pyfunction!(nn_train::lars_gradient, m)?,
        wrap_pyfunction!(nn_io::load_digits, m)?,
        wrap_pyfunction!(nn_io::summary_append, m)?,
        wrap_pyfunction!(nn_io::read_idx, m)?,
        wrap_pyfunction!(nn_io::parse_idx, m)?,
        wrap_pyfunction!(nn_io::load_mnist, m)?,
        wrap_pyfunction!(nn_io::save_checkpoint, m)?,
        wrap_pyfunction!(nn_io::check_checkpoint_crc, m)?,
        wrap_pyfunction!(nn_io::load_checkpoint, m)?,
        wrap_pyfunction!(nn_io::load_param_into_net, m)?,
    ] {
        m.add_function(f)?;
    }
    bits::register(m)?;
    linalg::register(m)?;
    nn_rnn::register(m)?;
    hal::register(m)?;
    ms_random::register(m)?;
    use functions::*;
    for f in [
        wrap_pyfunction!(arange, m)?,
        wrap_pyfunction!(full, m)?,
        wrap_pyfunction!(eye, m)?,
        wrap_pyfunction!(linspace, m)?,
        wrap_pyfunction!(randn, m)?,
        wrap_pyfunction!(rand, m)?,
        wrap_pyfunction!(normal, m)?,
        wrap_pyfunction!(set_seed, m)?,
        wrap_pyfunction!(get_seed, m)?,
        wrap_pyfunction!(rng_state, m)?,
        wrap_pyfunction!(set_rng_state, m)?,
        wrap_pyfunction!(set_num_threads, m)?,
        wrap_pyfunction!(num_threads, m)?,
        wrap_pyfunction!(concat, m)?,
        wrap_pyfunction!(stack, m)?,
        wrap_pyfunction!(split, m)?,
        wrap_pyfunction!(where_, m)?,
        wrap_pyfunction!(dot, m)?,
        wrap_pyfunction!(matmul, m)?,
        wrap_pyfunction!(maximum, m)?,
        wrap_pyfunction!(minimum, m)?,
        wrap_pyfunction!(atan, m)?,
        wrap_pyfunction!(sinh, m)?,
        wrap_pyfunction!(norm, m)?,
        wrap_pyfunction!(stop_gradient, m)?,
        wrap_pyfunction!(softmax, m)?,
        wrap_pyfunction!(layer_norm, m)?,
        wrap_pyfunction!(log_softmax, m)?,
        wrap_pyfunction!(attention, m)?,
        wrap_pyfunction!(logsumexp, m)?,
        wrap_pyfunction!(sort, m)?,
        wrap_pyfunction!(topk, m)?,
        wrap_pyfunction!(gather_elements, m)?,
        wrap_pyfunction!(broadcast_to, m)?,
        wrap_pyfunction!(_panic_for_test, m)?,
    ] {
        m.add_function(f)?;
    }
    for f in [
        wrap_pyfunction!(comm::comm_init, m)?,
        wrap_pyfunction!(comm::comm_release, m)?,
        wrap_pyfunction!(comm::comm_is_initialized, m)?,
        wrap_pyfunction!(comm::comm_under_launcher, m)?,
        wrap_pyfunction!(comm::comm_rank, m)?,
        wrap_pyfunction!(comm::comm_group_size, m)?,
        wrap_pyfunction!(comm::comm_group_ranks, m)?,
        wrap_pyfunction!(comm::comm_local_rank, m)?,
        wrap_pyfunction!(comm::comm_create_group, m)?,
        wrap_pyfunction!(comm::comm_destroy_group, m)?,
        wrap_pyfunction!(comm::comm_barrier, m)?,
        wrap_pyfunction!(comm::comm_abort, m)?,
        wrap_pyfunction!(comm::all_reduce, m)?,
        wrap_pyfunction!(comm::all_gather, m)?,
        wrap_pyfunction!(comm::reduce_scatter, m)?,
        wrap_pyfunction!(comm::broadcast, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}

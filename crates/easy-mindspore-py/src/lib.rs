//! `easy_mindspore._C`: the private native module of the Python package. It only converts and
//! forwards; every op, gradient rule and printing rule lives in the `easy-mindspore` crate.
//! (`grad.rs` is the one piece of logic kept here, for speed: the grad API's bookkeeping.)
#![allow(non_snake_case)] // the module is `easy_mindspore._C`

mod convert;
mod custom;
mod errors;
mod functions;
mod grad;
mod tensor;
mod transforms;
mod vmap;

use pyo3::prelude::*;

#[pymodule]
fn _C(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<tensor::PyTensor>()?;
    m.add_class::<transforms::PyVjpFn>()?;
    m.add_class::<custom::PyCustomVjp>()?;
    m.add_function(wrap_pyfunction!(transforms::vjp, m)?)?;
    m.add_function(wrap_pyfunction!(transforms::jvp, m)?)?;
    m.add_function(wrap_pyfunction!(transforms::jacrev, m)?)?;
    m.add_function(wrap_pyfunction!(transforms::jacfwd, m)?)?;
    m.add_function(wrap_pyfunction!(vmap::vmap, m)?)?;
    m.add_function(wrap_pyfunction!(grad::grad_call, m)?)?;
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
        wrap_pyfunction!(concat, m)?,
        wrap_pyfunction!(stack, m)?,
        wrap_pyfunction!(split, m)?,
        wrap_pyfunction!(where_, m)?,
        wrap_pyfunction!(dot, m)?,
        wrap_pyfunction!(matmul, m)?,
        wrap_pyfunction!(maximum, m)?,
        wrap_pyfunction!(minimum, m)?,
        wrap_pyfunction!(norm, m)?,
        wrap_pyfunction!(stop_gradient, m)?,
        wrap_pyfunction!(softmax, m)?,
        wrap_pyfunction!(log_softmax, m)?,
        wrap_pyfunction!(logsumexp, m)?,
        wrap_pyfunction!(_panic_for_test, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}

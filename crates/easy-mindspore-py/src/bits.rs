//! Module-level functions of `easy_mindspore._C` for the bitwise ops (`bitwise_and`, ...,
//! `left_shift`, `right_shift`, `invert`) and the modified Bessel functions (`bessel_i0`, ...):
//! thin forwards to the engine's friendly ops, which broadcast, promote and name their errors.

use crate::convert::{operand, tensor_from_data, type_label};
use crate::errors::type_err;
use crate::gil::run;
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::{Operand, Tensor};
use pyo3::prelude::*;

/// An operand of `op` (a tensor or a Python number, kept weakly typed), or MindSpore's TypeError.
fn arg(obj: &Bound<'_, PyAny>, op: &str) -> PyResult<Operand> {
    operand(obj, op)?.ok_or_else(|| {
        type_err(format!(
            "For '{op}', the inputs must be Tensors or numbers, but got {}",
            type_label(obj)
        ))
    })
}

fn size(o: &Operand) -> usize {
    match o {
        Operand::Tensor(t) => t.numel(),
        Operand::Scalar(_) => 1,
    }
}

macro_rules! binary_fns {
    ($($name:ident, $op:literal: $doc:literal;)*) => {$(
        #[doc = $doc]
        #[pyfunction]
        pub fn $name(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
            let (a, b) = (arg(a, $op)?, arg(b, $op)?);
            if matches!((&a, &b), (Operand::Scalar(_), Operand::Scalar(_))) {
                return Err(type_err(format!("For '{}', at least one input must be a Tensor", $op)));
            }
            let n = size(&a).max(size(&b));
            run(py, n, move || ems::$name(a, b))
        }
    )*};
}
binary_fns! {
    bitwise_and, "BitwiseAnd": "`a & b` (integers and Bool).";
    bitwise_or, "BitwiseOr": "`a | b` (integers and Bool).";
    bitwise_xor, "BitwiseXor": "`a ^ b` (integers and Bool).";
    left_shift, "LeftShift": "`a << b` (integers).";
    right_shift, "RightShift": "`a >> b` (integers).";
}

macro_rules! unary_fns {
    ($($name:ident: $doc:literal;)*) => {$(
        #[doc = $doc]
        #[pyfunction]
        pub fn $name(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
            let x: Tensor = tensor_from_data(x, None)?;
            run(py, x.numel(), move || ems::$name(&x))
        }
    )*};
}
unary_fns! {
    invert: "`~x`, bitwise not (integers).";
    bessel_i0: "The modified Bessel function `I0`.";
    bessel_i0e: "`e^(-|x|)·I0(x)`.";
    bessel_i1: "The modified Bessel function `I1`.";
    bessel_i1e: "`e^(-|x|)·I1(x)`.";
    bessel_j0: "The Bessel function `J0`.";
    bessel_j1: "The Bessel function `J1`.";
    bessel_y0: "The Bessel function `Y0`.";
    bessel_y1: "The Bessel function `Y1`.";
    bessel_k0: "The modified Bessel function `K0`.";
    bessel_k0e: "`e^x·K0(x)`.";
    bessel_k1: "The modified Bessel function `K1`.";
    bessel_k1e: "`e^x·K1(x)`.";
}

/// Adds the functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for f in [
        wrap_pyfunction!(bitwise_and, m)?,
        wrap_pyfunction!(bitwise_or, m)?,
        wrap_pyfunction!(bitwise_xor, m)?,
        wrap_pyfunction!(left_shift, m)?,
        wrap_pyfunction!(right_shift, m)?,
        wrap_pyfunction!(invert, m)?,
        wrap_pyfunction!(bessel_i0, m)?,
        wrap_pyfunction!(bessel_i0e, m)?,
        wrap_pyfunction!(bessel_i1, m)?,
        wrap_pyfunction!(bessel_i1e, m)?,
        wrap_pyfunction!(bessel_j0, m)?,
        wrap_pyfunction!(bessel_j1, m)?,
        wrap_pyfunction!(bessel_y0, m)?,
        wrap_pyfunction!(bessel_y1, m)?,
        wrap_pyfunction!(bessel_k0, m)?,
        wrap_pyfunction!(bessel_k0e, m)?,
        wrap_pyfunction!(bessel_k1, m)?,
        wrap_pyfunction!(bessel_k1e, m)?,
    ] {
        m.add_function(f)?;
    }
    Ok(())
}

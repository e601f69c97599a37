//! The entries of `Cast` (dtype conversion) and `StopGradient` (the identity with no derivative).

use super::bind::bind;
use super::check::arity;
use super::ms_form::{MsArg, MsForm};
use super::support::{map, none, one};
use super::{Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::Result;
use crate::layout::Dims;
use crate::tensor::Tensor;

/// The entry of `Cast`: conversion to the dtype `to` (float → int truncates toward zero).
///
/// Every cast passes the derivative through, converted to the other dtype, as MindSpore's `Cast`
/// does (its bprop casts the cotangent back to the input's dtype): integer and bool inputs get
/// gradients of their own dtype (reference §6.1), so `sum` of an Int32 tensor (summed as Int64)
/// gives ones as `x * 2` gives twos, and a float cast to an integer and back passes the gradient
/// truncated to an integer (MindSpore 2.10: d/dx of `cast(cast(x, int32), float32) * x` is
/// `int(x) + int(x)`). The engine's own integer casts never see a gradient: they convert values
/// that come from comparisons, `argmax` or user integer tensors, which carry none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cast {
    /// The dtype converted to.
    pub to: DType,
}

impl Rule for Cast {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        Some(MsForm::op("Cast").args([MsArg::Type(self.to)]))
    }

    fn name(&self) -> &'static str {
        "Cast"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Cast", ins, 1)?;
        Ok((Dims::from_slice(ins[0].0), self.to))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("Cast", ins)?.cast(ins[0], self.to)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| cast(t, self.to))
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(cast(ct, x[0].dtype()))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        cast(&vals[0], self.to)
    }

    fn params(&self) -> String {
        self.to.to_string()
    }

    fn forwards(&self, _: &dyn Fn(usize, f64) -> bool) -> Option<usize> {
        Some(0) // when the dtype does not change
    }
}

/// The `Cast` primitive (no-op when the dtype already matches).
pub fn cast(x: &Tensor, to: DType) -> Result<Tensor> {
    if x.dtype() == to {
        return Ok(x.clone());
    }
    bind(Prim::Cast(Cast { to }), &[x])
}

/// The entry of `StopGradient`: the value of its input, every derivative zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StopGradient;

impl Rule for StopGradient {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        Some(MsForm::Same)
    }

    fn name(&self) -> &'static str {
        "StopGradient"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("StopGradient", ins, 1)?;
        Ok((Dims::from_slice(ins[0].0), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        Ok(Tensor::from_concrete(
            ins[0].storage.clone(),
            ins[0].layout.clone(),
        ))
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Ok(None)
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        none(1)
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        stop_gradient(&vals[0])
    }

    fn differentiable(&self) -> bool {
        false
    }
}

/// The `StopGradient` primitive.
pub fn stop_gradient(x: &Tensor) -> Result<Tensor> {
    bind(Prim::StopGradient, &[x])
}

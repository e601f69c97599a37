//! The entry of `Softmax`: `exp(x − max) / Σ exp(x − max)` along one axis, one pass of the
//! device per row (max, exponentials and their sum, the division) instead of the ten primitives
//! of the composite `exp(x − logsumexp(x))`, and a derivative of five.

use super::bind::bind;
use super::check::{arity, axis_ok, in_domain};
use super::ms_form::{MsArg, MsForm};
use super::support::{map, one, unreduce};
use super::{mul, reduce_sum, sub, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::Result;
use crate::layout::Dims;
use crate::op::Domain;
use crate::tensor::Tensor;

/// The entry of `Softmax` along `axis` (floats). Each row is shifted by its max before the
/// exponentials (by 0 when the max is infinite or NaN, as `logsumexp` does), so large inputs do
/// not overflow; a row of `−inf` gives NaN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Softmax {
    /// The axis.
    pub axis: usize,
}

impl Softmax {
    /// `y ⊙ (v − Σ_axis y ⊙ v)`: the Jacobian of the softmax `y` (symmetric) applied to `v`, for
    /// the tangent and the cotangent alike.
    fn jacobian_times(&self, y: &Tensor, v: &Tensor) -> Result<Tensor> {
        let axes = [self.axis];
        let dot = reduce_sum(&mul(y, v)?, &axes)?;
        mul(y, &sub(v, &unreduce(&dot, y.dims(), &axes)?)?)
    }
}

impl Rule for Softmax {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        Some(MsForm::op("Softmax").args([MsArg::Ints(vec![self.axis])]))
    }

    fn name(&self) -> &'static str {
        "Softmax"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Softmax", ins, 1)?;
        in_domain("Softmax", Domain::Floats, ins[0].1)?;
        axis_ok("Softmax", self.axis, ins[0].0)?;
        Ok((Dims::from_slice(ins[0].0), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("Softmax", ins)?.softmax(ins[0], self.axis)?;
        Ok(Tensor::from_concrete(out.storage, out.layout))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| self.jacobian_times(out, t))
    }

    fn vjp(&self, _: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(self.jacobian_times(out, ct))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        softmax(&vals[0], self.axis + 1)
    }

    fn params(&self) -> String {
        format!("axis={}", self.axis)
    }
}

/// The `Softmax` primitive along `axis`.
pub fn softmax(x: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::Softmax(Softmax { axis }), &[x])
}

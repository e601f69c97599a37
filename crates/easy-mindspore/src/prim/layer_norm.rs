//! The entry of `LayerNorm`: `(x − μ)/√(σ² + ε)` over the trailing axes from `axis` (biased
//! variance), one pass of the device per row forward and one backward, where the composition took
//! a mean, a difference, a square, a second mean, a root and a division forward (six passes over
//! the input) and a dozen backward. The scale and shift of `nn.LayerNorm` stay outside (a multiply
//! and an add). The VJP runs the device's fused gradient kernel when the values it reads are
//! concrete (a first-order reverse sweep); under a transformation that traces the backward pass
//! (grad of grad, forward over reverse, `jit`) the same maths is written with differentiable
//! primitives. The Jacobian is symmetric, so the JVP is the same product.

use super::bind::bind;
use super::check::{arity, axis_ok, in_domain};
use super::ms_form::{MsArg, MsForm};
use super::support::{all_concrete, map, one, unreduce};
use super::{add, div, full_like, mul, reduce_sum, scale, sub, unary, var_mean, Aval, Cts, Opt};
use super::{broadcast_in_dim, Prim, Rule, UnaryOp};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::Result;
use crate::layout::Dims;
use crate::op::Domain;
use crate::tensor::Tensor;

const NAME: &str = "LayerNorm";

/// The entry of `LayerNorm` over the axes `axis..` of a float value: each row (the trailing
/// block) shifted by its mean and divided by `√(var + eps)`; an empty row gives an empty output.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerNorm {
    /// The first normalised axis.
    pub axis: usize,
    /// Added to the variance.
    pub eps: f64,
}

impl LayerNorm {
    fn axes(&self, x: &Tensor) -> Dims {
        (self.axis..x.dims().len()).collect()
    }

    /// `rstd ⊙ (v − mean(v) − y ⊙ mean(v ⊙ y))` over the normalised axes: the (symmetric)
    /// Jacobian of the normalisation at `x` (output `y`) applied to `v`, in primitives.
    fn jacobian_times(&self, x: &Tensor, y: &Tensor, v: &Tensor) -> Result<Tensor> {
        let axes = self.axes(x);
        let n: usize = axes.iter().map(|&a| x.dims()[a]).product();
        let inv = 1.0 / n.max(1) as f64;
        let var = super::VarMean::part(&var_mean(x, &axes)?, 0)?;
        let std = unary(UnaryOp::Sqrt, &add(&var, &full_like(&var, self.eps)?)?)?;
        let rstd = div(&full_like(&std, 1.0)?, &std)?;
        let back = |t: &Tensor| unreduce(t, x.dims(), &axes);
        let mean_v = back(&scale(&reduce_sum(v, &axes)?, inv)?)?;
        let mean_vy = back(&scale(&reduce_sum(&mul(v, y)?, &axes)?, inv)?)?;
        mul(&back(&rstd)?, &sub(&sub(v, &mean_v)?, &mul(y, &mean_vy)?)?)
    }

    /// The device's one-pass gradient (the statistics recomputed from `x` per row).
    fn fused_vjp(&self, x: &Tensor, ct: &Tensor) -> Result<Tensor> {
        let cs = [x.concrete(), ct.concrete()];
        let dev = device::of(NAME, &cs)?;
        let storage = dev.layer_norm(cs[0], self.axis, self.eps, Some(cs[1]))?;
        Ok(Tensor::from_storage(storage, x.dims()))
    }
}

impl Rule for LayerNorm {
    fn mindspore(&self, ins: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        // MindSpore's takes a scale and a shift: ones and zeros; (y, mean, rstd), keep y.
        let (shape, dt) = (&ins[0].0[self.axis..], ins[0].1);
        let full = |v: f64| broadcast_in_dim(&Tensor::full_scalar(v.into(), dt), shape, &[]).ok();
        let (ones, zeros) = (full(1.0)?, full(0.0)?);
        let a = MsArg::Int(self.axis as i64);
        let args = [
            MsArg::Tensor(ones),
            MsArg::Tensor(zeros),
            a.clone(),
            a,
            MsArg::Float(self.eps),
        ];
        Some(MsForm::op("LayerNorm").args(args).pick(0))
    }

    fn name(&self) -> &'static str {
        NAME
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity(NAME, ins, 1)?;
        in_domain(NAME, Domain::Floats, ins[0].1)?;
        axis_ok(NAME, self.axis, ins[0].0)?;
        Ok((Dims::from_slice(ins[0].0), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(NAME, ins)?.layer_norm(ins[0], self.axis, self.eps, None)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| self.jacobian_times(&x[0], out, t))
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        if all_concrete(&[&x[0], ct]) {
            return one(self.fused_vjp(&x[0], ct));
        }
        one(self.jacobian_times(&x[0], out, ct))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        layer_norm(&vals[0], self.axis + 1, self.eps)
    }

    fn params(&self) -> String {
        format!("axis={}, eps={}", self.axis, self.eps)
    }
}

/// The `LayerNorm` primitive over the axes `axis..` with `eps` added to the variance.
pub fn layer_norm(x: &Tensor, axis: usize, eps: f64) -> Result<Tensor> {
    bind(Prim::LayerNorm(LayerNorm { axis, eps }), &[x])
}

//! The entry of `VarMean`: the biased variance and the mean over axes in one pass of the device
//! (batch normalization's statistics), instead of a mean, a broadcast difference, a square and a
//! second mean.

use super::bind::bind;
use super::check::{arity, axes_ok, in_domain};
use super::support::{map, one, shift, unreduce};
use super::{add, concat, mul, reduce_sum, reshape, scale, slice, sub, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::Result;
use crate::layout::Dims;
use crate::op::Domain;
use crate::tensor::Tensor;

/// The entry of `VarMean` over `axes` (floats): the output keeps the other axes and adds a last
/// axis of two, `[..., 0]` the biased variance `Σ(x − μ)²/n` and `[..., 1]` the mean `μ`, with
/// `n` the number of reduced elements (NaN for both when it is 0). The device accumulates in
/// Float64, shifted by one element of each run, so neither cancels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarMean {
    /// Sorted, distinct axes.
    pub axes: Dims,
}

impl VarMean {
    /// The number of reduced elements of `x`.
    fn count(&self, x: &Tensor) -> f64 {
        self.axes.iter().map(|&a| x.dims()[a]).product::<usize>() as f64
    }

    /// `[..., i]` of the output (the variance for 0, the mean for 1), without the last axis.
    pub(super) fn part(out: &Tensor, i: usize) -> Result<Tensor> {
        let d = out.dims();
        let last = d.len() - 1;
        let mut starts = vec![0; d.len()];
        starts[last] = i;
        let mut limits = d.to_vec();
        limits[last] = i + 1;
        let part = slice(out, &starts, &limits, &vec![1; d.len()])?;
        reshape(&part, &d[..last])
    }

    /// The variance and the mean (kept shape) stacked along a new last axis.
    fn pair(var: &Tensor, mean: &Tensor) -> Result<Tensor> {
        let mut s = var.dims().to_vec();
        s.push(1);
        concat(&[reshape(var, &s)?, reshape(mean, &s)?], s.len() - 1)
    }

    /// `2(x − μ)/n` broadcast over `x`: the derivative of the variance (that of the mean term
    /// vanishes, since `Σ(x − μ) = 0`).
    fn dvar_dx(&self, x: &Tensor, out: &Tensor) -> Result<Tensor> {
        let mean = unreduce(&Self::part(out, 1)?, x.dims(), &self.axes)?;
        scale(&sub(x, &mean)?, 2.0 / self.count(x))
    }
}

impl Rule for VarMean {
    fn name(&self) -> &'static str {
        "VarMean"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("VarMean", ins, 1)?;
        in_domain("VarMean", Domain::Floats, ins[0].1)?;
        let shape = ins[0].0;
        axes_ok("VarMean", &self.axes, shape, true)?;
        let mut out: Dims = shape
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.axes.contains(i))
            .map(|(_, &d)| d)
            .collect();
        out.push(2);
        Ok((out, ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("VarMean", ins)?.var_mean(ins[0], &self.axes)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        let n = self.count(&x[0]);
        map(&x_t[0], |t| {
            let var_t = reduce_sum(&mul(&self.dvar_dx(&x[0], out)?, t)?, &self.axes)?;
            let mean_t = scale(&reduce_sum(t, &self.axes)?, 1.0 / n)?;
            Self::pair(&var_t, &mean_t)
        })
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        let (x, dims) = (&x[0], x[0].dims());
        let ct_var = unreduce(&Self::part(ct, 0)?, dims, &self.axes)?;
        let ct_mean = unreduce(&Self::part(ct, 1)?, dims, &self.axes)?;
        one(add(
            &mul(&ct_var, &self.dvar_dx(x, out)?)?,
            &scale(&ct_mean, 1.0 / self.count(x))?,
        ))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        var_mean(&vals[0], &shift(&self.axes))
    }

    fn params(&self) -> String {
        format!("axes={:?}", self.axes.as_slice())
    }
}

/// The `VarMean` primitive over `axes` (sorted, distinct): `[..., 2]` holding the biased
/// variance and the mean.
pub fn var_mean(x: &Tensor, axes: &[usize]) -> Result<Tensor> {
    bind(
        Prim::VarMean(VarMean {
            axes: Dims::from_slice(axes),
        }),
        &[x],
    )
}

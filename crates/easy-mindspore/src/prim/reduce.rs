//! The entries of `Reduce` (sum and max over axes), `ArgMax` and `Cumsum`.

use super::bind::bind;
use super::check::{arity, axes_ok, axis_ok, complex_ok};
use super::ms_form::{MsArg, MsForm};
use super::support::{map, none, one, shift, unreduce};
use super::{cast, div, eq, mul, rev, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::ReduceOp::{self, *};
use crate::tensor::Tensor;

/// The entry of `Reduce`: `op` over `axes`, which leave the shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reduce {
    /// The reduction.
    pub op: ReduceOp,
    /// Sorted, distinct axes.
    pub axes: Dims,
}

/// Where `x` attains the reduced max `out` (as 0/1 in x's dtype), and the count of such places
/// per output: ties share the derivative evenly.
fn max_mask(x: &Tensor, out: &Tensor, axes: &[usize]) -> Result<(Tensor, Tensor)> {
    let out_b = unreduce(out, x.dims(), axes)?;
    let mask = cast(&eq(x, &out_b)?, x.dtype())?;
    let count = reduce_sum(&mask, axes)?;
    Ok((mask, count))
}

impl Rule for Reduce {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        if self.axes.is_empty() {
            return Some(MsForm::Same); // MindSpore reads no axes as every axis
        }
        let axes = MsArg::Ints(self.axes.to_vec());
        Some(match self.op {
            // (x, axis, keep_dims, skip_mode)
            ReduceOp::Sum => {
                MsForm::op("ReduceSum").args([axes, MsArg::Bool(false), MsArg::Bool(false)])
            }
            ReduceOp::Max => MsForm::op("ReduceMax").args([axes, MsArg::Bool(false)]),
        })
    }

    fn name(&self) -> &'static str {
        self.op.name()
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity(self.name(), ins, 1)?;
        complex_ok(self.name(), self.op.takes_complex(), ins[0].1)?;
        let shape = ins[0].0;
        axes_ok(self.name(), &self.axes, shape, true)?;
        if self.op.empty().is_none() {
            if let Some(&a) = self.axes.iter().find(|&&a| shape[a] == 0) {
                return Err(Error::invalid(
                    self.name(),
                    format!("cannot reduce over the empty axis {a} of shape {shape:?}"),
                ));
            }
        }
        let out = shape
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.axes.contains(i))
            .map(|(_, &d)| d)
            .collect();
        Ok((out, ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(self.name(), ins)?.reduce(self.op, ins[0], &self.axes)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        let axes = &self.axes;
        match self.op {
            Sum => map(&x_t[0], |t| reduce_sum(t, axes)),
            Max => {
                let (mask, count) = max_mask(&x[0], out, axes)?;
                map(&x_t[0], |t| {
                    div(&reduce_sum(&mul(t, &mask)?, axes)?, &count)
                })
            }
        }
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        let (x, axes) = (&x[0], &self.axes);
        match self.op {
            Sum => one(unreduce(ct, x.dims(), axes)),
            Max => {
                let (mask, count) = max_mask(x, out, axes)?;
                let share = div(ct, &count)?;
                one(mul(&unreduce(&share, x.dims(), axes)?, &mask))
            }
        }
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        reduce(self.op, &vals[0], &shift(&self.axes))
    }

    fn vjp_reads_inputs(&self) -> bool {
        self.op != Sum
    }

    fn vjp_reads_out(&self) -> bool {
        self.op != Sum
    }

    fn params(&self) -> String {
        format!("axes={:?}", self.axes.as_slice())
    }
}

/// The `Reduce` primitive (no-op for no axes).
pub fn reduce(op: ReduceOp, x: &Tensor, axes: &[usize]) -> Result<Tensor> {
    if axes.is_empty() {
        return Ok(x.clone());
    }
    let axes = Dims::from_slice(axes);
    bind(Prim::Reduce(Reduce { op, axes }), &[x])
}

/// The `Reduce(Sum)` primitive (no-op for no axes).
pub fn reduce_sum(x: &Tensor, axes: &[usize]) -> Result<Tensor> {
    reduce(Sum, x, axes)
}

/// The `Reduce(Max)` primitive (no-op for no axes).
pub fn reduce_max(x: &Tensor, axes: &[usize]) -> Result<Tensor> {
    reduce(Max, x, axes)
}

/// The entry of `ArgMax`: the index of the first maximum along `axis` (removed), as Int32.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArgMax {
    /// The axis.
    pub axis: usize,
}

impl Rule for ArgMax {
    fn mindspore(&self, _: &[Aval], out: Aval<'_>) -> Option<MsForm> {
        Some(MsForm::op("Argmax").args([MsArg::Int(self.axis as i64), MsArg::Type(out.1)]))
    }

    fn name(&self) -> &'static str {
        "ArgMax"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("ArgMax", ins, 1)?;
        axis_ok("ArgMax", self.axis, ins[0].0)?;
        if ins[0].0[self.axis] == 0 {
            return Err(Error::invalid(
                "ArgMax",
                format!(
                    "cannot take the argmax over an empty axis (shape {:?})",
                    ins[0].0
                ),
            ));
        }
        let mut shape = Dims::from_slice(ins[0].0);
        shape.remove(self.axis);
        Ok((shape, DType::Int32))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("ArgMax", ins)?.argmax(ins[0], self.axis)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Ok(None)
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        none(1)
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        argmax(&vals[0], self.axis + 1)
    }

    fn differentiable(&self) -> bool {
        false
    }

    fn params(&self) -> String {
        format!("axis={}", self.axis)
    }
}

/// The `ArgMax` primitive.
pub fn argmax(x: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::ArgMax(ArgMax { axis }), &[x])
}

/// The entry of `ArgSort`: for each row of the last axis, the indices that sort it (stable; NaN
/// counts as the largest), as Int32 of the operand's shape. Sorting along another axis moves it
/// last first (`ops::sort`), so the rule has no axis and batching is the identity on the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArgSort {
    /// Largest first (ties still in index order).
    pub descending: bool,
}

impl Rule for ArgSort {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        // Sort's (values, indices); the indices are Int32, as ours.
        let attrs = vec![
            ("axis", MsArg::Int(-1)),
            ("descending", MsArg::Bool(self.descending)),
        ];
        Some(MsForm::with_attrs("Sort", attrs).pick(1))
    }

    fn name(&self) -> &'static str {
        "ArgSort"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("ArgSort", ins, 1)?;
        let shape = ins[0].0;
        if shape.last().is_some_and(|&n| n > i32::MAX as usize) {
            return Err(Error::invalid(
                "ArgSort",
                format!("cannot sort more than 2^31 - 1 elements along an axis (shape {shape:?})"),
            ));
        }
        Ok((Dims::from_slice(shape), DType::Int32))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("ArgSort", ins)?.argsort(ins[0], self.descending)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Ok(None)
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        none(1)
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        argsort(&vals[0], self.descending)
    }

    fn differentiable(&self) -> bool {
        false
    }

    fn params(&self) -> String {
        format!("descending={}", self.descending)
    }
}

/// The `ArgSort` primitive (along the last axis).
pub fn argsort(x: &Tensor, descending: bool) -> Result<Tensor> {
    bind(Prim::ArgSort(ArgSort { descending }), &[x])
}

/// The entry of `Cumsum`: the inclusive cumulative sum along `axis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cumsum {
    /// The axis.
    pub axis: usize,
}

impl Rule for Cumsum {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        // (x, axis, exclusive, reverse)
        let args = [
            MsArg::Int(self.axis as i64),
            MsArg::Bool(false),
            MsArg::Bool(false),
        ];
        Some(MsForm::op("CumSum").args(args))
    }

    fn name(&self) -> &'static str {
        "Cumsum"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Cumsum", ins, 1)?;
        axis_ok("Cumsum", self.axis, ins[0].0)?;
        Ok((Dims::from_slice(ins[0].0), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("Cumsum", ins)?.cumsum(ins[0], self.axis)?;
        Ok(Tensor::from_concrete(out.storage, out.layout))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| cumsum(t, self.axis))
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        // The transpose of a running sum is the running sum from the other end.
        let axis = [self.axis];
        one(rev(&cumsum(&rev(ct, &axis)?, self.axis)?, &axis))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        cumsum(&vals[0], self.axis + 1)
    }

    fn params(&self) -> String {
        format!("axis={}", self.axis)
    }
}

/// The `Cumsum` primitive.
pub fn cumsum(x: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::Cumsum(Cumsum { axis }), &[x])
}

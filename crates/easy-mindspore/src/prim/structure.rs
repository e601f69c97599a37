//! The entries of the structural primitives: `Reshape`, `Permute`, `BroadcastInDim`, `Slice` and
//! `Rev` make views (they change the layout, never the elements), `Pad` and `Concat` assemble new
//! buffers. Every derivative here is linear: the VJP is the transpose of the JVP.

use super::bind::bind;
use super::check::{arity, axes_ok, axis_ok, per_axis, product};
use super::ms_form::{MsArg, MsForm};
use super::support::{lift_all, map, one, prepend, shift, tangent_or_zero, wants, when};
use super::{reduce_sum, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::{DType, Scalar};
use crate::error::{Error, Result};
use crate::layout::{Dims, Layout};
use crate::tensor::Tensor;

/// A view of `c` through another layout.
fn view(c: &Concrete, layout: Layout) -> Tensor {
    Tensor::from_concrete(c.storage.clone(), layout)
}

/// A list of axes as graph text shows it.
fn list(d: &[usize]) -> String {
    format!("{d:?}")
}

// ---- Reshape ----------------------------------------------------------------------------------

/// The entry of `Reshape`: the same elements in a new shape of equal size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reshape {
    /// The new shape.
    pub shape: Dims,
}

impl Rule for Reshape {
    fn mindspore(&self, ins: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        let from = ins[0].0;
        // `[N, ...]` to `[N, rest]` is MindSpore's Flatten, which keeps any batch size.
        if from.len() > 2 && self.shape.len() == 2 && self.shape[0] == from[0] {
            return Some(MsForm::op("Flatten"));
        }
        Some(MsForm::op("Reshape").args([MsArg::Ints(self.shape.to_vec())]))
    }

    fn name(&self) -> &'static str {
        "Reshape"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Reshape", ins, 1)?;
        let n: usize = ins[0].0.iter().product();
        if product(&self.shape) != Some(n) {
            return Err(Error::InvalidReshape {
                from: ins[0].0.to_vec(),
                to: self.shape.iter().map(|&d| d as i64).collect(),
                size: n,
            });
        }
        crate::tensor::check_ndim("Reshape", &self.shape)?;
        Ok((self.shape.clone(), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        Ok(match ins[0].layout.reshape(shape) {
            Some(l) => view(ins[0], l),
            None => {
                let out = device::of("Reshape", ins)?.contiguous(ins[0])?;
                Tensor::from_storage(out, shape)
            }
        })
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| reshape(t, &self.shape))
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(reshape(ct, x[0].dims()))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], n: usize) -> Result<Tensor> {
        reshape(&vals[0], &prepend(n, &self.shape))
    }

    fn params(&self) -> String {
        format!("shape={}", list(&self.shape))
    }

    fn forwards(&self, _: &dyn Fn(usize, f64) -> bool) -> Option<usize> {
        Some(0) // when the shape does not change
    }
}

/// The `Reshape` primitive (no-op for the same shape).
pub fn reshape(x: &Tensor, shape: &[usize]) -> Result<Tensor> {
    if x.dims() == shape {
        return Ok(x.clone());
    }
    let shape = Dims::from_slice(shape);
    bind(Prim::Reshape(Reshape { shape }), &[x])
}

// ---- Permute ----------------------------------------------------------------------------------

/// The entry of `Permute`: output axis `i` is input axis `perm[i]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Permute {
    /// A permutation of `0..ndim`.
    pub perm: Dims,
}

fn inverse_perm(perm: &[usize]) -> Vec<usize> {
    let mut inv = vec![0; perm.len()];
    for (i, &q) in perm.iter().enumerate() {
        inv[q] = i;
    }
    inv
}

impl Rule for Permute {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        Some(MsForm::op("Transpose").args([MsArg::Ints(self.perm.to_vec())]))
    }

    fn name(&self) -> &'static str {
        "Permute"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Permute", ins, 1)?;
        per_axis("Permute", &[&self.perm], ins[0].0)?;
        axes_ok("Permute", &self.perm, ins[0].0, false)?;
        Ok((self.perm.iter().map(|&p| ins[0].0[p]).collect(), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        Ok(view(ins[0], ins[0].layout.permute(&self.perm)))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| permute(t, &self.perm))
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(permute(ct, &inverse_perm(&self.perm)))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        permute(&vals[0], &prepend(0, &shift(&self.perm)))
    }

    fn params(&self) -> String {
        format!("perm={}", list(&self.perm))
    }

    fn forwards(&self, _: &dyn Fn(usize, f64) -> bool) -> Option<usize> {
        let identity = self.perm.iter().enumerate().all(|(i, &p)| i == p);
        identity.then_some(0)
    }
}

/// The `Permute` primitive (no-op for the identity).
pub fn permute(x: &Tensor, perm: &[usize]) -> Result<Tensor> {
    if perm.iter().enumerate().all(|(i, &p)| i == p) && perm.len() == x.ndim() {
        return Ok(x.clone());
    }
    let perm = Dims::from_slice(perm);
    bind(Prim::Permute(Permute { perm }), &[x])
}

// ---- BroadcastInDim ---------------------------------------------------------------------------

/// The entry of `BroadcastInDim`: broadcast to `shape`; input axis `i` maps to output axis
/// `dims[i]` (of equal size, or size 1 in the input).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BroadcastInDim {
    /// The output shape.
    pub shape: Dims,
    /// Increasing output axes, one per input axis.
    pub dims: Dims,
}

/// Sums a broadcast cotangent back to the input shape.
fn unbroadcast(ct: &Tensor, in_shape: &[usize], dims: &[usize]) -> Result<Tensor> {
    let out_shape = ct.dims();
    let axes: Vec<usize> = (0..out_shape.len())
        .filter(|&a| match dims.iter().position(|&d| d == a) {
            None => true,
            Some(i) => in_shape[i] == 1 && out_shape[a] != 1,
        })
        .collect();
    reshape(&reduce_sum(ct, &axes)?, in_shape)
}

impl Rule for BroadcastInDim {
    fn mindspore(&self, ins: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        let from = ins[0].0;
        let mut aligned = vec![1; self.shape.len()];
        for (&d, &n) in self.dims.iter().zip(from) {
            aligned[d] = n;
        }
        let n = self.shape.len();
        Some(MsForm::Broadcast {
            aligned,
            trailing: self.dims.iter().copied().eq(n - from.len()..n),
            shape: self.shape.to_vec(),
        })
    }

    fn name(&self) -> &'static str {
        "BroadcastInDim"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("BroadcastInDim", ins, 1)?;
        let (shape, dims) = (&self.shape, &self.dims);
        let ok = dims.len() == ins[0].0.len()
            && dims.windows(2).all(|w| w[0] < w[1])
            && dims
                .iter()
                .zip(ins[0].0)
                .all(|(&d, &s)| d < shape.len() && (s == shape[d] || s == 1));
        if !ok {
            return Err(Error::ShapeMismatch {
                op: "BroadcastInDim",
                lhs: ins[0].0.to_vec(),
                rhs: shape.to_vec(),
            });
        }
        crate::tensor::check_ndim("BroadcastInDim", shape)?;
        Ok((shape.clone(), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        let layout = ins[0].layout.broadcast_in_dim(&self.shape, &self.dims);
        Ok(view(ins[0], layout))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| broadcast_in_dim(t, &self.shape, &self.dims))
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(unbroadcast(ct, x[0].dims(), &self.dims))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], n: usize) -> Result<Tensor> {
        let (shape, dims) = (prepend(n, &self.shape), prepend(0, &shift(&self.dims)));
        broadcast_in_dim(&vals[0], &shape, &dims)
    }

    fn params(&self) -> String {
        format!("shape={}, dims={}", list(&self.shape), list(&self.dims))
    }

    fn forwards(&self, _: &dyn Fn(usize, f64) -> bool) -> Option<usize> {
        Some(0) // when the shape does not change
    }
}

/// The `BroadcastInDim` primitive (no-op for the same shape).
pub fn broadcast_in_dim(x: &Tensor, shape: &[usize], dims: &[usize]) -> Result<Tensor> {
    if x.dims() == shape {
        return Ok(x.clone());
    }
    let (shape, dims) = (Dims::from_slice(shape), Dims::from_slice(dims));
    bind(Prim::BroadcastInDim(BroadcastInDim { shape, dims }), &[x])
}

// ---- Slice ------------------------------------------------------------------------------------

/// The entry of `Slice`: elements `starts[i]..limits[i]` by `steps[i]` of each axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slice {
    /// First index per axis.
    pub starts: Dims,
    /// Exclusive end per axis (`starts <= limits <= dim`).
    pub limits: Dims,
    /// Step per axis (>= 1).
    pub steps: Dims,
}

/// The transpose of a slice: the cotangent padded back into the input's shape with zeros.
fn unslice(ct: &Tensor, in_shape: &[usize], starts: &[usize], steps: &[usize]) -> Result<Tensor> {
    let n = ct.dims();
    if n.contains(&0) {
        let zero = Tensor::full_scalar(Scalar::Float(0.0), ct.dtype());
        return broadcast_in_dim(&zero, in_shape, &[]);
    }
    let hi: Vec<usize> = (0..n.len())
        .map(|i| in_shape[i] - starts[i] - n[i] - (n[i] - 1) * (steps[i] - 1))
        .collect();
    let interior: Vec<usize> = steps.iter().map(|s| s - 1).collect();
    pad(ct, starts, &hi, &interior)
}

impl Rule for Slice {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        // (x, begin, end, strides, and five masks, all 0)
        let bounds = [&self.starts, &self.limits, &self.steps].map(|v| MsArg::Ints(v.to_vec()));
        Some(
            MsForm::op("StridedSlice")
                .args(bounds)
                .args((0..5).map(|_| MsArg::Int(0))),
        )
    }

    fn name(&self) -> &'static str {
        "Slice"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Slice", ins, 1)?;
        let (s, starts, limits, steps) = (ins[0].0, &self.starts, &self.limits, &self.steps);
        per_axis("Slice", &[starts, limits, steps], s)?;
        let mut out = Dims::with_capacity(s.len());
        for i in 0..s.len() {
            if starts[i] > limits[i] || limits[i] > s[i] || steps[i] == 0 {
                return Err(Error::invalid(
                    "Slice",
                    format!(
                        "bad bounds {}..{} step {} for axis {i} of shape {s:?}",
                        starts[i], limits[i], steps[i]
                    ),
                ));
            }
            out.push((limits[i] - starts[i]).div_ceil(steps[i]));
        }
        Ok((out, ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        let layout = ins[0].layout.slice(&self.starts, &self.limits, &self.steps);
        Ok(view(ins[0], layout))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| {
            slice(t, &self.starts, &self.limits, &self.steps)
        })
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(unslice(ct, x[0].dims(), &self.starts, &self.steps))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], n: usize) -> Result<Tensor> {
        let (starts, limits) = (prepend(0, &self.starts), prepend(n, &self.limits));
        slice(&vals[0], &starts, &limits, &prepend(1, &self.steps))
    }

    fn params(&self) -> String {
        let (s, l, t) = (&self.starts, &self.limits, &self.steps);
        format!("starts={}, limits={}, steps={}", list(s), list(l), list(t))
    }

    fn vjp_block(&self) -> Option<&[usize]> {
        self.steps
            .iter()
            .all(|&s| s == 1)
            .then_some(&self.starts[..])
    }

    fn forwards(&self, _: &dyn Fn(usize, f64) -> bool) -> Option<usize> {
        let whole = self.starts.iter().all(|&s| s == 0) && self.steps.iter().all(|&s| s == 1);
        whole.then_some(0) // when the limits are the shape
    }
}

/// The `Slice` primitive.
pub fn slice(x: &Tensor, starts: &[usize], limits: &[usize], steps: &[usize]) -> Result<Tensor> {
    let (starts, limits, steps) = (starts.into(), limits.into(), steps.into());
    bind(
        Prim::Slice(Slice {
            starts,
            limits,
            steps,
        }),
        &[x],
    )
}

// ---- Pad --------------------------------------------------------------------------------------

/// The entry of `Pad`: zeros `lo` before, `hi` after and `interior` between the elements of each
/// axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pad {
    /// Zeros before each axis.
    pub lo: Dims,
    /// Zeros after each axis.
    pub hi: Dims,
    /// Zeros between neighbouring elements of each axis.
    pub interior: Dims,
}

/// The transpose of a padding: the cotangent's elements at the input's places.
fn unpad(ct: &Tensor, in_shape: &[usize], lo: &[usize], interior: &[usize]) -> Result<Tensor> {
    let limits: Vec<usize> = (0..in_shape.len())
        .map(|i| match in_shape[i] {
            0 => lo[i],
            n => lo[i] + (n - 1) * (interior[i] + 1) + 1,
        })
        .collect();
    let steps: Vec<usize> = interior.iter().map(|s| s + 1).collect();
    slice(ct, lo, &limits, &steps)
}

impl Rule for Pad {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        if self.interior.iter().any(|&i| i != 0) {
            return None;
        }
        let pairs = self
            .lo
            .iter()
            .zip(&self.hi)
            .map(|(&l, &h)| [l, h])
            .collect();
        Some(MsForm::with_attrs(
            "Pad",
            vec![("paddings", MsArg::Pairs(pairs))],
        ))
    }

    fn name(&self) -> &'static str {
        "Pad"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Pad", ins, 1)?;
        let (s, lo, hi, interior) = (ins[0].0, &self.lo, &self.hi, &self.interior);
        per_axis("Pad", &[lo, hi, interior], s)?;
        let out = (0..s.len())
            .map(|i| {
                interior[i]
                    .checked_mul(s[i].saturating_sub(1))
                    .and_then(|n| n.checked_add(s[i]))
                    .and_then(|n| n.checked_add(lo[i]))
                    .and_then(|n| n.checked_add(hi[i]))
                    .ok_or_else(|| {
                        Error::invalid(
                            "Pad",
                            format!(
                                "padding lo {lo:?}, hi {hi:?}, interior {interior:?} of shape \
                                 {s:?} overflows"
                            ),
                        )
                    })
            })
            .collect::<Result<_>>()?;
        Ok((out, ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("Pad", ins)?.pad(ins[0], shape, &self.lo, &self.interior)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| pad(t, &self.lo, &self.hi, &self.interior))
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(unpad(ct, x[0].dims(), &self.lo, &self.interior))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        let (lo, hi) = (prepend(0, &self.lo), prepend(0, &self.hi));
        pad(&vals[0], &lo, &hi, &prepend(0, &self.interior))
    }

    fn params(&self) -> String {
        let (l, h, i) = (&self.lo, &self.hi, &self.interior);
        format!("lo={}, hi={}, interior={}", list(l), list(h), list(i))
    }

    fn forwards(&self, _: &dyn Fn(usize, f64) -> bool) -> Option<usize> {
        Some(0) // when nothing is padded
    }
}

/// The `Pad` primitive.
pub fn pad(x: &Tensor, lo: &[usize], hi: &[usize], interior: &[usize]) -> Result<Tensor> {
    let (lo, hi, interior) = (lo.into(), hi.into(), interior.into());
    bind(Prim::Pad(Pad { lo, hi, interior }), &[x])
}

// ---- Concat -----------------------------------------------------------------------------------

/// The entry of `Concat`: equally-typed operands joined along `axis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Concat {
    /// The axis.
    pub axis: usize,
}

impl Rule for Concat {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        Some(
            MsForm::op("Concat")
                .tuple()
                .args([MsArg::Int(self.axis as i64)]),
        )
    }

    fn name(&self) -> &'static str {
        "Concat"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        let Some(first) = ins.first() else {
            return Err(Error::invalid("Concat", "needs at least one operand"));
        };
        let axis = self.axis;
        axis_ok("Concat", axis, first.0)?;
        let mut out = Dims::from_slice(first.0);
        for x in &ins[1..] {
            let fits =
                x.0.len() == out.len() && (0..out.len()).all(|i| i == axis || x.0[i] == out[i]);
            if !fits {
                return Err(Error::ShapeMismatch {
                    op: "Concat",
                    lhs: first.0.to_vec(),
                    rhs: x.0.to_vec(),
                });
            }
            if x.1 != first.1 {
                return Err(Error::DTypeMismatch {
                    op: "Concat",
                    lhs: first.1,
                    rhs: x.1,
                });
            }
            out[axis] = out[axis].checked_add(x.0[axis]).ok_or_else(|| {
                Error::invalid("Concat", format!("the joined axis {axis} overflows"))
            })?;
        }
        Ok((out, first.1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], dtype: DType) -> Result<Tensor> {
        let out = device::of("Concat", ins)?.concat(ins, shape, self.axis, dtype)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        let ts = (0..x.len())
            .map(|i| tangent_or_zero(&x_t[i], &x[i]))
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(concat(&ts, self.axis)?))
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        // Each operand's cotangent is its stretch of `ct` along the axis.
        let (nd, axis) = (ct.ndim(), self.axis);
        let mut start = 0;
        let mut out = Cts::with_capacity(x.len());
        for (i, xi) in x.iter().enumerate() {
            let len = xi.dims()[axis];
            out.push(when(wants(wanted, i), || {
                let mut starts = vec![0; nd];
                let mut limits = ct.shape();
                starts[axis] = start;
                limits[axis] = start + len;
                slice(ct, &starts, &limits, &vec![1; nd])
            })?);
            start += len;
        }
        Ok(out)
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        concat(&lift_all(vals, batched, n)?, self.axis + 1)
    }

    fn params(&self) -> String {
        format!("axis={}", self.axis)
    }
}

/// The `Concat` primitive.
pub fn concat(xs: &[Tensor], axis: usize) -> Result<Tensor> {
    let refs: Vec<&Tensor> = xs.iter().collect();
    bind(Prim::Concat(Concat { axis }), &refs)
}

// ---- Rev --------------------------------------------------------------------------------------

/// The entry of `Rev`: the listed axes reversed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rev {
    /// Distinct axes.
    pub axes: Dims,
}

impl Rule for Rev {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        Some(MsForm::op("ReverseV2").args([MsArg::Ints(self.axes.to_vec())]))
    }

    fn name(&self) -> &'static str {
        "Rev"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Rev", ins, 1)?;
        axes_ok("Rev", &self.axes, ins[0].0, false)?;
        Ok((Dims::from_slice(ins[0].0), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        Ok(view(ins[0], ins[0].layout.rev(&self.axes)))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| rev(t, &self.axes))
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(rev(ct, &self.axes))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        rev(&vals[0], &shift(&self.axes))
    }

    fn params(&self) -> String {
        format!("axes={}", list(&self.axes))
    }
}

/// The `Rev` primitive (no-op for no axes).
pub fn rev(x: &Tensor, axes: &[usize]) -> Result<Tensor> {
    if axes.is_empty() {
        return Ok(x.clone());
    }
    let axes = Dims::from_slice(axes);
    bind(Prim::Rev(Rev { axes }), &[x])
}

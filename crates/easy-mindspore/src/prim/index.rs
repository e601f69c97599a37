//! The entries of `Gather` (`x[..., idx, ...]` along an axis), `ScatterAdd` (its transpose) and
//! `CheckIndex` (a range check of indices that is part of the computation).

use super::bind::bind;
use super::check::{arity, axis_ok, int_index};
use super::ms_form::{MsArg, MsForm};
use super::support::{lift, map, move_axis, none, tangent_or_zero, wants, when};
use super::{
    add, broadcast_in_dim, cast, permute, reshape, zeros_like, Aval, Cts, Opt, Prim, Rule,
};
use crate::device::{self, Concrete};
use crate::dtype::{DType, Kind};
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::tensor::Tensor;
use smallvec::smallvec;

/// The entry of `Gather`: the output shape is `x.shape[..axis] ++ idx.shape ++ x.shape[axis+1..]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gather {
    /// The gathered axis.
    pub axis: usize,
}

impl Rule for Gather {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        // (x, indices, axis, batch_dims)
        Some(MsForm::op("Gather").args([MsArg::Int(self.axis as i64), MsArg::Int(0)]))
    }

    fn name(&self) -> &'static str {
        "Gather"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Gather", ins, 2)?;
        axis_ok("Gather", self.axis, ins[0].0)?;
        int_index("Gather", ins[1].1)?;
        let (x, axis) = (ins[0].0, self.axis);
        let out = [&x[..axis], ins[1].0, &x[axis + 1..]].concat();
        crate::tensor::check_ndim("Gather", &out)?;
        Ok((Dims::from_vec(out), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("Gather", ins)?.gather(ins[0], ins[1], self.axis)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| gather(t, &x[1], self.axis))
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        Ok(smallvec![
            when(wants(wanted, 0), || {
                scatter_add(&zeros_like(&x[0])?, &x[1], ct, self.axis)
            })?,
            None,
        ])
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        let (x, idx, axis) = (&vals[0], &vals[1], self.axis);
        match (batched[0], batched[1]) {
            (true, false) => gather(x, idx, axis + 1),
            // [pre, n, idx..., post]: the batch comes out where the index axes go.
            (false, true) => move_axis(&gather(x, idx, axis)?, axis, 0),
            _ => {
                // Fold the batch into the gathered axis: row b·size + i of the flattened operand
                // is row i of example b.
                let (flat, size) = fold_batch_into_axis(x, axis)?;
                let idx = offset_indices(idx, n, size, "Gather")?;
                let out = gather(&flat, &idx, 0)?; // [n, idx..., pre, post]
                let idx_rank = idx.ndim() - 1;
                // Move `pre` (axes after the index axes) in front of the index axes.
                let mut perm: Dims = std::iter::once(0).collect();
                perm.extend(1 + idx_rank..1 + idx_rank + axis);
                perm.extend(1..1 + idx_rank);
                perm.extend(1 + idx_rank + axis..out.ndim());
                permute(&out, &perm)
            }
        }
    }

    fn params(&self) -> String {
        format!("axis={}", self.axis)
    }
}

/// The `Gather` primitive.
pub fn gather(x: &Tensor, idx: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::Gather(Gather { axis }), &[x, idx])
}

/// The entry of `ScatterAdd`: `operand` with `updates` added at `idx` along `axis` (the
/// transpose of `Gather`); repeated indices accumulate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScatterAdd {
    /// The scattered axis.
    pub axis: usize,
}

impl Rule for ScatterAdd {
    fn name(&self) -> &'static str {
        "ScatterAdd"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("ScatterAdd", ins, 3)?;
        axis_ok("ScatterAdd", self.axis, ins[0].0)?;
        int_index("ScatterAdd", ins[1].1)?;
        let (x, axis) = (ins[0].0, self.axis);
        let expect = [&x[..axis], ins[1].0, &x[axis + 1..]].concat();
        if ins[2].0 != expect.as_slice() {
            return Err(Error::ShapeMismatch {
                op: "ScatterAdd",
                lhs: expect,
                rhs: ins[2].0.to_vec(),
            });
        }
        if ins[2].1 != ins[0].1 {
            return Err(Error::DTypeMismatch {
                op: "ScatterAdd",
                lhs: ins[0].1,
                rhs: ins[2].1,
            });
        }
        if ins[0].1.kind() == Kind::Bool {
            return Err(Error::UnsupportedDType {
                op: "ScatterAdd",
                dtype: DType::Bool,
                expected: "a number type",
            });
        }
        Ok((Dims::from_slice(x), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let dev = device::of("ScatterAdd", ins)?;
        let out = dev.scatter_add(ins[0], ins[1], ins[2], self.axis)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        let (t0, t2) = (
            tangent_or_zero(&x_t[0], &x[0])?,
            tangent_or_zero(&x_t[2], &x[2])?,
        );
        Ok(Some(scatter_add(&t0, &x[1], &t2, self.axis)?))
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        Ok(smallvec![
            wants(wanted, 0).then(|| ct.clone()),
            None,
            when(wants(wanted, 2), || gather(ct, &x[1], self.axis))?,
        ])
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        let axis = self.axis;
        let batch = |i: usize| {
            if batched[i] {
                Ok(vals[i].clone())
            } else {
                lift(&vals[i], n)
            }
        };
        let (operand, updates) = (batch(0)?, batch(2)?);
        if !batched[1] {
            return scatter_add(&operand, &vals[1], &updates, axis + 1);
        }
        let (flat, size) = fold_batch_into_axis(&operand, axis)?;
        let idx = offset_indices(&vals[1], n, size, "ScatterAdd")?;
        // updates: [n, pre, idx..., post] → [n, idx..., pre, post]
        let idx_rank = idx.ndim() - 1;
        let mut perm: Dims = std::iter::once(0).collect();
        perm.extend(1 + axis..1 + axis + idx_rank);
        perm.extend(1..1 + axis);
        perm.extend(1 + axis + idx_rank..updates.ndim());
        let out = scatter_add(&flat, &idx, &permute(&updates, &perm)?, 0)?;
        // [n·size, pre, post] → [n, size, pre, post] → [n, pre, size, post]
        let mut split: Dims = [n, size].into_iter().collect();
        split.extend(out.dims()[1..].iter().copied());
        move_axis(&reshape(&out, &split)?, 1, axis + 1)
    }

    fn params(&self) -> String {
        format!("axis={}", self.axis)
    }
}

/// The `ScatterAdd` primitive.
pub fn scatter_add(x: &Tensor, idx: &Tensor, updates: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::ScatterAdd(ScatterAdd { axis }), &[x, idx, updates])
}

/// `[n, pre, size, post]` → `[n·size, pre, post]`, and `size`.
fn fold_batch_into_axis(x: &Tensor, axis: usize) -> Result<(Tensor, usize)> {
    let size = x.dims()[axis + 1];
    let moved = move_axis(x, axis + 1, 1)?;
    let mut folded: Dims = std::iter::once(x.dims()[0] * size).collect();
    folded.extend(moved.dims()[2..].iter().copied());
    Ok((reshape(&moved, &folded)?, size))
}

/// Batched indices `[n, ...]` into per-example axes of length `size`, shifted by `b·size` for
/// example `b`. Indices are checked first (by a `CheckIndex` of the computation, so that under
/// `jit` the check runs with each call): an out-of-range index must not land in a neighbour.
fn offset_indices(idx: &Tensor, n: usize, size: usize, op: &'static str) -> Result<Tensor> {
    let idx = &check_index(
        idx,
        CheckIndex {
            op,
            size,
            allowed: None,
            role: IndexRole::Index,
        },
    )?;
    let dtype = idx.dtype();
    let offsets: Vec<i64> = (0..n as i64).map(|b| b * size as i64).collect();
    let offsets = cast(&Tensor::from_vec(offsets, &[n])?, dtype)?;
    let offsets = broadcast_in_dim(&offsets, idx.dims(), &[0])?;
    add(idx, &offsets)
}

/// What a [`CheckIndex`] checks, which decides its error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexRole {
    /// Indices along an axis of `size`: [`Error::IndexOutOfBounds`].
    Index,
    /// Class labels of `size` classes: [`Error::InvalidArgument`] naming the label, its position
    /// and the labels' shape.
    Label,
}

/// The entry of `CheckIndex`: its value is its operand (Int32 or Int64 indices), once checked
/// that every index is in `[0, size)` or equals `allowed`. A range check on data belongs to the
/// computation rather than to the code around it: a `jit` graph holds it as an equation and runs
/// it at every call (reading the values while tracing would make them a guard, and every new
/// batch of labels a new trace), and eager, traced and compiled runs give the same error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckIndex {
    /// The op named in the error.
    pub op: &'static str,
    /// The number of valid indices.
    pub size: usize,
    /// A value accepted outside the range (an `ignore_index`).
    pub allowed: Option<i64>,
    /// What the indices are.
    pub role: IndexRole,
}

impl CheckIndex {
    /// The error for `index`, at flat position `at` of indices of `shape`, if it is out of range.
    fn error(&self, index: i64, at: usize, shape: &[usize]) -> Option<Error> {
        let ok = (0..self.size as i64).contains(&index) || Some(index) == self.allowed;
        (!ok).then(|| match self.role {
            IndexRole::Index => Error::IndexOutOfBounds {
                op: self.op,
                index,
                size: self.size,
            },
            IndexRole::Label => Error::invalid(
                self.op,
                format!(
                    "label {index} at position {at} is out of range for {} classes (labels \
                     shape {shape:?})",
                    self.size
                ),
            ),
        })
    }
}

impl Rule for CheckIndex {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        Some(MsForm::Same)
    }

    fn name(&self) -> &'static str {
        "CheckIndex"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("CheckIndex", ins, 1)?;
        int_index(self.op, ins[0].1)?;
        Ok((Dims::from_slice(ins[0].0), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], dtype: DType) -> Result<Tensor> {
        let x = ins[0];
        let bad = match dtype {
            DType::Int32 => {
                let v = x.host_elems::<i32>()?;
                v.iter()
                    .enumerate()
                    .find_map(|(i, &l)| self.error(l.into(), i, shape))
            }
            _ => {
                let v = x.host_elems::<i64>()?;
                v.iter()
                    .enumerate()
                    .find_map(|(i, &l)| self.error(l, i, shape))
            }
        };
        match bad {
            Some(e) => Err(e),
            None => Ok(Tensor::from_concrete(x.storage.clone(), x.layout.clone())),
        }
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Ok(None)
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        none(1)
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        // Elementwise: the whole batch is checked at once.
        check_index(&vals[0], *self)
    }

    fn differentiable(&self) -> bool {
        false
    }

    fn params(&self) -> String {
        match self.allowed {
            Some(a) => format!("op={}, size={}, allowed={a}", self.op, self.size),
            None => format!("op={}, size={}", self.op, self.size),
        }
    }
}

/// The `CheckIndex` primitive: `idx` itself, after its range check (see [`CheckIndex`]).
pub fn check_index(idx: &Tensor, check: CheckIndex) -> Result<Tensor> {
    bind(Prim::CheckIndex(check), &[idx])
}

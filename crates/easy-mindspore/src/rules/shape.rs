//! Abstract evaluation: the output shape and dtype of each primitive from its inputs' shapes and
//! dtypes, with every precondition checked. Kernels run only on inputs that passed here.

use crate::dtype::{DType, Kind};
use crate::error::{Error, Result};
use crate::layout::checked_numel;
use crate::layout::Dims;
use crate::prim::Prim;

/// Shape and dtype of a value.
pub type Aval<'a> = (&'a [usize], DType);

fn arity(prim: &Prim, ins: &[Aval], n: usize) -> Result<()> {
    if ins.len() == n {
        Ok(())
    } else {
        Err(Error::invalid(
            prim.name(),
            format!("expected {n} operands, got {}", ins.len()),
        ))
    }
}

fn same(prim: &Prim, a: Aval, b: Aval) -> Result<()> {
    if a.0 != b.0 {
        return Err(Error::ShapeMismatch {
            op: prim.name(),
            lhs: a.0.to_vec(),
            rhs: b.0.to_vec(),
        });
    }
    if a.1 != b.1 {
        return Err(Error::DTypeMismatch {
            op: prim.name(),
            lhs: a.1,
            rhs: b.1,
        });
    }
    Ok(())
}

fn float_only(prim: &Prim, d: DType) -> Result<()> {
    if d.is_float() {
        Ok(())
    } else {
        Err(Error::UnsupportedDType {
            op: prim.name(),
            dtype: d,
            expected: "Float32 or Float64",
        })
    }
}

fn axis_ok(prim: &Prim, axis: usize, shape: &[usize]) -> Result<()> {
    if axis < shape.len() {
        Ok(())
    } else {
        Err(Error::AxisOutOfRange {
            op: prim.name(),
            axis: axis as i64,
            lo: 0,
            hi: shape.len() as i64,
            shape: shape.to_vec(),
        })
    }
}

fn axes_ok(prim: &Prim, axes: &[usize], shape: &[usize], sorted: bool) -> Result<()> {
    for (i, &a) in axes.iter().enumerate() {
        axis_ok(prim, a, shape)?;
        if axes[..i].contains(&a) || (sorted && i > 0 && axes[i - 1] > a) {
            return Err(Error::invalid(
                prim.name(),
                format!("axes {axes:?} must be distinct and sorted (shape {shape:?})"),
            ));
        }
    }
    Ok(())
}

fn per_axis(prim: &Prim, lists: &[&[usize]], shape: &[usize]) -> Result<()> {
    if lists.iter().all(|l| l.len() == shape.len()) {
        Ok(())
    } else {
        Err(Error::invalid(
            prim.name(),
            format!("needs one parameter per axis of shape {shape:?}, got {lists:?}"),
        ))
    }
}

fn int_index(prim: &Prim, d: DType) -> Result<()> {
    match d {
        DType::Int32 | DType::Int64 => Ok(()),
        _ => Err(Error::UnsupportedDType {
            op: prim.name(),
            dtype: d,
            expected: "Int32 or Int64 indices",
        }),
    }
}

/// Output shape and dtype of `prim` applied to values of the given shapes and dtypes.
pub fn abstract_eval(prim: &Prim, ins: &[Aval]) -> Result<(Dims, DType)> {
    let (shape, dtype) = infer(prim, ins)?;
    // Parameters (a reshape target, broadcast shape or padding) can ask for an output no buffer or
    // stride can address; refuse it here rather than overflow in a layout or kernel.
    if checked_numel(&shape, dtype.size_in_bytes()).is_none() {
        return Err(Error::invalid(
            prim.name(),
            format!("the output shape {shape:?} is too large"),
        ));
    }
    Ok((shape, dtype))
}

/// A shape's element count, or `None` when it overflows.
fn product(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
}

fn infer(prim: &Prim, ins: &[Aval]) -> Result<(Dims, DType)> {
    use Prim::*;
    match prim {
        // Evaluated by running its forward function (`interp::eval`), never abstractly.
        Custom(c) => Err(Error::Transform {
            op: "custom_vjp",
            msg: format!("{}: a custom function has no abstract evaluation", c.name()),
        }),
        Neg | Floor | StopGradient => {
            arity(prim, ins, 1)?;
            if matches!(prim, Neg) && ins[0].1 == DType::Bool {
                return Err(Error::UnsupportedDType {
                    op: "Neg",
                    dtype: DType::Bool,
                    expected: "a number type",
                });
            }
            Ok((Dims::from_slice(ins[0].0), ins[0].1))
        }
        Exp | Log | Sin | Cos | Tanh | Sqrt => {
            arity(prim, ins, 1)?;
            float_only(prim, ins[0].1)?;
            Ok((Dims::from_slice(ins[0].0), ins[0].1))
        }
        Add | Sub | Mul | Div | Pow | Max | Min => {
            arity(prim, ins, 2)?;
            same(prim, ins[0], ins[1])?;
            if ins[0].1 == DType::Bool && !matches!(prim, Add | Mul | Max | Min) {
                return Err(Error::UnsupportedDType {
                    op: prim.name(),
                    dtype: DType::Bool,
                    expected: "a number type",
                });
            }
            Ok((Dims::from_slice(ins[0].0), ins[0].1))
        }
        Compare(_) => {
            arity(prim, ins, 2)?;
            same(prim, ins[0], ins[1])?;
            Ok((Dims::from_slice(ins[0].0), DType::Bool))
        }
        Where => {
            arity(prim, ins, 3)?;
            if ins[0].1 != DType::Bool {
                return Err(Error::UnsupportedDType {
                    op: "Where",
                    dtype: ins[0].1,
                    expected: "a Bool condition",
                });
            }
            if ins[0].0 != ins[1].0 {
                return Err(Error::ShapeMismatch {
                    op: "Where",
                    lhs: ins[0].0.to_vec(),
                    rhs: ins[1].0.to_vec(),
                });
            }
            same(prim, ins[1], ins[2])?;
            Ok((Dims::from_slice(ins[1].0), ins[1].1))
        }
        Cast(d) => {
            arity(prim, ins, 1)?;
            Ok((Dims::from_slice(ins[0].0), *d))
        }
        ReduceSum { axes } | ReduceMax { axes } => {
            arity(prim, ins, 1)?;
            axes_ok(prim, axes, ins[0].0, true)?;
            if matches!(prim, ReduceMax { .. }) {
                for &a in axes {
                    if ins[0].0[a] == 0 {
                        return Err(Error::invalid(
                            "ReduceMax",
                            format!(
                                "cannot take the maximum over the empty axis {a} of shape {:?}",
                                ins[0].0
                            ),
                        ));
                    }
                }
            }
            let shape = ins[0]
                .0
                .iter()
                .enumerate()
                .filter(|(i, _)| !axes.contains(i))
                .map(|(_, &d)| d)
                .collect();
            Ok((shape, ins[0].1))
        }
        ArgMax { axis } => {
            arity(prim, ins, 1)?;
            axis_ok(prim, *axis, ins[0].0)?;
            if ins[0].0[*axis] == 0 {
                return Err(Error::invalid(
                    "ArgMax",
                    format!(
                        "cannot take the argmax over an empty axis (shape {:?})",
                        ins[0].0
                    ),
                ));
            }
            let mut shape = Dims::from_slice(ins[0].0);
            shape.remove(*axis);
            Ok((shape, DType::Int32))
        }
        Cumsum { axis } => {
            arity(prim, ins, 1)?;
            axis_ok(prim, *axis, ins[0].0)?;
            Ok((Dims::from_slice(ins[0].0), ins[0].1))
        }
        Reshape { shape } => {
            arity(prim, ins, 1)?;
            let n: usize = ins[0].0.iter().product();
            if product(shape) != Some(n) {
                return Err(Error::InvalidReshape {
                    from: ins[0].0.to_vec(),
                    to: shape.iter().map(|&d| d as i64).collect(),
                    size: n,
                });
            }
            Ok((shape.clone(), ins[0].1))
        }
        Permute { perm } => {
            arity(prim, ins, 1)?;
            per_axis(prim, &[perm], ins[0].0)?;
            axes_ok(prim, perm, ins[0].0, false)?;
            Ok((perm.iter().map(|&p| ins[0].0[p]).collect(), ins[0].1))
        }
        BroadcastInDim { shape, dims } => {
            arity(prim, ins, 1)?;
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
            Ok((shape.clone(), ins[0].1))
        }
        Slice {
            starts,
            limits,
            steps,
        } => {
            arity(prim, ins, 1)?;
            let s = ins[0].0;
            per_axis(prim, &[starts, limits, steps], s)?;
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
        Pad { lo, hi, interior } => {
            arity(prim, ins, 1)?;
            let s = ins[0].0;
            per_axis(prim, &[lo, hi, interior], s)?;
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
        Concat { axis } => {
            if ins.is_empty() {
                return Err(Error::invalid("Concat", "needs at least one operand"));
            }
            axis_ok(prim, *axis, ins[0].0)?;
            let mut out = ins[0].0.to_vec();
            for x in &ins[1..] {
                let fits = x.0.len() == out.len()
                    && (0..out.len()).all(|i| i == *axis || x.0[i] == out[i]);
                if !fits {
                    return Err(Error::ShapeMismatch {
                        op: "Concat",
                        lhs: ins[0].0.to_vec(),
                        rhs: x.0.to_vec(),
                    });
                }
                if x.1 != ins[0].1 {
                    return Err(Error::DTypeMismatch {
                        op: "Concat",
                        lhs: ins[0].1,
                        rhs: x.1,
                    });
                }
                out[*axis] = out[*axis].checked_add(x.0[*axis]).ok_or_else(|| {
                    Error::invalid("Concat", format!("the joined axis {axis} overflows"))
                })?;
            }
            Ok((Dims::from_vec(out), ins[0].1))
        }
        Rev { axes } => {
            arity(prim, ins, 1)?;
            axes_ok(prim, axes, ins[0].0, false)?;
            Ok((Dims::from_slice(ins[0].0), ins[0].1))
        }
        MatMul => {
            arity(prim, ins, 2)?;
            let (a, b) = (ins[0].0, ins[1].0);
            let ok = a.len() >= 2
                && a.len() == b.len()
                && a[..a.len() - 2] == b[..b.len() - 2]
                && a[a.len() - 1] == b[b.len() - 2];
            if !ok {
                return Err(Error::MatMulMismatch {
                    op: "MatMul",
                    lhs: a.to_vec(),
                    rhs: b.to_vec(),
                });
            }
            if ins[0].1 != ins[1].1 {
                return Err(Error::DTypeMismatch {
                    op: "MatMul",
                    lhs: ins[0].1,
                    rhs: ins[1].1,
                });
            }
            if ins[0].1 == DType::Bool {
                return Err(Error::UnsupportedDType {
                    op: "MatMul",
                    dtype: DType::Bool,
                    expected: "a number type",
                });
            }
            let mut out = Dims::from_slice(a);
            let n = out.len();
            out[n - 1] = b[n - 1];
            Ok((out, ins[0].1))
        }
        Gather { axis } => {
            arity(prim, ins, 2)?;
            axis_ok(prim, *axis, ins[0].0)?;
            int_index(prim, ins[1].1)?;
            let x = ins[0].0;
            let out = [&x[..*axis], ins[1].0, &x[axis + 1..]].concat();
            Ok((Dims::from_vec(out), ins[0].1))
        }
        ScatterAdd { axis } => {
            arity(prim, ins, 3)?;
            axis_ok(prim, *axis, ins[0].0)?;
            int_index(prim, ins[1].1)?;
            let x = ins[0].0;
            let expect = [&x[..*axis], ins[1].0, &x[axis + 1..]].concat();
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
    }
}

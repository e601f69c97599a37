//! The checks the shape rules share: operand counts, equal types, dtype domains, axes.

use super::Aval;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::op::Domain;

/// An error unless there are `n` operands.
pub(super) fn arity(op: &'static str, ins: &[Aval], n: usize) -> Result<()> {
    if ins.len() == n {
        Ok(())
    } else {
        Err(Error::invalid(
            op,
            format!("expected {n} operands, got {}", ins.len()),
        ))
    }
}

/// An error unless there are `lo` to `hi` operands.
pub(super) fn arity_in(op: &'static str, ins: &[Aval], lo: usize, hi: usize) -> Result<()> {
    if (lo..=hi).contains(&ins.len()) {
        Ok(())
    } else {
        Err(Error::invalid(
            op,
            format!("expected {lo} to {hi} operands, got {}", ins.len()),
        ))
    }
}

/// An error unless `a` and `b` have the same shape and dtype.
pub(super) fn same(op: &'static str, a: Aval, b: Aval) -> Result<()> {
    if a.0 != b.0 {
        return Err(Error::ShapeMismatch {
            op,
            lhs: a.0.to_vec(),
            rhs: b.0.to_vec(),
        });
    }
    if a.1 != b.1 {
        return Err(Error::DTypeMismatch {
            op,
            lhs: a.1,
            rhs: b.1,
        });
    }
    Ok(())
}

/// An error unless `domain` accepts `d`.
pub(super) fn in_domain(op: &'static str, domain: Domain, d: DType) -> Result<()> {
    if d.is_complex() {
        return Err(Error::no_complex(op, d));
    }
    if domain.accepts(d) {
        Ok(())
    } else {
        Err(Error::UnsupportedDType {
            op,
            dtype: d,
            expected: domain.describe(),
        })
    }
}

/// An error unless `axis` is an axis of `shape`.
pub(super) fn axis_ok(op: &'static str, axis: usize, shape: &[usize]) -> Result<()> {
    if axis < shape.len() {
        Ok(())
    } else {
        Err(Error::AxisOutOfRange {
            op,
            axis: axis as i64,
            lo: 0,
            hi: shape.len() as i64,
            shape: shape.to_vec(),
        })
    }
}

/// An error unless `axes` are distinct axes of `shape` (and increasing, with `sorted`).
pub(super) fn axes_ok(
    op: &'static str,
    axes: &[usize],
    shape: &[usize],
    sorted: bool,
) -> Result<()> {
    for (i, &a) in axes.iter().enumerate() {
        axis_ok(op, a, shape)?;
        if axes[..i].contains(&a) || (sorted && i > 0 && axes[i - 1] > a) {
            return Err(Error::invalid(
                op,
                format!("axes {axes:?} must be distinct and sorted (shape {shape:?})"),
            ));
        }
    }
    Ok(())
}

/// An error unless each list has one entry per axis of `shape`.
pub(super) fn per_axis(op: &'static str, lists: &[&[usize]], shape: &[usize]) -> Result<()> {
    if lists.iter().all(|l| l.len() == shape.len()) {
        Ok(())
    } else {
        Err(Error::invalid(
            op,
            format!("needs one parameter per axis of shape {shape:?}, got {lists:?}"),
        ))
    }
}

/// An error unless `d` is an index dtype.
pub(super) fn int_index(op: &'static str, d: DType) -> Result<()> {
    match d {
        DType::Int32 | DType::Int64 => Ok(()),
        _ => Err(Error::UnsupportedDType {
            op,
            dtype: d,
            expected: "Int32 or Int64 indices",
        }),
    }
}

/// A shape's element count, or `None` when it overflows.
pub(super) fn product(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
}

/// [`in_domain`] for an op that `takes_complex` operands too.
pub(super) fn in_domain_or_complex(
    op: &'static str,
    domain: Domain,
    takes_complex: bool,
    d: DType,
) -> Result<()> {
    if d.is_complex() && takes_complex {
        Ok(())
    } else {
        in_domain(op, domain, d)
    }
}

/// An error for a complex operand of an op that `takes_complex` none.
pub(super) fn complex_ok(op: &'static str, takes_complex: bool, d: DType) -> Result<()> {
    if d.is_complex() && !takes_complex {
        Err(Error::no_complex(op, d))
    } else {
        Ok(())
    }
}

//! Friendly public ops: broadcasting, dtype promotion, negative axes and keepdims are resolved here,
//! once, by emitting explicit strict primitives. Composites (`dot`, `norm`, `mean`, `relu`, ...)
//! are built from primitives and so get every transformation for free.

mod arith;
mod bits;
mod creation;
mod fft;
mod index;
mod linalg;
mod math;
pub mod prim;
mod reduce;
mod shape;
mod sort;

pub use arith::*;
pub use bits::*;
pub use creation::*;
pub use fft::*;
pub use index::*;
pub use linalg::*;
pub use math::*;
pub use reduce::*;
pub use shape::*;
pub use sort::*;

use crate::dtype::{DType, Scalar};
use crate::error::{Error, Result};
use crate::tensor::Tensor;

/// One operand of a friendly op: a tensor, or a weakly-typed scalar.
#[derive(Clone, Debug)]
pub enum Operand {
    /// A tensor.
    Tensor(Tensor),
    /// A Rust/Python scalar (weak: it adopts the tensor's dtype where it can).
    Scalar(Scalar),
}

/// Anything that can be an operand: tensors, references, `Result<Tensor>` (so results chain
/// without `?` between operators), and Rust scalars.
pub trait IntoOperand {
    /// The operand, or the error carried by a `Result`.
    fn into_operand(self) -> Result<Operand>;
}

impl IntoOperand for Operand {
    fn into_operand(self) -> Result<Operand> {
        Ok(self)
    }
}
impl IntoOperand for Tensor {
    fn into_operand(self) -> Result<Operand> {
        Ok(Operand::Tensor(self))
    }
}
impl IntoOperand for &Tensor {
    fn into_operand(self) -> Result<Operand> {
        Ok(Operand::Tensor(self.clone()))
    }
}
impl IntoOperand for Result<Tensor> {
    fn into_operand(self) -> Result<Operand> {
        self.map(Operand::Tensor)
    }
}
impl IntoOperand for Scalar {
    fn into_operand(self) -> Result<Operand> {
        Ok(Operand::Scalar(self))
    }
}
macro_rules! scalar_operand {
    ($($t:ty),*) => {$(
        impl IntoOperand for $t {
            fn into_operand(self) -> Result<Operand> { Ok(Operand::Scalar(Scalar::from(self))) }
        }
    )*};
}
scalar_operand!(f64, f32, i32, i64, bool);

/// The broadcast shape of two shapes (NumPy rules), or a `ShapeMismatch` naming `op`.
pub fn broadcast_shapes(op: &'static str, a: &[usize], b: &[usize]) -> Result<Vec<usize>> {
    broadcast_dims(op, a, b).map(|d| d.to_vec())
}

/// [`broadcast_shapes`] without a heap allocation for shapes of up to four axes.
pub(crate) fn broadcast_dims(
    op: &'static str,
    a: &[usize],
    b: &[usize],
) -> Result<crate::layout::Dims> {
    let n = a.len().max(b.len());
    let mut out: crate::layout::Dims = smallvec::smallvec![0; n];
    for i in 0..n {
        let da = if i < n - a.len() {
            1
        } else {
            a[i - (n - a.len())]
        };
        let db = if i < n - b.len() {
            1
        } else {
            b[i - (n - b.len())]
        };
        out[i] = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => {
                return Err(Error::ShapeMismatch {
                    op,
                    lhs: a.to_vec(),
                    rhs: b.to_vec(),
                })
            }
        };
    }
    Ok(out)
}

/// `x` broadcast to `shape` (NumPy rules: trailing axes align).
pub fn broadcast_to(x: &Tensor, shape: &[usize]) -> Result<Tensor> {
    crate::tensor::check_ndim("broadcast_to", shape)?;
    let s = x.dims();
    if s == shape {
        return Ok(x.clone());
    }
    let ok = s.len() <= shape.len()
        && s.iter()
            .zip(&shape[shape.len() - s.len()..])
            .all(|(&a, &b)| a == b || a == 1);
    if !ok {
        return Err(Error::ShapeMismatch {
            op: "broadcast_to",
            lhs: s.to_vec(),
            rhs: shape.to_vec(),
        });
    }
    let dims: crate::layout::Dims = (shape.len() - s.len()..shape.len()).collect();
    // A constant (no interpreter can trace it) becomes a view directly: the checks above are
    // the primitive's, and this skips `bind` for the scalars of `x * 2`.
    if let crate::tensor::Repr::Concrete(c) = &*x.0 {
        if crate::layout::checked_numel(shape, x.dtype().size_in_bytes()).is_some() {
            let layout = c.layout.broadcast_in_dim(shape, &dims);
            return Ok(Tensor::from_concrete(c.storage.clone(), layout));
        }
    }
    prim::broadcast_in_dim(x, shape, &dims)
}

/// The dtype two operands promote to (reference §5).
pub fn result_dtype(a: &Operand, b: &Operand) -> DType {
    match (a, b) {
        (Operand::Tensor(x), Operand::Tensor(y)) => DType::promote(x.dtype(), y.dtype()),
        (Operand::Tensor(x), Operand::Scalar(s)) | (Operand::Scalar(s), Operand::Tensor(x)) => {
            x.dtype().promote_with_scalar(*s)
        }
        (Operand::Scalar(s), Operand::Scalar(t)) => {
            DType::promote(s.default_dtype(), t.default_dtype())
        }
    }
}

fn operand_tensor(o: &Operand, dtype: DType) -> Result<Tensor> {
    match o {
        Operand::Tensor(t) => prim::cast(t, dtype),
        Operand::Scalar(s) => Ok(Tensor::full_scalar(*s, dtype)),
    }
}

/// The ops of [`align`] that compare (their result is Bool whatever the operands' dtype).
const COMPARISONS: [&str; 6] = [
    "Equal",
    "NotEqual",
    "Less",
    "LessEqual",
    "Greater",
    "GreaterEqual",
];

/// Both operands as tensors of `dtype` (or their promoted dtype), broadcast to a common shape.
pub(crate) fn align(
    op: &'static str,
    a: &Operand,
    b: &Operand,
    dtype: Option<DType>,
) -> Result<(Tensor, Tensor)> {
    let mut d = dtype.unwrap_or_else(|| result_dtype(a, b));
    // An integer scalar outside the dtype's range is an error (it would wrap), except in a
    // comparison, which is exact in Int64 (as NumPy compares `int32_array == 2**40`).
    for s in [a, b].into_iter().filter_map(|o| match o {
        Operand::Scalar(s) => Some(*s),
        Operand::Tensor(_) => None,
    }) {
        if !crate::tensor::scalar_fits(s, d) && COMPARISONS.contains(&op) {
            d = DType::Int64;
        }
        crate::tensor::check_scalar_fits(op, s, d)?;
    }
    let (x, y) = (operand_tensor(a, d)?, operand_tensor(b, d)?);
    if x.dims() == y.dims() {
        return Ok((x, y));
    }
    let shape = broadcast_dims(op, x.dims(), y.dims())?;
    Ok((broadcast_to(&x, &shape)?, broadcast_to(&y, &shape)?))
}

/// Normalises a possibly negative axis for a tensor of `ndim` dimensions.
pub fn normalize_axis(op: &'static str, axis: i64, shape: &[usize]) -> Result<usize> {
    let nd = shape.len() as i64;
    if axis < -nd.max(1) || axis >= nd.max(1) {
        return Err(Error::AxisOutOfRange {
            op,
            axis,
            lo: -nd.max(1),
            hi: nd.max(1),
            shape: shape.to_vec(),
        });
    }
    Ok(if axis < 0 { axis + nd } else { axis }.max(0) as usize)
}

/// Normalised, sorted, distinct axes; `None` means every axis.
pub(crate) fn normalize_axes(
    op: &'static str,
    axes: Option<&[i64]>,
    shape: &[usize],
) -> Result<Vec<usize>> {
    let mut out = match axes {
        None => (0..shape.len()).collect::<Vec<_>>(),
        Some(axes) => {
            let mut v = Vec::with_capacity(axes.len());
            for &a in axes {
                let a = normalize_axis(op, a, shape)?;
                if v.contains(&a) {
                    return Err(Error::invalid(
                        op,
                        format!("axis {a} is repeated in {axes:?}"),
                    ));
                }
                v.push(a);
            }
            v
        }
    };
    out.sort_unstable();
    out.retain(|&a| a < shape.len());
    Ok(out)
}

//! The entry of `Linalg(LinalgOp)`: the inverse, determinant, `log|det|` and sign of the
//! determinant of each square matrix of a Float32 or Float64 `[..., n, n]` value. The algorithms
//! (and what a singular matrix gives) are in `op::linalg`; the derivatives, written with the
//! inverse itself and `MatMul`, are here:
//!
//! - `d(A⁻¹) = -A⁻¹·dA·A⁻¹`, so the cotangent is `-A⁻ᵀ·ct·A⁻ᵀ`;
//! - `d det A = det A · tr(A⁻¹·dA)`, cotangent `ct·det A·A⁻ᵀ`;
//! - `d log|det A| = tr(A⁻¹·dA)`, cotangent `ct·A⁻ᵀ`;
//! - the sign is locally constant: no derivative.

use super::bind::bind;
use super::check::arity;
use super::support::{map, one, swap_last, unreduce};
use super::{matmul, mul, neg, reduce_sum, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::LinalgOp;
use crate::tensor::Tensor;
use smallvec::smallvec;

/// The last two axes of a `[..., n, n]` value.
fn matrix_axes(x: &Tensor) -> [usize; 2] {
    let r = x.ndim();
    [r - 2, r - 1]
}

/// `A⁻ᵀ`.
fn inverse_transposed(a: &Tensor) -> Result<Tensor> {
    swap_last(&linalg(LinalgOp::Inverse, a)?)
}

/// `tr(A⁻¹·t)` of each matrix: `Σ A⁻ᵀ ⊙ t`.
fn trace_inverse_times(a: &Tensor, t: &Tensor) -> Result<Tensor> {
    reduce_sum(&mul(&inverse_transposed(a)?, t)?, &matrix_axes(a))
}

/// `s` (one number per matrix) times `A⁻ᵀ`.
fn times_inverse_transposed(a: &Tensor, s: &Tensor) -> Result<Tensor> {
    let s = unreduce(s, a.dims(), &matrix_axes(a))?;
    mul(&s, &inverse_transposed(a)?)
}

impl Rule for LinalgOp {
    fn name(&self) -> &'static str {
        LinalgOp::name(*self)
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity(self.name(), ins, 1)?;
        let (shape, dtype) = ins[0];
        if !matches!(dtype, DType::Float32 | DType::Float64) {
            return Err(Error::UnsupportedDType {
                op: self.name(),
                dtype,
                expected: "Float32 or Float64",
            });
        }
        let r = shape.len();
        if r < 2 || shape[r - 1] != shape[r - 2] {
            return Err(Error::invalid(
                self.name(),
                format!("expected square matrices [..., n, n], got shape {shape:?}"),
            ));
        }
        let out = if self.keeps_matrix() {
            shape
        } else {
            &shape[..r - 2]
        };
        Ok((Dims::from_slice(out), dtype))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(self.name(), ins)?.linalg(*self, ins[0])?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        let a = &x[0];
        match self {
            // -A⁻¹·t·A⁻¹
            LinalgOp::Inverse => map(&x_t[0], |t| neg(&matmul(&matmul(out, t)?, out)?)),
            LinalgOp::Det => map(&x_t[0], |t| mul(out, &trace_inverse_times(a, t)?)),
            LinalgOp::LogAbsDet => map(&x_t[0], |t| trace_inverse_times(a, t)),
            LinalgOp::SignDet => Ok(None),
        }
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        let a = &x[0];
        match self {
            LinalgOp::Inverse => {
                let inv_t = swap_last(out)?;
                one(neg(&matmul(&matmul(&inv_t, ct)?, &inv_t)?))
            }
            LinalgOp::Det => one(times_inverse_transposed(a, &mul(ct, out)?)),
            LinalgOp::LogAbsDet => one(times_inverse_transposed(a, ct)),
            LinalgOp::SignDet => Ok(smallvec![None]),
        }
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        // The batch axis is one more leading axis of matrices.
        linalg(*self, &vals[0])
    }

    fn differentiable(&self) -> bool {
        *self != LinalgOp::SignDet
    }
}

/// The `Linalg(op)` primitive.
pub fn linalg(op: LinalgOp, x: &Tensor) -> Result<Tensor> {
    bind(Prim::Linalg(op), &[x])
}

/// The `MatrixInverse` primitive.
pub fn inverse(x: &Tensor) -> Result<Tensor> {
    linalg(LinalgOp::Inverse, x)
}

/// The `MatrixDeterminant` primitive.
pub fn det(x: &Tensor) -> Result<Tensor> {
    linalg(LinalgOp::Det, x)
}

/// The `LogAbsDeterminant` primitive.
pub fn log_abs_det(x: &Tensor) -> Result<Tensor> {
    linalg(LinalgOp::LogAbsDet, x)
}

/// The `SignDeterminant` primitive.
pub fn sign_det(x: &Tensor) -> Result<Tensor> {
    linalg(LinalgOp::SignDet, x)
}

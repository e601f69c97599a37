//! The entry of `Linalg(LinalgOp)`: the inverse, determinant, `log|det|` and sign of the
//! determinant of each square matrix of a `[..., n, n]` value, and the SVD (`s`, `U`, `V` packed
//! in one output) of each matrix of a `[..., m, n]` value; Float32, Float64, Complex64 or
//! Complex128. The algorithms
//! (and what a singular matrix gives) are in `op::linalg`; the derivatives, written with the
//! inverse itself and `MatMul`, are here:
//!
//! - `d(A⁻¹) = -A⁻¹·dA·A⁻¹`, so the cotangent is `-A⁻ᵀ·ct·A⁻ᵀ`;
//! - `d det A = det A · tr(A⁻¹·dA)`, cotangent `ct·det A·A⁻ᵀ`;
//! - `d log|det A| = tr(A⁻¹·dA)`, cotangent `ct·A⁻ᵀ`;
//! - complex matrices (the square-matrix ops take Complex64/Complex128 too) conjugate the
//!   partials in the cotangents (`-A⁻ᴴ·ct·A⁻ᴴ`, `ct·conj(det A·A⁻ᵀ)`), and `log|det|`, a real
//!   function, has `Re tr(A⁻¹·dA)` and the cotangent `Re(ct)·conj(A⁻ᵀ)`;
//! - the sign is locally constant: no derivative;
//! - the Cholesky factor `L` of `A = L·Lᵀ`: `dL = L·Φ(L⁻¹·dA·L⁻ᵀ)`, `Φ` the lower triangle with
//!   its diagonal halved; the cotangent is the symmetric part of `L⁻ᵀ·Φ(Lᵀ·ct)·L⁻¹` (the
//!   input is read as symmetric);
//! - the SVD's rules are in `svd_rules.rs`, the eigendecomposition's in `eig_rules.rs`.

use super::bind::bind;
use super::check::arity;
use super::eig_rules as eig;
use super::support::{full_like, map, one, real_part, swap_last, unreduce};
use super::svd_rules as svd;
use super::{
    add, broadcast_in_dim, cast, conj, matmul, mul, neg, reduce_sum, Aval, Cts, Opt, Prim, Rule,
};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::{LinalgOp, SvdParts, SvdParts::Complete};
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

/// `s` (one number per matrix) times `conj(A⁻ᵀ)` (the cotangents: a complex holomorphic `f`
/// sends `g` back as `g · conj(f')`, `prim::conj`; the identity for real matrices).
fn times_inverse_adjoint(a: &Tensor, s: &Tensor) -> Result<Tensor> {
    let s = unreduce(s, a.dims(), &matrix_axes(a))?;
    mul(&s, &conj(&inverse_transposed(a)?)?)
}

/// `Φ(x)`: the lower triangle of each matrix of `x` with its diagonal halved.
fn lower_half_diagonal(x: &Tensor) -> Result<Tensor> {
    let n = x.dims()[x.ndim() - 1];
    let mask: Vec<f64> = (0..n * n)
        .map(|e| match (e / n).cmp(&(e % n)) {
            std::cmp::Ordering::Greater => 1.0,
            std::cmp::Ordering::Equal => 0.5,
            std::cmp::Ordering::Less => 0.0,
        })
        .collect();
    let r = x.ndim();
    let mask = cast(&Tensor::from_vec(mask, &[n, n])?, x.dtype())?;
    mul(x, &broadcast_in_dim(&mask, x.dims(), &[r - 2, r - 1])?)
}

/// The Cholesky cotangent: `sym(L⁻ᵀ·Φ(Lᵀ·ct)·L⁻¹)`.
fn cholesky_vjp(l: &Tensor, ct: &Tensor) -> Result<Tensor> {
    let l_inv = linalg(LinalgOp::Inverse, l)?;
    let p = lower_half_diagonal(&matmul(&swap_last(l)?, ct)?)?;
    let s = matmul(&matmul(&swap_last(&l_inv)?, &p)?, &l_inv)?;
    mul(&add(&s, &swap_last(&s)?)?, &full_like(&s, 0.5)?)
}

impl Rule for LinalgOp {
    fn name(&self) -> &'static str {
        LinalgOp::name(*self)
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity(self.name(), ins, 1)?;
        let (shape, dtype) = ins[0];
        let (ok, expected): (&[DType], _) = if *self == LinalgOp::Cholesky {
            (&[DType::Float32, DType::Float64], "Float32 or Float64")
        } else if let LinalgOp::Eig { .. } = self {
            // Real matrices are cast to complex first (their eigenvalues are complex).
            (
                &[DType::Complex64, DType::Complex128],
                "Complex64 or Complex128",
            )
        } else {
            (
                &[
                    DType::Float32,
                    DType::Float64,
                    DType::Complex64,
                    DType::Complex128,
                ],
                "Float32, Float64, Complex64 or Complex128",
            )
        };
        if !ok.contains(&dtype) {
            return Err(Error::UnsupportedDType {
                op: self.name(),
                dtype,
                expected,
            });
        }
        let r = shape.len();
        if r < 2 || (self.needs_square() && shape[r - 1] != shape[r - 2]) {
            let what = if self.needs_square() {
                "square matrices [..., n, n]"
            } else {
                "matrices [..., m, n]"
            };
            return Err(Error::invalid(
                self.name(),
                format!("expected {what}, got shape {shape:?}"),
            ));
        }
        let mut out = Dims::from_slice(&shape[..r - 2]);
        out.extend(self.out_dims(shape[r - 2], shape[r - 1]));
        Ok((out, dtype))
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
            // log|det| is real: Re tr(A⁻¹·t) (kept in a complex dtype for complex matrices).
            LinalgOp::LogAbsDet => map(&x_t[0], |t| real_part(&trace_inverse_times(a, t)?)),
            LinalgOp::SignDet => Ok(None),
            // L·Φ(L⁻¹·t·L⁻ᵀ)
            LinalgOp::Cholesky => map(&x_t[0], |t| {
                let l_inv = linalg(LinalgOp::Inverse, out)?;
                let inner = matmul(&matmul(&l_inv, t)?, &swap_last(&l_inv)?)?;
                matmul(out, &lower_half_diagonal(&inner)?)
            }),
            LinalgOp::Svd(SvdParts::Values) => map(&x_t[0], |t| svd::values_jvp(a, t)),
            LinalgOp::Svd(parts) => map(&x_t[0], |t| svd::jvp(*parts == Complete, a, out, t)),
            LinalgOp::Eig { vectors } => map(&x_t[0], |t| eig::jvp(*vectors, a, out, t)),
        }
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        let a = &x[0];
        match self {
            LinalgOp::Inverse => {
                let inv_h = conj(&swap_last(out)?)?;
                one(neg(&matmul(&matmul(&inv_h, ct)?, &inv_h)?))
            }
            LinalgOp::Det => one(times_inverse_adjoint(a, &mul(ct, &conj(out)?)?)),
            // Re tr(A⁻¹·t) = Re ⟨conj(A⁻ᵀ), t⟩: the real part of the cotangent counts.
            LinalgOp::LogAbsDet => one(times_inverse_adjoint(a, &real_part(ct)?)),
            LinalgOp::SignDet => Ok(smallvec![None]),
            LinalgOp::Cholesky => one(cholesky_vjp(out, ct)),
            LinalgOp::Svd(SvdParts::Values) => one(svd::values_vjp(a, ct)),
            LinalgOp::Svd(parts) => one(svd::vjp(*parts == Complete, a, out, ct)),
            LinalgOp::Eig { vectors } => one(eig::vjp(*vectors, a, out, ct)),
        }
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        // The batch axis is one more leading axis of matrices.
        linalg(*self, &vals[0])
    }

    fn params(&self) -> String {
        match self {
            LinalgOp::Svd(parts) => format!("{parts:?}"),
            LinalgOp::Eig { vectors } => format!("vectors={vectors}"),
            LinalgOp::Inverse
            | LinalgOp::Det
            | LinalgOp::LogAbsDet
            | LinalgOp::SignDet
            | LinalgOp::Cholesky => String::new(),
        }
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

/// The `Cholesky` primitive (the lower factor).
pub fn cholesky(x: &Tensor) -> Result<Tensor> {
    linalg(LinalgOp::Cholesky, x)
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

/// The singular values of each matrix of `x` (`[..., m, n]`), descending, in the real dtype. A
/// plain call runs the values-only `Svd` (no vectors computed); a traced `x` (under `grad`, `jit`
/// or `vmap`) the reduced one, whose derivative rules read the vectors from its output (the
/// values-only rules would run the decomposition a second time).
pub fn svdvals(x: &Tensor) -> Result<Tensor> {
    if x.is_traced() {
        return Ok(svd(x, false)?.0);
    }
    let s = linalg(LinalgOp::Svd(SvdParts::Values), x)?;
    cast(&s, x.dtype().real())
}

/// The SVD of each matrix of `x` (`[..., m, n]`, real or complex): `(s, U, V)` with
/// `A = U·diag(s)·Vᴴ`, `s` in the real dtype, reduced (`U` `[..., m, k]`, `V` `[..., n, k]`) or
/// complete (`full`: `[..., m, m]`, `[..., n, n]`). One `Svd` primitive, sliced.
pub fn svd(x: &Tensor, full: bool) -> Result<(Tensor, Tensor, Tensor)> {
    let parts = if full {
        SvdParts::Complete
    } else {
        SvdParts::Reduced
    };
    let packed = linalg(LinalgOp::Svd(parts), x)?;
    // The primitive checked that x has at least two axes.
    let r = x.ndim();
    let (s, u, v) = svd::unpack(&packed, x.dims()[r - 2], x.dims()[r - 1], full)?;
    Ok((cast(&s, x.dtype().real())?, u, v))
}

/// The eigenvalues `w` (`[..., n]`, ascending `|w|`) and, with `vectors`, the unit eigenvectors
/// `V` (`[..., n, n]`, columns) of each matrix of `x` (`[..., n, n]`; real matrices are cast to
/// the complex dtype of their precision). One `Eig` primitive, sliced; a traced `x` runs the one
/// with vectors (whose rules read them from its output).
pub fn eig(x: &Tensor, vectors: bool) -> Result<(Tensor, Option<Tensor>)> {
    let complex = match x.dtype() {
        DType::Float32 => DType::Complex64,
        DType::Float64 => DType::Complex128,
        DType::Complex64 | DType::Complex128 => x.dtype(),
        dtype => {
            return Err(Error::UnsupportedDType {
                op: "Eig",
                dtype,
                expected: "Float32, Float64, Complex64 or Complex128",
            })
        }
    };
    let z = if complex != x.dtype() {
        cast(x, complex)?
    } else {
        x.clone()
    };
    let with_vectors = vectors || x.is_traced();
    let packed = linalg(
        LinalgOp::Eig {
            vectors: with_vectors,
        },
        &z,
    )?;
    // The primitive checked that x is [..., n, n].
    let n = x.dims()[x.ndim() - 1];
    let (w, v) = eig::unpack(&packed, n, with_vectors)?;
    Ok((w, if vectors { v } else { None }))
}

//! The derivatives of the SVD factors (the `Linalg` SVD primitives, as [`Factor`]s),
//! written with the factors themselves and `MatMul`, so they differentiate again. With
//! `A = U·S·Vᵀ` (`[..., m, n]`, `k = min(m, n)`, `S = diag(s)`), `dP = Uᵀ·dA·V` and
//! `F_ij = 1 / (s_j² − s_i²)` off the diagonal, 0 on it (and 0 where two singular values are
//! equal, where the vectors are not differentiable), following Townsend, *Differentiating the
//! Singular Value Decomposition* (2016):
//!
//! - `ds = diag(dP)`; cotangent `U·diag(s̄)·Vᵀ`;
//! - `dU = U·(F ∘ (dP·S + S·dPᵀ)) + (I − UUᵀ)·dA·V·S⁻¹`;
//!   cotangent `U·(F ∘ (UᵀŪ − ŪᵀU))·S·Vᵀ + (I − UUᵀ)·Ū·S⁻¹·Vᵀ`;
//! - `dV = V·(F ∘ (S·dP + dPᵀ·S)) + (I − VVᵀ)·dAᵀ·U·S⁻¹`;
//!   cotangent `U·S·(F ∘ (VᵀV̄ − V̄ᵀV))·Vᵀ + U·S⁻¹·V̄ᵀ·(I − VVᵀ)`.
//!
//! The projection terms vanish when `U` (`V`) is square and are then left out (they would
//! multiply a rounding residue by `S⁻¹`). The complete factors' extra columns are an arbitrary
//! basis of the complement: they get a zero tangent and their cotangent is dropped.

use super::support::{swap_last, unreduce};
use super::{add, broadcast_in_dim, concat, div, eq, full_like, matmul, mul, reduce_sum, select};
use super::{slice, sub, svd};
use crate::error::Result;
use crate::tensor::Tensor;

/// Which factor a rule is for (`full`: the complete `U` or `V`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Factor {
    /// The singular values.
    S,
    /// The left singular vectors.
    U { full: bool },
    /// The right singular vectors.
    V { full: bool },
}

/// `x·diag(s)`: column `j` of `x` times `s_j`.
fn scale_cols(x: &Tensor, s: &Tensor) -> Result<Tensor> {
    mul(x, &unreduce(s, x.dims(), &[x.ndim() - 2])?)
}

/// `diag(s)·x`: row `i` of `x` times `s_i`.
fn scale_rows(x: &Tensor, s: &Tensor) -> Result<Tensor> {
    mul(x, &unreduce(s, x.dims(), &[x.ndim() - 1])?)
}

/// `1 / s`, elementwise.
fn recip(s: &Tensor) -> Result<Tensor> {
    div(&full_like(s, 1.0)?, s)
}

/// `F` (`[..., k, k]`): `1 / (s_j² − s_i²)`, 0 where the difference is 0 (the diagonal).
fn f_matrix(s: &Tensor) -> Result<Tensor> {
    let s2 = mul(s, s)?;
    let r = s.ndim();
    let mut shape = s.dims().to_vec();
    shape.push(s.dims()[r - 1]);
    // (i, j) ↦ s_j² minus (i, j) ↦ s_i².
    let d = sub(
        &unreduce(&s2, &shape, &[r - 1])?,
        &unreduce(&s2, &shape, &[r])?,
    )?;
    let zero = full_like(&d, 0.0)?;
    let equal = eq(&d, &zero)?;
    let safe = select(&equal, &full_like(&d, 1.0)?, &d)?;
    select(&equal, &zero, &recip(&safe)?)
}

/// `x − q·(qᵀ·x)` (the part of `x` outside the column span of `q`).
fn project_out(q: &Tensor, x: &Tensor) -> Result<Tensor> {
    sub(x, &matmul(q, &matmul(&swap_last(q)?, x)?)?)
}

/// `aᵀ·b − bᵀ·a` (skew-symmetric).
fn skew(a: &Tensor, b: &Tensor) -> Result<Tensor> {
    sub(&matmul(&swap_last(a)?, b)?, &matmul(&swap_last(b)?, a)?)
}

/// The first `k` columns of `x`.
fn first_cols(x: &Tensor, k: usize) -> Result<Tensor> {
    let dims = x.dims();
    let r = dims.len();
    let mut limits = dims.to_vec();
    limits[r - 1] = k;
    slice(x, &vec![0; r], &limits, &vec![1; r])
}

/// `x` with zero columns appended up to `cols`.
fn pad_cols(x: &Tensor, cols: usize) -> Result<Tensor> {
    let r = x.ndim();
    let mut shape = x.dims().to_vec();
    if shape[r - 1] == cols {
        return Ok(x.clone());
    }
    shape[r - 1] = cols - shape[r - 1];
    let zero = Tensor::full_scalar(0.0.into(), x.dtype());
    concat(&[x.clone(), broadcast_in_dim(&zero, &shape, &[])?], r - 1)
}

/// The tangent of the factor's value at `a` along `t`.
pub(super) fn jvp(factor: Factor, a: &Tensor, t: &Tensor) -> Result<Tensor> {
    let (s, u, v) = svd(a, false)?;
    let (m, n) = (u.dims()[u.ndim() - 2], v.dims()[v.ndim() - 2]);
    let tv = matmul(t, &v)?;
    match factor {
        // ds_j = u_jᵀ·dA·v_j
        Factor::S => reduce_sum(&mul(&u, &tv)?, &[u.ndim() - 2]),
        Factor::U { full } => {
            let dp = matmul(&swap_last(&u)?, &tv)?;
            let inner = add(&scale_cols(&dp, &s)?, &scale_rows(&swap_last(&dp)?, &s)?)?;
            let mut du = matmul(&u, &mul(&f_matrix(&s)?, &inner)?)?;
            if m > s.dims()[s.ndim() - 1] {
                du = add(
                    &du,
                    &scale_cols(&sub(&tv, &matmul(&u, &dp)?)?, &recip(&s)?)?,
                )?;
            }
            if full {
                du = pad_cols(&du, m)?;
            }
            Ok(du)
        }
        Factor::V { full } => {
            let tu = matmul(&swap_last(t)?, &u)?;
            let dp = matmul(&swap_last(&u)?, &tv)?;
            let inner = add(&scale_rows(&dp, &s)?, &scale_cols(&swap_last(&dp)?, &s)?)?;
            let mut dv = matmul(&v, &mul(&f_matrix(&s)?, &inner)?)?;
            if n > s.dims()[s.ndim() - 1] {
                let dpt = swap_last(&dp)?;
                dv = add(
                    &dv,
                    &scale_cols(&sub(&tu, &matmul(&v, &dpt)?)?, &recip(&s)?)?,
                )?;
            }
            if full {
                dv = pad_cols(&dv, n)?;
            }
            Ok(dv)
        }
    }
}

/// The cotangent of `a` from the cotangent `ct` of the factor (of a complete factor, its first
/// `k` columns count).
pub(super) fn vjp(factor: Factor, a: &Tensor, ct: &Tensor) -> Result<Tensor> {
    let (s, u, v) = svd(a, false)?;
    let k = s.dims()[s.ndim() - 1];
    let (m, n) = (u.dims()[u.ndim() - 2], v.dims()[v.ndim() - 2]);
    let vt = swap_last(&v)?;
    match factor {
        Factor::S => matmul(&scale_cols(&u, ct)?, &vt),
        Factor::U { .. } => {
            let ct = first_cols(ct, k)?;
            let j = mul(&f_matrix(&s)?, &skew(&u, &ct)?)?;
            let mut inner = matmul(&u, &scale_cols(&j, &s)?)?;
            if m > k {
                inner = add(&inner, &scale_cols(&project_out(&u, &ct)?, &recip(&s)?)?)?;
            }
            matmul(&inner, &vt)
        }
        Factor::V { .. } => {
            let ct = first_cols(ct, k)?;
            let kk = mul(&f_matrix(&s)?, &skew(&v, &ct)?)?;
            let mut out = matmul(&u, &matmul(&scale_rows(&kk, &s)?, &vt)?)?;
            if n > k {
                let right = swap_last(&project_out(&v, &ct)?)?;
                out = add(&out, &matmul(&scale_cols(&u, &recip(&s)?)?, &right)?)?;
            }
            Ok(out)
        }
    }
}

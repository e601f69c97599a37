//! The derivatives of `Linalg(Eig { vectors })`, whose output packs the eigenvalues `w` and
//! (with `vectors`) the unit eigenvectors `V` of each complex matrix `A = V·diag(w)·V⁻¹` into
//! one vector ([`unpack`] cuts it apart). With `E_ij = w_j − w_i` off the diagonal (1 on it) and
//! `P = V⁻¹·dA·V`, following the perturbation theory PyTorch's `linalg_eig` rules also use:
//!
//! - `dw = diag(P)`;
//! - `dV = V·(P / E with a zero diagonal)`, minus `V·diag(Re diag(Vᴴ·that))`, which keeps every
//!   column at unit norm;
//! - the cotangent `V⁻ᴴ·(X with the diagonal replaced by w̄)·Vᴴ`, where
//!   `X = (Vᴴ·V̄ − Vᴴ·V·diag(Re diag(Vᴴ·V̄))) / conj(E)` (`w̄`, `V̄` the output cotangents).
//!
//! Each eigenvector is defined up to a phase (unit norm fixes only its length); the kernel picks
//! MindSpore's (`op::eig`), the rules the one with `Im diag(Vᴴ·dV) = 0` as PyTorch's: a function
//! of the phases gets that gauge's derivative, every phase-invariant one (`w`, `|V|`, `v_j·v_jᴴ`)
//! its exact derivative. Repeated eigenvalues make `E` vanish and the vectors non-differentiable
//! (the quotient is then infinite, as in PyTorch). The values-only `Eig` reads `V` from a
//! decomposition with vectors of the primal input (one more primitive call, so the rules
//! differentiate again). The rules are written with the inverse and `MatMul`, so they
//! differentiate again too.

use super::support::{real_part, unpack_piece, unreduce};
use super::svd_rules::{adj, diag_of_product, scale_cols, unless_zero};
use super::{add, broadcast_in_dim, cast, concat, conj, div, inverse, linalg, matmul, mul};
use super::{reshape, sub};
use crate::error::Result;
use crate::op::LinalgOp;
use crate::tensor::Tensor;

/// `w` (`[..., n]`) and, with `vectors` (`packed` is `[..., n + n²]`), `V` (`[..., n, n]`) of a
/// packed output of `n × n` matrices.
pub(super) fn unpack(packed: &Tensor, n: usize, vectors: bool) -> Result<(Tensor, Option<Tensor>)> {
    let piece = |from: usize, len: usize, shape: &[usize]| unpack_piece(packed, from, len, shape);
    let w = piece(0, n, &[n])?;
    let v = match vectors {
        true => Some(piece(n, n * n, &[n, n])?),
        false => None,
    };
    Ok((w, v))
}

/// `w` and `V` packed along a new last axis (the inverse of [`unpack`]).
fn pack(w: &Tensor, v: &Tensor) -> Result<Tensor> {
    let mut shape = w.dims().to_vec();
    let n = shape.pop().unwrap_or(0);
    shape.push(n * n);
    concat(&[w.clone(), reshape(v, &shape)?], w.ndim() - 1)
}

/// The identity matrices of `m`'s shape and dtype.
fn eye_like(m: &Tensor) -> Result<Tensor> {
    let n = m.dims()[m.ndim() - 1];
    let eye: Vec<f64> = (0..n * n)
        .map(|e| if e / n == e % n { 1.0 } else { 0.0 })
        .collect();
    let r = m.ndim();
    let eye = cast(&Tensor::from_vec(eye, &[n, n])?, m.dtype())?;
    broadcast_in_dim(&eye, m.dims(), &[r - 2, r - 1])
}

/// The diagonal of each matrix of `m` (`[..., n]`).
fn diagonal(m: &Tensor) -> Result<Tensor> {
    super::reduce_sum(&mul(m, &eye_like(m)?)?, &[m.ndim() - 1])
}

/// `m` with its diagonal replaced by `d`.
fn with_diagonal(m: &Tensor, d: &Tensor) -> Result<Tensor> {
    let eye = eye_like(m)?;
    let r = m.ndim();
    let off = sub(m, &mul(m, &eye)?)?;
    add(&off, &mul(&unreduce(d, m.dims(), &[r - 1])?, &eye)?)
}

/// `E` (`[..., n, n]`): `w_j − w_i` off the diagonal, 1 on it.
fn differences(w: &Tensor) -> Result<Tensor> {
    let r = w.ndim() + 1;
    let mut shape = w.dims().to_vec();
    shape.push(shape[r - 2]);
    let d = sub(
        &unreduce(w, &shape, &[r - 2])?,
        &unreduce(w, &shape, &[r - 1])?,
    )?;
    let eye = eye_like(&d)?;
    add(&d, &eye)
}

/// `w` and `V` of `a`, read from `out` when it holds the vectors, else decomposed again.
fn factors(a: &Tensor, out: &Tensor, vectors: bool) -> Result<(Tensor, Tensor)> {
    let n = a.dims()[a.ndim() - 1];
    let with_vectors = match vectors {
        true => out.clone(),
        false => linalg(LinalgOp::Eig { vectors: true }, a)?,
    };
    let (w, v) = unpack(&with_vectors, n, true)?;
    let v = v.ok_or_else(|| crate::error::Error::invalid("Eig", "no eigenvectors unpacked"))?;
    Ok((w, v))
}

/// The tangent of the packed output `out` of `a` along `t`.
pub(super) fn jvp(vectors: bool, a: &Tensor, out: &Tensor, t: &Tensor) -> Result<Tensor> {
    let (w, v) = factors(a, out, vectors)?;
    let p = matmul(&matmul(&inverse(&v)?, t)?, &v)?;
    let dw = diagonal(&p)?;
    if !vectors {
        return Ok(dw);
    }
    let zero = super::support::zeros_like(&dw)?;
    let f = with_diagonal(&div(&p, &differences(&w)?)?, &zero)?;
    let dv0 = matmul(&v, &f)?;
    let dv = sub(
        &dv0,
        &scale_cols(&v, &real_part(&diag_of_product(&v, &dv0)?)?)?,
    )?;
    pack(&dw, &dv)
}

/// The cotangent of `a` from the cotangent `ct` of its packed output `out`.
pub(super) fn vjp(vectors: bool, a: &Tensor, out: &Tensor, ct: &Tensor) -> Result<Tensor> {
    let n = a.dims()[a.ndim() - 1];
    let (w, v) = factors(a, out, vectors)?;
    let (ct_w, ct_v) = unpack(ct, n, vectors)?;
    let vh = adj(&v)?;
    let inner = match ct_v.and_then(unless_zero) {
        Some(ct_v) => {
            let vhg = matmul(&vh, &ct_v)?;
            let re = real_part(&diagonal(&vhg)?)?;
            let x = sub(&vhg, &matmul(&vh, &scale_cols(&v, &re)?)?)?;
            let x = div(&x, &conj(&differences(&w)?)?)?;
            with_diagonal(&x, &ct_w)?
        }
        None => with_diagonal(&super::support::zeros_like(&v)?, &ct_w)?,
    };
    matmul(&adj(&inverse(&v)?)?, &matmul(&inner, &vh)?)
}

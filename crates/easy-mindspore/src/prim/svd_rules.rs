//! The derivatives of `Linalg(Svd(parts))`, whose output packs `s`, `U` and `V` of each matrix
//! into one vector ([`unpack`] cuts it apart). Both rules read the factors from the primal output
//! (no second decomposition) and are written with them and `MatMul`, so they differentiate again.
//! The values-only SVD has no factors to read: its rules ([`values_jvp`], [`values_vjp`]) run the
//! reduced SVD of the primal input (one decomposition, a primitive call, so they differentiate
//! again too).
//! With `A = U·S·Vᴴ` (`[..., m, n]`, `k = min(m, n)`, `S = diag(s)`), `dP = Uᴴ·dA·V` and
//! `F_ij = 1 / (s_j² − s_i²)` off the diagonal, 0 on it (and 0 where two singular values are
//! equal, where the vectors are not differentiable), following Townsend, *Differentiating the
//! Singular Value Decomposition* (2016), with Hermitian transposes for complex matrices:
//!
//! - `ds = Re diag(dP)`;
//! - `dU = U·(F ∘ (dP·S + S·dPᴴ) + i·diag(Im dP_jj / s_j)) + (I − UUᴴ)·dA·V·S⁻¹`;
//! - `dV = V·(F ∘ (S·dP + dPᴴ·S)) + (I − VVᴴ)·dAᴴ·U·S⁻¹`;
//! - cotangent `U·(G + diag(Re s̄ + i·Im diag(UᴴŪ)/s))·Vᴴ + (I − UUᴴ)·Ū·S⁻¹·Vᴴ +
//!   U·S⁻¹·V̄ᴴ·(I − VVᴴ)` with `G = (F ∘ (UᴴŪ − ŪᴴU))·S + S·(F ∘ (VᴴV̄ − V̄ᴴV))`.
//!
//! A complex pair `(u_j, v_j)` is defined up to a common phase `e^{iθ}` (the kernel picks one,
//! `op::svd`); only the sum of the phase moves of `u_j` and `v_j` is fixed by `dA`. These rules
//! put all of it on `u_j` (`Im diag(VᴴdV) = 0`, the `i·Im dP_jj / s_j` term), so the tangent of
//! a single factor can differ from the derivative of the kernel's gauge by `i·θ_j` per column,
//! while every gauge-invariant function (`s`, `U·S·Vᴴ`, `u_j·v_jᴴ`, `|U|`) gets its exact
//! derivative; for a loss that depends on the phases the cotangent is that of this gauge (the
//! one PyTorch's `svd_backward` uses). Real matrices have only signs, locally constant: there
//! every factor is exactly differentiable.
//!
//! The projection terms vanish when `U` (`V`) is square and are then left out (they would
//! multiply a rounding residue by `S⁻¹`). The complete factors' extra columns are an arbitrary
//! basis of the complement: they get a zero tangent and their cotangent is dropped. A cotangent
//! piece that is all zeros (the factor was not used: the reverse sweep fills unused slices of
//! the packed output with zeros) is skipped when its value can be read.

use super::support::{real_part, swap_last, unpack_piece, unreduce};
use super::{add, broadcast_in_dim, cast, concat, div, eq, full_like, matmul, mul, reduce_sum};
use super::{conj, linalg, reshape, select, slice, sub, zeros_like};
use crate::error::Result;
use crate::op::{LinalgOp, SvdParts};
use crate::tensor::Tensor;

/// `(s, U, V)` of a packed SVD output of `m × n` matrices (`[..., L]`), each in the packed
/// dtype: `s` `[..., k]`, `U` `[..., m, m or k]`, `V` `[..., n, n or k]`.
pub(super) fn unpack(
    packed: &Tensor,
    m: usize,
    n: usize,
    full: bool,
) -> Result<(Tensor, Tensor, Tensor)> {
    let k = m.min(n);
    let (cu, cv) = if full { (m, n) } else { (k, k) };
    let piece = |from: usize, len: usize, shape: &[usize]| unpack_piece(packed, from, len, shape);
    Ok((
        piece(0, k, &[k])?,
        piece(k, m * cu, &[m, cu])?,
        piece(k + m * cu, n * cv, &[n, cv])?,
    ))
}

/// `s`, `U`, `V` packed along a new last axis (the inverse of [`unpack`]).
fn pack(s: &Tensor, u: &Tensor, v: &Tensor) -> Result<Tensor> {
    // Each matrix [..., rows, cols] as a vector [..., rows·cols].
    let flat = |x: &Tensor| -> Result<Tensor> {
        let d = x.dims();
        let r = d.len();
        let mut shape = d[..r - 2].to_vec();
        shape.push(d[r - 2] * d[r - 1]);
        reshape(x, &shape)
    };
    concat(&[s.clone(), flat(u)?, flat(v)?], s.ndim() - 1)
}

/// The reduced factors of the matrices `a` (`[..., m, n]`) read from their packed SVD `out`.
struct Factors {
    /// The singular values, in the real dtype.
    s: Tensor,
    /// `U`, `[..., m, k]`, in `a`'s dtype.
    u: Tensor,
    /// `V`, `[..., n, k]`.
    v: Tensor,
    m: usize,
    n: usize,
    k: usize,
    complex: bool,
}

impl Factors {
    fn of(a: &Tensor, out: &Tensor, full: bool) -> Result<Factors> {
        let r = a.ndim();
        let (m, n) = (a.dims()[r - 2], a.dims()[r - 1]);
        let k = m.min(n);
        let (s, u, v) = unpack(out, m, n, full)?;
        Ok(Factors {
            s: cast(&s, a.dtype().real())?,
            u: first_cols(&u, k)?,
            v: first_cols(&v, k)?,
            m,
            n,
            k,
            complex: a.dtype().is_complex(),
        })
    }

    /// `F`, in the factors' dtype.
    fn f(&self) -> Result<Tensor> {
        cast(&f_matrix(&self.s)?, self.u.dtype())
    }

    /// `1 / s`, in the factors' dtype.
    fn s_inv(&self) -> Result<Tensor> {
        let s = cast(&self.s, self.u.dtype())?;
        div(&full_like(&s, 1.0)?, &s)
    }
}

/// `xᴴ` of each matrix.
pub(super) fn adj(x: &Tensor) -> Result<Tensor> {
    conj(&swap_last(x)?)
}

/// `x·diag(s)`: column `j` of `x` times `s_j` (`s` cast to `x`'s dtype).
pub(super) fn scale_cols(x: &Tensor, s: &Tensor) -> Result<Tensor> {
    let s = cast(s, x.dtype())?;
    mul(x, &unreduce(&s, x.dims(), &[x.ndim() - 2])?)
}

/// `diag(s)·x`: row `i` of `x` times `s_i`.
fn scale_rows(x: &Tensor, s: &Tensor) -> Result<Tensor> {
    let s = cast(s, x.dtype())?;
    mul(x, &unreduce(&s, x.dims(), &[x.ndim() - 1])?)
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
    select(&equal, &zero, &div(&full_like(&d, 1.0)?, &safe)?)
}

/// `x − q·(qᴴ·x)` (the part of `x` outside the column span of `q`).
fn project_out(q: &Tensor, x: &Tensor) -> Result<Tensor> {
    sub(x, &matmul(q, &matmul(&adj(q)?, x)?)?)
}

/// `aᴴ·b − bᴴ·a` (skew-Hermitian).
fn skew(a: &Tensor, b: &Tensor) -> Result<Tensor> {
    sub(&matmul(&adj(a)?, b)?, &matmul(&adj(b)?, a)?)
}

/// `diag(aᴴ·b)` (`[..., k]`) without the product: `Σ_i conj(a_ij)·b_ij`.
pub(super) fn diag_of_product(a: &Tensor, b: &Tensor) -> Result<Tensor> {
    reduce_sum(&mul(&conj(a)?, b)?, &[a.ndim() - 2])
}

/// `i·Im z` (`z − Re z`), in `z`'s complex dtype.
fn imag_part_i(z: &Tensor) -> Result<Tensor> {
    sub(z, &real_part(z)?)
}

/// The first `k` columns of `x`.
fn first_cols(x: &Tensor, k: usize) -> Result<Tensor> {
    let dims = x.dims();
    let r = dims.len();
    if dims[r - 1] == k {
        return Ok(x.clone());
    }
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

/// `x`, or `None` when its value is known and every element is +0 (an unused factor).
pub(super) fn unless_zero(x: Tensor) -> Option<Tensor> {
    if x.is_traced() {
        return Some(x);
    }
    match x.to_ne_bytes() {
        Ok(bytes) if bytes.iter().all(|&b| b == 0) => None,
        _ => Some(x),
    }
}

/// `a + b` where either may be absent.
fn plus(a: Option<Tensor>, b: Result<Tensor>) -> Result<Option<Tensor>> {
    let b = b?;
    Ok(Some(match a {
        Some(a) => add(&a, &b)?,
        None => b,
    }))
}

/// The packed tangent of the SVD of `a` along `t`, given the packed primal output `out`.
pub(super) fn jvp(full: bool, a: &Tensor, out: &Tensor, t: &Tensor) -> Result<Tensor> {
    let f = Factors::of(a, out, full)?;
    let (u, v, s) = (&f.u, &f.v, &f.s);
    let tv = matmul(t, v)?;
    let dp = matmul(&adj(u)?, &tv)?;
    let dp_h = adj(&dp)?;
    // diag(dP) and its real part: ds.
    let d = diag_of_product(u, &tv)?;
    let ds = real_part_or_self(&d)?;
    let fm = f.f()?;
    let inner = add(&scale_cols(&dp, s)?, &scale_rows(&dp_h, s)?)?;
    let mut du = matmul(u, &mul(&fm, &inner)?)?;
    if f.complex {
        du = add(&du, &scale_cols(u, &mul(&imag_part_i(&d)?, &f.s_inv()?)?)?)?;
    }
    if f.m > f.k {
        du = add(&du, &scale_cols(&sub(&tv, &matmul(u, &dp)?)?, &f.s_inv()?)?)?;
    }
    let inner = add(&scale_rows(&dp, s)?, &scale_cols(&dp_h, s)?)?;
    let mut dv = matmul(v, &mul(&fm, &inner)?)?;
    if f.n > f.k {
        let tu = matmul(&adj(t)?, u)?;
        dv = add(
            &dv,
            &scale_cols(&sub(&tu, &matmul(v, &dp_h)?)?, &f.s_inv()?)?,
        )?;
    }
    if full {
        du = pad_cols(&du, f.m)?;
        dv = pad_cols(&dv, f.n)?;
    }
    pack(&ds, &du, &dv)
}

/// The reduced factors of `a`, for the rules of the values-only SVD.
fn reduced_factors(a: &Tensor) -> Result<Factors> {
    let out = linalg(LinalgOp::Svd(SvdParts::Reduced), a)?;
    Factors::of(a, &out, false)
}

/// The tangent of the singular values of `a` along `t`: `Re diag(Uᴴ·t·V)`.
pub(super) fn values_jvp(a: &Tensor, t: &Tensor) -> Result<Tensor> {
    let f = reduced_factors(a)?;
    real_part_or_self(&diag_of_product(&f.u, &matmul(t, &f.v)?)?)
}

/// The cotangent of `a` from the cotangent `ct` of its singular values: `U·diag(Re ct)·Vᴴ`.
pub(super) fn values_vjp(a: &Tensor, ct: &Tensor) -> Result<Tensor> {
    let f = reduced_factors(a)?;
    matmul(&scale_cols(&f.u, &real_part_or_self(ct)?)?, &adj(&f.v)?)
}

/// `Re z + 0i` for complex `z`, `z` itself for real.
fn real_part_or_self(z: &Tensor) -> Result<Tensor> {
    if z.dtype().is_complex() {
        real_part(z)
    } else {
        Ok(z.clone())
    }
}

/// The cotangent of `a` from the cotangent `ct` of its packed SVD `out` (of a complete factor,
/// its first `k` columns count).
pub(super) fn vjp(full: bool, a: &Tensor, out: &Tensor, ct: &Tensor) -> Result<Tensor> {
    let f = Factors::of(a, out, full)?;
    let (u, v, s) = (&f.u, &f.v, &f.s);
    let (ct_s, ct_u, ct_v) = unpack(ct, f.m, f.n, full)?;
    let ct_s = unless_zero(ct_s);
    let ct_u = unless_zero(first_cols(&ct_u, f.k)?);
    let ct_v = unless_zero(first_cols(&ct_v, f.k)?);
    // The k × k middle G and the diagonal beside it: U·(G + diag(d))·Vᴴ.
    let (mut g, mut d) = (None, None);
    if let Some(ct_s) = &ct_s {
        d = plus(d, real_part_or_self(ct_s))?;
    }
    if let Some(ct_u) = &ct_u {
        let j = mul(&f.f()?, &skew(u, ct_u)?)?;
        g = plus(g, scale_cols(&j, s))?;
        if f.complex {
            let x = diag_of_product(u, ct_u)?;
            d = plus(d, mul(&imag_part_i(&x)?, &f.s_inv()?))?;
        }
    }
    if let Some(ct_v) = &ct_v {
        let kk = mul(&f.f()?, &skew(v, ct_v)?)?;
        g = plus(g, scale_rows(&kk, s))?;
    }
    let mut left = None;
    if let Some(g) = &g {
        left = plus(left, matmul(u, g))?;
    }
    if let Some(d) = &d {
        left = plus(left, scale_cols(u, d))?;
    }
    if let (Some(ct_u), true) = (&ct_u, f.m > f.k) {
        left = plus(left, scale_cols(&project_out(u, ct_u)?, &f.s_inv()?))?;
    }
    let mut grad = match &left {
        Some(l) => Some(matmul(l, &adj(v)?)?),
        None => None,
    };
    if let (Some(ct_v), true) = (&ct_v, f.n > f.k) {
        let right = adj(&project_out(v, ct_v)?)?;
        grad = plus(grad, matmul(&scale_cols(u, &f.s_inv()?)?, &right))?;
    }
    match grad {
        Some(g) => Ok(g),
        None => zeros_like(a),
    }
}

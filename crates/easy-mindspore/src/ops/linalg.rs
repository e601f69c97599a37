//! `matmul` (NumPy semantics: 1-D operands promoted and squeezed back, batch axes broadcast) and
//! `dot` (`mindspore.numpy.dot`: vector·vector is a sum of products, N-D·M-D contracts the last
//! axis of `a` with the second-to-last of `b`). Operand dtypes must match, as in MindSpore.
//! Then the square-matrix ops over batches `[..., n, n]`: `inverse`, `det`, `slogdet` (the
//! `Linalg` primitives; Float16 determinants are computed in Float32, as MindSpore accepts them),
//! `cholesky`, and `svd`/`svdvals` of `[..., m, n]`.

use super::{broadcast_shapes, broadcast_to, prim};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::tensor::Tensor;

fn same_dtype(op: &'static str, a: &Tensor, b: &Tensor) -> Result<()> {
    if a.dtype() == b.dtype() {
        Ok(())
    } else {
        Err(Error::DTypeMismatch {
            op,
            lhs: a.dtype(),
            rhs: b.dtype(),
        })
    }
}

/// The inverse of each matrix of a Float32 or Float64 `[..., n, n]` tensor (a singular matrix
/// gives MindSpore 2.10's answer, see [`crate::op::LinalgOp`]).
///
/// ```
/// use easy_mindspore as ems;
/// let a = ems::Tensor::from_vec(vec![1.0f64, 2.0, 3.0, 4.0], &[2, 2])?;
/// assert_eq!(ems::inverse(&a)?.to_vec::<f64>(), [-2.0, 1.0, 1.5, -0.5]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn inverse(x: &Tensor) -> Result<Tensor> {
    prim::inverse(x)
}

/// The Cholesky factor of each symmetric positive-definite matrix of a Float32 or Float64
/// `[..., n, n]` tensor: lower `L` with `A = L·Lᵀ` (only `A`'s lower triangle is read), or with
/// `upper` its transpose `U = Lᵀ`, `A = Uᵀ·U`. A matrix that is not positive definite gives NaN
/// from its first non-positive pivot on.
///
/// ```
/// use easy_mindspore as ems;
/// let a = ems::Tensor::from_vec(vec![4.0f64, 2.0, 2.0, 5.0], &[2, 2])?;
/// assert_eq!(ems::cholesky(&a, false)?.to_vec::<f64>(), [2.0, 0.0, 1.0, 2.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn cholesky(x: &Tensor, upper: bool) -> Result<Tensor> {
    let l = prim::cholesky(x)?;
    if upper {
        let r = l.ndim();
        let mut perm: Vec<usize> = (0..r).collect();
        perm.swap(r - 2, r - 1);
        prim::permute(&l, &perm)
    } else {
        Ok(l)
    }
}

/// `x` in a dtype the determinant kernels take (Float16 and BFloat16 become Float32), and the
/// dtype to give the result back in.
fn det_operand(x: &Tensor) -> Result<(Tensor, DType)> {
    match x.dtype() {
        DType::Float16 | DType::BFloat16 => Ok((prim::cast(x, DType::Float32)?, x.dtype())),
        d => Ok((x.clone(), d)),
    }
}

/// The determinant of each matrix of a float `[..., n, n]` tensor, shape `[...]`.
///
/// ```
/// use easy_mindspore as ems;
/// let a = ems::Tensor::from_vec(vec![1.0f64, 2.0, 3.0, 4.0], &[2, 2])?;
/// assert!((ems::det(&a)?.to_f64()? + 2.0).abs() < 1e-15);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn det(x: &Tensor) -> Result<Tensor> {
    let (x, dtype) = det_operand(x)?;
    prim::cast(&prim::det(&x)?, dtype)
}

/// `(sign, log|det|)` of each matrix of a float `[..., n, n]` tensor, both of shape `[...]`;
/// `(0, -inf)` for a singular matrix (and `(0, ±inf)` wherever the log is not finite, as
/// MindSpore 2.10).
pub fn slogdet(x: &Tensor) -> Result<(Tensor, Tensor)> {
    let (x, dtype) = det_operand(x)?;
    Ok((
        prim::cast(&prim::sign_det(&x)?, dtype)?,
        prim::cast(&prim::log_abs_det(&x)?, dtype)?,
    ))
}

/// The singular value decomposition of each matrix of a Float32 or Float64 `[..., m, n]`
/// tensor: `(s, U, V)` with `A = U·diag(s)·Vᵀ` (MindSpore's order, and `V`, not `Vᵀ`); `s`
/// descending, `[..., k]` (`k = min(m, n)`); `U` `[..., m, k]` and `V` `[..., n, k]`, or with
/// `full_matrices` `[..., m, m]` and `[..., n, n]`. Each factor is differentiable (the complete
/// factors' extra columns carry no derivative). See [`crate::op::svd`] for the signs.
///
/// ```
/// use easy_mindspore as ems;
/// let a = ems::Tensor::from_vec(vec![3.0f64, 0.0, 0.0, -4.0], &[2, 2])?;
/// let (s, u, v) = ems::svd(&a, false)?;
/// assert_eq!(s.to_vec::<f64>(), [4.0, 3.0]);
/// assert_eq!(u.to_vec::<f64>(), [0.0, 1.0, 1.0, 0.0]);
/// assert_eq!(v.to_vec::<f64>(), [0.0, 1.0, -1.0, 0.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn svd(x: &Tensor, full_matrices: bool) -> Result<(Tensor, Tensor, Tensor)> {
    prim::svd(x, full_matrices)
}

/// The singular values of each matrix of a Float32 or Float64 `[..., m, n]` tensor, descending.
pub fn svdvals(x: &Tensor) -> Result<Tensor> {
    prim::svdvals(x)
}

/// The eigenvalues `w` (`[..., n]`) and, with `vectors`, the unit right eigenvectors `V`
/// (`[..., n, n]`, as columns: `A·V = V·diag(w)`) of each square matrix of a Float32, Float64,
/// Complex64 or Complex128 tensor, in the complex dtype of its precision; eigenvalues in
/// ascending magnitude, as MindSpore's `ops.eig` (see [`crate::op::eig`]). Differentiable
/// (MindSpore's is not) where the eigenvalues are distinct.
///
/// ```
/// use easy_mindspore as ems;
/// let a = ems::Tensor::from_vec(vec![2.0f64, 0.0, 0.0, -1.0], &[2, 2])?;
/// let (w, v) = ems::eig(&a, true)?;
/// assert_eq!(w.to_vec::<ems::dtype::C128>(), [ems::dtype::C128::new(-1.0, 0.0), ems::dtype::C128::new(2.0, 0.0)]);
/// assert!(v.is_some());
/// # Ok::<(), ems::Error>(())
/// ```
pub fn eig(x: &Tensor, vectors: bool) -> Result<(Tensor, Option<Tensor>)> {
    prim::eig(x, vectors)
}

/// Matrix product with NumPy's rules.
pub fn matmul(a: &Tensor, b: &Tensor) -> Result<Tensor> {
    same_dtype("MatMul", a, b)?;
    let mismatch = || Error::MatMulMismatch {
        op: "MatMul",
        lhs: a.shape(),
        rhs: b.shape(),
    };
    if a.ndim() == 0 || b.ndim() == 0 {
        return Err(mismatch());
    }
    let a2 = if a.ndim() == 1 {
        prim::reshape(a, &[1, a.dims()[0]])?
    } else {
        a.clone()
    };
    let b2 = if b.ndim() == 1 {
        prim::reshape(b, &[b.dims()[0], 1])?
    } else {
        b.clone()
    };
    let (ad, bd) = (a2.dims(), b2.dims());
    let (m, k) = (ad[ad.len() - 2], ad[ad.len() - 1]);
    let (k2, n) = (bd[bd.len() - 2], bd[bd.len() - 1]);
    if k != k2 {
        return Err(mismatch());
    }
    let batch = broadcast_shapes("MatMul", &ad[..ad.len() - 2], &bd[..bd.len() - 2])
        .map_err(|_| mismatch())?;
    let a3 = broadcast_to(&a2, &[batch.as_slice(), &[m, k]].concat())?;
    let b3 = broadcast_to(&b2, &[batch.as_slice(), &[k, n]].concat())?;
    let out = prim::matmul(&a3, &b3)?;
    let mut shape = batch;
    if a.ndim() > 1 {
        shape.push(m);
    }
    if b.ndim() > 1 {
        shape.push(n);
    }
    prim::reshape(&out, &shape)
}

/// `mindspore.numpy.dot`.
///
/// ```
/// use easy_mindspore as ems;
/// let x = ems::arange(0.0, 4.0, 1.0)?;
/// assert_eq!(ems::dot(&x, &x)?.to_f64()?, 14.0);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn dot(a: &Tensor, b: &Tensor) -> Result<Tensor> {
    same_dtype("MatMul", a, b)?;
    let not_aligned = || {
        Error::invalid(
            "dot",
            format!("shapes {:?} and {:?} are not aligned", a.dims(), b.dims()),
        )
    };
    match (a.ndim(), b.ndim()) {
        (0, _) | (_, 0) => super::mul(a, b),
        (1, 1) => {
            if a.dims() != b.dims() {
                return Err(not_aligned());
            }
            prim::reduce_sum(&prim::mul(a, b)?, &[0])
        }
        (_, 1) => {
            if a.dims()[a.ndim() - 1] != b.dims()[0] {
                return Err(not_aligned());
            }
            matmul(a, b)
        }
        _ => {
            let (ad, bd) = (a.dims(), b.dims());
            let k = ad[ad.len() - 1];
            if k != bd[bd.len() - 2] {
                return Err(not_aligned());
            }
            let rows: usize = ad[..ad.len() - 1].iter().product();
            let a2 = prim::reshape(a, &[rows, k])?;
            // Move b's contracted axis first: [k, b0, ..., b_{-3}, b_{-1}] then flatten the rest.
            let nd = bd.len();
            let perm: Vec<usize> = std::iter::once(nd - 2)
                .chain((0..nd).filter(|&i| i != nd - 2))
                .collect();
            let cols: usize = bd.iter().product::<usize>() / k.max(1);
            let cols = if k == 0 {
                bd.iter()
                    .enumerate()
                    .filter(|(i, _)| *i != nd - 2)
                    .map(|(_, d)| d)
                    .product()
            } else {
                cols
            };
            let b2 = prim::reshape(&prim::permute(b, &perm)?, &[k, cols])?;
            let out = prim::matmul(&a2, &b2)?;
            let shape: Vec<usize> = ad[..ad.len() - 1]
                .iter()
                .chain(&bd[..nd - 2])
                .chain(&bd[nd - 1..])
                .copied()
                .collect();
            prim::reshape(&out, &shape)
        }
    }
}

impl Tensor {
    /// Matrix product; see [`matmul`].
    pub fn matmul(&self, other: &Tensor) -> Result<Tensor> {
        matmul(self, other)
    }
}

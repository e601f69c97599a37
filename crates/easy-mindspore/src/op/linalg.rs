//! [`LinalgOp`]: the square-matrix ops (inverse, determinant, log-determinant and its sign, the
//! Cholesky factor), the singular value decomposition (`op::svd`), the general eigendecomposition
//! (`op::eig`) and what each does to one matrix, in Float64 or Complex128, for every device to
//! run over a batch.
//!
//! Singular matrices give what MindSpore 2.10's CPU kernels give, never an error:
//! - the inverse is that of an LU factorisation with full pivoting (Eigen's `FullPivLU`, of the
//!   transpose, as MindSpore's kernel reads the row-major buffer column-major): pivots below
//!   `n·ε·|largest pivot|` (`ε` of the input's dtype) count as zero, and the unknowns they would
//!   determine are set to 0 (`inverse([[1, 2], [2, 4]]) = [[0, 0], [0, 0.25]]`);
//! - the determinant is the product of the pivots of an LU factorisation with partial pivoting
//!   (0, or a tiny rounding residue, for a singular matrix);
//! - `log|det|` is the sum of the logs of those pivots' magnitudes and the sign their signs'
//!   product (with the permutation's); when the sum is not finite (a zero pivot, a NaN or an
//!   infinity) the sign is 0 and the log `+inf` if the sum was positive, else `-inf`;
//! - the Cholesky factor of a matrix that is not positive definite has NaN from the first
//!   non-positive pivot on (the front ends raise MindSpore's error on it).

use super::eig::eig;
use super::svd::{singular_values, svd};
use crate::dtype::{Element, C128, C64};
use std::ops::{Add, Div, Mul, Neg, Sub};

/// A matrix op (the payload of [`crate::prim::Prim::Linalg`]): input `[..., m, n]` (square for
/// the first four), output per matrix as [`LinalgOp::out_dims`] gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinalgOp {
    /// The matrix inverse.
    Inverse,
    /// The determinant.
    Det,
    /// `log|det|`.
    LogAbsDet,
    /// The sign of the determinant (-1, 0 or 1); not differentiable.
    SignDet,
    /// The lower Cholesky factor `L` of a symmetric positive-definite `A = L·Lᵀ` (the lower
    /// triangle of `A` is read; real matrices only).
    Cholesky,
    /// The SVD `A = U·diag(s)·Vᴴ`, packed per matrix into one vector: `s` (`k = min(m, n)`
    /// values, descending, real even for complex matrices), then (unless only the values are
    /// asked for) `U` row-major (`m × k`, or `m × m` when complete) and `V` (not `Vᴴ`) row-major
    /// (`n × k`, or `n × n` when complete, the extra columns an orthonormal completion). One
    /// primitive, so the iterative kernel runs once for all three factors (`prim::svd` slices
    /// them apart).
    Svd(SvdParts),
    /// The eigendecomposition `A·V = V·diag(w)` of a general complex square matrix (real ones are
    /// cast to complex first), packed per matrix: the `n` eigenvalues in ascending `|w|`, then
    /// (with `vectors`) the unit eigenvectors as the columns of a row-major `n × n` matrix, in
    /// the order and with the phases of MindSpore's kernel (`op::eig`).
    Eig {
        /// Whether the eigenvectors are computed (and packed) too.
        vectors: bool,
    },
}

/// What an [`LinalgOp::Svd`] computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SvdParts {
    /// The singular values alone (the kernel neither accumulates `V` nor forms `U`).
    Values,
    /// `s` and the reduced factors (`U` `m × k`, `V` `n × k`).
    Reduced,
    /// `s` and the complete factors (`U` `m × m`, `V` `n × n`).
    Complete,
}

impl LinalgOp {
    /// Every op, in this order.
    pub const ALL: &'static [LinalgOp] = &[
        LinalgOp::Inverse,
        LinalgOp::Det,
        LinalgOp::LogAbsDet,
        LinalgOp::SignDet,
        LinalgOp::Cholesky,
        // One primitive whatever the parts (a parameter, as a reduction's axes).
        LinalgOp::Svd(SvdParts::Reduced),
        LinalgOp::Eig { vectors: true },
    ];

    /// The op's name, as errors and graph text show it.
    pub fn name(self) -> &'static str {
        match self {
            LinalgOp::Inverse => "MatrixInverse",
            LinalgOp::Det => "MatrixDeterminant",
            LinalgOp::LogAbsDet => "LogAbsDeterminant",
            LinalgOp::SignDet => "SignDeterminant",
            LinalgOp::Cholesky => "Cholesky",
            LinalgOp::Svd(_) => "Svd",
            LinalgOp::Eig { .. } => "Eig",
        }
    }

    /// True for the ops of square matrices only (all but the SVD).
    pub fn needs_square(self) -> bool {
        !matches!(self, LinalgOp::Svd(_))
    }

    /// The output's trailing dims for one `m × n` input matrix (the batch axes are kept).
    pub fn out_dims(self, m: usize, n: usize) -> Vec<usize> {
        let k = m.min(n);
        match self {
            LinalgOp::Inverse | LinalgOp::Cholesky => vec![n, n],
            LinalgOp::Det | LinalgOp::LogAbsDet | LinalgOp::SignDet => vec![],
            LinalgOp::Svd(SvdParts::Values) => vec![k],
            LinalgOp::Svd(SvdParts::Reduced) => vec![k + m * k + n * k],
            LinalgOp::Svd(SvdParts::Complete) => vec![k + m * m + n * n],
            LinalgOp::Eig { vectors: false } => vec![n],
            LinalgOp::Eig { vectors: true } => vec![n + n * n],
        }
    }

    /// The op on one row-major `m × n` matrix `a` of real or complex numbers (overwritten as work
    /// space), written to `out` (`out_dims(m, n)` elements). `eps` is the machine epsilon of the
    /// input's dtype (the inverse's rank threshold). The square-matrix ops follow the same
    /// algorithms for complex matrices with `|z|` for the pivot choice; the sign of a complex
    /// determinant is `det / |det|`.
    pub fn apply<F: Field>(self, a: &mut [F], m: usize, n: usize, eps: f64, out: &mut [F]) {
        match self {
            LinalgOp::Inverse => full_pivot_inverse(a, n, eps, out),
            LinalgOp::Cholesky => cholesky(a, n, out),
            LinalgOp::Det => {
                let sign = partial_pivot_lu(a, n);
                out[0] = (0..n).fold(sign, |d, i| d * a[i * n + i]);
            }
            LinalgOp::LogAbsDet | LinalgOp::SignDet => {
                let (sign, log) = slogdet(a, n);
                out[0] = if self == LinalgOp::SignDet {
                    sign
                } else {
                    F::real(log)
                };
            }
            LinalgOp::Svd(SvdParts::Values) => {
                let s = singular_values(a, m, n);
                out.iter_mut().zip(&s).for_each(|(o, &x)| *o = F::real(x));
            }
            LinalgOp::Svd(parts) => {
                let f = svd(a, m, n, parts == SvdParts::Complete);
                let k = f.s.len();
                let (s, rest) = out.split_at_mut(k);
                let (u, v) = rest.split_at_mut(f.u.len());
                s.iter_mut().zip(&f.s).for_each(|(o, &x)| *o = F::real(x));
                u.copy_from_slice(&f.u);
                v.copy_from_slice(&f.v);
            }
            LinalgOp::Eig { vectors } => {
                // In the input's precision, as MindSpore's kernel (single precision deflates
                // sooner: other sweeps, other phases).
                let (w, v) = if eps > f64::EPSILON {
                    let mut z: Vec<C64> = a.iter().map(|x| x.as_complex()).map(narrow).collect();
                    let (w, v) = eig(&mut z, n, vectors);
                    (
                        w.into_iter().map(widen).collect(),
                        v.map(|v| v.into_iter().map(widen).collect()),
                    )
                } else {
                    let mut z: Vec<C128> = a.iter().map(|x| x.as_complex()).collect();
                    eig(&mut z, n, vectors)
                };
                let (ow, ov) = out.split_at_mut(n);
                ow.iter_mut()
                    .zip(&w)
                    .for_each(|(o, &x)| *o = F::from_complex(x));
                if let Some(v) = v {
                    ov.iter_mut()
                        .zip(&v)
                        .for_each(|(o, &x)| *o = F::from_complex(x));
                }
            }
        }
    }
}

/// A single-precision input element (exact: it was widened from one).
fn narrow(z: C128) -> C64 {
    C64::new(z.re as f32, z.im as f32)
}

fn widen(z: C64) -> C128 {
    C128::new(f64::from(z.re), f64::from(z.im))
}

/// The numbers the matrix algorithms work in: `f64` for real inputs, `C128` for
/// complex ones (every input element is widened to one of these, and the result rounded back).
pub trait Field:
    Copy
    + PartialEq
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// 0.
    const ZERO: Self;
    /// 1.
    const ONE: Self;
    /// The magnitude `|x|`.
    fn mag(self) -> f64;
    /// The complex conjugate (`x` for a real number).
    fn conj(self) -> Self;
    /// The real part.
    fn re(self) -> f64;
    /// A real number.
    fn real(x: f64) -> Self;
    /// An input element.
    fn from_elem<T: Element>(x: T) -> Self;
    /// A result element, rounded to `T`.
    fn to_elem<T: Element>(self) -> T;
    /// The number as a complex one.
    fn as_complex(self) -> C128;
    /// A complex number (its real part, for `f64`: used only where the rule admits complex
    /// dtypes alone).
    fn from_complex(z: C128) -> Self;
}

impl Field for f64 {
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    fn mag(self) -> f64 {
        self.abs()
    }
    fn conj(self) -> f64 {
        self
    }
    fn re(self) -> f64 {
        self
    }
    fn real(x: f64) -> f64 {
        x
    }
    fn from_elem<T: Element>(x: T) -> f64 {
        x.to_f64()
    }
    fn to_elem<T: Element>(self) -> T {
        T::from_f64(self)
    }
    fn as_complex(self) -> C128 {
        C128::new(self, 0.0)
    }
    fn from_complex(z: C128) -> f64 {
        z.re
    }
}

impl Field for C128 {
    const ZERO: C128 = C128::new(0.0, 0.0);
    const ONE: C128 = C128::new(1.0, 0.0);
    fn mag(self) -> f64 {
        // The libm crate's hypot, not `norm()`: that calls the C library's hypot, whose
        // GLIBC_2.35 symbol version the manylinux_2_34 wheel cannot link.
        libm::hypot(self.re, self.im)
    }
    fn conj(self) -> C128 {
        C128::new(self.re, -self.im)
    }
    fn re(self) -> f64 {
        self.re
    }
    fn real(x: f64) -> C128 {
        C128::new(x, 0.0)
    }
    fn from_elem<T: Element>(x: T) -> C128 {
        x.to_c128()
    }
    fn to_elem<T: Element>(self) -> T {
        T::from_c128(self)
    }
    fn as_complex(self) -> C128 {
        self
    }
    fn from_complex(z: C128) -> C128 {
        z
    }
}

/// The lower Cholesky factor of `a` (its lower triangle read) into `out`, row by row; from a
/// pivot that is not positive (a matrix that is not positive definite, or NaN) on, NaN.
fn cholesky<F: Field>(a: &[F], n: usize, out: &mut [F]) {
    out.fill(F::ZERO);
    let mut failed = false;
    for i in 0..n {
        for j in 0..=i {
            let s = (0..j).fold(a[i * n + j], |s, k| {
                s - out[i * n + k] * out[j * n + k].conj()
            });
            out[i * n + j] = if failed {
                F::real(f64::NAN)
            } else if i == j {
                let d = s.re();
                // `!(d > 0)`: a NaN pivot fails too.
                if d.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
                    failed = true;
                    F::real(f64::NAN)
                } else {
                    F::real(d.sqrt())
                }
            } else {
                s / out[j * n + j]
            };
        }
    }
}

/// LU with partial pivoting in place (`a = P·L·U`, `L` unit lower below the diagonal, `U` on
/// and above it); returns the permutation's sign. A column whose largest magnitude is 0 is left
/// as it is (its pivot is 0); the first largest magnitude wins, and a NaN never does unless it
/// is the diagonal element, as in Eigen.
fn partial_pivot_lu<F: Field>(a: &mut [F], n: usize) -> F {
    let mut sign = F::ONE;
    for k in 0..n {
        let (mut row, mut big) = (k, a[k * n + k].mag());
        for r in k + 1..n {
            let v = a[r * n + k].mag();
            if v > big {
                (row, big) = (r, v);
            }
        }
        if big != 0.0 {
            if row != k {
                swap_rows(a, n, k, row);
                sign = -sign;
            }
            let p = a[k * n + k];
            for r in k + 1..n {
                a[r * n + k] = a[r * n + k] / p;
            }
        }
        eliminate(a, n, k);
    }
    sign
}

/// Subtracts `l_rk · u_k` from every row `r > k` (the rank-one update of step `k`).
fn eliminate<F: Field>(a: &mut [F], n: usize, k: usize) {
    let (top, rest) = a.split_at_mut((k + 1) * n);
    let pivot_row = &top[k * n..];
    for row in rest.chunks_exact_mut(n) {
        let l = row[k];
        if l != F::ZERO {
            for c in k + 1..n {
                row[c] = row[c] - l * pivot_row[c];
            }
        }
    }
}

fn swap_rows<F>(a: &mut [F], n: usize, i: usize, j: usize) {
    for c in 0..n {
        a.swap(i * n + c, j * n + c);
    }
}

/// `(sign, log|det|)` by partial pivoting; `(0, ±inf)` when the log is not finite.
fn slogdet<F: Field>(a: &mut [F], n: usize) -> (F, f64) {
    let mut sign = partial_pivot_lu(a, n);
    let mut log = 0.0;
    for i in 0..n {
        let d = a[i * n + i];
        log += d.mag().ln();
        sign = sign * (d / F::real(d.mag()));
    }
    if log.is_finite() {
        (sign, log)
    } else if log > 0.0 {
        (F::ZERO, f64::INFINITY)
    } else {
        (F::ZERO, f64::NEG_INFINITY)
    }
}

/// The inverse of the row-major `a` through a full-pivoting LU of its transpose `e` (see the
/// module doc for singular matrices), into `out`.
fn full_pivot_inverse<F: Field>(e: &mut [F], n: usize, eps: f64, out: &mut [F]) {
    // e = aᵀ (transposed in place), factored in place as P·e·Q = L·U.
    for i in 0..n {
        for j in i + 1..n {
            e.swap(i * n + j, j * n + i);
        }
    }
    let (mut row_swaps, mut col_swaps) = (vec![0usize; n], vec![0usize; n]);
    let mut nonzero = n;
    let mut max_pivot = 0.0f64;
    for k in 0..n {
        // The largest magnitude in the corner, scanned column by column (first wins).
        let (mut br, mut bc, mut big) = (k, k, e[k * n + k].mag());
        for c in k..n {
            for r in k..n {
                let v = e[r * n + c].mag();
                if v > big {
                    (br, bc, big) = (r, c, v);
                }
            }
        }
        if big == 0.0 {
            nonzero = k;
            for i in k..n {
                (row_swaps[i], col_swaps[i]) = (i, i);
            }
            break;
        }
        max_pivot = max_pivot.max(big);
        (row_swaps[k], col_swaps[k]) = (br, bc);
        if br != k {
            swap_rows(e, n, k, br);
        }
        if bc != k {
            for r in 0..n {
                e.swap(r * n + k, r * n + bc);
            }
        }
        let p = e[k * n + k];
        for r in k + 1..n {
            e[r * n + k] = e[r * n + k] / p;
        }
        eliminate(e, n, k);
    }
    let threshold = max_pivot * (n as f64 * eps);
    let rank = (0..nonzero)
        .filter(|&i| e[i * n + i].mag() > threshold)
        .count();
    // q[i]: the original column of e at position i after the column swaps.
    let mut q: Vec<usize> = (0..n).collect();
    for (k, &c) in col_swaps.iter().enumerate() {
        q.swap(k, c);
    }
    out.fill(F::ZERO);
    if rank == 0 {
        return;
    }
    // Column j of e⁻¹ solves e·x = e_j; it is row j of a⁻¹ = (e⁻¹)ᵀ.
    let mut c = vec![F::ZERO; n];
    for j in 0..n {
        c.fill(F::ZERO);
        c[j] = F::ONE;
        for (k, &r) in row_swaps.iter().enumerate() {
            c.swap(k, r);
        }
        for i in 0..n {
            let s = (0..i).fold(F::ZERO, |s, k| s + e[i * n + k] * c[k]);
            c[i] = c[i] - s;
        }
        for i in (0..rank).rev() {
            let s = (i + 1..rank).fold(F::ZERO, |s, k| s + e[i * n + k] * c[k]);
            c[i] = (c[i] - s) / e[i * n + i];
        }
        for i in 0..rank {
            out[j * n + q[i]] = c[i];
        }
    }
}

//! [`LinalgOp`]: the square-matrix ops (inverse, determinant, log-determinant and its sign) and
//! what each does to one `n × n` matrix, in Float64, for every device to run over a batch.
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
//!   infinity) the sign is 0 and the log `+inf` if the sum was positive, else `-inf`.

/// A square-matrix op (the payload of [`crate::prim::Prim::Linalg`]): input `[..., n, n]`,
/// output `[..., n, n]` (the inverse) or `[...]` (the others).
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
}

impl LinalgOp {
    /// Every op, in this order.
    pub const ALL: &'static [LinalgOp] = &[
        LinalgOp::Inverse,
        LinalgOp::Det,
        LinalgOp::LogAbsDet,
        LinalgOp::SignDet,
    ];

    /// The op's name, as errors and graph text show it.
    pub fn name(self) -> &'static str {
        match self {
            LinalgOp::Inverse => "MatrixInverse",
            LinalgOp::Det => "MatrixDeterminant",
            LinalgOp::LogAbsDet => "LogAbsDeterminant",
            LinalgOp::SignDet => "SignDeterminant",
        }
    }

    /// True when the output is a matrix (the inverse), false for one number per matrix.
    pub fn keeps_matrix(self) -> bool {
        matches!(self, LinalgOp::Inverse)
    }

    /// The op on one row-major `n × n` matrix `a` (overwritten as work space), written to `out`
    /// (`n²` elements for the inverse, else 1). `eps` is the machine epsilon of the input's
    /// dtype (the inverse's rank threshold).
    pub fn apply(self, a: &mut [f64], n: usize, eps: f64, out: &mut [f64]) {
        match self {
            LinalgOp::Inverse => full_pivot_inverse(a, n, eps, out),
            LinalgOp::Det => {
                let sign = partial_pivot_lu(a, n);
                out[0] = (0..n).fold(sign, |d, i| d * a[i * n + i]);
            }
            LinalgOp::LogAbsDet | LinalgOp::SignDet => {
                let (sign, log) = slogdet(a, n);
                out[0] = if self == LinalgOp::SignDet { sign } else { log };
            }
        }
    }
}

/// LU with partial pivoting in place (`a = P·L·U`, `L` unit lower below the diagonal, `U` on
/// and above it); returns the permutation's sign. A column whose largest magnitude is 0 is left
/// as it is (its pivot is 0); the first largest magnitude wins, and a NaN never does unless it
/// is the diagonal element, as in Eigen.
fn partial_pivot_lu(a: &mut [f64], n: usize) -> f64 {
    let mut sign = 1.0;
    for k in 0..n {
        let (mut row, mut big) = (k, a[k * n + k].abs());
        for r in k + 1..n {
            let v = a[r * n + k].abs();
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
                a[r * n + k] /= p;
            }
        }
        eliminate(a, n, k);
    }
    sign
}

/// Subtracts `l_rk · u_k` from every row `r > k` (the rank-one update of step `k`).
fn eliminate(a: &mut [f64], n: usize, k: usize) {
    let (top, rest) = a.split_at_mut((k + 1) * n);
    let pivot_row = &top[k * n..];
    for row in rest.chunks_exact_mut(n) {
        let l = row[k];
        if l != 0.0 {
            for c in k + 1..n {
                row[c] -= l * pivot_row[c];
            }
        }
    }
}

fn swap_rows(a: &mut [f64], n: usize, i: usize, j: usize) {
    for c in 0..n {
        a.swap(i * n + c, j * n + c);
    }
}

/// `(sign, log|det|)` by partial pivoting; `(0, ±inf)` when the log is not finite.
fn slogdet(a: &mut [f64], n: usize) -> (f64, f64) {
    let mut sign = partial_pivot_lu(a, n);
    let mut log = 0.0;
    for i in 0..n {
        let d = a[i * n + i];
        log += d.abs().ln();
        sign *= d / d.abs();
    }
    if log.is_finite() {
        (sign, log)
    } else if log > 0.0 {
        (0.0, f64::INFINITY)
    } else {
        (0.0, f64::NEG_INFINITY)
    }
}

/// The inverse of the row-major `a` through a full-pivoting LU of its transpose `e` (see the
/// module doc for singular matrices), into `out`.
fn full_pivot_inverse(e: &mut [f64], n: usize, eps: f64, out: &mut [f64]) {
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
        let (mut br, mut bc, mut big) = (k, k, e[k * n + k].abs());
        for c in k..n {
            for r in k..n {
                let v = e[r * n + c].abs();
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
            e[r * n + k] /= p;
        }
        eliminate(e, n, k);
    }
    let threshold = max_pivot * (n as f64 * eps);
    let rank = (0..nonzero)
        .filter(|&i| e[i * n + i].abs() > threshold)
        .count();
    // q[i]: the original column of e at position i after the column swaps.
    let mut q: Vec<usize> = (0..n).collect();
    for (k, &c) in col_swaps.iter().enumerate() {
        q.swap(k, c);
    }
    out.fill(0.0);
    if rank == 0 {
        return;
    }
    // Column j of e⁻¹ solves e·x = e_j; it is row j of a⁻¹ = (e⁻¹)ᵀ.
    let mut c = vec![0.0; n];
    for j in 0..n {
        c.fill(0.0);
        c[j] = 1.0;
        for (k, &r) in row_swaps.iter().enumerate() {
            c.swap(k, r);
        }
        for i in 0..n {
            let s: f64 = (0..i).map(|k| e[i * n + k] * c[k]).sum();
            c[i] -= s;
        }
        for i in (0..rank).rev() {
            let s: f64 = (i + 1..rank).map(|k| e[i * n + k] * c[k]).sum();
            c[i] = (c[i] - s) / e[i * n + i];
        }
        for i in 0..rank {
            out[j * n + q[i]] = c[i];
        }
    }
}

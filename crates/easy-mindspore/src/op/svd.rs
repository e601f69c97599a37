//! The singular value decomposition `A = U·diag(s)·Vᴴ` of one row-major `m × n` matrix, in
//! Float64 or Complex128 ([`Field`]), by one-sided (Hestenes) Jacobi rotations: the columns of
//! `A` (of `Aᴴ` when `m < n`) are rotated in pairs until every pair is orthogonal to working
//! precision; their norms are the singular values and the accumulated rotations are `V` (`U`
//! for `Aᴴ`). A complex pair is first brought to a real inner product by a phase on its second
//! column, then rotated as a real pair. Jacobi is slower than bidiagonal QR but simple and
//! accurate (small singular values to high relative accuracy).
//!
//! Conventions (the ones every device must keep): `s` real, in descending order; `k = min(m, n)`;
//! columns for zero singular values, and the extra columns of the complete `U`/`V`, are an
//! orthonormal completion (Gram–Schmidt over the unit vectors, first fit first); and each pair of
//! singular vectors `(u_j, v_j)` is multiplied by the phase (the sign, for real matrices) that
//! makes the largest-magnitude entry of `u_j` (the first of equals) real and positive. LAPACK
//! fixes no such gauge, so NumPy's and MindSpore's vectors may differ from these by a sign (a
//! phase) per column; `U·diag(s)·Vᴴ` is the same.

use super::linalg::Field;

/// The decomposition of one matrix: `s` (`k`), `u` row-major `m × cu`, `v` row-major `n × cv`,
/// with `cu = cv = k` (reduced) or `cu = m`, `cv = n` (complete).
pub struct Svd<F> {
    /// The singular values, descending.
    pub s: Vec<f64>,
    /// The left singular vectors as columns.
    pub u: Vec<F>,
    /// The right singular vectors as columns (`V`, not `Vᴴ`).
    pub v: Vec<F>,
}

/// Sweeps after which the rotations stop even if some pair is not yet orthogonal (a NaN, or an
/// input whose rounding keeps a pair just above the threshold); Jacobi converges in 6–12.
const MAX_SWEEPS: usize = 60;

/// The singular values of the row-major `m × n` matrix `a` alone: the same rotations as [`svd`]
/// without accumulating them and without the vectors (about 11% less time for a square matrix:
/// the three dot products per pair that decide each rotation remain).
pub fn singular_values<F: Field>(a: &[F], m: usize, n: usize) -> Vec<f64> {
    let (mut w, r, c) = work_columns(a, m, n);
    rotate_until_orthogonal(&mut w, None, r, c);
    let (s, _) = descending_norms(&w, r, c);
    s
}

/// The SVD of the row-major `m × n` matrix `a`; `full` for the complete `U` and `V`.
pub fn svd<F: Field>(a: &[F], m: usize, n: usize, full: bool) -> Svd<F> {
    let k = m.min(n);
    let tall = m >= n;
    let (mut w, r, c) = work_columns(a, m, n);
    let mut rot = identity(c);
    rotate_until_orthogonal(&mut w, Some(&mut rot), r, c);
    let (s, order) = descending_norms(&w, r, c);
    // Left vectors of the worked matrix: the normalised columns (completed where s = 0).
    let mut left: Vec<Vec<F>> = Vec::with_capacity(r);
    let mut missing = Vec::new();
    for (i, &j) in order.iter().enumerate() {
        if s[i] > 0.0 {
            let scale = F::real(1.0 / s[i]);
            left.push(col(&w, r, j).iter().map(|&x| x * scale).collect());
        } else {
            left.push(vec![F::ZERO; r]);
            missing.push(i);
        }
    }
    complete(&mut left, &missing, r, if full { r } else { c });
    let right: Vec<Vec<F>> = order.iter().map(|&j| col(&rot, c, j).to_vec()).collect();
    // Back to A's U (m × ·) and V (n × ·): for Aᴴ = V·S·Uᴴ the roles swap.
    let (mut us, mut vs) = if tall { (left, right) } else { (right, left) };
    // Reduced: both are k = c columns already.
    // Complete: the rotation is the whole `c × c` factor, the left side was completed above.
    for (uj, vj) in us.iter_mut().zip(vs.iter_mut()).take(k) {
        let big = uj[largest(uj)];
        let mag = big.mag();
        // A NaN column keeps its phase.
        if mag > 0.0 {
            let phase = big.conj() / F::real(mag);
            uj.iter_mut().for_each(|x| *x = *x * phase);
            vj.iter_mut().for_each(|x| *x = *x * phase);
        }
    }
    Svd {
        s,
        u: row_major(&us, m),
        v: row_major(&vs, n),
    }
}

/// The columns the rotations work on, `(w, r, c)`: the `c` columns (length `r`) of A (m ≥ n) or
/// of Aᴴ (m < n), column after column.
fn work_columns<F: Field>(a: &[F], m: usize, n: usize) -> (Vec<F>, usize, usize) {
    let tall = m >= n;
    let (r, c) = if tall { (m, n) } else { (n, m) };
    let mut w = vec![F::ZERO; r * c];
    for i in 0..m {
        for j in 0..n {
            let x = a[i * n + j];
            if tall {
                w[j * r + i] = x;
            } else {
                w[i * r + j] = x.conj();
            }
        }
    }
    (w, r, c)
}

/// The norms of the `c` orthogonalised columns of `w` in descending order (NaNs last) — the
/// singular values — and the columns' indices in that order.
fn descending_norms<F: Field>(w: &[F], r: usize, c: usize) -> (Vec<f64>, Vec<usize>) {
    let norms: Vec<f64> = (0..c).map(|j| norm(col(w, r, j))).collect();
    let mut order: Vec<usize> = (0..c).collect();
    order.sort_by(|&x, &y| norms[y].total_cmp(&norms[x]));
    if norms.iter().any(|x| x.is_nan()) {
        order.sort_by_key(|&j| norms[j].is_nan());
    }
    (order.iter().map(|&j| norms[j]).collect(), order)
}

/// Rotates pairs of the `c` columns of `w` (length `r`) until each pair is orthogonal relative
/// to its norms, applying every rotation to the columns of `rot` (`c × c`) as well when given.
fn rotate_until_orthogonal<F: Field>(w: &mut [F], mut rot: Option<&mut [F]>, r: usize, c: usize) {
    let tol = f64::EPSILON;
    for _ in 0..MAX_SWEEPS {
        let mut rotated = false;
        for p in 0..c {
            for q in p + 1..c {
                let (wp, wq) = (col(w, r, p), col(w, r, q));
                let (alpha, beta, gamma) = (dot(wp, wp).re(), dot(wq, wq).re(), dot(wp, wq));
                let off = gamma.mag();
                let bound = tol * (alpha * beta).sqrt();
                // A NaN pair is never rotated, so the sweeps end.
                if off == 0.0 || off.is_nan() || bound.is_nan() || off <= bound {
                    continue;
                }
                rotated = true;
                // Column q times conj(γ)/|γ| makes the pair's inner product |γ|, real; then the
                // real rotation that zeroes it (Rutishauser's form).
                let phase = gamma.conj() / F::real(off);
                let zeta = (beta - alpha) / (2.0 * off);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let cs = 1.0 / (1.0 + t * t).sqrt();
                let sn = cs * t;
                rotate(w, r, p, q, phase, cs, sn);
                if let Some(rot) = rot.as_deref_mut() {
                    rotate(rot, c, p, q, phase, cs, sn);
                }
            }
        }
        if !rotated {
            break;
        }
    }
}

/// Columns `p`, `q` of `x` (length `r`) become `c·x_p − s·e·x_q` and `s·x_p + c·e·x_q`, with
/// `e` the phase.
fn rotate<F: Field>(x: &mut [F], r: usize, p: usize, q: usize, e: F, c: f64, s: f64) {
    let (c, s) = (F::real(c), F::real(s));
    for i in 0..r {
        let (a, b) = (x[p * r + i], x[q * r + i] * e);
        x[p * r + i] = c * a - s * b;
        x[q * r + i] = s * a + c * b;
    }
}

/// Fills the columns listed in `missing` and appends columns up to `want`, each a unit vector
/// orthogonal to all the others (Gram–Schmidt, twice, over `e_0, e_1, …`).
fn complete<F: Field>(cols: &mut Vec<Vec<F>>, missing: &[usize], r: usize, want: usize) {
    let mut slots: Vec<usize> = missing.to_vec();
    while cols.len() < want {
        slots.push(cols.len());
        cols.push(vec![F::ZERO; r]);
    }
    let mut next = 0;
    for slot in slots {
        while next < r {
            let mut e = vec![F::ZERO; r];
            e[next] = F::ONE;
            next += 1;
            for _ in 0..2 {
                for (j, other) in cols.iter().enumerate() {
                    if j != slot {
                        let d = dot(other, &e);
                        e.iter_mut().zip(other).for_each(|(x, o)| *x = *x - d * *o);
                    }
                }
            }
            let len = norm(&e);
            if len > 0.5 {
                let scale = F::real(1.0 / len);
                cols[slot] = e.iter().map(|&x| x * scale).collect();
                break;
            }
        }
    }
}

fn identity<F: Field>(n: usize) -> Vec<F> {
    let mut x = vec![F::ZERO; n * n];
    for i in 0..n {
        x[i * n + i] = F::ONE;
    }
    x
}

fn col<F>(x: &[F], r: usize, j: usize) -> &[F] {
    &x[j * r..(j + 1) * r]
}

/// `aᴴ·b`.
fn dot<F: Field>(a: &[F], b: &[F]) -> F {
    a.iter().zip(b).fold(F::ZERO, |s, (x, y)| s + x.conj() * *y)
}

/// `‖a‖₂`.
fn norm<F: Field>(a: &[F]) -> f64 {
    dot(a, a).re().sqrt()
}

/// The index of the first entry of largest magnitude.
fn largest<F: Field>(x: &[F]) -> usize {
    let mut best = 0;
    for (i, v) in x.iter().enumerate() {
        if v.mag() > x[best].mag() {
            best = i;
        }
    }
    best
}

/// The columns `cols` (each of length `rows`) as a row-major `rows × cols.len()` matrix.
fn row_major<F: Field>(cols: &[Vec<F>], rows: usize) -> Vec<F> {
    let n = cols.len();
    let mut out = vec![F::ZERO; rows * n];
    for (j, c) in cols.iter().enumerate() {
        for (i, v) in c.iter().enumerate() {
            out[i * n + j] = *v;
        }
    }
    out
}

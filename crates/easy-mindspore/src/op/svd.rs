//! The singular value decomposition `A = U·diag(s)·Vᵀ` of one row-major `m × n` matrix, in
//! Float64, by one-sided (Hestenes) Jacobi rotations: the columns of `A` (of `Aᵀ` when `m < n`)
//! are rotated in pairs until every pair is orthogonal to working precision; their norms are the
//! singular values and the accumulated rotations are `V`. Jacobi is slower than bidiagonal QR
//! but simple and accurate (small singular values to high relative accuracy).
//!
//! Conventions (the ones every device must keep): `s` in descending order; `k = min(m, n)`;
//! columns for zero singular values, and the extra columns of the complete `U`/`V`, are an
//! orthonormal completion (Gram–Schmidt over the unit vectors, first fit first); and each pair of
//! singular vectors `(u_j, v_j)` is signed so that the largest-magnitude entry of `u_j` (the
//! first of equals) is positive. LAPACK fixes no sign, so NumPy's and MindSpore's vectors may
//! differ from these by a sign per column; `U·diag(s)·Vᵀ` is the same.

/// The decomposition of one matrix: `s` (`k`), `u` row-major `m × cu`, `v` row-major `n × cv`,
/// with `cu = cv = k` (reduced) or `cu = m`, `cv = n` (complete).
pub struct Svd {
    /// The singular values, descending.
    pub s: Vec<f64>,
    /// The left singular vectors as columns.
    pub u: Vec<f64>,
    /// The right singular vectors as columns (`V`, not `Vᵀ`).
    pub v: Vec<f64>,
}

/// Sweeps after which the rotations stop even if some pair is not yet orthogonal (a NaN, or an
/// input whose rounding keeps a pair just above the threshold); Jacobi converges in 6–12.
const MAX_SWEEPS: usize = 60;

/// The SVD of the row-major `m × n` matrix `a`; `full` for the complete `U` and `V`.
pub fn svd(a: &[f64], m: usize, n: usize, full: bool) -> Svd {
    let k = m.min(n);
    // Work on columns: `cols` holds the `c` columns (length `r`) of A (m ≥ n) or of Aᵀ (m < n).
    let tall = m >= n;
    let (r, c) = if tall { (m, n) } else { (n, m) };
    let mut w = vec![0.0; r * c];
    for i in 0..m {
        for j in 0..n {
            let (col, row) = if tall { (j, i) } else { (i, j) };
            w[col * r + row] = a[i * n + j];
        }
    }
    let mut rot = identity(c);
    rotate_until_orthogonal(&mut w, &mut rot, r, c);
    // Column norms, then the order of descending singular values (NaNs last).
    let norms: Vec<f64> = (0..c)
        .map(|j| dot(col(&w, r, j), col(&w, r, j)).sqrt())
        .collect();
    let mut order: Vec<usize> = (0..c).collect();
    order.sort_by(|&x, &y| norms[y].total_cmp(&norms[x]));
    if norms.iter().any(|x| x.is_nan()) {
        order.sort_by_key(|&j| norms[j].is_nan());
    }
    let s: Vec<f64> = order.iter().map(|&j| norms[j]).collect();
    // Left vectors of the worked matrix: the normalised columns (completed where s = 0).
    let mut left: Vec<Vec<f64>> = Vec::with_capacity(r);
    let mut missing = Vec::new();
    for (i, &j) in order.iter().enumerate() {
        if norms[j] > 0.0 {
            left.push(col(&w, r, j).iter().map(|x| x / norms[j]).collect());
        } else {
            left.push(vec![0.0; r]);
            missing.push(i);
        }
    }
    complete(&mut left, &missing, r, if full { r } else { c });
    let right: Vec<Vec<f64>> = order.iter().map(|&j| col(&rot, c, j).to_vec()).collect();
    // Back to A's U (m × ·) and V (n × ·).
    let (mut us, mut vs) = if tall { (left, right) } else { (right, left) };
    // Reduced: both are k = c columns already.
    // Complete: the rotation is the whole `c × c` factor, the left side was completed above.
    for (uj, vj) in us.iter_mut().zip(vs.iter_mut()).take(k) {
        if uj[largest(uj)] < 0.0 {
            uj.iter_mut().for_each(|x| *x = -*x);
            vj.iter_mut().for_each(|x| *x = -*x);
        }
    }
    Svd {
        s,
        u: row_major(&us, m),
        v: row_major(&vs, n),
    }
}

/// Rotates pairs of the `c` columns of `w` (length `r`) until each pair is orthogonal relative
/// to its norms, applying every rotation to the columns of `rot` (`c × c`) as well.
fn rotate_until_orthogonal(w: &mut [f64], rot: &mut [f64], r: usize, c: usize) {
    let tol = f64::EPSILON;
    for _ in 0..MAX_SWEEPS {
        let mut rotated = false;
        for p in 0..c {
            for q in p + 1..c {
                let (wp, wq) = (col(w, r, p), col(w, r, q));
                let (alpha, beta, gamma) = (dot(wp, wp), dot(wq, wq), dot(wp, wq));
                let (off, bound) = (gamma.abs(), tol * (alpha * beta).sqrt());
                // A NaN pair is never rotated, so the sweeps end.
                if off == 0.0 || off.is_nan() || bound.is_nan() || off <= bound {
                    continue;
                }
                rotated = true;
                // The rotation that zeroes the pair's inner product (Rutishauser's form).
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let cs = 1.0 / (1.0 + t * t).sqrt();
                let sn = cs * t;
                rotate(w, r, p, q, cs, sn);
                rotate(rot, c, p, q, cs, sn);
            }
        }
        if !rotated {
            break;
        }
    }
}

/// Columns `p`, `q` of `x` (length `r`) become `c·x_p − s·x_q` and `s·x_p + c·x_q`.
fn rotate(x: &mut [f64], r: usize, p: usize, q: usize, c: f64, s: f64) {
    for i in 0..r {
        let (a, b) = (x[p * r + i], x[q * r + i]);
        x[p * r + i] = c * a - s * b;
        x[q * r + i] = s * a + c * b;
    }
}

/// Fills the columns listed in `missing` and appends columns up to `want`, each a unit vector
/// orthogonal to all the others (Gram–Schmidt, twice, over `e_0, e_1, …`).
fn complete(cols: &mut Vec<Vec<f64>>, missing: &[usize], r: usize, want: usize) {
    let mut slots: Vec<usize> = missing.to_vec();
    while cols.len() < want {
        slots.push(cols.len());
        cols.push(vec![0.0; r]);
    }
    let mut next = 0;
    for slot in slots {
        while next < r {
            let mut e = vec![0.0; r];
            e[next] = 1.0;
            next += 1;
            for _ in 0..2 {
                for (j, other) in cols.iter().enumerate() {
                    if j != slot {
                        let d = dot(&e, other);
                        e.iter_mut().zip(other).for_each(|(x, o)| *x -= d * o);
                    }
                }
            }
            let norm = dot(&e, &e).sqrt();
            if norm > 0.5 {
                cols[slot] = e.iter().map(|x| x / norm).collect();
                break;
            }
        }
    }
}

fn identity(n: usize) -> Vec<f64> {
    let mut x = vec![0.0; n * n];
    for i in 0..n {
        x[i * n + i] = 1.0;
    }
    x
}

fn col(x: &[f64], r: usize, j: usize) -> &[f64] {
    &x[j * r..(j + 1) * r]
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The index of the first entry of largest magnitude.
fn largest(x: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in x.iter().enumerate() {
        if v.abs() > x[best].abs() {
            best = i;
        }
    }
    best
}

/// The columns `cols` (each of length `rows`) as a row-major `rows × cols.len()` matrix.
fn row_major(cols: &[Vec<f64>], rows: usize) -> Vec<f64> {
    let n = cols.len();
    let mut out = vec![0.0; rows * n];
    for (j, c) in cols.iter().enumerate() {
        for (i, v) in c.iter().enumerate() {
            out[i * n + j] = *v;
        }
    }
    out
}

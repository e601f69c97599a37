//! The eigendecomposition `A·V = V·diag(w)` of one general (not necessarily Hermitian) complex
//! `n × n` matrix, row-major, in single or double precision ([`Real`]): the algorithm of Eigen's
//! `ComplexEigenSolver`, which MindSpore 2.10's CPU kernel for `ops.Eig` runs, step for step and
//! in the input's precision (single precision deflates sooner, so it takes fewer sweeps and may
//! end with other phases), so that the eigenvalues come in its order and the eigenvectors with
//! its phases (up to rounding):
//!
//! 1. Householder reduction to upper Hessenberg form `A = Q·H·Qᴴ` (a reflector per column, its
//!    leading entry's sign chosen against cancellation);
//! 2. the complex Schur form `H = U·T·Uᴴ` by single-shift QR sweeps of Givens rotations on the
//!    active block, the shift the eigenvalue of the trailing 2 × 2 block nearer its last diagonal
//!    entry (an exceptional shift at the 10th and 20th sweep without deflation), a subdiagonal
//!    entry deflated when it is below `ε·(|t_ii|₁ + |t_{i+1,i+1}|₁)` (`|z|₁ = |re| + |im|`);
//!    at most 30 sweeps per row (past that the current `T` is used, as Eigen's, which reports
//!    `NoConvergence` and MindSpore only logs a warning);
//! 3. the eigenvectors of `T` by back substitution (`x_k` unit in entry `k`; a zero difference of
//!    two equal eigenvalues replaced by `ε·‖T‖_F`), mapped back by `Q·U` and scaled to unit
//!    2-norm;
//! 4. eigenvalues (and their vectors) in ascending `|w|`, a selection sort that keeps the first
//!    of equal magnitudes.

use num_complex::Complex;
use num_traits::Float;

/// The real numbers the algorithm runs in: `f32` or `f64`.
pub trait Real: Float {
    /// `√(x² + y²)` without overflow (the libm crate's: see `Field::mag` on `C128`).
    fn hyp(self, y: Self) -> Self;
    /// A small integer.
    fn of(k: u8) -> Self;
}

impl Real for f32 {
    fn hyp(self, y: f32) -> f32 {
        libm::hypotf(self, y)
    }
    fn of(k: u8) -> f32 {
        f32::from(k)
    }
}

impl Real for f64 {
    fn hyp(self, y: f64) -> f64 {
        libm::hypot(self, y)
    }
    fn of(k: u8) -> f64 {
        f64::from(k)
    }
}

/// The `n` eigenvalues of the row-major `n × n` matrix `a` (overwritten as work space) and, with
/// `vectors`, the unit eigenvectors as the columns of a row-major `n × n` matrix.
pub fn eig<T: Real>(
    a: &mut [Complex<T>],
    n: usize,
    vectors: bool,
) -> (Vec<Complex<T>>, Option<Vec<Complex<T>>>) {
    let mut u = hessenberg(a, n, vectors);
    schur(a, n, u.as_deref_mut());
    // `+ 0` turns a zero's sign positive: rotations leave `-0` imaginary parts on some real
    // eigenvalues where Eigen's vectorised arithmetic (MindSpore's) leaves `+0`; the sign of a
    // zero part carries nothing, and MindSpore prints `+0.j`.
    let zero = real(T::zero());
    let mut w: Vec<Complex<T>> = (0..n).map(|i| a[i * n + i] + zero).collect();
    let mut v = u.map(|u| eigenvectors(a, &u, n));
    // Ascending |w|: the smallest of the rest to the front, the first of equals.
    for i in 0..n {
        let k = (i..n).fold(i, |k, j| if mag(w[j]) < mag(w[k]) { j } else { k });
        if k != i {
            w.swap(i, k);
            if let Some(v) = v.as_mut() {
                (0..n).for_each(|r| v.swap(r * n + i, r * n + k));
            }
        }
    }
    (w, v)
}

/// `|z|`.
fn mag<T: Real>(z: Complex<T>) -> T {
    z.re.hyp(z.im)
}

/// `|re| + |im|`.
fn norm1<T: Real>(z: Complex<T>) -> T {
    z.re.abs() + z.im.abs()
}

fn conj<T: Real>(z: Complex<T>) -> Complex<T> {
    Complex::new(z.re, -z.im)
}

fn real<T: Real>(x: T) -> Complex<T> {
    Complex::new(x, T::zero())
}

/// The principal square root (C's `csqrt`: `√((|z| ± re)/2)` on the larger part, the other from
/// `im / 2·that`).
fn sqrt<T: Real>(z: Complex<T>) -> Complex<T> {
    let half = T::of(1) / T::of(2);
    if z.re == T::zero() && z.im == T::zero() {
        return Complex::new(T::zero(), z.im);
    }
    let d = mag(z);
    if z.re > T::zero() {
        let r = (half * (d + z.re)).sqrt();
        Complex::new(r, half * (z.im / r))
    } else {
        let s = (half * (d - z.re)).sqrt();
        Complex::new((half * (z.im / s)).abs(), s.copysign(z.im))
    }
}

/// Reduces `a` to upper Hessenberg form in place and returns, when `want_q`, `Q` (row-major)
/// with `A = Q·H·Qᴴ`.
fn hessenberg<T: Real>(a: &mut [Complex<T>], n: usize, want_q: bool) -> Option<Vec<Complex<T>>> {
    let zero = real(T::zero());
    // (the reflector's vector v, v[0] = 1, acting on rows/columns i+1.., and its coefficient h):
    // H_i = I − h·v·vᴴ.
    let mut reflectors: Vec<(Vec<Complex<T>>, Complex<T>)> = Vec::new();
    for i in 0..n.saturating_sub(1) {
        let rem = n - i - 1;
        let c0 = a[(i + 1) * n + i];
        let tail_sq = (i + 2..n).fold(T::zero(), |acc, r| acc + a[r * n + i].norm_sqr());
        let tiny = T::min_positive_value();
        let mut v = vec![zero; rem];
        v[0] = real(T::one());
        let (h, beta) = if tail_sq <= tiny && c0.im * c0.im <= tiny {
            (zero, c0.re)
        } else {
            let mut beta = (c0.norm_sqr() + tail_sq).sqrt();
            if c0.re >= T::zero() {
                beta = -beta;
            }
            let d = c0 - beta;
            for (j, r) in (i + 2..n).enumerate() {
                v[j + 1] = a[r * n + i] / d;
            }
            (conj((real(beta) - c0) / beta), beta)
        };
        a[(i + 1) * n + i] = real(beta);
        (i + 2..n).for_each(|r| a[r * n + i] = zero);
        if h != zero {
            // A ← H·A on rows i+1.. (columns i+1..), then A ← A·Hᴴ on columns i+1.. (all rows).
            for c in i + 1..n {
                let t = (0..rem).fold(zero, |t, k| t + conj(v[k]) * a[(i + 1 + k) * n + c]);
                (0..rem)
                    .for_each(|k| a[(i + 1 + k) * n + c] = a[(i + 1 + k) * n + c] - h * v[k] * t);
            }
            let hc = conj(h);
            for r in 0..n {
                let t = (0..rem).fold(zero, |t, k| t + a[r * n + i + 1 + k] * v[k]);
                (0..rem).for_each(|k| {
                    a[r * n + i + 1 + k] = a[r * n + i + 1 + k] - hc * t * conj(v[k])
                });
            }
        }
        if want_q {
            reflectors.push((v, h));
        }
    }
    if !want_q {
        return None;
    }
    // Q = H_0ᴴ·H_1ᴴ ⋯, built from the right end: Q ← H_iᴴ·Q.
    let mut q = vec![zero; n * n];
    (0..n).for_each(|i| q[i * n + i] = real(T::one()));
    for (i, (v, h)) in reflectors.iter().enumerate().rev() {
        let hc = conj(*h);
        if hc == zero {
            continue;
        }
        let rem = v.len();
        for c in 0..n {
            let t = (0..rem).fold(zero, |t, k| t + conj(v[k]) * q[(i + 1 + k) * n + c]);
            (0..rem).for_each(|k| q[(i + 1 + k) * n + c] = q[(i + 1 + k) * n + c] - hc * v[k] * t);
        }
    }
    Some(q)
}

/// A Givens rotation `G = [[c, s̄], [−s, c̄]]` with `Gᴴ·(p, q)ᵀ = (r, 0)ᵀ`.
#[derive(Clone, Copy)]
struct Givens<T> {
    c: Complex<T>,
    s: Complex<T>,
}

impl<T: Real> Givens<T> {
    /// The rotation zeroing `q` against `p`, and `r`.
    fn new(p: Complex<T>, q: Complex<T>) -> (Givens<T>, Complex<T>) {
        let zero = real(T::zero());
        if q == zero {
            let c = real(if p.re < T::zero() {
                -T::one()
            } else {
                T::one()
            });
            return (Givens { c, s: zero }, c * p);
        }
        if p == zero {
            let aq = mag(q);
            return (
                Givens {
                    c: zero,
                    s: -q / aq,
                },
                real(aq),
            );
        }
        let (p1, q1) = (norm1(p), norm1(q));
        if p1 >= q1 {
            let ps = p / p1;
            let p2 = ps.norm_sqr();
            let qs = q / p1;
            let q2 = qs.norm_sqr();
            let mut u = (T::one() + q2 / p2).sqrt();
            if p.re < T::zero() {
                u = -u;
            }
            let c = real(T::one() / u);
            let s = -qs * conj(ps) * (c / p2);
            (Givens { c, s }, p * u)
        } else {
            let ps = p / q1;
            let p2 = ps.norm_sqr();
            let qs = q / q1;
            let q2 = qs.norm_sqr();
            let mut u = q1 * (p2 + q2).sqrt();
            if p.re < T::zero() {
                u = -u;
            }
            let ap = mag(p);
            let ps = p / ap;
            let c = real(ap / u);
            let s = -conj(ps) * (q / u);
            (Givens { c, s }, ps * u)
        }
    }

    /// Rows `i`, `i + 1` of `m` (columns `from..n`) ← `Gᴴ` times them.
    fn left_adjoint(self, m: &mut [Complex<T>], n: usize, i: usize, from: usize) {
        let (c, s) = (self.c, self.s);
        for col in from..n {
            let (x, y) = (m[i * n + col], m[(i + 1) * n + col]);
            m[i * n + col] = conj(c) * x - conj(s) * y;
            m[(i + 1) * n + col] = s * x + c * y;
        }
    }

    /// Columns `i`, `i + 1` of rows `0..rows` of `m` ← them times `G`.
    fn right(self, m: &mut [Complex<T>], n: usize, i: usize, rows: usize) {
        let (c, s) = (self.c, self.s);
        for r in 0..rows {
            let (x, y) = (m[r * n + i], m[r * n + i + 1]);
            m[r * n + i] = c * x - s * y;
            m[r * n + i + 1] = conj(s) * x + conj(c) * y;
        }
    }
}

/// Whether `t[i+1][i]` is negligible against its two diagonal neighbours (then set to 0).
fn deflates<T: Real>(t: &mut [Complex<T>], n: usize, i: usize) -> bool {
    let d = norm1(t[i * n + i]) + norm1(t[(i + 1) * n + i + 1]);
    let sd = norm1(t[(i + 1) * n + i]);
    if sd <= d * T::epsilon() {
        t[(i + 1) * n + i] = real(T::zero());
        true
    } else {
        false
    }
}

/// The shift of a sweep on the active block ending at row `iu`.
fn shift<T: Real>(t: &[Complex<T>], n: usize, iu: usize, iter: usize) -> Complex<T> {
    if iter == 10 || iter == 20 {
        // The exceptional shift (EISPACK's comqr).
        let below = if iu >= 2 {
            t[(iu - 1) * n + iu - 2].re.abs()
        } else {
            T::zero()
        };
        return real(t[iu * n + iu - 1].re.abs() + below);
    }
    let blk = [
        t[(iu - 1) * n + iu - 1],
        t[(iu - 1) * n + iu],
        t[iu * n + iu - 1],
        t[iu * n + iu],
    ];
    let normt = blk.iter().fold(T::zero(), |s, &z| s + mag(z));
    let [a, b01, b10, d] = blk.map(|z| z / normt);
    let b = b01 * b10;
    let c = a - d;
    let disc = sqrt(c * c + b * T::of(4));
    let det = a * d - b;
    let trace = a + d;
    let (mut e1, mut e2) = ((trace + disc) / T::of(2), (trace - disc) / T::of(2));
    let (n1, n2) = (norm1(e1), norm1(e2));
    if n1 > n2 {
        e2 = det / e1;
    } else if n2 != T::zero() {
        e1 = det / e2;
    }
    if norm1(e1 - d) < norm1(e2 - d) {
        e1 * normt
    } else {
        e2 * normt
    }
}

/// The Hessenberg `t` to upper triangular `T` in place by shifted QR sweeps, the rotations
/// accumulated into `u` (`A = U·T·Uᴴ`) when given.
fn schur<T: Real>(t: &mut [Complex<T>], n: usize, mut u: Option<&mut [Complex<T>]>) {
    if n < 2 {
        return;
    }
    let max_iters = 30 * n;
    let mut iu = n - 1;
    let (mut iter, mut total) = (0usize, 0usize);
    loop {
        while iu > 0 && deflates(t, n, iu - 1) {
            iter = 0;
            iu -= 1;
        }
        if iu == 0 {
            break;
        }
        iter += 1;
        total += 1;
        if total > max_iters {
            break;
        }
        let mut il = iu - 1;
        while il > 0 && !deflates(t, n, il - 1) {
            il -= 1;
        }
        // A bulge from the shifted first column, chased down the active block.
        let sh = shift(t, n, iu, iter);
        let (g, _) = Givens::new(t[il * n + il] - sh, t[(il + 1) * n + il]);
        g.left_adjoint(t, n, il, il);
        g.right(t, n, il, (il + 2).min(iu) + 1);
        if let Some(u) = u.as_deref_mut() {
            g.right(u, n, il, n);
        }
        for i in il + 1..iu {
            let (g, r) = Givens::new(t[i * n + i - 1], t[(i + 1) * n + i - 1]);
            t[i * n + i - 1] = r;
            t[(i + 1) * n + i - 1] = real(T::zero());
            g.left_adjoint(t, n, i, i);
            g.right(t, n, i, (i + 2).min(iu) + 1);
            if let Some(u) = u.as_deref_mut() {
                g.right(u, n, i, n);
            }
        }
    }
}

/// The unit eigenvectors (columns, row-major) from the triangular `t` and the Schur vectors `u`.
fn eigenvectors<T: Real>(t: &[Complex<T>], u: &[Complex<T>], n: usize) -> Vec<Complex<T>> {
    let zero = real(T::zero());
    let fro = t.iter().fold(T::zero(), |s, z| s + z.norm_sqr()).sqrt();
    let norm = fro.max(T::min_positive_value());
    // X upper unit-triangular with T·X = X·diag(T).
    let mut x = vec![zero; n * n];
    for k in (0..n).rev() {
        x[k * n + k] = real(T::one());
        for i in (0..k).rev() {
            let s = (i + 1..k).fold(zero, |s, j| s + t[i * n + j] * x[j * n + k]);
            let mut z = t[i * n + i] - t[k * n + k];
            if z == zero {
                z = Complex::new(T::epsilon() * norm, z.im);
            }
            x[i * n + k] = (-t[i * n + k] - s) / z;
        }
    }
    // V = U·X, each column scaled to unit norm.
    let mut v = vec![zero; n * n];
    for r in 0..n {
        for k in 0..n {
            v[r * n + k] = (0..=k).fold(zero, |s, j| s + u[r * n + j] * x[j * n + k]);
        }
    }
    for k in 0..n {
        let sq = (0..n).fold(T::zero(), |s, r| s + v[r * n + k].norm_sqr());
        if sq > T::zero() {
            let s = sq.sqrt();
            (0..n).for_each(|r| v[r * n + k] = v[r * n + k] / s);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::C128;

    fn c(re: f64, im: f64) -> C128 {
        C128::new(re, im)
    }

    /// `‖A·V − V·diag(w)‖` over the entries.
    fn residual(a: &[C128], w: &[C128], v: &[C128], n: usize) -> f64 {
        let mut worst: f64 = 0.0;
        for r in 0..n {
            for k in 0..n {
                let av: C128 = (0..n).map(|j| a[r * n + j] * v[j * n + k]).sum();
                worst = worst.max(mag(av - v[r * n + k] * w[k]));
            }
        }
        worst
    }

    #[test]
    fn diagonal_matrices_sort_by_magnitude() {
        let mut a = vec![c(3.0, 0.0), c(0.0, 0.0), c(0.0, 0.0), c(-1.0, 0.0)];
        let (w, v) = eig(&mut a, 2, true);
        assert_eq!(w, [c(-1.0, 0.0), c(3.0, 0.0)]);
        assert_eq!(
            v.unwrap(),
            [c(0.0, 0.0), c(1.0, 0.0), c(1.0, 0.0), c(0.0, 0.0)]
        );
    }

    #[test]
    fn a_rotation_has_conjugate_eigenvalues() {
        let a = vec![c(0.0, 0.0), c(-1.0, 0.0), c(1.0, 0.0), c(0.0, 0.0)];
        let (w, v) = eig(&mut a.clone(), 2, true);
        let v = v.unwrap();
        assert!(residual(&a, &w, &v, 2) < 1e-14);
        let mut im: Vec<f64> = w.iter().map(|z| z.im).collect();
        im.sort_by(f64::total_cmp);
        assert!((im[0] + 1.0).abs() < 1e-14 && (im[1] - 1.0).abs() < 1e-14);
    }

    #[test]
    fn random_complex_matrices_decompose() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        for n in [1, 2, 3, 5, 8, 13] {
            let a: Vec<C128> = (0..n * n).map(|_| c(next(), next())).collect();
            let (w, v) = eig(&mut a.clone(), n, true);
            let v = v.unwrap();
            assert!(residual(&a, &w, &v, n) < 1e-12, "n = {n}");
            assert!(w.windows(2).all(|p| mag(p[0]) <= mag(p[1])));
            let (w2, none) = eig(&mut a.clone(), n, false);
            assert!(none.is_none());
            for (x, y) in w.iter().zip(&w2) {
                assert!(mag(x - y) < 1e-12);
            }
        }
    }

    #[test]
    fn a_jordan_block_keeps_finite_vectors() {
        // Defective: one eigenvector; the back substitution's zero difference is replaced.
        let mut a = vec![c(2.0, 0.0), c(1.0, 0.0), c(0.0, 0.0), c(2.0, 0.0)];
        let (w, v) = eig(&mut a, 2, true);
        assert_eq!(w, [c(2.0, 0.0), c(2.0, 0.0)]);
        assert!(v
            .unwrap()
            .iter()
            .all(|z| z.re.is_finite() && z.im.is_finite()));
    }
}

//! The modified Bessel functions of the first kind of orders 0 and 1, `I0`, `I1`, and their
//! exponentially scaled forms `I0e(x) = e^(-|x|)·I0(x)`, `I1e(x) = e^(-|x|)·I1(x)`, in Float64;
//! and those of the second kind, `K0`, `K1`, `K0e`, `K1e` (the Bessel functions `J0`, `J1`, `Y0`,
//! `Y1` are libm's).
//!
//! Below `|x| = 30` each is its power series `Iν(x) = Σ (x/2)^(2k+ν) / (k!·(k+ν)!)`, whose terms
//! are all positive (no cancellation: a few ulps); above it, the asymptotic expansion
//! `Iν(x) ≈ e^x / √(2πx) · Σ (-1)^k a_k(ν) / x^k` with `a_k = Π_{j≤k} (4ν² - (2j-1)²) / (8j)`,
//! whose 20th term is below 1e-17 there. The unscaled forms overflow to `inf` past `x ≈ 713`, as
//! every library's do.

/// Where the power series gives way to the asymptotic expansion.
const SERIES_LIMIT: f64 = 30.0;

/// `Σ (x/2)^(2k+ν) / (k!·(k+ν)!)` for `ν` in {0, 1}, `|x| ≤ 30`.
fn series(x: f64, nu: u32) -> f64 {
    let q = 0.25 * x * x;
    let mut term = if nu == 0 { 1.0 } else { 0.5 * x };
    let mut sum = term;
    for k in 1..200u32 {
        term *= q / (f64::from(k) * f64::from(k + nu));
        sum += term;
        if term.abs() <= sum.abs() * 1e-17 {
            break;
        }
    }
    sum
}

/// `√(2π|x|) · e^(-|x|) · Iν(|x|)` by the asymptotic expansion, for `|x| > 30`.
fn asymptotic(ax: f64, nu: u32) -> f64 {
    let mu = 4.0 * f64::from(nu * nu);
    let (mut term, mut sum) = (1.0, 1.0);
    for j in 1..=24u32 {
        let odd = f64::from(2 * j - 1);
        term *= -(mu - odd * odd) / (8.0 * f64::from(j) * ax);
        sum += term;
    }
    sum
}

/// `Iν(x)·e^(-|x|)` for `ν` in {0, 1}.
fn scaled(x: f64, nu: u32) -> f64 {
    let ax = x.abs();
    if x.is_nan() {
        return f64::NAN;
    }
    if ax <= SERIES_LIMIT {
        return series(x, nu) * (-ax).exp();
    }
    if ax.is_infinite() {
        return 0.0;
    }
    let v = asymptotic(ax, nu) / (2.0 * std::f64::consts::PI * ax).sqrt();
    if nu == 1 && x < 0.0 {
        -v
    } else {
        v
    }
}

/// `Iν(x)` for `ν` in {0, 1}.
fn unscaled(x: f64, nu: u32) -> f64 {
    if x.abs() <= SERIES_LIMIT {
        return series(x, nu);
    }
    if x.is_infinite() {
        return if nu == 1 && x < 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    // e^|x| would overflow before the product does near 709..713: split it.
    let half = (0.5 * x.abs()).exp();
    scaled(x, nu) * half * half
}

/// `I0(x)`, the modified Bessel function of the first kind of order 0 (even; `I0(0) = 1`).
pub fn i0(x: f64) -> f64 {
    unscaled(x, 0)
}

/// `I0e(x) = e^(-|x|)·I0(x)`.
pub fn i0e(x: f64) -> f64 {
    scaled(x, 0)
}

/// `I1(x)`, the modified Bessel function of the first kind of order 1 (odd; `I1(0) = 0`).
pub fn i1(x: f64) -> f64 {
    unscaled(x, 1)
}

/// `I1e(x) = e^(-|x|)·I1(x)`.
pub fn i1e(x: f64) -> f64 {
    scaled(x, 1)
}

/// `e^x·Kν(x)` for ν = 0 or 1: below `x = 25` the trapezoid rule on
/// `∫₀^∞ e^(-x(cosh t − 1))·cosh(νt) dt` (the integrand is analytic in a strip, so the rule
/// converges geometrically: a step of `π²/(x + 45)` leaves an error near `e^-45`, relative);
/// from 25 on the asymptotic expansion `√(π/2x)·Σ a_k(ν)/x^k`, cut where its terms fall below
/// 1e-17 (they shrink until `k ≈ 2x`). NaN below 0 (SciPy's; MindSpore 2.10 gives `inf`), `inf`
/// at 0.
fn k_scaled(nu: f64, x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::INFINITY;
    }
    if x >= 25.0 {
        let mu = 4.0 * nu * nu;
        let (mut term, mut total) = (1.0f64, 1.0f64);
        for k in 1..60 {
            let odd = (2 * k - 1) as f64;
            term *= (mu - odd * odd) / (k as f64 * 8.0 * x);
            if term.abs() < 1e-17 * total.abs() {
                break;
            }
            total += term;
        }
        return (std::f64::consts::PI / (2.0 * x)).sqrt() * total;
    }
    let h = (std::f64::consts::PI * std::f64::consts::PI / (x + 45.0)).min(0.25);
    let mut total = 0.5;
    // The integrand falls below 1e-18 of the sum within `t = acosh(1 + 42/x) + 1`: 8000 steps
    // cover x down to the smallest normal number.
    for k in 1..8000 {
        let t = k as f64 * h;
        let v = (-x * (t.cosh() - 1.0)).exp() * (nu * t).cosh();
        total += v;
        if v < 1e-18 * total {
            break;
        }
    }
    total * h
}

/// The modified Bessel function of the second kind `K0(x)`.
pub fn k0(x: f64) -> f64 {
    k_scaled(0.0, x) * (-x).exp()
}

/// `e^x·K0(x)`.
pub fn k0e(x: f64) -> f64 {
    k_scaled(0.0, x)
}

/// The modified Bessel function of the second kind `K1(x)`.
pub fn k1(x: f64) -> f64 {
    k_scaled(1.0, x) * (-x).exp()
}

/// `e^x·K1(x)`.
pub fn k1e(x: f64) -> f64 {
    k_scaled(1.0, x)
}

/// The Bessel function of the second kind `Y0`: libm's, NaN below 0 (MindSpore 2.10 gives
/// `-inf` there).
pub fn y0(x: f64) -> f64 {
    if x < 0.0 {
        f64::NAN
    } else {
        libm::y0(x)
    }
}

/// The Bessel function of the second kind `Y1`: libm's, NaN below 0, `-inf` at 0 (MindSpore 2.10
/// gives `-inf` below 0 and NaN at 0).
pub fn y1(x: f64) -> f64 {
    if x < 0.0 {
        f64::NAN
    } else {
        libm::y1(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values from SciPy's `scipy.special.i0/i1/i0e/i1e` (Cephes), to 15 digits.
    #[test]
    fn matches_reference_values() {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-14 * b.abs().max(1e-300);
        assert!(close(i0(0.0), 1.0));
        assert!(close(i0(1.0), 1.266_065_877_752_008_2));
        assert!(close(i1(1.0), 0.565_159_103_992_485_1));
        assert!(close(i0(-2.5), 3.289_839_144_050_123));
        assert!(close(i1(-2.5), -2.516_716_245_288_698_4));
        assert!(close(i0e(50.0), 0.056_561_626_647_454_184));
        assert!(close(i1e(50.0), 0.055_993_123_892_895_395));
        assert!(close(i1e(-50.0), -0.055_993_123_892_895_395));
        assert!(close(i0e(30.0), 0.073_145_946_482_237_3));
        assert_eq!(i1(0.0), 0.0);
        assert!(i0(800.0).is_infinite());
        assert!(i0e(f64::INFINITY) == 0.0 && i0(f64::NEG_INFINITY) == f64::INFINITY);
        assert!(i0(f64::NAN).is_nan() && i1e(f64::NAN).is_nan());
    }
}

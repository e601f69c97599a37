//! The gamma-function family in Float64: `lgamma` (libm's, within an ulp), the digamma function
//! `ψ` and the polygamma functions `ψ⁽ⁿ⁾`, which the unary op `Lgamma` and the binary op
//! `Polygamma` of the scalar tables evaluate (other float dtypes are computed here, then rounded).
//!
//! - `ψ(x)` for `x ≥ 10`: the asymptotic series `ln x - 1/(2x) - Σ B₂ₖ/(2k·x²ᵏ)`; on `[1, 2]`:
//!   the Taylor series about its positive root `x₀ = 1.4616…` (coefficients
//!   `(-1)ᵏ⁺¹·ζ(k+1, x₀)`, 40 of them, computed with mpmath), so that it keeps its relative
//!   accuracy at the root; between, the recurrence `ψ(x+1) = ψ(x) + 1/x` from `[1, 2]` (up to
//!   and down to `(0, 1)`); for `x < 0` the reflection `ψ(x) = ψ(1-x) - π·cot(πx)`.
//! - `ψ⁽ⁿ⁾(x) = (-1)ⁿ⁺¹·n!·ζ(n+1, x)` for `n ≥ 1` and `x > 0`, with the Hurwitz zeta function
//!   summed directly up to `x + k ≥ n + 13` and the Euler–Maclaurin tail beyond; for `x < 0` the
//!   reflection `ψ⁽ⁿ⁾(x) = (-1)ⁿ·ψ⁽ⁿ⁾(1-x) - πⁿ⁺¹·Pₙ(cot πx)`, where `Pₙ` is the polynomial with
//!   `dⁿ/duⁿ cot u = Pₙ(cot u)` (`P₀(c) = c`, `Pₙ₊₁ = -(1 + c²)·Pₙ'`; its coefficients share
//!   one sign, so it evaluates without cancellation). Summing the Hurwitz series through the
//!   negative terms instead cancels: `ψ⁽¹²⁾(-0.5)` came out 7·10⁵ ulps off.
//!
//! Poles and limits as MindSpore 2.10's CPU kernels give them: `ψ(+0) = -inf`, `ψ(-0) = +inf`,
//! `ψ` is NaN at the negative integers; `ψ⁽ⁿ⁾` is `(-1)ⁿ⁺¹·inf` at 0 and the negative integers.
//! Where MindSpore's answer is no limit at all (`ψ⁽ⁿ⁾(+inf)` is NaN there) the limit is given
//! (`±0`); `ψ⁽ⁿ⁾(-inf)` is NaN. A negative or fractional order `n` gives NaN, as MindSpore's.

use std::f64::consts::PI;

/// The positive root of `ψ`, `x₀ = 1.46163214496836234126…`, as a sum of two doubles.
const ROOT_HI: f64 = 1.4616321449683622;
const ROOT_LO: f64 = 9.549995429965697e-17;

/// `(-1)ᵏ⁺¹·ζ(k+1, x₀)` for `k = 1..=40`: `ψ(x₀ + t) = Σ c_k·tᵏ`.
const ROOT_TAYLOR: [f64; 40] = [
    0.9676722454476212,
    -0.4427631689835921,
    0.258499760955651,
    -0.16394270544240652,
    0.10782405069126237,
    -0.07219956125645471,
    0.04880428816414311,
    -0.03316112647484736,
    0.022597648232218104,
    -0.01542476590494896,
    0.010538791616612175,
    -0.007204534386356869,
    0.004926781395729853,
    -0.003369801655439328,
    0.002305126326734928,
    -0.0015769367714301972,
    0.0010788252019162967,
    -0.0007380709389960052,
    0.000504953265834602,
    -0.0003454680251063077,
    0.00023635601564027053,
    -0.00016170622091974803,
    0.0001106337276874741,
    -7.569179582195066e-05,
    5.178575795222081e-05,
    -3.5430070947659604e-05,
    2.424006611860132e-05,
    -1.6584242271854135e-05,
    1.134638458466385e-05,
    -7.762817668462094e-06,
    5.3110609208898636e-06,
    -3.6336507898010456e-06,
    2.486022733129538e-06,
    -1.7008538854332607e-06,
    1.1636675363548843e-06,
    -7.96142543124197e-07,
    5.446941930669446e-07,
    -3.7266161283438227e-07,
    2.549626552021554e-07,
    -1.7443695117727745e-07,
];

/// `B₂ₖ / (2k)` for `k = 1..=9`: the asymptotic series of `ψ`.
const PSI_ASYMPTOTIC: [f64; 9] = [
    0.08333333333333333,
    -0.008333333333333333,
    0.003968253968253968,
    -0.004166666666666667,
    0.007575757575757576,
    -0.021092796092796094,
    0.08333333333333333,
    -0.4432598039215686,
    3.0539543302701198,
];

/// `B₂ⱼ / (2j)!` for `j = 1..=14`: the Euler–Maclaurin tail of the Hurwitz zeta function.
const EULER_MACLAURIN: [f64; 14] = [
    0.08333333333333333,
    -0.001388888888888889,
    3.306878306878307e-05,
    -8.267195767195768e-07,
    2.08767569878681e-08,
    -5.284190138687493e-10,
    1.3382536530684679e-11,
    -3.3896802963225827e-13,
    8.586062056277845e-15,
    -2.174868698558062e-16,
    5.5090028283602295e-18,
    -1.3954464685812522e-19,
    3.534707039629467e-21,
    -8.953517427037546e-23,
];

/// The largest order the reflection's polynomial is kept for (`n!` overflows past 170 anyway).
const MAX_ORDER: usize = 170;

/// `ln|Γ(x)|`: `+inf` at 0, the negative integers and `±inf`.
pub fn lgamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// `cot(πx)` for a non-integer `x`, from the fractional part `r = x - ⌊x⌋` (exact) so that
/// large `x` lose nothing, and from `tan(π(½ - r))` in the middle, where `cot` has its zero.
fn cot_pi(x: f64) -> f64 {
    let r = x - x.floor();
    if r < 0.25 {
        1.0 / (PI * r).tan()
    } else if r > 0.75 {
        -1.0 / (PI * (1.0 - r)).tan()
    } else {
        (PI * (0.5 - r)).tan()
    }
}

/// `πⁿ⁺¹·Pₙ(c)`: `π·dⁿ/dxⁿ cot(πx)` at the `x` with `cot(πx) = c` (`n ≤ MAX_ORDER`).
fn pi_cot_derivative(n: usize, c: f64) -> f64 {
    // Coefficients of Pₖ by power of c; Pₖ has degree k + 1.
    let mut p = [0.0f64; MAX_ORDER + 2];
    p[1] = 1.0;
    for k in 0..n {
        // -(1 + c²)·Σ j·a_j·c^(j-1) = -Σ j·a_j·(c^(j-1) + c^(j+1)), from the top down.
        let mut next = [0.0f64; MAX_ORDER + 2];
        for j in 1..=k + 1 {
            let d = j as f64 * p[j];
            next[j - 1] -= d;
            next[j + 1] -= d;
        }
        p = next;
    }
    let mut acc = 0.0;
    for a in p[..=n + 1].iter().rev() {
        acc = acc * c + a;
    }
    acc * PI.powi(n as i32 + 1)
}

/// `ψ(x)` on `[1, 2]`, by the Taylor series about the root.
fn digamma_near_root(x: f64) -> f64 {
    let t = (x - ROOT_HI) - ROOT_LO;
    let mut acc = 0.0;
    for c in ROOT_TAYLOR.iter().rev() {
        acc = acc * t + c;
    }
    acc * t
}

/// `ψ(x)` for `x ≥ 10`, by the asymptotic series.
fn digamma_asymptotic(x: f64) -> f64 {
    let w = 1.0 / (x * x);
    let mut acc = 0.0;
    for c in PSI_ASYMPTOTIC.iter().rev() {
        acc = acc * w + c;
    }
    x.ln() - 0.5 / x - acc * w
}

/// The digamma function `ψ(x) = Γ'(x)/Γ(x)`.
pub fn digamma(x: f64) -> f64 {
    if x.is_nan() || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        // ψ(x) ~ -1/x: the sign of the zero picks the side.
        return if x.is_sign_positive() {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    if x < 0.0 {
        if x == x.floor() {
            return f64::NAN;
        }
        return digamma(1.0 - x) - PI * cot_pi(x);
    }
    if x < 1.0 {
        return digamma_near_root(x + 1.0) - 1.0 / x;
    }
    if x <= 2.0 {
        return digamma_near_root(x);
    }
    if x >= 10.0 {
        return digamma_asymptotic(x);
    }
    // x = base + m with base in [1, 2) (x - m is exact): ψ(x) = ψ(base) + Σ 1/(base + j),
    // the smallest terms first.
    let m = (x - 1.0).floor();
    let base = x - m;
    let mut sum = 0.0;
    let mut j = m - 1.0;
    while j >= 0.0 {
        sum += 1.0 / (base + j);
        j -= 1.0;
    }
    sum + digamma_near_root(base)
}

/// The Hurwitz zeta function `ζ(s, q) = Σₖ (q + k)^(-s)` for an integer `s ≥ 2` and `q > 0`.
fn hurwitz_zeta(s: i32, q: f64) -> f64 {
    let sf = f64::from(s);
    // Terms are summed directly up to w = q + terms ≥ s + 13, where the Euler–Maclaurin terms
    // shrink by at least 4 each (their ratio is about ((s + 2j)/(2πw))²).
    let edge = sf + 13.0;
    let terms = if q < edge { (edge - q).ceil() } else { 0.0 };
    let w = q + terms;
    let w_s = w.powi(-s);
    let mut tail = w * w_s / (sf - 1.0) + 0.5 * w_s;
    // B₂ⱼ/(2j)! · s(s+1)…(s+2j-2) · w^(-s-2j+1)
    let (mut rising, mut power) = (sf, w_s / w);
    let w2 = 1.0 / (w * w);
    for (j, b) in EULER_MACLAURIN.iter().enumerate() {
        let term = b * rising * power;
        if !term.is_finite() {
            break;
        }
        tail += term;
        if term.abs() <= tail.abs() * 1e-18 {
            break;
        }
        let k = 2.0 * j as f64;
        rising *= (sf + k + 1.0) * (sf + k + 2.0);
        power *= w2;
    }
    // The direct terms, the smallest (farthest) first.
    let mut sum = tail;
    let mut k = terms - 1.0;
    while k >= 0.0 {
        sum += (q + k).powi(-s);
        k -= 1.0;
    }
    sum
}

/// The polygamma function `ψ⁽ⁿ⁾(x)`, the `n`-th derivative of `ψ` (`n = 0` is `ψ` itself); `n`
/// is a whole number held in a float (NaN otherwise). Orders past 170, where `n!` overflows, give
/// NaN.
pub fn polygamma(n: f64, x: f64) -> f64 {
    if n.is_nan() || n < 0.0 || n != n.floor() {
        return f64::NAN;
    }
    if n == 0.0 {
        return digamma(x);
    }
    // (-1)^(n+1): positive for odd n.
    let sign = if n % 2.0 == 1.0 { 1.0 } else { -1.0 };
    if x.is_nan() || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return sign * 0.0;
    }
    if x <= 0.0 && x == x.floor() {
        return sign * f64::INFINITY;
    }
    if n > MAX_ORDER as f64 {
        return f64::NAN;
    }
    if x < 0.0 {
        let even = if sign < 0.0 { 1.0 } else { -1.0 };
        return even * polygamma(n, 1.0 - x) - pi_cot_derivative(n as usize, cot_pi(x));
    }
    sign * factorial(n) * hurwitz_zeta(n as i32 + 1, x)
}

/// `n!` for a whole `n ≥ 1` (exact to 22!, correctly rounded products beyond; inf past 170).
fn factorial(n: f64) -> f64 {
    let mut f = 1.0f64;
    let mut k = 2.0;
    while k <= n && f.is_finite() {
        f *= k;
        k += 1.0;
    }
    f
}

//! Float32 `exp` and `tanh` written so that the compiler can vectorise them: no branches, no
//! library calls, only arithmetic, comparisons and bit operations. The platform's `expf`/`tanhf`
//! are scalar calls (about 13 ns an element for `tanhf` here), which made a 1e6-element `tanh` cost
//! 13 ms; these run at memory speed under AVX-512 (see `simd`). Float64 keeps the library
//! functions (the derivative tests compare against finite differences in Float64).
//!
//! Accuracy (checked over a sweep in `tests`): `exp` within 2 ulp, `tanh` within 3 ulp of the
//! correctly rounded result; NaN, ±inf, ±0, overflow and underflow behave as the library's.

const LOG2_E: f32 = std::f32::consts::LOG2_E;
/// ln 2 in two parts (Cody and Waite): `LN2_HI` has 9 significant bits, so `n·LN2_HI` is exact
/// for every `n` that occurs here (|n| ≤ 150).
const LN2_HI: f32 = 0.693_359_4;
const LN2_LO: f32 = -2.121_944_4e-4;
/// Adding and subtracting 1.5·2²³ rounds a float32 of magnitude below 2²² to the nearest integer.
const ROUNDER: f32 = 12_582_912.0;

/// `e^x`.
#[inline(always)]
pub(crate) fn exp_f32(x: f32) -> f32 {
    // Below -104 the result is 0 and above 89 it is inf; NaN passes through the clamp.
    let x = x.clamp(-104.0, 89.0);
    let shifted = x * LOG2_E + ROUNDER;
    let nf = shifted - ROUNDER;
    // x = n·ln2 + r with |r| ≤ ln2/2; e^r by its Taylor polynomial of degree 7 (error < 6e-9).
    let r = (x - nf * LN2_HI) - nf * LN2_LO;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // n read from the bits of `shifted` (its mantissa is 2²² + n): a float-to-int conversion
    // would saturate, which the compiler does element by element. 2^n as two normal powers of
    // two, so that n from -150 to 128 needs no special case: the product underflows to
    // subnormals and zero, or overflows to inf, by itself. (For NaN, n is garbage and p is NaN.)
    let n = (shifted.to_bits() as i32).wrapping_sub(ROUNDER.to_bits() as i32);
    let half = n >> 1;
    p * pow2(half) * pow2(n - half)
}

/// 2^k for -126 ≤ k ≤ 127.
#[inline(always)]
fn pow2(k: i32) -> f32 {
    f32::from_bits((k.wrapping_add(127) as u32) << 23)
}

/// `tanh(x)` as `u / (u + 2)` with `u = e^{2|x|} − 1` computed without cancellation
/// ([`expm1_f32`]), so one exponential and one division serve every magnitude.
#[inline(always)]
pub(crate) fn tanh_f32(x: f32) -> f32 {
    // tanh(9.1) rounds to 1 in float32; capping keeps e^{2a} finite. A NaN stays NaN (the
    // comparison is false).
    let a = x.abs();
    let capped = if a > 9.1 { 9.1 } else { a };
    let u = expm1_f32(2.0 * capped);
    (u / (u + 2.0)).copysign(x)
}

/// `e^y − 1` for `0 ≤ y ≤ 18.2`: `y = n·ln2 + r` with `|r| ≤ ln2/2`, `e^r − 1 = r + r²·P(r)`
/// (Taylor to r⁸, below half an ulp), then `2^n·(e^r − 1) + (2^n − 1)`, where both terms are
/// exact scalings, so the only roundings are the polynomial's and the final sum's.
#[inline(always)]
fn expm1_f32(y: f32) -> f32 {
    let shifted = y * LOG2_E + ROUNDER;
    let nf = shifted - ROUNDER;
    let r = (y - nf * LN2_HI) - nf * LN2_LO;
    let p = 0.5
        + r * (1.0 / 6.0
            + r * (1.0 / 24.0
                + r * (1.0 / 120.0
                    + r * (1.0 / 720.0 + r * (1.0 / 5040.0 + r * (1.0 / 40320.0))))));
    let em1 = r + r * r * p;
    let n = (shifted.to_bits() as i32).wrapping_sub(ROUNDER.to_bits() as i32);
    let scale = pow2(n);
    scale * em1 + (scale - 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in units in the last place between `got` and the float32 rounding of `want`.
    fn ulps(got: f32, want: f64) -> u32 {
        let w = want as f32;
        if got == w || (got.is_nan() && w.is_nan()) {
            return 0;
        }
        let key = |v: f32| {
            let b = v.to_bits() as i64;
            if b < 0x8000_0000 {
                b
            } else {
                0x8000_0000 - b
            }
        };
        (key(got) - key(w)).unsigned_abs() as u32
    }

    /// Every 997th float32 between -120 and 120, plus the special values.
    fn sweep() -> Vec<f32> {
        let mut v: Vec<f32> = (0..u32::MAX / 997)
            .map(|i| f32::from_bits(i * 997))
            .filter(|x| x.is_finite() && x.abs() < 120.0)
            .flat_map(|x| [x, -x])
            .collect();
        v.extend([
            0.0,
            -0.0,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::MIN_POSITIVE,
            88.72,
            88.73,
        ]);
        v.extend([
            -87.34,
            -103.2,
            -103.9,
            -104.5,
            0.55,
            -0.55,
            0.549_999_9,
            9.0,
            9.1,
            1e-30,
        ]);
        v
    }

    #[test]
    fn exp_is_within_two_ulp() {
        let worst = sweep()
            .into_iter()
            .map(|x| (ulps(exp_f32(x), f64::from(x).exp()), x))
            .max_by_key(|&(u, _)| u)
            .unwrap_or((0, 0.0));
        assert!(worst.0 <= 2, "exp({}) is {} ulp off", worst.1, worst.0);
        assert!(exp_f32(f32::NAN).is_nan());
        assert_eq!(exp_f32(f32::INFINITY), f32::INFINITY);
        assert_eq!(exp_f32(f32::NEG_INFINITY), 0.0);
        assert_eq!(exp_f32(0.0), 1.0);
    }

    #[test]
    fn tanh_is_within_three_ulp() {
        let worst = sweep()
            .into_iter()
            .map(|x| (ulps(tanh_f32(x), f64::from(x).tanh()), x))
            .max_by_key(|&(u, _)| u)
            .unwrap_or((0, 0.0));
        assert!(worst.0 <= 3, "tanh({}) is {} ulp off", worst.1, worst.0);
        assert!(tanh_f32(f32::NAN).is_nan());
        assert_eq!(tanh_f32(f32::INFINITY), 1.0);
        assert_eq!(tanh_f32(f32::NEG_INFINITY), -1.0);
        assert!(tanh_f32(-0.0).is_sign_negative());
    }
}

//! Float32 `exp` and `tanh` written so that the compiler can vectorise them: no branches, no
//! library calls, only arithmetic, comparisons and bit operations. The platform's `expf`/`tanhf`
//! are scalar calls (about 13 ns an element for `tanhf` here), which made a 1e6-element `tanh` cost
//! 13 ms; these run at memory speed under AVX-512 (see `simd`). Float64 keeps the library
//! functions (the derivative tests compare against finite differences in Float64).
//!
//! Accuracy (checked over a sweep in `tests`): `exp` within 2 ulp, `tanh` within 3 ulp of the
//! correctly rounded result (measured over every float32: 1 and 2 ulp); NaN, ±inf, ±0, overflow
//! and underflow behave as the library's.
//!
//! Cost is the number of vector operations, so: minimax polynomials (fitted by a Remez exchange
//! in float64, then rounded to float32) instead of Taylor ones, a rational form for `tanh` that
//! shares its one division, exponents read from bits, evaluation orders with short dependency
//! chains. No `mul_add`: without FMA hardware it is a library call, and with it the result would
//! depend on the instruction set (see `simd`).

const LOG2_E: f32 = std::f32::consts::LOG2_E;
/// ln 2 in two parts (Cody and Waite): `LN2_HI` has 9 significant bits, so `n·LN2_HI` is exact
/// for every `n` that occurs here (|n| ≤ 150).
const LN2_HI: f32 = 0.693_359_4;
const LN2_LO: f32 = -2.121_944_4e-4;
/// 1.5·2²³ + 254. Adding and subtracting it rounds a float32 of magnitude below 2²² to the
/// nearest integer n, and leaves n + 254 in the low bits of the sum (see [`exp_f32`]).
const EXP_ROUNDER: f32 = 12_583_166.0;
/// `e^r ≈ 1 + r + r²·(c₂ + c₃r + c₄r² + c₅r³ + c₆r⁴)` on `|r| ≤ ln2/2`: a minimax fit of relative
/// error 3.6e-9 (0.06 of 2⁻²⁴), coefficients `c₂..c₆`.
const EXP_P: [f32; 5] = [
    0.499_999_94,
    0.166_665_21,
    0.041_668_38,
    0.008_368_732,
    0.001_381_456_9,
];

/// `e^x`.
#[inline(always)]
pub(crate) fn exp_f32(x: f32) -> f32 {
    // Below -104 the result is 0 and above 89 it is inf; NaN passes through the clamp.
    let x = x.clamp(-104.0, 89.0);
    let shifted = x * LOG2_E + EXP_ROUNDER;
    let nf = shifted - EXP_ROUNDER;
    // x = n·ln2 + r with |r| ≤ ln2/2. The polynomial in Estrin's order (the same operations as
    // Horner's, but a shorter dependency chain, so more iterations overlap).
    let r = (x - nf * LN2_HI) - nf * LN2_LO;
    let [c2, c3, c4, c5, c6] = EXP_P;
    let r2 = r * r;
    let q = (c2 + c3 * r) + r2 * ((c4 + c5 * r) + r2 * c6);
    let p = 1.0 + (r + r2 * q);
    // 2^n as 2^{e₁-127}·2^{e₂-127} with e₁ = ⌊(n + 254)/2⌋ and e₂ = n + 254 - e₁, so that n from
    // -150 to 128 needs no special case: the product underflows to subnormals and zero, or
    // overflows to inf, by itself. Both are read from the bits of `shifted`, which end in n + 254
    // (< 2⁹) above a multiple of 2⁹ that the shifts discard: a float-to-int conversion would
    // saturate, which the compiler does element by element. (For NaN they are garbage and p is NaN.)
    let bits = shifted.to_bits();
    let e1 = bits >> 1;
    let e2 = bits - e1;
    p * f32::from_bits(e1 << 23) * f32::from_bits(e2 << 23)
}

/// `tanh(x)`. With `a = |x| = n·ln2/2 + h`, `|h| ≤ ln2/4`, `s = 2^-n` and `tanh(h) ≈ h/d`:
/// `tanh(a) = (e^{2h} − s)/(e^{2h} + s)` and `e^{2h} = (d + h)/(d − h)`, so
/// `tanh(a) = N/(N + 2s·(d − h))` with `N = (1 − s)·d + (1 + s)·h`. One short polynomial (`d`, in
/// h²), one division, no cancellation: `1 ∓ s` are exact, for `n = 0` this is `2h/2d` exactly,
/// and an error in `N` is damped in the quotient because the denominator carries it too.
#[inline(always)]
pub(crate) fn tanh_f32(x: f32) -> f32 {
    // tanh(9.1) rounds to 1 in float32, so n ≤ 26. A NaN stays NaN (the comparison is false).
    let a = x.abs();
    let a = if a > 9.1 { 9.1 } else { a };
    // Rounding -a/(ln2/2) to the integer -n with TANH_ROUNDER, whose low bits hold the exponent
    // bias: the bits of `shifted` end in 127 - n, the exponent field of s.
    let shifted = a * (-2.0 / std::f32::consts::LN_2) + TANH_ROUNDER;
    let minus_n = shifted - TANH_ROUNDER;
    // One reduction step suffices: HALF_LN2 has 21 bits and is within 1e-9 of ln2/2, so
    // -n·HALF_LN2 and h are exact for n ≤ 11 (for larger n, tanh hardly depends on h), and the
    // error n·1e-9 in h moves tanh by under 0.1 ulp.
    let h = a + minus_n * HALF_LN2;
    let s = f32::from_bits(shifted.to_bits() << 23);
    let [t2, t4] = TANH_D;
    let h2 = h * h;
    let d = 1.0 + h2 * (t2 + h2 * t4);
    let num = (1.0 - s) * d + (1.0 + s) * h;
    (num / (num + (s + s) * (d - h))).copysign(x)
}

/// 1.5·2²³ + 127 (see [`tanh_f32`]).
const TANH_ROUNDER: f32 = 12_583_039.0;
/// 1453635·2⁻²², ln2/2 rounded to 21 bits (error 9.5e-10).
const HALF_LN2: f32 = 0.346_573_6;
/// `h/tanh(h) ≈ 1 + t₂h² + t₄h⁴` on `|h| ≤ ln2/4`: a minimax fit of relative error 2.4e-9
/// (0.04 of 2⁻²⁴), coefficients `t₂, t₄`.
const TANH_D: [f32; 2] = [0.333_332_5, -0.022_133_999];

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

    /// `f` of each element of `x`, in a loop compiled like `simd::run` compiles the kernels'.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512vl,avx512bw,avx512dq,avx2,fma,bmi1,bmi2")]
    unsafe fn map_avx512(x: &[f32], f: impl Fn(f32) -> f32) -> Vec<f32> {
        x.iter().map(|&v| f(v)).collect()
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma,bmi1,bmi2")]
    unsafe fn map_avx2(x: &[f32], f: impl Fn(f32) -> f32) -> Vec<f32> {
        x.iter().map(|&v| f(v)).collect()
    }

    /// The vectorised instantiations give the scalar code's bits (no fused multiply-adds: the
    /// same IEEE operations at every width), NaNs included. The loops are vectorised only with
    /// optimisation (`cargo test --release`); unoptimised, this checks the scalar code per level.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn every_instruction_set_gives_the_same_bits() {
        let mut x = sweep();
        x.extend([f32::NAN, -f32::NAN, f32::MAX, -f32::MAX, 1e-45, -1e-45]);
        same_bits_at_every_level("exp", exp_f32, &x);
        same_bits_at_every_level("tanh", tanh_f32, &x);
    }

    #[cfg(target_arch = "x86_64")]
    fn same_bits_at_every_level(name: &str, f: impl Fn(f32) -> f32 + Copy, x: &[f32]) {
        use crate::device::cpu::simd::{cpu_has, AVX2, AVX512};
        let bits = |v: Vec<f32>| v.into_iter().map(f32::to_bits).collect::<Vec<_>>();
        let base = bits(x.iter().map(|&v| f(v)).collect());
        if AVX2.iter().all(|f| cpu_has(f)) {
            // SAFETY: the CPU has every feature `map_avx2` is compiled with.
            let wide = bits(unsafe { map_avx2(x, f) });
            assert!(base == wide, "{name}: AVX2 differs from scalar");
        }
        if AVX512.iter().all(|f| cpu_has(f)) {
            // SAFETY: the CPU has every feature `map_avx512` is compiled with.
            let wide = bits(unsafe { map_avx512(x, f) });
            assert!(base == wide, "{name}: AVX-512 differs from scalar");
        }
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

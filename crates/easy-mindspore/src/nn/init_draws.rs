//! MindSpore's initial-value draws. Each random initializer call of `mindspore.common.initializer`
//! fills its tensor from one 64-bit seed (MindSpore's front end takes it from NumPy's global
//! generator): the Philox-4x32-10 stream keyed by the seed whose counter's upper half is the seed
//! too, its words mapped to Float32 values as MindSpore's CPU maps them, so that one seed gives
//! MindSpore's numbers bit for bit (checked against MindSpore 2.10 in the tests below).
//!
//! - uniform on `[a, b)`: `(b − a)·w/2³² + a` in Float64, `a` and `b` first rounded to Float32;
//! - normal: Box–Muller in Float64 on consecutive word pairs, each word's low 23 bits read as a
//!   Float32 in `[0, 1)` (at least `1e-7`), the cosine branch first, with MindSpore's Float32 π;
//! - every value rounded to Float32 once, whatever the parameter's dtype (MindSpore draws into a
//!   Float32 buffer and casts).
//!
//! The split of a large fill across MindSpore's threads does not change these values (each part
//! starts at a multiple of four words), so neither does our thread count.

use crate::op::random::philox4x32_10;

/// The first `n` words of `seed`'s stream.
fn words(seed: u64, n: usize) -> impl Iterator<Item = u32> {
    let key = [seed as u32, (seed >> 32) as u32];
    (0u64..)
        .flat_map(move |block| {
            philox4x32_10([block as u32, (block >> 32) as u32, key[0], key[1]], key)
        })
        .take(n)
}

/// `n` values uniform on `[a, b)` from `seed`.
pub fn uniform(seed: u64, a: f64, b: f64, n: usize) -> Vec<f32> {
    let (a, b) = (f64::from(a as f32), f64::from(b as f32));
    words(seed, n)
        .map(|w| ((b - a) * (f64::from(w) / 4_294_967_296.0) + a) as f32)
        .collect()
}

/// `n` values of `N(mean, sigma²)` from `seed`.
pub fn normal(seed: u64, mean: f64, sigma: f64, n: usize) -> Vec<f32> {
    let (mean, sigma) = (f64::from(mean as f32), f64::from(sigma as f32));
    let unit = |w: u32| {
        let u = f32::from_bits((w & 0x007f_ffff) | 0x3f80_0000) - 1.0;
        f64::from(u).max(f64::from(1.0e-7f32))
    };
    // MindSpore's π: the Float32 literal 3.1415926 (0x40490fda, one ulp below Float32's π).
    let two_pi = 2.0 * f64::from(f32::from_bits(0x4049_0fda));
    let mut out = Vec::with_capacity(n + 1);
    let mut w = words(seed, n.div_ceil(2) * 2);
    while let (Some(w1), Some(w2)) = (w.next(), w.next()) {
        let r = (-2.0 * unit(w1).ln()).sqrt() * sigma;
        let theta = two_pi * unit(w2);
        out.push((mean + r * theta.cos()) as f32);
        out.push((mean + r * theta.sin()) as f32);
    }
    out.truncate(n);
    out
}

/// `n` words of `seed`'s stream as uniform Float64 values on `[0, 1)` (what a truncated normal
/// inverts; MindSpore's own inversion is a rational approximation, ours `erfinv`, so those
/// values agree with MindSpore's to about one Float32 ulp rather than bit for bit).
pub fn unit_uniform(seed: u64, n: usize) -> Vec<f64> {
    words(seed, n)
        .map(|w| f64::from(w) / 4_294_967_296.0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed NumPy's `randint(1, 2**63, dtype=int64)` returns after `numpy.random.seed(0)`
    /// (MindSpore's `_numpy_seed()` after `mindspore.set_seed(0)`).
    const SEED_AFTER_0: u64 = 900_450_186_894_289_456;

    fn bits(v: &[f32]) -> Vec<u32> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn uniform_is_mindspores_dense_weight() {
        // MindSpore 2.10: `set_seed(0); nn.Dense(2, 3).weight`, HeUniform(√5) over fan-in 2.
        let gain = (2.0f64 / (1.0 + 5f64.sqrt() * 5f64.sqrt())).sqrt();
        let bound = 3f64.sqrt() * (gain / 2f64.sqrt());
        let w = uniform(SEED_AFTER_0, -bound, bound, 6);
        assert_eq!(
            bits(&w),
            [1051940440, 3168036392, 1042784689, 3178496727, 1049502609, 3191669708]
        );
    }

    #[test]
    fn normal_is_mindspores_normal_initializer() {
        // MindSpore 2.10: `numpy.random.seed(0); initializer(Normal(0.01), (5,)).init_data()`.
        let w = normal(SEED_AFTER_0, 0.0, 0.01, 5);
        assert_eq!(
            bits(&w),
            [3147881617, 3146423717, 3161627096, 1004270509, 1001468852]
        );
        // An odd count ends on a cosine branch; a longer draw starts the same.
        assert_eq!(bits(&normal(SEED_AFTER_0, 0.0, 0.01, 7))[..5], bits(&w)[..]);
    }

    #[test]
    fn unit_uniform_lies_in_the_unit_interval() {
        let u = unit_uniform(7, 1000);
        assert!(u.iter().all(|v| (0.0..1.0).contains(v)));
        assert!(u.windows(2).any(|p| p[0] != p[1]));
    }
}

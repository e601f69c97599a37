//! Reproducible random numbers: the counter-based Philox-4x32-10 generator (as MindSpore, JAX and
//! cuRAND use). The state is a key (the seed) and a 64-bit counter; each draw of `n` values takes
//! the next `ceil(n/4)` counters, so a sequence depends only on the seed and the order of draws,
//! never on thread count or backend.

use std::sync::Mutex;

const M0: u32 = 0xD251_1F53;
const M1: u32 = 0xCD9E_8D57;
const W0: u32 = 0x9E37_79B9;
const W1: u32 = 0xBB67_AE85;

/// The seed used until [`set_seed`] is called.
pub const DEFAULT_SEED: u64 = 5489;

/// One Philox-4x32-10 block: four random words for a counter and a key.
pub fn philox4x32_10(counter: [u32; 4], key: [u32; 2]) -> [u32; 4] {
    let (mut c, mut k) = (counter, key);
    for round in 0..10 {
        if round > 0 {
            k = [k[0].wrapping_add(W0), k[1].wrapping_add(W1)];
        }
        let p0 = u64::from(M0) * u64::from(c[0]);
        let p1 = u64::from(M1) * u64::from(c[2]);
        let (hi0, lo0) = ((p0 >> 32) as u32, p0 as u32);
        let (hi1, lo1) = ((p1 >> 32) as u32, p1 as u32);
        c = [hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0];
    }
    c
}

struct State {
    seed: u64,
    counter: u64,
}

static STATE: Mutex<State> = Mutex::new(State {
    seed: DEFAULT_SEED,
    counter: 0,
});

fn lock() -> std::sync::MutexGuard<'static, State> {
    // A panic while holding this lock cannot leave the state inconsistent (two plain integers).
    STATE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Restarts the global generator from `seed`: the same seed gives the same draws.
pub fn set_seed(seed: u64) {
    let mut s = lock();
    s.seed = seed;
    s.counter = 0;
}

/// The seed in force.
pub fn get_seed() -> u64 {
    lock().seed
}

/// `n` uniformly distributed 32-bit words from the global generator.
pub fn next_words(n: usize) -> Vec<u32> {
    crate::interp::stage::note_unreplayable("draws random numbers");
    let blocks = n.div_ceil(4) as u64;
    let (seed, start) = {
        let mut s = lock();
        let start = s.counter;
        s.counter = s.counter.wrapping_add(blocks);
        (s.seed, start)
    };
    let key = [seed as u32, (seed >> 32) as u32];
    let mut out = Vec::with_capacity(n + 3);
    for b in 0..blocks {
        let c = start.wrapping_add(b);
        out.extend_from_slice(&philox4x32_10([c as u32, (c >> 32) as u32, 0, 0], key));
    }
    out.truncate(n);
    out
}

/// A word mapped to the open interval (0, 1).
fn unit(w: u32) -> f64 {
    (f64::from(w) + 0.5) / 4_294_967_296.0
}

/// `n` uniform samples in [0, 1).
pub fn uniform(n: usize) -> Vec<f64> {
    next_words(n)
        .into_iter()
        .map(|w| f64::from(w) / 4_294_967_296.0)
        .collect()
}

/// `n` standard normal samples (Box–Muller on pairs of words).
pub fn normal(n: usize) -> Vec<f64> {
    let words = next_words(n.div_ceil(2) * 2);
    let mut out = Vec::with_capacity(n + 1);
    for pair in words.chunks(2) {
        let (u1, u2) = (unit(pair[0]), unit(pair[1]));
        let r = (-2.0 * u1.ln()).sqrt();
        let theta = 2.0 * std::f64::consts::PI * u2;
        out.push(r * theta.cos());
        out.push(r * theta.sin());
    }
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn philox_matches_the_random123_known_answers() {
        assert_eq!(
            philox4x32_10([0, 0, 0, 0], [0, 0]),
            [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8]
        );
        assert_eq!(
            philox4x32_10([u32::MAX; 4], [u32::MAX; 2]),
            [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]
        );
    }

    #[test]
    fn normal_samples_have_unit_moments() {
        let v = normal(100_000);
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / v.len() as f64;
        assert!(mean.abs() < 0.02, "mean {mean}");
        assert!((var - 1.0).abs() < 0.02, "var {var}");
    }
}

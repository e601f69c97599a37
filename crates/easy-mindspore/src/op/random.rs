//! The scalar function of the `Random` primitive: the counter-based Philox-4x32-10 generator
//! (as MindSpore, JAX and cuRAND use) and the maps from its words to distributions. A draw of `n`
//! values from key `seed` and counter `c` reads the blocks `c, c + 1, ...`, so a sequence depends
//! only on the key and the counters, never on thread count or device.

const M0: u32 = 0xD251_1F53;
const M1: u32 = 0xCD9E_8D57;
const W0: u32 = 0x9E37_79B9;
const W1: u32 = 0xBB67_AE85;

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

/// The distributions the `Random` primitive draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dist {
    /// Uniform on [0, 1).
    Uniform,
    /// Standard normal (Box–Muller on pairs of words).
    Normal,
}

impl Dist {
    /// The words a draw of `n` values uses.
    fn words(self, n: usize) -> usize {
        match self {
            Dist::Uniform => n,
            Dist::Normal => n.div_ceil(2) * 2,
        }
    }

    /// The counters (blocks of four words) a draw of `n` values advances by.
    pub fn blocks(self, n: usize) -> u64 {
        self.words(n).div_ceil(4) as u64
    }
}

/// `n` uniformly distributed 32-bit words of the blocks `counter, counter + 1, ...` under `seed`.
pub fn words(seed: u64, counter: u64, n: usize) -> Vec<u32> {
    let key = [seed as u32, (seed >> 32) as u32];
    let blocks = n.div_ceil(4) as u64;
    let mut out = Vec::with_capacity(n + 3);
    for b in 0..blocks {
        let c = counter.wrapping_add(b);
        out.extend_from_slice(&philox4x32_10([c as u32, (c >> 32) as u32, 0, 0], key));
    }
    out.truncate(n);
    out
}

/// A word mapped to the open interval (0, 1).
fn unit(w: u32) -> f64 {
    (f64::from(w) + 0.5) / 4_294_967_296.0
}

/// `n` samples of `dist` from the blocks `counter, ...` under `seed`, in Float64.
pub fn sample(dist: Dist, seed: u64, counter: u64, n: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(n);
    sample_into(dist, seed, counter, n, |v| out.push(v));
    out
}

/// The samples of [`sample`], handed to `push` one by one in order (so that the caller chooses
/// where they go, and how the buffer for them is allocated).
pub fn sample_into(dist: Dist, seed: u64, counter: u64, n: usize, mut push: impl FnMut(f64)) {
    let key = [seed as u32, (seed >> 32) as u32];
    let mut left = n;
    for b in 0..dist.blocks(n) {
        let c = counter.wrapping_add(b);
        let w = philox4x32_10([c as u32, (c >> 32) as u32, 0, 0], key);
        match dist {
            Dist::Uniform => {
                for &w in w.iter().take(left) {
                    push(f64::from(w) / 4_294_967_296.0);
                }
            }
            // Box–Muller on the pairs (w0, w1) and (w2, w3) of each block.
            Dist::Normal => {
                for pair in w.chunks(2) {
                    let (u1, u2) = (unit(pair[0]), unit(pair[1]));
                    let r = (-2.0 * u1.ln()).sqrt();
                    let theta = 2.0 * std::f64::consts::PI * u2;
                    for v in [r * theta.cos(), r * theta.sin()]
                        .into_iter()
                        .take(left.min(2))
                    {
                        push(v);
                        left -= 1;
                    }
                }
                continue;
            }
        }
        left = left.saturating_sub(4);
    }
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

    /// The streamed samples are the words of `words`, mapped one by one (uniform) or in pairs
    /// (normal), whatever `n` is.
    #[test]
    fn samples_map_the_words_in_order() {
        for n in [0usize, 1, 2, 3, 4, 5, 7, 8, 9, 31] {
            let w = words(42, 7, n.div_ceil(2) * 2);
            let u = sample(Dist::Uniform, 42, 7, n);
            assert_eq!(u.len(), n);
            for (v, &w) in u.iter().zip(&w) {
                assert_eq!(*v, f64::from(w) / 4_294_967_296.0);
            }
            let g = sample(Dist::Normal, 42, 7, n);
            assert_eq!(g.len(), n);
            for (i, v) in g.iter().enumerate() {
                let (u1, u2) = (unit(w[i / 2 * 2]), unit(w[i / 2 * 2 + 1]));
                let (r, t) = ((-2.0 * u1.ln()).sqrt(), 2.0 * std::f64::consts::PI * u2);
                assert_eq!(*v, if i % 2 == 0 { r * t.cos() } else { r * t.sin() });
            }
        }
    }

    #[test]
    fn normal_samples_have_unit_moments() {
        let v = sample(Dist::Normal, 5489, 0, 100_000);
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / v.len() as f64;
        assert!(mean.abs() < 0.02, "mean {mean}");
        assert!((var - 1.0).abs() < 0.02, "var {var}");
    }
}

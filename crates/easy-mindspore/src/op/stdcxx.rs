//! The random engines and distributions of the C++ standard library as libstdc++ (GCC 9)
//! implements them, bit for bit: MindSpore's CPU kernels and its data pipeline draw with them,
//! so matching MindSpore's seeded numbers means drawing exactly as they do.
//!
//! - engines: `std::mt19937`, `std::mt19937_64`, and `std::minstd_rand0` (libstdc++'s
//!   `std::default_random_engine`);
//! - `uniform_int_distribution` (by division when the range is narrower than the engine's,
//!   combining draws when wider), `std::shuffle` (two positions per draw when the range allows),
//!   `generate_canonical` for `float` and `double`, and `normal_distribution<float>` (Marsaglia's
//!   polar method, the second value of each pair kept for the next call);
//! - [`logf`]: glibc's `logf` (the algorithm of glibc ≥ 2.28, from Arm's optimized-routines,
//!   MIT-licensed, whose table it uses), which the polar method calls — not correctly rounded,
//!   so `f32::ln` would differ in a few draws in a million.

/// A 32-bit engine with libstdc++'s `min()` and `max()`.
pub trait Engine {
    /// The smallest word.
    const MIN: u32;
    /// The largest word.
    const MAX: u32;
    /// The next word.
    fn word(&mut self) -> u32;
}

/// `std::mt19937`: the 32-bit Mersenne Twister with the standard's seeding.
pub struct Mt19937 {
    state: [u32; 624],
    next: usize,
}

impl Mt19937 {
    /// The engine seeded with `seed`.
    pub fn new(seed: u32) -> Mt19937 {
        let mut state = [0u32; 624];
        state[0] = seed;
        for i in 1..624 {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { state, next: 624 }
    }

    /// The engine's state as 625 words: the 624 of the state, then the index of the next.
    pub fn to_words(&self) -> Vec<u32> {
        let mut w = self.state.to_vec();
        w.push(self.next as u32);
        w
    }

    /// The engine in a state [`Mt19937::to_words`] gave, or `None` for words that are not one.
    pub fn from_words(w: &[u32]) -> Option<Mt19937> {
        let (&next, words) = w.split_last()?;
        let state: [u32; 624] = words.try_into().ok()?;
        (next <= 624).then_some(Mt19937 {
            state,
            next: next as usize,
        })
    }
}

impl Engine for Mt19937 {
    const MIN: u32 = 0;
    const MAX: u32 = u32::MAX;

    fn word(&mut self) -> u32 {
        if self.next == 624 {
            for i in 0..624 {
                let y = (self.state[i] & 0x8000_0000) | (self.state[(i + 1) % 624] & 0x7fff_ffff);
                let mut v = self.state[(i + 397) % 624] ^ (y >> 1);
                if y & 1 == 1 {
                    v ^= 0x9908_b0df;
                }
                self.state[i] = v;
            }
            self.next = 0;
        }
        let mut y = self.state[self.next];
        self.next += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
}

/// `std::mt19937_64`: the 64-bit Mersenne Twister with the standard's seeding.
pub struct Mt19937_64 {
    state: [u64; 312],
    next: usize,
}

impl Mt19937_64 {
    /// The engine seeded with `seed`.
    pub fn new(seed: u64) -> Mt19937_64 {
        let mut state = [0u64; 312];
        state[0] = seed;
        for i in 1..312 {
            let prev = state[i - 1];
            state[i] = 6_364_136_223_846_793_005u64
                .wrapping_mul(prev ^ (prev >> 62))
                .wrapping_add(i as u64);
        }
        Mt19937_64 { state, next: 312 }
    }

    /// The next 64-bit word.
    pub fn word(&mut self) -> u64 {
        if self.next == 312 {
            for i in 0..312 {
                let y = (self.state[i] & 0xffff_ffff_8000_0000)
                    | (self.state[(i + 1) % 312] & 0x7fff_ffff);
                let mut v = self.state[(i + 156) % 312] ^ (y >> 1);
                if y & 1 == 1 {
                    v ^= 0xb502_6f5a_a966_19e9;
                }
                self.state[i] = v;
            }
            self.next = 0;
        }
        let mut y = self.state[self.next];
        self.next += 1;
        y ^= (y >> 29) & 0x5555_5555_5555_5555;
        y ^= (y << 17) & 0x71d6_7fff_eda6_0000;
        y ^= (y << 37) & 0xfff7_eee0_0000_0000;
        y ^ (y >> 43)
    }
}

/// `std::minstd_rand0` (libstdc++'s `std::default_random_engine`): `x ← 16807·x mod (2³¹ − 1)`,
/// words in `[1, 2³¹ − 2]`.
pub struct MinstdRand0(u32);

impl MinstdRand0 {
    const MODULUS: u64 = 2_147_483_647;

    /// The engine seeded with `seed` (taken modulo 2³¹ − 1; a zero state becomes 1).
    pub fn new(seed: u64) -> MinstdRand0 {
        let s = (seed % Self::MODULUS) as u32;
        MinstdRand0(if s == 0 { 1 } else { s })
    }

    /// The engine's state (in `[1, 2³¹ − 2]`).
    pub fn state(&self) -> u32 {
        self.0
    }

    /// The engine in state `s`, or `None` outside `[1, 2³¹ − 2]`.
    pub fn from_state(s: u32) -> Option<MinstdRand0> {
        (1..=Self::MAX).contains(&s).then_some(MinstdRand0(s))
    }
}

impl Engine for MinstdRand0 {
    const MIN: u32 = 1;
    const MAX: u32 = 2_147_483_646;

    fn word(&mut self) -> u32 {
        self.0 = ((u64::from(self.0) * 16_807) % Self::MODULUS) as u32;
        self.0
    }
}

/// `uniform_int_distribution` over `0..=max` on `g`: by division when the range is narrower than
/// the engine's, combining draws (libstdc++'s "upscaling") when wider.
pub fn uniform<E: Engine>(g: &mut E, max: u64) -> u64 {
    let range = u64::from(E::MAX - E::MIN);
    match max.cmp(&range) {
        std::cmp::Ordering::Less => {
            let count = max + 1;
            let scaling = range / count;
            let past = count * scaling;
            loop {
                let w = u64::from(g.word() - E::MIN);
                if w < past {
                    return w / scaling;
                }
            }
        }
        std::cmp::Ordering::Equal => u64::from(g.word() - E::MIN),
        std::cmp::Ordering::Greater => loop {
            let high = (range + 1).wrapping_mul(uniform(g, max / (range + 1)));
            let value = high.wrapping_add(u64::from(g.word() - E::MIN));
            if value <= max && value >= high {
                return value;
            }
        },
    }
}

/// `uniform_int_distribution` over `lo..=hi` (`lo ≤ hi`) on `g`.
pub fn uniform_in<E: Engine>(g: &mut E, lo: u64, hi: u64) -> u64 {
    lo + uniform(g, hi - lo)
}

/// `std::shuffle` of `v` with `g`.
pub fn shuffle<E: Engine>(v: &mut [usize], g: &mut E) {
    let n = v.len() as u64;
    if n < 2 {
        return;
    }
    if u64::from(E::MAX - E::MIN) / n >= n {
        // Two positions per draw: one uniform integer below `r·(r + 1)` gives the partner of
        // position i (below r = i + 1) and of position i + 1 (below r + 1).
        let mut i = 1;
        if n.is_multiple_of(2) {
            v.swap(1, uniform(g, 1) as usize);
            i = 2;
        }
        while i < v.len() {
            let r = i as u64 + 1;
            let x = uniform(g, r * (r + 1) - 1);
            v.swap(i, (x / (r + 1)) as usize);
            v.swap(i + 1, (x % (r + 1)) as usize);
            i += 2;
        }
    } else {
        for i in 1..v.len() {
            v.swap(i, uniform(g, i as u64) as usize);
        }
    }
}

/// `generate_canonical<double, 53>` on `g`: two words (the later one the higher digit, in base
/// the engine's range), over the range squared, kept below 1.
pub fn canonical_f64<E: Engine>(g: &mut E) -> f64 {
    let range = f64::from(E::MAX - E::MIN) + 1.0;
    let low = f64::from(g.word() - E::MIN);
    let sum = low + f64::from(g.word() - E::MIN) * range;
    let r = sum / (range * range);
    if r >= 1.0 {
        1.0 - f64::EPSILON / 2.0
    } else {
        r
    }
}

/// `generate_canonical<float, 24>` on `g`: one word rounded to Float32 over the range (in
/// Float32), kept below 1.
pub fn canonical_f32<E: Engine>(g: &mut E) -> f32 {
    let range = (f64::from(E::MAX - E::MIN) + 1.0) as f32;
    let r = (g.word() - E::MIN) as f32 / range;
    if r >= 1.0 {
        1.0 - f32::EPSILON / 2.0
    } else {
        r
    }
}

/// `normal_distribution<float>` (standard): Marsaglia's polar method in Float32, each pair's
/// second value kept for the next call.
#[derive(Default)]
pub struct NormalF32 {
    saved: Option<f32>,
}

impl NormalF32 {
    /// The next standard normal value from `g`.
    pub fn sample<E: Engine>(&mut self, g: &mut E) -> f32 {
        if let Some(v) = self.saved.take() {
            return v;
        }
        loop {
            let x = 2.0 * canonical_f32(g) - 1.0;
            let y = 2.0 * canonical_f32(g) - 1.0;
            let r2 = x * x + y * y;
            if r2 <= 1.0 && r2 != 0.0 {
                let m = (-2.0 * logf(r2) / r2).sqrt();
                self.saved = Some(x * m);
                return y * m;
            }
        }
    }
}

/// glibc's `logf` for a positive normal `x` (other inputs go to `f32::ln`): `x = 2ᵏ·z` with `z`
/// near 1, `log z = log c + log(z/c)` for the table's `c` nearest `z`, the last by a cubic, all
/// in Float64 and rounded once.
pub fn logf(x: f32) -> f32 {
    // (1/c, log c) for the 16 subintervals of [0.7, 1.4) (the Float64 bit patterns of Arm
    // optimized-routines' table), and the cubic's coefficients.
    const TABLE: [(u64, u64); 16] = [
        (0x3ff661ec79f8f3be, 0xbfd57bf7808caade),
        (0x3ff571ed4aaf883d, 0xbfd2bef0a7c06ddb),
        (0x3ff49539f0f010b0, 0xbfd01eae7f513a67),
        (0x3ff3c995b0b80385, 0xbfcb31d8a68224e9),
        (0x3ff30d190c8864a5, 0xbfc6574f0ac07758),
        (0x3ff25e227b0b8ea0, 0xbfc1aa2bc79c8100),
        (0x3ff1bb4a4a1a343f, 0xbfba4e76ce8c0e5e),
        (0x3ff12358f08ae5ba, 0xbfb1973c5a611ccc),
        (0x3ff0953f419900a7, 0xbfa252f438e10c1e),
        (0x3ff0000000000000, 0x0000000000000000),
        (0x3fee608cfd9a47ac, 0x3faaa5aa5df25984),
        (0x3feca4b31f026aa0, 0x3fbc5e53aa362eb4),
        (0x3feb2036576afce6, 0x3fc526e57720db08),
        (0x3fe9c2d163a1aa2d, 0x3fcbc2860d224770),
        (0x3fe886e6037841ed, 0x3fd1058bc8a07ee1),
        (0x3fe767dcf5534862, 0x3fd4043057b6ee09),
    ];
    const A: [u64; 3] = [0xbfd00ea348b88334, 0x3fd5575b0be00b6a, 0xbfdffffef20a4123];
    const LN2: f64 = std::f64::consts::LN_2;
    let a = A.map(f64::from_bits);
    let ix = x.to_bits();
    if ix == 0x3f80_0000 {
        return 0.0;
    }
    if !(0x0080_0000..0x7f80_0000).contains(&ix) {
        return x.ln();
    }
    let tmp = ix.wrapping_sub(0x3f33_0000);
    let (inv_c, log_c) = TABLE[((tmp >> 19) & 15) as usize];
    let (inv_c, log_c) = (f64::from_bits(inv_c), f64::from_bits(log_c));
    let k = f64::from((tmp as i32) >> 23);
    let z = f64::from(f32::from_bits(ix.wrapping_sub(tmp & 0xff80_0000)));
    let r = z * inv_c - 1.0;
    let y0 = log_c + k * LN2;
    let r2 = r * r;
    let y = a[1] * r + a[2];
    let y = a[0] * r2 + y;
    (y * r2 + (y0 + r)) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minstd_rand0_is_the_standards() {
        // The standard's check: the 10000th word of a default-seeded (1) minstd_rand0.
        let mut g = MinstdRand0::new(1);
        let w = (0..10_000).map(|_| g.word()).last();
        assert_eq!(w, Some(1_043_618_065));
        // MindSpore's seed 0 becomes state 1, as libstdc++ makes it.
        assert_eq!(MinstdRand0::new(0).word(), MinstdRand0::new(1).word());
    }

    #[test]
    fn mt19937_is_the_standards() {
        // The standard's check: the 10000th word of a default-seeded (5489) mt19937.
        let mut g = Mt19937::new(5489);
        assert_eq!((0..10_000).map(|_| g.word()).last(), Some(4_123_659_995));
        let mut g = Mt19937_64::new(5489);
        assert_eq!(
            (0..10_000).map(|_| g.word()).last(),
            Some(9_981_545_732_273_789_042)
        );
    }

    #[test]
    fn logf_is_close_to_the_true_logarithm() {
        for bits in (0x0080_0000u32..0x7f80_0000).step_by(9_973) {
            let x = f32::from_bits(bits);
            let want = f64::from(x).ln();
            assert!(
                (f64::from(logf(x)) - want).abs() <= want.abs() * 1.2e-7 + 1e-45,
                "{x}"
            );
        }
        assert_eq!(logf(1.0), 0.0);
    }

    #[test]
    fn shuffles_are_permutations() {
        for n in [0usize, 1, 2, 3, 10, 101] {
            let mut v: Vec<usize> = (0..n).collect();
            shuffle(&mut v, &mut MinstdRand0::new(7));
            let mut s = v.clone();
            s.sort_unstable();
            assert_eq!(s, (0..n).collect::<Vec<_>>());
        }
    }
}

//! The seeded draws of MindSpore's CPU random kernels (MindSpore 2.10, PyNative), bit for bit.
//!
//! A random primitive carries two seeds `(seed, seed2)` (MindSpore's front end derives them from
//! the global seed and a per-op counter). Its kernel turns them into one 64-bit engine seed
//! ([`kernel_seed`]: one Philox-4x32-10 block under a fixed key) and draws with libstdc++'s
//! engines and distributions ([`super::stdcxx`]):
//!
//! | kernel | engine | values |
//! | --- | --- | --- |
//! | `StandardNormal` | `minstd_rand0` | `normal_distribution<float>`, a fresh one per launch |
//! | `UniformReal` | `mt19937` | `generate_canonical<double>` rounded to Float32 |
//! | `UniformInt` | `mt19937` | `uniform_int_distribution` over `[low, high)` |
//! | `Dropout` | `minstd_rand0` | keep where `generate_canonical<float> < 1 − p` |
//! | `RandomShuffle` | `minstd_rand0` | `std::shuffle` of the first axis |
//! | `Multinomial` | `minstd_rand0` | `generate_canonical<float>` searched in the row's normalised running sum |
//!
//! No kernel splits its draws across threads, so the values do not depend on the thread count.

use super::stdcxx::{canonical_f32, shuffle, MinstdRand0, Mt19937};
use crate::dtype::DType;
use crate::error::{Error, Result};
pub use crate::op::ms_stream::{StreamKernel, StreamValues};
use crate::op::random::philox4x32_10;
use crate::tensor::{numel_for, room, Tensor};

/// The engine seed a kernel makes of its primitive's `(seed, seed2)`: the low two words of the
/// Philox-4x32-10 block with counter `[seed, seed2]` (as 32-bit halves) under MindSpore's key.
/// (MindSpore draws a seed from the OS for `(0, 0)`; the caller decides what to do there.)
pub fn kernel_seed(seed: u64, seed2: u64) -> u64 {
    let counter = [
        seed as u32,
        (seed >> 32) as u32,
        seed2 as u32,
        (seed2 >> 32) as u32,
    ];
    let w = philox4x32_10(counter, [0x3ec8_f720, 0x0246_1e29]);
    u64::from(w[1]) << 32 | u64::from(w[0])
}

/// A `StandardNormal` kernel's launch: standard normal Float32 values of `shape`, from an engine
/// seed.
pub fn standard_normal(seed: u64, shape: &[usize]) -> Result<Tensor> {
    first_launch(StreamKernel::StandardNormal, seed, shape)
}

/// A `UniformReal` kernel's launch: Float32 values of `shape` uniform on `[0, 1)` (a Float64
/// draw rounded to Float32, which can round up to 1), from an engine seed.
pub fn uniform_real(seed: u64, shape: &[usize]) -> Result<Tensor> {
    first_launch(StreamKernel::UniformReal, seed, shape)
}

/// A `UniformInt` kernel's launch: Int64 values of `shape` uniform on `[low, high)`, from an
/// engine seed.
pub fn uniform_int(seed: u64, low: i64, high: i64, shape: &[usize]) -> Result<Tensor> {
    first_launch(StreamKernel::UniformInt { low, high }, seed, shape)
}

fn first_launch(k: StreamKernel, seed: u64, shape: &[usize]) -> Result<Tensor> {
    let n = numel_for(k.name(), shape, k.dtype())?;
    match k.launch(&k.start(seed), n)?.0 {
        StreamValues::F32(v) => Tensor::from_vec(v, shape),
        StreamValues::I64(v) => Tensor::from_vec(v, shape),
    }
}

/// The order `std::shuffle` puts `n` rows in with a `minstd_rand0` seeded with `seed` itself (no
/// Philox mixing: MindSpore's MindRecord reader seeds its shuffles so): `out[i] = rows[order[i]]`.
pub fn minstd_shuffle_order(seed: u64, n: usize) -> Result<Vec<usize>> {
    let mut v = room(n, "MindDataset")?;
    v.extend(0..n);
    shuffle(&mut v, &mut MinstdRand0::new(seed));
    Ok(v)
}

/// A `RandpermV2` launch: the Int64 permutation `std::shuffle` makes of `0..n` with an
/// `mt19937` seeded with `seed` itself (MindSpore's `offset` when nonzero, else its `seed`; the
/// global seed plays no part).
pub fn randperm(seed: u64, n: usize) -> Result<Tensor> {
    numel_for("Randperm", &[n], DType::Int64)?;
    let mut v = room(n, "Randperm")?;
    v.extend(0..n);
    shuffle(&mut v, &mut Mt19937::new(seed as u32));
    Tensor::from_vec(v.into_iter().map(|i| i as i64).collect::<Vec<_>>(), &[n])
}

/// A `Bernoulli` kernel (`ops.bernoulli` with a seed): each launch restarts Philox-4x32-10 keyed
/// by the seed at counter 0, but the words left over from the last launch's final block are used
/// first, as MindSpore's kernel keeps them.
pub struct BernoulliKernel {
    key: [u32; 2],
    words: [u32; 4],
    next: usize,
}

impl BernoulliKernel {
    /// The kernel of `seed`.
    pub fn new(seed: u64) -> BernoulliKernel {
        BernoulliKernel {
            key: [seed as u32, (seed >> 32) as u32],
            words: [0; 4],
            next: 4,
        }
    }

    /// A launch of `shape`: true (one) where a word's low 23 bits, as a Float32 in `[0, 1)`, are
    /// at most the element's probability (`p`: one value, or one per element).
    pub fn launch(&mut self, p: &[f32], shape: &[usize]) -> Result<Tensor> {
        let n = numel_for("Bernoulli", shape, DType::Bool)?;
        if p.len() != 1 && p.len() != n {
            return Err(Error::invalid(
                "Bernoulli",
                format!(
                    "'p' must be a number or have the input's {n} elements, but got {}",
                    p.len()
                ),
            ));
        }
        let mut out = room(n, "Bernoulli")?;
        let mut counter = 0u64;
        for i in 0..n {
            if self.next == 4 {
                self.words =
                    philox4x32_10([counter as u32, (counter >> 32) as u32, 0, 0], self.key);
                counter += 1;
                self.next = 0;
            }
            let w = self.words[self.next];
            self.next += 1;
            let u = f32::from_bits((w & 0x007f_ffff) | 0x3f80_0000) - 1.0;
            out.push(u <= p[if p.len() == 1 { 0 } else { i }]);
        }
        Tensor::from_vec(out, shape)
    }
}

/// The engine of a kernel whose draws continue from launch to launch (a `Dropout` or
/// `RandomShuffle` primitive kept and called again): `minstd_rand0` from an engine seed.
pub struct KernelStream(MinstdRand0);

impl KernelStream {
    /// The stream of a kernel seeded with `seed` (an engine seed).
    pub fn new(seed: u64) -> KernelStream {
        KernelStream(MinstdRand0::new(seed))
    }

    /// A `Dropout` launch's mask of `shape`: each element kept (true) when a canonical draw is
    /// below `keep` (Float32), in order.
    pub fn dropout_mask(&mut self, keep: f32, shape: &[usize]) -> Result<Tensor> {
        let n = numel_for("Dropout", shape, DType::Bool)?;
        let mut mask = room(n, "Dropout")?;
        mask.extend((0..n).map(|_| canonical_f32(&mut self.0) < keep));
        Tensor::from_vec(mask, shape)
    }

    /// The order a `RandomShuffle` launch puts `n` rows in: `out[i] = x[order[i]]`.
    pub fn shuffle_order(&mut self, n: usize) -> Result<Vec<usize>> {
        let mut v = room(n, "RandomShuffle")?;
        v.extend(0..n);
        shuffle(&mut v, &mut self.0);
        Ok(v)
    }

    /// A `Multinomial` launch: `samples` Int64 draws with replacement from each row of `probs`
    /// (a 1-D or 2-D Float32 tensor of non-negative weights, the caller's to check) — the first column whose
    /// normalised running sum (Float32) exceeds a canonical draw, found by bisection as
    /// MindSpore's kernel finds it.
    pub fn multinomial(&mut self, probs: &Tensor, samples: usize) -> Result<Tensor> {
        let shape = probs.shape().to_vec();
        let cols = match shape.as_slice() {
            [c] | [_, c] => *c,
            _ => {
                return Err(Error::invalid(
                    "Multinomial",
                    format!("the input must be 1-D or 2-D, but got shape {shape:?}"),
                ))
            }
        };
        let rows = if shape.len() == 2 { shape[0] } else { 1 };
        let mut out_shape = shape.clone();
        if let Some(last) = out_shape.last_mut() {
            *last = samples;
        }
        let n = numel_for("Multinomial", &out_shape, DType::Int64)?;
        if probs.dtype() != DType::Float32 {
            return Err(Error::UnsupportedDType {
                op: "Multinomial",
                dtype: probs.dtype(),
                expected: "Float32",
            });
        }
        let p = probs.to_vec::<f32>();
        let mut out = room(n, "Multinomial")?;
        for row in p.chunks(cols.max(1)).take(rows) {
            let mut cum: Vec<f32> = row
                .iter()
                .scan(0f32, |s, &w| {
                    *s += w;
                    Some(*s)
                })
                .collect();
            let total = cum.last().copied().unwrap_or(0.0);
            if total != 0.0 {
                cum.iter_mut().for_each(|c| *c /= total);
            }
            for _ in 0..samples {
                let u = canonical_f32(&mut self.0);
                let (mut b, mut e) = (0usize, cum.len().saturating_sub(1));
                while e > b {
                    let pivot = b + (e - b) / 2;
                    if cum[pivot] > u {
                        e = pivot;
                    } else {
                        b = pivot + 1;
                    }
                }
                out.push(b as i64);
            }
        }
        Tensor::from_vec(out, &out_shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(v: &[f32]) -> Vec<u32> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    /// MindSpore's front end after `set_seed(42)`: the first call of an op without its own seed
    /// has `(seed, seed2) = (42, 0)`.
    const FIRST_AFTER_42: (u64, u64) = (42, 0);

    #[test]
    fn a_kept_kernel_continues_its_stream() {
        let seed = kernel_seed(1, 5);
        let f64s = |v: StreamValues| match v {
            StreamValues::F32(v) => v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
            StreamValues::I64(v) => v.iter().map(|&x| x as f64).collect(),
        };
        // Uniform draws: two launches of 3 are one launch of 6.
        for k in [
            StreamKernel::UniformReal,
            StreamKernel::UniformInt { low: -3, high: 9 },
        ] {
            let (a, state) = k.launch(&k.start(seed), 3).unwrap();
            let (b, _) = k.launch(&state, 3).unwrap();
            let (whole, _) = k.launch(&k.start(seed), 6).unwrap();
            assert_eq!([f64s(a), f64s(b)].concat(), f64s(whole), "{k:?}");
        }
        // Normal values come in pairs: launches of an even size split one stream; an odd launch
        // drops its pair's second value (a fresh distribution per launch).
        let k = StreamKernel::StandardNormal;
        let whole = f64s(k.launch(&k.start(seed), 8).unwrap().0);
        let (a, state) = k.launch(&k.start(seed), 4).unwrap();
        let (b, _) = k.launch(&state, 4).unwrap();
        assert_eq!([f64s(a), f64s(b)].concat(), whole);
        let (_, state) = k.launch(&k.start(seed), 3).unwrap();
        let (c, _) = k.launch(&state, 2).unwrap();
        assert_eq!(f64s(c), whole[4..6]);
        // The first launch is PyNative's draw.
        let eager = standard_normal(seed, &[8]).unwrap().to_vec::<f32>();
        assert_eq!(
            eager.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
            whole
        );
        // A state no kernel reaches is an error, not a panic.
        assert!(k.launch(&[0], 2).is_err());
        assert!(k.launch(&[-1, 2], 2).is_err());
        let mut past_the_end = vec![1; 625];
        past_the_end[624] = 625;
        assert!(StreamKernel::UniformReal.launch(&past_the_end, 1).is_err());
    }

    #[test]
    fn the_kernel_seed_is_mindspores() {
        assert_eq!(kernel_seed(42, 0), 6_022_327_574_815_263_983);
    }

    #[test]
    fn draws_are_mindspores_after_set_seed_42() {
        // MindSpore 2.10: `set_seed(42)`, then `ops.randn(5)`, `ops.rand(5)`, `ops.randint(0, 10, (5,))`.
        let s = kernel_seed(FIRST_AFTER_42.0, FIRST_AFTER_42.1);
        assert_eq!(
            bits(&standard_normal(s, &[5]).unwrap().to_vec::<f32>()),
            [3216823483, 3214836076, 1075607458, 3212502619, 3169017594]
        );
        assert_eq!(
            bits(&uniform_real(s, &[5]).unwrap().to_vec::<f32>()),
            [1052897860, 1033387965, 1011302553, 1040962149, 1060121296]
        );
        assert_eq!(
            uniform_int(s, 0, 10, &[5]).unwrap().to_vec::<i64>(),
            [2, 3, 9, 0, 5]
        );
        assert!(uniform_int(s, 3, 3, &[5]).is_err());
    }

    #[test]
    fn randperm_and_bernoulli_are_mindspores() {
        // MindSpore 2.10: `ops.randperm(10)`, `ops.randperm(10, seed=3)`.
        let perm = |seed| randperm(seed, 10).unwrap().to_vec::<i64>();
        assert_eq!(perm(0), [0, 2, 1, 5, 9, 8, 4, 7, 6, 3]);
        assert_eq!(perm(3), [3, 1, 8, 5, 2, 6, 9, 7, 0, 4]);
        // `ops.bernoulli(zeros(10), 0.3, seed=5)` three times: the second starts with the two
        // words the first left, the third is the first again.
        let mut k = BernoulliKernel::new(5);
        let draws: Vec<Vec<i64>> = (0..3)
            .map(|_| {
                let t = k.launch(&[0.3], &[10]).unwrap().to_vec::<bool>();
                t.into_iter().map(i64::from).collect()
            })
            .collect();
        assert_eq!(draws[0], [1, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
        assert_eq!(draws[1], [1, 1, 1, 0, 0, 0, 0, 0, 1, 1]);
        assert_eq!(draws[2], draws[0]);
    }

    #[test]
    fn mindrecord_orders_are_mindspores() {
        // MindSpore 2.10: `ds.config.set_seed(3)`, a MindDataset of 10 rows, its first epoch
        // (shuffled with seed 3 + 1).
        assert_eq!(
            minstd_shuffle_order(4, 10).unwrap(),
            [5, 9, 3, 0, 1, 6, 7, 4, 2, 8]
        );
    }

    #[test]
    fn streams_keep_their_rows_and_weights() {
        let mut k = KernelStream::new(7);
        let mut order = k.shuffle_order(50).unwrap();
        order.sort_unstable();
        assert_eq!(order, (0..50).collect::<Vec<_>>());
        // A zero weight is never drawn; a single nonzero one always is.
        let probs = Tensor::from_vec(vec![0.0f32, 1.0, 0.0, 0.5, 0.0, 0.5], &[2, 3]).unwrap();
        let picks = k.multinomial(&probs, 40).unwrap().to_vec::<i64>();
        assert!(picks[..40].iter().all(|&c| c == 1));
        assert!(picks[40..].iter().all(|&c| c == 0 || c == 2));
        let mask = k.dropout_mask(1.0, &[10, 100]).unwrap().to_vec::<bool>();
        assert!(mask.iter().all(|&m| m));
    }
}

//! Reproducible random numbers from one explicit piece of state: the default key, an Int64
//! `[seed, counter]` held in an engine [`Var`]. A draw is the `Random` primitive applied to the
//! key (Philox-4x32-10, `op::random`), and advances the counter by the blocks it used, so a
//! sequence depends only on the seed and the order of draws, never on thread count or device.
//! Because the key is a `Var`, a `jit` graph that draws (dropout) lifts it: each call of the
//! cached graph draws from the current key and writes the advanced key back, exactly as eager.
//!
//! Beside the key: [`stdcxx`], the C++ standard library's engines and distributions as libstdc++
//! draws them, and [`mindspore`], MindSpore's CPU random kernels built on them (the draws a
//! MindSpore script with a set seed sees, which the Python front uses for eager random ops).

pub mod mindspore;
/// The C++ standard library's engines and distributions (they live in `op`, below the primitives
/// whose kernels draw with them).
pub use crate::op::stdcxx;

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::op::random::Dist;
use crate::prim::{self, Var};
use crate::tensor::Tensor;
use std::sync::OnceLock;

/// The seed used until [`set_seed`] is called.
pub const DEFAULT_SEED: u64 = 5489;

/// The default key: `[seed, counter]`, Int64.
static DEFAULT_KEY: OnceLock<Var> = OnceLock::new();

fn key_of(seed: u64, counter: u64) -> Tensor {
    Tensor::from_slice(&[seed as i64, counter as i64])
}

/// The `Var` holding the default key.
pub fn default_key() -> &'static Var {
    DEFAULT_KEY.get_or_init(|| Var::new(key_of(DEFAULT_SEED, 0)))
}

/// Restarts the default generator from `seed`: the same seed gives the same draws.
pub fn set_seed(seed: u64) {
    default_key().set(key_of(seed, 0));
}

/// The seed in force.
pub fn get_seed() -> u64 {
    default_key()
        .get()
        .to_vec::<i64>()
        .first()
        .map_or(DEFAULT_SEED, |&s| s as u64)
}

/// A seed in `[1, 2⁶³)` made of two words of the default key's stream (which advances): what a
/// random initializer fills from when no seed is given (MindSpore's front end draws the same
/// range from NumPy).
pub fn next_seed() -> Result<u64> {
    let words = draw("initializer", Dist::Uniform, &[2], DType::Float64)?.to_vec::<f64>();
    // A uniform sample is its word over 2³², exactly, in Float64.
    let word = |u: f64| (u * 4_294_967_296.0) as u64;
    let (lo, hi) = (word(words[0]), word(words[1]));
    Ok((lo | hi << 32) % ((1 << 63) - 1) + 1)
}

/// `shape` samples of `dist` as the float `dtype` from the default key, which advances past them.
/// Arguments are checked before drawing, so a bad call neither allocates nor advances the key.
pub fn draw(op: &'static str, dist: Dist, shape: &[usize], dtype: DType) -> Result<Tensor> {
    if !dtype.is_float() {
        return Err(Error::UnsupportedDType {
            op,
            dtype,
            expected: "a float type",
        });
    }
    let n = crate::tensor::numel_for(op, shape, dtype)?;
    let advance = Tensor::from_slice(&[0i64, dist.blocks(n) as i64]);
    default_key().update(|key| {
        // Float16 and BFloat16 samples are Float32 draws rounded (the same stream as Float32).
        let out = prim::random(key, dist, shape, dtype.compute())?;
        let out = if dtype.is_storage_only() {
            prim::cast(&out, dtype)?
        } else {
            out
        };
        Ok((prim::add(key, &advance)?, out))
    })
}

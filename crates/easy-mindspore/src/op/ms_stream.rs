//! MindSpore's random kernels as kept kernels: in graph mode (`jit`) MindSpore compiles a random
//! op into a kernel once and each run of the graph launches it again, so the values go on along
//! the kernel engine's stream (PyNative makes a new kernel per call: `random::mindspore`). The
//! engine's state is carried as Int64 words, which the `MsStream` primitive takes and gives.

use super::stdcxx::{canonical_f64, uniform, MinstdRand0, Mt19937, NormalF32};
use crate::dtype::DType;
use crate::error::{room, Error, Result};

/// The values of a launch.
#[derive(Clone, Debug, PartialEq)]
pub enum StreamValues {
    /// Float32 values (`StandardNormal`, `UniformReal`).
    F32(Vec<f32>),
    /// Int64 values (`UniformInt`).
    I64(Vec<i64>),
}

/// A kernel whose engine continues from launch to launch while the kernel is kept: in graph mode
/// (`jit`) MindSpore compiles a random op into a kernel once and each run of the graph launches
/// it again, so the values go on along the engine's stream, where PyNative makes a new kernel per
/// call. The engine's state is carried as Int64 words: `minstd_rand0`'s one word, or
/// `mt19937`'s 624 and the index of the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StreamKernel {
    /// `StandardNormal` (Float32): `minstd_rand0`, a fresh `normal_distribution` per launch.
    StandardNormal,
    /// `UniformReal` (Float32 on `[0, 1)`): `mt19937`.
    UniformReal,
    /// `UniformInt` (Int64 on `[low, high)`): `mt19937`.
    UniformInt {
        /// The lowest value.
        low: i64,
        /// One past the highest value.
        high: i64,
    },
}

impl StreamKernel {
    /// MindSpore's name of the kernel.
    pub fn name(self) -> &'static str {
        match self {
            StreamKernel::StandardNormal => "StandardNormal",
            StreamKernel::UniformReal => "UniformReal",
            StreamKernel::UniformInt { .. } => "UniformInt",
        }
    }

    /// The number of words of the engine's state.
    pub fn state_len(self) -> usize {
        match self {
            StreamKernel::StandardNormal => 1,
            StreamKernel::UniformReal | StreamKernel::UniformInt { .. } => 625,
        }
    }

    /// The dtype of the values.
    pub fn dtype(self) -> DType {
        match self {
            StreamKernel::UniformInt { .. } => DType::Int64,
            _ => DType::Float32,
        }
    }

    /// The state of the kernel's engine seeded with `seed` (an engine seed).
    pub fn start(self, seed: u64) -> Vec<i64> {
        match self {
            StreamKernel::StandardNormal => vec![i64::from(MinstdRand0::new(seed).state())],
            _ => words(&Mt19937::new(seed as u32).to_words()),
        }
    }

    /// One launch of `n` values from the engine's `state`: the values, and the state after.
    pub fn launch(self, state: &[i64], n: usize) -> Result<(StreamValues, Vec<i64>)> {
        let op = self.name();
        let bad_state = || {
            Error::invalid(
                op,
                format!(
                    "the engine state must be {} words of a state the kernel reached",
                    self.state_len()
                ),
            )
        };
        let u32s: Vec<u32> = state
            .iter()
            .map(|&w| u32::try_from(w).map_err(|_| bad_state()))
            .collect::<Result<_>>()?;
        match self {
            StreamKernel::StandardNormal => {
                let [s] = u32s[..] else {
                    return Err(bad_state());
                };
                let mut g = MinstdRand0::from_state(s).ok_or_else(bad_state)?;
                let mut d = NormalF32::default();
                let mut v = room(n, op)?;
                v.extend((0..n).map(|_| d.sample(&mut g)));
                Ok((StreamValues::F32(v), vec![i64::from(g.state())]))
            }
            StreamKernel::UniformReal => {
                let mut g = Mt19937::from_words(&u32s).ok_or_else(bad_state)?;
                let mut v = room(n, op)?;
                v.extend((0..n).map(|_| canonical_f64(&mut g) as f32));
                Ok((StreamValues::F32(v), words(&g.to_words())))
            }
            StreamKernel::UniformInt { low, high } => {
                if low >= high {
                    return Err(Error::invalid(
                        op,
                        format!("'minval' must be less than 'maxval', but got {low} and {high}"),
                    ));
                }
                let mut g = Mt19937::from_words(&u32s).ok_or_else(bad_state)?;
                let span = high.wrapping_sub(low).wrapping_sub(1) as u64;
                let mut v = room(n, op)?;
                v.extend((0..n).map(|_| low.wrapping_add(uniform(&mut g, span) as i64)));
                Ok((StreamValues::I64(v), words(&g.to_words())))
            }
        }
    }
}

fn words(w: &[u32]) -> Vec<i64> {
    w.iter().map(|&x| i64::from(x)).collect()
}

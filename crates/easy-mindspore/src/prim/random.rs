//! The entries of `Random`: samples of a distribution from an explicit key, so randomness is a pure
//! function of state the engine sees (the key is an Int64 `[seed, counter]`; the generator is
//! `op::random`). Drawing and advancing the key is `crate::random`'s job; under `jit` the key is a
//! lifted `Var`, so a graph with dropout replays and draws what eager draws.
//!
//! And of `MsStream`: a launch of one of MindSpore's random kernels from its engine's state (its
//! values, or with `advance` the state after the launch). A traced MindSpore random op keeps that
//! state in a `Var` of its own and runs both each time the graph runs, so its values go on along
//! the kernel's stream as in MindSpore's graph mode (`crate::op::ms_stream`).

use super::check::arity;
use super::support::{lift, none};
use super::{bind::bind, concat, reshape, slice, Aval, Cts, Opt, Prim, Rule};
use crate::device::Concrete;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{numel, Dims};
use crate::op::ms_stream::{StreamKernel, StreamValues};
use crate::op::random::Dist;
use crate::tensor::Tensor;

/// The entry of `Random`: `shape` samples of `dist` as `dtype` (a float dtype).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Random {
    /// The distribution.
    pub dist: Dist,
    /// The output shape.
    pub shape: Dims,
    /// The output dtype.
    pub dtype: DType,
}

impl Rule for Random {
    fn name(&self) -> &'static str {
        "Random"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Random", ins, 1)?;
        if ins[0].0 != [2] || ins[0].1 != DType::Int64 {
            return Err(Error::invalid(
                "Random",
                format!(
                    "the key must be an Int64 [seed, counter] of shape [2], got {}{:?}",
                    ins[0].1, ins[0].0
                ),
            ));
        }
        if !self.dtype.is_float() {
            return Err(Error::UnsupportedDType {
                op: "Random",
                dtype: self.dtype,
                expected: "Float32 or Float64",
            });
        }
        Ok((self.shape.clone(), self.dtype))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], dtype: DType) -> Result<Tensor> {
        let device = crate::device::of("Random", ins)?;
        let key = ins[0].host_elems::<i64>()?;
        let (seed, counter) = (key[0] as u64, key[1] as u64);
        let storage = device.random(self.dist, seed, counter, numel(shape), dtype)?;
        Ok(Tensor::from_storage(storage, shape))
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Ok(None)
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        none(1)
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        let key = &vals[0];
        if !batched[0] {
            // One key for every example: the same draw for each.
            return lift(&random(key, self.dist, &self.shape, self.dtype)?, n);
        }
        let mut one_shape = Dims::from_slice(&[1]);
        one_shape.extend(self.shape.iter().copied());
        let draws = (0..n)
            .map(|i| {
                let k = reshape(&slice(key, &[i, 0], &[i + 1, 2], &[1, 1])?, &[2])?;
                reshape(&random(&k, self.dist, &self.shape, self.dtype)?, &one_shape)
            })
            .collect::<Result<Vec<_>>>()?;
        concat(&draws, 0)
    }

    fn differentiable(&self) -> bool {
        false
    }

    fn params(&self) -> String {
        format!(
            "{:?}, shape={:?}, {}",
            self.dist,
            self.shape.as_slice(),
            self.dtype
        )
    }
}

/// The `Random` primitive: `shape` samples of `dist` as `dtype` from `key` (Int64 `[seed,
/// counter]`).
pub fn random(key: &Tensor, dist: Dist, shape: &[usize], dtype: DType) -> Result<Tensor> {
    let shape = Dims::from_slice(shape);
    bind(Prim::Random(Random { dist, shape, dtype }), &[key])
}

/// The entry of `MsStream`: a launch of `kernel` over `shape` from the engine state it takes
/// (Int64 words); with `advance`, the state after the launch instead of the values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MsStream {
    /// The kernel.
    pub kernel: StreamKernel,
    /// The shape of its values.
    pub shape: Dims,
    /// Give the state after the launch instead of the values.
    pub advance: bool,
}

impl Rule for MsStream {
    fn name(&self) -> &'static str {
        "MsStream"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        let op = self.kernel.name();
        arity(op, ins, 1)?;
        let len = self.kernel.state_len();
        if ins[0].0 != [len] || ins[0].1 != DType::Int64 {
            return Err(Error::invalid(
                op,
                format!(
                    "the engine state must be Int64 of shape [{len}], got {}{:?}",
                    ins[0].1, ins[0].0
                ),
            ));
        }
        match self.advance {
            true => Ok((Dims::from_slice(&[len]), DType::Int64)),
            false => Ok((self.shape.clone(), self.kernel.dtype())),
        }
    }

    fn eval(&self, ins: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        let state = ins[0].host_elems::<i64>()?;
        let (values, next) = self.kernel.launch(&state, numel(&self.shape))?;
        match (self.advance, values) {
            (true, _) => Tensor::from_vec(next, &[self.kernel.state_len()]),
            (false, StreamValues::F32(v)) => Tensor::from_vec(v, &self.shape),
            (false, StreamValues::I64(v)) => Tensor::from_vec(v, &self.shape),
        }
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Ok(None)
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        none(1)
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        if batched[0] {
            return Err(Error::invalid(
                self.kernel.name(),
                "a batch of kernel states (vmap over a MindSpore random op's state) is not supported",
            ));
        }
        // One state for every example: the same launch for each.
        lift(&bind(Prim::MsStream(self.clone()), &[&vals[0]])?, n)
    }

    fn differentiable(&self) -> bool {
        false
    }

    fn params(&self) -> String {
        let what = if self.advance { ", advance" } else { "" };
        format!("{:?}, shape={:?}{what}", self.kernel, self.shape.as_slice())
    }
}

/// The `MsStream` primitive: a launch of `kernel` over `shape` from the engine `state`; the
/// values, or with `advance` the state after the launch.
pub fn ms_stream(
    state: &Tensor,
    kernel: StreamKernel,
    shape: &[usize],
    advance: bool,
) -> Result<Tensor> {
    let shape = Dims::from_slice(shape);
    bind(
        Prim::MsStream(MsStream {
            kernel,
            shape,
            advance,
        }),
        &[state],
    )
}

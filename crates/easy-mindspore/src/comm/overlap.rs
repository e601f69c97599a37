//! Gradient all-reduce overlapped with the backward pass (data parallel, DESIGN §10), the way
//! PyTorch's DDP reducer works in concept.
//!
//! A [`BucketPlan`] groups the gradients to reduce into buckets (lists of gradient indices,
//! chosen by the caller: consecutive gradients of one dtype up to a byte limit). While the tape
//! runs its reverse sweep ([`VjpFn::apply_with_hook`]) it reports each requested gradient once
//! it is final (every contribution accumulated); when every member of a bucket is final, the
//! bucket is flattened into one host buffer and its `MPI_Iallreduce` starts while the sweep goes
//! on. Each later report tests the requests in flight, which lets Open MPI progress them. After
//! the sweep every request is waited for (under the collective watchdog, so a dead or hung
//! process ends the job with a message instead of a hang), each bucket is split back into its
//! gradients, and divided by the degree when the plan averages.
//!
//! Invariant: buckets start in one fixed order, from the last to the first, whatever order the
//! sweep finishes them in — the processes of a group must issue their collectives in the same
//! order, and the last buckets (the last layers' parameters) are the ones a reverse sweep
//! finishes first. A bucket waits for the later ones to start. A gradient the output does not
//! use is final (zeros) before the sweep starts, so it never holds a bucket back.
//!
//! A gradient that is still a tracer (inside `jit`) cannot be sent: overlapping is an error
//! there, and callers keep the reducer that runs after the backward pass (a recordable graph).

use super::mpi::{datatype_symbol, Mpi, ReduceOp};
use super::watchdog::watch;
use super::{with_group, Group};
use crate::dtype::{dispatch, DType, Element};
use crate::error::{Error, Result};
use crate::ops::prim as p;
use crate::tensor::Tensor;
use crate::transforms::VjpFn;
use std::sync::Arc;

const OP: &str = "DistributedGradReducer";

/// How the gradients are grouped and reduced.
#[derive(Clone, Debug)]
pub struct BucketPlan {
    group: Arc<str>,
    buckets: Vec<Vec<usize>>,
    bucket_of: Vec<usize>,
    mean: bool,
    degree: usize,
}

/// What one overlapped backward pass did, for tests and benchmarks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OverlapStats {
    /// For each gradient, how many times the sweep reported it final (1 each, always).
    pub reports: Vec<usize>,
    /// The buckets in the order their all-reduce started.
    pub started: Vec<usize>,
    /// For each started bucket (same order), how many gradients the sweep had not yet finished
    /// when it started: more than 0 means it overlapped with the rest of the backward pass.
    pub unfinished_at_start: Vec<usize>,
}

impl BucketPlan {
    /// A plan for `n` gradients in `buckets` (every index below `n` in exactly one bucket),
    /// reduced with SUM over `group` and divided by `degree` when `mean`.
    pub fn new(
        n: usize,
        buckets: Vec<Vec<usize>>,
        group: &str,
        mean: bool,
        degree: usize,
    ) -> Result<BucketPlan> {
        let mut bucket_of = vec![usize::MAX; n];
        for (b, members) in buckets.iter().enumerate() {
            if members.is_empty() {
                return Err(Error::invalid(OP, format!("bucket {b} is empty")));
            }
            for &i in members {
                match bucket_of.get_mut(i) {
                    Some(slot) if *slot == usize::MAX => *slot = b,
                    Some(_) => {
                        return Err(Error::invalid(
                            OP,
                            format!("gradient {i} is in more than one bucket"),
                        ))
                    }
                    None => {
                        return Err(Error::invalid(
                            OP,
                            format!("bucket {b} names gradient {i}, but there are {n}"),
                        ))
                    }
                }
            }
        }
        if let Some(i) = bucket_of.iter().position(|&b| b == usize::MAX) {
            return Err(Error::invalid(OP, format!("gradient {i} is in no bucket")));
        }
        if degree == 0 {
            return Err(Error::invalid(OP, "'degree' must be >= 1, but got 0"));
        }
        Ok(BucketPlan {
            group: group.into(),
            buckets,
            bucket_of,
            mean,
            degree,
        })
    }

    /// How many gradients the plan reduces.
    pub fn len(&self) -> usize {
        self.bucket_of.len()
    }

    /// True for a plan of no gradients.
    pub fn is_empty(&self) -> bool {
        self.bucket_of.is_empty()
    }

    /// Runs the backward pass of `back` for the output cotangents `cts`, reducing the gradients
    /// at `offset..offset + self.len()` of its result while the pass runs; returns every
    /// gradient (those reduced replaced by their reductions) and what the overlap did.
    pub fn apply(
        &self,
        back: &VjpFn,
        cts: &[Tensor],
        offset: usize,
    ) -> Result<(Vec<Tensor>, OverlapStats)> {
        let mut run = Run::new(self);
        let mut grads = back.apply_with_hook(cts, &mut |i, g| match i.checked_sub(offset) {
            Some(k) if k < self.len() => run.ready(k, g),
            _ => Ok(()),
        })?;
        let n = grads.len();
        if n < offset + self.len() {
            return Err(Error::invalid(
                OP,
                format!(
                    "{} gradients to reduce from position {offset}, but the backward pass \
                     returned {n}",
                    self.len()
                ),
            ));
        }
        let (reduced, stats) = run.finish()?;
        for (slot, g) in grads[offset..].iter_mut().zip(reduced) {
            *slot = g;
        }
        Ok((grads, stats))
    }
}

/// One bucket's host buffers while its all-reduce is in flight.
trait InFlight: Send {
    /// Starts the all-reduce; the buffers stay where they are until it completes.
    fn start(&mut self, lib: &Mpi, g: &Group) -> Result<()>;
    /// Lets MPI progress; true once complete.
    fn test(&mut self, lib: &Mpi) -> Result<bool>;
    /// Blocks until complete.
    fn wait(&mut self, lib: &Mpi) -> Result<()>;
    /// The reduced gradients (of `shapes`, in `dtype`), divided by `degree` when given.
    fn results(
        &self,
        shapes: &[Vec<usize>],
        dtype: DType,
        degree: Option<usize>,
    ) -> Result<Vec<Tensor>>;
}

/// The buffers of one bucket in `W`, the type MPI reduces (Float32 for the half types).
struct Buffers<W> {
    send: Vec<W>,
    recv: Vec<W>,
    request: usize,
    started: bool,
    done: bool,
}

impl<W: Element> InFlight for Buffers<W> {
    fn start(&mut self, lib: &Mpi, g: &Group) -> Result<()> {
        // SAFETY: `send` and `recv` are heap buffers owned by this value, never resized; the
        // `Run` that owns it waits for the request before dropping it (also on errors, in
        // `Drop`), and reads `recv` only after completion.
        self.request =
            unsafe { lib.iallreduce(&self.send, &mut self.recv, W::DTYPE, ReduceOp::Sum, g.comm) }?;
        self.started = true;
        Ok(())
    }

    fn test(&mut self, lib: &Mpi) -> Result<bool> {
        if self.started && !self.done {
            self.done = lib.test(&mut self.request)?;
        }
        Ok(self.done)
    }

    fn wait(&mut self, lib: &Mpi) -> Result<()> {
        if self.started && !self.done {
            lib.wait(&mut self.request)?;
            self.done = true;
        }
        Ok(())
    }

    fn results(
        &self,
        shapes: &[Vec<usize>],
        dtype: DType,
        degree: Option<usize>,
    ) -> Result<Vec<Tensor>> {
        let mut out = Vec::with_capacity(shapes.len());
        let mut at = 0;
        for shape in shapes {
            let n: usize = shape.iter().product();
            let part = &self.recv[at..at + n];
            at += n;
            let vals: Vec<W> = match degree {
                None => part.to_vec(),
                Some(d) if W::DTYPE.is_float() => part
                    .iter()
                    .map(|v| W::from_f64(v.to_f64() / d as f64))
                    .collect(),
                // Integer gradients divide with floor, as `//` does.
                Some(d) => part
                    .iter()
                    .map(|v| W::from_i64(v.to_i64().div_euclid(d as i64)))
                    .collect(),
            };
            let t = Tensor::from_vec(vals, shape)?;
            out.push(if dtype == W::DTYPE {
                t
            } else {
                p::cast(&t, dtype)?
            });
        }
        Ok(out)
    }
}

/// The bucket's gradients in one buffer, in `T`'s MPI type or (for the half types) Float32.
fn flatten<T: Element>(grads: &[&Tensor]) -> Result<Box<dyn InFlight>> {
    if datatype_symbol(T::DTYPE).is_none() {
        if T::DTYPE == DType::Bool {
            return Err(Error::UnsupportedDType {
                op: OP,
                dtype: DType::Bool,
                expected: "an integer or floating-point dtype",
            });
        }
        let wide: Vec<Tensor> = grads
            .iter()
            .map(|g| p::cast(g, DType::Float32))
            .collect::<Result<_>>()?;
        return flatten::<f32>(&wide.iter().collect::<Vec<_>>());
    }
    let mut send: Vec<T> = Vec::with_capacity(grads.iter().map(|g| g.numel()).sum());
    for g in grads {
        send.extend(g.try_to_vec_unguarded::<T>()?);
    }
    let recv = vec![T::from_f64(0.0); send.len()];
    Ok(Box::new(Buffers {
        send,
        recv,
        request: 0,
        started: false,
        done: false,
    }))
}

/// One overlapped backward pass: the gradients reported so far and the buckets in flight.
struct Run<'p> {
    plan: &'p BucketPlan,
    grads: Vec<Option<Tensor>>,
    missing: Vec<usize>,
    /// Buckets `next..` have started (they start from the last).
    next: usize,
    unfinished: usize,
    flights: Vec<(usize, Box<dyn InFlight>)>,
    stats: OverlapStats,
}

impl<'p> Run<'p> {
    fn new(plan: &'p BucketPlan) -> Run<'p> {
        Run {
            plan,
            grads: vec![None; plan.len()],
            missing: plan.buckets.iter().map(Vec::len).collect(),
            next: plan.buckets.len(),
            unfinished: plan.len(),
            flights: Vec::new(),
            stats: OverlapStats {
                reports: vec![0; plan.len()],
                ..OverlapStats::default()
            },
        }
    }

    /// Gradient `k` is final: start every bucket that is complete and next in order.
    fn ready(&mut self, k: usize, g: Tensor) -> Result<()> {
        self.stats.reports[k] += 1;
        if self.grads[k].is_some() {
            return Ok(());
        }
        if g.is_traced() {
            return Err(Error::Transform {
                op: OP,
                msg: "the gradients are traced (inside jit): the all-reduce cannot overlap \
                      with the backward pass there; reduce them after it"
                    .into(),
            });
        }
        self.grads[k] = Some(g);
        self.unfinished -= 1;
        self.missing[self.plan.bucket_of[k]] -= 1;
        while self.next > 0 && self.missing[self.next - 1] == 0 {
            self.next -= 1;
            self.launch(self.next)?;
        }
        self.progress()
    }

    fn members(&self, b: usize) -> Vec<&Tensor> {
        self.plan.buckets[b]
            .iter()
            .filter_map(|&i| self.grads[i].as_ref())
            .collect()
    }

    fn launch(&mut self, b: usize) -> Result<()> {
        let members = self.members(b);
        let dtype = members.first().map_or(DType::Float32, |g| g.dtype());
        if let Some(other) = members.iter().find(|g| g.dtype() != dtype) {
            return Err(Error::invalid(
                OP,
                format!(
                    "bucket {b} mixes {dtype} and {} gradients: a bucket holds one dtype",
                    other.dtype()
                ),
            ));
        }
        let mut flight = dispatch!(dtype, flatten(&members))?;
        with_group(OP, &self.plan.group, |lib, g| flight.start(lib, g))?;
        self.flights.push((b, flight));
        self.stats.started.push(b);
        self.stats.unfinished_at_start.push(self.unfinished);
        Ok(())
    }

    /// Tests the requests in flight (MPI progresses non-blocking collectives inside its calls).
    fn progress(&mut self) -> Result<()> {
        if self.flights.is_empty() {
            return Ok(());
        }
        with_group(OP, &self.plan.group, |lib, _| {
            for (_, f) in &mut self.flights {
                if !f.test(lib)? {
                    break;
                }
            }
            Ok(())
        })
    }

    fn wait_all(&mut self) -> Result<()> {
        let group = self.plan.group.clone();
        for (b, f) in &mut self.flights {
            let what = || {
                format!("For '{OP}', the all-reduce (MPI_Wait) of gradient bucket {b} on group '{group}'")
            };
            with_group(OP, &group, |lib, _| watch(what, || f.wait(lib)))?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(Vec<Tensor>, OverlapStats)> {
        if let Some(k) = self.grads.iter().position(Option::is_none) {
            return Err(Error::invalid(
                OP,
                format!("the backward pass never reported gradient {k} as final"),
            ));
        }
        self.wait_all()?;
        let degree = (self.plan.mean && self.plan.degree != 1).then_some(self.plan.degree);
        let mut out: Vec<Option<Tensor>> = vec![None; self.plan.len()];
        for (b, f) in &self.flights {
            let idx = &self.plan.buckets[*b];
            let shapes: Vec<Vec<usize>> = idx
                .iter()
                .map(|&i| {
                    self.grads[i]
                        .as_ref()
                        .map_or(Vec::new(), |g| g.dims().to_vec())
                })
                .collect();
            let dtype = self.grads[idx[0]]
                .as_ref()
                .map_or(DType::Float32, Tensor::dtype);
            for (&i, t) in idx.iter().zip(f.results(&shapes, dtype, degree)?) {
                out[i] = Some(t);
            }
        }
        let stats = std::mem::take(&mut self.stats);
        let out = out
            .into_iter()
            .map(|t| t.ok_or_else(|| Error::invalid(OP, "a bucket never started")))
            .collect::<Result<Vec<_>>>()?;
        Ok((out, stats))
    }
}

impl Drop for Run<'_> {
    /// An error (or a panic) mid-pass: the requests in flight still own MPI's view of their
    /// buffers, so they are completed before the buffers go.
    fn drop(&mut self) {
        let _ = self.wait_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_names_every_gradient_once() {
        assert!(BucketPlan::new(3, vec![vec![0, 1], vec![2]], "g", true, 2).is_ok());
        for (buckets, msg) in [
            (vec![vec![0, 1]], "gradient 2 is in no bucket"),
            (vec![vec![0, 1], vec![1, 2]], "more than one bucket"),
            (vec![vec![0, 1, 2, 3]], "names gradient 3"),
            (vec![vec![0, 1, 2], vec![]], "bucket 1 is empty"),
        ] {
            let e = BucketPlan::new(3, buckets, "g", true, 2).unwrap_err();
            assert!(e.to_string().contains(msg), "{e}");
            assert_eq!(e.class(), crate::ErrorClass::Value);
        }
    }

    #[test]
    fn a_mean_divides_floats_and_floors_integers() -> Result<()> {
        let b = Buffers::<i32> {
            send: vec![],
            recv: vec![-3, 4, 5],
            request: 0,
            started: false,
            done: false,
        };
        let out = b.results(&[vec![1], vec![2]], DType::Int32, Some(2))?;
        assert_eq!(out[0].to_vec::<i32>(), vec![-2]);
        assert_eq!(out[1].to_vec::<i32>(), vec![2, 2]);
        let f = Buffers::<f32> {
            send: vec![],
            recv: vec![3.0, 1.0],
            request: 0,
            started: false,
            done: false,
        };
        let out = f.results(&[vec![2]], DType::Float16, Some(2))?;
        assert_eq!(out[0].dtype(), DType::Float16);
        assert_eq!(out[0].to_vec::<f32>(), vec![1.5, 0.5]);
        Ok(())
    }
}

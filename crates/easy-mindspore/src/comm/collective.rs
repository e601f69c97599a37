//! The collectives as primitives: AllReduce, AllGather (along axis 0), ReduceScatter (along
//! axis 0) and Broadcast, each a [`Collective`] rule in the primitive set's `Custom` slot, so
//! `bind` runs it eagerly, a tape differentiates it, `jit` records it as an opaque equation that
//! every run of the graph executes again (never folded or merged), and `vmap` batches it.
//!
//! Derivatives are MindSpore's bprops: AllReduce SUM's cotangent is the AllReduce SUM of the
//! output's; MAX/MIN's keep it where the input attained the result; PROD's is
//! `AllReduce_SUM(ct·out)/x`; AllGather's is the ReduceScatter SUM of the cotangent;
//! ReduceScatter's (SUM only) the AllGather of it; Broadcast passes the cotangent through
//! unchanged. Forward mode applies the linear map itself (for Broadcast, the root's tangent).
//!
//! Before moving data every collective checks that all processes of the group called the same
//! collective on the same shape and dtype (one small all-gather of a header), so a mismatch is an
//! error on every process instead of a hang or a wrong answer.

use super::mpi::{datatype_symbol, Mpi, ReduceOp};
use super::watchdog::watch;
use super::{with_group, Group};
use crate::device::Concrete;
use crate::dtype::{dispatch, DType, Element};
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::ops::prim as p;
use crate::prim::{bind, Aval, Cts, Opaque, Opt, Prim, Rule};
use crate::tensor::Tensor;
use smallvec::smallvec;
use std::sync::Arc;

/// What a collective does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Every process gets the elementwise reduction of all processes' inputs.
    AllReduce(ReduceOp),
    /// Every process gets all inputs concatenated along axis 0, in rank order.
    AllGather,
    /// The reduction of all inputs, split along axis 0; process `r` gets block `r`.
    ReduceScatter(ReduceOp),
    /// Every process gets the input of the process of this group rank.
    Broadcast(usize),
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::AllReduce(_) => "AllReduce",
            Kind::AllGather => "AllGather",
            Kind::ReduceScatter(_) => "ReduceScatter",
            Kind::Broadcast(_) => "Broadcast",
        }
    }

    /// The header code of the kind and its parameter (the op, or the root).
    fn code(self) -> [i64; 2] {
        let op = |o: ReduceOp| o as i64;
        match self {
            Kind::AllReduce(o) => [0, op(o)],
            Kind::AllGather => [1, 0],
            Kind::ReduceScatter(o) => [2, op(o)],
            Kind::Broadcast(root) => [3, i64::try_from(root).unwrap_or(i64::MAX)],
        }
    }

    fn describe(code: [i64; 2]) -> String {
        const OPS: [&str; 4] = ["sum", "max", "min", "prod"];
        let op = usize::try_from(code[1])
            .ok()
            .and_then(|i| OPS.get(i))
            .unwrap_or(&"?");
        match code[0] {
            0 => format!("AllReduce(op={op})"),
            1 => "AllGather".into(),
            2 => format!("ReduceScatter(op={op})"),
            _ => format!("Broadcast(root={})", code[1]),
        }
    }
}

/// One collective on a named group: the rule of a `Custom` primitive.
#[derive(Clone, Debug)]
pub struct Collective {
    kind: Kind,
    group: Arc<str>,
}

/// AllReduce of `x` over `group` with `op` (MindSpore's `ops.AllReduce`).
///
/// ```
/// use easy_mindspore as ems;
/// // Before `comm::init()` a collective is an error (RuntimeError in Python).
/// let x = ems::Tensor::new([1.0f32, 2.0])?;
/// let e = ems::comm::all_reduce(&x, ems::comm::ReduceOp::Sum, ems::comm::WORLD).unwrap_err();
/// assert!(e.to_string().contains("init()"));
/// # Ok::<(), ems::Error>(())
/// ```
pub fn all_reduce(x: &Tensor, op: ReduceOp, group: &str) -> Result<Tensor> {
    Collective::new(Kind::AllReduce(op), group).call(x)
}

/// AllGather of `x` along axis 0 over `group` (MindSpore's `ops.AllGather`).
pub fn all_gather(x: &Tensor, group: &str) -> Result<Tensor> {
    Collective::new(Kind::AllGather, group).call(x)
}

/// ReduceScatter of `x` along axis 0 over `group` (MindSpore's `ops.ReduceScatter`); axis 0 must
/// divide by the group's size.
pub fn reduce_scatter(x: &Tensor, op: ReduceOp, group: &str) -> Result<Tensor> {
    Collective::new(Kind::ReduceScatter(op), group).call(x)
}

/// Broadcast of `x` from the process of group rank `root` (MindSpore's `ops.Broadcast`).
pub fn broadcast(x: &Tensor, root: usize, group: &str) -> Result<Tensor> {
    Collective::new(Kind::Broadcast(root), group).call(x)
}

/// Header words: kind, parameter, dtype, ndim, up to [`SHOWN`] dims, a hash of the rest.
const SHOWN: usize = 8;
const HEADER: usize = 4 + SHOWN + 1;

impl Collective {
    /// The collective `kind` on `group`.
    pub fn new(kind: Kind, group: &str) -> Collective {
        Collective {
            kind,
            group: group.into(),
        }
    }

    /// The primitive that applies it.
    pub fn prim(&self) -> Prim {
        Prim::Custom(Opaque(Arc::new(self.clone())))
    }

    /// Applies it to `x` through `bind`.
    pub fn call(&self, x: &Tensor) -> Result<Tensor> {
        bind(self.prim(), &[x])
    }

    fn with(&self, kind: Kind, x: &Tensor) -> Result<Tensor> {
        Collective::new(kind, &self.group).call(x)
    }

    fn sum_of(&self, x: &Tensor) -> Result<Tensor> {
        self.with(Kind::AllReduce(ReduceOp::Sum), x)
    }

    fn header(&self, shape: &[usize], dtype: DType) -> [i64; HEADER] {
        let mut h = [0i64; HEADER];
        let as_i64 = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        h[..2].copy_from_slice(&self.kind.code());
        h[2] = as_i64(DType::ALL.iter().position(|d| *d == dtype).unwrap_or(0));
        h[3] = as_i64(shape.len());
        for (slot, &d) in h[4..4 + SHOWN].iter_mut().zip(shape) {
            *slot = as_i64(d);
        }
        h[HEADER - 1] = shape.iter().skip(SHOWN).fold(0i64, |acc, &d| {
            acc.wrapping_mul(1_000_003).wrapping_add(as_i64(d))
        });
        h
    }

    /// Every process's header, compared: an error naming what each process called when they
    /// differ.
    fn check_agreement(&self, lib: &Mpi, g: &Group, shape: &[usize], dtype: DType) -> Result<()> {
        if g.size == 1 {
            return Ok(());
        }
        let mine = self.header(shape, dtype);
        let mut all = vec![0i64; HEADER * g.size];
        lib.allgather(&mine, &mut all, g.comm)?;
        if all.chunks(HEADER).all(|h| h == mine) {
            return Ok(());
        }
        let show = |h: &[i64]| {
            let dtype = usize::try_from(h[2])
                .ok()
                .and_then(|i| DType::ALL.get(i))
                .map_or("?".to_string(), |d| d.to_string());
            let ndim = usize::try_from(h[3]).unwrap_or(0);
            let dims: Vec<String> = h[4..4 + ndim.min(SHOWN)]
                .iter()
                .map(i64::to_string)
                .collect();
            let more = if ndim > SHOWN { ", ..." } else { "" };
            format!(
                "{} of {dtype}[{}{more}]",
                Kind::describe([h[0], h[1]]),
                dims.join(", ")
            )
        };
        let each: Vec<String> = all
            .chunks(HEADER)
            .enumerate()
            .map(|(r, h)| format!("rank {r}: {}", show(h)))
            .collect();
        Err(Error::invalid(
            self.kind.name(),
            format!(
                "the processes of group '{}' called different collectives or shapes/dtypes \
                 ({})",
                self.group,
                each.join("; ")
            ),
        ))
    }

    fn run(&self, c: &Concrete, shape: &[usize], dtype: DType) -> Result<Tensor> {
        with_group(self.kind.name(), &self.group, |lib, g| {
            let what = || {
                format!(
                    "For '{}', {} of {dtype}{:?} on group '{}'",
                    self.kind.name(),
                    Kind::describe(self.kind.code()),
                    c.layout.shape(),
                    self.group
                )
            };
            watch(what, || {
                self.check_agreement(lib, g, c.layout.shape(), dtype)?;
                dispatch!(dtype, run_typed(self.kind, lib, g, c, shape))
            })
        })
    }

    fn no_scatter_grad(&self) -> Error {
        Error::Transform {
            op: "ReduceScatter",
            msg: "the gradient of ReduceScatter is defined for ReduceOp.SUM only (as in \
                  MindSpore)"
                .into(),
        }
    }
}

fn run_typed<T: Element>(
    kind: Kind,
    lib: &Mpi,
    g: &Group,
    c: &Concrete,
    shape: &[usize],
) -> Result<Tensor> {
    let x = c.host_elems::<T>()?;
    let n_out: usize = shape.iter().product();
    let out = match kind {
        Kind::AllReduce(op) => reduce(lib, g, &x, n_out, op, false)?,
        Kind::ReduceScatter(op) => reduce(lib, g, &x, n_out, op, true)?,
        Kind::AllGather => {
            let mut out = vec![T::from_f64(0.0); n_out];
            lib.allgather(&x, &mut out, g.comm)?;
            out
        }
        Kind::Broadcast(root) => {
            let mut out = x.into_owned();
            lib.bcast(&mut out, root, g.comm)?;
            out
        }
    };
    Tensor::from_vec(out, shape)
}

/// An all-reduce (or, with `scatter`, a reduce-scatter) in `T`'s MPI type; Float16 and
/// BFloat16, which MPI lacks, reduce in Float32 and round once.
fn reduce<T: Element>(
    lib: &Mpi,
    g: &Group,
    x: &[T],
    n_out: usize,
    op: ReduceOp,
    scatter: bool,
) -> Result<Vec<T>> {
    if datatype_symbol(T::DTYPE).is_none() {
        let wide: Vec<f32> = x.iter().map(|v| v.to_f64() as f32).collect();
        let out = reduce::<f32>(lib, g, &wide, n_out, op, scatter)?;
        return Ok(out.into_iter().map(|v| T::from_f64(f64::from(v))).collect());
    }
    let mut out = vec![T::from_f64(0.0); n_out];
    if scatter {
        lib.reduce_scatter(x, &mut out, T::DTYPE, op, g.comm)?;
    } else {
        lib.allreduce(x, &mut out, T::DTYPE, op, g.comm)?;
    }
    Ok(out)
}

/// Moves axis 0 (a `vmap` batch) to axis 1, or back.
fn swap01(x: &Tensor) -> Result<Tensor> {
    let mut perm: Vec<usize> = (0..x.ndim()).collect();
    perm.swap(0, 1);
    p::permute(x, &perm)
}

impl Rule for Collective {
    fn name(&self) -> &'static str {
        self.kind.name()
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        let op = self.kind.name();
        let [(shape, dtype)] = ins else {
            return Err(Error::invalid(
                op,
                format!("expects 1 input, got {}", ins.len()),
            ));
        };
        let (shape, dtype) = (*shape, *dtype);
        let size = with_group(op, &self.group, |_, g| Ok(g.size))?;
        let reduces = matches!(self.kind, Kind::AllReduce(_) | Kind::ReduceScatter(_));
        if reduces && dtype == DType::Bool {
            return Err(Error::UnsupportedDType {
                op,
                dtype,
                expected: "an integer or floating-point dtype",
            });
        }
        let mut out = Dims::from_slice(shape);
        match self.kind {
            Kind::AllReduce(_) => {}
            Kind::AllGather | Kind::ReduceScatter(_) => {
                let Some(first) = out.first_mut() else {
                    return Err(Error::invalid(
                        op,
                        "the input must have at least 1 dimension (it works along axis 0), but \
                         got a 0-D tensor",
                    ));
                };
                if matches!(self.kind, Kind::AllGather) {
                    *first *= size;
                } else if *first % size != 0 {
                    return Err(Error::invalid(
                        op,
                        format!(
                            "the input's first dimension ({}) must be divisible by the group \
                             size {size} (input shape {shape:?})",
                            *first
                        ),
                    ));
                } else {
                    *first /= size;
                }
            }
            Kind::Broadcast(root) if root >= size => {
                return Err(Error::invalid(
                    op,
                    format!("'root_rank' {root} is out of range for a group of {size} processes"),
                ));
            }
            Kind::Broadcast(_) => {}
        }
        Ok((out, dtype))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], dtype: DType) -> Result<Tensor> {
        let [c] = ins else {
            return Err(Error::invalid(self.name(), "expects 1 input"));
        };
        self.run(c, shape, dtype)
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        let (Some(x), Some(Some(t))) = (x.first(), x_t.first()) else {
            return Ok(None);
        };
        let tangent = match self.kind {
            Kind::AllReduce(ReduceOp::Sum)
            | Kind::AllGather
            | Kind::ReduceScatter(ReduceOp::Sum)
            | Kind::Broadcast(_) => self.call(t)?,
            // The tangent of the process(es) that attained the extreme.
            Kind::AllReduce(ReduceOp::Max | ReduceOp::Min) => {
                let hit = p::cast(&crate::ops::equal(x, out)?, t.dtype())?;
                self.sum_of(&(t * &hit)?)?
            }
            // d(Πx) = Πx · Σ dx/x
            Kind::AllReduce(ReduceOp::Prod) => (out * self.sum_of(&(t / x)?)?)?,
            Kind::ReduceScatter(_) => return Err(self.no_scatter_grad()),
        };
        Ok(Some(tangent))
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        let (Some(x), Some(true)) = (x.first(), wanted.first().copied()) else {
            return Ok(smallvec![None]);
        };
        let g = match self.kind {
            Kind::AllReduce(ReduceOp::Sum) => self.sum_of(ct)?,
            Kind::AllReduce(ReduceOp::Max | ReduceOp::Min) => {
                let hit = p::cast(&crate::ops::equal(x, out)?, ct.dtype())?;
                (self.sum_of(ct)? * hit)?
            }
            Kind::AllReduce(ReduceOp::Prod) => (self.sum_of(&(ct * out)?)? / x)?,
            Kind::AllGather => self.with(Kind::ReduceScatter(ReduceOp::Sum), ct)?,
            Kind::ReduceScatter(ReduceOp::Sum) => self.with(Kind::AllGather, ct)?,
            Kind::ReduceScatter(_) => return Err(self.no_scatter_grad()),
            Kind::Broadcast(_) => ct.clone(),
        };
        Ok(smallvec![Some(g)])
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], _n: usize) -> Result<Tensor> {
        let (Some(x), Some(true)) = (vals.first(), batched.first().copied()) else {
            return Err(Error::invalid(
                self.name(),
                "batched without a batched input",
            ));
        };
        match self.kind {
            // Elementwise across processes: the batch axis is one more axis.
            Kind::AllReduce(_) | Kind::Broadcast(_) => self.call(x),
            // They work along the example's axis 0, which is axis 1 of the batch.
            Kind::AllGather | Kind::ReduceScatter(_) => swap01(&self.call(&swap01(x)?)?),
        }
    }

    fn params(&self) -> String {
        let group = &self.group;
        match self.kind {
            Kind::AllReduce(op) | Kind::ReduceScatter(op) => {
                format!("op={}, group={group}", op.name())
            }
            Kind::AllGather => format!("group={group}"),
            Kind::Broadcast(root) => format!("root_rank={root}, group={group}"),
        }
    }

    fn opaque(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_differ_by_kind_dtype_and_shape() {
        let c = Collective::new(Kind::AllReduce(ReduceOp::Sum), "g");
        let h = c.header(&[2, 3], DType::Float32);
        assert_eq!(h, c.header(&[2, 3], DType::Float32));
        assert_ne!(h, c.header(&[3, 2], DType::Float32));
        assert_ne!(h, c.header(&[2, 3], DType::Float64));
        assert_ne!(
            h,
            Collective::new(Kind::AllGather, "g").header(&[2, 3], DType::Float32)
        );
        let deep: Vec<usize> = (1..12).collect();
        let mut other = deep.clone();
        other[10] = 99;
        assert_ne!(c.header(&deep, DType::Int8), c.header(&other, DType::Int8));
        assert_eq!(
            Kind::describe(Kind::Broadcast(2).code()),
            "Broadcast(root=2)"
        );
        assert_eq!(
            Kind::describe(Kind::ReduceScatter(ReduceOp::Max).code()),
            "ReduceScatter(op=max)"
        );
    }

    #[test]
    fn collectives_before_init_are_errors_with_the_op_name() {
        let x = Tensor::new([1.0f32, 2.0]).unwrap();
        for (f, name) in [
            (
                all_reduce(&x, ReduceOp::Max, super::super::WORLD),
                "AllReduce",
            ),
            (all_gather(&x, super::super::WORLD), "AllGather"),
            (
                reduce_scatter(&x, ReduceOp::Sum, super::super::WORLD),
                "ReduceScatter",
            ),
            (broadcast(&x, 0, super::super::WORLD), "Broadcast"),
        ] {
            let e = f.unwrap_err();
            assert!(e.to_string().contains(name), "{e}");
            assert_eq!(e.class(), crate::ErrorClass::Runtime);
        }
    }
}

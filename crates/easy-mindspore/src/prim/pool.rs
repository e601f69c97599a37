//! The entry of `Pool`: max and average pooling over NCHW values, with their transposes
//! ([`PoolKind`]). Max pooling is `MaxSelect(x, x)`: in each window, the second operand where the
//! first has its maximum. The selection is piecewise constant in its first operand, so every
//! derivative goes through the second, and the pair is closed under differentiation:
//!
//! | kind | operands → output | VJP |
//! |---|---|---|
//! | `MaxSelect` | `(x, u) → [N, C, o_h, o_w]` | `u`: `MaxScatter(x, ct)` |
//! | `MaxScatter` | `(x, g) → [N, C, H, W]` | `g`: `MaxSelect(x, ct)` |
//! | `Avg` | `x → [N, C, o_h, o_w]` | `AvgGrad(ct)` |
//! | `AvgGrad` | `g → [N, C, H, W]` | `Avg(ct)` |
//!
//! Each is linear in the operand it differentiates, so its JVP is itself applied to the tangent.
//! `size` is the output's spatial size; under `vmap` the batch folds into `N`.

use super::bind::bind;
use super::check::{arity, in_domain};
use super::ms_form::{MsArg, MsForm};
use super::support::{lift, map, when};
use super::{reshape, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::{Domain, PoolKind, Window};
use crate::tensor::Tensor;
use smallvec::smallvec;

/// The entry of `Pool`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pool {
    /// Which primitive of the family.
    pub kind: PoolKind,
    /// The window's size `(k_h, k_w)`.
    pub kernel: [usize; 2],
    /// Stride, dilation and leading padding (one group).
    pub win: Window,
    /// The output's spatial size.
    pub size: [usize; 2],
}

impl Pool {
    fn op(&self) -> &'static str {
        match self.kind {
            PoolKind::MaxSelect => "MaxPool",
            PoolKind::MaxScatter => "MaxPoolGrad",
            PoolKind::Avg { .. } => "AvgPool",
            PoolKind::AvgGrad { .. } => "AvgPoolGrad",
        }
    }

    fn with(&self, kind: PoolKind, size: &[usize]) -> Pool {
        Pool {
            kind,
            size: [size[2], size[3]],
            ..*self
        }
    }

    fn arity(&self) -> usize {
        match self.kind {
            PoolKind::MaxSelect | PoolKind::MaxScatter => 2,
            PoolKind::Avg { .. } | PoolKind::AvgGrad { .. } => 1,
        }
    }
}

impl Rule for Pool {
    fn mindspore(&self, ins: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        // MindSpore's pooling pads only as 'SAME' does: windows inside the input are written.
        let x = ins[0].0;
        let trail = self
            .win
            .trailing_pad([x[2], x[3]], self.kernel, self.size)?;
        if self.win.pad != [0, 0] || trail != [0, 0] || self.win.dilation != [1, 1] {
            return None;
        }
        let (k, s) = (self.kernel, self.win.stride);
        match self.kind {
            // Max pooling is MaxSelect(x, x).
            PoolKind::MaxSelect => Some(
                MsForm::with_attrs(
                    "MaxPool",
                    vec![
                        ("kernel_size", MsArg::Ints(vec![1, 1, k[0], k[1]])),
                        ("strides", MsArg::Ints(vec![1, 1, s[0], s[1]])),
                        ("pad_mode", MsArg::Str("VALID")),
                        ("format", MsArg::Str("NCHW")),
                    ],
                )
                .one_operand(),
            ),
            // (x, kernel, strides, pad_mode 2 = VALID, data_format 0 = NCHW)
            PoolKind::Avg { .. } => Some(MsForm::op("AvgPool").args([
                MsArg::Ints(k.to_vec()),
                MsArg::Ints(s.to_vec()),
                MsArg::Int(2),
                MsArg::Int(0),
            ])),
            _ => None,
        }
    }

    fn name(&self) -> &'static str {
        self.op()
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        let op = self.op();
        arity(op, ins, self.arity())?;
        let (x, dx) = ins[0];
        in_domain(op, Domain::Floats, dx)?;
        let w = self.win;
        let bad = |what: &str| {
            let shapes: Vec<_> = ins.iter().map(|a| a.0.to_vec()).collect();
            Err(Error::invalid(
                op,
                format!(
                    "{what}: operands of shapes {shapes:?} ({dx}), kernel {:?}, {}, output size {:?}",
                    self.kernel,
                    w.describe(),
                    self.size
                ),
            ))
        };
        if x.len() != 4 {
            return bad("the operands must be 4-D (NCHW)");
        }
        if w.stride.contains(&0) || w.dilation.contains(&0) || self.kernel.contains(&0) {
            return bad("kernel, stride and dilation must be positive");
        }
        if self.size.contains(&0) {
            return bad("the output's spatial size must be positive");
        }
        if let [_, (y, dy)] = ins {
            if *dy != dx {
                return Err(Error::DTypeMismatch {
                    op,
                    lhs: dx,
                    rhs: *dy,
                });
            }
            // MaxSelect's values are `x`'s shape; MaxScatter's gradient is pooled-sized and its
            // output is `x`'s shape.
            let ok = y.len() == 4
                && y[..2] == x[..2]
                && match self.kind {
                    PoolKind::MaxSelect => *y == x,
                    PoolKind::MaxScatter | PoolKind::Avg { .. } | PoolKind::AvgGrad { .. } => {
                        x[2..] == self.size
                    }
                };
            if !ok {
                return bad("the second operand's shape does not fit the first's");
            }
        }
        Ok((
            Dims::from_slice(&[x[0], x[1], self.size[0], self.size[1]]),
            dx,
        ))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out =
            device::of(self.op(), ins)?.pool(self.kind, self.kernel, &self.win, ins, shape)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        match self.kind {
            PoolKind::MaxSelect | PoolKind::MaxScatter => {
                map(&x_t[1], |t| pool(*self, &[&x[0], t]))
            }
            PoolKind::Avg { .. } | PoolKind::AvgGrad { .. } => map(&x_t[0], |t| pool(*self, &[t])),
        }
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        let back = |kind: PoolKind, like: &Tensor| self.with(kind, like.dims());
        Ok(match self.kind {
            PoolKind::MaxSelect => smallvec![
                None,
                when(wanted.get(1) == Some(&true), || {
                    pool(back(PoolKind::MaxScatter, &x[0]), &[&x[0], ct])
                })?
            ],
            PoolKind::MaxScatter => smallvec![
                None,
                when(wanted.get(1) == Some(&true), || {
                    pool(back(PoolKind::MaxSelect, &x[1]), &[&x[0], ct])
                })?
            ],
            PoolKind::Avg { include_pad } => smallvec![when(wanted[0], || {
                pool(back(PoolKind::AvgGrad { include_pad }, &x[0]), &[ct])
            })?],
            PoolKind::AvgGrad { include_pad } => smallvec![when(wanted[0], || {
                pool(back(PoolKind::Avg { include_pad }, &x[0]), &[ct])
            })?],
        })
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        // [B, N, C, H, W] → [B·N, C, H, W] for every operand, and back.
        let mut flat = Vec::with_capacity(vals.len());
        for (v, &b) in vals.iter().zip(batched) {
            let v = if b { v.clone() } else { lift(v, n)? };
            let d = v.dims().to_vec();
            flat.push(reshape(&v, &[d[0] * d[1], d[2], d[3], d[4]])?);
        }
        let refs: Vec<&Tensor> = flat.iter().collect();
        let y = pool(*self, &refs)?;
        let d = y.dims().to_vec();
        reshape(&y, &[n, d[0] / n, d[1], d[2], d[3]])
    }

    fn params(&self) -> String {
        format!(
            "kind={:?}, kernel={:?}, {}, size={:?}",
            self.kind,
            self.kernel,
            self.win.describe(),
            self.size
        )
    }
}

/// The `Pool` primitive of kind `p.kind` applied to its operands.
pub fn pool(p: Pool, args: &[&Tensor]) -> Result<Tensor> {
    bind(Prim::Pool(p), args)
}

//! The entry of `Conv`: the 2-D convolution family over NCHW values (DESIGN §2). One primitive
//! with three kinds ([`ConvKind`]) that are each other's transposes, so every derivative of a
//! convolution, to any order, is again a convolution:
//!
//! | kind | operands → output | VJP of operand 0 | VJP of operand 1 |
//! |---|---|---|---|
//! | `Forward` | `(x, w) → y` | `Input(ct, w)` | `Weight(x, ct)` |
//! | `Input` | `(y, w) → x` | `Forward(ct, w)` | `Weight(ct, y)` |
//! | `Weight` | `(x, y) → w` | `Input(y, ct)` | `Forward(x, ct)` |
//!
//! Each kind is bilinear, so its JVP is the kind applied to `(a_t, b)` plus `(a, b_t)`. Shapes:
//! `x [N, C, H, W]`, `w [O, C/groups, k_h, k_w]`, `y [N, O, o_h, o_w]`; the parameter `size` is
//! the spatial size of the output (`(o_h, o_w)`, `(H, W)` or `(k_h, k_w)`), the one thing the
//! operands do not determine. Under `vmap` a batch of inputs folds into `N`, a batch of weights
//! into the groups.

use super::bind::bind;
use super::check::{arity, in_domain};
use super::ms_form::{MsArg, MsForm};
use super::support::{lift, map, sum2, wants, when};
use super::{permute, reshape, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::{ConvKind, Domain, Window};
use crate::tensor::Tensor;
use smallvec::smallvec;

/// The entry of `Conv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Conv {
    /// Which product.
    pub kind: ConvKind,
    /// Stride, dilation, leading padding and groups.
    pub win: Window,
    /// The output's spatial size.
    pub size: [usize; 2],
}

impl Conv {
    fn op(&self) -> &'static str {
        match self.kind {
            ConvKind::Forward => "Conv2D",
            ConvKind::Input => "Conv2DBackpropInput",
            ConvKind::Weight => "Conv2DBackpropFilter",
        }
    }

    fn with(&self, kind: ConvKind, size: [usize; 2]) -> Conv {
        Conv {
            kind,
            win: self.win,
            size,
        }
    }
}

fn hw(d: &[usize]) -> [usize; 2] {
    [d[2], d[3]]
}

impl Rule for Conv {
    fn mindspore(&self, ins: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        if self.kind != ConvKind::Forward {
            return None;
        }
        let (x, w) = (ins[0].0, ins[1].0);
        let trail = self
            .win
            .trailing_pad([x[2], x[3]], [w[2], w[3]], self.size)?;
        let (p, s, d, g) = (
            self.win.pad,
            self.win.stride,
            self.win.dilation,
            self.win.groups,
        );
        let pads = vec![p[0], trail[0], p[1], trail[1]];
        let attrs = vec![
            ("kernel_size", MsArg::Ints(vec![w[2], w[3]])),
            ("mode", MsArg::Int(1)),
            ("out_channel", MsArg::Int(w[0] as i64)),
            ("pad", MsArg::Ints(pads.clone())),
            ("pad_mode", MsArg::Str("pad")),
            ("format", MsArg::Str("NCHW")),
            ("pad_list", MsArg::Ints(pads)),
            ("groups", MsArg::Int(g as i64)),
            ("group", MsArg::Int(g as i64)),
            ("stride", MsArg::Ints(vec![1, 1, s[0], s[1]])),
            ("dilation", MsArg::Ints(vec![1, 1, d[0], d[1]])),
        ];
        Some(MsForm::with_attrs("Conv2D", attrs))
    }

    fn name(&self) -> &'static str {
        self.op()
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        let op = self.op();
        arity(op, ins, 2)?;
        let ((a, da), (b, db)) = (ins[0], ins[1]);
        if da != db {
            return Err(Error::DTypeMismatch {
                op,
                lhs: da,
                rhs: db,
            });
        }
        in_domain(op, Domain::Floats, da)?;
        let w = self.win;
        let bad = |what: &str| {
            Err(Error::invalid(
                op,
                format!(
                    "{what}: operands of shapes {a:?} and {b:?} ({da}), {}, output size {:?}",
                    w.describe(),
                    self.size
                ),
            ))
        };
        if a.len() != 4 || b.len() != 4 {
            return bad("the operands must be 4-D (NCHW)");
        }
        if w.groups == 0 || w.stride.contains(&0) || w.dilation.contains(&0) {
            return bad("groups, stride and dilation must be positive");
        }
        if self.size.contains(&0) {
            return bad("the output's spatial size must be positive");
        }
        let g = w.groups;
        let out = match self.kind {
            // a = x [N, C, H, W], b = w [O, C/g, kh, kw]
            ConvKind::Forward => {
                if a[1] != b[1] * g || b[0] % g != 0 {
                    return bad("the input's channels must be the weight's axis 1 times groups, and the weight's output channels divisible by groups");
                }
                [a[0], b[0], self.size[0], self.size[1]]
            }
            // a = y [N, O, oh, ow], b = w [O, C/g, kh, kw]
            ConvKind::Input => {
                if a[1] != b[0] || b[0] % g != 0 {
                    return bad("the gradient's channels must be the weight's output channels, divisible by groups");
                }
                [a[0], b[1] * g, self.size[0], self.size[1]]
            }
            // a = x [N, C, H, W], b = y [N, O, oh, ow]
            ConvKind::Weight => {
                if a[0] != b[0] || a[1] % g != 0 || b[1] % g != 0 {
                    return bad(
                        "the batch sizes must agree and both channel counts divide by groups",
                    );
                }
                [b[1], a[1] / g, self.size[0], self.size[1]]
            }
        };
        Ok((Dims::from_slice(&out), da))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(self.op(), ins)?.conv(self.kind, &self.win, ins[0], ins[1], shape)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        sum2(
            map(&x_t[0], |t| conv(*self, t, &x[1]))?,
            map(&x_t[1], |t| conv(*self, &x[0], t))?,
        )
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        use ConvKind::*;
        let (a, b) = (&x[0], &x[1]);
        let (sa, sb) = (hw(a.dims()), hw(b.dims()));
        let (da, db) = match self.kind {
            Forward => (
                (self.with(Input, sa), ct, b),
                (self.with(Weight, sb), a, ct),
            ),
            Input => (
                (self.with(Forward, sa), ct, b),
                (self.with(Weight, sb), ct, a),
            ),
            Weight => (
                (self.with(Input, sa), b, ct),
                (self.with(Forward, sb), a, ct),
            ),
        };
        Ok(smallvec![
            when(wants(wanted, 0), || conv(da.0, da.1, da.2))?,
            when(wants(wanted, 1), || conv(db.0, db.1, db.2))?,
        ])
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        let folds_into_n = batched[0] && !batched[1] && self.kind != ConvKind::Weight;
        if folds_into_n {
            // [B, N, ...] → [B·N, ...] and back.
            let a = &vals[0];
            let d = a.dims();
            let flat = reshape(a, &[d[0] * d[1], d[2], d[3], d[4]])?;
            let y = conv(*self, &flat, &vals[1])?;
            let yd = y.dims().to_vec();
            return reshape(&y, &[n, d[1], yd[1], yd[2], yd[3]]);
        }
        // Otherwise the batch becomes more groups: channels [B·C], [B·O], weights [B·O, ...].
        let a = if batched[0] {
            vals[0].clone()
        } else {
            lift(&vals[0], n)?
        };
        let b = if batched[1] {
            vals[1].clone()
        } else {
            lift(&vals[1], n)?
        };
        let to_channels = |t: &Tensor| -> Result<Tensor> {
            // [B, N, C, H, W] → [N, B·C, H, W]
            let d = t.dims().to_vec();
            reshape(
                &permute(t, &[1, 0, 2, 3, 4])?,
                &[d[1], n * d[2], d[3], d[4]],
            )
        };
        let to_rows = |t: &Tensor| -> Result<Tensor> {
            // [B, O, C/g, kh, kw] → [B·O, C/g, kh, kw]
            let d = t.dims().to_vec();
            reshape(t, &[n * d[1], d[2], d[3], d[4]])
        };
        let mut wide = *self;
        wide.win.groups *= n;
        let (a2, b2) = match self.kind {
            ConvKind::Forward | ConvKind::Input => (to_channels(&a)?, to_rows(&b)?),
            ConvKind::Weight => (to_channels(&a)?, to_channels(&b)?),
        };
        let y = conv(wide, &a2, &b2)?;
        let d = y.dims().to_vec();
        match self.kind {
            // [N, B·C', h, w] → [B, N, C', h, w]
            ConvKind::Forward | ConvKind::Input => permute(
                &reshape(&y, &[d[0], n, d[1] / n, d[2], d[3]])?,
                &[1, 0, 2, 3, 4],
            ),
            // [B·O, C/g, kh, kw] → [B, O, C/g, kh, kw]
            ConvKind::Weight => reshape(&y, &[n, d[0] / n, d[1], d[2], d[3]]),
        }
    }

    fn params(&self) -> String {
        format!("{}, size={:?}", self.win.describe(), self.size)
    }
}

/// The `Conv` primitive of kind `c.kind` applied to `(a, b)`.
pub fn conv(c: Conv, a: &Tensor, b: &Tensor) -> Result<Tensor> {
    bind(Prim::Conv(c), &[a, b])
}

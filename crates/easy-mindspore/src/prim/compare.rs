//! The entries of `Compare(CmpOp)` (elementwise comparisons, Bool results, no derivative) and
//! `Where` (elementwise selection).

use super::bind::bind;
use super::check::{arity, complex_ok, same};
use super::ms_form::MsForm;
use super::support::{lift_all, none, tangent_or_zero, wants, when};
use super::{zeros_like, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::CmpOp::{self, *};
use crate::tensor::Tensor;
use smallvec::smallvec;

impl Rule for CmpOp {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        let op = match self {
            CmpOp::Eq => "Equal",
            CmpOp::Ne => "NotEqual",
            CmpOp::Lt => "Less",
            CmpOp::Le => "LessEqual",
            CmpOp::Gt => "Greater",
            CmpOp::Ge => "GreaterEqual",
        };
        Some(MsForm::op(op).broadcasting())
    }

    fn name(&self) -> &'static str {
        "Compare"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Compare", ins, 2)?;
        same("Compare", ins[0], ins[1])?;
        complex_ok(CmpOp::name(*self), self.takes_complex(), ins[0].1)?;
        Ok((Dims::from_slice(ins[0].0), DType::Bool))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("Compare", ins)?.compare(*self, ins[0], ins[1])?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Ok(None)
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        none(2)
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        let lifted = lift_all(vals, batched, n)?;
        compare(*self, &lifted[0], &lifted[1])
    }

    fn differentiable(&self) -> bool {
        false
    }

    fn params(&self) -> String {
        CmpOp::name(*self).to_string()
    }
}

/// The `Compare(op)` primitive.
pub fn compare(op: CmpOp, x: &Tensor, y: &Tensor) -> Result<Tensor> {
    bind(Prim::Compare(op), &[x, y])
}

macro_rules! constructors {
    ($($name:ident => $op:ident),*) => {$(
        #[doc = concat!("The `Compare(", stringify!($op), ")` primitive.")]
        pub fn $name(x: &Tensor, y: &Tensor) -> Result<Tensor> {
            compare($op, x, y)
        }
    )*};
}
constructors!(eq => Eq, ne => Ne, lt => Lt, le => Le, gt => Gt, ge => Ge);

/// The entry of `Where`: `where(cond, x, y)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Where;

impl Rule for Where {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        Some(MsForm::op("Select"))
    }

    fn name(&self) -> &'static str {
        "Where"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("Where", ins, 3)?;
        if ins[0].1 != DType::Bool {
            return Err(Error::UnsupportedDType {
                op: "Where",
                dtype: ins[0].1,
                expected: "a Bool condition",
            });
        }
        if ins[0].0 != ins[1].0 {
            return Err(Error::ShapeMismatch {
                op: "Where",
                lhs: ins[0].0.to_vec(),
                rhs: ins[1].0.to_vec(),
            });
        }
        same("Where", ins[1], ins[2])?;
        Ok((Dims::from_slice(ins[1].0), ins[1].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("Where", ins)?.select(ins[0], ins[1], ins[2])?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        let (t1, t2) = (
            tangent_or_zero(&x_t[1], &x[1])?,
            tangent_or_zero(&x_t[2], &x[2])?,
        );
        Ok(Some(select(&x[0], &t1, &t2)?))
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        let zero = zeros_like(ct)?;
        Ok(smallvec![
            None,
            when(wants(wanted, 1), || select(&x[0], ct, &zero))?,
            when(wants(wanted, 2), || select(&x[0], &zero, ct))?,
        ])
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        let lifted = lift_all(vals, batched, n)?;
        select(&lifted[0], &lifted[1], &lifted[2])
    }
}

/// The `Where` primitive.
pub fn select(c: &Tensor, x: &Tensor, y: &Tensor) -> Result<Tensor> {
    bind(Prim::Where, &[c, x, y])
}

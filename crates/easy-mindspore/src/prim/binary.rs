//! The entry of `Binary(BinaryOp)`: shape rule, kernel, derivatives and batching of every binary
//! elementwise op. The scalar functions are the table in `op::binary`; the one thing an op adds
//! here is its partial derivatives, in [`jvp`] and [`vjp`].

use super::bind::bind;
use super::check::{arity, in_domain_or_complex, same};
use super::ms_form::MsForm;
use super::support::{full_like, lift_all, map, one_minus, sum2, wants, when};
use super::{
    cast, conj, eq, floor, ge, gt, le, log, lt, neg, select, zeros_like, Aval, Cts, Opt, Prim, Rule,
};
use crate::device::{self, Concrete};
use crate::dtype::{dispatch, DType, Element, Kind};
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::BinaryOp::{self, *};
use crate::tensor::Tensor;
use smallvec::smallvec;

/// The output tangent of `out = op(x, y)`.
fn jvp(op: BinaryOp, x: &Tensor, y: &Tensor, x_t: &Opt, y_t: &Opt, out: &Tensor) -> Result<Opt> {
    match op {
        Add => sum2(x_t.clone(), y_t.clone()),
        Sub => sum2(x_t.clone(), map(y_t, neg)?),
        // x·x along one tangent: t·x + x·t is one product, doubled (a pass fewer).
        Mul if x.same(y) && matches!((x_t, y_t), (Some(a), Some(b)) if a.same(b)) => {
            map(x_t, |t| {
                let half = mul(t, x)?;
                add(&half, &half)
            })
        }
        Mul => sum2(map(x_t, |t| mul(t, y))?, map(y_t, |t| mul(x, t))?),
        Div if !x.dtype().is_float() && !x.dtype().is_complex() => Ok(None),
        // (x_t - out·y_t) / y
        Div => {
            let num = sum2(x_t.clone(), map(y_t, |t| neg(&mul(out, t)?))?)?;
            map(&num, |n| div(n, y))
        }
        Pow => sum2(
            map(x_t, |t| mul(t, &pow_dx(x, y)?))?,
            match y_t {
                Some(t) if x.dtype().is_float() || x.dtype().is_complex() => {
                    Some(mul(t, &pow_dy(x, out)?)?)
                }
                _ => None,
            },
        ),
        Max | Min => {
            let w = choose_weight(op, x, y)?;
            sum2(
                map(x_t, |t| mul(t, &w))?,
                map(y_t, |t| mul(t, &one_minus(&w)?))?,
            )
        }
        Mod if !x.dtype().is_float() => Ok(None),
        // Integer-valued and locally constant: no derivative.
        BitwiseAnd | BitwiseOr | BitwiseXor | LeftShift | RightShift => Ok(None),
        // The order n is a whole number: no derivative in it; ∂/∂x = Polygamma(n + 1, x).
        Polygamma => map(y_t, |t| mul(t, &polygamma_next(x, y)?)),
        // x_t - q·y_t
        Mod => sum2(
            x_t.clone(),
            map(y_t, |t| neg(&mul(t, &mod_quotient(x, y, out)?)?))?,
        ),
    }
}

/// The cotangents of `x` and `y` (those `wanted`) of `out = op(x, y)`.
fn vjp(
    op: BinaryOp,
    x: &Tensor,
    y: &Tensor,
    out: &Tensor,
    ct: &Tensor,
    want: [bool; 2],
) -> Result<Cts> {
    let [wx, wy] = want;
    Ok(match op {
        Add => smallvec![wx.then(|| ct.clone()), wy.then(|| ct.clone())],
        Sub => smallvec![wx.then(|| ct.clone()), when(wy, || neg(ct))?],
        // x·x: both cotangents are ct·x; compute it once (the tape adds the two uses).
        // Complex operands conjugate the partials (see `prim::conj`); `conj` is the identity
        // on real ones.
        Mul if x.same(y) && x.dtype().is_complex() => {
            let g = mul(ct, &conj(x)?)?;
            smallvec![wx.then(|| g.clone()), wy.then_some(g)]
        }
        Mul if x.same(y) => {
            let g = mul(ct, x)?;
            smallvec![wx.then(|| g.clone()), wy.then_some(g)]
        }
        Mul => smallvec![
            when(wx, || mul(ct, &conj(y)?))?,
            when(wy, || mul(&conj(x)?, ct))?
        ],
        Div if !x.dtype().is_float() && !x.dtype().is_complex() => smallvec![None, None],
        Div => {
            // ∂/∂x = ct / y; ∂/∂y = -ct · x / y² = -(ct / y) · out.
            let scaled = div(ct, &conj(y)?)?;
            let ct_y = when(wy, || neg(&mul(&scaled, &conj(out)?)?))?;
            smallvec![wx.then_some(scaled), ct_y]
        }
        Pow => smallvec![
            when(wx, || mul(ct, &conj(&pow_dx(x, y)?)?))?,
            when(
                wy && (x.dtype().is_float() || x.dtype().is_complex()),
                || { mul(ct, &conj(&pow_dy(x, out)?)?) }
            )?,
        ],
        Max | Min => {
            let w = choose_weight(op, x, y)?;
            smallvec![
                when(wx, || mul(ct, &w))?,
                when(wy, || mul(ct, &one_minus(&w)?))?,
            ]
        }
        Mod if !x.dtype().is_float() => smallvec![None, None],
        BitwiseAnd | BitwiseOr | BitwiseXor | LeftShift | RightShift => smallvec![None, None],
        Polygamma => smallvec![None, when(wy, || mul(ct, &polygamma_next(x, y)?))?],
        Mod => smallvec![
            wx.then(|| ct.clone()),
            when(wy, || neg(&mul(ct, &mod_quotient(x, y, out)?)?))?,
        ],
    })
}

/// `ψ⁽ⁿ⁺¹⁾(x)`, the derivative of `ψ⁽ⁿ⁾(x)` in `x`.
fn polygamma_next(n: &Tensor, x: &Tensor) -> Result<Tensor> {
    polygamma(&add(n, &full_like(n, 1.0)?)?, x)
}

/// The quotient `q` of `x % y = x - q·y` (so ∂/∂x = 1 and ∂/∂y = -q away from the jumps): the
/// integer nearest `(x - out) / y`, which is an integer up to rounding. (`floor(x / y)` can be
/// off by one where `x / y` rounds up to an integer: 1 % 0.1 is 0.0999…, with q = 9, not 10.)
fn mod_quotient(x: &Tensor, y: &Tensor, out: &Tensor) -> Result<Tensor> {
    let q = div(&sub(x, out)?, y)?;
    floor(&add(&q, &full_like(&q, 0.5)?)?)
}

/// ∂(x^y)/∂x = y · x^(y-1), taken as 0 where y = 0: x^0 = 1 is constant in x, also at x = 0,
/// where the formula gives 0 · 0^(-1) = NaN. There the formula runs on y = 1 instead (its value
/// is dropped), so that no inf or NaN enters the derivative of this derivative either. Other
/// edges keep the formula's limit: 0 at x = 0 for y ≥ 1 (1 for y = 1), +inf for 0 < y < 1,
/// as for √x; NaN for x < 0 with a fractional y.
fn pow_dx(x: &Tensor, y: &Tensor) -> Result<Tensor> {
    let zero = zeros_like(y)?;
    let y_is_0 = eq(y, &zero)?;
    let safe_y = select(&y_is_0, &full_like(y, 1.0)?, y)?;
    let y_minus_1 = sub(&safe_y, &full_like(y, 1.0)?)?;
    select(&y_is_0, &zero, &mul(&safe_y, &pow(x, &y_minus_1)?)?)
}

/// ∂(x^y)/∂y = log(x) · x^y, taken as 0 where x = 0 (the limit for y > 0, as JAX does; for
/// y ≤ 0, where 0^y jumps, 0 as well rather than NaN). NaN for x < 0, where x^y is not real
/// around integer y.
fn pow_dy(x: &Tensor, out: &Tensor) -> Result<Tensor> {
    let zero = zeros_like(x)?;
    let is_zero = eq(x, &zero)?;
    let safe_x = select(&is_zero, &full_like(x, 1.0)?, x)?;
    select(&is_zero, &zero, &mul(&log(&safe_x)?, out)?)
}

/// The share of the derivative `max`/`min` passes to `x`: 1 where x wins, 1/2 on ties, else 0.
/// Integer dtypes give ties to `x` (no halves there).
fn choose_weight(op: BinaryOp, x: &Tensor, y: &Tensor) -> Result<Tensor> {
    let is_max = op == Max;
    let d = x.dtype();
    if !d.is_float() {
        let x_wins = if is_max { ge(x, y)? } else { le(x, y)? };
        return cast(&x_wins, d);
    }
    let win = cast(&if is_max { gt(x, y)? } else { lt(x, y)? }, d)?;
    let tie = cast(&eq(x, y)?, d)?;
    add(&win, &scale(&tie, 0.5)?)
}

impl Rule for BinaryOp {
    fn mindspore(&self, _: &[Aval], _: Aval<'_>) -> Option<MsForm> {
        use BinaryOp as B;
        let op = match self {
            B::Add | B::Sub | B::Mul | B::Div | B::Pow => self.name(),
            B::BitwiseAnd | B::BitwiseOr | B::BitwiseXor => self.name(),
            B::Max => "Maximum",
            B::Min => "Minimum",
            B::Mod => "FloorMod",
            _ => return None,
        };
        Some(MsForm::op(op).broadcasting())
    }

    fn name(&self) -> &'static str {
        BinaryOp::name(*self)
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity(self.name(), ins, 2)?;
        same(self.name(), ins[0], ins[1])?;
        in_domain_or_complex(self.name(), self.domain(), self.takes_complex(), ins[0].1)?;
        Ok((Dims::from_slice(ins[0].0), ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], dtype: DType) -> Result<Tensor> {
        if *self == Pow && dtype.kind() == Kind::Int {
            dispatch!(dtype, no_zero_to_negative_power(ins[0], ins[1]))?;
        }
        let out = device::of(self.name(), ins)?.binary(*self, ins[0], ins[1])?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        jvp(*self, &x[0], &x[1], &x_t[0], &x_t[1], out)
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        let want = [wants(wanted, 0), wants(wanted, 1)];
        vjp(*self, &x[0], &x[1], out, ct, want)
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        let lifted = lift_all(vals, batched, n)?;
        binary(*self, &lifted[0], &lifted[1])
    }

    fn differentiable(&self) -> bool {
        !matches!(
            self,
            BitwiseAnd | BitwiseOr | BitwiseXor | LeftShift | RightShift
        )
    }

    fn vjp_reads_out(&self) -> bool {
        !matches!(self, Add | Sub | Mul)
    }

    fn vjp_reads_inputs(&self) -> bool {
        !matches!(self, Add | Sub)
    }

    fn forwards(&self, is_const: &dyn Fn(usize, f64) -> bool) -> Option<usize> {
        let (left, right) = self.identities();
        if right.is_some_and(|v| is_const(1, v)) {
            Some(0)
        } else if left.is_some_and(|v| is_const(0, v)) {
            Some(1)
        } else {
            None
        }
    }
}

/// Refuses an integer power with base 0 and a negative exponent, as NumPy does ("Integers to
/// negative integer powers are not allowed"): MindSpore 2.10's CPU kernel returns the integer
/// minimum there, which is no answer. Other negative exponents follow MindSpore (see
/// `Arith::pow`). Reads the exponents first and the bases only when one is negative.
fn no_zero_to_negative_power<T: Element>(x: &Concrete, y: &Concrete) -> Result<()> {
    // Signs through f64, exact for every integer's sign (UInt64 included).
    if let Some(e) = y.splat_f64() {
        if e >= 0.0 {
            return Ok(());
        }
    }
    let ys = y.host_elems::<T>()?;
    if !ys.iter().any(|&e| e.to_f64() < 0.0) {
        return Ok(());
    }
    let xs = x.host_elems::<T>()?;
    if xs
        .iter()
        .zip(ys.iter())
        .any(|(&b, &e)| b.to_f64() == 0.0 && e.to_f64() < 0.0)
    {
        return Err(Error::invalid(
            "Pow",
            format!(
                "integers to negative integer powers are not allowed where the base is 0 \
                 ({} operands of shape {:?})",
                T::DTYPE,
                x.layout.shape()
            ),
        ));
    }
    Ok(())
}

/// The `Binary(op)` primitive (equal shapes and dtypes).
pub fn binary(op: BinaryOp, x: &Tensor, y: &Tensor) -> Result<Tensor> {
    bind(Prim::Binary(op), &[x, y])
}

macro_rules! constructors {
    ($($name:ident => $op:ident),*) => {$(
        #[doc = concat!("The `", stringify!($op), "` primitive (equal shapes and dtypes).")]
        pub fn $name(x: &Tensor, y: &Tensor) -> Result<Tensor> {
            binary($op, x, y)
        }
    )*};
}
constructors!(add => Add, sub => Sub, div => Div, pow => Pow, max => Max, min => Min,
              rem => Mod, bitwise_and => BitwiseAnd, bitwise_or => BitwiseOr, bitwise_xor => BitwiseXor,
              left_shift => LeftShift, right_shift => RightShift, polygamma => Polygamma);

/// The `Mul` primitive (equal shapes and dtypes). `x·1` is `x` exactly (NaN, ±0 and inf
/// included), so a product with an untraced broadcast one — the seed cotangent of `grad` — is
/// skipped rather than spent as a pass over memory.
pub fn mul(x: &Tensor, y: &Tensor) -> Result<Tensor> {
    if x.dims() == y.dims() && x.dtype() == y.dtype() {
        if is_broadcast_one(y) {
            return Ok(x.clone());
        }
        if is_broadcast_one(x) {
            return Ok(y.clone());
        }
    }
    binary(Mul, x, y)
}

/// True for an untraced value whose elements are all one view of the single value 1.
fn is_broadcast_one(x: &Tensor) -> bool {
    match &*x.0 {
        crate::tensor::Repr::Concrete(c) => c.is_splat_of(1.0),
        crate::tensor::Repr::Traced(_) => false,
    }
}

/// `x * c` for a constant scalar `c` in `x`'s dtype.
pub fn scale(x: &Tensor, c: f64) -> Result<Tensor> {
    mul(x, &full_like(x, c)?)
}

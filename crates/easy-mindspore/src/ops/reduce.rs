//! Reductions with MindSpore's axis, keepdims and dtype rules: `sum` of integers and bools is
//! Int64, `mean` of an integer tensor keeps its dtype (truncating), `norm` of integers is Float32.
//! `prod` is a log-depth tree of multiplications, so its gradient is exact even with zeros.

use super::{arith, math, normalize_axes, normalize_axis, prim, shape};
use crate::dtype::{DType, Kind};
use crate::error::{Error, Result};
use crate::tensor::Tensor;

/// Which axes a reduction covers.
#[derive(Clone, Debug, PartialEq)]
pub enum Axes {
    /// Every axis.
    All,
    /// The listed axes (negative counts from the end).
    List(Vec<i64>),
}

impl From<i64> for Axes {
    fn from(a: i64) -> Axes {
        Axes::List(vec![a])
    }
}
impl From<i32> for Axes {
    fn from(a: i32) -> Axes {
        Axes::List(vec![i64::from(a)])
    }
}
impl From<&[i64]> for Axes {
    fn from(a: &[i64]) -> Axes {
        Axes::List(a.to_vec())
    }
}
impl<const N: usize> From<[i64; N]> for Axes {
    fn from(a: [i64; N]) -> Axes {
        Axes::List(a.to_vec())
    }
}
impl From<Vec<i64>> for Axes {
    fn from(a: Vec<i64>) -> Axes {
        Axes::List(a)
    }
}
impl<A: Into<Axes>> From<Option<A>> for Axes {
    fn from(a: Option<A>) -> Axes {
        a.map_or(Axes::All, Into::into)
    }
}

impl Axes {
    fn resolve(&self, op: &'static str, shape: &[usize]) -> Result<Vec<usize>> {
        match self {
            Axes::All => normalize_axes(op, None, shape),
            Axes::List(v) => normalize_axes(op, Some(v), shape),
        }
    }
}

/// Puts back reduced axes as size 1.
fn keep(r: Tensor, in_shape: &[usize], axes: &[usize], keepdims: bool) -> Result<Tensor> {
    if !keepdims {
        return Ok(r);
    }
    let s: Vec<usize> = (0..in_shape.len())
        .map(|i| if axes.contains(&i) { 1 } else { in_shape[i] })
        .collect();
    prim::reshape(&r, &s)
}

/// Sum over `axes`; integers and bools sum as Int64, UInt64 as UInt64 (modulo 2^64, as NumPy:
/// the Int64 sum wraps the same bits, and the cast back reads them unsigned; MindSpore 2.10's
/// CPU kernel answers 0 for a UInt64 sum, which we take for a bug).
pub fn sum(x: &Tensor, axes: impl Into<Axes>, keepdims: bool) -> Result<Tensor> {
    let axes = axes.into().resolve("ReduceSum", x.dims())?;
    let wide = if x.dtype().is_float() || x.dtype().is_complex() {
        x.clone()
    } else {
        prim::cast(x, DType::Int64)?
    };
    let s = keep(prim::reduce_sum(&wide, &axes)?, x.dims(), &axes, keepdims)?;
    match x.dtype() {
        DType::UInt64 => prim::cast(&s, DType::UInt64),
        _ => Ok(s),
    }
}

/// Mean over `axes`; an integer tensor's mean keeps its dtype (truncated, as MindSpore).
pub fn mean(x: &Tensor, axes: impl Into<Axes>, keepdims: bool) -> Result<Tensor> {
    let axes = axes.into().resolve("ReduceMean", x.dims())?;
    let n: usize = axes.iter().map(|&a| x.dims()[a]).product();
    // Float16 and BFloat16 sum and divide in Float32 (a Float16 sum overflows long before the
    // mean does), then round once.
    let xf = prim::cast(x, x.dtype().to_float().compute())?;
    let s = keep(prim::reduce_sum(&xf, &axes)?, x.dims(), &axes, keepdims)?;
    let m = arith::div(&s, n as f64)?;
    let to = match x.dtype().kind() {
        Kind::Int => x.dtype(),
        Kind::Bool | Kind::Float | Kind::Complex => x.dtype().to_float(),
    };
    if m.dtype() == to {
        Ok(m)
    } else {
        prim::cast(&m, to)
    }
}

/// Maximum over `axes`.
pub fn max(x: &Tensor, axes: impl Into<Axes>, keepdims: bool) -> Result<Tensor> {
    let axes = axes.into().resolve("ReduceMax", x.dims())?;
    keep(prim::reduce_max(x, &axes)?, x.dims(), &axes, keepdims)
}

/// Minimum over `axes`.
pub fn min(x: &Tensor, axes: impl Into<Axes>, keepdims: bool) -> Result<Tensor> {
    let axes = axes.into().resolve("ReduceMin", x.dims())?;
    let r = if x.dtype() == DType::Bool {
        let i = prim::cast(x, DType::Int32)?;
        prim::cast(
            &prim::neg(&prim::reduce_max(&prim::neg(&i)?, &axes)?)?,
            DType::Bool,
        )?
    } else {
        reverse_order(&prim::reduce_max(&reverse_order(x)?, &axes)?)?
    };
    keep(r, x.dims(), &axes, keepdims)
}

/// An order-reversing bijection: `-x` for floats, `-x - 1` for integers. Plain negation is not one
/// on integers (`-MIN` wraps to `MIN`, so `min([0, MIN])` came out 0); `-x - 1` (bitwise not) is.
fn reverse_order(x: &Tensor) -> Result<Tensor> {
    match x.dtype().kind() {
        Kind::Int => prim::sub(&prim::neg(x)?, &prim::full_like(x, 1)?),
        Kind::Bool | Kind::Float | Kind::Complex => prim::neg(x),
    }
}

/// Index of the first maximum along `axis` (of the flattened tensor for `None`), as Int32.
pub fn argmax(x: &Tensor, axis: Option<i64>, keepdims: bool) -> Result<Tensor> {
    match axis {
        None => prim::argmax(&shape::flatten(x)?, 0),
        Some(a) => {
            let a = normalize_axis("ArgMax", a, x.dims())?;
            if x.ndim() == 0 {
                return prim::argmax(&prim::reshape(x, &[1])?, 0);
            }
            keep(prim::argmax(x, a)?, x.dims(), &[a], keepdims)
        }
    }
}

/// Index of the first minimum along `axis` (of the flattened tensor for `None`), as Int32.
pub fn argmin(x: &Tensor, axis: Option<i64>, keepdims: bool) -> Result<Tensor> {
    let flipped = if x.dtype() == DType::Bool {
        prim::neg(&prim::cast(x, DType::Int32)?)?
    } else {
        reverse_order(x)?
    };
    argmax(&flipped, axis, keepdims)
}

/// Product over `axes`; integers and bools multiply as Int64, as [`sum`] adds them (MindSpore
/// 2.10's `prod` of an Int32 or UInt8 tensor is Int64; UInt64 stays UInt64).
pub fn prod(x: &Tensor, axes: impl Into<Axes>, keepdims: bool) -> Result<Tensor> {
    let axes = axes.into().resolve("ReduceProd", x.dims())?;
    let xd = if x.dtype().is_float() || x.dtype().is_complex() || x.dtype() == DType::UInt64 {
        x.clone()
    } else {
        prim::cast(x, DType::Int64)?
    };
    let kept: Vec<usize> = (0..x.ndim()).filter(|i| !axes.contains(i)).collect();
    let kept_shape: Vec<usize> = kept.iter().map(|&i| x.dims()[i]).collect();
    let perm: Vec<usize> = kept.iter().chain(&axes).copied().collect();
    let run: usize = axes.iter().map(|&a| x.dims()[a]).product();
    let mut flat = prim::reshape(
        &prim::permute(&xd, &perm)?,
        &[kept_shape.as_slice(), &[run]].concat(),
    )?;
    if run == 0 {
        // The empty product is 1 (and has no input to differentiate).
        let one = Tensor::full_scalar(1.0.into(), xd.dtype());
        return keep(
            prim::broadcast_in_dim(&one, &kept_shape, &[])?,
            x.dims(),
            &axes,
            keepdims,
        );
    }
    let last = kept.len();
    while flat.dims()[last] > 1 {
        let n = flat.dims()[last];
        if n % 2 == 1 {
            let mut one_shape = flat.shape();
            one_shape[last] = 1;
            let one = prim::broadcast_in_dim(
                &Tensor::full_scalar(1.0.into(), flat.dtype()),
                &one_shape,
                &[],
            )?;
            flat = prim::concat(&[flat, one], last)?;
        }
        let m = flat.dims()[last];
        let mut starts = vec![0; last + 1];
        let limits = flat.shape();
        let mut steps = vec![1; last + 1];
        steps[last] = 2;
        let evens = prim::slice(&flat, &starts, &limits, &steps)?;
        starts[last] = 1;
        let odds = prim::slice(&flat, &starts, &limits, &steps)?;
        debug_assert_eq!(evens.dims()[last] * 2, m);
        flat = prim::mul(&evens, &odds)?;
    }
    let r = prim::reshape(&flat, &kept_shape)?;
    keep(r, x.dims(), &axes, keepdims)
}

/// Inclusive cumulative sum along `axis` (bools as Int64).
pub fn cumsum(x: &Tensor, axis: i64) -> Result<Tensor> {
    if x.ndim() == 0 {
        return Ok(x.clone());
    }
    let a = normalize_axis("CumSum", axis, x.dims())?;
    let x = if x.dtype() == DType::Bool {
        prim::cast(x, DType::Int64)?
    } else {
        x.clone()
    };
    prim::cumsum(&x, a)
}

/// The order of a [`norm`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NormOrd {
    /// 2-norm of a vector, Frobenius norm of a matrix.
    Default,
    /// Frobenius norm.
    Fro,
    /// `p`-norm of a vector (`0` counts non-zeros); for matrices only `1` and `-1` (column sums).
    P(f64),
    /// Max of `|x|` (vectors) or max row sum (matrices).
    Inf,
    /// Min of `|x|` (vectors) or min row sum (matrices).
    NegInf,
}

/// The 2-norm of the flattened tensor (`ems.norm(x)`); integer inputs give Float32.
pub fn norm(x: &Tensor) -> Result<Tensor> {
    norm_with(x, NormOrd::Default, None, false)
}

/// A vector or matrix norm (NumPy's `linalg.norm`, as `mindspore.numpy.norm`): `axis` `None`
/// means the whole tensor for `Default`/`Fro`, else a vector (1-D) or matrix (2-D) norm. Integer
/// inputs give Float32.
pub fn norm_with(x: &Tensor, ord: NormOrd, axis: Option<&[i64]>, keepdims: bool) -> Result<Tensor> {
    let x = prim::cast(x, x.dtype().to_float())?;
    let axes = match axis {
        Some(a) => normalize_axes("norm", Some(a), x.dims())?,
        None if matches!(ord, NormOrd::Default | NormOrd::Fro) => (0..x.ndim()).collect(),
        None if x.ndim() <= 2 => (0..x.ndim()).collect(),
        None => {
            return Err(Error::invalid(
                "norm",
                format!("ord {ord:?} needs axis for shape {:?}", x.dims()),
            ))
        }
    };
    let ax: Vec<i64> = axes.iter().map(|&a| a as i64).collect();
    let absx = || math::abs(&x);
    let r = match (ord, axes.len()) {
        (NormOrd::Default | NormOrd::Fro, _) => {
            math::sqrt(&sum(&prim::mul(&x, &x)?, ax.clone(), keepdims)?)?
        }
        (NormOrd::Inf, 1) => max(&absx()?, ax.clone(), keepdims)?,
        (NormOrd::NegInf, 1) => min(&absx()?, ax.clone(), keepdims)?,
        (NormOrd::P(0.0), 1) => sum(
            &prim::cast(&arith::not_equal(&x, 0.0)?, x.dtype())?,
            ax.clone(),
            keepdims,
        )?,
        (NormOrd::P(1.0), 1) => sum(&absx()?, ax.clone(), keepdims)?,
        (NormOrd::P(p), 1) => arith::pow(
            sum(&arith::pow(absx()?, p)?, ax.clone(), keepdims)?,
            1.0 / p,
        )?,
        (NormOrd::Inf | NormOrd::NegInf, 2) | (NormOrd::P(_), 2) => {
            // Row sums (inf) reduce axes[1] first; column sums (1) reduce axes[0] first.
            let (inner, outer) = match ord {
                NormOrd::Inf | NormOrd::NegInf => (ax[1], ax[0]),
                _ => (ax[0], ax[1]),
            };
            let s = sum(&absx()?, inner, true)?;
            let r = match ord {
                NormOrd::Inf | NormOrd::P(1.0) => max(&s, outer, true)?,
                NormOrd::NegInf | NormOrd::P(-1.0) => min(&s, outer, true)?,
                _ => {
                    return Err(Error::invalid(
                        "norm",
                        format!(
                            "matrix norm ord {ord:?} is not supported (shape {:?})",
                            x.dims()
                        ),
                    ))
                }
            };
            if keepdims {
                r
            } else {
                prim::reshape(&r, &shape_without(x.dims(), &axes))?
            }
        }
        _ => {
            return Err(Error::invalid(
                "norm",
                format!(
                    "ord {ord:?} over axes {axes:?} is not supported (shape {:?})",
                    x.dims()
                ),
            ))
        }
    };
    Ok(r)
}

fn shape_without(s: &[usize], axes: &[usize]) -> Vec<usize> {
    (0..s.len())
        .filter(|i| !axes.contains(i))
        .map(|i| s[i])
        .collect()
}

/// `log(sum(exp(x)))` over `axis`, computed stably: the max is subtracted first, when it is
/// finite. An infinite or NaN max is replaced by 0 (as JAX does), so that a row of `-inf` gives
/// `-inf` (`log 0`), not `-inf - -inf = NaN`, and a row holding `+inf` gives `+inf`.
pub fn logsumexp(x: &Tensor, axis: i64, keepdims: bool) -> Result<Tensor> {
    super::normalize_axis("LogSumExp", axis, x.dims())?;
    let m = max(x, axis, true)?;
    // m - m is 0 exactly when m is finite (inf - inf and NaN are NaN).
    let finite = prim::eq(&prim::sub(&m, &m)?, &prim::zeros_like(&m)?)?;
    let m = prim::stop_gradient(&prim::select(&finite, &m, &prim::zeros_like(&m)?)?)?;
    let s = sum(&math::exp(&arith::sub(x, &m)?)?, axis, true)?;
    let r = arith::add(math::log(&s)?, &m)?;
    if keepdims {
        Ok(r)
    } else {
        shape::squeeze(&r, Some(&[axis]))
    }
}

/// `softmax` along `axis`: the fused `Softmax` primitive (one pass per row, a derivative of
/// five primitives), `exp(log_softmax(x))` for 0-d tensors. Floats only, as MindSpore's
/// (a TypeError for integer and bool inputs).
pub fn softmax(x: &Tensor, axis: i64) -> Result<Tensor> {
    float_only("Softmax", x)?;
    let a = super::normalize_axis("Softmax", axis, x.dims())?;
    if x.dims().is_empty() {
        math::exp(&log_softmax(x, axis)?)
    } else {
        prim::softmax(x, a)
    }
}

/// Layer normalisation over the axes from `axis` on (negative counts from the end):
/// `(x − μ)/√(σ² + eps)` per trailing block, biased variance, the fused `LayerNorm` primitive.
/// Floats only (a TypeError for integer and bool inputs).
pub fn layer_norm(x: &Tensor, axis: i64, eps: f64) -> Result<Tensor> {
    float_only("LayerNorm", x)?;
    let a = super::normalize_axis("LayerNorm", axis, x.dims())?;
    prim::layer_norm(x, a, eps)
}

/// `log(softmax(x))` along `axis`, computed stably (floats only, as `softmax`).
pub fn log_softmax(x: &Tensor, axis: i64) -> Result<Tensor> {
    float_only("LogSoftmax", x)?;
    super::normalize_axis("LogSoftmax", axis, x.dims())?;
    if matches!(x.dtype(), DType::Float16 | DType::BFloat16) {
        // In Float32, rounded once, as MindSpore's kernel computes half precision.
        let wide = prim::cast(x, DType::Float32)?;
        return prim::cast(
            &arith::sub(&wide, &logsumexp(&wide, axis, true)?)?,
            x.dtype(),
        );
    }
    arith::sub(x, &logsumexp(x, axis, true)?)
}

fn float_only(op: &'static str, x: &Tensor) -> Result<()> {
    if x.dtype().is_float() {
        Ok(())
    } else {
        Err(Error::UnsupportedDType {
            op,
            dtype: x.dtype(),
            expected: "BFloat16, Float16, Float32 or Float64",
        })
    }
}

impl Tensor {
    /// Sum of all elements (integers and bools as Int64).
    pub fn sum(&self) -> Result<Tensor> {
        sum(self, Axes::All, false)
    }
    /// Sum over `axes`.
    pub fn sum_axis(&self, axes: impl Into<Axes>, keepdims: bool) -> Result<Tensor> {
        sum(self, axes, keepdims)
    }
    /// Mean of all elements.
    pub fn mean(&self) -> Result<Tensor> {
        mean(self, Axes::All, false)
    }
    /// Mean over `axes`.
    pub fn mean_axis(&self, axes: impl Into<Axes>, keepdims: bool) -> Result<Tensor> {
        mean(self, axes, keepdims)
    }
    /// Maximum of all elements.
    pub fn max(&self) -> Result<Tensor> {
        max(self, Axes::All, false)
    }
    /// Minimum of all elements.
    pub fn min(&self) -> Result<Tensor> {
        min(self, Axes::All, false)
    }
    /// Index of the maximum of the flattened tensor.
    pub fn argmax(&self) -> Result<Tensor> {
        argmax(self, None, false)
    }
    /// Product of all elements.
    pub fn prod(&self) -> Result<Tensor> {
        prod(self, Axes::All, false)
    }
    /// Cumulative sum along `axis`.
    pub fn cumsum(&self, axis: i64) -> Result<Tensor> {
        cumsum(self, axis)
    }
}

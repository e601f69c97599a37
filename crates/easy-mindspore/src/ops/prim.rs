//! Thin, strict wrappers: one function per primitive, each a single `bind`. Derivative rules and
//! friendly ops are written with these. Identity cases (reshape to the same shape, broadcast to the
//! same shape, empty axis lists) return the input without binding.

use crate::dtype::{DType, Scalar};
use crate::error::Result;
use crate::interp::bind;
use crate::layout::Dims;
use crate::prim::{CmpOp, Prim};
use crate::tensor::Tensor;

macro_rules! unary {
    ($($name:ident => $p:ident),*) => {$(
        #[doc = concat!("The `", stringify!($p), "` primitive.")]
        pub fn $name(x: &Tensor) -> Result<Tensor> { bind(Prim::$p, &[x]) }
    )*};
}
unary!(neg => Neg, exp => Exp, log => Log, sin => Sin, cos => Cos, tanh => Tanh, sqrt => Sqrt,
       floor => Floor, stop_gradient => StopGradient);

macro_rules! binary {
    ($($name:ident => $p:ident),*) => {$(
        #[doc = concat!("The `", stringify!($p), "` primitive (equal shapes and dtypes).")]
        pub fn $name(x: &Tensor, y: &Tensor) -> Result<Tensor> { bind(Prim::$p, &[x, y]) }
    )*};
}
binary!(add => Add, sub => Sub, div => Div, pow => Pow, max => Max, min => Min,
        matmul => MatMul);

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
    bind(Prim::Mul, &[x, y])
}

/// True for an untraced value whose elements are all one view of the single value 1.
fn is_broadcast_one(x: &Tensor) -> bool {
    match &*x.0 {
        crate::tensor::Repr::Concrete(c) => crate::backend::is_splat_of(c, 1.0),
        crate::tensor::Repr::Traced(_) => false,
    }
}

/// The `Compare` primitive.
pub fn compare(op: CmpOp, x: &Tensor, y: &Tensor) -> Result<Tensor> {
    bind(Prim::Compare(op), &[x, y])
}

/// The `Where` primitive.
pub fn select(c: &Tensor, x: &Tensor, y: &Tensor) -> Result<Tensor> {
    bind(Prim::Where, &[c, x, y])
}

/// The `Cast` primitive (no-op when the dtype already matches).
pub fn cast(x: &Tensor, d: DType) -> Result<Tensor> {
    if x.dtype() == d {
        return Ok(x.clone());
    }
    bind(Prim::Cast(d), &[x])
}

/// The `ReduceSum` primitive (no-op for no axes).
pub fn reduce_sum(x: &Tensor, axes: &[usize]) -> Result<Tensor> {
    if axes.is_empty() {
        return Ok(x.clone());
    }
    bind(
        Prim::ReduceSum {
            axes: Dims::from_slice(axes),
        },
        &[x],
    )
}

/// The `ReduceMax` primitive (no-op for no axes).
pub fn reduce_max(x: &Tensor, axes: &[usize]) -> Result<Tensor> {
    if axes.is_empty() {
        return Ok(x.clone());
    }
    bind(
        Prim::ReduceMax {
            axes: Dims::from_slice(axes),
        },
        &[x],
    )
}

/// The `ArgMax` primitive.
pub fn argmax(x: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::ArgMax { axis }, &[x])
}

/// The `Cumsum` primitive.
pub fn cumsum(x: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::Cumsum { axis }, &[x])
}

/// The `Reshape` primitive (no-op for the same shape).
pub fn reshape(x: &Tensor, shape: &[usize]) -> Result<Tensor> {
    if x.dims() == shape {
        return Ok(x.clone());
    }
    bind(
        Prim::Reshape {
            shape: Dims::from_slice(shape),
        },
        &[x],
    )
}

/// The `Permute` primitive (no-op for the identity).
pub fn permute(x: &Tensor, perm: &[usize]) -> Result<Tensor> {
    if perm.iter().enumerate().all(|(i, &p)| i == p) && perm.len() == x.ndim() {
        return Ok(x.clone());
    }
    bind(
        Prim::Permute {
            perm: Dims::from_slice(perm),
        },
        &[x],
    )
}

/// The `BroadcastInDim` primitive (no-op for the same shape).
pub fn broadcast_in_dim(x: &Tensor, shape: &[usize], dims: &[usize]) -> Result<Tensor> {
    if x.dims() == shape {
        return Ok(x.clone());
    }
    bind(
        Prim::BroadcastInDim {
            shape: Dims::from_slice(shape),
            dims: Dims::from_slice(dims),
        },
        &[x],
    )
}

/// The `Slice` primitive.
pub fn slice(x: &Tensor, starts: &[usize], limits: &[usize], steps: &[usize]) -> Result<Tensor> {
    bind(
        Prim::Slice {
            starts: Dims::from_slice(starts),
            limits: Dims::from_slice(limits),
            steps: Dims::from_slice(steps),
        },
        &[x],
    )
}

/// The `Pad` primitive.
pub fn pad(x: &Tensor, lo: &[usize], hi: &[usize], interior: &[usize]) -> Result<Tensor> {
    bind(
        Prim::Pad {
            lo: Dims::from_slice(lo),
            hi: Dims::from_slice(hi),
            interior: Dims::from_slice(interior),
        },
        &[x],
    )
}

/// The `Concat` primitive.
pub fn concat(xs: &[Tensor], axis: usize) -> Result<Tensor> {
    let refs: Vec<&Tensor> = xs.iter().collect();
    bind(Prim::Concat { axis }, &refs)
}

/// The `Rev` primitive.
pub fn rev(x: &Tensor, axes: &[usize]) -> Result<Tensor> {
    if axes.is_empty() {
        return Ok(x.clone());
    }
    bind(
        Prim::Rev {
            axes: Dims::from_slice(axes),
        },
        &[x],
    )
}

/// The `Gather` primitive.
pub fn gather(x: &Tensor, idx: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::Gather { axis }, &[x, idx])
}

/// The `ScatterAdd` primitive.
pub fn scatter_add(x: &Tensor, idx: &Tensor, updates: &Tensor, axis: usize) -> Result<Tensor> {
    bind(Prim::ScatterAdd { axis }, &[x, idx, updates])
}

/// A constant of `like`'s dtype and shape (a broadcast 0-D value: no buffer of that size).
pub fn full_like(like: &Tensor, v: impl Into<Scalar>) -> Result<Tensor> {
    let s = Tensor::full_scalar(v.into(), like.dtype());
    let dims: Vec<usize> = vec![];
    broadcast_in_dim(&s, like.dims(), &dims)
}

/// Zeros of `like`'s dtype and shape.
pub fn zeros_like(like: &Tensor) -> Result<Tensor> {
    full_like(like, 0.0)
}

/// `x * c` for a constant scalar `c` in `x`'s dtype.
pub fn scale(x: &Tensor, c: f64) -> Result<Tensor> {
    mul(x, &full_like(x, c)?)
}

//! Tensor creation: constants (`zeros`, `ones`, `full`, `eye`), ranges (`arange`, `linspace`) with
//! MindSpore's default dtypes, and random tensors from the seeded Philox generator.
//!
//! Sizes come from users: every count goes through checked arithmetic, and a shape whose buffer
//! cannot be addressed (or that has more than 64 dimensions) is an [`Error::InvalidArgument`].

use crate::device::{host_vec, Storage};
use crate::dtype::{dispatch, DType, Element, Scalar};
use crate::error::{Error, Result};
use crate::op::random::Dist;
use crate::random;
use crate::tensor::{check_scalar_fits, numel_for, Tensor};

/// A tensor of `shape` and `dtype` filled with `value` (an integer must fit the dtype: 2^40 is
/// not an Int32).
pub fn full(shape: &[usize], value: impl Into<Scalar>, dtype: DType) -> Result<Tensor> {
    let s = value.into();
    check_scalar_fits("full", s, dtype)?;
    let n = numel_for("full", shape, dtype)?;
    // Integer scalars go into integers exactly (a round trip through f64 rounds values above
    // 2^53), floats truncated toward zero.
    fn go<T: Element>(s: Scalar, n: usize) -> Result<Storage> {
        Storage::filled("full", n, T::from_scalar(s))
    }
    Ok(Tensor::from_storage(dispatch!(dtype, go(s, n))?, shape))
}

/// Zeros of `shape` and `dtype`.
pub fn zeros(shape: &[usize], dtype: DType) -> Result<Tensor> {
    full(shape, 0.0, dtype)
}

/// Ones of `shape` and `dtype`.
pub fn ones(shape: &[usize], dtype: DType) -> Result<Tensor> {
    full(shape, 1.0, dtype)
}

/// Zeros with `x`'s shape and dtype.
pub fn zeros_like(x: &Tensor) -> Result<Tensor> {
    zeros(x.dims(), x.dtype())
}

/// Ones with `x`'s shape and dtype.
pub fn ones_like(x: &Tensor) -> Result<Tensor> {
    ones(x.dims(), x.dtype())
}

/// An `n × m` matrix with ones on the diagonal.
pub fn eye(n: usize, m: Option<usize>, dtype: DType) -> Result<Tensor> {
    let m = m.unwrap_or(n);
    let shape = [n, m];
    let len = numel_for("eye", &shape, dtype)?;
    fn go<T: Element>(n: usize, m: usize, len: usize) -> Result<Storage> {
        let mut v = host_vec(len, "eye")?;
        v.resize(len, T::from_f64(0.0));
        for i in 0..n.min(m) {
            v[i * m + i] = T::from_f64(1.0);
        }
        Ok(Storage::from_vec(v))
    }
    Ok(Tensor::from_storage(
        dispatch!(dtype, go(n, m, len))?,
        &shape,
    ))
}

/// `start, start+step, ...` below `stop`. All-integer arguments give Int32, any float gives
/// Float32 (as `mindspore.numpy.arange`); see [`arange_dtype`] to choose.
///
/// ```
/// use easy_mindspore as ems;
/// let x = ems::arange(0.0, 4.0, 1.0)?;
/// assert_eq!(x.dtype(), ems::DType::Float32);
/// assert_eq!(ems::arange(0, 4, 1)?.dtype(), ems::DType::Int32);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn arange(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    step: impl Into<Scalar>,
) -> Result<Tensor> {
    let (a, b, c) = (start.into(), stop.into(), step.into());
    let any_float = [a, b, c].iter().any(|s| matches!(s, Scalar::Float(_)));
    arange_dtype(
        a,
        b,
        c,
        if any_float {
            DType::Float32
        } else {
            DType::Int32
        },
    )
}

/// `arange(0, stop, 1)`.
pub fn arange_to(stop: impl Into<Scalar>) -> Result<Tensor> {
    let stop = stop.into();
    let zero = match stop {
        Scalar::Float(_) => Scalar::Float(0.0),
        _ => Scalar::Int(0),
    };
    arange(zero, stop, Scalar::Int(1))
}

/// [`arange`] with an explicit dtype. Integer arguments with an integer dtype are computed
/// exactly; an Int32 range must fit Int32.
pub fn arange_dtype(start: Scalar, stop: Scalar, step: Scalar, dtype: DType) -> Result<Tensor> {
    let (a, b, c) = (start.to_f64(), stop.to_f64(), step.to_f64());
    if c == 0.0 || !c.is_finite() || !a.is_finite() || !b.is_finite() {
        return Err(Error::invalid(
            "arange",
            format!("bad range start={a}, stop={b}, step={c}"),
        ));
    }
    let too_long = |count: String| {
        Error::invalid(
            "arange",
            format!("the range start={a}, stop={b}, step={c} has too many elements ({count})"),
        )
    };
    if let (Scalar::Int(a), Scalar::Int(b), Scalar::Int(c), DType::Int32 | DType::Int64) =
        (start, stop, step, dtype)
    {
        // Exactly, in integers: through f64, Int64 ranges above 2^53 would round.
        let (a, b, c) = (i128::from(a), i128::from(b), i128::from(c));
        let span = if c > 0 { b - a } else { a - b };
        let count = (span.max(0) as u128).div_ceil(c.unsigned_abs());
        let n = usize::try_from(count).map_err(|_| too_long(count.to_string()))?;
        numel_for("arange", &[n], dtype)?;
        if n > 0 {
            // The values lie between the first and the last, which lie in [start, stop).
            for v in [a, a + (n as i128 - 1) * c] {
                check_scalar_fits("arange", Scalar::Int(v as i64), dtype)?;
            }
        }
        let value = move |i: usize| a + i as i128 * c;
        let storage = match dtype {
            DType::Int32 => {
                let mut v = host_vec(n, "arange")?;
                v.extend((0..n).map(|i| value(i) as i32));
                Storage::from_vec(v)
            }
            _ => {
                let mut v = host_vec(n, "arange")?;
                v.extend((0..n).map(|i| value(i) as i64));
                Storage::from_vec(v)
            }
        };
        return Ok(Tensor::from_storage(storage, &[n]));
    }
    let count = ((b - a) / c).ceil().max(0.0);
    if !count.is_finite() || count >= usize::MAX as f64 {
        return Err(too_long(count.to_string()));
    }
    let n = count as usize;
    numel_for("arange", &[n], dtype)?;
    fn go<T: Element>(a: f64, c: f64, n: usize) -> Result<Storage> {
        let mut v = host_vec(n, "arange")?;
        v.extend((0..n).map(|i| T::from_f64(a + i as f64 * c)));
        Ok(Storage::from_vec(v))
    }
    Ok(Tensor::from_storage(dispatch!(dtype, go(a, c, n))?, &[n]))
}

/// `num` evenly spaced Float32 values from `start` to `stop` inclusive.
pub fn linspace(start: f64, stop: f64, num: usize) -> Result<Tensor> {
    numel_for("linspace", &[num], DType::Float32)?;
    let step = if num > 1 {
        (stop - start) / (num - 1) as f64
    } else {
        0.0
    };
    let mut v: Vec<f32> = host_vec(num, "linspace")?;
    v.extend((0..num).map(|i| {
        if num > 1 && i == num - 1 {
            stop as f32
        } else {
            (start + i as f64 * step) as f32
        }
    }));
    Ok(Tensor::from_storage(Storage::from_vec(v), &[num]))
}

/// Standard normal samples of `shape` (Float32 unless `dtype` says otherwise).
pub fn randn(shape: &[usize], dtype: DType) -> Result<Tensor> {
    random::draw("randn", Dist::Normal, shape, dtype)
}

/// Uniform samples in [0, 1) of `shape`.
pub fn rand(shape: &[usize], dtype: DType) -> Result<Tensor> {
    random::draw("rand", Dist::Uniform, shape, dtype)
}

/// Normal samples with the given mean and standard deviation, as Float32.
pub fn normal(mean: f64, std: f64, shape: &[usize]) -> Result<Tensor> {
    if std.is_nan() || std < 0.0 {
        return Err(Error::invalid(
            "normal",
            format!("std must be non-negative, got {std}"),
        ));
    }
    let z = random::draw("normal", Dist::Normal, shape, DType::Float64)?;
    crate::ops::prim::cast(&((z * std)? + mean)?, DType::Float32)
}

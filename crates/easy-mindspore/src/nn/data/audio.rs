//! The per-sample recursion of `dataset.audio`'s IIR filters: MindSpore's `LFilter` and the
//! biquads built on it (`Biquad`, `BassBiquad`, `LowpassBiquad`...), and the DC-blocking
//! recursion inside `Overdrive`.
//!
//! [`lfilter`] runs the difference equation
//!
//! ```text
//! a[0]·y[n] = b[0]·x[n] + … + b[N]·x[n − N] − a[1]·y[n − 1] − … − a[N]·y[n − N]
//! ```
//!
//! over the last axis of a row-major array (every row from a zero state), in the element type of
//! the samples: the coefficients are first divided by `a[0]`, then each output is the sum of the
//! feed-forward terms (in order of `k`) minus the feedback terms (in order of `k`), the order
//! MindSpore 2.10 sums them in (its Float32 and Float16 results match these to the bit). With
//! `clamp` the outputs are clipped to `[-1, 1]` at the end (the recursion itself uses the
//! unclipped values; NaN stays NaN). Float16 runs in IEEE half precision, each operation rounded
//! (`half::f16` computes through `f32` and rounds, which is exact for `+ − × ÷`).
//!
//! ```
//! use easy_mindspore::nn::data::audio::lfilter;
//! // y[n] = x[n] + 0.5·y[n − 1]: the impulse response halves at each step.
//! let y = lfilter(&[1.0f64, 0.0, 0.0, 0.0], 4, &[1.0, -0.5], &[1.0, 0.0], false)?;
//! assert_eq!(y, vec![1.0, 0.5, 0.25, 0.125]);
//! # Ok::<(), easy_mindspore::Error>(())
//! ```

use crate::error::{Error, Result};
use half::f16;
use std::ops::{Add, Div, Mul, Sub};

/// An element type the filters run in (`f16`, `f32`, `f64`).
pub trait Sample:
    Copy
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Send
    + Sync
{
    /// `v` rounded to this type.
    fn of(v: f64) -> Self;
    /// The value as `f64` (exact).
    fn to_f64(self) -> f64;
}

impl Sample for f64 {
    fn of(v: f64) -> Self {
        v
    }
    fn to_f64(self) -> f64 {
        self
    }
}

impl Sample for f32 {
    fn of(v: f64) -> Self {
        v as f32
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}

impl Sample for f16 {
    fn of(v: f64) -> Self {
        f16::from_f64(v)
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}

/// `x` (rows of `len` samples, row-major) filtered along each row by the IIR filter with
/// denominator `a` and numerator `b` (equal lengths, `a[0] ≠ 0`; the coefficients are rounded to
/// `T` first), clipped to `[-1, 1]` with `clamp`.
///
/// Errors: empty or unequal coefficient lists, `a[0] = 0`, `len = 0` or `x` not a whole number
/// of rows.
pub fn lfilter<T: Sample>(
    x: &[T],
    len: usize,
    a: &[f64],
    b: &[f64],
    clamp: bool,
) -> Result<Vec<T>> {
    let (a, b) = normalized::<T>(a, b)?;
    if len == 0 || !x.len().is_multiple_of(len) {
        return Err(Error::invalid(
            "LFilter",
            format!(
                "the input of {} samples is not made of rows of {len} samples",
                x.len()
            ),
        ));
    }
    let mut y = vec![T::of(0.0); x.len()];
    for (xs, ys) in x.chunks_exact(len).zip(y.chunks_exact_mut(len)) {
        filter_row(xs, ys, &a, &b);
    }
    if clamp {
        let (lo, hi) = (T::of(-1.0), T::of(1.0));
        for v in &mut y {
            if *v < lo {
                *v = lo;
            } else if *v > hi {
                *v = hi;
            }
        }
    }
    Ok(y)
}

/// The coefficients in `T`, divided by `a[0]` (in `T`).
fn normalized<T: Sample>(a: &[f64], b: &[f64]) -> Result<(Vec<T>, Vec<T>)> {
    if a.is_empty() || b.is_empty() {
        return Err(Error::invalid(
            "LFilter",
            "a_coeffs and b_coeffs can not be empty vectors",
        ));
    }
    if a.len() != b.len() {
        return Err(Error::invalid(
            "LFilter",
            format!(
                "the size of a_coeffs ({}) should be the same as that of b_coeffs ({})",
                a.len(),
                b.len()
            ),
        ));
    }
    let a0 = T::of(a[0]);
    if a0.to_f64() == 0.0 {
        return Err(Error::invalid(
            "LFilter",
            format!("a_coeffs[0] can not be equal to zero, but got: {}", a[0]),
        ));
    }
    let a = a.iter().map(|&v| T::of(v) / a0).collect();
    let b = b.iter().map(|&v| T::of(v) / a0).collect();
    Ok((a, b))
}

/// One row: `ys[n] = Σ_k b[k]·xs[n − k] − Σ_{k ≥ 1} a[k]·ys[n − k]` (zero before the start).
fn filter_row<T: Sample>(xs: &[T], ys: &mut [T], a: &[T], b: &[T]) {
    let zero = T::of(0.0);
    for n in 0..xs.len() {
        let mut acc = zero;
        for (&bk, &xv) in b.iter().zip(xs[..=n].iter().rev()) {
            acc = acc + bk * xv;
        }
        for (&ak, &yv) in a.iter().skip(1).zip(ys[..n].iter().rev()) {
            acc = acc - ak * yv;
        }
        ys[n] = acc;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pole_filter_is_geometric() {
        // y[n] = x[n] + r·y[n − 1] with a unit impulse: y[n] = rⁿ.
        let r = 0.9f64;
        let mut x = vec![0.0f64; 20];
        x[0] = 1.0;
        let y = lfilter(&x, 20, &[2.0, -2.0 * r], &[2.0, 0.0], false).unwrap();
        for (n, v) in y.iter().enumerate() {
            assert!((v - r.powi(n as i32)).abs() < 1e-12, "{n}: {v}");
        }
    }

    #[test]
    fn two_rows_and_step_response() {
        // A two-tap moving average b = [½, ½] of a unit step: ½, 1, 1, …; each row from zero.
        let x = vec![1.0f32; 8];
        let y = lfilter(&x, 4, &[1.0, 0.0], &[0.5, 0.5], false).unwrap();
        assert_eq!(y, vec![0.5, 1.0, 1.0, 1.0, 0.5, 1.0, 1.0, 1.0]);
    }

    #[test]
    fn resonator_matches_closed_form_and_clamps() {
        // Poles at ρ·e^{±iθ}: the impulse response of 1 / (1 − 2ρcosθ z⁻¹ + ρ²z⁻²) is
        // ρⁿ·sin((n + 1)θ) / sin θ.
        let (rho, theta) = (0.95f64, 0.3f64);
        let a = [1.0, -2.0 * rho * theta.cos(), rho * rho];
        let mut x = vec![0.0f64; 40];
        x[0] = 1.0;
        let y = lfilter(&x, 40, &a, &[1.0, 0.0, 0.0], false).unwrap();
        for (n, v) in y.iter().enumerate() {
            let want = rho.powi(n as i32) * ((n as f64 + 1.0) * theta).sin() / theta.sin();
            assert!((v - want).abs() < 1e-9, "{n}: {v} vs {want}");
        }
        let clamped = lfilter(&x, 40, &a, &[1.0, 0.0, 0.0], true).unwrap();
        for (c, v) in clamped.iter().zip(&y) {
            assert_eq!(*c, v.clamp(-1.0, 1.0));
        }
    }

    #[test]
    fn half_precision_rounds_each_step() {
        let x = [f16::from_f32(0.1); 3];
        let y = lfilter(&x, 3, &[1.0, -0.5], &[1.0, 0.0], false).unwrap();
        let mut want = f16::from_f32(0.0);
        for (v, xv) in y.iter().zip(x) {
            want = xv + f16::from_f32(0.5) * want;
            assert_eq!(*v, want);
        }
    }

    #[test]
    fn bad_coefficients_are_errors() {
        let x = [0.5f64; 4];
        assert!(lfilter(&x, 4, &[], &[], true).is_err());
        assert!(lfilter(&x, 4, &[1.0, 2.0], &[1.0], true).is_err());
        assert!(lfilter(&x, 4, &[0.0, 2.0], &[1.0, 1.0], true).is_err());
        assert!(lfilter(&x, 3, &[1.0], &[1.0], true).is_err());
        assert!(lfilter(&x, 0, &[1.0], &[1.0], true).is_err());
    }
}

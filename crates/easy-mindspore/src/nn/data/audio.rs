//! The per-sample recursions of `dataset.audio`: the IIR filters (MindSpore's `LFilter`,
//! `Filtfilt` and the biquads built on it, `Biquad`, `BassBiquad`, `LowpassBiquad`...; the
//! DC-blocking recursion inside `Overdrive`), and the delay-line effects [`flanger`] and
//! [`phaser`].
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

use crate::error::{room, Error, Result};
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
    check_rows("LFilter", x, len)?;
    let mut y = vec![T::of(0.0); x.len()];
    for (xs, ys) in x.chunks_exact(len).zip(y.chunks_exact_mut(len)) {
        filter_row(xs, ys, &a, &b);
    }
    if clamp {
        clamp_unit(&mut y);
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

/// The parameters of [`flanger`]: SoX's `flanger` as torchaudio runs it.
#[derive(Clone, Copy, Debug)]
pub struct Flanger<'a> {
    /// The delay (in samples, fractional) of each step of the low-frequency oscillator.
    pub lfo: &'a [f64],
    /// How far ahead in `lfo` each channel starts (indexed by channel).
    pub channel_offsets: &'a [usize],
    /// The share of the previous delayed sample fed back into the delay line.
    pub feedback: f64,
    /// The gain of the dry signal.
    pub in_gain: f64,
    /// The gain of the delayed signal.
    pub delay_gain: f64,
    /// The length of the delay line (normally the longest delay in `lfo` plus 2).
    pub buf_len: usize,
    /// Quadratic instead of linear interpolation between delay-line samples.
    pub quadratic: bool,
}

/// `x` (rows of `len` samples, each row a channel: row `r` is channel
/// `r % channel_offsets.len()`) through the flanger `p`, in the element type `T`, clipped to
/// `[-1, 1]`. Each sample `x[i]` enters the delay line with `feedback` times the previous
/// delayed sample; the delayed sample is read `lfo[(i + offset) % lfo.len()]` samples back
/// (interpolated); the output is `in_gain·x[i] + delay_gain·delayed`.
///
/// Errors: an empty `lfo`, `channel_offsets` or delay line, a negative (or NaN) delay, or `x`
/// not a whole number of rows. Positions in the delay line wrap around.
pub fn flanger<T: Sample>(x: &[T], len: usize, p: &Flanger<'_>) -> Result<Vec<T>> {
    check_rows("Flanger", x, len)?;
    let bad_delay = p.lfo.iter().any(|&d| !d.is_finite() || d < 0.0);
    if p.lfo.is_empty() || p.channel_offsets.is_empty() || p.buf_len == 0 || bad_delay {
        return Err(Error::invalid(
            "Flanger",
            "the modulation table and the delay line must be non-empty, the delays >= 0",
        ));
    }
    let mut y = vec![T::of(0.0); x.len()];
    for (r, (xs, ys)) in x.chunks_exact(len).zip(y.chunks_exact_mut(len)).enumerate() {
        let offset = p.channel_offsets[r % p.channel_offsets.len()];
        flanger_row(xs, ys, offset, p)?;
    }
    clamp_unit(&mut y);
    Ok(y)
}

fn flanger_row<T: Sample>(xs: &[T], ys: &mut [T], offset: usize, p: &Flanger<'_>) -> Result<()> {
    let n = p.buf_len;
    let (feedback, in_gain, delay_gain) =
        (T::of(p.feedback), T::of(p.in_gain), T::of(p.delay_gain));
    let (half, two) = (T::of(0.5), T::of(2.0));
    let mut buf = room(n, "Flanger")?;
    buf.resize(n, T::of(0.0));
    let mut last = T::of(0.0);
    let mut pos = 0;
    for (i, (&xv, yv)) in xs.iter().zip(ys.iter_mut()).enumerate() {
        pos = (pos + n - 1) % n;
        let delay = p.lfo[(i + offset) % p.lfo.len()];
        let whole = delay.floor();
        let frac = T::of(delay - whole);
        // `whole` is finite and >= 0 (checked): its remainder by `n` fits a usize
        let k = (pos + (whole % n as f64) as usize) % n;
        buf[pos] = xv + last * feedback;
        let d0 = buf[k % n];
        let d1 = buf[(k + 1) % n];
        let delayed = if p.quadratic {
            let d2 = buf[(k + 2) % n] - d0;
            let d1 = d1 - d0;
            let a = d2 * half - d1;
            let b = d1 * two - d2 * half;
            d0 + (a * frac + b) * frac
        } else {
            d0 + (d1 - d0) * frac
        };
        last = delayed;
        *yv = xv * in_gain + delayed * delay_gain;
    }
    Ok(())
}

/// The parameters of [`phaser`]: SoX's `phaser` as torchaudio runs it.
#[derive(Clone, Copy, Debug)]
pub struct Phaser<'a> {
    /// The gain of the input.
    pub gain_in: f64,
    /// The gain of the output.
    pub gain_out: f64,
    /// The share of each output fed back into the delay line.
    pub decay: f64,
    /// The delay (in samples, >= 0) of each step of the modulation.
    pub modulation: &'a [i64],
    /// The length of the delay line.
    pub buf_len: usize,
}

/// `x` (rows of `len` samples) through the phaser `p`, in the element type `T`, clipped to
/// `[-1, 1]`: `t[i] = gain_in·x[i] + line[(i + modulation[i % m]) % buf_len]`, then
/// `line[(i + 1) % buf_len] = decay·t[i]` and the output is `gain_out·t[i]`.
///
/// Errors: an empty delay line or modulation, a negative delay, or `x` not a whole number of
/// rows.
pub fn phaser<T: Sample>(x: &[T], len: usize, p: &Phaser<'_>) -> Result<Vec<T>> {
    check_rows("Phaser", x, len)?;
    if p.buf_len == 0 || p.modulation.is_empty() || p.modulation.iter().any(|&d| d < 0) {
        return Err(Error::invalid(
            "Phaser",
            "the delay line and the modulation table must be non-empty",
        ));
    }
    let (gain_in, gain_out, decay) = (T::of(p.gain_in), T::of(p.gain_out), T::of(p.decay));
    let n = p.buf_len;
    let mut y = vec![T::of(0.0); x.len()];
    for (xs, ys) in x.chunks_exact(len).zip(y.chunks_exact_mut(len)) {
        let mut buf = room(n, "Phaser")?;
        buf.resize(n, T::of(0.0));
        for (i, (&xv, yv)) in xs.iter().zip(ys.iter_mut()).enumerate() {
            // the modulation is >= 0 (checked): its remainder by `n` cannot overflow
            let m = p.modulation[i % p.modulation.len()] as u64 % n as u64;
            let idx = (i % n + m as usize) % n;
            let t = xv * gain_in + buf[idx];
            buf[(i + 1) % n] = t * decay;
            *yv = t * gain_out;
        }
    }
    clamp_unit(&mut y);
    Ok(y)
}

/// An error unless `x` is made of rows of `len > 0` samples.
fn check_rows<T>(op: &'static str, x: &[T], len: usize) -> Result<()> {
    if len == 0 || !x.len().is_multiple_of(len) {
        return Err(Error::invalid(
            op,
            format!(
                "the input of {} samples is not made of rows of {len} samples",
                x.len()
            ),
        ));
    }
    Ok(())
}

/// Clips every value to `[-1, 1]` (NaN stays NaN).
fn clamp_unit<T: Sample>(y: &mut [T]) {
    let (lo, hi) = (T::of(-1.0), T::of(1.0));
    for v in y {
        if *v < lo {
            *v = lo;
        } else if *v > hi {
            *v = hi;
        }
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
    fn flanger_with_a_constant_delay_is_a_comb_filter() {
        // A constant delay of 2 samples, no feedback: y[i] = ½·x[i] + ½·x[i − 2].
        let x = [0.2f64, 0.4, -0.6, 0.8, 0.0, 0.0];
        let p = Flanger {
            lfo: &[2.0],
            channel_offsets: &[0],
            feedback: 0.0,
            in_gain: 0.5,
            delay_gain: 0.5,
            buf_len: 5,
            quadratic: false,
        };
        let y = flanger(&x, 6, &p).unwrap();
        let want = [0.1, 0.2, -0.2, 0.6, -0.3, 0.4];
        for (v, w) in y.iter().zip(want) {
            assert!((v - w).abs() < 1e-12, "{y:?}");
        }
        // Half a sample more: the mean of the two neighbours (both interpolations agree on a
        // straight line).
        let ramp: Vec<f64> = (0..8).map(|i| i as f64 / 10.0).collect();
        for quadratic in [false, true] {
            let p = Flanger {
                lfo: &[2.5],
                quadratic,
                in_gain: 0.0,
                delay_gain: 1.0,
                ..p
            };
            let y = flanger(&ramp, 8, &p).unwrap();
            for (i, v) in y.iter().enumerate().skip(4) {
                assert!(
                    (v - (i as f64 - 2.5) / 10.0).abs() < 1e-12,
                    "{quadratic} {y:?}"
                );
            }
        }
        let bad = Flanger { lfo: &[-1.0], ..p };
        assert!(flanger(&x, 6, &bad).is_err());
    }

    #[test]
    fn phaser_feeds_back_through_the_delay_line() {
        // A delay line of 2 with delay 1: t[i] = x[i] + decay·t[i − 2] (t[i − 2] stored at
        // (i − 1) % 2, read at (i + 1) % 2).
        let x = [1.0f64, 0.0, 0.0, 0.0, 0.0, 0.0];
        let p = Phaser {
            gain_in: 1.0,
            gain_out: 0.5,
            decay: 0.5,
            modulation: &[1],
            buf_len: 2,
        };
        let y = phaser(&x, 6, &p).unwrap();
        assert_eq!(y, vec![0.5, 0.0, 0.25, 0.0, 0.125, 0.0]);
        assert!(phaser(&x, 6, &Phaser { buf_len: 0, ..p }).is_err());
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

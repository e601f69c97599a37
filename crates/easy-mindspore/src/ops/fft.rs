//! The discrete Fourier transforms of NumPy's `fft` module and MindSpore's `ops.fft` family, over
//! any set of axes, composed of the one `FFT` primitive (the unnormalised transform of the last
//! axis, `prim::dft`): each transformed axis is moved last, resized (cut, or padded with zeros),
//! transformed and moved back, and the result scaled as `norm` says. Real signals are cast to
//! complex (their cotangent comes back as its real part); a real signal's half spectrum is the
//! first `n/2 + 1` elements of the last axis, and its inverse rebuilds the whole spectrum from
//! the half (`X[n−k] = conj X[k]`, so the imaginary parts of `X[0]` and of `X[n/2]` are ignored,
//! as NumPy's). Every transform is differentiable in both modes.

use super::{normalize_axis, prim};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::tensor::Tensor;

/// How a transform is scaled over its `N` signal elements (the product of the transformed
/// sizes), as NumPy's and MindSpore's `norm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FftNorm {
    /// The forward transform unscaled, the inverse by `1/N` (`"backward"`, the default).
    #[default]
    Backward,
    /// The forward transform by `1/N`, the inverse unscaled (`"forward"`).
    Forward,
    /// Both by `1/√N` (`"ortho"`): the transforms are unitary.
    Ortho,
}

impl FftNorm {
    /// The norm of its name (`"backward"`, `"forward"`, `"ortho"`).
    pub fn from_name(op: &'static str, name: &str) -> Result<FftNorm> {
        match name {
            "backward" => Ok(FftNorm::Backward),
            "forward" => Ok(FftNorm::Forward),
            "ortho" => Ok(FftNorm::Ortho),
            _ => Err(Error::invalid(
                op,
                format!("norm must be 'backward', 'forward' or 'ortho', got '{name}'"),
            )),
        }
    }

    /// The factor of a transform of `n` elements in the forward direction, or the inverse.
    fn factor(self, n: usize, inverse: bool) -> f64 {
        match (self, inverse) {
            (FftNorm::Ortho, _) => 1.0 / (n as f64).sqrt(),
            (FftNorm::Backward, true) | (FftNorm::Forward, false) => 1.0 / n as f64,
            (FftNorm::Backward, false) | (FftNorm::Forward, true) => 1.0,
        }
    }
}

/// Which transform [`fft`] computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FftKind {
    /// Complex to complex, forward (`fft`, `fft2`, `fftn`).
    Forward,
    /// Complex to complex, inverse (`ifft`, ...).
    Inverse,
    /// A real signal's forward transform; the last transformed axis keeps `n/2 + 1` elements
    /// (`rfft`, ...).
    RealForward,
    /// The inverse of `RealForward`: a half spectrum to a real signal (`irfft`, ...).
    RealInverse,
    /// The forward transform of a signal with Hermitian symmetry given by its half, a real
    /// signal (`hfft`, ...).
    HermitianForward,
    /// The inverse of `HermitianForward`: a real signal to a half spectrum (`ihfft`, ...); a
    /// complex signal gives the first half of its inverse transform.
    HermitianInverse,
}

impl FftKind {
    /// MindSpore's name of the transform, for errors.
    fn name(self) -> &'static str {
        match self {
            FftKind::Forward => "FFT",
            FftKind::Inverse => "IFFT",
            FftKind::RealForward => "RFFT",
            FftKind::RealInverse => "IRFFT",
            FftKind::HermitianForward => "HFFT",
            FftKind::HermitianInverse => "IHFFT",
        }
    }

    /// True for the transform whose input must be a real signal.
    fn takes_real(self) -> bool {
        self == FftKind::RealForward
    }

    /// True for the transforms whose output is a real signal.
    fn gives_real(self) -> bool {
        matches!(self, FftKind::RealInverse | FftKind::HermitianForward)
    }
}

/// The transform `kind` of `x` over `axes` (possibly negative, distinct; the real transforms
/// halve the last one listed), each axis first resized to its entry of `sizes` (cut, or padded
/// with zeros; by default its length, or `2·(m − 1)` for the half spectrum `m` of a real
/// output), scaled by `norm`. A real or integer `x` is a complex signal with zero imaginary
/// parts; the output is Complex64 (Complex128 for Float64 or Complex128 input), or its real
/// part's dtype for `RealInverse` and `HermitianForward`.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::{FftKind, FftNorm};
/// let x = ems::Tensor::from_vec(vec![0.0f64, 1.0, 2.0, 3.0], &[4])?;
/// let spectrum = ems::fft(&x, FftKind::RealForward, &[-1], None, FftNorm::Backward)?;
/// assert_eq!(spectrum.dims(), [3]);
/// let back = ems::fft(&spectrum, FftKind::RealInverse, &[-1], Some(&[4]), FftNorm::Backward)?;
/// assert_eq!(back.to_vec::<f64>(), [0.0, 1.0, 2.0, 3.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn fft(
    x: &Tensor,
    kind: FftKind,
    axes: &[i64],
    sizes: Option<&[usize]>,
    norm: FftNorm,
) -> Result<Tensor> {
    let op = kind.name();
    let axes = checked_axes(op, x, axes, sizes)?;
    let real_signal = !x.dtype().is_complex();
    let x = signal(op, x, kind)?;
    let Some(&last) = axes.last() else {
        return Ok(x);
    };
    // The signal's length along each axis: given, or the input's (a real output's last axis
    // from its half spectrum).
    let mut lengths = Vec::with_capacity(axes.len());
    for (i, &a) in axes.iter().enumerate() {
        let n = match sizes {
            Some(s) => s[i],
            None if a == last && kind.gives_real() => 2 * x.dims()[a].saturating_sub(1),
            None => x.dims()[a],
        };
        // A real output's default length from a half spectrum of one element is 0: an empty
        // signal, as MindSpore 2.10 gives (NumPy refuses it); a size of 0 is an error.
        if n == 0 && !(sizes.is_none() && a == last && kind.gives_real() && x.dims()[a] == 1) {
            return Err(Error::invalid(
                op,
                format!(
                    "invalid number of data points (0) along axis {a} of shape {:?}",
                    x.dims()
                ),
            ));
        }
        lengths.push(n);
    }
    let numel: usize = lengths.iter().product();
    let inverse = matches!(
        kind,
        FftKind::Inverse | FftKind::RealInverse | FftKind::HermitianInverse
    );
    let factor = norm.factor(numel, inverse);
    let (others, others_len) = (&axes[..axes.len() - 1], &lengths[..axes.len() - 1]);
    let n_last = lengths[axes.len() - 1];
    let out = match kind {
        FftKind::Forward | FftKind::Inverse => {
            let mut y = x;
            for (&a, &n) in axes.iter().zip(&lengths) {
                y = along(&resized(&y, a, n)?, a, kind == FftKind::Inverse)?;
            }
            y
        }
        FftKind::RealForward | FftKind::HermitianInverse => {
            // The last axis first, cut to its half, then the others on the half. ihfft is the
            // inverse transform's half: of a real signal `conj(rfft)/N` (computed so, with its
            // `−0` imaginary parts, as MindSpore's), of a complex one the half of `ifft`, as
            // MindSpore 2.10 gives it.
            let conjugated = kind == FftKind::HermitianInverse && real_signal;
            let inv = kind == FftKind::HermitianInverse && !conjugated;
            let y = along(&resized(&x, last, n_last)?, last, inv)?;
            let mut y = resized(&y, last, n_last / 2 + 1)?;
            for (&a, &n) in others.iter().zip(others_len) {
                y = along(&resized(&y, a, n)?, a, inv)?;
            }
            if conjugated {
                prim::conj(&y)?
            } else {
                y
            }
        }
        FftKind::RealInverse | FftKind::HermitianForward => {
            // hfft is irfft of the conjugate half (unscaled where irfft divides by N).
            let mut y = if kind == FftKind::HermitianForward {
                prim::conj(&x)?
            } else {
                x
            };
            for (&a, &n) in others.iter().zip(others_len) {
                y = along(&resized(&y, a, n)?, a, true)?;
            }
            if n_last == 0 {
                return prim::cast(&resized(&y, last, 0)?, y.dtype().real());
            }
            let half = resized(&y, last, n_last / 2 + 1)?;
            let full = along(&hermitian_whole(&half, last, n_last)?, last, true)?;
            prim::cast(&full, full.dtype().real())?
        }
    };
    if factor == 1.0 {
        Ok(out)
    } else {
        prim::scale(&out, factor)
    }
}

/// The axes, normalised, checked distinct and matched with `sizes`.
fn checked_axes(
    op: &'static str,
    x: &Tensor,
    axes: &[i64],
    sizes: Option<&[usize]>,
) -> Result<Vec<usize>> {
    if x.ndim() == 0 {
        return Err(Error::invalid(
            op,
            "expected a tensor of at least one axis, got a 0-d one",
        ));
    }
    if let Some(s) = sizes {
        if s.len() != axes.len() {
            return Err(Error::invalid(
                op,
                format!("{} sizes given for {} axes {axes:?}", s.len(), axes.len()),
            ));
        }
    }
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let a = normalize_axis(op, a, x.dims())?;
        if out.contains(&a) {
            return Err(Error::invalid(
                op,
                format!("axis {a} is repeated in {axes:?}"),
            ));
        }
        out.push(a);
    }
    Ok(out)
}

/// `x` as the complex signal the transform reads (Bool refused; a real transform refuses a
/// complex `x`).
fn signal(op: &'static str, x: &Tensor, kind: FftKind) -> Result<Tensor> {
    let d = x.dtype();
    if d == DType::Bool || (kind.takes_real() && d.is_complex()) {
        let expected = if kind.takes_real() {
            "a real or integer dtype"
        } else {
            "a number dtype"
        };
        return Err(Error::UnsupportedDType {
            op,
            dtype: d,
            expected,
        });
    }
    match d {
        DType::Complex64 | DType::Complex128 => Ok(x.clone()),
        DType::Float32 | DType::Float64 => prim::cast(x, d.complex()),
        _ => prim::cast(&prim::cast(x, DType::Float32)?, DType::Complex64),
    }
}

/// `x` cut to, or padded with zeros after, `n` elements along `axis`.
fn resized(x: &Tensor, axis: usize, n: usize) -> Result<Tensor> {
    let dims = x.dims();
    let m = dims[axis];
    if m == n {
        return Ok(x.clone());
    }
    let r = dims.len();
    if n < m {
        let mut limits = dims.to_vec();
        limits[axis] = n;
        prim::slice(x, &vec![0; r], &limits, &vec![1; r])
    } else {
        let mut hi = vec![0; r];
        hi[axis] = n - m;
        prim::pad(x, &vec![0; r], &hi, &vec![0; r])
    }
}

/// The unnormalised transform of `x` along `axis` (moved last and back).
fn along(x: &Tensor, axis: usize, inverse: bool) -> Result<Tensor> {
    let r = x.ndim();
    if axis + 1 == r {
        return prim::dft(x, inverse);
    }
    let mut perm: Vec<usize> = (0..r).filter(|&a| a != axis).collect();
    perm.push(axis);
    let y = prim::dft(&prim::permute(x, &perm)?, inverse)?;
    let mut back = vec![0; r];
    for (i, &p) in perm.iter().enumerate() {
        back[p] = i;
    }
    prim::permute(&y, &back)
}

/// The whole spectrum of `n` elements along `axis` whose first `n/2 + 1` are `half`'s:
/// `X[k] = conj X[n − k]` for the rest.
fn hermitian_whole(half: &Tensor, axis: usize, n: usize) -> Result<Tensor> {
    let tail = n - (n / 2 + 1);
    if tail == 0 {
        return Ok(half.clone());
    }
    let r = half.ndim();
    let (mut starts, mut limits) = (vec![0; r], half.dims().to_vec());
    starts[axis] = 1;
    limits[axis] = 1 + tail;
    let mirrored = prim::conj(&prim::rev(
        &prim::slice(half, &starts, &limits, &vec![1; r])?,
        &[axis],
    )?)?;
    prim::concat(&[half.clone(), mirrored], axis)
}

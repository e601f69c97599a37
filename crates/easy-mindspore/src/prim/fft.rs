//! The entry of `FFT`: the discrete Fourier transform of each row of the last axis of a complex
//! value, unnormalised, forward (`X[k] = Σ_j x[j]·e^{−2πi·jk/n}`) or inverse (`e^{+2πi·jk/n}`,
//! without the `1/n`: every scaling is `ops`' multiplication, as is the choice of axes, sizes
//! and real or Hermitian signals, `ops::fft`).
//!
//! The transform is linear: its tangent is the same transform of the tangent. Its matrix `F` is
//! symmetric and `conj(F)` is the other direction's, so the cotangent `Fᴴ·ct` (the conjugated
//! partials of `prim::conj`) is the other direction's transform of the cotangent.

use super::bind::bind;
use super::check::arity;
use super::support::{map, one};
use super::{Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::tensor::Tensor;

/// The entry of `FFT` along the last axis: forward, or `inverse`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dft {
    /// The inverse transform (`e^{+2πi·jk/n}`, unscaled).
    pub inverse: bool,
}

impl Rule for Dft {
    fn name(&self) -> &'static str {
        "FFT"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("FFT", ins, 1)?;
        let (shape, dtype) = ins[0];
        if !dtype.is_complex() {
            return Err(Error::UnsupportedDType {
                op: "FFT",
                dtype,
                expected: "Complex64 or Complex128",
            });
        }
        if shape.is_empty() {
            return Err(Error::invalid(
                "FFT",
                "expected a value of at least one axis, got a 0-d one",
            ));
        }
        Ok((Dims::from_slice(shape), dtype))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("FFT", ins)?.dft(ins[0], self.inverse)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, _: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        map(&x_t[0], |t| dft(t, self.inverse))
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        one(dft(ct, !self.inverse))
    }

    fn batch(&self, vals: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        // The batch axis is one more leading axis of rows.
        dft(&vals[0], self.inverse)
    }

    fn params(&self) -> String {
        if self.inverse {
            "inverse".into()
        } else {
            String::new()
        }
    }
}

/// The `FFT` primitive: the unnormalised transform of each row of `x`'s last axis (complex).
pub fn dft(x: &Tensor, inverse: bool) -> Result<Tensor> {
    bind(Prim::Dft(Dft { inverse }), &[x])
}

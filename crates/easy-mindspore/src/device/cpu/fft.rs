//! The discrete Fourier transform along the last axis of a complex value (Complex64,
//! Complex128), unnormalised both ways: `X[k] = Σ_j x[j]·e^{∓2πi·jk/n}` (− forward, + inverse).
//! The transforms are RustFFT's (mixed radix, Rader's and Bluestein's algorithms for prime
//! factors: `O(n log n)` for every length), planned once per length and direction (the planner
//! keeps its plans). Rows are independent: a large value is split into runs of rows across
//! threads, each row computed the same way whatever the split.

use super::alloc::{self, At};
use super::{elems, par, CpuBuffer, View};
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use num_complex::Complex;
use rayon::prelude::*;
use rustfft::{FftDirection, FftNum, FftPlanner};
use std::sync::{Mutex, OnceLock};

/// The element types the transform takes, each with its process-wide planner.
trait Precision: FftNum {
    fn planner() -> &'static Mutex<FftPlanner<Self>>;
}

macro_rules! precision {
    ($t:ty) => {
        impl Precision for $t {
            fn planner() -> &'static Mutex<FftPlanner<$t>> {
                static PLANNER: OnceLock<Mutex<FftPlanner<$t>>> = OnceLock::new();
                PLANNER.get_or_init(|| Mutex::new(FftPlanner::new()))
            }
        }
    };
}
precision!(f32);
precision!(f64);

/// The transform of each row of the last axis of `x` (forward, or `inverse`), unnormalised.
pub(super) fn dft(x: View<'_>, inverse: bool) -> Result<CpuBuffer> {
    fn go<R: Precision>(x: View<'_>, inverse: bool) -> Result<CpuBuffer>
    where
        Complex<R>: Element,
    {
        let n = x.layout.shape().last().copied().unwrap_or(1);
        let mut out: Vec<Complex<R>> = {
            let v = elems::<Complex<R>>(x).at("FFT")?;
            let mut out = alloc::with_capacity(v.len()).at("FFT")?;
            out.extend_from_slice(&v);
            out
        };
        if n <= 1 || out.is_empty() {
            return Ok(CpuBuffer::from_vec(out));
        }
        let direction = if inverse {
            FftDirection::Inverse
        } else {
            FftDirection::Forward
        };
        let plan = R::planner()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .plan_fft(n, direction);
        let rows_per_run = (par::PAR_MIN_COSTLY / n).max(1);
        let run = |rows: &mut [Complex<R>]| {
            let mut scratch =
                vec![Complex::new(R::zero(), R::zero()); plan.get_inplace_scratch_len()];
            plan.process_with_scratch(rows, &mut scratch);
        };
        if out.len() >= 2 * par::PAR_MIN_COSTLY && out.len() / n >= 2 {
            out.par_chunks_mut(rows_per_run * n).for_each(run);
        } else {
            run(&mut out);
        }
        Ok(CpuBuffer::from_vec(out))
    }
    match x.dtype() {
        DType::Complex64 => go::<f32>(x, inverse),
        DType::Complex128 => go::<f64>(x, inverse),
        d => Err(Error::UnsupportedDType {
            op: "FFT",
            dtype: d,
            expected: "Complex64 or Complex128",
        }),
    }
}

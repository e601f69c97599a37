//! The instruction set the elementwise loops are compiled for, chosen at run time: the loops are
//! generic Rust that the compiler vectorises, instantiated once more inside functions compiled for
//! AVX2+FMA and for AVX-512, and [`run`] calls the best one the CPU has. What we ship is built for
//! baseline x86-64 (no `-C target-cpu=native`), so this is how a wheel uses the machine's vectors.
//!
//! Results do not depend on the choice: Rust never fuses a multiply and an add on its own, so each
//! element is the same sequence of IEEE operations at every width.
//!
//! `EASY_MINDSPORE_SIMD=base|avx2|avx512` caps the choice (for tests and comparisons).

use std::sync::atomic::{AtomicU8, Ordering};

/// An instruction-set level, best last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Base = 1,
    Avx2 = 2,
    Avx512 = 3,
}

static LEVEL: AtomicU8 = AtomicU8::new(0);

/// The level in use (detected once).
pub(crate) fn level() -> Level {
    match LEVEL.load(Ordering::Relaxed) {
        1 => Level::Base,
        2 => Level::Avx2,
        3 => Level::Avx512,
        _ => {
            let l = detect().min(cap());
            LEVEL.store(l as u8, Ordering::Relaxed);
            l
        }
    }
}

#[cfg(target_arch = "x86_64")]
fn detect() -> Level {
    use std::arch::is_x86_feature_detected as has;
    if has!("avx512f")
        && has!("avx512vl")
        && has!("avx512bw")
        && has!("avx512dq")
        && has!("avx2")
        && has!("fma")
    {
        Level::Avx512
    } else if has!("avx2") && has!("fma") {
        Level::Avx2
    } else {
        Level::Base
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn detect() -> Level {
    Level::Base
}

fn cap() -> Level {
    match std::env::var("EASY_MINDSPORE_SIMD").as_deref() {
        Ok("base") => Level::Base,
        Ok("avx2") => Level::Avx2,
        _ => Level::Avx512,
    }
}

/// Runs `f` compiled for the best available level. `f` should be a loop over slices whose body
/// is inlined (generic closures are), so that it is vectorised for that level.
#[inline(always)]
pub(crate) fn run<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    {
        match level() {
            // SAFETY: `level` returns these only when the CPU reports the features.
            Level::Avx512 => unsafe { avx512(f) },
            Level::Avx2 => unsafe { avx2(f) },
            Level::Base => f(),
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vl,avx512bw,avx512dq,avx2,fma,bmi1,bmi2")]
unsafe fn avx512<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma,bmi1,bmi2")]
unsafe fn avx2<R>(f: impl FnOnce() -> R) -> R {
    f()
}

//! The instruction set the vector code is compiled for, chosen at run time: the elementwise loops
//! are generic Rust that the compiler vectorises, instantiated once more inside functions compiled
//! for AVX2+FMA and for AVX-512, and [`run`] calls the best one the CPU has. What we ship is built
//! for baseline x86-64 (no `-C target-cpu=native`), so this is how a wheel uses the machine's
//! vectors.
//!
//! Every function of the crate compiled with `#[target_feature]` (here, the Float32 matrix kernel
//! `sgemm`, the float sums of `reduce`) is reached only through [`level`]: a level is chosen only
//! when the CPU reports *every* feature its functions enable, and every feature those imply
//! (rustc's `avx512f` implies `avx2`, `fma` and `f16c`, `avx2` implies `avx`, and so on down to
//! SSE2): the lists [`AVX2`] and [`AVX512`]. Calling such a function on a CPU without one of them
//! would be undefined behaviour. `tests` checks that each `target_feature` attribute of the crate
//! only names features of the level it runs at.
//!
//! Results do not depend on the choice: Rust never fuses a multiply and an add on its own, so each
//! element is the same sequence of IEEE operations at every width.
//!
//! `EASY_MINDSPORE_SIMD=base|avx2|avx512`, read once, caps the choice (for tests and comparisons:
//! `base` runs the portable code only, as on a CPU without AVX2).

use std::sync::atomic::{AtomicU8, Ordering};

/// An instruction-set level, best last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// Baseline x86-64 (SSE2), or any other architecture: the portable code.
    Base = 1,
    /// The features of [`AVX2`].
    Avx2 = 2,
    /// The features of [`AVX512`].
    Avx512 = 3,
}

/// What the functions of level [`Level::Avx2`] are compiled with (`avx2,fma,bmi1,bmi2`) and what
/// that implies.
pub(crate) const AVX2: &[&str] = &[
    "sse3", "ssse3", "sse4.1", "sse4.2", "avx", "avx2", "fma", "bmi1", "bmi2",
];

/// What the functions of level [`Level::Avx512`] are compiled with
/// (`avx512f,avx512vl,avx512bw,avx512dq,avx2,fma,bmi1,bmi2`) and what that implies.
pub(crate) const AVX512: &[&str] = &[
    "sse3", "ssse3", "sse4.1", "sse4.2", "avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "avx512f",
    "avx512vl", "avx512bw", "avx512dq",
];

static LEVEL: AtomicU8 = AtomicU8::new(0);

/// The level in use (detected once).
pub(crate) fn level() -> Level {
    match LEVEL.load(Ordering::Relaxed) {
        1 => Level::Base,
        2 => Level::Avx2,
        3 => Level::Avx512,
        _ => {
            let env = std::env::var("EASY_MINDSPORE_SIMD").ok();
            let l = level_for(cpu_has).min(cap(env.as_deref()));
            LEVEL.store(l as u8, Ordering::Relaxed);
            l
        }
    }
}

/// The best level whose every feature `has` reports: the one decision of the dispatch, a pure
/// function so that tests can report features missing.
pub(crate) fn level_for(has: impl Fn(&str) -> bool) -> Level {
    if AVX512.iter().all(|f| has(f)) {
        Level::Avx512
    } else if AVX2.iter().all(|f| has(f)) {
        Level::Avx2
    } else {
        Level::Base
    }
}

/// True when this CPU (and its operating system, for the vector registers' state) supports the
/// feature named as in [`AVX512`]. Unknown names are false.
#[cfg(target_arch = "x86_64")]
pub(crate) fn cpu_has(feature: &str) -> bool {
    use std::arch::is_x86_feature_detected as has;
    match feature {
        "sse3" => has!("sse3"),
        "ssse3" => has!("ssse3"),
        "sse4.1" => has!("sse4.1"),
        "sse4.2" => has!("sse4.2"),
        "avx" => has!("avx"),
        "avx2" => has!("avx2"),
        "fma" => has!("fma"),
        "bmi1" => has!("bmi1"),
        "bmi2" => has!("bmi2"),
        "f16c" => has!("f16c"),
        "avx512f" => has!("avx512f"),
        "avx512vl" => has!("avx512vl"),
        "avx512bw" => has!("avx512bw"),
        "avx512dq" => has!("avx512dq"),
        _ => false,
    }
}

/// No x86 features elsewhere.
#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn cpu_has(_: &str) -> bool {
    false
}

/// The highest level `EASY_MINDSPORE_SIMD` allows (no cap when unset or unknown).
fn cap(var: Option<&str>) -> Level {
    match var {
        Some("base") => Level::Base,
        Some("avx2") => Level::Avx2,
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
            // SAFETY: `level` returns Avx512 only when the CPU reports every feature of `AVX512`,
            // which includes everything `avx512` enables.
            Level::Avx512 => unsafe { avx512(f) },
            // SAFETY: likewise for `AVX2` and `avx2`.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_feature_selects_a_lower_level() {
        let all = |_: &str| true;
        assert_eq!(level_for(all), Level::Avx512);
        assert_eq!(level_for(|_| false), Level::Base);
        // Each feature of AVX-512's list but not AVX2's, missing alone: AVX2's code.
        for &gone in AVX512.iter().filter(|f| !AVX2.contains(f)) {
            assert_eq!(level_for(|f| f != gone), Level::Avx2, "without {gone}");
        }
        // Each feature AVX2's code is compiled with (bmi1 and bmi2 included), missing alone: the
        // portable code, even where every AVX-512 feature is reported.
        for &gone in AVX2 {
            assert_eq!(level_for(|f| f != gone), Level::Base, "without {gone}");
        }
    }

    #[test]
    fn the_level_in_use_is_one_the_cpu_supports() {
        let l = level();
        assert!(l <= level_for(cpu_has));
        let needs: &[&str] = match l {
            Level::Avx512 => AVX512,
            Level::Avx2 => AVX2,
            Level::Base => &[],
        };
        assert!(needs.iter().all(|f| cpu_has(f)), "{l:?}");
        assert!(!cpu_has("no-such-feature"));
    }

    #[test]
    fn the_environment_caps_the_level() {
        assert_eq!(cap(Some("base")), Level::Base);
        assert_eq!(cap(Some("avx2")), Level::Avx2);
        assert_eq!(cap(Some("avx512")), Level::Avx512);
        assert_eq!(cap(None), Level::Avx512);
    }

    /// Every `#[target_feature(enable = ...)]` of the crate names only features of the level its
    /// function is called at: functions named `*avx2*` AVX2's, the others AVX-512's (they are
    /// reached only at that level). Reads the sources, so a new attribute cannot slip past.
    #[test]
    fn every_target_feature_attribute_is_covered_by_detection() {
        let sources = [
            ("simd.rs", include_str!("simd.rs")),
            ("sgemm.rs", include_str!("sgemm.rs")),
            ("sgemm/avx2.rs", include_str!("sgemm/avx2.rs")),
            ("conv/direct.rs", include_str!("conv/direct.rs")),
            ("reduce.rs", include_str!("reduce.rs")),
            ("elementwise.rs", include_str!("elementwise.rs")),
            ("fused.rs", include_str!("fused.rs")),
            ("par.rs", include_str!("par.rs")),
            ("fastmath.rs", include_str!("../../op/fastmath.rs")),
        ];
        let marker = concat!("#[target_", "feature(enable = \"");
        let mut seen = 0;
        for (file, text) in sources {
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let Some(at) = line.find(marker) else {
                    continue;
                };
                let rest = &line[at + marker.len()..];
                let list = &rest[..rest.find('"').expect("closing quote")];
                let name = lines[i + 1..]
                    .iter()
                    .find(|l| l.contains("fn "))
                    .expect("an attributed function");
                let allowed = if name.contains("avx2") { AVX2 } else { AVX512 };
                for f in list.split(',') {
                    assert!(
                        allowed.contains(&f),
                        "{file}:{}: {f} is not detected for `{}`",
                        i + 1,
                        name.trim()
                    );
                }
                seen += 1;
            }
        }
        assert!(seen >= 8, "found only {seen} attributes");
    }
}

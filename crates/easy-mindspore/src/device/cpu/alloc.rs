//! Fallible allocation of the CPU's buffers. Every buffer whose size comes from a value's shape (a
//! kernel's output, a materialised view, a creation op's elements) is allocated here, so that a
//! request the machine cannot satisfy is an error ([`TooLarge`], which the device turns into
//! `Error::OutOfMemory` naming the op) instead of an abort of the whole process.
//!
//! Two checks, because on Linux an allocation that succeeds is no promise: with memory
//! overcommit, a 256 GiB `calloc` may succeed on a 24 GiB machine and the process is killed later,
//! when the pages are touched. So first any request larger than the machine could ever hold is
//! refused ([`limit`]: physical memory plus swap, read once from `/proc/meminfo`; 1 TiB where
//! that cannot be read), as is any whose byte count overflows; then the allocation itself is
//! fallible (`try_reserve_exact`, or a null-checked `alloc_zeroed`).
//!
//! Buffers below a few hundred KiB whose size a kernel bounds by a constant (the small paths of
//! `par`, per-thread scratch) are allocated normally: their failure is not a user's mistake.

use crate::dtype::Element;
use crate::error::Error;
use std::sync::OnceLock;

/// A buffer the CPU cannot provide: the bytes it would take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TooLarge {
    /// The size of the request in bytes (exact: it cannot overflow a `u128`).
    pub bytes: u128,
}

impl TooLarge {
    /// The engine's error for `op`.
    #[cold]
    pub(crate) fn at(self, op: &'static str) -> Error {
        Error::OutOfMemory {
            op,
            bytes: self.bytes,
        }
    }
}

/// The result of an allocation.
pub(crate) type Alloc<T> = Result<T, TooLarge>;

/// Naming the op of a failed allocation.
pub(crate) trait At<T> {
    /// The engine's result, an `Error::OutOfMemory` of `op` for a failed allocation.
    fn at(self, op: &'static str) -> crate::error::Result<T>;
}

impl<T> At<T> for Alloc<T> {
    #[inline]
    fn at(self, op: &'static str) -> crate::error::Result<T> {
        self.map_err(|e| e.at(op))
    }
}

/// What is assumed when `/proc/meminfo` cannot be read: 1 TiB.
const FALLBACK_LIMIT: u128 = 1 << 40;

/// The most bytes one buffer may take: the machine's physical memory plus its swap, read once
/// (from `/proc/meminfo`; [`FALLBACK_LIMIT`] elsewhere). Nothing larger could ever be filled.
pub(crate) fn limit() -> u128 {
    static LIMIT: OnceLock<u128> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|info| limit_from(&info))
            .unwrap_or(FALLBACK_LIMIT)
    })
}

/// `MemTotal + SwapTotal` in bytes from the text of `/proc/meminfo` (values in kB), or `None`
/// without a usable `MemTotal`.
fn limit_from(meminfo: &str) -> Option<u128> {
    let field = |name: &str| -> Option<u128> {
        let line = meminfo.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    let total = field("MemTotal:").filter(|&kb| kb > 0)?;
    Some((total + field("SwapTotal:").unwrap_or(0)) * 1024)
}

/// Checks that `n` elements of `T` could be allocated at all: their byte count within `isize`
/// (Rust's own bound) and within [`limit`].
#[inline]
pub(crate) fn check<T>(n: usize) -> Alloc<()> {
    let bytes = n as u128 * std::mem::size_of::<T>() as u128;
    if bytes > isize::MAX as u128 || bytes > limit() {
        Err(TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// An empty vector with room for exactly `n` elements.
pub(crate) fn with_capacity<T>(n: usize) -> Alloc<Vec<T>> {
    check::<T>(n)?;
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| TooLarge {
        bytes: n as u128 * std::mem::size_of::<T>() as u128,
    })?;
    Ok(v)
}

/// `n` zeros (false, 0, +0.0), from `calloc`: fresh memory is mapped lazily, so this costs no
/// pass over it.
pub(crate) fn zeroed<T: Element>(n: usize) -> Alloc<Vec<T>> {
    check::<T>(n)?;
    let too_large = TooLarge {
        bytes: n as u128 * std::mem::size_of::<T>() as u128,
    };
    let layout = std::alloc::Layout::array::<T>(n).map_err(|_| too_large)?;
    if layout.size() == 0 {
        return Ok(Vec::new());
    }
    // SAFETY: the layout has a nonzero size (checked just above).
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) }.cast::<T>();
    if ptr.is_null() {
        return Err(too_large);
    }
    // SAFETY: `ptr` was allocated by the global allocator (which `Vec` uses) with the layout of
    // `n` elements of `T`, exactly what a `Vec<T>` of capacity `n` frees; its `n` elements are
    // initialised, because every `Element` (bool, i32, i64, f32, f64: the trait is sealed) is
    // valid as all-zero bytes.
    Ok(unsafe { Vec::from_raw_parts(ptr, n, n) })
}

/// `n` copies of `v` (zeros through [`zeroed`]).
pub(crate) fn filled<T: Element>(n: usize, v: T) -> Alloc<Vec<T>> {
    if v == T::from_f64(0.0) && !is_negative_zero(v) {
        return zeroed(n);
    }
    let mut out = with_capacity(n)?;
    out.resize(n, v);
    Ok(out)
}

/// True for a float -0.0 (whose bytes are not zero).
fn is_negative_zero<T: Element>(v: T) -> bool {
    v.to_f64() == 0.0 && v.to_f64().is_sign_negative()
}

/// The elements of `s` as a fresh vector.
pub(crate) fn copy<T: Copy>(s: &[T]) -> Alloc<Vec<T>> {
    let mut out = with_capacity(s.len())?;
    out.extend_from_slice(s);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_memory_plus_swap() {
        let info = "MemTotal:       24683568 kB\nMemFree: 1 kB\nSwapTotal:       1024 kB\n";
        assert_eq!(limit_from(info), Some((24_683_568 + 1024) * 1024));
        assert_eq!(limit_from("MemTotal: 8 kB\n"), Some(8 * 1024));
        assert_eq!(limit_from("SwapTotal: 8 kB\n"), None);
        assert_eq!(limit_from("MemTotal: 0 kB\n"), None);
        assert_eq!(limit_from(""), None);
        // This machine's: some memory, and far less than 2^64 bytes.
        assert!(limit() >= 1 << 20 && limit() < 1 << 64);
    }

    #[test]
    fn requests_beyond_the_machine_are_refused() {
        // 256 GiB of f32, more than any machine these tests run on holds (or the fallback).
        let n = 1usize << 36;
        if limit() < 4 * n as u128 {
            let bytes = 4 * n as u128;
            assert_eq!(check::<f32>(n), Err(TooLarge { bytes }));
            assert_eq!(zeroed::<f32>(n).map(|v| v.len()), Err(TooLarge { bytes }));
            assert_eq!(
                with_capacity::<f32>(n).map(|v| v.len()),
                Err(TooLarge { bytes })
            );
            assert_eq!(filled(n, 1.5f32).map(|v| v.len()), Err(TooLarge { bytes }));
        }
        // Byte counts that overflow `usize` are reported exactly.
        let e = zeroed::<f64>(usize::MAX / 2).map(|v| v.len());
        assert_eq!(
            e,
            Err(TooLarge {
                bytes: (usize::MAX / 2) as u128 * 8
            })
        );
        let err = TooLarge { bytes: 1 << 40 }.at("ReduceSum");
        assert_eq!(
            err,
            Error::OutOfMemory {
                op: "ReduceSum",
                bytes: 1 << 40
            }
        );
    }

    #[test]
    fn small_requests_give_the_elements() {
        assert_eq!(zeroed::<f64>(3), Ok(vec![0.0; 3]));
        assert_eq!(zeroed::<bool>(2), Ok(vec![false; 2]));
        assert_eq!(zeroed::<i64>(0), Ok(vec![]));
        assert_eq!(filled(3, 2i32), Ok(vec![2; 3]));
        let z = filled(2, -0.0f32).expect("small");
        assert!(z.iter().all(|v| *v == 0.0 && v.is_sign_negative()));
        assert_eq!(copy(&[1u8, 2][..]).map(|v| v.capacity()), Ok(2));
        let big = zeroed::<f32>(5 << 20).expect("20 MiB");
        assert!(big.len() == 5 << 20 && big.iter().step_by(4099).all(|&v| v == 0.0));
    }
}

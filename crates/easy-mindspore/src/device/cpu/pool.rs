//! A pool of large host buffers. A fresh multi-megabyte allocation is mapped by the OS page by page
//! on first write (a page fault and a zeroing per 4 KiB), which costs several times more than the
//! kernel writing it; freed buffers parked here are handed back to later kernels already mapped.
//!
//! Only buffers of at least [`MIN_POOLED_BYTES`] are kept (small ones are cheap for `malloc`), and
//! at most an eighth of RAM in total, between [`MAX_POOLED_BYTES`] and [`MAX_POOLED_CEILING`] (the
//! oldest are freed first). A training step of D2L's AlexNet turns over about a gigabyte of
//! buffers; with 256 MiB parked, 39% of its time went to the kernel zeroing fresh pages. A pooled
//! buffer's contents are stale but initialised, so kernels take it as a `Vec` of the right length
//! and overwrite it.
//!
//! Fresh large buffers are also offered transparent huge pages (see `advise_huge_pages`).
//!
//! Thread-safe: one mutex, taken only for large buffers. Freed buffers come back through [`give`],
//! called when the last holder of a CPU storage drops it (`CpuAlloc`'s drop) and when a kernel is
//! done with a temporary copy. The pool holds bare [`CpuBuffer`]s, which do not come back here
//! when the pool itself frees them.
//!
//! Under memory pressure (Linux: less than an eighth of RAM available, read from `/proc/meminfo`
//! at most every 100 ms) nothing is parked and what is parked is freed; `clear` (public as
//! `ems::device::cpu::release_pooled_memory`) frees it on request.

use super::alloc::{self, Alloc};
use super::CpuBuffer;
use crate::dtype::Element;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Smallest buffer (in bytes of capacity) worth pooling: 128 KiB. Below glibc's allocator serves
/// from its heap without faults; from about this size it maps and unmaps (or trims) fresh pages,
/// and W8's per-step buffers (`[32, 1024]` float32 gates, the LSTM cell's 160 KiB gradient) took
/// some 8% of a training step in page faults and zeroing at a 256 KiB threshold.
pub(crate) const MIN_POOLED_BYTES: usize = 128 << 10;
/// Most bytes the pool keeps parked where RAM is small or cannot be read: 256 MiB.
pub(crate) const MAX_POOLED_BYTES: usize = 256 << 20;
/// Most bytes the pool keeps parked however large RAM is: 2 GiB.
pub(crate) const MAX_POOLED_CEILING: usize = 2 << 30;

/// The pool's bound on this machine: an eighth of RAM, within `MAX_POOLED_BYTES ..=
/// MAX_POOLED_CEILING`.
fn bound_for_this_machine() -> usize {
    let total = meminfo_kib("MemTotal:").map_or(0, |kib| (kib as usize).saturating_mul(1024));
    (total / 8).clamp(MAX_POOLED_BYTES, MAX_POOLED_CEILING)
}

struct Pool {
    /// Parked buffers, oldest first.
    free: Vec<CpuBuffer>,
    /// Total capacity in bytes of `free`.
    bytes: usize,
    /// The most bytes kept (0 until the first buffer is parked, which sizes it for this machine).
    max: usize,
}

static POOL: Mutex<Pool> = Mutex::new(Pool::new(0));

fn lock() -> MutexGuard<'static, Pool> {
    // The pool's state is valid after any panic (a buffer is either parked or not), so a poisoned
    // lock is still usable.
    POOL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Bytes of `n` elements of `T`, or `None` below the pooling size.
fn pooled_bytes<T: Element>(n: usize) -> Option<usize> {
    let bytes = n.saturating_mul(std::mem::size_of::<T>().max(1));
    (bytes >= MIN_POOLED_BYTES).then_some(bytes)
}

/// True when a buffer of `n` elements of `T` is large enough to be pooled.
pub(crate) fn is_pooled_size<T: Element>(n: usize) -> bool {
    pooled_bytes::<T>(n).is_some()
}

impl Pool {
    const fn new(max: usize) -> Pool {
        Pool {
            free: Vec::new(),
            bytes: 0,
            max,
        }
    }

    /// Removes the best-fitting parked buffer of `T` for `bytes` bytes: capacity `bytes` to
    /// `bytes + bytes/4` (the size classes), the smallest, and of those the most recently parked
    /// (likeliest still in cache). The search runs from the newest and stops at the first exact
    /// fit (no buffer fits better): a recurring shape finds its buffer near the end, where a
    /// full scan of a few thousand parked 128 KiB buffers cost some 35 µs per allocation.
    fn remove<T: Element>(&mut self, bytes: usize) -> Option<CpuBuffer> {
        let fits = bytes..=bytes.saturating_add(bytes / 4);
        let mut best: Option<(usize, usize)> = None;
        for (i, b) in self.free.iter().enumerate().rev() {
            if b.dtype() != T::DTYPE {
                continue;
            }
            let c = b.capacity_bytes();
            if fits.contains(&c) && best.is_none_or(|(_, bc)| c < bc) {
                best = Some((i, c));
                if c == bytes {
                    break;
                }
            }
        }
        let (i, c) = best?;
        self.bytes -= c;
        super::stats::parked(self.bytes);
        Some(self.free.remove(i))
    }

    /// Parks `b` (of `size` bytes), returning the oldest buffers that no longer fit, or `b`
    /// itself when it is larger than the whole pool.
    fn park(&mut self, b: CpuBuffer, size: usize) -> Vec<CpuBuffer> {
        if self.max == 0 {
            self.max = bound_for_this_machine();
        }
        if size > self.max {
            return vec![b];
        }
        let (mut n_old, mut freed) = (0, 0);
        while self.bytes - freed + size > self.max {
            freed += self.free[n_old].capacity_bytes();
            n_old += 1;
        }
        self.bytes = self.bytes - freed + size;
        super::stats::parked(self.bytes);
        let evicted = self.free.drain(..n_old).collect();
        self.free.push(b);
        evicted
    }
}

/// A parked buffer of `n` elements of `T` (stale values), or `None` when `n` is below the pooling
/// size or nothing parked fits.
pub(crate) fn take<T: Element>(n: usize) -> Option<Vec<T>> {
    let bytes = pooled_bytes::<T>(n)?;
    let buf = lock().remove::<T>(bytes)?;
    let mut v = buf.into_vec::<T>()?;
    // Usually a no-op (a parked buffer is full); otherwise it only shortens or writes the tail.
    v.resize(n, T::from_f64(0.0));
    Some(v)
}

/// A buffer of `n` elements to be overwritten: a parked one, or a fresh zeroed one (zeroed memory
/// comes from `calloc`, mapped lazily, so this costs no pass over it); an error when no buffer of
/// that size can be had (see `alloc`).
pub(crate) fn take_or_alloc<T: Element>(n: usize) -> Alloc<Vec<T>> {
    if let Some(v) = take(n) {
        return Ok(v);
    }
    let mut v = alloc::zeroed::<T>(n)?;
    if n.saturating_mul(std::mem::size_of::<T>()) >= HUGE_PAGE_MIN_BYTES {
        advise_huge_pages(&mut v);
    }
    Ok(v)
}

/// `n` zeros: a parked buffer cleared (a pass of stores over memory already mapped), or a fresh
/// zeroed one. For the buffers a kernel accumulates into, which `alloc::zeroed` would take fresh
/// from the system at every call — a page fault and the kernel's own zeroing per page.
pub(crate) fn zeros<T: Element>(n: usize) -> Alloc<Vec<T>> {
    if let Some(mut v) = take(n) {
        v.fill(T::from_f64(0.0));
        return Ok(v);
    }
    alloc::zeroed::<T>(n)
}

/// Fresh buffers from this size on are offered 2 MiB pages.
const HUGE_PAGE_MIN_BYTES: usize = 4 << 20;

/// Asks Linux to back the 2 MiB-aligned part of a fresh, not yet written buffer with transparent
/// huge pages (`MADV_HUGEPAGE`; in THP's common `madvise` mode nothing else gets them). First
/// writes then fault once per 2 MiB instead of once per 4 KiB (a fresh 40 MB buffer fills about
/// twice as fast) and streaming kernels miss the TLB less (5 to 15% faster). Only a hint: the
/// contents are unchanged and any failure is ignored.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn advise_huge_pages<T>(v: &mut Vec<T>) {
    use std::ffi::{c_int, c_void};
    unsafe extern "C" {
        fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int;
    }
    const MADV_HUGEPAGE: c_int = 14;
    const HUGE: usize = 2 << 20;
    let start = v.as_mut_ptr() as usize;
    let end = start + v.capacity() * std::mem::size_of::<T>();
    let (lo, hi) = (start.next_multiple_of(HUGE), end / HUGE * HUGE);
    if hi > lo {
        // SAFETY: `lo..hi` lies inside the allocation `v` owns (rounded inwards to whole huge
        // pages). `MADV_HUGEPAGE` only changes how the kernel backs those pages, never their
        // contents or validity, so no Rust value is affected; the result is deliberately ignored.
        unsafe {
            madvise(lo as *mut c_void, hi - lo, MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
fn advise_huge_pages<T>(_: &mut Vec<T>) {}

/// Parks a buffer nobody uses any more. Small buffers are simply freed; when the pool is full the
/// oldest parked buffers are.
pub(crate) fn give(b: CpuBuffer) {
    let size = b.capacity_bytes();
    if size < MIN_POOLED_BYTES {
        return;
    }
    if memory_is_tight() {
        drop(b);
        clear();
        return;
    }
    let evicted = lock().park(b, size);
    // Unmapping happens here, outside the lock.
    drop(evicted);
}

/// True when the system is short of memory: less than an eighth of RAM available. Checked at
/// most every 100 ms (a read of `/proc/meminfo` costs some microseconds; only large buffers get
/// here, and each of those costs more to fill).
fn memory_is_tight() -> bool {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    static CHECKED_MS: AtomicU64 = AtomicU64::new(0);
    static TIGHT: AtomicBool = AtomicBool::new(false);
    let now = START.get_or_init(Instant::now).elapsed().as_millis() as u64 + 1;
    let last = CHECKED_MS.load(Ordering::Relaxed);
    if last != 0 && now < last + 100 {
        return TIGHT.load(Ordering::Relaxed);
    }
    CHECKED_MS.store(now, Ordering::Relaxed);
    let tight = available_fraction().is_some_and(|f| f < 0.125);
    TIGHT.store(tight, Ordering::Relaxed);
    tight
}

/// `MemAvailable / MemTotal` from `/proc/meminfo` (None where there is no such file).
fn available_fraction() -> Option<f64> {
    let (avail, total) = (meminfo_kib("MemAvailable:")?, meminfo_kib("MemTotal:")?);
    (total > 0).then(|| avail as f64 / total as f64)
}

/// A field of `/proc/meminfo` in KiB (None where there is no such file or field).
fn meminfo_kib(name: &str) -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with(name))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Frees every parked buffer (gives the memory back to the system).
pub(crate) fn clear() {
    let parked = {
        let mut pool = lock();
        pool.bytes = 0;
        super::stats::parked(0);
        std::mem::take(&mut pool.free)
    };
    drop(parked);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f32s(n: usize, v: f32) -> (CpuBuffer, usize) {
        (CpuBuffer::F32(vec![v; n]), n * 4)
    }

    fn take_from<T: Element>(p: &mut Pool, n: usize) -> Option<Vec<T>> {
        p.remove::<T>(pooled_bytes::<T>(n)?)?.into_vec()
    }

    #[test]
    fn the_memory_reading_is_a_fraction() {
        if let Some(f) = available_fraction() {
            assert!((0.0..=1.0).contains(&f), "{f}");
        }
        // This machine has room: the pool must not think otherwise (it would stop pooling).
        if available_fraction().is_some_and(|f| f > 0.25) {
            assert!(!memory_is_tight());
        }
    }

    #[test]
    fn buffers_are_reused_by_size_class_and_dtype() {
        let mut p = Pool::new(MAX_POOLED_BYTES);
        let n = MIN_POOLED_BYTES / 4 + 100;
        assert!(pooled_bytes::<f32>(16).is_none(), "too small to pool");
        let (b, size) = f32s(n, 1.5);
        assert!(p.park(b, size).is_empty());
        assert_eq!(p.bytes, n * 4);
        // Wrong dtype, too large a request, far too small a request: no reuse.
        assert!(take_from::<i32>(&mut p, n).is_none());
        assert!(take_from::<f32>(&mut p, n + 1).is_none());
        assert!(take_from::<f32>(&mut p, n / 2).is_none());
        // A slightly smaller request reuses it.
        let v = take_from::<f32>(&mut p, n - 10).expect("reused");
        assert_eq!(v.capacity(), n);
        assert!(v.iter().all(|&x| x == 1.5));
        assert_eq!(p.bytes, 0);
    }

    #[test]
    fn the_bound_is_an_eighth_of_ram_within_its_limits() {
        let bound = bound_for_this_machine();
        assert!(
            (MAX_POOLED_BYTES..=MAX_POOLED_CEILING).contains(&bound),
            "{bound}"
        );
        if let Some(kib) = meminfo_kib("MemTotal:") {
            let eighth = kib as usize * 1024 / 8;
            assert_eq!(bound, eighth.clamp(MAX_POOLED_BYTES, MAX_POOLED_CEILING));
        }
        // A buffer larger than the whole pool is handed back, not parked.
        let mut p = Pool::new(MIN_POOLED_BYTES);
        let (b, size) = f32s(MIN_POOLED_BYTES / 4 + 1, 0.0);
        assert_eq!(p.park(b, size).len(), 1);
        assert_eq!(p.bytes, 0);
    }

    #[test]
    fn the_pool_is_bounded_and_evicts_the_oldest() {
        let n = MIN_POOLED_BYTES / 4;
        let mut p = Pool::new(3 * n * 4);
        for i in 0..3 {
            let (b, size) = f32s(n, i as f32);
            assert!(p.park(b, size).is_empty());
        }
        let (b, size) = f32s(n, 3.0);
        let evicted = p.park(b, size);
        assert_eq!(evicted.len(), 1);
        assert_eq!(evicted[0].get_f64(0), 0.0);
        assert_eq!(p.bytes, 3 * n * 4);
        // The most recently parked comes back first.
        let v = take_from::<f32>(&mut p, n).expect("reused");
        assert_eq!(v[0], 3.0);
    }

    #[test]
    fn the_smallest_fit_comes_back_first_and_of_equal_ones_the_newest() {
        let n = MIN_POOLED_BYTES / 4;
        let mut p = Pool::new(MAX_POOLED_BYTES);
        // Parked oldest first: larger fits around two exact fits (marked 1 and 2), and an i32
        // buffer of the exact size (another dtype: never handed out for f32).
        for (len, v) in [
            (n + 8, 0.0),
            (n, 1.0),
            (n + 16, 0.0),
            (n, 2.0),
            (n + 4, 0.0),
        ] {
            let (b, size) = f32s(len, v);
            assert!(p.park(b, size).is_empty());
        }
        assert!(p.park(CpuBuffer::I32(vec![7; n]), n * 4).is_empty());
        let mut next = || take_from::<f32>(&mut p, n).map(|v| (v.capacity(), v[0]));
        assert_eq!(next(), Some((n, 2.0)));
        assert_eq!(next(), Some((n, 1.0)));
        assert_eq!(next(), Some((n + 4, 0.0)));
        assert_eq!(next(), Some((n + 8, 0.0)));
        assert_eq!(next(), Some((n + 16, 0.0)));
        assert_eq!(next(), None);
        assert_eq!(take_from::<i32>(&mut p, n).map(|v| v[0]), Some(7));
    }

    /// The last holder of a large CPU storage parks its vector when it goes (a shared one is
    /// left alone), and the next kernel output of that size reuses the very allocation.
    /// Runs on the process-wide pool: the size is one no other unit test asks for.
    #[test]
    fn dropping_the_last_holder_parks_the_buffer_for_reuse() {
        use crate::device::{cpu, Concrete};
        use crate::layout::Layout;
        use crate::op::UnaryOp;
        if memory_is_tight() {
            return; // nothing is parked under memory pressure
        }
        let n = 5_000_011;
        let big = super::super::storage(vec![2.5f32; n]);
        let ptr = big.host_slice::<f32>().map(<[f32]>::as_ptr);
        let other = big.clone();
        drop(big);
        assert!(take::<f32>(n).is_none(), "still shared: not parked");
        drop(other);
        let reused: Vec<f32> = take(n).expect("parked");
        assert_eq!(Some(reused.as_ptr()), ptr, "the same allocation");
        assert!(reused.iter().all(|&v| v == 2.5), "stale but initialised");
        // A kernel output writes into it: park it again, then negate a value of that size.
        give(CpuBuffer::F32(reused));
        let x = Concrete::new(
            super::super::storage(vec![1.0f32; n]),
            Layout::contiguous(&[n]),
        );
        let y = cpu().unary(UnaryOp::Neg, &x).expect("neg");
        assert_eq!(y.host_slice::<f32>().map(<[f32]>::as_ptr), ptr);
        assert!(y
            .host_slice::<f32>()
            .is_some_and(|v| v.iter().all(|&e| e == -1.0)));
        // Small storages are simply freed.
        drop(super::super::storage(vec![1.0f32; 16]));
        assert!(take::<f32>(16).is_none());
        drop(y);
        assert!(take::<f32>(n).is_some(), "parked again");
    }

    #[test]
    fn zeros_are_zeros_from_a_parked_buffer_too() {
        // A stale buffer of the size parked (other tests share the pool: any parked f64 buffer
        // of this size class is stale too), then zeros of that size: cleared.
        let n = 3 * MIN_POOLED_BYTES / 8 + 5;
        give(CpuBuffer::F64(vec![7.5; n]));
        let v: Vec<f64> = zeros(n).expect("zeros");
        assert_eq!(v.len(), n);
        assert!(v.iter().all(|&e| e == 0.0));
        let v: Vec<i32> = zeros(3).expect("small");
        assert_eq!(v, vec![0; 3]);
        assert!(zeros::<f32>(1 << 62).is_err());
    }

    #[test]
    fn take_or_alloc_gives_the_requested_length() {
        let n = MIN_POOLED_BYTES;
        let v: Vec<bool> = take_or_alloc(n).expect("small");
        assert_eq!(v.len(), n);
        let v: Vec<f64> = take_or_alloc(3).expect("small");
        assert_eq!(v, vec![0.0; 3]);
        // Nothing parked fits 2^62 elements, and no allocator gives them: an error, not an abort
        // (also with a buffer of that dtype parked, whose size-class bound must not overflow).
        drop(super::super::storage(vec![1.0f32; MIN_POOLED_BYTES]));
        assert!(take_or_alloc::<f32>(1 << 62).is_err());
        assert!(take_or_alloc::<f32>(usize::MAX).is_err());
    }
}

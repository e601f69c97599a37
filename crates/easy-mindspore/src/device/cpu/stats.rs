//! Counters of the CPU allocator, as `mindspore.hal`'s memory statistics report them: the bytes
//! held by live CPU storages (*allocated*), those plus the bytes parked in the pool for reuse
//! (*reserved*), and the peak of each since the process started or the last
//! [`reset_peak_memory_stats`]. Memory another library owns (NumPy arrays or DLPack capsules a
//! tensor was made over without a copy) is not counted: it is not ours to allocate or free.
//!
//! Invariant: every CPU storage adds its buffer's capacity once when it is made and subtracts
//! it once when its last holder drops it; the pool reports its parked total after each change.
//! The cost is two relaxed atomic additions per storage, not per kernel element (a peak is
//! raised with a locked `fetch_max` only when the count passes it).

use std::sync::atomic::{AtomicU64, Ordering};

static ALLOCATED: AtomicU64 = AtomicU64::new(0);
static PEAK_ALLOCATED: AtomicU64 = AtomicU64::new(0);
static PARKED: AtomicU64 = AtomicU64::new(0);
static PEAK_RESERVED: AtomicU64 = AtomicU64::new(0);

/// A snapshot of the CPU allocator's counters, in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemoryStats {
    /// Bytes held by live CPU storages.
    pub allocated: u64,
    /// The largest `allocated` since the last reset.
    pub peak_allocated: u64,
    /// `allocated` plus the bytes parked in the pool (held from the system, idle).
    pub reserved: u64,
    /// The largest `reserved` since the last reset.
    pub peak_reserved: u64,
}

impl MemoryStats {
    /// The bytes parked in the pool: reserved but not allocated.
    pub fn idle(&self) -> u64 {
        self.reserved.saturating_sub(self.allocated)
    }
}

/// The counters now.
pub fn memory_stats() -> MemoryStats {
    let allocated = ALLOCATED.load(Ordering::Relaxed);
    let reserved = allocated + PARKED.load(Ordering::Relaxed);
    MemoryStats {
        allocated,
        peak_allocated: PEAK_ALLOCATED.load(Ordering::Relaxed).max(allocated),
        reserved,
        peak_reserved: PEAK_RESERVED.load(Ordering::Relaxed).max(reserved),
    }
}

/// Restarts both peaks from the current values.
pub fn reset_peak_memory_stats() {
    let allocated = ALLOCATED.load(Ordering::Relaxed);
    PEAK_ALLOCATED.store(allocated, Ordering::Relaxed);
    PEAK_RESERVED.store(
        allocated + PARKED.load(Ordering::Relaxed),
        Ordering::Relaxed,
    );
}

fn note_reserved() {
    let reserved = ALLOCATED.load(Ordering::Relaxed) + PARKED.load(Ordering::Relaxed);
    raise_peak(&PEAK_RESERVED, reserved);
}

/// Raises `peak` to `now`; below the peak (the steady state) a load, no locked instruction.
#[inline]
fn raise_peak(peak: &AtomicU64, now: u64) {
    if now > peak.load(Ordering::Relaxed) {
        peak.fetch_max(now, Ordering::Relaxed);
    }
}

/// A storage of `bytes` was made.
#[inline]
pub(crate) fn allocated(bytes: usize) {
    if bytes == 0 {
        return;
    }
    let now = ALLOCATED.fetch_add(bytes as u64, Ordering::Relaxed) + bytes as u64;
    raise_peak(&PEAK_ALLOCATED, now);
    note_reserved();
}

/// A storage of `bytes` was dropped by its last holder.
#[inline]
pub(crate) fn released(bytes: usize) {
    if bytes != 0 {
        ALLOCATED.fetch_sub(bytes as u64, Ordering::Relaxed);
    }
}

/// The pool now parks `bytes` in all.
pub(crate) fn parked(bytes: usize) {
    PARKED.store(bytes as u64, Ordering::Relaxed);
    note_reserved();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tensor;

    /// Other tests allocate concurrently, so the checks are on lower bounds that a tensor of our
    /// own must raise.
    #[test]
    fn a_live_tensor_counts_as_allocated_and_raises_the_peak() {
        let n = 4 << 20; // 16 MiB of f32
        let t = Tensor::from_vec(vec![1.0f32; n], &[n]).expect("tensor");
        let s = memory_stats();
        assert!(s.allocated >= (n * 4) as u64, "{s:?}");
        assert!(s.peak_allocated >= s.allocated.min((n * 4) as u64));
        assert!(s.reserved >= s.allocated && s.peak_reserved >= s.reserved.min((n * 4) as u64));
        drop(t);
        reset_peak_memory_stats();
        let after = memory_stats();
        assert!(after.peak_allocated >= after.allocated);
    }
}

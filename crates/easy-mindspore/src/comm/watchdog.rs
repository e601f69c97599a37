//! The collective watchdog: a process blocked in a collective for longer than the timeout ends
//! itself with a message naming the collective, so that a process that hangs while alive (which
//! MPI cannot detect) does not hang the whole job; `mpirun` then ends the others, the hung one
//! included.
//!
//! Every blocking MPI call of a collective runs inside [`watch`], which records when it started
//! and what it is (two relaxed stores around the call, nothing else on the hot path). One thread,
//! started at `init()` when the timeout is not 0, wakes every second (or every tenth of the
//! timeout when shorter) and compares. Ending the process is `_exit(1)`: neither Rust's exit nor
//! libc's `exit` (which would run Open MPI's exit handlers, which may wait for the hung process),
//! and no MPI call from a second thread (the state lock is held by the blocked call).
//!
//! The timeout is `EMS_COLLECTIVE_TIMEOUT` seconds; by default 1836, the default of
//! `HCCL_EXEC_TIMEOUT`, MindSpore's setting for the same wait on Ascend (so that a process
//! saving a checkpoint while the others wait at the next all-reduce is not cut short); 0 turns the
//! watchdog off.

use std::ffi::c_int;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The environment variable holding the timeout in seconds.
pub const TIMEOUT_VAR: &str = "EMS_COLLECTIVE_TIMEOUT";

/// The timeout when the variable is unset (`HCCL_EXEC_TIMEOUT`'s default).
pub const DEFAULT_TIMEOUT_S: f64 = 1836.0;

/// Milliseconds since [`clock_zero`] (plus one) when the current collective started; 0 when idle.
static BUSY_SINCE: AtomicU64 = AtomicU64::new(0);
/// What the current (or last) collective is, for the message.
static WHAT: Mutex<String> = Mutex::new(String::new());
static STARTED: OnceLock<()> = OnceLock::new();

fn clock_zero() -> Instant {
    static CLOCK_ZERO: OnceLock<Instant> = OnceLock::new();
    *CLOCK_ZERO.get_or_init(Instant::now)
}

fn now_ms() -> u64 {
    u64::try_from(clock_zero().elapsed().as_millis()).unwrap_or(u64::MAX - 1) + 1
}

/// The timeout from [`TIMEOUT_VAR`]: `None` when it is 0 (off); the default when unset or not
/// a non-negative number.
pub fn timeout_from_env() -> Option<Duration> {
    let secs = std::env::var(TIMEOUT_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .unwrap_or(DEFAULT_TIMEOUT_S);
    (secs > 0.0).then(|| Duration::from_secs_f64(secs))
}

/// Starts the watchdog thread once per process (a no-op without a timeout or when started).
pub(crate) fn start(rank: usize, timeout: Option<Duration>) {
    let Some(timeout) = timeout else { return };
    if STARTED.set(()).is_err() {
        return;
    }
    clock_zero();
    let tick = (timeout / 10).clamp(Duration::from_millis(50), Duration::from_secs(1));
    let limit = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
    let spawned = std::thread::Builder::new()
        .name("ems-collective-watchdog".into())
        .spawn(move || loop {
            std::thread::sleep(tick);
            let since = BUSY_SINCE.load(Ordering::Relaxed);
            if since != 0 && now_ms().saturating_sub(since) > limit {
                expire(rank, timeout);
            }
        });
    // Without the thread the job behaves as before (no timeout): nothing to report.
    drop(spawned);
}

fn expire(rank: usize, timeout: Duration) -> ! {
    let what = WHAT.lock().map(|w| w.clone()).unwrap_or_default();
    eprintln!(
        "[rank {rank}] RuntimeError: {what} waited more than {} s for the other processes \
         of its group: one of them is hung or stopped calling collectives. Ending the job \
         ({TIMEOUT_VAR} sets the timeout in seconds; 0 turns it off).",
        timeout.as_secs_f64()
    );
    extern "C" {
        fn _exit(code: c_int) -> !;
    }
    // SAFETY: `_exit` ends the process at once; nothing of ours runs after it.
    unsafe { _exit(1) }
}

/// Runs `f` (a blocking collective) under the watchdog; `what` describes it for the message
/// (built only when a watchdog runs).
pub(crate) fn watch<T>(what: impl FnOnce() -> String, f: impl FnOnce() -> T) -> T {
    if STARTED.get().is_none() {
        return f();
    }
    if let Ok(mut w) = WHAT.lock() {
        *w = what();
    }
    BUSY_SINCE.store(now_ms(), Ordering::Relaxed);
    let out = f();
    BUSY_SINCE.store(0, Ordering::Relaxed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeout_comes_from_the_environment_with_hccls_default() {
        // One test reads and writes the variable, so no other test races with it.
        std::env::remove_var(TIMEOUT_VAR);
        assert_eq!(timeout_from_env(), Some(Duration::from_secs(1836)));
        std::env::set_var(TIMEOUT_VAR, "2.5");
        assert_eq!(timeout_from_env(), Some(Duration::from_millis(2500)));
        std::env::set_var(TIMEOUT_VAR, "0");
        assert_eq!(timeout_from_env(), None);
        std::env::set_var(TIMEOUT_VAR, "-3");
        assert_eq!(timeout_from_env(), Some(Duration::from_secs(1836)));
        std::env::remove_var(TIMEOUT_VAR);
    }

    #[test]
    fn watch_without_a_watchdog_only_runs_the_call() {
        let mut described = false;
        let v = watch(
            || {
                described = true;
                String::new()
            },
            || 7,
        );
        assert_eq!(v, 7);
        assert!(!described || STARTED.get().is_some());
        assert_eq!(BUSY_SINCE.load(Ordering::Relaxed), 0);
    }
}

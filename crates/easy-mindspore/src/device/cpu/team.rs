//! A team of helper threads that stay awake between the matrix products of a step. A recurrent
//! layer runs a product of some 100 µs per time step with 50–100 µs of other work between two:
//! rayon's threads go to sleep after some 30 µs without work, so each product waited for a sleeping
//! thread to wake (and the caller often ran most of it alone). A helper here stays awake,
//! yielding between checks, for about a millisecond after each job before it sleeps, as OpenMP's
//! threads do, so the next product finds it running.
//!
//! A job is `count` numbered tasks, taken in turn from one counter by the calling thread and the
//! helpers that join it. The caller returns only after every helper that joined has left, so a
//! job may borrow the caller's stack. One job runs at a time: a caller that finds the team busy
//! (another thread's product) gets `false` and runs its tasks some other way.
//!
//! Invariant: `Shared::job` points at a live `Job` exactly while its caller is inside [`run`];
//! a helper reads it only between incrementing and decrementing `inside`, and the caller clears
//! it and waits for `inside == 0` before the job leaves its stack. Both sides use sequentially
//! consistent operations, so either the caller sees the helper's increment (and waits) or the
//! helper sees the cleared pointer (and does not touch the job).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::{Condvar, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// How long an idle helper stays awake (yielding between checks) before it sleeps. It yields
/// from the start: spinning 50 µs first left the other kernels' threads (rayon's) less of the
/// CPU, and LeNet's step (products between pooling and elementwise kernels) was slower for it.
const AWAKE: Duration = Duration::from_millis(1);

/// One job: `count` tasks, the next to take, and the task body.
struct Job<'a> {
    next: AtomicUsize,
    count: usize,
    body: &'a (dyn Fn(usize) + Sync),
}

impl Job<'_> {
    /// Runs tasks until none is left.
    fn work(&self) {
        loop {
            let i = self.next.fetch_add(1, SeqCst);
            if i >= self.count {
                return;
            }
            (self.body)(i);
        }
    }
}

/// What the caller and the helpers share.
struct Shared {
    /// The running job, or null.
    job: AtomicPtr<Job<'static>>,
    /// Bumped for each job, so that a waiting helper sees a new one.
    epoch: AtomicU64,
    /// Helpers between reading `job` and being done with it.
    inside: AtomicUsize,
    /// Helpers asleep on `wake`.
    sleepers: AtomicUsize,
    /// Set while a caller runs a job.
    busy: AtomicBool,
    /// Set when a task panicked on a helper.
    panicked: AtomicBool,
    lock: Mutex<()>,
    wake: Condvar,
}

/// The team: its helpers' count and the process that started them (a forked child has the
/// memory but not the threads).
struct Team {
    shared: &'static Shared,
    helpers: usize,
    pid: u32,
}

static TEAM: OnceLock<Team> = OnceLock::new();

/// Runs `body(0)`, …, `body(count − 1)` on the calling thread and the team's helpers (`threads −
/// 1` of them, started at the first call). Returns false, having run nothing, when the team is
/// busy with another caller's job, has no helpers, or belongs to another process.
///
/// # Panics
/// When a task panics on a helper (the tasks are kernels that do not).
pub(super) fn run(count: usize, threads: usize, body: &(dyn Fn(usize) + Sync)) -> bool {
    let team = TEAM.get_or_init(|| start(threads.saturating_sub(1)));
    let shared = team.shared;
    if team.helpers == 0
        || team.pid != std::process::id()
        || shared
            .busy
            .compare_exchange(false, true, SeqCst, SeqCst)
            .is_err()
    {
        return false;
    }
    let job = Job {
        next: AtomicUsize::new(0),
        count,
        body,
    };
    // The pointer's lifetime is erased: `Done` clears it, and waits until no helper holds it,
    // before `job` is dropped, also on a panic (`done` is declared after `job`, so it drops
    // first).
    let published = ptr::from_ref(&job).cast_mut().cast::<Job<'static>>();
    shared.job.store(published, SeqCst);
    shared.epoch.fetch_add(1, SeqCst);
    if shared.sleepers.load(SeqCst) > 0 {
        let _guard = shared.lock.lock().unwrap_or_else(|e| e.into_inner());
        shared.wake.notify_all();
    }
    let done = Done(shared);
    job.work();
    drop(done);
    assert!(
        !shared.panicked.swap(false, SeqCst),
        "a matrix-product task panicked on a helper thread"
    );
    true
}

/// True when the team's helpers are running and free (started, none asleep, no job on them, this
/// process's own) and the pool allows more than one thread: a job handed to the team now starts
/// on a helper within a microsecond or two, where rayon's threads, asleep, would take tens. Never
/// starts the team.
pub(super) fn awake() -> bool {
    TEAM.get().is_some_and(|team| {
        team.helpers > 0
            && team.pid == std::process::id()
            && team.shared.sleepers.load(SeqCst) == 0
            && !team.shared.busy.load(SeqCst)
            && rayon::current_num_threads() > 1
    })
}

/// Calls `body` on each of `parts`: spread over the calling thread and the team's helpers when
/// they are [`awake`] (a kernel of some 10–100 µs between a step's products, too short to wake
/// rayon's threads for), else on the calling thread in order. Each part is computed by the same
/// code either way.
pub(super) fn each<P: Send>(parts: Vec<P>, body: impl Fn(P) + Sync) {
    spread(parts, &body, false);
}

/// Calls `body` on each of `parts`, spread over the calling thread and the team's helpers, woken
/// when asleep: for a kernel long enough (some 50 µs and up) that waking a helper pays, where
/// rayon would hand every part to its own threads and leave the caller waiting for them. On
/// rayon's threads when the team is busy (another thread's job) or this process has none.
pub(super) fn share<P: Send>(parts: Vec<P>, body: impl Fn(P) + Sync) {
    spread(parts, &body, true);
}

/// [`each`] (`wake` false) and [`share`]. `body` is reached through one `dyn` call on either
/// path, so that each kernel's loops (compiled once per SIMD level) exist once in the binary, not
/// once per path.
fn spread<P: Send>(parts: Vec<P>, body: &(dyn Fn(P) + Sync), wake: bool) {
    let count = parts.len();
    let slots: Vec<Mutex<Option<P>>> = parts.into_iter().map(|p| Mutex::new(Some(p))).collect();
    let task = |i: usize| {
        let part = slots[i]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(part) = part {
            body(part);
        }
    };
    let task: &(dyn Fn(usize) + Sync) = std::hint::black_box(&task);
    let threads = rayon::current_num_threads();
    if count < 2 || threads < 2 {
        (0..count).for_each(task);
    } else if wake {
        if !run(count, threads, task) {
            use rayon::prelude::*;
            (0..count).into_par_iter().for_each(task);
        }
    } else if !(awake() && run(count, threads, task)) {
        (0..count).for_each(task);
    }
}

/// Ends the caller's job, also when a task panics on the caller: clears the job, waits until no
/// helper is inside it, frees the team.
struct Done(&'static Shared);

impl Drop for Done {
    fn drop(&mut self) {
        let shared = self.0;
        shared.job.store(ptr::null_mut(), SeqCst);
        let mut spins = 0u32;
        while shared.inside.load(SeqCst) != 0 {
            spins = spins.saturating_add(1);
            if spins < 1 << 12 {
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        shared.busy.store(false, SeqCst);
    }
}

/// Starts `helpers` threads (none when a thread cannot be started).
fn start(helpers: usize) -> Team {
    let shared: &'static Shared = Box::leak(Box::new(Shared {
        job: AtomicPtr::new(ptr::null_mut()),
        epoch: AtomicU64::new(0),
        inside: AtomicUsize::new(0),
        sleepers: AtomicUsize::new(0),
        busy: AtomicBool::new(false),
        panicked: AtomicBool::new(false),
        lock: Mutex::new(()),
        wake: Condvar::new(),
    }));
    let mut started = 0;
    for i in 0..helpers {
        let spawned = std::thread::Builder::new()
            .name(format!("ems-gemm-{i}"))
            .spawn(move || helper(shared));
        if spawned.is_ok() {
            started += 1;
        }
    }
    Team {
        shared,
        helpers: started,
        pid: std::process::id(),
    }
}

/// A helper's life: wait for a new epoch, join its job, repeat.
fn helper(shared: &'static Shared) {
    let mut seen = 0u64;
    loop {
        seen = wait_for_job(shared, seen);
        shared.inside.fetch_add(1, SeqCst);
        let job = shared.job.load(SeqCst);
        if !job.is_null() {
            // SAFETY: `job` is non-null while `inside` counts this helper, so the caller is still
            // inside `run` and the job alive (the module's invariant).
            let job = unsafe { &*job };
            if catch_unwind(AssertUnwindSafe(|| job.work())).is_err() {
                shared.panicked.store(true, SeqCst);
            }
        }
        shared.inside.fetch_sub(1, SeqCst);
    }
}

/// Waits until the epoch differs from `seen`: polling, yielding between polls, then asleep.
/// Returns the new epoch.
fn wait_for_job(shared: &Shared, seen: u64) -> u64 {
    let idle = Instant::now();
    let mut polls = 0u32;
    loop {
        let now = shared.epoch.load(SeqCst);
        if now != seen {
            return now;
        }
        polls = polls.wrapping_add(1);
        if !polls.is_multiple_of(64) {
            std::hint::spin_loop();
            continue;
        }
        if idle.elapsed() < AWAKE {
            std::thread::yield_now();
        } else {
            let mut guard = shared.lock.lock().unwrap_or_else(|e| e.into_inner());
            shared.sleepers.fetch_add(1, SeqCst);
            while shared.epoch.load(SeqCst) == seen {
                guard = shared.wake.wait(guard).unwrap_or_else(|e| e.into_inner());
            }
            shared.sleepers.fetch_sub(1, SeqCst);
            return shared.epoch.load(SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU32;

    /// Runs `count` tasks through the team (or, when it is busy, on this thread) and returns
    /// how often each ran.
    fn counts(count: usize) -> Vec<u32> {
        let hits: Vec<AtomicU32> = (0..count).map(|_| AtomicU32::new(0)).collect();
        let body = |i: usize| {
            hits[i].fetch_add(1, SeqCst);
        };
        if !run(count, 2, &body) {
            (0..count).for_each(body);
        }
        hits.into_iter().map(AtomicU32::into_inner).collect()
    }

    #[test]
    fn every_task_runs_once_from_any_number_of_callers() {
        // Four threads race for the team (the losers run their tasks themselves), over jobs of
        // 0 to 40 tasks, with pauses that let the helper fall asleep and be woken.
        std::thread::scope(|s| {
            for caller in 0..4 {
                s.spawn(move || {
                    for round in 0..200 {
                        let count = (round * 7 + caller) % 41;
                        assert!(counts(count).iter().all(|&c| c == 1), "{count} tasks");
                        if round % 50 == 0 {
                            std::thread::sleep(AWAKE * 2);
                        }
                    }
                });
            }
        });
    }

    #[test]
    fn each_part_is_handed_out_once_awake_or_not() {
        // Right after a job the helper is awake and `each` spreads the parts over the team;
        // after a pause it is asleep and the caller runs them in order (`share` wakes it). With
        // several callers at once, the team is often busy: `share` then goes to rayon. Every
        // way, every part runs once.
        std::thread::scope(|s| {
            for caller in 0..3 {
                s.spawn(move || {
                    for round in 0..100 {
                        counts(4);
                        let n = (round * 5 + caller) % 9;
                        let hits: Vec<AtomicU32> = (0..n).map(|_| AtomicU32::new(0)).collect();
                        let hit = |i: usize| {
                            hits[i].fetch_add(1, SeqCst);
                        };
                        if round % 2 == 0 {
                            each((0..n).collect(), hit);
                        } else {
                            share((0..n).collect(), hit);
                        }
                        assert!(hits.iter().all(|c| c.load(SeqCst) == 1), "{n} parts");
                        if round % 40 == 0 {
                            std::thread::sleep(AWAKE * 2);
                        }
                    }
                });
            }
        });
    }

    #[test]
    fn a_task_that_panics_on_the_caller_leaves_the_team_usable() {
        // A team busy with another test's product refuses the job (`Ok(false)`, no task run):
        // try again until it takes it.
        let result = loop {
            let r = std::panic::catch_unwind(|| {
                run(64, 2, &|i| {
                    if i == 3 {
                        panic!("task 3");
                    }
                    std::thread::sleep(Duration::from_micros(20));
                })
            });
            if !matches!(r, Ok(false)) {
                break r;
            }
            std::thread::sleep(Duration::from_millis(1));
        };
        // The panic reached this thread (from the caller's task, or as the helper's report).
        assert!(result.is_err());
        assert!(counts(16).iter().all(|&c| c == 1));
    }
}

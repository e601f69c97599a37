//! The op profiler: while it is on, every primitive evaluated (eagerly, or as a step of a
//! compiled graph; a fused elementwise group of a graph counts as one `FusedElementwise` op) is
//! timed and counted. It keeps, per op name, the count and the total, least and greatest times,
//! and a trace of the first [`TRACE_CAP`] evaluations (name, start, duration, thread and, when
//! asked, the input shapes) for a timeline; later evaluations are counted as dropped from the
//! trace but still enter the totals.
//!
//! Off, it costs one relaxed atomic load per op. Front ends (MindSpore's `Profiler`) start it,
//! stop it and [`take`] what it gathered.

use crate::tensor::Tensor;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Evaluations kept in the trace (about 100 bytes each, more with shapes).
pub const TRACE_CAP: usize = 1 << 20;

static ON: AtomicBool = AtomicBool::new(false);
static NEXT_THREAD: AtomicU32 = AtomicU32::new(0);
static STATE: Mutex<Option<State>> = Mutex::new(None);

thread_local! {
    static THREAD: u32 = NEXT_THREAD.fetch_add(1, Ordering::Relaxed);
}

/// The totals of one op.
#[derive(Clone, Debug, PartialEq)]
pub struct OpStat {
    /// The primitive's name.
    pub name: &'static str,
    /// Evaluations.
    pub count: u64,
    /// Their total time, in nanoseconds.
    pub total_ns: u64,
    /// The shortest, in nanoseconds.
    pub min_ns: u64,
    /// The longest, in nanoseconds.
    pub max_ns: u64,
}

/// One evaluation of the trace.
#[derive(Clone, Debug, PartialEq)]
pub struct OpEvent {
    /// The primitive's name.
    pub name: &'static str,
    /// When it started, in nanoseconds since the Unix epoch.
    pub start_ns: u64,
    /// How long it took, in nanoseconds.
    pub dur_ns: u64,
    /// The evaluating thread (0 for the first thread that evaluated an op while profiling).
    pub thread: u32,
    /// The inputs' shapes (`"2,3;3"`), when shapes are recorded.
    pub shapes: Option<String>,
}

/// What [`take`] hands back.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    /// Per op, in order of first evaluation.
    pub stats: Vec<OpStat>,
    /// The trace, in order of completion.
    pub events: Vec<OpEvent>,
    /// Evaluations past [`TRACE_CAP`], left out of `events`.
    pub dropped: u64,
}

struct State {
    origin: Instant,
    epoch_ns: u64,
    shapes: bool,
    order: Vec<&'static str>,
    stats: HashMap<&'static str, OpStat>,
    events: Vec<OpEvent>,
    dropped: u64,
}

fn lock() -> std::sync::MutexGuard<'static, Option<State>> {
    // A panic while holding the lock cannot leave the counters inconsistent in a way that
    // matters: keep going with them.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts profiling (clearing what an earlier run gathered); `shapes` records the inputs'
/// shapes in the trace.
pub fn start(shapes: bool) {
    let epoch_ns = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    *lock() = Some(State {
        origin: Instant::now(),
        epoch_ns,
        shapes,
        order: Vec::new(),
        stats: HashMap::new(),
        events: Vec::new(),
        dropped: 0,
    });
    ON.store(true, Ordering::Release);
}

/// Stops profiling; what was gathered stays until [`take`] or the next [`start`].
pub fn stop() {
    ON.store(false, Ordering::Release);
}

/// Whether profiling is on.
#[inline]
pub fn active() -> bool {
    ON.load(Ordering::Relaxed)
}

/// What was gathered since [`start`] (emptied).
pub fn take() -> Profile {
    let mut guard = lock();
    let Some(s) = guard.as_mut() else {
        return Profile::default();
    };
    let stats = s
        .order
        .drain(..)
        .filter_map(|n| s.stats.remove(n))
        .collect();
    Profile {
        stats,
        events: std::mem::take(&mut s.events),
        dropped: std::mem::replace(&mut s.dropped, 0),
    }
}

/// Runs `f` (the evaluation of the op `name` on `args`), timed and recorded.
pub(crate) fn timed<T>(name: &'static str, args: &[&Tensor], f: impl FnOnce() -> T) -> T {
    let begin = Instant::now();
    let out = f();
    let end = Instant::now();
    let mut guard = lock();
    if let Some(s) = guard.as_mut() {
        let dur_ns = end.duration_since(begin).as_nanos() as u64;
        let start_ns = s.epoch_ns + begin.saturating_duration_since(s.origin).as_nanos() as u64;
        let stat = s.stats.entry(name).or_insert_with(|| OpStat {
            name,
            count: 0,
            total_ns: 0,
            min_ns: u64::MAX,
            max_ns: 0,
        });
        if stat.count == 0 {
            s.order.push(name);
        }
        stat.count += 1;
        stat.total_ns += dur_ns;
        stat.min_ns = stat.min_ns.min(dur_ns);
        stat.max_ns = stat.max_ns.max(dur_ns);
        if s.events.len() < TRACE_CAP {
            let shapes = s.shapes.then(|| {
                args.iter()
                    .map(|a| {
                        let d: Vec<String> = a.dims().iter().map(|n| n.to_string()).collect();
                        d.join(",")
                    })
                    .collect::<Vec<_>>()
                    .join(";")
            });
            s.events.push(OpEvent {
                name,
                start_ns,
                dur_ns,
                thread: THREAD.with(|t| *t),
                shapes,
            });
        } else {
            s.dropped += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_are_counted_while_on_and_not_after() {
        // One test touches the global profiler (tests run in parallel threads).
        start(true);
        let x = crate::ops::ones(&[2, 3], crate::DType::Float32).unwrap_or_else(|e| panic!("{e}"));
        let _ = crate::ops::add(&x, &x);
        let _ = crate::ops::add(&x, &x);
        stop();
        let _ = crate::ops::add(&x, &x);
        let p = take();
        let add = p.stats.iter().find(|s| s.name == "Add");
        let add = add.unwrap_or_else(|| panic!("no Add in {:?}", p.stats));
        assert!(add.count >= 2, "{add:?}");
        assert!(add.min_ns <= add.max_ns && add.total_ns >= add.max_ns);
        let ev = p.events.iter().find(|e| e.name == "Add");
        let ev = ev.unwrap_or_else(|| panic!("no Add event"));
        assert_eq!(ev.shapes.as_deref(), Some("2,3;2,3"));
        assert!(ev.start_ns > 1_600_000_000_000_000_000);
        assert!(take().stats.is_empty());
    }
}

//! `mindspore.hal`'s memory statistics on the CPU, from the engine's allocator counters
//! (`device::cpu::stats`): bytes held by live tensors, bytes reserved (those plus the pool's idle
//! buffers), their peaks, and the pool's release; and the switch and harvest of the engine's op
//! profiler (`easy_mindspore::profile`, which `mindspore.Profiler` reads).

use easy_mindspore as ems;
use easy_mindspore::device::cpu;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The counters as a dict: `allocated`, `peak_allocated`, `reserved`, `peak_reserved`, `idle`
/// (bytes).
#[pyfunction]
pub fn cpu_memory_stats(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let s = cpu::stats::memory_stats();
    let d = PyDict::new(py);
    d.set_item("allocated", s.allocated)?;
    d.set_item("peak_allocated", s.peak_allocated)?;
    d.set_item("reserved", s.reserved)?;
    d.set_item("peak_reserved", s.peak_reserved)?;
    d.set_item("idle", s.idle())?;
    Ok(d)
}

/// Restarts the peaks from the current values.
#[pyfunction]
pub fn cpu_reset_peak_memory_stats() {
    cpu::stats::reset_peak_memory_stats();
}

/// Frees the pool's idle buffers (gives their memory back to the system).
#[pyfunction]
pub fn cpu_empty_cache() {
    cpu::release_pooled_memory();
}

/// Adds the functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(cpu_memory_stats, m)?)?;
    m.add_function(wrap_pyfunction!(cpu_reset_peak_memory_stats, m)?)?;
    m.add_function(wrap_pyfunction!(cpu_empty_cache, m)?)?;
    m.add_function(wrap_pyfunction!(profiler_start, m)?)?;
    m.add_function(wrap_pyfunction!(profiler_stop, m)?)?;
    m.add_function(wrap_pyfunction!(profiler_take, m)?)?;
    Ok(())
}

/// Starts the op profiler (`easy_mindspore::profile`), recording the inputs' shapes with
/// `shapes`.
#[pyfunction]
#[pyo3(signature = (shapes=false))]
pub fn profiler_start(shapes: bool) {
    ems::profile::start(shapes);
}

/// Stops the op profiler.
#[pyfunction]
pub fn profiler_stop() {
    ems::profile::stop();
}

/// One op's totals: `(name, count, total_ns, min_ns, max_ns)`.
type StatRow = (&'static str, u64, u64, u64, u64);
/// One traced evaluation: `(name, start_ns, dur_ns, thread, shapes)`.
type EventRow = (&'static str, u64, u64, u32, Option<String>);

/// What the profiler gathered since it started, emptied: `(stats, events, dropped)`.
#[pyfunction]
pub fn profiler_take() -> (Vec<StatRow>, Vec<EventRow>, u64) {
    let p = ems::profile::take();
    let stats = p
        .stats
        .into_iter()
        .map(|s| (s.name, s.count, s.total_ns, s.min_ns, s.max_ns))
        .collect();
    let events = p
        .events
        .into_iter()
        .map(|e| (e.name, e.start_ns, e.dur_ns, e.thread, e.shapes))
        .collect();
    (stats, events, p.dropped)
}

//! `mindspore.hal`'s memory statistics on the CPU, from the engine's allocator counters
//! (`device::cpu::stats`): bytes held by live tensors, bytes reserved (those plus the pool's idle
//! buffers), their peaks, and the pool's release.

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
    Ok(())
}

"""``mindspore.hal`` memory statistics on the CPU, from the engine's allocator counters: a tensor's
bytes show in ``memory_allocated`` while it lives and leave with it; the peaks hold the maximum
until ``reset_peak_memory_stats``; ``empty_cache`` gives the idle buffers back; ``memory_stats``
has MindSpore's keys; other devices are refused as MindSpore 2.10's CPU build refuses them.
(Other threads of the test process may allocate meanwhile, so the checks compare with margins.)"""
import gc

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, hal

MB = 1 << 20


def test_a_tensor_is_counted_while_it_lives():
    gc.collect()
    before = hal.memory_allocated()
    x = Tensor(np.ones((8 * MB // 4,), np.float32))  # 8 MiB
    y = x * 2  # 8 MiB more, made by the engine
    during = hal.memory_allocated()
    assert during - before >= 16 * MB - MB // 4, (before, during)
    assert hal.max_memory_allocated() >= during
    assert hal.memory_reserved() >= during
    del x, y
    gc.collect()
    after = hal.memory_allocated()
    assert during - after >= 16 * MB - MB // 4, (during, after)


def test_peaks_hold_until_reset():
    hal.reset_peak_memory_stats()
    base = hal.max_memory_allocated()
    t = Tensor(np.zeros((4 * MB // 8,), np.float64))
    u = t + 1.0
    peak = hal.max_memory_allocated()
    assert peak >= base + 4 * MB
    del t, u
    gc.collect()
    assert hal.max_memory_allocated() >= peak  # the peak stays
    hal.reset_peak_memory_stats()
    assert hal.max_memory_allocated() < peak
    assert hal.max_memory_reserved() >= hal.memory_reserved() >= hal.memory_allocated()


def test_empty_cache_releases_the_idle_buffers():
    for _ in range(3):
        z = Tensor(np.ones((MB,), np.float32)) + 1.0  # 4 MiB results, parked when freed
        del z
    gc.collect()
    hal.empty_cache()
    s = hal.memory_stats()
    assert s["total_idle_memory"] == s["total_reserved_memory"] - s["total_allocated_memory"]
    assert s["total_idle_memory"] < 4 * MB


def test_memory_stats_keys_and_summary():
    s = hal.memory_stats()
    assert set(s) == {"total_reserved_memory", "total_allocated_memory", "total_idle_memory",
                      "total_eager_free_memory", "max_reserved_memory", "max_allocated_memory"}
    assert all(isinstance(v, int) and v >= 0 for v in s.values())
    assert s["max_allocated_memory"] >= s["total_allocated_memory"]
    text = hal.memory_summary()
    assert "Memory summary" in text and "Max allocated memory" in text
    assert hal.memory_allocated("CPU") >= 0
    hal.reset_max_memory_allocated()
    hal.reset_max_memory_reserved()
    assert hal.is_available("CPU") and not hal.is_available("GPU")
    assert hal.device_count() == 1


def test_other_devices_are_refused_as_in_mindspore():
    # MindSpore 2.10's CPU build: ValueError for GPU/Ascend and unknown names, TypeError for a
    # non-string.
    for target in ("GPU", "Ascend", "foo"):
        with pytest.raises(ValueError):
            hal.memory_allocated(target)
    with pytest.raises(TypeError):
        hal.memory_reserved(3)
    assert ms.hal is hal

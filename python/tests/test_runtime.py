"""``mindspore.runtime`` and the stream/device additions of ``mindspore.hal``: the one CPU stream
(always done), events that time the work between two records, the allocator statistics without
a device argument, ``set_cpu_affinity`` binding the process, and MindSpore's error classes."""
import os
import time

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import hal, runtime


def test_the_stream_is_always_done():
    s = runtime.Stream()
    assert s.query() is True and s.synchronize() is None
    assert repr(s) == "Stream(device_name=CPU, device_id:0, stream id:0)"
    assert (s.id, s.device_id, s.device_name, s.stream_id()) == (0, 0, "CPU", 0)
    assert s == runtime.default_stream() == runtime.current_stream() == runtime.communication_stream()
    e = s.record_event()
    assert isinstance(e, runtime.Event) and e.query()
    s.wait_event(e)
    s.wait_stream(runtime.default_stream())
    with pytest.raises(TypeError):
        s.wait_event("event")
    with pytest.raises(TypeError):
        runtime.Stream(priority="high")


def test_events_time_the_work_between_records():
    start, end = runtime.Event(enable_timing=True), runtime.Event(enable_timing=True)
    start.record()
    time.sleep(0.02)
    end.record(runtime.current_stream())
    end.synchronize()
    assert 15.0 <= start.elapsed_time(end) < 2000.0
    with pytest.raises(RuntimeError, match="enable_timing"):
        runtime.Event().elapsed_time(end)
    with pytest.raises(RuntimeError):
        runtime.Event(enable_timing=True).elapsed_time(end)  # never recorded
    with pytest.raises(TypeError):
        start.elapsed_time(1.0)
    with pytest.raises(TypeError):
        runtime.Event(enable_timing=1)


def test_stream_contexts_and_the_current_stream():
    s = runtime.Stream()
    with runtime.StreamCtx(s):
        assert runtime.current_stream() is s
    assert runtime.current_stream() is runtime.default_stream()
    runtime.set_cur_stream(s)
    assert runtime.current_stream() is s
    runtime.set_cur_stream(runtime.default_stream())
    with pytest.raises(TypeError):
        runtime.set_cur_stream(None)
    with pytest.raises(TypeError):
        runtime.StreamCtx(3)


def test_memory_statistics_follow_the_allocator():
    runtime.empty_cache()
    before = runtime.memory_allocated()
    x = ms.Tensor(np.ones((512, 512), np.float32)) + 1
    # (small tensors of earlier tests may be freed meanwhile: a little slack)
    assert runtime.memory_allocated() - before >= 512 * 512 * 4 - 4096
    assert runtime.max_memory_allocated() >= runtime.memory_allocated()
    stats = runtime.memory_stats()
    assert stats["total_allocated_memory"] == runtime.memory_allocated()
    assert "Memory summary" in runtime.memory_summary()
    del x
    runtime.reset_max_memory_allocated()
    assert runtime.max_memory_allocated() == runtime.memory_allocated()
    runtime.reset_max_memory_reserved()
    assert runtime.max_memory_reserved() == runtime.memory_reserved()
    assert runtime.launch_blocking() is None and runtime.synchronize() is None
    assert ms.memory_stats is runtime.memory_stats and ms.Stream is runtime.Stream


def test_set_cpu_affinity_binds_the_process():
    before = os.sched_getaffinity(0)
    core = min(before)
    try:
        runtime.set_cpu_affinity(True, [str(core)])
        assert os.sched_getaffinity(0) == {core}
        runtime.set_cpu_affinity(True, [f"{core}-{core}"])
        assert os.sched_getaffinity(0) == {core}
        with pytest.raises(ValueError):
            runtime.set_cpu_affinity(True, ["x"])
        with pytest.raises(ValueError):
            runtime.set_cpu_affinity(True, [str(10 ** 6)])
        with pytest.raises(TypeError):
            runtime.set_cpu_affinity(True, "0")
        with pytest.raises(TypeError):
            runtime.set_cpu_affinity(1)
        with pytest.raises(ValueError):
            runtime.set_cpu_affinity(True, module_to_cpu_dict={"main": [0]})
        runtime.set_cpu_affinity(False)
        assert len(os.sched_getaffinity(0)) >= len(before)
    finally:
        os.sched_setaffinity(0, before)


def test_hal_device_queries():
    assert hal.is_initialized("CPU") and not hal.is_initialized("GPU")
    assert hal.get_device_name(0) == "CPU" and hal.get_device_name(0, "CPU") == "CPU"
    assert hal.get_device_properties(0) is None and hal.get_device_capability(0) is None
    assert hal.get_arch_list() is None and hal.synchronize() is None
    assert hal.Stream is runtime.Stream and hal.current_stream() == runtime.default_stream()
    with pytest.raises(ValueError):
        hal.get_device_name(1)
    with pytest.raises(TypeError):
        hal.get_device_name("0")
    with pytest.raises(ValueError):
        hal.get_device_name(0, "GPU")

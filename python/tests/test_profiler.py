"""``mindspore.Profiler`` and ``mindspore.profiler``: the engine's per-op timings (eager ops,
compiled graphs' steps and fused groups), MindSpore 2.10's CPU profile files and their columns,
schedules and steps, ``mstx`` marks, metadata, and MindSpore's error classes."""
import csv
import json
import os

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import ops
from mindspore.profiler import ProfilerAction, mstx, profile, schedule, tensorboard_trace_handler


def _run_dir(out):
    runs = [d for d in os.listdir(out) if d.endswith("_ascend_ms")]
    assert len(runs) == 1, runs
    return os.path.join(out, runs[0])


def test_ops_are_timed_and_written_as_mindspore_writes_them(tmp_path):
    prof = ms.Profiler(output_path=str(tmp_path), record_shapes=True)
    x = ms.Tensor(np.ones((32, 32), np.float32))
    for _ in range(3):
        y = ops.relu(ops.matmul(x, x) + 1)
    mstx.mark("after the loop")
    rid = mstx.range_start("a range")
    y.sum()
    mstx.range_end(rid)
    prof.add_metadata("model", "mlp")
    prof.add_metadata_json("config", '{"lr": 0.1}')
    prof.stop()
    y = ops.matmul(x, x)  # after stop: not counted
    prof.analyse()
    stats = prof.op_stats()
    assert stats["MatMul"]["count"] == 3 and stats["ReLU"]["count"] == 3
    assert 0 < stats["MatMul"]["min_ns"] <= stats["MatMul"]["max_ns"] <= stats["MatMul"]["total_ns"]
    run = _run_dir(tmp_path)
    with open(os.path.join(run, "FRAMEWORK", "cpu_op_type_info_0.csv")) as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["op_type", "type_occurrences", "execution_frequency(per-step)",
                             "total_compute_time", "avg_time(ms)", "percent"]
    by_type = {r["op_type"]: r for r in rows}
    assert by_type["MatMul"]["type_occurrences"] == "3"
    assert abs(sum(float(r["percent"]) for r in rows) - 1.0) < 1e-4
    with open(os.path.join(run, "FRAMEWORK", "cpu_op_detail_info_0.csv")) as f:
        detail = list(csv.DictReader(f))
    assert {r["op_side"] for r in detail} == {"Host"} and detail[0]["subgraph"] == "Default"
    with open(os.path.join(run, "FRAMEWORK", "cpu_op_execute_timestamp_0.txt")) as f:
        lines = {ln.split(";")[0]: ln.strip().split(";")[2].split(" ") for ln in f}
    assert len(lines["MatMul"]) == 3
    with open(os.path.join(run, "ASCEND_PROFILER_OUTPUT", "trace_view.json")) as f:
        trace = json.load(f)
    ops_x = [e for e in trace if e["ph"] == "X" and e["pid"] == 2]
    matmuls = [e for e in ops_x if e["name"] == "MatMul"]
    assert len(matmuls) == 3 and matmuls[0]["args"]["Input Shapes"] == "32,32;32,32"
    assert float(matmuls[1]["ts"]) >= float(matmuls[0]["ts"]) + float(matmuls[0]["dur"])
    names = {e["name"] for e in trace if e.get("cat") == "mstx"}
    assert names == {"after the loop", "a range"}
    with open(os.path.join(run, "profiler_metadata.json")) as f:
        meta = json.load(f)
    assert meta["model"] == "mlp" and meta["config"] == {"lr": 0.1}


def test_compiled_graphs_are_profiled_too(tmp_path):
    f = ms.jit(lambda a: (ops.exp(a) * 2 + 1).sum())
    x = ms.Tensor(np.ones((16,), np.float32))
    f(x)
    prof = ms.Profiler(output_path=str(tmp_path))
    f(x)
    stats = prof.op_stats()
    assert sum(s["count"] for s in stats.values()) >= 1


def test_start_profile_false_and_start_stop_cycles(tmp_path):
    prof = ms.Profiler(output_path=str(tmp_path), start_profile=False)
    x = ms.Tensor(np.ones(4, np.float32))
    ops.exp(x)
    prof.start()
    ops.exp(x)
    prof.stop()
    ops.exp(x)
    prof.start()
    ops.exp(x)
    assert prof.op_stats()["Exp"]["count"] == 2
    assert json.loads(prof.op_analyse("Exp"))["Exp"]["count"] == 2


def test_schedules_and_steps(tmp_path):
    s = schedule(wait=1, warmup=1, active=2, repeat=1, skip_first=1)
    assert [s(i) for i in range(6)] == [ProfilerAction.NONE, ProfilerAction.NONE, ProfilerAction.WARM_UP,
                                        ProfilerAction.RECORD, ProfilerAction.RECORD_AND_SAVE,
                                        ProfilerAction.NONE]
    x = ms.Tensor(np.ones(4, np.float32))
    seen = []
    with profile(schedule=schedule(wait=1, active=2), on_trace_ready=lambda p: seen.append(p.op_stats())) as p:
        for step in range(6):
            for _ in range(step + 1):
                ops.exp(x)
            p.step()
    # cycles of 3 steps: steps 1-2 and 4-5 recorded (2+3 and 5+6 evaluations of Exp).
    assert [d["Exp"]["count"] for d in seen] == [5, 11]
    out = tmp_path / "tb"
    with profile(schedule=schedule(wait=0, active=1), on_trace_ready=tensorboard_trace_handler(str(out))) as p:
        ops.exp(x)
        p.step()
    assert len(os.listdir(out)) == 1


def test_bad_arguments():
    with pytest.raises(ValueError):
        ms.Profiler(not_an_option=1)
    with pytest.raises(TypeError):
        ms.Profiler(output_path=3)
    with pytest.raises(TypeError):
        ms.Profiler(start_profile="yes")
    with pytest.raises(ValueError):
        schedule(wait=0, active=0)
    with pytest.raises(TypeError):
        schedule(wait=0.5, active=1)
    with pytest.raises(ValueError):
        mstx.range_end(10 ** 9)
    with pytest.raises(TypeError):
        mstx.mark(3)
    with pytest.raises(ValueError):
        ms.Profiler.offline_analyse("/nonexistent/dir")
    prof = ms.Profiler(start_profile=False)
    with pytest.raises(ValueError):
        prof.add_metadata_json("k", "{not json")

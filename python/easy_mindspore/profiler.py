"""``mindspore.profiler`` and ``mindspore.Profiler``: per-op timings of the engine (its op
profiler, ``easy_mindspore::profile``: every primitive evaluated eagerly or as a step of a
compiled graph, a fused elementwise group as one ``FusedElementwise`` op) written as MindSpore
2.10's CPU profiler writes them, under ``output_path/<host>_<pid>_<timestamp>_ascend_ms/``:

- ``ASCEND_PROFILER_OUTPUT/trace_view.json``: the timeline (Chrome trace format: open it in
  ``chrome://tracing`` or Perfetto), one ``X`` event per op with its start and duration in µs,
  ``mstx`` marks and ranges beside;
- ``FRAMEWORK/cpu_op_type_info_<rank>.csv``: per op type the count, total time (ms), mean time
  (ms) and share of the total; ``FRAMEWORK/cpu_op_detail_info_<rank>.csv`` the same per op;
  ``FRAMEWORK/cpu_op_execute_timestamp_<rank>.txt`` every evaluation's start (ns) and duration
  (ms);
- ``profiler_metadata.json``: what ``add_metadata``/``add_metadata_json`` added.

The op names are the engine's primitives (``MatMul``, ``Add``, ``ReduceSum``...), where
MindSpore's are its kernels' (``AddExt``...). Times are wall-clock times of each evaluation on
the calling thread. The timeline keeps the first million evaluations of a session (the totals
keep them all). Accelerator options (``profiler_level``, ``aic_metrics``, ``l2_cache``,
``hbm_ddr``, ``pcie``...) are accepted and have nothing to measure here."""
import enum
import json
import os
import socket
import time

from . import _C
from ._errors import ComputeError, DTypeError, ShapeError

__all__ = ["Profiler", "profile", "schedule", "tensorboard_trace_handler", "ProfilerLevel",
           "ProfilerActivity", "ExportType", "AicoreMetrics", "HostSystem", "mstx"]


class ProfilerLevel(enum.Enum):
    """How much an accelerator profile collects (every level times every op here)."""
    LevelNone = "LevelNone"
    Level0 = "Level0"
    Level1 = "Level1"
    Level2 = "Level2"


class ProfilerActivity(enum.Enum):
    """The devices profiled: the CPU's ops are."""
    NPU = "NPU"
    GPU = "GPU"
    CPU = "CPU"


class ExportType(enum.Enum):
    """The output formats: text files (``Db`` is accepted and writes text too)."""
    Db = "db"
    Text = "text"


class AicoreMetrics(enum.Enum):
    """Ascend AI Core counters (nothing to count on the CPU)."""
    PipeUtilization = "PipeUtilization"
    ArithmeticUtilization = "ArithmeticUtilization"
    Memory = "Memory"
    MemoryL0 = "MemoryL0"
    MemoryUB = "MemoryUB"
    ResourceConflictRatio = "ResourceConflictRatio"
    L2Cache = "L2Cache"
    MemoryAccess = "MemoryAccess"
    AiCoreNone = "None"


class HostSystem(enum.Enum):
    """Host resources an Ascend profile can sample (not sampled here)."""
    CPU = "cpu"
    MEM = "mem"
    DISK = "disk"
    NETWORK = "network"
    OSRT = "osrt"


class ProfilerAction(enum.Enum):
    """What a :class:`schedule` asks of a step."""
    NONE = 0
    WARM_UP = 1
    RECORD = 2
    RECORD_AND_SAVE = 3


class schedule:  # noqa: N801 - MindSpore's name
    """Which steps are recorded: after `skip_first` steps, cycles of `wait` idle steps, `warmup`
    steps and `active` recorded steps (the last one saves), `repeat` times (0: forever).

    Args:
        wait (int): Idle steps of a cycle.
        active (int): Recorded steps of a cycle (at least 1).
        warmup (int, optional): Warm-up steps of a cycle. Default: ``0``.
        repeat (int, optional): Cycles; 0 for no limit. Default: ``0``.
        skip_first (int, optional): Steps skipped before the first cycle. Default: ``0``.

    Outputs:
        A callable from a step number to its ``ProfilerAction``.

    Examples:
        >>> from mindspore.profiler import schedule
        >>> s = schedule(wait=1, warmup=1, active=2, repeat=1)
        >>> print([s(i).name for i in range(5)])
        ['NONE', 'WARM_UP', 'RECORD', 'RECORD_AND_SAVE', 'NONE']
    """

    def __init__(self, *, wait, active, warmup=0, repeat=0, skip_first=0):
        for name, v in (("wait", wait), ("active", active), ("warmup", warmup), ("repeat", repeat),
                        ("skip_first", skip_first)):
            if isinstance(v, bool) or not isinstance(v, int):
                raise DTypeError(f"For 'schedule', '{name}' must be an int, but got {type(v).__name__}.")
            if v < 0:
                raise ShapeError(f"For 'schedule', '{name}' must be non-negative, but got {v}.")
        if active < 1:
            raise ShapeError(f"For 'schedule', 'active' must be at least 1, but got {active}.")
        self.wait, self.active, self.warmup = wait, active, warmup
        self.repeat, self.skip_first = repeat, skip_first

    def __call__(self, step):
        if step < 0:
            raise ShapeError("Invalid parameter step, which must be not less than 0.")
        if step < self.skip_first:
            return ProfilerAction.NONE
        step -= self.skip_first
        cycle = self.wait + self.warmup + self.active
        if 0 < self.repeat <= step / cycle:
            return ProfilerAction.NONE
        k = step % cycle
        if k < self.wait:
            return ProfilerAction.NONE
        if k < self.wait + self.warmup:
            return ProfilerAction.WARM_UP
        return ProfilerAction.RECORD if k < cycle - 1 else ProfilerAction.RECORD_AND_SAVE


def tensorboard_trace_handler(dir_name=None, worker_name=None, analyse_flag=True, async_mode=False):
    """The ``on_trace_ready`` callback that writes a profile's files under `dir_name`.

    Args:
        dir_name (str, optional): The directory. Default: ``None``, ``'./data'``.
        worker_name (str, optional): The name of this process's output directory's prefix.
            Default: ``None``, ``'<host>_<pid>'``.
        analyse_flag (bool, optional): Whether the files are written when the trace is ready.
            Default: ``True``.
        async_mode (bool, optional): Accepted (the files are written at once). Default: ``False``.

    Returns:
        A callable taking the profiler.

    Examples:
        >>> import tempfile
        >>> from mindspore.profiler import tensorboard_trace_handler
        >>> handler = tensorboard_trace_handler(tempfile.mkdtemp())
        >>> print(callable(handler))
        True
    """
    dir_name = "./data" if dir_name is None else dir_name
    if not isinstance(dir_name, str):
        raise DTypeError(f"For 'tensorboard_trace_handler', 'dir_name' must be a str, but got "
                         f"{type(dir_name).__name__}.")

    def handler(prof):
        prof._output_path, prof._worker_name = dir_name, worker_name
        if analyse_flag:
            prof.analyse()
    return handler


class _Mstx:
    """``mstx``: marks and ranges of the user's own in the timeline."""

    def __init__(self):
        self._events, self._open, self._next = [], {}, 1

    def mark(self, message, stream=None, domain="default"):
        """Puts a named instant on the timeline."""
        self._check(message, domain)
        self._events.append(("i", message, time.time_ns(), 0, domain))

    def range_start(self, message, stream=None, domain="default"):
        """Starts a named range of the timeline; returns its id for :meth:`range_end`."""
        self._check(message, domain)
        rid, self._next = self._next, self._next + 1
        self._open[rid] = (message, time.time_ns(), domain)
        return rid

    def range_end(self, range_id, domain="default"):
        """Ends the range `range_id` began."""
        if range_id not in self._open:
            raise ShapeError(f"For 'mstx.range_end', no range has the id {range_id!r}.")
        message, start, dom = self._open.pop(range_id)
        self._events.append(("X", message, start, time.time_ns() - start, dom))

    @staticmethod
    def _check(message, domain):
        if not isinstance(message, str) or not isinstance(domain, str):
            raise DTypeError("For 'mstx', 'message' and 'domain' must be str.")

    def _take(self):
        events, self._events = self._events, []
        return events


mstx = _Mstx()

_KNOWN = {"output_path", "profiler_level", "activities", "schedule", "on_trace_ready", "with_stack",
          "profile_memory", "data_process", "parallel_strategy", "start_profile", "hbm_ddr", "pcie",
          "sync_enable", "data_simplification", "l2_cache", "mstx", "export_type", "record_shapes",
          "aic_metrics", "experimental_config", "op_time", "timeline_limit", "host_stack",
          "mstx_domain_include", "mstx_domain_exclude", "sys_io", "sys_interconnection", "host_sys"}


class Profiler:
    """Times every op the engine runs while it is on (from construction, unless
    ``start_profile=False``) and writes MindSpore's CPU profile files at :meth:`analyse` (see
    the module note for the files).

    Args:
        kwargs (dict): MindSpore's options: ``output_path`` (str, ``'./data'``),
            ``start_profile`` (bool, ``True``), ``record_shapes`` (bool: the inputs' shapes in
            the timeline), ``schedule`` and ``on_trace_ready`` (with :meth:`step`), and the
            accelerator options, accepted.

    Outputs:
        The profiler.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> out = tempfile.mkdtemp()
        >>> prof = ms.Profiler(output_path=out)
        >>> x = ms.Tensor(np.ones((8, 8), np.float32))
        >>> y = ms.ops.matmul(x, x) + 1
        >>> prof.stop()
        >>> prof.analyse()
        >>> run = os.listdir(out)[0]
        >>> print(sorted(os.listdir(os.path.join(out, run))))
        ['ASCEND_PROFILER_OUTPUT', 'FRAMEWORK', 'profiler_metadata.json']
        >>> print(prof.op_stats()["MatMul"]["count"])
        1
    """

    def __init__(self, **kwargs):
        unknown = set(kwargs) - _KNOWN
        if unknown:
            raise ShapeError(f"For 'Profiler', unknown options {sorted(unknown)}.")
        self._output_path = kwargs.get("output_path", "./data")
        if not isinstance(self._output_path, str):
            raise DTypeError(f"For 'Profiler', 'output_path' must be a str, but got "
                             f"{type(self._output_path).__name__}.")
        self._worker_name = None
        self._shapes = bool(kwargs.get("record_shapes", False))
        self._schedule = kwargs.get("schedule")
        self._on_ready = kwargs.get("on_trace_ready")
        for name, v in (("schedule", self._schedule), ("on_trace_ready", self._on_ready)):
            if v is not None and not callable(v):
                raise DTypeError(f"For 'Profiler', '{name}' must be callable, but got {type(v).__name__}.")
        start = kwargs.get("start_profile", True)
        if not isinstance(start, bool):
            raise DTypeError(f"For 'Profiler', 'start_profile' must be a bool, but got {type(start).__name__}.")
        self._stats, self._events, self._dropped = {}, [], 0
        self._marks, self._metadata, self._step, self._running = [], {}, 0, False
        if start and (self._schedule is None or self._schedule(0) in (ProfilerAction.RECORD,
                                                                      ProfilerAction.RECORD_AND_SAVE)):
            self.start()

    # ---- collecting ----------------------------------------------------------------------------

    def start(self):
        """Starts timing ops (the profile gathered so far is kept)."""
        if not self._running:
            _C.profiler_start(self._shapes)
            self._running = True

    def stop(self):
        """Stops timing ops and keeps what was gathered."""
        if self._running:
            _C.profiler_stop()
            self._running = False
            self._harvest()

    def _harvest(self):
        stats, events, dropped = _C.profiler_take()
        for name, count, total, lo, hi in stats:
            s = self._stats.setdefault(name, {"count": 0, "total_ns": 0, "min_ns": lo, "max_ns": hi})
            s["count"] += count
            s["total_ns"] += total
            s["min_ns"], s["max_ns"] = min(s["min_ns"], lo), max(s["max_ns"], hi)
        self._events += [(*e, self._step) for e in events]
        self._dropped += dropped
        self._marks += mstx._take()

    def step(self):
        """Marks the end of a training step: with a ``schedule``, starts, stops and saves as it
        says (``on_trace_ready`` is called when a cycle's last recorded step ends)."""
        action = self._schedule(self._step) if self._schedule else None
        self._step += 1
        if self._schedule is None:
            return
        after = self._schedule(self._step)
        recording = (ProfilerAction.RECORD, ProfilerAction.RECORD_AND_SAVE)
        if action == ProfilerAction.RECORD_AND_SAVE:
            self.stop()
            if self._on_ready is not None:
                self._on_ready(self)
            self._stats, self._events, self._marks = {}, [], []
        if after in recording:
            self.start()
        elif self._running:
            self.stop()

    def add_metadata(self, key, value):
        """Adds ``key: value`` (strings) to ``profiler_metadata.json``."""
        if not isinstance(key, str) or not isinstance(value, str):
            raise DTypeError("For 'add_metadata', 'key' and 'value' must be str.")
        self._metadata[key] = value

    def add_metadata_json(self, key, value):
        """Adds ``key`` with the JSON text `value` (parsed) to ``profiler_metadata.json``."""
        if not isinstance(key, str) or not isinstance(value, str):
            raise DTypeError("For 'add_metadata_json', 'key' and 'value' must be str.")
        try:
            self._metadata[key] = json.loads(value)
        except ValueError as e:
            raise ShapeError(f"For 'add_metadata_json', 'value' is not JSON: {e}") from None

    def op_stats(self):
        """What was gathered per op: ``{name: {'count', 'total_ns', 'min_ns', 'max_ns'}}``
        (stops the profiler first if it is running)."""
        self.stop()
        return {k: dict(v) for k, v in self._stats.items()}

    def op_analyse(self, op_name, device_id=None):
        """The totals of the op(s) `op_name` (a name or a list) as JSON text:
        ``{name: {'count', 'total_time(ms)', 'avg_time(ms)'}}``."""
        names = [op_name] if isinstance(op_name, str) else op_name
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise DTypeError("For 'op_analyse', 'op_name' must be a str or a list of str.")
        stats = self.op_stats()
        out = {n: {"count": stats[n]["count"], "total_time(ms)": stats[n]["total_ns"] / 1e6,
                   "avg_time(ms)": stats[n]["total_ns"] / 1e6 / stats[n]["count"]}
               for n in names if n in stats}
        return json.dumps(out)

    # ---- writing -------------------------------------------------------------------------------

    def analyse(self, offline_path=None, pretty=False, step_list=None, mode="sync"):
        """Stops the profiler and writes the profile's files (see the module note)."""
        self.stop()
        stamp = time.strftime("%Y%m%d%H%M%S") + f"{int(time.time() * 1000) % 1000:03d}"
        worker = self._worker_name or f"{socket.gethostname()}_{os.getpid()}"
        root = os.path.join(offline_path or self._output_path, f"{worker}_{stamp}_ascend_ms")
        n = 0
        while os.path.exists(root):  # two analyses within a millisecond
            n += 1
            root = os.path.join(offline_path or self._output_path, f"{worker}_{stamp}{n}_ascend_ms")
        os.makedirs(os.path.join(root, "FRAMEWORK"), exist_ok=True)
        os.makedirs(os.path.join(root, "ASCEND_PROFILER_OUTPUT"), exist_ok=True)
        rank = _rank()
        indent = 4 if pretty else None
        with open(os.path.join(root, "ASCEND_PROFILER_OUTPUT", "trace_view.json"), "w") as f:
            json.dump(self._trace(step_list), f, indent=indent)
        self._write_tables(os.path.join(root, "FRAMEWORK"), rank)
        with open(os.path.join(root, "profiler_metadata.json"), "w") as f:
            json.dump(dict(self._metadata, dropped_trace_events=self._dropped), f, indent=indent)

    def _trace(self, step_list):
        pid = 2
        out = [{"ph": "M", "name": "process_name", "pid": pid, "tid": 0, "args": {"name": "CPU OP"}},
               {"ph": "M", "name": "process_sort_index", "pid": pid, "tid": 0, "args": {"sort_index": 2}},
               {"ph": "M", "name": "process_labels", "pid": pid, "tid": 0, "args": {"labels": "CPU"}}]
        for tid in sorted({e[3] for e in self._events}):
            out += [{"ph": "M", "name": "thread_name", "pid": pid, "tid": tid, "args": {"name": f"Thread {tid}"}},
                    {"ph": "M", "name": "thread_sort_index", "pid": pid, "tid": tid, "args": {"sort_index": tid}}]
        for name, start, dur, tid, shapes, step in self._events:
            if step_list is not None and step not in step_list:
                continue
            args = {"type": "HostCpuOps", "Step Id": step}
            if shapes is not None:
                args["Input Shapes"] = shapes
            out.append({"ph": "X", "name": name, "pid": pid, "tid": tid, "ts": _us(start),
                        "dur": _us(dur), "cat": "", "args": args})
        for ph, message, start, dur, domain in self._marks:
            event = {"ph": ph, "name": message, "pid": 1, "tid": 0, "ts": _us(start),
                     "cat": "mstx", "args": {"domain": domain}}
            if ph == "X":
                event["dur"] = _us(dur)
            else:
                event["s"] = "p"
            out.append(event)
        return out

    def _write_tables(self, folder, rank):
        total = sum(s["total_ns"] for s in self._stats.values()) or 1
        steps = max(self._step, 1)
        rows = sorted(self._stats.items(), key=lambda kv: -kv[1]["total_ns"])
        def table(name, header, row):
            with open(os.path.join(folder, f"{name}_{rank}.csv"), "w") as f:
                f.write(header + "\n")
                for op, s in rows:
                    ms, share = s["total_ns"] / 1e6, s["total_ns"] / total
                    f.write(row(op, s["count"], ms, ms / s["count"], share) + "\n")

        table("cpu_op_type_info", "op_type,type_occurrences,execution_frequency(per-step),"
              "total_compute_time,avg_time(ms),percent",
              lambda op, n, ms, avg, share: f"{op},{n},{n // steps or 1},{ms:g},{avg:g},{share:g}")
        table("cpu_op_detail_info", "op_side,op_type,op_name,full_op_name,op_occurrences,"
              "op_total_time(ms),op_avg_time(ms),total_proportion,subgraph,pid",
              lambda op, n, ms, avg, share: f"Host,{op},{op},{op},{n},{ms:g},{avg:g},{share:g},Default,"
                                            f"{os.getpid()}")
        by_op = {}
        for name, start, dur, _tid, _shapes, _step in self._events:
            by_op.setdefault(name, []).append(f"{start},{dur / 1e6:g},0")
        with open(os.path.join(folder, f"cpu_op_execute_timestamp_{rank}.txt"), "w") as f:
            for name, stamps in by_op.items():
                f.write(f"{name};HostCpuOps;{' '.join(stamps)}\n")

    @staticmethod
    def offline_analyse(path, pretty=False, step_list=None, data_simplification=True):
        """Offline analysis of a profile directory: the files are written when the profile is
        analysed, so there is nothing left to do; checks that `path` holds a profile."""
        if not isinstance(path, str) or not os.path.isdir(path):
            raise ShapeError(f"For 'offline_analyse', {path!r} is not a profile directory.")
        if not any(d.endswith("_ascend_ms") for d in os.listdir(path)) and not path.endswith("_ascend_ms"):
            raise ComputeError(f"For 'offline_analyse', {path!r} holds no profile (no *_ascend_ms "
                               f"directory).")

    def __enter__(self):
        if self._schedule is None or self._schedule(self._step) in (ProfilerAction.RECORD,
                                                                    ProfilerAction.RECORD_AND_SAVE):
            self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        if self._schedule is None and self._on_ready is not None:
            self._on_ready(self)
        return False

    def __del__(self):
        if getattr(self, "_running", False):
            try:
                _C.profiler_stop()
            except Exception:  # noqa: BLE001 - interpreter shutdown: the module may be gone
                pass


def _us(ns):
    """Nanoseconds as microseconds with three decimals, exactly (as MindSpore writes them)."""
    return f"{ns // 1000}.{ns % 1000:03d}"


def _rank():
    try:
        return _C.comm_rank("hccl_world_group") if _C.comm_is_initialized() else 0
    except (RuntimeError, ValueError):
        return 0


class profile(Profiler):  # noqa: N801 - MindSpore's name
    """MindSpore 2.5+'s profiler: :class:`Profiler` with explicit arguments, usually driven by a
    :class:`schedule` and :meth:`step`, its files written by ``on_trace_ready``
    (:func:`tensorboard_trace_handler`).

    Args:
        activities (list[ProfilerActivity], optional): Accepted. Default: ``None``.
        with_stack (bool, optional): Accepted. Default: ``False``.
        profile_memory (bool, optional): Accepted. Default: ``False``.
        data_process (bool, optional): Accepted. Default: ``False``.
        parallel_strategy (bool, optional): Accepted. Default: ``False``.
        start_profile (bool, optional): Whether it starts at once. Default: ``True``.
        hbm_ddr (bool, optional): Accepted. Default: ``False``.
        pcie (bool, optional): Accepted. Default: ``False``.
        sync_enable (bool, optional): Accepted (ops are synchronous). Default: ``True``.
        record_shapes (bool, optional): The inputs' shapes in the timeline. Default: ``False``.
        schedule (schedule, optional): Which steps are recorded. Default: ``None``, all.
        on_trace_ready (callable, optional): Called with the profiler when a recording ends.
            Default: ``None``.
        experimental_config (object, optional): Accepted. Default: ``None``.

    Outputs:
        The profiler (a context manager).

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.profiler import profile, schedule, tensorboard_trace_handler
        >>> out = tempfile.mkdtemp()
        >>> x = ms.Tensor(np.ones((4, 4), np.float32))
        >>> with profile(schedule=schedule(wait=0, active=1), on_trace_ready=tensorboard_trace_handler(out)) as p:
        ...     for _ in range(2):
        ...         y = ms.ops.relu(x)
        ...         p.step()
        >>> print(len(os.listdir(out)) >= 1)
        True
    """

    def __init__(self, activities=None, with_stack=False, profile_memory=False, data_process=False,
                 parallel_strategy=False, start_profile=True, hbm_ddr=False, pcie=False,
                 sync_enable=True, record_shapes=False, schedule=None, on_trace_ready=None,
                 experimental_config=None):
        super().__init__(start_profile=start_profile, record_shapes=record_shapes, schedule=schedule,
                         on_trace_ready=on_trace_ready)

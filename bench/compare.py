"""The six workloads of the CPU-speed plan in easy_mindspore and its peers, in one run (not a test).

W1  ``GradOperation(get_all=True)`` gradient of ``2 * dot(x, x)``, x = arange(4.0)   (= 4x)
W2  gradient of the seed chapter's control-flow ``f`` at a = 0.37 (float32)          (= 4096)
W3  gradient of ``sum(x * x)``, n = 10,000,000 float32                              (= 2x)
W4  matmul of two 1024 x 1024 float32 matrices (forward only; reported in GFLOP/s)
W5  one SGD step of an MLP 784-256-256-10 (ReLU), batch 256, softmax cross-entropy: the loss,
    its gradients with respect to the six weight and bias tensors, and ``w - lr * g`` (lr 0.1)
W6  Hessian-vector product of ``sum(tanh x)``, n = 1,000,000, forward over reverse (jvp of grad)

and the training steps written with layers, a loss cell and an optimizer (``bench/nn_workloads.py``:
W5ms, W5 the way a MindSpore user writes it; W7 D2L's LeNet; W8/W8g D2L's char-level LSTM/GRU
language model with gradient clipping; W9 a Transformer encoder layer), in easy_mindspore (eager and
``ms.jit``) and PyTorch (eager), from the same weights.

Libraries: easy_mindspore (eager, and with ``ems.jit`` on every workload — W2's control flow
included), and in the same run PyTorch (eager), JAX (without ``jit``, and with
``jit`` where it applies: every workload but W2, whose Python control flow reads values) and NumPy
(hand-written gradients, a floor that no autodiff pays for) when they can be imported; the others
are skipped. Every library gets the same inputs (the same NumPy arrays, float32). Each workload is
first checked against an exact or hand-computed result (W5 and W5ms against a float64 NumPy step
that is itself checked by finite differences; W7-W9 against the same PyTorch step in float64),
then timed: ``--samples`` samples of enough calls to last ``--sample-ms``, the libraries' samples
interleaved (one sample of each library in turn, the order rotating), so that a slow spell of this
shared machine hits every library of a workload alike; the table gives the per-call median and the
min-max over samples, and ratios to the best autodiff peer. Memory is measured afterwards in fresh subprocesses (clean peaks): the
peak RSS of W3 over its 40 MB input, and the RSS growth over 100,000 W1 calls.

    python bench/compare.py                  # whatever is importable here
    python bench/compare.py --only W7,W8     # some workloads
    python bench/compare.py --single-thread  # one thread each, CPU time: on a busy machine
    python bench/compare.py --install-peers  # pip-installs torch (CPU), jax[cpu], numpy and this
                                             # repository's wheel into bench/.venv-peers, then
                                             # re-runs itself there

Time a release build of easy_mindspore (``maturin develop --release``, or ``--install-peers``,
which builds a release wheel): a debug build is several times slower.
"""
import argparse
import gc
import json
import os
import pathlib
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

import nn_workloads

REPO = pathlib.Path(__file__).resolve().parent.parent
PEERS_VENV = REPO / "bench" / ".venv-peers"
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
TORCH_THREADS = 2
#: The clock samples are read from: wall time, or with ``--single-thread`` the process's CPU time
#: (every library on one thread), which a busy shared machine disturbs far less.
CLOCK = {"clock": time.perf_counter}

A = 0.37                      # W2's input
N3, N4, N6 = 10_000_000, 1024, 1_000_000
MLP_SIZES, BATCH, LR = (784, 256, 256, 10), 256, 0.1
W4_FLOP = 2 * N4 ** 3


class Workload:
    """What a workload is, how it is reported, and how close to the reference a result must be
    (max |got - ref| / max |ref| over every output array; 0 means bit-exact)."""

    def __init__(self, title, unit, target, tolerance, ahead=False):
        self.title, self.unit, self.target, self.tolerance = title, unit, target, tolerance
        self.ahead = ahead  # issue 19: easy_mindspore must also be faster than torch

    def display(self, seconds):
        """Per-call seconds in this workload's unit."""
        if self.unit == "GFLOP/s":
            return W4_FLOP / seconds / 1e9
        return seconds * (1e6 if self.unit == "µs" else 1e3)

    def target_text(self, value, target=None):
        target = self.target if target is None else target
        if target is None:
            return ""
        if self.unit == "GFLOP/s":
            return f"≥ {target:g}: {'met' if value >= target else 'unmet'}"
        return f"≤ {target:g}: {'met' if value <= target else 'unmet'}"


WORKLOADS = {
    "W1": Workload("W1 grad 2·dot(x,x), n=4", "µs", 5.0, 0.0),
    "W2": Workload("W2 grad control-flow f", "µs", 20.0, 0.0),
    "W3": Workload("W3 grad sum(x·x), n=1e7", "ms", 10.0, 0.0),
    "W4": Workload("W4 matmul 1024²", "GFLOP/s", 190.0, 1e-4),
    "W5": Workload("W5 MLP grads + SGD step", "ms", 2.0, 1e-4),
    "W6": Workload("W6 HVP sum(tanh x), n=1e6", "ms", 2.0, 1e-5),
    "W5ms": Workload("W5ms MLP step, nn.Dense + loss cell + nn.SGD", "ms", 2.0, 1e-4, ahead=True),
    "W7": Workload("W7 LeNet step, batch 64", "ms", 4.0, 1e-4, ahead=True),
    "W8": Workload("W8 LSTM char-LM step, clipped", "ms", None, 1e-4, ahead=True),
    "W8g": Workload("W8g GRU char-LM step, clipped", "ms", None, 1e-4, ahead=True),
    "W9": Workload("W9 Transformer encoder layer step", "ms", None, 1e-4, ahead=True),
}


#: Issue 7's targets for easy_mindspore under ``jit`` (the others keep the eager targets).
JIT_TARGETS = {"W1": 3.0, "W3": 4.5, "W5": 1.8, "W6": 0.5, "W5ms": 1.8}


# --- the shared inputs and the reference results ----------------------------------------------

class Data:
    """Every library's inputs, as float32 NumPy arrays drawn once from a seeded generator."""

    def __init__(self, n3=N3):
        import numpy as np

        rng = np.random.default_rng(0)
        f32 = np.float32
        self.w3_x = rng.standard_normal(n3, dtype=f32)
        self.w4_a = rng.standard_normal((N4, N4), dtype=f32)
        self.w4_b = rng.standard_normal((N4, N4), dtype=f32)
        self.w5_x = rng.standard_normal((BATCH, MLP_SIZES[0]), dtype=f32)
        labels = rng.integers(0, MLP_SIZES[-1], BATCH)
        self.w5_y = np.eye(MLP_SIZES[-1], dtype=f32)[labels]          # one-hot targets
        self.w5_params = []                                             # w1, b1, w2, b2, w3, b3
        for fan_in, fan_out in zip(MLP_SIZES, MLP_SIZES[1:]):
            self.w5_params.append((rng.standard_normal((fan_in, fan_out)) * (2 / fan_in) ** 0.5).astype(f32))
            self.w5_params.append((rng.standard_normal(fan_out) * 0.01).astype(f32))
        self.w6_x = rng.standard_normal(N6, dtype=f32)
        self.w6_v = rng.standard_normal(N6, dtype=f32)
        self.nn = nn_workloads.NnData(self)


def mlp_step_numpy(x, y, params, lr):
    """W5 by hand: forward, backprop and the SGD update, in the arrays' dtype.
    Returns [loss, 6 gradients, 6 updated parameters]."""
    import numpy as np

    w1, b1, w2, b2, w3, b3 = params
    z1 = x @ w1 + b1
    h1 = np.maximum(z1, 0)
    z2 = h1 @ w2 + b2
    h2 = np.maximum(z2, 0)
    z3 = h2 @ w3 + b3
    m = z3.max(axis=1, keepdims=True)
    e = np.exp(z3 - m)
    s = e.sum(axis=1, keepdims=True)
    loss = -(y * (z3 - m - np.log(s))).sum() / len(x)
    # d loss / d z3 = (softmax - y) / batch, as every row of y sums to 1
    dz3 = (e / s - y) / len(x)
    dz2 = (dz3 @ w3.T) * (z2 > 0)
    dz1 = (dz2 @ w2.T) * (z1 > 0)
    grads = [x.T @ dz1, dz1.sum(0), h1.T @ dz2, dz2.sum(0), h2.T @ dz3, dz3.sum(0)]
    return [loss] + grads + [p - lr * g for p, g in zip(params, grads)]


def w5_reference(data):
    """W5's result in float64, after checking its gradients against central finite differences of
    the float64 loss on a few entries of every parameter (so the hand-written backprop is itself
    checked)."""
    import numpy as np

    x, y = data.w5_x.astype(np.float64), data.w5_y.astype(np.float64)
    params = [p.astype(np.float64) for p in data.w5_params]
    ref = mlp_step_numpy(x, y, params, LR)
    rng = np.random.default_rng(1)
    h = 1e-6
    for i, p in enumerate(params):
        for flat in rng.integers(0, p.size, 3):
            idx = np.unravel_index(flat, p.shape)
            loss_at = []
            for d in (h, -h):
                q = [a.copy() for a in params]
                q[i][idx] += d
                loss_at.append(mlp_step_numpy(x, y, q, LR)[0])
            fd = (loss_at[0] - loss_at[1]) / (2 * h)
            g = ref[1 + i][idx]
            if abs(fd - g) > 1e-6 * abs(g) + 1e-8:
                raise AssertionError(f"W5 reference: d loss/d param{i}{idx} = {g}, finite difference {fd}")
    return ref


def reference(w, data):
    """The exact or hand-computed result of workload ``w``, as float64 arrays."""
    import numpy as np

    if w == "W1":
        return [np.array([0.0, 4.0, 8.0, 12.0])]
    if w == "W2":
        return [np.array([4096.0])]
    if w == "W3":
        return [2 * data.w3_x.astype(np.float64)]         # exact in float32 too
    if w == "W4":
        return [data.w4_a.astype(np.float64) @ data.w4_b.astype(np.float64)]
    if w == "W5":
        return w5_reference(data)
    if w == "W5ms":
        return nn_workloads.w5ms_reference(w5_reference(data))
    if w in ("W7", "W8", "W8g", "W9"):
        return nn_workloads.torch_reference(w, data.nn)
    t = np.tanh(data.w6_x.astype(np.float64))               # W6: d²/dx² tanh = -2 tanh (1 - tanh²)
    return [-2 * t * (1 - t * t) * data.w6_v]


def check_error(got, ref):
    """max over the output arrays of max |got - ref| / max |ref|."""
    import numpy as np

    if len(got) != len(ref):
        return float("inf")
    err = 0.0
    for g, r in zip(got, ref):
        g = np.asarray(g, dtype=np.float64).reshape(np.shape(r))
        scale = max(float(np.abs(r).max()), 1e-30)
        err = max(err, float(np.abs(g - r).max()) / scale)
    return err


# --- the workloads, one maker per library ------------------------------------------------------
# Each maker takes the Data and returns {workload: (call, as_arrays)}; ``call()`` runs the workload
# once and returns the library's own result (timing calls it), ``as_arrays(result)`` turns that
# result into a list of NumPy arrays for the check.

def control_flow_f(norm):
    """The seed chapter's ``f``, with the library's norm."""
    def f(a):
        b = a * 2
        while norm(b) < 1000:
            b = b * 2
        if b.sum() > 0:
            c = b
        else:
            c = 100 * b
        return c
    return f


def make_easy_mindspore(data, jit=False):
    import easy_mindspore as ems
    from easy_mindspore import ops

    compile_ = ems.jit if jit else (lambda fn: fn)

    T = ems.Tensor
    arrays = lambda ts: [t.asnumpy() for t in ts]  # noqa: E731

    grad_all = ops.GradOperation(get_all=True)
    x1 = ems.arange(4.0)
    w1 = compile_(grad_all(lambda v: 2 * ems.dot(v, v)))
    a = T(A)
    w2 = compile_(grad_all(control_flow_f(ems.norm)))

    x3 = T(data.w3_x)
    w3 = compile_(ems.grad(lambda x: (x * x).sum()))

    a4, b4 = T(data.w4_a), T(data.w4_b)

    x5, y5 = T(data.w5_x), T(data.w5_y)
    params = [T(p) for p in data.w5_params]

    def loss(w1, b1, w2, b2, w3, b3):
        h = (ems.matmul(x5, w1) + b1).relu()
        h = (ems.matmul(h, w2) + b2).relu()
        logits = ems.matmul(h, w3) + b3
        return -(y5 * ops.log_softmax(logits, -1)).sum() / BATCH

    value_and_grads = ems.value_and_grad(loss, grad_position=(0, 1, 2, 3, 4, 5))

    @compile_
    def w5_step(*ps):
        value, grads = value_and_grads(*ps)
        return [value] + list(grads) + [p - LR * g for p, g in zip(ps, grads)]

    def w5():
        return w5_step(*params)

    x6, v6 = T(data.w6_x), T(data.w6_v)
    grad_tanh = ems.grad(lambda x: ops.tanh(x).sum())
    w6 = compile_(lambda x, v: ems.jvp(grad_tanh, x, v)[1])
    matmul = compile_(ems.matmul)

    return {"W1": (lambda: w1(x1), arrays),
            "W2": (lambda: w2(a), arrays),
            "W3": (lambda: w3(x3), lambda g: [g.asnumpy()]),
            "W4": (lambda: matmul(a4, b4), lambda c: [c.asnumpy()]),
            "W5": (w5, arrays),
            "W6": (lambda: w6(x6, v6), lambda t: [t.asnumpy()]),
            **nn_workloads.make_easy_mindspore_nn(data.nn, jit)}


def make_torch(data):
    import torch

    torch.set_num_threads(TORCH_THREADS)
    arrays = lambda ts: [t.detach().numpy() for t in ts]  # noqa: E731
    grad = torch.autograd.grad

    x1 = torch.arange(4.0, requires_grad=True)
    a = torch.tensor(A, dtype=torch.float32, requires_grad=True)
    f = control_flow_f(torch.linalg.norm)

    x3 = torch.from_numpy(data.w3_x).requires_grad_()
    a4, b4 = torch.from_numpy(data.w4_a), torch.from_numpy(data.w4_b)

    x5, y5 = torch.from_numpy(data.w5_x), torch.from_numpy(data.w5_y)
    params = [torch.from_numpy(p).requires_grad_() for p in data.w5_params]

    def loss(w1, b1, w2, b2, w3, b3):
        h = torch.relu(x5 @ w1 + b1)
        h = torch.relu(h @ w2 + b2)
        logits = h @ w3 + b3
        return -(y5 * torch.log_softmax(logits, -1)).sum() / BATCH

    def w5():
        value = loss(*params)
        grads = grad(value, params)
        with torch.no_grad():
            return [value] + list(grads) + [p - LR * g for p, g in zip(params, grads)]

    x6, v6 = torch.from_numpy(data.w6_x), torch.from_numpy(data.w6_v)
    grad_tanh = torch.func.grad(lambda x: torch.tanh(x).sum())

    return {"W1": (lambda: grad(2 * torch.dot(x1, x1), x1), arrays),
            "W2": (lambda: grad(f(a), a), arrays),
            "W3": (lambda: grad((x3 * x3).sum(), x3), arrays),
            "W4": (lambda: a4 @ b4, lambda c: [c.numpy()]),
            "W5": (w5, arrays),
            "W6": (lambda: torch.func.jvp(grad_tanh, (x6,), (v6,))[1], lambda t: [t.numpy()]),
            **nn_workloads.make_torch_nn(data.nn)}


def make_jax(data, jit):
    import jax
    import jax.numpy as jnp
    import numpy as np

    compile_ = jax.jit if jit else (lambda fn: fn)
    ready = jax.block_until_ready
    arrays = lambda ts: [np.asarray(t) for t in (ts if isinstance(ts, (list, tuple)) else [ts])]  # noqa: E731

    x1 = jnp.arange(4.0)
    w1 = compile_(jax.grad(lambda v: 2 * jnp.dot(v, v)))
    a = jnp.float32(A)
    w2 = jax.grad(control_flow_f(jnp.linalg.norm))

    x3 = jnp.asarray(data.w3_x)
    w3 = compile_(jax.grad(lambda x: (x * x).sum()))
    a4, b4 = jnp.asarray(data.w4_a), jnp.asarray(data.w4_b)
    w4 = compile_(jnp.matmul)

    x5, y5 = jnp.asarray(data.w5_x), jnp.asarray(data.w5_y)
    params = [jnp.asarray(p) for p in data.w5_params]

    def loss(w1, b1, w2, b2, w3, b3):
        h = jax.nn.relu(x5 @ w1 + b1)
        h = jax.nn.relu(h @ w2 + b2)
        logits = h @ w3 + b3
        return -(y5 * jax.nn.log_softmax(logits, -1)).sum() / BATCH

    value_and_grads = jax.value_and_grad(loss, argnums=(0, 1, 2, 3, 4, 5))

    @compile_
    def w5(*ps):
        value, grads = value_and_grads(*ps)
        return [value] + list(grads) + [p - LR * g for p, g in zip(ps, grads)]

    x6, v6 = jnp.asarray(data.w6_x), jnp.asarray(data.w6_v)
    grad_tanh = jax.grad(lambda x: jnp.tanh(x).sum())
    w6 = compile_(lambda x, v: jax.jvp(grad_tanh, (x,), (v,))[1])

    out = {"W1": (lambda: ready(w1(x1)), arrays)}
    if not jit:
        out["W2"] = (lambda: ready(w2(a)), arrays)
    out.update({"W3": (lambda: ready(w3(x3)), arrays),
                "W4": (lambda: ready(w4(a4, b4)), arrays),
                "W5": (lambda: ready(w5(*params)), arrays),
                "W6": (lambda: ready(w6(x6, v6)), arrays)})
    return out


def make_numpy(data):
    """Hand-written gradients: what the arithmetic costs with no autodiff at all."""
    import numpy as np

    arrays = lambda r: [np.asarray(v) for v in (r if isinstance(r, list) else [r])]  # noqa: E731
    x1 = np.arange(4.0, dtype=np.float32)

    def w1():
        _ = 2 * np.dot(x1, x1)
        return 4 * x1

    a = np.float32(A)

    def w2():
        # forward with the control flow, recording the chain rule's factor as it goes
        b, db = a * np.float32(2), np.float32(2)
        while np.linalg.norm(b) < 1000:
            b, db = b * np.float32(2), db * np.float32(2)
        if b.sum() > 0:
            return db
        return db * np.float32(100)

    x3 = data.w3_x

    def w3():
        _ = (x3 * x3).sum()
        return 2 * x3

    def w6():
        t = np.tanh(data.w6_x)
        return -2 * t * (1 - t * t) * data.w6_v

    return {"W1": (w1, arrays), "W2": (w2, arrays), "W3": (w3, arrays),
            "W4": (lambda: np.matmul(data.w4_a, data.w4_b), arrays),
            "W5": (lambda: mlp_step_numpy(data.w5_x, data.w5_y, data.w5_params, np.float32(LR)), arrays),
            "W6": (w6, arrays)}


LIBRARIES = [("easy_mindspore", make_easy_mindspore),
             ("easy_mindspore jit", lambda d: make_easy_mindspore(d, jit=True)), ("torch", make_torch),
             ("jax", lambda d: make_jax(d, jit=False)), ("jax jit", lambda d: make_jax(d, jit=True)),
             ("numpy", make_numpy)]
EAGER_PEERS = ("torch", "jax")
AUTODIFF_PEERS = ("torch", "jax", "jax jit")


# --- timing ------------------------------------------------------------------------------------

def calls_per_sample(call, sample_s):
    """Enough calls of ``call`` for one sample to last ``sample_s`` (doubling from 1)."""
    number = 1
    while True:
        t0 = CLOCK["clock"]()
        for _ in range(number):
            call()
        if CLOCK["clock"]() - t0 >= sample_s or number >= 1 << 20:
            return number
        number *= 2


def interleaved_times(calls, samples, sample_s):
    """{library: per-call seconds of each sample} for the ``calls`` ({library: call}) of one
    workload: sample ``i`` of every library is taken before sample ``i + 1`` of any, the
    libraries' order rotating by one each round (gc off, as timeit does)."""
    numbers = {name: calls_per_sample(call, sample_s) for name, call in calls.items()}
    names = list(calls)
    out = {name: [] for name in names}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for i in range(samples):
            k = i % len(names)
            for name in names[k:] + names[:k]:
                call, number = calls[name], numbers[name]
                t0 = CLOCK["clock"]()
                for _ in range(number):
                    call()
                out[name].append((CLOCK["clock"]() - t0) / number)
    finally:
        if enabled:
            gc.enable()
    return out


def measure(data, samples, sample_s, only=None):
    """({workload: {library: per-call seconds}}, {workload: {library: check error}}, problems,
    loads). Libraries that cannot be imported are skipped; a workload that fails or whose result
    is off its reference is reported and not timed. Every library is made first; each workload is
    then checked in every library and timed with the libraries' samples interleaved. ``loads``
    holds the 1-minute load average before each workload's timing."""
    chosen = [w for w in WORKLOADS if only is None or w in only]
    times = {w: {} for w in chosen}
    errors = {w: {} for w in chosen}
    problems, loads = [], {}
    made = []
    for name, maker in LIBRARIES:
        try:
            made.append((name, maker(data)))
        except ImportError as e:
            problems.append(f"skipped {name}: {e}")
    for w in chosen:
        try:
            ref = reference(w, data)
        except ImportError as e:
            problems.append(f"{w} not run: its reference needs {e.name}")
            continue
        calls = {}
        for name, workloads in made:
            if w not in workloads:
                continue
            call, as_arrays = workloads[w]
            try:
                err = check_error(as_arrays(call()), ref)
            except Exception as e:  # noqa: BLE001 - a library's failure is reported, not fatal
                problems.append(f"{name} {w} failed: {type(e).__name__}: {e}")
                continue
            errors[w][name] = err
            if not err <= WORKLOADS[w].tolerance:
                problems.append(f"{name} {w}: result off by {err:.2e} (tolerance "
                                f"{WORKLOADS[w].tolerance:g}): not timed")
                continue
            calls[name] = call
        loads[w] = os.getloadavg()[0]
        times[w] = interleaved_times(calls, samples, sample_s)
        gc.collect()
    return times, errors, problems, loads


def best(libs, names):
    medians = {n: statistics.median(ts) for n, ts in libs.items() if n in names}
    return min(medians.items(), key=lambda kv: kv[1]) if medians else None


def num(v):
    """Three significant digits, without exponents."""
    return f"{v:,.0f}" if v >= 100 else f"{v:.3g}"


def ahead_text(wl, med, libs):
    """For a workload that must beat PyTorch: whether the median ``med`` is below torch's."""
    if not wl.ahead or "torch" not in libs:
        return ""
    return f"< torch: {'met' if med < statistics.median(libs['torch']) else 'unmet'}"


def table(times):
    """The markdown table: one row per workload and library."""
    lines = ["| workload | library | median | min–max | × best eager peer | × best peer | target |",
             "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    notes = []
    for w, libs in times.items():
        wl = WORKLOADS[w]
        eager, overall = best(libs, EAGER_PEERS), best(libs, AUTODIFF_PEERS)
        if overall is None:  # no autodiff peer installed: compare with the NumPy floor
            overall = best(libs, ("numpy",))
        if overall:
            notes.append(f"{w}: {overall[0]}" + (f" (eager: {eager[0]})" if eager and eager != overall else ""))
        for name, ts in libs.items():
            med = statistics.median(ts)
            vals = sorted((wl.display(min(ts)), wl.display(max(ts))))
            ratio = lambda b: f"{med / b[1]:.2f}" if b else "n/a"  # noqa: E731
            target = ""
            if name == "easy_mindspore":
                target = wl.target_text(wl.display(med))
            elif name == "easy_mindspore jit" and w in JIT_TARGETS:
                target = wl.target_text(wl.display(med), JIT_TARGETS[w])
            if name.startswith("easy_mindspore"):
                target = "; ".join(t for t in (target, ahead_text(wl, med, libs)) if t)
            lines.append(f"| {wl.title} ({wl.unit}) | {name} | {num(wl.display(med))} | "
                         f"{num(vals[0])}–{num(vals[1])} | {ratio(eager)} | {ratio(overall)} | {target} |")
    legend = ("× columns: time per call over the best peer's (above 1 = slower, for W4 too); "
              "eager peers: torch, jax; peers: also jax jit; NumPy when no peer is installed. "
              "Best peer — " + "; ".join(notes))
    return "\n".join(lines) + "\n\n" + legend


def checks_text(errors):
    lines = ["Checks before timing (max |result − reference| / max |reference|; tolerance in brackets):", ""]
    for w, libs in errors.items():
        got = ", ".join(f"{n} {e:.1e}" if e else f"{n} exact" for n, e in libs.items())
        lines.append(f"- {w} [{WORKLOADS[w].tolerance:g}]: {got or 'none'}")
    return "\n".join(lines)


# --- memory, in fresh subprocesses ---------------------------------------------------------------

def rss_bytes():
    """The current resident set size (Linux: /proc/self/statm)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_bytes():
    """The peak RSS of this process's memory map: VmHWM on Linux. Not getrusage's ru_maxrss, which
    also remembers the parent's RSS at fork (the kernel keeps the pre-exec peak), so a child of a
    large process would report the parent's size."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def reset_peak():
    """Resets VmHWM to the current RSS (Linux >= 4.0); False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def child(kind, library):
    """Runs in a fresh process; prints one JSON line."""
    maker = dict(LIBRARIES)[library]
    if kind == "w3-peak":  # a small W3 first: thread pools and lazy set-up are not W3's memory
        maker(Data(n3=300_000))["W3"][0]()
    data = Data()
    call = maker(data)[{"w3-peak": "W3", "w1-growth": "W1"}[kind]][0]
    gc.collect()
    if kind == "w3-peak":
        before = rss_bytes()
        exact = reset_peak()
        for _ in range(3):
            call()
        extra = peak_bytes() - before   # an upper bound when the peak could not be reset
        out = {"input": data.w3_x.nbytes, "extra": extra, "exact": exact}
    else:
        for _ in range(10_000):
            call()
        gc.collect()
        before = rss_bytes()
        for _ in range(100_000):
            call()
        gc.collect()
        out = {"growth": rss_bytes() - before}
    print(json.dumps(out))


def run_child(kind, library):
    r = subprocess.run([sys.executable, __file__, "--child", kind, "--library", library],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip().splitlines()[-1] if r.stderr.strip() else f"exit {r.returncode}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def memory_text(libraries):
    """W3's peak RSS (easy_mindspore, and the peers for comparison) and W1's RSS growth."""
    mb = 1e6
    lines = ["| measure | library | value | target |", "| --- | --- | ---: | --- |"]
    for name in libraries:
        try:
            r = run_child("w3-peak", name)
        except (RuntimeError, ValueError) as e:
            lines.append(f"| W3 peak RSS / input | {name} | failed: {e} | |")
            continue
        ratio = (r["input"] + r["extra"]) / r["input"]
        bound = "" if r["exact"] else "≤ "
        met = r["input"] + r["extra"] <= 2 * r["input"] + mb  # issue 19: the input and its gradient
        target = f"≤ 2× (+ 1 MB): {'met' if met else 'unmet'}" if name == "easy_mindspore" else ""
        lines.append(f"| W3 peak RSS / input ({r['input'] / mb:.0f} MB input + {bound}{r['extra'] / mb:.1f} MB "
                     f"during 3 calls) | {name} | {bound}{ratio:.2f}× | {target} |")
    try:
        g = run_child("w1-growth", "easy_mindspore")["growth"] / mb
        lines.append(f"| RSS growth over 100,000 W1 calls (after 10,000 warm-up calls) | easy_mindspore | "
                     f"{g:+.2f} MB | < 5 MB: {'met' if g < 5 else 'unmet'} |")
    except (RuntimeError, ValueError) as e:
        lines.append(f"| RSS growth over 100,000 W1 calls | easy_mindspore | failed: {e} | |")
    note = ("Each row runs in a fresh process (MB = 10⁶ bytes). W3: after one call on a 300,000-element "
            "input (thread pools, lazy set-up), the peak RSS (VmHWM, reset through "
            "/proc/self/clear_refs) while three gradient calls run, above the RSS just before them, "
            "plus the input, over the input; 1 MB is allowed for page-level noise. W1: the RSS after "
            "the loop minus the RSS before it.")
    return "\n".join(lines) + "\n\n" + note


# --- the run's description -----------------------------------------------------------------------

def versions():
    import numpy as np

    out = [f"Python {platform.python_version()}", f"numpy {np.__version__}"]
    try:
        import easy_mindspore as ems
        out.append(f"easy_mindspore {ems.__version__} ({pathlib.Path(ems.__file__).parent})")
    except ImportError:
        pass
    try:
        import torch
        out.append(f"torch {torch.__version__} ({TORCH_THREADS} threads: torch.set_num_threads)")
    except ImportError:
        pass
    try:
        import jax
        out.append(f"jax {jax.__version__} ({jax.default_backend()}, XLA's default threads)")
    except ImportError:
        pass
    return out


def header(samples, sample_ms):
    lines = ["; ".join(versions()) + ".",
             "",
             f"float32 everywhere. W3 n = {N3:,}; W4 {N4}×{N4} by {N4}×{N4}; W5 "
             f"{'-'.join(map(str, MLP_SIZES))} ReLU, batch {BATCH}, one-hot softmax cross-entropy "
             f"(mean over the batch), lr {LR}, written with plain ops in every library; W6 n = {N6:,}. "
             f"W5ms: W5 with nn.Dense / nn.Linear, sparse softmax cross-entropy, nn.SGD / optim.SGD. "
             f"W7: LeNet, batch {nn_workloads.BATCH7}, lr {nn_workloads.LR7}. W8 / W8g: one LSTM / GRU "
             f"layer, hidden {nn_workloads.HIDDEN8}, {nn_workloads.STEPS8} steps, batch "
             f"{nn_workloads.BATCH8}, one-hot vocabulary {nn_workloads.VOCAB}, Dense to the vocabulary, "
             f"cross-entropy, clipped to global norm {nn_workloads.CLIP8:g}, lr {nn_workloads.LR8:g}. "
             f"W9: TransformerEncoderLayer d_model {nn_workloads.D9}, {nn_workloads.HEADS9} heads, "
             f"feed-forward {nn_workloads.FF9}, dropout 0, (seq {nn_workloads.SEQ9}, batch "
             f"{nn_workloads.BATCH9}), MSE, lr {nn_workloads.LR9}. "
             "Each step of W5ms-W9 trains on (so changes the weights of) its own copy of the model. "
             f"Threads: easy_mindspore its own pool (one thread per core), torch {TORCH_THREADS}, "
             "JAX and NumPy's BLAS their defaults. "
             f"Per call: median and min–max over {samples} samples of ≥ {sample_ms:g} ms, "
             "the libraries' samples interleaved."]
    blas = [f"{k}={os.environ[k]}" for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS")
            if k in os.environ]
    if blas:
        lines.append(f"Environment: {' '.join(blas)}.")
    return "\n".join(lines)


# --- --install-peers -----------------------------------------------------------------------------

def reachable(url):
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/torch/", timeout=10):
            return True
    except OSError:
        return False


def install_peers_and_rerun(argv, torch_index):
    """Creates bench/.venv-peers with torch (CPU wheels when the index answers, else PyPI's),
    jax[cpu], numpy and a release wheel of this repository, then runs this script there."""
    py = PEERS_VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
    pip = [str(py), "-m", "pip", "install", "-q"]
    subprocess.run(pip + ["--upgrade", "pip"], check=True)
    source = f"torch from {torch_index}" if torch_index else "torch from PyPI"
    if torch_index and not reachable(torch_index):
        source = (f"torch from PyPI ({torch_index} did not answer; PyPI's Linux wheel is built with "
                  "CUDA and runs on the CPU)")
        torch_index = None
    subprocess.run(pip + ["torch"] + (["--index-url", torch_index] if torch_index else []), check=True)
    subprocess.run(pip + ["jax[cpu]", "numpy", "maturin>=1.5,<2"], check=True)
    wheels = REPO / "target" / "bench-wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    subprocess.run([str(PEERS_VENV / "bin" / "maturin"), "build", "--release", "-q", "--out", str(wheels)],
                   cwd=REPO, check=True)
    subprocess.run(pip + ["--force-reinstall", "--no-deps", *map(str, wheels.glob("easy_mindspore-*.whl"))],
                   check=True)
    print(f"Peers installed in bench/.venv-peers with easy_mindspore's release wheel; {source}.\n", flush=True)
    return subprocess.run([str(py), __file__] + argv).returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", type=int, default=21, help="samples per workload (default 21)")
    ap.add_argument("--sample-ms", type=float, default=20.0, help="length of one sample in ms (default 20)")
    ap.add_argument("--install-peers", action="store_true",
                    help="pip-install torch, jax[cpu], numpy and this repository into bench/.venv-peers "
                         "and re-run there")
    ap.add_argument("--torch-index", default=TORCH_CPU_INDEX,
                    help=f"with --install-peers: torch's wheel index (default {TORCH_CPU_INDEX} when it "
                         "answers, else PyPI; '' for PyPI)")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory measurements")
    ap.add_argument("--single-thread", action="store_true",
                    help="one thread per library (RAYON_NUM_THREADS, torch, BLAS) and the process's "
                         "CPU time instead of wall time: for a machine other jobs keep busy")
    ap.add_argument("--only", help="comma-separated workloads to run (default: all), e.g. W7,W8")
    ap.add_argument("--child", choices=["w3-peak", "w1-growth"], help=argparse.SUPPRESS)
    ap.add_argument("--library", default="easy_mindspore", help=argparse.SUPPRESS)
    args = ap.parse_args()
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    if args.child:
        child(args.child, args.library)
        return 0
    if args.install_peers:
        rest = ["--samples", str(args.samples), "--sample-ms", str(args.sample_ms)]
        rest += ["--only", args.only] if args.only else []
        rest += ["--single-thread"] if args.single_thread else []
        return install_peers_and_rerun(rest + (["--no-memory"] if args.no_memory else []), args.torch_index)
    if args.single_thread:
        global TORCH_THREADS
        TORCH_THREADS = 1
        for k in ("RAYON_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[k] = "1"
        os.environ["XLA_FLAGS"] = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
        CLOCK["clock"] = time.process_time
    only = None
    if args.only:
        only = args.only.split(",")
        unknown = [w for w in only if w not in WORKLOADS]
        if unknown:
            ap.error(f"unknown workloads {unknown}; choose from {list(WORKLOADS)}")
    data = Data()
    start = os.getloadavg()
    times, errors, problems, loads = measure(data, args.samples, args.sample_ms / 1000, only)
    print(header(args.samples, args.sample_ms))
    if args.single_thread:
        print()
        print("--single-thread: every library on one thread (RAYON_NUM_THREADS=1, torch 1, BLAS 1, "
              "XLA without its thread pool); times are the process's CPU time per call.")
    print()
    print("Load average (1, 5, 15 min): " + " ".join(f"{v:.2f}" for v in start) + " at the start, "
          + " ".join(f"{v:.2f}" for v in os.getloadavg()) + " at the end; 1-minute load before each "
          "workload's timing: " + ", ".join(f"{w} {v:.2f}" for w, v in loads.items()) + ".")
    print()
    print(table(times))
    print()
    print(checks_text(errors))
    for p in problems:
        print(f"- {p}")
    if not args.no_memory and only is None:
        print()
        print("### Memory")
        print()
        print(memory_text([n for n in ("easy_mindspore", "torch", "numpy")
                           if any(n in libs for libs in times.values())]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

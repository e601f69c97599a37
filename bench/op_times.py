"""Single-op timings against torch (not a test): the op scan of BENCHMARKS.md's sessions 36-37.
Median wall time per call, in µs, after warm-up; run each library in its own process.

    RAYON_NUM_THREADS=1 python bench/op_times.py       # easy_mindspore, one thread
    LIB=torch python bench/op_times.py                 # torch (THREADS threads, default 1)
    python bench/op_times.py layernorm                 # only the cases whose name contains it

Cases: axis sums, row means, softmax, relu, a transpose copy, max along an axis, variance, and
LayerNorm((256,)) on [32, 64, 256] forward and forward+backward."""
import os
import sys
import time

import numpy as np


def bench(f, n=200):
    for _ in range(5):
        f()
    ts = []
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    ts.sort()
    return ts[n // 2] * 1e6


def torch_cases(x, m, h):
    import torch
    torch.set_num_threads(int(os.environ.get("THREADS", "1")))
    tx, tm = torch.tensor(x), torch.tensor(m)
    ln, th = torch.nn.LayerNorm(256), torch.tensor(h, requires_grad=True)

    def ln_step():
        ln(th).sum().backward()
    return {
        "sum(0,2,3)": lambda: tx.sum((0, 2, 3)), "mean(1,keep)": lambda: tm.mean(1, keepdim=True),
        "softmax(-1)": lambda: torch.softmax(tm, -1), "relu": lambda: torch.relu(tx),
        "transpose_copy": lambda: tx.permute(0, 2, 3, 1).contiguous(), "max(1)": lambda: tm.max(1),
        "var(0,2,3)": lambda: tx.var((0, 2, 3)), "layernorm_fwd": lambda: ln(th),
        "layernorm_fwd_bwd": ln_step,
    }


def ems_cases(x, m, h):
    import easy_mindspore as ms
    from easy_mindspore import nn, ops
    tx, tm, th = ms.Tensor(x), ms.Tensor(m), ms.Tensor(h)
    ln = nn.LayerNorm((256,), -1, -1)
    step = ms.value_and_grad(lambda t: ln(t).sum(), 0, ln.trainable_params())
    return {
        "sum(0,2,3)": lambda: tx.sum((0, 2, 3)), "mean(1,keep)": lambda: tm.mean(1, keep_dims=True),
        "softmax(-1)": lambda: ops.softmax(tm, -1), "relu": lambda: ops.relu(tx),
        "transpose_copy": lambda: ops.transpose(tx, (0, 2, 3, 1)).contiguous(),
        "max(1)": lambda: tm.max(1), "var(0,2,3)": lambda: tx.var((0, 2, 3)),
        "layernorm_fwd": lambda: ln(th), "layernorm_fwd_bwd": lambda: step(th),
    }


def main():
    rng = np.random.default_rng(0)
    x = rng.random((64, 16, 28, 28), np.float32)
    m = rng.random((256, 512), np.float32)
    h = rng.random((32, 64, 256), np.float32)
    lib = os.environ.get("LIB", "ems")
    cases = (torch_cases if lib == "torch" else ems_cases)(x, m, h)
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    for name, f in cases.items():
        if only in name:
            print(f"{lib:6s} {name:18s} {bench(f):9.0f} us", flush=True)


if __name__ == "__main__":
    main()

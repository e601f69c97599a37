"""The Float32 matrix products the benchmark workloads spend their time in, ours against PyTorch's
one shape at a time: process CPU time per product (median of 7 rounds, each of enough calls for
some 0.2 GFLOP, the two libraries interleaved) and GFLOP/s. One thread by default, where CPU time
survives a machine that other jobs keep busy; run it from an environment with both libraries
(bench/.venv-peers).

    bench/.venv-peers/bin/python bench/gemm_shapes.py [--only dW] [--threads 1]

A shape's operands are row-major or, marked ``ᵀ``, the transposed view of a stored matrix, as the
layers hand them over: ``x·Wᵀ`` (a Dense forward), ``dy·W`` (its input gradient), ``dyᵀ·x`` (its
weight gradient).
"""
import argparse
import os
import time

import numpy as np

# (label, m, k, n, a transposed, b transposed)
SHAPES = [
    ("W5 x·Wᵀ b256", 256, 784, 256, False, True),
    ("W5 dW=dyᵀ·x b256", 256, 256, 784, True, False),
    ("W8 h·W_hhᵀ", 32, 256, 1024, False, True),
    ("W8 dg·W_hh", 32, 1024, 256, False, False),
    ("W8 x·W_ihᵀ", 1120, 28, 1024, False, True),
    ("W8 dW_ihᵀ=xᵀ·dg", 28, 1120, 1024, True, False),
    ("W8 dense y·Wᵀ", 1120, 256, 28, False, True),
    ("W8 dense dy·W", 1120, 28, 256, False, False),
    ("W8 dense dW=dyᵀ·y", 28, 1120, 256, True, False),
    ("W9 x·W_qkvᵀ", 2048, 256, 768, False, True),
    ("W9 dy·W_qkv", 2048, 768, 256, False, False),
    ("W9 dW=dyᵀ·x", 768, 2048, 256, True, False),
    ("W9 ff2 x·Wᵀ", 2048, 1024, 256, False, True),
    ("AlexNet fc1 x·Wᵀ b128", 128, 9216, 4096, False, True),
    ("AlexNet fc1 dW=dyᵀ·x b128", 4096, 128, 9216, True, False),
    ("512³", 512, 512, 512, False, False),
]


def product(lib, m, k, n, a_t, b_t, rng):
    """A zero-argument call computing the product in `lib` ('ours' or 'torch')."""
    a = rng.random((k, m) if a_t else (m, k), dtype=np.float32)
    b = rng.random((n, k) if b_t else (k, n), dtype=np.float32)
    if lib == "torch":
        import torch
        x, y = torch.from_numpy(a), torch.from_numpy(b)
        x, y = (x.T if a_t else x), (y.T if b_t else y)
        return lambda: x @ y
    import easy_mindspore as ms
    x, y = ms.Tensor(a), ms.Tensor(b)
    x, y = (x.T if a_t else x), (y.T if b_t else y)
    return lambda: ms.ops.matmul(x, y)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", default="", help="run the shapes whose label contains this text")
    p.add_argument("--threads", type=int, default=1, help="threads per library (default 1)")
    args = p.parse_args()
    os.environ["RAYON_NUM_THREADS"] = str(args.threads)  # before our pool starts
    import torch
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(0)
    print("| product | m·k·n | ours µs | ours GFLOP/s | torch µs | torch GFLOP/s | ours/torch |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for label, m, k, n, a_t, b_t in SHAPES:
        if args.only not in label:
            continue
        calls = {lib: product(lib, m, k, n, a_t, b_t, rng) for lib in ("ours", "torch")}
        reps = max(3, int(1e8 / (m * k * n)))
        times = {lib: [] for lib in calls}
        for _ in range(7):
            for lib, f in calls.items():
                f()
                t = time.process_time()
                for _ in range(reps):
                    f()
                times[lib].append((time.process_time() - t) / reps)
        med = {lib: sorted(v)[3] for lib, v in times.items()}
        gf = {lib: 2 * m * k * n / med[lib] / 1e9 for lib in med}
        print(f"| {label} | {m}·{k}·{n} | {med['ours'] * 1e6:.0f} | {gf['ours']:.1f} | "
              f"{med['torch'] * 1e6:.0f} | {gf['torch']:.1f} | {med['ours'] / med['torch']:.2f} |")


if __name__ == "__main__":
    main()

"""NumPy interop costs for 64 MB (16 Mi float32): `asnumpy`, `from_numpy`, `np.from_dlpack`,
`from_dlpack` (views: microseconds) and `Tensor(a)` (a copy: one pass over memory), each the best
of 7 runs after one warm-up.

Usage: python bench/numpy_interop.py"""
import time

import numpy as np

import easy_mindspore as ms
from easy_mindspore import Tensor
from easy_mindspore.utils.dlpack import from_dlpack

N = 16 << 20  # 64 MB of float32


def best(f, runs=7):
    f()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    a = np.random.default_rng(0).standard_normal(N, dtype=np.float32)
    t = Tensor(a)
    rows = [
        ("t.asnumpy() (view)", lambda: t.asnumpy()),
        ("ms.from_numpy(a) (view)", lambda: ms.from_numpy(a)),
        ("np.from_dlpack(t) (view)", lambda: np.from_dlpack(t)),
        ("from_dlpack(a) (view)", lambda: from_dlpack(a)),
        ("round trip ms.from_numpy(a).asnumpy()", lambda: ms.from_numpy(a).asnumpy()),
        ("Tensor(a) (copy)", lambda: Tensor(a)),
        ("np.copy(a) (memcpy reference)", lambda: np.copy(a)),
    ]
    assert np.shares_memory(ms.from_numpy(a).asnumpy(), a)
    for name, f in rows:
        s = best(f)
        shown = f"{s * 1e6:.1f} µs" if s < 1e-3 else f"{s * 1e3:.1f} ms"
        print(f"| {name} | {shown} |")


if __name__ == "__main__":
    main()

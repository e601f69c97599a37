"""All-reduce time per message size over Open MPI (not a test; DESIGN §10 records the results).

    mpirun --allow-run-as-root --oversubscribe -n 2 python bench/allreduce.py
    EMS_NUM_THREADS=1 mpirun ... -x EMS_NUM_THREADS -n 2 python bench/allreduce.py  # one kernel thread

Rank 0 prints the median, min and max of 20 calls of `comm_func.all_reduce` (header check included)
for 4 B, 4 KiB, the W5 MLP's 1,077,288-byte gradient and 16 MB, after 3 warm-up calls."""
import time

import numpy as np

import easy_mindspore as ms
from easy_mindspore.communication import get_rank, init
from easy_mindspore.communication.comm_func import all_reduce

init()
for n in (1, 1024, 269_322, 4_000_000):
    x = ms.Tensor(np.ones(n, np.float32))
    for _ in range(3):
        all_reduce(x)
    ts = []
    for _ in range(20):
        t = time.perf_counter()
        all_reduce(x)
        ts.append(time.perf_counter() - t)
    if get_rank() == 0:
        print(f"{4 * n:>10,} bytes: median {np.median(ts) * 1e3:.3f} ms, min {min(ts) * 1e3:.3f}, "
              f"max {max(ts) * 1e3:.3f}", flush=True)

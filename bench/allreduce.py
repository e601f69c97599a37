"""All-reduce time per message size, and a data-parallel W5 step with and without the gradient
all-reduce overlapped with the backward pass, over Open MPI (not a test; DESIGN §10 records the
results).

    mpirun --allow-run-as-root --oversubscribe -n 2 python bench/allreduce.py          # both
    mpirun --allow-run-as-root --oversubscribe -n 2 python bench/allreduce.py step     # step only
    EMS_NUM_THREADS=1 mpirun ... -x EMS_NUM_THREADS -n 2 python bench/allreduce.py  # one kernel thread

Rank 0 prints the median, min and max of 20 calls of `comm_func.all_reduce` (header check included)
for 4 B, 4 KiB, the W5 MLP's 1,077,288-byte gradient and 16 MB, after 3 warm-up calls; then of 20
`TrainOneStepCell` steps of the W5 MLP (784-256-256-10, global batch 256 split over the ranks,
`DATA_PARALLEL`, mean) after 3 warm-up steps, for the default buckets and for 64 KiB ones, each
with `grad_reducer.OVERLAP` on and off (the modes alternate step by step, so load drifts hit both)."""
import sys
import time

import numpy as np

import easy_mindspore as ms
from easy_mindspore import nn
from easy_mindspore.communication import get_group_size, get_rank, init
from easy_mindspore.communication.comm_func import all_reduce
from easy_mindspore.nn import grad_reducer


def show(label, ts):
    if get_rank() == 0:
        print(f"{label}: median {np.median(ts) * 1e3:.3f} ms, min {min(ts) * 1e3:.3f}, "
              f"max {max(ts) * 1e3:.3f}", flush=True)


def message_sizes():
    for n in (1, 1024, 269_322, 4_000_000):
        x = ms.Tensor(np.ones(n, np.float32))
        for _ in range(3):
            all_reduce(x)
        ts = []
        for _ in range(20):
            t = time.perf_counter()
            all_reduce(x)
            ts.append(time.perf_counter() - t)
        show(f"{4 * n:>10,} bytes", ts)


def w5_steps():
    rank, size = get_rank(), get_group_size()
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    rng = np.random.default_rng(0)
    x = ms.Tensor(rng.standard_normal((256 // size, 784)).astype(np.float32))
    y = ms.Tensor(rng.integers(0, 10, 256 // size).astype(np.int32))
    for limit in (grad_reducer.BUCKET_BYTES, 64 << 10):
        grad_reducer.BUCKET_BYTES = limit
        ms.set_seed(0)
        net = nn.SequentialCell(nn.Dense(784, 256), nn.ReLU(), nn.Dense(256, 256), nn.ReLU(),
                                nn.Dense(256, 10))
        loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
        step = nn.TrainOneStepCell(nn.WithLossCell(net, loss),
                                   nn.SGD(net.trainable_params(), 0.01))
        n_buckets = len(step.grad_reducer._buckets)
        ts = {True: [], False: []}
        for i in range(2 * 23):
            overlap = i % 2 == 0
            grad_reducer.OVERLAP = overlap
            t = time.perf_counter()
            step(x, y)
            if i >= 6:
                ts[overlap].append(time.perf_counter() - t)
        for overlap in (True, False):
            show(f"W5 step, batch {256 // size}/rank, {n_buckets} bucket(s), "
                 f"{'overlapped' if overlap else 'after backward'}", ts[overlap])
    grad_reducer.OVERLAP = True
    ms.reset_auto_parallel_context()


init()
if "step" not in sys.argv[1:]:
    message_sizes()
w5_steps()

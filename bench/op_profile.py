"""Where a training step's time goes, op by op (not a test): W5ms (the MLP step written with
``nn.Dense``, the loss cell and ``nn.SGD``) and W7 (D2L's LeNet), each warmed up, timed over 50
steps, then 50 more under ``mindspore.Profiler``; prints the step time, the profiled op time and
the ten costliest primitives. Run with the release (or ``profiling``) build installed:

    python bench/op_profile.py
"""
import tempfile
import time

import numpy as np

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import nn


def trainer(net, lr):
    opt = nn.SGD(net.trainable_params(), learning_rate=lr)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    grad_fn = ms.value_and_grad(nn.WithLossCell(net, loss), None, opt.parameters)

    def step(x, y):
        value, grads = grad_fn(x, y)
        opt(grads)
        return value
    return step


def main(steps=50):
    rng = np.random.default_rng(0)
    lenet = nn.SequentialCell([
        nn.Conv2d(1, 6, 5, pad_mode="pad", padding=2, has_bias=True), nn.Sigmoid(), nn.AvgPool2d(2, 2),
        nn.Conv2d(6, 16, 5, pad_mode="valid", has_bias=True), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten(),
        nn.Dense(400, 120), nn.Sigmoid(), nn.Dense(120, 84), nn.Sigmoid(), nn.Dense(84, 10)])
    mlp = nn.SequentialCell([nn.Dense(784, 256), nn.ReLU(), nn.Dense(256, 256), nn.ReLU(), nn.Dense(256, 10)])
    cases = (("W5ms", mlp, rng.standard_normal((256, 784), dtype=np.float32)),
             ("W7", lenet, rng.standard_normal((64, 1, 28, 28), dtype=np.float32)))
    for name, net, x in cases:
        step = trainer(net, 0.1)
        xs = ms.Tensor(x)
        ys = ms.Tensor(rng.integers(0, 10, x.shape[0]).astype(np.int32))
        for _ in range(10):
            step(xs, ys)
        start = time.perf_counter()
        for _ in range(steps):
            step(xs, ys)
        per_step = (time.perf_counter() - start) / steps * 1e3
        prof = ms.Profiler(output_path=tempfile.mkdtemp())
        for _ in range(steps):
            step(xs, ys)
        stats = prof.op_stats()
        total = sum(s["total_ns"] for s in stats.values())
        count = sum(s["count"] for s in stats.values())
        print(f"{name}: {per_step:.3f} ms per step; the ops take {total / steps / 1e6:.3f} ms in "
              f"{count // steps} evaluations")
        for op, s in sorted(stats.items(), key=lambda kv: -kv[1]["total_ns"])[:10]:
            print(f"   {op:22s} {s['count'] // steps:4d} per step {s['total_ns'] / steps / 1e3:9.1f} µs")


if __name__ == "__main__":
    main()

"""Where a training step's time goes, op by op (not a test): W5ms (the MLP step written with
``nn.Dense``, the loss cell and ``nn.SGD``), W7 (D2L's LeNet) and W8 (D2L's char-level LSTM
language model, gradients clipped), each warmed up, timed over 50 steps, then 50 more under
``mindspore.Profiler``; prints the step time, the profiled op time and the ten costliest
primitives. The workloads are those of ``bench/compare.py`` (random weights and data here). Run
with the release (or ``profiling``) build installed:

    python bench/op_profile.py
"""
import tempfile
import time

import numpy as np

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import nn


def trainer(net, lr, clip=None):
    opt = nn.SGD(net.trainable_params(), learning_rate=lr)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    grad_fn = ms.value_and_grad(nn.WithLossCell(net, loss), None, opt.parameters)

    def step(x, y):
        value, grads = grad_fn(x, y)
        if clip is not None:
            grads = ms.ops.clip_by_global_norm(grads, clip)
        opt(grads)
        return value
    return step


class CharModel(nn.Cell):
    """D2L's RNNModel (W8): an LSTM over one-hot characters, then a Dense layer on each step."""

    def __init__(self, vocab=28, hidden=256):
        super().__init__()
        self.hidden = hidden
        self.rnn = nn.LSTM(vocab, hidden)
        self.dense = nn.Dense(hidden, vocab)

    def construct(self, x):
        y, _ = self.rnn(x)
        return self.dense(y.reshape((-1, self.hidden)))


def main(steps=50):
    rng = np.random.default_rng(0)
    lenet = nn.SequentialCell([
        nn.Conv2d(1, 6, 5, pad_mode="pad", padding=2, has_bias=True), nn.Sigmoid(), nn.AvgPool2d(2, 2),
        nn.Conv2d(6, 16, 5, pad_mode="valid", has_bias=True), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten(),
        nn.Dense(400, 120), nn.Sigmoid(), nn.Dense(120, 84), nn.Sigmoid(), nn.Dense(84, 10)])
    mlp = nn.SequentialCell([nn.Dense(784, 256), nn.ReLU(), nn.Dense(256, 256), nn.ReLU(), nn.Dense(256, 10)])
    chars = np.eye(28, dtype=np.float32)[rng.integers(0, 28, (35, 32))]  # (steps, batch, vocab)
    # (name, model, input, classes, gradient clipping, learning rate, labels per example)
    cases = (("W5ms", mlp, rng.standard_normal((256, 784), dtype=np.float32), 10, None, 0.1, 1),
             ("W7", lenet, rng.standard_normal((64, 1, 28, 28), dtype=np.float32), 10, None, 0.1, 1),
             ("W8", CharModel(), chars, 28, 1.0, 1.0, 32))
    for name, net, x, classes, clip, lr, per_example in cases:
        step = trainer(net, lr, clip)
        xs = ms.Tensor(x)
        ys = ms.Tensor(rng.integers(0, classes, x.shape[0] * per_example).astype(np.int32))
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

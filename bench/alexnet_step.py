"""One D2L AlexNet training step (chapter 7: batch 32, 1x224x224 inputs, 10 classes), written as a
MindSpore user writes it (nn layers, SoftmaxCrossEntropyWithLogits, SGD, value_and_grad): the
median wall time of `--steps` steps after one warm-up step.

    python bench/alexnet_step.py [--steps 3] [--batch 32]
"""
import argparse
import statistics
import time

import numpy as np

import easy_mindspore as ms
from easy_mindspore import nn


def alexnet():
    return nn.SequentialCell([
        nn.Conv2d(1, 96, kernel_size=11, stride=4, pad_mode="pad", padding=1, has_bias=True), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Conv2d(96, 256, kernel_size=5, pad_mode="pad", padding=2, has_bias=True), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Conv2d(256, 384, kernel_size=3, pad_mode="pad", padding=1, has_bias=True), nn.ReLU(),
        nn.Conv2d(384, 384, kernel_size=3, pad_mode="pad", padding=1, has_bias=True), nn.ReLU(),
        nn.Conv2d(384, 256, kernel_size=3, pad_mode="pad", padding=1, has_bias=True), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Flatten(),
        nn.Dense(6400, 4096), nn.ReLU(), nn.Dropout(p=0.5),
        nn.Dense(4096, 4096), nn.ReLU(), nn.Dropout(p=0.5),
        nn.Dense(4096, 10)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--batch", type=int, default=32)
    a = ap.parse_args()
    net = alexnet()
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.SGD(net.trainable_params(), learning_rate=0.01)

    def forward(x, y):
        return loss_fn(net(x), y)
    grad_fn = ms.value_and_grad(forward, None, opt.parameters)
    rng = np.random.default_rng(0)
    x = ms.Tensor(rng.standard_normal((a.batch, 1, 224, 224)).astype(np.float32))
    y = ms.Tensor(rng.integers(0, 10, a.batch).astype(np.int32))

    def step():
        loss, grads = grad_fn(x, y)
        opt(grads)
        return float(loss.asnumpy())
    step()
    times = []
    for _ in range(a.steps):
        t0 = time.perf_counter()
        loss = step()
        times.append(time.perf_counter() - t0)
    print(f"AlexNet step, batch {a.batch}: median {statistics.median(times) * 1e3:.0f} ms "
          f"(min {min(times) * 1e3:.0f}, max {max(times) * 1e3:.0f}, {a.steps} steps), loss {loss:.4f}")


if __name__ == "__main__":
    main()

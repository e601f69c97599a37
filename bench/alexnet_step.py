"""One D2L AlexNet training step (chapter 7: batch 32, 1x224x224 inputs, 10 classes), written as a
MindSpore user writes it (nn layers, SoftmaxCrossEntropyWithLogits, SGD, value_and_grad): the
median wall time of `--steps` steps after one warm-up step (`--cpu`: process CPU time, the
measure that survives a loaded machine when run with one thread). `--torch` runs the same network,
loss and optimizer in PyTorch instead (from an environment that has it, e.g. bench/.venv-peers).

    python bench/alexnet_step.py [--steps 3] [--batch 32] [--cpu] [--torch]
    RAYON_NUM_THREADS=1 python bench/alexnet_step.py --batch 8 --cpu          # one thread
    bench/.venv-peers/bin/python bench/alexnet_step.py --batch 8 --cpu --torch --threads 1
"""
import argparse
import statistics
import time

import numpy as np


def alexnet():
    from easy_mindspore import nn  # imported here so that --torch needs only torch

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


def easy_mindspore_step(x, y):
    import easy_mindspore as ms
    from easy_mindspore import nn
    net = alexnet()
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.SGD(net.trainable_params(), learning_rate=0.01)

    def forward(x, y):
        return loss_fn(net(x), y)
    grad_fn = ms.value_and_grad(forward, None, opt.parameters)
    x, y = ms.Tensor(x), ms.Tensor(y)

    def step():
        loss, grads = grad_fn(x, y)
        opt(grads)
        return float(loss.asnumpy())
    return step


def torch_step(x, y):
    import torch
    from torch import nn
    net = nn.Sequential(
        nn.Conv2d(1, 96, 11, 4, 1), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(96, 256, 5, padding=2), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Flatten(),
        nn.Linear(6400, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 10))
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    x, y = torch.from_numpy(x), torch.from_numpy(y).long()

    def step():
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(x), y)
        loss.backward()
        opt.step()
        return float(loss.detach())
    return step


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--cpu", action="store_true", help="time process CPU time, not wall time")
    ap.add_argument("--torch", action="store_true", help="run the PyTorch twin")
    ap.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (with --torch)")
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    x = rng.standard_normal((a.batch, 1, 224, 224)).astype(np.float32)
    y = rng.integers(0, 10, a.batch).astype(np.int32)
    if a.torch:
        import torch
        if a.threads:
            torch.set_num_threads(a.threads)
        step = torch_step(x, y)
    else:
        step = easy_mindspore_step(x, y)
    clock = time.process_time if a.cpu else time.perf_counter
    step()
    times = []
    for _ in range(a.steps):
        t0 = clock()
        loss = step()
        times.append(clock() - t0)
    print(f"{'torch' if a.torch else 'easy_mindspore'} AlexNet step, batch {a.batch}: median "
          f"{statistics.median(times) * 1e3:.0f} ms {'CPU' if a.cpu else 'wall'} "
          f"(min {min(times) * 1e3:.0f}, max {max(times) * 1e3:.0f}, {a.steps} steps), "
          f"loss {loss:.4f}")


if __name__ == "__main__":
    main()

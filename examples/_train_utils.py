"""Helpers shared by the training examples: a tiny text progress bar (no dependency), digits
loading, accuracy, and loss/accuracy curves saved as PNG when matplotlib is importable."""
import sys
import time

import numpy as np

import easy_mindspore as ms


class Progress:
    """``for batch in Progress(iterable, total, desc)``: a one-line bar redrawn in place, with a
    running value set through ``bar.postfix``."""

    def __init__(self, iterable, total, desc="", width=28, stream=None):
        self.iterable, self.total, self.desc, self.width = iterable, total, desc, width
        self.stream = stream or sys.stdout
        self.postfix = ""

    def _draw(self, n, start):
        frac = n / self.total if self.total else 1.0
        fill = int(frac * self.width)
        rate = n / max(time.perf_counter() - start, 1e-9)
        bar = "#" * fill + "-" * (self.width - fill)
        self.stream.write(f"\r{self.desc} |{bar}| {n}/{self.total} [{rate:6.1f} it/s] {self.postfix}")
        self.stream.flush()

    def __iter__(self):
        start = time.perf_counter()
        n = 0
        for item in self.iterable:
            yield item
            n += 1
            if self.stream.isatty() or n == self.total:
                self._draw(n, start)
        self.stream.write("\n")


def digits_split(shape=(-1, 64), test_fraction=0.2, seed=0):
    """The bundled digits scaled to [0, 1], images reshaped to ``shape``: ``(x_train, y_train,
    x_test, y_test)`` as arrays (a fixed random 80/20 split)."""
    x, y = ms.dataset.load_digits()
    x = (x / 16.0).reshape(shape)
    order = np.random.default_rng(seed).permutation(len(y))
    n_test = int(round(test_fraction * len(y)))
    test, train = order[:n_test], order[n_test:]
    return x[train].astype(np.float32), y[train], x[test].astype(np.float32), y[test]


def accuracy(net, x, y):
    """Fraction of correct argmax predictions, in evaluation mode."""
    net.set_train(False)
    pred = net(ms.Tensor(x)).argmax(axis=1).asnumpy()
    return float((pred == y).mean())


def save_curves(path, losses, accuracies):
    """Loss and test-accuracy curves in one PNG; skipped silently without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.2))
    epochs = range(1, len(losses) + 1)
    a.plot(epochs, losses)
    a.set_xlabel("epoch")
    a.set_ylabel("training loss")
    b.plot(epochs, accuracies)
    b.set_xlabel("epoch")
    b.set_ylabel("test accuracy")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path

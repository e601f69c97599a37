"""One epoch of the D2L Fashion-MNIST loader's pipeline: a GeneratorDataset over 60,000 random
uint8 28×28×1 images, ``map([Rescale, HWC2CHW], 'image')``, ``map(TypeCast(int32), 'label')``,
``batch(256)``, read with ``create_tuple_iterator()``.

    python bench/dataset_epoch.py [N]      # N images (default 60,000); best of 3 epochs
"""
import sys
import time

import numpy as np

import easy_mindspore as ms
from easy_mindspore import dataset as ds
from easy_mindspore.dataset import transforms, vision


class Images:
    def __init__(self, n):
        rng = np.random.default_rng(0)
        self.x = rng.integers(0, 255, (n, 28, 28, 1), np.uint8)
        self.y = rng.integers(0, 10, n).astype(np.uint8)

    def __getitem__(self, i):
        return self.x[i], self.y[i]

    def __len__(self):
        return len(self.y)


def main(n):
    d = ds.GeneratorDataset(Images(n), ["image", "label"], shuffle=False)
    d = d.map([vision.Rescale(1 / 255.0, 0), vision.HWC2CHW()], input_columns=["image"])
    d = d.map(transforms.TypeCast(ms.int32), input_columns=["label"]).batch(256)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        batches = sum(1 for _ in d.create_tuple_iterator())
        times.append(time.perf_counter() - t)
    print(f"{n} images, {batches} batches: best epoch {min(times):.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60_000)

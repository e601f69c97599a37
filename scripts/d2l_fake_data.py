#!/usr/bin/env python3
"""Writes small synthetic Fashion-MNIST files (the four gzipped IDX files the D2L book's
``load_mnist``/``d2l.load_data_fashion_mnist`` read from ``<book>/data``), so that the book's
Fashion-MNIST chapters run without network. The images are deterministic (fixed seed): each class
is a distinct 28x28 template plus noise, so a model can learn them and accuracy rises.

With ``--images IMG_DIR`` it also writes the photos the computer-vision chapters open from
``<book>/img`` (catdog.jpg, rainier.jpg, autumn-oak.jpg) as smooth synthetic JPEGs of the
originals' sizes (needs Pillow), so the anchor-box and bounding-box cells run.

Usage: python3 scripts/d2l_fake_data.py OUT_DIR [--train N] [--test N] [--images IMG_DIR]
       e.g. python3 scripts/d2l_fake_data.py /tmp/d2l/data --images /tmp/d2l/img
       (the book's notebooks read ../data and ../img)
Needs numpy."""
import gzip
import os
import struct
import sys

import numpy as np


def templates(rng):
    """Ten class templates: a blurred random blob shape per class, values 0..255."""
    out = []
    yy, xx = np.mgrid[0:28, 0:28]
    for k in range(10):
        img = np.zeros((28, 28))
        for _ in range(4):
            cy, cx = rng.uniform(6, 22, size=2)
            sy, sx = rng.uniform(2, 7, size=2)
            img += np.exp(-(((yy - cy) / sy) ** 2 + ((xx - cx) / sx) ** 2))
        out.append(img / img.max() * 220)
    return out


def make(n, rng, tmpl):
    labels = (np.arange(n) % 10).astype(np.uint8)
    rng.shuffle(labels)
    noise = rng.normal(0, 25, size=(n, 28, 28))
    imgs = np.stack([tmpl[int(k)] for k in labels]) + noise
    return np.clip(imgs, 0, 255).astype(np.uint8), labels


def write_idx(path, arr, magic):
    with gzip.open(path, "wb") as f:
        f.write(struct.pack(">I", magic))
        for d in arr.shape:
            f.write(struct.pack(">I", d))
        f.write(arr.tobytes())


PHOTOS = {"catdog.jpg": (561, 728), "rainier.jpg": (600, 800), "autumn-oak.jpg": (600, 800)}


def write_photos(out, rng):
    from PIL import Image  # only for --images

    os.makedirs(out, exist_ok=True)
    for name, (h, w) in PHOTOS.items():
        yy, xx = np.mgrid[0:h, 0:w] / max(h, w)
        phase = rng.uniform(0, 6, size=3)
        img = np.stack([127 + 120 * np.sin(6 * xx + 4 * yy + p) for p in phase], axis=-1)
        Image.fromarray(img.astype(np.uint8)).save(os.path.join(out, name), quality=90)
        print(f"{name}: {w}x{h} -> {out}")


def main(argv):
    out = argv[0] if argv and not argv[0].startswith("--") else "data"
    sizes = {"train": 3000, "t10k": 600}
    if "--train" in argv:
        sizes["train"] = int(argv[argv.index("--train") + 1])
    if "--test" in argv:
        sizes["t10k"] = int(argv[argv.index("--test") + 1])
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(0)
    tmpl = templates(rng)
    for kind, n in sizes.items():
        imgs, labels = make(n, rng, tmpl)
        write_idx(os.path.join(out, f"{kind}-images-idx3-ubyte.gz"), imgs, 0x0803)
        write_idx(os.path.join(out, f"{kind}-labels-idx1-ubyte.gz"), labels, 0x0801)
        print(f"{kind}: {n} images -> {out}")
    if "--images" in argv:
        write_photos(argv[argv.index("--images") + 1], rng)


if __name__ == "__main__":
    main(sys.argv[1:])

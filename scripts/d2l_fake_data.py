#!/usr/bin/env python3
"""Writes small synthetic Fashion-MNIST files (the four gzipped IDX files the D2L book's
``load_mnist``/``d2l.load_data_fashion_mnist`` read from ``<book>/data``), so that the book's
Fashion-MNIST chapters run without network. The images are deterministic (fixed seed): each class
is a distinct 28x28 template plus noise, so a model can learn them and accuracy rises.

With ``--images IMG_DIR`` it also writes the photos the computer-vision chapters open from
``<book>/img`` (catdog.jpg, rainier.jpg, autumn-oak.jpg) as smooth synthetic JPEGs of the
originals' sizes (needs Pillow), so the anchor-box and bounding-box cells run.

With ``--text`` it also writes the text and table datasets of the sequence and optimization
chapters into OUT_DIR: ``timemachine.txt`` (chapters 8-9), ``fra-eng.zip`` (machine translation,
seq2seq, attention, Transformer), ``airfoil_self_noise.dat`` (chapter 11), ``ptb.zip``
(word2vec), GloVe vectors, WikiText-2 (BERT), IMDb reviews and SNLI (chapters 14-15): seeded pseudo-English from a fixed word list, small enough that the book's training
loops finish in minutes on MindSpore. Their SHA-1s are not the originals', so run the notebooks
with ``scripts/d2l_cells.py --offline`` (the helper then trusts any file already in ``data``).

Usage: python3 scripts/d2l_fake_data.py OUT_DIR [--train N] [--test N] [--images IMG_DIR] [--text]
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


WORDS = ("the a of and to in was it i that he his had with as at for my but on this by me be not "
         "you from time traveller there they which were all we is so one man what have then "
         "its machine said little into no or up them would some very our out thing upon "
         "now about him filby could came light like did when more psychologist medical "
         "again seemed strange even another world dimension space through felt saw great "
         "white sphinx morlocks weena fire night dark under green hand face eyes went found").split()


def sentence(rng, lo, hi):
    """Zipf-ish word draws: frequent words early in WORDS, as in real text."""
    n = int(rng.integers(lo, hi + 1))
    idx = (rng.zipf(1.3, size=n) - 1) % len(WORDS)
    return [WORDS[i] for i in idx]


def write_text(out, rng):
    import zipfile

    lines = ["The Time Machine, by H. G. Wells [1898]", ""]
    for _ in range(100):  # ~2.5k characters: two batches an epoch in train_ch8
        lines.append(" ".join(sentence(rng, 3, 9)).capitalize() + rng.choice([".", ",", ";", "!"]))
    with open(os.path.join(out, "timemachine.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    # English -> "French": a fixed word map, a few reordered pairs, the original's narrow spaces.
    fr = {w: (w[::-1] + "e") for w in WORDS}
    pairs = []
    for _ in range(250):  # four batches of 64 an epoch in train_seq2seq
        en = sentence(rng, 1, 5)
        tr = [fr[w] for w in en]
        if len(tr) > 2 and rng.random() < 0.3:
            tr[0], tr[1] = tr[1], tr[0]
        p = str(rng.choice([".", "!", "?"]))
        pairs.append(" ".join(en).capitalize() + p + "\t" + " ".join(tr).capitalize()
                     + ("\u202f" if p != "." else "") + p)
    with zipfile.ZipFile(os.path.join(out, "fra-eng.zip"), "w") as z:
        z.writestr("fra-eng/fra.txt", "\n".join(pairs) + "\n")
    with zipfile.ZipFile(os.path.join(out, "ptb.zip"), "w") as z:
        z.writestr("ptb/ptb.train.txt",
                   "\n".join(" " + " ".join(sentence(rng, 4, 20)) + " " for _ in range(2000)) + "\n")
    # airfoil: 1503 rows of five features and a target that depends on them (tab-separated).
    x = rng.uniform(0, 1, size=(1503, 5)) * [20000, 22, 0.3, 71, 0.06]
    y = 130 - 0.0005 * x[:, 0] - 0.4 * x[:, 1] - 20 * x[:, 2] + 0.05 * x[:, 3] - 100 * x[:, 4]
    y = y + rng.normal(0, 2, size=1503)
    np.savetxt(os.path.join(out, "airfoil_self_noise.dat"), np.column_stack([x, y]),
               delimiter="\t", fmt="%.6g")
    print(f"timemachine.txt, fra-eng.zip, ptb.zip, airfoil_self_noise.dat -> {out}")
    write_nlp(out, rng)


# Words the similarity and analogy cells look up.
ANALOGY = ("chip baby beautiful man woman son daughter bad worst big biggest japan tokyo china "
           "beijing do did go went").split()


def write_nlp(out, rng):
    """The chapter 14-15 datasets, small: GloVe-format vectors (50 and 100 dimensions), WikiText-2
    (BERT pretraining), the IMDb reviews (sentiment) and SNLI (inference)."""
    import io
    import tarfile
    import zipfile

    # 4000 tokens: the similarity cells index the table up to 3367.
    vocab = list(dict.fromkeys(WORDS + ANALOGY))
    vocab += [f"w{i}" for i in range(4000 - len(vocab))]
    for dim in (50, 100):
        vec = rng.normal(0, 0.5, size=(len(vocab), dim))
        text = "\n".join(w + " " + " ".join(f"{v:.5f}" for v in row) for w, row in zip(vocab, vec))
        with zipfile.ZipFile(os.path.join(out, f"glove.6B.{dim}d.zip"), "w") as z:
            z.writestr(f"glove.6B.{dim}d/vec.txt", text + "\n")
    # WikiText-2: paragraphs of sentences joined by " . " (the reader keeps those with two or more).
    wiki = [" = Title = "] + [" " + " . ".join(" ".join(sentence(rng, 4, 12))
                                                 for _ in range(int(rng.integers(2, 5)))) + " . "
                              for _ in range(120)]
    with zipfile.ZipFile(os.path.join(out, "wikitext-2-v1.zip"), "w") as z:
        z.writestr("wikitext-2/wiki.train.tokens", "\n".join(wiki) + "\n")
    # IMDb: aclImdb/{train,test}/{pos,neg}/<n>_<stars>.txt.
    with tarfile.open(os.path.join(out, "aclImdb_v1.tar.gz"), "w:gz") as t:
        for split in ("train", "test"):
            for label in ("pos", "neg"):
                for k in range(40):
                    words = sentence(rng, 20, 80) + [("great" if label == "pos" else "bad")] * 3
                    data = " ".join(words).encode()
                    info = tarfile.TarInfo(f"aclImdb/{split}/{label}/{k}_{7 if label == 'pos' else 2}.txt")
                    info.size = len(data)
                    t.addfile(info, io.BytesIO(data))
    # SNLI: a header, then label, premise and hypothesis as binary parses, tab-separated.
    labels = ["entailment", "contradiction", "neutral", "-"]
    rows = {}
    # Over five batches of 256 in training: train_ch13 logs every num_batches // 5 batches.
    for split, n in (("train", 1800), ("test", 200)):
        lines = ["gold_label\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1"]
        for _ in range(n):
            a, b = sentence(rng, 3, 10), sentence(rng, 2, 6)
            lines.append(f"{rng.choice(labels)}\t( ( {' '.join(a)} ) . )\t( {' '.join(b)} )\t-")
        rows[split] = "\n".join(lines) + "\n"
    with zipfile.ZipFile(os.path.join(out, "snli_1.0.zip"), "w") as z:
        for split, text in rows.items():
            z.writestr(f"snli_1.0/snli_1.0_{split}.txt", text)
    print(f"glove.6B.50d.zip, glove.6B.100d.zip, wikitext-2-v1.zip, aclImdb_v1.tar.gz, snli_1.0.zip -> {out}")


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
    if "--text" in argv:
        write_text(out, rng)


if __name__ == "__main__":
    main(sys.argv[1:])

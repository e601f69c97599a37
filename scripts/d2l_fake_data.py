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

With ``--vision`` it also writes the chapter 13 archives into OUT_DIR, laid out as the book's
``download_extract`` and readers expect (needs Pillow): ``banana-detection.zip`` (object
detection, SSD: 256x256 PNGs with one yellow "banana" in the box of ``label.csv``),
``VOCtrainval_11-May-2012.tar`` (semantic segmentation, FCN: 500x375 JPEGs of coloured shapes
with VOC-palette class PNGs and the train/val lists), ``kaggle_cifar10_tiny.zip`` (32x32 PNGs
with ``trainLabels.csv``), ``hotdog.zip`` (fine-tuning: hotdog/not-hotdog class folders) and
``kaggle_dog_tiny.zip`` (JPEGs with ``labels.csv``, ten breeds). A class is a colour and a shape,
so the models can learn them; the sizes are a few dozen images each (400 for CIFAR-10, the
fewest its notebook's batch-of-32 validation split and progress plot accept). They come from
their own seed, so adding ``--vision`` changes no other file's content (the Fashion-MNIST files
are rewritten on every run, the same for the same ``--train``/``--test``).

Usage: python3 scripts/d2l_fake_data.py OUT_DIR [--train N] [--test N] [--images IMG_DIR]
                                          [--text] [--vision]
       e.g. python3 scripts/d2l_fake_data.py /tmp/d2l/data --images /tmp/d2l/img --text --vision
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


# ---- Chapter 13 (computer vision), --vision ---------------------------------------------------
# Each archive holds the folder download_extract returns (the archive name without extension;
# the VOC tar holds VOCdevkit/VOC2012). Pillow draws the images: a smooth bluish background with
# one or more flat-coloured shapes, so the classes (or boxes, or masks) can be learnt.


def encode(img, fmt="PNG"):
    """A Pillow image or an HxWx3 array (values 0..255) as PNG or JPEG bytes."""
    import io

    from PIL import Image

    if not isinstance(img, Image.Image):
        img = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    return buf.getvalue()


def mottle(rng, h, w, sd):
    """Noise in 4x4-pixel blocks: texture that PNG and JPEG still compress well."""
    return rng.normal(0, sd, size=(h // 4 + 1, w // 4 + 1, 3)).repeat(4, 0).repeat(4, 1)[:h, :w]


def scene(rng, h, w):
    """A smooth greyish-blue background (no yellows or reds) as an HxWx3 float array."""
    yy, xx = np.mgrid[0:h, 0:w] / max(h, w)
    fy, fx, py, px = rng.uniform([2, 2, 0, 0], [8, 8, 6, 6])
    level = 110 + 50 * np.sin(fx * xx + px) * np.cos(fy * yy + py)
    tint = rng.uniform([0.6, 0.75, 0.9], [0.8, 0.95, 1.2])
    return level[..., None] * tint + mottle(rng, h, w, 4)


def hsv(hue, sat=0.85, val=0.9):
    import colorsys

    return tuple(int(255 * c) for c in colorsys.hsv_to_rgb(hue % 1, sat, val))


KINDS = ("ellipse", "box", "triangle", "diamond")


def shape_image(rng, h, w, fill, kind):
    """A scene with one shape of the given colour and kind spanning 35-70% of each side."""
    from PIL import Image, ImageDraw

    img = Image.fromarray(np.clip(scene(rng, h, w), 0, 255).astype(np.uint8))
    bw, bh = rng.uniform(0.35, 0.7) * w, rng.uniform(0.35, 0.7) * h
    x0, y0 = rng.uniform(0, w - bw), rng.uniform(0, h - bh)
    x1, y1, cx, cy = x0 + bw, y0 + bh, x0 + bw / 2, y0 + bh / 2
    draw = ImageDraw.Draw(img)
    if kind == "ellipse":
        draw.ellipse([x0, y0, x1, y1], fill=fill)
    elif kind == "box":
        draw.rectangle([x0, y0, x1, y1], fill=fill)
    elif kind == "triangle":
        draw.polygon([(cx, y0), (x1, y1), (x0, y1)], fill=fill)
    else:  # diamond
        draw.polygon([(cx, y0), (x1, cy), (cx, y1), (x0, cy)], fill=fill)
    return np.asarray(img, dtype=float) + mottle(rng, h, w, 6)


def write_bananas(out, rng):
    """banana-detection.zip: banana-detection/bananas_{train,val}/label.csv (img_name, label,
    xmin, ymin, xmax, ymax, in pixels; label 0) and images/<i>.png: 64 and 32 RGB images of
    256x256, each with one yellow blob with a brown tip filling its box."""
    import zipfile

    from PIL import Image, ImageDraw

    with zipfile.ZipFile(os.path.join(out, "banana-detection.zip"), "w") as z:
        for split, n in (("bananas_train", 64), ("bananas_val", 32)):
            rows = ["img_name,label,xmin,ymin,xmax,ymax"]
            for i in range(n):
                img = Image.fromarray(np.clip(scene(rng, 256, 256), 0, 255).astype(np.uint8))
                w, h = (int(v) for v in rng.integers(30, 90, size=2))
                x0, y0 = int(rng.integers(0, 256 - w)), int(rng.integers(0, 256 - h))
                x1, y1 = x0 + w, y0 + h
                draw = ImageDraw.Draw(img)
                draw.ellipse([x0, y0, x1 - 1, y1 - 1], fill=(235, 205, 50), outline=(170, 140, 30))
                tx, ty = (x0 + 1 if rng.random() < 0.5 else x1 - 9), (y0 + y1) // 2  # the tip
                draw.ellipse([tx, ty - 4, tx + 7, ty + 4], fill=(90, 60, 20))
                img = np.asarray(img, dtype=float) + mottle(rng, 256, 256, 5)
                z.writestr(f"banana-detection/{split}/images/{i}.png", encode(img))
                rows.append(f"{i}.png,0,{x0},{y0},{x1},{y1}")
            z.writestr(f"banana-detection/{split}/label.csv", "\n".join(rows) + "\n")


def voc_palette():
    """The PASCAL VOC palette, 256 RGB triples flat: 1 -> (128, 0, 0) ... 255 -> (224, 224, 192)."""
    pal = []
    for i in range(256):
        rgb = [0, 0, 0]
        for j in range(8):
            for c in range(3):
                rgb[c] |= ((i >> (3 * j + c)) & 1) << (7 - j)
        pal += rgb
    return pal


def write_voc(out, rng):
    """VOCtrainval_11-May-2012.tar: VOCdevkit/VOC2012/JPEGImages/<id>.jpg, the class masks
    SegmentationClass/<id>.png (palette PNGs: the class index per pixel, 255 for the 'void' outline
    VOC draws around objects) and ImageSets/Segmentation/{train,val,trainval}.txt. 72 train and 36
    val images 500 wide and 375 high, every ninth one portrait (375x500) so that the (320, 480)
    crop filter drops it as it drops some real ones: 64 train and 32 val remain (one batch of 64,
    as the book takes). Each has one to three ellipses or boxes of random classes 1-20, each class
    in its own colour; the first train image has an aeroplane (class 1) where the book prints its
    labels (rows 105-115, columns 130-140)."""
    import io
    import tarfile

    from PIL import Image

    colours = [hsv(c / 20, 0.9, 0.95 if c % 2 else 0.6) for c in range(21)]  # 0: unused
    pal = voc_palette()
    ids = [f"2012_{i:06d}" for i in range(108)]
    splits = {"train": ids[:72], "val": ids[72:], "trainval": ids}

    def add(t, name, data):
        info = tarfile.TarInfo("VOCdevkit/VOC2012/" + name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))

    with tarfile.open(os.path.join(out, "VOCtrainval_11-May-2012.tar"), "w") as t:
        for i, name in enumerate(ids):
            h, w = (500, 375) if i % 9 == 8 else (375, 500)
            img, lab = scene(rng, h, w), np.zeros((h, w), np.uint8)
            yy, xx = np.mgrid[0:h, 0:w]
            for k in range(int(rng.integers(1, 4))):
                cls = int(rng.integers(1, 21))
                cy, cx, ry, rx = rng.uniform([0.2 * h, 0.2 * w, 0.1 * h, 0.1 * w],
                                             [0.8 * h, 0.8 * w, 0.3 * h, 0.3 * w])
                if i == 0 and k == 0:
                    cls, cy, cx, ry, rx = 1, 110, 190, 50, 130
                if rng.random() < 0.5:
                    mask = ((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1
                else:
                    mask = (abs(yy - cy) <= ry) & (abs(xx - cx) <= rx)
                lab[mask] = cls
                img[mask] = (np.array(colours[cls]) + mottle(rng, h, w, 10))[mask]
            edge = np.zeros((h, w), bool)  # void: 2-3 pixels along each change of class
            edge[1:] |= lab[1:] != lab[:-1]
            edge[:, 1:] |= lab[:, 1:] != lab[:, :-1]
            edge[:-1] |= edge[1:].copy()
            edge[:, :-1] |= edge[:, 1:].copy()
            lab[edge] = 255
            png = Image.fromarray(lab)
            png.putpalette(pal)  # makes it a palette ('P') image, as VOC's are
            add(t, f"JPEGImages/{name}.jpg", encode(img, "JPEG"))
            add(t, f"SegmentationClass/{name}.png", encode(png))
        for split, names in splits.items():
            add(t, f"ImageSets/Segmentation/{split}.txt", ("\n".join(names) + "\n").encode())


CIFAR10 = "airplane automobile bird cat deer dog frog horse ship truck".split()


def write_cifar10(out, rng):
    """kaggle_cifar10_tiny.zip: kaggle_cifar10_tiny/trainLabels.csv (id,label), train/<id>.png:
    400 images of 32x32, 40 per class (the fewest for which the notebook's 10% validation split
    fills one batch of 32 and its training split the five batches its progress plot divides by),
    and test/<id>.png: 5, as in the real tiny set. A class is a colour and a shape."""
    import zipfile

    labels = np.arange(400) % 10
    rng.shuffle(labels)
    with zipfile.ZipFile(os.path.join(out, "kaggle_cifar10_tiny.zip"), "w") as z:
        for folder, ks in (("train", labels), ("test", rng.integers(0, 10, size=5))):
            for i, k in enumerate(ks, start=1):
                img = shape_image(rng, 32, 32, hsv(k / 10), KINDS[k % 4])
                z.writestr(f"kaggle_cifar10_tiny/{folder}/{i}.png", encode(img))
        z.writestr("kaggle_cifar10_tiny/trainLabels.csv", "id,label\n" + "".join(
            f"{i},{CIFAR10[k]}\n" for i, k in enumerate(labels, start=1)))


def write_hotdog(out, rng):
    """hotdog.zip: hotdog/{train,test}/{hotdog,not-hotdog}/<n>.png, 24 and 10 per class, each side
    160-320 pixels. A hot dog is a red-brown sausage across a tan bun; the others are one shape in
    a green, blue or purple hue."""
    import zipfile

    from PIL import Image, ImageDraw

    n = 0
    with zipfile.ZipFile(os.path.join(out, "hotdog.zip"), "w") as z:
        for split, count in (("train", 24), ("test", 10)):
            for label in ("hotdog", "not-hotdog"):
                for _ in range(count):
                    h, w = (int(v) for v in rng.integers(160, 321, size=2))
                    if label == "hotdog":
                        img = Image.fromarray(np.clip(scene(rng, h, w), 0, 255).astype(np.uint8))
                        bw, bh = rng.uniform(0.55, 0.75) * w, rng.uniform(0.25, 0.4) * h
                        x0, y0 = rng.uniform(0.08 * w, w - bw - 0.08 * w), rng.uniform(0, h - bh)
                        draw = ImageDraw.Draw(img)
                        draw.ellipse([x0, y0, x0 + bw, y0 + bh], fill=(215, 170, 110))
                        draw.ellipse([x0 - 0.08 * bw, y0 + 0.3 * bh, x0 + 1.08 * bw, y0 + 0.7 * bh],
                                     fill=(170, 60, 40))
                        img = np.asarray(img, dtype=float) + mottle(rng, h, w, 6)
                    else:
                        img = shape_image(rng, h, w, hsv(rng.uniform(0.25, 0.85)),
                                          KINDS[int(rng.integers(0, 4))])
                    z.writestr(f"hotdog/{split}/{label}/{n}.png", encode(img))
                    n += 1


DOG_BREEDS = ("affenpinscher afghan_hound african_hunting_dog airedale "
              "american_staffordshire_terrier appenzeller australian_terrier basenji basset "
              "beagle").split()


def write_dogs(out, rng):
    """kaggle_dog_tiny.zip: kaggle_dog_tiny/labels.csv (id,breed), train/<id>.jpg (60: six for
    each of the first ten breeds of the real 120) and test/<id>.jpg (10), ids 32 hex digits as in
    the competition, each side 150-300 pixels. A breed is a colour and a shape."""
    import zipfile

    labels = np.arange(60) % 10
    rng.shuffle(labels)
    rows = ["id,breed"]
    with zipfile.ZipFile(os.path.join(out, "kaggle_dog_tiny.zip"), "w") as z:
        for folder, ks in (("train", labels), ("test", rng.integers(0, 10, size=10))):
            for k in ks:
                name = "".join(f"{b:02x}" for b in rng.integers(0, 256, size=16))
                h, w = (int(v) for v in rng.integers(150, 301, size=2))
                img = shape_image(rng, h, w, hsv(k / 10 + 0.05), KINDS[k % 4])
                z.writestr(f"kaggle_dog_tiny/{folder}/{name}.jpg", encode(img, "JPEG"))
                if folder == "train":
                    rows.append(f"{name},{DOG_BREEDS[k]}")
        z.writestr("kaggle_dog_tiny/labels.csv", "\n".join(rows) + "\n")


def write_vision(out):
    """All chapter 13 archives, from their own seed (so --vision changes no other file)."""
    rng = np.random.default_rng(13)
    for write in (write_bananas, write_voc, write_cifar10, write_hotdog, write_dogs):
        write(out, rng)
    print("banana-detection.zip, VOCtrainval_11-May-2012.tar, kaggle_cifar10_tiny.zip, hotdog.zip, "
          f"kaggle_dog_tiny.zip -> {out}")


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
    if "--vision" in argv:
        write_vision(out)


if __name__ == "__main__":
    main(sys.argv[1:])

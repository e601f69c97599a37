"""More readers of standard image datasets, with MindSpore 2.10's columns, dtypes, row orders and
argument checks (measured on it with the same synthetic files): ``Places365Dataset``,
``LFWDataset``, ``FlickrDataset``, ``DIV2KDataset``, ``WIDERFaceDataset``, ``KITTIDataset`` and
``CityscapesDataset``, random-access sources (``sampler`` works, shuffled rows are in
MindSpore's order for the seed).

An image column is the file's bytes (1-D uint8) unless ``decode=True`` (HWC RGB uint8, a
grayscale or RGBA file too). The annotations are read when a reader is made (MindSpore reads
them when the pipeline starts: a missing file raises its RuntimeError at construction here),
the images when their rows are.
"""
import functools as _functools
import json as _json
import os as _os

import numpy as _np

from .._errors import ComputeError, ShapeError
from ._detection import (DetectionReader, _type_check, check_dir, check_file,
                         check_reading_args, read_image)
from ._text_sources import _lines, _read_text, check_usage
from ._vision_sources import _COMMON_ARGS, _DECODE, _RAISES, _no_rows, _subdirs

__all__ = ["Places365Dataset", "LFWDataset", "FlickrDataset", "DIV2KDataset",
           "WIDERFaceDataset", "KITTIDataset", "CityscapesDataset"]


def _doc(head, args, more=""):
    return (head + "\n\n    Args:\n" + args + _COMMON_ARGS.format(decode=_DECODE)
            + _RAISES.format(more=more))


class _Reader(DetectionReader):
    """Rows of the tuples `items`, each callable entry called when its row is read (an image:
    ``self._image(op, path, decode)``)."""

    @staticmethod
    def _image(op, path, decode):
        return _functools.partial(read_image, op, path, decode, None)

    def _rows(self, op, items, names, num_samples, shuffle, sampler, num_shards, shard_id,
              where):
        if not items:
            raise _no_rows(op, where)

        def row(i):
            return tuple(v() if callable(v) else v for v in items[i])

        self._read(op, len(items), row, names, num_samples, shuffle, sampler, num_shards,
                   shard_id)


def _need_file(op, path, what):
    if not _os.path.isfile(path):
        raise ComputeError(f"For '{op}', Invalid file, failed to open {path}: {what} file is "
                           "damaged or permission denied.")
    return path


class Places365Dataset(_Reader):
    __doc__ = _doc("""Places365: the images listed (``/a/airfield/00000001.jpg 0``: the path and
    the label) in ``places365_train_standard.txt``, ``places365_train_challenge.txt`` or
    ``places365_val.txt`` (``Places365_val_00000001.jpg 165``), in its order, under
    ``data_256_standard``, ``data_large_standard``, ``data_256_challenge``,
    ``data_large_challenge``, ``val_256`` or ``val_large``; ``categories_places365.txt`` must
    exist. Columns ``image`` (uint8) and ``label`` (uint32).""", """
        dataset_dir (str): The folder of the lists and the image folders.
        usage (str, optional): ``'train-standard'``, ``'train-challenge'`` or ``'val'``.
            Default: ``None``, ``'train-standard'``.
        small (bool, optional): The 256x256 images (``data_256_*``, ``val_256``) or the large
            ones (False or None). Default: ``True``.""", more=", an unknown `usage`")

    def __init__(self, dataset_dir, usage=None, small=True, decode=False, num_samples=None,
                 num_parallel_workers=None, shuffle=None, sampler=None, num_shards=None,
                 shard_id=None, cache=None):
        op = "Places365Dataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train-standard", "train-challenge", "val"),
                            "train-standard")
        if small is not None:
            _type_check(op, small, (bool,), "small")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        _need_file(op, _os.path.join(dataset_dir, "categories_places365.txt"), "Places365")
        size = "256" if small else "large"
        if usage == "val":
            listing, folder = "places365_val.txt", f"val_{size}/"
        else:
            kind = usage.split("-")[1]
            listing, folder = f"places365_train_{kind}.txt", f"data_{size}_{kind}/"
        listing = _need_file(op, _os.path.join(dataset_dir, listing), "Places365")
        items = []
        for line in _lines(listing):
            fields = line.split()
            if len(fields) < 2:
                continue
            path = _os.path.join(dataset_dir, folder) + fields[0]
            if not _os.path.isfile(path):
                raise ComputeError(f"For '{op}', Invalid file path, Places365 image: {path} does "
                                   "not exists.")
            items.append((self._image(op, path, bool(decode)), _np.uint32(int(fields[1]))))
        self._rows(op, items, ["image", "label"], num_samples, shuffle, sampler, num_shards,
                   shard_id, dataset_dir)


class LFWDataset(_Reader):
    __doc__ = _doc("""LFW (Labeled Faces in the Wild). Task ``'people'``: the people listed
    (``Aaron_Eckhart<TAB>3``: images ``_0001`` to ``_0003``) in ``peopleDevTrain.txt``,
    ``peopleDevTest.txt`` or ``people.txt`` (``'10fold'``), in its order; columns ``image``
    (uint8) and ``label`` (uint32: the person's line in ``lfw-names.txt``, from 0). Task
    ``'pairs'``: the lines of ``pairsDevTrain.txt``, ``pairsDevTest.txt`` or ``pairs.txt``
    (``Name<TAB>1<TAB>3``, label 1, or ``Name<TAB>1<TAB>Other<TAB>2``, label 0); columns
    ``image1``, ``image2`` (uint8) and ``label`` (uint32). Lines of other lengths (the counts)
    are skipped; usage ``'all'`` reads train, then test. The image of ``Name`` number ``n`` is
    ``<folder>/Name/Name_000n.jpg``, the folder ``lfw``, ``lfw_funneled`` or
    ``lfw-deepfunneled`` after `image_set`.""", """
        dataset_dir (str): The folder of the lists and the image folders.
        task (str, optional): ``'people'`` or ``'pairs'``. Default: ``None``, ``'people'``.
        usage (str, optional): ``'10fold'``, ``'train'``, ``'test'`` or ``'all'``.
            Default: ``None``, ``'all'``.
        image_set (str, optional): ``'original'``, ``'funneled'`` or ``'deepfunneled'``.
            Default: ``None``, ``'funneled'``.""",
                   more=", an unknown `task`, `usage` or `image_set`")

    def __init__(self, dataset_dir, task=None, usage=None, image_set=None, num_samples=None,
                 num_parallel_workers=None, shuffle=None, decode=False, sampler=None,
                 num_shards=None, shard_id=None, cache=None):
        op = "LFWDataset"
        check_dir(op, dataset_dir)
        task = check_usage(op, task, ("people", "pairs"), "people", "task")
        usage = check_usage(op, usage, ("10fold", "train", "test", "all"))
        image_set = check_usage(op, image_set, ("original", "funneled", "deepfunneled"),
                                "funneled", "image_set")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        folder = _os.path.join(dataset_dir, {"original": "lfw", "funneled": "lfw_funneled",
                                             "deepfunneled": "lfw-deepfunneled"}[image_set])
        stem = "people" if task == "people" else "pairs"
        files = {"10fold": [stem], "train": [stem + "DevTrain"], "test": [stem + "DevTest"],
                 "all": [stem + "DevTrain", stem + "DevTest"]}[usage]

        def image(name, n):
            return self._image(op, _os.path.join(folder, name, f"{name}_{int(n):04d}.jpg"),
                               bool(decode))

        items = []
        if task == "people":
            names = _lines(_need_file(op, _os.path.join(dataset_dir, "lfw-names.txt"), "LFW"))
            label = {line.split()[0]: k for k, line in enumerate(names) if line.split()}
            for f in files:
                for line in _lines(_need_file(op, _os.path.join(dataset_dir, f + ".txt"), "LFW")):
                    fields = line.split()
                    if len(fields) != 2:
                        continue
                    if fields[0] not in label:
                        raise ComputeError(f"For '{op}', Invalid data, {fields[0]} is not in "
                                           "lfw-names.txt.")
                    items += [(image(fields[0], n), _np.uint32(label[fields[0]]))
                              for n in range(1, int(fields[1]) + 1)]
            names = ["image", "label"]
        else:
            for f in files:
                for line in _lines(_need_file(op, _os.path.join(dataset_dir, f + ".txt"), "LFW")):
                    fields = line.split()
                    if len(fields) == 3:
                        items.append((image(fields[0], fields[1]), image(fields[0], fields[2]),
                                      _np.uint32(1)))
                    elif len(fields) == 4:
                        items.append((image(fields[0], fields[1]), image(fields[2], fields[3]),
                                      _np.uint32(0)))
            names = ["image1", "image2", "label"]
        self._rows(op, items, names, num_samples, shuffle, sampler, num_shards, shard_id,
                   dataset_dir)


class FlickrDataset(_Reader):
    __doc__ = _doc("""Flickr8k and Flickr30k: the annotation file's lines
    (``1000268201_693b08cb0e.jpg#0<TAB>A child in a pink dress .``: an image of `dataset_dir`,
    the caption's number, the caption; blank lines are skipped) give one row per image, the
    images sorted by name, with their captions in the file's order. Columns ``image`` (uint8)
    and ``annotation`` (1-D strings). Every listed image must exist.""", """
        dataset_dir (str): The folder of the images (``Flickr8k_Dataset``,
            ``flickr30k-images``).
        annotation_file (str): The captions file (``Flickr8k.token.txt``,
            ``results_20130124.token``).""", more=" or `annotation_file` not a file")

    def __init__(self, dataset_dir, annotation_file, num_samples=None, num_parallel_workers=None,
                 shuffle=None, decode=None, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        op = "FlickrDataset"
        check_dir(op, dataset_dir)
        check_file(op, annotation_file)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        captions = {}
        for line in _lines(annotation_file):
            if not line.strip():
                continue
            key, _, caption = line.partition("\t")
            name = key.split("#")[0]
            path = _os.path.join(dataset_dir, name)
            if name not in captions and not _os.path.isfile(path):
                raise ComputeError(f"For '{op}', Invalid file path, flickr dataset file: {path} "
                                   "does not exist.")
            captions.setdefault(name, []).append(caption)
        items = [(self._image(op, _os.path.join(dataset_dir, name), bool(decode)),
                  _np.array(caps)) for name, caps in sorted(captions.items())]
        self._rows(op, items, ["image", "annotation"], num_samples, shuffle, sampler,
                   num_shards, shard_id, annotation_file)


_DIV2K_DOWNGRADES = ("bicubic", "unknown", "mild", "difficult", "wild")


class DIV2KDataset(_Reader):
    __doc__ = _doc("""DIV2K: the ``.png`` images of ``DIV2K_<usage>_HR`` (``0001.png``, ...),
    sorted by name (usage ``'all'``: train, then valid), each with its low-resolution image:
    ``DIV2K_<usage>_LR_<downgrade>/X<scale>/0001x<scale>.png`` (bicubic, unknown),
    ``DIV2K_<usage>_LR_<downgrade>/0001x4<m|d|w>.png`` (mild, difficult, wild) or
    ``DIV2K_<usage>_LR_x8/0001x8.png`` (bicubic, scale 8). Columns ``hr_image`` and
    ``lr_image`` (uint8).""", """
        dataset_dir (str): The folder of the ``DIV2K_*`` folders.
        usage (str, optional): ``'train'``, ``'valid'`` or ``'all'``. Default: ``'train'``.
        downgrade (str, optional): ``'bicubic'``, ``'unknown'``, ``'mild'``, ``'difficult'``
            or ``'wild'``. Default: ``'bicubic'``.
        scale (int, optional): 2, 3, 4 or 8 (8 only with bicubic; mild, difficult and wild
            only 4). Default: 2.""", more=", an unknown `usage`, `downgrade` or `scale`")

    def __init__(self, dataset_dir, usage="train", downgrade="bicubic", scale=2,
                 num_samples=None, num_parallel_workers=None, shuffle=None, decode=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "DIV2KDataset"
        check_dir(op, dataset_dir)
        _type_check(op, usage, (str,), "usage")
        usage = check_usage(op, usage, ("train", "valid", "all"))
        _type_check(op, downgrade, (str,), "downgrade")
        downgrade = check_usage(op, downgrade, _DIV2K_DOWNGRADES, name="downgrade")
        _type_check(op, scale, (int,), "scale")
        scale = check_usage(op, scale, (2, 3, 4, 8), name="scale", types=(int,))
        if scale == 8 and downgrade != "bicubic":
            raise ShapeError(f"For '{op}', DIV2KNode: scale equal to 8 is allowed only in "
                             "bicubic downgrade.")
        if downgrade in ("mild", "difficult", "wild") and scale != 4:
            raise ShapeError(f"For '{op}', DIV2KNode: {downgrade} downgrade requires scale "
                             "equal to 4.")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        items = []
        for u in ("train", "valid"):
            if usage not in (u, "all"):
                continue
            hr = _os.path.join(dataset_dir, f"DIV2K_{u}_HR")
            if not _os.path.isdir(hr):
                raise ComputeError(f"For '{op}', Invalid path, div2k image dir: {hr} does not "
                                   "exist.")
            for f in sorted(f for f in _os.listdir(hr) if f.endswith(".png")):
                stem = f[:-4]
                if scale == 8:
                    lr = f"DIV2K_{u}_LR_x8/{stem}x8.png"
                elif downgrade in ("bicubic", "unknown"):
                    lr = f"DIV2K_{u}_LR_{downgrade}/X{scale}/{stem}x{scale}.png"
                else:
                    lr = f"DIV2K_{u}_LR_{downgrade}/{stem}x4{downgrade[0]}.png"
                lr = _os.path.join(dataset_dir, lr)
                if not _os.path.isfile(lr):
                    raise ComputeError(f"For '{op}', Invalid file, div2k image file: {lr} does "
                                       "not exist.")
                items.append((self._image(op, _os.path.join(hr, f), bool(decode)),
                              self._image(op, lr, bool(decode))))
        self._rows(op, items, ["hr_image", "lr_image"], num_samples, shuffle, sampler,
                   num_shards, shard_id, dataset_dir)


_WIDER_COLUMNS = ["bbox", "blur", "expression", "illumination", "occlusion", "pose", "invalid"]


def _wider_boxes(op, path):
    """{image: int32 ``[n, 10]``} of a ``wider_face_*_bbx_gt.txt``: a name line, a count line,
    then ``max(count, 1)`` lines of 10 numbers (an image without faces has a line of zeros)."""
    lines = [line.strip() for line in _lines(path)]
    boxes, i = {}, 0
    while i < len(lines):
        name = lines[i]
        if not name:
            i += 1
            continue
        try:
            n = max(int(lines[i + 1]), 1)
            rows = [[int(v) for v in line.split()[:10]] for line in lines[i + 2:i + 2 + n]]
        except (IndexError, ValueError):
            raise ComputeError(f"For '{op}', Invalid data, failed to parse {path} at the "
                               f"annotation of {name}.") from None
        if len(rows) != n or any(len(r) != 10 for r in rows):
            raise ComputeError(f"For '{op}', Invalid data, the annotation of {name} in {path} "
                               "is incomplete.")
        boxes[name] = _np.array(rows, _np.int32).reshape(-1, 10)
        i += 2 + n
    return boxes


class WIDERFaceDataset(_Reader):
    __doc__ = _doc("""WIDER FACE: the images of ``WIDER_train/images/<event>/``,
    ``WIDER_val/images/<event>/`` (usage ``'all'``: train, then valid, both through the event
    folders of ``WIDER_train``) or ``WIDER_test/images/<event>/``: the event folders sorted,
    the images of one in the order the file system lists them (as MindSpore 2.10 reads them).
    Train and valid rows have the faces of ``wider_face_split/wider_face_<train|val>_bbx_gt.txt``
    (an image not in it has none): columns ``image`` (uint8), ``bbox`` (int32 ``[faces, 4]``)
    and ``blur``, ``expression``, ``illumination``, ``occlusion``, ``pose``, ``invalid`` (int32
    ``[faces]``: the file's fields 5 to 10 in this order); test rows only ``image``.""", """
        dataset_dir (str): The folder of ``WIDER_*`` and ``wider_face_split``.
        usage (str, optional): ``'train'``, ``'test'``, ``'valid'`` or ``'all'``.
            Default: ``None``, ``'all'``.""", more=", an unknown `usage`")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        op = "WIDERFaceDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "valid", "all"))
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        parts = {"train": ["train"], "valid": ["val"], "test": ["test"],
                 "all": ["train", "val"]}[usage]
        events = None
        items = []
        for part in parts:
            root = _os.path.join(dataset_dir, f"WIDER_{part}", "images")
            if events is None:
                if not _os.path.isdir(root):
                    raise ComputeError(f"For '{op}', Invalid path, failed to open dir: {root}, "
                                       "not exists or permission denied.")
                events = _subdirs(root)
            boxes = None
            if part != "test":
                gt = _os.path.join(dataset_dir, "wider_face_split",
                                   f"wider_face_{part}_bbx_gt.txt")
                boxes = _wider_boxes(op, _need_file(op, gt, "WIDERFace"))
            for event in events:
                folder = _os.path.join(root, event)
                if not _os.path.isdir(folder):
                    raise ComputeError(f"For '{op}', Invalid path, failed to open dir: {folder}, "
                                       "not exists or permission denied.")
                for f in _os.listdir(folder):  # the file system's order, as MindSpore reads
                    path = _os.path.join(folder, f)
                    if not _os.path.isfile(path):
                        continue
                    image = self._image(op, path, bool(decode))
                    if boxes is None:
                        items.append((image,))
                        continue
                    b = boxes.get(event + "/" + f, _np.zeros((0, 10), _np.int32))
                    items.append((image, b[:, :4].copy()) + tuple(b[:, k].copy()
                                                                  for k in range(4, 10)))
        names = ["image"] if usage == "test" else ["image"] + _WIDER_COLUMNS
        self._rows(op, items, names, num_samples, shuffle, sampler, num_shards, shard_id,
                   dataset_dir)


_KITTI_COLUMNS = ["image", "label", "truncated", "occluded", "alpha", "bbox", "dimensions",
                  "location", "rotation_y"]


def _kitti_objects(op, path):
    """The object lines of a KITTI label file, split: ``type truncated occluded alpha x1 y1 x2
    y2 h w l x y z rotation_y``."""
    if not _os.path.isfile(path):
        raise ComputeError(f"For '{op}', Invalid file, failed to open {path}: KITTI label file "
                           "is damaged or permission denied.")
    objects = [line.split() for line in _lines(path) if line.split()]
    for o in objects:
        if len(o) < 15:
            raise ComputeError(f"For '{op}', Invalid data, the line {' '.join(o)!r} of {path} "
                               "is not a KITTI object (15 fields).")
    return objects


def _kitti_columns(objects, classes):
    """The label columns of one image's objects; a ``type`` is numbered by `classes`."""
    n = len(objects)

    def col(lo, hi, dtype):
        return _np.array([[float(v) for v in o[lo:hi]] for o in objects], _np.float64) \
            .reshape(n, hi - lo).astype(dtype)

    label = _np.array([[classes[o[0]]] for o in objects], _np.uint32).reshape(n, 1)
    return (label, col(1, 2, _np.float32), col(2, 3, _np.float64).astype(_np.uint32),
            col(3, 4, _np.float32), col(4, 8, _np.float32), col(8, 11, _np.float32),
            col(11, 14, _np.float32), col(14, 15, _np.float32))


class KITTIDataset(_Reader):
    __doc__ = _doc("""KITTI object detection: the ``.png`` images of
    ``data_object_image_2/training/image_2`` (or ``testing/image_2``), sorted by name. Train
    rows have the objects of ``data_object_label_2/training/label_2/<name>.txt`` (lines
    ``Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59``):
    columns ``image`` (uint8), ``label`` (uint32 ``[n, 1]``: the index of the type among the
    sorted types of all the label files read, e.g. Car 0, Cyclist 1, ...), ``truncated`` (float32
    ``[n, 1]``), ``occluded`` (uint32 ``[n, 1]``), ``alpha`` (float32 ``[n, 1]``), ``bbox``
    (``[n, 4]``), ``dimensions`` (``[n, 3]``), ``location`` (``[n, 3]``) and ``rotation_y``
    (``[n, 1]``), all float32; test rows only ``image``.""", """
        dataset_dir (str): The folder of ``data_object_image_2`` and ``data_object_label_2``.
        usage (str, optional): ``'train'`` or ``'test'``. Default: ``None``, ``'train'``.""",
                   more=", an unknown `usage`")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        op = "KITTIDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test"), "train")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        part = "training" if usage == "train" else "testing"
        folder = _os.path.join(dataset_dir, "data_object_image_2", part, "image_2")
        if not _os.path.isdir(folder):
            raise ComputeError(f"For '{op}', Invalid path, KITTI image dir: {folder} does not "
                               "exist.")
        labels = _os.path.join(dataset_dir, "data_object_label_2", part, "label_2")
        files = sorted(f for f in _os.listdir(folder) if f.endswith(".png"))
        images = [self._image(op, _os.path.join(folder, f), bool(decode)) for f in files]
        if usage == "test":
            items = [(image,) for image in images]
        else:
            objects = [_kitti_objects(op, _os.path.join(labels, f[:-4] + ".txt")) for f in files]
            classes = {c: k for k, c in enumerate(sorted({o[0] for obj in objects for o in obj}))}
            items = [(image,) + _kitti_columns(obj, classes) for image, obj in zip(images, objects)]
        names = ["image"] if usage == "test" else _KITTI_COLUMNS
        self._rows(op, items, names, num_samples, shuffle, sampler, num_shards, shard_id,
                   folder)


_CITY_SUFFIX = {"instance": "instanceIds.png", "semantic": "labelIds.png", "color": "color.png",
                "polygon": "polygons.json"}


def _polygon_json(op, path):
    """The JSON file as MindSpore 2.10 gives it: keys sorted, no spaces, UTF-8 kept."""
    try:
        data = _json.loads(_read_text(path))
    except ValueError as e:
        raise ComputeError(f"For '{op}', Invalid file, failed to parse {path}: {e}") from None
    return _np.array(_json.dumps(data, sort_keys=True, separators=(",", ":"),
                                 ensure_ascii=False))


class CityscapesDataset(_Reader):
    __doc__ = _doc("""Cityscapes: the images ``leftImg8bit/<usage>/<city>/<name>_leftImg8bit.png``
    (the cities and images sorted by name; usage ``'all'``: train, test, val for ``'fine'``,
    train, train_extra, val for ``'coarse'``), each with its
    ``gtFine/<usage>/<city>/<name>_gtFine_<instanceIds|labelIds|color>.png`` (``gtCoarse``
    and ``_gtCoarse_`` for ``'coarse'``) or ``..._polygons.json``. Columns ``image`` (uint8) and
    ``task`` (uint8 image; for ``'polygon'`` a string: the JSON with its keys sorted, without
    spaces).""", """
        dataset_dir (str): The folder of ``leftImg8bit`` and ``gtFine``/``gtCoarse``.
        usage (str, optional): ``'train'``, ``'test'``, ``'val'`` or ``'all'`` (fine);
            ``'train'``, ``'train_extra'``, ``'val'`` or ``'all'`` (coarse). Default:
            ``'train'``.
        quality_mode (str, optional): ``'fine'`` or ``'coarse'``. Default: ``'fine'``.
        task (str, optional): ``'instance'``, ``'semantic'``, ``'polygon'`` or ``'color'``.
            Default: ``'instance'``.""", more=", an unknown `usage`, `quality_mode` or `task`")

    def __init__(self, dataset_dir, usage="train", quality_mode="fine", task="instance",
                 num_samples=None, num_parallel_workers=None, shuffle=None, decode=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "CityscapesDataset"
        check_dir(op, dataset_dir)
        for name, v in (("task", task), ("quality_mode", quality_mode), ("usage", usage)):
            _type_check(op, v, (str,), name)
        task = check_usage(op, task, ("instance", "semantic", "polygon", "color"), name="task")
        quality_mode = check_usage(op, quality_mode, ("fine", "coarse"), name="quality_mode")
        usages = ("train", "test", "val") if quality_mode == "fine" else \
            ("train", "train_extra", "val")
        usage = check_usage(op, usage, usages + ("all",))
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        gt = "gtFine" if quality_mode == "fine" else "gtCoarse"
        items = []
        for u in usages:
            if usage not in (u, "all"):
                continue
            images = _os.path.join(dataset_dir, "leftImg8bit", u)
            labels = _os.path.join(dataset_dir, gt, u)
            for d, what in ((images, "image"), (labels, "task")):
                if not _os.path.isdir(d):
                    raise ComputeError(f"For '{op}', Invalid path, Cityscapes Dataset {what} "
                                       f"dir: {d} is not a directory path.")
            for city in _subdirs(images):
                for f in sorted(_os.listdir(_os.path.join(images, city))):
                    if not f.endswith("_leftImg8bit.png"):
                        continue
                    target = _os.path.join(labels, city, f"{f[:-len('_leftImg8bit.png')]}_{gt}_"
                                           f"{_CITY_SUFFIX[task]}")
                    if not _os.path.isfile(target):
                        raise ComputeError(f"For '{op}', Invalid file, Cityscapes Dataset task "
                                           f"file: {target} does not exist.")
                    second = _functools.partial(_polygon_json, op, target) if task == "polygon" \
                        else self._image(op, target, bool(decode))
                    items.append((self._image(op, _os.path.join(images, city, f), bool(decode)),
                                  second))
        self._rows(op, items, ["image", "task"], num_samples, shuffle, sampler, num_shards,
                   shard_id, dataset_dir)

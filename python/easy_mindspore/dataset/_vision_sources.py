"""The readers of standard image datasets, with MindSpore 2.10's columns, dtypes, row orders and
argument checks (measured on it with the same synthetic files): ``Caltech101Dataset``,
``Caltech256Dataset``, ``CelebADataset``, ``Food101Dataset``, ``OmniglotDataset``,
``SBUDataset``, ``SemeionDataset``, ``STL10Dataset``, ``SUN397Dataset`` (random-access
sources: ``sampler`` works, shuffled rows are in MindSpore's order for the seed) and
``USPSDataset`` (a file reader, with the text readers' order of several files).

An ``image`` column is the file's bytes (1-D uint8) unless ``decode=True`` (HWC RGB uint8).
"""
import os as _os

import numpy as _np

from .._errors import ComputeError, ShapeError, UnimplementedError
from ._detection import (DetectionReader, _type_check, check_dir, check_reading_args,
                         read_image)
from ._detection import READER_ARGS
from ._detection import no_rows as _no_rows
from ._text_sources import _FileSource, _lines, _read_text, check_usage
from .text_files import Shuffle

__all__ = ["Caltech101Dataset", "Caltech256Dataset", "CelebADataset", "Food101Dataset",
           "OmniglotDataset", "SBUDataset", "SemeionDataset", "STL10Dataset", "SUN397Dataset",
           "USPSDataset"]

_IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".bmp")


def _subdirs(folder):
    return sorted(d for d in _os.listdir(folder) if _os.path.isdir(_os.path.join(folder, d)))


def _images(folder, exts=_IMAGE_EXTS):
    return sorted(f for f in _os.listdir(folder) if _os.path.isfile(_os.path.join(folder, f))
                  and _os.path.splitext(f)[1].lower() in exts)


class _ImageReader(DetectionReader):
    """Rows ``(read_image(path), *labels)`` of the ``(path, labels)`` list `items`."""

    def _images(self, op, items, names, decode, num_samples, shuffle, sampler, num_shards,
                shard_id, where):
        if not items:
            raise _no_rows(op, where)

        def row(i):
            path, labels = items[i]
            return (read_image(op, path, decode, None),) + tuple(labels)

        self._read(op, len(items), row, names, num_samples, shuffle, sampler, num_shards,
                   shard_id)


_COMMON_ARGS = READER_ARGS
_DECODE = """
        decode (bool, optional): Decode the images. Default: ``False``."""
_RAISES = """
    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder{more}; `num_shards`/`shard_id` out of range.
        RuntimeError: No image is found; `sampler` with `shuffle`, `num_samples` or shards;
            an image cannot be read or decoded (when its row is read).
"""


def _doc(head, args, decode=True, more=""):
    return (head + "\n\n    Args:\n" + args + _COMMON_ARGS.format(decode=_DECODE if decode else "")
            + _RAISES.format(more=more))


class Caltech256Dataset(_ImageReader):
    __doc__ = _doc("""Caltech 256: one class per sub-folder of `dataset_dir` (``001.ak47``,
    ``002.american-flag``, ..., ``257.clutter``), labelled 0, 1, ... in the folders' sorted
    order; the images (``.jpg``, ``.jpeg``, ``.png``, ``.bmp``) of a folder sorted by name.
    Columns ``image`` (uint8) and ``label`` (int32, as MindSpore 2.10 yields it).""", """
        dataset_dir (str): The folder of the class folders.""")

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "Caltech256Dataset"
        check_dir(op, dataset_dir)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        items = [(_os.path.join(dataset_dir, d, f), (_np.int32(k),))
                 for k, d in enumerate(_subdirs(dataset_dir))
                 for f in _images(_os.path.join(dataset_dir, d))]
        self._images(op, items, ["image", "label"], bool(decode), num_samples, shuffle, sampler,
                     num_shards, shard_id, dataset_dir)


class Caltech101Dataset(_ImageReader):
    __doc__ = _doc("""Caltech 101: the images of ``101_ObjectCategories/<class>/`` (the
    folder ``BACKGROUND_Google`` left out), classes labelled 0, 1, ... in their sorted order,
    the images of a class sorted by name. Columns ``image`` (uint8) and ``category`` (int64, as
    MindSpore 2.10 yields it). ``target_type='annotation'``/``'all'`` read MATLAB ``.mat``
    contours, which this package does not read (no SciPy).""", """
        dataset_dir (str): The folder of ``101_ObjectCategories`` (and ``Annotations``).
        target_type (str, optional): ``'category'``; ``'annotation'`` and ``'all'`` raise.
            Default: ``None``, ``'category'``.""", more=", an unknown `target_type`")

    def __init__(self, dataset_dir, target_type=None, num_samples=None, num_parallel_workers=1,
                 shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None):
        op = "Caltech101Dataset"
        check_dir(op, dataset_dir)
        if target_type is None:
            target_type = "category"
        _type_check(op, target_type, (str,), "target_type")
        if target_type not in ("category", "annotation", "all"):
            raise ShapeError(f"For '{op}', Input target_type is not within the valid set of "
                             "['category', 'annotation', 'all'].")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, None)
        if target_type != "category":
            raise UnimplementedError(f"For '{op}', target_type '{target_type}' reads the MATLAB "
                                     "annotation files, which this package cannot read.")
        root = _os.path.join(dataset_dir, "101_ObjectCategories")
        classes = [c for c in _subdirs(root) if c != "BACKGROUND_Google"] \
            if _os.path.isdir(root) else []
        items = [(_os.path.join(root, c, f), (_np.int64(k),)) for k, c in enumerate(classes)
                 for f in _images(_os.path.join(root, c))]
        self._images(op, items, ["image", "category"], bool(decode), num_samples, shuffle,
                     sampler, num_shards, shard_id, root)


class CelebADataset(_ImageReader):
    __doc__ = _doc("""CelebA (CelebFaces Attributes): the images listed in
    ``list_attr_celeba.txt`` (a count line, a line of the attribute names, then
    ``000001.jpg -1 1 ...``), in its order, those of `usage` per ``list_eval_partition.txt``
    (``000001.jpg 0``: 0 train, 1 valid, 2 test), all in `dataset_dir`. Columns ``image``
    (uint8) and ``attr`` (uint32 ``[attributes]``: 1 for 1, 0 for -1).""", """
        dataset_dir (str): The folder of the images and the two lists.
        usage (str, optional): ``'train'``, ``'valid'``, ``'test'`` or ``'all'``.
            Default: ``'all'``.
        extensions (list[str], optional): Only the images of these extensions.
            Default: ``None``, all.
        decrypt (None): Only ``None``.""", more=", an unknown `usage`")

    def __init__(self, dataset_dir, num_parallel_workers=None, shuffle=None, usage="all",
                 sampler=None, decode=False, extensions=None, num_samples=None, num_shards=None,
                 shard_id=None, cache=None, decrypt=None):
        op = "CelebADataset"
        check_dir(op, dataset_dir)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        if usage is None:
            usage = "all"
        if usage not in ("all", "train", "valid", "test"):
            raise ShapeError(f"For '{op}', usage should be 'all', 'train', 'valid' or 'test'.")
        if extensions is not None:
            _type_check(op, extensions, (list,), "extensions")
        if decrypt is not None:
            raise UnimplementedError(f"For '{op}', decrypt is not supported.")
        attr_file = _os.path.join(dataset_dir, "list_attr_celeba.txt")
        if not _os.path.isfile(attr_file):
            raise ComputeError(f"For '{op}', Invalid file, failed to open CelebA attr file: "
                               f"{attr_file}")
        lines = _lines(attr_file)
        keep = None
        if usage != "all":
            part = _os.path.join(dataset_dir, "list_eval_partition.txt")
            if not _os.path.isfile(part):
                raise ComputeError(f"For '{op}', Invalid file, failed to open CelebA partition "
                                   f"file: {part}")
            want = {"train": "0", "valid": "1", "test": "2"}[usage]
            keep = {f[0] for f in (line.split() for line in _lines(part))
                    if len(f) == 2 and f[1] == want}
        exts = None if extensions is None else {e.lower() for e in extensions}
        self._attr_names = lines[1].split() if len(lines) > 1 else []
        items = []
        for line in lines[2:]:
            fields = line.split()
            if not fields or (keep is not None and fields[0] not in keep):
                continue
            if exts is not None and _os.path.splitext(fields[0])[1].lower() not in exts:
                continue
            attr = _np.array([1 if v == "1" else 0 for v in fields[1:]], _np.uint32)
            items.append((_os.path.join(dataset_dir, fields[0]), (attr,)))
        self._images(op, items, ["image", "attr"], bool(decode), num_samples, shuffle, sampler,
                     num_shards, shard_id, dataset_dir)


class Food101Dataset(_ImageReader):
    __doc__ = _doc("""Food-101: the images ``images/<class>/<id>.jpg`` listed
    (``<class>/<id>``) in ``meta/train.txt`` and ``meta/test.txt``, in their order (``'all'``:
    train, then test). Columns ``image`` (uint8) and ``label`` (string: the class).""", """
        dataset_dir (str): The folder of ``images`` and ``meta``.
        usage (str, optional): ``'train'``, ``'test'`` or ``'all'``. Default: ``None``,
            ``'all'``.""", more=", an unknown `usage`")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        op = "Food101Dataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "all"))
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        items = []
        for u in ("train", "test"):
            if usage not in (u, "all"):
                continue
            meta = _os.path.join(dataset_dir, "meta", u + ".txt")
            if not _os.path.isfile(meta):
                raise ComputeError(f"For '{op}', Invalid file, failed to open {meta}.")
            for line in _lines(meta):
                name = line.strip()
                if name:
                    path = _os.path.join(dataset_dir, "images", name + ".jpg")
                    items.append((path, (_np.array(name.split("/")[0]),)))
        self._images(op, items, ["image", "label"], bool(decode), num_samples, shuffle, sampler,
                     num_shards, shard_id, dataset_dir)


class OmniglotDataset(_ImageReader):
    __doc__ = _doc("""Omniglot: ``images_background/<alphabet>/<character>/*.png`` (or
    ``images_evaluation``), one class per character, labelled 0, 1, ... over the sorted
    alphabets and, within each, the sorted characters; the images of a character sorted by
    name. Columns ``image`` (uint8) and ``label`` (int32, as MindSpore 2.10 yields it).""", """
        dataset_dir (str): The folder of ``images_background`` and ``images_evaluation``.
        background (bool, optional): Read ``images_background`` (True) or
            ``images_evaluation``. Default: ``None``, True.""")

    def __init__(self, dataset_dir, background=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        op = "OmniglotDataset"
        check_dir(op, dataset_dir)
        if background is not None:
            _type_check(op, background, (bool,), "background")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        root = _os.path.join(dataset_dir, "images_background" if background in (None, True)
                             else "images_evaluation")
        items, label = [], 0
        for a in (_subdirs(root) if _os.path.isdir(root) else []):
            for c in _subdirs(_os.path.join(root, a)):
                folder = _os.path.join(root, a, c)
                items += [(_os.path.join(folder, f), (_np.int32(label),)) for f in _images(folder)]
                label += 1
        self._images(op, items, ["image", "label"], bool(decode), num_samples, shuffle, sampler,
                     num_shards, shard_id, root)


class SBUDataset(_ImageReader):
    __doc__ = _doc("""SBU Captioned Photo: line ``i`` of
    ``SBU_captioned_photo_dataset_urls.txt`` names an image of ``sbu_images`` (the URL
    ``http://static.flickr.com/2723/4385058960_b0f291553e.jpg`` is the file
    ``m_2723_4385058960_b0f291553e.jpg``), line ``i`` of
    ``SBU_captioned_photo_dataset_captions.txt`` is its caption; the lines whose image is
    missing are left out. Columns ``image`` (uint8) and ``caption`` (string, without
    surrounding blanks).""", """
        dataset_dir (str): The folder of the two lists and ``sbu_images``.""")

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "SBUDataset"
        check_dir(op, dataset_dir)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        urls_file = _os.path.join(dataset_dir, "SBU_captioned_photo_dataset_urls.txt")
        caps_file = _os.path.join(dataset_dir, "SBU_captioned_photo_dataset_captions.txt")
        for f in (urls_file, caps_file):
            if not _os.path.isfile(f):
                raise ComputeError(f"For '{op}', Invalid file, failed to open SBU file: {f}")
        images = _os.path.join(dataset_dir, "sbu_images")
        items = []
        for url, caption in zip(_lines(urls_file), _lines(caps_file)):
            url = url.strip()
            rest = url.split("://", 1)[-1].split("/", 1)[-1]
            path = _os.path.join(images, "m_" + rest.replace("/", "_"))
            if url and _os.path.isfile(path):
                items.append((path, (_np.array(caption.strip()),)))
        if not items:
            raise ComputeError(f"For '{op}', Invalid data, no valid images in {images}, check "
                               "SBU dataset.")
        self._images(op, items, ["image", "caption"], bool(decode), num_samples, shuffle,
                     sampler, num_shards, shard_id, images)


class SUN397Dataset(_ImageReader):
    __doc__ = _doc("""SUN397 (Scene UNderstanding): the classes listed in ``ClassName.txt``
    (``/a/abbey``, ``/b/balcony/exterior``, ...; label = line number from 0), the images
    (``.jpg``) of each class's folder; the rows ordered by the classes' paths, then the image
    names. Columns ``image`` (uint8) and ``label`` (uint32).""", """
        dataset_dir (str): The folder of ``ClassName.txt`` and the class folders.""")

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "SUN397Dataset"
        check_dir(op, dataset_dir)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        names = _os.path.join(dataset_dir, "ClassName.txt")
        if not _os.path.isfile(names):
            raise ComputeError(f"For '{op}', Invalid file, failed to open {names}.")
        classes = [c.strip().strip("/") for c in _lines(names) if c.strip()]
        items = []
        for k, c in sorted(enumerate(classes), key=lambda kc: kc[1]):
            folder = _os.path.join(dataset_dir, *c.split("/"))
            if _os.path.isdir(folder):
                items += [(_os.path.join(folder, f), (_np.uint32(k),))
                          for f in _images(folder, (".jpg",))]
        self._images(op, items, ["image", "label"], bool(decode), num_samples, shuffle, sampler,
                     num_shards, shard_id, dataset_dir)


class SemeionDataset(DetectionReader):
    __doc__ = _doc("""Semeion handwritten digits: one row per line of ``semeion.data`` (256
    pixels ``0.0000``/``1.0000`` then 10 one-hot digits). Columns ``image`` (uint8 ``[16, 16]``,
    0 or 1) and ``label`` (uint32: the digit).""", """
        dataset_dir (str): The folder of ``semeion.data``.""", decode=False)

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "SemeionDataset"
        check_dir(op, dataset_dir)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        path = _os.path.join(dataset_dir, "semeion.data")
        if not _os.path.isfile(path):
            raise ComputeError(f"For '{op}', Invalid file, failed to find semeion file: "
                               f"{dataset_dir}")
        rows = []
        for line in _lines(path):
            v = line.split()
            if not v:
                continue
            if len(v) != 266:
                raise ComputeError(f"For '{op}', Invalid data, a line of {path} has {len(v)} "
                                   "values, not 266.")
            pixels = _np.array([float(x) for x in v[:256]], _np.float32).astype(_np.uint8)
            digit = _np.argmax([float(x) for x in v[256:]])
            rows.append((pixels.reshape(16, 16), _np.uint32(digit)))
        if not rows:
            raise _no_rows(op, path)
        self._read(op, len(rows), rows.__getitem__, ["image", "label"], num_samples, shuffle,
                   sampler, num_shards, shard_id)


class STL10Dataset(DetectionReader):
    __doc__ = _doc("""STL-10: the binary files ``train_X.bin``/``train_y.bin``,
    ``test_X.bin``/``test_y.bin`` and ``unlabeled_X.bin`` (images of 3 × 96 × 96 bytes, each
    plane column-major; labels one byte, 1 to 10). Columns ``image`` (uint8 ``[96, 96, 3]``)
    and ``label`` (int32: 0 to 9, -1 for the unlabeled images). Usage ``'all'`` reads test,
    train, then unlabeled.""", """
        dataset_dir (str): The folder of the ``.bin`` files.
        usage (str, optional): ``'train'``, ``'test'``, ``'unlabeled'``, ``'train+unlabeled'``
            or ``'all'``. Default: ``None``, ``'all'``.""", decode=False,
                   more=", an unknown `usage`")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "STL10Dataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "unlabeled", "train+unlabeled", "all"))
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        parts = {"train": ["train"], "test": ["test"], "unlabeled": ["unlabeled"],
                 "train+unlabeled": ["train", "unlabeled"],
                 "all": ["test", "train", "unlabeled"]}[usage]
        images, labels = [], []
        for p in parts:
            xf = _os.path.join(dataset_dir, p + "_X.bin")
            if not _os.path.isfile(xf):
                raise ComputeError(f"For '{op}', Invalid file, failed to open {xf}.")
            x = _np.fromfile(xf, _np.uint8)
            if x.size % (3 * 96 * 96):
                raise ComputeError(f"For '{op}', Invalid data, {xf} is not whole 96x96 images.")
            x = x.reshape(-1, 3, 96, 96).transpose(0, 3, 2, 1)
            if p == "unlabeled":
                y = _np.full(len(x), -1, _np.int32)
            else:
                yf = _os.path.join(dataset_dir, p + "_y.bin")
                if not _os.path.isfile(yf):
                    raise ComputeError(f"For '{op}', Invalid file, failed to open {yf}.")
                y = _np.fromfile(yf, _np.uint8).astype(_np.int32) - 1
                if len(y) != len(x):
                    raise ComputeError(f"For '{op}', Invalid data, {yf} has {len(y)} labels for "
                                       f"{len(x)} images.")
            images.append(x)
            labels.append(y)
        x, y = _np.concatenate(images), _np.concatenate(labels)
        if not len(x):
            raise _no_rows(op, dataset_dir)
        self._read(op, len(x), lambda i: (_np.ascontiguousarray(x[i]), y[i]),
                   ["image", "label"], num_samples, shuffle, sampler, num_shards, shard_id)


class USPSDataset(_FileSource):
    """USPS (U.S. Postal Service) digits: the LIBSVM-format text files ``usps`` (train) and
    ``usps.t`` (test), one image per line (``label 1:v1 2:v2 ... 256:v256 ``, values in
    [-1, 1], labels 1 to 10). Columns ``image`` (uint8 ``[16, 16, 1]``: ``(v + 1) / 2 * 255``
    truncated) and ``label`` (uint32: 0 to 9). A file reader: rows of several files in the
    text readers' order (see ``_text_sources``).

    Args:
        dataset_dir (str): The folder of ``usps`` and ``usps.t``.
        usage (str, optional): ``'train'``, ``'test'`` or ``'all'``. Default: ``None``, all.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): The reading workers. Default: ``None``.
        shuffle (Union[bool, Shuffle], optional): The shuffling. Default: ``Shuffle.GLOBAL``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage`.
        RuntimeError: The files have no rows or a line is malformed (when read).
    """

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        op = "USPSDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "all"))
        files = [_os.path.join(dataset_dir, f) for u, f in (("train", "usps"), ("test", "usps.t"))
                 if usage in (u, "all")]
        self._setup(op, ["image", "label"], files, "usps", num_samples, num_parallel_workers,
                    shuffle, num_shards, shard_id, cache)

    def _parse(self, path):
        rows = []
        for line in _read_text(path).splitlines():
            fields = line.split(" ")
            if not line.strip():
                continue
            pairs = [f for f in fields[1:] if f]
            if len(pairs) != 256 or not all(":" in p for p in pairs):
                raise ComputeError(f"For 'USPSDataset', Invalid data, the number of split "
                                   f"characters ':' in USPS data file is corrupted, should be 256, "
                                   f"but got {sum(':' in p for p in pairs)}.")
            v = _np.array([float(p.split(":", 1)[1]) for p in pairs], _np.float64)
            image = ((v + 1) / 2 * 255).astype(_np.uint8).reshape(16, 16, 1)
            rows.append((image, _np.uint32(int(fields[0]) - 1)))
        return rows

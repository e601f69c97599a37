"""``CocoDataset``: COCO's images and one annotation JSON file, with MindSpore 2.10's semantics
(checked against it on the same synthetic files; the shared checks and row reading are in
``_detection.py``).

How MindSpore 2.10 reads the JSON (nlohmann::json), reproduced here: ``images`` (each a
``file_name`` then an int32 ``id``), then for ``'Detection'``/``'Panoptic'`` the
``categories`` (``id``, ``name``, and ``isthing`` for Panoptic), then each annotation, whose
``image_id`` must be an image's. A value read as a list is iterated as nlohmann iterates it
(null: nothing, a number: itself, an object: its values); numbers convert as C++ casts them
(float to uint32 through int64, so -3 is 4294967293; booleans are 0/1); a wrong JSON type raises
nlohmann's ``type_error.302``. The rows are the images in ``images`` order that got
annotations; the list columns of a row (``bbox``, ``segmentation``, ``keypoints``) are padded
with -1 to their longest entry. ``_meta-filename`` is the file name up to its first dot.
"""
import json as _json
import math as _math
import os as _os

import numpy as _np

from .._errors import ComputeError, ShapeError, UnimplementedError
from ._detection import (DetectionReader, check_decrypt, check_dir, check_file,
                         check_reading_args, meta_column, read_image, _type_check, _META, _U32)

__all__ = ["CocoDataset"]

_TASKS = ("Detection", "Stuff", "Panoptic", "Keypoint", "Captioning")
_COLUMNS = {"Detection": ["image", "bbox", "category_id", "iscrowd"],
            "Stuff": ["image", "segmentation", "iscrowd"],
            "Keypoint": ["image", "keypoints", "num_keypoints"],
            "Panoptic": ["image", "bbox", "category_id", "iscrowd", "area"],
            "Captioning": ["image", "captions"]}


# -- nlohmann::json's conversions -------------------------------------------------------------------
def _json_type(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(v)]


def _number(op, v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return v
    raise ComputeError(f"For '{op}', [json.exception.type_error.302] type must be number, but is "
                       f"{_json_type(v)}")


def _string(op, v):
    if isinstance(v, str):
        return v
    raise ComputeError(f"For '{op}', [json.exception.type_error.302] type must be string, but is "
                       f"{_json_type(v)}")


def _u32(op, v):
    """A JSON number as C++'s ``uint32_t`` (a float through int64, as x86 converts)."""
    v = _number(op, v)
    if isinstance(v, float):
        if not _math.isfinite(v) or not -2.0**63 <= v < 2.0**63:
            return 0
        v = int(v)
    return v & _U32


def _i32(op, v):
    """A JSON number as C++'s ``int32_t`` (a float out of range, or NaN, gives -2**31)."""
    v = _number(op, v)
    if isinstance(v, float):
        return int(v) if _math.isfinite(v) and -2.0**31 <= v < 2.0**31 else -2**31
    return (v + 2**31) % 2**32 - 2**31


def _items(v):
    """The elements nlohmann iterates in `v`."""
    if v is None:
        return []
    if isinstance(v, list):
        return v
    if isinstance(v, dict):
        return list(v.values())
    return [v]


def _floats(op, v):
    with _np.errstate(over="ignore"):
        return [_np.float32(_number(op, x)) for x in _items(v)]


def _padded(rows):
    """Rows of floats as a float32 ``[len(rows), longest]`` array, padded with -1."""
    width = max((len(r) for r in rows), default=0)
    out = _np.full((len(rows), width), -1, _np.float32)
    for k, r in enumerate(rows):
        out[k, :len(r)] = r
    return out


def _column(values, dtype):
    return _np.array(values, dtype).reshape(-1, 1)


class _Annotations:
    """The parsed annotation file: per image file, its list rows (``coords``) and its
    one-number-per-annotation columns (``items``, one list per column), the images in file
    order, and the categories."""

    def __init__(self, op, path, task):
        self.op, self.path, self.task = op, path, task
        js = self._load()
        self.images, self.file_of = [], {}
        for image in _items(self._node(js, "images")):
            name = _string(op, self._node(image, "file_name"))
            self.file_of[_i32(op, self._node(image, "id"))] = name
            self.images.append(name)
        self.categories, self.category_ids = {}, set()
        if task in ("Detection", "Panoptic"):
            self._categories(self._node(js, "categories"))
        self.coords, self.items = {}, {}
        for ann in _items(self._node(js, "annotations")):
            image_id = _i32(op, self._node(ann, "image_id"))
            if image_id not in self.file_of:
                self._fail(f"the attribute of 'image_id': {image_id} is missing in the node of "
                           f"'image' from annotation file: {path}")
            getattr(self, "_" + task.lower())(ann, self.file_of[image_id], image_id)

    def _load(self):
        def no_constant(name):
            raise ValueError(f"invalid literal {name}")

        try:
            with open(self.path, "rb") as fh:
                return _json.loads(fh.read(), parse_constant=no_constant)
        except (ValueError, OSError) as e:
            raise ComputeError(f"For '{self.op}', Invalid annotation file, Coco Dataset annotation "
                               f"file:{self.path} load failed, error description: {e}") from None

    def _fail(self, message):
        raise ComputeError(f"For '{self.op}', Invalid annotation, {message}")

    def _node(self, js, key):
        if not isinstance(js, dict) or key not in js:
            self._fail(f"the attribute of '{key}' is missing in annotation file: {self.path}.")
        return js[key]

    def _categories(self, node):
        for cat in _items(node):
            if not isinstance(cat, dict) or "id" not in cat:
                self._fail("the attribute of 'id' is missing in the node of 'categories' from "
                           f"annotation file: {self.path}")
            cid = _i32(self.op, cat["id"])
            if "name" not in cat:
                self._fail(f"the attribute of 'name' is missing in the node of 'categories' where "
                           f"'id': {cid}")
            name = _string(self.op, cat["name"])
            if self.task == "Panoptic":
                if "isthing" not in cat:
                    self._fail("the attribute of 'isthing' is missing in the node of 'categories' "
                               f"from annotation file: {self.path}")
                self.categories[name] = [cid, _i32(self.op, cat["isthing"])]
            else:
                self.categories[name] = [cid]
            self.category_ids.add(cid & _U32)

    def _category(self, node, where):
        cid = _u32(self.op, node)
        if cid not in self.category_ids:
            self._fail(f"the attribute of 'category_id': {cid} is missing in the node of "
                       f"'categories' from {where}")
        return cid

    def _add(self, name, coords, *items):
        if coords is not None:
            self.coords.setdefault(name, []).append(coords)
        columns = self.items.setdefault(name, [[] for _ in items])
        for column, v in zip(columns, items):
            column.append(v)

    def _detection(self, ann, name, _):
        _i32(self.op, self._node(ann, "id"))
        bbox = _floats(self.op, self._node(ann, "bbox"))
        cid = self._category(self._node(ann, "category_id"), f"annotation file: {self.path}")
        iscrowd = _u32(self.op, ann["iscrowd"]) if "iscrowd" in ann else 0
        self._add(name, bbox, cid, iscrowd)

    def _stuff(self, ann, name, _):
        _i32(self.op, self._node(ann, "id"))
        iscrowd = _u32(self.op, self._node(ann, "iscrowd"))
        segmentation = self._node(ann, "segmentation")
        self._add(name, None, iscrowd)
        if iscrowd == 0:
            for polygon in _items(segmentation):
                self.coords.setdefault(name, []).append(_floats(self.op, polygon))
        elif iscrowd == 1:
            counts = self._node(segmentation, "counts")
            self.coords.setdefault(name, []).append(_floats(self.op, counts))

    def _keypoint(self, ann, name, _):
        aid = _i32(self.op, self._node(ann, "id"))
        for key, shown in (("num_keypoints", "num_keypoint"), ("keypoints", "keypoint")):
            if key not in ann:
                self._fail(f"the '{shown}' node is missing in annotation file: {self.path} where "
                           f"'image_id': {aid}.")
        self._add(name, _floats(self.op, ann["keypoints"]), _u32(self.op, ann["num_keypoints"]))

    def _panoptic(self, ann, name, image_id):
        if "segments_info" not in ann:
            self._fail(f"the 'segments_info' node is missing in annotation file: {self.path} "
                       f"where 'image_id': {image_id}.")
        where = f"in the node of 'segments_info' where 'image_id': {image_id} from annotation " \
                f"file: {self.path}."
        for seg in _items(ann["segments_info"]):
            if not isinstance(seg, dict) or "bbox" not in seg:
                self._fail(f"the 'bbox' attribute is missing {where}")
            bbox = _floats(self.op, seg["bbox"])
            cid = self._category(self._node(seg, "category_id"), f"{self.path}.")
            values = []
            for key in ("iscrowd", "area"):
                if key not in seg:
                    self._fail(f"the attribute of '{key}' is missing {where}")
                values.append(_u32(self.op, seg[key]))
            self._add(name, bbox, cid, *values)

    def _captioning(self, ann, name, _):
        _i32(self.op, self._node(ann, "id"))
        self._add(name, None, _string(self.op, self._node(ann, "caption")))

    def rows(self):
        """The images with annotations, in ``images`` order (repeats kept), and each one's
        annotation columns."""
        kept = self.items if self.task == "Captioning" else self.coords
        names = [n for n in self.images if n in kept]
        tables = {}
        for name in set(names):
            items = self.items.get(name, [])
            if self.task == "Captioning":
                tables[name] = (_np.array(items[0], dtype=str).reshape(-1, 1),)
            else:
                tables[name] = (_padded(self.coords[name]),) + tuple(
                    _column(v, _np.uint32) for v in items)
        return names, tables


class CocoDataset(DetectionReader):
    """COCO (Common Objects in Context): the images of `dataset_dir` with their annotations in one
    JSON file, for one of five tasks.

    Columns (MindSpore 2.10's dtypes; ``N`` the image's annotations, list columns padded with -1
    to the longest entry):

    - ``'Detection'``: ``image``, ``bbox`` (float32 ``[N, 4]``), ``category_id``, ``iscrowd``
      (uint32 ``[N, 1]``).
    - ``'Stuff'``: ``image``, ``segmentation`` (float32, one row per polygon, or the RLE counts
      of a crowd), ``iscrowd`` (uint32 ``[N, 1]``).
    - ``'Keypoint'``: ``image``, ``keypoints`` (float32 ``[N, 3K]``), ``num_keypoints``
      (uint32 ``[N, 1]``).
    - ``'Panoptic'``: ``image``, ``bbox`` (float32), ``category_id``, ``iscrowd``, ``area``
      (uint32 ``[N, 1]``), one per entry of ``segments_info``.
    - ``'Captioning'``: ``image``, ``captions`` (strings ``[N, 1]``).

    An image column is the file's bytes (1-D uint8) unless ``decode=True`` (HWC RGB). With
    ``extra_metadata=True`` a last column ``_meta-filename`` (the file name up to its first dot)
    is added, which the iterators leave out unless it is renamed.

    Args:
        dataset_dir (str): The folder of the images (``file_name`` is relative to it).
        annotation_file (str): The annotation JSON file.
        task (str, optional): ``'Detection'``, ``'Stuff'``, ``'Panoptic'``, ``'Keypoint'`` or
            ``'Captioning'``. Default: ``'Detection'``.
        num_samples (int, optional): At most this many rows (``None`` or 0: all; shuffled, drawn
            with replacement, as MindSpore draws them). Default: ``None``.
        num_parallel_workers (int, optional): Checked as MindSpore checks it; rows are read in
            one thread. Default: ``None``.
        shuffle (bool, optional): Shuffle the rows (MindSpore's order for the pipeline seed).
            Default: ``None`` (shuffled unless a sampler is given).
        decode (bool, optional): Decode the images. Default: ``False``.
        sampler (Sampler, optional): Picks the rows (not a ``PKSampler``). Default: ``None``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.
        extra_metadata (bool, optional): Add the ``_meta-filename`` column. Default: ``False``.
        decrypt (callable, optional): Called with an image's path, returns its bytes.
            Default: ``None``.

    Raises:
        ValueError: `dataset_dir` or `annotation_file` does not exist, `task` is not one of the
            five, or `sampler` is a ``PKSampler``.
        TypeError: An argument of the wrong type.
        RuntimeError: The JSON cannot be parsed, a required attribute is missing or has the
            wrong type, an annotation names an unknown image or category, no image has an
            annotation; `sampler` is given with `shuffle`, `num_samples` or shards; an image
            cannot be read (when its row is read).

    Examples:
        >>> import json, os, tempfile
        >>> from PIL import Image
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> Image.new("RGB", (8, 6), (10, 200, 30)).save(os.path.join(root, "000001.jpg"))
        >>> annotation_file = os.path.join(root, "instances.json")
        >>> with open(annotation_file, "w") as f:
        ...     json.dump({"images": [{"id": 1, "file_name": "000001.jpg"}],
        ...                "categories": [{"id": 18, "name": "dog"}],
        ...                "annotations": [{"id": 5, "image_id": 1, "category_id": 18,
        ...                                 "iscrowd": 0, "bbox": [1, 2, 3.5, 4]}]}, f)
        >>> dataset = ds.CocoDataset(root, annotation_file, task="Detection", decode=True,
        ...                          shuffle=False)
        >>> row = next(dataset.create_dict_iterator(output_numpy=True))
        >>> print(row["image"].shape, row["bbox"].tolist(), row["category_id"].tolist())
        (6, 8, 3) [[1.0, 2.0, 3.5, 4.0]] [[18]]
        >>> print(dataset.get_class_indexing())
        {'dog': [18]}
    """

    def __init__(self, dataset_dir, annotation_file, task="Detection", num_samples=None,
                 num_parallel_workers=None, shuffle=None, decode=False, sampler=None,
                 num_shards=None, shard_id=None, cache=None, extra_metadata=False, decrypt=None):
        op = "CocoDataset"
        check_dir(op, dataset_dir)
        check_file(op, annotation_file)
        _type_check(op, task, (str,), "task")
        if task not in _TASKS:
            raise ShapeError(f"For '{op}', Invalid task type: {task}.")
        check_decrypt(op, decrypt)
        from .samplers import PKSampler
        if isinstance(sampler, PKSampler):
            raise ShapeError(f"For '{op}', CocoDataset doesn't support PKSampler.")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        self._task = task
        parsed = _Annotations(op, annotation_file, task)
        self._class_indexing = parsed.categories
        files, tables = parsed.rows()
        if not files:
            raise ComputeError(f"For '{op}', Invalid data, 'CocoDataset' API can't read the data "
                               "file (interface mismatch or no data found). Check file in "
                               f"directory: {dataset_dir}.")
        names = list(_COLUMNS[task]) + ([_META + "filename"] if extra_metadata else [])
        decode = bool(decode)

        def row(i):
            name = files[i]
            image = read_image(op, _os.path.join(dataset_dir, name), decode, decrypt)
            meta = (meta_column(name.split(".", 1)[0]),) if extra_metadata else ()
            return (image,) + tables[name] + meta

        self._read(op, len(files), row, names, num_samples, shuffle, sampler, num_shards, shard_id)

    def get_class_indexing(self):
        """The categories (``'Detection'`` and ``'Panoptic'`` only): name -> ``[id]``, or
        ``[id, isthing]`` for Panoptic, in the file's order."""
        if self._task not in ("Detection", "Panoptic"):
            raise UnimplementedError("Only 'Detection' and 'Panoptic' support get_class_indexing.")
        return {k: list(v) for k, v in self._class_indexing.items()}

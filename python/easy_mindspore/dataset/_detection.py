"""``VOCDataset`` (PASCAL VOC's folders) and the argument checks and row reading it shares with
``CocoDataset`` (``_coco.py``), with MindSpore 2.10's semantics (checked against it on the same
synthetic folders: columns, dtypes, shapes, values, row order, errors).

Both read their annotations when made (MindSpore reads them when the pipeline starts: an
invalid annotation raises its RuntimeError at construction here, at the first size query or
iteration there) and each image when its row is read. They are random-access
``GeneratorDataset`` sources, so ``shuffle``/``num_samples``/``sampler``/shards pick the rows in
MindSpore's orders. With ``extra_metadata=True`` the last column, ``_meta-filename``, is listed
by ``get_col_names`` but left out by the iterators unless renamed, as MindSpore does.

How MindSpore 2.10 reads a VOC annotation (tinyxml2): each direct ``<object>`` child of the root
must have a ``<bndbox>`` whose ``xmin``/``ymin``/``xmax``/``ymax`` (the first child of each
name) satisfy ``xmin > 0, ymin > 0, xmax > xmin, ymax > ymin``, or the whole dataset fails; a
number is the longest prefix C's ``sscanf("%f")`` reads (``"3abc"`` is 3, hex floats too; no
number is 0), stored as float32; ``difficult``/``truncated`` go through float32 to uint32 as
x86 converts (through int64: -2.0 is 4294967294, NaN 0). Objects without a name (or, given
``class_indexing``, of a class not in it) are left out, and so are images left without objects.
"""
import math as _math
import os as _os
import re as _re
import xml.etree.ElementTree as _ET

import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError, UnimplementedError
from . import samplers as _samplers
from .pipeline import GeneratorDataset, check_workers

__all__ = ["VOCDataset"]

_META = "_meta-"
_INT32_MAX = 2**31 - 1
_INT64_MAX = 2**63 - 1
_U32 = 0xFFFFFFFF


# -- MindSpore's argument checks -------------------------------------------------------------------
def _type_check(op, arg, types, name):
    """MindSpore's ``type_check``: TypeError "Argument ... is not of type ..."."""
    if int in types and bool not in types and isinstance(arg, bool):
        raise DTypeError(f"For '{op}', argument {name} with value {arg} is not of type {types}, "
                         f"but got {type(arg)}.")
    if not isinstance(arg, types):
        shown = '""' if arg == "" and isinstance(arg, str) else arg
        raise DTypeError(f"For '{op}', argument {name} with value {shown} is not of type "
                         f"{list(types)}, but got {type(arg)}.")


# The docs of the readers' common arguments (``{decode}``: a reader's ``decode`` argument, or
# nothing), shared by the audio and vision readers' built docstrings.
READER_ARGS = """
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): Checked as MindSpore checks it; rows are read in
            one thread. Default: ``None``.
        shuffle (bool, optional): Shuffle the rows (MindSpore's order for the seed).
            Default: ``None``, shuffled unless a sampler is given.{decode}
        sampler (Sampler, optional): Picks the rows. Default: ``None``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.
"""


def no_rows(op, where):
    """MindSpore's RuntimeError for a reader that finds no rows at `where`."""
    return ComputeError(f"For '{op}', Invalid data, no valid data matching the dataset API {op}. "
                        f"Please check dataset API or file path: {where}.")


def check_dir(op, path):
    _type_check(op, path, (str,), "dataset_dir")
    if not _os.path.isdir(path) or not _os.access(path, _os.R_OK):
        raise ShapeError(f"For '{op}', the folder {path} does not exist or is not a directory or "
                         "permission denied!")


def check_file(op, path):
    """MindSpore's ``check_file``: a string naming a readable file, whose name has none of the
    characters it forbids."""
    if not isinstance(path, str):
        raise DTypeError(f"For '{op}', path: {path} is not string")
    name = _os.path.basename(_os.path.realpath(path))
    if set(name) & set(r'\/:*?"<>|`&\';'):
        raise ShapeError(f"For '{op}', filename should not contain \\/:*?\\\"<>|`&;\\'")
    if name.startswith(" ") or name.endswith(" "):
        raise ShapeError(f"For '{op}', filename should not start/end with space.")
    path = _os.path.realpath(path)
    if not _os.path.isfile(path) or not _os.access(path, _os.R_OK):
        raise ShapeError(f"For '{op}', the file {path} does not exist or permission denied!")


def check_decrypt(op, decrypt):
    if decrypt is not None and not callable(decrypt):
        raise DTypeError(f"For '{op}', argument decrypt is not a callable object, but got "
                         f"{type(decrypt)}")


def check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                       num_shards, shard_id, cache):
    """MindSpore's checks of the arguments every image reader has, in its order."""
    if num_samples is not None:
        _type_check(op, num_samples, (int,), "num_samples")
        if not 0 <= num_samples <= _INT64_MAX:
            raise ShapeError(f"For '{op}', num_samples exceeds the boundary between 0 and "
                             f"{_INT64_MAX}(INT64_MAX)!")
    check_workers(op, num_parallel_workers)
    for name, v in (("num_shards", num_shards), ("shard_id", shard_id)):
        if v is not None:
            _type_check(op, v, (int,), name)
    for name, v in (("shuffle", shuffle), ("decode", decode)):
        if v is not None:
            _type_check(op, v, (bool,), name)
    if sampler is not None:
        if shuffle is not None:
            raise ComputeError(f"For '{op}', sampler and shuffle cannot be specified at the same "
                               "time.")
        if num_shards is not None or shard_id is not None:
            raise ComputeError(f"For '{op}', sampler and sharding cannot be specified at the same "
                               "time.")
        if num_samples is not None:
            raise ComputeError(f"For '{op}', sampler and num_samples cannot be specified at the "
                               "same time.")
    if num_shards is not None:
        if not 1 <= num_shards <= _INT32_MAX:
            raise ShapeError(f"For '{op}', input num_shards is not within the required interval "
                             f"of [1, {_INT32_MAX}].")
        if shard_id is None:
            raise ComputeError(f"For '{op}', num_shards is specified and currently requires "
                               "shard_id as well.")
        if not 0 <= shard_id <= num_shards - 1:
            raise ShapeError(f"For '{op}', input shard_id is not within the required interval of "
                             f"[0, {num_shards - 1}].")
    if num_shards is None and shard_id is not None:
        raise ComputeError(f"For '{op}', shard_id is specified but num_shards is not.")
    if cache is not None:  # this package has no dataset cache server (MindSpore's DatasetCache)
        raise DTypeError(f"For '{op}', argument cache with value {cache} is not of type "
                         f"[<class 'mindspore.dataset.engine.cache_client.DatasetCache'>], but got "
                         f"{type(cache)}.")


def _sampler(op, sampler, n):
    """`sampler` as MindSpore takes it: a sampler, a list/tuple/array of indices (a
    ``SubsetSampler``, whose indices must be rows), an iterable of indices, or one int."""
    if isinstance(sampler, _samplers.PKSampler):  # the readers have no per-row class
        raise ComputeError(f"For '{op}', GetClassIds needs to be override to support PK.")
    if sampler is None or isinstance(sampler, _samplers.BuiltinSampler):
        return sampler
    if isinstance(sampler, bool) or isinstance(sampler, str):
        raise DTypeError(f"For '{op}', unsupported sampler object of type ({type(sampler)})")
    if isinstance(sampler, (int, _np.integer)):
        sampler = [int(sampler)]
    if isinstance(sampler, (list, tuple, _np.ndarray)):
        for i in _np.asarray(sampler, _np.int64).reshape(-1).tolist():
            if not 0 <= i < n:
                raise ComputeError(f"For '{op}', sample ID ({i}) is out of bound, expected range "
                                   f"[0, {n - 1}]")
        return list(sampler)
    if hasattr(sampler, "__iter__"):
        return sampler
    raise DTypeError(f"For '{op}', unsupported sampler object of type ({type(sampler)})")


# -- reading images ---------------------------------------------------------------------------------
def read_image(op, path, decode, decrypt):
    """The file at `path` (or ``decrypt(path)``) as a 1-D UInt8 array of its bytes, or decoded to
    an HWC RGB UInt8 array (``vision.Decode``, as ``ImageFolderDataset`` decodes)."""
    if decrypt is not None:
        try:
            data = decrypt(path)
        except Exception as e:  # noqa: BLE001 - the user's function: any failure is reported
            raise ComputeError(f"For '{op}', the decrypt function failed on {path}: "
                               f"{type(e).__name__}: {e}") from e
        if not isinstance(data, (bytes, bytearray)):
            raise ComputeError(f"For '{op}', the decrypt function must return bytes, but got "
                               f"{type(data).__name__} for {path}.")
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            raise ComputeError(f"For '{op}', failed to open file: {path}") from None
    array = _np.frombuffer(bytes(data), _np.uint8)
    if not decode:
        return array
    from .vision import Decode
    try:
        return Decode()(array)
    except Exception:  # noqa: BLE001 - whatever the decoder says, the file is not an image
        raise ComputeError(f"For '{op}', invalid image, failed to decode {path}: the image is "
                           "damaged or permission denied.") from None


def meta_column(text):
    """The ``_meta-filename`` value: a 0-d string array."""
    return _np.array(text)


class _Rows:
    """A random-access source of `n` rows made by `row(i)`."""

    def __init__(self, n, row):
        self._n, self._row = n, row

    def __len__(self):
        return self._n

    def __getitem__(self, i):
        return self._row(i)


class DetectionReader(GeneratorDataset):
    """The base of ``VOCDataset`` and ``CocoDataset``: a random-access ``GeneratorDataset`` (its
    iterators, as every pipeline's, leave out the ``_meta-`` columns)."""

    def _read(self, op, n, row, names, num_samples, shuffle, sampler, num_shards, shard_id):
        sampler = _sampler(op, sampler, n)
        GeneratorDataset.__init__(self, _Rows(n, row), names, num_samples=num_samples or None,
                                  shuffle=shuffle, sampler=sampler, num_shards=num_shards,
                                  shard_id=shard_id)


# -- VOC's annotations ----------------------------------------------------------------------------
# The longest prefix C's ``sscanf("%f")`` reads: a decimal or hex float, inf or nan.
_SCANF_FLOAT = _re.compile(
    r"[ \t\n\v\f\r]*([+-]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?"
    r"|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    r"|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN](?:\([0-9A-Za-z_]*\))?))")


def _scanf_float(text):
    """The float32 C's ``sscanf(text, "%f")`` gives, 0 when it reads none."""
    m = _SCANF_FLOAT.match(text)
    if m is None:
        return _np.float32(0)
    s = m.group(1)
    body = s.lstrip("+-")
    if body[:2] in ("0x", "0X"):
        value = float.fromhex(s if "p" in body.lower() else s + "p0")
    elif body[:1] in "nN":
        value = _math.nan
    else:
        value = float(s.split("(")[0])
    with _np.errstate(over="ignore"):
        return _np.float32(value)


def _node_float(parent, tag):
    """The number in the first `tag` child of `parent` (0 without one, or without text)."""
    node = parent.find(tag)
    if node is None or not node.text:
        return _np.float32(0)
    return _scanf_float(node.text)


def _f32_to_u32(v):
    """A float32 to uint32 as x86 converts it (through int64; NaN and out of range give 0)."""
    v = float(v)
    if not _math.isfinite(v) or not -2.0**63 <= v < 2.0**63:
        return 0
    return int(v) & _U32


def _f32_to_i32(v):
    """A float32 to int32 as x86 converts it (NaN and out of range give -2**31)."""
    v = float(v)
    if not _math.isfinite(v) or not -2.0**31 <= v < 2.0**31:
        return -2**31
    return int(v)


def _image_ids(path):
    """The lines of an ImageSets file, as ``std::getline`` reads them (a trailing ``\\r``
    dropped, blank lines kept)."""
    with open(path, "rb") as fh:
        text = fh.read().decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _voc_objects(op, path, class_indexing):
    """The kept objects of the annotation file `path`: ``(name, [x, y, w, h] float32,
    difficult, truncated)``."""
    if not _os.path.exists(path):
        raise ComputeError(f"For '{op}', Invalid file path, {path} does not exist.")
    try:
        root = _ET.parse(path).getroot()
    except (_ET.ParseError, OSError, ValueError):
        raise ComputeError(f"For '{op}', Invalid xml, failed to load {path}: the xml file is "
                           "damaged or incorrect format.") from None
    objects = root.findall("object")
    if not objects:
        raise ComputeError(f"For '{op}', Invalid xml, the node of object is missing in {path}.")
    kept = []
    for obj in objects:
        name_node = obj.find("name")
        name = (name_node.text or "") if name_node is not None else ""
        difficult, truncated = _node_float(obj, "difficult"), _node_float(obj, "truncated")
        box = obj.find("bndbox")
        if box is None:
            raise ComputeError(f"For '{op}', Invalid xml, the node of bndbox is missing in {path}")
        xmin, ymin, xmax, ymax = (_node_float(box, k) for k in ("xmin", "ymin", "xmax", "ymax"))
        if not (xmin > 0 and ymin > 0 and xmax > xmin and ymax > ymin):
            shown = ", ".join(str(_f32_to_i32(v)) for v in (xmin, ymin, xmax, ymax))
            raise ComputeError(f"For '{op}', Invalid bndbox, the coordinate of bndbox in {path} "
                               f"should be greater than 0, but got {{{shown}}}")
        if name and (not class_indexing or name in class_indexing):
            kept.append((name, [xmin, ymin, xmax - xmin, ymax - ymin], difficult, truncated))
    return kept


def _check_class_indexing(op, class_indexing):
    for k, v in class_indexing.items():
        if not isinstance(k, str):
            raise DTypeError(f"For '{op}', the keys of 'class_indexing' must be str, but got "
                             f"{type(k).__name__}.")
        if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
            raise DTypeError(f"For '{op}', the values of 'class_indexing' must be int, but got "
                             f"{type(v).__name__} for '{k}'.")


class VOCDataset(DetectionReader):
    """PASCAL VOC (Visual Object Classes): the images listed in an ``ImageSets`` file, with their
    objects' boxes (``'Detection'``) or their segmentation masks (``'Segmentation'``).

    Columns (MindSpore 2.10's dtypes and shapes, ``N`` the image's objects):

    - ``task='Detection'``: ``image`` (uint8), ``bbox`` (float32 ``[N, 4]``: xmin, ymin, width,
      height), ``label``, ``difficult``, ``truncate`` (uint32 ``[N, 1]`` each).
    - ``task='Segmentation'``: ``image`` (uint8) and ``target`` (uint8, the
      ``SegmentationClass`` PNG).

    An image column is the file's bytes (1-D) unless ``decode=True`` (HWC RGB). With
    ``extra_metadata=True`` a last column ``_meta-filename`` (the image's name) is added, which
    the iterators leave out unless it is renamed (``rename('_meta-filename', 'filename')``).

    Args:
        dataset_dir (str): The VOC folder (``Annotations``, ``ImageSets``, ``JPEGImages``,
            ``SegmentationClass``).
        task (str, optional): ``'Segmentation'`` or ``'Detection'``. Default: ``'Segmentation'``.
        usage (str, optional): The ImageSets file: ``ImageSets/Segmentation/<usage>.txt`` or
            ``ImageSets/Main/<usage>.txt``. Default: ``'train'``.
        class_indexing (dict, optional): Class name to label (``'Detection'`` only); objects of
            other classes are left out. Default: ``None``: the names found, sorted, labelled
            0, 1, ...
        num_samples (int, optional): At most this many rows (``None`` or 0: all; shuffled, drawn
            with replacement, as MindSpore draws them). Default: ``None``.
        num_parallel_workers (int, optional): Checked as MindSpore checks it; rows are read in
            one thread. Default: ``None``.
        shuffle (bool, optional): Shuffle the rows (MindSpore's order for the pipeline seed).
            Default: ``None`` (shuffled unless a sampler is given).
        decode (bool, optional): Decode the images. Default: ``False``.
        sampler (Sampler, optional): Picks the rows. Default: ``None``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.
        extra_metadata (bool, optional): Add the ``_meta-filename`` column. Default: ``False``.
        decrypt (callable, optional): Called with an image's path, returns its bytes.
            Default: ``None``.

    Raises:
        ValueError: `dataset_dir` or the ImageSets file does not exist, `task` is neither
            ``'Segmentation'`` nor ``'Detection'``, or `class_indexing` is given for
            ``'Segmentation'``.
        TypeError: An argument of the wrong type.
        RuntimeError: An annotation is missing, damaged, has no object, an object without a
            ``bndbox`` or with an invalid one, or no image is left; `sampler` is given with
            `shuffle`, `num_samples` or shards; an image cannot be read (when its row is read).

    Examples:
        >>> import os, tempfile
        >>> from PIL import Image
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> for d in ("Annotations", "JPEGImages", os.path.join("ImageSets", "Main")):
        ...     os.makedirs(os.path.join(root, d))
        >>> Image.new("RGB", (8, 6), (200, 30, 30)).save(os.path.join(root, "JPEGImages", "im1.jpg"))
        >>> with open(os.path.join(root, "Annotations", "im1.xml"), "w") as f:
        ...     _ = f.write("<annotation><object><name>dog</name><difficult>0</difficult>"
        ...                 "<bndbox><xmin>1</xmin><ymin>2</ymin><xmax>5</xmax><ymax>6</ymax>"
        ...                 "</bndbox></object></annotation>")
        >>> with open(os.path.join(root, "ImageSets", "Main", "train.txt"), "w") as f:
        ...     _ = f.write("im1\\n")
        >>> dataset = ds.VOCDataset(root, task="Detection", usage="train", decode=True, shuffle=False)
        >>> row = next(dataset.create_dict_iterator(output_numpy=True))
        >>> print(row["image"].shape, row["bbox"].tolist(), row["label"].tolist())
        (6, 8, 3) [[1.0, 2.0, 4.0, 4.0]] [[0]]
        >>> print(dataset.get_class_indexing())
        {'dog': 0}
    """

    def __init__(self, dataset_dir, task="Segmentation", usage="train", class_indexing=None,
                 num_samples=None, num_parallel_workers=None, shuffle=None, decode=False,
                 sampler=None, num_shards=None, shard_id=None, cache=None, extra_metadata=False,
                 decrypt=None):
        op = "VOCDataset"
        check_dir(op, dataset_dir)
        _type_check(op, task, (str,), "task")
        _type_check(op, usage, (str,), "usage")
        base = _os.path.realpath(dataset_dir)
        if task == "Segmentation":
            image_set = _os.path.join(base, "ImageSets", "Segmentation", usage + ".txt")
            if class_indexing is not None:
                raise ShapeError(f"For '{op}', class_indexing is not supported in Segmentation task.")
        elif task == "Detection":
            image_set = _os.path.join(base, "ImageSets", "Main", usage + ".txt")
        else:
            raise ShapeError(f"For '{op}', Invalid task : {task}.")
        check_decrypt(op, decrypt)
        check_file(op, image_set)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, decode, sampler,
                           num_shards, shard_id, cache)
        if class_indexing is not None:
            _type_check(op, class_indexing, (dict,), "class_indexing")
            _check_class_indexing(op, class_indexing)
        self._task = task
        self._given_indexing = dict(class_indexing or {})
        root = dataset_dir
        ids = _image_ids(image_set)
        names = ["image", "target"] if task == "Segmentation" else \
            ["image", "bbox", "label", "difficult", "truncate"]
        if extra_metadata:
            names.append(_META + "filename")
        decode = bool(decode)

        if task == "Segmentation":
            self._class_indexing = None
            if not ids:
                raise ComputeError(f"For '{op}', num_samples and num_rows must be greater than 0, "
                                   "but got num_samples: 0, num_rows: 0")

            def row(i):
                iid = ids[i]
                image = read_image(op, _os.path.join(root, "JPEGImages", iid + ".jpg"), decode, decrypt)
                target = read_image(op, _os.path.join(root, "SegmentationClass", iid + ".png"),
                                    decode, decrypt)
                return (image, target) + ((meta_column(iid),) if extra_metadata else ())
        else:
            annotations = []
            for iid in ids:
                objects = _voc_objects(op, _os.path.join(root, "Annotations", iid + ".xml"),
                                       self._given_indexing)
                if objects:
                    annotations.append((iid, objects))
            if not annotations:
                raise ComputeError(f"For '{op}', Invalid data, VOCDataset API can't read the data "
                                   "file (interface mismatch or no data found). Check file in "
                                   f"directory:{dataset_dir}")
            found = sorted({name for _, objects in annotations for name, *_ in objects})
            self._class_indexing = {name: k for k, name in enumerate(found)}
            labels = self._given_indexing or self._class_indexing
            ids = [iid for iid, _ in annotations]
            columns = [(_np.array([box for _, box, _, _ in objects], _np.float32),
                        _np.array([[labels[name] & _U32] for name, *_ in objects], _np.uint32),
                        _np.array([[_f32_to_u32(d)] for _, _, d, _ in objects], _np.uint32),
                        _np.array([[_f32_to_u32(t)] for *_, t in objects], _np.uint32))
                       for _, objects in annotations]

            def row(i):
                iid = ids[i]
                image = read_image(op, _os.path.join(root, "JPEGImages", iid + ".jpg"), decode, decrypt)
                return (image,) + columns[i] + ((meta_column(iid),) if extra_metadata else ())

        self._read(op, len(ids), row, names, num_samples, shuffle, sampler, num_shards, shard_id)

    def get_class_indexing(self):
        """The class names' labels (``'Detection'`` only): ``class_indexing`` when given, else
        the names found in the annotations, sorted, labelled 0, 1, ..."""
        if self._task != "Detection":
            raise UnimplementedError("Only 'Detection' support get_class_indexing.")
        return dict(self._given_indexing or self._class_indexing)

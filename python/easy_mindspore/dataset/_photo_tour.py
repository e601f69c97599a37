"""``PhotoTourDataset``: the 64x64 grayscale patches of the Photo Tourism reconstructions
(Liberty, Notre Dame, Yosemite), with MindSpore 2.10's columns, rows and argument checks
(measured on it with the same synthetic files).

How MindSpore 2.10 reads a ``<dataset_dir>/<name>`` folder: ``info.txt`` and
``m50_100000_100000_0.txt`` must both exist and hold a token. Its whitespace-separated tokens
are read in groups (whatever the lines): ``info.txt`` two per patch (``3D_point_ID unused``;
a last lone token counts too), one row per patch (patch ``i`` for row ``i``: the ids are not
read); ``m50...txt`` seven per pair (``patch1 point1 unused patch2 point2 unused unused``; the
last two of the last group may be missing), one row per pair, ``matches`` 1 when the two point
ids are equal. A number is read as C's ``atoi`` reads it (its leading digits, 0 without); a
patch index must be below the count of the dataset's patches. Patch ``i`` is in the ``i //
256``-th ``.bmp`` file of the folder (in sorted order), at row ``i % 256 // 16`` and column
``i % 16`` of its 16x16 grid of 64x64 patches; an image that is not grayscale is converted as
OpenCV converts it (``(4899 R + 9617 G + 1868 B + 8192) >> 14``). The ``.bmp`` files are read
when their rows are (a patch of a missing file or past the image's edge raises RuntimeError
there; MindSpore 2.10 crashes on the first).
"""
import functools as _functools
import os as _os
import re as _re

import numpy as _np

from .._errors import ComputeError, ShapeError
from ._detection import DetectionReader, _type_check, check_dir, check_reading_args
from ._text_sources import check_usage

__all__ = ["PhotoTourDataset"]

# The patches of each dataset (MindSpore 2.10's bound on a patch index).
_PATCHES = {"notredame": 468159, "yosemite": 633587, "liberty": 450092,
            "notredame_harris": 325295, "yosemite_harris": 450912, "liberty_harris": 379587}
_NAMES = ["notredame", "yosemite", "liberty", "notredame_harris", "yosemite_harris",
          "liberty_harris"]
_ATOI = _re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+)")
_PATCH, _GRID = 64, 16


def _atoi(token):
    """C's ``atoi`` of `token` on a 64-bit ``long``: its leading integer (0 without one),
    saturated to 64 bits and then wrapped to int32."""
    m = _ATOI.match(token)
    if m is None:
        return 0
    v = max(-2**63, min(2**63 - 1, int(m.group(1))))
    return ((v + 2**31) & 0xFFFFFFFF) - 2**31


def _tokens(op, path, empty):
    """The tokens of a list file, after MindSpore's checks that it opens and is not empty."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        raise ComputeError(f"For '{op}', Invalid file, failed to open {path}: PhotoTour info file "
                           "is damaged or permission denied.") from None
    if not data:
        raise ComputeError(f"For '{op}', Invalid file, the file size of {path} is unexpected, got "
                           "size 0.")
    tokens = data.decode("latin-1").split()
    if not tokens:
        raise ComputeError(f"For '{op}', {empty}: {path} at line: 0, the content should not be "
                           "empty.")
    return tokens


def _stamp(path):
    """What changes when the file at `path` is rewritten (its cached reading is then stale)."""
    st = _os.stat(path)
    return st.st_mtime_ns, st.st_size


@_functools.lru_cache(maxsize=4)
def _gray(path, stamp):
    """The image at `path` as a 2-D uint8 array, grayscale as OpenCV's ``IMREAD_GRAYSCALE``."""
    from PIL import Image
    with Image.open(path) as im:
        if im.mode == "L":
            return _np.asarray(im, _np.uint8)
        rgb = _np.asarray(im.convert("RGB"), _np.uint32)
    gray = (rgb[..., 0] * 4899 + rgb[..., 1] * 9617 + rgb[..., 2] * 1868 + 8192) >> 14
    return gray.astype(_np.uint8)


class PhotoTourDataset(DetectionReader):
    """PhotoTour (Multi-view Stereo Correspondence): 64x64 grayscale patches. Usage
    ``'train'``: one row per patch listed in ``info.txt``, column ``image`` (uint8
    ``[64, 64, 1]``); ``'test'``: one row per pair of ``m50_100000_100000_0.txt``, columns
    ``image1``, ``image2`` (uint8 ``[64, 64, 1]``) and ``matches`` (uint32: 1 when the patches
    show the same 3D point). The rows are in the files' order; see the module ``_photo_tour``
    for how the files are read. A random-access source (``sampler`` works, shuffled rows are in
    MindSpore's order for the seed).

    Args:
        dataset_dir (str): The folder of the dataset folders (``liberty/``, ...).
        name (str): ``'notredame'``, ``'yosemite'``, ``'liberty'``, ``'notredame_harris'``,
            ``'yosemite_harris'`` or ``'liberty_harris'``.
        usage (str, optional): ``'train'`` or ``'test'``. Default: ``None``, ``'train'``.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): Checked as MindSpore checks it; rows are read in
            one thread. Default: ``None``.
        shuffle (bool, optional): Shuffle the rows (MindSpore's order for the seed).
            Default: ``None``, shuffled unless a sampler is given.
        sampler (Sampler, optional): Picks the rows. Default: ``None``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage` or `name`;
            `num_shards`/`shard_id` out of range.
        RuntimeError: The `name` folder, ``info.txt`` or ``m50_100000_100000_0.txt`` is
            missing or empty, there is no pair; `sampler` with `shuffle`, `num_samples` or
            shards; a patch index is past the dataset's patches, its ``.bmp`` file is missing
            or too small (when its row is read).

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from PIL import Image
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> folder = os.path.join(root, "liberty")
        >>> os.makedirs(folder)
        >>> grid = np.kron(np.arange(256, dtype=np.uint8).reshape(16, 16),
        ...                np.ones((64, 64), np.uint8))
        >>> Image.fromarray(grid).save(os.path.join(folder, "patches0000.bmp"))
        >>> _ = open(os.path.join(folder, "info.txt"), "w").write("7 0\\n7 0\\n9 0\\n")
        >>> _ = open(os.path.join(folder, "m50_100000_100000_0.txt"), "w").write(
        ...     "0 7 0 1 7 0 0\\n1 7 0 2 9 0 0\\n")
        >>> d = ds.PhotoTourDataset(root, "liberty", usage="test", shuffle=False)
        >>> for a, b, m in d.create_tuple_iterator(output_numpy=True):
        ...     print(a.shape, a[0, 0, 0], b[0, 0, 0], m)
        (64, 64, 1) 0 1 1
        (64, 64, 1) 1 2 0
    """

    def __init__(self, dataset_dir, name, usage=None, num_samples=None,
                 num_parallel_workers=None, shuffle=None, sampler=None, num_shards=None,
                 shard_id=None, cache=None):
        op = "PhotoTourDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ["train", "test"], "train")
        _type_check(op, name, (str,), "name")
        if name not in _NAMES:
            raise ShapeError(f"For '{op}', Input name is not within the valid set of {_NAMES}.")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        folder = _os.path.join(dataset_dir, name)
        if not _os.path.isdir(folder):
            raise ComputeError(f"For '{op}', {folder} does not exist.")
        info = _tokens(op, _os.path.join(folder, "info.txt"),
                       "Invalid data, reading PhotoTour info file failed")
        pairs = _tokens(op, _os.path.join(folder, "m50_100000_100000_0.txt"),
                        "Invalid data\uff0cReading PhotoTour matched file failed")
        bmps = sorted(f for f in _os.listdir(folder) if f.endswith(".bmp")
                      and _os.path.isfile(_os.path.join(folder, f)))
        bound = _PATCHES[name]

        def patch(i):
            index = i & 0xFFFFFFFF
            if index >= bound:
                raise ComputeError(f"For '{op}', [Internal ERROR] Index exceeds the maximum count "
                                   f"of image, got: {index}")
            k, cell = divmod(index, _GRID * _GRID)
            if k >= len(bmps):
                raise ComputeError(f"For '{op}', Invalid data, patch {index} is in the .bmp file "
                                   f"number {k} of {folder}, which has {len(bmps)} (MindSpore 2.10 "
                                   "crashes on it).")
            path = _os.path.join(folder, bmps[k])
            try:
                image = _gray(path, _stamp(path))
            except OSError as e:
                raise ComputeError(f"For '{op}', Invalid image, failed to read {path}: "
                                   f"{e}") from None
            r, c = divmod(cell, _GRID)
            if (r + 1) * _PATCH > image.shape[0] or (c + 1) * _PATCH > image.shape[1]:
                raise ComputeError(f"For '{op}', Invalid image, patch {index} (row {r}, column "
                                   f"{c} of 64x64 patches) is outside {path} of shape "
                                   f"{list(image.shape)}.")
            return image[r * _PATCH:(r + 1) * _PATCH, c * _PATCH:(c + 1) * _PATCH, None].copy()

        if usage == "train":
            n, names = (len(info) + 1) // 2, ["image"]

            def row(i):
                return (patch(i),)
        else:
            groups = [pairs[k:k + 7] for k in range(0, len(pairs) - 4, 7)]
            n, names = len(groups), ["image1", "image2", "matches"]
            if not groups:
                raise ComputeError(f"For '{op}', Invalid data, data file may not suitable to read "
                                   f"with PhotoTourDataset API.Check file in directory: {folder}")

            def row(i):
                g = groups[i]
                return (patch(_atoi(g[0])), patch(_atoi(g[3])),
                        _np.uint32(_atoi(g[1]) == _atoi(g[4])))
        self._read(op, n, row, names, num_samples, shuffle, sampler, num_shards, shard_id)

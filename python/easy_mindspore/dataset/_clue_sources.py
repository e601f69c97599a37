"""``CLUEDataset``: the JSON-lines files of the CLUE (Chinese Language Understanding Evaluation)
tasks, with MindSpore 2.10's columns, values, row order and argument checks (measured on it with
the same synthetic files).

Each non-empty line of a file is one row (a JSON object); the lines are counted when the dataset
is sized and parsed as their rows are read (a bad line raises when reached, after the rows
before it). The columns of a task and usage are MindSpore's, in its (alphabetical) order, and a
value takes the type its JSON has, whatever the column (as MindSpore 2.10 converts it): a string
is a 0-d ``str`` array, an integer from 0 to 2**64 - 1 a uint32 (wrapping), a negative one an
int32 (wrapping), a real number (or an integer past 64 bits) a float32, a list of strings a 1-D
``str`` array. ``true``/``false``/``null``/objects (MindSpore 2.10 fails on them in Python) and
lists of other values raise RuntimeError. The row order is the text readers' (the sorted files
read by the workers in turn: see ``_text_sources``).
"""
import glob as _glob
import json as _json
import os as _os

import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError
from ._detection import check_reading_args
from ._text_sources import _FileSource, _read_text
from .text_files import Shuffle
from .text_files import shuffle_mode as _shuffle_mode

__all__ = ["CLUEDataset"]

_TARGET = "target"  # the object of WSC's span columns
# The columns of each task: (train and eval, test), in MindSpore 2.10's order. A name in
# `_NESTED` is read from the line's "target" object.
_COLUMNS = {
    "AFQMC": (("label", "sentence1", "sentence2"), ("id", "sentence1", "sentence2")),
    "TNEWS": (("keywords", "label", "label_desc", "sentence"), ("id", "keywords", "sentence")),
    "IFLYTEK": (("label", "label_des", "sentence"), ("id", "sentence")),
    "CMNLI": (("label", "sentence1", "sentence2"), ("id", "sentence1", "sentence2")),
    "WSC": (("idx", "label", "span1_index", "span1_text", "span2_index", "span2_text", "text"),
            ("idx", "span1_index", "span1_text", "span2_index", "span2_text", "text")),
    "CSL": (("abst", "id", "keyword", "label"), ("abst", "id", "keyword")),
}
_NESTED = ("span1_index", "span1_text", "span2_index", "span2_text")


def _json_kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(v)]


def _value(op, v, key, path):
    """A JSON value as MindSpore 2.10's CLUE reader converts it."""
    if isinstance(v, str):
        return _np.array(v)
    if isinstance(v, bool) or v is None or isinstance(v, dict):
        raise ComputeError(f"For '{op}', Invalid data, the value of key: {key} in {path} is "
                           f"{_json_kind(v)}: only strings, numbers and lists of strings are read "
                           "(MindSpore 2.10 fails on it).")
    if isinstance(v, int):
        if 0 <= v < 2**64:
            return _np.uint32(v & 0xFFFFFFFF)
        if -2**63 <= v < 0:
            return _np.int32(((v + 2**31) & 0xFFFFFFFF) - 2**31)
        return _np.float32(float(v))
    if isinstance(v, float):
        return _np.float32(v)
    for item in v:
        if not isinstance(item, str):
            raise ComputeError(f"For '{op}', Invalid data, [json.exception.type_error.302] type "
                               f"must be string, but is {_json_kind(item)} (key: {key} in "
                               f"{path}).")
    return _np.array(v, dtype=str)


def _no_constant(name):
    raise ValueError(f"invalid literal {name}")


def _dataset_files(op, dataset_files):
    """MindSpore's first checks of `dataset_files`: a str or a list, not empty."""
    if not isinstance(dataset_files, (str, list)):
        raise DTypeError(f"For '{op}', Argument dataset files with value {dataset_files} is not of "
                         f"type [<class 'str'>, <class 'list'>], but got {type(dataset_files)}.")
    if not dataset_files:
        raise ShapeError(f"For '{op}', Input dataset_files can not be empty, but got "
                         f"'{dataset_files}'.")


def _matched_files(op, dataset_files):
    """The files the patterns of `dataset_files` match, sorted (MindSpore's order)."""
    patterns = [dataset_files] if isinstance(dataset_files, str) else dataset_files
    files, missing = [], []
    for k, p in enumerate(patterns):
        if not isinstance(p, str):
            raise DTypeError(f"For '{op}', Argument dataset_files[{k}] with value {p} is not of "
                             f"type [<class 'str'>], but got {type(p)}.")
        found = [f for f in _glob.glob(p) if _os.path.isfile(f)]
        files += found
        if not found:
            missing.append(p)
    if missing:
        raise ShapeError(f"For '{op}', The following patterns did not match any files: "
                         f"{missing}.")
    return sorted(files)


class CLUEDataset(_FileSource):
    """CLUE: one row per non-empty line (a JSON object) of the files, with the columns of
    `task` and `usage` (MindSpore 2.10's, in its order):

    ========  ==============================================  ===============================
    task      ``'train'`` and ``'eval'``                      ``'test'``
    ========  ==============================================  ===============================
    AFQMC     label, sentence1, sentence2                     id, sentence1, sentence2
    TNEWS     keywords, label, label_desc, sentence           id, keywords, sentence
    IFLYTEK   label, label_des, sentence                      id, sentence
    CMNLI     label, sentence1, sentence2                     id, sentence1, sentence2
    WSC       idx, label, span1_index, span1_text,            the same without label
              span2_index, span2_text, text
    CSL       abst, id, keyword, label                        abst, id, keyword
    ========  ==============================================  ===============================

    WSC's ``span*`` columns are read from the line's ``target`` object. A value's type is its
    JSON's (see the module ``_clue_sources``): the files' strings are strings, their ids uint32,
    CSL's keyword lists 1-D strings.

    Args:
        dataset_files (Union[str, list[str]]): A file, a glob pattern, or a list of them; the
            files are read in sorted order.
        task (str, optional): ``'AFQMC'``, ``'TNEWS'``, ``'IFLYTEK'``, ``'CMNLI'``, ``'WSC'`` or
            ``'CSL'``. Default: ``'AFQMC'``.
        usage (str, optional): ``'train'``, ``'test'`` or ``'eval'``. Default: ``'train'``.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): The reading workers (they set the order of the
            rows of several files: see the module ``_text_sources``). Default: ``None``.
        shuffle (Union[bool, Shuffle], optional): The shuffling (this package's own random
            order). Default: ``Shuffle.GLOBAL``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_files` empty or matching no file, an unknown `task` or `usage`,
            `num_shards`/`shard_id` out of range.
        RuntimeError: `num_shards` without `shard_id` or the reverse; the files have no rows,
            a line is not JSON, misses a key of the columns or has a value of another type (when
            its row is read).

    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> path = os.path.join(tempfile.mkdtemp(), "train.json")
        >>> with open(path, "w") as f:
        ...     _ = f.write('{"sentence1": "a", "sentence2": "b", "label": "0"}\\n')
        >>> d = ds.CLUEDataset(path, task="AFQMC", usage="train", shuffle=False)
        >>> print(d.get_col_names(), d.get_dataset_size())
        ['label', 'sentence1', 'sentence2'] 1
        >>> print([[str(v) for v in row] for row in d.create_tuple_iterator(output_numpy=True)])
        [['0', 'a', 'b']]
    """

    def __init__(self, dataset_files, task="AFQMC", usage="train", num_samples=None,
                 num_parallel_workers=None, shuffle=Shuffle.GLOBAL, num_shards=None,
                 shard_id=None, cache=None):
        op = "CLUEDataset"
        _dataset_files(op, dataset_files)
        if not isinstance(task, str) or task not in _COLUMNS:
            raise ShapeError(f"For '{op}', task should be 'AFQMC', 'TNEWS', 'IFLYTEK', 'CMNLI', "
                             "'WSC' or 'CSL'.")
        if not isinstance(usage, str) or usage not in ("train", "test", "eval"):
            raise ShapeError(f"For '{op}', usage should be 'train', 'test' or 'eval'.")
        check_reading_args(op, num_samples, num_parallel_workers, None, None, None, num_shards,
                           shard_id, cache)
        _shuffle_mode(op, shuffle)
        files = _matched_files(op, dataset_files)
        self._keys = _COLUMNS[task][usage == "test"]
        self._setup(op, list(self._keys), files, "file path", num_samples,
                    num_parallel_workers, shuffle, num_shards, shard_id, cache)

    def _parse(self, path):
        lines = _read_text(path).split("\n")
        return [(line, path) for line in lines if line]

    def _row(self, item):
        line, path = item
        op = "CLUEDataset"
        try:
            obj = _json.loads(line, parse_constant=_no_constant)
        except ValueError as e:
            raise ComputeError(f"For '{op}', Invalid json, failed to parse {path}, {e}: "
                               f"{line[:80]!r}") from None
        row = []
        for key in self._keys:
            holder = obj
            if key in _NESTED:
                if not isinstance(obj, dict) or _TARGET not in obj:
                    raise ComputeError(f"For '{op}', Invalid json file, in given JSON file, "
                                       f"failed to find key: {_TARGET}")
                holder = obj[_TARGET]
            if not isinstance(holder, dict) or key not in holder:
                raise ComputeError(f"For '{op}', Invalid json file, in given JSON file, failed to "
                                   f"find key: {key}")
            row.append(_value(op, holder[key], key, path))
        return tuple(row)

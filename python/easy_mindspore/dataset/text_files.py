"""Datasets read from text files: ``TextFileDataset`` (one row per non-empty line, column
``text``) and ``CSVDataset`` (one row per record, a column per field), with MindSpore's
``Shuffle`` modes, ``num_samples`` and ``num_shards``/``shard_id``. Rows are NumPy scalars
(strings as ``str``), read lazily at each epoch; they continue as a ``PipelineDataset``."""
import csv as _csv
import enum as _enum
import glob as _glob
import numbers as _numbers
import re as _re

import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError
from .pipeline import PipelineDataset, _count, _rng, check_workers

__all__ = ["Shuffle", "TextFileDataset", "CSVDataset"]


class Shuffle(str, _enum.Enum):
    """How a file dataset shuffles: ``GLOBAL`` its rows, ``FILES`` the order of its files,
    ``INFILE`` the rows within each file; ``FALSE`` not at all."""
    FALSE = "false"
    ADAPTIVE = "adaptive"
    GLOBAL = "global"
    PARTIAL = "partial"
    FILES = "files"
    INFILE = "infile"


def _files(op, dataset_files):
    """The files of `dataset_files` (a path, a glob pattern, or a list of them), sorted by path
    as MindSpore 2.10 reads them (whatever order the list gives)."""
    patterns = [dataset_files] if isinstance(dataset_files, str) else dataset_files
    if not isinstance(patterns, (list, tuple)) or not patterns or \
            not all(isinstance(p, str) for p in patterns):
        raise DTypeError(f"For '{op}', 'dataset_files' must be a str or a list of str, but got "
                         f"{dataset_files!r}.")
    files, missing = [], []
    for p in patterns:
        found = sorted(_glob.glob(p))
        files += found
        if not found:
            missing.append(p)
    if missing:
        raise ShapeError(f"The following patterns did not match any files: {missing}.")
    return sorted(files)


def shuffle_mode(op, shuffle):
    """`shuffle` as a ``Shuffle`` mode (None and True: ``GLOBAL``), MindSpore's TypeError else."""
    if shuffle is None or shuffle is True:
        return Shuffle.GLOBAL
    if shuffle is False:
        return Shuffle.FALSE
    if isinstance(shuffle, Shuffle):
        return shuffle
    raise DTypeError(f"For '{op}', shuffle must be of boolean or enum of 'Shuffle' values like "
                     "'Shuffle.ADAPTIVE' or 'Shuffle.GLOBAL' or 'Shuffle.PARTIAL' or "
                     "'Shuffle.FILES' or 'Shuffle.INFILE'.")


class _FileRows(PipelineDataset):
    """Rows parsed from files by ``self._parse(path)`` (a list of row tuples per file),
    shuffled, sharded and limited as MindSpore's file datasets do."""
    _op = "FileDataset"

    def _setup(self, names, dataset_files, num_samples, num_parallel_workers, shuffle, num_shards,
               shard_id):
        op = self._op
        check_workers(op, num_parallel_workers)
        self._files = _files(op, dataset_files)
        mode = shuffle_mode(op, shuffle)
        if (num_shards is None) != (shard_id is None):
            raise ShapeError(f"For '{op}', give both 'num_shards' and 'shard_id' or neither.")
        if num_shards is not None:
            num_shards = _count(num_shards, op, "num_shards", 1)
            if not 0 <= _count(shard_id, op, "shard_id") < num_shards:
                raise ShapeError(f"For '{op}', 'shard_id' must be in [0, {num_shards}), but got "
                                 f"{shard_id}.")
        limit = None if num_samples in (None, 0) else _count(num_samples, op, "num_samples", 1)
        cache = {}

        def per_file():
            if "rows" not in cache:
                cache["rows"] = [self._parse(f) for f in self._files]
            return cache["rows"]

        def order(epoch):
            files = per_file()
            rng = _rng(epoch)
            picks = list(range(len(files)))
            if mode in (Shuffle.FILES, Shuffle.GLOBAL, Shuffle.ADAPTIVE, Shuffle.PARTIAL):
                picks = list(rng.permutation(len(files)))
            pos = []
            for f in picks:
                rows = _np.arange(len(files[f]))
                if mode in (Shuffle.INFILE, Shuffle.GLOBAL, Shuffle.ADAPTIVE, Shuffle.PARTIAL):
                    rows = rng.permutation(rows)
                pos += [(f, int(r)) for r in rows]
            if mode in (Shuffle.GLOBAL, Shuffle.ADAPTIVE, Shuffle.PARTIAL):
                pos = [pos[i] for i in rng.permutation(len(pos))]
            if num_shards is not None and pos:
                # Each shard reads a contiguous run of ceil(n / num_shards) rows, wrapping around.
                per = -(-len(pos) // num_shards)
                pos = [pos[(shard_id * per + i) % len(pos)] for i in range(per)]
            return pos if limit is None else pos[:limit]

        def rows(epoch):
            files = per_file()
            for f, r in order(epoch):
                yield files[f][r]

        super().__init__(names, rows, None)
        self._order = order

    def get_dataset_size(self):
        """Rows per epoch (the files are read once to count them)."""
        if self._size is None:
            self._size = len(self._order(0))
        return self._size


class TextFileDataset(_FileRows):
    """``TextFileDataset(dataset_files, num_samples=None, num_parallel_workers=None,
    shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None)``: one row per
    non-empty line of the files (column ``text``, the line without its end).

    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> path = os.path.join(tempfile.mkdtemp(), "a.txt")
        >>> _ = open(path, "w").write("hello world\\n\\nlast line\\n")
        >>> d = ds.TextFileDataset(path, shuffle=False)
        >>> print([str(row[0]) for row in d.create_tuple_iterator(output_numpy=True)])
        ['hello world', 'last line']
    """
    _op = "TextFileDataset"

    def __init__(self, dataset_files, num_samples=None, num_parallel_workers=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        self._setup(["text"], dataset_files, num_samples, num_parallel_workers, shuffle,
                    num_shards, shard_id)

    def _parse(self, path):
        with open(path, encoding="utf-8") as f:
            return [(_np.array(line.rstrip("\r\n")),) for line in f if line.rstrip("\r\n")]


def _defaults(op, column_defaults):
    if column_defaults is None:
        return None
    if not isinstance(column_defaults, (list, tuple)) or not all(
            isinstance(v, (str, _numbers.Real)) and not isinstance(v, bool) for v in column_defaults):
        raise DTypeError(f"For '{op}', 'column_defaults' must be a list of int, float or str, but "
                         f"got {column_defaults!r}.")
    return list(column_defaults)


class CSVDataset(_FileRows):
    """``CSVDataset(dataset_files, field_delim=',', column_defaults=None, column_names=None,
    num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL, num_shards=None,
    shard_id=None, cache=None)``: one row per record of the CSV files. Without `column_names`
    each file's first line names the columns. A column's type is that of its entry in
    `column_defaults` (int as int32, float as float32, str), string without them; an empty
    field takes the default (MindSpore 2.10 rejects it as a type mismatch).

    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> path = os.path.join(tempfile.mkdtemp(), "a.csv")
        >>> _ = open(path, "w").write("1,2.5,foo\\n3,4,bar\\n")
        >>> d = ds.CSVDataset(path, column_defaults=[0, 0.0, ""], column_names=["a", "b", "c"],
        ...                   shuffle=False)
        >>> for row in d.create_dict_iterator(output_numpy=True):
        ...     print(row["a"], row["b"], row["c"])
        1 2.5 foo
        3 4.0 bar
    """
    _op = "CSVDataset"

    def __init__(self, dataset_files, field_delim=",", column_defaults=None, column_names=None,
                 num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        op = self._op
        if not isinstance(field_delim, str) or len(field_delim) != 1 or field_delim in "\"\r\n":
            raise ShapeError(f"For '{op}', 'field_delim' must be one character other than a quote "
                             f"or a line break, but got {field_delim!r}.")
        self._delim, self._defaults = field_delim, _defaults(op, column_defaults)
        names = None
        if column_names is not None:
            names = [column_names] if isinstance(column_names, str) else list(column_names)
            if not names or not all(isinstance(n, str) for n in names) or len(set(names)) != len(names):
                raise DTypeError(f"For '{op}', 'column_names' must be a list of distinct str, but "
                                 f"got {column_names!r}.")
        self._header = names is None
        if names is None:
            first = _files(op, dataset_files)[0]
            with open(first, newline="", encoding="utf-8") as f:
                names = next(_csv.reader(f, delimiter=field_delim), None)
            if not names:
                raise ShapeError(f"For '{op}', the first line of {first} must name the columns "
                                 "(or give 'column_names').")
        if self._defaults is not None and len(self._defaults) != len(names):
            raise ShapeError(f"For '{op}', {len(names)} columns {names} but {len(self._defaults)} "
                             "column_defaults.")
        self._names_in = names
        self._setup(names, dataset_files, num_samples, num_parallel_workers, shuffle, num_shards,
                    shard_id)

    def _field(self, value, column, path, line):
        default = None if self._defaults is None else self._defaults[column]
        if isinstance(default, str) or default is None:
            return _np.array(value)
        if value == "":
            value = default
        try:
            if isinstance(default, int):  # the leading integer, as MindSpore's reader takes "2.5"
                m = _re.match(r"\s*([+-]?\d+)", value)
                if m is None:
                    raise ValueError(value)
                return _np.array(int(m.group(1)), _np.int32)
            return _np.array(float(value), _np.float32)
        except (ValueError, OverflowError):
            kind = "int" if isinstance(default, int) else "float"
            raise ComputeError(f"Invalid csv, csv file: {path} parse failed at line {line}, type "
                               f"does not match: '{value}' in column '{self._names_in[column]}' "
                               f"is not a {kind}.") from None

    def _parse(self, path):
        rows, n = [], len(self._names_in)
        with open(path, newline="", encoding="utf-8") as f:
            reader = _csv.reader(f, delimiter=self._delim)
            for k, rec in enumerate(reader):
                if k == 0 and self._header:
                    continue
                if not rec:
                    continue
                if len(rec) != n:
                    raise ComputeError(f"Invalid csv, csv file: {path} at line {reader.line_num} has "
                                       f"{len(rec)} fields but there are {n} columns {self._names_in}.")
                rows.append(tuple(self._field(v, i, path, reader.line_num) for i, v in enumerate(rec)))
        return rows

"""``mindspore.dataset.Schema`` (the columns a dataset reads: names, types, shapes, as MindSpore's
JSON schema) and ``RandomDataset`` (rows of repeated random bytes in a schema's columns, the same
rows MindSpore 2.10 reads for a seed; the draws are the Rust ones, ``nn/data/random_data.rs``)."""
import json as _json
import os as _os

import numpy as _np

from .. import _C
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as _mstype
from . import config
from .pipeline import GeneratorDataset, check_workers

# MindSpore's dataset type names, in its `DataType` order (codes 1 to 12: the types a drawn schema
# picks from), then the one non-numeric type a schema may name.
_NUMERIC = ("bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
            "float16", "float32", "float64")
_NAMES = _NUMERIC + ("string",)
_OF_MSTYPE = {getattr(_mstype, "bool_"): "bool", getattr(_mstype, "string"): "string",
              **{getattr(_mstype, n): n for n in _NUMERIC[1:]}}


def _type_name(de_type):
    """The dataset type name of a MindSpore dtype or a type name; MindSpore's TypeError else."""
    if isinstance(de_type, str) and de_type in _NAMES:
        return de_type
    try:
        name = _OF_MSTYPE.get(de_type)
    except TypeError:  # an unhashable value
        name = None
    if name is None:
        raise DTypeError("Unknown column type.")
    return name


def _check_type(value, t, what):
    """MindSpore's TypeError for an argument that is not a `t` (a bool is no int here)."""
    if not isinstance(value, t) or (t is not bool and isinstance(value, bool)):
        raise DTypeError(f"Argument {what} with value {value!r} is not of type [{t!r}], but got "
                         f"{type(value)!r}.")


class Schema:
    """MindSpore's ``Schema(schema_file=None)``: the columns of a dataset, each a name, a type
    (``mindspore.uint8`` or ``'uint8'``…) and optionally a shape (``-1`` for a dimension each row
    decides). ``str(schema)`` and ``to_json()`` give MindSpore's JSON text; ``schema_file`` reads
    one (``{"columns": {...} or [...], "numRows": n}``)."""

    def __init__(self, schema_file=None):
        self.schema_file = "" if schema_file is None else schema_file
        self._columns = []
        self._num_rows = None
        self._dataset_type = None
        if schema_file is not None:
            _check_type(schema_file, str, "schema_file")
            if not _os.path.isfile(schema_file):
                raise ShapeError(f"The file {schema_file} does not exist or permission denied!")
            with open(schema_file, encoding="utf-8") as f:
                try:
                    obj = _json.load(f)
                except ValueError as e:
                    raise ComputeError(f"Schema file {schema_file} is not valid JSON: {e}") from None
            self.from_json(obj)

    def add_column(self, name, de_type, shape=None):
        """Adds a column (``shape`` a list of ints, ``-1`` for an unknown dimension)."""
        _check_type(name, str, "name")
        if shape is not None:
            _check_type(shape, list, "shape")
            for d in shape:
                _check_type(d, int, "shape")
        column = {"name": name, "type": _type_name(de_type)}
        if shape is None:
            column["rank"] = 1  # MindSpore's default rank of a column added without a shape
        else:
            column["rank"], column["shape"] = len(shape), [int(d) for d in shape]
        self._columns.append(column)

    def parse_columns(self, columns):
        """Adds the columns of a list of ``{'name', 'type', 'shape'}`` dicts or of a dict of
        ``name: {'type', 'shape'}`` (a column without a shape is a scalar)."""
        if isinstance(columns, dict):
            columns = [dict(v, name=k) for k, v in columns.items()]
        _check_type(columns, list, "columns")
        parsed = []
        for c in columns:
            if not isinstance(c, dict) or "name" not in c or "type" not in c:
                raise ComputeError("Column's name or type is missing: each column needs 'name' "
                                   f"and 'type', but got {c!r}.")
            shape = [int(d) for d in c.get("shape", [])]
            parsed.append({"name": c["name"], "type": _type_name(c["type"]), "rank": len(shape),
                           "shape": shape})
        self._columns.extend(parsed)

    def from_json(self, json_obj):
        """Reads the columns (and ``numRows``, ``datasetType``) of a parsed JSON schema."""
        _check_type(json_obj, dict, "json_obj")
        if "columns" not in json_obj:
            raise ComputeError("'columns' is missing from the JSON schema.")
        self._columns = []
        self.parse_columns(json_obj["columns"])
        if "numRows" in json_obj:
            self._num_rows = int(json_obj["numRows"])
        self._dataset_type = json_obj.get("datasetType", self._dataset_type)

    def to_json(self):
        """MindSpore's JSON text of the schema (keys sorted, two-space indents)."""
        obj = {"columns": [dict(c) for c in self._columns] or None}
        if self._num_rows is not None:
            obj["numRows"] = self._num_rows
        if self._dataset_type is not None:
            obj["datasetType"] = self._dataset_type
        return _json.dumps(obj, indent=2, sort_keys=True)

    def __str__(self):
        return self.to_json()

    @staticmethod
    def get_num_rows(schema):
        """The schema's ``numRows`` (0 when it has none)."""
        if isinstance(schema, str):
            schema = Schema(schema)
        if not isinstance(schema, Schema):
            raise DTypeError(f"schema should be a path to a schema file or a Schema, but got "
                             f"{type(schema).__name__}.")
        return schema._num_rows or 0


def _count_arg(value, what):
    if value is None:
        return None
    _check_type(value, int, what)
    if value < 0:
        raise ComputeError(f"RandomDataset: '{what}' must be greater than or equal to 0, got: "
                           f"{value}")
    return value


class RandomDataset(GeneratorDataset):
    """MindSpore's ``RandomDataset(total_rows=None, schema=None, columns_list=None, ...)``: rows
    whose every column value is one random byte repeated (MindSpore's "random and repeated
    bytes"; a Bool value is that byte's truth), drawn from the pipeline's seed as MindSpore draws
    them, so a run after ``config.set_seed(s)`` reads MindSpore's values. Without ``total_rows``
    the count is drawn (1 to 1024), without ``schema`` the columns (``c0``…: 1 to 4 numeric
    columns of rank 1 to 4, dimensions up to 32); a ``-1`` dimension is drawn per row (1 to 32).
    ``columns_list`` picks and orders a given schema's columns. Every epoch reads the same rows.

    Rows are drawn in the order they are read, so ``shuffle`` does not change what is read (as in
    MindSpore). Where MindSpore 2.10 errs we follow the documentation: it crashes without
    ``total_rows`` (we draw the count, as its code intends), ignores ``num_samples`` with a schema
    and reads ``num_samples`` rows past ``total_rows`` without one (we read the first
    ``min(total_rows, num_samples)``), and gives every shard all rows (each shard here reads its
    rows of the sequence, as ``DistributedSampler`` deals them)."""

    def __init__(self, total_rows=None, schema=None, columns_list=None, num_samples=None,
                 num_parallel_workers=None, cache=None, shuffle=None, num_shards=None,
                 shard_id=None):
        check_workers("RandomDataset", num_parallel_workers)
        total_rows = _count_arg(total_rows, "total_rows")
        num_samples = _count_arg(num_samples, "num_samples")
        if shuffle is not None:
            _check_type(shuffle, bool, "shuffle")
        if columns_list is not None:
            _check_type(columns_list, list, "columns_list")
        if isinstance(schema, str):
            schema = Schema(schema)
        if schema is not None and not isinstance(schema, Schema):
            raise DTypeError(f"For 'RandomDataset', 'schema' must be a Schema or a path to a "
                             f"schema file, but got {type(schema).__name__}.")
        rows = total_rows or None
        if rows is None and schema is not None:
            rows = schema._num_rows or None
        if num_samples:
            rows = num_samples if rows is None else min(rows, num_samples)
        columns = None
        if schema is not None:
            columns = self._picked(schema, columns_list)
        shapes = None if columns is None else [c.get("shape") or [] for c in columns]
        for c, shape in zip(columns or [], shapes or []):
            if any(d < -1 for d in shape):
                # Only -1 means "drawn per row" (MindSpore cannot make such a column either).
                raise ComputeError(f"For 'RandomDataset', column '{c['name']}' has the shape "
                                   f"{shape}: a dimension must be -1 (drawn) or at least 0.")
        drawn_rows, drawn, data, dims = _C.random_data(
            config._op_seed(), rows,
            None if shapes is None else [[d if d >= 0 else None for d in s] for s in shapes])
        if columns is None:
            columns = [{"name": f"c{i}", "type": _NUMERIC[code - 1],
                        "shape": [-1 if d is None else d for d in ds]}
                       for i, (code, ds) in enumerate(drawn)]
        else:
            schema._num_rows, schema._dataset_type = drawn_rows, "Random"
        super().__init__(_RandomRows(columns, drawn_rows, data, dims),
                         [c["name"] for c in columns], shuffle=False, num_shards=num_shards,
                         shard_id=shard_id)

    @staticmethod
    def _picked(schema, columns_list):
        """The schema's columns, or those named in ``columns_list`` in its order."""
        for c in schema._columns:
            if c["type"] not in _NUMERIC:
                raise ComputeError(f"For 'RandomDataset', column '{c['name']}' has type "
                                   f"{c['type']}: random data fills numeric columns only.")
        if not columns_list:
            return list(schema._columns)
        by_name = {c["name"]: c for c in schema._columns}
        missing = [n for n in columns_list if n not in by_name]
        if missing:
            raise ComputeError(f"Invalid data, failed to find column: {missing[0]}")
        return [by_name[n] for n in columns_list]


class _RandomRows:
    """The rows of a `RandomDataset`, built on demand from the drawn bytes and dimensions."""

    def __init__(self, columns, rows, data, dims):
        self._dtypes = [_np.dtype(c["type"]) for c in columns]
        self._shapes = [list(c.get("shape") or []) for c in columns]
        self._rows, self._data, self._dims = rows, data, dims
        self._unknown = sum(d < 0 for s in self._shapes for d in s)

    def __len__(self):
        return self._rows

    def __getitem__(self, i):
        k = len(self._shapes)
        drawn = iter(self._dims[i * self._unknown:(i + 1) * self._unknown])
        row = []
        for j, (dtype, shape) in enumerate(zip(self._dtypes, self._shapes)):
            shape = tuple(next(drawn) if d < 0 else d for d in shape)
            count = int(_np.prod(shape, dtype=_np.int64))
            filled = _np.full(count * dtype.itemsize, self._data[i * k + j], _np.uint8)
            value = filled != 0 if dtype == _np.bool_ else filled.view(dtype)
            row.append(value.reshape(shape))
        return tuple(row)

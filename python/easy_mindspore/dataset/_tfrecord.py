"""``TFRecordDataset``: rows of TFRecord files of ``tf.train.Example`` records.

A TFRecord file is a sequence of records (``uint64`` length, ``uint32`` CRC of the length, the
bytes, ``uint32`` CRC of the bytes); each record is a serialized ``Example`` protobuf: a map of
feature name to a ``BytesList`` (field 1), ``FloatList`` (2) or ``Int64List`` (3). The small
protobuf decoder below reads just those messages (packed and unpacked repeated fields).

Columns, as MindSpore 2.10 gives them: without a schema, one per feature of the first record,
sorted by name (bytes as a 1-D ``uint8`` array of the bytes, floats ``float32``, ints
``int64``); with a schema file (its columns sorted by name, as MindSpore's JSON reader orders
them) or a ``Schema``, each column cast to its type and reshaped to its shape (``rank`` 0: a
scalar; a ``string`` column: the bytes decoded). ``numRows`` of the schema limits the rows when
``num_samples`` is not given.
"""
import json as _json
import os as _os
import struct as _struct

import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError
from ._random_data import Schema
from .text_files import Shuffle, _FileRows

__all__ = ["TFRecordDataset"]

_OP = "TFRecordDataset"


def _varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def _fields(buf):
    """(field number, wire type, value) of a protobuf message: varints as ints, length-
    delimited values as bytes, fixed32/fixed64 as their raw bytes."""
    i, n = 0, len(buf)
    while i < n:
        key, i = _varint(buf, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            size, i = _varint(buf, i)
            value, i = buf[i:i + size], i + size
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield field, wire, value


def _feature(buf):
    """A ``Feature`` message: ('bytes', [bytes...]), ('float', float32 array) or ('int', int64
    array)."""
    for kind, wire, body in _fields(buf):
        if kind == 1:
            return "bytes", [bytes(v) for f, _, v in _fields(body) if f == 1]
        if kind == 2:
            parts = [bytes(v) for f, _, v in _fields(body) if f == 1]  # packed or not
            return "float", _np.frombuffer(b"".join(parts), "<f4").astype(_np.float32)
        if kind == 3:
            ints = []
            for f, w, v in _fields(body):
                if f != 1:
                    continue
                if w == 0:
                    ints.append(v)
                else:
                    j = 0
                    while j < len(v):
                        x, j = _varint(v, j)
                        ints.append(x)
            arr = _np.array(ints, dtype=_np.uint64).view(_np.int64) if ints else \
                _np.zeros(0, _np.int64)
            return "int", arr
    return "int", _np.zeros(0, _np.int64)  # an empty Feature


def _example(buf):
    """The features (name -> (kind, values)) of a serialized ``Example``."""
    out = {}
    for f, _, features in _fields(buf):
        if f != 1:
            continue
        for g, _, entry in _fields(features):
            if g != 1:
                continue
            key, value = "", b""
            for h, _, v in _fields(entry):
                if h == 1:
                    key = bytes(v).decode("utf-8")
                elif h == 2:
                    value = v
            out[key] = _feature(value)
    return out


def _records(path):
    """The record payloads of a TFRecord file (MindSpore's RuntimeError for a broken file)."""
    with open(path, "rb") as f:
        data = memoryview(f.read())
    i, out = 0, []
    while i < len(data):
        if i + 12 > len(data):
            raise ComputeError(f"Invalid file, failed to parse tfrecord file: {path}.")
        (length,) = _struct.unpack_from("<Q", data, i)
        i += 12
        if i + length + 4 > len(data):
            raise ComputeError(f"Invalid file, failed to parse tfrecord file: {path}.")
        out.append(data[i:i + length])
        i += length + 4
    return out


def _schema_columns(schema):
    """[(name, type, shape or None)] and numRows of a schema file path or ``Schema``."""
    if isinstance(schema, str):
        if not _os.path.isfile(schema):
            raise ShapeError(f"For '{_OP}', the schema file {schema} does not exist or permission "
                             "denied!")
        with open(schema, encoding="utf-8") as f:
            try:
                obj = _json.load(f)
            except ValueError as e:
                raise ComputeError(f"Schema file {schema} is not valid JSON: {e}") from None
        cols = obj.get("columns")
        if isinstance(cols, dict):  # MindSpore's JSON reader orders the keys by name
            cols = [dict(cols[k], name=k) for k in sorted(cols)]
        if not isinstance(cols, list):
            raise ComputeError(f"'columns' is missing from the schema file {schema}.")
        num_rows = obj.get("numRows")
    elif isinstance(schema, Schema):
        cols, num_rows = schema._columns, schema._num_rows
    else:
        raise DTypeError(f"For '{_OP}', 'schema' must be a str or a Schema, but got "
                         f"{type(schema).__name__}.")
    out = []
    for c in cols:
        shape = c.get("shape")
        if shape is None and c.get("rank") == 0:
            shape = []
        out.append((c["name"], c["type"], None if shape is None else [int(d) for d in shape]))
    return out, (int(num_rows) if num_rows else None)


class TFRecordDataset(_FileRows):
    """``TFRecordDataset(dataset_files, schema=None, columns_list=None, num_samples=None,
    num_parallel_workers=None, shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None,
    shard_equal_rows=False, cache=None, compression_type=None)``: one row per
    ``tf.train.Example`` record of the TFRecord files.

    Examples:
        >>> import os, struct, tempfile
        >>> import mindspore.dataset as ds
        >>> # one Example {"x": Int64List [7, -1]}
        >>> ints = bytes([8 * 1 + 2, 11]) + bytes([7]) + bytes([255] * 9 + [1])
        >>> feature = bytes([3 * 8 + 2, len(ints)]) + ints
        >>> entry = bytes([10, 1]) + b"x" + bytes([18, len(feature)]) + feature
        >>> features = bytes([10, len(entry)]) + entry
        >>> example = bytes([10, len(features)]) + features
        >>> path = os.path.join(tempfile.mkdtemp(), "a.tfrecord")
        >>> with open(path, "wb") as f:
        ...     _ = f.write(struct.pack("<QI", len(example), 0) + example + bytes(4))
        >>> d = ds.TFRecordDataset(path, shuffle=False)
        >>> [r["x"].tolist() for r in d.create_dict_iterator(output_numpy=True)]
        [[7, -1]]
    """
    _op = _OP

    def __init__(self, dataset_files, schema=None, columns_list=None, num_samples=None,
                 num_parallel_workers=None, shuffle=Shuffle.GLOBAL, num_shards=None,
                 shard_id=None, shard_equal_rows=False, cache=None, compression_type=None):
        if compression_type not in (None, "", "GZIP", "ZLIB"):
            raise ShapeError(f"For '{_OP}', 'compression_type' must be '', 'GZIP' or 'ZLIB', but "
                             f"got {compression_type!r}.")
        if compression_type:
            raise ShapeError(f"For '{_OP}', compressed TFRecord files are not supported here.")
        self._tf_columns, num_rows = (None, None) if schema is None else _schema_columns(schema)
        if columns_list is not None and (not isinstance(columns_list, (list, tuple)) or not all(
                isinstance(c, str) for c in columns_list)):
            raise DTypeError(f"For '{_OP}', 'columns_list' must be a list of str, but got "
                             f"{columns_list!r}.")
        if num_samples is None:
            num_samples = num_rows
        files = self._tf_files(dataset_files)
        names = [c[0] for c in self._tf_columns] if self._tf_columns else self._first_names(files)
        if columns_list:
            missing = [c for c in columns_list if c not in names]
            if missing:
                raise ComputeError(f"For '{_OP}', columns_list {missing} are not columns of the "
                                   f"data (its columns: {names}).")
            names = list(columns_list)
        self._tf_names = names
        self._setup(names, dataset_files, num_samples, num_parallel_workers, shuffle, num_shards,
                    shard_id)

    @staticmethod
    def _tf_files(dataset_files):
        from .text_files import _files
        return _files(_OP, dataset_files)

    @staticmethod
    def _first_names(files):
        for path in files:
            for rec in _records(path):
                return sorted(_example(rec))
        raise ComputeError(f"For '{_OP}', the files hold no record to read the columns from.")

    def _value(self, name, kind, values, dtype, shape, path):
        if kind == "bytes":
            if dtype == "string":
                a = _np.array([v.decode("utf-8", "replace") for v in values])
                return a.reshape(shape) if shape is not None else a
            # Several strings: MindSpore 2.10 pads each with spaces to the longest, end to end.
            width = max((len(v) for v in values), default=0)
            raw = b"".join(v.ljust(width, b" ") for v in values) if len(values) > 1 else \
                b"".join(values)
            a = _np.frombuffer(raw, dtype=_np.dtype(dtype or "uint8")).copy()
        else:
            a = values if dtype is None else values.astype(_np.dtype(dtype))
        if shape is not None:
            if a.size != int(_np.prod(shape)):
                raise ComputeError(f"For '{_OP}', column '{name}' of {path} holds {a.size} values, "
                                   f"which do not fit its schema shape {shape}.")
            a = a.reshape(shape)
        return a

    def _parse(self, path):
        cols = {c[0]: c for c in self._tf_columns} if self._tf_columns else {}
        rows = []
        for rec in _records(path):
            try:
                feats = _example(rec)
            except (IndexError, ValueError, UnicodeDecodeError):
                raise ComputeError(f"Invalid file, failed to parse tfrecord file: {path}.") from None
            row = []
            for name in self._tf_names:
                if name not in feats:
                    raise ComputeError(f"For '{_OP}', a record of {path} has no feature '{name}'.")
                kind, values = feats[name]
                _, dtype, shape = cols.get(name, (name, None, None))
                row.append(self._value(name, kind, values, dtype, shape, path))
            rows.append(tuple(row))
        return rows

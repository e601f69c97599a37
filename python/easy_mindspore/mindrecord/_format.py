"""The MindRecord file format (version 3.0, as MindSpore 2.10 writes and reads it).

A dataset is one or more shard files ``name`` (or ``name0``, ``name1``, ... for several shards),
each with a SQLite index ``name.db`` beside it.

A shard file is a header region of ``header_size`` bytes, then pages of ``page_size`` bytes
(page ``k`` at ``header_size + k * page_size``; the last page ends the file). The header region
starts with a little-endian u64 length and that many bytes of JSON: ``header_size``,
``page_size``, ``compression_size``, ``version``, ``schema`` (one ``{"blob_fields", "desc",
"schema"}``), ``index_fields``, ``shard_addresses`` (all the shards' file names), ``shard_id``,
``statistics`` and ``page`` (this shard's pages: id, type, rows, bytes used).

Rows are cut into row groups; a group's blobs fill one ``BLOB_DATA`` page, its raw fields sit in
a ``RAW_DATA`` page. In both, a row is a little-endian u64 length and its bytes:

- raw: a MessagePack map of the scalar fields (int32/int64/float32/float64/string); a schema of
  blob fields only stores the map ``{"id": 0}``.
- blob: the fields of type bytes or with a shape, in ``blob_fields`` order (sorted names); one
  field alone is stored bare, several each after a big-endian u64 length; no blob field at all
  stores 4 zero bytes. When the schema has an int32/int64 field with a shape, those fields are
  compressed: a big-endian u32 count, a 2-bit type code per element (int8/16/32/64, first
  element in the high bits), then each element little-endian in its smallest type.

The index ``INDEXES`` table has one row per record (row id, raw and blob page and offsets, the
index fields' values); ``SHARD_NAME`` holds the shard's file name. MindSpore's reader finds the
records through the index, and so does this one.
"""
import json
import os
import sqlite3
import struct

import numpy as np

from . import _msgpack

VERSION = "3.0"
DEFAULT_HEADER_SIZE = 1 << 24
DEFAULT_PAGE_SIZE = 1 << 25
HEADER_SIZE_RANGE = (1 << 14, 1 << 27)
PAGE_SIZE_RANGE = (1 << 15, 1 << 28)
SCALAR_TYPES = ("int32", "int64", "float32", "float64", "string", "bytes")
ARRAY_TYPES = ("int32", "int64", "float32", "float64")
_SQL_TYPES = {"int32": "INTEGER", "int64": "INTEGER", "float32": "REAL", "float64": "REAL",
              "string": "TEXT"}
_DUMMY_RAW = {"id": 0}
_EMPTY_BLOB = bytes(4)


# -- schema ------------------------------------------------------------------------------------
def blob_fields(schema):
    """The fields stored in the blob page: bytes and fields with a shape, sorted by name."""
    return sorted(k for k, v in schema.items() if v["type"] == "bytes" or "shape" in v)


def default_index_fields(schema):
    """The fields MindSpore indexes when ``add_index`` was not called: the scalar numbers and
    strings."""
    return [k for k in sorted(schema) if "shape" not in schema[k] and schema[k]["type"] != "bytes"]


def compresses(schema):
    """Whether int32/int64 blob fields are compressed (a shaped integer field exists)."""
    return any("shape" in v and v["type"] in ("int32", "int64") for v in schema.values())


# -- integer compression -----------------------------------------------------------------------
def compress_int(data, dtype):
    """The compressed bytes of the integers `data` (raw bytes of `dtype`)."""
    values = np.frombuffer(data, dtype).astype("<i8")
    n = len(values)
    codes = np.full(n, 3, np.uint8)
    for code, info in ((2, np.iinfo(np.int32)), (1, np.iinfo(np.int16)), (0, np.iinfo(np.int8))):
        codes[(values >= info.min) & (values <= info.max)] = code
    padded = np.zeros(-(-n // 4) * 4, np.uint8)
    padded[:n] = codes
    bitmap = (padded.reshape(-1, 4) << np.array([6, 4, 2, 0], np.uint8)).sum(axis=1, dtype=np.uint8)
    as_bytes = values.view(np.uint8).reshape(n, 8)
    keep = np.arange(8)[None, :] < (1 << codes.astype(np.int64))[:, None]
    return struct.pack(">I", n) + bitmap.tobytes() + as_bytes[keep].tobytes()


def uncompress_int(data, dtype):
    """The raw bytes (of `dtype`) of compressed integers."""
    n = struct.unpack_from(">I", data, 0)[0]
    nmap = -(-n // 4)
    bitmap = np.frombuffer(data, np.uint8, nmap, 4)
    codes = ((bitmap[:, None] >> np.array([6, 4, 2, 0], np.uint8)) & 3).reshape(-1)[:n]
    sizes = 1 << codes.astype(np.int64)
    starts = 4 + nmap + np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    body = np.frombuffer(data, np.uint8)
    out = np.zeros(n, np.int64)
    for code, kind in enumerate(("<i1", "<i2", "<i4", "<i8")):
        at = np.nonzero(codes == code)[0]
        if len(at):
            grab = body[starts[at][:, None] + np.arange(1 << code)[None, :]]
            out[at] = np.ascontiguousarray(grab).view(kind).reshape(-1)
    return out.astype(dtype).tobytes()


# -- blobs ---------------------------------------------------------------------------------------
def pack_blob(row, schema, fields, compress):
    """The blob bytes of `row` and how many bytes compression saved."""
    if not fields:
        return _EMPTY_BLOB, 0
    parts, saved = [], 0
    for f in fields:
        v = row[f]
        typ = schema[f]["type"]
        data = bytes(v) if typ == "bytes" else np.ascontiguousarray(v, dtype=typ).tobytes()
        if compress and typ in ("int32", "int64"):
            packed = compress_int(data, typ)
            saved += len(data) - len(packed)
            data = packed
        parts.append(data)
    if len(parts) == 1:
        return parts[0], saved
    return b"".join(struct.pack(">Q", len(p)) + p for p in parts), saved


def unpack_blob(blob, schema, fields, compress):
    """field -> bytes (uncompressed) of one row's blob."""
    if not fields:
        return {}
    if len(fields) == 1:
        parts = [blob]
    else:
        parts, pos = [], 0
        for _ in fields:
            n = struct.unpack_from(">Q", blob, pos)[0]
            parts.append(blob[pos + 8:pos + 8 + n])
            pos += 8 + n
    out = {}
    for f, data in zip(fields, parts):
        typ = schema[f]["type"]
        out[f] = uncompress_int(data, typ) if compress and typ in ("int32", "int64") else bytes(data)
    return out


# -- reading -------------------------------------------------------------------------------------
def read_header(path):
    """The JSON header of shard file `path` (RuntimeError when it is not a MindRecord file)."""
    if not os.path.isfile(path):
        raise RuntimeError(f"The input: {path} is not exists.")
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
        n = struct.unpack("<Q", head)[0] if len(head) == 8 else -1
        if n < 0 or n > HEADER_SIZE_RANGE[1] or n + 8 > size:
            raise RuntimeError(f"Invalid file, the size of mindrecord header: {max(n, 0)} is larger "
                               f"than the upper limit. \nThe invalid mindrecord file is [{path}]. \n"
                               "Please use 'FileWriter' to generate valid mindrecord files.")
        try:
            header = json.loads(fh.read(n).decode("utf-8"))
        except ValueError:
            header = None
    if not isinstance(header, dict) or not all(k in header for k in (
            "header_size", "page_size", "schema", "shard_addresses", "version")):
        raise RuntimeError(f"Invalid file, failed to parse the header of mindrecord file [{path}]. "
                           "Please use 'FileWriter' to generate valid mindrecord files.")
    return header


def shard_paths(path, header, load_dataset):
    """The shard files of a dataset: all of them (beside `path`) when `load_dataset`."""
    if not load_dataset:
        return [path]
    folder = os.path.dirname(path)
    return [os.path.join(folder, name) for name in header["shard_addresses"]]


class Shard:
    """One shard file opened for reading: its header and, through its index, its records."""

    def __init__(self, path):
        self.path = path
        self.header = read_header(path)
        db = path + ".db"
        if not os.path.isfile(db):
            raise RuntimeError(f"The input: {db} is not exists.")
        if os.path.getsize(db) < 8:
            raise RuntimeError(f"Invalid file, the size of mindrecord file: {os.path.getsize(db)} is "
                               f"smaller than the lower limit: 8.\n Please check file path: {db} and "
                               "use 'FileWriter' to generate valid mindrecord files.")
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            names = con.execute("SELECT NAME FROM SHARD_NAME").fetchall()
            if not names or names[0][0] != os.path.basename(path):
                raise RuntimeError(f"Invalid file, DB file can not match file: {path}")
            # (raw page, raw start, raw end, blob page, blob start, blob end) per record
            self.records = con.execute(
                "SELECT PAGE_ID_RAW, PAGE_OFFSET_RAW, PAGE_OFFSET_RAW_END, PAGE_ID_BLOB, "
                "PAGE_OFFSET_BLOB, PAGE_OFFSET_BLOB_END FROM INDEXES ORDER BY ROW_ID").fetchall()
        except sqlite3.DatabaseError as e:
            raise RuntimeError(f"Invalid file, failed to read the index {db}: {e}") from None
        finally:
            con.close()
        meta = self.header["schema"][0]
        self.schema = meta["schema"]
        self.blob_fields = list(meta["blob_fields"])
        self.compress = self.header["version"] >= VERSION and compresses(self.schema)
        self._fh = None

    def meta(self):
        """What must agree between the shards of one dataset."""
        h = self.header
        return (h["header_size"], h["page_size"], h.get("compression_size", 0), h["version"],
                json.dumps(h["index_fields"]), json.dumps(h["schema"][0], sort_keys=True))

    def _read(self, page, start, end):
        h = self.header
        if self._fh is None:
            self._fh = open(self.path, "rb")
        self._fh.seek(h["header_size"] + h["page_size"] * page + start + 8)
        return self._fh.read(end - start - 8)

    def record(self, i, blobs=True):
        """Record `i`: (its raw fields as a dict, field -> blob bytes); without `blobs`, the
        second is empty."""
        raw_page, raw_start, raw_end, blob_page, blob_start, blob_end = self.records[i]
        try:
            raw = _msgpack.decode(self._read(raw_page, raw_start, raw_end))
            raw = {k: v for k, v in raw.items() if k in self.schema} if isinstance(raw, dict) else {}
            if not blobs:
                return raw, {}
            blob = self._read(blob_page, blob_start, blob_end) if self.blob_fields else b""
            return raw, unpack_blob(blob, self.schema, self.blob_fields, self.compress)
        except (IndexError, KeyError, ValueError, TypeError, struct.error, RecursionError) as e:
            # A damaged page (MindSpore reports a bad file as a RuntimeError too).
            raise RuntimeError(f"Invalid file, failed to read record {i} of mindrecord file "
                               f"[{self.path}]: {type(e).__name__}: {e}") from None

    def query(self, sql, params=()):
        """The rows of an SQL query on this shard's index file."""
        con = sqlite3.connect(f"file:{self.path}.db?mode=ro", uri=True)
        try:
            return con.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as e:
            raise RuntimeError(f"Invalid file, failed to read the index {self.path}.db: "
                               f"{e}") from None
        finally:
            con.close()

    def close(self):
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def open_shards(file_name, load_dataset=True):
    """The shards of the dataset `file_name` names (one file of it when `load_dataset`, else a
    list of files read as given), checked to share one schema."""
    paths = [file_name] if isinstance(file_name, str) else list(file_name)
    for p in paths:
        for f in (p, p + ".db"):
            if not os.path.isfile(f):
                raise RuntimeError(f"The input: {f} is not exists.")
    if load_dataset:
        paths = shard_paths(paths[0], read_header(paths[0]), True)
    shards = [Shard(p) for p in paths]
    for s in shards[1:]:
        if s.meta() != shards[0].meta():
            raise RuntimeError("Invalid file, the meta information of mindrecord files "
                               f"{shards[0].path} and {s.path} is different.")
    return shards


def typed_value(value, field, schema, bytes_as_array=False):
    """A stored value as NumPy gives it: a 0-d array of the field's type for a scalar, the array
    for a shaped field, a str for a string; bytes stay bytes unless `bytes_as_array` (then a
    one-element ``S`` array, as MindDataset yields them)."""
    spec = schema[field]
    typ = spec["type"]
    if "shape" in spec:
        return np.frombuffer(value, typ).reshape(spec["shape"]).copy()
    if typ == "bytes":
        return np.array([value], dtype=np.bytes_) if bytes_as_array else value
    if typ == "string":
        return np.array(value)
    return np.array(value, dtype=typ)

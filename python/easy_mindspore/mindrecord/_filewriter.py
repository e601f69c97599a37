"""``mindspore.mindrecord.FileWriter``: rows of Python dicts into MindRecord files that
MindSpore 2.10 reads (see `_format`)."""
import os
import re

import numpy as np

from .. import log as _log
from . import _format, _msgpack
from ._checks import FAILED, SUCCESS, check_filename  # noqa: F401 - MindSpore's names here
from ._errors import (MRMAddSchemaError, MRMDefineIndexError, MRMInvalidSchemaError, ParamTypeError,
                      ParamValueError)
from ._shard_writer import ShardWriter

MIN_SHARD_COUNT, MAX_SHARD_COUNT = 1, 1000

# The Python type name of a value -> the schema types it may fill (MindSpore's table).
_VALUE_TYPES = {"int": ("int32", "int64"), "float": ("float32", "float64"), "str": ("string",),
                "bytes": ("bytes",), "int32": ("int32",), "int64": ("int64",),
                "float32": ("float32",), "float64": ("float64",),
                "ndarray": ("int32", "int64", "float32", "float64")}


def _schema_error(content):
    """Why `content` is not a valid schema, or None."""
    if not content:
        return "Schema content is empty."
    if not isinstance(content, dict):
        return "Schema content should be dict."
    for k, v in content.items():
        if not isinstance(k, str) or not re.match(r"^[0-9a-zA-Z_]+$", k):
            return f"Field '{k}' should be composed of '0-9' or 'a-z' or 'A-Z' or '_'."
        if not v or not isinstance(v, dict):
            return f"Field '{k}' should be dict."
        if len(v) == 1 and "type" in v:
            if v["type"] not in _format.SCALAR_TYPES:
                return f"Field '{k}' contain illegal attribute '{v['type']}'."
        elif len(v) == 2 and "type" in v and "shape" in v:
            if v["type"] not in _format.ARRAY_TYPES:
                return f"Field '{k}' contain illegal attribute '{v['type']}'."
            if not isinstance(v["shape"], list):
                return f"Field '{k}' contain illegal attribute '{v['shape']}'."
        else:
            return f"Field '{v}' contains illegal attributes."
    return None


def _row_error(i, row, schema):
    """Why row `i` does not fit `schema` (MindSpore drops such rows with a warning), or None."""
    for field, spec in schema.items():
        if field not in row:
            return f"for schema, {i} th data is wrong, there is not field: '{field}' in the raw data."
        v = row[field]
        kind = type(v).__name__
        if kind not in _VALUE_TYPES or spec["type"] not in _VALUE_TYPES[kind]:
            return f"for schema, {i} th data is wrong, data type: '{spec['type']}' for field: " \
                   f"'{field}' is not matched."
        if ("shape" in spec) != (kind == "ndarray"):
            return f"for schema, {i} th data is wrong, data shape for field: '{field}' is not matched."
        if kind == "ndarray":
            if str(v.dtype) != spec["type"]:
                return f"for schema, {i} th data is wrong, data type: '{v.dtype}' for field: " \
                       f"'{field}' is not matched."
            try:
                np.reshape(v, spec["shape"])
            except ValueError:
                return f"for schema, {i} th data is wrong, data shape: '{v.shape}' for field: " \
                       f"'{field}' is not matched."
    return None


def check_shard_num(shard_num):
    """MindSpore's check of a number of files (`shard_num`, a converter's `partition_number`)."""
    if shard_num is None:
        raise ParamValueError("Parameter shard_num is None.")
    if isinstance(shard_num, bool) or not isinstance(shard_num, int):
        raise ParamValueError("Parameter shard_num's type is not int.")
    if not MIN_SHARD_COUNT <= shard_num <= MAX_SHARD_COUNT:
        raise ParamValueError(f"Parameter shard_num's value: {shard_num} should between "
                              f"{MIN_SHARD_COUNT} and {MAX_SHARD_COUNT}.")


def _plain(v):
    return v.item() if isinstance(v, np.generic) else v


class FileWriter:
    """
    Writes rows into MindRecord files, with their index files (``.db``), that
    :class:`mindspore.dataset.MindDataset` and :class:`mindspore.mindrecord.FileReader` read
    (and MindSpore's readers as well).

    Args:
        file_name (str): The file to write; with ``shard_num > 1``, the files ``file_name0``,
            ``file_name1``, ... (the suffix padded to one width).
        shard_num (int, optional): The number of files, from 1 to 1000. Default: ``1`` .
        overwrite (bool, optional): Replace files of the same names. Default: ``False`` .

    Raises:
        ParamValueError: If `shard_num` or `overwrite` is invalid.
        RuntimeError: On writing, if a file exists and `overwrite` is ``False`` .

    Examples:
        >>> import os, tempfile
        >>> from mindspore.mindrecord import FileWriter
        >>> path = os.path.join(tempfile.mkdtemp(), "test.mindrecord")
        >>> writer = FileWriter(file_name=path, shard_num=1, overwrite=True)
        >>> writer.add_schema({"file_name": {"type": "string"}, "label": {"type": "int32"},
        ...                    "data": {"type": "bytes"}}, "test_schema")
        >>> writer.add_index(["file_name", "label"])
        >>> for i in range(10):
        ...     writer.write_raw_data([{"file_name": str(i) + ".jpg", "label": i, "data": b"\\x10c\\xb3"}])
        >>> writer.commit()
    """

    def __init__(self, file_name, shard_num=1, overwrite=False):
        if not isinstance(file_name, str) or not file_name:
            raise ParamValueError("File name should be a non-empty str.")
        check_shard_num(shard_num)
        if not isinstance(overwrite, bool):
            raise ParamValueError("Parameter overwrite's type is not bool.")
        self._file_name = file_name
        width = len(str(shard_num - 1))
        self._paths = [file_name] if shard_num == 1 else \
            [f"{file_name}{str(i).rjust(width, '0')}" for i in range(shard_num)]
        self._overwrite = overwrite
        self._schema = None
        self._desc = ""
        self._index_fields = None
        self._header_size = _format.DEFAULT_HEADER_SIZE
        self._page_size = _format.DEFAULT_PAGE_SIZE
        self._shards = None
        self._compression = 0
        self._flushed = False
        self._appending = False
        self._added = 0  # rows (and index fields) added since the files were opened

    @classmethod
    def open_for_append(cls, file_name):
        """
        Opens existing MindRecord files to add rows: ``write_raw_data`` then ``commit`` append
        the rows (split over all the files of the set) and rewrite the index files. The schema
        stays; ``add_index`` adds index fields (the index files then hold them for all rows).

        Args:
            file_name (str): One file of the set (the others are found beside it).

        Returns:
            FileWriter, the writer of the set.

        Raises:
            ParamValueError: If `file_name` is not a str.
            RuntimeError: If a file or its index file (``.db``) does not exist, or a file is not
                a MindRecord file.

        Examples:
            >>> import os, tempfile
            >>> from mindspore.mindrecord import FileReader, FileWriter
            >>> path = os.path.join(tempfile.mkdtemp(), "a.mindrecord")
            >>> writer = FileWriter(path)
            >>> writer.add_schema({"label": {"type": "int32"}})
            >>> writer.write_raw_data([{"label": 1}])
            >>> writer.commit()
            >>> writer = FileWriter.open_for_append(path)
            >>> writer.write_raw_data([{"label": 2}, {"label": 3}])
            >>> writer.commit()
            >>> print([row["label"] for row in FileReader(path).get_next()])
            [1, 2, 3]
        """
        check_filename(file_name)
        shards = _format.open_shards(file_name, load_dataset=True)
        header = shards[0].header
        meta = header["schema"][0]
        self = cls.__new__(cls)
        self._file_name = file_name
        self._paths = [s.path for s in shards]
        self._overwrite = False
        self._schema = {k: dict(v) for k, v in meta["schema"].items()}
        self._desc = meta.get("desc", "")
        self._index_fields = [f["index_field"] for f in header.get("index_fields") or []]
        self._header_size, self._page_size = header["header_size"], header["page_size"]
        self._compression = header.get("compression_size", 0)
        self._flushed = False
        self._appending = True
        self._shards = [ShardWriter.resume(s) for s in shards]
        self._added = 0
        for s in shards:
            s.close()
        return self

    def add_schema(self, content, desc=None):
        """
        Sets the schema of the rows: field name -> ``{"type": t}`` with `t` one of int32, int64,
        float32, float64, string, bytes, or ``{"type": t, "shape": [...]}`` for a NumPy array of
        int32, int64, float32 or float64 (``-1`` in the shape for one free dimension).

        Args:
            content (dict): The schema.
            desc (str, optional): Its description. Default: ``None`` .

        Raises:
            MRMInvalidSchemaError: If the schema is invalid.
            MRMAddSchemaError: If a schema was added already.

        Examples:
            >>> import os, tempfile
            >>> from mindspore.mindrecord import FileWriter
            >>> writer = FileWriter(os.path.join(tempfile.mkdtemp(), "s.mindrecord"))
            >>> writer.add_schema({"input_ids": {"type": "int32", "shape": [-1]}, "label": {"type": "int64"}})
        """
        error = _schema_error(content)
        if error is not None:
            raise MRMInvalidSchemaError(error)
        if self._schema is not None:
            raise MRMAddSchemaError()
        self._schema = {k: dict(v) for k, v in content.items()}
        self._desc = "" if desc is None else str(desc)

    def add_index(self, index_fields):
        """
        Chooses the fields the index files hold (scalar fields only). Without this call, all the
        scalar number and string fields are indexed.

        Args:
            index_fields (list[str]): Field names of the schema.

        Raises:
            ParamTypeError: If `index_fields` is not a non-empty list of str.
            MRMDefineIndexError: If a field is of type bytes or has a shape.
            RuntimeError: If a field is not in the schema.

        Examples:
            >>> import os, tempfile
            >>> from mindspore.mindrecord import FileWriter
            >>> writer = FileWriter(os.path.join(tempfile.mkdtemp(), "i.mindrecord"))
            >>> writer.add_schema({"name": {"type": "string"}, "label": {"type": "int32"}})
            >>> writer.add_index(["label"])
        """
        if not index_fields or not isinstance(index_fields, list):
            raise ParamTypeError("index_fields", "list")
        known = list(self._index_fields or [])
        blobs = _format.blob_fields(self._schema or {})
        for field in index_fields:
            if field in blobs:
                raise MRMDefineIndexError(f"Failed to set field {field} since it's not primitive type.")
            if not isinstance(field, str):
                raise ParamTypeError("index field", "str")
        for field in index_fields:
            if self._schema is None or field not in self._schema:
                raise RuntimeError(f"Invalid input, 'index_fields': {field} can not found in schema: "
                                   f"{self._schema}.\n Please use 'add_index' function to add proper "
                                   "'index_fields'.")
            if field in known:
                raise RuntimeError(f"The 'index_fields': {field} is added repeatedly. Please "
                                   "remove the redundant 'add_index' function.")
            known.append(field)
        self._index_fields = known
        self._added += 1

    def set_header_size(self, header_size):
        """
        Sets the size of each file's header region (default 16 MB), from 16 KB to 128 MB, a
        multiple of 4.

        Args:
            header_size (int): The size in bytes.

        Raises:
            RuntimeError: If the size is out of range.

        Examples:
            >>> import os, tempfile
            >>> from mindspore.mindrecord import FileWriter
            >>> FileWriter(os.path.join(tempfile.mkdtemp(), "h.mindrecord")).set_header_size(1 << 25)
        """
        low, high = _format.HEADER_SIZE_RANGE
        if not isinstance(header_size, int) or not low <= header_size <= high or header_size % 4:
            raise RuntimeError(f"Invalid data, header size: {header_size} should be in range [{low} "
                               f"bytes, {high} bytes].")
        self._header_size = header_size

    def set_page_size(self, page_size):
        """
        Sets the size of the data pages (default 32 MB), from 32 KB to 256 MB, a multiple of 4; a
        row must fit in one page.

        Args:
            page_size (int): The size in bytes.

        Raises:
            RuntimeError: If the size is out of range.

        Examples:
            >>> import os, tempfile
            >>> from mindspore.mindrecord import FileWriter
            >>> FileWriter(os.path.join(tempfile.mkdtemp(), "p.mindrecord")).set_page_size(1 << 26)
        """
        low, high = _format.PAGE_SIZE_RANGE
        if not isinstance(page_size, int) or not low <= page_size <= high or page_size % 4:
            raise RuntimeError(f"Invalid data, page size: {page_size} should be in range [{low} bytes, "
                               f"{high} bytes].")
        self._page_size = page_size

    def _open(self):
        if self._shards is not None:
            return
        if self._schema is None:
            raise RuntimeError("Invalid data, schema is not found in header. Please use 'add_schema' "
                               "to add a schema first.")
        for path in self._paths:
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                raise RuntimeError(f"Invalid file, the folder of {path} does not exist.")
            for p in (path, path + ".db"):
                if os.path.exists(p):
                    if not self._overwrite:
                        raise RuntimeError(
                            f"Invalid file, mindrecord files already exist. Please check file path: "
                            f"{p}.\nIf you do not want to keep the files, set the 'overwrite' "
                            "parameter to True and try again.")
                    os.remove(p)
        self._shards = [ShardWriter(p, i, self._header_size, self._page_size)
                        for i, p in enumerate(self._paths)]

    def write_raw_data(self, raw_data, parallel_writer=False):
        """
        Checks the rows against the schema and writes them, split evenly over the files. A row
        that does not fit the schema is left out with a warning.

        Args:
            raw_data (list[dict]): The rows.
            parallel_writer (bool, optional): Accepted for MindSpore's signature; the rows are
                written in this process either way. Default: ``False`` .

        Raises:
            ParamTypeError: If `raw_data` is not a list of dict.
            RuntimeError: If no row fits the schema, or the files exist and `overwrite` is
                ``False`` , or ``commit`` was called.

        Examples:
            >>> import os, tempfile
            >>> import numpy as np
            >>> from mindspore.mindrecord import FileWriter
            >>> writer = FileWriter(os.path.join(tempfile.mkdtemp(), "w.mindrecord"))
            >>> writer.add_schema({"x": {"type": "float32", "shape": [2]}, "y": {"type": "int64"}})
            >>> writer.write_raw_data([{"x": np.ones(2, np.float32), "y": 1}])
            >>> writer.commit()
        """
        if not isinstance(parallel_writer, bool):
            raise TypeError("The parameter `parallel_writer` must be bool.")
        self._open()
        if not isinstance(raw_data, list):
            raise ParamTypeError("raw_data", "list")
        if self._flushed:
            raise RuntimeError("Not allowed to call `write_raw_data` on flushed MindRecord files."
                               "When creating new MindRecord files, please remove `commit` before "
                               "`write_raw_data`. In other cases, when appending to existing "
                               "MindRecord files, please call `open_for_append` first and then "
                               "`write_raw_data`.")
        if not all(isinstance(r, dict) for r in raw_data):
            raise ParamTypeError("raw_data item", "dict")
        rows = []
        for i, row in enumerate(raw_data):
            error = _row_error(i, row, self._schema)
            if error is None:
                rows.append(row)
            else:
                _log.warning(error)
        if not rows:
            raise RuntimeError("There is no valid data which can be written by 'write_raw_data' to "
                               "mindrecord file. Please check the abnormal input data indicated in the "
                               "warning log above.")
        blobs = _format.blob_fields(self._schema)
        compress = _format.compresses(self._schema)
        self._added += len(rows)
        per, extra = divmod(len(rows), len(self._shards))
        start = 0
        for k, shard in enumerate(self._shards):
            end = start + per + (k < extra)
            for row in rows[start:end]:
                raw = {f: _plain(row[f]) for f in self._schema if f not in blobs}
                blob, saved = _format.pack_blob(row, self._schema, blobs, compress)
                self._compression += saved
                shard.add(_msgpack.encode(raw or _format._DUMMY_RAW), blob, raw)
            start = end

    def _index(self):
        return self._index_fields if self._index_fields is not None else \
            _format.default_index_fields(self._schema)

    def commit(self):
        """
        Writes the headers and the index files; the files are complete after it.

        Raises:
            RuntimeError: If the files exist and `overwrite` is ``False`` .

        Examples:
            >>> import os, tempfile
            >>> from mindspore.mindrecord import FileWriter
            >>> writer = FileWriter(os.path.join(tempfile.mkdtemp(), "c.mindrecord"))
            >>> writer.add_schema({"label": {"type": "int32"}})
            >>> writer.write_raw_data([{"label": 3}])
            >>> writer.commit()
        """
        self._open()
        if self._flushed or (self._appending and not self._added):
            return  # (appending nothing leaves the files as they are)
        self._flushed = True
        index_fields = self._index()
        header = {"header_size": self._header_size, "page_size": self._page_size,
                  "compression_size": max(self._compression, 0),
                  "index_fields": [{"index_field": f, "schema_id": 0} for f in index_fields] or None,
                  "schema": [{"blob_fields": _format.blob_fields(self._schema), "desc": self._desc,
                              "schema": {k: dict(sorted(self._schema[k].items())) for k in sorted(self._schema)}}],
                  "shard_addresses": [os.path.basename(p) for p in self._paths],
                  "statistics": None, "version": _format.VERSION}
        for shard in self._shards:
            shard.finish(header)
            shard.write_index(self._schema, index_fields)
        for p in self._paths:
            os.chmod(p, 0o600)
            os.chmod(p + ".db", 0o600)

"""``mindspore.mindrecord.FileReader``: the rows of MindRecord files as dicts."""
from . import _format
from ._checks import DEFAULT_CONSUMER, check_consumer
from ._errors import ParamTypeError, ParamValueError


def reader_value(value, field, schema):
    """A value as FileReader yields it: numbers, str and bytes as Python objects (a float with
    an integral value as an int, as MindSpore's JSON conversion gives it), arrays as NumPy."""
    spec = schema[field]
    if "shape" in spec:
        return _format.typed_value(value, field, schema)
    if isinstance(value, float) and spec["type"] in ("float32", "float64") and value.is_integer():
        return int(value)
    return value


class FileReader:
    """
    Reads the rows of MindRecord files, as dicts of field name -> value.

    Args:
        file_name (str, list[str]): One file of a dataset (all its shard files are read), or a
            list of the files to read.
        num_consumer (int, optional): Accepted for MindSpore's signature (from 1 to the number
            of CPUs when given); the rows are read in this thread. Default: ``4`` .
        columns (list[str], optional): The fields to read. Default: ``None`` , all of them.
        operator (int, optional): Reserved. Default: ``None`` .

    Raises:
        ParamTypeError: If `columns` is not a list.
        RuntimeError: If a file or its index file is missing or not MindRecord, or a column is
            not in the schema.

    Examples:
        >>> import os, tempfile
        >>> from mindspore.mindrecord import FileReader, FileWriter
        >>> path = os.path.join(tempfile.mkdtemp(), "r.mindrecord")
        >>> writer = FileWriter(path)
        >>> writer.add_schema({"label": {"type": "int32"}, "name": {"type": "string"}})
        >>> writer.write_raw_data([{"label": i, "name": "n%d" % i} for i in range(3)])
        >>> writer.commit()
        >>> reader = FileReader(path)
        >>> for row in reader.get_next():
        ...     print(row)
        {'label': 0, 'name': 'n0'}
        {'label': 1, 'name': 'n1'}
        {'label': 2, 'name': 'n2'}
        >>> reader.close()
    """

    def __init__(self, file_name, num_consumer=DEFAULT_CONSUMER, columns=None, operator=None):
        check_consumer(num_consumer)
        if columns is not None and not isinstance(columns, list):
            raise ParamTypeError("columns", "list")
        if isinstance(file_name, list):
            if not file_name:
                raise ParamValueError("Parameter file_name is empty.")
            self._shards = _format.open_shards(file_name, load_dataset=False)
        elif isinstance(file_name, str):
            self._shards = _format.open_shards(file_name, load_dataset=True)
        else:
            raise ParamTypeError("file_name", "str or list")
        self._header = self._shards[0].header
        self._schema = self._shards[0].schema
        for c in columns or []:
            if c not in self._schema:
                raise RuntimeError(f"Invalid data, column name: {c} can not found in schema. Please "
                                   "check the 'column_list'.")
        self._columns = columns

    def get_next(self):
        """
        Yields the rows, file after file, each a dict: the scalar fields first (in the schema's
        order), then the blob fields (bytes, or NumPy arrays for fields with a shape).

        Examples:
            >>> import os, tempfile
            >>> import numpy as np
            >>> from mindspore.mindrecord import FileReader, FileWriter
            >>> path = os.path.join(tempfile.mkdtemp(), "g.mindrecord")
            >>> writer = FileWriter(path)
            >>> writer.add_schema({"v": {"type": "float32", "shape": [2]}, "k": {"type": "int64"}})
            >>> writer.write_raw_data([{"v": np.array([1, 2], np.float32), "k": 7}])
            >>> writer.commit()
            >>> print(next(FileReader(path).get_next()))
            {'k': 7, 'v': array([1., 2.], dtype=float32)}
        """
        for shard in self._shards:
            order = [f for f in shard.schema if f not in shard.blob_fields] + shard.blob_fields
            if self._columns:
                order = [f for f in order if f in self._columns]
            for i in range(len(shard.records)):
                raw, blobs = shard.record(i)
                values = dict(raw, **blobs)
                yield {f: reader_value(values[f], f, shard.schema) for f in order if f in values}

    def close(self):
        """Closes the files."""
        for shard in self._shards:
            shard.close()

    def __del__(self):
        for shard in getattr(self, "_shards", ()):
            shard.close()

    def schema(self):
        """
        The schema of the files (field name -> its type, and shape for arrays).

        Examples:
            >>> import os, tempfile
            >>> from mindspore.mindrecord import FileReader, FileWriter
            >>> path = os.path.join(tempfile.mkdtemp(), "s.mindrecord")
            >>> writer = FileWriter(path)
            >>> writer.add_schema({"label": {"type": "int32"}})
            >>> writer.write_raw_data([{"label": 1}])
            >>> writer.commit()
            >>> print(FileReader(path).schema())
            {'label': {'type': 'int32'}}
        """
        return {k: dict(v) for k, v in self._schema.items()}

    def len(self):
        """
        The number of rows in the files.

        Examples:
            >>> import os, tempfile
            >>> from mindspore.mindrecord import FileReader, FileWriter
            >>> path = os.path.join(tempfile.mkdtemp(), "n.mindrecord")
            >>> writer = FileWriter(path)
            >>> writer.add_schema({"label": {"type": "int32"}})
            >>> writer.write_raw_data([{"label": i} for i in range(4)])
            >>> writer.commit()
            >>> print(FileReader(path).len())
            4
        """
        return sum(len(s.records) for s in self._shards)

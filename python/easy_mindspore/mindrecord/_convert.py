"""``MnistToMR``, ``CsvToMR``, ``ImageNetToMR`` and ``TFRecordToMR``: data sets into MindRecord
files, as MindSpore 2.10 writes them (schemas, descriptions, index fields, page sizes, row
order and errors measured there)."""
import gzip
import os
import struct

import numpy as np

from .. import log as _log
from ._checks import SUCCESS, check_filename
from ._errors import PathNotExistsError
from ._tools import check_partition, jpeg, read_csv, write_set

_BIG_PAGE = 1 << 26  # the page size of MnistToMR's and CsvToMR's files


def _idx(path):
    """The array of a gzipped IDX file (MNIST's images or labels)."""
    with gzip.open(path, "rb") as fh:
        data = fh.read()
    ndim = data[3]
    shape = struct.unpack_from(f">{ndim}I", data, 4)
    return np.frombuffer(data, np.uint8, int(np.prod(shape)), 4 + 4 * ndim).reshape(shape)


class MnistToMR:
    """
    Converts MNIST (its four gzipped IDX files) into MindRecord files:
    ``destination + "_train.mindrecord"`` and ``destination + "_test.mindrecord"`` (with a
    suffix ``0``, ``1``, ... each when `partition_number` > 1), with the fields ``label``
    (int64) and ``data`` (the image as JPEG bytes).

    Args:
        source (str): The folder of ``train-images-idx3-ubyte.gz``,
            ``train-labels-idx1-ubyte.gz``, ``t10k-images-idx3-ubyte.gz`` and
            ``t10k-labels-idx1-ubyte.gz``.
        destination (str): The prefix of the MindRecord files (its folder must exist).
        partition_number (int, optional): The number of files of each set. Default: ``1`` .

    Raises:
        ParamValueError: If a path is not a non-empty str or ends in ``/``, or
            `partition_number` is not from 1 to 1000.
        ValueError: If `partition_number` is not an int.

    Examples:
        >>> from mindspore.mindrecord import MnistToMR
        >>> converter = MnistToMR("/path/to/mnist", "/path/to/mnist", 1)
    """

    def __init__(self, source, destination, partition_number=1):
        check_filename(source)
        check_filename(destination)
        check_partition(partition_number)
        self.source, self.destination, self.partition_number = source, destination, partition_number

    def run(self):
        """
        Converts, like `transform`, and returns ``SUCCESS`` .

        Returns:
            MSRStatus, ``SUCCESS`` .
        """
        schema = {"label": {"type": "int64"}, "data": {"type": "bytes"}}
        for part, prefix in (("train", "train"), ("test", "t10k")):
            images = _idx(os.path.join(self.source, f"{prefix}-images-idx3-ubyte.gz"))
            labels = _idx(os.path.join(self.source, f"{prefix}-labels-idx1-ubyte.gz"))
            rows = ({"label": int(label), "data": jpeg(image)}
                    for image, label in zip(images, labels))
            write_set(f"{self.destination}_{part}.mindrecord", self.partition_number, schema,
                      "mnist_schema", ["label"], rows, _BIG_PAGE)
        return SUCCESS

    def transform(self):
        """
        Writes the MindRecord files.

        Raises:
            FileNotFoundError: If an IDX file does not exist.
            RuntimeError: If a file to write exists.
        """
        self.run()


class CsvToMR:
    """
    Converts a CSV file (its first line the column names) into MindRecord files, one field per
    column: integers as int64, decimals as float64, booleans as int32 and the rest as strings
    (the types ``pandas.read_csv`` gives the columns, as in MindSpore). All the fields are
    index fields. A row with a missing value where a string is expected is left out (with a
    warning), as MindSpore leaves it out.

    Args:
        source (str): The CSV file.
        destination (str): The MindRecord file to write (its folder must exist).
        columns_list (list[str], optional): The columns to convert, in this order. Default:
            ``None`` , all of them.
        partition_number (int, optional): The number of files. Default: ``1`` .

    Raises:
        ValueError: If `source` or `destination` is not a str, `columns_list` is not a list of
            str, or `partition_number` is not an int.
        ParamValueError: If a path is empty or ends in ``/``, or `partition_number` is not
            from 1 to 1000.

    Examples:
        >>> import os, tempfile
        >>> from mindspore.mindrecord import CsvToMR, FileReader
        >>> folder = tempfile.mkdtemp()
        >>> with open(os.path.join(folder, "a.csv"), "w") as f:
        ...     _ = f.write("name,age,score\\nalice,30,1.5\\nbob,4,2.25\\n")
        >>> CsvToMR(os.path.join(folder, "a.csv"), os.path.join(folder, "a.mindrecord")).transform()
        >>> reader = FileReader(os.path.join(folder, "a.mindrecord"))
        >>> reader.schema()
        {'age': {'type': 'int64'}, 'name': {'type': 'string'}, 'score': {'type': 'float64'}}
        >>> list(reader.get_next())
        [{'age': 30, 'name': 'alice', 'score': 1.5}, {'age': 4, 'name': 'bob', 'score': 2.25}]
        >>> reader.close()
    """

    _TYPES = {"int64": "int64", "float64": "float64", "bool": "int32"}

    def __init__(self, source, destination, columns_list=None, partition_number=1):
        if not isinstance(source, str):
            raise ValueError("The parameter source must be str.")
        if not isinstance(destination, str):
            raise ValueError("The parameter destination must be str.")
        if columns_list is not None and (not isinstance(columns_list, list) or
                                         not all(isinstance(c, str) for c in columns_list)):
            raise ValueError("The parameter columns_list must be list of str.")
        check_partition(partition_number)
        check_filename(source)
        check_filename(destination)
        self.source, self.destination = source, destination
        self.columns_list, self.partition_number = columns_list, partition_number

    def run(self):
        """
        Converts, like `transform`, and returns ``0`` (as MindSpore's does).

        Returns:
            int, ``0`` .
        """
        if not os.path.exists(self.source):
            raise IOError(f"Csv file {self.source} do not exist.")
        columns = {name: (dtype, values) for name, dtype, values in read_csv(self.source)}
        for c in self.columns_list or []:
            if c not in columns:
                raise RuntimeError(f"The parameter columns_list is illegal, column {c} does not "
                                   "exist.")
        names = self.columns_list or list(columns)
        schema = {c: {"type": self._TYPES.get(columns[c][0], "string")} for c in names}
        n = len(columns[names[0]][1]) if names else 0
        rows = [{c: (int(columns[c][1][i]) if columns[c][0] == "bool" else columns[c][1][i])
                 for c in names} for i in range(n)]
        write_set(self.destination, self.partition_number, schema, "csv_schema", names, rows,
                  _BIG_PAGE, chunk=None)
        return 0

    def transform(self):
        """
        Writes the MindRecord files.

        Raises:
            OSError: If `source` does not exist.
            RuntimeError: If a column of `columns_list` is not in the file, no row fits the
                schema, or a file to write exists.
            MRMInvalidSchemaError: If a column name is not made of letters, digits and ``_`` .
        """
        self.run()


class ImageNetToMR:
    """
    Converts ImageNet-style folders of JPEG images into MindRecord files, with the fields
    ``file_name`` (the image's path), ``label`` (int32) and ``image`` (the file's bytes), the
    index fields ``label`` and ``file_name``. Each line of the map file is ``<folder> <label>``
    (separated by one space); the images are the folder's files whose names end with ``JPEG``
    or ``jpg`` , in the order the folder lists them (others are skipped with a warning, as are
    folders that do not exist).

    Args:
        map_file (str): The map file.
        image_dir (str): The folder of the image folders.
        destination (str): The MindRecord file to write (its folder must exist).
        partition_number (int, optional): The number of files. Default: ``1`` .

    Raises:
        ParamValueError: If a path is not a non-empty str or ends in ``/``, or
            `partition_number` is not from 1 to 1000.
        ValueError: If `partition_number` is not an int.

    Examples:
        >>> from mindspore.mindrecord import ImageNetToMR
        >>> converter = ImageNetToMR("/path/to/map.txt", "/path/to/train", "/path/to/in.mindrecord")
    """

    def __init__(self, map_file, image_dir, destination, partition_number=1):
        check_filename(map_file)
        check_filename(image_dir)
        check_filename(destination)
        check_partition(partition_number)
        self.map_file, self.image_dir = map_file, image_dir
        self.destination, self.partition_number = destination, partition_number

    def _folders(self):
        """[(folder path, label text)] of the map file's folders that exist."""
        if not os.path.exists(self.map_file):
            raise IOError(f"map file {self.map_file} not exists")
        with open(self.map_file, "r") as fh:
            entries = [line.split(" ") for line in fh.readlines()]
        folders = []
        for parts in entries:
            folder, label = os.path.join(self.image_dir, parts[0]), parts[1]
            if not os.path.exists(folder):
                _log.warning(f"{folder} dir is not exist")
                continue
            folders.append((folder, label))
        if not folders:
            raise PathNotExistsError(f"not valid image dir in {self.image_dir}")
        return folders

    def _rows(self, folders):
        for folder, label in folders:
            for name in os.listdir(folder):
                path = os.path.join(folder, name)
                if not (name.endswith("JPEG") or name.endswith("jpg")):
                    _log.warning(f"{path} file is not suffix with JPEG/jpg, skip it.")
                    continue
                with open(path, "rb") as fh:
                    image = fh.read()
                yield {"file_name": path, "label": int(label), "image": image}

    def run(self):
        """
        Converts, like `transform`, and returns ``0`` (as MindSpore's does).

        Returns:
            int, ``0`` .
        """
        schema = {"file_name": {"type": "string"}, "label": {"type": "int32"},
                  "image": {"type": "bytes"}}
        write_set(self.destination, self.partition_number, schema, "imagenet_schema",
                  ["label", "file_name"], self._rows(self._folders()))
        return 0

    def transform(self):
        """
        Writes the MindRecord files.

        Raises:
            OSError: If the map file does not exist.
            IndexError: If a line of the map file has no label.
            ValueError: If a label is not an integer.
            PathNotExistsError: If none of the folders exists.
            RuntimeError: If a file to write exists.
        """
        self.run()


class TFRecordToMR:
    """
    Converts TFRecord files into MindRecord files; MindSpore does it with TensorFlow, and so
    it needs TensorFlow here, where the conversion itself is not implemented.

    Args:
        source (str): The TFRecord file.
        destination (str): The MindRecord file to write.
        feature_dict (dict): The features (name -> ``tf.io.FixedLenFeature``).
        bytes_fields (list[str], optional): The bytes fields. Default: ``None`` .

    Raises:
        ModuleNotFoundError: If TensorFlow is not installed (``No module named
            'tensorflow'``, as MindSpore raises it).
        NotImplementedError: If it is installed.
    """

    def __init__(self, source, destination, feature_dict, bytes_fields=None):
        import tensorflow  # noqa: F401 - MindSpore's first step, and its error without it
        raise NotImplementedError("TFRecordToMR: converting TFRecord files is not supported by "
                                  "easy_mindspore.")

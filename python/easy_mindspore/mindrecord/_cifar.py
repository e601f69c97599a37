"""``Cifar10ToMR`` and ``Cifar100ToMR``: the python version of CIFAR (pickled batches) into
MindRecord files, as MindSpore 2.10 writes them.

The training rows go to `destination`, the test rows to ``destination + "_test"`` (one file
each, with its ``.db``; descriptions ``img_train`` and ``img_test``). A row is ``id`` (its
number, int64), the label(s) (int64) and ``data``: the 32x32 RGB image as JPEG (OpenCV's
quality 95, byte for byte). CIFAR-10 reads the files ``data_batch_*`` and ``test_batch*`` in
the order the folder lists them; CIFAR-100 reads ``train`` and ``test``. The batches are
unpickled allowing NumPy arrays only."""
import fnmatch
import os
import pickle

import numpy as np

from ._checks import SUCCESS, check_filename
from ._errors import PathNotExistsError
from ._tools import jpeg, write_set

_RECONSTRUCT = np.ndarray.__reduce__(np.zeros(1))[0]
_ALLOWED = {("numpy.core.multiarray", "_reconstruct"): _RECONSTRUCT,
            ("numpy._core.multiarray", "_reconstruct"): _RECONSTRUCT,
            ("numpy", "ndarray"): np.ndarray, ("numpy", "dtype"): np.dtype}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _ALLOWED:
            return _ALLOWED[(module, name)]
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


def _load(path, what):
    """The dict pickled in the CIFAR batch `path`."""
    with open(path, "rb") as fh:
        try:
            return _Unpickler(fh, encoding="bytes").load()
        except Exception:  # noqa: BLE001 - any unreadable batch is MindSpore's one error
            raise RuntimeError(f"Not a valid {what} Dataset.") from None


def _dump_batch(path, data, labels, label_keys=(b"labels",)):
    """Writes a CIFAR batch (a pickled dict of bytes keys, as the real files hold): `data`
    the images' rows (N x 3072 UInt8), `labels` one list per key. For tests and examples."""
    obj = {b"data": np.asarray(data, np.uint8), b"batch_label": b"batch"}
    for key, column in zip(label_keys, labels if len(label_keys) > 1 else [labels]):
        obj[key] = [int(v) for v in column]
    with open(path, "wb") as fh:
        pickle.dump(obj, fh, protocol=4)


def _images(data):
    """The HWC RGB images of a batch's ``data`` rows (3072 bytes each, channel-major)."""
    return np.asarray(data, np.uint8).reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)


def _check_fields(fields):
    if fields is not None and not isinstance(fields, list):
        raise ValueError("The parameter fields should be None or list")


def _write(destination, schema, labels_of, parts, fields):
    """Writes the train and test rows (each a list of (images, label columns)) of `parts`."""
    for suffix, desc, batches in (("", "img_train", parts[0]), ("_test", "img_test", parts[1])):
        def rows(batches=batches):
            i = 0
            for images, labels in batches:
                for k, image in enumerate(images):
                    row = {"id": i}
                    row.update({name: int(column[k]) for name, column in zip(labels_of, labels)})
                    row["data"] = jpeg(image)
                    yield row
                    i += 1
        write_set(destination + suffix, 1, schema, desc, fields, rows())


class Cifar10ToMR:
    """
    Converts the python version of CIFAR-10 (the folder ``cifar-10-batches-py``) into MindRecord
    files: `destination` (the training batches) and ``destination + "_test"`` (the test batch),
    with the fields ``id`` , ``label`` (int64) and ``data`` (the image as JPEG bytes).

    Args:
        source (str): The folder of the batches (``data_batch_*`` and ``test_batch``).
        destination (str): The MindRecord file to write (its folder must exist).

    Raises:
        ParamValueError: If `source` or `destination` is not a non-empty str, or ends in ``/``.
        FileNotFoundError: If `source` does not exist.
        PathNotExistsError: If it has no ``data_batch_*`` or no ``test_batch`` file.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> from mindspore.mindrecord import Cifar10ToMR, FileReader
        >>> from mindspore.mindrecord._cifar import _dump_batch
        >>> folder = tempfile.mkdtemp()
        >>> for name in ["data_batch_1", "test_batch"]:
        ...     _dump_batch(os.path.join(folder, name), np.zeros((2, 3072), np.uint8), [3, 5])
        >>> Cifar10ToMR(folder, os.path.join(folder, "c.mindrecord")).transform(["label"])
        >>> reader = FileReader(os.path.join(folder, "c.mindrecord"))
        >>> [(row["id"], row["label"], row["data"][:4]) for row in reader.get_next()]
        [(0, 3, b'\xff\xd8\xff\xe0'), (1, 5, b'\xff\xd8\xff\xe0')]
        >>> reader.close()
    """

    def __init__(self, source, destination):
        check_filename(source)
        check_filename(destination)
        self.source, self.destination = source, destination
        names = os.listdir(source)
        self._files = [[n for n in names if fnmatch.fnmatch(n, "data_batch_*")],
                       [n for n in names if fnmatch.fnmatch(n, "test_batch*")]]
        for files, pattern in zip(self._files, ("data_batch_*", "test_batch")):
            if not files:
                raise PathNotExistsError(pattern)

    def _parts(self):
        parts = []
        for files in self._files:
            batches = [_load(os.path.join(self.source, n), "Cifar10") for n in files]
            parts.append([(_images(b[b"data"]), [b[b"labels"]]) for b in batches])
        return parts

    def run(self, fields=None):
        """
        Converts, like `transform`, and returns ``SUCCESS`` .

        Args:
            fields (list[str], optional): The index fields. Default: ``None`` (``id`` and
                ``label``).

        Returns:
            MSRStatus, ``SUCCESS`` .
        """
        _check_fields(fields)
        schema = {"id": {"type": "int64"}, "label": {"type": "int64"}, "data": {"type": "bytes"}}
        _write(self.destination, schema, ["label"], self._parts(), fields)
        return SUCCESS

    def transform(self, fields=None):
        """
        Writes the MindRecord files.

        Args:
            fields (list[str], optional): The index fields, of ``id`` and ``label``. Default:
                ``None`` (both).

        Raises:
            ValueError: If `fields` is not ``None`` or a list.
            RuntimeError: If a batch cannot be read, a field is not in the schema, or a file
                to write exists.
            MRMDefineIndexError: If a field is ``data`` .
        """
        self.run(fields)


class Cifar100ToMR:
    """
    Converts the python version of CIFAR-100 (the folder ``cifar-100-python``) into MindRecord
    files: `destination` (the ``train`` file) and ``destination + "_test"`` (the ``test``
    file), with the fields ``id`` , ``fine_label`` , ``coarse_label`` (int64) and ``data``
    (the image as JPEG bytes).

    Args:
        source (str): The folder of the files ``train`` and ``test``.
        destination (str): The MindRecord file to write (its folder must exist).

    Raises:
        ParamValueError: If `source` or `destination` is not a non-empty str, or ends in ``/``.
        FileNotFoundError: If `source` does not exist.
        PathNotExistsError: If it has no ``train`` or no ``test`` file.

    Examples:
        >>> from mindspore.mindrecord import Cifar100ToMR
        >>> Cifar100ToMR("/no/such/folder", "/tmp/c100.mindrecord")
        Traceback (most recent call last):
        ...
        FileNotFoundError: [Errno 2] No such file or directory: '/no/such/folder'

    """

    def __init__(self, source, destination):
        check_filename(source)
        check_filename(destination)
        self.source, self.destination = source, destination
        names = os.listdir(source)
        for name in ("train", "test"):
            if name not in names:
                raise PathNotExistsError(name)

    def _parts(self):
        parts = []
        for name in ("train", "test"):
            b = _load(os.path.join(self.source, name), "Cifar100")
            parts.append([(_images(b[b"data"]), [b[b"fine_labels"], b[b"coarse_labels"]])])
        return parts

    def run(self, fields=None):
        """
        Converts, like `transform`, and returns ``SUCCESS`` .

        Args:
            fields (list[str], optional): The index fields. Default: ``None`` (all but
                ``data``).

        Returns:
            MSRStatus, ``SUCCESS`` .
        """
        _check_fields(fields)
        schema = {"id": {"type": "int64"}, "fine_label": {"type": "int64"},
                  "coarse_label": {"type": "int64"}, "data": {"type": "bytes"}}
        _write(self.destination, schema, ["fine_label", "coarse_label"], self._parts(), fields)
        return SUCCESS

    def transform(self, fields=None):
        """
        Writes the MindRecord files.

        Args:
            fields (list[str], optional): The index fields, of ``id`` , ``fine_label`` and
                ``coarse_label``. Default: ``None`` (all three).

        Raises:
            ValueError: If `fields` is not ``None`` or a list.
            RuntimeError: If a file cannot be read, a field is not in the schema, or a file to
                write exists.
            MRMDefineIndexError: If a field is ``data`` .
        """
        self.run(fields)

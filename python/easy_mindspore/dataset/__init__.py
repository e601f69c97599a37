"""``easy_mindspore.dataset`` (``mindspore.dataset`` when MindSpore is not installed): in-memory
datasets for training loops, with MindSpore's names.

``NumpySlicesDataset((x, y), shuffle=True).batch(32)`` slices arrays along axis 0; iterating it
(or ``create_tuple_iterator()``) yields one list of Tensors per batch. Each new iteration is a new
epoch, reshuffled. The order depends only on the seed and the epoch: the seed is the pipeline's
(``config.set_seed``, which ``ms.set_seed`` also sets) when the dataset is made (or ``seed=``),
so a seeded run is reproducible (unseeded, runs differ, as MindSpore's). Iterators prepare rows ahead in a background thread
(``config.set_prefetch_size``; ``config.set_debug_mode(True)`` reads them in the calling thread). The
shuffling, batching and the IDX / digits readers are the Rust ones (``easy_mindspore::nn::data``).

Without ``batch`` each row has the per-sample shapes, as MindSpore yields them. The pipeline
stages (``map``, ``repeat``, ``take``, ``skip``, ``project``, ``rename``, ``zip``, ``concat``)
continue as a ``PipelineDataset`` (``pipeline.py``), the same as after a ``GeneratorDataset``.

Loaders: ``load_digits()`` (the bundled 8×8 digits, as NumPy arrays), ``read_idx(path)`` (an IDX
file, gzip too, as a Tensor), ``load_mnist(dir, usage)``, ``MnistDataset``/``FashionMnistDataset``
(dir, usage), ``Cifar10Dataset``/``Cifar100Dataset`` (CIFAR's binary files) and
``ImageFolderDataset(dir)`` (one class per sub-folder), ``TextFileDataset``/``CSVDataset``
(``text_files.py``), ``RandomDataset`` over a ``Schema`` (``_random_data.py``). Samplers (``samplers.py``) pick the rows of an epoch for any of them; the
text transforms are in ``text``.
"""
import builtins as _builtins
import itertools as _itertools
import os as _os

import numpy as _np

from .. import _C
from .._C import Tensor
from ..tensor import _host
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as _mstype
from . import config, samplers, text, transforms, vision
from .config import ErrorSamplesMode
from . import _ms_names
from .pipeline import (BatchInfo, Dataset, EpochIterator, GeneratorDataset, PaddedDataset,
                       PipelineDataset, check_workers)
from .pipeline import shard_rows
from .pipeline import zip_datasets as zip  # noqa: A001 - MindSpore's name (the builtin is _builtins.zip)
from .text_files import CSVDataset, Shuffle, TextFileDataset
from .samplers import (DistributedSampler, PKSampler, RandomSampler, Sampler, SequentialSampler,
                       SubsetRandomSampler, SubsetSampler, WeightedRandomSampler)

__all__ = ["NumpySlicesDataset", "MnistDataset", "FashionMnistDataset", "ImageFolderDataset",
           "KMnistDataset", "EMnistDataset", "QMnistDataset", "FakeImageDataset", "RandomDataset", "Schema", "DSCallback", "WaitedDSCallback",
           "callback",
           "Cifar10Dataset", "Cifar100Dataset",
           "GeneratorDataset", "PaddedDataset", "Dataset", "BatchInfo", "zip", "load_digits", "read_idx", "load_mnist", "DIGITS_PATH",
           "TextFileDataset", "CSVDataset", "Shuffle", "text",
           "vision", "transforms", "config", "Sampler", "SequentialSampler", "RandomSampler",
           "SubsetSampler", "SubsetRandomSampler", "DistributedSampler", "WeightedRandomSampler",
           "PKSampler", "VOCDataset", "CocoDataset", "MindDataset", "ErrorSamplesMode"]

# The stages that continue as a Python pipeline (``pipeline.PipelineDataset``).
_PIPELINE_STAGES = ("map", "repeat", "take", "skip", "project", "rename", "zip", "concat",
                    "filter", "flat_map", "apply", "bucket_batch_by_length", "build_vocab",
                    "num_classes", "get_repeat_count",
                    "output_shapes", "output_types", "padded_batch", "sync_wait")

DIGITS_PATH = _os.path.join(_os.path.dirname(__file__), "digits.csv.gz")


def _column(x, i):
    if isinstance(x, Tensor):
        return x
    a = _np.asarray(x)
    if a.dtype == object or a.ndim == 0:
        raise ShapeError(f"For 'NumpySlicesDataset', column {i} must be an array with a sample axis, "
                         f"got {type(x).__name__} of shape {a.shape}")
    if a.dtype == _np.float16:
        a = a.astype(_np.float32)
    return Tensor(a)


class _Dataset(Dataset):
    """Shared by the native datasets: batching, shuffling, iteration."""

    def __init__(self, native, column_names, seed, batch_size=None):
        self._native = native
        self._names = list(column_names)
        self._seed = seed
        self._batch_size = batch_size  # None: rows, not batches

    def _derive(self, native, batch_size=None):
        return _Dataset(native, self._names, self._seed,
                        batch_size if batch_size is not None else self._batch_size)

    def _as_pipeline(self):
        """This dataset as a Python pipeline over the same rows (or batches)."""
        native, batched = self._native, self._batch_size is not None

        def rows(epoch):
            for batch in native.epoch(epoch):
                arrays = [b.asnumpy() for b in batch]
                yield tuple(arrays) if batched else tuple(a[0] for a in arrays)

        return PipelineDataset(self._names, rows, native.num_batches(), self._batch_size or 1)

    def __getattr__(self, name):
        if name in _PIPELINE_STAGES:
            return getattr(self._as_pipeline(), name)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __add__(self, other):
        return self._as_pipeline().concat(other)

    def batch(self, batch_size, drop_remainder=False, num_parallel_workers=None, **kwargs):
        check_workers("batch", num_parallel_workers)
        if kwargs.get("per_batch_map") is not None or callable(batch_size):  # Python per batch
            return self._as_pipeline().batch(batch_size, drop_remainder, num_parallel_workers,
                                             **kwargs)
        if batch_size is True:  # MindSpore 2.10 takes a bool as the int it is (True: 1)
            batch_size = 1
        if isinstance(batch_size, bool) or not isinstance(batch_size, int):
            raise DTypeError(f"For 'batch', batch_size must be an int, got {type(batch_size).__name__}")
        if batch_size <= 0:
            raise ShapeError(f"For 'batch', batch_size must be positive, got {batch_size}")
        if self._batch_size is not None:
            return self._as_pipeline().batch(batch_size, drop_remainder)
        return _ms_names.as_stage(
            self._derive(self._native.batched(batch_size, bool(drop_remainder)), batch_size),
            "batch")

    def shuffle(self, buffer_size=None):
        """MindSpore's buffer shuffle of ``buffer_size`` rows, in MindSpore's order for the
        dataset seed (the rows go through the Python pipeline); without ``buffer_size``, a full
        shuffle every epoch."""
        if buffer_size is None:
            return _ms_names.as_stage(self._derive(self._native.shuffled(self._seed)), "shuffle")
        return self._as_pipeline().shuffle(buffer_size)

    def split(self, sizes, randomize=True):
        """The rows in splits of `sizes` (counts, or fractions adding up to 1), as MindSpore's
        (a random split reads this source by index: see ``_split``)."""
        pipeline = self._as_pipeline()
        pipeline._by_index = self._batch_size is None
        return pipeline.split(sizes, randomize)

    def get_dataset_size(self):
        """Batches per epoch."""
        return self._native.num_batches()

    def get_col_names(self):
        return list(self._names)

    def get_batch_size(self):
        return self._batch_size or 1

    def create_tuple_iterator(self, columns=None, num_epochs=-1, output_numpy=False, do_copy=True):
        """An iterator over the batches, each a list with one Tensor (or array) per column; every
        ``for`` loop over it runs one more epoch, as MindSpore's. Each new iterator starts again
        from the first epoch (with a set seed, two iterators read the same order)."""
        pick = None
        if columns is not None:
            pick = [self._names.index(c) for c in columns]
        batched = self._batch_size is not None
        epochs = _itertools.count()

        def epoch_batches():
            epoch = next(epochs)
            for batch in self._native.epoch(epoch):
                if pick is not None:
                    batch = [batch[i] for i in pick]
                if not batched:  # a batch of one row: the row itself
                    batch = [b[0] for b in batch]
                yield [b.asnumpy() for b in batch] if output_numpy else [_host(b) for b in batch]

        return EpochIterator(epoch_batches, num_epochs)

    def create_dict_iterator(self, num_epochs=-1, output_numpy=False, do_copy=True):
        tuples = self.create_tuple_iterator(num_epochs=num_epochs, output_numpy=output_numpy)
        engine.iterators._unregister(tuples)  # the dict iterator below is the user's one
        return EpochIterator(lambda: (dict(_builtins.zip(self._names, b)) for b in tuples), num_epochs)

    def __iter__(self):
        return self.create_tuple_iterator()


def _split_columns(data, column_names):
    """The column names and values of NumpySlicesDataset's `data`."""
    if isinstance(data, dict):
        names, cols = list(data.keys()), list(data.values())
    elif isinstance(data, tuple):
        names, cols = None, list(data)
    else:
        names, cols = None, [data]
    if column_names is not None:
        names = [column_names] if isinstance(column_names, str) else list(column_names)
    if names is None:
        names = [f"column_{i}" for i in range(len(cols))]
    if len(names) != len(cols):
        raise ShapeError(f"For 'NumpySlicesDataset', {len(names)} column names for {len(cols)} columns")
    return names, cols


def _is_strings(col):
    return not isinstance(col, Tensor) and _np.asarray(col).dtype.kind in "US"


class _Slices:
    """Random access to the rows of equally long arrays (NumpySlicesDataset with strings)."""

    def __init__(self, cols):
        self._cols = [_np.asarray(c) if not isinstance(c, Tensor) else c.asnumpy() for c in cols]
        sizes = {len(c) for c in self._cols}
        if len(sizes) != 1:
            raise ShapeError(f"For 'NumpySlicesDataset', the columns must have as many rows, but "
                             f"they have {sorted(sizes)}.")

    def __len__(self):
        return len(self._cols[0])

    def __getitem__(self, i):
        return tuple(c[i] for c in self._cols)


class NumpySlicesDataset(_Dataset):
    """Slices of arrays along axis 0: a tuple gives one column per element, a dict one per key,
    a list or an array one column. ``shuffle`` defaults to True, as in MindSpore. Columns of
    strings make it a ``GeneratorDataset`` over the same slices (the native datasets hold numbers)."""

    def __new__(cls, data=None, column_names=None, num_samples=None, num_parallel_workers=1,
                shuffle=None, sampler=None, num_shards=None, shard_id=None, seed=None):
        names, cols = _split_columns(data, column_names)
        if any(_is_strings(c) for c in cols):
            return GeneratorDataset(_Slices(cols), names, num_samples=num_samples,
                                    num_parallel_workers=num_parallel_workers, shuffle=shuffle,
                                    sampler=sampler, num_shards=num_shards, shard_id=shard_id)
        return super().__new__(cls)

    def __init__(self, data, column_names=None, num_samples=None, num_parallel_workers=1,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, seed=None):
        names, cols = _split_columns(data, column_names)
        tensors = [_column(c, i) for i, c in enumerate(cols)]
        seed = config._op_seed() if seed is None else int(seed)
        native = _source("NumpySlicesDataset", tensors, num_samples, shuffle, sampler, num_shards,
                         shard_id, seed, num_parallel_workers)
        super().__init__(native, names, seed)
        self._slices = _Slices(cols)

    def __getitem__(self, index):
        """Row `index` of the data (in the data's order) as a tuple of one NumPy value per
        column: MindSpore's random access, which also lets a ``GeneratorDataset`` read this
        dataset as a random-access source."""
        if isinstance(index, bool) or not isinstance(index, (int, _np.number)):
            raise DTypeError(f"Argument index with value {index} is not of type [<class 'int'>, "
                             f"<class 'numpy.number'>], but got {type(index)}.")
        n = len(self._slices)
        if not 0 <= index < n:
            raise ComputeError(f"For 'NumpySlicesDataset', index {index} is out of range [0, {n}).")
        return self._slices[int(index)]


def load_digits(path=None, as_tensor=False):
    """The 8×8 handwritten digits bundled with the package (scikit-learn's copy of the UCI test
    set, BSD-3): images ``[1797, 8, 8]`` float32 in 0..16 and labels ``[1797]`` int32, as NumPy
    arrays (Tensors with ``as_tensor=True``)."""
    x, y = _C.load_digits(path or DIGITS_PATH)
    return (x, y) if as_tensor else (x.asnumpy(), y.asnumpy())


def read_idx(path):
    """An IDX file (MNIST's format, plain or gzip) as a Tensor: u8/i8/i16/i32 become Int32,
    f32 Float32, f64 Float64."""
    return _C.read_idx(_os.fspath(path))


def load_mnist(dataset_dir, usage="train"):
    """MNIST / Fashion-MNIST images ``[N, 28, 28]`` and labels ``[N]`` (Int32 Tensors) from the
    four standard files (each optionally ``.gz``)."""
    return _C.load_mnist(_os.fspath(dataset_dir), usage)


def _mnist_split_present(dataset_dir, usage):
    """Whether the images file of an MNIST split (``train-images-idx3-ubyte`` or ``t10k-...``,
    maybe ``.gz``) is in `dataset_dir`."""
    name = ("train" if usage == "train" else "t10k") + "-images-idx3-ubyte"
    root = _os.fspath(dataset_dir)
    return any(_os.path.isfile(_os.path.join(root, name + ext)) for ext in ("", ".gz"))


def _shard(tensors, num_shards, shard_id, op):
    """Rows ``shard_id::num_shards`` of every column, as MindSpore's DistributedSampler picks them:
    every shard gets ``ceil(n / num_shards)`` rows, the last ones wrapping around to the start
    (10 rows in 3 shards: 0 3 6 9 | 1 4 7 0 | 2 5 8 1), so that all shards have the same size."""
    if num_shards is None and shard_id is None:
        return tensors
    if num_shards is None or shard_id is None:
        raise ShapeError(f"For '{op}', give both 'num_shards' and 'shard_id' or neither.")
    if isinstance(num_shards, bool) or not isinstance(num_shards, int) or num_shards < 1:
        raise ShapeError(f"For '{op}', 'num_shards' must be a positive int, but got {num_shards!r}.")
    if isinstance(shard_id, bool) or not isinstance(shard_id, int) or not 0 <= shard_id < num_shards:
        raise ShapeError(f"For '{op}', 'shard_id' must be in [0, {num_shards}), but got {shard_id!r}.")
    return [t[_np.asarray(shard_rows(len(t), num_shards, shard_id))] for t in tensors]


def _source(op, tensors, num_samples, shuffle, sampler, num_shards, shard_id, seed,
            workers=None, labels=None):
    """The native rows of in-memory columns: sharded, limited to `num_samples`, shuffled (the
    default; MindSpore's order) — or read in the order `sampler` gives each epoch (MindSpore
    refuses a sampler with `shuffle` or shards). Shuffled and given `num_samples`, the rows are
    drawn with replacement, as MindSpore draws them."""
    check_workers(op, workers)
    if sampler is not None:
        if shuffle is not None or num_shards is not None or shard_id is not None:
            raise ShapeError(f"For '{op}', 'sampler' cannot be given with 'shuffle', 'num_shards' "
                             "or 'shard_id'.")
        if num_samples is not None:
            tensors = [t[:num_samples] for t in tensors]
        return samplers.SampledRows(tensors, sampler, labels=labels)
    shuffled = shuffle is None or bool(shuffle)
    if shuffled and num_samples and num_shards is None:
        # MindSpore samples a shuffled source given `num_samples` with replacement.
        return samplers.SampledRows(tensors, samplers.RandomSampler(True, num_samples))
    if shuffled and (num_shards is not None or shard_id is not None):
        _shard(tensors[:0], num_shards, shard_id, op)  # the arguments' checks
        # MindSpore shuffles all rows, then deals them out (`DistributedSampler`).
        return samplers.SampledRows(tensors, samplers.DistributedSampler(
            num_shards, shard_id, True, num_samples or None))
    tensors = _shard(tensors, num_shards, shard_id, op)
    if num_samples is not None:
        tensors = [t[:num_samples] for t in tensors]
    native = _C.NativeDataset(tensors)
    return native.shuffled(seed) if shuffled else native


class MnistDataset(_Dataset):
    """MindSpore's ``MnistDataset(dataset_dir, usage)``: columns ``image`` (UInt8
    ``[28, 28, 1]``) and ``label`` (UInt32), read whole into memory; ``usage`` ``'train'``,
    ``'test'`` or ``'all'`` (the default: the test rows, then the training rows)."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None, seed=None):
        usage = "all" if usage is None else usage  # MindSpore 2.10's default: every split
        if usage not in ("train", "test", "all"):
            raise ShapeError(f"For '{type(self).__name__}', 'usage' must be 'train', 'test' or "
                             f"'all', but got {usage!r}.")
        # MindSpore 2.10 reads the test files first for 'all' (here, the splits whose files are
        # there: a folder of the training files alone reads as those).
        splits = ("test", "train") if usage == "all" else (usage,)
        if usage == "all":
            present = [u for u in splits if _mnist_split_present(dataset_dir, u)]
            splits = present or splits
        parts = [load_mnist(dataset_dir, u) for u in splits]
        x = _C.concat([p[0] for p in parts], 0) if len(parts) > 1 else parts[0][0]
        y = _C.concat([p[1] for p in parts], 0) if len(parts) > 1 else parts[0][1]
        x = x.reshape(x.shape + (1,)).astype(_mstype.uint8)
        y = y.astype(_mstype.uint32)
        seed = config._op_seed() if seed is None else int(seed)
        native = _source(type(self).__name__, [x, y], num_samples, shuffle, sampler, num_shards,
                         shard_id, seed, num_parallel_workers, labels=y)
        super().__init__(native, ["image", "label"], seed)


class FashionMnistDataset(MnistDataset):
    """MindSpore's ``FashionMnistDataset``: Fashion-MNIST's files have MNIST's layout."""


def _cifar_records(op, root, names, label_bytes):
    """The images (``[N, 32, 32, 3]`` UInt8, HWC) and label bytes (``[N, label_bytes]``) of the
    CIFAR binary files `names` under `root`: fixed records of the labels then 3072 pixel bytes,
    one 32×32 plane per colour."""
    root = _os.fspath(root)
    if not _os.path.isdir(root):
        raise ShapeError(f"For '{op}', the dataset_dir {root!r} is not a directory.")
    size = label_bytes + 3072
    images, labels = [], []
    for name in names:
        path = _os.path.join(root, name)
        if not _os.path.isfile(path):
            raise ShapeError(f"For '{op}', the file {path!r} is missing (CIFAR's binary version "
                             f"has {', '.join(names)}).")
        raw = _np.fromfile(path, _np.uint8)
        if raw.size % size:
            raise ShapeError(f"For '{op}', {path!r} has {raw.size} bytes, not a whole number of "
                             f"{size}-byte records.")
        rec = raw.reshape(-1, size)
        labels.append(rec[:, :label_bytes])
        images.append(rec[:, label_bytes:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
    return _np.concatenate(images), _np.concatenate(labels)


def _cifar_files(op, usage, train, test):
    usage = "all" if usage is None else usage
    if usage not in ("train", "test", "all"):
        raise ShapeError(f"For '{op}', 'usage' must be 'train', 'test' or 'all', but got {usage!r}.")
    return {"train": train, "test": test, "all": train + test}[usage]


class Cifar10Dataset(_Dataset):
    """MindSpore's ``Cifar10Dataset(dataset_dir, usage)``: CIFAR-10's binary version
    (``data_batch_1.bin`` … ``data_batch_5.bin``, ``test_batch.bin``), read whole into memory;
    columns ``image`` (UInt8 ``[32, 32, 3]``) and ``label`` (UInt32). ``usage`` ``'train'``,
    ``'test'`` or ``'all'`` (the default)."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        files = _cifar_files("Cifar10Dataset", usage,
                             [f"data_batch_{i}.bin" for i in range(1, 6)], ["test_batch.bin"])
        x, y = _cifar_records("Cifar10Dataset", dataset_dir, files, 1)
        tensors = [Tensor(x), Tensor(y[:, 0].astype(_np.uint32))]
        seed = config._op_seed()
        super().__init__(_source("Cifar10Dataset", tensors, num_samples, shuffle, sampler,
                                 num_shards, shard_id, seed, num_parallel_workers,
                                 labels=tensors[1]),
                         ["image", "label"], seed)


class Cifar100Dataset(_Dataset):
    """MindSpore's ``Cifar100Dataset(dataset_dir, usage)``: CIFAR-100's binary version
    (``train.bin``, ``test.bin``); columns ``image`` (UInt8 ``[32, 32, 3]``), ``coarse_label``
    and ``fine_label`` (UInt32)."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        files = _cifar_files("Cifar100Dataset", usage, ["train.bin"], ["test.bin"])
        x, y = _cifar_records("Cifar100Dataset", dataset_dir, files, 2)
        tensors = [Tensor(x), Tensor(y[:, 0].astype(_np.uint32)), Tensor(y[:, 1].astype(_np.uint32))]
        seed = config._op_seed()
        super().__init__(_source("Cifar100Dataset", tensors, num_samples, shuffle, sampler,
                                 num_shards, shard_id, seed, num_parallel_workers),
                         ["image", "coarse_label", "fine_label"], seed)


class ImageFolderDataset(GeneratorDataset):
    """MindSpore's ``ImageFolderDataset(dataset_dir)``: one class per sub-folder (sorted names,
    labels 0, 1, ... unless ``class_indexing``), files sorted within each; columns ``image``
    (the file's bytes as UInt8, or with ``decode=True`` an HWC RGB UInt8 array) and ``label``
    (Int32). ``extensions`` (e.g. ``['.jpg', '.png']``) filters the files (default: all)."""

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, extensions=None, class_indexing=None, decode=False, num_shards=None,
                 shard_id=None, cache=None, decrypt=None):
        check_workers("ImageFolderDataset", num_parallel_workers)
        root = _os.fspath(dataset_dir)
        if not _os.path.isdir(root):
            raise ShapeError(f"For 'ImageFolderDataset', the dataset_dir {root!r} is not a directory.")
        folders = sorted(d for d in _os.listdir(root) if _os.path.isdir(_os.path.join(root, d)))
        if class_indexing is None:
            class_indexing = {d: i for i, d in enumerate(folders)}
        elif not isinstance(class_indexing, dict):
            raise DTypeError("For 'ImageFolderDataset', 'class_indexing' must be a dict, but got "
                             f"{type(class_indexing).__name__}.")
        exts = None if extensions is None else tuple(e.lower() for e in extensions)
        files = []
        for d in folders:
            if d not in class_indexing:
                continue
            for f in sorted(_os.listdir(_os.path.join(root, d))):
                path = _os.path.join(root, d, f)
                if _os.path.isfile(path) and (exts is None or _os.path.splitext(f)[1].lower() in exts):
                    files.append((path, class_indexing[d]))
        self._class_indexing = dict(class_indexing)
        decoder = vision.Decode() if decode else None

        class _Files:
            _labels = [label for _, label in files]  # for a PKSampler

            def __len__(self):
                return len(files)

            def __getitem__(self, i):
                path, label = files[i]
                with open(path, "rb") as fh:
                    data = _np.frombuffer(fh.read(), _np.uint8)
                if decoder is not None:
                    try:
                        data = decoder(data)
                    except Exception as e:  # noqa: BLE001 - any decoder failure is a bad image
                        raise RuntimeError(f"For 'ImageFolderDataset', invalid image {path}: it "
                                           f"cannot be decoded ({e}).") from None
                return data, _np.int32(label)

        super().__init__(_Files(), ["image", "label"], num_samples=num_samples, shuffle=shuffle,
                         sampler=sampler, num_shards=num_shards, shard_id=shard_id)

    def get_class_indexing(self):
        return dict(self._class_indexing)

    def num_classes(self):
        """The number of classes (sub-folders read)."""
        return len(set(self._class_indexing.values()))


from ._mnist_family import EMnistDataset, KMnistDataset, QMnistDataset  # noqa: E402
from ._fake_image import FakeImageDataset  # noqa: E402
from . import callback  # noqa: E402
from ._random_data import RandomDataset, Schema  # noqa: E402
from .callback import DSCallback, WaitedDSCallback  # noqa: E402
from ._detection import VOCDataset  # noqa: E402
from ._coco import CocoDataset  # noqa: E402
from ._mindrecord import MindDataset  # noqa: E402

from ._sync import SyncWaitDataset  # noqa: E402
__all__ += ["SyncWaitDataset"]
from ._tfrecord import TFRecordDataset  # noqa: E402
__all__ += ["TFRecordDataset"]
from . import engine  # noqa: E402,F401 - MindSpore's module of the iterators
# Called by the package when it installs the `mindspore` alias (after this module's import).
from ._ms_names import present_as_mindspore as _present_as_mindspore  # noqa: E402
from ._text_sources import (AGNewsDataset, AmazonReviewDataset, CoNLL2000Dataset,  # noqa: E402
                            DBpediaDataset, EnWik9Dataset, IMDBDataset, Multi30kDataset,
                            PennTreebankDataset, SogouNewsDataset, SQuADDataset, SST2Dataset,
                            UDPOSDataset, WikiTextDataset, YahooAnswersDataset, YelpReviewDataset)
__all__ += ["IMDBDataset", "AGNewsDataset", "DBpediaDataset", "YelpReviewDataset",
            "AmazonReviewDataset", "SogouNewsDataset", "YahooAnswersDataset", "PennTreebankDataset",
            "WikiTextDataset", "EnWik9Dataset", "SST2Dataset", "CoNLL2000Dataset", "UDPOSDataset",
            "Multi30kDataset", "SQuADDataset"]
from ._vision_sources import (Caltech101Dataset, Caltech256Dataset, CelebADataset,  # noqa: E402
                              Food101Dataset, OmniglotDataset, SBUDataset, SemeionDataset,
                              STL10Dataset, SUN397Dataset, USPSDataset)
__all__ += ["Caltech101Dataset", "Caltech256Dataset", "CelebADataset", "Food101Dataset",
            "OmniglotDataset", "SBUDataset", "SemeionDataset", "STL10Dataset", "SUN397Dataset",
            "USPSDataset"]
from ._audio_sources import (CMUArcticDataset, LJSpeechDataset,  # noqa: E402
                             SpeechCommandsDataset, YesNoDataset)
__all__ += ["CMUArcticDataset", "LJSpeechDataset", "SpeechCommandsDataset", "YesNoDataset"]
from ._audio_sources import GTZANDataset, LibriTTSDataset  # noqa: E402
__all__ += ["GTZANDataset", "LibriTTSDataset"]
from ._more_vision_sources import (CityscapesDataset, DIV2KDataset,  # noqa: E402
                                   FlickrDataset, KITTIDataset, LFWDataset, Places365Dataset,
                                   WIDERFaceDataset)
__all__ += ["CityscapesDataset", "DIV2KDataset", "FlickrDataset", "KITTIDataset", "LFWDataset",
            "Places365Dataset", "WIDERFaceDataset"]
from ._clue_sources import CLUEDataset  # noqa: E402
from ._iwslt_sources import IWSLT2016Dataset, IWSLT2017Dataset  # noqa: E402
from ._photo_tour import PhotoTourDataset  # noqa: E402
from ._tedlium import TedliumDataset  # noqa: E402
__all__ += ["CLUEDataset", "IWSLT2016Dataset", "IWSLT2017Dataset", "PhotoTourDataset",
            "TedliumDataset"]

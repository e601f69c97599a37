"""``easy_mindspore.dataset`` (``mindspore.dataset`` when MindSpore is not installed): in-memory
datasets for training loops, with MindSpore's names.

``NumpySlicesDataset((x, y), shuffle=True).batch(32)`` slices arrays along axis 0; iterating it
(or ``create_tuple_iterator()``) yields one list of Tensors per batch. Each new iteration is a new
epoch, reshuffled. The order depends only on the seed and the epoch: the seed is
``ms.set_seed``'s value when the dataset is made (or ``seed=``), so a run is reproducible. The
shuffling, batching and the IDX / digits readers are the Rust ones (``easy_mindspore::nn::data``).

Loaders: ``load_digits()`` (the bundled 8×8 digits, as NumPy arrays), ``read_idx(path)`` (an IDX
file, gzip too, as a Tensor), ``load_mnist(dir, usage)`` and ``MnistDataset(dir, usage)``.
"""
import os as _os

import numpy as _np

from .. import _C
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from .pipeline import EpochIterator, GeneratorDataset

__all__ = ["NumpySlicesDataset", "MnistDataset", "GeneratorDataset", "load_digits", "read_idx",
           "load_mnist", "DIGITS_PATH"]

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


class _Dataset:
    """Shared by every dataset: batching, shuffling, iteration."""

    def __init__(self, native, column_names, seed, state=None):
        self._native = native
        self._names = list(column_names)
        self._seed = seed
        self._state = state if state is not None else {"epoch": 0}

    def _derive(self, native):
        return _Dataset(native, self._names, self._seed, self._state)

    def batch(self, batch_size, drop_remainder=False, num_parallel_workers=None, **_ignored):
        if isinstance(batch_size, bool) or not isinstance(batch_size, int):
            raise DTypeError(f"For 'batch', batch_size must be an int, got {type(batch_size).__name__}")
        if batch_size <= 0:
            raise ShapeError(f"For 'batch', batch_size must be positive, got {batch_size}")
        return self._derive(self._native.batched(batch_size, bool(drop_remainder)))

    def shuffle(self, buffer_size=None):
        """A full shuffle every epoch (any ``buffer_size`` shuffles the whole dataset)."""
        return self._derive(self._native.shuffled(self._seed))

    def split(self, sizes, randomize=True):
        """Two datasets: ``sizes`` ``[f, 1 - f]`` fractions or ``[n1, n2]`` counts."""
        if len(sizes) != 2:
            raise ShapeError(f"For 'split', sizes must have 2 entries, got {sizes}")
        n = len(self._native)
        a, b = sizes
        frac = a / n if all(isinstance(s, int) for s in sizes) else float(a)
        if all(isinstance(s, int) for s in sizes) and a + b != n:
            raise ShapeError(f"For 'split', the sizes {sizes} must add up to {n}")
        if not randomize:
            raise ComputeError("For 'split', only randomize=True is supported")
        left, right = self._native.split(frac, self._seed)
        return (_Dataset(left, self._names, self._seed), _Dataset(right, self._names, self._seed))

    def get_dataset_size(self):
        """Batches per epoch."""
        return self._native.num_batches()

    def get_col_names(self):
        return list(self._names)

    def create_tuple_iterator(self, columns=None, num_epochs=-1, output_numpy=False, do_copy=True):
        """An iterator over the batches, each a list with one Tensor (or array) per column; every
        ``for`` loop over it runs one more epoch, as MindSpore's."""
        pick = None
        if columns is not None:
            pick = [self._names.index(c) for c in columns]

        def epoch_batches():
            epoch = self._state["epoch"]
            self._state["epoch"] += 1
            for batch in self._native.epoch(epoch):
                if pick is not None:
                    batch = [batch[i] for i in pick]
                yield [b.asnumpy() for b in batch] if output_numpy else batch

        return EpochIterator(epoch_batches, num_epochs)

    def create_dict_iterator(self, num_epochs=-1, output_numpy=False, do_copy=True):
        tuples = self.create_tuple_iterator(num_epochs=num_epochs, output_numpy=output_numpy)
        return EpochIterator(lambda: (dict(zip(self._names, b)) for b in tuples), num_epochs)

    def __iter__(self):
        return self.create_tuple_iterator()


class NumpySlicesDataset(_Dataset):
    """Slices of arrays along axis 0: a tuple gives one column per element, a dict one per key,
    a list or an array one column. ``shuffle`` defaults to True, as in MindSpore."""

    def __init__(self, data, column_names=None, num_samples=None, num_parallel_workers=1,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, seed=None):
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
        tensors = [_column(c, i) for i, c in enumerate(cols)]
        if num_samples is not None:
            tensors = [t[:num_samples] for t in tensors]
        native = _C.NativeDataset(tensors)
        seed = _C.get_seed() if seed is None else int(seed)
        if shuffle is None or shuffle:
            native = native.shuffled(seed)
        super().__init__(native, names, seed)


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


class MnistDataset(_Dataset):
    """MindSpore's ``MnistDataset(dataset_dir, usage)``: columns ``image`` ``[28, 28, 1]`` and
    ``label``, read whole into memory."""

    def __init__(self, dataset_dir, usage="train", num_samples=None, shuffle=None, seed=None, **_ignored):
        x, y = load_mnist(dataset_dir, usage)
        x = x.reshape(x.shape + (1,))
        if num_samples is not None:
            x, y = x[:num_samples], y[:num_samples]
        native = _C.NativeDataset([x, y])
        seed = _C.get_seed() if seed is None else int(seed)
        if shuffle is None or shuffle:
            native = native.shuffled(seed)
        super().__init__(native, ["image", "label"], seed)

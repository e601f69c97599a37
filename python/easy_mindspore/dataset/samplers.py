"""MindSpore's samplers (``mindspore.dataset.SequentialSampler``, ``RandomSampler``,
``SubsetSampler``, ``SubsetRandomSampler``, ``DistributedSampler``, ``WeightedRandomSampler`` and
the ``Sampler`` base class for one's own): each picks the row indices a dataset reads in an epoch.

A dataset given ``sampler=`` asks it for ``indices(n, epoch)`` (``n`` the source's rows): the
random samplers draw from the pipeline's seed (``config.set_seed``) and the epoch, so a seeded
run is reproducible and each epoch draws anew. A user ``Sampler`` subclass implements ``__iter__`` and
reads ``self.dataset_size``, as in MindSpore. A plain iterable of indices is accepted as well.
"""
import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError
from . import config

__all__ = ["Sampler", "SequentialSampler", "RandomSampler", "SubsetSampler",
           "SubsetRandomSampler", "DistributedSampler", "WeightedRandomSampler", "PKSampler"]


def _count(op, name, v, minimum):
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)) or v < minimum:
        raise ShapeError(f"For '{op}', '{name}' must be an int of at least {minimum}, but got {v!r}.")
    return int(v)


def _rng(epoch, salt):
    return _np.random.default_rng([config._op_seed(), int(epoch), salt])


class BuiltinSampler:
    """What the samplers have in common: ``num_samples`` (a limit on the indices per epoch) and
    ``get_num_samples()``."""

    _salt = 0

    def __init__(self, num_samples=None):
        self.num_samples = _count(type(self).__name__, "num_samples", num_samples, 0)

    def get_num_samples(self):
        """The limit on the indices per epoch (None: no limit)."""
        return self.num_samples

    def _limit(self, idx):
        return idx if not self.num_samples else idx[:self.num_samples]

    def _draw(self, n, rng):
        raise NotImplementedError

    def indices(self, n, epoch=0):
        """The row indices (Int64) of epoch `epoch` of a source of `n` rows."""
        return self._limit(_np.asarray(self._draw(n, _rng(epoch, self._salt)), _np.int64))


class SequentialSampler(BuiltinSampler):
    """The rows in order, from `start_index`.

    Args:
        start_index (int, optional): The first row. Default: ``None`` (0).
        num_samples (int, optional): At most this many rows. Default: ``None``.
    """

    def __init__(self, start_index=None, num_samples=None):
        super().__init__(num_samples)
        self.start_index = _count("SequentialSampler", "start_index", start_index, 0) or 0

    def _draw(self, n, rng):
        if self.start_index >= max(n, 1):
            raise ShapeError(f"For 'SequentialSampler', 'start_index' {self.start_index} is not "
                             f"below the dataset size {n}.")
        return _np.arange(self.start_index, n)


class RandomSampler(BuiltinSampler):
    """The rows in a random order (a new one each epoch), or drawn with replacement.

    Args:
        replacement (bool, optional): Draw with replacement. Default: ``False``.
        num_samples (int, optional): At most (with replacement: exactly) this many rows.
            Default: ``None``.
    """

    _salt = 1

    def __init__(self, replacement=False, num_samples=None):
        super().__init__(num_samples)
        if not isinstance(replacement, bool):
            raise DTypeError(f"For 'RandomSampler', 'replacement' must be a bool, but got "
                             f"{replacement!r}.")
        self.replacement = replacement

    def indices(self, n, epoch=0):
        """MindSpore's rows of epoch `epoch` (`nn/data/order.rs`): its shuffled order, or with
        replacement its draws (at most `n` of them, as MindSpore)."""
        from .._C import shuffle_order
        draws = min(self.num_samples or n, n) if self.replacement else None
        rows = shuffle_order(n, config._op_seed(), epoch, draws)
        return self._limit(_np.asarray(rows, _np.int64))


class SubsetSampler(BuiltinSampler):
    """The given rows, in the given order.

    Args:
        indices (Sequence[int]): The rows.
        num_samples (int, optional): At most this many rows. Default: ``None``.
    """

    def __init__(self, indices, num_samples=None):
        super().__init__(num_samples)
        try:
            self._rows = _np.asarray(list(indices), _np.int64).reshape(-1)
        except (TypeError, ValueError):
            raise DTypeError(f"For '{type(self).__name__}', 'indices' must be a sequence of ints, "
                             f"but got {indices!r}.") from None

    def _checked(self, n):
        if self._rows.size and (self._rows.min() < -n or self._rows.max() >= n):
            raise ShapeError(f"For '{type(self).__name__}', an index is out of range for a dataset "
                             f"of {n} rows: {self._rows.tolist()[:10]}.")
        return self._rows % max(n, 1)

    def _draw(self, n, rng):
        return self._checked(n)


class SubsetRandomSampler(SubsetSampler):
    """The given rows in a random order (a new one each epoch).

    Args:
        indices (Sequence[int]): The rows.
        num_samples (int, optional): At most this many rows. Default: ``None``.
    """

    def indices(self, n, epoch=0):
        """MindSpore's order (`nn/data/order.rs`): the list (its first `num_samples` rows, as
        MindSpore 2.10 cuts it before shuffling) shuffled again before each epoch, the generator
        seeded with the dataset seed each time."""
        from .._C import subset_shuffle_order
        rows = [int(r) for r in self._limit(_np.asarray(self._checked(n), _np.int64))]
        return _np.asarray(subset_shuffle_order(rows, config._op_seed(), epoch), _np.int64)


class DistributedSampler(BuiltinSampler):
    """Shard `shard_id` of `num_shards`: every shard gets ``ceil(n / num_shards)`` rows (the last
    ones wrapping around to the start), of one order that all shards share (shuffled per epoch
    when `shuffle`).

    Args:
        num_shards (int): The number of shards.
        shard_id (int): This shard, in ``[0, num_shards)``.
        shuffle (bool, optional): Shuffle the rows before sharding. Default: ``True``.
        num_samples (int, optional): At most this many rows. Default: ``None``.
        offset (int, optional): With ``offset >= 0``, position ``p`` of the order goes to shard
            ``(p + offset) % num_shards`` and the shards are not padded to one size (MindSpore's
            rule, meant for a concatenation of datasets). Default: ``-1``.
    """

    def __init__(self, num_shards, shard_id, shuffle=True, num_samples=None, offset=-1):
        super().__init__(num_samples)
        self.num_shards = _count("DistributedSampler", "num_shards", num_shards, 1)
        self.shard_id = _count("DistributedSampler", "shard_id", shard_id, 0)
        if self.shard_id >= self.num_shards:
            raise ShapeError(f"For 'DistributedSampler', 'shard_id' must be in [0, {num_shards}), "
                             f"but got {shard_id}.")
        self.shuffle, self.offset = bool(shuffle), offset

    def indices(self, n, epoch=0):
        """MindSpore's rows (`nn/data/order.rs`): its shuffled order of all rows, from the
        dataset seed plus one (as MindSpore 2.10 seeds its distributed sampler), then every
        `num_shards`-th from `shard_id` on."""
        from .._C import shuffle_order
        from .pipeline import shard_rows
        if self.shuffle:
            order = _np.asarray(shuffle_order(n, config._op_seed() + 1, epoch), _np.int64)
        else:
            order = _np.arange(n, dtype=_np.int64)
        if isinstance(self.offset, int) and not isinstance(self.offset, bool) and self.offset >= 0:
            # MindSpore 2.10: position p goes to shard (p + offset) % num_shards, no padding.
            return self._limit(order[(_np.arange(n) + self.offset) % self.num_shards == self.shard_id])
        return self._limit(order[shard_rows(n, self.num_shards, self.shard_id)] if n else order)


class WeightedRandomSampler(BuiltinSampler):
    """Rows drawn with probabilities proportional to `weights` (one per row, from row 0), in
    MindSpore's order: the same rows every epoch for a seed set with ``config.set_seed``
    (`nn/data/order.rs`: libstdc++'s ``discrete_distribution`` over ``std::mt19937`` with
    replacement, exponential keys over the weights without).

    Args:
        weights (Sequence[float]): Non-negative weights, not all zero.
        num_samples (int, optional): How many rows to draw. Default: ``None`` (the dataset's
            rows; at most that many).
        replacement (bool, optional): Draw with replacement. Default: ``True``.
    """

    def __init__(self, weights, num_samples=None, replacement=True):
        super().__init__(num_samples)
        w = _np.asarray(list(weights), _np.float64).reshape(-1)
        if w.size == 0 or (w < 0).any() or not _np.isfinite(w).all() or w.sum() == 0:
            raise ShapeError("For 'WeightedRandomSampler', 'weights' must be non-negative finite "
                             f"numbers, not all zero, but got {list(weights)[:10]}.")
        if not isinstance(replacement, bool):
            raise DTypeError(f"For 'WeightedRandomSampler', 'replacement' must be a bool, but got "
                             f"{replacement!r}.")
        self._w, self.replacement = w, replacement

    def indices(self, n, epoch=0):
        """The rows of a source of `n` rows (every epoch the same, as MindSpore's)."""
        from .._C import weighted_order
        # MindSpore's pipeline raises these as RuntimeErrors when the sampler starts.
        if self._w.size > n:
            raise RuntimeError(f"For 'WeightedRandomSampler', invalid parameter: the size of the "
                               f"sample weights must be less than or equal to the number of rows, "
                               f"but got weight size: {self._w.size}, num of data: {n}.")
        k = n if not self.num_samples or self.num_samples > n else self.num_samples
        if not self.replacement and self._w.size < k:
            raise RuntimeError(f"For 'WeightedRandomSampler', invalid parameter: without "
                               f"replacement, the weight size must be greater than or equal to "
                               f"num_samples, but got weight size: {self._w.size}, num_samples: "
                               f"{k}.")
        rows = weighted_order(self._w.tolist(), k, self.replacement, config._op_seed())
        return _np.asarray(rows, _np.int64)


class Sampler(BuiltinSampler):
    """The base of one's own sampler: implement ``__iter__`` yielding row indices; it may read
    ``self.dataset_size`` (set before each epoch).

    Args:
        num_samples (int, optional): At most this many rows. Default: ``None``.
    """

    def __init__(self, num_samples=None):
        super().__init__(num_samples)
        self.dataset_size = 0

    def __iter__(self):
        raise NotImplementedError("A Sampler subclass implements __iter__, yielding row indices.")

    def _draw(self, n, rng):
        self.dataset_size = n
        return list(iter(self))


class PKSampler(BuiltinSampler):
    """``num_val`` rows of every class (label), as MindSpore's: the classes in increasing order
    (shuffled once with `shuffle`), each class's rows drawn at random with replacement, from the
    pipeline's seed plus the epoch; ``num_samples`` rows at most. Only datasets that know their
    rows' labels take it (``ImageFolderDataset``, the MNIST and CIFAR readers); a
    ``GeneratorDataset`` (``NumpySlicesDataset`` too) refuses it, as MindSpore's.

    Args:
        num_val (int): The rows per class.
        num_class (int, optional): Not supported (MindSpore's NotImplementedError). Default:
            ``None``.
        shuffle (bool, optional): Whether to shuffle the classes. Default: ``False``.
        class_column (str, optional): The label column. Default: ``'label'``.
        num_samples (int, optional): At most this many rows. Default: ``None``.
    """

    def __init__(self, num_val, num_class=None, shuffle=False, class_column="label",
                 num_samples=None):
        if isinstance(num_val, bool) or not isinstance(num_val, int):
            raise DTypeError(f"num_val must be integer but was: {num_val!r}.")
        if num_class is not None:
            raise NotImplementedError("Not supported to specify num_class for PKSampler.")
        if not isinstance(shuffle, bool):
            raise DTypeError(f"shuffle must be a boolean value but was: {shuffle!r}.")
        if not isinstance(class_column, str):
            raise DTypeError(f"class_column must be a str but was: {class_column!r}.")
        if num_val <= 0:
            raise ComputeError(f"Invalid parameter, num_class or K (num samples per class) must "
                               f"be greater than 0, but got {num_val}")
        super().__init__(num_samples)
        self.num_val, self.shuffle, self.class_column = num_val, shuffle, class_column

    def indices(self, n, epoch=0):
        raise ShapeError("GeneratorDataset doesn't support PKSampler.")

    def label_indices(self, labels, epoch=0):
        """The rows of epoch `epoch` for rows labelled `labels` (MindSpore's draws,
        ``nn/data/order.rs``)."""
        from .._C import pk_order
        labels = labels.asnumpy() if hasattr(labels, "asnumpy") else labels
        labels = [int(v) for v in _np.asarray(labels).reshape(-1)]
        rows = pk_order(labels, self.num_val, self.shuffle, config._op_seed(), epoch,
                        self.num_samples or None)
        return _np.asarray(rows, _np.int64)


class SampledRows:
    """In-memory columns read in the order a sampler gives each epoch, with the interface of the
    native datasets that ``_Dataset`` drives (``epoch``, ``num_batches``, ``batched``, ``len``):
    ``NumpySlicesDataset``/``MnistDataset`` given ``sampler=``."""

    def __init__(self, tensors, sampler, batch_size=1, drop_remainder=False, labels=None):
        self._tensors, self._sampler, self._labels = tensors, sampler, labels
        self._n = int(tensors[0].shape[0]) if tensors else 0
        self._batch, self._drop = batch_size, drop_remainder
        self._size = len(indices(sampler, self._n, 0, labels))

    def __len__(self):
        return self._size

    def num_batches(self):
        full, rest = divmod(self._size, self._batch)
        return full + (1 if rest and not self._drop else 0)

    def batched(self, batch_size, drop_remainder):
        return SampledRows(self._tensors, self._sampler, batch_size, drop_remainder, self._labels)

    def shuffled(self, seed):
        raise ShapeError("'shuffle' and 'sampler' cannot be used together: the sampler gives the "
                         "order.")

    def epoch(self, epoch):
        from .._C import Tensor
        idx = indices(self._sampler, self._n, epoch, self._labels)
        for k in range(self.num_batches()):
            rows = Tensor(idx[k * self._batch:(k + 1) * self._batch])
            yield [t[rows] for t in self._tensors]


def indices(sampler, n, epoch, labels=None):
    """The rows `sampler` picks in `epoch` from `n` rows (labelled `labels`, for a
    ``PKSampler``): a sampler of this module, or any iterable of ints."""
    if isinstance(sampler, PKSampler) and labels is not None:
        idx = sampler.label_indices(labels, epoch)
    elif isinstance(sampler, BuiltinSampler):
        idx = sampler.indices(n, epoch)
    else:
        try:
            idx = _np.asarray(list(sampler), _np.int64).reshape(-1)
        except (TypeError, ValueError):
            raise DTypeError(f"'sampler' must be a sampler or an iterable of ints, but got "
                             f"{type(sampler).__name__}.") from None
    if idx.size and (idx.min() < 0 or idx.max() >= n):
        raise ShapeError(f"The sampler gave an index out of range for a dataset of {n} rows "
                         f"(min {idx.min()}, max {idx.max()}).")
    return idx

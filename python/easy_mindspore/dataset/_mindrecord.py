"""``MindDataset``, the reader of MindRecord files, and ``Dataset.save``, their writer.

MindSpore 2.10's MindRecord reader orders its rows with its own shuffle, which this module
follows (so a seeded run reads MindSpore's order): one permutation of the rows, kept from epoch
to epoch, is shuffled again before each epoch ``e`` by ``std::shuffle`` with libstdc++'s
``std::default_random_engine`` (``minstd_rand0``) seeded with ``seed + 1 + e``. ``Shuffle.INFILE``
shuffles each file's part of that permutation with the same engine seed; ``Shuffle.FILES``
shuffles the file order and moves the permutation's parts (by the files' original row counts)
into it. With ``num_shards``, each epoch shuffles ``0..n`` afresh and deals the rows out as the
distributed sampler does."""
import os as _os

import numpy as _np

from .. import _C
from .._errors import DTypeError, ShapeError
from ..mindrecord import _format
from ..mindrecord._filewriter import FileWriter
from . import config
from . import samplers as _samplers
from .pipeline import PipelineDataset, _count, check_workers, shard_rows
from .text_files import Shuffle

def _std_shuffle(v, seed):
    """``v`` in the order libstdc++'s ``std::shuffle(v, minstd_rand0(seed))`` leaves it (the
    engine's ``random::stdcxx``)."""
    return [v[i] for i in _C.minstd_shuffle_order(seed, len(v))]


def _shuffle_mode(shuffle, sampler):
    if shuffle is None or shuffle is True:
        return Shuffle.GLOBAL if sampler is None else None
    if shuffle is False:
        return Shuffle.FALSE
    if isinstance(shuffle, Shuffle):
        return Shuffle.GLOBAL if shuffle in (Shuffle.ADAPTIVE, Shuffle.PARTIAL) else shuffle
    raise DTypeError(f"For 'MindDataset', 'shuffle' must be a bool or a Shuffle, but got "
                     f"{type(shuffle).__name__}.")


class _Order:
    """The rows of each epoch, in MindSpore's order (see the module's docstring)."""

    def __init__(self, counts, mode, seed, num_shards, shard_id, limit):
        self.counts, self.mode, self.seed = counts, mode, seed
        self.num_shards, self.shard_id, self.limit = num_shards, shard_id, limit
        self.n = sum(counts)
        self._perms = {-1: list(range(self.n))}

    def _permutation(self, epoch):
        """The permutation kept from epoch to epoch, after epoch `epoch`'s shuffle."""
        if epoch not in self._perms:
            last = max(e for e in self._perms if e < epoch)
            perm = list(self._perms[last])
            for e in range(last + 1, epoch + 1):
                perm = self._step(perm, self.seed + 1 + e)
            self._perms = {-1: self._perms[-1], epoch: perm}
        return self._perms[epoch]

    def _step(self, perm, seed):
        seed &= 0xFFFFFFFF
        bounds = _np.cumsum([0] + list(self.counts)).tolist()
        if self.mode == Shuffle.INFILE:
            out = []
            for a, b in zip(bounds, bounds[1:]):
                out += _std_shuffle(perm[a:b], seed)
            return out
        if self.mode == Shuffle.FILES:
            files = _std_shuffle(list(range(len(self.counts))), seed)
            return [i for f in files for i in perm[bounds[f]:bounds[f + 1]]]
        return _std_shuffle(perm, seed)

    def __call__(self, epoch):
        shuffled = self.mode not in (None, Shuffle.FALSE)
        if self.num_shards is not None:
            if self.mode in (Shuffle.FILES, Shuffle.INFILE):  # MindSpore keeps its first order
                base = self._permutation(0)
            elif shuffled:
                base = _std_shuffle(list(range(self.n)), (self.seed + 1 + epoch) & 0xFFFFFFFF)
            else:
                base = list(range(self.n))
            idx = _np.asarray(base, _np.int64)[shard_rows(self.n, self.num_shards, self.shard_id)]
        elif shuffled and self.limit is not None and self.mode == Shuffle.GLOBAL:
            # MindSpore draws `num_samples` rows with replacement (its order is not followed).
            rng = _np.random.default_rng([self.seed, epoch])
            return rng.integers(0, self.n, min(self.limit, self.n)) if self.n else _np.zeros(0, _np.int64)
        else:
            idx = _np.asarray(self._permutation(epoch) if shuffled else range(self.n), _np.int64)
        return idx if self.limit is None else idx[:self.limit]


class MindDataset(PipelineDataset):
    """
    A source dataset that reads MindRecord files (written by
    :class:`mindspore.mindrecord.FileWriter`, ``Dataset.save`` or MindSpore itself).

    The columns are the schema's fields, sorted by name (or `columns_list`, in its order): a
    scalar field as a 0-d array of its type, a string as a 0-d ``str`` array, a bytes field as
    a one-element ``S`` array, a field with a shape as its array.

    Args:
        dataset_files (Union[str, list[str]]): One file of a dataset (all its shard files are
            read), or the list of files to read, in that order.
        columns_list (list[str], optional): The columns to read. Default: ``None`` , all.
        num_parallel_workers (int, optional): Accepted for MindSpore's signature. Default:
            ``None`` .
        shuffle (Union[bool, Shuffle], optional): ``None`` or ``True`` (the default, a global
            shuffle each epoch), ``False`` , or ``Shuffle.GLOBAL`` , ``Shuffle.FILES`` (the
            order of the files), ``Shuffle.INFILE`` (the rows within each file). Default: ``None`` .
        num_shards (int, optional): Split the rows into this many shards. Default: ``None`` .
        shard_id (int, optional): The shard to read. Default: ``None`` .
        sampler (Sampler, optional): Picks the rows (instead of `shuffle` and the shards).
            Default: ``None`` .
        padded_sample (dict, optional): A row (column name -> value) added `num_padded` times
            after the rows, so that the shards come out even. Default: ``None`` .
        num_padded (int, optional): How many padded rows. Default: ``None`` .
        num_samples (int, optional): Read at most this many rows (per shard). Default: ``None`` .
        cache (DatasetCache, optional): Accepted for MindSpore's signature. Default: ``None`` .

    Raises:
        ValueError: If a file does not exist.
        RuntimeError: If a file is not a MindRecord file, its index file is missing, or a
            column of `columns_list` is not in the schema.

    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> from mindspore.mindrecord import FileWriter
        >>> path = os.path.join(tempfile.mkdtemp(), "md.mindrecord")
        >>> writer = FileWriter(path)
        >>> writer.add_schema({"label": {"type": "int32"}, "name": {"type": "string"}})
        >>> writer.write_raw_data([{"label": i, "name": "n%d" % i} for i in range(4)])
        >>> writer.commit()
        >>> dataset = ds.MindDataset(path, shuffle=False)
        >>> print(dataset.get_col_names(), dataset.get_dataset_size())
        ['label', 'name'] 4
        >>> print([int(row["label"]) for row in dataset.create_dict_iterator(output_numpy=True)])
        [0, 1, 2, 3]
    """

    def __init__(self, dataset_files, columns_list=None, num_parallel_workers=None, shuffle=None,
                 num_shards=None, shard_id=None, sampler=None, padded_sample=None, num_padded=None,
                 num_samples=None, cache=None):
        op = "MindDataset"
        check_workers(op, num_parallel_workers)
        files = [dataset_files] if isinstance(dataset_files, str) else dataset_files
        if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
            raise DTypeError(f"For '{op}', 'dataset_files' must be a str or a non-empty list of str, "
                             f"but got {dataset_files!r}.")
        for f in files:
            if not _os.path.isfile(f):
                raise ValueError(f"The file {f} does not exist or permission denied!")
        mode = _shuffle_mode(shuffle, sampler)
        if sampler is not None and (shuffle is not None or num_shards is not None):
            raise ShapeError(f"For '{op}', 'sampler' cannot be given with 'shuffle', 'num_shards' "
                             "or 'shard_id'.")
        if (num_shards is None) != (shard_id is None):
            raise ShapeError(f"For '{op}', give both 'num_shards' and 'shard_id' or neither.")
        if num_shards is not None:
            num_shards = _count(num_shards, op, "num_shards", 1)
            if not 0 <= _count(shard_id, op, "shard_id") < num_shards:
                raise ShapeError(f"For '{op}', 'shard_id' must be in [0, {num_shards}), but got {shard_id}.")
        limit = None if num_samples in (None, 0) else _count(num_samples, op, "num_samples", 1)
        if limit is not None and mode in (Shuffle.FILES, Shuffle.INFILE):
            raise ValueError("'Shuffle.FILES' or 'Shuffle.INFILE' and 'num_samples' cannot be "
                             "specified at the same time.")
        shards = _format.open_shards(dataset_files, load_dataset=isinstance(dataset_files, str))
        schema = shards[0].schema
        names = sorted(schema) if not columns_list else list(columns_list)
        for c in names:
            if c not in schema:
                raise RuntimeError(f"Invalid data, column name: {c} can not found in schema. Please "
                                   "check the 'column_list'.")
        self._shards, self._schema = shards, schema
        self._locations = [(s, i) for s in shards for i in range(len(s.records))]
        padded = self._padded(names, padded_sample, num_padded, num_shards)
        counts = [len(s.records) for s in shards]
        counts[-1] += len(padded)
        order = _Order(counts, mode, config._op_seed(), num_shards, shard_id, limit)
        n = len(self._locations) + len(padded)

        plain_random = isinstance(sampler, _samplers.RandomSampler) and not sampler.replacement \
            and not sampler.num_samples
        if plain_random:  # MindSpore reads a plain RandomSampler as its global shuffle
            order = _Order(counts, Shuffle.GLOBAL, config._op_seed(), None, None, limit)

        def indices(epoch):
            if sampler is None or plain_random:
                return order(epoch)
            idx = _samplers.indices(sampler, n, epoch)
            return idx if limit is None else idx[:limit]

        def rows(epoch):
            for i in indices(epoch):
                yield padded[i - len(self._locations)] if i >= len(self._locations) else self._row(int(i), names)

        super().__init__(names, rows, len(indices(0)))

    def _padded(self, names, padded_sample, num_padded, num_shards):
        """The padded rows (MindSpore's `padded_sample` given `num_padded` times)."""
        if not num_padded:
            return []
        if not isinstance(padded_sample, dict) or sorted(padded_sample) != sorted(names):
            raise ShapeError("For 'MindDataset', 'padded_sample' must be a dict with the columns "
                             f"{names} when 'num_padded' is given.")
        if num_shards is None or (len(self._locations) + num_padded) % num_shards:
            raise ShapeError("For 'MindDataset', the number of rows plus 'num_padded' must be "
                             "divisible by 'num_shards'.")
        row = tuple(_np.asarray(padded_sample[c]) for c in names)
        return [row] * _count(num_padded, "MindDataset", "num_padded")

    def _row(self, i, names):
        shard, k = self._locations[i]
        raw, blobs = shard.record(k)
        values = dict(raw, **blobs)
        return tuple(_format.typed_value(values[c], c, self._schema, bytes_as_array=True) for c in names)

    def __getitem__(self, index):
        """Row `index` (in file order) as a list of arrays, one per column."""
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"Argument index with value {index!r} is not of type [<class 'int'>].")
        if not 0 <= index < len(self._locations):
            raise ValueError(f"index {index} is out of range [0, {len(self._locations)}).")
        return list(self._row(index, self._names))


def _column_schema(name, value):
    """The MindRecord schema entry of a column from its first value, as ``Dataset.save`` makes it
    (small integers and bool widen to int32, float16 to float32)."""
    a = _np.asarray(value)
    if a.dtype.kind == "U":
        if a.ndim:
            raise ShapeError(f"For 'save', column '{name}' holds an array of strings, which "
                             "MindRecord cannot store.")
        return {"type": "string"}
    if a.dtype.kind == "S":
        return {"type": "bytes"}
    kinds = {"b": "int32", "i": "int32" if a.itemsize <= 4 else "int64",
             "u": "int32" if a.itemsize <= 2 else "int64", "f": "float32" if a.itemsize <= 4 else "float64"}
    if a.dtype.kind not in kinds:
        raise DTypeError(f"For 'save', column '{name}' has the type {a.dtype}, which MindRecord "
                         "cannot store.")
    typ = kinds[a.dtype.kind]
    return {"type": typ} if a.ndim == 0 else {"type": typ, "shape": [-1] + list(a.shape[1:])}


def _stored(value, spec):
    a = _np.asarray(value)
    if spec["type"] == "string":
        return str(a)
    if spec["type"] == "bytes":
        return b"".join(a.reshape(-1).tolist())
    if "shape" in spec:
        return _np.ascontiguousarray(a, dtype=spec["type"])
    return int(a) if spec["type"].startswith("int") else float(a)


def save(dataset, file_name, num_files=1, file_type="mindrecord"):
    """``Dataset.save``: one epoch of `dataset` into `num_files` MindRecord files."""
    if file_type != "mindrecord":
        raise ValueError(f"{file_type} dataset format is not supported.")
    if isinstance(num_files, bool) or not isinstance(num_files, int) or not 1 <= num_files <= 1000:
        raise ValueError(f"num_files should be between [1, 1000], but got {num_files}.")
    names = dataset.get_col_names()
    writer = FileWriter(file_name, num_files)
    schema = None
    chunk = []
    for row in dataset.create_tuple_iterator(num_epochs=1, output_numpy=True):
        if schema is None:
            schema = {n: _column_schema(n, v) for n, v in zip(names, row)}
            writer.add_schema(schema, "mindrecord")
        chunk.append({n: _stored(v, schema[n]) for n, v in zip(names, row)})
        if len(chunk) == 1000:
            writer.write_raw_data(chunk)
            chunk = []
    if schema is None:
        raise RuntimeError("For 'save', the dataset has no rows to save.")
    if chunk:
        writer.write_raw_data(chunk)
    writer.commit()

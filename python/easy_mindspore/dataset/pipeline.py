"""``GeneratorDataset`` and the lazy pipeline over it (``map``, ``batch``, ``shuffle``,
``repeat``, ``take``, ``skip``, ``project``, ``rename``), as MindSpore's dataset engine runs
them: rows are tuples of NumPy arrays, one per column; each ``create_tuple_iterator`` call is a
new epoch; iteration yields one list per row (per batch after ``batch``), of Tensors unless
``output_numpy=True``.

A random-access source (``__getitem__`` and ``__len__``) is read in index order, shuffled per
epoch when ``shuffle`` is on (its default), and sharded with ``num_shards``/``shard_id``; an
iterable or a generator function is read as it comes. Shuffles draw from the engine's seed
(``mindspore.set_seed``) and the epoch number, so a seeded run is reproducible."""
import builtins
import functools
import itertools
import os as _os

import numpy as _np

from .. import _C
from .._C import Tensor
from ..tensor import _host
from .._errors import ComputeError, DTypeError, ShapeError
from .._errors import also_runtime_error as _also_runtime_error
from .._errors import with_op_name_class as _with_op_name_class
from . import config
from ._batches import BatchInfo, _chunks
from ._columns import _mapped_names, _names_arg, _shown
from . import _ms_names
from . import _pyobjects
from ._prefetch import prefetched as _prefetched
from . import _shuffle
from .engine import iterators as _iterators
from .debug import DebugHook
from . import samplers as _samplers

__all__ = ["Dataset", "GeneratorDataset", "PipelineDataset", "EpochIterator", "zip_datasets",
           "PaddedDataset"]


def _array(v, column):
    if isinstance(v, Tensor):
        return v.asnumpy()
    if isinstance(v, dict):
        return _pyobjects.leaves(v, column)
    a = _np.asarray(v)
    if a.dtype == object:
        raise DTypeError(f"For 'GeneratorDataset', column '{column}' holds a {type(v).__name__}, "
                         "which is not an array or a number.")
    return a


def _tensor_or_strings(v):
    """A column value as the iterators yield it: a Tensor, or a NumPy array for strings (which
    MindSpore's Tensors do not hold either); a dict with Tensors inside."""
    if isinstance(v, dict):
        return _pyobjects.as_tensors(v)
    return v if v.dtype.kind in "US" else _host(Tensor(v))


def _numpy_out(v):
    """A column value as ``output_numpy=True`` yields it: NumPy scalars (a 0-d column read by
    indexing) as 0-d arrays, and Int64 as NumPy's ``longlong``, as MindSpore's arrays are (the
    same 8-byte integers; their repr says ``dtype=int64``)."""
    if isinstance(v, _np.generic):
        v = _np.asarray(v)
    if isinstance(v, _np.ndarray) and v.dtype.char == "l" and v.dtype.itemsize == 8:
        return v.view(_np.longlong)
    return v


def _row(item, names):
    """One source item as a tuple of arrays, one per column."""
    if isinstance(item, (tuple, list)) or (hasattr(item, "__next__") and not isinstance(item, _np.ndarray)):
        values = tuple(item)
    else:
        values = (item,)
    if len(values) != len(names):
        raise ShapeError(f"For 'GeneratorDataset', a row has {len(values)} values but there are "
                         f"{len(names)} columns {names}.")
    return tuple(_array(v, n) for v, n in zip(values, names))


def shard_rows(n, num_shards, shard_id):
    """The positions of shard ``shard_id`` among ``n`` rows, as MindSpore's DistributedSampler
    picks them: ``shard_id``, ``shard_id + num_shards``, ... for ``ceil(n / num_shards)`` rows,
    wrapping around past the end (so every shard has the same number of rows)."""
    if n == 0:
        return _np.zeros(0, _np.int64)
    per = -(-n // num_shards)
    return (shard_id + num_shards * _np.arange(per, dtype=_np.int64)) % n


def check_workers(op, v):
    """MindSpore's check of a ``num_parallel_workers`` argument: None (the default), or an int
    from 1 to the number of CPUs (MindSpore refuses more workers than CPUs)."""
    if v is None:
        return
    if isinstance(v, bool) or not isinstance(v, int):
        raise DTypeError(f"For '{op}', argument num_parallel_workers with value {v!r} is not of "
                         f"type [<class 'int'>], but got {type(v)}.")
    cpus = _os.cpu_count() or 1
    if not 1 <= v <= cpus:
        raise ShapeError(f"For '{op}', num_parallel_workers exceeds the boundary between 1 and "
                         f"{cpus}!")


def _rng(epoch, salt=0):
    return _np.random.default_rng([config._op_seed(), epoch, salt])


def _count(v, op, what, minimum=0):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)) or v < minimum:
        raise ShapeError(f"For '{op}', '{what}' must be an int of at least {minimum}, but got {v!r}.")
    return int(v)


def _pad_column(op, name, col, shape, value):
    """The arrays of one batch column padded (or cut) to `shape` (None: each axis to the
    batch's longest; a None entry: that axis so) with `value` (None: 0)."""
    arrays = [_np.asarray(x) for x in col]
    if len({a.ndim for a in arrays}) > 1:
        raise ShapeError(f"For '{op}', column '{name}' has rows of different ranks.")
    longest = [max(a.shape[k] for a in arrays) for k in range(arrays[0].ndim)]
    want = longest if shape is None else list(shape)
    if len(want) != arrays[0].ndim:
        raise ShapeError(f"For '{op}', the pad shape {want} of column '{name}' does not have its "
                         f"rows' rank {arrays[0].ndim}.")
    # A None in the pad shape: that axis padded to the batch's longest, as MindSpore's.
    want = [n if w is None else w for w, n in builtins.zip(want, longest)]
    if not want:  # scalars: nothing to pad
        return arrays
    out = []
    for a in arrays:
        a = a[tuple(slice(0, n) for n in want)]
        out.append(_np.pad(a, [(0, n - m) for n, m in builtins.zip(want, a.shape)],
                           constant_values=0 if value is None else value))
    return out


class Dataset:
    """The base of every dataset (``isinstance(d, mindspore.dataset.Dataset)``)."""

    def __len__(self):
        """``len(dataset)``: its rows (batches after ``batch``) per epoch."""
        return self.get_dataset_size()

    def get_class_indexing(self):
        """The class names' indices: a folder dataset's, read through the stages after it (as
        MindSpore asks a stage's first child); ``{}`` for the other sources."""
        parent = vars(self).get("_parent")
        return {} if parent is None else parent.get_class_indexing()

    def sync_update(self, condition_name, num_batch=None, data=None):
        """Lets the rows of `num_batch` more batches (the barrier's own count by default) through
        the ``sync_wait`` barrier `condition_name` before this stage, after calling its callback
        with `data`; MindSpore's RuntimeError when no barrier has that name."""
        from ._sync import update
        update(self, condition_name, num_batch, data)

    def save(self, file_name, num_files=1, file_type="mindrecord"):
        """Writes one epoch of the rows into `num_files` MindRecord files (``file_name``, or
        ``file_name0``, ``file_name1``, ...), which ``MindDataset`` reads back."""
        from ._mindrecord import save
        save(self, file_name, num_files, file_type)


class PipelineDataset(Dataset):
    """A dataset whose rows come from a Python pipeline; every stage is one of these."""

    def __init__(self, names, rows, size=None, batch_size=1, plan=None):
        self._names = list(names)
        self._rows_of = rows            # epoch -> iterator of row tuples
        self._size = size               # rows per epoch when known without reading
        self._batch_size = batch_size
        # For ``map`` stages whose operations all have a batch form: (names, rows) of the stage
        # before them and their (per-row, per-batch) functions, so that a following ``batch``
        # can stack the rows first and transform whole batches (see ``_BatchPlan``).
        self._plan = plan

    # -- stages --------------------------------------------------------------------------------
    def map(self, operations, input_columns=None, output_columns=None, column_order=None,
            num_parallel_workers=None, callbacks=None, **_ignored):
        check_workers("map", num_parallel_workers)
        ops = list(operations) if isinstance(operations, (list, tuple)) else [operations]
        for op in ops:
            if not callable(op):
                raise DTypeError(f"For 'map', each operation must be callable, but got {type(op).__name__}.")
        if config.get_debug_mode() or any(isinstance(op, DebugHook) for op in ops):
            from ._debug_map import with_debug_hooks
            ops = with_debug_hooks(ops)
        ins = self._columns("map", input_columns if input_columns is not None else self._names[:1])
        outs = ins if output_columns is None else self._columns("map", output_columns, check=False)
        at = [self._names.index(c) for c in ins]
        names = _mapped_names(self._names, ins, outs)

        # Where each output column comes from: ("in", i) a column of the row, ("out", k) the k-th
        # result of the operations.
        source = [("out", outs.index(n)) if n in outs else ("in", self._names.index(n)) for n in names]

        def apply(row):
            vals = tuple(row[i] for i in at)
            for op in ops:
                vals = op(*vals)
                vals = vals if isinstance(vals, tuple) else (vals,)
            if len(vals) != len(outs):
                raise ShapeError(f"For 'map', the operations returned {len(vals)} values for the "
                                 f"{len(outs)} output columns {outs}.")
            vals = tuple(v if isinstance(v, _np.ndarray) else _array(v, n) for v, n in zip(vals, outs))
            return tuple(vals[k] if kind == "out" else row[k] for kind, k in source)

        def apply_batch(cols):
            v = cols[at[0]]
            for op in ops:
                v = op._on_batch(v)
                if v is None:
                    return None
            return tuple(v if kind == "out" else cols[k] for kind, k in source)

        plan = None
        if callbacks is None and len(at) == 1 and len(outs) == 1 and all(hasattr(op, "_on_batch") for op in ops):
            plan = (self._plan or _BatchPlan(self._names, self._rows_of)).then(apply, apply_batch)
        rows = self._rows_of
        if callbacks is not None:  # row by row, with the DSCallbacks' hooks around
            from .callback import with_callbacks
            each = with_callbacks(rows, apply, callbacks)
        else:
            def each(e):
                return (apply(r) for r in rows(e))
        mapped = PipelineDataset(names, each, self._size, self._batch_size, plan)
        return mapped.project(column_order) if column_order is not None else mapped

    def batch(self, batch_size, drop_remainder=False, num_parallel_workers=None,
              per_batch_map=None, input_columns=None, output_columns=None, **_ignored):
        """Batches of `batch_size` rows, stacked per column; with `per_batch_map`, the function
        gets the lists of `input_columns`' arrays (all columns by default) and a ``BatchInfo`` and
        returns the batch's new columns (`output_columns`, else the input names), as MindSpore's."""
        # `batch_size` may be a function of the BatchInfo (MindSpore's per-batch sizes).
        if batch_size is True:  # MindSpore 2.10 takes a bool as the int it is (True: 1)
            batch_size = 1
        b = batch_size if callable(batch_size) else _count(batch_size, "batch", "batch_size", 1)
        check_workers("batch", num_parallel_workers)
        rows, plan, names = self._rows_of, self._plan, self._names
        if plan is not None:
            rows = plan.rows
        size = None
        if self._size is not None and not callable(b):
            size = self._size // b if drop_remainder else -(-self._size // b)
        if not callable(b):  # a barrier before counts this stage's batches
            from ._sync import points_above
            for point in points_above(self):
                point.rows_per_batch = b
        if per_batch_map is not None:
            return self._mapped_batches(b, drop_remainder, per_batch_map, input_columns,
                                        output_columns, size)

        def batches(epoch):
            for _, chunk in _chunks(rows(epoch), b, drop_remainder, epoch):
                yield _stack(chunk, names) if plan is None else plan.batch(chunk, names)

        return PipelineDataset(self._names, batches, size, b if not callable(b) else 1)

    def padded_batch(self, batch_size, drop_remainder=False, num_parallel_workers=None,
                     pad_info=None):
        """Batches whose rows are first padded per column: `pad_info` maps a column to
        ``(pad_shape, pad_value)`` (a None shape: the batch's longest along each axis; a shorter
        one cuts); an empty dict pads every column to the longest with 0; None pads nothing
        (as ``batch``)."""
        if pad_info is None:
            return self.batch(batch_size, drop_remainder, num_parallel_workers)
        if not isinstance(pad_info, dict):
            raise DTypeError(f"For 'padded_batch', 'pad_info' must be a dict or None, but got "
                             f"{type(pad_info).__name__}.")
        names = self._names
        unknown = [c for c in pad_info if c not in names]
        if unknown:
            raise ShapeError(f"For 'padded_batch', 'pad_info' names {unknown}, which are not "
                             f"columns of the dataset {names}.")
        spec = {c: pad_info.get(c, (None, 0)) for c in names} if not pad_info else pad_info
        idx = [names.index(c) for c in spec]

        def padded(*cols_and_info):
            *cols, _ = cols_and_info
            return tuple(_pad_column("padded_batch", c, col, *spec[c])
                         for col, c in builtins.zip(cols, spec))

        return self.batch(batch_size, drop_remainder, num_parallel_workers, per_batch_map=padded,
                          input_columns=[names[i] for i in idx])

    def _mapped_batches(self, b, drop_remainder, per_batch_map, input_columns, output_columns,
                        size):
        if not callable(per_batch_map):
            raise DTypeError(f"For 'batch', 'per_batch_map' must be callable, but got "
                             f"{type(per_batch_map).__name__}.")
        names = self._names
        ins = names if input_columns is None else _names_arg("input_columns", input_columns)
        missing = [c for c in ins if c not in names]
        if missing:
            raise ShapeError(f"For 'batch', 'input_columns' {missing} are not columns of the "
                             f"dataset {names}.")
        outs = list(ins) if output_columns is None else _names_arg("output_columns", output_columns)
        kept = [c for c in names if c not in ins]
        new_names = _mapped_names(names, ins, outs)
        in_idx, kept_idx = [names.index(c) for c in ins], [names.index(c) for c in kept]
        # Where each column of a batch comes from: ("out", k) the k-th result, ("kept", k) the
        # k-th column not read.
        source = [("out", outs.index(n)) if n in outs else ("kept", kept.index(n))
                  for n in new_names]
        rows = self._plan.rows if self._plan is not None else self._rows_of
        plan = self._plan

        def call(chunk, k, epoch):
            if plan is not None:  # the maps before this batch, row by row
                for per_row, _ in plan.stages:
                    chunk = [per_row(r) for r in chunk]
            got = per_batch_map(*[[r[i] for r in chunk] for i in in_idx], BatchInfo(k, epoch))
            got = got if isinstance(got, tuple) else (got,)
            if len(got) != len(outs):
                raise ShapeError(f"For 'batch', per_batch_map returned {len(got)} columns for the "
                                 f"output columns {outs}; give 'output_columns' to name them.")
            made = [_as_batch_column(v, c) for v, c in builtins.zip(got, outs)]
            left = [_stack_column([r[i] for r in chunk], names[i]) for i in kept_idx]
            return tuple(made[k] if kind == "out" else left[k] for kind, k in source)

        def batches(epoch):
            for k, chunk in _chunks(rows(epoch), b, drop_remainder, epoch):
                yield call(chunk, k, epoch)

        return PipelineDataset(new_names, batches, size, b if not callable(b) else 1)

    def shuffle(self, buffer_size):
        """Shuffles within a window of ``buffer_size`` rows (the whole epoch when it is at least
        the dataset's size), as MindSpore's buffer shuffle: when the number of rows is known,
        MindSpore's very order for the dataset seed (`nn/data/order.rs`, ``buffer_order``: one
        generator for the whole run, so epoch ``e`` continues after the draws of the ones
        before); of a source whose length is not known, the same draws taken as its rows
        arrive."""
        n = _count(buffer_size, "shuffle", "buffer_size", 2)
        if n > 2**31 - 1:  # MindSpore's bound
            raise ShapeError(f"Input buffer_size is not within the required interval of [2, "
                             f"2147483647], but got {n}.")
        epochs = _shuffle.buffer_shuffled(self._rows_of, self._size, n, config._op_seed())
        return PipelineDataset(self._names, epochs, self._size, self._batch_size)

    def repeat(self, count=None):
        """The dataset ``count`` times per epoch (forever for None or -1)."""
        if count is not None and count != -1:
            count = _count(count, "repeat", "count", 1)
        rows = self._rows_of

        def repeated(epoch):
            k = 0
            while count in (None, -1) or k < count:
                yield from rows(epoch * 1000 + k)
                k += 1

        size = None if count in (None, -1) or self._size is None else self._size * count
        out = PipelineDataset(self._names, repeated, size, self._batch_size)
        out._repeat = -1 if count in (None, -1) else count
        return out

    def take(self, count=-1):
        if count == -1:
            return self
        n = _count(count, "take", "count", 1)  # MindSpore 2.10: 0 is a ValueError
        rows = self._rows_of

        def taken(epoch):
            for i, r in enumerate(rows(epoch)):
                if i >= n:
                    return
                yield r
        size = None if self._size is None else min(self._size, n)
        return PipelineDataset(self._names, taken, size, self._batch_size)

    def skip(self, count):
        n = _count(count, "skip", "count")
        rows = self._rows_of

        def skipped(epoch):
            for i, r in enumerate(rows(epoch)):
                if i >= n:
                    yield r
        size = None if self._size is None else max(self._size - n, 0)
        return PipelineDataset(self._names, skipped, size, self._batch_size)

    def project(self, columns):
        cols = self._columns("project", columns)
        at = [self._names.index(c) for c in cols]
        rows = self._rows_of
        return PipelineDataset(cols, lambda e: (tuple(r[i] for i in at) for r in rows(e)),
                               self._size, self._batch_size)

    def rename(self, input_columns, output_columns):
        ins = self._columns("rename", input_columns)
        outs = [output_columns] if isinstance(output_columns, str) else list(output_columns)
        if len(ins) != len(outs):
            raise ShapeError(f"For 'rename', {len(ins)} input columns for {len(outs)} output columns.")
        names = [outs[ins.index(n)] if n in ins else n for n in self._names]
        return PipelineDataset(names, self._rows_of, self._size, self._batch_size)

    def zip(self, datasets):
        """Rows side by side with those of ``datasets`` (one or a tuple), as many as the shortest
        has; column names must not repeat."""
        others = list(datasets) if isinstance(datasets, (tuple, list)) else [datasets]
        parts = [self] + [_pipeline(d, "zip") for d in others]
        names = [n for d in parts for n in d._names]
        if len(set(names)) != len(names):
            raise ShapeError(f"For 'zip', the column names must be unique, but got {names}.")
        sizes = [d._size for d in parts]
        size = None if None in sizes else min(sizes)
        def rows(epoch):
            for rs in builtins.zip(*(d._rows_of(epoch) for d in parts)):  # not this method
                yield sum(rs, ())

        return PipelineDataset(names, rows, size, self._batch_size)

    def concat(self, datasets):
        """The rows of this dataset, then those of ``datasets`` (same columns)."""
        others = list(datasets) if isinstance(datasets, (tuple, list)) else [datasets]
        parts = [self] + [_pipeline(d, "concat") for d in others]
        sizes = [d._size for d in parts]
        size = None if None in sizes else sum(sizes)

        # As MindSpore's, the datasets are checked when the rows are read: the same column names,
        # and (on each dataset's first row) the same dtypes and ranks as the first dataset's.
        def rows(epoch):
            kinds = None
            for d in parts:
                if d._names != self._names:
                    raise ComputeError(f"For 'concat', every dataset must have the columns "
                                       f"{self._names}, but one has {d._names}.")
                first = True
                for r in d._rows_of(epoch):
                    if first:
                        got = [(_np.asarray(v).dtype, _np.ndim(v)) for v in r]
                        kinds = got if kinds is None else kinds
                        if got != kinds:
                            raise ComputeError(f"For 'concat', the datasets' columns must have the "
                                               f"same dtypes and ranks, but got {kinds} and {got}.")
                        first = False
                    yield r

        out = PipelineDataset(self._names, rows, size, self._batch_size)
        if size is None:  # each part counts its own rows (MindSpore's size of a concat)
            out._size_of_parts = parts
        return out

    def __add__(self, other):
        return self.concat(other)

    def filter(self, predicate, input_columns=None, num_parallel_workers=None):
        """The rows for which ``predicate`` (called with `input_columns`' values, all columns by
        default) is true."""
        if not callable(predicate):
            raise DTypeError(f"For 'filter', 'predicate' must be callable, but got "
                             f"{type(predicate).__name__}.")
        check_workers("filter", num_parallel_workers)
        cols = self._names if input_columns is None else self._columns("filter", input_columns)
        at = [self._names.index(c) for c in cols]
        rows = self._rows_of

        def kept(epoch):
            for r in rows(epoch):
                if bool(_np.asarray(predicate(*(r[i] for i in at))).all()):
                    yield r

        return PipelineDataset(self._names, kept, None, self._batch_size)

    def flat_map(self, func):
        """The rows of the datasets ``func`` returns for each row (called with its columns), one
        after another; the columns are those of the first returned dataset."""
        if not callable(func):
            raise DTypeError(f"For 'flat_map', 'func' must be callable, but got {type(func).__name__}.")
        rows = self._rows_of

        def inner(row):
            d = func(*row)
            if not isinstance(d, Dataset):
                raise DTypeError(f"For 'flat_map', 'func' must return a Dataset, but got "
                                 f"{type(d).__name__}.")
            return _pipeline(d, "flat_map")

        first = next(iter(rows(0)), None)
        names = inner(first)._names if first is not None else list(self._names)

        def flattened(epoch):
            for r in rows(epoch):
                yield from inner(r)._rows_of(0)

        return PipelineDataset(names, flattened, None, self._batch_size)

    def apply(self, apply_func):
        """``apply_func(self)``, which must return a Dataset."""
        if not callable(apply_func):
            raise DTypeError(f"For 'apply', 'apply_func' must be callable, but got "
                             f"{type(apply_func).__name__}.")
        out = apply_func(self)
        if not isinstance(out, Dataset):
            raise DTypeError(f"For 'apply', 'apply_func' must return a Dataset, but got "
                             f"{type(out).__name__}.")
        return out

    def bucket_batch_by_length(self, column_names, bucket_boundaries, bucket_batch_sizes,
                               element_length_function=None, pad_info=None,
                               pad_to_bucket_boundary=False, drop_remainder=False):
        """Batches of rows of similar length, as MindSpore's: a row's length (the first axis of
        its one column in `column_names`, or ``element_length_function`` of those columns) picks
        its bucket (``[0, b0)``, ``[b0, b1)``, ... ``[b_last, ∞)``), a bucket full of its batch
        size is emitted padded (`pad_info` as ``padded_batch``'s, every column to its longest with
        0 by default; with `pad_to_bucket_boundary`, the None axes to the bucket's boundary − 1,
        the last bucket's to its longest row),
        and the buckets left at the end are emitted in bucket order (unless `drop_remainder`)."""
        op = "bucket_batch_by_length"
        cols = self._columns(op, column_names)
        bounds = [_count(b, op, "bucket_boundaries", 1) for b in bucket_boundaries]
        if not bounds or any(b2 <= b1 for b1, b2 in builtins.zip(bounds, bounds[1:])):
            raise ShapeError(f"For '{op}', 'bucket_boundaries' must be increasing positive ints, "
                             f"but got {bucket_boundaries}.")
        sizes = [_count(b, op, "bucket_batch_sizes", 1) for b in bucket_batch_sizes]
        if len(sizes) != len(bounds) + 1:
            raise ShapeError(f"For '{op}', 'bucket_batch_sizes' must have one more entry than "
                             f"'bucket_boundaries', but got {len(sizes)} for {len(bounds)}.")
        if element_length_function is None:
            if len(cols) != 1:
                raise ShapeError(f"For '{op}', 'element_length_function' is needed for more than "
                                 f"one column, but got {cols}.")
            element_length_function = lambda x: _np.asarray(x).shape[0]  # noqa: E731
        elif not callable(element_length_function):
            raise DTypeError(f"For '{op}', 'element_length_function' must be callable.")
        if pad_info is not None and not isinstance(pad_info, dict):
            raise DTypeError(f"For '{op}', 'pad_info' must be a dict or None, but got "
                             f"{type(pad_info).__name__}.")
        names, rows = self._names, self._rows_of
        at = [names.index(c) for c in cols]
        spec = {c: (pad_info or {}).get(c, (None, 0)) for c in names}

        def emit(chunk, k):
            out = []
            for i, c in enumerate(names):
                shape, value = spec[c]
                if (pad_to_bucket_boundary and k < len(bounds)) and (
                        shape is None or None in shape):
                    # The last bucket has no boundary: its rows are padded to the longest, as
                    # MindSpore 2.10 does (its documentation promises an error).
                    ndim = _np.asarray(chunk[0][i]).ndim
                    base = [None] * ndim if shape is None else list(shape)
                    shape = [bounds[k] - 1 if w is None else w for w in base]
                out.append(_pad_column(op, c, [r[i] for r in chunk], shape, value))
            return _stack([tuple(col[j] for col in out) for j in range(len(chunk))], names)

        def batches(epoch):
            buckets = [[] for _ in sizes]
            for r in rows(epoch):
                length = int(element_length_function(*(r[i] for i in at)))
                k = sum(length >= b for b in bounds)
                buckets[k].append(r)
                if len(buckets[k]) == sizes[k]:
                    yield emit(buckets[k], k)
                    buckets[k] = []
            if not drop_remainder:
                for k, chunk in enumerate(buckets):
                    if chunk:
                        yield emit(chunk, k)

        return PipelineDataset(names, batches, None, 1)  # MindSpore's get_batch_size: 1

    def build_vocab(self, columns, freq_range, top_k, special_tokens, special_first):
        """A ``text.Vocab`` of the words of `columns` (deprecated in MindSpore 2.x for
        ``text.Vocab.from_dataset``, which this calls; MindSpore 2.10 itself returns None)."""
        import warnings
        warnings.warn("mindspore.dataset.Dataset.build_vocab is deprecated from version 2.0 "
                      "and will be removed in a future version. Use "
                      "mindspore.dataset.text.Vocab.from_dataset instead.", DeprecationWarning,
                      stacklevel=2)
        from .text import Vocab
        return Vocab.from_dataset(self, columns, freq_range, top_k, special_tokens, special_first)

    def num_classes(self):
        """The number of classes of a dataset that knows them (``ImageFolderDataset``), else
        None."""
        return None

    _repeat = 1

    def get_repeat_count(self):
        """The count of the last ``repeat`` of the pipeline (-1: forever; 1 without one)."""
        return self._repeat

    def _columns(self, op, columns, check=True):
        cols = [columns] if isinstance(columns, str) else list(columns)
        for c in cols:
            if not isinstance(c, str):
                raise DTypeError(f"For '{op}', column names must be strings, but got {c!r}.")
            if check and c not in self._names:
                raise ShapeError(f"For '{op}', there is no column '{c}'; the columns are {self._names}.")
        return cols

    # -- reading ---------------------------------------------------------------------------------
    def create_tuple_iterator(self, columns=None, num_epochs=-1, output_numpy=False, do_copy=True):
        """An iterator over the rows (batches), each a list with one Tensor (or array) per
        column; as MindSpore's, every ``for`` loop over it runs one more epoch (``num_epochs``
        of them, or without end for -1). Each new iterator starts again from the first epoch, as
        MindSpore's pipelines do (with a set seed, two iterators read the same order)."""
        names = _shown(self._names if columns is None else self._columns("iterator", columns))
        pick = None if names == self._names else [self._names.index(c) for c in names]
        epochs = itertools.count()

        def epoch_rows():
            epoch = next(epochs)
            rows = (row if pick is None else tuple(row[i] for i in pick) for row in self._rows_of(epoch))
            rows = ([_numpy_out(v) for v in vals] if output_numpy
                    else [_tensor_or_strings(v) for v in vals] for vals in rows)
            if config.get_debug_mode():
                yield from rows
            else:
                yield from _prefetched(rows, config.get_prefetch_size())

        return EpochIterator(epoch_rows, num_epochs)

    def create_dict_iterator(self, num_epochs=-1, output_numpy=False, do_copy=True):
        names = _shown(self._names)
        tuples = self.create_tuple_iterator(names, num_epochs, output_numpy)
        _iterators._unregister(tuples)  # the dict iterator below is the user's one
        return EpochIterator(lambda: (dict(zip(names, v)) for v in tuples), num_epochs)

    def __iter__(self):
        return self.create_tuple_iterator()

    def get_dataset_size(self):
        """Rows (batches after ``batch``) per epoch; counted by reading when the source does not
        say."""
        if self._size is None:
            parts = vars(self).get("_size_of_parts")
            self._size = sum(d.get_dataset_size() for d in parts) if parts else \
                sum(1 for _ in self._rows_of(0))
        return self._size

    def get_col_names(self):
        return list(self._names)

    def get_batch_size(self):
        return self._batch_size

    def output_shapes(self):
        """Each column's shape in the first row (a dict column: ``[0]``, as MindSpore 2.10)."""
        row = next(iter(self._rows_of(0)))
        return [[0] if isinstance(v, dict) else list(v.shape) for v in row]

    def output_types(self):
        """Each column's NumPy dtype in the first row (a dict column: ``object``)."""
        row = next(iter(self._rows_of(0)))
        return [_np.dtype(object) if isinstance(v, dict) else v.dtype for v in row]

    def split(self, sizes, randomize=True):
        """The dataset's rows in splits of `sizes` (counts, or fractions adding up to 1), as
        MindSpore's (see ``_split``)."""
        from . import _split
        counts = _split.row_counts(sizes, self.get_dataset_size())
        by_index = vars(self).get("_by_index", False)
        return [PipelineDataset(self._names, _split.reader(self._rows_of, picks), len(picks),
                                self._batch_size)
                for picks in _split.positions(counts, randomize, by_index)]

    def sync_wait(self, condition_name, num_batch=1, callback=None):
        """A barrier that lets `num_batch` batches through, then holds each next one until
        ``sync_update(condition_name, ...)`` (see ``_sync``)."""
        from ._sync import SyncWaitDataset
        return SyncWaitDataset(self, condition_name, num_batch, callback)


def _keeps_repeat(stage):
    """`stage` (a method making the next stage) linked to this one, as MindSpore's stages are to
    their children: the repeat count carried over (``get_repeat_count`` reads the last
    ``repeat`` up the pipeline), and this stage kept as the one ``get_class_indexing`` asks."""
    @functools.wraps(stage)
    def carried(self, *args, **kwargs):
        out = stage(self, *args, **kwargs)
        if isinstance(out, PipelineDataset):
            vars(out).setdefault("_repeat", self._repeat)
            vars(out).setdefault("_parent", self)
            out = _ms_names.as_stage(out, stage.__name__)
        return out
    return carried


for _stage in ("map", "batch", "padded_batch", "shuffle", "repeat", "take", "skip", "project",
               "rename", "zip", "concat", "filter", "flat_map", "bucket_batch_by_length",
               "sync_wait"):
    setattr(PipelineDataset, _stage, _keeps_repeat(getattr(PipelineDataset, _stage)))


def _pipeline(d, op):
    """``d`` as a PipelineDataset (the in-memory datasets convert themselves)."""
    if isinstance(d, PipelineDataset):
        return d
    if hasattr(d, "_as_pipeline"):
        return d._as_pipeline()
    raise DTypeError(f"For '{op}', the datasets must be datasets, but got {type(d).__name__}.")


def zip_datasets(datasets):
    """``mindspore.dataset.zip((a, b, ...))``: the datasets' rows side by side."""
    datasets = list(datasets)
    if len(datasets) < 2:
        raise ShapeError(f"For 'zip', give at least 2 datasets, but got {len(datasets)}.")
    return _pipeline(datasets[0], "zip").zip(tuple(datasets[1:]))


class EpochIterator:
    """MindSpore's dataset iterator: iterating it runs one epoch; the next ``for`` loop over the
    same object runs the next epoch, up to ``num_epochs`` (-1: no limit; past the limit a
    RuntimeError, as MindSpore raises). An error while a row is made (a user function's, a
    reader's) is also a RuntimeError, as MindSpore raises it."""

    def __init__(self, epoch, num_epochs=-1):
        if isinstance(num_epochs, bool) or not isinstance(num_epochs, int) or num_epochs == 0 \
                or num_epochs < -1:
            raise ShapeError(f"For 'create_tuple_iterator', 'num_epochs' must be -1 or positive, "
                             f"but got {num_epochs!r}.")
        self._epoch, self._left, self._rows = epoch, num_epochs, None
        _iterators._register(self)

    def _stop(self):
        """End this iterator: no more rows (``engine.iterators._cleanup``)."""
        self._left, self._rows = 0, None

    def __iter__(self):
        return self

    def __next__(self):
        if self._rows is None:
            if self._left == 0:
                raise RuntimeError("The dataset iterator has run all its num_epochs epochs; create "
                                   "a new iterator (or pass num_epochs=-1) to read more.")
            self._left -= self._left > 0
            self._rows = self._epoch()
        try:
            return next(self._rows)
        except StopIteration:
            self._rows = None
            raise
        except RuntimeError:
            raise
        except Exception as e:  # noqa: BLE001 - any error in the pipeline, as MindSpore raises it
            raise _also_runtime_error(e).with_traceback(e.__traceback__) from e


class _BatchPlan:
    """``map`` stages run on whole batches: a following ``batch`` reads the rows of the stage
    before the maps, stacks them, and applies each map's operations once per batch through their
    ``_on_batch`` forms (NumPy over the stacked arrays rather than a Python call per row). The
    result equals stacking the per-row results: the batch forms are the same elementwise or
    per-axis NumPy expressions with a leading batch axis. Where a batch form does not apply (rows
    of different shapes, a layout it does not handle, an error) the batch is mapped row by row,
    which gives the per-row path's results and errors."""

    def __init__(self, names, rows, stages=()):
        self.names, self.rows, self.stages = list(names), rows, tuple(stages)

    def then(self, per_row, per_batch):
        return _BatchPlan(self.names, self.rows, self.stages + ((per_row, per_batch),))

    def batch(self, chunk, names):
        try:
            cols = _stack(chunk, self.names)
            for _, per_batch in self.stages:
                cols = per_batch(cols)
                if cols is None:
                    break
        except Exception:  # noqa: BLE001 - the row-by-row path below raises the error properly
            cols = None
        if cols is not None:
            return cols
        rows = chunk
        for per_row, _ in self.stages:
            rows = [per_row(r) for r in rows]
        return _stack(rows, names)


def _stack(rows, names):
    return tuple(_stack_column([r[i] for r in rows], n) for i, n in enumerate(names))


def _stack_column(col, name):
    if isinstance(col[0], dict):
        return _pyobjects.stack_dicts(col, name)
    shapes = {c.shape for c in col}
    if len(shapes) > 1:
        # MindSpore's class: a RuntimeError from the pipeline ("Cannot batch tensors with
        # different shapes").
        raise ComputeError(f"For 'batch', column '{name}' has rows of different shapes "
                         f"{sorted(shapes)}; they cannot be stacked into a batch (pad them in a "
                         "per_batch_map).")
    return _np.stack(col)


def _as_batch_column(v, name):
    """A column per_batch_map returned: an array as it is, a list of per-row values stacked."""
    if isinstance(v, _np.ndarray):
        return v
    if isinstance(v, Tensor):
        return v.asnumpy()
    if isinstance(v, dict):
        return _pyobjects.leaves(v, name)
    try:
        return _stack_column([_np.asarray(x) for x in v], name)
    except TypeError:
        raise DTypeError(f"For 'batch', per_batch_map's column '{name}' must be an array or a "
                         f"list of arrays, but got {type(v).__name__}.") from None


class GeneratorDataset(PipelineDataset):
    """``GeneratorDataset(source, column_names=None, column_types=None, schema=None,
    num_samples=None, num_parallel_workers=1, shuffle=None, sampler=None, num_shards=None,
    shard_id=None, ...)``: rows from a random-access source, an iterable or a generator
    function."""

    def __init__(self, source, column_names=None, column_types=None, schema=None, num_samples=None,
                 num_parallel_workers=1, shuffle=None, sampler=None, num_shards=None, shard_id=None,
                 python_multiprocessing=True, max_rowsize=None, batch_sampler=None, collate_fn=None):
        check_workers("GeneratorDataset", num_parallel_workers)
        if batch_sampler is not None or collate_fn is not None:
            self._batches(source, column_names, batch_sampler, collate_fn,
                          (shuffle, sampler, num_shards, num_samples))
            return
        if column_names is None and schema is None:
            raise ShapeError("For 'GeneratorDataset', neither column_names nor schema are "
                             "provided.")
        names = [] if column_names is None else (
            [column_names] if isinstance(column_names, str) else list(column_names))
        if schema is not None:
            # MindSpore 2.10 names the columns after the schema's (a Schema or a schema file),
            # over `column_names`.
            from ._random_data import Schema
            schema = Schema(schema) if isinstance(schema, str) else schema
            if not isinstance(schema, Schema):
                raise DTypeError(f"For 'GeneratorDataset', 'schema' must be a Schema or the path "
                                 f"of a schema file, but got {type(schema).__name__}.")
            names = [c["name"] for c in schema._columns] or names
        random_access = hasattr(source, "__getitem__") and hasattr(source, "__len__")
        if not random_access and not callable(source) and not hasattr(source, "__iter__"):
            raise DTypeError(f"For 'GeneratorDataset', 'source' must be a random-access dataset, an "
                             f"iterable or a generator function, but got {type(source).__name__}.")
        if (num_shards is None) != (shard_id is None):
            raise ShapeError("For 'GeneratorDataset', give both 'num_shards' and 'shard_id' or neither.")
        if num_shards is not None:
            num_shards = _count(num_shards, "GeneratorDataset", "num_shards", 1)
            if not 0 <= _count(shard_id, "GeneratorDataset", "shard_id") < num_shards:
                raise ShapeError(f"For 'GeneratorDataset', 'shard_id' must be in [0, {num_shards}), "
                                 f"but got {shard_id}.")
        limit = None if num_samples is None else _count(num_samples, "GeneratorDataset", "num_samples", 1)
        if random_access:
            n = len(source)
            if sampler is not None and (shuffle is not None or num_shards is not None):
                raise ShapeError("For 'GeneratorDataset', 'sampler' cannot be given with "
                                 "'shuffle', 'num_shards' or 'shard_id'.")
            shuffle = True if shuffle is None else bool(shuffle)
            indices = _np.arange(n, dtype=_np.int64)
            seed = config._op_seed()  # MindSpore's sampler reads the seed when it is made

            def order(epoch):
                if sampler is not None:  # the sampler's rows, drawn anew each epoch
                    idx = _samplers.indices(sampler, n, epoch, getattr(source, "_labels", None))
                    return idx if limit is None else idx[:limit]
                # MindSpore's order of a shuffled epoch (`nn/data/order.rs`); with `num_samples`
                # (and no shards) MindSpore draws the rows with replacement; its distributed
                # sampler shuffles from the seed plus one.
                draws = min(limit, n) if limit is not None and num_shards is None else None
                from_seed = seed + 1 if num_shards is not None else seed
                idx = _np.asarray(_C.shuffle_order(n, from_seed, epoch, draws), _np.int64) \
                    if shuffle else indices
                if num_shards is not None:
                    idx = idx[shard_rows(len(idx), num_shards, shard_id)]
                return idx if limit is None else idx[:limit]

            def rows(epoch):
                for i in order(epoch):
                    yield _row(source[int(i)], names)

            size = len(order(0))
            self._by_index = sampler is None and num_shards is None and limit is None
        else:
            # MindSpore 2.10 reads an iterable source in its order whatever `shuffle` says
            # (measured); a sampler needs random access.
            if sampler is not None:
                raise ShapeError("For 'GeneratorDataset', a sampler needs a random-access source "
                                 "(with __getitem__ and __len__).")

            def rows(epoch):
                it = source() if callable(source) and not hasattr(source, "__iter__") else iter(source)
                for k, item in enumerate(it):
                    if limit is not None and k >= limit:
                        return
                    if num_shards is not None and k % num_shards != shard_id:
                        continue
                    yield _row(item, names)

            size = None
        super().__init__(names, rows, size)

    def _batches(self, source, column_names, batch_sampler, collate_fn, others):
        """Batches of the random-access `source` at the index lists `batch_sampler` yields each
        epoch, each column stacked, or `collate_fn(*columns)` given each column's samples."""
        op = "GeneratorDataset"
        if batch_sampler is None:
            raise ShapeError(f"For '{op}', 'collate_fn' needs 'batch_sampler'.")
        if any(v is not None for v in others):
            raise ShapeError(f"For '{op}', 'batch_sampler' cannot be given with 'shuffle', "
                             "'sampler', 'num_shards' or 'num_samples'.")
        if not (hasattr(source, "__getitem__") and hasattr(source, "__len__")):
            raise ShapeError(f"For '{op}', 'batch_sampler' needs a random-access source (with "
                             "__getitem__ and __len__).")
        if not hasattr(batch_sampler, "__iter__"):
            raise DTypeError(f"For '{op}', 'batch_sampler' must be an iterable of index lists, but "
                             f"got {type(batch_sampler).__name__}.")
        if collate_fn is not None and not callable(collate_fn):
            raise DTypeError(f"For '{op}', 'collate_fn' must be callable, but got "
                             f"{type(collate_fn).__name__}.")
        names = ["column_0"] if column_names is None else (
            [column_names] if isinstance(column_names, str) else list(column_names))

        def rows(epoch):
            for indices in batch_sampler:
                samples = [_row(source[int(i)], names) for i in indices]
                columns = [[s[c] for s in samples] for c in range(len(names))]
                if collate_fn is None:
                    yield tuple(_stack_column(col, n) for col, n in zip(columns, names))
                    continue
                out = collate_fn(*columns)
                out = out if isinstance(out, tuple) else (out,)
                if len(out) != len(names):
                    raise ShapeError(f"For '{op}', collate_fn returned {len(out)} columns for "
                                     f"{names}.")
                yield tuple(_as_batch_column(v, n) for v, n in zip(out, names))

        size = len(batch_sampler) if hasattr(batch_sampler, "__len__") else None
        PipelineDataset.__init__(self, names, rows, size, batch_size=-1)


class PaddedDataset(PipelineDataset):
    """``PaddedDataset(padded_samples)``: the rows of a list of dicts (column name -> value), the
    columns those of the first, in its order.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset as ds
        >>> d = ds.PaddedDataset([{"x": np.zeros(2), "y": 1}, {"x": np.ones(2), "y": 2}])
        >>> print(d.get_col_names(), d.get_dataset_size())
        ['x', 'y'] 2
    """

    def __init__(self, padded_samples):
        if not isinstance(padded_samples, list) or not padded_samples or not all(
                isinstance(r, dict) for r in padded_samples):
            raise DTypeError("For 'PaddedDataset', 'padded_samples' must be a non-empty list of "
                             "dicts.")
        names = list(padded_samples[0])
        for k, r in enumerate(padded_samples):
            if list(r) != names:
                raise ShapeError(f"For 'PaddedDataset', sample {k} has the columns {list(r)}, the "
                                 f"first {names}.")
        table = [tuple(_array(r[n], n) for n in names) for r in padded_samples]
        super().__init__(names, lambda epoch: iter(table), len(table))


# The pipeline stages and the generator source name themselves in their errors (the user's own
# callables run later, while iterating, and their exceptions pass unchanged).
for _cls in (PipelineDataset, GeneratorDataset, PaddedDataset):
    _with_op_name_class(_cls, ("__init__", "map", "batch", "shuffle", "repeat", "take", "skip", "project",
                               "rename", "zip", "concat"))

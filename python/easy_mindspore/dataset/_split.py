"""``Dataset.split(sizes, randomize=True)``, as MindSpore 2.10 splits (measured): `sizes` are
row counts adding up to the dataset's size, or fractions in (0, 1] adding up to 1 (each
``round(f * n)`` rows, the first split taking up the rounding's difference). Without
`randomize` the splits are consecutive runs of the rows; with it, runs of a permutation drawn
once from the pipeline's seed — MindSpore's random sampler's order for a source dataset read by
index, its shuffle's order (a buffer as large as the dataset) for any other pipeline — and each
split reads its rows in that order at every epoch."""
import numpy as np

from .. import _C
from .._errors import ComputeError, DTypeError, ShapeError
from . import config


def row_counts(sizes, n):
    """The rows of each split, after MindSpore's checks and messages."""
    if not isinstance(sizes, list):
        raise DTypeError(f"Argument sizes with value {sizes} is not of type [<class 'list'>], "
                         f"but got {type(sizes)}.")
    if not sizes:
        raise ShapeError("sizes cannot be empty.")
    if all(isinstance(s, int) and not isinstance(s, bool) for s in sizes):
        if any(s <= 0 for s in sizes):
            raise ShapeError("sizes is a list of int, but there should be no negative or zero "
                             "numbers.")
        if sum(sizes) != n:
            raise ComputeError(f"Sum of split sizes {sum(sizes)} is not equal to dataset size "
                               f"{n}.")
        return list(sizes)
    if all(isinstance(s, float) for s in sizes):
        if any(not 0 < s <= 1 for s in sizes):
            raise ShapeError("sizes is a list of float, but there should be no numbers outside "
                             "the range (0, 1].")
        if abs(sum(sizes) - 1) > 1e-6:
            raise ShapeError("sizes is a list of float, but the percentages do not sum up to 1.")
        counts = [round(s * n) for s in sizes]
        counts[0] += n - sum(counts)
        if any(c <= 0 for c in counts):
            raise ComputeError(f"sizes {sizes} split the dataset's {n} rows into {counts}: a "
                               f"split would have no rows.")
        return counts
    raise DTypeError("sizes must be a list of int or a list of float.")


def positions(counts, randomize, by_index):
    """Each split's row positions, in reading order (`by_index`: the source is read by index)."""
    n = sum(counts)
    if not randomize:
        order = np.arange(n)
    elif by_index:
        order = np.asarray(_C.shuffle_order(n, config._op_seed(), 0, None), np.int64)
    else:
        order = np.asarray(_C.buffer_shuffle_order(n, n, config._op_seed(), 0), np.int64)
    ends = np.cumsum(counts)
    return [order[e - c:e] for c, e in zip(counts, ends)]


def reader(rows, picks):
    """The rows (of the epoch) at the positions `picks`, in that order."""
    want = {int(p): k for k, p in enumerate(picks)}

    def read(epoch):
        got = [None] * len(picks)
        for i, row in enumerate(rows(epoch)):
            k = want.get(i)
            if k is not None:
                got[k] = row
        if any(r is None for r in got):
            raise ComputeError(f"For 'split', the dataset gave fewer rows in epoch {epoch} than "
                               f"the {len(got)} of the split's positions.")
        yield from got
    return read

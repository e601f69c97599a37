"""Batches of a pipeline's rows: how many rows each takes (``_chunks``, a fixed size or one per
batch from a function of the ``BatchInfo``) and the ``BatchInfo`` a ``per_batch_map`` and a
batch-size function receive."""
import numpy as _np

from .._errors import ShapeError


def _chunks(rows, size, drop_remainder, epoch):
    """``(k, rows)`` of the batches of an epoch: ``size`` rows each, or ``size(BatchInfo(k,
    epoch))`` rows for the k-th when ``size`` is a function (which must give a positive int); a
    last short batch unless ``drop_remainder``."""
    def want(k):
        if not callable(size):
            return size
        n = size(BatchInfo(k, epoch))
        if isinstance(n, bool) or not isinstance(n, (int, _np.integer)) or n <= 0:
            raise ShapeError(f"For 'batch', the batch_size function must return a positive int, "
                             f"but returned {n!r} for batch {k}.")
        return int(n)

    chunk, k = [], 0
    need = want(0)
    for r in rows:
        chunk.append(r)
        if len(chunk) == need:
            yield k, chunk
            chunk, k = [], k + 1
            need = want(k)
    if chunk and not drop_remainder:
        yield k, chunk


class BatchInfo:
    """What a per_batch_map gets last: the batch's index in its epoch and the epoch's."""

    def __init__(self, batch_num, epoch_num):
        self._batch_num, self._epoch_num = batch_num, epoch_num

    def get_batch_num(self):
        """The batch's index within the epoch (from 0)."""
        return self._batch_num

    def get_epoch_num(self):
        """The epoch's index (from 0)."""
        return self._epoch_num

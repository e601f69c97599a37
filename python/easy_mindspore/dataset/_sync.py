"""``Dataset.sync_wait`` and ``sync_update``: a barrier in the pipeline that lets ``num_batch``
batches through, then holds the next row until the training loop calls
``dataset.sync_update(condition_name, data=...)``, which first calls the barrier's callback with
``data`` (MindSpore's way to change an augmentation's parameters between steps). The stages after
the barrier (its ``map``s) run on a row only once it is let through. As MindSpore 2.10 (measured):
a batch counts the rows of a ``batch`` after the barrier, and a barrier that waits 60 seconds
without an update warns and stops holding rows."""
import threading
import warnings

from .._errors import ComputeError, DTypeError, ShapeError
from .pipeline import PipelineDataset

# Seconds MindSpore 2.10 waits for a sync_update before it warns and lets every row through.
TIMEOUT = 60.0


def check_name(name):
    if not isinstance(name, str):
        raise DTypeError(f"Argument condition_name with value {name!r} is not of type "
                         f"[<class 'str'>], but got {type(name)}.")


def check_num_batch(num_batch):
    if isinstance(num_batch, bool) or not isinstance(num_batch, int):
        raise DTypeError(f"Argument num_batch with value {num_batch!r} is not of type "
                         f"[<class 'int'>], but got {type(num_batch)}.")
    if num_batch <= 0:
        raise ShapeError("num_batch need to be greater than 0.")


class SyncPoint:
    """One barrier: how many rows may still pass before the next update."""

    def __init__(self, name, num_batch, callback):
        self.name = name
        self.num_batch = num_batch
        self.callback = callback
        self.rows_per_batch = 1  # set by a ``batch`` after the barrier
        self._cond = threading.Condition()
        self._left = 0
        self._holding = True

    def rows(self, upstream):
        def synced(epoch):
            if epoch == 0:  # a new iterator starts with num_batch batches free
                with self._cond:
                    self._left = self.num_batch * self.rows_per_batch
                    self._holding = True
            for row in upstream(epoch):
                self._pass()
                yield row
        return synced

    def _pass(self):
        with self._cond:
            if self._holding and self._left <= 0:
                if not self._cond.wait_for(lambda: self._left > 0, TIMEOUT):
                    warnings.warn(f"Timeout happened in sync_wait '{self.name}', maybe "
                                  "dataset.sync_update(condition_name=...) is not called after "
                                  "each step of the iterator; now disabling the lock.",
                                  stacklevel=2)
                    self._holding = False
            self._left -= 1

    def update(self, num_batch, data):
        if self.callback is not None:
            self.callback(data)
        with self._cond:
            self._left += (self.num_batch if num_batch is None else num_batch) * self.rows_per_batch
            self._cond.notify_all()


class SyncWaitDataset(PipelineDataset):
    """The stage ``sync_wait`` makes (MindSpore's class name)."""

    def __init__(self, parent, name, num_batch, callback):
        check_name(name)
        check_num_batch(num_batch)
        if callback is not None and not callable(callback):
            raise DTypeError(f"For 'sync_wait', 'callback' must be callable or None, but got "
                             f"{type(callback).__name__}.")
        self._sync_point = SyncPoint(name, num_batch, callback)
        super().__init__(parent._names, self._sync_point.rows(parent._rows_of), parent._size,
                         parent._batch_size)


def points_above(d):
    """The barriers of ``d`` and the stages before it, nearest first."""
    while d is not None:
        p = vars(d).get("_sync_point")
        if p is not None:
            yield p
        d = vars(d).get("_parent")


def update(d, name, num_batch, data):
    check_name(name)
    if num_batch is not None:
        check_num_batch(num_batch)
    for p in points_above(d):
        if p.name == name:
            p.update(num_batch, data)
            return
    raise ComputeError("Condition name not found.")

"""``mindspore.dataset.callback``: ``DSCallback``, whose methods ``map`` calls as rows pass
through it (``ds_begin`` once, ``ds_epoch_begin``/``ds_epoch_end`` around each epoch,
``ds_step_begin``/``ds_step_end`` around every `step_size`-th row: rows 1, 1 + step_size, ... of
each epoch, as MindSpore 2.10 calls them), and ``WaitedDSCallback``, also a training callback,
which holds the pipeline at each step (epoch) until the training step (epoch) before it has
ended, so that ``sync_step_begin``/``sync_epoch_begin`` can change the pipeline with what the
training step did. Each method gets a ``DSRunContext`` with ``cur_epoch_num``,
``cur_step_num_in_epoch`` and ``cur_step_num`` (counted over all epochs)."""
import threading

from .._errors import ComputeError, DTypeError, ShapeError
from ..train.callback import Callback
from . import config

__all__ = ["DSCallback", "WaitedDSCallback", "DSRunContext"]


class DSRunContext:
    """Where the pipeline is: ``cur_epoch_num``, ``cur_step_num_in_epoch``, ``cur_step_num``."""

    def __init__(self, epoch, step_in_epoch, step):
        self.cur_epoch_num, self.cur_step_num_in_epoch, self.cur_step_num = epoch, step_in_epoch, step

    def __repr__(self):
        return (f"DSRunContext(cur_epoch_num={self.cur_epoch_num}, cur_step_num_in_epoch="
                f"{self.cur_step_num_in_epoch}, cur_step_num={self.cur_step_num})")


def _step_size(step_size):
    if isinstance(step_size, bool) or not isinstance(step_size, int):
        raise DTypeError(f"Argument step_size with value {step_size!r} is not of type [<class 'int'>].")
    if not 1 <= step_size <= 2**31 - 1:
        raise ShapeError("Input step_size is not within the required interval of [1, 2147483647].")
    return step_size


class DSCallback:
    """The base of the pipeline's callbacks (``dataset.map(..., callbacks=...)``): override the
    methods wanted.

    Args:
        step_size (int, optional): Every how many rows ``ds_step_begin``/``ds_step_end`` run.
            Default: ``1``.

    Outputs:
        The callback.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset as ds
        >>> class Steps(ds.DSCallback):
        ...     def ds_step_begin(self, ds_run_context):
        ...         print("step", ds_run_context.cur_step_num)
        >>> data = ds.NumpySlicesDataset({"x": np.arange(3)}, shuffle=False).map(lambda x: x, callbacks=Steps(2))
        >>> _ = [r for r in data.create_tuple_iterator()]
        step 1
        step 3
    """

    def __init__(self, step_size=1):
        self.step_size = _step_size(step_size)

    def ds_begin(self, ds_run_context):
        """Called once, before the first row."""

    def ds_epoch_begin(self, ds_run_context):
        """Called before each epoch's first row."""

    def ds_epoch_end(self, ds_run_context):
        """Called after each epoch's last row."""

    def ds_step_begin(self, ds_run_context):
        """Called before every `step_size`-th row."""

    def ds_step_end(self, ds_run_context):
        """Called after every `step_size`-th row."""

    def _hooks(self):
        """The methods this callback overrides: ``{name: bound method}``."""
        names = ("ds_begin", "ds_epoch_begin", "ds_epoch_end", "ds_step_begin", "ds_step_end")
        hooks = {n: getattr(self, n) for n in names
                 if getattr(type(self), n) is not getattr(DSCallback, n)}
        if not hooks:
            raise AttributeError("Inheriting Callback class without overriding any methods, check the "
                                 "usage of user defined Callback.")
        return hooks


class WaitedDSCallback(Callback, DSCallback):
    """A pipeline callback synchronised with training: from the second step (epoch) on, the
    pipeline waits before each `step_size`-th row (each epoch) until the training step (epoch)
    has ended, then calls ``sync_step_begin(train_run_context, ds_run_context)``
    (``sync_epoch_begin``). Pass it both to ``map(callbacks=...)`` and to ``Model.train``.

    Args:
        step_size (int, optional): Rows per training step (the batch size, when the map comes
            before ``batch``). Default: ``1``.

    Outputs:
        The callback.

    Raises:
        RuntimeError: a wait longer than ``config.get_callback_timeout()`` seconds.

    Examples:
        >>> import mindspore.dataset as ds
        >>> class Sync(ds.WaitedDSCallback):
        ...     def sync_step_begin(self, train_run_context, ds_run_context):
        ...         pass
        >>> print(Sync(step_size=2).step_size)
        2
    """

    def __init__(self, step_size=1):
        Callback.__init__(self)
        DSCallback.__init__(self, step_size)
        self.step_event, self.step_run_context = threading.Event(), None
        self.epoch_event, self.epoch_run_context = threading.Event(), None
        self.training_ended = False

    def sync_epoch_begin(self, train_run_context, ds_run_context):
        """Called (override it) before each epoch after the first, once training's epoch ended."""

    def sync_step_begin(self, train_run_context, ds_run_context):
        """Called (override it) before each step after the first, once training's step ended."""

    def epoch_end(self, run_context):
        """Training hook: the epoch has ended; the pipeline may go on."""
        self.epoch_run_context = run_context
        self.epoch_event.set()

    def step_end(self, run_context):
        """Training hook: the step has ended; the pipeline may go on."""
        self.step_run_context = run_context
        self.step_event.set()

    def end(self, run_context):
        """Training hook: training has ended; the pipeline no longer waits."""
        self.epoch_end(run_context)
        self.step_end(run_context)
        self.training_ended = True

    def _wait(self, event, what):
        if not self.training_ended:
            timeout = config.get_callback_timeout()
            if not event.wait(timeout=timeout):
                raise ComputeError(f"{what} timed out after {timeout} second(s).")
            event.clear()

    def ds_epoch_begin(self, ds_run_context):
        """Waits for training's epoch, then calls ``sync_epoch_begin``."""
        if ds_run_context.cur_epoch_num > 1:
            self._wait(self.epoch_event, "ds_epoch_begin")
            self.sync_epoch_begin(self.epoch_run_context, ds_run_context)

    def ds_step_begin(self, ds_run_context):
        """Waits for training's step, then calls ``sync_step_begin``."""
        if ds_run_context.cur_step_num > self.step_size:
            self._wait(self.step_event, "ds_step_begin")
            self.sync_step_begin(self.step_run_context, ds_run_context)

    def _hooks(self):
        hooks = {}
        if type(self).sync_step_begin is not WaitedDSCallback.sync_step_begin:
            hooks["ds_step_begin"] = self.ds_step_begin
        if type(self).sync_epoch_begin is not WaitedDSCallback.sync_epoch_begin:
            hooks["ds_epoch_begin"] = self.ds_epoch_begin
        if not hooks:
            raise AttributeError("Inheriting Callback class without overriding any methods, check the "
                                 "usage of user defined Callback.")
        return hooks


def with_callbacks(rows, apply, callbacks):
    """``rows`` (a function of the epoch giving rows) mapped by ``apply``, calling the callbacks'
    hooks around epochs and steps (``DSCallback``'s schedule)."""
    cbs = list(callbacks) if isinstance(callbacks, (list, tuple)) else [callbacks]
    for cb in cbs:
        if not isinstance(cb, DSCallback):
            raise DTypeError(f"For 'map', callbacks must be DSCallback objects, but got {type(cb).__name__}.")
    hooks = [(cb.step_size, cb._hooks()) for cb in cbs]
    state = {"begun": False, "epoch": 0, "steps": 0}

    def call(name, ctx, step=None):
        for size, h in hooks:
            if name in h and (step is None or (step - 1) % size == 0):
                h[name](ctx)

    def mapped(e):
        if not state["begun"]:
            state["begun"] = True
            call("ds_begin", DSRunContext(0, 0, 0))
        state["epoch"] += 1
        epoch = state["epoch"]
        call("ds_epoch_begin", DSRunContext(epoch, 0, state["steps"]))
        i = 0
        for i, row in enumerate(rows(e), 1):
            state["steps"] += 1
            ctx = DSRunContext(epoch, i, state["steps"])
            call("ds_step_begin", ctx, i)
            out = apply(row)
            call("ds_step_end", ctx, i)
            yield out
        call("ds_epoch_end", DSRunContext(epoch, i, state["steps"]))
    return mapped

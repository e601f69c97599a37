"""``Callback``, ``RunContext`` and the callback list ``Model`` runs: a callback's
``on_train_*`` / ``on_eval_*`` methods are called at each stage of ``Model.train``, ``eval`` and
``fit``; by default they call the older names (``begin``, ``epoch_begin``, ``step_begin``,
``step_end``, ``epoch_end``, ``end``), as in MindSpore."""
from contextlib import ExitStack

import numpy as np

from ..._C import Tensor
from ..._errors import DTypeError, Error

__all__ = ["Callback", "RunContext"]

# The network the graph's checkpoint-saving op fills (``_set_cur_net``), until filled once.
_CUR_NET = [None]

_STAGES = ("begin", "epoch_begin", "step_begin", "step_end", "epoch_end", "end")


class Callback:
    """The base class of the callbacks ``Model.train``, ``eval`` and ``fit`` run.

    Override ``on_train_begin``, ``on_train_epoch_begin``, ``on_train_step_begin``,
    ``on_train_step_end``, ``on_train_epoch_end``, ``on_train_end`` and the ``on_eval_*``
    counterparts; each takes a :class:`RunContext`. The ``on_*`` methods call
    ``begin``/``epoch_begin``/``step_begin``/``step_end``/``epoch_end``/``end`` by default, so a
    callback written with the older names works in both training and evaluation. A callback is
    a context manager, entered while ``Model`` runs it.

    Outputs:
        None: a callback acts through its methods (printing, saving, changing the optimizer,
        ``run_context.request_stop()``); their return values are ignored.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Callback, Model
        >>> class StepCounter(Callback):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.steps = 0
        ...     def on_train_step_end(self, run_context):
        ...         self.steps += 1
        ...     def on_train_epoch_end(self, run_context):
        ...         cb_params = run_context.original_args()
        ...         print(f"epoch {cb_params.cur_epoch_num}: {self.steps} steps")
        >>> net = nn.Dense(1, 1)
        >>> x = np.ones((6, 1), np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, x), shuffle=False).batch(2)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
        >>> model.train(2, data, callbacks=[StepCounter()])
        epoch 1: 3 steps
        epoch 2: 6 steps
    """

    def __enter__(self):
        return self

    def __exit__(self, *err):
        return None

    def begin(self, run_context):
        """Called once before training or evaluation (older name)."""

    def epoch_begin(self, run_context):
        """Called before each epoch (older name)."""

    def epoch_end(self, run_context):
        """Called after each epoch (older name)."""

    def step_begin(self, run_context):
        """Called before each step (older name)."""

    def step_end(self, run_context):
        """Called after each step (older name)."""

    def end(self, run_context):
        """Called once after training or evaluation (older name)."""

    def on_train_begin(self, run_context):
        """Called once before training; calls ``begin``."""
        self.begin(run_context)

    def on_train_epoch_begin(self, run_context):
        """Called before each training epoch; calls ``epoch_begin``."""
        self.epoch_begin(run_context)

    def on_train_epoch_end(self, run_context):
        """Called after each training epoch; calls ``epoch_end``."""
        self.epoch_end(run_context)

    def on_train_step_begin(self, run_context):
        """Called before each training step; calls ``step_begin``."""
        self.step_begin(run_context)

    def on_train_step_end(self, run_context):
        """Called after each training step; calls ``step_end``."""
        self.step_end(run_context)

    def on_train_end(self, run_context):
        """Called once after training; calls ``end``."""
        self.end(run_context)

    def on_eval_begin(self, run_context):
        """Called once before evaluation; calls ``begin``."""
        self.begin(run_context)

    def on_eval_epoch_begin(self, run_context):
        """Called before the evaluation pass; calls ``epoch_begin``."""
        self.epoch_begin(run_context)

    def on_eval_epoch_end(self, run_context):
        """Called after the evaluation pass; calls ``epoch_end``."""
        self.epoch_end(run_context)

    def on_eval_step_begin(self, run_context):
        """Called before each evaluation step; calls ``step_begin``."""
        self.step_begin(run_context)

    def on_eval_step_end(self, run_context):
        """Called after each evaluation step; calls ``step_end``."""
        self.step_end(run_context)

    def on_eval_end(self, run_context):
        """Called once after evaluation; calls ``end``."""
        self.end(run_context)


def _callback_list(callbacks):
    """``callbacks`` (None, a Callback or a list of them) as a list."""
    if callbacks is None:
        return []
    if isinstance(callbacks, Callback):
        return [callbacks]
    if isinstance(callbacks, list):
        for cb in callbacks:
            if not isinstance(cb, Callback):
                raise DTypeError("When the 'callbacks' is a list, the elements in 'callbacks' must be "
                                 f"Callback functions, but got {type(cb).__name__}.")
        return list(callbacks)
    raise DTypeError(f"The 'callbacks' is not a Callback or a list of Callback, but got "
                     f"{type(callbacks).__name__}.")


class _CallbackManager(Callback):
    """Runs a list of callbacks in order; entering it enters each callback (their ``__enter__``
    may return a replacement)."""

    def __init__(self, callbacks):
        self._callbacks = _callback_list(callbacks)
        self._stack = None

    def __enter__(self):
        if self._stack is None:
            self._stack = ExitStack().__enter__()
            self._callbacks = [self._enter(cb) for cb in self._callbacks]
        return self

    def _enter(self, cb):
        target = self._stack.enter_context(cb)
        return target if isinstance(target, Callback) else cb

    def __exit__(self, *err):
        stack, self._stack = self._stack, None
        return stack.__exit__(*err) if stack is not None else None


def _forward(stage):
    def run(self, run_context):
        for cb in self._callbacks:
            getattr(cb, stage)(run_context)

    run.__name__ = stage
    run.__doc__ = f"Calls ``{stage}`` of every callback, in order."
    return run


for _stage in _STAGES + tuple(f"on_{m}_{s}" for m in ("train", "eval")
                              for s in ("begin", "epoch_begin", "epoch_end", "step_begin",
                                        "step_end", "end")):
    setattr(_CallbackManager, _stage, _forward(_stage))
del _stage


class MissingCallbackParam(Error, KeyError, AttributeError):
    """A ``cb_params`` key read as an attribute before it is set (``cur_epoch_num`` in
    ``on_train_begin``): a KeyError, as MindSpore 2.10 raises, and also an AttributeError, so
    that ``hasattr`` and ``getattr(cb_params, key, default)`` answer instead of raising (in
    MindSpore they raise the KeyError)."""


class _InternalCallbackParam(dict):
    """The ``cb_params`` dict: its keys read and written as attributes (``cb_params.cur_step_num``);
    a missing one is a :class:`MissingCallbackParam`."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise MissingCallbackParam(key) from None

    def __setattr__(self, key, value):
        self[key] = value


class RunContext:
    """What a callback sees of the running ``Model``, passed to every callback method.

    ``original_args()`` is the ``cb_params`` dict (its keys also read as attributes:
    ``train_network``, ``epoch_num``, ``batch_num``, ``cur_epoch_num``, ``cur_step_num``,
    ``net_outputs``, ``optimizer``, ``loss_fn``, ``mode``, ``metrics``...), and
    ``request_stop()`` ends training after the current step.

    Args:
        original_args (dict): The values the callbacks read and write.

    Outputs:
        ``original_args()`` returns the dict; ``get_stop_requested()`` returns a bool, True once
        ``request_stop()`` was called.

    Raises:
        TypeError: `original_args` not a dict.

    Examples:
        >>> from mindspore.train import RunContext
        >>> rc = RunContext({"cur_step_num": 3})
        >>> rc.original_args()["cur_step_num"], rc.get_stop_requested()
        (3, False)
        >>> rc.request_stop()
        >>> rc.get_stop_requested()
        True
    """

    def __init__(self, original_args):
        if not isinstance(original_args, dict):
            raise DTypeError("The argument 'original_args' of RunContext should be dict type, but got "
                             f"{type(original_args)}.")
        self._original_args = original_args
        self._stop_requested = False

    def original_args(self):
        """The ``cb_params`` dict (its keys also read as attributes)."""
        return self._original_args

    def request_stop(self):
        """Asks ``Model`` to stop after the current step."""
        self._stop_requested = True

    def get_stop_requested(self):
        """True once ``request_stop`` was called."""
        return self._stop_requested


def _handle_loss(loss):
    """The loss a monitor prints: the first element of a tuple output (as it is), or the mean of a
    Tensor output as a Python float."""
    if isinstance(loss, (tuple, list)):
        if loss and isinstance(loss[0], Tensor):
            return loss[0]
    elif isinstance(loss, Tensor):
        return float(np.mean(loss.asnumpy()))
    return loss


def _set_cur_net(net):
    """Sets the network :func:`_checkpoint_cb_for_save_op` fills (MindSpore's hook for the
    checkpoint-saving op of a graph)."""
    _CUR_NET[0] = net


def _checkpoint_cb_for_save_op(parameter_list):
    """Loads ``parameter_list`` (dicts of ``'name'`` and ``'data'``, a Tensor) into the network set
    by :func:`_set_cur_net`, matched by name (the dtypes must match); the network is filled once,
    as MindSpore's: the call returns True when it filled it, False when no network is set (or it
    was filled already)."""
    net = _CUR_NET[0]
    if net is None:
        return False
    from ..._C import Parameter
    from ..._checkpoint import load_param_into_net
    values = {p["name"]: Parameter(p["data"], name=p["name"]) for p in parameter_list}
    load_param_into_net(net, values, strict_load=True)
    _CUR_NET[0] = None
    return True

"""Callbacks that report: ``LossMonitor`` (prints the loss), ``TimeMonitor`` (prints epoch and
step times), ``History`` (records outputs and metrics per epoch) and ``LambdaCallback`` (a
callback from functions). Their printed lines are MindSpore's."""
import time

import numpy as np

from ..._C import Tensor
from ..._errors import ShapeError
from .._checks import check_bool, check_non_negative_int, check_positive_int
from ._callback import Callback, _handle_loss

__all__ = ["LossMonitor", "TimeMonitor", "History", "LambdaCallback"]


class LossMonitor(Callback):
    """Prints the training loss every ``per_print_times`` steps.

    Each print is ``epoch: E step: S, loss is L`` (S counted within the epoch); a NaN or
    infinite loss stops training with a ValueError. In ``Model.fit`` it also prints
    ``Eval result: epoch E, metrics: {...}`` after each evaluated epoch.

    Args:
        per_print_times (int, optional): How many steps between two prints; 0 prints nothing.
            Default: ``1``.

    Outputs:
        None: the callback prints, its methods return nothing.

    Raises:
        TypeError: `per_print_times` not an int.
        ValueError: `per_print_times` negative; a NaN or infinite loss while training.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, LossMonitor
        >>> net = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')
        >>> x = np.array([[1.0], [2.0]], np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, 2 * x), shuffle=False).batch(1)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
        >>> model.train(2, data, callbacks=[LossMonitor(per_print_times=1)])
        epoch: 1 step: 1, loss is 4.0
        epoch: 1 step: 2, loss is 7.839999675750732
        epoch: 2 step: 1, loss is 0.23040001094341278
        epoch: 2 step: 2, loss is 0.08294392377138138
    """

    def __init__(self, per_print_times=1):
        super().__init__()
        check_non_negative_int(per_print_times)
        self._per_print_times = per_print_times
        self._last_print_time = 0

    def step_end(self, run_context):
        """Checks the loss and prints it every ``per_print_times`` steps."""
        cb = run_context.original_args()
        epoch = cb.get("cur_epoch_num", 1)
        loss = _handle_loss(cb.net_outputs)
        step_in_epoch = (cb.cur_step_num - 1) % cb.batch_num + 1
        if isinstance(loss, float) and not np.isfinite(loss):
            raise ShapeError(f"In epoch: {epoch} step: {step_in_epoch}, loss is NAN or INF, training "
                             "process cannot continue, terminating training.")
        every = self._per_print_times
        if every == 0:
            return
        # a new train() call restarts the step count: move the last print back before it
        while cb.cur_step_num <= self._last_print_time:
            self._last_print_time -= max(every, cb.batch_num if cb.get("dataset_sink_mode") else 1)
        if cb.cur_step_num - self._last_print_time >= every:
            self._last_print_time = cb.cur_step_num
            print(f"epoch: {epoch} step: {step_in_epoch}, loss is {loss}", flush=True)

    def on_train_epoch_end(self, run_context):
        """In ``fit``: prints the epoch's evaluation metrics."""
        cb = run_context.original_args()
        metrics = cb.get("metrics")
        if metrics:
            print("Eval result: epoch %d, metrics: %s" % (cb.cur_epoch_num, metrics), flush=True)


class TimeMonitor(Callback):
    """Prints the time of each training epoch and of one step.

    After each epoch it prints ``Train epoch time: T ms, per step time: S ms``, the time per
    step dividing by the epoch's number of steps (``batch_num``), else by `data_size`; with
    `data_time` it appends ``(data time: D ms)``, the mean time per step spent waiting for data.

    Args:
        data_size (int, optional): The number of steps of an epoch, used when the dataset does
            not give it. Default: ``None``.
        data_time (bool, optional): Whether to also print the time spent waiting for data.
            Default: ``False``.

    Outputs:
        None: the callback prints, its methods return nothing.

    Raises:
        TypeError: `data_time` not a bool.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, TimeMonitor
        >>> net = nn.Dense(1, 1)
        >>> x = np.ones((4, 1), np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, x), shuffle=False).batch(2)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
        >>> model.train(1, data, callbacks=[TimeMonitor()])
        Train epoch time: ... ms, per step time: ... ms
    """

    def __init__(self, data_size=None, data_time=False):
        super().__init__()
        self.data_size = data_size
        self.epoch_time = time.time()
        self.data_time = check_bool(data_time, "data_time")
        self.data_time_sum = 0.0
        self.data_time_start = 0.0

    def on_train_step_begin(self, run_context):
        """Adds the time since the last step ended to the data time."""
        if self.data_time:
            self.data_time_sum += time.time() - self.data_time_start

    def on_train_step_end(self, run_context):
        """Starts the data-time clock."""
        if self.data_time:
            self.data_time_start = time.time()

    def epoch_begin(self, run_context):
        """Starts the epoch clock."""
        self.epoch_time = time.time()
        if self.data_time:
            self.data_time_sum = 0.0
            self.data_time_start = time.time()

    def epoch_end(self, run_context):
        """Prints the epoch time and the time per step."""
        epoch_ms = (time.time() - self.epoch_time) * 1000
        cb = run_context.original_args()
        steps = self.data_size
        batch_num = cb.get("batch_num")
        if isinstance(batch_num, int) and batch_num > 0:
            steps = batch_num
        check_positive_int(steps)
        line = "{} epoch time: {:5.3f} ms, per step time: {:5.3f} ms".format(
            cb.get("mode", "").title(), epoch_ms, epoch_ms / steps)
        if self.data_time:
            line += " (data time: {:5.3f} ms)".format(self.data_time_sum * 1000 / steps)
        print(line, flush=True)


class History(Callback):
    """Records the network's output and the evaluation metrics of each training epoch.

    ``history`` maps ``'net_output'`` (the mean of the epoch's last output) and, in
    ``Model.fit``, each metric name to a list with one value per epoch; ``epoch`` is
    ``{'epoch': [1, 2, ...]}``.

    Outputs:
        None: the records are the attributes ``history`` and ``epoch``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, History
        >>> net = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')
        >>> x = np.array([[1.0], [2.0]], np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, 2 * x), shuffle=False).batch(2)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
        >>> history = History()
        >>> model.train(2, data, callbacks=[history])
        >>> print(history.epoch, [round(float(v), 4) for v in history.history['net_output']])
        {'epoch': [1, 2]} [10.0, 1.06]
    """

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = None

    def begin(self, run_context):
        """Starts the epoch list."""
        self.epoch = {"epoch": []}

    def epoch_end(self, run_context):
        """Records the epoch's output and metrics."""
        cb = run_context.original_args()
        if self.epoch is None:
            self.epoch = {"epoch": []}
        self.epoch["epoch"].append(cb.get("cur_epoch_num", 1))
        out = cb.get("net_outputs")
        if isinstance(out, (tuple, list)) and out and isinstance(out[0], Tensor):
            out = out[0]
        if isinstance(out, Tensor):
            out = np.mean(out.asnumpy())
        record = {"net_output": out}
        record.update(cb.get("metrics") or {})
        for k, v in record.items():
            self.history.setdefault(k, []).append(v)


_HOOKS = ("on_train_epoch_begin", "on_train_epoch_end", "on_train_step_begin", "on_train_step_end",
          "on_train_begin", "on_train_end", "on_eval_epoch_begin", "on_eval_epoch_end",
          "on_eval_step_begin", "on_eval_step_end", "on_eval_begin", "on_eval_end")


def _nothing(run_context):
    return None


class LambdaCallback(Callback):
    """A callback made of functions, one per stage.

    Each given ``on_*`` function of ``run_context`` is called at its stage of ``Model.train``,
    ``eval`` or ``fit``; the stages not given do nothing.

    Args:
        on_train_epoch_begin (Function, optional): Called before each training epoch.
            Default: ``None``.
        on_train_epoch_end (Function, optional): Called after each training epoch.
            Default: ``None``.
        on_train_step_begin (Function, optional): Called before each training step.
            Default: ``None``.
        on_train_step_end (Function, optional): Called after each training step.
            Default: ``None``.
        on_train_begin (Function, optional): Called once before training. Default: ``None``.
        on_train_end (Function, optional): Called once after training. Default: ``None``.
        on_eval_epoch_begin (Function, optional): Called before the evaluation pass.
            Default: ``None``.
        on_eval_epoch_end (Function, optional): Called after the evaluation pass.
            Default: ``None``.
        on_eval_step_begin (Function, optional): Called before each evaluation step.
            Default: ``None``.
        on_eval_step_end (Function, optional): Called after each evaluation step.
            Default: ``None``.
        on_eval_begin (Function, optional): Called once before evaluation. Default: ``None``.
        on_eval_end (Function, optional): Called once after evaluation. Default: ``None``.

    Outputs:
        None: the functions' return values are ignored.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, LambdaCallback
        >>> net = nn.Dense(1, 1)
        >>> x = np.ones((4, 1), np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, x), shuffle=False).batch(2)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
        >>> show = LambdaCallback(on_train_step_end=lambda run_context: print(
        ...     "step", run_context.original_args().cur_step_num))
        >>> model.train(2, data, callbacks=[show])
        step 1
        step 2
        step 3
        step 4
    """

    def __init__(self, on_train_epoch_begin=None, on_train_epoch_end=None, on_train_step_begin=None,
                 on_train_step_end=None, on_train_begin=None, on_train_end=None,
                 on_eval_epoch_begin=None, on_eval_epoch_end=None, on_eval_step_begin=None,
                 on_eval_step_end=None, on_eval_begin=None, on_eval_end=None):
        super().__init__()
        given = locals()
        for hook in _HOOKS:
            fn = given[hook]
            setattr(self, hook, fn if fn else _nothing)

"""``EarlyStopping`` and ``ReduceLROnPlateau``: callbacks that watch a monitored value after each
training epoch (``'loss'``: the last step's loss; any other name: ``fit``'s evaluation result of
that name, ``'eval_loss'`` included) and stop training or lower the learning rate when it stops
improving. ``mode='auto'`` treats losses and errors as smaller-is-better and the rest as
larger-is-better."""
import warnings

import numpy as np

from ..._C import Tensor
from ..._checkpoint import load_param_into_net
from ..._errors import ShapeError
from .._checks import check_bool, check_non_negative_int, check_number, check_str
from ._callback import Callback, _handle_loss

__all__ = ["EarlyStopping", "ReduceLROnPlateau"]

_SMALLER_IS_BETTER = ("hausdorff_distance", "mae", "mse", "loss", "perplexity",
                      "mean_surface_distance", "root_mean_square_distance", "eval_loss")


class _Watch(Callback):
    """The monitored value and its improvement test, shared by both callbacks."""

    def _setup(self, monitor, mode, min_delta):
        self.monitor = check_str(monitor, "monitor")
        self.mode = check_str(mode, "mode")
        self.min_delta = abs(check_number(min_delta, "min_delta"))
        if self.mode not in ("auto", "min", "max"):
            raise ShapeError(f"mode should be 'auto', 'min' or 'max', but got {self.mode}.")
        self._smaller = self.mode == "min" or (self.mode == "auto" and monitor in _SMALLER_IS_BETTER)
        self._reset_best()

    def _reset_best(self):
        self.best = np.inf if self._smaller else -np.inf

    def is_improvement(self, current, best):
        """True when ``current`` beats ``best`` by more than ``min_delta``."""
        if self._smaller:
            return bool(np.less(current, best - self.min_delta))
        return bool(np.greater(current, best + self.min_delta))

    def _monitor_value(self, cb):
        candidates = {}
        if self.monitor == "loss":
            value = _handle_loss(cb.get("net_outputs"))
            if hasattr(value, "asnumpy"):
                value = value.asnumpy()
        else:
            candidates = cb.get("eval_results") or {}
            value = candidates.get(self.monitor)
        if value is None:
            warnings.warn(f"{type(self).__name__} is conditioned on {self.monitor}, which is not "
                          f"available. Available choices are: {set(['loss'] + list(candidates))}")
            return None
        value = np.asarray(value)
        if value.shape != ():
            raise ShapeError(f"{type(self).__name__} only supports scalar monitor now, but got shape "
                             f"{value.shape}.")
        return value


class EarlyStopping(_Watch):
    """Stops training when the monitored value has stopped improving.

    After each training epoch it reads the monitored value (``'loss'``: the last step's loss;
    another name: ``Model.fit``'s evaluation result of that name, ``'eval_loss'`` included) and
    requests a stop once it has not improved by more than `min_delta` for `patience` epochs
    (with `baseline`, an improvement must also beat it). ``stopped_epoch`` is the epoch it
    stopped at (0 if it did not).

    Args:
        monitor (str, optional): The monitored value. Default: ``'eval_loss'``.
        min_delta (float, optional): The least change that counts as an improvement.
            Default: ``0``.
        patience (int, optional): Epochs without improvement before stopping. Default: ``0``.
        verbose (bool, optional): Whether to print the epoch training stopped at.
            Default: ``False``.
        mode (str, optional): ``'min'`` (smaller is better), ``'max'`` or ``'auto'`` (``'min'``
            for losses and errors, ``'max'`` for the other metrics). Default: ``'auto'``.
        baseline (float, optional): A value an improvement must also beat. Default: ``None``.
        restore_best_weights (bool, optional): Whether to load the best epoch's parameters back
            into the network when stopping. Default: ``False``.

    Outputs:
        None: it stops training through ``run_context.request_stop()``.

    Raises:
        TypeError: `monitor` or `mode` not a str, `patience` not an int, `verbose` or
            `restore_best_weights` not a bool, `min_delta` or `baseline` not a number.
        ValueError: `mode` not ``'auto'``, ``'min'`` or ``'max'``; a negative `patience`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, EarlyStopping
        >>> # a network at a stationary point: the loss stays 1.0 whatever the learning rate
        >>> net = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')
        >>> x, y = np.ones((2, 1), np.float32), np.array([[0.0], [2.0]], np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, y), shuffle=False).batch(2)
        >>> optimizer = nn.SGD(net.trainable_params(), 0.1)
        >>> model = Model(net, nn.MSELoss(), optimizer)
        >>> stop = EarlyStopping(monitor='loss', patience=2, verbose=True)
        >>> model.train(10, data, callbacks=[stop])
        Epoch 00003: early stopping
        >>> print(stop.stopped_epoch)
        3
    """

    def __init__(self, monitor="eval_loss", min_delta=0, patience=0, verbose=False, mode="auto",
                 baseline=None, restore_best_weights=False):
        super().__init__()
        self.patience = check_non_negative_int(patience, "patience")
        self.verbose = check_bool(verbose, "verbose")
        self.baseline = check_number(baseline, "baseline") if baseline is not None else None
        self.restore_best_weights = check_bool(restore_best_weights, "restore_best_weights")
        self._setup(monitor, mode, min_delta)
        self.wait = 0
        self.stopped_epoch = 0
        self.best_weights_param_dict = None

    def on_train_begin(self, run_context):
        """Resets the counters."""
        self.wait = 0
        self.stopped_epoch = 0
        self._reset_best()
        self.best_weights_param_dict = None

    def _snapshot(self, cb):
        return {n: Tensor(p.asnumpy()) for n, p in cb.train_network.parameters_dict().items()}

    def on_train_epoch_end(self, run_context):
        """Counts epochs without improvement; stops after ``patience`` of them."""
        cb = run_context.original_args()
        current = self._monitor_value(cb)
        if current is None:
            return
        if self.restore_best_weights and self.best_weights_param_dict is None:
            self.best_weights_param_dict = self._snapshot(cb)
        self.wait += 1
        if self.is_improvement(current, self.best):
            self.best = current
            if self.restore_best_weights:
                self.best_weights_param_dict = self._snapshot(cb)
            if self.baseline is None or self.is_improvement(current, self.baseline):
                self.wait = 0
        if self.wait >= self.patience:
            self.stopped_epoch = cb.get("cur_epoch_num")
            run_context.request_stop()
            if self.restore_best_weights and self.best_weights_param_dict is not None:
                if self.verbose:
                    print("Restoring model weights from the end of the best epoch.")
                load_param_into_net(cb.train_network, self.best_weights_param_dict)

    def on_train_end(self, run_context):
        """With ``verbose``, prints the epoch training stopped at."""
        if self.stopped_epoch > 0 and self.verbose:
            print("Epoch %05d: early stopping" % self.stopped_epoch)


class ReduceLROnPlateau(_Watch):
    """Lowers the learning rate when the monitored value has stopped improving.

    After each training epoch it reads the monitored value (as :class:`EarlyStopping` does)
    and, once it has not improved by more than `min_delta` for `patience` epochs, multiplies
    the optimizer's learning rate by `factor` (not below `min_lr`), then waits `cooldown`
    epochs before counting again.

    Args:
        monitor (str, optional): The monitored value. Default: ``'eval_loss'``.
        factor (float, optional): The factor of the learning rate, in (0, 1). Default: ``0.1``.
        patience (int, optional): Epochs without improvement before lowering the rate.
            Default: ``10``.
        verbose (bool, optional): Whether to print each change of the rate. Default: ``False``.
        mode (str, optional): ``'min'``, ``'max'`` or ``'auto'``, as in :class:`EarlyStopping`.
            Default: ``'auto'``.
        min_delta (float, optional): The least change that counts as an improvement.
            Default: ``1e-4``.
        cooldown (int, optional): Epochs to wait after a change before counting again.
            Default: ``0``.
        min_lr (float, optional): The least learning rate. Default: ``0``.

    Outputs:
        None: it changes the optimizer's ``learning_rate``.

    Raises:
        TypeError: `monitor` or `mode` not a str, `patience` or `cooldown` not an int,
            `verbose` not a bool, `factor`, `min_delta` or `min_lr` not a number.
        ValueError: `factor` outside (0, 1), `mode` not ``'auto'``, ``'min'`` or ``'max'``, a
            negative `patience` or `cooldown`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, ReduceLROnPlateau
        >>> # a network at a stationary point: the loss stays 1.0 whatever the learning rate
        >>> net = nn.Dense(1, 1, weight_init='ones', bias_init='zeros')
        >>> x, y = np.ones((2, 1), np.float32), np.array([[0.0], [2.0]], np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, y), shuffle=False).batch(2)
        >>> optimizer = nn.SGD(net.trainable_params(), 0.1)
        >>> model = Model(net, nn.MSELoss(), optimizer)
        >>> reduce_lr = ReduceLROnPlateau(monitor='loss', factor=0.5, patience=1, verbose=True)
        >>> model.train(3, data, callbacks=[reduce_lr])
        Epoch 00002: ReduceLROnPlateau reducing learning rate to 0.05.
        Epoch 00003: ReduceLROnPlateau reducing learning rate to 0.025.
        >>> print(optimizer.learning_rate.value())
        0.025
    """

    def __init__(self, monitor="eval_loss", factor=0.1, patience=10, verbose=False, mode="auto",
                 min_delta=1e-4, cooldown=0, min_lr=0):
        super().__init__()
        check_number(factor, "factor")
        if not 0.0 < factor < 1.0:
            raise ShapeError(f"The input value must be in range of (0.0, 1.0), but got {factor} with "
                             f"type '{type(factor).__name__}'.")
        self.factor = factor
        self.patience = check_non_negative_int(patience, "patience")
        self.verbose = check_bool(verbose, "verbose")
        self.cooldown = check_non_negative_int(cooldown, "cooldown")
        self.min_lr = check_number(min_lr, "min_lr")
        self._setup(monitor, mode, min_delta)
        self.cooldown_counter = 0
        self.wait = 0

    def on_train_begin(self, run_context):
        """Resets the counters."""
        self.cooldown_counter = 0
        self.wait = 0
        self._reset_best()

    def on_train_epoch_end(self, run_context):
        """Counts epochs without improvement; lowers the learning rate after ``patience``."""
        cb = run_context.original_args()
        optimizer = cb.get("optimizer")
        current = self._monitor_value(cb)
        if current is None:
            return
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self.is_improvement(current, self.best):
            self.best = current
            self.wait = 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            if self.wait >= self.patience:
                lr = float(optimizer.learning_rate)
                if np.float32(lr) > np.float32(self.min_lr):  # compared as float32 tensors
                    new_lr = float(np.float32(max(lr * self.factor, self.min_lr)))
                    optimizer.learning_rate = new_lr
                    if self.verbose:
                        print("Epoch %05d: ReduceLROnPlateau reducing learning rate to %s."
                              % (cb.cur_epoch_num, np.float32(new_lr)))
                self.cooldown_counter = self.cooldown
                self.wait = 0


class LearningRateScheduler(Callback):
    """Sets the optimizer's learning rate after each step to
    ``learning_rate_function(lr, cur_step_num)`` (its current rate and the steps done so far).

    Args:
        learning_rate_function (Callable[[float, int], float]): The new rate.

    Outputs:
        None: it changes the optimizer's ``learning_rate``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, LearningRateScheduler
        >>> net = nn.Dense(1, 1)
        >>> data = ms.dataset.NumpySlicesDataset((np.ones((4, 1), np.float32),
        ...                                       np.zeros((4, 1), np.float32)), shuffle=False).batch(2)
        >>> optimizer = nn.SGD(net.trainable_params(), 0.1)
        >>> halve_every_two = lambda lr, step: lr * 0.5 if step % 2 == 0 else lr
        >>> Model(net, nn.MSELoss(), optimizer).train(2, data,
        ...                                           callbacks=[LearningRateScheduler(halve_every_two)])
        >>> print(optimizer.learning_rate.value())
        0.025
    """

    def __init__(self, learning_rate_function):
        super().__init__()
        self.learning_rate_function = learning_rate_function

    def step_end(self, run_context):
        """Calls the function and sets the rate it returns (when it changed)."""
        cb = run_context.original_args()
        optimizer = cb.get("optimizer")
        if optimizer is None:
            return
        lr = float(optimizer.learning_rate)
        new_lr = self.learning_rate_function(lr, cb.cur_step_num)
        if not np.isclose(float(new_lr), lr, rtol=0.0, atol=1e-12):
            optimizer.learning_rate = float(new_lr)

"""The schedulers of ``mindspore.experimental.optim.lr_scheduler`` with their own ``step``:
``CosineAnnealingWarmRestarts``, ``CyclicLR``, ``ReduceLROnPlateau`` (driven by a metric),
``SequentialLR`` and ``ChainedScheduler`` (driving other schedulers). MindSpore 2.10's
arguments, checks and numbers (measured there); ``ChainedScheduler`` is MindSpore 2.2's
(documented then, absent from 2.10)."""
import math
from bisect import bisect_right

import numpy as np

from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ...tensor import Tensor
from .lr_scheduler import LRScheduler, _a_float, _Epoch, _epoch, _per_group
from .optimizer import Optimizer

__all__ = ["CosineAnnealingWarmRestarts", "CyclicLR", "ReduceLROnPlateau", "SequentialLR",
           "ChainedScheduler"]


def _rates(optimizer):
    """The groups' current rates as Float32 0-D Tensors (what ``get_last_lr`` returns)."""
    return [Tensor(float(lr), mstype.float32) for lr in optimizer.lrs]


class CosineAnnealingWarmRestarts(LRScheduler):
    """Cosine annealing with warm restarts: ``lr = eta_min + (initial − eta_min)(1 +
    cos(π·T_cur/T_i))/2``, where ``T_cur`` counts the epochs since the last restart and the
    period ``T_i`` starts at `T_0` and is multiplied by `T_mult` at each restart.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        T_0 (int): The first period (> 0).
        T_mult (int, optional): The growth of the period (>= 1). Default: ``1``.
        eta_min (Union[float, int], optional): The least rate. Default: ``0``.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` writes the new rates into the optimizer's groups and returns None, as in
        MindSpore; ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `eta_min` not a number.
        ValueError: `T_0` not a positive int, `T_mult` not an int >= 1, a negative epoch.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=2)
        >>> for _ in range(2):
        ...     scheduler.step()
        ...     print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
        [Tensor(shape=[], dtype=Float32, value= 0.1)]
    """

    def __init__(self, optimizer, T_0, T_mult=1, eta_min=0, last_epoch=-1):
        if not isinstance(T_0, int) or T_0 <= 0:
            raise ShapeError(f"T_0 should be an integer and equal or greater than 0, but got {T_0}")
        if not isinstance(T_mult, int) or T_mult < 1:
            raise ShapeError(f"T_mult should be an integer and equal or greater than 1, but got {T_mult}")
        _a_float(eta_min, "eta_min", "CosineAnnealingWarmRestarts", ints=True)
        self.T_0 = T_0
        self.T_i = T_0
        self.T_mult = T_mult
        self.eta_min = eta_min
        self.T_cur = last_epoch
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        cos = (1 + math.cos(math.pi * self.T_cur / self.T_i)) / 2
        return [self.eta_min + (b - self.eta_min) * cos for b in self._bases()]

    def step(self, epoch=None):
        """Advances one epoch (restarting at the end of a period), or goes to `epoch`.

        Args:
            epoch (Union[int, float], optional): The epoch to go to. Default: ``None``.
        """
        if epoch is None and self.last_epoch < 0:
            epoch = 0
        if epoch is None:
            epoch = self.last_epoch + 1
            self.T_cur += 1
            if self.T_cur >= self.T_i:
                self.T_cur -= self.T_i
                self.T_i *= self.T_mult
        else:
            epoch = _epoch(epoch)
            if epoch < 0:
                raise ShapeError(f"epoch should be a non-negative integer, but got {epoch}")
            if epoch >= self.T_0:
                if self.T_mult == 1:
                    self.T_cur = epoch % self.T_0
                else:
                    n = int(math.log(epoch / self.T_0 * (self.T_mult - 1) + 1, self.T_mult))
                    self.T_cur = epoch - self.T_0 * (self.T_mult ** n - 1) / (self.T_mult - 1)
                    self.T_i = self.T_0 * self.T_mult ** n
            else:
                self.T_i = self.T_0
                self.T_cur = epoch
        self.last_epoch = math.floor(epoch)
        self._write(self.get_lr())


class CyclicLR(LRScheduler):
    """Cycles the rates between `base_lr` and `max_lr`: up over `step_size_up` epochs, down over
    `step_size_down`; the swing is scaled by ``scale_fn`` (``'triangular'``: 1,
    ``'triangular2'``: halved each cycle, ``'exp_range'``: ``gamma^epoch``). The groups' rates
    start at `base_lr`.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        base_lr (Union[float, list]): The lower rate (or one per group).
        max_lr (Union[float, list]): The upper rate (or one per group).
        step_size_up (int, optional): The epochs of the rise. Default: ``2000``.
        step_size_down (int, optional): The epochs of the fall (`step_size_up` when None).
            Default: ``None``.
        mode (str, optional): ``'triangular'``, ``'triangular2'`` or ``'exp_range'``. Default:
            ``'triangular'``.
        gamma (float, optional): The factor of ``'exp_range'``. Default: ``1.0``.
        scale_fn (function, optional): A scaling of one argument, in place of `mode`'s.
            Default: ``None``.
        scale_mode (str, optional): Whether `scale_fn` takes the cycle (``'cycle'``) or the
            epoch (``'iterations'``). Default: ``'cycle'``.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        ValueError: an unknown `mode` without `scale_fn`, lists not one per group.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.05, step_size_up=2)
        >>> for _ in range(3):
        ...     _ = scheduler.step()
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.03)]
    """

    def __init__(self, optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None,
                 mode="triangular", gamma=1.0, scale_fn=None, scale_mode="cycle", last_epoch=-1):
        if not isinstance(optimizer, Optimizer):
            raise DTypeError(f"{type(optimizer).__name__} is not an Optimizer")
        lows = _per_group(optimizer, base_lr, "base_lr")
        if last_epoch == -1:
            for lr, low in zip(optimizer.lrs, lows):
                lr.set_data(Tensor(float(low), lr.dtype))
        self.max_lrs = [float(h) for h in _per_group(optimizer, max_lr, "max_lr")]
        step_size_up = float(step_size_up)
        step_size_down = step_size_up if step_size_down is None else float(step_size_down)
        self.total_step_size = step_size_up + step_size_down
        self.step_up_ratio = step_size_up / self.total_step_size
        if mode not in ("triangular", "triangular2", "exp_range") and scale_fn is None:
            raise ShapeError("mode is invalid and scale_fn is None")
        self.mode = mode
        self.gamma = gamma
        self._scale_fn_custom = scale_fn
        self.scale_mode = scale_mode if scale_fn is not None else (
            "iterations" if mode == "exp_range" else "cycle")
        self._lows = [float(low) for low in lows]
        super().__init__(optimizer, last_epoch)
        self.base_lrs = [Tensor(low, mstype.float32) for low in self._lows]

    def scale_fn(self, x):
        """The scaling of the swing at `x` (the cycle or the epoch)."""
        if self._scale_fn_custom is not None:
            return self._scale_fn_custom(x)
        if self.mode == "triangular":
            return 1.0
        if self.mode == "triangular2":
            return 1 / (2.0 ** (x - 1))
        return self.gamma ** x

    def get_lr(self):
        e = self.last_epoch
        cycle = math.floor(1 + e / self.total_step_size)
        x = 1.0 + e / self.total_step_size - cycle
        if x <= self.step_up_ratio:
            factor = x / self.step_up_ratio
        else:
            factor = (x - 1) / (self.step_up_ratio - 1)
        scale = self.scale_fn(cycle if self.scale_mode == "cycle" else e)
        return [low + (high - low) * factor * scale for low, high in zip(self._lows, self.max_lrs)]


class ReduceLROnPlateau:
    """Multiplies the rates by `factor` when a metric has not improved for `patience` steps.

    ``step(metrics)`` compares the metric with the best so far (``'min'``: an improvement is
    below ``best·(1 − threshold)`` (``'rel'``) or ``best − threshold`` (``'abs'``); ``'max'``
    mirrored), in Float32 as MindSpore; after more than `patience` steps without one, each rate
    becomes ``max(lr·factor, min_lr)`` (unless that changes it by `eps` or less) and `cooldown`
    steps follow in which waiting is not counted.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        mode (str, optional): ``'min'`` or ``'max'``. Default: ``'min'``.
        factor (float, optional): The factor (< 1). Default: ``0.1``.
        patience (int, optional): The steps without improvement tolerated. Default: ``10``.
        threshold (float, optional): The least improvement. Default: ``1e-4``.
        threshold_mode (str, optional): ``'rel'`` or ``'abs'``. Default: ``'rel'``.
        cooldown (int, optional): The steps after a reduction that do not count. Default: ``0``.
        min_lr (Union[float, list], optional): The least rate (or one per group). Default: ``0``.
        eps (float, optional): The least change of a rate. Default: ``1e-8``.

    Outputs:
        ``step(metrics)`` returns True after lowering the rates when due; ``get_last_lr()``
        returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `optimizer` not an Optimizer.
        ValueError: `factor` >= 1, an unknown mode, `min_lr` not one per group.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=1)
        >>> for loss in (1.0, 1.0, 1.0):
        ...     _ = scheduler.step(loss)
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
    """

    def __init__(self, optimizer, mode="min", factor=0.1, patience=10, threshold=1e-4,
                 threshold_mode="rel", cooldown=0, min_lr=0, eps=1e-8):
        if factor >= 1.0:
            raise ShapeError("The lr factor should be less than 1.0.")
        if not isinstance(optimizer, Optimizer):
            raise DTypeError(f"Expected an `Optimizer`, but got type {type(optimizer).__name__}")
        if isinstance(min_lr, (list, tuple)) and len(min_lr) != len(optimizer.param_groups):
            raise ShapeError(f"Expected {len(optimizer.param_groups)} min_lrs, got {len(min_lr)}")
        if mode not in ("min", "max"):
            raise ShapeError(f"`mode` should be 'min' or 'max', but got {mode}.")
        if threshold_mode not in ("rel", "abs"):
            raise ShapeError(f"`threshold mode` should be 'rel' or 'abs', but got {threshold_mode}.")
        self.optimizer = optimizer
        self.factor = factor
        self.min_lrs = [np.float32(v) for v in _per_group(optimizer, min_lr, "min_lr")]
        self.mode = mode
        self.patience = patience
        self.threshold = threshold
        self.threshold_mode = threshold_mode
        self.cooldown = cooldown
        self.cooldown_counter = 0
        self.eps = eps
        self.mode_worse = float("inf") if mode == "min" else float("-inf")
        self.best = np.float32(self.mode_worse)
        self.wait = 0
        self.last_epoch = 0

    def _is_improvement(self, current):
        f32, best = np.float32, self.best
        if self.threshold_mode == "rel":
            sign = -1.0 if self.mode == "min" else 1.0
            benchmark = best * f32(1.0 + sign * self.threshold)
        else:
            benchmark = best - f32(self.threshold) if self.mode == "min" else best + f32(self.threshold)
        return current < benchmark if self.mode == "min" else current > benchmark

    last_epoch = _Epoch()

    def in_cooldown(self):
        """Whether a reduction happened less than `cooldown` steps ago.

        Returns:
            bool.
        """
        return self.cooldown_counter > 0

    def step(self, metrics):
        """Takes the metric of one epoch; reduces the rates after too long without improvement.

        Args:
            metrics (Union[float, Tensor]): The metric.

        Returns:
            bool, True.
        """
        current = np.float32(float(metrics))
        self.last_epoch += 1
        if self._is_improvement(current):
            self.best = current
            self.wait = 0
        else:
            self.wait += 1
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self.wait > self.patience:
            for lr, low in zip(self.optimizer.lrs, self.min_lrs):
                old = np.float32(float(lr))
                new = max(old * np.float32(self.factor), low)
                if old > new + self.eps:
                    lr.set_data(Tensor(float(new), lr.dtype))
            self.cooldown_counter = self.cooldown
            self.wait = 0
        return True

    def get_last_lr(self):
        """The groups' current rates.

        Returns:
            list[Tensor], one Float32 0-D Tensor per group.
        """
        return _rates(self.optimizer)


def _same_optimizer(schedulers, optimizer, op):
    for i, s in enumerate(schedulers):
        if not isinstance(s, LRScheduler):
            raise DTypeError(f"For '{op}', the schedulers must be LRSchedulers, but got "
                             f"{type(s).__name__} at index {i}.")
        if s.optimizer is not optimizer:
            raise ShapeError(f"{op} expects all schedulers to belong to the same optimizer, but got "
                             f"scheduler at index {i} is different from the optimizer passed in.")


class SequentialLR:
    """Runs `schedulers` one after the other: the one of index ``i`` from epoch
    ``milestones[i − 1]`` (where it starts afresh, with ``step(0)``).

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        schedulers (list[LRScheduler]): The schedulers, all of `optimizer`.
        milestones (list[int]): The epochs at which the next scheduler takes over (one fewer
            than the schedulers).
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` steps the scheduler of the epoch and returns None, as in MindSpore;
        ``get_last_lr()`` returns the rates, a list of Float32 0-D Tensors, one per group.

    Raises:
        ValueError: a scheduler of another optimizer, a number of milestones that is not one
            fewer than the schedulers.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> warmup = optim.lr_scheduler.ConstantLR(opt, factor=0.5, total_iters=1)
        >>> decay = optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
        >>> scheduler = optim.lr_scheduler.SequentialLR(opt, [warmup, decay], milestones=[1])
        >>> for _ in range(2):
        ...     scheduler.step()
        ...     print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.1)]
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
    """

    def __init__(self, optimizer, schedulers, milestones, last_epoch=-1):
        schedulers = list(schedulers)
        _same_optimizer(schedulers, optimizer, "Sequential Schedulers")
        if len(milestones) != len(schedulers) - 1:
            raise ShapeError("Sequential Schedulers expects number of schedulers provided to be one more "
                             "than the number of milestone points, but got number of schedulers "
                             f"{len(schedulers)} and the number of milestones {len(milestones)}")
        self._schedulers = schedulers
        self.milestones = list(milestones)
        self.last_epoch = last_epoch + 1
        self.optimizer = optimizer
        for group, lr in zip(optimizer.param_groups, optimizer.lrs):
            lr.set_data(Tensor(float(group["initial_lr"]), lr.dtype))
        for s in schedulers:
            s.last_epoch -= 1
        schedulers[0].step()

    last_epoch = _Epoch()

    def step(self):
        """Advances one epoch with the scheduler of this epoch."""
        self.last_epoch += 1
        i = bisect_right(self.milestones, self.last_epoch)
        if i > 0 and self.milestones[i - 1] == self.last_epoch:
            self._schedulers[i].step(0)
        else:
            self._schedulers[i].step()

    def get_last_lr(self):
        """The groups' current rates.

        Returns:
            list[Tensor], one Float32 0-D Tensor per group.
        """
        return _rates(self.optimizer)


class ChainedScheduler:
    """Steps several schedulers of one optimizer together: ``step()`` calls each one's
    ``step()`` in order (their factors compose). PyTorch's; MindSpore 2.10's ``lr_scheduler``
    does not have it.

    Args:
        schedulers (list[LRScheduler]): The schedulers, all of the same optimizer.

    Outputs:
        ``step()`` steps every scheduler and returns None, as in MindSpore;
        ``get_last_lr()`` returns the rates, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: an element that is not an LRScheduler.
        ValueError: no schedulers, or schedulers of different optimizers.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.Adam([ms.Parameter(ms.Tensor([1.0]), name="w")], 0.01)
        >>> scheduler1 = optim.lr_scheduler.PolynomialLR(opt)
        >>> scheduler2 = optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
        >>> scheduler = optim.lr_scheduler.ChainedScheduler([scheduler1, scheduler2])
        >>> for _ in range(2):
        ...     scheduler.step()
        ...     print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.004)]
        [Tensor(shape=[], dtype=Float32, value= 0.0015)]
    """

    def __init__(self, schedulers):
        schedulers = list(schedulers)
        if not schedulers:
            raise ShapeError("ChainedScheduler expects at least one scheduler.")
        if not isinstance(schedulers[0], LRScheduler):
            raise DTypeError("For 'ChainedScheduler', the schedulers must be LRSchedulers, but got "
                             f"{type(schedulers[0]).__name__} at index 0.")
        _same_optimizer(schedulers, schedulers[0].optimizer, "ChainedScheduler")
        self._schedulers = schedulers
        self.optimizer = schedulers[0].optimizer

    def step(self):
        """Steps each scheduler, in order."""
        for s in self._schedulers:
            s.step()

    def get_last_lr(self):
        """The groups' current rates.

        Returns:
            list[Tensor], one Float32 0-D Tensor per group.
        """
        return _rates(self.optimizer)

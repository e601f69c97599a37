"""``mindspore.experimental.optim.lr_scheduler``: schedulers that change the learning rates of an
optimizer of ``mindspore.experimental.optim`` (or ``mindspore.mint.optim``) between steps, with
MindSpore 2.10's arguments, checks and numbers (measured there).

A scheduler writes each group's rate into the group's Float32 0-D Parameter (``optimizer.lrs``,
``group['lr']``), which the optimizer reads at every step, also inside a jitted training step.
``step()`` advances ``last_epoch`` and computes the new rates in Python, from the
current ones (the chainable form, so several schedulers compose) or, for ``step(epoch)``, from
the initial ones (the closed form); ``get_last_lr()`` returns them as a list of Float32 0-D
Tensors, one per group, as MindSpore does.

``last_epoch`` lives in a 0-D Parameter (as in MindSpore) and reads as a number (see ``_Epoch``):
a ``step()`` inside a jitted function or a GRAPH_MODE ``construct`` reads it, the read is a guard
of the graph, and since every step changes it the step's Python runs at every call instead of a
cached graph replaying the first call's rates.

``CosineAnnealingWarmRestarts``, ``CyclicLR``, ``ReduceLROnPlateau``, ``SequentialLR`` and
``ChainedScheduler`` are in ``_lr_more.py``.
"""
import math
from bisect import bisect_right
from collections import Counter
from numbers import Number

from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ...nn.optim import GroupKeyError
from ...common.parameter import Parameter
from ...tensor import Tensor
from .optimizer import Optimizer

__all__ = ["LRScheduler", "StepLR", "MultiStepLR", "ExponentialLR", "LinearLR", "ConstantLR",
           "PolynomialLR", "LambdaLR", "MultiplicativeLR", "CosineAnnealingLR"]


def _an_int(value, name, op):
    if not isinstance(value, int):
        raise DTypeError(f"For '{op}', the '{name}' must be int, but got {type(value)}.")


def _a_float(value, name, op, ints=False):
    kinds = (float, int) if ints else float
    if isinstance(value, bool) or not isinstance(value, kinds):
        what = "float or int" if ints else "float"
        raise DTypeError(f"For '{op}', the '{name}' must be {what}, but got {type(value)}.")


def _epoch(epoch):
    """An epoch given to ``step(epoch)``: an int, or a 0-D Tensor holding one."""
    if isinstance(epoch, Tensor):
        epoch = float(epoch)
    if isinstance(epoch, bool) or not isinstance(epoch, Number):
        raise DTypeError(f"For 'LRScheduler.step', the 'epoch' must be an int, but got {type(epoch)}.")
    return epoch


class _Epoch:
    """The ``last_epoch`` attribute of a scheduler: stored in a Float64 0-D Parameter named
    ``last_epoch_<class>`` (MindSpore keeps a Parameter too), read as an int (a float when a
    fractional epoch was given). Reading a Parameter under ``jit`` is a guarded read, so a traced
    ``step()`` is traced again when the epoch moved on, rather than replayed stale."""

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        param = obj.__dict__.get("_last_epoch")
        if param is None:
            raise AttributeError(f"'{type(obj).__name__}' object has no attribute 'last_epoch'")
        value = float(param)
        return int(value) if value.is_integer() else value

    def __set__(self, obj, value):
        param = obj.__dict__.get("_last_epoch")
        data = Tensor(float(value), mstype.float64)
        if param is None:
            obj.__dict__["_last_epoch"] = Parameter(data, name=f"last_epoch_{type(obj).__name__}",
                                                    requires_grad=False)
        else:
            param.set_data(data)


def _per_group(optimizer, value, name):
    """`value` for each group: a list/tuple of one per group, or one value for all."""
    groups = len(optimizer.param_groups)
    if isinstance(value, (list, tuple)):
        if len(value) != groups:
            raise ShapeError(f"Expected {groups} values for {name}, got {len(value)}")
        return list(value)
    return [value] * groups


class LRScheduler:
    """The base class of the learning rate schedulers: ``LRScheduler(optimizer, last_epoch=-1)``.

    At construction it records each group's rate as ``'initial_lr'`` (when ``last_epoch`` is -1;
    resuming needs it there already), keeps them in ``base_lrs`` and takes a first ``step()``. A
    subclass defines ``get_lr()``: the new rates (numbers or 0-D Tensors, one per group) for
    ``last_epoch``, reading the current ones with ``_current()`` and the initial ones with
    ``_bases()``; optionally ``_get_closed_form_lr()`` for ``step(epoch)``.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        last_epoch (int, optional): The index of the last epoch (-1 to start). Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `optimizer` not an Optimizer of ``experimental.optim``/``mint.optim``,
            `last_epoch` not an int.
        ValueError: `last_epoch` below -1.
        KeyError: resuming (`last_epoch` >= 0) a group without ``'initial_lr'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> class Halving(optim.lr_scheduler.LRScheduler):
        ...     def get_lr(self):
        ...         return [base * 0.5 ** int(self.last_epoch) for base in self.base_lrs]
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = Halving(opt)
        >>> for _ in range(2):
        ...     _ = scheduler.step()
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.025)]
        >>> print(scheduler.step(epoch=3), scheduler.get_last_lr())
        True [Tensor(shape=[], dtype=Float32, value= 0.0125)]
    """

    def __init__(self, optimizer, last_epoch=-1):
        if not isinstance(optimizer, Optimizer):
            raise DTypeError(f"{type(optimizer).__name__} is not an Optimizer")
        if isinstance(last_epoch, bool) or not isinstance(last_epoch, int):
            raise DTypeError(f"For '{type(self).__name__}', the type of 'last_epoch' should be 'int', "
                             f"but got type '{type(last_epoch).__name__}'.")
        if last_epoch < -1:
            raise ShapeError(f"Invalid last_epoch: {last_epoch}")
        for i, (group, lr) in enumerate(zip(optimizer.param_groups, optimizer.lrs)):
            if last_epoch == -1:
                group.setdefault("initial_lr", Tensor(float(lr), mstype.float32))
            elif "initial_lr" not in group:
                raise GroupKeyError(f"param 'initial_lr' is not specified in param_groups[{i}] when "
                                    "resuming an optimizer")
        self.optimizer = optimizer
        self.base_lrs = [group["initial_lr"] for group in optimizer.param_groups]
        self.last_epoch = last_epoch
        self.step()

    def get_lr(self):
        """The rates for ``last_epoch`` (one per group); a subclass defines it."""
        raise NotImplementedError(f"For '{type(self).__name__}', a subclass of LRScheduler must "
                                  "define get_lr")

    last_epoch = _Epoch()

    def _current(self):
        """The groups' current rates, as floats."""
        return [float(lr) for lr in self.optimizer.lrs]

    def _bases(self):
        """The groups' initial rates (``base_lrs``), as floats."""
        return [float(b) for b in self.base_lrs]

    def _write(self, values):
        for lr, value in zip(self.optimizer.lrs, values):
            lr.set_data(Tensor(float(value), lr.dtype))

    def get_last_lr(self):
        """The groups' current rates.

        Returns:
            list[Tensor], one Float32 0-D Tensor per group.
        """
        return [Tensor(float(lr), mstype.float32) for lr in self.optimizer.lrs]

    def step(self, epoch=None):
        """Advances ``last_epoch`` by one (or sets it to `epoch`, then computes the rates in
        closed form when the scheduler has one) and writes the new rates.

        Args:
            epoch (int, optional): The epoch to go to. Default: ``None``.

        Returns:
            bool, True.
        """
        if epoch is None:
            self.last_epoch += 1
            values = self.get_lr()
        else:
            self.last_epoch = _epoch(epoch)
            closed = getattr(self, "_get_closed_form_lr", None)
            values = closed() if closed is not None else self.get_lr()
        self._write(values)
        return True


class StepLR(LRScheduler):
    """Multiplies the rates by `gamma` every `step_size` epochs: ``lr = initial·gamma^⌊epoch /
    step_size⌋``.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        step_size (int): The period of the decay.
        gamma (float, optional): The factor. Default: ``0.1``.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `step_size` not an int, `gamma` not a float.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
        >>> for _ in range(4):
        ...     _ = scheduler.step()
        ...     print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.1)]
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
        [Tensor(shape=[], dtype=Float32, value= 0.025)]
    """

    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1):
        _an_int(step_size, "step_size", "StepLR")
        _a_float(gamma, "gamma", "StepLR")
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:
            return self._current()
        return [lr * self.gamma for lr in self._current()]

    def _get_closed_form_lr(self):
        return [b * self.gamma ** (self.last_epoch // self.step_size) for b in self._bases()]


class MultiStepLR(LRScheduler):
    """Multiplies the rates by `gamma` at each milestone (a milestone listed twice, twice):
    ``lr = initial·gamma^(milestones reached)``.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        milestones (list[int]): The epochs of the decays.
        gamma (Union[float, int], optional): The factor. Default: ``0.1``.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `milestones` not a list of ints, `gamma` not a number.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.MultiStepLR(opt, milestones=[1, 3], gamma=0.5)
        >>> for _ in range(3):
        ...     _ = scheduler.step()
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.025)]
    """

    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1):
        if not isinstance(milestones, list):
            raise DTypeError(f"The type of 'milestones' should be 'list', but got type "
                             f"'{type(milestones).__name__}'.")
        for m in milestones:
            if not isinstance(m, int):
                raise DTypeError("For 'MultiStepLR', elements of the 'milestones' must be type of int, "
                                 f"but got one element of 'milestones' type: {type(m)}.")
        _a_float(gamma, "gamma", "MultiStepLR", ints=True)
        self.milestones = Counter(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        times = self.milestones.get(self.last_epoch, 0)
        return [lr * self.gamma ** times for lr in self._current()]

    def _get_closed_form_lr(self):
        reached = bisect_right(sorted(self.milestones.elements()), self.last_epoch)
        return [b * self.gamma ** reached for b in self._bases()]


class ExponentialLR(LRScheduler):
    """Multiplies the rates by `gamma` every epoch: ``lr = initial·gamma^epoch``.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        gamma (float): The factor.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `gamma` not a float.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
        >>> scheduler.step()
        True
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
    """

    def __init__(self, optimizer, gamma, last_epoch=-1):
        _a_float(gamma, "gamma", "ExponentialLR")
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if self.last_epoch == 0:
            return self._current()
        return [lr * self.gamma for lr in self._current()]

    def _get_closed_form_lr(self):
        return [b * self.gamma ** self.last_epoch for b in self._bases()]


class LinearLR(LRScheduler):
    """Scales the rates by a factor going linearly from `start_factor` to `end_factor` over
    `total_iters` epochs, then constant.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        start_factor (float, optional): The first factor, in (0, 1]. Default: ``1/3``.
        end_factor (float, optional): The last factor, in [0, 1]. Default: ``1.0``.
        total_iters (int, optional): The number of epochs to go from one to the other.
            Default: ``5``.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `total_iters` not an int.
        ValueError: a factor out of its range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.LinearLR(opt, start_factor=0.5, total_iters=2)
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
        >>> scheduler.step()
        True
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.075)]
    """

    def __init__(self, optimizer, start_factor=1.0 / 3, end_factor=1.0, total_iters=5, last_epoch=-1):
        if start_factor > 1.0 or start_factor <= 0:
            raise ShapeError("Starting multiplicative factor expected to be greater than 0 and less "
                             "than or equal to 1.")
        if end_factor > 1.0 or end_factor < 0:
            raise ShapeError("Ending multiplicative factor expected to be between 0 and 1.")
        _an_int(total_iters, "total_iters", "LinearLR")
        self.start_factor = start_factor
        self.end_factor = end_factor
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e, start, end = self.last_epoch, self.start_factor, self.end_factor
        if e == 0:
            return [lr * start for lr in self._current()]
        if e > self.total_iters:
            return self._current()
        factor = 1.0 + (end - start) / (self.total_iters * start + (e - 1) * (end - start))
        return [lr * factor for lr in self._current()]

    def _get_closed_form_lr(self):
        done = min(self.total_iters, self.last_epoch) / self.total_iters
        return [b * (self.start_factor + (self.end_factor - self.start_factor) * done)
                for b in self._bases()]


class ConstantLR(LRScheduler):
    """Scales the rates by `factor` until epoch `total_iters`, then restores them.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        factor (float, optional): The factor, in [0, 1]. Default: ``1/3``.
        total_iters (int, optional): The number of epochs scaled. Default: ``5``.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `total_iters` not an int.
        ValueError: `factor` outside [0, 1].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.ConstantLR(opt, factor=0.5, total_iters=1)
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
        >>> scheduler.step()
        True
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.1)]
    """

    def __init__(self, optimizer, factor=1.0 / 3, total_iters=5, last_epoch=-1):
        if factor > 1.0 or factor < 0:
            raise ShapeError("Constant multiplicative factor expected to be between 0 and 1.")
        _an_int(total_iters, "total_iters", "ConstantLR")
        self.factor = factor
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if self.last_epoch == 0:
            return [lr * self.factor for lr in self._current()]
        if self.last_epoch != self.total_iters:
            return self._current()
        return [lr / self.factor for lr in self._current()]

    def _get_closed_form_lr(self):
        after = 1.0 if self.last_epoch >= self.total_iters else 0.0
        return [b * (self.factor + after * (1 - self.factor)) for b in self._bases()]


class PolynomialLR(LRScheduler):
    """Decays the rates polynomially to 0 over `total_iters` epochs: ``lr = initial·(1 −
    min(epoch, total_iters)/total_iters)^power``.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        total_iters (int, optional): The number of epochs of the decay. Default: ``5``.
        power (float, optional): The power (>= 0). Default: ``1.0``.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `power` not a float, `total_iters` not an int.
        ValueError: a negative `power`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.PolynomialLR(opt, total_iters=4, power=2.0)
        >>> scheduler.step()
        True
        >>> print(scheduler.get_last_lr())  # 0.1·(3/4)²
        [Tensor(shape=[], dtype=Float32, value= 0.05625)]
    """

    def __init__(self, optimizer, total_iters=5, power=1.0, last_epoch=-1):
        _a_float(power, "power", "PolynomialLR")
        if power < 0:
            raise ShapeError(f"For 'PolynomialLR', the 'power' must be >= 0, but got {power}.")
        _an_int(total_iters, "total_iters", "PolynomialLR")
        self.total_iters = total_iters
        self.power = power
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e, total = self.last_epoch, self.total_iters
        if e == 0 or e > total:
            return self._current()
        factor = ((1.0 - e / total) / (1.0 - (e - 1) / total)) ** self.power
        return [lr * factor for lr in self._current()]

    def _get_closed_form_lr(self):
        left = 1.0 - min(self.total_iters, self.last_epoch) / self.total_iters
        return [b * left ** self.power for b in self._bases()]


def _lambdas(optimizer, lr_lambda):
    groups = len(optimizer.param_groups)
    if isinstance(lr_lambda, (list, tuple)):
        if len(lr_lambda) != groups:
            raise ShapeError(f"Expected {groups} lr_lambdas, but got {len(lr_lambda)}")
        return list(lr_lambda)
    return [lr_lambda] * groups


class LambdaLR(LRScheduler):
    """Sets the rates to the initial ones times ``lr_lambda(epoch)``.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        lr_lambda (Union[function, list]): The factor as a function of the epoch, or one such
            function per group.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        ValueError: a list of functions not one per group.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 1 / (epoch + 1))
        >>> scheduler.step()
        True
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
    """

    def __init__(self, optimizer, lr_lambda, last_epoch=-1):
        self.lr_lambdas = _lambdas(optimizer, lr_lambda)
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        return [b * f(self.last_epoch) for f, b in zip(self.lr_lambdas, self._bases())]


class MultiplicativeLR(LRScheduler):
    """Multiplies the rates by ``lr_lambda(epoch)`` every epoch.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        lr_lambda (Union[function, list]): The factor as a function of the epoch, or one such
            function per group.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        ValueError: a list of functions not one per group.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.MultiplicativeLR(opt, lr_lambda=lambda epoch: 0.5)
        >>> for _ in range(2):
        ...     _ = scheduler.step()
        >>> print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.025)]
    """

    def __init__(self, optimizer, lr_lambda, last_epoch=-1):
        self.lr_lambdas = _lambdas(optimizer, lr_lambda)
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if self.last_epoch > 0:
            return [lr * f(self.last_epoch) for f, lr in zip(self.lr_lambdas, self._current())]
        return self._current()


class CosineAnnealingLR(LRScheduler):
    """Cosine annealing from the initial rates to `eta_min` over `T_max` epochs (and back up over
    the next `T_max`): ``lr = eta_min + (initial − eta_min)(1 + cos(π·epoch/T_max))/2``, computed
    from the current rates step by step.

    Args:
        optimizer (:class:`mindspore.experimental.optim.Optimizer`): The optimizer.
        T_max (int): The half period, in epochs.
        eta_min (Union[float, int], optional): The least rate. Default: ``0.0``.
        last_epoch (int, optional): The index of the last epoch. Default: ``-1``.

    Outputs:
        ``step()`` returns True after writing the new rates into the optimizer's groups;
        ``get_last_lr()`` returns them, a list of Float32 0-D Tensors, one per group.

    Raises:
        TypeError: `T_max` not an int, `eta_min` not a number.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> opt = optim.SGD([ms.Parameter(ms.Tensor([1.0]), name="w")], lr=0.1)
        >>> scheduler = optim.lr_scheduler.CosineAnnealingLR(opt, T_max=2)
        >>> for _ in range(2):
        ...     _ = scheduler.step()
        ...     print(scheduler.get_last_lr())
        [Tensor(shape=[], dtype=Float32, value= 0.05)]
        [Tensor(shape=[], dtype=Float32, value= 0)]
    """

    def __init__(self, optimizer, T_max, eta_min=0.0, last_epoch=-1):
        _a_float(eta_min, "eta_min", "CosineAnnealingLR", ints=True)
        _an_int(T_max, "T_max", "CosineAnnealingLR")
        self.T_max = T_max
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e, t_max, low = self.last_epoch, self.T_max, self.eta_min
        if e == 0:
            return self._current()
        if (e - 1 - t_max) % (2 * t_max) == 0:
            rise = (1 - math.cos(math.pi / t_max)) / 2
            return [lr + (b - low) * rise for b, lr in zip(self._bases(), self._current())]
        ratio = (1 + math.cos(math.pi * e / t_max)) / (1 + math.cos(math.pi * (e - 1) / t_max))
        return [ratio * (lr - low) + low for lr in self._current()]

    def _get_closed_form_lr(self):
        cos = (1 + math.cos(math.pi * self.last_epoch / self.T_max)) / 2
        return [self.eta_min + (b - self.eta_min) * cos for b in self._bases()]


# The other schedulers build on this module (imported last).
from ._lr_more import (ChainedScheduler, CosineAnnealingWarmRestarts, CyclicLR,  # noqa: E402
                       ReduceLROnPlateau, SequentialLR)

__all__ += ["CosineAnnealingWarmRestarts", "CyclicLR", "ReduceLROnPlateau", "SequentialLR",
            "ChainedScheduler"]

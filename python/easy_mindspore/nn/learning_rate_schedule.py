"""MindSpore's ``nn.learning_rate_schedule``: Cells mapping the optimizer's ``global_step`` (an Int32
Tensor) to a Float32 learning rate. ``construct`` is made of tensor operations only (no value is
read back to Python), so a jitted training step that calls a schedule is traced once and computes
each step's rate from the step count it reads, like MindSpore's graph.

Schedules: ``ExponentialDecayLR``, ``NaturalExpDecayLR``, ``InverseDecayLR`` (``lr·decay_rate^p``,
``lr·e^(−decay_rate·step)``, ``lr/(1 + decay_rate·p)`` with ``p = step/decay_steps``, floored when
``is_stair``), ``CosineDecayLR``, ``PolynomialDecayLR`` and ``WarmUpLR``."""
import math

from .. import ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._lr_checks import a_bool, a_float, positive_int
from .cell import Cell

__all__ = ["LearningRateSchedule", "ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR",
           "CosineDecayLR", "PolynomialDecayLR", "WarmUpLR"]


def _step(global_step, op):
    """The step as Float32, after checking it: a real Tensor, not negative (checked when its
    value is known, i.e. not while a graph is being traced). As MindSpore 2.10's, any integer or
    float dtype is taken and cast, a fractional step included (``Tensor(5.5)`` is step 5.5)."""
    if not isinstance(global_step, Tensor):
        raise DTypeError(f"For '{op}', 'global_step' must be a Tensor, but got "
                         f"{type(global_step).__name__}.")
    if global_step.dtype not in mstype.int_type + mstype.uint_type + mstype.float_type:
        raise DTypeError(f"For '{op}', 'global_step' must be an integer or float Tensor, but got "
                         f"{global_step.dtype}.")
    if not global_step._is_traced and global_step.size and (global_step < 0).any():
        raise ShapeError(f"For '{op}', 'global_step' must be >= 0, but got {global_step}.")
    return ops.cast(global_step, mstype.float32)


def _floor(x):
    return ops.floor(x)


def _ceil(x):
    return -ops.floor(-x)


class LearningRateSchedule(Cell):
    """Base class of the schedules: ``construct(global_step)`` returns the learning rate (a
    Tensor) of that step.

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        Tensor, 0-D Float32: the learning rate at step `global_step`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class Half(nn.LearningRateSchedule):
        ...     def construct(self, global_step):
        ...         return 0.1 / (1 + global_step)
        ...
        >>> print(Half()(ms.Tensor(1, ms.int32)))
        0.05
    """

    def construct(self, global_step):
        raise NotImplementedError(f"For '{type(self).__name__}', construct must be defined by a "
                                  "subclass of LearningRateSchedule.")


def _check_decay(learning_rate, decay_rate, decay_steps, is_stair, op):
    positive_int(decay_steps, "decay_steps", op)
    a_float(learning_rate, "learning_rate", op, positive=True)
    a_float(decay_rate, "decay_rate", op, positive=True)
    a_bool(is_stair, "is_stair", op)


class _Decay(LearningRateSchedule):
    def __init__(self, learning_rate, decay_rate, decay_steps, is_stair=False):
        super().__init__()
        _check_decay(learning_rate, decay_rate, decay_steps, is_stair, type(self).__name__)
        self.learning_rate = learning_rate
        self.decay_rate = decay_rate
        self.decay_steps = decay_steps
        self.is_stair = is_stair


class ExponentialDecayLR(_Decay):
    """``learning_rate · decay_rate^p``, ``p = step/decay_steps`` (floored when ``is_stair``).

    Args:
        learning_rate (float): initial rate, > 0.
        decay_rate (float): > 0.
        decay_steps (int): > 0.
        is_stair (bool): decay in steps. Default: ``False``.

    Returns:
        Tensor: Float32, the shape of ``global_step``.

    Raises:
        TypeError: a float argument given as int, ``decay_steps`` not an int, ``is_stair`` not bool.
        ValueError: a non-positive argument, or a negative ``global_step``.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> nn.ExponentialDecayLR(0.1, 0.9, 4)(ms.Tensor(2, ms.int32))
        Tensor(shape=[], dtype=Float32, value= 0.0948683)
    """

    def construct(self, global_step):
        p = _step(global_step, "ExponentialDecayLR") / self.decay_steps
        if self.is_stair:
            p = _floor(p)
        return self.learning_rate * ops.pow(self.decay_rate, p)


class NaturalExpDecayLR(_Decay):
    """``learning_rate · e^(−decay_rate · step)``, the step rounded down to a multiple of
    ``decay_steps`` when ``is_stair`` (arguments and errors as ``ExponentialDecayLR``).

    Args:
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
        decay_rate (float): The decay rate.
        decay_steps (int): The number of steps per decay period.
        is_stair (bool, optional): Whether the learning rate decays in steps (once per period).
            Default: ``False``.

    Outputs:
        Tensor, 0-D Float32: the learning rate at step `global_step`.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> nn.NaturalExpDecayLR(0.1, 0.9, 4, True)(ms.Tensor(2, ms.int32))
        Tensor(shape=[], dtype=Float32, value= 0.1)
    """

    def construct(self, global_step):
        p = _step(global_step, "NaturalExpDecayLR")
        if self.is_stair:
            p = _floor(p / self.decay_steps) * self.decay_steps
        return self.learning_rate * ops.pow(math.e, -self.decay_rate * p)


class InverseDecayLR(_Decay):
    """``learning_rate / (1 + decay_rate · p)``, ``p = step/decay_steps`` (floored when
    ``is_stair``; arguments and errors as ``ExponentialDecayLR``).

    Args:
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
        decay_rate (float): The decay rate.
        decay_steps (int): The number of steps per decay period.
        is_stair (bool, optional): Whether the learning rate decays in steps (once per period).
            Default: ``False``.

    Outputs:
        Tensor, 0-D Float32: the learning rate at step `global_step`.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> nn.InverseDecayLR(0.1, 0.9, 4)(ms.Tensor(2, ms.int32))
        Tensor(shape=[], dtype=Float32, value= 0.0689655)
    """

    def construct(self, global_step):
        p = _step(global_step, "InverseDecayLR") / self.decay_steps
        if self.is_stair:
            p = _floor(p)
        return self.learning_rate / (1 + self.decay_rate * p)


class CosineDecayLR(LearningRateSchedule):
    """``min_lr + (max_lr − min_lr)/2 · (1 + cos(π · min(step, decay_steps)/decay_steps))``.

    Args:
        min_lr (float): >= 0.
        max_lr (float): > ``min_lr``.
        decay_steps (int): > 0.

    Outputs:
        Tensor, 0-D Float32: the learning rate at step `global_step`.

    Raises:
        TypeError: ``min_lr``/``max_lr`` not floats, ``decay_steps`` not an int.
        ValueError: ``min_lr < 0``, ``max_lr <= min_lr``, ``decay_steps <= 0``.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> nn.CosineDecayLR(0.01, 0.1, 4)(ms.Tensor(2, ms.int32))
        Tensor(shape=[], dtype=Float32, value= 0.055)
    """

    def __init__(self, min_lr, max_lr, decay_steps):
        super().__init__()
        op = "CosineDecayLR"
        a_float(min_lr, "min_lr", op, non_negative=True)
        a_float(max_lr, "max_lr", op, positive=True)
        positive_int(decay_steps, "decay_steps", op)
        if min_lr >= max_lr:
            raise ShapeError(f"For '{op}', the 'max_lr' must be greater than the 'min_lr', but got "
                             f"'max_lr' value: {max_lr}, 'min_lr' value: {min_lr}.")
        self.min_lr = min_lr
        self.max_lr = max_lr
        self.decay_steps = decay_steps

    def construct(self, global_step):
        p = ops.minimum(_step(global_step, "CosineDecayLR"), float(self.decay_steps))
        # cos(πx) written as sin(π(x + 1/2)), as MindSpore computes it (the same Float32 rounding).
        delta = 0.5 * (self.max_lr - self.min_lr)
        return self.min_lr + delta * (1.0 + ops.sin(math.pi * (p / self.decay_steps + 0.5)))


class PolynomialDecayLR(LearningRateSchedule):
    """``(learning_rate − end_learning_rate) · (1 − s/d)^power + end_learning_rate`` with
    ``s = min(step, decay_steps)`` and ``d = decay_steps``; with ``update_decay_steps``,
    ``s = step`` and ``d = decay_steps · max(ceil(step/decay_steps), 1)``.

    Args:
        learning_rate (float): > 0.
        end_learning_rate (float): >= 0.
        decay_steps (int): > 0.
        power (float): > 0.
        update_decay_steps (bool): Default: ``False``.

    Outputs:
        Tensor, 0-D Float32: the learning rate at step `global_step`.

    Raises:
        TypeError: wrong argument types. ValueError: values out of range.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5)(ms.Tensor(2, ms.int32))
        Tensor(shape=[], dtype=Float32, value= 0.0736396)
    """

    def __init__(self, learning_rate, end_learning_rate, decay_steps, power,
                 update_decay_steps=False):
        super().__init__()
        op = "PolynomialDecayLR"
        a_float(learning_rate, "learning_rate", op, positive=True)
        a_float(end_learning_rate, "end_learning_rate", op, non_negative=True)
        positive_int(decay_steps, "decay_steps", op)
        a_bool(update_decay_steps, "update_decay_steps", op)
        a_float(power, "power", op, positive=True)
        self.learning_rate = learning_rate
        self.end_learning_rate = end_learning_rate
        self.decay_steps = decay_steps
        self.power = power
        self.update_decay_steps = update_decay_steps

    def construct(self, global_step):
        step = _step(global_step, "PolynomialDecayLR")
        d = self.decay_steps
        if self.update_decay_steps:
            d = d * ops.maximum(_ceil(step / d), 1.0)
        else:
            step = ops.minimum(step, float(d))
        p = step / d
        diff = self.learning_rate - self.end_learning_rate
        return diff * ops.pow(1.0 - p, self.power) + self.end_learning_rate


class WarmUpLR(LearningRateSchedule):
    """``learning_rate · min(step, warmup_steps)/warmup_steps``.

    Args:
        learning_rate (float): >= 0.
        warmup_steps (int): > 0.

    Outputs:
        Tensor, 0-D Float32: the learning rate at step `global_step`.

    Raises:
        TypeError: ``learning_rate`` not a float, ``warmup_steps`` not an int.
        ValueError: ``learning_rate < 0`` or ``warmup_steps <= 0``.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> nn.WarmUpLR(0.1, 4)(ms.Tensor(2, ms.int32))
        Tensor(shape=[], dtype=Float32, value= 0.05)
    """

    def __init__(self, learning_rate, warmup_steps):
        super().__init__()
        op = "WarmUpLR"
        a_float(learning_rate, "learning_rate", op, non_negative=True)
        positive_int(warmup_steps, "warmup_steps", op)
        self.learning_rate = learning_rate
        self.warmup_steps = warmup_steps

    def construct(self, global_step):
        step = ops.minimum(_step(global_step, "WarmUpLR"), float(self.warmup_steps))
        return self.learning_rate * (step / self.warmup_steps)

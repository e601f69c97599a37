"""MindSpore's ``nn.dynamic_lr``: learning rates precomputed for every step, as Python lists of
floats (pass one as an optimizer's ``learning_rate``). For step ``i``, ``epoch = floor(i /
step_per_epoch)``; each function applies its schedule to that epoch, with MindSpore's formulas
and argument checks."""
import math

from .._errors import DTypeError, ShapeError
from ._lr_checks import a_bool, a_float, list_length, positive_int

__all__ = ["piecewise_constant_lr", "exponential_decay_lr", "natural_exp_decay_lr",
           "inverse_decay_lr", "cosine_decay_lr", "polynomial_decay_lr", "warmup_lr"]


def piecewise_constant_lr(milestone, learning_rates):
    """``learning_rates[t]`` for the steps ``[milestone[t-1], milestone[t])``.

    Args:
        milestone (Union[list[int], tuple[int]]): increasing positive step counts.
        learning_rates (Union[list[float], tuple[float]]): one rate per milestone.

    Returns:
        list[float], of length ``milestone[-1]``.

    Raises:
        TypeError: not lists/tuples, a milestone not an int, a rate not a float.
        ValueError: different lengths, a milestone <= 0 or smaller than the one before.

    Examples:
        >>> from easy_mindspore import nn
        >>> nn.piecewise_constant_lr([2, 5], [0.1, 0.05])
        [0.1, 0.1, 0.05, 0.05, 0.05]
    """
    op = "piecewise_constant_lr"
    for name, v in (("milestone", milestone), ("learning_rates", learning_rates)):
        if not isinstance(v, (list, tuple)):
            raise DTypeError(f"For '{op}', the '{name}' must be list or tuple, but got "
                             f"{type(v).__name__}.")
    if len(milestone) != len(learning_rates):
        raise ShapeError(f"For '{op}', the size of 'milestone' must be same with the size of "
                         f"'learning_rates', but got 'milestone' size: {len(milestone)}, "
                         f"'learning_rates' size: {len(learning_rates)}.")
    out, last = [], 0
    for i, (m, rate) in enumerate(zip(milestone, learning_rates)):
        positive_int(m, f"milestone[{i}]", op)
        a_float(rate, f"learning_rates[{i}]", op)
        if m < last:
            raise ShapeError(f"For '{op}', the value of milestone[{i}] must be greater than "
                             f"milestone[{i - 1}], but got milestone[{i}]: {m}, "
                             f"milestone[{i - 1}]: {last}.")
        out.extend([rate] * (m - last))
        last = m
    return out


def _check(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair, op):
    list_length(total_step, "total_step", op)
    positive_int(step_per_epoch, "step_per_epoch", op)
    positive_int(decay_epoch, "decay_epoch", op)
    a_float(learning_rate, "learning_rate", op, positive=True)
    a_float(decay_rate, "decay_rate", op, positive=True)
    a_bool(is_stair, "is_stair", op)


def _epochs(total_step, step_per_epoch):
    return [math.floor(i / step_per_epoch) for i in range(total_step)]


def exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch,
                         is_stair=False):
    """``learning_rate · decay_rate^(epoch/decay_epoch)`` per step (the exponent floored when
    ``is_stair``); a list of ``total_step`` floats.

    Args:
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
        decay_rate (float): The decay rate.
        total_step (int): The total number of steps.
        step_per_epoch (int): The number of steps per epoch.
        decay_epoch (int): The number of epochs per decay period.
        is_stair (bool, optional): Whether the learning rate decays in steps (once per period).
            Default: ``False``.

    Returns:
        list[float], the learning rate of each of the `total_step` steps.

    Raises:
        TypeError: ints where floats are due (or the reverse), ``is_stair`` not a bool.
        ValueError: a non-positive argument.

    Examples:
        >>> from easy_mindspore import nn
        >>> nn.exponential_decay_lr(0.1, 0.9, 4, 2, 1)
        [0.1, 0.1, 0.09000000000000001, 0.09000000000000001]
    """
    _check(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair,
           "exponential_decay_lr")
    out = []
    for e in _epochs(total_step, step_per_epoch):
        p = math.floor(e / decay_epoch) if is_stair else e / decay_epoch
        out.append(learning_rate * decay_rate ** p)
    return out


def natural_exp_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch,
                         is_stair=False):
    """``learning_rate · e^(−decay_rate · epoch)`` per step (the epoch rounded down to a multiple
    of ``decay_epoch`` when ``is_stair``); checks as ``exponential_decay_lr``.

    Args:
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
        decay_rate (float): The decay rate.
        total_step (int): The total number of steps.
        step_per_epoch (int): The number of steps per epoch.
        decay_epoch (int): The number of epochs per decay period.
        is_stair (bool, optional): Whether the learning rate decays in steps (once per period).
            Default: ``False``.

    Returns:
        list[float], the learning rate of each of the `total_step` steps.

    Examples:
        >>> from easy_mindspore import nn
        >>> nn.natural_exp_decay_lr(0.1, 0.9, 2, 1, 2)
        [0.1, 0.04065696597405991]
    """
    _check(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair,
           "natural_exp_decay_lr")
    out = []
    for e in _epochs(total_step, step_per_epoch):
        if is_stair:
            e = math.floor(e / decay_epoch) * decay_epoch
        out.append(learning_rate * math.e ** (-decay_rate * e))
    return out


def inverse_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch,
                     is_stair=False):
    """``learning_rate / (1 + decay_rate · epoch/decay_epoch)`` per step (the quotient floored
    when ``is_stair``); checks as ``exponential_decay_lr``.

    Args:
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
        decay_rate (float): The decay rate.
        total_step (int): The total number of steps.
        step_per_epoch (int): The number of steps per epoch.
        decay_epoch (int): The number of epochs per decay period.
        is_stair (bool, optional): Whether the learning rate decays in steps (once per period).
            Default: ``False``.

    Returns:
        list[float], the learning rate of each of the `total_step` steps.

    Examples:
        >>> from easy_mindspore import nn
        >>> nn.inverse_decay_lr(0.1, 0.5, 3, 1, 1)
        [0.1, 0.06666666666666667, 0.05]
    """
    _check(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair,
           "inverse_decay_lr")
    out = []
    for e in _epochs(total_step, step_per_epoch):
        if is_stair:
            out.append(learning_rate / (1 + decay_rate * math.floor(e / decay_epoch)))
        else:
            out.append(learning_rate / (1 + decay_rate * e / decay_epoch))
    return out


def cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch):
    """``min_lr + (max_lr − min_lr)/2 · (1 + cos(π · min(epoch, decay_epoch)/decay_epoch))``.

    Args:
        min_lr (float): The lowest learning rate.
        max_lr (float): The highest learning rate.
        total_step (int): The total number of steps.
        step_per_epoch (int): The number of steps per epoch.
        decay_epoch (int): The number of epochs per decay period.

    Returns:
        list[float], the learning rate of each of the `total_step` steps.

    Raises:
        TypeError: ``min_lr``/``max_lr`` not floats, step counts not ints.
        ValueError: ``min_lr < 0``, ``max_lr <= 0``, ``min_lr >= max_lr``, a count <= 0.

    Examples:
        >>> from easy_mindspore import nn
        >>> nn.cosine_decay_lr(0.01, 0.1, 3, 1, 2)
        [0.1, 0.05500000000000001, 0.01]
    """
    op = "cosine_decay_lr"
    a_float(min_lr, "min_lr", op, non_negative=True)
    a_float(max_lr, "max_lr", op, positive=True)
    list_length(total_step, "total_step", op)
    positive_int(step_per_epoch, "step_per_epoch", op)
    positive_int(decay_epoch, "decay_epoch", op)
    if min_lr >= max_lr:
        raise ShapeError(f"For '{op}', the 'max_lr' must be greater than the 'min_lr', but got "
                         f"'max_lr' value: {max_lr}, 'min_lr' value: {min_lr}.")
    delta = 0.5 * (max_lr - min_lr)
    return [min_lr + delta * (1 + math.cos(math.pi * min(e, decay_epoch) / decay_epoch))
            for e in _epochs(total_step, step_per_epoch)]


def polynomial_decay_lr(learning_rate, end_learning_rate, total_step, step_per_epoch, decay_epoch,
                        power, update_decay_epoch=False):
    """``(learning_rate − end_learning_rate) · (1 − e/d)^power + end_learning_rate`` with
    ``e = min(epoch, decay_epoch)``, ``d = decay_epoch``; with ``update_decay_epoch``, ``e =
    epoch`` and ``d = decay_epoch · max(ceil(epoch/decay_epoch), 1)``.

    Args:
        learning_rate (float): The initial learning rate.
        end_learning_rate (float): The final learning rate.
        total_step (int): The total number of steps.
        step_per_epoch (int): The number of steps per epoch.
        decay_epoch (int): The number of epochs per decay period.
        power (float): The power of the polynomial.
        update_decay_epoch (bool, optional): Whether the decay period grows past its end. Default:
            ``False``.

    Returns:
        list[float], the learning rate of each of the `total_step` steps.

    Raises:
        TypeError: wrong argument types. ValueError: values out of range.

    Examples:
        >>> from easy_mindspore import nn
        >>> nn.polynomial_decay_lr(0.1, 0.01, 3, 1, 2, 1.0)
        [0.1, 0.05500000000000001, 0.01]
    """
    op = "polynomial_decay_lr"
    a_float(learning_rate, "learning_rate", op, positive=True)
    a_float(end_learning_rate, "end_learning_rate", op, non_negative=True)
    a_float(power, "power", op, positive=True)
    list_length(total_step, "total_step", op)
    positive_int(step_per_epoch, "step_per_epoch", op)
    positive_int(decay_epoch, "decay_epoch", op)
    a_bool(update_decay_epoch, "update_decay_epoch", op)
    delta = learning_rate - end_learning_rate
    out = []
    for e in _epochs(total_step, step_per_epoch):
        if update_decay_epoch:
            d = decay_epoch * max(math.ceil(e / decay_epoch), 1)
        else:
            d, e = decay_epoch, min(e, decay_epoch)
        out.append(delta * (1 - e / d) ** power + end_learning_rate)
    return out


def warmup_lr(learning_rate, total_step, step_per_epoch, warmup_epoch):
    """``learning_rate · min(epoch, warmup_epoch)/warmup_epoch`` per step.

    Args:
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
        total_step (int): The total number of steps.
        step_per_epoch (int): The number of steps per epoch.
        warmup_epoch (int): The number of warm-up epochs.

    Returns:
        list[float], the learning rate of each of the `total_step` steps.

    Raises:
        TypeError: ``learning_rate`` not a float, counts not ints.
        ValueError: ``learning_rate < 0``, a count <= 0.

    Examples:
        >>> from easy_mindspore import nn
        >>> nn.warmup_lr(0.1, 3, 1, 2)
        [0.0, 0.05, 0.1]
    """
    op = "warmup_lr"
    a_float(learning_rate, "learning_rate", op, non_negative=True)
    positive_int(warmup_epoch, "warmup_epoch", op)
    list_length(total_step, "total_step", op)
    positive_int(step_per_epoch, "step_per_epoch", op)
    return [learning_rate * min(e, warmup_epoch) / warmup_epoch
            for e in _epochs(total_step, step_per_epoch)]

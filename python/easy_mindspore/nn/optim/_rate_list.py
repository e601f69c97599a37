"""A list (tuple, 1-D Tensor) of learning rates as an optimizer's schedule, one rate per step,
read with ``ops.gather`` so that a jitted training step replays each step's rate; a step past
the end is a RuntimeError naming the optimizer, as MindSpore 2.10's Gather raises there; and a
fixed rate shown as a schedule (``_ConvertToCell``)."""
from numbers import Number

from ... import ops
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ..learning_rate_schedule import LearningRateSchedule


class _IteratorLearningRate(LearningRateSchedule):
    """A list of rates as a schedule: ``rates[step]``; a step past the end is a RuntimeError
    naming the optimizer (MindSpore 2.10's Gather fails there: a list of rates is one per step,
    and training longer than it is a mistake, not a reason to keep the last rate)."""

    def __init__(self, rates, name, op):
        super().__init__()
        object.__setattr__(self, "learning_rate", Parameter(rates, name=name, requires_grad=False))
        self._op = op

    def check(self, global_step):
        """A RuntimeError naming the optimizer when ``global_step`` is past the last rate."""
        n = self.learning_rate.shape[0]
        # The test is on a boolean, so a jitted step keeps one graph (a guard on ``step < n``)
        # and traces again, raising here, at the first step past the end.
        if bool((global_step >= n).any()):
            step = int(global_step.reshape(-1)[0])
            raise ComputeError(f"For '{self._op}', the dynamic learning rate has {n} values (one "
                               f"per step), but step {step} is past its end: the step must be "
                               f"in the range [0, {n}).")

    def construct(self, global_step):
        self.check(global_step)
        return ops.gather(self.learning_rate, global_step, 0)


def _dynamic_rates(lr, op):
    """A 1-D Float32 Tensor of rates from a list, tuple or 1-D Tensor, each checked >= 0."""
    if isinstance(lr, Tensor):
        if lr.ndim > 1:
            raise ShapeError(f"For '{op}', if 'learning_rate' is a Tensor, its dimension must be 0 "
                             f"or 1, but got {lr.ndim}.")
        values = [float(v) for v in lr.asnumpy().ravel()]
    else:
        values = list(lr)
        for i, v in enumerate(values):
            if isinstance(v, bool) or not isinstance(v, Number):
                raise DTypeError(f"For '{op}', learning_rate[{i}] must be a number, but got "
                                 f"{type(v).__name__}.")
    if not values:
        raise ShapeError(f"For '{op}', a dynamic learning rate must not be empty.")
    for i, v in enumerate(values):
        if not float(v) >= 0.0:
            raise ShapeError(f"For '{op}', learning_rate[{i}] must be >= 0, but got {v}.")
    return Tensor([float(v) for v in values], mstype.float32)


class _ConvertToCell(LearningRateSchedule):
    """A fixed rate as a schedule (MindSpore's ``_ConvertToCell``): when parameter groups have
    their own rates and one of them is dynamic, ``Optimizer.learning_rate`` lists a schedule per
    parameter, a fixed rate as this Cell over its Parameter (``.learning_rate``); called with the
    step, it returns the rate (a 0-D Tensor)."""

    def __init__(self, learning_rate):
        super().__init__()
        if not isinstance(learning_rate, Parameter):
            raise DTypeError("For 'Optimizer', the argument 'learning_rate' must be Parameter, "
                             f"but got {type(learning_rate)}.")
        # As ``_IteratorLearningRate``'s: the optimizer registers its rate Parameters itself.
        object.__setattr__(self, "learning_rate", learning_rate)

    def construct(self, global_step):
        return self.learning_rate.value()

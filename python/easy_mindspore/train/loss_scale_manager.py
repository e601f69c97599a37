"""Loss-scale managers (``mindspore.amp.LossScaleManager`` and its two kinds, also exported by
``mindspore.train`` and the top-level package): what ``Model`` and
``amp.build_train_network`` read to build a loss-scaled training step. A manager keeps a
host-side copy of the scale (``update_loss_scale``, which ``Model`` calls after each step
when overflowing steps are dropped) and makes the update cell the step runs."""
from numbers import Real

from .._errors import ComputeError, DTypeError, ShapeError
from ..nn.loss_scale import DynamicLossScaleUpdateCell, FixedLossScaleUpdateCell

__all__ = ["LossScaleManager", "FixedLossScaleManager", "DynamicLossScaleManager"]


class LossScaleManager:
    """The base class of the loss-scale managers.

    A subclass defines ``get_loss_scale``, ``update_loss_scale`` and ``get_update_cell``.
    ``Model`` and ``amp.build_train_network`` read the manager to build a loss-scaled training
    step; ``Model`` calls ``update_loss_scale`` after each step when the manager's
    ``get_drop_overflow_update()`` is True.

    Outputs:
        ``get_loss_scale()`` returns the current scale, ``get_update_cell()`` the Cell a
        loss-scaled step calls to update it (or None); ``update_loss_scale(overflow)`` returns
        nothing.

    Examples:
        >>> from mindspore import amp
        >>> class HalvingManager(amp.LossScaleManager):
        ...     def __init__(self, scale):
        ...         self.scale = scale
        ...     def get_loss_scale(self):
        ...         return self.scale
        ...     def update_loss_scale(self, overflow):
        ...         if overflow:
        ...             self.scale = max(self.scale / 2, 1.0)
        ...     def get_update_cell(self):
        ...         return None
        >>> manager = HalvingManager(8.0)
        >>> for overflow in (True, False, True):
        ...     manager.update_loss_scale(overflow)
        >>> print(manager.get_loss_scale(), isinstance(manager, amp.LossScaleManager))
        2.0 True
    """

    def get_loss_scale(self):
        """The current loss scale."""

    def update_loss_scale(self, overflow):
        """Updates the scale after a step; ``overflow`` says whether it overflowed."""

    def get_update_cell(self):
        """The Cell a loss-scaled step calls to update the scale (or None)."""


def _number(op, name, value):
    if isinstance(value, bool) or not isinstance(value, Real):
        raise DTypeError(f"For '{op}', '{name}' must be a number, but got "
                         f"{type(value).__name__}.")


class FixedLossScaleManager(LossScaleManager):
    """A fixed loss scale.

    With ``drop_overflow_update=True`` the step is a ``TrainOneStepWithLossScaleCell`` that
    skips the optimizer on an overflow (its update cell is a ``FixedLossScaleUpdateCell``);
    with False it is a ``TrainOneStepCell`` with ``sens=loss_scale``, and the optimizer must
    be given the same ``loss_scale`` to divide it out.

    Args:
        loss_scale (float, optional): The scale, at least 1. Default: ``128.0``.
        drop_overflow_update (bool, optional): Skip the optimizer on an overflow. Default:
            ``True``.

    Outputs:
        ``get_loss_scale()`` returns `loss_scale`; ``get_update_cell()`` a
        ``FixedLossScaleUpdateCell`` with `drop_overflow_update`, else None.

    Raises:
        TypeError: `loss_scale` not a number.
        ValueError: ``loss_scale < 1``.

    Examples:
        >>> from mindspore import amp
        >>> manager = amp.FixedLossScaleManager(1024.0, drop_overflow_update=False)
        >>> print(manager.get_loss_scale(), manager.get_update_cell())
        1024.0 None
    """

    def __init__(self, loss_scale=128.0, drop_overflow_update=True):
        _number("FixedLossScaleManager", "loss_scale", loss_scale)
        if loss_scale < 1:
            raise ShapeError(f"For 'FixedLossScaleManager', the argument 'loss_scale' must be >= 1, "
                             f"but got {loss_scale}")
        self._loss_scale = loss_scale
        self._drop_overflow_update = drop_overflow_update

    def get_loss_scale(self):
        """The loss scale."""
        return self._loss_scale

    def get_drop_overflow_update(self):
        """Whether an overflowing step skips the optimizer."""
        return self._drop_overflow_update

    def update_loss_scale(self, overflow):
        """Nothing: the scale is fixed."""

    def get_update_cell(self):
        """A ``FixedLossScaleUpdateCell`` with ``drop_overflow_update``, else None."""
        if not self._drop_overflow_update:
            return None
        return FixedLossScaleUpdateCell(self._loss_scale)


class DynamicLossScaleManager(LossScaleManager):
    """A loss scale that halves (``/scale_factor``, at least 1) on each overflow and doubles
    (``·scale_factor``) after ``scale_window`` steps without one; overflowing steps are
    always skipped.

    Args:
        init_loss_scale (float, optional): The initial scale, at least 1. Default: ``2**24``.
        scale_factor (int, optional): The factor. Default: ``2``.
        scale_window (int, optional): Steps without overflow before an increase. Default:
            ``2000``.

    Outputs:
        ``get_loss_scale()`` returns the current scale; ``get_update_cell()`` a
        ``DynamicLossScaleUpdateCell`` with this manager's scale and settings.

    Raises:
        TypeError: `init_loss_scale` or `scale_factor` not a number.
        ValueError: ``init_loss_scale < 1``, ``scale_factor <= 0``, ``scale_window`` not a
            positive int.
        RuntimeError: ``update_loss_scale`` saw more than 1000 overflows in a row.

    Examples:
        >>> from mindspore import amp
        >>> manager = amp.DynamicLossScaleManager(init_loss_scale=16, scale_factor=2,
        ...                                       scale_window=2)
        >>> for overflow in (False, False, True):
        ...     manager.update_loss_scale(overflow)
        >>> print(manager.get_loss_scale())
        16.0
    """

    def __init__(self, init_loss_scale=2 ** 24, scale_factor=2, scale_window=2000):
        op = "DynamicLossScaleManager"
        _number(op, "init_loss_scale", init_loss_scale)
        _number(op, "scale_factor", scale_factor)
        if init_loss_scale < 1.0:
            raise ShapeError(f"For '{op}', the argument 'init_loss_scale' must be > 1, but got "
                             f"{init_loss_scale}")
        if isinstance(scale_window, bool) or not isinstance(scale_window, int) or scale_window <= 0:
            raise ShapeError(f"For '{op}', the 'scale_window' must be int and must > 0, but got "
                             f"'{scale_window}' with type '{type(scale_window).__name__}'.")
        if scale_factor <= 0:
            raise ShapeError(f"For '{op}', the argument 'scale_factor' must be > 0, but got "
                             f"{scale_factor}")
        self.loss_scale = init_loss_scale
        self.scale_window = scale_window
        self.scale_factor = scale_factor
        self.increase_ratio = scale_factor
        self.decrease_ratio = 1 / scale_factor
        self.cur_iter = 1
        self.last_overflow_iter = 0
        self.bad_step_max = 1000
        self.bad_step = 0

    def get_loss_scale(self):
        """The current (host-side) loss scale."""
        return self.loss_scale

    def update_loss_scale(self, overflow):
        """On an overflow: ``scale = max(scale / factor, 1)``; otherwise ``scale · factor``
        when ``cur_iter - last_overflow_iter`` is a multiple of ``scale_window``."""
        if overflow:
            self.loss_scale = max(self.loss_scale * self.decrease_ratio, 1)
            self.last_overflow_iter = self.cur_iter
            self.bad_step += 1
        else:
            if (self.cur_iter - self.last_overflow_iter) % self.scale_window == 0:
                self.loss_scale *= self.increase_ratio
            self.bad_step = 0
        if self.bad_step > self.bad_step_max:
            raise ComputeError(f"For 'DynamicLossScaleManager', dynamic loss scale continuous "
                               f"overflow {self.bad_step} times, has exceeded maximum threshold.")
        self.cur_iter += 1

    def get_drop_overflow_update(self):
        """Always True: an overflowing step is skipped."""
        return True

    def get_update_cell(self):
        """A ``DynamicLossScaleUpdateCell`` with this manager's scale and settings."""
        return DynamicLossScaleUpdateCell(self.loss_scale, self.scale_factor, self.scale_window)

"""``mindspore.amp``: mixed precision and loss scaling, MindSpore 2.x's names.

Network conversion (``auto_mixed_precision``, ``custom_mixed_precision``,
``build_train_network``, the white and black lists) lives in ``train/amp.py``; the managers
``Model`` takes in ``train/loss_scale_manager.py``; the training step that uses them is
``nn.TrainOneStepWithLossScaleCell``. This module adds the functional pieces a hand-written
step uses: ``all_finite`` and the loss scalers (``StaticLossScaler``, ``DynamicLossScaler``),
whose state (``scale_value``, ``counter``) are Parameters, so a step under ``jit`` updates
them as MindSpore's ``jit_class`` does."""
from abc import ABC, abstractmethod

from . import _tree
from ._C import Tensor
from ._errors import DTypeError, ShapeError
from .common import dtype as mstype
from .common.parameter import Parameter
from .nn.loss_scale import all_finite as _all_finite
from .ops.functional import maximum, select
from .train.amp import (auto_mixed_precision, build_train_network, custom_mixed_precision,
                        get_black_list, get_white_list)
from .train.loss_scale_manager import (DynamicLossScaleManager, FixedLossScaleManager,
                                       LossScaleManager)

__all__ = ["DynamicLossScaleManager", "LossScaleManager", "FixedLossScaleManager",
           "build_train_network", "DynamicLossScaler", "StaticLossScaler", "LossScaler",
           "auto_mixed_precision", "all_finite", "custom_mixed_precision", "get_white_list",
           "get_black_list"]


def all_finite(inputs):
    """Whether every element of every Tensor in ``inputs`` is finite (no Inf, no NaN).

    Args:
        inputs (Union[tuple[Tensor], list[Tensor]]): The Tensors (gradients, typically).

    Returns:
        Tensor, a 0-d Bool.

    Raises:
        TypeError: ``inputs`` is not a tuple or list of Tensors.

    Examples:
        >>> import numpy as np
        >>> from mindspore import amp, Tensor
        >>> print(amp.all_finite((Tensor([1.0, 2.0]), Tensor([np.inf]))))
        False
    """
    if not isinstance(inputs, (tuple, list)) or not all(isinstance(t, Tensor) for t in inputs):
        raise DTypeError(f"For 'all_finite', 'inputs' must be a tuple or list of Tensors, but got "
                         f"{type(inputs).__name__}.")
    return _all_finite(inputs)


def _map(inputs, fn):
    def one(t):
        if not isinstance(t, Tensor):
            raise DTypeError(f"For 'LossScaler', the inputs must be a Tensor or a tuple of Tensors, "
                             f"but got {type(t).__name__}.")
        return fn(t)
    return _tree.map_leaves(one, inputs)


def _scale_value(op, scale_value):
    if isinstance(scale_value, bool) or not isinstance(scale_value, (float, int)):
        raise DTypeError(f"For '{op}', the type of 'scale_value' should be one of '['float', "
                         f"'int']', but got type '{type(scale_value).__name__}'.")
    if scale_value < 1.0:
        raise ShapeError(f"For '{op}', the argument 'scale_value' must be > 1, but got "
                         f"{scale_value}")
    return Parameter(Tensor(scale_value, mstype.float32), name="scale_value")


class LossScaler(ABC):
    """The interface of a loss scaler: ``scale`` and ``unscale`` a loss or gradients,
    ``adjust`` the scale after checking the gradients."""

    @abstractmethod
    def scale(self, inputs):
        """``inputs · scale_value``."""

    @abstractmethod
    def unscale(self, inputs):
        """``inputs / scale_value``."""

    @abstractmethod
    def adjust(self, grads_finite):
        """Updates ``scale_value`` from whether the gradients were finite."""

    def _scale(self, inputs):
        return _map(inputs, lambda t: t * self.scale_value.astype(t.dtype))

    def _unscale(self, inputs):
        inv = 1.0 / self.scale_value
        return _map(inputs, lambda t: t * inv.astype(t.dtype))


class StaticLossScaler(LossScaler):
    """A fixed loss scale.

    Args:
        scale_value (Union[float, int]): The scale, at least 1.

    Raises:
        TypeError: ``scale_value`` is not a float or int.
        ValueError: ``scale_value < 1``.

    Examples:
        >>> import numpy as np
        >>> from mindspore import amp, Tensor
        >>> scaler = amp.StaticLossScaler(1024)
        >>> print(scaler.scale(Tensor(np.array([0.5], np.float32))))
        [512.]
        >>> print(scaler.adjust(Tensor(True)))
        False
    """

    def __init__(self, scale_value):
        self.scale_value = _scale_value("StaticLossScaler", scale_value)

    def scale(self, inputs):
        """``inputs`` (a Tensor or a tuple of Tensors) times the scale, in their dtypes."""
        return self._scale(inputs)

    def unscale(self, inputs):
        """``inputs`` divided by the scale, in their dtypes."""
        return self._unscale(inputs)

    def adjust(self, grads_finite):
        """Nothing to adjust: returns False."""
        return False


class DynamicLossScaler(LossScaler):
    """A loss scale that follows the gradients: each finite step counts; after
    ``scale_window`` finite steps in a row the scale is multiplied by ``scale_factor`` (when
    the product is finite) and the count restarts; a non-finite step divides it by
    ``scale_factor`` (at least 1) and resets the count.

    Args:
        scale_value (Union[float, int]): The initial scale, at least 1.
        scale_factor (int): The factor.
        scale_window (int): Finite steps before an increase.

    Raises:
        TypeError: ``scale_value`` not a float or int; ``scale_factor``/``scale_window`` not
            an int.
        ValueError: ``scale_value < 1``; ``scale_factor``/``scale_window`` not positive.

    Examples:
        >>> from mindspore import amp, Tensor
        >>> scaler = amp.DynamicLossScaler(scale_value=2**10, scale_factor=2, scale_window=1)
        >>> _ = scaler.adjust(Tensor(False))
        >>> print(scaler.scale_value.asnumpy())
        512.0
    """

    def __init__(self, scale_value, scale_factor, scale_window):
        op = "DynamicLossScaler"
        self.scale_value = _scale_value(op, scale_value)
        for name, v in (("scale_window", scale_window), ("scale_factor", scale_factor)):
            if isinstance(v, bool) or not isinstance(v, int):
                raise DTypeError(f"For '{op}', the '{name}' must be int, but got "
                                 f"'{type(v).__name__}'")
            if v <= 0:
                raise ShapeError(f"For '{op}', the '{name}' must be int and must > 0, but got "
                                 f"'{v}' with type 'int'.")
        self.scale_window = scale_window
        self.scale_factor = scale_factor
        self.counter = Parameter(Tensor(0, mstype.int32), name="counter")

    def scale(self, inputs):
        """``inputs`` (a Tensor or a tuple of Tensors) times the scale, in their dtypes."""
        return self._scale(inputs)

    def unscale(self, inputs):
        """``inputs`` divided by the scale, in their dtypes."""
        return self._unscale(inputs)

    def adjust(self, grads_finite):
        """Updates ``scale_value`` and ``counter`` from ``grads_finite`` (a Bool scalar);
        returns True."""
        if not isinstance(grads_finite, Tensor):
            grads_finite = Tensor(bool(grads_finite), mstype.bool_)
        finite = grads_finite.astype(mstype.bool_).reshape(())
        scale = self.scale_value
        raised = scale * self.scale_factor
        at_window = self.counter == (self.scale_window - 1)
        grown = select(at_window, select(raised.isfinite(), raised, scale), scale)
        lowered = maximum(scale / self.scale_factor, Tensor(1.0, scale.dtype))
        self.scale_value.set_data(select(finite, grown, lowered))
        self.counter.set_data(((self.counter + 1) % self.scale_window) * finite.astype(mstype.int32))
        return True

"""Loss-scaled training steps (MindSpore 2.x's ``nn.TrainOneStepWithLossScaleCell``) and the
cells that update the scale: ``nn.DynamicLossScaleUpdateCell``, ``nn.FixedLossScaleUpdateCell``.

A step multiplies the loss's cotangent by the scale before the backward pass (so small
Float16 gradients do not flush to zero), divides the gradients by it afterwards, and checks
them: if any is Inf or NaN (an overflow) the optimizer is skipped and the update cell lowers
the scale; after ``scale_window`` steps without overflow it raises it. The scale and the
counters are Parameters, so the state machine is the same eagerly and under ``jit`` (the
skip is a branch on the overflow flag: a compiled step keeps one graph per branch).

MindSpore 2.10 on CPU refuses these steps (its overflow check needs an Ascend or GPU status
register; ``build_train_network`` raises a ValueError); here the check is ``all_finite`` of
the gradients, which is what MindSpore's GPU path computes, and the steps run."""
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .._grad import value_and_grad
from ..common import dtype as mstype
from ..common.parameter import Parameter
from ..ops.composite import HyperMap
from ..ops.functional import maximum, select
from .cell import Cell
from .wrap import TrainOneStepCell

__all__ = ["DynamicLossScaleUpdateCell", "FixedLossScaleUpdateCell",
           "TrainOneStepWithLossScaleCell", "all_finite"]


def all_finite(inputs):
    """A 0-d Bool Tensor: True when every element of every Tensor of ``inputs`` is finite."""
    flags = [t.isfinite().all() for t in inputs]
    if not flags:
        return Tensor(True, mstype.bool_)
    out = flags[0]
    for f in flags[1:]:
        out = out.logical_and(f)
    return out


class DynamicLossScaleUpdateCell(Cell):
    r"""Updates a dynamic loss scale after each step. On an overflow the scale becomes
    ``max(scale / scale_factor, 1)``; when ``scale_window`` steps have passed since the last
    overflow or increase without one, it becomes ``scale · scale_factor``. The step counter
    ``cur_iter`` (Parameter ``current_iterator_step``, from 1) and ``last_overflow_iter``
    (``last_overflow_iterator_step``, from 0) are Int32 Parameters.

    Args:
        loss_scale_value (float): The initial loss scale.
        scale_factor (int): The factor of each increase or decrease.
        scale_window (int): Steps without overflow before an increase.

    Inputs:
        - **loss_scale** (Parameter) - The scale, of shape ``()``; updated in place.
        - **overflow** (Tensor) - A Bool scalar: whether this step overflowed.

    Outputs:
        ``overflow``, unchanged.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, Tensor, Parameter
        >>> update = nn.DynamicLossScaleUpdateCell(loss_scale_value=2**12, scale_factor=2,
        ...                                        scale_window=1000)
        >>> scale = Parameter(Tensor(2.0**12, ms.float32), name="scale")
        >>> _ = update(scale, Tensor(True))
        >>> print(scale.asnumpy(), update.get_loss_scale())
        2048.0 4096
    """

    def __init__(self, loss_scale_value, scale_factor, scale_window):
        super().__init__()
        self.scale_window = Tensor(scale_window, mstype.int32)
        self.scale_factor = Tensor(scale_factor, mstype.float32)
        self.loss_scale_value = loss_scale_value
        self.cur_iter = Parameter(Tensor(1, mstype.int32), name="current_iterator_step")
        self.last_overflow_iter = Parameter(Tensor(0, mstype.int32),
                                            name="last_overflow_iterator_step")
        self.minimum_loss_scale = Tensor(1.0, mstype.float32)

    def get_loss_scale(self):
        """The initial loss scale (``loss_scale_value``)."""
        return self.loss_scale_value

    def construct(self, loss_scale, overflow):
        overflow = _bool("DynamicLossScaleUpdateCell", overflow)
        scale = loss_scale.astype(mstype.float32)
        lowered = select(overflow, maximum(scale / self.scale_factor, self.minimum_loss_scale),
                         scale)
        should_inc = self.scale_window <= self.cur_iter - self.last_overflow_iter
        self.last_overflow_iter.set_data(select(overflow.logical_or(should_inc), self.cur_iter,
                                                self.last_overflow_iter))
        raise_it = should_inc.logical_and(overflow.logical_not())
        loss_scale.set_data(select(raise_it, lowered * self.scale_factor, lowered)
                            .astype(loss_scale.dtype))
        self.cur_iter.set_data(self.cur_iter + 1)
        return overflow


class FixedLossScaleUpdateCell(Cell):
    """The update cell of a fixed loss scale: leaves the scale alone and returns ``overflow``
    (with it, :class:`TrainOneStepWithLossScaleCell` still skips overflowing steps).

    Args:
        loss_scale_value (float): The loss scale.

    Inputs:
        - **loss_scale** (Tensor) - Ignored.
        - **overflow** (Tensor) - A Bool scalar.

    Outputs:
        ``overflow``, unchanged.

    Examples:
        >>> from mindspore import nn, Tensor
        >>> update = nn.FixedLossScaleUpdateCell(loss_scale_value=2**12)
        >>> print(update(Tensor(1.0), Tensor(False)), update.get_loss_scale())
        False 4096
    """

    def __init__(self, loss_scale_value):
        super().__init__()
        self.loss_scale_value = loss_scale_value

    def get_loss_scale(self):
        """The loss scale."""
        return self.loss_scale_value

    def construct(self, _, overflow):
        return overflow


def _bool(op, overflow):
    if isinstance(overflow, bool):
        return Tensor(overflow, mstype.bool_)
    if not isinstance(overflow, Tensor) or overflow.dtype != mstype.bool_:
        raise DTypeError(f"For '{op}', 'overflow' must be a Bool Tensor or a bool, but got "
                         f"{getattr(overflow, 'dtype', type(overflow).__name__)}.")
    return overflow.reshape(())


class TrainOneStepWithLossScaleCell(TrainOneStepCell):
    r"""One training step with loss scaling: the loss ``network(*inputs)``, its gradients
    with the backward pass started from the scale (``sens = ones_like(loss)·scale``), the
    gradients divided by the scale, an overflow check (any Inf/NaN in them) and, without an
    overflow, one optimizer step. With an update cell as ``scale_sense`` the cell updates the
    scale after each step; with a Tensor the scale stays until :meth:`set_sense_scale`.

    Args:
        network (Cell): The network with its loss; one output.
        optimizer (Cell): The optimizer of ``network``'s Parameters.
        scale_sense (Union[Tensor, Cell]): An update cell
            (:class:`DynamicLossScaleUpdateCell`, :class:`FixedLossScaleUpdateCell`) or the
            scale, a Tensor of shape ``()`` or ``(1,)``.

    Inputs:
        - **\*inputs** (Tuple(Tensor)) - The network's inputs.

    Outputs:
        Tuple of 3 Tensors: the loss, the overflow flag (Bool) and the loss scale (after this
        step's update).

    Raises:
        TypeError: ``scale_sense`` is neither a Cell nor a Tensor.
        ValueError: ``scale_sense``'s shape is neither ``()`` nor ``(1,)``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn, Tensor
        >>> net = nn.WithLossCell(nn.Dense(3, 1), nn.MSELoss())
        >>> opt = nn.SGD(net.trainable_params(), 0.01)
        >>> update = nn.DynamicLossScaleUpdateCell(loss_scale_value=2**12, scale_factor=2,
        ...                                        scale_window=1000)
        >>> step = nn.TrainOneStepWithLossScaleCell(net, opt, scale_sense=update)
        >>> loss, overflow, scale = step(Tensor(np.ones((2, 3), np.float32)),
        ...                              Tensor(np.zeros((2, 1), np.float32)))
        >>> print(overflow, scale)
        False 4096.0
    """

    def __init__(self, network, optimizer, scale_sense):
        super().__init__(network, optimizer, sens=None)
        object.__setattr__(self, "loss_scaling_manager", None)
        if isinstance(scale_sense, Cell):
            self.loss_scaling_manager = scale_sense
            self.scale_sense = Parameter(Tensor(scale_sense.get_loss_scale(), mstype.float32),
                                         name="scale_sense")
        elif isinstance(scale_sense, Tensor):
            if tuple(scale_sense.shape) not in ((1,), ()):
                raise ShapeError("For 'TrainOneStepWithLossScaleCell', the shape of 'scale_sense' "
                                 f"must be (1,) or (), but got {tuple(scale_sense.shape)}.")
            self.scale_sense = Parameter(scale_sense, name="scale_sense")
        else:
            raise DTypeError("For 'TrainOneStepWithLossScaleCell', the 'scale_sense' must be Cell "
                             f"or Tensor, but got 'scale_sense' type: {type(scale_sense)}.")
        self._scaled_grad_fn = value_and_grad(self._scaled_loss, None, optimizer.parameters,
                                              has_aux=True)
        # As MindSpore's, for a custom step's per-gradient maps (unscaling, clipping).
        object.__setattr__(self, "hyper_map", HyperMap())

    def _scaled_loss(self, *inputs):
        loss = self.network(*inputs)
        # d(loss·scale)/dw: the backward pass starts from ones_like(loss)·scale
        return loss * self.scale_sense.astype(loss.dtype), loss

    def construct(self, *inputs):
        scaling_sens = self.scale_sense
        (_, loss), grads = self._scaled_grad_fn(*inputs)
        inv = 1.0 / scaling_sens.astype(mstype.float32)
        grads = tuple(g * inv.astype(g.dtype) for g in grads)
        grads = self.grad_reducer(grads)
        cond = self.get_overflow_status(None, grads)
        overflow = self.process_loss_scale(cond)
        if not bool(overflow):
            self.optimizer(grads)
        return loss, cond, scaling_sens.copy()

    def set_sense_scale(self, sens):
        """Sets the scale (a Tensor of the ``scale_sense`` shape) when it was given as a
        Tensor."""
        if not isinstance(sens, Tensor):
            raise DTypeError("For 'TrainOneStepWithLossScaleCell', the type of 'sens' must be "
                             f"Tensor, but got {type(sens)}")
        self.scale_sense.set_data(sens)

    def start_overflow_check(self, pre_cond, compute_input):
        """Starts an overflow check (MindSpore's hook for custom steps): returns a status
        Tensor (eight Int32 zeros) and ``compute_input`` unchanged; on CPU there is no status
        register to clear."""
        return Tensor([0] * 8, mstype.int32), compute_input

    def get_overflow_status(self, status, compute_output):
        """A Bool scalar: True when a Tensor of ``compute_output`` (the gradients) holds an
        Inf or NaN."""
        return all_finite(compute_output).logical_not()

    def process_loss_scale(self, overflow):
        """Runs the update cell on the scale (when there is one) and returns ``overflow``."""
        if self.loss_scaling_manager is not None:
            return self.loss_scaling_manager(self.scale_sense, overflow)
        return overflow

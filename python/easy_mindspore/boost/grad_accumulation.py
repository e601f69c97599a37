"""Gradient accumulation (``mindspore.boost.GradientAccumulation`` and its two per-parameter
functions, which libraries such as MindCV build their own accumulating steps from)."""
from .. import Parameter, Tensor
from ..common import dtype as mstype
from ..nn.cell import Cell
from ..ops import composite as C
from ..ops import functional as F
from ..ops import operations as P

__all__ = ["GradientAccumulation", "gradient_accumulation_op", "gradient_clear_op"]

gradient_accumulation_op = C.MultitypeFuncGraph("gradient_accumulation_op")


@gradient_accumulation_op.register("Int64", "Tensor", "Tensor")
def _accumulate(steps, total, grad):
    """Adds ``grad / steps`` into the accumulated gradient ``total`` (a Parameter); returns it."""
    P.AssignAdd()(total, grad / steps)
    return total


gradient_clear_op = C.MultitypeFuncGraph("gradient_clear_op")


@gradient_clear_op.register("Tensor")
def _clear(total):
    """Sets the accumulated gradient ``total`` (a Parameter) back to zeros."""
    return F.assign(total, P.ZerosLike()(total))


class GradientAccumulation(Cell):
    """``GradientAccumulation(max_accumulation_step, optimizer)``: called with a step's
    ``(loss, grads)``, adds ``grads / max_accumulation_step`` to one zero-initialised Parameter
    per optimizer parameter (``grad_accumulation.<name>``); every ``max_accumulation_step``-th
    call runs ``optimizer`` on the sums, then clears them. Returns the loss.

    Args:
        max_accumulation_step (int): The steps whose gradients make one update.
        optimizer (Cell): The optimizer the sums go to.
    """

    def __init__(self, max_accumulation_step, optimizer):
        super().__init__()
        self._max_accumulation_step = max_accumulation_step
        self.optimizer = optimizer
        self.weights = optimizer.parameters
        self.hyper_map = C.HyperMap()
        self._grad_accumulation = self.weights.clone(prefix="grad_accumulation", init="zeros")
        self._accumulation_step = Parameter(Tensor(0, dtype=mstype.int32), name="accumulation_step")

    def construct(self, loss, grads):
        add = F.partial(gradient_accumulation_op, self._max_accumulation_step)
        loss = F.depend(loss, self.hyper_map(add, self._grad_accumulation, grads))
        self._accumulation_step += 1
        if self._accumulation_step >= self._max_accumulation_step:
            loss = F.depend(loss, self.optimizer(self._grad_accumulation))
            F.assign(self._accumulation_step, 0)
            loss = F.depend(loss, self.hyper_map(F.partial(gradient_clear_op), self._grad_accumulation))
        return loss

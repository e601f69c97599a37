"""``nn.WithLossCell`` and ``nn.TrainOneStepCell``: the training step of D2L-MindSpore code."""
from .._C import Tensor
from .._errors import DTypeError
from .._grad import value_and_grad
from .cell import Cell

__all__ = ["WithLossCell", "TrainOneStepCell", "ForwardValueAndGrad"]


class WithLossCell(Cell):
    """``loss_fn(backbone(data), label)``."""

    def __init__(self, backbone, loss_fn):
        super().__init__()
        self._backbone = backbone
        self._loss_fn = loss_fn

    def construct(self, data, label):
        return self._loss_fn(self._backbone(data), label)

    @property
    def backbone_network(self):
        return self._backbone


class TrainOneStepCell(Cell):
    """One optimizer step per call; returns the loss."""

    def __init__(self, network, optimizer, sens=None):
        super().__init__()
        self.network = network
        object.__setattr__(self, "optimizer", optimizer)
        self._grad_fn = value_and_grad(network, None, optimizer.parameters)

    def construct(self, *inputs):
        loss, grads = self._grad_fn(*inputs)
        self.optimizer(grads)
        return loss


class ForwardValueAndGrad(Cell):
    """``nn.ForwardValueAndGrad(network, weights=None, get_all=False, get_by_list=False,
    sens_param=False)``: calling it returns ``(network's output, gradients)``, the gradients
    structured as ``ops.GradOperation`` with the same flags gives them (the first Tensor input's,
    every Tensor input's with ``get_all``, the weights' with ``get_by_list``, both as a pair), in
    one forward and one backward pass. With ``sens_param`` the last input is the output's
    cotangent."""

    def __init__(self, network, weights=None, get_all=False, get_by_list=False, sens_param=False):
        super().__init__()
        if not isinstance(network, Cell):
            raise DTypeError(f"For 'ForwardValueAndGrad', 'network' must be a Cell, but got "
                             f"{type(network).__name__}.")
        if get_by_list and weights is None:
            raise DTypeError("For 'ForwardValueAndGrad', 'weights' must be given when get_by_list "
                             "is True.")
        self.network = network
        object.__setattr__(self, "weights", weights)
        self.get_all, self.get_by_list, self.sens_param = get_all, get_by_list, sens_param

    def construct(self, *inputs):
        n = len(inputs) - 1 if self.sens_param else len(inputs)
        tensors = tuple(i for i, x in enumerate(inputs[:n]) if isinstance(x, Tensor))
        if self.get_all:
            position = tensors
        elif self.get_by_list:
            position = None
        else:
            position = tensors[0] if tensors else 0
        weights = self.weights if self.get_by_list else None
        if position == ():  # get_all without Tensor inputs: no input gradients
            if weights is None:
                return self.network(*inputs[:n]), ()
            value, wgrads = value_and_grad(self.network, None, weights,
                                           sens_param=self.sens_param)(*inputs)
            return value, ((), wgrads)
        value, grads = value_and_grad(self.network, position, weights,
                                      sens_param=self.sens_param)(*inputs)
        # GradOperation's structure: a tuple per group even for one Tensor input.
        if self.get_all and self.get_by_list:
            return value, (_tuple(grads[0]), grads[1])
        if self.get_all:
            return value, _tuple(grads)
        return value, grads


def _tuple(g):
    return (g,) if isinstance(g, Tensor) else tuple(g)

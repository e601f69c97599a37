"""``nn.WithLossCell`` and ``nn.TrainOneStepCell``: the training step of D2L-MindSpore code."""
from .._grad import value_and_grad
from .cell import Cell

__all__ = ["WithLossCell", "TrainOneStepCell"]


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

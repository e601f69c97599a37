"""``WithBNNLossCell``: a Bayesian network's loss, the data loss plus the layers' KL divergence."""
from ...._errors import DTypeError, ShapeError
from .dense_variational import _BayesianLayer
from .layer_distribution import _Layer

__all__ = ["WithBNNLossCell"]


def _check_factor(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DTypeError(f"The type of `{name}` must be `int` or `float`")
    if value < 0:
        raise ShapeError(f"The value of `{name}` must >= 0")
    return value


class WithBNNLossCell(_Layer):
    """A Bayesian network's training loss: ``loss_fn(backbone(x), label) · dnn_factor +
    Σ kl · bnn_factor``, the sum over the Bayesian layers inside `backbone` (found when this
    cell is made, at any depth; `backbone` itself not counted) of their ``compute_kl_loss()``.

    Args:
        backbone (Cell): The network.
        loss_fn (Cell): The data loss.
        dnn_factor (number, optional): The data loss's weight (≥ 0): usually the number of
            training samples. Default: ``1``.
        bnn_factor (number, optional): The KL divergence's weight (≥ 0). Default: ``1``.

    Inputs:
        - **x** (Tensor) - The network's input.
        - **label** (Tensor) - The target.

    Outputs:
        Tensor, the scalar loss.

    Raises:
        TypeError: a factor not an int or float.
        ValueError: a negative factor.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.nn.probability.bnn_layers import DenseReparam, WithBNNLossCell
        >>> net = nn.SequentialCell([DenseReparam(3, 2)])
        >>> loss = WithBNNLossCell(net, nn.MSELoss(), dnn_factor=10, bnn_factor=0.01)
        >>> x, y = ms.Tensor(np.ones((4, 3), np.float32)), ms.Tensor(np.zeros((4, 2), np.float32))
        >>> print(loss(x, y).shape)
        ()
    """

    def __init__(self, backbone, loss_fn, dnn_factor=1, bnn_factor=1):
        super().__init__(auto_prefix=False)
        self._backbone, self._loss_fn = backbone, loss_fn
        self.dnn_factor = _check_factor(dnn_factor, "dnn_factor")
        self.bnn_factor = _check_factor(bnn_factor, "bnn_factor")
        self.kl_loss = [cell.compute_kl_loss for _, cell in backbone.cells_and_names()
                        if cell is not backbone and isinstance(cell, _BayesianLayer)]

    @property
    def backbone_network(self):
        """The backbone network."""
        return self._backbone

    def construct(self, x, label):
        loss = self._loss_fn(self._backbone(x), label)
        kl = 0
        for layer_kl in self.kl_loss:
            kl = kl + layer_kl()
        return loss * self.dnn_factor + kl * self.bnn_factor

"""``mindspore.experimental``: MindSpore's experimental APIs; here ``optim``, the PyTorch-style
optimizers and learning rate schedulers (``mindspore.experimental.optim``)."""
from . import optim

__all__ = ["optim"]

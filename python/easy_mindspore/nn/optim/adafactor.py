"""``mindspore.nn.optim.adafactor``: MindSpore's module of ``AdaFactor`` (defined in
``nn/optim_more.py``; the same class as ``nn.AdaFactor``)."""
from ..optim_more import AdaFactor

__all__ = ["AdaFactor"]

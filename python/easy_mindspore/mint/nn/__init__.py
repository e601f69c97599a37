"""``mindspore.mint.nn``: PyTorch-style layers (``Linear``, ``Conv2d``, ``BatchNorm2d``, the
activations, pools, pads and losses) with MindSpore 2.10's constructor arguments, Parameter names
(``weight``, ``bias``, ``running_mean``...), initialisation and repr, and
:mod:`mindspore.mint.nn.functional`. The layers are Cells: they train with ``grad``,
``value_and_grad``, the optimizers and ``Model``."""
from . import functional
from . import _layers, _layers_simple
from ._layers import *  # noqa: F401,F403
from ._layers_simple import *  # noqa: F401,F403

__all__ = sorted(_layers.NAMES + _layers_simple.NAMES)

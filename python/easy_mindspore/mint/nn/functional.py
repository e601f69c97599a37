"""``mindspore.mint.nn.functional``: PyTorch-style functional layers (activations, losses,
convolutions, pooling, normalisation), grouped by concept in ``_f_activation``, ``_f_loss`` and
``_f_conv``."""
from ._f_activation import *  # noqa: F401,F403
from ._f_conv import *  # noqa: F401,F403
from ._f_grid import *  # noqa: F401,F403
from ._f_loss import *  # noqa: F401,F403
from . import _f_activation, _f_conv, _f_grid, _f_loss

__all__ = sorted(_f_activation.NAMES + _f_conv.NAMES + _f_grid.NAMES + _f_loss.NAMES)

"""``mindspore.ops.composite``: ``GradOperation``, ``MultitypeFuncGraph``, ``HyperMap`` and
``Map`` (defined in ``composite.base``, as in MindSpore), and the functions MindSpore's composite
holds (``normal``, ``uniform``, ``sequence_mask``, ``zeros_like``, ``hyper_add``...; see
``composite._functions``)."""
from . import base
from ._functions import *  # noqa: F401,F403
from ._functions import __all__ as _functions_all
from .base import *  # noqa: F401,F403
from .base import __all__ as _base_all

__all__ = _base_all + _functions_all

"""``mindspore.ops.composite``: ``GradOperation``, ``MultitypeFuncGraph``, ``HyperMap`` and
``Map``; defined in ``composite.base``, as in MindSpore."""
from . import base
from .base import *  # noqa: F401,F403
from .base import __all__  # noqa: F401

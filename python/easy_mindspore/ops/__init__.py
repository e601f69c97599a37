"""``easy_mindspore.ops`` (also ``mindspore.ops`` when MindSpore is not installed): the grad API
and functional ops."""
from . import composite, functional, operations
from .composite import GradOperation
from .functional import *  # noqa: F401,F403
from .functional import __all__ as _functional_all

__all__ = ["GradOperation", "composite", "functional", "operations"] + list(_functional_all)

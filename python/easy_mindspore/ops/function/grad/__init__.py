"""``mindspore.ops.function.grad``: the grad transforms, where MindSpore defines them."""
from . import grad_func
from .grad_func import *  # noqa: F401,F403
from .grad_func import __all__  # noqa: F401

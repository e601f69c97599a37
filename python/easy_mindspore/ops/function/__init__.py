"""``mindspore.ops.function``: the package MindSpore's functional ops are defined in; the same
functions as ``mindspore.ops.functional``, and the submodule ``grad.grad_func``."""
from . import grad as _grad_package  # noqa: F401
from ..functional import *  # noqa: F401,F403,E402
from ..functional import __all__  # noqa: F401,E402

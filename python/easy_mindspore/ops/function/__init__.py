"""``mindspore.ops.function``: the package MindSpore's functional ops are defined in. The
submodules hold the functions by theme (``array_func``, ``math_func``, ``nn_func``,
``random_func``, ``parameter_func``, ``grad.grad_func``); every name of
``mindspore.ops.functional`` is also reachable here."""
from . import grad as _grad_package  # noqa: F401


def __getattr__(name):
    # Forwarded lazily: ``ops.functional`` imports the submodules of this package.
    from .. import functional
    try:
        return getattr(functional, name)
    except AttributeError:
        raise AttributeError(f"module 'mindspore.ops.function' has no attribute '{name}'") from None

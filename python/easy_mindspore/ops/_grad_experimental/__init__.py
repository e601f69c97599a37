"""``mindspore.ops._grad_experimental``: where MindSpore keeps the backward rules of its
primitives, and where user code registers the rule of its own primitive
(``@bprop_getters.register(MyPrim)``, :mod:`.grad_base`). The package's primitives have their
rules in the engine; a registered rule applies to a user's primitive in GRAPH_MODE and under
``jit``, as in MindSpore."""
from . import grad_base, grad_math_ops
from .grad_base import bprop_getters

__all__ = ["bprop_getters", "grad_base", "grad_math_ops"]

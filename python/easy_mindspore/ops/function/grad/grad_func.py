"""``mindspore.ops.function.grad.grad_func``: the module MindSpore defines its grad transforms in
(``grad``, ``value_and_grad``, ``get_grad``, ``jvp``, ``vjp``, ``linearize``, ``jacfwd``,
``jacrev``, ``jet``, ``derivative``, ``custom_vjp``); the same functions as ``mindspore.ops``."""
from ...functional import (custom_vjp, derivative, get_grad, grad, jacfwd, jacrev, jet, jvp,
                           linearize, value_and_grad, vjp)

__all__ = ["grad", "value_and_grad", "get_grad", "jvp", "vjp", "linearize", "jacfwd", "jacrev",
           "jet", "derivative", "custom_vjp"]

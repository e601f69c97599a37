"""``mindspore.nn.grad``: MindSpore's module of the ``Jvp`` and ``Vjp`` cells (deprecated since 1.9 in
favour of ``ops.jvp``/``ops.vjp``, still imported by MindSpore's own tests). They are the cells
of ``nn.grad_cells``: ``nn.grad.Jvp is nn.Jvp``, as in MindSpore."""
from .grad_cells import Jvp, Vjp

__all__ = ["Jvp", "Vjp"]

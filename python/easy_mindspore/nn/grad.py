"""``mindspore.nn.grad``: the ``Jvp`` and ``Vjp`` cells (deprecated in MindSpore since 1.9 in favour of
``ops.jvp``/``ops.vjp``, still imported by MindSpore's own tests)."""
from .. import ops
from .._grad import GradOperation
from .._C import Tensor
from .cell import Cell
from .grad_cells import distinct_inputs

__all__ = ["Jvp", "Vjp"]


class Jvp(Cell):
    """``Jvp(fn)(*inputs, v)``: ``(fn(*inputs), J·v)``; ``v`` is a tensor for one input, a tuple for
    several; tuple outputs give tuples."""

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def construct(self, *args):
        if len(args) < 2:
            raise TypeError(f"For 'Jvp', the inputs and 'v' are required, but got {len(args)} "
                            "argument(s).")
        inputs, v = args[:-1], args[-1]
        # The tangents take the inputs' structure: a Tensor for one input, a tuple for several.
        if (len(inputs) == 1) != isinstance(v, Tensor):
            raise TypeError(f"For 'Jvp', 'v' must be a Tensor for one input and a tuple for "
                            f"several, but got {type(v).__name__} for {len(inputs)} input(s).")
        return ops.jvp(self.fn, inputs[0] if len(inputs) == 1 else inputs, v)


class Vjp(Cell):
    """``Vjp(fn)(*inputs, v)``: ``(fn(*inputs), vᵀ·J)``; the gradient is a tensor for one input and
    a tuple for several; ``v`` matches the output's structure."""

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, fn):
        super().__init__()
        self.fn = fn
        self._grad_all = GradOperation(get_all=True, sens_param=True)
        self._grad_one = GradOperation(sens_param=True)

    def construct(self, *args):
        if len(args) < 2:
            raise TypeError(f"For 'Vjp', the inputs and 'v' are required, but got {len(args)} "
                            "argument(s).")
        inputs, v = args[:-1], args[-1]
        output = self.fn(*inputs)
        # The cotangent takes the output's structure: a Tensor for a Tensor output.
        if isinstance(output, Tensor) != isinstance(v, Tensor):
            raise TypeError(f"For 'Vjp', 'v' must have the structure of the output: a "
                            f"{type(output).__name__} output, but got {type(v).__name__}.")
        grad = self._grad_one if len(inputs) == 1 else self._grad_all
        return output, grad(self.fn)(*distinct_inputs(inputs), v)

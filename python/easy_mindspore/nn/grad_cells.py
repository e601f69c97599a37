"""Cell forms of the derivative functions, as MindSpore 2.x's ``nn`` keeps them: ``Jvp`` and
``Vjp`` (forward- and reverse-mode products of a Cell with a tangent / cotangent, over
``mindspore.jvp`` / ``mindspore.vjp``) and ``WithGradCell`` (the gradients of a network's loss
with respect to its trainable Parameters, over ``mindspore.grad``)."""
from .._C import Tensor
from .._errors import DTypeError
from .cell import Cell
from .wrap import WithLossCell

__all__ = ["Jvp", "Vjp", "WithGradCell"]


def _split(op, fn, args):
    """``(inputs, v)`` of a Jvp/Vjp call, `fn` checked callable (MindSpore builds the cell with
    anything and refuses it when called, with a ValueError)."""
    if not callable(fn):
        raise ValueError(f"For '{op}', 'fn' must be a Cell or a function, but got "
                         f"{type(fn).__name__}: the object is not callable.")
    if len(args) < 2:
        raise DTypeError(f"For '{op}', the inputs must be the network's inputs followed by the "
                         f"vector 'v', but got {len(args)} argument(s).")
    return args[:-1], args[-1]


class Jvp(Cell):
    r"""The Jacobian-vector product of `fn`: called as ``jvp(*inputs, v)`` it returns
    ``(fn(*inputs), J·v)``, `v` being a Tensor for one input or a tuple of Tensors (one per input).

    Args:
        fn (Union[Cell, function]): The function to differentiate.

    Inputs:
        - **inputs** (Tensor) - The inputs of `fn`.
        - **v** (Union[Tensor, tuple[Tensor]]) - The tangent, shaped as the inputs.

    Outputs:
        A tuple ``(output, jvp)``: the output of `fn` and the product, shaped as the output.

    Raises:
        TypeError: If no `v` is given, or `v` does not have the structure it must have.
        ValueError: If `fn` is not callable.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class Net(nn.Cell):
        ...     def construct(self, x, y):
        ...         return x**3 + y
        >>> x = ms.Tensor(np.array([[1, 2], [3, 4]]).astype(np.float32))
        >>> v = ms.Tensor(np.array([[1, 1], [1, 1]]).astype(np.float32))
        >>> out, jvp = nn.Jvp(Net())(x, x, (v, v))
        >>> print(jvp.asnumpy())
        [[ 4. 13.]
         [28. 49.]]
    """

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def construct(self, *args):
        from .. import jvp
        inputs, v = _split("Jvp", self.fn, args)
        # The tangents take the inputs' structure: a Tensor for one input, a tuple for several.
        if (len(inputs) == 1) != isinstance(v, Tensor):
            raise DTypeError(f"For 'Jvp', 'v' must be a Tensor for one input and a tuple for "
                             f"several, but got {type(v).__name__} for {len(inputs)} input(s).")
        return jvp(self.fn, inputs[0] if len(inputs) == 1 else inputs, v)


def distinct_inputs(inputs):
    """`inputs` with each tensor passed again copied: the Vjp cells take each position as its own
    variable, as MindSpore's (its graph takes its inputs as values), where the grad functions
    differentiate by the tensor object."""
    return [x.copy() if isinstance(x, Tensor) and [y for y in inputs[:i] if y is x] else x
            for i, x in enumerate(inputs)]


class Vjp(Cell):
    r"""The vector-Jacobian product of `fn`: called as ``vjp(*inputs, v)`` it returns
    ``(fn(*inputs), vᵀ·J)`` — the second a Tensor for one input, a tuple (one per input) for
    several.

    Args:
        fn (Union[Cell, function]): The function to differentiate.

    Inputs:
        - **inputs** (Tensor) - The inputs of `fn`.
        - **v** (Union[Tensor, tuple[Tensor]]) - The cotangent, with the structure and shapes of
          the output of `fn`.

    Outputs:
        A tuple ``(output, vjp)``.

    Raises:
        TypeError: If no `v` is given, or `v` does not have the structure it must have.
        ValueError: If `fn` is not callable.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class Net(nn.Cell):
        ...     def construct(self, x, y):
        ...         return x**3 + y
        >>> x = ms.Tensor(np.array([[1, 2], [3, 4]]).astype(np.float32))
        >>> v = ms.Tensor(np.array([[1, 1], [1, 1]]).astype(np.float32))
        >>> out, (dx, dy) = nn.Vjp(Net())(x, x, v)
        >>> print(dx.asnumpy())
        [[ 3. 12.]
         [27. 48.]]
        >>> print(dy.asnumpy())
        [[1. 1.]
         [1. 1.]]
    """

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def construct(self, *args):
        from .. import vjp
        inputs, v = _split("Vjp", self.fn, args)
        out, back = vjp(self.fn, *distinct_inputs(inputs))
        # The cotangent takes the output's structure: a Tensor for a Tensor output.
        if isinstance(out, Tensor) != isinstance(v, Tensor):
            raise DTypeError(f"For 'Vjp', 'v' must have the structure of the output: a "
                             f"{type(out).__name__} output, but got {type(v).__name__}.")
        grads = back(v)
        return out, (grads[0] if len(inputs) == 1 else tuple(grads))


class WithGradCell(Cell):
    r"""The gradients of ``loss_fn(network(data), label)`` (or of ``network(*inputs)`` when
    `loss_fn` is None) with respect to the network's trainable Parameters, the output's
    cotangent being `sens` (ones when None).

    Args:
        network (Cell): The network.
        loss_fn (Cell, optional): The loss, called as ``loss_fn(network(data), label)``.
            Default: ``None``.
        sens (Union[None, Tensor, Scalar, Tuple ...], optional): The output's cotangent.
            Default: ``None``.

    Inputs:
        - **inputs** (tuple[Tensor]) - ``(data, label)`` with a loss, else the network's inputs.

    Outputs:
        A tuple of Tensors, the gradient of each trainable Parameter, in order.

    Raises:
        TypeError: If `network` or `loss_fn` is not a Cell.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1, weight_init=ms.Tensor(np.array([[1.0, 2.0]], np.float32)),
        ...                bias_init='zeros')
        >>> grads = nn.WithGradCell(net, nn.MSELoss())(ms.Tensor(np.array([[1.0, 1.0]], np.float32)),
        ...                                            ms.Tensor(np.array([[0.0]], np.float32)))
        >>> print(grads[0], grads[1])
        [[6. 6.]] [6.]
    """

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, network, loss_fn=None, sens=None):
        super().__init__()
        if not isinstance(network, Cell):
            raise DTypeError(f"For 'WithGradCell', 'network' must be a Cell, but got "
                             f"{type(network).__name__}.")
        if loss_fn is not None and not isinstance(loss_fn, Cell):
            raise DTypeError(f"For 'WithGradCell', 'loss_fn' must be a Cell or None, but got "
                             f"{type(loss_fn).__name__}.")
        self.network = network
        self.loss_fn = loss_fn
        self.sens = sens
        self.network_with_loss = network if loss_fn is None else WithLossCell(network, loss_fn)
        self.weights = tuple(network.trainable_params())

    def construct(self, *inputs):
        from .. import grad
        from ..ops import ones_like
        sens = self.sens

        def scaled(*args):
            out = self.network_with_loss(*args)
            cot = ones_like(out) if sens is None else sens
            return (out * cot).sum()

        return tuple(grad(scaled, grad_position=None, weights=list(self.weights))(*inputs))

"""``mindspore.ops._grad_experimental.grad_math_ops``: helpers of the math primitives' backward
rules, for the rules user code writes: :func:`binop_grad_common`."""
from ..._C import Tensor

__all__ = ["binop_grad_common"]


def _reduce_to(grad, like):
    """``grad`` summed down to the shape of ``like`` (undoing a broadcast)."""
    if not isinstance(grad, Tensor):
        return grad
    shape = tuple(like.shape) if isinstance(like, Tensor) else ()
    if tuple(grad.shape) == shape:
        return grad
    if not shape:
        return grad.sum()
    return grad.sum_to_size(*shape)


def binop_grad_common(x, y, dx, dy):
    """The gradients ``dx`` and ``dy`` of a broadcasting binary op's output, each summed down to
    its input's shape (``x``'s and ``y``'s).

    Args:
        x (Tensor): The first input.
        y (Tensor): The second input.
        dx (Tensor): The gradient for `x`, of the output's (broadcast) shape.
        dy (Tensor): The gradient for `y`, of the output's shape.

    Returns:
        tuple[Tensor], ``(dx, dy)`` of the shapes of `x` and `y`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.ops._grad_experimental.grad_math_ops import binop_grad_common
        >>> x, y = ms.Tensor([[1.0, 2.0, 3.0]]), ms.Tensor([[1.0], [2.0]])
        >>> dx, dy = binop_grad_common(x, y, ops.ones((2, 3)), ops.ones((2, 3)) * 2)
        >>> print(dx, dy.shape)
        [[2. 2. 2.]] (2, 1)
    """
    return _reduce_to(dx, x), _reduce_to(dy, y)

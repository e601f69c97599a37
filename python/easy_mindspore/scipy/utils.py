"""``mindspore.scipy.utils``: helpers that MindSpore's ``scipy`` code and tests import:
``_nd_transpose``."""
from .. import ops as _ops
from .._errors import ShapeError

__all__ = []


def _nd_transpose(a):
    """`a` with its last two axes swapped (a batch of matrices transposed).

    Args:
        a (Tensor): At least 2-D.

    Returns:
        Tensor.

    Raises:
        ValueError: `a` below 2-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.utils import _nd_transpose
        >>> print(_nd_transpose(ms.Tensor([[1, 2]])).shape)
        (2, 1)
    """
    if a.ndim < 2:
        raise ShapeError(f"For '_nd_transpose', input a's ndim must be at least 2, but got {a.ndim}.")
    return _ops.swapaxes(a, -1, -2)

"""``mindspore.scipy.ops_wrapper``: functional forms of the primitives of ``mindspore.scipy``:
``matrix_set_diag``."""
from .. import ops as _ops
from .._C import Tensor
from .._errors import ShapeError
from ..common import dtype as mstype

__all__ = ["matrix_set_diag"]


def matrix_set_diag(input_x, diagonal, k=0, alignment="RIGHT_LEFT"):
    """Batched matrices with the diagonals `k` replaced by `diagonal`
    (:func:`mindspore.ops.matrix_set_diag` with MindSpore's ``scipy.ops_wrapper`` arguments).

    Args:
        input_x (Tensor): ``(..., M, N)``.
        diagonal (Tensor): ``(..., max_diag_len)`` or ``(..., num_diags, max_diag_len)``.
        k (Union[int, list, tuple]): One diagonal, or ``(low, high)``. Default: ``0``.
        alignment (str): ``"RIGHT_LEFT"``, ``"LEFT_RIGHT"``, ``"LEFT_LEFT"`` or ``"RIGHT_RIGHT"``:
            how a short diagonal is padded (superdiagonals first). Default: ``"RIGHT_LEFT"``.

    Returns:
        Tensor, of `input_x`'s shape and dtype.

    Raises:
        ValueError: `k` neither an int nor a list/tuple; shapes that do not fit.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy import ops_wrapper
        >>> x = ms.Tensor([[7, 7], [7, 7]], ms.int32)
        >>> print(ops_wrapper.matrix_set_diag(x, ms.Tensor([1, 2], ms.int32)))
        [[1 7]
         [7 2]]
    """
    if isinstance(k, bool) or not isinstance(k, (int, list, tuple)):
        raise ShapeError(f"For 'matrix_set_diag', input k to indicate diagonal region is invalid: "
                         f"{k!r}.")
    if isinstance(k, (list, tuple)):
        if len(k) == 2 and k[0] == k[1]:
            k = int(k[0])  # one diagonal: `diagonal` is (..., max_diag_len), as for an int k
        else:
            k = Tensor(list(k), mstype.int32)
    return _ops.matrix_set_diag(input_x, diagonal, k, alignment)

"""``mindspore.mint.linalg``: ``norm``, ``vector_norm``, ``matrix_norm`` and ``inv`` in PyTorch's
spelling (``A``/``x``, ``ord``, ``dim``, ``keepdim``, ``dtype``). MindSpore 2.10's CPU build has no
kernel for them (``LinalgVectorNorm``, ``MatrixInverseExt`` unregistered); they follow its
documentation. ``qr`` is not provided: the engine has no QR factorisation yet."""
from .. import ops
from .._errors import ShapeError
from ._wrap import check_tensor


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None):  # noqa: A002
    """The vector `ord`-norm of `x` over `dim` (every element when None).

    Args:
        x (Tensor): A float tensor.
        ord (Union[int, float]): The order (inf, -inf, 0 and any number). Default: ``2``.
        dim (Union[int, tuple[int]], optional): The dims. Default: ``None``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): `x` is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.linalg.vector_norm(ms.Tensor([[3.0, 4.0], [0.0, 1.0]]), dim=1))
        [5. 1.]
    """
    check_tensor("vector_norm", "x", x)
    if dtype is not None:
        x = x.astype(dtype)
    return ops.vector_norm(x, ord, dim, keepdim)


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None):  # noqa: A002,N803
    """The matrix norm of `A` over the two dims `dim` (``'fro'``, ``'nuc'``, 1, -1, 2, -2, inf, -inf).

    Args:
        A (Tensor): A float tensor of at least 2 dims.
        ord (Union[str, int, float]): The norm. Default: ``'fro'``.
        dim (tuple[int]): The two matrix dims. Default: ``(-2, -1)``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): `A` is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.linalg.matrix_norm(ms.Tensor([[3.0, 0.0], [0.0, 4.0]])))
        5.0
    """
    check_tensor("matrix_norm", "A", A)
    if A.ndim < 2:
        raise ShapeError(f"For 'matrix_norm', A must have at least 2 dims, but got shape {tuple(A.shape)}.")
    if dtype is not None:
        A = A.astype(dtype)
    return ops.norm(A, ord, tuple(dim), keepdim)


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):  # noqa: A002,N803
    """A vector norm (1-D `A` or an int `dim`) or a matrix norm (2-D `A` or two dims); with
    ``ord=None`` the 2-norm of the flattened input.

    Args:
        A (Tensor): A float tensor.
        ord (Union[str, int, float], optional): The norm. Default: ``None``.
        dim (Union[int, tuple[int]], optional): The dims. Default: ``None``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): `A` is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.linalg.norm(ms.Tensor([[1.0, 2.0], [2.0, 4.0]])))
        5.0
    """
    check_tensor("norm", "A", A)
    if dtype is not None:
        A = A.astype(dtype)
    if ord is None:
        return ops.vector_norm(A, 2, dim, keepdim)
    if isinstance(dim, int) or (dim is None and A.ndim == 1):
        return ops.vector_norm(A, ord, dim, keepdim)
    return ops.norm(A, ord, dim, keepdim)


def inv(input):  # noqa: A002
    """The inverse of each square matrix of `input` (..., n, n).

    Args:
        input (Tensor): Float square matrices.

    Returns:
        Tensor.

    Raises:
        ValueError: The matrices are not square.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.linalg.inv(ms.Tensor([[2.0, 0.0], [0.0, 4.0]])))
        [[0.5  0.  ]
         [0.   0.25]]
    """
    check_tensor("inv", "input", input)
    return ops.inverse(input)


__all__ = ["vector_norm", "matrix_norm", "norm", "inv"]

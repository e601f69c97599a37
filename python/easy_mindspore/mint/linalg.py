"""``mindspore.mint.linalg``: ``norm``, ``vector_norm``, ``matrix_norm`` and ``inv`` in PyTorch's
spelling (``A``/``x``, ``ord``, ``dim``, ``keepdim``, ``dtype``). MindSpore 2.10's CPU build has no
kernel for them (``LinalgVectorNorm``, ``MatrixInverseExt`` unregistered); they follow its
documentation. ``qr`` is Householder's QR written with the engine's ops (differentiable, batched),
with LAPACK's signs (R's diagonal is ``-sign(x0) * |x|`` at each step), so it matches NumPy's
``linalg.qr``."""
from .. import ops
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._wrap import check_tensor, name_errors


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


def _householder(a, m, n):
    """(Q (.., m, m), R (.., m, n)) of the (.., m, n) float tensor `a` by min(m - 1, n) reflections."""
    lead = tuple(a.shape[:-2])
    q = ops.broadcast_to(ops.eye(m, m, a.dtype), lead + (m, m))
    r = a
    for j in range(min(m - 1, n)):  # LAPACK's last reflector of a square or wide A is the identity
        x = r[..., j:, j]
        x0 = x[..., :1]
        below = (x[..., 1:] * x[..., 1:]).sum(-1, keepdims=True)
        norm_x = ops.sqrt(x0 * x0 + below)
        alpha = -ops.where(x0 < 0, -1.0, 1.0) * norm_x
        v = ops.cat([x0 - alpha, x[..., 1:]], -1)
        vnorm = ops.sqrt((v * v).sum(-1, keepdims=True))
        # Nothing below the diagonal: no reflection (LAPACK's tau = 0), v = 0 makes H the identity.
        v = ops.where(below == 0, 0.0, v / ops.where(vnorm == 0, 1.0, vnorm))
        tail = r[..., j:, :]
        tail = tail - 2 * v.unsqueeze(-1) * (v.unsqueeze(-2) @ tail)
        r = ops.cat([r[..., :j, :], tail], -2)
        qt = q[..., :, j:]
        qt = qt - 2 * (qt @ v.unsqueeze(-1)) * v.unsqueeze(-2)
        q = ops.cat([q[..., :, :j], qt], -1)
    return q, r


def qr(A, mode="reduced"):  # noqa: N803
    """The QR factorisation ``A = Q R`` of (batches of) matrices: Q with orthonormal columns, R
    upper triangular.

    Args:
        A (Tensor): A float tensor (.., m, n).
        mode (str): ``'reduced'`` (Q (.., m, k), R (.., k, n), k = min(m, n)), ``'complete'``
            (Q (.., m, m), R (.., m, n)) or ``'r'`` (R reduced, Q an empty tensor). Default: ``'reduced'``.

    Returns:
        tuple(Tensor, Tensor), Q and R.

    Raises:
        ValueError: `A` has fewer than 2 dims, or `mode` is not one of the three.
        TypeError: `A` is not a float tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> q, r = mint.linalg.qr(ms.Tensor([[3.0, 1.0], [4.0, 2.0]]))
        >>> print(r)
        [[-4.999999  -2.1999998]
         [ 0.         0.4000001]]
    """
    check_tensor("qr", "A", A)
    if mode not in ("reduced", "complete", "r"):
        raise ShapeError(f"For 'qr', mode must be 'reduced', 'complete' or 'r', but got {mode!r}.")
    if A.ndim < 2:
        raise ShapeError(f"For 'qr', A must have at least 2 dims, but got shape {tuple(A.shape)}.")
    if A.dtype not in mstype.float_type:
        raise DTypeError(f"For 'qr', A must be a float tensor, but got {A.dtype}.")
    m, n = A.shape[-2:]
    q, r = _householder(A, m, n)
    r = ops.triu(r)
    if mode == "complete":
        return q, r
    k = min(m, n)
    if mode == "r":
        return ops.zeros((0,), A.dtype), r[..., :k, :]
    return q[..., :, :k], r[..., :k, :]


__all__ = ["vector_norm", "matrix_norm", "norm", "inv", "qr"]
name_errors(globals(), __all__)

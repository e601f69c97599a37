"""``mindspore.ops``' factorisations and solvers (re-exported by ``linalg_func``): ``cholesky``
(the engine's ``Cholesky`` primitive, with its derivative), and, composed of it, the inverse and
matrix products (so differentiable too), ``cholesky_solve``, ``cholesky_inverse``,
``matrix_solve``, ``lstsq`` (through ``pinv``), ``lu_unpack``, ``lu_solve``; ``qr`` is
``mint.linalg.qr``. Batches ``[..., n, n]`` as MindSpore's; where MindSpore 2.10 is wrong, the
right answer (its CPU ``cholesky_inverse`` of a batch gives zeros past the first matrix)."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as mstype
from ._svd_func import pinv

__all__ = ["cholesky", "cholesky_solve", "cholesky_inverse", "matrix_solve", "lstsq", "lu_unpack",
           "lu_solve", "qr"]

_FLOATS = (mstype.float32, mstype.float64)


def _matrices(op, name, x, square=True, kinds=None):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    if x.dtype not in (kinds or _FLOATS):
        want = "Float32 or Float64" if kinds is None else "Float32, Float64, Complex64 or Complex128"
        raise DTypeError(f"For '{op}', '{name}' must be {want}, but got {x.dtype}.")
    if x.ndim < 2:
        raise ShapeError(f"For {op}, the dimension of input {name} must be greater than or equal "
                         f"to 2, but got a {x.ndim}-D Tensor.")
    if square and x.shape[-1] != x.shape[-2]:
        raise ShapeError(f"For {op}, input {name} must be batch squares, but got batch "
                         f"{x.shape[-2]} x {x.shape[-1]} matrices.")
    return x


def _t(x):
    """The transposes of a batch of matrices."""
    return x.swapaxes(-1, -2)


def _same_rows(op, b, a):
    if b.dtype != a.dtype:
        raise DTypeError(f"For primitive[{op}], the input type must be same, but got {b.dtype} and "
                         f"{a.dtype}.")
    if b.shape[-2] != a.shape[-2]:
        raise ShapeError(f"For {op}, x1 and x2 should share the same row number, while row number "
                         f"of x1 is {b.shape[-2]}, row number of x2 is {a.shape[-2]}")


def _wide(*xs):
    """`xs` in Float64 (the solvers work there and round once at the end, as MindSpore's
    kernels, which solve in double precision)."""
    return [x.astype(mstype.float64) for x in xs]


def _upper(op, upper):
    if not isinstance(upper, bool):
        raise DTypeError(f"For '{op}', 'upper' must be a bool, but got {type(upper).__name__}.")
    return upper


def cholesky(input_x, upper=False):
    """The Cholesky factor of each symmetric positive-definite matrix of `input_x`.

    Args:
        input_x (Tensor): Matrices ``[..., n, n]``, Float32 or Float64 (the lower triangle is read).
        upper (bool): Return the upper factor ``U`` (``A = Uᵀ·U``) instead of the lower ``L``
            (``A = L·Lᵀ``). Default: ``False``.

    Returns:
        Tensor of `input_x`'s shape and dtype.

    Raises:
        RuntimeError: A matrix is not positive definite.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.cholesky(ms.Tensor([[4.0, 2.0], [2.0, 3.0]])))
        [[2.        0.       ]
         [1.        1.4142135]]
    """
    _matrices("Cholesky", "x", input_x)
    out = _C.cholesky(input_x, _upper("Cholesky", upper))
    if out.size and bool(out.isnan().any()) and not bool(input_x.isnan().any()):
        raise ComputeError("Cholesky expects symmetric positive definite matrices as inputs.")
    return out


def _lower(op, factor, upper):
    return _t(factor) if _upper(op, upper) else factor


def cholesky_solve(input, input2, upper=False):  # noqa: A002 - MindSpore's argument name
    """Solves ``A·X = B`` for each ``A = L·Lᵀ`` given its Cholesky factor.

    Args:
        input (Tensor): The right-hand sides ``B``, ``[..., n, k]``.
        input2 (Tensor): The factors ``[..., n, n]`` (lower ``L``, or upper ``U`` with `upper`).
        upper (bool): Whether `input2` is the upper factor. Default: ``False``.

    Returns:
        Tensor ``X`` of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> l = ms.Tensor([[2.0, 0.0], [1.0, 1.0]])  # A = l·lᵀ = [[4, 2], [2, 2]]
        >>> print(ops.cholesky_solve(ms.Tensor([[2.0], [2.0]]), l))
        [[0.]
         [1.]]
    """
    _matrices("CholeskySolve", "x1", input, square=False)
    _matrices("CholeskySolve", "x2", input2)
    _same_rows("CholeskySolve", input, input2)
    b, factor = _wide(input, _lower("CholeskySolve", input2, upper))
    l_inv = _C.inverse(factor)
    return _C.matmul(_t(l_inv), _C.matmul(l_inv, b)).astype(input.dtype)


def cholesky_inverse(input_x, upper=False):
    """The inverse of each ``A = L·Lᵀ`` given its Cholesky factor.

    Args:
        input_x (Tensor): The factors ``[..., n, n]`` (lower, or upper with `upper`).
        upper (bool): Whether `input_x` holds upper factors. Default: ``False``.

    Returns:
        Tensor of `input_x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.cholesky_inverse(ms.Tensor([[2.0, 0.0], [1.0, 1.0]])))
        [[ 0.5 -0.5]
         [-0.5  1. ]]
    """
    _matrices("CholeskyInverse", "x", input_x)
    l_inv = _C.inverse(_wide(_lower("CholeskyInverse", input_x, upper))[0])
    return _C.matmul(_t(l_inv), l_inv).astype(input_x.dtype)


def matrix_solve(matrix, rhs, adjoint=False):
    """Solves ``A·X = B`` (``Aᴴ·X = B`` with `adjoint`) for each square matrix of `matrix`.

    Args:
        matrix (Tensor): ``A``, ``[..., n, n]``, float or complex.
        rhs (Tensor): ``B``, ``[..., n, k]``, of `matrix`'s dtype.
        adjoint (bool): Solve with the adjoint (conjugate transpose) of ``A``. Default: ``False``.

    Returns:
        Tensor ``X`` of `rhs`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.matrix_solve(ms.Tensor([[2.0, 0.0], [0.0, 4.0]]), ms.Tensor([[1.0], [1.0]])))
        [[0.5 ]
         [0.25]]
    """
    complex_ = (mstype.complex64, mstype.complex128)
    kinds = _FLOATS + complex_
    _matrices("MatrixSolve", "matrix", matrix, kinds=kinds)
    _matrices("MatrixSolve", "rhs", rhs, square=False, kinds=kinds)
    _same_rows("MatrixSolve", rhs, matrix)
    if not isinstance(adjoint, bool):
        raise DTypeError(f"For 'MatrixSolve', 'adjoint' must be a bool, but got {adjoint!r}.")
    a = _t(matrix) if adjoint else matrix
    if matrix.dtype in complex_:  # the adjoint conjugates; solved in Complex128
        a = a.conj() if adjoint else a
        wide = mstype.complex128
        return _C.matmul(_C.inverse(a.astype(wide)), rhs.astype(wide)).astype(rhs.dtype)
    a, b = _wide(a, rhs)
    return _C.matmul(_C.inverse(a), b).astype(rhs.dtype)


def lstsq(input, A):  # noqa: A002,N803 - MindSpore's argument names
    """The least-squares (minimum-norm) solutions ``X`` of ``input·X ≈ A``.

    Args:
        input (Tensor): ``[m, n]`` Float32 or Float64.
        A (Tensor): ``[m, k]`` (or ``[m]``, one right-hand side).

    Returns:
        Tensor ``[n, k]`` (``[n, 1]`` for a 1-D `A`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
        >>> print(ops.lstsq(x, ms.Tensor([1.0, 2.0, 2.0])))
        [[0.6666667]
         [0.5      ]]
    """
    _matrices("Lstsq", "x", input, square=False)
    if not isinstance(A, Tensor) or A.dtype != input.dtype or A.ndim not in (1, 2) \
            or A.shape[0] != input.shape[-2]:
        raise ShapeError(f"For 'Lstsq', 'A' must be a {input.dtype} Tensor [{input.shape[-2]}] or "
                         f"[{input.shape[-2]}, k], but got {getattr(A, 'dtype', type(A).__name__)} "
                         f"{list(getattr(A, 'shape', []))}.")
    if input.ndim != 2:
        raise ShapeError(f"For 'Lstsq', 'x' must be 2-D, but got shape {list(input.shape)}.")
    x, rhs = _wide(input, A.reshape(-1, 1) if A.ndim == 1 else A)
    return _C.matmul(pinv(x), rhs).astype(input.dtype)


def _pivots(op, pivots, k, m):
    """The 1-based row swaps of `pivots` (`k` per matrix, each a row number up to `m`)."""
    if not isinstance(pivots, Tensor) or pivots.dtype not in (mstype.int32, mstype.int64, mstype.int8,
                                                              mstype.int16, mstype.uint8):
        raise DTypeError(f"For '{op}', 'LU_pivots' must be an integer Tensor, but got "
                         f"{getattr(pivots, 'dtype', type(pivots).__name__)}.")
    p = pivots.asnumpy().astype(_np.int64)
    if p.ndim < 1 or p.shape[-1] != k:
        raise ShapeError(f"For '{op}', 'LU_pivots' must end in {k} pivots, but got shape {list(p.shape)}.")
    if p.size and ((p < 1) | (p > m)).any():
        raise ShapeError(f"For '{op}', the pivots (1-based row numbers) must be in [1, {m}], but "
                         f"got {p.min()} .. {p.max()}.")
    return p


def _permutation(p, n, dtype):
    """The permutation matrices ``P`` (``A = P·L·U``) of LAPACK's 1-based row swaps `p`."""
    batch = p.shape[:-1]
    flat = p.reshape(-1, p.shape[-1])
    mats = _np.zeros((flat.shape[0], n, n), _np.float64)
    for b, swaps in enumerate(flat):
        order = _np.arange(n)
        for i, s in enumerate(swaps):
            order[[i, s - 1]] = order[[s - 1, i]]
        mats[b, order, _np.arange(n)] = 1.0  # row order[i] of A is row i of L·U
    return Tensor(mats.reshape(batch + (n, n))).astype(dtype)


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True):  # noqa: N803
    """``(P, L, U)`` of a packed LU factorisation (``A = P·L·U``).

    Args:
        LU_data (Tensor): ``[..., m, n]``: ``U`` on and above the diagonal, ``L``'s strict lower
            triangle below it (its diagonal is ones).
        LU_pivots (Tensor): ``[..., min(m, n)]`` 1-based row swaps, as LAPACK gives them.
        unpack_data (bool): Return ``L`` and ``U`` (else empty). Default: ``True``.
        unpack_pivots (bool): Return ``P`` (else empty). Default: ``True``.

    Returns:
        tuple(Tensor, Tensor, Tensor), ``P`` ``[..., m, m]``, ``L`` ``[..., m, k]``, ``U``
        ``[..., k, n]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> p, l, u = ops.lu_unpack(ms.Tensor([[4.0, 3.0], [0.5, 0.5]]), ms.Tensor([2, 2], ms.int32))
        >>> print(p)
        [[0. 1.]
         [1. 0.]]
    """
    _matrices("LuUnpack", "LU_data", LU_data, square=False)
    m, n = LU_data.shape[-2:]
    k = min(m, n)
    pivots = _pivots("LuUnpack", LU_pivots, k, m)
    if pivots.shape[:-1] != tuple(LU_data.shape[:-2]):
        raise ShapeError(f"For 'LuUnpack', 'LU_pivots' {list(pivots.shape)} must have the batch "
                         f"shape of 'LU_data' {list(LU_data.shape)}.")
    empty = _C.full((0,), 0, LU_data.dtype)
    perm = _permutation(pivots, m, LU_data.dtype) if unpack_pivots else empty
    if not unpack_data:
        return perm, empty, empty
    eye = Tensor(_np.eye(m, k)).astype(LU_data.dtype)
    lower = LU_data[..., :, :k].tril(-1) + eye
    upper = LU_data[..., :k, :].triu()
    return perm, lower, upper


def lu_solve(b, LU_data, LU_pivots):  # noqa: N803
    """Solves ``A·X = b`` from the packed LU factorisation of ``A`` (``A = P·L·U``).

    Args:
        b (Tensor): ``[..., n, k]``.
        LU_data (Tensor): ``[..., n, n]``, as :func:`lu_unpack` reads it.
        LU_pivots (Tensor): ``[..., n]`` 1-based row swaps.

    Returns:
        Tensor ``X`` of `b`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.lu_solve(ms.Tensor([[1.0], [2.0]]), ms.Tensor([[4.0, 3.0], [0.5, 0.5]]),
        ...                  ms.Tensor([2, 2], ms.int32))
        >>> print(x)
        [[0.5]
         [0. ]]
    """
    _matrices("LuSolve", "b", b, square=False)
    _matrices("LuSolve", "LU_data", LU_data)
    _same_rows("LuSolve", b, LU_data)
    perm, lower, upper = _wide(*lu_unpack(LU_data, LU_pivots))
    y = _C.matmul(_C.inverse(lower), _C.matmul(_t(perm), _wide(b)[0]))
    return _C.matmul(_C.inverse(upper), y).astype(b.dtype)


def qr(input, mode="reduced"):  # noqa: A002
    """The QR factorisation ``A = Q·R`` of each matrix (Householder: ``R``'s diagonal as
    LAPACK's signs it).

    Args:
        input (Tensor): ``[..., m, n]`` Float32 or Float64.
        mode (str): ``'reduced'`` (``Q`` ``[..., m, k]``, ``R`` ``[..., k, n]``, ``k = min(m, n)``),
            ``'complete'`` (``Q`` ``[..., m, m]``) or ``'r'`` (``R`` only). Default: ``'reduced'``.

    Returns:
        tuple(Tensor, Tensor), ``Q`` and ``R``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> q, r = ops.qr(ms.Tensor([[3.0, 1.0], [4.0, 2.0]]))
        >>> print(q.shape, r.shape)
        (2, 2) (2, 2)
    """
    from ...mint import linalg as _mint_linalg
    return _mint_linalg.qr(input, mode)


def _method(fn, name, doc):
    def method(self, *args, **kwargs):
        return fn(self, *args, **kwargs)
    method.__name__ = name
    method.__doc__ = doc
    return method


TENSOR_METHODS = {
    "cholesky": _method(cholesky, "cholesky", """The Cholesky factor of each matrix (see
    :func:`ops.cholesky`).

    Args:
        upper (bool): The upper factor instead of the lower. Default: ``False``.

    Returns:
        Tensor of this tensor's shape.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[4.0, 2.0], [2.0, 5.0]]).cholesky())
        [[2. 0.]
         [1. 2.]]
    """),
    "cholesky_solve": _method(cholesky_solve, "cholesky_solve", """Solves ``A·X = self`` given
    the Cholesky factor of ``A`` (see :func:`ops.cholesky_solve`).

    Args:
        input2 (Tensor): The factors. upper (bool): Whether they are upper. Default: ``False``.

    Returns:
        Tensor of this tensor's shape.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[2.0], [2.0]]).cholesky_solve(ms.Tensor([[1.0, 0.0], [0.0, 1.0]])))
        [[2.]
         [2.]]
    """),
    "cholesky_inverse": _method(cholesky_inverse, "cholesky_inverse", """The inverse of
    ``A = L·Lᵀ`` given this tensor as its factor (see :func:`ops.cholesky_inverse`).

    Args:
        upper (bool): Whether this is the upper factor. Default: ``False``.

    Returns:
        Tensor of this tensor's shape.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[2.0, 0.0], [0.0, 1.0]]).cholesky_inverse())
        [[0.25 0.  ]
         [0.   1.  ]]
    """),
    "lstsq": _method(lstsq, "lstsq", """The least-squares solutions ``X`` of ``self·X ≈ A``
    (see :func:`ops.lstsq`).

    Args:
        A (Tensor): The right-hand sides.

    Returns:
        Tensor ``[n, k]``.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1.0, 0.0], [0.0, 2.0]]).lstsq(ms.Tensor([[1.0], [4.0]])))
        [[1.]
         [2.]]
    """),
    "lu_solve": _method(lu_solve, "lu_solve", """Solves ``A·X = self`` from the packed LU
    factorisation of ``A`` (see :func:`ops.lu_solve`).

    Args:
        LU_data (Tensor): The packed factors. LU_pivots (Tensor): The 1-based row swaps.

    Returns:
        Tensor of this tensor's shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0], [2.0]]).lu_solve(ms.Tensor([[4.0, 3.0], [0.5, 0.5]]),
        ...                                        ms.Tensor([2, 2], ms.int32))
        >>> print(x)
        [[0.5]
         [0. ]]
    """),
    "qr": _method(qr, "qr", """The QR factorisation of each matrix (see :func:`ops.qr`).

    Args:
        mode (str): ``'reduced'``, ``'complete'`` or ``'r'``. Default: ``'reduced'``.

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> q, r = ms.Tensor([[3.0, 1.0], [4.0, 2.0]]).qr()
        >>> print(r.shape)
        (2, 2)
    """),
}

"""``mindspore.scipy.linalg``: SciPy's linear-algebra functions over Tensors, with MindSpore
2.10's return structures: ``block_diag``, ``inv``, ``cholesky`` (upper by default, as SciPy),
``cho_factor``/``cho_solve``, ``solve_triangular``, ``lstsq``, ``eigh`` and the LU factorisation
``lu_factor``/``lu``. The solvers and factorisations of ``ops`` carry their derivatives; ``eigh``
is LAPACK's (through NumPy) with its derivative written here; the LU factorisation (partial
pivoting) is computed on the host and has none."""
import numpy as _np

from .. import ops as _ops
from .._C import Tensor
from .._custom import custom_vjp
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype

__all__ = ["block_diag", "inv", "cho_factor", "cholesky", "cho_solve", "eigh", "lu_factor", "lu",
           "solve_triangular", "lstsq", "det", "lu_solve", "lu_pivots_to_permutation"]

_FLOATS = (mstype.float32, mstype.float64)
_NUMBERS = _FLOATS + (mstype.complex64, mstype.complex128)


def _matrix(op, name, a, square=True, dtypes=_NUMBERS):
    if not isinstance(a, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(a).__name__}.")
    if a.dtype not in dtypes:
        if a.dtype in mstype.int_type + mstype.uint_type + (mstype.float16,):
            a = a.astype(mstype.float32)
        else:
            raise DTypeError(f"For '{op}', '{name}' must be a float tensor, but got {a.dtype}.")
    if a.ndim < 2 or (square and a.shape[-1] != a.shape[-2]):
        what = "square matrices (..., N, N)" if square else "matrices (..., M, N)"
        raise ShapeError(f"For '{op}', '{name}' must be {what}, but got {tuple(a.shape)}.")
    return a


def block_diag(*arrs):
    """``mindspore.scipy.linalg.block_diag``: the block-diagonal matrix of the inputs (a 1-D
    input is one row, a 0-D one a 1 × 1 block).

    Args:
        arrs (Tensor): The blocks, at most 2-D each.

    Returns:
        Tensor, ``(Σ rows, Σ columns)``.

    Raises:
        TypeError: If an input is not a Tensor.
        ValueError: If an input has more than 2 dimensions.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import block_diag
        >>> print(block_diag(ms.Tensor([1., 2.]), ms.Tensor([[3.], [4.]])))
        [[1. 2. 0.]
         [0. 0. 3.]
         [0. 0. 4.]]
    """
    return _ops.block_diag(*arrs)


def inv(a, overwrite_a=False, check_finite=True):
    """``mindspore.scipy.linalg.inv``: the inverse of each square matrix.

    Args:
        a (Tensor): ``(..., N, N)`` floats.
        overwrite_a (bool): Accepted for SciPy's signature; unused. Default: ``False``.
        check_finite (bool): Accepted for SciPy's signature; unused. Default: ``True``.

    Returns:
        Tensor, of `a`'s shape.

    Raises:
        TypeError: If `a` is not a float Tensor.
        ValueError: If `a` is not square matrices.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import inv
        >>> print(inv(ms.Tensor([[4., 2.], [2., 5.]])))
        [[ 0.3125 -0.125 ]
         [-0.125   0.25  ]]
    """
    return _ops.inverse(_matrix("inv", "a", a))


def cholesky(a, lower=False, overwrite_a=False, check_finite=True):
    """``mindspore.scipy.linalg.cholesky``: the Cholesky factor of each symmetric
    positive-definite matrix: upper ``U`` with ``A = Uᵀ·U`` (SciPy's default), or lower ``L``.

    Args:
        a (Tensor): ``(..., N, N)`` floats.
        lower (bool): Return the lower factor. Default: ``False``.
        overwrite_a (bool): Unused. Default: ``False``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        Tensor, of `a`'s shape.

    Raises:
        TypeError: If `a` is not a float Tensor.
        ValueError: If `a` is not square matrices.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import cholesky
        >>> print(cholesky(ms.Tensor([[4., 2.], [2., 5.]])))
        [[2. 1.]
         [0. 2.]]
    """
    a = _matrix("cholesky", "a", a, dtypes=_FLOATS)
    return _ops.cholesky(a, upper=not lower)


def cho_factor(a, lower=False, overwrite_a=False, check_finite=True):
    """``mindspore.scipy.linalg.cho_factor``: ``(c, lower)``, the Cholesky factor and which
    triangle it is, for :func:`cho_solve` (the other triangle is zero).

    Args:
        a (Tensor): ``(..., N, N)`` floats.
        lower (bool): The lower factor. Default: ``False``.
        overwrite_a (bool): Unused. Default: ``False``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        tuple, ``(Tensor, bool)``.

    Raises:
        TypeError: If `a` is not a float Tensor.
        ValueError: If `a` is not square matrices.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import cho_factor
        >>> c, lower = cho_factor(ms.Tensor([[4., 2.], [2., 5.]]))
        >>> print(c, lower)
        [[2. 1.]
         [0. 2.]] False
    """
    return cholesky(a, lower), bool(lower)


def cho_solve(c_and_lower, b, overwrite_b=False, check_finite=True):
    """``mindspore.scipy.linalg.cho_solve``: the solution of ``A·x = b`` from the Cholesky
    factorisation ``(c, lower)`` of ``A`` (:func:`cho_factor`'s).

    Args:
        c_and_lower (tuple): ``(c, lower)``.
        b (Tensor): ``(N,)`` or ``(N, K)``.
        overwrite_b (bool): Unused. Default: ``False``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        Tensor, of `b`'s shape.

    Raises:
        TypeError: If the arguments have the wrong types.
        ValueError: If the shapes do not fit.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import cho_factor, cho_solve
        >>> print(cho_solve(cho_factor(ms.Tensor([[4., 2.], [2., 5.]])), ms.Tensor([1., 2.])))
        [0.0625 0.375 ]
    """
    if not isinstance(c_and_lower, (tuple, list)) or len(c_and_lower) != 2:
        raise DTypeError("For 'cho_solve', 'c_and_lower' must be a pair (c, lower), but got "
                         f"{type(c_and_lower).__name__}.")
    c, lower = c_and_lower
    c = _matrix("cho_solve", "c", c, dtypes=_FLOATS)
    b = _vector_or_matrix("cho_solve", b, c)
    vector = b.ndim == c.ndim - 1
    x = _ops.cholesky_solve(b.expand_dims(-1) if vector else b, c, upper=not lower)
    return x.squeeze(-1) if vector else x


def _vector_or_matrix(op, b, a):
    if not isinstance(b, Tensor):
        raise DTypeError(f"For '{op}', 'b' must be a Tensor, but got {type(b).__name__}.")
    if b.ndim not in (a.ndim - 1, a.ndim) or b.shape[a.ndim - 2 if b.ndim == a.ndim else -1] \
            != a.shape[-1]:
        raise ShapeError(f"For '{op}', 'b' must have {a.shape[-1]} rows for matrices "
                         f"{tuple(a.shape)}, but got {tuple(b.shape)}.")
    return b.astype(a.dtype)


def solve_triangular(a, b, trans=0, lower=False, unit_diagonal=False, overwrite_b=False,
                     debug=None, check_finite=True):
    """``mindspore.scipy.linalg.solve_triangular``: the solution of ``A·x = b`` (``Aᵀ·x = b``
    for ``trans`` 1 or ``"T"``, ``Aᴴ·x = b`` for 2 or ``"C"``) with the lower or upper triangle
    of `a` (its diagonal taken as ones with `unit_diagonal`).

    Args:
        a (Tensor): ``(..., N, N)``.
        b (Tensor): ``(..., N)`` or ``(..., N, K)``.
        trans (Union[int, str]): 0/"N", 1/"T" or 2/"C". Default: ``0``.
        lower (bool): Use the lower triangle. Default: ``False``.
        unit_diagonal (bool): Default: ``False``.
        overwrite_b (bool): Unused. Default: ``False``.
        debug (None): Unused. Default: ``None``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        Tensor, of `b`'s shape.

    Raises:
        TypeError: If the arguments have the wrong types.
        ValueError: If `trans` is not one of the three or the shapes do not fit.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import solve_triangular
        >>> print(solve_triangular(ms.Tensor([[2., 0.], [1., 4.]]), ms.Tensor([2., 9.]), lower=True))
        [1. 2.]
    """
    a = _matrix("solve_triangular", "a", a)
    b = _vector_or_matrix("solve_triangular", b, a)
    modes = {0: 0, "N": 0, 1: 1, "T": 1, 2: 2, "C": 2}
    if isinstance(trans, bool) or trans not in modes:
        raise ShapeError(f"For 'solve_triangular', 'trans' must be 0, 1, 2, 'N', 'T' or 'C', but "
                         f"got {trans!r}.")
    t = _ops.tril(a) if lower else _ops.triu(a)
    if unit_diagonal:
        eye = _ops.eye(a.shape[-1], a.shape[-1], a.dtype)
        t = t * (1 - eye) + eye
    if modes[trans] == 1:
        t = t.swapaxes(-1, -2)
    elif modes[trans] == 2:
        t = _ops.adjoint(t)
    vector = b.ndim == a.ndim - 1
    x = _ops.matrix_solve(t, b.expand_dims(-1) if vector else b)
    return x.squeeze(-1) if vector else x


def lstsq(A, B, rcond=None, driver=None):  # noqa: N803 - SciPy's argument names
    """``mindspore.scipy.linalg.lstsq``: the least-squares solution of ``A·x = B``, as MindSpore
    2.10 returns it: ``(x, residues, rank, s)`` with `residues` and `s` empty and `rank` the
    numerical rank of `A`.

    Args:
        A (Tensor): ``(M, N)``.
        B (Tensor): ``(M,)`` or ``(M, K)``.
        rcond (float, optional): Singular values below ``rcond·max(s)`` count as zero. Default:
            ``None`` (the dtype's precision times ``max(M, N)``).
        driver (str, optional): Accepted for SciPy's signature; unused. Default: ``None``.

    Returns:
        tuple, ``(x, residues, rank, s)``.

    Raises:
        TypeError: If the arguments have the wrong types.
        ValueError: If the shapes do not fit.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import lstsq
        >>> x, _, rank, _ = lstsq(ms.Tensor([[1., 0.], [1., 1.], [1., 2.]]), ms.Tensor([1., 2., 4.]))
        >>> print(x, rank)
        [0.8333332 1.4999999] 2
    """
    a = _matrix("lstsq", "A", A, square=False)
    if a.ndim != 2:
        raise ShapeError(f"For 'lstsq', 'A' must be 2-D, but got {tuple(a.shape)}.")
    if not isinstance(B, Tensor) or B.ndim not in (1, 2) or B.shape[0] != a.shape[0]:
        raise ShapeError(f"For 'lstsq', 'B' must be a Tensor of {a.shape[0]} rows, but got "
                         f"{getattr(B, 'shape', type(B).__name__)}.")
    if rcond is not None and (isinstance(rcond, bool) or not isinstance(rcond, (int, float))):
        raise DTypeError(f"For 'lstsq', 'rcond' must be a float, but got {type(rcond).__name__}.")
    b = B.astype(a.dtype)
    s = _ops.svd(a, compute_uv=False)
    limit = (rcond if rcond is not None else _np.finfo(_np.float32 if a.dtype == mstype.float32
                                                        else _np.float64).eps * max(a.shape))
    rank = int((s.asnumpy() > limit * float(s.asnumpy().max(initial=0.0))).sum())
    x = _ops.matmul(_ops.pinv(a, rtol=limit), b)
    empty = Tensor(_np.zeros(0), a.dtype)
    return x, empty, Tensor(rank, mstype.int64), empty


def _eigh_forward(a):
    w, v = _np.linalg.eigh(a.asnumpy())
    if v.dtype.kind == "f":
        # A fixed sign for each real eigenvector (its largest component positive): LAPACK's
        # signs flip under tiny changes of `a`, which makes finite differences of functions
        # of `v` (MindSpore's gradient checks) jump; MindSpore's own (Eigen's) signs follow no
        # rule we can reproduce, so neither choice matches it entry by entry.
        big = _np.take_along_axis(v, _np.abs(v).argmax(-2)[..., None, :], -2)
        v = v * _np.where(big < 0, -1, 1).astype(v.dtype)
    real = mstype.float64 if a.dtype in (mstype.float64, mstype.complex128) else mstype.float32
    return Tensor(w).astype(real), Tensor(v).astype(a.dtype)


def _eigh_backward(a, out, dout):
    # dA = V·(diag(dw) + F ∘ (Vᴴ·dV))·Vᴴ with F_ij = 1/(w_j − w_i) off the diagonal (0 where the
    # eigenvalues tie), the derivative of the symmetric eigenproblem.
    w, v = out
    dw, dv = dout
    vh = _ops.adjoint(v)
    diff = w.expand_dims(-2) - w.expand_dims(-1)
    tie = diff.abs() < 1e-12
    f = _ops.select(tie, _ops.zeros_like(diff), 1 / _ops.select(tie, _ops.ones_like(diff), diff))
    inner = f.astype(v.dtype) * _ops.matmul(vh, dv)
    inner = inner + _ops.diag_embed(dw.astype(v.dtype))
    return (_ops.matmul(_ops.matmul(v, inner), vh),)


_eigh_dense = custom_vjp(_eigh_forward, bprop=_eigh_backward)


def eigh(a, b=None, lower=True, eigvals_only=False, overwrite_a=False, overwrite_b=False,
         turbo=True, eigvals=None, type=1, check_finite=True):  # noqa: A002
    """``mindspore.scipy.linalg.eigh``: the eigenvalues (ascending) and eigenvectors of each
    symmetric (Hermitian) matrix, read from its lower (or upper) triangle; differentiable.
    As MindSpore 2.10: one matrix (2-D), Int32/Int64 computed in Float64, the eigenvalues of a
    complex matrix returned in its complex dtype.

    Args:
        a (Tensor): ``(N, N)``: Int32, Int64, Float32, Float64, Complex64 or Complex128.
        b (None): The generalised problem is not supported (MindSpore's neither). Default:
            ``None``.
        lower (bool): Read the lower triangle. Default: ``True``.
        eigvals_only (bool): Return the eigenvalues alone. Default: ``False``.
        overwrite_a (bool): Unused. Default: ``False``.
        overwrite_b (bool): Unused. Default: ``False``.
        turbo (bool): Unused. Default: ``True``.
        eigvals (None): Only None is supported. Default: ``None``.
        type (int): Unused (the standard problem). Default: ``1``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        ``(w, v)``, or `w` with `eigvals_only`.

    Raises:
        TypeError: If `a` is not a Tensor of those dtypes or a flag is not a bool.
        ValueError: If `a` is not a square 2-D matrix or `b` or `eigvals` is given.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import eigh
        >>> print(eigh(ms.Tensor([[2., 1.], [1., 3.]]), eigvals_only=True))
        [1.381966 3.618034]
    """
    for name, value in (("lower", lower), ("eigvals_only", eigvals_only),
                        ("overwrite_a", overwrite_a), ("overwrite_b", overwrite_b),
                        ("turbo", turbo), ("check_finite", check_finite)):
        if not isinstance(value, bool):
            raise DTypeError(f"For 'eigh', the type of '{name}' should be bool, but got "
                             f"'{value}' with type {value.__class__.__name__}.")
    if b is not None:
        raise ShapeError("For 'eigh', currently only case b=None of 'eigh' is implemented "
                         "(the generalised problem is not supported).")
    if eigvals is not None:
        raise ShapeError("For 'eigh', currently only case eigvals=None of 'eigh' is implemented.")
    if not isinstance(a, Tensor):
        raise DTypeError(f"For 'eigh', 'a' must be a Tensor, but got {a.__class__.__name__}.")
    # As MindSpore: one 2-D matrix; Int32/Int64 computed in Float64; other dtypes refused.
    if a.dtype in (mstype.int32, mstype.int64):
        a = a.astype(mstype.float64)
    elif a.dtype not in _NUMBERS:
        raise DTypeError(f"For 'eigh', the data type of 'a' should be one of [int32, int64, "
                         f"float32, float64, complex64, complex128], but got {a.dtype}.")
    if a.ndim != 2:
        raise ShapeError(f"For 'eigh', the dimension of 'a' should be 2, but got {a.ndim}.")
    if a.shape[0] != a.shape[1]:
        raise ShapeError(f"For 'eigh', the matrix 'a' should be a square matrix like (N, N), but "
                         f"got {tuple(a.shape)}.")
    # The symmetric (Hermitian) matrix of the triangle read.
    tri = _ops.tril(a) if lower else _ops.triu(a)
    strict = _ops.tril(a, -1) if lower else _ops.triu(a, 1)
    sym = tri + _ops.adjoint(strict)
    w, v = _eigh_dense(sym)
    if a.dtype in (mstype.complex64, mstype.complex128):
        w = w.astype(a.dtype)  # MindSpore returns the (real) eigenvalues in the complex dtype
    return w if eigvals_only else (w, v)


def _lu_host(a):
    """``(packed LU, pivots, permutation)`` of each matrix, partial pivoting, in Float64."""
    m, n = a.shape[-2:]
    k = min(m, n)
    lu_ = a.astype(_np.float64 if a.dtype.kind == "f" else a.dtype).copy()
    piv = _np.zeros(a.shape[:-2] + (k,), _np.int32)
    perm = _np.broadcast_to(_np.arange(m), a.shape[:-2] + (m,)).copy()
    for idx in _np.ndindex(a.shape[:-2]):
        x, p = lu_[idx], perm[idx]
        for j in range(k):
            r = j + int(_np.argmax(_np.abs(x[j:, j])))
            piv[idx + (j,)] = r
            if r != j:
                x[[j, r]] = x[[r, j]]
                p[[j, r]] = p[[r, j]]
            if x[j, j] != 0:
                x[j + 1:, j] /= x[j, j]
                x[j + 1:, j + 1:] -= _np.outer(x[j + 1:, j], x[j, j + 1:])
    return lu_, piv, perm


def lu_factor(a, overwrite_a=False, check_finite=True):
    """``mindspore.scipy.linalg.lu_factor``: ``(lu, piv)``, the LU factorisation with partial
    pivoting packed in one matrix (``L`` below the diagonal, its unit diagonal implied; ``U`` on
    and above) and the row interchanges (row ``i`` was swapped with row ``piv[i]``, Int32).

    Args:
        a (Tensor): ``(..., N, N)``.
        overwrite_a (bool): Unused. Default: ``False``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        tuple, ``(Tensor, Tensor)``.

    Raises:
        TypeError: If `a` is not a float Tensor.
        ValueError: If `a` is not square matrices.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import lu_factor
        >>> lu, piv = lu_factor(ms.Tensor([[1., 2.], [3., 4.]]))
        >>> print(lu, piv)
        [[3.         4.        ]
         [0.33333334 0.6666667 ]] [1 1]
    """
    a = _matrix("lu_factor", "a", a)
    packed, piv, _ = _lu_host(a.asnumpy())
    return Tensor(packed).astype(a.dtype), Tensor(piv)


def lu(a, permute_l=False, overwrite_a=False, check_finite=True):
    """``mindspore.scipy.linalg.lu``: ``(p, l, u)`` with ``a = p·l·u`` (``p`` a permutation matrix
    in Int32, as MindSpore 2.10 gives it; ``l`` unit lower ``(M, K)``, ``u`` upper ``(K, N)``), or
    ``(p·l, u)`` with `permute_l`.

    Args:
        a (Tensor): ``(..., M, N)``.
        permute_l (bool): Return ``p·l`` instead of ``p`` and ``l``. Default: ``False``.
        overwrite_a (bool): Unused. Default: ``False``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        tuple of Tensors.

    Raises:
        TypeError: If `a` is not a float Tensor.
        ValueError: If `a` has fewer than 2 dimensions.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import lu
        >>> p, l, u = lu(ms.Tensor([[1., 2.], [3., 4.]]))
        >>> print(p)
        [[0 1]
         [1 0]]
    """
    a = _matrix("lu", "a", a, square=False)
    x = a.asnumpy()
    packed, _, perm = _lu_host(x)
    m, n = x.shape[-2:]
    k = min(m, n)
    lower = _np.tril(packed[..., :, :k], -1) + _np.eye(m, k)
    upper = _np.triu(packed[..., :k, :])
    p = (perm[..., :, None] == _np.arange(m)).astype(_np.int32).swapaxes(-1, -2)
    l_t, u_t = Tensor(lower).astype(a.dtype), Tensor(upper).astype(a.dtype)
    if permute_l:
        return _ops.matmul(Tensor(p).astype(a.dtype), l_t), u_t
    return Tensor(p), l_t, u_t


_DET_DTYPES = (mstype.int32, mstype.int64, mstype.float32, mstype.float64)


def det(a, overwrite_a=False, check_finite=True):
    """``mindspore.scipy.linalg.det``: the determinant of a square matrix (Int32/Int64 matrices
    are computed in Float64, as MindSpore does).

    Args:
        a (Tensor): ``(N, N)``, Int32, Int64, Float32 or Float64.
        overwrite_a (bool): Unused. Default: ``False``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        Tensor, a 0-D tensor of `a`'s float dtype.

    Raises:
        TypeError: If `a` is not a Tensor of one of those dtypes.
        ValueError: If `a` is not one square matrix.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import det
        >>> print(det(ms.Tensor(np.array([[1., 2., 3.], [4., 5., 6.], [7., 8., 10.]], np.float32))))
        -3.0
    """
    if not isinstance(a, Tensor) or a.dtype not in _DET_DTYPES:
        got = a.dtype if isinstance(a, Tensor) else type(a).__name__
        raise DTypeError("For 'det', the data type of 'a' should be one of [mindspore.int32, "
                         f"mindspore.int64, mindspore.float32, mindspore.float64], but got {got}.")
    if a.ndim != 2:
        raise ShapeError(f"For 'det', the dimension of 'a' should be 2, but got {a.ndim}.")
    if a.shape[0] != a.shape[1]:
        raise ShapeError(f"For 'det', the matrix 'a' should be a square matrix like (N, N), but got "
                         f"{tuple(a.shape)}.")
    if a.dtype in (mstype.int32, mstype.int64):
        a = a.astype(mstype.float64)
    return _ops.det(a)


def lu_pivots_to_permutation(pivots, permutation_size):
    """``mindspore.scipy.linalg.lu_pivots_to_permutation``: the row permutation that LAPACK's
    pivots describe (row ``i`` swapped with row ``pivots[i]``, in order): ``perm[i]`` is the row
    of the original matrix that ends at row ``i``.

    Args:
        pivots (Tensor): ``(..., K)`` Int32 pivots, as :func:`lu_factor` gives them.
        permutation_size (int): The number of rows, at least ``K``.

    Returns:
        Tensor, ``(..., permutation_size)`` Int32.

    Raises:
        TypeError: If `pivots` is not an integer Tensor or `permutation_size` not an int.
        ValueError: If `permutation_size` is below ``K`` or a pivot is out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import lu_pivots_to_permutation
        >>> print(lu_pivots_to_permutation(ms.Tensor(np.array([2, 2, 2], np.int32)), 3))
        [2 0 1]
    """
    if not isinstance(pivots, Tensor) or pivots.dtype not in mstype.int_type + mstype.uint_type:
        raise DTypeError(f"For 'lu_pivots_to_permutation', 'pivots' must be an integer Tensor, but "
                         f"got {getattr(pivots, 'dtype', type(pivots).__name__)}.")
    if isinstance(permutation_size, bool) or not isinstance(permutation_size, int):
        raise DTypeError(f"For 'lu_pivots_to_permutation', 'permutation_size' must be an int, but got "
                         f"{type(permutation_size).__name__}.")
    piv = pivots.asnumpy().astype(_np.int64)
    k = piv.shape[-1] if piv.ndim else 0
    if piv.ndim == 0 or permutation_size < k:
        raise ShapeError(f"For 'lu_pivots_to_permutation', 'permutation_size' ({permutation_size}) "
                         f"must be at least the number of pivots {piv.shape}.")
    if piv.size and (piv.min() < 0 or piv.max() >= permutation_size):
        raise ShapeError(f"For 'lu_pivots_to_permutation', every pivot must be in [0, "
                         f"{permutation_size}), but got {piv.min()}..{piv.max()}.")
    perm = _np.broadcast_to(_np.arange(permutation_size), piv.shape[:-1] + (permutation_size,)).copy()
    for idx in _np.ndindex(piv.shape[:-1]):
        p = perm[idx]
        for i, j in enumerate(piv[idx]):
            p[[i, j]] = p[[j, i]]
    return Tensor(perm.astype(_np.int32))


def lu_solve(lu_and_piv, b, trans=0, overwrite_b=False, check_finite=True):
    """``mindspore.scipy.linalg.lu_solve``: the solution of ``A·x = b`` (``Aᵀ·x = b`` for
    ``trans`` 1, ``Aᴴ·x = b`` for 2) from the factorisation ``(lu, piv)`` :func:`lu_factor` gave
    of ``A``. (MindSpore 2.10 refuses a 1-D `b` with an IndexError from inside, and its
    ``trans`` 1 and 2 do not solve ``Aᵀ·x = b`` once rows were interchanged; here a vector is
    solved, and every ``trans`` as SciPy solves it.)

    Args:
        lu_and_piv (tuple[Tensor, Tensor]): The packed factors and the pivots.
        b (Tensor): ``(N,)`` or ``(N, K)``.
        trans (int): 0, 1 or 2. Default: ``0``.
        overwrite_b (bool): Unused. Default: ``False``.
        check_finite (bool): Unused. Default: ``True``.

    Returns:
        Tensor, of `b`'s shape.

    Raises:
        TypeError: If the arguments have the wrong types.
        ValueError: If `trans` is not 0, 1 or 2, or the shapes do not fit.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.scipy.linalg import lu_factor, lu_solve
        >>> a = ms.Tensor(np.array([[2., 0.], [1., 4.]], np.float64))
        >>> print(lu_solve(lu_factor(a), ms.Tensor(np.array([[2.], [9.]], np.float64))))
        [[1.]
         [2.]]
    """
    if not isinstance(lu_and_piv, (tuple, list)) or len(lu_and_piv) != 2:
        raise DTypeError("For 'lu_solve', 'lu_and_piv' must be the pair (lu, piv) that lu_factor "
                         f"gives, but got {type(lu_and_piv).__name__}.")
    if isinstance(trans, bool) or trans not in (0, 1, 2):
        raise ShapeError(f"For 'lu_solve', the value of 'trans' should be one of (0, 1, 2), but got "
                         f"{trans}.")
    lu_, piv = lu_and_piv
    lu_ = _matrix("lu_solve", "lu", lu_)
    b = _vector_or_matrix("lu_solve", b, lu_)
    perm = lu_pivots_to_permutation(piv, lu_.shape[-1])
    if trans == 0:  # A = Pᵀ·L·U: L·U·x = P·b
        y = solve_triangular(lu_, _ops.gather(b, perm, lu_.ndim - 2), lower=True, unit_diagonal=True)
        return solve_triangular(lu_, y)
    # Aᵀ = Uᵀ·Lᵀ·P (Aᴴ alike): Uᵀ·Lᵀ·(P·x) = b
    z = solve_triangular(lu_, b, trans=trans)
    px = solve_triangular(lu_, z, trans=trans, lower=True, unit_diagonal=True)
    inverse = _ops.argsort(perm.astype(mstype.int64)).astype(mstype.int32)
    return _ops.gather(px, inverse, lu_.ndim - 2)

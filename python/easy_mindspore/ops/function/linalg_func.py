"""``mindspore.ops`` square-matrix functions over batches ``[..., n, n]``: ``inverse``, ``det``
(and its older name ``matrix_determinant``), ``slogdet`` (``log_matrix_determinant``) and
``logdet``. Each is the engine's ``Linalg`` primitive (LU factorisations in Float64, rounded to
the input's dtype) with its derivative, so ``grad`` of ``grad`` works too:
``d(A⁻¹) = -A⁻¹·dA·A⁻¹``, ``d det A = det A·tr(A⁻¹·dA)``, ``d log|det A| = tr(A⁻¹·dA)``.

MindSpore 2.10's rules: matrices of at least 2 × 2 (a ValueError for 1 × 1, as MindSpore's);
``inverse`` takes Float32, Float64, Complex64 and Complex128, the determinants Float16 too
(computed in Float32); a singular matrix is no error: ``inverse`` gives what MindSpore's
full-pivoting LU gives (the unknowns of zero pivots are 0), ``det`` 0 and ``slogdet``
``(0, -inf)``. Complex matrices (LU in Complex128) give a complex sign ``det / |det|`` and
``log|det|`` in the complex dtype (zero imaginary part), and ``logdet`` the complex logarithm,
as MindSpore 2.10. Their gradients follow the engine's convention for complex inputs (a
holomorphic ``f`` sends the cotangent ``g`` back as ``g · conj(f')``: ``-A⁻ᴴ·g·A⁻ᴴ`` for the
inverse); MindSpore 2.10's own complex gradients are not consistent with one another (its
``grad`` of ``real(det(A))`` is ``-conj(det·A⁻ᵀ)`` while that of ``real(slogdet(A)[1])`` is
``+conj(A⁻ᵀ)``), so only the latter agrees."""
import math as _math

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["inverse", "det", "matrix_determinant", "slogdet", "log_matrix_determinant", "logdet"]


def _square(op, x, dtypes):
    """``x`` checked as MindSpore checks a batch of square matrices."""
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', the input must be a Tensor, but got {type(x).__name__}.")
    if x.dtype not in dtypes:
        names = ", ".join(f"Tensor[{d}]" for d in dtypes)
        raise DTypeError(f"For primitive[{op}], the input argument[x] must be a type of {{{names}}}, "
                         f"but got Tensor[{x.dtype}].")
    shape = x.shape
    if len(shape) < 2:
        raise ShapeError(f"For primitive[{op}], the x rank must be greater than or equal to 2, "
                         f"but got {len(shape)}.")
    if shape[-1] != shape[-2]:
        raise ShapeError(f"For primitive[{op}], the row size must be equal to {shape[-2]}, "
                         f"but got {shape[-1]}.")
    if shape[-1] < 2:
        raise ShapeError(f"For primitive[{op}], the row size must be greater than or equal to 2, "
                         f"but got {shape[-1]}.")
    return x


_INVERSE_DTYPES = (mstype.float32, mstype.float64, mstype.complex64, mstype.complex128)
_DET_DTYPES = (mstype.float16, mstype.float32, mstype.float64, mstype.complex64, mstype.complex128)


def inverse(input):  # noqa: A002 - MindSpore's argument name
    """Computes the inverse of each square matrix of ``input``.

    Args:
        input (Tensor): matrices ``[..., n, n]`` (``n >= 2``), Float32, Float64, Complex64 or
            Complex128.

    Returns:
        Tensor of ``input``'s shape and dtype. A singular matrix gives MindSpore 2.10's answer
        (a full-pivoting LU whose zero pivots' unknowns are 0), not an error.

    Raises:
        TypeError: ``input`` is not a Float32/Float64/Complex64/Complex128 Tensor.
        ValueError: ``input`` is not a batch of square matrices of at least 2 × 2.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.inverse(Tensor([[1.0, 2.0], [3.0, 4.0]])))
        [[-2.   1. ]
         [ 1.5 -0.5]]
        >>> print(ops.inverse(Tensor([[2j, 0], [0, 4]])))
        [[0.  -0.5j 0.  +0.j ]
         [0.  +0.j  0.25+0.j ]]
    """
    return _C.inverse(_square("MatrixInverse", input, _INVERSE_DTYPES))


def det(input):  # noqa: A002
    """Computes the determinant of each square matrix of ``input``.

    Args:
        input (Tensor): matrices ``[..., n, n]`` (``n >= 2``), Float16, Float32, Float64,
            Complex64 or Complex128.

    Returns:
        Tensor of shape ``input.shape[:-2]`` and ``input``'s dtype.

    Raises:
        TypeError: ``input`` is not a float or complex Tensor.
        ValueError: ``input`` is not a batch of square matrices of at least 2 × 2.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.det(Tensor([[[1.0, 2.0], [3.0, 4.0]], [[2.0, 0.0], [0.0, 3.0]]])))
        [-2.  6.]
        >>> print(ops.det(Tensor([[2j, 1], [0, 3 - 1j]])))
        (2+6j)
    """
    return _C.det(_square("MatrixDeterminant", input, _DET_DTYPES))


def matrix_determinant(input):  # noqa: A002
    """Computes the determinant of each square matrix of ``input`` (MindSpore's older name of
    :func:`det`).

    Args:
        input (Tensor): matrices ``[..., n, n]`` (``n >= 2``), Float16, Float32 or Float64.

    Returns:
        Tensor of shape ``input.shape[:-2]`` and ``input``'s dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.matrix_determinant(Tensor([[1.0, 2.0], [3.0, 4.0]])))
        -2.0
    """
    return det(input)


def slogdet(input):  # noqa: A002
    """Computes the sign and the natural logarithm of the absolute value of the determinant of
    each square matrix of ``input``.

    Args:
        input (Tensor): matrices ``[..., n, n]`` (``n >= 2``), Float16, Float32 or Float64.

    Returns:
        tuple(Tensor, Tensor), ``(sign, log|det|)``, each of shape ``input.shape[:-2]`` and
        ``input``'s dtype; ``(0, -inf)`` for a singular matrix (``(0, ±inf)`` wherever the log
        is not finite, as MindSpore 2.10). ``log|det|`` is differentiable (``A⁻ᵀ``), the sign
        is not.

    Raises:
        TypeError: ``input`` is not a float Tensor.
        ValueError: ``input`` is not a batch of square matrices of at least 2 × 2.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> sign, logabsdet = ops.slogdet(Tensor([[1.0, 2.0], [3.0, 4.0]]))
        >>> print(sign, logabsdet)
        -1.0 0.6931472
    """
    return _C.slogdet(_square("LogMatrixDeterminant", input, _DET_DTYPES))


def log_matrix_determinant(input):  # noqa: A002
    """Computes ``(sign, log|det|)`` of each square matrix of ``input`` (MindSpore's older name
    of :func:`slogdet`).

    Args:
        input (Tensor): matrices ``[..., n, n]`` (``n >= 2``), Float16, Float32 or Float64.

    Returns:
        tuple(Tensor, Tensor), the signs and the logs of the absolute determinants.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> sign, logabsdet = ops.log_matrix_determinant(Tensor([[2.0, 0.0], [0.0, 3.0]]))
        >>> print(sign, logabsdet)
        1.0 1.7917595
    """
    return slogdet(input)


def logdet(input):  # noqa: A002
    """Computes the natural logarithm of the determinant of each square matrix of ``input``: NaN
    where the determinant is negative, ``-inf`` where it is 0.

    Args:
        input (Tensor): matrices ``[..., n, n]`` (``n >= 2``), Float16, Float32 or Float64.

    Returns:
        Tensor of shape ``input.shape[:-2]`` and ``input``'s dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.logdet(Tensor([[[2.0, 0.0], [0.0, 3.0]], [[0.0, 1.0], [1.0, 0.0]]])))
        [1.7917595       nan]
    """
    sign, logabs = slogdet(input)
    if logabs.dtype in (mstype.complex64, mstype.complex128):
        return logabs + sign.log()  # the complex logarithm: log|det| + i·arg(det)
    return _C.where_(sign < 0, Tensor(_math.nan, logabs.dtype), logabs)


def _inverse_method(self):
    """The inverse of each square matrix of this tensor (see :func:`ops.inverse`).

    Returns:
        Tensor of this tensor's shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([[2.0, 0.0], [0.0, 4.0]]).inverse())
        [[0.5  0.  ]
         [0.   0.25]]
    """
    return inverse(self)


def _det_method(self):
    """The determinant of each square matrix of this tensor (see :func:`ops.det`).

    Returns:
        Tensor of shape ``self.shape[:-2]``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([[1.0, 2.0], [3.0, 4.0]]).det())
        -2.0
    """
    return det(self)


def _slogdet_method(self):
    """``(sign, log|det|)`` of each square matrix of this tensor (see :func:`ops.slogdet`).

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([[1.0, 2.0], [3.0, 4.0]]).slogdet())
        (Tensor(shape=[], dtype=Float32, value= -1), Tensor(shape=[], dtype=Float32, value= 0.693147))
    """
    return slogdet(self)


def _logdet_method(self):
    """``log(det)`` of each square matrix of this tensor (see :func:`ops.logdet`).

    Returns:
        Tensor of shape ``self.shape[:-2]``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([[2.0, 0.0], [0.0, 3.0]]).logdet())
        1.7917595
    """
    return logdet(self)


def _matrix_determinant_method(self):
    """The determinant of each square matrix of this tensor (MindSpore's older name of
    ``Tensor.det``).

    Returns:
        Tensor of shape ``self.shape[:-2]``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([[1.0, 2.0], [3.0, 4.0]]).matrix_determinant())
        -2.0
    """
    return det(self)


def _log_matrix_determinant_method(self):
    """``(sign, log|det|)`` of each square matrix of this tensor (MindSpore's older name of
    ``Tensor.slogdet``).

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> from easy_mindspore import Tensor
        >>> sign, logabsdet = Tensor([[2.0, 0.0], [0.0, 3.0]]).log_matrix_determinant()
        >>> print(sign, logabsdet)
        1.0 1.7917595
    """
    return slogdet(self)


# Tensor methods (installed by ``_tensor_methods``), as MindSpore 2.10's Tensor has them.
TENSOR_METHODS = {
    "inverse": _inverse_method,
    "det": _det_method,
    "matrix_determinant": _matrix_determinant_method,
    "slogdet": _slogdet_method,
    "log_matrix_determinant": _log_matrix_determinant_method,
    "logdet": _logdet_method,
}

# The SVD family (``svd``, ``pinv``, ``cond``, ``matrix_norm``), defined in ``_svd_func``.
from . import _svd_func  # noqa: E402
from ._svd_func import cond, matrix_norm, pinv, svd  # noqa: E402,F401

__all__ += _svd_func.__all__
TENSOR_METHODS.update(_svd_func.TENSOR_METHODS)

# Cholesky, the solvers and LU unpacking, defined in ``_solve_func``.
from . import _solve_func  # noqa: E402
from ._solve_func import (cholesky, cholesky_inverse, cholesky_solve, lstsq, lu_solve,  # noqa: E402,F401
                          lu_unpack, matrix_solve, qr)

__all__ += _solve_func.__all__
TENSOR_METHODS.update(_solve_func.TENSOR_METHODS)

# The Householder QR family (``geqrf``, ``orgqr``, ``ormqr``), defined in ``_householder_func``.
from . import _householder_func  # noqa: E402
from ._householder_func import geqrf, orgqr, ormqr  # noqa: E402,F401

__all__ += _householder_func.__all__
TENSOR_METHODS.update(_householder_func.TENSOR_METHODS)

# The general eigendecomposition (``eig``, ``eigvals``), defined in ``_eig_func``.
from . import _eig_func  # noqa: E402
from ._eig_func import eig, eigvals  # noqa: E402,F401

__all__ += _eig_func.__all__
TENSOR_METHODS.update(_eig_func.TENSOR_METHODS)

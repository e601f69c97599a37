"""The primitive classes of the square-matrix ops and the gamma-function family:
``ops.MatrixInverse(adjoint=False)``, ``ops.MatrixDeterminant()``,
``ops.LogMatrixDeterminant()``, ``ops.Lgamma()``, ``ops.Digamma()``, ``ops.Polygamma()``, each
calling its function of ``ops.function`` (``linalg_func``, ``special_func``) with MindSpore
2.10's constructor and call arguments."""
from .._errors import DTypeError
from ..common import dtype as mstype
from .function import linalg_func as _linalg
from .function import special_func as _special
from .operations import Primitive

__all__ = ["MatrixInverse", "MatrixDeterminant", "LogMatrixDeterminant", "Lgamma", "Digamma",
           "Polygamma"]


class MatrixInverse(Primitive):
    """``ops.MatrixInverse(adjoint=False)(x)``: the inverse of each square matrix of ``x`` (of its
    transpose when ``adjoint`` is True), as :func:`ops.inverse`.

    Args:
        adjoint (bool, optional): Whether to invert the (conjugate) transposes. Default: ``False``.

    Inputs:
        - **x** (Tensor) - matrices ``[..., n, n]`` (``n >= 2``), Float32 or Float64.

    Outputs:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(ops.MatrixInverse(adjoint=True)(x))
        [[-2.   1.5]
         [ 1.  -0.5]]
    """

    def __init__(self, adjoint=False):
        if not isinstance(adjoint, bool):
            raise DTypeError(f"For 'MatrixInverse', 'adjoint' must be a bool, but got "
                             f"{type(adjoint).__name__}.")
        self.adjoint = adjoint

    def __call__(self, x):
        out = _linalg.inverse(x)
        if not self.adjoint:
            return out
        out = out.swapaxes(-1, -2)
        return out.conj() if out.dtype in (mstype.complex64, mstype.complex128) else out


class MatrixDeterminant(Primitive):
    """``ops.MatrixDeterminant()(x)``: the determinant of each square matrix, as :func:`ops.det`.

    Inputs:
        - **x** (Tensor) - matrices ``[..., n, n]`` (``n >= 2``), Float16, Float32 or Float64.

    Outputs:
        Tensor of shape ``x.shape[:-2]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.MatrixDeterminant()(ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)))
        -2.0
    """

    def __call__(self, x):
        return _linalg.det(x)


class LogMatrixDeterminant(Primitive):
    """``ops.LogMatrixDeterminant()(x)``: ``(sign, log|det|)`` of each square matrix, as
    :func:`ops.slogdet`.

    Inputs:
        - **x** (Tensor) - matrices ``[..., n, n]`` (``n >= 2``), Float16, Float32 or Float64.

    Outputs:
        tuple(Tensor, Tensor), each of shape ``x.shape[:-2]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> sign, logabsdet = ops.LogMatrixDeterminant()(ms.Tensor([[1.0, 2.0], [3.0, 4.0]]))
        >>> print(sign, logabsdet)
        -1.0 0.6931472
    """

    def __call__(self, x):
        return _linalg.slogdet(x)


class Lgamma(Primitive):
    """``ops.Lgamma()(x)``: ``ln|Γ(x)|`` elementwise, as :func:`ops.lgamma`.

    Inputs:
        - **x** (Tensor) - Float16, Float32, Float64 or Int32.

    Outputs:
        Tensor of ``x``'s shape (Int32 gives Float32).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Lgamma()(ms.Tensor([0.5, 3.0], ms.float32)))
        [0.5723649 0.6931472]
    """

    def __call__(self, x):
        return _special.lgamma(x)


class Digamma(Primitive):
    """``ops.Digamma()(input)``: the digamma function elementwise, as :func:`ops.digamma`.

    Inputs:
        - **input** (Tensor) - Float16, Float32 or Float64.

    Outputs:
        Tensor of ``input``'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Digamma()(ms.Tensor([1.0, 2.0], ms.float32)))
        [-0.5772157   0.42278433]
    """

    def __call__(self, input):  # noqa: A002 - MindSpore's argument name
        return _special.digamma(input)


class Polygamma(Primitive):
    """``ops.Polygamma()(a, x)``: the polygamma function of order ``a`` (a 0-d integer Tensor),
    as :func:`ops.polygamma`.

    Inputs:
        - **a** (Tensor) - the order, 0-d Int32 or Int64.
        - **x** (Tensor) - Float16, Float32 or Float64.

    Outputs:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Polygamma()(ms.Tensor(2), ms.Tensor([0.5, 2.0], ms.float32)))
        [-16.828796   -0.4041138]
    """

    def __call__(self, a, x):
        return _special.polygamma(a, x)

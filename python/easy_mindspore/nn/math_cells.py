"""MindSpore's math Cells: the special functions ``nn.DiGamma``, ``nn.LGamma``, ``nn.LBeta`` (the
last holding an ``LGamma``, as MindSpore's shows in its repr) and ``nn.IGamma`` over the engine's
``digamma``, ``lgamma`` and ``igamma`` (differentiable), and the symmetric positive-definite
matrix Cells ``nn.MatDet`` and ``nn.MatInverse`` over the Cholesky factor."""
from .. import _C
from .. import ops as _ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .cell import Cell

__all__ = ["DiGamma", "LGamma", "LBeta", "IGamma", "MatDet", "MatInverse"]

_FLOATS = (mstype.float16, mstype.float32)


def _float_input(op, name, x):
    if not isinstance(x, Tensor) or x.dtype not in _FLOATS:
        got = x.dtype if isinstance(x, Tensor) else type(x).__name__
        raise DTypeError(f"For '{op}', the '{name}' should be one of {list(_FLOATS)}, but got {got}.")
    return x


class DiGamma(Cell):
    """The digamma function ``ψ(x) = d/dx ln Γ(x)``, elementwise.

    Inputs:
        - **x** (Tensor) - Float16 or Float32.

    Outputs:
        Tensor of `x`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.DiGamma()(ms.Tensor([2.0])))
        [0.42278433]
    """

    def construct(self, x):
        return _C.digamma(_float_input("DiGamma", "x", x))


class LGamma(Cell):
    """``ln|Γ(x)|``, elementwise.

    Inputs:
        - **x** (Tensor) - Float16 or Float32.

    Outputs:
        Tensor of `x`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.LGamma()(ms.Tensor([0.5])))
        [0.5723649]
    """

    def construct(self, x):
        return _C.lgamma(_float_input("LGamma", "x", x))


class LBeta(Cell):
    """``ln B(x, y) = ln Γ(x) + ln Γ(y) − ln Γ(x + y)``, elementwise (broadcast).

    Inputs:
        - **x** (Tensor) - Float16 or Float32.
        - **y** (Tensor) - Of `x`'s dtype.

    Outputs:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.LBeta()(ms.Tensor([2.0]), ms.Tensor([3.0])))
        [-2.4849067]
    """

    def __init__(self):
        super().__init__()
        self.lgamma = LGamma()

    def construct(self, x, y):
        x, y = _float_input("LBeta", "x", x), _float_input("LBeta", "y", y)
        return self.lgamma(x) + self.lgamma(y) - self.lgamma(x + y)


class IGamma(Cell):
    """The regularised lower incomplete gamma function ``P(a, x)``, elementwise (broadcast).

    Inputs:
        - **a** (Tensor) - Float32 or Float64, positive.
        - **x** (Tensor) - Of `a`'s dtype, non-negative.

    Outputs:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.IGamma()(ms.Tensor([1., 2.]), ms.Tensor([1., 3.])))
        [0.63212055 0.8008517 ]
    """

    def __init__(self):
        super().__init__()

    def construct(self, a, x):
        return _ops.igamma(a, x)


def _spd(op, x):
    """``x``, a batch of square float matrices ``(..., M, M)``."""
    if not isinstance(x, Tensor) or x.dtype not in (mstype.float32, mstype.float64):
        got = x.dtype if isinstance(x, Tensor) else type(x).__name__
        raise DTypeError(f"For '{op}', the 'x' should be a Float32 or Float64 tensor, but got "
                         f"{got}.")
    if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
        raise ShapeError(f"For '{op}', the 'x' must be a batch of square matrices (..., M, M), "
                         f"but got shape {tuple(x.shape)}.")
    return x


class MatDet(Cell):
    """The determinant of each symmetric positive-definite matrix, ``∏ diag(L)²`` from its
    Cholesky factor ``L`` (MindSpore 2.10's CPU has no kernel for its ``DetTriangle``).

    Inputs:
        - **x** (Tensor) - ``(..., M, M)``, Float32 or Float64, symmetric positive definite.

    Outputs:
        Tensor ``(...)`` of `x`'s dtype.

    Raises:
        TypeError: If `x` is not a Float32 or Float64 Tensor.
        ValueError: If `x` is not a batch of square matrices.
        RuntimeError: If a matrix is not positive definite.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> a = ms.Tensor([[4., 12., -16.], [12., 37., -43.], [-16., -43., 98.]])
        >>> print(nn.MatDet()(a))
        36.0
    """

    def __init__(self):
        super().__init__()

    def construct(self, x):
        l = _ops.cholesky(_spd("MatDet", x))
        d = _ops.diagonal(l, 0, -2, -1)
        return _ops.prod(d * d, -1)


class MatInverse(Cell):
    """The inverse of each symmetric positive-definite matrix, through its Cholesky factor
    (MindSpore 2.10's CPU has no kernel for it).

    Inputs:
        - **x** (Tensor) - ``(..., M, M)``, Float32 or Float64, symmetric positive definite.

    Outputs:
        Tensor of `x`'s shape and dtype.

    Raises:
        TypeError: If `x` is not a Float32 or Float64 Tensor.
        ValueError: If `x` is not a batch of square matrices.
        RuntimeError: If a matrix is not positive definite.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.MatInverse()(ms.Tensor([[4., 0.], [0., 2.]])))
        [[0.25 0.  ]
         [0.   0.5 ]]
    """

    def __init__(self):
        super().__init__()

    def construct(self, x):
        return _ops.cholesky_inverse(_ops.cholesky(_spd("MatInverse", x)))
